/* rp_meta: see rp_meta.h. */
#include "rp_meta.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_utf8.h"

static char *dup_range(const char *s, size_t a, size_t b)
{
    size_t l = b > a ? b - a : 0;
    char *d = malloc(l + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s + a, l);
    d[l] = '\0';
    return d;
}

/* A news lead "3月14日,济南市委组织部在章丘区召开...推进会。" stands for the
 * headline when there is none: the first sentence after its date, when it
 * is short. [a, b) is the first line. */
static char *news_lead_title(const char *s, size_t a, size_t b)
{
    size_t j = a;
    while (j < b && s[j] >= '0' && s[j] <= '9')
        j++;
    if (j == a || !rp_utf8_starts(s, b, j, "月"))
        return strdup("");
    j += 3;
    while (j < b && s[j] >= '0' && s[j] <= '9')
        j++;
    if (!rp_utf8_starts(s, b, j, "日") || !rp_utf8_starts(s, b, j + 3, ","))
        return strdup("");
    j += 4;
    const char *stop = rp_utf8_find(s + j, b - j, "。", 3);
    size_t e = stop ? (size_t)(stop - s) : b;
    if (e - j > 40 * 3 || e == j)
        return strdup("");
    return dup_range(s, j, e);
}

/* The first non-empty line when it looks like a headline: short, no final
 * full stop, some Han text; else a news lead's first sentence. */
char *rp_meta_guess_title(const char *s, size_t n)
{
    size_t a = 0;
    while (a < n && (s[a] == '\n' || s[a] == ' ' || s[a] == '\t'))
        a++;
    const char *nl = memchr(s + a, '\n', n - a);
    size_t b = nl ? (size_t)(nl - s) : n;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        b--;
    if (b == a || b - a > 150 || rp_utf8_ends(s, b, "。") ||
        !rp_utf8_is_han(rp_utf8_at(s, n, rp_utf8_prev(s, b))))
        return news_lead_title(s, a, b);
    return dup_range(s, a, b);
}

static bool digits_at(const char *s, size_t n, size_t i, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (i + k >= n || s[i + k] < '0' || s[i + k] > '9')
            return false;
    return true;
}

/* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年M月D日 at i -> "YYYY-MM-DD". */
static bool parse_date(const char *s, size_t n, size_t i, char out[11])
{
    if (!digits_at(s, n, i, 4))
        return false;
    unsigned v[3] = {0, 0, 0};
    size_t j = i;
    for (int part = 0; part < 3; part++) {
        size_t d = 0;
        while (j < n && s[j] >= '0' && s[j] <= '9' && d < 4) {
            v[part] = v[part] * 10 + (unsigned)(s[j] - '0');
            j++;
            d++;
        }
        if (d == 0)
            return false;
        if (part == 2)
            break;
        if (j < n && strchr("-/.", s[j]) && s[j] != '\0')
            j++;
        else if (rp_utf8_starts(s, n, j, part == 0 ? "年" : "月"))
            j += 3;
        else
            return false;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return false;
    snprintf(out, 11, "%04u-%02u-%02u", v[0] % 10000, v[1], v[2]);
    return true;
}

char *rp_meta_find_published(const char *s, size_t n)
{
    static const char *const labels[] = {"发布时间", "发布日期", "发表时间", "日期", "时间"};
    size_t lim = n < 1500 ? n : 1500;
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        const char *p = rp_utf8_find(s, lim, labels[k], strlen(labels[k]));
        if (p == NULL)
            continue;
        size_t j = (size_t)(p - s) + strlen(labels[k]);
        while (j < lim && (s[j] == ':' || s[j] == ' '))
            j++;
        char d[11];
        if (parse_date(s, n, j, d))
            return strdup(d);
    }
    return strdup("");
}

/* Publisher lines sit in the first or last few kilobytes of a document. */
#define HEAD_TAIL 1500

/* The first lit in s[from..to) that starts a label: at a line start or
 * after a blank or separator, not inside a word (`资金来源:` is no
 * publisher line). */
static const char *find_label(const char *s, size_t from, size_t to, const char *lit)
{
    size_t l = strlen(lit);
    while (from < to) {
        const char *p = rp_utf8_find(s + from, to - from, lit, l);
        if (p == NULL)
            return NULL;
        size_t at = (size_t)(p - s);
        if (at == 0 || !rp_utf8_is_han(rp_utf8_before(s, to, at)))
            return p;
        from = at + l;
    }
    return NULL;
}

static const char *find_head_tail(const char *s, size_t n, const char *lit)
{
    size_t head = n < HEAD_TAIL ? n : HEAD_TAIL;
    const char *p = find_label(s, 0, head, lit);
    if (p == NULL && n > HEAD_TAIL) {
        size_t from = n - HEAD_TAIL < head ? head : n - HEAD_TAIL;
        p = find_label(s, from, n, lit);
    }
    return p;
}

/* 来源:X / 主办:X / (X / 供稿) */
char *rp_meta_find_source(const char *s, size_t n)
{
    static const char *const labels[] = {"来源:", "来源 :", "主办:", "稿源:"};
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        const char *p = memchr(s, ':', n) ? find_head_tail(s, n, labels[k]) : NULL;
        if (p == NULL)
            continue;
        size_t a = (size_t)(p - s) + strlen(labels[k]);
        while (a < n && s[a] == ' ')
            a++;
        size_t b = a, l;
        while (b < n && s[b] != ' ' && s[b] != '\n' && s[b] != '\t' && b - a < 120 &&
               !rp_utf8_starts(s, n, b, "作者") && !rp_utf8_starts(s, n, b, "承办")) {
            rp_utf8_decode(s, n, b, &l); /* whole characters: never half of one */
            b += l;
        }
        if (b > a)
            return dup_range(s, a, b);
    }
    const char *g = find_head_tail(s, n, "供稿");
    if (g != NULL) {
        size_t e = (size_t)(g - s), a = e;
        while (a > 0 && s[a - 1] != '(' && s[a - 1] != '\n' && e - a < 90)
            a = rp_utf8_prev(s, a); /* whole characters */
        size_t b = e;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '/'))
            b--;
        if (b > a)
            return dup_range(s, a, b);
    }
    return strdup("");
}

int rp_meta_fill(rp_doc_meta *m, const char *s, size_t n, const char *region,
                 const rp_extract_hints *h)
{
    bool ht = h->title && h->title[0];
    m->title = ht ? strdup(h->title) : rp_meta_guess_title(s, n);
    m->published = strdup(h->published);
    m->source = strdup(h->source);
    m->region = strdup(region);
    return (m->title && m->published && m->source && m->region) ? 0 : -1;
}
