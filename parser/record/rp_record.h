/* rp_record: the measures topic record (docs/schemas/measure.schema.json).
 *
 * Stable ids: document_id = sha256(url, sha256(body)) cut to 32 hex digits;
 * measure_id = sha256(document_id, span start, span end, value, unit) cut to
 * 32 hex digits. The same document always yields the same ids, so a
 * redelivered document produces duplicates the sink can drop. */
#ifndef RP_RECORD_H
#define RP_RECORD_H

#include <stddef.h>
#include "rp_extract.h"

#define RP_RECORD_SCHEMA_VERSION 1
#define RP_ID_HEX_LEN 32

typedef struct rp_record_doc {
    const char *document_id;   /* 32 hex digits */
    const char *source_url;
    const char *fetched_at;    /* may be NULL */
    const char *parser_version;
} rp_record_doc;

/* document_id for a body fetched from url (url may be NULL). out: 33 bytes. */
void rp_record_document_id(const char *url, const void *body, size_t len, char *out);

/* measure_id of measure m of a document. out: 33 bytes. */
void rp_record_measure_id(const char *document_id, const rp_measure *m, char *out);

/* JSON text of one measure record (heap, caller frees), NULL on ENOMEM. */
char *rp_record_json(const rp_record_doc *d, const rp_doc_meta *meta, const rp_measure *m);

#endif
