/*
 * doc_json.c - a document's extraction result (zk_doc) as one line of
 * JSON, and back: the lines of the JSON Lines files of `zhkg extract`,
 * `zhkg merge` and incremental updates (format: docs/scale.md; reading
 * files of them: jsonl.c).
 *
 * Writing builds a cJSON tree in a fixed key order and prints it without
 * formatting: cJSON escapes control characters (so a line never holds a
 * raw newline or tab) and leaves UTF-8 as it is, so the same document
 * always gives the same bytes.  Every field of zk_doc is written, so a
 * document read back is the document that was written (round trip).
 *
 * Reading trusts nothing: the line must be valid UTF-8 and parse as JSON
 * (an error gives the column, in characters, where cJSON stopped), and
 * then every field is checked for its type, every index for its range and
 * every key for being known, so that zk_graph_add_doc() and the exporters
 * only ever see what zk_extract() could have produced.  Such errors name
 * the field as a path: `entities[3].aliases[0]: expected a string`.
 */
#include "doc.h"
#include "util.h"

#include <cjson/cJSON.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ZK_JSON_VERSION 1
#define MAX_EXACT 9007199254740992.0   /* 2^53: integers a double holds */

/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void add_span(cJSON *o, const char *key, size_t a, size_t b)
{
    cJSON *s = cJSON_AddArrayToObject(o, key);
    cJSON_AddItemToArray(s, cJSON_CreateNumber((double)a));
    cJSON_AddItemToArray(s, cJSON_CreateNumber((double)b));
}

static cJSON *doc_tree(const zk_doc *d)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "zhkg", ZK_JSON_VERSION);
    cJSON_AddStringToObject(root, "name", d->name ? d->name : "");
    cJSON_AddStringToObject(root, "sha256", d->hash ? d->hash : "");

    cJSON *arr = cJSON_AddArrayToObject(root, "sentences");
    for (size_t i = 0; i < d->nsent; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "text", d->sent[i].text ? d->sent[i].text : "");
        add_span(o, "span", d->sent[i].start, d->sent[i].end);
        add_span(o, "chars", d->sent[i].cstart, d->sent[i].cend);
        cJSON_AddItemToArray(arr, o);
    }

    arr = cJSON_AddArrayToObject(root, "entities");
    for (size_t i = 0; i < d->nent; i++) {
        const zk_entity *e = &d->ent[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", e->name);
        cJSON_AddStringToObject(o, "type", e->type);
        cJSON *al = cJSON_AddArrayToObject(o, "aliases");
        for (size_t k = 0; k < e->naliases; k++)
            cJSON_AddItemToArray(al, cJSON_CreateString(e->aliases[k]));
        cJSON_AddNumberToObject(o, "mentions", (double)e->mentions);
        cJSON *fl = cJSON_AddArrayToObject(o, "flags");
        if (e->lex_org)
            cJSON_AddItemToArray(fl, cJSON_CreateString("lex_org"));
        if (e->canon_seen)
            cJSON_AddItemToArray(fl, cJSON_CreateString("canon_seen"));
        cJSON_AddItemToArray(arr, o);
    }

    arr = cJSON_AddArrayToObject(root, "mentions");
    for (size_t i = 0; i < d->nmen; i++) {
        const zk_mention *m = &d->men[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "entity", (double)m->entity);
        cJSON_AddNumberToObject(o, "sentence", (double)m->sentence);
        add_span(o, "span", m->start, m->end);
        add_span(o, "norm", m->nstart, m->nend);
        cJSON_AddStringToObject(o, "surface", m->surface ? m->surface : "");
        cJSON_AddStringToObject(o, "rule", m->rule ? m->rule : "");
        cJSON_AddItemToArray(arr, o);
    }

    arr = cJSON_AddArrayToObject(root, "edges");
    for (size_t i = 0; i < d->nedge; i++) {
        const zk_doc_edge *e = &d->edge[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "type", e->type);
        cJSON_AddNumberToObject(o, "source", (double)e->source);
        cJSON_AddNumberToObject(o, "target", (double)e->target);
        cJSON_AddNumberToObject(o, "sentence", (double)e->sentence);
        cJSON_AddStringToObject(o, "rule", e->rule ? e->rule : "");
        if (e->origin >= 0)
            cJSON_AddNumberToObject(o, "origin", (double)e->origin);
        if (e->title)
            cJSON_AddStringToObject(o, "title", e->title);
        cJSON_AddItemToArray(arr, o);
    }
    return root;
}

