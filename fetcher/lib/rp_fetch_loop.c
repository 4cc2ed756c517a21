/* rp_fetcher_run: the loop — start what may start, wait for sockets,
 * collect finished transfers, serve delivery reports, take new sources —
 * and the drain on SIGTERM. */
#include <stdio.h>
#include <stdlib.h>

#include "rp_fetcher_int.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_signal.h"

#define RP_LOOP_MAX_WAIT_MS 100
#define RP_REFRESH_SCAN_MS 1000
#define RP_EVICT_CHECKS 64     /* host records looked at per turn, at most */

typedef struct refresh_scan {
    rp_fetcher *f;
    long long now;
    const char **due;
    size_t n, cap;
} refresh_scan;

static void collect_due(const char *key, void *value, void *opaque)
{
    refresh_scan *s = opaque;
    rp_refresh *r = value;
    if (r->active || r->due_ms > s->now)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        const char **nd = realloc(s->due, cap * sizeof *nd);
        if (!nd)
            return;
        s->due = nd;
        s->cap = cap;
    }
    s->due[s->n++] = key;
}

/* Queues again every source whose refresh interval elapsed. */
static void refresh_due(rp_fetcher *f, long long now)
{
    refresh_scan s = {.f = f, .now = now};
    rp_strmap_each(f->refresh, collect_due, &s);
    for (size_t i = 0; i < s.n; i++)
        if (rp_fetcher_add(f, s.due[i], NULL) != 0)
            rp_log_error("out of memory queueing a refresh");
    free(s.due);
}

static void on_source(const char *src, const rp_fetch_input *in, void *opaque)
{
    rp_fetcher *f = opaque;
    if (rp_fetcher_add(f, src, in) != 0) {
        rp_log_error("out of memory queueing a consumed source");
        rp_offsets_end(in->entry);
    }
}

static bool finished(const rp_fetcher *f)
{
    if (f->stopping)
        return f->running.n == 0 && rp_fetch_output_in_flight(f->out) == 0;
    return !f->sources && !f->refresh && f->open_jobs == 0;
}

/* How long the loop may sleep: transfers and delivery reports wake it (the
 * sockets and the output's wake fd are polled), so only the scheduler's own
 * timers count. */
static long wait_ms(const rp_fetcher *f, long long now)
{
    if (f->stopping || f->running.n >= (size_t)f->fc->max_transfers)
        return RP_LOOP_MAX_WAIT_MS;
    long w = rp_fetch_sched_wait_ms(f->sched, now, RP_LOOP_MAX_WAIT_MS);
    return w > 0 ? w : 10; /* ready but held (limits, backlog): look again soon */
}

static void begin_stop(rp_fetcher *f)
{
    f->stopping = true;
    char running[32], queued[32];
    snprintf(running, sizeof running, "%zu", f->running.n);
    snprintf(queued, sizeof queued, "%zu", rp_fetch_sched_waiting(f->sched));
    rp_log_kv(RP_LOG_INFO, "stopping: draining in-flight transfers", "running", running,
              "queued_left", queued, NULL);
}

/* Forgets idle hosts, a few at a time, and keeps the gauge current. */
static void forget_idle_hosts(rp_fetcher *f, long long now)
{
    rp_fetch_sched_evict(f->sched, now, RP_EVICT_CHECKS);
    size_t n = rp_fetch_sched_hosts(f->sched);
    if (n != f->hosts_reported) {
        rp_metrics_set("rp_fetch_hosts", NULL, (double)n);
        f->hosts_reported = n;
    }
}

/* One turn of the loop. */
static void turn(rp_fetcher *f, long long *next_refresh)
{
    long long now = rp_now_ms();
    forget_idle_hosts(f, now);
    if (!f->stopping) {
        rp_fetch_start_ready(f, now);
        if (f->sources) {
            size_t waiting = rp_fetch_sched_waiting(f->sched);
            size_t room = (size_t)f->fc->max_transfers * 2;
            rp_fetch_sources_poll(f->sources, waiting < room, room - (waiting < room ? waiting : 0),
                                  on_source, f);
        }
        if (f->refresh && now >= *next_refresh) {
            refresh_due(f, now);
            *next_refresh = now + RP_REFRESH_SCAN_MS;
        }
    }
    if (!f->sources && !f->refresh && f->running.n == 0 &&
        rp_fetch_sched_waiting(f->sched) == 0) {
        /* Only outcomes in flight: send them now rather than after linger. */
        rp_fetch_output_flush(f->out, RP_LOOP_MAX_WAIT_MS);
        return;
    }
    int still = 0;
    struct curl_waitfd wake = {.fd = rp_fetch_output_wake_fd(f->out), .events = CURL_WAIT_POLLIN};
    curl_multi_poll(f->multi, &wake, 1, (int)wait_ms(f, now), NULL);
    if (wake.revents)
        rp_fetch_output_drain_wake(f->out);
    curl_multi_perform(f->multi, &still);
    rp_fetch_collect_done(f);
    rp_fetch_output_poll(f->out, 0);
}

static void summary(const rp_fetcher *f, int rc)
{
    char v[7][24];
    const rp_fetch_counts *k = &f->counts;
    size_t vals[7] = {k->fetched, k->not_modified, k->unchanged, k->failed, k->retries,
                      k->undelivered, k->abandoned};
    for (int i = 0; i < 7; i++)
        snprintf(v[i], sizeof v[i], "%zu", vals[i]);
    rp_log_kv(rc == 0 ? RP_LOG_INFO : RP_LOG_ERROR, "fetch summary", "fetched", v[0],
              "not_modified", v[1], "unchanged", v[2], "failed", v[3], "retries", v[4],
              "undelivered", v[5], "abandoned", v[6], NULL);
}

int rp_fetcher_run(rp_fetcher *f)
{
    long long next_refresh = 0;
    bool timed_out = false;
    rp_metrics_set_ready(true);
    while (!finished(f)) {
        if (!f->stopping && rp_signal_stop_requested())
            begin_stop(f);
        if (f->stopping && rp_now_ms() - rp_signal_stop_time_ms() > f->c->drain_timeout_ms) {
            rp_log_error("drain timed out");
            timed_out = true;
            break;
        }
        turn(f, &next_refresh);
        rp_readiness_tick(&f->readiness, rp_fetch_output_producer(f->out),
                          !f->stopping && !rp_fetch_output_failed(f->out));
    }
    long long left = f->c->drain_timeout_ms;
    if (f->stopping)
        left -= rp_now_ms() - rp_signal_stop_time_ms();
    if (!timed_out && rp_fetch_output_flush(f->out, left > 0 ? (int)left : 0) != 0) {
        rp_log_error("producer did not flush in time");
        timed_out = true;
    }
    rp_fetch_sources_close(f->sources);
    rp_metrics_set_ready(false);
    int rc = timed_out || rp_fetch_output_failed(f->out) || f->counts.undelivered ? 1 : 0;
    summary(f, rc);
    return rc;
}
