/* rp_extract: normalised report text -> measures. See rp_extract.h and
 * ../shared/corpus/ANNOTATION.md for what counts as a measure.
 *
 * One pass over the normalised text: clause/sentence/paragraph boundaries
 * drive the region and period state; at each number the quantity grammar
 * (number, 余/多, multipliers, unit, markers before and after) runs and the
 * exclusion rules (ordinals, dates, identifiers, names in quotes, conditions,
 * Chinese-numeral idioms) decide whether it is a measure. Attributes
 * (subject, metric, sentence) are filled when the result is built.
 *
 * This file: the entry point, the string pool, and the document-level
 * state (hints, title period, region). The stages are in rp_extract_*.c;
 * rp_extract_int.h lists them. */
#include "rp_extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_meta.h"
#include "rp_period.h"

const char *rp_approx_name(rp_approx a)
{
    switch (a) {
    case RP_APPROX_MORE_THAN: return "more_than";
    case RP_APPROX_ABOUT: return "approx";
    case RP_APPROX_AT_LEAST: return "at_least";
    case RP_APPROX_AT_MOST: return "at_most";
    default: return "";
    }
}

/* ---- string pool ---- */

/* Looks back over the last few entries only, so that a text with many
 * distinct periods stays linear (a repeat further back is stored again). */
size_t rp_ex_intern(ex *x, const char *s)
{
    for (size_t k = x->strs.n, seen = 0; k > 0 && seen < 8; k--, seen++)
        if (strcmp(x->strs.v[k - 1], s) == 0)
            return k - 1;
    if (x->strs.n == x->strs.cap) {
        size_t cap = x->strs.cap ? x->strs.cap * 2 : 16;
        char **v = realloc(x->strs.v, cap * sizeof *v);
        if (v == NULL) {
            x->oom = true;
            return NONE;
        }
        x->strs.v = v;
        x->strs.cap = cap;
    }
    char *d = strdup(s);
    if (d == NULL) {
        x->oom = true;
        return NONE;
    }
    x->strs.v[x->strs.n] = d;
    return x->strs.n++;
}

static void pool_free(pool *p)
{
    for (size_t k = 0; k < p->n; k++)
        free(p->v[k]);
    free(p->v);
}

/* A title that names a year (丹霞镇2023年党建工作总结, 2024年上半年工作总结)
 * gives the period of measures whose clause names none. */
static void title_period(ex *x, const char *title)
{
    x->doc_period = NONE;
    if (title == NULL)
        return;
    size_t n = strlen(title);
    for (size_t i = 0; i + 4 < n; i++) {
        char buf[64];
        bool boundary = i == 0 || title[i - 1] < '0' || title[i - 1] > '9';
        if (boundary && rp_period_at(title, n, i, NULL, buf, sizeof buf) > 0 && buf[0] >= '1' &&
            buf[0] <= '2') {
            size_t l = strlen(buf);
            if (rp_utf8_starts(title, n, i + l, "上半年") || rp_utf8_starts(title, n, i + l, "下半年"))
                snprintf(buf + l, sizeof buf - l, "%.9s", title + i + l);
            x->doc_period = rp_ex_intern(x, buf);
            return;
        }
    }
}

/* The region rules read simplified text: hints may be traditional (潁州區). */
static void init_region(ex *x, const char *title, const char *source, const char *site)
{
    rp_norm t = {0}, src = {0}, sit = {0};
    bool ok_t = title && rp_normalize(title, strlen(title), &t) == 0;
    bool ok_s = source && rp_normalize(source, strlen(source), &src) == 0;
    bool ok_w = site && rp_normalize(site, strlen(site), &sit) == 0;
    rp_region_state_init(&x->region, x->s, x->n, ok_t ? t.text : NULL, ok_s ? src.text : NULL,
                         ok_w ? sit.text : NULL);
    rp_norm_free(&t);
    rp_norm_free(&src);
    rp_norm_free(&sit);
}

static void set_err(char *err, size_t errlen, const char *msg)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", msg);
}

int rp_extract_text(const char *text, size_t len, const rp_extract_hints *hints,
                    rp_extract_result **out, char *err, size_t errlen)
{
    *out = NULL;
    if (text == NULL && len > 0) {
        set_err(err, errlen, "rp_extract_text: NULL text");
        return -1;
    }
    rp_norm nm;
    if (len > RP_NORM_MAX_INPUT) {
        set_err(err, errlen, "rp_extract_text: input larger than 1 GiB");
        return -1;
    }
    if (rp_normalize(text ? text : "", len, &nm) != 0) {
        set_err(err, errlen, "rp_extract_text: out of memory while normalising");
        return -1;
    }
    ex x = {.s = nm.text, .n = nm.len, .period = NONE, .range_second = NONE,
            .modal_at = NONE, .respective_at = NONE};
    rp_extract_hints found = {0};
    char *published = (hints && hints->published && hints->published[0])
                          ? strdup(hints->published) : rp_meta_find_published(nm.text, nm.len);
    char *source = (hints && hints->source && hints->source[0]) ? strdup(hints->source)
                                                                : rp_meta_find_source(nm.text, nm.len);
    x.published = published;
    found.title = hints ? hints->title : NULL;
    found.published = published;
    found.source = source;
    init_region(&x, found.title, source, hints ? hints->site : NULL);
    char *guessed = found.title && found.title[0] ? NULL : rp_meta_guess_title(nm.text, nm.len);
    title_period(&x, guessed ? guessed : found.title);
    free(guessed);
    char year[8]; /* no publication date: 今年/去年 resolve against the title's year */
    if (published != NULL && published[0] == '\0' && x.doc_period != NONE) {
        snprintf(year, sizeof year, "%.4s", pool_str(&x, x.doc_period));
        x.published = year;
    }
    rp_ex_scan(&x);
    rp_extract_result *r = calloc(1, sizeof *r);
    int rc = (published == NULL || source == NULL || x.oom || r == NULL)
                 ? -1 : rp_ex_build(&x, &nm, text, &found, r);
    free(published);
    free(source);
    pool_free(&x.strs);
    free(x.c);
    rp_norm_free(&nm);
    if (rc != 0) {
        rp_extract_result_free(r);
        set_err(err, errlen, "rp_extract_text: out of memory");
        return -1;
    }
    *out = r;
    return 0;
}
