/*
 * dot.c - the graph as Graphviz DOT: written as a stream in cgraph's own
 * form, and built as a cgraph graph for the figures.
 *
 * Nodes are named by their zk_node id and styled by type (shape and fill
 * colour); edges are coloured by relation type, agreement edges have no
 * arrow head, and every edge carries its first evidence as tooltip and its
 * provenance (doc, sentence, start, end, rule, origin, title, support) as
 * plain attributes that Graphviz ignores and other tools can read.  The
 * legend is an HTML-like table in the graph label, so it adds no node: the
 * DOT has exactly the graph's nodes.  Conventions: docs/format-dot.md.
 * Options: a cap on the number of nodes (the highest degrees are kept) and
 * one cluster per city holding what is located in it (zk_view, computed
 * here).  What each node and edge carries is decided once (node_values,
 * edge_values) for both uses below, so a figure and `dot -Tsvg` of the DOT
 * file look the same.
 *
 * zk_dot_build() makes the cgraph graph that render.c lays out and draws
 * with libgvc.  zk_export_dot does not build one: cgraph would hold a
 * second copy of the graph (every value interned in its string pool, every
 * edge looked up in its tail's edge tree; 2.4x the graph's memory and 160 s
 * for a million nodes).  It writes the text agwrite() would write for that
 * graph, node by node and edge by edge, quoting with cgraph's own agcanon():
 *   - the default attributes of graph, node and edge first, then one
 *     subgraph per city cluster with its nodes (clusters in the order of
 *     their first node), then the nodes outside clusters and the edges: for
 *     each node in order, the node (unless an edge from an earlier node
 *     wrote it already) and its out-edges ordered by head, each head written
 *     just before the first edge into it from its earliest predecessor;
 *   - attributes sorted by name, those equal to their default left out;
 *   - every ID quoted, as the I/O discipline of earlier versions did for
 *     agwrite() (only the bare words "di" and "sub" stayed bare).
 *
 * Backslashes in our strings are written as U+FF3C FULLWIDTH REVERSE
 * SOLIDUS: in labels and tooltips a backslash starts an escape (\N, \n),
 * and a value ending in one would end "...\" which the DOT scanner reads as
 * an escaped quote.
 */
#include "export_internal.h"

#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "util.h"

#define DOT_FONT "WenQuanYi Zen Hei"

typedef struct dot_node_style {
    const char *type, *name, *shape, *style, *fill;
} dot_node_style;

static const dot_node_style node_styles[] = {
    {"city", "城市", "ellipse", "filled", "#cfe2f3"},
    {"park", "园区", "box", "filled", "#d9ead3"},
    {"agency", "机构", "hexagon", "filled", "#fff2cc"},
    {"company", "企业", "box", "rounded,filled", "#f4cccc"},
    {"institution", "院所", "house", "filled", "#d9d2e9"},
};
static const dot_node_style other_style = {"", "", "ellipse", "filled",
                                           "#eeeeee"};

typedef struct dot_edge_style {
    const char *type, *name, *color;
} dot_edge_style;

static const dot_edge_style edge_styles[] = {
    {"relocation", "迁移", "#cc0000"},
    {"agreement", "协议", "#38761d"},
    {"tech_transfer", "技术转移", "#1155cc"},
    {"located_in", "位于", "#666666"},
};

static const dot_node_style *node_style(const char *type)
{
    for (size_t i = 0; i < sizeof node_styles / sizeof *node_styles; i++)
        if (strcmp(type, node_styles[i].type) == 0)
            return &node_styles[i];
    return &other_style;
}

