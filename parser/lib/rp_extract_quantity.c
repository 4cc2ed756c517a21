/* rp_extract_quantity: the quantity grammar. At a number: 余/多 and the
 * multipliers 万/亿/千/百 in any order, the unit, the markers before
 * (约, 超过, 不少于 ...) and after (以上, 左右 ...), and the marks that join
 * the two ends of a range. See rp_extract_int.h. */
#include "rp_extract_int.h"

#include <string.h>

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
    {"接近", RP_APPROX_ABOUT, false},
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

void rp_ex_read_pre(const ex *x, quantity *q)
{
    /* every marker ends in one of these characters */
    uint32_t last = rp_utf8_before(x->s, x->n, q->start);
    if (last < 0x4E00 || !rp_utf8_find("于过少足到近约超逾", sizeof "于过少足到近约超逾" - 1,
                                        x->s + rp_utf8_prev(x->s, q->start),
                                        q->start - rp_utf8_prev(x->s, q->start)))
        return;
    /* 签约163人, 节约, 续约; 就近, 附近, 最近: the character ends a word
     * (合约 is no word here: 物资合约126万元 is 合 and 约) */
    static const char *const words[] = {"签约", "节约", "预约", "履约", "违约", "续约", "解约",
                                        "邀约", "制约", "特约", "就近", "附近", "最近",
                                        "临近", "邻近", "靠近", NULL};
    if (ends_any(x, q->start, words))
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

void rp_ex_read_post(const ex *x, quantity *q)
{
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (next != 0x4EE5 && next != 0x53CA && next != 0x5DE6)
        return; /* every marker starts with 以 及 左 */
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

/* Spoken approximations after a round number, before its unit: 十来个,
 * 二十来个人, 百把人, 一千出头个. 把 and 来 are also a classifier and a verb,
 * so a unit must follow. */
static size_t colloquial_about(const ex *x, quantity *q, size_t j)
{
    double v = q->num.value;
    bool round = v >= 10 && v == (double)(long long)v && (long long)v % 10 == 0;
    size_t l = 0;
    rp_approx a = RP_APPROX_ABOUT;
    if (round && starts(x, j, "来"))
        l = 3;
    else if (round && q->num.chinese && starts(x, j, "把"))
        l = 3;
    else if (round && starts(x, j, "出头")) {
        l = 6;
        a = RP_APPROX_MORE_THAN;
    }
    if (l == 0 || rp_unit_match(x->s, x->n, j + l) == NULL)
        return 0;
    q->approx = a;
    return l;
}

/* 余/多 and 万/亿/千/百 after the number, in any order: 380余万, 15万余. */
size_t rp_ex_read_suffixes(const ex *x, quantity *q, size_t j, double *factor)
{
    *factor = 1;
    for (int k = 0; k < 4; k++) {
        double mul;
        size_t ml, l;
        if (starts(x, j, "余") || starts(x, j, "多")) {
            q->approx = RP_APPROX_MORE_THAN;
            j += 3;
        } else if ((l = colloquial_about(x, q, j)) > 0) {
            j += l;
        } else if (!starts(x, j, "百分") &&
                   !(starts(x, j, "千") && rp_unit_match(x->s, x->n, j) != NULL) &&
                   (ml = rp_number_multiplier(x->s, x->n, j, &mul)) > 0) {
            /* a unit that opens with a multiplier's character is the unit:
             * 4.86千克, 16.42亿千瓦时 (百分点 is the other, tested before) */
            *factor *= mul;
            q->multiplied = true;
            j += ml;
        } else {
            break;
        }
    }
    return j;
}

/* 仨 and 俩 are three and two with their classifier in them (仨老头, 俩小年轻). */
static bool pair_or_trio(const ex *x, size_t i, quantity *q)
{
    static const rp_unit ge = {"个", "个", "organisation", RP_UNIT_CN_OK, NULL};
    bool three = starts(x, i, "仨");
    if (!three && !starts(x, i, "俩"))
        return false;
    q->num.value = three ? 3 : 2;
    q->num.start = i;
    q->num.end = i + 3;
    q->num.chinese = true;
    q->num.single_digit = true;
    q->value = q->num.value;
    q->unit = &ge;
    q->unit_start = q->unit_end = i + 3;
    q->start = i;
    q->end = i + 3;
    return true;
}

/* 小两万块钱, 小三千: 小 before a spoken round sum is "nearly"; not the 小 of
 * 缩小 减小 大小 最小. */
static void read_small(const ex *x, quantity *q)
{
    static const char *const words[] = {"缩小", "减小", "大小", "最小", "变小", "较小", NULL};
    if (!q->num.chinese || q->value < 1000 || q->approx != RP_APPROX_EXACT ||
        !rp_utf8_ends(x->s, q->start, "小") || ends_any(x, q->start, words))
        return;
    q->start -= strlen("小");
    q->approx = RP_APPROX_ABOUT;
}

/* Reads number, suffixes, unit and markers at i. False when no number. */
bool rp_ex_read_quantity(const ex *x, size_t i, quantity *q)
{
    memset(q, 0, sizeof *q);
    if (pair_or_trio(x, i, q))
        return true;
    if (!rp_number_parse(x->s, x->n, i, &q->num))
        return false;
    double factor;
    size_t j = rp_ex_read_suffixes(x, q, q->num.end, &factor);
    q->value = q->num.value * factor;
    q->unit = rp_unit_match(x->s, x->n, j);
    q->unit_start = j;
    q->unit_end = q->unit ? j + strlen(q->unit->surface) : j;
    /* a rate: 元/人, 吨/平方公里·月 (rp_unit_per) */
    if (q->unit && q->unit_end < x->n && x->s[q->unit_end] == '/' &&
        strcmp(q->unit->kind, "ratio") != 0 && !strchr(q->unit->surface, '/')) {
        char per[48];
        q->per_len = rp_unit_per(x->s, x->n, q->unit_end, per, sizeof per);
        q->unit_end += q->per_len;
    }
    if (q->unit && (q->unit->flags & RP_UNIT_MORE))
        q->approx = RP_APPROX_MORE_THAN;
    q->start = i;
    q->end = q->unit_end;
    if (q->unit)
        rp_ex_read_post(x, q);
    rp_ex_read_pre(x, q);
    read_small(x, q);
    return true;
}

size_t rp_ex_range_marker(const ex *x, size_t j)
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
