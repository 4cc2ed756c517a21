/* rp_eval: ANNOTATION.md's scoring on a tiny gold: one-to-one matching on
 * (value, unit), optional gold dropped when matched and ignored when not,
 * micro P/R/F1, attribute accuracies, the lenient subject rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "rp_eval.h"

static const char GOLD[] =
    "{\"doc\": \"900\", \"title\": null, \"region\": \"东河区\", \"published\": null, \"source\": null}\n"
    "{\"value\": 108, \"unit\": \"名\", \"approx\": \"\", \"text\": \"108名\", \"subject\": \"村级后备力量\", \"region\": \"东河区\", \"optional\": false}\n"
    "{\"value\": 658000, \"unit\": \"元\", \"approx\": \"\", \"text\": \"65.8萬元\", \"subject\": \"党费\", \"region\": \"东河区\", \"optional\": false}\n"
    "{\"value\": 400, \"unit\": \"人\", \"approx\": \"more_than\", \"text\": \"400余人\", \"subject\": \"培训入党积极分子\", \"region\": \"东河区\", \"optional\": false}\n"
    "{\"value\": 4, \"unit\": \"个\", \"approx\": \"\", \"text\": \"四个\", \"subject\": \"方面\", \"region\": \"东河区\", \"optional\": true}\n"
    "{\"value\": 3, \"unit\": \"年\", \"approx\": \"\", \"text\": \"3年\", \"subject\": \"驻村\", \"region\": \"东河区\", \"optional\": true}\n";

static void parse_gold(void **state)
{
    (void)state;
    rp_eval_gold g;
    char err[128];
    assert_int_equal(rp_eval_gold_parse(GOLD, strlen(GOLD), &g, err, sizeof err), 0);
    assert_string_equal(g.doc, "900");
    assert_string_equal(g.title, "");
    assert_int_equal(g.n_items, 5);
    assert_true(g.items[3].optional);
    assert_string_equal(g.items[2].approx, "more_than");
    rp_eval_gold_free(&g);
    assert_int_equal(rp_eval_gold_parse("{\"doc\":1}\nnot json\n", 19, &g, err, sizeof err), -1);
    assert_non_null(strstr(err, "line 2"));
}

static void score_document(void **state)
{
    (void)state;
    rp_eval_gold g;
    assert_int_equal(rp_eval_gold_parse(GOLD, strlen(GOLD), &g, NULL, 0), 0);
    rp_eval_item pred[] = {
        {108, "名", "", "108名", "村级后备力量", "东河区", false},   /* TP, all right */
        {658000, "元", "", "65.8万元", "划拨党费", "颍州区", false}, /* TP, region wrong */
        {400, "人", "", "400人", "学员", "东河区", false},          /* TP, approx wrong */
        {4, "个", "", "四个", "方面", "东河区", false},             /* optional: dropped */
        {2021, "年", "", "2021年", "", "东河区", false},            /* FP */
    };
    rp_eval_counts c = {0};
    assert_int_equal(rp_eval_score(g.items, g.n_items, pred, 5, &c, NULL, NULL), 0);
    assert_int_equal(c.tp, 3);
    assert_int_equal(c.fp, 1);
    assert_int_equal(c.fn, 0);
    assert_int_equal(c.optional_matched, 1);
    assert_int_equal(c.approx_ok, 2);
    assert_int_equal(c.region_ok, 2);
    assert_int_equal(c.subject_ok, 2);        /* 划拨党费 contains 党费 */
    assert_int_equal(c.subject_strict_ok, 1);
    rp_eval_scores s = rp_eval_summarise(&c);
    assert_true(s.precision > 0.749 && s.precision < 0.751);
    assert_true(s.recall > 0.999);
    assert_true(s.f1 > 0.857 && s.f1 < 0.858);
    rp_eval_gold_free(&g);
}

static void unmatched_gold_is_a_miss(void **state)
{
    (void)state;
    rp_eval_gold g;
    assert_int_equal(rp_eval_gold_parse(GOLD, strlen(GOLD), &g, NULL, 0), 0);
    rp_eval_item pred[] = {{108.0000001, "名", "", "", "", "", false}};
    rp_eval_counts c = {0};
    assert_int_equal(rp_eval_score(g.items, g.n_items, pred, 1, &c, NULL, NULL), 0);
    assert_int_equal(c.tp, 1);
    assert_int_equal(c.fn, 2);
    assert_int_equal(c.fp, 0);
    rp_eval_gold_free(&g);
}

static void equality_rules(void **state)
{
    (void)state;
    assert_true(rp_eval_unit_equal("個", "个"));
    assert_false(rp_eval_unit_equal("人", "人次"));
    assert_true(rp_eval_subject_equal("企业“共享活动站”", "企业共享活动站", false));
    assert_true(rp_eval_subject_equal("參與黨員", "参与党员", false));
    assert_true(rp_eval_subject_equal("发展新党员", "新党员", true));
    assert_false(rp_eval_subject_equal("发展新党员", "新党员", false));
    assert_false(rp_eval_subject_equal("", "新党员", true));
}

/* Same-key predictions pair by surface text, then optional mark: the
 * counts are those of any pairing, the attributes those of the right one. */
static void pairing_prefers_same_text(void **state)
{
    (void)state;
    rp_eval_item gold[] = {{3, "个", "", "3个", "社会救助服务站", "榉林街道", false}};
    rp_eval_item pred[] = {
        {3, "个", "", "三个", "乡镇", "蘅江区", true},            /* a capacity, earlier */
        {3, "个", "", "3个", "社会救助服务站", "榉林街道", false}, /* the same figure */
    };
    rp_eval_counts c = {0};
    assert_int_equal(rp_eval_score(gold, 1, pred, 2, &c, NULL, NULL), 0);
    assert_int_equal(c.tp, 1);
    assert_int_equal(c.fp, 1);
    assert_int_equal(c.region_ok, 1);
    assert_int_equal(c.subject_strict_ok, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_gold),
        cmocka_unit_test(score_document),
        cmocka_unit_test(unmatched_gold_is_a_miss),
        cmocka_unit_test(equality_rules),
        cmocka_unit_test(pairing_prefers_same_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
