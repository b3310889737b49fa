/*
 * rules.h - the compiled rule set (struct zk_rules), read-only after load.
 *
 * Rule files (format in docs/rules.md):
 *   lexicon/<any>.tsv  name TAB type TAB aliases TAB parent   gazetteers
 *   suffixes.tsv       suffix TAB type TAB min_body            name endings
 *   words.tsv          word TAB class TAB value                word classes
 *   relations.tsv      id TAB type TAB mode TAB pattern        relation rules
 * Loading turns them into tries (extract/trie.c) and compiled PCRE2
 * patterns; extraction only reads them.
 */
#ifndef ZK_RULES_H
#define ZK_RULES_H

#include "trie.h"
#include "zhkg.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

typedef struct zk_lex_entry {
    char *name;
    char *type;
    char *parent;          /* NULL when '-' */
    char *file;            /* rule file it came from (for messages) */
} zk_lex_entry;

/* A surface form in the lexicon trie. */
typedef struct zk_lex_form {
    size_t entry;
    int is_alias;
} zk_lex_form;

/* The key sets of zk_rules.scan_trie: lexicon forms, words, name
 * endings, the rules' needs words, and (ZK_SCAN_VERB) the common words
 * that are frequent verbs (they end a name's left edge) and the common
 * words that begin with one, valued as in common_trie.  The longest of these at a position is
 * a frequent verb exactly when the longest common word there is, so the
 * name finder need not walk the 125,000 common words. */
enum { ZK_SCAN_FORM, ZK_SCAN_WORD, ZK_SCAN_SUFFIX, ZK_SCAN_NEEDS, ZK_SCAN_VERB, ZK_SCAN_NSETS };

#define ZK_SCAN_PAIR_BITS 20

/* The bit of the pair (c1, c2) in zk_rules.scan_pairs. */
static inline uint32_t zk_scan_pair_bit(uint32_t c1, uint32_t c2)
{
    return ((c1 * 0x9E3779B1u) ^ (c2 * 0x85EBCA77u)) >> (32 - ZK_SCAN_PAIR_BITS);
}

/* Bits of zk_scan_key.form_info. */
enum { ZK_SCAN_ALIAS = 1, ZK_SCAN_CITY = 2 };

typedef struct zk_scan_key {
    int32_t v[ZK_SCAN_NSETS];
    /* copies of what the name finder asks of each match at every
     * character, so that it need not reach into the large arrays: */
    uint32_t word_classes;   /* words[v[ZK_SCAN_WORD]].classes, or 0 */
    uint32_t form_info;      /* ZK_SCAN_ALIAS, ZK_SCAN_CITY of the form */
} zk_scan_key;

/* Record that key[0..len) is a key of set with the given value, and copy
 * what zk_scan_key keeps of it; called again whenever that changes (a
 * word's classes, a form's entry). */
void zk_rules_scan_add(zk_rules *r, const char *key, size_t len, int set, int32_t value);

/* Word classes (words.tsv); a word may carry several. */
enum {
    ZK_W_BOUNDARY = 1u << 0,   /* a word that cannot start a name: 在 与 引进 */
    ZK_W_STARTER = 1u << 1,    /* a word that may start a name: 中国 国家 */
    ZK_W_GENERIC = 1u << 2,    /* a descriptor that is no name alone: 科技 */
    ZK_W_DETERMINER = 1u << 3, /* 该 这 各: the phrase is a reference */
    ZK_W_ALIAS = 1u << 4,      /* introduces an alias: 简称 以下简称 */
    ZK_W_ABBREV = 1u << 5,     /* one-character place form: 京 -> 北京市 */
    ZK_W_ABBREV_CTX = 1u << 6, /* word before a one-char form that makes it a place: 来 在 */
    ZK_W_GROUP = 1u << 7,      /* stands for several places: 三地 -> 北京市|天津市|河北省 */
    ZK_W_COREF = 1u << 8,      /* description referring back: 该公司 -> company */
    ZK_W_HOME = 1u << 9,       /* the paper's home city: 我市 */
    ZK_W_REGION = 1u << 10,    /* region, not an entity, but may start a name: 京津冀 */
    ZK_W_NOTNAME = 1u << 11,   /* a full form that is never an entity: 京津冀协同发展 */
    ZK_W_MASTHEAD = 1u << 12,  /* masthead word naming the home city: 天津日报 -> 天津市 */
    ZK_W_EXPAND = 1u << 13,    /* abbreviated name ending and its full form: 发改委 -> 发展和改革委员会 */
    ZK_W_NOTPLACE = 1u << 14,  /* after a short place form, it is no place: 村 (兴隆村) */
    ZK_W_NAMEPART = 1u << 15,  /* a frequent verb that is no boundary: 发展, 保护 (…保护中心) */
    ZK_W_PROVINCE = 1u << 16,  /* one-character province form in a run: 沪苏浙皖 -> 上海市 … */
    ZK_W_COUNT = 1u << 17,     /* a count of places after a run: 三省一市, 两地 */
    ZK_W_NEGATION = 1u << 18,  /* negates a relation stated in its match: 未, 尚未, 没有 */
    ZK_W_CONJ = 1u << 19,      /* a conjunction, a boundary before a known name: 和 */
    ZK_W_HOMEPREFIX = 1u << 20, /* 市 of 市金融局: the home city's body */
    ZK_W_COREFCLAUSE = 1u << 21 /* a reference only at a clause start: 公司 (，公司迁驻雄安) */
};

