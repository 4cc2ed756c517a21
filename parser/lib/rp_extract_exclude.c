/* rp_extract_exclude: the exclusion rules, what a number with a unit can be
 * besides a measure: identifiers, dates, ordinals, durations used as
 * adverbs, Chinese-numeral idioms and slogans, conditions and thresholds,
 * targets and plans. See rp_extract_int.h and docs/metrics.md. */
#include "rp_extract_int.h"

#include <string.h>

#define RP_BACKREF_WINDOW 4096 /* bytes before a count searched for its ordinal */

/* Two to five capitals between a Han character and the number, which a
 * Han unit follows: an acronym naming the thing counted (投放AED42台,
 * 建成PCR实验室), not a code (X203, A3, G318国道 have no unit). */
static bool acronym_before(const ex *x, const quantity *q)
{
    if (q->unit == NULL || (unsigned char)q->unit->surface[0] < 0x80 || q->num.leading_zero)
        return false;
    size_t j = q->num.start;
    while (j > 0 && x->s[j - 1] >= 'A' && x->s[j - 1] <= 'Z' && q->num.start - j <= 5)
        j--;
    size_t len = q->num.start - j;
    return len >= 2 && len <= 5 && rp_utf8_is_han(rp_utf8_before(x->s, x->n, j));
}

/* Arabic numbers shaped like identifiers, dates, times, versions, scores:
 * 2024-09-10, 0551-6260, 6·25, 1+12, 14607214.html, 5G. */
bool rp_ex_identifier_shape(const ex *x, const quantity *q)
{
    const rp_number *nm = &q->num;
    if (nm->chinese)
        return false;
    if (nm->leading_zero || (nm->int_digits >= 9 && !nm->has_decimal))
        return true;
    size_t j = nm->end;
    uint32_t next = rp_utf8_at(x->s, x->n, j);
    if (is_alpha_cp(next)) /* 5G, A3, 2024ABC; a Latin unit (48.6TB) is no identifier */
        return q->unit == NULL || (unsigned char)q->unit->surface[0] >= 0x80 ||
               !is_alpha_cp((unsigned char)q->unit->surface[0]);
    if (next == '/' && q->unit != NULL && q->unit->surface[0] == '/')
        return false; /* a rate per base: 226.08/10万 */
    if (next == '/' || next == ':' || next == '.' || next == '_' || next == 0xB7 || next == '+' ||
        next == 0xD7 || next == '*' || next == '#' || next == 0x2022 || next == 0x30FB)
        return is_digit_at(x, j + 1) || is_digit_at(x, j + 2);
    if (next == '-' && is_digit_at(x, j + 1)) {
        rp_number second;
        rp_number_parse(x->s, x->n, j + 1, &second);
        return second.leading_zero || rp_utf8_at(x->s, x->n, second.end) == '-';
    }
    uint32_t prev = rp_utf8_before(x->s, x->n, nm->start);
    if (is_alpha_cp(prev) && acronym_before(x, q))
        return false; /* 新增投放AED42台 */
    if (is_alpha_cp(prev) || prev == '/' || prev == '#' || prev == '_' || prev == '@' ||
        prev == '=' || prev == '+' || prev == 0xB7 || prev == 0xD7 || prev == 0xF7) /* ×100% */
        return true;
    if (prev == '-' && nm->start == x->range_second)
        return false; /* the second end of 10-20人 */
    if ((prev == '.' || prev == '-' || prev == ':') &&
        rp_utf8_before(x->s, x->n, rp_utf8_prev(x->s, nm->start)) < 0x80)
        return true;
    return false;
}

/* Start of the run of numerals (Arabic or Chinese) that ends at j; j when
 * none ends there. */
static size_t numeral_run_start(const ex *x, size_t j)
{
    while (j > 0) {
        size_t p = rp_utf8_prev(x->s, j);
        uint32_t cp = rp_utf8_at(x->s, x->n, p);
        if (!(cp >= '0' && cp <= '9') && !rp_number_is_cn(cp))
            break;
        j = p;
    }
    return j;
}

/* The number at s follows an ordinal that 第 opened, across a range mark
 * (第18—19页, 第3至5条) or a list's 、 (分列第二、三位). */
static bool after_ordinal(const ex *x, size_t s)
{
    size_t m = s >= 1 && rp_ex_range_marker(x, s - 1) == 1   ? 1
               : s >= 3 && rp_ex_range_marker(x, s - 3) == 3 ? 3
               : rp_utf8_before(x->s, x->n, s) == 0x3001     ? 3
                                                              : 0;
    if (m == 0)
        return false;
    size_t j = numeral_run_start(x, s - m);
    return j < s - m && rp_utf8_ends(x->s, j, "第");
}

/* The 月 at m closes a span of months (1—10月, 1-9月, 1至9月): a period,
 * not a date. */
static bool month_span_before(const ex *x, size_t m)
{
    size_t j = m;
    while (j > 0 && is_digit_at(x, j - 1) && m - j < 2)
        j--;
    if (j == m)
        return false;
    size_t mark = j >= 3 && rp_ex_range_marker(x, j - 3) == 3 ? 3
                  : j >= 1 && rp_ex_range_marker(x, j - 1) == 1 ? 1
                                                                : 0;
    return mark > 0 && j - mark > 0 && is_digit_at(x, j - mark - 1);
}

/* 第N, 前10名 (a ranking), 2021年5期 (an issue), 3月14日 parts. */
static bool ordinal_or_date_part(const ex *x, const quantity *q)
{
    size_t s = q->num.start;
    uint32_t prev = rp_utf8_before(x->s, x->n, s);
    if (prev == 0x7B2C) /* 第 */
        return true;
    /* 头一件, 头一回, 头两年: spoken for 第一, 前两年 */
    if (prev == 0x5934 && q->num.chinese) /* 头 */
        return true;
    if (after_ordinal(x, s)) /* 第18—19页, 第二、三位 */
        return true;
    if (prev == 0x6BCF) /* 每10万人中: the base of a rate (每 before a single digit is a rule) */
        return true;
    /* 进站博士后38名: 博士后 (a postdoctoral fellow) is a noun, no rank */
    bool postdoc = prev == 0x540E && rp_utf8_ends(x->s, rp_utf8_prev(x->s, s), "博士");
    /* 目前95%的股东户, 此前3名: 前 ends a word of time, no rank band */
    static const char *const time_words[] = {"目前", "当前", "此前", "之前", "以前", "日前",
                                             "眼前", "提前", "事前", "会前", "节前", NULL};
    if (prev == 0x524D && ends_any(x, s, time_words))
        prev = 0;
    if ((prev == 0x524D || prev == 0x540E) && q->unit && !postdoc) { /* 前 后 */
        if (strcmp(q->unit->surface, "名") == 0 || strcmp(q->unit->surface, "位") == 0)
            return true;
        /* 排名在专业前30%的学生: a rank band that selects, 排名前10 */
        size_t p = rp_utf8_prev(x->s, s);
        if (rp_utf8_at(x->s, x->n, q->end) == 0x7684 /* 的 */ || rp_utf8_ends(x->s, p, "排名") ||
            rp_utf8_ends(x->s, p, "排在") || rp_utf8_ends(x->s, p, "位列"))
            return true;
    }
    /* 14时27分, 8点30分: the minutes of a time of day */
    bool clock = (prev == 0x65F6 || prev == 0x70B9) && q->unit != NULL &&
                 strcmp(q->unit->surface, "分") == 0;
    if (prev == 0x5E74 || prev == 0x6708 || clock) { /* 年 月 right after a number */
        size_t p = rp_utf8_prev(x->s, s);
        bool after_number = is_digit_at(x, rp_utf8_prev(x->s, p)) ||
                            rp_number_is_cn(rp_utf8_before(x->s, x->n, p));
        /* `1—10月86.42亿元`, `1—10月312456万元`: a figure after a period
         * (a decimal, a multiplier, more than a day of the month, or after
         * a span of months) is no part of a date */
        bool figure = !clock && !q->num.chinese &&
                      (q->num.has_decimal || q->multiplied || q->num.value > 31 ||
                       (prev == 0x6708 && month_span_before(x, p)));
        return after_number && !figure;
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
    return !rp_utf8_in("来间内时后前里中多", next);
}

/* `通报了前10个月工作进展`, `前三年`: the first months or years of a period
 * name the period, not a length (提前3个月 is one). */
static bool first_part_of_period(const ex *x, const quantity *q)
{
    if (!(q->unit->flags & RP_UNIT_DURATION) || !rp_utf8_ends(x->s, q->start, "前"))
        return false;
    size_t b = q->start - strlen("前");
    return b == 0 || !rp_utf8_in("提超之以此目当空日年月眼面事", rp_utf8_before(x->s, x->n, b));
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
    /* 近十年来, 三年来 opening a clause: since then, a period (从医20多年来
     * is how long he has worked; 一年来了好几趟: came) */
    uint32_t before = rp_utf8_before(x->s, x->n, q->num.start);
    if (starts(x, q->unit_end, "来") && !rp_utf8_in("了过到", rp_utf8_at(x->s, x->n, q->unit_end + 3)) &&
        (before == 0 || before == '\n' || is_clause_punct(before) || rp_utf8_in("近这", before)))
        return true;
    /* 建于乾隆三十年, 始于光绪二年: a year of a reign, a date */
    size_t j = q->start;
    for (int k = 0; k < 4 && j > 0; k++) {
        j = rp_utf8_prev(x->s, j);
        if (rp_utf8_at(x->s, x->n, j) == 0x4E8E) /* 于 */
            return true;
        if (!rp_utf8_is_han(rp_utf8_at(x->s, x->n, j)))
            break;
    }
    return false;
}

/* A single Chinese digit reads as a count only with units that slogans and
 * idioms do not use (两批, 下降六岁, 近一倍); 个 项 条 次 类 支 are left out:
 * 四个意识, 八项规定, 三番五次, 三支队伍. */
static bool single_digit_count(const quantity *q)
{
    static const char *const units[] = {"批", "名", "位", "家", "所", "户", "场", "期", "轮",
                                        "岁", "元", "人次", "场次", "批次", "百分点", "公里",
                                        "千米", "座", "辆", "台", "具", "穴", "株", "棵",
                                        "栋", "间", "吨", "亩", "公顷", NULL};
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
    /* one of a thing built or held (新建厨余垃圾处理厂一座,); not one time */
    bool one_thing = q->num.value == 1 && (strcmp(q->unit->kind, "organisation") == 0 ||
                                           strcmp(q->unit->kind, "item") == 0) &&
                     strcmp(q->unit->surface, "类") != 0 && strcmp(q->unit->surface, "种") != 0;
    if ((q->num.value < 2 && !one_thing) || !(is_clause_punct(next) || next == 0x3001))
        return false;
    size_t p = rp_utf8_prev(x->s, q->start);
    uint32_t prev = rp_utf8_at(x->s, x->n, p);
    if (q->start == 0 || !rp_utf8_is_han(prev) || rp_number_is_cn(prev))
        return false;
    if (rp_utf8_in("每第这那各后前仅", prev))
        return false;
    uint32_t prev2 = p > 0 ? rp_utf8_at(x->s, x->n, rp_utf8_prev(x->s, p)) : 0;
    return !rp_number_is_cn(prev2);
}

/* One of words starts within the next max characters at j, all Han before it. */
static bool word_within(const ex *x, size_t j, int max, const char *const *words);

/* 菱渚镇志、苕坪乡志两部乡镇志, 物业、婚姻家庭和劳动争议三个调委会: a
 * numeral right after a list, equal to its number of items, counts them;
 * not when they are aspects of a whole (民生保障、基础设施、产业发展三个方面). */
static bool list_restated(const ex *x, const quantity *q)
{
    static const char *const aspects[] = {"方面", "领域", "环节", "层面", "维度", "板块", "阶段",
                                          NULL};
    if (q->num.value < 2 || q->num.value > 9 || q->start != q->num.start ||
        !rp_utf8_is_han(rp_utf8_before(x->s, x->n, q->start)) ||
        word_within(x, q->end, 1, aspects))
        return false;
    int seps = 0;
    bool last_and = false;
    for (size_t j = x->clause_start, l; j < q->start; j += l) {
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == 0x3001) {
            if (last_and)
                return false; /* 、 after 和: not one list */
            seps++;
        } else if ((cp == 0x548C || cp == 0x53CA) && seps > 0 && !last_and) { /* 和 及 */
            seps++;
            last_and = true;
        } else if (!rp_utf8_is_han(cp) && cp != 0x201C && cp != 0x201D) {
            return false;
        }
    }
    return seps > 0 && seps + 1 == (int)q->num.value;
}

