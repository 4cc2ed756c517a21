/* rp_fetch_state: what the fetcher remembers per URL for change detection.
 *
 * The memory lives in a compacted topic (key = URL, value = the JSON below),
 * read at start-up and written after each outcome, so it survives restarts:
 *   {"etag":"\"v1\"","last_modified":"Sat, 21 Nov 2026 05:00:00 GMT",
 *    "sha256":"<64 hex>","fetched_at":"2026-11-21T05:00:00Z","status":200}
 * Missing fields are empty strings. In memory it is a map URL -> memo.
 * Not thread-safe. */
#ifndef RP_FETCH_STATE_H
#define RP_FETCH_STATE_H

#include <stddef.h>

#include "rp_hash.h"

typedef struct rp_fetch_memo {
    char *etag;                /* never NULL once filled; "" = none */
    char *last_modified;
    char *fetched_at;          /* RFC 3339 UTC of the last produced document */
    char sha256[RP_SHA256_HEX_LEN + 1]; /* "" = nothing produced yet */
    long status;
} rp_fetch_memo;

/* Fills m with copies of the strings (NULL taken as ""). Returns 0 or -1
 * (ENOMEM; m is then cleared). */
int rp_fetch_memo_set(rp_fetch_memo *m, const char *etag, const char *last_modified,
                      const char *fetched_at, const char *sha256, long status);
void rp_fetch_memo_clear(rp_fetch_memo *m);

/* JSON value of a memo (heap string, caller frees) or NULL on ENOMEM. */
char *rp_fetch_memo_json(const rp_fetch_memo *m);
/* Parses a JSON value; returns 0 (m filled, caller clears) or -1. */
int rp_fetch_memo_parse(const char *json, size_t len, rp_fetch_memo *m);

typedef struct rp_fetch_state rp_fetch_state;

rp_fetch_state *rp_fetch_state_new(void);
void rp_fetch_state_destroy(rp_fetch_state *s);
/* The memo of a URL or NULL (also when its stored JSON does not parse). The
 * pointer is valid until the next put/remove of the same URL. */
const rp_fetch_memo *rp_fetch_state_get(const rp_fetch_state *s, const char *url);
/* Stores the memo, taking ownership of its strings (m is zeroed). 0 or -1. */
int rp_fetch_state_put(rp_fetch_state *s, const char *url, rp_fetch_memo *m);
/* Stores a memo as its JSON value (a fetch-state record), parsed when the
 * URL is first asked for: loading a large state costs one copy per record.
 * 0 or -1 (ENOMEM). */
int rp_fetch_state_put_json(rp_fetch_state *s, const char *url, const char *json, size_t len);
/* Forgets a URL (a tombstone in the compacted topic). */
void rp_fetch_state_remove(rp_fetch_state *s, const char *url);
size_t rp_fetch_state_size(const rp_fetch_state *s);

#endif
