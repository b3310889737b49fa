/*
 * graphgen.c - export benchmark: build a large graph with the builder API
 * and time every exporter on it.
 *
 *   zhkg-graphgen [--nodes N] [--edges M] [--format dot|graphml|jsonld|all]
 *                 [--python] OUTDIR
 *
 * Builds N nodes (default 1,000,000; five types, company-like names) and M
 * edges (default 3,000,000; edge k joins node k % N to a node chosen by a
 * hash, its type fixed by k / N so that no two edges merge), every edge
 * with one piece of evidence (document, sentence, span, rule; every other
 * edge with an origin, every fourth with a title; one sentence for two
 * edges, as in real articles).  Then writes OUTDIR/graph.FORMAT for each
 * format and prints one line per step:
 *
 *   build   nodes=N edges=M seconds=S rss_mb=R graph_mb=G
 *   export  format=F seconds=S cpu_seconds=C plain_seconds=S2
 *           plain_cpu_seconds=C2 bytes=B peak_mb=P peak_over_graph=X
 *
 * seconds is the wall time of zk_export_file (a temporary file, fsync()ed
 * and renamed: it waits for the disk); plain_seconds that of the same
 * export to a plain stream, as NetworkX writes (then removed); the cpu_
 * figures are this process's CPU time (user + system) for each.
 *
 * graph_mb is the resident memory the graph added (VmRSS after
 * zk_graph_finish minus before the first node); peak_mb is the peak
 * resident memory during that export (VmHWM, reset through
 * /proc/self/clear_refs before each export; if the kernel refuses, the
 * peak is cumulative and the line says reset=no).  With --python the same
 * graph is printed as tab-separated lines for bench/nx-graphml.py instead
 * ("n\tid\tlabel\ttype\tmentions", "e\tsrc\tdst\ttype\tdoc\tsentence\t
 * start\tend\trule"), so NetworkX writes exactly this graph.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zhkg.h"

static const char *const node_types[] = {"company", "park", "agency", "institution", "city"};
static const char *const endings[] = {"科技有限公司", "产业园", "知识产权局", "研究院", "市"};
static const char *const edge_types[] = {"relocation", "agreement", "tech_transfer", "located_in"};
static const char syll[] = "华中科创新达宏盛源博瑞睿智联信恒通泰鑫昊宇航海蓝光电云数芯微融汇德安康";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* VmRSS or VmHWM of this process in MB (from /proc/self/status). */
static double proc_mb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    double kb = 0;
    size_t n = strlen(field);
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':')
            kb = strtod(line + n + 1, NULL);
    fclose(f);
    return kb / 1024.0;
}

/* Reset the peak RSS (VmHWM) to the current RSS; 0 on success. */
static int reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f)
        return -1;
    int ok = fputs("5", f) >= 0;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* Name of node i: two to four syllables, the number, a type ending. */
static void node_name(size_t i, char *buf, size_t size)
{
    uint64_t h = mix(i + 1);
    size_t nsyll = (sizeof syll - 1) / 3, k = 2 + h % 3, p = 0;
    for (size_t j = 0; j < k; j++) {
        size_t s = (size_t)((h >> (8 + 6 * j)) % nsyll);
        memcpy(buf + p, syll + 3 * s, 3);
        p += 3;
    }
    snprintf(buf + p, size - p, "%zu%s", i, endings[i % 5]);
}

static size_t edge_target(size_t k, size_t n)
{
    size_t s = k % n;
    return (s + 1 + (size_t)(mix(k * 2 + 1) % (n - 1))) % n;
}

static void sentence_of(size_t k, const char *a, const char *b, char *buf, size_t size)
{
    snprintf(buf, size, "%s与%s签署战略合作协议，双方将在第%zu号项目上开展合作。", a, b, k / 2);
}

