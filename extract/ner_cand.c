/*
 * ner_cand.c - candidate entity spans of one sentence.
 *
 * Lexicon forms and this document's aliases are found by longest match at
 * every character.  A suffix rule (有限公司, 产业园, 知识产权局 ...) marks a
 * name's right edge; its left edge is found by walking left from the
 * suffix over name characters (Han, Latin, digits, ·, dashes, balanced
 * brackets) to a hard stop (punctuation, 的, a boundary word such as 在 与
 * 引进 推动), then starting at the leftmost place or other known name in
 * that window when there is one (天津中科谱光… starts at 天津 even after
 * 推动), else at the stop.  A one-character boundary word right at the
 * window start is kept (和能人居科技集团).  The body before the suffix
 * must be long enough, must not start with a determiner (该公司) and must
 * not be only generic descriptors (科技公司).
 */
#include "ner_internal.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define WIN_CHARS 30
#define WIN_BYTES (WIN_CHARS * 4 + 8)

static int is_bracket_open(uint32_t cp) { return cp == 0xFF08 || cp == '('; }
static int is_bracket_close(uint32_t cp) { return cp == 0xFF09 || cp == ')'; }

static int is_name_cp(uint32_t cp)
{
    if (zk_is_han(cp))
        return 1;
    if (cp < 128)
        return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z') ||
               cp == '-' || cp == '(' || cp == ')';
    return cp == 0xB7 || cp == 0x2014 || cp == 0x2013 || cp == 0x2010 || cp == 0x2212 ||
           cp == 0xFF0D || is_bracket_open(cp) || is_bracket_close(cp);
}

/* Byte length of the character at txt[p] (the normalised text is valid
 * UTF-8, so its lead byte says), at most end - p. */
static inline size_t char_len(const char *txt, size_t p, size_t end)
{
    unsigned c = (unsigned char)txt[p];
    size_t k = 1 + (c >= 0xC0) + (c >= 0xE0) + (c >= 0xF0); /* no branch to mispredict */
    return k <= end - p ? k : 1;
}

/* The code point of the character of k bytes at txt[p] (valid UTF-8),
 * 0xFFFF for one outside the BMP, as zk_trie_first_map() counts them. */
