/* rp_extract: normalised report text -> measures. See rp_extract.h and
 * ../shared/corpus/ANNOTATION.md for what counts as a measure.
 *
 * One pass over the normalised text: clause/sentence/paragraph boundaries
 * drive the region and period state; at each number the quantity grammar
 * (number, 余/多, multipliers, unit, markers before and after) runs and the
 * exclusion rules (ordinals, dates, identifiers, names in quotes, conditions,
 * Chinese-numeral idioms) decide whether it is a measure. Attributes
 * (subject, metric, sentence) are filled when the result is built. */
#include "rp_extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_meta.h"
#include "rp_metric.h"
#include "rp_normalize.h"
#include "rp_number.h"
#include "rp_period.h"
#include "rp_region.h"
#include "rp_subject.h"
#include "rp_unit.h"
#include "rp_utf8.h"

#define NONE ((size_t)-1)
#define SENTENCE_CONTEXT 240 /* bytes kept either side in rp_measure.sentence */

typedef struct cand {
    double value;
    const rp_unit *unit;
    rp_approx approx;
    size_t start, end; /* surface in the normalised text, markers included */
    size_t num_start;
    size_t sent_start; /* where its sentence began */
    bool optional;
    size_t region, period; /* string pool indexes, NONE when none */
} cand;

typedef struct pool {
    char **v;
    size_t n, cap;
} pool;

typedef struct ex {
    const char *s;
    size_t n;
    const char *published;
    cand *c;
    size_t nc, cap;
    pool strs;
    int quote;          /* depth inside “ ” 《 》 「 」 */
    size_t speech_end;  /* offset of the ” closing quoted speech, or 0 */
    rp_region_state region;
    size_t period;
    size_t range_second; /* start of the second end of a range just seen */
    size_t clause_start; /* where the current clause began */
    size_t sent_start;   /* where the current sentence began */
    size_t target_pos;   /* is_target has scanned the clause up to here */
    bool target_found;   /* 计划/预计/目标/预期 in this clause */
    size_t modal_at;     /* the last 力争/拟/future 将 seen by the scan, NONE */
    bool capped;         /* RP_EXTRACT_MAX_MEASURES reached */
    size_t doc_period;   /* the year a title names (2023年党建工作总结), NONE */
    bool oom;
} ex;

/* A quantity as the grammar reads it, before the exclusion rules. */
typedef struct quantity {
    rp_number num;
    double value;
    rp_approx approx;
    bool multiplied;
    const rp_unit *unit;
    size_t unit_start, unit_end;
    size_t start, end; /* with markers */
    const char *post;  /* 以上 以下 ... or NULL */
    bool pre_rule;     /* 至少 不少于: a rule or standard */
} quantity;

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
static size_t intern(ex *x, const char *s)
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

static const char *pool_str(const ex *x, size_t idx)
{
    return idx == NONE ? "" : x->strs.v[idx];
}

static void pool_free(pool *p)
{
    for (size_t k = 0; k < p->n; k++)
        free(p->v[k]);
    free(p->v);
}

/* ---- small character helpers ---- */

static bool is_digit_at(const ex *x, size_t i)
{
    return i < x->n && x->s[i] >= '0' && x->s[i] <= '9';
}

