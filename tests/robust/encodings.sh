# GBK, GB18030, UTF-16 and HTML inputs through zhkg: detected or told
# with --encoding, they give the graph the same text gives in UTF-8; a
# truncated GBK character and an unknown encoding give exact messages.
. "$(dirname "$0")/lib.sh"

s1='北京市与天津市签署合作协议。'
s2='中关村科技园区在雄安新区设立分园。'
mkdir utf8 mixed
article utf8/a.txt "$s1"
article utf8/b.txt "$s2"
gbk mixed/a.txt "$s1"$'\n'
article mixed/b.txt "$s2"
run "$ZHKG" build -o utf8.graphml utf8
expect_rc 0 "UTF-8"
want=$(summary)

# A folder mixing GBK and UTF-8: without --encoding the GBK file is invalid
# UTF-8; with it, each file is read in its own encoding.
run "$ZHKG" build -q -o mixed.graphml mixed
expect_rc 1 "GBK without --encoding"
expect_stderr "GBK without --encoding" <<<"zhkg: mixed/a.txt:1:1: invalid UTF-8 at byte 0"
for enc in gbk GBK gb2312 gb18030 cp936; do
    run "$ZHKG" build --encoding "$enc" -o mixed.graphml mixed
    expect_rc 0 "--encoding $enc"
    [ "$(summary)" = "$want" ] || fail "--encoding $enc: '$(summary)', UTF-8: '$want'"
    [ "$(labels mixed.graphml)" = "$(labels utf8.graphml)" ] ||
        fail "--encoding $enc: other nodes or edges than in UTF-8"
done
run "$ZHKG" build --encoding=gbk -o mixed.graphml mixed
expect_rc 0 "--encoding=gbk"

# UTF-16 with a byte order mark, from a file and from standard input.
{ printf '\377\376'; printf '%s\r\n' "$s1" | iconv -f UTF-8 -t UTF-16LE; } >le.txt
{ printf '\376\377'; printf '%s\n' "$s1" | iconv -f UTF-8 -t UTF-16BE; } >be.txt
article one.txt "$s1"
run "$ZHKG" build -o one.graphml one.txt
one=$(summary)
for f in le be; do
    run "$ZHKG" build -o $f.graphml $f.txt
    expect_rc 0 "UTF-16 $f"
    [ "$(summary)" = "$one" ] || fail "UTF-16 $f: '$(summary)', UTF-8: '$one'"
done
"$ZHKG" build -o stdin.graphml - <le.txt 2>stderr || fail "UTF-16 on standard input"
grep -qxF "$one" stderr || fail "UTF-16 on standard input: $(cat stderr)"

# Pages: GBK declared in <meta>, found in a folder (*.html, *.htm).
mkdir pages
{ printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>'
  printf '%s' "$s1" | iconv -f UTF-8 -t GBK; printf '</p></body></html>\n'; } >pages/a.html
printf '<!DOCTYPE html><meta charset="utf-8"><article><p>%s</p></article>\n' "$s2" >pages/b.htm
printf 'not an input\n' >pages/c.md
run "$ZHKG" build -o pages.graphml pages
expect_rc 0 "pages"
[ "$(summary)" = "$want" ] || fail "pages: '$(summary)', UTF-8 text: '$want'"
[ "$(labels pages.graphml)" = "$(labels utf8.graphml)" ] ||
    fail "pages: other nodes or edges than the UTF-8 text"

# A GBK file cut in the middle of its last character.
{ printf '北京市。\n北' | iconv -f UTF-8 -t GBK; printf '\276'; } >cut.txt
run "$ZHKG" build -q --encoding gbk -o cut.graphml cut.txt
expect_rc 1 "truncated GBK"
expect_stderr "truncated GBK" <<<"zhkg: cut.txt:2:2: truncated GB18030 character at byte 11"
run "$ZHKG" build -q -o cut.graphml cut.txt
expect_rc 1 "truncated GBK, no --encoding"
expect_stderr "truncated GBK, no --encoding" <<<"zhkg: cut.txt:1:1: invalid UTF-8 at byte 0"
[ ! -e cut.graphml ] || fail "truncated GBK: an output was written"

# An invalid byte pair, and a NUL, in GBK.
{ printf '北京' | iconv -f UTF-8 -t GBK; printf '\201 '; } >pair.txt
run "$ZHKG" build -q --encoding gbk -o x.graphml pair.txt
expect_rc 1 "bad GBK pair"
expect_stderr "bad GBK pair" <<<"zhkg: pair.txt:1:3: invalid GB18030 at byte 4"

# Unknown encodings are usage errors, before anything is read.
for enc in klingon 'gbk//IGNORE' ''; do
    run "$ZHKG" build --encoding "$enc" -o x.graphml one.txt
    expect_rc 2 "--encoding '$enc'"
    expect_stderr "--encoding '$enc'" <<EOT
zhkg: unknown encoding '$enc' (use auto, gbk, gb18030, big5, utf-16le, utf-16be or a name iconv knows)
Try 'zhkg --help' for more information.
EOT
done
run "$ZHKG" build -o x.graphml one.txt --encoding
expect_rc 2 "--encoding without a value"
