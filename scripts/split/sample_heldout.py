#!/usr/bin/env python3
"""Prints random Multi-News passages (fixed seed) from clusters the tuning
annotations do not use, for the held-out part of the gold set: they are
annotated after the splitter's rules were frozen, and chosen at random rather
than for hard cases. Usage: sample_heldout.py [COUNT] [SEED]"""
import glob, json, os, random, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data", "multinews")
count = int(sys.argv[1]) if len(sys.argv) > 1 else 15
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 2026)

used = set()
for path in glob.glob(os.path.join(ROOT, "scripts/split/annotations/*.txt")):
    used |= set(re.findall(r"^## (?:dev|train) (\S+)", open(path, encoding="utf-8").read(), re.M))
docs = []
for split in ("dev", "train"):
    for line in open(os.path.join(SHARED, f"{split}.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        if d["id"] not in used:
            docs += [(split, d["id"], k, doc) for k, doc in enumerate(d["documents"])]
for split, cid, k, doc in rng.sample(docs, count):
    paras = doc.split(" \n \n ")
    first = rng.randrange(len(paras))
    passage, n = [], first
    while n < len(paras) and sum(map(len, passage)) < 700:
        passage.append(paras[n])
        n += 1
    print(f"## {split} {cid} {k}   (paragraphs {first}..{n - 1})")
    print("\n\n".join(passage) + "\n")
