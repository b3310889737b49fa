/*
 * graph.c - the knowledge graph: identity, merging, ids and ordering.
 *
 * Identity lives here (docs/graph.md).  Every string the graph sees goes
 * into one open-addressing hash table (linear probing) that both
 * interns it (doc names, sentences and rule ids are stored once however
 * many edges cite them) and, for surface forms, records the build index of
 * the node that owns the form.  A name therefore finds its node in O(1),
 * whether it is the node's label or one of its aliases.
 *
 * Nodes are merged with union-find: when an alias of node A is already a
 * form of node B, the node with more mentions (or else the lower build
 * index) absorbs the other one; its forms are a linked list, so the move is
 * O(1).  Edges are kept as raw evidence records holding build indices and
 * are resolved through find() only in zk_graph_finish(), so a merge that
 * comes after an edge still re-points it.
 *
 * Nothing the accessors show depends on the order documents come in, so
 * that a graph built in one run, merged from shards in any order, or
 * updated day by day is the same graph (docs/graph.md, docs/scale.md).
 * Which node survives a merge does depend on it, so the survivor decides
 * nothing: the forms are a set, mentions a sum, and the type is chosen in
 * zk_graph_finish() from type votes (the types the documents gave the
 * entity, weighted by their mentions), kept per node as a second list.
 *
 * zk_graph_finish() computes everything the accessors show: the canonical
 * label of each node (the longest form by code points, ties broken by byte
 * order), the sorted aliases, the ids ("n" + 16 hex digits of FNV-1a 64 of
 * the label), the node order (type, then label bytes), and the edges: raw
 * records sorted by (type, source label, target label, evidence) and grouped
 * into one edge per (type, source, target), agreement being undirected.
 * Everything is sorting and hashing: O((n + m) log(n + m)).
 */
#include "graph_internal.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

#define NONE ((size_t)-1)

/* One string of the table; key NULL marks an empty slot. */
typedef struct zk_slot {
    uint64_t hash;
    char *key;
    size_t node;   /* build index of the node owning this form, or NONE */
} zk_slot;

typedef struct zk_gnode {
    const char *type;      /* interned; the type given when it was added */
    size_t parent;         /* union-find */
    unsigned long mentions;
    size_t head, tail;     /* list of forms in zk_graph.form */
    size_t vhead, vtail;   /* list of type votes in zk_graph.vote */
} zk_gnode;

/* Mentions and entity records that gave a node one type. */
typedef struct zk_gvote {
    const char *type;      /* interned */
    unsigned long mentions, records;
    size_t next;
} zk_gvote;

typedef struct zk_gform {
    const char *s;         /* interned */
    size_t next;
} zk_gform;

/* One zk_graph_add_edge call. */
typedef struct zk_gev {
    const char *type, *doc, *sentence, *rule, *title;
    size_t source, target, origin;   /* build indices */
    size_t sentence_index, start, end;
    size_t cstart, cend;             /* characters; cend == 0: not known */
} zk_gev;

struct zk_graph {
    zk_slot *slot;
    size_t nslot, capslot;           /* capslot is a power of two */
    zk_gnode *node;
    size_t nnode, capnode;
    zk_gform *form;
    size_t nform, capform;
    zk_gvote *vote;
    size_t nvote, capvote;
    zk_gev *ev;
    size_t nev, capev;
    /* Views computed by the last zk_graph_finish. */
    zk_node *vnode;
    size_t nvnode;
    zk_edge *vedge;
    size_t nvedge;
    zk_evidence *vevi;
    const char **valias;
    char (*vid)[32];
    size_t *index;                   /* build index -> sorted index */
    size_t nindex;
};

/* ------------------------------------------------------------------ */
/* String table                                                        */

/* The table's hash of s: zk_hash_table, not FNV-1a (zk_hash64, which the
 * node ids keep): that takes a dependent multiply per byte, and sentences
 * are a hundred bytes and more. */
static uint64_t str_hash(const char *s)
{
    return zk_hash_table(s, strlen(s));
}

static size_t tab_pos(uint64_t h, size_t cap)
{
    /* use the high bits of a multiply: the hash's low bits mix least */
    return (size_t)((h * UINT64_C(0x9E3779B97F4A7C15)) >> 17) & (cap - 1);
}

