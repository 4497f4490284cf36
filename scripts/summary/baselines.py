#!/usr/bin/env python3
"""Extractive baselines for the multi-document summary protocol, in one command.

    python3 scripts/summary/baselines.py --input /work/shared/data/multinews/dev.jsonl --words 260 \
        [--newsbrief target/release/newsbrief] [--out DIR]

Systems (all extractive, whole sentences, never over the word budget; words = whitespace tokens):
  lead      1st sentence of each article round-robin (doc0, doc1, ...), then the 2nd ones, ...;
            a sentence that would overflow the budget is skipped and the next ones are tried.
  lexrank   sumy 0.13.0 LexRankSummarizer ranks every sentence of the cluster (articles
            concatenated); taken best-first, skipping the ones that do not fit.
  textrank  same with sumy's TextRankSummarizer.
  newsbrief `newsbrief summarize --input IN --output OUT --words N` (only with --newsbrief).

All three baselines use the same regex sentence splitter (below): NLTK's punkt data cannot be
downloaded here and no PyPI package ships it, so sumy gets a tokenizer object of our own
(regex sentences; regex words) instead of sumy.nlp.tokenizers.Tokenizer (which needs punkt).
sumy still uses its own English stop words and Snowball stemmer.

Scoring: Google's rouge-score 0.1.2, use_stemmer=True, ROUGE-1, ROUGE-2, ROUGE-Lsum F1 x100,
averaged over clusters; predictions cut at their first 300 words (line breaks kept); references
are the "summary" field as is. "beats lead" = share of clusters whose ROUGE-1 F1 is strictly
above lead's. Time = wall time of the whole system over all clusters (for the baselines:
splitting, ranking and selecting, in this process; for newsbrief: the process, end to end).
CPU time is also given (process CPU; for newsbrief its user+sys over all threads) since wall
time is noisy on a shared machine; newsbrief runs --repeat times (default 5) and its median
wall and CPU times are reported. Deterministic: ties in sumy's scores are broken by sentence position.
"""
import argparse
import resource
import json
import os
import re
import subprocess
import sys
import tempfile
import time

PIP_DEPS = [("sumy", "sumy==0.13.0"), ("rouge_score", "rouge-score==0.1.2"), ("numpy", "numpy")]


def ensure_deps():
    import importlib
    missing = []
    for mod, spec in PIP_DEPS:
        try:
            importlib.import_module(mod)
        except ImportError:
            missing.append(spec)
    if missing:
        print(f"installing {' '.join(missing)}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", *missing])
    import sumy  # noqa: F401
    from importlib.metadata import version
    for pkg, want in (("sumy", "0.13.0"), ("rouge-score", "0.1.2")):
        if version(pkg) != want:
            print(f"warning: {pkg} {version(pkg)} installed, protocol says {want}", file=sys.stderr)


# ---------------------------------------------------------------- sentence splitter (regex)

ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "rev", "col",
    "lt", "sgt", "capt", "cmdr", "adm", "maj", "pres", "supt", "insp", "det", "vs", "etc", "inc",
    "corp", "co", "ltd", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mt", "ft", "ave", "blvd", "rd", "dept", "univ", "approx", "fig", "vol",
}
# candidate break: . ! ? (optionally followed by closing quotes/brackets), whitespace, then
# something that can start a sentence (capital, digit, opening quote/bracket)
CAND = re.compile(r"([.!?]+[\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")


def _is_abbrev(before):
    """before = text up to and including the final period of the candidate."""
    m = re.search(r"(\S+)\.$", before)
    if not m:
        return False
    tok = m.group(1).lstrip("\"'(\u201c\u2018[")
    if tok.lower() in ABBREV:
        return True
    if re.fullmatch(r"[A-Za-z]", tok):  # initial: "J. Smith"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", tok):  # U.S, U.N, a.m
        return True
    return False


def split_sentences(text):
    """Paragraphs (blank/newline-separated) -> sentences, whitespace normalised."""
    out = []
    for para in re.split(r"\s*\n\s*", text):
        para = " ".join(para.split())
        if not para:
            continue
        start = 0
        for m in CAND.finditer(para):
            end = m.end(1)
            if para[end - 1] == "." and _is_abbrev(para[:end]):
                continue
            s = para[start:end].strip()
            if s:
                out.append(s)
            start = m.end()
        s = para[start:].strip()
        if s:
            out.append(s)
    return [s for s in out if re.search(r"\w", s)]


