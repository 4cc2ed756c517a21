#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <limits.h>

#include "rp_fetch_file.h"
#include "rp_fetcher_int.h"
#include "rp_hash.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_retry.h"
#include "rp_signal.h"

#define RP_ROBOTS_MAX_BODY (512 * 1024)

static rp_fetch_policy retry_policy(const rp_fetch_conf *fc)
{
    return (rp_fetch_policy){.max_retries = fc->max_retries, .retry_base_ms = fc->retry_base_ms,
                             .retry_max_ms = fc->retry_max_ms,
                             .max_retry_after_s = fc->max_retry_after_s};
}

/* Puts the job back in the queue for another attempt. */
static void retry_later(rp_fetcher *f, rp_fetch_job *j, const rp_fetch_decision *d)
{
    char url[2048], delay[32];
    long long now = rp_now_ms();
    rp_transfer_cleanup(&j->xfer);
    j->not_before_ms = now + d->delay_ms;
    if (d->host_wait)
        rp_fetch_sched_host_wait(f->sched, j->origin, now + d->delay_ms);
    f->counts.retries++;
    rp_metrics_inc("rp_fetch_retries_total", NULL, 1);
    rp_url_redact(j->src, url, sizeof url);
    snprintf(delay, sizeof delay, "%ld", d->delay_ms);
    rp_log_kv(RP_LOG_INFO, "retrying", "url", url, "reason", d->reason, "delay_ms", delay, NULL);
    rp_fetch_sched_push(f->sched, j);
}

static void start_file(rp_fetcher *f, rp_fetch_job *j)
{
    char err[512], sha[RP_SHA256_HEX_LEN + 1], final_url[4200];
    rp_fetch_body b = {.status = 200};
    if (!f->fc->allow_files) {
        rp_fetch_finish_failed(f, j, "files_not_allowed",
                               "local files are read only with --allow-files", NULL, 0);
        return;
    }
    rp_file_status st = rp_fetch_file_read(j->url.file_path, (size_t)f->fc->max_body_bytes,
                                           &b.data, &b.len, err, sizeof err);
    if (st != RP_FILE_OK) {
        rp_fetch_finish_failed(f, j, rp_fetch_file_reason(st), err, NULL, 0);
        return;
    }
    rp_sha256_hex(b.data, b.len, sha);
    const rp_fetch_memo *prev = rp_fetch_state_get(f->state, j->src);
    bool same = prev && strcmp(prev->sha256, sha) == 0;
    char *abs = realpath(j->url.file_path, NULL); /* relative paths become absolute */
    snprintf(final_url, sizeof final_url, "file://%s", abs ? abs : j->url.file_path);
    free(abs);
    b.final_url = final_url;
    b.content_type = rp_fetch_file_content_type(j->url.file_path);
    b.sha256 = sha;
    rp_metrics_inc("rp_fetch_bytes_total", NULL, (double)b.len);
    rp_fetch_finish_body(f, j, same ? RP_FETCH_UNCHANGED : RP_FETCH_DOCUMENT, &b);
}

static void add_transfer(rp_fetcher *f, rp_fetch_job *j, long long now)
{
    rp_fetch_sched_started(f->sched, j->origin, now);
    j->started_ms = now;
    rp_job_list_push(&f->running, j);
    curl_multi_add_handle(f->multi, j->xfer.easy);
}

static void start_http(rp_fetcher *f, rp_fetch_job *j, long long now)
{
    const rp_fetch_memo *m = rp_fetch_state_get(f->state, j->src);
    rp_transfer_req req = {.url = j->src, .sha256 = true, .check_redirects = true, .owner = j};
    if (m && m->sha256[0]) {
        req.etag = m->etag;
        req.last_modified = m->last_modified;
    }
    j->conditional = (req.etag && *req.etag) || (req.last_modified && *req.last_modified);
    j->attempts++;
    CURLcode rc = rp_transfer_init(&j->xfer, &f->xenv, &req);
    if (rc != CURLE_OK) {
        char detail[160];
        snprintf(detail, sizeof detail, "libcurl refused the URL or its options: %s",
                 curl_easy_strerror(rc));
        rp_fetch_finish_failed(f, j, "invalid_url", detail, NULL, 0);
        return;
    }
    add_transfer(f, j, now);
}

