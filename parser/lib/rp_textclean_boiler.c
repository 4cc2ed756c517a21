/* rp_textclean_boiler: article boilerplate. `发布时间` / `来源` lines become
 * metadata, credits (`(XX / 供稿)`) and footers (`主办`, ICP numbers,
 * copyright ...) are dropped, a footer `主办` org or a `供稿` org kept as a
 * fallback source; the first kept line, when it looks like a headline, is
 * the title. Labels are matched with their traditional forms folded (a
 * table built once, lazily and thread-safely). See rp_textclean_int.h. */
#include "rp_textclean_int.h"
#include "rp_utf8.h"

#include <pthread.h>

/* ---- traditional forms of boilerplate labels ---------------------------
 * Labels are matched on a copy of the line with these characters folded to
 * simplified ones; every pair is three UTF-8 bytes on both sides, so byte
 * offsets in the copy are offsets in the original. */
static const char T2S_PAIRS[] = "發发時时間间來来鏈链責责聲声編编輯辑審审對对頁页關关閉闭瀏浏覽览數数閱阅讀读訪访問问點点擊击網网圖图聯联繫系係系權权術术標标識识碼码當当辦办協协電电話话傳传郵邮備备號号資资訊讯佈布轉转載载條条廣广掃扫護护維维務务機机區区體体聽听於于為为與与員员約约預预計计薦荐熱热聞闻門门歡欢錄录";

struct t2s {
    uint32_t t, s;
};

static struct t2s t2s_table[sizeof T2S_PAIRS / 6 + 1];
static size_t t2s_n;
static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;

static int cmp_t2s(const void *a, const void *b)
{
    uint32_t x = ((const struct t2s *)a)->t, y = ((const struct t2s *)b)->t;
    return x < y ? -1 : x > y;
}

static void t2s_build(void)
{
    size_t len = sizeof T2S_PAIRS - 1, i = 0;
    while (i < len) {
        uint32_t t = rp_text_next(T2S_PAIRS, len, &i);
        uint32_t s = i < len ? rp_text_next(T2S_PAIRS, len, &i) : t;
        t2s_table[t2s_n++] = (struct t2s){t, s};
    }
    qsort(t2s_table, t2s_n, sizeof t2s_table[0], cmp_t2s);
}

/* Copies s[0..n) into f with the label characters folded (f: n+1 bytes). */
static void fold_labels(const char *s, size_t n, char *f)
{
    pthread_once(&t2s_once, t2s_build);
    memcpy(f, s, n);
    f[n] = '\0';
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = rp_text_next(s, n, &i);
        if (i - at != 3 || cp < 0x4E00 || cp > 0x9FFF)
            continue;
        struct t2s key = {cp, 0};
        const struct t2s *hit = bsearch(&key, t2s_table, t2s_n,
                                        sizeof key, cmp_t2s);
        if (hit == NULL)
            continue;
        f[at] = (char)(0xE0 | (hit->s >> 12));
        f[at + 1] = (char)(0x80 | ((hit->s >> 6) & 0x3F));
        f[at + 2] = (char)(0x80 | (hit->s & 0x3F));
    }
}

/* ---- boilerplate ------------------------------------------------------- */

static const char *const DROP_PREFIX[] = {
    "原文链接", "原文地址", "本文链接", "文章链接", "原文网址", "免责声明",
    "上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "分享到",
    "分享至", "责任编辑", "编辑:", "编辑" "\xEF\xBC\x9A", "审核:", "审核" "\xEF\xBC\x9A", "校对:",
    "校对:", "终审:", "终审" "\xEF\xBC\x9A", "打印本页", "打印此页", "关闭窗口",
    "打印】", "关闭】", "扫一扫", "浏览次数", "浏览量", "阅读量", "阅读次数",
    "阅读数", "访问量", "访问次数", "点击数", "点击量", "点击次数",
    "网站地图", "联系我们", "版权所有", "Copyright", "COPYRIGHT",
    "copyright", "©", "技术支持", "网站标识码", "当前位置", "您当前的位置", "首页", "网站首页",
    "您现在的位置", "您的位置", "所在位置", "作者:", "作者" "\xEF\xBC\x9A", "字号",
    "字体】", "【字体", "收藏本页", "设为首页", "加入收藏",
    /* a WeChat article's collection tag: `收录于合集 #巾帼建功 23个` */
    "收录于合集", "收录于话题",
    /* an article's length and reading time: `本文约2600字，阅读约需8分钟` */
    "本文约", "本文共", "全文约", "全文共", "阅读约需", "预计阅读", "阅读时间",
};

