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
    rp_job_list queue;         /* waiting jobs of this origin */
    bool listed;               /* in the scheduler's active list */
    int active;
    long long next_start_ms;   /* politeness delay */
    long long wait_until_ms;   /* Retry-After */
    robots_state robots_state;
    long long robots_expires_ms;
    rp_robots *robots;
} host;

/* Waiting jobs live in per-origin queues; `active` lists the origins with
 * waiting jobs and is walked round-robin, so one busy host costs one check
 * per turn, not one per job, and hosts take turns. */
struct rp_fetch_sched {
    const rp_fetch_conf *fc;
    char agent[64];
    rp_job_list other;         /* files and refused sources: ready at once */
    rp_strmap *hosts;          /* origin -> host, kept for robots and politeness */
    host **active;
    size_t n_active, cap_active, next_turn;
    size_t waiting;
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

static void free_jobs(rp_job_list *l)
{
    while (l->head) {
        rp_fetch_job *j = l->head;
        rp_job_list_remove(l, j);
        rp_fetch_job_free(j);
    }
}

static void free_host(const char *key, void *value, void *opaque)
{
    (void)key;
    (void)opaque;
    host *h = value;
    free_jobs(&h->queue);
    rp_robots_free(h->robots);
    free(h);
}

void rp_fetch_sched_destroy(rp_fetch_sched *s)
{
    if (!s)
        return;
    free_jobs(&s->other);
    rp_strmap_each(s->hosts, free_host, NULL);
    rp_strmap_destroy(s->hosts);
    free(s->active);
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

static int list_host(rp_fetch_sched *s, host *h)
{
    if (h->listed)
        return 0;
    if (s->n_active == s->cap_active) {
        size_t cap = s->cap_active ? s->cap_active * 2 : 16;
        host **na = realloc(s->active, cap * sizeof *na);
        if (!na)
            return -1;
        s->active = na;
        s->cap_active = cap;
    }
    s->active[s->n_active++] = h;
    h->listed = true;
    return 0;
}

static void unlist_host(rp_fetch_sched *s, size_t idx)
{
    s->active[idx]->listed = false;
    s->active[idx] = s->active[--s->n_active];
}

void rp_fetch_sched_push(rp_fetch_sched *s, rp_fetch_job *j)
{
    host *h = j->url.kind == RP_URL_HTTP ? get_host(s, j->origin) : NULL;
    if (h && list_host(s, h) == 0)
        rp_job_list_push(&h->queue, j);
    else
        rp_job_list_push(&s->other, j); /* not http, or ENOMEM: no politeness */
    s->waiting++;
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

rp_robots_verdict rp_fetch_sched_robots_verdict(const rp_fetch_sched *s, const char *origin,
                                                const char *path_query, long long now_ms)
{
    const host *h = s->fc->robots ? rp_strmap_get(s->hosts, origin) : NULL;
    if (!h || h->robots_state != ROBOTS_READY || now_ms >= h->robots_expires_ms)
        return RP_ROBOTS_UNKNOWN;
    return rp_robots_allowed(h->robots, path_query) ? RP_ROBOTS_ALLOWED : RP_ROBOTS_DISALLOWED;
}

static rp_fetch_job *first_ready(const rp_job_list *l, long long now)
{
    for (rp_fetch_job *j = l->head; j; j = j->next)
        if (j->not_before_ms <= now)
            return j;
    return NULL;
}

/* What host h allows now; *job is its first ready job. */
static rp_sched_action host_next(rp_fetch_sched *s, host *h, long long now, rp_fetch_job **job)
{
    if (h->active >= s->fc->per_host_max)
        return RP_SCHED_NONE;
    rp_fetch_job *j = first_ready(&h->queue, now);
    if (!j)
        return RP_SCHED_NONE;
    rp_sched_action a = robots_gate(s, h, j, now);
    if (a == RP_SCHED_START && !host_free(s, h, now))
        return RP_SCHED_NONE;
    *job = j;
    return a;
}

rp_sched_action rp_fetch_sched_next(rp_fetch_sched *s, long long now_ms, rp_fetch_job **job)
{
    *job = NULL;
    rp_fetch_job *o = first_ready(&s->other, now_ms);
    if (o) {
        rp_job_list_remove(&s->other, o);
        s->waiting--;
        *job = o;
        return RP_SCHED_START;
    }
    for (size_t k = 0; k < s->n_active; k++) {
        size_t idx = (s->next_turn + k) % s->n_active;
        host *h = s->active[idx];
        rp_sched_action a = host_next(s, h, now_ms, job);
        if (a == RP_SCHED_NONE)
            continue;
        s->next_turn = idx + 1;
        if (a != RP_SCHED_FETCH_ROBOTS) {
            rp_job_list_remove(&h->queue, *job);
            s->waiting--;
            if (!h->queue.head)
                unlist_host(s, idx);
        }
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
    return s->waiting;
}

/* Earliest time a job of the list may start on its own account. */
static long long earliest(const rp_job_list *l, long long now)
{
    long long t = -1;
    for (const rp_fetch_job *j = l->head; j; j = j->next) {
        if (j->not_before_ms <= now)
            return now;
        if (t < 0 || j->not_before_ms < t)
            t = j->not_before_ms;
    }
    return t;
}

long rp_fetch_sched_wait_ms(const rp_fetch_sched *s, long long now_ms, long cap)
{
    long long best = now_ms + cap;
    long long o = earliest(&s->other, now_ms);
    if (o >= 0 && o < best)
        best = o;
    for (size_t i = 0; i < s->n_active && best > now_ms; i++) {
        const host *h = s->active[i];
        /* Waits that end with a transfer are woken by libcurl, not a timer. */
        if (h->active >= s->fc->per_host_max ||
            (s->fc->robots && h->robots_state == ROBOTS_FETCHING))
            continue;
        long long t = earliest(&h->queue, now_ms);
        if (t < 0)
            continue;
        if (h->next_start_ms > t)
            t = h->next_start_ms;
        if (h->wait_until_ms > t)
            t = h->wait_until_ms;
        if (t < best)
            best = t;
    }
    return best <= now_ms ? 0 : (long)(best - now_ms);
}
