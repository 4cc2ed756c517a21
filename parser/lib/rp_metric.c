/* rp_metric: see rp_metric.h and docs/metrics.md. */
#include "rp_metric.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rp_utf8.h"

typedef struct metric_rule {
    const char *kinds;    /* unit kinds, space-separated; "*" any */
    const char *keywords; /* '|'-separated substrings of the subject; "" any */
    const char *metric;
} metric_rule;

static const metric_rule rules[] = {
    {"money", "销售|营业|收入|产值|营收|交易额|成交", "sales_revenue"},
    {"money", "", "funds"},
    {"person person_time", "志愿", "volunteers"},
    {"person_time", "培训|轮训|授课|学习", "members_trained"},
    {"person_time", "服务|接待|接诊|走访|慰问|帮扶", "services_delivered"},
    {"person_time", "", "participants"},
    {"person", "培训|轮训", "members_trained"},
    {"person", "发展|新党员|积极分子|申请人|入党|后备", "members_recruited"},
    {"person", "书记|干部|专员|导师|指导员|讲师|委员|成员|人才|工作人员|管理员|网格员|顾问|两委",
     "cadres"},
    {"person", "参与|参加|参训|参学|受益|惠及|覆盖|群众|服务", "participants"},
    {"person", "党员", "party_members"},
    {"household", "", "households"},
    {"event", "培训|轮训|培训班|课堂|党课|讲座|宣讲", "training_sessions"},
    {"event", "", "events_held"},
    {"organisation", "企业|公司|单位|商户|合作社", "enterprises"},
    {"organisation", "中心|站|点|基地|阵地|党校|场所|驿站|室|馆|园|岗|教室", "places_built"},
    {"organisation item", "党组织|支部|党委|联盟|队|小组|工会|协会|社区|村|乡镇|街道|街镇",
     "organisations_built"},
    {"item", "文件|制度|清单|手册|方案|书籍|材料|档案|读本|办法|规定|意见|模板|申请书|新政",
     "documents_issued"},
    {"item", "服务|事务|问题|难题|纠纷|诉求|实事|项目", "services_delivered"},
    {"ratio duration age area price other", "", "other"},
};



#define N_RULES (sizeof rules / sizeof rules[0])
#define MAX_KEYWORDS 24

typedef struct compiled_rule {
    const char *kw[MAX_KEYWORDS];
    size_t kl[MAX_KEYWORDS];
    uint64_t kbit[MAX_KEYWORDS]; /* bloom bit of the keyword's first code point */
    uint64_t any;                /* the union of kbit */
    size_t n;
    unsigned kinds; /* bit per entry of kind_names */
} compiled_rule;

static const char *const kind_names[] = {"person", "person_time", "event", "organisation",
                                         "item", "household", "money", "price", "area",
                                         "ratio", "duration", "age", "other", NULL};

/* Bit of a kind name, 0 when unknown. */
static unsigned kind_bit(const char *kind, size_t len)
{
    for (unsigned k = 0; kind_names[k]; k++)
        if (strlen(kind_names[k]) == len && memcmp(kind_names[k], kind, len) == 0)
            return 1u << k;
    return 0;
}

static unsigned kinds_mask(const char *kinds)
{
    unsigned m = 0;
    while (*kinds) {
        size_t l = strcspn(kinds, " ");
        m |= kind_bit(kinds, l);
        kinds += l + (kinds[l] == ' ');
    }
    return m;
}

/* The keyword lists split once: classify runs for every measure. */
static compiled_rule compiled[N_RULES];
static pthread_once_t compile_once = PTHREAD_ONCE_INIT;

static void compile_rules(void)
{
    for (size_t k = 0; k < N_RULES; k++) {
        compiled[k].kinds = kinds_mask(rules[k].kinds);
        const char *p = rules[k].keywords;
        while (*p && compiled[k].n < MAX_KEYWORDS) {
            const char *bar = strchr(p, '|');
            size_t l = bar ? (size_t)(bar - p) : strlen(p);
            size_t cl;
            uint64_t bit = 1ull << (rp_utf8_decode(p, l, 0, &cl) & 63);
            compiled[k].kw[compiled[k].n] = p;
            compiled[k].kbit[compiled[k].n] = bit;
            compiled[k].any |= bit;
            compiled[k].kl[compiled[k].n++] = l;
            p += l + (bar ? 1 : 0);
        }
    }
}

/* One bit per (code point mod 64) present in the subject: most keywords
 * are ruled out without a search. */
static uint64_t bloom_of(const char *s, size_t n)
{
    uint64_t b = 0;
    for (size_t i = 0; i < n;) {
        size_t l;
        b |= 1ull << (rp_utf8_decode(s, n, i, &l) & 63);
        i += l;
    }
    return b;
}

static bool compiled_matches(const compiled_rule *r, const char *subject, size_t sl, uint64_t bloom)
{
    if (r->n == 0)
        return true;
    if (!(r->any & bloom))
        return false;
    for (size_t k = 0; k < r->n; k++)
        if ((r->kbit[k] & bloom) && rp_utf8_find(subject, sl, r->kw[k], r->kl[k]) != NULL)
            return true;
    return false;
}

const char *rp_metric_classify(const char *unit_kind, const char *subject)
{
    if (unit_kind == NULL || subject == NULL)
        return "other";
    pthread_once(&compile_once, compile_rules);
    size_t sl = strlen(subject);
    uint64_t bloom = bloom_of(subject, sl);
    unsigned kind = 0;
    for (unsigned k = 0; kind_names[k] && kind == 0; k++)
        if (strcmp(kind_names[k], unit_kind) == 0)
            kind = 1u << k;
    for (size_t k = 0; k < N_RULES; k++)
        if ((compiled[k].kinds & kind) && compiled_matches(&compiled[k], subject, sl, bloom))
            return rules[k].metric;
    return "other";
}
