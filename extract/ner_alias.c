/*
 * ner_alias.c - the aliases a document teaches (zk_ner_dyn_add and the
 * zk_ner_learn_* functions): names introduced by 以下简称/简称, short forms
 * of company names (天津中科谱光信息技术有限公司 -> 中科谱光), abbreviations
 * of park and agency names (天开高教科创园 -> 天开园, 北京保护中心),
 * place-prefixed forms of a name (宝坻京津中关村科技城), and full forms of
 * abbreviated endings (北京市发改委 -> 北京市发展和改革委员会).  Each is only
 * used where it occurs again in the same document; none shadows a lexicon
 * form, a classed word or a common word.
 */
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void zk_ner_dyn_add(zk_ner *s, const char *surface, size_t n, const char *canon,
                    const char *type)
{
    if (n == 0)
        return;
    /* Never shadow a lexicon form or a word with a class. */
    if (zk_trie_get(s->r->lex_trie, surface, n) >= 0 || zk_rules_word(s->r, surface, n))
        return;
    if (s->ndyn == s->capdyn) {
        s->capdyn = s->capdyn ? s->capdyn * 2 : 32;
        s->dyn = zk_xrealloc(s->dyn, s->capdyn * sizeof *s->dyn);
    }
    if (zk_trie_add(s->dyn_trie, surface, n, (int32_t)s->ndyn) >= 0)
        return;
    s->dyn[s->ndyn].canon = zk_xstrdup(canon);
    s->dyn[s->ndyn].type = type;
    s->ndyn++;
}

/* Alias introduced right after a name: （以下简称“X”）, ，简称X. */
void zk_ner_learn_intro_alias(zk_ner *s, const zk_cand *c, size_t send)
{
    const char *txt = s->t->norm;
    size_t p = c->end;
    static const char *const opens[] = {"（", "(", "，", ","};
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(opens[i]);
        if (p + n <= send && memcmp(txt + p, opens[i], n) == 0) {
            p += n;
            break;
        }
    }
    zk_trie_match m[8];
    size_t nm = zk_trie_prefixes(s->r->word_trie, txt + p, send - p, m, 8);
    size_t best = 0;
    for (size_t i = 0; i < nm; i++)
        if (s->r->words[m[i].value].classes & ZK_W_ALIAS)
            best = m[i].len;
    if (!best)
        return;
    p += best;
    static const char *const quotes[] = {"“", "\"", "「", "‘"};
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(quotes[i]);
        if (p + n <= send && memcmp(txt + p, quotes[i], n) == 0) {
            p += n;
            break;
        }
    }
    size_t q = p, chars = 0;
    while (q < send && chars < 16) {
        uint32_t cp;
        size_t k = zk_utf8_decode(txt + q, send - q, &cp);
        if (!k || !(zk_is_han(cp) || (cp < 128 && (cp == '-' || (cp >= '0' && cp <= '9') ||
                                                    ((cp | 32) >= 'a' && (cp | 32) <= 'z'))) ||
                    cp == 0xB7))
            break;
        q += k;
        chars++;
    }
    if (chars >= 2 && chars < 16)
        zk_ner_dyn_add(s, txt + p, q - p, c->canon, c->type);
}

/* Short forms of a suffix-rule company name, tried against the rest of the
 * document: strip a leading place, bracket groups, the suffix, then
 * trailing generic descriptors one by one. */
/* Abbreviations of a park, agency or institution name as Chinese news
 * forms them, tried against the rest of the document: the first two
 * characters and the last one (天开高教科创园 -> 天开园), and the place in
 * its short form with the suffix (北京市知识产权保护中心 -> 北京保护中心). */
