/*
 * trie_test.c - extract/trie.c against hand-checked cases and a naive
 * reference (perf.trie).
 *
 * The hand cases pin the contract of trie.h: every key that is a prefix of
 * s[0..n), shortest first, capped at max; exact get; add keeps the first
 * value.  Then 100,000 random keys over an alphabet of 1- to 4-byte
 * characters (so that nodes have 1, a few, hundreds and, at the root,
 * tens of thousands of children: every lookup path of trie.c) are checked
 * against a sorted array searched with bsearch(), while keys are still
 * being added, as the per-document alias trie is used.  Prints nothing and
 * exits 0 on success; the first difference is printed and exits 1.
 */
#include "trie.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures;

#define CHECK(cond, ...)                                                     \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "trie_test:%d: ", __LINE__);                     \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
            if (++failures > 20)                                             \
                exit(1);                                                     \
        }                                                                    \
    } while (0)

static void add(zk_trie *t, const char *k, int32_t v)
{
    CHECK(zk_trie_add(t, k, strlen(k), v) == -1, "add %s: not new", k);
}

/* The matches of s as "len:value,..." */
static const char *matches(const zk_trie *t, const char *s, size_t n, size_t max)
{
    static char buf[512];
    zk_trie_match m[16];
    size_t k = zk_trie_prefixes(t, s, n, m, max), p = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < k; i++)
        p += (size_t)snprintf(buf + p, sizeof buf - p, "%s%zu:%d", i ? "," : "", m[i].len,
                              (int)m[i].value);
    return buf;
}

static void hand_cases(void)
{
    zk_trie *t = zk_trie_new();
    add(t, "北", 1);
    add(t, "北京", 2);
    add(t, "北京市", 3);
    add(t, "北京市海淀区", 4);
    add(t, "天津", 5);
    add(t, "a", 6);
    add(t, "ab", 7);
    add(t, "abc", 8);
    add(t, "é", 9);          /* 2 bytes */
    add(t, "\xF0\xA0\x80\x80", 10); /* U+20000, 4 bytes */
    add(t, "\xF0\xA0\x80\x80z", 11);
    add(t, "\xFF\xFE", 12);  /* not UTF-8: compared byte by byte */
    add(t, "x\xE4\xB8", 13); /* ends in a truncated sequence */
    CHECK(zk_trie_size(t) == 13, "size %zu", zk_trie_size(t));

    const char *s = "北京市海淀区中关村";
    CHECK(strcmp(matches(t, s, strlen(s), 16), "3:1,6:2,9:3,18:4") == 0, "北京市…: %s",
          matches(t, s, strlen(s), 16));
    CHECK(strcmp(matches(t, s, strlen(s), 2), "3:1,6:2") == 0, "max 2: %s",
          matches(t, s, strlen(s), 2));
    CHECK(strcmp(matches(t, s, 9, 16), "3:1,6:2,9:3") == 0, "n = 9: %s", matches(t, s, 9, 16));
    CHECK(strcmp(matches(t, s, 8, 16), "3:1,6:2") == 0, "n cuts 市: %s", matches(t, s, 8, 16));
    CHECK(strcmp(matches(t, s, 0, 16), "") == 0, "n = 0");
    CHECK(strcmp(matches(t, s, strlen(s), 0), "") == 0, "max = 0");
    CHECK(strcmp(matches(t, "abcd", 4, 16), "1:6,2:7,3:8") == 0, "abcd: %s",
          matches(t, "abcd", 4, 16));
    CHECK(strcmp(matches(t, "ba", 2, 16), "") == 0, "ba");
    CHECK(strcmp(matches(t, "天", 3, 16), "") == 0, "天 alone is no key");
    CHECK(strcmp(matches(t, "éa", 3, 16), "2:9") == 0, "é: %s", matches(t, "éa", 3, 16));
    CHECK(strcmp(matches(t, "\xF0\xA0\x80\x80zz", 6, 16), "4:10,5:11") == 0, "U+20000: %s",
          matches(t, "\xF0\xA0\x80\x80zz", 6, 16));
    CHECK(strcmp(matches(t, "\xFF\xFE\xFD", 3, 16), "2:12") == 0, "raw bytes: %s",
          matches(t, "\xFF\xFE\xFD", 3, 16));
    CHECK(strcmp(matches(t, "x\xE4\xB8", 3, 16), "3:13") == 0, "truncated key, same bytes");

    CHECK(zk_trie_get(t, "北京", 6) == 2, "get 北京");
    CHECK(zk_trie_get(t, "北京市海淀", 15) == -1, "get of a non-key prefix");
    CHECK(zk_trie_get(t, "北京市海淀区中", 21) == -1, "get past a key");
    CHECK(zk_trie_get(t, "天", 3) == -1, "get 天");
    CHECK(zk_trie_get(t, "\xFF\xFE", 2) == 12, "get raw");
    CHECK(zk_trie_get(t, "", 0) == -1, "get empty");
    CHECK(zk_trie_add(t, "北京", 6, 99) == 2, "re-add returns the old value");
    CHECK(zk_trie_get(t, "北京", 6) == 2, "re-add keeps the old value");
    CHECK(zk_trie_size(t) == 13, "re-add does not count");
    CHECK(zk_trie_add(t, "", 0, 14) == -1 && zk_trie_get(t, "", 0) == 14, "empty key");
    CHECK(strcmp(matches(t, "ab", 2, 16), "1:6,2:7") == 0, "the empty key is never a match");

    /* the first-character map: 北 天 a é x set, 京 (never first) not;
     * U+20000 and the raw byte 0xFF count as 0xFFFF */
    const uint8_t *fm = zk_trie_first_map(t);
#define FIRST(cp) ((fm[(cp) >> 3] >> ((cp) & 7)) & 1)
    CHECK(FIRST(0x5317u) && FIRST(0x5929u) && FIRST('a') && FIRST(0xE9u) && FIRST('x'),
          "first map: the first characters of the keys");
    CHECK(!FIRST(0x4EACu) && !FIRST('b') && !FIRST('z'), "first map: 京 b z start no key");
    CHECK(FIRST(0xFFFFu), "first map: keys outside the BMP");
    size_t set = 0;
    for (uint32_t cp = 0; cp < 0x10000; cp++)
        set += FIRST(cp);
    CHECK(set == 6, "first map: %zu bits set, expected 6", set);
#undef FIRST
    zk_trie_free(t);
}

