#!/usr/bin/env bash
# The Python package's tests: a virtual environment under target/ (kept between runs), maturin, pytest
# and rouge-score 0.1.2 (the reference of the drop-in) from PyPI, the package built in release mode
# into it (reusing the workspace's target/), then pytest on python/tests, one process per core
# (pytest-xdist; PYTEST_JOBS=1 for one). Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="${NEWSBRIEF_PYTHON_VENV:-$root/target/python-venv}"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "maturin>=1.7,<2" pytest pytest-xdist "rouge-score==0.1.2"
# The wheel is built with the workspace's target directory, so an unchanged engine is not rebuilt.
export CARGO_TARGET_DIR="$root/target"
(cd python && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" \
  "$venv/bin/maturin" develop --release --locked --quiet)
cd python && "$venv/bin/python" -m pytest -q -n "${PYTEST_JOBS:-auto}" tests "$@"
