/*
 * zhkg.h - public interface of libzhkg.
 *
 * libzhkg turns Chinese news text into a knowledge graph (cities, parks,
 * agencies, companies, institutions and the relations between them) and
 * writes it as DOT, GraphML, JSON-LD, Neo4j/Kuzu CSV or a figure (SVG, PNG,
 * PDF).  The pipeline is:
 *
 *   zk_rules_load()     rules/ folder -> compiled rule set (read-only after)
 *   zk_text_from_utf8() bytes -> normalised text + offset map + sentences
 *   (zk_text_from_bytes() the same for HTML pages, GBK, UTF-16 ...)
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

/* Reading any article file: plain text or an HTML page, in UTF-8, UTF-16
 * or a legacy encoding such as GBK (docs/robustness.md). */
typedef enum zk_input_format {
    ZK_INPUT_AUTO = 0, /* HTML if the name ends in .html, .htm, .xhtml or
                          .shtml or the bytes start like a page */
    ZK_INPUT_TEXT,
    ZK_INPUT_HTML
} zk_input_format;

typedef struct zk_input_options {
    zk_input_format format;
    /* NULL or "auto": detect (byte order mark, valid UTF-8, the charset an
     * HTML page declares).  Otherwise an encoding label (gbk, gb18030,
     * big5, utf-16le, ... any name iconv knows; gbk and gb2312 are read as
     * GB18030): the encoding of an input that has no byte order mark and
     * is not valid UTF-8, whatever a page declares. */
    const char *encoding;
} zk_input_options;

/* zk_text_from_utf8 for the bytes of any article file: detects HTML and
 * the encoding, converts (iconv), takes the article text out of a page
 * (libxml2, no network, no entity expansion) and normalises it.  Offsets
 * (the map, error offsets) point into buf as given, and the result keeps a
 * copy of buf as its original.  opt may be NULL (everything detected).
 * Errors: ZK_ERR_INPUT with file, line:col and byte offset (a byte
 * sequence that is not the encoding, a NUL, a page the HTML parser gives
 * up on); ZK_ERR_USAGE for an unknown encoding.  buf is copied; the caller
 * frees *out with zk_text_free. */
zk_status zk_text_from_bytes(const char *name, const char *buf, size_t len,
                             const zk_input_options *opt, zk_text **out,
                             zk_error *err);
/* 1 if label is "auto" or an encoding zk_text_from_bytes can read. */
int zk_encoding_supported(const char *label);

/* ------------------------------------------------------------------ */
/* Extraction: one document's result                                   */

typedef struct zk_doc zk_doc;

zk_status zk_extract(const zk_rules *rules, const zk_text *text,
                     zk_doc **out, zk_error *err);
void zk_doc_free(zk_doc *d);
/* The document's name, and the SHA-256 of the bytes it was extracted from
 * (64 lowercase hex digits; "" if unknown).  Owned by d. */
const char *zk_doc_name(const zk_doc *d);
const char *zk_doc_hash(const zk_doc *d);
/* Set the hash to the SHA-256 of bytes (zk_extract does this itself). */
void zk_doc_set_hash(zk_doc *d, const void *bytes, size_t len);

/* ------------------------------------------------------------------ */
/* Documents as JSON Lines: the parts of `zhkg extract` and the state  */
/* of incremental updates (format: docs/scale.md)                      */

/* d as one line of JSON, without the newline; the caller frees it with
 * free().  Deterministic: the same document gives the same bytes. */
char *zk_doc_to_json(const zk_doc *d);
/* Parse and check one line written by zk_doc_to_json (len bytes, need not
 * be NUL-terminated).  On error *out is NULL and err has the column (in
 * characters; 0 when the problem is not at one place) and the message;
 * file and line are left empty for the caller.  Caller frees *out. */
zk_status zk_doc_from_json(const char *json, size_t len, zk_doc **out,
                           zk_error *err);

/* Reading a JSON Lines file one document at a time. */
typedef struct zk_jsonl zk_jsonl;
/* Open path ("-": standard input).  Caller closes with zk_jsonl_close. */
zk_status zk_jsonl_open(const char *path, zk_jsonl **out, zk_error *err);
/* The next document into *out (caller frees), or *out = NULL at the end.
 * Blank lines are skipped.  Errors name FILE:LINE:COL. */
zk_status zk_jsonl_next(zk_jsonl *r, zk_doc **out, zk_error *err);
/* 1-based line number of the document last returned, and that line as
 * read (*len bytes, without the line end; valid until the next call). */
