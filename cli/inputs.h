/*
 * inputs.h - turn the INPUT arguments of `zhkg build` into a list of files.
 *
 * An INPUT is a file (taken as is, whatever its name), "-" (standard input)
 * or a directory, which stands for every *.txt, *.html and *.htm file
 * under it, recursively, sorted by the bytes of their paths.  Problems
 * found while walking (a directory that cannot be opened, a broken link, a
 * FIFO or device where a file should be) are not reported here: they
 * become items with err set, in their place in the list, so that the
 * program reports every problem at the point where it would have read the
 * file, and --keep-going treats them like any other bad input.
 */
#ifndef ZK_CLI_INPUTS_H
#define ZK_CLI_INPUTS_H

#include <stddef.h>

#include "zhkg.h"

/* err of an item found in a directory that is no regular file (a FIFO
 * would block the run, a device never end). */
#define CLI_ENOTREG (-1)
/* The warning for a directory that holds no input. */
#define CLI_NO_INPUT_WARNING \
    "warning: %s: no *.txt, *.html or *.htm file in this directory"

typedef struct cli_input {
    char *path;   /* as given, or joined below a given directory; owned */
    int err;      /* errno of a failed stat/opendir, CLI_ENOTREG, or 0 if
                     the item is fine */
    int is_dir;   /* 1 for a directory that held no input (err == 0) */
} cli_input;

typedef struct cli_inputs {
    cli_input *item;
    size_t n, cap;
    zk_input_options opt; /* how to read them (--encoding); zeroed by init */
} cli_inputs;

/* The message for an err of a cli_input or of reading it. */
const char *cli_input_strerror(int err);

void cli_inputs_init(cli_inputs *l);
void cli_inputs_free(cli_inputs *l);
/* Append the files arg stands for.  "-" is appended as is.  Returns 0, or
 * -1 when out of memory. */
int cli_inputs_add(cli_inputs *l, const char *arg);

#endif
