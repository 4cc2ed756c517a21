/* rp_metrics: process-wide registry and the libmicrohttpd endpoint.
 *
 * One mutex guards the whole registry. Series live in a chained hash keyed by
 * name + label string and are also threaded on their family's list, which is
 * the order they render in. Label strings are validated on first use: one bad
 * string from a caller must not make Prometheus reject every scrape, so such
 * calls are dropped and counted in rp_metrics_rejected_total. */
/* rp_metrics.h uses size_t without including <stddef.h> (reported to the
 * header's owner); included first here so this file compiles either way. */
#include <stddef.h>

#include "rp_metrics.h"

#include <arpa/inet.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

enum { KIND_COUNTER, KIND_GAUGE, KIND_HISTOGRAM };

static const double k_buckets[] = {.001, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10};
#define N_BUCKETS (sizeof k_buckets / sizeof k_buckets[0])

typedef struct family family;

typedef struct series {
    family *fam;
    char *labels;                 /* validated, "" for none */
    uint64_t hash;
    double value;                 /* counter / gauge */
    double sum;                   /* histogram */
    uint64_t count;
    uint64_t buckets[N_BUCKETS];  /* per bucket, not cumulative */
    struct series *fam_next;
    struct series *hash_next;
} series;

struct family {
    char *name;
    char *help;
    int kind;                     /* -1 until first use (describe only) */
    series *head, *tail;
    family *next;
};

static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static family *g_families;
static series **g_table;
static size_t g_table_size;
static size_t g_series_count;
static unsigned long g_rejected;

static atomic_bool g_ready = false;
static atomic_bool g_healthy = true;

static pthread_mutex_t g_http_mu = PTHREAD_MUTEX_INITIALIZER;
static struct MHD_Daemon *g_daemon;

/* ---- validation ---------------------------------------------------------- */

static bool valid_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
                  (i > 0 && c >= '0' && c <= '9');
        if (!ok)
            return false;
    }
    return true;
}

/* `k="v",k2="v2"`: label names as in Prometheus, values with only the \\, \"
 * and \n escapes, no raw newline. */
static bool valid_labels(const char *s)
{
    const char *p = s;
    if (!p || !*p)
        return true;
    for (;;) {
        const char *n = p;
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_'))
            return false;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
               (*p >= '0' && *p <= '9'))
            p++;
        if (p - n == 2 && n[0] == 'l' && n[1] == 'e')
            return false; /* reserved for histogram buckets */
        if (*p != '=' || p[1] != '"')
            return false;
        p += 2;
        while (*p != '"') {
            if (*p == '\0' || *p == '\n')
                return false;
            if (*p == '\\') {
                if (p[1] != '\\' && p[1] != '"' && p[1] != 'n')
                    return false;
                p++;
            }
            p++;
        }
        p++;
        if (*p == '\0')
            return true;
        if (*p != ',')
            return false;
        p++;
    }
}

/* ---- registry (all callers hold g_mu) ------------------------------------ */

static uint64_t key_hash(const char *name, const char *labels)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    h = (h ^ 0xffu) * 1099511628211ULL;
    for (const char *p = labels; *p; p++)
        h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    return h;
}

