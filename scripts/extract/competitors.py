#!/usr/bin/env python3
"""Runs the Python extractors (trafilatura, readability-lxml) over the article-extraction benchmark
and writes one predictions file per extractor, scored afterwards by the Rust `extract-bench`
(the metric is implemented once, in crates/extract/src/metric.rs).

usage: competitors.py DATA_DIR OUT_DIR
"""
import gzip
import json
import sys
import time
from pathlib import Path


def load(data_dir):
    truth = json.loads((data_dir / "ground-truth.json").read_text())
    return {key: gzip.decompress((data_dir / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
            for key in sorted(truth)}


def run(name, extract, pages, out_dir):
    predictions = {}
    start = time.perf_counter()
    for key, html in pages.items():
        try:
            predictions[key] = extract(html) or ""
        except Exception:  # a competitor failing on one page scores it as empty
            predictions[key] = ""
    seconds = time.perf_counter() - start
    (out_dir / f"{name}.json").write_text(json.dumps({"extractor": name, "seconds": seconds, "predictions": predictions}))


def main():
    data_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = load(data_dir)

    import trafilatura
    run("trafilatura", lambda html: trafilatura.extract(html), pages, out_dir)

    import lxml.html
    from readability import Document
    run("readability-lxml", lambda html: lxml.html.fromstring(Document(html).summary()).text_content(), pages, out_dir)


if __name__ == "__main__":
    main()
