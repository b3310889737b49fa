/*
 * ner.c - entity mentions: gazetteer names, suffix-rule names, aliases.
 *
 * Two passes over the document.  Pass 1 finds full names (lexicon forms
 * and suffix-rule names) and learns the document's own aliases: forms
 * introduced by 以下简称/简称, and short forms derived from a full company
 * name (place prefix, brackets, suffix and generic descriptors removed:
 * 天津中科谱光信息技术有限公司 -> 中科谱光).  Pass 2 finds every mention
 * again, now with those aliases, plus group words (三地), one-character
 * place forms in context (来津), references (该公司) and the home city
 * (我市), and resolves overlaps: the longest span wins, then the rule
 * priority (lexicon name > suffix rule > alias).
 *
 * The tricky part is the left edge of a suffix-rule name (extract/edge.c).
 */
#include "ner.h"
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void zk_cands_push(zk_cands *c, const zk_cand *x)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->v = zk_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = *x;
}

static void dyn_add(zk_ner *s, const char *surface, size_t n, const char *canon,
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

static int cmp_cand(const void *a, const void *b)
{
    const zk_cand *x = a, *y = b;
    size_t lx = x->end - x->start, ly = y->end - y->start;
    if (lx != ly)
        return lx > ly ? -1 : 1;
    if (x->prio != y->prio)
        return x->prio > y->prio ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_start(const void *a, const void *b)
{
    const zk_cand *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Keep the best non-overlapping candidates, in text order. */
static void resolve(zk_cands *c)
{
    if (c->n == 0)
        return;
    /* A block (a region such as 京津冀, a phrase that is never a name) kills
     * every candidate that overlaps it without covering it whole. */
    for (size_t b = 0; b < c->n; b++) {
        if (c->v[b].kind != ZK_K_BLOCK)
            continue;
        for (size_t i = 0; i < c->n; i++) {
            zk_cand *x = &c->v[i];
            if (x->kind == ZK_K_BLOCK || x->end <= c->v[b].start || x->start >= c->v[b].end)
                continue;
            if (!(x->start <= c->v[b].start && x->end >= c->v[b].end))
                x->prio = -1;
        }
    }
    size_t kept = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i].prio < 0)
            free(c->v[i].owned);
        else
            c->v[kept++] = c->v[i];
    }
    c->n = kept;
    qsort(c->v, c->n, sizeof *c->v, cmp_cand);
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        int ok = 1;
        for (size_t j = 0; j < k && ok; j++)
            ok = c->v[i].end <= c->v[j].start || c->v[i].start >= c->v[j].end;
        if (ok)
            c->v[k++] = c->v[i];
        else
            free(c->v[i].owned);
    }
    c->n = k;
    qsort(c->v, c->n, sizeof *c->v, cmp_start);
}

/* Alias introduced right after a name: （以下简称“X”）, ，简称X. */
static void learn_intro_alias(zk_ner *s, const zk_cand *c, size_t send)
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
        dyn_add(s, txt + p, q - p, c->canon, c->type);
}

/* Short forms of a suffix-rule company name, tried against the rest of the
 * document: strip a leading place, bracket groups, the suffix, then
 * trailing generic descriptors one by one. */
/* Abbreviations of a park, agency or institution name as Chinese news
 * forms them, tried against the rest of the document: the first two
 * characters and the last one (天开高教科创园 -> 天开园), and the place in
 * its short form with the suffix (北京市知识产权保护中心 -> 北京保护中心). */
static void learn_abbreviations(zk_ner *s, const zk_cand *c)
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
            dyn_add(s, b.data, b.len, c->canon, c->type);
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
                dyn_add(s, b.data, b.len, c->canon, c->type);
        }
    }
    zk_buf_free(&b);
}

