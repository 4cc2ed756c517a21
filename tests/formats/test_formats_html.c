/* HTML to text: inline vs block, entities, dropped elements, link-dense
 * chrome, tables rendered as sentences, title and date. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "rp_html.h"
#include "rp_textclean.h"

static rp_html_text convert(const char *html)
{
    rp_html_text t;
    char err[128];
    assert_int_equal(rp_html_to_text(html, strlen(html), &t, err, sizeof err), 0);
    return t;
}

static void inline_tags_never_split_numbers(void **state)
{
    (void)state;
    rp_html_text t = convert("<p>培训<span>1260</span>名,投入<b>12.5</b><i>万元</i>"
                             "<a href=\"#\">共</a><font>3</font>次</p>");
    assert_non_null(strstr(t.text, "培训1260名,投入12.5万元共3次"));
    rp_html_text_release(&t);
}

static void blocks_end_lines_and_entities_decode(void **state)
{
    (void)state;
    rp_html_text t = convert("<div>第一段&ldquo;两委&rdquo;&amp;&#x515A;</div>"
                             "<div>第二段<br>第三段</div><p>培训\n  党员</p>");
    assert_non_null(strstr(t.text, "第一段\xE2\x80\x9C两委\xE2\x80\x9D&党\n第二段\n第三段\n"));
    assert_non_null(strstr(t.text, "培训党员")); /* a source line break between Han */
    rp_html_text_release(&t);
}

static void chrome_elements_are_dropped(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<html><head><title>t</title><style>p{x:1}</style>"
        "<script>var a='访问量9999人次';</script></head><body>"
        "<header>站点头部</header><nav>导航</nav>"
        "<form>搜索<input></form><aside>侧栏</aside>"
        "<p>正文开展活动36场。</p><div style=\"display: none\">隐藏12名</div>"
        "<noscript>请启用脚本</noscript><footer>页脚</footer></body></html>");
    assert_non_null(strstr(t.text, "正文开展活动36场。"));
    static const char *const gone[] = {"9999", "站点头部", "导航", "搜索",
                                       "侧栏", "隐藏", "请启用", "页脚", "x:1"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_null(strstr(t.text, gone[i]));
    rp_html_text_release(&t);
}

/* A page that hides its whole body until a script shows it (WeChat
 * articles) is shown; text veiled beside a visible article stays hidden. */
static void veiled_body_is_shown(void **state)
{
    (void)state;
    rp_html_text t = convert("<html><body><h1>标题</h1><div id=\"js_content\" "
                             "style=\"visibility: hidden;\"><p>全年举办主体班次38期,"
                             "培训学员3126名,开设课程126门,学员参训率99.2%。</p></div>"
                             "<div>阅读 1.2万</div></body></html>");
    assert_non_null(strstr(t.text, "培训学员3126名"));
    rp_html_text_release(&t);
    t = convert("<html><body><p>全年举办主体班次38期,培训学员3126名,开设课程126门,"
                "学员参训率99.2%,邀请专家授课46人次。</p>"
                "<div style=\"visibility:hidden\">隐藏12名</div></body></html>");
    assert_non_null(strstr(t.text, "培训学员3126名"));
    assert_null(strstr(t.text, "隐藏"));
    rp_html_text_release(&t);
}

static const char PAGE[] =
    "<html><body><div class=\"x1\"><ul><li><a href=\"/\">首页</a></li>"
    "<li><a href=\"/a\">要闻</a></li><li><a href=\"/b\">基层党建</a></li>"
    "<li><a href=\"/c\">人才工作</a></li></ul></div>"
    "<div class=\"x2\"><div class=\"x3\"><h1>某县开展党员培训</h1>"
    "<p>今年以来,某县共培训党员3200人次,其中<a href=\"/p\">农村党员</a>"
    "1800人次,覆盖全县所有村和社区,参训率达到98%。</p>"
    "<p>上一篇:<a href=\"/1\">某镇召开党建工作会议部署全年任务</a></p></div>"
    "<div class=\"x4\"><h3>热点</h3><ul>"
    "<li><a href=\"/h1\">某乡发展党员18名</a></li>"
    "<li><a href=\"/h2\">某村新建活动场所5个</a></li>"
    "<li><a href=\"/h3\">某街道服务群众3000余人次</a></li></ul></div>"
    "<div>分享到:<a href=\"#1\">微信</a><a href=\"#2\">微博</a></div>"
    "</div></body></html>";

