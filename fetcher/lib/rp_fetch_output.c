#include "rp_fetch_output.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rp_backlog.h"
#include "rp_dlq.h"
#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_signal.h"
#include "rp_url.h"

#define RP_RECORD_OVERHEAD 512 /* record framing on top of key, value, headers */

struct rp_fetch_output {
    const rp_common_conf *c;
    const rp_fetch_conf *fc;
    rd_kafka_t *rk;
    rd_kafka_topic_t *docs, *state;
    rd_kafka_topic_t *dlq;     /* held so its metadata is known before the first dead letter */
    rp_backlog *backlog;
    rp_fetch_done_fn done;
    void *opaque;
    int wake[2];               /* pipe: librdkafka writes a byte when reports arrive */
    size_t in_flight;          /* messages handed over, not answered */
    size_t in_flight_bytes;
    bool failed;
};

/* Same host, same partition, always: an unavailable partition delays the
 * message (librdkafka retries) rather than moving it elsewhere. */
static int32_t by_host(const rd_kafka_topic_t *rkt, const void *key, size_t keylen,
                       int32_t partition_cnt, void *topic_opaque, void *msg_opaque)
{
    (void)rkt;
    (void)topic_opaque;
    (void)msg_opaque;
    return rp_url_partition(key, keylen, partition_cnt);
}

static rd_kafka_topic_t *topic_by_host(rd_kafka_t *rk, const char *name)
{
    rd_kafka_topic_conf_t *tc = rd_kafka_topic_conf_new();
    rd_kafka_topic_conf_set_partitioner_cb(tc, by_host);
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, name, tc);
    if (!t)
        rd_kafka_topic_conf_destroy(tc);
    return t; /* tc now owned by t */
}

static void finish_one(rp_fetch_output *o, rp_fetch_job *j, size_t bytes, bool ok)
{
    o->in_flight_bytes -= bytes < o->in_flight_bytes ? bytes : o->in_flight_bytes;
    if (j->input)
        rp_offsets_output_done(j->input, ok);
    if (!ok)
        j->output_failed = true;
    j->outputs_pending--;
    o->in_flight--;
    if (j->outputs_pending == 0 && j->outputs_done)
        o->done(j, o->opaque);
}

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    rp_fetch_output *o = opaque;
    rp_fetch_job *j = m->_private;
    bool is_doc = strcmp(rd_kafka_topic_name(m->rkt), o->c->topic_documents) == 0;
    if (m->err) {
        o->failed = true;
        if (is_doc)
            rp_backlog_failed(o->backlog, m->len);
        rp_log_kv(RP_LOG_ERROR, "delivery failed", "topic", rd_kafka_topic_name(m->rkt),
                  "error", rd_kafka_err2str(m->err), NULL);
    } else if (is_doc) {
        rp_backlog_acked(o->backlog, m->partition, m->offset, m->len);
    }
    if (j)
        finish_one(o, j, m->len, m->err == RD_KAFKA_RESP_ERR_NO_ERROR);
}

/* The fetcher's producer defaults, given before the user's -X properties so
 * that those win: messages up to --max-message-bytes, and batches as large
 * as a message with a longer linger, because documents are large and
 * throughput matters more than a few milliseconds (fewer, larger requests
 * cost the broker thread far less CPU: 1 MiB batches took ~25% more CPU
 * than these in bench_fetch). Documents are referenced in the batch, not
 * copied into it (message.copy.max.bytes=0): compression reads them where
 * they are, which saves a copy of every body. */
static int producer_props(const rp_fetch_conf *fc, const rp_kafka_props *p, rp_kafka_props *out)
{
    char max[32];
    snprintf(max, sizeof max, "%ld", fc->max_message_bytes + RP_RECORD_OVERHEAD);
    memset(out, 0, sizeof *out);
    if (rp_kafka_props_add(out, "message.max.bytes", max) != 0 ||
        rp_kafka_props_add(out, "batch.size", max) != 0 ||
        rp_kafka_props_add(out, "linger.ms", "20") != 0 ||
        rp_kafka_props_add(out, "message.copy.max.bytes", "0") != 0)
        return -1;
    for (size_t i = 0; p && i < p->n; i++)
        if (rp_kafka_props_add(out, p->keys[i], p->values[i]) != 0)
            return -1;
    return 0;
}

