/*
 * decode.h - bytes in a legacy or UTF-16 encoding -> UTF-8, with a map from
 * every output byte back to the input byte it came from (extract/decode.c).
 *
 * Used by zk_text_from_bytes (extract/text_input.c): it finds the encoding
 * (BOM, valid UTF-8, --encoding, a charset declared by an HTML page) and, for
 * anything but UTF-8, converts with iconv one character at a time so that
 * the offsets of the original file survive.  Labels follow the WHATWG
 * Encoding Standard where it matters for Chinese news: gbk, gb2312, cp936,
 * x-gbk ... are all read as GB18030, their superset.
 */
#ifndef ZK_DECODE_H
#define ZK_DECODE_H

#include "zhkg.h"

#include <stddef.h>

typedef struct zk_decoded {
    char *text;      /* UTF-8, NUL-terminated, len bytes (owned) */
    size_t len;
    size_t *map;     /* len + 1 entries: text byte -> input byte (owned);
                        never decreasing, map[len] is the input length */
} zk_decoded;

/* The iconv name for an encoding label ("gbk" -> "GB18030", "utf8" ->
 * "UTF-8", or any name iconv accepts, upper-cased), written to buf (at least
 * 64 bytes).  Returns buf, or NULL when the label is unknown. */
const char *zk_encoding_lookup(const char *label, char *buf, size_t size);

/* The length of a byte order mark at the start of buf (UTF-8, UTF-16LE,
 * UTF-16BE) and its encoding in *enc; 0 if there is none. */
size_t zk_decode_bom(const char *buf, size_t len, const char **enc);

/* The charset an HTML or XHTML page declares in its first 4096 bytes
 * (<meta charset=...>, <meta http-equiv="Content-Type" content="...;
 * charset=...">, <?xml ... encoding="..."?>), copied as written into out.
 * Returns 1 if there is one, else 0. */
int zk_decode_declared(const char *buf, size_t len, char *out, size_t size);

/* Convert buf[from, len) from enc (an iconv name) to UTF-8 into *out; map
 * entries are offsets into buf.  A byte sequence that is not enc, or a
 * character cut off by the end of the input, is ZK_ERR_INPUT with the byte
 * offset and the line and column (characters) where it is.  Caller frees
 * *out with zk_decoded_free. */
zk_status zk_decode(const char *name, const char *buf, size_t len,
                    size_t from, const char *enc, zk_decoded *out,
                    zk_error *err);
void zk_decoded_free(zk_decoded *d);

/* Line and column (1-based, column in characters) of byte i of the UTF-8
 * text s: lines end at LF, CRLF or a lone CR, as in the text layer. */
void zk_decode_locate(const char *s, size_t i, long *line, long *col);

#endif
