# Building samples/ writes all three formats at once, each one well formed.
. "$(dirname "$0")/lib.sh"
samples

run "$ZHKG" build -o out/s.graphml -o out/s.dot -o out/s.jsonld samples
[ "$rc" -ne 0 ] || fail "output into a missing directory succeeded"
mkdir out
run "$ZHKG" build -o out/s.graphml -o out/s.dot -o out/s.jsonld -o out/s.gv -o out/s.json samples
expect_rc 0 "build samples"
n=$(find samples -name "*.txt" | wc -l)
expect_err "$n documents" "summary line"
for f in s.graphml s.dot s.jsonld s.gv s.json; do nonempty "out/$f"; done

"$PY" - out/s.graphml <<'PY' || fail "GraphML root element is not graphml"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag.split('}')[-1] == 'graphml', root.tag
PY
head -c 200 out/s.dot | grep -qE '^(strict )?digraph' || fail "DOT does not start with digraph"
"$PY" -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' out/s.jsonld ||
    fail "JSON-LD does not parse as JSON"
cmp -s out/s.dot out/s.gv || fail ".gv and .dot differ"
cmp -s out/s.jsonld out/s.json || fail ".json and .jsonld differ"

# -f forces the format, -o - writes to standard output; --quiet drops the
# summary line.
run "$ZHKG" build --quiet -f dot -o - samples
expect_rc 0 "-f dot -o -"
cmp -s stdout out/s.dot || fail "-f dot -o - differs from -o out/s.dot"
[ ! -s stderr ] || fail "--quiet still printed on stderr"
run "$ZHKG" build --format=graphml --output=out/forced.dot samples
expect_rc 0 "--format=graphml"
cmp -s out/forced.dot out/s.graphml || fail "--format=graphml did not write GraphML"
