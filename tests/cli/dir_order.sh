# A directory stands for the *.txt files under it, recursively, in byte
# order of their paths; links are followed but every directory is read once,
# so a link loop ends.
. "$(dirname "$0")/lib.sh"
samples
set -- samples/*.txt
[ $# -ge 4 ] || fail "need 4 samples, have $#"

mkdir -p d/a d/sub d/empty
cp "$1" d/b.txt
cp "$2" d/a/x.txt
cp "$3" d/a-c.txt          # '-' sorts before '/': d/a-c.txt before d/a/x.txt
cp "$4" d/sub/z.txt
echo 'not an article' >d/notes.md
ln -s .. d/sub/loop        # loop back to d
ln -s a d/link             # d/a again under another name
sorted="d/a-c.txt d/a/x.txt d/b.txt d/sub/z.txt"

run timeout 60 "$ZHKG" build -o dir.graphml -o dir.dot -o dir.jsonld d
expect_rc 0 "build d"
expect_err "4 documents" "build d"
# shellcheck disable=SC2086
run "$ZHKG" build -o list.graphml -o list.dot -o list.jsonld $sorted
expect_rc 0 "build file list"
for f in graphml dot jsonld; do
    nonempty "dir.$f"
    cmp -s "dir.$f" "list.$f" || fail "directory and sorted file list give different $f"
done

# The reading order shows in the messages about bad files: make every file
# bad and compare the order of the messages with the sorted list.
for f in $sorted; do bad_utf8 "$f"; done
run timeout 60 "$ZHKG" build --keep-going -o bad.graphml d
expect_rc 1 "all bad"
got=$(grep -E "$BAD_AT" stderr | sed 's/^zhkg: \([^:]*\):.*/\1/' | tr '\n' ' ')
[ "$got" = "$sorted " ] || fail "read order '$got', expected '$sorted '"

# A directory without any *.txt is a warning, not an error.
run "$ZHKG" build -o empty.graphml d/empty "$2"
expect_rc 0 "empty directory"
expect_err "d/empty: no *.txt, *.html or *.htm file" "empty directory"
