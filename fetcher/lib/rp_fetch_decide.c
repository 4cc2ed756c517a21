#include "rp_fetch_decide.h"

#include <stdio.h>
#include <string.h>

#include "rp_retry.h"

static rp_fetch_decision fail(const char *reason)
{
    rp_fetch_decision d = {.verdict = RP_FETCH_FAILED};
    snprintf(d.reason, sizeof d.reason, "%s", reason);
    return d;
}

/* Retry when attempts remain, else fail with the same reason. */
static rp_fetch_decision retry_or_fail(const rp_fetch_attempt *a, const rp_fetch_policy *p,
                                       const char *reason, long after_s, uint32_t rnd)
{
    rp_fetch_decision d = fail(reason);
    if (a->attempts > p->max_retries)
        return d;
    d.verdict = RP_FETCH_RETRY;
    if (after_s >= 0) {
        d.delay_ms = (after_s > p->max_retry_after_s ? p->max_retry_after_s : after_s) * 1000;
        d.host_wait = true;
    } else {
        d.delay_ms = rp_backoff_ms(a->attempts, p->retry_base_ms, p->retry_max_ms, rnd);
    }
    return d;
}

static rp_fetch_decision on_status(const rp_fetch_attempt *a, const rp_fetch_policy *p,
                                   time_t now, uint32_t rnd)
{
    char reason[32];
    snprintf(reason, sizeof reason, "http_%ld", a->status);
    if (a->status >= 200 && a->status < 300) {
        bool same = a->sha256 && a->prev_sha256 && *a->prev_sha256 &&
                    strcmp(a->sha256, a->prev_sha256) == 0;
        return (rp_fetch_decision){.verdict = same ? RP_FETCH_UNCHANGED : RP_FETCH_DOCUMENT};
    }
    if (a->status == 304 && a->conditional)
        return (rp_fetch_decision){.verdict = RP_FETCH_NOT_MODIFIED};
    if (!rp_retry_status_transient(a->status))
        return fail(reason);
    long after = -1;
    if (a->status == 429 || a->status == 503)
        after = rp_retry_after_parse(a->retry_after, now);
    return retry_or_fail(a, p, reason, after, rnd);
}

rp_fetch_decision rp_fetch_decide(const rp_fetch_attempt *a, const rp_fetch_policy *p,
                                  time_t now, uint32_t rnd)
{
    if (a->blocked)
        return fail("blocked_address");
    if (a->too_large)
        return fail("too_large");
    if (a->rc != CURLE_OK) {
        const char *reason = rp_retry_curl_reason(a->rc);
        if (!rp_retry_curl_transient(a->rc))
            return fail(reason);
        return retry_or_fail(a, p, reason, -1, rnd);
    }
    return on_status(a, p, now, rnd);
}

const char *rp_fetch_verdict_name(rp_fetch_verdict v)
{
    switch (v) {
    case RP_FETCH_DOCUMENT: return "fetched";
    case RP_FETCH_NOT_MODIFIED: return "not_modified";
    case RP_FETCH_UNCHANGED: return "unchanged";
    case RP_FETCH_FAILED: return "failed";
    default: return "retry";
    }
}
