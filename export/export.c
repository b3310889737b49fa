/*
 * export.c - choosing a format and writing a file atomically.
 *
 * The writers (dot.c, graphml.c, jsonld.c, render.c) stream to a FILE*;
 * csv.c writes several files into a directory, each through
 * zk_export_write_atomic below, which writes through zk_outfile
 * (export/outfile.c): a temporary file beside the target, renamed over it
 * when complete, so a failure leaves a previous target untouched and a
 * reader never sees half a graph.  Also the small helpers the writers
 * share: the edge's origin and title, node type labels, and numbers and
 * JSON strings appended to a buffer without printf.
 */
#include "export_internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "util.h"

const char *zk_export_edge_origin(const zk_edge *e)
{
    for (size_t i = 0; i < e->nevidence; i++)
        if (e->evidence[i].origin)
            return e->evidence[i].origin;
    return NULL;
}

const char *zk_export_edge_title(const zk_edge *e)
{
    for (size_t i = 0; i < e->nevidence; i++)
        if (e->evidence[i].title)
            return e->evidence[i].title;
    return NULL;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch((const void *)(p))
#else
#define PREFETCH(p) ((void)(p))
#endif

void zk_export_prefetch_node(const zk_graph *g, size_t i, int stage)
{
    const zk_node *n = zk_graph_node(g, i);
    if (!n)
        return;
    if (stage) {
        PREFETCH(n->label);
        PREFETCH(n->aliases);
    } else if (n->naliases) {
        PREFETCH(n->aliases[0]);
    }
}

void zk_export_prefetch_edge(const zk_graph *g, size_t i, int stage)
{
    const zk_edge *e = zk_graph_edge(g, i);
    if (!e)
        return;
    if (stage == 2) {
        PREFETCH(e);
        return;
    }
    const zk_node *s = zk_graph_node(g, e->source);
    const zk_node *t = zk_graph_node(g, e->target);
    if (stage == 1) {
        PREFETCH(e->evidence);
        PREFETCH(s);
        PREFETCH(t);
        return;
    }
    /* a sentence spans a few cache lines; addresses as integers, as they
     * may pass the end of a short one */
    uintptr_t sent = (uintptr_t)e->evidence->sentence;
    PREFETCH(sent);
    PREFETCH(sent + 64);
    PREFETCH(sent + 128);
    PREFETCH(e->evidence->doc);
    PREFETCH(e->evidence->rule);
    PREFETCH(s->id);
    PREFETCH(t->id);
}

void zk_export_put_uint(zk_buf *b, size_t v)
{
    char num[24], *p = num + sizeof num;
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    zk_export_put(b, p, (size_t)(num + sizeof num - p));
}

void zk_export_put_json_string(zk_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *run;
    zk_buf_putc(b, '"');
    for (;;) {
        for (run = p; *p >= 0x20 && *p != '"' && *p != '\\'; p++)
            ;
        if (p > run)
            zk_export_put(b, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        char esc[6] = {'\\', 0, '0', '0', 0, 0};
        size_t n = 2;
        switch (*p) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[4] = hex[*p >> 4];
            esc[5] = hex[*p & 15];
            n = 6;
        }
        zk_buf_append(b, esc, n);
        p++;
    }
    zk_buf_putc(b, '"');
}

void zk_export_put_json_uint(zk_buf *b, size_t v)
{
    /* cJSON prints an integral double below 1e15 as its digits ("%d", or
     * "%1.15g", which gives the same); larger ones take its own path. */
    if (v < 1000000000000000u) {
        zk_export_put_uint(b, v);
        return;
    }
    cJSON *n = cJSON_CreateNumber((double)v);
    char *s = n ? cJSON_PrintUnformatted(n) : NULL;
    zk_buf_puts(b, s ? s : "null");
    cJSON_free(s);
    cJSON_Delete(n);
}

/* Names and extensions; the first name of a format is its own name. */
static const struct {
    const char *name;
    zk_format fmt;
} format_names[] = {
    {"dot", ZK_FMT_DOT}, {"gv", ZK_FMT_DOT},
    {"graphml", ZK_FMT_GRAPHML},
    {"jsonld", ZK_FMT_JSONLD}, {"json-ld", ZK_FMT_JSONLD},
    {"json", ZK_FMT_JSONLD},
    {"csv", ZK_FMT_CSV},
    {"svg", ZK_FMT_SVG}, {"png", ZK_FMT_PNG}, {"pdf", ZK_FMT_PDF},
};

const char *zk_export_label(const char *type, zk_buf *b)
{
    b->len = 0;
    zk_buf_puts(b, "");
    for (int up = 1; *type; type++) {
        if (*type == '_') {
            up = 1;
            continue;
        }
        zk_buf_putc(b, up && *type >= 'a' && *type <= 'z' ? (char)(*type - 32)
                                                          : *type);
        up = 0;
    }
    return b->data;
}

zk_format zk_format_from_name(const char *name)
{
    if (!name)
        return ZK_FMT_NONE;
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
        if (strcasecmp(name, format_names[i].name) == 0)
            return format_names[i].fmt;
    return ZK_FMT_NONE;
}

const char *zk_format_name(zk_format fmt)
{
    for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
        if (format_names[i].fmt == fmt)
            return format_names[i].name;
    return "none";
}

int zk_format_is_figure(zk_format fmt)
{
    return fmt == ZK_FMT_SVG || fmt == ZK_FMT_PNG || fmt == ZK_FMT_PDF;
}

zk_format zk_format_from_path(const char *path)
{
    if (!path || !*path)
        return ZK_FMT_NONE;
    if (path[strlen(path) - 1] == '/')
        return ZK_FMT_CSV;   /* a directory: the only format that is one */
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    /* .csv names a directory too (its files are nodes.csv, ...) only when
     * asked for with -f csv: a file name ending in .csv is ambiguous. */
    zk_format f = dot && dot != base ? zk_format_from_name(dot + 1)
                                     : ZK_FMT_NONE;
    return f == ZK_FMT_CSV ? ZK_FMT_NONE : f;
}

zk_status zk_export_opts_check(const zk_export_opts *opts, zk_error *err)
{
    if (!opts)
        return ZK_OK;
    if (opts->base_iri && !zk_export_iri_ok(opts->base_iri))
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "base IRI '%s' is not an absolute IRI "
                            "(e.g. https://example.org/zhkg/ or urn:zhkg:)",
                            opts->base_iri);
    if (!zk_render_engine(opts))
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "unknown layout '%s' (use dot, neato or sfdp)",
                            opts->layout);
    return ZK_OK;
}

