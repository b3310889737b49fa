/*
 * state.c - the state file of incremental updates (see state.h).
 *
 * The state is read once, as the graph is seeded with it, and written
 * once: its lines are copied, once checked, into a temporary file beside
 * it while they are read, the new documents
 * are appended as they are merged, and the commit renames the temporary
 * file over the old one (common.c), so a run that fails anywhere leaves
 * the old state as it was.  Memory holds the content hashes only, in an
 * open-addressing set keyed by their first 64 bits.
 *
 * Ids: before any new document comes in, the graph of the state is
 * finished once and the id of every node noted, with one build index that
 * stands for it; after the update the same build index tells which node
 * the old one became (build indices stay valid through merges).
 */
#include "state.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"
#include "jsonl_read.h"

#define NONE ((size_t)-1)
#define HASH_LEN 64

typedef struct old_node {
    char *id, *label;
    size_t build;            /* a build index of the node */
} old_node;

struct cli_state {
    char (*set)[HASH_LEN + 1];   /* "" marks an empty slot */
    size_t nset, capset;         /* capset is a power of two */
    size_t nold;                 /* documents in the state file */
    cli_out out;
    int open;                    /* out is open */
    old_node *old;
    size_t nold_nodes;
};

static uint64_t key_of(const char *h)
{
    uint64_t k = 0;
    for (int i = 0; i < 16 && h[i]; i++)
        k = k << 4 | (uint64_t)(h[i] <= '9' ? h[i] - '0' : h[i] - 'a' + 10);
    return k;
}

/* The slot of h, or the empty slot where it would go. */
static size_t slot_of(const cli_state *s, const char *h)
{
    size_t p = (size_t)key_of(h) & (s->capset - 1);
    while (s->set[p][0] && strcmp(s->set[p], h) != 0)
        p = (p + 1) & (s->capset - 1);
    return p;
}

static void set_grow(cli_state *s)
{
    size_t cap = s->capset ? s->capset * 2 : 1024;
    char (*old)[HASH_LEN + 1] = s->set;
    size_t oldcap = s->capset;
    s->set = calloc(cap, sizeof *s->set);
    if (!s->set) {
        cli_msg("%s", strerror(ENOMEM));
        abort();
    }
    s->capset = cap;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i][0])
            memcpy(s->set[slot_of(s, old[i])], old[i], HASH_LEN + 1);
    free(old);
}

static int set_has(const cli_state *s, const char *h)
{
    return s->capset && s->set[slot_of(s, h)][0];
}

static void set_add(cli_state *s, const char *h)
{
    if ((s->nset + 1) * 2 > s->capset)
        set_grow(s);
    size_t p = slot_of(s, h);
    if (!s->set[p][0]) {
        snprintf(s->set[p], HASH_LEN + 1, "%s", h);
        s->nset++;
    }
}

static void write_doc(cli_state *s, const zk_doc *d)
{
    char *line = zk_doc_to_json(d);
    if (!line) {
        cli_msg("%s", strerror(ENOMEM));
        abort();
    }
    fputs(line, s->out.f);
    fputc('\n', s->out.f);
    free(line);
}

typedef struct load_run {
    cli_state *s;
    zk_graph *g;
} load_run;

/* One document of the state file (cli_jsonl_read, in file order). */
static int load_doc(void *ctx, const char *path, long line, const char *text,
                    size_t len, const zk_doc *d)
{
    load_run *l = ctx;
    cli_state *s = l->s;
    zk_error err;
    const char *h = zk_doc_hash(d);
    if (set_has(s, h)) {
        cli_msg("warning: %s:%ld: %s: the same content is already in the "
                "state; left out", path, line, zk_doc_name(d));
        return 0;
    }
    memset(&err, 0, sizeof err);
    if (zk_graph_add_doc(l->g, d, &err) != ZK_OK) {
        cli_msg("%s:%ld: %s", path, line, err.msg);
        return 1;
    }
    set_add(s, h);
    fwrite(text, 1, len, s->out.f);      /* the line as it was: just checked */
    fputc('\n', s->out.f);
    s->nold++;
    return 0;
}

