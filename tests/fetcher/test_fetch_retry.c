/* rp_retry + rp_fetch_decide: backoff bounds, Retry-After, the outcome of
 * one attempt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "rp_fetch_decide.h"
#include "rp_retry.h"

static void test_backoff_bounds(void **state)
{
    (void)state;
    uint32_t rnds[] = {0, 1, 7, 12345, 0x7fffffffu, 0xffffffffu};
    for (int attempt = 1; attempt <= 40; attempt++) {
        long d = 500;
        for (int i = 1; i < attempt && d < 30000; i++)
            d *= 2;
        if (d > 30000)
            d = 30000;
        for (size_t k = 0; k < sizeof rnds / sizeof rnds[0]; k++) {
            long v = rp_backoff_ms(attempt, 500, 30000, rnds[k]);
            assert_true(v >= d / 2);
            assert_true(v <= d);
        }
    }
    assert_int_equal(rp_backoff_ms(1, 500, 30000, 0), 250);
    assert_int_equal(rp_backoff_ms(1, 500, 30000, 250), 500);
    assert_int_equal(rp_backoff_ms(3, 500, 30000, 0), 1000);   /* 2000 / 2 */
    assert_int_equal(rp_backoff_ms(1000, 500, 30000, 0), 15000);
    assert_true(rp_backoff_ms(0, 0, 0, 99) >= 0); /* nonsense input stays sane */
}

