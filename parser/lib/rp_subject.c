/* rp_subject: see rp_subject.h. */
#include "rp_subject.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "rp_period.h"
#include "rp_region.h"
#include "rp_utf8.h"

#define MAX_AFTER_CHARS 16
#define MAX_BEFORE_CHARS 24

/* Words that end a noun phrase after the classifier (once it has two
 * characters): the verb of the clause usually starts here. */
static const char *const after_stops[] = {
    "组成", "建立", "参加", "参与", "用于", "进行", "开展", "签订", "担任", "配备", "申请", "成为",
    "被", "颁发", "具备", "入选", "荣获", "分别", "认领", "主动", "共同", "成功", "作为", "纳入",
    "落实", "解决", "进入", "获得", "实现", "完成", "达到", "接受", "提供", "负责", "覆盖", "到",
    "在", "于", "与", "和", "中共", "中有", "通过", "已", "均", "全部", "陆续", "先后", "累计",
    "跨", "合作", "配发", "组建", "设立", "建成", "打造", "帮助", "分布", "免费", "入驻",
    "进驻", "来自", "报名", "由于", "连续", "专程", "户均", "人均", "村均", "拿出", "入场",
    "进场", "参会", "到场", "达成", "办理", "的", "共接待", "共计", "共有",
    /* 6家单位报到后, 326名高层次人才享受该政策, 32名教师党员开设…: the
     * clause's verb after the noun */
    "报到", "享受", "开设",
    /* 8.7%的受访企业反映…, 43.6%的受访干部认为…: a view reported */
    "反映", "认为", "表示", NULL};

/* Second characters that make 有 part of a word (有效 有关 有序 …), not the
 * verb of being before a noun. */
#define EXISTENTIAL_WORDS "效关序机力益利限偿名害线形色意的些所望助待毒"

static const char *const lead_trims[] = {
    "今年以来", "去年以来", "近年来", "换届以来", "今年", "去年", "目前", "其中", "累计", "共计",
    "共有", "先后", "全年", "同时", "此外", "已经", "已有", "已", "共", "还有", "仍有", "尚有",
    "还", "仍", "尚", "并", "又", "均",
    "都", "再", "将", "对", "为", "全区", "全市", "全省", "全县", "全镇", "全乡", "全村", "全街道", "全社区", "各级", "年以来", "年底",
    "年内", "年初", "年末", "年来", "以来", "年", "月底", "月末", "月", "日", "每年", "每月", "每季度", "每半年", "及时",
    "积极", "主动", "逐步", "进一步", "不断", "持续", "全部", "专门", "分别", "间", "来", "各类",
    "各项", "咱们", "我们",
    /* 虽然有43个，但还有9个村: the conjunctions of a concession */
    "虽然", "但是", "但", "可是",
    /* 按可比口径较2019年同期增长: the basis of a comparison names nothing */
    "按可比口径", "按可比价格计算", "按可比价计算", "按可比价",
    /* a speaker's hedges and sums: 差不多一天有一百来人, 一共发放… */
    "差不多", "大概", "大约", "一共", "总共", NULL};

static const char *const tail_trims[] = {
    "达到", "共计", "合计", "总计", "累计", "约", "近", "超过", "超", "逾", "达", "有", "计", "为",
    "的", "是", "了", "分别", "至少", "不少于", "不足", "不到", "一共", "共", "各", "等", "和", "与",
    "中", "在", "对", "向", "将", "到", "至", "由上年", "从上年", "由去年", "从去年",
    /* 损耗率由去年同期的14.6%: the base's time */
    "由去年同期", "由上年同期", "从去年同期", "从上年同期", "由年初", "从年初", "从", "由",
    "由原来", "从原来", /* 水质指标由原来的106项调整为97项 */
    "已有", "已", "仅", "只", "折合", "折价", "虽然", "虽",
    /* 实际处理量稳定在120吨/日: the verb before 在 */
    "稳定", "保持", "维持", "控制",
    /* 60岁以上的防疫员仍有41名: the adverb before 有 */
    "仍", "尚", "还",
    /* 外出务工的差不多有两千多人: a speaker's hedge */
    "差不多", "大概", "大约", "将近",
    /* 菥冲镇以628场次位列第1名: the means a rank is won by */
    "以", NULL};

/* An after-phrase starting with these is a predicate, not a noun. */
static const char *const verb_starts[] = {"以", "不", "有", "没", "被", "为", "用于", "用来", "保障",
                                          "支持", "已", "正在", "均", "都", "全部", "共", "先后",
                                          "分别", "陆续", "将", "并", "且", "种植", "养殖",
                                          "增收", "务工", "就业", "连续", "专程",
                                          /* 由316件下降到87件: a change, not a noun */
                                          "下降", "增长", "提高", "减少", "增加", "提升",
                                          "降低", "上升",
                                          /* 以628场次位列第1名: a rank, not a noun */
                                          "位列", "名列", "排名", "排在", "居全", NULL};

/* Words that start with a preposition or adverb character but modify a
 * noun: 1.2万名在职党员, 8家共建单位 (在, 共 are not the predicate here). */
static const char *const modifier_words[] = {"在职", "在岗", "在册", "在编", "在校", "在读",
                                             "共建", "共享", "共治",
                                             /* 中 opens nouns too: 48所中小学校 */
                                             "中小学", "中学", "中心", "中医", "中药", "中青年",
                                             "中老年", "中职", "中级", "中型", "中小企业", NULL};

/* Verbs of change after a comparison base: 比上年增长, 较常年偏多. */
static const char *const comparison_verbs[] = {"增长", "提高", "提升", "下降", "减少", "增加",
                                               "降低", "上升", "增幅", "净增", "净减", "高出",
                                               "低出", "多出", "缩短", "延长", "偏多", "偏少",
                                               "偏高", "偏低", NULL};

/* Verbs of change (提高到 ...): see rp_subject_is_change_verb. */
static const char *const change_verbs[] = {"提高", "增长", "下降", "增加", "减少", "提升",
                                           "降低", "上升", "扩大", "缩小", "净增", "净减",
                                           "高出", "低出", "多出", "缩短", "延长", "偏多",
                                           "偏少", "偏高", "偏低", NULL};

/* Verbs after which a figure is the thing's new level, not a change of it
 * (班线由每天4班加密到12班, 补贴由每月300元调整为350元). */
static const char *const level_verbs[] = {"加密", "调整", NULL};

/* Nouns of money: a before-phrase holding one names what was spent. */
static const char *const money_nouns[] = {"费", "资金", "经费", "款", "金", "补贴", "补助", "投资",
                                          "收入", "额", "奖", "资", NULL};

/* Verbs that act on what is counted (举办集中培训118期, 摸排新业态企业532家,
 * 划拨党费65.8万元): the counted thing is the words after the last of them.
 * Verbs that make the count (培训 参与 接待 服务 ...) are not here. */
static const char *const action_verbs[] = {
    "发展", "举办", "划拨", "摸排", "成立", "组建", "培育", "开展", "推动", "评定", "打造", "建成",
    "建立", "选派", "选聘", "招募", "设立", "吸纳", "新建", "评选", "命名", "认定", "创建", "排查",
    "征集", "发放", "争取", "筹集", "开设", "印发", "制定", "出台", "编印", "推出", "撬动", "投入",
    "遴选", "开发", "选树", "表彰", "收集", "梳理", "下达", "拨付", "安排", "整合", "聘请", "购置",
    "配备", "推荐", "递交", "储备", "实施", "改扩建", "制作", "确定", "登记", "认领", "划分",
    "纠正", "吸引", "邀请", NULL};

/* Verbs that build or add to a stock, and the conjunctions that pair them
 * (新增投放AED, 新建和改造村级综合服务社): rp_subject_counted drops them. */
static const char *const addition_verbs[] = {"新增", "新投放", "投放", "新建", "新装", "安装",
                                             "建成", "增设", "新设", "改造", "改建", "扩建",
                                             "和", "及", NULL};

/* Verbs after an amount that introduce its purpose: 300万元用于... */
static const char *const purpose_verbs[] = {"用于", "用来", "保障", "支持", "为", NULL};
/* verbs that make the people they count act (帮助62人实现就业) */
static const char *const causative_verbs[] = {"帮助", "带动", "吸纳", "动员", "引导", "鼓励",
                                              "推动", "促进", NULL};

