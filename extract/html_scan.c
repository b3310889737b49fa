/*
 * html_scan.c - a light HTML scanner: the character data of a page with
 * the byte span of every character, and a cleaned copy for libxml2.
 *
 * libxml2 builds the tree of the page (extract/html.c) but tells where a
 * node is only by line number, and its text nodes hold decoded text
 * ("&amp;" is "&").  To map the article text back to the file, this
 * scanner lists the character data in document order, as libxml2's HTML
 * parser (2.9, with HTML_PARSE_RECOVER) tokenises it:
 *
 *   - "<" + letter starts a tag, which ends at the first ">" outside a
 *     quoted attribute value (a quote counts only right after "=");
 *     "</" + letter an end tag, up to ">"; "<?" a processing instruction,
 *     up to ">"; "<!--" a comment, up to "-->" or the end; "<!DOCTYPE" up
 *     to ">"; any other "<" is data;
 *   - HTML white space is not listed;
 *   - <script> and <style> hold raw text up to "</script" / "</style",
 *     which is not listed (it is no article text);
 *   - "&name;" (libxml2's HTML 4 entity table), "&#N", "&#xH" (";"
 *     optional) are one character spanning the whole reference; a numeric
 *     reference to a code point XML does not allow gives nothing, as in
 *     libxml2; anything else after "&" is data.
 *
 * Where this disagrees with libxml2 (malformed markup), html.c finds its
 * way back within a window of characters; the text is never lost, only
 * its offsets are approximate there.
 *
 * The copy handed to libxml2 differs from the page in two ways, both by
 * overwriting bytes with spaces so that offsets stay the same:
 *
 *   - a DOCTYPE with an internal subset ("<!DOCTYPE x [ <!ENTITY ...> ]>")
 *     is blanked.  HTML has no internal subset and libxml2's HTML parser
 *     never expands one, but it would read its declarations as text;
 *   - tags nested deeper than ZK_HTML_MAX_DEPTH are blanked, with the end
 *     tags that close them: their text joins the enclosing element.  The
 *     depth is counted the way libxml2 counts it, approximately: elements
 *     libxml2 knows as empty (br, img ...) and html/head/body do not
 *     count, a new p, li, dt, dd, td, th, tr, option or a closes an open
 *     sibling, and an end tag closes up to the element it names unless an
 *     element of higher "end priority" (div, table parts, table) is in
 *     between, as in libxml2's htmlAutoCloseOnClose.  Counting too deep
 *     only flattens more; html.c checks that libxml2 did not give up.
 */
#include "html.h"
#include "text_line.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

enum { NAMELEN = 16 };

typedef struct scan {
    const char *s;
    size_t len;
    zk_hscan *out;
    char stack[ZK_HTML_MAX_DEPTH + 1][NAMELEN];
    size_t depth;      /* elements on stack */
    size_t over;       /* start tags blanked and not yet closed */
    int oom;
} scan;

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_namech(unsigned char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
           c == '_' || c == '.';
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int starts_ci(const char *s, size_t i, size_t len, const char *w)
{
    size_t n = strlen(w);
    if (len - i < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)w[k])
            return 0;
    }
    return 1;
}

/* List one character; HTML white space is left out (html.c lines up
 * only the other characters, white space is collapsed anyway). */
static void put(scan *sc, uint32_t cp, size_t a, size_t b)
{
    zk_hscan *o = sc->out;
    if (sc->oom || is_space((unsigned char)(cp < 0x80 ? cp : 0x80)))
        return;
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 1024;
        zk_hchar *p = realloc(o->ch, cap * sizeof *p);
        if (!p) {
            sc->oom = 1;
            return;
        }
        o->ch = p;
        o->cap = cap;
    }
    o->ch[o->n].cp = cp;
    o->ch[o->n].a = a;
    o->ch[o->n].b = b;
    o->n++;
}

static void blank(scan *sc, size_t a, size_t b)
{
    memset(sc->out->parse + a, ' ', b - a);
}

/* ------------------------------------------------------------------ */
/* Depth */

static int end_priority(const char *n)
{
    static const struct {
        const char *name;
        int prio;
    } t[] = {{"div", 150},   {"td", 160},    {"th", 160},
             {"tr", 170},    {"thead", 180}, {"tbody", 180},
             {"tfoot", 180}, {"table", 190}, {"head", 200},
             {"body", 200},  {"html", 220}};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (strcmp(n, t[i].name) == 0)
            return t[i].prio;
    return 100;
}

