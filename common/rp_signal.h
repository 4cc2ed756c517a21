/* rp_signal: SIGTERM and SIGINT ask the service to drain and stop.
 * rp_signal_install() sets the handlers (SIGPIPE is ignored too);
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

#endif
