/* rp_extract_respective: 分别, figures given "respectively" to the things a
 * clause lists before them (`失业保险、工伤保险分别参保3.58万人、5.12万人`,
 * `棣城街道、东岚街道常住人口分别增加18,326人和9,741人`) or to the figures the
 * sentence gave just before (`实缴单位9,418家,…缴存额86.35亿元,分别同比增长
 * 7.0%、3.0%、8.6%`). The i-th figure after 分别 takes the i-th item: its
 * name with the verb after 分别 as subject, its place as region. */
#include "rp_extract_int.h"
#include "rp_subject.h"

#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 8

/* Items of a list s[a..b) separated by 、 和 及 与 (outside brackets and
 * quotes); false when a figure or anything but words stands in it. */
static size_t list_items(const ex *x, size_t a, size_t b, size_t *ia, size_t *ib)
{
    size_t n = 0, from = a;
    int depth = 0;
    for (size_t j = a, l; j < b; j += l) {
        uint32_t cp = rp_utf8_decode(x->s, x->n, j, &l);
        if (cp == '(' || cp == 0x201C || cp == 0x300A)
            depth++;
        else if ((cp == ')' || cp == 0x201D || cp == 0x300B) && depth > 0)
            depth--;
        else if (cp >= '0' && cp <= '9')
            return 0;
        bool sep = depth == 0 && (cp == 0x3001 || cp == 0x548C || cp == 0x53CA || cp == 0x4E0E);
        if (!sep)
            continue;
        if (n + 1 >= MAX_ITEMS || j == from)
            return 0;
        ia[n] = from;
        ib[n++] = j;
        from = j + l;
    }
    if (from >= b)
        return 0;
    ia[n] = from;
    ib[n++] = b;
    return n;
}

static void put(char *out, size_t cap, const char *a, size_t al, const char *b, size_t bl)
{
    snprintf(out, cap, "%.*s%.*s", (int)al, a, (int)bl, b);
}

/* Words that qualify a noun the items share, written once after the last
 * (`城镇、农村居民人均可支配收入`, `省级、市级示范村`). */
static const char *const qualifiers[] = {"城镇", "农村", "城市", "城区", "乡村", "男性", "女性",
                                         "公办", "民办", "国有", "民营", "国家级", "省级",
                                         "市级", "县级", "区级", "乡级", "镇级", "村级", NULL};

static size_t qualifier_at(const char *s, size_t a, size_t b)
{
    for (size_t k = 0; qualifiers[k]; k++)
        if (rp_utf8_starts(s, b, a, qualifiers[k]))
            return strlen(qualifiers[k]);
    return 0;
}

/* The noun the last item s[la..lb) shares with an item ending at b in a
 * qualifier: what follows the last item's own qualifier; 0 when the
 * item names a thing of its own. */
static size_t shared_noun(const ex *x, size_t b, size_t la, size_t lb)
{
    size_t lq = qualifier_at(x->s, la, lb);
    return ends_any(x, b, qualifiers) && lq > 0 && la + lq + 3 <= lb ? la + lq : 0;
}

/* `人均可支配收入达到`: the subject of a figure without the verb that gave it,
 * before another verb is put after it. */
static size_t without_verb(const char *s, size_t n)
{
    static const char *const verbs[] = {"达到", "达", "为", "是", NULL};
    for (size_t k = 0; verbs[k]; k++)
        if (rp_utf8_ends(s, n, verbs[k]) && n > strlen(verbs[k]))
            return n - strlen(verbs[k]);
    return n;
}

