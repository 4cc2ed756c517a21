/* rp_html_table: data tables as sentences, one per numeric cell:
 * `<row label><column header><number><unit>。`. The unit comes from the
 * cell, else from the column header (`培训人数(人次)`), else from a `单位:`
 * note; header rows, index columns (序号) and label columns are found from
 * the cells; years (2023年) are not numbers. Tables whose cells hold
 * paragraphs are layout tables and are left to the caller. Serves HTML
 * tables (rp_html_emit_table) and aligned text tables (rp_table_render).
 * See rp_html_int.h. */
#include "rp_html_int.h"
#include "rp_period.h"
#include "rp_region.h"
#include "rp_unit.h"
#include "rp_utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

/* A number, optionally with separators, a decimal part and a short unit:
 * `1260`, `1,260`, `95.5%`, `12.5万元`, `1260人`. Sets *unit_at to the byte
 * where the unit starts (== len when none). */
static bool numeric_cell(const char *s, size_t len, size_t *unit_at)
{
    size_t i = 0, digits = 0;
    /* `约2.1万人`, `近3000人`, `超过500户`: a marker before the figure */
    static const char *const markers[] = {"超过", "不足", "约", "近", "超", "逾"};
    for (size_t k = 0; k < sizeof markers / sizeof *markers; k++) {
        size_t m = strlen(markers[k]);
        if (len > m && memcmp(s, markers[k], m) == 0 && s[m] >= '0' && s[m] <= '9') {
            i = m;
            break;
        }
    }
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') ||
                       (s[i] == ',' && digits > 0))) {
        digits += s[i] != ',';
        i++;
    }
    if (digits == 0)
        return false;
    if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    while (i < len && s[i] == ' ')
        i++;
    *unit_at = i;
    size_t j = i, cps = 0;
    while (j < len) {
        uint32_t cp = rp_text_next(s, len, &j);
        bool ok = rp_cp_is_han(cp) || cp == '%' || cp == 0x2030 ||
                  (cp < 0x80 && ((cp | 32) >= 'a' && (cp | 32) <= 'z'));
        if (!ok || ++cps > 4)
            return false;
    }
    return true;
}

/* `2023年`, `2024年度`, `9月`, `9月同比`: a year or a month names a
 * column, it counts nothing. */
static bool date_name(const char *s, size_t len, size_t unit_at)
{
    if (unit_at >= 1 && unit_at <= 2 && len >= unit_at + 3 &&
        memcmp(s + unit_at, "月", 3) == 0 && s[0] != '0') {
        int m = unit_at == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
        return m >= 1 && m <= 12;
    }
    if (unit_at != 4 || len < 7 || memcmp(s + 4, "年", 3) != 0)
        return false;
    long y = 0;
    for (size_t i = 0; i < 4; i++)
        y = y * 10 + (s[i] - '0');
    return y >= 1900 && y <= 2199;
}

static bool is_num(const char *s)
{
    size_t u;
    return s != NULL && numeric_cell(s, strlen(s), &u) &&
           !date_name(s, strlen(s), u);
}

static bool is_index_header(const char *h)
{
    static const char *const idx[] = {"序号", "编号", "序", "No.", "NO.",
                                      "No", "NO", "#", "排名", "名次"};
    if (h == NULL)
        return false;
    for (size_t i = 0; i < ARRAY_LEN(idx); i++)
        if (strcmp(h, idx[i]) == 0)
            return true;
    /* 全市排名, 全省名次: a rank is an ordinal whatever it is ranked in */
    size_t n = strlen(h);
    return n > 6 && (strcmp(h + n - 6, "排名") == 0 || strcmp(h + n - 6, "名次") == 0);
}

/* Splits `培训人数(人次)` into core `培训人数` and unit `人次` (both
 * written NUL-terminated into the given buffers). */
