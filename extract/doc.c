/*
 * doc.c - building and freeing a document's extraction result (zk_doc).
 * The builders look entities up by canonical name and edges by type, ends
 * and sentence in one open-addressing hash table per document
 * (zk_doc_index), which holds indices into the document's arrays: the NER
 * asks for an entity at every mention, and a scan with strcmp over
 * everything found so far made a long article quadratic.  (An entity's
 * few aliases are still scanned.)  The content hash (SHA-256, by Nettle)
 * is what incremental updates recognise an already merged document by.
 */
#include "doc.h"
#include "util.h"

#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* The look-up table */

enum { K_ENT = 1, K_EDGE };

typedef struct zk_doc_slot {
    uint64_t hash;
    unsigned kind;          /* 0: empty */
    size_t a;               /* K_ENT: entity; K_EDGE: edge */
} zk_doc_slot;

struct zk_doc_index {
    zk_doc_slot *slot;
    size_t cap, n;          /* cap: a power of two */
    size_t nent, nedge;     /* entities and edges already in the table */
};

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + UINT64_C(0x9E3779B97F4A7C15) + (h << 6) + (h >> 2);
    return h;
}

static uint64_t hash_str(const char *s)
{
    return zk_hash_table(s, strlen(s));
}

/* (not the type: the few edges between the same ends in one sentence
 * share a hash and are told apart by strcmp) */
static uint64_t hash_edge(size_t src, size_t dst, size_t sentence)
{
    return mix(mix(mix(K_EDGE, src), dst), sentence);
}

static size_t slot_pos(uint64_t h, size_t cap)
{
    return (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (cap - 1);
}

static void index_put(struct zk_doc_index *x, uint64_t h, unsigned kind, size_t a);

static void index_grow(struct zk_doc_index *x)
{
    zk_doc_slot *old = x->slot;
    size_t ocap = x->cap;
    x->cap = ocap ? 2 * ocap : 64;
    x->slot = zk_xcalloc(x->cap, sizeof *x->slot);
    x->n = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].kind)
            index_put(x, old[i].hash, old[i].kind, old[i].a);
    free(old);
}

static void index_put(struct zk_doc_index *x, uint64_t h, unsigned kind, size_t a)
{
    if ((x->n + 1) * 2 > x->cap)
        index_grow(x);
    size_t p = slot_pos(h, x->cap);
    while (x->slot[p].kind)
        p = (p + 1) & (x->cap - 1);
    x->slot[p] = (zk_doc_slot){h, kind, a};
    x->n++;
}

/* The index of d, brought up to date with entities and edges that were
 * stored without the builders. */
static struct zk_doc_index *index_of(zk_doc *d)
{
    struct zk_doc_index *x = d->index;
    if (!x) {
        x = d->index = zk_xcalloc(1, sizeof *x);
        index_grow(x);
    }
    for (; x->nent < d->nent; x->nent++)
        index_put(x, hash_str(d->ent[x->nent].name), K_ENT, x->nent);
    for (; x->nedge < d->nedge; x->nedge++) {
        const zk_doc_edge *e = &d->edge[x->nedge];
        index_put(x, hash_edge(e->source, e->target, e->sentence), K_EDGE, x->nedge);
    }
    return x;
}

/* ------------------------------------------------------------------ */
/* Builders */

zk_doc *zk_doc_new(const char *name, size_t nsent)
{
    zk_doc *d = zk_xcalloc(1, sizeof *d);
    d->name = zk_xstrdup(name ? name : "");
    d->nsent = nsent;
    d->sent = nsent ? zk_xcalloc(nsent, sizeof *d->sent) : NULL;
    return d;
}

void zk_doc_free(zk_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nent; i++) {
        free(d->ent[i].name);
        free(d->ent[i].type);
        for (size_t j = 0; j < d->ent[i].naliases; j++)
            free(d->ent[i].aliases[j]);
        free(d->ent[i].aliases);
    }
    free(d->ent);
    for (size_t i = 0; i < d->nmen; i++) {
        free(d->men[i].surface);
        free(d->men[i].rule);
    }
    free(d->men);
    for (size_t i = 0; i < d->nsent; i++)
        free(d->sent[i].text);
    free(d->sent);
    for (size_t i = 0; i < d->nedge; i++) {
        free(d->edge[i].type);
        free(d->edge[i].rule);
        free(d->edge[i].title);
    }
    free(d->edge);
    free(d->name);
    free(d->hash);
    if (d->index)
        free(d->index->slot);
    free(d->index);
    free(d);
}