/* Delivery reports make librdkafka write to the pipe when the main queue
 * was empty, so the fetcher's loop can sleep in curl_multi_poll and still
 * serve reports as soon as they come. */
static int enable_wake(rp_fetch_output *o)
{
    if (pipe(o->wake) != 0) {
        o->wake[0] = o->wake[1] = -1;
        return -1;
    }
    for (int i = 0; i < 2; i++)
        if (fcntl(o->wake[i], F_SETFL, fcntl(o->wake[i], F_GETFL) | O_NONBLOCK) != 0 ||
            fcntl(o->wake[i], F_SETFD, FD_CLOEXEC) != 0)
            return -1;
    rd_kafka_queue_t *q = rd_kafka_queue_get_main(o->rk);
    rd_kafka_queue_io_event_enable(q, o->wake[1], "r", 1);
    rd_kafka_queue_destroy(q);
    return 0;
}

static void disable_wake(rp_fetch_output *o)
{
    if (o->wake[0] < 0)
        return;
    if (o->rk) {
        rd_kafka_queue_t *q = rd_kafka_queue_get_main(o->rk);
        rd_kafka_queue_io_event_enable(q, -1, NULL, 0);
        rd_kafka_queue_destroy(q);
    }
    close(o->wake[0]);
    close(o->wake[1]);
    o->wake[0] = o->wake[1] = -1;
}

rp_fetch_output *rp_fetch_output_new(const rp_common_conf *c, const rp_fetch_conf *fc,
                                     const rp_kafka_props *p, rp_fetch_done_fn done,
                                     void *opaque, char *err, size_t errlen)
{
    rp_fetch_output *o = calloc(1, sizeof *o);
    rp_kafka_props props;
    if (!o || producer_props(fc, p, &props) != 0) {
        snprintf(err, errlen, "out of memory");
        free(o);
        return NULL;
    }
    o->c = c;
    o->fc = fc;
    o->wake[0] = o->wake[1] = -1;
    o->done = done;
    o->opaque = opaque;
    rp_kafka_producer_opts po = {.dr_msg_cb = on_delivery, .opaque = o,
                                 .compression = fc->compression, .client_suffix = "-fetcher"};
    o->rk = rp_kafka_producer_new(c, &props, &po, err, errlen);
    rp_kafka_props_clear(&props);
    if (o->rk) {
        o->docs = topic_by_host(o->rk, c->topic_documents);
        o->state = *fc->topic_state ? topic_by_host(o->rk, fc->topic_state) : NULL;
        o->dlq = rd_kafka_topic_new(o->rk, c->topic_dlq, NULL);
        if (!o->docs || (*fc->topic_state && !o->state))
            snprintf(err, errlen, "cannot create topic handles: %s",
                     rd_kafka_err2str(rd_kafka_last_error()));
        else if (enable_wake(o) != 0)
            snprintf(err, errlen, "cannot create the wake-up pipe");
        else
            o->backlog = rp_backlog_new(c, p, c->topic_documents, err, errlen);
    }
    if (!o->rk || !o->docs || (*fc->topic_state && !o->state) || o->wake[0] < 0 ||
        (!o->backlog && err[0])) {
        rp_fetch_output_destroy(o);
        return NULL;
    }
    return o;
}

void rp_fetch_output_destroy(rp_fetch_output *o)
{
    if (!o)
        return;
    disable_wake(o);
    rp_backlog_destroy(o->backlog);
    if (o->docs)
        rd_kafka_topic_destroy(o->docs);
    if (o->state)
        rd_kafka_topic_destroy(o->state);
    if (o->dlq)
        rd_kafka_topic_destroy(o->dlq);
    if (o->rk)
        rd_kafka_destroy(o->rk);
    free(o);
}

