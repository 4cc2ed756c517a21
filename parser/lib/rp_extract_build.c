/* rp_extract_build: the result. Each candidate becomes an rp_measure with
 * its subject, metric, surface text (in the input) and sentence (in the
 * normalised text); the document metadata and diagnostics are added. See
 * rp_extract_int.h. */
#include "rp_extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_meta.h"
#include "rp_metric.h"
#include "rp_subject.h"

#define SENTENCE_CONTEXT 240 /* bytes kept either side in rp_measure.sentence */

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

/* `未完成整改的隐患中，槠坪社区4处，石门坎村3处`: figures listed by place
 * after a `X中，` frame count X; after `从X看，` (`从服务时长看，排名前三位的
 * 依次是棹城街道38,460小时、…`) they measure X. Finds the frame earlier in
 * the sentence and writes X. */
static bool list_frame(const ex *x, size_t at, char *out, size_t cap)
{
    size_t j = at, stop = at > 240 ? at - 240 : 0;
    while (j > stop) {
        size_t p = rp_utf8_prev(x->s, j);
        uint32_t cp = rp_utf8_at(x->s, x->n, p);
        if (cp == '\n' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B)
            return false;
        bool among = rp_utf8_ends(x->s, p, "中"), from = rp_utf8_ends(x->s, p, "看");
        if ((cp == 0xFF0C || cp == ',') && (among || from)) {
            size_t e = p - 3, b = e, chars = 0;
            while (b > 0 && chars < 21) {
                size_t q = rp_utf8_prev(x->s, b);
                if (!rp_utf8_is_han(rp_utf8_at(x->s, x->n, q)))
                    break;
                b = q;
                chars++;
            }
            if (from) { /* 从 opens the frame and is no part of X */
                if (!rp_utf8_starts(x->s, x->n, b, "从"))
                    return false;
                b += 3;
                chars--;
            }
            if (chars < 2 || chars > 20 || e - b + 1 > cap)
                return false;
            memcpy(out, x->s + b, e - b);
            out[e - b] = '\0';
            return true;
        }
        j = p;
    }
    return false;
}

/* Only a range mark between two measures: the ends of one range. */
static bool range_gap(const ex *x, size_t a, size_t b)
{
    return b > a && rp_ex_range_marker(x, a) == b - a;
}

/* `职工书屋，全县已经有六十四家`: a count with no words of its own after a
 * sentence's first clause that is only a short noun (two to eight Han
 * characters, or up to sixteen for a noun qualified in 的 with the figures
 * of a condition): that clause is the topic the count is about. */
static void topic_clause(const ex *x, const cand *c, char *out, size_t cap)
{
    size_t j = c->sent_start, chars = 0, l = 0;
    bool figures = false, de = false;
    while (j < c->start && (x->s[j] == ' ' || x->s[j] == '\t'))
        j++; /* a paragraph's indent */
    size_t from = j;
    while (j < c->start) {
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == ',' || cp == 0xFF0C)
            break;
        figures |= cp >= '0' && cp <= '9';
        de |= cp == 0x7684; /* 的 */
        if (!(rp_utf8_is_han(cp) || (cp >= '0' && cp <= '9') || cp == '.' || cp == '%') ||
            ++chars > 16)
            return;
        j += l;
    }
    /* figures only in a qualified noun: 种植面积50亩以上的大户，全镇有一百二十七户 */
    if (j >= c->start || chars < 2 || (chars > 8 && !figures) || (figures && !de) ||
        j - from >= cap)
        return;
    static const char *const adverbs[] = {"目前", "当前", "现在", "如今", "至今", "截至目前",
                                          "同时", "此外", "另外", "其中", "总的来看", NULL};
    for (size_t a = 0; adverbs[a]; a++)
        if (j - from == strlen(adverbs[a]) && memcmp(x->s + from, adverbs[a], j - from) == 0)
            return; /* 目前，全县…: time or a link, no topic */
    /* the comment opens on the scope it counts in: 全县 全镇 全市 … */
    size_t k = j + l; /* past the comma */
    if (!starts(x, k, "全") || !rp_utf8_in("县镇乡市区村省", rp_utf8_at(x->s, x->n, k + 3)))
        return;
    memcpy(out, x->s + from, j - from);
    out[j - from] = '\0';
}

/* `机械粉碎还田的，两万一千多亩；打捆离田的，6,450吨`: spoken, a figure
 * right after a clause that is only a 的 phrase (two to twelve Han
 * characters) counts what that phrase names. */
