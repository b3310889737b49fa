/*
 * rules_tsv.c - reading the tab-separated rule files (lexicons, word
 * classes, suffixes) into struct zk_rules.
 *
 * Every file is UTF-8 text, one record per line, fields separated by one
 * TAB, '#' at the start of a line for comments, blank lines ignored.  A bad
 * line stops the load with "FILE:LINE:COL: message" where COL is the
 * 1-based character column of the offending field.
 */
#include "rules.h"
#include "rules_io.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *const zk_types[] = {"city", "park", "agency", "company",
                                       "institution"};

int zk_rules_valid_type(const char *type)
{
    for (size_t i = 0; i < sizeof zk_types / sizeof *zk_types; i++)
        if (strcmp(type, zk_types[i]) == 0)
            return 1;
    return 0;
}

/* Character column (1-based) of field f in line. */
long zk_tsv_col(const zk_tsv_line *l, size_t f)
{
    long col = 1;
    const char *p = l->text;
    const char *end = f < l->nfields ? l->field[f] : l->text + strlen(l->text);
    while (p < end) {
        if (((unsigned char)*p & 0xC0) != 0x80)
            col++;
        p++;
    }
    return col;
}

zk_status zk_tsv_open(const char *path, zk_tsv *t, zk_error *err)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        return zk_error_set(err, ZK_ERR_IO, path, 0, 0, -1, "cannot open rule file");
    zk_buf b;
    zk_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        zk_buf_append(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        zk_buf_free(&b);
        return zk_error_set(err, ZK_ERR_IO, path, 0, 0, -1, "cannot read rule file");
    }
    for (size_t i = 0; i < b.len;) {
        uint32_t cp;
        size_t k = zk_utf8_decode(b.data + i, b.len - i, &cp);
        if (k == 0 || cp == 0) {
            long line = 1, col = 1;
            for (size_t j = 0; j < i; j++) {
                if (b.data[j] == '\n') {
                    line++;
                    col = 1;
                } else if (((unsigned char)b.data[j] & 0xC0) != 0x80) {
                    col++;
                }
            }
            zk_buf_free(&b);
            return zk_error_set(err, ZK_ERR_RULES, path, line, col, (long long)i,
                                "invalid UTF-8 in rule file");
        }
        i += k;
    }
    t->path = path;
    t->data = b.data;
    t->len = b.len;
    t->pos = 0;
    if (t->len >= 3 && memcmp(t->data, "\xEF\xBB\xBF", 3) == 0)
        t->pos = 3;
    return ZK_OK;
}

void zk_tsv_close(zk_tsv *t)
{
    free(t->data);
    t->data = NULL;
}

