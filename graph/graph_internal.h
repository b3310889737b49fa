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

#endif
