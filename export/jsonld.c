/*
 * jsonld.c - the graph as JSON-LD 1.1, built with cJSON.
 *
 * The document is {"@context": {...}, "@graph": [...]}.  The context is
 * inline (no remote load) and defines every term used, so a JSON-LD
 * processor in safe mode drops nothing.  Entities are schema.org things
 * (City, Place + zhkg:Park, GovernmentOrganization, Corporation,
 * ResearchOrganization / CollegeOrUniversity / Hospital); each edge is a
 * reified zhkg:Relation node with its provenance: one prov:Entity +
 * zhkg:Evidence per evidence, with the sentence and its place in the source
 * file as Web Annotation selectors: an oa:TextPositionSelector counting
 * characters (code points) when the span in characters is known, and an
 * oa:DataPositionSelector counting bytes, always (the spans zhkg keeps are
 * bytes; characters are what TextPositionSelector means).  Node IRIs are
 * minted under a base IRI (zk_export_opts.base_iri).  Conventions:
 * docs/format-jsonld.md.
 *
 * The @graph array is streamed: each node or relation is built, printed on
 * one line and freed, so a large graph never exists as one JSON tree.  The
 * trees are cheap to make (keys and strings are referenced, not copied;
 * numbers go in as raw JSON text) and are printed with
 * cJSON_PrintPreallocated into one buffer kept for the whole export.
 */
#include "export_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "util.h"

/* IRIs of nodes and relations: base + NODE_PATH + id, base + EDGE_PATH +
 * number; the vocabulary's namespace stays the same whatever the base. */
#define JSONLD_NODE_PATH "node/"
#define JSONLD_EDGE_PATH "edge/e"

/* term, IRI, type coercion (or NULL), language (or NULL), container */
static const char *const context_terms[][5] = {
    {"name", "schema:name", NULL, "zh-Hans", NULL},
    {"alternateName", "schema:alternateName", NULL, "zh-Hans", "@set"},
    {"additionalType", "schema:additionalType", "@id", NULL, NULL},
    {"entityType", "zhkg:entityType", NULL, NULL, NULL},
    {"mentions", "zhkg:mentions", NULL, NULL, NULL},
    {"Relation", "zhkg:Relation", NULL, NULL, NULL},
    {"Evidence", "zhkg:Evidence", NULL, NULL, NULL},
    {"Provenance", "zhkg:Provenance", NULL, NULL, NULL},
    {"relationType", "zhkg:relationType", NULL, NULL, NULL},
    {"source", "zhkg:source", "@id", NULL, NULL},
    {"target", "zhkg:target", "@id", NULL, NULL},
    {"directed", "zhkg:directed", NULL, NULL, NULL},
    {"origin", "zhkg:origin", "@id", NULL, NULL},
    {"title", "zhkg:title", NULL, "zh-Hans", NULL},
    {"support", "zhkg:support", NULL, NULL, NULL},
    {"wasDerivedFrom", "prov:wasDerivedFrom", NULL, NULL, "@set"},
    {"document", "zhkg:document", NULL, NULL, NULL},
    {"sentence", "zhkg:sentence", NULL, "zh-Hans", NULL},
    {"sentenceIndex", "zhkg:sentenceIndex", NULL, NULL, NULL},
    {"rule", "zhkg:rule", NULL, NULL, NULL},
    {"hasSelector", "oa:hasSelector", NULL, NULL, "@set"},
    {"TextPositionSelector", "oa:TextPositionSelector", NULL, NULL, NULL},
    {"DataPositionSelector", "oa:DataPositionSelector", NULL, NULL, NULL},
    {"start", "oa:start", NULL, NULL, NULL},
    {"end", "oa:end", NULL, NULL, NULL},
};

