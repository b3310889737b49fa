/*
 * dot_write.c - `zhkg build -o G.dot`: the graph as DOT text, streamed.
 *
 * The file is what agwrite() would write for the cgraph graph that
 * zk_dot_build() (dot.c) makes, byte for byte, but no cgraph graph is
 * built: cgraph would hold a second copy of the graph (every value
 * interned in its string pool, every edge looked up in its tail's edge
 * tree), which doubled the memory (2.4x the graph's) and took 160 s for a
 * million nodes.  Instead the text is written node by node and edge by
 * edge, from the values dot.c gives (zk_dot_node_values,
 * zk_dot_edge_values, zk_dot_legend), into a buffer flushed every 64 KB,
 * in agwrite()'s order and form:
 *   - the default attributes of graph, node and edge first, then one
 *     subgraph per city cluster with its nodes (clusters in the order of
 *     their first node), then the nodes outside clusters and the edges: for
 *     each node in order, the node (unless an edge from an earlier node
 *     wrote it already) and its out-edges ordered by head, each head written
 *     just before the first edge into it from its earliest predecessor;
 *   - attributes sorted by name, those equal to their default left out;
 *   - every ID quoted, as the I/O discipline of earlier versions did for
 *     agwrite() (only the bare words "di" and "sub" stayed bare), with
 *     cgraph's own quoting, agcanon(), wherever a string needs more than
 *     a pair of quotes (see w_id).
 */
#include "dot_internal.h"

#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The writer's output: text piles up in buf and goes to f in blocks. */
typedef struct dot_w {
    FILE *f;
    zk_buf buf;
    zk_buf text;        /* one value with its backslashes replaced */
    zk_buf pad;         /* see w_id() */
    int bad;
} dot_w;

#define PUT_LIT(w, lit) zk_export_put(&(w)->buf, (lit), sizeof(lit) - 1)

/* Append "s" (n bytes) to b. */
static void put_quoted(zk_buf *b, const char *s, size_t n)
{
    zk_buf_putc(b, '"');
    zk_export_put(b, s, n);
    zk_buf_putc(b, '"');
}

static void w_flush(dot_w *w)
{
    if (w->buf.len && fwrite(w->buf.data, 1, w->buf.len, w->f) != w->buf.len)
        w->bad = 1;
    w->buf.len = 0;
}

static void w_indent(dot_w *w, int level)
{
    while (level-- > 0)
        zk_buf_putc(&w->buf, '\t');
}

/* Append s as a DOT ID, quoted as agwrite() quotes it (cgraph's agcanon:
 * a '"' escaped, a long string folded with backslash-newline, an HTML
 * string between < >), and a bare word quoted as well.
 *
 * agcanon changes a string only where it has a '"' or passes 128 bytes
 * (the fold comes after byte 128); any other string comes out as it is,
 * either bare (which we quote) or between quotes: "s" both ways.  So
 * those, nearly all, are quoted here without the call. */
static void w_id(dot_w *w, const char *s, int html)
{
    size_t n = strlen(s);
    const char *q = memchr(s, '"', n);
    if (!html && !q && n < 128) {
        /* the quoting discipline of earlier versions let these two be */
        if ((n == 2 && strcmp(s, "di") == 0) ||
            (n == 3 && strcmp(s, "sub") == 0)) {
            zk_export_put(&w->buf, s, n);
            return;
        }
        put_quoted(&w->buf, s, n);
        return;
    }
    if (!html && q) {
        /* agcanon works in a buffer of cgraph's that holds 2n + 2 bytes
         * (BUFSIZ at least); a value of nearly only '"' needs more.  The
         * buffer only grows: let a blank string of the needed size grow it
         * first. */
        size_t nq = 0;
        for (; q; q = strchr(q + 1, '"'))
            nq++;
        size_t need = n + nq + 2 * (n / 128 + 1) + 3;
        if (need > 2 * n + 2 && need > BUFSIZ) {
            w->pad.len = 0;
            for (size_t i = 0; i < need / 2 + 1; i++)
                zk_buf_putc(&w->pad, ' ');
            agcanon(w->pad.data, 1);
        }
    }
    const char *c = agcanon((char *)s, html);
    if (c == s)
        put_quoted(&w->buf, s, n);
    else
        zk_buf_puts(&w->buf, c);
}

/* The attribute list of an object as agwrite() writes it after its name:
 * \t["a"="x",\n<level+1 tabs>"b"="y"] for the values that are set and
 * differ from their default, in the order of the names (order[]). */
