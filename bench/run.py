#!/usr/bin/env python3
"""copydesk's benchmark: speed against `wc -w` and peer libraries, linearity, memory, and
the dev-set scores against bench/baseline.json.

Run from the project root (Python 3 standard library only; the peers run in bench/.venv):

    python3 bench/run.py --setup             # once: bench/.venv with the peers (pip)
    python3 bench/run.py                     # everything: ~20 MB corpus, 5 runs, peers, scores
    python3 bench/run.py --no-peers          # copydesk and wc -w only (no venv needed)
    python3 bench/run.py --scores-only       # the dev-set scores against the baseline
    python3 bench/run.py --update-baseline   # rewrite bench/baseline.json from this binary

What is measured (MB = 10^6 bytes, always bytes of the JSON Lines corpus):
  - the corpus: the texts of ../shared/dev/quotes/polnear_{train,dev}.jsonl as
    {"id", "text"} JSON Lines, repeated to --size-mb, in bench/corpus/;
  - `wc -w < corpus.jsonl` (the machine's reference: the same bytes copydesk reads);
  - `copydesk TASK --input jsonl --format jsonl -q -j1 < corpus.jsonl > /dev/null` for
    sentences, quotes, clean and analyze, and analyze with the default threads;
  - each peer (bench/peers.py) on the same records, timing only its own calls;
  - linearity: analyze -j1 on a prefix of a tenth of the corpus against the whole;
  - memory: max RSS (GNU time's %M) of analyze -j1 and default threads over a
    --stream-mb stream made by repeating the corpus into copydesk's standard input.
Timings are wall-clock medians of --runs runs (min-max shown); the runs of copydesk and
wc -w are interleaved, round by round, so a change of machine load hits them alike.

Exit status: 0; 1 when a dev-set score is lower than the baseline (beyond a tolerance), or,
with --strict, when a target fails; 2 when the bench itself cannot run (no binary,
copydesk exits with an error...).
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
# BENCH_PYTHON: another interpreter that has the peers installed.
VENV_PY = os.environ.get("BENCH_PYTHON") or os.path.join(BENCH, ".venv", "bin", "python")
DEFAULT_BASELINE = os.path.join(BENCH, "baseline.json")
BASELINE = DEFAULT_BASELINE  # --baseline

sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True  # no bench/__pycache__
import peers as peer_defs  # noqa: E402 - only the standard library at import time

TASKS = ["sentences", "quotes", "clean", "analyze"]
TARGET_ANALYZE_WC = 0.7
TARGET_SENTENCES_WC = 0.5
TARGET_LINEARITY_SLACK = 1.1  # time ratio <= 1.1 x size ratio (11x for 2 MB -> 20 MB)
TARGET_RSS_MB = 64.0

# Score name -> (eval, how to read it, tolerance, label). Percentages are compared in
# points; counts exactly.
SCORES = {
    "quotes.quote_f1": ("quotes", "percent", 0.05, "quotes: quote F1 (lenient match)"),
    "quotes.speaker_strict": ("quotes", "percent", 0.05, "quotes: speaker accuracy strict"),
    "quotes.speaker_lenient": ("quotes", "percent", 0.05, "quotes: speaker accuracy lenient"),
    "quotes.quote_speaker_f1": ("quotes", "percent", 0.05, "quotes: quote+speaker F1 (lenient)"),
    "boilerplate.accuracy": ("boiler", "percent", 0.05, "boilerplate: snippet accuracy (tfeval)"),
    "sbd.exact": ("sbd", "count", 0, "sentences: cases entirely right"),
    "sbd.f1": ("sbd", "percent", 0.05, "sentences: boundary F1"),
}


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def die(msg):
    """The bench itself cannot go on: exit status 2."""
    log(msg)
    sys.exit(2)


# ------------------------------------------------------------------ processes
def _find_gnu_time():
    """GNU time reports the max RSS of the command alone. A child forked straight from this
    Python process would not do: Linux carries the parent's RSS high-water mark across
    fork and exec into the child's ru_maxrss, so every child would seem to need as much
    memory as the bench driver itself."""
    path = "/usr/bin/time"
    if not os.access(path, os.X_OK):
        return None
    try:
        with tempfile.NamedTemporaryFile() as f:
            r = subprocess.run([path, "-f", "%M", "-o", f.name, "true"], capture_output=True, timeout=60)
            if r.returncode == 0 and f.read().strip().isdigit():
                return path
    except (OSError, subprocess.SubprocessError):
        pass
    return None


GNU_TIME = _find_gnu_time()
RSS_METHOD = "GNU time %M" if GNU_TIME else "VmHWM sampled every 5 ms"


def _sample_hwm(pid, box, done):
    """Without GNU time: read the child's VmHWM (its own high-water mark, reset by exec)
    until it exits; the last few milliseconds of its life can be missed."""
    path = "/proc/%d/status" % pid
    while not done.is_set():
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        box[0] = max(box[0], int(line.split()[1]))
                        break
        except (OSError, ValueError):
            return
        done.wait(0.005)


def run_measured(cmd, stdin_path=None, stdin_repeat=1, stdout=subprocess.DEVNULL, timeout=None,
                 env=None):
    """Run cmd with stdin from stdin_path (repeated stdin_repeat times through a pipe when
    > 1); return wall and CPU seconds (CPU from wait4, the command and its children), max
    RSS of the command in KiB (see _find_gnu_time) and the exit code."""
    stdin_file = open(stdin_path, "rb") if stdin_path and stdin_repeat == 1 else None
    errf = tempfile.TemporaryFile()
    rssf = tempfile.NamedTemporaryFile(delete=False) if GNU_TIME else None
    full = [GNU_TIME, "-f", "%M", "-o", rssf.name, "--"] + list(cmd) if GNU_TIME else list(cmd)
    hwm, done = [0], threading.Event()
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdin=stdin_file if stdin_file else
                                (subprocess.PIPE if stdin_path else subprocess.DEVNULL),
                                stdout=stdout, stderr=errf, env=env)
        sampler = None
        if not GNU_TIME:
            sampler = threading.Thread(target=_sample_hwm, args=(proc.pid, hwm, done), daemon=True)
            sampler.start()
        feeder = None
        if stdin_path and stdin_file is None:
            def feed():
                try:
                    for _ in range(stdin_repeat):
                        with open(stdin_path, "rb") as f:
                            shutil.copyfileobj(f, proc.stdin, 1 << 20)
                except (BrokenPipeError, OSError):
                    pass
                finally:
                    try:
                        proc.stdin.close()
                    except OSError:
                        pass
            feeder = threading.Thread(target=feed, daemon=True)
            feeder.start()
        killer = threading.Timer(timeout, proc.kill) if timeout else None
        if killer:
            killer.start()
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        if killer:
            killer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if feeder:
            feeder.join()
        if sampler:
            sampler.join()
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
        maxrss = hwm[0]
        if rssf:
            with open(rssf.name, encoding="utf-8", errors="replace") as f:
                lines = [l.strip() for l in f if l.strip()]
            maxrss = int(lines[-1]) if lines and lines[-1].isdigit() else 0
    finally:
        errf.close()
        if stdin_file:
            stdin_file.close()
        if rssf:
            rssf.close()
            os.unlink(rssf.name)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": maxrss,
            "rc": proc.returncode, "stderr": err[-600:]}


def git_describe():
    """HEAD's short hash, with '+changes' when the sources that make the binary differ
    from it (bench/ and docs do not count)."""
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=20).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "src", "rules",
                                "Cargo.toml", "Cargo.lock"],
                               capture_output=True, text=True, timeout=20).stdout.strip()
        return (head + ("+changes" if dirty else "")) or None
    except (OSError, subprocess.SubprocessError):
        return None


def stale_binary(binary):
    """True when a file of src/, rules/ or Cargo.* is newer than the binary."""
    try:
        built = os.path.getmtime(binary)
    except OSError:
        return False
    paths = [os.path.join(ROOT, "Cargo.toml"), os.path.join(ROOT, "Cargo.lock")]
    for top in ("src", "rules"):
        for d, _, files in os.walk(os.path.join(ROOT, top)):
            paths.extend(os.path.join(d, f) for f in files)
    return any(os.path.exists(p) and os.path.getmtime(p) > built for p in paths)


# ------------------------------------------------------------------ corpus
def read_sources(shared):
    docs = []
    for name in ("polnear_train.jsonl", "polnear_dev.jsonl"):
        path = os.path.join(shared, "dev", "quotes", name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    docs.append((rec["id"], rec["text"]))
    if not docs:
        die("no texts in %s/dev/quotes" % shared)
    return docs


def size_name(mb):
    return ("%g" % mb).replace(".", "_") + "mb"


def build_corpus(sources, size_mb, outdir):
    """Write news-<size>.jsonl (the sources repeated until the file holds size_mb MB) and
    its prefix of a tenth of that size; return both descriptions."""
    os.makedirs(outdir, exist_ok=True)
    target = int(size_mb * 1e6)
    lines, total, rep = [], 0, 0
    while total < target:
        for doc_id, text in sources:
            line = (json.dumps({"id": "%s~%d" % (doc_id, rep), "text": text}, ensure_ascii=False)
                    + "\n").encode("utf-8")
            lines.append((line, len(text.encode("utf-8"))))
            total += len(line)
            if total >= target:
                break
        rep += 1

    def write(name, part):
        path = os.path.join(outdir, name)
        with open(path + ".tmp", "wb") as f:
            for line, _ in part:
                f.write(line)
        os.replace(path + ".tmp", path)
        return {"path": os.path.relpath(path, ROOT), "abspath": path, "docs": len(part),
                "bytes": sum(len(l) for l, _ in part), "text_bytes": sum(t for _, t in part)}

    small_target, small = target / 10, []
    acc = 0
    for item in lines:
        if acc >= small_target:
            break
        small.append(item)
        acc += len(item[0])
    big = write("news-%s.jsonl" % size_name(size_mb), lines)
    little = write("news-%s.jsonl" % size_name(size_mb / 10), small)
    big["repeats"] = rep
    return big, little


# ------------------------------------------------------------------ copydesk
def copydesk_cmd(binary, task, threads):
    cmd = [binary, task, "--input", "jsonl", "--format", "jsonl", "-q"]
    if threads:
        cmd.append("-j%d" % threads)
    return cmd


def validate_copydesk(binary, corpus):
    """One untimed run of each task on the small corpus: exit 0 and one output line per
    record. Returns {task: error or None}."""
    problems = {}
    for task in TASKS:
        with tempfile.TemporaryFile() as out:
            r = run_measured(copydesk_cmd(binary, task, 1), corpus["abspath"], stdout=out,
                             timeout=600)
            out.seek(0)
            n = sum(1 for line in out if line.strip())
        if r["rc"] != 0:
            problems[task] = "exit %d: %s" % (r["rc"], r["stderr"].strip()[-300:])
        elif n != corpus["docs"]:
            problems[task] = "%d output lines for %d records" % (n, corpus["docs"])
        else:
            problems[task] = None
    return problems


def ensure_binary(args):
    if args.build:
        log("cargo build --release")
        if subprocess.run(["cargo", "build", "--release"], cwd=ROOT).returncode != 0:
            die("cargo build --release failed")
    if os.path.exists(args.bin):
        if stale_binary(args.bin):
            log("warning: %s is older than the sources (src/, rules/, Cargo.*): "
                "cargo build --release, or --build" % args.bin)
        return
    if not args.bin_is_default:
        die("no binary at %s" % args.bin)
    log("%s is missing: cargo build --release" % args.bin)
    r = subprocess.run(["cargo", "build", "--release"], cwd=ROOT)
    if r.returncode != 0 or not os.path.exists(args.bin):
        die("cargo build --release failed")


# ------------------------------------------------------------------ statistics
def summarize(mb_values):
    return {"median": statistics.median(mb_values), "min": min(mb_values), "max": max(mb_values),
            "runs": mb_values}


def measure_rounds(configs, runs):
    """configs: {key: (cmd, corpus, env)}; run each once per round, round after round."""
    samples = {k: [] for k in configs}
    failures = {}
    for r in range(runs):
        log("round %d/%d" % (r + 1, runs))
        for key, (cmd, corpus, env) in configs.items():
            if key in failures:
                continue
            m = run_measured(cmd, corpus["abspath"], timeout=3600, env=env)
            if m["rc"] != 0:
                failures[key] = "exit %d: %s" % (m["rc"], m["stderr"].strip()[-300:])
                continue
            samples[key].append(m)
    out = {}
    for key, ms in samples.items():
        corpus = configs[key][1]
        if key in failures or not ms:
            out[key] = {"error": failures.get(key, "no run")}
            continue
        mb = corpus["bytes"] / 1e6
        out[key] = summarize([mb / m["wall"] for m in ms])
        out[key].update({
            "seconds_median": statistics.median(m["wall"] for m in ms),
            "mb_per_cpu_s": mb / max(statistics.median(m["cpu"] for m in ms), 1e-6),
            "maxrss_mb": max(m["maxrss_kb"] for m in ms) / 1024,
            "mb": mb})
    return out


# ------------------------------------------------------------------ peers
def run_peers(args, corpus):
    names = args.peer_names
    results = {}
    if not shutil.which(VENV_PY):
        for name in names:
            results[name] = {"task": peer_defs.PEERS[name][0],
                             "error": "no %s: run python3 bench/run.py --setup" % os.path.relpath(VENV_PY, ROOT)}
        return results
    for name in names:
        task = peer_defs.PEERS[name][0]
        log("peer %s (%s)" % (name, task))
        with tempfile.TemporaryFile() as out:
            cmd = [VENV_PY, os.path.join(BENCH, "peers.py"), "--peer", name, "--task", task,
                   "--corpus", corpus["abspath"], "--runs", str(args.runs),
                   "--seconds", str(args.peer_seconds)]
            budget = args.runs * (args.peer_seconds or 3600) * 3 + 900
            m = run_measured(cmd, None, stdout=out, timeout=budget)
            out.seek(0)
            text = out.read().decode("utf-8", "replace").strip()
        rec = None
        if text:
            try:
                rec = json.loads(text.splitlines()[-1])
            except ValueError:
                rec = None
        if rec is None or not rec.get("ok"):
            why = (rec or {}).get("error") or ("exit %d: %s" % (m["rc"], m["stderr"].strip()[-300:]))
            stage = (rec or {}).get("stage")
            if stage == "import":
                why = "not installed (" + why + ")"
            elif stage:
                why = "failed at %s (%s)" % (stage, why)
            results[name] = {"task": task, "error": why}
            log("  %s: %s" % (name, why))
            continue
        rates = [r["bytes"] / 1e6 / r["seconds"] for r in rec["runs"] if r["seconds"] > 0]
        if not rates:
            results[name] = {"task": task, "error": "no time measured"}
            continue
        res = summarize(rates)
        first = rec["runs"][0]
        res.update({
            "task": task, "version": rec.get("version"),
            "mb_per_cpu_s": first["bytes"] / 1e6 / statistics.median(
                max(r["cpu_seconds"], 1e-9) for r in rec["runs"]),
            "maxrss_mb": m["maxrss_kb"] / 1024, "docs": first["docs"], "docs_total": rec["docs_total"],
            "mb": first["bytes"] / 1e6, "mb_total": rec["bytes_total"] / 1e6,
            "unit": rec.get("unit"), "units": first["units"], "load_seconds": rec.get("load_seconds")})
        results[name] = res
    return results


# ------------------------------------------------------------------ scores
def run_scores(args):
    """Run the three scoring scripts of ../shared/eval on --bin; return {name: value} and
    raw details, or raise SystemExit when a script cannot run."""
    ev = os.path.join(args.shared, "eval")
    dev = os.path.join(args.shared, "dev")
    py = sys.executable
    vals, raw = {}, {}

    def call(cmd):
        log("score: " + os.path.basename(cmd[1]))
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=3600)
        if r.returncode != 0:
            die("%s failed (exit %d): %s" % (cmd[1], r.returncode, r.stderr[-800:]))
        return r.stdout

    out = call([py, os.path.join(ev, "quotes_eval.py"), "--system", "copydesk", "--bin", args.bin,
                os.path.join(dev, "quotes", "polnear_dev.jsonl"), "--json"])
    q = json.loads(out.strip().splitlines()[-1])
    raw["quotes"] = q
    vals["quotes.quote_f1"] = q["lenient_P_R_F1"][2]
    vals["quotes.speaker_strict"] = q["attr_acc_strict"]
    vals["quotes.speaker_lenient"] = q["attr_acc_lenient"]
    vals["quotes.quote_speaker_f1"] = q["quote+speaker_lenient_P_R_F1"][2]

    with tempfile.TemporaryDirectory() as tmp:
        bout = os.path.join(tmp, "boiler.json")
        call([py, os.path.join(ev, "boiler_eval.py"), "--system", "copydesk", "--bin", args.bin,
              "--data", os.path.join(dev, "boilerplate"), "--set", "tfeval", "--out", bout])
        with open(bout, encoding="utf-8") as f:
            b = [r for r in json.load(f) if r["system"] == "copydesk" and r["set"] == "tfeval"][0]
        raw["boilerplate"] = {k: b.get(k) for k in ("n_docs", "snippets", "token", "errors")}
        vals["boilerplate.accuracy"] = round(100 * b["snippets"]["acc"], 2)

        sout = os.path.join(tmp, "sbd.json")
        call([py, os.path.join(ev, "sbd_eval.py"), "--system", "copydesk", "--bin", args.bin,
              "--data", os.path.join(dev, "sbd", "sentencex_en.jsonl"), "--json", sout])
        with open(sout, encoding="utf-8") as f:
            s = json.load(f)["accuracy"]["sentencex_en.jsonl"]["copydesk"]
        raw["sbd"] = s
        vals["sbd.exact"] = s["exact"]
        vals["sbd.f1"] = round(100 * s["f1"], 2)
    return vals, raw


def load_baseline():
    if not os.path.exists(BASELINE):
        return None
    with open(BASELINE, encoding="utf-8") as f:
        return json.load(f)


def write_baseline(vals, binary):
    doc = {
        "_comment": "Dev-set scores that bench/run.py must not go below (percent points; "
                    "sbd.exact is a count). Rewrite with: python3 bench/run.py --update-baseline",
        "recorded": {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "commit": git_describe(), "bin": os.path.relpath(binary, ROOT)},
        "scores": {k: vals[k] for k in SCORES},
        "tolerance": {k: SCORES[k][2] for k in SCORES},
    }
    with open(BASELINE + ".tmp", "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, sort_keys=False)
        f.write("\n")
    os.replace(BASELINE + ".tmp", BASELINE)


def compare_scores(vals, baseline):
    """Rows (key, label, value, base, delta, status) and whether any fell."""
    rows, fell = [], False
    base_scores = (baseline or {}).get("scores", {})
    tols = (baseline or {}).get("tolerance", {})
    for key, (_, _, tol, label) in SCORES.items():
        v, b = vals.get(key), base_scores.get(key)
        tol = tols.get(key, tol)
        if v is None:
            rows.append((key, label, v, b, None, "MISSING"))
            fell = True
        elif b is None:
            rows.append((key, label, v, b, None, "no baseline"))
        else:
            d = v - b
            bad = d < -tol - 1e-9
            fell |= bad
            rows.append((key, label, v, b, d, "LOWER" if bad else "ok"))
    return rows, fell


def print_scores(rows, baseline):
    rec = (baseline or {}).get("recorded", {})
    print("\nDev-set scores (../shared/eval) against %s%s" % (os.path.relpath(BASELINE, ROOT),
          " (recorded %s, %s)" % (rec.get("date"), rec.get("commit")) if rec else " (none yet)"))
    print("  %-42s %8s %9s %7s  %s" % ("score", "now", "baseline", "delta", "status"))
    for _, label, v, b, d, status in rows:
        print("  %-42s %8s %9s %7s  %s" % (label, "-" if v is None else v, "-" if b is None else b,
                                          "-" if d is None else "%+.2f" % d, status))


# ------------------------------------------------------------------ report
def fmt_rate(x):
    if x is None:
        return "-"
    return "%.3f" % x if x < 1 else "%.2f" % x if x < 100 else "%.0f" % x


def print_table(res, args):
    cd = res["copydesk"]
    print("\nThroughput: MB/s of JSON Lines input, wall-clock median of %d runs (min-max); "
          "ratio = MB/s / copydesk's MB/s on the same task at -j1" % args.runs)
    hdr = ("task", "system", "MB/s", "min-max", "ratio", "MB/cpu-s", "RSS MB", "note")
    rows = []
    wc = res["wc"]
    if "error" in wc:
        rows.append(("reference", "wc -w", "-", "-", "-", "-", "-", "failed: " + wc["error"]))
    else:
        rows.append(("reference", "wc -w", fmt_rate(wc["median"]),
                     "%s-%s" % (fmt_rate(wc["min"]), fmt_rate(wc["max"])), "-",
                     fmt_rate(wc["mb_per_cpu_s"]), "%.1f" % wc["maxrss_mb"],
                     "the same %.1f MB file, locale %s" % (wc["mb"], res["wc_locale"])))
    for task in TASKS:
        keys = ["%s-j1" % task] + {"analyze": ["analyze-jdefault"],
                                     "sentences": ["sentences-kb-j1"]}.get(task, [])
        base = cd.get("%s-j1" % task, {}).get("median")
        for key in keys:
            r = cd.get(key)
            if r is None:
                continue
            label = {"analyze-jdefault": "copydesk -j%d (default)" % res["cpus"],
                     "sentences-kb-j1": "copydesk -j1 --keep-boilerplate"}.get(key, "copydesk -j1")
            if "error" in r:
                rows.append((task, label, "-", "-", "-", "-", "-", "failed: " + r["error"]))
                continue
            note = "same file as wc -w"
            if key == "analyze-jdefault":
                note = "default threads; ratio vs -j1"
            elif key == "sentences-kb-j1":
                note = "no cleaning: segmentation alone, as sbd_eval.py runs it"
            rows.append((task, label, fmt_rate(r["median"]),
                         "%s-%s" % (fmt_rate(r["min"]), fmt_rate(r["max"])),
                         "%.2fx" % (r["median"] / base) if base else "-",
                         fmt_rate(r["mb_per_cpu_s"]), "%.1f" % r["maxrss_mb"], note))
        for name, p in res["peers"].items():
            if p["task"] != task:
                continue
            if "error" in p:
                rows.append((task, name, "-", "-", "-", "-", "-", p["error"][:150]))
                continue
            if p["docs"] < p["docs_total"]:
                note = "prefix: %d of %d docs (%.2f MB), %gs budget" % (
                    p["docs"], p["docs_total"], p["mb"], args.peer_seconds)
            else:
                note = "all %d docs" % p["docs"]
            if p.get("version"):
                note += "; v" + p["version"]
            rows.append((task, name, fmt_rate(p["median"]),
                         "%s-%s" % (fmt_rate(p["min"]), fmt_rate(p["max"])),
                         "%.3fx" % (p["median"] / base) if base else "-",
                         fmt_rate(p["mb_per_cpu_s"]), "%.1f" % p["maxrss_mb"], note))
    widths = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    line = "  ".join("%%-%ds" % w for w in widths[:-1]) + "  %s"
    print(line % hdr)
    print(line % (tuple("-" * w for w in widths[:-1]) + ("-" * min(widths[-1], 40),)))
    for r in rows:
        print(line % r)
    print("MB/cpu-s: MB per CPU second (user + sys, median), less sensitive than wall-clock to "
          "other work on the machine. RSS MB: max resident set of the process (%s)." % RSS_METHOD)
    if res["peers"]:
        print("Peers: only each peer's own call on each text is timed (no JSON parsing, no "
              "output, no model loading), which flatters them; a peer's RSS is its whole Python "
              "process, with its models and the corpus's texts in memory.")


def evaluate_targets(res, args):
    cd, wc, peers = res["copydesk"], res["wc"], res["peers"]
    targets = []

    def rate(key):
        r = cd.get(key, {})
        return r.get("median")

    wcr = wc.get("median")
    for task, limit in (("analyze", TARGET_ANALYZE_WC), ("sentences", TARGET_SENTENCES_WC)):
        v = rate("%s-j1" % task)
        if v is None or wcr is None:
            targets.append(("%s -j1 >= %.1fx wc -w" % (task, limit), "-", None))
        else:
            by_cpu = cd["%s-j1" % task]["mb_per_cpu_s"] / wc["mb_per_cpu_s"]
            targets.append(("%s -j1 >= %.1fx wc -w" % (task, limit),
                            "%.2fx (by CPU time %.2fx)" % (v / wcr, by_cpu), v / wcr >= limit))

    ran = [(n, p) for n, p in peers.items() if "error" not in p]
    if not ran:
        targets.append(("copydesk ahead of every peer (same task, -j1)",
                        "no peer ran" if not args.no_peers else "--no-peers", None))
    else:
        worst = None
        for n, p in ran:
            v = rate("%s-j1" % p["task"])
            if v is None:
                continue
            margin = v / p["median"]
            if worst is None or margin < worst[0]:
                worst = (margin, n, p["task"])
        if worst is None:
            targets.append(("copydesk ahead of every peer (same task, -j1)", "-", None))
        else:
            targets.append(("copydesk ahead of every peer (same task, -j1)",
                            "closest: %s (%s) %.2fx" % (worst[1], worst[2], worst[0]), worst[0] > 1.0))

    lin = res.get("linearity")
    if lin:
        limit = TARGET_LINEARITY_SLACK * lin["size_ratio"]
        targets.append(("linearity: analyze -j1 time, %.1f MB / %.1f MB <= %.1fx" % (
            lin["big_mb"], lin["small_mb"], limit), "%.2fx" % lin["time_ratio"] if lin["time_ratio"] else "-",
            None if lin["time_ratio"] is None else lin["time_ratio"] <= limit))
    for key, label in (("j1", "-j1"), ("jdefault", "-j%d (default)" % res["cpus"])):
        m = res.get("memory", {}).get(key)
        if m is None:
            continue
        name = "max RSS, analyze %s, %.0f MB stream <= %g MB" % (label, res["memory"]["stream_mb"], TARGET_RSS_MB)
        if "error" in m:
            targets.append((name, m["error"][:60], False))
        else:
            targets.append((name, "%.1f MB" % m["maxrss_mb"], m["maxrss_mb"] <= TARGET_RSS_MB))
    return targets


def print_targets(targets, res):
    print("\nTargets (issue 7): PASS/FAIL on the wall-clock medians")
    w = max(len(t[0]) for t in targets)
    for name, value, ok in targets:
        print("  %-*s  %-36s %s" % (w, name, value, "PASS" if ok else "FAIL" if ok is False else "n/a"))
    mem = res.get("memory", {})
    for key, label in (("j1", "-j1"), ("jdefault", "default threads")):
        m = mem.get(key)
        if m and "error" not in m:
            on_corpus = res["copydesk"].get("analyze-" + key, {}).get("maxrss_mb")
            print("  (the %.0f MB stream at %s: %.2f MB/s in %.1f s; peak RSS %s on the %.1f MB corpus)" % (
                m["mb"], label, m["mb"] / m["wall"], m["wall"],
                "-" if on_corpus is None else "%.1f MB" % on_corpus, res["corpus"]["big"]["bytes"] / 1e6))


# ------------------------------------------------------------------ main
def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    default_target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    default_bin = os.path.join(default_target, "release", "copydesk")
    ap.add_argument("--bin", default=None,
                    help="copydesk binary (default: $CARGO_TARGET_DIR or target/, /release/copydesk; "
                         "built with cargo build --release when missing)")
    ap.add_argument("--build", action="store_true",
                    help="run cargo build --release first (with the default --bin)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs of each command (default 5)")
    ap.add_argument("--size-mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    ap.add_argument("--stream-mb", type=float, default=100.0,
                    help="size of the stream for the memory check (default 100; 0 skips it)")
    ap.add_argument("--no-linearity", action="store_true", help="skip the small-corpus runs")
    ap.add_argument("--no-peers", action="store_true", help="copydesk and wc -w only")
    ap.add_argument("--peers", help="comma-separated subset of peers (default: all): " +
                    ", ".join(peer_defs.PEERS))
    ap.add_argument("--peer-seconds", type=float, default=10.0,
                    help="time budget of a peer's first run, in seconds; later runs redo the same "
                         "documents (default 10; 0: the whole corpus)")
    sc = ap.add_mutually_exclusive_group()
    sc.add_argument("--scores", dest="scores", action="store_true", default=True,
                    help="run the dev-set scores and compare with bench/baseline.json (default)")
    sc.add_argument("--no-scores", dest="scores", action="store_false")
    ap.add_argument("--scores-only", action="store_true", help="only the dev-set scores")
    ap.add_argument("--update-baseline", action="store_true",
                    help="run the dev-set scores and write them to bench/baseline.json (no timing)")
    ap.add_argument("--strict", action="store_true", help="also exit 1 when a speed or memory target fails")
    ap.add_argument("--setup", action="store_true",
                    help="create bench/.venv and pip install the peers (bench/setup.sh), then exit")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"),
                    help="the shared folder with dev/ and eval/ (default: ../shared)")
    ap.add_argument("--baseline", default=DEFAULT_BASELINE,
                    help="the scores file to compare with or write (default bench/baseline.json)")
    ap.add_argument("--json", help="also write every figure as JSON to this file")
    args = ap.parse_args()
    args.bin_is_default = args.bin is None
    args.bin = os.path.abspath(args.bin or default_bin)
    args.shared = os.path.abspath(args.shared)
    args.peer_names = list(peer_defs.PEERS)
    if args.peers:
        args.peer_names = [p.strip() for p in args.peers.split(",") if p.strip()]
        unknown = [p for p in args.peer_names if p not in peer_defs.PEERS]
        if unknown:
            ap.error("unknown peer(s) %s; known: %s" % (", ".join(unknown), ", ".join(peer_defs.PEERS)))
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.size_mb <= 0:
        ap.error("--size-mb must be positive")
    return args


def main():
    global BASELINE
    args = parse_args()
    BASELINE = os.path.abspath(args.baseline)
    json_out = os.path.abspath(args.json) if args.json else None
    os.chdir(ROOT)
    if args.setup:
        return subprocess.run(["bash", os.path.join(BENCH, "setup.sh")]).returncode

    ensure_binary(args)

    if args.update_baseline:
        old = load_baseline()
        vals, _ = run_scores(args)
        rows, _ = compare_scores(vals, old)
        print_scores(rows, old)
        write_baseline(vals, args.bin)
        print("\nwrote %s" % os.path.relpath(BASELINE, ROOT))
        return 0

    res = {"started": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
           "bin": args.bin, "commit": git_describe(), "cpus": os.cpu_count() or 1,
           "loadavg_start": os.getloadavg(), "copydesk": {}, "wc": {}, "peers": {}}
    status = 0
    if not args.scores_only:
        sources = read_sources(args.shared)
        big, small = build_corpus(sources, args.size_mb, os.path.join(BENCH, "corpus"))
        res["corpus"] = {"big": {k: v for k, v in big.items() if k != "abspath"},
                         "small": {k: v for k, v in small.items() if k != "abspath"}}
        log("corpus %s: %d docs, %.1f MB (%.1f MB of text; %d source texts, %d pass(es))" % (
            big["path"], big["docs"], big["bytes"] / 1e6, big["text_bytes"] / 1e6, len(sources),
            big["repeats"]))

        problems = validate_copydesk(args.bin, small)
        for task, why in problems.items():
            if why:
                log("copydesk %s does not run: %s" % (task, why))
        wc_env = dict(os.environ)
        res["wc_locale"] = wc_env.get("LC_ALL") or wc_env.get("LC_CTYPE") or wc_env.get("LANG") or "C"
        configs = {"wc": (["wc", "-w"], big, None)}
        for task in TASKS:
            if not problems[task]:
                configs["%s-j1" % task] = (copydesk_cmd(args.bin, task, 1), big, None)
        if not problems["sentences"]:
            configs["sentences-kb-j1"] = (copydesk_cmd(args.bin, "sentences", 1) + ["--keep-boilerplate"],
                                          big, None)
        if not problems["analyze"]:
            configs["analyze-jdefault"] = (copydesk_cmd(args.bin, "analyze", None), big, None)
            if not args.no_linearity:
                configs["analyze-j1-small"] = (copydesk_cmd(args.bin, "analyze", 1), small, None)
        with open(big["abspath"], "rb") as f:  # the page cache holds it for every run
            while f.read(1 << 22):
                pass
        measured = measure_rounds(configs, args.runs)
        res["wc"] = measured.pop("wc")
        for task in TASKS:
            if problems[task]:
                measured["%s-j1" % task] = {"error": problems[task]}
        res["copydesk"] = measured
        if any("error" in v for v in measured.values()) or "error" in res["wc"]:
            status = 2

        if "analyze-j1-small" in measured:
            s, b = measured["analyze-j1-small"], measured.get("analyze-j1", {})
            ok = "error" not in s and "error" not in b
            res["linearity"] = {"small_mb": small["bytes"] / 1e6, "big_mb": big["bytes"] / 1e6,
                                "size_ratio": big["bytes"] / small["bytes"],
                                "small_seconds": s.get("seconds_median"), "big_seconds": b.get("seconds_median"),
                                "time_ratio": b["seconds_median"] / s["seconds_median"] if ok else None}

        if args.stream_mb > 0 and not problems["analyze"]:
            repeat = max(1, round(args.stream_mb * 1e6 / big["bytes"]))
            mem = {"stream_mb": repeat * big["bytes"] / 1e6}
            for key, threads in (("j1", 1), ("jdefault", None)):
                log("memory: analyze %s over a %.0f MB stream" % (key, mem["stream_mb"]))
                m = run_measured(copydesk_cmd(args.bin, "analyze", threads), big["abspath"],
                                 stdin_repeat=repeat, timeout=7200)
                if m["rc"] != 0:
                    mem[key] = {"error": "exit %d: %s" % (m["rc"], m["stderr"].strip()[-300:])}
                    status = 2
                else:
                    mem[key] = {"maxrss_mb": m["maxrss_kb"] / 1024, "wall": m["wall"], "cpu": m["cpu"],
                                "mb": mem["stream_mb"]}
            res["memory"] = mem

        if not args.no_peers:
            res["peers"] = run_peers(args, big)
        res["loadavg_end"] = os.getloadavg()

        print("copydesk bench, %s, %s (%s), %d CPUs, load average %.1f at start, %.1f at end" % (
            res["started"], os.path.relpath(args.bin, ROOT), res["commit"], res["cpus"],
            res["loadavg_start"][0], res["loadavg_end"][0]))
        print("corpus: %s, %d documents, %.2f MB of JSON Lines (%.2f MB of article text)" % (
            big["path"], big["docs"], big["bytes"] / 1e6, big["text_bytes"] / 1e6))
        print_table(res, args)
        targets = evaluate_targets(res, args)
        res["targets"] = [{"target": n, "value": v, "pass": ok} for n, v, ok in targets]
        print_targets(targets, res)
        if args.strict and any(ok is False for _, _, ok in targets):
            status = max(status, 1)

    if args.scores or args.scores_only:
        baseline = load_baseline()
        vals, raw = run_scores(args)
        rows, fell = compare_scores(vals, baseline)
        print_scores(rows, baseline)
        res["scores"] = {"values": vals, "raw": raw, "regressed": fell}
        if baseline is None:
            print("  no %s yet: python3 bench/run.py --update-baseline writes one" % os.path.relpath(BASELINE, ROOT))
        if fell:
            print("  a score fell below the baseline: FAIL")
            status = max(status, 1)
    if json_out:
        with open(json_out, "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)
    return status


if __name__ == "__main__":
    sys.exit(main())
