/*
 * fuzz_jsonl.c - fuzz target for zk_doc_from_json, the reader of the JSON
 * Lines of `zhkg extract` and of update states (extract/doc_json.c).
 *
 * A plain program: fuzz_jsonl FILE|DIR... runs every file given (or every
 * file of a folder, in name order) through the target, which is how the
 * seeds in tests/fuzz/corpus/jsonl/ run under ctest; compiled with
 * -DZK_LIBFUZZER and -fsanitize=fuzzer it is a libFuzzer target.
 *
 * The whole input is one line.  When it is refused, the error must be
 * ZK_ERR_INPUT with no document and a column inside the line (or 0).  When
 * it is accepted, the document must survive the round trip (writing it and
 * reading that back gives the same bytes again) and zk_graph_add_doc must
 * take it: the reader lets nothing through that the graph would refuse.
 * Any violation aborts, which is what a fuzzer reports.
 */
#include "zhkg.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *why, const char *detail)
{
    fprintf(stderr, "fuzz_jsonl: %s%s%s\n", why, detail ? ": " : "",
            detail ? detail : "");
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zk_doc *d = NULL, *d2 = NULL;
    zk_error err;

    memset(&err, 0, sizeof err);
    zk_status st = zk_doc_from_json((const char *)data, size, &d, &err);
    if (st != ZK_OK) {
        if (st != ZK_ERR_INPUT || d != NULL || err.col < 0 ||
            (size_t)err.col > size + 1 || err.msg[0] == '\0')
            die("bad error record", err.msg);
        return 0;
    }
    if (!d)
        die("accepted, but no document", NULL);
    char *a = zk_doc_to_json(d);
    if (!a)
        die("cannot write an accepted document", NULL);
    if (zk_doc_from_json(a, strlen(a), &d2, &err) != ZK_OK)
        die("cannot read back what was written", err.msg);
    char *b = zk_doc_to_json(d2);
    if (!b || strcmp(a, b) != 0)
        die("round trip changed the document", a);
    zk_graph *g = zk_graph_new();
    if (zk_graph_add_doc(g, d, &err) != ZK_OK)
        die("the graph refused an accepted document", err.msg);
    if (zk_graph_finish(g, &err) != ZK_OK)
        die("finish failed", err.msg);
    zk_graph_free(g);
    free(a);
    free(b);
    zk_doc_free(d);
    zk_doc_free(d2);
    return 0;
}

#define FUZZ_NAME "fuzz_jsonl"
#include "fuzz_main.h"

