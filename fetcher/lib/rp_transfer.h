/* rp_transfer: one HTTP(S) request as a libcurl easy handle, set up the way
 * the fetcher wants it: http/https only (redirects too), redirects up to a
 * limit, connect/low-speed/total timeouts, HTTP/2 over TLS when offered, any
 * content encoding libcurl decodes, a cap on the decoded body enforced as it
 * arrives, conditional request headers, and the address policy checked on
 * every socket libcurl opens (after DNS, for every redirect hop), so an
 * internal address is refused before any packet is sent to it; optionally
 * a caller's check of every redirect target before its request is sent
 * (robots.txt of the host a redirect lands on). The body is SHA-256 hashed
 * as it arrives when asked. TLS peers are always verified, against
 * fc->ca_file when set (else libcurl's default CA bundle).
 *
 * The transfer owns its easy handle (lent by an rp_easy_pool), header list
 * and body buffer. The environment (settings, policy, pool) must outlive the
 * transfer. */
#ifndef RP_TRANSFER_H
#define RP_TRANSFER_H

#include <curl/curl.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stddef.h>

#include "rp_addr.h"
#include "rp_fetch_conf.h"

/* Idle easy handles kept for the next transfer, so that a transfer costs
 * a curl_easy_reset instead of an easy handle's allocation and set-up.
 * Connections live in the multi handle's cache either way, so reuse of
 * connections does not depend on the pool. Not thread-safe. */
typedef struct rp_easy_pool rp_easy_pool;

/* Keeps at most max_idle handles. NULL on ENOMEM. */
rp_easy_pool *rp_easy_pool_new(size_t max_idle);
/* Frees the idle handles; call after every transfer that used the pool was
 * cleaned up. Accepts NULL. */
void rp_easy_pool_destroy(rp_easy_pool *p);

/* What every transfer of one fetcher shares; must outlive its transfers. */
typedef struct rp_transfer_env {
    const rp_fetch_conf *fc;
    const rp_addr_policy *policy;
    rp_easy_pool *pool;        /* NULL: one easy handle per transfer */
    /* Asked before every request that follows a redirect, with the URL it
     * goes to; false refuses it (the transfer ends with
     * CURLE_ABORTED_BY_CALLBACK and redirect_refused set) before anything is
     * sent. NULL: every redirect is followed (within the protocol and
     * address rules). */
    bool (*redirect_ok)(const char *url, void *opaque);
    void *redirect_opaque;
} rp_transfer_env;

/* One request. Strings are copied by libcurl where it keeps them. */
typedef struct rp_transfer_req {
    const char *url;
    const char *etag;          /* If-None-Match, NULL or "" when unknown */
    const char *last_modified; /* If-Modified-Since, NULL or "" when unknown */
    size_t max_body;           /* 0: fc->max_body_bytes (robots.txt sets its own) */
    bool sha256;               /* hash the body as it arrives (no second pass) */
    bool check_redirects;      /* ask env->redirect_ok before each hop; url
                                  must then stay valid while the transfer runs */
    void *owner;               /* the caller's (CURLOPT_PRIVATE too) */
} rp_transfer_req;

typedef struct rp_transfer {
    CURL *easy;
    struct curl_slist *req_headers;
    char *body;                /* decoded body, NUL-terminated; NULL until data */
    size_t body_len, body_cap;
    size_t max_body;
    bool too_large;            /* the body passed max_body: aborted */
    bool blocked;              /* the policy refused an address */
    char blocked_detail[128];  /* "127.0.0.1 (loopback)" */
    bool redirect_refused;     /* env->redirect_ok said no */
    char refused_url[256];     /* where the refused redirect went (cut) */
    const rp_transfer_env *env;
    const char *first_url;     /* req->url when redirects are checked, else NULL */
    const rp_addr_policy *policy;
    rp_easy_pool *pool;        /* where the easy handle goes back */
    EVP_MD_CTX *sha;           /* running SHA-256 of the body; NULL if not asked */
    char sha_hex[65];          /* the digest once finished, "" before */
    char error[CURL_ERROR_SIZE]; /* libcurl's message for a failure, "" if none */
    void *owner;
} rp_transfer;

/* Initialises t and its easy handle (from the pool when one is idle) for
 * req. The body buffer is sized from Content-Length when the server sends
 * one. Returns CURLE_OK, or the code of the setting libcurl refused
 * (CURLE_OUT_OF_MEMORY when memory ran out); t is then cleared. */
CURLcode rp_transfer_init(rp_transfer *t, const rp_transfer_env *env,
                          const rp_transfer_req *req);
/* Gives the easy handle back to the pool (it must not be in a multi handle
 * any more) and frees the rest. Accepts a cleared or zeroed t. */
void rp_transfer_cleanup(rp_transfer *t);

/* Takes the body out of the transfer (caller frees); *len gets its size. */
char *rp_transfer_take_body(rp_transfer *t, size_t *len);

/* The SHA-256 (64 hex digits) of every body byte received, computed as the
 * bytes arrived; the same as rp_sha256_hex over the body. NULL when the
 * request did not ask for it or on ENOMEM at start. Valid until cleanup. */
const char *rp_transfer_sha256(rp_transfer *t);

/* libcurl's own description of why the transfer failed ("SSL certificate
 * problem: unable to get local issuer certificate"), more precise than
 * curl_easy_strerror; NULL when it gave none. Valid until cleanup. */
const char *rp_transfer_error(const rp_transfer *t);

/* HTTP version of the last response: "1.0", "1.1", "2", "3", or "" when
 * none was received. */
const char *rp_transfer_http_version(const rp_transfer *t);

/* A response header of the last response as a heap copy, or NULL. */
char *rp_transfer_header(const rp_transfer *t, const char *name);

#endif
