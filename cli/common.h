/*
 * common.h - what the subcommands in cli/cmd_*.c share: messages in the
 * documented shape ("zhkg: FILE:LINE:COL: msg"), option values, the rules
 * folder, and files written through a temporary file and a rename.
 *
 * The exit codes and message formats are those of docs/cli.md.
 */
#ifndef ZK_CLI_COMMON_H
#define ZK_CLI_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include "zhkg.h"

enum { CLI_EXIT_OK = 0, CLI_EXIT_FAIL = 1, CLI_EXIT_USAGE = 2 };

/* "zhkg: " + the formatted message + newline, on standard error. */
void cli_msg(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* A usage error: the message, the hint to --help; returns CLI_EXIT_USAGE.
 * fmt has one %s, for arg. */
int cli_usage_error(const char *fmt, const char *arg);
/* Print err; path names the file when err->file is empty. */
void cli_report(const zk_error *err, const char *path);

/* Match argv[*i] against an option with a value, as -x VALUE, -xVALUE,
 * --long VALUE or --long=VALUE (s == 0: no short form).  Returns 1 and
 * sets *val when it matches, 0 when it does not, -1 when the value is
 * missing. */
int cli_opt_value(char **argv, int argc, int *i, char s, const char *l,
                  const char **val);
/* The N of -j N (1 to 256), or 0 for a bad value (reported as a usage
 * error by the caller). */
int cli_jobs_value(const char *v);

/* What every subcommand reads alike from its arguments: the inputs, --,
 * -q, -j N and, with CLI_ARGS_EXTRACT (build, extract), -k, --rules,
 * --encoding and --home-city.  cli_args_take() handles argv[*i] when it is
 * one of these: it returns 1 when it took it, 0 when the caller must look
 * at it, -1 after reporting a usage error (exit CLI_EXIT_USAGE). */
enum { CLI_ARGS_EXTRACT = 1 };
typedef struct cli_args {
    const char **in;        /* argc + 1 entries, filled in order */
    size_t nin;
    int only_inputs, nstdin;
    int quiet, keep_going, jobs;
    const char *rules, *encoding, *home_city;
} cli_args;
int cli_args_take(char **argv, int argc, int *i, cli_args *a, unsigned flags);

/* The rules folder (docs/cli.md, "Rules"): opt, $ZHKG_RULES, rules/ beside
 * the binary, ../share/zhkg/rules from it, the compiled-in directory.  buf
 * holds a path built here. */
const char *cli_find_rules(const char *opt, char *buf, size_t size);

/* A file written whole or not at all: cli_out_open() opens a temporary
 * file in path's directory (or standard output for "-"), cli_out_commit()
 * flushes, syncs and renames it into place, cli_out_abort() removes it.
 * Both report and free; commit returns 0 or 1. */
typedef struct cli_out {
    FILE *f;                /* write here */
    zk_outfile *of;         /* the library's atomic file (export/outfile.c) */
} cli_out;
int cli_out_open(cli_out *o, const char *path);
int cli_out_commit(cli_out *o);
void cli_out_abort(cli_out *o);

/* The subcommands (argv[0] is the first argument after the command name;
 * they return the exit status). */
int cli_extract_main(int argc, char **argv);   /* cmd_extract.c */
int cli_merge_main(int argc, char **argv);     /* cmd_merge.c */

#endif
