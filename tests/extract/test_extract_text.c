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
#include "rp_document.h"
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
    assert_string_equal(find(r, 171, "名")->subject, "新党员"); /* the verb acts on it */
    assert_string_equal(find(r, 171, "名")->metric, "members_recruited");
    assert_string_equal(find(r, 76, "名")->subject, "女党员");
    assert_string_equal(find(r, 10117, "人")->subject, "培训党员");
    rp_extract_result_free(r);
    r = run("全年发展党员806名,培训发展对象321人,划拨党费65.8万元,摸排新业态企业532家,"
            "参与学习21323人次。");
    assert_string_equal(find(r, 806, "名")->subject, "发展党员"); /* a term */
    assert_string_equal(find(r, 321, "人")->subject, "培训发展对象");
    assert_string_equal(find(r, 658000, "元")->subject, "党费");
    assert_string_equal(find(r, 532, "家")->subject, "新业态企业");
    assert_string_equal(find(r, 21323, "人次")->subject, "参与学习"); /* the count is the activity */
    rp_extract_result_free(r);
    r = run("全县共有党员28416名,其中女党员7310名。");
    assert_string_equal(find(r, 28416, "名")->metric, "party_members");
    assert_string_equal(find(r, 7310, "名")->metric, "party_members");
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

static const char *region_of(const rp_extract_result *r, double value, const char *unit)
{
    const rp_measure *m = find(r, value, unit);
    if (m == NULL)
        dump(r);
    assert_non_null(m);
    return m->region;
}

static const char *subject_of(const rp_extract_result *r, double value, const char *unit)
{
    const rp_measure *m = find(r, value, unit);
    if (m == NULL)
        dump(r);
    assert_non_null(m);
    return m->subject;
}

/* A news bulletin: each item opens with a 【label】; a place right after it
 * (or the label itself read as a clause) holds for that item only. */
static void bulletin_items(void **state)
{
    (void)state;
    rp_extract_result *r = run("枫林县党建工作简讯\n"
                               "【石门镇】石门镇新建村级党群服务中心2个,投入资金约86万元。\n"
                               "【城南街道】城南街道组织党员志愿者清理卫生死角47处。\n"
                               "【县委党校】县委党校举办主体班次14期。\n");
    assert_string_equal(r->meta.region, "枫林县");
    assert_string_equal(region_of(r, 2, "个"), "石门镇");
    assert_null(strstr(subject_of(r, 2, "个"), "】")); /* the label is not the subject */
    assert_non_null(strstr(subject_of(r, 2, "个"), "村级党群服务中心"));
    assert_string_equal(region_of(r, 860000, "元"), "石门镇");
    assert_string_equal(region_of(r, 47, "处"), "城南街道"); /* 组织 is the verb here */
    assert_string_equal(region_of(r, 14, "期"), "枫林县");
    rp_extract_result_free(r);
}

/* 桂花村党支部领办... : a village's party branch as the clause subject makes
 * the measures about that village; a count of 县区 is not a place. */
static void village_branch_subject(void **state)
{
    (void)state;
    rp_extract_result *r = run("柏树镇产业发展情况\n"
                               "一是支部领办合作社。桂花村党支部领办合作社,带动农户132户种植高山茶"
                               "1800亩。二是盘活资源。石桥村党支部整合撂荒地410亩。\n");
    assert_string_equal(region_of(r, 132, "户"), "桂花村");
    assert_null(strstr(subject_of(r, 132, "户"), "种植")); /* 种植 starts the predicate */
    assert_string_equal(region_of(r, 410, "亩"), "石桥村");
    rp_extract_result_free(r);
    /* no clause opens with the conjunction 和: there it starts a name */
    r = run("城西街道工作情况\n二、推动资源下沉。幸福社区认领项目26项。和平社区党委组建志愿服务队11支。"
            "居民和社区共建花园3个。\n");
    assert_string_equal(region_of(r, 26, "项"), "幸福社区");
    assert_string_equal(region_of(r, 11, "支"), "和平社区");
    assert_string_equal(region_of(r, 3, "个"), "城西街道");
    rp_extract_result_free(r);
    r = run("在全市推进会上的讲话\n刚才,三个县区作了交流发言。全市划分网格4715个。"
            "为建设富强美丽的江陵市作出新的更大贡献。\n");
    assert_string_equal(r->meta.region, "江陵市");
    rp_extract_result_free(r);
}

/* A count of units at the section's own level (4个乡镇) is about the
 * parent, not the section it sits in; 2个区域综合党委 is not such a count. */
static void sibling_count_region(void **state)
{
    (void)state;
    rp_extract_result *r = run("梧桐县志愿服务情况通报\n"
                               "城关街道:依托社区党群服务中心设立志愿服务站,推出服务项目18个,"
                               "组织党员志愿者参与文明城市创建,清理卫生死角260余处。\n"
                               "从调度情况看,仍有4个乡镇志愿服务活动少于全县平均水平,"
                               "城关街道成立2个区域综合党委。\n");
    assert_string_equal(region_of(r, 18, "个"), "城关街道");
    assert_string_equal(region_of(r, 4, "个"), "梧桐县");
    assert_string_equal(region_of(r, 2, "个"), "城关街道");
    rp_extract_result_free(r);
}

/* 是去年同期的2.1倍 names only the base: the previous measure's subject. */
static void comparison_base_subject(void **state)
{
    (void)state;
    rp_extract_result *r = run("线上学习课时达到26.4万课时,是去年同期的2.1倍。"
                               "排查失联党员11名并全部取得联系。");
    assert_string_equal(subject_of(r, 2.1, "倍"), subject_of(r, 264000, "课时"));
    assert_non_null(strstr(subject_of(r, 11, "名"), "失联党员")); /* 并 starts a predicate */
    rp_extract_result_free(r);
    /* a comparison base is part of the phrase the text writes */
    r = run("全乡一般公共预算收入比上年增长5.8%。");
    assert_string_equal(subject_of(r, 5.8, "%"), "一般公共预算收入比上年增长"); /* 全乡 trimmed */
    rp_extract_result_free(r);
    r = run("全市1.2万名在职党员到社区报到。"); /* 在职 modifies the noun */
    assert_string_equal(subject_of(r, 12000, "名"), "在职党员");
    rp_extract_result_free(r);
    r = run("幸福社区联合辖区8家共建单位。"); /* so does 共建 */
    assert_string_equal(subject_of(r, 8, "家"), "共建单位");
    rp_extract_result_free(r);
}

/* A hand-typed text table whose rows have one cell per header column maps
 * cells by position, however loosely they sit under wide headers. */
static void loose_text_table(void **state)
{
    (void)state;
    const char *doc = "表1　各乡镇发展党员情况\n"
                      "乡镇(街道)　　积极分子(名)　　发展党员(名)　　培训人数(人次)\n"
                      "城关镇　　　　　158　　　　　　　86　　　　　　　3860\n"
                      "龙泉镇　　　　　121　　　　　　　70　　　　　　　2710\n"
                      "合计　　　　　　279　　　　　　　156　　　　　　 6570\n";
    rp_document_input in = {doc, strlen(doc), "text/plain; charset=utf-8", NULL, 0};
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_document_extract(&in, &r, err, sizeof err), RP_DOC_OK);
    assert_non_null(find(r, 86, "名"));
    assert_non_null(find(r, 3860, "人次"));
    assert_null(find(r, 3860, "名"));
    assert_string_equal(region_of(r, 70, "名"), "龙泉镇");
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

/* Blind round 4 (140-143): quoted speech, 在X, scene paragraphs, 比 bases,
 * 的占 shares, one-character nouns after a classifier, 等次 grades, 枚. */
static void quoted_speech_counts(void **state)
{
    (void)state;
    rp_extract_result *r = run("“今年我们推出了服务清单,全区有46个机关单位参与认领。”负责人介绍。"
                               "开展“光荣在党50年”纪念活动,颁发纪念章312枚。");
    assert_non_null(find(r, 46, "个")); /* speech ends with its own 。 */
    assert_null(find(r, 50, "年"));     /* a quoted name stays a name */
    assert_non_null(find(r, 312, "枚"));
    rp_extract_result_free(r);
}

static void scene_paragraph_region(void **state)
{
    (void)state;
    rp_extract_result *r = run("白沙区开展主题党日活动\n"
                               "在湖滨镇,镇党委组织党员志愿者开展活动,发放宣传资料1500余份。\n"
                               "桃源村集体经济收入达到312万元,比石桥村高出112万元。\n");
    assert_string_equal(region_of(r, 1500, "份"), "湖滨镇");
    assert_string_equal(region_of(r, 1120000, "元"), "桃源村"); /* 比石桥村 is a base */
    rp_extract_result_free(r);
}

static void share_and_grade_subjects(void **state)
{
    (void)state;
    rp_extract_result *r = run("大学本科及以上学历的占91.5%。全县共有12个乡镇、186个村参加考核。"
                               "“好”等次书记58名,“差”等次3名。");
    assert_string_equal(subject_of(r, 91.5, "%"), "大学本科及以上学历");
    assert_string_equal(subject_of(r, 186, "个"), "村");
    assert_string_equal(subject_of(r, 3, "名"), "“差”等次");
    rp_extract_result_free(r);
}

/* Round 5 rules: infographic figures, links lists, rank bands, sizes,
 * new units, title separators and narrowing place chains. */
static void infographic_figures(void **state)
{
    (void)state;
    rp_extract_result *r = run("数说2024丨翠岭县组织工作成绩单\n"
                               "全县基层党建稳步推进。\n\n1426\n个\n基层党组织\n\n"
                               "12.6万人次 | 参加集中轮训\n68家 | 人才企业入驻县人才创业园\n");
    assert_string_equal(subject_of(r, 1426, "个"), "基层党组织"); /* not a page number */
    assert_string_equal(subject_of(r, 126000, "人次"), "参加集中轮训");
    assert_string_equal(subject_of(r, 68, "家"), "人才企业");
    assert_string_equal(region_of(r, 1426, "个"), "翠岭县"); /* 丨 is not in the name */
    rp_extract_result_free(r);
    /* the bound in a figure's label is what the figure counts */
    r = run("100%\n村集体经济收入达到10万元以上\n\n群众满意度98%以上\n");
    assert_non_null(find(r, 100, "%"));
    assert_null(find(r, 100000, "元"));
    assert_non_null(find(r, 98, "%")); /* a bound in prose stays a fact */
    rp_extract_result_free(r);
}

static void rank_bands_and_sizes(void **state)
{
    (void)state;
    rp_extract_result *r = run("学习成绩排名在专业前30%的学生占87.2%。村里只有4米宽的土路,"
                               "新建太阳能路灯420盏,硬化道路14.6公里,年满60周岁的89名村干部退出。");
    assert_null(find(r, 30, "%"));
    assert_non_null(find(r, 87.2, "%"));
    assert_null(find(r, 4, "米"));
    assert_non_null(find(r, 420, "盏"));
    assert_non_null(find(r, 14.6, "公里"));
    assert_non_null(find(r, 89, "名"));
    assert_null(find(r, 60, "岁")); /* an age that selects */
    rp_extract_result_free(r);
}

static void place_chains_narrow(void **state)
{
    (void)state;
    rp_extract_result *r = run("“路通了”——访梅岭县青崖镇枣林村党总支书记\n"
                               "枣林村地处青崖镇东北部山区,全村有1126户。\n"
                               "7月12日,城东街道“小哥驿站”开展义诊活动,为40余名骑手免费体检。\n");
    assert_string_equal(region_of(r, 1126, "户"), "梅岭县青崖镇枣林村");
    assert_string_equal(region_of(r, 40, "名"), "城东街道");
    assert_string_equal(subject_of(r, 40, "名"), "骑手");
    rp_extract_result_free(r);
}

/* Round 6 rules: plans opened by 下一步/明年, 拟 as a modifier, 目标 as a
 * noun, 有 + a single digit, ages compared, 「」 speech, 百分之 bounds,
 * breakdowns after 其中, glued measures, 比…多. */
static void plans_and_modifiers(void **state)
{
    (void)state;
    rp_extract_result *r = run("确定拟录用人员208名,完成年度目标的32.6%。\n"
                               "下一步,市政府将压紧压实责任,确保剩余13项实事年底前全部完成。\n"
                               "明年,计划新建四个,力争在职党员报到率达到百分之百。\n"
                               "全街道还有两个社区书记年龄超过六十岁,矛盾纠纷化解率达到百分之九十五以上。\n");
    assert_non_null(find(r, 208, "名"));
    assert_non_null(find(r, 32.6, "%"));
    assert_null(find(r, 13, "项"));
    assert_null(find(r, 100, "%"));
    assert_non_null(find(r, 2, "个"));
    assert_null(find(r, 60, "岁"));
    assert_int_equal(find(r, 95, "%")->approx, RP_APPROX_AT_LEAST);
    rp_extract_result_free(r);
}

static void speech_and_breakdowns(void **state)
{
    (void)state;
    rp_extract_result *r = run("霁川市加装电梯完工163部,其中鸥江区71部。新改建城市道路12条、23.6公里。"
                               "组织党员突击队四支、一百五十余人连续奋战。收入超过10万元的村有8个,"
                               "比上年同期多3个。\n"
                               "陈女士说:「今年我們有四十多位義工專程過來參加服務。」\n");
    assert_string_equal(region_of(r, 71, "部"), "鸥江区");
    assert_string_equal(subject_of(r, 71, "部"), subject_of(r, 163, "部"));
    assert_string_equal(subject_of(r, 23.6, "公里"), "新改建城市道路");
    assert_string_equal(subject_of(r, 150, "人"), subject_of(r, 4, "支")); /* 组织党员突击队 */
    assert_string_equal(subject_of(r, 3, "个"), "村增加");
    assert_non_null(find(r, 40, "位")); /* quoted speech in 「」 counts */
    rp_extract_result_free(r);
}

static void speaker_unit_narrows_region(void **state)
{
    (void)state;
    rp_extract_hints h = {.title = "在苇湖区2024年度街道党工委书记述职评议会上的述职"};
    const char *t = "梓桐街道党工委书记 周立群\n我是梓桐街道党工委书记周立群。\n"
                    "我们街道下辖十二个社区、八十六个党支部。\n";
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text(t, strlen(t), &h, &r, err, sizeof err), 0);
    assert_string_equal(region_of(r, 86, "个"), "苇湖区梓桐街道");
    rp_extract_result_free(r);
}

/* Round 7 rules. */
static void round7_counts_and_bounds(void **state)
{
    (void)state;
    rp_extract_result *r = run("县委常委会先后三次专题听取汇报。还有5个村集体经济收入在15万元以下。"
                               "分项之和可能不等于100%。城市社区基层党组织116个。\n"
                               "区里将安排专项资金1,500万元。\n");
    assert_non_null(find(r, 3, "次"));
    assert_non_null(find(r, 5, "个"));
    assert_null(find(r, 150000, "元"));
    assert_null(find(r, 100, "%"));
    assert_null(find(r, 15000000, "元"));
    assert_string_equal(region_of(r, 116, "个"), ""); /* 城市社区 is no place */
    rp_extract_result_free(r);
}

static void site_name_prefixes_region(void **state)
{
    (void)state;
    rp_extract_hints h = {.title = "桑溪镇“红色驿站”串起党群服务“幸福圈”",
                          .site = "青枫市桑溪镇人民政府"};
    const char *t = "桑溪镇建成红色驿站12个。\n";
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text(t, strlen(t), &h, &r, err, sizeof err), 0);
    assert_string_equal(region_of(r, 12, "个"), "青枫市桑溪镇");
    rp_extract_result_free(r);
}

/* A count that points back at things already counted is no new count. */
static void back_references(void **state)
{
    (void)state;
    rp_extract_result *r = run("第一轮巡察于3月对14个单位开展巡察;第二轮巡察对6个乡镇开展巡察。"
                               "两轮巡察共反馈问题417个。上述6个乡镇均已整改。\n");
    assert_non_null(find(r, 14, "个"));
    assert_non_null(find(r, 417, "个"));
    assert_null(find(r, 2, "轮"));
    assert_int_equal(r->n_measures, 3); /* 14, 6 and 417; not 上述6个 */
    rp_extract_result_free(r);
    /* a count after a verb is a count, ordinals or not */
    r = run("第一轮巡察于3月开展;第二轮巡察于5月开展。全年共开展两轮巡察。\n");
    assert_non_null(find(r, 2, "轮"));
    rp_extract_result_free(r);
}

/* Round 8: regions framed mid-paragraph, per-village averages, scales and
 * qualifier lists, hashtags, project phases, stacked figures. */