/* 两个夜间文旅消费集聚区——“蓁水夜巷”和“古城灯市”: a count whose noun a
 * dash or colon then names, item by item, in as many quoted names. A
 * slogan's noun is a two-character word (两个维护); this one is longer. */
static bool names_listed(const ex *x, const quantity *q)
{
    size_t j = q->end, l;
    int hans = 0;
    while (j < x->n && hans < 20 && rp_utf8_is_han(rp_utf8_decode(x->s, x->n, j, &l))) {
        j += l;
        hans++;
    }
    if (hans < 3)
        return false;
    if (starts(x, j, "——"))
        j += strlen("——");
    else if (starts(x, j, "："))
        j += strlen("：");
    else
        return false;
    int names = 0;
    for (int c = 0; c < 60 && j < x->n; c++) {
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == 0x201C) { /* “ */
            names++;
        } else if (is_clause_punct(cp) || cp == '\n') {
            break;
        }
        j += l;
    }
    return names >= 2 && names == (int)q->num.value;
}

/* 还有两个社区书记, 仍有三个村: 有 before a single digit states how many
 * there are; slogans do not follow 有 (树立四个意识, 落实八项规定). */
static bool existential_count(const ex *x, const quantity *q)
{
    /* 新修了一座过河便桥, 打了两口饮水井, 发展了一名年轻党员: 了 and a
     * classifier of things built or people (never of ideas: 树立了四个意识)
     * count what was done, one included */
    static const char *const concrete[] = {"座", "口", "名", "位", "栋", "间", "台", "辆",
                                           "盏", "棵", "株", "头", "艘", "架", NULL};
    if (rp_utf8_ends(x->s, q->start, "了") && q->num.value >= 1) {
        for (size_t k = 0; concrete[k]; k++)
            if (strcmp(q->unit->surface, concrete[k]) == 0)
                return true;
    }
    if (q->num.value < 2)
        return false;
    if (rp_utf8_ends(x->s, q->start, "有"))
        return !rp_utf8_ends(x->s, q->start, "没有");
    if (rp_utf8_ends(x->s, q->start, "辖")) /* 下辖九个社区 */
        return true;
    /* 开了五次协调会, 跑了七趟: times an action was done; slogans and
     * idioms do not follow 了 with a verbal classifier */
    if (rp_utf8_ends(x->s, q->start, "了") &&
        (strcmp(q->unit->surface, "次") == 0 || strcmp(q->unit->surface, "趟") == 0))
        return true;
    /* 先后三次专题听取, 累计两次: adverbs that only precede a count */
    static const char *const adverbs[] = {"先后", "累计", "共计", NULL};
    if (ends_any(x, q->start, adverbs))
        return true;
    /* 组建五个技术指导组, 成立三个专班: what a verb of forming makes is
     * counted; slogans are not formed (树立四个意识) */
    static const char *const forming[] = {"组建", "成立", "设立", "组成", "抽调", "派出", "分成",
                                          "编成", NULL};
    return ends_any(x, q->start, forming);
}

static bool word_within(const ex *x, size_t j, int max, const char *const *words)
{
    for (int k = 0; k < max && j < x->n; k++) {
        for (size_t m = 0; words[m]; m++)
            if (starts(x, j, words[m]))
                return true;
        size_t l;
        if (!rp_utf8_is_han(rp_utf8_decode(x->s, x->n, j, &l)))
            return false;
        j += l;
    }
    return false;
}

/* 和七个村签了订单, 建了两个帮扶车间: a single digit and 个 before a noun
 * that names places or bodies one can count (村 社区 车间 企业 ...) count
 * them; slogans name ideas (四个意识, 两个维护). */
static bool counts_places(const ex *x, const quantity *q)
{
    static const char *const heads[] = {"村", "社区", "车间", "乡镇", "街道", "企业", "公司",
                                        "基地", "合作社", "小区", "学校", "园区", "工厂",
                                        "门店", "网点", NULL};
    /* 新建两条联络线路, 治理三条河道: 条 before a road, a line or a
     * watercourse counts things built; slogans draw lines of ideas (两条底线) */
    static const char *const lines[] = {"线路", "道路", "公路", "河道", "河流", "管道", "管网",
                                        "隧道", "航线", "生产线", "流水线", "干线", "支线",
                                        "专线", "联络线", "步道", "绿道", "渠", "河", "溪",
                                        "街巷", NULL};
    if (q->num.value < 2)
        return false;
    if (strcmp(q->unit->surface, "条") == 0)
        return word_within(x, q->end, 5, lines);
    return strcmp(q->unit->surface, "个") == 0 && word_within(x, q->end, 5, heads);
}

/* ，两件案例入选…, 三名干警获评…: a count that opens its clause and whose
 * clause goes on to an honour won is the number of winners; a slogan wins
 * nothing. */
static bool honour_count(const ex *x, const quantity *q)
{
    if (q->num.value < 2 || q->start != x->clause_start)
        return false;
    /* 获 covers 获评 获得 荣获: the words are looked for at every character */
    static const char *const honours[] = {"入选", "获", "被评为", "被授予", "被命名", NULL};
    return word_within(x, q->end, 10, honours);
}

/* 下辖九个社区、三个村: the next item of a list whose first item is a
 * count (same classifier) is a count too, one item included. */
static bool listed_after_count(const ex *x, const quantity *q)
{
    if (!rp_utf8_ends(x->s, q->start, "、"))
        return false;
    size_t j = q->start - strlen("、"), ul = strlen(q->unit->surface);
    for (int c = 0; c < 10 && j > 0; c++) {
        size_t p = rp_utf8_prev(x->s, j);
        uint32_t cp = rp_utf8_at(x->s, x->n, p);
        if (!rp_utf8_is_han(cp))
            return false;
        if (rp_number_is_cn(cp) && starts(x, j, q->unit->surface) && j + ul <= q->start) {
            /* 辖十七个村、一个社区: a numeral of several characters is
             * a count by itself */
            if (p > 0 && rp_number_is_cn(rp_utf8_before(x->s, x->n, p)))
                return true;
            quantity first = *q;
            first.start = p;
            first.num.value = rp_number_cn_digit(cp);
            return existential_count(x, &first);
        }
        j = p;
    }
    return false;
}

/* A scale, not a fact: `(含3,000元)` notes where a band ends, and a bound
 * that a range continues (`3,000元以下(含3,000元)至10,000元以上分档`)
 * is one end of a band. */
static bool band_edge(const ex *x, const quantity *q)
{
    if (rp_utf8_ends(x->s, q->start, "(含") || rp_utf8_ends(x->s, q->start, "(不含"))
        return true;
    if (q->post == NULL || strcmp(q->post, "左右") == 0)
        return false;
    size_t j = q->end;
    if (j < x->n && x->s[j] == '(') { /* skip a parenthesised note */
        const char *close = memchr(x->s + j, ')', x->n - j < 60 ? x->n - j : 60);
        if (!close)
            return false;
        j = (size_t)(close - x->s) + 1;
    }
    return starts(x, j, "至") || starts(x, j, "到");
}

/* `工龄满3年、表现突出的一线职工`: one of a list of qualifiers that ends in
 * 的 before the people it selects (an item holding a figure must be a bound:
 * `注册满1年、服务时长100小时以上的`). */
static bool listed_qualifier(const ex *x, const quantity *q)
{
    /* 表示满意的221件、基本满意的45件: counts of a list, each the head of its 的 */
    if (!starts(x, q->end, "、") || rp_utf8_ends(x->s, q->start, "的"))
        return false;
    size_t j = q->end + strlen("、");
    bool figures = false;
    for (int c = 0; c < 16 && j < x->n; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == 0x7684) { /* 的 */
            /* 重点村5个、市级的十一个: the next item counts too (of its 的),
             * it qualifies nothing */
            if (is_digit_at(x, j + l) || rp_number_is_cn(rp_utf8_at(x->s, x->n, j + l)))
                return false;
            /* an item with a figure is a qualifier only as a bound:
             * `注册满1年、服务时长100小时以上的志愿者` */
            return c > 0 && (!figures || rp_utf8_ends(x->s, j, "以上") ||
                             rp_utf8_ends(x->s, j, "以下") || rp_utf8_ends(x->s, j, "以内"));
        }
        bool digit = (cp >= '0' && cp <= '9') || cp == '.' || cp == '%';
        if (!(digit || rp_utf8_is_han(cp)) || rp_number_is_cn(cp) || (!figures && !digit && c >= 8))
            return false;
        figures = figures || digit;
        j += l;
    }
    return false;
}

/* 把康复、就业、兜底保障当作三件大事来抓: what a thing is taken as, no
 * count of anything done. */
static bool taken_as(const ex *x, const quantity *q)
{
    static const char *const as[] = {"当作", "当成", "看作", "看成", "视为", "视作", NULL};
    return ends_any(x, q->start, as);
}

/* 较上半年前移两位, 上升3位: a move in a ranking, no people. */
static bool rank_move(const ex *x, const quantity *q)
{
    static const char *const moves[] = {"前移", "后移", "上移", "下移", "前进", "后退", "上升",
                                        "下降", "提升", "攀升", "跃升", "下滑", NULL};
    return strcmp(q->unit->surface, "位") == 0 && ends_any(x, q->start, moves);
}

