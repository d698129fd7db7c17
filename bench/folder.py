#!/usr/bin/env python3
"""A folder of a few thousand mixed articles, plus every bad input a scraper leaves, run
through copydesk end to end: the checks of "folders at scale" and the -j speed-up.

Run from the project root (Python 3 standard library only), after `cargo build --release`:

    python3 bench/folder.py                 # 3,000 articles, 3 timed runs per thread count
    python3 bench/folder.py --files 1000 --runs 5

The folder is built in a temporary directory from the texts of
../shared/dev/quotes/polnear_{train,dev}.jsonl, one article per file, spread over nested
folders, as `.txt` and extensionless files. Beside them: a binary file (NUL bytes), a
file of control characters, Windows-1252 text, an empty file, a UTF-8 BOM with CRLF
lines, a file over --max-bytes, a 5 MB single line, 200,000 quote marks, a hidden file, a
`.jpg`, and a symlink loop (skipped).

Checked, each a line of PASS or FAIL:
  - the summary line accounts for every input (analyzed + skipped + failed = found) with
    the expected counts, and the exit status is 0 (skipped inputs are not failures);
  - stdout holds one JSON result per analyzed input, each line valid JSON;
  - -j1 and -j2 give byte-identical output;
  - --out-dir writes one parseable result per analyzed input, mirroring the tree;
  - the input tree is byte-for-byte unchanged (SHA-256 of every path and file).
Timed: wall-clock medians of --runs runs at -j1 and -j2, and their ratio.

Exit status: 0 when every check passes, 1 otherwise, 2 when it cannot run.
"""
import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "dev", "quotes")
MAX_BYTES = "8M"
SUMMARY = re.compile(r"copydesk: (\d+) found: (\d+) analyzed, (\d+) skipped, (\d+) failed")


def texts():
    """The article texts of the PolNeAR files, in order."""
    found = []
    for name in ("polnear_train.jsonl", "polnear_dev.jsonl"):
        with open(os.path.join(SHARED, name), encoding="utf-8") as f:
            found.extend(json.loads(line)["text"] for line in f if line.strip())
    if not found:
        sys.exit("folder.py: no texts in " + SHARED)
    return found


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def build_folder(root, files):
    """Writes the folder; returns (analyzed, skipped) expected of it."""
    articles = texts()
    for i in range(files):
        sub = os.path.join(root, f"section-{i % 10}", f"day-{i % 7}")
        name = f"article-{i:05}" + (".txt" if i % 3 else "")
        write(os.path.join(sub, name), articles[i % len(articles)].encode("utf-8"))
    bad = os.path.join(root, "bad")
    analyzed_bad = {
        "windows-1252.txt": "Caf\u00e9 owners said \u201cno\u201d.\n".encode("cp1252"),
        "empty.txt": b"",
        "bom-crlf.txt": "\ufeffTitle\r\n\r\nShe said \u201cyes.\u201d\r\n".encode("utf-8"),
        "single-line.txt": ("word " * 1_000_000).encode("ascii"),
        "quote-marks.txt": b'"' * 200_000,
    }
    skipped_bad = {
        "nul.txt": b"text\x00more text",
        "control.txt": bytes(range(1, 32)) * 100,
        "oversized.txt": b"All work and no play. " * 500_000,
    }
    for name, data in {**analyzed_bad, **skipped_bad}.items():
        write(os.path.join(bad, name), data)
    write(os.path.join(bad, ".hidden.txt"), b"Never read.")
    write(os.path.join(bad, "photo.jpg"), b"\xff\xd8\xff\xe0 not an article")
    os.symlink(bad, os.path.join(bad, "loop"))  # skipped, named, counted
    return files + len(analyzed_bad), len(skipped_bad) + 1


def tree_digest(root):
    digest = hashlib.sha256()
    for folder, dirs, names in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(names + [d for d in dirs if os.path.islink(os.path.join(folder, d))]):
            path = os.path.join(folder, name)
            digest.update(os.path.relpath(path, root).encode())
            if os.path.islink(path):
                digest.update(os.readlink(path).encode())
            else:
                with open(path, "rb") as f:
                    digest.update(f.read())
    return digest.hexdigest()


def run(binary, args):
    start = time.perf_counter()
    done = subprocess.run([binary, "analyze", "--format", "jsonl", "--max-bytes", MAX_BYTES] + args,
                          capture_output=True)
    return done, time.perf_counter() - start


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok, what):
        print(("PASS " if ok else "FAIL ") + what)
        self.failed += not ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "copydesk"))
    ap.add_argument("--files", type=int, default=3000, help="articles in the folder (default 3000)")
    ap.add_argument("--runs", type=int, default=3, help="timed runs per thread count (default 3)")
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        print(f"folder.py: no binary at {args.bin}; run cargo build --release", file=sys.stderr)
        return 2
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="copydesk-folder-") as tmp:
        root = os.path.join(tmp, "in")
        analyzed, skipped = build_folder(root, args.files)
        before = tree_digest(root)
        size_mb = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(root) for n in ns) / 1e6
        print(f"folder: {analyzed + skipped} inputs, {size_mb:.1f} MB, in {root}")

        outputs, times = {}, {1: [], 2: []}
        for round_ in range(args.runs):
            for threads in (1, 2):
                done, seconds = run(args.bin, [f"-j{threads}", root])
                times[threads].append(seconds)
                outputs[threads] = done
        first = outputs[1]
        stderr = first.stderr.decode("utf-8", "replace")
        summary = SUMMARY.search(stderr)
        counts = tuple(int(x) for x in summary.groups()) if summary else None
        want = (analyzed + skipped, analyzed, skipped, 0)
        checks.check(first.returncode == 0, f"exit status 0 (got {first.returncode})")
        checks.check(counts == want, f"summary found/analyzed/skipped/failed = {want} (got {counts})")
        lines = first.stdout.decode("utf-8").splitlines()
        parsed = 0
        for line in lines:
            try:
                json.loads(line)
                parsed += 1
            except ValueError:
                pass
        checks.check(len(lines) == analyzed and parsed == analyzed,
                     f"{analyzed} results on stdout, all valid JSON (got {len(lines)}, {parsed} valid)")
        checks.check(outputs[1].stdout == outputs[2].stdout, "-j1 and -j2 outputs are identical")

        out_dir = os.path.join(tmp, "out")
        done, _ = run(args.bin, ["-q", "-o", out_dir, root])
        written = [os.path.join(d, n) for d, _, ns in os.walk(out_dir) for n in ns]
        valid = 0
        for path in written:
            with open(path, encoding="utf-8") as f:
                try:
                    json.loads(f.read())
                    valid += 1
                except ValueError:
                    pass
        checks.check(done.returncode == 0 and len(written) == analyzed == valid,
                     f"--out-dir: {analyzed} parseable results (got {len(written)}, {valid} valid)")
        checks.check(tree_digest(root) == before, "input tree byte-for-byte unchanged")

    j1, j2 = statistics.median(times[1]), statistics.median(times[2])
    print(f"time: -j1 {j1:.2f} s, -j2 {j2:.2f} s (medians of {args.runs}); "
          f"speed-up {j1 / j2:.2f}x on {os.cpu_count()} cores")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
