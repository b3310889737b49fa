/*
 * dot_internal.h - what the two DOT paths share: the attributes every
 * node, edge and the graph carry, their defaults, and the values taken
 * from a zk_node or zk_edge (dot.c).  The cgraph builder (dot.c, for the
 * figures) and the streamed writer (dot_write.c, for .dot files) both draw
 * on these, so a figure and `dot -Tsvg` of the DOT file look the same.
 */
#ifndef ZK_DOT_INTERNAL_H
#define ZK_DOT_INTERNAL_H

#include <string.h>

#include "export_internal.h"
#include "util.h"
#include "zhkg.h"

/* The attributes, each {name, default}, in the order of the values that
 * zk_dot_node_values and zk_dot_edge_values give.  cgraph and the writer
 * sort them by name (cgraph's dictionary order) when writing. */
enum { ZK_DOT_NA_FONT, ZK_DOT_NA_LABEL, ZK_DOT_NA_SHAPE, ZK_DOT_NA_STYLE,
       ZK_DOT_NA_FILL, ZK_DOT_NA_TOOLTIP, ZK_DOT_NA_TYPE, ZK_DOT_NA_MENTIONS,
       ZK_DOT_NA_COUNT };
enum { ZK_DOT_EA_FONT, ZK_DOT_EA_FONTSIZE, ZK_DOT_EA_LABEL, ZK_DOT_EA_COLOR,
       ZK_DOT_EA_FONTCOLOR, ZK_DOT_EA_DIR, ZK_DOT_EA_TOOLTIP, ZK_DOT_EA_TYPE,
       ZK_DOT_EA_DOC, ZK_DOT_EA_SENTENCE, ZK_DOT_EA_START, ZK_DOT_EA_END,
       ZK_DOT_EA_RULE, ZK_DOT_EA_ORIGIN, ZK_DOT_EA_TITLE, ZK_DOT_EA_SUPPORT,
       ZK_DOT_EA_COUNT };
/* The graph's: charset, fontname, rankdir, overlap, labelloc, label (the
 * legend, an HTML string). */
enum { ZK_DOT_GA_COUNT = 6 };
extern const char *const zk_dot_node_attrs[ZK_DOT_NA_COUNT][2];
extern const char *const zk_dot_edge_attrs[ZK_DOT_EA_COUNT][2];
extern const char *const zk_dot_graph_attrs[ZK_DOT_GA_COUNT][2];

/* The attribute values of node n, in zk_dot_node_attrs' order (NULL or
 * empty: not set).  tip (the caller's) receives the tooltip's text, num (24
 * bytes, the caller's) the mentions; the values point into n, tip, num or
 * static strings, valid while those are. */
void zk_dot_node_values(const zk_node *n, const char **val, zk_buf *tip,
                        char *num);
/* The attribute values of edge e, in zk_dot_edge_attrs' order (NULL or
 * empty: not set).  lab receives the label, num (4 x 24 bytes) the
 * numbers; lifetimes as for zk_dot_node_values. */
void zk_dot_edge_values(const zk_edge *e, const char **val, zk_buf *lab,
                        char *num);

/* The legend (an HTML-like table, see dot.c) for what v keeps of g, in b
 * (the caller's); returns b->data. */
const char *zk_dot_legend(const zk_graph *g, const zk_view *v, zk_buf *b);

/* zk_dot_text beyond its fast path (dot.c). */
const char *zk_dot_text_copy(zk_buf *b, const char *s, const char *bs);

/* s as DOT text: every backslash written as U+FF3C FULLWIDTH REVERSE
 * SOLIDUS (in labels and tooltips a backslash starts an escape, and a
 * value ending in one would end "...\" which the DOT scanner reads as an
 * escaped quote).  Returns s itself when it has none (nearly always; in
 * line, as it runs for every value written), else a copy in b.  NULL
 * gives "". */
static inline const char *zk_dot_text(zk_buf *b, const char *s)
{
    if (!s)
        return "";
    const char *bs = strchr(s, '\\');
    return bs ? zk_dot_text_copy(b, s, bs) : s;
}

#endif
