#include "rp_signal.h"

#include <execinfo.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rp_log.h"

static atomic_bool stop_requested;
static atomic_llong stop_time;
static sem_t stop_sem;          /* posted once, on the first stop request */
static atomic_bool watchdog_on;
static long watchdog_grace_ms;

long long rp_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void rp_signal_request_stop(void)
{
    long long zero = 0;
    bool first = atomic_compare_exchange_strong(&stop_time, &zero, rp_now_ms());
    atomic_store(&stop_requested, true);
    if (first && atomic_load(&watchdog_on))
        sem_post(&stop_sem); /* async-signal-safe */
}

static void on_signal(int sig)
{
    (void)sig;
    rp_signal_request_stop(); /* clock_gettime and atomics are signal-safe */
}

/* A sanitizer reports a crash with more than a stack: leave it its own. */
#if defined(__SANITIZE_ADDRESS__)
#define RP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RP_SANITIZED 1
#endif
#endif

#ifndef RP_SANITIZED
static char alt_stack[64 * 1024]; /* a stack overflow still gets its report */

/* A crash writes its signal and the stack to stderr, then dies of the
 * signal as it would have (core dump, exit status): a crash seen once in
 * a test or a container log can be traced. write and backtrace_symbols_fd
 * allocate nothing (backtrace is loaded at install). */
static void on_fatal(int sig)
{
    char msg[64] = "reportpipe: fatal signal ";
    size_t n = strlen(msg);
    char digits[8];
    int d = 0;
    for (int v = sig; d == 0 || v > 0; v /= 10)
        digits[d++] = (char)('0' + v % 10);
    while (d > 0)
        msg[n++] = digits[--d];
    memcpy(msg + n, ", stack:\n", 9);
    n += 9;
    ssize_t w = write(STDERR_FILENO, msg, n);
    (void)w;
    void *frames[64];
    int depth = backtrace(frames, 64);
    backtrace_symbols_fd(frames, depth, STDERR_FILENO);
    signal(sig, SIG_DFL);
    raise(sig);
}
#endif

static void install_crash_report(void)
{
#ifndef RP_SANITIZED
    void *warm[1];
    backtrace(warm, 1); /* loads libgcc now, not inside the handler */
    stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (size_t k = 0; k < sizeof fatal / sizeof fatal[0]; k++)
        sigaction(fatal[k], &sa, NULL);
#endif
}

void rp_signal_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    install_crash_report();
}

bool rp_signal_stop_requested(void)
{
    return atomic_load(&stop_requested);
}

long long rp_signal_stop_time_ms(void)
{
    return atomic_load(&stop_time);
}

static void *watchdog(void *arg)
{
    (void)arg;
    while (sem_wait(&stop_sem) != 0)
        ; /* EINTR */
    long long at = atomic_load(&stop_time) + watchdog_grace_ms;
    struct timespec ts = {.tv_sec = at / 1000, .tv_nsec = (at % 1000) * 1000000};
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) != 0)
        ; /* EINTR */
    rp_log_kv(RP_LOG_ERROR, "drain deadline passed (brokers unreachable?); exiting now, "
              "uncommitted inputs will be redelivered", NULL);
    _exit(RP_EXIT_DRAIN_DEADLINE);
    return NULL;
}

int rp_signal_bound_drain(long drain_timeout_ms)
{
    if (atomic_load(&watchdog_on))
        return 0;
    watchdog_grace_ms = drain_timeout_ms + RP_DRAIN_CLOSE_MS;
    pthread_t t;
    if (sem_init(&stop_sem, 0, 0) != 0)
        goto fail;
    if (pthread_create(&t, NULL, watchdog, NULL) != 0) {
        sem_destroy(&stop_sem);
        goto fail;
    }
    pthread_detach(t);
    atomic_store(&watchdog_on, true);
    if (atomic_load(&stop_requested))
        sem_post(&stop_sem); /* a stop that came before the watchdog */
    return 0;
fail:
    rp_log_kv(RP_LOG_WARN, "cannot start the drain watchdog; a drain with every broker down "
              "may not end", NULL);
    return -1;
}

long rp_signal_drain_left_ms(long drain_timeout_ms)
{
    long long t = atomic_load(&stop_time);
    if (t == 0)
        return drain_timeout_ms;
    long long left = t + drain_timeout_ms - rp_now_ms();
    return left > 0 ? (long)left : 0;
}
