# bench/gen-corpus is deterministic: the same seed and size give the same
# files and bytes (compared by sha256), whatever Python's string hash seed;
# another seed gives another corpus.
. "$(dirname "$0")/../cli/lib.sh"
gen() {
    PYTHONHASHSEED=$1 "$PY" "$SRC/bench/gen-corpus" --quiet --seed "$2" --size 300K \
        ${4:+--layout "$4"} "$3" || fail "gen-corpus --seed $2 failed"
}
# one digest for a whole directory: every path and its content's sha256
digest() {
    (cd "$1" && find . -type f | LC_ALL=C sort | while read -r f; do
        printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -d' ' -f1)"
    done) | sha256sum | cut -d' ' -f1
}
gen 1 3 a
gen 2 3 b
gen 3 4 c
gen 4 3 d single
gen 5 3 e single
n=$(find a -name '*.txt' | wc -l)
[ "$n" -ge 20 ] || fail "only $n articles in a 300K corpus"
[ "$(digest a)" = "$(digest b)" ] || fail "seed 3 twice: the corpora differ"
[ "$(digest a)" != "$(digest c)" ] || fail "seeds 3 and 4 gave the same corpus"
[ "$(digest d)" = "$(digest e)" ] || fail "--layout single twice: the corpora differ"
size=$(find a -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
[ "$size" -ge 300000 ] && [ "$size" -lt 340000 ] || fail "300K corpus has $size bytes"
exit 0
