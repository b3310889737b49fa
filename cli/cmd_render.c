/*
 * cmd_render.c - `zhkg render`: the graph of the inputs drawn as a figure,
 * and the export options shared by the commands that write graphs.
 *
 *   zhkg render [-T svg|png|pdf] -o FIG [-o FIG]... [--layout dot|neato|sfdp]
 *               [--max-nodes N] [--cluster city] [build options] INPUT...
 *
 * A figure is one more output format (zk_render in export/render.c lays the
 * graph out and draws it with libgvc), so render is build with figure
 * outputs: the inputs, rules, -j, --keep-going and the messages are
 * build's, in cli/main.c.  What render adds is checked there through
 * cli_build_main's figures flag: each -o must be SVG, PNG or PDF (by -T or
 * its extension), and large graphs are capped at CLI_RENDER_MAX_NODES
 * nodes unless --max-nodes says otherwise (0: no cap).
 */
#include "cmd_render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

int cli_render_main(int argc, char **argv)
{
    return cli_build_main(argc, argv, 1);
}

int cli_export_opt(char **argv, int argc, int *i, zk_export_opts *x)
{
    const char *a = argv[*i], *v = NULL;
    zk_export_opts t = *x;
    zk_error err;
    int r;

    if ((r = cli_opt_value(argv, argc, i, 0, "base-iri", &v)) != 0) {
        if (r < 0 || !*v)
            return cli_usage_error("option '%s' needs an IRI", a), -1;
        t.base_iri = v;
    } else if ((r = cli_opt_value(argv, argc, i, 0, "layout", &v)) != 0) {
        if (r < 0)
            return cli_usage_error("option '%s' needs a layout (dot, neato "
                                   "or sfdp)", a), -1;
        t.layout = v;
    } else if ((r = cli_opt_value(argv, argc, i, 0, "cluster", &v)) != 0) {
        if (r < 0 || (strcmp(v, "city") != 0 && strcmp(v, "none") != 0))
            return cli_usage_error("option --cluster takes 'city' or 'none', "
                                   "not '%s'", r < 0 ? "" : v), -1;
        t.cluster_city = strcmp(v, "city") == 0;
    } else if ((r = cli_opt_value(argv, argc, i, 0, "max-nodes", &v)) != 0) {
        char *end;
        unsigned long long n;
        if (r < 0)
            return cli_usage_error("option '%s' needs a number", a), -1;
        errno = 0;
        n = strtoull(v, &end, 10);
        if (errno != 0 || end == v || *end != '\0' || v[0] == '-')
            return cli_usage_error("bad number of nodes '%s' (0 for all)",
                                   v), -1;
        t.max_nodes = (size_t)n;
    } else {
        return 0;
    }
    memset(&err, 0, sizeof err);
    if (zk_export_opts_check(&t, &err) != ZK_OK)
        return cli_usage_error("%s", err.msg), -1;
    *x = t;
    return 1;
}
