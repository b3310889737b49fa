/*
 * stagebench.c - CPU time of each stage of `zhkg build`, one thread.
 *
 * Reads every file named on the command line (or, for a directory, every
 * *.txt under it) into memory first, so that reading from disk is not
 * counted, then runs the stages of a build on each document in turn (and
 * frees it, as zhkg build does) and prints each stage's CPU time, summed
 * over the documents, and MB/s of input:
 *
 *   normalise  zk_text_from_bytes    (layout, width folding, sentences)
 *   extract    zk_extract            (NER and relation rules)
 *   merge      zk_graph_add_doc
 *   finish     zk_graph_finish
 *   graphml    zk_export_graphml to /dev/null
 *
 *   stagebench RULES_DIR INPUT...
 *
 * Not a test: numbers only (bench/run prints them; docs/performance.md).
 */
#include "zhkg.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct file {
    char *path, *data;
    size_t len;
} file;

static file *files;
static size_t nfiles, capfiles;

static void add_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    if (nfiles == capfiles) {
        capfiles = capfiles ? capfiles * 2 : 256;
        files = realloc(files, capfiles * sizeof *files);
        if (!files)
            exit(1);
    }
    file *x = &files[nfiles++];
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    x->path = strdup(path);
    x->data = malloc((size_t)n + 1);
    x->len = (size_t)n;
    if (!x->path || !x->data || fread(x->data, 1, x->len, f) != x->len) {
        perror(path);
        exit(1);
    }
    fclose(f);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt under dir, in byte order of the names (as zhkg reads them). */
static void add_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        exit(1);
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        size_t l = strlen(dir) + strlen(de->d_name) + 2;
        names[n] = malloc(l);
        if (!names || !names[n])
            exit(1);
        snprintf(names[n++], l, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        size_t l = strlen(names[i]);
        if (stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            add_tree(names[i]);
        else if (l > 4 && strcmp(names[i] + l - 4, ".txt") == 0)
            add_file(names[i]);
        free(names[i]);
    }
    free(names);
}

static void die(const zk_error *err)
{
    char msg[1024];
    zk_error_format(err, msg, sizeof msg);
    fprintf(stderr, "stagebench: %s\n", msg);
    exit(1);
}

static void report(const char *stage, double sec, double mb)
{
    printf("%-10s %7.3f s CPU  %8.1f MB/s\n", stage, sec, mb / sec);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: stagebench RULES_DIR INPUT...\n");
        return 2;
    }
    zk_error err;
    memset(&err, 0, sizeof err);
    double t0 = now();
    zk_rules *r;
    if (zk_rules_load(argv[1], &r, &err) != ZK_OK)
        die(&err);
    double t_rules = now() - t0;
    for (int i = 2; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode))
            add_tree(argv[i]);
        else
            add_file(argv[i]);
    }
    double mb = 0;
    for (size_t i = 0; i < nfiles; i++)
        mb += (double)files[i].len / 1e6;

    /* one document at a time, as zhkg build does: normalise, extract,
     * merge, free; each stage's CPU time summed over the documents */
    zk_graph *g = zk_graph_new();
    double t_text = 0, t_extract = 0, t_merge = 0;
    for (size_t i = 0; i < nfiles; i++) {
        zk_text *text;
        zk_doc *doc;
        t0 = now();
        if (zk_text_from_bytes(files[i].path, files[i].data, files[i].len, NULL, &text,
                               &err) != ZK_OK)
            die(&err);
        double t1 = now();
        if (zk_extract(r, text, &doc, &err) != ZK_OK)
            die(&err);
        double t2 = now();
        if (zk_graph_add_doc(g, doc, &err) != ZK_OK)
            die(&err);
        double t3 = now();
        t_text += t1 - t0;
        t_extract += t2 - t1;
        t_merge += t3 - t2;
        zk_doc_free(doc);
        zk_text_free(text);
    }
    t0 = now();
    if (zk_graph_finish(g, &err) != ZK_OK)
        die(&err);
    double t_finish = now() - t0;
    FILE *null = fopen("/dev/null", "w");
    if (!null)
        return 1;
    t0 = now();
    if (zk_export_graphml(g, null, &err) != ZK_OK)
        die(&err);
    fclose(null);
    double t_export = now() - t0;

    printf("%zu files, %.2f MB; %zu nodes, %zu edges\n", nfiles, mb,
           zk_graph_node_count(g), zk_graph_edge_count(g));
    printf("%-10s %7.3f s CPU\n", "rules", t_rules);
    report("normalise", t_text, mb);
    report("extract", t_extract, mb);
    report("merge", t_merge, mb);
    report("finish", t_finish, mb);
    report("graphml", t_export, mb);
    report("total", t_text + t_extract + t_merge + t_finish + t_export, mb);

    for (size_t i = 0; i < nfiles; i++) {
        free(files[i].data);
        free(files[i].path);
    }
    free(files);
    zk_graph_free(g);
    zk_rules_free(r);
    return 0;
}