/* Labels that drop the line only when a colon follows closely. */
static const char *const COLON_PREFIX[] = {
    "主办", "承办", "协办", "地址", "电话", "联系电话", "传真", "邮编",
    "邮箱", "电子邮箱", "网站地址", "联系方式", "咨询电话", "报送", "抄送", "分送",
};

static const char *const DROP_ANYWHERE[] = {
    "ICP备", "ICP证", "公网安备", "版权所有", "All Rights Reserved",
    "all rights reserved", "Copyright ©",
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Skips bullets and opening brackets that decorate boilerplate labels. */
static void skip_decor(const char **s, size_t *n)
{
    static const char *const decor[] = {"-", "*", ">", "|", "\xEF\xBC\xBB", "•", "·",
                                        "【", "〔", "[", "■", "◆", "▲", "★"};
    bool again = true;
    while (again && *n > 0) {
        again = false;
        if (**s == ' ') {
            (*s)++, (*n)--;
            again = true;
            continue;
        }
        size_t l; /* an emoji bullet: `📖本文约2600字` */
        if ((unsigned char)**s >= 0xE2 && rp_utf8_is_bullet(rp_utf8_decode(*s, *n, 0, &l))) {
            *s += l, *n -= l;
            again = true;
            continue;
        }
        for (size_t k = 0; k < ARRAY_LEN(decor); k++) {
            size_t dl = strlen(decor[k]);
            if (has_prefix(*s, *n, decor[k])) {
                *s += dl, *n -= dl;
                again = true;
                break;
            }
        }
    }
}

static bool colon_soon(const char *s, size_t n, size_t from)
{
    for (size_t i = from; i < n && i <= from + 9; i++)
        if (s[i] == ':' || has_prefix(s + i, n - i, "\xEF\xBC\x9A"))
            return true;
    return false;
}

/* A site's name on a line of its own: `棠溪县人民政府门户网站`, `清风网`. */
static bool is_site_name(const char *s, size_t n)
{
    static const char *const ends[] = {"门户网站", "网站", "政府网", "官网", "网"};
    if (n > 20 * 3 || count_cps(s, n) < 3)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' || s[i] == ':' || s[i] == '|')
            return false;
    for (size_t k = 0; k < ARRAY_LEN(ends); k++) {
        size_t l = strlen(ends[k]);
        if (n > l && memcmp(s + n - l, ends[k], l) == 0)
            return true;
    }
    return false;
}

/* `(共印30份)`: the print run that closes an official document (not
 * `共印发文件12份`, where 印发 is the verb). */
static bool print_run(const char *s, size_t n)
{
    for (size_t i = 0; i + 7 <= n; i++)
        if (memcmp(s + i, "共印", 6) == 0 && s[i + 6] >= '0' && s[i + 6] <= '9')
            return true;
    return false;
}

/* `首页 > 信息公开 > 砚塘镇 > 规划计划`: a breadcrumb trail, three or more
 * short steps between > ＞ » › or →. */
static bool is_breadcrumb(const char *s, size_t n)
{
    size_t i = 0, seps = 0, step = 0;
    while (i < n) {
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == '>' || cp == 0xFF1E || cp == 0xBB || cp == 0x203A || cp == 0x2192) {
            if (step == 0 && seps > 0)
                return false;
            seps++;
            step = 0;
        } else if (cp != ' ' && cp != 0x3000 && ++step > 16) {
            return false;
        }
    }
    return seps >= 2;
}

static bool is_boilerplate(const char *s, size_t n)
{
    skip_decor(&s, &n);
    if (is_site_name(s, n) || (n < 300 && is_breadcrumb(s, n)))
        return true;
    for (size_t k = 0; k < ARRAY_LEN(DROP_PREFIX); k++)
        if (has_prefix(s, n, DROP_PREFIX[k]))
            return true;
    for (size_t k = 0; k < ARRAY_LEN(COLON_PREFIX); k++)
        if (has_prefix(s, n, COLON_PREFIX[k]) &&
            colon_soon(s, n, strlen(COLON_PREFIX[k])))
            return true;
    if (n < 300)
        for (size_t k = 0; k < ARRAY_LEN(DROP_ANYWHERE); k++)
            if (contains(s, n, DROP_ANYWHERE[k]))
                return true;
    return n < 300 && print_run(s, n);
}

