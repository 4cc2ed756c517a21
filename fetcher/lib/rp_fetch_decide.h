/* rp_fetch_decide: what one attempt's result means for its URL.
 *
 * Every URL ends in exactly one outcome: a produced document, not-modified
 * (304 to a conditional request), unchanged (same sha256 as the document
 * produced last time) or failed (a dead letter with a reason). An attempt
 * that failed transiently is retried while attempts remain, after
 * Retry-After (429/503, capped) or exponential backoff with jitter.
 * Pure: the caller passes the clock and the random bits. */
#ifndef RP_FETCH_DECIDE_H
#define RP_FETCH_DECIDE_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

typedef enum rp_fetch_verdict {
    RP_FETCH_DOCUMENT = 0,
    RP_FETCH_NOT_MODIFIED,
    RP_FETCH_UNCHANGED,
    RP_FETCH_FAILED,
    RP_FETCH_RETRY
} rp_fetch_verdict;

/* What the attempt produced. Strings may be NULL. */
typedef struct rp_fetch_attempt {
    CURLcode rc;
    long status;               /* last response's HTTP status, 0 if none */
    bool too_large;            /* body cap hit */
    bool blocked;              /* address policy refused */
    const char *retry_after;   /* header value */
    const char *sha256;        /* of the body, for 2xx */
    const char *prev_sha256;   /* of the last produced document, "" / NULL = none */
    bool conditional;          /* the request carried validators */
    int attempts;              /* attempts made so far, this one included (>= 1) */
} rp_fetch_attempt;

typedef struct rp_fetch_policy {
    long max_retries;
    long retry_base_ms;
    long retry_max_ms;
    long max_retry_after_s;
} rp_fetch_policy;

typedef struct rp_fetch_decision {
    rp_fetch_verdict verdict;
    char reason[32];           /* FAILED (and RETRY: the failure retried) */
    long delay_ms;             /* RETRY: wait this long */
    bool host_wait;            /* RETRY: the delay came from Retry-After and
                                  applies to the whole host */
} rp_fetch_decision;

rp_fetch_decision rp_fetch_decide(const rp_fetch_attempt *a, const rp_fetch_policy *p,
                                  time_t now, uint32_t rnd);

/* Metric label of a final verdict: "fetched", "not_modified", "unchanged",
 * "failed". */
const char *rp_fetch_verdict_name(rp_fetch_verdict v);

#endif