static const dot_edge_style *edge_style(const char *type)
{
    for (size_t i = 0; i < sizeof edge_styles / sizeof *edge_styles; i++)
        if (strcmp(type, edge_styles[i].type) == 0)
            return &edge_styles[i];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */

/* s with every backslash replaced (see the header): s itself when it has
 * none (nearly always), else a copy in b. */
static const char *dot_text(zk_buf *b, const char *s)
{
    if (!s)
        return "";
    const char *bs = strchr(s, '\\');
    if (!bs)
        return s;
    b->len = 0;
    for (; bs; s = bs + 1, bs = strchr(s, '\\')) {
        zk_buf_append(b, s, (size_t)(bs - s));
        zk_buf_puts(b, "\xEF\xBC\xBC");
    }
    zk_buf_puts(b, s);
    return b->data;
}

/* Attributes with their defaults, declared once; set through the symbol
 * (agxset), which spares a look-up by name per object. */
enum { NA_FONT, NA_LABEL, NA_SHAPE, NA_STYLE, NA_FILL, NA_TOOLTIP, NA_TYPE,
       NA_MENTIONS, NA_COUNT };
static const char *const node_attrs[NA_COUNT][2] = {
    {"fontname", DOT_FONT}, {"label", "\\N"}, {"shape", "ellipse"},
    {"style", "filled"}, {"fillcolor", "#eeeeee"}, {"tooltip", ""},
    {"type", ""}, {"mentions", ""},
};
enum { EA_FONT, EA_FONTSIZE, EA_LABEL, EA_COLOR, EA_FONTCOLOR, EA_DIR,
       EA_TOOLTIP, EA_TYPE, EA_DOC, EA_SENTENCE, EA_START, EA_END, EA_RULE,
       EA_ORIGIN, EA_TITLE, EA_SUPPORT, EA_COUNT };
static const char *const edge_attrs[EA_COUNT][2] = {
    {"fontname", DOT_FONT}, {"fontsize", "10"}, {"label", ""},
    {"color", "black"}, {"fontcolor", "black"}, {"dir", "forward"},
    {"tooltip", ""}, {"type", ""}, {"doc", ""}, {"sentence", ""},
    {"start", ""}, {"end", ""}, {"rule", ""}, {"origin", ""}, {"title", ""},
    {"support", ""},
};
static const char *const graph_attrs[][2] = {
    {"charset", "UTF-8"}, {"fontname", DOT_FONT}, {"rankdir", "LR"},
    {"overlap", "false"}, {"labelloc", "b"}, {"label", ""},
};

static void declare(Agraph_t *dg, int kind, const char *const (*attrs)[2],
                    size_t n, Agsym_t **syms)
{
    for (size_t i = 0; i < n; i++)
        syms[i] = agattr(dg, kind, (char *)attrs[i][0], (char *)attrs[i][1]);
}

/* A number as attribute text, in buf (24 bytes). */
static const char *num_text(char *buf, size_t v)
{
    char *p = buf + 23;
    *p = '\0';
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    return p;
}

/* The attribute values of node n, in node_attrs' order (NULL or empty:
 * not set).  tip and num hold the text of the tooltip and the mentions. */
static void node_values(const zk_node *n, const char **val, zk_buf *tip,
                        char *num)
{
    const dot_node_style *st = node_style(n->type);
    memset(val, 0, NA_COUNT * sizeof *val);
    val[NA_LABEL] = n->label;
    val[NA_SHAPE] = st->shape;
    val[NA_STYLE] = st->style;
    val[NA_FILL] = st->fill;
    val[NA_TYPE] = n->type;
    val[NA_MENTIONS] = num_text(num, n->mentions);
    tip->len = 0;
    zk_buf_puts(tip, n->label);
    for (size_t k = 0; k < n->naliases; k++) {
        zk_buf_puts(tip, k ? "、" : "（别名：");
        zk_buf_puts(tip, n->aliases[k]);
    }
    if (n->naliases)
        zk_buf_puts(tip, "）");
    val[NA_TOOLTIP] = tip->data;
}

/* The attribute values of edge e, in edge_attrs' order (NULL or empty: not
 * set).  lab holds the label, num 4 x 24 bytes the numbers. */
static void edge_values(const zk_edge *e, const char **val, zk_buf *lab,
                        char *num)
{
    const zk_evidence *ev = &e->evidence[0];
    const dot_edge_style *st = edge_style(e->type);
    const char *color = st ? st->color : "#000000";
    memset(val, 0, EA_COUNT * sizeof *val);
    lab->len = 0;
    zk_buf_puts(lab, st ? st->name : e->type);
    if (e->nevidence > 1) {
        char n[24];
        zk_buf_puts(lab, " ×");
        zk_buf_puts(lab, num_text(n, e->nevidence));
    }
    val[EA_LABEL] = lab->data;
    val[EA_COLOR] = color;
    val[EA_FONTCOLOR] = color;
    if (zk_graph_type_undirected(e->type))
        val[EA_DIR] = "none";
    val[EA_TOOLTIP] = ev->sentence;
    val[EA_TYPE] = e->type;
    val[EA_DOC] = ev->doc;
    val[EA_SENTENCE] = num_text(num, ev->sentence_index);
    val[EA_START] = num_text(num + 24, ev->start);
    val[EA_END] = num_text(num + 48, ev->end);
    val[EA_RULE] = ev->rule;
    val[EA_ORIGIN] = zk_export_edge_origin(e);
    val[EA_TITLE] = zk_export_edge_title(e);
    val[EA_SUPPORT] = num_text(num + 72, e->nevidence);
}

static void html_escape(zk_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': zk_buf_puts(b, "&amp;"); break;
        case '<': zk_buf_puts(b, "&lt;"); break;
        case '>': zk_buf_puts(b, "&gt;"); break;
        case '"': zk_buf_puts(b, "&quot;"); break;
        default: zk_buf_putc(b, *s);
        }
    }
}