zk_status zk_export_stream(const zk_graph *g, zk_format fmt, FILE *out,
                           const zk_export_opts *opts, zk_error *err)
{
    static const zk_export_opts defaults;
    if (!opts)
        opts = &defaults;
    if (!g || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_export_stream: NULL argument");
    switch (fmt) {
    case ZK_FMT_DOT:
        return zk_export_dot_opts(g, out, opts, err);
    case ZK_FMT_GRAPHML:
        return zk_export_graphml(g, out, err);
    case ZK_FMT_JSONLD:
        return zk_export_jsonld_opts(g, out, opts, err);
    case ZK_FMT_SVG:
    case ZK_FMT_PNG:
    case ZK_FMT_PDF:
        return zk_render(g, fmt, out, opts, err);
    case ZK_FMT_CSV:
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "CSV is a directory of files, not one stream "
                            "(give a directory)");
    default:
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "unknown export format");
    }
}

typedef struct stream_job {
    const zk_graph *g;
    zk_format fmt;
    const zk_export_opts *opts;
} stream_job;

static zk_status write_job(FILE *out, void *arg, zk_error *err)
{
    const stream_job *j = arg;
    return zk_export_stream(j->g, j->fmt, out, j->opts, err);
}



zk_status zk_export_file(const zk_graph *g, zk_format fmt, const char *path,
                         zk_error *err)
{
    return zk_export_file_opts(g, fmt, path, NULL, err);
}

zk_status zk_export_file_opts(const zk_graph *g, zk_format fmt,
                              const char *path, const zk_export_opts *opts,
                              zk_error *err)
{
    if (!g || !path || !*path)
        return zk_error_set(err, ZK_ERR_USAGE, path ? path : "", 0, 0, -1,
                            "zk_export_file: no graph or no path");
    if (fmt == ZK_FMT_NONE)
        fmt = zk_format_from_path(path);
    if (fmt == ZK_FMT_NONE)
        return zk_error_set(err, ZK_ERR_USAGE, path, 0, 0, -1,
                            "cannot tell the format from the file name "
                            "(use .dot, .gv, .graphml, .jsonld, .json, .svg, "
                            ".png, .pdf, or DIR/ for csv)");
    if (fmt == ZK_FMT_CSV)
        return zk_export_csv(g, path, opts, err);
    stream_job job = {g, fmt, opts};
    return zk_export_write_atomic(path, write_job, &job, err);
}

zk_status zk_export_write_atomic(const char *path,
                                 zk_status (*write)(FILE *, void *,
                                                    zk_error *),
                                 void *arg, zk_error *err)
{
    zk_outfile *o;
    FILE *f;
    zk_status st = zk_outfile_open(path, &o, &f, err);
    if (st != ZK_OK)
        return st;
    st = write(f, arg, err);
    if (st != ZK_OK) {
        zk_outfile_abort(o);
        if (err) /* the writer's error is about this file */
            snprintf(err->file, sizeof err->file, "%s", path);
        return st;
    }
    return zk_outfile_commit(o, err);
}
