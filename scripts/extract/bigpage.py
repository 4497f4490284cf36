#!/usr/bin/env python3
"""Writes a one-page benchmark directory (ground-truth.json + html/big.html.gz) holding a generated
article page of about 20 MB: navigation, an article of many paragraphs with inline links, teaser
lists and a footer. Used to measure the extractor's time and memory on a very large page:

    scripts/extract/bigpage.py /tmp/bigbench
    /usr/bin/time -v target/release/extract-bench /tmp/bigbench
"""
import gzip
import json
import sys
from pathlib import Path

TARGET_BYTES = 20 * 1000 * 1000


def main(out_dir):
    out = Path(out_dir)
    (out / "html").mkdir(parents=True, exist_ok=True)
    nav = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(40))
    head = f'<html><head><title>Big page</title></head><body><nav><ul>{nav}</ul></nav><article><div class="article-body">'
    teaser = ('<div class="card"><h3><a href="/t{n}">Another story number {n}</a></h3>'
              '<p>A short summary of that other story, written to look like a sentence.</p></div>')
    tail = "</div></article><footer><p>Copyright notice and contact details of the site.</p></footer></body></html>"
    parts, truth, size, n = [head], [], len(head), 0
    while size < TARGET_BYTES:
        n += 1
        para = (f"Paragraph {n} of the article tells what happened next, with a "
                f'<a href="/ref{n}">source link</a> and enough words to read as prose for the extractor.')
        parts.append(f"<p>{para}</p>")
        truth.append(f"Paragraph {n} of the article tells what happened next, with a source link and "
                     "enough words to read as prose for the extractor.")
        size += len(para) + 7
        if n % 500 == 0:
            block = '<div class="teasers">' + "".join(teaser.format(n=n + k) for k in range(3)) + "</div>"
            parts.append(block)
            size += len(block)
    parts.append(tail)
    html = "".join(parts).encode()
    (out / "html" / "big.html.gz").write_bytes(gzip.compress(html))
    (out / "ground-truth.json").write_text(json.dumps({"big": {"articleBody": "\n".join(truth), "url": ""}}))
    print(f"{out}: {len(html)} bytes of HTML, {n} paragraphs")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/bigbench")
