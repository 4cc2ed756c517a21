#include "rp_backlog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_signal.h"

#define RP_BACKLOG_REFRESH_MS 100

typedef struct acked {
    int64_t offset;
    size_t bytes;
} acked;

/* Acknowledged messages of one partition not yet committed downstream, in
 * offset order: items[head..n). */
typedef struct part {
    acked *items;
    size_t head, n, cap;
    size_t bytes;
} part;

struct rp_backlog {
    rd_kafka_t *watcher;       /* consumer handle of the downstream group, never subscribed */
    char *topic;
    size_t max_bytes;
    size_t in_flight;          /* sent, delivery report not yet served */
    part *parts;
    size_t n_parts;
    long long refreshed_ms;
    bool blocked;
};

rp_backlog *rp_backlog_new(const rp_common_conf *c, const rp_kafka_props *p,
                           const char *topic, char *err, size_t errlen)
{
    err[0] = 0;
    if (!c->backlog_group || !*c->backlog_group || c->backlog_max_bytes <= 0)
        return NULL;
    rp_backlog *b = calloc(1, sizeof *b);
    if (!b || !(b->topic = strdup(topic))) {
        snprintf(err, errlen, "out of memory");
        free(b);
        return NULL;
    }
    b->max_bytes = (size_t)c->backlog_max_bytes;
    rp_kafka_consumer_opts o = {.group_id = c->backlog_group, .client_suffix = "-backlog"};
    b->watcher = rp_kafka_consumer_new(c, p, &o, err, errlen);
    if (!b->watcher) {
        rp_backlog_destroy(b);
        return NULL;
    }
    return b;
}

void rp_backlog_destroy(rp_backlog *b)
{
    if (!b)
        return;
    if (b->watcher) {
        rd_kafka_consumer_close(b->watcher);
        rd_kafka_destroy(b->watcher);
    }
    for (size_t i = 0; i < b->n_parts; i++)
        free(b->parts[i].items);
    free(b->parts);
    free(b->topic);
    free(b);
}

static part *get_part(rp_backlog *b, int32_t partition)
{
    if (partition < 0)
        return NULL;
    if ((size_t)partition >= b->n_parts) {
        size_t n = (size_t)partition + 1;
        part *np = realloc(b->parts, n * sizeof *np);
        if (!np)
            return NULL;
        memset(np + b->n_parts, 0, (n - b->n_parts) * sizeof *np);
        b->parts = np;
        b->n_parts = n;
    }
    return &b->parts[partition];
}

void rp_backlog_sent(rp_backlog *b, size_t bytes)
{
    if (b)
        b->in_flight += bytes;
}

void rp_backlog_failed(rp_backlog *b, size_t bytes)
{
    if (b)
        b->in_flight -= bytes < b->in_flight ? bytes : b->in_flight;
}

void rp_backlog_acked(rp_backlog *b, int32_t partition, int64_t offset, size_t bytes)
{
    if (!b)
        return;
    rp_backlog_failed(b, bytes); /* no longer in flight */
    part *p = get_part(b, partition);
    if (!p)
        return;
    if (p->head > 0 && p->n == p->cap) { /* compact before growing */
        memmove(p->items, p->items + p->head, (p->n - p->head) * sizeof *p->items);
        p->n -= p->head;
        p->head = 0;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        acked *ni = realloc(p->items, cap * sizeof *ni);
        if (!ni)
            return;
        p->items = ni;
        p->cap = cap;
    }
    p->items[p->n++] = (acked){offset, bytes};
    p->bytes += bytes;
}

static void drop_committed(part *p, int64_t committed)
{
    while (p->head < p->n && p->items[p->head].offset < committed) {
        p->bytes -= p->items[p->head].bytes;
        p->head++;
    }
    if (p->head == p->n)
        p->head = p->n = 0;
}

/* Drops what the downstream group has committed. */
static void refresh(rp_backlog *b)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new((int)b->n_parts);
    for (size_t i = 0; i < b->n_parts; i++)
        if (b->parts[i].n > b->parts[i].head)
            rd_kafka_topic_partition_list_add(l, b->topic, (int32_t)i);
    if (l->cnt > 0 && rd_kafka_committed(b->watcher, l, 2000) == RD_KAFKA_RESP_ERR_NO_ERROR)
        for (int i = 0; i < l->cnt; i++)
            if (!l->elems[i].err && l->elems[i].offset >= 0)
                drop_committed(&b->parts[l->elems[i].partition], l->elems[i].offset);
    rd_kafka_topic_partition_list_destroy(l);
}

/* Over the bound by what is known now: acknowledged and not committed
 * downstream, plus in flight (which may land on any partition). */
static bool over(const rp_backlog *b)
{
    if (b->in_flight > b->max_bytes)
        return true;
    for (size_t i = 0; i < b->n_parts; i++)
        if (b->parts[i].bytes + b->in_flight > b->max_bytes)
            return true;
    return false;
}

bool rp_backlog_blocked(rp_backlog *b)
{
    if (!b)
        return false;
    bool blocked = over(b);
    long long now = rp_now_ms();
    if (blocked && now - b->refreshed_ms >= RP_BACKLOG_REFRESH_MS) {
        b->refreshed_ms = now;
        refresh(b);
        blocked = over(b);
    }
    if (blocked != b->blocked)
        rp_log_kv(RP_LOG_INFO, blocked ? "backlog bound reached, pausing"
                                       : "backlog drained, resuming", "topic", b->topic, NULL);
    b->blocked = blocked;
    return blocked;
}

void rp_backlog_wait(rp_backlog *b, void *producer)
{
    while (rp_backlog_blocked(b) && !rp_signal_stop_requested()) {
        if (producer)
            rd_kafka_poll(producer, 20);
        else
            usleep(20 * 1000);
    }
}

size_t rp_backlog_bytes(const rp_backlog *b)
{
    size_t sum = 0;
    for (size_t i = 0; b && i < b->n_parts; i++)
        sum += b->parts[i].bytes;
    return sum;
}
