/* rp_warmup: before consuming, the sink reads the ids already written to the
 * analytics topic (message keys, newest first up to the set's capacity), so
 * a restarted sink does not write again what its predecessor wrote. */
#ifndef RP_WARMUP_H
#define RP_WARMUP_H

#include "rp_idset.h"
#include "rp_service.h"

/* Returns 0 (ids added to seen) or -1 with the reason in err. Bounded by
 * RP_WARMUP_TIMEOUT_MS. */
int rp_warmup_ids(const rp_common_conf *c, const rp_kafka_props *p, const char *topic,
                  rp_idset *seen, char *err, size_t errlen);

#endif
