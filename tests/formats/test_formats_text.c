/* Text clean-up: two-column dumps, page furniture, wrapped lines, article
 * boilerplate and its metadata (seeds 001, 002, 004 when present). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats_util.h"
#include "rp_textclean.h"

/* Decodes seed NNN through the whole document path; false if missing. */
static bool seed(const char *prefix, rp_doc_text *t)
{
    DIR *d = opendir(RP_SEEDS_DIR);
    if (d == NULL)
        return false;
    char path[1024] = "";
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
            snprintf(path, sizeof path, "%s/%s", RP_SEEDS_DIR, e->d_name);
    closedir(d);
    size_t len;
    char *bytes = path[0] ? fx_slurp(path, &len) : NULL;
    if (bytes == NULL)
        return false;
    rp_document_input in = {bytes, len, "text/plain", path, 0};
    char err[128];
    assert_int_equal(rp_document_decode(&in, t, err, sizeof err), RP_DOC_OK);
    free(bytes);
    return true;
}

static void seed001_columns_are_read_in_order(void **state)
{
    (void)state;
    rp_doc_text t;
    if (!seed("001_", &t))
        skip();
    assert_true(strstr(t.text, "培训党员领导干部 1100 余人次") != NULL ||
                strstr(t.text, "培训党员领导干部1100余人次") != NULL);
    /* left column runs into right column mid-sentence: "重要参" + "考" */
    assert_non_null(strstr(t.text, "干部任用的重要参考。"));
    assert_null(strstr(t.text, "Page 51"));
    assert_null(strstr(t.text, "P. 51"));
    assert_null(strstr(t.text, "47"));
    assert_null(strstr(t.text, "实践·党的教育版"));
    assert_null(strstr(t.text, "供稿"));
    assert_string_equal(t.title, "东河区“多维度”提升党员教育管理质量");
    assert_non_null(strstr(t.diagnostics, "text_two_column_pages=1"));
    rp_doc_text_release(&t);
}

