# lib.sh - shared helpers of the robust.cli.* tests (sourced, not run).
#
# Each test is run by ctest as
#   bash tests/robust/NAME.sh ZHKG_BINARY SOURCE_DIR SCRATCH_DIR
# with the helpers of tests/cli/lib.sh (run, fail, expect_rc, expect_err
# ...), working inside SCRATCH_DIR, plus the ones below.  A test passes
# when the script exits 0.
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

# expect_stderr WHAT <<EOF ... EOF: stderr must be exactly the text given
# on standard input.
expect_stderr() {
    local want
    want=$(cat)
    [ "$(cat "$T/stderr")" = "$want" ] ||
        fail "$1: stderr is not exactly:
$want"
}

# article FILE [TEXT]: a small article with known entities (UTF-8).
article() {
    printf '%s\n' "${2:-北京市与天津市签署合作协议。}" >"$1"
}

# gbk FILE TEXT: TEXT converted to GBK.
gbk() {
    printf '%s' "$2" | iconv -f UTF-8 -t GBK >"$1" || fail "iconv to GBK"
}

# summary: the summary line of the last run ("N documents, ...").
summary() {
    grep -E '^zhkg: [0-9]+ documents?, ' "$T/stderr"
}

# labels FILE.graphml: the node labels of a GraphML file, sorted.
labels() {
    "$PY" - "$1" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get('id'): k.get('attr.name') for k in root.findall('g:key', ns)}
out = []
for n in root.iter('{http://graphml.graphdrawing.org/xmlns}node'):
    for d in n.findall('g:data', ns):
        if keys.get(d.get('key')) == 'label':
            out.append(d.text or '')
for e in root.iter('{http://graphml.graphdrawing.org/xmlns}edge'):
    for d in e.findall('g:data', ns):
        if keys.get(d.get('key')) == 'type':
            out.append('edge ' + (d.text or ''))
print('\n'.join(sorted(out)))
PYEOF
}

# no_temp DIR: no temporary file of an output is left in DIR.
no_temp() {
    local left
    left=$(find "$1" -maxdepth 1 -name '.*.??????' 2>/dev/null)
    [ -z "$left" ] || fail "temporary files left in $1: $left"
}