static void test_backoff_jitter_spreads(void **state)
{
    (void)state;
    long lo = 1 << 30, hi = 0;
    uint32_t x = 2463534242u;
    for (int i = 0; i < 1000; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        long v = rp_backoff_ms(4, 100, 60000, x);
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    assert_true(lo < 450 && hi > 750); /* d = 800: spread over [400, 800] */
}

static void test_retry_after(void **state)
{
    (void)state;
    time_t now = 1795237200; /* 2026-11-21T05:00:00Z */
    assert_int_equal(rp_retry_after_parse("120", now), 120);
    assert_int_equal(rp_retry_after_parse(" 0 ", now), 0);
    assert_int_equal(rp_retry_after_parse("Sat, 21 Nov 2026 05:00:30 GMT", now), 30);
    assert_int_equal(rp_retry_after_parse("Saturday, 21-Nov-26 05:01:00 GMT", now), 60);
    assert_int_equal(rp_retry_after_parse("Sat Nov 21 05:00:10 2026", now), 10);
    assert_int_equal(rp_retry_after_parse("Fri, 20 Nov 2026 05:00:00 GMT", now), 0); /* past */
    assert_int_equal(rp_retry_after_parse("-5", now), -1);
    assert_int_equal(rp_retry_after_parse("12abc", now), -1);
    assert_int_equal(rp_retry_after_parse("soon", now), -1);
    assert_int_equal(rp_retry_after_parse("", now), -1);
    assert_int_equal(rp_retry_after_parse(NULL, now), -1);
}

static void test_classification(void **state)
{
    (void)state;
    long transient[] = {408, 429, 500, 502, 503, 504};
    long permanent[] = {400, 401, 403, 404, 410, 451, 501, 505};
    for (size_t i = 0; i < sizeof transient / sizeof transient[0]; i++)
        assert_true(rp_retry_status_transient(transient[i]));
    for (size_t i = 0; i < sizeof permanent / sizeof permanent[0]; i++)
        assert_false(rp_retry_status_transient(permanent[i]));
    assert_true(rp_retry_curl_transient(CURLE_OPERATION_TIMEDOUT));
    assert_true(rp_retry_curl_transient(CURLE_COULDNT_CONNECT));
    assert_false(rp_retry_curl_transient(CURLE_TOO_MANY_REDIRECTS));
    assert_false(rp_retry_curl_transient(CURLE_PEER_FAILED_VERIFICATION));
    assert_string_equal(rp_retry_curl_reason(CURLE_OPERATION_TIMEDOUT), "timeout");
    assert_string_equal(rp_retry_curl_reason(CURLE_TOO_MANY_REDIRECTS), "too_many_redirects");
    assert_string_equal(rp_retry_curl_reason(CURLE_PEER_FAILED_VERIFICATION), "tls_error");
}

static const rp_fetch_policy policy = {.max_retries = 2, .retry_base_ms = 100,
                                       .retry_max_ms = 1000, .max_retry_after_s = 60};

static rp_fetch_decision decide(rp_fetch_attempt a)
{
    return rp_fetch_decide(&a, &policy, 1795237200, 0);
}

static void test_decide_outcomes(void **state)
{
    (void)state;
    const char *h1 = "1111111111111111111111111111111111111111111111111111111111111111";
    const char *h2 = "2222222222222222222222222222222222222222222222222222222222222222";
    rp_fetch_decision d = decide((rp_fetch_attempt){.status = 200, .sha256 = h1, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_DOCUMENT);
    d = decide((rp_fetch_attempt){.status = 200, .sha256 = h1, .prev_sha256 = h2, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_DOCUMENT);
    d = decide((rp_fetch_attempt){.status = 200, .sha256 = h1, .prev_sha256 = h1, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_UNCHANGED);
    d = decide((rp_fetch_attempt){.status = 304, .conditional = true, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_NOT_MODIFIED);
    d = decide((rp_fetch_attempt){.status = 304, .attempts = 1}); /* unasked-for 304 */
    assert_int_equal(d.verdict, RP_FETCH_FAILED);
    assert_string_equal(d.reason, "http_304");
    d = decide((rp_fetch_attempt){.status = 404, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_FAILED);
    assert_string_equal(d.reason, "http_404");
    d = decide((rp_fetch_attempt){.status = 200, .blocked = true, .rc = CURLE_COULDNT_CONNECT,
                                  .attempts = 1});
    assert_string_equal(d.reason, "blocked_address");
    d = decide((rp_fetch_attempt){.rc = CURLE_WRITE_ERROR, .too_large = true, .attempts = 1});
    assert_string_equal(d.reason, "too_large");
}

static void test_decide_retries(void **state)
{
    (void)state;
    rp_fetch_decision d = decide((rp_fetch_attempt){.status = 500, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_RETRY);
    assert_string_equal(d.reason, "http_500");
    assert_true(d.delay_ms >= 50 && d.delay_ms <= 100);
    assert_false(d.host_wait);
    d = decide((rp_fetch_attempt){.status = 500, .attempts = 3}); /* 2 retries used */
    assert_int_equal(d.verdict, RP_FETCH_FAILED);
    assert_string_equal(d.reason, "http_500");
    d = decide((rp_fetch_attempt){.rc = CURLE_OPERATION_TIMEDOUT, .attempts = 2});
    assert_int_equal(d.verdict, RP_FETCH_RETRY);
    assert_string_equal(d.reason, "timeout");
    d = decide((rp_fetch_attempt){.rc = CURLE_OPERATION_TIMEDOUT, .attempts = 3});
    assert_int_equal(d.verdict, RP_FETCH_FAILED);
    assert_string_equal(d.reason, "timeout");
    d = decide((rp_fetch_attempt){.status = 429, .retry_after = "7", .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_RETRY);
    assert_int_equal(d.delay_ms, 7000);
    assert_true(d.host_wait);
    d = decide((rp_fetch_attempt){.status = 503, .retry_after = "86400", .attempts = 1});
    assert_int_equal(d.delay_ms, 60000); /* capped */
    d = decide((rp_fetch_attempt){.status = 429, .retry_after = "garbage", .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_RETRY);
    assert_false(d.host_wait);
    d = decide((rp_fetch_attempt){.rc = CURLE_TOO_MANY_REDIRECTS, .attempts = 1});
    assert_int_equal(d.verdict, RP_FETCH_FAILED);
    assert_string_equal(d.reason, "too_many_redirects");
    assert_string_equal(rp_fetch_verdict_name(RP_FETCH_NOT_MODIFIED), "not_modified");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_backoff_bounds),
        cmocka_unit_test(test_backoff_jitter_spreads),
        cmocka_unit_test(test_retry_after),
        cmocka_unit_test(test_classification),
        cmocka_unit_test(test_decide_outcomes),
        cmocka_unit_test(test_decide_retries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