static void round8_regions_and_scales(void **state)
{
    (void)state;
    rp_extract_result *r = run("翎州市2024年组织工作综述\n"
                               "全市收入5.86亿元。蓼川区探索联建,带动增收1,380万元;在岫云县,"
                               "县委组织部把164名人才纳入后备库。其中,曲榛县村均集体经济收入达到"
                               "48.6万元。枰山区的选调生机制在全省推广,全区34名选调生配备导师。\n");
    assert_string_equal(region_of(r, 13800000, "元"), "蓼川区");
    assert_string_equal(region_of(r, 164, "名"), "岫云县");
    assert_string_equal(region_of(r, 486000, "元"), "曲榛县");
    assert_string_equal(region_of(r, 34, "名"), "枰山区");
    rp_extract_result_free(r);
    /* a band of a scale, a note of where it ends, a qualifier in a list */
    check_none("月收入在3,000元以下(含3,000元)至10,000元以上分档交纳。");
    check_none("对工龄满3年、表现突出的一线职工优先培养。");
    check_none("收录于合集\n#党校动态86个\n");
    check_none("实施集镇安置区二期工程。");
    check_one("建成安置房4栋,实施二期工程。", 4, "栋", RP_APPROX_EXACT);
    /* figures stacked on lines of their own stay apart */
    r = run("数说2024\n38\n期\n主体班次\n126\n门\n开设课程\n");
    assert_non_null(find(r, 38, "期"));
    assert_non_null(find(r, 126, "门"));
    assert_null(find(r, 202438, "期"));
    rp_extract_result_free(r);
    /* a greeting or an activity is no place name */
    r = run("苍岚县新闻发布会\n主持人:各位记者,欢迎出席苍岚县发布会。全县划分网格1,326个。"
            "党员教师上示范课1,480节,送教下乡238课时。\n");
    assert_string_equal(region_of(r, 1326, "个"), "苍岚县");
    assert_string_equal(region_of(r, 238, "课时"), "苍岚县");
    rp_extract_result_free(r);
    /* a number a PDF dump broke across lines still rejoins */
    r = run("培训村党组织书记1 1\n86人;县级培训9 4\n25人次。\n");
    assert_non_null(find(r, 1186, "人"));
    assert_non_null(find(r, 9425, "人次"));
    rp_extract_result_free(r);
}

/* Runs the whole document path (text cleaning, tables) on plain text. */
static rp_extract_result *run_doc(const char *doc)
{
    rp_document_input in = {doc, strlen(doc), "text/plain; charset=utf-8", NULL, 0};
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_document_extract(&in, &r, err, sizeof err), RP_DOC_OK);
    return r;
}

/* Round 10: text tables as offices type them (ideographic-space columns,
 * a header indented over the row labels, two-column blocks, group and
 * totals rows, units from the header or a caption further up). */
static void round10_text_tables(void **state)
{
    (void)state;
    rp_extract_result *r = run_doc(
        "二、本季度支出\n"
        "序号\u3000支出项目\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000金额（元）\u3000\u3000备注\n"
        "1\u3000\u3000村干部报酬（7—9月）\u3000\u3000\u3000\u3000\u3000\u300040,500.00\u3000\u3000按镇核定标准\n"
        "2\u3000\u3000办公费（水电、报刊、网络）\u3000\u3000\u30003,826.70\n"
        "3\u3000\u3000太阳能路灯安装\u3000\u3000\u3000\u3000\u3000\u3000\u300018,900.00\n"
        "\u3000\u3000\u3000支出合计\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000101,976.70\n");
    assert_string_equal(subject_of(r, 40500, "元"), "村干部报酬金额");
    assert_string_equal(subject_of(r, 3826.7, "元"), "办公费金额");
    assert_non_null(find(r, 18900, "元"));
    assert_non_null(find(r, 101976.7, "元"));
    assert_int_equal(r->n_measures, 4);
    rp_extract_result_free(r);
    /* a header over the figures only, its unit in a caption three lines up;
     * a group row between rows; dashes are empty cells */
    r = run_doc("表2　收到和处理申请情况（单位：件）\n"
            "（本列数据的勾稽关系为：第一项等于第二项与第三项之和）\n"
            "　　　　　　　　　　　　　　申请人情况\n"
            "　　　　　　　　　　　　　　自然人　　法人或其他组织　　总计\n"
            "一、本年新收申请数量　　　　41　　　　6　　　　　　　　47\n"
            "二、本年度办理结果\n"
            "　（一）予以公开　　　　　　26　　　　3　　　　　　　　29\n"
            "　（二）不予公开　　　　　　—　　　　—　　　　　　　　—\n"
            "　（三）无法提供（本机关不掌握相关信息）　10　　1　　　11\n");
    assert_string_equal(subject_of(r, 41, "件"), "本年新收申请数量自然人");
    assert_string_equal(subject_of(r, 29, "件"), "予以公开"); /* 总计 reads as "in all" */
    assert_string_equal(subject_of(r, 10, "件"), "无法提供自然人");
    assert_int_equal(r->n_measures, 9);
    rp_extract_result_free(r);
    /* two-column blocks; a header that counts 件数 gives its unit */
    r = run_doc("信息内容　　　　　　本年处理决定数量（单位：件）\n"
            "行政许可　　　　　　2,318\n"
            "信息内容　　　　　　本年收费金额（单位：万元）\n"
            "行政事业性收费　　　386.52\n"
            "信息内容　　　　　　本年制发件数　　本年废止件数　　现行有效件数\n"
            "规章　　　　　　　　0　　　　　　　0　　　　　　　0\n"
            "行政规范性文件　　　12　　　　　　　5　　　　　　　63\n");
    assert_string_equal(subject_of(r, 2318, "件"), "行政许可本年处理决定数量");
    assert_non_null(find(r, 3865200, "元"));
    assert_string_equal(subject_of(r, 63, "件"), "行政规范性文件现行有效件数");
    assert_int_equal(r->n_measures, 8);
    rp_extract_result_free(r);
    /* a stray line of cells above the header reads as a header row; the
     * figures keep their rows and units */
    r = run_doc("填报单位  县委组织部  2024年\n"
                "乡镇　　　党员(名)　　党组织(个)\n"
                "石门镇　　　316　　　　　21\n"
                "龙泉镇　　　208　　　　　17\n");
    assert_string_equal(region_of(r, 316, "名"), "石门镇");
    assert_non_null(find(r, 17, "个"));
    rp_extract_result_free(r);
    /* a dot leader between a label and its figure */
    r = run_doc("1．上级转移支付……………………48,600.00元\n2．其他收入（存款利息等）………4,450.00元\n");
    assert_string_equal(subject_of(r, 48600, "元"), "上级转移支付");
    assert_string_equal(subject_of(r, 4450, "元"), "其他收入"); /* the note glosses it */
    rp_extract_result_free(r);
}

/* Round 10: figures broken by a line end, pairs, thresholds, capacities,
 * schedules, and places named mid-clause. */
static void round10_language(void **state)
{
    (void)state;
    rp_extract_result *r = run("为6个村分红12.\n5万元。注册参学\n1.38万\n名机关党员\n86\n对\n机关与村结对\n");
    assert_non_null(find(r, 125000, "元"));
    assert_null(find(r, 50000, "元"));
    assert_non_null(find(r, 13800, "名"));
    assert_non_null(find(r, 86, "对"));
    rp_extract_result_free(r);
    r = run("机关与村结对86对,其中54对为重点村;开展一对一帮扶,3个支部对标先进。\n");
    assert_string_equal(subject_of(r, 86, "对"), "机关与村结对");
    assert_non_null(find(r, 54, "对"));
    assert_int_equal(r->n_measures, 3);
    rp_extract_result_free(r);
    check_none("将家庭人均收入低于当地低保标准1.5倍的低收入家庭纳入监测。");
    r = run("已解决的131件已办结,列入计划逐步解决的62件。\n");
    assert_non_null(find(r, 62, "件"));
    rp_extract_result_free(r);
    r = run("新增护理型床位60张,可满足周边3个乡镇失能人员的照护需求。\n");
    assert_false(find(r, 60, "张")->optional);
    assert_true(find(r, 3, "个")->optional);
    rp_extract_result_free(r);
    /* places */
    r = run("涧川县网格化治理工作报告\n"
            "全县划分网格1,284个,平安村(社区)创建达标率93%以上。\n"
            "我县青苇镇探索板凳议事会,今年以来调处各类纠纷286件。\n"
            "联合县人社局举办招聘会6场。\n"
            "市财政局党组与漳岭县枫木乡桃坪村结对后,协调资金46万元,安装路灯120盏。"
            "全系统共结对86对。\n"
            "针对荷叶街道代表提出的建议,今年完成改造小区14个。\n");
    assert_string_equal(region_of(r, 1284, "个"), "涧川县");
    assert_string_equal(region_of(r, 93, "%"), "涧川县");
    assert_string_equal(region_of(r, 286, "件"), "青苇镇");
    assert_string_equal(region_of(r, 6, "场"), "涧川县");
    assert_string_equal(region_of(r, 460000, "元"), "漳岭县枫木乡桃坪村");
    assert_string_equal(region_of(r, 120, "盏"), "漳岭县枫木乡桃坪村");
    assert_string_equal(region_of(r, 86, "对"), "涧川县");
    assert_string_equal(region_of(r, 14, "个"), "荷叶街道");
    rp_extract_result_free(r);
    /* a place opening a sentence after the paragraph's own figures is that
     * sentence's; one opening a paragraph that counted nothing heads it */
    r = run("汀嶂县老干部工作报告\n"
            "坚持小型、就近、分散、灵活的活动方式,全年各支部开展活动580场。柳塘镇退休干部"
            "党支部联合镇中心小学开展老少共话初心活动12场。对高龄党员实行送学上门,"
            "全年送学2000人次。\n"
            "习近平总书记指出,要锻造像钢铁一样坚硬的党员队伍。近年来,钢城区依托钢铁产业"
            "特色,创新实施党员教育工程,建成教学基地9个。\n"
            "全年培训党员300名。\n");
    assert_string_equal(region_of(r, 580, "场"), "汀嶂县");
    assert_string_equal(region_of(r, 12, "场"), "柳塘镇");
    assert_string_equal(region_of(r, 2000, "人次"), "汀嶂县");
    assert_string_equal(region_of(r, 9, "个"), "钢城区");
    assert_string_equal(region_of(r, 300, "名"), "钢城区");
    rp_extract_result_free(r);
}

/* Round 11: units of hospitals and floods, bounds in lists, target groups,
 * bullets before a frame, and where a place's section ends. */
static void round11_units_and_sections(void **state)
{
    (void)state;
    rp_extract_result *r = run("完成手术1.46万台次,收到锦旗73面,累计降雨量386.5毫米。\n");
    assert_non_null(find(r, 14600, "台次"));
    assert_null(find(r, 14600, "台"));
    assert_non_null(find(r, 73, "面"));
    assert_non_null(find(r, 386.5, "毫米"));
    rp_extract_result_free(r);
    check_none("对注册满1年、服务时长100小时以上的志愿者进行星级评定。");
    check_none("为35—64岁适龄妇女免费开展筛查。");
    check_one("目标人群筛查覆盖率达92%以上。", 92, "%", RP_APPROX_AT_LEAST);
    check_one("经济增速高于年初目标1.2个百分点。", 1.2, "百分点", RP_APPROX_EXACT);
    r = run("潇峪县人才工作\n📍在石渡镇,镇党委聘请12名土专家担任产业顾问。\n"
            "栗桥工业集中区新建标准厂房3.2万平方米。自觉接受镇人大监督,办结建议4件。\n");
    assert_string_equal(region_of(r, 12, "名"), "石渡镇");
    assert_string_equal(region_of(r, 32000, "平方米"), "潇峪县");
    assert_string_equal(region_of(r, 4, "件"), "潇峪县");
    rp_extract_result_free(r);
    /* the next number after the heading a place sat under closes its
     * section; a place that opens a list of its own keeps it */
    r = run("浠岭县防汛工作报告\n"
            "(三)科学调度抢险。全县转移群众3.86万人,组织抢险队伍46支,出动抢险人员1.2万人次。\n"
            "汶口乡针对汶口河上游洪水,提前转移沿河群众1,084人,组织党员民兵连夜抢筑子堤1.2公里。\n"
            "(四)统筹救灾救助。县财政紧急拨付救灾资金2,600万元,全部按程序下拨到受灾乡镇。\n");
    assert_string_equal(region_of(r, 1084, "人"), "汶口乡");
    assert_string_equal(region_of(r, 26000000, "元"), "浠岭县");
    rp_extract_result_free(r);
    r = run("济南市基层党建工作经验\n"
            "(三)深化结果运用。全市评定星级党组织1,200个,并与报酬挂钩。\n"
            "钢城区始终坚持把村干部队伍建设作为抓党建促乡村振兴的重中之重,持续选优配强、"
            "严管厚爱,着力打造一支政治过硬、本领高强的带头人队伍。\n"
            "一、严标尺、拓渠道。全区储备后备力量560名,择优选拔一批优秀人才进入村级班子。\n"
            "二、搭平台、重实战。区财政补贴60余万元,支持村干部提升学历和能力素质。\n"
            "(四)加强保障。全市列支1.4亿元保障村干部待遇。\n");
    assert_string_equal(region_of(r, 1200, "个"), "济南市");
    assert_string_equal(region_of(r, 560, "名"), "钢城区");
    assert_string_equal(region_of(r, 600000, "元"), "钢城区");
    rp_extract_result_free(r);
    /* a plain heading line over a paragraph closes the section too */
    r = run("岚汀市妇联年度综述\n"
            "沙埔区按照积分超市建设的实施意见要求,建成积分超市36家,居民累计兑换积分逾42万分,小积分撬动了家庭文明大变化。\n"
            "巾帼创新业  发展有作为\n"
            "实施巾帼技能提升工程,联合人社、财政等部门,全年举办妇女技能培训班326期,"
            "培训1.26万人次,帮助4300余名妇女实现就业创业。\n");
    assert_string_equal(region_of(r, 36, "家"), "沙埔区");
    assert_string_equal(region_of(r, 326, "期"), "岚汀市");
    rp_extract_result_free(r);
}

static void round12_language(void **state)
{
    (void)state;
    /* a roster entry: name, a blank, then the unit whose place it names */
    rp_extract_result *r =
        run("关于樾山县拟表彰对象的公示\n"
            "覃秀兰（女）　石门镇人民调解委员会专职调解员。扎根调解一线18年,2024年调解各类"
            "矛盾纠纷46起,调解成功率98%,被群众称为“和事佬”,多次获得表彰和群众赞誉。\n"
            "石门镇人民群众踊跃参与,全年共收集意见建议320条,全部转交有关部门办理并反馈。\n");
    assert_string_equal(region_of(r, 46, "起"), "石门镇");
    assert_string_equal(region_of(r, 320, "条"), "樾山县");
    rp_extract_result_free(r);
    /* units that open with a multiplier's character; grams, kinds, visits */
    r = run("缴获毒品4.86千克,其中氯胺酮近400克。全社会用电量16.42亿千瓦时。"
            "门诊慢特病病种增加到42种。检查寄递网点210余家次。");
    assert_non_null(find(r, 4.86, "千克"));
    assert_null(find(r, 4860, "克"));
    assert_non_null(find(r, 400, "克"));
    assert_non_null(find(r, 1642000000, "千瓦时"));
    assert_non_null(find(r, 42, "种"));
    assert_non_null(find(r, 210, "家次"));
    rp_extract_result_free(r);
    check_none("克服困难,种植水稻。");
    /* counts listed with their own 的 are counts, not qualifiers */
    r = run("提案人对办理工作表示满意的221件、基本满意的45件。");
    assert_non_null(find(r, 221, "件"));
    assert_non_null(find(r, 45, "件"));
    rp_extract_result_free(r);
    /* 计划 as a planned sum or a programme's name is no plan */
    r = run("其中计划总投资亿元以上项目47个。营养改善计划覆盖学校58所。计划新建学校3所。"
            "全县计划共新建幼儿园4个。");
    assert_non_null(find(r, 47, "个"));
    assert_non_null(find(r, 58, "所"));
    assert_null(find(r, 3, "所"));
    assert_null(find(r, 4, "个"));
    rp_extract_result_free(r);
    /* a count right after the ordinals it sums up names them again */
    check_one("对第四轮、第五轮两轮巡察的整改情况开展回头看,抽查整改事项96个。", 96, "个",
              RP_APPROX_EXACT);
    /* a body's name before its place; crossing places is no place; 会同X */
    r = run("关于政协檀川县第十届委员会提案工作情况的报告\n"
            "全年共收到提案312件。侦破“3·15”特大跨省贩毒案,抓获嫌疑人17名。\n"
            "县住建局会同石坝镇新建公共停车场3处。\n");
    assert_string_equal(region_of(r, 312, "件"), "檀川县");
    assert_string_equal(region_of(r, 17, "名"), "檀川县");
    assert_string_equal(region_of(r, 3, "处"), "石坝镇");
    rp_extract_result_free(r);
    /* a share after a count is that group's share; 年度 and 年轻 are words,
     * not what is left of a date; a bullet is no part of a subject */
    r = run("全年发展党员2,964名,其中35岁及以下的1,872名,占63.2%,比上年提高4.6个百分点。"
            "全年人均学习积分11,286分,年度学员活跃率96.7%。举办年轻干部专题班2期。\n"
            "📍全县人才项目全年带动就业1.2万人。\n");
    assert_string_equal(subject_of(r, 63.2, "%"), "35岁及以下占比");
    assert_string_equal(subject_of(r, 4.6, "百分点"), "35岁及以下占比比上年提高");
    assert_string_equal(subject_of(r, 96.7, "%"), "年度学员活跃率");
    assert_string_equal(subject_of(r, 2, "期"), "年轻干部专题班");
    assert_string_equal(subject_of(r, 12000, "人"), "人才项目带动就业");
    rp_extract_result_free(r);
    /* a brand of four characters, or one glued before a figure */
    r = run("服务居民5.6万人次LB6乐博官网,全街道新完成加装电梯AG88亚游37部。");
    assert_non_null(find(r, 56000, "人次"));
    assert_non_null(strstr(subject_of(r, 37, "部"), "加装电梯"));
    assert_null(strstr(subject_of(r, 37, "部"), "AG"));
    assert_null(strstr(r->text, "乐博"));
    assert_null(strstr(r->text, "亚游"));
    rp_extract_result_free(r);
}