static void start_robots(rp_fetcher *f, const char *origin, long long now)
{
    char url[RP_ORIGIN_MAX + 16];
    snprintf(url, sizeof url, "%s/robots.txt", origin);
    rp_fetch_job *r = rp_fetch_job_new(url, NULL);
    rp_transfer_req req = {.url = url, .max_body = RP_ROBOTS_MAX_BODY, .owner = r};
    if (!r || r->url.kind != RP_URL_HTTP || rp_transfer_init(&r->xfer, &f->xenv, &req) != CURLE_OK) {
        rp_fetch_job_free(r);
        rp_fetch_sched_robots_done(f->sched, origin, NULL, now);
        return;
    }
    r->is_robots = true;
    snprintf(r->origin, sizeof r->origin, "%s", origin);
    rp_fetch_sched_robots_started(f->sched, origin);
    add_transfer(f, r, now);
}

static void start_job(rp_fetcher *f, rp_fetch_job *j, long long now)
{
    switch (j->url.kind) {
    case RP_URL_HTTP:
        start_http(f, j, now);
        break;
    case RP_URL_FILE:
        start_file(f, j);
        break;
    case RP_URL_OTHER_SCHEME:
        rp_fetch_finish_failed(f, j, "scheme_not_allowed", j->url_error, NULL, 0);
        break;
    default:
        rp_fetch_finish_failed(f, j, "invalid_url", j->url_error, NULL, 0);
        break;
    }
}

/* robots.txt could not be read: a transient failure of the job. */
static void robots_failed(rp_fetcher *f, rp_fetch_job *j)
{
    rp_fetch_policy p = retry_policy(f->fc);
    j->attempts++;
    if (j->attempts > p.max_retries) {
        rp_fetch_finish_failed(f, j, "robots_unavailable",
                               "robots.txt could not be fetched (RFC 9309: full disallow)",
                               NULL, 0);
        return;
    }
    rp_fetch_decision d = {.verdict = RP_FETCH_RETRY};
    snprintf(d.reason, sizeof d.reason, "robots_unavailable");
    d.delay_ms = rp_backoff_ms(j->attempts, p.retry_base_ms, p.retry_max_ms, rp_fetch_random(f));
    retry_later(f, j, &d);
}

/* Outputs in flight above this stop new starts until reports come back:
 * a memory bound (the backlog bound is the downstream one). */
static bool output_full(rp_fetcher *f)
{
    return rp_fetch_output_in_flight(f->out) >= 65536 ||
           rp_fetch_output_in_flight_bytes(f->out) >= (size_t)64 << 20;
}

void rp_fetch_start_ready(rp_fetcher *f, long long now)
{
    while (f->running.n < (size_t)f->fc->max_transfers &&
           !output_full(f) &&
           !rp_fetch_output_blocked(f->out)) {
        rp_fetch_job *j = NULL;
        switch (rp_fetch_sched_next(f->sched, now, &j)) {
        case RP_SCHED_NONE:
            return;
        case RP_SCHED_START:
            start_job(f, j, now);
            break;
        case RP_SCHED_FETCH_ROBOTS:
            start_robots(f, j->origin, now);
            break;
        case RP_SCHED_DISALLOWED:
            rp_fetch_finish_failed(f, j, "robots_disallowed",
                                   "robots.txt disallows this path for our user agent", NULL, 0);
            break;
        case RP_SCHED_ROBOTS_FAILED:
            robots_failed(f, j);
            break;
        }
    }
}

