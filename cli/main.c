/*
 * main.c - the zhkg program: argument parsing, file reading, exit codes.
 *
 * All the work is done by libzhkg (include/zhkg.h); this file turns a
 * command line into calls to it, in the spirit of jq's main.c.  The usage
 * text and the exit codes are documented interface (docs/cli.md):
 *
 *   0  success
 *   1  bad input, bad rule file, or an I/O error (the message names the file)
 *   2  usage error
 *
 * `zhkg build` reads every input, extracts and merges each into one graph,
 * and only when all of that succeeded writes the outputs; each output is
 * written to a temporary file and renamed by zk_export_file, so a failed
 * run leaves existing files as they were.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_render.h"
#include "common.h"
#include "inputs.h"
#include "jobs.h"
#include "progress.h"
#include "state.h"
#include "zhkg.h"

#ifndef ZHKG_RULES_INSTALL_DIR
#define ZHKG_RULES_INSTALL_DIR "/usr/local/share/zhkg/rules"
#endif

enum { EXIT_OK = CLI_EXIT_OK, EXIT_FAIL = CLI_EXIT_FAIL, EXIT_USAGE = CLI_EXIT_USAGE };

static const char usage_text[] =
    "Usage: zhkg build [OPTION]... -o FILE INPUT...\n"
    "  or:  zhkg build [OPTION]... --update STATE [-o FILE]... INPUT...\n"
    "  or:  zhkg render [OPTION]... [-T FMT] -o FIGURE INPUT...\n"
    "  or:  zhkg extract [OPTION]... -o PART INPUT...   (zhkg extract --help)\n"
    "  or:  zhkg merge [OPTION]... -o FILE PART...      (zhkg merge --help)\n"
    "  or:  zhkg --help | --version\n"
    "\n"
    "Extract the places, parks, agencies, companies and institutions named in\n"
    "Chinese news articles, and the relations between them, into one graph.\n"
    "\n"
    "INPUT is an article file (text or an HTML page, UTF-8, UTF-16 with a\n"
    "byte order mark, or the encoding of --encoding), a directory (every\n"
    "*.txt, *.html and *.htm file under it, recursively, in byte order of\n"
    "their paths) or - for standard input.\n"
    "\n"
    "Options of build:\n"
    "  -o, --output FILE    write the graph to FILE (- for standard output);\n"
    "                       may be given several times, at least once\n"
    "  -f, --format FMT     write every output as FMT: dot, graphml, jsonld,\n"
    "                       csv (FILE is a directory), svg, png or pdf\n"
    "                       (default: from each FILE's extension: .dot .gv\n"
    "                       .graphml .jsonld .json .svg .png .pdf, or a\n"
    "                       trailing / for csv)\n"
    "      --rules DIR      read the rules from DIR (default: $ZHKG_RULES, else\n"
    "                       the rules folder installed with zhkg)\n"
    "      --home-city NAME\n"
    "                       the newspaper's city, for 我市/本市 (default: from\n"
    "                       the masthead, else the article's main city)\n"
    "      --encoding ENC   read the inputs that are not UTF-8 and have no byte\n"
    "                       order mark as ENC: gbk, gb18030, big5, utf-16le ...\n"
    "                       (default auto: the charset a page declares)\n"
    "  -k, --keep-going     skip a bad input with a message and go on; the\n"
    "                       outputs are still written, the exit status is 1\n"
    "  -q, --quiet          do not print the progress line (shown on a\n"
    "                       terminal only) or the summary line\n"
    "      --update STATE   add the inputs to the graph of STATE (JSON Lines\n"
    "                       of every document so far, created if missing):\n"
    "                       inputs whose content is in it are skipped, the\n"
    "                       new ones are added to it; -o is then optional\n"
    "  -j, --jobs N         extract on N threads (default 1); the output is\n"
    "                       the same whatever N\n"
    "      --base-iri IRI   mint the JSON-LD node IRIs under IRI (default\n"
    "                       https://example.org/zhkg/)\n"
    "      --cluster city   DOT and figures: draw each city as a box around\n"
    "                       what is located in it (default: none)\n"
    "      --max-nodes N    DOT and figures: keep the N nodes with the most\n"
    "                       edges (0: all; the default, except for render)\n"
    "      --layout NAME    figures: Graphviz layout dot, neato or sfdp\n"
    "                       (default: dot)\n"
    "\n"
    "Options of render (and every option of build):\n"
    "  -o, --output FIGURE  draw the graph to FIGURE: .svg, .png or .pdf\n"
    "  -T FMT               the figures' format: svg, png or pdf (as -f)\n"
    "      --max-nodes N    draw the N nodes with the most edges (default 300,\n"
    "                       0: all)\n"
    "\n"
    "  -h, --help           print this help and exit\n"
    "  -V, --version        print the version and exit\n"
    "\n"
    "Exit status: 0 success, 1 bad input, rule file or I/O error, 2 usage error.\n"
    "Example: zhkg build -o out/news.graphml -o out/news.dot samples/\n";

typedef struct output {
    const char *path;
    zk_format fmt;
} output;

typedef struct options {
    const char *format;
    const char *update;    /* --update STATE */
    output *out;
    size_t nout;
    cli_args a;            /* inputs, -q, -k, -j, --rules, --encoding, --home-city */
    int figures;           /* zhkg render: outputs are figures */
    zk_export_opts xopt;   /* --base-iri, --cluster, --max-nodes, --layout */
} options;

