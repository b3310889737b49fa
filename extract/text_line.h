/*
 * text_line.h - line scanner and paragraph rules of the text normaliser.
 *
 * Internal to extract/text.c.  The scanner walks the validated input one
 * line at a time, skips blank lines (counting them) and describes each
 * non-blank line by a few features; the rule functions decide from those
 * features whether a line break inside the text ends a paragraph.  All
 * offsets are byte offsets into the original buffer.  Nothing here
 * allocates.
 */
#ifndef ZK_TEXT_LINE_H
#define ZK_TEXT_LINE_H

#include <stddef.h>
#include <stdint.h>

/* Decode one code point of text already validated by zk_utf8_decode (no
 * checks: the fast path of both passes). */
static inline size_t zk_text_dec(const char *s, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] < 0xE0) {
        *cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (u[0] < 0xF0) {
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
              (u[2] & 0x3F);
        return 3;
    }
    *cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
          ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    return 4;
}

/* How the content of a line ends (closing quotes/brackets skipped). */
enum {
    ZK_END_NONE = 0, /* a character, digit, closing bracket ... */
    ZK_END_COMMA,    /* ，、：,: or an opening quote/bracket: goes on */
    ZK_END_STOP,     /* 。！？；!?;… : a sentence ends */
    ZK_END_DASH      /* —— : a subheading that introduces what follows */
};

/* Byline kinds. */
enum {
    ZK_BYLINE_NO = 0,
    ZK_BYLINE_PREFIX, /* starts with 本报讯/本报记者/记者/...; not classified */
    ZK_BYLINE_ONLY,   /* the whole line is a byline */
    ZK_BYLINE_SPLIT   /* byline [ts, bsep), then the text from body */
};

typedef struct zk_text_line {
    size_t start, end;  /* raw line, end = its line break or the input end */
    size_t ts, te;      /* content: the line without surrounding spaces */
    size_t cs;          /* where the text starts (after "## " marks) */
    size_t bsep, body;  /* ZK_BYLINE_SPLIT: byline end and text start */
    size_t width;       /* display width of the content (wide = 2) */
    size_t ncp;         /* code points in the content */
    size_t blanks;      /* blank lines between this and the previous line */
    int block_first;    /* first line of a block (after blanks or at the top) */
    uint32_t first;     /* first code point of the text (at cs) */
    uint32_t last;      /* last code point of the content */
    int indent;         /* the raw line starts with a space */
    int heading;        /* markdown heading ("# ", "## " ...) */
    int marker;         /* starts with ■ □ ● ○ ▲ △ ◆ ◇ ★ ☆ */
    int byline;         /* ZK_BYLINE_* */
    int endc;           /* ZK_END_* */
    int punct;          /* has clause or sentence punctuation */
    int has_stop;       /* has a sentence-ending mark */
    int stop_inside;    /* a sentence ends before the last character */
    int frag;           /* starts with the tail of a cut sentence ("业，") */
    int tail_word;      /* ends with an ASCII word standing on its own */
    long open;          /* opening minus closing quotes and brackets */
} zk_text_line;

/* What the rules know about the paragraph being built. */
typedef struct zk_text_para_stats {
    size_t nlines, ncp;
    long open;
    int punct, has_stop, stop_inside, last_endc;
    int forced;         /* heading or byline: always a headline */
} zk_text_para_stats;

typedef struct zk_text_line_scan {
    const char *s;
    size_t len, pos;
    size_t lines;       /* non-blank lines returned so far */
} zk_text_line_scan;

void zk_text_line_scan_init(zk_text_line_scan *sc, const char *s, size_t len,
                            size_t from);
/* Next non-blank line into *ln; 0 at the end of the input. */
int zk_text_line_next(zk_text_line_scan *sc, zk_text_line *ln);
/* Resolve ZK_BYLINE_PREFIX into ONLY, SPLIT or NO (needs the next line,
 * NULL at the end). */
void zk_text_line_classify(const char *s, zk_text_line *cur,
                           const zk_text_line *nx);
void zk_text_para_add(zk_text_para_stats *st, const zk_text_line *ln);
/* 1 if the paragraph ends after cur.  nx and nx2 are the next two
 * non-blank lines (NULL past the end); prevw is the width of the line
 * before cur when it is in the same block, else 0. */
int zk_text_line_breaks(const zk_text_line *cur, const zk_text_line *nx,
                        const zk_text_line *nx2, size_t prevw,
                        const zk_text_para_stats *st);
/* 1 if cur and nx are joined with one space (two ASCII words). */
int zk_text_line_space_join(const zk_text_line *cur, const zk_text_line *nx);
/* 1 if the finished paragraph is a headline (one sentence). */
int zk_text_para_headline(const zk_text_para_stats *st);

#endif