static void learn_short_forms(zk_ner *s, const zk_cand *c)
{
    if (strcmp(c->type, "company") != 0) {
        learn_abbreviations(s, c);
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
                dyn_add(s, core.data, core.len, c->canon, c->type);
        }
        /* find the longest generic word ending the core */
        size_t cut = 0;
        for (size_t i = 0; i < core.len; i++) {
            if (((unsigned char)core.data[i] & 0xC0) == 0x80)
                continue;
            const zk_word *w = zk_rules_word(s->r, core.data + i, core.len - i);
            if (w && (w->classes & ZK_W_GENERIC)) {
                cut = core.len - i;
                break;
            }
        }
        if (!cut)
            break;
        core.len -= cut;
        core.data[core.len] = '\0';
    }
    zk_buf_free(&core);
}

/* 宝坻京津中关村科技城 is 京津中关村科技城 with its place in front: when a
 * suffix name minus leading places is another name of the document, the
 * longer form becomes an alias of that name. */
static void learn_place_prefixed(zk_ner *s, const zk_cands *names)
{
    const zk_rules *r = s->r;
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
        for (size_t j = 0; j < names->n; j++) {
            const zk_cand *y = &names->v[j];
            if (j != i && strcmp(y->owned, nm + p) == 0 && strcmp(y->type, x->type) == 0) {
                dyn_add(s, nm, n, y->canon, y->type);
                break;
            }
        }
    }
}

static const char *home_city(const zk_ner *s)
{
    return s->home;
}

static int type_fits(const char *want, const char *type)
{
    if (strcmp(want, "org") == 0)
        return strcmp(type, "company") == 0 || strcmp(type, "institution") == 0 ||
               strcmp(type, "agency") == 0;
    return strcmp(want, type) == 0;
}

/* A reference (该公司, 这座工厂) means the first entity of a compatible type
 * in the nearest earlier sentence that has one (the subject of the
 * sentence before, in the simplest case), looking back no further than the
 * previous paragraph. */
static long resolve_coref(const zk_ner *s, const char *want, size_t sent)
{
    size_t para = s->t->sent[sent].para;
    long found = -1;
    size_t found_sent = 0;
    for (size_t i = s->d->nmen; i-- > 0;) {
        const zk_mention *m = &s->d->men[i];
        if (s->t->sent[m->sentence].para + 1 < para)
            break;
        if (found >= 0 && m->sentence != found_sent)
            break;
        if (type_fits(want, s->d->ent[m->entity].type)) {
            found = (long)m->entity;
            found_sent = m->sentence;
        }
    }
    return found;
}

/* The doc entity of type agency/institution standing for place `place` in
 * a group reference: its name starts with the place (北京市…, or 北京… for
 * 北京市).  With tail != NULL the name must end with the first k >= 2
 * characters of tail (三地保护中心 -> …保护中心); returns the best k in *klen. */
static long member_org(const zk_ner *s, const char *place, const char *tail, size_t tlen,
                       size_t first_sent, size_t last_sent, size_t *klen)
{
    size_t pl = strlen(place), pshort = pl;
    if (pl > 3)
        pshort = pl - zk_utf8_prev(place, pl);
    long best = -1;
    size_t bestk = 0;
    for (size_t i = 0; i < s->d->nmen; i++) {
        const zk_mention *m = &s->d->men[i];
        if (m->sentence < first_sent || m->sentence > last_sent)
            continue;
        const zk_entity *e = &s->d->ent[m->entity];
        if (strcmp(e->type, "agency") != 0 && strcmp(e->type, "institution") != 0)
            continue;
        size_t n = strlen(e->name);
        if (strncmp(e->name, place, pshort) != 0 || n <= pl)
            continue;
        if (!tail) {
            /* 北京市知识产权局 (the full place) beats 北京经济技术开发区… */
            size_t k = strncmp(e->name, place, pl) == 0 ? 2 : 1;
            if (k > bestk) {
                bestk = k;
                best = (long)m->entity;
            }
            continue;
        }
        for (size_t k = tlen; k >= 6; k--) {
            if (k <= n && memcmp(e->name + n - k, tail, k) == 0 && k > bestk) {
                bestk = k;
                best = (long)m->entity;
                break;
            }
        }
    }
    if (klen)
        *klen = bestk;
    return best;
}