/* ------------------------------------------------------------------ */
/* What is drawn: the node cap and the city clusters                   */

typedef struct deg_item {
    size_t node, degree;
} deg_item;

static int cmp_degree(const void *a, const void *b)
{
    const deg_item *x = a, *y = b;
    if (x->degree != y->degree)
        return x->degree < y->degree ? 1 : -1;   /* highest first */
    return x->node < y->node ? -1 : x->node > y->node;
}

/* The city a node is located in: follow its first located_in edge (edge
 * order) through parks and the like until a city, at most 16 steps. */
static void view_clusters(zk_view *v, const zk_graph *g)
{
    size_t nn = v->nnodes, none = (size_t)-1;
    size_t *up = zk_xmalloc((nn ? nn : 1) * sizeof *up);
    for (size_t i = 0; i < nn; i++)
        up[i] = none;
    for (size_t i = 0; i < v->nedges; i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (strcmp(e->type, "located_in") == 0 && up[e->source] == none)
            up[e->source] = e->target;
    }
    v->cluster = zk_xmalloc((nn ? nn : 1) * sizeof *v->cluster);
    for (size_t i = 0; i < nn; i++) {
        size_t n = i;
        for (int step = 0; step < 16 && n != none; step++) {
            if (strcmp(zk_graph_node(g, n)->type, "city") == 0)
                break;
            n = up[n];
        }
        v->cluster[i] = n != none &&
                        strcmp(zk_graph_node(g, n)->type, "city") == 0 ? n
                                                                       : none;
    }
    /* A city that nothing is located in gets no box of its own. */
    for (size_t i = 0; i < nn; i++)
        up[i] = 0;
    for (size_t i = 0; i < nn; i++)
        if (v->cluster[i] != none && v->cluster[i] != i && v->keep[i])
            up[v->cluster[i]] = 1;
    for (size_t i = 0; i < nn; i++)
        if (v->cluster[i] != none && !up[v->cluster[i]])
            v->cluster[i] = none;
    free(up);
}

