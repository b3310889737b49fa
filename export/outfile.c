/*
 * outfile.c - writing an output file whole or not at all (zk_outfile_*).
 *
 * A regular file is written into a temporary file created with mkstemp()
 * in the target's own directory (so rename() never crosses a file system),
 * flushed, fsync()ed, given the mode of the file it replaces, and renamed
 * over the target; any failure unlinks the temporary file and leaves the
 * previous target untouched.  A symbolic link is followed: the file it
 * points to is replaced and the link stays.  A target that exists and is
 * not a regular file (a FIFO, /dev/null, a terminal) is written in place:
 * replacing it would destroy it.  "-" is standard output.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "zhkg.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

struct zk_outfile {
    FILE *f;
    char *path;      /* as given, for messages */
    char *target;    /* the file renamed over (symlinks followed) */
    char *tmp;       /* NULL when written in place */
    mode_t mode;
    int is_stdout;
};

static zk_status io_error(zk_error *err, const char *path, const char *what, int e)
{
    return zk_error_set(err, ZK_ERR_IO, path, 0, 0, -1, "%s: %s", what, strerror(e));
}

static void outfile_free(zk_outfile *o)
{
    free(o->path);
    free(o->target);
    free(o->tmp);
    free(o);
}

zk_status zk_outfile_open(const char *path, zk_outfile **out, FILE **f, zk_error *err)
{
    *out = NULL;
    *f = NULL;
    zk_outfile *o = zk_xcalloc(1, sizeof *o);
    o->path = zk_xstrdup(path);
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        o->is_stdout = 1;
        *out = o;
        *f = o->f;
        return ZK_OK;
    }
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            outfile_free(o);
            return io_error(err, path, "cannot write", EISDIR);
        }
        o->f = fopen(path, "w"); /* a FIFO or a device: in place */
        if (!o->f) {
            int e = errno;
            outfile_free(o);
            return io_error(err, path, "cannot open", e);
        }
        *out = o;
        *f = o->f;
        return ZK_OK;
    }
    char real[PATH_MAX];
    struct stat lst;
    o->target = NULL;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        if (realpath(path, real)) {
            o->target = zk_xstrdup(real);
        } else {
            /* a dangling link: its text, relative to the link's folder */
            ssize_t n = readlink(path, real, sizeof real - 1);
            if (n > 0) {
                real[n] = '\0';
                const char *slash = strrchr(path, '/');
                if (real[0] == '/' || !slash) {
                    o->target = zk_xstrdup(real);
                } else {
                    zk_buf b;
                    zk_buf_init(&b);
                    zk_buf_append(&b, path, (size_t)(slash - path) + 1);
                    zk_buf_puts(&b, real);
                    o->target = b.data;
                }
            }
        }
    }
    if (!o->target)
        o->target = zk_xstrdup(path);
    if (stat(o->target, &st) == 0) {
        o->mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(022); /* reading the umask means setting it */
        umask(mask);
        o->mode = 0666 & ~mask;
    }
    /* "<dir>/.<base>.XXXXXX": beside the target, hidden while incomplete */
    const char *slash = strrchr(o->target, '/');
    size_t dirlen = slash ? (size_t)(slash - o->target) + 1 : 0;
    const char *base = strlen(o->target + dirlen) > 200 ? "zhkg" : o->target + dirlen;
    size_t n = strlen(o->target) + 16;
    o->tmp = zk_xmalloc(n);
    snprintf(o->tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, o->target, base);
    int fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;
        outfile_free(o);
        return io_error(err, path, "cannot create a temporary file", e);
    }
    o->f = fdopen(fd, "w");
    if (!o->f) {
        int e = errno;
        close(fd);
        unlink(o->tmp);
        outfile_free(o);
        return io_error(err, path, "cannot open the temporary file", e);
    }
    *out = o;
    *f = o->f;
    return ZK_OK;
}

zk_status zk_outfile_commit(zk_outfile *o, zk_error *err)
{
    if (!o)
        return ZK_OK;
    const char *what = NULL;
    int e = 0;
    if (fflush(o->f) != 0 || ferror(o->f)) {
        what = "cannot write";
        e = errno;
    }
    if (o->is_stdout) {
        zk_status st = what ? io_error(err, "-", "cannot write to standard output",
                                       e ? e : EIO)
                            : ZK_OK;
        outfile_free(o);
        return st;
    }
    int fd = fileno(o->f);
    if (!what && o->tmp && fchmod(fd, o->mode) != 0) {
        what = "cannot set the file mode";
        e = errno;
    }
    if (!what && o->tmp && fsync(fd) != 0) {
        what = "cannot sync";
        e = errno;
    }
    if (fclose(o->f) != 0 && !what) {
        what = "cannot close";
        e = errno;
    }
    if (!what && o->tmp && rename(o->tmp, o->target) != 0) {
        what = "cannot rename the temporary file into place";
        e = errno;
    }
    if (what) {
        zk_status st = io_error(err, o->path, what, e ? e : EIO);
        if (o->tmp)
            unlink(o->tmp);
        outfile_free(o);
        return st;
    }
    if (o->tmp) {
        /* make the rename itself durable; a failure here loses nothing */
        char *slash = strrchr(o->target, '/');
        if (slash)
            *slash = '\0';
        int dfd = open(slash ? (*o->target ? o->target : "/") : ".", O_RDONLY);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
    }
    outfile_free(o);
    return ZK_OK;
}

void zk_outfile_abort(zk_outfile *o)
{
    if (!o)
        return;
    if (o->is_stdout) {
        fflush(o->f);
    } else {
        fclose(o->f);
        if (o->tmp)
            unlink(o->tmp);
    }
    outfile_free(o);
}
