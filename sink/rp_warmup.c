#include "rp_warmup.h"

#include <stdio.h>
#include <stdlib.h>

#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_signal.h"

#define RP_WARMUP_TIMEOUT_MS 30000
#define RP_WARMUP_PER_PARTITION 200000

/* Assigns each partition of topic from its tail; returns how many messages
 * the assignment covers, -1 on error. */
static long long assign_tail(rd_kafka_t *rk, const char *topic, char *err, size_t errlen)
{
    rp_kafka_range *r = NULL;
    size_t n = 0;
    if (rp_kafka_topic_ranges(rk, topic, 5000, &r, &n, err, errlen) != 0)
        return -1;
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(n > 0 ? (int)n : 1);
    long long total = 0;
    for (size_t i = 0; i < n; i++) {
        if (r[i].high <= r[i].low)
            continue;
        int64_t from = r[i].high - r[i].low > RP_WARMUP_PER_PARTITION
                           ? r[i].high - RP_WARMUP_PER_PARTITION : r[i].low;
        rd_kafka_topic_partition_list_add(l, topic, r[i].partition)->offset = from;
        total += r[i].high - from;
    }
    free(r);
    if (l->cnt > 0)
        rd_kafka_assign(rk, l);
    rd_kafka_topic_partition_list_destroy(l);
    return total;
}

int rp_warmup_ids(const rp_common_conf *c, const rp_kafka_props *p, const char *topic,
                  rp_idset *seen, char *err, size_t errlen)
{
    rp_kafka_consumer_opts o = {.group_id = "reportpipe-sink-warmup", .client_suffix = "-warmup"};
    rd_kafka_t *rk = rp_kafka_consumer_new(c, p, &o, err, errlen);
    if (!rk)
        return -1;
    long long want = assign_tail(rk, topic, err, errlen);
    long long got = 0;
    long long deadline = rp_now_ms() + RP_WARMUP_TIMEOUT_MS;
    while (want > 0 && got < want && rp_now_ms() < deadline && !rp_signal_stop_requested()) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 200);
        if (!m)
            continue;
        if (!m->err) {
            got++;
            if (m->key)
                rp_idset_add(seen, m->key, m->key_len);
        }
        rd_kafka_message_destroy(m);
    }
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    if (want < 0)
        return -1;
    rp_log_info("warm-up remembered %lld ids from %s", got, topic);
    return 0;
}
