/*
 * ner_scan.c - the static keys at every character of a document.
 *
 * The NER asks, at every character of every sentence and again in the
 * windows around each name ending, which lexicon forms, words, suffixes,
 * needs words and frequent verbs start there.  Asked of separate tries,
 * that was nine trie walks per character, each mostly a function call
 * that stops at the first character.  The rules keep one trie over the
 * union of the key sets (zk_rules.scan_trie, whose values say which sets
 * a key belongs to, with the word's classes and the form's flags); here it
 * is walked once per character of each sentence, and the matches,
 * shortest first, are kept per byte offset for the whole document, with a
 * flag byte per character saying what they hold (ZK_SF_*).  Every later
 * question about position p is then a filter over a few stored matches:
 * those of one set, no longer than the limit the caller gives (a key of
 * length len is a prefix of norm[p..p+lim) exactly when len <= lim, so the
 * answers equal the tries').
 *
 * Most characters begin no key; three filters of the rules say so without
 * touching the trie (may_start): the characters keys begin with, the
 * one-character keys, and a Bloom filter of keys' first two characters.
 */
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define ZK_SCAN_MAXHITS 64

/* The code point at u[0..n) of valid UTF-8 (the normalised text) and its
 * length. */
static inline size_t cp_at(const unsigned char *u, size_t n, uint32_t *cp)
{
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xE0 && n >= 2) {
        *cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] < 0xF0 && n >= 3) {
        *cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        return 3;
    }
    *cp = 0x10FFFF; /* four bytes: outside the filters, always walked */
    return n >= 4 ? 4 : n;
}

#define ZK_BIT(map, i) (((map)[(i) >> 3] >> ((i) & 7)) & 1)

/* 1 if a key of the scan may start at the character c1 followed by c2
 * (c2 = (uint32_t)-1 at the end of the sentence): the filters of the rules
 * say no for most characters of a text. */
static inline int may_start(const zk_rules *r, uint32_t c1, uint32_t c2)
{
    if (c1 >= 0x10000 || r->scan_always)
        return 1;
    if (!ZK_BIT(r->scan_first, c1))
        return 0;
    if (ZK_BIT(r->scan_single, c1))
        return 1;
    return c2 != (uint32_t)-1 && ZK_BIT(r->scan_pairs, zk_scan_pair_bit(c1, c2));
}

void zk_scan_build(zk_scan *sc, const zk_rules *r, const zk_text *t)
{
    memset(sc, 0, sizeof *sc);
    sc->at = zk_xcalloc(t->norm_len + 1, sizeof *sc->at);
    sc->flags = zk_xcalloc(t->norm_len + 1, 1);
    size_t pos = 0; /* next byte whose at[] is not yet set */
    for (size_t si = 0; si < t->nsent; si++) {
        size_t ss = t->sent[si].start, se = t->sent[si].end;
        for (; pos < ss; pos++)
            sc->at[pos + 1] = (uint32_t)sc->nhits;
        const unsigned char *u = (const unsigned char *)t->norm;
        uint32_t c1 = 0, c2 = (uint32_t)-1;
        size_t k2 = ss < se ? cp_at(u + ss, se - ss, &c2) : 0;
        for (size_t p = ss; p < se; p++) {
            if ((u[p] & 0xC0) == 0x80) {
                sc->at[p + 1] = (uint32_t)sc->nhits;
                continue;
            }
            /* c1 is the character at p, c2 the next one */
            size_t k1 = k2;
            c1 = c2;
            c2 = (uint32_t)-1;
            k2 = p + k1 < se ? cp_at(u + p + k1, se - p - k1, &c2) : 0;
            if (may_start(r, c1, c2)) {
                zk_trie_match m[ZK_SCAN_MAXHITS];
                size_t nm = zk_trie_prefixes(r->scan_trie, t->norm + p, se - p, m,
                                             ZK_SCAN_MAXHITS);
                if (sc->nhits + nm > sc->cap) {
                    while (sc->nhits + nm > sc->cap)
                        sc->cap = sc->cap ? sc->cap * 2 : 1024;
                    sc->hits = zk_xrealloc(sc->hits, sc->cap * sizeof *sc->hits);
                }
                unsigned fl = 0;
                for (size_t i = 0; i < nm; i++) {
                    const zk_scan_key *key = &r->scan[m[i].value];
                    sc->hits[sc->nhits].len = (uint32_t)m[i].len;
                    sc->hits[sc->nhits].k = *key;
                    sc->nhits++;
                    fl |= (key->v[ZK_SCAN_FORM] >= 0 ? ZK_SF_FORM : 0) |
                          (key->v[ZK_SCAN_SUFFIX] >= 0 ? ZK_SF_SUFFIX : 0) |
                          ((key->word_classes & ZK_CAND_WORD_CLASSES) ? ZK_SF_WORD : 0);
                }
                sc->flags[p] = (uint8_t)fl;
            }
            sc->at[p + 1] = (uint32_t)sc->nhits;
        }
        pos = se;
    }
    for (; pos < t->norm_len; pos++)
        sc->at[pos + 1] = (uint32_t)sc->nhits;
}

void zk_scan_free(zk_scan *sc)
{
    free(sc->at);
    free(sc->flags);
    free(sc->hits);
    memset(sc, 0, sizeof *sc);
}
