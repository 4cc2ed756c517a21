/* rp_period: see rp_period.h. */
#include "rp_period.h"

#include <stdio.h>
#include <string.h>

#include "rp_utf8.h"

typedef struct period_word {
    const char *word;
    int year_offset; /* -1 last year, 0 this year, 99 not resolvable */
    const char *resolved_suffix;
} period_word;

static const period_word words[] = {
    {"今年以来", 0, "年以来"}, {"去年以来", -1, "年以来"}, {"今年上半年", 0, "年上半年"},
    {"去年底", -1, "年底"},    {"今年", 0, "年"},          {"去年", -1, "年"},
    {"年内", 0, "年"},         {"近年来", 99, NULL},       {"换届以来", 99, NULL},
    {"近三年", 99, NULL},      {"近五年", 99, NULL},       {"近两年", 99, NULL},
    {"去冬今春", 99, NULL},    {"全年", 0, "年"},          {"目前", 99, NULL},
    {"上半年", 0, "年上半年"}, {"下半年", 0, "年下半年"}, {"一季度", 0, "年一季度"},
    {"前三季度", 0, "年前三季度"}, {"近年来", 99, NULL},
};

static int published_year(const char *published)
{
    if (published == NULL || strlen(published) < 4)
        return 0;
    int y = 0;
    for (int k = 0; k < 4; k++) {
        if (published[k] < '0' || published[k] > '9')
            return 0;
        y = y * 10 + (published[k] - '0');
    }
    return y;
}

/* The month of "YYYY-MM-DD", 12 when it has none. */
static int published_month(const char *published)
{
    if (strlen(published) < 7 || published[5] < '0' || published[5] > '1' || published[6] < '0' ||
        published[6] > '9')
        return 12;
    return (published[5] - '0') * 10 + (published[6] - '0');
}

/* The last month of the span s[i..i+len) (`1—10月` → 10). */
static int last_month(const char *s, size_t i, size_t len)
{
    size_t e = i + len;
    while (e > i && !(s[e - 1] >= '0' && s[e - 1] <= '9'))
        e--;
    int m = 0, scale = 1;
    for (size_t j = e; j > i && s[j - 1] >= '0' && s[j - 1] <= '9' && scale <= 10; j--, scale *= 10)
        m += (s[j - 1] - '0') * scale;
    return m;
}

/* 1—10月, 1-9月份, 1至9月: a span of months, its byte length at i (0 if none). */
static size_t month_span(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && j - i < 2 && s[j] >= '0' && s[j] <= '9')
        j++;
    if (j == i || (j < n && s[j] >= '0' && s[j] <= '9'))
        return 0;
    static const char *const marks[] = {"\xE2\x80\x94", "\xE2\x80\x93", "-", "~", "至", "到"};
    size_t m = 0;
    for (size_t k = 0; k < sizeof marks / sizeof marks[0] && m == 0; k++)
        if (rp_utf8_starts(s, n, j, marks[k]))
            m = strlen(marks[k]);
    if (m == 0)
        return 0;
    size_t d = j + m;
    if (rp_utf8_starts(s, n, d, "\xE2\x80\x94")) /* 1——10月 */
        d += 3;
    size_t e = d;
    while (e < n && e - d < 2 && s[e] >= '0' && s[e] <= '9')
        e++;
    if (e == d || (e < n && s[e] >= '0' && s[e] <= '9') || !rp_utf8_starts(s, n, e, "月"))
        return 0;
    e += 3;
    if (rp_utf8_starts(s, n, e, "份"))
        e += 3;
    return e - i;
}

/* 2022年, 2020年以来, 2023年底, 2024年1—10月 */
static size_t year_phrase(const char *s, size_t n, size_t i, char *out, size_t cap)
{
    size_t j = i;
    while (j < n && j - i < 4 && s[j] >= '0' && s[j] <= '9')
        j++;
    if (j - i != 4 || (j < n && s[j] >= '0' && s[j] <= '9') || !rp_utf8_starts(s, n, j, "年"))
        return 0;
    j += 3;
    if (rp_utf8_starts(s, n, j, "以来"))
        j += 6;
    else if (rp_utf8_starts(s, n, j, "底") || rp_utf8_starts(s, n, j, "初"))
        j += 3;
    else
        j += month_span(s, n, j); /* 2024年1—10月 */
    size_t l = j - i < cap ? j - i : cap - 1;
    memcpy(out, s + i, l);
    out[l] = '\0';
    return j - i;
}

