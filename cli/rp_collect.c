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
