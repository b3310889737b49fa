/*
 * rules_rel.c - loading relation rules (relations.tsv) into PCRE2 patterns.
 *
 * A relation rule is a regular expression (PCRE2 syntax) over the *tagged*
 * sentence, in which every entity mention has been replaced by a marker
 * such as <company#3> (type and mention number).  Macros in braces expand
 * to marker patterns: {city} {park} {agency} {company} {institution}, {org}
 * (company, institution or agency), {place} (city or park) and {ent} (any
 * entity); "@define NAME REGEX" lines add user macros.  Named groups pick
 * the roles: (?<src>...) (?<dst>...) (?<parties>...) (?<origin>...)
 * (?<title>...).  Every marker inside a role group is an argument.
 */
#include "rules.h"
#include "rules_io.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define MAX_MACROS 128

typedef struct zk_macro {
    char *name;
    char *body;
} zk_macro;

typedef struct zk_macros {
    zk_macro m[MAX_MACROS];
    size_t n;
} zk_macros;

static const char *const builtin[][2] = {
    {"ent", "<(?!topic#)[a-z_]+#[0-9]+\\*?>"},
    {"city", "<city#[0-9]+\\*?>"},
    {"park", "<park#[0-9]+\\*?>"},
    {"agency", "<agency#[0-9]+\\*?>"},
    {"company", "<company#[0-9]+\\*?>"},
    {"institution", "<institution#[0-9]+\\*?>"},
    {"org", "<(?:company|institution|agency)#[0-9]+\\*?>"},
    {"place", "<(?:city|park)#[0-9]+\\*?>"},
    {"group", "<[a-z_]+#[0-9]+\\*>"},
    {"topic", "<topic#[0-9]+>"},
};

static const char *macro_body(const zk_macros *ms, const char *name, size_t n)
{
    for (size_t i = ms->n; i-- > 0;)
        if (strlen(ms->m[i].name) == n && memcmp(ms->m[i].name, name, n) == 0)
            return ms->m[i].body;
    for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
        if (strlen(builtin[i][0]) == n && memcmp(builtin[i][0], name, n) == 0)
            return builtin[i][1];
    return NULL;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (c >= '0' && c <= '9');
}

/* Expand {macro} references; on an unknown macro set *bad to its offset. */
static char *expand(const zk_macros *ms, const char *src, long *bad)
{
    zk_buf b;
    zk_buf_init(&b);
    *bad = -1;
    for (const char *p = src; *p;) {
        if (*p == '\\' && p[1]) {
            zk_buf_append(&b, p, 2);
            p += 2;
            continue;
        }
        if (*p == '{' && ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '_')) {
            const char *q = p + 1;
            while (is_name_char(*q))
                q++;
            if (*q == '}') {
                const char *body = macro_body(ms, p + 1, (size_t)(q - p - 1));
                if (!body) {
                    *bad = (long)(p - src);
                    zk_buf_free(&b);
                    return NULL;
                }
                zk_buf_puts(&b, "(?:");
                zk_buf_puts(&b, body);
                zk_buf_puts(&b, ")");
                p = q + 1;
                continue;
            }
        }
        zk_buf_putc(&b, *p++);
    }
    return b.data;
}

static long char_col(const char *s, size_t byte)
{
    long col = 1;
    for (size_t i = 0; i < byte && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    return col;
}

void zk_needs_scan(const zk_rules *r, const char *s, size_t len, unsigned char *seen)
{
    memset(seen, 0, r->nneeds);
    if (!r->nneeds)
        return;
    /* most characters start no needs word: test them in the trie's map
     * of first characters before walking it */
    const uint8_t *first = zk_trie_first_map(r->needs_trie);
    for (size_t p = 0, k; p < len; p += k) {
        k = 1;
        if (((unsigned char)s[p] & 0xC0) == 0x80)
            continue;
        uint32_t cp;
        if (!(k = zk_utf8_decode(s + p, len - p, &cp)) || cp > 0xFFFF) {
            k = k ? k : 1;
            cp = 0xFFFF;
        }
        if (!((first[cp >> 3] >> (cp & 7)) & 1))
            continue;
        zk_trie_match m[16];
        size_t nm = zk_trie_prefixes(r->needs_trie, s + p, len - p, m, 16);
        for (size_t i = 0; i < nm; i++)
            seen[m[i].value] = 1;
    }
}

void zk_needs_free(zk_needs *nd)
{
    for (size_t i = 0; i < nd->n; i++)
        free(nd->w[i]);
    free(nd->w);
    free(nd->id);
    nd->w = NULL;
    nd->id = NULL;
    nd->n = 0;
}

/* Give each word of nd its number in r->needs_trie. */
static void number_needs(zk_rules *r, zk_needs *nd)
{
    if (!nd->n)
        return;
    if (!r->needs_trie)
        r->needs_trie = zk_trie_new();
    nd->id = zk_xmalloc(nd->n * sizeof *nd->id);
    for (size_t i = 0; i < nd->n; i++) {
        int32_t old = zk_trie_add(r->needs_trie, nd->w[i], strlen(nd->w[i]),
                                  (int32_t)r->nneeds);
        if (old < 0)
            zk_rules_scan_add(r, nd->w[i], strlen(nd->w[i]), ZK_SCAN_NEEDS, (int32_t)r->nneeds);
        nd->id[i] = old >= 0 ? old : (int32_t)r->nneeds++;
    }
}

/* Parse "a|b|c" into nd; 0 on success, -1 on an empty word. */
static int parse_needs(const char *f, zk_needs *nd)
{
    nd->w = NULL;
    nd->id = NULL;
    nd->n = 0;
    for (const char *p = f;;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == 0) {
            zk_needs_free(nd);
            return -1;
        }
        nd->w = zk_xrealloc(nd->w, (nd->n + 1) * sizeof *nd->w);
        nd->w[nd->n++] = zk_xstrndup(p, n);
        if (!bar)
            return 0;
        p = bar + 1;
    }
}

