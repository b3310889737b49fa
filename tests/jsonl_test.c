/*
 * jsonl_test.c - the library's JSON Lines reader (zk_jsonl_*) on the
 * same data as tests/scale/errors.sh, which checks the program's reader:
 *
 *   jsonl_test errors DIR   every DIR/NAME.jsonl stops zk_jsonl_next with
 *                           the message of DIR/NAME.err ({f}: the path),
 *                           after handing over the good lines before it
 *   jsonl_test good FILE    every line of FILE reads, zk_jsonl_line and
 *                           zk_jsonl_text give it back, and writing each
 *                           document gives the line again (the files the
 *                           suite keeps were written by zk_doc_to_json)
 */
#include "zhkg.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
            failures++;                                                    \
        }                                                                  \
    } while (0)

/* The first line of path, without its newline, {f} replaced by name. */
static void expected(const char *path, const char *name, char *out, size_t n)
{
    char line[1024] = "";
    FILE *f = fopen(path, "r");
    if (f) {
        if (!fgets(line, sizeof line, f))
            line[0] = '\0';
        fclose(f);
    }
    line[strcspn(line, "\n")] = '\0';
    char *p = strstr(line, "{f}");
    if (p) {
        *p = '\0';
        snprintf(out, n, "%s%s%s", line, name, p + 3);
    } else {
        snprintf(out, n, "%s", line);
    }
}

static void errors(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;
    CHECK(d != NULL);
    while (d && (de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 7 || strcmp(de->d_name + l - 6, ".jsonl") != 0)
            continue;
        char path[1024], errpath[1024], want[1200], got[1200];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        snprintf(errpath, sizeof errpath, "%s/%.*s.err", dir, (int)(l - 6),
                 de->d_name);
        expected(errpath, path, want, sizeof want);
        zk_jsonl *r = NULL;
        zk_doc *doc = NULL;
        zk_error err;
        CHECK(zk_jsonl_open(path, &r, &err) == ZK_OK);
        zk_status st;
        while ((st = zk_jsonl_next(r, &doc, &err)) == ZK_OK && doc)
            zk_doc_free(doc);
        CHECK(st == ZK_ERR_INPUT && doc == NULL);
        zk_error_format(&err, got, sizeof got);
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "%s: got '%s', expected '%s'\n", path, got, want);
            failures++;
        }
        zk_jsonl_close(r);
        n++;
    }
    if (d)
        closedir(d);
    CHECK(n >= 10);
    printf("jsonl_test errors: %d files\n", n);
}

static void good(const char *path)
{
    zk_jsonl *r = NULL;
    zk_doc *doc = NULL;
    zk_error err;
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, ndocs = 0;
    CHECK(f != NULL && zk_jsonl_open(path, &r, &err) == ZK_OK);
    while (f && r && zk_jsonl_next(r, &doc, &err) == ZK_OK && doc) {
        ssize_t k;
        while ((k = getline(&line, &cap, f)) > 0) {   /* the next non-blank */
            lineno++;
            if (strspn(line, " \t\r\n") != (size_t)k)
                break;
        }
        line[strcspn(line, "\r\n")] = '\0';
        size_t len;
        const char *text = zk_jsonl_text(r, &len);
        CHECK(zk_jsonl_line(r) == lineno);
        CHECK(len == strlen(line) && memcmp(text, line, len) == 0);
        char *again = zk_doc_to_json(doc);
        CHECK(again && strcmp(again, line) == 0);
        CHECK(strlen(zk_doc_hash(doc)) == 64 && *zk_doc_name(doc));
        free(again);
        zk_doc_free(doc);
        ndocs++;
    }
    CHECK(doc == NULL && ndocs > 0);
    free(line);
    if (f)
        fclose(f);
    zk_jsonl_close(r);
    printf("jsonl_test good: %ld documents\n", ndocs);
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "errors") == 0)
        errors(argv[2]);
    else if (argc == 3 && strcmp(argv[1], "good") == 0)
        good(argv[2]);
    else {
        fprintf(stderr, "usage: jsonl_test errors DIR | good FILE\n");
        return 2;
    }
    return failures ? 1 : 0;
}