void zk_view_init(zk_view *v, const zk_graph *g, const zk_export_opts *opts)
{
    memset(v, 0, sizeof *v);
    v->nnodes = zk_graph_node_count(g);
    v->nedges = zk_graph_edge_count(g);
    v->keep = zk_xmalloc(v->nnodes ? v->nnodes : 1);
    size_t cap = opts ? opts->max_nodes : 0;
    if (cap == 0 || cap >= v->nnodes) {
        memset(v->keep, 1, v->nnodes);
        v->kept = v->nnodes;
    } else {
        deg_item *d = zk_xcalloc(v->nnodes, sizeof *d);
        for (size_t i = 0; i < v->nnodes; i++)
            d[i].node = i;
        for (size_t i = 0; i < v->nedges; i++) {
            const zk_edge *e = zk_graph_edge(g, i);
            d[e->source].degree++;
            d[e->target].degree++;
        }
        qsort(d, v->nnodes, sizeof *d, cmp_degree);
        memset(v->keep, 0, v->nnodes);
        for (size_t i = 0; i < cap; i++)
            v->keep[d[i].node] = 1;
        v->kept = cap;
        free(d);
    }
    if (opts && opts->cluster_city)
        view_clusters(v, g);
}

void zk_view_free(zk_view *v)
{
    free(v->keep);
    free(v->cluster);
    memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------ */
/* The legend                                                          */

static void legend_row(zk_buf *b, const char *fill, const char *color,
                       const char *name, const char *type)
{
    zk_buf_puts(b, "<tr><td");
    if (fill) {
        zk_buf_puts(b, " bgcolor=\"");
        zk_buf_puts(b, fill);
        zk_buf_puts(b, "\">");
        html_escape(b, name);
    } else {
        zk_buf_puts(b, "><font color=\"");
        zk_buf_puts(b, color);
        zk_buf_puts(b, "\">━━ ");
        html_escape(b, name);
        zk_buf_puts(b, "</font>");
    }
    zk_buf_puts(b, "</td><td>");
    html_escape(b, type);
    zk_buf_puts(b, "</td></tr>");
}

/* One row per node type and per relation type drawn; a last row says how
 * many nodes a cap left out. */
static const char *dot_legend(const zk_graph *g, const zk_view *v, zk_buf *b)
{
    b->len = 0;
    zk_buf_puts(b, "<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" "
                   "cellpadding=\"4\"><tr><td colspan=\"2\"><b>图例</b></td></tr>");
    /* Nodes and edges are sorted by type, so each type starts a run. */
    const char *last = NULL;
    for (size_t i = 0; i < v->nnodes; i++) {
        const char *t = zk_graph_node(g, i)->type;
        if (!v->keep[i] || (last && strcmp(t, last) == 0))
            continue;
        last = t;
        const dot_node_style *st = node_style(t);
        legend_row(b, st->fill, NULL, *st->name ? st->name : t, t);
    }
    last = NULL;
    for (size_t i = 0; i < v->nedges; i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (!v->keep[e->source] || !v->keep[e->target] ||
            (last && strcmp(e->type, last) == 0))
            continue;
        last = e->type;
        const dot_edge_style *st = edge_style(e->type);
        legend_row(b, NULL, st ? st->color : "#000000", st ? st->name : e->type,
                   e->type);
    }
    if (v->kept < v->nnodes) {
        char num[160];
        snprintf(num, sizeof num, "<tr><td colspan=\"2\">连接最多的 %zu 个节点"
                 "（共 %zu 个）</td></tr>", v->kept, v->nnodes);
        zk_buf_puts(b, num);
    }
    zk_buf_puts(b, "</table>");
    return b->data;
}

/* ------------------------------------------------------------------ */
/* Nodes, clusters, edges                                              */

/* The subgraph a node goes in: its city's cluster, made on first use. */
static Agraph_t *node_parent(Agraph_t *dg, const zk_graph *g,
                             const zk_view *v, size_t i, Agraph_t **clusters,
                             zk_buf *b)
{
    if (!v->cluster || v->cluster[i] == (size_t)-1)
        return dg;
    size_t c = v->cluster[i];
    if (!clusters[c]) {
        const zk_node *city = zk_graph_node(g, c);
        b->len = 0;
        zk_buf_puts(b, "cluster_");
        zk_buf_puts(b, city->id);
        clusters[c] = agsubg(dg, b->data, 1);
        agsafeset(clusters[c], "label", (char *)dot_text(b, city->label), "");
        agsafeset(clusters[c], "style", "rounded", "");
        agsafeset(clusters[c], "color", "#6fa8dc", "");
        agsafeset(clusters[c], "labeljust", "l", "");
        agsafeset(clusters[c], "labelloc", "t", "");
    }
    return clusters[c];
}

/* An empty value is every attribute's default or nothing to say: leave it
 * (each agxset() costs a look-up in cgraph's string pool). */
static void set_all(void *obj, Agsym_t **sym, const char **val, size_t n,
                    zk_buf *b)
{
    for (size_t i = 0; i < n; i++)
        if (val[i] && *val[i])
            agxset(obj, sym[i], (char *)dot_text(b, val[i]));
}

static void dot_nodes(Agraph_t *dg, const zk_graph *g, const zk_view *v,
                      Agsym_t **sym, Agnode_t **nodes, zk_buf *b, zk_buf *tip)
{
    Agraph_t **clusters = v->cluster
        ? zk_xcalloc(v->nnodes ? v->nnodes : 1, sizeof *clusters) : NULL;
    const char *val[NA_COUNT];
    char num[24];
    for (size_t i = 0; i < v->nnodes; i++) {
        nodes[i] = NULL;
        if (!v->keep[i])
            continue;
        const zk_node *n = zk_graph_node(g, i);
        Agnode_t *dn = agnode(dg, (char *)n->id, 1);
        nodes[i] = dn;
        Agraph_t *parent = node_parent(dg, g, v, i, clusters, b);
        if (parent != dg)
            agsubnode(parent, dn, 1);
        node_values(n, val, tip, num);
        set_all(dn, sym, val, NA_COUNT, b);
    }
    free(clusters);
}

static void dot_edges(Agraph_t *dg, const zk_graph *g, Agsym_t **sym,
                      Agnode_t **nodes, zk_buf *b, zk_buf *lab)
{
    const char *val[EA_COUNT];
    char num[4 * 24];
    for (size_t i = 0; i < zk_graph_edge_count(g); i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (!nodes[e->source] || !nodes[e->target])
            continue;
        Agedge_t *de = agedge(dg, nodes[e->source], nodes[e->target], NULL, 1);
        edge_values(e, val, lab, num);
        set_all(de, sym, val, EA_COUNT, b);
    }
}

Agraph_t *zk_dot_build(const zk_graph *g, const zk_export_opts *opts,
                       Agiodisc_t *io)
{
    /* cgraph keeps the pointers of the discipline, not the struct. */
    Agdisc_t disc = {AgDefaultDisc.mem, AgDefaultDisc.id,
                     io ? io : AgDefaultDisc.io};
    Agraph_t *dg = agopen("zhkg", Agdirected, &disc);
    if (!dg)
        return NULL;
    Agsym_t *gsym[sizeof graph_attrs / sizeof *graph_attrs];
    Agsym_t *nsym[NA_COUNT], *esym[EA_COUNT];
    declare(dg, AGRAPH, graph_attrs, sizeof graph_attrs / sizeof *graph_attrs,
            gsym);
    declare(dg, AGNODE, node_attrs, NA_COUNT, nsym);
    declare(dg, AGEDGE, edge_attrs, EA_COUNT, esym);

    zk_view v;
    zk_view_init(&v, g, opts);
    zk_buf b, extra;
    zk_buf_init(&b);
    zk_buf_init(&extra);
    Agnode_t **nodes = zk_xmalloc((v.nnodes ? v.nnodes : 1) * sizeof *nodes);
    dot_nodes(dg, g, &v, nsym, nodes, &b, &extra);
    dot_edges(dg, g, esym, nodes, &b, &extra);
    agset(dg, "label", agstrdup_html(dg, (char *)dot_legend(g, &v, &b)));
    free(nodes);
    zk_buf_free(&b);
    zk_buf_free(&extra);
    zk_view_free(&v);
    return dg;
}

/* ------------------------------------------------------------------ */
/* Writing the DOT text                                                */

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
    zk_export_putc(b, '"');
    zk_export_put(b, s, n);
    zk_export_putc(b, '"');
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
        zk_export_putc(&w->buf, '\t');
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
        const char *t = dot_text(&w->text, val[i]);
        if (strcmp(t, attrs[i][1]) == 0)
            continue;
        if (cnt++ == 0) {
            PUT_LIT(w, "\t[");
        } else {
            PUT_LIT(w, ",\n");
            w_indent(w, level + 1);
        }
        w_id(w, attrs[i][0], 0);
        zk_export_putc(&w->buf, '=');
        w_id(w, t, 0);
    }
    if (cnt)
        zk_export_putc(&w->buf, ']');
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
    size_t norder[NA_COUNT], eorder[EA_COUNT];
    zk_buf tmp;
    char num[4 * 24];
} dot_ctx;

