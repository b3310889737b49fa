# On a generated corpus (bench/gen-corpus: a hundred articles, thousands of
# names, many seen in several articles): shards cut at random and merged in
# a shuffled order, a build over the files in a shuffled order, and a
# graph updated in three batches all give the bytes of one build.
. "$(dirname "$0")/../cli/lib.sh"
"$PY" "$SRC/bench/gen-corpus" --quiet --seed 11 --size 1M corpus || fail "gen-corpus failed"
find corpus -name '*.txt' | LC_ALL=C sort >files
n=$(wc -l <files)
[ "$n" -ge 50 ] || fail "only $n articles generated"
run "$ZHKG" build -o full.graphml -o full.jsonld corpus
expect_rc 0 "build"
check() {
    for f in graphml jsonld; do
        cmp -s "full.$f" "$1.$f" || fail "$2: $f differs from zhkg build"
    done
}

# A fixed pseudo-random permutation of the files (no dependence on shuf).
"$PY" -c '
import random, sys
f = open("files").read().split()
random.Random(int(sys.argv[1])).shuffle(f)
print("\n".join(f))' 5 >shuffled

# Build over the files in shuffled order.
xargs "$ZHKG" build -q -o sh.graphml -o sh.jsonld <shuffled 2>stderr || fail "shuffled build"
check sh "build in shuffled order"

# Four shards cut from the shuffled list, merged in reverse order.
split -n l/4 -d shuffled shard.
for s in shard.0*; do
    xargs "$ZHKG" extract -q -j 2 -o "$s.jsonl" <"$s" 2>stderr || fail "extract $s"
done
run "$ZHKG" merge -o m.graphml -o m.jsonld shard.03.jsonl shard.02.jsonl shard.01.jsonl shard.00.jsonl
expect_rc 0 "merge"
check m "four shuffled shards"

# Updates in three batches of the shuffled list.
split -n l/3 -d shuffled batch.
for b in batch.0*; do
    xargs "$ZHKG" build -q --update st.jsonl -o u.graphml -o u.jsonld <"$b" 2>"$b.err" ||
        fail "update with $b: $(cat "$b.err")"
done
check u "three updates"
[ "$(wc -l <st.jsonl)" -eq "$n" ] || fail "the state does not hold $n documents"
exit 0
