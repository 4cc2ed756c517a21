#include "rp_kafka.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_signal.h"

static int set(rd_kafka_conf_t *conf, const char *k, const char *v, char *err, size_t errlen)
{
    char kerr[256];
    if (rd_kafka_conf_set(conf, k, v, kerr, sizeof kerr) != RD_KAFKA_CONF_OK) {
        snprintf(err, errlen, "Kafka property %s=%s: %s", k, v, kerr);
        return -1;
    }
    return 0;
}

static void on_error(rd_kafka_t *rk, int err, const char *reason, void *opaque)
{
    (void)opaque;
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
        char buf[512];
        rd_kafka_resp_err_t orig = rd_kafka_fatal_error(rk, buf, sizeof buf);
        rp_log_kv(RP_LOG_ERROR, "fatal Kafka error", "client", rd_kafka_name(rk),
                  "error", rd_kafka_err2name(orig), "reason", buf, NULL);
        rp_metrics_set_ready(false);
        rp_signal_request_stop();
        return;
    }
    /* Transport errors are retried by librdkafka; they are worth a warning. */
    rp_log_kv(RP_LOG_WARN, "Kafka error", "client", rd_kafka_name(rk), "error",
              rd_kafka_err2name((rd_kafka_resp_err_t)err), "reason", reason, NULL);
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        rp_metrics_set_ready(false);
}

static void on_log(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    rp_log_level l = level <= 3 ? RP_LOG_ERROR : level <= 4 ? RP_LOG_WARN :
                     level <= 6 ? RP_LOG_INFO : RP_LOG_DEBUG;
    rp_log_kv(l, buf, "client", rd_kafka_name(rk), "facility", fac, NULL);
}

static int on_stats(rd_kafka_t *rk, char *json, size_t len, void *opaque)
{
    (void)len;
    (void)opaque;
    (void)rk;
    rp_metrics_kafka_stats(json, rp_log_service());
    return 0; /* librdkafka frees json */
}

/* Defaults, then user properties (which win), then callbacks. */
static rd_kafka_conf_t *base_conf(const rp_common_conf *c, const rp_kafka_props *p,
                                  const char *suffix, const char *const *defaults,
                                  char *err, size_t errlen)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char client_id[256];
    snprintf(client_id, sizeof client_id, "%s%s",
             c->client_id && *c->client_id ? c->client_id : "reportpipe", suffix ? suffix : "");
    if (set(conf, "bootstrap.servers", c->bootstrap_servers, err, errlen) ||
        set(conf, "client.id", client_id, err, errlen) ||
        (c->metrics_port > 0 && set(conf, "statistics.interval.ms", "5000", err, errlen)))
        goto fail;
    for (size_t i = 0; defaults && defaults[i]; i += 2)
        if (set(conf, defaults[i], defaults[i + 1], err, errlen))
            goto fail;
    for (size_t i = 0; p && i < p->n; i++)
        if (set(conf, p->keys[i], p->values[i], err, errlen))
            goto fail;
    rd_kafka_conf_set_error_cb(conf, on_error);
    rd_kafka_conf_set_log_cb(conf, on_log);
    if (c->metrics_port > 0)
        rd_kafka_conf_set_stats_cb(conf, on_stats);
    return conf;
fail:
    rd_kafka_conf_destroy(conf);
    return NULL;
}

rd_kafka_t *rp_kafka_producer_new(const rp_common_conf *c, const rp_kafka_props *p,
                                  const rp_kafka_producer_opts *o, char *err, size_t errlen)
{
    const char *defaults[] = {
        "enable.idempotence", "true",
        "linger.ms", "5",
        "message.timeout.ms", "300000",
        "compression.type", o->compression ? o->compression : "none",
        NULL, NULL,
    };
    rd_kafka_conf_t *conf = base_conf(c, p, o->client_suffix, defaults, err, errlen);
    if (!conf)
        return NULL;
    if (o->dr_msg_cb)
        rd_kafka_conf_set_dr_msg_cb(conf, o->dr_msg_cb);
    rd_kafka_conf_set_opaque(conf, o->opaque);
    char kerr[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, kerr, sizeof kerr);
    if (!rk) {
        snprintf(err, errlen, "cannot create Kafka producer: %s", kerr);
        rd_kafka_conf_destroy(conf);
        return NULL;
    }
    return rk; /* conf is now owned by rk */
}

