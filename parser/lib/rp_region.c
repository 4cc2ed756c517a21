/* rp_region: see rp_region.h. */
#include "rp_region.h"
#include "rp_number.h"

#include <stdio.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "rp_utf8.h"

typedef struct suffix {
    const char *s;
    size_t len; /* strlen(s), read in the per-character loops */
    int level;
} suffix;

#define SUFFIX(w, level) {w, sizeof w - 1, level}

static const suffix suffixes[] = {
    SUFFIX("经济技术开发区", 3), SUFFIX("经济开发区", 3), SUFFIX("高新技术产业开发区", 3),
    SUFFIX("开发区", 3),         SUFFIX("高新区", 3),     SUFFIX("新区", 3),
    SUFFIX("社区", 5),           SUFFIX("街道", 4),       SUFFIX("自治区", 1),
    SUFFIX("自治州", 2),         SUFFIX("省", 1),         SUFFIX("市", 2),
    SUFFIX("州", 2),             SUFFIX("盟", 2),         SUFFIX("区", 3),
    SUFFIX("县", 3),             SUFFIX("旗", 3),         SUFFIX("镇", 4),
    SUFFIX("乡", 4),             SUFFIX("村", 5),
};

/* Name parts that make a common noun, not a place. */
static const char *const common_names[] = {
    "城", "都", "超", "股", "夜", "门", "上", "开发", "示范", "责任", "服务", "功能", "试验",
    "保护", "风景", "旅游", "居住", "商业", "工业", "产业", "核心", "经济", "行政", "城市",
    "农村", "贫困", "边远", "偏远", "重点", "先行", "自然", "全市", "全省", "全县", "全区",
    "所在", "相关", "周边", "城乡", "美丽", "文明", "示范", "省会", "中心", "一", "新农",
    "特色", "样板", "试点", "乡镇", "城镇", "街镇", "片", "园", "景", "辖", "校", "山", "地",
    "脱贫", /* 全市脱贫村最多的县: a kind of village */
    /* 楦口乡：山区乡，…, 库区村, 林区乡: the kind of land a place lies in */
    "山区", "库区", "林区", "牧区", "湖区", "矿区", "老区", "边区",
    "城郊", /* 针对城郊村外出务工党员较多的实际 */
    "城中", /* 城中村: an urban village, a kind */
    "老", "灾", "病", "禁", "学", "郊", "省", "市", "区", "县", "镇", "乡", "村", "街",
    /* adverbs of time: 后来社区给我们配了…, 原来村里… */
    "后来", "原来", "本来", "近来", "将来", "从来", "现在", "目前", "当时", "那时",
    /* 今年街道到位侨资…: a time before the suffix's word */
    "今年", "去年", "明年", "前年", "当年", "全年", NULL};

static bool is_common_name(const char *s, size_t a, size_t b)
{
    if (b - a > 6)
        return false; /* every entry has one or two characters */
    for (size_t k = 0; common_names[k]; k++) {
        if (common_names[k][0] != s[a] || common_names[k][2] != s[a + 2])
            continue;
        size_t l = strlen(common_names[k]);
        if (l == b - a && memcmp(s + a, common_names[k], l) == 0)
            return true;
    }
    return false;
}

static const char verb_chars[] =
        "推动加强立按照培训过邀请设打造评组织激励畅撬购置态坚持落实展举办参与提升进施完善健挥"
        "带领引聚焦派养务管理指助解决整召制印探索创构搭统筹压做抓把将以让使对向从由在于为和等"
        "的了着是有无不已共各每全本该此这那某些其被所就都也还又再之及并或而但则即发选择认真贯彻到"
        "始终围绕注重积极深入扎实切实努力不断持续全面进一步采取实行开展完成实现形成建立壮任职"
        "欢席"  /* 欢迎出席苍岚县…: a greeting, not a name */
        "个名"  /* classifiers: 三个县区 is a count, not a place */
        "跨"    /* 特大跨省贩毒案, 跨县: crossing places, not one */
        "比较"  /* comparison bases: 比石桥村高出 is not a place */
        "至"    /* a route: 茳坪至县城班线, as 到 */
        "丨"    /* a title's separator (数据播报丨蔺川县…), a Han code point */
        "拓"    /* 出海拓市: opening markets, not a city */
        "说看"  /* 先说鹞子岩村, 再看芦花湾村: a speaker turning to a place */
        "届"    /* 新一届村“两委”: a term of office, no name */
        "们走"  /* 代表们走村入户: people, and a walk, are no name */
        "属"    /* 同属槿园社区: belonging to a place, no part of its name */
        "给";   /* 直接报给苈桥镇纪委: handed to a place's body */

/* Two-character verbs whose characters also occur in place names (all six
 * bytes long: has_verb_pair compares six). */
static const char *const verb_pairs[] = {"深化", "开发", "建设", "建成", "大力", "通过", "重点",
                                    "加大", "开创", "化解", "安排", "定期", "依托", "覆盖",
                                    "走进", "深入", "地处", "位于", "联合", "会同", "协同",
                                    "配合", "接受", "自觉", "结合", "融合", "整合", "符合",
                                    "根据", "依据", "委托", "移交", "利用", "提交",
                                    "报送", "上报", "转交", "参照",
                                    /* 表彰县…, 审查批准县…, 包括批准县…: acts of a
                                     * body on the county's people or budget */
                                    "表彰", "批准", "审查", "审议", "包括", "听取",
                                    /* 承担省下达的任务: a task taken on from the
                                     * province; 汛期县防指: a season, then a body */
                                    "承担", "承接", "汛期",
                                    /* 移民人口占村总人口30%以上的: a share, no name */
                                    "人口",
                                    NULL};

static rp_cset verb_pair_first_set;
static rp_cset verb_set, bad_first_set, fn_set, suffix_first_set, after_first_set;
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void sets_build(void)
{
    rp_cset_add(&verb_set, verb_chars);
    for (size_t k = 0; verb_pairs[k]; k++) {
        char first[4] = {0};
        memcpy(first, verb_pairs[k], 3);
        rp_cset_add(&verb_pair_first_set, first);
    }
    rp_cset_add(&bad_first_set, "在到赴从对向与和为由经全我本各该每此其原是将把被让于以及并等共比较像"
                                "个名家所支处的了中驻市区县省镇乡村街这那某即有"
                                /* 丨 a title separator (数说2024丨翠岭县…); 访 (——访…村书记);
                                 * 年: 2024年度镇… is a year; 隔壁梧桐社区: the neighbour;
                                 * 除城区外: all but; 咱们村: we */
                                "丨访年隔除咱们"
                                /* 受山区人口外流影响: what a place is affected by */
                                "受");
    rp_cset_add(&fn_set, "在是的于从对到赴将由共驻为丨访");
    rp_cset_add(&suffix_first_set, "社街自省市州盟区县旗镇乡村经高新开");
    /* first characters of the words of rp_region_not_subject */
    rp_cset_add(&after_first_set, "委、和与等的及政人级党干直属内域情民务里外\xE2\x80\x9C两镇村乡区县市组团财庄容貌规企办长领"
                                  "选派援");
}

/* The sets are built by the public entry points (sets_ready) before any
 * helper reads them. */
static void sets_ready(void)
{
    pthread_once(&sets_once, sets_build);
}

static bool verb_char(uint32_t cp)
{
    return rp_cset_has(&verb_set, cp);
}

/* Characters a place name does not start with: prepositions, quantifiers,
 * pronouns, verbs that precede places. */
static bool bad_first(uint32_t cp)
{
    return rp_cset_has(&bad_first_set, cp);
}

/* Characters of verbs and function words: a "name" containing one is a
 * clause that merely reaches a suffix character (推动全区, 加强区直部门,
 * 按照每个村), not a place. Characters common in real place names (山 水 城
 * 新 南 通 定 化 ...) are deliberately absent. */

static bool has_verb_pair(const char *s, size_t a, size_t b)
{
    /* a name is a few characters: test each one against the pairs' first
     * characters before comparing any pair */
    size_t l;
    for (size_t p = a; p + 6 <= b; p += l) {
        if (!rp_cset_has(&verb_pair_first_set, rp_utf8_decode(s, b, p, &l)))
            continue;
        for (size_t k = 0; verb_pairs[k]; k++)
            if (memcmp(s + p, verb_pairs[k], 6) == 0)
                return true;
    }
    return false;
}

/* Common nouns that end in a suffix character: 覆盖农村 is not a place. */
static bool common_tail(const char *s, size_t a, size_t b)
{
    static const char *const words[] = {"农村", "乡村", "城市", "小区", "园区", "片区", "景区",
                                        "辖区", "街区", "校区", "牧区", "灾区", "城镇", "乡镇",
                                        "街镇", "村镇", "都市", "超市", "省市", "市县", "县市",
                                        "区县", "县区", "下乡", "返乡", "回乡", "家乡", "城乡",
                                        "老乡", "同乡", "故乡", "集市", "夜市", "门市", "股市",
                                        "上市", "联盟", "同盟", "库区", "专区", "展区", "分区",
                                        /* 山区部分台区: a transformer's supply area;
                                         * 楂岭古镇: an old town kept as a sight */
                                        "台区", "古镇",
                                        /* 第八批驻村第一书记, 送教进村: a verb on a
                                         * village, not one named */
                                        "驻村", "进村", "入村", "包村", "联村",
                                        /* 走访慰问驻区部队: stationed in the district */
                                        "驻区", "驻县", "驻市", "驻镇", NULL};
    if (b - a <= 6)
        return false;
    /* a park with a name of its own (枳源工业园区) is governed as an area;
     * 工业园区 alone or after its county (县工业园区) is a kind */
    static const char *const parks[] = {"工业园区", "产业园区", NULL};
    for (size_t k = 0; parks[k]; k++)
        if (b - a >= 18 && memcmp(s + b - 12, parks[k], 12) == 0) {
            uint32_t before = rp_utf8_before(s, b, b - 12);
            return rp_utf8_in("县市区镇乡省全", before);
        }
    /* zones that are no administrative area: 工业集中区, 产业集聚区 */
    static const char *const zones[] = {"集中区", "集聚区", "聚集区", "项目区", "棚户区",
                                        "安置区", "生活区", "居住区",
                                        /* areas of a hall or a fair: 政策咨询区, 等候区 */
                                        "咨询区", "服务区", "功能区", "办公区", "体验区",
                                        "等候区", "洽谈区", "报名区", "展示区", "阅览区",
                                        "休闲区", "候诊区", "办事区",
                                        /* a library's or a web page's (少儿区, 评论区) */
                                        "少儿区", "儿童区", "成人区", "自习区", "亲子区",
                                        "留言区", "评论区", NULL};
    /* a part of a place named by a common noun: 东澴区老城区 (the zones
     * below are refused alone too: 深入项目区) */
    if (b - a == 9 && memcmp(s + a, "老城区", 9) == 0)
        return true;
    for (size_t k = 0; zones[k]; k++)
        if (b - a >= 9 && memcmp(s + b - 9, zones[k], 9) == 0)
            return true;
    for (size_t k = 0; words[k]; k++)
        if (words[k][5] == s[b - 1] && memcmp(s + b - 6, words[k], 6) == 0)
            return true; /* every entry has two characters */
    return false;
}

static const suffix *suffix_at(const char *s, size_t n, size_t i)
{
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        const char *x = suffixes[k].s;
        if (i + 3 <= n && x[2] == s[i + 2] && x[1] == s[i + 1] && rp_utf8_starts(s, n, i, x))
            return &suffixes[k];
    }
    return NULL;
}

/* Characters of the name s[i..j) when a suffix longer than sf ends where
 * sf does (社区 over 区, 新区 over 区): what is left before it. */
static size_t longer_suffix_chars(const char *s, size_t i, size_t j, const suffix *sf)
{
    size_t end = j + sf->len, chars = 0;
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t l = suffixes[k].len;
        if (l > sf->len && end - i >= l && rp_utf8_ends(s, end, suffixes[k].s)) {
            for (size_t p = i; p < end - l; p += 3)
                chars++;
            return chars;
        }
    }
    for (size_t p = i; p < j; p += 3)
        chars++;
    return chars;
}

/* Whether i is at or inside the name of a body that precedes a place
 * (政协檀川县委员会, 共青团荻塘县委): the place starts after it. */
