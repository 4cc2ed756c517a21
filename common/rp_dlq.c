#include "rp_dlq.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *base64(const unsigned char *in, size_t n)
{
    static const char tbl[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *out = malloc(4 * ((n + 2) / 3) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < n)
            v |= in[i + 2];
        out[o++] = tbl[(v >> 18) & 63];
        out[o++] = tbl[(v >> 12) & 63];
        out[o++] = i + 1 < n ? tbl[(v >> 6) & 63] : '=';
        out[o++] = i + 2 < n ? tbl[v & 63] : '=';
    }
    out[o] = 0;
    return out;
}

static void add_headers(cJSON *obj, const rd_kafka_headers_t *h)
{
    cJSON *hj = cJSON_AddObjectToObject(obj, "headers");
    if (!h || !hj)
        return;
    const char *name;
    const void *val;
    size_t len;
    for (size_t i = 0; rd_kafka_header_get_all(h, i, &name, &val, &len) ==
                       RD_KAFKA_RESP_ERR_NO_ERROR; i++) {
        char *v = val ? strndup(val, len) : NULL;
        cJSON_AddStringToObject(hj, name, v ? v : "");
        free(v);
    }
}

static void add_now(cJSON *obj)
{
    char ts[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
    cJSON_AddStringToObject(obj, "at", ts);
}

char *rp_dlq_json(const rp_dlq_record *r, size_t payload_max)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "schema_version", 1);
    cJSON_AddStringToObject(o, "stage", r->stage ? r->stage : "");
    cJSON_AddStringToObject(o, "reason", r->reason ? r->reason : "");
    cJSON_AddStringToObject(o, "detail", r->detail ? r->detail : "");
    if (r->topic)
        cJSON_AddStringToObject(o, "topic", r->topic);
    else
        cJSON_AddNullToObject(o, "topic");
    cJSON_AddNumberToObject(o, "partition", r->partition);
    cJSON_AddNumberToObject(o, "offset", (double)r->offset);
    char *key = r->key ? strndup(r->key, r->key_len) : NULL;
    if (key)
        cJSON_AddStringToObject(o, "key", key);
    else
        cJSON_AddNullToObject(o, "key");
    free(key);
    add_headers(o, r->headers);
    size_t keep = r->payload_len < payload_max ? r->payload_len : payload_max;
    cJSON_AddNumberToObject(o, "payload_size", (double)r->payload_len);
    cJSON_AddBoolToObject(o, "payload_truncated", keep < r->payload_len);
    char *b64 = base64(r->payload ? r->payload : (const unsigned char *)"", r->payload ? keep : 0);
    cJSON_AddStringToObject(o, "payload_base64", b64 ? b64 : "");
    free(b64);
    add_now(o);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

static rd_kafka_headers_t *dlq_headers(const rp_dlq_record *r)
{
    rd_kafka_headers_t *h = r->headers ? rd_kafka_headers_copy(r->headers)
                                       : rd_kafka_headers_new(4);
    rd_kafka_header_add(h, "rp-stage", -1, r->stage ? r->stage : "", -1);
    rd_kafka_header_add(h, "rp-reason", -1, r->reason ? r->reason : "", -1);
    return h;
}

int rp_dlq_produce(rd_kafka_t *producer, const char *topic, const rp_dlq_record *r,
                   size_t payload_max, void *msg_opaque, char *err, size_t errlen)
{
    char *json = rp_dlq_json(r, payload_max);
    if (!json) {
        snprintf(err, errlen, "out of memory building dead letter");
        return -1;
    }
    rd_kafka_headers_t *h = dlq_headers(r);
    rd_kafka_resp_err_t e;
    /* A full local queue drains as delivery reports are served. */
    for (int tries = 0;; tries++) {
        e = rd_kafka_producev(producer, RD_KAFKA_V_TOPIC(topic),
                              RD_KAFKA_V_KEY(r->key, r->key ? r->key_len : 0),
                              RD_KAFKA_V_VALUE(json, strlen(json)),
                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_FREE), RD_KAFKA_V_HEADERS(h),
                              RD_KAFKA_V_OPAQUE(msg_opaque), RD_KAFKA_V_END);
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL || tries >= 600)
            break;
        rd_kafka_poll(producer, 100);
    }
    if (e) {
        snprintf(err, errlen, "cannot enqueue dead letter: %s", rd_kafka_err2str(e));
        free(json);
        rd_kafka_headers_destroy(h);
        return -1;
    }
    return 0; /* json and h now owned by librdkafka */
}
