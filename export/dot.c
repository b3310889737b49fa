/*
 * dot.c - the graph as Graphviz DOT, built and written with cgraph.
 *
 * Nodes are named by their zk_node id and styled by type (shape and fill
 * colour); edges are coloured by relation type, agreement edges have no
 * arrow head, and every edge carries its first evidence as tooltip and its
 * provenance (doc, sentence, start, end, rule, origin, title, support) as
 * plain attributes that Graphviz ignores and other tools can read.  The
 * legend is an HTML-like table in the graph label, so it adds no node: the
 * DOT has exactly the graph's nodes.  Conventions: docs/format-dot.md.
 *
 * zk_dot_build() makes the cgraph graph; zk_export_dot writes it with
 * agwrite() and render.c lays it out and draws it with libgvc, so a figure
 * and `dot -Tsvg` of the DOT file look the same.  Options: a cap on the
 * number of nodes (the highest degrees are kept) and one cluster per city
 * holding what is located in it (zk_view, computed here).
 *
 * Two things cgraph's agwrite() does not do for us:
 *   - it leaves identifiers bare when they are plain words (n1a2b..., 北京,
 *     label); we quote every ID by giving cgraph an I/O discipline whose
 *     putstr() quotes any bare word that is not DOT syntax.  agwrite() hands
 *     each ID to putstr() as one string and keyword IDs arrive quoted, so a
 *     bare word is an ID unless it is one of the syntax words agwrite()
 *     itself emits ("di", "sub", "graph", "node", "edge");
 *   - it writes a value ending in a backslash as "...\" which the DOT
 *     scanner reads as an escaped quote; and in labels and tooltips a
 *     backslash starts an escape (\N, \n).  Backslashes in our strings are
 *     therefore written as U+FF3C FULLWIDTH REVERSE SOLIDUS.
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
/* Output discipline: quote every ID                                   */

static int dot_bare_word(const char *s)
{
    if (!*s)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '_' || *p == '.' ||
              *p == '-' || *p >= 0x80))
            return 0;
    static const char *const syntax[] = {"di", "sub", "graph", "node", "edge"};
    for (size_t i = 0; i < sizeof syntax / sizeof *syntax; i++)
        if (strcmp(s, syntax[i]) == 0)
            return 0;
    return 1;
}

static int dot_putstr(void *chan, const char *s)
{
    FILE *f = chan;
    if (!dot_bare_word(s))
        return fputs(s, f);
    if (fputc('"', f) == EOF || fputs(s, f) == EOF || fputc('"', f) == EOF)
        return EOF;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Building the cgraph graph                                           */

/* s with every backslash replaced (see the header), in b. */
static char *dot_text(zk_buf *b, const char *s)
{
    b->len = 0;
    zk_buf_puts(b, "");
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '\\')
            zk_buf_puts(b, "\xEF\xBC\xBC");
        else
            zk_buf_putc(b, *p);
    }
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

/* An empty value is every attribute's default or nothing to say: leave it
 * (each agxset() costs a look-up in cgraph's string pool). */
static void set(void *obj, Agsym_t *sym, zk_buf *b, const char *value)
{
    if (value && *value)
        agxset(obj, sym, dot_text(b, value));
}

static void set_num(void *obj, Agsym_t *sym, size_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", v);
    agxset(obj, sym, num);
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
static void dot_legend(Agraph_t *dg, const zk_graph *g, const zk_view *v,
                       zk_buf *b)
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
    agset(dg, "label", agstrdup_html(dg, b->data));
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
        agsafeset(clusters[c], "label", dot_text(b, city->label), "");
        agsafeset(clusters[c], "style", "rounded", "");
        agsafeset(clusters[c], "color", "#6fa8dc", "");
        agsafeset(clusters[c], "labeljust", "l", "");
        agsafeset(clusters[c], "labelloc", "t", "");
    }
    return clusters[c];
}

