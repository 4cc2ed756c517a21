/* rp_log: JSON log lines on stderr, one object a line:
 *   {"ts":"2026-11-21T05:00:00.123Z","level":"info","service":"parser","msg":"..."}
 * plus optional string fields. Thread-safe (one write(2) per line).
 * The service name and minimum level are process-wide and set once at start. */
#ifndef RP_LOG_H
#define RP_LOG_H

#include <stdarg.h>

typedef enum rp_log_level {
    RP_LOG_DEBUG = 0,
    RP_LOG_INFO,
    RP_LOG_WARN,
    RP_LOG_ERROR
} rp_log_level;

/* Call once from main before any other thread logs. Returns -1 for an
 * unknown level name ("debug", "info", "warn", "error"). */
int rp_log_init(const char *service, const char *level_name);

/* The service name given to rp_log_init ("reportpipe" before). */
const char *rp_log_service(void);

/* printf-style message. */
void rp_log(rp_log_level level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Message plus extra string fields given as key, value pairs ending in NULL:
 * rp_log_kv(RP_LOG_WARN, "dead letter", "reason", r, "url", u, NULL); */
void rp_log_kv(rp_log_level level, const char *msg, ...);

#define rp_log_debug(...) rp_log(RP_LOG_DEBUG, __VA_ARGS__)
#define rp_log_info(...)  rp_log(RP_LOG_INFO, __VA_ARGS__)
#define rp_log_warn(...)  rp_log(RP_LOG_WARN, __VA_ARGS__)
#define rp_log_error(...) rp_log(RP_LOG_ERROR, __VA_ARGS__)

#endif