static bool is_alpha_cp(uint32_t cp)
{
    return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

static bool starts(const ex *x, size_t i, const char *lit)
{
    return rp_utf8_starts(x->s, x->n, i, lit);
}

static inline bool is_clause_punct(uint32_t cp)
{
    return cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == 0x3002 ||
           cp == 0x2026 || cp == 0x3011; /* 】 ends a bulletin item's lead label */
}

static bool is_sentence_end(uint32_t cp)
{
    return cp == 0x3002 || cp == '!' || cp == '?' || cp == '\n';
}

/* ---- the quantity grammar ---- */

typedef struct marker {
    const char *s;
    rp_approx approx;
    bool rule; /* a standard rather than a fact: optional */
} marker;

static const marker pre_markers[] = {
    {"不少于", RP_APPROX_AT_LEAST, true}, {"不低于", RP_APPROX_AT_LEAST, true},
    {"不超过", RP_APPROX_AT_MOST, true},  {"至少", RP_APPROX_AT_LEAST, true},
    {"超过", RP_APPROX_MORE_THAN, false}, {"不足", RP_APPROX_AT_MOST, false},
    {"不到", RP_APPROX_AT_MOST, false},   {"将近", RP_APPROX_ABOUT, false},
    {"大约", RP_APPROX_ABOUT, false},     {"约", RP_APPROX_ABOUT, false},
    {"近", RP_APPROX_ABOUT, false},       {"超", RP_APPROX_MORE_THAN, false},
    {"逾", RP_APPROX_MORE_THAN, false},   {"低于", RP_APPROX_AT_MOST, false},
    {"少于", RP_APPROX_AT_MOST, false},   {"高于", RP_APPROX_MORE_THAN, false},
    {"多于", RP_APPROX_MORE_THAN, false},
};

static const marker post_markers[] = {
    {"及以上", RP_APPROX_AT_LEAST, false}, {"及以下", RP_APPROX_AT_MOST, false},
    {"以上", RP_APPROX_AT_LEAST, false},   {"以下", RP_APPROX_AT_MOST, false},
    {"以内", RP_APPROX_AT_MOST, false},    {"左右", RP_APPROX_ABOUT, false},
};

static void read_pre(const ex *x, quantity *q)
{
    /* every marker ends in one of these characters */
    uint32_t last = rp_utf8_before(x->s, x->n, q->start);
    if (last < 0x4E00 || !rp_utf8_find("于过少足到近约超逾", sizeof "于过少足到近约超逾" - 1,
                                        x->s + rp_utf8_prev(x->s, q->start),
                                        q->start - rp_utf8_prev(x->s, q->start)))
        return;
    for (size_t k = 0; k < sizeof pre_markers / sizeof pre_markers[0]; k++) {
        if (rp_utf8_ends(x->s, q->start, pre_markers[k].s)) {
            q->start -= strlen(pre_markers[k].s);
            if (q->approx == RP_APPROX_EXACT)
                q->approx = pre_markers[k].approx;
            q->pre_rule = pre_markers[k].rule;
            return;
        }
    }
}

static void read_post(const ex *x, quantity *q)
{
    for (size_t k = 0; k < sizeof post_markers / sizeof post_markers[0]; k++) {
        if (starts(x, q->end, post_markers[k].s)) {
            q->post = post_markers[k].s;
            q->end += strlen(post_markers[k].s);
            if (q->approx == RP_APPROX_EXACT || q->approx == RP_APPROX_ABOUT)
                q->approx = post_markers[k].approx;
            return;
        }
    }
}

/* 余/多 and 万/亿/千/百 after the number, in any order: 380余万, 15万余. */
static size_t read_suffixes(const ex *x, quantity *q, size_t j, double *factor)
{
    *factor = 1;
    for (int k = 0; k < 4; k++) {
        double mul;
        size_t ml;
        if (starts(x, j, "余") || starts(x, j, "多")) {
            q->approx = RP_APPROX_MORE_THAN;
            j += 3;
        } else if (!starts(x, j, "百分") && (ml = rp_number_multiplier(x->s, x->n, j, &mul)) > 0) {
            *factor *= mul;
            q->multiplied = true;
            j += ml;
        } else {
            break;
        }
    }
    return j;
}

/* Reads number, suffixes, unit and markers at i. False when no number. */
static bool read_quantity(const ex *x, size_t i, quantity *q)
{
    memset(q, 0, sizeof *q);
    if (!rp_number_parse(x->s, x->n, i, &q->num))
        return false;
    double factor;
    size_t j = read_suffixes(x, q, q->num.end, &factor);
    q->value = q->num.value * factor;
    q->unit = rp_unit_match(x->s, x->n, j);
    q->unit_start = j;
    q->unit_end = q->unit ? j + strlen(q->unit->surface) : j;
    if (q->unit && (q->unit->flags & RP_UNIT_MORE))
        q->approx = RP_APPROX_MORE_THAN;
    q->start = i;
    q->end = q->unit_end;
    if (q->unit)
        read_post(x, q);
    read_pre(x, q);
    return true;
}

static size_t range_marker(const ex *x, size_t j)
{
    unsigned char b = j < x->n ? (unsigned char)x->s[j] : 0;
    if (b != '-' && b != '~' && b != 0xE8 && b != 0xE5 && b != 0xE2)
        return 0; /* 至 到 — – start with these bytes */
    static const char *const marks[] = {"至", "到", "-", "~", "\xE2\x80\x94", "\xE2\x80\x93"};
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        size_t l = strlen(marks[k]);
        if (starts(x, j, marks[k])) {
            uint32_t next = rp_utf8_at(x->s, x->n, j + l);
            if ((next >= '0' && next <= '9') || rp_number_is_cn(next))
                return l;
        }
    }
    return 0;
}

/* ---- exclusion rules: what a number with a unit can be besides a measure ---- */

/* Arabic numbers shaped like identifiers, dates, times, versions, scores:
 * 2024-09-10, 0551-6260, 6·25, 1+12, 14607214.html, 5G. */
static bool identifier_shape(const ex *x, const quantity *q)
{
    const rp_number *nm = &q->num;
    if (nm->chinese)
        return false;
    if (nm->leading_zero || (nm->int_digits >= 9 && !nm->has_decimal))
        return true;
    size_t j = nm->end;
    uint32_t next = rp_utf8_at(x->s, x->n, j);
    if (is_alpha_cp(next))
        return true;
    if (next == '/' || next == ':' || next == '.' || next == '_' || next == 0xB7 || next == '+' ||
        next == 0xD7 || next == '*' || next == '#' || next == 0x2022 || next == 0x30FB)
        return is_digit_at(x, j + 1) || is_digit_at(x, j + 2);
    if (next == '-' && is_digit_at(x, j + 1)) {
        rp_number second;
        rp_number_parse(x->s, x->n, j + 1, &second);
        return second.leading_zero || rp_utf8_at(x->s, x->n, second.end) == '-';
    }
    uint32_t prev = rp_utf8_before(x->s, x->n, nm->start);
    if (is_alpha_cp(prev) || prev == '/' || prev == '#' || prev == '_' || prev == '@' ||
        prev == '=' || prev == '+' || prev == 0xB7)
        return true;
    if (prev == '-' && nm->start == x->range_second)
        return false; /* the second end of 10-20人 */
    if ((prev == '.' || prev == '-' || prev == ':') &&
        rp_utf8_before(x->s, x->n, rp_utf8_prev(x->s, nm->start)) < 0x80)
        return true;
    return false;
}

