/*
 * zhkg.h - public interface of libzhkg.
 *
 * libzhkg turns Chinese news text into a knowledge graph (cities, parks,
 * agencies, companies, institutions and the relations between them) and
 * writes it as DOT, GraphML or JSON-LD.  The pipeline is:
 *
 *   zk_rules_load()     rules/ folder -> compiled rule set (read-only after)
 *   zk_text_from_utf8() bytes -> normalised text + offset map + sentences
 *   zk_extract()        text + rules -> zk_doc (mentions, entities, edges)
 *   zk_graph_add_doc()  merge a document into the graph (identity, aliases)
 *   zk_export_*()       graph -> file
 *
 * Ownership: every zk_*_new, zk_*_load and zk_*_from_* function returns an object the caller frees
 * with the matching *_free.  Strings returned through views (zk_node,
 * zk_edge) belong to the graph and live as long as it does.
 *
 * Errors are values: functions return a zk_status and fill a zk_error with
 * the file, line, column (0 when not applicable) and a message.
 */
#ifndef ZHKG_H
#define ZHKG_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ZHKG_VERSION "0.1.0"

typedef enum zk_status {
    ZK_OK = 0,
    ZK_ERR_INPUT = 1,  /* bad input text (invalid UTF-8, ...) */
    ZK_ERR_IO = 2,     /* cannot read or write a file */
    ZK_ERR_RULES = 3,  /* a rule file has a bad line */
    ZK_ERR_NOMEM = 4,
    ZK_ERR_USAGE = 5   /* bad argument from the caller */
} zk_status;

typedef struct zk_error {
    char file[512];  /* file the error is about ("" if none) */
    long line;       /* 1-based line, 0 if not applicable */
    long col;        /* 1-based column, 0 if not applicable */
    long long offset; /* byte offset in the file, -1 if not applicable */
    char msg[512];
} zk_error;

