/*
 * export_test.c - graph identity rules and the three exporters.
 *
 *   export_test merge                  merge, labels, ids, ordering, add_doc
 *   export_test golden GOLDEN_DIR      small graph vs tests/golden/small.*
 *   export_test atomic TMP_DIR         zk_export_file's temp file + rename
 *   export_test formats                zk_format_from_path / _name
 *
 * The small graph is built through the builder API and covers every node
 * type, names with （） and ·, an alias that merges two nodes, an edge of
 * each relation type, one with an origin, an agreement with a title, two
 * evidences on one edge, a duplicate evidence and a self-loop (dropped).
 * With ZHKG_UPDATE_GOLDEN=1 the golden files are rewritten instead of
 * compared; review the diff before committing it.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "graph_internal.h"
#include "zhkg.h"

#define NONE ((size_t)-1)

static int failures;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #cond);                                      \
            failures++;                                                    \
        }                                                                  \
    } while (0)

/* ------------------------------------------------------------------ */
/* Fixtures                                                            */

static void build_small(zk_graph *g)
{
    const char *s_reloc = "这座工厂几年前从北京通州搬迁，落址位于天津宝坻的京津中关村科技城。";
    /* 北京 is added first and has more mentions, so it survives the merge
     * with 北京市, but the label is the longest form, 北京市. */
    size_t bj = zk_graph_add_node(g, "北京", "city");
    zk_graph_add_mentions(g, bj, 2);
    zk_graph_add_alias(g, bj, "京");
    size_t bjs = zk_graph_add_node(g, "北京市", "city");
    zk_graph_add_mentions(g, bjs, 1);
    /* Becomes a self-loop when 北京 and 北京市 merge: dropped. */
    zk_graph_add_edge(g, "relocation", bj, bjs, "000.txt", "北京迁往北京市。",
                      0, 0, 24, "relocation.qianwang", NONE, NULL);
    zk_graph_add_alias(g, bjs, "北京");

    size_t tj = zk_graph_add_node(g, "天津市", "city");
    zk_graph_add_alias(g, tj, "津");
    zk_graph_add_mentions(g, tj, 3);
    size_t tz = zk_graph_add_node(g, "通州区", "city");
    size_t bd = zk_graph_add_node(g, "宝坻区", "city");
    size_t park = zk_graph_add_node(g, "京津中关村科技城", "park");
    zk_graph_add_alias(g, park, "科技城");
    zk_graph_add_mentions(g, park, 2);
    size_t park2 = zk_graph_add_node(g, "保定·中关村创新中心", "park");
    size_t bdc = zk_graph_add_node(g, "保定市", "city");
    size_t ag = zk_graph_add_node(g, "天津市知识产权局", "agency");
    size_t co = zk_graph_add_node(g, "天泽电力（天津）有限公司", "company");
    zk_graph_add_alias(g, co, "天泽电力");
    size_t lx = zk_graph_add_node(g, "联想", "company");
    size_t qh = zk_graph_add_node(g, "清华大学", "institution");
    zk_graph_add_mentions(g, qh, 2);

    zk_graph_add_edge(g, "relocation", co, park, "000.txt", s_reloc, 3, 120,
                      222, "relocation.luozhi", tz, NULL);
    zk_graph_add_edge(g, "located_in", park, bd, "000.txt", s_reloc, 3, 120,
                      222, "located_in.weiyu", NONE, NULL);
    zk_graph_add_edge(g, "located_in", park2, bdc, "002.txt",
                      "保定·中关村创新中心位于保定市。", 1, 40, 88,
                      "located_in.weiyu", NONE, NULL);
    zk_graph_add_edge(g, "located_in", ag, tj, "001.txt",
                      "天津市知识产权局位于天津市。", 2, 60, 102,
                      "located_in.weiyu", NONE, NULL);
    /* Given as 天津市 - 北京市; written 北京市 first (node order).  Its
     * span is also known in characters (21 of 3 bytes each): JSON-LD then
     * has a TextPositionSelector besides the DataPositionSelector. */
    zk_graph_add_edge_chars(g, "agreement", tj, bjs, "001.txt",
                            "京津两地签署《京津知识产权保护合作协议》。", 0, 0,
                            63, 0, 21, "agreement.qianshu", NONE,
                            "京津知识产权保护合作协议");
    /* An edge to 联想 before it merges into 联想集团 is re-pointed. */
    zk_graph_add_edge(g, "tech_transfer", qh, lx, "002.txt",
                      "清华大学将R&D成果转化给联想。", 4, 300, 342,
                      "tech_transfer.zhuanhua", NONE, NULL);
    size_t lxg = zk_graph_add_node(g, "联想集团", "company");
    zk_graph_add_mentions(g, lxg, 3);
    zk_graph_add_alias(g, lxg, "联想");
    const char *s_tt = "双方称之为\"北京研发、天津制造\"，清华大学技术落地联想集团。";
    zk_graph_add_edge(g, "tech_transfer", qh, lxg, "001.txt", s_tt, 5, 200,
                      287, "tech_transfer.luodi", NONE, NULL);
    /* The same evidence again: kept once. */
    zk_graph_add_edge(g, "tech_transfer", qh, lxg, "001.txt", s_tt, 5, 200,
                      287, "tech_transfer.luodi", NONE, NULL);
}

