/*
 * trie.c - code-point trie with sorted child arrays in one pool.
 *
 * Why not bytes: a byte trie takes three steps per Chinese character, and
 * with its children in a hash table each step is a random cache miss; the
 * NER looks up four tries at every character of every sentence (twice), so
 * those misses were over half of the run time.  Here one step is one code
 * point, and a step touches one small contiguous array:
 *
 *   - A node is a 16-byte zk_tnode {cp, value, kids, nkids}.  It lives in
 *     its parent's child array, so reaching a node already gives its value
 *     and where its children are: one cache line per character.
 *   - Child arrays live in one pool (an array of nodes, addressed by index
 *     so it can grow), sorted by code point, with a capacity that is the
 *     next power of two of the count; a full array moves to a new slot of
 *     twice the size and the old slot goes to a free list of its size.
 *   - Up to 8 children are scanned; a larger array (the second character
 *     of common words has hundreds) carries an open-addressing hash table
 *     of 16-bit positions right after it, at most half full, so a step is
 *     one or two probes instead of a binary search whose branches the CPU
 *     cannot predict.
 *   - The root's children in the BMP are a two-level direct table of
 *     nodes (top[cp >> 8][cp & 255]), allocated per block of 256 code
 *     points that is used; unused blocks point to one shared block of
 *     empty nodes, so the first character costs two loads, no search and
 *     no test.  Other root children (astral code points, raw bytes) are the
 *     root node's sorted array.
 *
 * Keys and texts are split into code points by one decoder that maps every
 * byte sequence injectively: a well-formed UTF-8 sequence (no overlongs, no
 * surrogates) is its code point, any other byte b is the pseudo code point
 * 0x110000 + b.  For valid UTF-8 keys this is exactly byte-prefix matching;
 * a key that ends in a truncated sequence only matches text with the same
 * truncated sequence (the rules and the normalised text are valid UTF-8).
 *
 * The trie can be read while it is built (the NER adds a document's
 * aliases between lookups) and, once built, read by any number of threads.
 */
#include "trie.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct zk_tnode {
    uint32_t cp;     /* code point of the edge into this node */
    int32_t value;   /* -1 when no key ends here */
    uint32_t kids;   /* pool index of the sorted child array, 0 if none; on
                      * a free list: the next free slot */
    unsigned nkids : 24; /* number of children */
    unsigned kbits : 8;  /* log2 of the child array's capacity */
} zk_tnode;

/* A pool slot: a node, or 8 entries of a child array's hash table (each
 * 0 for empty or 1 + the child's position in the array). */
typedef union zk_tslot {
    zk_tnode node;
    uint16_t h[8];
} zk_tslot;

#define ZK_RAW_BASE 0x110000u /* pseudo code points of undecodable bytes */
#define ZK_LINEAR 8           /* child arrays up to this size are scanned */
#define ZK_HASH_BITS 15       /* capacities up to 2^15 get a hash table;
                               * larger ones are binary searched */

struct zk_trie {
    zk_tslot *pool;      /* pool[0] is unused: index 0 means "none" */
    size_t npool, cappool;
    uint32_t freelist[33]; /* per log2 of capacity */
    const zk_tnode *top[256]; /* BMP root children: top[hi][lo]; a node
                               * with value -1 and no children is none */
    zk_tnode root;       /* value of the empty key; kids: non-BMP children */
    size_t nkeys;
    uint8_t first[0x10000 / 8]; /* zk_trie_first_map() */
};

