/* rp_fetch_sched: politeness per origin, robots gating, retry times,
 * forgetting idle origins. */
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
    rp_fetch_sched_finished(s, a->origin, 5000);
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
    rp_fetch_sched_finished(s, ok->origin, 20);
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

/* Runs one job of url to completion: start at t, finish at t + 10. */
static void run_one(rp_fetch_sched *s, const char *url, long long t)
{
    rp_fetch_job *j = job(s, url), *got = NULL;
    assert_int_equal(rp_fetch_sched_next(s, t, &got), RP_SCHED_START);
    assert_ptr_equal(got, j);
    rp_fetch_sched_started(s, j->origin, t);
    rp_fetch_sched_finished(s, j->origin, t + 10);
    rp_fetch_job_free(j);
}

static void test_idle_host_forgotten(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(true);
    fc.host_idle_s = 10;
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    rp_fetch_job *a = job(s, "http://a.example/1"), *got = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 0, &got), RP_SCHED_FETCH_ROBOTS);
    rp_fetch_sched_robots_started(s, a->origin);
    rp_fetch_sched_started(s, a->origin, 0);
    rp_fetch_sched_finished(s, a->origin, 50);
    rp_fetch_sched_robots_done(s, a->origin, rp_robots_allow_all(), 50);
    assert_int_equal(rp_fetch_sched_next(s, 100, &got), RP_SCHED_START);
    rp_fetch_sched_started(s, a->origin, 100);
    assert_int_equal(rp_fetch_sched_hosts(s), 1);
    /* running for longer than the idle bound: kept */
    assert_int_equal(rp_fetch_sched_evict(s, 60000, 64), 0);
    rp_fetch_sched_finished(s, a->origin, 60000);
    assert_int_equal(rp_fetch_sched_evict(s, 69999, 64), 0);
    assert_int_equal(rp_fetch_sched_hosts(s), 1);
    assert_int_equal(rp_fetch_sched_evict(s, 70000, 64), 1);
    assert_int_equal(rp_fetch_sched_hosts(s), 0);
    assert_int_equal(rp_fetch_sched_robots_verdict(s, a->origin, "/1", 70000), RP_ROBOTS_UNKNOWN);
    /* forgotten: the next job of the origin starts afresh with robots.txt */
    rp_fetch_job *b = job(s, "http://a.example/2");
    assert_int_equal(rp_fetch_sched_next(s, 70001, &got), RP_SCHED_FETCH_ROBOTS);
    assert_ptr_equal(got, b);
    rp_fetch_job_free(a);
    rp_fetch_sched_destroy(s); /* frees b */
}

static void test_busy_hosts_kept(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(true);
    fc.host_idle_s = 1;
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    rp_fetch_job *got = NULL;
    /* queued: a job waiting for its retry time */
    rp_fetch_job *q = job(s, "http://queued.example/1");
    q->not_before_ms = 1000000;
    /* robots.txt fetch under way */
    rp_fetch_job *r = job(s, "http://robots.example/1");
    assert_int_equal(rp_fetch_sched_next(s, 0, &got), RP_SCHED_FETCH_ROBOTS);
    assert_ptr_equal(got, r);
    rp_fetch_sched_robots_started(s, r->origin);
    rp_fetch_sched_started(s, r->origin, 0);
    /* running: a transfer started, not finished */
    rp_fetch_job *x = job(s, "http://running.example/1");
    assert_int_equal(rp_fetch_sched_next(s, 0, &got), RP_SCHED_FETCH_ROBOTS);
    assert_ptr_equal(got, x);
    rp_fetch_sched_robots_started(s, x->origin);
    rp_fetch_sched_started(s, x->origin, 0);
    rp_fetch_sched_finished(s, x->origin, 10);
    rp_fetch_sched_robots_done(s, x->origin, rp_robots_allow_all(), 10);
    assert_int_equal(rp_fetch_sched_next(s, 100, &got), RP_SCHED_START);
    assert_ptr_equal(got, x);
    rp_fetch_sched_started(s, x->origin, 100);
    assert_int_equal(rp_fetch_sched_hosts(s), 3);
    for (long long t = 1000; t <= 100000; t += 1000)
        assert_int_equal(rp_fetch_sched_evict(s, t, 64), 0);
    assert_int_equal(rp_fetch_sched_hosts(s), 3);
    /* each becomes idle and goes one idle period after its last use */
    rp_fetch_sched_finished(s, x->origin, 100000);
    assert_int_equal(rp_fetch_sched_evict(s, 100999, 64), 0);
    assert_int_equal(rp_fetch_sched_evict(s, 101000, 64), 1);
    assert_int_equal(rp_fetch_sched_hosts(s), 2);
    assert_int_equal(rp_fetch_sched_next(s, 1000000, &got), RP_SCHED_FETCH_ROBOTS);
    assert_ptr_equal(got, q);
    rp_fetch_sched_robots_started(s, q->origin);
    rp_fetch_sched_started(s, q->origin, 1000000);
    rp_fetch_sched_finished(s, q->origin, 1000010);
    rp_fetch_sched_robots_done(s, q->origin, rp_robots_allow_all(), 1000010);
    assert_int_equal(rp_fetch_sched_next(s, 1000200, &got), RP_SCHED_START);
    assert_ptr_equal(got, q);
    rp_fetch_sched_started(s, q->origin, 1000200);
    rp_fetch_sched_finished(s, q->origin, 1000210);
    assert_int_equal(rp_fetch_sched_evict(s, 1001209, 64), 0);
    assert_int_equal(rp_fetch_sched_evict(s, 1001210, 64), 1);
    assert_int_equal(rp_fetch_sched_hosts(s), 1); /* robots.txt still fetching */
    rp_fetch_job_free(q);
    rp_fetch_job_free(x);
    rp_fetch_sched_destroy(s); /* frees r */
}

