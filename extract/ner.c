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
 * Aliases are learnt in ner_alias.c, references resolved in ner_ref.c,
 * candidate spans found in ner_cand.c (the tricky part: the left edge of a
 * suffix-rule name).
 */
#include "ner.h"
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void zk_cands_push(zk_cands *c, const zk_cand *x)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = zk_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    c->v[c->n++] = *x;
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

/* Sort c stably (equal candidates keep their order, as with glibc's
 * merge sort, so that the result is the same on every platform): by
 * insertion for the few candidates of a sentence, else by merging. */
static void sort_cands(zk_cands *c, int (*cmp)(const void *, const void *))
{
    if (c->n > 24) {
        zk_cand *tmp = zk_xmalloc(c->n * sizeof *tmp);
        for (size_t w = 1; w < c->n; w *= 2) {
            for (size_t lo = 0; lo < c->n; lo += 2 * w) {
                size_t mid = lo + w < c->n ? lo + w : c->n;
                size_t hi = lo + 2 * w < c->n ? lo + 2 * w : c->n;
                size_t i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                    tmp[k++] = cmp(&c->v[j], &c->v[i]) < 0 ? c->v[j++] : c->v[i++];
                while (i < mid)
                    tmp[k++] = c->v[i++];
                while (j < hi)
                    tmp[k++] = c->v[j++];
            }
            memcpy(c->v, tmp, c->n * sizeof *tmp);
        }
        free(tmp);
        return;
    }
    for (size_t i = 1; i < c->n; i++) {
        zk_cand x = c->v[i];
        size_t j = i;
        while (j > 0 && cmp(&c->v[j - 1], &x) > 0) {
            c->v[j] = c->v[j - 1];
            j--;
        }
        c->v[j] = x;
    }
}

/* Keep the best non-overlapping candidates, in text order. */
static void resolve(zk_cands *c)
{
    if (c->n == 0)
        return;
    /* A block (a region such as 京津冀, a phrase that is never a name) kills
     * every candidate that overlaps it without covering it whole. */
    sort_cands(c, cmp_start);
    size_t maxlen = 0;
    for (size_t i = 0; i < c->n; i++)
        if (c->v[i].end - c->v[i].start > maxlen)
            maxlen = c->v[i].end - c->v[i].start;
    for (size_t b = 0; b < c->n; b++) {
        if (c->v[b].kind != ZK_K_BLOCK)
            continue;
        /* only candidates starting less than maxlen before the block can
         * reach it: find the first by binary search on the start */
        size_t from = c->v[b].start > maxlen ? c->v[b].start - maxlen : 0;
        size_t lo = 0, hi = c->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (c->v[mid].start < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < c->n && c->v[i].start < c->v[b].end; i++) {
            zk_cand *x = &c->v[i];
            if (x->kind == ZK_K_BLOCK || x->end <= c->v[b].start)
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
    sort_cands(c, cmp_cand);
    /* greedy, best first; taken[] marks the bytes already covered, so the
     * cost is the total length of the candidates, not their number squared */
    size_t lo = (size_t)-1, hi = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->v[i].start < lo)
            lo = c->v[i].start;
        if (c->v[i].end > hi)
            hi = c->v[i].end;
    }
    unsigned char *taken = zk_xcalloc(hi - lo + 1, 1);
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        int ok = 1;
        for (size_t p = c->v[i].start; p < c->v[i].end && ok; p++)
            ok = !taken[p - lo];
        if (ok) {
            memset(taken + (c->v[i].start - lo), 1, c->v[i].end - c->v[i].start);
            c->v[k++] = c->v[i];
        } else {
            free(c->v[i].owned);
        }
    }
    free(taken);
    c->n = k;
    sort_cands(c, cmp_start);
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
        zk_scan_match m[8];
        size_t nm = zk_scan_get(s, p, x->suffix_start - p, ZK_SCAN_FORM, m, 8);
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

/* A company name after its place (北京昱栎技术有限公司) is also known
 * without it (昱栎技术有限公司): recorded as an alias, so that another
 * article that drops the place lands on the same node. */
