#include "rp_fetch_sched.h"

#include <stdlib.h>
#include <string.h>

#include "rp_strmap.h"

#define RP_CRAWL_DELAY_MAX_MS 60000

typedef enum robots_state {
    ROBOTS_UNKNOWN = 0,
    ROBOTS_FETCHING,
    ROBOTS_READY,
    ROBOTS_FAILED
} robots_state;

typedef struct host {
    int active;
    long long next_start_ms;   /* politeness delay */
    long long wait_until_ms;   /* Retry-After */
    robots_state robots_state;
    long long robots_expires_ms;
    rp_robots *robots;
} host;

struct rp_fetch_sched {
    const rp_fetch_conf *fc;
    char agent[64];
    rp_job_list queue;
    rp_strmap *hosts;          /* origin -> host */
};

rp_fetch_sched *rp_fetch_sched_new(const rp_fetch_conf *fc, const char *agent_token)
{
    rp_fetch_sched *s = calloc(1, sizeof *s);
    if (!s || !(s->hosts = rp_strmap_new())) {
        free(s);
        return NULL;
    }
    s->fc = fc;
    size_t n = strlen(agent_token);
    if (n >= sizeof s->agent)
        n = sizeof s->agent - 1;
    memcpy(s->agent, agent_token, n);
    return s;
}

static void free_host(const char *key, void *value, void *opaque)
{
    (void)key;
    (void)opaque;
    host *h = value;
    rp_robots_free(h->robots);
    free(h);
}

void rp_fetch_sched_destroy(rp_fetch_sched *s)
{
    if (!s)
        return;
    while (s->queue.head) {
        rp_fetch_job *j = s->queue.head;
        rp_job_list_remove(&s->queue, j);
        rp_fetch_job_free(j);
    }
    rp_strmap_each(s->hosts, free_host, NULL);
    rp_strmap_destroy(s->hosts);
    free(s);
}

static host *get_host(rp_fetch_sched *s, const char *origin)
{
    host *h = rp_strmap_get(s->hosts, origin);
    if (h)
        return h;
    h = calloc(1, sizeof *h);
    if (h && rp_strmap_put(s->hosts, origin, h, NULL) != 0) {
        free(h);
        return NULL;
    }
    return h;
}

void rp_fetch_sched_push(rp_fetch_sched *s, rp_fetch_job *j)
{
    rp_job_list_push(&s->queue, j);
}

static bool host_free(const rp_fetch_sched *s, const host *h, long long now)
{
    return h->active < s->fc->per_host_max && now >= h->next_start_ms &&
           now >= h->wait_until_ms;
}

/* The robots verdict for a job of host h, or RP_SCHED_START to go on. */
static rp_sched_action robots_gate(rp_fetch_sched *s, host *h, const rp_fetch_job *j,
                                   long long now)
{
    if (!s->fc->robots)
        return RP_SCHED_START;
    if (h->robots_state == ROBOTS_FETCHING)
        return RP_SCHED_NONE;
    if (h->robots_state == ROBOTS_UNKNOWN || now >= h->robots_expires_ms)
        return host_free(s, h, now) ? RP_SCHED_FETCH_ROBOTS : RP_SCHED_NONE;
    if (h->robots_state == ROBOTS_FAILED)
        return RP_SCHED_ROBOTS_FAILED;
    return rp_robots_allowed(h->robots, j->url.path_query) ? RP_SCHED_START
                                                          : RP_SCHED_DISALLOWED;
}

rp_sched_action rp_fetch_sched_next(rp_fetch_sched *s, long long now_ms, rp_fetch_job **job)
{
    *job = NULL;
    for (rp_fetch_job *j = s->queue.head; j; j = j->next) {
        if (j->not_before_ms > now_ms)
            continue;
        rp_sched_action a = RP_SCHED_START;
        if (j->url.kind == RP_URL_HTTP) {
            host *h = get_host(s, j->origin);
            if (!h)
                return RP_SCHED_NONE;
            a = robots_gate(s, h, j, now_ms);
            if (a == RP_SCHED_START && !host_free(s, h, now_ms))
                a = RP_SCHED_NONE;
        }
        if (a == RP_SCHED_NONE)
            continue;
        if (a != RP_SCHED_FETCH_ROBOTS)
            rp_job_list_remove(&s->queue, j);
        *job = j;
        return a;
    }
    return RP_SCHED_NONE;
}

void rp_fetch_sched_started(rp_fetch_sched *s, const char *origin, long long now_ms)
{
    host *h = *origin ? get_host(s, origin) : NULL;
    if (!h)
        return;
    long delay = s->fc->host_delay_ms;
    double crawl = rp_robots_crawl_delay(h->robots);
    if (crawl > 0) {
        long cd = crawl * 1000 > RP_CRAWL_DELAY_MAX_MS ? RP_CRAWL_DELAY_MAX_MS
                                                        : (long)(crawl * 1000);
        if (cd > delay)
            delay = cd;
    }
    h->active++;
    h->next_start_ms = now_ms + delay;
}

void rp_fetch_sched_finished(rp_fetch_sched *s, const char *origin)
{
    host *h = *origin ? rp_strmap_get(s->hosts, origin) : NULL;
    if (h && h->active > 0)
        h->active--;
}

void rp_fetch_sched_robots_started(rp_fetch_sched *s, const char *origin)
{
    host *h = get_host(s, origin);
    if (h)
        h->robots_state = ROBOTS_FETCHING;
}

void rp_fetch_sched_robots_done(rp_fetch_sched *s, const char *origin, rp_robots *r,
                                long long now_ms)
{
    host *h = get_host(s, origin);
    if (!h) {
        rp_robots_free(r);
        return;
    }
    rp_robots_free(h->robots);
    h->robots = r;
    h->robots_state = r ? ROBOTS_READY : ROBOTS_FAILED;
    /* A failure is remembered only briefly: shorter than the shortest retry
     * backoff (retry_base_ms / 2), so every retry of a job asks again. */
    h->robots_expires_ms = now_ms + (r ? s->fc->robots_ttl_s * 1000 : s->fc->retry_base_ms / 2);
}

void rp_fetch_sched_host_wait(rp_fetch_sched *s, const char *origin, long long until_ms)
{
    host *h = *origin ? get_host(s, origin) : NULL;
    if (h && until_ms > h->wait_until_ms)
        h->wait_until_ms = until_ms;
}

size_t rp_fetch_sched_waiting(const rp_fetch_sched *s)
{
    return s->queue.n;
}

long rp_fetch_sched_wait_ms(const rp_fetch_sched *s, long long now_ms, long cap)
{
    long long best = now_ms + cap;
    for (const rp_fetch_job *j = s->queue.head; j && best > now_ms; j = j->next) {
        long long t = j->not_before_ms;
        const host *h = j->url.kind == RP_URL_HTTP ? rp_strmap_get(s->hosts, j->origin) : NULL;
        /* Waits that end with a transfer are woken by libcurl, not a timer. */
        if (h && (h->active >= s->fc->per_host_max ||
                  (s->fc->robots && h->robots_state == ROBOTS_FETCHING)))
            continue;
        if (h && h->next_start_ms > t)
            t = h->next_start_ms;
        if (h && h->wait_until_ms > t)
            t = h->wait_until_ms;
        if (t < best)
            best = t;
    }
    return best <= now_ms ? 0 : (long)(best - now_ms);
}