static bool in_body_prefix(const char *s, size_t n, size_t i)
{
    /* 国网: the State Grid's county company (国网榉溪县供电公司) */
    static const char *const bodies[] = {"政协", "共青团", "中共", "国网", NULL};
    uint32_t cp = rp_utf8_at(s, n, i);
    /* 政 协 共 青 团 中 国 网 */
    if (cp != 0x653F && cp != 0x534F && cp != 0x5171 && cp != 0x9752 && cp != 0x56E2 &&
        cp != 0x4E2D && cp != 0x56FD && cp != 0x7F51)
        return false;
    for (size_t k = 0; bodies[k]; k++) {
        size_t l = strlen(bodies[k]);
        for (size_t back = 0; back < l; back += 3)
            if (i >= back && rp_utf8_starts(s, n, i - back, bodies[k]))
                return true;
    }
    return false;
}

/* `部分山区`, `个别乡镇`, `少数村`: a quantifier picks some of a kind; it
 * names no place. */
static bool determiner(const char *s, size_t n, size_t i)
{
    static const char *const words[] = {"部分", "个别", "少数", "多数", "一些", "有些", "许多",
                                        NULL};
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_starts(s, n, i, words[k]) ||
            (i >= 3 && rp_utf8_starts(s, n, i - 3, words[k])))
            return true;
    return false;
}

/* One place element at i: name of 2-7 Han chars (1 allowed when chaining)
 * followed by a suffix. Returns its end or 0. */
static size_t element_at(const char *s, size_t n, size_t i, size_t min_chars, int *level,
                         bool clause_start)
{
    size_t j = i, chars = 0;
    uint32_t first = rp_utf8_at(s, n, i);
    /* 和 is the conjunction mid-clause, but no clause opens with it: at a
     * clause start it begins a name (和平社区党委发动…) */
    bool lead_he = clause_start && first == 0x548C;
    if (bad_first(first) && !lead_he)
        return 0;
    /* 社区属城中村…, 街道辖…: the common noun opens the clause; no name
     * starts with it */
    if (rp_utf8_starts(s, n, i, "社区") || rp_utf8_starts(s, n, i, "街道"))
        return 0;
    while (j < n && chars < 8) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (chars >= min_chars && rp_cset_has(&suffix_first_set, cp)) {
            const suffix *sf = suffix_at(s, n, j);
            /* 节假日市场: 市 before 场 is the market, not a city; 新增市级,
             * 建成县级: the suffix before 级 names a level, not a place */
            if (sf != NULL && ((strcmp(sf->s, "市") == 0 && rp_utf8_starts(s, n, j + 3, "场")) ||
                               rp_utf8_starts(s, n, j + sf->len, "级")))
                sf = NULL;
            /* 冲毁村道1.2公里: 村道 村路 are village roads, not a village */
            if (sf != NULL && strcmp(sf->s, "村") == 0 &&
                (rp_utf8_starts(s, n, j + 3, "道") || rp_utf8_starts(s, n, j + 3, "路")))
                sf = NULL;
            /* 新接收社区矫正对象: community correction, no community */
            if (sf != NULL && strcmp(sf->s, "社区") == 0 && rp_utf8_starts(s, n, j + 6, "矫正"))
                return 0;
            /* 菱渚镇志, 《枫湾村志》: a gazetteer's title, not the place (镇志愿者 is) */
            if (sf != NULL && rp_utf8_starts(s, n, j + sf->len, "志") &&
                !rp_utf8_starts(s, n, j + sf->len + 3, "愿"))
                sf = NULL;
            /* 两部乡镇志, 乡村振兴: 乡镇 and 乡村 are words, not a township */
            if (sf != NULL && strcmp(sf->s, "乡") == 0 &&
                (rp_utf8_starts(s, n, j + 3, "镇") || rp_utf8_starts(s, n, j + 3, "村")))
                sf = NULL;
            /* 在册社区矫正对象: a name is measured before the longest suffix
             * that ends here (册 + 社区, not 册社 + 区); the suffix alone
             * may name a zone (高新区) */
            size_t before = sf != NULL ? longer_suffix_chars(s, i, j, sf) : 0;
            if (sf != NULL && before > 0 && before < min_chars)
                return 0;
            /* 今年我县, 近年来该镇: a reference to a place, no name */
            if (sf != NULL && (rp_utf8_ends(s, j, "我") || rp_utf8_ends(s, j, "该")))
                return 0;
            /* 城市社区: the common noun before the suffix ends the name there */
            if (sf != NULL && is_common_name(s, i, j))
                return 0;
            if (sf != NULL && !common_tail(s, i, j + sf->len)) {
                /* checked last, on the few names that reach a suffix */
                if (has_verb_pair(s, i, j) || in_body_prefix(s, n, i) || determiner(s, n, i))
                    return 0;
                *level = sf->level;
                return j + sf->len;
            }
        }
        if (!rp_utf8_is_han(cp) || (verb_char(cp) && !(lead_he && j == i)))
            return 0;
        j += l;
        chars++;
    }
    return 0;
}

static size_t element_end(const char *s, size_t n)
{
    int lv;
    return element_at(s, n, 0, 2, &lv, false);
}

/* A park or part of a zone named on its own (柘坝物流园, 南岸片区, 雁洲智造小镇,
 * 城南食品医药片区): 2-8 characters of name before a park word. Returns its
 * end (with the 区 of 产业园区), 0 when none. Read only where a clause or a
 * label opens on it: a park is a place of the zone's committee, not an
 * administrative area. */
static size_t park_at(const char *s, size_t n, size_t i)
{
    static const char *const ends[] = {"产业园", "工业园", "物流园", "科技园", "创业园", "创新园",
                                       "产业新城", "片区", "小镇", NULL};
    /* kinds, not names: 特色小镇, 示范片区, 老城片区 */
    static const char *const kinds[] = {"特色", "示范", "核心", "重点", "老城", "城区", "中心",
                                        "农业", "工业", "产业", "物流", "科技", "现代", "美丽",
                                        "其他", "相关", "部分", NULL};
    uint32_t first = rp_utf8_at(s, n, i);
    if (!rp_utf8_is_han(first) || bad_first(first))
        return 0;
    size_t j = i;
    for (int chars = 0; j < n && chars < 10; chars++) {
        for (size_t k = 0; ends[k] && chars >= 2; k++) {
            if (!rp_utf8_starts(s, n, j, ends[k]))
                continue;
            size_t e = j + strlen(ends[k]);
            for (size_t m = 0; kinds[m]; m++)
                if (e - i - strlen(ends[k]) == strlen(kinds[m]) &&
                    memcmp(s + i, kinds[m], strlen(kinds[m])) == 0)
                    return 0;
            if (has_verb_pair(s, i, j))
                return 0;
            if (rp_utf8_ends(s, e, "园") && rp_utf8_starts(s, n, e, "区"))
                e += 3;
            return e;
        }
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        /* a verb opening the clause (加快桤湾…产业园) is no name; further in,
         * 智造 食品 are */
        if (!rp_utf8_is_han(cp) || (chars < 2 && verb_char(cp)) || rp_cset_has(&fn_set, cp))
            return 0;
        j += l;
    }
    return 0;
}

/* The document is a development zone's or a park's (砚川县经济开发区,
 * 篁川县产业园区): its parks and 片区 are the places it reports on. */
static bool zone_name(const char *doc)
{
    static const char *const ends[] = {"开发区", "园区", "高新区", "新区", "产业园", "工业园",
                                       NULL};
    for (size_t k = 0; ends[k]; k++)
        if (rp_utf8_ends(doc, strlen(doc), ends[k]))
            return true;
    return false;
}

static bool zone_doc(const rp_region_state *st)
{
    return st->doc_zone;
}

static bool place_at(const char *s, size_t n, size_t i, rp_place *out, bool clause_start)
{
    sets_ready();
    int level = 0;
    size_t end = element_at(s, n, i, 2, &level, clause_start);
    if (end == 0)
        return false;
    out->start = i;
    out->end = end;
    out->level = level;
    for (int k = 0; k < 3; k++) {
        int lv = 0;
        /* 砚川县经济开发区管委会, 榕州市高新区党工委: a zone named by its
         * county or city alone is a place where it governs itself (a
         * company 坐落于 it belongs to its county) */
        const suffix *zone = out->level <= 3 ? suffix_at(s, n, out->end) : NULL;
        size_t zl = zone != NULL && zone->level == 3 && zone->len >= 9 ? zone->len : 0;
        /* 篁川县产业园区管理委员会: a park of the county's, governed alike */
        static const char *const parks[] = {"产业园区", "工业园区", "产业园", "工业园", "园区", NULL};
        for (size_t p = 0; parks[p] && zl == 0 && out->level <= 3; p++)
            if (rp_utf8_starts(s, n, out->end, parks[p]))
                zl = strlen(parks[p]);
        if (zl > 0 && (rp_utf8_starts(s, n, out->end + zl, "管委会") ||
                       rp_utf8_starts(s, n, out->end + zl, "管理委员会") ||
                       rp_utf8_starts(s, n, out->end + zl, "党工委"))) {
            out->end += zl;
            out->level = 3;
            continue;
        }
        size_t e = element_at(s, n, out->end, 2, &lv, false);
        /* a chain narrows (县 镇 村), it never widens: 枣林村青崖镇 is two
         * places side by side, not one */
        if (e == 0 || e - out->end > 4 * 3 + 6 || lv < out->level)
            break;
        out->end = e;
        out->level = lv;
    }
    return true;
}

bool rp_region_place_at(const char *s, size_t n, size_t i, rp_place *out)
{
    return place_at(s, n, i, out, false);
}

/* `平安村(社区)`, `文明村（社区）`: a kind of village or community named
 * with its twin in brackets is a title, not a place. */
static bool kind_of_place(const char *s, size_t n, const rp_place *pl)
{
    return rp_utf8_ends(s, pl->end, "村") &&
           (rp_utf8_starts(s, n, pl->end, "(社区)") || rp_utf8_starts(s, n, pl->end, "（社区）"));
}

size_t rp_region_point_at(const char *s, size_t n, size_t i)
{
    uint32_t c0 = rp_utf8_at(s, n, i);
    return rp_number_cn_digit(c0) >= 1 && c0 != 0x4E24 && rp_utf8_starts(s, n, i + 3, "是") ? 6
                                                                                            : 0;
}

int rp_region_self_ref(const char *s, size_t n, size_t i, size_t *len)
{
    static const char *const pre[] = {"我", "全", "本"};
    uint32_t cp = rp_utf8_at(s, n, i);
    if (cp != 0x6211 && cp != 0x5168 && cp != 0x672C) /* runs at every clause start */
        return 0;
    for (size_t k = 0; k < 3; k++) {
        if (!rp_utf8_starts(s, n, i, pre[k]))
            continue;
        /* 我们镇是9起: the speaker's own place */
        size_t p = k == 0 && rp_utf8_starts(s, n, i, "我们") ? 6 : 3;
        const suffix *sf = suffix_at(s, n, i + p);
        /* 蕻岭镇：全县最大产烟镇: the whole as a standard of comparison,
         * not the place the clause reports on */
        static const char *const ranks[] = {"最", "唯一", "首个", "首家", "排名", "领先", NULL};
        if (sf != NULL && k == 1)
            for (size_t r = 0; ranks[r]; r++)
                if (rp_utf8_starts(s, n, i + p + sf->len, ranks[r]))
                    return 0;
        if (sf != NULL && sf->level != 5) {
            *len = p + sf->len;
            return sf->level;
        }
    }
    return 0;
}