/* Parse the arguments after "build".  Returns -1 to go on, or an exit code
 * (help printed, or a usage error reported). */
static int parse_build(int argc, char **argv, options *o)
{
    int nstdout = 0;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int r = cli_args_take(argv, argc, &i, &o->a, CLI_ARGS_EXTRACT);
        if (r < 0)
            return EXIT_USAGE;
        if (r > 0)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return EXIT_OK;
        } else if ((r = cli_opt_value(argv, argc, &i, 'o', "output", &v)) != 0) {
            if (r < 0)
                return cli_usage_error("option '%s' needs a file name", a);
            if (strcmp(v, "-") == 0 && nstdout++)
                return cli_usage_error("'-o -' given %s", "twice");
            o->out[o->nout].path = v;
            o->out[o->nout++].fmt = ZK_FMT_NONE;
        } else if ((r = cli_opt_value(argv, argc, &i, 'f', "format", &v)) != 0 ||
                   (r = cli_opt_value(argv, argc, &i, 'T', "format", &v)) != 0) {
            if (r < 0)
                return cli_usage_error("option '%s' needs a format", a);
            if (zk_format_from_name(v) == ZK_FMT_NONE)
                return cli_usage_error("unknown format '%s' (use dot, graphml, "
                                   "jsonld, csv, svg, png or pdf)", v);
            o->format = v;
        } else if ((r = cli_opt_value(argv, argc, &i, 0, "update", &v)) != 0) {
            if (r < 0 || !*v || strcmp(v, "-") == 0)
                return cli_usage_error("option '%s' needs a state file", a);
            o->update = v;
        } else if ((r = cli_export_opt(argv, argc, &i, &o->xopt)) != 0) {
            if (r < 0)
                return EXIT_USAGE;
        } else {
            return cli_usage_error("unknown option '%s'", a);
        }
    }
    if (o->nout == 0 && !o->update)
        return cli_usage_error("%s", "no output given (use -o FILE)");
    if (o->a.nin == 0)
        return cli_usage_error("%s", "no input given");
    for (size_t k = 0; k < o->nout; k++) {
        output *out = &o->out[k];
        out->fmt = o->format ? zk_format_from_name(o->format)
                             : zk_format_from_path(out->path);
        if (out->fmt != ZK_FMT_NONE && o->figures &&
            !zk_format_is_figure(out->fmt))
            return cli_usage_error("zhkg render draws figures (svg, png, pdf): "
                               "write '%s' with zhkg build", out->path);
        if (out->fmt != ZK_FMT_NONE)
            continue;
        if (strcmp(out->path, "-") == 0)
            return cli_usage_error("%s", "'-o -' needs a format (-f dot, graphml "
                                     "or jsonld)");
        return cli_usage_error("cannot tell the format of '%s' from its name "
                           "(use .dot, .graphml, .jsonld, .svg, .png, .pdf, "
                           "DIR/ for csv, or -f)", out->path);
    }
    return -1;
}

/* What build() keeps while the documents come in (cli_jobs_run). */
typedef struct merge_state {
    zk_graph *g;
    size_t bad, ndocs;
    int keep_going;
    cli_state *state;      /* --update: the documents so far (cli/state.c) */
    size_t seen;           /* inputs skipped: their content is in the state */
} merge_state;

/* Merge one extracted input into the graph, or report why it cannot be;
 * called in input order.  Returns 1 to stop at a bad input. */
static int merge_job(void *ctx, cli_job *j)
{
    merge_state *m = ctx;
    zk_error err;

    cli_progress_file(j->in->path);
    if (j->in->is_dir) {
        cli_msg(CLI_NO_INPUT_WARNING, j->in->path);
        return 0;
    }
    if (j->read_err != 0) {
        cli_msg("%s: %s", j->name, cli_input_strerror(j->read_err));
    } else if (j->st != ZK_OK) {
        cli_report(&j->err, j->name);
    } else {
        if (m->state && cli_state_seen(m->state, j->doc)) {
            m->seen++;
            return 0;
        }
        memset(&err, 0, sizeof err);
        if (zk_graph_add_doc(m->g, j->doc, &err) == ZK_OK) {
            if (m->state)
                cli_state_add(m->state, j->doc);
            m->ndocs++;
            return 0;
        }
        cli_report(&err, j->name);
    }
    m->bad++;
    return !m->keep_going;
}

