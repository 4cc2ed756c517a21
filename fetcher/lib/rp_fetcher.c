#include "rp_fetcher.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "rp_fetch_state_load.h"
#include "rp_fetcher_int.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_signal.h"

#define RP_STATE_LOAD_TIMEOUT_MS 30000

static void describe_metrics(void)
{
    rp_metrics_describe("rp_fetch_total", "sources finished, by outcome");
    rp_metrics_describe("rp_fetch_retries_total", "attempts retried after a transient failure");
    rp_metrics_describe("rp_fetch_failures_total", "sources dead-lettered, by reason");
    rp_metrics_describe("rp_fetch_bytes_total", "decoded body bytes received");
    rp_metrics_describe("rp_fetch_latency_seconds", "duration of one transfer attempt");
    rp_metrics_describe("rp_fetch_hosts", "origins whose politeness and robots.txt state is "
                                          "kept (idle ones are forgotten after --host-idle-s)");
    rp_metrics_set("rp_fetch_hosts", NULL, 0);
}

static int load_state(rp_fetcher *f, const rp_kafka_props *p, char *err, size_t errlen)
{
    if (!(f->state = rp_fetch_state_new())) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (!*f->fc->topic_state)
        return 0;
    long n = rp_fetch_state_load(f->state, rp_fetch_output_producer(f->out), f->c, p,
                                 f->fc->topic_state, RP_STATE_LOAD_TIMEOUT_MS, err, errlen);
    if (n < 0)
        return -1;
    char num[32];
    snprintf(num, sizeof num, "%zu", rp_fetch_state_size(f->state));
    rp_log_kv(RP_LOG_INFO, "fetch state loaded", "topic", f->fc->topic_state, "urls", num, NULL);
    return 0;
}

static int make_multi(rp_fetcher *f)
{
    f->xenv = (rp_transfer_env){.fc = f->fc, .policy = f->policy,
                                .pool = rp_easy_pool_new((size_t)f->fc->max_transfers),
                                .redirect_ok = f->fc->robots ? rp_fetch_redirect_ok : NULL,
                                .redirect_opaque = f};
    if (!f->xenv.pool || !(f->multi = curl_multi_init()))
        return -1;
    curl_multi_setopt(f->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_MULTIPLEX);
    curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, f->fc->max_transfers);
    curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS, f->fc->per_host_max);
    curl_multi_setopt(f->multi, CURLMOPT_MAXCONNECTS, f->fc->max_transfers);
    return 0;
}

rp_fetcher *rp_fetcher_new(const rp_common_conf *c, const rp_fetch_conf *fc,
                           const rp_kafka_props *p, char *err, size_t errlen)
{
    rp_fetcher *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    err[0] = 0;
    f->c = c;
    f->fc = fc;
    f->log_debug = c->log_level && strcasecmp(c->log_level, "debug") == 0;
    f->rng = (uint32_t)rp_now_ms() ^ ((uint32_t)getpid() << 16) ^ 0x9e3779b9u;
    rp_fetch_conf_agent_token(fc->user_agent, f->agent, sizeof f->agent);
    describe_metrics();
    if (!(f->policy = rp_addr_policy_new(fc->allow_hosts, err, errlen)) ||
        !(f->sched = rp_fetch_sched_new(fc, f->agent)) ||
        (fc->refresh_s > 0 && !(f->refresh = rp_strmap_new())) || make_multi(f) != 0 ||
        !(f->out = rp_fetch_output_new(c, fc, p, rp_fetch_job_done, f, err, errlen)) ||
        load_state(f, p, err, errlen) != 0 ||
        (fc->consume_sources && !(f->sources = rp_fetch_sources_new(c, fc, p, err, errlen)))) {
        if (!err[0])
            snprintf(err, errlen, "out of memory");
        rp_fetcher_destroy(f);
        return NULL;
    }
    return f;
}

static void free_refresh(const char *key, void *value, void *opaque)
{
    (void)key;
    (void)opaque;
    free(value);
}

void rp_fetcher_destroy(rp_fetcher *f)
{
    if (!f)
        return;
    while (f->running.head) {
        rp_fetch_job *j = f->running.head;
        rp_job_list_remove(&f->running, j);
        curl_multi_remove_handle(f->multi, j->xfer.easy);
        rp_fetch_job_free(j);
    }
    rp_fetch_sources_destroy(f->sources);
    rp_fetch_output_destroy(f->out); /* jobs awaiting reports are dropped */
    rp_fetch_sched_destroy(f->sched);
    if (f->multi)
        curl_multi_cleanup(f->multi);
    rp_easy_pool_destroy(f->xenv.pool); /* every transfer was cleaned up above */
    rp_fetch_state_destroy(f->state);
    rp_addr_policy_destroy(f->policy);
    if (f->refresh) {
        rp_strmap_each(f->refresh, free_refresh, NULL);
        rp_strmap_destroy(f->refresh);
    }
    free(f);
}

uint32_t rp_fetch_random(rp_fetcher *f)
{
    uint32_t x = f->rng ? f->rng : 0x2545f491u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    f->rng = x;
    return x;
}

static int track_refresh(rp_fetcher *f, const char *src)
{
    if (!f->refresh)
        return 0;
    rp_refresh *r = rp_strmap_get(f->refresh, src);
    if (!r) {
        if (!(r = calloc(1, sizeof *r)))
            return -1;
        if (rp_strmap_put(f->refresh, src, r, NULL) != 0) {
            free(r);
            return -1;
        }
    }
    r->active = true;
    return 0;
}

int rp_fetcher_add(rp_fetcher *f, const char *src, const rp_fetch_input *in)
{
    rp_fetch_job *j = rp_fetch_job_new(src, in);
    if (!j || track_refresh(f, src) != 0) {
        rp_fetch_job_free(j);
        return -1;
    }
    /* A guard output keeps the tracker entry of a consumed source alive and
     * incomplete until the job's outcome is fully handed over (released in
     * rp_fetch_output_end), whatever order delivery reports and revocations
     * come in. */
    if (j->input)
        rp_offsets_output_add(j->input);
    f->open_jobs++;
    rp_fetch_sched_push(f->sched, j);
    return 0;
}

void rp_fetch_abandon(rp_fetcher *f, rp_fetch_job *j)
{
    f->counts.abandoned++;
    f->open_jobs--;
    rp_fetch_job_free(j);
}

static char *trim_line(char *s)
{
    /* '#' starts a comment at the start of a line or after a blank; inside
     * a URL it is a fragment. */
    for (char *c = s; *c; c++)
        if (*c == '#' && (c == s || c[-1] == ' ' || c[-1] == '\t')) {
            *c = 0;
            break;
        }
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                     s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

long rp_fetcher_add_file(rp_fetcher *f, const char *path, char *err, size_t errlen)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        snprintf(err, errlen, "--urls-file %s: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    long n = 0;
    while (getline(&line, &cap, in) >= 0) {
        char *s = trim_line(line);
        if (!*s)
            continue;
        if (rp_fetcher_add(f, s, NULL) != 0) {
            snprintf(err, errlen, "out of memory");
            n = -1;
            break;
        }
        n++;
    }
    free(line);
    fclose(in);
    return n;
}

rp_fetch_counts rp_fetcher_counts(const rp_fetcher *f)
{
    return f->counts;
}
