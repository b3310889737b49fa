/*
 * jsonl.c - reading a JSON Lines file one document at a time (zk_jsonl_*):
 * the parts of `zhkg extract` and the states of incremental updates, for
 * programs that use libzhkg (the zhkg program itself reads on several
 * threads, cli/jsonl_read.c).
 *
 * Lines are read with getline(), so a line may be of any length; blank
 * lines are skipped; each line is parsed and checked by zk_doc_from_json
 * (doc_json.c), and an error gets the file name and line number here.
 */
#include "zhkg.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

struct zk_jsonl {
    FILE *f;
    char *name;          /* for messages: the path, or "<stdin>" */
    char *buf;
    size_t cap;
    long line;           /* lines read so far */
    long doc_line;       /* line of the document last returned */
    size_t doc_len;      /* its length in buf, line end included */
};

zk_status zk_jsonl_open(const char *path, zk_jsonl **out, zk_error *err)
{
    if (!out || !path)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_jsonl_open: NULL argument");
    int std = strcmp(path, "-") == 0;
    FILE *f = std ? stdin : fopen(path, "rb");
    *out = NULL;
    if (!f)
        return zk_error_set(err, ZK_ERR_IO, path, 0, 0, -1, "%s",
                            strerror(errno));
    zk_jsonl *r = zk_xcalloc(1, sizeof *r);
    r->f = f;
    r->name = zk_xstrdup(std ? "<stdin>" : path);
    *out = r;
    return ZK_OK;
}

zk_status zk_jsonl_next(zk_jsonl *r, zk_doc **out, zk_error *err)
{
    if (!r || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_jsonl_next: NULL argument");
    *out = NULL;
    r->doc_line = 0;
    for (;;) {
        errno = 0;
        ssize_t n = getline(&r->buf, &r->cap, r->f);
        if (n < 0) {
            if (ferror(r->f))
                return zk_error_set(err, ZK_ERR_IO, r->name, 0, 0, -1, "%s",
                                    strerror(errno ? errno : EIO));
            return ZK_OK;                          /* the end */
        }
        r->line++;
        size_t len = (size_t)n;
        if (strspn(r->buf, " \t\r\n") == len && !memchr(r->buf, '\0', len))
            continue;                              /* blank line */
        zk_status st = zk_doc_from_json(r->buf, len, out, err);
        if (st != ZK_OK) {
            if (err) {
                snprintf(err->file, sizeof err->file, "%s", r->name);
                err->line = r->line;
            }
            return st;
        }
        r->doc_line = r->line;
        r->doc_len = len;
        return ZK_OK;
    }
}

long zk_jsonl_line(const zk_jsonl *r)
{
    return r ? r->doc_line : 0;
}

const char *zk_jsonl_text(const zk_jsonl *r, size_t *len)
{
    size_t n = 0;
    if (r && r->doc_line) {
        n = r->doc_len;
        while (n > 0 && (r->buf[n - 1] == '\n' || r->buf[n - 1] == '\r'))
            n--;
    }
    if (len)
        *len = n;
    return r && r->doc_line ? r->buf : "";
}

void zk_jsonl_close(zk_jsonl *r)
{
    if (!r)
        return;
    if (r->f && r->f != stdin)
        fclose(r->f);
    free(r->buf);
    free(r->name);
    free(r);
}
