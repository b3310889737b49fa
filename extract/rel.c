/*
 * rel.c - relations from rules over tagged sentences (zk_rel_run).
 *
 * Each sentence is rewritten with its markers replaced by "<type#k>"
 * (k = marker number in the sentence), e.g.
 *   <company#0>几年前从<city#1><city#2>搬迁，落址位于<city#3>的<park#4>
 * Every rule of relations.tsv is a PCRE2 pattern over that string; its
 * named groups give the roles.  For mode pairs, every entity in src is
 * linked to every entity in dst; clique links every pair of entities in
 * parties; star links the first party with each other one.  origin takes
 * the last place in its group, title the group's text without 《》.
 */
#include "ner.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Append "<type#k>" or, for a group, "<type#k*>" (snprintf costs more
 * than the rest of the sentence). */
static void put_tag(zk_buf *b, const char *type, size_t k, int star)
{
    char tag[32];
    size_t n = 0;
    char digits[24];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + k % 10);
        k /= 10;
    } while (k);
    tag[n++] = '#';
    while (nd)
        tag[n++] = digits[--nd];
    if (star)
        tag[n++] = '*';
    tag[n++] = '>';
    zk_buf_putc(b, '<');
    zk_buf_puts(b, type);
    zk_buf_append(b, tag, n);
}

static void build_tagged(const zk_text *t, size_t si, const zk_sent_marks *sm, zk_buf *b)
{
    size_t p = t->sent[si].start, end = t->sent[si].end;
    if (sm->topic >= 0) /* the passage topic, as marker number n (one past the last) */
        put_tag(b, "topic", sm->n, 0);
    for (size_t i = 0; i < sm->n; i++) {
        const zk_marker *m = &sm->m[i];
        if (m->start < p)
            continue;
        zk_buf_append(b, t->norm + p, m->start - p);
        /* a group (三地, 沪苏浙皖) is marked with a star: <city#3*> */
        put_tag(b, m->type, i, m->nent > 1);
        p = m->end;
    }
    zk_buf_append(b, t->norm + p, end - p);
}

/* 1 if the sentence's markers and topic stand for at least two different
 * entities: an edge joins two, so with fewer no rule can add one. */
static int two_entities(const zk_sent_marks *sm)
{
    long first = sm->topic;
    for (size_t i = 0; i < sm->n; i++)
        for (size_t j = 0; j < sm->m[i].nent; j++) {
            long e = (long)sm->m[i].ent[j];
            if (first < 0)
                first = e;
            else if (e != first)
                return 1;
        }
    return 0;
}

/* Marker numbers found in s[a..b). */
static size_t markers_in(const char *s, size_t a, size_t b, size_t *out, size_t max)
{
    size_t n = 0;
    for (size_t i = a; i < b && n < max; i++) {
        if (s[i] != '<')
            continue;
        const char *hash = memchr(s + i, '#', b - i);
        if (!hash)
            break;
        const char *q = hash + 1;
        size_t v = 0;
        int digits = 0;
        while (q < s + b && *q >= '0' && *q <= '9') {
            v = v * 10 + (size_t)(*q - '0');
            q++;
            digits++;
        }
        if (digits && q < s + b && *q == '*')
            q++;
        if (digits && q < s + b && *q == '>')
            out[n++] = v;
    }
    return n;
}

static size_t group_ents(const pcre2_code *code, pcre2_match_data *md, const char *name,
                         const char *s, const zk_sent_marks *sm, size_t *ents, size_t max)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int num = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    if (num <= 0 || ov[2 * num] == PCRE2_UNSET)
        return 0;
    size_t mk[32];
    size_t nm = markers_in(s, ov[2 * num], ov[2 * num + 1], mk, 32);
    size_t n = 0;
    for (size_t i = 0; i < nm; i++) {
        if (mk[i] == sm->n && sm->topic >= 0) {
            size_t k = 0;
            while (k < n && ents[k] != (size_t)sm->topic)
                k++;
            if (k == n && n < max)
                ents[n++] = (size_t)sm->topic;
            continue;
        }
        if (mk[i] >= sm->n)
            continue;
        const zk_marker *m = &sm->m[mk[i]];
        for (size_t j = 0; j < m->nent && n < max; j++) {
            size_t k = 0;
            while (k < n && ents[k] != m->ent[j])
                k++;
            if (k == n)
                ents[n++] = m->ent[j];
        }
    }
    return n;
}

