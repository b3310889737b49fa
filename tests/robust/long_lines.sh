# Size without layout: one line of 100 MB, and a million lines of one
# character each.  Both are read whole, in linear time (the timeout is the
# check: minutes, not hours), and give the graph the same text gives when
# it is small.  (text.scale checks the text layer alone on such inputs.)
. "$(dirname "$0")/lib.sh"

head_s='北京市与天津市签署合作协议。'
tail_s='河北省雄安新区。'

# One line of exactly 100,000,000 bytes: a sentence, 'x' up to the size,
# a sentence; no line break at all.
n=$((100000000 - ${#head_s} * 3 - ${#tail_s} * 3))
{ printf '%s' "$head_s"; head -c "$n" /dev/zero | tr '\0' x; printf '%s' "$tail_s"; } >long.txt
[ "$(wc -c <long.txt)" -eq 100000000 ] || fail "long.txt is not 100 MB"
printf '%s%s%s' "$head_s" xxxxxxxxxx "$tail_s" >short.txt

run timeout 600 "$ZHKG" build -o long.graphml long.txt
expect_rc 0 "100 MB line"
long_summary=$(summary)
run "$ZHKG" build -o short.graphml short.txt
expect_rc 0 "the same line, short"
[ "$long_summary" = "$(summary)" ] ||
    fail "100 MB line: '$long_summary', the short line: '$(summary)'"
[ "$(labels long.graphml)" = "$(labels short.graphml)" ] ||
    fail "100 MB line: other nodes or edges than the short line"
rm -f long.txt

# A million one-character lines: one hard-wrapped paragraph.
for ((i = 0; i < 1000; i++)); do printf '字\n'; done >k.txt
for ((i = 0; i < 1000; i++)); do cat k.txt; done >million.txt
[ "$(wc -l <million.txt)" -eq 1000000 ] || fail "million.txt has not 10^6 lines"
run timeout 600 "$ZHKG" build -o million.graphml million.txt
expect_rc 0 "a million lines"
expect_stderr "a million lines" <<<"zhkg: 1 document, 0 nodes, 0 edges"

# Sentences spelled out one character a line (900 lines): the lines of a
# paragraph join up again, and the names are found across them.
{ printf '%s' "$head_s"; printf '的%.0s' $(seq 1 200); printf '%s' "$tail_s"; } |
    grep -o . >spelled.txt
for ((i = 0; i < 4; i++)); do cat spelled.txt; done >spelled4.txt
run timeout 600 "$ZHKG" build -o spelled.graphml spelled4.txt
expect_rc 0 "spelled out"
run "$ZHKG" build -o short2.graphml short.txt
[ "$(labels spelled.graphml)" = "$(labels short2.graphml)" ] ||
    fail "one character a line: other nodes or edges than the same text on one line"
