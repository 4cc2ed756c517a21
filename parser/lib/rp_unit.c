/* rp_unit: see rp_unit.h. */
#include "rp_unit.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "rp_utf8.h"

#define CN RP_UNIT_CN_OK
#define DUR RP_UNIT_DURATION

/* Longer surfaces first where one is a prefix of another. */
static const rp_unit units[] = {
    {"个百分点", "百分点", "ratio", CN, NULL},
    {"百分点", "百分点", "ratio", CN, NULL},
    {"个千分点", "千分点", "ratio", CN, NULL}, /* change of a rate in ‰ */
    {"/10万", "/10万", "ratio", 0, NULL}, /* incidence per 100,000 (发病率226.08/10万) */
    {"千分点", "千分点", "ratio", CN, NULL},
    {"个基点", "基点", "ratio", CN, NULL}, /* hundredths of a percentage point */
    {"基点", "基点", "ratio", CN, NULL},
    {"个多小时", "小时", "duration", CN | DUR | RP_UNIT_MORE, NULL},
    {"个小时", "小时", "duration", CN | DUR, NULL},
    {"个多月", "个月", "duration", CN | DUR | RP_UNIT_MORE, NULL},
    {"个月", "个月", "duration", CN | DUR, NULL},
    {"个工作日", "天", "duration", CN | DUR, NULL},
    {"个班", "班", "item", CN, "子长组次车级"}, /* school classes: 设计规模36个班 */
    {"个学时", "学时", "duration", CN | DUR, NULL},
    {"个课时", "课时", "duration", CN | DUR, NULL},
    {"人(次)", "人次", "person_time", CN, NULL},
    {"人/次", "人次", "person_time", CN, NULL},
    {"人·次", "人次", "person_time", CN, NULL},
    {"人次", "人次", "person_time", CN, NULL},
    {"场次", "场次", "event", CN, NULL},
    {"批次", "批次", "event", CN, NULL},
    {"架次", "架次", "event", CN, NULL},
    {"户次", "户次", "household", CN, NULL},
    {"项次", "项次", "item", CN, NULL}, /* tests run, summed over items */
    {"件次", "件次", "item", CN, NULL},
    {"车次", "车次", "event", CN, NULL}, /* water or goods delivered */
    {"册次", "册次", "item", CN, NULL}, /* library loans */
    {"轮次", "轮次", "event", CN, NULL},
    {"班次", "班次", "event", CN, NULL},
    /* runs of a bus line (由每天4班加密到12班); not 一班人, 三班倒, 班子 */
    {"班", "班", "event", 0, "子长组车级主人底倒委会务线"},
    {"台次", "台次", "event", CN, NULL}, /* operations, machine runs */
    {"台(套)", "台套", "item", CN, NULL},
    {"台套", "台套", "item", CN, NULL},  /* farm machines */
    {"家次", "家次", "event", CN, NULL}, /* inspections of premises */
    {"剂次", "剂次", "event", CN, NULL}, /* vaccine doses given */
    {"天次", "天次", "person_time", CN, NULL}, /* days of service, summed over people */
    {"亩次", "亩次", "area", CN, NULL}, /* land worked, summed over passes (飞防作业) */
    {"艘次", "艘次", "event", CN, NULL}, /* boat runs: 出动执法船只 */
    {"航次", "航次", "event", CN, NULL}, /* patrol voyages: 海上巡查186航次 */
    {"卷次", "卷次", "event", CN, NULL}, /* archive files consulted */
    {"个工日", "工日", "person_time", CN, NULL}, /* days of labour */
    {"工日", "工日", "person_time", CN, NULL},
    {"平方公里", "平方公里", "area", CN, NULL},
    {"立方米/秒", "立方米/秒", "other", 0, NULL}, /* a flow: 设计流量0.6立方米/秒 */
    {"立方米", "立方米", "other", CN, NULL},
    {"千瓦时", "千瓦时", "other", CN, NULL},
    /* transformer capacity (新增配变容量3.46万千伏安); 10千伏 alone is a
     * voltage class that names equipment, no quantity */
    {"千伏安", "千伏安", "other", CN, NULL},
    {"兆伏安", "兆伏安", "other", CN, NULL},
    {"时户", "时户", "household", CN, NULL}, /* outage customer-hours (停电时户数) */
    {"千瓦", "千瓦", "other", CN, NULL},
    {"兆瓦", "兆瓦", "other", CN, NULL},
    {"座次", "座次", "event", CN, NULL}, /* station runs: 泵站开机131座次 */
    {"头份", "头份", "item", CN, NULL}, /* vaccine doses for animals */
    {"间夜", "间夜", "item", CN, NULL}, /* hotel room-nights */
    {"毫升", "毫升", "other", CN, NULL},
    {"周岁", "岁", "age", CN, NULL},
    {"平方米", "平方米", "area", CN, NULL},
    {"平米", "平方米", "area", CN, NULL},
    {"公顷", "公顷", "area", CN, NULL},
    {"部门", "个", "organisation", CN, NULL},
    /* a rate per thousand people (每千人口托位数4.1个/千人) */
    {"个/千人", "个/千人", "ratio", 0, NULL},
    {"美元", "美元", "money", CN, NULL},
    {"元", "元", "money", CN, "旦宵首素老帅年月"},
    {"人", "人", "person", CN, "民员才口大士物身心生文气格"},
    /* 5名医生, 3名校长 are counts: 名医 名校 only read after no number */
    {"名", "名", "person", CN, "单称义额誉片录牌词言著胜次"},
    {"位", "位", "person", CN, "于置数子居"},
    {"户", "户", "household", CN, "口籍外型主"},
    {"次", "次", "event", CN, "日年序要级数"},
    {"场", "场", "event", CN, "所地景馆面合景上"},
    {"期", "期", "event", CN, "间限望待满刊末中"},
    {"批", "批", "event", CN, "准复示评次量"},
    {"轮", "轮", "event", CN, "流换胎车驱"}, /* 三轮车 is a vehicle */
    {"堂", "堂", "event", CN, NULL},
    {"趟", "趟", "event", CN, NULL}, /* trips: 跑了七趟 */
    {"节", "节", "event", CN, "日约点能省目奏假庆气"},
    {"起", "起", "event", CN, "来草步源点始到初码身"},
    /* 六十三个人 (spoken): people; 个人所得税, 个人信息 are words */
    {"个人", "人", "person", CN, "所信账简资化主民隐意"},
    /* grades of quality (耕地质量等别提高0.5个等级) */
    {"个等级", "等级", "other", CN, NULL},
    {"个", "个", "organisation", CN, "人体性案别"},
    {"款", "款", "item", CN, "项式待额物子"}, /* products: 11款信贷产品 */
    /* times, spoken (办了4回); 回应 回访 回收 回家 ... are words */
    {"回", "回", "event", CN, "应复访收头家来到乡归族顾落升报馈答信去执流迁避购填暖国"},
    {"家", "家", "organisation", CN, "庭长属园乡乡门里中"},
    {"所", "所", "organisation", CN, "有在属得以谓需"},
    {"支", "支", "organisation", CN, "部持出付援撑队书"},
    {"处", "处", "organisation", CN, "理置分罚级长于室"},
    {"座", "座", "organisation", CN, "谈位"},
    {"件(套)", "件套", "item", CN, NULL}, /* museum objects: 2,863件(套) */
    {"件/套", "件套", "item", CN, NULL},
    {"件套", "件套", "item", CN, NULL},
    {"件", "件", "item", CN, NULL},
    {"项", "项", "item", CN, "目"},
    {"条", "条", "item", CN, "件例款"},
    {"本", "本", "item", CN, "地村人身级市区县镇科领质届次"},
    {"份", "份", "item", CN, "子额"},
    {"部", "部", "item", CN, "分署长队署位"},
    {"篇", "篇", "item", CN, "章幅"},
    {"套", "套", "item", CN, "餐路"},
    {"门", "门", "item", CN, "户槛口诊类"},
    {"类", "类", "item", CN, "别型似"},
    /* kinds (病种由35种增加到42种); not 种植 种养 种子 种类 种粮 种草 */
    {"种", "种", "item", CN, "植养子类粮草苗田地树菜族业下出花果"},
    {"册", "册", "item", CN, NULL},
    /* archive files (案卷); not 卷入 卷烟 卷起 卷尺 卷宗 卷面 卷帘 */
    {"卷", "卷", "item", CN, "入烟起尺宗面帘心发土轴"},
    /* pages as a quantity (数字化186万页); 第N页 is an ordinal; 页面 页码 */
    {"页", "页", "item", CN, "面码脚眉岩"},
    /* characters of a text (全书约172万字), in figures only: 八字方针,
     * 十字路口, 一字不差 are words */
    {"字", "字", "item", 0, "号样体母幕据典迹画句条头路诀段数符节型眼形面方"},
    /* pitches, courts (笼式足球场9片), in figures only: 一片 is a word */
    {"片", "片", "item", 0, "区面刻段长子儿语名叶场"},
    /* banquet tables (只摆了12桌) */
    {"桌", "桌", "item", CN, "面椅子布球游上前"},
    /* animals (羊6.3万只) and birds (家禽286.4万羽) */
    {"只", "只", "item", CN, "是要有能需好因在见身顾管"},
    {"羽", "羽", "item", CN, "毛绒翼球翅"},
    /* fish and fry (增殖放流鱼苗1,420万尾); 尾声 尾款 尾矿 are words */
    {"尾", "尾", "item", CN, "声部巴随款数气号矿水灯货端期"},
    {"枚", "枚", "item", CN, "举"},
    /* rounds fired (高炮人雨弹1,240发), in figures only: 一发不可收 and 发展
     * 发放 发现 … are words */
    {"发", "发", "item", 0, "展放布现生出起挥动表言行送给文明掘射酵电热货包达改财家"},
    /* bodies cremated (火化2,271具); 具有 具备 具体 are words */
    {"具", "具", "item", CN, "有备体名结"},
    /* graves (节地生态葬墓穴1,250穴); 穴位 */
    {"穴", "穴", "item", CN, "位道"},
    /* flowers (鲜花8,000余束); 束缚 束手 */
    {"束", "束", "item", CN, "缚手"},
    /* stops of a touring show (巡展98站), in figures only: 一站式 */
    {"站", "站", "item", 0, "式长点位所务岗台区内前在稳起立"},
    {"台", "台", "item", CN, "账阶湾"},
    {"辆次", "辆次", "event", CN, NULL}, /* vehicle runs: 出动消防车2,870余辆次 */
    {"辆", "辆", "item", CN, NULL},
    /* orders, parcels (寄递量865万单), in figures only: 三单 is a list's name */
    /* containers: 标箱, TEU (twenty-foot equivalent units) */
    {"标箱", "标箱", "item", CN, NULL},
    {"TEU", "TEU", "item", 0, NULL},
    /* votes (同意四十七票); 票据 票证 are papers */
    {"票", "票", "item", CN, "据证务价面房根选"},
    /* shares of a collective (设置总股数21,836股), in figures only: 一股劲,
     * 一股暖流 are words; 股东 股份 股权 股金 follow the word 股 */
    {"股", "股", "item", 0, "东份权金票市民息价本骨"},
    /* after a Chinese numeral of several characters too (两千多单) */
    {"单", "单", "item", RP_UNIT_CN_MANY, "位元独项列一纯身人个车据价品亲"},
    /* phone calls (接听来电2.3万余通); 通过 通知 通报 通讯 通道 … are words */
    {"通", "通", "item", CN, "过知报讯信道用车告畅常则航关风水电话行俗顺达"},
    {"间", "间", "item", CN, "隔断"},
    {"栋", "栋", "item", CN, NULL},
    {"张", "张", "item", CN, "贴扬"},
    {"盏", "盏", "item", CN, NULL},
    /* wells, ponds (蓄水池14口); not 口径 口号 口岸 口碑 口子 口头 口腔 口罩 口味 */
    {"口", "口", "item", CN, "径号岸碑子头腔罩味述令语诀气感才"},
    /* sets (网箱86组) in figures only: 三组 / 第五组 are a village's groups */
    {"组", "组", "item", 0, "织建成团长员合别"},
    {"面", "面", "item", CN, "积貌向对临前上下子料条包膜试谈临孔值额"}, /* 锦旗73面 */
    /* pairs (结对86对); 对 as a preposition or in a word (对接 对象 对照) is not one */
    {"对", "对", "item", CN, "接象比照口标应待于外话策手抗称症付焦立齐准表号路位岸面"},
    {"棵", "棵", "item", CN, NULL},
    {"株", "株", "item", CN, NULL},
    {"眼", "眼", "item", CN, "光前界睛里神色"},
    {"块钱", "元", "money", CN, NULL}, /* spoken: 小两万块钱 */
    {"块", "块", "item", CN, "儿钱"},
    {"幅", "幅", "item", CN, "度员"},
    {"根", "根", "item", CN, "本据源基子"},
    {"箱", "箱", "item", CN, NULL},
    {"袋", "袋", "item", CN, "鼠"},
    {"桶", "桶", "item", CN, NULL},
    {"宗", "宗", "item", CN, "旨教族"},
    {"例", "例", "item", CN, "如外会行子"},
    {"笔", "笔", "item", CN, "记者试画"},
    {"首", "首", "item", CN, "页先次都届批位长府创"},
    {"幢", "幢", "item", CN, NULL},
    {"艘", "艘", "item", CN, NULL},
    {"架", "架", "item", CN, "构子次势"},
    {"亩", "亩", "area", CN, NULL},
    {"皮长公里", "皮长公里", "other", CN, NULL}, /* fibre-optic cable, sheath length */
    {"公里", "公里", "other", CN, NULL},
    {"毫米", "毫米", "other", CN, NULL}, /* rainfall */
    {"厘米", "厘米", "other", CN, NULL},
    {"千米", "千米", "other", 0, NULL},
    /* length of bridges, ditches, walls laid end to end (边沟约4.6万延米) */
    {"延米", "延米", "other", CN, NULL},
    {"米", "米", "other", CN, "乐粮面饭"},
    /* cubic metres, spoken (蓄水38万方), in figures only: 三方 双方 are
     * parties; 方面 方案 方式 are words */
    {"方", "方", "other", 0, "面案式法向针便位言阵正形格志舱块圆"},
    {"吨/日", "吨/日", "other", 0, NULL}, /* supply capacity */
    /* energy in coal equivalent (综合能耗7,412.6吨标准煤) and its intensities */
    {"吨标准煤/万元", "吨标准煤/万元", "other", 0, NULL},
    {"吨标准煤", "吨标准煤", "other", CN, NULL},
    {"吨标煤", "吨标准煤", "other", CN, NULL},
    {"千克标准煤/平方米", "千克标准煤/平方米", "other", 0, NULL},
    {"千克标准煤/人", "千克标准煤/人", "other", 0, NULL},
    {"千克标准煤", "千克标准煤", "other", 0, NULL},
    {"吨", "吨", "other", CN, NULL},
    {"公斤", "公斤", "other", CN, NULL},
    {"斤", "斤", "other", CN, "斤两"}, /* 卖出土蜂蜜1.6万斤; not 斤斤计较 */
    /* dan, 50 kg: tobacco is bought by it (收购烟叶4.36万担); 担任 担保 担心 are words */
    {"担", "担", "other", CN, "任保当心子忧负纲责"},
    /* tents (帐篷1,260顶), quilts (棉被3,800床) */
    {"顶", "顶", "item", CN, "层端级岗替梁住着峰部尖棚楼上"},
    {"床", "床", "item", CN, "位铺上单头旁垫边前"},
    {"微克/立方米", "微克/立方米", "other", 0, NULL}, /* PM2.5 */
    {"毫克/立方米", "毫克/立方米", "other", 0, NULL},
    {"毫克/升", "毫克/升", "other", 0, NULL},
    {"千克", "千克", "other", 0, NULL},
    {"克", "克", "other", 0, "服隆制难敌"}, /* seized drugs; 克服 is a verb */
    {"头", "头", "other", RP_UNIT_CN_MANY, "雁羊牛社村镇乡街庄寨"}, /* 出栏九千八百头; not 两头跑, 三十头社区 */
    {"TB", "TB", "other", 0, NULL}, /* stored data; Latin units end at a letter or digit */
    {"GB", "GB", "other", 0, NULL},
    {"%", "%", "ratio", 0, NULL},
    {"℃", "℃", "other", 0, NULL}, /* temperatures and their changes */
    {"摄氏度", "℃", "other", CN, NULL},
    {"‰", "‰", "ratio", 0, NULL},
    {"倍", "倍", "ratio", CN, NULL},
    /* points; after a Chinese numeral of several characters only (两百多分):
     * 十分 is "very", 三分 a share */
    {"分贝", "分贝", "other", 0, NULL}, /* noise level: 昼间平均等效声级53.6分贝 */
    {"分", "分", "other", RP_UNIT_CN_MANY, "别类为钟之配析批期享担布散工管局队会子解行成化级段秒院站社数值"},
    {"小时", "小时", "duration", CN | DUR, NULL},
    {"分钟", "分钟", "duration", CN | DUR, NULL},
    {"学时", "学时", "duration", CN | DUR, NULL},
    {"课时", "课时", "duration", CN | DUR, NULL},
    {"天", "天", "duration", CN | DUR, "然地下津"},
    {"周", "周", "duration", CN | DUR, "年边围"},
    {"年", "年", "duration", CN | DUR | RP_UNIT_YEAR, NULL},
    {"岁", "岁", "age", CN, "月"},
};

