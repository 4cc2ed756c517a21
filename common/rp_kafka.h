/* rp_kafka: the one place Kafka clients are created.
 *
 * Producers are idempotent (enable.idempotence=true, hence acks=all) and
 * compress; consumers never auto-store offsets (enable.auto.offset.store=false)
 * so that only offsets whose results the broker acknowledged are committed;
 * auto.commit then commits what was stored. Properties the user passed with
 * -X / RP_KAFKA_* are applied after these defaults and win. A property
 * librdkafka rejects stops start-up with its name in the message. */
#ifndef RP_KAFKA_H
#define RP_KAFKA_H

#include <librdkafka/rdkafka.h>
#include "rp_service.h"

typedef struct rp_kafka_producer_opts {
    void (*dr_msg_cb)(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque);
    void *opaque;               /* rd_kafka_opaque() of the client */
    const char *compression;    /* "zstd", "lz4", ... or NULL for none */
    const char *client_suffix;  /* appended to client.id: "-producer" */
} rp_kafka_producer_opts;

typedef struct rp_kafka_consumer_opts {
    const char *group_id;
    void (*rebalance_cb)(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                         rd_kafka_topic_partition_list_t *parts, void *opaque);
    void *opaque;
    const char *client_suffix;
} rp_kafka_consumer_opts;

rd_kafka_t *rp_kafka_producer_new(const rp_common_conf *c, const rp_kafka_props *p,
                                  const rp_kafka_producer_opts *o,
                                  char *err, size_t errlen);

/* The consumer's main queue is redirected to the consumer queue, so one
 * rd_kafka_consumer_poll() serves messages, rebalances, errors and stats. */
rd_kafka_t *rp_kafka_consumer_new(const rp_common_conf *c, const rp_kafka_props *p,
                                  const rp_kafka_consumer_opts *o,
                                  char *err, size_t errlen);

/* True for errors after which the client cannot go on (fatal idempotence
 * errors, authentication): the service must stop without committing more. */
bool rp_kafka_error_is_fatal(rd_kafka_t *rk, rd_kafka_resp_err_t err);

/* Readiness for /readyz: at most every RP_READINESS_EVERY_MS, asks the
 * cluster for metadata through rk (blocking up to 500 ms) and marks the
 * process ready when it answered and `ok` (the caller's own condition:
 * joined its group, no fatal error) holds. */
#define RP_READINESS_EVERY_MS 3000
typedef struct rp_readiness {
    long long checked_ms;
} rp_readiness;
void rp_readiness_tick(rp_readiness *r, rd_kafka_t *rk, bool ok);

/* A partition of a topic and its watermarks. */
typedef struct rp_kafka_range {
    int32_t partition;
    int64_t low, high;
} rp_kafka_range;

/* The partitions of `topic` with their watermarks. Asks in short attempts
 * until timeout_ms has passed or a stop is requested, so SIGTERM is honoured
 * while no broker answers. Returns a heap array (caller frees; may be NULL
 * with *n == 0 for a topic with no partitions, or one that does not exist)
 * and 0, or -1 with the reason in err. */
int rp_kafka_topic_ranges(rd_kafka_t *rk, const char *topic, int timeout_ms,
                          rp_kafka_range **out, size_t *n, char *err, size_t errlen);

/* Headers helpers: add a NUL-terminated string / look one up as a fresh
 * heap string (NULL if absent; caller frees). */
void rp_kafka_header_add_str(rd_kafka_headers_t *h, const char *name, const char *value);
char *rp_kafka_header_dup(const rd_kafka_headers_t *h, const char *name);

#endif
