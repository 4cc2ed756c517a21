/* rp_broker: the embedded broker, librdkafka's mock cluster, which speaks the
 * Kafka protocol on loopback ports so that the services and any Kafka client
 * (kcat, python3-kafka) can use it. It keeps only ~5 MiB per partition and
 * drops older data silently: producers bound their backlog (rp_backlog). */
#ifndef RP_BROKER_H
#define RP_BROKER_H

#include <stdbool.h>
#include "rp_service.h"

typedef struct rp_broker rp_broker;

typedef struct rp_broker_opts {
    int brokers;              /* >= 1 */
    int partitions;           /* per pipeline topic */
} rp_broker_opts;

/* Starts the cluster and creates the pipeline's topics (names from c).
 * Returns NULL with the reason in err. */
rp_broker *rp_broker_start(const rp_common_conf *c, const rp_broker_opts *o,
                           char *err, size_t errlen);
/* "127.0.0.1:port,..." owned by the broker. */
const char *rp_broker_bootstraps(const rp_broker *b);
/* Takes every broker down (true) or brings them back up (false). */
void rp_broker_set_down(rp_broker *b, bool down);
void rp_broker_stop(rp_broker *b);

#endif
