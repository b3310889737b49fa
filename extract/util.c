/*
 * util.c - small shared helpers (see util.h).
 *
 * Checked allocation: the zk_x* wrappers abort on out of memory.  They are
 * meant for the many small allocations (names, tables) where a failure
 * cannot be handled usefully; code that allocates buffers proportional to
 * the input (extract/text.c) uses plain malloc and returns ZK_ERR_NOMEM.
 *
 * UTF-8: zk_utf8_decode is the one strict decoder of the project.  It
 * rejects overlong forms, surrogates (U+D800..U+DFFF), code points above
 * U+10FFFF, stray continuation bytes and truncated sequences, so the same
 * function validates input and walks already validated text.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void zk_oom(size_t n)
{
    fprintf(stderr, "zhkg: out of memory (%zu bytes)\n", n);
    abort();
}

void *zk_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        zk_oom(n);
    return p;
}

void *zk_xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p)
        zk_oom(n * m);
    return p;
}

void *zk_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        zk_oom(n);
    return q;
}

char *zk_xstrdup(const char *s)
{
    return zk_xstrndup(s, strlen(s));
}

char *zk_xstrndup(const char *s, size_t n)
{
    char *p = zk_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ------------------------------------------------------------------ */
/* Growable buffer: data is always NUL-terminated once anything has been
 * appended; an initialised, empty buffer has data == NULL. */

void zk_buf_init(zk_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void zk_buf_free(zk_buf *b)
{
    free(b->data);
    zk_buf_init(b);
}

static void zk_buf_reserve(zk_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->data = zk_xrealloc(b->data, cap);
    b->cap = cap;
}

void zk_buf_append(zk_buf *b, const char *s, size_t n)
{
    zk_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void zk_buf_puts(zk_buf *b, const char *s)
{
    zk_buf_append(b, s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* UTF-8 */

size_t zk_utf8_decode_any(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2) /* continuation byte or overlong 2-byte lead */
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (u[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((uint32_t)(c & 0x1F) << 6) | (u[1] & 0x3F);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && u[1] < 0xA0) /* overlong */
            return 0;
        if (c == 0xED && u[1] >= 0xA0) /* surrogate */
            return 0;
        *cp = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
              (u[2] & 0x3F);
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 ||
            (u[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && u[1] < 0x90) /* overlong */
            return 0;
        if (c == 0xF4 && u[1] >= 0x90) /* above U+10FFFF */
            return 0;
        *cp = ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
              ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
        return 4;
    }
    return 0;
}

size_t zk_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t zk_utf8_prev(const char *s, size_t i)
{
    size_t k = 1;
    while (k < 4 && k < i && (((unsigned char)s[i - k]) & 0xC0) == 0x80)
        k++;
    return k;
}

int zk_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK Unified Ideographs */
           (cp >= 0x3400 && cp <= 0x4DBF) ||   /* Extension A */
           (cp >= 0x20000 && cp <= 0x323AF) || /* Extensions B..H */
           (cp >= 0xF900 && cp <= 0xFAFF) ||   /* Compatibility Ideographs */
           (cp >= 0x2F800 && cp <= 0x2FA1F) || /* Compatibility Supplement */
           cp == 0x3007;                       /* 〇 (ideographic zero) */
}

uint64_t zk_hash64(const char *s, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

uint64_t zk_hash_table(const char *s, size_t n)
{
    const uint64_t k = UINT64_C(0x9E3779B97F4A7C15);
    uint64_t h = (uint64_t)n * k, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 29;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * k;
    return h ^ (h >> 32);
}
