#!/bin/sh
# End-to-end check of the inferred categories (README, "Inferred
# categories"): the held-out categorised papers (Bench/categories/
# heldout-ids.txt) are taken out of the IAIFI dump and rewritten as an arXiv
# listing without categories or tags (Bench/checks/categories-e2e.py); the
# real binary indexes the reduced dump and that listing, and the check counts
# the rewritten papers whose inferredCategory is their stated category.
# Run by hand from the repository: Bench/checks/categories-e2e.sh [path/to/iaifi]
set -eu
iaifi=${1:-.build/release/iaifi}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

IAIFI_DATA=Data IAIFI_CACHE=off "$iaifi" list --quiet --format json > "$work/catalog.json"
python3 "$here/categories-e2e.py" prepare "$work/catalog.json" Data/iaifi-papers.txt Bench/categories/heldout-ids.txt "$work/catalog"
IAIFI_DATA="$work/catalog" IAIFI_CACHE=off "$iaifi" list --format json > "$work/result.json"
python3 "$here/categories-e2e.py" score "$work/catalog" "$work/result.json"
