#include "rp_fetch_conf.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define F(field) offsetof(rp_fetch_conf, field)

const rp_conf_opt rp_fetch_conf_opts[] = {
    {"urls-file", "RP_FETCH_URLS_FILE", RP_CONF_STR, "", F(urls_file),
     "read sources from this file, one a line ('#' starts a comment)", 0, 0},
    {"consume-sources", "RP_FETCH_CONSUME_SOURCES", RP_CONF_BOOL, "false", F(consume_sources),
     "consume sources from the sources topic (key = URL) until stopped", 0, 0},
    {"sources-group", "RP_FETCH_SOURCES_GROUP", RP_CONF_STR, "reportpipe-fetcher",
     F(sources_group), "consumer group for --consume-sources", 0, 0},
    {"allow-files", "RP_FETCH_ALLOW_FILES", RP_CONF_BOOL, "false", F(allow_files),
     "read plain paths and file:// URLs from disk (offline runs)", 0, 0},
    {"allow-hosts", "RP_FETCH_ALLOW_HOSTS", RP_CONF_STR, "", F(allow_hosts),
     "internal host names or CIDR ranges that may be fetched (comma-separated)", 0, 0},
    {"max-transfers", "RP_FETCH_MAX_TRANSFERS", RP_CONF_INT, "32", F(max_transfers),
     "concurrent transfers over all hosts", 1, 4096},
    {"per-host-max", "RP_FETCH_PER_HOST_MAX", RP_CONF_INT, "2", F(per_host_max),
     "concurrent transfers to one host", 1, 1024},
    {"host-delay-ms", "RP_FETCH_HOST_DELAY_MS", RP_CONF_INT, "250", F(host_delay_ms),
     "minimum delay between two requests to one host", 0, 3600000},
    {"connect-timeout-ms", "RP_FETCH_CONNECT_TIMEOUT_MS", RP_CONF_INT, "10000",
     F(connect_timeout_ms), "connect timeout", 1, 600000},
    {"timeout-ms", "RP_FETCH_TIMEOUT_MS", RP_CONF_INT, "60000", F(timeout_ms),
     "total timeout of one transfer, redirects included", 1, 3600000},
    {"low-speed-bytes", "RP_FETCH_LOW_SPEED_BYTES", RP_CONF_INT, "64", F(low_speed_bytes),
     "abort a transfer slower than this many bytes/s ...", 0, 1e9},
    {"low-speed-time-s", "RP_FETCH_LOW_SPEED_TIME_S", RP_CONF_INT, "15", F(low_speed_time_s),
     "... for this many seconds (0 = no low-speed limit)", 0, 3600},
    {"max-body-bytes", "RP_FETCH_MAX_BODY_BYTES", RP_CONF_INT, "4194304", F(max_body_bytes),
     "largest decoded body accepted (larger: dead letter too_large)", 1, 1e9},
    {"max-message-bytes", "RP_FETCH_MAX_MESSAGE_BYTES", RP_CONF_INT, "4325376",
     F(max_message_bytes), "largest Kafka message (body + headers) produced; sets "
     "message.max.bytes unless -X gives it", 1000, 999000000},
    {"max-redirects", "RP_FETCH_MAX_REDIRECTS", RP_CONF_INT, "5", F(max_redirects),
     "redirects followed before giving up", 0, 50},
    {"user-agent", "RP_FETCH_USER_AGENT", RP_CONF_STR,
     "reportpipe/" RP_VERSION " (report fetcher)", F(user_agent),
     "User-Agent sent; its first word is the robots.txt token", 0, 0},
    {"ca-file", "RP_FETCH_CA_FILE", RP_CONF_STR, "", F(ca_file),
     "PEM file of CA certificates that HTTPS servers are verified against, instead of "
     "libcurl's default bundle (verification is always on)", 0, 0},
    {"robots", "RP_FETCH_ROBOTS", RP_CONF_BOOL, "true", F(robots),
     "fetch and obey robots.txt (--robots=false to ignore it)", 0, 0},
    {"robots-ttl-s", "RP_FETCH_ROBOTS_TTL_S", RP_CONF_INT, "3600", F(robots_ttl_s),
     "how long a host's robots.txt is cached", 1, 604800},
    {"host-idle-s", "RP_FETCH_HOST_IDLE_S", RP_CONF_INT, "3600", F(host_idle_s),
     "forget a host's politeness and robots.txt state after this long without queued or "
     "running jobs (bounds memory; below --robots-ttl-s, robots.txt is fetched again sooner)",
     1, 31536000},
    {"max-retries", "RP_FETCH_MAX_RETRIES", RP_CONF_INT, "3", F(max_retries),
     "retries of a transient failure (timeout, connection, 5xx, 408, 429)", 0, 100},
    {"retry-base-ms", "RP_FETCH_RETRY_BASE_MS", RP_CONF_INT, "500", F(retry_base_ms),
     "first retry delay; doubles each attempt, with jitter", 1, 3600000},
    {"retry-max-ms", "RP_FETCH_RETRY_MAX_MS", RP_CONF_INT, "30000", F(retry_max_ms),
     "longest retry delay", 1, 3600000},
    {"max-retry-after-s", "RP_FETCH_MAX_RETRY_AFTER_S", RP_CONF_INT, "120",
     F(max_retry_after_s), "longest Retry-After honoured (longer waits are cut)", 0, 86400},
    {"refresh", "RP_FETCH_REFRESH", RP_CONF_INT, "0", F(refresh_s),
     "re-poll every source every this many seconds (0 = fetch once)", 0, 31536000},
    {"compression", "RP_FETCH_COMPRESSION", RP_CONF_STR, "lz4", F(compression),
     "compression of the documents producer: lz4 (fast) or zstd (smaller)", 0, 0},
    {"topic-state", "RP_FETCH_TOPIC_STATE", RP_CONF_STR, "reportpipe.fetch-state",
     F(topic_state), "compacted topic of per-URL fetch state (ETag, Last-Modified, "
     "sha256); empty = no change detection", 0, 0},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};