/* Resolve a group word (三地, 京津) to the organisations of its places when
 * the passage names them: "三地保护中心" -> the three 保护中心 of the
 * document; "京津冀三地签署…" right after a sentence listing one agency per
 * place (within 8 sentences) -> those agencies.  Else the places. */
static void resolve_group(zk_ner *s, size_t si, const zk_cand *x, zk_marker *mk)
{
    const char *txt = s->t->norm;
    size_t se = s->t->sent[si].end;
    char members[ZK_MARK_MAXENT][64];
    size_t nmem = 0;
    for (const char *v = x->value; *v && nmem < ZK_MARK_MAXENT;) {
        const char *bar = strchr(v, '|');
        size_t n = bar ? (size_t)(bar - v) : strlen(v);
        if (n >= sizeof members[0])
            n = sizeof members[0] - 1;
        memcpy(members[nmem], v, n);
        members[nmem++][n] = '\0';
        v += n + (bar ? 1 : 0);
    }
    long orgs[ZK_MARK_MAXENT];
    size_t found = 0;
    /* 1. group + the tail of organisation names */
    size_t tlen = 0;
    while (x->end + tlen < se && tlen < 24) {
        uint32_t cp;
        size_t k = zk_utf8_decode(txt + x->end + tlen, se - x->end - tlen, &cp);
        if (!k || !zk_is_han(cp))
            break;
        tlen += k;
    }
    for (size_t i = 0; tlen >= 6 && i < nmem; i++) {
        size_t k;
        orgs[i] = member_org(s, members[i], txt + x->end, tlen, 0, si, &k);
        found += orgs[i] >= 0;
    }
    /* 2. group + verb, after a sentence listing the organisations */
    if (found < nmem) {
        found = 0;
        zk_trie_match m[8];
        size_t nm = zk_trie_prefixes(s->r->word_trie, txt + x->end, se - x->end, m, 8);
        int verb = 0;
        for (size_t i = 0; i < nm; i++)
            verb |= (s->r->words[m[i].value].classes & ZK_W_BOUNDARY) != 0;
        for (size_t back = 1; verb && back <= 8 && back <= si && found < nmem; back++) {
            found = 0;
            for (size_t i = 0; i < nmem; i++) {
                orgs[i] = member_org(s, members[i], NULL, 0, si - back, si - back, NULL);
                found += orgs[i] >= 0;
            }
        }
    }
    for (size_t i = 0; i < nmem; i++)
        mk->ent[mk->nent++] = found == nmem ? (size_t)orgs[i]
                                            : zk_doc_entity(s->d, members[i], "city");
    if (found == nmem)
        mk->type = s->d->ent[orgs[0]].type;
}

/* Abbreviated endings (words of class expand): 北京市发改委 is also
 * 北京市发展和改革委员会, 中国科学院高能物理所 also …高能物理研究所.  The
 * full form becomes an alias, so the graph merges it with that name. */
static void add_expansions(zk_ner *s, size_t ent, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)name[i] & 0xC0) == 0x80)
            continue;
        const zk_word *w = zk_rules_word(s->r, name + i, n - i);
        if (!w || !(w->classes & ZK_W_EXPAND) || i == 0)
            continue;
        const char *full = w->value[13];
        size_t fl = strlen(full);
        if (n >= fl && strcmp(name + n - fl, full) == 0)
            continue;
        zk_buf b;
        zk_buf_init(&b);
        zk_buf_append(&b, name, i);
        zk_buf_puts(&b, full);
        zk_doc_entity_alias(s->d, ent, b.data);
        zk_buf_free(&b);
        return;
    }
}

