#include "rp_collect.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_signal.h"

#define RP_COLLECT_MAX_REASONS 64

struct rp_collect {
    rd_kafka_t *rk;
    const rp_common_conf *c;
    FILE *out;
    bool assigned;
    size_t rows, dead;
    char *reasons[RP_COLLECT_MAX_REASONS];
    size_t reason_counts[RP_COLLECT_MAX_REASONS];
    size_t n_reasons;
};

/* The first assignment starts at the current end of each partition: rows of
 * earlier runs are not this run's. Later ones resume from commits. */
static void on_rebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                         rd_kafka_topic_partition_list_t *parts, void *opaque)
{
    rp_collect *k = opaque;
    if (err != RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        rd_kafka_commit(rk, NULL, 0);
        rd_kafka_assign(rk, NULL);
        return;
    }
    if (!k->assigned)
        for (int i = 0; i < parts->cnt; i++) {
            int64_t lo = 0, hi = 0;
            if (!rd_kafka_query_watermark_offsets(rk, parts->elems[i].topic,
                                                  parts->elems[i].partition, &lo, &hi, 5000))
                parts->elems[i].offset = hi;
        }
    rd_kafka_assign(rk, parts);
    k->assigned = true;
}

/* Every partition of both topics from its current end, as on_rebalance
 * does: a manual assignment joins no group, so the run does not wait out the
 * group's initial join delay (3 s on the embedded broker and on Kafka's
 * defaults). False when a topic's partitions cannot be listed (not created
 * yet on an external cluster): the caller subscribes instead. */
static bool assign_at_end(rp_collect *k)
{
    const char *topics[2] = {k->c->topic_analytics, k->c->topic_dlq};
    rd_kafka_topic_partition_list_t *parts = rd_kafka_topic_partition_list_new(16);
    bool ok = true;
    for (int t = 0; t < 2 && ok; t++) {
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(k->rk, topics[t], NULL);
        const rd_kafka_metadata_t *md = NULL;
        ok = rkt != NULL && rd_kafka_metadata(k->rk, 0, rkt, &md, 5000) == 0 &&
             md->topic_cnt == 1 && md->topics[0].err == 0 && md->topics[0].partition_cnt > 0;
        for (int i = 0; ok && i < md->topics[0].partition_cnt; i++) {
            int32_t id = md->topics[0].partitions[i].id;
            int64_t lo = 0, hi = 0;
            ok = rd_kafka_query_watermark_offsets(k->rk, topics[t], id, &lo, &hi, 5000) == 0;
            if (ok)
                rd_kafka_topic_partition_list_add(parts, topics[t], id)->offset = hi;
        }
        if (md)
            rd_kafka_metadata_destroy(md);
        if (rkt)
            rd_kafka_topic_destroy(rkt);
    }
    ok = ok && rd_kafka_assign(k->rk, parts) == 0;
    rd_kafka_topic_partition_list_destroy(parts);
    return ok;
}

rp_collect *rp_collect_new(const rp_common_conf *c, const rp_kafka_props *p, const char *group,
                           FILE *out, char *err, size_t errlen)
{
    rp_collect *k = calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->c = c;
    k->out = out;
    rp_kafka_consumer_opts o = {.group_id = group, .rebalance_cb = on_rebalance, .opaque = k,
                                .client_suffix = "-collector"};
    k->rk = rp_kafka_consumer_new(c, p, &o, err, errlen);
    if (!k->rk) {
        free(k);
        return NULL;
    }
    if (assign_at_end(k)) {
        k->assigned = true;
        return k;
    }
    rp_log_info("collector: topics not listed yet, joining group %s", group);
    rd_kafka_topic_partition_list_t *t = rd_kafka_topic_partition_list_new(2);
    rd_kafka_topic_partition_list_add(t, c->topic_analytics, RD_KAFKA_PARTITION_UA);
    rd_kafka_topic_partition_list_add(t, c->topic_dlq, RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t e = rd_kafka_subscribe(k->rk, t);
    rd_kafka_topic_partition_list_destroy(t);
    if (e) {
        snprintf(err, errlen, "cannot subscribe: %s", rd_kafka_err2str(e));
        rp_collect_destroy(k);
        return NULL;
    }
    return k;
}

int rp_collect_wait_assigned(rp_collect *k, int timeout_ms)
{
    long long deadline = rp_now_ms() + timeout_ms;
    while (!k->assigned && rp_now_ms() < deadline && !rp_signal_stop_requested()) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(k->rk, 100);
        if (m)
            rd_kafka_message_destroy(m); /* nothing can arrive before assignment */
    }
    return k->assigned ? 0 : -1;
}

static void count_reason(rp_collect *k, const rd_kafka_message_t *m)
{
    cJSON *o = cJSON_ParseWithLength(m->payload ? m->payload : "", m->len);
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "reason");
    const char *reason = cJSON_IsString(r) ? r->valuestring : "unknown";
    size_t i = 0;
    while (i < k->n_reasons && strcmp(k->reasons[i], reason) != 0)
        i++;
    if (i == k->n_reasons && i < RP_COLLECT_MAX_REASONS && (k->reasons[i] = strdup(reason)))
        k->n_reasons++;
    if (i < k->n_reasons)
        k->reason_counts[i]++;
    cJSON_Delete(o);
}

static void store(rp_collect *k, const rd_kafka_message_t *m)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, rd_kafka_topic_name(m->rkt), m->partition)->offset =
        m->offset + 1;
    rd_kafka_offsets_store(k->rk, l);
    rd_kafka_topic_partition_list_destroy(l);
}

void rp_collect_poll(rp_collect *k, int timeout_ms)
{
    rd_kafka_message_t *m = rd_kafka_consumer_poll(k->rk, timeout_ms);
    while (m) {
        if (m->err) {
            rp_log_warn("collector: %s", rd_kafka_message_errstr(m));
        } else if (strcmp(rd_kafka_topic_name(m->rkt), k->c->topic_dlq) == 0) {
            k->dead++;
            count_reason(k, m);
            store(k, m);
        } else {
            fwrite(m->payload, 1, m->len, k->out);
            fputc('\n', k->out);
            k->rows++;
            store(k, m);
        }
        rd_kafka_message_destroy(m);
        m = rd_kafka_consumer_poll(k->rk, 0);
    }
    fflush(k->out);
}

size_t rp_collect_rows(const rp_collect *k)
{
    return k->rows;
}

size_t rp_collect_dead_letters(const rp_collect *k)
{
    return k->dead;
}

void rp_collect_print_reasons(const rp_collect *k, FILE *f)
{
    for (size_t i = 0; i < k->n_reasons; i++)
        fprintf(f, "  dead letters (%s): %zu\n", k->reasons[i], k->reason_counts[i]);
}

void rp_collect_destroy(rp_collect *k)
{
    if (!k)
        return;
    if (k->rk) {
        rd_kafka_commit(k->rk, NULL, 0);
        rd_kafka_consumer_close(k->rk);
        rd_kafka_destroy(k->rk);
    }
    for (size_t i = 0; i < k->n_reasons; i++)
        free(k->reasons[i]);
    free(k);
}
