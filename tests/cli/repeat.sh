# Two runs over the same input give byte-identical files.
. "$(dirname "$0")/lib.sh"
samples

for n in 1 2; do
    mkdir "r$n"
    run "$ZHKG" build -o "r$n/g.graphml" -o "r$n/g.dot" -o "r$n/g.jsonld" samples
    expect_rc 0 "run $n"
done
for f in g.graphml g.dot g.jsonld; do
    nonempty "r1/$f"
    cmp r1/$f r2/$f || fail "$f differs between two runs"
done