/* robots.txt answered: 2xx is parsed, 4xx allows all; a refused address
 * or a permanent transport error (TLS, redirects) allows all too, because
 * the job's own request fails the same way and is dead-lettered with the
 * true reason; 5xx and transient errors make it "unavailable". */
static void robots_done(rp_fetcher *f, rp_fetch_job *r, CURLcode rc)
{
    long status = 0;
    curl_easy_getinfo(r->xfer.easy, CURLINFO_RESPONSE_CODE, &status);
    rp_robots *parsed = NULL;
    bool ok_body = rc == CURLE_OK || r->xfer.too_large;
    if (ok_body && status >= 200 && status < 300)
        parsed = rp_robots_parse(r->xfer.body ? r->xfer.body : "", r->xfer.body_len, f->agent);
    else if ((rc == CURLE_OK && status >= 400 && status < 500) || r->xfer.blocked ||
             (rc != CURLE_OK && !r->xfer.too_large && !rp_retry_curl_transient(rc)))
        parsed = rp_robots_allow_all();
    if (!parsed)
        rp_log_kv(RP_LOG_WARN, "robots.txt unavailable", "origin", r->origin, "error",
                  rc ? curl_easy_strerror(rc) : "HTTP error", NULL);
    rp_fetch_sched_robots_done(f->sched, r->origin, parsed, rp_now_ms());
}

static void observe(const rp_fetch_job *j)
{
    double secs = (double)(rp_now_ms() - j->started_ms) / 1000.0;
    rp_metrics_observe("rp_fetch_latency_seconds", NULL, secs);
    rp_metrics_inc("rp_fetch_bytes_total", NULL, (double)j->xfer.body_len);
}

static void failure_detail(const rp_fetch_job *j, CURLcode rc, long status, char *out,
                           size_t outlen)
{
    if (j->xfer.blocked)
        snprintf(out, outlen, "address refused by policy: %s", j->xfer.blocked_detail);
    else if (j->xfer.redirect_refused)
        snprintf(out, outlen, "redirect to %.160s, which robots.txt disallows for our user agent",
                 j->xfer.refused_url);
    else if (j->xfer.too_large)
        snprintf(out, outlen, "body larger than %zu bytes (decoded)", j->xfer.max_body);
    else if (rc != CURLE_OK && rp_transfer_error(&j->xfer))
        snprintf(out, outlen, "%.200s after %d attempt(s)", rp_transfer_error(&j->xfer),
                 j->attempts);
    else if (rc != CURLE_OK)
        snprintf(out, outlen, "%s after %d attempt(s)", curl_easy_strerror(rc), j->attempts);
    else
        snprintf(out, outlen, "HTTP %ld after %d attempt(s)", status, j->attempts);
}

/* A 2xx (or 304) answer: its validators and body go to the outcome. */
static void finish_answer(rp_fetcher *f, rp_fetch_job *j, const rp_fetch_decision *d,
                          long status, const char *sha)
{
    if (d->verdict == RP_FETCH_NOT_MODIFIED) {
        rp_transfer_cleanup(&j->xfer);
        rp_fetch_finish_not_modified(f, j);
        return;
    }
    char *final_url = NULL, *ctype = NULL;
    curl_easy_getinfo(j->xfer.easy, CURLINFO_EFFECTIVE_URL, &final_url);
    curl_easy_getinfo(j->xfer.easy, CURLINFO_CONTENT_TYPE, &ctype);
    char *etag = rp_transfer_header(&j->xfer, "ETag");
    char *lm = rp_transfer_header(&j->xfer, "Last-Modified");
    char *final_copy = strdup(final_url ? final_url : j->src);
    char *ctype_copy = strdup(ctype ? ctype : "");
    rp_fetch_body b = {.status = status, .final_url = final_copy, .content_type = ctype_copy,
                       .etag = etag, .last_modified = lm, .sha256 = sha,
                       .http_version = rp_transfer_http_version(&j->xfer)};
    b.data = rp_transfer_take_body(&j->xfer, &b.len);
    rp_transfer_cleanup(&j->xfer);
    rp_fetch_finish_body(f, j, d->verdict, &b);
    free(b.data);
    free(etag);
    free(lm);
    free(final_copy);
    free(ctype_copy);
}

