/*
 * jsonl_read.c - documents of a JSON Lines file, parsed on N threads and
 * handed over in file order (see jsonl_read.h).
 *
 * The calling thread reads a batch of up to 32N non-blank lines (each line
 * keeps the buffer getline() gave it), then N threads parse the batch,
 * thread t taking lines t, t + N, ... (documents vary in size, so
 * interleaving balances better than halves), and are joined; then the
 * calling thread hands the batch over in order and reads the next one.
 * Threads are started per batch: a batch is tens of milliseconds of
 * parsing, a thread start a few microseconds.  Each thread writes only its
 * own slots, and the join hands them back, so nothing needs a lock.
 *
 * One wrinkle: cJSON notes the place of its last parse error in a global
 * (cJSON_GetErrorPtr), which two threads failing at once both write.  We
 * never read it (zk_doc_from_json takes the place from the parse call
 * itself), so the only effect is on that global.
 */
#include "jsonl_read.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

typedef struct slot {
    char *text;          /* the line, line end included; owned */
    size_t len;
    long line;
    zk_status st;
    zk_error err;
    zk_doc *doc;
} slot;

typedef struct part {
    slot *s;
    size_t n, first, step;
} part;

static void parse_slot(slot *s)
{
    memset(&s->err, 0, sizeof s->err);
    s->st = zk_doc_from_json(s->text, s->len, &s->doc, &s->err);
}

static void *parse_part(void *arg)
{
    part *p = arg;
    for (size_t i = p->first; i < p->n; i += p->step)
        parse_slot(&p->s[i]);
    return NULL;
}

/* Parse s[0..n) on up to nthreads threads (fewer if they cannot start). */
static void parse_batch(slot *s, size_t n, int nthreads)
{
    size_t nt = nthreads > 1 ? (size_t)nthreads : 1;
    if (nt > n)
        nt = n;
    pthread_t tid[256];
    part parts[256];
    size_t started = 0;
    if (nt > 256)
        nt = 256;
    for (size_t t = 1; t < nt; t++) {
        parts[t] = (part){s, n, t, nt};
        if (pthread_create(&tid[t - 1], NULL, parse_part, &parts[t]) != 0)
            break;
        started++;
    }
    /* this thread takes part 0, and the parts no thread could take */
    for (size_t i = 0; i < n; i += nt)
        parse_slot(&s[i]);
    for (size_t t = 1 + started; t < nt; t++)
        parse_part(&(part){s, n, t, nt});
    for (size_t t = 0; t < started; t++)
        pthread_join(tid[t], NULL);
}

static int blank(const char *s, size_t n)
{
    return strspn(s, " \t\r\n") == n && !memchr(s, '\0', n);
}

int cli_jsonl_read(const char *path, int nthreads, cli_doc_fn fn, void *ctx)
{
    int std = strcmp(path, "-") == 0;
    const char *name = std ? "<stdin>" : path;
    FILE *f = std ? stdin : fopen(path, "rb");
    if (!f) {
        cli_msg("%s: %s", name, strerror(errno));
        return 1;
    }
    size_t cap = nthreads > 1 ? 32 * (size_t)nthreads : 1;
    slot *s = calloc(cap, sizeof *s);
    if (!s) {
        cli_msg("%s", strerror(ENOMEM));
        if (!std)
            fclose(f);
        return 1;
    }
    long lineno = 0;
    int rc = 0, eof = 0, io_err = 0;
    while (!eof && !rc) {
        size_t n = 0;
        while (n < cap) {
            char *buf = NULL;
            size_t bcap = 0;
            errno = 0;
            ssize_t k = getline(&buf, &bcap, f);
            if (k < 0) {
                free(buf);
                if (ferror(f))
                    io_err = errno ? errno : EIO;
                eof = 1;
                break;
            }
            lineno++;
            if (blank(buf, (size_t)k)) {
                free(buf);
                continue;
            }
            s[n] = (slot){.text = buf, .len = (size_t)k, .line = lineno};
            n++;
        }
        parse_batch(s, n, nthreads);
        for (size_t i = 0; i < n; i++) {
            if (!rc && s[i].st != ZK_OK) {
                snprintf(s[i].err.file, sizeof s[i].err.file, "%s", name);
                s[i].err.line = s[i].line;
                cli_report(&s[i].err, name);
                rc = 1;
            } else if (!rc) {
                size_t len = s[i].len;
                while (len > 0 && (s[i].text[len - 1] == '\n' ||
                                   s[i].text[len - 1] == '\r'))
                    len--;
                if (fn(ctx, name, s[i].line, s[i].text, len, s[i].doc) != 0)
                    rc = 1;
            }
            free(s[i].text);
            zk_doc_free(s[i].doc);
            s[i].doc = NULL;
        }
    }
    if (!rc && io_err) {
        cli_msg("%s: %s", name, strerror(io_err));
        rc = 1;
    }
    free(s);
    if (!std)
        fclose(f);
    return rc;
}
