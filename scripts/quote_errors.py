#!/usr/bin/env python3
"""Lists where copydesk's quotes and speakers disagree with a gold PolNeAR file.

Usage: scripts/quote_errors.py BIN GOLD.jsonl [--only missed|spurious|speaker] [--limit N]

Matching and speaker scoring are those of ../shared/eval/quotes_eval.py (imported),
so the counts here add up to its figures. Speaker errors are grouped into classes
(no speaker, pronoun where the gold names someone, a shorter or longer mention of
the same person, a different speaker) so the biggest class can be worked on first.
"""
import argparse
import json
import os
import sys
from collections import Counter

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import quotes_eval as qe  # noqa: E402


def speaker_class(gold, pred):
    """A short name for how a predicted speaker mention differs from the gold one."""
    if pred is None:
        return "none"
    g, p = qe.name_tokens(gold), qe.name_tokens(pred)
    if qe.speaker_strict(gold, pred):
        return "ok"
    gp, pp = gold.strip().lower() in qe.PRONOUNS, pred.strip().lower() in qe.PRONOUNS
    if gp and not pp:
        return "name-for-pronoun"
    if pp and not gp:
        return "pronoun-for-name"
    if g and p and set(p) < set(g):
        return "shorter"
    if g and p and set(g) < set(p):
        return "longer"
    if qe.speaker_lenient(gold, pred):
        return "overlapping"
    return "different"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("gold")
    ap.add_argument("--only", choices=["missed", "spurious", "speaker"])
    ap.add_argument("--cls", help="only speaker errors of this class")
    ap.add_argument("--lenient", action="store_true",
                    help="only speaker errors the lenient score counts wrong")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--width", type=int, default=120, help="context characters each side")
    args = ap.parse_args()

    docs = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    preds = qe.CopydeskSystem(args.bin).run(docs)
    rows = {"missed": [], "spurious": [], "speaker": []}
    classes = Counter()
    for d, ps in zip(docs, preds):
        text = d["text"]
        golds = d["quotes"]
        gspans = [qe.content_span(text, q["start"], q["end"]) for q in golds]
        ps = [p for p in ps if qe.content_span(text, p["start"], p["end"])[1] >
              qe.content_span(text, p["start"], p["end"])[0]]
        pspans = [qe.content_span(text, p["start"], p["end"]) for p in ps]
        pairs = qe.match(gspans, pspans)
        mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}

        def ctx(s, e):
            a, b = max(0, s - args.width), min(len(text), e + args.width)
            return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " ¶ ")

        for gi, q in enumerate(golds):
            if gi not in mg:
                rows["missed"].append((d["id"], f"gold speaker={q.get('speaker')!r} kind={q.get('kind')}",
                                       ctx(*gspans[gi])))
        for pi, p in enumerate(ps):
            if pi not in mp:
                rows["spurious"].append((d["id"], f"pred speaker={p.get('speaker')!r}", ctx(*pspans[pi])))
        for gi, pi in pairs:
            g, p = golds[gi], ps[pi]
            if g.get("speaker") is None:
                continue
            cls = speaker_class(g["speaker"], p.get("speaker"))
            classes[cls] += 1
            wrong = not qe.speaker_lenient(g["speaker"], p.get("speaker")) if args.lenient else cls != "ok"
            if wrong and (not args.cls or cls == args.cls):
                ss = g.get("speaker_start")
                where = ctx(min(ss, gspans[gi][0]) if ss is not None else gspans[gi][0],
                            max(g.get("speaker_end") or 0, gspans[gi][1]))
                rows["speaker"].append((d["id"], f"{cls}: gold={g['speaker']!r} pred={p.get('speaker')!r}"
                                        f" cue={p.get('cue') and p['cue'].get('text')!r}", where))

    for name, items in rows.items():
        if args.only and args.only != name:
            continue
        print(f"== {name}: {len(items)}")
        for doc, what, context in items[: args.limit]:
            print(f"- {doc} {what}\n    {context}")
    print("== speaker classes:", dict(classes.most_common()))


if __name__ == "__main__":
    main()