int zk_tsv_next(zk_tsv *t, zk_tsv_line *l)
{
    while (t->pos < t->len) {
        char *s = t->data + t->pos;
        char *nl = memchr(s, '\n', t->len - t->pos);
        size_t n = nl ? (size_t)(nl - s) : t->len - t->pos;
        t->pos += n + (nl ? 1 : 0);
        t->lineno++;
        s[n] = '\0';
        if (n > 0 && s[n - 1] == '\r')
            s[--n] = '\0';
        size_t k = 0;
        while (k < n && (s[k] == ' '))
            k++;
        if (k == n || s[k] == '#')
            continue;
        l->text = s;
        l->lineno = t->lineno;
        l->nfields = 0;
        char *p = s;
        for (;;) {
            if (l->nfields < ZK_TSV_MAXF)
                l->field[l->nfields] = p;
            l->nfields++;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        return 1;
    }
    return 0;
}

zk_status zk_tsv_error(const zk_tsv *t, const zk_tsv_line *l, size_t field,
                       zk_error *err, const char *msg, const char *arg)
{
    return zk_error_set(err, ZK_ERR_RULES, t->path, (long)l->lineno,
                        zk_tsv_col(l, field), -1, "%s%s%s%s", msg,
                        arg ? " \"" : "", arg ? arg : "", arg ? "\"" : "");
}

static zk_status expect_fields(const zk_tsv *t, const zk_tsv_line *l,
                               size_t n, const char *what, zk_error *err)
{
    if (l->nfields == n)
        return ZK_OK;
    char msg[160];
    snprintf(msg, sizeof msg, "expected %zu tab-separated fields (%s), found %zu",
             n, what, l->nfields);
    return zk_tsv_error(t, l, l->nfields < n ? 0 : n, err, msg, NULL);
}

static zk_status check_nonempty(const zk_tsv *t, const zk_tsv_line *l,
                                size_t f, const char *what, zk_error *err)
{
    const char *s = l->field[f];
    if (*s == '\0' || strchr(s, ' ') == s)
        return zk_tsv_error(t, l, f, err, what, NULL);
    return ZK_OK;
}

static void add_form(zk_rules *r, const char *s, size_t entry, int is_alias)
{
    if (r->nforms == r->capforms) {
        r->capforms = r->capforms ? r->capforms * 2 : 1024;
        r->forms = zk_xrealloc(r->forms, r->capforms * sizeof *r->forms);
    }
    int32_t old = zk_trie_add(r->lex_trie, s, strlen(s), (int32_t)r->nforms);
    if (old >= 0) {
        /* A full name beats an alias of another entry; otherwise first wins. */
        if (!is_alias && r->forms[old].is_alias) {
            r->forms[old].entry = entry;
            r->forms[old].is_alias = 0;
            zk_rules_scan_add(r, s, strlen(s), ZK_SCAN_FORM, old);
        }
        return;
    }
    r->forms[r->nforms].entry = entry;
    r->forms[r->nforms].is_alias = is_alias;
    zk_rules_scan_add(r, s, strlen(s), ZK_SCAN_FORM, (int32_t)r->nforms);
    r->nforms++;
}

zk_status zk_rules_load_lexicon(zk_rules *r, const char *path, zk_error *err)
{
    zk_tsv t;
    zk_status st = zk_tsv_open(path, &t, err);
    if (st)
        return st;
    zk_tsv_line l;
    while (zk_tsv_next(&t, &l)) {
        if ((st = expect_fields(&t, &l, 4, "name, type, aliases, parent", err)) ||
            (st = check_nonempty(&t, &l, 0, "empty name", err)))
            break;
        if (!zk_rules_valid_type(l.field[1])) {
            st = zk_tsv_error(&t, &l, 1, err, "unknown entity type", l.field[1]);
            break;
        }
        int32_t prev = zk_trie_get(r->lex_trie, l.field[0], strlen(l.field[0]));
        if (prev >= 0 && !r->forms[prev].is_alias) {
            st = zk_tsv_error(&t, &l, 0, err, "duplicate lexicon name", l.field[0]);
            break;
        }
        if (r->nlex == r->caplex) {
            r->caplex = r->caplex ? r->caplex * 2 : 1024;
            r->lex = zk_xrealloc(r->lex, r->caplex * sizeof *r->lex);
        }
        size_t e = r->nlex++;
        r->lex[e].name = zk_xstrdup(l.field[0]);
        r->lex[e].type = zk_xstrdup(l.field[1]);
        r->lex[e].parent = strcmp(l.field[3], "-") && *l.field[3] ? zk_xstrdup(l.field[3]) : NULL;
        r->lex[e].file = NULL;
        add_form(r, l.field[0], e, 0);
        if (strcmp(l.field[2], "-") != 0 && *l.field[2]) {
            char *a = l.field[2];
            for (;;) {
                char *bar = strchr(a, '|');
                if (bar)
                    *bar = '\0';
                if (*a == '\0' || strcmp(a, l.field[0]) == 0) {
                    st = zk_tsv_error(&t, &l, 2, err,
                                      *a ? "alias equals the name" : "empty alias", a);
                    break;
                }
                add_form(r, a, e, 1);
                if (!bar)
                    break;
                a = bar + 1;
            }
            if (st)
                break;
        }
    }
    zk_tsv_close(&t);
    return st;
}

static const struct {
    const char *name;
    unsigned bit;
    int needs_value;
} zk_word_classes[] = {
    {"boundary", ZK_W_BOUNDARY, 0},   {"starter", ZK_W_STARTER, 0},
    {"generic", ZK_W_GENERIC, 0},     {"determiner", ZK_W_DETERMINER, 0},
    {"alias", ZK_W_ALIAS, 0},         {"abbrev", ZK_W_ABBREV, 1},
    {"abbrev_context", ZK_W_ABBREV_CTX, 0}, {"group", ZK_W_GROUP, 1},
    {"coref", ZK_W_COREF, 1},         {"home", ZK_W_HOME, 0},
    {"region", ZK_W_REGION, 0},       {"notname", ZK_W_NOTNAME, 0},
    {"masthead", ZK_W_MASTHEAD, 1},   {"expand", ZK_W_EXPAND, 1},
    {"notplace_after", ZK_W_NOTPLACE, 0}, {"namepart", ZK_W_NAMEPART, 0},
    {"province", ZK_W_PROVINCE, 1},   {"groupcount", ZK_W_COUNT, 0},
    {"negation", ZK_W_NEGATION, 0},   {"conjunction", ZK_W_CONJ, 0},
    {"home_prefix", ZK_W_HOMEPREFIX, 0}, {"coref_clause", ZK_W_COREFCLAUSE, 1},
};

/* s[0..n) with its characters (a lead byte and the continuation bytes
 * after it) in reverse order, into out (n bytes). */
static void reverse_chars(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t e = n; e > 0;) {
        size_t b = e - 1;
        while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
            b--;
        memcpy(out + o, s + b, e - b);
        o += e - b;
        e = b;
    }
}

