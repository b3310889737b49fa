# --help, -h, `zhkg help` and `zhkg build --help` print the usage and exit 0.
. "$(dirname "$0")/lib.sh"

run "$ZHKG" --help
expect_rc 0 "--help"
for word in build -o --output -f --format --rules --keep-going --quiet INPUT 'Exit status'; do
    grep -qF -- "$word" stdout || fail "--help does not mention $word"
done
cp stdout help.txt
[ ! -s stderr ] || fail "--help wrote to stderr"

for args in "-h" "help" "build --help" "build -h"; do
    # shellcheck disable=SC2086
    run "$ZHKG" $args
    expect_rc 0 "zhkg $args"
    cmp -s stdout help.txt || fail "zhkg $args prints another text than --help"
done
