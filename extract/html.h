/*
 * html.h - the article text of an HTML page, with offsets into the page
 * (extract/html.c, extract/html_scan.c; docs/robustness.md).
 *
 * libxml2's HTML parser builds the tree; it gives line numbers only, so
 * html_scan.c runs a light scanner of its own over the same bytes that
 * lists every character of character data (outside tags, comments,
 * <script> and <style>, entities decoded) with its byte span.  html.c then
 * walks the tree in document order and lines every text node up with that
 * list, which gives each character of the output its place in the file.
 */
#ifndef ZK_HTML_H
#define ZK_HTML_H

#include "zhkg.h"

#include <stddef.h>
#include <stdint.h>

/* 1 if buf looks like HTML (extract/text_input.c, which decides the
 * format): after white space (and a UTF-8 BOM) it starts
 * with one of the tags of the WHATWG MIME sniffing rules (<!DOCTYPE HTML,
 * <HTML, <HEAD, <BODY, <SCRIPT, <IFRAME, <H1, <DIV, <FONT, <TABLE, <A,
 * <STYLE, <TITLE, <B, <BR, <P), or <META, in any case, followed by white
 * space or '>'; or with "<!--" followed by anything. */
int zk_html_sniff(const char *buf, size_t len);

/* The article text of the HTML document src[0, len) (UTF-8 without NUL,
 * src[len] == '\0'): *text (NUL-terminated, *tlen bytes) and *map (*tlen +
 * 1 entries, offsets into src, never decreasing, (*map)[*tlen] == len).
 * Block elements are separated by two blank lines (always a paragraph end
 * for the text layer), each <br> by a line break.  Caller frees *text and *map
 * with free().  ZK_ERR_INPUT if libxml2 gives up on the page. */
zk_status zk_html_text(const char *name, const char *src, size_t len,
                       char **text, size_t *tlen, size_t **map,
                       zk_error *err);

/* ------------------------------------------------------------------ */
/* Internal to html.c and html_scan.c */

/* Elements nested deeper than this are flattened before libxml2 sees them
 * (their tags become spaces): libxml2 stops at 256 levels, and its tree
 * building costs time in proportion to the depth for every tag. */
#define ZK_HTML_MAX_DEPTH 200

/* One character of character data: code point and byte span in src. */
typedef struct zk_hchar {
    uint32_t cp;
    size_t a, b;
} zk_hchar;

typedef struct zk_hscan {
    zk_hchar *ch;     /* character data in document order */
    size_t n, cap;
    char *parse;      /* copy of src for libxml2 (len bytes + NUL): a DOCTYPE
                         internal subset and over-deep tags are blanked */
    size_t flattened; /* tags blanked for depth */
} zk_hscan;

/* Scan src[0, len); 0 on success, -1 out of memory (nothing to free). */
int zk_html_scan(const char *src, size_t len, zk_hscan *sc);
void zk_html_scan_free(zk_hscan *sc);

#endif
