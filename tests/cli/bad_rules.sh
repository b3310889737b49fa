# A bad rule line stops the run with exit 1 and a FILE:LINE message;
# --rules and $ZHKG_RULES choose the rules folder, --rules first.
. "$(dirname "$0")/lib.sh"
samples
one=samples/000_1c66c8aa4e177eae.txt

cp -R "$SRC/rules" rules
tsv=$(find rules -name '*.tsv' | LC_ALL=C sort | head -n 1)
[ -n "$tsv" ] || fail "no *.tsv rule file in $SRC/rules"
# End the file with a newline so that the bad line is a line of its own.
[ -z "$(tail -c 1 "$tsv")" ] || echo >>"$tsv"
printf 'bad\tline\twith\ttoo\tmany\tcolumns\tx\ty\tz\n' >>"$tsv"
line=$(wc -l <"$tsv" | tr -d ' ')

run "$ZHKG" build --rules rules -o out.graphml "$one"
expect_rc 1 "bad rule line"
expect_err "zhkg: $tsv:$line:" "bad rule line"
[ ! -e out.graphml ] || fail "bad rules: output written anyway"

run env ZHKG_RULES=rules "$ZHKG" build -o out.graphml "$one"
expect_rc 1 "bad rules from ZHKG_RULES"
expect_err "$tsv:$line:" "bad rules from ZHKG_RULES"

run env ZHKG_RULES=rules "$ZHKG" build --rules "$SRC/rules" -o out.graphml "$one"
expect_rc 0 "--rules wins over ZHKG_RULES"
nonempty out.graphml

run env ZHKG_RULES=no-such-rules "$ZHKG" build -o out2.graphml "$one"
expect_rc 1 "missing rules folder"
expect_err "no-such-rules" "missing rules folder"