static bool is_digit(uint32_t cp) { return cp >= '0' && cp <= '9'; }

static bool ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static void drop_code_list(const char *s, size_t a, size_t *b);
static void drop_trailing_period(const char *s, size_t a, size_t *b);

static bool is_boundary(uint32_t cp)
{
    return cp == ',' || cp == ';' || cp == ':' || cp == '!' || cp == '?' || cp == '\n' ||
           cp == 0x3002 || cp == 0x3001 || cp == 0 || cp == '.' || cp == 0x2026 ||
           cp == 0x3011; /* 】 closes a bulletin item's lead label */
}

/* First code points of every entry of the word lists: match_any runs at
 * every character of a phrase, and most characters start no entry. */
static rp_cset list_firsts, list_lasts;
static rp_cset action_firsts; /* first code points of action_verbs: kept apart,
                               * the scan for them runs at every character */
static pthread_once_t firsts_once = PTHREAD_ONCE_INIT;
static atomic_bool firsts_ready;

/* match_any runs at every character of a phrase: skip the libc call once
 * the sets are known to be built. */
static void firsts_ready_wait(void);

static void add_firsts(const char *const *list)
{
    for (size_t k = 0; list[k]; k++) {
        char first[5] = {0}, last[5] = {0};
        size_t l, n = strlen(list[k]);
        rp_utf8_decode(list[k], n, 0, &l);
        memcpy(first, list[k], l);
        rp_cset_add(&list_firsts, first);
        size_t p = rp_utf8_prev(list[k], n);
        memcpy(last, list[k] + p, n - p);
        rp_cset_add(&list_lasts, last);
    }
}

static void firsts_build(void)
{
    add_firsts(after_stops);
    add_firsts(lead_trims);
    add_firsts(tail_trims);
    add_firsts(verb_starts);
    add_firsts(money_nouns);
    add_firsts(purpose_verbs);
    add_firsts(comparison_verbs);
    add_firsts(change_verbs);
    add_firsts(level_verbs);
    add_firsts(modifier_words);
    add_firsts(addition_verbs);
    for (size_t k = 0; action_verbs[k]; k++) {
        char first[5] = {0};
        size_t l;
        rp_utf8_decode(action_verbs[k], strlen(action_verbs[k]), 0, &l);
        memcpy(first, action_verbs[k], l);
        rp_cset_add(&action_firsts, first);
    }
}

static void firsts_ready_wait(void)
{
    if (!atomic_load_explicit(&firsts_ready, memory_order_acquire)) {
        pthread_once(&firsts_once, firsts_build);
        atomic_store_explicit(&firsts_ready, true, memory_order_release);
    }
}

static size_t match_any(const char *s, size_t n, size_t i, const char *const *list)
{
    if (i + 3 > n)
        return 0;
    firsts_ready_wait();
    size_t cl;
    if (!rp_cset_has(&list_firsts, rp_utf8_decode(s, n, i, &cl)))
        return 0;
    for (size_t k = 0; list[k]; k++) {
        /* all entries are CJK: compare the distinguishing third byte first */
        if (list[k][2] != s[i + 2] || list[k][1] != s[i + 1])
            continue;
        size_t l = strlen(list[k]);
        if (n - i >= l && memcmp(s + i, list[k], l) == 0)
            return l;
    }
    return 0;
}

static size_t match_any_end(const char *s, size_t a, size_t b, const char *const *list)
{
    if (b < a + 3)
        return 0;
    firsts_ready_wait();
    size_t p = rp_utf8_prev(s, b), cl;
    if (!rp_cset_has(&list_lasts, rp_utf8_decode(s, b, p, &cl)))
        return 0;
    for (size_t k = 0; list[k]; k++) {
        size_t l = strlen(list[k]);
        if (list[k][l - 1] != s[b - 1])
            continue;
        if (b - a >= l && memcmp(s + b - l, list[k], l) == 0)
            return l;
    }
    return 0;
}

/* A trailing function word to trim from s[a..b), its length; a character
 * that closes a word (结对 配对 行为 作为 集中 存在 甚至) stays. */
static size_t tail_trim(const char *s, size_t a, size_t b)
{
    static const char *const words[] = {"结对", "配对", "比对", "应对", "面对", "核对", "针对",
                                        "相对", "反对", "绝对", "行为", "作为", "认为", "成为",
                                        "因为", "称为", "视为", "集中", "其中", "初中", "高中",
                                        "存在", "现在", "所在", "实在", "甚至", "以至", "截至",
                                        "签约", "节约", "预约", "就近", "附近", "最近",
                                        "方向", "导向", "意向", "走向", "动向", "倾向", "取向",
                                        "志向", "流向", NULL};
    size_t t = match_any_end(s, a, b, tail_trims);
    /* 班线由每天4班加密到12班, 猪肉价格由每斤12元: the rate the base is given in */
    if (t == 0 && b - a >= 12 && (memcmp(s + b - 9, "由每", 6) == 0 || memcmp(s + b - 9, "从每", 6) == 0))
        return 9;
    if (t == 3 && b - a >= 6)
        for (size_t k = 0; words[k]; k++)
            if (memcmp(s + b - 6, words[k], 6) == 0)
                return 0;
    /* 一般公共预算支出完成18.63亿元: the verb between a name of three
     * characters or more and its amount (not 已完成, 累计完成) */
    if (t == 0 && b - a >= 15 && memcmp(s + b - 6, "完成", 6) == 0 &&
        match_any_end(s, a, b - 6, tail_trims) == 0 && memcmp(s + b - 9, "已", 3) != 0)
        return 6;
    return t;
}

/* Verbs that count what they act on (接待 群众, 发现 问题): an adverb of a
 * total before them (共 一共 累计 共计) names nothing. */
static const char *const counting_verbs[] = {"接待", "发现", "拨付", "开展", "举办", "完成", "组织",
                                        "收到", "受理", "办理", "培训", "发放", "投入", "走访",
                                        "排查", "查处", "服务", "帮助", "解决", "调解", "慰问",
                                        "召开", "收集", "征集", "整改", "处理", "接收", "审结",
                                        "提供", "带动", "吸纳", "安置", "救助", "检查", "新增",
                                        NULL};

static bool counting_verb_at(const char *s, size_t b, size_t j)
{
    for (size_t k = 0; counting_verbs[k]; k++)
        if (rp_utf8_starts(s, b, j, counting_verbs[k]))
            return true;
    return false;
}

/* 共 as an adverb before the verb that counts (两馆共接待群众, 考核共发现问题),
 * not 共 of 公共 共建 共话 稻虾共作. */
static bool adverb_gong(const char *s, size_t a, size_t b, size_t j)
{
    if (j < a + 3 || !rp_utf8_starts(s, b, j, "共"))
        return false;
    static const char *const words[] = {"公", "中", "总", "一", NULL}; /* 公共服务, 中共, 一共 */
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_starts(s, b, j - 3, words[k]))
            return false;
    return counting_verb_at(s, b, j + 3);
}

/* A bracketed gloss inside the words (`比2018年末(第四次全国经济普查,下同)增加`,
 * `汛期(4—9月)降水量`): a note with a comma, a colon or 下同, or the months
 * it spans, explains, it does not name. Returns the note's length at j, 0 if
 * there is none. */
static size_t gloss_at(const char *s, size_t j, size_t b)
{
    if (s[j] != '(')
        return 0;
    bool gloss = false, digit = false, month = false;
    for (size_t k = j + 1; k < b; k++) {
        if (s[k] == '(')
            return 0;
        if (s[k] == ')')
            return gloss || (digit && month) ? k + 1 - j : 0;
        gloss = gloss || s[k] == ',' || s[k] == ':' || rp_utf8_starts(s, b, k, "下同");
        digit = digit || (s[k] >= '0' && s[k] <= '9');
        month = month || rp_utf8_starts(s, b, k, "月");
    }
    return 0;
}

