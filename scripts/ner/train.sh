#!/bin/sh
# Rebuilds the committed NER model from the shared data, deterministically:
#   1. word clusters from unlabelled news text          -> crates/ner/model/clusters.tsv
#   2. the two-pass averaged perceptron and gazetteer  -> crates/ner/model/{ner,ner-second,gazetteer}.bin
#      (both passes also match the committed external name lists, crates/ner/model/external-names.bin,
#      which scripts/ner/build-external-names.sh rebuilds from registry packages, and read the committed
#      external clusters, crates/ner/model/external-clusters.bin, which scripts/ner/build-external-clusters.sh
#      rebuilds; neither is rebuilt here)
#      trained on eng.train and eng.testa (choices were made by cross-validation over eng.train:
#      `train-ner DATA/conll2003 --cv 5`; a train-only model for the eng.testa figure: drop --include-dev
#      and pass --out/--out-second/--out-gazetteer to keep the committed files)
# Usage: scripts/ner/train.sh [SHARED_DATA_DIR]   (default: ../shared/data relative to the repo)
set -eu
cd "$(dirname "$0")/../.."
shared="${1:-../shared/data}"
cargo run -p newsbrief-ner --release --bin build-clusters -- "$shared"
# the tagger includes clusters.tsv at compile time, so train-ner is rebuilt against the new table
cargo run -p newsbrief-ner --release --bin train-ner -- "$shared/conll2003" --epochs 12 --include-dev
