/*
 * text_line.c - the layout rules of the text normaliser (see text_line.h
 * and docs/text.md, which gives the reasoning with examples from the
 * sample pages).
 *
 * Print pages come in two shapes: hard-wrapped columns (every line ~10-25
 * characters, words cut anywhere, paragraphs separated by blank lines) and
 * one paragraph per line.  Both have headlines, bylines and captions on
 * lines of their own, and both have paragraphs cut in two by a page or
 * column break, which shows as a blank line in the middle of a sentence.
 *
 * Inside a block of non-blank lines a line break is dropped unless one of
 * the lines is a heading, byline or marker line, the next one is indented,
 * or the line is much shorter than its neighbours (the last line of a
 * paragraph, or a headline above the text).  Across one blank line the
 * paragraph goes on only when the sentence visibly goes on: the line ends
 * with a comma, or the next line starts with a cut-off tail ("业，"), or the
 * paragraph so far is body text (punctuated and several lines, or a
 * finished sentence, an open quote, 40+ characters) that ends mid-sentence.
 */
#include "text_line.h"
#include "util.h"

#include <string.h>


/* ------------------------------------------------------------------ */
/* Character classes */

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' ||
           cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) ||
           cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

static int is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z');
}

static int is_latin(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Sentence-ending marks for layout purposes (… included, unlike the
 * sentence splitter, because a paragraph may end with it). */
static int is_stop(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
           cp == '!' || cp == '?' || cp == ';' || cp == 0x2026;
}

/* Clause marks: the sentence goes on after them. */
static int is_clause(uint32_t cp)
{
    return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1A || cp == ',' ||
           cp == ':';
}

/* A line ending with one of these is continued by the next line. */
static int is_comma_end(uint32_t cp)
{
    return is_clause(cp) || cp == 0x201C || cp == 0x2018 || cp == 0xFF08 ||
           cp == '(' || cp == 0x300A || cp == 0x3010 || cp == 0x300C ||
           cp == 0x300E;
}

static int is_closer(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
           cp == 0xFF09 || cp == ')' || cp == 0x300B || cp == 0x3011;
}

static int open_delta(uint32_t cp)
{
    if (cp == 0x201C || cp == 0xFF08 || cp == '(' || cp == 0x300A)
        return 1;
    if (cp == 0x201D || cp == 0xFF09 || cp == ')' || cp == 0x300B)
        return -1;
    return 0;
}

static int is_marker(uint32_t cp)
{
    return cp == 0x25A0 || cp == 0x25A1 || cp == 0x25CF || cp == 0x25CB ||
           cp == 0x25B2 || cp == 0x25B3 || cp == 0x25C6 || cp == 0x25C7 ||
           cp == 0x2605 || cp == 0x2606;
}

static int is_numeral(uint32_t cp)
{
    static const uint32_t cn[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                  0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341};
    if (cp >= '0' && cp <= '9')
        return 1;
    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
        if (cp == cn[i])
            return 1;
    return 0;
}

/* Byline openings; a space (or, for 本报讯, a bracket) must follow. */
static const char *const byline_prefix[] = {
    "本报讯", "本报记者", "本报通讯员", "本报特约记者",
    "新华社记者", "特约记者", "记者", "通讯员",
};

/* ------------------------------------------------------------------ */
/* Scanner */

void zk_text_line_scan_init(zk_text_line_scan *sc, const char *s, size_t len,
                            size_t from)
{
    sc->s = s;
    sc->len = len;
    sc->pos = from;
    sc->lines = 0;
}

/* Heading marks, markers and byline openings at the start of content. */
static void scan_start(const char *s, zk_text_line *ln)
{
    size_t i = ln->ts, te = ln->te;
    if (s[i] == '#') {
        size_t k = i;
        while (k < te && s[k] == '#')
            k++;
        uint32_t cp = 0;
        if (k - i <= 6 && (k == te || is_space((zk_text_dec(s + k, &cp), cp)))) {
            while (k < te && is_space((zk_text_dec(s + k, &cp), cp)))
                k += zk_text_dec(s + k, &cp);
            ln->heading = 1;
            ln->cs = k;
            if (k < te)
                zk_text_dec(s + k, &ln->first);
            return;
        }
    }
    if (is_marker(ln->first)) {
        ln->marker = 1;
        return;
    }
    for (size_t p = 0; p < sizeof byline_prefix / sizeof *byline_prefix; p++) {
        size_t n = strlen(byline_prefix[p]);
        if (te - i <= n || memcmp(s + i, byline_prefix[p], n) != 0)
            continue;
        uint32_t cp;
        zk_text_dec(s + i + n, &cp);
        if (is_space(cp) || (p == 0 && (cp == 0xFF08 || cp == '('))) {
            ln->byline = ZK_BYLINE_PREFIX;
            ln->bsep = i + n;
        }
        return;
    }
}

/* Does one of the first two code points close a cut-off clause ("业，", "起。")?
 * An enumeration ("一、", "3.") does not count. */
static int scan_frag(const uint32_t *f, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        if (is_clause(f[j]) || (is_stop(f[j]) && f[j] != 0x2026)) {
            size_t k = 0;
            while (k < j && is_numeral(f[k]))
                k++;
            return j == 0 || k < j;
        }
    }
    return 0;
}