static void header_unit(const char *h, char *core, size_t corelen,
                        char *unit, size_t unitlen)
{
    size_t n = strlen(h);
    const char *open = NULL;
    size_t olen = 0;
    for (size_t i = 0; i < n; i++) {
        if (h[i] == '(') {
            open = h + i;
            olen = 1;
        } else if (i + 3 <= n && memcmp(h + i, "\xEF\xBC\x88", 3) == 0) {
            open = h + i;
            olen = 3;
        }
    }
    /* only a closing parenthetical is a unit: 镇（街道）党（工）委考核 is a name */
    if (open != NULL && !(h[n - 1] == ')' || (n >= 3 && memcmp(h + n - 3, "\xEF\xBC\x89", 3) == 0)))
        open = NULL;
    size_t cl = open ? (size_t)(open - h) : n;
    snprintf(core, corelen, "%.*s", (int)cl, h);
    unit[0] = '\0';
    if (open == NULL) {
        /* 本年制发件数, 培训人数, 开展次数: the classifier before 数 */
        static const char *const counted[] = {"件", "人", "次", "户", "项", "条", "场", "名", "家",
                                              "例"};
        for (size_t k = 0; k < ARRAY_LEN(counted) && cl >= 6; k++)
            if (memcmp(h + cl - 3, "数", 3) == 0 && memcmp(h + cl - 6, counted[k], 3) == 0)
                snprintf(unit, unitlen, "%s", counted[k]);
        /* 抽检批次, 不合格批次, 服务人次: a header that ends in a compound
         * classifier names the count in it */
        static const char *const compound[] = {"批次", "人次", "场次", "户次", "件次", "架次"};
        for (size_t k = 0; k < ARRAY_LEN(compound) && cl > 6; k++)
            if (memcmp(h + cl - 6, compound[k], 6) == 0)
                snprintf(unit, unitlen, "%s", compound[k]);
        /* 发病数, 死亡数: cases, counted in 例 */
        static const char *const cases[] = {"发病数", "死亡数", "病例数", "确诊数"};
        for (size_t k = 0; k < ARRAY_LEN(cases) && cl >= 9; k++)
            if (memcmp(h + cl - 9, cases[k], 9) == 0)
                snprintf(unit, unitlen, "例");
        return;
    }
    const char *u = open + olen;
    size_t ul = (size_t)(h + n - u);
    if (ul >= 1 && u[ul - 1] == ')')
        ul--;
    else if (ul >= 3 && memcmp(u + ul - 3, "\xEF\xBC\x89", 3) == 0)
        ul -= 3;
    if (ul >= 6 && memcmp(u, "单位", 6) == 0) {
        u += 6, ul -= 6;
        if (ul >= 1 && *u == ':')
            u++, ul--;
        else if (ul >= 3 && memcmp(u, "\xEF\xBC\x9A", 3) == 0)
            u += 3, ul -= 3;
    }
    snprintf(unit, unitlen, "%.*s", (int)ul, u);
}

/* `单位:人次` in the caption or a note row gives the table's unit. */
static void table_unit(const char *s, char *unit, size_t unitlen)
{
    if (s == NULL)
        return;
    const char *p = strstr(s, "单位");
    if (p == NULL)
        return;
    p += strlen("单位");
    if (*p == ':')
        p++;
    else if (strncmp(p, "\xEF\xBC\x9A", 3) == 0)
        p += 3;
    else
        return;
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (p[n] != '\0' && p[n] != ' ' && p[n] != ')' && p[n] != ';' &&
           strncmp(p + n, "\xEF\xBC\x89", 3) != 0)
        n++;
    snprintf(unit, unitlen, "%.*s", (int)n, p);
}

static bool row_has_number(struct grid *g, size_t r)
{
    for (size_t c = 0; c < g->cols; c++)
        if (!cell_at(g, r, c)->copy && is_num(cell_at(g, r, c)->text))
            return true;
    return false;
}

struct layout {
    size_t head_rows;
    bool index_col[MAX_COLS];
    bool label_col[MAX_COLS];
    int place_col[MAX_COLS]; /* a label column headed by a kind of place (2) or a name (1) */
    bool code_col[MAX_COLS];  /* identifiers: 窗口号, 编号, 联系电话 */
    bool unit_col[MAX_COLS];  /* 单位: each row's unit (人, 万人, %) */
    bool where_col[MAX_COLS]; /* 实施地点 of places: a place column of its own kind */
    size_t name_col;          /* the first label column not of places, or cols */
    char header[MAX_COLS][256];
    char unit[64]; /* table-wide unit, "" */
};

/* Row k is one cell spread over every column (colspan): a title or note. */
static bool spans_row(struct grid *g, size_t k)
{
    if (g->cols < 2 || cell_at(g, k, 0)->copy)
        return false;
    for (size_t c = 1; c < g->cols; c++)
        if (!cell_at(g, k, c)->copy)
            return false;
    return true;
}

