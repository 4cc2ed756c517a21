/* rp_normalize: see rp_normalize.h. */
#include "rp_normalize.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rp_unit.h"
#include "rp_utf8.h"

#include "rp_normalize_t2s.inc"

#define T2S_COUNT (sizeof rp_t2s_pairs / sizeof rp_t2s_pairs[0])

/* One bit per BMP code point that is a key of rp_t2s_pairs: most characters
 * of a simplified text are rejected by one load. */
static uint8_t t2s_bmp_bits[0x10000 / 8];
static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;

/* Brands of gambling sites that SEO spam injects in Chinese alone, without
 * the Latin letters spam_token_len looks for (`申请3,912份开元棋牌，`,
 * `新建粮食烘干中心威尼斯人9个`). None is a word of a report; 棋牌 alone is
 * (老年棋牌室), so only whole brand names are listed. */
static const char *const spam_brands[] = {
    "开元棋牌", "威尼斯人", "九游会", "乐鱼体育", "亚博体育", "开云体育", "华体会", "米乐体育",
    "星空体育", "半岛体育", "雷竞技", "博鱼体育", "乐动体育", "爱游戏", "沙巴体育", "新葡京",
    "百家乐", "凯发娱乐", "尊龙凯时", "金沙娱乐", "银河娱乐", NULL};
#define N_BRANDS (sizeof spam_brands / sizeof spam_brands[0] - 1)

/* The brands' first characters: one bit each, and per brand. */
static uint8_t brand_bits[0x10000 / 8];
static uint32_t brand_first[N_BRANDS];

/* Either of the above: a character the plain run of cjk_run stops at. */
static uint8_t stop_bits[0x10000 / 8];

static bool brand_may_start(uint32_t cp)
{
    return cp < 0x10000 && (brand_bits[cp >> 3] & (1u << (cp & 7)));
}

