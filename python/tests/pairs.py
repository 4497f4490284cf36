"""The (target, prediction) pairs the rouge-score drop-in is checked and timed on, built
deterministically from the repository's Multi-News test data (crates/rouge/tests/data).

* every entry's prediction against each of its references, whole (long, multi-line texts);
* windows of 1 to 4 consecutive sentences (lines) of the texts, paired with windows of another text
  and with a near copy of themselves (so scores span 0 to 1);
* multi-reference cases: a window against 3 other windows.
"""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "crates" / "rouge" / "tests" / "data" / "rouge_score_pairs.jsonl"


def entries():
    with open(DATA, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def whole_pairs():
    """(target, prediction) of every entry and reference, as the golden file has them."""
    out = []
    for e in entries():
        for ref in e["references"] or [""]:
            out.append((ref, e["prediction"]))
    return out


def _windows():
    texts = []
    for e in entries():
        texts.append(e["prediction"])
        texts.extend(e["references"])
    windows = []
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        for start in range(0, len(lines), 3):
            width = 1 + (start // 3) % 4
            windows.append("\n".join(lines[start : start + width]))
    return windows


def window_pairs(count):
    """``count`` short (target, prediction) pairs."""
    windows = _windows()
    n = len(windows)
    out = []
    i = 0
    while len(out) < count:
        target = windows[i % n]
        if i % 3 == 0:
            words = target.split(" ")
            prediction = " ".join(words[: max(1, len(words) * 2 // 3)]) + " and more words"
        else:
            prediction = windows[(i * 7919 + 13) % n]
        out.append((target, prediction))
        i += 1
    return out


def multi_pairs(count):
    """``count`` (targets, prediction) cases with 3 targets each."""
    windows = _windows()
    n = len(windows)
    return [
        ([windows[(i * 31 + k * 577) % n] for k in range(3)], windows[(i * 131 + 7) % n])
        for i in range(count)
    ]