static void w_attrs(dot_w *w, const char *const (*attrs)[2],
                    const size_t *order, size_t n, const char **val,
                    int level)
{
    int cnt = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        if (!val[i] || !*val[i])
            continue;
        const char *t = zk_dot_text(&w->text, val[i]);
        if (strcmp(t, attrs[i][1]) == 0)
            continue;
        if (cnt++ == 0) {
            PUT_LIT(w, "\t[");
        } else {
            PUT_LIT(w, ",\n");
            w_indent(w, level + 1);
        }
        w_id(w, attrs[i][0], 0);
        zk_buf_putc(&w->buf, '=');
        w_id(w, t, 0);
    }
    if (cnt)
        zk_buf_putc(&w->buf, ']');
}

/* A graph's, the nodes' or the edges' defaults at level: name ["a"="x",
 * \n...\n]; (val: the values, NULL for the defaults in attrs; html: the
 * index of the one that is an HTML string, or -1).  Empty values are left
 * out, except in a subgraph (keep_empty), where cgraph writes them because
 * the root graph's value is not empty. */
static void w_dict(dot_w *w, const char *name, const char *const (*attrs)[2],
                   const size_t *order, size_t n, const char **val,
                   size_t html, int keep_empty, int level)
{
    int cnt = 0;
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        const char *v = val ? val[i] : attrs[i][1];
        if (!*v && !keep_empty)
            continue;
        if (cnt++ == 0) {
            w_indent(w, level);
            zk_buf_puts(&w->buf, name);
            PUT_LIT(w, " [");
        } else {
            PUT_LIT(w, ",\n");
            w_indent(w, level + 1);
        }
        w_id(w, attrs[i][0], 0);
        zk_buf_putc(&w->buf, '=');
        w_id(w, v, i == html);
    }
    if (cnt) {
        if (cnt > 1) {
            zk_buf_putc(&w->buf, '\n');
            w_indent(w, level);
        }
        PUT_LIT(w, "];\n");
    }
}

