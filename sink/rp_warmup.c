#include "rp_warmup.h"

#include <stdio.h>

#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_signal.h"

#define RP_WARMUP_TIMEOUT_MS 30000
#define RP_WARMUP_PER_PARTITION 200000

/* Assigns each partition of topic from its tail; returns how many messages
 * the assignment covers, -1 on error. */
static long long assign_tail(rd_kafka_t *rk, const char *topic, char *err, size_t errlen)
{
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic, NULL);
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, rkt, &md, 5000);
    rd_kafka_topic_destroy(rkt);
    if (e || md->topic_cnt != 1 || md->topics[0].err) {
        snprintf(err, errlen, "no metadata for %s: %s", topic,
                 rd_kafka_err2str(e ? e : md->topics[0].err));
        if (md)
            rd_kafka_metadata_destroy(md);
        return -1;
    }
    int np = md->topics[0].partition_cnt;
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(np);
    long long total = 0;
    for (int i = 0; i < np; i++) {
        int32_t part = md->topics[0].partitions[i].id;
        int64_t lo = 0, hi = 0;
        if (rd_kafka_query_watermark_offsets(rk, topic, part, &lo, &hi, 5000) || hi <= lo)
            continue;
        int64_t from = hi - lo > RP_WARMUP_PER_PARTITION ? hi - RP_WARMUP_PER_PARTITION : lo;
        rd_kafka_topic_partition_list_add(l, topic, part)->offset = from;
        total += hi - from;
    }
    rd_kafka_metadata_destroy(md);
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
