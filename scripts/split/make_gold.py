#!/usr/bin/env python3
"""Builds crates/split/tests/data/gold.jsonl from the hand annotations in
scripts/split/annotations/*.txt and the shared corpora (/work/shared).

Annotation format (one file may hold many passages):

    ## seeds 000_ed4ec6554b1582a8.txt        a seed file, or
    ## dev athl-validation-037 3            Multi-News split, cluster id, document index
    Recent U.S. and                         the first words of each sentence, in order
    Recent+U.S.

Each line is searched in the document after the previous sentence start, and
(any white space in it matching any run of white space) must begin after white space, after . ! ? … (a missing space), or at the start of the document. A sentence
runs to the start of the next one (trimmed); the passage ends at the end of the
line (paragraph) that holds the last sentence start. Lines starting with '#'
(and not '##') are comments. Files named heldout*.txt give the "heldout" set
(annotated after the rules were frozen), the others the "tuning" set. The script prints every sentence so the
annotation can be proof-read, and fails on any snippet it cannot place.

Usage: make_gold.py [--quiet]
"""
import glob, json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
OUT = os.path.join(ROOT, "crates/split/tests/data/gold.jsonl")


def load_multinews():
    docs = {}
    for split in ("dev", "train"):
        with open(os.path.join(SHARED, "data/multinews", f"{split}.jsonl"), encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs[(split, d["id"])] = d["documents"]
    return docs


def document(header, multinews):
    parts = header.split()
    if parts[0] == "seeds":
        with open(os.path.join(SHARED, "seeds", parts[1]), encoding="utf-8") as f:
            return f"seeds/{parts[1]}", f.read()
    split, cid, k = parts
    return f"multinews/{split}.jsonl#{cid}/documents/{k}", multinews[(split, cid)][int(k)]


def place(doc, snippets, where):
    starts, pos = [], 0
    for s in snippets:
        pattern = re.compile(r"(?:(?<=\s)|(?<=[.!?…])|^)" + r"\s+".join(map(re.escape, s.split())))
        found = pattern.search(doc, pos)
        if not found:
            sys.exit(f"{where}: cannot place {s!r} after offset {pos}")
        starts.append(found.start())
        pos = found.start() + 1
    line_end = doc.find("\n", starts[-1])
    end = len(doc) if line_end < 0 else line_end
    return starts, end


def main():
    quiet = "--quiet" in sys.argv
    multinews = load_multinews()
    items, total = [], 0
    for path in sorted(glob.glob(os.path.join(ROOT, "scripts/split/annotations/*.txt"))):
        header, snippets = None, []
        lines = open(path, encoding="utf-8").read().split("\n") + ["## END"]
        for n, line in enumerate(lines, 1):
            if line.startswith("## "):
                if header:
                    items.append((path, header, snippets))
                header, snippets = (line[3:].strip(), n), []
            elif line.strip() and not line.startswith("#"):
                snippets.append(line.rstrip("\n"))
    out = []
    for path, (header, line), snippets in items:
        where = f"{os.path.basename(path)}:{line}"
        subset = "heldout" if os.path.basename(path).startswith("heldout") else "tuning"
        source, doc = document(header, multinews)
        starts, end = place(doc, snippets, where)
        bounds = starts[1:] + [end]
        sentences = [doc[a:b].strip() for a, b in zip(starts, bounds)]
        text = doc[starts[0]:end].strip()
        out.append({"source": source, "set": subset, "text": text, "sentences": sentences})
        total += len(sentences) - 1
        if not quiet:
            print(f"== {source}")
            for s in sentences:
                print(f"  | {s}")
    with open(OUT, "w", encoding="utf-8") as f:
        for item in out:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(out)} passages, {total} boundaries -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