static void link_dense_blocks_are_dropped(void **state)
{
    (void)state;
    rp_html_text t = convert(PAGE);
    assert_non_null(strstr(t.text, "共培训党员3200人次,其中农村党员1800人次"));
    assert_non_null(strstr(t.text, "98%"));
    assert_null(strstr(t.text, "首页"));
    assert_null(strstr(t.text, "上一篇"));
    assert_null(strstr(t.text, "18名"));
    assert_null(strstr(t.text, "5个"));
    assert_null(strstr(t.text, "3000"));
    assert_null(strstr(t.text, "微信"));
    assert_true(t.blocks_dropped >= 4);
    assert_string_equal(t.title, "某县开展党员培训");
    rp_html_text_release(&t);
}

static void index_page_has_no_text(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<html><body><ul><li><a href=\"/1\">某县培训党员3200人次</a>2025-03-01</li>"
        "<li><a href=\"/2\">某乡发展党员18名</a>2025-03-02</li>"
        "<li><a href=\"/3\">某村新建活动场所5个</a>2025-03-03</li></ul>"
        "<p><a href=\"/p2\">下一页</a></p></body></html>");
    assert_null(strstr(t.text, "人次"));
    assert_null(strstr(t.text, "名"));
    assert_true(t.raw_chars > 0);
    rp_html_text_release(&t);
}

static void title_and_date_from_head(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<html><head><title>某县开展党员教育培训工作_某某党建网</title>"
        "<meta name=\"PubDate\" content=\"2024/9/10 08:00\"></head>"
        "<body><p>正文。</p></body></html>");
    assert_string_equal(t.title, "某县开展党员教育培训工作");
    assert_string_equal(t.published, "2024-09-10");
    rp_html_text_release(&t);
}

static void article_header_is_kept(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<html><body><header><h1>某某党建网</h1></header><main><article>"
        "<header><h1>某县发展党员312名</h1><time>2024-09-10</time></header>"
        "<p>正文开展活动36场。</p><footer>责任编辑:王某</footer></article>"
        "</main><footer>版权所有</footer></body></html>");
    assert_string_equal(t.title, "某县发展党员312名");
    assert_string_equal(t.published, "2024-09-10");
    assert_non_null(strstr(t.text, "某县发展党员312名\n2024-09-10\n正文开展活动36场。"));
    assert_null(strstr(t.text, "某某党建网"));
    assert_null(strstr(t.text, "版权所有"));
    rp_html_text_release(&t);
}

static void site_logo_heading_is_not_the_title(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<html><head><title>某县召开党建工作会议 - 某某党建网</title></head><body>"
        "<h1><a href=\"/\">某某党建网</a></h1><p>正文。</p></body></html>");
    assert_string_equal(t.title, "某县召开党建工作会议");
    rp_html_text_release(&t);
}

static void tables_become_sentences(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><tr><th>序号</th><th>单位</th><th>培训人数(人次)</th>"
        "<th>经费(万元)</th><th>完成率</th></tr>"
        "<tr><td>1</td><td>城关镇</td><td>1,260</td><td>12.5</td><td>95%</td></tr>"
        "<tr><td>2</td><td>河口镇</td><td>840</td><td>-</td><td>88%</td></tr>"
        "<tr><td colspan=\"2\">合计</td><td>2100</td><td>12.5</td><td></td></tr>"
        "</table>");
    assert_non_null(strstr(t.text, "城关镇培训人数1,260人次。"));
    assert_non_null(strstr(t.text, "城关镇经费12.5万元。"));
    assert_non_null(strstr(t.text, "城关镇完成率95%。"));
    assert_non_null(strstr(t.text, "河口镇培训人数840人次。"));
    assert_non_null(strstr(t.text, "合计培训人数2100人次。"));
    assert_null(strstr(t.text, "序号"));
    assert_null(strstr(t.text, "1人次")); /* the 序号 column is no measure */
    assert_null(strstr(t.text, "-万元"));
    assert_int_equal(t.tables, 1);
    rp_html_text_release(&t);
}

