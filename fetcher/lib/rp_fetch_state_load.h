/* rp_fetch_state_load: reads the fetch-state topic from the beginning to its
 * end at start-up (assigning every partition, no group membership, nothing
 * committed). Later records for a URL replace earlier ones; a record without
 * value (tombstone) forgets the URL; a malformed value is skipped with a
 * warning. */
#ifndef RP_FETCH_STATE_LOAD_H
#define RP_FETCH_STATE_LOAD_H

#include <librdkafka/rdkafka.h>
#include <stddef.h>

#include "rp_conf.h"
#include "rp_fetch_state.h"
#include "rp_service.h"

/* `meta` is any client of the cluster (the fetcher's producer): it answers
 * the metadata and watermark queries, so that a consumer is created only
 * when the topic holds records. Returns the number of records read, or -1
 * with the reason in err (metadata unavailable within timeout_ms, consumer
 * errors). A topic that does not exist yet is an empty memory (returns 0). */
long rp_fetch_state_load(rp_fetch_state *s, rd_kafka_t *meta, const rp_common_conf *c,
                         const rp_kafka_props *p, const char *topic, int timeout_ms,
                         char *err, size_t errlen);

#endif
