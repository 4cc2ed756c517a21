/* rp_signal: SIGTERM and SIGINT ask the service to drain and stop.
 * rp_signal_install() sets the handlers (SIGPIPE is ignored too; a crash,
 * SIGSEGV SIGBUS SIGFPE SIGILL SIGABRT, writes its signal and stack to
 * stderr before the process dies of it, except under AddressSanitizer,
 * which reports crashes itself);
 * rp_signal_stop_requested() is safe to poll from any thread. */
#ifndef RP_SIGNAL_H
#define RP_SIGNAL_H

#include <stdbool.h>

void rp_signal_install(void);
bool rp_signal_stop_requested(void);
/* Asks for a stop from inside the process (a fatal error, end of input). */
void rp_signal_request_stop(void);
/* Monotonic milliseconds at which the stop was first requested, 0 if none. */
long long rp_signal_stop_time_ms(void);
long long rp_now_ms(void);

/* Bounds the drain, whatever the brokers do: once a stop is requested, a
 * watchdog thread ends the process with RP_EXIT_DRAIN_DEADLINE if it is
 * still running drain_timeout_ms + RP_DRAIN_CLOSE_MS later. With every
 * broker down, librdkafka's synchronous commit and consumer close wait for
 * a coordinator that never answers; what was not committed by then is
 * redelivered to the next member (at-least-once). Returns 0, or -1 if the
 * thread cannot be started (logged; the drain is then unbounded). */
#define RP_DRAIN_CLOSE_MS 2000
#define RP_EXIT_DRAIN_DEADLINE 3
int rp_signal_bound_drain(long drain_timeout_ms);
/* Milliseconds left of drain_timeout_ms since the stop was requested (>= 0). */
long rp_signal_drain_left_ms(long drain_timeout_ms);

#endif
