/* rp_extract: normalised UTF-8 report text in, measures out.
 *
 * Pure: no I/O, no logging, no globals that change after start-up, thread-safe
 * (lexicons are built once, lazily and thread-safely, or are static tables).
 *
 * The input is text that rp_document has already decoded to UTF-8 and cleaned
 * of page chrome. rp_extract normalises it further (traditional -> simplified,
 * pinyin notes, full-width forms, spam tokens, line breaks inside numbers),
 * keeping a map back to the input so that rp_measure.text is the surface form
 * as the input has it. */
#ifndef RP_EXTRACT_H
#define RP_EXTRACT_H

#include "rp_measure.h"

typedef struct rp_extract_result {
    rp_measure *measures;   /* in document order */
    size_t n_measures;
    rp_doc_meta meta;       /* title/published/source/region */
    char *text;             /* the normalised text that spans point into */
    size_t text_len;
    char *diagnostics;      /* human-readable notes, "" when none */
} rp_extract_result;

/* At most this many measures per document; past it the rest of the text is
 * skipped and the diagnostics say so (memory stays bounded on adversarial
 * input made of nothing but numbers). */
#define RP_EXTRACT_MAX_MEASURES ((size_t)1000000)

/* Hints a caller may know before extraction (all may be NULL). Values found
 * here win over what rp_extract infers from the text itself. */
typedef struct rp_extract_hints {
    const char *title;
    const char *published;  /* YYYY-MM-DD, used to resolve periods */
    const char *source;
    const char *site;       /* the publishing site's name, e.g. 某某镇人民政府 */
} rp_extract_hints;

/* Extracts measures from `text` (`len` bytes, need not be NUL-terminated,
 * invalid UTF-8 is tolerated and replaced). Returns 0 and sets *out (owned
 * by the caller, free with rp_extract_result_free), or -1 with *out NULL and
 * a reason in err (if non-NULL): text NULL with len > 0, len over 1 GiB, or
 * out of memory.
 *
 * Bad input is not an error: empty text gives zero measures and the
 * diagnostic "empty input"; mostly control or invalid bytes give "input
 * looks binary"; diagnostics also count invalid UTF-8 sequences, control
 * characters, spam tokens and pinyin notes removed. Memory is linear in len
 * (normalised text, a sparse offset map, at most RP_EXTRACT_MAX_MEASURES
 * measures whose `sentence` is capped at a few hundred bytes).
 *
 * What is and is not a measure, and how subject, region, period, metric,
 * approx and optional are chosen: docs/metrics.md. */
int rp_extract_text(const char *text, size_t len, const rp_extract_hints *hints,
                    rp_extract_result **out, char *err, size_t errlen);

/* Releases r and everything it owns; accepts NULL. (The strings of one
 * measure share a single allocation that starts at its unit: free a result
 * only through this function.) */
void rp_extract_result_free(rp_extract_result *r);

#endif
