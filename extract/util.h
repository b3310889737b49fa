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
void zk_buf_putc(zk_buf *b, char c);

/* Decode one UTF-8 code point at s (n bytes available).  Returns its length
 * (1-4) and stores the code point in *cp, or returns 0 for an invalid,
 * overlong or truncated sequence. Assumes already validated text when used
 * on normalised text. */
size_t zk_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns length. */
size_t zk_utf8_encode(uint32_t cp, char *out);
/* Length in bytes of the code point before position i (i > 0). */
size_t zk_utf8_prev(const char *s, size_t i);
/* 1 if cp is a Han ideograph (CJK Unified Ideographs and extensions). */
int zk_is_han(uint32_t cp);

/* FNV-1a 64-bit hash. */
uint64_t zk_hash64(const char *s, size_t n);

#endif