/* Copies the words s[a..b) to out, leaving out what names nothing: 全年
 * or 今年 inside them (诉讼服务中心全年接待群众 is the series 诉讼服务中心接待群众:
 * the year is the report's period), glosses, note marks and an adverb 共. */
static void copy_out(const char *s, size_t a, size_t b, char *out, size_t cap)
{
    size_t o = 0;
    /* a phrase cut short inside a number (12348公共法律服务热线…): the
     * number's tail is no word */
    while (a > 0 && a < b && s[a - 1] >= '0' && s[a - 1] <= '9' && s[a] >= '0' && s[a] <= '9')
        a++;
    for (size_t j = a; j < b;) {
        size_t l;
        if (j > a && j + 6 < b &&
            (rp_utf8_starts(s, b, j, "全年") || rp_utf8_starts(s, b, j, "今年"))) {
            j += 6; /* 今年以来 too: the period, not the name */
            if (j + 6 < b && rp_utf8_starts(s, b, j, "以来"))
                j += 6;
            continue;
        }
        size_t g = j > a ? gloss_at(s, j, b) : 0;
        if (g > 0 && j + g < b) {
            j += g;
            continue;
        }
        uint32_t cp = rp_utf8_decode(s, b, j, &l);
        if (cp >= 0x2460 && cp <= 0x2473 && j > a) { /* a note mark: 其他行业② */
            j += l;
            continue;
        }
        /* 合  计: a letter-spaced table label reads as one word */
        if (cp == ' ' && j > a && rp_utf8_is_han(rp_utf8_before(s, b, j)) &&
            rp_utf8_is_han(rp_utf8_at(s, b, j + 1))) {
            j += l;
            continue;
        }
        if (j > a && j + 3 < b && adverb_gong(s, a, b, j)) {
            j += 3;
            continue;
        }
        /* 城区一共新增学位, 景区累计接待游客: adverbs of a total before the
         * verb that counts (累计降雨量 keeps its noun) */
        if (j > a && j + 6 < b &&
            (rp_utf8_starts(s, b, j, "一共") || rp_utf8_starts(s, b, j, "累计") ||
             rp_utf8_starts(s, b, j, "共计")) &&
            counting_verb_at(s, b, j + 6)) {
            j += 6;
            continue;
        }
        if (o + l >= cap)
            break; /* keep whole characters */
        memcpy(out + o, s + j, l);
        o += l;
        j += l;
    }
    out[o] = '\0';
}

/* The noun phrase after the measure, as [*a, *b). */
/* s[i..j) is one bracketed note: the '(' at i closes only at j - 1. */
static bool whole_note(const char *s, size_t i, size_t j)
{
    int depth = 0;
    for (size_t k = i; k < j; k++) {
        depth += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
        if (depth == 0)
            return k == j - 1;
    }
    return false;
}

/* 向 as the preposition of the clause's verb (48所中小学校向社会开放), not
 * the second character of a noun (方向, 导向, 意向, 走向 ...). */
static bool toward(const char *s, size_t n, size_t j)
{
    return rp_utf8_starts(s, n, j, "向") &&
           !rp_utf8_in("方导志意走动倾取纵横定流风", rp_utf8_before(s, n, j));
}

/* `A级`, `AAAA级` at j: a grade in capitals (28家A级旅游景区); its bytes
 * before 级, else 0. */
static size_t grade_letters(const char *s, size_t n, size_t j)
{
    size_t k = j;
    while (k < n && k - j < 5 && s[k] >= 'A' && s[k] <= 'Z')
        k++;
    return k > j && rp_utf8_starts(s, n, k, "级") ? k - j : 0;
}

static bool after_phrase(const char *s, size_t n, size_t i, size_t min_chars, int verb_ok,
                         size_t *a, size_t *b)
{
    size_t j = i, chars = 0, g;
    int paren = 0, quote = 0;
    uint32_t first = rp_utf8_at(s, n, j);
    if (!(rp_utf8_is_han(first) || first == 0x201C || first == '(' || first == 0x300A ||
          grade_letters(s, n, j) > 0))
        return false;
    /* verb_ok > 1: the words after are known to be a noun (为37名就业困难人员) */
    bool modifier = verb_ok > 1 || match_any(s, n, j, modifier_words) > 0;
    if (!modifier && (match_any(s, n, j, tail_trims) || match_any(s, n, j, verb_starts)))
        return false;
    /* 43人参加, 153名分布在…: a phrase that opens with the clause's verb
     * names nothing when words before the number do (one-character stops
     * such as 在 到 are handled above) */
    if (!modifier && !verb_ok && match_any(s, n, j, after_stops) >= 6)
        return false;
    while (j < n && chars < MAX_AFTER_CHARS) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (cp == '(' ) paren++;
        else if (cp == ')') { if (paren == 0) break; paren--; }
        else if (cp == 0x201C) quote++;
        else if (cp == 0x201D) { if (quote > 0) quote--; }
        else if (cp == 0x300A && chars > 0) break;
        else if (is_digit(cp) || (paren == 0 && quote == 0 && is_boundary(cp))) break;
        else if (paren == 0 && quote == 0 && chars >= 1 && match_any(s, n, j, after_stops)) break;
        else if (paren == 0 && quote == 0 && chars >= 2 &&
                 (toward(s, n, j) || rp_utf8_starts(s, n, j, "签约")))
            break; /* 项目签约半年以上; not 未签约 */
        else if ((g = grade_letters(s, n, j)) > 0) l = g;
        else if (!rp_utf8_is_han(cp) && cp != 0x300B && cp != 0x3001) break;
        j += l;
        chars++;
    }
    if (paren > 0)
        return false; /* 3期(第56期至第58期): a note, not a noun */
    /* 6,180人乐鱼体育app: a brand glued after the figure is spam, no noun */
    if (j < n && s[j] >= 'a' && s[j] <= 'z' && chars <= 4)
        return false;
    if (first == '(' && j > i && s[j - 1] == ')' && whole_note(s, i, j))
        return false; /* 2名(刘春燕、赵磊): the names, not what is counted */
    *a = i;
    *b = j;
    while (*b > *a) {
        size_t t = tail_trim(s, *a, *b);
        if (t == 0 || *b - t == *a)
            break;
        *b -= t;
    }
    return chars >= min_chars;
}

static void after_last_deng(const char *s, size_t *a, size_t b);
static void after_last_de(const char *s, size_t *a, size_t *b);
static void drop_trailing_note(const char *s, size_t a, size_t *b);
static void after_existential(const char *s, size_t *a, size_t b);

/* Past the figures at j: Arabic digits, or Chinese digits and 十 (一, 十二). */
static size_t past_date_figures(const char *s, size_t b, size_t j)
{
    size_t l;
    while (j < b && (is_digit((unsigned char)s[j]) ||
                     rp_utf8_in("〇一二三四五六七八九十", rp_utf8_decode(s, b, j, &l))))
        j += is_digit((unsigned char)s[j]) ? 1 : 3;
    return j;
}

/* A leading date 2022年, 2020年以来, 3月, 一到九月 (spoken months): its
 * length, else 0. */
static size_t leading_date(const char *s, size_t b, size_t a)
{
    size_t j = past_date_figures(s, b, a);
    /* 一到九月, 1至9月: a run of months */
    if (j > a && (rp_utf8_starts(s, b, j, "到") || rp_utf8_starts(s, b, j, "至"))) {
        size_t e = past_date_figures(s, b, j + 3);
        if (e > j + 3 && rp_utf8_starts(s, b, e, "月"))
            j = e;
    }
    /* 2024年, 6月, 8月6日晚高峰 (the day left after the month) */
    if (j == a || !(rp_utf8_starts(s, b, j, "年") || rp_utf8_starts(s, b, j, "月") ||
                    rp_utf8_starts(s, b, j, "日")))
        return 0;
    bool month = rp_utf8_starts(s, b, j, "月");
    /* in Chinese digits only a month or a year of four (二〇二四年): 三年,
     * 十日 are lengths */
    if (!is_digit((unsigned char)s[a]) && !month && j - a < 4 * 3)
        return 0;
    j += 3;
    if (rp_utf8_starts(s, b, j, "以来"))
        j += 6;
    else if (month && rp_utf8_starts(s, b, j, "份")) /* 10月份 */
        j += 3;
    return j - a;
}