static size_t headers_size(const rd_kafka_headers_t *h)
{
    const char *name;
    const void *val;
    size_t len, sum = 0;
    for (size_t i = 0; rd_kafka_header_get_all(h, i, &name, &val, &len) == 0; i++)
        sum += strlen(name) + len + 8;
    return sum;
}

static void add_header(rd_kafka_headers_t *h, const char *name, const char *value)
{
    rp_kafka_header_add_str(h, name, value ? value : "");
}

static rd_kafka_headers_t *doc_headers(const rp_fetch_job *j, const rp_doc_meta *m)
{
    char status[16], final_url[4096];
    snprintf(status, sizeof status, "%ld", m->status);
    rd_kafka_headers_t *h = rd_kafka_headers_new(10);
    add_header(h, "schema_version", "1"); /* docs/schemas/document.schema.json */
    add_header(h, "url", j->src);
    snprintf(final_url, sizeof final_url, "%s", m->final_url ? m->final_url : j->src);
    add_header(h, "final_url", final_url);
    add_header(h, "status", status);
    add_header(h, "content_type", m->content_type);
    add_header(h, "fetched_at", m->fetched_at);
    add_header(h, "etag", m->etag);
    add_header(h, "last_modified", m->last_modified);
    add_header(h, "sha256", m->sha256);
    add_header(h, "http_version", m->http_version);
    return h;
}

/* Enqueues one message; on success the job has one more output in flight.
 * value and h are owned by librdkafka on success (F_FREE), by the caller on
 * failure. */
static rd_kafka_resp_err_t produce(rp_fetch_output *o, rd_kafka_topic_t *rkt, rp_fetch_job *j,
                                   void *value, size_t len, rd_kafka_headers_t *h)
{
    rd_kafka_resp_err_t e;
    for (int tries = 0;; tries++) {
        e = rd_kafka_producev(o->rk, RD_KAFKA_V_RKT(rkt),
                              RD_KAFKA_V_KEY(j->src, strlen(j->src)),
                              RD_KAFKA_V_VALUE(value, len),
                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_FREE),
                              RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_OPAQUE(j), RD_KAFKA_V_END);
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL || tries >= 600)
            break;
        rd_kafka_poll(o->rk, 100); /* a full queue drains as reports are served */
    }
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
        j->outputs_pending++;
        o->in_flight++;
        o->in_flight_bytes += len;
        if (j->input)
            rp_offsets_output_add(j->input);
    }
    return e;
}

rp_output_rc rp_fetch_output_document(rp_fetch_output *o, rp_fetch_job *j,
                                      const rp_doc_meta *m, char *body, size_t len,
                                      char *err, size_t errlen)
{
    rd_kafka_headers_t *h = doc_headers(j, m);
    size_t total = len + strlen(j->src) + headers_size(h);
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE;
    if (total <= (size_t)o->fc->max_message_bytes) {
        /* The bound holds per message: transfers already in flight when it
         * was reached wait here rather than overrun the consumers. */
        rp_backlog_wait(o->backlog, o->rk);
        e = produce(o, o->docs, j, body, len, h);
    }
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR) {
        rp_backlog_sent(o->backlog, len);
        return RP_OUTPUT_OK;
    }
    rd_kafka_headers_destroy(h);
    free(body);
    if (e == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE) {
        snprintf(err, errlen, "document of %zu bytes with headers is over the message limit "
                 "of %ld bytes", total, o->fc->max_message_bytes);
        return RP_OUTPUT_TOO_LARGE;
    }
    snprintf(err, errlen, "cannot enqueue document: %s", rd_kafka_err2str(e));
    return RP_OUTPUT_ERROR;
}

