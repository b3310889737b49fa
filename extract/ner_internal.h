/*
 * ner_internal.h - state shared by ner.c (passes, aliases, commit) and
 * ner_cand.c (candidate spans and the left edge of suffix names).
 */
#ifndef ZK_NER_INTERNAL_H
#define ZK_NER_INTERNAL_H

#include "ner.h"

enum { ZK_K_NAME, ZK_K_GROUP, ZK_K_COREF, ZK_K_HOME, ZK_K_BLOCK };

typedef struct zk_cand {
    size_t start, end;          /* normalised byte span */
    size_t suffix_start;        /* for suffix names: where the suffix begins */
    const char *type;
    const char *canon;          /* canonical name (may point to owned) */
    const char *value;          /* group members / coref type */
    const char *rule;           /* static rule id */
    const zk_lex_entry *lex;    /* lexicon entry, or NULL */
    char *owned;                /* string owned by the candidate */
    int prio;
    int kind;
    int from_suffix;
    int home_prefix;            /* 市金融局: the name stands for the home city's */
} zk_cand;

typedef struct zk_cands {
    zk_cand *v;
    size_t n, cap;
} zk_cands;

typedef struct zk_dyn_form {
    char *canon;
    const char *type;
} zk_dyn_form;

/* ner_scan.c: the keys of zk_rules.scan_trie at every character of the
 * document's sentences.  The matches at byte p are hits[at[p]..at[p+1]),
 * shortest first. */
typedef struct zk_scan_hit {
    uint32_t len;
    zk_scan_key k;              /* a copy of the key's zk_rules.scan entry */
} zk_scan_hit;

/* A match of one set: its length, its value in that set's trie and, for a
 * word its classes, for a lexicon form ZK_SCAN_ALIAS | ZK_SCAN_CITY. */
typedef struct zk_scan_match {
    size_t len;
    int32_t value;
    uint32_t info;
} zk_scan_match;

/* zk_scan.flags[p]: what the hits at p hold, so that the name finder
 * passes over the others at once. */
enum {
    ZK_SF_FORM = 1,             /* a lexicon form */
    ZK_SF_SUFFIX = 2,           /* a name ending */
    ZK_SF_WORD = 4              /* a word of a class that makes a candidate */
};
/* The word classes that make candidates (ner_cand.c) or start a province
 * run. */
#define ZK_CAND_WORD_CLASSES                                                               \
    (ZK_W_GROUP | ZK_W_COREF | ZK_W_COREFCLAUSE | ZK_W_HOME | ZK_W_ABBREV | ZK_W_NOTNAME | \
     ZK_W_REGION | ZK_W_PROVINCE | ZK_W_COUNT)

typedef struct zk_scan {
    uint32_t *at;               /* norm_len + 1 entries */
    uint8_t *flags;             /* norm_len entries: ZK_SF_* of the hits at p */
    zk_scan_hit *hits;
    size_t nhits, cap;
} zk_scan;

void zk_scan_build(zk_scan *sc, const zk_rules *r, const zk_text *t);
void zk_scan_free(zk_scan *sc);

typedef struct zk_ner {
    const zk_rules *r;
    const zk_text *t;
    zk_doc *d;
    zk_trie *dyn_trie;          /* this document's aliases */
    zk_dyn_form *dyn;
    size_t ndyn, capdyn;
    const char *home;           /* home city of the paper, or NULL */
    char *last_run;             /* members of the last province run (沪苏浙皖), or NULL */
    zk_scan scan;               /* static keys at every character */
} zk_ner;

/* What zk_trie_prefixes(the trie of set, norm + p, lim, out, max) would
 * give (with each match's info), from the scan: p is a character of a sentence and p + lim is no
 * further than the sentence's end. */
static inline size_t zk_scan_get(const zk_ner *s, size_t p, size_t lim, int set,
                                 zk_scan_match *out, size_t max)
{
    const zk_scan_hit *h = s->scan.hits;
    size_t k = 0;
    if (lim == 0)
        return 0;
    for (uint32_t i = s->scan.at[p], e = s->scan.at[p + 1]; i < e && k < max; i++) {
        if (h[i].len > lim)
            break;
        int32_t v = h[i].k.v[set];
        if (v >= 0) {
            out[k].len = h[i].len;
            out[k].value = v;
            out[k].info = set == ZK_SCAN_WORD ? h[i].k.word_classes : h[i].k.form_info;
            k++;
        }
    }
    return k;
}

/* The key of the scan that is exactly norm[p..p+len), or NULL. */
static inline const zk_scan_key *zk_scan_key_at(const zk_ner *s, size_t p, size_t len)
{
    const zk_scan_hit *h = s->scan.hits;
    if (len == 0)
        return NULL;
    for (uint32_t i = s->scan.at[p], e = s->scan.at[p + 1]; i < e; i++)
        if (h[i].len >= len)
            return h[i].len == len ? &h[i].k : NULL;
    return NULL;
}

/* What zk_trie_get(the trie of set, norm + p, len) would give. */
static inline int32_t zk_scan_exact(const zk_ner *s, size_t p, size_t len, int set)
{
    const zk_scan_key *k = zk_scan_key_at(s, p, len);
    return k ? k->v[set] : -1;
}

/* The classes of the word of words.tsv that is norm[p..p+len), or 0. */
static inline unsigned zk_scan_word_classes(const zk_ner *s, size_t p, size_t len)
{
    const zk_scan_key *k = zk_scan_key_at(s, p, len);
    return k ? k->word_classes : 0;
}

/* The word of words.tsv that is norm[p..p+len), or NULL (p as above). */
static inline const zk_word *zk_scan_word(const zk_ner *s, size_t p, size_t len)
{
    int32_t w = zk_scan_exact(s, p, len, ZK_SCAN_WORD);
    return w < 0 ? NULL : &s->r->words[w];
}

void zk_cands_push(zk_cands *c, const zk_cand *x);
/* Candidate spans of sentence si: ZK_CAND_STATIC gives those that depend
 * on the text and rules alone (lexicon, suffix rules, context patterns,
 * blocks), ZK_CAND_DYNAMIC those that depend on what the document taught
 * (its aliases) or on the state of the pass (groups, references, home
 * city, one-character forms, province runs). */
enum { ZK_CAND_STATIC = 1, ZK_CAND_DYNAMIC = 2 };
void zk_ner_candidates(zk_ner *s, size_t si, int mode, zk_cands *out);

/* ner_alias.c */
void zk_ner_dyn_add(zk_ner *s, const char *surface, size_t n, const char *canon,
                    const char *type);
void zk_ner_learn_intro_alias(zk_ner *s, const zk_cand *c, size_t send);
void zk_ner_learn_abbreviations(zk_ner *s, const zk_cand *c);
void zk_ner_learn_short_forms(zk_ner *s, const zk_cand *c);
void zk_ner_learn_place_prefixed(zk_ner *s, const zk_cands *names);
void zk_ner_add_expansions(zk_ner *s, size_t ent, const char *name);
/* ner_ref.c */
const char *zk_ner_home_city(const zk_ner *s);
long zk_ner_resolve_coref(const zk_ner *s, const char *want, size_t sent);
void zk_ner_resolve_group(zk_ner *s, size_t si, const zk_cand *x, zk_marker *mk);
void zk_ner_detect_home(zk_ner *s, zk_cands *all);

#endif
