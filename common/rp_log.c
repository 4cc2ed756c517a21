#include "rp_log.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define RP_LOG_LINE_MAX 8192

static const char *level_names[] = {"debug", "info", "warn", "error"};
static char service_name[64] = "reportpipe";
static rp_log_level min_level = RP_LOG_INFO;

int rp_log_init(const char *service, const char *level_name)
{
    snprintf(service_name, sizeof service_name, "%s", service ? service : "reportpipe");
    for (int i = 0; i < 4; i++)
        if (level_name && strcmp(level_name, level_names[i]) == 0) {
            min_level = (rp_log_level)i;
            return 0;
        }
    return level_name && *level_name ? -1 : 0;
}

const char *rp_log_service(void)
{
    return service_name;
}

/* Bounded line buffer; appends never overflow, a full line is cut. */
typedef struct line {
    char buf[RP_LOG_LINE_MAX];
    size_t len;
} line;

static void put(line *l, const char *s, size_t n)
{
    if (n > sizeof l->buf - 2 - l->len)
        n = sizeof l->buf - 2 - l->len;
    memcpy(l->buf + l->len, s, n);
    l->len += n;
}

static void put_json_string(line *l, const char *s)
{
    put(l, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\') {
            esc[0] = '\\';
            esc[1] = (char)*p;
            put(l, esc, 2);
        } else if (*p == '\n') {
            put(l, "\\n", 2);
        } else if (*p < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            put(l, esc, 6);
        } else {
            put(l, (const char *)p, 1);
        }
    }
    put(l, "\"", 1);
}

static void begin(line *l, rp_log_level level)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    gmtime_r(&tv.tv_sec, &tm);
    char ts[40];
    size_t n = strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(ts + n, sizeof ts - n, ".%03ldZ", (long)(tv.tv_usec / 1000));
    l->len = 0;
    put(l, "{\"ts\":\"", 7);
    put(l, ts, strlen(ts));
    put(l, "\",\"level\":\"", 11);
    put(l, level_names[level], strlen(level_names[level]));
    put(l, "\",\"service\":", 12);
    put_json_string(l, service_name);
}

static void finish(line *l)
{
    l->buf[l->len++] = '}';
    l->buf[l->len++] = '\n';
    ssize_t w = write(STDERR_FILENO, l->buf, l->len);
    (void)w;
}

void rp_log(rp_log_level level, const char *fmt, ...)
{
    if (level < min_level)
        return;
    char msg[RP_LOG_LINE_MAX / 2];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    line l;
    begin(&l, level);
    put(&l, ",\"msg\":", 7);
    put_json_string(&l, msg);
    finish(&l);
}

void rp_log_kv(rp_log_level level, const char *msg, ...)
{
    if (level < min_level)
        return;
    line l;
    begin(&l, level);
    put(&l, ",\"msg\":", 7);
    put_json_string(&l, msg);
    va_list ap;
    va_start(ap, msg);
    for (const char *k = va_arg(ap, const char *); k; k = va_arg(ap, const char *)) {
        const char *v = va_arg(ap, const char *);
        put(&l, ",", 1);
        put_json_string(&l, k);
        put(&l, ":", 1);
        put_json_string(&l, v);
    }
    va_end(ap);
    finish(&l);
}