long zk_jsonl_line(const zk_jsonl *r);
const char *zk_jsonl_text(const zk_jsonl *r, size_t *len);
void zk_jsonl_close(zk_jsonl *r);

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
    /* The sentence's span in characters (Unicode code points) of the
     * original file, for Web Annotation's TextPositionSelector; both 0 when
     * not known (graphs built with zk_graph_add_edge). */
    size_t char_start, char_end;
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
    ZK_FMT_JSONLD,
    ZK_FMT_CSV,    /* a directory: Neo4j and Kuzu import files */
    ZK_FMT_SVG,    /* figures: laid out and drawn by Graphviz (gvc) */
    ZK_FMT_PNG,
    ZK_FMT_PDF
} zk_format;

/* Format from a file name's extension (.dot/.gv, .graphml, .jsonld/.json,
 * .svg, .png, .pdf; a path ending in '/' is a CSV directory) or a name
 * ("dot", "graphml", "jsonld", "csv", "svg", "png", "pdf"); ZK_FMT_NONE if
 * unknown. */
zk_format zk_format_from_path(const char *path);
zk_format zk_format_from_name(const char *name);
/* The format's name as zk_format_from_name takes it ("dot", ...). */
const char *zk_format_name(zk_format fmt);
/* 1 for the figure formats (SVG, PNG, PDF), which zk_render draws. */
int zk_format_is_figure(zk_format fmt);

/* Default base of the IRIs minted in JSON-LD (docs/format-jsonld.md). */
#define ZK_DEFAULT_BASE_IRI "https://example.org/zhkg/"

/* Options of the writers.  A zeroed struct (or a NULL pointer) means the
 * defaults; each field says which formats read it. */
typedef struct zk_export_opts {
    /* JSON-LD: node IRIs are base_iri + "node/" + id, relation IRIs
     * base_iri + "edge/e" + number.  Must be an absolute IRI (scheme:...);
     * NULL means ZK_DEFAULT_BASE_IRI. */
    const char *base_iri;
    /* DOT and figures: draw each city as a box (cluster) holding the nodes
     * located in it (located_in edges, followed through parks). */
    int cluster_city;
    /* DOT and figures: keep only the max_nodes nodes of highest degree
     * (ties in node order) and the edges between them; 0 keeps all. */
    size_t max_nodes;
    /* Figures: Graphviz layout engine, "dot" (NULL), "neato" or "sfdp". */
    const char *layout;
} zk_export_opts;

/* Check opts before a long run: the base IRI is absolute, the layout is
 * one of dot, neato, sfdp.  ZK_ERR_USAGE with a message if not. */
zk_status zk_export_opts_check(const zk_export_opts *opts, zk_error *err);

/* Write g to path ("-" for stdout).  A file is written to a temporary file
 * in the same directory and renamed when complete, so a failure leaves any
 * previous file untouched.  ZK_FMT_CSV writes into the directory path
 * (created if missing, its parent must exist), each file the same way. */
zk_status zk_export_file(const zk_graph *g, zk_format fmt, const char *path,
                         zk_error *err);
/* The same with options (opts may be NULL). */
zk_status zk_export_file_opts(const zk_graph *g, zk_format fmt,
                              const char *path, const zk_export_opts *opts,
                              zk_error *err);
/* Write one format to an open stream (not ZK_FMT_CSV, which is several
 * files); opts may be NULL. */
zk_status zk_export_stream(const zk_graph *g, zk_format fmt, FILE *out,
                           const zk_export_opts *opts, zk_error *err);

/* An output file written whole or not at all (export/outfile.c): open
 * gives a stream on a temporary file beside the target; commit flushes,
 * syncs and renames it over the target; abort removes it.  A symlink is
 * followed (the link stays); an existing non-regular target (a FIFO,
 * /dev/null) is written in place; "-" is standard output.  Both commit
 * and abort free the handle. */
typedef struct zk_outfile zk_outfile;
zk_status zk_outfile_open(const char *path, zk_outfile **out, FILE **f, zk_error *err);
zk_status zk_outfile_commit(zk_outfile *o, zk_error *err);
void zk_outfile_abort(zk_outfile *o);

/* Per-format writers to an open stream, with the default options. */
zk_status zk_export_dot(const zk_graph *g, FILE *out, zk_error *err);
zk_status zk_export_graphml(const zk_graph *g, FILE *out, zk_error *err);
zk_status zk_export_jsonld(const zk_graph *g, FILE *out, zk_error *err);
/* The Neo4j/Kuzu import files (docs/format-csv.md) into directory dir. */
zk_status zk_export_csv(const zk_graph *g, const char *dir,
                        const zk_export_opts *opts, zk_error *err);
/* Lay g out and draw it as fmt (ZK_FMT_SVG, _PNG or _PDF) to out, with
 * Graphviz's libgvc: the DOT export's styles, legend and options. */
zk_status zk_render(const zk_graph *g, zk_format fmt, FILE *out,
                    const zk_export_opts *opts, zk_error *err);

#ifdef __cplusplus
}
#endif
#endif