/* A file named by a setting: it must be a regular file we can read now, so a
 * typo stops start-up instead of failing every transfer. */
static int check_file(const char *flag, const char *path, char *err, size_t errlen)
{
    struct stat st;
    const char *why = NULL;
    if (stat(path, &st) != 0 || access(path, R_OK) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    if (!why)
        return 0;
    snprintf(err, errlen, "%s %s: %s", flag, path, why);
    return -1;
}

int rp_fetch_conf_check(const rp_fetch_conf *c, char *err, size_t errlen)
{
    if (strcmp(c->compression, "zstd") != 0 && strcmp(c->compression, "lz4") != 0) {
        snprintf(err, errlen, "invalid value '%s' for --compression: expected zstd or lz4",
                 c->compression);
        return -1;
    }
    if (c->per_host_max > c->max_transfers) {
        snprintf(err, errlen, "--per-host-max (%ld) is larger than --max-transfers (%ld)",
                 c->per_host_max, c->max_transfers);
        return -1;
    }
    if (c->retry_max_ms < c->retry_base_ms) {
        snprintf(err, errlen, "--retry-max-ms (%ld) is smaller than --retry-base-ms (%ld)",
                 c->retry_max_ms, c->retry_base_ms);
        return -1;
    }
    if (!*c->user_agent) {
        snprintf(err, errlen, "--user-agent must not be empty");
        return -1;
    }
    if (c->ca_file && *c->ca_file && check_file("--ca-file", c->ca_file, err, errlen) != 0)
        return -1;
    if (!*c->sources_group) {
        snprintf(err, errlen, "--sources-group must not be empty");
        return -1;
    }
    return 0;
}

void rp_fetch_conf_agent_token(const char *user_agent, char *out, size_t outlen)
{
    size_t n = strcspn(user_agent ? user_agent : "", "/ \t");
    snprintf(out, outlen, "%.*s", (int)n, user_agent ? user_agent : "");
}
