/*
 * error.c - error records (zk_error_set, zk_error_format, zk_status_str).
 *
 * Errors are values: a function that fails fills a caller-owned zk_error
 * and returns its status.  The record says where (file, line, column or
 * byte offset) and what (a printf-formatted message); zk_error_format
 * renders it in the usual compiler style so that editors can jump to it:
 *
 *   file:line:col: msg     when line > 0 (":col" left out when col <= 0)
 *   file: byte N: msg      when line == 0 and offset >= 0
 *   file: msg              otherwise
 *
 * An empty file name drops the "file" part (and its ": " or ":").
 */
#include "zhkg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

zk_status zk_error_set(zk_error *err, zk_status st, const char *file,
                       long line, long col, long long offset,
                       const char *fmt, ...)
{
    if (!err)
        return st;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->col = col;
    err->offset = offset;
    err->msg[0] = '\0';
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return st;
}

void zk_error_format(const zk_error *err, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    if (!err) {
        buf[0] = '\0';
        return;
    }
    const char *f = err->file;
    int named = f[0] != '\0';
    if (err->line > 0 && err->col > 0)
        snprintf(buf, size, "%s%s%ld:%ld: %s", f, named ? ":" : "",
                 err->line, err->col, err->msg);
    else if (err->line > 0)
        snprintf(buf, size, "%s%s%ld: %s", f, named ? ":" : "", err->line,
                 err->msg);
    else if (err->offset >= 0)
        snprintf(buf, size, "%s%sbyte %lld: %s", f, named ? ": " : "",
                 err->offset, err->msg);
    else
        snprintf(buf, size, "%s%s%s", f, named ? ": " : "", err->msg);
}

const char *zk_status_str(zk_status st)
{
    switch (st) {
    case ZK_OK:
        return "ok";
    case ZK_ERR_INPUT:
        return "invalid input";
    case ZK_ERR_IO:
        return "input/output error";
    case ZK_ERR_RULES:
        return "bad rule file";
    case ZK_ERR_NOMEM:
        return "out of memory";
    case ZK_ERR_USAGE:
        return "usage error";
    }
    return "unknown status";
}
