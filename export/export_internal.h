/*
 * export_internal.h - helpers shared by the three writers in export/.
 *
 * An edge carries one list of evidences; where a format has room for one
 * origin and one title per edge, every writer takes the same ones.
 */
#ifndef ZK_EXPORT_INTERNAL_H
#define ZK_EXPORT_INTERNAL_H

#include "zhkg.h"

/* The first evidence's origin label that is not NULL, or NULL. */
const char *zk_export_edge_origin(const zk_edge *e);
/* The first evidence's agreement title that is not NULL, or NULL. */
const char *zk_export_edge_title(const zk_edge *e);

#endif
