# The map and reduce steps give what one build gives: `zhkg extract` on
# shards of samples/ and `zhkg merge` of the parts write the same bytes as
# `zhkg build samples`, in all three formats, however the documents are
# cut into shards and in whatever order the parts are merged.
. "$(dirname "$0")/../cli/lib.sh"
samples
set -- samples/*.txt
[ $# -ge 5 ] || fail "need 5 sample articles, found $#"

run "$ZHKG" build -o full.graphml -o full.dot -o full.jsonld samples
expect_rc 0 "build"

# check NAME: the merged graph NAME.* is the built one
check() {
    for f in graphml dot jsonld; do
        nonempty "$1.$f"
        cmp -s "full.$f" "$1.$f" || fail "$1: $f differs from zhkg build"
    done
}

# Contiguous shards, merged in order and in reverse order.
run "$ZHKG" extract -o p0.jsonl "$1" "$2"
expect_rc 0 "extract shard 0"
expect_err "2 documents extracted" "summary line"
run "$ZHKG" extract -o p1.jsonl "$3"
expect_rc 0 "extract shard 1"
run "$ZHKG" extract -o p2.jsonl "$4" "$5"
expect_rc 0 "extract shard 2"
[ "$(cat p0.jsonl p1.jsonl p2.jsonl | wc -l)" -eq 5 ] || fail "not one line per document"
run "$ZHKG" merge -o m.graphml -o m.dot -o m.jsonld p0.jsonl p1.jsonl p2.jsonl
expect_rc 0 "merge"
expect_err "5 documents," "merge summary"
check m
run "$ZHKG" merge -o r.graphml -o r.dot -o r.jsonld p2.jsonl p1.jsonl p0.jsonl
expect_rc 0 "merge in reverse order"
check r
run "$ZHKG" merge -j 3 -o j.graphml -o j.dot -o j.jsonld p0.jsonl p1.jsonl p2.jsonl
expect_rc 0 "merge -j 3"
check j

# Interleaved shards (every other document), and one part per document
# given in reverse order; a part read from standard input.
run "$ZHKG" extract -o odd.jsonl "$1" "$3" "$5"
run "$ZHKG" extract -o even.jsonl "$2" "$4"
run "$ZHKG" merge -o i.graphml -o i.dot -o i.jsonld even.jsonl odd.jsonl
expect_rc 0 "merge interleaved"
check i
parts=
for f in "$@"; do
    b=$(basename "$f" .txt)
    run "$ZHKG" extract -q -o "one-$b.jsonl" "$f"
    expect_rc 0 "extract $f"
    [ ! -s stderr ] || fail "extract --quiet printed on stderr"
    parts="one-$b.jsonl $parts"
done
# shellcheck disable=SC2086
run "$ZHKG" merge -o o.graphml -o o.dot -o o.jsonld $parts
expect_rc 0 "merge one part per document"
check o
"$ZHKG" merge -q -o s.graphml -o s.dot -o s.jsonld p0.jsonl - p2.jsonl <p1.jsonl 2>stderr ||
    fail "merge with a part on standard input"
check s

# A whole directory, on two threads, to standard output: the same lines.
run "$ZHKG" extract -j 2 -o all.jsonl samples
expect_rc 0 "extract -j 2 samples"
cat p0.jsonl p1.jsonl p2.jsonl | cmp -s - all.jsonl || fail "extract samples differs from the shards"
"$ZHKG" extract -q -o - samples >stdout.jsonl 2>stderr || fail "extract -o -"
cmp -s stdout.jsonl all.jsonl || fail "extract -o - differs from -o FILE"

# Every line is a JSON object with the documented keys, and the content
# hash is the SHA-256 of the file.
"$PY" - all.jsonl "$@" <<'PY' || fail "JSON Lines content"
import hashlib, json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
files = sys.argv[2:]
assert len(lines) == len(files), (len(lines), len(files))
for line, path in zip(lines, files):
    d = json.loads(line)
    assert list(d) == ["zhkg", "name", "sha256", "sentences", "entities",
                       "mentions", "edges"], list(d)
    assert d["zhkg"] == 1 and d["name"] == path, (d["zhkg"], d["name"])
    raw = open(path, "rb").read()
    assert d["sha256"] == hashlib.sha256(raw).hexdigest(), path
    for m in d["mentions"]:
        a, b = m["span"]
        # the original bytes of a mention, normalised, give its surface
        # at least for the mentions copied unchanged
        assert 0 <= a <= b <= len(raw)
    for s in d["sentences"]:
        a, b = s["span"]
        assert 0 <= a <= b <= len(raw)
    for e in d["edges"]:
        assert e["source"] < len(d["entities"]) and e["target"] < len(d["entities"])
PY
exit 0
