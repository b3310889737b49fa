# A folder with files that cannot be read and links that go round in
# circles.  Tests run as root, for whom no permission bit stops a read, so
# the unreadable file is a link to /proc/self/mem (its first page is never
# mapped: reading it fails with EIO, for root too).  A FIFO would block a
# reader for ever and /dev/zero never ends: a folder walk takes only
# regular files.  By default the run stops at the first bad file, in
# reading order; with --keep-going every bad file gets its message, in
# order, and the graph of the good ones is written.
. "$(dirname "$0")/lib.sh"

mkdir -p d/sub d/z
article d/a_good.txt
article d/z/good.txt '中关村科技园区在雄安新区设立分园。'
ln -s /proc/self/mem d/b_mem.txt
mkfifo d/c_fifo.txt
ln -s /dev/zero d/d_zero.txt
ln -s nowhere d/e_dangling.txt
ln -s f_self.txt d/f_self.txt
ln -s .. d/sub/loop                   # a directory loop: read once
ln -s ../sub d/sub/again              # the same directory again
ln -s nowhere d/g_dangling.md         # not an input: not even looked at

run timeout 60 "$ZHKG" build -o all.graphml d
expect_rc 1 "stop at the first bad file"
expect_stderr "stop at the first bad file" <<<"zhkg: d/b_mem.txt: Input/output error"
[ ! -e all.graphml ] || fail "stop at the first bad file: an output was written"

mkdir good
cp d/a_good.txt good/a_good.txt
mkdir good/z && cp d/z/good.txt good/z/good.txt
run "$ZHKG" build -o good.graphml good
expect_rc 0 "the good files alone"
good=$(summary)

run timeout 60 "$ZHKG" build --keep-going -o all.graphml d
expect_rc 1 "--keep-going"
expect_stderr "--keep-going" <<EOF2
zhkg: d/b_mem.txt: Input/output error
zhkg: d/c_fifo.txt: not a regular file
zhkg: d/d_zero.txt: not a regular file
zhkg: d/e_dangling.txt: No such file or directory
zhkg: d/f_self.txt: Too many levels of symbolic links
$good
zhkg: 5 inputs skipped
EOF2
[ "$(labels all.graphml)" = "$(labels good.graphml)" ] ||
    fail "--keep-going: other nodes or edges than the good files give"

# A FIFO named on the command line is read like standard input: that is
# how `zhkg build <(curl ...)` works.
printf '北京市与天津市签署合作协议。\n' >fifo.src
mkfifo named.fifo
cat fifo.src >named.fifo &
run timeout 60 "$ZHKG" build -o fifo.graphml named.fifo
expect_rc 0 "a named FIFO"
