/*
 * render.c - the graph as a figure (SVG, PNG, PDF), laid out and drawn by
 * Graphviz's library, libgvc, in this process: no `dot` program is run.
 *
 * The graph drawn is a cgraph graph made by zk_dot_build (dot.c: shapes
 * and colours per type, the legend, the node cap, city clusters), the
 * graph whose text the DOT writer (dot_write.c) streams, so `zhkg render`
 * and `dot -Tpng` of the DOT file agree.  Here only the layout engine is
 * chosen (dot, neato or sfdp) with the few attributes the force-directed
 * engines need to keep labels apart, then:
 *
 *   gvContext() -> gvLayout(engine) -> gvRender(format, FILE *) -> free
 *
 * gvRender to a stream rather than gvRenderFilename, so that the file is
 * written like every other output (temporary file, then rename).  SVG
 * comes from Graphviz's own SVG renderer, PNG and PDF from its cairo one;
 * text is measured and drawn through pango/fontconfig, which finds the CJK
 * font the DOT styles name.
 *
 * Cairo stamps a PDF with the time it was made (/CreationDate); when
 * SOURCE_DATE_EPOCH is set (reproducible builds' convention) the PDF is
 * drawn into memory and that date replaced by the given one, same length,
 * so the file is byte-identical from run to run.  SVG and PNG have no date.
 *
 * Graphviz reports problems through agerr(), which prints to stderr unless
 * a handler is set; the library must not print, so a handler collects the
 * first message for the zk_error while a figure is made.  That handler is
 * process-wide: two threads must not render at the same time.
 *
 * One Graphviz context serves the whole process and is never freed.  The
 * pango plugin of Graphviz 2.43 caches a pointer to the last font name it
 * laid text out in, and the names belong to the context: a second context
 * after gvFreeContext() would read freed memory (AddressSanitizer finds
 * it as soon as one run writes two figures).  The context's memory stays
 * reachable, so it is no leak.
 */
#include "export_internal.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

static const char *const layouts[] = {"dot", "neato", "sfdp"};

static char gv_msg[512];
static GVC_t *gv_context;   /* see the header: made once, never freed */

static int gv_error(char *msg)
{
    /* Keep the first error; a warning only until an error comes. */
    int is_error = strncmp(msg, "Error", 5) == 0;
    if (!gv_msg[0] || (is_error && strncmp(gv_msg, "Error", 5) != 0)) {
        snprintf(gv_msg, sizeof gv_msg, "%s", msg);
        size_t n = strlen(gv_msg);
        while (n && (gv_msg[n - 1] == '\n' || gv_msg[n - 1] == ' '))
            gv_msg[--n] = '\0';
    }
    return 0;
}

const char *zk_render_engine(const zk_export_opts *opts)
{
    const char *l = opts && opts->layout ? opts->layout : "dot";
    for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++)
        if (strcmp(l, layouts[i]) == 0)
            return layouts[i];
    return NULL;
}

/* dot gives every node without an edge rank 0, and so puts them all in one
 * column as tall as the graph has such nodes (the samples: 90 of 145).
 * Graphviz's own remedy, pack, loses every edge label in dot (2.43).  So,
 * for the figure only, those nodes are chained into rows of k by invisible
 * edges, which dot lays out as a grid of about 2:1 beside the connected
 * part.  They stay in node order (by type, then name). */
static void grid_isolated(Agraph_t *dg)
{
    size_t n = 0;
    for (Agnode_t *v = agfstnode(dg); v; v = agnxtnode(dg, v))
        n += !agfstedge(dg, v);
    if (n < 4)
        return;
    size_t k = 2;
    while (k * k < n / 2)
        k++;
    Agnode_t *prev = NULL;
    size_t col = 0;
    for (Agnode_t *v = agfstnode(dg); v; v = agnxtnode(dg, v)) {
        if (agfstedge(dg, v))
            continue;
        if (prev && col % k != 0) {
            Agedge_t *e = agedge(dg, prev, v, NULL, 1);
            agsafeset(e, "style", "invis", "");
            agsafeset(e, "weight", "10", "1");
        }
        prev = v;
        col++;
    }
}