static void w_node(dot_ctx *c, size_t i, int level)
{
    const char *val[NA_COUNT];
    const zk_node *n = zk_graph_node(c->g, i);
    node_values(n, val, &c->tmp, c->num);
    w_indent(c->w, level);
    w_id(c->w, n->id, 0);
    w_attrs(c->w, node_attrs, c->norder, NA_COUNT, val, level);
    PUT_LIT(c->w, ";\n");
}

static void w_edge(dot_ctx *c, size_t i)
{
    const char *val[EA_COUNT];
    const zk_edge *e = zk_graph_edge(c->g, i);
    edge_values(e, val, &c->tmp, c->num);
    PUT_LIT(c->w, "\t");
    w_id(c->w, zk_graph_node(c->g, e->source)->id, 0);
    PUT_LIT(c->w, " -> ");
    w_id(c->w, zk_graph_node(c->g, e->target)->id, 0);
    w_attrs(c->w, edge_attrs, c->eorder, EA_COUNT, val, 1);
    PUT_LIT(c->w, ";\n");
}

/* Whether a node outside the clusters is written at all: agwrite() leaves
 * out a node that has edges and only default attributes. */
static int node_shown(dot_ctx *c, const dot_adj *a, size_t i)
{
    if (!a->has_edge[i])
        return 1;
    const char *val[NA_COUNT];
    node_values(zk_graph_node(c->g, i), val, &c->tmp, c->num);
    for (size_t k = 0; k < NA_COUNT; k++)
        if (val[k] && *val[k] &&
            strcmp(dot_text(&c->w->text, val[k]), node_attrs[k][1]) != 0)
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
        const char *val[5] = {cl_attrs[0][1], dot_text(&c->tmp, cn->label),
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
    name_order(node_attrs, NA_COUNT, c.norder);
    name_order(edge_attrs, EA_COUNT, c.eorder);
    zk_view v;
    zk_view_init(&v, g, opts);

    /* the header and the defaults; the graph's label is the legend */
    size_t ng = sizeof graph_attrs / sizeof *graph_attrs, gorder[8];
    size_t glabel = (size_t)-1;
    const char *gval[8];
    name_order(graph_attrs, ng, gorder);
    for (size_t i = 0; i < ng; i++) {
        gval[i] = graph_attrs[i][1];
        if (strcmp(graph_attrs[i][0], "label") == 0)
            gval[glabel = i] = dot_legend(g, &v, &c.tmp);
    }
    PUT_LIT(&w, "digraph ");
    w_id(&w, "zhkg", 0);
    PUT_LIT(&w, " {\n");
    w_dict(&w, "graph", graph_attrs, gorder, ng, gval, glabel, 0, 1);
    w_dict(&w, "node", node_attrs, c.norder, NA_COUNT, NULL, (size_t)-1, 0, 1);
    w_dict(&w, "edge", edge_attrs, c.eorder, EA_COUNT, NULL, (size_t)-1, 0, 1);

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