/* Does a new element nw close an open element old? (A small part of
 * libxml2's htmlStartClose table.) */
static int start_closes(const char *nw, const char *old)
{
    static const char *const t[][5] = {
        {"p", "p"},          {"li", "li", "p"},   {"dt", "dt", "dd", "p"},
        {"dd", "dd", "dt", "p"}, {"td", "td", "th", "p"},
        {"th", "th", "td", "p"}, {"tr", "tr", "td", "th", "p"},
        {"option", "option"}, {"a", "a"},         {"div", "p"},
        {"h1", "p"}, {"h2", "p"}, {"h3", "p"}, {"h4", "p"}, {"h5", "p"},
        {"h6", "p"}, {"ul", "p"}, {"ol", "p"}, {"table", "p"},
        {"pre", "p"}, {"blockquote", "p"}, {"dl", "p"},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        if (strcmp(nw, t[i][0]) != 0)
            continue;
        for (size_t k = 1; k < 5 && t[i][k]; k++)
            if (strcmp(old, t[i][k]) == 0)
                return 1;
        return 0;
    }
    return 0;
}

static int uncounted(const char *name)
{
    if (!strcmp(name, "html") || !strcmp(name, "head") ||
        !strcmp(name, "body"))
        return 1;
    const htmlElemDesc *d = htmlTagLookup((const xmlChar *)name);
    return d && d->empty;
}

/* A start tag name at [a, b) (self-closing or not). */
static void start_tag(scan *sc, const char *name, size_t a, size_t b,
                      int selfclose)
{
    if (uncounted(name) || selfclose)
        return;
    while (sc->over == 0 && sc->depth > 0 &&
           start_closes(name, sc->stack[sc->depth - 1]))
        sc->depth--;
    if (sc->over > 0 || sc->depth >= ZK_HTML_MAX_DEPTH) {
        blank(sc, a, b);
        sc->over++;
        sc->out->flattened++;
        return;
    }
    memcpy(sc->stack[sc->depth++], name, NAMELEN);
}

static void end_tag(scan *sc, const char *name, size_t a, size_t b)
{
    if (sc->over > 0) {
        blank(sc, a, b);
        sc->over--;
        return;
    }
    int prio = end_priority(name);
    for (size_t i = sc->depth; i-- > 0;) {
        if (strcmp(sc->stack[i], name) == 0) {
            sc->depth = i;
            return;
        }
        if (end_priority(sc->stack[i]) > prio)
            return;
    }
}

/* ------------------------------------------------------------------ */
/* Tokens */

/* Lower-cased tag name at s[*i] (truncated to NAMELEN - 1). */
static void tag_name(const char *s, size_t len, size_t *i, char *name)
{
    size_t n = 0;
    while (*i < len && is_namech((unsigned char)s[*i])) {
        unsigned char c = (unsigned char)s[*i];
        if (n + 1 < NAMELEN)
            name[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        (*i)++;
    }
    name[n] = '\0';
}

/* The end of a start tag whose attributes begin at i: just after its '>'
 * (or len).  *selfclose is set for "/>". */
static size_t tag_end(const char *s, size_t len, size_t i, int *selfclose)
{
    int after_eq = 0;
    *selfclose = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c == '>') {
            *selfclose = i > 0 && s[i - 1] == '/';
            return i + 1;
        }
        if (after_eq && (c == '"' || c == '\'')) {
            const char *q = memchr(s + i + 1, c, len - i - 1);
            i = q ? (size_t)(q - s) + 1 : len;
            after_eq = 0;
            continue;
        }
        if (c == '=')
            after_eq = 1;
        else if (!is_space(c))
            after_eq = 0;
        i++;
    }
    return len;
}

/* The first i' >= i where w (lower case, starting with a non-letter)
 * occurs, in any case; len if none. */
static size_t find_ci(const char *s, size_t len, size_t i, const char *w)
{
    for (; i < len; i++) {
        const char *p = memchr(s + i, w[0], len - i);
        if (!p)
            return len;
        i = (size_t)(p - s);
        if (starts_ci(s, i, len, w))
            return i;
    }
    return len;
}