/* neato and sfdp place nodes by forces and let them overlap unless told:
 * remove overlaps (prism), keep a margin around each node, and route edges
 * around nodes so no edge crosses a name. */
static void force_attrs(Agraph_t *dg, const char *engine)
{
    agsafeset(dg, "overlap", "prism", "");
    agsafeset(dg, "sep", "+12", "");
    agsafeset(dg, "splines", "true", "");
    if (strcmp(engine, "sfdp") == 0)
        agsafeset(dg, "K", "1.2", "");
}

/* Replace the PDF's "/CreationDate (D:YYYYMMDDHHMMSS" by epoch's date. */
static void pdf_date(char *pdf, size_t n, const char *epoch)
{
    static const char key[] = "/CreationDate (D:";
    char *end, stamp[32];
    long long secs = strtoll(epoch, &end, 10);
    time_t t = (time_t)secs;
    struct tm tm;
    if (end == epoch || *end || secs < 0 || !gmtime_r(&t, &tm) ||
        strftime(stamp, sizeof stamp, "%Y%m%d%H%M%S", &tm) != 14)
        return;
    for (size_t i = 0; i + sizeof key - 1 + 14 <= n; i++)
        if (memcmp(pdf + i, key, sizeof key - 1) == 0) {
            memcpy(pdf + i + sizeof key - 1, stamp, 14);
            return;
        }
}

zk_status zk_render(const zk_graph *g, zk_format fmt, FILE *out,
                    const zk_export_opts *opts, zk_error *err)
{
    if (!g || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_render: NULL argument");
    if (!zk_format_is_figure(fmt))
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_render: %s is not a figure format (svg, png, "
                            "pdf)", zk_format_name(fmt));
    const char *engine = zk_render_engine(opts);
    if (!engine)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "unknown layout '%s' (use dot, neato or sfdp)",
                            opts->layout);
    Agraph_t *dg = zk_dot_build(g, opts, NULL);
    if (!dg)
        return zk_error_set(err, ZK_ERR_NOMEM, "", 0, 0, -1,
                            "cgraph: cannot create a graph");
    if (strcmp(engine, "dot") == 0)
        grid_isolated(dg);
    else
        force_attrs(dg, engine);

    gv_msg[0] = '\0';
    agusererrf old = agseterrf(gv_error);
    zk_status st = ZK_OK;
    if (!gv_context)
        gv_context = gvContext();
    GVC_t *gvc = gv_context;
    if (!gvc) {
        st = zk_error_set(err, ZK_ERR_NOMEM, "", 0, 0, -1,
                          "graphviz: cannot create a context");
    } else if (gvLayout(gvc, dg, engine) != 0) {
        st = zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                          "graphviz: %s layout failed%s%s", engine,
                          gv_msg[0] ? ": " : "", gv_msg);
    } else {
        const char *epoch = getenv("SOURCE_DATE_EPOCH");
        char *mem = NULL;
        size_t nmem = 0;
        FILE *to = out;
        if (fmt == ZK_FMT_PDF && epoch && *epoch)
            to = open_memstream(&mem, &nmem);
        if (!to || gvRender(gvc, dg, zk_format_name(fmt), to) != 0)
            st = zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                              "graphviz: cannot render %s%s%s",
                              zk_format_name(fmt), gv_msg[0] ? ": " : "",
                              gv_msg);
        if (to && to != out) {
            if (fclose(to) == 0 && st == ZK_OK) {
                pdf_date(mem, nmem, epoch);
                if (fwrite(mem, 1, nmem, out) != nmem)
                    st = zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                                      "cannot write the figure");
            }
            free(mem);
        }
        gvFreeLayout(gvc, dg);
    }
    agseterrf(old);
    agclose(dg);
    if (st == ZK_OK && ferror(out))
        st = zk_error_set(err, ZK_ERR_IO, "", 0, 0, -1,
                          "cannot write the figure");
    return st;
}
