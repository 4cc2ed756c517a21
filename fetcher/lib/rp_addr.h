/* rp_addr: which network addresses the fetcher may connect to.
 *
 * By default every internal address is refused, so that a URL (or a redirect,
 * or a DNS answer) cannot make the fetcher reach a service behind the
 * firewall: loopback, private ranges (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the cloud metadata address, fe80::/10), CGNAT
 * (100.64/10), multicast, unspecified, broadcast and other reserved ranges.
 * IPv4 addresses embedded in IPv6 (v4-mapped ::ffff:a.b.c.d, v4-compatible
 * ::a.b.c.d, NAT64 64:ff9b::/96) are judged as the IPv4 address they carry.
 *
 * An allowlist (--allow-hosts) admits internal sources: comma-separated
 * entries, each an IP address, a CIDR range (10.0.0.0/8, fd00::/8) or a host
 * name (matched case-insensitively against the URL's host; ".example.org"
 * also matches every subdomain).
 *
 * Pure: no I/O, no globals. The policy is immutable after creation and may be
 * shared between threads. */
#ifndef RP_ADDR_H
#define RP_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

typedef struct rp_addr_policy rp_addr_policy;

/* Parses the allowlist (NULL or "" = empty). Returns NULL with the offending
 * entry named in err on a malformed entry or ENOMEM. */
rp_addr_policy *rp_addr_policy_new(const char *allow_hosts, char *err, size_t errlen);
void rp_addr_policy_destroy(rp_addr_policy *p);

/* Why an address is internal: "loopback", "private", "link_local", ...,
 * or NULL for a public address. `sa` is AF_INET or AF_INET6. */
const char *rp_addr_internal_class(const struct sockaddr *sa);

/* True when the fetcher may connect to `sa` for a URL whose host is `host`
 * (may be NULL): the address is public, or it is in an allowed range, or the
 * host name is allowed. */
bool rp_addr_allowed(const rp_addr_policy *p, const struct sockaddr *sa, const char *host);

/* True when `host` matches a host-name entry of the allowlist. */
bool rp_addr_host_listed(const rp_addr_policy *p, const char *host);

#endif
