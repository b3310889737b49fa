/*
 * extract.c - one document from normalised text to a zk_doc (zk_extract):
 * NER (extract/ner.c) then relation rules (extract/rel.c).  The document
 * also gets the SHA-256 of the bytes it was read from (zk_doc_hash).
 */
#include "ner.h"
#include "util.h"

/* Code points (UTF-8 lead bytes) in s[a, b). */
static size_t count_chars(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Each sentence's span in characters (code points) of the original file,
 * for JSON-LD's TextPositionSelector: count the UTF-8 lead bytes before each
 * byte offset, carrying the count from one sentence to the next (spans come
 * in file order; a span before the last one counts again from the start).
 * Only for UTF-8 text files: for a decoded or HTML original the byte spans
 * (DataPositionSelector) are exact and character positions are left out. */
static void sentence_chars(const zk_text *t, zk_doc *d)
{
    size_t pos = 0, chars = 0;
    if (!t->orig_utf8)
        return; /* GBK, UTF-16, HTML: no character positions (zero = none) */
    for (size_t i = 0; i < d->nsent; i++) {
        zk_doc_sentence *s = &d->sent[i];
        if (s->end > t->orig_len || s->start > s->end)
            continue;
        if (s->start < pos)
            pos = chars = 0;
        chars += count_chars(t->orig, pos, s->start);
        s->cstart = chars;
        chars += count_chars(t->orig, s->start, s->end);
        s->cend = chars;
        pos = s->end;
    }
}

zk_status zk_extract(const zk_rules *rules, const zk_text *text, zk_doc **out,
                     zk_error *err)
{
    if (!rules || !text || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1, "zk_extract: NULL argument");
    zk_doc *d = zk_doc_new(text->name, text->nsent);
    zk_doc_set_hash(d, text->orig, text->orig_len);
    zk_sent_marks *marks = zk_ner_run(rules, text, d);
    zk_rel_run(rules, text, marks, d);
    zk_ner_marks_free(marks, text->nsent);
    sentence_chars(text, d);
    *out = d;
    return ZK_OK;
}