/* Row k holds one cell and nothing else, not even a spread copy: a group
 * row between a header and its data (`（一）收入部分`). */
static bool group_row(struct grid *g, size_t k)
{
    size_t filled = 0;
    for (size_t c = 0; c < g->cols; c++) {
        const struct cell *cl = cell_at(g, k, c);
        if (cl->copy)
            return false;
        filled += cl->text != NULL && *cl->text != '\0';
    }
    return filled == 1 && g->cols >= 3;
}

static void layout_headers(struct grid *g, struct layout *L)
{
    size_t r = 0;
    while (r < g->rows && r < 4 && !row_has_number(g, r) && !(r > 0 && group_row(g, r)))
        r++;
    if (r == g->rows)
        r = 0;
    L->head_rows = r;
    for (size_t c = 0; c < g->cols; c++) {
        L->header[c][0] = '\0';
        for (size_t k = 0; k < r; k++) {
            if (spans_row(g, k) && r > 1)
                continue; /* a title over the whole table, not a header */
            const char *t = cell_at(g, k, c)->text;
            if (t == NULL || *t == '\0' || strstr(L->header[c], t) != NULL)
                continue;
            size_t used = strlen(L->header[c]);
            snprintf(L->header[c] + used, sizeof L->header[c] - used, "%s", t);
        }
    }
    L->unit[0] = '\0';
    table_unit(g->caption, L->unit, sizeof L->unit);
    for (size_t k = 0; k < r && L->unit[0] == '\0'; k++)
        if (cell_at(g, k, 1)->copy || g->cols == 1)
            table_unit(cell_at(g, k, 0)->text, L->unit, sizeof L->unit);
}

/* 2: a kind of administrative place (乡镇, 实施社区); 1: a name of a body or
 * a thing (单位, 项目名称); 0: neither. */
static int place_header(const char *h)
{
    static const char *const places[] = {"镇", "乡", "街道", "村", "社区", "县", "区", "市", "地区"};
    static const char *const names[] = {"单位", "名称", "部门"};
    for (size_t i = 0; i < ARRAY_LEN(places); i++)
        if (strstr(h, places[i]) != NULL)
            return 2;
    for (size_t i = 0; i < ARRAY_LEN(names); i++)
        if (strstr(h, names[i]) != NULL)
            return 1;
    return 0;
}

static bool grade_header(const char *h)
{
    static const char *const kinds[] = {"等次", "等级", "档次", "星级", "评定结果", "考核结果",
                                        "评价"};
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strstr(h, kinds[i]) != NULL)
            return true;
    return false;
}

/* A column of identifiers (窗口号 B01—B08, 编号, 联系电话) neither names the
 * row nor holds a quantity. */
static bool code_header(const char *h)
{
    static const char *const kinds[] = {"编码", "代码", "电话", "号码", "邮编", "证号", "编号"};
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strstr(h, kinds[i]) != NULL)
            return true;
    size_t n = strlen(h);
    while (n > 0 && h[n - 1] == ' ')
        n--;
    return n >= 6 && memcmp(h + n - 3, "号", 3) == 0; /* 窗口号, 门牌号 */
}

/* A remarks column (备注 按镇核定标准) comments on the row; it does not name it. */
static bool remark_header(const char *h)
{
    static const char *const kinds[] = {"备注", "说明", "附注"};
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strstr(h, kinds[i]) != NULL)
            return true;
    return false;
}

/* An empty cell or one that says `none` with a dash (`—`, `-`, `/`). */
static bool blank_cell(const char *t)
{
    static const char *const dashes[] = {"", "—", "——", "-", "--", "－", "/", "／", "–"};
    if (t == NULL)
        return true;
    while (*t == ' ')
        t++;
    for (size_t i = 0; i < ARRAY_LEN(dashes); i++)
        if (strcmp(t, dashes[i]) == 0)
            return true;
    return false;
}

/* When (举办时间, 日期, 完成时限) and where (地点, 地址) an event took
 * place, its state (完成情况 已完成) and who answers for it (责任单位
 * 镇水利站) qualify its row; the name of the event names it. */
static bool qualifier_header(const char *h)
{
    static const char *const kinds[] = {"时间", "日期", "时限", "地点", "地址", "完成情况",
                                        "进展", "进度", "状态", "责任", "牵头"};
    for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
        if (strstr(h, kinds[i]) != NULL)
            return true;
    return false;
}

