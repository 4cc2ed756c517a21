/* rp_backlog: bounds what a producer puts ahead of its downstream consumer
 * group, per partition.
 *
 * Why: a broker may drop a partition's oldest data before it is consumed
 * (librdkafka's mock cluster, the embedded broker, keeps only ~5 MiB per
 * partition; a real cluster's retention can bite a stalled consumer). The
 * producer records the bytes and offset of each acknowledged message, reads
 * the downstream group's committed offsets, and reports "blocked" while any
 * partition holds more than max_bytes not yet committed downstream. The
 * caller then stops taking new input (pausing its own consumption) until the
 * downstream catches up.
 *
 * Every function accepts NULL for the backlog, meaning "no bound". */
#ifndef RP_BACKLOG_H
#define RP_BACKLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rp_service.h"

typedef struct rp_backlog rp_backlog;

/* Returns NULL with *err set on failure; NULL with err[0] == 0 when
 * c->backlog_group is empty or backlog_max_bytes is 0 (no bound). */
rp_backlog *rp_backlog_new(const rp_common_conf *c, const rp_kafka_props *p,
                           const char *topic, char *err, size_t errlen);
void rp_backlog_destroy(rp_backlog *b);

/* Call when a message of `bytes` to `topic` was handed to the producer: until
 * its delivery report it counts against every partition (its partition is
 * not known yet), so output in flight cannot overshoot the bound. */
void rp_backlog_sent(rp_backlog *b, size_t bytes);
/* Call from the delivery report of every message rp_backlog_sent counted:
 * acknowledged (it now counts against its partition) or failed. */
void rp_backlog_acked(rp_backlog *b, int32_t partition, int64_t offset, size_t bytes);
void rp_backlog_failed(rp_backlog *b, size_t bytes);

/* True while some partition's unconsumed bytes plus the bytes in flight
 * exceed the bound. Refreshes committed offsets at most every 100 ms; the
 * call may block up to ~2 s on the network when it refreshes. */
bool rp_backlog_blocked(rp_backlog *b);

/* Waits while blocked, serving the producer's delivery reports through
 * `producer` (may be NULL), until unblocked or a stop is requested. */
void rp_backlog_wait(rp_backlog *b, void *producer);

/* Unconsumed bytes summed over partitions, as last measured. */
size_t rp_backlog_bytes(const rp_backlog *b);

#endif
