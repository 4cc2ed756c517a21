/* rp_fetch_output: everything the fetcher writes to Kafka, through one
 * idempotent producer (rp_kafka_producer_new, compressed):
 *
 *  - documents (docs/schemas/document.schema.json): value = body bytes as
 *    received (decoded transfer/content encoding), key = the source URL,
 *    headers schema_version ("1"), url, final_url, status, content_type,
 *    fetched_at (RFC 3339 UTC), etag, last_modified, sha256, http_version
 *    ("1.0", "1.1", "2", "3") (always present; "" when unknown or a file);
 *  - fetch state: key = URL, value = rp_fetch_memo JSON;
 *  - dead letters: rp_dlq_produce, stage "fetcher"; for a source consumed
 *    from the sources topic, topic/partition/offset name its record.
 * Documents and state are partitioned by the URL's host (rp_url_partition),
 * so one host's records stay in one partition.
 *
 * Each output is tied to its job: job->outputs_pending counts those not yet
 * answered by the broker, and an input offset (job->input) is marked
 * complete only after every output was acknowledged. Once the job's last
 * output is answered and rp_fetch_output_end was called, the done callback
 * gets the job (and owns it again). Delivery reports are served by
 * rp_fetch_output_poll/flush on the caller's thread. */
#ifndef RP_FETCH_OUTPUT_H
#define RP_FETCH_OUTPUT_H

#include <librdkafka/rdkafka.h>
#include <stdbool.h>
#include <stddef.h>

#include "rp_conf.h"
#include "rp_fetch_conf.h"
#include "rp_fetch_job.h"
#include "rp_fetch_state.h"
#include "rp_service.h"

typedef struct rp_fetch_output rp_fetch_output;
typedef void (*rp_fetch_done_fn)(rp_fetch_job *j, void *opaque);

typedef struct rp_doc_meta {
    const char *final_url;
    long status;
    const char *content_type;
    const char *fetched_at;
    const char *etag;
    const char *last_modified;
    const char *sha256;
    const char *http_version;  /* of the final response; NULL/"" for files */
} rp_doc_meta;

rp_fetch_output *rp_fetch_output_new(const rp_common_conf *c, const rp_fetch_conf *fc,
                                     const rp_kafka_props *p, rp_fetch_done_fn done,
                                     void *opaque, char *err, size_t errlen);
/* Flushes nothing: call rp_fetch_output_flush first. Accepts NULL. */
void rp_fetch_output_destroy(rp_fetch_output *o);

typedef enum rp_output_rc {
    RP_OUTPUT_OK = 0,
    RP_OUTPUT_TOO_LARGE = 1,   /* over --max-message-bytes: not produced */
    RP_OUTPUT_ERROR = -1       /* not enqueued; err says why */
} rp_output_rc;

/* Produces the document; takes ownership of body (malloc'd) whatever the
 * result. */
rp_output_rc rp_fetch_output_document(rp_fetch_output *o, rp_fetch_job *j,
                                      const rp_doc_meta *m, char *body, size_t len,
                                      char *err, size_t errlen);
/* Produces the job's fetch state (no-op when the state topic is off). */
rp_output_rc rp_fetch_output_state(rp_fetch_output *o, rp_fetch_job *j,
                                   const rp_fetch_memo *m, char *err, size_t errlen);
/* Produces a dead letter for the job with the first dlq_payload_max bytes of
 * payload (may be NULL). */
rp_output_rc rp_fetch_output_dead(rp_fetch_output *o, rp_fetch_job *j, const char *reason,
                                  const char *detail, const void *payload, size_t len,
                                  char *err, size_t errlen);
/* No more outputs for the job. */
void rp_fetch_output_end(rp_fetch_output *o, rp_fetch_job *j);

/* Serves delivery reports, waiting up to timeout_ms for the first. */
void rp_fetch_output_poll(rp_fetch_output *o, int timeout_ms);
/* A descriptor that becomes readable when delivery reports are waiting
 * (librdkafka writes to it when its queue was empty). Wait on it with the
 * sockets; once it is readable, call rp_fetch_output_drain_wake and then
 * rp_fetch_output_poll (in that order, so that no report is missed). Owned
 * by the output. */
int rp_fetch_output_wake_fd(const rp_fetch_output *o);
void rp_fetch_output_drain_wake(rp_fetch_output *o);
/* Sends what is queued without waiting for linger.ms and waits until every
 * output was answered; 0 or -1 after timeout_ms. */
int rp_fetch_output_flush(rp_fetch_output *o, int timeout_ms);
/* Outputs handed over and not answered yet. */
size_t rp_fetch_output_in_flight(const rp_fetch_output *o);
/* Bytes of message values handed over and not answered yet. */
size_t rp_fetch_output_in_flight_bytes(const rp_fetch_output *o);
/* The producer (for metadata queries); owned by the output. */
rd_kafka_t *rp_fetch_output_producer(rp_fetch_output *o);
/* True while the downstream group lags more than the backlog bound. */
bool rp_fetch_output_blocked(rp_fetch_output *o);
/* True once a delivery failed (the run cannot end with 0). */
bool rp_fetch_output_failed(const rp_fetch_output *o);

#endif