/* Text that ends in a kind of administrative place: 石板村, 圩头社区; not
 * a whole one (全镇) nor several (集镇及沿线各村, 东村、西村). */
static bool place_text(const char *t)
{
    if (t == NULL || *t == '\0' || strncmp(t, "全", 3) == 0 || strstr(t, "各") ||
        strstr(t, "及") || strstr(t, "、") || strstr(t, "和"))
        return false;
    return rp_region_level_of(t) > 0;
}

/* A where column (实施地点) that holds places: most filled cells are. */
static bool where_places(struct grid *g, const struct layout *L, size_t c)
{
    if (strstr(L->header[c], "地点") == NULL)
        return false;
    size_t places = 0, filled = 0;
    for (size_t r = L->head_rows; r < g->rows; r++) {
        const char *t = cell_at(g, r, c)->text;
        filled += !blank_cell(t);
        places += !blank_cell(t) && place_text(t);
    }
    return places * 2 > filled;
}

/* A cell that states a quantity in words (`硬化通组道路4.6公里`, `带动茶农
 * 236户`): a figure with a unit after it, not a date's (2024年10月) nor an
 * ordinal's (第2批). */
static bool statement_cell(const char *t)
{
    size_t n = t != NULL ? strlen(t) : 0;
    for (size_t i = 0; i < n; i++) {
        if (!isdigit((unsigned char)t[i]))
            continue;
        bool ordinal = i >= 3 && memcmp(t + i - 3, "第", 3) == 0;
        size_t j = i;
        while (j < n && (isdigit((unsigned char)t[j]) || t[j] == '.' || t[j] == ','))
            j++;
        static const char *const after[] = {"余", "多", "万", "亿"};
        for (bool more = true; more;) { /* `1.2万余` */
            more = false;
            for (size_t k = 0; k < ARRAY_LEN(after) && !more; k++)
                if (j + 3 <= n && memcmp(t + j, after[k], 3) == 0) {
                    j += 3;
                    more = true;
                }
        }
        static const char *const dates[] = {"年", "月", "日", "时", "号"};
        bool date = false;
        for (size_t k = 0; k < ARRAY_LEN(dates); k++)
            date = date || (j + 3 <= n && memcmp(t + j, dates[k], 3) == 0);
        if (!ordinal && !date && j < n && rp_unit_match(t, n, j) != NULL)
            return true;
        i = j;
    }
    return false;
}

/* A bracketed note that explains a row rather than naming it: a list
 * (`(水电、报刊、网络)`, `(存款利息等)`), a time (`(7—9月)`) or the row's
 * role or state (`县人民医院(牵头)`, `(试点)`, `(在建)`); a note that names
 * (`(3号车间)`, `村(社区)`) stays. */
static bool explaining_note(const char *s, size_t n)
{
    static const char *const marks[] = {"、", "，", ",", "等", "月", "年", "季度",
                                        "牵头", "试点", "在建", "筹建", "托管", "代管"};
    if (n >= 15) /* five characters or more: a gloss (`(本机关不掌握相关政府信息)`) */
        return true;
    for (size_t i = 0; i < ARRAY_LEN(marks); i++) {
        size_t m = strlen(marks[i]);
        for (size_t j = 0; j + m <= n; j++)
            if (memcmp(s + j, marks[i], m) == 0)
                return true;
    }
    return false;
}

/* s[0..n) is an item number: Chinese numerals or digits. */
static bool item_number(const char *s, size_t n)
{
    static const char digits[] = "一二三四五六七八九十";
    if (n == 0)
        return false;
    for (size_t i = 0; i < n;) {
        if (s[i] >= '0' && s[i] <= '9') {
            i++;
            continue;
        }
        if (i + 3 > n || memmem(digits, sizeof digits - 1, s + i, 3) == NULL)
            return false;
        i += 3;
    }
    return true;
}

/* Width of the bracket (ASCII or full-width) opening or closing at t. */
static size_t bracket_at(const char *t, bool open)
{
    if (*t == (open ? '(' : ')'))
        return 1;
    return strncmp(t, open ? "（" : "）", 3) == 0 ? 3 : 0;
}

/* Appends a label cell without its explaining notes (`办公费(水电、网络)`
 * -> `办公费`), the statistician's mark of a sub-item (`#税收收入`) and
 * note marks after it (`地区生产总值①`, `其他行业*`). */
