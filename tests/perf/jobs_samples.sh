# -j N writes the same bytes as -j 1: every format, on the sample articles;
# with bad inputs the messages, their order, the exit status and the
# outputs are the same too, with and without --keep-going.
. "$(dirname "$0")/../cli/lib.sh"
samples
for j in 1 2 3 8; do
    mkdir -p j$j
    run "$ZHKG" build -j $j -o j$j/g.graphml -o j$j/g.jsonld -o j$j/g.dot samples
    expect_rc 0 "-j $j"
    cp "$T/stderr" j$j/stderr
done
nonempty j1/g.graphml
for j in 2 3 8; do
    for f in g.graphml g.jsonld g.dot stderr; do
        cmp -s j1/$f j$j/$f || fail "-j $j: $f differs from -j 1"
    done
done

# the option's spellings
for spell in "-j2" "--jobs 2" "--jobs=2"; do
    rm -f s.graphml
    # shellcheck disable=SC2086
    run "$ZHKG" build $spell -o s.graphml samples
    expect_rc 0 "$spell"
    cmp -s s.graphml j1/g.graphml || fail "$spell: output differs from -j 1"
done
for bad in 0 -1 x 2x 257; do
    run "$ZHKG" build -j "$bad" -o s.graphml samples
    expect_rc 2 "-j $bad"
    expect_err "bad number of threads" "-j $bad"
done
run "$ZHKG" build -o s.graphml samples -j
expect_rc 2 "-j without a value"

# bad inputs among good ones: same messages in the same order
bad_utf8 samples/0_bad.txt
bad_utf8 samples/002_bad.txt
for j in 1 2 3; do
    mkdir -p k$j s$j
    run "$ZHKG" build -j $j --keep-going -o k$j/g.graphml samples missing.txt samples
    expect_rc 1 "-j $j --keep-going"
    cp "$T/stderr" k$j/stderr
    run "$ZHKG" build -j $j -o s$j/g.graphml samples missing.txt
    expect_rc 1 "-j $j, stop at the first bad input"
    cp "$T/stderr" s$j/stderr
    [ ! -e s$j/g.graphml ] || fail "-j $j: a failed run wrote its output"
done
grep -q "5 inputs skipped" k1/stderr || fail "-j 1 --keep-going: expected 5 inputs skipped"
for j in 2 3; do
    cmp -s k1/stderr k$j/stderr || fail "-j $j --keep-going: messages differ from -j 1"
    cmp -s k1/g.graphml k$j/g.graphml || fail "-j $j --keep-going: output differs from -j 1"
    cmp -s s1/stderr s$j/stderr || fail "-j $j: messages of the failed run differ from -j 1"
done
exit 0
