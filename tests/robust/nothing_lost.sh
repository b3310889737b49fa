# Nothing is lost on failure, and nothing changes between runs:
#   - a run that fails midway through writing an output (the file system
#     refuses more bytes: RLIMIT_FSIZE) leaves the previous output as it
#     was and no temporary file; a run killed midway (the same limit, with
#     SIGXFSZ not ignored) leaves the previous output as it was too;
#   - one bad input among many pages and GBK files stops the run with a
#     message naming it, before any output is written; --keep-going skips
#     it with the same message and exit status 1;
#   - two runs over the same mixed inputs give byte-identical outputs, and
#     so do 1 and 2 threads.
. "$(dirname "$0")/lib.sh"
samples
mkdir out
echo old >out/g.graphml
echo old >out/g.dot

# Writing fails after 2 KiB (ulimit -f counts 1024-byte blocks).
run bash -c 'trap "" XFSZ; ulimit -f 2; exec "$0" build -q -o out/g.graphml samples' "$ZHKG"
expect_rc 1 "write fails midway"
expect_stderr "write fails midway" <<<"zhkg: out/g.graphml: cannot write the GraphML output: File too large"
[ "$(cat out/g.graphml)" = old ] || fail "write fails midway: out/g.graphml changed"
no_temp out

# Killed by SIGXFSZ midway: the output is as it was.  (A killed process
# cannot remove its temporary file; it is hidden, .g.dot.XXXXXX, and never
# the output itself.)
run bash -c 'ulimit -f 2; exec "$0" build -q -o out/g.dot samples' "$ZHKG"
[ "$rc" -eq $((128 + 25)) ] || fail "killed midway: exit status $rc, expected 153 (SIGXFSZ)"
[ "$(cat out/g.dot)" = old ] || fail "killed midway: out/g.dot changed"
rm -f out/.g.dot.??????

# Mixed inputs: pages, GBK, UTF-16, text.
mkdir -p in/sub
cp samples/*.txt in/
printf '<html><head><meta charset="gbk"></head><body><p>' >in/a_page.html
printf '北京市与天津市签署合作协议。' | iconv -f UTF-8 -t GBK >>in/a_page.html
printf '</p></body></html>\n' >>in/a_page.html
printf '中关村科技园区在雄安新区设立分园。\n' | iconv -f UTF-8 -t GBK >in/b_gbk.txt
{ printf '\377\376'; printf '河北省与天津市共建产业园。\n' | iconv -f UTF-8 -t UTF-16LE; } >in/c_utf16.txt
printf '<!DOCTYPE html><article><h1>京津冀</h1><p>首钢集团迁至河北省唐山市。</p></article>\n' >in/sub/d.htm

for n in 1 2; do
    mkdir r$n
    run "$ZHKG" build --encoding gbk -o r$n/g.graphml -o r$n/g.dot -o r$n/g.jsonld in
    expect_rc 0 "mixed inputs, run $n"
done
run "$ZHKG" build --encoding gbk -j 2 -o r2/j.graphml -o r2/j.dot -o r2/j.jsonld in
expect_rc 0 "mixed inputs, 2 threads"
for f in graphml dot jsonld; do
    nonempty r1/g.$f
    cmp r1/g.$f r2/g.$f || fail "g.$f differs between two runs"
    cmp r1/g.$f r2/j.$f || fail "g.$f differs between 1 and 2 threads"
done

# One bad page among them (a NUL in it): stop, naming it, nothing written.
printf '<p>\345\214\227\000</p>\n' >in/b_bad.html
cp r1/g.graphml out/g.graphml
run "$ZHKG" build -q --encoding gbk -o out/g.graphml in
expect_rc 1 "one bad page"
expect_stderr "one bad page" <<<"zhkg: in/b_bad.html:1:5: NUL byte at byte 6"
cmp -s out/g.graphml r1/g.graphml || fail "one bad page: the previous output changed"
no_temp out
run "$ZHKG" build --encoding gbk --keep-going -o out/g.graphml in
expect_rc 1 "one bad page, --keep-going"
expect_err "zhkg: in/b_bad.html:1:5: NUL byte at byte 6" "one bad page, --keep-going"
expect_err "zhkg: 1 input skipped" "one bad page, --keep-going"
cmp -s out/g.graphml r1/g.graphml ||
    fail "one bad page, --keep-going: not the graph of the other inputs"
