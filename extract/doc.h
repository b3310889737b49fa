/*
 * doc.h - one document's extraction result (struct zk_doc).
 *
 * This is the plain value that flows from extract/ to graph/: the entities
 * the document mentions (each with its canonical name in this document and
 * the other surface forms it used), every mention with its byte span in the
 * original file, and the edges found between entities, each pointing to the
 * sentence that supports it.  graph/ merges it; nothing here knows about the
 * graph.  Everything is owned by the zk_doc and freed by zk_doc_free().
 */
#ifndef ZK_DOC_H
#define ZK_DOC_H

#include "zhkg.h"

typedef struct zk_entity {
    char *name;            /* canonical name in this document */
    char *type;            /* city, park, agency, company, institution */
    char **aliases;        /* other surface forms used in the document */
    size_t naliases;
    unsigned long mentions;
    int lex_org;           /* an organisation from the lexicon: named by its longest surface */
    int canon_seen;        /* the canonical name itself occurred */
} zk_entity;

typedef struct zk_mention {
    size_t entity;         /* index into zk_doc.ent */
    size_t sentence;       /* index into zk_doc.sent */
    size_t start, end;     /* byte span in the ORIGINAL file */
    size_t nstart, nend;   /* byte span in the normalised text */
    char *surface;         /* normalised surface form */
    char *rule;            /* rule id that found it */
} zk_mention;

typedef struct zk_doc_sentence {
    char *text;            /* normalised sentence text */
    size_t start, end;     /* byte span in the original file */
    size_t cstart, cend;   /* the same span in characters (code points) of
                            * the original file; cend == 0: not known */
} zk_doc_sentence;

typedef struct zk_doc_edge {
    char *type;            /* relation type */
    size_t source, target; /* entity indices */
    size_t sentence;       /* index into zk_doc.sent */
    char *rule;            /* rule id */
    long origin;           /* entity index of the origin place, or -1 */
    char *title;           /* agreement title or NULL */
} zk_doc_edge;

struct zk_doc_index;       /* look-up tables of the builders (doc.c) */

struct zk_doc {
    char *name;
    char *hash;            /* SHA-256 of the text's bytes, 64 hex digits, or NULL */
    zk_entity *ent;
    size_t nent, capent;
    zk_mention *men;
    size_t nmen, capmen;
    zk_doc_sentence *sent;
    size_t nsent;
    zk_doc_edge *edge;
    size_t nedge, capedge;
    struct zk_doc_index *index; /* private to doc.c; NULL until a builder runs */
};

/* Builders used by the extractor (extract/doc.c). Strings are copied.
 * Entities and edges are found through a hash table, in O(1): those
 * stored by other code (doc_json.c fills the arrays directly) are taken
 * into it on the next call; but a name changed in place is not seen by
 * it, so entity names are only rewritten once the builders are done
 * (ner.c does that last). */
zk_doc *zk_doc_new(const char *name, size_t nsent);
/* Find or add an entity by canonical name; returns its index. */
size_t zk_doc_entity(zk_doc *d, const char *name, const char *type);
/* Add alias to entity ent unless it is its name or already an alias. */
void zk_doc_entity_alias(zk_doc *d, size_t ent, const char *alias);
/* Add an edge unless the same type, ends and sentence is there. */
void zk_doc_add_edge(zk_doc *d, const char *type, size_t src, size_t dst,
                     size_t sentence, const char *rule, long origin,
                     const char *title);

#endif
