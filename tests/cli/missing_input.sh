# A missing input exits 1 and names the file; so does an output that cannot
# be written.
. "$(dirname "$0")/lib.sh"
samples

run "$ZHKG" build -o out.graphml samples/000_1c66c8aa4e177eae.txt no/such/file.txt
expect_rc 1 "missing input"
expect_err "zhkg: no/such/file.txt: No such file or directory" "missing input"
[ ! -e out.graphml ] || fail "missing input: output written anyway"

run "$ZHKG" build -o no/such/dir/out.graphml samples
expect_rc 1 "unwritable output"
expect_err "no/such/dir/out.graphml" "unwritable output"
