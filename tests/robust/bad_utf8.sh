# Invalid UTF-8, overlong forms, NUL bytes: exit 1, one message naming the
# file, line:col (characters) and the byte offset, and no output written.
. "$(dirname "$0")/lib.sh"

# check NAME BYTES MESSAGE: printf BYTES into NAME, zhkg must say MESSAGE.
check() {
    printf "$2" >"$1"
    run "$ZHKG" build -q -o out.graphml "$1"
    expect_rc 1 "$1"
    expect_stderr "$1" <<<"zhkg: $3"
    [ ! -e out.graphml ] || fail "$1: an output was written"
}

check overlong2.txt 'ab\300\200cd\n' 'overlong2.txt:1:3: invalid UTF-8 at byte 2'
check overlong3.txt '\344\272\254\340\200\257\n' 'overlong3.txt:1:2: invalid UTF-8 at byte 3'
check overlong4.txt 'x\360\200\200\257\n' 'overlong4.txt:1:2: invalid UTF-8 at byte 1'
check surrogate.txt '\345\214\227\355\240\200\n' 'surrogate.txt:1:2: invalid UTF-8 at byte 3'
check above_max.txt '\364\220\200\200\n' 'above_max.txt:1:1: invalid UTF-8 at byte 0'
check stray.txt '\345\214\227\344\272\254\200\n' 'stray.txt:1:3: invalid UTF-8 at byte 6'
check truncated.txt '\345\214\227\344\272' 'truncated.txt:1:2: invalid UTF-8 at byte 3'
check ff.txt 'a\375\377' 'ff.txt:1:2: invalid UTF-8 at byte 1'
check line3.txt '\344\270\200\n\344\272\214\r\n\344\270\211\377\n' 'line3.txt:3:2: invalid UTF-8 at byte 12'
check nul.txt '\345\214\227\344\272\254\000\345\244\251\n' 'nul.txt:1:3: NUL byte at byte 6'
check nul_first.txt '\000' 'nul_first.txt:1:1: NUL byte at byte 0'
# The same bytes in an .html file: the same message (checked before
# parsing).
check page.html '<p>\345\214\227\300\200</p>\n' 'page.html:1:5: invalid UTF-8 at byte 6'
check nul.html '<p>\n\345\214\227\000</p>\n' 'nul.html:2:2: NUL byte at byte 7'
