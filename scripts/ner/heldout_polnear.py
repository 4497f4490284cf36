#!/usr/bin/env python3
"""Writes the held-back modern-news NER set: three PolNeAR dev articles (2016 US political news) with every
person, organisation, place and other name marked by hand on 2026-11-29 (CoNLL-2003 conventions, checked
against eng.train: "White House" and "Kremlin" are places; "Democrats", "Republican", "GOP" and compounds
such as "Boston-based" or "pro-Israel" other),
before the tagger was run on them, as one CoNLL file (token, two dummy columns, IOB1 label) that
`newsbrief tag --conll FILE --eval` scores. The names are listed below in text order; the text comes from
../shared/data/polnear.

Usage: scripts/ner/heldout_polnear.py > crates/ner/tests/data/heldout-polnear.conll
"""
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../shared/data/polnear/dev/text")
P, O, L, M = "PER", "ORG", "LOC", "MISC"
NAMES = {
    "politico_2016-09-22_judge-rejects-new-york-times-req": [
        ("New York Times", O), ("Trump", P), ("New York", L), ("Donald Trump", P), ("Ivana", P),
        ("New York Times", O), ("Gannett", O), ("Republican", M), ("Manhattan Supreme Court", O),
        ("Frank Nervo", P), ("Nervo", P), ("Election Law", M), ("Donald", P), ("Ivana Trump", P), ("GOP", M),
        ("New York", L), ("Ivana Trump", P), ("Ivana Trump", P), ("Nervo", P), ("David Schulz", P),
        ("Trump", P), ("Marc Kasowitz", P), ("Nervo", P), ("Freedom of Information Act", M),
        ("Hillary Clinton", P), ("State Department", O)],
    "usa-today_2016-09-22_super-pac-haul-surges-past-b-sma": [
        ("White House", L), ("Congress", O), ("USA TODAY", O), ("Sheldon Adelson", P), ("Miriam", P),
        ("Republicans", M), ("Senate", O), ("Adelson", P), ("House-focused", M), ("Adelson", P), ("TD Ameritrade", O),
        ("J. Joe Ricketts", P), ("Future45", O), ("Democrat", M), ("Hillary Clinton", P), ("Adelson", P),
        ("Ricketts", P), ("Brian Baker", P), ("Ricketts", P), ("Clinton", P), ("Baker", P), ("Future45", O), ("Clinton", P),
        ("Democrats", M), ("USA TODAY", O), ("Democratic", M), ("Republicans", M), ("Democratic-aligned", M),
        ("Republican", M), ("Democrats", M),
        ("Tom Steyer", P), ("S. Donald Sussman", P), ("Steyer", P), ("For Our Future", O), ("Millennial", M),
        ("USA TODAY", O), ("Clinton", P), ("Supreme Court", O), ("Citizens United", M), ("Democratic", M),
        ("pro-Clinton", M), ("Priorities USA Action", O)],
    "usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru": [
        ("Russia", L), ("House", O), ("U.S.", L), ("Moscow", L), ("Adam Schiff", P), ("Democrat", M),
        ("House Intelligence Committee", O), ("Obama", P), ("Russia", L), ("California", L), ("American", M),
        ("Donald Trump", P), ("Schiff", P), ("Capital Download", M), ("United States", L), ("Kremlin", L), ("Schiff", P),
        ("Intelligence Committee", O), ("USA TODAY", O), ("Democratic National Committee", O),
        ("Democratic Congressional Campaign Committee", O), ("Arizona", L), ("Illinois", L), ("Russian", M),
        ("Moscow", L), ("Russia", L), ("Obama", P), ("Russian", M), ("Vladimir Putin", P), ("Schiff", P),
        ("Russia", L), ("European", M), ("Russian", M), ("DNC", O), ("DCCC", O), ("Florida", L),
        ("Debbie Wasserman Schultz", P), ("Democratic", M), ("John Kerry", P), ("Russia", L), ("Syria", L),
        ("Schiff", P), ("Hillary Clinton", P), ("American", M), ("American", M)],
}
ABBREVIATIONS = {"U.S.", "Rep.", "Sen.", "Gov.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jan.", "Feb.", "Aug.",
                 "Sept.", "Oct.", "Nov.", "Dec.", "J.", "S."}
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][a-z]{0,3}\.(?=\s+[A-Z])|\$?\d[\d,.]*\w*|\w+(?=[’']s\b)|[’']s\b|\w+(?:[-’']\w+)*|\S")


def tokens(paragraph):
    out = []
    for token in TOKEN.findall(paragraph):
        if token.endswith(".") and len(token) > 1 and token not in ABBREVIATIONS and not re.fullmatch(r"(?:[A-Z]\.){2,}", token):
            out += [token[:-1], "."]
        else:
            out.append(token)
    return out


def sentences(text):
    for paragraph in text.split("\n"):
        sentence = []
        for i, token in enumerate(words := tokens(paragraph)):
            sentence.append(token)
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if token in {".", "!", "?", ";"} and (not nxt or nxt[0].isupper() or nxt[0] in "\"“"):
                yield sentence
                sentence = []
        if sentence:
            yield sentence


def main():
    print("-DOCSTART- -X- -X- O\n")
    for name, names in NAMES.items():
        text = open(os.path.join(SRC, name + ".txt"), encoding="utf-8").read()
        sents = list(sentences(text))
        flat = [(s, t) for s, sent in enumerate(sents) for t in range(len(sent))]
        words = [sents[s][t] for s, t in flat]
        labels = ["O"] * len(words)
        at = 0
        for surface, kind in names:
            want = tokens(surface)
            for start in range(at, len(words) - len(want) + 1):
                if words[start:start + len(want)] == want:
                    break
            else:
                sys.exit(f"{name}: {surface!r} not found after token {at}")
            previous = labels[start - 1] if start > 0 else "O"
            first = f"B-{kind}" if previous.endswith(kind) and previous != "O" else f"I-{kind}"
            labels[start] = first
            for k in range(start + 1, start + len(want)):
                labels[k] = f"I-{kind}"
            at = start + len(want)
        k = 0
        for sent in sents:
            for word in sent:
                print(f"{word} - - {labels[k]}")
                k += 1
            print()
        print("-DOCSTART- -X- -X- O\n")


if __name__ == "__main__":
    main()
