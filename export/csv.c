/*
 * csv.c - the graph as import files for graph databases: Neo4j
 * (neo4j-admin database import) and Kuzu (COPY FROM), in one directory.
 *
 *   nodes.csv       id:ID, name, type, aliases:string[], mentions:int, :LABEL
 *   edges.csv       :START_ID, :END_ID, :TYPE, directed:boolean, ...
 *   kuzu_nodes.csv  the same nodes, columns in the order of schema.cypher,
 *   kuzu_edges.csv  lists in Kuzu's [a,b] form
 *   schema.cypher   CREATE NODE/REL TABLE and COPY statements for Kuzu
 *
 * Every file is RFC 4180 CSV: comma-separated, strings always in double
 * quotes with a quote doubled, numbers and booleans bare, an absent value an
 * empty bare field (null for both databases).  Neo4j and Kuzu read the same
 * quoting.  What they do not share is the list syntax: neo4j-admin splits
 * an array field at ';', Kuzu parses "[a,b]" and has no escape inside it.
 * A name that holds the list's own separators therefore has them written
 * as their full-width forms (；，［］) in the list fields only; the
 * name column is exact.  Line breaks in a field are written as spaces
 * (neo4j-admin rejects them without --multiline-fields).
 *
 * Each file is written with zk_export_write_atomic, like every output.
 * Conventions and the import commands: docs/format-csv.md.
 */
#include "export_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "graph_internal.h"
#include "util.h"

/* A string field: quoted, quotes doubled, line breaks as spaces. */
static void field(zk_buf *b, const char *s)
{
    zk_buf_putc(b, '"');
    for (; s && *s; s++) {
        if (*s == '"')
            zk_buf_puts(b, "\"\"");
        else if (*s == '\n' || *s == '\r')
            zk_buf_putc(b, ' ');
        else
            zk_buf_putc(b, *s);
    }
    zk_buf_putc(b, '"');
}

/* An optional string: empty and bare (null) when absent. */
static void field_opt(zk_buf *b, const char *s)
{
    if (s && *s)
        field(b, s);
}

static void num(zk_buf *b, size_t v)
{
    char n[32];
    snprintf(n, sizeof n, "%zu", v);
    zk_buf_puts(b, n);
}

/* A list element: the separators named in seps become full-width. */
static void list_item(zk_buf *b, const char *s, const char *seps)
{
    for (; *s; s++) {
        if (strchr(seps, *s) && *s) {
            /* U+FF00 + (c - 0x20): ；，［］ for ; , [ ] */
            char fw[4];
            zk_utf8_encode(0xFF00u + (unsigned char)*s - 0x20u, fw);
            zk_buf_append(b, fw, 3);
        } else if (*s == '\n' || *s == '\r') {
            zk_buf_putc(b, ' ');
        } else {
            zk_buf_putc(b, *s);
        }
    }
}

/* Neo4j relationship type: relocation -> RELOCATION, anything but ASCII
 * letters and digits -> '_'. */
static void rel_type(zk_buf *b, const char *t)
{
    for (; *t; t++) {
        char c = *t;
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            c = '_';
        zk_buf_putc(b, c);
    }
}

/* The edge columns after the two ends and the type, shared by both files. */
static void edge_rest(zk_buf *b, const zk_edge *e)
{
    const zk_evidence *ev = &e->evidence[0];
    zk_buf_puts(b, zk_graph_type_undirected(e->type) ? ",false," : ",true,");
    num(b, e->nevidence);
    zk_buf_putc(b, ',');
    field(b, ev->sentence);
    zk_buf_putc(b, ',');
    field(b, ev->doc);
    zk_buf_putc(b, ',');
    num(b, ev->sentence_index);
    zk_buf_putc(b, ',');
    num(b, ev->start);
    zk_buf_putc(b, ',');
    num(b, ev->end);
    zk_buf_putc(b, ',');
    field(b, ev->rule);
    zk_buf_putc(b, ',');
    field_opt(b, zk_export_edge_origin(e));
    zk_buf_putc(b, ',');
    field_opt(b, zk_export_edge_title(e));
    zk_buf_putc(b, '\n');
}

enum { F_NEO_NODES, F_NEO_EDGES, F_KUZU_NODES, F_KUZU_EDGES };

typedef struct csv_job {
    const zk_graph *g;
    int which;
} csv_job;

#define EDGE_COLS "directed:boolean,support:int,evidence,doc,sentence:int," \
                  "start:int,end:int,rule,origin,title"

