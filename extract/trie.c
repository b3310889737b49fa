/*
 * trie.c - byte trie over an open-addressing hash of (node, byte) edges.
 *
 * Node 0 is the root.  Each node has a value (-1 when no key ends there).
 * An edge (parent, byte) -> child lives in one flat hash table; the table
 * doubles when half full.  Lookup of a prefix walks byte by byte and stops
 * at the first missing edge, so the cost is bounded by the longest key.
 */
#include "trie.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct zk_edge_slot {
    uint32_t parent;   /* UINT32_MAX when empty */
    uint32_t child;
    uint8_t byte;
} zk_edge_slot;

struct zk_trie {
    int32_t *values;   /* per node */
    size_t nnodes, capnodes;
    zk_edge_slot *slots;
    size_t nslots, used;
    size_t nkeys;
};

static size_t slot_of(uint32_t parent, uint8_t byte, size_t mask)
{
    uint64_t h = ((uint64_t)parent << 8 | byte) * 0x9E3779B97F4A7C15ULL;
    return (size_t)(h >> 20) & mask;
}

static void grow_slots(zk_trie *t)
{
    size_t n = t->nslots ? t->nslots * 2 : 1024;
    zk_edge_slot *s = zk_xmalloc(n * sizeof *s);
    for (size_t i = 0; i < n; i++)
        s[i].parent = UINT32_MAX;
    for (size_t i = 0; i < t->nslots; i++) {
        zk_edge_slot *e = &t->slots[i];
        if (e->parent == UINT32_MAX)
            continue;
        size_t j = slot_of(e->parent, e->byte, n - 1);
        while (s[j].parent != UINT32_MAX)
            j = (j + 1) & (n - 1);
        s[j] = *e;
    }
    free(t->slots);
    t->slots = s;
    t->nslots = n;
}

zk_trie *zk_trie_new(void)
{
    zk_trie *t = zk_xcalloc(1, sizeof *t);
    t->capnodes = 256;
    t->values = zk_xmalloc(t->capnodes * sizeof *t->values);
    t->values[0] = -1;
    t->nnodes = 1;
    grow_slots(t);
    return t;
}

void zk_trie_free(zk_trie *t)
{
    if (!t)
        return;
    free(t->values);
    free(t->slots);
    free(t);
}

static uint32_t child_of(const zk_trie *t, uint32_t node, uint8_t byte)
{
    size_t mask = t->nslots - 1;
    size_t j = slot_of(node, byte, mask);
    for (;;) {
        const zk_edge_slot *e = &t->slots[j];
        if (e->parent == UINT32_MAX)
            return UINT32_MAX;
        if (e->parent == node && e->byte == byte)
            return e->child;
        j = (j + 1) & mask;
    }
}

int32_t zk_trie_add(zk_trie *t, const char *key, size_t len, int32_t value)
{
    uint32_t node = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t b = (uint8_t)key[i];
        uint32_t c = child_of(t, node, b);
        if (c == UINT32_MAX) {
            if (t->nnodes == t->capnodes) {
                t->capnodes *= 2;
                t->values = zk_xrealloc(t->values, t->capnodes * sizeof *t->values);
            }
            c = (uint32_t)t->nnodes++;
            t->values[c] = -1;
            if ((t->used + 1) * 2 > t->nslots)
                grow_slots(t);
            size_t j = slot_of(node, b, t->nslots - 1);
            while (t->slots[j].parent != UINT32_MAX)
                j = (j + 1) & (t->nslots - 1);
            t->slots[j].parent = node;
            t->slots[j].byte = b;
            t->slots[j].child = c;
            t->used++;
        }
        node = c;
    }
    int32_t old = t->values[node];
    if (old < 0) {
        t->values[node] = value;
        t->nkeys++;
    }
    return old;
}

int32_t zk_trie_get(const zk_trie *t, const char *key, size_t len)
{
    uint32_t node = 0;
    for (size_t i = 0; i < len && node != UINT32_MAX; i++)
        node = child_of(t, node, (uint8_t)key[i]);
    return node == UINT32_MAX ? -1 : t->values[node];
}

size_t zk_trie_prefixes(const zk_trie *t, const char *s, size_t n,
                        zk_trie_match *out, size_t max)
{
    uint32_t node = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        node = child_of(t, node, (uint8_t)s[i]);
        if (node == UINT32_MAX)
            break;
        if (t->values[node] >= 0 && k < max) {
            out[k].len = i + 1;
            out[k].value = t->values[node];
            k++;
        }
    }
    return k;
}

size_t zk_trie_size(const zk_trie *t)
{
    return t->nkeys;
}
