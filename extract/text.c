/*
 * text.c - raw article bytes -> normalised text, offset map, sentences.
 *
 * zk_text_from_utf8() works in linear time with a fixed amount of state:
 *
 *   1. validate: one strict UTF-8 pass (zk_utf8_decode) that also rejects
 *      NUL bytes and counts what the output can grow by, so that norm and
 *      map are allocated once;
 *   2. layout: a line scanner (text_line.c) hands out the non-blank lines
 *      one at a time with their features (width, end punctuation, heading
 *      or byline marks ...).  With a lookahead of two lines the loop below
 *      decides, at the end of every line, whether the paragraph goes on
 *      (the line break is dropped, or becomes one space between two ASCII
 *      words) or ends (a '\n' is written).  The rules are in text_line.c
 *      and docs/text.md;
 *   3. characters are copied into norm as they are emitted, except for the
 *      few that are rewritten: '?' between Han characters (or Han and a
 *      Latin letter) becomes U+00B7, middle-dot look-alikes become U+00B7,
 *      full-width letters, digits, a few symbols and U+3000 are folded to
 *      ASCII with utf8proc (NFKC of that one code point).  Chinese
 *      punctuation is never touched;
 *   4. when a paragraph ends, its sentences are cut at 。！？； ! ; and a '?'
 *      that was not turned into a dot, keeping closing quotes with the mark.
 *
 * The map: map[i] is the original byte of norm byte i.  A copied character
 * maps byte for byte; a rewritten one maps its k-th byte to
 * min(start + k, last byte of the source character); an inserted '\n' or
 * ' ' maps to the end of the content of the line it follows (just after
 * its last non-space character).  map[norm_len] is the input length, so
 * the map never decreases and a norm span [a,b) is the original span
 * [map[a], map[b]).
 */
#include "text.h"
#include "text_line.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ------------------------------------------------------------------ */
/* Output: norm bytes, their map entries and the sentence list. */

typedef struct zk_out {
    char *norm;
    size_t *map;
    size_t n, cap;
    zk_sentence *sent;
    size_t nsent, capsent;
    int oom;
} zk_out;

/* Make room for need bytes (plus the NUL and the map's last entry). */
static int out_grow(zk_out *o, size_t need)
{
    size_t cap = o->cap ? o->cap : 64;
    while (cap < need && cap < SIZE_MAX / 32)
        cap *= 2;
    if (cap < need) {
        o->oom = 1;
        return 0;
    }
    char *nn = realloc(o->norm, cap + 1);
    if (nn)
        o->norm = nn;
    size_t *nm = nn ? realloc(o->map, (cap + 1) * sizeof *nm) : NULL;
    if (!nn || !nm) {
        o->oom = 1;
        return 0;
    }
    o->map = nm;
    o->cap = cap;
    return 1;
}

/* Append k bytes taken from (or standing for) the original character at
 * [src, src + srclen). */
static void out_put(zk_out *o, const char *b, size_t k, size_t src,
                    size_t srclen)
{
    if (o->n + k > o->cap && !out_grow(o, o->n + k))
        return;
    for (size_t j = 0; j < k; j++) {
        o->norm[o->n + j] = b[j];
        o->map[o->n + j] = src + (j < srclen ? j : srclen - 1);
    }
    o->n += k;
}

/* Append the original bytes [a, b) unchanged. */
static void out_copy(zk_out *o, const char *s, size_t a, size_t b)
{
    size_t k = b - a;
    if (o->n + k > o->cap && !out_grow(o, o->n + k))
        return;
    memcpy(o->norm + o->n, s + a, k);
    size_t *m = o->map + o->n; /* (a local pointer: the stores cannot change o->n) */
    for (size_t j = 0; j < k; j++)
        m[j] = a + j;
    o->n += k;
}

static void out_sentence(zk_out *o, const char *norm, size_t a, size_t b,
                         size_t para, int headline)
{
    while (a < b && (norm[a] == ' ' || norm[a] == '\t'))
        a++;
    while (b > a && (norm[b - 1] == ' ' || norm[b - 1] == '\t'))
        b--;
    if (a == b)
        return;
    if (o->nsent == o->capsent) {
        size_t cap = o->capsent ? 2 * o->capsent : 64;
        zk_sentence *ns = realloc(o->sent, cap * sizeof *ns);
        if (!ns) {
            o->oom = 1;
            return;
        }
        o->sent = ns;
        o->capsent = cap;
    }
    zk_sentence *s = &o->sent[o->nsent++];
    s->start = a;
    s->end = b;
    s->para = para;
    s->headline = headline;
}

/* ------------------------------------------------------------------ */
/* Characters */


