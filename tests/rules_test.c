/*
 * rules_test.c - the rule loader reports the first bad line precisely.
 *
 * tests/rules/errors.txt lists cases, one a line:
 *   FILE<TAB>BAD LINE (with \t for tabs)<TAB>COL<TAB>MESSAGE PART
 * For each case the real rules folder is copied to a temporary folder,
 * the bad line is appended to FILE, and zk_rules_load must fail with
 * err.file = that file, err.line = its last line, err.col = COL and a
 * message containing MESSAGE PART.  Also: the unmodified folder loads.
 * Prints "N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L
#include "zhkg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long count_lines(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    long n = 0;
    int c, last = '\n';
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n')
            n++;
        last = c;
    }
    fclose(f);
    return last == '\n' ? n : n + 1;
}

static void unescape(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (p[0] == '\\' && p[1] == 't') {
            *o++ = '\t';
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: rules_test RULES_DIR CASES\n");
        return 2;
    }
    int passed = 0, failed = 0;
    zk_rules *r;
    zk_error err;
    if (zk_rules_load(argv[1], &r, &err) == ZK_OK) {
        zk_rules_free(r);
        passed++;
    } else {
        char buf[1200];
        zk_error_format(&err, buf, sizeof buf);
        printf("FAIL the shipped rules do not load: %s\n", buf);
        failed++;
    }
    FILE *cases = fopen(argv[2], "r");
    if (!cases) {
        perror(argv[2]);
        return 1;
    }
    char line[2048];
    while (fgets(line, sizeof line, cases)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *f[4];
        int nf = 0;
        for (char *p = line; nf < 4;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf != 4) {
            printf("FAIL bad case line\n");
            failed++;
            continue;
        }
        unescape(f[1]);
        char tmpl[] = "/tmp/zhkg-rules-XXXXXX";
        char *dir = mkdtemp(tmpl);
        char cmd[4096], path[4096];
        snprintf(cmd, sizeof cmd, "cp -r '%s/.' '%s/'", argv[1], dir);
        if (!dir || system(cmd) != 0) {
            printf("FAIL cannot copy rules\n");
            failed++;
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", dir, f[0]);
        long before = count_lines(path);
        FILE *o = fopen(path, "a");
        if (!o || before < 0) {
            printf("FAIL cannot open %s\n", path);
            failed++;
            if (o)
                fclose(o);
            continue;
        }
        fprintf(o, "%s\n", f[1]);
        fclose(o);
        memset(&err, 0, sizeof err);
        zk_status st = zk_rules_load(dir, &r, &err);
        char buf[1200];
        zk_error_format(&err, buf, sizeof buf);
        long col = atol(f[2]);
        if (st != ZK_ERR_RULES || strcmp(err.file, path) != 0 || err.line != before + 1 ||
            err.col != col || !strstr(err.msg, f[3])) {
            printf("FAIL %s + \"%s\": got status %d \"%s\", want %s:%ld:%ld: ...%s...\n", f[0],
                   f[1], (int)st, buf, path, before + 1, col, f[3]);
            failed++;
            if (st == ZK_OK)
                zk_rules_free(r);
        } else {
            printf("ok   %s\n", buf);
            passed++;
        }
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0)
            fprintf(stderr, "cannot remove %s\n", dir);
    }
    fclose(cases);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
