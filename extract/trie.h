/*
 * trie.h - a trie mapping UTF-8 strings to integer values (zk_trie_*).
 *
 * Built once when the rules are loaded, then only read, so it can be shared
 * by threads (a per-document trie may also be read while it grows).  One
 * step is one code point and reads one small sorted child array, the
 * root's children are found through a direct table: a lookup costs about
 * one cache line per character (see trie.c).  The main use is "every key
 * that is a prefix of the text at position i" (gazetteer and suffix
 * matching): zk_trie_prefixes().
 */
#ifndef ZK_TRIE_H
#define ZK_TRIE_H

#include <stddef.h>
#include <stdint.h>

typedef struct zk_trie zk_trie;

typedef struct zk_trie_match {
    size_t len;     /* byte length of the matched key */
    int32_t value;
} zk_trie_match;

zk_trie *zk_trie_new(void);
void zk_trie_free(zk_trie *t);
/* Insert key -> value.  Returns the previous value of key, or -1 if the key
 * is new (the new value is stored only when the key is new). */
int32_t zk_trie_add(zk_trie *t, const char *key, size_t len, int32_t value);
/* Value of the exact key, or -1. */
int32_t zk_trie_get(const zk_trie *t, const char *key, size_t len);
/* Store into out (at most max) every key that is a prefix of s[0..n),
 * shortest first; returns the number of matches (capped at max). */
size_t zk_trie_prefixes(const zk_trie *t, const char *s, size_t n,
                        zk_trie_match *out, size_t max);
size_t zk_trie_size(const zk_trie *t);
/* A bitmap of 0x10000 bits, bit cp set when some key starts with the code
 * point cp of the BMP or, for cp 0xFFFF, with anything outside it: a test
 * that lets a caller pass over most positions of a text without a lookup.
 * Valid as long as t; it grows with t. */
const uint8_t *zk_trie_first_map(const zk_trie *t);

#endif
