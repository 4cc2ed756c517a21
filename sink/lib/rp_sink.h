/* rp_sink: what the sink does to one measure record, without Kafka:
 * validate it against the measures schema, and shape the flat analytics row
 * BI tools ingest (docs/schemas/analytics.schema.json). */
#ifndef RP_SINK_H
#define RP_SINK_H

#include <cjson/cJSON.h>
#include <stddef.h>

#define RP_ANALYTICS_SCHEMA_VERSION 1

/* Parses and validates a measures-topic record. Returns the parsed object
 * (caller frees with cJSON_Delete), or NULL with a short reason code
 * ("invalid_utf8", "invalid_json", "unsupported_schema", "missing_field",
 * "bad_field") in reason and the offending field or byte offset in detail. */
cJSON *rp_sink_validate(const char *json, size_t len, char *reason, size_t reason_len,
                        char *detail, size_t detail_len);

/* The analytics row for a validated record (heap JSON, caller frees).
 * ingested_at is an RFC 3339 time stamp. */
char *rp_sink_row(const cJSON *measure, const char *sink_version, const char *ingested_at);

#endif