/* A 单位 column of units gives each row its unit; a header's own unit wins. */
static void table_unit_column(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><tr><th>指标</th><th>单位</th><th>完成数</th><th>增长(%)</th></tr>"
        "<tr><td>城镇新增就业</td><td>人</td><td>4,126</td><td>6.3</td></tr>"
        "<tr><td>农村劳动力转移就业</td><td>万人</td><td>1.32</td><td>2.4</td></tr>"
        "<tr><td>城镇登记失业率</td><td>%</td><td>2.86</td><td>&mdash;</td></tr>"
        "</table>");
    assert_non_null(strstr(t.text, "城镇新增就业完成数4,126人。"));
    assert_non_null(strstr(t.text, "城镇新增就业增长6.3%。"));
    assert_non_null(strstr(t.text, "农村劳动力转移就业完成数1.32万人。"));
    assert_non_null(strstr(t.text, "城镇登记失业率完成数2.86%。"));
    assert_null(strstr(t.text, "人城镇"));
    rp_html_text_release(&t);
}

/* A row label may carry its row's unit in brackets (`用电量（万千瓦时）`);
 * a column header's own unit wins, and a bracket that is no unit stays. */
static void table_unit_in_row_label(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><tr><td>指标</td><td>2024年</td><td>增减（%）</td></tr>"
        "<tr><td>综合能耗（吨标准煤）</td><td>7,412.6</td><td>-4.3</td></tr>"
        "<tr><td>用电量（万千瓦时）</td><td>1,836.2</td><td>-3.5</td></tr>"
        "<tr><td>镇（街道）</td><td>12</td><td>1.5</td></tr>"
        "</table>");
    assert_non_null(strstr(t.text, "2024年综合能耗7,412.6吨标准煤。"));
    assert_non_null(strstr(t.text, "综合能耗增减-4.3%。"));
    assert_non_null(strstr(t.text, "2024年用电量1,836.2万千瓦时。"));
    assert_non_null(strstr(t.text, "2024年镇（街道）12。"));
    rp_html_text_release(&t);
}

/* A column of identifiers (窗口号) neither names the row nor holds a figure. */
static void table_code_column(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><tr><th>序号</th><th>部门</th><th>窗口号</th><th>进驻事项（项）</th></tr>"
        "<tr><td>1</td><td>县公安局</td><td>B01&mdash;B08</td><td>186</td></tr>"
        "<tr><td>2</td><td>县税务局</td><td>12</td><td>58</td></tr></table>");
    assert_non_null(strstr(t.text, "县公安局进驻事项186项。"));
    assert_non_null(strstr(t.text, "县税务局进驻事项58项。"));
    assert_null(strstr(t.text, "B01"));
    assert_null(strstr(t.text, "窗口号12"));
    rp_html_text_release(&t);
}

/* When and where an event was held qualify its row; its name names it. A
 * table of times alone keeps them as its labels. */
static void table_time_and_venue_columns(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><tr><th>赛事名称</th><th>举办时间</th><th>参赛人数（人）</th><th>地点</th></tr>"
        "<tr><td>老年门球邀请赛</td><td>10月15日&mdash;17日</td><td>264</td><td>县门球场</td></tr>"
        "</table>");
    assert_non_null(strstr(t.text, "老年门球邀请赛参赛人数264人。"));
    assert_null(strstr(t.text, "县门球场参赛"));
    rp_html_text_release(&t);
    t = convert("<table><tr><th>时间</th><th>参加人数（人）</th></tr>"
                "<tr><td>一季度</td><td>120</td></tr><tr><td>二季度</td><td>96</td></tr></table>");
    assert_non_null(strstr(t.text, "一季度参加人数120人。"));
    rp_html_text_release(&t);
}

