/*
 * ner_ref.c - who is meant: references (该公司) resolve to the first entity
 * of a compatible type in the nearest earlier sentence; groups (三地) to
 * their places or, where the passage names them, to their organisations;
 * 我市 to the paper's home city (--home-city, a masthead, or the place the
 * article names most).  The strategy is documented in docs/relations.md.
 */
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *zk_ner_home_city(const zk_ner *s)
{
    return s->home;
}

static int zk_ner_type_fits(const char *want, const char *type)
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
long zk_ner_resolve_coref(const zk_ner *s, const char *want, size_t sent)
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
        if (zk_ner_type_fits(want, s->d->ent[m->entity].type)) {
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
static long zk_ner_member_org(const zk_ner *s, const char *place, const char *tail, size_t tlen,
                       size_t first_sent, size_t last_sent, const size_t *range,
                       size_t *klen)
{
    size_t pl = strlen(place), pshort = pl;
    if (pl > 3)
        pshort = pl - zk_utf8_prev(place, pl);
    long best = -1;
    size_t bestk = 0;
    for (size_t i = range[0]; i < range[1]; i++) {
        const zk_mention *m = &s->d->men[i];
        if (m->sentence < first_sent || m->sentence > last_sent)
            continue;
        const zk_entity *e = &s->d->ent[m->entity];
        size_t q = 0;
        while (q < pshort && q < 3 && e->name[q] == place[q])
            q++;
        if (q < pshort && q < 3)
            continue; /* (the strncmp below, at its cheapest: the first character) */
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

/* range[0, 2): the mentions zk_ner_member_org looks at for sentences
 * first..last: all of them, or, when they are in sentence order (pass 2
 * adds them so), the ones of those sentences, found by binary search. */
static void mention_range(const zk_ner *s, int sorted, size_t first, size_t last,
                          size_t *range)
{
    const zk_mention *men = s->d->men;
    size_t n = s->d->nmen, lo = 0, hi = n;
    range[0] = 0;
    range[1] = n;
    if (!sorted)
        return;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (men[mid].sentence < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    range[0] = lo;
    for (hi = n; lo < hi;) {
        size_t mid = lo + (hi - lo) / 2;
        if (men[mid].sentence <= last)
            lo = mid + 1;
        else
            hi = mid;
    }
    range[1] = lo;
}

/* Resolve a group word (三地, 京津) to the organisations of its places when
 * the passage names them: "三地保护中心" -> the three 保护中心 of the
 * document; "京津冀三地签署…" right after a sentence listing one agency per
 * place (within 8 sentences) -> those agencies.  Else the places. */
void zk_ner_resolve_group(zk_ner *s, size_t si, const zk_cand *x, zk_marker *mk)
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
    size_t found = 0, range[2];
    int sorted = 1;
    for (size_t i = 1; sorted && i < s->d->nmen; i++)
        sorted = s->d->men[i - 1].sentence <= s->d->men[i].sentence;
    /* 1. group + the tail of organisation names */
    size_t tlen = 0;
    while (x->end + tlen < se && tlen < 24) {
        uint32_t cp;
        size_t k = zk_utf8_decode(txt + x->end + tlen, se - x->end - tlen, &cp);
        if (!k || !zk_is_han(cp))
            break;
        tlen += k;
    }
    mention_range(s, sorted, 0, si, range);
    for (size_t i = 0; tlen >= 6 && i < nmem; i++) {
        size_t k;
        orgs[i] = zk_ner_member_org(s, members[i], txt + x->end, tlen, 0, si, range, &k);
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
            mention_range(s, sorted, si - back, si - back, range);
            for (size_t i = 0; i < nmem; i++) {
                orgs[i] = zk_ner_member_org(s, members[i], NULL, 0, si - back, si - back,
                                            range, NULL);
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

/* Home city: a masthead word anywhere in the text, else the most
 * frequent province-level or prefecture name among pass-1 mentions. */
void zk_ner_detect_home(zk_ner *s, zk_cands *all)
{
    const char *txt = s->t->norm;
    if (s->r->home_city) {
        s->home = s->r->home_city;
        return;
    }
    /* the first masthead word of the text (the shortest where two start
     * at one place), from the masthead words' own trie: only where one of
     * them begins is it looked up */
    const zk_trie *heads = s->r->class_trie[zk_word_class_index(ZK_W_MASTHEAD)];
    const uint8_t *first = heads ? zk_trie_first_map(heads) : NULL;
    for (size_t p = 0; heads && p < s->t->norm_len; p++) {
        uint32_t cp;
        if (((unsigned char)txt[p] & 0xC0) == 0x80)
            continue;
        if (!zk_utf8_decode(txt + p, s->t->norm_len - p, &cp) || cp > 0xFFFF)
            cp = 0xFFFF;
        if (!((first[cp >> 3] >> (cp & 7)) & 1))
            continue;
        zk_trie_match m[1];
        if (zk_trie_prefixes(heads, txt + p, s->t->norm_len - p, m, 1)) {
            s->home = s->r->words[m[0].value].value[12];
            return;
        }
    }
    /* count the top-level places (no parent: provinces, municipalities) in
     * order of first mention; the most mentioned wins, the first on a tie */
    enum { MAXTOP = 64 };
    const zk_lex_entry *top[MAXTOP];
    size_t cnt[MAXTOP], ntop = 0;
    for (size_t i = 0; i < all->n; i++) {
        const zk_cand *x = &all->v[i];
        if (x->kind != ZK_K_NAME || !x->lex || x->lex->parent ||
            strcmp(x->type, "city") != 0)
            continue;
        size_t k = 0;
        while (k < ntop && top[k] != x->lex)
            k++;
        if (k == ntop) {
            if (ntop == MAXTOP)
                continue;
            top[ntop] = x->lex;
            cnt[ntop++] = 0;
        }
        cnt[k]++;
    }
    size_t best = 0;
    for (size_t k = 0; k < ntop; k++)
        if (cnt[k] > best) {
            best = cnt[k];
            s->home = top[k]->name;
        }
}