static bool blocked(const rp_unit *u, const char *s, size_t n, size_t j)
{
    if (j < n && (unsigned char)u->surface[0] < 0x80 && isalnum((unsigned char)u->surface[0]) &&
        (isalnum((unsigned char)s[j]) || s[j] == '/'))
        return true; /* GB/T 2260 is a standard, TBD no unit */
    if (u->not_before == NULL || j >= n)
        return false;
    size_t l;
    uint32_t cp = rp_utf8_decode(s, n, j, &l);
    if (!rp_utf8_in(u->not_before, cp))
        return false;
    /* 有38户主动让了地: an adverb after the unit, not 户主 (the householder);
     * 对2名单位“一把手”, 4家长者食堂, 11家乡镇卫生院: a noun after it, not
     * 名单, 家长 or 家乡 */
    static const char *const words_after[] = {"主动", "主要", "单位", "长者", "乡镇", "乡村", NULL};
    for (size_t k = 0; words_after[k]; k++)
        if (rp_utf8_starts(s, n, j, words_after[k]))
            return false;
    return true;
}

#define N_UNITS (sizeof units / sizeof units[0])

/* First code point and length of each surface, and the set of first code
 * points: most positions are rejected with one bitmap load. */
static uint32_t first_cp[N_UNITS];
static size_t surface_len[N_UNITS];
static rp_cset first_set;
/* The entries that start with one code point, in lexicon order: a chain
 * from the first (head, by the code point's low bits) through next_k.
 * NO_UNIT ends a chain. */