static void round13_language(void **state)
{
    (void)state;
    /* units: wells, sets (in figures), machine sets, concentrations */
    rp_extract_result *r = run("新建蓄水池14口,拆除网箱养殖设施86组,新增农机具逾1.26万台套。"
                               "PM2.5年均浓度28.4微克/立方米。\n");
    assert_non_null(find(r, 14, "口"));
    assert_non_null(find(r, 86, "组"));
    assert_non_null(find(r, 12600, "台套"));
    assert_non_null(find(r, 28.4, "微克/立方米"));
    rp_extract_result_free(r);
    /* addresses and a village's groups are names */
    check_none("村部地址:榆树坪村3组58号。针对桂花苑小区3栋2单元的难题召开协调会。");
    check_none("在村主干道及二组、六组居民聚居点开展清洁活动。");
    /* a shortfall bound later in a problem sentence; an age range before
     * 之间的; what a verb of forming makes */
    check_one("仍有3个代表联络站活动开展不够经常,全年接待群众不足20人次。", 3, "个",
              RP_APPROX_EXACT);
    check_none("对年龄在16至24岁之间的离校未就业高校毕业生实行实名帮扶。");
    check_one("抽调业务骨干组建五个技术指导组。", 5, "个", RP_APPROX_EXACT);
    check_none("牢固树立四个意识。");
    /* 户均 after the noun counted starts the next phrase */
    r = run("带动七十八户农户户均增收2100余元。");
    assert_string_equal(subject_of(r, 78, "户"), "农户");
    rp_extract_result_free(r);
    /* a township's 市场监管所 is the township's; `在…上,` opens a topic of
     * the whole after a place's paragraph; 老城区 and 项目区 are no places */
    r = run("芩阳县市场监督管理局2024年工作总结\n"
            "苎坪镇市场监管所创新农村集体聚餐备案做法,全年备案指导农村集体聚餐1,280余场,"
            "涉及就餐群众约9万人次,辖区未发生一起食物中毒事件,做法在全市推广。\n"
            "在工程管理上,严格执行项目法人制、招投标制和监理制,对单项工程全部实行跟踪审计,"
            "全年审计23项,未发现重大质量问题,工程质量总体良好。\n"
            "县委主要负责同志多次深入项目区调研督导,项目区水稻平均增产11.8%。"
            "东澴区老城区全年改造小区64个。\n");
    assert_string_equal(region_of(r, 1280, "场"), "苎坪镇");
    assert_string_equal(region_of(r, 23, "项"), "芩阳县");
    assert_string_equal(region_of(r, 11.8, "%"), "芩阳县");
    assert_string_equal(region_of(r, 64, "个"), "东澴区");
    rp_extract_result_free(r);
    /* a field label ending in 来源 is no publisher line, and a long source is
     * cut on a character boundary */
    r = run("鹿鸣村村务公开栏\n资金来源:总投资38.6万元,其中县级资金30万元。\n");
    assert_string_equal(r->meta.source, "");
    rp_extract_result_free(r);
    char text[1024] = "标题\n来源:A";
    for (int k = 0; k < 50; k++)
        strcat(text, "长");
    strcat(text, "\n");
    r = run(text);
    size_t sl = strlen(r->meta.source);
    assert_true(sl > 1 && sl <= 124 && (sl - 1) % 3 == 0); /* A, then whole characters */
    rp_extract_result_free(r);
}

static void round14_language(void **state)
{
    (void)state;
    /* units: vaccine doses, service days, days of labour, trips */
    rp_extract_result *r = run("补种疫苗1 2 6 5剂次,科技特派员下乡服务超过3100天次,"
                               "群众投工投劳1.3万余个工日。\n");
    assert_non_null(find(r, 1265, "剂次"));
    assert_non_null(find(r, 3100, "天次"));
    assert_non_null(find(r, 13000, "工日"));
    rp_extract_result_free(r);
    /* 一点五 is a decimal, not a single digit; 了 + a verbal classifier, 辖 and
     * the next item of such a list are counts */
    check_one("调解成功率比去年提高了一点五个百分点。", 1.5, "百分点", RP_APPROX_EXACT);
    check_one("先后组织开了五次协调会。", 5, "次", RP_APPROX_EXACT);
    check_one("调解员前前后后跑了七趟。", 7, "趟", RP_APPROX_EXACT);
    r = run("街道下辖九个社区、三个村。\n");
    assert_non_null(find(r, 9, "个"));
    assert_non_null(find(r, 3, "个"));
    rp_extract_result_free(r);
    check_none("牢固树立四个意识、两个维护。");
    /* a window of time that qualifies a later figure; an age before 在校 */
    check_one("出生24小时内乙肝疫苗首针及时接种率97.3%。", 97.3, "%", RP_APPROX_EXACT);
    check_one("为13至14岁在校女生接种疫苗3120剂次。", 3120, "剂次", RP_APPROX_EXACT);
    /* a brand's digits before a unit are the figure; 5G is a term */
    r = run("新增市级企业技术中心乐动体育app11个。全县新建5G基站126个。\n");
    assert_non_null(find(r, 11, "个"));
    assert_null(strstr(r->text, "app"));
    assert_non_null(strstr(r->text, "5G基站"));
    assert_non_null(find(r, 126, "个"));
    rp_extract_result_free(r);
    /* a numbered item opening on a place is that place's; an example's
     * place (一个是X); 市场, 市级 and 在册社区 are no places */
    r = run("梓峪县林业局2024年工作总结\n"
            "(四)云岫镇地处国有林场腹地,是全县森林防火重点镇。镇党委组建党员护林先锋队14支,"
            "全年巡山2,600余次。\n"
            "(五)全县森林火情比上年减少3起。\n"
            "举两个例子。一个是桃林社区那起加装电梯的纠纷,牵涉到业主一百八十多户。"
            "节假日市场亮点纷呈,五一假期接待游客约64万人次,新增市级企业技术中心11个。"
            "目前在册社区矫正对象二十七名。\n");
    assert_string_equal(region_of(r, 14, "支"), "云岫镇");
    assert_string_equal(region_of(r, 2600, "次"), "云岫镇");
    assert_string_equal(region_of(r, 3, "起"), "梓峪县");
    assert_string_equal(region_of(r, 180, "户"), "桃林社区");
    assert_string_equal(region_of(r, 640000, "人次"), "梓峪县");
    assert_string_equal(region_of(r, 11, "个"), "梓峪县");
    assert_string_equal(region_of(r, 27, "名"), "梓峪县");
    rp_extract_result_free(r);
    /* subjects: a `X中,` frame over figures listed by place; a change verb
     * after the figure; 由上年 trimmed; 行为 keeps its 为; a sum named after */
    r = run("未完成整改的隐患中,槠坪社区4处,石门坎村3处。超期工单由上年的316件下降到87件。"
            "立案查处违法违规行为7起。双方签了协议,二十八万元货款一次性付清。\n");
    assert_string_equal(subject_of(r, 4, "处"), "未完成整改的隐患");
    assert_string_equal(subject_of(r, 3, "处"), "未完成整改的隐患");
    assert_string_equal(subject_of(r, 316, "件"), "超期工单");
    assert_string_equal(subject_of(r, 7, "起"), "立案查处违法违规行为");
    assert_non_null(strstr(subject_of(r, 280000, "元"), "货款"));
    rp_extract_result_free(r);
}

static void round15_language(void **state)
{
    (void)state;
    /* 分钟 is a unit although 分 before 钟 is none; a change of a duration is
     * a result, a length of time alone optional; temperatures, vehicle runs,
     * orders, supply capacity */
    rp_extract_result *r = run("平均到场时间为6.2分钟,比上年缩短0.9分钟。全县年平均气温18.6℃,"
                               "出动消防车2,870余辆次,寄递量865万单,设计供水规模2万吨/日。\n");
    const rp_measure *m = find(r, 6.2, "分钟");
    assert_non_null(m);
    assert_true(m->optional);
    m = find(r, 0.9, "分钟");
    assert_non_null(m);
    assert_false(m->optional);
    assert_string_equal(m->subject, "平均到场时间比上年缩短"); /* the base stays */
    assert_non_null(find(r, 18.6, "℃"));
    assert_non_null(find(r, 2870, "辆次"));
    assert_non_null(find(r, 8650000, "单"));
    assert_non_null(find(r, 20000, "吨/日"));
    rp_extract_result_free(r);
    /* a sign defines; ages of a rule and before the people they select */
    check_none("高温日数(日最高气温≥35℃)。普通高校毕业生放宽至24周岁。对0—6岁残疾儿童实施康复救助。");
    /* a share after 覆盖 or 占 is a fact even with 以上的 */
    check_one("站点覆盖92%以上的行政村。", 92, "%", RP_APPROX_AT_LEAST);
    /* a budget's sums are plans, the share of it spent is a fact; a 草案
     * heading opens a plan section */
    r = run("一、2024年预算执行情况\n收入完成1,286.4万元,为年初预算1,240万元的103.7%。"
            "农林水支出调整预算数2,160.0万元,执行数2,187.3万元,完成预算101.3%。\n"
            "二、2025年财政预算草案\n支出安排6,270万元,其中农林水支出2,230万元。\n");
    assert_non_null(find(r, 12864000, "元"));
    assert_null(find(r, 12400000, "元"));
    assert_null(find(r, 21600000, "元"));
    assert_non_null(find(r, 21873000, "元"));
    assert_non_null(find(r, 101.3, "%"));
    assert_null(find(r, 62700000, "元"));
    assert_null(find(r, 22300000, "元"));
    rp_extract_result_free(r);
    /* a brand's digits before a multiplier and unit are the figure */
    r = run("线上成交额爱游戏app5,260万元。\n");
    assert_non_null(find(r, 52600000, "元"));
    rp_extract_result_free(r);
    /* regions: `在…中,` closes a place's section; `出现在X,` goes on about X;
     * a numbered item whose place opens its first counted sentence; 集市,
     * 联盟 and 库区 are no places */
    r = run("蓼川县审计局2024年工作报告\n"
            "柘口镇是今年审计的重点,审计组查出问题23个。\n"
            "在养老保险基金专项审计中,查实违规领取养老金问题61人。\n"
            "日降水量最大值出现在杉塘镇,6月19日达198.4毫米。\n"
            "(三)基层建设持续加强。檀坪镇地处县境西部山区,是传统兵源大镇。今年该镇送兵二十一名,"
            "镇人武部整合退役军人服务站力量,编建基干民兵应急排3个。\n"
            "联合“7号集市”等平台开设专区12个,规范联盟运行机制,清淤疏浚库区淤积约46万立方米。\n");
    assert_string_equal(region_of(r, 23, "个"), "柘口镇");
    assert_string_equal(region_of(r, 61, "人"), "蓼川县");
    assert_string_equal(region_of(r, 198.4, "毫米"), "杉塘镇");
    assert_string_equal(region_of(r, 21, "名"), "檀坪镇");
    assert_string_equal(region_of(r, 3, "个"), "檀坪镇");
    assert_string_equal(region_of(r, 12, "个"), "蓼川县");
    assert_string_equal(region_of(r, 460000, "立方米"), "蓼川县");
    rp_extract_result_free(r);
    /* 新建成: the verb's complement goes with it */
    r = run("全县新建成5G基站126个。\n");
    assert_string_equal(subject_of(r, 126, "个"), "5G基站");
    rp_extract_result_free(r);
}

static void round16_language(void **state)
{
    (void)state;
    /* a service line's number, a vehicle, a formula, a standard: no measures */
    check_none("或拨打12333人社服务热线咨询。");
    check_none("对60岁以上的电动三轮车驾驶人开展安全教育。");
    check_none("时限压缩比例=(法定时限-承诺时限)÷法定时限×100%。");
    check_none("部分乡镇卫生院公卫专干不足3人。");
    /* stored data in TB and GB; loans of books; a count that wins an honour */
    rp_extract_result *r = run("数字资源总量达到48.6TB,自建数据库容量620GB,执行GB/T 2260。"
                               "外借图书21.7万册次。两件案例入选最高检指导性案例参考。\n");
    assert_non_null(find(r, 48.6, "TB"));
    assert_non_null(find(r, 620, "GB"));
    assert_null(find(r, 2260, "GB"));
    assert_non_null(find(r, 217000, "册次"));
    assert_non_null(find(r, 2, "件"));
    rp_extract_result_free(r);
    /* 约 of 签约 and 近 of 就近 end words; 接近 is a marker */
    check_one("签约一百六十三人。", 163, "人", RP_APPROX_EXACT);
    check_one("接近500人参加。", 500, "人", RP_APPROX_ABOUT);
    /* the 仍有 bound reaches no further than its own item (一是…；二是…) */
    r = run("一是全县仍有3个乡镇敬老院入住率不足40%;二是护理员中50岁以上的占比超过70%。\n");
    assert_non_null(find(r, 3, "个"));
    assert_null(find(r, 40, "%"));
    assert_int_equal(find(r, 70, "%")->approx, RP_APPROX_MORE_THAN);
    rp_extract_result_free(r);
    /* subjects: the people served after 为; a count before 的 names what is
     * counted; a share of a whole after the part */
    r = run("工作人员为三十七名就业困难人员开展帮扶。主播走进八家重点企业的生产车间。"
            "月薪五千元以上的岗位一千一百余个,占岗位总数的百分之三十六。\n");
    assert_string_equal(subject_of(r, 37, "名"), "就业困难人员");
    assert_string_equal(subject_of(r, 8, "家"), "重点企业");
    assert_string_equal(subject_of(r, 36, "%"), "岗位占岗位总数");
    rp_extract_result_free(r);
    /* regions: a heading line that opens on a place heads its section until
     * the next heading; a caption is no heading; a township's court acts in
     * the township; the areas of a fair are no places */
    r = run("芊原县人民检察院2024年工作\n\n"
            "🏠 青檀镇检察室\n全年接待来访群众460余人次,化解矛盾纠纷38件。\n\n"
            "📌 PART 06 ｜检务公开:把检察工作晒在阳光下\n\n"
            "全院受理群众信访1,027件。\n\n"
            "▲箬川高新区企业研发中心一角（资料图）\n全年专利授权1,486件。\n\n"
            "柳湾镇人民法庭在镇综治中心设立法官工作室,全年就地化解纠纷312件。\n\n"
            "在高校毕业生专区,四十二家企业拿出见习岗位三百二十个。\n");
    assert_string_equal(region_of(r, 460, "人次"), "青檀镇");
    assert_string_equal(region_of(r, 38, "件"), "青檀镇");
    assert_string_equal(region_of(r, 1027, "件"), "芊原县");
    assert_string_equal(region_of(r, 1486, "件"), "芊原县");
    assert_string_equal(region_of(r, 312, "件"), "柳湾镇");
    assert_string_equal(region_of(r, 42, "家"), "芊原县");
    assert_string_equal(subject_of(r, 42, "家"), "企业");
    rp_extract_result_free(r);
}

static void round17_language(void **state)
{
    (void)state;
    /* spoken numbers: 仨 and 俩 carry their classifier; 来 把 出头 after a
     * round number and 小 before a spoken sum approximate; 块钱 is 元, N个人
     * people, 回 times */
    rp_extract_result *r = run("刚开始队伍就仨老头,后来社区给我们配了俩小年轻。队伍发展到六十三个人,"
                               "光骨干就有十来个。一年接电话一千出头个。义诊都能来百把人。"
                               "一年办了4回。前前后后花了小两万块钱,保住了将近8万块钱。"
                               "铲雪三百多米。咱俩一起干。\n");
    assert_non_null(find(r, 3, "个"));
    assert_non_null(find(r, 2, "个"));
    assert_non_null(find(r, 63, "人"));
    assert_int_equal(find(r, 10, "个")->approx, RP_APPROX_ABOUT);
    assert_int_equal(find(r, 1000, "个")->approx, RP_APPROX_MORE_THAN);
    assert_int_equal(find(r, 100, "人")->approx, RP_APPROX_ABOUT);
    assert_non_null(find(r, 4, "回"));
    assert_int_equal(find(r, 20000, "元")->approx, RP_APPROX_ABOUT);
    assert_int_equal(find(r, 80000, "元")->approx, RP_APPROX_ABOUT);
    assert_non_null(find(r, 300, "米"));
    assert_string_equal(region_of(r, 3, "个"), ""); /* 后来社区 is no place */
    rp_extract_result_free(r);
    check_one("缩小两万元。", 20000, "元", RP_APPROX_EXACT);
    /* units: water delivered by the truckload, products */
    r = run("累计送水36车次。推出11款特色信贷产品。\n");
    assert_non_null(find(r, 36, "车次"));
    assert_non_null(find(r, 11, "款"));
    rp_extract_result_free(r);
    /* a rate's base, a run that selects, where someone lives, a directive list */
    check_none("全县每10万人中拥有大学文化程度的人口。");
    check_none("对连续2次抽检不合格的经营者,要列入重点监管对象。");
    check_none("还有住8栋的刘师傅。");
    check_none("镇防指要求各村:一要执行值班制度,二要对27座山塘水库开展复查,三要储备编织袋5,000条。");
    /* what a building is designed for is a capacity; a shortfall against
     * the year's expected target is a fact */
    r = run("设计规模36个班。规模以上工业增加值增长6.1%,低于年初预期目标1.1个百分点。\n");
    assert_true(find(r, 36, "班")->optional);
    assert_non_null(find(r, 1.1, "百分点"));
    rp_extract_result_free(r);
    /* subjects: 全年 and the adverb 共 are the period, not the series; a
     * negated predicate after the noun names it as a relative clause */
    r = run("诉讼服务中心全年接待群众3.6万人次。两馆共接待群众52.4万人次。"
            "一般公共服务支出1,036.5万元。尚有3处乱堆乱放点未整改到位。12个项目未完工。\n");
    assert_string_equal(subject_of(r, 36000, "人次"), "诉讼服务中心接待群众");
    assert_string_equal(subject_of(r, 524000, "人次"), "两馆接待群众");
    assert_string_equal(subject_of(r, 10365000, "元"), "一般公共服务支出");
    assert_string_equal(subject_of(r, 3, "处"), "未整改到位的乱堆乱放点");
    assert_string_equal(subject_of(r, 12, "个"), "未完工项目");
    rp_extract_result_free(r);
    /* regions: 村道 is a road; a neighbour's place is the sentence's only */
    r = run("岑口镇防汛简报\n冲毁村道1.2公里。\n"
            "说起来还有个事儿。隔壁梧桐社区的书记来取经,现在他们那边也有二十来个人了。\n"
            "街道给我们队发了5000元奖金。\n");
    assert_string_equal(region_of(r, 1.2, "公里"), "岑口镇");
    assert_string_equal(region_of(r, 20, "人"), "梧桐社区");
    assert_string_equal(region_of(r, 5000, "元"), "岑口镇");
    rp_extract_result_free(r);
}

