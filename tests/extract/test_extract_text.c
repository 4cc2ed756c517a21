/* Normalisation (traditional characters, pinyin notes, full-width forms,
 * spam tokens, spaces inside numbers), surface text and spans, subject,
 * region and metadata on small inputs, and bad input: invalid UTF-8, binary,
 * empty, a 50 MB document, a 1 MB line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "rp_normalize.h"
#include "test_extract_util.h"

static void traditional_and_pinyin(void **state)
{
    (void)state;
    const char *t = "今年以來,潁州區(qū)認(rèn)真貫徹,推動全區(qū)13個(gè)鄉(xiāng)鎮(zhèn)街道建立基層黨校。";
    rp_extract_result *r = run(t);
    const rp_measure *m = expect_one(r, 13, "个", RP_APPROX_EXACT);
    assert_string_equal(m->text, "13個(gè)");
    assert_string_equal(m->region, "颍州区");
    assert_string_equal(r->meta.region, "颍州区");
    assert_non_null(strstr(m->subject, "乡镇街道"));
    /* spans point into the normalised text */
    assert_memory_equal(r->text + m->span_start, "13个", m->span_end - m->span_start);
    assert_null(strstr(r->text, "(qū)"));
    rp_extract_result_free(r);
}

static void real_parentheses_stay(void **state)
{
    (void)state;
    rp_extract_result *r = run("每年为18个行政村(社区)配发书籍。");
    const rp_measure *m = expect_one(r, 18, "个", RP_APPROX_EXACT);
    assert_string_equal(m->subject, "行政村(社区)");
    assert_non_null(strstr(r->text, "(社区)"));
    rp_extract_result_free(r);
}

static void full_width_and_spaces(void **state)
{
    (void)state;
    rp_extract_result *r = run("培训党员领导干部 1100 余人次，开展活动１ ２００场。");
    assert_int_equal(r->n_measures, 2);
    const rp_measure *m = find(r, 1100, "人次");
    assert_non_null(m);
    assert_string_equal(m->text, "1100 余人次");
    assert_non_null(find(r, 1200, "场"));
    rp_extract_result_free(r);
    r = run("培训党\n员领导干部1100\n余人次。");
    assert_non_null(find(r, 1100, "人次"));
    rp_extract_result_free(r);
}

static void spam_tokens(void **state)
{
    (void)state;
    rp_extract_result *r = run("E星新闻\n交流工作经验M6米乐,组织培训20期,参训党员300人M6米乐。");
    assert_int_equal(r->n_measures, 2);
    assert_non_null(find(r, 20, "期"));
    const rp_measure *m = find(r, 300, "人");
    assert_non_null(m);
    assert_string_equal(m->text, "300人");
    assert_null(strstr(r->text, "米乐"));
    assert_null(strstr(r->text, "星新闻"));
    rp_extract_result_free(r);
    r = run("建设9I体育,投入资金300万元。");
    expect_one(r, 3000000, "元", RP_APPROX_EXACT);
    assert_null(strstr(r->text, "体育"));
    rp_extract_result_free(r);
    /* a quoted Latin-led name is not spam */
    r = run("组建“e家园”服务队29支。");
    assert_non_null(strstr(r->text, "e家园"));
    rp_extract_result_free(r);
}

static void subjects(void **state)
{
    (void)state;
    rp_extract_result *r = run("今年以来,共发展新党员171名,其中女党员76名,培训党员10117人。");
    assert_int_equal(r->n_measures, 3);
    assert_string_equal(find(r, 171, "名")->subject, "发展新党员");
    assert_string_equal(find(r, 76, "名")->subject, "女党员");
    assert_string_equal(find(r, 10117, "人")->subject, "培训党员");
    rp_extract_result_free(r);
    r = run("1016名队员组成96支青年突击队。");
    assert_string_equal(find(r, 1016, "名")->subject, "队员");
    assert_string_equal(find(r, 96, "支")->subject, "青年突击队");
    assert_string_equal(find(r, 96, "支")->metric, "organisations_built");
    rp_extract_result_free(r);
}

