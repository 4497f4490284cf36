"""Adds to the external name lists (external_names.py's output) the people's names that the unlabelled news
text of the shared data shows as such and that the census lists lack ("Obama", "Putin", "Netanyahu"), and
writes the whole list, sorted, as `KIND<TAB>name` lines:

- SURNAME: a capitalised word written right after a personal title ("Mr. Obama said", "President Putin
  met") or after a title and one capitalised word ("President Vladimir Putin said"), and then not
  followed by another capitalised word, at least MIN_EVIDENCE times;
- GIVEN: a capitalised word written right after a title and followed by another capitalised word
  ("President Barack Obama"), at least MIN_EVIDENCE times and more often than as a surname.

A one-word place of the lists that is such a name goes: "Obama" is a town in Japan, but in the news it is
a person far more often than the town's size would suggest (countries and capitals are never dropped: no
found name is one).

The text is what the word clusters learn from (build-clusters): Multi-News articles and summaries,
PolNeAR train+dev texts, and the bodies of both article-extraction ground truths; CoNLL text is not read.
Usage: news_people.py SHARED_DATA_DIR REGISTRY_LIST
"""

import collections
import glob
import json
import os
import re
import sys

MIN_EVIDENCE = 3
TITLES = {
    "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "President", "Sen.", "Senator", "Rep.",
    "Gov.", "Governor", "Judge", "Chancellor", "Minister",
}
TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*|[^\sA-Za-z]")


def texts(shared):
    for path in sorted(glob.glob(os.path.join(shared, "multinews", "*.jsonl"))):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    cluster = json.loads(line)
                    yield from cluster.get("documents", [])
                    yield cluster.get("summary", "")
    for part in ("train", "dev"):
        for path in sorted(glob.glob(os.path.join(shared, "polnear", part, "text", "*.txt"))):
            with open(path, encoding="utf-8") as f:
                yield f.read()
    for name in ("article-extraction", "article-extraction-l3s"):
        path = os.path.join(shared, name, "ground-truth.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                for record in json.load(f).values():
                    body = record.get("articleBody") if isinstance(record, dict) else None
                    if body:
                        yield body


def capitalised(word):
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    shared, registry_list = sys.argv[1], sys.argv[2]
    registry = set()
    with open(registry_list, encoding="utf-8") as lines:
        for line in lines:
            kind, _, name = line.rstrip("\n").partition("\t")
            if name:
                registry.add((kind, name))
    known = {name.lower() for kind, name in registry if kind in ("GIVEN", "SURNAME")}
    surname = collections.Counter()
    given = collections.Counter()
    for text in texts(shared):
        words = TOKEN.findall(text)
        for i in range(1, len(words)):
            word = words[i]
            if not capitalised(word) or word.lower() in known:
                continue
            followed = i + 1 < len(words) and capitalised(words[i + 1])
            if words[i - 1] in TITLES:
                (given if followed else surname)[word] += 1
            elif i >= 2 and words[i - 2] in TITLES and capitalised(words[i - 1]) and not followed:
                surname[word] += 1
    people = set()
    for word in set(surname) | set(given):
        if surname[word] >= MIN_EVIDENCE and surname[word] >= given[word]:
            people.add(("SURNAME", word))
        elif given[word] >= MIN_EVIDENCE:
            people.add(("GIVEN", word))
    names = {name for _, name in people}
    entries = {(kind, name) for kind, name in registry if not (kind == "LOC" and name in names)}
    for kind, name in sorted(entries | people):
        print(f"{kind}\t{name}")


if __name__ == "__main__":
    main()
