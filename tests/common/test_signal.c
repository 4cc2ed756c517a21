/* rp_signal's drain bound: a process that requested a stop and is still
 * running drain + RP_DRAIN_CLOSE_MS later is ended with
 * RP_EXIT_DRAIN_DEADLINE; one that finishes in time keeps its own exit. Each
 * case runs in a child process, since the watchdog ends the process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp_log.h"
#include "rp_signal.h"

/* Runs body in a child; returns its exit status and the milliseconds it took. */
static int run_child(void (*body)(void), long long *took_ms)
{
    long long t0 = rp_now_ms();
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        rp_log_init("test", "error");
        body();
        _exit(0);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    *took_ms = rp_now_ms() - t0;
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void hangs_after_stop(void)
{
    rp_signal_install();
    if (rp_signal_bound_drain(200) != 0)
        _exit(90);
    raise(SIGTERM);
    if (!rp_signal_stop_requested())
        _exit(91);
    for (;;)
        pause(); /* a drain that never ends */
}

static void stops_before_arming(void)
{
    rp_signal_request_stop(); /* e.g. SIGTERM during start-up */
    if (rp_signal_bound_drain(100) != 0)
        _exit(90);
    for (;;)
        pause();
}

static void drains_in_time(void)
{
    rp_signal_install();
    if (rp_signal_bound_drain(200) != 0)
        _exit(90);
    rp_signal_request_stop();
    if (rp_signal_drain_left_ms(200) > 200)
        _exit(92);
    usleep(50 * 1000);
    _exit(7);
}

static void no_stop_no_exit(void)
{
    if (rp_signal_bound_drain(50) != 0)
        _exit(90);
    if (rp_signal_drain_left_ms(50) != 50)
        _exit(93);
    usleep((50 + RP_DRAIN_CLOSE_MS + 300) * 1000);
    _exit(0);
}

#if defined(__SANITIZE_ADDRESS__)
#define TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_SANITIZED 1
#endif
#endif

static void crashes(void)
{
    rp_signal_install();
    volatile int *p = NULL;
    *p = 1;
}

/* A crash dies of its signal, its stack written to stderr first (not
 * under AddressSanitizer, whose own report comes instead). */
static void test_crash_reports_its_stack(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], STDERR_FILENO);
        close(fds[0]);
        crashes();
        _exit(0);
    }
    close(fds[1]);
    char buf[8192];
    size_t n = 0;
    ssize_t r;
    while (n + 1 < sizeof buf && (r = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)r;
    buf[n] = '\0';
    close(fds[0]);
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
#ifdef TEST_SANITIZED
    assert_false(WIFEXITED(status) && WEXITSTATUS(status) == 0); /* ASan exits 1 */
#else
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGSEGV);
    assert_non_null(strstr(buf, "reportpipe: fatal signal 11, stack:\n"));
    assert_true(strlen(buf) > strlen("reportpipe: fatal signal 11, stack:\n")); /* frames */
#endif
}

static void test_deadline_ends_a_hung_drain(void **state)
{
    (void)state;
    long long took;
    assert_int_equal(run_child(hangs_after_stop, &took), RP_EXIT_DRAIN_DEADLINE);
    assert_true(took >= 200 + RP_DRAIN_CLOSE_MS - 50);
    assert_true(took < 200 + RP_DRAIN_CLOSE_MS + 3000);
}

static void test_stop_before_arming_counts(void **state)
{
    (void)state;
    long long took;
    assert_int_equal(run_child(stops_before_arming, &took), RP_EXIT_DRAIN_DEADLINE);
    assert_true(took < 100 + RP_DRAIN_CLOSE_MS + 3000);
}

static void test_drain_in_time_keeps_its_exit(void **state)
{
    (void)state;
    long long took;
    assert_int_equal(run_child(drains_in_time, &took), 7);
}

static void test_no_stop_no_deadline(void **state)
{
    (void)state;
    long long took;
    assert_int_equal(run_child(no_stop_no_exit, &took), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crash_reports_its_stack),
        cmocka_unit_test(test_deadline_ends_a_hung_drain),
        cmocka_unit_test(test_stop_before_arming_counts),
        cmocka_unit_test(test_drain_in_time_keeps_its_exit),
        cmocka_unit_test(test_no_stop_no_deadline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
