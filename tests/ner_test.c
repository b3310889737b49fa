/*
 * ner_test.c - extraction tests as data.
 *
 * Each tests/ner/NAME.case file holds a short text and what zhkg must (and
 * must not) extract from it with the real rules/ folder:
 *
 *   === input
 *   text (any number of lines)
 *   === expect
 *   entity<TAB>TYPE<TAB>NAME          an entity whose name or alias is NAME
 *   !entity<TAB>NAME                  no entity with this name or alias
 *   edge<TAB>TYPE<TAB>SRC<TAB>DST     an edge (ends given by any of their forms)
 *   !edge<TAB>TYPE<TAB>SRC<TAB>DST    no such edge
 *   alias<TAB>NAME<TAB>ALIAS          NAME and ALIAS are one entity
 *
 * Usage: ner_test RULES_DIR CASE...   Prints "N passed, N failed".
 */
#define _POSIX_C_SOURCE 200809L
#include "zhkg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(s);
        return NULL;
    }
    fclose(f);
    s[n] = '\0';
    *len = (size_t)n;
    return s;
}

static int node_has(const zk_node *n, const char *name)
{
    if (strcmp(n->label, name) == 0)
        return 1;
    for (size_t i = 0; i < n->naliases; i++)
        if (strcmp(n->aliases[i], name) == 0)
            return 1;
    return 0;
}

static long find_node(const zk_graph *g, const char *name)
{
    for (size_t i = 0; i < zk_graph_node_count(g); i++)
        if (node_has(zk_graph_node(g, i), name))
            return (long)i;
    return -1;
}

static int has_edge(const zk_graph *g, const char *type, const char *a, const char *b)
{
    long s = find_node(g, a), t = find_node(g, b);
    if (s < 0 || t < 0)
        return 0;
    for (size_t i = 0; i < zk_graph_edge_count(g); i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (strcmp(e->type, type) != 0)
            continue;
        if ((e->source == (size_t)s && e->target == (size_t)t) ||
            (strcmp(type, "agreement") == 0 && e->source == (size_t)t && e->target == (size_t)s))
            return 1;
    }
    return 0;
}

static int run_case(const zk_rules *rules, const char *path)
{
    size_t len;
    char *data = slurp(path, &len);
    if (!data) {
        printf("FAIL %s: cannot read\n", path);
        return 1;
    }
    char *in = strstr(data, "=== input\n");
    char *ex = strstr(data, "=== expect\n");
    if (!in || !ex || ex < in) {
        printf("FAIL %s: needs === input and === expect sections\n", path);
        free(data);
        return 1;
    }
    in += strlen("=== input\n");
    *ex = '\0';
    ex += strlen("=== expect\n");
    zk_error err;
    zk_text *t = NULL;
    zk_doc *d = NULL;
    zk_graph *g = zk_graph_new();
    int fails = 0;
    if (zk_text_from_utf8(path, in, strlen(in), &t, &err) ||
        zk_extract(rules, t, &d, &err) || zk_graph_add_doc(g, d, &err) ||
        zk_graph_finish(g, &err)) {
        char buf[1200];
        zk_error_format(&err, buf, sizeof buf);
        printf("FAIL %s: %s\n", path, buf);
        fails = 1;
    }
    for (char *line = strtok(ex, "\n"); !fails && line; line = strtok(NULL, "\n")) {
        if (*line == '#' || *line == '\0')
            continue;
        char *f[5] = {0};
        int nf = 0;
        for (char *p = line; nf < 5;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        int ok;
        if (strcmp(f[0], "entity") == 0 && nf == 3) {
            long n = find_node(g, f[2]);
            ok = n >= 0 && strcmp(zk_graph_node(g, (size_t)n)->type, f[1]) == 0;
        } else if (strcmp(f[0], "!entity") == 0 && nf == 2) {
            ok = find_node(g, f[1]) < 0;
        } else if (strcmp(f[0], "edge") == 0 && nf == 4) {
            ok = has_edge(g, f[1], f[2], f[3]);
        } else if (strcmp(f[0], "!edge") == 0 && nf == 4) {
            ok = !has_edge(g, f[1], f[2], f[3]);
        } else if (strcmp(f[0], "alias") == 0 && nf == 3) {
            long a = find_node(g, f[1]);
            ok = a >= 0 && a == find_node(g, f[2]);
        } else {
            printf("FAIL %s: bad expectation line starting %s\n", path, f[0]);
            fails++;
            continue;
        }
        if (!ok) {
            printf("FAIL %s: %s %s %s %s\n", path, f[0], f[1] ? f[1] : "", nf > 2 ? f[2] : "",
                   nf > 3 ? f[3] : "");
            fails++;
        }
    }
    if (fails) {
        printf("  graph of %s:\n", path);
        for (size_t i = 0; g && i < zk_graph_node_count(g); i++)
            printf("    node %s [%s]\n", zk_graph_node(g, i)->label, zk_graph_node(g, i)->type);
        for (size_t i = 0; g && i < zk_graph_edge_count(g); i++) {
            const zk_edge *e = zk_graph_edge(g, i);
            printf("    edge %s %s -> %s (%s)\n", e->type, zk_graph_node(g, e->source)->label,
                   zk_graph_node(g, e->target)->label, e->evidence[0].rule);
        }
    }
    zk_graph_free(g);
    zk_doc_free(d);
    zk_text_free(t);
    free(data);
    return fails ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: ner_test RULES_DIR CASE...\n");
        return 2;
    }
    zk_rules *rules;
    zk_error err;
    if (zk_rules_load(argv[1], &rules, &err)) {
        char buf[1200];
        zk_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
        return 1;
    }
    int passed = 0, failed = 0;
    for (int i = 2; i < argc; i++) {
        if (run_case(rules, argv[i]))
            failed++;
        else
            passed++;
    }
    zk_rules_free(rules);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