bool rp_region_not_subject(const char *s, size_t n, size_t end)
{
    sets_ready();
    if (end >= n || !rp_cset_has(&after_first_set, rp_utf8_at(s, n, end)))
        return false;
    if (rp_utf8_starts(s, n, end, "村民") && rp_utf8_ends(s, end, "村"))
        return false; /* 柂木村村民自愿无偿让地: the village's own people */
    if (rp_utf8_starts(s, n, end, "直接"))
        return false; /* 桹城街道直接财产损失 (not 区直, 镇直 units) */
    /* 区委 (the committee), lists, and the suffix read as the first half
     * of a compound: 村级, 村党组织, 镇党校, 区直部门, 镇村 (石门村“两委” is the
     * village's own; 新一届村“两委” is no name: 届 ends it). */
    static const char *const after[] = {"委", "、", "和", "与", "等", "的", "及", "政府", "人民",
                                        "级", "党校", "党组织书记", "党委书记", "干", "直", "属", "内", "域", "情", "民",
                                        "务", "里", "外", "两新", "两代表", "镇",
                                        "村", "乡", "区", "县", "市", "组", "团", "财", "庄",
                                        "容", "貌", "规", "企", "办", "长", "领导", NULL};
    /* 雁坪镇与澜江市鹿湖区结对后，…: a place of another level named after
     * 与 is a partner of this one, which acts (镇与村, 县与乡 list levels of
     * a kind, and name no place) */
    /* 苹洲市与省内高校共建产业研究院: a partner that is no place and no
     * level (not 县与乡; 省内 市属 县直 are compounds) leaves the place acting */
    rp_place partner;
    if (rp_utf8_starts(s, n, end, "与")) {
        uint32_t p1 = rp_utf8_at(s, n, end + 3);
        if (!rp_region_place_at(s, n, end + 3, &partner)) {
            if (rp_utf8_is_han(p1) && (!rp_cset_has(&suffix_first_set, p1) ||
                                       rp_utf8_in("内外属直", rp_utf8_at(s, n, end + 6))))
                return false;
        } else if (partner.start == end + 3) {
            char own[16];
            size_t ol = end < sizeof own - 1 ? end : sizeof own - 1;
            memcpy(own, s + end - ol, ol);
            own[ol] = '\0';
            if (rp_region_level_of(own) != partner.level)
                return false;
        }
    }
    /* 在栗木乡，鹿湖区丹桂街道选派的挂职副乡长…: the place that sent the
     * person the clause is about, who works elsewhere */
    static const char *const senders[] = {"选派的", "派出的", "派驻的", "援派的", "选派来的",
                                          NULL};
    for (size_t k = 0; senders[k]; k++)
        if (rp_utf8_starts(s, n, end, senders[k]))
            return true;
    /* 组织 as the verb of the clause (城南街道组织党员...), not 组织部 */
    if (rp_utf8_starts(s, n, end, "组织") && !rp_utf8_starts(s, n, end, "组织部"))
        return false;
    if (rp_utf8_starts(s, n, end, "组建") || rp_utf8_starts(s, n, end, "组成"))
        return false; /* 柳巷社区组建议事会: the place acts */
    /* 砚北智造产业园规上工业企业: the place's firms above the size line
     * (规上, 规模以上), not 村规 (a village's rules) */
    if (rp_utf8_starts(s, n, end, "规上") || rp_utf8_starts(s, n, end, "规模以上"))
        return false;
    /* 曲榛县村均集体经济收入: a per-village average of the place */
    if (rp_utf8_starts(s, n, end, "村均") || rp_utf8_starts(s, n, end, "户均"))
        return false;
    /* 柳湾镇人民法庭, 石岭乡人民政府: a township's own court or government
     * acts in the township (a county's 人民法院 is the document's voice) */
    bool township = rp_utf8_ends(s, end, "镇") || rp_utf8_ends(s, end, "乡") ||
                    rp_utf8_ends(s, end, "街道");
    if ((rp_utf8_starts(s, n, end, "人民法庭") || rp_utf8_starts(s, n, end, "人民政府") ||
         rp_utf8_starts(s, n, end, "人民调解")) &&
        township)
        return false;
    /* 苎坪镇市场监管所, 石湾镇区域…: the place's own office, not 镇市 */
    if (rp_utf8_starts(s, n, end, "市场"))
        return false;
    /* 棠坞镇外出务工青年, 镇务工人员: the place's people who work away,
     * not 镇外 (outside it) or 镇务 (its affairs) */
    if (rp_utf8_starts(s, n, end, "外出") || rp_utf8_starts(s, n, end, "务工"))
        return false;
    /* 棠坞镇团委联合…: a township's or village's youth league acts there
     * (a county's 县团委 is the document's own body) */
    bool local = township || rp_utf8_ends(s, end, "村") || rp_utf8_ends(s, end, "社区");
    if (local && rp_utf8_starts(s, n, end, "团") &&
        rp_utf8_in("委工支总", rp_utf8_at(s, n, end + 3))) /* 团委 团工委 团支部 团总支 */
        return false;
    for (size_t k = 0; after[k]; k++)
        if (rp_utf8_starts(s, n, end, after[k]))
            return true;
    return false;
}

size_t rp_region_group_at(const char *s, size_t n, size_t i)
{
    sets_ready();
    size_t j = i, digits = 0, hans = 0, l;
    bool nth = rp_utf8_starts(s, n, j, "第");
    if (nth)
        j += 3;
    for (; j < n; j += l) {
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if ((cp >= '0' && cp <= '9') || (cp != 0x4E24 && rp_number_cn_digit(cp) >= 1) ||
            cp == 0x5341) /* 0-9, 一…九 (not 两), 十 */
            digits++;
        else
            break;
    }
    if (digits == 0 && !nth) {
        /* a hamlet's name: 2-3 characters, a two-character one ending in a
         * word of the land (杨家组, 李湾组); 工作组 督导组 are no hamlet */
        uint32_t last = 0;
        for (; j < n && hans < 4; j += l) {
            uint32_t cp = rp_utf8_decode(s, n, j, &l);
            if (!rp_utf8_is_han(cp) || cp == 0x7EC4 /* 组 */)
                break;
            if (verb_char(cp) || (hans == 0 && bad_first(cp)))
                return 0;
            last = cp;
            hans++;
        }
        if (hans < 2 || hans > 3 || (hans == 2 && !rp_utf8_in("家湾坪冲岭坡沟坝塘坳庄屋寨垭岗洼山田林坑湖桥口头背嘴溪河垄垅峪坎塆埠井洲滩圩", last)) ||
            last == 0x5C0F || last == 0x901A) /* 代表小组, 硬化通组 */
            return 0;
        /* 通组道路, 组级, 组里: words with 组, not a hamlet */
        if (rp_utf8_in("道路公级里内间", rp_utf8_at(s, n, j + 3)))
            return 0;
        if (rp_utf8_before(s, n, i) == 0x5C0F) /* 小: 领导小组 */
            return 0;
    } else if (digits == 0 || digits > 3) {
        return 0;
    }
    size_t end;
    if (rp_utf8_starts(s, n, j, "村民小组"))
        end = j + 12;
    else if (rp_utf8_starts(s, n, j, "组") && (digits > 0 || hans > 0))
        end = j + 3;
    else
        return 0;
    /* 组织 组建 组成 组合 组团 组队 组员 组委 组图 组件 组别: words;
     * 一组一品: a slogan; 三组到五组, 四组至六组: a range of groups */
    uint32_t next = rp_utf8_at(s, n, end);
    if (end == j + 3 && rp_utf8_in("织建成合团队员委图件别装", next))
        return 0;
    if (digits > 0 && (rp_number_cn_digit(next) >= 1 || (next >= '0' && next <= '9')))
        return 0;
    if (rp_utf8_starts(s, n, end, "到") || rp_utf8_starts(s, n, end, "至") || next == 0x2014 ||
        next == '-' || next == '~' || next == 0xFF5E)
        return 0;
    return end;
}

int rp_region_level_of(const char *place)
{
    size_t n = strlen(place);
    if (n < 3)
        return 0;
    /* every suffix ends in one of 区 道 州 省 市 盟 县 旗 镇 乡 村: one
     * compare of the last byte rejects most entries */
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        const suffix *sf = &suffixes[k];
        if (n >= sf->len && place[n - 1] == sf->s[sf->len - 1] &&
            memcmp(place + n - sf->len, sf->s, sf->len) == 0)
            return sf->level;
    }
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

static bool ends_with(const char *a, const char *b)
{
    size_t al = strlen(a), bl = strlen(b);
    return bl > 0 && al >= bl && memcmp(a + al - bl, b, bl) == 0;
}

/* The paragraph's place, named again in brief (芫川县橼岗乡…，橼岗乡地处深山). */
static bool para_place_again(const rp_region_state *st, const char *s, size_t a, size_t b)
{
    size_t l = b - a, cl = strlen(st->sentence);
    return st->sentence_is_para && cl > l && l > 0 && memcmp(st->sentence + cl - l, s + a, l) == 0;
}

static bool word_start(const char *s, size_t n, size_t i);

/* 隔壁苈桥镇蕖塘村的…。蕖塘村的监委会主任…: a place named alone that the
 * paragraph named before with the places it lies in is that chain; true
 * with its range in *fa, *fb. */
static bool named_in_full(const rp_region_state *st, const char *s, size_t a, size_t b,
                          size_t *fa, size_t *fb)
{
    size_t l = b - a;
    if (l < 6 || a < st->para_start + l + 6)
        return false;
    const char *m = NULL; /* the name's last mention before a */
    for (const char *f = s + st->para_start;
         (f = rp_utf8_find(f, (size_t)(s + a - f), s + a, l)) != NULL; f += 3)
        m = f;
    if (m == NULL)
        return false;
    size_t at = (size_t)(m - s);
    /* places that end right before the mention: the longest that starts a
     * word, else the shortest (隔壁苈桥镇: 苈桥镇, not 壁苈桥镇) */
    size_t start = SIZE_MAX;
    for (size_t back = 24; back >= 6; back -= 3) {
        rp_place pl;
        if (at < st->para_start + back || !place_at(s, at, at - back, &pl, false) ||
            pl.start != at - back || pl.end != at)
            continue;
        start = pl.start;
        if (word_start(s, at, pl.start))
            break;
    }
    if (start == SIZE_MAX)
        return false;
    *fa = start;
    *fb = at + l;
    return true;
}

/* A village or community named with no township before it (橦溪村, not
 * 薏山街道橦溪村). */
static bool named_alone(const char *place)
{
    size_t n = strlen(place);
    size_t stem = ends_with(place, "社区") ? n - 6 : n - 3;
    return rp_utf8_find(place, stem, "镇", 3) == NULL && rp_utf8_find(place, stem, "乡", 3) == NULL &&
           rp_utf8_find(place, stem, "街道", 6) == NULL && rp_utf8_find(place, stem, "县", 3) == NULL;
}

/* 辖区橦溪村旅外乡亲…, in the paragraph of 薏山街道 in a district's
 * report: a village named alone inside a township's paragraph is named
 * with it (薏山街道橦溪村); the document's own township needs no name. */
static void name_within(const rp_region_state *st, char *place, const char *own)
{
    size_t ol = strlen(own), pl = strlen(place);
    if (ol > 0 && ol + pl < RP_REGION_MAX && rp_region_level_of(own) == 4 &&
        rp_region_level_of(place) == 5 && !ends_with(st->doc, own) && named_alone(place)) {
        memmove(place + ol, place, pl + 1);
        memcpy(place, own, ol);
    }
}

/* The place s[a..b) into dst, by the full name its paragraph gave it. */
static void set_full_place(const rp_region_state *st, char *dst, const char *s, size_t a,
                           size_t b)
{
    size_t fa, fb;
    if (named_in_full(st, s, a, b, &fa, &fb))
        set_place(dst, s, fa, fb);
    else
        set_place(dst, s, a, b);
}

/* The sentence's place. The section's place named in full (栎坳镇高岩村
 * after a heading 【高岩村：…】) becomes the section's name. */
static void set_sentence(rp_region_state *st, const char *s, size_t a, size_t b)
{
    char own[RP_REGION_MAX];
    const char *o = st->sentence_is_para && st->sentence[0] ? st->sentence
                    : st->para_has_place                    ? st->section
                                                            : "";
    snprintf(own, sizeof own, "%s", o[0] ? o : st->section);
    /* 榑口镇是工业重镇…。在薜湾村开展…: the township the paragraph opened on */
    if (rp_region_level_of(own) != 4 && st->para_town[0])
        memcpy(own, st->para_town, sizeof own);
    set_full_place(st, st->sentence, s, a, b);
    name_within(st, st->sentence, own);
    if ((!st->para_later || !st->para_town[0]) && st->doc_level < 4 && rp_region_level_of(st->sentence) == 4)
        memcpy(st->para_town, st->sentence, sizeof st->para_town);
    if (rp_region_level_of(st->sentence) == st->doc_level && !ends_with(st->doc, st->sentence))
        memcpy(st->peer, st->sentence, sizeof st->peer); /* a neighbour of the body */
    if (st->section[0] && strcmp(st->sentence, st->section) != 0 &&
        ends_with(st->sentence, st->section))
        memcpy(st->section, st->sentence, sizeof st->section);
}

/* A place may start at i when the character before is not part of a word:
 * start, non-Han, or a function character (在 是 的 ...). */