/* 第N, 前10名 (a ranking), 2021年5期 (an issue), 3月14日 parts. */
static bool ordinal_or_date_part(const ex *x, const quantity *q)
{
    size_t s = q->num.start;
    uint32_t prev = rp_utf8_before(x->s, x->n, s);
    if (prev == 0x7B2C) /* 第 */
        return true;
    if ((prev == 0x524D || prev == 0x540E) && q->unit &&
        (strcmp(q->unit->surface, "名") == 0 || strcmp(q->unit->surface, "位") == 0))
        return true; /* 前 后 */
    if (prev == 0x5E74 || prev == 0x6708) { /* 年 月 right after a number */
        size_t p = rp_utf8_prev(x->s, s);
        return is_digit_at(x, rp_utf8_prev(x->s, p)) ||
               rp_number_is_cn(rp_utf8_before(x->s, x->n, p));
    }
    return false;
}

/* A length of time used as an adverb of the verb that follows (24小时在线,
 * 3年驻村) rather than reported: kept only before 来 间 内 时 后 前 里 中 多,
 * punctuation or the end. */
static bool duration_adverb(const ex *x, const quantity *q)
{
    if (!(q->unit->flags & RP_UNIT_DURATION))
        return false;
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (!rp_utf8_is_han(next))
        return false;
    static const char keep[] = "来间内时后前里中多";
    char buf[5];
    size_t l = rp_utf8_encode(next, buf);
    buf[l] = '\0';
    return strstr(keep, buf) == NULL;
}

/* 年 after a year, 2023年度, 80年代, 3年级. */
static bool year_not_duration(const ex *x, const quantity *q)
{
    if (!(q->unit->flags & RP_UNIT_YEAR))
        return false;
    if (!q->num.chinese && q->num.int_digits == 4 && !q->multiplied)
        return true;
    if (q->value >= 100)
        return true;
    static const char *const after[] = {"度", "代", "级", "底", "初", "末", "前", "后", "月",
                                        "终", "中", "里", "头", "轻", "龄", "份", "届"};
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
        if (starts(x, q->unit_end, after[k]))
            return true;
    return false;
}

/* A single Chinese digit reads as a count only with units that slogans and
 * idioms do not use (两批, 下降六岁, 近一倍); 个 项 条 次 类 支 are left out:
 * 四个意识, 八项规定, 三番五次, 三支队伍. */
static bool single_digit_count(const quantity *q)
{
    static const char *const units[] = {"批", "名", "位", "家", "所", "户", "场", "期", "轮",
                                        "岁", "元", "人次", "场次", "批次", "百分点", NULL};
    if (strcmp(q->unit->surface, "倍") == 0)
        return true;
    if (q->num.value < 2)
        return false;
    for (size_t k = 0; units[k]; k++)
        if (strcmp(q->unit->surface, units[k]) == 0)
            return true;
    return false;
}

/* 整顿后进党支部三个。 / 问题两起, : a single digit and classifier that
 * close the clause after the noun they count. Slogans put their noun after
 * the classifier (四个意识, 八项规定); idioms pair two numerals (三番五次);
 * 每/第/这/那/各/最后 before the digit make a rule, an ordinal or a
 * reference. */
static bool post_noun_count(const ex *x, const quantity *q)
{
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (q->num.value < 2 || !(is_clause_punct(next) || next == 0x3001))
        return false;
    size_t p = rp_utf8_prev(x->s, q->start);
    uint32_t prev = rp_utf8_at(x->s, x->n, p);
    if (q->start == 0 || !rp_utf8_is_han(prev) || rp_number_is_cn(prev))
        return false;
    static const char before[] = "每第这那各后前仅";
    char buf[5];
    size_t l = rp_utf8_encode(prev, buf);
    buf[l] = '\0';
    if (strstr(before, buf) != NULL)
        return false;
    uint32_t prev2 = p > 0 ? rp_utf8_at(x->s, x->n, rp_utf8_prev(x->s, p)) : 0;
    return !rp_number_is_cn(prev2);
}

/* Chinese-numeral quantities are admitted only when they read as counts:
 * several numeral characters with a digit (二十六场, 一千二百余人) or a
 * bare multiplier with 余/多 (万余户). A single digit plus classifier is an
 * idiom, slogan or name far more often than a count (一人一策, 三会一课,
 * 四个方面). */
static bool chinese_not_count(const ex *x, const quantity *q)
{
    const rp_number *nm = &q->num;
    if (!nm->chinese)
        return false;
    if (nm->malformed || nm->digit_sequence || !(q->unit->flags & RP_UNIT_CN_OK))
        return true;
    if (nm->bare_multiplier)
        return q->approx == RP_APPROX_EXACT; /* 万余户, 近千人; not 百家, 千方百计 */
    if (nm->single_digit)
        return !single_digit_count(q) && !post_noun_count(x, q);
    return false;
}

