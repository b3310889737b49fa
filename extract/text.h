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
 * Every byte of norm has an entry in orig: orig[i] is the byte offset in
 * the original file of the character norm[i] came from; orig[norm_len] is
 * the original length.  So a span [a,b) of norm maps to [orig[a], orig[b]).
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
    char *norm;          /* normalised text, NUL-terminated; paragraphs end in '\n' */
    size_t norm_len;
    size_t *map;         /* norm_len + 1 entries: norm byte -> original byte */
    zk_sentence *sent;
    size_t nsent;
};

#endif
