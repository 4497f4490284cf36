#!/usr/bin/env python3
"""How well summaries cover their input, without references: the 45 DUC 2007 main-task topics.

    python3 scripts/summary/coverage.py topics ../shared/data/streams/duc2007-main.jsonl /tmp/duc45.jsonl
    python3 scripts/summary/baselines.py --input /tmp/duc45.jsonl --words 250 \
        --newsbrief target/release/newsbrief --out /tmp/b45 --repeat 1     # ROUGE columns read 0: no references
    python3 scripts/summary/coverage.py js /tmp/duc45.jsonl /tmp/b45

`topics` groups the stream's 1,125 articles by the DUC topic of its gold file (25 articles each; headline,
a blank line, then the text, as scripts/summary/duc_topics.py writes them) into one cluster per line, with
an empty reference. NIST data: write it to /tmp, never into the repository.

`js` scores every `*.jsonl` prediction file in DIR ({"id","summary"}) by the Jensen-Shannon divergence
between the summary's and the cluster's word distributions (Louis and Nenkova 2009: without references,
it ranks multi-document summarisers much as pyramid scores do; lower is closer). Words: rouge-score's
tokenizer with its Porter stemmer, sumy's English stop words out, letters only; additive smoothing 0.0005.
Printed: the mean over the topics every system has, and in how many topics newsbrief is closer than each
other system.
"""
import collections
import glob
import json
import math
import os
import sys


def topics(stream, out):
    gold_path = stream[: -len(".jsonl")] + ".gold.tsv"
    gold = dict(line.rstrip("\n").split("\t") for line in open(gold_path, encoding="utf-8"))
    clusters = collections.defaultdict(list)
    for line in open(stream, encoding="utf-8"):
        article = json.loads(line)
        text = article["text"]
        if article.get("title"):
            text = article["title"] + "\n\n" + text
        clusters[gold[article["id"]]].append(text)
    with open(out, "w", encoding="utf-8") as f:
        for topic, documents in sorted(clusters.items()):
            f.write(json.dumps({"id": topic, "documents": documents, "summary": ""}) + "\n")
    print(f"{len(clusters)} topics written to {out}", file=sys.stderr)


def js_scores(clusters_path, predictions_dir):
    from rouge_score import rouge_scorer
    from sumy.utils import get_stop_words

    tokenizer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)._tokenizer
    stop_words = set(get_stop_words("english"))

    def distribution(text):
        return collections.Counter(
            t for t in tokenizer.tokenize(text) if t.isalpha() and t not in stop_words
        )

    def divergence(p, q, delta=0.0005):
        vocabulary = set(p) | set(q)
        p_total = sum(p.values()) + delta * len(vocabulary)
        q_total = sum(q.values()) + delta * len(vocabulary)
        total = 0.0
        for word in vocabulary:
            a = (p[word] + delta) / p_total
            b = (q[word] + delta) / q_total
            m = (a + b) / 2
            total += 0.5 * a * math.log2(a / m) + 0.5 * b * math.log2(b / m)
        return total

    inputs = {}
    for line in open(clusters_path, encoding="utf-8"):
        cluster = json.loads(line)
        inputs.setdefault(cluster["id"], distribution("\n".join(cluster["documents"])))
    systems = {}
    for path in sorted(glob.glob(os.path.join(predictions_dir, "*.jsonl"))):
        scores = {}
        for line in open(path, encoding="utf-8"):
            prediction = json.loads(line)
            if prediction["id"] in inputs and prediction["id"] not in scores:
                summary = prediction["summary"]
                if isinstance(summary, list):
                    summary = "\n".join(summary)
                scores[prediction["id"]] = divergence(distribution(summary), inputs[prediction["id"]])
        systems[os.path.basename(path)[: -len(".jsonl")]] = scores
    if not systems:
        sys.exit(f"coverage: no *.jsonl predictions in {predictions_dir}")
    ids = sorted(set.intersection(*(set(s) for s in systems.values())))
    print("| system | JS divergence (lower: closer to the input) |\n| --- | ---: |")
    for name, scores in systems.items():
        print(f"| {name} | {sum(scores[i] for i in ids) / len(ids):.4f} |")
    ours = systems.get("newsbrief")
    if ours:
        for name, scores in systems.items():
            if name != "newsbrief":
                closer = sum(ours[i] < scores[i] for i in ids)
                print(f"newsbrief closer than {name} in {closer} of {len(ids)} topics")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "topics":
        topics(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "js":
        js_scores(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