static void add_placeless_alias(zk_ner *s, size_t ent, const zk_cand *x)
{
    const zk_rules *r = s->r;
    const char *txt = s->t->norm;
    size_t p = x->start;
    while (p < x->suffix_start) {
        zk_scan_match m[8];
        size_t nm = zk_scan_get(s, p, x->suffix_start - p, ZK_SCAN_FORM, m, 8);
        if (!nm || strcmp(r->lex[r->forms[m[nm - 1].value].entry].type, "city") != 0)
            break;
        p += m[nm - 1].len;
    }
    /* keep at least two characters of name before the suffix */
    size_t chars = 0;
    for (size_t i = p; i < x->suffix_start; i++)
        chars += ((unsigned char)txt[i] & 0xC0) != 0x80;
    if (p == x->start || chars < 2)
        return;
    char *alias = zk_xstrndup(txt + p, x->end - p);
    zk_doc_entity_alias(s->d, ent, alias);
    free(alias);
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
                    zk_scan_match m[8];
                    size_t nm = zk_scan_get(s, p, split - p, ZK_SCAN_FORM, m, 8);
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
            zk_ner_resolve_group(s, si, x, &mk);
        } else if (x->kind == ZK_K_COREF) {
            long e = zk_ner_resolve_coref(s, x->value, si);
            if (e < 0)
                return;
            mk.ent[mk.nent++] = (size_t)e;
            mk.type = s->d->ent[e].type;
            add_mention(s, (size_t)e, si, x);
        } else if (x->kind == ZK_K_HOME) {
            const char *h = zk_ner_home_city(s);
            if (!h)
                return;
            mk.ent[mk.nent++] = zk_doc_entity(s->d, h, "city");
        } else {
            char *homed = NULL;
            const char *h = zk_ner_home_city(s);
            if (x->home_prefix && h) {
                /* 市金融局 in a Tianjin paper is 天津市金融局 */
                size_t hl = strlen(h), k = zk_utf8_prev(h, hl);
                const char *tail = s->t->norm + x->start;
                if (hl > k && memcmp(h + hl - k, tail, k) == 0) {
                    zk_buf b;
                    zk_buf_init(&b);
                    zk_buf_puts(&b, h);
                    zk_buf_append(&b, tail + k, x->end - x->start - k);
                    homed = b.data;
                    x->canon = homed;
                }
            }
            size_t e = zk_doc_entity(s->d, x->canon, x->type);
            char *surface = zk_xstrndup(s->t->norm + x->start, x->end - x->start);
            if (x->lex && strcmp(x->lex->type, "company") == 0)
                s->d->ent[e].lex_org = 1;
            if (strcmp(surface, x->canon) == 0)
                s->d->ent[e].canon_seen = 1;
            zk_doc_entity_alias(s->d, e, surface);
            if (x->from_suffix)
                zk_ner_add_expansions(s, e, surface);
            if (x->from_suffix && strcmp(x->type, "company") == 0)
                add_placeless_alias(s, e, x);
            if (homed)
                zk_ner_add_expansions(s, e, homed);
            free(surface);
            free(homed);
            mk.ent[mk.nent++] = e;
            mk.type = s->d->ent[e].type;
            add_mention(s, e, si, x);
        }
        marker_push(sm, &mk);
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

/* A copy of c whose strings stay owned by c. */
static zk_cands borrow(const zk_cands *c)
{
    zk_cands b = {0};
    b.cap = c->n + 16; /* room for pass 2's candidates */
    b.v = zk_xmalloc(b.cap * sizeof *b.v);
    if (c->n)
        memcpy(b.v, c->v, c->n * sizeof *b.v);
    b.n = c->n;
    for (size_t i = 0; i < b.n; i++)
        b.v[i].owned = NULL;
    return b;
}

zk_sent_marks *zk_ner_run(const zk_rules *r, const zk_text *t, zk_doc *d)
{
    zk_ner s;
    memset(&s, 0, sizeof s);
    s.r = r;
    s.t = t;
    s.d = d;
    s.dyn_trie = zk_trie_new();
    zk_scan_build(&s.scan, r, t);
    zk_cands all = {0}, names = {0};

    /* Pass 1: full names and the aliases they introduce.  The candidates
     * that depend on the text alone are kept for pass 2 (cache[si] owns
     * their strings; the lists resolved here borrow them). */
    zk_cands *cache = zk_xcalloc(t->nsent ? t->nsent : 1, sizeof *cache);
    for (size_t si = 0; si < t->nsent; si++) {
        zk_ner_candidates(&s, si, ZK_CAND_STATIC, &cache[si]);
        zk_cands c = borrow(&cache[si]);
        resolve(&c);
        for (size_t i = 0; i < c.n; i++) {
            if (c.v[i].kind != ZK_K_NAME)
                continue;
            zk_ner_learn_intro_alias(&s, &c.v[i], t->sent[si].end);
            if (c.v[i].from_suffix)
                zk_ner_learn_short_forms(&s, &c.v[i]);
            /* a name only its context shows (联泰集群 in "联泰集群是…企业")
             * is that name in every sentence of the document */
            if (!c.v[i].from_suffix && !c.v[i].lex)
                zk_ner_dyn_add(&s, t->norm + c.v[i].start, c.v[i].end - c.v[i].start,
                               c.v[i].canon, c.v[i].type);
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
    zk_ner_detect_home(&s, &all);
    free(all.v);
    zk_ner_learn_place_prefixed(&s, &names);
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
        zk_cands c = borrow(&cache[si]);
        zk_ner_candidates(&s, si, ZK_CAND_DYNAMIC, &c);
        resolve(&c);
        commit(&s, si, &c, &marks[si]);
        marks[si].topic = si > 0 ? marks[si - 1].topic : -1;
        update_topic(&s, si, &marks[si]);
        for (size_t i = 0; i < c.n; i++)
            free(c.v[i].owned);
        free(c.v);
    }
    for (size_t si = 0; si < t->nsent; si++) {
        for (size_t i = 0; i < cache[si].n; i++)
            free(cache[si].v[i].owned);
        free(cache[si].v);
    }
    free(cache);
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
    zk_scan_free(&s.scan);
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