static void t2s_build(void)
{
    for (size_t k = 0; k < T2S_COUNT; k++)
        if (rp_t2s_pairs[k][0] < 0x10000)
            t2s_bmp_bits[rp_t2s_pairs[k][0] >> 3] |= (uint8_t)(1u << (rp_t2s_pairs[k][0] & 7));
    for (size_t k = 0; k < N_BRANDS; k++) {
        uint32_t cp = rp_utf8_at(spam_brands[k], strlen(spam_brands[k]), 0);
        brand_first[k] = cp;
        brand_bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
    for (size_t k = 0; k < sizeof stop_bits; k++)
        stop_bits[k] = t2s_bmp_bits[k] | brand_bits[k];
    stop_bits[0x55EF >> 3] |= (uint8_t)(1u << (0x55EF & 7)); /* the fillers 嗯 呃 */
    stop_bits[0x5443 >> 3] |= (uint8_t)(1u << (0x5443 & 7));
}

/* rp_norm_t2s without the once-check, for the hot loop of rp_normalize
 * (which runs the once-check at its start). */
static uint32_t t2s_built(uint32_t cp)
{
    if (cp < 0x3400)
        return cp;
    if (cp < 0x10000 && !(t2s_bmp_bits[cp >> 3] & (1u << (cp & 7))))
        return cp;
    size_t lo = 0, hi = T2S_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rp_t2s_pairs[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < T2S_COUNT && rp_t2s_pairs[lo][0] == cp) ? rp_t2s_pairs[lo][1] : cp;
}

uint32_t rp_norm_t2s(uint32_t cp)
{
    pthread_once(&t2s_once, t2s_build);
    return t2s_built(cp);
}

/* ---- output buffer with anchors ---- */

typedef struct norm_ctx {
    rp_norm *n;
    const char *in;
    size_t in_len;
    uint32_t last_cp; /* last emitted code point, '\n' at start */
    uint32_t prev_cp; /* the one before */
    bool oom;
} norm_ctx;

static bool grow(norm_ctx *c, size_t extra)
{
    rp_norm *n = c->n;
    if (n->len + extra + 1 <= n->cap)
        return true;
    size_t cap = n->cap ? n->cap : 64;
    while (cap < n->len + extra + 1)
        cap *= 2;
    char *t = realloc(n->text, cap);
    if (t == NULL) {
        c->oom = true;
        return false;
    }
    n->text = t;
    n->cap = cap;
    return true;
}

static void anchor_slow(norm_ctx *c, size_t in_pos);

/* Records that output byte n->len comes from input byte in_pos; a no-op
 * while output and input advance together (the common case, inlined). */
static inline void anchor(norm_ctx *c, size_t in_pos)
{
    const rp_norm *n = c->n;
    if (n->n_anchors > 0) {
        const rp_norm_anchor *a = &n->anchors[n->n_anchors - 1];
        if (a->in + (n->len - a->out) == in_pos)
            return;
    }
    anchor_slow(c, in_pos);
}

static void anchor_slow(norm_ctx *c, size_t in_pos)
{
    rp_norm *n = c->n;
    if (n->n_anchors > 0) {
        rp_norm_anchor *a = &n->anchors[n->n_anchors - 1];
        if (a->in + (n->len - a->out) == in_pos)
            return;
        if (a->out == n->len) {
            a->in = (uint32_t)in_pos;
            return;
        }
    }
    if (n->n_anchors == n->cap_anchors) {
        size_t cap = n->cap_anchors ? n->cap_anchors * 2 : 64;
        rp_norm_anchor *t = realloc(n->anchors, cap * sizeof *t);
        if (t == NULL) {
            c->oom = true;
            return;
        }
        n->anchors = t;
        n->cap_anchors = cap;
    }
    n->anchors[n->n_anchors].out = (uint32_t)n->len;
    n->anchors[n->n_anchors].in = (uint32_t)in_pos;
    n->n_anchors++;
}

/* Emits cp, which stands for input bytes starting at in_pos. */
static void emit(norm_ctx *c, uint32_t cp, size_t in_pos)
{
    if (!grow(c, 4))
        return;
    anchor(c, in_pos);
    c->n->len += rp_utf8_encode(cp, c->n->text + c->n->len);
    c->prev_cp = c->last_cp;
    c->last_cp = cp;
}

size_t rp_norm_in_offset(const rp_norm *n, size_t out)
{
    if (out >= n->len)
        return n->in_len;
    size_t lo = 0, hi = n->n_anchors;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (n->anchors[mid].out <= out)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return out;
    const rp_norm_anchor *a = &n->anchors[lo - 1];
    size_t in = a->in + (out - a->out);
    return in > n->in_len ? n->in_len : in;
}

void rp_norm_free(rp_norm *n)
{
    if (n == NULL)
        return;
    free(n->text);
    free(n->anchors);
    memset(n, 0, sizeof *n);
}

/* ---- character classes ---- */

static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
static bool is_alpha(uint32_t cp) { return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'; }

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 ||
           cp == 0xA0 || cp == '\f' || cp == '\v';
}

static bool is_tone_vowel(uint32_t cp)
{
    static const uint32_t tones[] = {0x101, 0xE1, 0x1CE, 0xE0, 0x113, 0xE9, 0x11B, 0xE8,
                                     0x12B, 0xED, 0x1D0, 0xEC, 0x14D, 0xF3, 0x1D2, 0xF2,
                                     0x16B, 0xFA, 0x1D4, 0xF9, 0x1D6, 0x1D8, 0x1DA, 0x1DC,
                                     0xFC, 0xEA, 0x1E3F, 0x144, 0x148, 0x1F9};
    if (cp < 0xE0 || (cp > 0x1F9 && cp != 0x1E3F))
        return false; /* the letters of a note: no list to walk */
    for (size_t k = 0; k < sizeof tones / sizeof tones[0]; k++)
        if (tones[k] == cp)
            return true;
    return false;
}

/* Punctuation that ends a sentence or clause (after full-width folding the
 * ASCII forms count too). */
static bool is_break_punct(uint32_t cp)
{
    if (cp < 0x80)
        return strchr(",.;:!?)]\"'", (int)cp) != NULL && cp != 0;
    return (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF1F) || cp == 0x2026 || cp == 0x2014;
}

static bool is_unit_joiner(uint32_t cp)
{
    static const char joiners[] = "余多万亿千百人名个次元位家项件户场期支所处条份本部岁年%门节批轮类亩座栋篇套台吨";
    char buf[5];
    size_t l = rp_utf8_encode(cp, buf);
    buf[l] = 0;
    return cp != 0 && strstr(joiners, buf) != NULL;
}

/* ---- the special runs: pinyin notes, spam tokens, whitespace ---- */

/* At an opening parenthesis (ASCII or full-width) at i: length of a pinyin
 * note to drop, 0 when the parenthesis is real. */
static size_t pinyin_note_len(const norm_ctx *c, size_t i, size_t open_len)
{
    if (!rp_utf8_is_han(c->last_cp))
        return 0;
    size_t j = i + open_len, letters = 0, tones = 0, vowels = 0;
    while (j < c->in_len && letters <= 8) {
        size_t l;
        uint32_t cp = rp_utf8_decode(c->in, c->in_len, j, &l);
        if (cp == ')' || cp == 0xFF09) {
            bool toneless_ok = c->n->n_pinyin > 0 && vowels > 0 && letters >= 2;
            if (letters == 0 || (tones == 0 && !toneless_ok))
                return 0;
            return j + l - i;
        }
        if (is_tone_vowel(cp)) {
            tones++;
        } else if (cp >= 'a' && cp <= 'z') {
            if (strchr("aeiouv", (int)cp))
                vowels++;
        } else {
            return 0;
        }
        letters++;
        j += l;
    }
    return 0;
}

/* End of the run of 1-4 Han characters at j, or 0. */
static size_t han_run_end(const norm_ctx *c, size_t j, size_t *count)
{
    *count = 0;
    while (j < c->in_len && *count <= 4) {
        size_t l;
        uint32_t cp = rp_utf8_decode(c->in, c->in_len, j, &l);
        if (!rp_utf8_is_han(cp))
            break;
        (*count)++;
        j += l;
    }
    return (*count >= 1 && *count <= 4) ? j : 0;
}

/* The rest of a figure at j (`,260`, `.5`), a multiplier, then a unit. */
static bool unit_follows_figure(const norm_ctx *c, size_t j)
{
    while (j < c->in_len && (is_digit((unsigned char)c->in[j]) || c->in[j] == ',' || c->in[j] == '.'))
        j++;
    if (rp_utf8_starts(c->in, c->in_len, j, "万") || rp_utf8_starts(c->in, c->in_len, j, "亿"))
        j += 3;
    return rp_unit_match(c->in, c->in_len, j) != NULL;
}

/* s[i..e) is two to five capitals (AED, PCR, ICU): an acronym of the
 * text (新增投放AED42台), where brands glued to figures mix cases (app, vx). */
static bool acronym(const norm_ctx *c, size_t i, size_t e)
{
    if (e - i < 2 || e - i > 5)
        return false;
    for (size_t k = i; k < e; k++)
        if (c->in[k] < 'A' || c->in[k] > 'Z')
            return false;
    return true;
}

/* After the letters of a brand (`ob欧宝体育`, `KY8开元棋牌`): one to four
 * Han characters ending in a word of betting or games, and a site word
 * after them (`官网`); the end, or 0. What the brand was glued before, a
 * figure or the sentence's words, stays. */
static size_t brand_word_end(const norm_ctx *c, size_t j)
{
    static const char *const kinds[] = {"体育", "棋牌", "娱乐", "电竞", "竞技", "彩票", "真人",
                                        NULL};
    static const char *const site[] = {"官网", "官方网站", "下载", "平台", "入口", NULL};
    for (size_t h = 0, p = j; h < 6 && p + 3 <= c->in_len; h++, p += 3) {
        if (!rp_utf8_is_han(rp_utf8_at(c->in, c->in_len, p)))
            return 0;
        for (size_t k = 0; kinds[k] && h >= 1; k++) {
            if (!rp_utf8_starts(c->in, c->in_len, p - 3, kinds[k]))
                continue;
            size_t e = p + 3;
            for (size_t m = 0; site[m]; m++)
                if (rp_utf8_starts(c->in, c->in_len, e, site[m]))
                    e += strlen(site[m]);
            /* `娱乐平台9527`: its number too, unless a unit makes it a figure */
            size_t d = e;
            while (d < c->in_len && (is_alpha((unsigned char)c->in[d]) ||
                                     is_digit((unsigned char)c->in[d])))
                d++;
            bool number_on = d < c->in_len && (c->in[d] == ',' || c->in[d] == '.');
            return d > e && !number_on && !unit_follows_figure(c, d) ? d : e;
        }
    }
    return 0;
}

/* At an ASCII letter at i: length of a spam token to drop, else 0. */
static size_t spam_token_len(const norm_ctx *c, size_t i)
{
    uint32_t before = c->last_cp;
    bool line_start = before == '\n';
    if (!line_start && !rp_utf8_is_han(before) && !is_break_punct(before))
        return 0;
    /* a figure and G K D A make a term of the text, not a brand: 5G, 4K,
     * 3D, 5A级 */
    bool digit_led = is_digit((unsigned char)c->in[i]);
    if (digit_led && i + 1 < c->in_len && strchr("GKDA", c->in[i + 1]) != NULL &&
        !(i + 2 < c->in_len && is_alpha((unsigned char)c->in[i + 2])))
        return 0;
    size_t j = i, letters = 0, digits = 0, tail = i; /* tail: start of the last digit run */
    while (j < c->in_len && j - i < 8) {
        unsigned char b = (unsigned char)c->in[j];
        if (is_alpha(b)) {
            letters++;
            tail = j + 1;
        } else if (is_digit(b)) {
            digits++;
        } else {
            break;
        }
        j++;
    }
    if (letters == 0)
        return 0;
    if (j < c->in_len && (is_alpha((unsigned char)c->in[j]) || is_digit((unsigned char)c->in[j])))
        return 0;
    /* `技术中心乐动体育app11个`, `成交额爱游戏app5,260万元`: digits that a
     * unit follows are the figure the brand was glued before, not part of it */
    if (tail < j && letters >= 2 && unit_follows_figure(c, j))
        return acronym(c, i, tail) ? 0 : tail - i;
    size_t named = brand_word_end(c, j);
    if (named > 0)
        return named - i;
    size_t han;
    size_t end = han_run_end(c, j, &han);
    if (end == 0)
        return 0;
    uint32_t next = rp_utf8_at(c->in, c->in_len, end);
    bool at_eol = next == 0 || next == '\n' || next == '\r';
    bool closes = next == 0x201D || next == 0x300B || next == 0x300D || next == '"';
    /* what follows the brand: a break, a letter, or a figure it was glued
     * before (`加装电梯AG88亚游37部`) */
    bool figure = next < 0x80 && is_digit((unsigned char)next) && digits > 0 && !digit_led;
    /* `全县NO2浓度为18微克`: words that end in a verb before the figure are
     * the sentence's, not a brand's */
    if (figure && rp_utf8_in("为达是约共有计近超逾", rp_utf8_before(c->in, c->in_len, end)))
        return 0;
    if (!at_eol && !figure && (closes || !(is_break_punct(next) || is_alpha(next))))
        return 0;
    if (digits > 0 || letters == 1 || (line_start && at_eol))
        return end - i;
    return 0;
}

/* The digits at j continue a number broken by a line break (PDF dumps:
 * `培训村党组织书记1 1⏎86人;`) only when text follows them on their line;
 * a number alone on its line (`数说2024⏎38⏎期`, figures stacked in blocks)
 * or before a column gap is a number of its own. */
static bool number_runs_on(const norm_ctx *c, size_t j)
{
    while (j < c->in_len && ((c->in[j] >= '0' && c->in[j] <= '9') || c->in[j] == '.' ||
                             c->in[j] == ','))
        j++;
    if (j >= c->in_len)
        return false;
    unsigned char b = (unsigned char)c->in[j];
    return b != '\n' && b != '\r' && b != ' ' && b != '\t';
}

/* A group of three digits at j that runs on with text on its line: the rest
 * of a figure whose thousands separator ended the line before (`6,⏎412户`). */
static bool thousands_group(const norm_ctx *c, size_t j)
{
    for (size_t k = 0; k < 3; k++)
        if (j + k >= c->in_len || !is_digit((unsigned char)c->in[j + k]))
            return false;
    return number_runs_on(c, j) && !(j + 3 < c->in_len && is_digit((unsigned char)c->in[j + 3]));
}

/* One or two Han characters alone on the line at j (`分`, `对`, `人次`):
 * the unit of a figure stacked above it. */
static bool unit_alone(const norm_ctx *c, size_t j)
{
    for (size_t k = 0; k < 3 && j < c->in_len; k++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(c->in, c->in_len, j, &l);
        if (cp == '\n' || cp == '\r')
            return k > 0;
        if (k == 2 || !rp_utf8_is_han(cp))
            return false;
        j += l;
    }
    return j >= c->in_len;
}

/* `三万八千余剂⏎次`: a line break inside a unit of times (剂次 人次 户次 …)
 * right after a figure; before2 and before are the two characters before
 * the break, next the one after it. */
static bool split_times_unit(uint32_t before2, uint32_t before, uint32_t next)
{
    return next == 0x6B21 /* 次 */ && rp_utf8_in("剂人户场车架辆批班课件篇家", before) &&
           (is_digit(before2) || rp_utf8_in("余多万亿千百十九八七六五四三二两一〇零", before2));
}

/* Whitespace run at i: drops it when it sits inside a number or between a
 * number and its unit; otherwise copies it. Returns the input bytes used. */
static size_t whitespace_run(norm_ctx *c, size_t i)
{
    size_t j = i, newlines = 0;
    while (j < c->in_len) {
        if (c->in[j] == ' ') { /* the common blank, without decoding */
            j++;
            continue;
        }
        size_t l;
        uint32_t cp = rp_utf8_decode(c->in, c->in_len, j, &l);
        if (!is_space(cp))
            break;
        if (cp == '\n' || (cp == '\r' && !(j + 1 < c->in_len && c->in[j + 1] == '\n')))
            newlines++;
        j += l;
    }
    uint32_t next = rp_utf8_at(c->in, c->in_len, j);
    if (next >= 0xFF10 && next <= 0xFF19)
        next -= 0xFEE0; /* a full-width digit follows */
    uint32_t prev = c->last_cp;
    bool drop = false;
    /* one space only: a wider gap separates table columns (18.6   620) */
    if (newlines == 0 && j - i <= 1)
        drop = (is_digit(prev) && (is_digit(next) || rp_utf8_is_han(next) || next == '%')) ||
               (rp_utf8_is_han(prev) && is_digit(next));
    else if (newlines == 1 && j - i == 1) {
        /* `12.⏎5万元` (a break after the decimal point), `6,⏎412户` (after a
         * thousands separator), `1.38万⏎名` (after
         * the multiplier), `86⏎对⏎机关与村结对` (a unit alone on its line) */
        bool after_digit = is_digit(c->prev_cp);
        bool mult = (prev == 0x4E07 || prev == 0x4EBF) && after_digit; /* 万 亿 */
        drop = (is_digit(prev) && ((is_digit(next) && number_runs_on(c, j)) || is_unit_joiner(next))) ||
               (prev == '.' && after_digit && is_digit(next) && number_runs_on(c, j)) ||
               (prev == ',' && after_digit && i > 0 && c->in[i - 1] == ',' && thousands_group(c, j)) ||
               (mult && is_unit_joiner(next) && next != 0x4E07 && next != 0x4EBF) ||
               ((is_digit(prev) || mult) && unit_alone(c, j)) ||
               split_times_unit(c->prev_cp, prev, next);
    }
    if (drop)
        return j - i;
    for (size_t k = i; k < j;) {
        if (c->in[k] == ' ') { /* a gap of plain blanks (a table's columns), at once */
            size_t m = k;
            while (m < j && c->in[m] == ' ')
                m++;
            if (!grow(c, m - k))
                return j - i;
            anchor(c, k);
            memset(c->n->text + c->n->len, ' ', m - k);
            c->n->len += m - k;
            c->prev_cp = m - k >= 2 ? ' ' : c->last_cp;
            c->last_cp = ' ';
            k = m;
            continue;
        }
        size_t l;
        uint32_t cp = rp_utf8_decode(c->in, c->in_len, k, &l);
        if (cp == '\r' && k + 1 < j && c->in[k + 1] == '\n') {
            k++;
            continue;
        }
        emit(c, cp == '\r' ? '\n' : (cp == '\n' || cp == '\t') ? cp : ' ', k);
        k += l;
    }
    return j - i;
}

/* ---- the main pass ---- */

static size_t step_ascii(norm_ctx *c, size_t i, unsigned char b)
{
    if (is_alpha(b) || is_digit(b)) {
        size_t s = spam_token_len(c, i);
        if (s > 0) {
            c->n->n_spam++;
            return s;
        }
    } else if (b == '(') {
        size_t p = pinyin_note_len(c, i, 1);
        if (p > 0) {
            c->n->n_pinyin++;
            return p;
        }
    } else if (is_space(b)) {
        return whitespace_run(c, i);
    } else if (b < 0x20 || b == 0x7F) {
        c->n->n_control++;
        emit(c, ' ', i);
        return 1;
    }
    emit(c, b, i);
    return 1;
}

/* At i, where cp starts: length of a spam brand with the letters, digits
 * and site words glued after it (`九游会J9官网`, `乐鱼体育app下载`), else 0. */
static size_t spam_brand_len(const norm_ctx *c, size_t i, uint32_t cp)
{
    size_t j = 0;
    if (!brand_may_start(cp))
        return 0;
    for (size_t k = 0; k < N_BRANDS && j == 0; k++)
        if (brand_first[k] == cp && rp_utf8_starts(c->in, c->in_len, i, spam_brands[k]))
            j = i + strlen(spam_brands[k]);
    if (j == 0)
        return 0;
    while (j < c->in_len && (is_alpha((unsigned char)c->in[j]) || is_digit((unsigned char)c->in[j])) &&
           !unit_follows_figure(c, j))
        j++;
    static const char *const site[] = {"官网", "官方网站", "下载", "平台", "入口", NULL};
    for (size_t k = 0; site[k]; k++)
        if (rp_utf8_starts(c->in, c->in_len, j, site[k]))
            return j + strlen(site[k]) - i;
    return j - i;
}

/* A spoken filler in a transcript (收入嗯……12.7亿元左右, 平均入住率嗯，大概在58%):
 * 嗯 or 呃, with the pause marks after it, is no part of the sentence. */
static bool is_filler(uint32_t cp)
{
    return cp == 0x55EF || cp == 0x5443; /* 嗯 呃 */
}

static size_t filler_len(const norm_ctx *c, size_t i)
{
    size_t j = i + 3;
    if (c->last_cp < 0x80 && c->last_cp != '\n')
        return j - i; /* after a figure or a Latin word the pause keeps them apart */
    for (;;) {
        if (rp_utf8_starts(c->in, c->in_len, j, "…"))
            j += 3;
        else if (rp_utf8_starts(c->in, c->in_len, j, "，") || rp_utf8_starts(c->in, c->in_len, j, "、"))
            return j + 3 - i;
        else if (j < c->in_len && c->in[j] == ',')
            return j + 1 - i;
        else
            return j - i;
    }
}

static size_t step_multi(norm_ctx *c, size_t i)
{
    size_t l;
    uint32_t cp = rp_utf8_decode(c->in, c->in_len, i, &l);
    if (cp == RP_UTF8_BAD) {
        c->n->n_invalid++;
    } else if (cp == 0xFF08) {
        size_t p = pinyin_note_len(c, i, l);
        if (p > 0) {
            c->n->n_pinyin++;
            return p;
        }
        cp = '(';
    } else if (is_space(cp)) {
        return whitespace_run(c, i);
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
        cp -= 0xFEE0;
    } else if (is_filler(cp)) {
        return filler_len(c, i);
    } else if (cp >= 0x3400) {
        size_t b = spam_brand_len(c, i, cp);
        if (b > 0) {
            c->n->n_spam++;
            return b;
        }
        uint32_t s = t2s_built(cp);
        /* 乾隆, 乾坤 keep 乾 in simplified text (乾燥 -> 干燥) */
        if (cp == 0x4E7E && (rp_utf8_starts(c->in, c->in_len, i + l, "隆") ||
                             rp_utf8_starts(c->in, c->in_len, i + l, "坤")))
            s = cp;
        if (s != cp)
            c->n->n_t2s++;
        cp = s;
    } else if (cp >= 0x80 && cp < 0xA0) {
        c->n->n_control++;
        cp = ' ';
    }
    emit(c, cp, i);
    return l;
}

/* Code point of a 3-byte character at p that may be copied as it is: valid,
 * at or above U+3400 in the basic CJK blocks and not traditional; 0 if not. */
static inline uint32_t cjk_plain(const unsigned char *p)
{
    if (p[0] < 0xE3 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
    uint32_t cp = rp_utf8_cp3(p);
    if (cp <= 0x3000 || (t2s_bmp_bits[cp >> 3] & (1u << (cp & 7))))
        return 0; /* U+3000 is a space; CJK marks (、。《》「」) are copied */
    return cp;
}

/* The common case of Chinese text: a run of such characters is copied in
 * one piece, with one anchor at its start; it ends before a spam brand.
 * Returns the bytes taken, 0 to take the general path. */
static size_t cjk_run(norm_ctx *c, size_t i)
{
    const unsigned char *p = (const unsigned char *)c->in + i;
    uint32_t prev = c->last_cp, last = cjk_plain(p);
    if (last == 0 || spam_brand_len(c, i, last) > 0 || is_filler(last))
        return 0; /* the general path drops a brand or a filler */
    size_t k = 3;
    for (; i + k + 2 < c->in_len; k += 3) {
        const unsigned char *q = p + k;
        if (q[0] < 0xE3 || q[0] > 0xE9 || (((q[1] & 0xC0) ^ 0x80) | ((q[2] & 0xC0) ^ 0x80)) != 0)
            break;
        uint32_t cp = rp_utf8_cp3(q);
        if (cp <= 0x3000)
            break;
        if ((stop_bits[cp >> 3] & (1u << (cp & 7))) &&
            ((t2s_bmp_bits[cp >> 3] & (1u << (cp & 7))) || spam_brand_len(c, i + k, cp) > 0 ||
             is_filler(cp)))
            break; /* traditional, a brand or a filler */
    }
    if (k >= 6) {
        prev = rp_utf8_cp3(p + k - 6);
        last = rp_utf8_cp3(p + k - 3);
    }
    if (c->n->len + k + 1 > c->n->cap && !grow(c, k))
        return k; /* oom is reported by the caller's loop */
    anchor(c, i);
    memcpy(c->n->text + c->n->len, p, k);
    c->n->len += k;
    c->prev_cp = prev;
    c->last_cp = last;
    return k;
}

int rp_normalize(const char *in, size_t len, rp_norm *out)
{
    pthread_once(&t2s_once, t2s_build);
    memset(out, 0, sizeof *out);
    if (len > RP_NORM_MAX_INPUT)
        return -1;
    out->in_len = len;
    norm_ctx c = {.n = out, .in = in, .in_len = len, .last_cp = '\n', .prev_cp = '\n'};
    if (!grow(&c, len + len / 8 + 16))
        return -1;
    size_t i = 0;
    while (i < len && !c.oom) {
        unsigned char b = (unsigned char)in[i];
        size_t run;
        if (b >= 0xE3 && b <= 0xE9 && i + 2 < len && (run = cjk_run(&c, i)) > 0)
            i += run;
        else if (b >= 0x80) {
            i += step_multi(&c, i);
        } else if (is_alpha(b) || b == '(' || b < 0x21 || b == 0x7F ||
                   (is_digit(b) && i + 1 < len && is_alpha((unsigned char)in[i + 1]))) {
            i += step_ascii(&c, i, b);
        } else {
            if (out->len + 1 >= out->cap && !grow(&c, 1))
                break;
            anchor(&c, i);
            out->text[out->len++] = (char)b;
            c.prev_cp = c.last_cp;
            c.last_cp = b;
            i++;
        }
    }
    if (c.oom) {
        rp_norm_free(out);
        return -1;
    }
    out->text[out->len] = '\0';
    return 0;
}
