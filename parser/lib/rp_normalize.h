/* rp_normalize: the first pass of extraction. Turns cleaned UTF-8 report text
 * into the canonical form the grammar works on, in one byte-scanning pass:
 *   - invalid UTF-8 -> U+FFFD, control characters -> space, CR/CRLF -> LF
 *   - traditional -> simplified (static single-character table generated from
 *     OpenCC's TSCharacters by rp_normalize_gen.py)
 *   - pinyin notes glued after a character removed: 區(qū) -> 区; only a
 *     parenthesised run of latin letters that carries tone marks (or looks
 *     like a toneless syllable in a text that already had notes)
 *   - full-width ASCII (U+FF01..U+FF5E) and U+3000 -> ASCII
 *   - spaces inside numbers and between a number and its unit dropped
 *     (`1 100`, `1100 余人次`), a single line break too when a unit follows
 *   - SEO spam tokens dropped: a run of Latin letters and digits (at least
 *     one letter) glued to 1-3 Han characters that end at punctuation or line
 *     end (`M6米乐,`, `E星新闻`, `9I体育,`), when the run mixes letters and
 *     digits, is a single letter, or stands alone on its line; never inside
 *     quotes (“e家园”) and never swallowing the number before it
 * and records a sparse map back to input byte offsets.
 *
 * Ownership: rp_norm owns text and anchors; rp_norm_free releases them and
 * accepts NULL or a zeroed struct. */
#ifndef RP_NORMALIZE_H
#define RP_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

/* 32-bit offsets: inputs are capped at RP_NORM_MAX_INPUT, and a text that
 * changes length at every character (all full-width) costs 8 bytes of map
 * per character. */
typedef struct rp_norm_anchor {
    uint32_t out; /* from this output byte on ... */
    uint32_t in;  /* ... input offset = in + (pos - out) */
} rp_norm_anchor;

#define RP_NORM_MAX_INPUT ((size_t)1 << 30) /* output may grow to 3x input */

typedef struct rp_norm {
    char *text;      /* NUL-terminated, valid UTF-8 */
    size_t len;
    size_t cap;
    rp_norm_anchor *anchors;
    size_t n_anchors, cap_anchors;
    size_t in_len;
    size_t n_invalid, n_control, n_spam, n_pinyin, n_t2s;
} rp_norm;

/* Returns 0, or -1 when memory runs out or len exceeds RP_NORM_MAX_INPUT
 * (*out is then freed). */
int rp_normalize(const char *in, size_t len, rp_norm *out);

/* Input byte offset of the output character starting at `out`. For
 * out == len returns the input length. */
size_t rp_norm_in_offset(const rp_norm *n, size_t out);

/* Simplified form of one code point (itself when not traditional). */
uint32_t rp_norm_t2s(uint32_t cp);

void rp_norm_free(rp_norm *n);

#endif