static void de_clause(const ex *x, const cand *c, size_t floor, char *out, size_t cap)
{
    size_t comma = c->start;
    if (rp_utf8_ends(x->s, comma, "，"))
        comma -= 3;
    else if (rp_utf8_ends(x->s, comma, ","))
        comma -= 1;
    else
        return;
    if (!rp_utf8_ends(x->s, comma, "的"))
        return;
    size_t e = comma - 3, j = e;
    int chars = 0;
    while (j > floor && chars <= 12) {
        uint32_t cp = rp_utf8_before(x->s, x->n, j);
        if (!rp_utf8_is_han(cp))
            break;
        j = rp_utf8_prev(x->s, j);
        chars++;
    }
    size_t p = j;
    while (p > floor && (x->s[p - 1] == ' ' || x->s[p - 1] == '\t'))
        p--; /* a paragraph's indent */
    uint32_t before = p > 0 ? rp_utf8_before(x->s, x->n, p) : '\n';
    if (chars < 2 || chars > 12 || !(is_clause_punct(before) || before == '\n') ||
        e - j >= cap)
        return;
    memcpy(out, x->s + j, e - j);
    out[e - j] = '\0';
}

/* 发放产业奖补资金，一共是二百三十七万元: a clause of only a total word
 * before the figure sums what the clause before it names. */
static void summed_clause(const ex *x, const cand *c, const rp_subject_span *sp, size_t floor,
                          char *out, size_t cap)
{
    static const char *const totals[] = {"一共是", "一共有", "一共", "总共是", "总共", "合计",
                                         "共计", "总计", NULL};
    size_t t = 0;
    for (size_t k = 0; totals[k] && t == 0; k++)
        if (c->start >= strlen(totals[k]) + 3 && rp_utf8_ends(x->s, c->start, totals[k]))
            t = c->start - strlen(totals[k]);
    if (t == 0 || !(rp_utf8_ends(x->s, t, "，") || rp_utf8_ends(x->s, t, ",")))
        return;
    size_t comma = x->s[t - 1] == ',' ? t - 1 : t - 3;
    /* the clause before, back to its punctuation or the previous figure
     * (`有4名老党员自愿交纳“特殊党费”，合计3.2万元`) */
    size_t j = comma;
    while (j > floor && !is_clause_punct(rp_utf8_before(x->s, x->n, j)))
        j = rp_utf8_prev(x->s, j);
    if (j == comma)
        return;
    rp_subject_span before = *sp;
    before.start = before.end = comma;
    before.floor = j;
    before.count_unit = false;
    rp_subject_find(x->s, x->n, &before, out, cap);
}

