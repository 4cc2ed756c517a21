/* Number grammar, units, approximation markers, ranges and every exclusion
 * class of ANNOTATION.md, each on a one-sentence input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_extract_util.h"

#define E RP_APPROX_EXACT
#define MORE RP_APPROX_MORE_THAN
#define ABOUT RP_APPROX_ABOUT
#define LEAST RP_APPROX_AT_LEAST
#define MOST RP_APPROX_AT_MOST

static void arabic_numbers(void **state)
{
    (void)state;
    check_one("今年以来培训党员10117人。", 10117, "人", E);
    check_one("共收缴党费1,286.4万元。", 12864000, "元", E);
    check_one("划拨党费65.8万元用于慰问。", 658000, "元", E);
    check_one("全年销售额累计实现83.2亿元。", 8.32e9, "元", E);
    check_one("各类联盟力量3千余人。", 3000, "人", MORE);
    check_one("投入资金2.5亿余元。", 2.5e8, "元", MORE);
    check_one("全省19.07万个基层党组织参加。", 190700, "个", E);
    check_one("380余万名党员参加了主题教育。", 3.8e6, "名", MORE);
    check_one("培训农村党员79万多人次。", 790000, "人次", MORE);
    check_one("人均年报酬提高0.6万元。", 6000, "元", E);
    check_one("吸纳党员１２３名。", 123, "名", E); /* full-width digits */
    check_one("实交党费2,087,344.60元。", 2087344.6, "元", E); /* two thousands commas */
}

static void chinese_numbers(void **state)
{
    (void)state;
    check_one("组织一千二百余人参加培训。", 1200, "人", MORE);
    check_one("发展党员一百零八名。", 108, "名", E);
    check_one("督促补交党费两万余元。", 20000, "元", MORE);
    check_one("开展宣讲二十六场。", 26, "场", E);
    check_one("惠及群众万余户。", 10000, "户", MORE);
    check_one("党员两万三千六百余名。", 23600, "名", MORE);
    check_one("收入增长近一倍。", 1, "倍", ABOUT);
    check_one("平均年龄下降六岁。", 6, "岁", E);
    check_one("占比百分之六十九点五。", 69.5, "%", E);
}

static void units(void **state)
{
    (void)state;
    check_one("参与21323人次。", 21323, "人次", E);
    check_one("演出120场次。", 120, "场次", E);
    check_one("高中以上学历提高17.4个百分点。", 17.4, "百分点", E);
    check_one("约谈书记4人(次)。", 4, "人次", E);
    check_one("接待群众1200人/次。", 1200, "人次", E);
    check_one("涉组信访同比下降40%。", 40, "%", E);
    check_one("建成96支青年突击队。", 96, "支", E);
    check_one("发放警示读本370余份。", 370, "份", MORE);
    check_one("流转土地3650亩。", 3650, "亩", E);
    rp_extract_result *r = run("选派干部到村任职已持续23年。");
    const rp_measure *m = expect_one(r, 23, "年", E);
    assert_true(m->optional);
    assert_string_equal(m->unit_kind, "duration");
    rp_extract_result_free(r);
    r = run("每天坐诊超过9个小时。");
    m = expect_one(r, 9, "小时", MORE);
    assert_true(m->optional);
    rp_extract_result_free(r);
}

static void approx_markers(void **state)
{
    (void)state;
    check_one("培训入党积极分子400余人。", 400, "人", MORE);
    check_one("选派干部9800多名。", 9800, "名", MORE);
    check_one("服务群众超6000余人次。", 6000, "人次", MORE);
    check_one("覆盖党员逾3000人。", 3000, "人", MORE);
    check_one("参训党员约1200人。", 1200, "人", ABOUT);
    check_one("参训党员近千人。", 1000, "人", ABOUT);
    check_one("参与率为76%左右。", 76, "%", ABOUT);
    check_one("专职党务工作人员平均增加2名以上。", 2, "名", LEAST);
    check_one("结余不足5000元。", 5000, "元", MOST);
    rp_extract_result *r = run("每个村至少2名后备力量。");
    const rp_measure *m = expect_one(r, 2, "名", LEAST);
    assert_true(m->optional);
    rp_extract_result_free(r);
    r = run("随机抽查不少于20本档案。");
    m = expect_one(r, 20, "本", LEAST);
    assert_true(m->optional);
    rp_extract_result_free(r);
}