static void dot_nodes(Agraph_t *dg, const zk_graph *g, const zk_view *v,
                      Agsym_t **sym, Agnode_t **nodes, zk_buf *b, zk_buf *tip)
{
    Agraph_t **clusters = v->cluster
        ? zk_xcalloc(v->nnodes ? v->nnodes : 1, sizeof *clusters) : NULL;
    for (size_t i = 0; i < v->nnodes; i++) {
        nodes[i] = NULL;
        if (!v->keep[i])
            continue;
        const zk_node *n = zk_graph_node(g, i);
        const dot_node_style *st = node_style(n->type);
        Agnode_t *dn = agnode(dg, (char *)n->id, 1);
        nodes[i] = dn;
        Agraph_t *parent = node_parent(dg, g, v, i, clusters, b);
        if (parent != dg)
            agsubnode(parent, dn, 1);
        set(dn, sym[NA_LABEL], b, n->label);
        set(dn, sym[NA_SHAPE], b, st->shape);
        set(dn, sym[NA_STYLE], b, st->style);
        set(dn, sym[NA_FILL], b, st->fill);
        set(dn, sym[NA_TYPE], b, n->type);
        set_num(dn, sym[NA_MENTIONS], n->mentions);
        tip->len = 0;
        zk_buf_puts(tip, n->label);
        for (size_t k = 0; k < n->naliases; k++) {
            zk_buf_puts(tip, k ? "、" : "（别名：");
            zk_buf_puts(tip, n->aliases[k]);
        }
        if (n->naliases)
            zk_buf_puts(tip, "）");
        set(dn, sym[NA_TOOLTIP], b, tip->data);
    }
    free(clusters);
}

static void dot_edges(Agraph_t *dg, const zk_graph *g, Agsym_t **sym,
                      Agnode_t **nodes, zk_buf *b, zk_buf *lab)
{
    for (size_t i = 0; i < zk_graph_edge_count(g); i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (!nodes[e->source] || !nodes[e->target])
            continue;
        const zk_evidence *ev = &e->evidence[0];
        const dot_edge_style *st = edge_style(e->type);
        const char *color = st ? st->color : "#000000";
        Agedge_t *de = agedge(dg, nodes[e->source], nodes[e->target], NULL, 1);
        lab->len = 0;
        zk_buf_puts(lab, st ? st->name : e->type);
        if (e->nevidence > 1) {
            char num[32];
            snprintf(num, sizeof num, " ×%zu", e->nevidence);
            zk_buf_puts(lab, num);
        }
        set(de, sym[EA_LABEL], b, lab->data);
        set(de, sym[EA_COLOR], b, color);
        set(de, sym[EA_FONTCOLOR], b, color);
        if (zk_graph_type_undirected(e->type))
            set(de, sym[EA_DIR], b, "none");
        set(de, sym[EA_TOOLTIP], b, ev->sentence);
        set(de, sym[EA_TYPE], b, e->type);
        set(de, sym[EA_DOC], b, ev->doc);
        set_num(de, sym[EA_SENTENCE], ev->sentence_index);
        set_num(de, sym[EA_START], ev->start);
        set_num(de, sym[EA_END], ev->end);
        set(de, sym[EA_RULE], b, ev->rule);
        set(de, sym[EA_ORIGIN], b, zk_export_edge_origin(e));
        set(de, sym[EA_TITLE], b, zk_export_edge_title(e));
        set_num(de, sym[EA_SUPPORT], e->nevidence);
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
    dot_legend(dg, g, &v, &b);
    free(nodes);
    zk_buf_free(&b);
    zk_buf_free(&extra);
    zk_view_free(&v);
    return dg;
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
    Agiodisc_t io = AgIoDisc;
    io.putstr = dot_putstr;
    Agraph_t *dg = zk_dot_build(g, opts, &io);
    if (!dg)
        return zk_error_set(err, ZK_ERR_NOMEM, "", 0, 0, -1,
                            "cgraph: cannot create a graph");
    int rc = agwrite(dg, out);
    agclose(dg);
    if (rc != 0 || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the DOT output");
    return ZK_OK;
}