static int fill_measure(rp_measure *m, const ex *x, const rp_norm *nm, const char *input,
                        size_t k, const rp_measure *done, size_t *sent_cache)
{
    const char *prev_subject = k > 0 ? done[k - 1].subject : NULL;
    const cand *c = &x->c[k];
    char subj[256];
    size_t prev_end = k > 0 ? x->c[k - 1].end : 0;
    bool range_end = k > 0 && range_gap(x, prev_end, c->start); /* 18—19人 */
    bool glued = k > 0 && (prev_end == c->start || range_end ||
                           (c->start == prev_end + 3 && memcmp(x->s + prev_end, "、", 3) == 0));
    rp_subject_span sp = {.start = c->start, .end = c->end, .floor = prev_end,
                          .count_unit = is_count_unit(c->unit),
                          .money = strcmp(c->unit->kind, "money") == 0,
                          .activity = strcmp(c->unit->kind, "person_time") == 0,
                          .glued = glued};
    rp_subject_find(x->s, x->n, &sp, subj, sizeof subj);
    if (range_end)
        subj[0] = '\0'; /* the range mark is no name: the first end's subject */
    const char *more_less = rp_subject_more_or_less(subj);
    /* the words before the number are only the place the region switched
     * to for it: 其中鸥江区71部 */
    const char *region = pool_str(x, c->region), *period = pool_str(x, c->period);
    size_t sl = strlen(subj), rl = strlen(region);
    bool only_place = sl > 0 && rl >= sl && strcmp(region + rl - sl, subj) == 0;
    /* 依次是棹城街道38,460小时: the words before are a list's opening and its place */
    bool listed = !only_place && rl > 0 && sl > rl && strcmp(subj + sl - rl, region) == 0 &&
                  strcmp(region, x->region.doc) != 0;
    if (c->elided && prev_subject != NULL)
        snprintf(subj, sizeof subj, "%s", prev_subject); /* 从…8万多块钱涨到今年的26万 */
    else if ((only_place || listed) && list_frame(x, c->start, subj, sizeof subj))
        ; /* 隐患中，槠坪社区4处 */
    else if (subj[0] == '\0' && prev_subject != NULL && glued)
        snprintf(subj, sizeof subj, "%s", prev_subject);
    else if (prev_subject != NULL && more_less != NULL && c->start - prev_end < 60)
        rp_subject_after_change(prev_subject, more_less, subj, sizeof subj); /* 比上年多3个 */
    else if (prev_subject != NULL && only_place && c->start - prev_end < 60 &&
             x->c[k - 1].start >= c->sent_start)
        snprintf(subj, sizeof subj, "%s", prev_subject); /* 其中鸥江区71部: a part */
    else if (prev_subject != NULL && rp_subject_is_level_verb(subj) && c->start - prev_end < 24)
        snprintf(subj, sizeof subj, "%s", prev_subject); /* 由每天4班加密到12班 */
    else if (prev_subject != NULL && rp_subject_is_change_verb(subj) && c->start - prev_end < 24)
        rp_subject_after_change(prev_subject, subj, subj, sizeof subj); /* 从85%提高到93% */
    else if (prev_subject != NULL && rp_subject_is_base_change(subj) && c->start - prev_end < 40)
        rp_subject_after_change(prev_subject, subj, subj, sizeof subj); /* 6.2分钟,比上年缩短0.9分钟 */
    else if (prev_subject != NULL && rp_subject_is_share_of_whole(subj) && c->start - prev_end < 40)
        rp_subject_after_change(prev_subject,
                                strcmp(subj, "占") == 0 || strcmp(subj, "占比") == 0 ? "占比" : subj,
                                subj, sizeof subj); /* 1,872名,占63.2%; 占岗位总数的36% */
    else if (prev_subject != NULL && rp_subject_is_base_only(subj)) {
        snprintf(subj, sizeof subj, "%s", prev_subject); /* 是去年同期的2.1倍 */
    }
    else if (prev_subject != NULL && rp_subject_is_total_only(subj) &&
             c->start - prev_end < 120 && x->c[k - 1].start >= c->sent_start &&
             x->c[k - 1].unit == c->unit)
        rp_subject_counted(prev_subject, subj, sizeof subj); /* 新增42台,全县累计达到118台;
                                                              * a clause may stand between */
    else if (prev_subject != NULL && subj[0] == '\0' && c->start - prev_end < 24 &&
             x->c[k - 1].start >= c->sent_start && strcmp(c->unit->kind, "money") == 0)
        snprintf(subj, sizeof subj, "%s", prev_subject); /* 拨付资金6笔，合计486万元 */
    if (subj[0] == '\0' && (k == 0 || x->c[k - 1].start < c->sent_start))
        topic_clause(x, c, subj, sizeof subj); /* 职工书屋，全县已经有六十四家 */
    if (subj[0] == '\0')
        summed_clause(x, c, &sp, prev_end, subj, sizeof subj);
    if (subj[0] == '\0')
        de_clause(x, c, prev_end, subj, sizeof subj);
    if (subj[0] == '\0' && strcmp(c->unit->surface, "%") == 0 && starts(x, c->end, "的"))
        rp_subject_share_noun(x->s, x->n, c->end + 3, subj, sizeof subj); /* 95%以上的股东户 */
    char own_region[RP_REGION_MAX];
    if (rp_ex_respective(x, k, done, subj, sizeof subj, own_region, sizeof own_region))
        region = own_region; /* 失业保险、工伤保险分别参保3.58万人、5.12万人 */
    size_t a, b, sa, sb;
    surface_range(nm, input, c, &a, &b);
    sentence_range(x, c, sent_cache, &sa, &sb);
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

int rp_ex_build(ex *x, rp_norm *nm, const char *input, const rp_extract_hints *h,
                rp_extract_result *r)
{
    if (x->nc > 0) {
        r->measures = calloc(x->nc, sizeof *r->measures);
        if (r->measures == NULL)
            return -1;
    }
    size_t sent_cache = 0;
    for (size_t k = 0; k < x->nc; k++) {
        r->n_measures = k + 1;
        if (fill_measure(&r->measures[k], x, nm, input, k, r->measures, &sent_cache) != 0)
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