/* The characters (code points) of UTF-8 text w. */
static size_t count_chars(const char *w)
{
    size_t chars = 0;
    for (; *w; w++)
        chars += ((unsigned char)*w & 0xC0) != 0x80;
    return chars;
}

/* Put word w (index idx) into the tries of class ci. */
static void class_add(zk_rules *r, int ci, const char *w, int32_t idx)
{
    size_t n = strlen(w), chars = count_chars(w);
    if (!r->class_trie[ci]) {
        r->class_trie[ci] = zk_trie_new();
        r->class_rtrie[ci] = zk_trie_new();
    }
    zk_trie_add(r->class_trie[ci], w, n, idx);
    char *rev = zk_xmalloc(n + 1);
    reverse_chars(w, n, rev);
    zk_trie_add(r->class_rtrie[ci], rev, n, idx);
    free(rev);
    if (chars > r->class_maxchars[ci])
        r->class_maxchars[ci] = chars;
}

size_t zk_rules_class_suffixes(const zk_rules *r, unsigned cls, const char *s, size_t n,
                               zk_trie_match *out)
{
    int ci = zk_word_class_index(cls);
    if (!r->class_rtrie[ci])
        return 0;
    size_t maxc = r->class_maxchars[ci]; /* <= ZK_CLASS_SUFFIX_MAX (the loader checks) */
    /* the last maxc characters of s, reversed */
    size_t b = n, chars = 0;
    while (b > 0 && chars < maxc) {
        b--;
        chars += ((unsigned char)s[b] & 0xC0) != 0x80;
    }
    char buf[4 * ZK_CLASS_SUFFIX_MAX];
    reverse_chars(s + b, n - b, buf);
    return zk_trie_prefixes(r->class_rtrie[ci], buf, n - b, out, ZK_CLASS_SUFFIX_MAX);
}

void zk_rules_free_classes(zk_rules *r)
{
    for (int ci = 0; ci < ZK_W_NCLASSES; ci++) {
        zk_trie_free(r->class_trie[ci]);
        zk_trie_free(r->class_rtrie[ci]);
        r->class_trie[ci] = r->class_rtrie[ci] = NULL;
    }
}

zk_status zk_rules_load_words(zk_rules *r, const char *path, zk_error *err)
{
    zk_tsv t;
    zk_status st = zk_tsv_open(path, &t, err);
    if (st)
        return st;
    zk_tsv_line l;
    while (zk_tsv_next(&t, &l)) {
        if ((st = expect_fields(&t, &l, 3, "word, class, value", err)) ||
            (st = check_nonempty(&t, &l, 0, "empty word", err)))
            break;
        size_t c = 0, nc = sizeof zk_word_classes / sizeof *zk_word_classes;
        while (c < nc && strcmp(zk_word_classes[c].name, l.field[1]) != 0)
            c++;
        if (c == nc) {
            st = zk_tsv_error(&t, &l, 1, err, "unknown word class", l.field[1]);
            break;
        }
        int has_value = strcmp(l.field[2], "-") != 0 && *l.field[2];
        if (zk_word_classes[c].needs_value && !has_value) {
            st = zk_tsv_error(&t, &l, 2, err, "this word class needs a value", l.field[1]);
            break;
        }
        const char *w = l.field[0];
        if ((zk_word_classes[c].bit & ZK_W_INDEXED) && count_chars(w) > ZK_CLASS_SUFFIX_MAX) {
            st = zk_tsv_error(&t, &l, 0, err, "a word of this class may have at most 32 characters",
                              l.field[1]);
            break;
        }
        int32_t idx = zk_trie_get(r->word_trie, w, strlen(w));
        if (idx < 0) {
            if (r->nwords == r->capwords) {
                r->capwords = r->capwords ? r->capwords * 2 : 256;
                r->words = zk_xrealloc(r->words, r->capwords * sizeof *r->words);
            }
            idx = (int32_t)r->nwords++;
            memset(&r->words[idx], 0, sizeof r->words[idx]);
            r->words[idx].word = zk_xstrdup(w);
            zk_trie_add(r->word_trie, w, strlen(w), idx);
        }
        zk_word *wd = &r->words[idx];
        unsigned bit = zk_word_classes[c].bit;
        int ci = zk_word_class_index(bit);
        if (wd->classes & bit) {
            st = zk_tsv_error(&t, &l, 1, err, "word already has this class", w);
            break;
        }
        wd->classes |= bit;
        wd->value[ci] = has_value ? zk_xstrdup(l.field[2]) : NULL;
        zk_rules_scan_add(r, w, strlen(w), ZK_SCAN_WORD, idx);
        if (bit & ZK_W_INDEXED)
            class_add(r, ci, w, idx);
    }
    zk_tsv_close(&t);
    return st;
}