static bool word_start(const char *s, size_t n, size_t i)
{
    uint32_t prev = rp_utf8_before(s, n, i);
    if (!rp_utf8_is_han(prev))
        return true;
    if (rp_cset_has(&fn_set, prev))
        return true;
    /* 政协檀川县, 共青团荻塘县, 国网榉溪县: a body's name before its place */
    return (prev == 0x534F && rp_utf8_ends(s, i, "政协")) || /* 协 */
           (prev == 0x56E2 && rp_utf8_ends(s, i, "共青团")) || /* 团 */
           (prev == 0x7F51 && rp_utf8_ends(s, i, "国网")) ||  /* 网 */
           /* 这是我们白沙铺镇鸭婆洲村的富硒大米: after a pronoun */
           (prev == 0x4EEC && (rp_utf8_ends(s, i, "我们") || rp_utf8_ends(s, i, "咱们") ||
                               rp_utf8_ends(s, i, "他们"))) || /* 们 */
           /* 国家税务总局岑澧县税务局, 国家统计局蓼川调查队: a national body's
            * local office */
           (prev == 0x5C40 && (rp_utf8_ends(s, i, "国家税务总局") || /* 局 */
                               rp_utf8_ends(s, i, "国家统计局") ||
                               rp_utf8_ends(s, i, "国家金融监督管理总局")));
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
    while ((p = rp_utf8_find(p, n - (size_t)(p - s), suffix, sl)) != NULL) {
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

/* A title names 杏林镇; the text says 鹭江市杏林镇 somewhere: keep the
 * longer chain. */
static void extend_name(char *name, const char *s, size_t n)
{
    size_t dl = strlen(name);
    if (dl == 0)
        return;
    const char *p = s;
    while ((p = rp_utf8_find(p, n - (size_t)(p - s), name, dl)) != NULL) {
        size_t at = (size_t)(p - s), b = at;
        /* a chain: the name follows another place's suffix */
        if (!rp_region_suffix_end(rp_utf8_before(s, n, at)))
            b = 0;
        for (int k = 0; k < 8 && b > 0; k++) {
            rp_place pl;
            b = rp_utf8_prev(s, b);
            if (k >= 2 && word_start(s, n, b) && rp_region_place_at(s, n, b, &pl) &&
                pl.end == at + dl) {
                set_place(name, s, b, pl.end);
                return;
            }
        }
        p += dl;
    }
}

static void extend_doc(rp_region_state *st, const char *s, size_t n)
{
    extend_name(st->doc, s, n);
}

/* 杏林镇 published by 鹭江市委组织部: the publisher's city or county
 * prefixes a lone township, street or village. */
static void prefix_from_source(rp_region_state *st, const char *source)
{
    rp_place pl, src;
    size_t dl = strlen(st->doc);
    if (source == NULL || dl == 0 || !first_place(source, strlen(source), 60, &src))
        return;
    if (!rp_region_place_at(st->doc, dl, 0, &pl) || pl.end != dl)
        return;
    int lv = rp_region_level_of(st->doc);
    bool single = element_end(st->doc, dl) == dl;
    if (!single || lv < 4 || src.level < 2 || src.level > 3 || src.end - src.start + dl >= RP_REGION_MAX)
        return;
    size_t sl = src.end - src.start;
    memmove(st->doc + sl, st->doc, dl + 1);
    memcpy(st->doc, source + src.start, sl);
}

/* A speaker or author who names their own unit near the top (`我是梓桐街道
 * 党工委书记…`, a byline `梓桐街道党工委书记 周立群`) narrows a wider
 * region from the title: 苇湖区 + 梓桐街道. */
static bool unpunctuated(const char *s, size_t a, size_t b, bool colon_ok);

static void speaker_unit(rp_region_state *st, const char *s, size_t n)
{
    static const char *const offices[] = {"党工委书记", "党委书记", "党组书记", "书记", "主任",
                                          "镇长", "乡长", "区长", "县长", "市长", NULL};
    size_t lim = n < 900 ? n : 900;
    const char *me = rp_utf8_find(s, lim, "我是", strlen("我是"));
    size_t intro_at = me ? (size_t)(me - s) : lim;
    for (size_t i = 0; i < lim;) {
        /* only line starts and the first 我是 are looked at */
        bool line_start = i == 0 || s[i - 1] == '\n';
        bool intro = i == intro_at;
        if (!line_start && !intro) {
            const char *nl = memchr(s + i, '\n', lim - i);
            size_t next = nl ? (size_t)(nl - s) + 1 : lim;
            i = intro_at > i && intro_at < next ? intro_at : next;
            continue;
        }
        size_t l;
        rp_utf8_decode(s, lim, i, &l);
        size_t at = intro ? i + strlen("我是") : i;
        rp_place pl;
        if (rp_utf8_is_han(rp_utf8_at(s, lim, at)) &&
            rp_region_place_at(s, lim, at, &pl) && pl.start == at) {
            /* a byline is a line of its own; `X党委书记…述职时介绍，…`
             * retells someone's report */
            const char *nl = memchr(s + i, '\n', lim - i);
            size_t le = nl ? (size_t)(nl - s) : lim;
            bool byline = intro || unpunctuated(s, i, le, false);
            for (size_t k = 0; offices[k] && byline; k++) {
                if (!rp_utf8_starts(s, lim, pl.end, offices[k]))
                    continue;
                int lv = rp_region_level_of(st->doc);
                size_t dl = strlen(st->doc), pn = pl.end - pl.start;
                if (pl.level <= lv || dl + pn >= RP_REGION_MAX)
                    return;
                memcpy(st->doc + dl, s + pl.start, pn);
                st->doc[dl + pn] = '\0';
                return;
            }
        }
        i += l;
    }
}

void rp_region_state_init(rp_region_state *st, const char *s, size_t n, const char *title,
                          const char *source, const char *site)
{
    sets_ready();
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
            if (rp_utf8_find(s, n, refs[k][0], strlen(refs[k][0])) == NULL)
                continue;
            if (place_by_level(s, n, refs[k][1], &pl)) {
                set_place(st->doc, s, pl.start, pl.end);
                break;
            }
        }
    }
    extend_doc(st, s, n);
    speaker_unit(st, s, n);
    prefix_from_source(st, source);
    if (site != NULL)
        extend_doc(st, site, strlen(site)); /* 桑溪镇 on the site of 青枫市桑溪镇人民政府 */
    st->doc_level = rp_region_level_of(st->doc);
    st->doc_zone = zone_name(st->doc);
}

static bool is_enumerated(const char *s, size_t n, size_t i)
{
    size_t l;
    uint32_t cp = rp_utf8_decode(s, n, i, &l);
    uint32_t next = rp_utf8_at(s, n, i + l);
    bool cn = (rp_number_cn_digit(cp) >= 1 && cp != 0x4E24) || cp == 0x5341; /* 一…九 十 */
    if (cn && next == 0x3001)
        return true;
    if (cp == '(' || cp == 0x3010)
        return true;
    if (cp >= '0' && cp <= '9' && (next == '.' || next == 0x3001))
        return true;
    /* `05｜志愿服务暖人心` */
    if (cp >= '0' && cp <= '9' && next >= '0' && next <= '9')
        next = rp_utf8_at(s, n, i + 2);
    return cp >= '0' && cp <= '9' && (next == '|' || next == 0xFF5C);
}

/* A first sentence that only presents a place (`这里我要特别表扬一下芷溪村。`,
 * `再说说桃坪村:`) makes it the paragraph's topic: the place closes the
 * sentence right after a verb of presenting, or follows a speaker's turn
 * that opens the paragraph (`先说鹞子岩村。`, `再看芦花湾村，`). */
static bool presented_place(rp_region_state *st, const char *s, size_t n, size_t i)
{
    static const char *const verbs[] = {"一下", "表扬", "介绍", "说说", "讲讲", "谈谈",
                                        "看看", "推介", "点赞", "说一说", "讲一讲",
                                        "看一看", "聊聊", NULL};
    /* a speaker turning to the next place: 先说鹞子岩村。 再看芦花湾村，… */
    static const char *const turns[] = {"先说", "再说", "先看", "再看", "接着说", "接着看",
                                        "最后说", "最后看", "下面说", "然后说", NULL};
    for (size_t k = 0; turns[k]; k++) {
        size_t j = i + strlen(turns[k]);
        rp_place pl;
        if (!rp_utf8_starts(s, n, i, turns[k]) || !rp_region_place_at(s, n, j, &pl) ||
            pl.start != j || pl.end >= n)
            continue;
        uint32_t next = rp_utf8_at(s, n, pl.end);
        if (next != 0x3002 && next != 0xFF0C && next != ',' && next != 0x5462) /* 。 ， 呢 */
            continue;
        set_sentence(st, s, pl.start, pl.end);
        st->sentence_is_para = true;
        return true;
    }
    size_t e = i;
    for (int c = 0; c < 30 && e < n; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, e, &l);
        if (cp == 0x3002 || cp == 0xFF1A || cp == ':' || cp == 0xFF01)
            break;
        if (!rp_utf8_is_han(cp) && cp != ' ')
            return false;
        e += l;
    }
    if (e >= n || e == i)
        return false;
    for (size_t k = 0; verbs[k]; k++) {
        const char *f = rp_utf8_find(s + i, e - i, verbs[k], strlen(verbs[k]));
        rp_place pl;
        if (!f)
            continue;
        size_t j = (size_t)(f - s) + strlen(verbs[k]);
        if (rp_region_place_at(s, e, j, &pl) && pl.start == j && pl.end == e) {
            set_sentence(st, s, pl.start, pl.end);
            st->sentence_is_para = true;
            return true;
        }
    }
    return false;
}

/* `组团赴长三角、粤港澳大湾区开展招商`: a place after 赴 or 前往, or listed
 * after them in its clause, is where people went, not what the clause
 * reports on. */
static bool destination(const char *s, size_t i)
{
    if (rp_utf8_ends(s, i, "赴") || rp_utf8_ends(s, i, "前往"))
        return true;
    if (!rp_utf8_ends(s, i, "、"))
        return false;
    size_t j = i;
    for (int c = 0; c < 40 && j > 0; c++) {
        j = rp_utf8_prev(s, j);
        size_t l;
        uint32_t cp = rp_utf8_decode(s, i, j, &l);
        if (cp == 0xFF0C || cp == ',' || cp == 0x3002 || cp == 0xFF1B || cp == ';' ||
            cp == 0xFF1A || cp == ':' || cp == '\n')
            return false;
        if (cp == 0x8D74 || rp_utf8_starts(s, i, j, "前往")) /* 赴 */
            return true;
    }
    return false;
}

/* The first character cp of a suffix at u[0..n), with the second one its
 * longer suffixes need (经济 高新 开发 新区 社区 街道 自治). */
static bool suffix_may_start(const unsigned char *u, size_t n, uint32_t cp)
{
    uint32_t second;
    switch (cp) {
    case 0x7ECF: second = 0x6D4E; break; /* 经济 */
    case 0x9AD8: second = 0x65B0; break; /* 高新 */
    case 0x5F00: second = 0x53D1; break; /* 开发 */
    case 0x65B0: second = 0x533A; break; /* 新区 */
    case 0x793E: second = 0x533A; break; /* 社区 */
    case 0x8857: second = 0x9053; break; /* 街道 */
    case 0x81EA: second = 0x6CBB; break; /* 自治 */
    default: return true;
    }
    return n >= 6 && rp_utf8_cp3(u + 3) == second;
}

/* Where the next character at or after s[j] (before n) that may begin a
 * suffix stands; SIZE_MAX when none does. */
static size_t next_suffix(const char *s, size_t n, size_t j)
{
    while (j < n) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (rp_cset_has(&suffix_first_set, cp) &&
            suffix_may_start((const unsigned char *)s + j, n - j, cp))
            return j;
        j += l;
    }
    return SIZE_MAX;
}

/* A place named in the first words of a plain paragraph, even mid-clause
 * (市农业农村局派驻青山县石门村第一书记...), is what the paragraph is about.
 * A bare township counts there only after a blank, the gap of a roster
 * entry between a name and its unit (`覃秀兰（女）  石门镇人民调解委员会…`). */