rp_output_rc rp_fetch_output_state(rp_fetch_output *o, rp_fetch_job *j,
                                   const rp_fetch_memo *m, char *err, size_t errlen)
{
    if (!o->state)
        return RP_OUTPUT_OK;
    char *json = rp_fetch_memo_json(m);
    if (!json) {
        snprintf(err, errlen, "out of memory");
        return RP_OUTPUT_ERROR;
    }
    rd_kafka_resp_err_t e = produce(o, o->state, j, json, strlen(json), NULL);
    if (e == RD_KAFKA_RESP_ERR_NO_ERROR)
        return RP_OUTPUT_OK;
    free(json);
    snprintf(err, errlen, "cannot enqueue fetch state: %s", rd_kafka_err2str(e));
    return RP_OUTPUT_ERROR;
}

rp_output_rc rp_fetch_output_dead(rp_fetch_output *o, rp_fetch_job *j, const char *reason,
                                  const char *detail, const void *payload, size_t len,
                                  char *err, size_t errlen)
{
    /* The dead letter must fit a message too: base64 grows the payload by
     * 4/3, so keep at most half of the message cap. */
    size_t keep = (size_t)o->fc->max_message_bytes / 2;
    if ((size_t)o->c->dlq_payload_max < keep)
        keep = (size_t)o->c->dlq_payload_max;
    rd_kafka_headers_t *h = rd_kafka_headers_new(1);
    add_header(h, "url", j->src);
    rp_dlq_record r = {.stage = "fetcher", .reason = reason, .detail = detail,
                       .topic = j->input_topic, .partition = j->input_partition,
                       .offset = j->input_offset, .key = j->src, .key_len = strlen(j->src),
                       .headers = h, .payload = payload, .payload_len = payload ? len : 0};
    int rc = rp_dlq_produce(o->rk, o->c->topic_dlq, &r, keep, j,
                            err, errlen);
    rd_kafka_headers_destroy(h);
    if (rc != 0)
        return RP_OUTPUT_ERROR;
    j->outputs_pending++;
    o->in_flight++;
    if (j->input)
        rp_offsets_output_add(j->input);
    return RP_OUTPUT_OK;
}

void rp_fetch_output_end(rp_fetch_output *o, rp_fetch_job *j)
{
    j->outputs_done = true;
    if (j->input) {
        rp_offsets_end(j->input);
        rp_offsets_output_done(j->input, true); /* the guard of rp_fetcher_add */
    }
    if (j->outputs_pending == 0)
        o->done(j, o->opaque);
}

void rp_fetch_output_poll(rp_fetch_output *o, int timeout_ms)
{
    rd_kafka_poll(o->rk, timeout_ms);
}

void rp_fetch_output_drain_wake(rp_fetch_output *o)
{
    char buf[64];
    while (read(o->wake[0], buf, sizeof buf) > 0)
        ;
}

int rp_fetch_output_wake_fd(const rp_fetch_output *o)
{
    return o->wake[0];
}

/* rd_kafka_flush sends at once, ignoring linger.ms, and serves reports. */
int rp_fetch_output_flush(rp_fetch_output *o, int timeout_ms)
{
    long long end = rp_now_ms() + timeout_ms;
    while (o->in_flight > 0 || rd_kafka_outq_len(o->rk) > 0) {
        long long left = end - rp_now_ms();
        if (left <= 0)
            return -1;
        rd_kafka_flush(o->rk, left < 100 ? (int)left : 100);
    }
    return 0;
}

size_t rp_fetch_output_in_flight(const rp_fetch_output *o)
{
    return o->in_flight;
}

size_t rp_fetch_output_in_flight_bytes(const rp_fetch_output *o)
{
    return o->in_flight_bytes;
}

rd_kafka_t *rp_fetch_output_producer(rp_fetch_output *o)
{
    return o->rk;
}

bool rp_fetch_output_blocked(rp_fetch_output *o)
{
    return rp_backlog_blocked(o->backlog);
}

bool rp_fetch_output_failed(const rp_fetch_output *o)
{
    return o->failed;
}
