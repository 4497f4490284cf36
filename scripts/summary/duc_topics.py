#!/usr/bin/env python3
"""Builds the 25-article check of the summary: DUC 2007 topics with human references, as cluster JSONL.

    python3 scripts/summary/duc_topics.py ../shared/data/duc2007-update /tmp/duc25.jsonl

Each DUC 2007 update topic (`<TOPIC>/{A,B,C}/*.txt`, 10 + 8 + 7 articles) is the whole 25-article document
set of the DUC 2007 main-task topic of the same id. Its four assessors each wrote a 100-word summary of A,
of what is new in B and of what is new in C; one assessor's three summaries together (about 300 words)
cover the whole topic. So each output line is one topic with one assessor's A+B+C summaries as its
reference (`{"id": "<TOPIC>.<ASSESSOR>", "documents": [...25 articles...], "summary": "..."}`): averaging over
the lines averages over the four references, and `summary_model eval FILE 250` or
`baselines.py --input FILE --words 250` score it like Multi-News.

NIST data: the output holds DUC articles and references, so write it outside the repository.
"""
import json
import pathlib
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: duc_topics.py DUC2007_UPDATE_DIR OUT.jsonl")
    root, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    lines = []
    for topic in sorted(p for p in root.iterdir() if (p / "topic.txt").exists()):
        articles = [
            f.read_text(encoding="utf-8").strip()
            for part in "ABC"
            for f in sorted((topic / part).glob("*.txt"))
        ]
        assessors = sorted({f.name.split(".")[1] for f in (topic / "models").glob("*.txt")})
        for assessor in assessors:
            parts = [
                (topic / "models" / f"{topic.name}-{part}.{assessor}.txt").read_text(encoding="utf-8").strip()
                for part in "ABC"
            ]
            lines.append({"id": f"{topic.name}.{assessor}", "documents": articles, "summary": "\n".join(parts)})
    with out.open("w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line) + "\n")
    print(f"{len(lines)} topic-reference lines written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
