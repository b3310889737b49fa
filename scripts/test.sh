#!/usr/bin/env bash
# test.sh - build and run the test suite.
#
#   bash scripts/test.sh          plain, then asan
#   bash scripts/test.sh plain    build/ with the default flags, then ctest
#   bash scripts/test.sh asan     build-asan/ with -DZHKG_SANITIZE=ON
#                                 (AddressSanitizer, LeakSanitizer, UBSan:
#                                 any report, a leak included, fails the
#                                 test), then the fuzz step below
#   bash scripts/test.sh fuzz     build-fuzz/ with clang and -DZHKG_FUZZ=ON:
#                                 every libFuzzer target (text, html,
#                                 decode, rules) for FUZZ_SECONDS seconds
#                                 (default 15; the text target does 50,000
#                                 runs), under ASan and UBSan too
#
# A crash found by the fuzz step is in build-fuzz/tests/fuzz_*_crash-*:
# docs/robustness.md says how to turn it into a regression file.  Run
# scripts/setup.sh first on a new machine (it installs clang).
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

fuzz() {
    if ! command -v clang >/dev/null 2>&1; then
        echo "test.sh: the fuzz step needs clang (bash scripts/setup.sh)" >&2
        return 1
    fi
    cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DZHKG_FUZZ=ON \
          -DZHKG_FUZZ_SECONDS="${FUZZ_SECONDS:-15}"
    cmake --build build-fuzz -j2 --target fuzz_text_libfuzzer \
          fuzz_html_libfuzzer fuzz_decode_libfuzzer fuzz_rules_libfuzzer
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-fuzz --output-on-failure -R 'fuzz\..*libfuzzer$'
}

case $mode in
    plain) plain ;;
    asan) asan && fuzz ;;
    fuzz) fuzz ;;
    all) plain && asan && fuzz ;;
    *) echo "usage: bash scripts/test.sh [plain|asan|fuzz|all]" >&2; exit 2 ;;
esac
