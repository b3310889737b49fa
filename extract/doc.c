/*
 * doc.c - building and freeing a document's extraction result (zk_doc).
 * Entities are found by canonical name with a linear scan: a document has
 * at most a few hundred entities.  The content hash (SHA-256, by Nettle)
 * is what incremental updates recognise an already merged document by.
 */
#include "doc.h"
#include "util.h"

#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>

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
    free(d);
}

size_t zk_doc_entity(zk_doc *d, const char *name, const char *type)
{
    for (size_t i = 0; i < d->nent; i++)
        if (strcmp(d->ent[i].name, name) == 0)
            return i;
    if (d->nent == d->capent) {
        d->capent = d->capent ? d->capent * 2 : 32;
        d->ent = zk_xrealloc(d->ent, d->capent * sizeof *d->ent);
    }
    zk_entity *e = &d->ent[d->nent];
    memset(e, 0, sizeof *e);
    e->name = zk_xstrdup(name);
    e->type = zk_xstrdup(type);
    return d->nent++;
}

void zk_doc_entity_alias(zk_doc *d, size_t ent, const char *alias)
{
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
    for (size_t i = 0; i < d->nedge; i++) {
        zk_doc_edge *e = &d->edge[i];
        if (e->source == src && e->target == dst && e->sentence == sentence &&
            strcmp(e->type, type) == 0)
            return;
    }
    if (d->nedge == d->capedge) {
        d->capedge = d->capedge ? d->capedge * 2 : 32;
        d->edge = zk_xrealloc(d->edge, d->capedge * sizeof *d->edge);
    }
    zk_doc_edge *e = &d->edge[d->nedge++];
    e->type = zk_xstrdup(type);
    e->source = src;
    e->target = dst;
    e->sentence = sentence;
    e->rule = zk_xstrdup(rule);
    e->origin = origin;
    e->title = title ? zk_xstrdup(title) : NULL;
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
