/*
 * cmd_render.h - `zhkg render` and the export options that every command
 * writing a graph takes (cli/cmd_render.c).
 */
#ifndef ZK_CLI_CMD_RENDER_H
#define ZK_CLI_CMD_RENDER_H

#include "zhkg.h"

/* The --max-nodes of `zhkg render` when none is given. */
#define CLI_RENDER_MAX_NODES 300

/* If argv[*i] is an export option (--base-iri IRI, --cluster city|none,
 * --max-nodes N, --layout dot|neato|sfdp, in any of the forms of
 * cli_opt_value), store it in x, advance *i past its value and return 1;
 * return 0 if it is not one, or report a usage error and return -1. */
int cli_export_opt(char **argv, int argc, int *i, zk_export_opts *x);

/* zhkg render ARGS: build's inputs and options, figures as outputs. */
int cli_render_main(int argc, char **argv);
/* zhkg build ARGS (cli/main.c); figures != 0 for render: every output must
 * be a figure, -T FMT may name its format, and --max-nodes defaults to
 * CLI_RENDER_MAX_NODES. */
int cli_build_main(int argc, char **argv, int figures);

#endif