static void regions_by_section(void **state)
{
    (void)state;
    const char *t = "济南市召开基层党建推进会。\n"
                    "槐荫区始终坚持党建引领基层治理、促进改革发展,突出大党建工作理念,探索成立若干区域性党建联盟,带动凝聚各方力量。\n"
                    "一、聚焦服务。建成7处综合性党群服务中心。目前,苗山镇5名专员合作筹资300万元。\n"
                    "二、强化保障。举办培训75期。\n"
                    "天桥区聚焦新兴领域党建重点问题,坚持创新突破、融合共治,以实施工作法为抓手,推动新业态党建破题攻坚、提质增效。\n"
                    "全区共摸排新业态企业532家。";
    rp_extract_result *r = run(t);
    assert_string_equal(r->meta.region, "济南市");
    assert_string_equal(find(r, 7, "处")->region, "槐荫区");
    assert_string_equal(find(r, 5, "名")->region, "苗山镇");
    assert_string_equal(find(r, 75, "期")->region, "槐荫区");
    assert_string_equal(find(r, 532, "家")->region, "天桥区");
    rp_extract_result_free(r);
}

static void province_from_text(void **state)
{
    (void)state;
    const char *t = "近年来,我省坚持大抓基层。全省共开展培训9900多次。\n"
                    "选派干部到村任职,是安徽省加强基层组织建设的一大品牌。";
    rp_extract_result *r = run(t);
    assert_string_equal(r->meta.region, "安徽省");
    assert_string_equal(find(r, 9900, "次")->region, "安徽省");
    rp_extract_result_free(r);
}

static void metadata_and_period(void **state)
{
    (void)state;
    const char *t = "常宁市荫田镇:写好党员发展大文章\n"
                    "发布时间:2024-09-10 来源: 中共湖南省委组织部 作者:佚名\n"
                    "今年以来,累计组织志愿服务活动100余场。";
    rp_extract_result *r = run(t);
    assert_string_equal(r->meta.title, "常宁市荫田镇:写好党员发展大文章");
    assert_string_equal(r->meta.published, "2024-09-10");
    assert_string_equal(r->meta.source, "中共湖南省委组织部");
    assert_string_equal(r->meta.region, "常宁市荫田镇");
    const rp_measure *m = expect_one(r, 100, "场", RP_APPROX_MORE_THAN);
    assert_string_equal(m->period, "2024年以来");
    rp_extract_result_free(r);
    rp_extract_hints h = {.title = "东河区提升党员教育", .published = "2021-05-01", .source = "x"};
    char err[128];
    assert_int_equal(rp_extract_text("去年,培训党员30人。", strlen("去年,培训党员30人。"), &h, &r,
                                     err, sizeof err), 0);
    assert_string_equal(r->meta.region, "东河区");
    assert_string_equal(r->measures[0].period, "2020年");
    rp_extract_result_free(r);
    r = run("丹霞镇2023年党建工作总结\n全年开展主题党日活动14次。各支部发展党员9名。");
    assert_string_equal(find(r, 14, "次")->period, "2023年");
    assert_string_equal(find(r, 9, "名")->period, "2023年"); /* the title's year */
    rp_extract_result_free(r);
    h.title = "潁州區(qū)黨員教育"; /* a traditional hint */
    assert_int_equal(rp_extract_text("培训党员30人。", strlen("培训党员30人。"), &h, &r, err,
                                     sizeof err), 0);
    assert_string_equal(r->meta.region, "颍州区");
    assert_string_equal(r->meta.title, "潁州區(qū)黨員教育");
    rp_extract_result_free(r);
}