static size_t count_chars(const char *s, size_t a, size_t b)
{
    size_t c = 0, l;
    for (size_t j = a; j < b; j += l) {
        rp_utf8_decode(s, b, j, &l);
        c++;
    }
    return c;
}

/* Drops the words up to the last action verb when at least two characters
 * remain after it. */
static void after_last_action(const char *s, size_t *a, size_t b)
{
    size_t cut = 0, l;
    firsts_ready_wait();
    for (size_t j = *a; j + 6 <= b;) {
        uint32_t cp = rp_utf8_decode(s, b, j, &l);
        if (!rp_cset_has(&action_firsts, cp)) {
            j += l;
            continue;
        }
        size_t v = 0;
        for (size_t k = 0; action_verbs[k] && v == 0; k++) {
            const char *w = action_verbs[k];
            /* all entries are CJK: the second and third bytes tell most apart */
            if (w[1] != s[j + 1] || w[2] != s[j + 2])
                continue;
            size_t vl = strlen(w);
            if (b - j >= vl && memcmp(s + j, w, vl) == 0)
                v = vl;
        }
        /* 发展党员, 发展对象 are terms (recruiting members, candidates) */
        if (v > 0 && rp_utf8_starts(s, b, j, "发展") &&
            (rp_utf8_starts(s, b, j + v, "党员") || rp_utf8_starts(s, b, j + v, "对象")))
            v = 0;
        /* 新建成, 打造成: the verb's result complement 成 goes with it */
        if (v > 0 && rp_utf8_starts(s, b, j + v, "成") && !rp_utf8_starts(s, b, j + v, "成立") &&
            !rp_utf8_starts(s, b, j + v, "成员") && count_chars(s, j + v + 3, b) >= 2)
            v += 3;
        /* 新建了旅游步道: the aspect particle goes with the verb */
        if (v > 0 && (rp_utf8_starts(s, b, j + v, "了") || rp_utf8_starts(s, b, j + v, "过")) &&
            count_chars(s, j + v + 3, b) >= 2)
            v += 3;
        if (v > 0) {
            if (count_chars(s, j + v, b) >= 2)
                cut = j + v;
            j += v;
        } else {
            rp_utf8_decode(s, b, j, &l);
            j += l;
        }
    }
    if (cut > 0)
        *a = cut;
}

/* The words before the measure back to the clause boundary. */
/* Where a dot leader (`上级转移支付………48,600元`, `合计......12`) that ends
 * at `end` begins: two or more ellipses or three or more dots or middle
 * dots; end itself when there is none. */
static size_t leader_start(const char *s, size_t n, size_t floor, size_t end)
{
    size_t j = end, ell = 0, dots = 0;
    while (j > floor) {
        size_t p = rp_utf8_prev(s, j), l;
        uint32_t cp = rp_utf8_decode(s, n, p, &l);
        if (cp == 0x2026)
            ell++;
        else if (cp == '.' || cp == 0x00B7 || cp == 0x22EF)
            dots++;
        else if (cp != ' ')
            break;
        j = p;
    }
    return (ell >= 2 || dots >= 3) ? j : end;
}

/* 年/月 trimmed alone (what is left of `2024年`) unless it begins a word:
 * 年度, 年轻, 年均, 年龄, 月度, 月均 ... */
static bool word_after_period_char(const char *s, size_t n, size_t i)
{
    static const char *const seconds[] = {"度", "轻", "均", "龄", "终", "薪", "报", "票", NULL};
    for (size_t k = 0; seconds[k]; k++)
        if (rp_utf8_starts(s, n, i, seconds[k]))
            return true;
    return false;
}

/* A rank before a name in a list of donors or winners (`No.1华鑫公司
 * 120万元`, `3  荨阳农商银行`): a figure after No. or TOP, or set apart by
 * a blank, is no word of the name. */
static size_t leading_rank(const char *s, size_t b, size_t a)
{
    static const char *const marks[] = {"No.", "NO.", "TOP", "Top", NULL}; /* not NO2 */
    size_t j = a;
    bool marked = false; /* the mark may stand before the words, or open them */
    for (size_t k = 0; marks[k] && !marked; k++) {
        if (rp_utf8_starts(s, b, a, marks[k]))
            j += strlen(marks[k]);
        marked = j > a || rp_utf8_ends(s, a, marks[k]);
    }
    size_t d = j;
    while (j < b && j - d < 3 && is_digit((unsigned char)s[j]))
        j++;
    if (j == d || j >= b || (!marked && s[j] != ' ' && s[j] != '\t'))
        return 0;
    while (j < b && (s[j] == ' ' || s[j] == '\t'))
        j++;
    return j < b ? j - a : 0;
}

static void before_phrase(const char *s, size_t n, const rp_subject_span *sp, size_t *a, size_t *b)
{
    size_t start = leader_start(s, n, sp->floor, sp->start);
    size_t j = start, chars = 0;
    int paren = 0;
    size_t steps = 0; /* notes included: an unclosed ')' reads no further than this */
    while (j > sp->floor && chars < MAX_BEFORE_CHARS && steps++ < 4 * MAX_BEFORE_CHARS) {
        size_t p = rp_utf8_prev(s, j);
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, p, &l);
        /* `年初预算1,240万元的`: a separator inside a number is no boundary */
        bool in_number = (cp == ',' || cp == '.') && p > 0 && j < n &&
                         is_digit((unsigned char)s[p - 1]) && is_digit((unsigned char)s[j]);
        /* `县道X203、X206等11条`: a list of codes is no boundary */
        bool codes = cp == 0x3001 && p > 0 && j < n && ascii_alnum(s[p - 1]) && ascii_alnum(s[j]);
        in_number = in_number || codes;
        if (cp == ')') paren++;
        else if (cp == '(') { if (paren == 0) break; paren--; }
        else if (paren == 0 && is_boundary(cp) && !in_number) break;
        j = p;
        chars += paren == 0; /* a note inside takes no room from the words */
    }
    *a = j;
    *b = start;
    if (!sp->activity)
        after_last_action(s, a, *b);
    for (int guard = 0; guard < 8 && *a < *b; guard++) {
        size_t t = match_any(s, *b, *a, lead_trims);
        if (t == 3 && rp_utf8_in("年月日", rp_utf8_at(s, *b, *a)) &&
            word_after_period_char(s, *b, *a + t)) /* 年度学员, 年轻干部 (not 共报告) */
            t = 0;
        if (t == 0) { /* a bullet or emoji before the words: 📍全县人才项目… */
            size_t l;
            uint32_t cp = rp_utf8_decode(s, *b, *a, &l);
            if (rp_utf8_is_bullet(cp) || cp == ' ')
                t = l;
        }
        if (t == 0) { /* an item's number opening the words: `(五)全县…` */
            int num;
            size_t e;
            if (rp_region_item_number(s, *b, *a, &num, &e) != 0)
                t = e - *a;
        }
        /* 建立党组织629个，有党员5,214名: the verb of being, not the noun
         * (有效 有关 有机 … are words of their own) */
        if (t == 0 && rp_utf8_starts(s, *b, *a, "有") && *b - *a >= 9 &&
            !rp_utf8_in(EXISTENTIAL_WORDS, rp_utf8_at(s, *b, *a + 3)))
            t = 3;
        /* 2023年末全县…, 6月底全县…: the rest of 年末, 月底 once the date
         * was read as a period (末梢水 keeps its 末) */
        if (t == 0 && *a >= 3 && (rp_utf8_ends(s, *a, "年") || rp_utf8_ends(s, *a, "月")) &&
            (rp_utf8_starts(s, *b, *a, "末") || rp_utf8_starts(s, *b, *a, "底")))
            t = 3;
        if (t == 0)
            t = leading_rank(s, *b, *a);
        if (t == 0)
            t = leading_date(s, *b, *a);
        if (t == 0) {
            char tmp[64];
            t = rp_period_at(s, *b, *a, NULL, tmp, sizeof tmp);
        }
        if (t == 0)
            break;
        *a += t;
    }
    /* 药占比降至26.3%: a one-character verb of the level reached goes with
     * its 至 (not 下降至 提升至: the two-character verbs stay as they were) */
    if (*b >= *a + 12 && (rp_utf8_ends(s, *b, "至") || rp_utf8_ends(s, *b, "到")) &&
        rp_utf8_in("降升增减", rp_utf8_before(s, *b, *b - 3)) &&
        !rp_utf8_in("下提上攀回递骤陡新", rp_utf8_before(s, *b, *b - 6)))
        *b -= 6;
    /* twice: a period may stand between the words and a trailing function
     * word (`增长到2024年的`) */
    for (int pass = 0; pass < 2; pass++) {
        for (int guard = 0; guard < 6 && *b > *a; guard++) {
            size_t t = tail_trim(s, *a, *b);
            /* `；折合12.16亿美元`: alone, 折合 says what the figure is */
            bool alone = *b - t == *a;
            if (t == 0 ||
                (alone && (rp_utf8_ends(s, *b, "折合") || rp_utf8_ends(s, *b, "折价"))))
                break;
            *b -= t;
        }
        size_t before = *b;
        drop_trailing_period(s, *a, b);
        if (*b == before)
            break;
    }
    drop_code_list(s, *a, b);
    after_last_deng(s, a, *b);
    after_last_de(s, a, b);
    drop_trailing_note(s, *a, b);
    after_existential(s, a, *b);
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t'))
        (*b)--; /* the blank between a name and its figure in a list */
}