#define ZK_W_NCLASSES 22

typedef struct zk_word {
    char *word;
    unsigned classes;
    char *value[ZK_W_NCLASSES]; /* value per class, or NULL */
} zk_word;

typedef struct zk_suffix {
    char *suffix;
    char *type;
    int min_body;          /* minimum characters before the suffix */
    int anchored;          /* 1: the name must start with a known name or place */
} zk_suffix;

/* The optional last field of a rule: words separated by |, one of which
 * the sentence must contain for the rule to be tried at all (a cheap
 * filter in front of the regular expression).  n == 0: always tried. */
typedef struct zk_needs {
    char **w;
    int32_t *id;           /* each word's number in zk_rules.needs_trie */
    size_t n;
} zk_needs;

void zk_needs_free(zk_needs *nd);
/* Mark in seen[] (zk_rules.nneeds entries) every needs word that occurs in
 * s[0..len): one pass over the text whatever the number of rules. */
void zk_needs_scan(const zk_rules *r, const char *s, size_t len, unsigned char *seen);
/* 1 if one of nd's words was seen (or nd has none). */
static inline int zk_needs_hit(const zk_needs *nd, const unsigned char *seen)
{
    for (size_t i = 0; i < nd->n; i++)
        if (seen[nd->id[i]])
            return 1;
    return nd->n == 0;
}

typedef enum zk_rel_mode {
    ZK_MODE_PAIRS = 0,     /* every entity in src x every entity in dst */
    ZK_MODE_CLIQUE,        /* every pair of entities in the parties group */
    ZK_MODE_STAR           /* the first party with each other party */
} zk_rel_mode;

typedef struct zk_rel_rule {
    char *id;
    char *type;
    zk_rel_mode mode;
    char *source;          /* the pattern as written */
    pcre2_code *code;
    zk_needs needs;        /* words the sentence must contain (one of) */
} zk_rel_rule;

/* A context pattern (entities.tsv): a PCRE2 pattern over the normalised
 * sentence whose group (?<name>...) is a name of the given type. */
typedef struct zk_ent_rule {
    char *id;
    char *type;
    pcre2_code *code;
    zk_needs needs;
} zk_ent_rule;