char *zk_doc_to_json(const zk_doc *d)
{
    if (!d)
        return NULL;
    cJSON *root = doc_tree(d);
    char *s = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return s;
}

/* ------------------------------------------------------------------ */
/* Reading: checked access to the parsed tree                          */

/* Where a check failed: the message, with the field's path in front. */
typedef struct jctx {
    zk_error *err;
    zk_status st;              /* ZK_OK until the first failure */
} jctx;

static int fail(jctx *c, const char *path, const char *what)
{
    if (c->st == ZK_OK)
        c->st = zk_error_set(c->err, ZK_ERR_INPUT, "", 0, 0, -1, "%s%s%s",
                             path, *path ? ": " : "", what);
    return 0;
}

/* path + "." + key or path + "[i]" into buf. */
static const char *sub(char *buf, size_t n, const char *path, const char *key,
                       size_t i)
{
    char idx[32];
    const char *sep = key ? (*path ? "." : "") : "", *tail = key;
    if (!key) {
        snprintf(idx, sizeof idx, "[%zu]", i);
        tail = idx;
    }
    size_t k = 0;                 /* a long path is cut, which is fine */
    for (const char *part[] = {path, sep, tail}, **q = part; q < part + 3; q++)
        for (const char *t = *q; *t && k + 1 < n; t++)
            buf[k++] = *t;
    buf[k] = '\0';
    return buf;
}

/* Every key of o must be one of keys (NULL-terminated). */
static int known_keys(jctx *c, const cJSON *o, const char *path,
                      const char *const *keys)
{
    for (const cJSON *it = o->child; it; it = it->next) {
        size_t k = 0;
        while (keys[k] && strcmp(keys[k], it->string) != 0)
            k++;
        if (!keys[k]) {
            char p[256], m[160];
            snprintf(m, sizeof m, "unknown key \"%.100s\"", it->string);
            return fail(c, sub(p, sizeof p, path, it->string, 0), m);
        }
    }
    return 1;
}

static const cJSON *field(jctx *c, const cJSON *o, const char *path,
                          const char *key, int required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v && required) {
        char m[160];
        snprintf(m, sizeof m, "missing key \"%s\"", key);
        fail(c, path, m);
    }
    return v;
}

/* A string field; *out points into the tree.  nonempty: "" refused. */
static int get_str(jctx *c, const cJSON *v, const char *path, int nonempty,
                   const char **out)
{
    if (!cJSON_IsString(v))
        return fail(c, path, "expected a string");
    if (nonempty && !v->valuestring[0])
        return fail(c, path, "expected a non-empty string");
    *out = v->valuestring;
    return 1;
}

/* A non-negative integer below limit (and exact in a double). */
static int get_uint(jctx *c, const cJSON *v, const char *path, double limit,
                    size_t *out)
{
    if (!cJSON_IsNumber(v))
        return fail(c, path, "expected a number");
    double x = v->valuedouble;
    /* in this order: the cast is defined only below 2^64 */
    if (!(x >= 0 && x < MAX_EXACT) || x != (double)(uint64_t)x)
        return fail(c, path, "expected a whole number >= 0");
    if (x >= limit) {
        char m[128];
        snprintf(m, sizeof m, "%.0f is out of range (below %.0f expected)", x,
                 limit);
        return fail(c, path, m);
    }
    *out = (size_t)x;
    return 1;
}

static int get_span(jctx *c, const cJSON *v, const char *path, size_t *a,
                    size_t *b)
{
    char p[256];
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 2)
        return fail(c, path, "expected [start, end]");
    if (!get_uint(c, v->child, sub(p, sizeof p, path, NULL, 0), MAX_EXACT, a) ||
        !get_uint(c, v->child->next, sub(p, sizeof p, path, NULL, 1),
                  MAX_EXACT, b))
        return 0;
    if (*a > *b)
        return fail(c, path, "start after end");
    return 1;
}

static const cJSON *get_array(jctx *c, const cJSON *o, const char *path,
                              const char *key, size_t *n)
{
    char p[256];
    const cJSON *v = field(c, o, path, key, 1);
    if (!v)
        return NULL;
    if (!cJSON_IsArray(v)) {
        fail(c, sub(p, sizeof p, path, key, 0), "expected an array");
        return NULL;
    }
    *n = (size_t)cJSON_GetArraySize(v);
    return v;
}

static int is_hex64(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return i == 64;
}