/* Round 18: archive and land units, points, phases and names that hold a
 * number, bars reached, lists restated, presented places, subjects. */
static void round18_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("接收档案3,146卷,调阅1.2万卷次,数字化扫描186万页,全书约172万字。"
            "无人机飞防作业13.5万亩次。新建笼式足球场9片。她家只摆了12桌。"
            "逾期率比上年末上升0.06个千分点。我这本子上攒了两百多分。"
            "新建厨余垃圾处理厂一座,设计规模36个班。\n");
    assert_non_null(find(r, 3146, "卷"));
    assert_non_null(find(r, 12000, "卷次"));
    assert_non_null(find(r, 1860000, "页"));
    assert_int_equal(find(r, 1720000, "字")->approx, RP_APPROX_ABOUT);
    assert_non_null(find(r, 135000, "亩次"));
    assert_null(find(r, 135000, "亩"));
    assert_non_null(find(r, 9, "片"));
    assert_non_null(find(r, 12, "桌"));
    assert_non_null(find(r, 0.06, "千分点"));
    assert_int_equal(find(r, 200, "分")->approx, RP_APPROX_MORE_THAN);
    assert_non_null(find(r, 1, "座"));
    rp_extract_result_free(r);
    /* 十分 is "very", a page of a citation is an ordinal, even as a range */
    check_none("这项工作十分重要。");
    check_none("本文刊于《先锋》2023年第10期第18—19页。");
    /* a phase, a capacity or a distance inside a name; a bar reached */
    check_none("枫岗二期标准厂房已封顶。");
    check_none("县全民健身中心二期于9月建成投用。");
    check_none("大家都关心的年产10万吨饲料项目主体厂房已经封顶。");
    check_none("2024澜埠半程马拉松暨5公里欢乐跑鸣枪开跑。");
    check_none("积分满100分的农户可以兑换食用油,满300分的还能评星级文明户。");
    check_one("全年举办三期培训班。", 3, "期", RP_APPROX_EXACT);
    /* a numeral that restates its list counts it; 乡镇 is no township */
    r = run("苓溪县档案馆工作总结\n指导菱渚镇志、苕坪乡志两部乡镇志通过评审。\n");
    assert_non_null(find(r, 2, "部"));
    assert_string_equal(subject_of(r, 2, "部"), "乡镇志");
    assert_string_equal(region_of(r, 2, "部"), "苓溪县"); /* 镇志: titles, no place */
    rp_extract_result_free(r);
    /* a first sentence that presents a place heads its paragraph */
    r = run("沅梓县枫岗镇推进会讲话\n"
            "　　这里我要特别表扬一下芷溪村。村“两委”引进的高山茶旅融合项目,流转土地860余亩,"
            "带动村民务工120多人,前三季度村集体经济已经增收11.6万元,预计全年还会增加。\n"
            "　　全镇新签约招商项目十四个,协议投资总额28.6亿元,比去年同期增长37.5%。\n");
    assert_string_equal(region_of(r, 860, "亩"), "芷溪村");
    assert_string_equal(region_of(r, 116000, "元"), "芷溪村");
    assert_string_equal(region_of(r, 14, "个"), "沅梓县枫岗镇");
    rp_extract_result_free(r);
    /* subjects */
    r = run("全县常住人口中,文盲人口(15岁及以上不识字的人)为1.21万人。"
            "推动48所中小学校向社会开放体育场地。住房公积金管理委员会有委员27名。"
            "前三季度完成了16.84亿元,还有4.66亿元的缺口,时间非常紧。"
            "有3个项目签约半年以上了还没有动工。培训18—19人。明确3个发展方向。\n");
    assert_string_equal(subject_of(r, 12100, "人"), "文盲人口");
    assert_string_equal(subject_of(r, 48, "所"), "中小学校");
    assert_string_equal(subject_of(r, 27, "名"), "委员");
    assert_string_equal(subject_of(r, 466000000, "元"), "缺口");
    assert_string_equal(subject_of(r, 3, "个"), "项目");
    assert_string_equal(subject_of(r, 19, "人"), subject_of(r, 18, "人"));
    rp_extract_result_free(r);
    check_none("坚持党建、业务两手抓。");
}

/* Round 19: 分别, bracketed counts after places, rates per 10万, tents and
 * quilts, bars, goals set from above, verbs before places. */
static void round19_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("棣川县人口普查公报\n"
            "全县失业保险、工伤保险分别参保3.58万人、5.12万人。\n"
            "与2010年相比,棣城街道、东岚街道常住人口分别增加18,326人和9,741人。\n"
            "实缴单位9,418家,实缴职工38.72万人,缴存额86.35亿元,分别同比增长7.0%、3.0%、8.6%。\n"
            "报告病例数居前三位的是蕙城街道(286例)、楸坪镇(173例)和棕溪镇(121例),"
            "报告发病率分别为312.57/10万、248.21/10万和219.83/10万。\n");
    assert_string_equal(subject_of(r, 51200, "人"), "工伤保险参保");
    assert_string_equal(subject_of(r, 9741, "人"), "常住人口增加");
    assert_string_equal(region_of(r, 18326, "人"), "棣城街道");
    assert_string_equal(region_of(r, 9741, "人"), "东岚街道");
    assert_string_equal(subject_of(r, 3, "%"), "实缴职工同比增长");
    assert_string_equal(subject_of(r, 8.6, "%"), "缴存额同比增长");
    assert_string_equal(region_of(r, 173, "例"), "楸坪镇");
    assert_string_equal(region_of(r, 248.21, "/10万"), "楸坪镇");
    assert_string_equal(subject_of(r, 219.83, "/10万"), "报告发病率");
    rp_extract_result_free(r);
    r = run("储备帐篷1,260顶、棉被3,800床。卖出土蜂蜜1.6万斤。\n"
            "全年新开工棚户区改造2,150套,完成市下达目标任务的107.5%。\n"
            "已签约534户,仍有62户未签约。\n");
    assert_non_null(find(r, 1260, "顶"));
    assert_non_null(find(r, 3800, "床"));
    assert_non_null(find(r, 16000, "斤"));
    assert_non_null(find(r, 107.5, "%"));
    assert_string_equal(subject_of(r, 62, "户"), "未签约");
    assert_string_equal(region_of(r, 2150, "套"), ""); /* 棚户区 is no district */
    rp_extract_result_free(r);
    check_none("年满60周岁、累计缴费满15年的,可按月领取养老金。");
    check_none("石鼓坪村是全镇唯一突破80万元的村。");
    check_none("一期住宅全部封顶,二期正在进行桩基施工。");
    check_none("2024/10/12发布。");
    /* a verb before a place; 向 + place frames the clause */
    r = run("柞川县粮食和物资储备局工作总结\n"
            "委托县粮油质量检测站扦取检测样品386份。\n"
            "7月上旬菖岭镇遭受强降雨袭击,我局连夜向菖岭镇调运帐篷120顶。\n");
    assert_string_equal(region_of(r, 386, "份"), "柞川县");
    assert_string_equal(region_of(r, 120, "顶"), "菖岭镇");
    rp_extract_result_free(r);
}

static void round20_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("新增蓄水约38万方,泵站累计开机提水131座次。泵站设计流量按每万亩0.6立方米/秒配置。\n"
            "售出客房4.37万间夜。免疫羊约6.3万只、家禽286.4万羽,调拨疫苗52.6万毫升、7.2万头份。\n"
            "新增配变容量3.46万千伏安,主变容量由50兆伏安提升至80兆伏安,停电时户数减少2,316时户。\n"
            "8月6日14时27分,县网最大负荷达到52.36万千瓦;8月6日晚高峰负载率达138%。\n"
            "对家庭人均年收入低于1.2万元或低于当地最低生活保障标准1.5倍的家庭,由学校认定。\n"
            "全县年龄在60岁以上的村级防疫员仍有41名。城乡之间仍不平衡,个别农村学校参与率不足90%。\n"
            "部分乡镇卫生院公卫专干不足3人。双方签订协议。\n");
    assert_non_null(find(r, 380000, "方"));
    assert_non_null(find(r, 131, "座次"));
    assert_non_null(find(r, 0.6, "立方米/秒"));
    assert_non_null(find(r, 43700, "间夜"));
    assert_non_null(find(r, 63000, "只"));
    assert_non_null(find(r, 2864000, "羽"));
    assert_non_null(find(r, 526000, "毫升"));
    assert_non_null(find(r, 72000, "头份"));
    assert_null(find(r, 72000, "头"));
    assert_non_null(find(r, 34600, "千伏安"));
    assert_non_null(find(r, 80, "兆伏安"));
    assert_non_null(find(r, 2316, "时户"));
    assert_null(find(r, 27, "分")); /* 14时27分: a time of day */
    assert_string_equal(subject_of(r, 138, "%"), "晚高峰负载率");
    assert_null(find(r, 12000, "元")); /* two bounds joined by 或 select 家庭 */
    assert_string_equal(subject_of(r, 41, "名"), "村级防疫员");
    assert_non_null(find(r, 90, "%"));  /* a rate some report is a level */
    assert_null(find(r, 3, "人"));      /* a bound some fall short of */
    rp_extract_result_free(r);
    check_none("二是部分山区台区供电半径超过500米,末端电压偏低;");
    /* a title's separator, the grid company's name and a quantifier are no places */
    r = run("数据播报丨蔺川县“五一”假期文旅成绩单\n接待游客86.3万人次。\n");
    assert_string_equal(region_of(r, 863000, "人次"), "蔺川县");
    rp_extract_result_free(r);
    r = run("国网榉溪县供电公司迎峰度夏工作总结\n县网最大负荷达到52.36万千瓦。"
            "部分山区台区新增配变92台。\n");
    assert_string_equal(region_of(r, 523600, "千瓦"), "榉溪县");
    assert_string_equal(region_of(r, 92, "台"), "榉溪县");
    rp_extract_result_free(r);
    /* an appendix after the plan section is no plan */
    r = run("四、下一步工作\n力争年底前完工电梯100部以上。\n"
            "附表:重点小区加装电梯进度表\n桂园小区已签约15部。\n");
    assert_null(find(r, 100, "部"));
    assert_non_null(find(r, 15, "部"));
    rp_extract_result_free(r);
}

static void round21_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("集装箱吞吐量18.6万标箱,运送集装箱7,150TEU。投入粮食烘干机186台(套),完成检测5.21万项次。\n"
            "表决结果:同意四十七票,弃权两票。成交均价4,860元/平方米,比上年下降160元/平方米。\n"
            "每千人口托位数4.1个/千人。按1美元兑7.1元折算。奖补资金50万元兑现到位。HS编码8541.40、8541.43项下产品出口约9.8亿元。\n"
            "已完成秋种38.7万亩,占计划的82.4%。纳入改造计划的老粮站、河西机械厂两个片区完成征收1,120户。\n"
            "咱们村党员四十三名,带头签承诺书的四十一名,剩下两名是在新疆打工的。\n"
            "全县法人单位比2018年末(第四次全国经济普查,下同)增加1,973个。其他行业②从业人员2.52万人。\n");
    assert_non_null(find(r, 186000, "标箱"));
    assert_non_null(find(r, 7150, "TEU"));
    assert_non_null(find(r, 186, "台套"));
    assert_non_null(find(r, 52100, "项次"));
    assert_non_null(find(r, 47, "票"));
    assert_non_null(find(r, 2, "票"));
    assert_non_null(find(r, 160, "元/平方米"));
    assert_non_null(find(r, 4.1, "个/千人"));
    assert_null(find(r, 1, "美元")); /* an exchange rate */
    assert_null(find(r, 7.1, "元"));
    assert_non_null(find(r, 500000, "元")); /* a sum paid out (兑现) is one */
    assert_null(find(r, 8541.43, "项")); /* a code: a count has no fraction */
    assert_non_null(find(r, 980000000, "元"));
    assert_non_null(find(r, 82.4, "%")); /* 占计划的: the plan is a noun */
    assert_non_null(find(r, 2, "个"));
    assert_non_null(find(r, 1120, "户"));
    assert_non_null(find(r, 2, "名")); /* 是…的 describes them */
    assert_string_equal(subject_of(r, 43, "名"), "村党员");
    assert_string_equal(subject_of(r, 1973, "个"), "法人单位比2018年末增加");
    assert_string_equal(subject_of(r, 25200, "人"), "其他行业从业人员");
    rp_extract_result_free(r);
    check_none("对人均住房建筑面积低于15平方米、家庭人均月收入低于2,800元的家庭,实行应保尽保。");
    check_none("中心面向0—3岁婴幼儿家庭开展科学育儿指导。");
    check_none("批发和零售业、建筑业居前三位;白沙镇、龙渡镇分列第二、三位。");
    check_none("河西安置小区(幸福里2期)竣工交付。幸福里3期周边学校尚未配齐。扩建工程(二期)建成通水。");
    /* 出海拓市 is no city; 咱们 and 除 open no place; a signature is no running title */
    r = run("棹江县商务局2024年外贸工作总结\n"
            "一、出海拓市成效明显\n进出口总额86.37亿元。除城区外新增水厂4座。\n"
            "咱们枫林冲村一共四百六十二户。\n特此报告。\n棹江县商务局\n2025年1月10日\n");
    assert_string_equal(region_of(r, 8637000000.0, "元"), "棹江县");
    assert_string_equal(region_of(r, 4, "座"), "棹江县");
    assert_string_equal(subject_of(r, 462, "户"), "枫林冲村");
    rp_extract_result_free(r);
}

/* Round 22 (266–273): units of funerals, flowers and touring shows;
 * single-digit counts of places and things; age bands before counts; a
 * rated class; a total after the figure that added to it; codes listed
 * after a noun; a run of place paragraphs; two places acting together; a
 * named industrial park. */
static void round22_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("全县实行火化2,271具,新增节地生态葬墓穴1,250穴,免费发放鲜花8,000余束。\n"
            "科普大篷车巡展98站。清理整治边沟约4.6万延米。\n"
            "五丰米业和七个村签了订单,鑫达汽配建了两个帮扶车间,帮结对的村修了八公里产业路,"
            "荷叶桥等三座老旧石拱桥完成加固。\n"
            "其中80—89周岁11,946人、90—99周岁1,574人;90—99周岁每人每月300元。\n"
            "新增投放AED(自动体外除颤器)42台,全县累计达到118台。新建院士专家工作站3个,全县总数达到9个。\n"
            "其中县道X203、X206等11条。餐厨垃圾实际处理量稳定在120吨/日左右。\n");
    assert_non_null(find(r, 2271, "具"));
    assert_non_null(find(r, 1250, "穴"));
    assert_non_null(find(r, 8000, "束"));
    assert_non_null(find(r, 98, "站"));
    assert_non_null(find(r, 46000, "延米"));
    assert_non_null(find(r, 7, "个"));
    assert_non_null(find(r, 2, "个"));
    assert_non_null(find(r, 8, "公里"));
    assert_non_null(find(r, 3, "座"));
    assert_non_null(find(r, 11946, "人"));
    assert_null(find(r, 89, "岁")); /* a band that selects */
    assert_null(find(r, 99, "岁"));
    assert_string_equal(subject_of(r, 118, "台"), "AED");
    assert_string_equal(subject_of(r, 9, "个"), "院士专家工作站");
    assert_string_equal(subject_of(r, 11, "条"), "县道");
    assert_string_equal(subject_of(r, 120, "吨/日"), "餐厨垃圾实际处理量");
    rp_extract_result_free(r);
    check_none("增强四个意识,做到两个维护。经检查评定为四类的桥梁已纳入计划。一站式服务全面推开。");
    /* after a run of street paragraphs, one that names no place is the
     * district's; 青岗村和白沙村 together; 枳源工业园区 is an area */
    r = run("菖城区城市管理局2024年工作回顾\n"
            "菱湖街道坚持一街一策,投入资金380万元,新建口袋公园4个,群众满意度明显提升,好评如潮。\n"
            "望江街道全面落实门前三包责任制,签订责任书2,160份,清理卫生死角430余处,背街小巷焕然一新。\n"
            "桂湾街道围绕无违建目标开展环境整治,拆除违建86处,建立问题发现、交办、整改闭环管理机制。\n"
            "全年通过城管服务热线受理群众反映的环境卫生类诉求1.26万件,件件有回音、事事有着落。\n"
            "青岗村和白沙村抱团发展,合建村级光伏电站两座。枳源工业园区新引进企业11家。\n");
    assert_string_equal(region_of(r, 86, "处"), "桂湾街道");
    assert_string_equal(region_of(r, 12600, "件"), "菖城区");
    assert_string_equal(region_of(r, 2, "座"), "青岗村和白沙村");
    assert_string_equal(region_of(r, 11, "家"), "枳源工业园区");
    rp_extract_result_free(r);
}