/* Scan the raw line at sc->pos; returns 1 for a line with text, 0 for a
 * blank line, -1 for a heading mark without text. */
static int scan_line(zk_text_line_scan *sc, zk_text_line *ln)
{
    const char *s = sc->s;
    size_t len = sc->len, i = sc->pos;
    size_t width = 0, ncp = 0, te = 0, wte = 0, nte = 0;
    uint32_t firsts[2], lastnc = 0, prev = 0;
    size_t nfirst = 0;
    int pending = 0, prev_space = 1, run = 0, run_free = 0, started = 0, tw = 0;

    memset(ln, 0, sizeof *ln);
    ln->start = i;
    while (i < len && s[i] != '\n' && s[i] != '\r') {
        uint32_t cp;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xE4 && c <= 0xE9 && nfirst == 2) {
            /* The common case, a run of characters U+4000..U+9FFF (Han)
             * in the middle of a line: none is a space, mark or letter,
             * so only the last one is looked at. */
            size_t j = i + 3, k;
            while (j < len && (unsigned char)s[j] >= 0xE4 && (unsigned char)s[j] <= 0xE9)
                j += 3;
            k = (j - i) / 3;
            zk_text_dec(s + j - 3, &cp);
            ln->stop_inside |= pending;
            lastnc = prev = cp;
            run = prev_space = tw = 0;
            width += 2 * k;
            ncp += k;
            i = j;
            te = i;
            wte = width;
            nte = ncp;
            continue;
        }
        size_t k = zk_text_dec(s + i, &cp);
        if (is_space(cp)) {
            if (started) {
                width++;
                ncp++;
            } else {
                ln->indent = 1;
            }
            prev_space = 1;
            run = 0;
            i += k;
            continue;
        }
        if (!started) {
            started = 1;
            ln->ts = i;
            ln->first = cp;
        }
        int stop = is_stop(cp);
        if (cp == '?' && (zk_is_han(prev) || is_latin(prev))) {
            /* '?' inside a word is a lost middle dot, not a question. */
            uint32_t nx = 0;
            if (i + 1 < len && s[i + 1] != '\n' && s[i + 1] != '\r')
                zk_text_dec(s + i + 1, &nx);
            if ((zk_is_han(prev) && (zk_is_han(nx) || is_latin(nx))) ||
                (is_latin(prev) && zk_is_han(nx)))
                stop = 0;
        }
        if (nfirst < 2)
            firsts[nfirst++] = cp;
        if (stop) {
            ln->has_stop = 1;
            pending = 1;
        } else if (!is_closer(cp) && pending) {
            ln->stop_inside = 1;
        }
        ln->punct |= stop || is_clause(cp) || cp == 0xFF1B;
        ln->open += open_delta(cp);
        if (!is_closer(cp))
            lastnc = stop ? 0x3002 : cp;
        if (is_alnum(cp)) {
            if (!run)
                run_free = prev_space;
            run = 1;
        } else {
            run = 0;
        }
        tw = run && run_free;
        prev_space = 0;
        prev = cp;
        width += cp < 0x2000 ? 1 : 2;
        ncp++;
        i += k;
        te = i;
        wte = width;
        nte = ncp;
    }
    ln->te = te;
    ln->width = wte;
    ln->ncp = nte;
    ln->tail_word = tw;
    if (started) {
        uint32_t cp;
        zk_text_dec(s + te - zk_utf8_prev(s, te), &cp);
        ln->last = cp;
    }
    ln->end = i;
    if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
        i += 2;
    else if (i < len)
        i++;
    sc->pos = i;
    if (!started)
        return 0;
    ln->cs = ln->ts;
    if (lastnc == 0x3002)
        ln->endc = ZK_END_STOP;
    else if (is_comma_end(lastnc))
        ln->endc = ZK_END_COMMA;
    else if (lastnc == 0x2014 || lastnc == 0x2015)
        ln->endc = ZK_END_DASH;
    ln->frag = scan_frag(firsts, nfirst);
    scan_start(s, ln);
    /* "#" alone: an empty heading, dropped; it separates like two blank
     * lines so that no sentence (and no original span) runs across it. */
    return ln->heading && ln->cs == ln->te ? -1 : 1;
}