/* 榆树坪村3组58号: a village's group, part of an address, is a name; so
 * is one opening a clause in a village (`3组新修了一座漫水桥`,
 * `该村5组新建…`), where it is the place, not a count of groups. */
static bool village_group(const ex *x, const quantity *q)
{
    if (strcmp(q->unit->surface, "组") != 0)
        return false;
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (rp_utf8_ends(x->s, q->start, "村") || rp_utf8_ends(x->s, q->start, "社区") ||
        (next >= '0' && next <= '9') || next == 0x53F7) /* 号 */
        return true;
    if (rp_region_group_at(x->s, x->n, q->start) != q->end)
        return false;
    /* 为5组老兵家庭挂上光荣牌: the people of a group */
    static const char *const people[] = {"老兵", "老党员", "党员", "村民", "群众", "农户", "老人",
                                         "妇女", NULL};
    if (starts_any(x, q->end, people))
        return true;
    uint32_t prev = rp_utf8_before(x->s, x->n, q->start);
    /* 一是5组留在家里的年轻人…: a point of a list opens its clause */
    bool point = q->start >= 6 && rp_region_point_at(x->s, x->n, q->start - 6) == 6;
    bool opens = prev == 0 || is_clause_punct(prev) || prev == '\n' || prev == ' ' ||
                 rp_utf8_ends(x->s, q->start, "在") || point;
    /* 7组、8组高山上的87户: groups named in a list */
    bool listed = (next == 0x3001 && rp_region_group_at(x->s, x->n, q->end + 3) != 0) ||
                  (prev == 0x3001 && rp_utf8_ends(x->s, q->start - 3, "组"));
    return (listed || (opens && rp_utf8_is_han(next))) &&
           (x->region.group[0] || rp_region_level_of(rp_region_current(&x->region)) == 5);
}

/* 桂花苑小区3栋2单元: a building in an address, followed by its entrance
 * or flat, is a name. */
/* 3栋、7栋: another building of the same kind listed after this one (人才
 *公寓3栋、420套 lists a count of flats). */
static bool listed_building_after(const ex *x, const quantity *q)
{
    size_t k = q->end + 3;
    if (!starts(x, q->end, "、") || !is_digit_at(x, k))
        return false;
    while (is_digit_at(x, k))
        k++;
    return starts(x, k, q->unit->surface);
}

/* 萸湾小区14栋…。14栋一共二十八户: a building the text named after its
 * estate, named again by its number alone. */
static bool named_building_before(const ex *x, const quantity *q, const char *const *estates)
{
    const char *needle = x->s + q->num.start;
    size_t len = q->end - q->num.start;
    size_t from = q->start > RP_BACKREF_WINDOW ? q->start - RP_BACKREF_WINDOW : 0;
    const char *end = x->s + q->start;
    for (const char *h = x->s + from; h + len <= end; h += len) {
        if (!(h = rp_utf8_find(h, (size_t)(end - h), needle, len)))
            break;
        size_t at = (size_t)(h - x->s);
        if (at > 0 && !is_digit_at(x, at - 1) && ends_any(x, at, estates))
            return true;
    }
    return false;
}

static bool building_address(const ex *x, const quantity *q)
{
    if (strcmp(q->unit->surface, "栋") != 0 && strcmp(q->unit->surface, "幢") != 0)
        return false;
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    /* 住8栋的刘师傅: where someone lives; 8栋前, 在7栋与15栋之间: where
     * something is (both buildings) */
    static const char *const lives[] = {"住", "住在", NULL};
    static const char *const spots[] = {"单元", "之间", "前", "后", "旁", "楼下", NULL};
    static const char *const pair_before[] = {"在", "与", "和", NULL};
    static const char *const pair_after[] = {"与", "和", NULL};
    /* 在滨江花园小区5栋开设“红色驿站”, 小区3栋居民: a building of the estate
     * named before it (小区5栋楼, 5栋住宅 count buildings) */
    static const char *const estates[] = {"小区", "花园", "家园", "公寓", "大厦", "苑", "新村",
                                          NULL};
    if (q->start == q->num.start && ends_any(x, q->start, estates) &&
        (rp_utf8_is_han(next) || is_clause_punct(next) || listed_building_after(x, q)) &&
        !rp_utf8_in("楼住房", next))
        return true;
    /* 锦绣家园3栋、7栋高层住户: the buildings listed after the estate */
    size_t first = q->start;
    while (rp_utf8_ends(x->s, first, "、") && rp_utf8_ends(x->s, first - 3, q->unit->surface)) {
        size_t k = first - 3 - strlen(q->unit->surface);
        while (k > 0 && is_digit_at(x, k - 1))
            k--;
        if (k == first - 3 - strlen(q->unit->surface))
            break;
        first = k;
    }
    if (first < q->start && ends_any(x, first, estates))
        return true;
    /* by its number alone where no noun stands before it (14栋一共…,
     * 现在14栋是…; 新建厂房3栋 counts) */
    uint32_t before = rp_utf8_before(x->s, x->n, q->start);
    if (q->start == q->num.start &&
        (q->start == x->clause_start || rp_utf8_in("在是对把给到从", before)) &&
        named_building_before(x, q, estates))
        return true;
    /* 对8栋、11栋等无电梯楼栋: buildings named in a list that ends in 等
     * (a count of buildings has its noun: 厂房3栋、宿舍2栋) */
    const char *u = q->unit->surface;
    size_t ul = strlen(u), j = q->end, items = 0;
    if (rp_utf8_ends(x->s, q->start, "、") && rp_utf8_ends(x->s, q->start - 3, u))
        items++;
    while (starts(x, j, "、") && is_digit_at(x, j + 3)) {
        size_t k = j + 3;
        while (is_digit_at(x, k))
            k++;
        if (!rp_utf8_starts(x->s, x->n, k, u))
            break;
        j = k + ul;
        items++;
    }
    if (items > 0 && starts(x, j, "等"))
        return true;
    return (next >= '0' && next <= '9') || ends_any(x, q->start, lives) ||
           starts_any(x, q->end, spots) ||
           (ends_any(x, q->start, pair_before) && starts_any(x, q->end, pair_after));
}

/* 二期工程, 3期项目: the phase of a project is its name; so is a single
 * numeral's phase glued to a facility (全民健身中心二期于9月建成, 枫岗二期
 * 标准厂房), where a count of sessions follows a verb (举办三期培训班). */
static bool phase_name(const ex *x, const quantity *q)
{
    if (strcmp(q->unit->surface, "期") != 0 || q->end != q->unit_end)
        return false;
    if (starts(x, q->end, "工程") || starts(x, q->end, "项目") || starts(x, q->end, "建设"))
        return true;
    const rp_number *nm = &q->num;
    uint32_t prev = rp_utf8_before(x->s, x->n, q->start);
    /* 一期住宅全部封顶,二期正在进行桩基施工: a phase may open its clause */
    bool opens = prev == 0 || is_clause_punct(prev) || prev == '\n';
    /* 康乐里一期、二期回迁小区: the next phase of a list of phases */
    bool after_noun = (rp_utf8_is_han(prev) && !rp_utf8_in("办展行织开了共计有出推训", prev)) ||
                      rp_utf8_ends(x->s, q->start, "期、");
    /* 扩建工程（二期）, 河西安置小区（幸福里2期）, 幸福里3期周边学校: a phase
     * closing a bracket or a name's phase before what lies around it */
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if ((next == ')' || next == 0xFF09 || starts(x, q->end, "周边")) &&
        (after_noun || prev == '(' || prev == 0xFF08) && nm->int_digits <= 2)
        return true;
    return nm->chinese && nm->single_digit && !starts(x, nm->start, "两") &&
           q->start == nm->start && (opens || after_noun) &&
           (rp_utf8_is_han(next) || (next >= '0' && next <= '9') || ((next | 0x20) >= 'a' && (next | 0x20) <= 'z')) &&
           !starts(x, q->end, "培训") &&
           !starts(x, q->end, "班");
}

/* 年产10万吨饲料项目, 日处理500吨污水处理厂工程: a capacity inside the
 * name of a project or plant is part of the name. */
static bool capacity_in_name(const ex *x, const quantity *q)
{
    static const char *const rates[] = {"年产", "年加工", "年处理", "年出栏", "年屠宰", "年存栏",
                                        "日产", "日处理", "日加工", NULL};
    static const char *const names[] = {"项目", "生产线", "工程", NULL};
    return ends_any(x, q->start, rates) && word_within(x, q->end, 14, names);
}

static bool is_length(const quantity *q)
{
    const char *u = q->unit->canonical;
    return strcmp(u, "公里") == 0 || strcmp(u, "千米") == 0 || strcmp(u, "米") == 0;
}

/* 2024澜埠半程马拉松暨5公里欢乐跑: the distance of a race is its name. */
static bool race_distance(const ex *x, const quantity *q)
{
    static const char *const races[] = {"欢乐跑", "健康跑", "迷你跑", "跑", "越野", "徒步",
                                        "健步走", "接力", "骑行", "定向", NULL};
    if (!is_length(q))
        return false;
    if (starts(x, q->end, "跑道"))
        return false; /* 新建5公里跑道: a track, not a race */
    for (size_t k = 0; races[k]; k++)
        if (starts(x, q->end, races[k]))
            return true;
    /* 半程马拉松（21.0975公里）: the race's distance in a note after it */
    return rp_utf8_ends(x->s, q->start, "马拉松(");
}

/* 檑山大峡谷离市区也就100公里, 距县城约30公里: how far a place lies, no
 * length of anything built (离 of 隔离带, 脱离 is no such word). */
static bool place_distance(const ex *x, const quantity *q)
{
    if (!is_length(q))
        return false;
    size_t j = q->start;
    for (int c = 0; c < 12 && j > x->clause_start; c++) {
        j = rp_utf8_prev(x->s, j);
        uint32_t cp = rp_utf8_at(x->s, x->n, j);
        if (cp == 0x8DDD /* 距 */ ||
            (cp == 0x79BB /* 离 */ && !rp_utf8_in("隔分脱剥撤远偏背游疏", rp_utf8_before(x->s, x->n, j))))
            return true;
        if (!rp_utf8_is_han(cp) && !(cp >= '0' && cp <= '9'))
            return false;
    }
    return false;
}

/* 积分满100分的农户, 满300分的还能评…, 唯一突破80万元的村: the bar a thing
 * reaches selects what qualifies; it counts nothing. So does a length of
 * time served to a bar (累计缴费满15年, 运营满一年). */
static bool bar_reached(const ex *x, const quantity *q)
{
    static const char *const words[] = {"圆满", "美满", "充满", "丰满", "饱满", "布满", "挤满",
                                        "坐满", "住满", "装满", NULL};
    bool full = rp_utf8_ends(x->s, q->start, "满") && !ends_any(x, q->start, words);
    if (full && (q->unit->flags & RP_UNIT_DURATION))
        return true;
    return (full || rp_utf8_ends(x->s, q->start, "突破")) && starts(x, q->end, "的");
}

