/*
 * graphml.c - the graph as GraphML 1.1, written by libxml2: its
 * xmlTextWriter for the document, its output buffer for the elements.
 *
 * One <key> per attribute (docs/format-graphml.md has the table), one <node> per
 * node and one <edge> per edge, in the graph's order, so the file is
 * deterministic and valid against the official XSD.  Values a consumer would
 * want as lists (aliases, all evidences) are JSON arrays in a string: GraphML
 * data is scalar.  Agreement edges are written once and marked with the
 * boolean key "directed" = false rather than GraphML's per-edge
 * directed="false", which NetworkX refuses in a directed graph.
 *
 * The writer makes the XML declaration, <graphml>, the <key>s, <graph> and
 * the closing tags.  The <node> and <edge> elements, millions of them, are
 * put together here as text, indented as the writer would indent them, and
 * handed to the writer's output buffer (xmlOutputBufferWrite) in batches:
 * through xmlTextWriter they cost a call and a copy per attribute and per
 * element and most of the time of the export.  The file is the same byte
 * for byte.  The JSON values are written here too, escaped as cJSON
 * escapes (zk_export_put_json_string), numbers as cJSON prints them.
 *
 * Character data is escaped here rather than by xmlTextWriterWriteString(),
 * which also turns every '"' into &quot; and makes the JSON values hard to
 * read.  XML 1.0 cannot hold most C0 control characters, not even escaped;
 * they are written as U+FFFD so that a stray one in an article cannot make
 * the whole file unreadable.  Attribute values (the ids) are plain ASCII;
 * any other would be escaped by libxml2's own xmlAttrSerializeTxtContent.
 */
#include "export_internal.h"

#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <errno.h>
#include <stdint.h>
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

/* Bytes that XML character data cannot hold as they are: & < > and the C0
 * controls (\t and \n excepted). */
