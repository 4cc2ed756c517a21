/* One document, every format: the measures must not depend on how the
 * report arrived (plain text, HTML in UTF-8/GBK/Big5, PDF in one or two
 * columns, a two-column text dump). Also: boilerplate-only pages give no
 * measures, and tables give one measure per numeric data cell. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats_util.h"

struct variant {
    const char *file;
    const char *content_type;
};

static const struct variant VARIANTS[] = {
    {"article_utf8.html", "text/html"},
    {"article_gbk.html", "text/html"},
    {"article_big5.html", NULL},
    {"article_1col.pdf", "application/pdf"},
    {"article_2col.pdf", NULL},
    {"article_dump2col.txt", "text/plain"},
};

static fx_item *items_for(const char *file, const char *ct, size_t *n,
                          rp_extract_result **keep)
{
    rp_extract_result *r = NULL;
    rp_document_status s = fx_extract(file, ct, &r);
    assert_int_equal(s, RP_DOC_OK);
    assert_non_null(r);
    fx_item *v = fx_items_of(r, n);
    if (keep != NULL)
        *keep = r;
    else
        rp_extract_result_free(r);
    return v;
}

static void formats_agree_with_plain_text(void **state)
{
    (void)state;
    size_t nref;
    fx_item *ref = items_for("article.txt", "text/plain", &nref, NULL);
    fx_gold gold;
    assert_int_equal(fx_gold_load("article.gold.jsonl", &gold), 0);
    double f_gold = fx_f1(gold.items, gold.n, ref, nref);
    printf("# plain text: %zu measures, F1 vs gold %.3f\n", nref, f_gold);
    assert_true(nref >= 10);
    for (size_t i = 0; i < sizeof VARIANTS / sizeof VARIANTS[0]; i++) {
        size_t n;
        fx_item *got = items_for(VARIANTS[i].file, VARIANTS[i].content_type,
                                 &n, NULL);
        double f = fx_f1(ref, nref, got, n);
        double fg = fx_f1(gold.items, gold.n, got, n);
        printf("# %-22s %2zu measures, F1 vs plain text %.3f, vs gold %.3f\n",
               VARIANTS[i].file, n, f, fg);
        assert_true(f >= 0.99);
        free(got);
    }
    fx_gold_free(&gold);
    free(ref);
}

static void boilerplate_pages_have_no_measures(void **state)
{
    (void)state;
    static const char *const pages[] = {"page404.html", "index.html"};
    for (size_t i = 0; i < 2; i++) {
        size_t n;
        fx_item *got = items_for(pages[i], "text/html; charset=utf-8", &n, NULL);
        printf("# %s: %zu measures\n", pages[i], n);
        assert_int_equal(n, 0);
        free(got);
    }
}

/* One table as HTML, as an aligned plain-text table and as a PDF: one
 * measure per numeric data cell, the 合计 row included, no 序号 values. */
static void table_cells_are_measures(void **state)
{
    (void)state;
    static const struct variant tables[] = {
        {"table.html", "text/html"},
        {"table.txt", "text/plain"},
        {"table.pdf", "application/pdf"},
    };
    fx_gold gold;
    assert_int_equal(fx_gold_load("table.gold.jsonl", &gold), 0);
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        size_t n;
        rp_extract_result *r = NULL;
        fx_item *got = items_for(tables[t].file, tables[t].content_type, &n, &r);
        double f = fx_f1(gold.items, gold.n, got, n);
        printf("# %-22s %2zu measures, F1 vs gold %.3f\n", tables[t].file, n, f);
        assert_true(f >= 0.99);
        bool total = false;
        for (size_t i = 0; i < n; i++)
            total = total || (got[i].value == 5150 && strcmp(got[i].unit, "人次") == 0);
        assert_true(total);
        assert_non_null(strstr(r->text, "合计培训人数5150人次"));
        assert_null(strstr(r->text, "序号"));
        rp_extract_result_free(r);
        free(got);
    }
    fx_gold_free(&gold);
}

static void html_metadata_reaches_the_result(void **state)
{
    (void)state;
    rp_extract_result *r = NULL;
    assert_int_equal(fx_extract("article_gbk.html", "text/html", &r), RP_DOC_OK);
    assert_string_equal(r->meta.published, "2025-03-18");
    assert_non_null(strstr(r->meta.title, "三个聚焦"));
    assert_non_null(strstr(r->meta.source, "清河县委组织部"));
    assert_non_null(strstr(r->diagnostics, "charset=GB18030"));
    assert_non_null(strstr(r->diagnostics, "format=html"));
    rp_extract_result_free(r);
}

/* The shared seeds: going through rp_document (format detection, charset,
 * clean-up, de-interleaving) never scores worse than handing the raw file
 * to the extractor. Skipped when the corpus is not beside the repo. */
static void seeds_score_no_worse_through_documents(void **state)
{
    (void)state;
    static const char *const ids[] = {"000", "001", "002", "003", "004"};
    size_t done = 0;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        char pattern[1024], gpath[1024];
        snprintf(pattern, sizeof pattern, "%s/%s_", RP_SEEDS_DIR, ids[i]);
        snprintf(gpath, sizeof gpath, "%s/../gold/%s.jsonl", RP_SEEDS_DIR, ids[i]);
        char *path = fx_find_prefixed(pattern);
        fx_gold g;
        if (path == NULL || fx_gold_load_path(gpath, &g) != 0) {
            free(path);
            continue;
        }
        size_t len, nr, nd;
        char *bytes = fx_slurp(path, &len);
        assert_non_null(bytes);
        rp_extract_result *raw = NULL, *doc = NULL;
        char err[256];
        assert_int_equal(rp_extract_text(bytes, len, NULL, &raw, err, sizeof err), 0);
        rp_document_input in = {bytes, len, "text/plain", path, 0};
        assert_int_equal(rp_document_extract(&in, &doc, err, sizeof err), RP_DOC_OK);
        fx_item *ir = fx_items_of(raw, &nr), *id = fx_items_of(doc, &nd);
        double fr = fx_f1(g.items, g.n, ir, nr), fd = fx_f1(g.items, g.n, id, nd);
        printf("# seed %s: F1 raw text %.3f, through rp_document %.3f\n", ids[i],
               fr, fd);
        assert_true(fd >= fr - 0.01);
        free(ir);
        free(id);
        rp_extract_result_free(raw);
        rp_extract_result_free(doc);
        fx_gold_free(&g);
        free(bytes);
        free(path);
        done++;
    }
    if (done == 0)
        skip();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(formats_agree_with_plain_text),
        cmocka_unit_test(boilerplate_pages_have_no_measures),
        cmocka_unit_test(table_cells_are_measures),
        cmocka_unit_test(html_metadata_reaches_the_result),
        cmocka_unit_test(seeds_score_no_worse_through_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