/* ------------------------------------------------------------------ */
/* Random keys against a sorted array                                  */

static unsigned long long rng = 88172645463325252ULL;
static unsigned next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng >> 32);
}

static size_t encode(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A character of the test alphabet: ASCII, Latin, CJK, astral; skewed
 * towards the first few of each so that keys share prefixes. */
static unsigned rand_cp(void)
{
    unsigned r = next() % 100, k = next() % 64;
    k = k * k / 64; /* skew */
    if (r < 15)
        return 'a' + k % 26;
    if (r < 25)
        return 0xE0 + k;
    if (r < 90)
        return 0x4E00 + k * 5;
    return 0x20000 + k;
}

typedef struct key {
    char s[32];
    size_t len;
    int32_t value;
} key;

static int cmp_key(const void *a, const void *b)
{
    const key *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The reference: every prefix of s[0..n) that is in the sorted keys. */
static size_t reference(const key *keys, size_t nkeys, const char *s, size_t n,
                        zk_trie_match *out, size_t max)
{
    size_t k = 0;
    for (size_t len = 1; len <= n && len < sizeof keys->s && k < max; len++) {
        key probe;
        memcpy(probe.s, s, len);
        probe.len = len;
        const key *hit = bsearch(&probe, keys, nkeys, sizeof *keys, cmp_key);
        if (hit) {
            out[k].len = len;
            out[k].value = hit->value;
            k++;
        }
    }
    return k;
}

static void rand_text(char *buf, size_t *len, size_t chars)
{
    size_t p = 0;
    for (size_t i = 0; i < chars; i++)
        p += encode(rand_cp(), buf + p);
    *len = p;
}

static void check_text(const zk_trie *t, const key *sorted, size_t nsorted, const char *s,
                       size_t n)
{
    zk_trie_match a[16], b[16];
    size_t max = 1 + next() % 16;
    size_t na = zk_trie_prefixes(t, s, n, a, max);
    size_t nb = reference(sorted, nsorted, s, n, b, max);
    CHECK(na == nb, "%zu matches, reference %zu (n %zu, max %zu)", na, nb, n, max);
    for (size_t i = 0; i < na && i < nb; i++)
        CHECK(a[i].len == b[i].len && a[i].value == b[i].value,
              "match %zu: %zu:%d, reference %zu:%d", i, a[i].len, (int)a[i].value, b[i].len,
              (int)b[i].value);
}

static int cmp_key_value(const void *a, const void *b)
{
    const key *x = a, *y = b;
    int c = cmp_key(a, b);
    return c ? c : (x->value > y->value) - (x->value < y->value);
}

static void random_keys(void)
{
    enum { NKEYS = 100000, NASTRAL = 40000 };
    key *raw = calloc(NKEYS, sizeof *raw);          /* in insertion order */
    key *uniq = calloc(NKEYS + NASTRAL, sizeof *uniq); /* sorted, first value */
    key *ref = calloc(NKEYS + NASTRAL, sizeof *ref);   /* the keys added so far */
    zk_trie *t = zk_trie_new();
    size_t nuniq = 0;
    if (!raw || !uniq || !ref) {
        fputs("trie_test: out of memory\n", stderr);
        exit(1);
    }
    for (size_t i = 0; i < NKEYS; i++) {
        rand_text(raw[i].s, &raw[i].len, 1 + next() % 6);
        raw[i].value = (int32_t)i;
    }
    memcpy(uniq, raw, NKEYS * sizeof *raw);
    qsort(uniq, NKEYS, sizeof *uniq, cmp_key_value);
    for (size_t i = 0; i < NKEYS; i++)
        if (nuniq == 0 || cmp_key(&uniq[nuniq - 1], &uniq[i]) != 0)
            uniq[nuniq++] = uniq[i];

    for (size_t i = 0; i < NKEYS; i++) {
        const key *first = bsearch(&raw[i], uniq, nuniq, sizeof *uniq, cmp_key);
        int32_t want = first->value == raw[i].value ? -1 : first->value;
        int32_t old = zk_trie_add(t, raw[i].s, raw[i].len, raw[i].value);
        CHECK(old == want, "add %zu returned %d, expected %d", i, (int)old, (int)want);
        if (i % 5000 != 4999)
            continue;
        /* look up while the trie grows, against the keys added so far */
        size_t nref = 0;
        for (size_t j = 0; j < nuniq; j++)
            if ((size_t)uniq[j].value <= i)
                ref[nref++] = uniq[j];
        for (int q = 0; q < 300; q++) {
            char buf[64];
            size_t n;
            rand_text(buf, &n, 1 + next() % 8);
            check_text(t, ref, nref, buf, n);
            const key *k = &ref[next() % nref];
            check_text(t, ref, nref, k->s, k->len);
        }
    }
    CHECK(zk_trie_size(t) == nuniq, "size %zu, expected %zu", zk_trie_size(t), nuniq);
    for (size_t i = 0; i < nuniq; i++)
        CHECK(zk_trie_get(t, uniq[i].s, uniq[i].len) == uniq[i].value, "get key %zu", i);

    /* a root with more children than hashed arrays take (binary search) */
    for (size_t i = 0; i < NASTRAL; i++) {
        key *k = &uniq[nuniq++];
        k->len = encode(0x30000 + (unsigned)i, k->s);
        k->value = (int32_t)(NKEYS + i);
        CHECK(zk_trie_add(t, k->s, k->len, k->value) == -1, "astral key %zu", i);
    }
    qsort(uniq, nuniq, sizeof *uniq, cmp_key);
    for (size_t i = 0; i < nuniq; i++)
        CHECK(zk_trie_get(t, uniq[i].s, uniq[i].len) == uniq[i].value, "get key %zu", i);
    for (int q = 0; q < 20000; q++) {
        char buf[64];
        size_t n;
        rand_text(buf, &n, 1 + next() % 8);
        if (q % 4 == 0)
            n = encode(0x30000 + next() % (NASTRAL + 100), buf);
        check_text(t, uniq, nuniq, buf, n);
    }
    zk_trie_free(t);
    free(raw);
    free(uniq);
    free(ref);
}

int main(void)
{
    hand_cases();
    random_keys();
    return failures != 0;
}
