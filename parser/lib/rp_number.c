/* rp_number: see rp_number.h. */
#include "rp_number.h"

#include <pthread.h>
#include <stdatomic.h>

#include "rp_utf8.h"

/* Digit value 0-9, or -1; multiplier 10..1e8 in *mul for 十百千万亿. */
static int cn_digit(unsigned int cp, double *mul)
{
    *mul = 0;
    switch (cp) {
    case 0x96F6: case 0x3007: return 0;              /* 零 〇 */
    case 0x4E00: return 1;                           /* 一 */
    case 0x4E8C: case 0x4E24: return 2;              /* 二 两 */
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    case 0x5341: *mul = 10; return -1;               /* 十 */
    case 0x767E: *mul = 100; return -1;              /* 百 */
    case 0x5343: *mul = 1000; return -1;             /* 千 */
    case 0x4E07: *mul = 1e4; return -1;              /* 万 */
    case 0x4EBF: *mul = 1e8; return -1;              /* 亿 */
    default: return -2;
    }
}

int rp_number_cn_digit(unsigned int cp)
{
    double mul;
    int d = cn_digit(cp, &mul);
    return d >= 0 ? d : -1;
}

/* The numeral characters, for the per-character test of the scanner. */
static rp_cset numerals;
static pthread_once_t numerals_once = PTHREAD_ONCE_INIT;
static atomic_bool numerals_ready;

static void numerals_build(void)
{
    rp_cset_add(&numerals, "零〇一二两三四五六七八九十百千万亿");
}

bool rp_number_is_cn(unsigned int cp)
{
    if (cp < 0x3007)
        return false;
    /* called for every Han character of a document: skip the libc call
     * once the set is known to be built */
    if (!atomic_load_explicit(&numerals_ready, memory_order_acquire)) {
        pthread_once(&numerals_once, numerals_build);
        atomic_store_explicit(&numerals_ready, true, memory_order_release);
    }
    return rp_cset_has(&numerals, cp);
}

size_t rp_number_multiplier(const char *s, size_t n, size_t i, double *mul)
{
    size_t l;
    unsigned int cp = rp_utf8_decode(s, n, i, &l);
    if (cp == 0x842C)
        cp = 0x4E07; /* 萬 in un-normalised input */
    int d = cn_digit(cp, mul);
    if (d != -1 || *mul < 100)
        return 0;
    return l;
}

typedef struct cn_state {
    double total, section;
    int pending;      /* digit waiting for a multiplier, -1 none */
    int digits, mults;
    double seq;       /* the digits read one by one */
    bool sequence;    /* two digits in a row: 二〇二三, 十四五 */
    bool after_digit; /* last character was a digit that a digit may not follow */
} cn_state;

static void cn_multiplier(cn_state *st, double m)
{
    if (m < 1e4) {
        st->section += (st->pending >= 0 ? st->pending : 1) * m;
    } else {
        double part = st->section + (st->pending >= 0 ? st->pending : 0);
        if (part == 0 && st->total == 0)
            part = 1; /* 万余户 */
        if (m >= 1e8)
            st->total = (st->total + part) * m;
        else
            st->total += part * m;
        st->section = 0;
    }
    st->pending = -1;
    st->mults++;
    st->after_digit = false;
}

static void cn_digit_step(cn_state *st, int d)
{
    if (st->after_digit)
        st->sequence = true;
    st->seq = st->seq * 10 + d;
    st->digits++;
    if (d > 0)
        st->pending = d;
    /* 零 after a multiplier (一百零八) may be followed by a digit */
    st->after_digit = d > 0 || st->mults == 0;
}

/* 点 followed by Chinese digits: 六十九点五 -> .5 */
static size_t cn_decimal(const char *s, size_t n, size_t j, double *frac)
{
    if (!rp_utf8_starts(s, n, j, "点"))
        return j;
    size_t k = j + 3;
    double scale = 0.1, f = 0;
    while (k < n) {
        size_t l;
        double m;
        int d = cn_digit(rp_utf8_decode(s, n, k, &l), &m);
        if (d < 0)
            break;
        f += d * scale;
        scale /= 10;
        k += l;
    }
    if (k == j + 3)
        return j;
    *frac = f;
    return k;
}

static bool parse_cn(const char *s, size_t n, size_t i, rp_number *out)
{
    cn_state st = {.pending = -1};
    size_t j = i;
    while (j < n) {
        size_t l;
        double m;
        int d = cn_digit(rp_utf8_decode(s, n, j, &l), &m);
        if (d == -2)
            break;
        if (d >= 0)
            cn_digit_step(&st, d);
        else
            cn_multiplier(&st, m);
        j += l;
    }
    if (j == i)
        return false;
    double frac = 0;
    size_t int_end = j;
    j = cn_decimal(s, n, j, &frac);
    out->has_decimal = frac > 0;
    out->start = i;
    out->end = j;
    out->chinese = true;
    out->bare_multiplier = st.digits == 0;
    out->single_digit = st.digits == 1 && st.mults == 0 && j == int_end; /* not 一点五 */
    out->digit_sequence = st.sequence && st.mults == 0;
    out->malformed = st.sequence && st.mults > 0;
    out->value = st.sequence ? st.seq : st.total + st.section + (st.pending >= 0 ? st.pending : 0);
    out->value += frac;
    return true;
}

static bool is_d(const char *s, size_t n, size_t j)
{
    return j < n && s[j] >= '0' && s[j] <= '9';
}

static bool parse_arabic(const char *s, size_t n, size_t i, rp_number *out)
{
    size_t j = i;
    double v = 0;
    int digits = 0, group = 0, groups = 0; /* digits since the last comma */
    /* a thousands comma: after 1-3 digits (3 after another comma), before
     * exactly three: 2,090,126.20 */
    while (is_d(s, n, j) ||
           (j < n && s[j] == ',' && group > 0 && group <= 3 && (groups == 0 || group == 3) &&
            is_d(s, n, j + 1) && is_d(s, n, j + 2) && is_d(s, n, j + 3) &&
            !is_d(s, n, j + 4))) {
        if (s[j] != ',') {
            v = v * 10 + (s[j] - '0');
            digits++;
            group++;
        } else {
            group = 0;
            groups++;
        }
        j++;
    }
    out->leading_zero = digits > 1 && s[i] == '0';
    out->int_digits = digits;
    if (j + 1 < n && s[j] == '.' && is_d(s, n, j + 1)) {
        double scale = 0.1;
        j++;
        while (is_d(s, n, j)) {
            v += (s[j] - '0') * scale;
            scale /= 10;
            j++;
        }
        out->has_decimal = true;
    }
    out->start = i;
    out->end = j;
    out->value = v;
    return digits > 0;
}

bool rp_number_parse(const char *s, size_t n, size_t i, rp_number *out)
{
    *out = (rp_number){0};
    if (i >= n)
        return false;
    if (s[i] >= '0' && s[i] <= '9')
        return parse_arabic(s, n, i, out);
    return parse_cn(s, n, i, out);
}
