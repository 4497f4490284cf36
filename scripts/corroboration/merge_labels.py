#!/usr/bin/env python3
"""Joins the hand labels (labels.tsv) with the proposed candidates into the gold set pairs.jsonl.

Usage (from the repository root):
  python3 scripts/corroboration/propose_pairs.py /work/shared/data/multinews/dev.jsonl > /tmp/dev.jsonl
  python3 scripts/corroboration/propose_pairs.py /work/shared/data/multinews/train.jsonl > /tmp/train.jsonl
  python3 scripts/corroboration/merge_labels.py /tmp/dev.jsonl /tmp/train.jsonl \
      > crates/core/tests/data/corroboration/pairs.jsonl

The held-back set (clusters none of those pairs come from, labelled in heldout-labels.tsv):
  P=crates/core/tests/data/corroboration/pairs.jsonl
  python3 scripts/corroboration/propose_pairs.py /work/shared/data/multinews/dev.jsonl --held-out $P > /tmp/hdev.jsonl
  python3 scripts/corroboration/propose_pairs.py /work/shared/data/multinews/train.jsonl --held-out $P > /tmp/htrain.jsonl
  python3 scripts/corroboration/merge_labels.py /tmp/hdev.jsonl /tmp/htrain.jsonl heldout-labels.tsv \
      > crates/core/tests/data/corroboration/heldout.jsonl
"""
import json
import os
import sys


def main(dev, train, labels="labels.tsv"):
    candidates = {}
    for name, path in (("dev", dev), ("train", train)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                c = json.loads(line)
                candidates[(name, c["id"])] = c
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, labels), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            split, cid, label, kind = (line.rstrip("\n").split("\t") + [""])[:4]
            c = candidates[(split, cid)]
            print(json.dumps({
                "id": f"{split}-{cid}",
                "split": split,
                "cluster": c["cluster"],
                "doc_a": c["doc_a"],
                "doc_b": c["doc_b"],
                "a": c["a"],
                "b": c["b"],
                "label": label,
                "kind": kind or None,
            }, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:4])