static void tab_grow(zk_graph *g)
{
    size_t cap = g->capslot ? g->capslot * 2 : 1024;
    zk_slot *s = zk_xcalloc(cap, sizeof *s);
    for (size_t i = 0; i < g->capslot; i++) {
        if (!g->slot[i].key)
            continue;
        size_t p = tab_pos(g->slot[i].hash, cap);
        while (s[p].key)
            p = (p + 1) & (cap - 1);
        s[p] = g->slot[i];
    }
    free(g->slot);
    g->slot = s;
    g->capslot = cap;
}

static zk_slot *tab_find(const zk_graph *g, const char *s, uint64_t h)
{
    if (!g->capslot)
        return NULL;
    size_t p = tab_pos(h, g->capslot);
    for (; g->slot[p].key; p = (p + 1) & (g->capslot - 1))
        if (g->slot[p].hash == h && strcmp(g->slot[p].key, s) == 0)
            return &g->slot[p];
    return NULL;
}

/* The slot of s (whose str_hash is h), added (copied, no owner) if
 * absent.  Valid until the next insertion. */
static zk_slot *tab_intern_h(zk_graph *g, const char *s, uint64_t h)
{
    zk_slot *sl = tab_find(g, s, h);
    if (sl)
        return sl;
    if ((g->nslot + 1) * 4 > g->capslot * 3)
        tab_grow(g);
    size_t p = tab_pos(h, g->capslot);
    while (g->slot[p].key)
        p = (p + 1) & (g->capslot - 1);
    g->slot[p].hash = h;
    g->slot[p].key = zk_xstrdup(s);
    g->slot[p].node = NONE;
    g->nslot++;
    return &g->slot[p];
}

static zk_slot *tab_intern(zk_graph *g, const char *s)
{
    return tab_intern_h(g, s, str_hash(s));
}

static const char *intern(zk_graph *g, const char *s)
{
    return s ? tab_intern(g, s)->key : NULL;
}

/* ------------------------------------------------------------------ */
/* Nodes and union-find                                                */

static size_t find(zk_graph *g, size_t i)
{
    while (g->node[i].parent != i) {
        g->node[i].parent = g->node[g->node[i].parent].parent;
        i = g->node[i].parent;
    }
    return i;
}

static void add_form(zk_graph *g, size_t n, const char *s)
{
    if (g->nform == g->capform) {
        g->capform = g->capform ? g->capform * 2 : 256;
        g->form = zk_xrealloc(g->form, g->capform * sizeof *g->form);
    }
    g->form[g->nform] = (zk_gform){s, NONE};
    if (g->node[n].tail == NONE)
        g->node[n].head = g->nform;
    else
        g->form[g->node[n].tail].next = g->nform;
    g->node[n].tail = g->nform++;
}

/* Add a vote for type to root n: to its vote for type if it has one (so a
 * list holds each type once and stays as short as the list of types). */
static void add_vote(zk_graph *g, size_t n, const char *type,
                     unsigned long mentions, unsigned long records)
{
    for (size_t v = g->node[n].vhead; v != NONE; v = g->vote[v].next)
        if (g->vote[v].type == type) {
            g->vote[v].mentions += mentions;
            g->vote[v].records += records;
            return;
        }
    if (g->nvote == g->capvote) {
        g->capvote = g->capvote ? g->capvote * 2 : 256;
        g->vote = zk_xrealloc(g->vote, g->capvote * sizeof *g->vote);
    }
    g->vote[g->nvote] = (zk_gvote){type, mentions, records, NONE};
    if (g->node[n].vtail == NONE)
        g->node[n].vhead = g->nvote;
    else
        g->vote[g->node[n].vtail].next = g->nvote;
    g->node[n].vtail = g->nvote++;
}

/* Merge the sets of a and b (roots); returns the survivor. */
static size_t merge(zk_graph *g, size_t a, size_t b)
{
    zk_gnode *na = &g->node[a], *nb = &g->node[b];
    int keep_a = na->mentions != nb->mentions ? na->mentions > nb->mentions
                                              : a < b;
    size_t s = keep_a ? a : b, l = keep_a ? b : a;
    zk_gnode *ns = &g->node[s], *nl = &g->node[l];
    nl->parent = s;
    ns->mentions += nl->mentions;
    nl->mentions = 0;
    if (nl->head != NONE) {
        g->form[ns->tail].next = nl->head;   /* a node always has a form */
        ns->tail = nl->tail;
        nl->head = nl->tail = NONE;
    }
    /* Fold the votes in, so that a node has one vote per type. */
    for (size_t v = nl->vhead; v != NONE; v = g->vote[v].next)
        add_vote(g, s, g->vote[v].type, g->vote[v].mentions,
                 g->vote[v].records);
    nl->vhead = nl->vtail = NONE;
    return s;
}