static family *family_find(const char *name)
{
    for (family *f = g_families; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static family *family_get(const char *name)
{
    family *f = family_find(name);
    if (f)
        return f;
    f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->name = strdup(name);
    if (!f->name) {
        free(f);
        return NULL;
    }
    f->kind = -1;
    f->next = g_families;
    g_families = f;
    return f;
}

static int table_grow(void)
{
    size_t nsize = g_table_size ? g_table_size * 2 : 256;
    series **nt = calloc(nsize, sizeof *nt);
    if (!nt)
        return -1;
    for (size_t i = 0; i < g_table_size; i++) {
        series *s = g_table[i];
        while (s) {
            series *next = s->hash_next;
            size_t b = (size_t)(s->hash & (nsize - 1));
            s->hash_next = nt[b];
            nt[b] = s;
            s = next;
        }
    }
    free(g_table);
    g_table = nt;
    g_table_size = nsize;
    return 0;
}

/* The series for name+labels, created with the given kind; NULL when the
 * name, labels or kind are unusable (counted) or memory ran out. */
static series *series_get(const char *name, const char *labels, int kind)
{
    if (!name)
        return NULL;
    if (!labels)
        labels = "";
    uint64_t h = key_hash(name, labels);
    if (g_table_size) {
        for (series *s = g_table[h & (g_table_size - 1)]; s; s = s->hash_next)
            if (s->hash == h && strcmp(s->labels, labels) == 0 &&
                strcmp(s->fam->name, name) == 0)
            {
                if (s->fam->kind == kind)
                    return s;
                g_rejected++;
                return NULL;
            }
    }
    if (!valid_name(name) || !valid_labels(labels)) {
        g_rejected++;
        return NULL;
    }
    family *f = family_get(name);
    if (!f)
        return NULL;
    if (f->kind == -1)
        f->kind = kind;
    if (f->kind != kind) {
        g_rejected++;
        return NULL;
    }
    if (g_series_count + 1 > g_table_size && table_grow() != 0)
        return NULL;
    series *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->labels = strdup(labels);
    if (!s->labels) {
        free(s);
        return NULL;
    }
    s->fam = f;
    s->hash = h;
    if (f->tail)
        f->tail->fam_next = s;
    else
        f->head = s;
    f->tail = s;
    size_t b = (size_t)(h & (g_table_size - 1));
    s->hash_next = g_table[b];
    g_table[b] = s;
    g_series_count++;
    return s;
}

static void series_unlink_free(series *s)
{
    family *f = s->fam;
    series **pp = &g_table[s->hash & (g_table_size - 1)];
    while (*pp != s)
        pp = &(*pp)->hash_next;
    *pp = s->hash_next;
    series *prev = NULL;
    for (series *it = f->head; it != s; it = it->fam_next)
        prev = it;
    if (prev)
        prev->fam_next = s->fam_next;
    else
        f->head = s->fam_next;
    if (f->tail == s)
        f->tail = prev;
    g_series_count--;
    free(s->labels);
    free(s);
}

/* Removes every series of `name` whose labels begin with `prefix`. */
static void family_drop_prefix(const char *name, const char *prefix)
{
    family *f = family_find(name);
    if (!f)
        return;
    size_t n = strlen(prefix);
    series *s = f->head;
    while (s) {
        series *next = s->fam_next;
        if (strncmp(s->labels, prefix, n) == 0)
            series_unlink_free(s);
        s = next;
    }
}

static void counter_add_locked(const char *name, const char *labels, double delta)
{
    if (!(delta >= 0)) /* counters never go down; also rejects NaN */
        return;
    series *s = series_get(name, labels, KIND_COUNTER);
    if (s)
        s->value += delta;
}

/* For counters kept by someone else (librdkafka's cumulative totals). */
static void counter_set_locked(const char *name, const char *labels, double value)
{
    series *s = series_get(name, labels, KIND_COUNTER);
    if (s && value >= s->value)
        s->value = value;
}

static void gauge_set_locked(const char *name, const char *labels, double value)
{
    series *s = series_get(name, labels, KIND_GAUGE);
    if (s)
        s->value = value;
}

/* ---- public registry API -------------------------------------------------- */

static void describe_locked(const char *name, const char *help)
{
    family *f = family_get(name);
    if (f) {
        char *h = strdup(help);
        if (h) {
            free(f->help);
            f->help = h;
        }
    }
}

void rp_metrics_describe(const char *name, const char *help)
{
    if (!valid_name(name) || !help)
        return;
    pthread_mutex_lock(&g_mu);
    describe_locked(name, help);
    pthread_mutex_unlock(&g_mu);
}

void rp_metrics_inc(const char *name, const char *labels, double delta)
{
    pthread_mutex_lock(&g_mu);
    counter_add_locked(name, labels, delta);
    pthread_mutex_unlock(&g_mu);
}

void rp_metrics_set(const char *name, const char *labels, double value)
{
    pthread_mutex_lock(&g_mu);
    gauge_set_locked(name, labels, value);
    pthread_mutex_unlock(&g_mu);
}

void rp_metrics_observe(const char *name, const char *labels, double value)
{
    if (isnan(value))
        return;
    pthread_mutex_lock(&g_mu);
    series *s = series_get(name, labels, KIND_HISTOGRAM);
    if (s) {
        for (size_t i = 0; i < N_BUCKETS; i++) {
            if (value <= k_buckets[i]) {
                s->buckets[i]++;
                break;
            }
        }
        s->sum += value;
        s->count++;
    }
    pthread_mutex_unlock(&g_mu);
}

void rp_metrics_set_ready(bool ready)
{
    atomic_store(&g_ready, ready);
}

void rp_metrics_set_healthy(bool healthy)
{
    atomic_store(&g_healthy, healthy);
}

/* ---- rendering ------------------------------------------------------------ */

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed;
} outbuf;

static void out_printf(outbuf *o, const char *fmt, ...)
{
    if (o->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            o->failed = true;
            return;
        }
        if ((size_t)n < o->cap - o->len) {
            o->len += (size_t)n;
            return;
        }
        size_t ncap = o->cap * 2;
        while (ncap - o->len <= (size_t)n)
            ncap *= 2;
        char *nb = realloc(o->buf, ncap);
        if (!nb) {
            o->failed = true;
            return;
        }
        o->buf = nb;
        o->cap = ncap;
    }
}

