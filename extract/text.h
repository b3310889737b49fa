/*
 * text.h - internal view of a normalised document (zk_text_*).
 *
 * zk_text_from_utf8() (extract/text.c) turns the raw bytes of an article
 * into the text the rules run on:
 *   - invalid UTF-8 is rejected with the byte offset;
 *   - print layout is undone: a line break inside a paragraph is removed,
 *     blank lines, headline lines and bylines end paragraphs;
 *   - '?' between two Han characters (or Han and a Latin letter) becomes
 *     '·' (U+00B7), the middle dot OCR lost;
 *   - full-width ASCII letters, digits and spaces are folded (NFKC) while
 *     Chinese punctuation (，。、；：？！“”《》（）) stays as it is;
 *   - the text is split into sentences at 。！？； and at the end of
 *     headline lines.
 *
 * Every byte of norm has an entry in map: map[i] is the byte offset in
 * the original file of the character norm[i] came from; map[norm_len] is
 * the original length.  For a GBK, UTF-16 or HTML file (zk_text_from_bytes,
 * extract/text_input.c) orig holds the file's own bytes and the map points
 * into them, through the decoder's and the HTML reader's maps.  So a span
 * [a,b) of norm maps to the original span [map[a], map[b]).
 */
#ifndef ZK_TEXT_H
#define ZK_TEXT_H

#include "zhkg.h"

typedef struct zk_sentence {
    size_t start, end;   /* byte span in norm, end exclusive, no trailing '\n' */
    size_t para;         /* paragraph index (0-based) */
    int headline;        /* 1 if the sentence is a headline/byline line */
} zk_sentence;

struct zk_text {
    char *name;          /* document name (owned) */
    char *orig;          /* original bytes (owned copy), orig_len bytes + NUL */
    size_t orig_len;
    int orig_utf8;       /* 1: orig is the UTF-8 text norm was made from
                            (zk_text_from_utf8); 0: it was decoded from
                            another encoding or is an HTML page, so its
                            bytes are no characters of the text */
    char *norm;          /* normalised text, NUL-terminated; paragraphs end in '\n' */
    size_t norm_len;
    size_t *map;         /* norm_len + 1 entries: norm byte -> original byte */
    zk_sentence *sent;
    size_t nsent;
};

/* Strict UTF-8 check of s[from, len) (no NUL byte), with the error record
 * of zk_text_from_utf8: ZK_ERR_INPUT, byte offset, line:col, "invalid
 * UTF-8 at byte N" or "NUL byte at byte N". */
zk_status zk_text_validate(const char *name, const char *s, size_t len,
                           size_t from, zk_error *err);

/* Normalise text that was derived from an original file (decoded from
 * another encoding, taken out of HTML): buf[0, len) is valid UTF-8 without
 * NUL and buf[len] == '\0'; srcmap has len + 1 entries, never decreasing,
 * srcmap[i] is the byte of orig that buf[i] came from and srcmap[len] ==
 * orig_len.  The result keeps a copy of orig[0, orig_len) as its original,
 * and its map points into it (norm -> buf -> orig).  extract/text_input.c
 * is the caller. */
zk_status zk_text_from_mapped(const char *name, const char *buf, size_t len,
                              const size_t *srcmap, const char *orig,
                              size_t orig_len, zk_text **out, zk_error *err);

#endif
