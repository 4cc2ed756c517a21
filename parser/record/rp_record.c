#include "rp_record.h"

#include <cjson/cJSON.h>
#include <stdio.h>

#include "rp_hash.h"

void rp_record_document_id(const char *url, const void *body, size_t len, char *out)
{
    char body_hash[RP_SHA256_HEX_LEN + 1];
    rp_sha256_hex(body, len, body_hash);
    const char *parts[] = {url ? url : "", body_hash};
    rp_stable_id(parts, 2, RP_ID_HEX_LEN, out);
}

void rp_record_measure_id(const char *document_id, const rp_measure *m, char *out)
{
    char start[24], end[24], value[40];
    snprintf(start, sizeof start, "%zu", m->span_start);
    snprintf(end, sizeof end, "%zu", m->span_end);
    snprintf(value, sizeof value, "%.17g", m->value);
    const char *parts[] = {document_id, start, end, value, m->unit};
    rp_stable_id(parts, 5, RP_ID_HEX_LEN, out);
}

static void add_str(cJSON *o, const char *k, const char *v)
{
    if (v && *v)
        cJSON_AddStringToObject(o, k, v);
    else
        cJSON_AddNullToObject(o, k);
}

char *rp_record_json(const rp_record_doc *d, const rp_doc_meta *meta, const rp_measure *m)
{
    char measure_id[RP_ID_HEX_LEN + 1];
    rp_record_measure_id(d->document_id, m, measure_id);
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddNumberToObject(o, "schema_version", RP_RECORD_SCHEMA_VERSION);
    cJSON_AddStringToObject(o, "measure_id", measure_id);
    cJSON_AddStringToObject(o, "document_id", d->document_id);
    add_str(o, "source_url", d->source_url);
    add_str(o, "fetched_at", d->fetched_at);
    add_str(o, "doc_title", meta->title);
    add_str(o, "doc_published", meta->published);
    add_str(o, "doc_source", meta->source);
    add_str(o, "doc_region", meta->region);
    cJSON_AddNumberToObject(o, "value", m->value);
    cJSON_AddStringToObject(o, "unit", m->unit ? m->unit : "");
    cJSON_AddStringToObject(o, "unit_kind", m->unit_kind ? m->unit_kind : "other");
    cJSON_AddStringToObject(o, "approx", rp_approx_name(m->approx));
    cJSON_AddStringToObject(o, "text", m->text ? m->text : "");
    add_str(o, "subject", m->subject);
    add_str(o, "region", m->region);
    add_str(o, "period", m->period);
    cJSON_AddStringToObject(o, "metric", m->metric ? m->metric : "other");
    cJSON *span = cJSON_AddObjectToObject(o, "span");
    cJSON_AddNumberToObject(span, "start", (double)m->span_start);
    cJSON_AddNumberToObject(span, "end", (double)m->span_end);
    add_str(o, "sentence", m->sentence);
    cJSON_AddBoolToObject(o, "optional", m->optional);
    cJSON_AddStringToObject(o, "parser_version", d->parser_version);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}
