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
    struct host *lru_prev, *lru_next; /* s->lru_*: least recently used first */
    long long used_ms;         /* last activity, on the scheduler's clock */
    char origin[];             /* its key in s->hosts */
} host;

/* Waiting jobs live in per-origin queues; `active` lists the origins with
 * waiting jobs and is walked round-robin, so one busy host costs one check
 * per turn, not one per job, and hosts take turns.
 *
 * Every host record is also on a list ordered by last use (lru_head the
 * least recently used). Each use moves the host to the tail stamped with the
 * scheduler's clock, which never goes back, so the list stays sorted and
 * eviction only ever looks at its head. */
struct rp_fetch_sched {
    const rp_fetch_conf *fc;
    char agent[64];
    rp_job_list other;         /* files and refused sources: ready at once */
    rp_strmap *hosts;          /* origin -> host, kept for robots and politeness */
    host **active;
    size_t n_active, cap_active, next_turn;
    size_t waiting;
    host *lru_head, *lru_tail;
    long long clock_ms;        /* the latest now_ms seen */
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

static void advance_clock(rp_fetch_sched *s, long long now_ms)
{
    if (now_ms > s->clock_ms)
        s->clock_ms = now_ms;
}

static void lru_unlink(rp_fetch_sched *s, host *h)
{
    if (h->lru_prev)
        h->lru_prev->lru_next = h->lru_next;
    else
        s->lru_head = h->lru_next;
    if (h->lru_next)
        h->lru_next->lru_prev = h->lru_prev;
    else
        s->lru_tail = h->lru_prev;
    h->lru_prev = h->lru_next = NULL;
}

static void lru_append(rp_fetch_sched *s, host *h)
{
    h->lru_prev = s->lru_tail;
    h->lru_next = NULL;
    if (s->lru_tail)
        s->lru_tail->lru_next = h;
    else
        s->lru_head = h;
    s->lru_tail = h;
}

/* The host was used now (on the scheduler's clock). */
static void touch(rp_fetch_sched *s, host *h)
{
    h->used_ms = s->clock_ms;
    if (s->lru_tail != h) {
        lru_unlink(s, h);
        lru_append(s, h);
    }
}

/* The host record of origin, created when missing, marked as used. NULL on
 * ENOMEM. */
static host *get_host(rp_fetch_sched *s, const char *origin)
{
    host *h = rp_strmap_get(s->hosts, origin);
    if (h) {
        touch(s, h);
        return h;
    }
    size_t n = strlen(origin);
    h = calloc(1, sizeof *h + n + 1);
    if (!h)
        return NULL;
    memcpy(h->origin, origin, n + 1);
    if (rp_strmap_put(s->hosts, origin, h, NULL) != 0) {
        free(h);
        return NULL;
    }
    h->used_ms = s->clock_ms;
    lru_append(s, h);
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
    touch(s, h);
    return a;
}

rp_sched_action rp_fetch_sched_next(rp_fetch_sched *s, long long now_ms, rp_fetch_job **job)
{
    *job = NULL;
    advance_clock(s, now_ms);
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
    advance_clock(s, now_ms);
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

void rp_fetch_sched_finished(rp_fetch_sched *s, const char *origin, long long now_ms)
{
    host *h = *origin ? rp_strmap_get(s->hosts, origin) : NULL;
    if (!h)
        return;
    advance_clock(s, now_ms);
    touch(s, h);
    if (h->active > 0)
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
    advance_clock(s, now_ms);
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

size_t rp_fetch_sched_hosts(const rp_fetch_sched *s)
{
    return rp_strmap_size(s->hosts);
}

/* Nothing refers to the host and forgetting it changes no decision but its
 * robots.txt (fetched again): no job queued or running, no robots.txt fetch
 * under way, no politeness delay or Retry-After still to wait. */
static bool host_forgettable(const host *h, long long now)
{
    return !h->listed && !h->queue.head && h->active == 0 &&
           h->robots_state != ROBOTS_FETCHING && now >= h->next_start_ms &&
           now >= h->wait_until_ms;
}

static void evict(rp_fetch_sched *s, host *h)
{
    lru_unlink(s, h);
    rp_strmap_remove(s->hosts, h->origin);
    rp_robots_free(h->robots);
    free(h);
}

size_t rp_fetch_sched_evict(rp_fetch_sched *s, long long now_ms, size_t max_checks)
{
    advance_clock(s, now_ms);
    long long idle_ms = s->fc->host_idle_s * 1000;
    size_t evicted = 0;
    for (size_t k = 0; k < max_checks && s->lru_head; k++) {
        host *h = s->lru_head;
        if (s->clock_ms - h->used_ms < idle_ms)
            break; /* every other host was used later */
        if (host_forgettable(h, s->clock_ms)) {
            evict(s, h);
            evicted++;
        } else {
            touch(s, h); /* busy or waiting: look again one idle period later */
        }
    }
    return evicted;
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
