/* Internals of rp_fetcher shared by its files (rp_fetcher.c: life cycle
 * and loop; rp_fetch_attempt.c: transfers; rp_fetch_finish.c: outcomes).
 * Not part of the library's interface. */
#ifndef RP_FETCHER_INT_H
#define RP_FETCHER_INT_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stdint.h>

#include "rp_addr.h"
#include "rp_fetch_job.h"
#include "rp_fetch_output.h"
#include "rp_fetch_sched.h"
#include "rp_fetch_sources.h"
#include "rp_fetch_state.h"
#include "rp_fetcher.h"
#include "rp_kafka.h"
#include "rp_strmap.h"

struct rp_fetcher {
    const rp_common_conf *c;
    const rp_fetch_conf *fc;
    char agent[64];            /* robots.txt token */
    rp_addr_policy *policy;
    rp_fetch_sched *sched;
    rp_fetch_output *out;
    rp_fetch_state *state;
    rp_fetch_sources *sources; /* NULL unless --consume-sources */
    CURLM *multi;
    rp_transfer_env xenv;      /* settings, policy and easy-handle pool of transfers */
    rp_job_list running;       /* transfers in flight, robots.txt included */
    size_t open_jobs;          /* sources without an acknowledged outcome */
    rp_strmap *refresh;        /* src -> rp_refresh (only with --refresh) */
    uint32_t rng;
    bool log_debug;            /* --log-level debug: per-URL outcome lines */
    bool stopping;
    rp_fetch_counts counts;
    size_t hosts_reported;     /* last value of the rp_fetch_hosts gauge */
    rp_readiness readiness;
};

typedef struct rp_refresh {
    long long due_ms;
    bool active;               /* a job for the source is open */
} rp_refresh;

/* rp_fetch_attempt.c */
/* Starts what the scheduler allows now. */
void rp_fetch_start_ready(rp_fetcher *f, long long now_ms);
/* redirect_ok of the transfers: refuses a hop to a path that the cached
 * robots.txt of its origin disallows. An origin whose robots.txt is not
 * known yet is let through (not fetched in the middle of a transfer). */
bool rp_fetch_redirect_ok(const char *url, void *opaque);
/* Handles every finished transfer. */
void rp_fetch_collect_done(rp_fetcher *f);

/* rp_fetch_finish.c */
/* Ends a job with a dead letter (takes the job). */
void rp_fetch_finish_failed(rp_fetcher *f, rp_fetch_job *j, const char *reason,
                            const char *detail, const void *payload, size_t len);
/* A 2xx body (taken, malloc'd) ends as a document or unchanged. */
typedef struct rp_fetch_body {
    char *data;
    size_t len;
    long status;
    const char *final_url;
    const char *content_type;
    const char *etag;
    const char *last_modified;
    const char *sha256;
    const char *http_version;  /* "2", "1.1"...; NULL for files */
} rp_fetch_body;
void rp_fetch_finish_body(rp_fetcher *f, rp_fetch_job *j, rp_fetch_verdict v,
                          rp_fetch_body *b);
/* 304 to a conditional request. */
void rp_fetch_finish_not_modified(rp_fetcher *f, rp_fetch_job *j);
/* The output's done callback: counts the outcome and frees the job. */
void rp_fetch_job_done(rp_fetch_job *j, void *opaque);

/* Drops a job without an outcome (stopping): its input is not committed. */
void rp_fetch_abandon(rp_fetcher *f, rp_fetch_job *j);

/* Pseudo-random bits for jitter (xorshift, seeded per process). */
uint32_t rp_fetch_random(rp_fetcher *f);

#endif
