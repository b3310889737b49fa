/*
 * text_check.h - invariants every zk_text must satisfy, shared by the test
 * driver (tests/text_test.c) and the fuzz target (tests/fuzz/fuzz_text.c).
 *
 * text_check() returns 0 when t is a faithful normalisation of buf[0,len)
 * and otherwise writes the first broken rule to why:
 *   - orig is a copy of the input; map has norm_len + 1 entries, never
 *     decreases, stays within the input and ends at len;
 *   - norm is valid UTF-8 without NUL or CR, made of non-empty paragraphs
 *     that end in '\n' and carry no leading or trailing space;
 *   - every character of norm comes from the original character its map
 *     entry points at (the same character, or its documented folding);
 *   - sentences are ordered, disjoint, inside one paragraph, trimmed, cover
 *     every non-space character, and a headline paragraph is one sentence;
 *   - the original span [map[start], map[end]) of a sentence holds exactly
 *     the sentence's characters once line breaks and spaces are ignored.
 * text_check_ex(..., exact = 0, ...) skips the two checks that compare
 * characters with the original, for text zk_text_from_bytes decoded or
 * took out of HTML: there the original is GBK, UTF-16 or markup.
 * Everything is O(input).  Header-only: the functions are static.
 */
#ifndef ZK_TEXT_CHECK_H
#define ZK_TEXT_CHECK_H

#include "text.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

/* Is norm character n a legal rendering of original character o? */
static int text_check_same(uint32_t o, uint32_t n)
{
    if (o == n)
        return 1;
    if (n == 0xB7)
        return o == '?' || o == 0x30FB || o == 0xFF65 || o == 0x2022 ||
               o == 0x2027;
    if (n == ' ')
        return o == 0x3000 || o == 0xA0;
    return n < 0x80 && o >= 0xFF01 && o <= 0xFF5E && o - 0xFEE0 == n;
}

static int text_check_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' ||
           c == '\n' || c == 0xA0 || c == 0x3000 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0xFEFF;
}

/* Next non-space code point of s[*i, end), or 0 at the end. */
static uint32_t text_check_next(const char *s, size_t *i, size_t end)
{
    while (*i < end) {
        uint32_t c = 0;
        size_t k = zk_utf8_decode(s + *i, end - *i, &c);
        *i += k ? k : 1;
        if (!text_check_space(c))
            return c;
    }
    return 0;
}

#define TEXT_FAIL(...)                                  \
    do {                                                \
        snprintf(why, whysz, __VA_ARGS__);              \
        return 1;                                       \
    } while (0)

/* exact: norm was made from buf itself (zk_text_from_utf8), so its
 * characters can be compared with the original ones; for text decoded from
 * another encoding or taken out of HTML (zk_text_from_bytes) only the
 * structure is checked. */