static void seed002_boilerplate_becomes_metadata(void **state)
{
    (void)state;
    rp_doc_text t;
    if (!seed("002_", &t))
        skip();
    assert_string_equal(t.published, "2024-09-10");
    assert_string_equal(t.source, "中共湖南省委组织部");
    assert_string_equal(t.title, "常宁市荫田镇:“四笔连书”写好党员发展大文章");
    static const char *const gone[] = {"发布时间", "原文链接", "免责声明",
                                       "上一篇", "下一篇", "作者"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_null(strstr(t.text, gone[i]));
    assert_non_null(strstr(t.text, "共登记在册108名村级后备力量"));
    assert_non_null(strstr(t.text, "服务群众超6000余人次"));
    rp_doc_text_release(&t);
}

static void seed004_footer_is_removed(void **state)
{
    (void)state;
    rp_doc_text t;
    if (!seed("004_", &t))
        skip();
    assert_null(strstr(t.text, "0551-62607456"));
    assert_null(strstr(t.text, "红星路1号"));
    assert_null(strstr(t.text, "主办"));
    assert_string_equal(t.source, "安徽省企研会质量信用专委会");
    assert_string_equal(t.title, ""); /* the first line is a sentence */
    assert_non_null(strstr(t.text, "380余万名党员"));
    rp_doc_text_release(&t);
}

static rp_clean_result clean(const char *text, unsigned flags)
{
    rp_clean_result r;
    assert_int_equal(rp_textclean(text, strlen(text), flags, &r), 0);
    return r;
}

static void furniture_lines_are_removed(void **state)
{
    (void)state;
    rp_clean_result r = clean(
        "Page 12 - 03_某刊2025年3期\nP. 12\n某县党建工作综述\n"
        "全县发展党员312名。\n- 12 -\n第 3 页\n\xC2\xA0 10\xC2\xA0 11\xC2\xA0 12\xC2\xA0 13\n"
        "12\n培训党员9800余人次。\n",
        RP_CLEAN_ALL);
    assert_string_equal(r.text, "某县党建工作综述\n全县发展党员312名。\n"
                                "培训党员9800余人次。");
    assert_string_equal(r.title, "某县党建工作综述");
    assert_int_equal(r.lines_dropped, 6);
    rp_clean_result_release(&r);
}

/* A breadcrumb trail is no title: the report's own title line is. */
static void breadcrumb_is_not_the_title(void **state)
{
    (void)state;
    rp_clean_result r = clean("某县人民政府门户网站 > 信息公开 > 某镇 > 规划计划\n"
                              "某镇人民政府工作报告\n全镇新建公路38.6公里。\n",
                              RP_CLEAN_ALL);
    assert_string_equal(r.title, "某镇人民政府工作报告");
    assert_null(strstr(r.text, "规划计划"));
    rp_clean_result_release(&r);
    r = clean("某县公示\n全县推荐人选58名。\n相关链接:我县举办第2期培训班 | 全县108个党组织开展活动\n",
              RP_CLEAN_ALL);
    assert_null(strstr(r.text, "108"));
    assert_non_null(strstr(r.text, "58名"));
    rp_clean_result_release(&r);
}

/* An article's length and reading time, even behind an emoji, are page
 * furniture, not figures. */
static void reading_time_line_goes(void **state)
{
    (void)state;
    rp_clean_result r = clean("某县委党校年度回顾\n\xF0\x9F\x93\x96本文约2600字，阅读约需8分钟\n"
                              "全年举办主体班次37期。\n",
                              RP_CLEAN_ALL);
    assert_null(strstr(r.text, "2600"));
    assert_non_null(strstr(r.text, "37期"));
    rp_clean_result_release(&r);
}

static void running_titles_repeated_on_pages_go(void **state)
{
    (void)state;
    rp_clean_result r = clean(
        "某刊 · 2025年第3期\n全县发展党员312名。\n\f某刊 · 2025年第4期\n"
        "培训党员9800余人次。\n\f某刊 · 2025年第5期\n新建场所58个。\n",
        RP_CLEAN_ALL);
    assert_null(strstr(r.text, "某刊"));
    assert_int_equal(r.pages, 3);
    rp_clean_result_release(&r);
}

static void wrapped_lines_rejoin_numbers(void **state)
{
    (void)state;
    /* the dump fixture wraps `28450名` as `2845` / `0名` */
    char path[1024];
    fx_path(path, sizeof path, "article_dump2col.txt");
    size_t len;
    char *text = fx_slurp(path, &len);
    assert_non_null(text);
    rp_clean_result r;
    assert_int_equal(rp_textclean(text, len, RP_CLEAN_ALL, &r), 0);
    assert_non_null(strstr(r.text, "党员28450名"));
    assert_non_null(strstr(r.text, "培训党员干部9800余人次"));
    assert_non_null(strstr(r.text, "帮助群众解决实际问题4870件"));
    assert_null(strstr(r.text, "清河党建 ·"));
    assert_int_equal(r.pages, 2);
    assert_true(r.pages_two_col >= 1);
    assert_true(r.joined_wraps);
    rp_clean_result_release(&r);
    free(text);
}

static void one_paragraph_per_line_is_not_joined(void **state)
{
    (void)state;
    rp_clean_result r = clean("标题一行文字较短\n第一段很长的内容,说明全县发展党员312名"
                              ",培训党员9800余人次,新建党群服务中心58个,投入1260万元\n"
                              "第二段同样很长的内容,说明全县发展党员312名,培训党员9800余人次"
                              ",新建党群服务中心58个\n",
                              RP_CLEAN_ALL);
    assert_false(r.joined_wraps);
    assert_non_null(strstr(r.text, "1260万元\n第二段"));
    rp_clean_result_release(&r);
}

static void aligned_table_is_not_two_columns(void **state)
{
    (void)state;
    rp_clean_result r = clean("各乡镇发展党员情况(单位:名)\n"
                              "乡镇名称              2023年          2024年\n"
                              "城关镇                  12              15\n"
                              "河口镇                   7               9\n"
                              "马庄乡                  10              11\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.pages_two_col, 0);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "2023年城关镇12名。\n2024年城关镇15名。"));
    assert_non_null(strstr(r.text, "2024年马庄乡11名。"));
    rp_clean_result_release(&r);
}

/* A 公示 table whose project names come before the community running
 * them: the place column opens the row's sentence (it sets the region), the
 * name follows, and the 项目编号 identifiers are left out. */
static void place_column_before_name_column(void **state)
{
    (void)state;
    rp_clean_result r = clean("序号  项目编号       项目名称                  实施社区    资金(万元)  受益人数(人)\n"
                              " 1    MS-2024-003    荻塘小区雨污管网疏通改造  荻塘社区      38.6        2150\n"
                              " 2    MS-2024-007    槐里菜市场周边道路改造    槐里社区      45.2        5800\n"
                              " 3    MS-2024-011    青萝长者饭堂适老化改造    青萝社区      26.0         620\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "荻塘社区荻塘小区雨污管网疏通改造资金38.6万元。"));
    assert_non_null(strstr(r.text, "青萝社区青萝长者饭堂适老化改造受益人数620人。"));
    assert_null(strstr(r.text, "MS-2024"));
    rp_clean_result_release(&r);
}

static void flattened_tables_with_wrapped_headers(void **state)
{
    (void)state;
    /* a header wrapped over two lines, a 单位 column, figures grouped by a
     * blank; the caption above is a line of its own */
    rp_clean_result r = clean("前三季度城乡居民收支主要指标\n"
                              "指标\n单位\n绝对数\n比上年同期\n增长（%）\n"
                              "全体居民人均可支配收入\n元\n25 318\n5.6\n"
                              "农村居民人均可支配收入\n元\n16 382\n6.7\n"
                              "　　注：数据来源于住户调查。\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "指标\n全体居民人均可支配收入绝对数25318元。\n"));
    assert_non_null(strstr(r.text, "农村居民人均可支配收入比上年同期增长6.7%。"));
    rp_clean_result_release(&r);
    /* periods over their headers (9月 / 同比), negative figures, headers
     * repeated in the table on a paged document: no running titles */
    r = clean("Page 1\n正文一段。\n\n"
              "单位：%\n类别\n9月\n同比\n9月\n环比\n"
              "食品烟酒\n-0.9\n0.6\n交通通信\n-1.8\n-0.3\n\n"
              "Page 2\n正文二段。\n",
              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "食品烟酒9月同比-0.9%。"));
    assert_non_null(strstr(r.text, "交通通信9月环比-0.3%。"));
    rp_clean_result_release(&r);
    /* a note in brackets ends its header, a period starts one */
    r = clean("单位：万元\n项目\n调整预算数\n1—10月\n完成数\n同比增长\n（%）\n"
              "教育支出\n52,680\n41,836\n6.3\n卫生健康支出\n27,350\n20,716\n-2.4\n",
              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "教育支出1—10月完成数41,836万元。"));
    assert_non_null(strstr(r.text, "卫生健康支出同比增长-2.4%。"));
    rp_clean_result_release(&r);
    /* a 县（区） label header under a caption, and a spaced-out total row */
    r = clean("表1  各县（区）完成情况\n县（区）\n建成面积\n（万亩）\n亩均投入\n（元）\n"
              "茺岭县\n4.12\n2,060\n蘩溪县\n3.35\n1,980\n合  计\n7.47\n2,024\n",
              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "茺岭县建成面积4.12万亩。"));
    assert_non_null(strstr(r.text, "蘩溪县亩均投入1,980元。"));
    assert_non_null(strstr(r.text, "合计建成面积7.47万亩。"));
    rp_clean_result_release(&r);
}

static void round31_tables_and_lists(void **state)
{
    (void)state;
    /* a column named PM2.5 does not glue onto its figures */
    rp_clean_result r = clean("序号  乡镇        PM2.5(微克/立方米)  PM10(微克/立方米)  优良天数(天)\n"
                              "1     柘林乡      24                  41                 29\n"
                              "2     竹峪乡      27                  46                 28\n"
                              "3     枫口镇      33                  59                 26\n",
                              RP_CLEAN_ALL);
    assert_non_null(strstr(r.text, "柘林乡PM2.5为24微克/立方米。"));
    assert_non_null(strstr(r.text, "竹峪乡PM10为46微克/立方米。"));
    rp_clean_result_release(&r);
    /* a flattened row whose label closes on its unit */
    r = clean("表1　主要能耗指标\n指标\n2024年\n2023年\n同比\n（%）\n"
              "用电量（万千瓦时）\n2,143.7\n2,207.7\n-2.9\n"
              "用水量（万立方米）\n71.26\n74.70\n-4.6\n"
              "人均综合能耗（千克标准煤/人）\n344.3\n359.0\n-4.1\n",
              RP_CLEAN_ALL);
    assert_non_null(strstr(r.text, "2024年人均综合能耗344.3千克标准煤/人。"));
    rp_clean_result_release(&r);
    /* a list of donors and their amounts is one column, not two */
    r = clean("（一）单位\n"
              "　　1．栌阳县国泰建设工程有限公司　　　　　　　120.00万元\n"
              "　　2．栌阳农村商业银行股份有限公司　　　　　　80.00万元\n"
              "　　3．湘栌矿业集团有限责任公司　　　　　　　　66.50万元\n"
              "　　4．栌阳县人民医院　　　　　　　　　　　　　28.45万元\n",
              RP_CLEAN_ALL);
    const char *name = strstr(r.text, "国泰建设工程有限公司");
    assert_non_null(name);
    const char *amount = strstr(name, "120.00万元"), *eol = strchr(name, '\n');
    assert_non_null(amount);
    assert_true(eol == NULL || amount < eol); /* on the name's line */
    rp_clean_result_release(&r);
}

static void running_title_with_page_number_is_dropped(void **state)
{
    (void)state;
    rp_clean_result r = clean("漪川县水利局　2024年度工作总结　　　　　　第2页 共3页\n"
                              "全县现有水库64座。\n",
                              RP_CLEAN_ALL);
    assert_null(strstr(r.text, "第2页"));
    assert_non_null(strstr(r.text, "全县现有水库64座。"));
    rp_clean_result_release(&r);
}

static void ruled_table_continued_after_a_page_break(void **state)
{
    (void)state;
    rp_clean_result r = clean("          表1  2024年粮食播种面积前三位乡镇情况\n"
                              "  ─────────────────────────────\n"
                              "    乡  镇      播种面积（万亩）       总产（万吨）\n"
                              "  ─────────────────────────────\n"
                              "    槎口镇            9.86                 4.12\n"
                              "    莲塘乡            7.43                 3.05\n"
                              "\n"
                              "                            — 2 —\n"
                              "\n"
                              "  表1（续）\n"
                              "    枫坪乡            6.15                 2.48\n"
                              "  ─────────────────────────────\n"
                              "  注：数据来源于县统计局农业统计年报。\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_null(strstr(r.text, "─")); /* the rules go */
    assert_non_null(strstr(r.text, "\n槎口镇播种面积9.86万亩。\n"));
    assert_non_null(strstr(r.text, "枫坪乡播种面积6.15万亩。\n枫坪乡总产2.48万吨。")); /* continued */
    assert_null(strstr(r.text, "续"));
    rp_clean_result_release(&r);
}

static void role_notes_and_ratio_columns_name_nothing(void **state)
{
    (void)state;
    rp_clean_result r = clean("成员单位             开放床位(张)    住院(人次)\n"
                              "县人民医院(牵头)         620          21384\n"
                              "枫垭镇卫生院(试点)        86           2410\n"
                              "石楠乡卫生院              60           1875\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "县人民医院开放床位620张。"));
    assert_non_null(strstr(r.text, "枫垭镇卫生院住院2410人次。"));
    assert_null(strstr(r.text, "牵头"));
    rp_clean_result_release(&r);
    /* a column of ratios (生师比) states no quantity and names no row */
    r = clean("学校类别          学校数(所)    在校生(人)    生师比\n"
              "幼儿园                 112        14,386       13.7:1\n"
              "小学                    68        38,921       16.8:1\n"
              "初中                    27        19,604       12.7:1\n",
              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "幼儿园学校数112所。"));
    assert_null(strstr(r.text, ":1"));
    rp_clean_result_release(&r);
}

static void aligned_text_tables_become_sentences(void **state)
{
    (void)state;
    rp_clean_result r = clean("表1  2023年度党费使用情况\n"
                              "序号  项目                金额(万元)   惠及人数(人)\n"
                              "1     走访慰问困难党员    18.6         620\n"
                              "2     表彰先进党组织      12.0         —\n"
                              "      合计                30.6         620\n"
                              "其中,为老党员送去慰问金。\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_string_equal(r.text, "表1 2023年度党费使用情况\n"
                                "走访慰问困难党员金额18.6万元。\n"
                                "走访慰问困难党员惠及人数620人。\n"
                                "表彰先进党组织金额12.0万元。\n"
                                "合计金额30.6万元。\n"
                                "合计惠及人数620人。\n"
                                "其中,为老党员送去慰问金。");
    rp_clean_result_release(&r);
}

/* A village notice: letter-spaced headers (`项　目`, `备　注`, `合  计`), a
 * group row right under the header, an index column and a remark column. */
static void letter_spaced_table_with_group_rows(void **state)
{
    (void)state;
    rp_clean_result r = clean("序号　项　目　　　　　　　　金额（元）　　　备　注\n"
                              "　　　（一）收入部分\n"
                              "1　　上级转移支付　　　　　　　 96,000.00　　　县财政拨付\n"
                              "2　　光伏发电收益　　　　　　　 21,476.80　　　村部屋顶电站\n"
                              "　　　（二）支出部分\n"
                              "3　　环境卫生保洁　　　　　　　 14,400.00\n"
                              "合  计　　　　　　　　　　　　 131,876.80\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "上级转移支付金额96,000.00元。"));
    assert_non_null(strstr(r.text, "光伏发电收益金额21,476.80元。"));
    assert_non_null(strstr(r.text, "环境卫生保洁金额14,400.00元。"));
    assert_non_null(strstr(r.text, "合计金额131,876.80元。"));
    assert_null(strstr(r.text, "序号"));
    assert_null(strstr(r.text, "财政拨付")); /* remarks name nothing */
    rp_clean_result_release(&r);
}

/* A PDF dump that flattened a table to one cell a line: the serial numbers
 * (1, 2, 3 …) are cells, not page numbers, the rank column is no figure, and
 * a page break between rows (`— 1 —`, a running title) is passed over. */
static void flattened_table_across_a_page(void **state)
{
    (void)state;
    rp_clean_result r = clean("主要指标得分见表1。\n"
                              "表1　主要指标得分情况\n"
                              "序号\n指标名称\n得分（分）\n全市排名\n"
                              "1\n开办企业\n92.6\n2\n"
                              "2\n办理建筑许可\n84.3\n5\n"
                              "\n                — 1 —\n\n"
                              "栌山县2024年度营商环境评价报告\n\n"
                              "3\n获得信贷\n88.1\n3\n"
                              "三、主要指标评价情况\n",
                              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "开办企业得分92.6分。\n"));
    assert_non_null(strstr(r.text, "办理建筑许可得分84.3分。\n"));
    assert_non_null(strstr(r.text, "获得信贷得分88.1分。\n三、主要指标评价情况"));
    assert_null(strstr(r.text, "排名"));
    assert_null(strstr(r.text, "— 1 —"));
    rp_clean_result_release(&r);
    /* headers wrapped before their notes (`投资⏎（万元）`), and a running
     * title too long for a cell after the page's number */
    r = clean("表1  2025年度部分重点后期扶持项目实施情况\n"
              "序号\n项目名称\n实施地点\n投资\n（万元）\n受益移民\n（人）\n"
              "1\n库区产业路硬化\n楂溪镇椤木村\n186.5\n1,240\n"
              "2\n集镇供水管网延伸\n蘼口镇\n428.36\n3,150\n"
              "\n                                  - 2 -\n"
              "蕤川县2025年度大中型水库移民后期扶持项目和资金实施情况报告\n\n"
              "3\n栲岭水库库周护岸整治\n芫坪乡\n265.8\n1,906\n"
              "注：投资为项目批复总投资。\n",
              RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "楂溪镇椤木村库区产业路硬化投资186.5万元。\n"));
    assert_non_null(strstr(r.text, "蘼口镇集镇供水管网延伸受益移民3,150人。\n"));
    assert_non_null(strstr(r.text, "芫坪乡栲岭水库库周护岸整治投资265.8万元。\n"));
    rp_clean_result_release(&r);
    /* an official document's page number alone, between paragraphs */
    r = clean("第一段的最后一句话。\n\n— 3 —\n\n第二段的第一句话。\n", RP_CLEAN_ALL);
    assert_null(strstr(r.text, "3"));
    rp_clean_result_release(&r);
}

/* A flattened table whose numbers have thousands separators, cut by a
 * page break inside a row and closed by a 合计 row; a paragraph that goes
 * on across a page's footer and header with blank lines round them; a
 * short line that stops inside a Chinese numeral. */
static void flattened_table_total_and_page_blanks(void **state)
{
    (void)state;
    const char *page = "\n                                 - 1 -\n\n"
                       "椋溪县公路事业发展中心\n\n";
    char text[2048];
    snprintf(text, sizeof text,
             "椋溪县公路事业发展中心\n\n"
             "全年完成农村公路建设投资3.86亿元，路网结构持续优化，通行条件明显\n"
             "改善。实施县道改造提质工程，按二级公路标准、双向两车道设计，按二级公\n"
             "路标准设计，全年完成改造21.6公里；新改建通村通组公路146.8公里，\n"
             "在单车道路段增设错车道四百二\n"
             "十个。鸬鹚镇列入省第三批示范乡镇创建名单，全年完成道路一段一段\n"
             "%s"
             "提质改造37.2公里，投资约6,480万元，通过市级验收，后面还有一些话。\n"
             "附表\n序号\n路线名称\n里程（公里）\n投资（万元）\n"
             "1\nX203椋城至岩口段\n21.6\n4,860\n"
             "2\nY018茶岭至下湾段\n12.4\n"
             "%s"
             "1,736\n合计\n34.0\n6,596\n"
             "（联系人：欧阳卫东）\n",
             page, page);
    rp_clean_result r = clean(text, RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "X203椋城至岩口段投资4,860万元。"));
    assert_non_null(strstr(r.text, "Y018茶岭至下湾段投资1,736万元。"));
    assert_non_null(strstr(r.text, "合计里程34.0公里。\n合计投资6,596万元。"));
    assert_non_null(strstr(r.text, "增设错车道四百二十个。"));
    assert_non_null(strstr(r.text, "一段一段提质改造37.2公里"));
    rp_clean_result_release(&r);
}

