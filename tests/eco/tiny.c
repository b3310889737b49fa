/*
 * tiny.c - a program built against an installed libzhkg (install.sh):
 *
 *   tiny RULES_DIR ARTICLE.txt
 *
 * extracts one article with the public interface only (zhkg.h), prints
 * "N nodes, M edges" and writes the graph as JSON-LD to standard error's
 * bit bucket through zk_export_stream, to show the writers link too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <zhkg.h>

int main(int argc, char **argv)
{
    zk_error err = {0};
    zk_rules *rules = NULL;
    zk_text *text = NULL;
    zk_doc *doc = NULL;
    zk_graph *g = zk_graph_new();
    char buf[1 << 16], msg[1200];
    size_t n;
    FILE *f;
    int rc = 1;

    if (argc != 3 || !(f = fopen(argv[2], "rb"))) {
        fprintf(stderr, "usage: tiny RULES_DIR ARTICLE.txt\n");
        zk_graph_free(g);
        return 2;
    }
    n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (zk_rules_load(argv[1], &rules, &err) == ZK_OK &&
        zk_text_from_utf8(argv[2], buf, n, &text, &err) == ZK_OK &&
        zk_extract(rules, text, &doc, &err) == ZK_OK &&
        zk_graph_add_doc(g, doc, &err) == ZK_OK &&
        zk_graph_finish(g, &err) == ZK_OK) {
        FILE *null = fopen("/dev/null", "w");
        zk_export_opts opts = {0};
        opts.base_iri = "urn:tiny:";
        if (null && zk_export_stream(g, ZK_FMT_JSONLD, null, &opts, &err) == ZK_OK) {
            printf("libzhkg %s: %zu nodes, %zu edges\n", ZHKG_VERSION,
                   zk_graph_node_count(g), zk_graph_edge_count(g));
            rc = 0;
        }
        if (null)
            fclose(null);
    }
    if (rc) {
        zk_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "tiny: %s\n", msg);
    }
    zk_doc_free(doc);
    zk_text_free(text);
    zk_rules_free(rules);
    zk_graph_free(g);
    return rc;
}