int cli_build_main(int argc, char **argv, int figures)
{
    options o;
    cli_inputs files;
    zk_rules *rules = NULL;
    zk_graph *g = NULL;
    zk_error err;
    char rbuf[PATH_MAX + 32];
    merge_state m;
    int rc;

    memset(&o, 0, sizeof o);
    memset(&m, 0, sizeof m);
    o.a.jobs = 1;
    o.figures = figures;
    if (figures)
        o.xopt.max_nodes = CLI_RENDER_MAX_NODES;
    o.out = calloc((size_t)argc + 1, sizeof *o.out);
    o.a.in = calloc((size_t)argc + 1, sizeof *o.a.in);
    cli_inputs_init(&files);
    if (o.out == NULL || o.a.in == NULL) {
        rc = EXIT_FAIL;
        cli_msg("%s", strerror(ENOMEM));
        goto done;
    }
    if ((rc = parse_build(argc, argv, &o)) >= 0)
        goto done;
    rc = EXIT_FAIL;
    files.opt.encoding = o.a.encoding;
    for (size_t i = 0; i < o.a.nin; i++)
        if (cli_inputs_add(&files, o.a.in[i]) != 0) {
            cli_msg("%s", strerror(ENOMEM));
            goto done;
        }

    memset(&err, 0, sizeof err);
    const char *rdir = cli_find_rules(o.a.rules, rbuf, sizeof rbuf);
    if (zk_rules_load(rdir, &rules, &err) != ZK_OK) {
        cli_report(&err, rdir);
        goto done;
    }
    zk_rules_set_home_city(rules, o.a.home_city);
    if ((g = zk_graph_new()) == NULL) {
        cli_msg("%s", strerror(ENOMEM));
        goto done;
    }
    if (o.update && cli_state_open(o.update, o.a.jobs, g, &m.state) != 0)
        goto done;
    m.g = g;
    m.keep_going = o.a.keep_going;
    cli_progress_start(files.n, !o.a.quiet);
    if (cli_jobs_run(rules, &files, o.a.jobs, merge_job, &m) != 0) {
        cli_msg("%s", strerror(errno));
        cli_progress_end();
        goto done;
    }
    cli_progress_end();
    if (m.bad && !o.a.keep_going)
        goto done;
    if (m.state && cli_state_commit(m.state) != 0)
        goto done;
    memset(&err, 0, sizeof err);
    if (zk_graph_finish(g, &err) != ZK_OK) {
        cli_report(&err, "graph");
        goto done;
    }
    rc = m.bad ? EXIT_FAIL : EXIT_OK;
    for (size_t k = 0; k < o.nout; k++) {
        memset(&err, 0, sizeof err);
        if (zk_export_file_opts(g, o.out[k].fmt, o.out[k].path, &o.xopt,
                                &err) != ZK_OK) {
            cli_report(&err, o.out[k].path);
            rc = EXIT_FAIL;
        }
    }
    if (m.state)
        cli_state_summary(m.state, g, m.ndocs, m.seen, o.a.quiet);
    else if (!o.a.quiet)
        cli_msg("%zu document%s, %zu nodes, %zu edges", m.ndocs,
            m.ndocs == 1 ? "" : "s", zk_graph_node_count(g),
            zk_graph_edge_count(g));
    if (m.bad)
        cli_msg("%zu input%s skipped", m.bad, m.bad == 1 ? "" : "s");
done:
    cli_state_free(m.state);
    zk_graph_free(g);
    zk_rules_free(rules);
    cli_inputs_free(&files);
    free(o.out);
    free(o.a.in);
    return rc;
}

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;

    if (cmd == NULL)
        return cli_usage_error("%s", "no command given (try 'zhkg build')");
    if (strcmp(cmd, "build") == 0)
        return cli_build_main(argc - 2, argv + 2, 0);
    if (strcmp(cmd, "render") == 0)
        return cli_render_main(argc - 2, argv + 2);
    if (strcmp(cmd, "extract") == 0)
        return cli_extract_main(argc - 2, argv + 2);
    if (strcmp(cmd, "merge") == 0)
        return cli_merge_main(argc - 2, argv + 2);
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        puts("zhkg " ZHKG_VERSION);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
    }
    if (cmd[0] == '-')
        return cli_usage_error("unknown option '%s'", cmd);
    return cli_usage_error("unknown command '%s'", cmd);
}
