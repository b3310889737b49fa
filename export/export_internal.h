/*
 * export_internal.h - helpers shared by the writers in export/.
 *
 * An edge carries one list of evidences; where a format has room for one
 * origin and one title per edge, every writer takes the same ones.  The DOT
 * writer (dot_write.c) and the renderer (render.c, through the cgraph
 * builder of dot.c) apply the same node cap and city clusters, computed
 * once (zk_view, in dot.c).
 */
#ifndef ZK_EXPORT_INTERNAL_H
#define ZK_EXPORT_INTERNAL_H

#include <stdio.h>
#include <string.h>

#include "util.h"
#include "zhkg.h"

/* The first evidence's origin label that is not NULL, or NULL. */
const char *zk_export_edge_origin(const zk_edge *e);
/* The first evidence's agreement title that is not NULL, or NULL. */
const char *zk_export_edge_title(const zk_edge *e);

/* zk_buf_append, in line where b has room: the writers append millions of
 * short pieces.  Not a copy of util.h: there only zk_buf_putc (one byte)
 * is in line, zk_buf_append is a call into util.c, and the writers' many
 * short strings (tags, quotes, runs of text) are worth the fast path.
 * For one byte use zk_buf_putc. */
static inline void zk_export_put(zk_buf *b, const char *s, size_t n)
{
    if (b->len + n < b->cap) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else {
        zk_buf_append(b, s, n);
    }
}

/* A large graph is far bigger than the caches, and an edge's strings and
 * end nodes are spread over all of it: waiting for each in turn is most of
 * the time a writer spends on an edge.  So the writers ask for the data
 * ahead of use, in stages because it is found through pointers: for edge
 * i, stage 2 fetches the edge, 1 its evidence and end nodes, 0 the strings
 * (each stage reads what the one before fetched, so call them some items
 * apart); for node i, stage 1 its label and aliases, 0 the first alias.
 * An index past the end is ignored.  Only a hint: no effect on output. */
void zk_export_prefetch_edge(const zk_graph *g, size_t i, int stage);
void zk_export_prefetch_node(const zk_graph *g, size_t i, int stage);

/* Append v in decimal to b (no snprintf: the exporters write millions). */
void zk_export_put_uint(zk_buf *b, size_t v);
/* Append s to b as a quoted JSON string, escaped exactly as cJSON prints
 * one (\" \\ \b \f \n \r \t, other bytes below 0x20 as \u00xx, the rest
 * as is), so JSON written by hand and JSON printed by cJSON agree byte
 * for byte.  s must not be NULL. */
void zk_export_put_json_string(zk_buf *b, const char *s);
/* Append the number v as cJSON prints the double (double)v. */
void zk_export_put_json_uint(zk_buf *b, size_t v);

/* The label graph databases get for a node type: city -> City,
 * tech_park -> TechPark (in b). */
const char *zk_export_label(const char *type, zk_buf *b);

/* Write a file the safe way (temporary file, fsync, rename; "-" is
 * stdout): write(out, arg, err) produces the content.  On failure the
 * temporary file is removed and err->file names path. */
zk_status zk_export_write_atomic(const char *path,
                                 zk_status (*write)(FILE *, void *,
                                                    zk_error *),
                                 void *arg, zk_error *err);

/* 1 if s is an absolute IRI fit to be the JSON-LD base (jsonld.c). */
int zk_export_iri_ok(const char *s);
/* The Graphviz engine of opts->layout ("dot" by default), or NULL if it is
 * not one zhkg offers (render.c). */
const char *zk_render_engine(const zk_export_opts *opts);

zk_status zk_export_dot_opts(const zk_graph *g, FILE *out,
                             const zk_export_opts *opts, zk_error *err);
zk_status zk_export_jsonld_opts(const zk_graph *g, FILE *out,
                                const zk_export_opts *opts, zk_error *err);

/* What the DOT writer and the renderer draw (dot.c): which nodes are kept
 * (the max_nodes cap) and which city's cluster each node is in. */
typedef struct zk_view {
    size_t nnodes, nedges;   /* of the graph */
    size_t kept;             /* nodes kept */
    unsigned char *keep;     /* per node: 1 if drawn */
    size_t *cluster;         /* per node: node index of its city, or
                              * (size_t)-1; NULL without cluster_city */
} zk_view;

/* Fill v for g and opts (NULL: defaults).  Free with zk_view_free. */
void zk_view_init(zk_view *v, const zk_graph *g, const zk_export_opts *opts);
void zk_view_free(zk_view *v);

/* The cgraph graph the renderer lays out (dot.c), which the DOT writer
 * (dot_write.c) writes as agwrite() would without building it: nodes
 * styled by type, edges by relation, the legend as the graph label.
 * io is the output discipline (NULL for the default one).  Returns NULL
 * when cgraph cannot allocate.  Close with agclose(). */
struct Agraph_s;
struct Agiodisc_s;
struct Agraph_s *zk_dot_build(const zk_graph *g, const zk_export_opts *opts,
                              struct Agiodisc_s *io);

#endif
