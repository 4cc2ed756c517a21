/* rp_dlq: dead letters. Every stage sends input it cannot handle to one topic
 * with the reason, where it came from and the payload (or its first
 * dlq_payload_max bytes), so the pipeline goes on and nothing vanishes.
 *
 * Record value (JSON, docs/schemas/dlq.schema.json), schema_version 1:
 *   {"schema_version":1,"stage":"parser","reason":"too_large","detail":"...",
 *    "topic":"reportpipe.documents","partition":3,"offset":42,"key":"...",
 *    "headers":{"url":"..."},"payload_size":123,"payload_truncated":false,
 *    "payload_base64":"...","at":"2026-11-21T05:00:00Z"}
 * The Kafka message keeps the original key and headers, plus rp-stage and
 * rp-reason headers. */
#ifndef RP_DLQ_H
#define RP_DLQ_H

#include <librdkafka/rdkafka.h>
#include <stddef.h>

typedef struct rp_dlq_record {
    const char *stage;     /* "fetcher", "parser", "sink" */
    const char *reason;    /* short stable code: "http_404", "too_large" */
    const char *detail;    /* human-readable, may be NULL */
    const char *topic;     /* where the input came from, may be NULL */
    int32_t partition;     /* -1 when not from Kafka */
    int64_t offset;        /* -1 when not from Kafka */
    const void *key;
    size_t key_len;
    const rd_kafka_headers_t *headers; /* copied, may be NULL */
    const void *payload;
    size_t payload_len;
} rp_dlq_record;

/* Builds the JSON value. Returns a heap string (caller frees) or NULL. */
char *rp_dlq_json(const rp_dlq_record *r, size_t payload_max);

/* Produces the record to `topic` with msg_opaque for the delivery report.
 * Returns 0, or -1 with the reason in err (the record was not enqueued). */
int rp_dlq_produce(rd_kafka_t *producer, const char *topic,
                   const rp_dlq_record *r, size_t payload_max,
                   void *msg_opaque, char *err, size_t errlen);

#endif
