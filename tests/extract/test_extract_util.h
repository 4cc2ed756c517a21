/* Helpers shared by the extraction tests: run rp_extract_text on a literal
 * and look measures up by value and unit. */
#ifndef TEST_EXTRACT_UTIL_H
#define TEST_EXTRACT_UTIL_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rp_extract.h"

static inline rp_extract_result *run(const char *text)
{
    rp_extract_result *r = NULL;
    char err[256];
    int rc = rp_extract_text(text, strlen(text), NULL, &r, err, sizeof err);
    assert_int_equal(rc, 0);
    assert_non_null(r);
    return r;
}

/* The first measure with this value and unit, or NULL. */
static inline const rp_measure *find(const rp_extract_result *r, double value, const char *unit)
{
    for (size_t k = 0; k < r->n_measures; k++) {
        const rp_measure *m = &r->measures[k];
        if (fabs(m->value - value) <= 1e-6 * fabs(value) + 1e-9 && strcmp(m->unit, unit) == 0)
            return m;
    }
    return NULL;
}

/* How many measures have this value and unit. */
static inline size_t count_of(const rp_extract_result *r, double value, const char *unit)
{
    size_t c = 0;
    for (size_t k = 0; k < r->n_measures; k++) {
        const rp_measure *m = &r->measures[k];
        c += fabs(m->value - value) <= 1e-6 * fabs(value) + 1e-9 && strcmp(m->unit, unit) == 0;
    }
    return c;
}

static inline void dump(const rp_extract_result *r)
{
    for (size_t k = 0; k < r->n_measures; k++)
        fprintf(stderr, "  measure %g %s [%s] subject=%s region=%s\n", r->measures[k].value,
                r->measures[k].unit, r->measures[k].text, r->measures[k].subject,
                r->measures[k].region);
}

/* Asserts text yields exactly one measure, value/unit/approx as given. */
static inline const rp_measure *expect_one(rp_extract_result *r, double value, const char *unit,
                                    rp_approx approx)
{
    if (r->n_measures != 1 || find(r, value, unit) == NULL)
        dump(r);
    assert_int_equal(r->n_measures, 1);
    const rp_measure *m = find(r, value, unit);
    assert_non_null(m);
    assert_int_equal(m->approx, approx);
    return m;
}

static inline void check_one(const char *text, double value, const char *unit, rp_approx approx)
{
    rp_extract_result *r = run(text);
    expect_one(r, value, unit, approx);
    rp_extract_result_free(r);
}

static inline void check_none(const char *text)
{
    rp_extract_result *r = run(text);
    if (r->n_measures != 0) {
        fprintf(stderr, "expected no measure in: %s\n", text);
        dump(r);
    }
    assert_int_equal(r->n_measures, 0);
    rp_extract_result_free(r);
}

#endif