/* Shortest of %.15g / %.17g that reads back exactly; Prometheus spellings
 * for the non-finite values. */
static void fmt_value(double v, char *dst, size_t n)
{
    if (isnan(v)) {
        snprintf(dst, n, "NaN");
    } else if (isinf(v)) {
        snprintf(dst, n, "%s", v > 0 ? "+Inf" : "-Inf");
    } else {
        snprintf(dst, n, "%.15g", v);
        if (strtod(dst, NULL) != v)
            snprintf(dst, n, "%.17g", v);
    }
}

/* HELP text escapes only backslash and newline. */
static void out_help(outbuf *o, const char *name, const char *help)
{
    out_printf(o, "# HELP %s ", name);
    for (const char *p = help; *p; p++) {
        if (*p == '\\')
            out_printf(o, "\\\\");
        else if (*p == '\n')
            out_printf(o, "\\n");
        else
            out_printf(o, "%c", *p);
    }
    out_printf(o, "\n");
}

static void render_histogram(outbuf *o, const family *f, const series *s)
{
    const char *sep = *s->labels ? "," : "";
    char num[64];
    uint64_t cum = 0;
    for (size_t i = 0; i < N_BUCKETS; i++) {
        cum += s->buckets[i];
        fmt_value(k_buckets[i], num, sizeof num);
        out_printf(o, "%s_bucket{%s%sle=\"%s\"} %llu\n", f->name, s->labels, sep, num,
                   (unsigned long long)cum);
    }
    out_printf(o, "%s_bucket{%s%sle=\"+Inf\"} %llu\n", f->name, s->labels, sep,
               (unsigned long long)s->count);
    fmt_value(s->sum, num, sizeof num);
    if (*s->labels) {
        out_printf(o, "%s_sum{%s} %s\n", f->name, s->labels, num);
        out_printf(o, "%s_count{%s} %llu\n", f->name, s->labels, (unsigned long long)s->count);
    } else {
        out_printf(o, "%s_sum %s\n", f->name, num);
        out_printf(o, "%s_count %llu\n", f->name, (unsigned long long)s->count);
    }
}

static void render_family(outbuf *o, const family *f)
{
    static const char *const kinds[] = {"counter", "gauge", "histogram"};
    if (f->kind < 0 || !f->head)
        return;
    if (f->help)
        out_help(o, f->name, f->help);
    out_printf(o, "# TYPE %s %s\n", f->name, kinds[f->kind]);
    for (const series *s = f->head; s; s = s->fam_next) {
        if (f->kind == KIND_HISTOGRAM) {
            render_histogram(o, f, s);
            continue;
        }
        char num[64];
        fmt_value(s->value, num, sizeof num);
        if (*s->labels)
            out_printf(o, "%s{%s} %s\n", f->name, s->labels, num);
        else
            out_printf(o, "%s %s\n", f->name, num);
    }
}

static int family_cmp(const void *a, const void *b)
{
    const family *fa = *(const family *const *)a;
    const family *fb = *(const family *const *)b;
    return strcmp(fa->name, fb->name);
}

