#include "rp_sink.h"

#include <ctype.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "rp_utf8.h"

#define RP_MEASURE_SCHEMA_MAX 1 /* newest measures schema this sink reads */

static const char *const approx_names[] = {"", "more_than", "approx", "at_least", "at_most"};

/* Fields copied to the analytics row as they are (string or null). */
static const char *const passthrough[] = {
    "document_id", "source_url", "doc_title", "doc_published", "doc_source",
    "unit", "unit_kind", "approx", "metric", "subject", "region", "period",
    "text", "parser_version",
};

static bool fail(char *reason, size_t rl, const char *r, char *detail, size_t dl,
                 const char *d)
{
    snprintf(reason, rl, "%s", r);
    snprintf(detail, dl, "%s", d);
    return false;
}

static bool is_hex_id(const char *s)
{
    size_t n = strlen(s);
    if (n < 16 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool valid_approx(const char *a)
{
    for (size_t i = 0; i < sizeof approx_names / sizeof approx_names[0]; i++)
        if (strcmp(a, approx_names[i]) == 0)
            return true;
    return false;
}

static bool check_required(const cJSON *o, char *reason, size_t rl, char *detail, size_t dl)
{
    static const char *const strings[] = {"measure_id", "document_id", "unit", "approx",
                                          "text", "parser_version"};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, strings[i]);
        if (!f)
            return fail(reason, rl, "missing_field", detail, dl, strings[i]);
        if (!cJSON_IsString(f))
            return fail(reason, rl, "bad_field", detail, dl, strings[i]);
    }
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "value");
    if (!v)
        return fail(reason, rl, "missing_field", detail, dl, "value");
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble)) /* negative: 增长-2.3% */
        return fail(reason, rl, "bad_field", detail, dl, "value");
    return true;
}

static bool check_values(const cJSON *o, char *reason, size_t rl, char *detail, size_t dl)
{
    const char *id = cJSON_GetObjectItemCaseSensitive(o, "measure_id")->valuestring;
    if (!is_hex_id(id))
        return fail(reason, rl, "bad_field", detail, dl, "measure_id");
    if (!*cJSON_GetObjectItemCaseSensitive(o, "unit")->valuestring)
        return fail(reason, rl, "bad_field", detail, dl, "unit");
    if (!valid_approx(cJSON_GetObjectItemCaseSensitive(o, "approx")->valuestring))
        return fail(reason, rl, "bad_field", detail, dl, "approx");
    const cJSON *span = cJSON_GetObjectItemCaseSensitive(o, "span");
    const cJSON *s = cJSON_GetObjectItemCaseSensitive(span, "start");
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(span, "end");
    if (!cJSON_IsNumber(s) || !cJSON_IsNumber(e) || s->valuedouble < 0 ||
        e->valuedouble < s->valuedouble)
        return fail(reason, rl, "bad_field", detail, dl, "span");
    for (size_t i = 0; i < sizeof passthrough / sizeof passthrough[0]; i++) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(o, passthrough[i]);
        if (f && !cJSON_IsString(f) && !cJSON_IsNull(f))
            return fail(reason, rl, "bad_field", detail, dl, passthrough[i]);
    }
    return true;
}

cJSON *rp_sink_validate(const char *json, size_t len, char *reason, size_t rl,
                        char *detail, size_t dl)
{
    /* JSON text is UTF-8 (RFC 8259), and cJSON copies string bytes as they
     * are: a record with a broken sequence would reach BI as a broken row. */
    size_t bad = rp_utf8_invalid_at(json, len);
    if (bad < len) {
        char at[32];
        snprintf(at, sizeof at, "byte %zu", bad);
        fail(reason, rl, "invalid_utf8", detail, dl, at);
        return NULL;
    }
    cJSON *o = cJSON_ParseWithLength(json, len);
    if (!o || !cJSON_IsObject(o)) {
        fail(reason, rl, "invalid_json", detail, dl, "not a JSON object");
        cJSON_Delete(o);
        return NULL;
    }
    const cJSON *ver = cJSON_GetObjectItemCaseSensitive(o, "schema_version");
    if (!cJSON_IsNumber(ver) || ver->valueint < 1 || ver->valueint > RP_MEASURE_SCHEMA_MAX) {
        fail(reason, rl, "unsupported_schema", detail, dl, "schema_version");
        cJSON_Delete(o);
        return NULL;
    }
    if (!check_required(o, reason, rl, detail, dl) || !check_values(o, reason, rl, detail, dl)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static void copy_field(cJSON *row, const cJSON *m, const char *from, const char *to)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(m, from);
    if (cJSON_IsString(f))
        cJSON_AddStringToObject(row, to, f->valuestring);
    else
        cJSON_AddNullToObject(row, to);
}

char *rp_sink_row(const cJSON *m, const char *sink_version, const char *ingested_at)
{
    cJSON *row = cJSON_CreateObject();
    if (!row)
        return NULL;
    cJSON_AddNumberToObject(row, "schema_version", RP_ANALYTICS_SCHEMA_VERSION);
    copy_field(row, m, "measure_id", "measure_id");
    for (size_t i = 0; i < sizeof passthrough / sizeof passthrough[0]; i++) {
        const char *name = passthrough[i];
        const char *to = strcmp(name, "doc_published") == 0 ? "published" : name;
        copy_field(row, m, name, to);
    }
    cJSON_AddNumberToObject(row, "value",
                            cJSON_GetObjectItemCaseSensitive(m, "value")->valuedouble);
    const cJSON *opt = cJSON_GetObjectItemCaseSensitive(m, "optional");
    cJSON_AddBoolToObject(row, "optional", cJSON_IsTrue(opt));
    const cJSON *span = cJSON_GetObjectItemCaseSensitive(m, "span");
    cJSON_AddNumberToObject(row, "span_start",
                            cJSON_GetObjectItemCaseSensitive(span, "start")->valuedouble);
    cJSON_AddNumberToObject(row, "span_end",
                            cJSON_GetObjectItemCaseSensitive(span, "end")->valuedouble);
    cJSON_AddStringToObject(row, "sink_version", sink_version);
    cJSON_AddStringToObject(row, "ingested_at", ingested_at);
    char *s = cJSON_PrintUnformatted(row);
    cJSON_Delete(row);
    return s;
}