/* One code point of s[0..n), n >= 1: its length (always >= 1) and *cp. */
static inline size_t dec(const unsigned char *u, size_t n, uint32_t *cp)
{
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xE0 && c < 0xF0) {
        if (n >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
            uint32_t v = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 |
                         (u[2] & 0x3F);
            if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
                *cp = v;
                return 3;
            }
        }
    } else if (c >= 0xC2 && c < 0xE0) {
        if (n >= 2 && (u[1] & 0xC0) == 0x80) {
            *cp = (uint32_t)(c & 0x1F) << 6 | (u[1] & 0x3F);
            return 2;
        }
    } else if (c >= 0xF0 && c < 0xF5) {
        if (n >= 4 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
            (u[3] & 0xC0) == 0x80) {
            uint32_t v = (uint32_t)(c & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
                         (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
            if (v >= 0x10000 && v <= 0x10FFFF) {
                *cp = v;
                return 4;
            }
        }
    }
    *cp = ZK_RAW_BASE + c;
    return 1;
}

/* 1 if an array of capacity 2^k carries a hash table. */
static int hashed(unsigned k)
{
    return k > 3 && k <= ZK_HASH_BITS;
}

/* Pool slots of a child array of capacity 2^k: the nodes, then for a
 * hashed array 2^(k+1) 16-bit entries (2^k / 4 slots). */
static uint32_t slot_size(unsigned k)
{
    return (1u << k) + (hashed(k) ? 1u << (k - 2) : 0);
}

static inline uint32_t hash_cp(uint32_t cp, unsigned k)
{
    return (cp * 0x9E3779B1u) >> (31 - k); /* k + 1 bits */
}

/* A free slot for an array of capacity 2^k; returns its pool index. */
static uint32_t slot_alloc(zk_trie *t, unsigned k)
{
    uint32_t s = t->freelist[k], size = slot_size(k);
    if (s) {
        t->freelist[k] = t->pool[s].node.kids;
        return s;
    }
    if (t->npool + size > UINT32_MAX)
        zk_xmalloc((size_t)-1); /* more than 2^32 slots: out of memory */
    if (t->npool + size > t->cappool) {
        while (t->npool + size > t->cappool)
            t->cappool *= 2;
        t->pool = zk_xrealloc(t->pool, t->cappool * sizeof *t->pool);
    }
    s = (uint32_t)t->npool;
    t->npool += size;
    return s;
}

static void slot_free(zk_trie *t, uint32_t s, unsigned k)
{
    t->pool[s].node.kids = t->freelist[k];
    t->freelist[k] = s;
}

/* Rebuild the hash table of e's child array. */
static void rehash(zk_trie *t, const zk_tnode *e)
{
    unsigned k = e->kbits;
    zk_tslot *a = t->pool + e->kids;
    uint16_t *h = a[1u << k].h;
    uint32_t mask = (2u << k) - 1;
    memset(h, 0, (2u << k) * sizeof *h);
    for (uint32_t i = 0; i < e->nkids; i++) {
        uint32_t j = hash_cp(a[i].node.cp, k);
        while (h[j])
            j = (j + 1) & mask;
        h[j] = (uint16_t)(i + 1);
    }
}

/* The block of every unused top[] entry: 256 empty nodes, read-only. */
#define ZK_E1 {0, -1, 0, 0, 0}
#define ZK_E4 ZK_E1, ZK_E1, ZK_E1, ZK_E1
#define ZK_E16 ZK_E4, ZK_E4, ZK_E4, ZK_E4
#define ZK_E64 ZK_E16, ZK_E16, ZK_E16, ZK_E16
static const zk_tnode empty_block[256] = {ZK_E64, ZK_E64, ZK_E64, ZK_E64};

zk_trie *zk_trie_new(void)
{
    zk_trie *t = zk_xcalloc(1, sizeof *t);
    for (size_t i = 0; i < 256; i++)
        t->top[i] = empty_block;
    t->cappool = 64;
    t->pool = zk_xmalloc(t->cappool * sizeof *t->pool);
    t->npool = 1;
    t->root.value = -1;
    return t;
}

void zk_trie_free(zk_trie *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < 256; i++)
        if (t->top[i] != empty_block)
            free((void *)t->top[i]);
    free(t->pool);
    free(t);
}