/* 截至2024年6月底 / 截止目前: up to the end of the clause, at most 30 bytes. */
static size_t until_phrase(const char *s, size_t n, size_t i, char *out, size_t cap)
{
    if (!rp_utf8_starts(s, n, i, "截至") && !rp_utf8_starts(s, n, i, "截止"))
        return 0;
    size_t j = i + 6;
    while (j < n && j - i < 30 && s[j] != ',' && s[j] != ';' && s[j] != '\n' &&
           !rp_utf8_starts(s, n, j, "。"))
        j++;
    while (j > i && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--; /* whole characters */
    size_t l = j - i < cap ? j - i : cap - 1;
    memcpy(out, s + i, l);
    out[l] = '\0';
    return j - i;
}

/* 第一季度 ... 第四季度, 第3季度 */
static size_t nth_quarter(const char *s, size_t n, size_t i, char *out, size_t cap)
{
    size_t j = i + 3, l;
    uint32_t cp = rp_utf8_at(s, n, j);
    if (!((cp >= '1' && cp <= '4') || cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB))
        return 0;
    rp_utf8_decode(s, n, j, &l);
    j += l;
    if (!rp_utf8_starts(s, n, j, "季度"))
        return 0;
    j += 6;
    size_t len = j - i < cap ? j - i : cap - 1;
    memcpy(out, s + i, len);
    out[len] = '\0';
    return j - i;
}

/* 近两年, 近3年, 近五年来 */
static size_t recent_years(const char *s, size_t n, size_t i, char *out, size_t cap)
{
    if (!rp_utf8_starts(s, n, i, "近"))
        return 0;
    size_t j = i + 3, l;
    uint32_t cp = rp_utf8_at(s, n, j);
    bool numeral;
    numeral = (cp >= '1' && cp <= '9') || rp_utf8_in("一二两三四五六七八九十", cp);
    if (!numeral)
        return 0;
    rp_utf8_decode(s, n, j, &l);
    j += l;
    if (!rp_utf8_starts(s, n, j, "年"))
        return 0;
    j += 3;
    if (rp_utf8_starts(s, n, j, "来"))
        j += 3;
    size_t len = j - i < cap ? j - i : cap - 1;
    memcpy(out, s + i, len);
    out[len] = '\0';
    return j - i;
}

size_t rp_period_at(const char *s, size_t n, size_t i, const char *published, char *out,
                    size_t cap)
{
    if (cap < 16)
        return 0;
    size_t span = month_span(s, n, i);
    if (span > 0) { /* 1—10月; + 2024-11-05 → 2024年1—10月 */
        int year = published_year(published);
        /* 1—12月 published in January: last year's months */
        if (year > 0 && last_month(s, i, span) > published_month(published))
            year--;
        if (year > 0)
            snprintf(out, cap, "%d年%.*s", year, (int)span, s + i);
        else
            snprintf(out, cap, "%.*s", (int)span, s + i);
        return span;
    }
    if (i < n && s[i] >= '1' && s[i] <= '2')
        return year_phrase(s, n, i, out, cap); /* 2024年, 2024年1—10月 */
    size_t l;
    uint32_t first = i < n ? rp_utf8_decode(s, n, i, &l) : 0;
    if (first == 0x622A) /* 截至 / 截止 + a date */
        return until_phrase(s, n, i, out, cap);
    if (first == 0x7B2C) /* 第二季度 */
        return nth_quarter(s, n, i, out, cap);
    if (first != 0x4ECA && first != 0x53BB && first != 0x5E74 && first != 0x8FD1 &&
        first != 0x6362 && first != 0x5168 && first != 0x76EE && first != 0x4E0A &&
        first != 0x4E0B && first != 0x4E00 && first != 0x524D)
        return 0; /* 今 去 年 近 换 全 目 上 下 一 前: the first characters of the words */
    size_t nl = recent_years(s, n, i, out, cap);
    if (nl > 0)
        return nl;
    int year = published_year(published);
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (!rp_utf8_starts(s, n, i, words[k].word))
            continue;
        if (year > 0 && words[k].year_offset != 99)
            snprintf(out, cap, "%d%s", year + words[k].year_offset, words[k].resolved_suffix);
        else
            snprintf(out, cap, "%s", words[k].word);
        return strlen(words[k].word);
    }
    return 0;
}
