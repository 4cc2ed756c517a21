#include "rp_addr.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Addresses are kept as 16 bytes; IPv4 as v4-mapped IPv6 (::ffff:a.b.c.d),
 * so one range table and one matcher serve both families. */
typedef struct range {
    unsigned char net[16];
    unsigned prefix;           /* bits, 0..128 */
} range;

struct rp_addr_policy {
    range *ranges;
    size_t n_ranges;
    char **hosts;              /* lower case; ".x.org" = suffix match */
    size_t n_hosts;
};

typedef struct blocked {
    const char *cidr;
    const char *why;
} blocked;

static const blocked blocked_ranges[] = {
    {"0.0.0.0/8", "unspecified"},
    {"10.0.0.0/8", "private"},
    {"100.64.0.0/10", "cgnat"},
    {"127.0.0.0/8", "loopback"},
    {"169.254.0.0/16", "link_local"},
    {"172.16.0.0/12", "private"},
    {"192.0.0.0/24", "reserved"},
    {"192.168.0.0/16", "private"},
    {"198.18.0.0/15", "reserved"},
    {"224.0.0.0/4", "multicast"},
    {"240.0.0.0/4", "reserved"},
    {"::/128", "unspecified"},
    {"::1/128", "loopback"},
    {"fc00::/7", "private"},
    {"fe80::/10", "link_local"},
    {"fec0::/10", "private"},
    {"ff00::/8", "multicast"},
};

static bool in_range(const unsigned char a[16], const range *r)
{
    unsigned full = r->prefix / 8, rest = r->prefix % 8;
    if (memcmp(a, r->net, full) != 0)
        return false;
    if (rest == 0)
        return true;
    unsigned char mask = (unsigned char)(0xff << (8 - rest));
    return (a[full] & mask) == (r->net[full] & mask);
}

static void v4_to_mapped(const unsigned char v4[4], unsigned char out[16])
{
    memset(out, 0, 10);
    out[10] = out[11] = 0xff;
    memcpy(out + 12, v4, 4);
}

/* IPv4 carried inside IPv6 is judged as IPv4. */
static void normalise(unsigned char a[16])
{
    static const unsigned char nat64[12] = {0x00, 0x64, 0xff, 0x9b};
    static const unsigned char zero[12] = {0};
    bool compat = memcmp(a, zero, 12) == 0 &&
                  (a[12] | a[13] | a[14]) != 0; /* not :: or ::1 */
    if (memcmp(a, nat64, 12) == 0 || compat) {
        unsigned char v4[4];
        memcpy(v4, a + 12, 4);
        v4_to_mapped(v4, a);
    }
}

static int parse_cidr(const char *s, range *out)
{
    char buf[64];
    const char *slash = strchr(s, '/');
    size_t n = slash ? (size_t)(slash - s) : strlen(s);
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    unsigned char v4[4];
    unsigned max, base;
    if (inet_pton(AF_INET, buf, v4) == 1) {
        v4_to_mapped(v4, out->net);
        max = 32;
        base = 96;
    } else if (inet_pton(AF_INET6, buf, out->net) == 1) {
        max = 128;
        base = 0;
    } else {
        return -1;
    }
    unsigned bits = max;
    if (slash) {
        char *end = NULL;
        unsigned long v = strtoul(slash + 1, &end, 10);
        if (end == slash + 1 || *end || v > max)
            return -1;
        bits = (unsigned)v;
    }
    out->prefix = base + bits;
    if (base == 0)
        normalise(out->net);
    return 0;
}

static bool sockaddr_bytes(const struct sockaddr *sa, unsigned char out[16])
{
    if (!sa)
        return false;
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        v4_to_mapped((const unsigned char *)&in->sin_addr, out);
        return true;
    }
    if (sa->sa_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        memcpy(out, &in6->sin6_addr, 16);
        normalise(out);
        return true;
    }
    return false;
}

