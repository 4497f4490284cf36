#!/usr/bin/env python3
"""Lists Multi-News paragraphs rich in hard sentence-splitting cases, to pick
gold-set passages from. Usage: find_tricky.py [N] (prints the N best)."""
import json, re, sys

SHARED = "/work/shared/data/multinews"
PATTERNS = {
    "abbr": r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Inc|Corp|Co|Jr|Sr|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.",
    "initialism": r"\b(?:[A-Za-z]\.){2,}",
    "initial": r"\b[A-Z]\. [A-Z]",
    "quote_end": r"[.?!][”\"’]",
    "qe_excl": r"[?!][”\"]",
    "ellipsis": r"\.\.\.|…",
    "dash": r"—|--",
    "number": r"\d\.\d",
    "url": r"\w\.(?:com|org|gov|net)\b|@\w",
}
N = int(sys.argv[1]) if len(sys.argv) > 1 else 40
rows = []
for split in ("dev", "train"):
    for line in open(f"{SHARED}/{split}.jsonl", encoding="utf-8"):
        d = json.loads(line)
        for k, doc in enumerate(d["documents"]):
            for para in doc.split(" \n \n "):
                if len(para) > 900:
                    continue
                hits = {n: len(re.findall(p, para)) for n, p in PATTERNS.items()}
                score = sum(min(v, 3) for v in hits.values())
                if score >= 4:
                    rows.append((score, split, d["id"], k, para))
rows.sort(key=lambda r: -r[0])
for score, split, id_, k, para in rows[:N]:
    print(f"## {split} {id_} {k} score={score}\n{para}\n")
