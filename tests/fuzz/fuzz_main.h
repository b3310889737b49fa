/*
 * fuzz_main.h - the plain main() of every fuzz target in tests/fuzz/.
 *
 * A target defines LLVMFuzzerTestOneInput() and FUZZ_NAME, then includes
 * this file.  Built with -DZK_LIBFUZZER (clang, -fsanitize=fuzzer) the
 * file is empty and libFuzzer brings its own main; otherwise main() runs
 * every file given, or every file of a folder (recursively, in name
 * order), through the target once, which is how ctest replays the corpora
 * in tests/fuzz/corpus/ under the normal and the sanitizer build.  A
 * target reports a broken rule with abort(), as a fuzzer expects.
 */
#ifndef ZK_FUZZ_MAIN_H
#define ZK_FUZZ_MAIN_H

#ifndef ZK_LIBFUZZER
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int fuzz_run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, k;
    if (!f) {
        perror(path);
        return 1;
    }
    do {
        if (len == cap) {
            cap = cap ? 2 * cap : 65536;
            char *p = realloc(buf, cap);
            if (!p) {
                fprintf(stderr, "%s: out of memory\n", path);
                free(buf);
                fclose(f);
                return 1;
            }
            buf = p;
        }
        k = fread(buf + len, 1, cap - len, f);
        len += k;
    } while (k > 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        perror(path);
        free(buf);
        return 1;
    }
    /* An exact-size copy, so that ASan sees a read past the end. */
    uint8_t *data = malloc(len ? len : 1);
    if (len)
        memcpy(data, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(data, len);
    free(data);
    return 0;
}

static int fuzz_cmp_names(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static int fuzz_run_path(const char *path, size_t *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return 1;
    }
    if (!S_ISDIR(st.st_mode)) {
        (*count)++;
        return fuzz_run_file(path);
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
        char **p = realloc(names, (n + 1) * sizeof *names);
        size_t l = strlen(path) + strlen(de->d_name) + 2;
        if (!p || !(p[n] = malloc(l))) {
            fprintf(stderr, "%s: out of memory\n", path);
            abort();
        }
        names = p;
        snprintf(names[n++], l, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, fuzz_cmp_names);
    for (size_t i = 0; i < n; i++) {
        rc |= fuzz_run_path(names[i], count);
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
        fprintf(stderr, "usage: %s FILE|DIR...\n", FUZZ_NAME);
        return 2;
    }
    for (int i = 1; i < argc; i++)
        rc |= fuzz_run_path(argv[i], &count);
    printf("%s: %zu input(s)\n", FUZZ_NAME, count);
    return count == 0 ? 1 : rc;
}
#endif
#endif
