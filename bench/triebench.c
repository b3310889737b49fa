/*
 * triebench.c - micro-benchmark of extract/trie.c on the real rules.
 *
 * Loads the keys the rule loader puts into its four tries (lexicon names
 * and aliases, word classes, suffixes, common words) straight from the
 * rules folder's TSV files, then calls zk_trie_prefixes() on each trie at
 * every character of the given text files, as the name finder does, and
 * prints the load time, the lookups per second and the MB/s of text.
 *
 *   triebench RULES_DIR ROUNDS FILE...
 *
 * Not a test: numbers only (bench/run prints them; docs/performance.md).
 */
#include "trie.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: other processes do not count */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (!p || fread(p, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(1);
    }
    fclose(f);
    p[n] = '\0';
    *len = (size_t)n;
    return p;
}

/* Add column 0 (and, if aliases, the |-separated column 2) of every
 * non-comment line of path to t. */
static void load_tsv(zk_trie *t, const char *path, int aliases)
{
    size_t len;
    char *buf = slurp(path, &len);
    int32_t v = (int32_t)zk_trie_size(t);
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (line[0] != '#' && line[0] != '\0' && line[0] != '@') {
            char *f[4] = {line, NULL, NULL, NULL};
            for (int i = 1; i < 4 && f[i - 1]; i++) {
                char *tab = strchr(f[i - 1], '\t');
                if (tab) {
                    *tab = '\0';
                    f[i] = tab + 1;
                }
            }
            zk_trie_add(t, f[0], strlen(f[0]), v++);
            if (aliases && f[2] && strcmp(f[2], "-") != 0) {
                for (char *a = f[2]; a;) {
                    char *bar = strchr(a, '|');
                    size_t n = bar ? (size_t)(bar - a) : strlen(a);
                    zk_trie_add(t, a, n, v++);
                    a = bar ? bar + 1 : NULL;
                }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: triebench RULES_DIR ROUNDS FILE...\n");
        return 2;
    }
    const char *rules = argv[1];
    int rounds = atoi(argv[2]);
    char path[4096];
    double t0 = now();
    zk_trie *lex = zk_trie_new(), *word = zk_trie_new(), *suf = zk_trie_new(),
            *common = zk_trie_new();
    snprintf(path, sizeof path, "%s/lexicon", rules);
    DIR *d = opendir(path);
    char *names[256];
    size_t nn = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL && nn < 256)
        if (strstr(de->d_name, ".tsv"))
            names[nn++] = strdup(de->d_name);
    if (d)
        closedir(d);
    qsort(names, nn, sizeof *names, cmp_str);
    for (size_t i = 0; i < nn; i++) {
        snprintf(path, sizeof path, "%s/lexicon/%s", rules, names[i]);
        load_tsv(lex, path, 1);
        free(names[i]);
    }
    snprintf(path, sizeof path, "%s/words.tsv", rules);
    load_tsv(word, path, 0);
    snprintf(path, sizeof path, "%s/suffixes.tsv", rules);
    load_tsv(suf, path, 0);
    snprintf(path, sizeof path, "%s/common-words.tsv", rules);
    load_tsv(common, path, 0);
    double t1 = now();

    char **text = malloc((size_t)(argc - 3) * sizeof *text);
    size_t *tlen = malloc((size_t)(argc - 3) * sizeof *tlen);
    size_t total = 0;
    for (int i = 3; i < argc; i++) {
        text[i - 3] = slurp(argv[i], &tlen[i - 3]);
        total += tlen[i - 3];
    }
    total *= (size_t)rounds;
    printf("trie keys: lexicon %zu, words %zu, suffixes %zu, common %zu; "
           "load %.3f s\n",
           zk_trie_size(lex), zk_trie_size(word), zk_trie_size(suf),
           zk_trie_size(common), t1 - t0);
    const zk_trie *tries[4] = {lex, suf, word, common};
    const char *tname[4] = {"lexicon", "suffixes", "words", "common"};
    double all = 0;
    size_t calls = 0;
    for (int w = 0; w < 4; w++) {
        size_t c = 0, found = 0;
        double t2 = now();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < argc - 3; i++) {
                const char *s = text[i];
                size_t n = tlen[i];
                zk_trie_match m[16];
                for (size_t p = 0; p < n; p++) {
                    if (((unsigned char)s[p] & 0xC0) == 0x80)
                        continue;
                    found += zk_trie_prefixes(tries[w], s + p, n - p, m, 16);
                    c++;
                }
            }
        }
        double t3 = now();
        printf("  %-8s %zu lookups, %.1f ns each, %zu matches\n", tname[w], c,
               (t3 - t2) * 1e9 / (double)c, found);
        all += t3 - t2;
        calls += c;
    }
    printf("prefix lookups: %zu in %.3f s = %.1f ns each; %.1f MB/s of text "
           "for the 4 tries at every character\n",
           calls, all, all * 1e9 / (double)calls, (double)total / 1e6 / all);
    for (int i = 0; i < argc - 3; i++)
        free(text[i]);
    free(text);
    free(tlen);
    zk_trie_free(lex);
    zk_trie_free(word);
    zk_trie_free(suf);
    zk_trie_free(common);
    return 0;
}