zk_status zk_rules_load_relations(zk_rules *r, const char *path, zk_error *err)
{
    zk_tsv t;
    zk_status st = zk_tsv_open(path, &t, err);
    if (st)
        return st;
    zk_macros *ms = zk_xcalloc(1, sizeof *ms);
    zk_tsv_line l;
    while (zk_tsv_next(&t, &l)) {
        if (strcmp(l.field[0], "@define") == 0) {
            if (l.nfields != 3) {
                st = zk_tsv_error(&t, &l, 0, err,
                                  "expected @define TAB NAME TAB PATTERN", NULL);
                break;
            }
            const char *nm = l.field[1];
            int ok = *nm != '\0';
            for (const char *p = nm; *p; p++)
                ok &= is_name_char(*p);
            if (!ok) {
                st = zk_tsv_error(&t, &l, 1, err, "bad macro name", nm);
                break;
            }
            if (ms->n == MAX_MACROS) {
                st = zk_tsv_error(&t, &l, 0, err, "too many macros", NULL);
                break;
            }
            long bad;
            char *body = expand(ms, l.field[2], &bad);
            if (!body) {
                st = zk_error_set(err, ZK_ERR_RULES, path, (long)l.lineno,
                                  zk_tsv_col(&l, 2) + char_col(l.field[2], (size_t)bad) - 1,
                                  -1, "unknown macro");
                break;
            }
            ms->m[ms->n].name = zk_xstrdup(nm);
            ms->m[ms->n].body = body;
            ms->n++;
            continue;
        }
        if (l.nfields != 4 && l.nfields != 5) {
            st = zk_tsv_error(&t, &l, l.nfields < 4 ? 0 : 5, err,
                              "expected 4 or 5 tab-separated fields (id, type, mode, "
                              "pattern, needs)",
                              NULL);
            break;
        }

        if (!*l.field[0] || !*l.field[1]) {
            st = zk_tsv_error(&t, &l, *l.field[0] ? 1 : 0, err, "empty id or type", NULL);
            break;
        }
        for (const char *p = l.field[1]; *p; p++)
            if (!is_name_char(*p)) {
                st = zk_tsv_error(&t, &l, 1, err,
                                  "relation type must be letters, digits or _", l.field[1]);
                break;
            }
        if (st)
            break;
        zk_rel_mode mode;
        if (strcmp(l.field[2], "pairs") == 0)
            mode = ZK_MODE_PAIRS;
        else if (strcmp(l.field[2], "clique") == 0)
            mode = ZK_MODE_CLIQUE;
        else if (strcmp(l.field[2], "star") == 0)
            mode = ZK_MODE_STAR;
        else {
            st = zk_tsv_error(&t, &l, 2, err, "mode must be pairs, clique or star", l.field[2]);
            break;
        }
        for (size_t i = 0; i < r->nrels; i++)
            if (strcmp(r->rels[i].id, l.field[0]) == 0) {
                st = zk_tsv_error(&t, &l, 0, err, "duplicate rule id", l.field[0]);
                break;
            }
        if (st)
            break;
        long bad;
        char *pat = expand(ms, l.field[3], &bad);
        if (!pat) {
            st = zk_error_set(err, ZK_ERR_RULES, path, (long)l.lineno,
                              zk_tsv_col(&l, 3) + char_col(l.field[3], (size_t)bad) - 1, -1,
                              "unknown macro");
            break;
        }
        int ec;
        PCRE2_SIZE eoff;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                         PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec, &eoff, NULL);
        free(pat);
        if (!code) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(ec, msg, sizeof msg);
            st = zk_error_set(err, ZK_ERR_RULES, path, (long)l.lineno, zk_tsv_col(&l, 3), -1,
                              "bad pattern: %s", (const char *)msg);
            break;
        }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        int need_src = mode == ZK_MODE_PAIRS;
        int has_src = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "src") > 0;
        int has_dst = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "dst") > 0;
        int has_parties = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "parties") > 0;
        if ((need_src && !(has_src && has_dst)) || (!need_src && !has_parties)) {
            pcre2_code_free(code);
            st = zk_tsv_error(&t, &l, 3, err,
                              need_src ? "mode pairs needs groups (?<src>...) and (?<dst>...)"
                                       : "modes clique and star need a group (?<parties>...)",
                              NULL);
            break;
        }
        zk_needs needs = {0};
        if (l.nfields == 5 && parse_needs(l.field[4], &needs) != 0) {
            pcre2_code_free(code);
            st = zk_tsv_error(&t, &l, 4, err, "needs: words separated by |, none empty", NULL);
            break;
        }
        if (r->nrels == r->caprels) {
            r->caprels = r->caprels ? r->caprels * 2 : 32;
            r->rels = zk_xrealloc(r->rels, r->caprels * sizeof *r->rels);
        }
        zk_rel_rule *rr = &r->rels[r->nrels++];
        rr->id = zk_xstrdup(l.field[0]);
        rr->type = zk_xstrdup(l.field[1]);
        rr->mode = mode;
        rr->source = zk_xstrdup(l.field[3]);
        rr->code = code;
        rr->needs = needs;
        number_needs(r, &rr->needs);
    }
    for (size_t i = 0; i < ms->n; i++) {
        free(ms->m[i].name);
        free(ms->m[i].body);
    }
    free(ms);
    zk_tsv_close(&t);
    return st;
}