void zk_ner_learn_abbreviations(zk_ner *s, const zk_cand *c)
{
    const char *txt = s->t->norm;
    const zk_rules *r = s->r;
    size_t n = c->end - c->start;
    size_t chars = 0;
    for (size_t i = c->start; i < c->end; i++)
        chars += ((unsigned char)txt[i] & 0xC0) != 0x80;
    if (chars < 5)
        return;
    zk_buf b;
    zk_buf_init(&b);
    /* first two + last character */
    size_t two = 0;
    for (int k = 0; k < 2; k++) {
        uint32_t cp;
        size_t l = zk_utf8_decode(txt + c->start + two, n - two, &cp);
        if (!l || !zk_is_han(cp))
            break;
        two += l;
    }
    size_t lastlen = zk_utf8_prev(txt, c->end);
    if (two && two + lastlen < n) {
        zk_buf_append(&b, txt + c->start, two);
        zk_buf_append(&b, txt + c->end - lastlen, lastlen);
        if (!zk_rules_common(r, b.data, b.len))
            zk_ner_dyn_add(s, b.data, b.len, c->canon, c->type);
    }
    /* short place + suffix */
    zk_trie_match m[8];
    size_t nm = zk_trie_prefixes(r->lex_trie, txt + c->start, c->suffix_start - c->start, m, 8);
    if (nm && c->suffix_start > c->start) {
        const zk_lex_form *f = &r->forms[m[nm - 1].value];
        const zk_lex_entry *e = &r->lex[f->entry];
        size_t en = strlen(e->name), pl = m[nm - 1].len;
        if (strcmp(e->type, "city") == 0 && !f->is_alias && en > 3 &&
            c->start + pl < c->suffix_start) {
            b.len = 0;
            zk_buf_append(&b, e->name, en - zk_utf8_prev(e->name, en));
            zk_buf_append(&b, txt + c->suffix_start, c->end - c->suffix_start);
            if (!zk_rules_common(r, b.data, b.len))
                zk_ner_dyn_add(s, b.data, b.len, c->canon, c->type);
        }
    }
    zk_buf_free(&b);
}

void zk_ner_learn_short_forms(zk_ner *s, const zk_cand *c)
{
    if (strcmp(c->type, "company") != 0) {
        zk_ner_learn_abbreviations(s, c);
        return;
    }
    if (c->suffix_start <= c->start)
        return;
    const char *txt = s->t->norm;
    zk_buf core;
    zk_buf_init(&core);
    size_t p = c->start;
    /* leading place forms */
    for (int guard = 0; guard < 3; guard++) {
        zk_trie_match m[8];
        size_t nm = zk_trie_prefixes(s->r->lex_trie, txt + p, c->suffix_start - p, m, 8);
        size_t adv = 0;
        for (size_t i = 0; i < nm; i++) {
            const zk_lex_entry *e = &s->r->lex[s->r->forms[m[i].value].entry];
            if (strcmp(e->type, "city") == 0)
                adv = m[i].len;
        }
        if (!adv)
            break;
        p += adv;
    }
    int depth = 0;
    while (p < c->suffix_start) {
        uint32_t cp;
        size_t k = zk_utf8_decode(txt + p, c->suffix_start - p, &cp);
        if (!k)
            break;
        if (cp == 0xFF08 || cp == '(')
            depth++;
        else if ((cp == 0xFF09 || cp == ')') && depth > 0)
            depth--;
        else if (!depth)
            zk_buf_append(&core, txt + p, k);
        p += k;
    }
    /* peel trailing generic words */
    for (int round = 0; round < 4 && core.len > 0; round++) {
        size_t chars = 0;
        for (size_t i = 0; i < core.len; i++)
            chars += ((unsigned char)core.data[i] & 0xC0) != 0x80;
        if (chars >= 2 && chars <= 8) {
            const zk_word *w = zk_rules_word(s->r, core.data, core.len);
            if ((!w || !(w->classes & (ZK_W_GENERIC | ZK_W_BOUNDARY | ZK_W_DETERMINER))) &&
                !zk_rules_common(s->r, core.data, core.len))
                zk_ner_dyn_add(s, core.data, core.len, c->canon, c->type);
        }
        /* find the longest generic word ending the core */
        size_t cut = 0;
        zk_trie_match gm[ZK_CLASS_SUFFIX_MAX];
        size_t ng = zk_rules_class_suffixes(s->r, ZK_W_GENERIC, core.data, core.len, gm);
        cut = ng ? gm[ng - 1].len : 0;
        if (!cut)
            break;
        core.len -= cut;
        core.data[core.len] = '\0';
    }
    zk_buf_free(&core);
}

/* The names of zk_ner_learn_place_prefixed by text and type: the first
 * index of each (owned, type) pair, in an open-addressing table. */
typedef struct name_tab {
    size_t *slot;          /* index + 1; 0: empty */
    size_t cap;            /* a power of two */
} name_tab;

static uint64_t name_hash(const char *owned, const char *type)
{
    uint64_t h = zk_hash_table(owned, strlen(owned));
    return (h ^ zk_hash_table(type, strlen(type))) * UINT64_C(0x9E3779B97F4A7C15);
}

/* The first index of names whose text and type are owned and type, or
 * (size_t)-1. */