/* FNV-1a 64, written out again so the id rule is checked independently. */
static uint64_t fnv(const char *s)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

static size_t node_by_label(const zk_graph *g, const char *label)
{
    for (size_t i = 0; i < zk_graph_node_count(g); i++)
        if (strcmp(zk_graph_node(g, i)->label, label) == 0)
            return i;
    return NONE;
}

static const zk_edge *edge_of(const zk_graph *g, const char *type,
                              const char *src, const char *dst)
{
    size_t s = node_by_label(g, src), t = node_by_label(g, dst);
    for (size_t i = 0; i < zk_graph_edge_count(g); i++) {
        const zk_edge *e = zk_graph_edge(g, i);
        if (strcmp(e->type, type) == 0 && e->source == s && e->target == t)
            return e;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* merge                                                               */

static void test_small_graph(void)
{
    zk_graph *g = zk_graph_new();
    build_small(g);
    CHECK(zk_graph_finish(g, NULL) == ZK_OK);
    CHECK(zk_graph_node_count(g) == 11);
    CHECK(zk_graph_edge_count(g) == 6);

    size_t bj = node_by_label(g, "北京市");
    CHECK(bj != NONE && node_by_label(g, "北京") == NONE);
    const zk_node *n = zk_graph_node(g, bj);
    CHECK(n->naliases == 2 && strcmp(n->aliases[0], "京") == 0 &&
          strcmp(n->aliases[1], "北京") == 0);
    CHECK(n->mentions == 3);
    CHECK(zk_graph_index(g, 0) == bj && zk_graph_index(g, 1) == bj);

    size_t lx = node_by_label(g, "联想集团");
    CHECK(lx != NONE && node_by_label(g, "联想") == NONE);
    CHECK(zk_graph_node(g, lx)->naliases == 1);
    CHECK(zk_graph_node(g, lx)->mentions == 3);

    /* Ids: "n" + 16 hex digits of FNV-1a 64 of the label. */
    for (size_t i = 0; i < zk_graph_node_count(g); i++) {
        char want[32];
        snprintf(want, sizeof want, "n%016" PRIx64,
                 fnv(zk_graph_node(g, i)->label));
        CHECK(strcmp(zk_graph_node(g, i)->id, want) == 0);
    }
    /* Order: city, park, agency, company, institution; then label bytes. */
    static const char *const order[] = {"city", "park", "agency", "company",
                                        "institution"};
    int rank = 0;
    for (size_t i = 0; i < zk_graph_node_count(g); i++) {
        const zk_node *a = zk_graph_node(g, i);
        while (rank < 5 && strcmp(a->type, order[rank]) != 0)
            rank++;
        CHECK(rank < 5);
        if (i && strcmp(zk_graph_node(g, i - 1)->type, a->type) == 0)
            CHECK(strcmp(zk_graph_node(g, i - 1)->label, a->label) < 0);
    }
    /* Edges sorted by (type, source label, target label). */
    for (size_t i = 1; i < zk_graph_edge_count(g); i++) {
        const zk_edge *a = zk_graph_edge(g, i - 1), *b = zk_graph_edge(g, i);
        int c = strcmp(a->type, b->type);
        if (!c)
            c = strcmp(zk_graph_node(g, a->source)->label,
                       zk_graph_node(g, b->source)->label);
        if (!c)
            c = strcmp(zk_graph_node(g, a->target)->label,
                       zk_graph_node(g, b->target)->label);
        CHECK(c < 0);
    }
    for (size_t i = 0; i < zk_graph_edge_count(g); i++)
        CHECK(zk_graph_edge(g, i)->source != zk_graph_edge(g, i)->target);

    const zk_edge *ag = edge_of(g, "agreement", "北京市", "天津市");
    CHECK(ag && ag->nevidence == 1 && ag->evidence[0].title &&
          strcmp(ag->evidence[0].title, "京津知识产权保护合作协议") == 0);
    CHECK(edge_of(g, "agreement", "天津市", "北京市") == NULL);

    const zk_edge *tt = edge_of(g, "tech_transfer", "清华大学", "联想集团");
    CHECK(tt && tt->nevidence == 2);
    CHECK(tt && strcmp(tt->evidence[0].doc, "001.txt") == 0 &&
          strcmp(tt->evidence[1].doc, "002.txt") == 0);

    const zk_edge *re = edge_of(g, "relocation", "天泽电力（天津）有限公司",
                                "京津中关村科技城");
    CHECK(re && re->evidence[0].origin &&
          strcmp(re->evidence[0].origin, "通州区") == 0);
    CHECK(re && re->evidence[0].start == 120 && re->evidence[0].end == 222);

    /* A name known as an alias finds its node; the type stays. */
    size_t b = zk_graph_add_node(g, "津", "agency");
    CHECK(zk_graph_finish(g, NULL) == ZK_OK);
    CHECK(zk_graph_index(g, b) == node_by_label(g, "天津市"));
    CHECK(strcmp(zk_graph_node(g, zk_graph_index(g, b))->type, "city") == 0);
    CHECK(zk_graph_node_count(g) == 11);
    zk_graph_free(g);
}

static void test_label_rules(void)
{
    zk_graph *g = zk_graph_new();
    /* Longest by code points, not bytes: 北京市 (9 bytes, 3 code points)
     * loses to "ABCD" (4 bytes, 4 code points). */
    size_t a = zk_graph_add_node(g, "北京市", "city");
    zk_graph_add_alias(g, a, "ABCD");
    /* Equal length: the smaller byte string wins. */
    size_t b = zk_graph_add_node(g, "XB", "company");
    zk_graph_add_alias(g, b, "XA");
    zk_graph_add_alias(g, b, "XA");          /* twice: still one alias */
    zk_graph_add_alias(g, b, "XB");          /* own label: nothing */
    /* Equal mentions: the lower build index survives, keeps its type. */
    size_t c = zk_graph_add_node(g, "甲", "park");
    size_t d = zk_graph_add_node(g, "甲乙", "agency");
    zk_graph_add_alias(g, d, "甲");
    CHECK(zk_graph_finish(g, NULL) == ZK_OK);
    CHECK(zk_graph_node_count(g) == 3);
    const zk_node *na = zk_graph_node(g, zk_graph_index(g, a));
    CHECK(strcmp(na->label, "ABCD") == 0 && na->naliases == 1 &&
          strcmp(na->aliases[0], "北京市") == 0);
    const zk_node *nb = zk_graph_node(g, zk_graph_index(g, b));
    CHECK(strcmp(nb->label, "XA") == 0 && nb->naliases == 1 &&
          strcmp(nb->aliases[0], "XB") == 0);
    CHECK(zk_graph_index(g, c) == zk_graph_index(g, d));
    const zk_node *nc = zk_graph_node(g, zk_graph_index(g, c));
    CHECK(strcmp(nc->label, "甲乙") == 0 && strcmp(nc->type, "park") == 0);
    /* More mentions win the type. */
    size_t e = zk_graph_add_node(g, "丙", "park");
    size_t f = zk_graph_add_node(g, "丙丁", "agency");
    zk_graph_add_mentions(g, f, 2);
    zk_graph_add_alias(g, e, "丙丁");
    CHECK(zk_graph_finish(g, NULL) == ZK_OK);
    CHECK(strcmp(zk_graph_node(g, zk_graph_index(g, e))->type, "agency") == 0);
    /* Bad arguments are ignored. */
    CHECK(zk_graph_add_node(g, "", "city") == NONE);
    CHECK(zk_graph_add_node(g, NULL, "city") == NONE);
    zk_graph_add_alias(g, 999, "x");
    zk_graph_add_edge(g, "located_in", 999, a, "d", "s", 0, 0, 1, "r", NONE,
                      NULL);
    CHECK(zk_graph_finish(g, NULL) == ZK_OK);
    CHECK(zk_graph_node_count(g) == 4 && zk_graph_edge_count(g) == 0);
    zk_graph_free(g);
}

static zk_doc *make_doc(const char *name, const char *company,
                        const char *alias)
{
    zk_doc *d = zk_doc_new(name, 1);
    d->sent[0].text = strdup("清华大学技术转移给联想。");
    d->sent[0].start = 10;
    d->sent[0].end = 46;
    size_t q = zk_doc_entity(d, "清华大学", "institution");
    size_t c = zk_doc_entity(d, company, "company");
    if (alias)
        zk_doc_entity_alias(d, c, alias);
    d->ent[c].mentions = 2;
    d->ent[q].mentions = 1;
    zk_doc_add_edge(d, "tech_transfer", q, c, 0, "tech_transfer.zhuanyi", -1,
                    NULL);
    return d;
}

static void test_add_doc(void)
{
    zk_graph *g = zk_graph_new();
    zk_error err;
    /* doc 1 says 联想, doc 2 says 联想集团 (alias 联想): one node. */
    zk_doc *d1 = make_doc("a.txt", "联想", NULL);
    zk_doc *d2 = make_doc("b.txt", "联想集团", "联想");
    CHECK(zk_graph_add_doc(g, d1, &err) == ZK_OK);
    CHECK(zk_graph_add_doc(g, d2, &err) == ZK_OK);
    zk_doc_free(d1);   /* the graph keeps its own copies */
    zk_doc_free(d2);
    CHECK(zk_graph_finish(g, &err) == ZK_OK);
    CHECK(zk_graph_node_count(g) == 2 && zk_graph_edge_count(g) == 1);
    size_t lx = node_by_label(g, "联想集团");
    CHECK(lx != NONE && zk_graph_node(g, lx)->mentions == 4);
    const zk_edge *e = zk_graph_edge(g, 0);
    CHECK(e->target == lx && e->nevidence == 2);
    CHECK(strcmp(e->evidence[0].doc, "a.txt") == 0 &&
          strcmp(e->evidence[0].sentence, "清华大学技术转移给联想。") == 0 &&
          e->evidence[0].start == 10 && e->evidence[0].end == 46 &&
          e->evidence[0].origin == NULL);

    /* An edge pointing past the entities is refused, graph unchanged. */
    zk_doc *bad = make_doc("bad.txt", "百度", NULL);
    bad->edge[0].target = 7;
    CHECK(zk_graph_add_doc(g, bad, &err) == ZK_ERR_INPUT);
    CHECK(strcmp(err.file, "bad.txt") == 0);
    zk_doc_free(bad);
    CHECK(zk_graph_finish(g, &err) == ZK_OK);
    CHECK(zk_graph_node_count(g) == 2 && node_by_label(g, "百度") == NONE);
    zk_graph_free(g);
}

/* ------------------------------------------------------------------ */
/* golden                                                              */

typedef zk_status (*writer_fn)(const zk_graph *, FILE *, zk_error *);

static const struct {
    const char *ext;
    writer_fn write;
    zk_format fmt;
} formats[] = {
    {"dot", zk_export_dot, ZK_FMT_DOT},
    {"graphml", zk_export_graphml, ZK_FMT_GRAPHML},
    {"jsonld", zk_export_jsonld, ZK_FMT_JSONLD},
};

static char *render(const zk_graph *g, writer_fn w, size_t *len)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    zk_error err;
    CHECK(f && w(g, f, &err) == ZK_OK);
    fclose(f);
    return buf;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    do {
        if (n + 4096 > cap)
            buf = realloc(buf, cap = cap * 2 + 4096);
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

/* The CSV directory: written to a temporary directory and compared file
 * by file with GOLDEN_DIR/small.csv/ (or written there when updating). */
static void golden_csv(const zk_graph *g, const char *dir, int update)
{
    static const char *const files[] = {"nodes.csv", "edges.csv",
                                        "kuzu_nodes.csv", "kuzu_edges.csv",
                                        "schema.cypher"};
    char gold[4096], tmp[] = "/tmp/zhkg-csv-XXXXXX";
    zk_error err;
    snprintf(gold, sizeof gold, "%s/small.csv", dir);
    if (update) {
        CHECK(zk_export_csv(g, gold, NULL, &err) == ZK_OK);
        fprintf(stderr, "updated %s/\n", gold);
        return;
    }
    CHECK(mkdtemp(tmp) != NULL);
    CHECK(zk_export_csv(g, tmp, NULL, &err) == ZK_OK);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char a[4200], b[4200];
        size_t na = 0, nb = 0;
        snprintf(a, sizeof a, "%s/%s", gold, files[i]);
        snprintf(b, sizeof b, "%s/%s", tmp, files[i]);
        char *want = slurp(a, &na), *got = slurp(b, &nb);
        if (!want || !got || na != nb || memcmp(want, got, na) != 0) {
            fprintf(stderr, "%s differs from the output (run with "
                    "ZHKG_UPDATE_GOLDEN=1 to rewrite it, then review the "
                    "diff)\n", a);
            failures++;
        }
        free(want);
        free(got);
        unlink(b);
    }
    rmdir(tmp);
}

static void test_golden(const char *dir)
{
    zk_graph *g = zk_graph_new(), *g2 = zk_graph_new();
    build_small(g);
    build_small(g2);
    zk_error err;
    CHECK(zk_graph_finish(g, &err) == ZK_OK);
    CHECK(zk_graph_finish(g2, &err) == ZK_OK);
    int update = getenv("ZHKG_UPDATE_GOLDEN") &&
                 strcmp(getenv("ZHKG_UPDATE_GOLDEN"), "1") == 0;
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/small.%s", dir, formats[i].ext);
        size_t n, n2, ng;
        char *out = render(g, formats[i].write, &n);
        char *out2 = render(g2, formats[i].write, &n2);
        /* Deterministic: two builds, byte-identical output. */
        CHECK(n == n2 && memcmp(out, out2, n) == 0);
        if (update) {
            CHECK(zk_export_file(g, formats[i].fmt, path, &err) == ZK_OK);
            fprintf(stderr, "updated %s\n", path);
        } else {
            char *want = slurp(path, &ng);
            if (!want || ng != n || memcmp(want, out, n) != 0) {
                fprintf(stderr, "%s differs from the output (run with "
                        "ZHKG_UPDATE_GOLDEN=1 to rewrite it, then review "
                        "the diff)\n", path);
                failures++;
            }
            free(want);
        }
        free(out);
        free(out2);
    }
    golden_csv(g, dir, update);
    zk_graph_free(g);
    zk_graph_free(g2);
}

/* ------------------------------------------------------------------ */
/* atomic                                                              */

/* Number of entries of dir other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

static void test_atomic(const char *tmpdir)
{
    char dir[4096], path[4200], sub[4200], missing[4200];
    snprintf(dir, sizeof dir, "%s/atomic.XXXXXX", tmpdir);
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/out.graphml", dir);
    zk_graph *g = zk_graph_new();
    build_small(g);
    zk_error err;
    CHECK(zk_graph_finish(g, &err) == ZK_OK);

    /* A good write. */
    CHECK(zk_export_file(g, ZK_FMT_NONE, path, &err) == ZK_OK);
    size_t n0, n1;
    char *before = slurp(path, &n0);
    CHECK(before && n0 > 1000);
    CHECK(count_entries(dir) == 1);

    /* Writes that fail half-way (file size limit, EFBIG): the previous
     * file stays as it was and no temporary file is left. */
    struct rlimit old, lim;
    CHECK(getrlimit(RLIMIT_FSIZE, &old) == 0);
    signal(SIGXFSZ, SIG_IGN);
    lim = old;
    lim.rlim_cur = 512;
    CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
    zk_graph *big = zk_graph_new();
    build_small(big);
    zk_graph_add_node(big, "雄安新区", "city");   /* different content */
    CHECK(zk_graph_finish(big, &err) == ZK_OK);
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        memset(&err, 0, sizeof err);
        CHECK(zk_export_file(big, formats[i].fmt, path, &err) == ZK_ERR_IO);
        CHECK(strcmp(err.file, path) == 0);
    }
    CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
    char *after = slurp(path, &n1);
    CHECK(after && n1 == n0 && memcmp(before, after, n0) == 0);
    CHECK(count_entries(dir) == 1);
    free(after);

    /* rename() fails: the target is a directory. */
    snprintf(sub, sizeof sub, "%s/taken.jsonld", dir);
    CHECK(mkdir(sub, 0755) == 0);
    snprintf(missing, sizeof missing, "%s/taken.jsonld/x", dir);
    FILE *f = fopen(missing, "w");   /* non-empty, so rename cannot replace */
    CHECK(f != NULL);
    if (f)
        fclose(f);
    CHECK(zk_export_file(g, ZK_FMT_NONE, sub, &err) == ZK_ERR_IO);
    CHECK(strcmp(err.file, sub) == 0);
    CHECK(count_entries(dir) == 2);
    unlink(missing);
    rmdir(sub);

    /* The directory does not exist. */
    snprintf(missing, sizeof missing, "%s/no/such/dir/out.dot", dir);
    CHECK(zk_export_file(g, ZK_FMT_NONE, missing, &err) == ZK_ERR_IO);
    CHECK(strcmp(err.file, missing) == 0 && err.msg[0]);

    /* Replacing works and keeps the mode of the old file. */
    CHECK(chmod(path, 0640) == 0);
    CHECK(zk_export_file(big, ZK_FMT_GRAPHML, path, &err) == ZK_OK);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640);
    after = slurp(path, &n1);
    CHECK(after && (n1 != n0 || memcmp(before, after, n0) != 0));
    CHECK(count_entries(dir) == 1);
    free(after);
    free(before);
    unlink(path);
    rmdir(dir);
    zk_graph_free(g);
    zk_graph_free(big);
}

