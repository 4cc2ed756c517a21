/* rp_region: see rp_region.h. */
#include "rp_region.h"

#include <string.h>

#include "rp_utf8.h"

typedef struct suffix {
    const char *s;
    int level;
} suffix;

static const suffix suffixes[] = {
    {"社区", 5}, {"街道", 4}, {"自治区", 1}, {"自治州", 2}, {"省", 1}, {"市", 2}, {"州", 2},
    {"盟", 2},   {"区", 3},   {"县", 3},     {"旗", 3},     {"镇", 4}, {"乡", 4}, {"村", 5},
};

/* Name parts that make a common noun, not a place. */
static const char *const common_names[] = {
    "城", "都", "超", "股", "夜", "门", "上", "开发", "示范", "责任", "服务", "功能", "试验",
    "保护", "风景", "旅游", "居住", "商业", "工业", "产业", "核心", "经济", "行政", "城市",
    "农村", "贫困", "边远", "偏远", "重点", "先行", "自然", "全市", "全省", "全县", "全区",
    "所在", "相关", "周边", "城乡", "美丽", "文明", "示范", "省会", "中心", "一", "新农",
    "特色", "样板", "试点", "乡镇", "城镇", "街镇", "片", "园", "景", "辖", "校", "山", "地",
    "老", "灾", "病", "禁", "学", "郊", "省", "市", "区", "县", "镇", "乡", "村", "街",
    NULL};

static bool is_common_name(const char *s, size_t a, size_t b)
{
    for (size_t k = 0; common_names[k]; k++) {
        size_t l = strlen(common_names[k]);
        if (l == b - a && memcmp(s + a, common_names[k], l) == 0)
            return true;
    }
    return false;
}

/* Characters a place name does not start with: prepositions, quantifiers,
 * pronouns, verbs that precede places. */
static bool bad_first(uint32_t cp)
{
    static const char bad[] = "在到赴从对向与和为由经全我本各该每此其原是将把被让于以及并等共"
                              "个名家所支处的了中驻市区县省镇乡村街这那某即有";
    char buf[5];
    size_t l = rp_utf8_encode(cp, buf);
    buf[l] = 0;
    return strstr(bad, buf) != NULL;
}

static const suffix *suffix_at(const char *s, size_t n, size_t i)
{
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
        if (rp_utf8_starts(s, n, i, suffixes[k].s))
            return &suffixes[k];
    return NULL;
}

/* One place element at i: name of 2-7 Han chars (1 allowed when chaining)
 * followed by a suffix. Returns its end or 0. */
static size_t element_at(const char *s, size_t n, size_t i, size_t min_chars, int *level)
{
    size_t j = i, chars = 0;
    if (bad_first(rp_utf8_at(s, n, i)))
        return 0;
    while (j < n && chars < 8) {
        if (chars >= min_chars) {
            const suffix *sf = suffix_at(s, n, j);
            if (sf != NULL && !is_common_name(s, i, j)) {
                *level = sf->level;
                return j + strlen(sf->s);
            }
        }
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (!rp_utf8_is_han(cp))
            return 0;
        j += l;
        chars++;
    }
    return 0;
}

bool rp_region_place_at(const char *s, size_t n, size_t i, rp_place *out)
{
    int level = 0;
    size_t end = element_at(s, n, i, 2, &level);
    if (end == 0)
        return false;
    out->start = i;
    out->end = end;
    out->level = level;
    for (int k = 0; k < 3; k++) {
        int lv = 0;
        size_t e = element_at(s, n, out->end, 2, &lv);
        if (e == 0 || e - out->end > 7 * 3 + 6)
            break;
        out->end = e;
        out->level = lv;
    }
    return true;
}

int rp_region_self_ref(const char *s, size_t n, size_t i, size_t *len)
{
    static const char *const pre[] = {"我", "全", "本"};
    for (size_t k = 0; k < 3; k++) {
        if (!rp_utf8_starts(s, n, i, pre[k]))
            continue;
        const suffix *sf = suffix_at(s, n, i + 3);
        if (sf != NULL && sf->level != 5 && strcmp(sf->s, "街道") != 0) {
            *len = 3 + strlen(sf->s);
            return sf->level;
        }
    }
    return 0;
}

bool rp_region_not_subject(const char *s, size_t n, size_t end)
{
    static const char *const after[] = {"委", "、", "和", "与", "等", "的", "及", "政府", "人民",
                                        "党委", NULL};
    for (size_t k = 0; after[k]; k++)
        if (rp_utf8_starts(s, n, end, after[k]))
            return true;
    return false;
}

int rp_region_level_of(const char *place)
{
    size_t n = strlen(place);
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++)
        if (rp_utf8_ends(place, n, suffixes[k].s))
            return suffixes[k].level;
    return 0;
}

/* ---- scope state ---- */

