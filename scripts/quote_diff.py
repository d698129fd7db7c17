#!/usr/bin/env python3
"""Lists the quotes two copydesk binaries disagree on, judged against a gold PolNeAR file.

Usage: scripts/quote_diff.py OLD_BIN NEW_BIN GOLD.jsonl [GOLD.jsonl ...] [--width N]

For a rule change, the scores move by a few quotes; this shows which ones, and
whether each moved toward the gold or away from it. A quote (span and speaker
mention) only the old binary gives is printed with "-", one only the new binary
gives with "+"; each is marked TP or FP (matched to a gold quote or not, as
../shared/eval/quotes_eval.py matches) and, when matched, whether its speaker is
right by the lenient score. The last line counts each kind, so that
"+TP 13, -TP 2, +FP 1, -FP 2" reads as 11 quotes more found and 1 false one fewer.
"""
import argparse
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import quotes_eval as qe  # noqa: E402


def judged(doc, preds):
    """Each predicted quote, keyed by span and speaker mention: matched?, speaker right?"""
    text = doc["text"]
    spans = [qe.content_span(text, p["start"], p["end"]) for p in preds]
    golds = [qe.content_span(text, q["start"], q["end"]) for q in doc["quotes"]]
    gold_of = {pi: gi for gi, pi in qe.match(golds, spans)}
    out = {}
    for pi, p in enumerate(preds):
        gi = gold_of.get(pi)
        gold = doc["quotes"][gi] if gi is not None else None
        right = None
        if gold is not None and gold.get("speaker") is not None:
            right = qe.speaker_lenient(gold["speaker"], p.get("speaker"))
        out[(p["start"], p["end"], p.get("speaker"))] = (gi is not None, right, gold and gold.get("speaker"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--width", type=int, default=80, help="context characters before each quote")
    args = ap.parse_args()

    docs = [json.loads(line) for path in args.gold for line in open(path, encoding="utf-8") if line.strip()]
    old = qe.CopydeskSystem(args.old).run(docs)
    new = qe.CopydeskSystem(args.new).run(docs)
    counts = Counter()
    for doc, before, after in zip(docs, old, new):
        a, b = judged(doc, before), judged(doc, after)
        for key in sorted(set(a) ^ set(b), key=lambda k: (k[0], k[1], k[2] or "")):
            side = "-" if key in a else "+"
            matched, right, gold_speaker = (a if key in a else b)[key]
            kind = "TP" if matched else "FP"
            counts[side + kind] += 1
            start, end, speaker = key
            text = doc["text"]
            context = text[max(0, start - args.width):start] + "[[" + text[start:end][:100] + "]]"
            print(f"{side}{kind} speaker={speaker!r} gold={gold_speaker!r} right={right} {doc['id']}\n"
                  f"    {context!r}")
    print(", ".join(f"{k} {counts[k]}" for k in ["+TP", "-TP", "+FP", "-FP"]))


if __name__ == "__main__":
    main()
