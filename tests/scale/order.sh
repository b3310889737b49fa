# A graph does not depend on the order its documents come in (docs/graph.md):
# the type of a node is voted by the documents, not taken from whichever
# came first.  tests/scale/types/*.jsonl give one entity different types in
# different documents; merging them in every order gives the same bytes
# and the type with the most mentions (on a tie, the first in type order).
# zhkg build over the samples in another order gives the same bytes too.
. "$(dirname "$0")/../cli/lib.sh"
D="$SRC/tests/scale/types"
i=0
for order in "a b c d" "d c b a" "b a d c" "c a d b" "b d a c"; do
    parts=
    for p in $order; do parts="$parts $D/$p.jsonl"; done
    # shellcheck disable=SC2086
    run "$ZHKG" merge -o "o$i.graphml" -o "o$i.jsonld" $parts
    expect_rc 0 "merge $order"
    if [ $i -gt 0 ]; then
        cmp -s o0.graphml "o$i.graphml" || fail "order '$order' gives another GraphML"
        cmp -s o0.jsonld "o$i.jsonld" || fail "order '$order' gives another JSON-LD"
    fi
    i=$((i + 1))
done
"$PY" - o0.graphml <<'PY' || fail "types"
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
types = {d["label"]: d["type"] for _, d in g.nodes(data=True)}
assert types["中关村科技园"] == "park", types
assert types["天河"] == "agency", types
assert len(types) == 3, types
PY

samples
run "$ZHKG" build -o fwd.graphml -o fwd.dot samples
expect_rc 0 "build"
# shellcheck disable=SC2046
run "$ZHKG" build -o rev.graphml -o rev.dot $(ls samples/*.txt | LC_ALL=C sort -r)
expect_rc 0 "build in reverse order"
cmp -s fwd.graphml rev.graphml || fail "reverse order gives another GraphML"
cmp -s fwd.dot rev.dot || fail "reverse order gives another DOT"
exit 0
