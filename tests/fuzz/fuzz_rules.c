/*
 * fuzz_rules.c - fuzz target for the rule-file parsers: the input is one
 * rule file, loaded by each single-file loader of extract/rules.h
 * (lexicon, words, suffixes, relations, common words, entities) into a
 * fresh, empty rule set; when a loader takes it, one short article is
 * extracted with the result, so that compiled patterns run too.
 *
 * The loaders take a path: the input is written to one temporary file per
 * process, unlinked as soon as it is made and named by /proc/self/fd/N,
 * so that a crash leaves nothing behind (Linux).
 *
 * A plain program over files and folders (fuzz_main.h; ctest runs it over
 * tests/fuzz/corpus/rules/), or a libFuzzer binary with -DZK_LIBFUZZER.
 * Rules, any violation of which aborts:
 *   - an error is ZK_ERR_RULES naming the file, with a message, and a
 *     line and a column (both >= 1, the line inside the file), as
 *     docs/rules.md promises ("FILE:LINE:COL: message");
 *   - extraction with what loaded succeeds.
 */
#include "rules.h"
#include "zhkg.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char tmp_path[4200];
static int fd = -1;
static zk_text *article;

static void cleanup(void)
{
    if (fd >= 0)
        close(fd);
    zk_text_free(article);
}

static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    zk_error err;
    static const char text[] =
        "北京市与天津市签署合作协议，中关村科技园区在雄安新区设立分园。\n"
        "京津冀三地将共建产业园，首钢集团迁至河北省唐山市。\n";
    snprintf(tmp_path, sizeof tmp_path, "%s/zhkg-fuzz-rules-XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    fd = mkstemp(tmp_path);
    if (fd < 0) {
        perror(tmp_path);
        abort();
    }
    unlink(tmp_path);
    snprintf(tmp_path, sizeof tmp_path, "/proc/self/fd/%d", fd);
    if (zk_text_from_utf8("fuzz.txt", text, sizeof text - 1, &article,
                          &err) != ZK_OK)
        abort();
    atexit(cleanup);
}

typedef zk_status (*loader)(zk_rules *, const char *, zk_error *);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct {
        const char *name;
        loader load;
    } loaders[] = {
        {"lexicon", zk_rules_load_lexicon},
        {"words", zk_rules_load_words},
        {"suffixes", zk_rules_load_suffixes},
        {"relations", zk_rules_load_relations},
        {"common", zk_rules_load_common},
        {"entities", zk_rules_load_entities},
    };
    long lines = 1;

    if (fd < 0)
        setup();
    if (ftruncate(fd, 0) != 0 ||
        (size && pwrite(fd, data, size, 0) != (ssize_t)size)) {
        perror(tmp_path);
        abort();
    }
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    for (size_t k = 0; k < sizeof loaders / sizeof *loaders; k++) {
        zk_rules *r = zk_rules_new_empty("fuzz");
        zk_error err;
        memset(&err, 0, sizeof err);
        zk_status st = loaders[k].load(r, tmp_path, &err);
        if (st != ZK_OK) {
            if (st != ZK_ERR_RULES || strcmp(err.file, tmp_path) != 0 ||
                err.msg[0] == '\0' || err.line < 1 || err.line > lines ||
                err.col < 1) {
                fprintf(stderr,
                        "fuzz_rules (%s): bad error record: status %d, "
                        "%s:%ld:%ld: %s\n",
                        loaders[k].name, (int)st, err.file, err.line,
                        err.col, err.msg);
                abort();
            }
        } else {
            zk_doc *doc = NULL;
            if (zk_extract(r, article, &doc, &err) != ZK_OK) {
                fprintf(stderr, "fuzz_rules (%s): extraction failed: %s\n",
                        loaders[k].name, err.msg);
                abort();
            }
            zk_doc_free(doc);
        }
        zk_rules_free(r);
    }
    return 0;
}

#define FUZZ_NAME "fuzz_rules"
#include "fuzz_main.h"
