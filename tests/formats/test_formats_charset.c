/* Charset: precedence (Content-Type > BOM > <meta> > detection > UTF-8),
 * label folding (GBK/GB2312 -> GB18030, Big5), invalid bytes counted. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_charset.h"
#include "rp_textclean.h"

static const char ARTICLE[] =
    "全县共有基层党组织1326个,党员28450名。全年举办各类培训班135期,"
    "培训党员干部9800余人次,其中村(社区)两委干部2140人次。组织党员到社区"
    "报到,开展志愿服务活动3600余场,帮助群众解决实际问题4870件。";

/* UTF-8 -> charset, malloc'd. */
static char *encode(const char *utf8, const char *cs, size_t *len)
{
    iconv_t cd = iconv_open(cs, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t inl = strlen(utf8), outcap = inl * 2 + 16, outl = outcap;
    char *out = malloc(outcap), *o = out, *in = (char *)utf8;
    assert_true(iconv(cd, &in, &inl, &o, &outl) != (size_t)-1);
    iconv_close(cd);
    *len = outcap - outl;
    return out;
}

/* prefix + body + suffix as one buffer */
static char *concat3(const char *a, const char *b, size_t blen, const char *c,
                     size_t *len)
{
    size_t la = strlen(a), lc = strlen(c);
    char *p = malloc(la + blen + lc + 1);
    memcpy(p, a, la);
    memcpy(p + la, b, blen);
    memcpy(p + la + blen, c, lc + 1);
    *len = la + blen + lc;
    return p;
}

static void labels_fold_to_decoders(void **state)
{
    (void)state;
    char out[RP_CHARSET_NAME_MAX];
    static const char *const gb[] = {"gbk", "GB2312", "x-gbk", "cp936",
                                     "\"gb2312\"", "GB18030", "euc-cn"};
    for (size_t i = 0; i < sizeof gb / sizeof gb[0]; i++) {
        assert_true(rp_charset_normalise(gb[i], strlen(gb[i]), out, sizeof out));
        assert_string_equal(out, "GB18030");
    }
    assert_true(rp_charset_normalise("Big5", 4, out, sizeof out));
    assert_string_equal(out, "BIG5");
    assert_true(rp_charset_normalise("utf8", 4, out, sizeof out));
    assert_string_equal(out, "UTF-8");
    assert_true(rp_charset_normalise("ISO-8859-1", 10, out, sizeof out));
    assert_string_equal(out, "WINDOWS-1252");
    assert_false(rp_charset_normalise("no-such-charset", 15, out, sizeof out));
    assert_false(rp_charset_normalise("gb k", 4, out, sizeof out));
    assert_true(rp_charset_from_content_type("text/html; Charset=\"GBK\"", out,
                                             sizeof out));
    assert_string_equal(out, "GB18030");
    assert_false(rp_charset_from_content_type("text/html", out, sizeof out));
}

static void content_type_beats_meta(void **state)
{
    (void)state;
    size_t blen, len;
    char *body = encode(ARTICLE, "GBK", &blen);
    char *html = concat3("<html><head><meta charset=\"utf-8\"></head><body><p>",
                         body, blen, "</p></body></html>", &len);
    rp_charset_choice c;
    rp_charset_choose(html, len, "text/html; charset=gbk", true, &c);
    assert_string_equal(c.name, "GB18030");
    assert_int_equal(c.origin, RP_CHARSET_FROM_CONTENT_TYPE);
    rp_decoded d;
    assert_int_equal(rp_charset_decode_auto(html, len, "text/html; charset=gbk",
                                            true, &d, &c), 0);
    assert_int_equal(d.n_invalid, 0);
    assert_non_null(strstr(d.text, "培训党员干部9800余人次"));
    free(d.text);
    free(html);
    free(body);
}

static void bom_beats_meta(void **state)
{
    (void)state;
    size_t len;
    char *html = concat3("\xEF\xBB\xBF<html><head><meta charset=gbk></head><p>",
                         ARTICLE, strlen(ARTICLE), "</p></html>", &len);
    rp_charset_choice c;
    rp_charset_choose(html, len, "text/html", true, &c);
    assert_string_equal(c.name, "UTF-8");
    assert_int_equal(c.origin, RP_CHARSET_FROM_BOM);
    assert_int_equal(c.bom_len, 3);
    rp_decoded d;
    assert_int_equal(rp_charset_decode_auto(html, len, NULL, true, &d, NULL), 0);
    assert_int_equal(d.n_invalid, 0);
    assert_memory_equal(d.text, "<html>", 6); /* BOM skipped */
    free(d.text);
    free(html);
}

static void meta_beats_detection(void **state)
{
    (void)state;
    size_t blen, len;
    char *body = encode(ARTICLE, "GBK", &blen);
    char *html = concat3("<html><head><meta http-equiv=\"Content-Type\" "
                         "content=\"text/html; charset=gb2312\"></head><p>",
                         body, blen, "</p></html>", &len);
    rp_charset_choice c;
    rp_charset_choose(html, len, NULL, true, &c);
    assert_string_equal(c.name, "GB18030");
    assert_int_equal(c.origin, RP_CHARSET_FROM_META);
    /* as plain text the <meta> is not consulted: detection decides */
    rp_charset_choose(html, len, NULL, false, &c);
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    assert_string_equal(c.name, "GB18030");
    free(html);
    free(body);
}

static void detection_then_default(void **state)
{
    (void)state;
    size_t blen;
    char *gbk = encode(ARTICLE, "GBK", &blen);
    rp_charset_choice c;
    rp_charset_choose(gbk, blen, NULL, false, &c);
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    assert_string_equal(c.name, "GB18030");
    free(gbk);
    char *big5 = encode("全縣共有基層黨組織1326個,黨員28450名。全年舉辦各類培訓班135期,"
                        "培訓黨員幹部9800餘人次,組織黨員到社區報到,開展志願服務活動。",
                        "BIG5", &blen);
    rp_decoded d;
    assert_int_equal(rp_charset_decode_auto(big5, blen, NULL, false, &d, &c), 0);
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    assert_memory_equal(d.charset, "BIG5", 4);
    assert_int_equal(d.n_invalid, 0);
    assert_non_null(strstr(d.text, "黨員28450名"));
    free(d.text);
    free(big5);
    rp_charset_choose("plain ascii", 11, NULL, true, &c);
    assert_int_equal(c.origin, RP_CHARSET_DEFAULT);
    assert_string_equal(c.name, "UTF-8");
    rp_charset_choose(ARTICLE, strlen(ARTICLE), NULL, false, &c);
    assert_int_equal(c.origin, RP_CHARSET_DEFAULT); /* valid UTF-8 */
}

static void unknown_declared_label_falls_through(void **state)
{
    (void)state;
    rp_charset_choice c;
    const char *html = "<meta charset=\"utf-8\"><p>x</p>";
    rp_charset_choose(html, strlen(html), "text/html; charset=x-bogus", true, &c);
    assert_int_equal(c.origin, RP_CHARSET_FROM_META);
    assert_string_equal(c.name, "UTF-8");
}

static void invalid_bytes_are_replaced_and_counted(void **state)
{
    (void)state;
    const char bad[] = "党员\xFF" "28450\xC3名\xE5\x85";
    rp_decoded d;
    assert_int_equal(rp_charset_decode(bad, sizeof bad - 1, "UTF-8", &d), 0);
    assert_int_equal(d.n_invalid, 4); /* one per byte of a broken sequence */
    assert_string_equal(d.text, "党员\xEF\xBF\xBD" "28450\xEF\xBF\xBD名"
                                "\xEF\xBF\xBD\xEF\xBF\xBD");
    free(d.text);
    size_t blen;
    char *gbk = encode("党员28450名", "GBK", &blen);
    gbk[blen] = '\x81'; /* a lead byte with no trail: truncated */
    assert_int_equal(rp_charset_decode(gbk, blen + 1, "GB18030", &d), 0);
    assert_int_equal(d.n_invalid, 1);
    assert_non_null(strstr(d.text, "28450名\xEF\xBF\xBD"));
    free(d.text);
    free(gbk);
}

static void invalid_count_reaches_diagnostics(void **state)
{
    (void)state;
    const char text[] = "全县共有基层党组织1326个\xFF\xFE,党员28450名。";
    rp_document_input in = {text, sizeof text - 1, "text/plain; charset=utf-8",
                            NULL, 0};
    rp_doc_text t;
    char err[128];
    assert_int_equal(rp_document_decode(&in, &t, err, sizeof err), RP_DOC_OK);
    assert_int_equal(t.n_invalid, 2);
    assert_non_null(strstr(t.diagnostics, "invalid_bytes=2"));
    assert_non_null(strstr(t.diagnostics, "charset_from=content-type"));
    assert_non_null(strstr(t.text, "党员28450名"));
    rp_doc_text_release(&t);
}

static void misdeclared_charset_is_overruled(void **state)
{
    (void)state;
    size_t blen;
    char *gbk = encode(ARTICLE, "GBK", &blen);
    rp_decoded d;
    rp_charset_choice c;
    assert_int_equal(rp_charset_decode_auto(gbk, blen, "text/plain; charset=utf-8",
                                            false, &d, &c), 0);
    assert_string_equal(d.charset, "GB18030");
    assert_int_equal(d.n_invalid, 0);
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    free(d.text);
    free(gbk);
}

static void big5_falls_back_to_extended_tables(void **state)
{
    (void)state;
    size_t blen;
    char *big5 = encode("黨員人數", "BIG5", &blen);
    char *b = malloc(blen + 2);
    memcpy(b, big5, blen);
    memcpy(b + blen, "\x88\x40", 2); /* HKSCS only */
    rp_decoded d;
    assert_int_equal(rp_charset_decode(b, blen + 2, "BIG5", &d), 0);
    assert_string_equal(d.charset, "BIG5-HKSCS");
    assert_int_equal(d.n_invalid, 0);
    assert_memory_equal(d.text, "黨員人數", strlen("黨員人數"));
    free(d.text);
    /* plain Big5 stays BIG5 */
    assert_int_equal(rp_charset_decode(big5, blen, "BIG5", &d), 0);
    assert_string_equal(d.charset, "BIG5");
    free(d.text);
    free(b);
    free(big5);
}

static void weak_and_wrong_declarations(void **state)
{
    (void)state;
    size_t blen;
    char *gbk = encode(ARTICLE, "GBK", &blen);
    rp_charset_choice c;
    /* a server-default Latin-1 header does not describe GBK bytes */
    rp_charset_choose(gbk, blen, "text/html; charset=ISO-8859-1", false, &c);
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    assert_string_equal(c.name, "GB18030");
    rp_charset_choose("plain", 5, "text/plain; charset=iso-8859-1", false, &c);
    assert_int_equal(c.origin, RP_CHARSET_FROM_CONTENT_TYPE);
    free(gbk);
    /* declared GBK, but the bytes are UTF-8 (a site moved to UTF-8) */
    rp_decoded d;
    assert_int_equal(rp_charset_decode_auto(ARTICLE, strlen(ARTICLE),
                                            "text/html; charset=gbk", true,
                                            &d, &c), 0);
    assert_string_equal(d.charset, "UTF-8");
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    assert_string_equal(d.text, ARTICLE);
    free(d.text);
}

static void xml_prolog_and_broken_utf8(void **state)
{
    (void)state;
    rp_charset_choice c;
    const char *x = "<?xml version=\"1.0\" encoding=\"GB2312\"?><html/>";
    rp_charset_choose(x, strlen(x), NULL, true, &c);
    assert_int_equal(c.origin, RP_CHARSET_FROM_META);
    assert_string_equal(c.name, "GB18030");
    /* UTF-8 with one stray byte stays UTF-8 */
    size_t n = strlen(ARTICLE);
    char *t = malloc(n + 2);
    memcpy(t, ARTICLE, n);
    t[n] = '\xFF';
    t[n + 1] = '\0';
    rp_charset_choose(t, n + 1, NULL, false, &c);
    assert_int_equal(c.origin, RP_CHARSET_DETECTED);
    assert_string_equal(c.name, "UTF-8");
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(labels_fold_to_decoders),
        cmocka_unit_test(content_type_beats_meta),
        cmocka_unit_test(bom_beats_meta),
        cmocka_unit_test(meta_beats_detection),
        cmocka_unit_test(detection_then_default),
        cmocka_unit_test(unknown_declared_label_falls_through),
        cmocka_unit_test(invalid_bytes_are_replaced_and_counted),
        cmocka_unit_test(invalid_count_reaches_diagnostics),
        cmocka_unit_test(misdeclared_charset_is_overruled),
        cmocka_unit_test(big5_falls_back_to_extended_tables),
        cmocka_unit_test(weak_and_wrong_declarations),
        cmocka_unit_test(xml_prolog_and_broken_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