zk_status zk_rules_load_suffixes(zk_rules *r, const char *path, zk_error *err)
{
    zk_tsv t;
    zk_status st = zk_tsv_open(path, &t, err);
    if (st)
        return st;
    zk_tsv_line l;
    while (zk_tsv_next(&t, &l)) {
        if ((st = expect_fields(&t, &l, 4, "suffix, type, min_body, anchor", err)) ||
            (st = check_nonempty(&t, &l, 0, "empty suffix", err)))
            break;
        if (!zk_rules_valid_type(l.field[1])) {
            st = zk_tsv_error(&t, &l, 1, err, "unknown entity type", l.field[1]);
            break;
        }
        char *end;
        long mb = strtol(l.field[2], &end, 10);
        if (*l.field[2] == '\0' || *end != '\0' || mb < 0 || mb > 20) {
            st = zk_tsv_error(&t, &l, 2, err, "min_body must be a number 0..20", l.field[2]);
            break;
        }
        int anchored = strcmp(l.field[3], "known") == 0;
        if (!anchored && strcmp(l.field[3], "any") != 0) {
            st = zk_tsv_error(&t, &l, 3, err, "anchor must be any or known", l.field[3]);
            break;
        }
        if (zk_trie_get(r->suffix_trie, l.field[0], strlen(l.field[0])) >= 0) {
            st = zk_tsv_error(&t, &l, 0, err, "duplicate suffix", l.field[0]);
            break;
        }
        if (r->nsuffixes == r->capsuffixes) {
            r->capsuffixes = r->capsuffixes ? r->capsuffixes * 2 : 64;
            r->suffixes = zk_xrealloc(r->suffixes, r->capsuffixes * sizeof *r->suffixes);
        }
        zk_suffix *s = &r->suffixes[r->nsuffixes];
        s->suffix = zk_xstrdup(l.field[0]);
        s->type = zk_xstrdup(l.field[1]);
        s->min_body = (int)mb;
        s->anchored = anchored;
        if (zk_trie_add(r->suffix_trie, s->suffix, strlen(s->suffix), (int32_t)r->nsuffixes) < 0)
            zk_rules_scan_add(r, s->suffix, strlen(s->suffix), ZK_SCAN_SUFFIX,
                              (int32_t)r->nsuffixes);
        r->nsuffixes++;
    }
    zk_tsv_close(&t);
    return st;
}

const zk_word *zk_rules_word(const zk_rules *r, const char *s, size_t n)
{
    int32_t i = zk_trie_get(r->word_trie, s, n);
    return i < 0 ? NULL : &r->words[i];
}

zk_status zk_rules_load_common(zk_rules *r, const char *path, zk_error *err)
{
    zk_tsv t;
    zk_status st = zk_tsv_open(path, &t, err);
    if (st)
        return st;
    zk_tsv_line l;
    zk_buf added; /* the new words, each followed by a NUL */
    zk_buf_init(&added);
    zk_trie *verbs = zk_trie_new(); /* the frequent verbs among them */
    while (zk_tsv_next(&t, &l)) {
        if ((st = expect_fields(&t, &l, 3, "word, frequency, part of speech", err)) ||
            (st = check_nonempty(&t, &l, 0, "empty word", err)))
            break;
        char *end;
        long f = strtol(l.field[1], &end, 10);
        if (*l.field[1] == '\0' || *end != '\0' || f < 0 || f > 2000000000L) {
            st = zk_tsv_error(&t, &l, 1, err, "frequency must be a number", l.field[1]);
            break;
        }
        if (f > ZK_COMMON_FREQ_MAX)
            f = ZK_COMMON_FREQ_MAX;
        int32_t v = (int32_t)f | (strcmp(l.field[2], "v") == 0 ? ZK_COMMON_VERB : 0);
        if (zk_trie_add(r->common_trie, l.field[0], strlen(l.field[0]), v) < 0) {
            zk_buf_append(&added, l.field[0], strlen(l.field[0]) + 1);
            if (ZK_COMMON_IS_BOUNDARY_VERB(v))
                zk_trie_add(verbs, l.field[0], strlen(l.field[0]), 1);
        }
    }
    zk_tsv_close(&t);
    /* the frequent verbs and the words that begin with one (rules.h) */
    for (size_t p = 0; !st && p < added.len;) {
        const char *w = added.data + p;
        size_t n = strlen(w);
        zk_trie_match m[1];
        if (zk_trie_prefixes(verbs, w, n, m, 1))
            zk_rules_scan_add(r, w, n, ZK_SCAN_VERB, zk_trie_get(r->common_trie, w, n));
        p += n + 1;
    }
    zk_trie_free(verbs);
    zk_buf_free(&added);
    return st;
}

int zk_rules_common(const zk_rules *r, const char *s, size_t n)
{
    return zk_trie_get(r->common_trie, s, n) >= 0;
}