bool rp_ex_respective(const ex *x, size_t k, const rp_measure *done, char *subj, size_t scap,
                      char *region, size_t rcap)
{
    const cand *c = &x->c[k];
    if (c->respective == NONE)
        return false;
    size_t cs = c->clause_start, fa = c->respective, fb = fa + strlen("分别");
    /* the run of figures after this 分别 */
    size_t first = k, last = k;
    while (first > 0 && x->c[first - 1].respective == fa)
        first--;
    while (last + 1 < x->nc && last + 1 - first < MAX_ITEMS && x->c[last + 1].respective == fa)
        last++;
    size_t runs = last - first + 1, i = k - first;
    if (runs < 2)
        return false;
    /* the verb between 分别 and the first figure: 参保, 增加, 同比增长 (为 is none) */
    size_t va = fb, vb = x->c[first].start;
    if (vb - va >= 3 && rp_utf8_starts(x->s, x->n, va, "为"))
        va += 3;
    if (vb - va > 8 * 3)
        return false;
    size_t ia[MAX_ITEMS], ib[MAX_ITEMS];
    size_t items = list_items(x, cs, fa, ia, ib);

    if (items == runs) {
        rp_place pl;
        bool places = true;
        for (size_t t = 0; t < items && places; t++)
            places = rp_region_place_at(x->s, ib[t], ia[t], &pl) && pl.start == ia[t];
        if (places) { /* 棣城街道、东岚街道常住人口: places sharing the last item's noun */
            rp_region_place_at(x->s, ib[i], ia[i], &pl);
            put(region, rcap, x->s + pl.start, pl.end - pl.start, "", 0);
            rp_region_place_at(x->s, ib[items - 1], ia[items - 1], &pl);
            put(subj, scap, x->s + pl.end, ib[items - 1] - pl.end, x->s + va, vb - va);
        } else {
            size_t tail = i + 1 < items ? shared_noun(x, ib[i], ia[items - 1], ib[items - 1]) : 0;
            char item[256];
            put(item, sizeof item, x->s + ia[i], ib[i] - ia[i], x->s + tail,
                tail > 0 ? ib[items - 1] - tail : 0);
            put(subj, scap, item, strlen(item), x->s + va, vb - va);
            snprintf(region, rcap, "%s", pool_str(x, c->region));
        }
        return true;
    }
    /* `茶亭村、竹篙塘村党员积分台账规范，本季度分别开展…6次、5次`: places
     * listed where the sentence opens, a clause before 分别 */
    if (items <= 1 && c->sent_start < cs) {
        size_t e = c->sent_start;
        while (e < cs && !starts(x, e, "，") && x->s[e] != ',')
            e++;
        rp_place pl;
        size_t n2 = e < cs ? list_items(x, c->sent_start, e, ia, ib) : 0;
        bool places = n2 == runs;
        for (size_t t = 0; t < n2 && places; t++)
            places = rp_region_place_at(x->s, ib[t], ia[t], &pl) && pl.start == ia[t];
        if (places) {
            rp_region_place_at(x->s, ib[i], ia[i], &pl);
            put(region, rcap, x->s + pl.start, pl.end - pl.start, "", 0);
            put(subj, scap, x->s + va, vb - va, "", 0);
            return true;
        }
    }
    /* nothing listed before 分别: the figures the sentence gave just before */
    if (items > 1 || first < runs || x->c[first - runs].start < c->sent_start)
        return false;
    size_t p = first - runs + i;
    snprintf(region, rcap, "%s", done[p].region);
    if (fa == cs) { /* `,分别同比增长7.0%…`: the earlier figure's subject with the verb */
        put(subj, scap, done[p].subject, without_verb(done[p].subject, strlen(done[p].subject)),
            x->s + va, vb - va);
    } else if (rp_subject_is_base(x->s + cs, fa - cs)) { /* `,同比分别下降14.3%…` */
        char verb[96];
        put(verb, sizeof verb, x->s + cs, fa - cs, x->s + va, vb - va);
        put(subj, scap, done[p].subject, strlen(done[p].subject), verb, strlen(verb));
    }
    else if (subj[0] == '\0' && i > 0) /* `报告发病率分别为a、b和c`: c is named as a is */
        snprintf(subj, scap, "%s", done[first].subject);
    return true;
}
