/* rp_meta: document metadata read from normalised report text — the title,
 * the publication date and the publisher (source).
 *
 * Contract, shared by every function here:
 *   - s is normalised UTF-8 (rp_normalize: simplified, half-width
 *     punctuation, '\n' line breaks) of n bytes; it need not be
 *     NUL-terminated and is only read.
 *   - Returned strings are malloc'd and owned by the caller (free()); ""
 *     means "not found". NULL means out of memory, nothing else.
 *   - No globals, no logging; safe to call from several threads. */
#ifndef RP_META_H
#define RP_META_H

#include <stddef.h>

#include "rp_extract.h"

/* The first non-empty line when it reads as a headline (at most 150 bytes,
 * no final 。, ends in a Han character); else the first sentence of a news
 * lead after its date (3月14日,XX召开...。, at most 40 characters). */
char *rp_meta_guess_title(const char *s, size_t n);

/* The date after 发布时间 / 发布日期 / 发表时间 / 日期 / 时间 in the first
 * 1500 bytes, as "YYYY-MM-DD" (accepts YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD and
 * YYYY年M月D日). */
char *rp_meta_find_published(const char *s, size_t n);

/* The publisher after 来源: / 主办: / 稿源: (up to a blank, 作者 or 承办),
 * else the name before 供稿, looked for in the first or last 1500 bytes. */
char *rp_meta_find_source(const char *s, size_t n);

/* Fills m (all four strings owned by m afterwards, freed with the result):
 * title from h->title when non-empty, else rp_meta_guess_title(s, n);
 * published and source copied from h (already settled by the caller: a hint
 * or what was found in the text, "" when neither; both must be non-NULL);
 * region copied from region. Returns 0, or -1 on out of memory (m may then
 * hold some strings, which the caller frees). */
int rp_meta_fill(rp_doc_meta *m, const char *s, size_t n, const char *region,
                 const rp_extract_hints *h);

#endif
