/* rp_subject: the short phrase naming what a measure counts, taken from the
 * words around the number.
 *
 * Rules (docs/metrics.md has examples):
 *   1. after: when a count classifier (个 名 家 ...) is followed by a noun
 *      phrase, that phrase wins (13个乡镇街道 -> 乡镇街道); it runs to the
 *      next punctuation, number or verb-like stop word, parentheses and
 *      quotes kept whole.
 *   2. money: the words before when they hold a money noun (划拨党费65.8万元),
 *      else the purpose after 用于/保障/支持 when there is one.
 *   3. before: otherwise (money, ratios, durations, or the classifier ends
 *      the clause) the words back to the clause boundary (， 。 ； ： 、 or the
 *      previous measure), with leading time words, adverbs and
 *      quantity verbs trimmed (今年以来 共 累计 已 ...).
 *
 * Pure; writes into a caller buffer. */
#ifndef RP_SUBJECT_H
#define RP_SUBJECT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rp_subject_span {
    size_t start;      /* measure surface start (pre-markers included) */
    size_t end;        /* measure surface end (post-markers included) */
    size_t floor;      /* do not look back before this (previous measure) */
    bool count_unit;   /* the unit is a classifier that may precede a noun */
    bool money;        /* an amount: 300万元用于X names X when nothing before
                        * the amount is a money noun (党费, 资金 ...) */
    bool activity;     /* person-times: the verb is what is counted (参与学习,
                        * 培训村干部) and stays in the subject */
    bool glued;        /* follows the previous measure with nothing or only 、
                        * between (四支、一百五十余人): with no words of its own
                        * it shares that measure's subject (empty result) */
} rp_subject_span;

/* Writes a NUL-terminated subject (possibly "") into out[cap]. */
void rp_subject_find(const char *s, size_t n, const rp_subject_span *sp, char *out, size_t cap);

/* True when subject is only a verb of change (提高, 增长 ...): the caller
 * then names the measure after the number it changed from. */
bool rp_subject_is_change_verb(const char *subject);

/* True when the phrase is only a verb after which the figure is the new
 * level of what the previous figure measured (由每天4班加密到12班): the
 * caller repeats that figure's subject. */
bool rp_subject_is_level_verb(const char *subject);

/* True when the subject is only a comparison base and a verb of change
 * (比上年缩短, 较常年偏多): the thing that changed was named before. */
bool rp_subject_is_base_change(const char *subject);

/* True when subject is only a share verb, or a share of a whole
 * (占, 占比, 占岗位总数 of 占岗位总数的36%): the part is the previous
 * measure's subject. */
bool rp_subject_is_share_of_whole(const char *subject);

/* 增加 or 减少 when subject is only a comparison base with 多 or 少
 * (比上年同期多 of 比上年同期多3个), else NULL. */
const char *rp_subject_more_or_less(const char *subject);

/* True when s[0..n) is only a base of comparison: 同比, 环比, 比上年,
 * 较去年同期 (`同比分别下降14.3%、18.2%`). */
bool rp_subject_is_base(const char *s, size_t n);

/* True when subject is only a comparison base (是去年同期 of 是去年同期的2.1倍):
 * the thing compared is the previous measure's subject. */
bool rp_subject_is_base_only(const char *subject);

/* The subject of a measure whose own words are only the change verb:
 * prev's subject without its change verb, then verb (党费增加 + 增长 ->
 * 党费增长). verb may alias out. */
void rp_subject_after_change(const char *prev, const char *verb, char *out, size_t cap);

/* Nothing but a word for a total (总数, 总量) or nothing at all: `新建工作站
 * 2个,全县总数达到7个` counts what the figure before it counted. */
bool rp_subject_is_total_only(const char *subject);

/* What prev counts, without the verb that added to it (新增投放AED -> AED). */
void rp_subject_counted(const char *prev, char *out, size_t cap);

/* `95%以上的股东户已开通账户`: at s[i], right after a share's 的, the noun
 * it is a share of, up to the clause's verb; copied to out. False when no
 * noun of at least two characters follows. */
bool rp_subject_share_noun(const char *s, size_t n, size_t i, char *out, size_t cap);

#endif
