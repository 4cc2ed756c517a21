/* Helpers shared by the format tests: reading fixtures, running a document
 * through rp_document_extract(), loading gold, comparing measure sets. */
#ifndef FORMATS_UTIL_H
#define FORMATS_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "rp_document.h"

/* Whole file, NUL-terminated (malloc'd), or NULL. */
char *fx_slurp(const char *path, size_t *len);

/* The first file whose path starts with `prefix` (a directory plus the
 * start of a name), malloc'd, or NULL. */
char *fx_find_prefixed(const char *prefix);

/* Fixture path: RP_FORMATS_FIXTURES/name (static buffer per call site is
 * not needed: writes into out). */
void fx_path(char *out, size_t outlen, const char *name);

/* Runs rp_document_extract on a fixture; *out as rp_document_extract. */
rp_document_status fx_extract(const char *name, const char *content_type,
                              rp_extract_result **out);

typedef struct fx_item {
    double value;
    char unit[32];
    bool optional;
} fx_item;

typedef struct fx_gold {
    char title[256];
    char published[16];
    char source[128];
    fx_item *items;
    size_t n;
} fx_gold;

/* Loads RP_FORMATS_FIXTURES/name (jsonl). Returns 0 or -1. */
int fx_gold_load(const char *name, fx_gold *g);
/* The same from any path. */
int fx_gold_load_path(const char *path, fx_gold *g);
void fx_gold_free(fx_gold *g);

/* F1 of predicted against reference (value, unit) multisets; optional
 * reference items matched are dropped from both sides, unmatched ones are
 * ignored. Two empty sets score 1. */
double fx_f1(const fx_item *ref, size_t nref, const fx_item *pred,
             size_t npred);

/* The measures of a result as items (malloc'd array, *n set). */
fx_item *fx_items_of(const rp_extract_result *r, size_t *n);

#endif
