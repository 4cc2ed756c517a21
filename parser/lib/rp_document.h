/* rp_document: a fetched document (bytes as received + what HTTP said about
 * them) in, measures out. Decides the format (HTML, PDF, plain text), decodes
 * the charset, turns markup into text, drops page chrome and article
 * boilerplate (keeping its metadata), then calls rp_extract_text().
 *
 * Pure like rp_extract: no Kafka, no curl, no logging. */
#ifndef RP_DOCUMENT_H
#define RP_DOCUMENT_H

#include <stddef.h>
#include "rp_extract.h"

typedef struct rp_document_input {
    const char *bytes;
    size_t len;
    const char *content_type; /* HTTP Content-Type, may be NULL */
    const char *url;          /* may be NULL; a file name hints at the type */
    size_t max_bytes;         /* 0 = default limit (RP_DOCUMENT_DEFAULT_MAX) */
} rp_document_input;

#define RP_DOCUMENT_DEFAULT_MAX ((size_t)64 * 1024 * 1024)

typedef enum rp_document_status {
    RP_DOC_OK = 0,
    RP_DOC_TOO_LARGE,     /* over max_bytes */
    RP_DOC_UNSUPPORTED,   /* a type we cannot read (image, zip, ...) */
    RP_DOC_MALFORMED,     /* truncated PDF, undecodable content */
    RP_DOC_EMPTY          /* no text at all */
} rp_document_status;

/* Short stable name of a status, used as the DLQ reason code. */
const char *rp_document_status_name(rp_document_status s);

/* On RP_DOC_OK sets *out (free with rp_extract_result_free). Otherwise *out is
 * NULL and err holds a human-readable reason. RP_DOC_EMPTY is returned only
 * for input with no text at all; a boilerplate-only page is OK with zero
 * measures. */
rp_document_status rp_document_extract(const rp_document_input *in,
                                       rp_extract_result **out,
                                       char *err, size_t errlen);

#endif