/* A flattened table without serials: a label header (乡镇), then a label
 * and a figure per column on each row, across a page break; a dash is an
 * empty cell. */
static void flattened_table_by_labels(void **state)
{
    (void)state;
    const char *page = "\n                                 - 3 -\n\n"
                       "雾岑县茶产业发展情况调研报告\n\n";
    char text[2048];
    snprintf(text, sizeof text,
             "雾岑县茶产业发展情况调研报告\n\n"
             "全县茶园面积稳定增长，投产茶园面积持续扩大，茶农收入逐年提高，茶旅融合\n"
             "成效初显。\n"
             "附表\n乡镇\n茶园面积（亩）\n投产面积（亩）\n"
             "霁山镇\n28,000\n21,500\n栌坪乡\n19,600\n—\n"
             "%s"
             "鹤坳镇\n15,200\n11,000\n合计\n62,800\n32,500\n"
             "（联系人：谭秋云）\n",
             page);
    rp_clean_result r = clean(text, RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "霁山镇茶园面积28,000亩。"));
    assert_non_null(strstr(r.text, "霁山镇投产面积21,500亩。"));
    assert_non_null(strstr(r.text, "鹤坳镇茶园面积15,200亩。"));
    assert_non_null(strstr(r.text, "合计投产面积32,500亩。"));
    assert_null(strstr(r.text, "栌坪乡投产面积"));
    rp_clean_result_release(&r);
    /* a running title longer than any cell, after the page break */
    snprintf(text, sizeof text,
             "附表\n乡镇\n生猪出栏（头）\n牛出栏（头）\n"
             "鲤塘镇\n98,460\n2,180\n枧坪镇\n142,350\n3,960\n"
             "\n                                - 2 -\n\n"
             "蓬坳县农业农村局关于2024年全县畜牧水产生产情况的总结\n\n"
             "其他乡镇\n285,990\n16,960\n合计\n526,800\n23,100\n");
    r = clean(text, RP_CLEAN_ALL);
    assert_int_equal(r.tables, 1);
    assert_non_null(strstr(r.text, "枧坪镇牛出栏3,960头。"));
    assert_non_null(strstr(r.text, "其他乡镇生猪出栏285,990头。"));
    assert_non_null(strstr(r.text, "合计牛出栏23,100头。"));
    rp_clean_result_release(&r);
    /* prose with short lines is no table */
    r = clean("项目\n进展顺利\n总体平稳\n全年完成12个。\n", RP_CLEAN_ALL);
    assert_int_equal(r.tables, 0);
    rp_clean_result_release(&r);
}

