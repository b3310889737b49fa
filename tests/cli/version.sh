# --version prints "zhkg VERSION" with the version of include/zhkg.h.
. "$(dirname "$0")/lib.sh"

want=$(sed -n 's/^#define ZHKG_VERSION "\(.*\)"$/zhkg \1/p' "$SRC/include/zhkg.h")
[ -n "$want" ] || fail "no ZHKG_VERSION in zhkg.h"
for opt in --version -V; do
    run "$ZHKG" "$opt"
    expect_rc 0 "$opt"
    [ "$(cat stdout)" = "$want" ] || fail "$opt printed '$(cat stdout)', expected '$want'"
done
