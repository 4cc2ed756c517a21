#include "rp_offsets.h"

#include <stdlib.h>
#include <string.h>

typedef struct rp_partition rp_partition;

struct rp_offsets_entry {
    rp_partition *part;        /* NULL once its partition was forgotten */
    rp_offsets_entry *next;
    int64_t offset;
    size_t outputs;            /* handed to the producer, not yet answered */
    bool ended;
    bool failed;
};

struct rp_partition {
    rp_partition *next;
    char *topic;
    int32_t partition;
    rp_offsets_entry *head, *tail;
    int64_t next_offset;       /* one past the last complete input, -1 = none */
    int64_t reported;          /* what collect last offered */
    bool failed;
};

struct rp_offsets {
    rp_partition *parts;
    size_t pending;            /* entries held by partitions */
    bool failed;
};

rp_offsets *rp_offsets_new(void)
{
    return calloc(1, sizeof(rp_offsets));
}

static void free_partition(rp_partition *p)
{
    rp_offsets_entry *e = p->head;
    while (e) {
        rp_offsets_entry *n = e->next;
        free(e);
        e = n;
    }
    free(p->topic);
    free(p);
}

void rp_offsets_destroy(rp_offsets *t)
{
    if (!t)
        return;
    rp_partition *p = t->parts;
    while (p) {
        rp_partition *n = p->next;
        free_partition(p);
        p = n;
    }
    free(t);
}

static rp_partition *find(rp_offsets *t, const char *topic, int32_t partition, bool create)
{
    for (rp_partition *p = t->parts; p; p = p->next)
        if (p->partition == partition && strcmp(p->topic, topic) == 0)
            return p;
    if (!create)
        return NULL;
    rp_partition *p = calloc(1, sizeof *p);
    if (!p || !(p->topic = strdup(topic))) {
        free(p);
        return NULL;
    }
    p->partition = partition;
    p->next_offset = -1;
    p->reported = -1;
    p->next = t->parts;
    t->parts = p;
    return p;
}

rp_offsets_entry *rp_offsets_begin(rp_offsets *t, const char *topic, int32_t partition,
                                   int64_t offset)
{
    rp_partition *p = find(t, topic, partition, true);
    if (!p)
        return NULL;
    rp_offsets_entry *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    e->part = p;
    e->offset = offset;
    if (p->tail)
        p->tail->next = e;
    else
        p->head = e;
    p->tail = e;
    t->pending++;
    return e;
}

static bool complete(const rp_offsets_entry *e)
{
    return e->ended && e->outputs == 0 && !e->failed;
}

/* Pops the complete prefix of a partition. */
static void advance(rp_offsets *t, rp_partition *p)
{
    while (p->head && !p->failed && complete(p->head)) {
        rp_offsets_entry *e = p->head;
        p->next_offset = e->offset + 1;
        p->head = e->next;
        if (!p->head)
            p->tail = NULL;
        free(e);
        t->pending--;
    }
}

void rp_offsets_output_add(rp_offsets_entry *e)
{
    e->outputs++;
}

void rp_offsets_output_done(rp_offsets_entry *e, bool ok)
{
    if (e->outputs > 0)
        e->outputs--;
    if (!ok) {
        e->failed = true;
        if (e->part)
            e->part->failed = true;
    }
    if (!e->part && e->outputs == 0 && e->ended)
        free(e); /* detached by rp_offsets_forget and finished */
}

void rp_offsets_end(rp_offsets_entry *e)
{
    e->ended = true;
    if (!e->part && e->outputs == 0)
        free(e);
}

void rp_offsets_collect(rp_offsets *t, rp_offsets_cb cb, void *opaque)
{
    for (rp_partition *p = t->parts; p; p = p->next) {
        advance(t, p);
        if (p->failed)
            t->failed = true;
        if (p->next_offset >= 0 && p->next_offset != p->reported) {
            p->reported = p->next_offset;
            cb(p->topic, p->partition, p->next_offset, opaque);
        }
    }
}

void rp_offsets_forget(rp_offsets *t, const char *topic, int32_t partition)
{
    rp_partition **pp = &t->parts;
    while (*pp && !((*pp)->partition == partition && strcmp((*pp)->topic, topic) == 0))
        pp = &(*pp)->next;
    rp_partition *p = *pp;
    if (!p)
        return;
    *pp = p->next;
    rp_offsets_entry *e = p->head;
    while (e) {
        rp_offsets_entry *n = e->next;
        t->pending--;
        if (e->outputs == 0 && e->ended) {
            free(e);
        } else {
            e->part = NULL; /* freed when its last output is answered */
            e->next = NULL;
        }
        e = n;
    }
    p->head = p->tail = NULL;
    free(p->topic);
    free(p);
}

size_t rp_offsets_pending(const rp_offsets *t)
{
    return t->pending;
}

bool rp_offsets_failed(const rp_offsets *t)
{
    if (t->failed)
        return true;
    for (const rp_partition *p = t->parts; p; p = p->next)
        if (p->failed)
            return true;
    return false;
}