static bool open_paren(const char *s, size_t n)
{
    return has_prefix(s, n, "(") || has_prefix(s, n, "\xEF\xBC\x88");
}

static bool close_paren(const char *s, size_t n)
{
    return (n >= 1 && s[n - 1] == ')') ||
           (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x89", 3) == 0);
}

/* `(东河区委组织部 / 供稿)`, `(责任编辑 / 刘琳)`, `(供稿:xx)` */
static bool is_credit(const char *s, size_t n)
{
    return n < 160 && open_paren(s, n) && close_paren(s, n) &&
           (contains(s, n, "供稿") || contains(s, n, "责任编辑") ||
            contains(s, n, "通讯员") || contains(s, n, "记者"));
}

static bool is_stop_word(const char *s, size_t n)
{
    static const char *const stops[] = {"作者", "发布", "时间", "浏览",
                                        "编辑", "点击", "字号", "日期",
                                        "承办", "阅读"};
    for (size_t k = 0; k < ARRAY_LEN(stops); k++)
        if (has_prefix(s, n, stops[k]))
            return true;
    return false;
}

/* The value after `label` (+ colon) up to a blank or the next label. */
/* `f` is the folded copy of `orig` (same length): labels are found in f, the
 * value is copied from orig. */
static char *value_after(const char *orig, const char *f, size_t n,
                         const char *label)
{
    const char *s = f;
    size_t k = strlen(label);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(s + i, label, k) != 0)
            continue;
        size_t j = i + k;
        while (j < n && s[j] == ' ')
            j++;
        if (j < n && s[j] == ':')
            j++;
        else if (has_prefix(s + j, n - j, "\xEF\xBC\x9A"))
            j += 3;
        else
            continue;
        while (j < n && s[j] == ' ')
            j++;
        size_t e = j;
        while (e < n && s[e] != ' ' && !is_stop_word(s + e, n - e) &&
               !has_prefix(s + e, n - e, "\xEF\xBC\x89") && s[e] != ')')
            e++;
        if (e > j)
            return dup_n(orig + j, e - j);
    }
    return NULL;
}

static bool is_meta_line(const char *s, size_t n)
{
    if (n > 200)
        return false;
    skip_decor(&s, &n);
    return contains(s, n, "发布时间") || contains(s, n, "发布日期") ||
           contains(s, n, "发表时间") || contains(s, n, "更新时间") ||
           has_prefix(s, n, "时间:") ||
           has_prefix(s, n, "时间" "\xEF\xBC\x9A") ||
           has_prefix(s, n, "日期:") ||
           has_prefix(s, n, "日期" "\xEF\xBC\x9A") ||
           ((has_prefix(s, n, "来源") || has_prefix(s, n, "信息来源") ||
             has_prefix(s, n, "文章来源") || has_prefix(s, n, "稿件来源")) &&
            colon_soon(s, n, 6));
}

static void take_meta(const char *s, const char *f, size_t n, struct meta *m)
{
    char date[16];
    if (m->published == NULL && rp_find_date(f, n, date, sizeof date))
        m->published = dup_n(date, strlen(date));
    if (m->source == NULL)
        m->source = value_after(s, f, n, "来源");
}

static void take_credit(const char *s, const char *f, size_t n,
                        struct meta *m)
{
    if (m->credit_source != NULL || !contains(s, n, "供稿"))
        return;
    size_t i = has_prefix(s, n, "(") ? 1 : 3;
    size_t e = i;
    while (e < n && s[e] != '/' && !has_prefix(s + e, n - e, "供稿"))
        e++;
    const char *v = s + i;
    size_t vn = e - i;
    trim(&v, &vn);
    if (vn > 0 && e < n && s[e] == '/')
        m->credit_source = dup_n(v, vn);
    else
        m->credit_source = value_after(s, f, n, "供稿");
}

static bool looks_like_title(const char *s, size_t n)
{
    size_t cps = 0, han = 0, i = 0;
    uint32_t last = 0;
    while (i < n) {
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == ' ')
            continue;
        cps++;
        han += rp_cp_is_han(cp);
        last = cp;
    }
    return cps >= 5 && cps <= 60 && han * 2 >= cps &&
           !rp_cp_ends_sentence(last) && last != 0xFF0C && last != 0x3001 &&
           !contains(s, n, "http");
}

