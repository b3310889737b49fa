/*
 * cmd_merge.c - `zhkg merge`: the reduce step of a sharded build, and
 * incremental updates from parts.
 *
 * Every document of every part (JSON Lines of `zhkg extract`, read and
 * checked on -j N threads by cli_jsonl_read) goes through
 * zk_graph_add_doc() as `zhkg build` would have merged it; the graph does not depend on the order of
 * the documents (docs/graph.md), so the parts may come in any order and be
 * cut anywhere.  With --update STATE the documents of STATE are merged
 * first and a part's document whose content is already there is skipped
 * (cli/state.c).  Outputs are written only when everything was read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "jsonl_read.h"
#include "state.h"

static const char usage_text[] =
    "Usage: zhkg merge [OPTION]... -o FILE PART...\n"
    "       zhkg merge [OPTION]... --update STATE [-o FILE]... PART...\n"
    "\n"
    "Merge the documents of the PART files (JSON Lines written by zhkg\n"
    "extract; - for standard input) into one graph, by the rules of zhkg\n"
    "build, and write it to every FILE.  The graph is the one zhkg build\n"
    "gives for the same documents, whatever the order of the parts.\n"
    "\n"
    "Options of merge:\n"
    "  -o, --output FILE    write the graph to FILE (- for standard output);\n"
    "                       may be given several times, at least once\n"
    "                       unless --update is given\n"
    "  -f, --format FMT     write every output as FMT: dot, graphml or jsonld\n"
    "                       (default: from each FILE's extension)\n"
    "      --update STATE   start from the documents in STATE (JSON Lines;\n"
    "                       a missing file is an empty state), skip the\n"
    "                       documents whose content is already in it, and\n"
    "                       add the new ones to it\n"
    "  -j, --jobs N         parse the parts on N threads (default 1); the\n"
    "                       output is the same whatever N\n"
    "  -q, --quiet          do not print the summary line\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 bad part or I/O error, 2 usage error.\n"
    "Example: zhkg merge -o out/news.graphml parts/*.jsonl\n";

typedef struct merge_out {
    const char *path;
    zk_format fmt;
} merge_out;

typedef struct merge_opts {
    const char *format, *update;
    merge_out *out;
    size_t nout;
    cli_args a;             /* parts, -q, -j */
} merge_opts;

static int parse(int argc, char **argv, merge_opts *o)
{
    int nstdout = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int r = cli_args_take(argv, argc, &i, &o->a, 0);
        if (r < 0)
            return CLI_EXIT_USAGE;
        if (r > 0)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
        } else if ((r = cli_opt_value(argv, argc, &i, 'o', "output", &v)) != 0) {
            if (r < 0)
                return cli_usage_error("option '%s' needs a file name", a);
            if (strcmp(v, "-") == 0 && nstdout++)
                return cli_usage_error("'-o -' given %s", "twice");
            o->out[o->nout].path = v;
            o->out[o->nout++].fmt = ZK_FMT_NONE;
        } else if ((r = cli_opt_value(argv, argc, &i, 'f', "format", &v)) != 0) {
            if (r < 0)
                return cli_usage_error("option '%s' needs a format", a);
            if (zk_format_from_name(v) == ZK_FMT_NONE)
                return cli_usage_error("unknown format '%s' (use dot, graphml "
                                       "or jsonld)", v);
            o->format = v;
        } else if ((r = cli_opt_value(argv, argc, &i, 0, "update", &v)) != 0) {
            if (r < 0 || !*v)
                return cli_usage_error("option '%s' needs a state file", a);
            if (strcmp(v, "-") == 0)
                return cli_usage_error("the state must be a file, not '%s'", v);
            o->update = v;
        } else {
            return cli_usage_error("unknown option '%s'", a);
        }
    }
    if (o->nout == 0 && !o->update)
        return cli_usage_error("%s", "no output given (use -o FILE)");
    if (o->a.nin == 0)
        return cli_usage_error("%s", "no part given");
    for (size_t k = 0; k < o->nout; k++) {
        merge_out *out = &o->out[k];
        out->fmt = o->format ? zk_format_from_name(o->format)
                             : zk_format_from_path(out->path);
        if (out->fmt != ZK_FMT_NONE)
            continue;
        if (strcmp(out->path, "-") == 0)
            return cli_usage_error("%s", "'-o -' needs a format (-f dot, "
                                         "graphml or jsonld)");
        return cli_usage_error("cannot tell the format of '%s' from its name "
                               "(use .dot, .graphml or .jsonld, or -f)",
                               out->path);
    }
    return -1;
}

typedef struct merge_run {
    zk_graph *g;
    cli_state *state;
    size_t ndocs, seen;
} merge_run;

/* Merge one document of a part (cli_jsonl_read, in file order). */
static int merge_doc(void *ctx, const char *path, long line, const char *text,
                     size_t len, const zk_doc *d)
{
    merge_run *m = ctx;
    zk_error err;
    (void)text;
    (void)len;
    if (m->state && cli_state_seen(m->state, d)) {
        m->seen++;
        return 0;
    }
    memset(&err, 0, sizeof err);
    if (zk_graph_add_doc(m->g, d, &err) != ZK_OK) {
        /* err names the document; say where it is */
        cli_msg("%s:%ld: %s", path, line, err.msg);
        return 1;
    }
    if (m->state)
        cli_state_add(m->state, d);
    m->ndocs++;
    return 0;
}

int cli_merge_main(int argc, char **argv)
{
    merge_opts o;
    merge_run m;
    zk_graph *g = NULL;
    cli_state *state = NULL;
    zk_error err;
    int rc;

    memset(&o, 0, sizeof o);
    memset(&m, 0, sizeof m);
    o.a.jobs = 1;
    o.out = calloc((size_t)argc + 1, sizeof *o.out);
    o.a.in = calloc((size_t)argc + 1, sizeof *o.a.in);
    if (!o.out || !o.a.in) {
        rc = CLI_EXIT_FAIL;
        cli_msg("%s", strerror(ENOMEM));
        goto done;
    }
    if ((rc = parse(argc, argv, &o)) >= 0)
        goto done;
    rc = CLI_EXIT_FAIL;
    if ((g = zk_graph_new()) == NULL) {
        cli_msg("%s", strerror(ENOMEM));
        goto done;
    }
    if (o.update && cli_state_open(o.update, o.a.jobs, g, &state) != 0)
        goto done;
    m.g = g;
    m.state = state;
    for (size_t i = 0; i < o.a.nin; i++)
        if (cli_jsonl_read(o.a.in[i], o.a.jobs, merge_doc, &m) != 0)
            goto done;
    if (state && cli_state_commit(state) != 0)
        goto done;
    memset(&err, 0, sizeof err);
    if (zk_graph_finish(g, &err) != ZK_OK) {
        cli_report(&err, "graph");
        goto done;
    }
    rc = CLI_EXIT_OK;
    for (size_t k = 0; k < o.nout; k++) {
        memset(&err, 0, sizeof err);
        if (zk_export_file(g, o.out[k].fmt, o.out[k].path, &err) != ZK_OK) {
            cli_report(&err, o.out[k].path);
            rc = CLI_EXIT_FAIL;
        }
    }
    if (state)
        cli_state_summary(state, g, m.ndocs, m.seen, o.a.quiet);
    else if (!o.a.quiet)
        cli_msg("%zu document%s, %zu nodes, %zu edges", m.ndocs,
                m.ndocs == 1 ? "" : "s", zk_graph_node_count(g),
                zk_graph_edge_count(g));
done:
    cli_state_free(state);
    zk_graph_free(g);
    free(o.out);
    free(o.a.in);
    return rc;
}