/* The clause the quantity sits in ends in 的: it qualifies a subject
 * (连续2年被评定为五星级的, 党员不足3人的). */
static bool clause_ends_with_de(const ex *x, size_t j)
{
    size_t limit = j + 150;
    while (j < x->n && j < limit) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (is_clause_punct(cp) || cp == '\n' || cp == 0x3001)
            return rp_utf8_ends(x->s, j, "的");
        if (cp >= '0' && cp <= '9')
            return false;
        j += l;
    }
    return false;
}

/* Conditions and thresholds: 35岁及以下党员, 10万元以上的村, 3名以上党员的,
 * 不足3人的. */
static bool is_threshold_marker(const ex *x, const quantity *q)
{
    static const char *const marks[] = {"不足", "不到", "超过", "超", "低于", "高于", "不少于",
                                        "不超过", "至少", "达到", NULL};
    for (size_t k = 0; marks[k]; k++)
        if (starts(x, q->start, marks[k]))
            return true;
    return q->post != NULL && strcmp(q->post, "左右") != 0;
}

/* An age followed by the people it selects (青年 党员 人员 ...) or a list. */
static bool age_selects(uint32_t next)
{
    static const char people[] = "青党人干群老儿学妇职农村女男少中以及的、";
    char buf[5];
    size_t l = rp_utf8_encode(next, buf);
    buf[l] = '\0';
    return next >= 0x80 && strstr(people, buf) != NULL;
}

static bool is_condition(const ex *x, const quantity *q)
{
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (strcmp(q->unit->kind, "age") == 0 && age_selects(next))
        return true; /* 18至35岁青年, 35岁、在外人才: an age that selects people */
    if (next == 0x7684 && is_threshold_marker(x, q)) /* 的 */
        return true;
    if (q->post != NULL && strcmp(q->post, "左右") != 0 &&
        (rp_utf8_is_han(next) || next == 0x3001 || (next >= '0' && next <= '9')))
        return true;
    return clause_ends_with_de(x, q->end);
}

/* A comparison after a count in the same clause is the threshold that
 * selects what was counted (5个乡镇...增幅不足10%, 11个村...全部超过30万元). */
static bool is_threshold(const ex *x, const quantity *q)
{
    static const char *const cmp[] = {"不足", "不到", "超过", "超", "低于", "高于", NULL};
    bool prior_count = x->nc > 0 && x->c[x->nc - 1].start >= x->clause_start;
    if (q->post != NULL && strcmp(q->unit->kind, "age") == 0 && strcmp(q->post, "左右") != 0)
        return true; /* (近百名)书记年龄在60岁以上: an age bound selects people, it counts nothing */
    uint32_t first = rp_utf8_at(x->s, x->n, q->start);
    if (first != 0x4E0D && first != 0x8D85 && first != 0x4F4E && first != 0x9AD8)
        return false; /* 不 超 低 高 */
    bool comparison = false;
    for (size_t k = 0; cmp[k] && !comparison; k++)
        comparison = starts(x, q->start, cmp[k]);
    if (!comparison)
        return false;
    static const char *const all[] = {"全部", "均", "都", "全都", NULL};
    for (size_t k = 0; all[k]; k++)
        if (rp_utf8_ends(x->s, q->start, all[k]))
            return true;
    return prior_count;
}

/* 计划 as the noun a result is measured against (完成年度计划的106%), not
 * the verb of a plan. */
static bool plan_is_noun(const ex *x, size_t at)
{
    static const char *const before[] = {"完成", "年度", "全年", "原", NULL};
    for (size_t k = 0; before[k]; k++)
        if (rp_utf8_ends(x->s, at, before[k]))
            return true;
    return false;
}

/* 将 as the future modal (我们将在全市选树, 将开展专项督查), told from the
 * object marker (将闲置校舍改造为) by the adverb or verb that follows it. */
static bool future_jiang(const ex *x, size_t at)
{
    static const char *const next[] = {"在", "于", "继续", "进一步", "全面", "持续", "重点",
                                       "开展", "启动", "实施", "组织", "推动", "加大", "选树",
                                       "举办", "召开", "陆续", "逐步", "适时", NULL};
    size_t j = at + strlen("将");
    for (size_t k = 0; next[k]; k++)
        if (starts(x, j, next[k]))
            return true;
    return false;
}

enum { TARGET_NONE, TARGET_WORD, TARGET_MODAL };

/* 力争 拟 and the future 将 govern the rest of their sentence (力争全年发展
 * 党员200名以上,覆盖率达到100%); 计划 预计 目标 预期, often nouns
 * (目标任务), only their clause. */
