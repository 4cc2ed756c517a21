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

/* 2022年, 2020年以来, 2023年底 */
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
    size_t l = j - i < cap ? j - i : cap - 1;
    memcpy(out, s + i, l);
    out[l] = '\0';
    return j - i;
}

size_t rp_period_at(const char *s, size_t n, size_t i, const char *published, char *out,
                    size_t cap)
{
    if (cap < 16)
        return 0;
    if (i < n && s[i] >= '1' && s[i] <= '2')
        return year_phrase(s, n, i, out, cap);
    size_t l;
    uint32_t first = i < n ? rp_utf8_decode(s, n, i, &l) : 0;
    if (first != 0x4ECA && first != 0x53BB && first != 0x5E74 && first != 0x8FD1 &&
        first != 0x6362 && first != 0x5168 && first != 0x76EE)
        return 0; /* 今 去 年 近 换 全 目: the first characters of the words */
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