rd_kafka_t *rp_kafka_consumer_new(const rp_common_conf *c, const rp_kafka_props *p,
                                  const rp_kafka_consumer_opts *o, char *err, size_t errlen)
{
    const char *defaults[] = {
        "group.id", o->group_id,
        "enable.auto.offset.store", "false",
        "enable.auto.commit", "true",
        "auto.commit.interval.ms", "1000",
        "auto.offset.reset", "earliest",
        "enable.partition.eof", "false",
        /* Stateless workers: a crashed one should hand its partitions over
         * in seconds, not Kafka's default 45 s. */
        "session.timeout.ms", "10000",
        "heartbeat.interval.ms", "1000",
        NULL, NULL,
    };
    rd_kafka_conf_t *conf = base_conf(c, p, o->client_suffix, defaults, err, errlen);
    if (!conf)
        return NULL;
    if (o->rebalance_cb)
        rd_kafka_conf_set_rebalance_cb(conf, o->rebalance_cb);
    rd_kafka_conf_set_opaque(conf, o->opaque);
    char kerr[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, kerr, sizeof kerr);
    if (!rk) {
        snprintf(err, errlen, "cannot create Kafka consumer: %s", kerr);
        rd_kafka_conf_destroy(conf);
        return NULL;
    }
    rd_kafka_poll_set_consumer(rk);
    return rk;
}

bool rp_kafka_error_is_fatal(rd_kafka_t *rk, rd_kafka_resp_err_t err)
{
    if (err == RD_KAFKA_RESP_ERR__FATAL)
        return true;
    char buf[8];
    return rd_kafka_fatal_error(rk, buf, sizeof buf) != RD_KAFKA_RESP_ERR_NO_ERROR;
}

void rp_readiness_tick(rp_readiness *r, rd_kafka_t *rk, bool ok)
{
    long long now = rp_now_ms();
    if (now - r->checked_ms < RP_READINESS_EVERY_MS)
        return;
    r->checked_ms = now;
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t err = rd_kafka_metadata(rk, 0, NULL, &md, 500);
    if (md)
        rd_kafka_metadata_destroy(md);
    rp_metrics_set_ready(ok && err == RD_KAFKA_RESP_ERR_NO_ERROR);
}

/* Metadata of one topic, retried until the deadline or a stop. */
static rd_kafka_resp_err_t topic_metadata(rd_kafka_t *rk, const char *topic, long long deadline,
                                          const struct rd_kafka_metadata **md)
{
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR__TIMED_OUT;
    while (e && rp_now_ms() < deadline && !rp_signal_stop_requested()) {
        e = rd_kafka_metadata(rk, 0, rkt, md, 500);
        if (e && e != RD_KAFKA_RESP_ERR__TIMED_OUT)
            usleep(200 * 1000); /* a quick failure (transport): wait a little */
    }
    rd_kafka_topic_destroy(rkt);
    if (!e && rp_signal_stop_requested()) {
        rd_kafka_metadata_destroy(*md);
        e = RD_KAFKA_RESP_ERR__INTR;
    }
    return e;
}

int rp_kafka_topic_ranges(rd_kafka_t *rk, const char *topic, int timeout_ms,
                          rp_kafka_range **out, size_t *n, char *err, size_t errlen)
{
    *out = NULL;
    *n = 0;
    long long deadline = rp_now_ms() + timeout_ms;
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = topic_metadata(rk, topic, deadline, &md);
    if (e) {
        snprintf(err, errlen, "metadata of %s: %s", topic, rd_kafka_err2str(e));
        return -1;
    }
    int cnt = md->topic_cnt == 1 && !md->topics[0].err ? md->topics[0].partition_cnt : 0;
    rp_kafka_range *r = cnt > 0 ? calloc((size_t)cnt, sizeof *r) : NULL;
    if (cnt > 0 && !r) {
        snprintf(err, errlen, "out of memory");
        e = RD_KAFKA_RESP_ERR__FAIL;
    }
    for (int i = 0; r && i < cnt && !e; i++) {
        r[i].partition = md->topics[0].partitions[i].id;
        int left = (int)(deadline - rp_now_ms());
        e = rd_kafka_query_watermark_offsets(rk, topic, r[i].partition, &r[i].low,
                                             &r[i].high, left > 1000 ? left : 1000);
        if (e)
            snprintf(err, errlen, "watermarks of %s [%d]: %s", topic, (int)r[i].partition,
                     rd_kafka_err2str(e));
    }
    rd_kafka_metadata_destroy(md);
    if (e) {
        free(r);
        return -1;
    }
    *out = r;
    *n = (size_t)cnt;
    return 0;
}

void rp_kafka_header_add_str(rd_kafka_headers_t *h, const char *name, const char *value)
{
    if (value)
        rd_kafka_header_add(h, name, -1, value, -1);
}

char *rp_kafka_header_dup(const rd_kafka_headers_t *h, const char *name)
{
    const void *v = NULL;
    size_t n = 0;
    if (!h || rd_kafka_header_get_last(h, name, &v, &n) != RD_KAFKA_RESP_ERR_NO_ERROR || !v)
        return NULL;
    return strndup(v, n);
}