static int is_latin(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* A '?' between prev and next stands for a lost middle dot. */
static int dot_context(uint32_t prev, uint32_t next)
{
    int hp = zk_is_han(prev), hn = zk_is_han(next);
    return (hp && hn) || (hp && is_latin(next)) || (is_latin(prev) && hn);
}

/* Full-width forms folded to ASCII besides letters and digits: symbols
 * that are not Chinese punctuation (# $ % & * + / < = > @). */
static int fold_symbol(uint32_t cp)
{
    switch (cp) {
    case 0xFF03: case 0xFF04: case 0xFF05: case 0xFF06: case 0xFF0A:
    case 0xFF0B: case 0xFF0F: case 0xFF1C: case 0xFF1D: case 0xFF1E:
    case 0xFF20:
        return 1;
    }
    return 0;
}

/* The replacement of cp in norm, or 0 if cp is copied unchanged. */
static uint32_t fold_cp(uint32_t cp)
{
    if (cp == 0x30FB || cp == 0xFF65 || cp == 0x2022 || cp == 0x2027)
        return 0xB7;
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0x3000 || cp == 0xA0 ||
        fold_symbol(cp)) {
        utf8proc_int32_t d[4];
        int bound = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            (utf8proc_int32_t)cp, d, 4,
            (utf8proc_option_t)(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT), &bound);
        if (k == 1 && d[0] >= 0 && (uint32_t)d[0] != cp)
            return (uint32_t)d[0];
    }
    return 0;
}

/* Emit the original bytes [a, b) of one line.  prevcp is the last code
 * point written to the current paragraph (0 at its start); after is the
 * first code point that will follow b in norm (0 if none), for a '?' at the
 * very end of a line that is joined to the next. */
static void emit_range(zk_out *o, const char *s, size_t a, size_t b,
                       uint32_t *prevcp, uint32_t after)
{
    size_t i = a;
    while (i < b) {
        /* The longest run of characters copied unchanged. */
        size_t j = i;
        while (j < b) {
            unsigned char c = (unsigned char)s[j];
            if (c < 0x80) {
                if (c == '?')
                    break;
                j++;
            } else if (c >= 0xE4 && c <= 0xE9) {
                j += 3; /* U+4000..U+9FFF: Han, nothing to fold */
            } else {
                uint32_t cp;
                size_t k = zk_text_dec(s + j, &cp);
                if ((c == 0xEF || c == 0xE3 || c == 0xE2 || c == 0xC2) &&
                    fold_cp(cp))
                    break;
                j += k;
            }
        }
        if (j > i) {
            out_copy(o, s, i, j);
            zk_text_dec(s + j - zk_utf8_prev(s, j), prevcp);
            i = j;
            if (i == b)
                break;
        }
        if (s[i] == '?') {
            uint32_t next = after;
            if (i + 1 < b)
                zk_text_dec(s + i + 1, &next);
            if (dot_context(*prevcp, next)) {
                out_put(o, "\xC2\xB7", 2, i, 1);
                *prevcp = 0xB7;
            } else {
                out_put(o, "?", 1, i, 1);
                *prevcp = '?';
            }
            i++;
        } else {
            uint32_t cp;
            char enc[4];
            size_t k = zk_text_dec(s + i, &cp);
            *prevcp = fold_cp(cp);
            out_put(o, enc, zk_utf8_encode(*prevcp, enc), i, k);
            i += k;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Sentences */

static int is_terminator(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
           cp == '!' || cp == ';' || cp == '?';
}

static int is_closer(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
           cp == 0xFF09 || cp == ')' || cp == 0x300B || cp == 0x3011;
}

/* Length of the sentence terminator at n[i], or 0.  Byte tests suffice:
 * the ASCII marks and the lead bytes E3/EF never occur inside a UTF-8
 * sequence. */
static size_t terminator_at(const unsigned char *n, size_t i)
{
    unsigned char c = n[i];
    if (c == '!' || c == ';' || c == '?')
        return 1;
    if (c == 0xE3)
        return n[i + 1] == 0x80 && n[i + 2] == 0x82 ? 3 : 0; /* 。 */
    if (c == 0xEF && n[i + 1] == 0xBC &&
        (n[i + 2] == 0x81 || n[i + 2] == 0x9F || n[i + 2] == 0x9B))
        return 3; /* ！？； */
    return 0;
}

/* Split the paragraph norm[a, b) (b is its '\n') into sentences. */
static void split_sentences(zk_out *o, size_t a, size_t b, size_t para,
                            int headline)
{
    if (o->oom)
        return;
    const char *n = o->norm;
    const unsigned char *u = (const unsigned char *)n;
    if (headline) {
        out_sentence(o, n, a, b, para, 1);
        return;
    }
    size_t start = a, i = a;
    while (i < b) {
        if (u[i] >= 0xE4 && u[i] <= 0xE9) {
            i += 3; /* U+4000..U+9FFF: no terminator */
            continue;
        }
        size_t k = terminator_at(u, i);
        if (k == 0) {
            i++;
            continue;
        }
        i += k;
        /* Further marks and closing quotes stay with this sentence. */
        while (i < b) {
            uint32_t cp;
            k = zk_text_dec(n + i, &cp);
            if (!is_terminator(cp) && !is_closer(cp))
                break;
            i += k;
        }
        out_sentence(o, n, start, i, para, 0);
        start = i;
    }
    out_sentence(o, n, start, b, para, 0);
}

/* ------------------------------------------------------------------ */
/* Validation */

static zk_status validate(const char *name, const char *s, size_t len,
                          size_t from, size_t *extra, zk_error *err)
{
    size_t i = from, line = 1, bol = from, grow = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) &&
            i + 2 < len && ((unsigned char)s[i + 1] & 0xC0) == 0x80 &&
            ((unsigned char)s[i + 2] & 0xC0) == 0x80) {
            i += 3; /* the common case: a valid 3-byte character */
            continue;
        }
        if (c >= 0x80) {
            uint32_t cp;
            size_t k = zk_utf8_decode(s + i, len - i, &cp);
            if (k == 0)
                goto bad;
            i += k;
            continue;
        }
        if (c == 0)
            goto bad;
        if (c == '?')
            grow++;
        else if (c == '\n' || (c == '\r' && (i + 1 == len || s[i + 1] != '\n'))) {
            grow += 2;
            line++;
            bol = i + 1;
        }
        i++;
    }
    *extra = grow + 4;
    return ZK_OK;
bad:;
    size_t col = 1;
    for (size_t j = bol; j < i; col++) {
        uint32_t cp;
        j += zk_text_dec(s + j, &cp);
    }
    if (s[i] == 0)
        return zk_error_set(err, ZK_ERR_INPUT, name, (long)line, (long)col,
                            (long long)i, "NUL byte at byte %zu", i);
    return zk_error_set(err, ZK_ERR_INPUT, name, (long)line, (long)col,
                        (long long)i, "invalid UTF-8 at byte %zu", i);
}

