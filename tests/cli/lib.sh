# lib.sh - shared helpers of the cli.* tests (sourced, not run).
#
# Each test script is run by ctest as
#   bash tests/cli/NAME.sh ZHKG_BINARY SOURCE_DIR SCRATCH_DIR
# and works inside SCRATCH_DIR, which it empties first.  A test passes when
# the script exits 0; fail() explains why it did not.
set -u

ZHKG=$1
SRC=$2
T=$3
rm -rf "$T"
mkdir -p "$T"
cd "$T" || exit 1
# The tests use the rules folder the build copied beside the binary.
unset ZHKG_RULES
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

fail() {
    echo "FAIL: $*" >&2
    if [ -f "$T/stderr" ]; then
        echo "--- stderr of the last run:" >&2
        cat "$T/stderr" >&2
    fi
    exit 1
}

# run CMD...: run it, keep its stdout and stderr in $T/stdout, $T/stderr
# and its exit status in $rc.
run() {
    "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
    rc=$?
}

expect_rc() {
    [ "$rc" -eq "$1" ] || fail "$2: exit status $rc, expected $1"
}

# expect_err TEXT WHAT: stderr must contain TEXT (fixed string).
expect_err() {
    grep -qF -- "$1" "$T/stderr" || fail "$2: stderr does not contain '$1'"
}

# samples: copy the sample articles into ./samples (relative paths keep the
# document names short and the same from run to run).
samples() {
    cp -R "$SRC/samples" samples
    ls samples/*.txt >/dev/null 2>&1 || fail "no samples/*.txt in $SRC"
}

# bad_utf8 FILE: a small article with an invalid byte at offset 9.
bad_utf8() {
    printf '\344\272\254\346\264\245\345\206\200\377\n' >"$1"
}

# expect_err_re ERE WHAT: some line of stderr must match ERE.
expect_err_re() {
    grep -qE -- "$1" "$T/stderr" || fail "$2: no line of stderr matches '$1'"
}

# BAD_AT: how a message about bad_utf8's byte must look after the file name
# ("FILE:1:4: invalid UTF-8 at byte 9" or "FILE: byte 9: ...").
BAD_AT='(:1:4:|: ).*byte 9([^0-9]|$)'

nonempty() {
    [ -s "$1" ] || fail "$1 is missing or empty"
}