static void table_statement_cells_and_place_of_work(void **state)
{
    (void)state;
    /* a 实施地点 of places opens the row; the cells that state quantities
     * in words are sentences of their own, once; status, deadline and who
     * answers for the row name nothing */
    rp_html_text t = convert(
        "<table><tr><th>序号</th><th>项目名称</th><th>实施地点</th><th>建设内容及规模</th>"
        "<th>投入资金（万元）</th><th>受益群众</th><th>完成时限</th><th>完成情况</th>"
        "<th>责任单位</th></tr>"
        "<tr><td>1</td><td>通组公路硬化工程</td><td>石板村</td><td>硬化通组道路4.6公里</td>"
        "<td>186.0</td><td>2,140人</td><td>2024年10月底</td><td>已完成</td><td>镇交通站</td></tr>"
        "<tr><td>2</td><td>防洪堤加固工程</td><td>下洲村</td><td>加固河堤1.35公里</td>"
        "<td>310.0</td><td>近3000人</td><td>2024年5月</td><td>已完成</td><td>镇水利站</td></tr>"
        "<tr><td>3</td><td>幸福食堂建设</td><td>全镇</td><td>新建幸福食堂3个</td>"
        "<td>48.4</td><td>70岁以上老人约460人</td><td>2024年12月</td><td>已完成</td>"
        "<td>镇社会事务办</td></tr></table>");
    assert_non_null(strstr(t.text, "石板村通组公路硬化工程投入资金186.0万元。"));
    assert_non_null(strstr(t.text, "石板村通组公路硬化工程，硬化通组道路4.6公里。"));
    assert_non_null(strstr(t.text, "下洲村防洪堤加固工程受益群众近3000人。"));
    assert_non_null(strstr(t.text, "幸福食堂建设，70岁以上老人约460人。"));
    assert_null(strstr(t.text, "全镇幸福")); /* the whole town is no place of its own */
    assert_null(strstr(t.text, "镇交通站"));
    assert_null(strstr(t.text, "已完成"));
    const char *once = strstr(t.text, "4.6公里");
    assert_non_null(once);
    assert_null(strstr(once + 1, "4.6公里"));
    rp_html_text_release(&t);
    /* a month heads a column (`9月同比`), it is no figure */
    t = convert("<table><caption>单位：%</caption><tr><td>类别</td><td>9月同比</td><td>9月环比</td></tr>"
                "<tr><td>食品烟酒</td><td>-0.9</td><td>0.6</td></tr>"
                "<tr><td>交通通信</td><td>-1.8</td><td>-0.3</td></tr></table>");
    assert_non_null(strstr(t.text, "食品烟酒9月同比-0.9%。"));
    assert_non_null(strstr(t.text, "交通通信9月环比-0.3%。"));
    rp_html_text_release(&t);
}

static void table_unit_from_caption_and_rowspan(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><caption>各乡镇发展党员情况(单位:名)</caption>"
        "<tr><td>乡镇</td><td>类别</td><td>2023年</td><td>2024年</td></tr>"
        "<tr><td rowspan=\"2\">城关镇</td><td>农村</td><td>12</td><td>15</td></tr>"
        "<tr><td>社区</td><td>7</td><td>9</td></tr></table>");
    assert_non_null(strstr(t.text, "2023年城关镇农村12名。"));
    assert_non_null(strstr(t.text, "2024年城关镇社区9名。"));
    rp_html_text_release(&t);
}

/* A title row spread over the table is not a header; 排名 is an index;
 * a grade column (等次, rowspan) does not name the row; 合计 spread over
 * the label columns is written once; the <title> suffix names the site. */
static void ranking_table_with_title_row_and_grades(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<html><head><title>关于2024年度考核结果的通报_通知公告_蒲塘党建网</title></head><body>"
        "<table><tr><th colspan=\"5\">2024年度镇（街道）党（工）委考核结果</th></tr>"
        "<tr><th>等次</th><th>排名</th><th>镇（街道）</th><th>综合得分（分）</th>"
        "<th>发现问题（个）</th></tr>"
        "<tr><td rowspan=\"2\">好</td><td>1</td><td>东城街道</td><td>95.6</td><td>3</td></tr>"
        "<tr><td>2</td><td>莲塘镇</td><td>93.2</td><td>4</td></tr>"
        "<tr><td colspan=\"3\">合计</td><td>&mdash;</td><td>7</td></tr></table></body></html>");
    assert_non_null(strstr(t.text, "东城街道综合得分95.6分。"));
    assert_non_null(strstr(t.text, "莲塘镇发现问题4个。"));
    assert_non_null(strstr(t.text, "合计发现问题7个。"));
    assert_null(strstr(t.text, "排名1"));
    assert_null(strstr(t.text, "好东城街道"));
    assert_string_equal(t.site, "通知公告_蒲塘党建网");
    rp_html_text_release(&t);
}

static void layout_tables_are_walked_as_text(void **state)
{
    (void)state;
    rp_html_text t = convert(
        "<table><tr><td><table><tr><td>菜单</td></tr></table></td>"
        "<td><p>全县发展党员312名。</p></td></tr></table>");
    assert_non_null(strstr(t.text, "全县发展党员312名。"));
    assert_int_equal(t.tables, 0);
    rp_html_text_release(&t);
}