static void paragraph_topic(rp_region_state *st, const char *s, size_t n, size_t i,
                            size_t text_len)
{
    size_t open = i, sfx = 0;
    while (i < n) {
        size_t l;
        rp_place pl;
        uint32_t cp = rp_utf8_decode(s, n, i, &l);
        /* a place needs a suffix two to seven characters on: most
         * positions have none, and are passed without reading a name */
        if (sfx < i + 6)
            sfx = next_suffix(s, n, i + 6);
        if (sfx > i + 28 || !rp_utf8_is_han(cp) || !word_start(s, n, i) ||
            !rp_region_place_at(s, n, i, &pl) || pl.end > n) {
            i += l;
            continue;
        }
        /* “古城灯市”, 《青山县志》: a name in quotes, not a place */
        uint32_t before = rp_utf8_before(s, n, pl.start);
        if (before == 0x201C || before == 0x300A) {
            i = pl.end;
            continue;
        }
        bool roster = pl.start > open && s[pl.start - 1] == ' '; /* its unit: 石门镇人民政府… too */
        if (!roster && destination(s, pl.start)) {
            i = pl.end;
            continue;
        }
        /* what follows the place is read past the window (蓖岭县、…) */
        if (roster || (!rp_region_not_subject(s, text_len, pl.end) &&
                       (pl.level <= 3 ||
                        element_end(s + pl.start, pl.end - pl.start) < pl.end - pl.start))) {
            set_sentence(st, s, pl.start, pl.end);
            st->sentence_is_para = true;
            return;
        }
        i += l;
    }
}

static bool same_as_doc(const rp_region_state *st, const char *s, size_t a, size_t b);

/* A paragraph that opens with a place in lenticular brackets, the label of
 * its item (`【杏花社区】县第二中学等9家单位到杏花社区报到…`), or with a body
 * of a place (`【苠城街道社区卫生服务中心】`), is about that place; a label
 * naming no place (`【县委党校】`) sets nothing. */
static bool bracket_label(rp_region_state *st, const char *s, size_t n, size_t i)
{
    if (!rp_utf8_starts(s, n, i, "【"))
        return false;
    const char *close = rp_utf8_find(s + i, n - i < 60 ? n - i : 60, "】", 3);
    rp_place pl;
    if (close == NULL || !rp_region_place_at(s, (size_t)(close - s), i + 3, &pl) ||
        pl.start != i + 3 || same_as_doc(st, s, pl.start, pl.end))
        return false;
    for (size_t j = pl.end, l; j < (size_t)(close - s); j += l)
        if (!rp_utf8_is_han(rp_utf8_decode(s, n, j, &l)))
            return false; /* the body's name: Han characters to the bracket */
    set_sentence(st, s, pl.start, pl.end);
    st->sentence_is_para = true;
    return true;
}

/* A paragraph that opens on a place's office holder reporting on it
 * (`棣阳县委书记周文澜述职时介绍，该县…`, `芫川县橼岗乡党委书记蒋明亮述职时
 * 说，…`) is about that place. */
static bool office_holder(rp_region_state *st, const char *s, size_t n, size_t i)
{
    static const char *const offices[] = {"委书记", "党委书记", "党工委书记", "党组书记",
                                          "委副书记", "党委副书记", NULL};
    static const char *const reports[] = {"述职", "介绍", "汇报", "说", "表示", "谈到", NULL};
    rp_place pl;
    if (!rp_region_place_at(s, n, i, &pl) || pl.start != i ||
        same_as_doc(st, s, pl.start, pl.end))
        return false;
    size_t o = 0;
    for (size_t k = 0; offices[k] && o == 0; k++)
        if (rp_utf8_starts(s, n, pl.end, offices[k]))
            o = pl.end + strlen(offices[k]);
    if (o == 0)
        return false;
    /* the report's verb after the holder's name, before the first comma */
    for (size_t j = o, c = 0, l; j < n && c < 12; j += l, c++) {
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (!rp_utf8_is_han(cp))
            return false;
        for (size_t k = 0; reports[k]; k++)
            if (rp_utf8_starts(s, n, j, reports[k])) {
                set_sentence(st, s, pl.start, pl.end);
                st->sentence_is_para = true;
                st->para_has_place = true;
                return true;
            }
    }
    return false;
}

/* A paragraph that opens with a locative frame, 在 + place + comma
 * (`在湖滨镇,镇党委组织…`), is set in that place, whatever its level. */
static bool scene_opener(rp_region_state *st, const char *s, size_t n, size_t i)
{
    rp_place pl;
    if (!rp_utf8_starts(s, n, i, "在") || !rp_region_place_at(s, n, i + 3, &pl) ||
        pl.start != i + 3 || pl.end >= n)
        return false;
    uint32_t next = rp_utf8_at(s, n, pl.end);
    if (next != 0xFF0C && next != ',')
        return false;
    size_t dl = strlen(st->doc), l = pl.end - pl.start;
    if (dl >= l && memcmp(st->doc + dl - l, s + pl.start, l) == 0)
        return false; /* the document's own region */
    set_sentence(st, s, pl.start, pl.end);
    st->sentence_is_para = true;
    return true;
}

/* A label opening a paragraph: up to 24 characters with no clause mark,
 * then a colon. Returns where the colon is, 0 when there is none. */
static size_t label_end(const char *s, size_t n, size_t i)
{
    size_t e = i;
    for (int c = 0; c < 24 && e < n; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, e, &l);
        if (cp == 0xFF1A || cp == ':')
            break;
        if (cp == 0x3002 || cp == 0xFF0C || cp == ',' || cp == 0x3001 || cp == '\n')
            return 0;
        e += l;
    }
    if (e >= n || e == i || (s[e] != ':' && !rp_utf8_starts(s, n, e, "：")))
        return 0;
    return e;
}

/* A paragraph that opens with a label and a colon naming a place, even in
 * a body's name or a note (`枫坪分院（枫坪镇中心卫生院）：派驻…`), is about
 * that place. */
static bool label_place(rp_region_state *st, const char *s, size_t n, size_t i)
{
    size_t e = label_end(s, n, i);
    if (e == 0)
        return false;
    for (size_t j = i, l; j < e; j += l) {
        rp_place pl;
        uint32_t cp = rp_utf8_decode(s, e, j, &l);
        if (!rp_utf8_is_han(cp) || !word_start(s, e, j) || !rp_region_place_at(s, e, j, &pl))
            continue;
        if (same_as_doc(st, s, pl.start, pl.end))
            return false;
        set_sentence(st, s, pl.start, pl.end);
        st->sentence_is_para = true;
        return true;
    }
    size_t pe = zone_doc(st) ? park_at(s, e, i) : 0; /* 柘坝物流园：… */
    if (pe != 0 && pe == e) {
        set_sentence(st, s, i, pe);
        st->sentence_is_para = true;
        return true;
    }
    return false;
}

/* A paragraph that opens on a body named after a place by its bare stem,
 * which the first sentence then names in full (`欓溪人民法庭地处…，服务
 * 欓溪镇近3.6万名群众`), is about that place. */
static bool named_body(rp_region_state *st, const char *s, size_t n, size_t i)
{
    if (i + 6 > n || (unsigned char)s[i] < 0xE3 || (unsigned char)s[i + 3] < 0xE3 ||
        !rp_utf8_is_han(rp_utf8_at(s, n, i)) || !rp_utf8_is_han(rp_utf8_at(s, n, i + 3)))
        return false;
    /* the stem again in the first sentence, by bytes (most paragraphs have
     * none), before any place is read */
    size_t j = i + 6, c = 0;
    for (; j + 6 <= n && c < 60; c++) {
        unsigned char b = (unsigned char)s[j];
        if (b == '\n' || rp_utf8_starts(s, n, j, "。") || rp_utf8_starts(s, n, j, "；"))
            return false;
        if (b == (unsigned char)s[i] && memcmp(s + j, s + i, 6) == 0)
            break;
        j += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
    rp_place pl;
    if (j + 6 > n || c >= 60 || (rp_region_place_at(s, n, i, &pl) && pl.start == i) ||
        !rp_region_place_at(s, n, j, &pl) || pl.start != j)
        return false;
    const suffix *sf = suffix_at(s, n, j + 6);
    if (sf == NULL || pl.end != j + 6 + sf->len || pl.level <= st->doc_level ||
        same_as_doc(st, s, pl.start, pl.end))
        return false;
    set_sentence(st, s, pl.start, pl.end);
    st->sentence_is_para = true;
    st->para_has_place = true;
    return true;
}

/* No sentence or clause mark in s[a..b); a colon is one unless colon_ok. */
static bool unpunctuated(const char *s, size_t a, size_t b, bool colon_ok)
{
    static const char *const marks[] = {"。", "，", "；", ",", ";", "：", ":", NULL};
    for (size_t k = 0; marks[k]; k++) {
        if (colon_ok && k >= 5)
            break; /* the colons close the list */
        if (rp_utf8_find(s + a, b - a, marks[k], strlen(marks[k])) != NULL)
            return false;
    }
    return true;
}

/* A heading alone on its line, no sentence after it (`二、分乡镇推进情况`,
 * not `二、强化保障。举办培训75期。`). */
static bool pure_heading(const char *s, size_t a, size_t b)
{
    return unpunctuated(s, a, b, false);
}

/* A title line: no sentence or clause mark, though it may have a colon
 * (`📌 PART 06 ｜检务公开：把检察工作“晒”在阳光下`). */
static bool title_line(const char *s, size_t a, size_t b)
{
    return unpunctuated(s, a, b, true);
}

/* Whether s[a..b) names a place anywhere. */
static bool names_place(const char *s, size_t a, size_t b)
{
    rp_place pl;
    for (size_t i = a; i < b;) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, b, i, &l);
        if (rp_utf8_is_han(cp) && word_start(s, b, i) && rp_region_place_at(s, b, i, &pl))
            return true;
        i += l;
    }
    return false;
}

/* Value of a Chinese numeral of one to two places (一 … 九十九) at s[i..e),
 * 0 if it is none. */
static int cn_value(const char *s, size_t i, size_t e)
{
    int v = 0, cur = 0;
    if (i >= e)
        return 0;
    while (i + 3 <= e) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, e, i, &l);
        int d = rp_number_cn_digit(cp);
        if (cp == 0x5341) { /* 十 */
            v += (cur ? cur : 1) * 10;
            cur = 0;
        } else if (d >= 1 && cp != 0x4E24) { /* 一…九, not 两 */
            cur = d;
        } else {
            return 0;
        }
        i += 3;
    }
    return i == e ? v + cur : 0;
}

int rp_region_item_number(const char *s, size_t n, size_t i, int *num, size_t *end)
{
    bool paren = i < n && s[i] == '(';
    size_t j = i + paren, k = j;
    int v = 0;
    if (k < n && s[k] >= '0' && s[k] <= '9') {
        while (k < n && s[k] >= '0' && s[k] <= '9' && v < 1000)
            v = v * 10 + (s[k++] - '0');
        if (paren ? (k < n && s[k] == ')') : (k < n && (s[k] == '.' || rp_utf8_starts(s, n, k, "、")))) {
            *num = v;
            *end = k + (s[k] == ')' || s[k] == '.' ? 1 : 3);
            return paren ? 4 : 3;
        }
        /* `05｜志愿服务暖人心`: a web article's numbered part */
        size_t bar = k + (k < n && s[k] == ' ');
        size_t bl = bar < n && s[bar] == '|' ? 1 : rp_utf8_starts(s, n, bar, "｜") ? 3 : 0;
        if (!paren && bl > 0 && k - j <= 2) {
            *num = v;
            *end = bar + bl;
            return 3;
        }
        return 0;
    }
    while (k + 3 <= n && k - j < 9 && cn_value(s, k, k + 3) > 0)
        k += 3;
    v = cn_value(s, j, k);
    if (v == 0)
        return 0;
    if (paren ? (k < n && s[k] == ')') : rp_utf8_starts(s, n, k, "、")) {
        *num = v;
        *end = k + (paren ? 1 : 3);
        return paren ? 2 : 1;
    }
    return 0;
}

/* A short unnumbered heading on its own line (`巾帼创新业  发展有作为`)
 * above a paragraph of text: four to twenty characters, no figure, no
 * punctuation, the next line long. */
static bool plain_heading(const char *s, size_t n, size_t a, size_t b)
{
    size_t chars = 0, han = 0;
    for (size_t i = a; i < b;) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, b, i, &l);
        if ((cp >= '0' && cp <= '9') || ++chars > 20)
            return false;
        han += rp_utf8_is_han(cp);
        i += l;
    }
    if (han < 4 || !pure_heading(s, a, b))
        return false;
    size_t c = b < n ? b + 1 : n;
    const char *nl = memchr(s + c, '\n', n - c);
    size_t next = nl ? (size_t)(nl - (s + c)) : n - c;
    return next >= 150;
}

/* A heading line's place heads the section, under the heading's number. */
static void heading_section(rp_region_state *st, const char *s, const rp_place *pl, int kind,
                            int num)
{
    set_place(st->section, s, pl->start, pl->end);
    st->section_kind = kind;
    st->section_num = num;
    st->section_heading = true;
    st->sentence[0] = '\0';
    st->para_has_place = true;
}