/* The child of e for cp, or NULL. */
static inline const zk_tnode *kid(const zk_trie *t, const zk_tnode *e, uint32_t cp)
{
    const zk_tslot *a = t->pool + e->kids;
    uint32_t n = e->nkids;
    if (n <= ZK_LINEAR) {
        for (uint32_t i = 0; i < n; i++) /* no early exit: fewer mispredictions */
            if (a[i].node.cp == cp)
                return &a[i].node;
        return NULL;
    }
    unsigned k = e->kbits;
    if (hashed(k)) {
        const uint16_t *h = a[1u << k].h;
        uint32_t mask = (2u << k) - 1;
        for (uint32_t j = hash_cp(cp, k);; j = (j + 1) & mask) {
            uint32_t x = h[j];
            if (x == 0)
                return NULL;
            if (a[x - 1].node.cp == cp)
                return &a[x - 1].node;
        }
    }
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (a[mid].node.cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && a[lo].node.cp == cp ? &a[lo].node : NULL;
}

/* The root's child for cp, or NULL (or an empty node: value -1, no
 * children). */
static inline const zk_tnode *root_kid(const zk_trie *t, uint32_t cp)
{
    if (cp < 0x10000)
        return &t->top[cp >> 8][cp & 255];
    return kid(t, &t->root, cp);
}

/* Pool index of a node that lives in the pool. */
static uint32_t slot_of(const zk_trie *t, const zk_tnode *e)
{
    return (uint32_t)((const zk_tslot *)(const void *)e - t->pool);
}

/* Insert a child cp into the array of a node (not yet holding it) and
 * return the child's pool index.  The node is fixed, the root or in a
 * top block, or else in the pool, which may move: then fixed is NULL and
 * ei is its pool index. */
static uint32_t add_kid(zk_trie *t, zk_tnode *fixed, uint32_t ei, uint32_t cp)
{
    zk_tnode *e = fixed ? fixed : &t->pool[ei].node;
    uint32_t n = e->nkids, pos = 0;
    while (pos < n && t->pool[e->kids + pos].node.cp < cp)
        pos++;
    if (n == 0 || n == 1u << e->kbits) {
        unsigned k = n ? e->kbits + 1u : 0;
        uint32_t old = e->kids, s = slot_alloc(t, k);
        e = fixed ? fixed : &t->pool[ei].node; /* the pool may have moved */
        if (n) {
            memcpy(&t->pool[s], &t->pool[old], pos * sizeof *t->pool);
            memcpy(&t->pool[s + pos + 1], &t->pool[old + pos], (n - pos) * sizeof *t->pool);
            slot_free(t, old, e->kbits);
        }
        e->kids = s;
        e->kbits = k & 255u;
    } else {
        memmove(&t->pool[e->kids + pos + 1], &t->pool[e->kids + pos],
                (n - pos) * sizeof *t->pool);
    }
    e->nkids = (n + 1) & 0xFFFFFFu;
    t->pool[e->kids + pos].node = (zk_tnode){cp, -1, 0, 0, 0};
    if (hashed(e->kbits))
        rehash(t, e);
    return e->kids + pos;
}

int32_t zk_trie_add(zk_trie *t, const char *key, size_t len, int32_t value)
{
    const unsigned char *u = (const unsigned char *)key;
    if (len) {
        uint32_t c;
        dec(u, len, &c);
        if (c > 0xFFFF)
            c = 0xFFFF;
        t->first[c >> 3] |= (uint8_t)(1u << (c & 7));
    }
    zk_tnode *e = &t->root, *fixed = e; /* fixed: e is not in the pool */
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += dec(u + i, len - i, &cp);
        if (e == &t->root && cp < 0x10000) {
            const zk_tnode **b = &t->top[cp >> 8];
            zk_tnode *nb;
            if (*b == empty_block) {
                /* a copy of the empty block (the cp of a top node is never
                 * read: its place in the table is its code point); a
                 * document's alias trie makes dozens of these */
                nb = zk_xmalloc(sizeof empty_block);
                memcpy(nb, empty_block, sizeof empty_block);
                *b = nb;
            }
            nb = (zk_tnode *)*b; /* not empty_block: one of ours, writable */
            e = fixed = &nb[cp & 255];
            continue;
        }
        const zk_tnode *c = kid(t, e, cp);
        uint32_t ci = c ? slot_of(t, c)
                        : add_kid(t, fixed, fixed ? 0 : slot_of(t, e), cp);
        e = &t->pool[ci].node;
        fixed = NULL;
    }
    int32_t old = e->value;
    if (old < 0) {
        e->value = value;
        t->nkeys++;
    }
    return old;
}

int32_t zk_trie_get(const zk_trie *t, const char *key, size_t len)
{
    const unsigned char *u = (const unsigned char *)key;
    const zk_tnode *e = &t->root;
    for (size_t i = 0; i < len && e;) {
        uint32_t cp;
        i += dec(u + i, len - i, &cp);
        e = e == &t->root ? root_kid(t, cp) : kid(t, e, cp);
    }
    return e ? e->value : -1;
}

size_t zk_trie_prefixes(const zk_trie *t, const char *s, size_t n,
                        zk_trie_match *out, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, k = 0;
    uint32_t cp;
    if (n == 0 || max == 0)
        return 0;
    i = dec(u, n, &cp);
    const zk_tnode *e = root_kid(t, cp);
    while (e) {
        if (e->value >= 0) {
            out[k].len = i;
            out[k].value = e->value;
            if (++k == max)
                break;
        }
        if (e->nkids == 0 || i >= n)
            break;
        i += dec(u + i, n - i, &cp);
        e = kid(t, e, cp);
    }
    return k;
}

size_t zk_trie_size(const zk_trie *t)
{
    return t->nkeys;
}

const uint8_t *zk_trie_first_map(const zk_trie *t)
{
    return t->first;
}