static int xml_char(uint32_t v)
{
    return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
           (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
}

/* A reference at s[i] == '&': puts its character (if any) and returns the
 * index after it; returns i when it is no reference ('&' is data). */
static size_t reference(scan *sc, size_t i)
{
    const char *s = sc->s;
    size_t len = sc->len, p = i + 1;
    if (p < len && s[p] == '#') {
        uint32_t v = 0;
        int hex = p + 1 < len && (s[p + 1] == 'x' || s[p + 1] == 'X');
        p += hex ? 2 : 1;
        for (; p < len; p++) {
            unsigned char c = (unsigned char)s[p];
            int d = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            if (v < 0x110000)
                v = v * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (p < len && s[p] == ';')
            p++;
        if (xml_char(v))
            put(sc, v, i, p);
        return p;
    }
    char name[40];
    size_t n = 0;
    if (p < len && (is_alpha((unsigned char)s[p]) || s[p] == '_' ||
                    s[p] == ':')) {
        while (p < len && is_namech((unsigned char)s[p]) && n + 1 < sizeof name)
            name[n++] = s[p++];
    }
    name[n] = '\0';
    if (n > 0 && p < len && s[p] == ';') {
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (e && e->value > 0) {
            put(sc, e->value, i, p + 1);
            return p + 1;
        }
    }
    return i;
}

/* A DOCTYPE at i: blank it if it has an internal subset; returns its end. */
static size_t doctype(scan *sc, size_t i)
{
    const char *s = sc->s;
    size_t len = sc->len;
    const char *gt = memchr(s + i, '>', len - i);
    const char *br = memchr(s + i, '[', len - i);
    size_t end = gt ? (size_t)(gt - s) + 1 : len;
    if (br && (!gt || br < gt)) {
        /* "]" then white space then ">" ends the subset. */
        for (size_t p = (size_t)(br - s) + 1; p < len; p++) {
            if (s[p] != ']')
                continue;
            size_t q = p + 1;
            while (q < len && is_space((unsigned char)s[q]))
                q++;
            if (q < len && s[q] == '>') {
                end = q + 1;
                blank(sc, i, end);
                return end;
            }
        }
    }
    return end;
}

int zk_html_scan(const char *s, size_t len, zk_hscan *out)
{
    scan *sc = calloc(1, sizeof *sc);
    memset(out, 0, sizeof *out);
    out->parse = malloc(len + 1);
    if (!sc || !out->parse) {
        free(sc);
        zk_html_scan_free(out);
        return -1;
    }
    memcpy(out->parse, s, len);
    out->parse[len] = '\0';
    sc->s = s;
    sc->len = len;
    sc->out = out;

    size_t i = 0;
    while (i < len && !sc->oom) {
        unsigned char c = (unsigned char)s[i];
        if (c == '<' && i + 1 < len) {
            unsigned char d = (unsigned char)s[i + 1];
            char name[NAMELEN];
            if (starts_ci(s, i, len, "<!--")) {
                size_t e = find_ci(s, len, i + 4, "-->");
                i = e < len ? e + 3 : len;
                continue;
            }
            if (starts_ci(s, i, len, "<!doctype")) {
                i = doctype(sc, i);
                continue;
            }
            if (d == '?') {
                const char *gt = memchr(s + i, '>', len - i);
                i = gt ? (size_t)(gt - s) + 1 : len;
                continue;
            }
            if (d == '/') {
                size_t p = i + 2;
                if (p < len && is_alpha((unsigned char)s[p])) {
                    tag_name(s, len, &p, name);
                    const char *gt = memchr(s + p, '>', len - p);
                    size_t e = gt ? (size_t)(gt - s) + 1 : len;
                    end_tag(sc, name, i, e);
                    i = e;
                } else {
                    i = p; /* "</" + non-letter: libxml2 drops the "</" */
                }
                continue;
            }
            if (is_alpha(d)) {
                size_t p = i + 1;
                int selfclose;
                tag_name(s, len, &p, name);
                size_t e = tag_end(s, len, p, &selfclose);
                start_tag(sc, name, i, e, selfclose);
                i = e;
                if (!selfclose &&
                    (!strcmp(name, "script") || !strcmp(name, "style")))
                    i = find_ci(s, len, i, !strcmp(name, "script")
                                               ? "</script"
                                               : "</style");
                continue;
            }
        }
        if (c == '&') {
            size_t e = reference(sc, i);
            if (e != i) {
                i = e;
                continue;
            }
        }
        uint32_t cp;
        size_t k = zk_text_dec(s + i, &cp);
        if (i + k > len)
            k = len - i;
        put(sc, cp, i, i + k);
        i += k;
    }
    int oom = sc->oom;
    free(sc);
    if (oom) {
        zk_html_scan_free(out);
        return -1;
    }
    return 0;
}

void zk_html_scan_free(zk_hscan *sc)
{
    free(sc->ch);
    free(sc->parse);
    memset(sc, 0, sizeof *sc);
}