struct zk_rules {
    char *dir;
    zk_lex_entry *lex;
    size_t nlex, caplex;
    zk_lex_form *forms;
    size_t nforms, capforms;
    zk_trie *lex_trie;     /* surface -> forms index */
    zk_word *words;
    size_t nwords, capwords;
    zk_trie *word_trie;    /* word -> words index */
    zk_suffix *suffixes;
    size_t nsuffixes, capsuffixes;
    zk_trie *suffix_trie;  /* suffix -> suffixes index */
    zk_rel_rule *rels;
    size_t nrels, caprels;
    zk_trie *common_trie;  /* common words (common-words.tsv) -> frequency */
    zk_ent_rule *ents;     /* context patterns for names without a suffix */
    char *home_city;       /* zk_rules_set_home_city(), or NULL */
    pcre2_match_context *mctx; /* match limits for every rule (rules.c) */
    zk_trie *needs_trie;   /* every needs word of every rule -> its number */
    size_t nneeds;
    size_t nents, capents;
    /* The union of the key sets ZK_SCAN_*, for one walk per character of
     * a document (extract/ner_scan.c): its values index scan[], whose
     * v[ZK_SCAN_*] is the key's value in each set (-1: not a key of that
     * set).  Kept in step with the other tries by zk_rules_scan_add(). */
    zk_trie *scan_trie;
    zk_scan_key *scan;
    size_t nscan, capscan;
    /* Filters in front of scan_trie, so that most characters are passed
     * over without touching it (extract/ner_scan.c): bit cp of the BMP
     * set when some key starts with cp (scan_first) or is cp alone
     * (scan_single); scan_pairs, a Bloom filter of 2^ZK_SCAN_PAIR_BITS
     * bits, has the bit of (c1, c2) set for every key that starts with
     * c1 c2.  scan_always: a key starts outside the BMP or is not UTF-8. */
    uint8_t scan_first[0x10000 / 8];
    uint8_t scan_single[0x10000 / 8];
    uint8_t *scan_pairs;
    int scan_always;
    /* The words of the classes of ZK_W_INDEXED in tries of their own
     * (zk_rules_load_words), so that asking which word of a class starts
     * or ends at a place costs one walk of a small trie instead of a
     * word_trie lookup at every character: class_trie[ci] holds the words
     * of class 1u << ci, class_rtrie[ci] the same words with their
     * characters in reverse order; values index words[].  NULL for the
     * other classes. */
    zk_trie *class_trie[ZK_W_NCLASSES];
    zk_trie *class_rtrie[ZK_W_NCLASSES];
    size_t class_maxchars[ZK_W_NCLASSES]; /* characters of the longest word */
};

/* The index of the class bit in words[].value, class_trie and the others. */
static inline int zk_word_class_index(unsigned bit)
{
    int i = 0;
    while (i < ZK_W_NCLASSES && !(bit & (1u << i)))
        i++;
    return i;
}

/* The classes that have class tries. */
#define ZK_W_INDEXED (ZK_W_GENERIC | ZK_W_EXPAND | ZK_W_NEGATION | ZK_W_MASTHEAD)
/* The most characters a word of these classes may have (the loader
 * refuses longer ones): the size of zk_rules_class_suffixes' search. */
#define ZK_CLASS_SUFFIX_MAX 32

/* The words of class cls (one of ZK_W_INDEXED) that end s[0..n) at a
 * character boundary, shortest first, into out (room for
 * ZK_CLASS_SUFFIX_MAX); returns their number. */
size_t zk_rules_class_suffixes(const zk_rules *r, unsigned cls, const char *s, size_t n,
                               zk_trie_match *out);
/* Free the class tries (zk_rules_free). */
void zk_rules_free_classes(zk_rules *r);

/* Values of common_trie: frequency (capped) and a verb flag. */
#define ZK_COMMON_FREQ_MAX 0x3FFFFFFF
#define ZK_COMMON_VERB 0x40000000
/* A common verb at least this frequent ends the left edge of a name. */
#define ZK_VERB_BOUNDARY_FREQ 2000
#define ZK_COMMON_IS_BOUNDARY_VERB(v) \
    (((v) & ZK_COMMON_VERB) && ((v) & ZK_COMMON_FREQ_MAX) >= ZK_VERB_BOUNDARY_FREQ)

/* Entity types the lexicon and suffix rules may use. */
int zk_rules_valid_type(const char *type);

/* Loaders for single files (used by zk_rules_load and the fuzz target). */
zk_status zk_rules_load_lexicon(zk_rules *r, const char *path, zk_error *err);
zk_status zk_rules_load_words(zk_rules *r, const char *path, zk_error *err);
zk_status zk_rules_load_suffixes(zk_rules *r, const char *path, zk_error *err);
zk_status zk_rules_load_relations(zk_rules *r, const char *path, zk_error *err);
zk_status zk_rules_load_common(zk_rules *r, const char *path, zk_error *err);
zk_status zk_rules_load_entities(zk_rules *r, const char *path, zk_error *err);
/* 1 if s[0..n) is a common word of the language (not a name). */
int zk_rules_common(const zk_rules *r, const char *s, size_t n);
zk_rules *zk_rules_new_empty(const char *dir);

/* The match context of every PCRE2 match: it limits the work of one
 * match, so that a pathological sentence (thousands of names and no full
 * stop) costs time in proportion to its length. */
pcre2_match_context *zk_rules_match_context(const zk_rules *r);

/* Lookups. */
const zk_word *zk_rules_word(const zk_rules *r, const char *s, size_t n);

#endif