static int target_word_at(const ex *x, size_t at, uint32_t cp)
{
    static const char *const words[] = {"力争", "拟", "计划", "预计", "目标", "预期", NULL};
    if (cp == 0x5C06) /* 将 */
        return future_jiang(x, at) ? TARGET_MODAL : TARGET_NONE;
    /* 力 拟 计 预 目: the first characters of the words */
    if (cp != 0x529B && cp != 0x8BA1 && cp != 0x9884 && cp != 0x76EE && cp != 0x62DF)
        return TARGET_NONE;
    for (size_t k = 0; words[k]; k++) {
        if (!starts(x, at, words[k]))
            continue;
        if (k == 2 && plan_is_noun(x, at))
            return TARGET_NONE;
        return k < 2 ? TARGET_MODAL : TARGET_WORD;
    }
    return TARGET_NONE;
}

/* Called by the scan at every 力 拟 将: remembers a modal for is_target. */
static void note_modal(ex *x, size_t at, uint32_t cp)
{
    if (target_word_at(x, at, cp) == TARGET_MODAL)
        x->modal_at = at;
}

/* Targets and plans are not results: 力争...突破1000万元, 预计每年增加4.7万元.
 * A modal earlier in the sentence was noted by the scan; the clause is
 * scanned once, incrementally, for the other words. */
static bool is_target(ex *x, const quantity *q)
{
    if (x->modal_at != NONE && x->modal_at >= x->sent_start)
        return true;
    if (x->target_pos < x->clause_start) {
        x->target_pos = x->clause_start;
        x->target_found = false;
    }
    while (!x->target_found && x->target_pos < q->start) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, x->target_pos, &l);
        /* 计 预 目: the first characters of the words */
        if (cp == 0x8BA1 || cp == 0x9884 || cp == 0x76EE)
            x->target_found = target_word_at(x, x->target_pos, cp) == TARGET_WORD;
        x->target_pos += l;
    }
    return x->target_found;
}

static bool is_capacity(const ex *x, const quantity *q)
{
    size_t b = q->start;
    for (int k = 0; k < 3 && b > 0; k++) {
        b = rp_utf8_prev(x->s, b);
        if (starts(x, b, "容纳") || starts(x, b, "可供"))
            return true;
    }
    return false;
}

/* ---- candidates ---- */

/* 4个乡镇 counted inside the 城关街道 section: a count of units at the
 * section's own level (or above) is about the parent, the document region. */
static const char *region_for(const ex *x, const quantity *q)
{
    static const struct { const char *word; int level; } units[] = {
        {"乡镇", 4}, {"街道", 4}, {"镇", 4}, {"乡", 4}, {"县区", 3}, {"区县", 3},
        {"县", 3}, {"区", 3}, {"市", 2}};
    const char *cur = rp_region_current(&x->region);
    if (strcmp(cur, x->region.doc) == 0 || q->unit == NULL || strcmp(q->unit->canonical, "个") != 0)
        return cur;
    /* the suffix as the first half of a compound: 区域 县城 市场 乡村 县级 */
    static const char *const compounds[] = {"区域", "县城", "县域", "市场", "乡村", "县级",
                                            "区级", "市级", "镇级", "乡级", "区直", "县直",
                                            "市直", NULL};
    for (size_t k = 0; compounds[k]; k++)
        if (starts(x, q->end, compounds[k]))
            return cur;
    int lv = rp_region_level_of(cur);
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (starts(x, q->end, units[k].word))
            return units[k].level <= lv ? x->region.doc : cur;
    return cur;
}

static void push_cand(ex *x, const quantity *q, bool optional)
{
    if (x->nc >= RP_EXTRACT_MAX_MEASURES) {
        x->capped = true;
        return;
    }
    if (x->nc == x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 64;
        cand *c = realloc(x->c, cap * sizeof *c);
        if (c == NULL) {
            x->oom = true;
            return;
        }
        x->c = c;
        x->cap = cap;
    }
    cand *c = &x->c[x->nc++];
    c->value = q->value;
    c->unit = q->unit;
    c->approx = q->approx;
    c->start = q->start;
    c->end = q->end;
    c->num_start = q->num.start;
    c->sent_start = x->sent_start;
    c->optional = optional;
    c->region = intern(x, region_for(x, q));
    c->period = x->period != NONE ? x->period : x->doc_period;
}

/* A range: `5000元至3万元`, `10至20人`. Gives the first end a unit when it
 * has none and marks where the second starts; both ends are optional. */
static bool read_range(ex *x, quantity *q, quantity *second)
{
    size_t at = q->unit ? q->unit_end : q->num.end;
    if (q->unit == NULL) {
        double f;
        quantity tmp = *q;
        at = read_suffixes(x, &tmp, q->num.end, &f);
    }
    size_t ml = range_marker(x, at);
    if (ml == 0)
        return false;
    if (!read_quantity(x, at + ml, second) || second->unit == NULL)
        return false;
    if (q->unit == NULL) {
        q->unit = second->unit;
        if (!q->multiplied && second->multiplied)
            q->value *= second->value / second->num.value;
        q->end = at;
        q->unit_end = at;
    }
    x->range_second = at + ml;
    return true;
}

static bool rejected(ex *x, const quantity *q)
{
    return x->quote > 0 || identifier_shape(x, q) || ordinal_or_date_part(x, q) ||
           chinese_not_count(x, q) || year_not_duration(x, q) || duration_adverb(x, q) ||
           is_condition(x, q) ||
           is_threshold(x, q) || is_target(x, q);
}