static void put_label(rp_tbuf *b, const char *t)
{
    size_t n = strlen(t), from = 0;
    while (*t == ' ' || *t == '#' || (n >= 3 && memcmp(t, "＃", 3) == 0)) {
        size_t w = *t == ' ' || *t == '#' ? 1 : 3;
        t += w;
        n -= w;
    }
    for (;;) {
        uint32_t last = n > 0 ? rp_utf8_before(t, n, n) : 0;
        size_t w = last >= 0x2460 && last <= 0x2473 ? 3 : last == '*' || last == ' ' ? 1 : 0;
        if (w == 0 || n <= w)
            break;
        n -= w; /* ① .. ⑳, * */
    }
    for (size_t i = 0; i < n; i++) {
        size_t w = bracket_at(t + i, true);
        if (w == 0)
            continue;
        size_t j = i + w, c = 0;
        while (j < n && (c = bracket_at(t + j, false)) == 0 && bracket_at(t + j, true) == 0)
            j++;
        if (c == 0)
            break; /* unclosed or nested: keep the rest as it stands */
        /* a leading item number `(一)`, `(2)` numbers the row, it names nothing */
        bool number = i == 0 && j + c < n && item_number(t + w, j - w);
        if ((i > 0 && explaining_note(t + i + w, j - i - w)) || number) {
            rp_tbuf_append(b, t + from, i - from);
            from = j + c;
        }
        i = j + c - 1;
    }
    rp_tbuf_append(b, t + from, n - from);
}

/* A cell that is only a unit, with or without a multiplier and a rate's
 * denominators: 人, 万人, %, 万元/亩. */
static bool unit_word(const char *t)
{
    size_t n = strlen(t), i = 0;
    while (i < n && t[i] == ' ')
        i++;
    if (i + 3 <= n && (memcmp(t + i, "万", 3) == 0 || memcmp(t + i, "亿", 3) == 0))
        i += 3;
    const rp_unit *u = i < n ? rp_unit_match(t, n, i) : NULL;
    if (u == NULL)
        return false;
    size_t e = i + strlen(u->surface);
    char per[64];
    return e == n || e + rp_unit_per(t, n, e, per, sizeof per) == n;
}

/* A 单位 column whose cells are all units gives each row its unit; a 单位
 * column of names (`责任单位`) is a label. */
static bool unit_column(struct grid *g, struct layout *L, size_t c)
{
    if (strstr(L->header[c], "单位") == NULL)
        return false;
    size_t units = 0;
    for (size_t r = L->head_rows; r < g->rows; r++) {
        const char *t = cell_at(g, r, c)->text;
        if (blank_cell(t))
            continue;
        if (!unit_word(t))
            return false;
        units++;
    }
    return units > 0;
}

/* `16.8:1`, `2.08：1`: a ratio of two figures (生师比), which states no
 * quantity of its own. */
static bool ratio_cell(const char *t)
{
    if (t == NULL)
        return false;
    size_t i = 0, digits = 0;
    while (isdigit((unsigned char)t[i]) || t[i] == '.')
        digits += isdigit((unsigned char)t[i++]) != 0;
    if (digits == 0)
        return false;
    if (t[i] == ':')
        i++;
    else if (strncmp(t + i, "：", 3) == 0)
        i += 3;
    else
        return false;
    size_t after = 0;
    while (isdigit((unsigned char)t[i]) || t[i] == '.')
        after += isdigit((unsigned char)t[i++]) != 0;
    return after > 0 && t[i] == '\0';
}

