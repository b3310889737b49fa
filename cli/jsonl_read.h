/*
 * jsonl_read.h - read the documents of a JSON Lines file (parts of `zhkg
 * extract`, update states), parsing on several threads.
 *
 * Parsing and checking a line (zk_doc_from_json) is most of the cost of a
 * merge, and lines are independent, so with N threads the lines are read
 * in batches and parsed N at a time; the documents are still handed over
 * one by one, in file order, on the calling thread, and the first bad line
 * in file order is the one reported, so the result and the messages are
 * the same whatever N.
 */
#ifndef ZK_CLI_JSONL_READ_H
#define ZK_CLI_JSONL_READ_H

#include <stddef.h>

#include "zhkg.h"

/* Called for every document in file order.  text/len is the line as read
 * (no line end), line its 1-based number; doc is owned by the reader and
 * freed after the call.  Return 0 to go on, non-zero to stop. */
typedef int (*cli_doc_fn)(void *ctx, const char *path, long line,
                          const char *text, size_t len, const zk_doc *doc);

/* Read every document of path ("-": standard input) with nthreads parsing
 * threads (1: none started).  A file that cannot be read or a bad line is
 * reported (FILE:LINE:COL: msg) and stops the reading.  Returns 0 when the
 * whole file was handed over, 1 when reading stopped (reported, or fn
 * asked to stop). */
int cli_jsonl_read(const char *path, int nthreads, cli_doc_fn fn, void *ctx);

#endif