static inline uint32_t map_cp(const char *txt, size_t p, size_t k)
{
    const unsigned char *u = (const unsigned char *)txt + p;
    if (k == 1)
        return u[0];
    if (k == 2)
        return (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    if (k == 3)
        return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    return 0xFFFF;
}

static size_t chars_in(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* 1 if s[0..n) is one or more generic words end to end. */
static int all_generic(const zk_ner *s, size_t a, size_t n)
{
    size_t p = 0;
    while (p < n) {
        zk_scan_match m[8];
        size_t nm = zk_scan_get(s, a + p, n - p, ZK_SCAN_WORD, m, 8);
        size_t best = 0;
        for (size_t i = 0; i < nm; i++)
            if (m[i].info & ZK_W_GENERIC)
                best = m[i].len;
        if (!best)
            return 0;
        p += best;
    }
    return 1;
}

/* 1 if a common word of two or more characters starts at q and ends by
 * limit. */
static int starts_common_word(const zk_rules *r, const char *txt, size_t q, size_t limit)
{
    zk_trie_match m[8];
    size_t nm = zk_trie_prefixes(r->common_trie, txt + q, limit - q, m, 8);
    return nm > 0;
}

/* 1 if an ordinary word of the common-word list that starts at one of
 * the three characters before q (not before lo) runs past q and ends
 * before `below`, looking no further than lim. */
static int common_word_over(const zk_rules *r, const char *txt, size_t lo, size_t q,
                            size_t lim, size_t below)
{
    size_t b = q;
    for (int back = 0; back < 3 && b > lo; back++) {
        b -= zk_utf8_prev(txt, b);
        zk_trie_match m[8];
        size_t nm = zk_trie_prefixes(r->common_trie, txt + b, lim - b, m, 8);
        for (size_t i = 0; i < nm; i++)
            if (b + m[i].len > q && b + m[i].len < below)
                return 1;
    }
    return 0;
}

/* 1 if an ordinary word runs across the start or the end of [a, b) of
 * the sentence [ss, se), so that the span cuts through it. */
static int crosses_common_word(const zk_ner *s, size_t ss, size_t se, size_t a, size_t b)
{
    const char *txt = s->t->norm;
    const zk_rules *r = s->r;
    if (common_word_over(r, txt, ss, a, se, b)) /* from before a, ending inside */
        return 1;
    for (size_t q = a + char_len(txt, a, b); q < b; q += char_len(txt, q, b)) { /* past b */
        zk_trie_match m[8];
        size_t nm = zk_trie_prefixes(r->common_trie, txt + q, se - q, m, 8);
        for (size_t i = 0; i < nm; i++)
            if (q + m[i].len > b)
                return 1;
    }
    return 0;
}

/* Left edge of a name whose suffix starts at suf and which ends at end;
 * returns (size_t)-1 when there is no acceptable name. */
static size_t left_edge(const zk_ner *s, size_t ss, size_t suf, size_t end, int *anchored,
                        int *home_pref)
{
    const char *txt = s->t->norm;
    const zk_rules *r = s->r;
    /* 1. the window of name characters */
    size_t ws = suf;
    int depth = 0, chars = 0;
    while (ws > ss && chars < WIN_CHARS) {
        size_t k = zk_utf8_prev(txt, ws);
        uint32_t cp;
        zk_utf8_decode(txt + ws - k, k, &cp);
        if (!is_name_cp(cp))
            break;
        if (cp == 0x2014 && ws - k > ss && strncmp(txt + ws - 2 * k, "\xE2\x80\x94", 3) == 0)
            break;
        if (is_bracket_close(cp))
            depth++;
        else if (is_bracket_open(cp)) {
            if (depth == 0)
                break;
            depth--;
        }
        ws -= k;
        chars++;
    }
    if (suf - ws > WIN_BYTES)
        return (size_t)-1;
    /* 2. starters beginning at and boundary words ending at each offset */
    unsigned char starter[WIN_BYTES + 1] = {0};
    unsigned char inside[WIN_BYTES + 1] = {0}; /* strictly inside a known word */
    size_t bstart[WIN_BYTES + 1];
    for (size_t i = 0; i <= suf - ws; i++)
        bstart[i] = (size_t)-1;
    for (size_t q = ws; q < suf;) {
        zk_scan_match m[16];
        size_t nm = zk_scan_get(s, q, end - q, ZK_SCAN_WORD, m, 16);
        for (size_t i = 0; i < nm; i++) {
            unsigned cl = m[i].info;
            if (cl & (ZK_W_STARTER | ZK_W_REGION)) {
                starter[q - ws] = 1;
                for (size_t x = q + 1; x < q + m[i].len && x < suf; x++)
                    inside[x - ws] = 1;
            }
            if ((cl & (ZK_W_BOUNDARY | ZK_W_DETERMINER | ZK_W_GROUP)) &&
                !(cl & (ZK_W_STARTER | ZK_W_REGION)) && q + m[i].len <= suf) {
                size_t e = q + m[i].len - ws;
                if (bstart[e] == (size_t)-1 || bstart[e] > q - ws)
                    bstart[e] = q - ws;
            }
        }
        /* frequent verbs of the common-word list end a name's left edge
         * (探索科创园 -> no name), unless words.tsv marks them namepart */
        zk_scan_match cm[16];
        nm = zk_scan_get(s, q, suf - q, ZK_SCAN_VERB, cm, 16);
        for (size_t i = nm ? nm - 1 : 0; i < nm; i++) { /* the longest word only: 知识产权, not 知识 */
            if (!ZK_COMMON_IS_BOUNDARY_VERB(cm[i].value))
                continue;
            if (zk_scan_word_classes(s, q, cm[i].len) &
                (ZK_W_NAMEPART | ZK_W_STARTER | ZK_W_REGION))
                continue;
            size_t e = q + cm[i].len - ws;
            if (bstart[e] == (size_t)-1 || bstart[e] > q - ws)
                bstart[e] = q - ws;
        }
        nm = zk_scan_get(s, q, end - q, ZK_SCAN_FORM, m, 16);
        if (nm) {
            starter[q - ws] = 1;
            for (size_t x = q + 1; x < q + m[nm - 1].len && x < suf; x++)
                inside[x - ws] = 1;
        }
        q += char_len(txt, q, suf);
    }
    /* a conjunction (和, 及) right before a known name separates two names
     * (…保护中心和河北省…), while 工业和信息化 stays one name */
    for (size_t q = ws; q < suf;) {
        size_t k = char_len(txt, q, suf);
        if ((zk_scan_word_classes(s, q, k) & ZK_W_CONJ) && q + k < suf && starter[q + k - ws] &&
            !inside[q - ws]) {
            size_t e = q + k - ws;
            if (bstart[e] == (size_t)-1 || bstart[e] > q - ws)
                bstart[e] = q - ws;
        }
        q += k;
    }
    /* 3. scan right to left */
    size_t left_starter = (size_t)-1, cut = 0;
    int bdepth = 0, cut_by_ref = 0;
    size_t home_at = (size_t)-1;
    for (size_t p = suf - ws;;) {
        if (starter[p] && bdepth == 0)
            left_starter = p;
        if (bstart[p] != (size_t)-1 && !inside[p] && !inside[bstart[p]] && bdepth == 0) {
            size_t q = bstart[p];
            int one_char = chars_in(txt + ws + q, p - q) == 1;
            if (one_char && (starts_common_word(r, txt, ws + q, suf) ||
                             /* 由 of 自由, 在 of 所在: the end of an ordinary word */
                             common_word_over(r, txt, ws, ws + q, ws + p, ws + p + 1))) {
                /* 在 of 企商在线: part of a longer ordinary word */
            } else {
                cut = p;
                zk_scan_match gm[8];
                size_t ng = zk_scan_get(s, ws + q, p - q, ZK_SCAN_WORD, gm, 8);
                for (size_t g = 0; g < ng; g++) {
                    unsigned cl = gm[g].info;
                    if (q + gm[g].len != p)
                        continue;
                    if (cl & (ZK_W_GROUP | ZK_W_DETERMINER))
                        cut_by_ref = 1;
                    if ((cl & ZK_W_HOMEPREFIX) && left_starter == (size_t)-1 && p < suf - ws)
                        home_at = q; /* 市金融局: the home city's 金融局 */
                }
                break;
            }
        }
        if (p == 0)
            break;
        size_t k = zk_utf8_prev(txt + ws, p);
        uint32_t cp;
        zk_utf8_decode(txt + ws + p - k, k, &cp);
        if (is_bracket_close(cp))
            bdepth++;
        else if (is_bracket_open(cp) && bdepth > 0)
            bdepth--;
        p -= k;
    }
    *anchored = left_starter != (size_t)-1 && left_starter >= cut;
    if (home_at != (size_t)-1 && home_pref &&
        (home_at == 0 || (bstart[home_at] != (size_t)-1 && !inside[home_at]))) {
        *home_pref = 1;
        *anchored = 1;
        return ws + home_at;
    }
    if (!*anchored && cut_by_ref)
        return (size_t)-1; /* 三地保护中心, 该公司: a reference, not a name */
    size_t left = ws + (*anchored ? left_starter : cut);
    /* A lexicon name that ends where this name ends is complete: the name
     * does not reach further left unless only places precede it. */
    for (size_t q = left; q < suf; q++) {
        if (((unsigned char)txt[q] & 0xC0) == 0x80)
            continue;
        zk_scan_match lm[16];
        size_t nl = zk_scan_get(s, q, end - q, ZK_SCAN_FORM, lm, 16);
        if (!nl || q + lm[nl - 1].len != end)
            continue;
        size_t x = left;
        while (x < q) {
            size_t nx = zk_scan_get(s, x, q - x, ZK_SCAN_FORM, lm, 16);
            if (!nx || strcmp(r->lex[r->forms[lm[nx - 1].value].entry].type, "city") != 0)
                break;
            x += lm[nx - 1].len;
        }
        if (x != q)
            left = q;
        break;
    }
    /* a name does not start inside brackets or with a dash or dot */
    for (;;) {
        uint32_t cp;
        size_t k = zk_utf8_decode(txt + left, suf - left, &cp);
        if (!k || !(cp == 0xB7 || cp == 0x2014 || cp == '-' || is_bracket_close(cp)))
            break;
        left += k;
    }
    return left;
}

/* 1 if a boundary or notname word overlaps the suffix in a way that makes
 * it no name ending: 布局 (ends in 局), 司长 (runs past the end). */
static int suffix_blocked(const zk_ner *s, size_t ss, size_t se, size_t suf, size_t end)
{
    const char *txt = s->t->norm;
    size_t q = suf;
    for (int back = 0; back < 6 && q > ss; back++)
        q -= zk_utf8_prev(txt, q);
    for (; q <= suf; q++) {
        if (((unsigned char)txt[q] & 0xC0) == 0x80)
            continue;
        zk_scan_match m[16];
        size_t nm = zk_scan_get(s, q, se - q, ZK_SCAN_WORD, m, 16);
        for (size_t i = 0; i < nm; i++) {
            unsigned cl = m[i].info;
            size_t e = q + m[i].len;
            if ((cl & ZK_W_NOTNAME) && e >= end)
                return 1;
            if ((cl & ZK_W_BOUNDARY) && ((q < suf && e > suf) || e > end))
                return 1;
        }
    }
    return 0;
}

static void push_name(zk_cands *out, size_t a, size_t b, const char *type,
                      const char *canon, char *owned, const char *rule, int prio,
                      const zk_lex_entry *lex);

static int body_ok(const zk_ner *s, size_t left, size_t suf, int min_body, int anchored_suffix)
{
    const char *txt = s->t->norm;
    size_t n = suf - left;
    if ((int)chars_in(txt + left, n) < min_body)
        return 0;
    if (n == 0)
        return 1;
    for (size_t i = left; i < suf; i++)
        if (txt[i] >= '0' && txt[i] <= '9')
            return 0; /* 5家医院, 4所高校: a count, not a name */
    zk_scan_match m[8];
    size_t nm = zk_scan_get(s, left, n, ZK_SCAN_WORD, m, 8);
    for (size_t i = 0; i < nm; i++) {
        unsigned cl = m[i].info;
        if ((cl & ZK_W_DETERMINER) || ((cl & ZK_W_BOUNDARY) && chars_in(txt + left, m[i].len) > 1))
            return 0;
    }
    if (min_body > 0 && anchored_suffix) {
        int32_t f = zk_scan_exact(s, left, n, ZK_SCAN_FORM);
        if (f >= 0 && strcmp(s->r->lex[s->r->forms[f].entry].type, "city") == 0)
            return 0; /* 天津基地, 北京办公室: a place and a bare ending */
    }
    return !all_generic(s, left, n);
}

static void push_name(zk_cands *out, size_t a, size_t b, const char *type,
                      const char *canon, char *owned, const char *rule, int prio,
                      const zk_lex_entry *lex)
{
    zk_cand c;
    memset(&c, 0, sizeof c);
    c.start = a;
    c.end = b;
    c.suffix_start = a;
    c.type = type;
    c.canon = canon;
    c.owned = owned;
    c.rule = rule;
    c.prio = prio;
    c.kind = ZK_K_NAME;
    c.lex = lex;
    zk_cands_push(out, &c);
}

static int word_has(const zk_ner *s, size_t a, size_t b, unsigned cls)
{
    return a < b && (zk_scan_word_classes(s, a, b - a) & cls);
}

/* A one-character place form (京) counts in context: after 来/在/赴…, or
 * in a list with another one-character form (京、冀). */
static int abbrev_in_context(const zk_ner *s, size_t ss, size_t se, size_t p, size_t len)
{
    const char *txt = s->t->norm;
    for (size_t back = p, i = 0; i < 2 && back > ss; i++) {
        back -= zk_utf8_prev(txt, back);
        if (word_has(s, back, p, ZK_W_ABBREV_CTX))
            return 1;
    }
    static const char dun[] = "、";
    size_t dl = sizeof dun - 1;
    if (p + len + dl < se && memcmp(txt + p + len, dun, dl) == 0) {
        size_t q = p + len + dl;
        size_t k = zk_utf8_prev(txt, q + 3 <= se ? q + 3 : q);
        if (q + k <= se && word_has(s, q, q + k, ZK_W_ABBREV))
            return 1;
    }
    if (p >= ss + dl + 3 && memcmp(txt + p - dl, dun, dl) == 0) {
        size_t q = p - dl;
        size_t k = zk_utf8_prev(txt, q);
        if (word_has(s, q - k, q, ZK_W_ABBREV))
            return 1;
    }
    return 0;
}

/* Names found by context (entities.tsv): each match's (?<name>) group,
 * kept when it is 2-10 characters, not a common word, not a place, not
 * generic and not starting with a boundary word. */
static void context_names(zk_ner *s, size_t ss, size_t se, zk_cands *out)
{
    const zk_rules *r = s->r;
    const char *txt = s->t->norm;
    if (!r->nents)
        return;
    unsigned char *seen = zk_xcalloc(r->nneeds + 1, 1);
    for (uint32_t i = s->scan.at[ss]; i < s->scan.at[se]; i++) {
        int32_t v = s->scan.hits[i].k.v[ZK_SCAN_NEEDS];
        if (v >= 0)
            seen[v] = 1;
    }
    pcre2_match_data *md = NULL;
    for (size_t i = 0; i < r->nents; i++) {
        const zk_ent_rule *er = &r->ents[i];
        if (!zk_needs_hit(&er->needs, seen))
            continue;
        if (!md)
            md = pcre2_match_data_create(16, NULL);
        int num = pcre2_substring_number_from_name(er->code, (PCRE2_SPTR) "name");
        PCRE2_SIZE start = 0, len = se - ss;
        while (start <= len) {
            int rc = pcre2_match(er->code, (PCRE2_SPTR)(txt + ss), len, start,
                                 PCRE2_NO_UTF_CHECK, md, zk_rules_match_context(r));
            if (rc < 0)
                break;
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            int ok = ov[2 * num] != PCRE2_UNSET; /* the group may take no part */
            size_t a = ok ? ss + ov[2 * num] : ss, b = ok ? ss + ov[2 * num + 1] : ss;
            size_t chars = chars_in(txt + a, b - a);
            ok = ok && chars >= 2 && chars <= 10 && !zk_rules_common(r, txt + a, b - a) &&
                 !all_generic(s, a, b - a);
            if (ok) {
                int32_t f = zk_scan_exact(s, a, b - a, ZK_SCAN_FORM);
                ok = f < 0;
                zk_scan_match m[8];
                size_t nm = zk_scan_get(s, a, b - a, ZK_SCAN_WORD, m, 8);
                for (size_t k = 0; ok && k < nm; k++)
                    ok = !(m[k].info &
                           (ZK_W_BOUNDARY | ZK_W_DETERMINER | ZK_W_GROUP | ZK_W_REGION |
                            ZK_W_GENERIC));
            }
            if (ok) {
                char *name = zk_xstrndup(txt + a, b - a);
                push_name(out, a, b, er->type, name, name, er->id, 1, NULL);
            }
            PCRE2_SIZE next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            while (next < len && ((unsigned char)txt[ss + next] & 0xC0) == 0x80)
                next++;
            start = next;
        }
    }
    pcre2_match_data_free(md);
    free(seen);
}

/* A run of one-character province forms (沪苏浙皖, 苏浙) followed by a
 * count of places (三省一市, 两省) is a group of those provinces; so is a
 * run of four or more.  A count alone (三省一市) refers back to the last
 * run of the document.  Returns the bytes consumed (0: none). */
static size_t province_run(zk_ner *s, size_t p, size_t se, zk_cands *out)
{
    const char *txt = s->t->norm;
    zk_buf members;
    zk_buf_init(&members);
    size_t q = p, n = 0;
    while (q < se) {
        uint32_t cp;
        size_t k = zk_utf8_decode(txt + q, se - q, &cp);
        const zk_word *w = k ? zk_scan_word(s, q, k) : NULL;
        if (!w || !(w->classes & ZK_W_PROVINCE))
            break;
        if (n++)
            zk_buf_putc(&members, '|');
        zk_buf_puts(&members, w->value[16]);
        q += k;
    }
    zk_scan_match m[8];
    size_t nm = zk_scan_get(s, q, se - q, ZK_SCAN_WORD, m, 8);
    size_t count = 0;
    for (size_t i = 0; i < nm; i++)
        if (m[i].info & ZK_W_COUNT)
            count = m[i].len;
    size_t used = 0;
    if ((n >= 2 && count) || n >= 4) {
        free(s->last_run);
        s->last_run = zk_xstrdup(members.data);
        used = q + count - p;
    } else if (n == 0 && count && s->last_run) {
        used = count;
    }
    if (used) {
        zk_cand c;
        memset(&c, 0, sizeof c);
        c.start = p;
        c.end = p + used;
        c.type = "city";
        c.kind = ZK_K_GROUP;
        c.owned = zk_xstrdup(n ? members.data : s->last_run);
        c.value = c.owned;
        c.rule = "province-run";
        c.prio = 2;
        zk_cands_push(out, &c);
    }
    zk_buf_free(&members);
    return used;
}

/* 1 if p opens a clause: the sentence start, or right after ，；：“ or a
 * short time phrase and a comma is not needed (2025年9月，公司…). */
static int clause_start(const char *txt, size_t ss, size_t p)
{
    if (p == ss)
        return 1;
    size_t k = zk_utf8_prev(txt, p);
    uint32_t cp;
    zk_utf8_decode(txt + p - k, k, &cp);
    return cp == 0xFF0C || cp == 0xFF1B || cp == 0xFF1A || cp == 0x201C || cp == ',' ||
           cp == ';' || cp == ':';
}

void zk_ner_candidates(zk_ner *s, size_t si, int mode, zk_cands *out)
{
    const zk_rules *r = s->r;
    const char *txt = s->t->norm;
    size_t ss = s->t->sent[si].start, se = s->t->sent[si].end;
    size_t last_suffix_end = (size_t)-1;
    int stat = mode == ZK_CAND_STATIC, pass2 = mode == ZK_CAND_DYNAMIC;
    const uint8_t *dyn_first = zk_trie_first_map(s->dyn_trie);
    if (stat)
        context_names(s, ss, se, out);
    for (size_t p = ss; p < se;) {
        uint32_t cp;
        size_t k = char_len(txt, p, se);
        unsigned fl = s->scan.flags[p];
        zk_scan_match m[16];
        size_t nm = stat && (fl & ZK_SF_FORM) ? zk_scan_get(s, p, se - p, ZK_SCAN_FORM, m, 16) : 0;
        if (nm) {
            uint32_t info = m[nm - 1].info;
            size_t end = p + m[nm - 1].len;
            /* a short place form that runs into a word of class after_place
             * (兴隆村, 王村路) names something else */
            int ok = 1;
            if ((info & ZK_SCAN_ALIAS) && (info & ZK_SCAN_CITY) && end < se) {
                zk_scan_match am[8];
                size_t na = zk_scan_get(s, end, se - end, ZK_SCAN_WORD, am, 8);
                for (size_t i = 0; i < na; i++)
                    if (am[i].info & ZK_W_NOTPLACE)
                        ok = 0;
            }
            /* a short form of an organisation that straddles two ordinary
             * words is no mention of it (融创 in 金融创新) */
            if ((info & ZK_SCAN_ALIAS) && !(info & ZK_SCAN_CITY) && chars_in(txt + p, end - p) <= 2 &&
                crosses_common_word(s, ss, se, p, end))
                ok = 0;
            if (ok) {
                const zk_lex_entry *e = &r->lex[r->forms[m[nm - 1].value].entry];
                push_name(out, p, end, e->type, e->name, NULL,
                          (info & ZK_SCAN_ALIAS) ? "lexicon-alias" : "lexicon", 3, e);
            }
        }
        if (pass2 && (fl & ZK_SF_WORD)) {
            /* a province run starts here: this character is a province form
             * or a count (三省一市), and the one before is no province form */
            int starts = (zk_scan_word_classes(s, p, k) & ZK_W_PROVINCE) != 0;
            if (!starts) {
                zk_scan_match cm[8];
                size_t nc = zk_scan_get(s, p, se - p, ZK_SCAN_WORD, cm, 8);
                for (size_t i = 0; i < nc; i++)
                    starts |= (cm[i].info & ZK_W_COUNT) != 0;
            }
            if (starts && p > ss) {
                size_t pk = zk_utf8_prev(txt, p);
                starts = !(zk_scan_word_classes(s, p - pk, pk) & ZK_W_PROVINCE);
            }
            if (starts)
                province_run(s, p, se, out);
        }
        uint32_t mc;
        if (pass2 && s->ndyn && (mc = map_cp(txt, p, k), (dyn_first[mc >> 3] >> (mc & 7)) & 1)) {
            zk_trie_match dm[16];
            nm = zk_trie_prefixes(s->dyn_trie, txt + p, se - p, dm, 16);
            if (nm) {
                const zk_dyn_form *f = &s->dyn[dm[nm - 1].value];
                push_name(out, p, p + dm[nm - 1].len, f->type, f->canon, NULL, "doc-alias", 3,
                          NULL);
            }
        }
        nm = stat && (fl & ZK_SF_SUFFIX) ? zk_scan_get(s, p, se - p, ZK_SCAN_SUFFIX, m, 16) : 0;
        if (nm && p + m[nm - 1].len != last_suffix_end) {
            const zk_suffix *sf = &r->suffixes[m[nm - 1].value];
            size_t end = p + m[nm - 1].len;
            last_suffix_end = end;
            int anchored = 0, home_pref = 0;
            size_t left = left_edge(s, ss, p, end, &anchored,
                                    strcmp(sf->type, "agency") == 0 ? &home_pref : NULL);
            size_t body = left;
            if (home_pref)
                body += zk_utf8_decode(txt + left, p - left, &cp);
            /* 市金融局: a bare function (金融) is the body of a home-city agency */
            if (left != (size_t)-1 && left < p && (anchored || !sf->anchored) &&
                (home_pref ? body < p : body_ok(s, body, p, sf->min_body, sf->anchored)) &&
                !suffix_blocked(s, ss, se, p, end)) {
                char *name = zk_xstrndup(txt + left, end - left);
                push_name(out, left, end, sf->type, name, name, "suffix", 2, NULL);
                out->v[out->n - 1].suffix_start = p;
                out->v[out->n - 1].from_suffix = 1;
                out->v[out->n - 1].home_prefix = home_pref;
            }
        }
        nm = fl & ZK_SF_WORD ? zk_scan_get(s, p, se - p, ZK_SCAN_WORD, m, 16) : 0;
        for (size_t i = 0; i < nm; i++) {
            unsigned cl = m[i].info;
            /* blocks are static, the other classes dynamic */
            int block = (cl & (ZK_W_NOTNAME | ZK_W_REGION)) &&
                        !(cl & (ZK_W_GROUP | ZK_W_COREF | ZK_W_COREFCLAUSE | ZK_W_HOME |
                                ZK_W_ABBREV));
            if (block != stat || !(cl & ZK_CAND_WORD_CLASSES))
                continue;
            const zk_word *w = &r->words[m[i].value];
            zk_cand c;
            memset(&c, 0, sizeof c);
            c.start = p;
            c.end = p + m[i].len;
            c.type = "city";
            c.prio = 2;
            if (w->classes & ZK_W_GROUP) {
                c.kind = ZK_K_GROUP;
                c.value = w->value[7];
                c.rule = "group";
            } else if (w->classes & ZK_W_COREF) {
                c.kind = ZK_K_COREF;
                c.value = w->value[8];
                c.type = "company";
                c.rule = "coref";
            } else if ((w->classes & ZK_W_COREFCLAUSE) && clause_start(txt, ss, p)) {
                c.kind = ZK_K_COREF;
                c.value = w->value[21];
                c.type = "company";
                c.rule = "coref";
            } else if (w->classes & ZK_W_HOME) {
                c.kind = ZK_K_HOME;
                c.rule = "home";
            } else if ((w->classes & ZK_W_ABBREV) &&
                       abbrev_in_context(s, ss, se, p, m[i].len)) {
                c.kind = ZK_K_NAME;
                c.canon = w->value[5];
                c.rule = "abbrev";
                c.prio = 1;
            } else if (w->classes & (ZK_W_NOTNAME | ZK_W_REGION)) {
                c.kind = ZK_K_BLOCK;
                c.rule = "notname";
                c.prio = 4;
            } else {
                continue;
            }
            zk_cands_push(out, &c);
        }
        p += k;
    }
}
