/*
 * fuzz_text.c - fuzz target for zk_text_from_utf8.
 *
 * Built two ways (tests/text.cmake):
 *   - as a plain program (fuzz_main.h): fuzz_text FILE|DIR... runs every
 *     file given (or every file of a folder, in name order) through the
 *     target; this is how the corpus in tests/fuzz/corpus/text/ runs under
 *     ctest;
 *   - with -DZK_LIBFUZZER and -fsanitize=fuzzer (clang, ZHKG_FUZZ=ON) as a
 *     libFuzzer binary: fuzz_text_libfuzzer tests/fuzz/corpus/text.
 *
 * The target normalises the input twice; a valid input must pass every
 * invariant of tests/text_check.h and give byte-identical results both
 * times, an invalid one must fail with ZK_ERR_INPUT and an offset inside
 * the input.  Any violation aborts, which is what a fuzzer reports.
 */
#include "../text_check.h"
#include "zhkg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    zk_text *a = NULL, *b = NULL;
    zk_error err;
    char why[256];

    zk_status st = zk_text_from_utf8("fuzz", buf, size, &a, &err);
    if (st != ZK_OK) {
        if (st != ZK_ERR_INPUT || err.offset < 0 || (size_t)err.offset >= size ||
            a != NULL) {
            fprintf(stderr, "fuzz_text: bad error record (%s)\n", err.msg);
            abort();
        }
        return 0;
    }
    if (text_check(a, buf, size, why, sizeof why)) {
        fprintf(stderr, "fuzz_text: %s\n", why);
        abort();
    }
    int same = zk_text_from_utf8("fuzz", buf, size, &b, &err) == ZK_OK &&
               b->norm_len == a->norm_len && b->nsent == a->nsent &&
               memcmp(a->norm, b->norm, a->norm_len) == 0 &&
               memcmp(a->map, b->map, (a->norm_len + 1) * sizeof *a->map) == 0;
    for (size_t i = 0; same && i < a->nsent; i++)
        same = a->sent[i].start == b->sent[i].start &&
               a->sent[i].end == b->sent[i].end &&
               a->sent[i].para == b->sent[i].para &&
               a->sent[i].headline == b->sent[i].headline;
    if (!same) {
        fprintf(stderr, "fuzz_text: not deterministic\n");
        abort();
    }
    zk_text_free(a);
    zk_text_free(b);
    return 0;
}

#define FUZZ_NAME "fuzz_text"
#include "fuzz_main.h"
