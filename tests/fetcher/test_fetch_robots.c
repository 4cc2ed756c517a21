/* rp_robots: group selection, longest match, wildcards, crawl-delay. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "rp_robots.h"

static rp_robots *parse(const char *text, const char *agent)
{
    rp_robots *r = rp_robots_parse(text, strlen(text), agent);
    assert_non_null(r);
    return r;
}

static void test_star_group(void **state)
{
    (void)state;
    rp_robots *r = parse("# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/ok\n",
                         "reportpipe");
    assert_true(rp_robots_allowed(r, "/"));
    assert_true(rp_robots_allowed(r, "/public/x.html"));
    assert_false(rp_robots_allowed(r, "/private/"));
    assert_false(rp_robots_allowed(r, "/private/a?b=1"));
    assert_true(rp_robots_allowed(r, "/private/ok.html")); /* longer allow wins */
    assert_true(rp_robots_allowed(r, "/robots.txt"));
    assert_true(rp_robots_allowed(r, ""));
    rp_robots_free(r);
}

static void test_specific_group_wins(void **state)
{
    (void)state;
    const char *txt = "User-agent: *\nDisallow: /\n\n"
                      "User-agent: ReportPipe/2.0\nDisallow: /nope\n";
    rp_robots *r = parse(txt, "reportpipe");
    assert_true(rp_robots_allowed(r, "/index.html"));
    assert_false(rp_robots_allowed(r, "/nope/x"));
    rp_robots_free(r);
    r = parse(txt, "otherbot");
    assert_false(rp_robots_allowed(r, "/index.html"));
    rp_robots_free(r);
}

static void test_grouped_agents_and_merge(void **state)
{
    (void)state;
    const char *txt = "user-agent: a\nUSER-AGENT: reportpipe\ndisallow: /one\n"
                      "sitemap: https://x/sitemap.xml\n"
                      "user-agent: reportpipe\ndisallow: /two\n"
                      "user-agent: b\ndisallow: /three\n";
    rp_robots *r = parse(txt, "reportpipe");
    assert_false(rp_robots_allowed(r, "/one"));
    assert_false(rp_robots_allowed(r, "/two"));
    assert_true(rp_robots_allowed(r, "/three"));
    assert_int_equal(rp_robots_rule_count(r), 2);
    rp_robots_free(r);
}

static void test_wildcards_and_anchor(void **state)
{
    (void)state;
    rp_robots *r = parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /tmp*/cache\n"
                         "Allow: /*.pdf$x\n", "rp");
    assert_false(rp_robots_allowed(r, "/a/b.pdf"));
    assert_true(rp_robots_allowed(r, "/a/b.pdf?x=1"));
    assert_true(rp_robots_allowed(r, "/a/b.pdfx"));
    assert_false(rp_robots_allowed(r, "/tmp123/cache/x"));
    assert_true(rp_robots_allowed(r, "/tm/cache"));
    rp_robots_free(r);
}

static void test_tie_allow_and_empty_disallow(void **state)
{
    (void)state;
    rp_robots *r = parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "rp");
    assert_true(rp_robots_allowed(r, "/page"));
    rp_robots_free(r);
    r = parse("User-agent: *\nDisallow:\n", "rp");
    assert_true(rp_robots_allowed(r, "/anything"));
    assert_int_equal(rp_robots_rule_count(r), 0);
    rp_robots_free(r);
}

static void test_garbage_crlf_and_delay(void **state)
{
    (void)state;
    const char *txt = "\xef\xbb\xbfjunk line\r\nDisallow: /before-any-group\r\n"
                      "User-agent: *\r\nCrawl-delay: 2.5\r\nDisallow: /x # trailing\r\n";
    rp_robots *r = parse(txt, "rp");
    assert_true(rp_robots_allowed(r, "/before-any-group"));
    assert_false(rp_robots_allowed(r, "/x/y"));
    assert_true(rp_robots_crawl_delay(r) > 2.4 && rp_robots_crawl_delay(r) < 2.6);
    rp_robots_free(r);
    r = rp_robots_allow_all();
    assert_true(rp_robots_allowed(r, "/x"));
    assert_true(rp_robots_crawl_delay(r) < 0);
    rp_robots_free(r);
    rp_robots_free(NULL);
    assert_true(rp_robots_allowed(NULL, "/x"));
}

