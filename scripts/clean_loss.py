#!/usr/bin/env python3
"""How much of a clean article does `copydesk clean` throw away?

Runs `BIN clean --input jsonl --format jsonl` over JSON Lines files of articles that
are already clean (each line an object with `id` and `text`, e.g. the PolNeAR texts in
../shared/dev/quotes/polnear_*.jsonl) and reports the share of words (\\w+ tokens)
that ended up in `removed`, and, apart, in `byline` and `dateline` (kept as metadata,
not lost). Every removal should be true boilerplate: `--show N` prints the N most
common removed texts with their reasons so a person can check them.

Standard library only. Example, from the project root:

  python3 scripts/clean_loss.py --bin target/release/copydesk \\
      ../shared/dev/quotes/polnear_train.jsonl ../shared/dev/quotes/polnear_dev.jsonl
"""
import argparse
import collections
import json
import re
import subprocess
import sys

WORD = re.compile(r"\w+")


def words(text):
    return len(WORD.findall(text or ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="path of the copydesk binary")
    ap.add_argument("--show", type=int, default=20, help="removed texts to list (0: none)")
    ap.add_argument("--max-loss", type=float, default=None,
                    help="exit 1 when the removed share of words is above this (e.g. 0.005)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    records = []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    rec = json.loads(line)
                    records.append({"id": rec["id"], "text": rec["text"]})
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    proc = subprocess.run([args.bin, "clean", "--input", "jsonl", "--format", "jsonl"],
                          input=payload.encode("utf-8"), capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[:500]}")
    results = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line]
    if len(results) != len(records):
        sys.exit(f"expected {len(records)} results, got {len(results)}")

    total = removed = meta = 0
    touched = 0
    by_reason = collections.Counter()
    texts = collections.Counter()
    for rec, res in zip(records, results):
        total += words(rec["text"])
        gone = 0
        for r in res.get("removed") or []:
            n = words(r["text"])
            gone += n
            by_reason[r["reason"]] += n
            texts[(r["reason"], r["text"][:100])] += 1
        for field in ("byline", "dateline"):
            if res.get(field):
                meta += words(res[field]["text"])
        removed += gone
        touched += gone > 0

    share = removed / total if total else 0.0
    print(f"articles: {len(records)}, words: {total}")
    print(f"removed: {removed} words ({share:.4%}) in {touched} articles")
    print(f"by reason: {dict(by_reason.most_common())}")
    print(f"byline + dateline (reported, not lost): {meta} words ({meta / total if total else 0:.4%})")
    if args.show:
        print(f"most common removals:")
        for (reason, text), n in texts.most_common(args.show):
            print(f"  {n:4}  [{reason}] {text}")
    if args.max_loss is not None and share > args.max_loss:
        sys.exit(1)


if __name__ == "__main__":
    main()
