/* rp_fetch_sources: sources consumed from the sources topic as consumer
 * group --sources-group (docs/schemas/source.schema.json: key = URL; when
 * the key is empty, the value as plain text or the "url" of a JSON value).
 *
 * Each record is registered with an offset tracker (rp_offsets) and handed
 * to the caller with its tracker entry; its offset is stored (and then
 * auto-committed) only once the job's outputs were all acknowledged, so a
 * crash re-fetches, never loses, a URL. While the caller has enough work it
 * pauses the assigned partitions instead of not polling (so the group
 * membership stays alive). Revocation stores and commits what is complete,
 * then forgets the partitions. Not thread-safe: one thread polls. */
#ifndef RP_FETCH_SOURCES_H
#define RP_FETCH_SOURCES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rp_conf.h"
#include "rp_fetch_conf.h"
#include "rp_offsets.h"
#include "rp_service.h"

typedef struct rp_fetch_sources rp_fetch_sources;

/* A consumed source record: its tracker entry (the job calls
 * rp_offsets_output_add/done/end on it through rp_fetch_output) and where
 * it was read, which a dead letter of its job names as its origin
 * (rp_dlq_record topic, partition, offset). `topic` is only valid during
 * the call that passes the input. */
typedef struct rp_fetch_input {
    rp_offsets_entry *entry;
    const char *topic;
    int32_t partition;
    int64_t offset;
} rp_fetch_input;

/* Called for every consumed source. */
typedef void (*rp_source_fn)(const char *src, const rp_fetch_input *in, void *opaque);

rp_fetch_sources *rp_fetch_sources_new(const rp_common_conf *c, const rp_fetch_conf *fc,
                                       const rp_kafka_props *p, char *err, size_t errlen);
/* Closes the consumer (call rp_fetch_sources_close first for a clean
 * commit). Accepts NULL. */
void rp_fetch_sources_destroy(rp_fetch_sources *s);

/* Serves the consumer: up to max_records new sources go to fn; when
 * want_more is false the partitions are paused. Also stores the offsets that
 * became complete. */
void rp_fetch_sources_poll(rp_fetch_sources *s, bool want_more, size_t max_records,
                           rp_source_fn fn, void *opaque);
/* Inputs consumed and not yet complete. */
size_t rp_fetch_sources_pending(const rp_fetch_sources *s);
/* Stores complete offsets, commits synchronously and leaves the group. */
void rp_fetch_sources_close(rp_fetch_sources *s);

#endif