static int text_check_ex(const zk_text *t, const char *buf, size_t len,
                         int exact, char *why, size_t whysz)
{
    const char *n = t->norm, *o = t->orig;
    size_t nl = t->norm_len;

    if (t->orig_len != len || (len && memcmp(o, buf, len) != 0) || o[len])
        TEXT_FAIL("orig is not a copy of the input");
    if (n[nl] != '\0' || t->map[nl] != len)
        TEXT_FAIL("norm not terminated or map[norm_len] != len");
    if (nl && n[nl - 1] != '\n')
        TEXT_FAIL("norm does not end with a paragraph end");
    for (size_t i = 0; i < nl; i++)
        if (t->map[i] > t->map[i + 1] || t->map[i] > len)
            TEXT_FAIL("map decreases or leaves the input at %zu", i);

    /* Characters of norm and where they come from. */
    for (size_t i = 0; i < nl;) {
        uint32_t c, oc;
        size_t k = zk_utf8_decode(n + i, nl - i, &c);
        if (k == 0 || c == 0 || c == '\r')
            TEXT_FAIL("bad byte in norm at %zu", i);
        int bol = i == 0 || n[i - 1] == '\n';
        if ((bol && (c == ' ' || c == '\t' || c == '\n')) ||
            (c == '\n' && (n[i - 1] == ' ' || n[i - 1] == '\t')))
            TEXT_FAIL("empty paragraph or untrimmed line at norm %zu", i);
        /* A space may also be inserted at a line end (two ASCII words
         * joined); it then maps to the white space or line break there. */
        size_t m = t->map[i];
        if (exact && c != '\n' &&
            (m >= len || zk_utf8_decode(o + m, len - m, &oc) == 0 ||
             !(text_check_same(oc, c) || (c == ' ' && text_check_space(oc)))))
            TEXT_FAIL("norm %zu (U+%04X) does not come from orig %zu", i,
                      (unsigned)c, m);
        i += k;
    }

    /* Sentences. */
    size_t para = 0, pos = 0, covered = 0;
    for (size_t s = 0; s < t->nsent; s++) {
        const zk_sentence *se = &t->sent[s];
        if (se->start >= se->end || se->end > nl || se->start < covered)
            TEXT_FAIL("sentence %zu: bad or overlapping span", s);
        for (; pos < se->start; pos++) {
            if (n[pos] == '\n')
                para++;
            else if (n[pos] != ' ' && n[pos] != '\t')
                TEXT_FAIL("norm byte %zu is in no sentence", pos);
        }
        if (se->para != para || (se->headline != 0 && se->headline != 1))
            TEXT_FAIL("sentence %zu: para %zu, expected %zu", s, se->para,
                      para);
        if (memchr(n + se->start, '\n', se->end - se->start))
            TEXT_FAIL("sentence %zu crosses a paragraph end", s);
        if (n[se->start] == ' ' || n[se->end - 1] == ' ' ||
            (n[se->start] & 0xC0) == 0x80 || (n[se->end] & 0xC0) == 0x80)
            TEXT_FAIL("sentence %zu is not trimmed to characters", s);
        if (s > 0 && t->sent[s - 1].para == se->para &&
            (se->headline || t->sent[s - 1].headline))
            TEXT_FAIL("sentence %zu: a headline paragraph split", s);
        /* The original span holds the same characters. */
        size_t a = t->map[se->start], b = t->map[se->end];
        size_t i = se->start, j = a;
        if (a > b)
            TEXT_FAIL("sentence %zu: original span [%zu,%zu) reversed", s,
                      a, b);
        for (; exact;) {
            uint32_t cn = text_check_next(n, &i, se->end);
            uint32_t co = text_check_next(o, &j, b);
            if (cn == 0 && co == 0)
                break;
            if (!text_check_same(co, cn))
                TEXT_FAIL("sentence %zu: original span [%zu,%zu) differs "
                          "(U+%04X vs U+%04X)", s, a, b, (unsigned)co,
                          (unsigned)cn);
        }
        pos = covered = se->end;
    }
    for (; pos < nl; pos++)
        if (n[pos] != '\n' && n[pos] != ' ' && n[pos] != '\t')
            TEXT_FAIL("norm byte %zu is in no sentence", pos);
    return 0;
}

#if defined(__GNUC__)
__attribute__((unused))
#endif
static int text_check(const zk_text *t, const char *buf, size_t len,
                      char *why, size_t whysz)
{
    return text_check_ex(t, buf, len, 1, why, whysz);
}

/* 1 if a and b are the same normalised text: bytes, offset map and
 * sentences (the fuzz targets read the same input twice and compare). */
#if defined(__GNUC__)
__attribute__((unused))
#endif
static int text_check_equal(const zk_text *a, const zk_text *b)
{
    if (a->norm_len != b->norm_len || a->nsent != b->nsent ||
        memcmp(a->norm, b->norm, a->norm_len) != 0 ||
        memcmp(a->map, b->map, (a->norm_len + 1) * sizeof *a->map) != 0)
        return 0;
    for (size_t i = 0; i < a->nsent; i++)
        if (a->sent[i].start != b->sent[i].start ||
            a->sent[i].end != b->sent[i].end ||
            a->sent[i].para != b->sent[i].para ||
            a->sent[i].headline != b->sent[i].headline)
            return 0;
    return 1;
}

#undef TEXT_FAIL
#endif
