#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rp_fetcher_int.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_signal.h"

static void log_outcome(const rp_fetch_job *j, rp_log_level lvl, const char *what,
                        const char *reason, const char *detail)
{
    char url[2048];
    rp_url_redact(j->src, url, sizeof url);
    rp_log_kv(lvl, what, "url", url, "reason", reason ? reason : "", "detail",
              detail ? detail : "", NULL);
}

/* A delivery that cannot even be enqueued leaves the job without its
 * outcome: count it as undelivered and end the job. */
static void output_error(rp_fetcher *f, rp_fetch_job *j, const char *err)
{
    log_outcome(j, RP_LOG_ERROR, "cannot produce outcome", "produce_failed", err);
    j->output_failed = true;
    rp_fetch_output_end(f->out, j);
}

void rp_fetch_finish_failed(rp_fetcher *f, rp_fetch_job *j, const char *reason,
                            const char *detail, const void *payload, size_t len)
{
    char err[256];
    char labels[96];
    j->verdict = RP_FETCH_FAILED;
    snprintf(j->reason, sizeof j->reason, "%s", reason);
    snprintf(labels, sizeof labels, "reason=\"%s\"", reason);
    rp_metrics_inc("rp_fetch_failures_total", labels, 1);
    log_outcome(j, RP_LOG_WARN, "fetch failed, dead letter", reason, detail);
    if (rp_fetch_output_dead(f->out, j, reason, detail, payload, len, err, sizeof err) != 0) {
        output_error(f, j, err);
        return;
    }
    rp_fetch_output_end(f->out, j);
}

static void now_rfc3339(char *out, size_t outlen)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    char base[24];
    strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
    int ms = (int)(ts.tv_nsec / 1000000) % 1000;
    snprintf(out, outlen, "%.19s.%03dZ", base, ms);
}

/* Remembers the memo and produces it; the job's last output. */
static void remember(rp_fetcher *f, rp_fetch_job *j, rp_fetch_memo *m)
{
    char err[256];
    rp_output_rc rc = rp_fetch_output_state(f->out, j, m, err, sizeof err);
    if (rp_fetch_state_put(f->state, j->src, m) != 0)
        rp_fetch_memo_clear(m);
    if (rc != RP_OUTPUT_OK) {
        output_error(f, j, err);
        return;
    }
    rp_fetch_output_end(f->out, j);
}

void rp_fetch_finish_body(rp_fetcher *f, rp_fetch_job *j, rp_fetch_verdict v, rp_fetch_body *b)
{
    char fetched_at[40], err[256];
    const rp_fetch_memo *prev = rp_fetch_state_get(f->state, j->src);
    now_rfc3339(fetched_at, sizeof fetched_at);
    j->verdict = v;
    if (v == RP_FETCH_DOCUMENT) {
        rp_doc_meta meta = {.final_url = b->final_url, .status = b->status,
                            .content_type = b->content_type, .fetched_at = fetched_at,
                            .etag = b->etag, .last_modified = b->last_modified,
                            .sha256 = b->sha256, .http_version = b->http_version};
        rp_output_rc rc = rp_fetch_output_document(f->out, j, &meta, b->data, b->len, err,
                                                   sizeof err);
        b->data = NULL; /* taken */
        if (rc == RP_OUTPUT_TOO_LARGE) {
            rp_fetch_finish_failed(f, j, "message_too_large", err, NULL, 0);
            return;
        }
        if (rc != RP_OUTPUT_OK) {
            output_error(f, j, err);
            return;
        }
    } else {
        free(b->data);
        b->data = NULL;
        if (prev && prev->fetched_at)
            snprintf(fetched_at, sizeof fetched_at, "%s", prev->fetched_at);
    }
    rp_fetch_memo m;
    if (rp_fetch_memo_set(&m, b->etag, b->last_modified, fetched_at, b->sha256, b->status) != 0) {
        output_error(f, j, "out of memory");
        return;
    }
    remember(f, j, &m);
}

void rp_fetch_finish_not_modified(rp_fetcher *f, rp_fetch_job *j)
{
    const rp_fetch_memo *prev = rp_fetch_state_get(f->state, j->src);
    rp_fetch_memo m;
    j->verdict = RP_FETCH_NOT_MODIFIED;
    if (!prev || rp_fetch_memo_set(&m, prev->etag, prev->last_modified, prev->fetched_at,
                                   prev->sha256, prev->status) != 0) {
        rp_fetch_output_end(f->out, j);
        return;
    }
    remember(f, j, &m);
}

static void count(rp_fetcher *f, const rp_fetch_job *j)
{
    char labels[48];
    snprintf(labels, sizeof labels, "outcome=\"%s\"", rp_fetch_verdict_name(j->verdict));
    rp_metrics_inc("rp_fetch_total", labels, 1);
    switch (j->verdict) {
    case RP_FETCH_DOCUMENT: f->counts.fetched++; break;
    case RP_FETCH_NOT_MODIFIED: f->counts.not_modified++; break;
    case RP_FETCH_UNCHANGED: f->counts.unchanged++; break;
    default: f->counts.failed++; break;
    }
}

void rp_fetch_job_done(rp_fetch_job *j, void *opaque)
{
    rp_fetcher *f = opaque;
    if (j->output_failed) {
        f->counts.undelivered++;
        log_outcome(j, RP_LOG_ERROR, "outcome not acknowledged by the broker", j->reason, NULL);
    } else {
        count(f, j);
        if (f->log_debug) /* spares redacting every URL for a dropped line */
            log_outcome(j, RP_LOG_DEBUG, rp_fetch_verdict_name(j->verdict), j->reason, NULL);
    }
    rp_refresh *r = f->refresh ? rp_strmap_get(f->refresh, j->src) : NULL;
    if (r) {
        r->active = false;
        r->due_ms = rp_now_ms() + f->fc->refresh_s * 1000;
    }
    f->open_jobs--;
    rp_fetch_job_free(j);
}
