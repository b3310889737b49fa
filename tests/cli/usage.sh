# Usage errors exit 2 with a message and a pointer to --help, and write
# nothing.
. "$(dirname "$0")/lib.sh"
samples

usage() {
    what=$1
    shift
    run "$ZHKG" "$@"
    expect_rc 2 "$what"
    expect_err "$what" "$*"
    expect_err "Try 'zhkg --help'" "$*"
    [ ! -s stdout ] || fail "$*: wrote to stdout"
}

usage "no command given"
usage "unknown command 'frobnicate'" frobnicate
usage "unknown option '--frobnicate'" --frobnicate
usage "unknown option '--frobnicate'" build --frobnicate -o x.graphml samples
usage "unknown option '-z'" build -z -o x.graphml samples
usage "no output given" build samples
usage "no input given" build -o x.graphml
usage "needs a format" build -o - samples
usage "needs a file name" build samples -o
usage "needs a directory" build -o x.graphml samples --rules
usage "unknown format 'pptx'" build -f pptx -o - samples
usage "cannot tell the format of 'x.txt'" build -o x.txt samples
usage "given twice" build -o x.graphml - -
[ ! -e x.graphml ] || fail "a usage error wrote an output"
