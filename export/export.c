/*
 * export.c - choosing a format and writing a file atomically.
 *
 * The writers (dot.c, graphml.c, jsonld.c) stream to a FILE*.  Here a file
 * is written the safe way: into a temporary file created with mkstemp() in
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

zk_format zk_format_from_name(const char *name)
{
    if (!name)
        return ZK_FMT_NONE;
    if (strcasecmp(name, "dot") == 0 || strcasecmp(name, "gv") == 0)
        return ZK_FMT_DOT;
    if (strcasecmp(name, "graphml") == 0)
        return ZK_FMT_GRAPHML;
    if (strcasecmp(name, "jsonld") == 0 || strcasecmp(name, "json-ld") == 0 ||
        strcasecmp(name, "json") == 0)
        return ZK_FMT_JSONLD;
    return ZK_FMT_NONE;
}

zk_format zk_format_from_path(const char *path)
{
    if (!path)
        return ZK_FMT_NONE;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? zk_format_from_name(dot + 1) : ZK_FMT_NONE;
}

static zk_status write_stream(const zk_graph *g, zk_format fmt, FILE *out,
                              zk_error *err)
{
    switch (fmt) {
    case ZK_FMT_DOT:
        return zk_export_dot(g, out, err);
    case ZK_FMT_GRAPHML:
        return zk_export_graphml(g, out, err);
    case ZK_FMT_JSONLD:
        return zk_export_jsonld(g, out, err);
    default:
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "unknown export format");
    }
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
    if (!g || !path || !*path)
        return zk_error_set(err, ZK_ERR_USAGE, path ? path : "", 0, 0, -1,
                            "zk_export_file: no graph or no path");
    if (fmt == ZK_FMT_NONE)
        fmt = zk_format_from_path(path);
    if (fmt == ZK_FMT_NONE)
        return zk_error_set(err, ZK_ERR_USAGE, path, 0, 0, -1,
                            "cannot tell the format from the file name "
                            "(use .dot, .gv, .graphml, .jsonld or .json)");
    if (strcmp(path, "-") == 0) {
        zk_status st = write_stream(g, fmt, stdout, err);
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
    zk_status st = write_stream(g, fmt, out, err);
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