/* order[] = 0..n-1 sorted by attribute name, cgraph's dictionary order. */
static void name_order(const char *const (*attrs)[2], size_t n, size_t *order)
{
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        for (; j > 0 && strcmp(attrs[order[j - 1]][0], attrs[i][0]) > 0; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
}

/* What the writer needs to know of the edges: each node's out-edges in
 * cgraph's order (by head, then in edge order), as a CSR array, and the
 * node that writes each node (itself, or its earliest predecessor if that
 * comes first). */
typedef struct dot_adj {
    size_t *start;      /* out-edges of i: out[start[i] .. start[i + 1]] */
    size_t *out;        /* edge indices */
    size_t *first;      /* per node: the node whose turn writes it */
    unsigned char *has_edge;
} dot_adj;

static void adj_init(dot_adj *a, const zk_graph *g, const zk_view *v)
{
    size_t nn = v->nnodes, ne = v->nedges, m = 0;
    a->start = zk_xcalloc(nn + 2, sizeof *a->start);
    a->first = zk_xmalloc((nn ? nn : 1) * sizeof *a->first);
    a->has_edge = zk_xcalloc(nn ? nn : 1, 1);
    for (size_t i = 0; i < nn; i++)
        a->first[i] = i;
    /* Two stable counting sorts: by head, then by tail. */
    size_t *by_head = zk_xmalloc((ne ? ne : 1) * sizeof *by_head);
    for (size_t i = 0; i < ne; i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (!v->keep[e->source] || !v->keep[e->target])
            continue;
        m++;
        a->start[e->target + 2]++;
        a->has_edge[e->source] = a->has_edge[e->target] = 1;
        if (e->source < a->first[e->target])
            a->first[e->target] = e->source;
    }
    for (size_t i = 2; i < nn + 2; i++)
        a->start[i] += a->start[i - 1];
    for (size_t i = 0; i < ne; i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (v->keep[e->source] && v->keep[e->target])
            by_head[a->start[e->target + 1]++] = i;
    }
    memset(a->start, 0, (nn + 2) * sizeof *a->start);
    for (size_t k = 0; k < m; k++)
        a->start[zk_graph_edge(g, by_head[k])->source + 2]++;
    for (size_t i = 2; i < nn + 2; i++)
        a->start[i] += a->start[i - 1];
    a->out = zk_xmalloc((m ? m : 1) * sizeof *a->out);
    for (size_t k = 0; k < m; k++)
        a->out[a->start[zk_graph_edge(g, by_head[k])->source + 1]++] =
            by_head[k];
    free(by_head);
}

static void adj_free(dot_adj *a)
{
    free(a->start);
    free(a->out);
    free(a->first);
    free(a->has_edge);
}

typedef struct dot_ctx {
    const zk_graph *g;
    dot_w *w;
    size_t norder[ZK_DOT_NA_COUNT], eorder[ZK_DOT_EA_COUNT];
    zk_buf tmp;
    char num[4 * 24];
} dot_ctx;

static void w_node(dot_ctx *c, size_t i, int level)
{
    const char *val[ZK_DOT_NA_COUNT];
    const zk_node *n = zk_graph_node(c->g, i);
    zk_dot_node_values(n, val, &c->tmp, c->num);
    w_indent(c->w, level);
    w_id(c->w, n->id, 0);
    w_attrs(c->w, zk_dot_node_attrs, c->norder, ZK_DOT_NA_COUNT, val, level);
    PUT_LIT(c->w, ";\n");
}

static void w_edge(dot_ctx *c, size_t i)
{
    const char *val[ZK_DOT_EA_COUNT];
    const zk_edge *e = zk_graph_edge(c->g, i);
    zk_dot_edge_values(e, val, &c->tmp, c->num);
    PUT_LIT(c->w, "\t");
    w_id(c->w, zk_graph_node(c->g, e->source)->id, 0);
    PUT_LIT(c->w, " -> ");
    w_id(c->w, zk_graph_node(c->g, e->target)->id, 0);
    w_attrs(c->w, zk_dot_edge_attrs, c->eorder, ZK_DOT_EA_COUNT, val, 1);
    PUT_LIT(c->w, ";\n");
}

/* Whether a node outside the clusters is written at all: agwrite() leaves
 * out a node that has edges and only default attributes. */
static int node_shown(dot_ctx *c, const dot_adj *a, size_t i)
{
    if (!a->has_edge[i])
        return 1;
    const char *val[ZK_DOT_NA_COUNT];
    zk_dot_node_values(zk_graph_node(c->g, i), val, &c->tmp, c->num);
    for (size_t k = 0; k < ZK_DOT_NA_COUNT; k++)
        if (val[k] && *val[k] &&
            strcmp(zk_dot_text(&c->w->text, val[k]),
                   zk_dot_node_attrs[k][1]) != 0)
            return 1;
    return 0;
}

/* One subgraph per city cluster, in the order of their first node, each
 * with its nodes in node order. */
static void w_clusters(dot_ctx *c, const zk_view *v)
{
    size_t nn = v->nnodes, none = (size_t)-1, ncl = 0;
    size_t *slot = zk_xmalloc((nn ? nn : 1) * sizeof *slot);
    size_t *city = zk_xmalloc((nn ? nn : 1) * sizeof *city);
    size_t *start = zk_xcalloc(nn + 2, sizeof *start);
    for (size_t i = 0; i < nn; i++)
        slot[i] = none;
    for (size_t i = 0; i < nn; i++) {
        size_t cl = v->cluster[i];
        if (!v->keep[i] || cl == none)
            continue;
        if (slot[cl] == none) {
            slot[cl] = ncl;
            city[ncl++] = cl;
        }
        start[slot[cl] + 2]++;
    }
    for (size_t k = 2; k < ncl + 2; k++)
        start[k] += start[k - 1];
    size_t *member = zk_xmalloc((nn ? nn : 1) * sizeof *member);
    for (size_t i = 0; i < nn; i++)
        if (v->keep[i] && v->cluster[i] != none)
            member[start[slot[v->cluster[i]] + 1]++] = i;
    static const char *const cl_attrs[][2] = {
        {"color", "#6fa8dc"}, {"label", ""}, {"labeljust", "l"},
        {"labelloc", "t"}, {"style", "rounded"},
    };
    static const size_t cl_order[] = {0, 1, 2, 3, 4};
    zk_buf name;
    zk_buf_init(&name);
    for (size_t k = 0; k < ncl && !c->w->bad; k++) {
        const zk_node *cn = zk_graph_node(c->g, city[k]);
        name.len = 0;
        zk_buf_puts(&name, "cluster_");
        zk_buf_puts(&name, cn->id);
        PUT_LIT(c->w, "\tsubgraph ");
        w_id(c->w, name.data, 0);
        PUT_LIT(c->w, " {\n");
        const char *val[5] = {cl_attrs[0][1], zk_dot_text(&c->tmp, cn->label),
                              cl_attrs[2][1], cl_attrs[3][1], cl_attrs[4][1]};
        w_dict(c->w, "graph", cl_attrs, cl_order, 5, val, (size_t)-1, 1, 2);
        for (size_t m = start[k]; m < start[k + 1]; m++)
            w_node(c, member[m], 2);
        PUT_LIT(c->w, "\t}\n");
        if (c->w->buf.len >= 65536)
            w_flush(c->w);
    }
    zk_buf_free(&name);
    free(slot);
    free(city);
    free(start);
    free(member);
}

zk_status zk_export_dot(const zk_graph *g, FILE *out, zk_error *err)
{
    return zk_export_dot_opts(g, out, NULL, err);
}

zk_status zk_export_dot_opts(const zk_graph *g, FILE *out,
                             const zk_export_opts *opts, zk_error *err)
{
    if (!g || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_export_dot: NULL argument");
    dot_w w;
    memset(&w, 0, sizeof w);
    w.f = out;
    zk_buf_init(&w.buf);
    zk_buf_init(&w.text);
    zk_buf_init(&w.pad);
    dot_ctx c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.w = &w;
    zk_buf_init(&c.tmp);
    name_order(zk_dot_node_attrs, ZK_DOT_NA_COUNT, c.norder);
    name_order(zk_dot_edge_attrs, ZK_DOT_EA_COUNT, c.eorder);
    zk_view v;
    zk_view_init(&v, g, opts);

    /* the header and the defaults; the graph's label is the legend */
    size_t ng = ZK_DOT_GA_COUNT, gorder[ZK_DOT_GA_COUNT];
    size_t glabel = (size_t)-1;
    const char *gval[ZK_DOT_GA_COUNT];
    name_order(zk_dot_graph_attrs, ng, gorder);
    for (size_t i = 0; i < ng; i++) {
        gval[i] = zk_dot_graph_attrs[i][1];
        if (strcmp(zk_dot_graph_attrs[i][0], "label") == 0)
            gval[glabel = i] = zk_dot_legend(g, &v, &c.tmp);
    }
    PUT_LIT(&w, "digraph ");
    w_id(&w, "zhkg", 0);
    PUT_LIT(&w, " {\n");
    w_dict(&w, "graph", zk_dot_graph_attrs, gorder, ng, gval, glabel, 0, 1);
    w_dict(&w, "node", zk_dot_node_attrs, c.norder, ZK_DOT_NA_COUNT, NULL,
           (size_t)-1, 0, 1);
    w_dict(&w, "edge", zk_dot_edge_attrs, c.eorder, ZK_DOT_EA_COUNT, NULL,
           (size_t)-1, 0, 1);

    if (v.cluster)
        w_clusters(&c, &v);
    dot_adj a;
    adj_init(&a, g, &v);
    for (size_t i = 0; i < v.nnodes && !w.bad; i++) {
        if (!v.keep[i])
            continue;
        int outside = !v.cluster || v.cluster[i] == (size_t)-1;
        if (outside && a.first[i] == i && node_shown(&c, &a, i))
            w_node(&c, i, 1);
        size_t prev = i;
        for (size_t k = a.start[i]; k < a.start[i + 1]; k++) {
            /* edges in this order are all over the graph: fetch ahead */
            if (k + 24 < a.start[v.nnodes])
                zk_export_prefetch_edge(g, a.out[k + 24], 2);
            if (k + 16 < a.start[v.nnodes])
                zk_export_prefetch_edge(g, a.out[k + 16], 1);
            if (k + 8 < a.start[v.nnodes])
                zk_export_prefetch_edge(g, a.out[k + 8], 0);
            size_t h = zk_graph_edge(g, a.out[k])->target;
            if (h != prev && a.first[h] == i && h != i &&
                (!v.cluster || v.cluster[h] == (size_t)-1) &&
                node_shown(&c, &a, h)) {
                w_node(&c, h, 1);
                prev = h;
            }
            w_edge(&c, a.out[k]);
        }
        if (w.buf.len >= 65536)
            w_flush(&w);
    }
    PUT_LIT(&w, "}\n");
    w_flush(&w);
    adj_free(&a);
    zk_view_free(&v);
    zk_buf_free(&c.tmp);
    zk_buf_free(&w.buf);
    zk_buf_free(&w.text);
    zk_buf_free(&w.pad);
    if (w.bad || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the DOT output");
    return ZK_OK;
}
