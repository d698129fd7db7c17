#!/usr/bin/env bash
# Create bench/.venv and install the peers of bench/peers.py with pip.
# Each peer is installed on its own, so one that fails does not stop the others;
# bench/peers.py reports a peer that cannot be imported as "not installed".
set -u
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" || { echo "setup: cannot create $venv" >&2; exit 1; }
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
failed=()
while read -r pkg; do
    case "$pkg" in ''|'#'*) continue ;; esac
    echo "setup: pip install $pkg" >&2
    if ! "$venv/bin/python" -m pip install --quiet "$pkg"; then
        echo "setup: $pkg failed to install; its rows will say so" >&2
        failed+=("$pkg")
    fi
done < "$here/requirements.txt"
if [ ${#failed[@]} -gt 0 ]; then
    echo "setup: not installed: ${failed[*]}" >&2
fi
echo "setup: done ($venv)" >&2
