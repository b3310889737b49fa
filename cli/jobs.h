/*
 * jobs.h - read and extract the inputs of `zhkg build`, on one thread or
 * several, handing each result back in input order.
 *
 * Documents are independent until they are merged: reading a file,
 * zk_text_from_utf8() and zk_extract() (with the shared, read-only
 * zk_rules) run on worker threads, while merging into the graph, and every
 * message, stays on the calling thread and in input order, so `-j N`
 * writes exactly what `-j 1` writes.  At most a fixed window of documents
 * is in flight: memory does not grow with the number of inputs.
 */
#ifndef ZK_CLI_JOBS_H
#define ZK_CLI_JOBS_H

#include <stddef.h>

#include "inputs.h"
#include "zhkg.h"

/* One input's result.  Exactly one of these holds: read_err != 0 (the
 * file could not be read: errno), st != ZK_OK (err says why), or doc is
 * the document (owned by the job: cli_jobs_run frees it after done()). */
typedef struct cli_job {
    const cli_input *in;
    const char *name;   /* document name: the path, or "<stdin>" */
    int read_err;
    zk_status st;
    zk_error err;
    zk_doc *doc;
} cli_job;

/* Called on the calling thread for every input, in order (a directory
 * item with is_dir set included, with no doc).  Returns 0 to go on, or
 * non-zero to stop: the inputs after it are then not handed over. */
typedef int (*cli_job_done)(void *ctx, cli_job *job);

/* Process every item of files with nthreads worker threads (1: on the
 * calling thread, no threads started).  Returns 0 when every item was
 * handed to done (or done asked to stop), -1 with errno set when the
 * threads could not be started or memory ran out. */
int cli_jobs_run(const zk_rules *rules, const cli_inputs *files, int nthreads,
                 cli_job_done done, void *ctx);

#endif
