#!/usr/bin/env bash
# Set up visarules in .venv and run the main job on the shipped example profile:
# an Indian B.Tech graduate of IIT Bombay, checked against every visa; then an Indian engineer
# with a US job offer, China's K, R and Z beside the US H-1B, O-1A, EB-1A and NIW (compare).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e .
.venv/bin/visarules check examples/iit_bombay_btech.yaml "$@"
.venv/bin/visarules explain examples/iit_bombay_btech.yaml --visa CN-K "$@"
.venv/bin/visarules compare examples/indian_engineer_us_offer.yaml --visa CN-K --visa CN-R \
    --visa CN-Z --visa US-H-1B --visa US-O-1A --visa US-EB-1A --visa US-EB-2-NIW --context "$@"