static void test_not_nul_terminated(void **state)
{
    (void)state;
    char buf[] = {'U', 's', 'e', 'r', '-', 'a', 'g', 'e', 'n', 't', ':', '*', '\n',
                  'D', 'i', 's', 'a', 'l', 'l', 'o', 'w', ':', '/', 'a'};
    rp_robots *r = rp_robots_parse(buf, sizeof buf, "rp");
    assert_false(rp_robots_allowed(r, "/a"));
    assert_true(rp_robots_allowed(r, "/b"));
    rp_robots_free(r);
}

/* Random bytes and random paths: no crash, no overread (run under ASan). */
static void test_random_input(void **state)
{
    (void)state;
    uint32_t x = 12345;
    char buf[512], path[64];
    const char alphabet[] = "Uuser-agentDdisallowAallow:*$/#\n\r ab?=%";
    for (int round = 0; round < 2000; round++) {
        size_t n = 0, len = (size_t)(round % 500);
        for (; n < len; n++) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            buf[n] = (round & 1) ? (char)(x & 0xff) : alphabet[x % (sizeof alphabet - 1)];
        }
        rp_robots *r = rp_robots_parse(buf, n, "ab");
        assert_non_null(r);
        for (size_t k = 0; k < sizeof path - 1; k++)
            path[k] = alphabet[(x >> (k % 24)) % (sizeof alphabet - 1)];
        path[sizeof path - 1] = 0;
        path[0] = '/';
        (void)rp_robots_allowed(r, path);
        rp_robots_free(r);
    }
}

/* RFC 9309 2.2.2: unreserved characters match encoded or not, reserved
 * ones only in their encoded form (any hex case), and UTF-8 octets match
 * their percent-encoding. */
static void test_percent_encoding(void **state)
{
    (void)state;
    const char *txt = "User-agent: *\n"
                      "Disallow: /foo/bar/%62%61%7A\n"   /* = /foo/bar/baz */
                      "Disallow: /a%2fb\n"                /* encoded '/': not a separator */
                      "Disallow: /caf\xc3\xa9/\n"         /* raw UTF-8 in robots.txt */
                      "Disallow: /%7Euser/\n"
                      "Disallow: /bad%zz\n"
                      "Allow: /q%3Fx\n";
    rp_robots *r = parse(txt, "reportpipe");
    assert_false(rp_robots_allowed(r, "/foo/bar/baz"));
    assert_false(rp_robots_allowed(r, "/foo/bar/%62az"));
    assert_false(rp_robots_allowed(r, "/foo/bar/ba%7a"));
    assert_true(rp_robots_allowed(r, "/foo/bar/qux"));
    assert_false(rp_robots_allowed(r, "/a%2Fb"));
    assert_false(rp_robots_allowed(r, "/a%2fb/c"));
    assert_true(rp_robots_allowed(r, "/a/b"));         /* '/' is not %2F */
    assert_false(rp_robots_allowed(r, "/caf%C3%A9/menu"));
    assert_false(rp_robots_allowed(r, "/caf%c3%a9/menu"));
    assert_false(rp_robots_allowed(r, "/caf\xc3\xa9/menu"));
    assert_true(rp_robots_allowed(r, "/cafe/menu"));
    assert_false(rp_robots_allowed(r, "/~user/x"));
    assert_false(rp_robots_allowed(r, "/%7euser/x"));
    assert_false(rp_robots_allowed(r, "/bad%zz"));     /* malformed escape kept literally */
    assert_true(rp_robots_allowed(r, "/bad%2Azz"));
    assert_true(rp_robots_allowed(r, "/q%3fx"));
    assert_true(rp_robots_allowed(r, "/q?x"));         /* no rule: the query is not %3F */
    rp_robots_free(r);
    r = parse("User-agent: *\nDisallow: *\n", "reportpipe");
    assert_true(rp_robots_allowed(r, "/%72obots.txt")); /* still /robots.txt */
    rp_robots_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_star_group),
        cmocka_unit_test(test_specific_group_wins),
        cmocka_unit_test(test_grouped_agents_and_merge),
        cmocka_unit_test(test_wildcards_and_anchor),
        cmocka_unit_test(test_tie_allow_and_empty_disallow),
        cmocka_unit_test(test_garbage_crlf_and_delay),
        cmocka_unit_test(test_not_nul_terminated),
        cmocka_unit_test(test_random_input),
        cmocka_unit_test(test_percent_encoding),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
