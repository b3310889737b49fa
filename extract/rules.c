/*
 * rules.c - loading a rules folder (zk_rules_load) and freeing it.
 *
 * The folder holds lexicon/NAME.tsv (read in sorted file-name order),
 * words.tsv, suffixes.tsv, relations.tsv and, optionally, common-words.tsv;
 * see docs/rules.md.  The
 * first bad line stops the load and is reported as FILE:LINE:COL.
 */
#include "rules.h"
#include "util.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

zk_rules *zk_rules_new_empty(const char *dir)
{
    zk_rules *r = zk_xcalloc(1, sizeof *r);
    r->dir = zk_xstrdup(dir ? dir : "");
    r->lex_trie = zk_trie_new();
    r->word_trie = zk_trie_new();
    r->suffix_trie = zk_trie_new();
    r->common_trie = zk_trie_new();
    r->scan_trie = zk_trie_new();
    r->scan_pairs = zk_xcalloc((size_t)1 << (ZK_SCAN_PAIR_BITS - 3), 1);
    r->mctx = pcre2_match_context_create(NULL);
    /* a relation rule has no business backtracking more than this in one
     * match; a match that would is given up (no edge) */
    pcre2_set_match_limit(r->mctx, 200000);
    pcre2_set_depth_limit(r->mctx, 5000);
    return r;
}

void zk_rules_free(zk_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nlex; i++) {
        free(r->lex[i].name);
        free(r->lex[i].type);
        free(r->lex[i].parent);
        free(r->lex[i].file);
    }
    free(r->lex);
    free(r->forms);
    for (size_t i = 0; i < r->nwords; i++) {
        free(r->words[i].word);
        for (int c = 0; c < ZK_W_NCLASSES; c++)
            free(r->words[i].value[c]);
    }
    free(r->words);
    for (size_t i = 0; i < r->nsuffixes; i++) {
        free(r->suffixes[i].suffix);
        free(r->suffixes[i].type);
    }
    free(r->suffixes);
    for (size_t i = 0; i < r->nrels; i++) {
        free(r->rels[i].id);
        free(r->rels[i].type);
        free(r->rels[i].source);
        zk_needs_free(&r->rels[i].needs);
        pcre2_code_free(r->rels[i].code);
    }
    free(r->rels);
    for (size_t i = 0; i < r->nents; i++) {
        free(r->ents[i].id);
        free(r->ents[i].type);
        pcre2_code_free(r->ents[i].code);
        zk_needs_free(&r->ents[i].needs);
    }
    free(r->ents);
    free(r->home_city);
    zk_trie_free(r->needs_trie);
    zk_rules_free_classes(r);
    pcre2_match_context_free(r->mctx);
    zk_trie_free(r->lex_trie);
    zk_trie_free(r->word_trie);
    zk_trie_free(r->suffix_trie);
    zk_trie_free(r->common_trie);
    zk_trie_free(r->scan_trie);
    free(r->scan);
    free(r->scan_pairs);
    free(r->dir);
    free(r);
}

void zk_rules_scan_add(zk_rules *r, const char *key, size_t len, int set, int32_t value)
{
    int32_t k = zk_trie_get(r->scan_trie, key, len);
    if (k < 0) {
        if (r->nscan == r->capscan) {
            r->capscan = r->capscan ? r->capscan * 2 : 1024;
            r->scan = zk_xrealloc(r->scan, r->capscan * sizeof *r->scan);
        }
        k = (int32_t)r->nscan++;
        for (int i = 0; i < ZK_SCAN_NSETS; i++)
            r->scan[k].v[i] = -1;
        r->scan[k].word_classes = r->scan[k].form_info = 0;
        zk_trie_add(r->scan_trie, key, len, k);
        uint32_t c1, c2;
        size_t k1 = zk_utf8_decode(key, len, &c1);
        if (!k1 || c1 >= 0x10000) {
            r->scan_always = 1;
        } else {
            r->scan_first[c1 >> 3] |= (uint8_t)(1u << (c1 & 7));
            if (k1 == len)
                r->scan_single[c1 >> 3] |= (uint8_t)(1u << (c1 & 7));
            else if (zk_utf8_decode(key + k1, len - k1, &c2)) {
                uint32_t b = zk_scan_pair_bit(c1, c2);
                r->scan_pairs[b >> 3] |= (uint8_t)(1u << (b & 7));
            } else
                r->scan_always = 1;
        }
    }
    zk_scan_key *sk = &r->scan[k];
    sk->v[set] = value;
    if (set == ZK_SCAN_WORD)
        sk->word_classes = r->words[value].classes;
    if (set == ZK_SCAN_FORM) {
        const zk_lex_form *f = &r->forms[value];
        sk->form_info = (f->is_alias ? ZK_SCAN_ALIAS : 0) |
                        (strcmp(r->lex[f->entry].type, "city") == 0 ? ZK_SCAN_CITY : 0);
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = zk_xmalloc(n);
    snprintf(s, n, "%s/%s", a, b);
    return s;
}

static zk_status load_lexicons(zk_rules *r, const char *dir, zk_error *err)
{
    char *ldir = join(dir, "lexicon");
    DIR *d = opendir(ldir);
    if (!d) {
        zk_status st = zk_error_set(err, ZK_ERR_RULES, ldir, 0, 0, -1,
                                    "cannot open lexicon folder");
        free(ldir);
        return st;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".tsv") != 0 || de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = zk_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = zk_xstrdup(de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    zk_status st = ZK_OK;
    for (size_t i = 0; i < n; i++) {
        char *p = join(ldir, names[i]);
        if (!st)
            st = zk_rules_load_lexicon(r, p, err);
        free(p);
        free(names[i]);
    }
    free(names);
    if (!st && n == 0)
        st = zk_error_set(err, ZK_ERR_RULES, ldir, 0, 0, -1, "no *.tsv lexicon files");
    free(ldir);
    return st;
}

zk_status zk_rules_load(const char *dir, zk_rules **out, zk_error *err)
{
    *out = NULL;
    struct stat sb;
    if (!dir || stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return zk_error_set(err, ZK_ERR_RULES, dir ? dir : "", 0, 0, -1,
                            "rules folder not found");
    zk_rules *r = zk_rules_new_empty(dir);
    zk_status st = load_lexicons(r, dir, err);
    static const char *const files[] = {"words.tsv", "suffixes.tsv", "relations.tsv"};
    for (size_t i = 0; !st && i < 3; i++) {
        char *p = join(dir, files[i]);
        if (i == 0)
            st = zk_rules_load_words(r, p, err);
        else if (i == 1)
            st = zk_rules_load_suffixes(r, p, err);
        else
            st = zk_rules_load_relations(r, p, err);
        free(p);
    }
    if (!st) {
        /* optional: a folder without it simply has no common-word list */
        char *p = join(dir, "common-words.tsv");
        if (access(p, F_OK) == 0)
            st = zk_rules_load_common(r, p, err);
        free(p);
    }
    if (!st) {
        /* optional: context patterns for names without a suffix */
        char *p = join(dir, "entities.tsv");
        if (access(p, F_OK) == 0)
            st = zk_rules_load_entities(r, p, err);
        free(p);
    }
    if (st) {
        zk_rules_free(r);
        return st;
    }
    *out = r;
    return ZK_OK;
}

void zk_rules_set_home_city(zk_rules *r, const char *name)
{
    free(r->home_city);
    r->home_city = name && *name ? zk_xstrdup(name) : NULL;
}

pcre2_match_context *zk_rules_match_context(const zk_rules *r)
{
    return r->mctx;
}