/* ------------------------------------------------------------------ */
/* Layout: paragraphs from lines */

typedef struct zk_para {
    int open;           /* a paragraph is being written */
    size_t start;       /* its first norm byte */
    size_t index;       /* paragraph number */
    uint32_t prevcp;    /* last code point written to it */
    zk_text_para_stats st;   /* what the joining rules look at */
} zk_para;

static void para_begin(zk_out *o, zk_para *p, int forced)
{
    p->open = 1;
    p->start = o->n;
    p->prevcp = 0;
    memset(&p->st, 0, sizeof p->st);
    p->st.forced = forced;
}

static void para_end(zk_out *o, zk_para *p, size_t src)
{
    size_t nl = o->n;
    out_put(o, "\n", 1, src, 1);
    split_sentences(o, p->start, nl, p->index, zk_text_para_headline(&p->st));
    p->index++;
    p->open = 0;
}

static void layout(zk_out *o, const char *s, size_t len, size_t from)
{
    zk_text_line_scan sc;
    zk_text_line r[3];
    int have[3];
    zk_para p;
    size_t prevw = 0;

    memset(&p, 0, sizeof p);
    zk_text_line_scan_init(&sc, s, len, from);
    have[0] = zk_text_line_next(&sc, &r[0]);
    have[1] = have[0] && zk_text_line_next(&sc, &r[1]);
    have[2] = have[1] && zk_text_line_next(&sc, &r[2]);
    while (have[0] && !o->oom) {
        zk_text_line *cur = &r[0];
        const zk_text_line *nx = have[1] ? &r[1] : NULL;
        const zk_text_line *nx2 = have[2] ? &r[2] : NULL;
        size_t from_byte = cur->cs;

        zk_text_line_classify(s, cur, nx);
        if (cur->byline == ZK_BYLINE_SPLIT) {
            /* "本报讯 张三 正文..." -> "本报讯 张三\n正文...". */
            if (p.open) /* not reached: a byline always starts a paragraph */
                para_end(o, &p, cur->start);
            para_begin(o, &p, 1);
            emit_range(o, s, cur->ts, cur->bsep, &p.prevcp, 0);
            para_end(o, &p, cur->bsep);
            from_byte = cur->body;
        }
        if (!p.open)
            para_begin(o, &p, cur->heading || cur->byline == ZK_BYLINE_ONLY);
        zk_text_para_add(&p.st, cur);

        int brk = zk_text_line_breaks(cur, nx, nx2, prevw, &p.st);
        int space = !brk && zk_text_line_space_join(cur, nx);
        emit_range(o, s, from_byte, cur->te, &p.prevcp,
                   brk || space ? 0 : nx->first);
        if (brk)
            para_end(o, &p, cur->te);
        else if (space)
            out_put(o, " ", 1, cur->te, 1);

        prevw = (nx && nx->blanks == 0) ? cur->width : 0;
        r[0] = r[1];
        r[1] = r[2];
        have[0] = have[1];
        have[1] = have[2];
        have[2] = have[1] && zk_text_line_next(&sc, &r[2]);
    }
}

