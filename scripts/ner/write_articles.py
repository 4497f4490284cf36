#!/usr/bin/env python3
"""Writes every article of Multi-News JSONL files as DIR/<cluster id>_<document index>.txt, the files that
docs/bench/lone-names-judged.tsv names (the alias-merging check of crates/ner/examples/lone_names.rs).

    python3 scripts/ner/write_articles.py DIR ../shared/data/multinews/train.jsonl ../shared/data/multinews/dev.jsonl
"""
import json
import os
import sys


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if not line.strip():
                    continue
                cluster = json.loads(line)
                for i, text in enumerate(cluster["documents"]):
                    name = os.path.join(out, f"{cluster['id']}_{i}.txt")
                    with open(name, "w", encoding="utf-8") as f:
                        f.write(text)


if __name__ == "__main__":
    main()
