/* rp_fetch_sched: which waiting job may start now — politeness per origin
 * ("scheme://host:port").
 *
 * A job of an origin starts only while fewer than per_host_max transfers to
 * that origin run, no sooner than host_delay_ms (or the robots.txt
 * Crawl-delay, whichever is longer, capped at 60 s) after the previous start,
 * not before its own retry time nor a Retry-After the origin sent. With
 * robots on, the origin's robots.txt is fetched first (one fetch at a time)
 * and cached for robots_ttl_s; a 4xx robots.txt allows all; an unreachable
 * one (5xx, network) makes the origin's jobs fail transiently for a short
 * while (RFC 9309: assume complete disallow), so they are retried.
 *
 * Jobs that are not http(s) (files, refused sources) are ready at once.
 * The scheduler owns the waiting jobs until rp_fetch_sched_next returns
 * them. Not thread-safe.
 *
 * Memory: the record of an origin (its politeness times, robots.txt,
 * counts) is kept while the origin is in use and forgotten by
 * rp_fetch_sched_evict once it has been idle for host_idle_s: no job queued
 * or running, no robots.txt fetch under way, and no politeness delay or
 * Retry-After left to wait, so forgetting it never lets a request start
 * sooner than it would have. A forgotten origin starts afresh: its
 * robots.txt is fetched again before its next job. The number of records
 * is thus bounded by the origins used within the last host_idle_s (plus
 * those still waiting), not by every origin ever seen.
 *
 * Times (now_ms) are milliseconds on one clock that does not go back; the
 * scheduler keeps the latest it was given. */
#ifndef RP_FETCH_SCHED_H
#define RP_FETCH_SCHED_H

#include <stddef.h>

#include "rp_fetch_conf.h"
#include "rp_fetch_job.h"
#include "rp_robots.h"

typedef struct rp_fetch_sched rp_fetch_sched;

typedef enum rp_sched_action {
    RP_SCHED_NONE = 0,         /* nothing may start now */
    RP_SCHED_START,            /* start the returned job (removed from the queue) */
    RP_SCHED_FETCH_ROBOTS,     /* fetch robots.txt of the returned job's origin
                                  first; the job stays queued */
    RP_SCHED_DISALLOWED,       /* robots.txt forbids the job (removed) */
    RP_SCHED_ROBOTS_FAILED     /* robots.txt unavailable: a transient failure
                                  of the job (removed) */
} rp_sched_action;

rp_fetch_sched *rp_fetch_sched_new(const rp_fetch_conf *fc, const char *agent_token);
/* Frees the scheduler and every job still queued. Accepts NULL. */
void rp_fetch_sched_destroy(rp_fetch_sched *s);

void rp_fetch_sched_push(rp_fetch_sched *s, rp_fetch_job *j);

/* The next thing to do at `now_ms`; *job is set for every action but NONE. */
/* What the cached robots.txt of `origin` says about `path_query` now:
 * RP_ROBOTS_UNKNOWN when robots are off, not fetched (yet), failed or
 * expired. Used for redirect targets, which the queue never saw. */
typedef enum rp_robots_verdict {
    RP_ROBOTS_UNKNOWN = 0,
    RP_ROBOTS_ALLOWED,
    RP_ROBOTS_DISALLOWED
} rp_robots_verdict;
rp_robots_verdict rp_fetch_sched_robots_verdict(const rp_fetch_sched *s, const char *origin,
                                                const char *path_query, long long now_ms);

rp_sched_action rp_fetch_sched_next(rp_fetch_sched *s, long long now_ms, rp_fetch_job **job);

/* Book-keeping of transfers to an origin ("" is ignored). */
void rp_fetch_sched_started(rp_fetch_sched *s, const char *origin, long long now_ms);
void rp_fetch_sched_finished(rp_fetch_sched *s, const char *origin, long long now_ms);
/* A robots.txt fetch of origin began / ended. `r` (owned by the scheduler
 * from now on) is the parsed file, or NULL when it was unavailable. */
void rp_fetch_sched_robots_started(rp_fetch_sched *s, const char *origin);
void rp_fetch_sched_robots_done(rp_fetch_sched *s, const char *origin, rp_robots *r,
                                long long now_ms);
/* The origin asked to wait (Retry-After) until until_ms. */
void rp_fetch_sched_host_wait(rp_fetch_sched *s, const char *origin, long long until_ms);

size_t rp_fetch_sched_waiting(const rp_fetch_sched *s);

/* Forgets origins idle for host_idle_s or longer (see above), looking at no
 * more than max_checks records: cheap enough to call on every turn of the
 * loop (O(1) when nothing is due). Returns the number forgotten. */
size_t rp_fetch_sched_evict(rp_fetch_sched *s, long long now_ms, size_t max_checks);
/* Origin records held now (queued, running or recently used). */
size_t rp_fetch_sched_hosts(const rp_fetch_sched *s);
/* Milliseconds until something queued may become ready (0..cap). */
long rp_fetch_sched_wait_ms(const rp_fetch_sched *s, long long now_ms, long cap);

#endif