/* Round 23 (274–281): calls and orders, doctors and headmasters counted,
 * bounds in a question, a unit a rule defines, decimal places, bites,
 * a 的 phrase before 有, buildings as places, a kind is no thing built,
 * acts of a body on the county. */
/* Statistics bulletins: spans of months are periods (1—10月), acronyms and
 * chemical names glued to Han are words (AED, NO2), days counted are facts. */
static void bulletin_terms(void **state)
{
    (void)state;
    rp_extract_hints h = {.title = "棹江县2024年1—10月经济运行简报", .published = "2024-11-12",
                          .source = "x"};
    const char *t = "地区生产总值1—10月86.42亿元。社会消费品零售总额1—10月312456万元。\n"
                    "1—9月地区生产总值80.1亿元。全县10月份新增就业320人。10月15日开展活动12场。\n"
                    "全县新增投放AED42台。全县NO2浓度为18微克/立方米,PM2.5年均浓度为28微克/立方米。\n"
                    "区域声环境昼间平均等效声级为53.6分贝。优良天数为338天,重污染天数0天。\n"
                    "技术中心乐动体育app11个。县道X203、X206等11条。\n";
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_extract_text(t, strlen(t), &h, &r, err, sizeof err), 0);
    assert_string_equal(subject_of(r, 8642000000, "元"), "地区生产总值");
    assert_string_equal(find(r, 8642000000, "元")->period, "2024年1—10月");
    assert_string_equal(subject_of(r, 3124560000, "元"), "社会消费品零售总额");
    assert_string_equal(subject_of(r, 8010000000, "元"), "地区生产总值");
    assert_string_equal(subject_of(r, 320, "人"), "新增就业");
    assert_null(find(r, 15, "日"));
    assert_non_null(find(r, 12, "场"));
    assert_string_equal(subject_of(r, 42, "台"), "新增投放AED");
    assert_string_equal(subject_of(r, 18, "微克/立方米"), "NO2浓度");
    assert_string_equal(subject_of(r, 28, "微克/立方米"), "PM2.5年均浓度");
    assert_string_equal(subject_of(r, 53.6, "分贝"), "区域声环境昼间平均等效声级");
    assert_false(find(r, 338, "天")->optional);
    assert_false(find(r, 0, "天")->optional);
    assert_string_equal(subject_of(r, 11, "个"), "技术中心"); /* the brand goes */
    assert_null(find(r, 203, "条"));
    rp_extract_result_free(r);
    /* a span that ends after the month of publication is last year's */
    h.published = "2025-01-15";
    const char *jan = "1—12月,全县新增就业3200人。";
    assert_int_equal(rp_extract_text(jan, strlen(jan), &h, &r, err, sizeof err), 0);
    assert_string_equal(find(r, 3200, "人")->period, "2024年1—12月");
    rp_extract_result_free(r);
    /* a minus sign written before a rate is kept; a range's mark is not one */
    r = run("汽车类商品零售额增长-2.3%,税收收入同比下降1.8%。参加人数10-20人。\n"
            "馆藏可移动文物2,863件(套)。永济桥建于乾隆三十年。\n");
    assert_string_equal(find(r, -2.3, "%")->text, "-2.3%");
    assert_non_null(find(r, 1.8, "%"));
    assert_null(find(r, -20, "人"));
    assert_non_null(find(r, 2863, "件套"));
    assert_null(find(r, 30, "年"));
    assert_non_null(strstr(r->text, "乾隆"));
    rp_extract_result_free(r);
}

static void round28_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("椿溪县麂岭镇巩固衔接工作汇报\n"
            "全镇辖十七个村、一个社区。措施上，我们主要是产业、就业、兜底三条腿走路。\n"
            "今年给脱贫户发放产业奖补资金，一共是二百三十七万元。今年一到九月发电收益是一百三十一万元。\n"
            "这笔钱主要用来设公益岗位。像石笋坪村，一年光伏收益九万三千多元。\n"
            "我们镇的集中安置点就是坳口社区，安置搬迁群众二百一十四户。\n"
            "贷款户最多的是青冈岭村，九十六户贷了四百三十二万元。\n"
            "在距镇区最远的枫坪村设立服务点，全年代开发票1,870余笔。\n"
            "中晚籼稻最低收购价为1.29元/斤，帮助62人实现就业。\n"
            "全年受理补贴申请3,912份开元棋牌，新建粮食烘干中心威尼斯人9个，老年棋牌室12个。\n");
    assert_string_equal(subject_of(r, 17, "个"), "村"); /* the noun the count closes on */
    assert_non_null(find(r, 1, "个"));                 /* 一个社区: the list's next item */
    assert_null(find(r, 3, "条"));                     /* 三条腿走路 */
    assert_string_equal(subject_of(r, 2370000, "元"), "产业奖补资金"); /* summed */
    assert_string_equal(subject_of(r, 1310000, "元"), "发电收益");     /* 一到九月 */
    assert_string_equal(region_of(r, 93000, "元"), "石笋坪村");
    assert_string_equal(region_of(r, 214, "户"), "坳口社区");
    assert_string_equal(region_of(r, 96, "户"), "青冈岭村");
    assert_string_equal(region_of(r, 1870, "笔"), "枫坪村");
    const rp_measure *price = find(r, 1.29, "元/斤");
    assert_non_null(price);
    assert_string_equal(price->unit_kind, "price");
    assert_string_equal(price->metric, "other"); /* a rate, never summed as funds */
    assert_string_equal(subject_of(r, 62, "人"), "帮助实现就业");
    assert_string_equal(subject_of(r, 3912, "份"), "受理补贴申请");   /* the brand goes */
    assert_string_equal(subject_of(r, 9, "个"), "粮食烘干中心");
    assert_string_equal(subject_of(r, 12, "个"), "老年棋牌室");       /* a word, no brand */
    rp_extract_result_free(r);
}

static void round38_language(void **state)
{
    (void)state;
    /* what still falls short is named as a relative clause, for a one-
     * character noun too; a letter-spaced label reads as one word */
    rp_extract_result *r =
        run("蒴川县乡村振兴局工作总结\n"
            "一是发展不平衡，全县仍有7个村集体经济收入不足15万元，另有2个乡未完成培训计划。"
            "二是城区还有9个老旧小区管网老化。三是全县仍有12家经营户年内被投诉5次以上。"
            "护林员中60岁以上的有38名。\n"
            "合  计\t1,204\n");
    assert_string_equal(subject_of(r, 7, "个"), "集体经济收入不足15万元的村");
    assert_string_equal(subject_of(r, 2, "个"), "未完成培训计划的乡");
    assert_string_equal(subject_of(r, 9, "个"), "管网老化的老旧小区");
    assert_string_equal(subject_of(r, 12, "家"), "年内被投诉5次以上的经营户");
    assert_string_equal(subject_of(r, 38, "名"), "60岁以上的护林员");
    rp_extract_result_free(r);
    /* a village named alone inside a township's paragraph is named with it;
     * 辖区 is no part of a place; 村里 in the next sentence is that village */
    r = run("蒴川县商务局上半年工作汇报\n"
            "　　（一）苘塘镇。苘塘镇上半年网络零售额8,600万元。辖区蕖口村新建电商服务站3个。"
            "今年村里建成预冷库1座。\n"
            "　　（二）蘩坪乡。全乡开展直播带货120场次。\n"
            "乡里聘用的电商专员中35岁以下的有16名。\n");
    assert_string_equal(region_of(r, 86000000, "元"), "苘塘镇");
    assert_string_equal(region_of(r, 3, "个"), "苘塘镇蕖口村");
    assert_string_equal(region_of(r, 1, "座"), "苘塘镇蕖口村");
    assert_string_equal(region_of(r, 16, "名"), "蘩坪乡");
    rp_extract_result_free(r);
    /* 我们 after a neighbour of the document's own level is the reporting
     * body; 由X降至Y names Y after X; the base's time leaves a subject */
    r = run("蒴川县苘塘镇镇长在动员大会上的讲话\n"
            "同志们：隔壁蓠溪镇进了前三名。蓠溪镇去年改厕1,800多户，我们比人家少了三百多户。"
            "单件配送成本由3.2元降至1.9元，果蔬损耗率由去年同期的12.5%降至8.1%。\n");
    assert_string_equal(region_of(r, 1800, "户"), "蓠溪镇");
    assert_string_equal(region_of(r, 300, "户"), "蒴川县苘塘镇");
    assert_string_equal(subject_of(r, 12.5, "%"), "果蔬损耗率");
    assert_non_null(strstr(subject_of(r, 1.9, "元"), "单件配送成本"));
    rp_extract_result_free(r);
}

static void round42_language(void **state)
{
    (void)state;
    /* tobacco by the dan; a pack size; a distance that selects; a bound in
     * an A-not-A question; one of those just named */
    rp_extract_result *r =
        run("莛川县烟草专卖局年度工作回顾\n"
            "　　全年收购烟叶4.36万担。查获“岚岫（硬16支装）”卷烟，钢瓶为YSP35.5型（15公斤装）。"
            "对中小学校周边50米范围内的零售点逐一登记，检查经营户二百一十七户次。\n"
            "记者：贷款超过10万元，是不是一定要找人担保？\n"
            "答：去年全县评了二十个五星级党支部，我们村是其中一个。\n");
    assert_non_null(find(r, 43600, "担"));
    assert_null(find(r, 16, "支"));
    assert_null(find(r, 15, "公斤"));
    assert_null(find(r, 50, "米"));
    assert_non_null(find(r, 217, "户次"));
    assert_null(find(r, 100000, "元"));
    assert_non_null(find(r, 20, "个"));
    assert_null(find(r, 1, "个"));
    rp_extract_result_free(r);
    /* 全县 as a standard of comparison; a group after 村里, after 该村 in a
     * sentence that moved to its village, and one its sentence calls 全组;
     * 人口占村 is no village */
    r = run("莛川县烟草专卖局年度工作回顾\n"
            "　　全县收购烟叶4.36万担。\n"
            "🔹蕻岭镇：全县最大产烟镇，种烟面积近8,600亩。蓠湾村种烟户户均收入超过15万元；"
            "村里柃塘组21户烟农用上了密集烤房。\n"
            "　　（一）楂溪镇。全镇有后期扶持人口9,860人。镇里在椤木村硬化库区产业路，带动村里发展油茶近1,200亩；"
            "该村槠坳组利用项目资金建设冷库，组里22户移民户户入股。\n"
            "　　（二）菀溪乡。菀溪乡以茶叶产业为主。蘼坪组地处高山，全组三十一户过去只通单相电。\n"
            "　　全县移民人口占村总人口30%以上的，列为重点安置村，共11个。\n");
    assert_string_equal(region_of(r, 8600, "亩"), "蕻岭镇");
    assert_string_equal(region_of(r, 21, "户"), "柃塘组");
    assert_string_equal(region_of(r, 22, "户"), "槠坳组");
    assert_string_equal(region_of(r, 31, "户"), "蘼坪组");
    assert_string_equal(region_of(r, 11, "个"), "莛川县");
    rp_extract_result_free(r);
    /* brands by their shape: letters, a few characters ending in a word
     * of betting or games, a site word and its number; a figure glued
     * after one stays */
    r = run("莛川县烟草专卖局年度工作回顾\n"
            "　　全年作业KY8开元棋牌三千余亩次，查获走私卷烟ob欧宝体育1.27万条，"
            "县科技馆xx娱乐平台9527接待参观群众约9.8万人次。\n");
    assert_string_equal(subject_of(r, 12700, "条"), "查获走私卷烟");
    assert_non_null(find(r, 3000, "亩次"));
    assert_null(strstr(subject_of(r, 98000, "人次"), "9527"));
    assert_null(strstr(subject_of(r, 98000, "人次"), "娱乐"));
    rp_extract_result_free(r);
    /* in a township's numbered paragraph, 在 + village after figures */
    r = run("棻阳县住房公积金管理中心2025年度报告\n"
            "　　棻阳县全年归集住房公积金41.87亿元。\n"
            "　　（一）榑口镇。全镇缴存职工一万零四百多人。在薜湾村开展试点，已有八十七人开户缴存。\n");
    assert_string_equal(region_of(r, 87, "人"), "榑口镇薜湾村");
    rp_extract_result_free(r);
}

static void round41_language(void **state)
{
    (void)state;
    /* a group the speech keeps naming by its size; one against one; 二次
     * before a noun; a figure taken back; buildings named by number; a unit
     * of times broken by a line */
    rp_extract_result *r =
        run("荪塘区蕖湄社区居民议事会讲话\n"
            "　　今天专门议一议两个小区加装电梯的事。两个小区的业主代表都来了。"
            "两个小区已经装好电梯二十七台。\n"
            "　　我重点说一下萸湾小区14栋，这个楼吵得最凶。14栋一共二十八户。"
            "2单元同意的是十一户，不对，我说错了，是十二户。现在14栋是全票同意。\n"
            "　　锦绣家园3栋、7栋高层住户水压低，新建人才公寓3栋、420套。消防通道上见一辆劝离一辆。"
            "完成二次供水泵房改造38座。\n"
            "接种非免疫规划疫苗三万八千余剂\n次。\n");
    assert_null(find(r, 2, "个"));
    assert_non_null(find(r, 27, "台"));
    assert_null(find(r, 14, "栋"));
    assert_null(find(r, 7, "栋"));
    assert_non_null(find(r, 3, "栋"));
    assert_non_null(find(r, 28, "户"));
    assert_null(find(r, 11, "户"));
    assert_non_null(find(r, 12, "户"));
    assert_null(find(r, 1, "辆"));
    assert_null(find(r, 2, "次"));
    assert_non_null(find(r, 38, "座"));
    assert_non_null(find(r, 38000, "剂次"));
    rp_extract_result_free(r);
    /* the people a service is for, between 为 and their count; a sum's
     * own noun after it; a heading's label before a bare verb; 共 before 报
     * is trimmed; 困难家庭 is no 困难家 */
    r = run("荪塘县民政工作总结\n"
            "　　今年为60岁以上股东三百一十二人补助医疗保险费。区财政每年安排500万元专项资金。\n"
            "　　乙类传染病：共报告9种687例。\n"
            "　　还有十一户困难家庭的那一份，是社区协调出的。\n");
    assert_string_equal(subject_of(r, 312, "人"), "60岁以上股东");
    assert_string_equal(subject_of(r, 5000000, "元"), "专项资金");
    assert_string_equal(subject_of(r, 687, "例"), "乙类传染病");
    assert_string_equal(subject_of(r, 11, "户"), "困难家庭");
    rp_extract_result_free(r);
    /* a village's group after its village is named alone, 该村 then names
     * another of its groups, 全村 ends the group; a village in a township's
     * numbered paragraph is named with it; 全街道 in a community's
     * document, and 比人家 after a neighbour */
    r = run("蒴岭镇三资清理情况通报\n"
            "　　桫木村、蘘塘村：两村山林面积大。桫木村竹山组群众反映竹林被占用，已收回竹林三百四十多亩。"
            "该村上屋组一份合同年租金仅1,500元。蘘塘村清理中发现，檀树湾组补偿款结余8.6万元；"
            "清理后全村资产负债率下降3.4个百分点。\n");
    assert_string_equal(region_of(r, 340, "亩"), "竹山组");
    assert_string_equal(region_of(r, 1500, "元"), "上屋组");
    assert_string_equal(region_of(r, 86000, "元"), "檀树湾组");
    assert_string_equal(region_of(r, 3.4, "百分点"), "蘘塘村");
    rp_extract_result_free(r);
    r = run("棻阳县住房公积金管理中心2025年度工作报告\n"
            "　　全县归集资金41.87亿元。\n"
            "　　（一）榑口镇分中心。榑口镇是重镇，服务职工一万零四百多人。在薜湾村开展试点，已有八十七人开户缴存。\n");
    assert_string_equal(region_of(r, 87, "人"), "榑口镇薜湾村");
    rp_extract_result_free(r);
    r = run("栌江区槭桥街道荇湄社区居民议事会讲话\n"
            "　　我们社区装了二十七台。\n"
            "　　再看看人家。隔壁芪坊社区，去年一年就装了三十一台，我们两年加起来，还比人家少了四台。"
            "全街道这两年一共装了一百零六台。\n");
    assert_string_equal(region_of(r, 31, "台"), "芪坊社区");
    assert_string_equal(region_of(r, 4, "台"), "栌江区槭桥街道荇湄社区");
    assert_string_equal(region_of(r, 106, "台"), "栌江区槭桥街道");
    rp_extract_result_free(r);
}