/* A two-column page among one-column pages: each column's lines wrap at
 * the column's width and join into its paragraphs; a header ending in a
 * compound classifier gives the unit of its cells. */
static void two_column_page_joins_at_its_width(void **state)
{
    (void)state;
    const char *wide = "全年全县共完成食品安全监督抽检两千余批次，合格率保持高位运行，群众满意。\n";
    char text[4096] = "";
    for (int i = 0; i < 8; i++)
        strcat(text, wide);
    strcat(text, "\f"
                 "          二、火灾防控形势                        三、隐患排查整治\n"
                 "          全年全县共发生火灾612起，比             按照专项整治行动方案部署，大\n"
                 "      上年减少78起，同比下降11.3%；           队联合住建、应急、市场监管等\n"
                 "      从区域看，青枫街道发生火灾96            部门开展专项整治，全年检查社\n"
                 "      起，为全县最多；石渠乡全年仅            会单位5,462家，发现火灾隐患\n"
                 "      发生火灾7起，同比下降41.7%。            1.18万处。\n");
    rp_clean_result r = clean(text, RP_CLEAN_ALL);
    assert_non_null(strstr(r.text, "青枫街道发生火灾96起，为全县最多；石渠乡全年仅发生火灾7起"));
    assert_non_null(strstr(r.text, "全年检查社会单位5,462家，发现火灾隐患1.18万处。"));
    rp_clean_result_release(&r);
    r = clean("表1　抽检结果\n"
              "食品类别                  抽检批次    不合格批次\n"
              "食用农产品                  1,186          19\n"
              "粮食加工品                    214           0\n"
              "餐饮食品                      348           4\n",
              RP_CLEAN_ALL);
    assert_non_null(strstr(r.text, "食用农产品抽检批次1,186批次。"));
    assert_non_null(strstr(r.text, "餐饮食品不合格批次4批次。"));
    rp_clean_result_release(&r);
}

