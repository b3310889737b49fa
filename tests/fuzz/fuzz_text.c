/*
 * fuzz_text.c - fuzz target for zk_text_from_utf8.
 *
 * Built two ways (tests/text.cmake):
 *   - as a plain program: fuzz_text FILE|DIR... runs every file given (or
 *     every file of a folder, in name order) through the target; this is
 *     how the corpus in tests/fuzz/corpus/text/ runs under ctest;
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

#ifndef ZK_LIBFUZZER
#include <dirent.h>
#include <sys/stat.h>

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 1;
    }
    zk_buf b;
    char chunk[65536];
    size_t k;
    zk_buf_init(&b);
    zk_buf_append(&b, "", 0);
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        zk_buf_append(&b, chunk, k);
    fclose(f);
    LLVMFuzzerTestOneInput((const uint8_t *)b.data, b.len);
    zk_buf_free(&b);
    return 0;
}

static int cmp_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int run_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return run_file(path);
    }
    DIR *d = opendir(path);
    if (!d) {
        perror(path);
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    int rc = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        names = zk_xrealloc(names, (n + 1) * sizeof *names);
        size_t l = strlen(path) + strlen(de->d_name) + 2;
        names[n] = zk_xmalloc(l);
        snprintf(names[n++], l, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        rc |= run_path(names[i], count);
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int rc = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: fuzz_text FILE|DIR...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++)
        rc |= run_path(argv[i], &count);
    printf("fuzz_text: %zu input(s)\n", count);
    if (count == 0)
        return 1;
    return rc;
}
#endif
