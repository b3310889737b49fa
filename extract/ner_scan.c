/*
 * ner_scan.c - the static keys at every character of a document.
 *
 * The NER asks, at every character of every sentence and again in the
 * windows around each name ending, which lexicon forms, words, suffixes
 * and needs words start there.  Asked of four tries, that was nine trie
 * walks per character, each mostly a function call that stops at the
 * first character.  The rules keep one trie over the union of the four key
 * sets (zk_rules.scan_trie, whose values say which sets a key belongs
 * to); here it is walked once per character of each sentence, and the
 * matches, shortest first, are kept per byte offset for the whole
 * document.  Every later question about position p is then a filter over
 * a few stored matches: those of one set, no longer than the limit the
 * caller gives (a key of length len is a prefix of norm[p..p+lim) exactly
 * when len <= lim, so the answers equal the tries').
 */
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define ZK_SCAN_MAXHITS 64

/* 0 if no key can start at s (the first character is in no key's first
 * place); 1 if one may. */
static inline int may_start(const zk_rules *r, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp;
    if (u[0] < 0x80)
        cp = u[0];
    else if (u[0] >= 0xE0 && u[0] < 0xF0 && n >= 3)
        cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    else if (u[0] >= 0xC2 && u[0] < 0xE0 && n >= 2)
        cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    else
        return 1; /* four bytes (or not UTF-8): ask the trie */
    return (r->scan_first[cp >> 3] >> (cp & 7)) & 1;
}

void zk_scan_build(zk_scan *sc, const zk_rules *r, const zk_text *t)
{
    memset(sc, 0, sizeof *sc);
    sc->at = zk_xcalloc(t->norm_len + 1, sizeof *sc->at);
    size_t pos = 0; /* next byte whose at[] is not yet set */
    for (size_t si = 0; si < t->nsent; si++) {
        size_t ss = t->sent[si].start, se = t->sent[si].end;
        for (; pos < ss; pos++)
            sc->at[pos + 1] = (uint32_t)sc->nhits;
        for (size_t p = ss; p < se; p++) {
            if (((unsigned char)t->norm[p] & 0xC0) != 0x80 && may_start(r, t->norm + p, se - p)) {
                zk_trie_match m[ZK_SCAN_MAXHITS];
                size_t nm = zk_trie_prefixes(r->scan_trie, t->norm + p, se - p, m,
                                             ZK_SCAN_MAXHITS);
                if (sc->nhits + nm > sc->cap) {
                    while (sc->nhits + nm > sc->cap)
                        sc->cap = sc->cap ? sc->cap * 2 : 1024;
                    sc->hits = zk_xrealloc(sc->hits, sc->cap * sizeof *sc->hits);
                }
                for (size_t i = 0; i < nm; i++) {
                    sc->hits[sc->nhits].len = (uint32_t)m[i].len;
                    sc->hits[sc->nhits].k = r->scan[m[i].value];
                    sc->nhits++;
                }
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
    free(sc->hits);
    memset(sc, 0, sizeof *sc);
}