int zk_text_line_next(zk_text_line_scan *sc, zk_text_line *ln)
{
    size_t blanks = 0;
    while (sc->pos < sc->len) {
        int r = scan_line(sc, ln);
        if (r > 0) {
            ln->blanks = blanks;
            ln->block_first = blanks > 0 || sc->lines == 0;
            sc->lines++;
            return 1;
        }
        blanks += r < 0 ? 2 : 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Bylines */

/* A name: 1-4 Han characters (or middle dots). */
static int name_token(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    while (a < b) {
        uint32_t cp;
        a += zk_text_dec(s + a, &cp);
        if (!zk_is_han(cp) && cp != 0xB7)
            return 0;
        n++;
    }
    return n >= 1 && n <= 4;
}

static size_t skip_space(const char *s, size_t i, size_t te)
{
    uint32_t cp;
    while (i < te) {
        size_t k = zk_text_dec(s + i, &cp);
        if (!is_space(cp))
            break;
        i += k;
    }
    return i;
}

void zk_text_line_classify(const char *s, zk_text_line *cur,
                           const zk_text_line *nx)
{
    if (cur->byline != ZK_BYLINE_PREFIX)
        return;
    /* An unpunctuated line standing alone is all byline: "本报记者  王  洲". */
    if (!cur->punct &&
        (!nx || nx->blanks > 0 || cur->width * 5 <= nx->width * 3)) {
        cur->byline = ZK_BYLINE_ONLY;
        return;
    }
    size_t i = cur->bsep, te = cur->te, end = i;
    uint32_t cp;
    zk_text_dec(s + i, &cp);
    if (cp == 0xFF08 || cp == '(') {
        /* 本报讯（记者 张三）正文 */
        size_t n = 0;
        uint32_t close = cp == '(' ? ')' : 0xFF09;
        end = 0;
        while (i < te && n++ < 30) {
            i += zk_text_dec(s + i, &cp);
            if (cp == close) {
                end = i;
                break;
            }
        }
        if (!end) {
            cur->byline = ZK_BYLINE_NO;
            return;
        }
    } else {
        /* 本报讯 张原 李宁馨 京津冀工信部门聚...: names are the short Han
         * tokens followed by a space; the last token is always text. */
        for (;;) {
            size_t a = skip_space(s, end, te), b = a;
            while (b < te && !is_space((zk_text_dec(s + b, &cp), cp)))
                b += zk_text_dec(s + b, &cp);
            if (a == te || b == te || !name_token(s, a, b))
                break;
            end = b;
        }
    }
    cur->bsep = end;
    cur->body = skip_space(s, end, te);
    cur->byline = cur->body < te ? ZK_BYLINE_SPLIT : ZK_BYLINE_ONLY;
}

/* ------------------------------------------------------------------ */
/* Paragraph rules */

void zk_text_para_add(zk_text_para_stats *st, const zk_text_line *ln)
{
    if (st->nlines > 0 && st->last_endc == ZK_END_STOP)
        st->stop_inside = 1;
    st->stop_inside |= ln->stop_inside;
    st->punct |= ln->punct;
    st->has_stop |= ln->has_stop;
    st->open += ln->open;
    st->ncp += ln->ncp;
    st->nlines++;
    st->last_endc = ln->endc;
}

int zk_text_line_breaks(const zk_text_line *cur, const zk_text_line *nx,
                        const zk_text_line *nx2, size_t prevw,
                        const zk_text_para_stats *st)
{
    if (!nx || cur->heading || cur->marker || cur->byline == ZK_BYLINE_ONLY)
        return 1;
    if (nx->heading || nx->marker || nx->byline || nx->indent)
        return 1;
    if (nx->blanks == 0) {
        /* Same block: only a markedly short line ends a paragraph. */
        size_t w = prevw > nx->width ? prevw : nx->width;
        if (cur->endc == ZK_END_COMMA)
            return 0;
        if (!cur->punct && cur->width * 5 <= w * 3)
            return 1; /* an unpunctuated short line: a headline */
        return cur->endc == ZK_END_STOP && cur->width * 4 <= w * 3;
    }
    /* A blank line: a page or column break inside a sentence? */
    if (nx->blanks > 1 || cur->endc == ZK_END_STOP || cur->endc == ZK_END_DASH)
        return 1;
    if (!nx->punct && (!nx2 || nx2->blanks > 0))
        return 1; /* the next line is a headline of its own */
    if (cur->endc == ZK_END_COMMA || nx->frag)
        return 0;
    if (cur->last == 0xFF09 || cur->last == ')' || cur->last == 0x3011)
        return 1; /* "（完）", "（马婧 杨天悦）": a note closes the text */
    if (st->punct && (st->nlines >= 2 || !cur->block_first ||
                      st->stop_inside || st->open > 0 || st->ncp >= 40))
        return 0;
    return 1;
}

int zk_text_line_space_join(const zk_text_line *cur, const zk_text_line *nx)
{
    if (!nx || !cur->tail_word || !is_alnum(cur->last) || !is_alnum(nx->first))
        return 0;
    /* Digits on both sides: a number cut by the print wrap. */
    return !(cur->last <= '9' && nx->first <= '9');
}

int zk_text_para_headline(const zk_text_para_stats *st)
{
    return st->forced || (!st->has_stop && st->ncp <= 50);
}
