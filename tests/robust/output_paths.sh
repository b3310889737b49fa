# Outputs that cannot be written: in a folder that does not exist, below a
# regular file, in a read-only file system (/sys: tests run as root, whom
# no mode bit stops, and /sys refuses new files to root too), in /proc.
# Each is exit 1 with a message naming the output; the other outputs of the
# run are still written, an existing file of the same name elsewhere is not
# touched, and no temporary file is left behind.
. "$(dirname "$0")/lib.sh"
article a.txt
echo old >old.graphml
echo 'not a folder' >plain

# cannot OUTPUT REASON...: -o OUTPUT fails with one of the REASONs.
cannot() {
    local out=$1 line
    shift
    run "$ZHKG" build -q -o "$out" -o good.graphml a.txt
    expect_rc 1 "$out"
    line=$(cat "$T/stderr")
    for reason in "$@"; do
        [ "$line" = "zhkg: $out: cannot create a temporary file: $reason" ] && break
        reason=
    done
    [ -n "$reason" ] || fail "$out: unexpected message"
    [ ! -e "$out" ] || fail "$out: was created"
    nonempty good.graphml
    rm -f good.graphml
}

cannot missing/out.graphml 'No such file or directory'
cannot missing/deeper/out.graphml 'No such file or directory'
cannot plain/out.graphml 'Not a directory'
cannot /sys/zhkg-robust-test.graphml 'Permission denied' 'Read-only file system'
cannot /proc/zhkg-robust-test.graphml 'No such file or directory' 'Permission denied' 'Read-only file system'
[ "$(cat old.graphml)" = old ] || fail "old.graphml was changed"
no_temp .

# A folder given where a file is wanted: refused before anything is
# written, nothing is left behind and the folder is as it was.
mkdir taken.graphml
echo keep >taken.graphml/keep
run "$ZHKG" build -q -o taken.graphml a.txt
expect_rc 1 "a folder as output"
expect_stderr "a folder as output" <<<"zhkg: taken.graphml: cannot write: Is a directory"
[ "$(ls -A taken.graphml)" = keep ] || fail "the folder taken.graphml was changed"
no_temp .

# A FIFO as output is written through, not replaced by a regular file.
mkfifo pipe.graphml
cat pipe.graphml >from-pipe.graphml &
reader=$!
run "$ZHKG" build -q -o pipe.graphml a.txt
expect_rc 0 "a FIFO as output"
wait "$reader"
[ -p pipe.graphml ] || fail "the FIFO pipe.graphml was replaced"
grep -q '<graphml' from-pipe.graphml || fail "nothing came through the FIFO"

# A symbolic link as output: the file it points to is replaced, the link
# stays (also when it dangles).
ln -s linked-target.graphml link.graphml
run "$ZHKG" build -q -o link.graphml a.txt
expect_rc 0 "a symlink as output"
[ -L link.graphml ] || fail "the symlink link.graphml was replaced"
grep -q '<graphml' linked-target.graphml || fail "the link's target was not written"
no_temp .
