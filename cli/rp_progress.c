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

bool rp_progress_caught_up(rp_progress *pr, long long *lag)
{
    rp_kafka_range *r = NULL;
    size_t n = 0;
    char err[256];
    bool ok = rp_kafka_topic_ranges(pr->rk, pr->topic, 2000, &r, &n, err, sizeof err) == 0;
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(n > 0 ? (int)n : 1);
    for (size_t i = 0; ok && i < n; i++)
        rd_kafka_topic_partition_list_add(l, pr->topic, r[i].partition);
    if (ok && n > 0 && rd_kafka_committed(pr->rk, l, 2000) != RD_KAFKA_RESP_ERR_NO_ERROR)
        ok = false;
    long long total = ok ? 0 : -1;
    /* The list keeps the order it was built in, so elems[i] is r[i]. */
    for (size_t i = 0; ok && i < n; i++) {
        int64_t done = l->elems[i].offset >= 0 ? l->elems[i].offset : r[i].low;
        if (done < r[i].high)
            total += r[i].high - done;
    }
    rd_kafka_topic_partition_list_destroy(l);
    free(r);
    if (lag)
        *lag = total;
    return total == 0;
}