static void test_formats(void)
{
    CHECK(zk_format_from_path("a/b.dot") == ZK_FMT_DOT);
    CHECK(zk_format_from_path("b.gv") == ZK_FMT_DOT);
    CHECK(zk_format_from_path("x.GraphML") == ZK_FMT_GRAPHML);
    CHECK(zk_format_from_path("x.jsonld") == ZK_FMT_JSONLD);
    CHECK(zk_format_from_path("x.json") == ZK_FMT_JSONLD);
    CHECK(zk_format_from_path("x.txt") == ZK_FMT_NONE);
    CHECK(zk_format_from_path("dir.dot/x") == ZK_FMT_NONE);
    CHECK(zk_format_from_path(".dot") == ZK_FMT_NONE);
    CHECK(zk_format_from_path("-") == ZK_FMT_NONE);
    CHECK(zk_format_from_name("graphml") == ZK_FMT_GRAPHML);
    CHECK(zk_format_from_name("JSONLD") == ZK_FMT_JSONLD);
    CHECK(zk_format_from_name("pptx") == ZK_FMT_NONE);
    CHECK(zk_format_from_name("svg") == ZK_FMT_SVG);
    CHECK(zk_format_from_name("PNG") == ZK_FMT_PNG);
    CHECK(zk_format_from_name("pdf") == ZK_FMT_PDF);
    CHECK(zk_format_from_name("csv") == ZK_FMT_CSV);
    CHECK(zk_format_from_path("fig/a.svg") == ZK_FMT_SVG);
    CHECK(zk_format_from_path("out/neo4j/") == ZK_FMT_CSV);
    CHECK(zk_format_from_path("nodes.csv") == ZK_FMT_NONE);  /* a directory */
    CHECK(zk_format_is_figure(ZK_FMT_PDF) && !zk_format_is_figure(ZK_FMT_DOT));
    CHECK(strcmp(zk_format_name(ZK_FMT_GRAPHML), "graphml") == 0);
    zk_graph *g = zk_graph_new();
    zk_error err;
    CHECK(zk_export_file(g, ZK_FMT_NONE, "out.pptx", &err) == ZK_ERR_USAGE);
    CHECK(zk_export_file(g, ZK_FMT_CSV, "-", &err) == ZK_ERR_USAGE);
    zk_export_opts o;
    memset(&o, 0, sizeof o);
    CHECK(zk_export_opts_check(&o, &err) == ZK_OK);
    o.base_iri = "urn:zhkg:";
    CHECK(zk_export_opts_check(&o, &err) == ZK_OK);
    o.base_iri = "zhkg/nodes/";
    CHECK(zk_export_opts_check(&o, &err) == ZK_ERR_USAGE);
    o.base_iri = "https://ex.org/a b/";
    CHECK(zk_export_opts_check(&o, &err) == ZK_ERR_USAGE);
    o.base_iri = NULL;
    o.layout = "circo";
    CHECK(zk_export_opts_check(&o, &err) == ZK_ERR_USAGE);
    o.layout = "sfdp";
    CHECK(zk_export_opts_check(&o, &err) == ZK_OK);
    zk_graph_free(g);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (strcmp(what, "merge") == 0) {
        test_small_graph();
        test_label_rules();
        test_add_doc();
    } else if (strcmp(what, "golden") == 0 && argc > 2) {
        test_golden(argv[2]);
    } else if (strcmp(what, "atomic") == 0 && argc > 2) {
        test_atomic(argv[2]);
    } else if (strcmp(what, "formats") == 0) {
        test_formats();
    } else {
        fprintf(stderr, "usage: export_test merge|formats|golden DIR|"
                        "atomic TMPDIR\n");
        return 2;
    }
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
