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

typedef struct zk_ner {
    const zk_rules *r;
    const zk_text *t;
    zk_doc *d;
    zk_trie *dyn_trie;          /* this document's aliases */
    zk_dyn_form *dyn;
    size_t ndyn, capdyn;
    const char *home;           /* home city of the paper, or NULL */
    char *last_run;             /* members of the last province run (沪苏浙皖), or NULL */
} zk_ner;

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