/* ------------------------------------------------------------------ */
/* Reading: the document                                               */

static int read_sentences(jctx *c, const cJSON *arr, zk_doc *d)
{
    static const char *const keys[] = {"text", "span", "chars", NULL};
    char p[64], q[256];
    size_t i = 0;
    for (const cJSON *o = arr->child; o; o = o->next, i++) {
        zk_doc_sentence *s = &d->sent[i];
        const char *text;
        sub(p, sizeof p, "sentences", NULL, i);
        if (!cJSON_IsObject(o))
            return fail(c, p, "expected an object");
        if (!known_keys(c, o, p, keys))
            return 0;
        const cJSON *t = field(c, o, p, "text", 1), *sp = field(c, o, p, "span", 1),
                    *ch = field(c, o, p, "chars", 1);
        if (!t || !sp || !ch ||
            !get_str(c, t, sub(q, sizeof q, p, "text", 0), 0, &text) ||
            !get_span(c, sp, sub(q, sizeof q, p, "span", 0), &s->start, &s->end) ||
            !get_span(c, ch, sub(q, sizeof q, p, "chars", 0), &s->cstart,
                      &s->cend))
            return 0;
        s->text = zk_xstrdup(text);
    }
    return 1;
}

static int read_entity(jctx *c, const cJSON *o, const char *p, zk_entity *e)
{
    static const char *const keys[] = {"name", "type", "aliases", "mentions",
                                       "flags", NULL};
    char q[256], r[256];
    const char *name, *type;
    size_t n, na, nf;

    if (!cJSON_IsObject(o))
        return fail(c, p, "expected an object");
    if (!known_keys(c, o, p, keys))
        return 0;
    const cJSON *vn = field(c, o, p, "name", 1), *vt = field(c, o, p, "type", 1),
                *vm = field(c, o, p, "mentions", 1);
    if (!vn || !vt || !vm ||
        !get_str(c, vn, sub(q, sizeof q, p, "name", 0), 1, &name) ||
        !get_str(c, vt, sub(q, sizeof q, p, "type", 0), 1, &type) ||
        !get_uint(c, vm, sub(q, sizeof q, p, "mentions", 0),
                  (double)ULONG_MAX < MAX_EXACT ? (double)ULONG_MAX : MAX_EXACT,
                  &n))
        return 0;
    const cJSON *al = get_array(c, o, p, "aliases", &na);
    const cJSON *fl = al ? get_array(c, o, p, "flags", &nf) : NULL;
    if (!fl)
        return 0;
    e->name = zk_xstrdup(name);
    e->type = zk_xstrdup(type);
    e->mentions = (unsigned long)n;
    e->aliases = na ? zk_xcalloc(na, sizeof *e->aliases) : NULL;
    sub(q, sizeof q, p, "aliases", 0);
    for (const cJSON *a = al->child; a; a = a->next) {
        const char *s;
        if (!get_str(c, a, sub(r, sizeof r, q, NULL, e->naliases), 1, &s))
            return 0;
        e->aliases[e->naliases++] = zk_xstrdup(s);
    }
    sub(q, sizeof q, p, "flags", 0);
    size_t k = 0;
    for (const cJSON *f = fl->child; f; f = f->next, k++) {
        const char *s;
        sub(r, sizeof r, q, NULL, k);
        if (!get_str(c, f, r, 1, &s))
            return 0;
        if (strcmp(s, "lex_org") == 0)
            e->lex_org = 1;
        else if (strcmp(s, "canon_seen") == 0)
            e->canon_seen = 1;
        else
            return fail(c, r, "unknown flag (lex_org or canon_seen expected)");
    }
    return 1;
}