/* `12333人社服务热线`, `96110反诈专线`: a service number of five or more
 * digits, ungrouped, named as a line in the words after it (a unit
 * character may start them: 人社). */
static bool hotline_number(const ex *x, const quantity *q)
{
    const rp_number *nm = &q->num;
    if (nm->chinese || nm->has_decimal || nm->int_digits < 5 ||
        memchr(x->s + nm->start, ',', nm->end - nm->start) != NULL)
        return false;
    static const char *const lines[] = {"热线", "专线", "电话", NULL};
    return word_within(x, nm->end, 8, lines);
}

/* `#党校动态86个`: a hashtag and the count of its posts, a label. */
static bool hashtag_count(const ex *x, const quantity *q)
{
    size_t j = x->clause_start;
    while (j < q->start && (x->s[j] == ' ' || x->s[j] == '\t'))
        j++;
    return j < q->start && x->s[j] == '#'; /* ＃ was folded to # */
}

/* 上述3个乡镇, 这两轮巡察: a demonstrative before a count points back at
 * things already counted. 第一轮巡察…第二轮巡察…。两轮巡察共反馈问题: a count
 * that opens its clause and names the same things as an ordinal earlier in
 * the text (第二轮巡察) refers to them; it is not a new count. */
/* The text before b ends with an ordinal's number: 第 and up to eight
 * digits (第二, 第12). */
static bool ordinal_number_before(const ex *x, size_t b)
{
    size_t digits = 0;
    while (b > 0 && digits < 8) {
        size_t pb = rp_utf8_prev(x->s, b);
        uint32_t cp = rp_utf8_at(x->s, x->n, pb);
        if (!rp_number_is_cn(cp) && !(cp >= '0' && cp <= '9'))
            break;
        b = pb;
        digits++;
    }
    return digits > 0 && rp_utf8_ends(x->s, b, "第");
}

/* 对第四轮、第五轮两轮巡察的整改情况: a count right after the ordinals it
 * sums up, in the same classifier, names them again. */
static bool after_own_ordinals(const ex *x, const quantity *q)
{
    const char *u = q->unit->surface;
    return rp_utf8_ends(x->s, q->start, u) && ordinal_number_before(x, q->start - strlen(u));
}

/* End of the two characters after q's unit when both are Han and no
 * numeral (the noun a count names: 个小区, 项补贴), else 0. */
static size_t counted_noun_end(const ex *x, const quantity *q)
{
    size_t e = q->end;
    for (int c = 0; c < 2; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, e, &l);
        if (!rp_utf8_is_han(cp) || rp_number_is_cn(cp))
            return 0;
        e += l;
    }
    return e;
}

static bool back_reference(const ex *x, const quantity *q)
{
    static const char *const dem[] = {"上述", "前述", "这", "这些", "此", NULL};
    for (size_t k = 0; dem[k]; k++)
        if (rp_utf8_ends(x->s, q->start, dem[k]))
            return true;
    if (q->unit_end == q->end && after_own_ordinals(x, q))
        return true;
    if (q->start != x->clause_start || q->unit_end != q->end || q->num.value < 2)
        return false;
    size_t noun_end = counted_noun_end(x, q); /* the unit and the two characters after it */
    if (noun_end == 0)
        return false;
    const char *needle = x->s + q->unit_start;
    size_t len = noun_end - q->unit_start;
    /* the last few paragraphs only: bounded work per count */
    size_t from = q->start > RP_BACKREF_WINDOW ? q->start - RP_BACKREF_WINDOW : 0;
    const char *end = x->s + q->start;
    for (const char *h = x->s + from; h + len <= end; h++) {
        if (!(h = rp_utf8_find(h, (size_t)(end - h), needle, len)))
            break;
        if (ordinal_number_before(x, (size_t)(h - x->s)))
            return true;
    }
    return false;
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
    if (nm->malformed || nm->digit_sequence)
        return true;
    if (!(q->unit->flags & RP_UNIT_CN_OK))
        return !(q->unit->flags & RP_UNIT_CN_MANY) || nm->single_digit || nm->bare_multiplier ||
               nm->end - nm->start < 6;
    if (nm->bare_multiplier)
        return q->approx == RP_APPROX_EXACT; /* 万余户, 近千人; not 百家, 千方百计 */
    /* 安全生产十五条措施, 二十条意见: a package of rules by its name */
    static const char *const rules[] = {"措施", "举措", "意见", "规定", "禁令", "铁律", "细则",
                                        "硬措施", "红线", "底线", NULL};
    /* 产业、就业、兜底三条腿走路: ways of working, walked on as legs */
    if (strcmp(q->unit->surface, "条") == 0 &&
        (word_within(x, q->end, 1, rules) || starts(x, q->end, "腿")))
        return true;
    /* 四位一体, 三位一体: parts made one, a name for a way of working */
    if (strcmp(q->unit->surface, "位") == 0 && starts(x, q->end, "一体"))
        return true;
    /* 老两口, 小两口: a couple, not two mouths to feed */
    static const char *const couple[] = {"老", "小", NULL};
    if (strcmp(q->unit->surface, "口") == 0 && nm->single_digit && ends_any(x, nm->start, couple))
        return true;
    if (nm->single_digit && (starts(x, nm->start, "仨") || starts(x, nm->start, "俩"))) {
        /* spoken counts, never slogans; 咱俩 他俩 娘俩 are pronouns */
        static const char *const pron[] = {"咱", "我", "你", "他", "她", "娘", "哥", "爷", "兄",
                                           "姐", "妹", "夫", "父", "母", "弟", NULL};
        return ends_any(x, nm->start, pron);
    }
    /* 镇党委定了一条：党建引领…: one thing, then what it is (引进项目三个：
     * then their names, is a count) */
    if (nm->single_digit && nm->value == 1 && (starts(x, q->end, "：") || starts(x, q->end, ":")))
        return true;
    if (nm->single_digit)
        return !single_digit_count(q) && !post_noun_count(x, q) && !existential_count(x, q) &&
               !listed_after_count(x, q) && !honour_count(x, q) && !list_restated(x, q) &&
               !counts_places(x, q) && !names_listed(x, q);
    return false;
}

/* 对连续2次抽检不合格的经营者: a run of times (连续) inside a 的 phrase
 * selects whom it is about. */
static bool de_in_clause(const ex *x, size_t j);

static bool run_selects(const ex *x, const quantity *q)
{
    return rp_utf8_ends(x->s, q->start, "连续") && de_in_clause(x, q->end);
}

/* The clause the quantity sits in ends in 的: it qualifies a subject
 * (连续2年被评定为五星级的, 党员不足3人的). */
static bool clause_ends_with_de(const ex *x, size_t j)
{
    size_t limit = j + 150;
    while (j < x->n && j < limit) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        /* `月销售额未超过10万元(以1个季度为…30万元)的,`: a note in brackets
         * right after the figure is passed over */
        if (cp == '(') {
            const char *close = memchr(x->s + j, ')', (x->n - j < 200 ? x->n - j : 200));
            if (close != NULL) {
                j = (size_t)(close - x->s) + 1;
                continue;
            }
        }
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
    /* 之间的; 在校 在职 在册 */
    /* 婴幼儿 婴儿 幼儿 孕 …: 0—3岁婴幼儿 */
    /* 80—89周岁11,946人, 90—99周岁每人每月300元: a band before the count
     * or the rate of those in it */
    if (next >= '0' && next <= '9')
        return true;
    /* 16至59周岁有就业意愿的: 有 opens what else those selected have */
    return rp_utf8_in("青党人干群老儿学妇职农村女男少中以及的、适育之在残孤留困婴幼孕每有", next);
}

/* 4米宽的土路, 10米长的, 3.5米宽通组道路: a size that describes the noun
 * after it (with 的; a width, height, depth or thickness also without). */
static bool size_attribute(const ex *x, const quantity *q, uint32_t next)
{
    if (next != 0x5BBD && next != 0x957F && next != 0x9AD8 && next != 0x6DF1 && next != 0x539A)
        return false; /* 宽 长 高 深 厚 */
    size_t l;
    rp_utf8_decode(x->s, x->n, q->end, &l);
    uint32_t after = rp_utf8_at(x->s, x->n, q->end + l);
    if (after == 0x7684) /* 的 */
        return true;
    static const char *const lengths[] = {"米", "厘米", "毫米", "公里", "千米", NULL};
    bool length = false;
    for (size_t k = 0; lengths[k] && !length; k++)
        length = strcmp(q->unit->surface, lengths[k]) == 0;
    return length && next != 0x957F && rp_utf8_is_han(after) && !rp_utf8_in("度了", after);
}

/* A comparison opens the words before the number in its clause
 * (`收入低于当地低保标准1.5倍的家庭`): with 的 after, a threshold. */
static bool compared_before(const ex *x, const quantity *q)
{
    /* two-character words only: unlike is_threshold's list, these are
     * sought anywhere in the clause, where a lone 超 may be 超市 */
    static const char *const cmp[] = {"低于", "高于", "不足", "不到", "超过", "少于", "多于", NULL};
    size_t j = q->start, chars = 0;
    while (j > 0 && chars < 24) {
        size_t p = rp_utf8_prev(x->s, j), l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, p, &l);
        if (is_clause_punct(cp) || cp == '\n' || cp == 0x3001 || (cp >= '0' && cp <= '9'))
            return false;
        for (size_t k = 0; cmp[k]; k++)
            if (starts(x, p, cmp[k]))
                return true;
        j = p;
        chars++;
    }
    return false;
}

/* `出生24小时内乙肝疫苗首针及时接种率97.3%`, `12个月内两次以上被查出…`: a
 * window of time that qualifies a figure or count later in its clause. (A
 * window alone, `5分钟内到达`, is a rule and stays, optional.) */
static bool window_qualifies(const ex *x, const quantity *q)
{
    if (!(q->unit->flags & RP_UNIT_DURATION))
        return false;
    size_t j = q->end;
    if (starts(x, j, "以内"))
        j += strlen("以内");
    else if (starts(x, j, "内"))
        j += strlen("内");
    else
        return false;
    for (int c = 0; c < 30 && j < x->n; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if ((cp >= '0' && cp <= '9') || rp_number_is_cn(cp)) /* 12个月内两次以上 */
            return true;
        if (is_clause_punct(cp) || cp == '\n')
            return false;
        j += l;
    }
    return false;
}

/* `收入低于1.2万元或低于…标准1.5倍的家庭`, `面积低于15平方米、月收入低于
 * 2,800元的家庭`: a bound joined by 或 or 、 to another bound, the two
 * selecting what 的 then names. True when a 的 follows j in its clause
 * (numbers allowed: the other bound has one). */
