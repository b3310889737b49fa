# zhkg extract and zhkg merge as a user runs them: help, usage errors
# (status 2), --list, and files written whole or not at all.
. "$(dirname "$0")/../cli/lib.sh"
samples

for cmd in extract merge; do
    run "$ZHKG" "$cmd" --help
    expect_rc 0 "$cmd --help"
    grep -q "^Usage: zhkg $cmd " stdout || fail "$cmd --help: no usage line"
done
run "$ZHKG" --help
grep -q "zhkg extract" stdout && grep -q "zhkg merge" stdout && grep -q -- "--update STATE" stdout ||
    fail "zhkg --help does not name extract, merge and --update"

usage() {   # usage WHAT MESSAGE ARGS...
    what=$1 want=$2
    shift 2
    run "$ZHKG" "$@"
    expect_rc 2 "$what"
    expect_err "$want" "$what"
    expect_err "Try 'zhkg --help'" "$what"
}
usage "extract, no -o" "no output given (use -o FILE)" extract samples
usage "extract, two -o" "give -o once" extract -o a.jsonl -o b.jsonl samples
usage "extract, no input" "no input given" extract -o a.jsonl
usage "extract, bad -j" "bad number of threads '0'" extract -j 0 -o a.jsonl samples
usage "extract, unknown option" "unknown option '--frob'" extract --frob -o a.jsonl samples
usage "merge, no -o" "no output given (use -o FILE)" merge a.jsonl
usage "merge, no part" "no part given" merge -o g.dot
usage "merge, unknown format" "unknown format 'svgz'" merge -f svgz -o g a.jsonl
usage "merge, format of -o" "cannot tell the format of 'g.txt'" merge -o g.txt a.jsonl
usage "merge, --update -" "the state must be a file" merge --update - a.jsonl
usage "build, --update -" "needs a state file" build --update - samples

# --list: the files a build reads, in its order, nothing else done.
run "$ZHKG" extract --list samples
expect_rc 0 "--list"
ls samples/*.txt | LC_ALL=C sort | cmp -s - stdout || fail "--list is not the sorted *.txt files"

# A failed extract leaves an existing part as it was and no temporary
# file; with --keep-going the good inputs are written and the status is 1.
mkdir p
echo old >p/a.jsonl
bad_utf8 samples/zz_bad.txt
run "$ZHKG" extract -o p/a.jsonl samples
expect_rc 1 "extract with a bad input"
expect_err_re "^zhkg: samples/zz_bad\\.txt$BAD_AT" "extract with a bad input"
[ "$(cat p/a.jsonl)" = old ] || fail "a failed extract changed the part"
[ "$(ls -a p | tr '\n' ' ')" = ". .. a.jsonl " ] || fail "files left in p/: $(ls -a p)"
run "$ZHKG" extract -k -o p/a.jsonl samples
expect_rc 1 "extract -k"
expect_err "1 input skipped" "extract -k"
n=$(ls samples/*.txt | wc -l)
[ "$(wc -l <p/a.jsonl)" -eq $((n - 1)) ] || fail "extract -k: not one line per good input"

# A failed merge writes no graph.
echo '{' >bad.jsonl
run "$ZHKG" merge -o p/g.dot p/a.jsonl bad.jsonl
expect_rc 1 "merge with a bad part"
[ ! -e p/g.dot ] || fail "a failed merge wrote a graph"
exit 0
