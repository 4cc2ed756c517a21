/* rp_worker: the consume-transform-produce loop every consumer-group stage
 * runs (parser, sink), so no stage repeats Kafka boilerplate.
 *
 * For each input message the worker calls the stage's process function with
 * an rp_emit handle; every output the stage emits through it (records or a
 * dead letter) is tracked, and the input's offset is stored only after the
 * broker acknowledged all of its outputs (rp_offsets). Revocation and SIGTERM
 * pause consumption, flush the producer, store and commit, then close.
 * A failed delivery stops the worker without committing past the input it
 * belongs to: the restarted worker gets that input again (at-least-once;
 * downstream de-duplicates by stable ids). */
#ifndef RP_WORKER_H
#define RP_WORKER_H

#include <librdkafka/rdkafka.h>
#include "rp_service.h"

typedef struct rp_worker rp_worker;
typedef struct rp_emit rp_emit;

/* Process one input. Return 0 when the input was handled (including when it
 * was sent to the DLQ through rp_emit_dead_letter); return -1 only for a
 * failure of the service itself (it stops without committing this input). */
typedef int (*rp_worker_process_fn)(void *ctx, const rd_kafka_message_t *in,
                                    rp_emit *out);

typedef struct rp_worker_conf {
    const char *stage;         /* "parser", "sink": logs, DLQ, metrics */
    const char *input_topic;
    const char *output_topic;  /* where rp_emit_record writes */
    const char *group_id;
    const char *compression;   /* for the output producer, may be NULL */
} rp_worker_conf;

/* Creates the consumer, the producer and the backlog bound. Returns NULL
 * with the reason in err. */
rp_worker *rp_worker_new(const rp_common_conf *c, const rp_kafka_props *p,
                         const rp_worker_conf *wc, rp_worker_process_fn fn,
                         void *ctx, char *err, size_t errlen);

/* Runs until SIGTERM/SIGINT (rp_signal) or a fatal error, then drains.
 * Returns the process exit code: 0 after a clean drain. */
int rp_worker_run(rp_worker *w);
void rp_worker_destroy(rp_worker *w);

/* Emits one output record (copied). key may be NULL. headers, if not NULL,
 * are owned by the worker from now on, whatever the result. Returns 0 or -1
 * (then the service stops; the input is not committed). */
int rp_emit_record(rp_emit *e, const void *key, size_t key_len,
                   const void *value, size_t value_len, rd_kafka_headers_t *headers);

/* Sends the input to the DLQ with a reason code and detail. */
int rp_emit_dead_letter(rp_emit *e, const char *reason, const char *detail);

#endif