static void round40_language(void **state)
{
    (void)state;
    /* shares of a collective in figures; 家 before 乡镇; the people helped
     * and then what was done for them all; a share opening its clause;
     * an amount has no members a later bound describes; a thousands
     * separator ending a line; spoken counts of points made */
    rp_extract_result *r =
        run("荪塘县蘩湾村收益分配公示\n"
            "现有股东512户，设置总股数21,836股。医院与全县11家乡镇卫生院签订帮扶协议。\n"
            "帮助四百一十余名农民工追回欠薪超过1,100万元。目前95%以上的股东户已开通账户。"
            "全县90%以上的行政村建成服务站。资产负债率70%以上的企业仍有5户。\n"
            "还有一千来亩的麦秸秆没有清运，离田率不足40%。仍有2个乡镇救助资金使用率不足60%。\n"
            "全县在保低保对象6,\n412户。\n"
            "还有一个，就是大户。蘩湾村的经验就一条，书记当到了田间地头。\n");
    assert_non_null(find(r, 21836, "股"));
    assert_non_null(find(r, 11, "家"));
    assert_non_null(find(r, 11000000, "元"));
    assert_string_equal(subject_of(r, 95, "%"), "股东户");
    assert_string_equal(subject_of(r, 90, "%"), "行政村");
    assert_null(find(r, 70, "%"));
    assert_non_null(find(r, 40, "%"));
    assert_null(find(r, 60, "%"));
    assert_non_null(find(r, 6412, "户"));
    assert_null(find(r, 412, "户"));
    assert_null(find(r, 1, "个"));
    assert_null(find(r, 1, "条"));
    rp_extract_result_free(r);
    /* a neighbour of the body's level named after 隔壁, then 人家, and 我们
     * again; 乡里的 before a village; a body named by a place's stem; a
     * 的 clause or a qualified noun as the topic of a bare figure; a
     * total after a clause between; views reported stop the noun */
    r = run("檵山县蓍埠镇秸秆禁烧工作讲话\n"
            "　　隔壁蔸塘镇，去年被卫星抓到火点4个，全县通报。今年人家收储秸秆逾9千吨，"
            "我们比人家少收了将近三千吨。\n"
            "　　葎塘乡卫生院地处山区。乡里的柟木村离卫生院最远，为村里老人建立健康档案二百一十七份。\n"
            "　　其中啊，机械粉碎还田的，两万一千多亩；打捆离田的，6,450吨。\n"
            "　　种植面积50亩以上的大户，全镇有一百二十七户。\n"
            "　　今年新建院士专家工作站2个，分别落户蓍埠茶业有限公司和蕹坪乡高山蔬菜产业园，全县累计达到9个。\n"
            "　　调查显示，8.7%的受访企业反映办事难。\n");
    assert_string_equal(region_of(r, 4, "个"), "蔸塘镇");
    assert_string_equal(region_of(r, 9000, "吨"), "蔸塘镇");
    assert_string_equal(region_of(r, 3000, "吨"), "檵山县蓍埠镇");
    assert_string_equal(region_of(r, 217, "份"), "葎塘乡柟木村");
    assert_string_equal(subject_of(r, 21000, "亩"), "机械粉碎还田");
    assert_string_equal(subject_of(r, 6450, "吨"), "打捆离田");
    assert_string_equal(subject_of(r, 127, "户"), "种植面积50亩以上的大户");
    assert_non_null(strstr(subject_of(r, 9, "个"), "院士专家工作站"));
    assert_string_equal(subject_of(r, 8.7, "%"), "受访企业");
    rp_extract_result_free(r);
    r = run("檠川县人民法院工作报告\n"
            "　　全院受理案件9,738件。\n"
            "　　欓溪人民法庭地处东部山区，服务欓溪镇近3.6万名群众。法庭全年受理案件628件。\n"
            "　　全院审结案件9,200件。\n");
    assert_string_equal(region_of(r, 36000, "名"), "欓溪镇");
    assert_string_equal(region_of(r, 628, "件"), "欓溪镇");
    assert_string_equal(region_of(r, 9200, "件"), "檠川县");
    rp_extract_result_free(r);
}

static void round39_language(void **state)
{
    (void)state;
    /* counts with 头 in Chinese numerals and runs of a line in 班; what
     * each of those counted has, what a thing is taken as, how far a place
     * lies, buildings and phases named in a list: no counts */
    rp_extract_result *r =
        run("荪塘县畜牧和交通工作汇报\n"
            "全县牛存栏3.2万头、出栏一万一千余头。菁口镇羊存栏九千八百头。\n"
            "菁口至县城班线由每天4班加密到12班。高龄津贴由每月300元调整为350元。\n"
            "全县仍有3个司法所仅有1名工作人员。\n"
            "我们把康复、就业当作三件大事来抓。大峡谷离市区也就100公里，新建隔离带5公里。\n"
            "对8栋、11栋等无电梯楼栋的老人送餐上门。居民多住在康乐里一期、二期回迁小区。\n"
            "全县有省级重点村5个、市级的十一个。\n");
    assert_non_null(find(r, 11000, "头"));
    assert_non_null(find(r, 9800, "头"));
    assert_string_equal(subject_of(r, 4, "班"), "菁口至县城班线");
    assert_string_equal(subject_of(r, 12, "班"), "菁口至县城班线");
    assert_string_equal(subject_of(r, 350, "元"), "高龄津贴");
    assert_non_null(find(r, 3, "个"));
    assert_null(find(r, 1, "名"));
    assert_null(find(r, 3, "件"));
    assert_null(find(r, 100, "公里"));
    assert_non_null(find(r, 5, "公里"));
    assert_null(find(r, 8, "栋"));
    assert_null(find(r, 11, "栋"));
    assert_null(find(r, 2, "期"));
    assert_non_null(find(r, 5, "个"));
    rp_extract_result_free(r);
    /* a route, a term with 社区, a kind of land and 直接 name no place; a
     * village's own people keep it; 这个村 refers back; the cause opens a
     * relative clause; a spoken filler is dropped */
    r = run("荪塘县工作汇报\n"
            "全年新接收社区矫正对象一百四十七人。\n"
            "（一）苘坪乡。苘坪乡完成危桥改造九座。柂岭村村民自愿让地十六亩。\n"
            "苘坪乡：山区乡，今年清理空壳社四十多家。\n"
            "火灾统计：蓼城街道直接财产损失96.25万元。\n"
            "局长：蘅口村是今年新评上的重点村。这个村现在开了民宿三十二家。\n"
            "二是全县仍有3座四类危桥因资金未落实尚未开工。还新建了旅游步道12.6公里。"
            "乡村旅游收入嗯……12.7亿元左右。\n");
    assert_string_equal(region_of(r, 16, "亩"), "苘坪乡柂岭村");
    assert_string_equal(region_of(r, 147, "人"), "荪塘县");
    assert_string_equal(region_of(r, 40, "家"), "苘坪乡");
    assert_string_equal(region_of(r, 962500, "元"), "蓼城街道");
    assert_string_equal(region_of(r, 32, "家"), "苘坪乡蘅口村");
    assert_string_equal(subject_of(r, 3, "座"), "因资金未落实尚未开工的四类危桥");
    assert_string_equal(subject_of(r, 12.6, "公里"), "旅游步道");
    assert_string_equal(subject_of(r, 1270000000, "元"), "乡村旅游收入");
    rp_extract_result_free(r);
}

static void round37_language(void **state)
{
    (void)state;
    /* a county's paragraph keeps its place after a township's sentence; a
     * list of places is no paragraph topic */
    rp_extract_result *r =
        run("蓂水市农业农村局关于高标准农田建设的报告\n"
            "2024年度，省下达我市建设任务10.2万亩，项目分布在茺岭县、蘩溪县和葭城区。全市共抽查田块960块。\n"
            "（一）茺岭县。全县打机井八十六眼。蓼口镇新建泵站7座，解决了排涝问题。验收中共返工渠道0.8公里。\n");
    assert_string_equal(region_of(r, 960, "块"), "蓂水市");
    assert_string_equal(region_of(r, 7, "座"), "蓼口镇");
    assert_string_equal(region_of(r, 0.8, "公里"), "茺岭县");
    rp_extract_result_free(r);
    /* figures listed by place after 从X看 measure X, each its place's, and
     * hours of service are a measure; a rank's 以 and a bar's relative
     * clause; a body of a place in a bracket label; 续约 is no 约 */
    r = run("蘩溪县文明实践中心第三季度通报\n"
            "从服务时长看，排名前三位的依次是芷塘镇21,300小时、莳川镇1.8万余小时、蕤坪乡近9千小时。\n"
            "从活动场次看，莳川镇以四百一十二场次位列第1名。全县仍有2个村实践站本季度开展活动不足3场。\n"
            "【葭城街道社区卫生服务中心】上半年完成签约、续约3.2万人，对2名单位负责人进行提醒谈话，4家长者食堂通过验收。\n");
    assert_string_equal(region_of(r, 21300, "小时"), "芷塘镇");
    assert_string_equal(subject_of(r, 21300, "小时"), "服务时长");
    assert_false(find(r, 21300, "小时")->optional);
    assert_string_equal(region_of(r, 18000, "小时"), "莳川镇");
    assert_string_equal(region_of(r, 9000, "小时"), "蕤坪乡");
    assert_string_equal(subject_of(r, 412, "场次"), "活动场次");
    assert_string_equal(subject_of(r, 2, "个"), "本季度开展活动不足3场的村实践站");
    assert_string_equal(region_of(r, 32000, "人"), "葭城街道");
    assert_int_equal(find(r, 32000, "人")->approx, RP_APPROX_EXACT);
    assert_non_null(find(r, 2, "名"));
    assert_non_null(find(r, 4, "家"));
    rp_extract_result_free(r);
    /* a speaker's turn in minutes ends the last speaker's village; 代表们走村
     * is no place */
    r = run("蘩溪县芷塘镇入户排查推进会会议纪要\n"
            "　　王某某（荩田村）汇报：荩田村地处山区，网格员9名，按照要求逐户建立台账，"
            "通过电话、微信视频完成信息核对，排查农户640户。\n"
            "　　李某某（镇派出所）汇报：派出所抽调民警、辅警随网格员入户，采集更新信息超过一万条，"
            "走访沿街商户逾200家。\n"
            "　　年底代表们走村入户，走访选民三百余户。\n");
    assert_string_equal(region_of(r, 640, "户"), "荩田村");
    assert_string_equal(region_of(r, 10000, "条"), "蘩溪县芷塘镇");
    assert_string_equal(region_of(r, 300, "户"), "蘩溪县芷塘镇");
    rp_extract_result_free(r);
    /* 全县 as a modifier keeps the paragraph's place; a dash names the body
     * the sentence is about */
    r = run("蘩溪县文明实践中心通报\n"
            "　　（一）葭城街道。街道依托9个社区实践站，组建楼栋志愿服务队，本季度参与志愿服务3,120人次。"
            "全县统一编号的第7号实践站——芫湾社区实践站服务学生600余人次。站内活动室可同时容纳80人。\n");
    assert_string_equal(region_of(r, 600, "人次"), "葭城街道芫湾社区");
    assert_string_equal(region_of(r, 80, "人"), "葭城街道");
    rp_extract_result_free(r);
}

static void round36_language(void **state)
{
    (void)state;
    /* a village's groups named in lists and points; 户主动 is no householder;
     * the whole township right before the count */
    rp_extract_result *r =
        run("荨水县莙塘镇樗岭村党支部2025年度工作报告\n"
            "　　村集体经济收入41.6万元，在全镇23个村里排第4位。现在全镇已有11个村跟着种油茶。\n"
            "　　第三村民小组那段路要占地，组里42户人家有38户主动让了地。\n"
            "　　新建集中供水点两处，7组、8组高山上的87户吃上了放心水。\n"
            "　　问题也不少：一是5组留在家里的年轻人不足10人；三是5组、6组还有19户没通自来水。\n"
            "　　镇里工作人员为5组老兵家庭挂上光荣牌。\n");
    assert_string_equal(region_of(r, 23, "个"), "荨水县莙塘镇");
    assert_string_equal(region_of(r, 11, "个"), "荨水县莙塘镇");
    assert_non_null(find(r, 38, "户"));
    assert_null(find(r, 7, "组"));
    assert_null(find(r, 8, "组"));
    assert_null(find(r, 5, "组"));
    assert_null(find(r, 6, "组"));
    assert_non_null(find(r, 10, "人"));
    assert_string_equal(region_of(r, 19, "户"), "荨水县莙塘镇樗岭村"); /* a new point: no group */
    rp_extract_result_free(r);
    /* ages of one person and of a band selecting people; what one prepares
     * to do; 我们镇 is the speaker's own */
    r = run("榅江县菘湾镇纪委书记在村务监督委员会培训会上的讲话\n"
            "　　对16至59周岁有就业意愿的脱贫劳动力实行帮扶，共帮扶300人。他说：“我十八岁当兵，打过仗。”\n"
            "　　全县去年查处村干部违纪违法问题一百零六起，我们镇是9起，比苈桥镇少4起。\n"
            "　　下半年，镇纪委还准备对各村开展两轮交叉检查。为迎接检查，共准备了防汛物资1200件。\n"
            "　　第三个案例是隔壁苈桥镇蕖塘村的。蕖塘村的监委会主任发现名单上有5个人常年在外打工，冒领了近13万元。\n");
    assert_null(find(r, 16, "岁"));
    assert_null(find(r, 59, "岁"));
    assert_null(find(r, 18, "岁"));
    assert_non_null(find(r, 300, "人"));
    assert_string_equal(region_of(r, 9, "起"), "榅江县菘湾镇");
    assert_null(find(r, 2, "轮"));
    assert_non_null(find(r, 1200, "件"));                        /* 准备了: made ready */
    assert_string_equal(region_of(r, 5, "人"), "苈桥镇蕖塘村");  /* named in full before */
    rp_extract_result_free(r);
    /* words that end in a suffix character are no places; a place within the
     * paragraph's, named mid-clause, holds for its sentence */
    r = run("桤州市发展党员工作质量统计分析\n"
            "（一）椤湾区。全年发展党员486名。区委组织部在楂林街道试点积分管理，街道辖区非公企业全年发展党员38名。\n"
            "（二）蔺坪县。受山区人口外流影响，大专及以上学历的新党员占比为41.3%。\n"
            "🔹走访慰问驻区部队和民兵分队，送去慰问品折合近30万元。\n");
    assert_string_equal(region_of(r, 486, "名"), "椤湾区");
    assert_string_equal(region_of(r, 38, "名"), "楂林街道");
    assert_string_equal(region_of(r, 41.3, "%"), "蔺坪县");
    assert_string_equal(region_of(r, 300000, "元"), "桤州市");
    rp_extract_result_free(r);
    /* a speaker's hedges and sums are no part of what is counted */
    r = run("菘湾镇纪委书记在培训会上的讲话\n"
            "　　这个群里，在外面打工的差不多有两千多人。村里一共发放补贴9.36万元。\n");
    assert_string_equal(subject_of(r, 2000, "人"), "在外面打工");
    assert_string_equal(subject_of(r, 93600, "元"), "补贴");
    rp_extract_result_free(r);
    /* a rare character's own form, not OpenCC's analogical simplification */
    r = run("檵川县人社局半年工作总结\n檵木村新增就业岗位120个。\n");
    assert_string_equal(region_of(r, 120, "个"), "檵木村");
    rp_extract_result_free(r);
}

static void round35_language(void **state)
{
    (void)state;
    /* a plan and what was done: only the done figure counts */
    rp_extract_result *r =
        run("璩水县2025年度党员教育培训计划执行情况报告\n"
            "计划举办村党组织书记专题培训班3期，已完成1期，培训村党组织书记96名。\n"
            "全年计划轮训农村党员8,000人次，实际轮训8,652人次。年度计划投入培训经费150万元，实际投入163.4万元。\n"
            "年度计划确定的重点任务已完成16项。完成全年计划的92%。\n"
            "力争全年进出口总额突破95亿元，实际利用外资5,000万美元以上。\n");
    assert_non_null(find(r, 1, "期"));
    assert_non_null(find(r, 96, "名"));
    assert_null(find(r, 3, "期"));
    assert_null(find(r, 8000, "人次"));      /* 全年计划 + a verb: planned */
    assert_non_null(find(r, 8652, "人次"));
    assert_null(find(r, 1500000, "元"));
    assert_non_null(find(r, 1634000, "元"));
    assert_non_null(find(r, 16, "项"));      /* 年度计划确定的: the plan as a noun */
    assert_non_null(find(r, 92, "%"));
    assert_null(find(r, 50000000, "美元"));  /* 力争 rules its sentence */
    rp_extract_result_free(r);
    /* bars, hovering, parts made one; a respective list where the sentence opens */
    r = run("鹧鸪岭镇党建积分制第三季度考评通报\n"
            "麂子坳村、黄荆村得分低于80分。还有9个村在10万元上下徘徊。\n"
            "建立“四位一体”工作机制。\n"
            "茶亭村、竹篙塘村党员积分台账规范，本季度分别开展主题党日活动6次、5次。\n");
    assert_null(find(r, 80, "分"));
    assert_null(find(r, 100000, "元"));
    assert_non_null(find(r, 9, "个"));
    assert_null(find(r, 4, "位"));
    assert_string_equal(region_of(r, 6, "次"), "茶亭村");
    assert_string_equal(region_of(r, 5, "次"), "竹篙塘村");
    rp_extract_result_free(r);
    /* an office holder reports on the place; an estate in a community; 同属 */
    r = run("蓁州市召开2024年度抓基层党建述职评议会\n"
            "会议由市委组织部主持，全市共有21名书记参加。\n"
            "棣阳县委书记周文澜述职时介绍，该县全年整合各类涉农资金2.36亿元。\n"
            "芫川县橼岗乡党委书记蒋明亮述职时介绍，橼岗乡地处深山，党员老龄化问题突出。该乡新建联合党支部27个。\n"
            "点评棣阳县时，他直言：“收入50万元以上的村虽然有43个，但还有9个村在10万元上下徘徊。”\n"
            "（四）棠樾社区：棠樾社区为回迁安置社区，棠樾新村共居住近两千户居民，同属棠樾社区的还有3个小区。\n");
    assert_string_equal(region_of(r, 236000000, "元"), "棣阳县");
    assert_string_equal(region_of(r, 27, "个"), "芫川县橼岗乡");
    assert_string_equal(region_of(r, 43, "个"), "棣阳县");
    assert_string_equal(subject_of(r, 43, "个"), "村"); /* 虽然 leaves it */
    assert_string_equal(region_of(r, 2000, "户"), "棠樾社区");
    assert_string_equal(region_of(r, 3, "个"), "棠樾社区");
    rp_extract_result_free(r);
}