/* zk_graph_add_node; a new node gets a vote for its type (with no
 * mentions) if vote is set. */
static size_t add_node_at(zk_graph *g, zk_slot *sl, const char *type, int vote);

static size_t add_node(zk_graph *g, const char *name, const char *type,
                       int vote)
{
    if (!g || !name || !*name)
        return NONE;
    zk_slot *sl = tab_intern(g, name);
    if (sl->node != NONE)
        return find(g, sl->node);
    return add_node_at(g, sl, type, vote);
}

/* A new node whose name is the form of slot sl (which has no node yet). */
static size_t add_node_at(zk_graph *g, zk_slot *sl, const char *type, int vote)
{
    const char *key = sl->key;
    size_t n = g->nnode;
    sl->node = n;                     /* before any further insertion */
    if (g->nnode == g->capnode) {
        g->capnode = g->capnode ? g->capnode * 2 : 256;
        g->node = zk_xrealloc(g->node, g->capnode * sizeof *g->node);
    }
    g->node[n] = (zk_gnode){NULL, n, 0, NONE, NONE, NONE, NONE};
    g->nnode++;
    g->node[n].type = intern(g, type && *type ? type : "other");
    add_form(g, n, key);
    if (vote)
        add_vote(g, n, g->node[n].type, 0, 1);
    return n;
}

size_t zk_graph_add_node(zk_graph *g, const char *name, const char *type)
{
    return add_node(g, name, type, 1);
}

void zk_graph_add_alias(zk_graph *g, size_t node, const char *alias)
{
    if (!g || node >= g->nnode || !alias || !*alias)
        return;
    size_t n = find(g, node);
    zk_slot *sl = tab_intern(g, alias);
    if (sl->node == NONE) {
        sl->node = n;
        add_form(g, n, sl->key);
        return;
    }
    size_t other = find(g, sl->node);
    if (other != n)
        merge(g, n, other);
}

/* The mentions count for the type node was added with. */
void zk_graph_add_mentions(zk_graph *g, size_t node, unsigned long n)
{
    if (!g || node >= g->nnode)
        return;
    size_t r = find(g, node);
    g->node[r].mentions += n;
    add_vote(g, r, g->node[node].type, n, 0);
}

/* Build index of the node owning name, or NONE. */
static size_t lookup_build(zk_graph *g, const char *name)
{
    if (!name)
        return NONE;
    zk_slot *sl = tab_find(g, name, str_hash(name));
    return sl && sl->node != NONE ? find(g, sl->node) : NONE;
}

/* ------------------------------------------------------------------ */
/* Edges and documents                                                 */

void zk_graph_add_edge(zk_graph *g, const char *type, size_t source,
                       size_t target, const char *doc, const char *sentence,
                       size_t sentence_index, size_t start, size_t end,
                       const char *rule, size_t origin, const char *title)
{
    zk_graph_add_edge_chars(g, type, source, target, doc, sentence,
                            sentence_index, start, end, 0, 0, rule, origin,
                            title);
}

/* One evidence record; the strings are interned already (title NULL or
 * non-empty). */
static void add_ev(zk_graph *g, const char *type, size_t source, size_t target,
                   const char *doc, const char *sentence, size_t sentence_index,
                   size_t start, size_t end, size_t cstart, size_t cend,
                   const char *rule, size_t origin, const char *title)
{
    if (g->nev == g->capev) {
        g->capev = g->capev ? g->capev * 2 : 256;
        g->ev = zk_xrealloc(g->ev, g->capev * sizeof *g->ev);
    }
    zk_gev *e = &g->ev[g->nev++];
    e->type = type;
    e->doc = doc;
    e->sentence = sentence;
    e->rule = rule;
    e->title = title;
    e->source = source;
    e->target = target;
    e->origin = origin < g->nnode ? origin : NONE;
    e->sentence_index = sentence_index;
    e->start = start;
    e->end = end;
    e->cstart = cend > 0 ? cstart : 0;
    e->cend = cend;
}

