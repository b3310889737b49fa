# lib.sh - shared by the tests/eco/*.sh scripts: PASS/FAIL lines and a
# closing count; a test script sources it and ends with `finish`.
npass=0 nfail=0
pass() { echo "PASS $*"; npass=$((npass + 1)); }
fail() { echo "FAIL $*"; nfail=$((nfail + 1)); }
# check NAME COMMAND...: PASS if COMMAND succeeds.
check() { local n=$1; shift; if "$@"; then pass "$n"; else fail "$n"; fi; }
finish() { echo "$npass passed, $nfail failed"; [ "$nfail" -eq 0 ]; }