static int read_mention(jctx *c, const cJSON *o, const char *p, zk_doc *d,
                        zk_mention *m)
{
    static const char *const keys[] = {"entity", "sentence", "span", "norm",
                                       "surface", "rule", NULL};
    char q[256];
    const char *surface, *rule;

    if (!cJSON_IsObject(o))
        return fail(c, p, "expected an object");
    if (!known_keys(c, o, p, keys))
        return 0;
    const cJSON *ve = field(c, o, p, "entity", 1),
                *vs = field(c, o, p, "sentence", 1),
                *sp = field(c, o, p, "span", 1), *np = field(c, o, p, "norm", 1),
                *su = field(c, o, p, "surface", 1), *ru = field(c, o, p, "rule", 1);
    if (!ve || !vs || !sp || !np || !su || !ru ||
        !get_uint(c, ve, sub(q, sizeof q, p, "entity", 0), (double)d->nent,
                  &m->entity) ||
        !get_uint(c, vs, sub(q, sizeof q, p, "sentence", 0), (double)d->nsent,
                  &m->sentence) ||
        !get_span(c, sp, sub(q, sizeof q, p, "span", 0), &m->start, &m->end) ||
        !get_span(c, np, sub(q, sizeof q, p, "norm", 0), &m->nstart, &m->nend) ||
        !get_str(c, su, sub(q, sizeof q, p, "surface", 0), 0, &surface) ||
        !get_str(c, ru, sub(q, sizeof q, p, "rule", 0), 0, &rule))
        return 0;
    m->surface = zk_xstrdup(surface);
    m->rule = zk_xstrdup(rule);
    return 1;
}

static int read_edge(jctx *c, const cJSON *o, const char *p, zk_doc *d,
                     zk_doc_edge *e)
{
    static const char *const keys[] = {"type", "source", "target", "sentence",
                                       "rule", "origin", "title", NULL};
    char q[256];
    const char *type, *rule, *title = NULL;
    size_t origin = 0;

    e->origin = -1;
    if (!cJSON_IsObject(o))
        return fail(c, p, "expected an object");
    if (!known_keys(c, o, p, keys))
        return 0;
    const cJSON *vt = field(c, o, p, "type", 1), *vs = field(c, o, p, "source", 1),
                *vd = field(c, o, p, "target", 1),
                *vn = field(c, o, p, "sentence", 1), *vr = field(c, o, p, "rule", 1),
                *vo = field(c, o, p, "origin", 0), *vi = field(c, o, p, "title", 0);
    if (!vt || !vs || !vd || !vn || !vr ||
        !get_str(c, vt, sub(q, sizeof q, p, "type", 0), 1, &type) ||
        !get_uint(c, vs, sub(q, sizeof q, p, "source", 0), (double)d->nent,
                  &e->source) ||
        !get_uint(c, vd, sub(q, sizeof q, p, "target", 0), (double)d->nent,
                  &e->target) ||
        !get_uint(c, vn, sub(q, sizeof q, p, "sentence", 0), (double)d->nsent,
                  &e->sentence) ||
        !get_str(c, vr, sub(q, sizeof q, p, "rule", 0), 0, &rule))
        return 0;
    if (vo && !cJSON_IsNull(vo) &&
        !get_uint(c, vo, sub(q, sizeof q, p, "origin", 0), (double)d->nent,
                  &origin))
        return 0;
    if (vi && !cJSON_IsNull(vi) &&
        !get_str(c, vi, sub(q, sizeof q, p, "title", 0), 0, &title))
        return 0;
    e->type = zk_xstrdup(type);
    e->rule = zk_xstrdup(rule);
    if (vo && !cJSON_IsNull(vo))
        e->origin = (long)origin;
    e->title = title ? zk_xstrdup(title) : NULL;
    return 1;
}

