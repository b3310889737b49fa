# A run that fails on one input leaves existing outputs untouched and leaves
# no temporary file behind.
. "$(dirname "$0")/lib.sh"
samples
bad_utf8 samples/zz_bad.txt
mkdir out
echo old >out/g.graphml
echo old >out/g.dot
before=$(ls -a out)

run "$ZHKG" build -o out/g.graphml -o out/g.dot samples
expect_rc 1 "one bad input"
expect_err_re "^zhkg: samples/zz_bad\\.txt$BAD_AT" "one bad input"
[ "$(cat out/g.graphml)" = old ] || fail "out/g.graphml was changed by a failed run"
[ "$(cat out/g.dot)" = old ] || fail "out/g.dot was changed by a failed run"
[ "$(ls -a out)" = "$before" ] || fail "files left in out/: $(ls -a out)"