static void ranges(void **state)
{
    (void)state;
    rp_extract_result *r = run("区级分别发放5000元至3万元奖励。");
    assert_int_equal(r->n_measures, 2);
    assert_non_null(find(r, 5000, "元"));
    assert_non_null(find(r, 30000, "元"));
    assert_true(r->measures[0].optional && r->measures[1].optional);
    rp_extract_result_free(r);
    r = run("每期培训10-20人。");
    assert_int_equal(r->n_measures, 2);
    assert_non_null(find(r, 10, "人"));
    assert_non_null(find(r, 20, "人"));
    rp_extract_result_free(r);
    check_none("1至9月,全县召开会议。");
    check_none("24小时在线受理群众诉求。"); /* a duration used as an adverb */
}

static void dates_and_ordinals(void **state)
{
    (void)state;
    check_none("2023年度工作总结。");
    check_none("二〇二三年工作要点。");
    check_none("1至9月完成任务。");
    check_none("第3季度召开会议。");
    check_none("6月底圆满完成任务。");
    check_none("3月14日召开推进会。");
    check_none("发布时间:2024-09-10。");
    check_none("开展第14个党史教育日活动。");
    check_none("我省第八批选派干部返回。");
    check_none("党员在2021年加入。");
    check_none("综合排名进入全省前10名。");
    check_none("对考核排名后3位的书记进行调整。");
}

static void names_and_slogans(void **state)
{
    (void)state;
    check_none("落实三会一课制度。");
    check_none("深化两学一做学习教育。");
    check_none("谋划十四五规划。");
    check_none("学习党的二十大精神。");
    check_none("贯彻十九届五中全会精神。");
    check_none("落实第一议题制度。");
    check_none("坚定拥护两个确立。");
    check_none("发扬“四千”精神和四千精神。");
    check_none("基层十佳评选。");
    check_none("颁发“光荣在党50年”纪念章。");
    check_none("利用“6·25为民服务日”开展活动。");
    check_none("形成“1+12”的效应。");
    check_none("评为五星级支部。");
    check_none("坚持三级审查制度。");
    check_none("明确“五个一”推进路径。");
    check_none("南翼的9363军工遗址公园。");
    check_none("增强四个意识,落实八项规定。");
    check_none("开展“百家讲坛”活动。");
    check_none("想尽千方百计。");
}

static void identifiers(void **state)
{
    (void)state;
    check_none("电话:0551-62607456");
    check_none("地址:安徽省合肥市红星路1号省委办公厅服务楼2楼");
    check_none("印发《实施方案》(皖组〔2024〕3号)。");
    check_none("皖ICP备12345678号");
    check_none("原文链接:https://www.hxw.gov.cn/content/2024/09/09/14607214.html");
    check_none("《实践》党的教育版2021年5期");
    check_none("P. 51");
}

