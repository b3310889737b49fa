/*
 * dot.c - how the graph looks in Graphviz, and the graph as a cgraph
 * graph for the figures.
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
 * here).
 *
 * What each node and edge carries is decided here once (the attribute
 * tables, zk_dot_node_values, zk_dot_edge_values, zk_dot_legend;
 * dot_internal.h) for the two ways the graph leaves as DOT:
 *   - zk_dot_build() (below) makes the cgraph graph that render.c lays out
 *     and draws with libgvc; its objects are numbered in creation order
 *     (dot_id_disc), not by heap address, so the figure's clusters come in
 *     a fixed order and its bytes do not depend on the heap;
 *   - the streamed writer of .dot files (dot_write.c) writes the text that
 *     agwrite() would write for that same graph, without building it.
 * So a figure and `dot -Tsvg` of the DOT file look the same.
 *
 * Backslashes in our strings are written as U+FF3C FULLWIDTH REVERSE
 * SOLIDUS (zk_dot_text): in labels and tooltips a backslash starts an
 * escape (\N, \n), and a value ending in one would end "...\" which the
 * DOT scanner reads as an escaped quote.
 */
#include "dot_internal.h"

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

const char *zk_dot_text_copy(zk_buf *b, const char *s, const char *bs)
{
    b->len = 0;
    for (; bs; s = bs + 1, bs = strchr(s, '\\')) {
        zk_buf_append(b, s, (size_t)(bs - s));
        zk_buf_puts(b, "\xEF\xBC\xBC");
    }
    zk_buf_puts(b, s);
    return b->data;
}

/* Attributes with their defaults (the graph's: ZK_DOT_GA_COUNT, checked by
 * the declaration in dot_internal.h); the builder declares them once and sets
 * them through the symbol (agxset), which spares a look-up by name per
 * object. */
const char *const zk_dot_node_attrs[ZK_DOT_NA_COUNT][2] = {
    {"fontname", DOT_FONT}, {"label", "\\N"}, {"shape", "ellipse"},
    {"style", "filled"}, {"fillcolor", "#eeeeee"}, {"tooltip", ""},
    {"type", ""}, {"mentions", ""},
};
const char *const zk_dot_edge_attrs[ZK_DOT_EA_COUNT][2] = {
    {"fontname", DOT_FONT}, {"fontsize", "10"}, {"label", ""},
    {"color", "black"}, {"fontcolor", "black"}, {"dir", "forward"},
    {"tooltip", ""}, {"type", ""}, {"doc", ""}, {"sentence", ""},
    {"start", ""}, {"end", ""}, {"rule", ""}, {"origin", ""}, {"title", ""},
    {"support", ""},
};
const char *const zk_dot_graph_attrs[][2] = {
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

void zk_dot_node_values(const zk_node *n, const char **val, zk_buf *tip,
                        char *num)
{
    const dot_node_style *st = node_style(n->type);
    memset(val, 0, ZK_DOT_NA_COUNT * sizeof *val);
    val[ZK_DOT_NA_LABEL] = n->label;
    val[ZK_DOT_NA_SHAPE] = st->shape;
    val[ZK_DOT_NA_STYLE] = st->style;
    val[ZK_DOT_NA_FILL] = st->fill;
    val[ZK_DOT_NA_TYPE] = n->type;
    val[ZK_DOT_NA_MENTIONS] = num_text(num, n->mentions);
    tip->len = 0;
    zk_buf_puts(tip, n->label);
    for (size_t k = 0; k < n->naliases; k++) {
        zk_buf_puts(tip, k ? "、" : "（别名：");
        zk_buf_puts(tip, n->aliases[k]);
    }
    if (n->naliases)
        zk_buf_puts(tip, "）");
    val[ZK_DOT_NA_TOOLTIP] = tip->data;
}

void zk_dot_edge_values(const zk_edge *e, const char **val, zk_buf *lab,
                        char *num)
{
    const zk_evidence *ev = &e->evidence[0];
    const dot_edge_style *st = edge_style(e->type);
    const char *color = st ? st->color : "#000000";
    memset(val, 0, ZK_DOT_EA_COUNT * sizeof *val);
    lab->len = 0;
    zk_buf_puts(lab, st ? st->name : e->type);
    if (e->nevidence > 1) {
        char n[24];
        zk_buf_puts(lab, " ×");
        zk_buf_puts(lab, num_text(n, e->nevidence));
    }
    val[ZK_DOT_EA_LABEL] = lab->data;
    val[ZK_DOT_EA_COLOR] = color;
    val[ZK_DOT_EA_FONTCOLOR] = color;
    if (zk_graph_type_undirected(e->type))
        val[ZK_DOT_EA_DIR] = "none";
    val[ZK_DOT_EA_TOOLTIP] = ev->sentence;
    val[ZK_DOT_EA_TYPE] = e->type;
    val[ZK_DOT_EA_DOC] = ev->doc;
    val[ZK_DOT_EA_SENTENCE] = num_text(num, ev->sentence_index);
    val[ZK_DOT_EA_START] = num_text(num + 24, ev->start);
    val[ZK_DOT_EA_END] = num_text(num + 48, ev->end);
    val[ZK_DOT_EA_RULE] = ev->rule;
    val[ZK_DOT_EA_ORIGIN] = zk_export_edge_origin(e);
    val[ZK_DOT_EA_TITLE] = zk_export_edge_title(e);
    val[ZK_DOT_EA_SUPPORT] = num_text(num + 72, e->nevidence);
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
const char *zk_dot_legend(const zk_graph *g, const zk_view *v, zk_buf *b)
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
        agsafeset(clusters[c], "label", (char *)zk_dot_text(b, city->label),
                  "");
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
            agxset(obj, sym[i], (char *)zk_dot_text(b, val[i]));
}

static void dot_nodes(Agraph_t *dg, const zk_graph *g, const zk_view *v,
                      Agsym_t **sym, Agnode_t **nodes, zk_buf *b, zk_buf *tip)
{
    Agraph_t **clusters = v->cluster
        ? zk_xcalloc(v->nnodes ? v->nnodes : 1, sizeof *clusters) : NULL;
    const char *val[ZK_DOT_NA_COUNT];
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
        zk_dot_node_values(n, val, tip, num);
        set_all(dn, sym, val, ZK_DOT_NA_COUNT, b);
    }
    free(clusters);
}

