/* rp_transfer: one HTTP(S) request as a libcurl easy handle, set up the way
 * the fetcher wants it: http/https only (redirects too), redirects up to a
 * limit, connect/low-speed/total timeouts, HTTP/2 over TLS when offered, any
 * content encoding libcurl decodes, a cap on the decoded body enforced as it
 * arrives, conditional request headers, and the address policy checked on
 * every socket libcurl opens (after DNS, for every redirect hop), so an
 * internal address is refused before any packet is sent to it.
 *
 * The transfer owns its easy handle, header list and body buffer. The policy
 * must outlive the transfer. */
#ifndef RP_TRANSFER_H
#define RP_TRANSFER_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stddef.h>

#include "rp_addr.h"
#include "rp_fetch_conf.h"

typedef struct rp_transfer {
    CURL *easy;
    struct curl_slist *req_headers;
    char *body;                /* decoded body, NUL-terminated; NULL until data */
    size_t body_len, body_cap;
    size_t max_body;
    bool too_large;            /* the body passed max_body: aborted */
    bool blocked;              /* the policy refused an address */
    char blocked_detail[128];  /* "127.0.0.1 (loopback)" */
    const rp_addr_policy *policy;
    void *owner;               /* the caller's (CURLOPT_PRIVATE too) */
} rp_transfer;

/* Conditional request validators, NULL or "" when unknown. */
typedef struct rp_transfer_cond {
    const char *etag;
    const char *last_modified;
} rp_transfer_cond;

/* Initialises t and its easy handle for `url`. max_body overrides
 * fc->max_body_bytes when non-zero (robots.txt). Returns 0 or -1 (ENOMEM or a
 * setting libcurl refuses; t is then cleared). */
int rp_transfer_init(rp_transfer *t, const rp_fetch_conf *fc, const rp_addr_policy *policy,
                     const char *url, const rp_transfer_cond *cond, size_t max_body,
                     void *owner);
void rp_transfer_cleanup(rp_transfer *t);

/* Takes the body out of the transfer (caller frees); *len gets its size. */
char *rp_transfer_take_body(rp_transfer *t, size_t *len);

/* A response header of the last response as a heap copy, or NULL. */
char *rp_transfer_header(const rp_transfer *t, const char *name);

#endif
