/* rp_fetch_file: local files as sources (--allow-files, for offline runs). */
#ifndef RP_FETCH_FILE_H
#define RP_FETCH_FILE_H

#include <stddef.h>

/* Content type guessed from the file name's extension (".html" ->
 * "text/html", ".pdf" -> "application/pdf", ...); no charset is claimed,
 * the parser detects it. Unknown: "application/octet-stream". Static
 * string. */
const char *rp_fetch_file_content_type(const char *path);

typedef enum rp_file_status {
    RP_FILE_OK = 0,
    RP_FILE_NOT_FOUND,         /* DLQ reason "file_not_found" */
    RP_FILE_TOO_LARGE,         /* larger than max_bytes: "too_large" */
    RP_FILE_ERROR              /* not a regular file, I/O error: "file_error" */
} rp_file_status;

/* Reads a regular file of at most max_bytes. On RP_FILE_OK *data is a heap
 * buffer of *len bytes (plus a NUL not counted) owned by the caller; on any
 * other status *data is NULL and err says why. */
rp_file_status rp_fetch_file_read(const char *path, size_t max_bytes, char **data,
                                  size_t *len, char *err, size_t errlen);

/* Stable DLQ reason code of a status. */
const char *rp_fetch_file_reason(rp_file_status s);

#endif
