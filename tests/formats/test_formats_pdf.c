/* PDF: reading order across columns, running headers and page numbers
 * removed, wrapped lines joined (the fixtures are rendered by gen_pdf). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "formats_util.h"
#include "rp_pdf.h"

static rp_pdf_text load(const char *name)
{
    char path[1024], err[256];
    fx_path(path, sizeof path, name);
    size_t len;
    char *pdf = fx_slurp(path, &len);
    assert_non_null(pdf);
    rp_pdf_text t;
    assert_int_equal(rp_pdf_to_text(pdf, len, &t, err, sizeof err), RP_DOC_OK);
    free(pdf);
    return t;
}

static const char *const PARAGRAPHS[] = {
    "全县共有基层党组织1326个，党员28450名。",
    "共排查整顿23个，选派第一书记46名驻村帮扶。",
    "全年举办各类培训班135期，培训党员干部9800余人次，其中村（社区）“两委”干部2140人次。",
    "全县群众满意度达到96.5%，较上年提高2.3个百分点。",
};

static void check_article(const rp_pdf_text *t)
{
    for (size_t i = 0; i < sizeof PARAGRAPHS / sizeof PARAGRAPHS[0]; i++)
        assert_non_null(strstr(t->text, PARAGRAPHS[i]));
    assert_null(strstr(t->text, "工作动态")); /* running header */
    assert_null(strstr(t->text, "- 1 -"));
    assert_null(strstr(t->text, "- 2 -"));
    /* reading order: the first section comes before the last one */
    const char *a = strstr(t->text, "聚焦组织建设"), *b = strstr(t->text, "聚焦为民服务");
    assert_non_null(a);
    assert_non_null(b);
    assert_true(a < b);
    assert_true(t->pages >= 2);
    assert_true(t->lines_dropped >= 4);
}

static void one_column(void **state)
{
    (void)state;
    rp_pdf_text t = load("article_1col.pdf");
    check_article(&t);
    assert_int_equal(t.pages_two_col, 0);
    rp_pdf_text_release(&t);
}

static void two_columns(void **state)
{
    (void)state;
    rp_pdf_text t = load("article_2col.pdf");
    check_article(&t);
    assert_true(t.pages_two_col >= 1);
    rp_pdf_text_release(&t);
}

static void not_a_pdf(void **state)
{
    (void)state;
    char err[256];
    rp_pdf_text t;
    assert_int_equal(rp_pdf_to_text("%PDF-1.5\n", 9, &t, err, sizeof err),
                     RP_DOC_MALFORMED);
    assert_null(t.text);
    rp_pdf_text_release(&t);
    rp_pdf_text_release(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_column),
        cmocka_unit_test(two_columns),
        cmocka_unit_test(not_a_pdf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
