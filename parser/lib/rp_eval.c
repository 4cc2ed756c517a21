/* rp_eval: see rp_eval.h. */
#include "rp_eval.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_normalize.h"
#include "rp_utf8.h"

/* ---- folding for comparisons ---- */

static bool fold_drop(uint32_t cp)
{
    return cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x300A ||
           cp == 0x300B || cp == 0x300C || cp == 0x300D || cp == '"' || cp == '\'' || cp == ' ' ||
           cp == '\t' || cp == '\n' || cp == 0x3000;
}

/* Folds s into out (cap bytes): simplified, full-width ASCII to ASCII,
 * optionally without quotes and whitespace. */
static void fold(const char *s, char *out, size_t cap, bool drop_quotes)
{
    size_t n = strlen(s), i = 0, o = 0;
    while (i < n && o + 5 < cap) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, i, &l);
        i += l;
        if (cp >= 0xFF01 && cp <= 0xFF5E)
            cp -= 0xFEE0;
        if (drop_quotes && fold_drop(cp))
            continue;
        o += rp_utf8_encode(rp_norm_t2s(cp), out + o);
    }
    out[o] = '\0';
}

bool rp_eval_unit_equal(const char *a, const char *b)
{
    char fa[64], fb[64];
    fold(a ? a : "", fa, sizeof fa, false);
    fold(b ? b : "", fb, sizeof fb, false);
    return strcmp(fa, fb) == 0;
}

bool rp_eval_subject_equal(const char *a, const char *b, bool lenient)
{
    char fa[512], fb[512];
    fold(a ? a : "", fa, sizeof fa, true);
    fold(b ? b : "", fb, sizeof fb, true);
    if (strcmp(fa, fb) == 0)
        return true;
    if (!lenient || fa[0] == '\0' || fb[0] == '\0')
        return false;
    return strstr(fa, fb) != NULL || strstr(fb, fa) != NULL;
}

static bool value_equal(double a, double b)
{
    double m = fmax(fabs(a), fabs(b));
    return fabs(a - b) <= 1e-6 * m || a == b;
}

static bool same_key(const rp_eval_item *g, const rp_eval_item *p)
{
    return value_equal(g->value, p->value) && rp_eval_unit_equal(g->unit, p->unit);
}

/* ---- scoring ---- */

static void score_pair(rp_eval_counts *acc, const rp_eval_item *g, const rp_eval_item *p)
{
    acc->tp++;
    acc->matched++;
    if (strcmp(g->approx ? g->approx : "", p->approx ? p->approx : "") == 0)
        acc->approx_ok++;
    if (rp_eval_subject_equal(g->subject, p->subject, true))
        acc->subject_ok++;
    if (rp_eval_subject_equal(g->subject, p->subject, false))
        acc->subject_strict_ok++;
    if (rp_eval_subject_equal(g->region, p->region, false))
        acc->region_ok++;
}

/* Matches gold items with optional == want_optional; pm[j] marks used
 * predictions, gm[i] the gold partner index + 1. */
static void match_pass(const rp_eval_item *gold, size_t ng, const rp_eval_item *pred, size_t np,
                       bool want_optional, size_t *gm, bool *pm)
{
    for (size_t i = 0; i < ng; i++) {
        if (gold[i].optional != want_optional)
            continue;
        /* Among predictions with the same key, the pairing prefers the same
         * surface text, then the same optional mark, then document order:
         * `3个` of a capacity is not paired with `3个` of a count when both
         * are there. Counts do not depend on it, attributes do. */
        size_t best = 0;
        int best_score = -1;
        for (size_t j = 0; j < np; j++) {
            if (pm[j] || !same_key(&gold[i], &pred[j]))
                continue;
            int score = 2 * (gold[i].text && pred[j].text && strcmp(gold[i].text, pred[j].text) == 0) +
                        (gold[i].optional == pred[j].optional);
            if (score > best_score) {
                best = j;
                best_score = score;
            }
        }
        if (best_score >= 0) {
            pm[best] = true;
            gm[i] = best + 1;
        }
    }
}

int rp_eval_score(const rp_eval_item *gold, size_t ng, const rp_eval_item *pred, size_t np,
                  rp_eval_counts *acc, rp_eval_cb cb, void *ud)
{
    size_t *gm = calloc(ng + 1, sizeof *gm);
    bool *pm = calloc(np + 1, sizeof *pm);
    if (gm == NULL || pm == NULL) {
        free(gm);
        free(pm);
        return -1;
    }
    match_pass(gold, ng, pred, np, false, gm, pm);
    match_pass(gold, ng, pred, np, true, gm, pm);
    for (size_t i = 0; i < ng; i++) {
        if (gold[i].optional) {
            acc->optional_matched += gm[i] != 0;
            continue;
        }
        if (gm[i] != 0) {
            score_pair(acc, &gold[i], &pred[gm[i] - 1]);
            if (cb)
                cb(ud, RP_EVAL_TP, &gold[i], &pred[gm[i] - 1]);
        } else {
            acc->fn++;
            if (cb)
                cb(ud, RP_EVAL_FN, &gold[i], NULL);
        }
    }
    for (size_t j = 0; j < np; j++) {
        if (!pm[j]) {
            acc->fp++;
            if (cb)
                cb(ud, RP_EVAL_FP, NULL, &pred[j]);
        }
    }
    free(gm);
    free(pm);
    return 0;
}