static char *group_title(const pcre2_code *code, pcre2_match_data *md, const char *s,
                         const zk_text *t, const zk_sent_marks *sm)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int num = pcre2_substring_number_from_name(code, (PCRE2_SPTR) "title");
    if (num <= 0 || ov[2 * num] == PCRE2_UNSET)
        return NULL;
    zk_buf b;
    zk_buf_init(&b);
    for (size_t i = ov[2 * num]; i < ov[2 * num + 1];) {
        if (strncmp(s + i, "《", 3) == 0 || strncmp(s + i, "》", 3) == 0) {
            i += 3;
            continue;
        }
        size_t mk;
        if (s[i] == '<' && markers_in(s, i, ov[2 * num + 1], &mk, 1) == 1 && mk < sm->n) {
            /* a marker inside the title: put the original words back */
            zk_buf_append(&b, t->norm + sm->m[mk].start, sm->m[mk].end - sm->m[mk].start);
            i = (size_t)(strchr(s + i, '>') - s) + 1;
            continue;
        }
        zk_buf_putc(&b, s[i]);
        i++;
    }
    if (b.len == 0) {
        zk_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* 1 if s[a..b) holds a negation word (words.tsv class negation) that is
 * not the start of a longer ordinary word (未来, 不断 are no negations) and
 * whose clause runs to the end of the match. */
static int negated(const zk_rules *r, const char *s, size_t a, size_t b)
{
    /* The negation words have a trie of their own (rules.h): where no
     * negation word starts with the character, nothing is looked up. */
    int ci = zk_word_class_index(ZK_W_NEGATION);
    const zk_trie *nt = r->class_trie[ci];
    if (!nt)
        return 0; /* no negation words */
    const uint8_t *first = zk_trie_first_map(nt);
    for (size_t q = a; q < b; q++) {
        if (((unsigned char)s[q] & 0xC0) == 0x80 || s[q] == '<')
            continue;
        zk_trie_match m[8];
        uint32_t cp;
        if (!zk_utf8_decode(s + q, b - q, &cp) || cp > 0xFFFF)
            cp = 0xFFFF;
        if (!((first[cp >> 3] >> (cp & 7)) & 1))
            continue;
        size_t nm = zk_trie_prefixes(nt, s + q, b - q, m, 8);
        size_t neg = nm ? m[nm - 1].len : 0;
        if (!neg)
            continue;
        size_t nc = zk_trie_prefixes(r->common_trie, s + q, b - q, m, 8);
        if (nc && m[nc - 1].len > neg) {
            const zk_word *w = zk_rules_word(r, s + q, m[nc - 1].len);
            if (!w || !(w->classes & ZK_W_NEGATION))
                continue;
        }
        /* a negation reaches to the end of its clause only (未花一分钱，就获得…) */
        int clause_ends = 0;
        for (size_t x = q; x + 3 <= b && !clause_ends; x++)
            clause_ends = memcmp(s + x, "，", 3) == 0 || s[x] == ',';
        if (!clause_ends)
            return 1;
    }
    return 0;
}

static void apply_rule(const zk_rules *r, const zk_rel_rule *rr, const zk_text *t, size_t si,
                       const zk_sent_marks *sm, const char *s, size_t len,
                       pcre2_match_data *md, zk_doc *d, int debug)
{
    PCRE2_SIZE start = 0;
    while (start <= len) {
        int rc = pcre2_match(rr->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md,
                             zk_rules_match_context(r));
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (debug)
            fprintf(stderr, "  %s matched: %.*s\n", rr->id, (int)(ov[1] - ov[0]), s + ov[0]);
        if (negated(r, s, ov[0], ov[1])) {
            if (debug)
                fprintf(stderr, "  %s negated\n", rr->id);
            start = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            continue;
        }
        size_t src[16], dst[16], parties[16], origin[16];
        char *title = group_title(rr->code, md, s, t, sm);
        size_t no = group_ents(rr->code, md, "origin", s, sm, origin, 16);
        long org = no ? (long)origin[no - 1] : -1;
        if (rr->mode == ZK_MODE_PAIRS) {
            size_t ns = group_ents(rr->code, md, "src", s, sm, src, 16);
            size_t nd = group_ents(rr->code, md, "dst", s, sm, dst, 16);
            for (size_t i = 0; i < ns; i++)
                for (size_t j = 0; j < nd; j++)
                    zk_doc_add_edge(d, rr->type, src[i], dst[j], si, rr->id, org, title);
        } else {
            size_t np = group_ents(rr->code, md, "parties", s, sm, parties, 16);
            for (size_t i = 0; i < np; i++)
                for (size_t j = i + 1; j < np; j++)
                    if (rr->mode == ZK_MODE_CLIQUE || i == 0)
                        zk_doc_add_edge(d, rr->type, parties[i], parties[j], si, rr->id, org,
                                        title);
        }
        free(title);
        /* continue after the match: matches of one rule do not overlap */
        PCRE2_SIZE next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        while (next < len && ((unsigned char)s[next] & 0xC0) == 0x80)
            next++;
        start = next;
    }
}

void zk_rel_run(const zk_rules *r, const zk_text *t, const zk_sent_marks *marks, zk_doc *d)
{
    if (!r->nrels)
        return;
    pcre2_match_data *md = NULL;
    unsigned char *seen = zk_xmalloc(r->nneeds + 1);
    const char *dbg = getenv("ZHKG_DEBUG_TAGS");
    int debug = dbg && *dbg == '1';
    zk_buf b;
    zk_buf_init(&b);
    for (size_t si = 0; si < t->nsent; si++) {
        /* without two entities no rule can add an edge (the debug trace
         * still shows every tagged sentence) */
        if (marks[si].n == 0 && marks[si].topic < 0)
            continue;
        if (!debug && !two_entities(&marks[si]))
            continue;
        b.len = 0;
        build_tagged(t, si, &marks[si], &b);
        if (!b.data)
            continue;
        if (debug)
            fprintf(stderr, "%s\t%zu\t%s\n", t->name, si, b.data);
        zk_needs_scan(r, b.data, b.len, seen);
        for (size_t i = 0; i < r->nrels; i++) {
            const zk_rel_rule *rr = &r->rels[i];
            if (!zk_needs_hit(&rr->needs, seen))
                continue;
            if (!md)
                md = pcre2_match_data_create(64, NULL);
            apply_rule(r, rr, t, si, &marks[si], b.data, b.len, md, d, debug);
        }
    }
    pcre2_match_data_free(md);
    free(seen);
    zk_buf_free(&b);
}
