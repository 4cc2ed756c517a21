/* rp_extract_int.h: what the rp_extract*.c files share; not part of the
 * library's interface (rp_extract.h is).
 *
 * rp_extract_text() (rp_extract.c) normalises the text, sets up an `ex`
 * and runs:
 *   rp_extract_scan.c      the one pass over the text: boundaries, region
 *                          and period state, quotes; each number becomes a
 *                          candidate unless an exclusion rule rejects it
 *   rp_extract_quantity.c  the quantity grammar: number, 余/多, multipliers,
 *                          unit, markers before and after, range marks
 *   rp_extract_exclude.c   the exclusion rules: identifiers, ordinals and
 *                          dates, idioms, conditions, thresholds, targets
 *   rp_extract_build.c     candidates -> rp_measure (subject, metric,
 *                          surface text, sentence), diagnostics; freeing
 * All offsets are bytes into the normalised text x->s. */
#ifndef RP_EXTRACT_INT_H
#define RP_EXTRACT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rp_extract.h"
#include "rp_normalize.h"
#include "rp_number.h"
#include "rp_region.h"
#include "rp_unit.h"
#include "rp_utf8.h"

#define NONE ((size_t)-1)

/* A measure found by the scan, before its attributes are filled. */
typedef struct cand {
    double value;
    const rp_unit *unit;
    rp_approx approx;
    size_t start, end; /* surface in the normalised text, markers included */
    size_t num_start;
    size_t sent_start; /* where its sentence began */
    size_t clause_start; /* where its clause began */
    size_t respective;   /* the 分别 before it in its clause, NONE */
    bool optional;
    bool elided;         /* a value reached whose unit the text left out: the
                          * previous measure's subject is its own */
    size_t region, period; /* string pool indexes, NONE when none */
} cand;

typedef struct pool {
    char **v;
    size_t n, cap;
} pool;

typedef struct ex {
    const char *s;
    size_t n;
    const char *published;
    cand *c;
    size_t nc, cap;
    pool strs;
    int quote;          /* depth inside “ ” 《 》 「 」 */
    size_t speech_end;  /* offset of the ” closing quoted speech, or 0 */
    rp_region_state region;
    size_t period;
    size_t range_second; /* start of the second end of a range just seen */
    size_t clause_start; /* where the current clause began */
    size_t sent_start;   /* where the current sentence began */
    size_t target_pos;   /* is_target has scanned the clause up to here */
    bool target_found;   /* 计划/预计/目标/预期 in this clause */
    size_t modal_at;     /* the last 力争/拟/future 将 seen by the scan, NONE */
    size_t respective_at; /* 分别 seen in the current clause, NONE */
    bool capped;         /* RP_EXTRACT_MAX_MEASURES reached */
    size_t doc_period;   /* the year a title names (2023年党建工作总结), NONE */
    bool plan_section;   /* under a heading like 二、2025年工作安排 */
    rp_unit rates[16];   /* the rate units met (元/人/月), strings in strs */
    size_t nrates;
    bool oom;
} ex;

/* A quantity as the grammar reads it, before the exclusion rules. */
typedef struct quantity {
    rp_number num;
    double value;
    rp_approx approx;
    bool multiplied;
    const rp_unit *unit;
    size_t unit_start, unit_end;
    size_t per_len;    /* of a rate's denominators ending the unit (/人/月) */
    size_t start, end; /* with markers */
    const char *post;  /* 以上 以下 ... or NULL */
    bool pre_rule;     /* 至少 不少于: a rule or standard */
    bool elided;       /* its unit is its base's, left out (涨到今年的26万) */
} quantity;

/* ---- string pool (rp_extract.c) ------------------------------------------ */

/* Index of a copy of s in x->strs (a recent equal entry is reused), or NONE
 * with x->oom set when out of memory. */
size_t rp_ex_intern(ex *x, const char *s);

static inline const char *pool_str(const ex *x, size_t idx)
{
    return idx == NONE ? "" : x->strs.v[idx];
}

/* ---- small character helpers ---------------------------------------------- */

static inline bool is_digit_at(const ex *x, size_t i)
{
    return i < x->n && x->s[i] >= '0' && x->s[i] <= '9';
}

static inline bool is_alpha_cp(uint32_t cp)
{
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

static inline bool starts(const ex *x, size_t i, const char *lit)
{
    return rp_utf8_starts(x->s, x->n, i, lit);
}

/* True when the text at byte i starts with one of the NULL-terminated
 * words. */
static inline bool starts_any(const ex *x, size_t i, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_starts(x->s, x->n, i, words[k]))
            return true;
    return false;
}

/* True when the text before byte i ends with one of the NULL-terminated
 * words. */
static inline bool ends_any(const ex *x, size_t i, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_ends(x->s, i, words[k]))
            return true;
    return false;
}