static void round34_language(void **state)
{
    (void)state;
    /* a speaker turns from village to village; a value reached leaves out its unit */
    rp_extract_result *r =
        run("蓼岑县雁鹅坪镇党建引领乡村振兴工作汇报\n"
            "　　去年镇党委定了一条：党建引领，村村都要有当家产业。全镇发展党员14名。\n"
            "　　先说鹞子岩村。鹞子岩是个石头窝窝，种粮食不行。合作社流转土地六百八十亩。\n"
            "　　再看芦花湾村，就是大家上午看的这个点。全村发展民宿23家。\n"
            "　　枧槽村呢，底子最薄。村集体经济收入从去年的8万多块钱涨到今年的26万。\n");
    assert_null(find(r, 1, "条"));                                  /* one thing, then what */
    assert_string_equal(region_of(r, 680, "亩"), "鹞子岩村");       /* 先说: no part of the name */
    assert_string_equal(region_of(r, 23, "家"), "芦花湾村");
    assert_string_equal(region_of(r, 260000, "元"), "枧槽村");      /* 26万: the base's 元 */
    assert_string_equal(subject_of(r, 260000, "元"), "村集体经济收入");
    rp_extract_result_free(r);
    /* a bracketed label names the item's community; a verb ends the noun after a count */
    r = run("樟汀县榆荫街道“双报到”工作综述\n"
            "【杏花社区】县第二中学、县人民医院等9家单位到杏花社区报到。县第二中学32名教师党员开设“四点半课堂”。\n"
            "【县委党校】举办培训班3期。\n"
            "全街道建立“两新”党组织29个，有党员514名。县交通运输局等6家单位报到后，认领项目12个。\n"
            "全年共有326名高层次人才享受该政策，新招收进站博士后38名。\n"
            "2025年末全街道注册志愿者4,120名，6月底全街道发展党员12名，末梢水水样检测60份。\n");
    assert_string_equal(region_of(r, 9, "家"), "杏花社区");
    assert_string_equal(region_of(r, 3, "期"), "樟汀县榆荫街道");  /* no place in the label */
    assert_string_equal(subject_of(r, 32, "名"), "教师党员");
    assert_string_equal(subject_of(r, 514, "名"), "党员");          /* 有: being, not the noun */
    assert_string_equal(subject_of(r, 6, "家"), "单位");
    assert_string_equal(subject_of(r, 326, "名"), "高层次人才");
    assert_non_null(find(r, 38, "名"));                            /* 博士后: no rank */
    assert_string_equal(subject_of(r, 4120, "名"), "注册志愿者");   /* 年末: a date, all of it */
    assert_string_equal(subject_of(r, 12, "名"), "发展党员");
    assert_string_equal(subject_of(r, 60, "份"), "末梢水水样检测");
    rp_extract_result_free(r);
    /* a place's own 两委; a partner that is no place; a county-level city */
    r = run("茛川县村（社区）“两委”换届工作总结\n"
            "（五）各乡镇亮点纷呈。苘溪镇“两委”成员平均年龄下降8.1岁，降幅居全县首位。\n"
            "新一届村“两委”成员平均年龄下降6.3岁。\n");
    assert_string_equal(region_of(r, 8.1, "岁"), "苘溪镇");
    assert_string_equal(region_of(r, 6.3, "岁"), "茛川县");          /* 届: no name */
    rp_extract_result_free(r);
    r = run("峤南市人才工作年度综述\n"
            "漪澜区建成人才服务综合体，全年办理服务事项6,300余件。\n"
            "苹洲市与省内高校共建产业研究院2家。\n");
    assert_string_equal(region_of(r, 6300, "件"), "漪澜区");
    assert_string_equal(region_of(r, 2, "家"), "苹洲市");
    rp_extract_result_free(r);
}

static void round33_language(void **state)
{
    (void)state;
    /* a story's heading names its village; the story names it in full */
    rp_extract_result *r =
        run("芩溪县：驻村第一书记的帮扶故事\n"
            "【高岩村：“交通书记”修通致富路】\n"
            "栎坳镇高岩村位于大山深处。2021年6月，县交通运输局干部向卫东作为第七批驻村第一书记来到这里，"
            "他带着村干部跑项目、争资金，三年来共争取交通项目资金1,260万元。\n"
            "高岩村的集体经济收入从2020年的不足2万元，增长到2024年的31.5万元。"
            "“今年有望突破40万元。”向卫东说。\n"
            "【黄泥塘村：屋顶上的“阳光存折”】\n"
            "柘垭镇黄泥塘村是县财政局的联系帮扶村。2024年3月，第八批驻村第一书记罗建平到任，"
            "他是这个村的第三任第一书记，也是一位好干部。\n"
            "目前电站总装机容量达到300千瓦。\n"
            "【鸭婆洲村：第一书记成了“带货主播”】\n"
            "“家人们，这是我们白沙铺镇鸭婆洲村的富硒大米。”第一书记蒋一鸣正在镜头前吆喝。\n"
            "一年多来，他带着村民直播带货三百余场，培训学员时最小的今年刚满26岁。\n"
            "据县乡村振兴局介绍，全县有32名第一书记被评为“优秀”等次。\n");
    assert_string_equal(region_of(r, 12600000, "元"), "栎坳镇高岩村");
    assert_string_equal(region_of(r, 315000, "元"), "栎坳镇高岩村"); /* named briefly */
    assert_string_equal(subject_of(r, 20000, "元"), "集体经济收入");  /* 从2020年: when */
    assert_string_equal(subject_of(r, 315000, "元"), "集体经济收入增长");
    assert_null(find(r, 400000, "元"));                               /* 有望: expected */
    assert_string_equal(region_of(r, 300, "千瓦"), "柘垭镇黄泥塘村"); /* 驻村 is no village */
    assert_string_equal(region_of(r, 300, "场"), "白沙铺镇鸭婆洲村");
    assert_null(find(r, 26, "岁"));                                   /* one person's age */
    assert_string_equal(region_of(r, 32, "名"), "芩溪县");
    rp_extract_result_free(r);
    /* a partner's places: who acts, who sends, where */
    r = run("岑峪县2024年东西部协作工作情况报告\n"
            "按照结对模式，澜江市5个区与我县12个乡镇建立结对关系。\n"
            "雁坪镇与澜江市鹿湖区结对后，争取帮扶资金860万元，建成帮扶车间3个，茶叶亩均增收约1,200元，"
            "带动脱贫户就业210人，实现了产业发展和群众增收的双赢。\n"
            "在栗木乡，鹿湖区丹桂街道选派的挂职副乡长周永明牵头发展食用菌产业，建成大棚48个。\n"
            "白岩镇：依托澜江市援建资金540万元，改造提升镇卫生院，澜江市第二人民医院派驻医生5名常驻，"
            "填补了镇卫生院多项技术空白，门诊量同比增长23%。\n"
            "全镇14个村（社区）集体经济收入全部突破10万元。全县旅游收入突破3亿元。\n");
    assert_string_equal(region_of(r, 12, "个"), "岑峪县");     /* 我县: the document's own */
    assert_string_equal(region_of(r, 8600000, "元"), "雁坪镇"); /* 与 a partner: this place acts */
    assert_string_equal(region_of(r, 48, "个"), "栗木乡");     /* the sender is elsewhere */
    assert_string_equal(region_of(r, 5, "名"), "白岩镇");      /* a partner city's body */
    assert_string_equal(region_of(r, 23, "%"), "白岩镇");
    assert_null(find(r, 100000, "元"));                        /* the bar all of them pass */
    assert_non_null(find(r, 300000000, "元"));                 /* a level reached */
    rp_extract_result_free(r);
    /* a numbered paragraph set in its community; a building of an estate */
    r = run("沅湄区桂枝街道2025年工作总结\n"
            "二、各社区特色亮点\n"
            "（一）幸福里社区聚焦老旧小区改造，全年完成加装电梯23部。\n"
            "（二）在东园社区，停车难曾是居民反映最集中的问题。全年新增停车位386个。\n"
            "社区在滨江花园小区5栋开设“红色驿站”，锦绣小区5栋楼完成外墙改造。\n"
            "全年发展党员2,310名，比上年减少五十七名。\n");
    assert_string_equal(region_of(r, 386, "个"), "东园社区");
    assert_int_equal(count_of(r, 5, "栋"), 1); /* 小区5栋开设: an address; 5栋楼 counts */
    assert_string_equal(subject_of(r, 57, "名"), "发展党员比上年减少");
    rp_extract_result_free(r);
}

static void round32_language(void **state)
{
    (void)state;
    /* a village's groups: places of their sentence, never counts */
    rp_extract_result *r =
        run("茈溪县樟垭镇楮塘村2024年村务工作报告\n"
            "第三件，3组新修了一座漫水桥。第五村民小组那段断头路打通了四百一十米。"
            "二是大屋场组，打了两口饮水井。三组的李满仓，按老规矩要摆四十来桌。"
            "硬化通组公路三条。领导小组开会5次。\n");
    assert_null(find(r, 3, "组"));
    assert_string_equal(region_of(r, 1, "座"), "3组");
    assert_string_equal(region_of(r, 410, "米"), "第五村民小组");
    assert_string_equal(region_of(r, 2, "口"), "大屋场组");
    assert_string_equal(region_of(r, 40, "桌"), "茈溪县樟垭镇楮塘村"); /* a person's story */
    assert_string_equal(region_of(r, 3, "条"), "茈溪县樟垭镇楮塘村"); /* 通组: to each group */
    assert_string_equal(region_of(r, 5, "次"), "茈溪县樟垭镇楮塘村");
    rp_extract_result_free(r);
    r = run("荻溪镇2025年工作总结\n"
            "在枫林村，驻村工作队逐户摸排饮水难题。该村5组新建蓄水池2口，全组38户喝上了放心水。"
            "村里全年村集体经济收入达到53.7万元。\n"
            "青龙村：在该村七组山顶新建高位水池1座，全村饮水保障率达到百分之百。\n");
    assert_string_equal(region_of(r, 2, "口"), "5组");
    assert_string_equal(region_of(r, 38, "户"), "5组");
    assert_string_equal(region_of(r, 537000, "元"), "枫林村"); /* the group held one sentence */
    assert_string_equal(region_of(r, 1, "座"), "七组");
    assert_string_equal(region_of(r, 100, "%"), "青龙村");     /* 全村: the whole village again */
    rp_extract_result_free(r);
    /* a zone's parks and 片区, named without 区 */
    r = run("篁川县产业园区管理委员会2025年上半年工作情况汇报\n"
            "1—6月，园区新入驻企业47家。\n"
            "柘坝物流园：二期NA-03-07地块完成平整，上半年完成货物吞吐量约410万吨。\n"
            "南岸片区：上半年新入驻企业9家。\n"
            "雁洲智造小镇：入驻企业累计达到41家。\n"
            "砚北智造产业园规上工业企业52家。\n");
    assert_string_equal(region_of(r, 47, "家"), "篁川县产业园区");
    assert_string_equal(region_of(r, 4100000, "吨"), "柘坝物流园");
    assert_null(find(r, 2, "期"));                              /* 二期NA-03-07: a phase */
    assert_string_equal(region_of(r, 9, "家"), "南岸片区");
    assert_string_equal(region_of(r, 41, "家"), "雁洲智造小镇");
    assert_string_equal(region_of(r, 52, "家"), "砚北智造产业园"); /* 规上: its firms */
    rp_extract_result_free(r);
    r = run("筠塘县教育局2024年工作总结\n"
            "城北片区现有小规模学校23所。\n");
    assert_string_equal(region_of(r, 23, "所"), "筠塘县");      /* no zone: a kind of area */
    rp_extract_result_free(r);
    /* turns, examples, and what is no measure */
    r = run("芎阳县秋季开学新闻发布会\n"
            "唐秀芝：第二个问题，乡镇这块。举个例子，榴溪镇中心小学今年新建了一栋教学楼，新增学位540个。"
            "另外，我们给村小配了智慧黑板375块。\n"
            "芎阳日报记者：请问今年教育投入有哪些安排？\n"
            "蒋立成：今年县财政安排教育支出11.36亿元，补助标准是5元/生/天。\n"
            "杪溪镇试点医保服务不出村，全年办理业务6,300余件。栗垭乡设立结算窗口，结算时间缩短约20分钟。\n"
            "医保服务热线全年受理咨询投诉6,845件。对出生后90天内办理参保登记的新生儿给予补助。\n"
            "全县生产总值列全市第3位，较上半年前移两位。近十年来最高。从医20多年来，始终坚持一线问诊。"
            "新开放的两个夜间文旅消费集聚区——“蓁水夜巷”和“古城灯市”，吸引游客逾15万人次。"
            "镇里将再采购编织袋1万条。城区一共新增学位3,200个左右。\n");
    assert_string_equal(region_of(r, 540, "个"), "榴溪镇");
    assert_non_null(find(r, 1, "栋"));
    assert_string_equal(region_of(r, 375, "块"), "芎阳县");     /* the example held its sentence */
    assert_string_equal(region_of(r, 1136000000, "元"), "芎阳县");
    assert_non_null(find(r, 5, "元/生/天"));
    assert_string_equal(region_of(r, 20, "分钟"), "栗垭乡");
    assert_string_equal(region_of(r, 6845, "件"), "芎阳县");    /* the examples' section ended */
    assert_null(find(r, 90, "天"));                             /* a limit that selects */
    assert_null(find(r, 2, "位"));                              /* a move in a ranking */
    assert_null(find(r, 10, "年"));                             /* 近十年来: a period */
    assert_non_null(find(r, 20, "年"));                         /* how long he has worked */
    assert_non_null(find(r, 2, "个"));                          /* two names follow */
    assert_string_equal(region_of(r, 150000, "人次"), "芎阳县"); /* “古城灯市” is a name */
    assert_null(find(r, 10000, "条"));                          /* 将再: the plan */
    assert_string_equal(subject_of(r, 3200, "个"), "城区新增学位");
    rp_extract_result_free(r);
}

static void round31_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("鳌汀县海洋与渔业局2024年渔业工作总结\n"
            "开展海上联合执法巡查186航次，增殖放流苗种二千六百八十万尾，工程进入收尾阶段。"
            "分红按七十元/人的标准发放，长寿保健金提高到600元/人/月，县城降尘量3.8吨/平方公里·月。"
            "亩均税收28.6万元/亩。砚北产业园三期12栋标准厂房已交付。"
            "年龄最大的周秀英老人今年已103岁。\n"
            "2025年，我局将以规划收官为契机，计划拆解老旧渔船30艘，增殖放流苗种3,000万尾以上。\n");
    assert_non_null(find(r, 186, "航次"));
    assert_non_null(find(r, 26800000, "尾"));
    assert_non_null(find(r, 70, "元/人"));                    /* a rate after a Chinese numeral */
    assert_non_null(find(r, 600, "元/人/月"));
    assert_non_null(find(r, 3.8, "吨/平方公里·月"));
    assert_non_null(find(r, 286000, "元/亩"));
    assert_null(find(r, 3, "期"));                            /* 三期: the park's phase */
    assert_non_null(find(r, 12, "栋"));
    assert_null(find(r, 103, "岁"));                          /* one person's age */
    assert_null(find(r, 30000000, "尾"));                     /* 将以…为契机: the plan */
    rp_extract_result_free(r);
    r = run("砚川县经济开发区管委会2024年工作回顾\n"
            "坚持带头招商，组团赴长三角、粤港澳大湾区开展产业链精准招商。全年新签约项目58个。\n");
    assert_string_equal(region_of(r, 58, "个"), "砚川县经济开发区"); /* not where they went */
    rp_extract_result_free(r);
    r = run("晗川星骏智能装备股份有限公司党委2024年度工作报告\n"
            "公司坐落于晗川县高新技术产业开发区，现有职工1,268人。\n");
    assert_string_equal(region_of(r, 1268, "人"), "晗川县"); /* a zone governs where it has a 管委会 */
    rp_extract_result_free(r);
}

