/* rp_fetch_sched: politeness per origin, robots gating, retry times. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "rp_fetch_sched.h"

static rp_fetch_conf conf(bool robots)
{
    return (rp_fetch_conf){.per_host_max = 2, .max_transfers = 8, .host_delay_ms = 100,
                           .robots = robots, .robots_ttl_s = 60, .retry_base_ms = 500};
}

static rp_fetch_job *job(rp_fetch_sched *s, const char *url)
{
    rp_fetch_job *j = rp_fetch_job_new(url, NULL);
    assert_non_null(j);
    rp_fetch_sched_push(s, j);
    return j;
}

static void test_per_host_limit_and_delay(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(false);
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    rp_fetch_job *a = job(s, "http://a.example/1");
    job(s, "http://a.example/2");
    job(s, "http://a.example/3");
    rp_fetch_job *b = job(s, "http://b.example/1");
    rp_fetch_job *got = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 1000, &got), RP_SCHED_START);
    assert_ptr_equal(got, a);
    rp_fetch_sched_started(s, a->origin, 1000);
    /* a.example must wait 100 ms: b goes first */
    assert_int_equal(rp_fetch_sched_next(s, 1010, &got), RP_SCHED_START);
    assert_ptr_equal(got, b);
    rp_fetch_sched_started(s, b->origin, 1010);
    assert_int_equal(rp_fetch_sched_next(s, 1050, &got), RP_SCHED_NONE);
    assert_int_equal(rp_fetch_sched_wait_ms(s, 1050, 1000), 50);
    rp_fetch_job *a2 = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 1100, &a2), RP_SCHED_START);
    rp_fetch_sched_started(s, a2->origin, 1100);
    /* two a.example transfers run: the limit holds even after the delay */
    assert_int_equal(rp_fetch_sched_next(s, 5000, &got), RP_SCHED_NONE);
    rp_fetch_sched_finished(s, a->origin);
    assert_int_equal(rp_fetch_sched_next(s, 5000, &got), RP_SCHED_START);
    assert_string_equal(got->src, "http://a.example/3");
    rp_fetch_job_free(a);
    rp_fetch_job_free(b);
    rp_fetch_job_free(a2);
    rp_fetch_job_free(got);
    rp_fetch_sched_destroy(s);
}

static void test_retry_time_and_host_wait(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(false);
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    rp_fetch_job *a = job(s, "http://a.example/1");
    a->not_before_ms = 2000;
    rp_fetch_job *got = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 1000, &got), RP_SCHED_NONE);
    assert_int_equal(rp_fetch_sched_wait_ms(s, 1000, 5000), 1000);
    rp_fetch_sched_host_wait(s, a->origin, 3000); /* Retry-After */
    assert_int_equal(rp_fetch_sched_next(s, 2500, &got), RP_SCHED_NONE);
    assert_int_equal(rp_fetch_sched_next(s, 3000, &got), RP_SCHED_START);
    rp_fetch_job_free(got);
    /* files and refused sources are ready at once */
    job(s, "/tmp/x.html");
    assert_int_equal(rp_fetch_sched_next(s, 0, &got), RP_SCHED_START);
    rp_fetch_job_free(got);
    rp_fetch_sched_destroy(s);
}

static void test_robots_gate(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(true);
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    rp_fetch_job *ok = job(s, "http://a.example/open");
    rp_fetch_job *no = job(s, "http://a.example/private/x");
    rp_fetch_job *got = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 0, &got), RP_SCHED_FETCH_ROBOTS);
    assert_ptr_equal(got, ok); /* still queued */
    rp_fetch_sched_robots_started(s, ok->origin);
    rp_fetch_sched_started(s, ok->origin, 0);
    assert_int_equal(rp_fetch_sched_next(s, 10, &got), RP_SCHED_NONE);
    const char *txt = "User-agent: *\nDisallow: /private/\n";
    rp_fetch_sched_finished(s, ok->origin);
    rp_fetch_sched_robots_done(s, ok->origin, rp_robots_parse(txt, strlen(txt), "rp"), 20);
    assert_int_equal(rp_fetch_sched_next(s, 200, &got), RP_SCHED_START);
    assert_ptr_equal(got, ok);
    assert_int_equal(rp_fetch_sched_next(s, 200, &got), RP_SCHED_DISALLOWED);
    assert_ptr_equal(got, no);
    rp_fetch_job_free(ok);
    rp_fetch_job_free(no);
    /* unavailable robots.txt: jobs fail transiently until it expires */
    rp_fetch_job *b = job(s, "http://b.example/1");
    assert_int_equal(rp_fetch_sched_next(s, 300, &got), RP_SCHED_FETCH_ROBOTS);
    rp_fetch_sched_robots_started(s, b->origin);
    rp_fetch_sched_robots_done(s, b->origin, NULL, 300);
    assert_int_equal(rp_fetch_sched_next(s, 400, &got), RP_SCHED_ROBOTS_FAILED);
    assert_ptr_equal(got, b);
    rp_fetch_sched_push(s, b);
    assert_int_equal(rp_fetch_sched_next(s, 800, &got), RP_SCHED_FETCH_ROBOTS);
    rp_fetch_sched_destroy(s); /* frees b, still queued */
}

static void test_hosts_take_turns(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(false);
    fc.host_delay_ms = 0;
    fc.per_host_max = 1000;
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    char url[64];
    for (int i = 0; i < 1000; i++) {
        snprintf(url, sizeof url, "http://busy.example/%d", i);
        job(s, url);
    }
    job(s, "http://quiet.example/only");
    assert_int_equal(rp_fetch_sched_waiting(s), 1001);
    rp_fetch_job *got = NULL, *second = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 0, &got), RP_SCHED_START);
    assert_int_equal(rp_fetch_sched_next(s, 0, &second), RP_SCHED_START);
    /* the quiet host does not wait behind the busy host's 1000 jobs */
    assert_true(strcmp(got->origin, second->origin) != 0);
    rp_fetch_job_free(got);
    rp_fetch_job_free(second);
    assert_int_equal(rp_fetch_sched_waiting(s), 999);
    rp_fetch_sched_destroy(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_per_host_limit_and_delay),
        cmocka_unit_test(test_retry_time_and_host_wait),
        cmocka_unit_test(test_robots_gate),
        cmocka_unit_test(test_hosts_take_turns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
