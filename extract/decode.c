/*
 * decode.c - encodings: labels, byte order marks, the charset an HTML page
 * declares, and conversion to UTF-8 with an offset map (see decode.h).
 *
 * Conversion is glibc's iconv, driven one character at a time: each call
 * gets the next 1, 2, 3 ... bytes until iconv takes them (EINVAL means "not
 * a whole character yet"), so that the UTF-8 bytes of every character can
 * be mapped to the input bytes they came from.  It costs about 20 ns a
 * character (50 MB/s of GBK), and it works for every encoding iconv knows,
 * stateful ones included, without a table of character lengths here.  The
 * k-th UTF-8 byte of a character that came from input bytes [a, b) maps to
 * min(a + k, b - 1), the convention of the text layer (extract/text.c), so
 * every map entry stays inside its source character and never decreases.
 *
 * Errors: iconv's EILSEQ is "invalid GB18030 at byte N", EINVAL at the end
 * of the input "truncated GB18030 character at byte N"; line and column
 * are counted in the text decoded so far, which has the same lines and
 * characters as the original.
 */
#include "decode.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Labels */

typedef struct label {
    const char *label, *name;
} label;

/* WHATWG labels of the encodings a Chinese news page uses, and the iconv
 * name each is read with.  GBK and GB2312 are subsets of GB18030, and the
 * WHATWG standard decodes all of them as GB18030; iso-8859-1 and ascii are
 * windows-1252 in browsers. */
static const label labels[] = {
    {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
    {"gb18030", "GB18030"}, {"gbk", "GB18030"}, {"gb2312", "GB18030"},
    {"gb_2312", "GB18030"}, {"gb_2312-80", "GB18030"},
    {"chinese", "GB18030"}, {"csgb2312", "GB18030"},
    {"csiso58gb231280", "GB18030"}, {"iso-ir-58", "GB18030"},
    {"x-gbk", "GB18030"}, {"cp936", "GB18030"}, {"windows-936", "GB18030"},
    {"ms936", "GB18030"}, {"euc-cn", "GB18030"},
    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"},
    {"cn-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"},
    {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"ucs-2", "UTF-16LE"},
    {"unicode", "UTF-16LE"}, {"csunicode", "UTF-16LE"},
    {"iso-10646-ucs-2", "UTF-16LE"}, {"unicodefeff", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"}, {"unicodefffe", "UTF-16BE"},
    {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},
};

const char *zk_encoding_lookup(const char *label_in, char *buf, size_t size)
{
    char low[64];
    size_t n = 0;

    if (!label_in || size < 64)
        return NULL;
    while (*label_in == ' ' || *label_in == '\t')
        label_in++;
    for (; *label_in && n < sizeof low - 1; label_in++) {
        unsigned char c = (unsigned char)*label_in;
        /* Letters, digits and - _ . : only: no "//TRANSLIT" or "//IGNORE"
         * suffixes, which would make iconv drop or guess characters. */
        if (!isalnum(c) && c != '-' && c != '_' && c != '.' && c != ':') {
            if (c == ' ' || c == '\t')
                break;
            return NULL;
        }
        low[n++] = (char)tolower(c);
    }
    low[n] = '\0';
    while (*label_in == ' ' || *label_in == '\t')
        label_in++;
    if (n == 0 || *label_in)
        return NULL;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (strcmp(low, labels[i].label) == 0) {
            snprintf(buf, size, "%s", labels[i].name);
            return buf;
        }
    for (size_t i = 0; i <= n; i++)
        buf[i] = (char)toupper((unsigned char)low[i]);
    iconv_t cd = iconv_open("UTF-8", buf);
    if (cd == (iconv_t)-1)
        return NULL;
    iconv_close(cd);
    return buf;
}

int zk_encoding_supported(const char *label_in)
{
    char buf[64];
    return label_in &&
           (strcmp(label_in, "auto") == 0 ||
            zk_encoding_lookup(label_in, buf, sizeof buf) != NULL);
}

/* ------------------------------------------------------------------ */
/* Byte order marks and declared charsets */

size_t zk_decode_bom(const char *buf, size_t len, const char **enc)
{
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        *enc = "UTF-8";
        return 3;
    }
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        *enc = "UTF-16LE";
        return 2;
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        *enc = "UTF-16BE";
        return 2;
    }
    return 0;
}