/* `地区生产总值1—10月86.42亿元` (a table's row and column): the period
 * closing the words is when, not what. */
static void drop_trailing_period(const char *s, size_t a, size_t *b)
{
    bool year = rp_utf8_ends(s, *b, "年");
    if (*b < a + 9 || (!rp_utf8_ends(s, *b, "月") && !rp_utf8_ends(s, *b, "份") && !year))
        return;
    char tmp[64];
    for (size_t j = *b > a + 24 ? *b - 24 : a + 3; j + 3 <= *b; j++)
        if (((unsigned char)s[j] & 0xC0) != 0x80 && count_chars(s, a, j) >= 2 &&
            rp_period_at(s, *b, j, NULL, tmp, sizeof tmp) == *b - j) {
            /* `集体经济收入从2020年的不足2万元`, `增长到2024年的31.5万元`: the
             * years of a before and after; `比2020年` is a base, it stays */
            if (year && (rp_utf8_ends(s, j, "比") || rp_utf8_ends(s, j, "较")))
                return;
            if (year && (rp_utf8_ends(s, j, "从") || rp_utf8_ends(s, j, "由")) &&
                count_chars(s, a, j - 3) >= 2)
                j -= 3;
            *b = j;
            return;
        }
}

/* `县道X203、X206`: codes listed after the noun name its members, not
 * what is counted. */
static void drop_code_list(const char *s, size_t a, size_t *b)
{
    size_t j = *b;
    bool listed = false;
    while (j > a && (ascii_alnum(s[j - 1]) || rp_utf8_ends(s, j, "、"))) {
        if (ascii_alnum(s[j - 1])) {
            j--;
        } else {
            listed = true;
            j -= 3;
        }
    }
    if (listed && count_chars(s, a, j) >= 2)
        *b = j;
}

/* 住房公积金管理委员会有委员27名: what the owner has is counted, named
 * after 有 (two to four characters); 没有 所有 具有 共有 ... are other words. */
static void after_existential(const char *s, size_t *a, size_t b)
{
    for (size_t j = b; j > *a + 6; j = rp_utf8_prev(s, j)) {
        size_t after = b - j;
        if (after > 12)
            return;
        if (!rp_utf8_starts(s, b, j - 3, "有"))
            continue;
        /* 没有 所有 共有 …; 有效 有关 有序 有机 有偿 ... are words of their own */
        if (after >= 6 &&
            !rp_utf8_in("没所具共拥享占还仍尚只已现都均另私公持", rp_utf8_before(s, b, j - 3)) &&
            !rp_utf8_in(EXISTENTIAL_WORDS, rp_utf8_at(s, b, j)))
            *a = j;
        return;
    }
}

/* 文盲人口(15岁及以上不识字的人)为: a note closing the words glosses the
 * noun before it and is not part of it. */
static void drop_trailing_note(const char *s, size_t a, size_t *b)
{
    if (*b <= a + 1 || s[*b - 1] != ')')
        return;
    int depth = 0;
    for (size_t j = *b; j > a; j--) {
        if (s[j - 1] == ')')
            depth++;
        else if (s[j - 1] == '(' && --depth == 0) {
            if (j - 1 > a)
                *b = j - 1;
            return;
        }
    }
}

/* Where the words after the last `ch` (one character) in s[a..b) start,
 * outside brackets (文盲人口(…不识字的人), 其他收入(存款利息等): a note's 的 or
 * 等 cuts nothing), skipping a `ch` that one of not_before follows; 0 when
 * none. */
static size_t after_last_outside_notes(const char *s, size_t a, size_t b, const char *ch,
                                       const char *not_before)
{
    int depth = 0;
    for (size_t j = b; j >= a + 3 && j > 3; j = rp_utf8_prev(s, j)) {
        if (s[j - 1] == ')' || s[j - 1] == '(') {
            depth += s[j - 1] == ')' ? 1 : -1;
            continue;
        }
        if (depth <= 0 && rp_utf8_starts(s, b, j - 3, ch) &&
            !(not_before && j < b && rp_utf8_in(not_before, rp_utf8_at(s, b, j))))
            return j;
    }
    return 0;
}

/* 退回不符合条件的发展对象 -> 发展对象: the head noun follows the last 的.
 * When only a share verb follows it (本科及以上学历的占91.5%), the words
 * before 的 name the group: 本科及以上学历. */
static void after_last_de(const char *s, size_t *a, size_t *b)
{
    size_t j = after_last_outside_notes(s, *a, *b, "的", NULL);
    if (j == 0)
        return;
    bool share = (*b - j == 3 && rp_utf8_starts(s, *b, j, "占")) ||
                 (*b - j == 6 && rp_utf8_starts(s, *b, j, "占比"));
    if (share && j - 3 > *a)
        *b = j - 3;
    else if (*b > j && !rp_utf8_starts(s, *b, j - 6, "党的"))
        *a = j;
}

/* 加装电梯等问题 -> 问题: the words after 等 name the kind counted; 等次,
 * 等级, 等第 are words (grades), not 等 closing a list. */
static void after_last_deng(const char *s, size_t *a, size_t b)
{
    size_t j = after_last_outside_notes(s, *a, b, "等", "次级第");
    /* 等效声级, 等同, 等待, 等候: words, not 等 closing a list */
    if (j > *a + 3 && b > j && !rp_utf8_in("效同待候", rp_utf8_at(s, b, j)))
        *a = j;
}

static bool contains_any(const char *s, size_t a, size_t b, const char *const *list)
{
    for (size_t k = 0; list[k]; k++)
        if (b > a && rp_utf8_find(s + a, b - a, list[k], strlen(list[k])) != NULL)
            return true;
    return false;
}

/* True when the phrase is only a verb of change (提高到 ...): the thing that
 * changed was named before the previous number (从85%提高到93%). */
bool rp_subject_is_level_verb(const char *subject)
{
    for (size_t k = 0; level_verbs[k]; k++)
        if (strcmp(subject, level_verbs[k]) == 0)
            return true;
    return false;
}

bool rp_subject_is_change_verb(const char *subject)
{
    if (strlen(subject) == 9 && strncmp(subject, "即", 3) == 0)
        subject += 3; /* 下降7.1%,即下降2.4微克/立方米 */
    if (strlen(subject) == 3)
        return strcmp(subject, "降") == 0 || strcmp(subject, "升") == 0 ||
               strcmp(subject, "增") == 0 || strcmp(subject, "减") == 0; /* 由2.8元降至1.6元 */
    if (strlen(subject) != 6)
        return false; /* every entry has two characters */
    for (size_t k = 0; change_verbs[k]; k++)
        if (strcmp(subject, change_verbs[k]) == 0)
            return true;
    return false;
}

