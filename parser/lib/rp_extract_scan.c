/* rp_extract_scan: the one pass over the normalised text. Clause,
 * sentence and paragraph boundaries drive the region and period state and
 * the quote depth; at each number the quantity grammar runs, the exclusion
 * rules decide, and a candidate is pushed with its region and period. See
 * rp_extract_int.h. */
#include "rp_extract_int.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_period.h"

static bool is_sentence_end(uint32_t cp)
{
    return cp == 0x3002 || cp == '!' || cp == '?' || cp == '\n';
}

/* ---- candidates ---- */

/* 4个乡镇 counted inside the 城关街道 section: a count of units at the
 * section's own level (or above) is about the parent, the document region. */
static const char *region_for(const ex *x, const quantity *q, char *buf, size_t cap)
{
    static const struct { const char *word; int level; } units[] = {
        {"乡镇", 4}, {"街道", 4}, {"镇", 4}, {"乡", 4}, {"县区", 3}, {"区县", 3},
        {"县", 3}, {"区", 3}, {"市", 2}};
    const char *cur = rp_region_current(&x->region);
    /* 在全镇23个村里排第4位, 现在全镇已有11个村… in a village's report:
     * the whole of a level above the document's is that place, as the
     * document's region names it */
    if (x->region.doc_level >= 4 && strcmp(cur, x->region.doc) == 0) {
        /* right before the figure, or with 已有 or 有 between (比全县平均水平
         * 高出1,850元 compares with the whole: the figure is the village's) */
        for (size_t j = q->start, c = 0; j > x->clause_start && c < 5; c++) {
            j = rp_utf8_prev(x->s, j);
            size_t len = 0;
            int lv = rp_utf8_starts(x->s, x->n, j, "全") ? rp_region_self_ref(x->s, x->n, j, &len)
                                                          : 0;
            size_t gap = j + len;
            if (lv > 0 && (starts(x, gap, "已有") || starts(x, gap, "共有")))
                gap += 6;
            else if (lv > 0 && starts(x, gap, "有"))
                gap += 3;
            size_t e = lv > 0 && lv < x->region.doc_level && gap == q->start
                           ? rp_region_doc_prefix(&x->region, lv)
                           : 0;
            if (e > 0 && e < cap) {
                memcpy(buf, x->region.doc, e);
                buf[e] = '\0';
                return buf;
            }
            if (lv > 0)
                break;
        }
    }
    /* 与我县12个乡镇建立结对关系: the count is the document's own, whatever
     * place the clause opened on */
    static const char *const own[] = {"我县", "本县", "我市", "本市", "我区", "本区", "我镇",
                                      "本镇", "我乡", "本乡", NULL};
    if (strcmp(cur, x->region.doc) != 0 && ends_any(x, q->start, own)) {
        char suffix[4] = {0};
        memcpy(suffix, x->s + q->start - 3, 3);
        if (rp_region_level_of(suffix) == x->region.doc_level)
            return x->region.doc;
    }
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

/* The place named in the Han characters that end at e (at most twelve of
 * them), into out; its start, or SIZE_MAX when there is none. */
static size_t place_ending(const ex *x, size_t e, char *out, size_t cap)
{
    size_t starts_at[12], j = e;
    int ns = 0;
    while (ns < 12 && j > 0) {
        j = rp_utf8_prev(x->s, j);
        if (!rp_utf8_is_han(rp_utf8_at(x->s, x->n, j)))
            break;
        starts_at[ns++] = j;
    }
    for (int k = ns - 1; k >= 0; k--) {
        rp_place pl;
        if (rp_region_place_at(x->s, e, starts_at[k], &pl) && pl.start == starts_at[k] &&
            pl.end == e) {
            size_t l = pl.end - pl.start < cap ? pl.end - pl.start : cap - 1;
            memcpy(out, x->s + pl.start, l);
            out[l] = '\0';
            return pl.start;
        }
    }
    return SIZE_MAX;
}

/* 蕙城街道(286例)、楸坪镇(173例): a count in brackets right after a place is
 * that place's. */
static bool bracket_place(const ex *x, const quantity *q, char *out, size_t cap)
{
    if (q->start < 4 || x->s[q->start - 1] != '(' || q->end >= x->n || x->s[q->end] != ')')
        return false;
    return place_ending(x, q->start - 1, out, cap) != SIZE_MAX;
}

/* 依次是棹城街道38,460小时、菥冲镇3.1万余小时、荇坪镇近2.5万小时: in a list of
 * places each with its figure, the figure right after a place is that
 * place's. The place opens an item (after 、, a clause mark or 是) and the
 * item ends at the figure. */
static bool listed_place(const ex *x, const quantity *q, char *out, size_t cap)
{
    uint32_t after = rp_utf8_at(x->s, x->n, q->end);
    if (q->start <= x->clause_start || !(after == 0x3001 || after == 0 || is_clause_punct(after)))
        return false;
    if (!rp_region_suffix_end(rp_utf8_before(x->s, x->n, q->start)))
        return false; /* most figures follow no place */
    size_t a = place_ending(x, q->start, out, cap);
    if (a == SIZE_MAX || rp_utf8_ends(x->region.doc, strlen(x->region.doc), out))
        return false; /* the document's own region, named in full or briefly */
    uint32_t before = a > 0 ? rp_utf8_before(x->s, x->n, a) : 0;
    return before == 0x3001 || before == 0x662F /* 是 */ || is_clause_punct(before);
}

/* The unit of a rate (元/人/月): the numerator's unit with the denominators
 * the quantity read after it; money per anything is a price. Falls back on
 * the numerator's unit when the document has too many kinds of rate. */
static const rp_unit *rate_unit(ex *x, const quantity *q)
{
    char per[48], canon[96], surface[96];
    rp_unit_per(x->s, x->n, q->unit_end - q->per_len, per, sizeof per);
    snprintf(canon, sizeof canon, "%s%s", q->unit->canonical, per);
    snprintf(surface, sizeof surface, "%.*s", (int)(q->unit_end - q->unit_start),
             x->s + q->unit_start);
    for (size_t k = 0; k < x->nrates; k++)
        if (strcmp(x->rates[k].canonical, canon) == 0)
            return &x->rates[k];
    size_t ci = rp_ex_intern(x, canon), si = rp_ex_intern(x, surface);
    if (x->nrates == sizeof x->rates / sizeof x->rates[0] || ci == NONE || si == NONE)
        return q->unit;
    rp_unit *u = &x->rates[x->nrates++];
    *u = (rp_unit){.surface = pool_str(x, si), .canonical = pool_str(x, ci),
                   .kind = strcmp(q->unit->kind, "money") == 0 ? "price" : "other"};
    return u;
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
    c->unit = q->per_len ? rate_unit(x, q) : q->unit;
    c->approx = q->approx;
    c->start = q->start;
    c->end = q->end;
    c->num_start = q->num.start;
    c->sent_start = x->sent_start;
    c->clause_start = x->clause_start;
    c->respective = x->respective_at;
    c->optional = optional;
    c->elided = q->elided;
    char place[RP_REGION_MAX];
    c->region = rp_ex_intern(x, bracket_place(x, q, place, sizeof place) ||
                                        listed_place(x, q, place, sizeof place)
                                    ? place
                                    : region_for(x, q, place, sizeof place));
    x->region.para_counted = true;
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
        at = rp_ex_read_suffixes(x, &tmp, q->num.end, &f);
    }
    size_t ml = rp_ex_range_marker(x, at);
    if (ml == 0)
        return false;
    if (!rp_ex_read_quantity(x, at + ml, second) || second->unit == NULL)
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

/* `比上年缩短0.9分钟`, `较常年偏多12天`: a change of a length of time is a
 * result, not a rule or a standard. */
static bool duration_change(const ex *x, const quantity *q)
{
    static const char *const verbs[] = {"缩短", "延长", "减少", "增加", "偏多", "偏少", "提前",
                                        "压缩", "压减", "下降", "提高", NULL};
    return ends_any(x, q->start, verbs);
}

/* `志愿服务时长38,460小时`, `累计服务1.2万小时`: hours of service summed
 * over people, a volume of work done, not a length of time. */
static bool service_hours(const ex *x, const quantity *q)
{
    static const char *const words[] = {"服务时长", "志愿服务", "累计服务", NULL};
    return strcmp(q->unit->surface, "小时") == 0 && contains_any(x, x->sent_start, q->start, words);
}

/* `优良天数为338天`, `重污染天数0天`: days counted, not a length of time. */
static bool counted_days(const ex *x, const quantity *q)
{
    static const char *const counted[] = {"天数", "日数", "天数为", "日数为", "天数达",
                                          "天数达到", "天数共", "天数有", "天数是", NULL};
    return strcmp(q->unit->surface, "天") == 0 && ends_any(x, q->start, counted);
}

/* `同比增长-2.3%`, a table's `同比增长-12.5`: a minus sign glued before the
 * figure, after words that state a rate or a change (not a range's mark
 * `10-20人`, a code's `A-3`); returns the sign's length, 0 if none. */
static size_t minus_sign(const ex *x, const quantity *q)
{
    static const char *const before[] = {"增长", "增速", "增幅", "同比", "环比", "为", "是",
                                         "达到", "达", "至", "到", "变动", "增减", "变化", "升降",
                                         "涨跌", NULL};
    if (q->num.chinese || q->start != q->num.start)
        return 0;
    size_t s = q->num.start, l = 0;
    if (s >= 1 && x->s[s - 1] == '-')
        l = 1;
    else if (s >= 3 && (rp_utf8_ends(x->s, s, "\xE2\x88\x92") || /* − */
                        rp_utf8_ends(x->s, s, "\xEF\xBC\x8D")))  /* － */
        l = 3;
    return l > 0 && ends_any(x, s - l, before) ? l : 0;
}

/* `从去年的8万多块钱涨到今年的26万`: the value reached in a before-and-after
 * leaves out the unit of the value it started from, in the same clause.
 * The base's unit, or NULL when the number is no such value. */
static const rp_unit *elided_unit(const ex *x, const quantity *q)
{
    if (x->nc == 0 || !q->multiplied || q->num.chinese)
        return NULL;
    const cand *base = &x->c[x->nc - 1];
    if (base->clause_start != x->clause_start || base->end > q->start)
        return NULL;
    /* 到, 至 right before the number, or before 今年的 / 现在的 (a short 的 phrase) */
    size_t j = q->start;
    if (rp_utf8_ends(x->s, j, "的")) {
        size_t k = j - 3;
        for (int c = 0; c < 4 && k > base->end && !rp_utf8_ends(x->s, k, "到") &&
                        !rp_utf8_ends(x->s, k, "至");
             c++)
            k = rp_utf8_prev(x->s, k);
        j = k;
    }
    if (!rp_utf8_ends(x->s, j, "到") && !rp_utf8_ends(x->s, j, "至"))
        return NULL;
    /* 从 or 由 before the base, in its clause */
    for (size_t k = base->num_start; k > x->clause_start;) {
        k = rp_utf8_prev(x->s, k);
        if (starts(x, k, "从") || starts(x, k, "由"))
            return base->unit;
    }
    return NULL;
}

/* Handles the number at i; returns where scanning resumes. */
static size_t handle_number(ex *x, size_t i)
{
    quantity q;
    if (!rp_ex_read_quantity(x, i, &q))
        return i + 1;
    if (q.unit == NULL && (q.unit = elided_unit(x, &q)) != NULL) {
        q.unit_start = q.unit_end = q.end;
        q.elided = true;
    }
    size_t resume = q.end > q.num.end ? q.end : q.num.end;
    if (rp_ex_identifier_shape(x, &q)) {
        while (resume < x->n && (is_alpha_cp((unsigned char)x->s[resume]) ||
                                 is_digit_at(x, resume) || strchr("./:_-+#", x->s[resume])))
            resume++;
        return resume;
    }
    bool second_end = q.num.start == x->range_second;
    quantity second;
    bool first_end = read_range(x, &q, &second);
    if (q.unit == NULL || rp_ex_rejected(x, &q) || (first_end && rp_ex_is_condition(x, &second)))
        return resume; /* 18至35岁青年: the range qualifies, both ends go */
    bool optional = first_end || second_end || q.pre_rule ||
                    ((q.unit->flags & RP_UNIT_DURATION) && !duration_change(x, &q) &&
                     !counted_days(x, &q) && !service_hours(x, &q)) ||
                    rp_ex_is_capacity(x, &q);
    size_t minus = minus_sign(x, &q);
    if (minus > 0) {
        q.value = -q.value;
        q.start -= minus;
    }
    push_cand(x, &q, optional);
    return q.end;
}

/* 百分之四十 / 百分之5 -> 40 % */
static size_t handle_percent(ex *x, size_t i)
{
    quantity q;
    size_t at = i + strlen("百分之");
    if (!rp_ex_read_quantity(x, at, &q) || x->quote > 0 || q.num.malformed)
        return at;
    static const rp_unit percent = {"%", "%", "ratio", 0, NULL};
    q.unit = &percent;
    q.unit_end = q.num.end;
    q.end = q.num.end;
    q.start = i;
    rp_ex_read_post(x, &q); /* 百分之九十五以上 */
    rp_ex_read_pre(x, &q);
    if (!rp_ex_is_planned_or_bound(x, &q))
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
    /* 投放AED42台: capitals after a Han character stop before the figure
     * (rp_ex_identifier_shape tells a count from a code) */
    while (j < x->n && j - i <= 5 && x->s[j] >= 'A' && x->s[j] <= 'Z')
        j++;
    if (!url && j - i >= 2 && j - i <= 5 && is_digit_at(x, j) &&
        rp_utf8_is_han(rp_utf8_before(x->s, x->n, i)))
        return j;
    j = i;
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

/* Quoted speech: a “ ” (or 「 」, 『 』) span on one line whose text ends with its own
 * sentence mark (“……参与认领。”, “……干劲十足!”). Its numbers are facts
 * stated by the speaker, not parts of a name or slogan. Returns the offset
 * of the closing ”, or 0. */
static size_t speech_close(const ex *x, size_t open_end, uint32_t open)
{
    size_t i = open_end;
    uint32_t last = 0;
    uint32_t close = open == 0x201C ? 0x201D : open + 1; /* 」 』 follow 「 『 */
    while (i < x->n && i - open_end < 600) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, i, &l);
        if (cp == '\n' || cp == open)
            return 0;
        if (cp == close) {
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
    bool opens = cp == 0x201C || cp == 0x300C || cp == 0x300E; /* “ 「 『 */
    if (opens && x->quote == 0) {
        size_t close = speech_close(x, i + l, cp);
        if (close > 0) {
            x->speech_end = close;
            return;
        }
    }
    if ((cp == 0x201D || cp == 0x300D || cp == 0x300F) && x->speech_end == i && i > 0) {
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
    x->respective_at = NONE;
    size_t l = rp_period_at(x->s, x->n, i, x->published, buf, sizeof buf);
    if (l > 0) {
        x->period = rp_ex_intern(x, buf);
        i += l;
    }
    rp_region_clause(&x->region, x->s, x->n, i);
}

static void paragraph_start(ex *x, size_t i)
{
    x->quote = 0;
    x->speech_end = 0;
    x->period = NONE;
    rp_ex_note_paragraph(x, i);
    rp_region_paragraph(&x->region, x->s, x->n, i);
}

/* First characters of the words the scan hands on: modals and plans
 * (力争 拟 将 下一步 明年 今后 新的一年 来年 计划 预计 目标 准备), and the marks
 * of a mid-clause place (与 针对 在 为 帮扶 会同 指导 督促 协助 支持 比如 例如
 * 个是 隔壁 邻近 向 表扬 说说 介绍一下). */
static rp_cset modal_firsts, inline_firsts, han_marks;
static pthread_once_t firsts_once = PTHREAD_ONCE_INIT;

static void firsts_build(void)
{
    rp_cset_add(&modal_firsts, "力拟将下明今新来计预目要实已准");
    rp_cset_add(&inline_firsts, "与针在为帮会指督协支比例像是隔邻向表说介点—");
    /* the Han characters the scan acts on; any other is stepped over */
    memcpy(&han_marks, &modal_firsts, sizeof han_marks);
    for (size_t k = 0; k < sizeof han_marks.bits; k++)
        han_marks.bits[k] |= inline_firsts.bits[k];
    rp_cset_add(&han_marks, "百分仨俩");
    for (uint32_t cp = 0x3400; cp <= 0x9FFF; cp++)
        if (rp_number_is_cn(cp))
            han_marks.bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

void rp_ex_scan(ex *x)
{
    pthread_once(&firsts_once, firsts_build);
    size_t i = 0;
    bool at_clause = true;
    paragraph_start(x, 0);
    const unsigned char *s = (const unsigned char *)x->s;
    while (i < x->n && !x->oom && !x->capped) {
        /* most of a text: a run of Han characters that are no figure or
         * mark, mid-clause (the text is valid UTF-8: normalised) */
        while (!at_clause && i + 3 <= x->n && s[i] >= 0xE3 && s[i] <= 0xE9) {
            uint32_t h = rp_utf8_cp3(s + i);
            if (h < 0x3400 || rp_cset_has(&han_marks, h))
                break;
            i += 3;
        }
        if (i >= x->n)
            break;
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, i, &l);
        if (at_clause && cp != ' ' && cp != '\t' && !rp_utf8_is_bullet(cp)) {
            clause_start(x, i);
            at_clause = false;
        }
        if (cp >= 0x3400 && cp <= 0x9FFF && !rp_cset_has(&han_marks, cp)) {
            i += l; /* most of a text: a Han character that is no figure or mark */
            continue;
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
        } else if (rp_number_is_cn(cp) || cp == 0x4EE8 || cp == 0x4FE9) { /* 仨 俩 */
            i = handle_number(x, i);
            continue;
        } else {
            if (rp_cset_has(&modal_firsts, cp))
                rp_ex_note_modal(x, i, cp);
            else if (rp_cset_has(&inline_firsts, cp))
                rp_region_inline(&x->region, x->s, x->n, i);
            else if (cp == 0x5206 && starts(x, i, "分别")) /* 分 */
                x->respective_at = i;
            update_quotes(x, i, l, cp);
        }
        i += l;
    }
}