static void set_place(char *dst, const char *s, size_t a, size_t b)
{
    size_t l = b - a;
    if (l >= RP_REGION_MAX)
        l = RP_REGION_MAX - 1;
    memcpy(dst, s + a, l);
    dst[l] = '\0';
}

/* A place may start at i when the character before is not part of a word:
 * start, non-Han, or a function character (在 是 的 ...). */
static bool word_start(const char *s, size_t n, size_t i)
{
    uint32_t prev = rp_utf8_before(s, n, i);
    if (!rp_utf8_is_han(prev))
        return true;
    static const char fn[] = "在是的于从对到赴将由";
    char buf[5];
    size_t l = rp_utf8_encode(prev, buf);
    buf[l] = 0;
    return strstr(fn, buf) != NULL;
}

static bool first_place(const char *s, size_t n, size_t limit, rp_place *out)
{
    for (size_t i = 0; i < n && i < limit;) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, i, &l);
        if (rp_utf8_is_han(cp) && word_start(s, n, i) && rp_region_place_at(s, n, i, out))
            return true;
        i += l;
    }
    return false;
}

/* 我省 with no named province near the top: the first 安徽省-like place of
 * the same level anywhere in the text. */
static bool place_by_level(const char *s, size_t n, const char *suffix, rp_place *out)
{
    size_t sl = strlen(suffix);
    const char *p = s;
    while ((p = memmem(p, n - (size_t)(p - s), suffix, sl)) != NULL) {
        size_t at = (size_t)(p - s);
        size_t b = at;
        for (int k = 0; k < 4 && b > 0; k++) {
            b = rp_utf8_prev(s, b);
            if (k >= 1 && word_start(s, n, b) && rp_region_place_at(s, n, b, out) &&
                out->end >= at + sl)
                return true;
        }
        p += sl;
    }
    return false;
}

void rp_region_state_init(rp_region_state *st, const char *s, size_t n, const char *title)
{
    memset(st, 0, sizeof *st);
    rp_place pl;
    if (title != NULL && first_place(title, strlen(title), strlen(title), &pl)) {
        set_place(st->doc, title, pl.start, pl.end);
    } else if (first_place(s, n, 600, &pl)) {
        set_place(st->doc, s, pl.start, pl.end);
    } else {
        static const char *const refs[][2] = {{"我省", "省"}, {"全省", "省"}, {"我市", "市"},
                                              {"全市", "市"}, {"我区", "区"}, {"全区", "区"},
                                              {"我县", "县"}, {"全县", "县"}};
        for (size_t k = 0; k < sizeof refs / sizeof refs[0]; k++) {
            if (memmem(s, n, refs[k][0], strlen(refs[k][0])) == NULL)
                continue;
            if (place_by_level(s, n, refs[k][1], &pl)) {
                set_place(st->doc, s, pl.start, pl.end);
                break;
            }
        }
    }
    st->doc_level = rp_region_level_of(st->doc);
}

static bool is_enumerated(const char *s, size_t n, size_t i)
{
    size_t l;
    uint32_t cp = rp_utf8_decode(s, n, i, &l);
    uint32_t next = rp_utf8_at(s, n, i + l);
    bool cn = (cp == 0x4E00 || cp == 0x4E8C || cp == 0x4E09 || cp == 0x56DB ||
                                cp == 0x4E94 || cp == 0x516D || cp == 0x4E03 || cp == 0x516B ||
                                cp == 0x4E5D || cp == 0x5341);
    if (cn && next == 0x3001)
        return true;
    if (cp == '(' || cp == 0x3010)
        return true;
    return cp >= '0' && cp <= '9' && (next == '.' || next == 0x3001);
}

void rp_region_paragraph(rp_region_state *st, const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    st->para_enum = is_enumerated(s, n, i);
    st->para_has_place = false;
    st->sentence[0] = '\0';
}

void rp_region_clause(rp_region_state *st, const char *s, size_t n, size_t i)
{
    size_t len;
    int self = rp_region_self_ref(s, n, i, &len);
    if (self > 0) {
        if (self == st->doc_level && st->doc[0]) {
            st->section[0] = '\0';
            st->sentence[0] = '\0';
        }
        return;
    }
    rp_place pl;
    if (!rp_utf8_is_han(rp_utf8_at(s, n, i)) || !rp_region_place_at(s, n, i, &pl) ||
        rp_region_not_subject(s, n, pl.end))
        return;
    if (!st->para_enum && !st->para_has_place) {
        set_place(st->section, s, pl.start, pl.end);
        st->sentence[0] = '\0';
        st->para_has_place = true;
    } else {
        set_place(st->sentence, s, pl.start, pl.end);
    }
}

void rp_region_sentence_end(rp_region_state *st)
{
    st->sentence[0] = '\0';
}

const char *rp_region_current(const rp_region_state *st)
{
    if (st->sentence[0])
        return st->sentence;
    if (st->section[0])
        return st->section;
    return st->doc;
}