/* entities.tsv: id TAB type TAB pattern, each pattern with a (?<name>...)
 * group; macros are not available (the pattern sees plain text). */
zk_status zk_rules_load_entities(zk_rules *r, const char *path, zk_error *err)
{
    zk_tsv t;
    zk_status st = zk_tsv_open(path, &t, err);
    if (st)
        return st;
    zk_tsv_line l;
    while (zk_tsv_next(&t, &l)) {
        if (l.nfields != 3 && l.nfields != 4) {
            st = zk_tsv_error(&t, &l, l.nfields < 3 ? 0 : 4, err,
                              "expected 3 or 4 tab-separated fields (id, type, pattern, needs)",
                              NULL);
            break;
        }
        if (!zk_rules_valid_type(l.field[1])) {
            st = zk_tsv_error(&t, &l, 1, err, "unknown entity type", l.field[1]);
            break;
        }
        int ec;
        PCRE2_SIZE eoff;
        pcre2_code *code = pcre2_compile((PCRE2_SPTR)l.field[2], PCRE2_ZERO_TERMINATED,
                                         PCRE2_UTF | PCRE2_UCP, &ec, &eoff, NULL);
        if (!code) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(ec, msg, sizeof msg);
            st = zk_error_set(err, ZK_ERR_RULES, path, (long)l.lineno,
                              zk_tsv_col(&l, 2) + char_col(l.field[2], eoff) - 1, -1,
                              "bad pattern: %s", (const char *)msg);
            break;
        }
        if (pcre2_substring_number_from_name(code, (PCRE2_SPTR) "name") <= 0) {
            pcre2_code_free(code);
            st = zk_tsv_error(&t, &l, 2, err, "pattern needs a group (?<name>...)", NULL);
            break;
        }
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        zk_needs needs = {0};
        if (l.nfields == 4 && parse_needs(l.field[3], &needs) != 0) {
            pcre2_code_free(code);
            st = zk_tsv_error(&t, &l, 3, err, "needs: words separated by |, none empty", NULL);
            break;
        }
        if (r->nents == r->capents) {
            r->capents = r->capents ? r->capents * 2 : 16;
            r->ents = zk_xrealloc(r->ents, r->capents * sizeof *r->ents);
        }
        zk_ent_rule *er = &r->ents[r->nents++];
        er->id = zk_xstrdup(l.field[0]);
        er->type = zk_xstrdup(l.field[1]);
        er->code = code;
        er->needs = needs;
        number_needs(r, &er->needs);
    }
    zk_tsv_close(&t);
    return st;
}
