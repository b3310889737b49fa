# '-' reads the article from standard input.
. "$(dirname "$0")/lib.sh"
samples
one=samples/000_1c66c8aa4e177eae.txt

"$ZHKG" build -o from-stdin.graphml -o from-stdin.dot - <"$one" 2>stderr
rc=$?
expect_rc 0 "stdin"
nonempty from-stdin.graphml
run "$ZHKG" build -o from-file.dot "$one"
expect_rc 0 "file"
# The document name differs (<stdin>), the entities do not.
[ "$(grep -c -- '->' from-stdin.dot)" = "$(grep -c -- '->' from-file.dot)" ] ||
    fail "stdin and file give a different number of edges"

bad_utf8 bad.txt
"$ZHKG" build -o x.graphml - <bad.txt 2>stderr
rc=$?
expect_rc 1 "invalid stdin"
expect_err_re "^zhkg: <stdin>$BAD_AT" "invalid stdin"