/* A heading line that opens on a place (`🏠 青檀镇检察室`, `（二）石岭乡`,
 * `青苇镇`): no figure, no sentence, at most twenty characters. The
 * paragraphs under it are about that place until the next heading. */
static bool place_heading(rp_region_state *st, const char *s, size_t j, size_t e, int kind,
                          int num)
{
    size_t chars = 0;
    for (size_t k = j, l; k < e; k += l, chars++) {
        uint32_t cp = rp_utf8_decode(s, e, k, &l);
        if ((cp >= '0' && cp <= '9') || chars > 20)
            return false; /* a figure, or longer than a heading: stop reading */
    }
    rp_place pl;
    if (chars == 0 || chars > 20 || !pure_heading(s, j, e) || !place_at(s, e, j, &pl, true) ||
        pl.start != j || kind_of_place(s, e, &pl) || same_as_doc(st, s, pl.start, pl.end))
        return false;
    /* the place and at most the name of its office (检察室, 人民法庭, 分会场);
     * a longer line is a caption (`▲箬川高新区企业研发中心一角（资料图）`) */
    size_t rest = 0;
    for (size_t k = pl.end, l; k < e; k += l, rest++) {
        uint32_t cp = rp_utf8_decode(s, e, k, &l);
        if (!rp_utf8_is_han(cp))
            return false;
    }
    if (rest > 6)
        return false;
    heading_section(st, s, &pl, kind, num);
    return true;
}

/* `（三）樛岭乡。樛岭乡为岩溶地貌，…`: a numbered paragraph whose run-in
 * heading is a place alone heads a section, as a heading line would: the
 * paragraphs after it, up to the next heading, are about that place too.
 * The paragraph's own clauses go on to read it as they would. */
static void run_in_heading(rp_region_state *st, const char *s, size_t j, size_t e, int kind,
                           int num)
{
    rp_place pl;
    if (!place_at(s, e, j, &pl, true) || pl.start != j || kind_of_place(s, e, &pl) ||
        same_as_doc(st, s, pl.start, pl.end))
        return;
    uint32_t next = rp_utf8_at(s, e, pl.end);
    if (next != 0x3002 && next != 0xFF1A && next != ':')
        return;
    set_place(st->section, s, pl.start, pl.end);
    memcpy(st->run_in, st->section, sizeof st->run_in);
    st->section_kind = kind; /* the next sibling number closes it */
    st->section_num = num;
    st->section_heading = false;
}

/* How far a story's heading looks for its place named in full: its first
 * paragraphs. */
#define RP_HEADLINE_AHEAD 900

/* A story's heading: a place, then a colon or a dash and a headline
 * (`【高岩村：“交通书记”修通致富路】`, `石门村——小山村的大变化`,
 * `栎坳镇高岩村：`), on a line of its own with no figure in it. The place is
 * the section's until the next heading. */
static bool headline_place(rp_region_state *st, const char *s, size_t n, size_t i, size_t e,
                           int kind, int num)
{
    size_t j = i;
    bool bracket = rp_utf8_starts(s, e, j, "【");
    if (bracket)
        j += 3;
    rp_place pl;
    if (!place_at(s, e, j, &pl, true) || pl.start != j || kind_of_place(s, e, &pl) ||
        same_as_doc(st, s, pl.start, pl.end))
        return false;
    size_t k = pl.end, l;
    uint32_t sep = rp_utf8_decode(s, e, k, &l);
    if (rp_utf8_starts(s, e, k, "——"))
        l = 6;
    else if (sep != 0xFF1A && sep != ':' && sep != 0x4E28 && sep != '|' && sep != 0xFF5C)
        return false;
    size_t chars = 0;
    for (k += l; k < e; k += l, chars++) {
        uint32_t cp = rp_utf8_decode(s, e, k, &l);
        if ((cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) || cp == 0x3002 ||
            cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';')
            return false;
    }
    if (chars > 30 || (bracket && !rp_utf8_ends(s, e, "】")))
        return false;
    heading_section(st, s, &pl, kind, num);
    /* the story names its place in full further on (这是我们白沙铺镇鸭婆洲村的…) */
    extend_name(st->section, s + e, n - e < RP_HEADLINE_AHEAD ? n - e : RP_HEADLINE_AHEAD);
    return true;
}

/* A paragraph that opens on a topic of the whole (`在工程管理上,`,
 * `在资金使用方面,`) after a place's paragraph is back with the document's
 * region: the place was an example, not a section. (`同时,`, `此外,`
 * continue the place's account as often as not.) */
static bool topic_frame(const char *s, size_t n, size_t i)
{
    if (!rp_utf8_starts(s, n, i, "在"))
        return false;
    rp_place pl;
    if (rp_region_place_at(s, n, i + 3, &pl) && pl.start == i + 3)
        return false; /* 在湖滨镇, is a scene */
    size_t j = i + 3;
    for (int c = 0; c < 12 && j < n; c++) {
        size_t l;
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (cp == ',' || cp == 0xFF0C)
            return rp_utf8_ends(s, j, "上") || rp_utf8_ends(s, j, "方面") ||
                   rp_utf8_ends(s, j, "中"); /* 在养老保险基金专项审计中, */
        if (!rp_utf8_is_han(cp))
            return false;
        j += l;
    }
    return false;
}

/* A paragraph that opens on the writer's own work (`全面落实…`, `扎实推进…`,
 * `严格…`), no place named: after one place's paragraph, the account is
 * the whole's again, as the place was an example (`湄岗乡石门水库为…`). */
static bool work_opener(const char *s, size_t n, size_t i)
{
    static const char *const words[] = {"全面", "深入", "扎实", "持续", "大力", "积极", "着力",
                                        "强化", "加强", "健全", "完善", "严格", "认真", "切实",
                                        "不断", "狠抓", "抓好", "坚持", "推动", "推进", "落实",
                                        "围绕", "聚焦", NULL};
    for (size_t k = 0; words[k]; k++)
        if (rp_utf8_starts(s, n, i, words[k]))
            return true;
    return false;
}

/* A turn of a press conference or an interview (`芎阳日报记者：…`, `主持人
 * 欧阳晴：…`, `问：…`), or a speaker's report in minutes (`马志强（镇派出所）
 * 汇报：…`): a new turn, whatever place the last one was about. */
static bool speaker_turn(const char *s, size_t n, size_t i)
{
    static const char *const verbs[] = {"汇报", "发言", "补充", "表态", "讲话", NULL};
    size_t e = label_end(s, n, i);
    if (e == 0)
        return false;
    for (size_t k = 0; verbs[k]; k++)
        if (e - i > 6 && rp_utf8_ends(s, e, verbs[k]))
            return true;
    return rp_utf8_find(s + i, e - i, "记者", 6) != NULL ||
           rp_utf8_find(s + i, e - i, "主持人", 9) != NULL ||
           (e - i == 3 && (rp_utf8_starts(s, n, i, "问") || rp_utf8_starts(s, n, i, "答")));
}

void rp_region_paragraph(rp_region_state *st, const char *s, size_t n, size_t i)
{
    sets_ready();
    bool bullet = false;
    for (size_t l; i < n; i += l) { /* blanks, and bullets: `📍在石渡镇,…` */
        uint32_t cp = rp_utf8_decode(s, n, i, &l);
        if (cp != ' ' && cp != '\t' && cp != 0x3000 && !rp_utf8_is_bullet(cp))
            break;
        bullet = bullet || rp_utf8_is_bullet(cp);
    }
    /* a bullet opens an item of a list of its own, out of a run-in
     * heading's section */
    if (bullet && st->run_in[0] && strcmp(st->run_in, st->section) == 0)
        st->section[0] = '\0';
    st->para_start = i;
    st->para_enum = is_enumerated(s, n, i);
    st->para_has_place = false;
    st->para_later = false;
    st->para_town[0] = '\0';
    st->para_counted = false;
    st->sentence[0] = '\0';
    st->group[0] = '\0';
    st->aside[0] = '\0';
    st->last_village[0] = '\0';
    st->last_peer[0] = '\0';
    st->peer[0] = '\0';
    st->sentence_is_para = false;
    const char *nl = memchr(s + i, '\n', n - i);
    size_t len = nl ? (size_t)(nl - (s + i)) : n - i;
    st->para_short = len < 150; /* about 50 characters: a heading or table row */
    /* A numbered heading that names no place (`二、分乡镇推进情况`), a plain
     * heading line over a paragraph (`巾帼创新业  发展有作为`), or the next
     * number after the heading the section's place sat under (`（三）…` then
     * the place's paragraph, then `（四）…`) closes the section. */
    size_t body;
    int num = 0, kind = st->para_enum ? rp_region_item_number(s, n, i, &num, &body) : 0;
    if (st->section[0] &&
        ((st->para_enum && st->para_short && pure_heading(s, i, i + len) &&
          !names_place(s, i, i + len)) ||
         (!st->para_enum && plain_heading(s, n, i, i + len) && !names_place(s, i, i + len)) ||
         (kind != 0 && kind == st->section_kind && num == st->section_num + 1) ||
         (st->section_heading && st->para_short && title_line(s, i, i + len))))
        st->section[0] = '\0'; /* a place heading's section ends at the next heading */
    if (st->section[0] && !st->para_enum && topic_frame(s, n, i))
        st->section[0] = '\0';
    if (st->para_examples || speaker_turn(s, n, i))
        st->section[0] = '\0';
    st->para_examples = false;
    /* 菱湖街道…, 望江街道…, 柳塘街道…: after a run of paragraphs each about
     * a place of its own, one that opens on no place is about the whole */
    if (st->para_enum) {
        st->place_run = 0; /* the run is of paragraphs right after each other */
    } else {
        rp_place pl;
        if (place_at(s, n, i, &pl, true) && pl.start == i) {
            st->place_run++;
        } else {
            if (st->place_run >= 2 ||
                (st->place_run == 1 && !st->section_heading && work_opener(s, n, i)))
                st->section[0] = '\0';
            st->place_run = 0;
        }
    }
    if (kind != 0 && kind == st->section_kind && num == 1)
        st->section_kind = 0; /* the place opened a list of its own: 一、二、… are its parts */
    if (kind != 0) {
        st->enum_kind = kind;
        st->enum_num = num;
    }
    if (place_heading(st, s, kind != 0 ? body : i, i + len, kind, num)) /* after its number */
        return;
    if (kind != 0)
        run_in_heading(st, s, body, i + len, kind, num);
    if (st->para_short && headline_place(st, s, n, kind != 0 ? body : i, i + len, kind, num))
        return;
    if (bracket_label(st, s, n, i))
        return;
    if (!st->para_enum && (scene_opener(st, s, n, i) || presented_place(st, s, n, i) ||
                           office_holder(st, s, n, i)))
        return;
    if (!st->para_enum && (label_place(st, s, n, i) || named_body(st, s, n, i)))
        return;
    if (!st->para_enum && !st->para_short)
        paragraph_topic(st, s, i + 90 < n ? i + 90 : n, i, n);
}

/* The place is the document's own region named more briefly. */
static bool same_as_doc(const rp_region_state *st, const char *s, size_t a, size_t b)
{
    size_t dl = strlen(st->doc), l = b - a;
    return dl >= l && l > 0 && memcmp(st->doc + dl - l, s + a, l) == 0;
}

/* The paragraph opens with a day (`7月18日夜间，`) right before the place. */
static bool dated_event(const rp_region_state *st, const char *s, size_t at)
{
    if (at <= st->para_start || at - st->para_start > 36)
        return false;
    const char *a = s + st->para_start;
    size_t l = at - st->para_start;
    const char *m = rp_utf8_find(a, l, "月", 3);
    return m != NULL && rp_utf8_find(m, l - (size_t)(m - a), "日", 3) != NULL;
}

/* Sets the sentence's place to the part of the document's region that ends
 * in a suffix of the given level (rp_region_doc_prefix); false when the
 * region names none. */
static bool doc_prefix_at_level(rp_region_state *st, int level)
{
    size_t e = rp_region_doc_prefix(st, level);
    if (e == 0)
        return false;
    set_sentence(st, st->doc, 0, e);
    st->sentence_is_para = false;
    return true;
}

size_t rp_region_doc_prefix(const rp_region_state *st, int level)
{
    size_t dn = strlen(st->doc);
    for (size_t i = 6; i < dn; i++) {
        const suffix *sf = suffix_at(st->doc, dn, i);
        if (sf != NULL && sf->level == level && i + sf->len < dn)
            return i + sf->len;
    }
    return 0;
}

