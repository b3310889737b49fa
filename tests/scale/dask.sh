# The Dask example (examples/dask/zhkg_dask.py) end to end: a LocalCluster
# of 2 worker processes extracts the samples in 3 shards, zhkg merge
# merges the parts, and the graph is the one zhkg build writes, byte for
# byte.  Then an update through it: 3 samples, then the other 2.  Fails
# (1) without Dask (Debian python3-distributed, installed by scripts/setup.sh).
. "$(dirname "$0")/../cli/lib.sh"
"$PY" -c 'import distributed' 2>/dev/null || { echo "python3-distributed is missing: run scripts/setup.sh"; exit 1; }
samples
run "$ZHKG" build -o full.graphml -o full.dot -o full.jsonld samples
expect_rc 0 "build"
DASK="$SRC/examples/dask/zhkg_dask.py"

run timeout 240 "$PY" "$DASK" --zhkg "$ZHKG" --workers 2 --shards 3 --parts parts \
    --task-timeout 60 --timeout 120 -o d.graphml -o d.dot -o d.jsonld samples
expect_rc 0 "zhkg_dask.py"
expect_err "5 files in 3 shards extracted by" "dask summary"
expect_err "of 2 workers" "dask summary"
expect_err "5 documents," "merge summary"
[ "$(ls parts | wc -l)" -eq 3 ] || fail "not 3 parts: $(ls parts)"
for f in graphml dot jsonld; do
    cmp -s "full.$f" "d.$f" || fail "Dask: $f differs from zhkg build"
done

set -- samples/*.txt
run timeout 240 "$PY" "$DASK" --zhkg "$ZHKG" --workers 2 --timeout 120 \
    --update st.jsonl "$1" "$2" "$3"
expect_rc 0 "zhkg_dask.py --update, first"
run timeout 240 "$PY" "$DASK" --zhkg "$ZHKG" --workers 2 --timeout 120 \
    --update st.jsonl -o u.graphml -o u.dot -o u.jsonld samples
expect_rc 0 "zhkg_dask.py --update, second"
expect_err "2 new documents (3 already merged), 5 in all" "update summary"
for f in graphml dot jsonld; do
    cmp -s "full.$f" "u.$f" || fail "Dask update: $f differs from zhkg build"
done

# A failing task fails the run with its message, and writes no graph.
bad_utf8 bad.txt
run timeout 240 "$PY" "$DASK" --zhkg "$ZHKG" --workers 2 --timeout 120 -o bad.dot bad.txt
expect_rc 1 "a failing task"
expect_err "zhkg extract failed" "a failing task"
[ ! -e bad.dot ] || fail "a graph was written after a failed task"
exit 0
