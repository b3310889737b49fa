# Files with nothing to extract are documents with no entities, not errors:
# an empty file, a byte order mark alone, blank lines, punctuation only, an
# empty page, a page of markup only.  Each run writes a valid, empty graph.
. "$(dirname "$0")/lib.sh"

: >empty.txt
printf '\357\273\277' >bom.txt
printf '\n\r\n  \t\n\343\200\200\n' >blank.txt
printf '\343\200\202\343\200\202\343\200\202\n\357\274\201\357\274\237\n\357\274\214\343\200\201\357\274\233\n...!?;\n' >punct.txt
: >empty.html
printf '<!DOCTYPE html><html><head><title></title></head><body><div><br></div>&nbsp;</body></html>\n' >markup.html
printf '\377\376' >bom16.txt

for f in empty.txt bom.txt blank.txt punct.txt empty.html markup.html bom16.txt; do
    run "$ZHKG" build -o "$f.graphml" -o "$f.jsonld" "$f"
    expect_rc 0 "$f"
    expect_stderr "$f" <<<"zhkg: 1 document, 0 nodes, 0 edges"
    xmllint --noout "$f.graphml" || fail "$f: the GraphML output is not XML"
    "$PY" -c 'import json,sys; g=json.load(open(sys.argv[1])); sys.exit(0 if g.get("@graph") == [] else 1)' "$f.jsonld" ||
        fail "$f: the JSON-LD output is not an empty graph"
done

# All of them at once, and from standard input.
run "$ZHKG" build -q -o all.graphml empty.txt bom.txt blank.txt punct.txt empty.html markup.html
expect_rc 0 "all at once"
"$ZHKG" build -o stdin.graphml - <empty.txt 2>stderr
[ "$(cat stderr)" = "zhkg: 1 document, 0 nodes, 0 edges" ] || fail "empty standard input: $(cat stderr)"
