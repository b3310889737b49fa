/*
 * rules_io.h - the line reader shared by the rule-file loaders.
 */
#ifndef ZK_RULES_IO_H
#define ZK_RULES_IO_H

#include "zhkg.h"

#define ZK_TSV_MAXF 8

typedef struct zk_tsv {
    const char *path;
    char *data;          /* whole file, owned */
    size_t len, pos;
    size_t lineno;
} zk_tsv;

typedef struct zk_tsv_line {
    char *text;          /* the line (fields are NUL-separated in place) */
    size_t lineno;
    char *field[ZK_TSV_MAXF];
    size_t nfields;      /* may exceed ZK_TSV_MAXF: then only the first are kept */
} zk_tsv_line;

zk_status zk_tsv_open(const char *path, zk_tsv *t, zk_error *err);
void zk_tsv_close(zk_tsv *t);
/* Next non-comment, non-blank line; 0 at end of file. */
int zk_tsv_next(zk_tsv *t, zk_tsv_line *l);
long zk_tsv_col(const zk_tsv_line *l, size_t f);
zk_status zk_tsv_error(const zk_tsv *t, const zk_tsv_line *l, size_t field,
                       zk_error *err, const char *msg, const char *arg);

#endif
