#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for RUNS executions (default
# 10 million). Usage: Fuzz/run.sh [RUNS] [TARGET...]
# Targets: iaifi arxiv hf query pipeline search snapshot. A crashing input is saved in
# .build-fuzz/crashes/; copy it to Tests/Fixtures/fuzz-regressions/ with a test.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000000}
shift || true
targets=${*:-iaifi arxiv hf query}
out=.build-fuzz
# Let libFuzzer, not Swift's backtracer, handle a crash, so it saves the input.
export SWIFT_BACKTRACE=enable=no
mkdir -p "$out/crashes" "$out/modules"
catalog=$(find Sources/PaperCatalog -name '*.swift')
# TextNormalization, which the catalog and the index import, as a static library.
swiftc -O -sanitize=fuzzer -parse-as-library -package-name iaifi -module-name TextNormalization -emit-module \
  -emit-module-path "$out/modules/TextNormalization.swiftmodule" -emit-library -static -o "$out/libTextNormalization.a" \
  $(find Sources/TextNormalization -name '*.swift')
normalization=(-I "$out/modules" -L "$out" -lTextNormalization)
for target in $targets; do
  binary="$out/fuzz-$target"
  corpus="$out/corpus-$target"
  mkdir -p "$corpus"
  case $target in
    query)
      swiftc -O -sanitize=fuzzer -parse-as-library -package-name iaifi -module-name PaperIndex "${normalization[@]}" \
        Sources/PaperIndex/Query.swift Sources/PaperIndex/Suggestion.swift Fuzz/FuzzQuery.swift -o "$binary"
      printf '%s' 'dark matter' > "$corpus/1"; printf '%s' 'title:"flow" (a OR b) -c year:2020..' > "$corpus/2"
      printf '%s' 'author:^Tegmark diffus* NOT x' > "$corpus/3"; printf '%s' '"unbalanced (x' > "$corpus/4" ;;
    search|snapshot)
      # PaperCatalog as a static library, then PaperIndex with the entry point over it.
      swiftc -O -sanitize=fuzzer -parse-as-library -package-name iaifi -module-name PaperCatalog -emit-module "${normalization[@]}" \
        -emit-module-path "$out/modules/PaperCatalog.swiftmodule" -emit-library -static -o "$out/libPaperCatalog.a" $catalog
      entry=Fuzz/FuzzSearch.swift
      [ "$target" = snapshot ] && entry=Fuzz/FuzzSnapshot.swift
      swiftc -O -sanitize=fuzzer -parse-as-library -package-name iaifi -module-name PaperIndex "${normalization[@]}" -lPaperCatalog \
        $(find Sources/PaperIndex -name '*.swift') "$entry" -o "$binary"
      if [ "$target" = search ]; then
        printf '%s' 'dark matter' > "$corpus/1"; printf '%s' '"neural network" OR symmetry -galaxy' > "$corpus/2"
        printf '%s' 'physics-informed year:2023..' > "$corpus/3"; printf '%s' 'diffusion model' > "$corpus/4"
      else
        # An intact snapshot, one flipped byte, and one resealed patch.
        printf '\x00' > "$corpus/1"; printf '\x00\x10\x00\x00\x00\x41' > "$corpus/2"; printf '\x01\x00\x04\x00\x00\xff' > "$corpus/3"
      fi ;;
    *)
      flag=$(echo "$target" | tr a-z A-Z)
      [ "$target" = pipeline ] && flag="IAIFI -D FUZZ_PIPELINE"
      swiftc -O -sanitize=fuzzer -parse-as-library -package-name iaifi -module-name PaperCatalog -D FUZZ_$flag "${normalization[@]}" \
        $catalog Fuzz/FuzzDumpReader.swift -o "$binary"
      case $target in iaifi|pipeline) file=Data/iaifi-papers.txt;; arxiv) file=Data/arxiv-listing.txt;; hf) file=Data/hf-daily-papers.txt;; esac
      # Seeds: windows of 40 lines from the bundled file of this format.
      total=$(wc -l < "$file")
      for start in $(seq 1 40 "$total"); do sed -n "${start},$((start + 39))p" "$file" > "$corpus/seed-$start"; done ;;
  esac
  echo "== $target: $runs runs"
  "$binary" "$corpus" -runs="$runs" -max_len=${MAX_LEN:-2048} -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$out/crashes/$target-" -print_final_stats=1 2>&1 | grep -E 'stat::number_of_executed_units|stat::peak_rss|ERROR|Done|deadly|Test unit written' || true
done
