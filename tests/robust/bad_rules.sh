# A bad line in any rule file stops the run before any input is read: exit
# 1 and one message "FILE:LINE:COL: what", LINE and COL (characters) at
# the bad field.  A bad line is appended to a copy of the rules, so LINE is
# the file's line count plus one.
. "$(dirname "$0")/lib.sh"
article a.txt

# bad FILE BYTES COL MESSAGE: append BYTES (printf) as a line to FILE of a
# fresh copy of the rules; zhkg must stop with FILE:LINE:COL: MESSAGE.
bad() {
    rm -rf r && cp -R "$SRC/rules" r || fail "cannot copy the rules"
    [ -z "$(tail -c 1 "r/$1")" ] || echo >>"r/$1"
    local line=$(($(wc -l <"r/$1") + 1))
    printf "$2" >>"r/$1"
    run "$ZHKG" build -q --rules r -o out.graphml a.txt
    expect_rc 1 "$1: $4"
    expect_stderr "$1: $4" <<<"zhkg: r/$1:$line:$3: $4"
    [ ! -e out.graphml ] || fail "$1: an output was written"
}

bad suffixes.tsv '园子\tpark\tx\tany\n' 9 'min_body must be a number 0..20 "x"'
bad suffixes.tsv '园子\tpark\t2\n' 1 'expected 4 tab-separated fields (suffix, type, min_body, anchor), found 3'
bad lexicon/parks.tsv '北\377\tcity\t-\t-\n' 2 'invalid UTF-8 in rule file'
bad words.tsv '北京\000\tboundary\t-\n' 3 'invalid UTF-8 in rule file'
bad words.tsv '某词\tcolour\t-\n' 4 'unknown word class "colour"'
bad relations.tsv 'x1\tlocated_in\tpairs\t(?<src>{org}\n' 21 'bad pattern: missing closing parenthesis'
bad entities.tsv 'e1\tcompany\t(?<name>[a-\n' 23 'bad pattern: missing terminating ] for character class'
bad lexicon/national.tsv '某某局\tagencyy\t-\t-\r\n' 5 'unknown entity type "agencyy"'
bad common-words.tsv '一一\tlots\tm\n' 4 'frequency must be a number "lots"'

# Missing pieces name the file or folder.
rm -rf r && cp -R "$SRC/rules" r && rm r/words.tsv
run "$ZHKG" build -q --rules r -o out.graphml a.txt
expect_rc 1 "no words.tsv"
expect_stderr "no words.tsv" <<<"zhkg: r/words.tsv: cannot open rule file"
rm -rf r && cp -R "$SRC/rules" r && rm r/lexicon/*.tsv
run "$ZHKG" build -q --rules r -o out.graphml a.txt
expect_rc 1 "no lexicon"
expect_stderr "no lexicon" <<<"zhkg: r/lexicon: no *.tsv lexicon files"
