/*
 * export.c - choosing a format and writing a file atomically.
 *
 * The writers (dot.c, graphml.c, jsonld.c, render.c) stream to a FILE*;
 * csv.c writes several files into a directory, each through
 * zk_export_write_atomic below.  Here a file is written the safe way: into a temporary file created with mkstemp() in
 * the target's own directory (so rename() never crosses a file system),
 * flushed and fsync()ed, then renamed over the target.  Any failure on the
 * way unlinks the temporary file and leaves a previous target untouched, so
 * a reader never sees half a graph.  "-" writes to stdout instead.
 */
#include "export_internal.h"

#include <errno.h>
#include <fcntl.h>
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

/* Mode for a new file: what fopen() would give (0666 less the umask), or
 * the mode of the file being replaced. */
static mode_t target_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        return st.st_mode & 07777;
    mode_t mask = umask(022);   /* reading the umask means setting it */
    umask(mask);
    return 0666 & ~mask;
}

static zk_status io_error(zk_error *err, const char *path, const char *what,
                          int e)
{
    return zk_error_set(err, ZK_ERR_IO, path, 0, 0, -1, "%s: %s", what,
                        strerror(e));
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
    if (strcmp(path, "-") == 0) {
        zk_status st = write(stdout, arg, err);
        if (st == ZK_OK && fflush(stdout) != 0)
            return io_error(err, "-", "cannot write to standard output", errno);
        if (st != ZK_OK && err)
            snprintf(err->file, sizeof err->file, "-");
        return st;
    }

    /* "<dir>/.<base>.XXXXXX": same directory, hidden while incomplete (a
     * base too long to take 8 more bytes is shortened). */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = strlen(path + dirlen) > 200 ? "zhkg" : path + dirlen;
    size_t n = strlen(path) + 16;
    char *tmp = zk_xmalloc(n);
    snprintf(tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    mode_t mode = target_mode(path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return io_error(err, path, "cannot create a temporary file", e);
    }
    FILE *out = fdopen(fd, "w");
    if (!out) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return io_error(err, path, "cannot open the temporary file", e);
    }
    zk_status st = write(out, arg, err);
    const char *what = NULL;
    if (st == ZK_OK && (fflush(out) != 0 || ferror(out)))
        what = "cannot write";
    else if (st == ZK_OK && fchmod(fd, mode) != 0)
        what = "cannot set the file mode";
    else if (st == ZK_OK && fsync(fd) != 0)
        what = "cannot sync";
    int e = what ? errno : 0;
    if (fclose(out) != 0 && st == ZK_OK && !what) {
        what = "cannot close";
        e = errno;
    }
    if (st == ZK_OK && !what && rename(tmp, path) != 0) {
        what = "cannot rename the temporary file into place";
        e = errno;
    }
    if (st != ZK_OK || what) {
        unlink(tmp);
        free(tmp);
        if (what)
            return io_error(err, path, what, e ? e : EIO);
        if (err)   /* the writer's error is about this file */
            snprintf(err->file, sizeof err->file, "%s", path);
        return st;
    }
    free(tmp);
    /* Make the rename itself durable; a failure here loses nothing. */
    char *dir = zk_xmalloc(dirlen + 2);
    snprintf(dir, dirlen + 2, "%.*s", dirlen ? (int)dirlen : 1,
             dirlen ? path : ".");
    int dfd = open(dir, O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    free(dir);
    return ZK_OK;
}