/* True when s[a..b) holds one of the NULL-terminated words. */
static inline bool contains_any(const ex *x, size_t a, size_t b, const char *const *words)
{
    for (size_t k = 0; words[k] && a < b; k++)
        if (rp_utf8_find(x->s + a, b - a, words[k], strlen(words[k])) != NULL)
            return true;
    return false;
}

/* A unit that counts members (人, 村, 户, 件, 场): not an amount (亩, 元, 吨)
 * nor a sum over people (人次). */
static inline bool is_count_unit(const rp_unit *u)
{
    static const char *const kinds[] = {"person", "organisation", "item", "event", "household",
                                        NULL};
    for (size_t k = 0; kinds[k]; k++)
        if (strcmp(u->kind, kinds[k]) == 0)
            return true;
    return false;
}

static inline bool is_clause_punct(uint32_t cp)
{
    return cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x3002 ||
           cp == 0x2026 || cp == 0x3011; /* 】 ends a bulletin item's lead label */
}

/* ---- 分别 (rp_extract_respective.c) -------------------------------------- */

/* The i-th figure after 分别 (the scan notes it on each candidate) belongs to
 * the i-th item listed before it in its clause, or to the i-th of the
 * figures just before (done[] holds the measures already filled). When it
 * does, writes its subject into subj (left as it is when the clause names
 * it: `报告发病率分别为…`) and its region, and returns true. */
bool rp_ex_respective(const ex *x, size_t k, const rp_measure *done, char *subj, size_t scap,
                      char *region, size_t rcap);

/* ---- the quantity grammar (rp_extract_quantity.c) ----------------------- */

/* Reads number, suffixes, unit and markers at i into *q. False when no
 * number starts at i. */
bool rp_ex_read_quantity(const ex *x, size_t i, quantity *q);
/* Reads an approximation or rule marker (约, 超过, 不少于 ...) ending at
 * q->start: moves q->start before it and sets q->approx (if still exact)
 * and q->pre_rule. */
void rp_ex_read_pre(const ex *x, quantity *q);
/* 余/多 and 万/亿/千/百 after the number at j, in any order: 380余万, 15万余.
 * Returns the offset after them, with their product in *factor; sets
 * q->approx and q->multiplied as it goes. */
size_t rp_ex_read_suffixes(const ex *x, quantity *q, size_t j, double *factor);
/* Length of a range mark (至 到 - ~ — –) at j that a number follows, or 0. */
size_t rp_ex_range_marker(const ex *x, size_t j);

/* ---- exclusion rules (rp_extract_exclude.c) ----------------------------- */

/* Arabic numbers shaped like identifiers, dates, times, versions, scores:
 * 2024-09-10, 0551-6260, 6·25, 1+12, 14607214.html, 5G. */
bool rp_ex_identifier_shape(const ex *x, const quantity *q);
/* The quantity (which has a unit) qualifies what follows instead of being
 * reported: an age that selects people, a threshold (10万元以上的村), a
 * clause ending in 的. */
bool rp_ex_is_condition(const ex *x, const quantity *q);
/* 容纳 or 可供 within the three characters before: a capacity (kept, but
 * optional). */
bool rp_ex_is_capacity(const ex *x, const quantity *q);
/* Called by the scan at every 力 拟 将: remembers a modal for the target
 * rule. */
void rp_ex_note_modal(ex *x, size_t at, uint32_t cp);
/* All the exclusion rules for a quantity with a unit: inside quotes, an
 * identifier, an ordinal or date part, a Chinese numeral that is not a
 * count, 年 naming a year, a duration used as an adverb, a condition, a
 * threshold, a target. May advance the target scan state in x. */
/* For 百分之N, read outside the number grammar: a condition, a threshold
 * or a plan (力争…达到百分之百). */
/* 以上 以下 左右 … after q->end: moves q->end past it and sets the approx. */
void rp_ex_read_post(const ex *x, quantity *q);
bool rp_ex_is_planned_or_bound(ex *x, const quantity *q);
/* A paragraph starts at i: a heading of plans (二、2025年工作安排, 三、下一步工作)
 * opens a section whose numbers are plans, up to the next 一、-style heading. */
void rp_ex_note_paragraph(ex *x, size_t i);

bool rp_ex_rejected(ex *x, const quantity *q);

/* ---- the scan (rp_extract_scan.c) ---------------------------------------- */

/* Scans x->s, appending candidates to x->c; stops early on x->oom or when
 * RP_EXTRACT_MAX_MEASURES is reached (x->capped). */
void rp_ex_scan(ex *x);

/* ---- the result (rp_extract_build.c) ------------------------------------- */

/* Fills r (zeroed) from the candidates: measures, metadata (hints h win),
 * diagnostics; takes over nm->text as r->text. Returns -1 when out of
 * memory (r then holds what was built; free it with
 * rp_extract_result_free). */
int rp_ex_build(ex *x, rp_norm *nm, const char *input, const rp_extract_hints *h,
                rp_extract_result *r);

#endif
