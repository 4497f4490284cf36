#!/bin/sh
# Rebuilds crates/ner/model/external-clusters.bin, the NER tagger's external word clusters: the Brown
# clusters (1,000 classes) of the English lexeme table `en_lexeme_cluster` in spaCy's lookup data
# (`spacy-lookups-data` 1.0.5, MIT), installed into a venv under target/ (the only step that
# downloads, about 100 MB; building and running newsbrief never do):
#   1. the table's words with a cluster (about 190,000 of its 1,000,001) as word<TAB>path lines
#   2. build-external-clusters hashes the words (no text is committed)
# Usage: scripts/ner/build-external-clusters.sh. Deterministic for the pinned version.
# Retrain the model afterwards (scripts/ner/train.sh): its weights belong to these clusters.
set -eu
cd "$(dirname "$0")/../.."
venv=target/gazetteer-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --no-deps spacy-lookups-data==1.0.5
"$venv/bin/python" - > target/ner-external-clusters.tsv <<'PY'
import gzip, json
from importlib import resources

path = resources.files("spacy_lookups_data").joinpath("data/en_lexeme_cluster.json.gz")
with path.open("rb") as raw:
    table = json.load(gzip.open(raw))
for word, cluster in sorted(table.items()):
    # 0 is "no cluster"; words with white space cannot be tokens
    if cluster and word and not any(c.isspace() for c in word):
        print(f"{word}\t{cluster}")
PY
cargo run -p newsbrief-ner --release --bin build-external-clusters -- target/ner-external-clusters.tsv
