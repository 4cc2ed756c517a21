/* rp_measure: the record the extraction library produces for each quantity a
 * report states as a fact. Definition: ../shared/corpus/ANNOTATION.md.
 *
 * Ownership: every char* in these structs is heap-allocated and owned by the
 * rp_extract_result that holds it; rp_extract_result_free() releases all.
 * Strings are UTF-8, never NULL once a result is returned ("" when unknown). */
#ifndef RP_MEASURE_H
#define RP_MEASURE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum rp_approx {
    RP_APPROX_EXACT = 0, /* "" */
    RP_APPROX_MORE_THAN, /* 余 多 超 超过 逾 */
    RP_APPROX_ABOUT,     /* 约 近 左右: serialised "approx" */
    RP_APPROX_AT_LEAST,  /* 以上 不少于 (as a fact) */
    RP_APPROX_AT_MOST    /* 不到 不足 (as a fact) */
} rp_approx;

/* The serialised name used in JSON records and gold files. */
const char *rp_approx_name(rp_approx a);

typedef struct rp_measure {
    double value;        /* multipliers (万, 亿, 千, 百) folded in */
    char *unit;          /* simplified, multiplier removed: 元, 名, 人次, %, 百分点 */
    const char *unit_kind; /* static: person, person_time, event, organisation,
                            * item, household, money, area, ratio, duration,
                            * age, other */
    rp_approx approx;
    char *text;          /* surface form as it stands in the input text */
    char *subject;       /* what is counted */
    char *region;        /* most specific place the measure is about */
    char *period;        /* 今年以来, 2022年, ... ("" when none) */
    const char *metric;  /* static canonical metric name, "other" when none */
    size_t span_start;   /* byte offsets into rp_extract_result.text */
    size_t span_end;
    char *sentence;      /* the sentence the measure came from */
    bool optional;       /* borderline: rule, duration, range end, capacity */
} rp_measure;

typedef struct rp_doc_meta {
    char *title;     /* "" when unknown */
    char *published; /* YYYY-MM-DD or "" */
    char *source;    /* publisher or "" */
    char *region;    /* main region of the document or "" */
} rp_doc_meta;

#endif
