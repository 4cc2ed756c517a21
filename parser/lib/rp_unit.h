/* rp_unit: the lexicon of units and classifiers that can follow a number in
 * a report, each with its canonical (simplified, multiplier-free) spelling
 * and kind. Matching is longest-first (人次 before 人, 个百分点 before 个).
 *
 * A static table: pure, thread-safe, no allocation. */
#ifndef RP_UNIT_H
#define RP_UNIT_H

#include <stdbool.h>
#include <stddef.h>

enum {
    RP_UNIT_CN_OK = 1,    /* may follow a Chinese numeral as a count */
    RP_UNIT_DURATION = 2, /* a length of time: optional in gold */
    RP_UNIT_MORE = 4,     /* carries 多 inside: 个多月 */
    RP_UNIT_YEAR = 8,     /* 年: a date after a year-like number */
    RP_UNIT_CN_MANY = 16  /* after a Chinese numeral only of several
                           * characters (两百多分), never one (十分) */
};

typedef struct rp_unit {
    const char *surface;   /* as written after normalisation */
    const char *canonical; /* the unit recorded on the measure */
    const char *kind;      /* person, person_time, event, organisation, item,
                            * household, money, area, ratio, duration, age,
                            * other */
    unsigned flags;
    const char *not_before; /* characters that, following, make it a word:
                             * 名 before 单 is 名单 */
} rp_unit;

/* Longest unit starting at s[i], or NULL. */
const rp_unit *rp_unit_match(const char *s, size_t n, size_t i);

/* The denominators of a rate after a unit at s[i]: `/人`, `/亩`, then
 * `/月` or `·月` (元/人/月, 吨/平方公里·月). Returns the bytes they take, 0
 * when there are none; canon gets their canonical spelling (/人/月). Rates
 * are never summed: money per anything is a price. */
size_t rp_unit_per(const char *s, size_t n, size_t i, char *canon, size_t cap);

#endif
