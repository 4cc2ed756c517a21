/* rp_fetcher: the fetch engine — sources in, one outcome per source out.
 *
 * Owns the libcurl multi handle (bounded concurrency, connection reuse,
 * HTTP/2 multiplexing), the scheduler (politeness, robots.txt, retries), the
 * change-detection memory and the producer (rp_fetch_output). Sources come
 * from rp_fetcher_add (arguments, a file) and, with --consume-sources, from
 * the sources topic. Single-threaded: every call from one thread. */
#ifndef RP_FETCHER_H
#define RP_FETCHER_H

#include <stddef.h>

#include "rp_conf.h"
#include "rp_fetch_conf.h"
#include "rp_fetch_sources.h"
#include "rp_offsets.h"
#include "rp_service.h"

typedef struct rp_fetcher rp_fetcher;

/* Creates the engine: address policy, producer, backlog bound, the memory
 * read from the state topic, the sources consumer when asked for. The
 * configurations must outlive the fetcher. Returns NULL with the reason in
 * err. */
rp_fetcher *rp_fetcher_new(const rp_common_conf *c, const rp_fetch_conf *fc,
                           const rp_kafka_props *p, char *err, size_t errlen);
/* Accepts NULL. Jobs still queued are dropped without an outcome. */
void rp_fetcher_destroy(rp_fetcher *f);

/* Queues a source (copied). `in` (copied) is the sources-topic record it
 * came from, or NULL. Returns 0 or -1 on ENOMEM. */
int rp_fetcher_add(rp_fetcher *f, const char *src, const rp_fetch_input *in);

/* Reads sources from a file, one a line; blank lines and '#' comments are
 * skipped. Returns the number queued or -1 with the reason in err. */
long rp_fetcher_add_file(rp_fetcher *f, const char *path, char *err, size_t errlen);

/* Runs until every queued source has its acknowledged outcome (when not
 * consuming and not refreshing), or until SIGTERM/SIGINT, then drains:
 * in-flight transfers finish and their outcomes are produced and
 * acknowledged within the drain timeout; queued sources are left (a consumed
 * one is not committed, so it comes again). Logs a summary. Returns the exit
 * code: 0, or 1 when a delivery failed or the drain timed out. */
int rp_fetcher_run(rp_fetcher *f);

/* Outcome counters, for the summary and tests. */
typedef struct rp_fetch_counts {
    size_t fetched, not_modified, unchanged, failed, retries, undelivered, abandoned;
} rp_fetch_counts;
rp_fetch_counts rp_fetcher_counts(const rp_fetcher *f);

#endif