/* Handles the number at i; returns where scanning resumes. */
static size_t handle_number(ex *x, size_t i)
{
    quantity q;
    if (!read_quantity(x, i, &q))
        return i + 1;
    size_t resume = q.end > q.num.end ? q.end : q.num.end;
    if (identifier_shape(x, &q)) {
        while (resume < x->n && (is_alpha_cp((unsigned char)x->s[resume]) ||
                                 is_digit_at(x, resume) || strchr("./:_-+#", x->s[resume])))
            resume++;
        return resume;
    }
    bool second_end = q.num.start == x->range_second;
    quantity second;
    bool first_end = read_range(x, &q, &second);
    if (q.unit == NULL || rejected(x, &q) || (first_end && is_condition(x, &second)))
        return resume; /* 18至35岁青年: the range qualifies, both ends go */
    bool optional = first_end || second_end || q.pre_rule ||
                    (q.unit->flags & RP_UNIT_DURATION) || is_capacity(x, &q);
    push_cand(x, &q, optional);
    return q.end;
}

/* 百分之四十 / 百分之5 -> 40 % */
static size_t handle_percent(ex *x, size_t i)
{
    quantity q;
    size_t at = i + strlen("百分之");
    if (!read_quantity(x, at, &q) || x->quote > 0 || q.num.malformed)
        return at;
    static const rp_unit percent = {"%", "%", "ratio", 0, NULL};
    q.unit = &percent;
    q.unit_end = q.num.end;
    q.end = q.num.end;
    q.start = i;
    read_pre(x, &q);
    if (!is_condition(x, &q))
        push_cand(x, &q, false);
    return q.end;
}

/* ---- the scan ---- */

/* ASCII words and URLs are skipped whole: digits inside them are not
 * quantities (ICP备, P51, https://.../2024/09/09/14607214.html). */
static size_t skip_ascii_word(const ex *x, size_t i)
{
    size_t j = i;
    bool url = starts(x, i, "http") || starts(x, i, "www.") || starts(x, i, "WWW.");
    while (j < x->n) {
        unsigned char b = (unsigned char)x->s[j];
        bool word = is_alpha_cp(b) || (b >= '0' && b <= '9') || b == '_' || b == '-' || b == '.';
        if (url)
            word = b > 0x20 && b < 0x80;
        if (!word)
            break;
        j++;
    }
    return j > i ? j : i + 1;
}

/* Quoted speech: a “ ” span on one line whose text ends with its own
 * sentence mark (“……参与认领。”, “……干劲十足!”). Its numbers are facts
 * stated by the speaker, not parts of a name or slogan. Returns the offset
 * of the closing ”, or 0. */
static size_t speech_close(const ex *x, size_t open_end)
{
    size_t i = open_end;
    uint32_t last = 0;
    while (i < x->n && i - open_end < 600) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, i, &l);
        if (cp == '\n' || cp == 0x201C)
            return 0;
        if (cp == 0x201D) {
            bool end = last == 0x3002 || last == 0xFF01 || last == 0xFF1F || last == '!' ||
                       last == '?';
            return end ? i : 0;
        }
        last = cp;
        i += l;
    }
    return 0;
}

static void update_quotes(ex *x, size_t i, size_t l, uint32_t cp)
{
    if (cp == 0x201C && x->quote == 0) {
        size_t close = speech_close(x, i + l);
        if (close > 0) {
            x->speech_end = close;
            return;
        }
    }
    if (cp == 0x201D && x->speech_end == i && i > 0) {
        x->speech_end = 0;
        return;
    }
    if (cp == 0x201C || cp == 0x300A || cp == 0x300C || cp == 0x300E)
        x->quote++;
    else if ((cp == 0x201D || cp == 0x300B || cp == 0x300D || cp == 0x300F) && x->quote > 0)
        x->quote--;
}

/* At a clause start: time phrases set the period, then a place or 我省 may
 * switch the region. */
static void clause_start(ex *x, size_t i)
{
    char buf[64];
    x->clause_start = i;
    size_t l = rp_period_at(x->s, x->n, i, x->published, buf, sizeof buf);
    if (l > 0) {
        x->period = intern(x, buf);
        i += l;
    }
    rp_region_clause(&x->region, x->s, x->n, i);
}

static void paragraph_start(ex *x, size_t i)
{
    x->quote = 0;
    x->speech_end = 0;
    x->period = NONE;
    rp_region_paragraph(&x->region, x->s, x->n, i);
}

