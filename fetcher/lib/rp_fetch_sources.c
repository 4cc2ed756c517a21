#include "rp_fetch_sources.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_kafka.h"
#include "rp_log.h"

struct rp_fetch_sources {
    rd_kafka_t *rk;
    rp_offsets *offsets;
    bool paused;
    bool closed;
};

static void store_one(const char *topic, int32_t partition, int64_t next, void *opaque)
{
    rp_fetch_sources *s = opaque;
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, topic, partition)->offset = next;
    rd_kafka_resp_err_t e = rd_kafka_offsets_store(s->rk, l);
    if (e)
        rp_log_kv(RP_LOG_WARN, "cannot store offset", "topic", topic, "error",
                  rd_kafka_err2str(e), NULL);
    rd_kafka_topic_partition_list_destroy(l);
}

static void on_revoke(rp_fetch_sources *s, rd_kafka_t *rk,
                      rd_kafka_topic_partition_list_t *parts)
{
    rp_offsets_collect(s->offsets, store_one, s);
    rd_kafka_commit(rk, NULL, 0);
    for (int i = 0; i < parts->cnt; i++)
        rp_offsets_forget(s->offsets, parts->elems[i].topic, parts->elems[i].partition);
    if (strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0)
        rd_kafka_error_destroy(rd_kafka_incremental_unassign(rk, parts));
    else
        rd_kafka_assign(rk, NULL);
}

static void on_rebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                         rd_kafka_topic_partition_list_t *parts, void *opaque)
{
    rp_fetch_sources *s = opaque;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        if (strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0)
            rd_kafka_error_destroy(rd_kafka_incremental_assign(rk, parts));
        else
            rd_kafka_assign(rk, parts);
        s->paused = false;
        rp_log_info("sources: %d partitions assigned", parts->cnt);
    } else {
        on_revoke(s, rk, parts);
        rp_log_info("sources: %d partitions revoked", parts->cnt);
    }
}

rp_fetch_sources *rp_fetch_sources_new(const rp_common_conf *c, const rp_fetch_conf *fc,
                                       const rp_kafka_props *p, char *err, size_t errlen)
{
    rp_fetch_sources *s = calloc(1, sizeof *s);
    if (!s || !(s->offsets = rp_offsets_new())) {
        snprintf(err, errlen, "out of memory");
        free(s);
        return NULL;
    }
    rp_kafka_consumer_opts o = {.group_id = fc->sources_group, .rebalance_cb = on_rebalance,
                                .opaque = s, .client_suffix = "-sources"};
    s->rk = rp_kafka_consumer_new(c, p, &o, err, errlen);
    if (!s->rk) {
        rp_fetch_sources_destroy(s);
        return NULL;
    }
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, c->topic_sources, RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t e = rd_kafka_subscribe(s->rk, l);
    rd_kafka_topic_partition_list_destroy(l);
    if (e) {
        snprintf(err, errlen, "cannot subscribe to %s: %s", c->topic_sources, rd_kafka_err2str(e));
        rp_fetch_sources_destroy(s);
        return NULL;
    }
    return s;
}

void rp_fetch_sources_destroy(rp_fetch_sources *s)
{
    if (!s)
        return;
    if (s->rk) {
        if (!s->closed)
            rd_kafka_consumer_close(s->rk);
        rd_kafka_destroy(s->rk);
    }
    rp_offsets_destroy(s->offsets);
    free(s);
}

static void set_paused(rp_fetch_sources *s, bool pause)
{
    rd_kafka_topic_partition_list_t *l = NULL;
    if (s->paused == pause || rd_kafka_assignment(s->rk, &l) != 0 || !l)
        return;
    if (pause)
        rd_kafka_pause_partitions(s->rk, l);
    else
        rd_kafka_resume_partitions(s->rk, l);
    rd_kafka_topic_partition_list_destroy(l);
    s->paused = pause;
}

/* The URL of a source record (docs/schemas/source.schema.json): the key, or
 * the value as plain text, or the "url" of a JSON value. Heap string or NULL. */
static char *source_url(const rd_kafka_message_t *m)
{
    if (m->key && m->key_len)
        return strndup(m->key, m->key_len);
    if (!m->payload || !m->len)
        return NULL;
    const char *v = m->payload;
    if (v[0] != '{')
        return strndup(v, m->len);
    cJSON *o = cJSON_ParseWithLength(v, m->len);
    const cJSON *u = cJSON_GetObjectItemCaseSensitive(o, "url");
    char *url = cJSON_IsString(u) ? strdup(u->valuestring) : NULL;
    cJSON_Delete(o);
    return url;
}

static void take(rp_fetch_sources *s, const rd_kafka_message_t *m, rp_source_fn fn,
                 void *opaque)
{
    rp_offsets_entry *e = rp_offsets_begin(s->offsets, rd_kafka_topic_name(m->rkt),
                                           m->partition, m->offset);
    char *src = source_url(m);
    if (!e) {
        rp_log_error("out of memory tracking a source offset");
    } else if (!src) {
        rp_offsets_end(e); /* nothing to fetch: complete at once */
    } else {
        rp_fetch_input in = {.entry = e, .topic = rd_kafka_topic_name(m->rkt),
                             .partition = m->partition, .offset = m->offset};
        fn(src, &in, opaque);
    }
    free(src);
}

void rp_fetch_sources_poll(rp_fetch_sources *s, bool want_more, size_t max_records,
                           rp_source_fn fn, void *opaque)
{
    set_paused(s, !want_more);
    for (size_t i = 0; i < (want_more ? max_records : 1); i++) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(s->rk, 0);
        if (!m)
            break;
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR)
            take(s, m, fn, opaque);
        else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
            rp_log_kv(RP_LOG_WARN, "sources consumer error", "error",
                      rd_kafka_message_errstr(m), NULL);
        rd_kafka_message_destroy(m);
    }
    rp_offsets_collect(s->offsets, store_one, s);
}

size_t rp_fetch_sources_pending(const rp_fetch_sources *s)
{
    return s ? rp_offsets_pending(s->offsets) : 0;
}

void rp_fetch_sources_close(rp_fetch_sources *s)
{
    if (!s || s->closed)
        return;
    rp_offsets_collect(s->offsets, store_one, s);
    rd_kafka_commit(s->rk, NULL, 0);
    rd_kafka_consumer_close(s->rk);
    s->closed = true;
}