static void add_mention(zk_ner *s, size_t ent, size_t sent, const zk_cand *c)
{
    zk_doc *d = s->d;
    if (d->nmen == d->capmen) {
        d->capmen = d->capmen ? d->capmen * 2 : 64;
        d->men = zk_xrealloc(d->men, d->capmen * sizeof *d->men);
    }
    zk_mention *m = &d->men[d->nmen++];
    m->entity = ent;
    m->sentence = sent;
    m->nstart = c->start;
    m->nend = c->end;
    m->start = s->t->map[c->start];
    m->end = s->t->map[c->end];
    m->surface = zk_xstrndup(s->t->norm + c->start, c->end - c->start);
    m->rule = zk_xstrdup(c->rule);
    d->ent[ent].mentions++;
}

static void marker_push(zk_sent_marks *sm, const zk_marker *mk)
{
    sm->m = zk_xrealloc(sm->m, (sm->n + 1) * sizeof *sm->m);
    sm->m[sm->n++] = *mk;
}

/* Turn the chosen candidates of one sentence into mentions and markers. */
/* A park name written after the full names of its places
 * (广东汕尾市红海湾绿色制造产业园, 武清区高村科技创新园) is the park; the
 * places are mentions of their own, so that the tagged sentence reads
 * <city#0><city#1><park#2> and a located_in rule can link them.  Only full
 * administrative forms are split off (天津滨海高新技术产业开发区 keeps its
 * 天津), and never a new area (雄安新区中关村科技园).  Returns the byte
 * offset where the park itself begins, or x->start. */
static size_t split_place_prefix(zk_ner *s, const zk_cand *x)
{
    const zk_rules *r = s->r;
    const char *txt = s->t->norm;
    size_t p = x->start, split = x->start;
    while (p < x->suffix_start) {
        zk_trie_match m[8];
        size_t nm = zk_trie_prefixes(r->lex_trie, txt + p, x->suffix_start - p, m, 8);
        if (!nm)
            break;
        const zk_lex_form *f = &r->forms[m[nm - 1].value];
        const zk_lex_entry *e = &r->lex[f->entry];
        if (strcmp(e->type, "city") != 0)
            break;
        p += m[nm - 1].len;
        size_t n = strlen(e->name);
        if (!f->is_alias && !(n >= 6 && strcmp(e->name + n - 6, "新区") == 0))
            split = p;
    }
    size_t chars = 0;
    for (size_t i = split; i < x->end; i++)
        chars += ((unsigned char)txt[i] & 0xC0) != 0x80;
    return chars >= 5 ? split : x->start;
}

static void commit_one(zk_ner *s, size_t si, zk_cand *x, zk_sent_marks *sm);

static void commit(zk_ner *s, size_t si, zk_cands *c, zk_sent_marks *sm)
{
    for (size_t i = 0; i < c->n; i++) {
        zk_cand *x = &c->v[i];
        if (x->kind == ZK_K_NAME && x->from_suffix && strcmp(x->type, "park") == 0) {
            size_t split = split_place_prefix(s, x);
            if (split > x->start) {
                /* the places, one marker each, then the park */
                for (size_t p = x->start; p < split;) {
                    zk_trie_match m[8];
                    size_t nm = zk_trie_prefixes(s->r->lex_trie, s->t->norm + p, split - p, m, 8);
                    const zk_lex_entry *e = &s->r->lex[s->r->forms[m[nm - 1].value].entry];
                    zk_cand pc = *x;
                    pc.start = p;
                    pc.end = p + m[nm - 1].len;
                    pc.type = e->type;
                    pc.canon = e->name;
                    pc.lex = e;
                    pc.from_suffix = 0;
                    pc.rule = "lexicon";
                    commit_one(s, si, &pc, sm);
                    p = pc.end;
                }
                char *name = zk_xstrndup(s->t->norm + split, x->end - split);
                zk_cand pk = *x;
                pk.start = split;
                pk.canon = name;
                commit_one(s, si, &pk, sm);
                free(name);
                continue;
            }
        }
        commit_one(s, si, x, sm);
    }
}