/* Drops boilerplate lines, keeping what they say about the article. */
static void check_line(struct lines *L, size_t k, const char *s,
                       const char *f, size_t n, struct meta *m)
{
    if (is_meta_line(f, n)) {
        take_meta(s, f, n, m);
        L->v[k].flags |= LINE_DROP;
    } else if (is_credit(f, n)) {
        take_credit(s, f, n, m);
        L->v[k].flags |= LINE_DROP;
    } else if (is_boilerplate(f, n)) {
        if (m->footer_source == NULL && contains(f, n, "主办"))
            m->footer_source = value_after(s, f, n, "主办");
        L->v[k].flags |= LINE_DROP;
    }
}

/* Headings of a list of links to other articles (`往期推荐`): the titles
 * under them report other articles' figures. */
static const char *const LINK_HEADS[] = {"往期推荐", "往期回顾", "往期精彩", "推荐阅读",
                                         "相关阅读", "延伸阅读", "相关新闻", "相关文章",
                                         "相关链接", "热点新闻", "热门文章", "热门推荐",
                                         "精彩推荐", "猜你喜欢", "更多阅读"};

/* `相关链接:我县举办第2期… | 全县108个基层党组织…`: the heading and its
 * titles on one line. */
static bool is_links_line(const char *s, size_t n)
{
    skip_decor(&s, &n);
    for (size_t k = 0; k < ARRAY_LEN(LINK_HEADS); k++) {
        size_t l = strlen(LINK_HEADS[k]);
        if (n > l + 1 && memcmp(s, LINK_HEADS[k], l) == 0 &&
            (s[l] == ':' || (n > l + 3 && memcmp(s + l, "\xEF\xBC\x9A", 3) == 0)))
            return true;
    }
    return false;
}

static bool is_links_heading(const char *s, size_t n)
{
    skip_decor(&s, &n);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':'))
        n--;
    if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0)
        n -= 3;
    for (size_t k = 0; k < ARRAY_LEN(LINK_HEADS); k++)
        if (n == strlen(LINK_HEADS[k]) && memcmp(s, LINK_HEADS[k], n) == 0)
            return true;
    return false;
}

/* A line of such a list: a short headline, not a sentence. */
static bool is_link_title(const char *s, size_t n)
{
    if (n > 150)
        return false;
    size_t i = 0;
    uint32_t last = 0;
    while (i < n)
        last = rp_text_next(s, n, &i);
    /* a headline may end in ！ or ？ (`我县22人入选！`), a sentence in 。 */
    return (!rp_cp_ends_sentence(last) || last == 0xFF01 || last == 0xFF1F || last == '!' ||
            last == '?') &&
           last != 0xFF0C;
}

#define LINKS_MAX 20 /* titles dropped under one heading, at most */

/* Drops boilerplate lines, keeping what they say about the article. Only
 * a line's first FOLD_MAX bytes are examined: labels sit at the start and
 * footers are short. */
#define FOLD_MAX 400
void rp_clean_strip_boilerplate(struct lines *L, struct meta *m,
                                bool want_title)
{
    size_t looked = 0, links = 0;
    char f[FOLD_MAX + 1];
    for (size_t k = 0; k < L->n; k++) {
        if (L->v[k].flags & LINE_DROP)
            continue;
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&s, &n);
        if (n == 0)
            continue;
        if (links > 0 && is_link_title(s, n)) {
            L->v[k].flags |= LINE_DROP;
            links--;
            continue;
        }
        links = 0;
        size_t fn = n;
        while (fn > FOLD_MAX)
            rp_text_prev(s, fn, &fn);
        fold_labels(s, fn, f); /* the headings too: 往期推薦 */
        if (n < 600 && is_links_line(f, fn)) {
            L->v[k].flags |= LINE_DROP;
            continue;
        }
        if (n <= 40 && is_links_heading(f, fn)) {
            L->v[k].flags |= LINE_DROP;
            links = LINKS_MAX;
            continue;
        }
        check_line(L, k, s, f, fn, m);
        if (!(L->v[k].flags & LINE_DROP) && want_title && m->title == NULL &&
            looked < 1) {
            looked++;
            if (looks_like_title(s, n))
                m->title = dup_n(s, n);
        }
    }
}