static cJSON *make_context(void)
{
    cJSON *c = cJSON_CreateObject();
    cJSON_AddStringToObject(c, "@vocab", "https://schema.org/");
    cJSON_AddStringToObject(c, "schema", "https://schema.org/");
    cJSON_AddStringToObject(c, "zhkg", "https://example.org/zhkg/vocab#");
    cJSON_AddStringToObject(c, "prov", "http://www.w3.org/ns/prov#");
    cJSON_AddStringToObject(c, "oa", "http://www.w3.org/ns/oa#");
    for (size_t i = 0; i < sizeof context_terms / sizeof *context_terms; i++) {
        const char *const *t = context_terms[i];
        cJSON *d = cJSON_AddObjectToObject(c, t[0]);
        cJSON_AddStringToObject(d, "@id", t[1]);
        if (t[2])
            cJSON_AddStringToObject(d, "@type", t[2]);
        if (t[3])
            cJSON_AddStringToObject(d, "@language", t[3]);
        if (t[4])
            cJSON_AddStringToObject(d, "@container", t[4]);
    }
    return c;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* schema.org class of a node (docs/format-jsonld.md). */
static const char *schema_type(const zk_node *n)
{
    /* zhkg's "city" is any administrative place: a city (…市) is a
     * schema:City, a province, district, county or town the wider
     * schema:AdministrativeArea (of which City is a subclass). */
    if (strcmp(n->type, "city") == 0)
        return ends_with(n->label, "市") ? "City" : "AdministrativeArea";
    if (strcmp(n->type, "park") == 0)
        return "Place";
    if (strcmp(n->type, "agency") == 0)
        return "GovernmentOrganization";
    if (strcmp(n->type, "company") == 0)
        return "Corporation";
    if (strcmp(n->type, "institution") == 0) {
        if (ends_with(n->label, "大学") || ends_with(n->label, "学院"))
            return "CollegeOrUniversity";
        if (ends_with(n->label, "医院"))
            return "Hospital";
        return "ResearchOrganization";
    }
    return "Thing";
}

/* base + path + id, in b. */
static char *iri(zk_buf *b, const char *base, const char *path,
                 const char *id)
{
    b->len = 0;
    zk_buf_puts(b, base);
    zk_buf_puts(b, path);
    zk_buf_puts(b, id);
    return b->data;
}

/* An absolute IRI: a scheme (RFC 3987: ALPHA *( ALPHA / DIGIT / + / - /
 * . )) and ':', then no character an IRI cannot hold.  A relative base
 * would make every node IRI relative, which safe mode rejects. */
int zk_export_iri_ok(const char *s)
{
    const char *p = s;
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
        return 0;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
           (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':')
        return 0;
    for (; *p; p++)
        if ((unsigned char)*p <= 0x20 || strchr("<>\"{}|\\^`", *p))
            return 0;
    return 1;
}

/* Members are added without copies: keys are literals (the CS calls),
 * values are references to strings that outlive the printing of the tree
 * (the graph's, the literals', one buffer per IRI); only numbers are
 * printed here, into the tree as raw JSON.  A NULL string leaves the member
 * out, as cJSON_AddStringToObject does. */
static void add_str(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddItemToObjectCS(o, key, cJSON_CreateStringReference(v));
}

static void push_str(cJSON *a, const char *v)
{
    if (v)
        cJSON_AddItemToArray(a, cJSON_CreateStringReference(v));
}

static void add_num(cJSON *o, const char *key, size_t v, zk_buf *num)
{
    num->len = 0;
    zk_export_put_json_uint(num, v);
    cJSON_AddItemToObjectCS(o, key, cJSON_CreateRaw(num->data));
}

static cJSON *add_arr(cJSON *o, const char *key)
{
    cJSON *v = cJSON_CreateArray();
    cJSON_AddItemToObjectCS(o, key, v);
    return v;
}

/* The buffers one node or relation needs while it is built and printed. */
typedef struct jl {
    const char *base;
    zk_buf id, source, target, origin;   /* IRIs */
    zk_buf num;
    char *out;                           /* the printed tree */
    size_t cap;
} jl;

static cJSON *make_node(const zk_node *n, jl *j)
{
    cJSON *o = cJSON_CreateObject();
    add_str(o, "@id", iri(&j->id, j->base, JSONLD_NODE_PATH, n->id));
    add_str(o, "@type", schema_type(n));
    if (strcmp(n->type, "park") == 0)
        add_str(o, "additionalType", "zhkg:Park");
    add_str(o, "name", n->label);
    if (n->naliases) {
        cJSON *al = add_arr(o, "alternateName");
        for (size_t k = 0; k < n->naliases; k++)
            push_str(al, n->aliases[k]);
    }
    add_str(o, "entityType", n->type);
    add_num(o, "mentions", n->mentions, &j->num);
    return o;
}

static void add_selector(cJSON *sels, const char *type, size_t start,
                         size_t end, zk_buf *num)
{
    cJSON *sel = cJSON_CreateObject();
    cJSON *t = add_arr(sel, "@type");
    push_str(t, type);
    push_str(t, "Provenance");
    add_num(sel, "start", start, num);
    add_num(sel, "end", end, num);
    cJSON_AddItemToArray(sels, sel);
}

static cJSON *make_evidence(const zk_evidence *v, zk_buf *num)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *t = add_arr(o, "@type");
    push_str(t, "prov:Entity");
    push_str(t, "Evidence");
    add_str(o, "document", v->doc);
    add_num(o, "sentenceIndex", v->sentence_index, num);
    add_str(o, "sentence", v->sentence);
    add_str(o, "rule", v->rule);
    cJSON *sels = add_arr(o, "hasSelector");
    if (v->char_end > 0)
        add_selector(sels, "TextPositionSelector", v->char_start, v->char_end,
                     num);
    add_selector(sels, "DataPositionSelector", v->start, v->end, num);
    return o;
}