def nwords(s):
    return len(s.split())


def greedy_fill(candidates, budget):
    """candidates: ordered list of (key, sentence); take in order, skip what does not fit."""
    chosen, used = [], 0
    for key, s in candidates:
        n = nwords(s)
        if used + n <= budget:
            chosen.append((key, s))
            used += n
    return chosen


# ---------------------------------------------------------------- baselines

def lead(docs_sents, budget):
    order = []
    depth = max((len(d) for d in docs_sents), default=0)
    for i in range(depth):
        for d in docs_sents:
            if i < len(d):
                order.append((None, d[i]))
    return [s for _, s in greedy_fill(order, budget)]


class RegexTokenizer:
    """Stands in for sumy.nlp.tokenizers.Tokenizer (which needs NLTK punkt data)."""
    language = "english"
    _WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")

    def to_sentences(self, paragraph):
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence):
        return tuple(self._WORD.findall(sentence))


class _Capture:
    """Mixin: keep sumy's rating of every sentence instead of its top-k selection."""

    def _get_best_sentences(self, sentences, count, rating, *args, **kwargs):
        rate = rating if callable(rating) else rating.__getitem__
        self.captured = [rate(s) for s in sentences]
        return tuple(sentences)


def make_sumy(kind):
    from sumy.nlp.stemmers import Stemmer
    from sumy.utils import get_stop_words
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    base = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[kind]
    cls = type(f"Capture{base.__name__}", (_Capture, base), {})
    summ = cls(Stemmer("english"))
    summ.stop_words = get_stop_words("english")
    return summ


def sumy_rank(summ, tok, docs_sents, budget):
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    flat = [s for d in docs_sents for s in d]
    if not flat:
        return []
    doc = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in d]) for d in docs_sents if d])
    summ.captured = None
    summ(doc, len(flat))
    scores = summ.captured
    order = sorted(range(len(flat)), key=lambda i: (-float(scores[i]), i))
    chosen = greedy_fill([(i, flat[i]) for i in order], budget)
    return [s for _, s in sorted(chosen)]  # output in document order, as sumy does


# ---------------------------------------------------------------- scoring

def cut_words(text, limit):
    out, n = [], 0
    for line in text.split("\n"):
        toks = line.split()
        if n + len(toks) > limit:
            toks = toks[: limit - n]
        if toks:
            out.append(" ".join(toks))
        n += len(toks)
        if n >= limit:
            break
    return "\n".join(out)