static int read_doc(jctx *c, const cJSON *root, zk_doc **out)
{
    static const char *const keys[] = {"zhkg", "name", "sha256", "sentences",
                                       "entities", "mentions", "edges", NULL};
    const char *name, *hash;
    size_t ns, ne, nm, nd, ver;
    char p[64];

    if (!cJSON_IsObject(root))
        return fail(c, "", "expected a JSON object (one document per line)");
    if (!known_keys(c, root, "", keys))
        return 0;
    const cJSON *v = field(c, root, "", "zhkg", 1);
    if (!v || !get_uint(c, v, "zhkg", MAX_EXACT, &ver))
        return 0;
    if (ver != ZK_JSON_VERSION)
        return fail(c, "zhkg", "unsupported format version (1 expected)");
    const cJSON *vn = field(c, root, "", "name", 1),
                *vh = field(c, root, "", "sha256", 1);
    if (!vn || !vh || !get_str(c, vn, "name", 1, &name) ||
        !get_str(c, vh, "sha256", 0, &hash))
        return 0;
    if (!is_hex64(hash))
        return fail(c, "sha256", "expected 64 lowercase hex digits");
    const cJSON *sa = get_array(c, root, "", "sentences", &ns);
    const cJSON *ea = sa ? get_array(c, root, "", "entities", &ne) : NULL;
    const cJSON *ma = ea ? get_array(c, root, "", "mentions", &nm) : NULL;
    const cJSON *da = ma ? get_array(c, root, "", "edges", &nd) : NULL;
    if (!da)
        return 0;

    zk_doc *d = zk_doc_new(name, ns);
    *out = d;
    d->hash = zk_xstrdup(hash);
    if (!read_sentences(c, sa, d))
        return 0;
    d->ent = ne ? zk_xcalloc(ne, sizeof *d->ent) : NULL;
    d->capent = ne;
    for (const cJSON *o = ea->child; o; o = o->next) {
        /* counted before it is filled, so zk_doc_free frees a half entity */
        zk_entity *e = &d->ent[d->nent++];
        if (!read_entity(c, o, sub(p, sizeof p, "entities", NULL, d->nent - 1), e))
            return 0;
    }
    d->men = nm ? zk_xcalloc(nm, sizeof *d->men) : NULL;
    d->capmen = nm;
    for (const cJSON *o = ma->child; o; o = o->next) {
        zk_mention *m = &d->men[d->nmen++];
        if (!read_mention(c, o, sub(p, sizeof p, "mentions", NULL, d->nmen - 1),
                          d, m))
            return 0;
    }
    d->edge = nd ? zk_xcalloc(nd, sizeof *d->edge) : NULL;
    d->capedge = nd;
    for (const cJSON *o = da->child; o; o = o->next) {
        zk_doc_edge *e = &d->edge[d->nedge++];
        if (!read_edge(c, o, sub(p, sizeof p, "edges", NULL, d->nedge - 1), d, e))
            return 0;
    }
    return 1;
}

/* Byte offset of the first invalid UTF-8 sequence or NUL in s, or -1. */
static long long bad_utf8_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = (unsigned char)s[i] < 0x80 ? 1 : zk_utf8_decode(s + i, n - i, &cp);
        if (k == 0 || s[i] == '\0')
            return (long long)i;
        i += k;
    }
    return -1;
}

/* Byte offset of an escaped NUL (\u0000, which would cut a C string short
 * without a trace) in s, or -1.  A backslash counts when it is not itself
 * escaped, that is when an even number of backslashes precede it. */
static long long escaped_nul_at(const char *s, size_t n)
{
    for (size_t i = 0; i + 6 <= n; i++) {
        if (s[i] != '\\' || s[i + 1] != 'u' || memcmp(s + i + 2, "0000", 4) != 0)
            continue;
        size_t k = 0;
        while (k < i && s[i - 1 - k] == '\\')
            k++;
        if (k % 2 == 0)
            return (long long)i;
    }
    return -1;
}

/* 1-based column, in characters, of byte offset off in s. */
static long column_of(const char *s, size_t off)
{
    long col = 1;
    for (size_t i = 0; i < off; i++)
        col += ((unsigned char)s[i] & 0xC0) != 0x80;
    return col;
}

zk_status zk_doc_from_json(const char *json, size_t len, zk_doc **out,
                           zk_error *err)
{
    if (!out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_doc_from_json: NULL argument");
    *out = NULL;
    if (!json)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1,
                            "zk_doc_from_json: NULL argument");
    long long bad = bad_utf8_at(json, len);
    if (bad >= 0)
        return zk_error_set(err, ZK_ERR_INPUT, "", 0,
                            column_of(json, (size_t)bad), -1,
                            json[bad] ? "invalid UTF-8" : "NUL byte");
    if ((bad = escaped_nul_at(json, len)) >= 0)
        return zk_error_set(err, ZK_ERR_INPUT, "", 0,
                            column_of(json, (size_t)bad), -1,
                            "\\u0000 (NUL) in a string");
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, 0);
    if (!root) {
        size_t off = end && end >= json ? (size_t)(end - json) : 0;
        return zk_error_set(err, ZK_ERR_INPUT, "", 0, column_of(json, off), -1,
                            "invalid JSON");
    }
    size_t off = (size_t)(end - json);
    while (off < len && strchr(" \t\r\n", json[off]))
        off++;
    if (off < len) {
        cJSON_Delete(root);
        return zk_error_set(err, ZK_ERR_INPUT, "", 0, column_of(json, off), -1,
                            "text after the JSON value (one document per line)");
    }
    jctx c = {err, ZK_OK};
    zk_doc *d = NULL;
    if (!read_doc(&c, root, &d)) {
        zk_doc_free(d);
        cJSON_Delete(root);
        return c.st;
    }
    cJSON_Delete(root);
    *out = d;
    return ZK_OK;
}
