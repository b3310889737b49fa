/*
 * graph_internal.h - graph look-ups for the exporters, beyond zhkg.h.
 *
 * The public views give an evidence's origin as a label; an exporter that
 * needs the origin as a node (JSON-LD links it by IRI) finds it here, and
 * which relation types are undirected is decided here for every module.
 */
#ifndef ZK_GRAPH_INTERNAL_H
#define ZK_GRAPH_INTERNAL_H

#include "zhkg.h"

/* Sorted index of the node one of whose surface forms (label or alias) is
 * name, or (size_t)-1 if none.  Valid after zk_graph_finish. */
size_t zk_graph_lookup(const zk_graph *g, const char *name);

/* 1 if edges of this relation type have no direction (agreement): such an
 * edge is stored once, source before target in node order. */
int zk_graph_type_undirected(const char *type);

/* zk_graph_add_edge with the sentence's span also in characters of the
 * original file (cstart, cend; cend == 0 when not known), which
 * zk_graph_add_doc takes from the document and the exporters write as a
 * TextPositionSelector.  Not in zhkg.h: the builder API stays as it is. */
void zk_graph_add_edge_chars(zk_graph *g, const char *type, size_t source,
                             size_t target, const char *doc,
                             const char *sentence, size_t sentence_index,
                             size_t start, size_t end, size_t cstart,
                             size_t cend, const char *rule, size_t origin,
                             const char *title);

#endif