#define NO_UNIT 0xFFFFu
#define HEADS 1024u
static uint16_t head_k[HEADS], next_k[N_UNITS];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_build(void)
{
    _Static_assert(N_UNITS < NO_UNIT, "unit index is 16 bits");
    uint16_t tail[HEADS];
    memset(head_k, 0xFF, sizeof head_k);
    for (size_t k = 0; k < N_UNITS; k++) {
        size_t l;
        surface_len[k] = strlen(units[k].surface);
        first_cp[k] = rp_utf8_decode(units[k].surface, surface_len[k], 0, &l);
        if (first_cp[k] < 0x10000)
            first_set.bits[first_cp[k] >> 3] |= (uint8_t)(1u << (first_cp[k] & 7));
        uint32_t h = first_cp[k] % HEADS;
        next_k[k] = NO_UNIT;
        if (head_k[h] == NO_UNIT)
            head_k[h] = (uint16_t)k;
        else
            next_k[tail[h]] = (uint16_t)k;
        tail[h] = (uint16_t)k;
    }
}

const rp_unit *rp_unit_match(const char *s, size_t n, size_t i)
{
    pthread_once(&index_once, index_build);
    if (i >= n)
        return NULL;
    size_t l;
    uint32_t cp = rp_utf8_decode(s, n, i, &l);
    if (!rp_cset_has(&first_set, cp))
        return NULL;
    for (size_t k = head_k[cp % HEADS]; k != NO_UNIT; k = next_k[k]) {
        const rp_unit *u = &units[k];
        if (first_cp[k] != cp || n - i < surface_len[k] || memcmp(s + i, u->surface, surface_len[k]) != 0)
            continue;
        if (!blocked(u, s, n, i + surface_len[k]))
            return u;
        /* 分 before 钟 is no 分: a later, longer entry (分钟) may match */
    }
    return NULL;
}