static int usage(void)
{
    fputs("usage: zhkg-graphgen [--nodes N] [--edges M] [--format dot|graphml|jsonld|all] "
          "[--python] OUTDIR\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    size_t n = 1000000, m = 3000000;
    const char *format = "all", *outdir = NULL;
    int python = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--nodes") == 0 && i + 1 < argc)
            n = (size_t)strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--edges") == 0 && i + 1 < argc)
            m = (size_t)strtoull(argv[++i], NULL, 10);
        else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
            format = argv[++i];
        else if (strcmp(argv[i], "--python") == 0)
            python = 1;
        else if (argv[i][0] != '-' && !outdir)
            outdir = argv[i];
        else
            return usage();
    }
    if ((!outdir && !python) || n < 2 || m / n >= 4)
        return usage(); /* at most four edge types: m < 4n */

    char a[128], b[128], sent[512], doc[64], title[128];
    if (python) {
        for (size_t i = 0; i < n; i++) {
            node_name(i, a, sizeof a);
            printf("n\t%zu\t%s\t%s\t%zu\n", i, a, node_types[i % 5], 1 + i % 7);
        }
        for (size_t k = 0; k < m; k++) {
            size_t s = k % n, t = edge_target(k, n);
            node_name(s, a, sizeof a);
            node_name(t, b, sizeof b);
            sentence_of(k, a, b, sent, sizeof sent);
            printf("e\t%zu\t%zu\t%s\tnews/%06zu.txt\t%s\t%zu\t%zu\tgen.%zu\n", s, t,
                   edge_types[k / n], k / 6, sent, (k % 100) * 40, (k % 100) * 40 + 120, k % 9);
        }
        return fflush(stdout) == 0 ? 0 : 1;
    }

    double rss0 = proc_mb("VmRSS"), t0 = now();
    zk_graph *g = zk_graph_new();
    size_t *idx = malloc(n * sizeof *idx);
    if (!g || !idx) {
        fputs("zhkg-graphgen: out of memory\n", stderr);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        node_name(i, a, sizeof a);
        idx[i] = zk_graph_add_node(g, a, node_types[i % 5]);
        zk_graph_add_mentions(g, idx[i], 1 + i % 7);
    }
    for (size_t k = 0; k < m; k++) {
        size_t s = k % n, t = edge_target(k, n);
        node_name(s, a, sizeof a);
        node_name(t, b, sizeof b);
        sentence_of(k, a, b, sent, sizeof sent);
        snprintf(doc, sizeof doc, "news/%06zu.txt", k / 6);
        snprintf(title, sizeof title, "第%zu号项目合作协议", k / 2);
        char rule[16];
        snprintf(rule, sizeof rule, "gen.%zu", k % 9);
        zk_graph_add_edge(g, edge_types[k / n], idx[s], idx[t], doc, sent, k % 40,
                          (k % 100) * 40, (k % 100) * 40 + 120, rule,
                          k % 2 ? idx[(s + 7) % n] : (size_t)-1, k % 4 ? NULL : title);
    }
    free(idx);
    zk_error err;
    memset(&err, 0, sizeof err);
    if (zk_graph_finish(g, &err) != ZK_OK) {
        char buf[1200];
        zk_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "zhkg-graphgen: %s\n", buf);
        return 1;
    }
    double t1 = now(), rss1 = proc_mb("VmRSS"), graph_mb = rss1 - rss0;
    printf("build   nodes=%zu edges=%zu seconds=%.2f rss_mb=%.0f graph_mb=%.0f\n",
           zk_graph_node_count(g), zk_graph_edge_count(g), t1 - t0, rss1, graph_mb);
    fflush(stdout);

    static const char *const names[] = {"dot", "graphml", "jsonld"};
    int rc = 0;
    for (int f = 0; f < 3; f++) {
        if (strcmp(format, "all") != 0 && strcmp(format, names[f]) != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/graph.%s", outdir, names[f]);
        int reset = reset_peak() == 0;
        double before = proc_mb("VmRSS"), s0 = now(), c0 = cpu_now();
        memset(&err, 0, sizeof err);
        zk_status st = zk_export_file(g, zk_format_from_name(names[f]), path, &err);
        double s1 = now(), c1 = cpu_now(), peak = proc_mb("VmHWM");
        if (st != ZK_OK) {
            char buf[1200];
            zk_error_format(&err, buf, sizeof buf);
            fprintf(stderr, "zhkg-graphgen: %s\n", buf);
            rc = 1;
            continue;
        }
        FILE *fp = fopen(path, "rb");
        long bytes = -1;
        if (fp && fseek(fp, 0, SEEK_END) == 0)
            bytes = ftell(fp);
        if (fp)
            fclose(fp);
        /* The same export written as NetworkX writes, to a plain stream
         * with no fsync and no rename, so that the two compare: the
         * atomic write above also waits for the disk. */
        char plain[4200];
        snprintf(plain, sizeof plain, "%s.plain", path);
        FILE *pf = fopen(plain, "wb");
        double p0 = now(), pc0 = cpu_now(), p1 = p0, pc1 = pc0;
        if (pf) {
            st = zk_export_stream(g, zk_format_from_name(names[f]), pf, NULL, &err);
            if (fclose(pf) != 0 && st == ZK_OK)
                st = ZK_ERR_IO;
            p1 = now();
            pc1 = cpu_now();
            remove(plain);
        }
        if (!pf || st != ZK_OK) {
            fprintf(stderr, "zhkg-graphgen: cannot write %s\n", plain);
            rc = 1;
        }
        printf("export  format=%s seconds=%.2f cpu_seconds=%.2f plain_seconds=%.2f "
               "plain_cpu_seconds=%.2f bytes=%ld rss_before_mb=%.0f peak_mb=%.0f "
               "peak_over_graph=%.2f reset=%s\n",
               names[f], s1 - s0, c1 - c0, p1 - p0, pc1 - pc0, bytes, before, peak,
               graph_mb > 0 ? (peak - rss0) / graph_mb : 0.0, reset ? "yes" : "no");
        fflush(stdout);
    }
    zk_graph_free(g);
    return rc;
}