void zk_graph_add_edge_chars(zk_graph *g, const char *type, size_t source,
                             size_t target, const char *doc,
                             const char *sentence, size_t sentence_index,
                             size_t start, size_t end, size_t cstart,
                             size_t cend, const char *rule, size_t origin,
                             const char *title)
{
    if (!g || !type || source >= g->nnode || target >= g->nnode)
        return;
    add_ev(g, intern(g, type), source, target, intern(g, doc ? doc : ""),
           intern(g, sentence ? sentence : ""), sentence_index, start, end,
           cstart, cend, intern(g, rule ? rule : ""), origin,
           title && *title ? intern(g, title) : NULL);
}

/* intern(s), remembering the last string asked for in *last: the edges of
 * a document mostly repeat their type, rule and sentence. */
static const char *intern_last(zk_graph *g, const char *s, const char **last_s,
                               const char **last)
{
    if (*last_s && (*last_s == s || strcmp(*last_s, s) == 0))
        return *last;
    *last_s = s;
    return *last = intern(g, s);
}

zk_status zk_graph_add_doc(zk_graph *g, const zk_doc *d, zk_error *err)
{
    if (!g || !d)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_graph_add_doc: NULL argument");
    const char *dn = d->name ? d->name : "";
    /* Check every index first, so a bad doc leaves the graph unchanged. */
    for (size_t i = 0; i < d->nent; i++)
        if (!d->ent[i].name || !*d->ent[i].name)
            return zk_error_set(err, ZK_ERR_INPUT, dn, 0, 0, -1,
                                "entity %zu has no name", i);
    for (size_t i = 0; i < d->nedge; i++) {
        const zk_doc_edge *e = &d->edge[i];
        if (e->source >= d->nent || e->target >= d->nent ||
            e->sentence >= d->nsent || e->origin < -1 ||
            (e->origin >= 0 && (size_t)e->origin >= d->nent))
            return zk_error_set(err, ZK_ERR_INPUT, dn, 0, 0, -1,
                                "edge %zu (%s) refers to a missing entity "
                                "or sentence", i, e->type ? e->type : "?");
    }
    size_t *map = zk_xmalloc((d->nent ? d->nent : 1) * sizeof *map);
    const char *last_type = NULL, *last_itype = NULL;
    for (size_t i = 0; i < d->nent; i++) {
        const zk_entity *ent = &d->ent[i];
        /* The name's slot, looked up once: it finds the node, or becomes
         * a form of the node found or added. */
        zk_slot *sl = tab_intern(g, ent->name);
        size_t n = sl->node != NONE ? find(g, sl->node) : NONE;
        if (n == NONE) {
            /* An earlier document may know this entity by one of its
             * aliases only (联想 for 联想集团): join that node rather than
             * adding one (look-ups leave sl valid). */
            for (size_t k = 0; n == NONE && k < ent->naliases; k++)
                n = lookup_build(g, ent->aliases[k]);
            if (n == NONE) {
                n = add_node_at(g, sl, ent->type, 0);
            } else {
                sl->node = n;
                add_form(g, n, sl->key);
            }
        }
        for (size_t k = 0; k < ent->naliases; k++)
            zk_graph_add_alias(g, n, ent->aliases[k]);
        n = find(g, n);
        /* The entity votes for its own type, whichever node it found. */
        g->node[n].mentions += ent->mentions;
        add_vote(g, n,
                 intern_last(g, ent->type && *ent->type ? ent->type : "other",
                             &last_type, &last_itype),
                 ent->mentions, 1);
        map[i] = n;
    }
    const char *doc = d->nedge ? intern(g, dn) : NULL;
    const char *ls[3] = {NULL, NULL, NULL}, *li[3] = {NULL, NULL, NULL};
    for (size_t i = 0; i < d->nedge; i++) {
        const zk_doc_edge *e = &d->edge[i];
        const zk_doc_sentence *s = &d->sent[e->sentence];
        size_t src = map[e->source], dst = map[e->target];
        if (!e->type)
            continue;
        add_ev(g, intern_last(g, e->type, &ls[0], &li[0]), src, dst, doc,
               intern_last(g, s->text ? s->text : "", &ls[1], &li[1]),
               e->sentence, s->start, s->end, s->cstart, s->cend,
               intern_last(g, e->rule ? e->rule : "", &ls[2], &li[2]),
               e->origin < 0 ? NONE : map[e->origin],
               e->title && *e->title ? intern(g, e->title) : NULL);
    }
    free(map);
    return ZK_OK;
}

