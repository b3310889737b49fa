/*
 * extract.c - one document from normalised text to a zk_doc (zk_extract):
 * NER (extract/ner.c) then relation rules (extract/rel.c).
 */
#include "ner.h"
#include "util.h"

zk_status zk_extract(const zk_rules *rules, const zk_text *text, zk_doc **out,
                     zk_error *err)
{
    if (!rules || !text || !out)
        return zk_error_set(err, ZK_ERR_USAGE, "", 0, 0, -1, "zk_extract: NULL argument");
    zk_doc *d = zk_doc_new(text->name, text->nsent);
    zk_sent_marks *marks = zk_ner_run(rules, text, d);
    zk_rel_run(rules, text, marks, d);
    zk_ner_marks_free(marks, text->nsent);
    *out = d;
    return ZK_OK;
}
