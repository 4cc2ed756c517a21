/* rp_service: the settings every service shares (cluster, topics, logging,
 * drain, metrics, backlog bound) and the table that declares them. */
#ifndef RP_SERVICE_H
#define RP_SERVICE_H

#include "rp_conf.h"

typedef struct rp_common_conf {
    char *bootstrap_servers;
    char *client_id;
    char *log_level;
    char *topic_sources;
    char *topic_documents;
    char *topic_measures;
    char *topic_analytics;
    char *topic_dlq;
    long drain_timeout_ms;     /* SIGTERM grace: flush and commit within this */
    char *metrics_addr;
    long metrics_port;         /* 0 = no /metrics endpoint */
    char *backlog_group;       /* downstream consumer group to wait for ("" = off) */
    long backlog_max_bytes;    /* unconsumed bytes per output partition */
    long dlq_payload_max;      /* bytes of the original payload kept in a DLQ record */
} rp_common_conf;

/* Rows for rp_common_conf, to be used as a section with base = &conf. */
extern const rp_conf_opt rp_common_conf_opts[];

#endif
