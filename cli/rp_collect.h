/* rp_collect: the consumer end of `reportpipe run`. Reads the analytics and
 * dead-letter topics from where they stood when the run began, writes the
 * analytics rows as JSON lines and counts the dead letters by reason. Its
 * group commits what it has written, so the sink's backlog bound sees it. */
#ifndef RP_COLLECT_H
#define RP_COLLECT_H

#include <stdio.h>
#include "rp_service.h"

typedef struct rp_collect rp_collect;

rp_collect *rp_collect_new(const rp_common_conf *c, const rp_kafka_props *p,
                           const char *group, FILE *out, char *err, size_t errlen);
/* Waits until partitions are assigned (start offsets fixed). 0 or -1. */
int rp_collect_wait_assigned(rp_collect *k, int timeout_ms);
/* Serves messages for up to timeout_ms. */
void rp_collect_poll(rp_collect *k, int timeout_ms);
size_t rp_collect_rows(const rp_collect *k);
size_t rp_collect_dead_letters(const rp_collect *k);
/* One line per dead-letter reason: "  reason: count". */
void rp_collect_print_reasons(const rp_collect *k, FILE *f);
void rp_collect_destroy(rp_collect *k);

#endif
