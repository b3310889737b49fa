/*
 * graphml.c - the graph as GraphML 1.1, streamed with libxml2's
 * xmlTextWriter.
 *
 * One <key> per attribute (docs/format-graphml.md has the table), one <node> per
 * node and one <edge> per edge, in the graph's order, so the file is
 * deterministic and valid against the official XSD.  Values a consumer would
 * want as lists (aliases, all evidences) are JSON arrays in a string, built
 * with cJSON: GraphML data is scalar.  Agreement edges are written once and
 * marked with the boolean key "directed" = false rather than GraphML's
 * per-edge directed="false", which NetworkX refuses in a directed graph.
 *
 * Character data is escaped here rather than by xmlTextWriterWriteString(),
 * which also turns every '"' into &quot; and makes the JSON values hard to
 * read.  XML 1.0 cannot hold most C0 control characters, not even escaped;
 * they are written as U+FFFD so that a stray one in an article cannot make
 * the whole file unreadable.
 */
#include "export_internal.h"

#include <cjson/cJSON.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "util.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

typedef struct gml_key {
    const char *id, *domain, *name, *type;
} gml_key;

static const gml_key keys[] = {
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_labels", "node", "labels", "string"},
    {"e_type", "edge", "type", "string"},
    {"e_directed", "edge", "directed", "boolean"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_doc", "edge", "doc", "string"},
    {"e_sentence", "edge", "sentence", "int"},
    {"e_start", "edge", "start", "int"},
    {"e_end", "edge", "end", "int"},
    {"e_rule", "edge", "rule", "string"},
    {"e_origin", "edge", "origin", "string"},
    {"e_title", "edge", "title", "string"},
    {"e_support", "edge", "support", "int"},
    {"e_evidence_all", "edge", "evidence_all", "string"},
};

/* Neo4j's label form of the node types (":City"), as APOC's
 * apoc.import.graphml reads the "labels" key. */
static const char *neo4j_label(const char *type, zk_buf *b)
{
    zk_buf l;
    zk_buf_init(&l);
    b->len = 0;
    zk_buf_puts(b, ":");
    zk_buf_puts(b, zk_export_label(type, &l));
    zk_buf_free(&l);
    return b->data;
}

/* s as XML character data, in b: & < > escaped (quotes need no escape in
 * text), \r kept as a reference, the C0 controls XML cannot hold replaced
 * by U+FFFD. */
static const char *xml_text(const char *s, zk_buf *b)
{
    b->len = 0;
    zk_buf_puts(b, "");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': zk_buf_puts(b, "&amp;"); break;
        case '<': zk_buf_puts(b, "&lt;"); break;
        case '>': zk_buf_puts(b, "&gt;"); break;
        case '\r': zk_buf_puts(b, "&#13;"); break;
        case '\t': case '\n': zk_buf_putc(b, (char)*p); break;
        default:
            if (*p < 0x20)
                zk_buf_puts(b, "\xEF\xBF\xBD");
            else
                zk_buf_putc(b, (char)*p);
        }
    }
    return b->data;
}

typedef struct gml {
    xmlTextWriterPtr w;
    zk_buf tmp;
    int bad;                     /* a libxml2 call failed */
    char msg[256];               /* libxml2's first error message */
} gml;

/* libxml2 reports errors (a failed write) here instead of on stderr. */
static void gml_error(void *ctx, xmlErrorPtr e)
{
    gml *x = ctx;
    if (!x->msg[0] && e && e->message) {
        snprintf(x->msg, sizeof x->msg, "%s", e->message);
        size_t n = strlen(x->msg);
        while (n && (x->msg[n - 1] == '\n' || x->msg[n - 1] == ' '))
            x->msg[--n] = '\0';
    }
}

static void chk(gml *x, int rc)
{
    if (rc < 0)
        x->bad = 1;
}

static void data(gml *x, const char *key, const char *value)
{
    if (!value || x->bad)
        return;
    chk(x, xmlTextWriterStartElement(x->w, BAD_CAST "data"));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "key", BAD_CAST key));
    chk(x, xmlTextWriterWriteRaw(x->w, BAD_CAST xml_text(value, &x->tmp)));
    chk(x, xmlTextWriterEndElement(x->w));
}

static void data_num(gml *x, const char *key, size_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", v);
    data(x, key, num);
}

/* Print a cJSON value compactly and write it as the data of key. */
static void data_json(gml *x, const char *key, cJSON *j)
{
    char *s = j ? cJSON_PrintUnformatted(j) : NULL;
    if (!s)
        x->bad = 1;
    else
        data(x, key, s);
    cJSON_free(s);
    cJSON_Delete(j);
}

static void write_node(gml *x, const zk_node *n, zk_buf *lab)
{
    chk(x, xmlTextWriterStartElement(x->w, BAD_CAST "node"));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "id", BAD_CAST n->id));
    data(x, "n_label", n->label);
    data(x, "n_type", n->type);
    cJSON *al = cJSON_CreateArray();
    for (size_t k = 0; al && k < n->naliases; k++)
        cJSON_AddItemToArray(al, cJSON_CreateString(n->aliases[k]));
    data_json(x, "n_aliases", al);
    data_num(x, "n_mentions", n->mentions);
    data(x, "n_labels", neo4j_label(n->type, lab));
    chk(x, xmlTextWriterEndElement(x->w));
}

