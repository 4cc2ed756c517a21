/* rp_metrics: the process's Prometheus metrics and its HTTP endpoint
 * (libmicrohttpd): GET /metrics (text exposition format 0.0.4), /healthz
 * (the process works: 200 unless the service marked itself broken) and
 * /readyz (200 only while the service says it is ready: connected and
 * assigned or producing; 503 after a fatal Kafka error or a lost group).
 *
 * A process-wide registry: metrics are created on first use, keyed by name
 * and a label string in Prometheus syntax (`stage="parser",reason="x"`, or
 * NULL / "" for none). All functions are thread-safe and cheap enough for the
 * per-message path; they work (and count) whether or not the endpoint runs. */
#ifndef RP_METRICS_H
#define RP_METRICS_H

#include <stdbool.h>
#include <stddef.h>

/* HELP text for a metric name (optional; call before or after first use). */
void rp_metrics_describe(const char *name, const char *help);

void rp_metrics_inc(const char *name, const char *labels, double delta); /* counter */
void rp_metrics_set(const char *name, const char *labels, double value); /* gauge */
/* Histogram with the default latency buckets in seconds
 * (.001 .005 .01 .025 .05 .1 .25 .5 1 2.5 5 10). */
void rp_metrics_observe(const char *name, const char *labels, double value);

/* Feeds one librdkafka statistics JSON document (statistics.interval.ms):
 * sets consumer lag per partition and produce latency gauges. */
void rp_metrics_kafka_stats(const char *json, const char *stage);

void rp_metrics_set_ready(bool ready);
void rp_metrics_set_healthy(bool healthy);

/* Starts the endpoint on addr:port (port 0 = do nothing). Returns 0 or -1
 * with the reason in err. */
int rp_metrics_start(const char *addr, int port, char *err, size_t errlen);
void rp_metrics_stop(void);

/* Renders the exposition text (caller frees); for tests. */
char *rp_metrics_render(void);

#endif
