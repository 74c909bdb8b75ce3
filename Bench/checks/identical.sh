#!/usr/bin/env bash
# Runs the fixed command set (Bench/checks/commands.txt) with two iaifi
# binaries over each catalog and compares stdout, stderr and exit codes byte
# for byte: a refactoring must change none of them.
# Usage: Bench/checks/identical.sh OLD_BINARY NEW_BINARY [CATALOG...]
# Catalogs default to Data/ and a 10k synthetic corpus (generated with
# iaifi-bench into bench-corpora/10k when missing). Exit 0 when every
# command answers the same, 1 otherwise (the differing commands listed).
set -uo pipefail
cd "$(dirname "$0")/../.."
[ $# -ge 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY [CATALOG...]" >&2; exit 2; }
old=$(realpath "$1"); new=$(realpath "$2"); shift 2
catalogs=("$@")
if [ ${#catalogs[@]} -eq 0 ]; then
  if [ ! -d bench-corpora/10k ]; then
    swift run -c release iaifi-bench generate --papers 10000 --out bench-corpora/10k >&2 || exit 2
  fi
  catalogs=(Data bench-corpora/10k)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
differ=0 total=0
for catalog in "${catalogs[@]}"; do
  catalog=$(realpath "$catalog")
  id=$(IAIFI_DATA="$catalog" IAIFI_CACHE=off "$old" list -n 1 --format tsv | cut -f1)
  while IFS= read -r line; do
    case $line in ''|'#'*) continue ;; esac
    command=${line//\{id\}/$id}
    total=$((total + 1))
    for side in old new; do
      binary=$old; [ $side = new ] && binary=$new
      # Each binary keeps its own snapshot cache: a warm run, as users see.
      (cd "$work" && eval "IAIFI_DATA=\"$catalog\" IAIFI_CACHE_DIR=$work/cache-$side COLUMNS=100 \"$binary\" $command" \
        >"$work/$side.out" 2>"$work/$side.err"; echo "exit $?" >>"$work/$side.err")
    done
    if ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err"; then
      differ=$((differ + 1))
      echo "DIFFERS [$catalog] iaifi $command"
      diff "$work/old.out" "$work/new.out" | head -5
      diff "$work/old.err" "$work/new.err" | head -5
    fi
  done < Bench/checks/commands.txt
done
echo "$((total - differ)) of $total commands identical"
[ $differ -eq 0 ]