/* `label：value` lines of a notice stay apart even in a wrapped dump. */
static void field_lines_are_not_joined(void **state)
{
    (void)state;
    rp_clean_result r = clean("围绕特色种养、电商直播、农机维修等开设课程\n"
                              "四十六门,邀请农技专家授课,培育致富带头人一\n"
                              "百余名,带动村民增收致富取得了明显成效。\n"
                              "建设地点：鹿鸣村三组至第五村民小组枫树湾\n"
                              "施工单位：棠梨县兴农建筑工程有限公司承建\n"
                              "受益情况：惠及沿线3个村民小组168户群众\n",
                              RP_CLEAN_ALL);
    assert_non_null(strstr(r.text, "承建\n受益情况：惠及"));
    assert_non_null(strstr(r.text, "枫树湾\n施工单位："));
    assert_non_null(strstr(r.text, "开设课程四十六门"));
    rp_clean_result_release(&r);
}

static void wrapped_number_is_not_a_page_number(void **state)
{
    (void)state;
    rp_clean_result r = clean("围绕特色种养、电商直播、农机维修等开设\n"
                              "课程46门,邀请农技专家授课,培育致富带头人\n"
                              "3\n456名,带动群众增收。下一步继续推进培训\n"
                              "第二段很短\n12\n\f新的一页从这里开始。\n",
                              RP_CLEAN_ALL);
    assert_true(r.joined_wraps);
    assert_non_null(strstr(r.text, "培育致富带头人3456名"));
    assert_null(strstr(r.text, "12"));
    assert_non_null(strstr(r.text, "新的一页从这里开始。"));
    rp_clean_result_release(&r);
}

