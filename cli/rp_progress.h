/* rp_progress: has a consumer group processed everything on a topic?
 * Compares the group's committed offsets with the partitions' high
 * watermarks; used by `reportpipe run` to know when the pipeline is done. */
#ifndef RP_PROGRESS_H
#define RP_PROGRESS_H

#include <stdbool.h>
#include "rp_service.h"

typedef struct rp_progress rp_progress;

rp_progress *rp_progress_new(const rp_common_conf *c, const rp_kafka_props *p,
                             const char *group, const char *topic, char *err, size_t errlen);
void rp_progress_destroy(rp_progress *pr);

/* True when every partition's committed offset has reached its high
 * watermark. *lag (may be NULL) receives the summed difference, or -1 if
 * the cluster could not be asked. */
bool rp_progress_caught_up(rp_progress *pr, long long *lag);

#endif