def score(scorer, refs, preds, cut):
    per = {}
    for cid, ref in refs.items():
        sc = scorer.score(ref, cut_words(preds.get(cid, ""), cut))
        per[cid] = {k: v.fmeasure * 100 for k, v in sc.items()}
    return per


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True)
    ap.add_argument("--words", type=int, default=260)
    ap.add_argument("--cut", type=int, default=300, help="predictions cut at N words for scoring")
    ap.add_argument("--newsbrief", help="path to the newsbrief binary (row skipped if missing)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of newsbrief; the median time is reported")
    ap.add_argument("--out", help="where predictions go (default: a fresh temp dir)")
    ap.add_argument("--limit", type=int, help="first N clusters only (smoke test)")
    args = ap.parse_args()

    ensure_deps()
    from rouge_score import rouge_scorer

    rows = [json.loads(l) for l in open(args.input, encoding="utf-8") if l.strip()]
    if args.limit:
        rows = rows[: args.limit]
    inp = args.input
    out = args.out or tempfile.mkdtemp(prefix="summary-baselines-")
    os.makedirs(out, exist_ok=True)
    if args.limit:
        inp = os.path.join(out, "input.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
    refs = {r["id"]: r["summary"] for r in rows}
    print(f"{len(rows)} clusters, budget {args.words} words, predictions in {out}", file=sys.stderr)

    systems = {}  # name -> (preds dict, seconds)
    tok = RegexTokenizer()

    def run_py(name, fn):
        t0, c0 = time.perf_counter(), time.process_time()
        preds = {}
        for r in rows:
            docs_sents = [split_sentences(d) for d in r["documents"]]
            preds[r["id"]] = "\n".join(fn(docs_sents))
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        over = [k for k, v in preds.items() if nwords(v) > args.words]
        assert not over, f"{name} over budget on {over[:3]}"
        with open(os.path.join(out, f"{name}.jsonl"), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps({"id": r["id"], "summary": preds[r["id"]]}) + "\n")
        systems[name] = (preds, secs, cpu)
        print(f"  {name}: {secs:.2f}s", file=sys.stderr)

    run_py("lead", lambda ds: lead(ds, args.words))
    for kind in ("lexrank", "textrank"):
        summ = make_sumy(kind)
        run_py(kind, lambda ds, summ=summ: sumy_rank(summ, tok, ds, args.words))

    notes = []
    if args.newsbrief:
        if os.path.isfile(args.newsbrief) and os.access(args.newsbrief, os.X_OK):
            path = os.path.join(out, "newsbrief.jsonl")
            cmd = [args.newsbrief, "summarize", "--input", inp, "--output", path, "--words", str(args.words)]
            # A run takes a fraction of a second, so one run's time is mostly noise on a shared
            # machine: run it --repeat times and keep the median wall and CPU time.
            runs = []
            for _ in range(args.repeat):
                ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                proc = subprocess.run(cmd, capture_output=True, text=True)
                secs = time.perf_counter() - t0
                ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                runs.append((secs, (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)))
                if proc.returncode != 0:
                    break
            secs = sorted(r[0] for r in runs)[len(runs) // 2]
            cpu = sorted(r[1] for r in runs)[len(runs) // 2]
            if proc.returncode != 0:
                notes.append(f"newsbrief failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}")
            else:
                preds = {}
                for l in open(path, encoding="utf-8"):
                    if l.strip():
                        o = json.loads(l)
                        preds[o["id"]] = o["summary"]
                missing = [k for k in refs if k not in preds]
                over = [k for k, v in preds.items() if nwords(v) > args.words]
                if missing:
                    notes.append(f"newsbrief: {len(missing)} clusters missing (scored as empty)")
                if over:
                    notes.append(f"newsbrief: {len(over)} summaries over {args.words} words, e.g. {over[0]}")
                systems["newsbrief"] = (preds, secs, cpu)
                print(f"  newsbrief: {secs:.2f}s", file=sys.stderr)
        else:
            notes.append(f"newsbrief binary not found at {args.newsbrief}: row skipped")

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    scores = {name: score(scorer, refs, p, args.cut) for name, (p, _, _) in systems.items()}
    with open(os.path.join(out, "scores.json"), "w", encoding="utf-8") as f:
        json.dump(scores, f)

    n = len(refs)
    print("| system | R-1 | R-2 | R-Lsum | beats lead (%) | time (s) | clusters/s | cpu (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (_, secs, cpu) in systems.items():
        per = scores[name]
        avg = {k: sum(v[k] for v in per.values()) / n for k in ("rouge1", "rouge2", "rougeLsum")}
        if name == "lead":
            beats = "–"
        else:
            b = sum(per[c]["rouge1"] > scores["lead"][c]["rouge1"] for c in refs)
            beats = f"{100 * b / n:.1f} ({b}/{n})"
        print(f"| {name} | {avg['rouge1']:.2f} | {avg['rouge2']:.2f} | {avg['rougeLsum']:.2f} | "
              f"{beats} | {secs:.2f} | {n / secs:.1f} | {cpu:.2f} |")
    if "newsbrief" in systems:
        ratio = systems["lexrank"][1] / systems["newsbrief"][1]
        cratio = systems["lexrank"][2] / systems["newsbrief"][2]
        print(f"\nnewsbrief vs sumy LexRank: {ratio:.0f}x faster in wall time, {cratio:.0f}x in CPU time"
              f" (target >= 200x); load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for note in notes:
        print(f"\nnote: {note}")


if __name__ == "__main__":
    main()