static void layout_columns(struct grid *g, struct layout *L)
{
    size_t data = g->rows - L->head_rows;
    for (size_t c = 0; c < g->cols; c++) {
        size_t nums = 0, seq = 0, filled = 0, ratios = 0;
        for (size_t r = L->head_rows; r < g->rows; r++) {
            const char *t = cell_at(g, r, c)->text;
            nums += is_num(t);
            ratios += ratio_cell(t);
            filled += !blank_cell(t);
            char want[24];
            snprintf(want, sizeof want, "%zu", r - L->head_rows + 1);
            seq += t != NULL && strcmp(t, want) == 0;
        }
        L->index_col[c] = is_index_header(L->header[c]) ||
                          (c == 0 && data >= 2 && seq + 1 >= data);
        L->unit_col[c] = !L->index_col[c] && unit_column(g, L, c);
        /* a column of ratios (生师比 16.8:1) is left out like identifiers */
        L->code_col[c] = !L->index_col[c] && (code_header(L->header[c]) ||
                                              (ratios > 0 && ratios * 2 >= filled));
        L->label_col[c] = !L->index_col[c] && !L->unit_col[c] && !L->code_col[c] &&
                          nums * 2 < filled;
    }
    size_t names = 0;
    for (size_t c = 0; c < g->cols; c++) {
        L->place_col[c] = L->label_col[c] ? place_header(L->header[c]) : 0;
        /* a grade (等次 好/较好/一般) qualifies the row, it does not name it */
        if (L->label_col[c] && (grade_header(L->header[c]) || remark_header(L->header[c])))
            L->label_col[c] = false;
        names += L->label_col[c] && !qualifier_header(L->header[c]);
    }
    for (size_t c = 0; c < g->cols && names > 0; c++) {
        if (!L->label_col[c] || !qualifier_header(L->header[c]))
            continue;
        /* where it took place, when a place, opens the row's sentence */
        L->where_col[c] = where_places(g, L, c);
        L->label_col[c] = L->where_col[c];
        L->place_col[c] = L->where_col[c] ? 2 : 0;
    }
    L->name_col = g->cols;
    for (size_t c = 0; c < g->cols && L->name_col == g->cols; c++)
        if (L->label_col[c] && L->place_col[c] != 2)
            L->name_col = c;
}

/* A header that is a time alone (`2025年`, `本年`, `上年`): its row's
 * sentence opens with it (`2025年个贷发放6.42亿元`), as prose states a
 * period before what it counts; after the label it would part a name that
 * ends in a verb from its figure (`个贷发放2025年6.42亿元`). */
static bool period_header(const char *core)
{
    char buf[64];
    size_t n = strlen(core);
    return n > 0 && rp_period_at(core, n, 0, NULL, buf, sizeof buf) == n;
}

static void render_row(struct emit *e, struct grid *g, struct layout *L,
                       size_t r)
{
    /* Place columns first (东城街道 before its grade 好), then names
     * (项目名称 after 实施社区), so that the row's sentence opens with its
     * place; a cell spread over several label columns (合计) is written once. */
    rp_tbuf label = {0};
    const char *last = NULL;
    char label_unit[64] = "";
    for (int pass = 0; pass < 3; pass++)
        for (size_t c = 0; c < g->cols; c++) {
            const char *t = cell_at(g, r, c)->text;
            if (!L->label_col[c] || L->place_col[c] != 2 - pass || blank_cell(t) ||
                (last != NULL && strcmp(t, last) == 0) || (L->where_col[c] && !place_text(t)))
                continue;
            /* a cell stating quantities of its own is a sentence of its own */
            if (c != L->name_col && statement_cell(t))
                continue;
            /* 用电量（万千瓦时）: a row label may carry the row's unit */
            char core[256], lu[64];
            header_unit(t, core, sizeof core, lu, sizeof lu);
            if (lu[0] != '\0' && strlen(core) < strlen(t) && unit_word(lu)) {
                put_label(&label, core);
                snprintf(label_unit, sizeof label_unit, "%s", lu);
            } else {
                put_label(&label, t);
            }
            last = t;
        }
    /* 合计 written under the 序号 column, the label cells left blank */
    for (size_t c = 0; c < g->cols && label.len == 0; c++) {
        const char *t = cell_at(g, r, c)->text;
        if (L->index_col[c] && !blank_cell(t) && !is_num(t))
            put_label(&label, t);
    }
    const char *row_unit = NULL;
    for (size_t c = 0; c < g->cols; c++)
        if (L->unit_col[c] && !blank_cell(cell_at(g, r, c)->text))
            row_unit = cell_at(g, r, c)->text;
    for (size_t c = 0; c < g->cols; c++) {
        struct cell *cl = cell_at(g, r, c);
        size_t uat;
        if (L->index_col[c] || L->label_col[c] || L->unit_col[c] || L->code_col[c] ||
            cl->copy || !is_num(cl->text))
            continue;
        numeric_cell(cl->text, strlen(cl->text), &uat);
        char core[256], unit[64];
        header_unit(L->header[c], core, sizeof core, unit, sizeof unit);
        emit_newline(e);
        bool lead = period_header(core);
        if (lead)
            rp_tbuf_puts(&e->out, core);
        if (label.len > 0)
            rp_tbuf_append(&e->out, label.p, label.len);
        if (!lead)
            rp_tbuf_puts(&e->out, core);
        /* PM2.5, PM10, COD: a name ending in Latin or digits would glue onto
         * the figure (PM2.524) */
        size_t cn = strlen(core);
        if (cn > 0 && (isalnum((unsigned char)core[cn - 1]) || core[cn - 1] == '.'))
            rp_tbuf_puts(&e->out, "为");
        rp_tbuf_puts(&e->out, cl->text);
        if (uat == strlen(cl->text))
            rp_tbuf_puts(&e->out, unit[0]         ? unit
                                  : label_unit[0] ? label_unit
                                  : row_unit      ? row_unit
                                                  : L->unit);
        rp_tbuf_puts(&e->out, "。");
        emit_newline(e);
    }
    /* the cells that state quantities in words, each once, after the row's
     * name: `通组公路硬化工程，硬化通组道路4.6公里。` */
    for (size_t c = 0; c < g->cols; c++) {
        struct cell *cl = cell_at(g, r, c);
        if (c == L->name_col || L->index_col[c] || L->unit_col[c] || L->code_col[c] ||
            remark_header(L->header[c]) || cl->copy || is_num(cl->text) ||
            !statement_cell(cl->text) ||
            (L->label_col[c] && L->place_col[c] == 2))
            continue;
        emit_newline(e);
        if (label.len > 0) {
            rp_tbuf_append(&e->out, label.p, label.len);
            rp_tbuf_puts(&e->out, "，");
        }
        rp_tbuf_puts(&e->out, cl->text);
        rp_tbuf_puts(&e->out, "。");
        emit_newline(e);
    }
    rp_tbuf_free(&label);
}