/* Figures set line by line (`1426` / `个` / label) stay; titles under a
 * links heading go, up to the first sentence after them. */
static void infographic_figures_and_links_lists(void **state)
{
    (void)state;
    rp_clean_result r = clean("全县基层党建稳步推进。\n\n1426\n个\n基层党组织\n\n往期推荐\n"
                              "◆ 瑶川区27名党建指导员进驻平台企业\n◆ 3分钟带你找到身边的驿站\n"
                              "▶ 第二批名单公布，我县22人入选！\n▶ 重磅！我县3家企业获评？\n\n"
                              "全区共建成驿站31个。\n",
                              RP_CLEAN_ALL);
    assert_non_null(strstr(r.text, "1426"));
    assert_null(strstr(r.text, "往期推荐"));
    assert_null(strstr(r.text, "27名"));
    assert_null(strstr(r.text, "3分钟"));
    assert_null(strstr(r.text, "22人")); /* a headline may end in ！ or ？ */
    assert_null(strstr(r.text, "3家"));
    assert_non_null(strstr(r.text, "全区共建成驿站31个。"));
    rp_clean_result_release(&r);
}

/* A tab-separated table whose total row leaves the 序号 cell empty keeps
 * its cells under the right headers; a site name and a 首页 menu go. */
static void tab_table_total_row_and_site_name(void **state)
{
    (void)state;
    rp_clean_result r = clean("棠溪县人民政府门户网站\n首页 政务公开 乡村振兴 互动交流\n"
                              "棠溪县一季度重点任务推进情况\n"
                              "序号\t乡镇\t领办合作社(家)\t带动农户(户)\n"
                              "1\t杉木镇\t12\t1386\n2\t桑园镇\t9\t942\n"
                              "\t合计\t21\t2328\n",
                              RP_CLEAN_ALL);
    assert_string_equal(r.title, "棠溪县一季度重点任务推进情况");
    assert_null(strstr(r.text, "门户网站"));
    assert_null(strstr(r.text, "政务公开"));
    assert_non_null(strstr(r.text, "合计领办合作社21家"));
    assert_non_null(strstr(r.text, "合计带动农户2328户"));
    rp_clean_result_release(&r);
    r = clean("全年共印发文件12份。\n报送:街道党工委 发:各支部(共印30份)\n", RP_CLEAN_ALL);
    assert_string_equal(r.text, "全年共印发文件12份。"); /* the print run goes, 印发 stays */
    rp_clean_result_release(&r);
}