static cJSON *make_edge(const zk_graph *g, size_t i, jl *j)
{
    const zk_edge *e = zk_graph_edge(g, i);
    cJSON *o = cJSON_CreateObject();
    j->id.len = 0;
    zk_buf_puts(&j->id, j->base);
    zk_buf_puts(&j->id, JSONLD_EDGE_PATH);
    zk_export_put_uint(&j->id, i);
    add_str(o, "@id", j->id.data);
    add_str(o, "@type", "Relation");
    add_str(o, "relationType", e->type);
    add_str(o, "source", iri(&j->source, j->base, JSONLD_NODE_PATH,
                             zk_graph_node(g, e->source)->id));
    add_str(o, "target", iri(&j->target, j->base, JSONLD_NODE_PATH,
                             zk_graph_node(g, e->target)->id));
    cJSON_AddItemToObjectCS(o, "directed",
                            cJSON_CreateBool(!zk_graph_type_undirected(e->type)));
    const char *origin = zk_export_edge_origin(e);
    size_t on = origin ? zk_graph_lookup(g, origin) : (size_t)-1;
    if (on != (size_t)-1)
        add_str(o, "origin", iri(&j->origin, j->base, JSONLD_NODE_PATH,
                                 zk_graph_node(g, on)->id));
    add_str(o, "title", zk_export_edge_title(e));
    add_num(o, "support", e->nevidence, &j->num);
    cJSON *ev = add_arr(o, "wasDerivedFrom");
    for (size_t k = 0; k < e->nevidence; k++)
        cJSON_AddItemToArray(ev, make_evidence(&e->evidence[k], &j->num));
    return o;
}

/* Print t (then free it) after sep, into the reused buffer j->out; 0 on
 * failure.  The buffer grows until the tree fits. */
static int emit(FILE *out, const char *sep, cJSON *t, jl *j)
{
    int ok = t != NULL;
    while (ok && !cJSON_PrintPreallocated(t, j->out, (int)j->cap, 0)) {
        ok = j->cap < (size_t)1 << 30;
        j->cap *= 2;
        j->out = zk_xrealloc(j->out, j->cap);
    }
    cJSON_Delete(t);
    if (!ok)
        return 0;
    size_t n = strlen(j->out);
    return fputs(sep, out) >= 0 && fwrite(j->out, 1, n, out) == n;
}

zk_status zk_export_jsonld(const zk_graph *g, FILE *out, zk_error *err)
{
    return zk_export_jsonld_opts(g, out, NULL, err);
}

zk_status zk_export_jsonld_opts(const zk_graph *g, FILE *out,
                                const zk_export_opts *opts, zk_error *err)
{
    if (!g || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_export_jsonld: NULL argument");
    const char *base = opts && opts->base_iri ? opts->base_iri
                                              : ZK_DEFAULT_BASE_IRI;
    if (!zk_export_iri_ok(base))
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "base IRI '%s' is not an absolute IRI "
                            "(e.g. https://example.org/zhkg/ or urn:zhkg:)",
                            base);
    jl j;
    memset(&j, 0, sizeof j);
    j.base = base;
    zk_buf_init(&j.id);
    zk_buf_init(&j.source);
    zk_buf_init(&j.target);
    zk_buf_init(&j.origin);
    zk_buf_init(&j.num);
    j.cap = 1 << 16;
    j.out = zk_xmalloc(j.cap);
    cJSON *ctx = make_context();
    char *cs = ctx ? cJSON_Print(ctx) : NULL;
    cJSON_Delete(ctx);
    int ok = cs && fprintf(out, "{\n\"@context\": %s,\n\"@graph\": [", cs) > 0;
    cJSON_free(cs);
    const char *sep = "\n";
    for (size_t i = 0; ok && i < zk_graph_node_count(g); i++, sep = ",\n")
        ok = emit(out, sep, make_node(zk_graph_node(g, i), &j), &j);
    for (size_t i = 0; ok && i < zk_graph_edge_count(g); i++, sep = ",\n") {
        zk_export_prefetch_edge(g, i + 16, 1);
        zk_export_prefetch_edge(g, i + 8, 0);
        ok = emit(out, sep, make_edge(g, i, &j), &j);
    }
    ok = ok && fputs("\n]\n}\n", out) >= 0;
    zk_buf_free(&j.id);
    zk_buf_free(&j.source);
    zk_buf_free(&j.target);
    zk_buf_free(&j.origin);
    zk_buf_free(&j.num);
    free(j.out);
    if (!ok || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the JSON-LD output");
    return ZK_OK;
}
