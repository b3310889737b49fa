# Invalid UTF-8 exits 1; the message names the file and the byte offset.
. "$(dirname "$0")/lib.sh"

bad_utf8 bad.txt
run "$ZHKG" build -o out.graphml bad.txt
expect_rc 1 "invalid UTF-8"
expect_err_re "^zhkg: bad\\.txt$BAD_AT" "invalid UTF-8"
[ ! -e out.graphml ] || fail "invalid UTF-8: output written anyway"
