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
 * one line and freed, so a large graph never exists as one JSON tree.
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

static cJSON *make_node(const zk_node *n, const char *base, zk_buf *b)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "@id", iri(b, base, JSONLD_NODE_PATH, n->id));
    cJSON_AddStringToObject(o, "@type", schema_type(n));
    if (strcmp(n->type, "park") == 0)
        cJSON_AddStringToObject(o, "additionalType", "zhkg:Park");
    cJSON_AddStringToObject(o, "name", n->label);
    if (n->naliases) {
        cJSON *al = cJSON_AddArrayToObject(o, "alternateName");
        for (size_t k = 0; k < n->naliases; k++)
            cJSON_AddItemToArray(al, cJSON_CreateString(n->aliases[k]));
    }
    cJSON_AddStringToObject(o, "entityType", n->type);
    cJSON_AddNumberToObject(o, "mentions", (double)n->mentions);
    return o;
}

static cJSON *make_evidence(const zk_evidence *v)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *t = cJSON_AddArrayToObject(o, "@type");
    cJSON_AddItemToArray(t, cJSON_CreateString("prov:Entity"));
    cJSON_AddItemToArray(t, cJSON_CreateString("Evidence"));
    cJSON_AddStringToObject(o, "document", v->doc);
    cJSON_AddNumberToObject(o, "sentenceIndex", (double)v->sentence_index);
    cJSON_AddStringToObject(o, "sentence", v->sentence);
    cJSON_AddStringToObject(o, "rule", v->rule);
    cJSON *sels = cJSON_AddArrayToObject(o, "hasSelector");
    if (v->char_end > 0) {
        cJSON *sel = cJSON_CreateObject();
        t = cJSON_AddArrayToObject(sel, "@type");
        cJSON_AddItemToArray(t, cJSON_CreateString("TextPositionSelector"));
        cJSON_AddItemToArray(t, cJSON_CreateString("Provenance"));
        cJSON_AddNumberToObject(sel, "start", (double)v->char_start);
        cJSON_AddNumberToObject(sel, "end", (double)v->char_end);
        cJSON_AddItemToArray(sels, sel);
    }
    cJSON *sel = cJSON_CreateObject();
    t = cJSON_AddArrayToObject(sel, "@type");
    cJSON_AddItemToArray(t, cJSON_CreateString("DataPositionSelector"));
    cJSON_AddItemToArray(t, cJSON_CreateString("Provenance"));
    cJSON_AddNumberToObject(sel, "start", (double)v->start);
    cJSON_AddNumberToObject(sel, "end", (double)v->end);
    cJSON_AddItemToArray(sels, sel);
    return o;
}

static cJSON *make_edge(const zk_graph *g, size_t i, const char *base,
                        zk_buf *b)
{
    const zk_edge *e = zk_graph_edge(g, i);
    char id[32];
    snprintf(id, sizeof id, "%zu", i);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "@id", iri(b, base, JSONLD_EDGE_PATH, id));
    cJSON_AddStringToObject(o, "@type", "Relation");
    cJSON_AddStringToObject(o, "relationType", e->type);
    cJSON_AddStringToObject(o, "source",
                            iri(b, base, JSONLD_NODE_PATH,
                                zk_graph_node(g, e->source)->id));
    cJSON_AddStringToObject(o, "target",
                            iri(b, base, JSONLD_NODE_PATH,
                                zk_graph_node(g, e->target)->id));
    cJSON_AddBoolToObject(o, "directed", !zk_graph_type_undirected(e->type));
    const char *origin = zk_export_edge_origin(e);
    size_t on = origin ? zk_graph_lookup(g, origin) : (size_t)-1;
    if (on != (size_t)-1)
        cJSON_AddStringToObject(o, "origin",
                                iri(b, base, JSONLD_NODE_PATH,
                                    zk_graph_node(g, on)->id));
    const char *title = zk_export_edge_title(e);
    if (title)
        cJSON_AddStringToObject(o, "title", title);
    cJSON_AddNumberToObject(o, "support", (double)e->nevidence);
    cJSON *ev = cJSON_AddArrayToObject(o, "wasDerivedFrom");
    for (size_t k = 0; k < e->nevidence; k++)
        cJSON_AddItemToArray(ev, make_evidence(&e->evidence[k]));
    return o;
}

/* Print j (then free it) after sep; 0 on failure. */
static int emit(FILE *out, const char *sep, cJSON *j)
{
    char *s = j ? cJSON_PrintUnformatted(j) : NULL;
    cJSON_Delete(j);
    if (!s)
        return 0;
    int ok = fputs(sep, out) >= 0 && fputs(s, out) >= 0;
    cJSON_free(s);
    return ok;
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
    zk_buf b;
    zk_buf_init(&b);
    cJSON *ctx = make_context();
    char *cs = ctx ? cJSON_Print(ctx) : NULL;
    cJSON_Delete(ctx);
    int ok = cs && fprintf(out, "{\n\"@context\": %s,\n\"@graph\": [", cs) > 0;
    cJSON_free(cs);
    const char *sep = "\n";
    for (size_t i = 0; ok && i < zk_graph_node_count(g); i++, sep = ",\n")
        ok = emit(out, sep, make_node(zk_graph_node(g, i), base, &b));
    for (size_t i = 0; ok && i < zk_graph_edge_count(g); i++, sep = ",\n")
        ok = emit(out, sep, make_edge(g, i, base, &b));
    ok = ok && fputs("\n]\n}\n", out) >= 0;
    zk_buf_free(&b);
    if (!ok || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the JSON-LD output");
    return ZK_OK;
}
