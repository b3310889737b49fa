/*
 * jobs.c - the inputs of `zhkg build` through read + extract, on worker
 * threads, handed back in input order (see jobs.h).
 *
 * With N threads the inputs flow through a window of 4N slots: input i
 * uses slot i % window.  The calling thread admits inputs into the window
 * (raising `limit`), workers take them in order (`next_take`), read the
 * file and extract it, and mark the slot ready; the calling thread waits
 * for input i's slot, hands it to done() and frees it, which makes room
 * for input i + window.  So at most `window` documents exist at any time,
 * whatever the number of inputs, and the graph and the messages only see
 * the documents in input order.  One mutex guards the counters and the
 * ready flags; a job's fields are written by one thread at a time, handed
 * over under that mutex.
 */
#include "jobs.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read all of path ("-": standard input) into *buf.  Returns 0, or errno. */
static int read_all(const char *path, char **buf, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    size_t cap = 65536, n = 0;
    char *p = NULL;
    int err = 0;

    if (f == NULL)
        return errno;
    for (;;) {
        char *q = realloc(p, cap);
        if (q == NULL) {
            err = ENOMEM;
            break;
        }
        p = q;
        n += fread(p + n, 1, cap - n, f);
        if (n < cap) {
            if (ferror(f))
                err = errno ? errno : EIO;
            break;
        }
        cap *= 2;
    }
    if (f != stdin)
        fclose(f);
    if (err != 0) {
        free(p);
        return err;
    }
    *buf = p;
    *len = n;
    return 0;
}

static void job_init(cli_job *j, const cli_input *in)
{
    memset(j, 0, sizeof *j);
    j->in = in;
    j->name = strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
}

/* Read and extract j's input into j (thread-safe: rules are read-only).
 * opt says how to read it (cli_inputs.opt: --encoding). */
static void extract_one(const zk_rules *rules, const zk_input_options *opt,
                        cli_job *j)
{
    char *buf = NULL;
    size_t len = 0;
    zk_text *text = NULL;

    if (j->in->is_dir)
        return;
    j->read_err = j->in->err ? j->in->err : read_all(j->in->path, &buf, &len);
    if (j->read_err != 0)
        return;
    j->st = zk_text_from_bytes(j->name, buf, len, opt, &text, &j->err);
    free(buf);
    if (j->st == ZK_OK)
        j->st = zk_extract(rules, text, &j->doc, &j->err);
    zk_text_free(text);
    if (j->st != ZK_OK) {
        zk_doc_free(j->doc);
        j->doc = NULL;
    }
}

typedef struct pool {
    const zk_rules *rules;
    const cli_inputs *files;
    cli_job *slot;          /* input i lives in slot[i % window] */
    unsigned char *ready;   /* per slot: extracted */
    size_t window;
    size_t next_take;       /* the next input a worker takes */
    size_t limit;           /* inputs below limit are admitted */
    int quit;
    pthread_mutex_t mu;
    pthread_cond_t work;    /* an input was admitted, or quit */
    pthread_cond_t done;    /* a slot became ready */
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->next_take >= p->limit)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->quit)
            break;
        size_t s = p->next_take++ % p->window;
        pthread_mutex_unlock(&p->mu);
        extract_one(p->rules, &p->files->opt, &p->slot[s]);
        pthread_mutex_lock(&p->mu);
        p->ready[s] = 1;
        pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static int run_inline(const zk_rules *rules, const cli_inputs *files,
                      cli_job_done done, void *ctx)
{
    for (size_t i = 0; i < files->n; i++) {
        cli_job j;
        job_init(&j, &files->item[i]);
        extract_one(rules, &files->opt, &j);
        int stop = done(ctx, &j);
        zk_doc_free(j.doc);
        if (stop)
            break;
    }
    return 0;
}

int cli_jobs_run(const zk_rules *rules, const cli_inputs *files, int nthreads,
                 cli_job_done done, void *ctx)
{
    if (nthreads <= 1 || files->n <= 1)
        return run_inline(rules, files, done, ctx);

    pool p;
    memset(&p, 0, sizeof p);
    p.rules = rules;
    p.files = files;
    p.window = 4 * (size_t)nthreads;
    p.slot = calloc(p.window, sizeof *p.slot);
    p.ready = calloc(p.window, 1);
    pthread_t *tid = calloc((size_t)nthreads, sizeof *tid);
    int nt = 0;
    if (p.slot == NULL || p.ready == NULL || tid == NULL) {
        free(p.slot);
        free(p.ready);
        free(tid);
        errno = ENOMEM;
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    while (nt < nthreads && pthread_create(&tid[nt], NULL, worker, &p) == 0)
        nt++;

    int rc = 0;
    size_t i = 0;
    if (nt == 0) {
        rc = run_inline(rules, files, done, ctx); /* no thread: do it here */
    } else {
        for (; i < files->n; i++) {
            size_t s = i % p.window;
            pthread_mutex_lock(&p.mu);
            size_t lim = i + p.window < files->n ? i + p.window : files->n;
            for (size_t k = p.limit; k < lim; k++) {
                job_init(&p.slot[k % p.window], &files->item[k]);
                p.ready[k % p.window] = 0;
            }
            if (lim > p.limit) {
                p.limit = lim;
                pthread_cond_broadcast(&p.work);
            }
            while (!p.ready[s])
                pthread_cond_wait(&p.done, &p.mu);
            pthread_mutex_unlock(&p.mu);
            int stop = done(ctx, &p.slot[s]);
            zk_doc_free(p.slot[s].doc);
            p.slot[s].doc = NULL;
            if (stop)
                break;
        }
    }

    pthread_mutex_lock(&p.mu);
    p.quit = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int t = 0; t < nt; t++)
        pthread_join(tid[t], NULL);
    /* stopped early: free what was extracted but not handed over */
    for (size_t k = i + 1; k < p.next_take; k++)
        zk_doc_free(p.slot[k % p.window].doc);
    pthread_cond_destroy(&p.done);
    pthread_cond_destroy(&p.work);
    pthread_mutex_destroy(&p.mu);
    free(tid);
    free(p.ready);
    free(p.slot);
    return rc;
}
