/*
 * state.h - the state of incremental updates (`zhkg build --update STATE`,
 * `zhkg merge --update STATE`): every document merged so far, as the JSON
 * Lines of `zhkg extract` (docs/scale.md).
 *
 * Opening the state merges its documents into the graph and remembers
 * their content hashes; the caller then merges only the new documents that
 * cli_state_seen() does not know, handing each to cli_state_add(), which
 * appends it to a new state file being written beside the old one;
 * cli_state_commit() renames that into place.  Since a graph does not
 * depend on the order its documents came in (docs/graph.md), the updated
 * graph is the graph a single run over all the documents gives.
 */
#ifndef ZK_CLI_STATE_H
#define ZK_CLI_STATE_H

#include <stddef.h>

#include "zhkg.h"

typedef struct cli_state cli_state;

/* Open the state at path and merge its documents into g (parsing them on
 * nthreads threads), then finish g and note every node's id.  A missing
 * file is an empty state.  Returns 0, or reports why not and returns 1
 * (*out NULL). */
int cli_state_open(const char *path, int nthreads, zk_graph *g,
                   cli_state **out);
/* Number of documents the state held. */
size_t cli_state_count(const cli_state *s);
/* 1 if a document with d's content hash is in the state or was added. */
int cli_state_seen(const cli_state *s, const zk_doc *d);
/* Remember d and append it to the new state (d stays the caller's). */
void cli_state_add(cli_state *s, const zk_doc *d);
/* Write the new state in place.  Returns 0, or reports and returns 1. */
int cli_state_commit(cli_state *s);
/* After the final zk_graph_finish: print a note for every node of the old
 * graph whose id changed (it got a longer name, or merged with another
 * node), then, unless quiet, the summary line of an update:
 *   zhkg: 2 new documents (1 already merged), 7 in all, 150 nodes, 60 edges
 * added and seen count the documents of this run. */
void cli_state_summary(const cli_state *s, const zk_graph *g, size_t added,
                       size_t seen, int quiet);
/* Free s; a state not committed leaves the old file as it was. */
void cli_state_free(cli_state *s);

#endif