static void round30_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("漪川县水利局2024年度工作总结\n"
            "全县现有水库64座。2024年承担省下达的病险水库除险加固任务19座。\n"
            "湄岗乡石门水库为小（1）型水库，建于上世纪七十年代，今年投入1,120万元对其实施"
            "除险加固，彻底消除了坝体渗漏隐患，下游群众的防洪安全得到保障。\n"
            "全面落实水库大坝安全行政、技术、巡查责任人，在每座水库显著位置设立责任人公示牌，"
            "分片举办责任人培训2期。\n"
            "泠水乡梨树坳村地处海拔900多米的高寒山区，硬化3.5米宽通组道路4.6公里。"
            "确定实事项目8项，涵盖民生保障、基础设施、产业发展三个方面。"
            "“春蕾计划”资助困境女童118名。对12个月内两次以上被查出隐患的企业从严管理。"
            "发射火箭弹158枚、高炮人雨弹1,240发，耕地质量平均提高0.5个等级。\n");
    assert_string_equal(region_of(r, 19, "座"), "漪川县");      /* 承担省: no province */
    assert_string_equal(region_of(r, 11200000, "元"), "湄岗乡");
    assert_string_equal(region_of(r, 2, "期"), "漪川县"); /* the example was one paragraph */
    assert_null(find(r, 900, "米"));                          /* an altitude places */
    assert_null(find(r, 3.5, "米"));                          /* a width describes */
    assert_non_null(find(r, 4.6, "公里"));
    assert_null(find(r, 3, "个"));                            /* aspects of a whole */
    assert_non_null(find(r, 118, "名"));                      /* “春蕾计划”: a name */
    assert_null(find(r, 12, "个月"));                         /* a window that selects */
    assert_non_null(find(r, 1240, "发"));
    assert_non_null(find(r, 0.5, "等级"));
    rp_extract_result_free(r);
    r = run("枳坪镇青冈坳村驻村第一书记2024年度述职发言\n"
            "头一件，摸底子。二是大屋场组，新修了一座过河便桥，打了两口饮水井。"
            "去年发展了一名年轻党员，树立了四个意识。\n"
            "全镇十四名驻村第一书记都要向他学习。\n");
    assert_null(find(r, 1, "件"));                            /* 头一件: the first */
    assert_non_null(find(r, 1, "座"));
    assert_non_null(find(r, 2, "口"));
    assert_non_null(find(r, 1, "名"));
    assert_null(find(r, 4, "个"));                            /* ideas are not built */
    assert_string_equal(region_of(r, 14, "名"), "枳坪镇");    /* 全镇 in a village's document */
    rp_extract_result_free(r);
    r = run("苌川县财政局关于预算执行情况的报告\n"
            "一般公共预算支出完成18.63亿元，同比增长4.1%。汛期（4—9月）降水量1,379.6毫米。\n");
    assert_string_equal(subject_of(r, 4.1, "%"), "一般公共预算支出同比增长"); /* not 完成 */
    assert_string_equal(subject_of(r, 1379.6, "毫米"), "汛期降水量");     /* the months note */
    rp_extract_result_free(r);
}

static void round29_language(void **state)
{
    (void)state;
    rp_extract_result *r = run("石窠村党总支书记述职报告\n"
                               "村党总支领办合作社，带动农户逾480户入社。邀请农技专家300余名授课。"
                               "分红标准50元/人，屋里就剩老两口。\n");
    assert_string_equal(subject_of(r, 480, "户"), "带动农户"); /* not 入社 */
    assert_string_equal(subject_of(r, 300, "名"), "农技专家");
    assert_string_equal(find(r, 50, "元/人")->unit_kind, "price");
    assert_null(find(r, 2, "口")); /* 老两口: a couple */
    rp_extract_result_free(r);
}

static void round27_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("国家税务总局岑澧县税务局文件\n"
            "全县组织税费收入28.67亿元。以安全生产十五条措施为主线,排查隐患120处。\n"
            "设半程马拉松（21.0975公里）和5公里欢乐跑两个项目。家住城南社区的刘阿姨今年68岁。\n"
            "柘塘村两年内换了三任支书,带领村“两委”流转土地逾860亩发展油茶。\n"
            "经营性收入不足5万元的村还有6个。\n"
            "职工书屋，全县已经有六十四家。目前，全县共有驿站31家。\n");
    assert_string_equal(region_of(r, 2867000000, "元"), "岑澧县"); /* the national body's office */
    assert_null(find(r, 15, "条"));        /* a package of rules by its name */
    assert_null(find(r, 21.0975, "公里")); /* the race's distance */
    assert_null(find(r, 68, "岁"));        /* one person's age */
    assert_string_equal(region_of(r, 860, "亩"), "柘塘村");
    assert_string_equal(subject_of(r, 6, "个"), "村"); /* not 村还: 还 before 有 trims */
    assert_string_equal(subject_of(r, 64, "家"), "职工书屋");
    assert_string_equal(subject_of(r, 31, "家"), "驿站"); /* 目前 is no topic */
    rp_extract_result_free(r);
}

static void round26_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("茆川县2024年度审计工作报告\n"
            "一、县本级预算执行和决算草案审计情况\n"
            "县本级一般公共预算收入总量52.41亿元。二是无预算、超预算拨付资金6笔,合计486万元。"
            "在对桐岗镇的延伸审计中,发现该镇以虚假合同套取衔接资金46.8万元。"
            "全县接待到馆读者约38万人次,日均超过1,000人次;各村均超过10户。\n"
            "今年新建10kV桂坪Ⅲ线、10kV桂坪Ⅳ线两条联络线路,守住两条底线。"
            "一是山区部分台区供电半径超过500米。全县28家A级旅游景区全部开放。"
            "新增持证读者6,180人乐鱼体育app,假期接待游客138.62万人次,同比增长16.4%,"
            "按可比口径较2019年同期增长21.7%。县总工会将拿出100万元。\n"
            "2025年,团县委计划发展新团员1,300名左右,新组建青年突击队10支以上。\n"
            "棠坞镇外出务工青年较多,镇团委联合成立助学基金,今年资助本镇学生126名。\n"
            "全县结对空巢老人200人。\n"
            "7月18日夜间,麂角乡遭受强雷暴袭击,造成1,380户停电。\n"
            "用电高峰期间,公司削减高峰负荷1.2万千瓦左右,服务居民3,000户。\n"
            "这里要表扬一下栎溪镇,镇工会把驿站建到了集贸市场,一个镇就建了九个。"
            "全县建成驿站五十七个。\n"
            "01｜总分馆\n"
            "苔溪镇分馆与镇综合文化站合署运行,今年举办读书分享会、农技讲座36场,"
            "接待读者1.3万人次,服务范围覆盖全镇各村和学校,深受群众欢迎和好评。\n"
            "02｜志愿服务\n"
            "全年注册阅读推广志愿者420余名,累计服务时长约6,800小时,"
            "帮助整理上架图书超过5万册,志愿服务队伍不断壮大,服务质量持续提升。\n"
            "少儿区则被绘本牢牢霸榜。全年新增纸质图书2.4万册。楂岭古镇接待游客31.26万人次。\n");
    assert_non_null(find(r, 5241000000, "元"));  /* 决算草案: the year past, no plan */
    assert_string_equal(subject_of(r, 4860000, "元"), subject_of(r, 6, "笔")); /* 合计 */
    assert_string_equal(region_of(r, 468000, "元"), "桐岗镇");
    assert_non_null(find(r, 1000, "人次"));        /* 日均: an average, not "each" */
    assert_null(find(r, 10, "户"));                /* 各村均超过: a bound */
    assert_non_null(find(r, 2, "条"));             /* two lines built */
    assert_int_equal(count_of(r, 2, "条"), 1);     /* 两条底线: a slogan */
    assert_null(find(r, 500, "米"));               /* 部分台区…超过: a bound */
    assert_string_equal(subject_of(r, 28, "家"), "A级旅游景区");
    assert_string_equal(subject_of(r, 6180, "人"), "新增持证读者");
    assert_string_equal(subject_of(r, 21.7, "%"), "假期接待游客较2019年同期增长");
    assert_null(find(r, 1000000, "元"));           /* 将拿出: a plan */
    assert_null(find(r, 1300, "名"));
    assert_null(find(r, 10, "支"));                /* the plan's second clause */
    assert_string_equal(region_of(r, 126, "名"), "棠坞镇");
    assert_string_equal(region_of(r, 200, "人"), "茆川县");
    assert_string_equal(region_of(r, 1380, "户"), "麂角乡");
    assert_string_equal(region_of(r, 12000, "千瓦"), "茆川县"); /* the incident's paragraph ended */
    assert_string_equal(region_of(r, 9, "个"), "栎溪镇");
    assert_string_equal(region_of(r, 57, "个"), "茆川县");
    assert_string_equal(region_of(r, 36, "场"), "苔溪镇");
    assert_string_equal(region_of(r, 420, "名"), "茆川县"); /* 02｜ closes the town's part */
    assert_string_equal(region_of(r, 24000, "册"), "茆川县"); /* 少儿区: a reading room */
    assert_string_equal(region_of(r, 312600, "人次"), "茆川县"); /* 古镇: a sight */
    rp_extract_result_free(r);
}

static void round25_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("蘅塘县人民政府工作报告\n"
            "城镇、农村居民人均可支配收入分别达到43,186元和21,940元,分别增长4.9%和7.2%。\n"
            "新建省级、市级示范村分别为3个和12个。\n"
            "刚才,街道党建办通报了前10个月工作进展。项目提前3个月完工,累计服务群众215人。\n"
            "2025年,县政府还将对剩余3家平台公司推进整合重组。\n"
            "对信用户贷款利率最多加点不超过150个基点。全县综合能耗7,412.6吨标准煤。\n"
            "用电量增减-3.5%。公共法律服务工作站今年接待来访群众1,200人次。\n"
            "年度爱心企业捐赠榜\nNo.1 华鑫建材有限公司 120万元\nNo.2 荨阳农村商业银行 86万元\n"
            "围绕上述目标,重点抓好以下工作:\n"
            "一是扎实办好民生实事。新增学位3,000个。\n");
    assert_string_equal(subject_of(r, 43186, "元"), "城镇居民人均可支配收入达到");
    assert_string_equal(subject_of(r, 21940, "元"), "农村居民人均可支配收入达到");
    assert_string_equal(subject_of(r, 4.9, "%"), "城镇居民人均可支配收入增长");
    assert_string_equal(subject_of(r, 7.2, "%"), "农村居民人均可支配收入增长");
    assert_string_equal(subject_of(r, 3, "个"), "新建省级示范村");
    assert_string_equal(subject_of(r, 12, "个"), "市级示范村");
    assert_null(find(r, 10, "个月"));  /* the first ten months: a period */
    assert_non_null(find(r, 215, "人"));
    assert_null(find(r, 3, "家"));     /* 还将: a plan */
    assert_non_null(find(r, 150, "基点"));
    assert_non_null(find(r, 7412.6, "吨标准煤"));
    assert_non_null(find(r, -3.5, "%")); /* 增减 + a minus sign */
    assert_string_equal(subject_of(r, 1200, "人次"), "公共法律服务工作站接待来访群众");
    assert_string_equal(subject_of(r, 1200000, "元"), "华鑫建材有限公司");
    assert_string_equal(subject_of(r, 860000, "元"), "荨阳农村商业银行");
    assert_null(find(r, 3000, "个"));  /* the work announced ahead */
    rp_extract_result_free(r);
}

static void round24_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("岫川县交警大队年度总结\n"
            "全县共发生道路交通事故168起,死亡27人,受伤142人,同比分别下降14.3%、18.2%、11.8%。\n"
            "民警查获一辆重型半挂车,驾驶人王某(52岁)被依法处罚。\n");
    assert_string_equal(subject_of(r, 14.3, "%"), "发生道路交通事故同比下降");
    assert_string_equal(subject_of(r, 18.2, "%"), "死亡同比下降");
    assert_string_equal(subject_of(r, 11.8, "%"), "受伤同比下降");
    assert_null(find(r, 52, "岁"));
    rp_extract_result_free(r);
    r = run("蔚溪县人民医院工作报告\n"
            "全年门急诊68.47万人次。药占比降至26.3%,同比下降1.9个百分点。\n"
            "枫坪分院(枫坪镇中心卫生院):全年完成手术218台次,住院人次同比增长27.5%。\n"
            "PM2.5年均浓度为31.6微克/立方米,同比下降7.1%,即下降2.4微克/立方米。\n");
    assert_string_equal(subject_of(r, 26.3, "%"), "药占比");
    assert_string_equal(subject_of(r, 1.9, "百分点"), "药占比同比下降");
    assert_string_equal(region_of(r, 218, "台次"), "枫坪镇");
    assert_string_equal(region_of(r, 27.5, "%"), "枫坪镇");
    assert_string_equal(region_of(r, 684700, "人次"), "蔚溪县");
    assert_string_equal(subject_of(r, 7.1, "%"), "PM2.5年均浓度同比下降");
    assert_string_equal(subject_of(r, 2.4, "微克/立方米"), "PM2.5年均浓度同比下降");
    rp_extract_result_free(r);
}

static void round23_language(void **state)
{
    (void)state;
    rp_extract_result *r =
        run("12348热线接听群众来电2.3万余通。直播间卖茶叶两千多单。派出5名医生进修,3名校长参加培训。\n"
            "全县司法所中仅有1名在编人员的有5个。合格率保留两位小数。大家中午饭都是轮流扒两口。\n"
            "社区在7栋与15栋之间新建充电棚两处。新建住宅楼12栋。\n"
            "合计月销售额未超过10万元(以1个季度为1个纳税期的,季度销售额未超过30万元)的,免征增值税。\n"
            "问:季度销售额不超过30万元,还需要缴纳增值税吗?县局对一类、二类出口企业实行容缺办理。\n");
    assert_non_null(find(r, 23000, "通"));
    assert_non_null(find(r, 2000, "单"));
    assert_non_null(find(r, 5, "名"));
    assert_non_null(find(r, 3, "名"));
    assert_non_null(find(r, 5, "个"));
    assert_null(find(r, 1, "名"));  /* 的有: it selects */
    assert_null(find(r, 2, "位"));  /* decimal places */
    assert_null(find(r, 2, "口"));  /* bites */
    assert_null(find(r, 7, "栋"));  /* where, not how many */
    assert_null(find(r, 15, "栋"));
    assert_non_null(find(r, 12, "栋"));
    assert_null(find(r, 100000, "元"));
    assert_null(find(r, 300000, "元"));
    assert_null(find(r, 1, "个"));
    assert_null(find(r, 1, "类"));
    rp_extract_result_free(r);
    r = run("樨川县人大常委会工作报告\n"
            "常委会表彰县“三八红旗手”12名,审查批准县本级新增地方政府债务限额4.35亿元。\n");
    assert_string_equal(region_of(r, 12, "名"), "樨川县");
    assert_string_equal(region_of(r, 435000000, "元"), "樨川县");
    rp_extract_result_free(r);
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
        cmocka_unit_test(bulletin_items),         cmocka_unit_test(village_branch_subject),
        cmocka_unit_test(comparison_base_subject), cmocka_unit_test(loose_text_table),
        cmocka_unit_test(sibling_count_region),
        cmocka_unit_test(quoted_speech_counts),   cmocka_unit_test(scene_paragraph_region),
        cmocka_unit_test(share_and_grade_subjects),
        cmocka_unit_test(infographic_figures),
        cmocka_unit_test(rank_bands_and_sizes),   cmocka_unit_test(place_chains_narrow),
        cmocka_unit_test(plans_and_modifiers),    cmocka_unit_test(speech_and_breakdowns),
        cmocka_unit_test(speaker_unit_narrows_region),
        cmocka_unit_test(round7_counts_and_bounds), cmocka_unit_test(site_name_prefixes_region),
        cmocka_unit_test(back_references),
        cmocka_unit_test(round8_regions_and_scales),
        cmocka_unit_test(round10_text_tables),    cmocka_unit_test(round10_language),
        cmocka_unit_test(round11_units_and_sections),
        cmocka_unit_test(round12_language),
        cmocka_unit_test(round13_language),
        cmocka_unit_test(round14_language),
        cmocka_unit_test(round15_language),
        cmocka_unit_test(round16_language),
        cmocka_unit_test(round17_language),
        cmocka_unit_test(round18_language),
        cmocka_unit_test(round19_language),
        cmocka_unit_test(round20_language),
        cmocka_unit_test(round21_language),
        cmocka_unit_test(round22_language),
        cmocka_unit_test(round23_language),
        cmocka_unit_test(bulletin_terms),
        cmocka_unit_test(round24_language),
        cmocka_unit_test(round25_language),
        cmocka_unit_test(round26_language),
        cmocka_unit_test(round27_language),
        cmocka_unit_test(round28_language),
        cmocka_unit_test(round29_language),
        cmocka_unit_test(round30_language),
        cmocka_unit_test(round31_language),
        cmocka_unit_test(round32_language),
        cmocka_unit_test(round33_language),
        cmocka_unit_test(round34_language),
        cmocka_unit_test(round35_language),
        cmocka_unit_test(round38_language),
        cmocka_unit_test(round39_language),
        cmocka_unit_test(round40_language),
        cmocka_unit_test(round41_language),
        cmocka_unit_test(round42_language),
        cmocka_unit_test(round37_language),
        cmocka_unit_test(round36_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
