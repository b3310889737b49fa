/*
 * ner.h - finding entity mentions in a normalised document (zk_ner_*).
 *
 * zk_ner_run() fills the document's entities and mentions and returns, for
 * every sentence, the list of markers the relation rules see: a marker is
 * a span of the normalised text standing for one entity (a name, a short
 * form, a one-character place form) or several (三地), or a resolved
 * reference (该公司, 我市).
 */
#ifndef ZK_NER_H
#define ZK_NER_H

#include "doc.h"
#include "rules.h"
#include "text.h"

#define ZK_MARK_MAXENT 4

typedef struct zk_marker {
    size_t start, end;            /* normalised byte span */
    const char *type;             /* entity type of the marker */
    size_t ent[ZK_MARK_MAXENT];   /* doc entity indices */
    size_t nent;
} zk_marker;

typedef struct zk_sent_marks {
    zk_marker *m;
    size_t n;
    long topic;       /* doc entity the passage is about (see ner.c), or -1 */
} zk_sent_marks;

/* Run NER over t; fills d (entities, mentions, sentences).  Returns an
 * array of t->nsent marker lists, freed with zk_ner_marks_free(). */
zk_sent_marks *zk_ner_run(const zk_rules *r, const zk_text *t, zk_doc *d);
void zk_ner_marks_free(zk_sent_marks *m, size_t n);

/* Relation pass (extract/rel.c): apply every relation rule to every
 * sentence's tagged form and add edges to d. */
void zk_rel_run(const zk_rules *r, const zk_text *t, const zk_sent_marks *marks,
                zk_doc *d);

#endif