static void boilerplate_in_traditional_characters(void **state)
{
    (void)state;
    rp_clean_result r = clean("某縣黨建工作綜述\n發佈時間:2024年9月10日 來源:某縣委組織部\n"
                              "全縣發展黨員312名。\n責任編輯:王某\n主辦:某縣委組織部 "
                              "地址:某路1號\n版權所有 某網\n",
                              RP_CLEAN_ALL);
    assert_string_equal(r.text, "某縣黨建工作綜述\n全縣發展黨員312名。");
    assert_string_equal(r.published, "2024-09-10");
    assert_string_equal(r.source, "某縣委組織部");
    rp_clean_result_release(&r);
}

static void dates_are_found(void **state)
{
    (void)state;
    char d[16];
    assert_true(rp_find_date("时间:2024年9月1日", strlen("时间:2024年9月1日"), d, sizeof d));
    assert_string_equal(d, "2024-09-01");
    assert_true(rp_find_date("x 2023/12/31 08:00", 18, d, sizeof d));
    assert_string_equal(d, "2023-12-31");
    assert_true(rp_find_date("2022.03.05", 10, d, sizeof d));
    assert_string_equal(d, "2022-03-05");
    assert_false(rp_find_date("电话:0551-62607456", strlen("电话:0551-62607456"), d, sizeof d));
    assert_false(rp_find_date("2024-13-01", 10, d, sizeof d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed001_columns_are_read_in_order),
        cmocka_unit_test(seed002_boilerplate_becomes_metadata),
        cmocka_unit_test(seed004_footer_is_removed),
        cmocka_unit_test(furniture_lines_are_removed),
        cmocka_unit_test(running_titles_repeated_on_pages_go),
        cmocka_unit_test(wrapped_lines_rejoin_numbers),
        cmocka_unit_test(one_paragraph_per_line_is_not_joined),
        cmocka_unit_test(aligned_table_is_not_two_columns),
        cmocka_unit_test(aligned_text_tables_become_sentences),
        cmocka_unit_test(place_column_before_name_column),
        cmocka_unit_test(ruled_table_continued_after_a_page_break),
        cmocka_unit_test(role_notes_and_ratio_columns_name_nothing),
        cmocka_unit_test(flattened_tables_with_wrapped_headers),
        cmocka_unit_test(running_title_with_page_number_is_dropped),
        cmocka_unit_test(round31_tables_and_lists),
        cmocka_unit_test(letter_spaced_table_with_group_rows),
        cmocka_unit_test(flattened_table_across_a_page),
        cmocka_unit_test(flattened_table_total_and_page_blanks),
        cmocka_unit_test(flattened_table_by_labels),
        cmocka_unit_test(two_column_page_joins_at_its_width),
        cmocka_unit_test(field_lines_are_not_joined),
        cmocka_unit_test(wrapped_number_is_not_a_page_number),
        cmocka_unit_test(boilerplate_in_traditional_characters),
        cmocka_unit_test(infographic_figures_and_links_lists),
        cmocka_unit_test(tab_table_total_row_and_site_name),
        cmocka_unit_test(dates_are_found),
        cmocka_unit_test(breadcrumb_is_not_the_title),
        cmocka_unit_test(reading_time_line_goes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