/* Whether s[i] is inside an open bracket of its clause's last 40 characters. */
static bool in_brackets(const char *s, size_t i)
{
    size_t j = i;
    for (int c = 0; c < 40 && j > 0; c++) {
        j = rp_utf8_prev(s, j);
        size_t l;
        uint32_t cp = rp_utf8_decode(s, i, j, &l);
        if (cp == '(' || cp == 0xFF08)
            return true;
        if (cp == ')' || cp == 0xFF09 || cp == 0x3002 || cp == '\n')
            return false;
    }
    return false;
}

/* After a group, past a note in brackets and 的: a person of it
 * (`三组的李满仓,`, `七组的老党员刘德顺…`, `3组(原杉木塘组)村民刘德厚…`), whose
 * story the sentence tells, not the group's work (竹山组群众反映…: its
 * people as a whole, no one person). */
static bool person_after(const char *s, size_t n, size_t e)
{
    static const char *const people[] = {"老党员", "党员", "村民", "老人", "户主", "农户",
                                         "贫困户", "脱贫户", "妇女", "老乡", NULL};
    uint32_t cp = rp_utf8_at(s, n, e);
    if (cp == '(' || cp == 0xFF08) {
        for (int c = 0; c < 20 && e < n; c++) {
            size_t l;
            cp = rp_utf8_decode(s, n, e, &l);
            e += l;
            if (cp == ')' || cp == 0xFF09)
                break;
        }
    }
    bool of = rp_utf8_starts(s, n, e, "的");
    if (of)
        e += 3;
    for (size_t k = 0; people[k]; k++)
        if (rp_utf8_starts(s, n, e, people[k]))
            return true;
    if (!of)
        return false;
    /* 的 + a name of two or three characters closing its clause */
    size_t j = e;
    int hans = 0;
    while (j < n && hans < 4) {
        size_t l;
        cp = rp_utf8_decode(s, n, j, &l);
        if (!rp_utf8_is_han(cp))
            break;
        j += l;
        hans++;
    }
    cp = rp_utf8_at(s, n, j);
    return hans >= 2 && hans <= 3 && (cp == 0xFF0C || cp == ',' || cp == 0x3001);
}

/* `该村5组新建蓄水池2口`, `3组新修了一座漫水桥`, `桃坪村3组流转…`: a
 * 村民小组 opening a clause, of the village in force or of one named right
 * before it, is where the sentence's figures were made. A list of groups
 * (`七组、一组年轻人…`) is none of them. */
static bool group_clause(rp_region_state *st, const char *s, size_t n, size_t i)
{
    static const char *const refs[] = {"该村", "本村", "我村", "我们村", "村里", NULL};
    /* called at every clause start: most clauses have no 组 in their
     * first thirty characters, and need no place read here */
    if (rp_utf8_find(s + i, n - i < 90 ? n - i : 90, "组", 3) == NULL)
        return false;
    i += rp_region_point_at(s, n, i); /* 一是大屋场组,新修了…: a point of a list */
    size_t a = i, g = i;
    bool named = false;
    for (size_t k = 0; refs[k]; k++)
        if (rp_utf8_starts(s, n, i, refs[k])) {
            g = a = i + strlen(refs[k]);
            break;
        }
    rp_place pl;
    if (g == i && rp_region_group_at(s, n, i) == 0 && rp_utf8_is_han(rp_utf8_at(s, n, i)) &&
        place_at(s, n, i, &pl, true) && pl.level == 5) {
        g = pl.end;
        named = true;
    }
    /* 在椤木村硬化产业路…；该村槠坳组…: the village the sentence moved to */
    const char *base = rp_region_level_of(st->aside) == 5 ? st->aside
                       : st->sentence[0]                  ? st->sentence
                       : st->section[0]                   ? st->section
                                                          : st->doc;
    /* 该村上屋组… after a sentence about a group of that village */
    bool refers_back = g > i && st->last_village[0];
    size_t e = rp_region_group_at(s, n, g);
    /* 蘼坪组地处高山，全组三十一户…: in a township's paragraph, a group the
     * sentence goes on to call 全组 or 组里 is where it is */
    bool whole = false;
    if (e > 0 && rp_region_level_of(base) == 4) {
        const char *stop = memchr(s + e, '\n', n - e < 240 ? n - e : 240);
        size_t lim = stop ? (size_t)(stop - s) - e : (n - e < 240 ? n - e : 240);
        const char *end = rp_utf8_find(s + e, lim, "。", 3);
        lim = end ? (size_t)(end - (s + e)) : lim;
        whole = rp_utf8_find(s + e, lim, "全组", 6) || rp_utf8_find(s + e, lim, "组里", 6);
    }
    if (!named && !refers_back && !whole && rp_region_level_of(base) != 5)
        return false;
    if (e == 0 || in_brackets(s, a))
        return false; /* (户主:吴秀英,第五村民小组): a roster's note */
    if (person_after(s, n, e))
        return false;
    uint32_t next = rp_utf8_at(s, n, e);
    if (next == 0x3001 || rp_utf8_starts(s, n, e, "和") || rp_utf8_starts(s, n, e, "与") ||
        rp_utf8_starts(s, n, e, "等") || rp_utf8_starts(s, n, e, "及"))
        return false;
    /* a group is named alone (竹山组), its village kept for 该村 next */
    if (named) {
        set_full_place(st, st->sentence, s, i, pl.end);
        st->sentence_is_para = false;
        a = g;
    }
    set_place(st->group, s, a, e);
    return true;
}

/* Where a place may start after a modifier at i of at most ten characters
 * that ends in 的 (`距县城最远的`); i when there is none. */
static size_t past_modifier(const char *s, size_t n, size_t i)
{
    size_t l;
    for (size_t j = i, c = 0; j < n && c < 10; j += l, c++) {
        uint32_t cp = rp_utf8_decode(s, n, j, &l);
        if (!rp_utf8_is_han(cp))
            return i;
        if (cp == 0x7684 /* 的 */)
            return c > 0 ? j + l : i;
    }
    return i;
}