char *rp_metrics_render(void)
{
    outbuf o = {.buf = malloc(4096), .cap = 4096};
    if (!o.buf)
        return NULL;
    o.buf[0] = '\0';
    pthread_mutex_lock(&g_mu);
    size_t n = 0;
    for (family *f = g_families; f; f = f->next)
        n++;
    family **sorted = calloc(n ? n : 1, sizeof *sorted);
    if (!sorted) {
        o.failed = true;
    } else {
        size_t i = 0;
        for (family *f = g_families; f; f = f->next)
            sorted[i++] = f;
        qsort(sorted, n, sizeof *sorted, family_cmp);
        for (i = 0; i < n; i++)
            render_family(&o, sorted[i]);
        out_printf(&o, "# HELP rp_metrics_rejected_total Metric updates dropped for an invalid "
                       "name, label string or type clash.\n"
                       "# TYPE rp_metrics_rejected_total counter\n"
                       "rp_metrics_rejected_total %lu\n", g_rejected);
    }
    pthread_mutex_unlock(&g_mu);
    free(sorted);
    if (o.failed) {
        free(o.buf);
        return NULL;
    }
    return o.buf;
}

/* ---- librdkafka statistics ------------------------------------------------ */

/* Appends `key="value"` (value escaped, comma first unless dst is empty) to
 * the NUL-terminated dst of size n. False, with dst unusable, when it does
 * not fit. */
static bool label_append(char *dst, size_t n, const char *key, const char *value)
{
    size_t len = strlen(dst);
    int w = snprintf(dst + len, n - len, "%s%s=\"", len ? "," : "", key);
    if (w < 0 || (size_t)w >= n - len)
        return false;
    len += (size_t)w;
    for (const char *p = value ? value : ""; *p; p++) {
        const char *esc = *p == '\\' ? "\\\\" : *p == '"' ? "\\\"" : *p == '\n' ? "\\n" : NULL;
        size_t need = esc ? 2 : 1;
        if (len + need + 1 >= n)
            return false;
        if (esc) {
            memcpy(dst + len, esc, 2);
        } else {
            dst[len] = *p;
        }
        len += need;
    }
    if (len + 2 > n)
        return false;
    dst[len++] = '"';
    dst[len] = '\0';
    return true;
}

static double num_field(const cJSON *obj, const char *key, double dflt)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsNumber(v) ? v->valuedouble : dflt;
}

/* Window average in seconds of one of librdkafka's microsecond windows, or
 * -1 when the window holds no samples. */
static double window_avg_s(const cJSON *broker, const char *key)
{
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(broker, key);
    if (!cJSON_IsObject(w) || num_field(w, "cnt", 0) <= 0)
        return -1;
    return num_field(w, "avg", 0) / 1e6;
}

static void stats_topics_locked(const cJSON *root, const char *stage_labels)
{
    char prefix[300];
    snprintf(prefix, sizeof prefix, "%s,", stage_labels);
    family_drop_prefix("rp_kafka_consumer_lag", prefix);
    const cJSON *topics = cJSON_GetObjectItemCaseSensitive(root, "topics");
    const cJSON *t;
    cJSON_ArrayForEach(t, topics) {
        const cJSON *parts = cJSON_GetObjectItemCaseSensitive(t, "partitions");
        const cJSON *p;
        cJSON_ArrayForEach(p, parts) {
            double id = num_field(p, "partition", -1);
            double lag = num_field(p, "consumer_lag", -1);
            if (id < 0 || lag < 0 || !t->string)
                continue; /* -1 is librdkafka's unassigned-partition bucket */
            char pid[32];
            char labels[512];
            snprintf(pid, sizeof pid, "%.0f", id);
            snprintf(labels, sizeof labels, "%s", stage_labels);
            if (label_append(labels, sizeof labels, "topic", t->string) &&
                label_append(labels, sizeof labels, "partition", pid))
                gauge_set_locked("rp_kafka_consumer_lag", labels, lag);
        }
    }
}

/* Broker series carry client="consumer"|"producer": one stage runs both and
 * each sees the brokers through its own connections. Produce latency is a
 * producer figure only: a request waits in the internal queue, then the
 * output buffer, then one round trip; the slowest broker bounds the stage. */