static void garbage_does_not_crash(void **state)
{
    (void)state;
    rp_html_text t = convert("<<<>>><p <div>&#xFFFFFF;&bogus;<table><tr><td>1");
    rp_html_text_release(&t);
    t = convert("");
    assert_string_equal(t.text, "");
    rp_html_text_release(&t);
    rp_html_text_release(NULL);
}

/* An old CMS page: layout tables, <font>, 【字体】/【打印】 bars, a QR
 * prompt, a related-links list, a counter written by script. */
static void legacy_table_layout_page(void **state)
{
    (void)state;
    const char *page =
        "<html><head><title>某镇开展党员冬训_某县人民政府</title></head><body>"
        "<table width=\"1000\"><tr><td><a href=\"/\">首页</a> | <a href=\"/a\">"
        "政务公开</a> | <a href=\"/b\">办事服务</a> | <a href=\"/c\">互动交流</a></td></tr>"
        "<tr><td>当前位置:<a href=\"/\">首页</a>&gt;&gt;<a href=\"/d\">工作动态</a></td></tr>"
        "<tr><td><table><tr><td><div align=\"center\"><font size=\"5\">某镇开展党员冬训"
        "</font></div><div>发布日期:2024-01-15 信息来源:某镇党委 点击数:<script>"
        "document.write(1024)</script></div><div>【字体:<a href=\"#\">大</a> "
        "<a href=\"#\">中</a> <a href=\"#\">小</a>】</div>"
        "<p style=\"text-indent:2em\"><font face=\"宋体\">今冬以来,某镇共举办冬训班"
        "<font color=\"red\">12</font>期,培训党员<b>860</b>人次,覆盖全镇所有村"
        "(社区),参训率达到95.2%。</font></p>"
        "<div>【<a href=\"#\">打印</a>】【<a href=\"#\">关闭</a>】</div>"
        "<div>扫一扫在手机打开当前页</div></td></tr></table></td></tr>"
        "<tr><td><b>相关链接:</b><a href=\"/r1\">某乡冬训培训党员500人次</a>"
        "<a href=\"/r2\">某村新建活动室3个</a></td></tr>"
        "<tr><td>主办单位:某县人民政府办公室 联系电话:0000-1234567<br>"
        "网站标识码:1234000001 某ICP备00000001号</td></tr></table></body></html>";
    rp_document_input in = {page, strlen(page), "text/html", NULL, 0};
    rp_doc_text t;
    char err[128];
    assert_int_equal(rp_document_decode(&in, &t, err, sizeof err), RP_DOC_OK);
    assert_string_equal(t.text, "某镇开展党员冬训\n今冬以来,某镇共举办冬训班12期,"
                                "培训党员860人次,覆盖全镇所有村(社区),参训率达到95.2%。");
    assert_string_equal(t.published, "2024-01-15");
    assert_string_equal(t.source, "某镇党委");
    assert_string_equal(t.title, "某镇开展党员冬训");
    rp_doc_text_release(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inline_tags_never_split_numbers),
        cmocka_unit_test(blocks_end_lines_and_entities_decode),
        cmocka_unit_test(chrome_elements_are_dropped),
        cmocka_unit_test(link_dense_blocks_are_dropped),
        cmocka_unit_test(index_page_has_no_text),
        cmocka_unit_test(title_and_date_from_head),
        cmocka_unit_test(article_header_is_kept),
        cmocka_unit_test(site_logo_heading_is_not_the_title),
        cmocka_unit_test(tables_become_sentences),
        cmocka_unit_test(table_unit_column),
        cmocka_unit_test(table_unit_in_row_label),
        cmocka_unit_test(table_statement_cells_and_place_of_work),
        cmocka_unit_test(table_unit_from_caption_and_rowspan),
        cmocka_unit_test(table_code_column),
        cmocka_unit_test(table_time_and_venue_columns),
        cmocka_unit_test(layout_tables_are_walked_as_text),
        cmocka_unit_test(ranking_table_with_title_row_and_grades),
        cmocka_unit_test(legacy_table_layout_page),
        cmocka_unit_test(garbage_does_not_crash),
        cmocka_unit_test(veiled_body_is_shown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
