#!/usr/bin/env python3
"""Benchmarks of the Python package (run with the venv of scripts/python-test.sh):

1. newsbrief.rouge against rouge-score 0.1.2 on the same 10,000 pairs in one run (rouge1, rouge2,
   rougeL, rougeLsum, use_stemmer=True; wall and CPU time; the scores checked identical);
2. newsbrief.summarize_batch against the CLI's `newsbrief summarize` on one clusters file (default
   ../shared/data/multinews/dev.jsonl; skipped with a note when it is absent), outputs compared.

    target/python-venv/bin/python scripts/python/bench.py [--clusters FILE] [--words 260]
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "tests"))

from pairs import whole_pairs, window_pairs  # noqa: E402

TYPES = ["rouge1", "rouge2", "rougeL", "rougeLsum"]


def timed(run):
    wall, cpu = time.perf_counter(), time.process_time()
    out = run()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def bench_rouge():
    from rouge_score import rouge_scorer as reference
    from newsbrief.rouge import rouge_scorer as ours

    whole = whole_pairs()
    pairs = whole + window_pairs(10_000 - len(whole))
    words = sum(len(t.split()) + len(p.split()) for t, p in pairs)
    print(f"rouge: {len(pairs)} pairs ({len(whole)} whole Multi-News texts), {words} words")
    results = {}
    for name, module in (("rouge-score 0.1.2", reference), ("newsbrief.rouge", ours)):
        scorer = module.RougeScorer(TYPES, use_stemmer=True)
        scores, wall, cpu = timed(lambda: [scorer.score(t, p) for t, p in pairs])
        results[name] = (scores, wall, cpu)
        print(f"  {name:18s} wall {wall:8.3f} s  CPU {cpu:8.3f} s  ({len(pairs) / wall:,.0f} pairs/s)")
    (a, wa, ca), (b, wb, cb) = results.values()
    same = all(dict(x) == dict(y) for x, y in zip(a, b))
    print(f"  speed-up: {wa / wb:.0f}x wall, {ca / cb:.0f}x CPU; scores identical: {same}")


def bench_batch(clusters_path, words):
    import newsbrief

    cli = ROOT / "target" / "release" / "newsbrief"
    if not clusters_path.exists() or not cli.exists():
        print(f"summarize_batch: skipped ({clusters_path} or {cli} is absent)")
        return
    with open(clusters_path, encoding="utf-8") as f:
        clusters = [json.loads(line) for line in f if line.strip()]
    print(f"summarize_batch: {len(clusters)} clusters of {clusters_path}, --words {words}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        out_path = pathlib.Path(tmp) / "out.jsonl"
        command = [str(cli), "summarize", "--input", str(clusters_path), "--output", str(out_path), "--words", str(words)]
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            before = os.times()
            subprocess.run(command, check=True)
            after = os.times()
            runs.append((time.perf_counter() - start, (after.children_user + after.children_system) - (before.children_user + before.children_system)))
        cli_lines = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    wall, cpu = min(runs)
    print(f"  CLI newsbrief summarize     wall {wall:.3f} s  CPU {cpu:.3f} s  (best of 5, reading and writing files)")
    runs = [timed(lambda: newsbrief.summarize_batch(clusters, words=words)) for _ in range(5)]
    out, wall, cpu = min(runs, key=lambda r: r[1])
    print(f"  newsbrief.summarize_batch   wall {wall:.3f} s  CPU {cpu:.3f} s  (best of 5, dicts in and out)")
    print(f"  same summaries as the CLI: {out == cli_lines}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=pathlib.Path, default=ROOT.parent / "shared" / "data" / "multinews" / "dev.jsonl")
    parser.add_argument("--words", type=int, default=260)
    args = parser.parse_args()
    bench_rouge()
    bench_batch(args.clusters, args.words)


if __name__ == "__main__":
    main()