/* The body's digest, taken as it arrived (a second pass only if the running
 * hash could not be started). */
static void body_sha256(rp_fetch_job *j, char sha[RP_SHA256_HEX_LEN + 1])
{
    const char *h = rp_transfer_sha256(&j->xfer);
    if (h)
        memcpy(sha, h, RP_SHA256_HEX_LEN + 1);
    else
        rp_sha256_hex(j->xfer.body ? j->xfer.body : "", j->xfer.body_len, sha);
}

static void job_done(rp_fetcher *f, rp_fetch_job *j, CURLcode rc)
{
    long status = 0;
    char sha[RP_SHA256_HEX_LEN + 1] = "", detail[256];
    curl_easy_getinfo(j->xfer.easy, CURLINFO_RESPONSE_CODE, &status);
    observe(j);
    if (rc == CURLE_OK && status >= 200 && status < 300)
        body_sha256(j, sha);
    const rp_fetch_memo *m = rp_fetch_state_get(f->state, j->src);
    char *retry_after = rp_transfer_header(&j->xfer, "Retry-After");
    rp_fetch_attempt a = {.rc = rc, .status = status, .too_large = j->xfer.too_large,
                          .blocked = j->xfer.blocked, .retry_after = retry_after,
                          .sha256 = sha, .prev_sha256 = m ? m->sha256 : NULL,
                          .conditional = j->conditional, .attempts = j->attempts};
    rp_fetch_policy p = retry_policy(f->fc);
    rp_fetch_decision d = rp_fetch_decide(&a, &p, time(NULL), rp_fetch_random(f));
    free(retry_after);
    if (j->xfer.redirect_refused) {
        d = (rp_fetch_decision){.verdict = RP_FETCH_FAILED};
        snprintf(d.reason, sizeof d.reason, "robots_disallowed");
    }
    if (d.verdict == RP_FETCH_RETRY && f->stopping) {
        rp_fetch_abandon(f, j); /* a consumed source comes again after restart */
        return;
    }
    switch (d.verdict) {
    case RP_FETCH_RETRY:
        retry_later(f, j, &d);
        break;
    case RP_FETCH_FAILED:
        failure_detail(j, rc, status, detail, sizeof detail);
        rp_fetch_finish_failed(f, j, d.reason, detail, j->xfer.body, j->xfer.body_len);
        break;
    default:
        finish_answer(f, j, &d, status, sha);
        break;
    }
}

bool rp_fetch_redirect_ok(const char *url, void *opaque)
{
    rp_fetcher *f = opaque;
    rp_url u;
    char origin[RP_ORIGIN_MAX], err[64];
    if (rp_url_parse(url, &u, err, sizeof err) != 0)
        return true; /* libcurl refuses what it cannot follow */
    bool ok = u.kind != RP_URL_HTTP || rp_url_origin(&u, origin, sizeof origin) != 0 ||
              rp_fetch_sched_robots_verdict(f->sched, origin, u.path_query, rp_now_ms()) !=
                  RP_ROBOTS_DISALLOWED;
    rp_url_clear(&u);
    return ok;
}

void rp_fetch_collect_done(rp_fetcher *f)
{
    CURLMsg *msg;
    int left = 0;
    while ((msg = curl_multi_info_read(f->multi, &left)) != NULL) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        rp_fetch_job *j = NULL;
        CURLcode rc = msg->data.result;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&j);
        curl_multi_remove_handle(f->multi, msg->easy_handle);
        rp_job_list_remove(&f->running, j);
        rp_fetch_sched_finished(f->sched, j->origin, rp_now_ms());
        if (j->is_robots) {
            robots_done(f, j, rc);
            rp_fetch_job_free(j);
        } else {
            job_done(f, j, rc);
        }
    }
}
