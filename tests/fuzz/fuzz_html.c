/*
 * fuzz_html.c - fuzz target for the HTML reader: zk_text_from_bytes with
 * format HTML (extract/html.c, html_scan.c, libxml2's HTML parser, then
 * the text layer), the encoding detected (BOM, <meta charset>, UTF-8).
 *
 * A plain program over files and folders (fuzz_main.h; ctest runs it over
 * tests/fuzz/corpus/html/), or a libFuzzer binary with -DZK_LIBFUZZER
 * (tests/robust.cmake, ZHKG_FUZZ=ON).  Rules, any violation of which
 * aborts:
 *   - an error is ZK_ERR_INPUT with a message, an offset inside the input
 *     (or -1 when libxml2 gave up), and no result;
 *   - a result passes the structural invariants of tests/text_check.h
 *     (map never decreasing, inside the input, ending at its length;
 *     sentences in order and inside their paragraph ...);
 *   - reading the same bytes again gives the same result.
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
    zk_input_options opt = {ZK_INPUT_HTML, NULL};
    zk_text *a = (zk_text *)&opt, *b = NULL;
    zk_error err;
    char why[256];

    memset(&err, 0, sizeof err);
    zk_status st = zk_text_from_bytes("fuzz.html", buf, size, &opt, &a, &err);
    if (st != ZK_OK) {
        if (st != ZK_ERR_INPUT || a != NULL || err.msg[0] == '\0' ||
            err.offset < -1 || (err.offset >= 0 && (size_t)err.offset >= size)) {
            fprintf(stderr, "fuzz_html: bad error record (%d, %lld: %s)\n",
                    (int)st, err.offset, err.msg);
            abort();
        }
        return 0;
    }
    if (text_check_ex(a, buf, size, 0, why, sizeof why)) {
        fprintf(stderr, "fuzz_html: %s\n", why);
        abort();
    }
    if (zk_text_from_bytes("fuzz.html", buf, size, &opt, &b, &err) != ZK_OK ||
        !text_check_equal(a, b)) {
        fprintf(stderr, "fuzz_html: not deterministic\n");
        abort();
    }
    zk_text_free(a);
    zk_text_free(b);
    return 0;
}

#define FUZZ_NAME "fuzz_html"
#include "fuzz_main.h"
