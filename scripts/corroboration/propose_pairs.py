#!/usr/bin/env python3
"""Proposes candidate sentence pairs for the corroboration gold set from Multi-News clusters.

Reproducible: fixed seed, input read in file order. The proposals are only candidates: each one was
read and labelled by hand (labels.tsv), and merge_labels.py joins the two into pairs.jsonl.

Usage: propose_pairs.py /work/shared/data/multinews/dev.jsonl > candidates.jsonl
       propose_pairs.py FILE --held-out PAIRS.jsonl > candidates.jsonl
         (the held-back set: only clusters no pair of PAIRS.jsonl comes from, another seed, 30 a bucket)

Three buckets, by plain word overlap (no model, nothing downloaded):
  close    - high content-word overlap (likely the same claim, often with the same details)
  differ   - fair overlap and both sentences carry numbers or capitalised names that differ
  topic    - some overlap (same story, likely a different claim)
  numbers  - fair overlap and each sentence has a number written in digits that the other lacks
  details  - the same name with a different age ("Smith, 30" / "Smith, 31"), or fair overlap and a different
             written date ("June 8" / "June 9")
  loose    - lower overlap (0.12-0.25), and each sentence has a number in digits the other lacks
"""
import json
import random
import re
import sys

SEED = 20261126
HELD_OUT_SEED = 20261129
HELD_OUT_PER_BUCKET = 30
PER_BUCKET = {"close": 120, "differ": 160, "topic": 100, "numbers": 200, "details": 200, "loose": 150}
STOP = set("""a an the and or but of to in on at for with by from as is are was were be been has have had
it its this that these those he she they them his her their we you i not no will would said says say
after before about into over than then there which who whom what when where while also more most""".split())
NUMBER = re.compile(r"\$?\d[\d,.]*%?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)\b", re.I)
DIGITS = re.compile(r"\d[\d,.]*\d|\d")
AGE = re.compile(r"([A-Z][a-z]+), (\d{1,2}),")
DAY = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})\b")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")


def sentences(doc):
    text = re.sub(r"\s+", " ", doc)
    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", text):
        s = s.strip()
        if 8 <= len(s.split()) <= 60:
            yield s


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP and len(w) > 1}


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def main(path, used_clusters=None):
    held_out = used_clusters is not None
    rng = random.Random(HELD_OUT_SEED if held_out else SEED)
    per_bucket = {k: HELD_OUT_PER_BUCKET for k in PER_BUCKET} if held_out else PER_BUCKET
    buckets = {k: [] for k in PER_BUCKET}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cluster = json.loads(line)
            if held_out and cluster["id"] in used_clusters:
                continue
            docs = [list(sentences(d))[:40] for d in cluster["documents"]]
            for i in range(len(docs)):
                for j in range(i + 1, len(docs)):
                    for a in docs[i]:
                        wa = words(a)
                        for b in docs[j]:
                            if a == b:
                                continue
                            wb = words(b)
                            sim = jaccard(wa, wb)
                            item = {"cluster": cluster["id"], "doc_a": i, "doc_b": j, "a": a, "b": b,
                                    "overlap": round(sim, 3)}
                            na = set(NUMBER.findall(a.lower()))
                            nb = set(NUMBER.findall(b.lower()))
                            ca, cb = set(NAME.findall(a)), set(NAME.findall(b))
                            da = set(DIGITS.findall(a))
                            db = set(DIGITS.findall(b))
                            ages_a, ages_b = dict(AGE.findall(a)), dict(AGE.findall(b))
                            if any(n in ages_b and ages_b[n] != v for n, v in ages_a.items()):
                                buckets["details"].append(item)
                            ma, mb = set(DAY.findall(a)), set(DAY.findall(b))
                            if sim >= 0.2 and ma and mb and not ma & mb and {m for m, _ in ma} & {m for m, _ in mb}:
                                buckets["details"].append(item)
                            if 0.12 <= sim < 0.25 and da - db and db - da:
                                buckets["loose"].append(item)
                            if 0.25 <= sim < 0.95 and da - db and db - da:
                                buckets["numbers"].append(item)
                            if sim >= 0.45 and sim < 0.95:
                                buckets["close"].append(item)
                            elif 0.2 <= sim < 0.7 and ((na and nb and na != nb) or (ca - cb and cb - ca and ca & cb)):
                                buckets["differ"].append(item)
                            elif 0.08 <= sim < 0.2:
                                buckets["topic"].append(item)
    n = 0
    for bucket, items in buckets.items():
        for item in rng.sample(items, min(per_bucket[bucket], len(items))):
            n += 1
            print(json.dumps({"id": f"c{n:04d}", "bucket": bucket, **item}, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[2] == "--held-out":
        with open(sys.argv[3], encoding="utf-8") as f:
            main(sys.argv[1], {json.loads(line)["cluster"] for line in f})
    else:
        main(sys.argv[1])