static void commit_one(zk_ner *s, size_t si, zk_cand *x, zk_sent_marks *sm)
{
    {
        zk_marker mk = {x->start, x->end, x->type, {0}, 0};
        if (x->kind == ZK_K_BLOCK)
            return;
        if (x->kind == ZK_K_GROUP) {
            resolve_group(s, si, x, &mk);
        } else if (x->kind == ZK_K_COREF) {
            long e = resolve_coref(s, x->value, si);
            if (e < 0)
                return;
            mk.ent[mk.nent++] = (size_t)e;
            mk.type = s->d->ent[e].type;
            add_mention(s, (size_t)e, si, x);
        } else if (x->kind == ZK_K_HOME) {
            const char *h = home_city(s);
            if (!h)
                return;
            mk.ent[mk.nent++] = zk_doc_entity(s->d, h, "city");
        } else {
            size_t e = zk_doc_entity(s->d, x->canon, x->type);
            char *surface = zk_xstrndup(s->t->norm + x->start, x->end - x->start);
            if (x->lex && strcmp(x->lex->type, "company") == 0)
                s->d->ent[e].lex_org = 1;
            if (strcmp(surface, x->canon) == 0)
                s->d->ent[e].canon_seen = 1;
            zk_doc_entity_alias(s->d, e, surface);
            if (x->from_suffix)
                add_expansions(s, e, surface);
            free(surface);
            mk.ent[mk.nent++] = e;
            mk.type = s->d->ent[e].type;
            add_mention(s, e, si, x);
        }
        marker_push(sm, &mk);
    }
}

/* Home city: a masthead word anywhere in the text, else the most
 * frequent province-level or prefecture name among pass-1 mentions. */
static void detect_home(zk_ner *s, zk_cands *all)
{
    const char *txt = s->t->norm;
    if (s->r->home_city) {
        s->home = s->r->home_city;
        return;
    }
    for (size_t p = 0; p < s->t->norm_len; p++) {
        if (((unsigned char)txt[p] & 0xC0) == 0x80)
            continue;
        zk_trie_match m[8];
        size_t nm = zk_trie_prefixes(s->r->word_trie, txt + p, s->t->norm_len - p, m, 8);
        for (size_t i = 0; i < nm; i++) {
            const zk_word *w = &s->r->words[m[i].value];
            if (w->classes & ZK_W_MASTHEAD) {
                s->home = w->value[12];
                return;
            }
        }
    }
    size_t best = 0;
    for (size_t i = 0; i < all->n; i++) {
        const zk_cand *x = &all->v[i];
        if (x->kind != ZK_K_NAME || strcmp(x->type, "city") != 0 || !x->lex)
            continue;
        if (x->lex->parent)
            continue; /* only top-level places */
        size_t cnt = 0;
        for (size_t j = 0; j < all->n; j++)
            cnt += all->v[j].lex == x->lex;
        if (cnt > best) {
            best = cnt;
            s->home = x->lex->name;
        }
    }
}

/* The topic of a passage: the organisation a sentence opens with (its
 * first marker, at most a short time phrase such as "2018年，" before it)
 * becomes the topic, and stays so for the following sentences until
 * another sentence opens with an organisation.  Relation rules reach it
 * with {topic}, for sentences whose subject is left out
 * (同时，与中国移动签署…; 培育出了载诚、中科海钠…). */
static void update_topic(zk_ner *s, size_t si, zk_sent_marks *sm)
{
    if (sm->n == 0 || s->t->sent[si].headline)
        return;
    const zk_marker *m = &sm->m[0];
    if (m->nent != 1 || strcmp(m->type, "city") == 0)
        return;
    size_t lead = m->start - s->t->sent[si].start;
    const char *txt = s->t->norm + s->t->sent[si].start;
    int ok = lead == 0;
    if (!ok && lead <= 24) {
        /* a short opening phrase ending in a comma: 2018年，目前， */
        const char *comma = NULL;
        for (size_t i = 0; i + 3 <= lead; i++)
            if (memcmp(txt + i, "，", 3) == 0)
                comma = txt + i + 3;
        ok = comma == txt + lead;
    }
    if (ok)
        sm->topic = (long)m->ent[0];
}