static bool de_in_clause(const ex *x, size_t j)
{
    for (size_t chars = 0; j < x->n && chars < 40; chars++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        bool in_number = cp == ',' && j > 0 && j + 1 < x->n && x->s[j - 1] >= '0' &&
                         x->s[j - 1] <= '9' && x->s[j + 1] >= '0' && x->s[j + 1] <= '9';
        if ((is_clause_punct(cp) && !in_number) || cp == '\n')
            return false; /* 2,800 is one number */
        if (cp == 0x7684)
            return true;
        j += l;
    }
    return false;
}

/* `仅有1名在编人员的有5个`: the words from j close a 的 phrase that is the
 * subject of 有 or 占, which selects what is counted after it. */
static bool de_phrase_before_you(const ex *x, size_t j)
{
    static const char *const verbs[] = {"有", "占", NULL};
    for (size_t c = 0, l; j < x->n && c < 20; j += l, c++) {
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == 0x7684) /* 的 */
            return starts_any(x, j + l, verbs);
        if (!rp_utf8_is_han(cp))
            return false;
    }
    return false;
}

/* `中小学校周边50米范围内的零售点`, `距村部3公里以内的农户`: a distance
 * that selects the places or people 的 then names. */
static bool distance_selects(const ex *x, const quantity *q)
{
    static const char *const lengths[] = {"米", "公里", "千米", NULL};
    static const char *const within[] = {"范围内", "范围以内", "以内", "之内", "内", NULL};
    bool length = false;
    for (size_t k = 0; lengths[k] && !length; k++)
        length = strcmp(q->unit->surface, lengths[k]) == 0;
    if (!length)
        return false;
    for (size_t k = 0; within[k]; k++)
        if (starts(x, q->end, within[k]))
            return starts(x, q->end + strlen(within[k]), "的");
    return false;
}

/* `YSP35.5型（15公斤装）`, `硬盒20支装`: the size of a pack, a product's
 * specification. */
static bool pack_size(const ex *x, const quantity *q)
{
    static const char *const units[] = {"公斤", "千克", "克", "斤", "升", "毫升", "支", "片",
                                        "粒", "袋", "包", "瓶", NULL};
    if (!starts(x, q->end, "装"))
        return false;
    uint32_t after = rp_utf8_at(x->s, x->n, q->end + strlen("装"));
    if (rp_utf8_is_han(after) && after != 0x7684) /* 装车, 装好: a verb; 装的 a pack */
        return false;
    for (size_t k = 0; units[k]; k++)
        if (strcmp(q->unit->surface, units[k]) == 0)
            return true;
    return false;
}

bool rp_ex_is_condition(const ex *x, const quantity *q)
{
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (size_attribute(x, q, next) || window_qualifies(x, q) || distance_selects(x, q) ||
        pack_size(x, q))
        return true;
    /* 地处海拔900多米的高寒山区: an altitude places, it reports nothing */
    if (rp_utf8_ends(x->s, q->start, "海拔"))
        return true;
    /* `日最高气温≥35℃`: a bound written as a sign defines, it does not report */
    uint32_t before = rp_utf8_before(x->s, x->n, q->start);
    if (before == 0x2265 || before == 0x2264 || before == '<' || before == '>' ||
        before == 0xFF1C || before == 0xFF1E)
        return true;
    if (strcmp(q->unit->kind, "age") == 0 && age_selects(next))
        return true; /* 18至35岁青年, 35岁、在外人才: an age that selects people */
    /* `普通高校毕业生放宽至24周岁`, `年满18周岁`: the age limit of a rule */
    static const char *const limits[] = {"放宽至", "放宽到", "年满", NULL};
    if (strcmp(q->unit->kind, "age") == 0 && ends_any(x, q->start, limits))
        return true;
    /* `覆盖92%以上的行政村`: a share of what is covered, not a bound */
    if (strcmp(q->unit->surface, "%") == 0 &&
        (rp_utf8_ends(x->s, q->start, "覆盖") || rp_utf8_ends(x->s, q->start, "占")))
        return false;
    /* `目前95%以上的股东户已开通账户`: a share opening its clause tells how
     * many of them; after a noun (负债率70%以上的企业) it selects */
    static const char *const now[] = {"目前", "现在", "当前", "如今", "现已", "全县", "全市",
                                      "全区", "全镇", "全乡", "全村", "全省", NULL};
    if (strcmp(q->unit->surface, "%") == 0 && (q->start == x->clause_start || ends_any(x, q->start, now)))
        return false;
    if (next == 0x7684 && (is_threshold_marker(x, q) || compared_before(x, q))) /* 的 */
        return true;
    if ((next == 0x6216 || next == 0x3001) && (is_threshold_marker(x, q) || compared_before(x, q)) &&
        de_in_clause(x, q->end)) /* 或 、 */
        return true;
    if (q->post != NULL && strcmp(q->post, "左右") != 0 &&
        (rp_utf8_is_han(next) || next == 0x3001 || (next >= '0' && next <= '9')))
        return true;
    if (de_phrase_before_you(x, q->end))
        return true;
    /* 出生后90天内办理参保登记的新生儿: a time limit that selects people */
    if (strcmp(q->unit->kind, "duration") == 0 && next == 0x5185 /* 内 */ &&
        de_in_clause(x, q->end + 3))
        return true;
    /* 剩下两名是在新疆打工的: 是…的 describes the ones counted */
    return next != 0x662F && clause_ends_with_de(x, q->end);
}

/* Start of the line holding byte i, looking back at most max bytes; NONE
 * when the line starts further back. */
static size_t line_start_of(const ex *x, size_t i, size_t max)
{
    size_t stop = i > max ? i - max : 0;
    while (i > stop && x->s[i - 1] != '\n')
        i--;
    return (i > 0 && x->s[i - 1] != '\n') ? NONE : i;
}

/* `100%⏎村集体经济收入达到10万元以上`: an infographic puts a figure alone on
 * its line and the label under it; a bound in the label (以上, 达到 …) is
 * what the figure counts, not a second figure. */
static bool label_bound(const ex *x, const quantity *q)
{
    if (q->post == NULL || strcmp(q->post, "左右") == 0)
        return false;
    size_t ls = line_start_of(x, q->start, 120); /* a label is short */
    if (ls == NONE || ls < 2)
        return false;
    size_t pe = ls - 1, ps = line_start_of(x, pe, 40); /* the figure's line, without its \n */
    if (ps == NONE)
        return false;
    while (ps < pe && (x->s[ps] == ' ' || x->s[ps] == '\t'))
        ps++;
    while (pe > ps && (x->s[pe - 1] == ' ' || x->s[pe - 1] == '\t' || x->s[pe - 1] == '\r'))
        pe--;
    if (ps == pe || !is_digit_at(x, ps))
        return false;
    size_t j = ps, other = 0;
    while (j < pe && other <= 4) { /* a number and at most a short unit */
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, pe, j, &l);
        if (!(cp >= '0' && cp <= '9') && cp != '.' && cp != ',')
            other++;
        j += l;
    }
    return other <= 4;
}

static bool has_semicolon(const ex *x, size_t a, size_t b)
{
    for (size_t j = a; j < b; j++)
        if (x->s[j] == ';' || (j + 3 <= b && memcmp(x->s + j, "\xEF\xBC\x9B", 3) == 0))
            return true; /* ; or ； */
    return false;
}

/* 日均超过1,000人次: 均 after a period or a head (日均, 人均, 户均, 亩均) is
 * an average, a level reported, not "each of them" */
static bool average(const ex *x, size_t at)
{
    return rp_utf8_ends(x->s, at, "均") &&
           rp_utf8_in("日月年周季时人户亩台平", rp_utf8_before(x->s, at - 3, at - 3));
}

/* A comparison after a count in the same clause is the threshold that
 * selects what was counted (5个乡镇...增幅不足10%, 11个村...全部超过30万元). */
static bool is_threshold(const ex *x, const quantity *q)
{
    static const char *const cmp[] = {"不足", "不到", "超过", "超", "低于", "高于", NULL};
    bool prior_count = x->nc > 0 && x->c[x->nc - 1].start >= x->clause_start;
    /* 仍有3个代表联络站活动开展不够经常,全年接待群众不足20人次: the
     * shortfalls a problem sentence counts are described, later in it, by
     * the bound they fall short of */
    /* ...members only: 还有一千来亩秸秆…离田率不足40% bounds no acre */
    if (!prior_count && x->nc > 0 && x->c[x->nc - 1].start >= x->sent_start &&
        is_count_unit(x->c[x->nc - 1].unit) &&
        !has_semicolon(x, x->c[x->nc - 1].start, q->start)) { /* 一是…；二是… are two */
        static const char *const still[] = {"仍有", "还有", "尚有", NULL};
        for (size_t k = 0; still[k] && !prior_count; k++)
            prior_count = rp_utf8_ends(x->s, x->c[x->nc - 1].start, still[k]);
    }
    if (q->post != NULL && strcmp(q->unit->kind, "age") == 0 && strcmp(q->post, "左右") != 0)
        return true; /* (近百名)书记年龄在60岁以上: an age bound selects people, it counts nothing */
    /* 还有5个村集体经济收入在15万元以下: 在 + a bound after a count selects */
    if (q->post != NULL && strcmp(q->post, "左右") != 0 && prior_count &&
        rp_utf8_ends(x->s, q->start, "在"))
        return true;
    if (rp_utf8_ends(x->s, q->start, "不等于"))
        return true; /* 分项之和可能不等于100%: no fact */
    /* 9个村在10万元上下徘徊: the level they hover about describes them */
    static const char *const hover[] = {"徘徊", "上下徘徊", "左右徘徊", "上下波动", NULL};
    if (starts_any(x, q->end, hover))
        return true;
    if (label_bound(x, q))
        return true;
    /* 仍有3个司法所仅有1名工作人员: what each of those counted has */
    static const char *const only[] = {"仅有", "只有", NULL};
    if (prior_count && ends_any(x, q->start, only))
        return true;
    uint32_t first = rp_utf8_at(x->s, x->n, q->start);
    /* 14个村…全部突破10万元: the bar all of those counted pass; after a
     * count alone, 突破 is a level reached */
    if (rp_utf8_ends(x->s, q->start, "突破") && prior_count) {
        static const char *const every[] = {"全部", "均", "都", "全都", NULL};
        return ends_any(x, q->start - strlen("突破"), every);
    }
    if (first != 0x4E0D && first != 0x8D85 && first != 0x4F4E && first != 0x9AD8)
        return false; /* 不 超 低 高 */
    bool comparison = false;
    for (size_t k = 0; cmp[k] && !comparison; k++)
        comparison = starts(x, q->start, cmp[k]);
    if (!comparison)
        return false;
    /* 麂子坳村、黄荆村得分低于80分: 低于, 高于 compare with a bar, which is
     * no value of what is compared (不足, 超过 may report one: 不足40名) */
    if (starts(x, q->start, "低于") || starts(x, q->start, "高于"))
        return true;
    /* 两个社区书记年龄超过六十岁: an age compared is a bound, as with 以上 */
    if (strcmp(q->unit->kind, "age") == 0 && rp_utf8_ends(x->s, q->start, "年龄"))
        return true;
    /* 部分乡镇卫生院公卫专干不足3人: a bound that some unnamed members fall
     * short of or exceed describes them; it counts nothing */
    static const char *const some[] = {"部分", "个别", "少数", "一些", "有的", NULL};
    /* ...but a rate is a level they report (个别农村学校参与率不足90%) */
    bool rate = strcmp(q->unit->surface, "%") == 0 && rp_utf8_ends(x->s, q->start, "率");
    size_t cs = x->clause_start; /* past an item's 一是/二是 */
    cs += rp_region_point_at(x->s, x->n, cs);
    /* 山区部分台区供电半径超过500米: the unnamed members may follow a place */
    if (!rate && contains_any(x, cs, q->start, some))
        return true;
    static const char *const all[] = {"全部", "均", "都", "全都", NULL};
    for (size_t k = 0; all[k]; k++)
        if (rp_utf8_ends(x->s, q->start, all[k]) && !average(x, q->start))
            return true;
    /* 帮助四百一十余名农民工追回欠薪超过1,100万元: the ones helped are
     * counted, then what was done for them all; no bar each one passes */
    static const char *const helped[] = {"帮助", "帮", "为", "给", "替", NULL};
    return prior_count && !ends_any(x, x->c[x->nc - 1].start, helped);
}