static void stats_brokers_locked(const cJSON *root, const char *stage_labels, bool producer)
{
    char client_labels[320];
    snprintf(client_labels, sizeof client_labels, "%s", stage_labels);
    if (!label_append(client_labels, sizeof client_labels, "client",
                      producer ? "producer" : "consumer"))
        return;
    char prefix[330];
    snprintf(prefix, sizeof prefix, "%s,", client_labels);
    family_drop_prefix("rp_kafka_broker_rtt_seconds", prefix);
    const cJSON *brokers = cJSON_GetObjectItemCaseSensitive(root, "brokers");
    const cJSON *b;
    double produce_latency = -1;
    double up = 0;
    cJSON_ArrayForEach(b, brokers) {
        const cJSON *source = cJSON_GetObjectItemCaseSensitive(b, "source");
        if (num_field(b, "nodeid", -1) < 0 || !b->string ||
            (cJSON_IsString(source) && (strcmp(source->valuestring, "logical") == 0 ||
                                        strcmp(source->valuestring, "internal") == 0)))
            continue; /* bootstrap placeholders, coordinator aliases, internal handles */
        const cJSON *state = cJSON_GetObjectItemCaseSensitive(b, "state");
        if (cJSON_IsString(state) && strcmp(state->valuestring, "UP") == 0)
            up++;
        double rtt = window_avg_s(b, "rtt");
        double intl = window_avg_s(b, "int_latency");
        double outb = window_avg_s(b, "outbuf_latency");
        if (rtt >= 0) {
            char labels[512];
            snprintf(labels, sizeof labels, "%s", client_labels);
            if (label_append(labels, sizeof labels, "broker", b->string))
                gauge_set_locked("rp_kafka_broker_rtt_seconds", labels, rtt);
        }
        if (producer && (intl >= 0 || outb >= 0)) {
            double total = (intl > 0 ? intl : 0) + (outb > 0 ? outb : 0) + (rtt > 0 ? rtt : 0);
            if (total > produce_latency)
                produce_latency = total;
        }
    }
    gauge_set_locked("rp_kafka_brokers_up", client_labels, up);
    if (produce_latency >= 0)
        gauge_set_locked("rp_kafka_produce_latency_seconds", stage_labels, produce_latency);
}

static const char *const k_kafka_help[][2] = {
    {"rp_kafka_consumer_lag", "Messages between the consumer's position and the partition's high watermark (librdkafka consumer_lag)."},
    {"rp_kafka_broker_rtt_seconds", "Average request round trip to a broker over the last statistics window; a consumer's includes the fetch long-poll wait."},
    {"rp_kafka_produce_latency_seconds", "Average time a produce request spends queued, buffered and on the wire (int_latency + outbuf_latency + rtt) on the slowest broker."},
    {"rp_kafka_brokers_up", "Brokers the client is connected to (state UP)."},
    {"rp_kafka_tx_messages_total", "Messages the producer has transmitted to brokers (librdkafka txmsgs)."},
    {"rp_kafka_rx_messages_total", "Messages the consumer has received from brokers (librdkafka rxmsgs)."},
    {"rp_kafka_queue_messages", "Messages waiting in the producer's queues (librdkafka msg_cnt)."},
    {"rp_kafka_assigned_partitions", "Partitions assigned to the consumer by its group."},
};

/* Keeps a caller's own HELP text if it described a family first. */
static void describe_kafka_locked(void)
{
    for (size_t i = 0; i < sizeof k_kafka_help / sizeof k_kafka_help[0]; i++) {
        family *f = family_find(k_kafka_help[i][0]);
        if (!f || !f->help)
            describe_locked(k_kafka_help[i][0], k_kafka_help[i][1]);
    }
}

void rp_metrics_kafka_stats(const char *json, const char *stage)
{
    if (!json)
        return;
    cJSON *root = cJSON_Parse(json);
    if (!root)
        return;
    char stage_labels[256] = "";
    if (!label_append(stage_labels, sizeof stage_labels, "stage", stage ? stage : "")) {
        cJSON_Delete(root);
        return;
    }
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "type");
    bool producer = cJSON_IsString(type) && strcmp(type->valuestring, "producer") == 0;

    pthread_mutex_lock(&g_mu);
    describe_kafka_locked();
    if (producer) {
        counter_set_locked("rp_kafka_tx_messages_total", stage_labels, num_field(root, "txmsgs", 0));
        gauge_set_locked("rp_kafka_queue_messages", stage_labels, num_field(root, "msg_cnt", 0));
    } else {
        counter_set_locked("rp_kafka_rx_messages_total", stage_labels, num_field(root, "rxmsgs", 0));
        stats_topics_locked(root, stage_labels);
        const cJSON *cgrp = cJSON_GetObjectItemCaseSensitive(root, "cgrp");
        if (cJSON_IsObject(cgrp))
            gauge_set_locked("rp_kafka_assigned_partitions", stage_labels,
                             num_field(cgrp, "assignment_size", 0));
    }
    stats_brokers_locked(root, stage_labels, producer);
    pthread_mutex_unlock(&g_mu);
    cJSON_Delete(root);
}