static double ratio(size_t a, size_t b)
{
    return b == 0 ? 0.0 : (double)a / (double)b;
}

rp_eval_scores rp_eval_summarise(const rp_eval_counts *c)
{
    rp_eval_scores s;
    s.precision = ratio(c->tp, c->tp + c->fp);
    s.recall = ratio(c->tp, c->tp + c->fn);
    s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
    s.approx = ratio(c->approx_ok, c->matched);
    s.subject = ratio(c->subject_ok, c->matched);
    s.subject_strict = ratio(c->subject_strict_ok, c->matched);
    s.region = ratio(c->region_ok, c->matched);
    return s;
}

rp_eval_item rp_eval_item_of(const rp_measure *m)
{
    rp_eval_item it = {.value = m->value, .unit = m->unit, .approx = rp_approx_name(m->approx),
                       .text = m->text, .subject = m->subject, .region = m->region,
                       .optional = m->optional};
    return it;
}

/* ---- gold files ---- */

typedef struct gold_priv {
    cJSON **trees;
    size_t n;
} gold_priv;

static const char *jstr(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

static char *dupstr(const char *s)
{
    return strdup(s ? s : "");
}

static int gold_doc_line(rp_eval_gold *out, const cJSON *o)
{
    out->doc = dupstr(jstr(o, "doc"));
    out->title = dupstr(jstr(o, "title"));
    out->region = dupstr(jstr(o, "region"));
    out->published = dupstr(jstr(o, "published"));
    out->source = dupstr(jstr(o, "source"));
    return (out->doc && out->title && out->region && out->published && out->source) ? 0 : -1;
}

static int gold_item_line(rp_eval_gold *out, const cJSON *o, size_t line, char *err, size_t el)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "value");
    if (!cJSON_IsNumber(v) || !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o, "unit"))) {
        snprintf(err, el, "line %zu: a measure needs a numeric value and a unit", line);
        return -1;
    }
    rp_eval_item *it = &out->items[out->n_items++];
    it->value = v->valuedouble;
    it->unit = jstr(o, "unit");
    it->approx = jstr(o, "approx");
    it->text = jstr(o, "text");
    it->subject = jstr(o, "subject");
    it->region = jstr(o, "region");
    it->optional = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "optional"));
    return 0;
}

static size_t count_lines(const char *buf, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += buf[i] == '\n';
    return n;
}

static int parse_line(rp_eval_gold *out, gold_priv *pv, const char *line, size_t l, size_t no,
                      char *err, size_t el)
{
    cJSON *o = cJSON_ParseWithLength(line, l);
    if (o == NULL || !cJSON_IsObject(o)) {
        cJSON_Delete(o);
        snprintf(err, el, "line %zu: not a JSON object", no);
        return -1;
    }
    pv->trees[pv->n++] = o;
    if (cJSON_GetObjectItemCaseSensitive(o, "doc") != NULL && out->doc == NULL)
        return gold_doc_line(out, o);
    return gold_item_line(out, o, no, err, el);
}

int rp_eval_gold_parse(const char *buf, size_t len, rp_eval_gold *out, char *err, size_t errlen)
{
    char dummy[8];
    if (err == NULL) {
        err = dummy;
        errlen = sizeof dummy;
    }
    memset(out, 0, sizeof *out);
    size_t lines = count_lines(buf, len);
    gold_priv *pv = calloc(1, sizeof *pv);
    out->priv = pv;
    out->items = calloc(lines, sizeof *out->items);
    if (pv == NULL || out->items == NULL || (pv->trees = calloc(lines, sizeof *pv->trees)) == NULL) {
        snprintf(err, errlen, "out of memory");
        rp_eval_gold_free(out);
        return -1;
    }
    size_t i = 0, no = 0;
    while (i < len) {
        const char *nl = memchr(buf + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - buf) : len;
        no++;
        size_t a = i;
        while (a < e && (buf[a] == ' ' || buf[a] == '\r' || buf[a] == '\t'))
            a++;
        if (e > a && parse_line(out, pv, buf + a, e - a, no, err, errlen) != 0) {
            rp_eval_gold_free(out);
            return -1;
        }
        i = e + 1;
    }
    if (out->doc == NULL && gold_doc_line(out, NULL) != 0) {
        rp_eval_gold_free(out);
        return -1;
    }
    return 0;
}

void rp_eval_gold_free(rp_eval_gold *g)
{
    if (g == NULL)
        return;
    gold_priv *pv = g->priv;
    if (pv != NULL) {
        for (size_t k = 0; k < pv->n; k++)
            cJSON_Delete(pv->trees[k]);
        free(pv->trees);
        free(pv);
    }
    free(g->doc);
    free(g->title);
    free(g->region);
    free(g->published);
    free(g->source);
    free(g->items);
    memset(g, 0, sizeof *g);
}