/* ------------------------------------------------------------------ */
/* API (contract in zhkg.h and text.h) */

zk_status zk_text_validate(const char *name, const char *s, size_t len,
                           size_t from, zk_error *err)
{
    size_t extra = 0;
    return validate(name ? name : "", s, len, from, &extra, err);
}

/* Normalise s[from, len) into a new zk_text.  srcmap, if not NULL, maps
 * every byte of s (len + 1 entries) to the original file orig[0, orig_len),
 * and the map of the result is composed with it; without it s is the
 * original.  On success *out is the caller's; on error *out is NULL. */
static zk_status text_build(const char *name, const char *s, size_t len,
                            size_t from, const size_t *srcmap,
                            const char *orig, size_t orig_len, zk_text **out,
                            zk_error *err)
{
    size_t extra = 0;
    zk_status st = validate(name, s, len, from, &extra, err);
    if (st != ZK_OK) {
        /* Cannot happen for mapped text (the callers hand over valid
         * UTF-8 without NUL); still, say where it is in the file. */
        if (srcmap && err) {
            size_t at = (size_t)err->offset;
            size_t o = srcmap[at <= len ? at : len];
            zk_error_set(err, st, name, 0, 0, (long long)o,
                         "decoded text is not valid UTF-8 at byte %zu", o);
        }
        return st;
    }

    zk_text *t = calloc(1, sizeof *t);
    zk_out o;
    memset(&o, 0, sizeof o);
    if (t) {
        t->name = malloc(strlen(name) + 1);
        t->orig = malloc(orig_len + 1);
    }
    if (!t || !t->name || !t->orig || !out_grow(&o, len + extra))
        goto nomem;
    strcpy(t->name, name);
    if (orig_len)
        memcpy(t->orig, orig, orig_len);
    t->orig[orig_len] = '\0';
    t->orig_len = orig_len;
    t->orig_utf8 = srcmap == NULL;

    layout(&o, srcmap ? s : t->orig, len, from);
    if (o.oom)
        goto nomem;
    o.norm[o.n] = '\0';
    o.map[o.n] = len;
    if (srcmap)
        for (size_t i = 0; i <= o.n; i++)
            o.map[i] = srcmap[o.map[i]];
    /* Give back what the worst-case estimate did not use. */
    char *nn = realloc(o.norm, o.n + 1);
    if (nn)
        o.norm = nn;
    size_t *nm = realloc(o.map, (o.n + 1) * sizeof *nm);
    if (nm)
        o.map = nm;
    t->norm = o.norm;
    t->norm_len = o.n;
    t->map = o.map;
    t->sent = o.sent;
    t->nsent = o.nsent;
    *out = t;
    return ZK_OK;

nomem:
    free(o.norm);
    free(o.map);
    free(o.sent);
    zk_text_free(t);
    return zk_error_set(err, ZK_ERR_NOMEM, name, 0, 0, -1,
                        "out of memory normalising %zu bytes", len);
}

/* buf is copied; on success *out is a new zk_text the caller frees with
 * zk_text_free; on error *out is NULL and err (if not NULL) says why. */
zk_status zk_text_from_utf8(const char *name, const char *buf, size_t len,
                            zk_text **out, zk_error *err)
{
    if (!name)
        name = "";
    if (!out || (!buf && len))
        return zk_error_set(err, ZK_ERR_USAGE, name, 0, 0, -1,
                            "zk_text_from_utf8: %s is NULL",
                            out ? "buf" : "out");
    *out = NULL;
    if (!buf)
        buf = "";
    size_t from = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        from = 3;
    return text_build(name, buf, len, from, NULL, buf, len, out, err);
}

zk_status zk_text_from_mapped(const char *name, const char *buf, size_t len,
                              const size_t *srcmap, const char *orig,
                              size_t orig_len, zk_text **out, zk_error *err)
{
    if (!name)
        name = "";
    if (!out || !srcmap || (!buf && len) || (!orig && orig_len))
        return zk_error_set(err, ZK_ERR_USAGE, name, 0, 0, -1,
                            "zk_text_from_mapped: NULL argument");
    *out = NULL;
    return text_build(name, buf ? buf : "", len, 0, srcmap,
                      orig ? orig : "", orig_len, out, err);
}

void zk_text_free(zk_text *t)
{
    if (!t)
        return;
    free(t->name);
    free(t->orig);
    free(t->norm);
    free(t->map);
    free(t->sent);
    free(t);
}