static const unsigned char text_special[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
    [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
    [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
    [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1,
    [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
    ['&'] = 1, ['<'] = 1, ['>'] = 1,
};

/* 1 if one of the 8 bytes of x is below 0x20 or one of & < >: a word of
 * text that needs a closer look (the usual tests for a zero byte, on x
 * and on x with each of the three xored away). */
static int word_special(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t a = x ^ (ones * '&'), l = x ^ (ones * '<'), g = x ^ (ones * '>');
    return (((x - ones * 0x20) & ~x) | ((a - ones) & ~a) |
            ((l - ones) & ~l) | ((g - ones) & ~g)) & highs ? 1 : 0;
}

/* Append s to b as XML character data: & < > escaped (quotes need no
 * escape in text), \r kept as a reference, the C0 controls XML cannot hold
 * replaced by U+FFFD.  Runs of ordinary bytes are copied whole; they are
 * found 8 bytes at a time (the text is most of the file). */
static void put_text(zk_buf *b, const char *s)
{
    size_t n = strlen(s);
    const unsigned char *p = (const unsigned char *)s, *end = p + n, *run;
    for (;;) {
        run = p;
        while (p < end) {
            const unsigned char *stop = end - p >= 8 ? p + 8 : end;
            uint64_t w;
            if (stop - p == 8 && (memcpy(&w, p, 8), !word_special(w))) {
                p = stop;
                continue;
            }
            while (p < stop && !text_special[*p])   /* \t or \n, or one */
                p++;
            if (p < stop)
                break;
        }
        if (p > run)
            zk_export_put(b, (const char *)run, (size_t)(p - run));
        if (p == end)
            return;
        switch (*p) {
        case '&': zk_buf_append(b, "&amp;", 5); break;
        case '<': zk_buf_append(b, "&lt;", 4); break;
        case '>': zk_buf_append(b, "&gt;", 4); break;
        case '\r': zk_buf_append(b, "&#13;", 5); break;
        default: zk_buf_append(b, "\xEF\xBF\xBD", 3);
        }
        p++;
    }
}

/* Bytes an attribute value holds as they are: letters, digits, - _ . */
static const unsigned char attr_plain[256] = {
    ['-'] = 1, ['.'] = 1, ['_'] = 1,
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
    ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
    ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
    ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
    ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
    ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
    ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
};

/* Append s to b as an attribute value, escaped as xmlTextWriter escapes
 * attributes: ids are plain ASCII and are copied; anything else goes
 * through libxml2's own attribute serialiser. */
static void put_attr(zk_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (attr_plain[*p])
        p++;
    if (!*p) {
        zk_export_put(b, s, (size_t)(p - (const unsigned char *)s));
        return;
    }
    xmlBufferPtr xb = xmlBufferCreate();
    if (xb) {
        xmlAttrSerializeTxtContent(xb, NULL, NULL, BAD_CAST s);
        zk_buf_append(b, (const char *)xmlBufferContent(xb),
                      (size_t)xmlBufferLength(xb));
        xmlBufferFree(xb);
    }
}

/* The elements are handed to libxml2 in batches of about this size. */
#define EL_FLUSH 65536

#define PUT_LIT(b, lit) zk_export_put((b), (lit), sizeof(lit) - 1)

/* Where libxml2's output buffer empties itself: it hands its content on
 * 4 to 16 KB at a time, and a write(2) that small costs the kernel more
 * per byte than the writing itself costs us.  Collected here, the bytes go
 * to the FILE in blocks of IO_BLOCK. */
#define IO_BLOCK (1 << 20)

typedef struct gml_io {
    FILE *f;
    char *buf;
    size_t len;
    char *msg;          /* the first error, as libxml2's file output says it */
    size_t msg_size;
} gml_io;

static int io_fwrite(gml_io *io, const char *buf, size_t n)
{
    if (fwrite(buf, 1, n, io->f) == n)
        return 1;
    if (!io->msg[0])
        snprintf(io->msg, io->msg_size, "%s", strerror(errno));
    return 0;
}

static int io_flush(gml_io *io)
{
    int ok = !io->len || io_fwrite(io, io->buf, io->len);
    io->len = 0;
    return ok;
}

static int io_write(void *ctx, const char *buf, int len)
{
    gml_io *io = ctx;
    if (len <= 0)
        return 0;
    if (io->len + (size_t)len > IO_BLOCK && !io_flush(io))
        return -1;
    if ((size_t)len > IO_BLOCK)
        return io_fwrite(io, buf, (size_t)len) ? len : -1;
    memcpy(io->buf + io->len, buf, (size_t)len);
    io->len += (size_t)len;
    return len;
}

/* Called when the writer is freed; the FILE stays open. */
static int io_close(void *ctx)
{
    gml_io *io = ctx;
    return io_flush(io) && fflush(io->f) == 0 ? 0 : -1;
}

typedef struct gml {
    xmlTextWriterPtr w;
    xmlOutputBufferPtr out;      /* the writer's output buffer */
    zk_buf el;                   /* the <node>s and <edge>s not yet written */
    zk_buf json;                 /* one JSON value */
    zk_buf lab;                  /* the labels of the last node type */
    const char *lab_type;        /* that type */
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

/* Hand what has piled up in x->el to libxml2's output buffer. */
static void flush_el(gml *x)
{
    if (x->el.len && !x->bad)
        chk(x, xmlOutputBufferWrite(x->out, (int)x->el.len, x->el.data));
    x->el.len = 0;
}

/* <data key="key">value</data> on its own line, as the writer would
 * indent it inside a <node> or <edge>; nothing when value is NULL.  key is
 * a literal. */
#define DATA_OPEN(key) "      <data key=\"" key "\">"
#define data(x, key, value) put_data((x), DATA_OPEN(key), \
                                     sizeof DATA_OPEN(key) - 1, (value))
#define data_num(x, key, v) put_data_num((x), DATA_OPEN(key), \
                                         sizeof DATA_OPEN(key) - 1, (v))

static void put_data(gml *x, const char *open, size_t n, const char *value)
{
    if (!value)
        return;
    zk_export_put(&x->el, open, n);
    put_text(&x->el, value);
    PUT_LIT(&x->el, "</data>\n");
}

static void put_data_num(gml *x, const char *open, size_t n, size_t v)
{
    zk_export_put(&x->el, open, n);
    zk_export_put_uint(&x->el, v);
    PUT_LIT(&x->el, "</data>\n");
}

/* Neo4j's label form of the node types (":City"), as APOC's
 * apoc.import.graphml reads the "labels" key.  Nodes come sorted by type,
 * so the last one is kept. */
static const char *neo4j_label(gml *x, const char *type)
{
    if (!x->lab_type || strcmp(type, x->lab_type) != 0) {
        zk_buf l;
        zk_buf_init(&l);
        x->lab.len = 0;
        zk_buf_puts(&x->lab, ":");
        zk_buf_puts(&x->lab, zk_export_label(type, &l));
        zk_buf_free(&l);
        x->lab_type = type;
    }
    return x->lab.data;
}

/* The JSON key "name": of an object member, after a comma unless first. */
static void json_key(zk_buf *b, const char *name, int *first)
{
    if (!*first)
        zk_buf_putc(b, ',');
    *first = 0;
    zk_buf_putc(b, '"');
    zk_buf_puts(b, name);
    PUT_LIT(b, "\":");
}

/* The JSON members of a cJSON object built with cJSON_Add*ToObject: a
 * NULL string is left out, as cJSON leaves it out. */
static void json_str_member(zk_buf *b, const char *name, const char *v,
                            int *first)
{
    if (!v)
        return;
    json_key(b, name, first);
    zk_export_put_json_string(b, v);
}

static void json_num_member(zk_buf *b, const char *name, size_t v,
                            int *first)
{
    json_key(b, name, first);
    zk_export_put_json_uint(b, v);
}

static void write_node(gml *x, const zk_node *n)
{
    PUT_LIT(&x->el, "    <node id=\"");
    put_attr(&x->el, n->id);
    PUT_LIT(&x->el, "\">\n");
    data(x, "n_label", n->label);
    data(x, "n_type", n->type);
    /* ["alias", ...], as cJSON_PrintUnformatted prints the array */
    zk_buf *j = &x->json;
    j->len = 0;
    zk_buf_putc(j, '[');
    for (size_t k = 0, m = 0; k < n->naliases; k++) {
        if (!n->aliases[k])
            continue;
        if (m++)
            zk_buf_putc(j, ',');
        zk_export_put_json_string(j, n->aliases[k]);
    }
    zk_buf_putc(j, ']');
    data(x, "n_aliases", j->data);
    data_num(x, "n_mentions", n->mentions);
    data(x, "n_labels", neo4j_label(x, n->type));
    PUT_LIT(&x->el, "    </node>\n");
}

static void write_edge(gml *x, const zk_graph *g, size_t i)
{
    const zk_edge *e = zk_graph_edge(g, i);
    const zk_evidence *ev = &e->evidence[0];
    PUT_LIT(&x->el, "    <edge id=\"e");
    zk_export_put_uint(&x->el, i);
    PUT_LIT(&x->el, "\" source=\"");
    put_attr(&x->el, zk_graph_node(g, e->source)->id);
    PUT_LIT(&x->el, "\" target=\"");
    put_attr(&x->el, zk_graph_node(g, e->target)->id);
    PUT_LIT(&x->el, "\">\n");
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
    /* [{"doc":…,"sentence":…,"start":…,"end":…,"rule":…}, ...] */
    zk_buf *j = &x->json;
    j->len = 0;
    zk_buf_putc(j, '[');
    for (size_t k = 0; k < e->nevidence; k++) {
        const zk_evidence *v = &e->evidence[k];
        int first = 1;
        if (k)
            zk_buf_putc(j, ',');
        zk_buf_putc(j, '{');
        json_str_member(j, "doc", v->doc, &first);
        json_num_member(j, "sentence", v->sentence_index, &first);
        json_num_member(j, "start", v->start, &first);
        json_num_member(j, "end", v->end, &first);
        json_str_member(j, "rule", v->rule, &first);
        zk_buf_putc(j, '}');
    }
    zk_buf_putc(j, ']');
    data(x, "e_evidence_all", j->data);
    PUT_LIT(&x->el, "    </edge>\n");
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
    gml x;
    memset(&x, 0, sizeof x);
    xmlStructuredErrorFunc old_handler = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(&x, gml_error);
    gml_io io = {out, zk_xmalloc(IO_BLOCK), 0, x.msg, sizeof x.msg};
    x.out = xmlOutputBufferCreateIO(io_write, io_close, &io, NULL);
    x.w = x.out ? xmlNewTextWriter(x.out) : NULL;
    if (!x.w) {
        if (x.out)
            xmlOutputBufferClose(x.out);
        free(io.buf);
        xmlSetStructuredErrorFunc(old_ctx, old_handler);
        return zk_error_set(err, ZK_ERR_NOMEM, "", 0, 0, -1,
                            "libxml2: cannot create an XML writer");
    }
    zk_buf_init(&x.el);
    zk_buf_init(&x.json);
    zk_buf_init(&x.lab);
    write_header(&x);
    size_t nn = zk_graph_node_count(g), ne = zk_graph_edge_count(g);
    if (nn || ne) {
        /* The writer closes <graph ...> and is told that text follows, so
         * that it ends </graph> where the elements written below leave
         * off; they come pre-escaped and indented as it would indent them,
         * straight into its output buffer. */
        chk(&x, xmlTextWriterWriteRaw(x.w, BAD_CAST "\n"));
        for (size_t i = 0; !x.bad && i < nn; i++) {
            zk_export_prefetch_node(g, i + 16, 1);
            zk_export_prefetch_node(g, i + 8, 0);
            write_node(&x, zk_graph_node(g, i));
            if (x.el.len >= EL_FLUSH)
                flush_el(&x);
        }
        for (size_t i = 0; !x.bad && i < ne; i++) {
            zk_export_prefetch_edge(g, i + 16, 1);
            zk_export_prefetch_edge(g, i + 8, 0);
            write_edge(&x, g, i);
            if (x.el.len >= EL_FLUSH)
                flush_el(&x);
        }
        PUT_LIT(&x.el, "  ");   /* the indentation of </graph> */
        flush_el(&x);
    }
    chk(&x, xmlTextWriterEndDocument(x.w));  /* closes open elements */
    chk(&x, xmlTextWriterFlush(x.w));
    xmlFreeTextWriter(x.w);                  /* frees x.out, leaves out open */
    xmlSetStructuredErrorFunc(old_ctx, old_handler);
    free(io.buf);
    zk_buf_free(&x.el);
    zk_buf_free(&x.json);
    zk_buf_free(&x.lab);
    if (x.bad || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the GraphML output%s%s",
                            x.msg[0] ? ": " : "", x.msg);
    return ZK_OK;
}