static void dot_edges(Agraph_t *dg, const zk_graph *g, Agsym_t **sym,
                      Agnode_t **nodes, zk_buf *b, zk_buf *lab)
{
    const char *val[ZK_DOT_EA_COUNT];
    char num[4 * 24];
    for (size_t i = 0; i < zk_graph_edge_count(g); i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (!nodes[e->source] || !nodes[e->target])
            continue;
        Agedge_t *de = agedge(dg, nodes[e->source], nodes[e->target], NULL, 1);
        zk_dot_edge_values(e, val, lab, num);
        set_all(de, sym, val, ZK_DOT_EA_COUNT, b);
    }
}

/* ------------------------------------------------------------------ */
/* Object ids in creation order                                        */

/* cgraph keeps a graph's subgraphs ordered by id, and Graphviz lays out
 * and draws the clusters in that order.  Its default id discipline
 * (AgIdDisc, lib/cgraph/id.c) makes a named object's id the address of its
 * name in cgraph's string pool, so the order of the city boxes, and with it
 * the figure's bytes, followed the heap: they changed with -j, with the
 * allocator (ASan) and from build to build.  This discipline numbers the
 * objects of a graph 1, 2, 3... as they are made, named or not, and keeps
 * the names itself (print() gives them back to agnameof()): the clusters
 * come in the order of their first node, as the DOT writer (dot_write.c)
 * writes them.
 *
 * Not cgraph's fallback for a map() that declines names (its "internal
 * map", which agnameof() also reads): Graphviz 2.42 drops that map for the
 * whole graph when any subgraph is closed, which neato and sfdp do while
 * laying out, and the nodes were then drawn as "%2", "%3"... */
typedef struct dot_ids {
    char **name;        /* by id (1..n-1): the name, NULL if anonymous */
    size_t n, cap;
    IDTYPE *slot;       /* open addressing on the names: ids, 0 empty */
    size_t nslot, capslot;
} dot_ids;

static size_t ids_pos(const char *s, size_t cap)
{
    uint64_t h = zk_hash_table(s, strlen(s));
    return (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> 17) & (cap - 1);
}

/* The slot of name s: its id, or 0 where it would go. */
static IDTYPE *ids_slot(dot_ids *ids, const char *s)
{
    size_t p = ids_pos(s, ids->capslot);
    for (; ids->slot[p]; p = (p + 1) & (ids->capslot - 1))
        if (strcmp(ids->name[ids->slot[p]], s) == 0)
            break;
    return &ids->slot[p];
}