static void test_forgetting_keeps_politeness(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(false);
    fc.host_idle_s = 1;
    fc.host_delay_ms = 5000;
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    run_one(s, "http://slow.example/1", 0); /* next start no sooner than 5000 */
    run_one(s, "http://later.example/1", 0);
    rp_fetch_sched_host_wait(s, "http://later.example:80", 9000); /* Retry-After */
    assert_int_equal(rp_fetch_sched_evict(s, 2000, 64), 0);
    assert_int_equal(rp_fetch_sched_hosts(s), 2);
    rp_fetch_job *j = job(s, "http://slow.example/2"), *got = NULL;
    assert_int_equal(rp_fetch_sched_next(s, 2000, &got), RP_SCHED_NONE);
    assert_int_equal(rp_fetch_sched_next(s, 5000, &got), RP_SCHED_START);
    assert_ptr_equal(got, j);
    rp_fetch_sched_started(s, j->origin, 5000);
    rp_fetch_sched_finished(s, j->origin, 5010);
    rp_fetch_job_free(j);
    assert_int_equal(rp_fetch_sched_evict(s, 8000, 64), 0); /* both waits pending */
    assert_int_equal(rp_fetch_sched_evict(s, 9500, 64), 1);  /* Retry-After over */
    /* slow.example's delay ends at 10000; looked at again an idle period
     * after 9500 */
    assert_int_equal(rp_fetch_sched_evict(s, 10499, 64), 0);
    assert_int_equal(rp_fetch_sched_evict(s, 10500, 64), 1);
    assert_int_equal(rp_fetch_sched_hosts(s), 0);
    rp_fetch_sched_destroy(s);
}

static void test_host_records_bounded(void **state)
{
    (void)state;
    rp_fetch_conf fc = conf(false);
    fc.host_idle_s = 1;
    fc.host_delay_ms = 0;
    rp_fetch_sched *s = rp_fetch_sched_new(&fc, "rp");
    char url[64];
    size_t most = 0;
    long long t = 0;
    /* 20,000 origins, a new one every 5 ms, and one origin used throughout */
    for (int i = 0; i < 20000; i++, t += 5) {
        snprintf(url, sizeof url, "http://h%d.example/", i);
        run_one(s, url, t);
        if (i % 100 == 0)
            run_one(s, "http://steady.example/", t);
        rp_fetch_sched_evict(s, t, 64);
        size_t n = rp_fetch_sched_hosts(s);
        if (n > most)
            most = n;
    }
    /* one idle period of origins (1000 ms / 5 ms) and the turn's slack */
    assert_true(most <= 1000 / 5 + 4);
    assert_true(most >= 1000 / 5);
    /* work per call is bounded, and everything idle goes eventually */
    t += 2000;
    assert_int_equal(rp_fetch_sched_evict(s, t, 64), 64);
    while (rp_fetch_sched_evict(s, t, 64) > 0)
        ;
    assert_int_equal(rp_fetch_sched_hosts(s), 0);
    rp_fetch_sched_destroy(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_per_host_limit_and_delay),
        cmocka_unit_test(test_retry_time_and_host_wait),
        cmocka_unit_test(test_robots_gate),
        cmocka_unit_test(test_hosts_take_turns),
        cmocka_unit_test(test_idle_host_forgotten),
        cmocka_unit_test(test_busy_hosts_kept),
        cmocka_unit_test(test_forgetting_keeps_politeness),
        cmocka_unit_test(test_host_records_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
