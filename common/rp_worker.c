#include "rp_worker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_backlog.h"
#include "rp_dlq.h"
#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_offsets.h"
#include "rp_signal.h"

#define RP_WORKER_MAX_PENDING 2000      /* inputs in flight before we stop consuming */

struct rp_worker {
    const rp_common_conf *c;
    rp_worker_conf wc;
    rd_kafka_t *consumer;
    rd_kafka_t *producer;
    rp_offsets *offsets;
    rp_backlog *backlog;
    rp_worker_process_fn fn;
    void *ctx;
    rd_kafka_topic_partition_list_t *assignment;
    bool paused;
    bool fatal;
    bool joined;
    rp_readiness readiness;
    char labels[96];           /* stage="parser" */
};

struct rp_emit {
    rp_worker *w;
    rp_offsets_entry *entry;
    const rd_kafka_message_t *in;
};

/* ---- delivery reports and offsets ---------------------------------- */

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    rp_worker *w = opaque;
    rp_offsets_entry *e = m->_private;
    bool to_output = strcmp(rd_kafka_topic_name(m->rkt), w->wc.output_topic) == 0;
    if (m->err) {
        if (to_output)
            rp_backlog_failed(w->backlog, m->len);
        rp_log_kv(RP_LOG_ERROR, "delivery failed; stopping without committing its input",
                  "stage", w->wc.stage, "topic", rd_kafka_topic_name(m->rkt),
                  "error", rd_kafka_err2str(m->err), NULL);
        rp_metrics_inc("rp_produce_errors_total", w->labels, 1);
        w->fatal = true;
    } else if (to_output) {
        rp_backlog_acked(w->backlog, m->partition, m->offset, m->len);
    }
    if (e)
        rp_offsets_output_done(e, m->err == RD_KAFKA_RESP_ERR_NO_ERROR);
}

static void store_one(const char *topic, int32_t partition, int64_t next, void *opaque)
{
    rd_kafka_topic_partition_list_t **l = opaque;
    if (!*l)
        *l = rd_kafka_topic_partition_list_new(8);
    rd_kafka_topic_partition_list_add(*l, topic, partition)->offset = next;
}

/* Stores every offset whose outputs are all acknowledged; auto-commit (or
 * the explicit commit at revoke and shutdown) sends them to the group. */
static void store_offsets(rp_worker *w)
{
    rd_kafka_topic_partition_list_t *l = NULL;
    rp_offsets_collect(w->offsets, store_one, &l);
    if (!l)
        return;
    rd_kafka_resp_err_t err = rd_kafka_offsets_store(w->consumer, l);
    if (err && err != RD_KAFKA_RESP_ERR__STATE)
        rp_log_kv(RP_LOG_WARN, "cannot store offsets", "error", rd_kafka_err2str(err), NULL);
    rd_kafka_topic_partition_list_destroy(l);
}

/* Flushes outputs, stores and commits synchronously. Used on revoke and
 * shutdown, when nothing new is being consumed. */
static void flush_and_commit(rp_worker *w, int timeout_ms)
{
    rd_kafka_resp_err_t err = rd_kafka_flush(w->producer, timeout_ms);
    if (err)
        rp_log_kv(RP_LOG_WARN, "outputs still in flight after drain timeout; their inputs "
                  "stay uncommitted", "stage", w->wc.stage, NULL);
    store_offsets(w);
    err = rd_kafka_commit(w->consumer, NULL, 0);
    if (err && err != RD_KAFKA_RESP_ERR__NO_OFFSET)
        rp_log_kv(RP_LOG_WARN, "commit failed", "error", rd_kafka_err2str(err), NULL);
}

/* ---- rebalance ------------------------------------------------------ */

static void on_assign(rp_worker *w, rd_kafka_topic_partition_list_t *parts)
{
    rd_kafka_assign(w->consumer, parts);
    if (w->assignment)
        rd_kafka_topic_partition_list_destroy(w->assignment);
    w->assignment = rd_kafka_topic_partition_list_copy(parts);
    /* librdkafka keeps a partition's pause flag across unassign/assign: a
     * partition paused before a rebalance and given back must be set to the
     * worker's current state explicitly, or it stays paused forever. */
    if (w->paused)
        rd_kafka_pause_partitions(w->consumer, w->assignment);
    else
        rd_kafka_resume_partitions(w->consumer, w->assignment);
    w->joined = true;
    rp_metrics_set_ready(true);
    rp_metrics_set("rp_assigned_partitions", w->labels, parts->cnt);
    rp_log_kv(RP_LOG_INFO, "partitions assigned", "stage", w->wc.stage, NULL);
}

