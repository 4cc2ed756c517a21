#include "rp_progress.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_kafka.h"

struct rp_progress {
    rd_kafka_t *rk;   /* carries group.id; never subscribes */
    char *topic;
};

rp_progress *rp_progress_new(const rp_common_conf *c, const rp_kafka_props *p,
                             const char *group, const char *topic, char *err, size_t errlen)
{
    rp_progress *pr = calloc(1, sizeof *pr);
    if (!pr || !(pr->topic = strdup(topic))) {
        free(pr);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    rp_kafka_consumer_opts o = {.group_id = group, .client_suffix = "-progress"};
    pr->rk = rp_kafka_consumer_new(c, p, &o, err, errlen);
    if (!pr->rk) {
        rp_progress_destroy(pr);
        return NULL;
    }
    return pr;
}

void rp_progress_destroy(rp_progress *pr)
{
    if (!pr)
        return;
    if (pr->rk)
        rd_kafka_destroy(pr->rk);
    free(pr->topic);
    free(pr);
}

static rd_kafka_topic_partition_list_t *partitions(rp_progress *pr)
{
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(pr->rk, pr->topic, NULL);
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = rd_kafka_metadata(pr->rk, 0, rkt, &md, 2000);
    rd_kafka_topic_destroy(rkt);
    if (e || md->topic_cnt != 1 || md->topics[0].err) {
        if (md)
            rd_kafka_metadata_destroy(md);
        return NULL;
    }
    rd_kafka_topic_partition_list_t *l =
        rd_kafka_topic_partition_list_new(md->topics[0].partition_cnt);
    for (int i = 0; i < md->topics[0].partition_cnt; i++)
        rd_kafka_topic_partition_list_add(l, pr->topic, md->topics[0].partitions[i].id);
    rd_kafka_metadata_destroy(md);
    return l;
}

bool rp_progress_caught_up(rp_progress *pr, long long *lag)
{
    long long total = 0;
    bool ok = true;
    rd_kafka_topic_partition_list_t *l = partitions(pr);
    if (!l || rd_kafka_committed(pr->rk, l, 2000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
        ok = false;
        total = -1;
    }
    for (int i = 0; ok && l && i < l->cnt; i++) {
        int64_t lo = 0, hi = 0;
        if (rd_kafka_query_watermark_offsets(pr->rk, pr->topic, l->elems[i].partition, &lo,
                                             &hi, 2000)) {
            ok = false;
            total = -1;
            break;
        }
        int64_t done = l->elems[i].offset >= 0 ? l->elems[i].offset : lo;
        if (done < hi) {
            ok = false;
            total += hi - done;
        }
    }
    if (l)
        rd_kafka_topic_partition_list_destroy(l);
    if (lag)
        *lag = total;
    return ok;
}