static void write_edge(gml *x, const zk_graph *g, size_t i)
{
    const zk_edge *e = zk_graph_edge(g, i);
    const zk_evidence *ev = &e->evidence[0];
    char id[32];
    snprintf(id, sizeof id, "e%zu", i);
    chk(x, xmlTextWriterStartElement(x->w, BAD_CAST "edge"));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "id", BAD_CAST id));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "source",
                                       BAD_CAST zk_graph_node(g, e->source)->id));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "target",
                                       BAD_CAST zk_graph_node(g, e->target)->id));
    data(x, "e_type", e->type);
    data(x, "e_directed", zk_graph_type_undirected(e->type) ? "false" : "true");
    data(x, "e_evidence", ev->sentence);
    data(x, "e_doc", ev->doc);
    data_num(x, "e_sentence", ev->sentence_index);
    data_num(x, "e_start", ev->start);
    data_num(x, "e_end", ev->end);
    data(x, "e_rule", ev->rule);
    data(x, "e_origin", zk_export_edge_origin(e));
    data(x, "e_title", zk_export_edge_title(e));
    data_num(x, "e_support", e->nevidence);
    cJSON *all = cJSON_CreateArray();
    for (size_t k = 0; all && k < e->nevidence; k++) {
        const zk_evidence *v = &e->evidence[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(all, o);
        cJSON_AddStringToObject(o, "doc", v->doc);
        cJSON_AddNumberToObject(o, "sentence", (double)v->sentence_index);
        cJSON_AddNumberToObject(o, "start", (double)v->start);
        cJSON_AddNumberToObject(o, "end", (double)v->end);
        cJSON_AddStringToObject(o, "rule", v->rule);
    }
    data_json(x, "e_evidence_all", all);
    chk(x, xmlTextWriterEndElement(x->w));
}

static void write_header(gml *x)
{
    chk(x, xmlTextWriterSetIndent(x->w, 1));
    chk(x, xmlTextWriterSetIndentString(x->w, BAD_CAST "  "));
    chk(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
    /* Namespace declarations as plain attributes keep them in this order. */
    chk(x, xmlTextWriterStartElement(x->w, BAD_CAST "graphml"));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "xmlns",
                                       BAD_CAST GRAPHML_NS));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "xmlns:xsi",
                                       BAD_CAST XSI_NS));
    chk(x, xmlTextWriterWriteAttribute(
               x->w, BAD_CAST "xsi:schemaLocation",
               BAD_CAST GRAPHML_NS
               " http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd"));
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        chk(x, xmlTextWriterStartElement(x->w, BAD_CAST "key"));
        chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "id",
                                           BAD_CAST keys[i].id));
        chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "for",
                                           BAD_CAST keys[i].domain));
        chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "attr.name",
                                           BAD_CAST keys[i].name));
        chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "attr.type",
                                           BAD_CAST keys[i].type));
        chk(x, xmlTextWriterEndElement(x->w));
    }
    chk(x, xmlTextWriterStartElement(x->w, BAD_CAST "graph"));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "id", BAD_CAST "zhkg"));
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST "edgedefault",
                                       BAD_CAST "directed"));
}

zk_status zk_export_graphml(const zk_graph *g, FILE *out, zk_error *err)
{
    if (!g || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_export_graphml: NULL argument");
    gml x = {NULL, {NULL, 0, 0}, 0, ""};
    xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&x, gml_error);
    xmlOutputBufferPtr ob = xmlOutputBufferCreateFile(out, NULL);
    x.w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!x.w) {
        if (ob)
            xmlOutputBufferClose(ob);
        xmlSetStructuredErrorFunc(old_ctx, old_handler);
        return zk_error_set(err, ZK_ERR_NOMEM, "", 0, 0, -1,
                            "libxml2: cannot create an XML writer");
    }
    zk_buf_init(&x.tmp);
    zk_buf lab;
    zk_buf_init(&lab);
    write_header(&x);
    for (size_t i = 0; !x.bad && i < zk_graph_node_count(g); i++)
        write_node(&x, zk_graph_node(g, i), &lab);
    for (size_t i = 0; !x.bad && i < zk_graph_edge_count(g); i++)
        write_edge(&x, g, i);
    chk(&x, xmlTextWriterEndDocument(x.w));  /* closes open elements */
    chk(&x, xmlTextWriterFlush(x.w));
    xmlFreeTextWriter(x.w);                  /* frees ob, leaves out open */
    xmlSetStructuredErrorFunc(old_ctx, old_handler);
    zk_buf_free(&x.tmp);
    zk_buf_free(&lab);
    if (x.bad || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the GraphML output%s%s",
                            x.msg[0] ? ": " : "", x.msg);
    return ZK_OK;
}
