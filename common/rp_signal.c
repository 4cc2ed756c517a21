#include "rp_signal.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

static atomic_bool stop_requested;
static atomic_llong stop_time;

long long rp_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void rp_signal_request_stop(void)
{
    long long zero = 0;
    atomic_compare_exchange_strong(&stop_time, &zero, rp_now_ms());
    atomic_store(&stop_requested, true);
}

static void on_signal(int sig)
{
    (void)sig;
    rp_signal_request_stop(); /* clock_gettime and atomics are signal-safe */
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
}

bool rp_signal_stop_requested(void)
{
    return atomic_load(&stop_requested);
}

long long rp_signal_stop_time_ms(void)
{
    return atomic_load(&stop_time);
}