const char *rp_subject_more_or_less(const char *subject)
{
    size_t n = strlen(subject);
    if (n < 9 || (strncmp(subject, "比", 3) != 0 && strncmp(subject, "较", 3) != 0))
        return NULL;
    /* 比上年减少, 较常年偏多: a verb of change, which keeps its base */
    if (rp_utf8_ends(subject, n, "减少") || rp_utf8_ends(subject, n, "增多") ||
        rp_utf8_ends(subject, n, "偏多") || rp_utf8_ends(subject, n, "偏少"))
        return NULL;
    if (rp_utf8_ends(subject, n, "多"))
        return "增加";
    if (rp_utf8_ends(subject, n, "少"))
        return "减少";
    return NULL;
}

bool rp_subject_is_base_change(const char *subject)
{
    size_t n = strlen(subject);
    /* 31.6微克/立方米,同比下降7.1%: 同比 环比 are bases too */
    if (n == 12 && rp_subject_is_base(subject, 6))
        return rp_subject_is_change_verb(subject + 6);
    if (n < 9 || n > 36 || (strncmp(subject, "比", 3) != 0 && strncmp(subject, "较", 3) != 0))
        return false;
    firsts_ready_wait();
    return match_any_end(subject, 0, n, comparison_verbs) > 0;
}

bool rp_subject_is_share_of_whole(const char *subject)
{
    static const char *const wholes[] = {"总数", "总量", "总额", "总人数", "总和", NULL};
    size_t n = strlen(subject);
    if (strcmp(subject, "占") == 0 || strcmp(subject, "占比") == 0)
        return true;
    if (n > 30 || strncmp(subject, "占", 3) != 0)
        return false;
    for (size_t k = 0; wholes[k]; k++)
        if (rp_utf8_ends(subject, n, wholes[k]))
            return true;
    return false;
}

/* Times a figure is compared with: 是去年同期的, 比上年, 较去年同期. */
static const char *const bases[] = {"去年同期", "上年同期", "同期", "上年", "去年", "上月",
                                    NULL};

bool rp_subject_is_base(const char *s, size_t n)
{
    if (n == 6 && (strncmp(s, "同比", 6) == 0 || strncmp(s, "环比", 6) == 0))
        return true;
    if (n < 6 || (strncmp(s, "比", 3) != 0 && strncmp(s, "较", 3) != 0))
        return false;
    for (size_t k = 0; bases[k]; k++)
        if (n == 3 + strlen(bases[k]) && memcmp(s + 3, bases[k], n - 3) == 0)
            return true;
    return false;
}

bool rp_subject_is_base_only(const char *subject)
{
    size_t n = strlen(subject);
    if (strncmp(subject, "是", 3) != 0 && strncmp(subject, "为", 3) != 0)
        return false;
    for (size_t k = 0; bases[k]; k++)
        if (rp_utf8_ends(subject, n, bases[k]))
            return true;
    return false;
}

bool rp_subject_is_total_only(const char *subject)
{
    static const char *const totals[] = {"", "总数", "总量", "数量", "总计", "总数量", NULL};
    for (size_t k = 0; totals[k]; k++)
        if (strcmp(subject, totals[k]) == 0)
            return true;
    return false;
}

void rp_subject_counted(const char *prev, char *out, size_t cap)
{
    size_t a = 0, b = strlen(prev), v;
    after_last_action(prev, &a, b);
    while ((v = match_any(prev, b, a, addition_verbs)) > 0 && count_chars(prev, a + v, b) >= 2)
        a += v;
    copy_out(prev, a, b, out, cap);
}

void rp_subject_after_change(const char *prev, const char *verb, char *out, size_t cap)
{
    size_t pl = strlen(prev);
    for (size_t k = 0; change_verbs[k]; k++)
        if (rp_utf8_ends(prev, pl, change_verbs[k])) {
            pl -= strlen(change_verbs[k]); /* 党费增加 + 增长 -> 党费增长 */
            break;
        }
    /* 接待游客同比增长 + 较2019年同期增长: the new base replaces the old */
    bool own_base = strncmp(verb, "比", 3) == 0 || strncmp(verb, "较", 3) == 0 ||
                    strncmp(verb, "同比", 6) == 0 || strncmp(verb, "环比", 6) == 0;
    for (size_t t = 6; own_base && t <= 18 && t < pl; t += 3)
        if (rp_subject_is_base(prev + pl - t, t)) {
            pl -= t;
            break;
        }
    char v[64];
    snprintf(v, sizeof v, "%s", strncmp(verb, "即", 3) == 0 ? verb + 3 : verb);
    snprintf(out, cap, "%.*s%s", (int)(pl < 200 ? pl : 200), prev, v);
}

static bool is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }

/* A label beside the figure, as infographics put it in text: the same line
 * after a bar (`12.6万人次 | 参加集中轮训`), or the next line when the
 * figure stands alone on its line (`1426⏎个⏎基层党组织`). The label may
 * open with a verb; it ends like a noun phrase after the classifier. */
static bool infographic_label(const char *s, size_t n, const rp_subject_span *sp, size_t *a,
                              size_t *b)
{
    size_t j = sp->end, l;
    while (j < n && is_space(rp_utf8_decode(s, n, j, &l)))
        j += l;
    uint32_t cp = rp_utf8_decode(s, n, j, &l);
    bool bar = cp == '|' || cp == 0xFF5C || cp == 0x4E28; /* | ｜ 丨 */
    if (!bar) {
        uint32_t before = rp_utf8_before(s, n, sp->start);
        if (cp != '\n' || !(before == '\n' || before == 0 || sp->start == 0))
            return false;
    }
    j += l;
    while (j < n && is_space(rp_utf8_decode(s, n, j, &l)))
        j += l;
    size_t chars = 0, k = j;
    while (k < n && chars < MAX_AFTER_CHARS) {
        cp = rp_utf8_decode(s, n, k, &l);
        if (is_digit(cp) || is_boundary(cp) || (chars >= 2 && match_any(s, n, k, after_stops)))
            break;
        if (!rp_utf8_is_han(cp) && cp != 0x201C && cp != 0x201D)
            break;
        k += l;
        chars++;
    }
    *a = j;
    *b = k;
    return chars >= 2;
}

/* A place or unit of one character that is a noun of its own at a
 * (`5个村参训率…`, `2个乡未完成…`), not the head of a word (村级, 村民, 乡镇,
 * 村党组织) or of a bracket (村（社区）). */
static bool one_char_noun(const char *s, size_t a, size_t b)
{
    uint32_t next = rp_utf8_at(s, b, a + 3);
    return b >= a + 6 && rp_utf8_in("村乡镇户校", rp_utf8_at(s, b, a)) && rp_utf8_is_han(next) &&
           !rp_utf8_in("级民委组干务内里庄落户镇乡村部长医小党", next);
}

/* End of the noun that opens s[a..lim): after the last of the heads (a
 * place's or unit's last character: 点 站 镇 区 …) among its first six Han
 * characters that no other head follows (乡镇档案室面积…: the longest such
 * noun), or after a one-character noun; 0 when there is none. */
static size_t head_noun_end(const char *s, size_t a, size_t lim, const char *heads)
{
    size_t l, p = one_char_noun(s, a, lim) ? a + 3 : 0, j = a;
    for (int chars = 0; j < lim && chars < 6; chars++) {
        uint32_t cp = rp_utf8_decode(s, lim, j, &l);
        if (!rp_utf8_is_han(cp))
            break; /* 村(社区): no noun ends inside a note */
        j += l;
        if (chars >= 1 && j < lim && rp_utf8_in(heads, cp) && !rp_utf8_in(heads, rp_utf8_at(s, lim, j)))
            p = j;
    }
    return p;
}

/* Writes the relative clause s[pa..pb) + 的 (when de) + s[na..nb) into
 * out[cap]; false when it does not fit. */
static bool write_relative(const char *s, size_t pa, size_t pb, bool de, size_t na, size_t nb,
                           char *out, size_t cap)
{
    size_t o = pb - pa, d = de ? 3 : 0;
    if (o + d + (nb - na) + 1 > cap)
        return false;
    memcpy(out, s + pa, o);
    memcpy(out + o, "的", d);
    memcpy(out + o + d, s + na, nb - na);
    out[o + d + (nb - na)] = '\0';
    return true;
}

