/*
 * util.h - small shared helpers: checked allocation, string buffers,
 * UTF-8 decoding, hashing.  Every function is zk_util_* or zk_buf_*.
 */
#ifndef ZK_UTIL_H
#define ZK_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *zk_xmalloc(size_t n);            /* aborts on out of memory */
void *zk_xcalloc(size_t n, size_t m);
void *zk_xrealloc(void *p, size_t n);
char *zk_xstrdup(const char *s);
char *zk_xstrndup(const char *s, size_t n);

/* Growable byte buffer, always NUL-terminated. */
typedef struct zk_buf {
    char *data;
    size_t len, cap;
} zk_buf;
void zk_buf_init(zk_buf *b);
void zk_buf_free(zk_buf *b);
void zk_buf_append(zk_buf *b, const char *s, size_t n);
void zk_buf_puts(zk_buf *b, const char *s);
/* One byte; in line while it fits (the exporters escape text byte by byte). */
static inline void zk_buf_putc(zk_buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        zk_buf_append(b, &c, 1);
    }
}

/* Decode one UTF-8 code point at s (n bytes available).  Returns its length
 * (1-4) and stores the code point in *cp, or returns 0 for an invalid,
 * overlong or truncated sequence. Assumes already validated text when used
 * on normalised text. */
static inline size_t zk_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* zk_utf8_decode beyond its fast path (util.c). */
size_t zk_utf8_decode_any(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns length. */
size_t zk_utf8_encode(uint32_t cp, char *out);
/* Length in bytes of the code point before position i (i > 0). */
size_t zk_utf8_prev(const char *s, size_t i);
/* 1 if cp is a Han ideograph (CJK Unified Ideographs and extensions). */
int zk_is_han(uint32_t cp);

/* In line: ASCII and the 3-byte characters without special cases (E0:
 * overlong, ED: surrogates), which is all of CJK; the NER decodes every
 * character of every sentence. */
static inline size_t zk_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && n >= 3 &&
        (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
              (u[2] & 0x3F);
        return 3;
    }
    return zk_utf8_decode_any(s, n, cp);
}

/* FNV-1a 64-bit hash (stable: node ids are made of it). */
uint64_t zk_hash64(const char *s, size_t n);
/* A faster hash for in-memory tables only (8 bytes a step; its values
 * may change between versions): mix its high bits into a table index. */
uint64_t zk_hash_table(const char *s, size_t n);

#endif
