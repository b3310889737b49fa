# --keep-going skips a bad input with a message, still writes the outputs
# (the graph of the good inputs) and exits 1.
. "$(dirname "$0")/lib.sh"
samples
mkdir good
run "$ZHKG" build -o good/g.graphml -o good/g.jsonld samples
expect_rc 0 "good inputs"

bad_utf8 samples/0_bad.txt
for opt in --keep-going -k; do
    rm -rf kg && mkdir kg
    run "$ZHKG" build "$opt" -o kg/g.graphml -o kg/g.jsonld samples missing.txt
    expect_rc 1 "$opt"
    expect_err_re "^zhkg: samples/0_bad\\.txt$BAD_AT" "$opt"
    expect_err "zhkg: missing.txt: No such file or directory" "$opt"
    expect_err "2 inputs skipped" "$opt"
    for f in g.graphml g.jsonld; do
        nonempty "kg/$f"
        cmp -s "kg/$f" "good/$f" || fail "$opt: $f differs from the graph of the good inputs"
    done
done