void rp_region_clause(rp_region_state *st, const char *s, size_t n, size_t i)
{
    if (st->aside[0] && strcmp(st->aside, st->doc) == 0)
        st->aside[0] = '\0'; /* 我们's clause (below) has ended */
    if (destination(s, i))
        return;
    /* 莪溪镇去年改厕2,400多户，我们比人家少了将近五百户: after a place of
     * the document's own level, 我们 is the reporting body's again, for its
     * clause */
    const char *cur = rp_utf8_starts(s, n, i, "我们") ? rp_region_current(st) : st->doc;
    if (cur != st->doc && rp_region_level_of(cur) == st->doc_level && !ends_with(st->doc, cur)) {
        memcpy(st->aside, st->doc, sizeof st->aside); /* for its clause */
        return;
    }
    /* …椆溪镇楤木村去年试水网销冬笋…。今年村里建成村级预冷库1座: the
     * village the last sentence was about, referred to again */
    if (st->last_village[0] && (!st->sentence[0] || st->sentence_is_para) && !st->aside[0] &&
        !st->group[0] &&
        (rp_utf8_starts(s, n, i, "村里") || rp_utf8_starts(s, n, i, "该村") ||
         rp_utf8_starts(s, n, i, "本村") || rp_utf8_starts(s, n, i, "全村") ||
         rp_utf8_starts(s, n, i, "这个村")) &&
        !(rp_utf8_starts(s, n, i, "该村") && rp_region_group_at(s, n, i + 6) != 0)) {
        memcpy(st->aside, st->last_village, sizeof st->aside);
        return; /* (该村上屋组…: a group of it, below) */
    }
    /* 隔壁莪塘镇，去年…。今年人家下了狠功夫…: the neighbour the last
     * sentence was about, referred to again */
    if (st->last_peer[0] && !st->aside[0] && rp_utf8_starts(s, n, i, "人家")) {
        memcpy(st->aside, st->last_peer, sizeof st->aside);
        return;
    }
    /* 我们两年加起来，还比人家少了四台: measured against the neighbour, the
     * figure is the reporting body's own */
    static const char *const against[] = {"比人家", "还比人家", "也比人家", "反而比人家", NULL};
    if (st->peer[0] || st->last_peer[0])
        for (size_t k = 0; against[k]; k++)
            if (rp_utf8_starts(s, n, i, against[k])) {
                memcpy(st->aside, st->doc, sizeof st->aside);
                return;
            }
    size_t len;
    int self = rp_region_self_ref(s, n, i, &len);
    /* 一是5组留在家里的…；三是…: a new point of a list is no longer about
     * the last point's group */
    if (st->group[0] && rp_region_point_at(s, n, i) != 0)
        st->group[0] = '\0';
    /* 全村饮水保障率…, 本村…: back to the whole village */
    if (st->group[0] && ((self > 0 && self < RP_REGION_GROUP_LEVEL) ||
                         rp_utf8_starts(s, n, i, "全村") || rp_utf8_starts(s, n, i, "本村") ||
                         rp_utf8_starts(s, n, i, "该村") || rp_utf8_starts(s, n, i, "村里")))
        st->group[0] = '\0';
    /* 清理后全村资产负债率…: the whole village within the clause's first words */
    for (size_t k = 3; st->group[0] && k <= 9; k += 3)
        if (rp_utf8_starts(s, n, i + k, "全村") && rp_utf8_is_han(rp_utf8_at(s, n, i)))
            st->group[0] = '\0';
    if (self > 0) {
        /* 全县统一编号的第012号实践站…: the whole as a modifier (a short
         * phrase in 的) is no topic of the clause */
        if (self == st->doc_level && st->doc[0] && past_modifier(s, n, i + len) == i + len) {
            st->section[0] = '\0';
            st->sentence[0] = '\0';
        }
        /* 全镇十四名… in a village's document: the township the village is in,
         * as the document's region names it (枳坪镇青冈坳村 -> 枳坪镇) */
        if (self < st->doc_level && doc_prefix_at_level(st, self))
            return;
        /* 我县青苇镇探索…: the county's own township opens the clause */
        rp_place in;
        if (!(rp_utf8_starts(s, n, i, "我") && place_at(s, n, i + len, &in, true) &&
              in.start == i + len && in.level > self))
            return;
        i += len;
    }
    /* `(四)云岫镇地处…`: a numbered paragraph that opens on a place is
     * about that place, to its end */
    int num;
    size_t after_enum = i;
    bool opens_item = st->para_enum && !st->para_later &&
                      rp_region_item_number(s, n, i, &num, &after_enum) != 0;
    if (opens_item)
        i = after_enum;
    rp_place pl;
    if (rp_utf8_starts(s, n, i, "辖区") || rp_utf8_starts(s, n, i, "辖内"))
        i += strlen("辖区"); /* 辖区橦溪村…: the place within */
    /* 乡里的柟木村离卫生院最远…: spoken, the place within the one spoken of */
    static const char *const within[] = {"乡里的", "镇里的", "县里的", "区里的", "市里的", NULL};
    if (rp_utf8_starts(s, n, i + 3, "里的"))
        for (size_t k = 0; within[k]; k++)
            if (rp_utf8_starts(s, n, i, within[k])) {
                i += strlen(within[k]);
                break;
            }
    /* 其中鸥江区71部: a part of what the sentence counted, for that clause's
     * sentence only */
    bool part = rp_utf8_starts(s, n, i, "其中");
    if (part)
        i += strlen("其中");
    else
        part = rp_utf8_ends(s, i, "其中,") || rp_utf8_ends(s, i, "其中，"); /* 其中,东城街道… */
    /* 在岫云县,县委组织部…: a locative frame opening a clause sets the rest
     * of the sentence in that place */
    bool frame = !part && rp_utf8_starts(s, n, i, "在");
    /* `（二）在东园社区，…`: a numbered paragraph set in a place from its
     * first words, as scene_opener sets a plain one */
    bool item_scene = frame && opens_item;
    if (frame)
        i += strlen("在");
    /* 在对桐岗镇的延伸审计中，发现该镇…: the place a review looked at */
    bool review = frame && rp_utf8_starts(s, n, i, "对");
    if (review)
        i += strlen("对");
    if (!review && group_clause(st, s, n, i))
        return;
    size_t pe;
    if (!review && !frame && zone_doc(st) && (pe = park_at(s, n, i)) != 0 &&
        !same_as_doc(st, s, i, pe)) {
        /* 柘坝物流园：…, a table row 砚北智造产业园规上工业企业52家 */
        pl.start = i;
        pl.end = pe;
        pl.level = 4;
    } else if (!rp_utf8_is_han(rp_utf8_at(s, n, i)) || !place_at(s, n, i, &pl, true) ||
               kind_of_place(s, n, &pl)) {
        return;
    }
    /* 棠樾社区…，棠樾新村共居住近两千户: a 村 inside a community's
     * paragraph is a housing estate, no village (a table's next row or
     * paragraph may open on a village) */
    if (pl.start > st->para_start && rp_utf8_ends(s, pl.end, "村")) {
        const char *para = st->sentence_is_para && st->sentence[0] ? st->sentence : st->section;
        const char *cur = rp_region_current(st);
        bool same_stem = pl.end - pl.start >= 9 && strlen(cur) >= 6 &&
                         memcmp(cur, s + pl.start, 6) == 0; /* 棠樾新村 in 棠樾社区 */
        if (rp_utf8_ends(para, strlen(para), "社区") ||
            (same_stem && rp_utf8_ends(cur, strlen(cur), "社区")))
            return;
    }
    if (review) {
        if (!rp_utf8_starts(s, n, pl.end, "的"))
            return;
        for (size_t j = pl.end + 3, c = 0, l; j < n && c < 12; j += l, c++) {
            uint32_t cp = rp_utf8_decode(s, n, j, &l);
            if (!rp_utf8_is_han(cp))
                return;
            if (cp == 0x4E2D /* 中 */ && ((j + l < n && s[j + l] == ',') ||
                                         rp_utf8_starts(s, n, j + l, "，"))) {
                set_sentence(st, s, pl.start, pl.end);
                st->sentence_is_para = false;
                return;
            }
        }
        return;
    }
    if (frame) {
        uint32_t next = rp_utf8_at(s, n, pl.end);
        size_t l = pl.end - pl.start;
        bool opened = strlen(st->sentence) == l && memcmp(st->sentence, s + pl.start, l) == 0;
        if ((next == ',' || next == 0xFF0C) && !opened) { /* not the paragraph's scene_opener */
            set_sentence(st, s, pl.start, pl.end);
            if (same_as_doc(st, s, pl.start, pl.end))
                snprintf(st->sentence, sizeof st->sentence, "%s", st->doc);
            st->sentence_is_para = item_scene;
        }
        return;
    }
    /* 青岗村和白沙村抱团发展: two places of one level that act together are
     * the region together, as the text writes them */
    rp_place pl2;
    if (rp_utf8_starts(s, n, pl.end, "和") && place_at(s, n, pl.end + 3, &pl2, false) &&
        pl2.start == pl.end + 3 && pl2.level == pl.level && !kind_of_place(s, n, &pl2) &&
        !rp_region_not_subject(s, n, pl2.end))
        pl.end = pl2.end;
    /* the place owns the subject (枰山区的选调生…) when it opens the clause */
    if (rp_region_not_subject(s, n, pl.end) && !rp_utf8_starts(s, n, pl.end, "的"))
        return;
    if (part) {
        if (!same_as_doc(st, s, pl.start, pl.end)) {
            set_sentence(st, s, pl.start, pl.end);
            st->sentence_is_para = false;
        }
        return;
    }
    if (same_as_doc(st, s, pl.start, pl.end))
        pl.start = pl.end; /* 杏林镇 in a document about 鹭江市杏林镇 */
    /* A place opening the paragraph, or a later sentence of a paragraph
     * that has counted nothing yet (`…方成。近年来,钢城区依托…`), heads a
     * section; one opening a sentence after the paragraph's own figures
     * (`…两千余人次。柳塘镇退休干部党支部开展…`) is that sentence's. */
    bool example = st->para_later && st->para_counted;
    /* `白岩镇：…澜江市第二人民医院派驻医生5名`: in a paragraph about a
     * place within the document's region, a body of a place above that
     * region (a partner city's) acts there */
    const char *own = st->sentence_is_para && st->sentence[0] ? st->sentence
                      : st->para_has_place                    ? st->section
                                                              : "";
    if (own[0] && pl.start < pl.end && pl.level < st->doc_level &&
        rp_region_level_of(own) > st->doc_level)
        return;
    /* 举个例子，榴溪镇中心小学…: an example holds for its sentence */
    static const char *const intros[] = {"例子，", "例子,", "比如，", "比如,", "例如，", "例如,",
                                         "比方说，", "举例来说，", NULL};
    for (size_t k = 0; intros[k]; k++)
        if (rp_utf8_ends(s, pl.start, intros[k])) {
            set_sentence(st, s, pl.start, pl.end);
            st->sentence_is_para = false;
            return;
        }
    if (!st->para_enum && !st->para_has_place && !st->para_short && !example &&
        dated_event(st, s, pl.start)) {
        /* `7月18日夜间，麂角乡遭受强雷暴袭击…`: an incident on a day is
         * told in its paragraph; the next one is about the whole again */
        set_sentence(st, s, pl.start, pl.end);
        st->sentence_is_para = true;
        st->para_has_place = true;
    } else if (!st->para_enum && !st->para_has_place && !st->para_short && !example) {
        char named[RP_REGION_MAX];
        set_full_place(st, named, s, pl.start, pl.end);
        if (!ends_with(st->section, named)) /* 高岩村 in 栎坳镇高岩村's section */
            memcpy(st->section, named, sizeof named);
        st->section_heading = false;
        st->section_kind = st->enum_kind;
        st->section_num = st->enum_num;
        if (pl.start == pl.end)
            st->section[0] = '\0';
        st->sentence[0] = '\0';
        st->para_has_place = true;
    } else if (para_place_again(st, s, pl.start, pl.end)) {
        return; /* the paragraph's place keeps its full name */
    } else {
        /* `杪溪镇试点…。栗垭乡在乡卫生院…`: the paragraph that opened on
         * one township goes on to another: it gave examples, and its
         * section ends with it */
        if (st->para_has_place && st->section[0] && pl.start < pl.end &&
            rp_region_level_of(st->section) == pl.level &&
            (strlen(st->section) != pl.end - pl.start ||
             memcmp(st->section, s + pl.start, pl.end - pl.start) != 0))
            st->para_examples = true;
        /* （一）蓖岭县。全县…。萑塘镇地势低洼，…9座…。验收中发现…: a place
         * within the paragraph's own, after its figures, holds for its
         * sentence; the paragraph's place comes back after it */
        if (st->sentence[0] && st->sentence_is_para && st->para_counted && pl.start < pl.end &&
            pl.level > rp_region_level_of(st->sentence) && !opens_item) {
            set_place(st->aside, s, pl.start, pl.end);
            name_within(st, st->aside, st->sentence);
            return;
        }
        set_sentence(st, s, pl.start, pl.end);
        if (pl.start == pl.end)
            snprintf(st->sentence, sizeof st->sentence, "%s", st->doc);
        st->sentence_is_para = (st->para_short && !st->para_enum) || opens_item ||
                               (st->para_enum && !st->para_short && !st->para_counted);
    }
}

bool rp_region_inline(rp_region_state *st, const char *s, size_t n, size_t i)
{
    /* 与X结对, 针对X代表提出的建议, 在X试点…, 为X争取, 会同X新建: the place
     * the clause acts on or in, or with; what the sentence counts after it
     * is about there */
    /* 比如X, 例如X, 像X, 一个是X / 另一个是X, 就是X, 最多的是X: the place
     * of an example */
    static const char *const marks[] = {"与", "针对", "在", "为", "帮助", "帮扶", "会同", "指导",
                                        "督促", "协助", "支持", "比如", "例如", "像", "是", "隔壁",
                                        "邻近", "向", /* 向菖岭镇调运帐篷120顶 */
                                        /* 这里要表扬一下栎溪镇，…一个镇就建了九个 */
                                        "表扬一下", "表扬", "说说", "介绍一下",
                                        /* 点评棣阳县时，他直言：…: the place spoken of */
                                        "点评",
                                        /* …第012号实践站——桉井社区实践站推出…: the
                                         * body a dash names */
                                        "——", NULL};
    bool is = rp_utf8_starts(s, n, i, "是");
    if (is && !rp_utf8_ends(s, i, "个") && !rp_utf8_ends(s, i, "就") && !rp_utf8_ends(s, i, "的"))
        return false; /* 是 is frequent: 一个是 就是 的是 introduce an example */
    bool example = is || rp_utf8_starts(s, n, i, "比如") || rp_utf8_starts(s, n, i, "例如") ||
                   rp_utf8_starts(s, n, i, "像");
    /* 隔壁莪塘镇，去年…: the neighbour is what the sentence goes on about */
    bool neighbour = rp_utf8_starts(s, n, i, "隔壁") || rp_utf8_starts(s, n, i, "邻近");
    sets_ready();
    size_t m = 0;
    for (size_t k = 0; marks[k] && m == 0; k++)
        if (rp_utf8_starts(s, n, i, marks[k]))
            m = strlen(marks[k]);
    /* 在距县城最远的枫坪镇设立…: a short modifier ending in 的 may stand
     * between 在 and its place */
    size_t at = i + m;
    rp_place pl;
    if (m == 3 && rp_utf8_starts(s, n, i, "在")) {
        size_t past = past_modifier(s, n, at);
        if (past != at && place_at(s, n, past, &pl, false) && pl.start == past)
            at = past;
    }
    if (m == 0 || !place_at(s, n, at, &pl, false) || pl.start != at ||
        pl.level < st->doc_level || (pl.level == st->doc_level && !neighbour) ||
        same_as_doc(st, s, pl.start, pl.end) ||
        kind_of_place(s, n, &pl))
        return false;
    uint32_t next = rp_utf8_at(s, n, pl.end);
    /* 为沿河村组安装…, 沿河村民: the suffix starts a compound (村组 村民) */
    uint32_t after = rp_utf8_at(s, n, pl.end + 3); /* (在洑溪社区组织了… is the place) */
    if ((next == 0x7EC4 && after != 0x7EC7 && after != 0x5EFA && after != 0x6210) ||
        next == 0x6C11) /* 组 (not 组织 组建 组成), 民 */
        return false;
    /* mid-clause, `出现在杉塘镇,6月19日达198.4毫米` goes on about the place;
     * opening a clause, `在X,` is rp_region_clause's frame */
    bool mid = i > 0 && rp_utf8_is_han(rp_utf8_before(s, n, i));
    if (next == 0x3001 || rp_utf8_starts(s, n, pl.end, "等") || rp_utf8_starts(s, n, pl.end, "和") ||
        rp_utf8_starts(s, n, pl.end, "及") || ((next == ',' || next == 0xFF0C) && !mid && !example && !neighbour))
        return false; /* a list of places, or the 在X, frame of rp_region_clause */
    if (st->sentence[0] && st->sentence_is_para) {
        /* （一）椤湾区。…区委组织部在楂林街道试点…，街道辖区…发展党员38名:
         * a place within the paragraph's, for the rest of the sentence */
        if (pl.level <= rp_region_level_of(st->sentence) || para_place_again(st, s, pl.start, pl.end))
            return false; /* the paragraph's place holds */
        set_place(st->aside, s, pl.start, pl.end);
        name_within(st, st->aside, st->sentence); /* 在薜湾村… in 榑口镇's paragraph */
        return true;
    }
    set_sentence(st, s, pl.start, pl.end);
    st->sentence_is_para = false;
    return true;
}

void rp_region_sentence_end(rp_region_state *st)
{
    const char *cur = st->group[0]          ? (st->sentence_is_para ? "" : st->sentence)
                      : st->aside[0]          ? st->aside
                      : st->sentence_is_para ? ""
                                              : st->sentence;
    if (rp_region_level_of(cur) == 5)
        snprintf(st->last_village, sizeof st->last_village, "%s", cur);
    else
        st->last_village[0] = '\0';
    memcpy(st->last_peer, st->peer, sizeof st->last_peer);
    st->peer[0] = '\0';
    st->para_later = true;
    st->group[0] = '\0';
    st->aside[0] = '\0';
    if (!st->sentence_is_para)
        st->sentence[0] = '\0';
}

const char *rp_region_current(const rp_region_state *st)
{
    if (st->group[0])
        return st->group;
    if (st->aside[0])
        return st->aside;
    /* 高岩村 in the section of 栎坳镇高岩村: the same place, named briefly */
    if (st->sentence[0] && !(st->section[0] && ends_with(st->section, st->sentence)))
        return st->sentence;
    if (st->section[0])
        return st->section;
    return st->doc;
}