static void on_revoke(rp_worker *w, rd_kafka_topic_partition_list_t *parts)
{
    if (rd_kafka_assignment_lost(w->consumer)) {
        /* Another member owns these partitions now: commits would be
         * refused, and the inputs in flight will be redelivered there. */
        rp_log_kv(RP_LOG_WARN, "group membership lost", "stage", w->wc.stage, NULL);
        w->joined = false;
        rp_metrics_set_ready(false);
        rd_kafka_flush(w->producer, (int)w->c->drain_timeout_ms);
    } else {
        flush_and_commit(w, (int)w->c->drain_timeout_ms);
    }
    for (int i = 0; i < parts->cnt; i++)
        rp_offsets_forget(w->offsets, parts->elems[i].topic, parts->elems[i].partition);
    rd_kafka_assign(w->consumer, NULL);
    if (w->assignment)
        rd_kafka_topic_partition_list_destroy(w->assignment);
    w->assignment = NULL;
    rp_metrics_set("rp_assigned_partitions", w->labels, 0);
    rp_log_kv(RP_LOG_INFO, "partitions revoked after commit", "stage", w->wc.stage, NULL);
}

static void on_rebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                         rd_kafka_topic_partition_list_t *parts, void *opaque)
{
    (void)rk;
    rp_worker *w = opaque;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS)
        on_assign(w, parts);
    else
        on_revoke(w, parts);
}

/* ---- set-up --------------------------------------------------------- */

rp_worker *rp_worker_new(const rp_common_conf *c, const rp_kafka_props *p,
                         const rp_worker_conf *wc, rp_worker_process_fn fn, void *ctx,
                         char *err, size_t errlen)
{
    rp_worker *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->c = c;
    w->wc = *wc;
    w->fn = fn;
    w->ctx = ctx;
    snprintf(w->labels, sizeof w->labels, "stage=\"%s\"", wc->stage);
    w->offsets = rp_offsets_new();
    rp_kafka_producer_opts po = {.dr_msg_cb = on_delivery, .opaque = w,
                                 .compression = wc->compression, .client_suffix = "-producer"};
    rp_kafka_consumer_opts co = {.group_id = wc->group_id, .rebalance_cb = on_rebalance,
                                 .opaque = w, .client_suffix = "-consumer"};
    if (!w->offsets || !(w->producer = rp_kafka_producer_new(c, p, &po, err, errlen)) ||
        !(w->consumer = rp_kafka_consumer_new(c, p, &co, err, errlen))) {
        rp_worker_destroy(w);
        return NULL;
    }
    w->backlog = rp_backlog_new(c, p, wc->output_topic, err, errlen);
    if (!w->backlog && err[0]) {
        rp_worker_destroy(w);
        return NULL;
    }
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, wc->input_topic, RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t e = rd_kafka_subscribe(w->consumer, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (e) {
        snprintf(err, errlen, "cannot subscribe to %s: %s", wc->input_topic, rd_kafka_err2str(e));
        rp_worker_destroy(w);
        return NULL;
    }
    return w;
}

void rp_worker_destroy(rp_worker *w)
{
    if (!w)
        return;
    if (w->consumer)
        rd_kafka_destroy(w->consumer);
    if (w->producer)
        rd_kafka_destroy(w->producer);
    if (w->assignment)
        rd_kafka_topic_partition_list_destroy(w->assignment);
    rp_backlog_destroy(w->backlog);
    rp_offsets_destroy(w->offsets);
    free(w);
}

/* ---- emitting ------------------------------------------------------- */

int rp_emit_record(rp_emit *e, const void *key, size_t key_len, const void *value,
                   size_t value_len, rd_kafka_headers_t *headers)
{
    rp_worker *w = e->w;
    rd_kafka_resp_err_t err;
    /* Backpressure inside a document too: one input can yield megabytes. */
    rp_backlog_wait(w->backlog, w->producer);
    rp_offsets_output_add(e->entry);
    for (int tries = 0;; tries++) {
        err = rd_kafka_producev(w->producer, RD_KAFKA_V_TOPIC(w->wc.output_topic),
                                RD_KAFKA_V_KEY(key, key ? key_len : 0),
                                RD_KAFKA_V_VALUE((void *)value, value_len),
                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(e->entry),
                                RD_KAFKA_V_END);
        if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL || tries >= 600)
            break;
        rd_kafka_poll(w->producer, 100); /* serve delivery reports to make room */
    }
    if (err) {
        if (headers)
            rd_kafka_headers_destroy(headers);
        rp_offsets_output_done(e->entry, false);
        rp_log_kv(RP_LOG_ERROR, "cannot enqueue output", "stage", w->wc.stage,
                  "error", rd_kafka_err2str(err), NULL);
        w->fatal = true;
        return -1;
    }
    rp_backlog_sent(w->backlog, value_len);
    rp_metrics_inc("rp_records_out_total", w->labels, 1);
    return 0;
}