const char *rp_addr_internal_class(const struct sockaddr *sa)
{
    unsigned char a[16];
    if (!sockaddr_bytes(sa, a))
        return "unsupported_family";
    if (a[10] == 0xff && a[11] == 0xff && memcmp(a + 12, "\xff\xff\xff\xff", 4) == 0)
        return "broadcast";
    for (size_t i = 0; i < sizeof blocked_ranges / sizeof blocked_ranges[0]; i++) {
        range r;
        if (parse_cidr(blocked_ranges[i].cidr, &r) == 0 && in_range(a, &r))
            return blocked_ranges[i].why;
    }
    return NULL;
}

void rp_addr_policy_destroy(rp_addr_policy *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_hosts; i++)
        free(p->hosts[i]);
    free(p->hosts);
    free(p->ranges);
    free(p);
}

static bool valid_host_name(const char *s)
{
    if (!*s)
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' ||
              *c == '.' || *c == '_'))
            return false;
    return true;
}

/* Adds one trimmed, lower-cased entry. */
static int add_entry(rp_addr_policy *p, char *e, char *err, size_t errlen)
{
    range r;
    if (parse_cidr(e, &r) == 0) {
        range *nr = realloc(p->ranges, (p->n_ranges + 1) * sizeof *nr);
        if (!nr)
            goto nomem;
        p->ranges = nr;
        p->ranges[p->n_ranges++] = r;
        return 0;
    }
    if (strchr(e, '/') || strchr(e, ':') || !valid_host_name(e)) {
        snprintf(err, errlen, "--allow-hosts: '%s' is neither an address, a CIDR range "
                 "nor a host name", e);
        return -1;
    }
    char **nh = realloc(p->hosts, (p->n_hosts + 1) * sizeof *nh);
    if (!nh)
        goto nomem;
    p->hosts = nh;
    if (!(p->hosts[p->n_hosts] = strdup(e)))
        goto nomem;
    p->n_hosts++;
    return 0;
nomem:
    snprintf(err, errlen, "out of memory");
    return -1;
}

rp_addr_policy *rp_addr_policy_new(const char *allow_hosts, char *err, size_t errlen)
{
    rp_addr_policy *p = calloc(1, sizeof *p);
    char *copy = strdup(allow_hosts ? allow_hosts : "");
    if (!p || !copy) {
        snprintf(err, errlen, "out of memory");
        free(copy);
        free(p);
        return NULL;
    }
    char *cur = copy;
    while (cur) {
        char *comma = strchr(cur, ',');
        if (comma)
            *comma = 0;
        while (*cur == ' ' || *cur == '\t')
            cur++;
        size_t n = strlen(cur);
        while (n > 0 && (cur[n - 1] == ' ' || cur[n - 1] == '\t'))
            cur[--n] = 0;
        for (char *c = cur; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        if (n > 0 && add_entry(p, cur, err, errlen) != 0) {
            free(copy);
            rp_addr_policy_destroy(p);
            return NULL;
        }
        cur = comma ? comma + 1 : NULL;
    }
    free(copy);
    return p;
}

static bool host_matches(const char *entry, const char *host, size_t hlen)
{
    size_t elen = strlen(entry);
    if (entry[0] == '.')
        return hlen > elen && strncasecmp(host + hlen - elen, entry, elen) == 0;
    return hlen == elen && strncasecmp(host, entry, elen) == 0;
}

bool rp_addr_host_listed(const rp_addr_policy *p, const char *host)
{
    if (!p || !host)
        return false;
    size_t hlen = strlen(host);
    if (hlen > 0 && host[hlen - 1] == '.')
        hlen--; /* "localhost." is "localhost" */
    for (size_t i = 0; i < p->n_hosts; i++)
        if (host_matches(p->hosts[i], host, hlen))
            return true;
    return false;
}

bool rp_addr_allowed(const rp_addr_policy *p, const struct sockaddr *sa, const char *host)
{
    unsigned char a[16];
    if (!sockaddr_bytes(sa, a))
        return false;
    if (!rp_addr_internal_class(sa))
        return true;
    for (size_t i = 0; p && i < p->n_ranges; i++)
        if (in_range(a, &p->ranges[i]))
            return true;
    return rp_addr_host_listed(p, host);
}
