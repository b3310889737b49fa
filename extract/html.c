/*
 * html.c - the article text of an HTML page, with offsets into the page
 * (zk_html_text; see html.h and docs/robustness.md).
 *
 * 1. html_scan.c lists the character data of the page with byte spans and
 *    makes the copy libxml2 parses (DOCTYPE internal subset and over-deep
 *    tags blanked).
 * 2. libxml2's HTML parser builds the tree: HTML_PARSE_NONET (no network),
 *    no DTD is ever loaded and no entity declared by the page is expanded
 *    (the HTML parser has no such thing, and the internal subset is gone
 *    anyway); the page is read as UTF-8 whatever it declares, because it
 *    was decoded before (extract/text_input.c).  XML_PARSE_HUGE lifts the
 *    10 MB limit on a text node; the depth it would also lift is kept low
 *    by the scanner.  If libxml2 still gives up, the page is an error, not
 *    a half-read article.
 * 3. The first walk over the tree measures the text of each element and
 *    picks the content root: the <article> with the most text, else the
 *    largest <main> or role="main", else the whole page, where an
 *    <article> or <main> holding less than a quarter of the page's text (a
 *    teaser) is passed over.  It also marks boilerplate: a block whose
 *    text is mostly link text and has no sentence end (menus, lists of
 *    related links).
 * 4. The second walk visits every text node in document order, lines its
 *    characters up with the scanner's list (greedy, within a window of
 *    WINDOW characters, with a budgeted long search when a node's start is
 *    not in the window) and writes the ones inside the root and outside
 *    skipped elements (script, style, nav, aside, footer, header outside
 *    an article, forms controls, hidden elements, boilerplate) to the
 *    output, each with the span of the character it was lined up with.
 *    White space is collapsed as a browser does (a line break between two
 *    wide characters disappears), except in <pre>.  Block elements end a
 *    paragraph: "\n\n\n" (two blank lines, always a paragraph end for the
 *    text layer); each <br> is a line break (up to three), which the layout
 *    rules of the text layer then judge like any other: <br><br> is a blank
 *    line.
 *
 * The map is never decreasing: a lined-up character maps to its span (k-th
 * byte to min(a + k, b - 1)); a character that could not be lined up, a
 * space and a paragraph break map to the end of the last character lined
 * up before it.
 */
#include "html.h"
#include "text_line.h"
#include "util.h"

#include <limits.h>
#include <stdint.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { WINDOW = 256, LONGKEY = 8 };

/* ------------------------------------------------------------------ */
/* Elements */

static int name_in(const xmlNode *n, const char *const *list)
{
    for (; *list; list++)
        if (strcmp((const char *)n->name, *list) == 0)
            return 1;
    return 0;
}

static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center",
    "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", NULL};

/* Never article text (their text is still lined up, except script/style,
 * whose raw text the scanner does not list).  <head> itself is not in the
 * list: libxml2's HTML 4 parser puts an HTML 5 element that comes after
 * <meta> without a <body> (<meta charset=utf-8><article>...) into <head>;
 * what belongs in a head (title, meta, link, style, script) is text-free or
 * skipped anyway. */
static const char *const skip_tags[] = {
    "script", "style", "noscript", "template", "title", "nav",
    "aside", "footer", "button", "select", "option", "textarea", "input",
    "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video",
    "map", "datalist", NULL};

static const char *const pre_tags[] = {"pre", "listing", "plaintext", "xmp",
                                       NULL};

static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->content
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