/* 计划 as the noun a result is measured against (完成年度计划的106%), the
 * schedule a thing is put on (列入计划逐步解决的62件), a planned sum or a
 * programme's name, not the verb of a plan. */
static bool plan_is_noun(const ex *x, size_t at)
{
    static const char *const before[] = {"完成", "原", "列入", "纳入", "按", "超", "占",
                                         NULL}; /* 秋种…占计划的82.4% */
    /* 完成年度计划的, 全年计划任务: the year's plan as a noun; 全年计划轮训
     * 农村党员8,000人次, 年度计划投入经费150万元: the plan's verb */
    size_t b = at;
    if (rp_utf8_ends(x->s, b, "年度") || rp_utf8_ends(x->s, b, "全年")) {
        b -= 6;
        static const char *const noun_after[] = {"的", "任务", "目标", "数", "，", "。", "、",
                                                 ",", NULL};
        for (size_t k = 0; noun_after[k]; k++)
            if (starts(x, at + strlen("计划"), noun_after[k]))
                return true;
        /* 年度计划确定的重点任务, 为年度计划投资的104.2%: what the plan set */
        size_t j = at + strlen("计划"), w = x->n - j < 9 ? x->n - j : 9;
        if (rp_utf8_find(x->s + j, w, "的", 3) != NULL)
            return true;
    }
    for (size_t k = 0; before[k]; k++)
        if (rp_utf8_ends(x->s, b, before[k]))
            return true;
    /* 计划总投资亿元以上项目47个: the planned sum, a project's attribute;
     * 营养改善计划覆盖学校58所: a programme by name, doing what it did */
    static const char *const after[] = {"总投资", "投资额", "总额", "覆盖", "惠及", "受益",
                                        "已", "内", "外", "任务数", "项目", "资金",
                                        "的", "\xE2\x80\x9D", /* ”: “春蕾计划”, a name */
                                        NULL}; /* 纳入…改造计划的两个片区 */
    for (size_t k = 0; after[k]; k++)
        if (starts(x, at + strlen("计划"), after[k]))
            return true;
    return false;
}

/* 目标 as what a result is measured against: 完成年度目标的32.6%,
 * 高于年初目标1.2个百分点. */
static bool goal_is_noun(const ex *x, size_t at)
{
    /* 目标人群筛查覆盖率, 目标群体: the people aimed at, not a goal */
    static const char *const after[] = {"人群", "群体", "对象", "客户", NULL};
    for (size_t k = 0; after[k]; k++)
        if (starts(x, at + strlen("目标"), after[k]))
            return true;
    static const char *const before[] = {"完成", "完成年度", "完成全年", "完成年初", "年初",
                                         "年度", "既定", "高于", "低于", "超过", "超出",
                                         "年初预期",
                                         /* 完成市下达目标任务的107.5%: a goal set from above */
                                         "下达", "考核", NULL};
    for (size_t k = 0; before[k]; k++)
        if (rp_utf8_ends(x->s, at, before[k]))
            return true;
    return false;
}

/* 拟 + verb as a modifier of the people or items it names (确定拟录用人员208名,
 * 拟任人选, 拟表彰对象), not the modal of a plan (拟开展…). */
static bool ni_modifies_noun(const ex *x, size_t at)
{
    static const char *const nouns[] = {"人员", "人选", "对象", "名单", "单位", "项目", NULL};
    size_t j = at + strlen("拟");
    for (int c = 0; c < 5 && j < x->n; c++) {
        for (size_t k = 0; nouns[k]; k++)
            if (starts(x, j, nouns[k]))
                return c >= 1;
        size_t l;
        if (!rp_utf8_is_han(rp_utf8_decode(x->s, x->n, j, &l)))
            return false;
        j += l;
    }
    return false;
}

/* What follows a word of the future when it is (将开展专项督查, 准备对各村
 * 开展…): an adverb, a preposition or a verb of work. */
static const char *const to_do[] = {"在", "于", "继续", "进一步", "全面", "持续", "重点",
                                    "开展", "启动", "实施", "组织", "推动", "加大", "选树",
                                    "举办", "召开", "陆续", "逐步", "适时", "压紧", "着力",
                                    "聚焦", "围绕", "坚持", "深化", "加强", "加快", "抓好",
                                    "做好", "完善", "推进", "建立", "力争", "确保", "扎实",
                                    "不断", "认真", "切实", "按照", "安排", "投入", "新建",
                                    "建设", "打造", "建成", "选派", "组建", "开发",
                                    "新增", "引进", "举行", "修建",
                                    "改造", "实现", "提升", "扩大", "增加", "招募",
                                    "吸纳", "培育", "创建", "对", "把", "拿出", "筹集",
                                    "募集", "出资", "设立", "达到", NULL};

/* 将 as the future modal (我们将在全市选树, 将开展专项督查), told from the
 * object marker (将闲置校舍改造为) by the adverb or verb that follows it. */
static bool future_jiang(const ex *x, size_t at)
{
    /* 还将 也将 仍将 即将: an adverb before it makes 将 the modal */
    static const char *const adverbs[] = {"还", "也", "仍", "亦", "均", "都", "即", NULL};
    if (ends_any(x, at, adverbs))
        return true;
    size_t j = at + strlen("将");
    if (starts_any(x, j, to_do))
        return true;
    /* 将再采购编织袋1万条: again, later; 将再生资源 moves an object */
    if (starts(x, j, "再") && !starts(x, j, "再生"))
        return true;
    /* 我局将以…为契机: the future; 将以上材料 将以往做法 move an object */
    static const char *const yi_words[] = {"以上", "以下", "以往", "以前", "以后", "以来", "以外",
                                           "以内", NULL};
    for (size_t k = 0; yi_words[k]; k++)
        if (starts(x, j, yi_words[k]))
            return false;
    return starts(x, j, "以");
}

enum { TARGET_NONE, TARGET_WORD, TARGET_MODAL };

/* 拟 closing a word (情景模拟, 虚拟, 草拟) is no modal. */
static bool ni_in_word(const ex *x, size_t at)
{
    static const char *const words[] = {"模", "虚", "草", "比", "仿", NULL};
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_ends(x->s, at, words[k]))
            return true;
    return false;
}

/* 力争 拟 and the future 将 govern the rest of their sentence (力争全年发展
 * 党员200名以上,覆盖率达到100%); 计划 预计 目标 预期, often nouns
 * (目标任务), only their clause. */
static int target_word_at(const ex *x, size_t at, uint32_t cp)
{
    static const char *const words[] = {"力争", "拟", "计划", "预计", "目标", "预期", NULL};
    if (cp == 0x5C06) /* 将 */
        return future_jiang(x, at) ? TARGET_MODAL : TARGET_NONE;
    if (cp == 0x6709) /* 今年有望突破40万元: an outcome expected, for its clause */
        return starts(x, at, "有望") ? TARGET_WORD : TARGET_NONE;
    if (cp == 0x51C6) { /* 准 */
        /* 还准备对各村开展两轮交叉检查: what one prepares to do (准备工作,
         * 准备了…物资 are the work and what was made ready) */
        size_t j = at + strlen("准备");
        return starts(x, at, "准备") && (starts_any(x, j, to_do) || starts(x, j, "再"))
                   ? TARGET_MODAL
                   : TARGET_NONE;
    }
    /* 力 拟 计 预 目: the first characters of the words */
    if (cp != 0x529B && cp != 0x8BA1 && cp != 0x9884 && cp != 0x76EE && cp != 0x62DF)
        return TARGET_NONE;
    for (size_t k = 0; words[k]; k++) {
        if (!starts(x, at, words[k]))
            continue;
        if (k == 2 && plan_is_noun(x, at))
            return TARGET_NONE;
        if ((k == 4 || (k == 5 && starts(x, at + strlen("预期"), "目标"))) &&
            goal_is_noun(x, at))
            return TARGET_NONE; /* 低于年初预期目标1.1个百分点 */
        if (k == 1 && (ni_modifies_noun(x, at) || ni_in_word(x, at)))
            return TARGET_NONE;
        return k < 2 ? TARGET_MODAL : TARGET_WORD;
    }
    return TARGET_NONE;
}

/* Only blanks, bullets or emoji between the sentence start and at. */
static bool opens_sentence(const ex *x, size_t at)
{
    for (size_t j = x->sent_start; j < at;) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (rp_utf8_is_han(cp) || (cp < 0x80 && cp != ' ' && cp != '\t'))
            return false;
        j += l;
    }
    return true;
}

/* 下一步, 明年, 今后 opening a sentence: what it says is still to be done. */
static bool future_opening(const ex *x, size_t at)
{
    static const char *const words[] = {"下一步", "下步", "明年", "今后", "新的一年", "新一年",
                                        "来年", NULL};
    if (!opens_sentence(x, at))
        return false;
    for (size_t k = 0; words[k]; k++)
        if (starts(x, at, words[k]))
            return true;
    return false;
}

/* `2025年，团县委计划发展新团员1,300名左右，新组建青年突击队10支以上`:
 * before the word only a time and a short actor, so it is the sentence's
 * main verb and every clause after it is planned. */
