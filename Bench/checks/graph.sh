#!/bin/sh
# Renders `iaifi graph` output with Graphviz, when it is installed: every
# DOT the command writes must lay out without a warning. Not run by
# `swift test` (Graphviz is not a dependency); run it by hand:
#
#     Bench/checks/graph.sh [path/to/iaifi]
#
# Exits 0 when every graph renders (or Graphviz is missing: says so), 1 otherwise.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
iaifi=${1:-"$here/.build/debug/iaifi"}
if ! command -v dot >/dev/null 2>&1; then
    echo "graph.sh: Graphviz 'dot' not found (apt-get install graphviz); skipped"
    exit 0
fi
[ -x "$iaifi" ] || { echo "graph.sh: no iaifi binary at $iaifi (swift build --product iaifi)"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
check() {
    name=$1; shift
    "$iaifi" graph --quiet "$@" > "$out/$name.dot" 2> "$out/$name.stderr"
    if ! dot -Tsvg "$out/$name.dot" -o "$out/$name.svg" 2> "$out/$name.err" || [ -s "$out/$name.err" ]; then
        echo "FAIL $name: iaifi graph $*"; sed 's/^/    /' "$out/$name.err"; failed=1
        return
    fi
    nodes=$(grep -c 'class="node"' "$out/$name.svg")
    edges=$(grep -c 'class="edge"' "$out/$name.svg")
    echo "ok   $name: $nodes nodes, $edges edges drawn ($*)"
}
check tags-top60 --top 60
check tags-astro --category Astrophysics --top 40 --min-weight 2
check authors --authors --top 50
check markup --authors --data "$here/Tests/Fixtures/graph"
check empty --keyword "no such tag anywhere"
# The labels of the markup fixture come out of Graphviz as written.
for label in 'R&amp;D &lt;Lab&gt; Team' 'Zoë &quot;Zed&quot; Ångström' 'Back\\slash Author' 'Łukasz Żółć'; do
    grep -q "$label" "$out/markup.svg" || { echo "FAIL markup: label '$label' not drawn"; failed=1; }
done
exit $failed
