#!/bin/bash
# Runs the same facet commands with two iaifi binaries and compares stdout,
# stderr and exit code of each: every facet (keywords, authors, categories,
# years) in every count format, unfiltered and under each kind of filter
# (--keyword, --author, --category incl. none, --inferred, dates), --top,
# --sort count, --variants, --chart, the shell-completion values and the
# usage errors (a query, --format bibtex).
# Run by hand from the repository:
#   Bench/checks/facets-identical.sh OLD_IAIFI NEW_IAIFI [--data PATH]...
# Without --data, the bundled catalog. Each binary keeps its snapshot in its
# own temporary cache folder (the first command of each builds it; keep
# IAIFI_CACHE_DIR_OLD / IAIFI_CACHE_DIR_NEW set to reuse folders between runs).
# Exits 0 when every output is identical, 1 otherwise (the diffs on stdout).
set -u
old=$1 new=$2
shift 2
data=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
old_cache=${IAIFI_CACHE_DIR_OLD:-$work/old-cache}
new_cache=${IAIFI_CACHE_DIR_NEW:-$work/new-cache}

# One filter set per line, arguments separated by '|'.
filters='
--keyword|dark matter
--keyword|neural networks
--keyword|diffusion models|--keyword|generative models
--keyword|simulation
--author|Villar
--author|Tegmark
--author|J. Thaler
--category|Astrophysics
--category|Foundational AI|--category|Astrophysics
--category|none
--category|none|--inferred
--category|Astrophysics|--inferred
--inferred
--year|2024
--since|2023|--until|2024-06
--keyword|machine learning|--category|Astrophysics|--since|2022
--author|Villar|--keyword|transients
--top|5
--top|3|--inferred
--keyword|no such tag at all
--quiet|--author|Villar'

commands=()
for facet in keywords authors categories years; do
    while IFS= read -r filter; do
        [ -n "$filter" ] || continue
        for format in table tsv json jsonl csv; do commands+=("$facet|--format|$format|$filter"); done
    done <<< "$filters"
    commands+=("$facet|--chart" "$facet|--chart|--ascii|--top|4|--category|Astrophysics" "$facet|--format|bibtex" "$facet|dark matter" "__complete|$facet")
done
for format in table tsv json csv; do
    commands+=("authors|--variants|--format|$format" "authors|--variants|--format|$format|--author|Villar"
               "authors|--variants|--format|$format|--category|Astrophysics|--top|20"
               "authors|--variants|--format|$format|--keyword|dark matter"
               "years|--sort|count|--format|$format" "years|--sort|count|--top|3|--format|$format|--category|none"
               "categories|--inferred|--format|$format|--author|Villar"
               "categories|--inferred|--format|$format|--keyword|neural networks")
done

status=0
for line in "${commands[@]}"; do
    IFS='|' read -r -a arguments <<< "$line"
    for side in old new; do
        if [ $side = old ]; then binary=$old cache=$old_cache; else binary=$new cache=$new_cache; fi
        code=0
        COLUMNS=100 IAIFI_CACHE_DIR=$cache "$binary" "${arguments[@]}" "${data[@]}" > "$work/$side.stdout" 2> "$work/$side.stderr" || code=$?
        echo "$code" > "$work/$side.code"
    done
    for part in code stdout stderr; do
        if ! cmp -s "$work/old.$part" "$work/new.$part"; then
            echo "DIFFERS ($part): iaifi ${arguments[*]}"
            diff "$work/old.$part" "$work/new.$part" | head -20
            status=1
        fi
    done
done
echo "facets-identical: ${#commands[@]} commands, $([ $status = 0 ] && echo 'all outputs identical' || echo 'some differ')"
exit $status