/* A data table: two rows and two columns at least, some numeric cell, no
 * cell holding a paragraph (that is a layout table). */
static bool grid_is_data(const struct grid *g)
{
    if (g->rows < 2 || g->cols < 2)
        return false;
    size_t nums = 0;
    for (size_t i = 0; i < g->rows * MAX_COLS; i++) {
        const char *t = g->c[i].text;
        if (t != NULL && strlen(t) > 150)
            return false;
        nums += is_num(t);
    }
    return nums > 0;
}

/* Writes the caption and one sentence per numeric data cell; false when the
 * grid is not a data table. */
static bool render_grid(struct emit *e, struct grid *g)
{
    if (!grid_is_data(g))
        return false;
    struct layout *L = calloc(1, sizeof *L);
    if (L == NULL)
        return false;
    layout_headers(g, L);
    layout_columns(g, L);
    if (g->caption != NULL && *g->caption != '\0') {
        rp_html_emit_text(e, g->caption, strlen(g->caption));
        emit_newline(e);
    }
    for (size_t r = L->head_rows; r < g->rows; r++)
        render_row(e, g, L, r);
    e->tables++;
    free(L);
    return true;
}

bool rp_html_emit_table(struct emit *e, xmlNode *table)
{
    struct grid g = {0};
    if (!rp_html_grid_read(&g, e->w, table))
        return false;
    bool data = render_grid(e, &g);
    rp_html_grid_free(&g);
    return data;
}

size_t rp_table_render(const char *const *cells, size_t rows, size_t cols,
                       const char *caption, rp_tbuf *out)
{
    struct grid g = {0};
    size_t used = cols < MAX_COLS ? cols : MAX_COLS;
    bool ok = true;
    for (size_t r = 0; ok && r < rows; r++) {
        ok = rp_html_grid_add_row(&g);
        for (size_t c = 0; ok && c < used; c++) {
            const char *t = cells[r * cols + c];
            cell_at(&g, r, c)->text = strdup(t != NULL ? t : "");
            ok = cell_at(&g, r, c)->text != NULL;
        }
    }
    g.cols = used;
    g.caption = caption != NULL ? strdup(caption) : NULL;
    struct emit e = {0};
    size_t n = 0;
    if (ok && render_grid(&e, &g)) {
        for (size_t i = 0; i < e.out.len; i++)
            n += e.out.p[i] == '\n';
        rp_tbuf_append(out, e.out.p, e.out.len);
    }
    rp_tbuf_free(&e.out);
    rp_html_grid_free(&g);
    return n;
}