/* One line at a time through a buffer: a large graph is never held whole. */
static zk_status write_csv(FILE *out, void *arg, zk_error *err)
{
    const csv_job *j = arg;
    const zk_graph *g = j->g;
    zk_buf b, lab;
    zk_buf_init(&b);
    zk_buf_init(&lab);
    int ok = 1;
    switch (j->which) {
    case F_NEO_NODES:
    case F_KUZU_NODES:
        zk_buf_puts(&b, j->which == F_NEO_NODES
                            ? "id:ID,name,type,aliases:string[],mentions:int,"
                              ":LABEL\n"
                            : "id,name,type,label,aliases,mentions\n");
        for (size_t i = 0; ok && i < zk_graph_node_count(g); i++) {
            const zk_node *n = zk_graph_node(g, i);
            int neo = j->which == F_NEO_NODES;
            field(&b, n->id);
            zk_buf_putc(&b, ',');
            field(&b, n->label);
            zk_buf_putc(&b, ',');
            field(&b, n->type);
            zk_buf_putc(&b, ',');
            if (!neo) {
                field(&b, zk_export_label(n->type, &lab));
                zk_buf_putc(&b, ',');
            }
            lab.len = 0;
            zk_buf_puts(&lab, neo ? "" : "[");
            for (size_t k = 0; k < n->naliases; k++) {
                if (k)
                    zk_buf_putc(&lab, neo ? ';' : ',');
                list_item(&lab, n->aliases[k], neo ? ";" : ",[]");
            }
            zk_buf_puts(&lab, neo ? "" : "]");
            if (!neo || n->naliases)   /* Neo4j: none is null, not [""] */
                field(&b, lab.data);
            zk_buf_putc(&b, ',');
            num(&b, n->mentions);
            if (neo) {
                zk_buf_putc(&b, ',');
                field(&b, zk_export_label(n->type, &lab));
            }
            zk_buf_putc(&b, '\n');
            ok = fwrite(b.data, 1, b.len, out) == b.len;
            b.len = 0;
        }
        break;
    default:
        zk_buf_puts(&b, j->which == F_NEO_EDGES
                            ? ":START_ID,:END_ID,:TYPE," EDGE_COLS "\n"
                            : "from,to,type,directed,support,evidence,doc,"
                              "sentence,start,end,rule,origin,title\n");
        for (size_t i = 0; ok && i < zk_graph_edge_count(g); i++) {
            const zk_edge *e = zk_graph_edge(g, i);
            field(&b, zk_graph_node(g, e->source)->id);
            zk_buf_putc(&b, ',');
            field(&b, zk_graph_node(g, e->target)->id);
            zk_buf_putc(&b, ',');
            if (j->which == F_NEO_EDGES) {
                lab.len = 0;
                rel_type(&lab, e->type);
                field(&b, lab.data);
            } else {
                field(&b, e->type);
            }
            edge_rest(&b, e);
            ok = fwrite(b.data, 1, b.len, out) == b.len;
            b.len = 0;
        }
    }
    if (ok && b.len)
        ok = fwrite(b.data, 1, b.len, out) == b.len;
    zk_buf_free(&b);
    zk_buf_free(&lab);
    if (!ok || ferror(out))
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write the CSV output");
    return ZK_OK;
}

static const char schema_cypher[] =
    "// Kuzu schema and import for the files of this directory, written by\n"
    "// zhkg (docs/format-csv.md).  Run it from this directory, e.g.\n"
    "//   cd DIR && kuzu graph.kuzu < schema.cypher\n"
    "CREATE NODE TABLE Entity(id STRING, name STRING, type STRING, "
    "label STRING, aliases STRING[], mentions INT64, PRIMARY KEY(id));\n"
    "CREATE REL TABLE Relation(FROM Entity TO Entity, type STRING, "
    "directed BOOLEAN, support INT64, evidence STRING, doc STRING, "
    "sentence INT64, start INT64, `end` INT64, rule STRING, origin STRING, "
    "title STRING);\n"
    "COPY Entity FROM 'kuzu_nodes.csv' (HEADER=true);\n"
    "COPY Relation FROM 'kuzu_edges.csv' (HEADER=true);\n";

static zk_status write_schema(FILE *out, void *arg, zk_error *err)
{
    (void)arg;
    if (fputs(schema_cypher, out) < 0)
        return zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                            "cannot write schema.cypher");
    return ZK_OK;
}

zk_status zk_export_csv(const zk_graph *g, const char *dir,
                        const zk_export_opts *opts, zk_error *err)
{
    (void)opts;
    if (!g || !dir || !*dir)
        return zk_error_set(err, ZK_ERR_USAGE, dir ? dir : "", 0, 0, -1,
                            "zk_export_csv: no graph or no directory");
    if (strcmp(dir, "-") == 0)
        return zk_error_set(err, ZK_ERR_USAGE, "-", 0, 0, -1,
                            "CSV output is a directory of files, not "
                            "standard output");
    struct stat st;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return zk_error_set(err, ZK_ERR_IO, dir, 0, 0, -1,
                            "cannot create the directory: %s",
                            strerror(errno));
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return zk_error_set(err, ZK_ERR_IO, dir, 0, 0, -1,
                            "not a directory");
    static const char *const names[] = {"nodes.csv", "edges.csv",
                                        "kuzu_nodes.csv", "kuzu_edges.csv",
                                        "schema.cypher"};
    size_t dl = strlen(dir);
    int slash = dir[dl - 1] == '/';
    for (int i = 0; i < 5; i++) {
        size_t n = dl + strlen(names[i]) + 2;
        char *path = zk_xmalloc(n);
        snprintf(path, n, "%s%s%s", dir, slash ? "" : "/", names[i]);
        csv_job job = {g, i};
        zk_status s = i < 4 ? zk_export_write_atomic(path, write_csv, &job, err)
                            : zk_export_write_atomic(path, write_schema, NULL,
                                                     err);
        free(path);
        if (s != ZK_OK)
            return s;
    }
    return ZK_OK;
}
