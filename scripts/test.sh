#!/usr/bin/env bash
# test.sh - build and run the test suite.
#
#   bash scripts/test.sh          both passes below
#   bash scripts/test.sh plain    build/ with the default flags, then ctest
#   bash scripts/test.sh asan     build-asan/ with -DZHKG_SANITIZE=ON
#                                 (AddressSanitizer, LeakSanitizer, UBSan)
#
# Run scripts/setup.sh first on a new machine.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}

plain() {
    cmake -S . -B build
    cmake --build build -j2
    ctest --test-dir build --output-on-failure
}

asan() {
    cmake -S . -B build-asan -DZHKG_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
    cmake --build build-asan -j2
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure
}

case $mode in
    plain) plain ;;
    asan) asan ;;
    all) plain && asan ;;
    *) echo "usage: bash scripts/test.sh [plain|asan|all]" >&2; exit 2 ;;
esac
