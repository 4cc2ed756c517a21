/* rp_retry: which failures are worth another attempt and when.
 *
 * Transient: timeouts, connection and transport errors, HTTP 5xx (but 501
 * and 505), 408 and 429. Everything else is permanent and goes to the DLQ at
 * once. Pure: no I/O, no clock (callers pass "now"), no global random state
 * (callers pass the random bits). */
#ifndef RP_RETRY_H
#define RP_RETRY_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* Delay before attempt number `attempt` + 1, after `attempt` >= 1 failed
 * attempts: exponential (base * 2^(attempt-1)) capped at max_ms, with
 * "equal jitter": the result lies in [d/2, d] where d is the capped delay,
 * chosen by `rnd`. */
long rp_backoff_ms(int attempt, long base_ms, long max_ms, uint32_t rnd);

/* Parses a Retry-After value: delta-seconds ("120") or an HTTP-date
 * ("Fri, 31 Dec 1999 23:59:59 GMT"), relative to `now`. Returns the delay in
 * seconds (0 for a date in the past) or -1 when the value is malformed. */
long rp_retry_after_parse(const char *value, time_t now);

/* True for HTTP statuses worth a retry: 408, 429, 500, 502, 503, 504, ... */
bool rp_retry_status_transient(long status);
/* True for libcurl results worth a retry (timeouts, connection errors). */
bool rp_retry_curl_transient(CURLcode rc);

/* Stable DLQ reason code for a libcurl failure: "timeout", "connect_failed",
 * "dns_failed", "too_many_redirects", "tls_error", "too_large",
 * "bad_encoding", "unsupported_protocol", "transfer_error". */
const char *rp_retry_curl_reason(CURLcode rc);

#endif
