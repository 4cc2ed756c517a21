/* rp_eval: scoring of extracted measures against gold, exactly as
 * ../shared/corpus/ANNOTATION.md defines it. Pure: the caller reads files and
 * runs the extraction; this module parses gold text and counts.
 *
 * Matching, per document: one to one on (value, unit), values equal within
 * 1e-6 relative, units equal after traditional->simplified folding. Gold
 * measures that are not optional are matched first, each in document order
 * to an unmatched equal prediction (the one with the same surface text, else
 * the same optional mark, else the earliest); optional gold then takes the
 * remaining predictions. Matched optional pairs are dropped from both sides,
 * unmatched optional gold is ignored. approx, subject and region are scored
 * on the matched non-optional pairs.
 *
 * Subject equality (documented in docs/metrics.md): both sides are folded
 * (quotes 「」“”‘’《》"' and whitespace removed, traditional->simplified);
 * strict = equal; lenient = equal, or one contains the other (both
 * non-empty). */
#ifndef RP_EVAL_H
#define RP_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "rp_measure.h"

typedef struct rp_eval_item {
    double value;
    const char *unit;
    const char *approx; /* serialised name: "", more_than, approx, ... */
    const char *text;
    const char *subject;
    const char *region;
    bool optional;
} rp_eval_item;

/* A parsed gold file. Owns every string its items point to. */
typedef struct rp_eval_gold {
    char *doc, *title, *region, *published, *source; /* "" when null */
    rp_eval_item *items;
    size_t n_items;
    void *priv; /* owned JSON tree */
} rp_eval_gold;

/* Parses gold JSONL (first line: the document, then one measure a line).
 * Returns 0, or -1 with a reason in err (line number included). */
int rp_eval_gold_parse(const char *buf, size_t len, rp_eval_gold *out, char *err, size_t errlen);
void rp_eval_gold_free(rp_eval_gold *g);

/* Views a measure as an item (pointers into m; m must outlive it). */
rp_eval_item rp_eval_item_of(const rp_measure *m);

typedef struct rp_eval_counts {
    size_t tp, fp, fn;
    size_t matched;                 /* non-optional matched pairs (= tp) */
    size_t approx_ok, subject_ok, subject_strict_ok, region_ok;
    size_t optional_matched;        /* dropped optional pairs */
} rp_eval_counts;

typedef enum rp_eval_outcome { RP_EVAL_TP, RP_EVAL_FP, RP_EVAL_FN } rp_eval_outcome;

/* Called for each outcome: TP (gold and pred), FP (pred only), FN (gold
 * only). May be NULL. */
typedef void (*rp_eval_cb)(void *ud, rp_eval_outcome o, const rp_eval_item *gold,
                           const rp_eval_item *pred);

/* Scores one document and adds to *acc. Returns -1 on allocation failure. */
int rp_eval_score(const rp_eval_item *gold, size_t ng, const rp_eval_item *pred, size_t np,
                  rp_eval_counts *acc, rp_eval_cb cb, void *ud);

bool rp_eval_subject_equal(const char *a, const char *b, bool lenient);
bool rp_eval_unit_equal(const char *a, const char *b);

typedef struct rp_eval_scores {
    double precision, recall, f1, approx, subject, subject_strict, region;
} rp_eval_scores;

rp_eval_scores rp_eval_summarise(const rp_eval_counts *c);

#endif