/* ------------------------------------------------------------------ */
/* Finish: labels, ids, order                                          */

static size_t utf8_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* 1 if a is a better canonical label than b. */
static int better_label(const char *a, size_t la, const char *b, size_t lb)
{
    return la != lb ? la > lb : strcmp(a, b) < 0;
}

static int type_rank(const char *t)
{
    static const char *const order[] = {"city", "park", "agency", "company",
                                        "institution"};
    for (int i = 0; i < 5; i++)
        if (strcmp(t, order[i]) == 0)
            return i;
    return 5;
}

/* The type of root n: the one its votes give the most mentions; on a tie
 * the one given by more entities, then the first in type order. */
static const char *node_type(const zk_graph *g, size_t n)
{
    const zk_gvote *best = NULL;
    for (size_t v = g->node[n].vhead; v != NONE; v = g->vote[v].next) {
        const zk_gvote *x = &g->vote[v];
        if (!best || x->mentions > best->mentions ||
            (x->mentions == best->mentions &&
             (x->records > best->records ||
              (x->records == best->records &&
               (type_rank(x->type) < type_rank(best->type) ||
                (type_rank(x->type) == type_rank(best->type) &&
                 strcmp(x->type, best->type) < 0))))))
            best = x;
    }
    return best ? best->type : g->node[n].type;
}

typedef struct zk_nsort {
    int rank;
    const char *type, *label;
    size_t lrank;                    /* the label's place in byte order */
    size_t build;                    /* root build index */
    size_t aoff, nalias;             /* aliases: zk_graph.valias[aoff..] */
} zk_nsort;

/* Node order: type rank, type, label.  Labels are forms and a form
 * belongs to one node, so no two nodes share a label, and the label's
 * rank in byte order compares them as strcmp would. */
static int cmp_nsort(const void *pa, const void *pb)
{
    const zk_nsort *a = pa, *b = pb;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    int c = a->type == b->type ? 0 : strcmp(a->type, b->type); /* interned */
    return c ? c : (a->lrank > b->lrank) - (a->lrank < b->lrank);
}

