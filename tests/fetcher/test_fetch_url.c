/* rp_url, rp_fetch_file, rp_fetch_conf: source validation, host
 * extraction and partitioning, redaction, content types, settings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "rp_fetch_conf.h"
#include "rp_fetch_file.h"
#include "rp_url.h"

static void test_http_urls(void **state)
{
    (void)state;
    rp_url u;
    char err[128], origin[256];
    assert_int_equal(rp_url_parse("HTTP://User:Pw@Example.ORG/a/b?x=1#frag", &u, err, sizeof err), 0);
    assert_int_equal(u.kind, RP_URL_HTTP);
    assert_string_equal(u.scheme, "http");
    assert_string_equal(u.host, "example.org");
    assert_int_equal(u.port, 80);
    assert_string_equal(u.path_query, "/a/b?x=1");
    assert_int_equal(rp_url_origin(&u, origin, sizeof origin), 0);
    assert_string_equal(origin, "http://example.org:80");
    rp_url_clear(&u);
    assert_int_equal(rp_url_parse("https://[::1]:8443", &u, err, sizeof err), 0);
    assert_string_equal(u.host, "::1");
    assert_int_equal(u.port, 8443);
    assert_string_equal(u.path_query, "/");
    rp_url_origin(&u, origin, sizeof origin);
    assert_string_equal(origin, "https://[::1]:8443");
    rp_url_clear(&u);
    rp_url_clear(NULL);
}

static void test_refused_sources(void **state)
{
    (void)state;
    rp_url u;
    char err[128];
    assert_int_equal(rp_url_parse("ftp://example.org/x", &u, err, sizeof err), -1);
    assert_int_equal(u.kind, RP_URL_OTHER_SCHEME);
    assert_int_equal(rp_url_parse("gopher://example.org/", &u, err, sizeof err), -1);
    assert_int_equal(u.kind, RP_URL_OTHER_SCHEME);
    assert_int_equal(rp_url_parse("http://", &u, err, sizeof err), -1);
    assert_int_equal(u.kind, RP_URL_INVALID);
    assert_int_equal(rp_url_parse("http://exa mple.org/", &u, err, sizeof err), -1);
    assert_int_equal(rp_url_parse("", &u, err, sizeof err), -1);
    assert_int_equal(rp_url_parse("file://relative/path", &u, err, sizeof err), -1);
}

static void test_files(void **state)
{
    (void)state;
    rp_url u;
    char err[128];
    assert_int_equal(rp_url_parse("/data/report.html", &u, err, sizeof err), 0);
    assert_int_equal(u.kind, RP_URL_FILE);
    assert_string_equal(u.file_path, "/data/report.html");
    rp_url_clear(&u);
    assert_int_equal(rp_url_parse("file:///data/r.pdf", &u, err, sizeof err), 0);
    assert_string_equal(u.file_path, "/data/r.pdf");
    rp_url_clear(&u);
    assert_int_equal(rp_url_parse("file://localhost/data/r.pdf", &u, err, sizeof err), 0);
    assert_string_equal(u.file_path, "/data/r.pdf");
    rp_url_clear(&u);
    assert_int_equal(rp_url_parse("examples/docs/a.txt", &u, err, sizeof err), 0);
    assert_int_equal(u.kind, RP_URL_FILE);
    rp_url_clear(&u);
    assert_string_equal(rp_fetch_file_content_type("/a/B.HTML"), "text/html");
    assert_string_equal(rp_fetch_file_content_type("x.pdf"), "application/pdf");
    assert_string_equal(rp_fetch_file_content_type("x.txt"), "text/plain");
    assert_string_equal(rp_fetch_file_content_type("/dir.d/noext"), "application/octet-stream");
    char *data = (char *)1;
    size_t len = 1;
    assert_int_equal(rp_fetch_file_read("/nonexistent/rp", 10, &data, &len, err, sizeof err),
                     RP_FILE_NOT_FOUND);
    assert_null(data);
    assert_int_equal(rp_fetch_file_read("/", 10, &data, &len, err, sizeof err), RP_FILE_ERROR);
    assert_string_equal(rp_fetch_file_reason(RP_FILE_TOO_LARGE), "too_large");
}

static void test_partition_by_host(void **state)
{
    (void)state;
    char key[256];
    const char *a = "http://Example.org:8080/a?x", *b = "https://user:pw@example.org/b";
    rp_url_partition_key(a, strlen(a), key, sizeof key);
    assert_string_equal(key, "example.org");
    rp_url_partition_key(b, strlen(b), key, sizeof key);
    assert_string_equal(key, "example.org");
    const char *v6 = "http://[fd00::1]:81/x";
    rp_url_partition_key(v6, strlen(v6), key, sizeof key);
    assert_string_equal(key, "[fd00::1]");
    for (int32_t n = 1; n <= 64; n++) {
        int32_t pa = rp_url_partition(a, strlen(a), n);
        assert_int_equal(pa, rp_url_partition(b, strlen(b), n));
        assert_true(pa >= 0 && pa < n);
    }
    /* different hosts spread out */
    int seen[8] = {0};
    char url[64];
    for (int i = 0; i < 64; i++) {
        int n = snprintf(url, sizeof url, "http://host%d.example/", i);
        seen[rp_url_partition(url, (size_t)n, 8)]++;
    }
    for (int i = 0; i < 8; i++)
        assert_true(seen[i] > 0);
    assert_int_equal(rp_url_partition(NULL, 0, 8), 0);
}

static void test_redact(void **state)
{
    (void)state;
    char out[128];
    rp_url_redact("https://alice:secret@example.org/p?q=a@b", out, sizeof out);
    assert_string_equal(out, "https://example.org/p?q=a@b");
    rp_url_redact("http://example.org/x@y", out, sizeof out);
    assert_string_equal(out, "http://example.org/x@y");
    rp_url_redact(NULL, out, sizeof out);
    assert_string_equal(out, "");
}

static void test_conf_relations(void **state)
{
    (void)state;
    char err[256], tok[32];
    rp_fetch_conf c = {.compression = "zstd", .per_host_max = 2, .max_transfers = 8,
                       .retry_base_ms = 10, .retry_max_ms = 100, .user_agent = "x/1",
                       .sources_group = "g"};
    assert_int_equal(rp_fetch_conf_check(&c, err, sizeof err), 0);
    c.compression = "gzip";
    assert_int_equal(rp_fetch_conf_check(&c, err, sizeof err), -1);
    assert_non_null(strstr(err, "--compression"));
    c.compression = "lz4";
    c.per_host_max = 9;
    assert_int_equal(rp_fetch_conf_check(&c, err, sizeof err), -1);
    assert_non_null(strstr(err, "--per-host-max"));
    c.per_host_max = 2;
    c.ca_file = "/nonexistent/ca.pem";
    assert_int_equal(rp_fetch_conf_check(&c, err, sizeof err), -1);
    assert_non_null(strstr(err, "--ca-file /nonexistent/ca.pem"));
    c.ca_file = "/";
    assert_int_equal(rp_fetch_conf_check(&c, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a regular file"));
    rp_fetch_conf_agent_token("reportpipe/0.1 (+https://x)", tok, sizeof tok);
    assert_string_equal(tok, "reportpipe");
    rp_fetch_conf_agent_token("Bot", tok, sizeof tok);
    assert_string_equal(tok, "Bot");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_http_urls),
        cmocka_unit_test(test_refused_sources),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_partition_by_host),
        cmocka_unit_test(test_redact),
        cmocka_unit_test(test_conf_relations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
