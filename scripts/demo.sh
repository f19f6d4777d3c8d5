#!/usr/bin/env bash
# Set up visarules in .venv and run the main job on the shipped example profile:
# an Indian B.Tech graduate of IIT Bombay, checked against every Chinese visa.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/visarules check examples/iit_bombay_btech.yaml "$@"
.venv/bin/visarules explain examples/iit_bombay_btech.yaml --visa CN-K "$@"
