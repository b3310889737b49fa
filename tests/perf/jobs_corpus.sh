# -j 2 writes the same bytes as -j 1 on a small generated corpus
# (bench/gen-corpus: hundreds of articles, thousands of nodes and edges).
. "$(dirname "$0")/../cli/lib.sh"
"$PY" "$SRC/bench/gen-corpus" --quiet --seed 7 --size 400K corpus || fail "gen-corpus failed"
for j in 1 2; do
    run "$ZHKG" build -j $j -o j$j.graphml -o j$j.jsonld corpus
    expect_rc 0 "-j $j"
    cp "$T/stderr" j$j.stderr
done
edges=$(grep -c '<edge ' j1.graphml)
[ "$edges" -ge 200 ] || fail "only $edges edges from the generated corpus"
for f in graphml jsonld stderr; do
    cmp -s j1.$f j2.$f || fail "-j 2: $f differs from -j 1"
done
exit 0