/* style="display: none" / "visibility:hidden", in any spacing and case. */
static int style_hidden(const char *s)
{
    char buf[256];
    size_t n = 0;
    for (; *s && n + 1 < sizeof buf; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            buf[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
    buf[n] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* What an element is, worked out once and kept in node->_private (which
 * libxml2 leaves to the application): */
enum {
    EL_KNOWN = 1 << 0,     /* the flags below are set */
    EL_BLOCK = 1 << 1,     /* block_tags: ends a paragraph */
    EL_SKIP = 1 << 2,      /* skip_tags, or hidden */
    EL_HEADER = 1 << 3,    /* <header>: skipped outside an article */
    EL_PRE = 1 << 4,       /* pre_tags */
    EL_ARTICLE = 1 << 5,   /* <article> */
    EL_MAIN = 1 << 6,      /* <main>, role="main" */
    EL_LINK = 1 << 7,      /* <a> */
    EL_BR = 1 << 8,        /* <br> */
    EL_RAW = 1 << 9,       /* <script>, <style>: no text listed */
    EL_KEEP = 1 << 10,     /* html, body, article, main, headings: never
                              hidden, never boilerplate */
    EL_BOILER = 1 << 11    /* set by the first walk: a link menu */
};

static unsigned el_flags(xmlNode *n)
{
    uintptr_t f = (uintptr_t)n->_private;
    if (f & EL_KNOWN)
        return (unsigned)f;
    const char *name = (const char *)n->name, *v;
    f = EL_KNOWN;
    if (name_in(n, block_tags))
        f |= EL_BLOCK;
    if (name_in(n, skip_tags))
        f |= EL_SKIP;
    if (name_in(n, pre_tags))
        f |= EL_PRE;
    if (!strcmp(name, "header"))
        f |= EL_HEADER;
    if (!strcmp(name, "article"))
        f |= EL_ARTICLE | EL_KEEP;
    else if (!strcmp(name, "main") ||
             ((v = attr(n, "role")) && !strcmp(v, "main")))
        f |= EL_MAIN | EL_KEEP;
    if (!strcmp(name, "a"))
        f |= EL_LINK;
    if (!strcmp(name, "br"))
        f |= EL_BR;
    if (!strcmp(name, "script") || !strcmp(name, "style"))
        f |= EL_RAW;
    if (!strcmp(name, "html") || !strcmp(name, "body") ||
        (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]))
        f |= EL_KEEP;
    /* Hidden; never html, body, article, main: a page may hide its body
     * until a script shows it. */
    if (!(f & EL_KEEP) &&
        (attr(n, "hidden") ||
         ((v = attr(n, "aria-hidden")) && !strcmp(v, "true")) ||
         ((v = attr(n, "style")) && style_hidden(v))))
        f |= EL_SKIP;
    n->_private = (void *)f;
    return (unsigned)f;
}

/* 1 if the element's text is never article text.  in_art: inside an
 * <article> or <main> (where <header> holds the headline). */
static int skipped(xmlNode *n, int in_art)
{
    unsigned f = el_flags(n);
    return (f & (EL_SKIP | EL_BOILER)) || (!in_art && (f & EL_HEADER));
}

/* 1 for <article>, 2 for <main> or role="main", 0 otherwise. */
static int candidate(xmlNode *n)
{
    unsigned f = el_flags(n);
    return f & EL_ARTICLE ? 1 : f & EL_MAIN ? 2 : 0;
}

static int html_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_stop(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' ||
           c == '?' || c == '.';
}

static int wide(uint32_t c)
{
    return zk_is_han(c) || (c >= 0x3000 && c <= 0x30FF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2E80 && c <= 0x2FDF);
}

/* Next code point of libxml2's (UTF-8, NUL-terminated) text at *p; 0 at
 * the end.  Something that is not UTF-8 counts as U+FFFD. */
static uint32_t next_cp(const char **p)
{
    uint32_t cp;
    size_t n = 0;
    while (n < 4 && (*p)[n])
        n++;
    if (n == 0)
        return 0;
    size_t k = zk_utf8_decode(*p, n, &cp);
    if (k == 0) {
        cp = 0xFFFD;
        k = 1;
    }
    *p += k;
    return cp;
}

/* ------------------------------------------------------------------ */
/* First walk: text measures, content root, boilerplate marks */

typedef struct open_el {
    xmlNode *n;
    size_t chars, links, stops; /* counters when it was entered */
} open_el;

typedef struct measure {
    size_t chars, links, stops; /* running counts of kept text */
    int in_link, in_art;
    open_el *st;
    size_t nst, capst;
    xmlNode *best[2];           /* article, main */
    size_t best_len[2];
    int oom;
} measure;

static int measure_enter(measure *m, xmlNode *n)
{
    if (n->type == XML_TEXT_NODE) {
        const char *p = (const char *)n->content;
        uint32_t c;
        while (p && (c = next_cp(&p)) != 0) {
            if (html_space(c))
                continue;
            m->chars++;
            m->links += m->in_link > 0;
            m->stops += is_stop(c);
        }
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    if (skipped(n, m->in_art > 0))
        return 0;
    if (m->nst == m->capst) {
        size_t cap = m->capst ? 2 * m->capst : 64;
        open_el *s = realloc(m->st, cap * sizeof *s);
        if (!s) {
            m->oom = 1;
            return 0;
        }
        m->st = s;
        m->capst = cap;
    }
    open_el *e = &m->st[m->nst++];
    e->n = n;
    e->chars = m->chars;
    e->links = m->links;
    e->stops = m->stops;
    m->in_link += (el_flags(n) & EL_LINK) != 0;
    m->in_art += candidate(n) != 0;
    return 1;
}

static void measure_leave(measure *m, xmlNode *n)
{
    if (m->nst == 0 || m->st[m->nst - 1].n != n)
        return; /* a leaf, or an element that was not entered */
    open_el e = m->st[--m->nst];
    size_t chars = m->chars - e.chars, links = m->links - e.links;
    int kind = candidate(n);
    unsigned f = el_flags(n);
    m->in_link -= (f & EL_LINK) != 0;
    m->in_art -= kind != 0;
    if (kind && chars > m->best_len[kind - 1]) {
        m->best[kind - 1] = n;
        m->best_len[kind - 1] = chars;
    }
    /* Boilerplate: mostly link text, no sentence.  Headings and the
     * containers never are. */
    if (chars > 0 && 2 * links > chars && m->stops == e.stops &&
        (f & EL_BLOCK) && !(f & EL_KEEP))
        n->_private = (void *)(uintptr_t)(f | EL_BOILER);
}

/* Depth-first walk of the children of top, in document order: enter()
 * returns 1 to go into a node's children; leave() is called after them
 * (or right after enter() for a leaf).  No recursion: pages nest deep. */
typedef int (*enter_fn)(void *, xmlNode *);
typedef void (*leave_fn)(void *, xmlNode *);

static void walk(xmlNode *top, enter_fn enter, leave_fn leave, void *arg)
{
    xmlNode *n = top->children;
    while (n) {
        if (enter(arg, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(arg, n);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n == top) {
                n = NULL;
                break;
            }
        }
    }
}

static int m_enter(void *a, xmlNode *n) { return measure_enter(a, n); }
static void m_leave(void *a, xmlNode *n) { measure_leave(a, n); }

/* ------------------------------------------------------------------ */
/* Second walk: line up, write */

typedef struct emit {
    const zk_hscan *sc;
    size_t cur;           /* next scanner character to line up */
    size_t last_end;      /* end of the last one lined up */
    size_t budget;        /* long searches left (characters compared) */
    xmlNode *root;        /* NULL: the whole document */
    int in_root, skip, in_art, pre;
    zk_buf out;
    size_t *map;
    size_t capmap;
    int brk;              /* pending line breaks: 1 or 2 (<br>), 3 (a
                             paragraph end: two blank lines) */
    size_t brk_pos;
    int sp, sp_nl;        /* pending white space, with a line break */
    size_t sp_pos;
    uint32_t prev;        /* last code point written */
    int oom;
} emit;

static void out_bytes(emit *e, const char *b, size_t k, size_t a, size_t end)
{
    if (e->oom)
        return;
    size_t at = e->out.len;
    if (at + k + 1 > e->capmap) {
        size_t cap = e->capmap ? 2 * e->capmap : 4096;
        while (cap < at + k + 1)
            cap *= 2;
        size_t *m = realloc(e->map, cap * sizeof *m);
        if (!m) {
            e->oom = 1;
            return;
        }
        e->map = m;
        e->capmap = cap;
    }
    zk_buf_append(&e->out, b, k);
    for (size_t j = 0; j < k; j++)
        e->map[at + j] = a + j < end ? a + j : (end > a ? end - 1 : a);
}

/* A <br> (level 1: one more line break) or the end of a block (level 2:
 * a paragraph end). */
static void set_break(emit *e, int level)
{
    if (e->out.len == 0)
        return;
    if (!e->brk)
        e->brk_pos = e->last_end;
    e->brk = level == 2 ? 3 : e->brk < 3 ? e->brk + 1 : 3;
    e->sp = 0;
}

/* Write cp, lined up with [a, b). */
static void put_char(emit *e, uint32_t cp, size_t a, size_t b)
{
    if (!e->pre && html_space(cp)) {
        if (!e->sp) {
            e->sp = 1;
            e->sp_nl = 0;
            e->sp_pos = a;
        }
        e->sp_nl |= cp == '\n' || cp == '\r';
        return;
    }
    if (e->brk) {
        out_bytes(e, "\n\n\n", (size_t)e->brk, e->brk_pos, e->brk_pos);
        e->brk = 0;
        e->sp = 0;
        e->prev = 0;
    }
    if (e->sp) {
        if (e->prev && !(e->sp_nl && wide(e->prev) && wide(cp)))
            out_bytes(e, " ", 1, e->sp_pos, e->sp_pos);
        e->sp = 0;
    }
    char enc[4];
    out_bytes(e, enc, zk_utf8_encode(cp, enc), a, b);
    e->prev = cp;
}

/* Find where the text starting with key[0, nk) is in the scanner's list
 * at or after from; n if nowhere (or the budget is spent). */
static size_t long_search(emit *e, size_t from, const uint32_t *key, size_t nk)
{
    const zk_hchar *d = e->sc->ch;
    size_t n = e->sc->n;
    for (size_t j = from; j + nk <= n && e->budget > 0; j++, e->budget--) {
        size_t k = 0;
        while (k < nk && d[j + k].cp == key[k])
            k++;
        if (k == nk)
            return j;
    }
    return n;
}

static void text_node(emit *e, const char *s)
{
    const zk_hchar *d = e->sc->ch;
    size_t n = e->sc->n;
    int out = e->in_root && e->skip == 0;
    int found_any = 0;
    uint32_t cp;

    while ((cp = next_cp(&s)) != 0) {
        size_t a = e->last_end, b = e->last_end;
        if (!html_space(cp)) {
            size_t lim = e->cur + WINDOW < n ? e->cur + WINDOW : n, j;
            for (j = e->cur; j < lim && d[j].cp != cp; j++)
                ;
            if (j == lim && !found_any && lim < n) {
                /* The node's start is not near: look further once. */
                uint32_t key[LONGKEY];
                size_t nk = 0;
                const char *p = s;
                key[nk++] = cp;
                uint32_t c2;
                while (nk < LONGKEY && (c2 = next_cp(&p)) != 0)
                    if (!html_space(c2))
                        key[nk++] = c2;
                j = long_search(e, lim, key, nk);
                if (j == n)
                    j = lim;
            }
            if (j < n && d[j].cp == cp) {
                a = d[j].a;
                b = d[j].b;
                e->cur = j + 1;
                e->last_end = b;
                found_any = 1;
            }
        }
        if (out)
            put_char(e, cp, a, b);
    }
}

static int e_enter(void *arg, xmlNode *n)
{
    emit *e = arg;
    if (n->type == XML_TEXT_NODE) {
        if (n->content)
            text_node(e, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    unsigned f = el_flags(n);
    if (f & EL_RAW)
        return 0;
    if (n == e->root)
        e->in_root = 1;
    e->skip += skipped(n, e->in_art > 0);
    e->in_art += candidate(n) != 0;
    e->pre += (f & EL_PRE) != 0;
    if (e->in_root && e->skip == 0) {
        if (f & EL_BR)
            set_break(e, 1);
        else if (f & EL_BLOCK)
            set_break(e, 2);
    }
    return 1;
}

static void e_leave(void *arg, xmlNode *n)
{
    emit *e = arg;
    if (n->type != XML_ELEMENT_NODE)
        return;
    unsigned f = el_flags(n);
    if (f & EL_RAW)
        return;
    if (e->in_root && e->skip == 0 && (f & EL_BLOCK))
        set_break(e, 2);
    e->pre -= (f & EL_PRE) != 0;
    e->in_art -= candidate(n) != 0;
    e->skip -= skipped(n, e->in_art > 0);
    if (n == e->root)
        e->in_root = 0;
}

/* ------------------------------------------------------------------ */
/* Parsing */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

zk_status zk_html_text(const char *name, const char *src, size_t len,
                       char **text, size_t *tlen, size_t **map,
                       zk_error *err)
{
    zk_hscan sc;
    emit e;
    measure m;
    htmlParserCtxtPtr ctxt = NULL;
    htmlDocPtr doc = NULL;
    zk_status st = ZK_OK;

    *text = NULL;
    *map = NULL;
    *tlen = 0;
    memset(&e, 0, sizeof e);
    memset(&m, 0, sizeof m);
    if (len > INT_MAX)
        return zk_error_set(err, ZK_ERR_INPUT, name, 0, 0, -1,
                            "HTML page of %zu bytes: the HTML parser reads "
                            "at most %d", len, INT_MAX);
    if (zk_html_scan(src, len, &sc) != 0)
        return zk_error_set(err, ZK_ERR_NOMEM, name, 0, 0, -1,
                            "out of memory reading HTML");

    pthread_once(&xml_once, xml_init);
    ctxt = htmlNewParserCtxt();
    if (!ctxt)
        goto nomem;
    if (len > 0)
        doc = htmlCtxtReadMemory(
            ctxt, sc.parse, (int)len, NULL, "UTF-8",
            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                HTML_PARSE_NOWARNING | HTML_PARSE_NODEFDTD |
                HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    if (ctxt->disableSAX || (len > 0 && !doc)) {
        /* The parser stopped before the end: never a half-read page. */
        const xmlError *x = xmlCtxtGetLastError(ctxt);
        char why[200] = "";
        if (x && x->message) {
            snprintf(why, sizeof why, "%s", x->message);
            size_t k = strlen(why);
            while (k > 0 && (why[k - 1] == '\n' || why[k - 1] == ' '))
                why[--k] = '\0';
        }
        st = zk_error_set(err, ZK_ERR_INPUT, name, x ? x->line : 0, 0, -1,
                          "the HTML parser gave up%s%s", why[0] ? ": " : "",
                          why);
        goto done;
    }

    e.sc = &sc;
    e.budget = 2 * sc.n + 65536;
    zk_buf_init(&e.out);
    zk_buf_append(&e.out, "", 0);
    if (doc) {
        walk((xmlNode *)doc, m_enter, m_leave, &m);
        if (m.oom)
            goto nomem;
        size_t total = m.chars;
        e.root = NULL;
        for (int k = 1; k >= 0; k--)
            if (m.best[k] && 4 * m.best_len[k] >= total)
                e.root = m.best[k];
        e.in_root = e.root == NULL;
        walk((xmlNode *)doc, e_enter, e_leave, &e);
    }
    /* End the last line where its text ends (the text layer maps the end
     * of a paragraph to the end of its line), and make room for the last
     * map entry. */
    if (e.out.len > 0) {
        size_t end = e.brk ? e.brk_pos : e.last_end;
        out_bytes(&e, "\n", 1, end, end);
    }
    out_bytes(&e, "", 0, 0, 0);
    if (e.oom)
        goto nomem;
    e.map[e.out.len] = len;
    *text = e.out.data;
    *tlen = e.out.len;
    *map = e.map;
    e.out.data = NULL;
    e.map = NULL;
    goto done;

nomem:
    st = zk_error_set(err, ZK_ERR_NOMEM, name, 0, 0, -1,
                      "out of memory reading HTML");
done:
    zk_buf_free(&e.out);
    free(e.map);
    free(m.st);
    if (doc)
        xmlFreeDoc(doc);
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    zk_html_scan_free(&sc);
    return st;
}
