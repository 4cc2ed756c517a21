#include "rp_fetch_state_load.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_signal.h"

/* Partitions of the topic with data, positioned at their low watermark; the
 * high watermarks to reach are stored in `ends` (indexed like the list). */
static rd_kafka_topic_partition_list_t *plan(rd_kafka_t *rk, const char *topic, int timeout_ms,
                                             int64_t **ends, char *err, size_t errlen)
{
    rp_kafka_range *r = NULL;
    size_t n = 0;
    if (rp_kafka_topic_ranges(rk, topic, timeout_ms, &r, &n, err, errlen) != 0)
        return NULL;
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(n > 0 ? (int)n : 1);
    *ends = calloc(n > 0 ? n : 1, sizeof **ends);
    for (size_t i = 0; *ends && i < n; i++) {
        if (r[i].high <= r[i].low)
            continue;
        (*ends)[l->cnt] = r[i].high;
        rd_kafka_topic_partition_list_add(l, topic, r[i].partition)->offset = r[i].low;
    }
    free(r);
    return l;
}

/* A fetch-state value is a JSON object; anything else is skipped here, and
 * a value that only looks like one is dropped when its URL is fetched. */
static bool looks_like_memo(const char *v, size_t n)
{
    while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\n'))
        n--;
    return n >= 2 && v[0] == '{' && v[n - 1] == '}';
}

static void apply(rp_fetch_state *s, const rd_kafka_message_t *m)
{
    if (!m->key || m->key_len == 0)
        return;
    char *url = strndup(m->key, m->key_len);
    if (!url)
        return;
    if (!m->payload)
        rp_fetch_state_remove(s, url);
    else if (!looks_like_memo(m->payload, m->len))
        rp_log_kv(RP_LOG_WARN, "malformed fetch-state record skipped", "topic",
                  rd_kafka_topic_name(m->rkt), NULL);
    else if (rp_fetch_state_put_json(s, url, m->payload, m->len) != 0)
        rp_log_error("out of memory loading the fetch state");
    free(url);
}

static int idx_of(const rd_kafka_topic_partition_list_t *l, int32_t part)
{
    for (int i = 0; i < l->cnt; i++)
        if (l->elems[i].partition == part)
            return i;
    return -1;
}

/* Consumes until every planned partition reached its end. */
static long consume(rd_kafka_t *rk, rp_fetch_state *s, rd_kafka_topic_partition_list_t *l,
                    const int64_t *ends, int timeout_ms, char *err, size_t errlen)
{
    int left = l->cnt;
    long n = 0;
    long long deadline = rp_now_ms() + timeout_ms;
    while (left > 0) {
        if (rp_now_ms() > deadline || rp_signal_stop_requested()) {
            snprintf(err, errlen, "fetch state not read to its end in time");
            return -1;
        }
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        if (!m)
            continue;
        int i = m->err ? -1 : idx_of(l, m->partition);
        if (m->err && m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
            rp_log_kv(RP_LOG_WARN, "fetch-state read error", "error", rd_kafka_message_errstr(m), NULL);
        if (i >= 0) {
            apply(s, m);
            n++;
            if (m->offset + 1 >= ends[i] && l->elems[i].err == 0) {
                l->elems[i].err = RD_KAFKA_RESP_ERR__PARTITION_EOF; /* done */
                left--;
            }
        }
        rd_kafka_message_destroy(m);
    }
    return n;
}

static long read_all(rp_fetch_state *s, const rp_common_conf *c, const rp_kafka_props *p,
                     rd_kafka_topic_partition_list_t *l, const int64_t *ends, int timeout_ms,
                     char *err, size_t errlen)
{
    rp_kafka_consumer_opts o = {.group_id = "reportpipe-fetcher-state-reader",
                                .client_suffix = "-state"};
    rd_kafka_t *rk = rp_kafka_consumer_new(c, p, &o, err, errlen);
    if (!rk)
        return -1;
    long n = -1;
    rd_kafka_resp_err_t e = rd_kafka_assign(rk, l);
    if (e)
        snprintf(err, errlen, "assign %s: %s", l->elems[0].topic, rd_kafka_err2str(e));
    else
        n = consume(rk, s, l, ends, timeout_ms, err, errlen);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return n;
}

long rp_fetch_state_load(rp_fetch_state *s, rd_kafka_t *meta, const rp_common_conf *c,
                         const rp_kafka_props *p, const char *topic, int timeout_ms,
                         char *err, size_t errlen)
{
    int64_t *ends = NULL;
    long n = -1;
    rd_kafka_topic_partition_list_t *l = plan(meta, topic, timeout_ms, &ends, err, errlen);
    if (l && !ends)
        snprintf(err, errlen, "out of memory");
    else if (l && l->cnt == 0)
        n = 0;
    else if (l)
        n = read_all(s, c, p, l, ends, timeout_ms, err, errlen);
    if (l)
        rd_kafka_topic_partition_list_destroy(l);
    free(ends);
    return n;
}
