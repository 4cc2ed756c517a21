#include "rp_service.h"

#include <stddef.h>

#define C(field) offsetof(rp_common_conf, field)

const rp_conf_opt rp_common_conf_opts[] = {
    {"bootstrap-servers", "RP_BOOTSTRAP_SERVERS", RP_CONF_STR, "localhost:9092",
     C(bootstrap_servers), "Kafka bootstrap servers (host:port,...)", 0, 0},
    {"client-id", "RP_CLIENT_ID", RP_CONF_STR, "", C(client_id),
     "Kafka client.id prefix (default: the service name)", 0, 0},
    {"log-level", "RP_LOG_LEVEL", RP_CONF_STR, "info", C(log_level),
     "debug, info, warn or error", 0, 0},
    {"topic-sources", "RP_TOPIC_SOURCES", RP_CONF_STR, "reportpipe.sources",
     C(topic_sources), "topic of URLs to fetch (key = URL)", 0, 0},
    {"topic-documents", "RP_TOPIC_DOCUMENTS", RP_CONF_STR, "reportpipe.documents",
     C(topic_documents), "topic of fetched documents", 0, 0},
    {"topic-measures", "RP_TOPIC_MEASURES", RP_CONF_STR, "reportpipe.measures",
     C(topic_measures), "topic of extracted measures", 0, 0},
    {"topic-analytics", "RP_TOPIC_ANALYTICS", RP_CONF_STR, "reportpipe.analytics",
     C(topic_analytics), "topic of analytics rows for BI", 0, 0},
    {"topic-dlq", "RP_TOPIC_DLQ", RP_CONF_STR, "reportpipe.dlq", C(topic_dlq),
     "dead-letter topic shared by all stages", 0, 0},
    {"drain-timeout-ms", "RP_DRAIN_TIMEOUT_MS", RP_CONF_INT, "20000",
     C(drain_timeout_ms), "on SIGTERM, time allowed to flush and commit", 100, 600000},
    {"metrics-addr", "RP_METRICS_ADDR", RP_CONF_STR, "0.0.0.0", C(metrics_addr),
     "address of the /metrics, /healthz, /readyz endpoint", 0, 0},
    {"metrics-port", "RP_METRICS_PORT", RP_CONF_INT, "0", C(metrics_port),
     "port of the metrics endpoint (0 = off)", 0, 65535},
    {"backlog-group", "RP_BACKLOG_GROUP", RP_CONF_STR, "", C(backlog_group),
     "downstream consumer group whose lag bounds this producer (empty = off)", 0, 0},
    {"backlog-max-bytes", "RP_BACKLOG_MAX_BYTES", RP_CONF_INT, "0",
     C(backlog_max_bytes), "bytes per output partition not yet committed downstream "
     "before this stage pauses (0 = off)", 0, 1e12},
    {"dlq-payload-max", "RP_DLQ_PAYLOAD_MAX", RP_CONF_INT, "65536",
     C(dlq_payload_max), "bytes of the original payload kept in a dead letter", 0, 1e9},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};
