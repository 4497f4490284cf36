#!/usr/bin/env python3
"""Speed of `newsbrief eval` against Google's rouge-score 0.1.2 on the same 10,000 summary pairs,
measured in one run, and a check that both give the same averages.

    pip install rouge-score==0.1.2 nltk
    cargo build --release -p newsbrief
    python3 scripts/rouge/bench.py ../shared/data/multinews/dev.jsonl target/release/newsbrief [N]

Pairs: every Multi-News dev reference summary against the lead of one of its articles (40-200
words, one sentence per line), cycled to N pairs (default 10,000) with distinct ids.
rouge-score computes rouge1-4, rougeL and rougeLsum with use_stemmer=True (what newsbrief computes,
less SU4); newsbrief is timed end to end (process start, reading and parsing both files, scoring,
bootstrap intervals, output), once on all cores and once with RAYON_NUM_THREADS=1.
"""
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time

from rouge_score import rouge_scorer

TYPES = ["rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum"]


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text.strip())
    return "\n".join(p.strip() for p in parts if p.strip())


def main():
    dev, binary = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    rows = [json.loads(line) for line in open(dev, encoding="utf-8") if line.strip()]
    rng = random.Random(7)
    refs, preds = [], []
    for i in range(n):
        r = rows[i % len(rows)]
        doc = rng.choice(r["documents"]) if r["documents"] else ""
        words = doc.split()
        start = rng.randint(0, max(0, len(words) - 200))
        pred = sentences(" ".join(words[start:start + rng.randint(40, 200)]))
        refs.append({"id": f"p{i}", "summary": sentences(r["summary"])})
        preds.append({"id": f"p{i}", "summary": pred})
    tmp = tempfile.mkdtemp(prefix="rouge-bench-")
    refs_path, pred_path = os.path.join(tmp, "refs.jsonl"), os.path.join(tmp, "pred.jsonl")
    with open(refs_path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in refs)
    with open(pred_path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(p) + "\n" for p in preds)

    def run_ours(threads):
        env = dict(os.environ)
        if threads:
            env["RAYON_NUM_THREADS"] = str(threads)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run([binary, "eval", "--refs", refs_path, "--pred", pred_path, "--format", "json"],
                             check=True, capture_output=True, text=True, env=env).stdout
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu, json.loads(out)

    ours_all, ours_all_cpu, result = run_ours(None)
    ours_one, ours_one_cpu, _ = run_ours(1)

    scorer = rouge_scorer.RougeScorer(TYPES, use_stemmer=True)
    t0, c0 = time.perf_counter(), time.process_time()
    sums = {t: 0.0 for t in TYPES}
    for r, p in zip(refs, preds):
        s = scorer.score(r["summary"], p["summary"])
        for t in TYPES:
            sums[t] += s[t].fmeasure
    theirs, theirs_cpu = time.perf_counter() - t0, time.process_time() - c0

    worst = max(abs(sums[t] / n - result["scores"][t]["f1"]) for t in TYPES)
    print(f"pairs: {n}; load average before/after: {os.getloadavg()[0]:.1f}")
    print("                                  wall s  (speed-up)    CPU s  (speed-up)")
    print(f"rouge-score 0.1.2 (1 core):     {theirs:9.2f}            {theirs_cpu:9.2f}")
    print(f"newsbrief eval (1 thread):      {ours_one:9.3f}  ({theirs / ours_one:5.0f}x)  {ours_one_cpu:9.3f}  ({theirs_cpu / ours_one_cpu:5.0f}x)")
    print(f"newsbrief eval ({os.cpu_count()} threads):     {ours_all:9.3f}  ({theirs / ours_all:5.0f}x)  {ours_all_cpu:9.3f}")
    print("mean F, rouge-score vs newsbrief: " + ", ".join(
        f"{t} {sums[t] / n:.6f}/{result['scores'][t]['f1']:.6f}" for t in TYPES))
    print(f"largest difference of mean F: {worst:.2e}")


if __name__ == "__main__":
    main()