static void scan(ex *x)
{
    size_t i = 0;
    bool at_clause = true;
    paragraph_start(x, 0);
    while (i < x->n && !x->oom && !x->capped) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, i, &l);
        if (at_clause && cp != ' ' && cp != '\t') {
            clause_start(x, i);
            at_clause = false;
        }
        if (cp == '\n') {
            paragraph_start(x, i + 1);
            x->sent_start = i + 1;
            at_clause = true;
        } else if (is_clause_punct(cp)) {
            if (is_sentence_end(cp)) {
                rp_region_sentence_end(&x->region);
                x->sent_start = i + l;
            }
            at_clause = true;
        } else if (cp >= '0' && cp <= '9') {
            i = handle_number(x, i);
            continue;
        } else if (is_alpha_cp(cp)) {
            i = skip_ascii_word(x, i);
            continue;
        } else if (cp == 0x767E && starts(x, i, "百分之")) {
            i = handle_percent(x, i);
            continue;
        } else if (rp_number_is_cn(cp)) {
            i = handle_number(x, i);
            continue;
        } else {
            if (cp == 0x529B || cp == 0x62DF || cp == 0x5C06) /* 力 拟 将 */
                note_modal(x, i, cp);
            update_quotes(x, i, l, cp);
        }
        i += l;
    }
}

/* ---- building the result ---- */

/* The input bytes a measure came from. The end reaches over a pinyin note
 * removed right after it (13個(gè)) but not over other removed runs. */
static void surface_range(const rp_norm *nm, const char *input, const cand *c, size_t *a,
                          size_t *b)
{
    *a = rp_norm_in_offset(nm, c->start);
    size_t last = rp_utf8_prev(nm->text, c->end);
    size_t l;
    size_t last_in = rp_norm_in_offset(nm, last);
    rp_utf8_decode(input, nm->in_len, last_in, &l);
    size_t tight = last_in + l, loose = rp_norm_in_offset(nm, c->end);
    *b = tight;
    if (loose > tight && (input[tight] == '(' || rp_utf8_starts(input, nm->in_len, tight, "（")))
        *b = loose;
    if (*b < *a)
        *b = *a;
}

/* Byte scans: sentence ends are 。 (E3 80 82), ! ? and line breaks, as
 * normalisation leaves them. */
static bool sentence_end_before(const char *s, size_t i)
{
    unsigned char b = (unsigned char)s[i - 1];
    return b == '\n' || b == '!' || b == '?' ||
           (b == 0x82 && i >= 3 && (unsigned char)s[i - 2] == 0x80 && (unsigned char)s[i - 3] == 0xE3);
}

/* The sentence around c, bounded to SENTENCE_CONTEXT bytes either side.
 * *cache holds the previous measure's sentence end: measures of one
 * sentence share the forward scan. */
static void sentence_range(const ex *x, const cand *c, size_t *cache, size_t *pa, size_t *pb)
{
    size_t a = c->sent_start, b = c->end;
    if (c->start - a > SENTENCE_CONTEXT)
        a = c->start - SENTENCE_CONTEXT;
    if (*cache > c->end && *cache - c->end <= SENTENCE_CONTEXT) {
        b = *cache;
    } else {
        while (b < x->n && b - c->end < SENTENCE_CONTEXT && !sentence_end_before(x->s, b))
            b++;
        *cache = b;
    }
    while (a < c->start && ((unsigned char)x->s[a] & 0xC0) == 0x80)
        a++; /* whole characters only */
    while (b < x->n && ((unsigned char)x->s[b] & 0xC0) == 0x80)
        b++;
    while (b > a && (x->s[b - 1] == '\n' || x->s[b - 1] == ' '))
        b--;
    *pa = a;
    *pb = b;
}

static bool is_count_unit(const rp_unit *u)
{
    static const char *const kinds[] = {"person", "organisation", "item", "event", "household"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strcmp(u->kind, kinds[k]) == 0)
            return true;
    return false;
}

/* Copies the strings of one measure into a single allocation starting at
 * m->unit (see rp_extract_result_free). */
static int pack_strings(rp_measure *m, const char *const src[6], const size_t len[6])
{
    size_t total = 0;
    for (int k = 0; k < 6; k++)
        total += len[k] + 1;
    char *block = malloc(total);
    if (block == NULL)
        return -1;
    char **dst[6] = {&m->unit, &m->text, &m->subject, &m->region, &m->period, &m->sentence};
    for (int k = 0; k < 6; k++) {
        memcpy(block, src[k], len[k]);
        block[len[k]] = '\0';
        *dst[k] = block;
        block += len[k] + 1;
    }
    return 0;
}

static void sentence_range(const ex *x, const cand *c, size_t *cache, size_t *pa, size_t *pb);