/* Fill err (may be NULL) and return st. */
zk_status zk_error_set(zk_error *err, zk_status st, const char *file,
                       long line, long col, long long offset,
                       const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* Format err as "file:line:col: msg" (or "file: byte N: msg") into buf. */
void zk_error_format(const zk_error *err, char *buf, size_t size);
const char *zk_status_str(zk_status st);

/* ------------------------------------------------------------------ */
/* Rules                                                               */

typedef struct zk_rules zk_rules;

/* Load every rule file of dir (see docs/rules.md).  On error *out is NULL
 * and err names FILE:LINE:COL. Caller frees with zk_rules_free. */
zk_status zk_rules_load(const char *dir, zk_rules **out, zk_error *err);
void zk_rules_free(zk_rules *r);
/* The newspaper's home city, used for 我市/本市/全市 when the article has no
 * masthead naming it (see docs/relations.md).  name is copied; NULL returns
 * to detection.  Call before extraction starts (the rules are shared
 * read-only by extracting threads). */
void zk_rules_set_home_city(zk_rules *r, const char *name);

/* ------------------------------------------------------------------ */
/* Text                                                                */

typedef struct zk_text zk_text;

/* Validate and normalise a UTF-8 document (layout undone, NFKC width
 * folding, lost middle dots restored, sentences split).  name is used in
 * error messages and kept as the document name.  buf is copied. */
zk_status zk_text_from_utf8(const char *name, const char *buf, size_t len,
                            zk_text **out, zk_error *err);
void zk_text_free(zk_text *t);

/* ------------------------------------------------------------------ */
/* Extraction: one document's result                                   */

typedef struct zk_doc zk_doc;

zk_status zk_extract(const zk_rules *rules, const zk_text *text,
                     zk_doc **out, zk_error *err);
void zk_doc_free(zk_doc *d);

/* ------------------------------------------------------------------ */
/* Graph                                                               */

typedef struct zk_graph zk_graph;

/* Read-only views into the graph. */
typedef struct zk_node {
    const char *id;        /* deterministic, no spaces, XML/IRI safe */
    const char *label;     /* canonical (fullest) name */
    const char *type;      /* city, park, agency, company, institution */
    const char *const *aliases; /* other surface forms, sorted */
    size_t naliases;
    unsigned long mentions;
} zk_node;

typedef struct zk_evidence {
    const char *doc;       /* document name as given to zk_text_from_utf8 */
    const char *sentence;  /* sentence text, print line breaks removed */
    size_t sentence_index; /* 0-based sentence number in the document */
    size_t start, end;     /* byte span of the sentence in the original file */
    const char *rule;      /* id of the rule that produced the edge */
    const char *origin;    /* label of the origin place node, or NULL */
    const char *title;     /* agreement title without 《》, or NULL */
} zk_evidence;

typedef struct zk_edge {
    const char *type;      /* relocation, agreement, tech_transfer, located_in, ... */
    size_t source, target; /* node indices */
    const zk_evidence *evidence; /* at least one; sorted by doc, start */
    size_t nevidence;
} zk_edge;

zk_graph *zk_graph_new(void);
void zk_graph_free(zk_graph *g);
/* Merge one document's entities and edges.  The doc stays owned by the
 * caller and may be freed afterwards. */
zk_status zk_graph_add_doc(zk_graph *g, const zk_doc *d, zk_error *err);
/* Finalise: choose canonical labels, compute ids, sort nodes and edges.
 * Must be called once before the accessors below; further add_doc calls
 * are allowed and need another finish. */
zk_status zk_graph_finish(zk_graph *g, zk_error *err);
size_t zk_graph_node_count(const zk_graph *g);
size_t zk_graph_edge_count(const zk_graph *g);
const zk_node *zk_graph_node(const zk_graph *g, size_t i);
const zk_edge *zk_graph_edge(const zk_graph *g, size_t i);

/* Low-level builders, used by zk_graph_add_doc, tests and benchmark
 * generators.  Indices returned here are build indices: stable for the life
 * of the graph, and valid as arguments to the builders only (the accessors
 * above use the sorted order computed by zk_graph_finish; zk_graph_index
 * maps a build index to it). */
/* Find the node whose label or alias is name, or add one; returns its
 * build index.  A new node gets the given type. */
size_t zk_graph_add_node(zk_graph *g, const char *name, const char *type);
/* Record another surface form; the longest form becomes the label. */
void zk_graph_add_alias(zk_graph *g, size_t node, const char *alias);
void zk_graph_add_mentions(zk_graph *g, size_t node, unsigned long n);
/* Add one piece of evidence for the edge (type, source, target); edges with
 * the same type and ends are one edge with several evidences.  origin is
 * the build index of the origin place or (size_t)-1.  Strings are copied. */
void zk_graph_add_edge(zk_graph *g, const char *type, size_t source,
                       size_t target, const char *doc, const char *sentence,
                       size_t sentence_index, size_t start, size_t end,
                       const char *rule, size_t origin, const char *title);
/* Sorted index of a build index (valid after zk_graph_finish). */
size_t zk_graph_index(const zk_graph *g, size_t build_index);

/* ------------------------------------------------------------------ */
/* Export                                                              */

typedef enum zk_format {
    ZK_FMT_NONE = 0,
    ZK_FMT_DOT,
    ZK_FMT_GRAPHML,
    ZK_FMT_JSONLD
} zk_format;

/* Format from a file name's extension (.dot/.gv, .graphml, .jsonld/.json)
 * or a name ("dot", "graphml", "jsonld"); ZK_FMT_NONE if unknown. */
zk_format zk_format_from_path(const char *path);
zk_format zk_format_from_name(const char *name);

/* Write g to path ("-" for stdout).  A file is written to a temporary file
 * in the same directory and renamed when complete, so a failure leaves any
 * previous file untouched. */
zk_status zk_export_file(const zk_graph *g, zk_format fmt, const char *path,
                         zk_error *err);

/* Per-format writers to an open stream (used by zk_export_file). */
zk_status zk_export_dot(const zk_graph *g, FILE *out, zk_error *err);
zk_status zk_export_graphml(const zk_graph *g, FILE *out, zk_error *err);
zk_status zk_export_jsonld(const zk_graph *g, FILE *out, zk_error *err);

#ifdef __cplusplus
}
#endif
#endif