size_t zk_doc_entity(zk_doc *d, const char *name, const char *type)
{
    struct zk_doc_index *x = index_of(d);
    uint64_t h = hash_str(name);
    for (size_t p = slot_pos(h, x->cap); x->slot[p].kind; p = (p + 1) & (x->cap - 1)) {
        const zk_doc_slot *sl = &x->slot[p];
        if (sl->hash == h && sl->kind == K_ENT && strcmp(d->ent[sl->a].name, name) == 0)
            return sl->a;
    }
    if (d->nent == d->capent) {
        d->capent = d->capent ? d->capent * 2 : 32;
        d->ent = zk_xrealloc(d->ent, d->capent * sizeof *d->ent);
    }
    zk_entity *e = &d->ent[d->nent];
    memset(e, 0, sizeof *e);
    e->name = zk_xstrdup(name);
    e->type = zk_xstrdup(type);
    index_put(x, h, K_ENT, d->nent);
    x->nent = d->nent + 1;
    return d->nent++;
}

void zk_doc_entity_alias(zk_doc *d, size_t ent, const char *alias)
{
    /* a scan: an entity has a few aliases, and a hash costs more */
    zk_entity *e = &d->ent[ent];
    if (strcmp(e->name, alias) == 0)
        return;
    for (size_t i = 0; i < e->naliases; i++)
        if (strcmp(e->aliases[i], alias) == 0)
            return;
    e->aliases = zk_xrealloc(e->aliases, (e->naliases + 1) * sizeof *e->aliases);
    e->aliases[e->naliases++] = zk_xstrdup(alias);
}

void zk_doc_add_edge(zk_doc *d, const char *type, size_t src, size_t dst,
                     size_t sentence, const char *rule, long origin,
                     const char *title)
{
    if (src == dst)
        return;
    struct zk_doc_index *x = index_of(d);
    uint64_t h = hash_edge(src, dst, sentence);
    for (size_t p = slot_pos(h, x->cap); x->slot[p].kind; p = (p + 1) & (x->cap - 1)) {
        const zk_doc_slot *sl = &x->slot[p];
        if (sl->hash != h || sl->kind != K_EDGE)
            continue;
        const zk_doc_edge *e = &d->edge[sl->a];
        if (e->source == src && e->target == dst && e->sentence == sentence &&
            strcmp(e->type, type) == 0)
            return;
    }
    if (d->nedge == d->capedge) {
        d->capedge = d->capedge ? d->capedge * 2 : 32;
        d->edge = zk_xrealloc(d->edge, d->capedge * sizeof *d->edge);
    }
    zk_doc_edge *e = &d->edge[d->nedge];
    e->type = zk_xstrdup(type);
    e->source = src;
    e->target = dst;
    e->sentence = sentence;
    e->rule = zk_xstrdup(rule);
    e->origin = origin;
    e->title = title ? zk_xstrdup(title) : NULL;
    index_put(x, h, K_EDGE, d->nedge);
    x->nedge = ++d->nedge;
}

const char *zk_doc_name(const zk_doc *d)
{
    return d && d->name ? d->name : "";
}

const char *zk_doc_hash(const zk_doc *d)
{
    return d && d->hash ? d->hash : "";
}

void zk_doc_set_hash(zk_doc *d, const void *bytes, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t md[SHA256_DIGEST_SIZE];
    char *h;

    if (!d)
        return;
    sha256_init(&ctx);
    sha256_update(&ctx, len, len ? bytes : (const void *)"");
    sha256_digest(&ctx, sizeof md, md);
    h = zk_xmalloc(2 * sizeof md + 1);
    for (size_t i = 0; i < sizeof md; i++) {
        h[2 * i] = hex[md[i] >> 4];
        h[2 * i + 1] = hex[md[i] & 15];
    }
    h[2 * sizeof md] = '\0';
    free(d->hash);
    d->hash = h;
}
