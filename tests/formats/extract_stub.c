/* A stand-in for rp_extract_text(), linked into the format tests only while
 * parser/lib has no extractor yet (see CMakeLists.txt). It finds ASCII
 * numbers followed by a unit from a short list, which is enough to compare
 * what each format hands to the extractor. */
#include <stdlib.h>
#include <string.h>

#include "rp_extract.h"

static const char *const UNITS[] = {"人次", "个百分点", "万元", "万名", "元",
                                    "名", "人", "个", "期", "场", "件",
                                    "项", "家", "次", "%"};

static char *dup_s(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int add(rp_extract_result *r, double v, const char *unit)
{
    rp_measure *m = realloc(r->measures, (r->n_measures + 1) * sizeof *m);
    if (m == NULL)
        return -1;
    r->measures = m;
    m = &m[r->n_measures++];
    memset(m, 0, sizeof *m);
    m->value = v;
    const char *u = unit;
    if (strcmp(unit, "万元") == 0 || strcmp(unit, "万名") == 0) {
        m->value *= 10000;
        u = unit + 3;
    } else if (strcmp(unit, "个百分点") == 0) {
        u = "百分点";
    }
    m->unit = dup_s(u, strlen(u));
    m->text = dup_s("", 0);
    m->subject = dup_s("", 0);
    m->region = dup_s("", 0);
    m->period = dup_s("", 0);
    m->sentence = dup_s("", 0);
    m->unit_kind = "other";
    m->metric = "other";
    return 0;
}

int rp_extract_text(const char *text, size_t len, const rp_extract_hints *h,
                    rp_extract_result **out, char *err, size_t errlen)
{
    (void)err;
    (void)errlen;
    rp_extract_result *r = calloc(1, sizeof *r);
    if (r == NULL)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9' || (i > 0 && text[i - 1] >= '0' &&
                                                 text[i - 1] <= '9'))
            continue;
        char num[64];
        size_t k = 0;
        while (i < len && k + 1 < sizeof num &&
               ((text[i] >= '0' && text[i] <= '9') || text[i] == '.'))
            num[k++] = text[i++];
        num[k] = '\0';
        size_t j = i;
        while (j < len && text[j] == ' ')
            j++;
        if (j + 3 <= len && (memcmp(text + j, "余", 3) == 0 ||
                             memcmp(text + j, "多", 3) == 0))
            j += 3;
        for (size_t u = 0; u < sizeof UNITS / sizeof UNITS[0]; u++) {
            size_t ul = strlen(UNITS[u]);
            if (j + ul <= len && memcmp(text + j, UNITS[u], ul) == 0) {
                add(r, strtod(num, NULL), UNITS[u]);
                break;
            }
        }
        if (i > 0)
            i--;
    }
    r->text = dup_s(text, len);
    r->text_len = len;
    r->diagnostics = dup_s("extractor=stub", 14);
    r->meta.title = dup_s(h && h->title ? h->title : "", h && h->title ? strlen(h->title) : 0);
    r->meta.published = dup_s(h && h->published ? h->published : "", h && h->published ? strlen(h->published) : 0);
    r->meta.source = dup_s(h && h->source ? h->source : "", h && h->source ? strlen(h->source) : 0);
    r->meta.region = dup_s("", 0);
    *out = r;
    return 0;
}

void rp_extract_result_free(rp_extract_result *r)
{
    if (r == NULL)
        return;
    for (size_t i = 0; i < r->n_measures; i++) {
        free(r->measures[i].unit);
        free(r->measures[i].text);
        free(r->measures[i].subject);
        free(r->measures[i].region);
        free(r->measures[i].period);
        free(r->measures[i].sentence);
    }
    free(r->measures);
    free(r->meta.title);
    free(r->meta.published);
    free(r->meta.source);
    free(r->meta.region);
    free(r->text);
    free(r->diagnostics);
    free(r);
}