int rp_emit_dead_letter(rp_emit *e, const char *reason, const char *detail)
{
    rp_worker *w = e->w;
    const rd_kafka_message_t *in = e->in;
    rd_kafka_headers_t *hdrs = NULL;
    rd_kafka_message_headers(in, &hdrs);
    rp_dlq_record r = {
        .stage = w->wc.stage, .reason = reason, .detail = detail,
        .topic = rd_kafka_topic_name(in->rkt), .partition = in->partition,
        .offset = in->offset, .key = in->key, .key_len = in->key_len,
        .headers = hdrs, .payload = in->payload, .payload_len = in->len,
    };
    char err[256];
    rp_offsets_output_add(e->entry);
    if (rp_dlq_produce(w->producer, w->c->topic_dlq, &r, (size_t)w->c->dlq_payload_max,
                       e->entry, err, sizeof err) != 0) {
        rp_offsets_output_done(e->entry, false);
        rp_log_kv(RP_LOG_ERROR, err, "stage", w->wc.stage, NULL);
        w->fatal = true;
        return -1;
    }
    char labels[192];
    snprintf(labels, sizeof labels, "stage=\"%s\",reason=\"%s\"", w->wc.stage, reason);
    rp_metrics_inc("rp_dlq_total", labels, 1);
    rp_log_kv(RP_LOG_WARN, "dead letter", "stage", w->wc.stage, "reason", reason,
              "detail", detail ? detail : "", NULL);
    return 0;
}

/* ---- the loop ------------------------------------------------------- */

static void process_one(rp_worker *w, const rd_kafka_message_t *m)
{
    rp_emit e = {.w = w, .in = m};
    e.entry = rp_offsets_begin(w->offsets, rd_kafka_topic_name(m->rkt), m->partition, m->offset);
    if (!e.entry) {
        rp_log_error("out of memory tracking input");
        w->fatal = true;
        return;
    }
    rp_metrics_inc("rp_records_in_total", w->labels, 1);
    long long t0 = rp_now_ms();
    if (w->fn(w->ctx, m, &e) != 0)
        w->fatal = true;
    rp_metrics_observe("rp_process_seconds", w->labels, (double)(rp_now_ms() - t0) / 1000.0);
    rp_offsets_end(e.entry);
}

static void set_paused(rp_worker *w, bool pause)
{
    if (pause == w->paused)
        return;
    w->paused = pause;
    if (w->assignment) {
        if (pause)
            rd_kafka_pause_partitions(w->consumer, w->assignment);
        else
            rd_kafka_resume_partitions(w->consumer, w->assignment);
    }
}

static void handle_consumer_error(rp_worker *w, const rd_kafka_message_t *m)
{
    if (rp_kafka_error_is_fatal(w->consumer, m->err)) {
        w->fatal = true;
        return;
    }
    rp_log_kv(RP_LOG_WARN, "consumer error", "stage", w->wc.stage,
              "error", rd_kafka_message_errstr(m), NULL);
}

static void step(rp_worker *w)
{
    rd_kafka_poll(w->producer, 0);
    store_offsets(w);
    if (rp_offsets_failed(w->offsets))
        w->fatal = true;
    rp_readiness_tick(&w->readiness, w->producer, w->joined && !w->fatal);
    bool hold = rp_offsets_pending(w->offsets) >= RP_WORKER_MAX_PENDING ||
                rp_backlog_blocked(w->backlog);
    set_paused(w, hold);
    rd_kafka_message_t *m = rd_kafka_consumer_poll(w->consumer, hold ? 50 : 100);
    if (!m)
        return;
    if (m->err)
        handle_consumer_error(w, m);
    else
        process_one(w, m);
    rd_kafka_message_destroy(m);
}

int rp_worker_run(rp_worker *w)
{
    rp_log_kv(RP_LOG_INFO, "worker started", "stage", w->wc.stage, "input", w->wc.input_topic,
              "output", w->wc.output_topic, "group", w->wc.group_id, NULL);
    while (!rp_signal_stop_requested() && !w->fatal)
        step(w);
    rp_metrics_set_ready(false);
    if (w->fatal) {
        /* Store what is safe, then leave; the rest is redelivered. */
        rd_kafka_flush(w->producer, (int)w->c->drain_timeout_ms);
        rd_kafka_poll(w->producer, 0);
        store_offsets(w);
        rd_kafka_commit(w->consumer, NULL, 0);
        rd_kafka_consumer_close(w->consumer);
        rp_log_kv(RP_LOG_ERROR, "worker stopped after a fatal error", "stage", w->wc.stage, NULL);
        return 1;
    }
    rp_log_kv(RP_LOG_INFO, "draining", "stage", w->wc.stage, NULL);
    set_paused(w, true);
    flush_and_commit(w, (int)rp_signal_drain_left_ms(w->c->drain_timeout_ms));
    rd_kafka_consumer_close(w->consumer); /* revokes (commits again) and leaves the group */
    rp_log_kv(RP_LOG_INFO, "drained and committed; bye", "stage", w->wc.stage, NULL);
    return 0;
}
