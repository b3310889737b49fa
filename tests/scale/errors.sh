# Reading JSON Lines checks everything and names the place of the first
# problem: every tests/scale/errors/NAME.jsonl makes `zhkg merge` fail with
# status 1 and the message in NAME.err ({f} stands for the file name), and
# writes no output; the same with -j 3, where the lines are parsed on
# threads, behind 40 good lines.  Blank lines and CRLF line ends are fine.
. "$(dirname "$0")/../cli/lib.sh"
dir="$SRC/tests/scale/errors"
n=0
for case in "$dir"/*.jsonl; do
    name=$(basename "$case" .jsonl)
    cp "$case" "$name.jsonl"
    want=$(sed "s|{f}|$name.jsonl|g" "$dir/$name.err")
    run "$ZHKG" merge -o "$name.dot" "$name.jsonl"
    expect_rc 1 "$name"
    grep -qxF -- "zhkg: $want" stderr || fail "$name: stderr is not 'zhkg: $want'"
    [ ! -e "$name.dot" ] || fail "$name: an output was written"
    # -j 3: 40 good lines first, then the case (its line numbers move by 40)
    good=$(head -n 1 "$dir/invalid_json.jsonl")
    for _ in $(seq 40); do printf '%s\n' "$good"; done >"j-$name.jsonl"
    cat "$case" >>"j-$name.jsonl"
    want=$(sed "s|{f}|j-$name.jsonl|g" "$dir/$name.err" |
           awk -F: '{ $2 = $2 + 40; print }' OFS=:)
    run "$ZHKG" merge -j 3 -o "j-$name.dot" "j-$name.jsonl"
    expect_rc 1 "$name, -j 3"
    grep -qxF -- "zhkg: $want" stderr || fail "$name, -j 3: stderr is not 'zhkg: $want'"
    n=$((n + 1))
done
[ "$n" -ge 10 ] || fail "only $n error cases in $dir"

# The same line is fine with blank lines around it and a CRLF line end.
good=$(head -n 1 "$dir/invalid_json.jsonl")
printf '\n%s\r\n\n  \n%s\n' "$good" "$good" >good.jsonl
run "$ZHKG" merge -f dot -o good.dot good.jsonl
expect_rc 0 "blank lines and CRLF"
expect_err "2 documents," "blank lines and CRLF"

# A missing part, a document the graph refuses.
run "$ZHKG" merge -o x.dot missing.jsonl
expect_rc 1 "missing part"
expect_err "zhkg: missing.jsonl: No such file or directory" "missing part"
exit 0
