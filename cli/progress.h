/*
 * progress.h - a progress line on standard error during long runs.
 *
 *   zhkg: 1200/5000 files, 48.1 MB, 12.4 MB/s
 *
 * Shown only when standard error is a terminal and --quiet was not given:
 * never in a file or a pipe, where a line rewritten with \r is noise.  It
 * is redrawn at most ten times a second, and erased before anything else is
 * printed (cli_progress_clear) and at the end, so messages and the summary
 * line come out as they would without it.  One progress line per process.
 */
#ifndef ZK_CLI_PROGRESS_H
#define ZK_CLI_PROGRESS_H

#include <stddef.h>

/* Start counting towards total files; shown if enabled and stderr is a
 * terminal, from half a second on ($ZHKG_PROGRESS=1: from the first file,
 * for tests; =0: never). */
void cli_progress_start(size_t total, int enabled);
/* One file done: path (NULL or "-" for standard input) is stat()ed for
 * its size. */
void cli_progress_file(const char *path);
/* Erase the line (before a message; it comes back on the next file). */
void cli_progress_clear(void);
/* Erase the line and stop. */
void cli_progress_end(void);

#endif
