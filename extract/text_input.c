/*
 * text_input.c - zk_text_from_bytes: any article file -> zk_text.
 *
 * The front of the text layer.  It decides what the bytes are, turns them
 * into UTF-8 text with a map back to the file, and hands that to the
 * normaliser (zk_text_from_mapped in text.c), so that every offset of the
 * result still points into the file as it is on disk:
 *
 *   1. format: HTML if asked for, or (ZK_INPUT_AUTO) if the name ends in
 *      .html, .htm, .xhtml or .shtml or the text starts like a page
 *      (zk_html_sniff); otherwise plain text;
 *   2. encoding, first rule that applies:
 *        a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
 *        valid UTF-8: UTF-8 (a page that declares GBK but was saved
 *          again as UTF-8 is common, and GBK text of any length is
 *          practically never valid UTF-8; a NUL byte in it is then
 *          reported as a NUL in UTF-8 text);
 *        opt->encoding, if given (the --encoding of the program): it
 *          overrides what a page declares;
 *        a page's declared charset (<meta charset>, http-equiv, <?xml>);
 *        UTF-8, which then fails with the offset of the first bad byte;
 *   3. conversion (extract/decode.c) unless it is UTF-8; a NUL character is
 *      an error as in UTF-8 text;
 *   4. HTML: the article text of the page (extract/html.c);
 *   5. the normaliser, with the composed map.
 *
 * Plain UTF-8 text takes the direct path of zk_text_from_utf8, byte for
 * byte the same result.
 */
#include "decode.h"
#include "html.h"
#include "text.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------------ */
/* Sniffing (html.h) */

int zk_html_sniff(const char *buf, size_t len)
{
    static const char *const tags[] = {
        "<!doctype html", "<html", "<head", "<body", "<script", "<iframe",
        "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b",
        "<br", "<p", "<meta", "<!--"};
    size_t i = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' ||
                       buf[i] == '\r' || buf[i] == '\f'))
        i++;
    for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
        size_t n = strlen(tags[t]), k;
        if (len - i < n + 1)
            continue;
        for (k = 0; k < n; k++) {
            unsigned char c = (unsigned char)buf[i + k];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c - 'A' + 'a');
            if (c != (unsigned char)tags[t][k])
                break;
        }
        if (k < n)
            continue;
        char after = buf[i + n];
        if (t == sizeof tags / sizeof *tags - 1 || after == ' ' ||
            after == '>' || after == '\t' || after == '\n' || after == '\r')
            return 1;
    }
    return 0;
}

static int html_name(const char *name)
{
    static const char *const ext[] = {".html", ".htm", ".xhtml", ".shtml"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        size_t k = strlen(ext[i]);
        if (n > k && strcasecmp(name + n - k, ext[i]) == 0)
            return 1;
    }
    return 0;
}

/* 1 if buf is UTF-8 (NUL bytes allowed: they are an error of their own,
 * reported by the text layer).  ASCII and valid 3-byte characters (all of
 * CJK) are checked in line; the rest by zk_utf8_decode. */