static size_t name_find(const name_tab *t, const zk_cands *names, const char *owned,
                        const char *type)
{
    for (size_t p = (size_t)(name_hash(owned, type) >> 32) & (t->cap - 1); t->slot[p];
         p = (p + 1) & (t->cap - 1)) {
        const zk_cand *y = &names->v[t->slot[p] - 1];
        if (strcmp(y->owned, owned) == 0 && strcmp(y->type, type) == 0)
            return t->slot[p] - 1;
    }
    return (size_t)-1;
}

static void name_tab_build(name_tab *t, const zk_cands *names)
{
    t->cap = 16;
    while (t->cap < 2 * names->n)
        t->cap *= 2;
    t->slot = zk_xcalloc(t->cap, sizeof *t->slot);
    for (size_t j = 0; j < names->n; j++) {
        const zk_cand *y = &names->v[j];
        size_t p = (size_t)(name_hash(y->owned, y->type) >> 32) & (t->cap - 1);
        for (; t->slot[p]; p = (p + 1) & (t->cap - 1)) {
            const zk_cand *z = &names->v[t->slot[p] - 1];
            if (strcmp(z->owned, y->owned) == 0 && strcmp(z->type, y->type) == 0)
                break; /* keep the first */
        }
        if (!t->slot[p])
            t->slot[p] = j + 1;
    }
}

/* 宝坻京津中关村科技城 is 京津中关村科技城 with its place in front: when a
 * suffix name minus leading places is another name of the document, the
 * longer form becomes an alias of that name (the first such name: found
 * through a table of the names, built when first needed). */
void zk_ner_learn_place_prefixed(zk_ner *s, const zk_cands *names)
{
    const zk_rules *r = s->r;
    name_tab tab = {NULL, 0};
    for (size_t i = 0; i < names->n; i++) {
        const zk_cand *x = &names->v[i];
        if (!x->from_suffix)
            continue;
        const char *nm = x->owned;
        size_t n = strlen(nm), p = 0;
        int full = 0;
        for (;;) {
            zk_trie_match m[8];
            size_t k = zk_trie_prefixes(r->lex_trie, nm + p, n - p, m, 8);
            if (!k || strcmp(r->lex[r->forms[m[k - 1].value].entry].type, "city") != 0)
                break;
            full |= !r->forms[m[k - 1].value].is_alias;
            p += m[k - 1].len;
        }
        if (full && strcmp(x->type, "park") == 0)
            continue; /* split_place_prefix() separates full place names */
        if (p == 0 || n - p < 9)
            continue;
        /* (a name is never its own proper tail: the first match is not i) */
        if (!tab.slot)
            name_tab_build(&tab, names);
        size_t j = name_find(&tab, names, nm + p, x->type);
        if (j != (size_t)-1)
            zk_ner_dyn_add(s, nm, n, names->v[j].canon, names->v[j].type);
    }
    free(tab.slot);
}

/* Abbreviated endings (words of class expand): 北京市发改委 is also
 * 北京市发展和改革委员会, 中国科学院高能物理所 also …高能物理研究所.  The
 * full form becomes an alias, so the graph merges it with that name. */
/* Expand name[0..n) at i, where word w of class expand begins; 1 if an
 * alias was added, 0 if the name already ends in the full form. */
static int expand_at(zk_ner *s, size_t ent, const char *name, size_t n, size_t i,
                     const zk_word *w)
{
    const char *full = w->value[13];
    size_t fl = strlen(full);
    if (n >= fl && strcmp(name + n - fl, full) == 0)
        return 0;
    zk_buf b;
    zk_buf_init(&b);
    zk_buf_append(&b, name, i);
    zk_buf_puts(&b, full);
    zk_doc_entity_alias(s->d, ent, b.data);
    zk_buf_free(&b);
    return 1;
}

void zk_ner_add_expansions(zk_ner *s, size_t ent, const char *name)
{
    size_t n = strlen(name);
    /* the words of class expand that end the name, longest first (the
     * leftmost start), from the class's reversed trie */
    zk_trie_match m[ZK_CLASS_SUFFIX_MAX];
    size_t nm = zk_rules_class_suffixes(s->r, ZK_W_EXPAND, name, n, m);
    for (size_t k = nm; k-- > 0;)
        if (m[k].len < n && /* (a whole name is not expanded) */
            expand_at(s, ent, name, n, n - m[k].len, &s->r->words[m[k].value]))
            return;
}
