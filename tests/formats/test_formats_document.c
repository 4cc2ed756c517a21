/* Whole documents: format detection order, limits and the statuses the
 * service sends to the DLQ (too large, unsupported, malformed, empty). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "formats_util.h"
#include "rp_textclean.h"

static rp_document_status decode(const char *b, size_t len, const char *ct,
                                 const char *url, size_t max, char *err,
                                 size_t errlen)
{
    rp_document_input in = {b, len, ct, url, max};
    rp_doc_text t;
    rp_document_status s = rp_document_decode(&in, &t, err, errlen);
    rp_doc_text_release(&t);
    return s;
}

static rp_doc_format sniff(const char *b, const char *ct, const char *url)
{
    rp_document_input in = {b, strlen(b), ct, url, 0};
    return rp_document_sniff(&in);
}

static void format_detection_order(void **state)
{
    (void)state;
    const char *html = "<!DOCTYPE html><html><body>x</body></html>";
    assert_int_equal(sniff(html, "text/plain", NULL), RP_FMT_TEXT);
    assert_int_equal(sniff(html, "application/octet-stream", NULL), RP_FMT_HTML);
    assert_int_equal(sniff("%PDF-1.7\n...", NULL, "a.html"), RP_FMT_PDF);
    assert_int_equal(sniff("<p>段落</p>", NULL, NULL), RP_FMT_HTML);
    assert_int_equal(sniff("just text", NULL, "http://x/y/report.pdf?x=1"), RP_FMT_PDF);
    assert_int_equal(sniff("just text", NULL, "http://x/a.b/page.shtml"), RP_FMT_HTML);
    assert_int_equal(sniff("just text", NULL, "http://x/a.b/readme"), RP_FMT_TEXT);
    assert_int_equal(sniff("just text", "image/png", NULL), RP_FMT_BINARY);
    assert_int_equal(sniff("\x89PNG\r\n", NULL, NULL), RP_FMT_BINARY);
    assert_int_equal(sniff("PK\x03\x04zzz", "application/octet-stream", NULL),
                     RP_FMT_BINARY);
    assert_string_equal(rp_doc_format_name(RP_FMT_PDF), "pdf");
}

static void too_large_is_refused(void **state)
{
    (void)state;
    char err[128];
    assert_int_equal(decode("0123456789x", 11, NULL, NULL, 10, err, sizeof err),
                     RP_DOC_TOO_LARGE);
    assert_non_null(strstr(err, "limit"));
    rp_extract_result *r = (rp_extract_result *)1;
    rp_document_input in = {"0123456789x", 11, NULL, NULL, 10};
    assert_int_equal(rp_document_extract(&in, &r, err, sizeof err), RP_DOC_TOO_LARGE);
    assert_null(r);
    assert_string_equal(rp_document_status_name(RP_DOC_TOO_LARGE), "too_large");
}

static void binary_content_is_unsupported(void **state)
{
    (void)state;
    char err[128];
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_int_equal(decode(png, sizeof png - 1, "image/png", NULL, 0, err, sizeof err),
                     RP_DOC_UNSUPPORTED);
    assert_non_null(strstr(err, "image/png"));
    static const char zip[] = "PK\x03\x04\x14\0\0\0\x08\0";
    assert_int_equal(decode(zip, sizeof zip - 1, NULL, "a.zip", 0, err, sizeof err),
                     RP_DOC_UNSUPPORTED);
    static const char bin[] = "\x01\x02\x00\x03\x04\x05\x06\x07";
    assert_int_equal(decode(bin, sizeof bin - 1, "application/octet-stream", NULL, 0,
                            err, sizeof err), RP_DOC_UNSUPPORTED);
    const char *txt = "全县发展党员312名。";
    assert_int_equal(decode(txt, strlen(txt), "application/octet-stream", NULL, 0,
                            err, sizeof err), RP_DOC_OK);
    assert_string_equal(rp_document_status_name(RP_DOC_UNSUPPORTED),
                        "unsupported");
}

static void truncated_pdf_is_malformed(void **state)
{
    (void)state;
    char path[1024], err[256];
    fx_path(path, sizeof path, "article_1col.pdf");
    size_t len;
    char *pdf = fx_slurp(path, &len);
    assert_non_null(pdf);
    assert_int_equal(decode(pdf, len, "application/pdf", NULL, 0, err, sizeof err),
                     RP_DOC_OK);
    assert_int_equal(decode(pdf, len / 2, "application/pdf", NULL, 0, err, sizeof err),
                     RP_DOC_MALFORMED);
    assert_non_null(strstr(err, "truncated"));
    const char junk[] = "%PDF-1.4\nthis is not a pdf body\n%%EOF\n";
    assert_int_equal(decode(junk, sizeof junk - 1, NULL, NULL, 0, err, sizeof err),
                     RP_DOC_MALFORMED);
    free(pdf);
}

static void empty_inputs(void **state)
{
    (void)state;
    char err[128];
    assert_int_equal(decode("", 0, NULL, NULL, 0, err, sizeof err), RP_DOC_EMPTY);
    assert_int_equal(decode(" \n\t\n", 4, "text/plain", NULL, 0, err, sizeof err),
                     RP_DOC_EMPTY);
    const char *img = "<html><body><img src=a.png></body></html>";
    assert_int_equal(decode(img, strlen(img), "text/html", NULL, 0, err, sizeof err),
                     RP_DOC_EMPTY);
    /* boilerplate only: OK, just no text left */
    const char *bp = "发布时间:2024-09-10 来源:某网\n上一篇:某文\n版权所有 某网\n";
    rp_document_input in = {bp, strlen(bp), "text/plain", NULL, 0};
    rp_doc_text t;
    assert_int_equal(rp_document_decode(&in, &t, err, sizeof err), RP_DOC_OK);
    assert_string_equal(t.text, "");
    assert_string_equal(t.published, "2024-09-10");
    rp_doc_text_release(&t);
    rp_doc_text_release(NULL);
}

static void extract_merges_diagnostics(void **state)
{
    (void)state;
    const char *html = "<html><body><p>全县发展党员<b>312</b>名。</p></body></html>";
    rp_document_input in = {html, strlen(html), "text/html; charset=utf-8", NULL, 0};
    rp_extract_result *r = NULL;
    char err[128];
    assert_int_equal(rp_document_extract(&in, &r, err, sizeof err), RP_DOC_OK);
    assert_non_null(r);
    assert_non_null(strstr(r->diagnostics, "format=html"));
    assert_non_null(strstr(r->diagnostics, "charset=UTF-8"));
    bool found = false;
    for (size_t i = 0; i < r->n_measures; i++)
        found = found || (r->measures[i].value == 312 &&
                          strcmp(r->measures[i].unit, "名") == 0);
    assert_true(found);
    rp_extract_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_detection_order),
        cmocka_unit_test(too_large_is_refused),
        cmocka_unit_test(binary_content_is_unsupported),
        cmocka_unit_test(truncated_pdf_is_malformed),
        cmocka_unit_test(empty_inputs),
        cmocka_unit_test(extract_merges_diagnostics),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
