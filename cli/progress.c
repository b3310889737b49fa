/*
 * progress.c - the progress line of long runs (see progress.h).
 *
 * Sizes come from stat() of each finished file rather than from the
 * reader, so the counting needs nothing from the extraction code and costs
 * one system call per file.  The rate is bytes of input finished per second
 * of wall-clock time since the start (CLOCK_MONOTONIC).
 */
#include "progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static struct {
    int on, shown, eager;   /* eager: draw from the first file (tests) */
    size_t total, done;
    unsigned long long bytes;
    double start, last;
} pr;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cli_progress_start(size_t total, int enabled)
{
    const char *force = getenv("ZHKG_PROGRESS");
    memset(&pr, 0, sizeof pr);
    pr.on = enabled && isatty(STDERR_FILENO) &&
            !(force && strcmp(force, "0") == 0);
    pr.eager = force && strcmp(force, "1") == 0;
    pr.total = total;
    pr.start = pr.last = now();
}

static void draw(double t)
{
    double mb = (double)pr.bytes / 1e6, secs = t - pr.start;
    fprintf(stderr, "\rzhkg: %zu/%zu files, %.1f MB, %.1f MB/s\033[K",
            pr.done, pr.total, mb, secs > 0 ? mb / secs : 0.0);
    fflush(stderr);
    pr.shown = 1;
    pr.last = t;
}

void cli_progress_file(const char *path)
{
    struct stat st;
    if (!pr.on)
        return;
    pr.done++;
    if (path && strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
        S_ISREG(st.st_mode))
        pr.bytes += (unsigned long long)st.st_size;
    /* Nothing for the first half second: a short run shows no line. */
    double t = now();
    if ((pr.eager || t - pr.start >= 0.5) &&
        (t - pr.last >= 0.1 || pr.done == pr.total || pr.eager))
        draw(t);
}

void cli_progress_clear(void)
{
    if (pr.on && pr.shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        pr.shown = 0;
    }
}

void cli_progress_end(void)
{
    cli_progress_clear();
    pr.on = 0;
}
