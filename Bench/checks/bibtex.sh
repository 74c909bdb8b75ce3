#!/bin/sh
# Exports the whole bundled catalog as BibTeX and checks it:
#   1. every entry parses with Python's bibtexparser (pip install bibtexparser;
#      a check dependency only), one per paper, with the expected fields
#      (Bench/checks/bibtex.py);
#   2. if BibTeX is installed (Debian: texlive-binaries texlive-base), `bibtex`
#      formats every entry with the standard styles plain and alpha with no
#      error and no warning.
# Run by hand from the repository: Bench/checks/bibtex.sh [path/to/iaifi]
set -eu
iaifi=${1:-.build/debug/iaifi}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$iaifi" list --quiet --format bibtex > "$work/catalog.bib"
"$iaifi" list --quiet --format json > "$work/catalog.json"
python3 "$here/bibtex.py" "$work/catalog.bib" "$work/catalog.json"

if ! command -v bibtex > /dev/null; then
    echo "bibtex.sh: no bibtex installed; skipped the BibTeX run"
    exit 0
fi
status=0
for style in plain alpha; do
    printf '\\citation{*}\n\\bibdata{catalog}\n\\bibstyle{%s}\n' "$style" > "$work/$style.aux"
    (cd "$work" && bibtex -terse "$style" > "$style.out" 2>&1) || true
    items=$(grep -c '^\\bibitem' "$work/$style.bbl" || true)
    if grep -q -E 'error message|Warning--' "$work/$style.blg"; then
        echo "bibtex.sh: bibtex ($style) reported problems:"
        grep -E -A3 'error message|Warning--|---' "$work/$style.blg" | head -40
        status=1
    fi
    echo "bibtex ($style): $items entries formatted, $(grep -c -E 'Warning--' "$work/$style.blg" || true) warnings"
done
exit $status