static void conditions(void **state)
{
    (void)state;
    check_one("其中35岁及以下党员101名。", 101, "名", E);
    check_one("对有3名以上党员的14家新业态企业,指导转接。", 14, "家", E);
    check_none("对党员不足3人的,坚持区域共建。");
    check_none("集体收入10万元以上的村全面覆盖。");
    check_none("全面消除三年以上未发展党员村。");
    check_none("连续2年被评定为五星级的,优先推荐。");
    check_none("对35岁以下、在外优秀人才实行计划单列。");
    check_one("5个乡镇收入增幅不足10%。", 5, "个", E);
    check_none("力争到2025年集体经济总收入突破1000万元。");
    check_one("吸纳18至35岁青年300名。", 300, "名", E);
    check_one("村党组织书记平均年龄下降7岁。", 7, "岁", E);
    /* an age threshold after a count selects the people counted */
    check_one("全市还有近百名村党组织书记年龄在60岁以上。", 100, "名", RP_APPROX_ABOUT);
    check_one("有3个村党组织书记年龄超过60岁。", 3, "个", E);
    check_none("少数党员年龄在70岁以上,参与活动不便。"); /* an age bound counts nothing */
}

static void targets(void **state)
{
    (void)state;
    /* 将 as the future modal: a plan, not a result */
    check_none("今年,我们将在全市选树“红旗村”100个。");
    check_none("下半年,市委组织部将开展专项督查2轮。");
    check_none("将继续举办示范培训班5期。");
    /* 将 as the object marker: a result */
    check_one("大湾村将闲置校舍改造为民宿,共改造客房24间。", 24, "间", E);
    /* 计划 as the noun a result is measured against */
    check_one("完成年度计划的106%。", 106, "%", E);
    check_none("计划举办读书班3期。");
    /* 力争 governs its whole sentence; 目标 as a noun only its clause */
    check_none("力争全年发展党员200名以上,党员轮训覆盖率达到100%。");
    check_one("围绕目标任务,全年培训党员1200人。", 1200, "人", E);
    /* 计划 opening its sentence, or a target announcing a list, rule the sentence */
    check_none("计划新建高标准农田3,000亩,新发展中药材500亩。");
    check_none("主要预期目标是:地区生产总值增长6.5%左右,固定资产投资增长10%。");
    check_none("📌新的一年,将开发新课程30门以上。");
    rp_extract_result *r = run("开设课程126门,现场教学、情景模拟课程占比30%。"); /* 模拟: no 拟 */
    assert_int_equal(r->n_measures, 2);
    rp_extract_result_free(r);
    /* a heading of plans makes its section plans, up to the next heading */
    r = run("一、2024年工作回顾\n建成党群服务中心12个。\n二、2025年工作安排\n"
                               "新建党群服务中心4个。\n发展党员25名。\n三、保障措施\n"
                               "已落实资金300万元。\n");
    assert_int_equal(r->n_measures, 2);
    assert_non_null(find(r, 12, "个"));
    assert_non_null(find(r, 3e6, "元"));
    rp_extract_result_free(r);
}

/* A single Chinese digit and classifier that close the clause after the
 * noun they count are a count; slogans and idioms are not. */
static void post_noun_single_digit(void **state)
{
    (void)state;
    check_one("整顿提升后进党支部三个。", 3, "个", E);
    check_one("查处违反中央八项规定精神问题两起。", 2, "起", E);
    check_one("建成机关党员活动阵地九处,为困难党员发放慰问金。", 9, "处", E);
    check_none("牢固树立四个意识。");
    check_none("落实八项规定。");
    check_none("他三番五次,上门走访。");
    check_none("每季度开展一次。");
}

static void idioms(void **state)
{
    (void)state;
    check_none("实行一人一策。");
    check_none("采取一对一帮带法。");
    check_none("他曾三天三夜没有离开病房。");
    check_none("打通最后一公里。");
    check_none("下好一盘棋。");
    check_none("一名党员就是一面旗帜。");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arabic_numbers),     cmocka_unit_test(chinese_numbers),
        cmocka_unit_test(units),              cmocka_unit_test(approx_markers),
        cmocka_unit_test(ranges),             cmocka_unit_test(dates_and_ordinals),
        cmocka_unit_test(names_and_slogans),  cmocka_unit_test(identifiers),
        cmocka_unit_test(conditions),         cmocka_unit_test(idioms),
        cmocka_unit_test(targets),            cmocka_unit_test(post_noun_single_digit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