/* Merge the documents of the state file into g. */
static int load(cli_state *s, const char *path, int nthreads, zk_graph *g)
{
    struct stat st;
    if (stat(path, &st) != 0 && errno == ENOENT)
        return 0;                                /* a new state */
    load_run l = {s, g};
    return cli_jsonl_read(path, nthreads, load_doc, &l);
}

/* Note every node's id and one build index standing for it. */
static int note_ids(cli_state *s, zk_graph *g)
{
    zk_error err;
    memset(&err, 0, sizeof err);
    if (zk_graph_finish(g, &err) != ZK_OK) {
        cli_report(&err, "graph");
        return 1;
    }
    size_t n = zk_graph_node_count(g);
    s->old = calloc(n ? n : 1, sizeof *s->old);
    if (!s->old) {
        cli_msg("%s", strerror(ENOMEM));
        return 1;
    }
    s->nold_nodes = n;
    for (size_t i = 0; i < n; i++)
        s->old[i].build = NONE;
    size_t k;
    for (size_t b = 0; (k = zk_graph_index(g, b)) != NONE; b++)
        if (k < n && s->old[k].build == NONE) {
            const zk_node *nd = zk_graph_node(g, k);
            s->old[k].build = b;
            s->old[k].id = strdup(nd->id);
            s->old[k].label = strdup(nd->label);
            if (!s->old[k].id || !s->old[k].label) {
                cli_msg("%s", strerror(ENOMEM));
                return 1;
            }
        }
    return 0;
}

int cli_state_open(const char *path, int nthreads, zk_graph *g,
                   cli_state **out)
{
    cli_state *s = calloc(1, sizeof *s);
    *out = NULL;
    if (!s) {
        cli_msg("%s", strerror(ENOMEM));
        return 1;
    }
    if (cli_out_open(&s->out, path) != 0) {
        free(s);
        return 1;
    }
    s->open = 1;
    if (load(s, path, nthreads, g) != 0 || note_ids(s, g) != 0) {
        cli_state_free(s);
        return 1;
    }
    *out = s;
    return 0;
}

size_t cli_state_count(const cli_state *s)
{
    return s ? s->nold : 0;
}

int cli_state_seen(const cli_state *s, const zk_doc *d)
{
    return s && set_has(s, zk_doc_hash(d));
}

void cli_state_add(cli_state *s, const zk_doc *d)
{
    set_add(s, zk_doc_hash(d));
    write_doc(s, d);
}

int cli_state_commit(cli_state *s)
{
    s->open = 0;
    return cli_out_commit(&s->out);
}

void cli_state_summary(const cli_state *s, const zk_graph *g, size_t added,
                       size_t seen, int quiet)
{
    size_t changed = 0;
    for (size_t k = 0; k < s->nold_nodes; k++) {
        const old_node *o = &s->old[k];
        const zk_node *nd = o->build == NONE ? NULL
                            : zk_graph_node(g, zk_graph_index(g, o->build));
        if (!nd || strcmp(nd->id, o->id) == 0)
            continue;
        cli_msg("note: node %s (%s) is now %s (%s)", o->id, o->label, nd->id,
                nd->label);
        changed++;
    }
    if (quiet)
        return;
    size_t all = s->nold + added;
    char ids[64] = "";
    if (changed)
        snprintf(ids, sizeof ids, ", %zu id%s changed", changed,
                 changed == 1 ? "" : "s");
    cli_msg("%zu new document%s (%zu already merged), %zu in all, %zu nodes, "
            "%zu edges%s", added, added == 1 ? "" : "s", seen, all,
            zk_graph_node_count(g), zk_graph_edge_count(g), ids);
}

void cli_state_free(cli_state *s)
{
    if (!s)
        return;
    if (s->open)
        cli_out_abort(&s->out);
    for (size_t k = 0; k < s->nold_nodes; k++) {
        free(s->old[k].id);
        free(s->old[k].label);
    }
    free(s->old);
    free(s->set);
    free(s);
}