static void bad_utf8_and_binary(void **state)
{
    (void)state;
    const char bad[] = "培训\xff\xfe党员\xe4\xb8 30人\x00\x01\x02。\xc0\xaf" "ABC";
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text(bad, sizeof bad - 1, NULL, &r, err, sizeof err), 0);
    assert_non_null(find(r, 30, "人"));
    assert_non_null(strstr(r->diagnostics, "invalid_utf8"));
    rp_extract_result_free(r);
    char bin[4096];
    for (size_t k = 0; k < sizeof bin; k++)
        bin[k] = (char)(k * 7919 % 256);
    assert_int_equal(rp_extract_text(bin, sizeof bin, NULL, &r, err, sizeof err), 0);
    assert_non_null(strstr(r->diagnostics, "binary"));
    rp_extract_result_free(r);
}

static void empty_input(void **state)
{
    (void)state;
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text("", 0, NULL, &r, err, sizeof err), 0);
    assert_int_equal(r->n_measures, 0);
    assert_non_null(strstr(r->diagnostics, "empty"));
    rp_extract_result_free(r);
    assert_int_equal(rp_extract_text(NULL, 0, NULL, &r, err, sizeof err), 0);
    rp_extract_result_free(r);
    assert_int_equal(rp_extract_text(NULL, 5, NULL, &r, err, sizeof err), -1);
    assert_null(r);
    rp_extract_result_free(NULL);
}

/* Repeats unit until len bytes (whole copies) and extracts. */
static void big(const char *unit, size_t len, size_t expect_per_copy)
{
    size_t ul = strlen(unit), copies = len / ul;
    char *buf = malloc(copies * ul);
    assert_non_null(buf);
    for (size_t k = 0; k < copies; k++)
        memcpy(buf + k * ul, unit, ul);
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text(buf, copies * ul, NULL, &r, err, sizeof err), 0);
    assert_int_equal(r->n_measures, copies * expect_per_copy);
    for (size_t k = 0; k < r->n_measures; k += r->n_measures / 7 + 1)
        assert_true(strlen(r->measures[k].sentence) < 600);
    rp_extract_result_free(r);
    free(buf);
}

static void huge_document(void **state)
{
    (void)state;
    big("今年以来,共发展新党员171名,持续加大重点群体和薄弱领域发展党员力度,进一步优化党员队伍结构。\n"
        "槐荫区举办培训75期,坚持把政治标准放在首位,严格程序,实行基层党委和组织部门两级预审制度。\n",
        (size_t)50 << 20, 2);
}

static void measure_limit(void **state)
{
    (void)state;
    size_t copies = RP_EXTRACT_MAX_MEASURES + 10;
    char *buf = malloc(copies * 4);
    assert_non_null(buf);
    for (size_t k = 0; k < copies; k++)
        memcpy(buf + 4 * k, "5人,", 4);
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text(buf, copies * 4, NULL, &r, err, sizeof err), 0);
    assert_int_equal(r->n_measures, RP_EXTRACT_MAX_MEASURES);
    assert_non_null(strstr(r->diagnostics, "limit"));
    rp_extract_result_free(r);
    free(buf);
}

static void one_megabyte_line(void **state)
{
    (void)state;
    big("共发展新党员171名,培训党员3万余人次,", (size_t)1 << 20, 2);
}

static void normalise_offsets(void **state)
{
    (void)state;
    rp_norm n;
    const char *in = "區(qū)１２名";
    assert_int_equal(rp_normalize(in, strlen(in), &n), 0);
    assert_string_equal(n.text, "区12名");
    assert_int_equal(rp_norm_in_offset(&n, 3), strlen("區(qū)"));
    assert_int_equal(rp_norm_in_offset(&n, n.len), strlen(in));
    rp_norm_free(&n);
    rp_norm_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(traditional_and_pinyin), cmocka_unit_test(real_parentheses_stay),
        cmocka_unit_test(full_width_and_spaces),  cmocka_unit_test(spam_tokens),
        cmocka_unit_test(subjects),               cmocka_unit_test(regions_by_section),
        cmocka_unit_test(province_from_text),     cmocka_unit_test(metadata_and_period),
        cmocka_unit_test(bad_utf8_and_binary),    cmocka_unit_test(empty_input),
        cmocka_unit_test(huge_document),          cmocka_unit_test(one_megabyte_line),
        cmocka_unit_test(measure_limit),
        cmocka_unit_test(normalise_offsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