zk_sent_marks *zk_ner_run(const zk_rules *r, const zk_text *t, zk_doc *d)
{
    zk_ner s;
    memset(&s, 0, sizeof s);
    s.r = r;
    s.t = t;
    s.d = d;
    s.dyn_trie = zk_trie_new();
    zk_cands all = {0}, names = {0};

    /* Pass 1: full names and the aliases they introduce. */
    for (size_t si = 0; si < t->nsent; si++) {
        zk_cands c = {0};
        zk_ner_candidates(&s, si, 0, &c);
        resolve(&c);
        for (size_t i = 0; i < c.n; i++) {
            if (c.v[i].kind != ZK_K_NAME)
                continue;
            learn_intro_alias(&s, &c.v[i], t->sent[si].end);
            if (c.v[i].from_suffix)
                learn_short_forms(&s, &c.v[i]);
            if (c.v[i].from_suffix || c.v[i].lex) {
                zk_cand keep = c.v[i];
                keep.owned = zk_xstrndup(t->norm + keep.start, keep.end - keep.start);
                keep.canon = keep.lex ? keep.lex->name : keep.owned;
                zk_cands_push(&names, &keep);
            }
            zk_cand copy = c.v[i];
            copy.owned = NULL;
            copy.canon = NULL;
            zk_cands_push(&all, &copy);
        }
        for (size_t i = 0; i < c.n; i++)
            free(c.v[i].owned);
        free(c.v);
    }
    detect_home(&s, &all);
    free(all.v);
    learn_place_prefixed(&s, &names);
    for (size_t i = 0; i < names.n; i++)
        free(names.v[i].owned);
    free(names.v);

    /* Pass 2: every mention, in text order. */
    zk_sent_marks *marks = zk_xcalloc(t->nsent ? t->nsent : 1, sizeof *marks);
    for (size_t si = 0; si < t->nsent; si++) {
        d->sent[si].text = zk_xstrndup(t->norm + t->sent[si].start,
                                       t->sent[si].end - t->sent[si].start);
        d->sent[si].start = t->map[t->sent[si].start];
        d->sent[si].end = t->map[t->sent[si].end];
        zk_cands c = {0};
        zk_ner_candidates(&s, si, 1, &c);
        resolve(&c);
        commit(&s, si, &c, &marks[si]);
        marks[si].topic = si > 0 ? marks[si - 1].topic : -1;
        update_topic(&s, si, &marks[si]);
        for (size_t i = 0; i < c.n; i++)
            free(c.v[i].owned);
        free(c.v);
    }
    /* An organisation known to the lexicon is named by the longest form the
     * text uses (中石化 stays 中石化), so that labels are the article's. */
    for (size_t i = 0; i < d->nent; i++) {
        zk_entity *e = &d->ent[i];
        if (!e->lex_org || e->canon_seen || e->naliases == 0)
            continue;
        size_t best = 0;
        for (size_t j = 1; j < e->naliases; j++)
            if (strlen(e->aliases[j]) > strlen(e->aliases[best]))
                best = j;
        free(e->name);
        e->name = e->aliases[best];
        e->aliases[best] = e->aliases[--e->naliases];
    }
    free(s.last_run);
    for (size_t i = 0; i < s.ndyn; i++)
        free(s.dyn[i].canon);
    free(s.dyn);
    zk_trie_free(s.dyn_trie);
    return marks;
}

void zk_ner_marks_free(zk_sent_marks *m, size_t n)
{
    if (!m)
        return;
    for (size_t i = 0; i < n; i++)
        free(m[i].m);
    free(m);
}
