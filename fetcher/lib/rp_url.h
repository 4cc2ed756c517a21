/* rp_url: what the fetcher needs to know about a source string.
 *
 * A source is an http(s) URL, or — only when local files are allowed — a
 * file:// URL or a plain path. Pure (libcurl's URL parser, no network). */
#ifndef RP_URL_H
#define RP_URL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum rp_url_kind {
    RP_URL_INVALID = 0,
    RP_URL_HTTP,               /* http:// or https:// */
    RP_URL_FILE,               /* file:// URL or a plain path */
    RP_URL_OTHER_SCHEME        /* ftp://, gopher://, ...: refused */
} rp_url_kind;

/* The parts of an http(s) URL, heap strings owned by the struct. */
typedef struct rp_url {
    rp_url_kind kind;
    char *scheme;              /* "http" / "https" (lower case) */
    char *host;                /* lower case, no brackets for IPv6 */
    long port;                 /* explicit or the scheme's default */
    char *path_query;          /* "/a/b?x=1" (at least "/") */
    char *file_path;           /* RP_URL_FILE only: the path on disk */
} rp_url;

/* Classifies and splits `src`. Returns 0 (out filled; free with
 * rp_url_clear) or -1 with the reason in err (out cleared: kind says
 * INVALID or OTHER_SCHEME). */
int rp_url_parse(const char *src, rp_url *out, char *err, size_t errlen);
void rp_url_clear(rp_url *u);

/* "scheme://host:port": the politeness and robots.txt key of a URL. */
int rp_url_origin(const rp_url *u, char *out, size_t outlen);

/* The same string without user:password@, for logs. Never fails: a string
 * that does not parse is cut at '@' or copied. */
void rp_url_redact(const char *src, char *out, size_t outlen);

/* Host of a record key (URL) for partitioning: lower-cased host for
 * http(s); for anything else the whole key, so local files spread out.
 * Writes into out; returns its length. */
size_t rp_url_partition_key(const char *key, size_t key_len, char *out, size_t outlen);

/* Partition for a URL key among `n` partitions: FNV-1a of the partition key.
 * The same host always maps to the same partition. */
int32_t rp_url_partition(const void *key, size_t key_len, int32_t n);

#endif
