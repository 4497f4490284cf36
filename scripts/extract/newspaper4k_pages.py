#!/usr/bin/env python3
"""A third, independent extraction check: the English article pages of newspaper4k's test suite.

newspaper4k (MIT) ships, in its source distribution on PyPI, news pages saved in 2023 (CNN, Wired,
Time, Fox 13, cleveland.com, Yonhap …) with the text its own extractor is expected to give. That text is
not a human label (it keeps a few "Read more" and product lines), but the pages are modern layouts that
neither labelled set has, so whole stretches lost on a new layout show up here.

Writes DIR/html/*.html.gz and DIR/ground-truth.json in the layout of ../shared/data/article-extraction,
for `extract-bench DIR` and `scripts/extract/competitors.py DIR OUT`.

usage: scripts/extract/newspaper4k_pages.py OUT_DIR [--sdist FILE]
       (without --sdist it runs `pip download newspaper4k==0.9.6 --no-binary :all: --no-deps`)
"""

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "0.9.6"
# Pages whose expected text is mostly non-ASCII are not English; they are left out.
MIN_ASCII_SHARE = 0.95


def sdist(path: str | None, scratch: Path) -> Path:
    if path:
        return Path(path)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", f"newspaper4k=={VERSION}", "--no-binary", ":all:",
         "--no-deps", "--quiet", "--dest", str(scratch)],
        check=True,
    )
    return next(scratch.glob("newspaper4k-*.tar.gz"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sdist")
    args = parser.parse_args()
    (args.out / "html").mkdir(parents=True, exist_ok=True)
    truth = {}
    with tempfile.TemporaryDirectory() as scratch:
        with tarfile.open(sdist(args.sdist, Path(scratch))) as tar:
            members = {m.name.split("tests/data/", 1)[-1]: m for m in tar.getmembers()
                       if "/tests/data/" in m.name and m.isfile()}
            for name in sorted(members):
                if not (name.startswith("txt/") and name.endswith(".txt")):
                    continue
                key = name[len("txt/"):-len(".txt")]
                page = members.get(f"html/{key}.html")
                if page is None:
                    continue
                text = tar.extractfile(members[name]).read().decode("utf-8")
                if sum(c.isascii() for c in text) < MIN_ASCII_SHARE * max(1, len(text)):
                    continue
                with gzip.open(args.out / "html" / f"{key}.html.gz", "wb") as out:
                    out.write(tar.extractfile(page).read())
                truth[key] = {"articleBody": text, "url": ""}
    (args.out / "ground-truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True))
    print(f"{len(truth)} pages written to {args.out}")


if __name__ == "__main__":
    main()
