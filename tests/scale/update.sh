# Incremental updates: a graph built on three samples and updated with the
# other two is the graph built on all five (same nodes, same ids, the same
# bytes in every format); documents already merged are skipped; the state
# file holds every document once; a failed update changes nothing.
. "$(dirname "$0")/../cli/lib.sh"
samples
set -- samples/*.txt
[ $# -ge 5 ] || fail "need 5 sample articles, found $#"

run "$ZHKG" build -o full.graphml -o full.dot -o full.jsonld samples
expect_rc 0 "build"
check() {
    for f in graphml dot jsonld; do
        nonempty "$1.$f"
        cmp -s "full.$f" "$1.$f" || fail "$2: $f differs from zhkg build on all five"
    done
}

# Three, then two: the first update creates the state.
run "$ZHKG" build --update st.jsonl -o u.graphml -o u.dot -o u.jsonld "$1" "$3" "$5"
expect_rc 0 "first update"
expect_err "3 new documents (0 already merged), 3 in all" "first summary"
run "$ZHKG" build --update st.jsonl -o u.graphml -o u.dot -o u.jsonld "$2" "$4"
expect_rc 0 "second update"
expect_err "2 new documents (0 already merged), 5 in all" "second summary"
check u "3 + 2"
[ "$(wc -l <st.jsonl)" -eq 5 ] || fail "the state does not hold 5 documents"

# Ids: every node of the small graph whose id changed is named in a note;
# the others kept theirs.
"$ZHKG" build -q -o three.graphml "$1" "$3" "$5" || fail "build on three"
"$PY" - three.graphml full.graphml stderr <<'PY' || fail "ids"
import re, sys
import xml.etree.ElementTree as ET
def ids(path):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter("{%s}key" % ns["g"])}
    out = {}
    for n in root.iter("{%s}node" % ns["g"]):
        label = [d.text for d in n if keys.get(d.get("key")) == "label"]
        out[n.get("id")] = label[0] if label else None
    return out
small, full = ids(sys.argv[1]), ids(sys.argv[2])
notes = dict(re.findall(r"note: node (\S+) \(.*?\) is now (\S+) ", open(sys.argv[3], encoding="utf-8").read()))
for i in small:
    if i in full:
        assert i not in notes, i
    else:
        assert i in notes and notes[i] in full, (i, small[i])
print("%d nodes kept their id, %d changed" % (len(small) - len(notes), len(notes)))
PY

# Again with documents already merged: skipped, nothing changes.
cp st.jsonl st.before
run "$ZHKG" build --update st.jsonl -o u.graphml -o u.dot -o u.jsonld "$2" "$1"
expect_rc 0 "update with known documents"
expect_err "0 new documents (2 already merged), 5 in all" "known summary"
check u "known documents"
cmp -s st.jsonl st.before || fail "the state changed with no new document"
# The same content under another name is the same document.
cp "$3" copy.txt
run "$ZHKG" build --update st.jsonl -q copy.txt
expect_rc 0 "update with a copy"
cmp -s st.jsonl st.before || fail "a copy of a known article was added"

# The state holds the documents zhkg extract writes, once each.
"$ZHKG" extract -q -o all.jsonl samples || fail "extract"
sort st.jsonl | cmp -s - <(sort all.jsonl) || fail "the state is not the extracted documents"
# and zhkg merge of the state is the graph.
run "$ZHKG" merge -o m.graphml -o m.dot -o m.jsonld st.jsonl
expect_rc 0 "merge the state"
check m "merge of the state"

# merge --update: parts into a state, one day after another, in another
# cut (two, then three), no -o on the first day.
"$ZHKG" extract -q -o day1.jsonl "$4" "$5" || fail "extract day 1"
"$ZHKG" extract -q -o day2.jsonl "$1" "$2" "$3" "$4" || fail "extract day 2"
run "$ZHKG" merge --update ms.jsonl day1.jsonl
expect_rc 0 "merge --update day 1"
expect_err "2 new documents (0 already merged), 2 in all" "merge day 1 summary"
run "$ZHKG" merge --update=ms.jsonl -o md.graphml -o md.dot -o md.jsonld day2.jsonl
expect_rc 0 "merge --update day 2"
expect_err "3 new documents (1 already merged), 5 in all" "merge day 2 summary"
check md "merge --update"

# A failed update (a bad input) leaves the state and the outputs as they
# were and no temporary file behind; with --keep-going the good inputs go in.
mkdir f && cp st.before f/st.jsonl && echo old >f/g.dot
bad_utf8 bad.txt
before=$(ls -a f)
run "$ZHKG" build --update f/st.jsonl -o f/g.dot copy.txt bad.txt
expect_rc 1 "update with a bad input"
cmp -s f/st.jsonl st.before || fail "a failed update changed the state"
[ "$(cat f/g.dot)" = old ] || fail "a failed update changed the output"
[ "$(ls -a f)" = "$before" ] || fail "files left in f/: $(ls -a f)"
rm -f f/st.jsonl
"$ZHKG" build -q --update f/st.jsonl "$1" 2>stderr || fail "new state"
run "$ZHKG" build --keep-going --update f/st.jsonl -o f/g.dot bad.txt "$2"
expect_rc 1 "--keep-going update"
expect_err "1 new document (0 already merged), 2 in all" "--keep-going summary"
[ "$(wc -l <f/st.jsonl)" -eq 2 ] || fail "--keep-going: the good input is not in the state"

# A state that is not JSON Lines is an error naming its line.
printf '%s\n' "$(head -n 1 st.jsonl)" '{"zhkg":1,' >broken.jsonl
run "$ZHKG" build --update broken.jsonl -o x.dot "$2"
expect_rc 1 "broken state"
expect_err "zhkg: broken.jsonl:2:11: invalid JSON" "broken state"
exit 0