static bool verb_of_sentence(const ex *x, size_t at)
{
    size_t j = x->sent_start, chars = 0;
    bool timed = false;
    while (j < at) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == ',' || cp == 0xFF0C) {
            /* one comma, after a time (2025年，, 明年，) */
            bool year = rp_utf8_ends(x->s, j, "年") || rp_utf8_ends(x->s, j, "年度");
            if (timed || !year || rp_utf8_ends(x->s, j, "去年") || rp_utf8_ends(x->s, j, "上年"))
                return false;
            timed = true;
            chars = 0;
        } else if (rp_utf8_is_han(cp)) {
            chars++;
        } else if (timed || !(is_digit_at(x, j) || cp == ' ')) {
            return false; /* only the year's digits before the comma */
        }
        if (chars > 8)
            return false;
        j += l;
    }
    return timed;
}

/* 计划 预计 目标 预期 rule the whole sentence when they open it (计划新建农田
 * 3,000亩,新发展中药材500亩), are its main verb, or announce a list (预期目标是:
 * 增长6.5%左右,…); otherwise only their clause (is_target). */
static bool target_governs_sentence(const ex *x, size_t at)
{
    if (opens_sentence(x, at) || verb_of_sentence(x, at))
        return true;
    size_t j = at;
    for (int c = 0; c < 5 && j < x->n; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == ':')
            return true;
        if (is_clause_punct(cp) || cp == '\n')
            return false;
        j += l;
    }
    return false;
}

/* 镇防指要求各村:一要…二要对27座山塘水库…: what 要求 announces with a colon
 * is to be done, to the sentence's end. */
static bool directive_list(const ex *x, size_t at)
{
    static const char *const colons[] = {":", "：", NULL};
    return starts(x, at, "要求") && word_within(x, at + strlen("要求"), 8, colons);
}

/* 计划举办培训班12期，实际完成14期 / 已完成1期: a clause that opens on what
 * was done reports a fact, whatever the sentence planned before it. */
static bool done_opening(const ex *x, size_t at)
{
    static const char *const words[] = {"实际", "已完成", "已建成", "已经完成", "已举办",
                                        "已开展", "已投入", NULL};
    for (size_t j = x->clause_start; j < at; j++)
        if (x->s[j] != ' ' && x->s[j] != '\t')
            return false;
    for (size_t k = 0; words[k]; k++)
        if (starts(x, at, words[k]))
            return !starts(x, at, "实际上");
    return false;
}

/* Called by the scan at every 力 拟 将 下 明 今 新 来 计 预 目 要 准, and 实 已:
 * remembers a modal for is_target, or forgets it where a clause reports
 * what was done. */
void rp_ex_note_modal(ex *x, size_t at, uint32_t cp)
{
    if (cp == 0x5B9E || cp == 0x5DF2) { /* 实 已 */
        /* only after a plan's figure (计划…); 力争…，实际利用外资… stays a target */
        if (x->modal_at != NONE && x->modal_at >= x->sent_start &&
            starts(x, x->modal_at, "计划") && done_opening(x, at))
            x->modal_at = NONE;
        return;
    }
    if (cp == 0x8981) { /* 要 */
        if (directive_list(x, at))
            x->modal_at = at;
        return;
    }
    if (cp == 0x8BA1 || cp == 0x9884 || cp == 0x76EE) { /* 计 预 目 */
        if (target_word_at(x, at, cp) == TARGET_WORD && target_governs_sentence(x, at))
            x->modal_at = at;
        return;
    }
    if (cp == 0x4E0B || cp == 0x660E || cp == 0x4ECA || cp == 0x65B0 ||
        cp == 0x6765) { /* 下 明 今 新 来 */
        if (future_opening(x, at))
            x->modal_at = at;
        return;
    }
    if (target_word_at(x, at, cp) == TARGET_MODAL)
        x->modal_at = at;
}

/* `为年初预算1,240万元的103.7%`, a table's `调整预算数` column: the sum a
 * budget planned (what was spent and what share of the budget it is are
 * facts: `完成预算96.0%`). */
static bool budgeted(const ex *x, const quantity *q)
{
    if (strcmp(q->unit->kind, "money") != 0)
        return false;
    size_t b = q->start;
    if (rp_utf8_ends(x->s, b, "数"))
        b -= strlen("数");
    return rp_utf8_ends(x->s, b, "预算") && !rp_utf8_ends(x->s, b, "完成预算") &&
           !rp_utf8_ends(x->s, b, "追加预算");
}

/* Targets and plans are not results: 力争...突破1000万元, 预计每年增加4.7万元.
 * A modal earlier in the sentence was noted by the scan; the clause is
 * scanned once, incrementally, for the other words. */
static bool is_target(ex *x, const quantity *q)
{
    if (x->plan_section || budgeted(x, q))
        return true;
    if (x->modal_at != NONE && x->modal_at >= x->sent_start)
        return true;
    if (x->target_pos < x->clause_start) {
        x->target_pos = x->clause_start;
        x->target_found = false;
    }
    while (!x->target_found && x->target_pos < q->start) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, x->target_pos, &l);
        /* 计 预 目 有: the first characters of the words */
        if (cp == 0x8BA1 || cp == 0x9884 || cp == 0x76EE || cp == 0x6709)
            x->target_found = target_word_at(x, x->target_pos, cp) == TARGET_WORD;
        x->target_pos += l;
    }
    return x->target_found;
}

bool rp_ex_is_planned_or_bound(ex *x, const quantity *q)
{
    return rp_ex_is_condition(x, q) || is_threshold(x, q) || is_target(x, q);
}

/* 可 / 能 + a verb of reach (可满足周边3个乡镇…需求, 能辐射带动300户): what
 * the thing can do, not what it did. */
static bool can_reach(const ex *x, size_t at)
{
    static const char *const verbs[] = {"满足", "容纳", "供", "服务", "辐射", "覆盖", "带动",
                                        "吸纳", "接待", "安置", "惠及", "年产", "节约", "节省",
                                        "同时", NULL};
    size_t m = starts(x, at, "可以") ? 6 : starts(x, at, "能够") ? 6 : 3;
    for (size_t k = 0; verbs[k]; k++)
        if (starts(x, at + m, verbs[k]))
            return true;
    return false;
}

bool rp_ex_is_capacity(const ex *x, const quantity *q)
{
    /* 设计规模36个班, 设计供水规模2万吨/日: what a building is built for */
    static const char *const design[] = {"设计规模", "设计能力", "设计容量", "设计库容", NULL};
    if (ends_any(x, q->start, design))
        return true;
    size_t b = q->start;
    for (int k = 0; k < 3 && b > 0; k++) {
        b = rp_utf8_prev(x->s, b);
        if (starts(x, b, "容纳") || starts(x, b, "可供"))
            return true;
    }
    b = q->start;
    for (int k = 0; k < 10 && b > 0; k++) {
        b = rp_utf8_prev(x->s, b);
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, x->n, b, &l);
        if (is_clause_punct(cp) || cp == '\n' || (cp >= '0' && cp <= '9'))
            break;
        if ((cp == 0x53EF || cp == 0x80FD) && can_reach(x, b)) /* 可 能 */
            return true;
    }
    return false;
}

/* 一、 二十、: a top-level enumerated heading opens the line. */
static bool enumerated_heading(const ex *x, size_t i, size_t e)
{
    size_t j = i, digits = 0;
    while (j < e) {
        size_t l;
        uint32_t cp = rp_utf8_decode(x->s, e, j, &l);
        if (!rp_number_is_cn(cp))
            break;
        digits++;
        j += l;
    }
    return digits > 0 && digits <= 3 && starts(x, j, "、");
}

/* Whether the line t[0..n) holds any of the words. */
static bool line_has_any(const char *t, size_t n, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_find(t, n, words[k], strlen(words[k])) != NULL)
            return true;
    return false;
}

/* `围绕上述目标，重点抓好以下工作：`, `2025年将着力做好六个方面的工作：`: a
 * line that announces the work to come, a list of what is to be done
 * follows it (a review says 抓好了, or 一年来…抓好以下工作). */
static bool work_list_ahead(const ex *x, size_t i, size_t e)
{
    static const char *const directives[] = {"抓好", "做好", NULL};
    static const char *const ahead[] = {"目标", "将", "要", "明年", "下一步", "下步",
                                        "新的一年", NULL};
    static const char *const past[] = {"了", "以来", "一年来", "情况", NULL};
    const char *t = x->s + i;
    size_t n = e - i;
    if (!rp_utf8_ends(x->s, e, "：") && !(n > 0 && t[n - 1] == ':'))
        return false;
    return rp_utf8_find(t, n, "工作", strlen("工作")) != NULL && line_has_any(t, n, directives) &&
           line_has_any(t, n, ahead) && !line_has_any(t, n, past);
}

void rp_ex_note_paragraph(ex *x, size_t i)
{
    while (i < x->n && (x->s[i] == ' ' || x->s[i] == '\t'))
        i++;
    const char *nl = memchr(x->s + i, '\n', x->n - i);
    size_t e = nl ? (size_t)(nl - x->s) : x->n;
    /* an appendix (附表：…进度表, 附件2) closes the plan its report ends
     * with: what it tabulates is done */
    bool enumerated = enumerated_heading(x, i, e) || rp_utf8_starts(x->s, e, i, "附表") ||
                      rp_utf8_starts(x->s, e, i, "附件");
    if (e - i > 90 || e == i) { /* a heading is short: 30 characters at most */
        if (enumerated)
            x->plan_section = false;
        return;
    }
    /* a line with a stop is a sentence, not a heading: the ASCII stops
     * in one byte scan before any word is looked for */
    bool plan = true;
    for (size_t k = i; k < e && plan; k++) {
        char c = x->s[k];
        plan = c != ',' && c != ';' && c != '?' && c != '!' && c != ':';
    }
    /* 决算草案 accounts for the year past (县本级预算执行和决算草案审计情况) */
    static const char *const stops[] = {"。", "问题", "决算草案", NULL};
    static const char *const plans[] = {"工作安排", "打算", "工作计划", "工作思路", "下一步",
                                        "工作展望", "今后工作", "明年工作",
                                        "草案", NULL}; /* 二、2025年财政预算草案 */
    plan = plan && !line_has_any(x->s + i, e - i, stops) && line_has_any(x->s + i, e - i, plans);
    plan = plan || work_list_ahead(x, i, e);
    if (plan)
        x->plan_section = true;
    else if (enumerated)
        x->plan_section = false;
}

/* `按1美元兑7.1元`: an exchange rate states a price of money, no amount. */
static bool exchange_rate(const ex *x, const quantity *q)
{
    if (strcmp(q->unit->kind, "money") != 0)
        return false;
    /* 奖补资金50万元兑现到位, 兑付: a sum paid out, not a rate */
    bool pays = starts(x, q->end, "兑现") || starts(x, q->end, "兑付");
    return (starts(x, q->end, "兑") && !pays) || rp_utf8_ends(x->s, q->start, "兑") ||
           rp_utf8_ends(x->s, q->start, "兑换");
}

/* `HS编码8541.40、8541.43项下`: a count has no fraction, so a four-digit
 * number with decimals before a classifier of things counted is a code. */
