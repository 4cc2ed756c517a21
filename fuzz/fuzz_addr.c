/* libFuzzer target: the address policy (rp_addr). Input: one byte selects
 * the address family, the next 16 are the address, the rest is the
 * --allow-hosts list (also used as a host name). Checks that a public
 * address is always allowed, that an empty policy refuses every internal
 * one, and that IPv4 embedded in IPv6 (::ffff:a.b.c.d) is judged like the
 * IPv4 address. */
#include <netinet/in.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rp_addr.h"

static void check_v4_mapped(const uint8_t *a)
{
    struct sockaddr_in v4 = {.sin_family = AF_INET};
    struct sockaddr_in6 v6 = {.sin6_family = AF_INET6};
    memcpy(&v4.sin_addr, a, 4);
    v6.sin6_addr.s6_addr[10] = 0xff;
    v6.sin6_addr.s6_addr[11] = 0xff;
    memcpy(&v6.sin6_addr.s6_addr[12], a, 4);
    const char *c4 = rp_addr_internal_class((const struct sockaddr *)&v4);
    const char *c6 = rp_addr_internal_class((const struct sockaddr *)&v6);
    if ((c4 == NULL) != (c6 == NULL))
        __builtin_trap();
}

static void check_policy(const rp_addr_policy *p, const rp_addr_policy *empty,
                         const struct sockaddr *sa, const char *host)
{
    const char *why = rp_addr_internal_class(sa);
    bool ok = rp_addr_allowed(p, sa, host);
    if (!why && !ok)
        __builtin_trap();
    if (why && rp_addr_allowed(empty, sa, NULL))
        __builtin_trap();
    (void)rp_addr_host_listed(p, host);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 17)
        return 0;
    struct sockaddr_in v4 = {.sin_family = AF_INET};
    struct sockaddr_in6 v6 = {.sin6_family = AF_INET6};
    memcpy(&v4.sin_addr, data + 1, 4);
    memcpy(&v6.sin6_addr, data + 1, 16);
    const struct sockaddr *sa = (data[0] & 1) ? (const struct sockaddr *)&v6
                                              : (const struct sockaddr *)&v4;
    check_v4_mapped(data + 1);
    char *list = malloc(size - 17 + 1);
    if (!list)
        return 0;
    memcpy(list, data + 17, size - 17);
    list[size - 17] = 0;
    char err[256];
    rp_addr_policy *p = rp_addr_policy_new(list, err, sizeof err);
    rp_addr_policy *empty = rp_addr_policy_new(NULL, err, sizeof err);
    if (p && empty)
        check_policy(p, empty, sa, list);
    rp_addr_policy_destroy(p);
    rp_addr_policy_destroy(empty);
    free(list);
    return 0;
}