/* `3处乱堆乱放点未整改到位`, `7个村卫生室没有执业医师`: what is counted is
 * the noun the negated predicate after it picks out, named as a relative
 * clause: 未整改到位的乱堆乱放点. The predicate runs to the clause's end. */
static bool negated_relative(const char *s, size_t n, size_t a, size_t b, char *out, size_t cap)
{
    static const char *const negs[] = {"没有", "尚未", "未能", "仍未", "未", NULL};
    size_t m = 0, l;
    /* a noun of two characters first, or one of a place or unit (2个村未达到…) */
    size_t from = one_char_noun(s, a, b) ? a + 3 : a + 6;
    for (size_t j = from; j < b && m == 0; j += l) {
        rp_utf8_decode(s, b, j, &l);
        for (size_t k = 0; negs[k] && m == 0; k++)
            if (rp_utf8_starts(s, n, j, negs[k])) /* 村没有: the word may run past b */
                m = j;
    }
    static const char *const preps[] = {"因", "由", "在", "对", "被", "从", "经", "向", NULL};
    if (m == 0 || rp_utf8_starts(s, b, m, "未果"))
        return false;
    for (size_t k = 0; preps[k]; k++)
        if (rp_utf8_starts(s, b, a, preps[k]))
            return false; /* 6个小区因加装电梯协商未果…: no noun before the negation */
    /* 3座四类危桥因资金未落实尚未开工: the predicate opens on its cause */
    for (size_t j = from; j < m; j += l) {
        uint32_t cp = rp_utf8_decode(s, b, j, &l);
        if (cp == 0x56E0 /* 因 */ || cp == 0x88AB /* 被 */) {
            m = j;
            break;
        }
    }
    size_t e = b, chars = 0;
    while (e < n && chars < 12) { /* the rest of the predicate: 到位 */
        uint32_t cp = rp_utf8_decode(s, n, e, &l);
        if (!rp_utf8_is_han(cp) && cp != '(' && cp != ')')
            break;
        e += l;
        chars++;
    }
    /* 未完工项目, but 未整改到位的问题 */
    return chars < 12 && write_relative(s, m, e, e - m > 9, a, m, out, cap);
}

/* `仍有2个联络点全年接待选民不足30人次`, `3个乡镇常住人口签约率不足35%`: the
 * noun after the count is picked out by a bar its predicate falls short of
 * or passes; what is counted reads as a relative clause:
 * 全年接待选民不足30人次的联络点. The noun ends before a word of time or
 * frequency (全年, 本季度, 日均) or at the last unit's character (点 站 镇 室)
 * of its first six; the predicate runs from there through the bar's figure. */
static bool bar_relative(const char *s, size_t n, size_t a, size_t b, char *out, size_t cap)
{
    static const char *const bars[] = {"不足", "低于", "少于", "不到", "未达到", "未达",
                                       "达不到", "超过", "高于", "多于", NULL};
    static const char *const times[] = {"全年", "本季度", "本月", "本年", "今年", "当年",
                                        "日均", "月均", "年均", "人均", "户均", NULL};
    size_t k = 0, l;
    if (b - a < 6)
        return false;
    /* the bar may stand past the phrase the noun was read in (签约率不足) */
    for (int c = 0; c < 12 && b < n; c++) {
        uint32_t cp = rp_utf8_decode(s, n, b, &l);
        if (!rp_utf8_is_han(cp))
            return false;
        /* 不 低 少 未 达 超 高 多: the bars' first characters */
        if ((cp == 0x4E0D || cp == 0x4F4E || cp == 0x5C11 || cp == 0x672A || cp == 0x8FBE ||
             cp == 0x8D85 || cp == 0x9AD8 || cp == 0x591A) &&
            (k = match_any(s, n, b, bars)) > 0)
            break;
        b += l;
    }
    uint32_t fig = rp_utf8_at(s, n, b + k);
    if (k == 0 || (!is_digit(fig) && !rp_utf8_in("一二两三四五六七八九十百千万", fig)))
        return false;
    size_t e = b + k;
    for (int c = 0; e < n && c < 12; c++, e += l) {
        uint32_t cp = rp_utf8_decode(s, n, e, &l);
        if (is_boundary(cp) || cp == 0xFF0C || cp == 0xFF1B || cp == ' ')
            break;
    }
    size_t p = 0, chars = 0;
    for (size_t j = a; j < b && p == 0; j += l, chars++) {
        rp_utf8_decode(s, b, j, &l);
        if (chars >= 2 && match_any(s, b, j, times) > 0)
            p = j;
    }
    if (p == 0)
        p = head_noun_end(s, a, b, "点站镇乡村位户家所校队格店室园区"); /* 村保洁员到岗率: no 员 */
    return p != 0 && p < b && write_relative(s, p, e, true, a, p, out, cap);
}

/* `城区仍有11个老旧小区配电设施老化`, `全县仍有23家经营者年内被投诉10次以上`:
 * a count of what still falls short, after 仍有 还有 尚有 另有, counts the
 * noun its predicate picks out: 配电设施老化的老旧小区. The noun ends at a
 * head character of its first six (区 者 业 村 …); the predicate runs to the
 * clause's end, at most 20 characters. */
static bool remaining_relative(const char *s, size_t n, const rp_subject_span *sp, size_t a,
                               char *out, size_t cap)
{
    static const char *const haves[] = {"仍有", "还有", "尚有", "另有", NULL};
    if (sp->start < sp->floor + 6 || sp->start < 6 || match_any(s, sp->start, sp->start - 6, haves) == 0)
        return false;
    /* people and bodies too: 经营者, 规上工业企业, 村监委会 */
    size_t l, p = head_noun_end(s, a, n, "点站镇乡村位户家所校队店室园区者业员会");
    if (p == 0)
        return false;
    size_t q = rp_utf8_starts(s, n, p, "的") ? p + 3 : p; /* 3个村的林地界址存在争议 */
    size_t e = q;
    int chars = 0;
    for (; e < n && chars <= 20; chars++, e += l) {
        uint32_t cp = rp_utf8_decode(s, n, e, &l);
        if (!rp_utf8_is_han(cp) && !is_digit(cp) && cp != '%' && cp != '.' && cp != 0x201C &&
            cp != 0x201D)
            break;
    }
    uint32_t end = rp_utf8_at(s, n, e);
    /* 十一户困难家庭的那一份: a 的 inside is no predicate (困难家 is no noun) */
    return chars >= 2 && chars <= 20 && (is_boundary(end) || end == 0xFF0C || end == 0xFF1B || e >= n) &&
           rp_utf8_find(s + q, e - q, "的", 3) == NULL && write_relative(s, q, e, true, a, p, out, cap);
}

/* `乙类传染病：共报告9种687例`: a bare verb (one word after the adverbs)
 * after a heading's label and its colon; the label (four to ten
 * characters), opening its line or sentence, names what is counted.
 * s[a..b) is the phrase before the count; sets the label's span. */
static bool colon_label(const char *s, const rp_subject_span *sp, size_t a, size_t b, size_t *la,
                        size_t *lb)
{
    if (b <= a || b - a > 6 || a < sp->floor || a < 7)
        return false;
    size_t j = a; /* back over the adverbs trimmed (共 累计 全年) to the colon */
    for (int k = 0; k < 3 && j > sp->floor && s[j - 1] != ':'; k++)
        j = rp_utf8_prev(s, j);
    if (j < 7 || s[j - 1] != ':') /* normalised: full-width ： is ASCII */
        return false;
    size_t e = j - 1, i = e;
    int chars = 0;
    while (i > 0 && chars <= 10 && rp_utf8_is_han(rp_utf8_before(s, i, i))) {
        i = rp_utf8_prev(s, i);
        chars++;
    }
    uint32_t open = i == 0 ? '\n' : rp_utf8_before(s, i, i);
    /* a speaker's name (柯永健：) is shorter; a place (青龙村：) is the
     * region of a row, not what it counts; 其中： picks a part */
    if (chars < 4 || chars > 10 || rp_utf8_in("村镇乡区县市道组省州", rp_utf8_before(s, e, e)) ||
        rp_utf8_ends(s, e, "其中") ||
        !(open == '\n' || open == ' ' || open == 0x3002 || open == 0xFF1B || open == ';'))
        return false;
    *la = i;
    *lb = e;
    return true;
}