static bool decimal_code(const quantity *q)
{
    const char *k = q->unit->kind;
    return q->num.has_decimal && q->num.int_digits >= 4 && !q->multiplied &&
           (strcmp(k, "item") == 0 || strcmp(k, "organisation") == 0 ||
            strcmp(k, "person") == 0 || strcmp(k, "household") == 0 || strcmp(k, "event") == 0);
}

/* `评定为四类、五类的桥梁`, `被确定为二类村`: a class something is rated
 * as names a grade, it counts no kinds. */
static bool rated_class(const ex *x, const quantity *q)
{
    static const char *const rated[] = {"为", "属于", "属", NULL};
    return strcmp(q->unit->surface, "类") == 0 && q->start == q->num.start &&
           ends_any(x, q->start, rated);
}

/* `以1个季度为1个纳税期`: a unit a rule defines, not a count. */
static bool defines_unit(const ex *x, const quantity *q)
{
    if (!rp_utf8_ends(x->s, q->start, "以"))
        return false;
    size_t j = q->end;
    for (int c = 0; c < 5 && j < x->n; c++) {
        if (starts(x, j, "为"))
            return j + 3 < x->n && (is_digit_at(x, j + 3) ||
                                    rp_number_is_cn(rp_utf8_at(x->s, x->n, j + 3)));
        size_t l;
        if (!rp_utf8_is_han(rp_utf8_decode(x->s, x->n, j, &l)))
            return false;
        j += l;
    }
    return false;
}

/* `季度销售额不超过30万元,还需要缴纳增值税吗?`: a bound in a question asks,
 * it reports nothing. */
static bool bound_in_question(const ex *x, const quantity *q)
{
    if (!is_threshold_marker(x, q))
        return false;
    for (size_t j = q->end, l; j < x->n && j < q->end + 300; j += l) {
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == '?' || cp == 0xFF1F) {
            /* 贷款超过10万元，是不是一定要找人担保？: an A-not-A question */
            static const char *const either[] = {"是不是", "有没有", "能不能", "要不要", "会不会",
                                                 "可不可以", "是否", NULL};
            for (size_t k = 0; either[k]; k++)
                if (rp_utf8_find(x->s + q->end, j - q->end, either[k], strlen(either[k])))
                    return true;
            return rp_utf8_ends(x->s, j, "吗") || rp_utf8_ends(x->s, j, "呢");
        }
        if (cp == 0x3002 || cp == '!' || cp == '\n')
            return false;
    }
    return false;
}

/* `轮流扒两口`, `喝两口`: bites and sips after a verb of eating. */
static bool bites(const ex *x, const quantity *q)
{
    return strcmp(q->unit->surface, "口") == 0 && q->num.chinese &&
           rp_utf8_in("吃喝扒尝咬抽吸", rp_utf8_before(x->s, x->n, q->start));
}

/* `我们村是其中一个`: one of those just named, no count. */
static bool one_of_them(const ex *x, const quantity *q)
{
    return q->num.value == 1 && strcmp(q->unit->surface, "个") == 0 &&
           rp_utf8_ends(x->s, q->start, "其中") && !rp_utf8_is_han(rp_utf8_at(x->s, x->n, q->end));
}

/* `合格率保留两位小数`: places of a decimal, no people. */
static bool decimal_places(const ex *x, const quantity *q)
{
    return strcmp(q->unit->surface, "位") == 0 && starts(x, q->end, "小数");
}

/* `驾驶人王某（52岁）`: an age in brackets after a person describes the
 * person, it reports nothing; so does `刘阿姨今年68岁`. */
static bool age_note(const ex *x, const quantity *q)
{
    if (strcmp(q->unit->surface, "岁") != 0 || q->start != q->num.start)
        return false;
    /* 刘阿姨今年68岁, 今年已103岁, 现年81岁, 享年96岁: one person's age */
    static const char *const now[] = {"今年", "今年已", "今年已经", "现年", "享年", "刚满",
                                      "今年满", NULL}; /* 今年刚满26岁 */
    if (ends_any(x, q->start, now) && q->approx == RP_APPROX_EXACT)
        return true;
    /* “我十八岁当兵…”, 他十六岁参军: the age at which one person did
     * something, in their story */
    uint32_t open = rp_utf8_before(x->s, x->n, q->start);
    if ((open == 0x6211 || open == 0x4ED6 || open == 0x5979) && q->approx == RP_APPROX_EXACT)
        return true; /* 我 他 她 */
    uint32_t close = rp_utf8_at(x->s, x->n, q->end);
    return open == '(' && close == ')';
}

/* Spoken counts of points made, not of things: `还有一个，就是大户`,
 * `经验就一条，…`. A single-character numeral with 个/条/点 closing its
 * clause, after nothing but 还有/再有/另外/最后, or after a word for a lesson
 * or reason and 就/只有/是. */
static bool discourse_count(const ex *x, const quantity *q)
{
    if (!q->num.single_digit || q->approx != RP_APPROX_EXACT)
        return false;
    const char *u = q->unit->surface;
    if (strcmp(u, "个") != 0 && strcmp(u, "条") != 0 && strcmp(u, "点") != 0)
        return false;
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    if (!is_clause_punct(next) && next != '\n' && next != 0)
        return false;
    static const char *const lead[] = {"还有", "再有", "另外", "另外还有", "最后", "最后还有", NULL};
    for (size_t k = 0; lead[k]; k++)
        if (q->start == x->clause_start + strlen(lead[k]) && starts(x, x->clause_start, lead[k]))
            return true;
    static const char *const link[] = {"就", "就是", "只有", "是", NULL};
    static const char *const lessons[] = {"经验", "办法", "原因", "理由", "道理", "体会", "诀窍", NULL};
    return ends_any(x, q->start, link) && contains_any(x, x->clause_start, q->start, lessons);
}

/* True when s[a..b) holds only Han characters (no break, figure or mark). */
static bool contains_han_only(const ex *x, size_t a, size_t b)
{
    for (size_t l; a < b; a += l)
        if (!rp_utf8_is_han(rp_utf8_decode(x->s, b, a, &l)))
            return false;
    return true;
}

/* 两个小区 said again and again in a speech (议一议两个小区…, 两个小区一共投了
 * …): a group the text has named, referred to by its size, no count reported
 * each time. A small count in Chinese numerals with its classifier and two
 * characters after it, recurring three times or more nearby. */
static bool repeated_group(const ex *x, const quantity *q)
{
    if (!q->num.chinese || q->num.value > 10 || q->unit_end != q->end)
        return false;
    size_t noun_end = counted_noun_end(x, q);
    if (noun_end == 0)
        return false;
    const char *needle = x->s + q->num.start;
    size_t len = noun_end - q->num.start, seen = 0;
    size_t from = q->start > RP_BACKREF_WINDOW ? q->start - RP_BACKREF_WINDOW : 0;
    size_t to = x->n - noun_end > RP_BACKREF_WINDOW ? noun_end + RP_BACKREF_WINDOW : x->n;
    const char *end = x->s + to;
    for (const char *h = x->s + from; h + len <= end && seen < 3; h += len) {
        if (!(h = rp_utf8_find(h, (size_t)(end - h), needle, len)))
            break;
        seen++;
    }
    return seen >= 3;
}

/* 见一辆劝离一辆, 成熟一个发展一个: one of a kind set against one more of
 * it, a way of working, not a count. */
static bool one_for_one(const ex *x, const quantity *q)
{
    if (!q->num.single_digit || q->num.value != 1 || q->unit_end != q->end ||
        !starts(x, q->num.start, "一"))
        return false;
    size_t ul = q->end - q->unit_start;
    char pair[16];
    if (ul + 3 > sizeof pair - 1)
        return false;
    memcpy(pair, "一", 3);
    memcpy(pair + 3, x->s + q->unit_start, ul);
    pair[ul + 3] = '\0';
    size_t pl = ul + 3;
    for (size_t gap = 3; gap <= 12; gap += 3) { /* one to four characters between */
        if (q->end + gap + pl <= x->n && memcmp(x->s + q->end + gap, pair, pl) == 0 &&
            contains_han_only(x, q->end, q->end + gap))
            return true;
        if (q->num.start >= gap + pl && memcmp(x->s + q->num.start - gap - pl, pair, pl) == 0 &&
            contains_han_only(x, q->num.start - gap, q->num.start))
            return true;
    }
    return false;
}

/* 二次供水, 二次污染: 二次 before a noun or verb is a term, never a count
 * (two times is 两次). */
static bool second_term(const ex *x, const quantity *q)
{
    uint32_t next = rp_utf8_at(x->s, x->n, q->end);
    return q->num.single_digit && q->num.value == 2 && starts(x, q->num.start, "二") &&
           q->unit_end == q->end && strcmp(q->unit->surface, "次") == 0 &&
           rp_utf8_is_han(next) && !rp_utf8_in("以左多余上下", next);
}

/* 十一户，不对，我说错了，是十二户: a figure the speaker takes back at once. */
static bool retracted(const ex *x, const quantity *q)
{
    size_t j = q->end;
    for (int k = 0; k < 4 && j < x->n; k++) {
        if (x->s[j] == ',' || x->s[j] == ' ')
            j++;
        else if (starts(x, j, "，") || starts(x, j, "…") || starts(x, j, "、"))
            j += 3;
        else
            break;
    }
    static const char *const back[] = {"说错", "口误", NULL}; /* 说错了 too */
    if (starts_any(x, j, back))
        return true;
    if (!starts(x, j, "不对"))
        return false;
    uint32_t after = rp_utf8_at(x->s, x->n, j + 6);
    return is_clause_punct(after) || after == 0x2026 || after == 0;
}

bool rp_ex_rejected(ex *x, const quantity *q)
{
    return x->quote > 0 || rp_ex_identifier_shape(x, q) || ordinal_or_date_part(x, q) ||
           run_selects(x, q) ||
           chinese_not_count(x, q) || back_reference(x, q) || hashtag_count(x, q) ||
           phase_name(x, q) || capacity_in_name(x, q) || race_distance(x, q) || place_distance(x, q) ||
           taken_as(x, q) || discourse_count(x, q) || repeated_group(x, q) || one_for_one(x, q) ||
           second_term(x, q) || retracted(x, q) ||
           exchange_rate(x, q) || decimal_code(q) || rated_class(x, q) || bar_reached(x, q) ||
           hotline_number(x, q) || village_group(x, q) || building_address(x, q) || rank_move(x, q) ||
           band_edge(x, q) || listed_qualifier(x, q) || defines_unit(x, q) ||
           decimal_places(x, q) || one_of_them(x, q) || bites(x, q) || bound_in_question(x, q) || age_note(x, q) ||
           year_not_duration(x, q) || duration_adverb(x, q) || first_part_of_period(x, q) ||
           rp_ex_is_condition(x, q) || is_threshold(x, q) || is_target(x, q);
}
