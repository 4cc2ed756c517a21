/* rp_offsets: per-partition low watermark of inputs whose outputs are all
 * acknowledged.
 *
 * An input message may yield many outputs whose delivery reports arrive in
 * any order, and Kafka only commits forward. Each partition keeps its inputs
 * in offset order; an input is complete when its producer has enqueued every
 * output (rp_offsets_end) and the broker acknowledged each of them. The
 * committable offset of a partition is one past the last input of the longest
 * complete prefix. A failed output pins its partition: nothing past it is
 * ever offered again, so a restart redelivers it (at-least-once).
 *
 * Pure and single-threaded: call it from the thread that serves delivery
 * reports (the service's poll loop). */
#ifndef RP_OFFSETS_H
#define RP_OFFSETS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rp_offsets rp_offsets;
typedef struct rp_offsets_entry rp_offsets_entry;

rp_offsets *rp_offsets_new(void);
void rp_offsets_destroy(rp_offsets *t);

/* Registers input (topic, partition, offset). Offsets of one partition must be
 * given in increasing order. Returns NULL on ENOMEM. */
rp_offsets_entry *rp_offsets_begin(rp_offsets *t, const char *topic,
                                   int32_t partition, int64_t offset);
/* One more output of e was handed to the producer. */
void rp_offsets_output_add(rp_offsets_entry *e);
/* The broker answered for one output of e: ok = acknowledged. */
void rp_offsets_output_done(rp_offsets_entry *e, bool ok);
/* No more outputs will be added for e. */
void rp_offsets_end(rp_offsets_entry *e);

/* Calls cb for every partition whose committable offset advanced since the
 * last call, with next = the offset to store (last complete + 1). */
typedef void (*rp_offsets_cb)(const char *topic, int32_t partition,
                              int64_t next, void *opaque);
void rp_offsets_collect(rp_offsets *t, rp_offsets_cb cb, void *opaque);

/* Drops all state of a partition (revoked). Outputs still in flight for it
 * keep their entries alive until they are answered, then vanish. */
void rp_offsets_forget(rp_offsets *t, const char *topic, int32_t partition);

/* Inputs registered and not yet complete, over all partitions. */
size_t rp_offsets_pending(const rp_offsets *t);
/* True once any output failed. */
bool rp_offsets_failed(const rp_offsets *t);

#endif