static int at_ci(const char *s, size_t i, size_t end, const char *word)
{
    size_t n = strlen(word);
    if (end - i < n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (tolower((unsigned char)s[i + k]) != word[k])
            return 0;
    return 1;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* One attribute of a tag at s[*i] (WHATWG "get an attribute", simplified):
 * name lower-cased into name, value as written into val.  0 at '>' or the
 * end. */
static int get_attr(const char *s, size_t *i, size_t end, char *name,
                    size_t nsz, char *val, size_t vsz)
{
    size_t p = *i, n = 0, v = 0;
    while (p < end && (is_ws(s[p]) || s[p] == '/'))
        p++;
    if (p >= end || s[p] == '>') {
        *i = p;
        return 0;
    }
    while (p < end && !is_ws(s[p]) && s[p] != '=' && s[p] != '>' &&
           (s[p] != '/' || n == 0)) {
        if (n + 1 < nsz)
            name[n++] = (char)tolower((unsigned char)s[p]);
        p++;
    }
    name[n] = '\0';
    while (p < end && is_ws(s[p]))
        p++;
    if (p < end && s[p] == '=') {
        p++;
        while (p < end && is_ws(s[p]))
            p++;
        if (p < end && (s[p] == '"' || s[p] == '\'')) {
            char q = s[p++];
            while (p < end && s[p] != q) {
                if (v + 1 < vsz)
                    val[v++] = s[p];
                p++;
            }
            if (p < end)
                p++;
        } else {
            while (p < end && !is_ws(s[p]) && s[p] != '>') {
                if (v + 1 < vsz)
                    val[v++] = s[p];
                p++;
            }
        }
    }
    val[v] = '\0';
    *i = p;
    return 1;
}

/* "text/html; charset=gbk" -> "gbk" (WHATWG "extract a character encoding
 * from a meta element"). */
static int charset_in_content(const char *c, char *out, size_t size)
{
    for (const char *p = c; *p; p++) {
        if (!at_ci(p, 0, strlen(p), "charset"))
            continue;
        const char *q = p + 7;
        while (is_ws(*q))
            q++;
        if (*q != '=')
            continue;
        q++;
        while (is_ws(*q))
            q++;
        char quote = (*q == '"' || *q == '\'') ? *q++ : 0;
        size_t n = 0;
        while (*q && (quote ? *q != quote : (!is_ws(*q) && *q != ';')) &&
               n + 1 < size)
            out[n++] = *q++;
        out[n] = '\0';
        return n > 0;
    }
    return 0;
}

int zk_decode_declared(const char *s, size_t len, char *out, size_t size)
{
    size_t end = len < 4096 ? len : 4096, i = 0;
    char name[32], val[256];

    if (size == 0)
        return 0;
    out[0] = '\0';
    if (at_ci(s, 0, end, "<?xml")) {
        /* <?xml version="1.0" encoding="gb2312"?> */
        size_t p = 5;
        while (p < end && s[p] != '>') {
            if (!get_attr(s, &p, end, name, sizeof name, val, sizeof val))
                break;
            if (strcmp(name, "encoding") == 0 && val[0]) {
                snprintf(out, size, "%s", val);
                return 1;
            }
            if (strcmp(name, "?") == 0)
                break;
        }
    }
    while (i < end) {
        if (s[i] != '<') {
            i++;
        } else if (at_ci(s, i, end, "<!--")) {
            const char *e = NULL;
            for (size_t p = i + 4; p + 3 <= end && !e; p++)
                if (memcmp(s + p, "-->", 3) == 0)
                    e = s + p;
            i = e ? (size_t)(e - s) + 3 : end;
        } else if (at_ci(s, i, end, "<meta") && i + 5 < end &&
                   (is_ws(s[i + 5]) || s[i + 5] == '/')) {
            size_t p = i + 5;
            int pragma = 0;
            char content[256] = "", charset[256] = "";
            while (get_attr(s, &p, end, name, sizeof name, val, sizeof val)) {
                if (strcmp(name, "charset") == 0 && !charset[0])
                    snprintf(charset, sizeof charset, "%s", val);
                else if (strcmp(name, "content") == 0 && !content[0])
                    snprintf(content, sizeof content, "%s", val);
                else if (strcmp(name, "http-equiv") == 0 &&
                         at_ci(val, 0, strlen(val), "content-type") &&
                         strlen(val) == 12)
                    pragma = 1;
            }
            if (charset[0]) {
                snprintf(out, size, "%s", charset);
                return 1;
            }
            if (pragma && charset_in_content(content, out, size))
                return 1;
            i = p;
        } else {
            /* Any other tag, end tag, <!...> or <?...>: skip to its '>'. */
            const char *gt = memchr(s + i + 1, '>', end - i - 1);
            i = gt ? (size_t)(gt - s) + 1 : end;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Conversion */

void zk_decode_locate(const char *s, size_t i, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t j = 0; j < i; j++) {
        unsigned char b = (unsigned char)s[j];
        if (b == '\n' || (b == '\r' && (j + 1 >= i || s[j + 1] != '\n'))) {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80 && b != '\r') {
            c++;
        }
    }
    *line = l;
    *col = c;
}

void zk_decoded_free(zk_decoded *d)
{
    if (!d)
        return;
    free(d->text);
    free(d->map);
    d->text = NULL;
    d->map = NULL;
    d->len = 0;
}

/* Room for need more bytes of output. */
static int grow(zk_decoded *d, size_t *cap, size_t need)
{
    if (d->len + need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 256;
    while (c < d->len + need) {
        if (c > ((size_t)-1) / 2 / sizeof(size_t))
            return 0;
        c *= 2;
    }
    char *t = realloc(d->text, c + 1);
    if (!t)
        return 0;
    d->text = t;
    size_t *m = realloc(d->map, (c + 1) * sizeof *m);
    if (!m)
        return 0;
    d->map = m;
    *cap = c;
    return 1;
}

/* Map the output bytes [from, d->len) to input character [a, b). */
static void map_char(zk_decoded *d, size_t from, size_t a, size_t b)
{
    for (size_t j = from; j < d->len; j++) {
        size_t k = j - from;
        d->map[j] = a + k < b ? a + k : (b > a ? b - 1 : a);
    }
}

zk_status zk_decode(const char *name, const char *buf, size_t len,
                    size_t from, const char *enc, zk_decoded *out,
                    zk_error *err)
{
    enum { MAXCHAR = 16, ROOM = 64 };
    size_t cap = 0, pos = from;
    zk_status st = ZK_OK;

    memset(out, 0, sizeof *out);
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return zk_error_set(err, ZK_ERR_USAGE, name, 0, 0, -1,
                            "unknown encoding \"%s\"", enc);
    /* About 1.5 UTF-8 bytes per input byte for CJK text. */
    size_t guess = len - from + (len - from) / 2 + ROOM;
    if (!grow(out, &cap, guess < len ? ROOM : guess))
        goto nomem;
    while (pos < len) {
        size_t k = 1;
        for (;;) {
            char *in = (char *)(buf + pos), *op;
            size_t inleft = k, outleft;
            if (!grow(out, &cap, ROOM))
                goto nomem;
            op = out->text + out->len;
            outleft = cap - out->len;
            size_t r = iconv(cd, &in, &inleft, &op, &outleft);
            int e = r == (size_t)-1 ? errno : 0;
            size_t used = (size_t)(in - (buf + pos));
            size_t before = out->len;
            out->len = (size_t)(op - out->text);
            if (used > 0) {
                /* A whole character (or a shift sequence, which gives no
                 * output) was taken. */
                map_char(out, before, pos, pos + used);
                pos += used;
                break;
            }
            if (e == E2BIG) {
                if (!grow(out, &cap, cap))
                    goto nomem;
                continue;
            }
            if (e == EINVAL && pos + k < len && k < MAXCHAR) {
                k++;
                continue;
            }
            long line, col;
            zk_decode_locate(out->text, out->len, &line, &col);
            if (e == EINVAL && pos + k >= len)
                st = zk_error_set(err, ZK_ERR_INPUT, name, line, col,
                                  (long long)pos,
                                  "truncated %s character at byte %zu", enc,
                                  pos);
            else
                st = zk_error_set(err, ZK_ERR_INPUT, name, line, col,
                                  (long long)pos, "invalid %s at byte %zu",
                                  enc, pos);
            goto fail;
        }
    }
    /* Return a stateful encoding to its initial state. */
    for (;;) {
        if (!grow(out, &cap, ROOM))
            goto nomem;
        char *op = out->text + out->len;
        size_t outleft = cap - out->len, before = out->len;
        size_t r = iconv(cd, NULL, NULL, &op, &outleft);
        out->len = (size_t)(op - out->text);
        map_char(out, before, len, len);
        if (r != (size_t)-1 || errno != E2BIG)
            break;
    }
    iconv_close(cd);
    out->text[out->len] = '\0';
    out->map[out->len] = len;
    return ZK_OK;

nomem:
    st = zk_error_set(err, ZK_ERR_NOMEM, name, 0, 0, -1,
                      "out of memory decoding %zu bytes", len);
fail:
    iconv_close(cd);
    zk_decoded_free(out);
    return st;
}
