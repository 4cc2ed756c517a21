/* rp_fetch_conf: the fetcher's own settings, declared once in a table
 * (rp_fetch_conf_opts) used with rp_common_conf_opts by rp_conf_load, which
 * generates --help and the Markdown reference. rp_fetch_conf_check() then
 * checks what single rows cannot (relations between settings). */
#ifndef RP_FETCH_CONF_H
#define RP_FETCH_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "rp_conf.h"

typedef struct rp_fetch_conf {
    char *urls_file;           /* one URL a line, '#' comments ("" = none) */
    bool consume_sources;      /* consume topic_sources as group sources_group */
    char *sources_group;
    bool allow_files;          /* plain paths and file:// URLs read from disk */
    char *allow_hosts;         /* internal hosts / CIDR ranges admitted */
    long max_transfers;        /* concurrent transfers, all hosts */
    long per_host_max;         /* concurrent transfers to one origin */
    long host_delay_ms;        /* minimum time between request starts, one origin */
    long connect_timeout_ms;
    long timeout_ms;           /* whole transfer, redirects included */
    long low_speed_bytes;      /* abort below this many bytes/s ... */
    long low_speed_time_s;     /* ... sustained this long */
    long max_body_bytes;       /* decoded body cap -> DLQ too_large */
    long max_message_bytes;    /* Kafka message cap (producer message.max.bytes) */
    long max_redirects;
    char *user_agent;
    char *ca_file;             /* PEM CA bundle for TLS verification ("" = libcurl's) */
    bool robots;               /* obey robots.txt */
    long robots_ttl_s;         /* cache lifetime of a host's robots.txt */
    long host_idle_s;          /* forget an idle host's politeness and robots state */
    long max_retries;          /* retries after the first attempt */
    long retry_base_ms;
    long retry_max_ms;
    long max_retry_after_s;    /* longest Retry-After honoured */
    long refresh_s;            /* re-poll every source this often (0 = once) */
    char *compression;         /* zstd or lz4 */
    char *topic_state;         /* compacted fetch-state topic ("" = no memory) */
} rp_fetch_conf;

/* Rows for rp_fetch_conf, ending with a NULL flag. */
extern const rp_conf_opt rp_fetch_conf_opts[];

/* Checks relations between settings and that --ca-file is a readable
 * file; returns 0 or -1 naming the setting. */
int rp_fetch_conf_check(const rp_fetch_conf *c, char *err, size_t errlen);

/* The robots.txt product token of the user agent: its first word before '/'
 * or a space ("reportpipe/0.1 (+...)" -> "reportpipe"). */
void rp_fetch_conf_agent_token(const char *user_agent, char *out, size_t outlen);

#endif