static int fill_measure(rp_measure *m, const ex *x, const rp_norm *nm, const char *input,
                        size_t k, const char *prev_subject, size_t *sent_cache)
{
    const cand *c = &x->c[k];
    char subj[256];
    rp_subject_span sp = {.start = c->start, .end = c->end,
                          .floor = k > 0 ? x->c[k - 1].end : 0,
                          .count_unit = is_count_unit(c->unit),
                          .money = strcmp(c->unit->kind, "money") == 0};
    rp_subject_find(x->s, x->n, &sp, subj, sizeof subj);
    if (subj[0] == '\0' && prev_subject != NULL && k > 0 && x->c[k - 1].end == c->start)
        snprintf(subj, sizeof subj, "%s", prev_subject);
    else if (prev_subject != NULL && k > 0 && rp_subject_is_change_verb(subj) &&
             c->start - x->c[k - 1].end < 24) {
        rp_subject_after_change(prev_subject, subj, subj, sizeof subj); /* 从85%提高到93% */
    } else if (prev_subject != NULL && k > 0 && rp_subject_is_base_only(subj)) {
        snprintf(subj, sizeof subj, "%s", prev_subject); /* 是去年同期的2.1倍 */
    }
    size_t a, b, sa, sb;
    surface_range(nm, input, c, &a, &b);
    sentence_range(x, c, sent_cache, &sa, &sb);
    const char *region = pool_str(x, c->region), *period = pool_str(x, c->period);
    const char *src[6] = {c->unit->canonical, input + a, subj, region, period, x->s + sa};
    size_t len[6] = {strlen(c->unit->canonical), b - a, strlen(subj), strlen(region),
                     strlen(period), sb - sa};
    if (pack_strings(m, src, len) != 0)
        return -1;
    m->value = c->value;
    m->unit_kind = c->unit->kind;
    m->approx = c->approx;
    m->metric = rp_metric_classify(c->unit->kind, subj);
    m->span_start = c->start;
    m->span_end = c->end;
    m->optional = c->optional;
    return 0;
}

static char *diagnostics(const rp_norm *nm, size_t in_len, bool capped)
{
    char buf[320];
    const char *kind = "";
    if (in_len == 0)
        kind = "empty input; ";
    else if (nm->n_control * 10 > in_len || nm->n_invalid * 10 > in_len)
        kind = "input looks binary (many control or invalid bytes); ";
    else if (capped)
        kind = "measure limit reached, rest of the document skipped; ";
    if (nm->n_invalid == 0 && nm->n_control == 0 && nm->n_spam == 0 && kind[0] == '\0')
        return strdup("");
    snprintf(buf, sizeof buf, "%sinvalid_utf8=%zu control=%zu spam_tokens=%zu pinyin_notes=%zu",
             kind, nm->n_invalid, nm->n_control, nm->n_spam, nm->n_pinyin);
    return strdup(buf);
}

void rp_extract_result_free(rp_extract_result *r)
{
    if (r == NULL)
        return;
    for (size_t k = 0; k < r->n_measures; k++)
        free(r->measures[k].unit); /* the block holding all its strings */
    free(r->measures);
    free(r->meta.title);
    free(r->meta.published);
    free(r->meta.source);
    free(r->meta.region);
    free(r->text);
    free(r->diagnostics);
    free(r);
}

static int build(ex *x, rp_norm *nm, const char *input, const rp_extract_hints *h,
                 rp_extract_result *r)
{
    if (x->nc > 0) {
        r->measures = calloc(x->nc, sizeof *r->measures);
        if (r->measures == NULL)
            return -1;
    }
    size_t sent_cache = 0;
    for (size_t k = 0; k < x->nc; k++) {
        const char *prev = k > 0 ? r->measures[k - 1].subject : NULL;
        r->n_measures = k + 1;
        if (fill_measure(&r->measures[k], x, nm, input, k, prev, &sent_cache) != 0)
            return -1;
    }
    if (rp_meta_fill(&r->meta, x->s, x->n, x->region.doc, h) != 0)
        return -1;
    r->diagnostics = diagnostics(nm, nm->in_len, x->capped);
    if (r->diagnostics == NULL)
        return -1;
    r->text = nm->text; /* now owned by r */
    r->text_len = nm->len;
    nm->text = NULL;
    return 0;
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
            x->doc_period = intern(x, buf);
            return;
        }
    }
}

/* The region rules read simplified text: hints may be traditional (潁州區). */
static void init_region(ex *x, const char *title, const char *source)
{
    rp_norm t = {0}, src = {0};
    bool ok_t = title && rp_normalize(title, strlen(title), &t) == 0;
    bool ok_s = source && rp_normalize(source, strlen(source), &src) == 0;
    rp_region_state_init(&x->region, x->s, x->n, ok_t ? t.text : NULL, ok_s ? src.text : NULL);
    rp_norm_free(&t);
    rp_norm_free(&src);
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
            .modal_at = NONE};
    rp_extract_hints found = {0};
    char *published = (hints && hints->published && hints->published[0])
                          ? strdup(hints->published) : rp_meta_find_published(nm.text, nm.len);
    char *source = (hints && hints->source && hints->source[0]) ? strdup(hints->source)
                                                                : rp_meta_find_source(nm.text, nm.len);
    x.published = published;
    found.title = hints ? hints->title : NULL;
    found.published = published;
    found.source = source;
    init_region(&x, found.title, source);
    char *guessed = found.title && found.title[0] ? NULL : rp_meta_guess_title(nm.text, nm.len);
    title_period(&x, guessed ? guessed : found.title);
    free(guessed);
    char year[8]; /* no publication date: 今年/去年 resolve against the title's year */
    if (published != NULL && published[0] == '\0' && x.doc_period != NONE) {
        snprintf(year, sizeof year, "%.4s", pool_str(&x, x.doc_period));
        x.published = year;
    }
    scan(&x);
    rp_extract_result *r = calloc(1, sizeof *r);
    int rc = (published == NULL || source == NULL || x.oom || r == NULL)
                 ? -1 : build(&x, &nm, text, &found, r);
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
