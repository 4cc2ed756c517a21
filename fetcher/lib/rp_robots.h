/* rp_robots: robots.txt (RFC 9309) for one user agent.
 *
 * Parsing keeps only the rules that apply to the agent: the groups whose
 * user-agent line names the agent's product token (case-insensitive; a
 * version after '/' on the line is ignored), merged;
 * if no group names it, the "*" groups, merged; if none, everything is
 * allowed. Rules: "allow" and "disallow" with '*' wildcards and a trailing
 * '$' anchor; the longest matching pattern wins, "allow" wins a tie; an empty
 * "disallow" allows all. "/robots.txt" itself is always allowed.
 * Paths and patterns are compared in one percent-encoding form (RFC 9309
 * 2.2.2): %XX of an unreserved character is decoded, other escapes get
 * upper-case hex digits, and octets outside printable US-ASCII are encoded,
 * so "/%7Ea" matches "Disallow: /~a" and "/caf\xc3\xa9" matches
 * "Disallow: /caf%C3%A9"; an escaped '/' (%2F) stays distinct from '/'.
 * "crawl-delay" of the selected groups is kept (seconds, -1 when absent).
 *
 * Pure: no I/O, no globals; the parsed object is immutable. */
#ifndef RP_ROBOTS_H
#define RP_ROBOTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rp_robots rp_robots;

/* Parses `len` bytes (not NUL-terminated; garbage lines are skipped; only
 * the first 500 KiB are read, as RFC 9309 allows). `agent` is the product
 * token ("reportpipe"). Returns NULL only on ENOMEM. */
rp_robots *rp_robots_parse(const char *text, size_t len, const char *agent);

/* A parsed object that allows everything (robots.txt absent: 4xx). */
rp_robots *rp_robots_allow_all(void);
void rp_robots_free(rp_robots *r);

/* `path` is the URL's path plus "?query" ("/a/b?x=1"); "" means "/". */
bool rp_robots_allowed(const rp_robots *r, const char *path);

/* Crawl-delay in seconds for the agent, or -1. */
double rp_robots_crawl_delay(const rp_robots *r);

/* Number of rules kept (for tests and logs). */
size_t rp_robots_rule_count(const rp_robots *r);

#endif