static int cmp_nsort_label(const void *pa, const void *pb)
{
    const zk_nsort *const *a = pa, *const *b = pb;
    return strcmp((*a)->label, (*b)->label);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct zk_idsort {
    uint64_t hash;
    size_t idx;
} zk_idsort;

static int cmp_idsort(const void *pa, const void *pb)
{
    const zk_idsort *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

typedef struct zk_esort {
    const zk_gev *ev;
    size_t source, target;            /* sorted indices */
    size_t srank, trank;              /* their labels' ranks in byte order */
    const char *origin;
} zk_esort;

static int cmp_size(size_t a, size_t b)
{
    return a < b ? -1 : a > b;
}

/* strcmp for interned strings: the same string is the same pointer */
static int cmp_interned(const char *a, const char *b)
{
    return a == b ? 0 : strcmp(a, b);
}

static int cmp_opt(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return cmp_interned(a, b);
}

/* Same edge: type and ends (the ends by label: labels are forms, and a
 * form belongs to one node, so two nodes never share a label and the
 * rank of a label in byte order orders them as strcmp would). */
static int cmp_edge_key(const zk_esort *a, const zk_esort *b)
{
    int c = cmp_interned(a->ev->type, b->ev->type);
    if (!c)
        c = cmp_size(a->srank, b->srank);
    if (!c)
        c = cmp_size(a->trank, b->trank);
    return c;
}

/* Same evidence: everything else, so that the order is total. */
static int cmp_evidence(const zk_esort *a, const zk_esort *b)
{
    const zk_gev *x = a->ev, *y = b->ev;
    int c = cmp_interned(x->doc, y->doc);
    if (!c) c = cmp_size(x->start, y->start);
    if (!c) c = cmp_interned(x->rule, y->rule);
    if (!c) c = cmp_size(x->end, y->end);
    if (!c) c = cmp_size(x->sentence_index, y->sentence_index);
    if (!c) c = cmp_interned(x->sentence, y->sentence);
    if (!c) c = cmp_opt(a->origin, b->origin);
    if (!c) c = cmp_opt(x->title, y->title);
    return c;
}

static int cmp_esort(const void *pa, const void *pb)
{
    int c = cmp_edge_key(pa, pb);
    return c ? c : cmp_evidence(pa, pb);
}

static void free_views(zk_graph *g)
{
    free(g->vnode);
    free(g->vedge);
    free(g->vevi);
    free(g->valias);
    free(g->vid);
    free(g->index);
    g->vnode = NULL;
    g->vedge = NULL;
    g->vevi = NULL;
    g->valias = NULL;
    g->vid = NULL;
    g->index = NULL;
    g->nvnode = g->nvedge = g->nindex = 0;
}

/* Roots of the union-find with their canonical label and sorted aliases
 * (slices of g->valias), in node order. */
static zk_nsort *finish_nodes(zk_graph *g, size_t *nroot)
{
    size_t n = 0;
    for (size_t i = 0; i < g->nnode; i++)
        n += find(g, i) == i;
    zk_nsort *ns = zk_xmalloc((n ? n : 1) * sizeof *ns);
    g->valias = zk_xmalloc((g->nform ? g->nform : 1) * sizeof *g->valias);
    size_t r = 0, pos = 0;
    for (size_t i = 0; i < g->nnode; i++) {
        if (g->node[i].parent != i)
            continue;
        const char *best = NULL;
        size_t bestlen = 0, k = pos;
        for (size_t f = g->node[i].head; f != NONE; f = g->form[f].next) {
            const char *s = g->form[f].s;
            size_t l = utf8_len(s);
            if (!best || better_label(s, l, best, bestlen)) {
                best = s;
                bestlen = l;
            }
            g->valias[k++] = s;
        }
        size_t m = pos;                 /* drop the label, keep the rest */
        for (size_t j = pos; j < k; j++)
            if (g->valias[j] != best)
                g->valias[m++] = g->valias[j];
        qsort(g->valias + pos, m - pos, sizeof *g->valias, cmp_str);
        const char *type = node_type(g, i);
        ns[r] = (zk_nsort){type_rank(type), type, best, 0, i, pos, m - pos};
        pos = m;
        r++;
    }
    zk_nsort **by = zk_xmalloc((n ? n : 1) * sizeof *by);
    for (size_t i = 0; i < n; i++)
        by[i] = &ns[i];
    qsort(by, n, sizeof *by, cmp_nsort_label);
    for (size_t i = 0; i < n; i++)
        by[i]->lrank = i;
    free(by);
    qsort(ns, n, sizeof *ns, cmp_nsort);
    *nroot = n;
    return ns;
}

/* "n" + 16 hex digits of FNV-1a 64 of the label; should two labels ever
 * share a hash, the later ones in node order get "-2", "-3", ... */
static void finish_ids(zk_graph *g)
{
    size_t n = g->nvnode;
    zk_idsort *ids = zk_xmalloc((n ? n : 1) * sizeof *ids);
    for (size_t i = 0; i < n; i++) {
        const char *l = g->vnode[i].label;
        ids[i] = (zk_idsort){zk_hash64(l, strlen(l)), i};
    }
    qsort(ids, n, sizeof *ids, cmp_idsort);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0, dup = 1; i < n; i++) {
        dup = i && ids[i].hash == ids[i - 1].hash ? dup + 1 : 1;
        char *id = g->vid[ids[i].idx];
        if (dup == 1) {
            /* snprintf "n%016" PRIx64, without its cost per node */
            id[0] = 'n';
            for (int k = 0; k < 16; k++)
                id[1 + k] = hex[(ids[i].hash >> (60 - 4 * k)) & 15];
            id[17] = '\0';
        } else {
            snprintf(id, sizeof g->vid[0], "n%016" PRIx64 "-%zu", ids[i].hash,
                     dup);
        }
    }
    free(ids);
}

int zk_graph_type_undirected(const char *type)
{
    return strcmp(type, "agreement") == 0;
}

/* rank[i]: the place of node i's label among all labels in byte order. */
static void finish_edges(zk_graph *g, const size_t *rank)
{
    zk_esort *es = zk_xmalloc((g->nev ? g->nev : 1) * sizeof *es);
    size_t m = 0;
    for (size_t i = 0; i < g->nev; i++) {
        const zk_gev *e = &g->ev[i];
        size_t s = g->index[e->source], t = g->index[e->target];
        if (s == t)
            continue;                     /* self-loop after merging */
        if (zk_graph_type_undirected(e->type) && t < s) {
            size_t x = s;
            s = t;
            t = x;
        }
        es[m++] = (zk_esort){e, s, t, rank[s], rank[t],
                             e->origin == NONE ? NULL
                                 : g->vnode[g->index[e->origin]].label};
    }
    qsort(es, m, sizeof *es, cmp_esort);
    size_t nedge = 0;
    for (size_t i = 0; i < m; i++)
        nedge += i == 0 || cmp_edge_key(&es[i - 1], &es[i]) != 0;
    g->vedge = zk_xmalloc((nedge ? nedge : 1) * sizeof *g->vedge);
    g->vevi = zk_xmalloc((m ? m : 1) * sizeof *g->vevi);
    size_t k = 0, ne = 0;
    for (size_t i = 0; i < m; i++) {
        int newedge = i == 0 || cmp_edge_key(&es[i - 1], &es[i]) != 0;
        if (!newedge && cmp_evidence(&es[i - 1], &es[i]) == 0)
            continue;                     /* the same evidence twice */
        const zk_gev *e = es[i].ev;
        if (newedge)
            g->vedge[ne++] = (zk_edge){e->type, es[i].source, es[i].target,
                                       g->vevi + k, 0};
        g->vevi[k++] = (zk_evidence){e->doc, e->sentence, e->sentence_index,
                                     e->start, e->end, e->rule, es[i].origin,
                                     e->title, e->cstart, e->cend};
        g->vedge[ne - 1].nevidence++;
    }
    g->nvedge = ne;
    free(es);
}

zk_status zk_graph_finish(zk_graph *g, zk_error *err)
{
    if (!g)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_graph_finish: NULL graph");
    free_views(g);
    size_t n;
    zk_nsort *ns = finish_nodes(g, &n);
    g->vnode = zk_xmalloc((n ? n : 1) * sizeof *g->vnode);
    g->vid = zk_xmalloc((n ? n : 1) * sizeof *g->vid);
    g->index = zk_xmalloc((g->nnode ? g->nnode : 1) * sizeof *g->index);
    g->nindex = g->nnode;
    for (size_t i = 0; i < n; i++) {
        const zk_gnode *gn = &g->node[ns[i].build];
        g->vnode[i] = (zk_node){g->vid[i], ns[i].label, ns[i].type,
                                g->valias + ns[i].aoff, ns[i].nalias,
                                gn->mentions};
        g->index[ns[i].build] = i;
    }
    g->nvnode = n;
    for (size_t i = 0; i < g->nnode; i++)
        g->index[i] = g->index[find(g, i)];
    size_t *lrank = zk_xmalloc((n ? n : 1) * sizeof *lrank);
    for (size_t i = 0; i < n; i++)
        lrank[i] = ns[i].lrank;
    free(ns);
    finish_ids(g);
    finish_edges(g, lrank);
    free(lrank);
    return ZK_OK;
}

/* ------------------------------------------------------------------ */
/* Accessors, life cycle                                               */

size_t zk_graph_node_count(const zk_graph *g)
{
    return g ? g->nvnode : 0;
}

size_t zk_graph_edge_count(const zk_graph *g)
{
    return g ? g->nvedge : 0;
}

const zk_node *zk_graph_node(const zk_graph *g, size_t i)
{
    return g && i < g->nvnode ? &g->vnode[i] : NULL;
}

const zk_edge *zk_graph_edge(const zk_graph *g, size_t i)
{
    return g && i < g->nvedge ? &g->vedge[i] : NULL;
}

size_t zk_graph_index(const zk_graph *g, size_t build_index)
{
    return g && build_index < g->nindex ? g->index[build_index] : NONE;
}

size_t zk_graph_lookup(const zk_graph *g, const char *name)
{
    if (!g || !name || !g->nvnode)
        return NONE;
    const zk_slot *sl = tab_find(g, name, str_hash(name));
    return sl && sl->node != NONE ? zk_graph_index(g, sl->node) : NONE;
}

zk_graph *zk_graph_new(void)
{
    return zk_xcalloc(1, sizeof(zk_graph));
}

void zk_graph_free(zk_graph *g)
{
    if (!g)
        return;
    free_views(g);
    for (size_t i = 0; i < g->capslot; i++)
        free(g->slot[i].key);
    free(g->slot);
    free(g->node);
    free(g->form);
    free(g->vote);
    free(g->ev);
    free(g);
}