/* ---- HTTP endpoint -------------------------------------------------------- */

static enum MHD_Result reply(struct MHD_Connection *c, unsigned code, const char *type,
                             char *body, enum MHD_ResponseMemoryMode mode)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(strlen(body), body, mode);
    if (!r) {
        if (mode == MHD_RESPMEM_MUST_FREE)
            free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
    enum MHD_Result ret = MHD_queue_response(c, code, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    (void)cls;
    (void)version;
    (void)upload_data;
    (void)con_cls;
    static const char *const text = "text/plain; charset=utf-8";
    if (*upload_data_size != 0) {
        *upload_data_size = 0; /* bodies are ignored */
        return MHD_YES;
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, text, "method not allowed\n",
                     MHD_RESPMEM_PERSISTENT);
    if (strcmp(url, "/metrics") == 0) {
        char *body = rp_metrics_render();
        if (!body)
            return reply(c, MHD_HTTP_INTERNAL_SERVER_ERROR, text, "out of memory\n",
                         MHD_RESPMEM_PERSISTENT);
        return reply(c, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", body,
                     MHD_RESPMEM_MUST_FREE);
    }
    if (strcmp(url, "/healthz") == 0) {
        bool ok = atomic_load(&g_healthy);
        return reply(c, ok ? MHD_HTTP_OK : MHD_HTTP_SERVICE_UNAVAILABLE, text,
                     ok ? "ok\n" : "unhealthy\n", MHD_RESPMEM_PERSISTENT);
    }
    if (strcmp(url, "/readyz") == 0) {
        bool ok = atomic_load(&g_ready) && atomic_load(&g_healthy);
        return reply(c, ok ? MHD_HTTP_OK : MHD_HTTP_SERVICE_UNAVAILABLE, text,
                     ok ? "ready\n" : "not ready\n", MHD_RESPMEM_PERSISTENT);
    }
    return reply(c, MHD_HTTP_NOT_FOUND, text, "not found\n", MHD_RESPMEM_PERSISTENT);
}

/* Numeric address or host name; NULL or "" = all IPv4 interfaces. */
static int resolve(const char *addr, int port, struct sockaddr_storage *ss, bool *v6,
                   char *err, size_t errlen)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE};
    struct addrinfo *res = NULL;
    char service[16];
    snprintf(service, sizeof service, "%d", port);
    int rc = getaddrinfo(addr && *addr ? addr : "0.0.0.0", service, &hints, &res);
    if (rc != 0 || !res) {
        snprintf(err, errlen, "metrics address %s: %s", addr ? addr : "",
                 rc ? gai_strerror(rc) : "no address");
        return -1;
    }
    memcpy(ss, res->ai_addr, res->ai_addrlen);
    *v6 = res->ai_family == AF_INET6;
    freeaddrinfo(res);
    return 0;
}

int rp_metrics_start(const char *addr, int port, char *err, size_t errlen)
{
    if (port == 0)
        return 0;
    if (port < 0 || port > 65535) {
        snprintf(err, errlen, "metrics port %d: out of range 0..65535", port);
        return -1;
    }
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    bool v6 = false;
    if (resolve(addr, port, &ss, &v6, err, errlen) != 0)
        return -1;
    pthread_mutex_lock(&g_http_mu);
    int rc = 0;
    if (g_daemon) {
        snprintf(err, errlen, "metrics endpoint already running");
        rc = -1;
    } else {
        unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | (v6 ? MHD_USE_IPv6 : 0);
        errno = 0;
        g_daemon = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, NULL,
                                    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                                    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10,
                                    MHD_OPTION_END);
        if (!g_daemon) {
            snprintf(err, errlen, "metrics endpoint %s:%d: %s", addr && *addr ? addr : "0.0.0.0",
                     port, errno ? strerror(errno) : "cannot start");
            rc = -1;
        }
    }
    pthread_mutex_unlock(&g_http_mu);
    return rc;
}

void rp_metrics_stop(void)
{
    pthread_mutex_lock(&g_http_mu);
    if (g_daemon)
        MHD_stop_daemon(g_daemon);
    g_daemon = NULL;
    pthread_mutex_unlock(&g_http_mu);
}