static int utf8_valid(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    size_t i = 0;
    while (i < len) {
        unsigned c = u[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) && i + 2 < len &&
            (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t k = zk_utf8_decode(buf + i, len - i, &cp);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

static int is_utf8_enc(const char *enc)
{
    return strcmp(enc, "UTF-8") == 0;
}

/* NUL characters in decoded text are errors, as NUL bytes are in UTF-8. */
static zk_status check_nul(const char *name, const zk_decoded *d,
                           zk_error *err)
{
    const char *z = memchr(d->text, '\0', d->len);
    if (!z)
        return ZK_OK;
    size_t i = (size_t)(z - d->text);
    long line, col;
    zk_decode_locate(d->text, i, &line, &col);
    return zk_error_set(err, ZK_ERR_INPUT, name, line, col,
                        (long long)d->map[i], "NUL character at byte %zu",
                        d->map[i]);
}

/* HTML src[0, len) (UTF-8) -> text; smap maps src into the file (NULL:
 * src starts at byte base of it). */
static zk_status from_html(const char *name, const char *src, size_t len,
                           const size_t *smap, size_t base, const char *buf,
                           size_t blen, zk_text **out, zk_error *err)
{
    char *text;
    size_t tlen, *map;
    zk_status st = zk_html_text(name, src, len, &text, &tlen, &map, err);
    if (st != ZK_OK)
        return st;
    for (size_t i = 0; i <= tlen; i++)
        map[i] = smap ? smap[map[i]] : map[i] + base;
    st = zk_text_from_mapped(name, text, tlen, map, buf, blen, out, err);
    free(text);
    free(map);
    return st;
}

zk_status zk_text_from_bytes(const char *name, const char *buf, size_t len,
                             const zk_input_options *opt, zk_text **out,
                             zk_error *err)
{
    static const zk_input_options defaults;
    char encbuf[64], declared[128];
    const char *enc = NULL;
    zk_status st;

    if (!name)
        name = "";
    if (!out || (!buf && len))
        return zk_error_set(err, ZK_ERR_USAGE, name, 0, 0, -1,
                            "zk_text_from_bytes: %s is NULL",
                            out ? "buf" : "out");
    *out = NULL;
    if (!buf)
        buf = "";
    if (!opt)
        opt = &defaults;

    const char *forced = NULL;
    if (opt->encoding && *opt->encoding && strcmp(opt->encoding, "auto") != 0) {
        forced = zk_encoding_lookup(opt->encoding, encbuf, sizeof encbuf);
        if (!forced)
            return zk_error_set(err, ZK_ERR_USAGE, name, 0, 0, -1,
                                "unknown encoding \"%s\"", opt->encoding);
    }
    int html = opt->format == ZK_INPUT_HTML ||
               (opt->format == ZK_INPUT_AUTO && html_name(name));

    size_t from = zk_decode_bom(buf, len, &enc);
    if (from == 0 && !html && !(opt->format == ZK_INPUT_AUTO && zk_html_sniff(buf, len))) {
        /* Plain text without a byte order mark: if it is valid UTF-8 (the
         * common case), the rules below come to zk_text_from_utf8 too; it
         * validates the text itself, so try it first rather than check it
         * twice.  If it fails, the rules decide as always (and report its
         * error themselves if the text is UTF-8 after all). */
        if (zk_text_from_utf8(name, buf, len, out, NULL) == ZK_OK)
            return ZK_OK;
    }
    if (from == 0) {
        if (utf8_valid(buf, len))
            enc = "UTF-8";
        else if (forced)
            enc = forced;
        else if ((html || (opt->format == ZK_INPUT_AUTO &&
                           zk_html_sniff(buf, len))) &&
                 zk_decode_declared(buf, len, declared, sizeof declared) &&
                 zk_encoding_lookup(declared, encbuf, sizeof encbuf))
            enc = encbuf;
        else
            enc = "UTF-8";
    }

    if (is_utf8_enc(enc)) {
        if (opt->format == ZK_INPUT_AUTO && !html)
            html = zk_html_sniff(buf, len);
        if (!html)
            return zk_text_from_utf8(name, buf, len, out, err);
        st = zk_text_validate(name, buf, len, from, err);
        if (st != ZK_OK)
            return st;
        return from_html(name, buf + from, len - from, NULL, from, buf, len,
                         out, err);
    }

    zk_decoded d;
    st = zk_decode(name, buf, len, from, enc, &d, err);
    if (st == ZK_OK)
        st = check_nul(name, &d, err);
    if (st == ZK_OK) {
        if (opt->format == ZK_INPUT_AUTO && !html)
            html = zk_html_sniff(d.text, d.len);
        if (html)
            st = from_html(name, d.text, d.len, d.map, 0, buf, len, out, err);
        else
            st = zk_text_from_mapped(name, d.text, d.len, d.map, buf, len,
                                     out, err);
    }
    zk_decoded_free(&d);
    return st;
}