/* `监测员中60岁以上的有21名`, `本土主播中能稳定月销10万元以上的不到20名`:
 * the part of a group that a condition with a figure picks out, named as a
 * relative clause (60岁以上的监测员). s[a..b) is the phrase before the
 * count; 中 is no part of a word there (其中 集中 中心 中小学). */
static bool part_relative(const char *s, size_t a, size_t b, char *out, size_t cap)
{
    for (size_t k = a + 6; k + 9 <= b; k += 3) {
        if (memcmp(s + k, "中", 3) != 0)
            continue;
        if (rp_utf8_in("其集初高空城从心", rp_utf8_before(s, b, k)) ||
            rp_utf8_in("心小学年级型间央医药国共层期标", rp_utf8_at(s, b, k + 3)) ||
            rp_utf8_in("没无未不", rp_utf8_at(s, b, k + 3)))
            return false; /* 班子中没有35岁以下干部的: where none is, not a part */
        bool figure = false;
        for (size_t j = k + 3, l; j < b && !figure; j += l) {
            uint32_t cp = rp_utf8_decode(s, b, j, &l);
            figure = is_digit(cp) || rp_utf8_in("一二两三四五六七八九十百千万", cp);
        }
        return figure && write_relative(s, k + 3, b, true, a, k, out, cap);
    }
    return false;
}

/* `为60岁以上股东312人补助医疗保险费`, `给留守儿童86名赠送书包`: the
 * people a service is for, named between 为/给 and their count; what is done
 * for them follows. True when s[..sp->start) ends on such a name: a noun of
 * people (not 辖区, 我们 or 以…为牵头单位组建), after a 为 that is no part of
 * 作为 成为 因为 认为 …. */
static bool beneficiary_named(const char *s, const rp_subject_span *sp)
{
    size_t j = sp->start;
    if (j < sp->floor + 9 || !rp_utf8_in("人员民众者户东童生工属老士兵妇女友师农商家长手象族", rp_utf8_before(s, j, j)))
        return false;
    for (int chars = 0; j > sp->floor && chars <= 10; chars++) {
        size_t p = rp_utf8_prev(s, j);
        uint32_t cp = rp_utf8_before(s, j, j);
        if (cp == 0x4E3A || cp == 0x7ED9) /* 为 给 */
            return chars >= 2 && !rp_utf8_in("作成因认行称视以更", rp_utf8_before(s, p, p));
        if (!rp_utf8_is_han(cp) && !is_digit(cp))
            return false;
        j = p;
    }
    return false;
}

void rp_subject_find(const char *s, size_t n, const rp_subject_span *sp, char *out, size_t cap)
{
    size_t a, b;
    out[0] = '\0';
    if (cap == 0)
        return;
    if (infographic_label(s, n, sp, &a, &b)) {
        copy_out(s, a, b, out, cap);
        return;
    }
    /* 工作人员为37名就业困难人员开展帮扶: after 为, the people served are
     * counted, named after the classifier up to the clause's verb */
    if (sp->count_unit && sp->start >= 3 + sp->floor && rp_utf8_ends(s, sp->start, "为") &&
        rp_utf8_is_han(rp_utf8_before(s, n, sp->start - 3)) &&
        after_phrase(s, n, sp->end, 2, 2, &a, &b) && match_any(s, n, b, after_stops) > 0) {
        copy_out(s, a, b, out, cap);
        return;
    }
    /* 带动农户逾480户入社, 邀请农技专家300余名授课: people named right
     * before the count are what it counts; the two characters after are what
     * they did */
    if (sp->count_unit && after_phrase(s, n, sp->end, 2, false, &a, &b) &&
        !beneficiary_named(s, sp) &&
        match_any(s, n, a, change_verbs) != b - a && /* 由每天4班加密到12班 */
        match_any(s, n, a, level_verbs) != b - a &&
        !(b - a == 6 && (b >= n || is_boundary(rp_utf8_at(s, n, b))) && sp->start > sp->floor &&
          rp_utf8_in("户员民者家众生工", rp_utf8_before(s, n, sp->start)))) {
        if (!negated_relative(s, n, a, b, out, cap) && !bar_relative(s, n, a, b, out, cap) &&
            !remaining_relative(s, n, sp, a, out, cap))
            copy_out(s, a, b, out, cap);
        return;
    }
    before_phrase(s, n, sp, &a, &b);
    size_t a1, b1;
    if (sp->money && !contains_any(s, a, b, money_nouns)) {
        size_t j = sp->end, v, a2, b2;
        while ((v = match_any(s, n, j, purpose_verbs)) > 0)
            j += v;
        if (j > sp->end && after_phrase(s, n, j, 2, false, &a2, &b2)) {
            copy_out(s, a2, b2, out, cap);
            return;
        }
        /* 区财政每年安排500万元专项资金: the sum's own noun follows it */
        if (j == sp->end && after_phrase(s, n, j, 2, false, &a2, &b2) &&
            contains_any(s, a2, b2, money_nouns)) {
            copy_out(s, a2, b2, out, cap);
            return;
        }
    }
    /* 帮助62人实现就业, 带动300人就业: after a verb that makes them act,
     * the counted are named by what they do */
    if (sp->count_unit && a < b && match_any(s, n, a, causative_verbs) == b - a &&
        after_phrase(s, n, sp->end, 2, true, &a1, &b1) &&
        (b1 >= n || is_boundary(rp_utf8_at(s, n, b1)))) {
        copy_out(s, a, b, out, cap);
        size_t o = strlen(out);
        copy_out(s, a1, b1, out + o, cap - o);
        return;
    }
    /* 全镇辖十七个村、: one character before says less than the noun of
     * one character that the count closes its clause with */
    if (sp->count_unit && b - a == 3 && after_phrase(s, n, sp->end, 1, false, &a1, &b1) &&
        b1 - a1 == 3 && (b1 >= n || is_boundary(rp_utf8_at(s, n, b1)))) {
        copy_out(s, a1, b1, out, cap);
        return;
    }
    if (sp->count_unit && a < b && rp_utf8_starts(s, n, b, "的") && part_relative(s, a, b, out, cap))
        return;
    if (colon_label(s, sp, a, b, &a1, &b1)) {
        copy_out(s, a1, b1, out, cap);
        return;
    }
    if (a < b) {
        copy_out(s, a, b, out, cap); /* a comparison base stays: 收入总额比上年增长 */
        return;
    }
    /* Nothing before: the phrase after the classifier, even a predicate
     * (其中73名担任村党组织书记) or a one-character noun that closes it
     * (12个乡镇、186个村、23个社区); glued to the previous measure, only a
     * noun, else the caller repeats that measure's subject. */
    bool found = sp->glued ? after_phrase(s, n, sp->end, 1, false, &a, &b)
                           : sp->count_unit && (after_phrase(s, n, sp->end, 2, true, &a, &b) ||
                                                after_phrase(s, n, sp->end, 1, true, &a, &b));
    if (found && (sp->count_unit || !sp->glued)) {
        copy_out(s, a, b, out, cap);
        return;
    }
    /* 还有4.66亿元的缺口,: nothing before, a noun after 的 closes the clause */
    if (!sp->glued && rp_utf8_starts(s, n, sp->end, "的") &&
        after_phrase(s, n, sp->end + 3, 2, false, &a, &b) && b - a <= 8 * 3 &&
        (b >= n || is_boundary(rp_utf8_at(s, n, b)))) {
        copy_out(s, a, b, out, cap);
        return;
    }
    /* 二十八万元货款一次性付清: a sum that opens its clause, named after */
    if (sp->money && !sp->glued && after_phrase(s, n, sp->end, 2, false, &a, &b) &&
        contains_any(s, a, b, money_nouns))
        copy_out(s, a, b, out, cap);
}

bool rp_subject_share_noun(const char *s, size_t n, size_t i, char *out, size_t cap)
{
    size_t a, b;
    if (!after_phrase(s, n, i, 2, 2, &a, &b))
        return false;
    copy_out(s, a, b, out, cap);
    return true;
}
