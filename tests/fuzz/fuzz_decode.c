/*
 * fuzz_decode.c - fuzz target for encoding detection and conversion:
 * zk_text_from_bytes with the format detected (name "fuzz": no extension,
 * so the bytes decide whether it is a page) and the encoding detected, or
 * given as GB18030, Big5 or UTF-16BE (extract/text_input.c, decode.c).
 *
 * A plain program over files and folders (fuzz_main.h; ctest runs it over
 * tests/fuzz/corpus/decode/), or a libFuzzer binary with -DZK_LIBFUZZER.
 * Rules, any violation of which aborts:
 *   - an error is ZK_ERR_INPUT with a message and an offset inside the
 *     input (or -1 when libxml2 gave up on a page), and no result;
 *   - a result passes the structural invariants of tests/text_check.h;
 *   - the same bytes give the same result again;
 *   - UTF-8 text that is no page reads exactly as zk_text_from_utf8 reads
 *     it, whatever --encoding says.
 */
#include "../text_check.h"
#include "html.h"
#include "zhkg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *enc, const char *what)
{
    fprintf(stderr, "fuzz_decode (encoding %s): %s\n", enc ? enc : "auto",
            what);
    abort();
}

static void one(const char *buf, size_t size, const char *enc,
                const zk_text *plain)
{
    zk_input_options opt = {ZK_INPUT_AUTO, enc};
    zk_text *a = NULL, *b = NULL;
    zk_error err;
    char why[800];

    memset(&err, 0, sizeof err);
    zk_status st = zk_text_from_bytes("fuzz", buf, size, &opt, &a, &err);
    if (st != ZK_OK) {
        if (st != ZK_ERR_INPUT || a != NULL || err.msg[0] == '\0' ||
            err.offset < -1 || (err.offset >= 0 && (size_t)err.offset >= size)) {
            snprintf(why, sizeof why, "bad error record (%d, %lld: %s)",
                     (int)st, err.offset, err.msg);
            fail(enc, why);
        }
        if (plain)
            fail(enc, "UTF-8 text that zk_text_from_utf8 reads fails");
        return;
    }
    if (text_check_ex(a, buf, size, 0, why, sizeof why))
        fail(enc, why);
    if (zk_text_from_bytes("fuzz", buf, size, &opt, &b, &err) != ZK_OK ||
        !text_check_equal(a, b))
        fail(enc, "not deterministic");
    if (plain && !text_check_equal(a, plain))
        fail(enc, "UTF-8 text read otherwise than by zk_text_from_utf8");
    zk_text_free(a);
    zk_text_free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const encs[] = {NULL, "gb18030", "big5", "utf-16be"};
    const char *buf = (const char *)data;
    zk_text *plain = NULL;
    zk_error err;

    /* Plain UTF-8 text (valid, no BOM other than UTF-8's, no page). */
    if (!zk_html_sniff(buf, size) &&
        !(size >= 2 && (((unsigned char)buf[0] == 0xFF &&
                         (unsigned char)buf[1] == 0xFE) ||
                        ((unsigned char)buf[0] == 0xFE &&
                         (unsigned char)buf[1] == 0xFF))) &&
        zk_text_from_utf8("fuzz", buf, size, &plain, &err) != ZK_OK)
        plain = NULL;
    for (size_t i = 0; i < sizeof encs / sizeof *encs; i++)
        one(buf, size, encs[i], plain);
    zk_text_free(plain);
    return 0;
}

#define FUZZ_NAME "fuzz_decode"
#include "fuzz_main.h"