static void ids_grow(dot_ids *ids)
{
    IDTYPE *old = ids->slot;
    size_t oldcap = ids->capslot;
    ids->capslot = oldcap ? oldcap * 2 : 256;
    ids->slot = zk_xcalloc(ids->capslot, sizeof *ids->slot);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i])
            *ids_slot(ids, ids->name[old[i]]) = old[i];
    free(old);
}

static void *ids_open(Agraph_t *g, Agdisc_t *disc)
{
    (void)g;
    (void)disc;
    dot_ids *ids = zk_xcalloc(1, sizeof *ids);
    ids->n = 1;
    ids_grow(ids);
    return ids;
}

/* str's id, a new one if createflag (str NULL: an anonymous object). */
static long ids_map(void *state, int objtype, char *str, IDTYPE *id,
                    int createflag)
{
    (void)objtype;
    dot_ids *ids = state;
    IDTYPE *slot = str ? ids_slot(ids, str) : NULL;
    if (slot && *slot) {
        *id = *slot;
        return 1;
    }
    if (!createflag)
        return 0;
    if (ids->n >= ids->cap) {
        ids->cap = ids->cap ? ids->cap * 2 : 256;
        ids->name = zk_xrealloc(ids->name, ids->cap * sizeof *ids->name);
    }
    *id = (IDTYPE)ids->n;
    ids->name[ids->n++] = str ? zk_xstrdup(str) : NULL;
    if (str) {
        *slot = *id;
        if (++ids->nslot * 2 > ids->capslot)
            ids_grow(ids);
    }
    return 1;
}

/* Ids are not chosen by the caller (agidnode and the like), as in AgIdDisc. */
static long ids_alloc(void *state, int objtype, IDTYPE request)
{
    (void)state;
    (void)objtype;
    (void)request;
    return 0;
}

/* A name keeps its id until the graph is closed (made again, the object
 * gets it back). */
static void ids_free(void *state, int objtype, IDTYPE id)
{
    (void)state;
    (void)objtype;
    (void)id;
}

static char *ids_print(void *state, int objtype, IDTYPE id)
{
    (void)objtype;
    dot_ids *ids = state;
    return id < ids->n ? ids->name[id] : NULL;
}

static void ids_close(void *state)
{
    dot_ids *ids = state;
    for (size_t i = 1; i < ids->n; i++)
        free(ids->name[i]);
    free(ids->name);
    free(ids->slot);
    free(ids);
}

static void ids_register(void *state, int objtype, void *obj)
{
    (void)state;
    (void)objtype;
    (void)obj;
}

static Agiddisc_t dot_id_disc = {ids_open, ids_map, ids_alloc, ids_free,
                                 ids_print, ids_close, ids_register};

Agraph_t *zk_dot_build(const zk_graph *g, const zk_export_opts *opts,
                       Agiodisc_t *io)
{
    /* cgraph keeps the pointers of the discipline, not the struct; the ids
     * are numbered in creation order (dot_id_disc, above). */
    Agdisc_t disc = {AgDefaultDisc.mem, &dot_id_disc,
                     io ? io : AgDefaultDisc.io};
    Agraph_t *dg = agopen("zhkg", Agdirected, &disc);
    if (!dg)
        return NULL;
    Agsym_t *gsym[ZK_DOT_GA_COUNT];
    Agsym_t *nsym[ZK_DOT_NA_COUNT], *esym[ZK_DOT_EA_COUNT];
    declare(dg, AGRAPH, zk_dot_graph_attrs, ZK_DOT_GA_COUNT, gsym);
    declare(dg, AGNODE, zk_dot_node_attrs, ZK_DOT_NA_COUNT, nsym);
    declare(dg, AGEDGE, zk_dot_edge_attrs, ZK_DOT_EA_COUNT, esym);

    zk_view v;
    zk_view_init(&v, g, opts);
    zk_buf b, extra;
    zk_buf_init(&b);
    zk_buf_init(&extra);
    Agnode_t **nodes = zk_xmalloc((v.nnodes ? v.nnodes : 1) * sizeof *nodes);
    dot_nodes(dg, g, &v, nsym, nodes, &b, &extra);
    dot_edges(dg, g, esym, nodes, &b, &extra);
    agset(dg, "label", agstrdup_html(dg, (char *)zk_dot_legend(g, &v, &b)));
    free(nodes);
    zk_buf_free(&b);
    zk_buf_free(&extra);
    zk_view_free(&v);
    return dg;
}