/* A denominator at s[i]: a time word, a noun counted only per item (元/生
 * per pupil, 元/村, 元/床), or a unit of the lexicon that is no ratio (人 户
 * 亩 平方米 平方公里 斤 吨 千瓦时 ...). */
static size_t denominator(const char *s, size_t n, size_t i, const char **canon)
{
    static const char *const times[] = {"小时", "季度", "月", "日", "年", "天", "周",
                                        "生", "村", "床", "餐", "车", "校"};
    for (size_t k = 0; k < sizeof times / sizeof times[0]; k++) {
        size_t l = strlen(times[k]);
        if (n - i >= l && memcmp(s + i, times[k], l) == 0) {
            *canon = times[k];
            return l;
        }
    }
    const rp_unit *u = rp_unit_match(s, n, i);
    if (u == NULL || u->surface[0] == '/' || strcmp(u->kind, "ratio") == 0 ||
        strchr(u->surface, '/') != NULL)
        return 0;
    *canon = u->canonical;
    return strlen(u->surface);
}

size_t rp_unit_per(const char *s, size_t n, size_t i, char *canon, size_t cap)
{
    size_t j = i, w = 0;
    if (cap > 0)
        canon[0] = '\0';
    for (int k = 0; k < 2 && j < n; k++) {
        size_t sep = s[j] == '/' ? 1 : k > 0 && n - j >= 2 && memcmp(s + j, "\xC2\xB7", 2) == 0 ? 2 : 0;
        const char *dc = NULL;
        size_t dl = sep ? denominator(s, n, j + sep, &dc) : 0;
        if (dl == 0)
            break;
        int r = snprintf(canon + w, cap - w, "%.*s%s", (int)sep, s + j, dc);
        if (r < 0 || (size_t)r >= cap - w)
            break;
        w += (size_t)r;
        j += sep + dl;
    }
    return w == 0 ? 0 : j - i;
}
