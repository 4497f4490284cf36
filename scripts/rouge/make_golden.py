#!/usr/bin/env python3
"""Golden scores from Google's rouge-score 0.1.2 (use_stemmer=True) for the conformance test
crates/rouge/tests/integration/rouge_score_golden.rs.

    pip install rouge-score==0.1.2 nltk
    python3 scripts/rouge/make_golden.py ../shared/data/multinews/dev.jsonl crates/rouge/tests/data

Writes rouge_score_pairs.jsonl (one pair per line: id, prediction, references, scores as
[precision, recall, fmeasure] per rouge type; several references go through score_multi) and
nltk_porter_stems.tsv (every distinct token of the pairs longer than 3 characters with NLTK's stem).
Deterministic: fixed seed, no clock.
"""
import json
import random
import re
import sys

from nltk.stem import porter
from rouge_score import rouge_scorer, tokenize

TYPES = ["rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum"]


def sentences(text):
    """A naive sentence split, one sentence per line (rougeLsum's expected input)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text.strip())
    return "\n".join(p.strip() for p in parts if p.strip())


def lead(documents, words):
    """The first `words` words of the first document, one sentence per line."""
    doc = documents[0] if documents else ""
    return sentences(" ".join(doc.split()[:words]))


EDGE_CASES = [
    ("", "The cat sat on the mat."),
    ("The cat sat on the mat.", ""),
    ("", ""),
    ("   \n\n  ", "Something here."),
    ("\n\nOne line.\n\n", "One line."),
    ("!!! ... --- ???", "!!! ... --- ???"),
    ("... , ; :", "Words only here."),
    ("1,000 people, 2.5 percent, 1990s, 100% and 3:45pm", "In the 1990s about 1,000 people (2.5%) came at 3:45pm."),
    ("2019 2020 2021 2022", "2020 2021 2022 2023"),
    ("Café crème brûlée à Paris", "Cafe creme brulee a Paris"),
    ("Straße Größe Übermaß", "strasse grosse uebermass"),
    ("İstanbul KELVIN \u212a temperature", "istanbul kelvin k temperature"),
    ("Ελληνικά κείμενα και English words", "English words only"),
    ("中文文本 with English mixed", "English mixed text"),
    ("Emoji 🎉 party 🎉 time", "party time emoji"),
    ("don't can't won't it's", "do not cannot will not it is"),
    ("state-of-the-art co-operation e-mail", "state of the art cooperation email"),
    ("https://example.com/path?q=1 user@example.org", "example com path user example org"),
    ("RUNNING runs Runner ran", "run running runs"),
    ("generalizations relational conditional", "general relate condition"),
    ("the the the the", "the"),
    ("a", "a"),
    ("a b", "b a"),
    ("yelling yearly yoyos", "yell year yoyo"),
    ("skies dying lying tying news innings", "sky die lie tie news inning"),
    ("feed agreed plastered bled motoring sing", "feed agree plaster bled motor sing"),
    ("happy sky enjoy spy fly try", "happi enjoi spi"),
    ("Line one.\nLine two.\nLine three.", "Line three.\nLine two.\nLine one."),
    ("Tabs\tand\ttabs\r\nCRLF lines\r\n", "tabs and CRLF lines"),
    ("x" * 40, "x" * 40),
]


def main():
    dev_path, out_dir = sys.argv[1], sys.argv[2]
    rows = [json.loads(line) for line in open(dev_path, encoding="utf-8") if line.strip()]
    rng = random.Random(20261122)
    cases = []
    # 1. Real summaries against the lead of the first article (sentence per line on half).
    for i, r in enumerate(rows):
        ref = sentences(r["summary"]) if i % 2 == 0 else r["summary"]
        cases.append((f"lead-{r['id']}", lead(r["documents"], rng.randint(40, 160)), [ref]))
    # 2. Unrelated summaries against each other.
    for i in range(80):
        a, b = rng.sample(rows, 2)
        cases.append((f"cross-{i}", sentences(a["summary"]), [sentences(b["summary"])]))
    # 3. Several references (score_multi).
    for i in range(60):
        a, b, c = rng.sample(rows, 3)
        refs = [sentences(a["summary"]), sentences(b["summary"]), lead(c["documents"], 60)]
        rng.shuffle(refs)
        cases.append((f"multi-{i}", lead(a["documents"], 80), refs))
    # 4. Hand-written edge cases.
    for i, (pred, ref) in enumerate(EDGE_CASES):
        cases.append((f"edge-{i}", pred, [ref]))
    # 5. Bags of real words, to exercise the stemmer.
    vocab = sorted({w for r in rows[:60] for w in re.findall(r"[A-Za-z]+", r["summary"]) if len(w) > 3})
    for i in range(80):
        pred = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 40)))
        ref = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 40)))
        cases.append((f"bag-{i}", pred, [ref]))

    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    with open(f"{out_dir}/rouge_score_pairs.jsonl", "w", encoding="utf-8") as out:
        for cid, pred, refs in cases:
            s = scorer.score_multi(refs, pred) if len(refs) > 1 else scorer.score(refs[0], pred)
            scores = {t: [s[t].precision, s[t].recall, s[t].fmeasure] for t in TYPES}
            out.write(json.dumps({"id": cid, "prediction": pred, "references": refs, "scores": scores},
                                 ensure_ascii=False) + "\n")

    stemmer = porter.PorterStemmer()
    words = set()
    for r in rows:
        for text in [r["summary"]] + r["documents"][:1]:
            words.update(t for t in tokenize.tokenize(text, None) if len(t) > 3)
    with open(f"{out_dir}/nltk_porter_stems.tsv", "w", encoding="utf-8") as out:
        for w in sorted(words):
            out.write(f"{w}\t{stemmer.stem(w)}\n")
    print(f"{len(cases)} pairs, {len(words)} stems")


if __name__ == "__main__":
    main()
