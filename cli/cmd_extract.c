/*
 * cmd_extract.c - `zhkg extract`: the map step of a sharded build.
 *
 * The inputs are read and extracted exactly as `zhkg build` reads them
 * (cli/inputs.c, cli/jobs.c, with -j N threads), but instead of being
 * merged each document is written as one line of JSON (zk_doc_to_json),
 * in input order, to one output file; `zhkg merge` turns any number of
 * such parts into the graph `zhkg build` would have written
 * (docs/scale.md).  The file is written whole or not at all.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "inputs.h"
#include "jobs.h"

static const char usage_text[] =
    "Usage: zhkg extract [OPTION]... -o FILE INPUT...\n"
    "\n"
    "Extract every INPUT (read as zhkg build reads it) and write one line of\n"
    "JSON per document to FILE: the map step of a sharded build; zhkg merge\n"
    "makes the graph from such files (see docs/scale.md).\n"
    "\n"
    "Options of extract:\n"
    "  -o, --output FILE    write the JSON Lines to FILE (- for standard output)\n"
    "      --rules DIR      read the rules from DIR (default: $ZHKG_RULES, else\n"
    "                       the rules folder installed with zhkg)\n"
    "      --home-city NAME the newspaper's city, for 我市/本市\n"
    "      --encoding ENC   the encoding of inputs that are not UTF-8 (as for\n"
    "                       zhkg build)\n"
    "  -j, --jobs N         extract on N threads (default 1); the output is\n"
    "                       the same whatever N\n"
    "  -k, --keep-going     skip a bad input with a message and go on; FILE is\n"
    "                       still written, the exit status is 1\n"
    "  -q, --quiet          do not print the summary line\n"
    "      --list           print the files the INPUTs stand for, one a line,\n"
    "                       in the order they are read, and exit (to cut a\n"
    "                       corpus into shards)\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 bad input, rule file or I/O error, 2 usage error.\n"
    "Example: zhkg extract -o parts/0.jsonl archive/2024-01/\n";

typedef struct extract_opts {
    const char *out;
    cli_args a;             /* inputs, -q, -k, -j, --rules, --encoding, --home-city */
    int list;
} extract_opts;

typedef struct extract_run {
    FILE *f;
    size_t ndocs, bad;
    int keep_going;
} extract_run;

static int parse(int argc, char **argv, extract_opts *o)
{
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int r = cli_args_take(argv, argc, &i, &o->a, CLI_ARGS_EXTRACT);
        if (r < 0)
            return CLI_EXIT_USAGE;
        if (r > 0)
            continue;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
        } else if (strcmp(a, "--list") == 0) {
            o->list = 1;
        } else if ((r = cli_opt_value(argv, argc, &i, 'o', "output", &v)) != 0) {
            if (r < 0)
                return cli_usage_error("option '%s' needs a file name", a);
            if (o->out)
                return cli_usage_error("%s", "extract writes one file: give -o "
                                             "once");
            o->out = v;
        } else {
            return cli_usage_error("unknown option '%s'", a);
        }
    }
    if (!o->out && !o->list)
        return cli_usage_error("%s", "no output given (use -o FILE)");
    if (o->a.nin == 0)
        return cli_usage_error("%s", "no input given");
    return -1;
}

/* Write one extracted input, or report why there is none; in input order. */
static int write_job(void *ctx, cli_job *j)
{
    extract_run *x = ctx;
    if (j->in->is_dir) {
        cli_msg(CLI_NO_INPUT_WARNING, j->in->path);
        return 0;
    }
    if (j->read_err != 0) {
        cli_msg("%s: %s", j->name, cli_input_strerror(j->read_err));
    } else if (j->st != ZK_OK) {
        cli_report(&j->err, j->name);
    } else {
        char *line = zk_doc_to_json(j->doc);
        if (!line) {
            cli_msg("%s", strerror(ENOMEM));
            x->bad++;
            return 1;
        }
        fputs(line, x->f);
        fputc('\n', x->f);
        free(line);
        x->ndocs++;
        return 0;
    }
    x->bad++;
    return !x->keep_going;
}

int cli_extract_main(int argc, char **argv)
{
    extract_opts o;
    extract_run x;
    cli_inputs files;
    cli_out out;
    zk_rules *rules = NULL;
    zk_error err;
    char rbuf[PATH_MAX + 32];
    int rc, opened = 0;

    memset(&o, 0, sizeof o);
    memset(&x, 0, sizeof x);
    o.a.jobs = 1;
    o.a.in = calloc((size_t)argc + 1, sizeof *o.a.in);
    cli_inputs_init(&files);
    if (!o.a.in) {
        cli_msg("%s", strerror(ENOMEM));
        return CLI_EXIT_FAIL;
    }
    if ((rc = parse(argc, argv, &o)) >= 0)
        goto done;
    rc = CLI_EXIT_FAIL;
    files.opt.encoding = o.a.encoding;
    for (size_t i = 0; i < o.a.nin; i++)
        if (cli_inputs_add(&files, o.a.in[i]) != 0) {
            cli_msg("%s", strerror(ENOMEM));
            goto done;
        }
    if (o.list) {
        for (size_t i = 0; i < files.n; i++)
            if (files.item[i].is_dir)
                cli_msg(CLI_NO_INPUT_WARNING, files.item[i].path);
            else
                printf("%s\n", files.item[i].path);
        rc = fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
        goto done;
    }
    memset(&err, 0, sizeof err);
    const char *rdir = cli_find_rules(o.a.rules, rbuf, sizeof rbuf);
    if (zk_rules_load(rdir, &rules, &err) != ZK_OK) {
        cli_report(&err, rdir);
        goto done;
    }
    zk_rules_set_home_city(rules, o.a.home_city);
    if (cli_out_open(&out, o.out) != 0)
        goto done;
    opened = 1;
    x.f = out.f;
    x.keep_going = o.a.keep_going;
    if (cli_jobs_run(rules, &files, o.a.jobs, write_job, &x) != 0) {
        cli_msg("%s", strerror(errno));
        goto done;
    }
    if (x.bad && !o.a.keep_going)
        goto done;
    opened = 0;
    if (cli_out_commit(&out) != 0)
        goto done;
    rc = x.bad ? CLI_EXIT_FAIL : CLI_EXIT_OK;
    if (!o.a.quiet)
        cli_msg("%zu document%s extracted", x.ndocs, x.ndocs == 1 ? "" : "s");
    if (x.bad)
        cli_msg("%zu input%s skipped", x.bad, x.bad == 1 ? "" : "s");
done:
    if (opened)
        cli_out_abort(&out);
    zk_rules_free(rules);
    cli_inputs_free(&files);
    free(o.a.in);
    return rc;
}
