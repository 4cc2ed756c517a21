/* rp_addr: the address policy, on address values only (no connection). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "rp_addr.h"

static struct sockaddr_storage addr(const char *text)
{
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    struct sockaddr_in *in = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, text, &in->sin_addr) == 1) {
        in->sin_family = AF_INET;
    } else {
        assert_int_equal(inet_pton(AF_INET6, text, &in6->sin6_addr), 1);
        in6->sin6_family = AF_INET6;
    }
    return ss;
}

static const char *klass(const char *text)
{
    struct sockaddr_storage ss = addr(text);
    return rp_addr_internal_class((struct sockaddr *)&ss);
}

static bool allowed(const rp_addr_policy *p, const char *text, const char *host)
{
    struct sockaddr_storage ss = addr(text);
    return rp_addr_allowed(p, (struct sockaddr *)&ss, host);
}

static void test_ipv4_classes(void **state)
{
    (void)state;
    assert_string_equal(klass("127.0.0.1"), "loopback");
    assert_string_equal(klass("127.255.0.9"), "loopback");
    assert_string_equal(klass("10.1.2.3"), "private");
    assert_string_equal(klass("172.16.0.1"), "private");
    assert_string_equal(klass("172.31.255.255"), "private");
    assert_null(klass("172.32.0.1"));
    assert_string_equal(klass("192.168.1.1"), "private");
    assert_string_equal(klass("169.254.169.254"), "link_local"); /* cloud metadata */
    assert_string_equal(klass("100.64.0.1"), "cgnat");
    assert_string_equal(klass("100.127.255.255"), "cgnat");
    assert_null(klass("100.128.0.1"));
    assert_string_equal(klass("0.0.0.0"), "unspecified");
    assert_string_equal(klass("224.0.0.1"), "multicast");
    assert_string_equal(klass("255.255.255.255"), "broadcast");
    assert_null(klass("93.184.216.34"));
    assert_null(klass("8.8.8.8"));
}

static void test_ipv6_classes(void **state)
{
    (void)state;
    assert_string_equal(klass("::1"), "loopback");
    assert_string_equal(klass("::"), "unspecified");
    assert_string_equal(klass("fc00::1"), "private");
    assert_string_equal(klass("fd12:3456::1"), "private");
    assert_string_equal(klass("fe80::1"), "link_local");
    assert_string_equal(klass("febf::1"), "link_local");
    assert_string_equal(klass("ff02::1"), "multicast");
    assert_null(klass("2001:4860:4860::8888"));
    assert_null(klass("2606:2800:220:1::1"));
}

static void test_ipv4_inside_ipv6(void **state)
{
    (void)state;
    assert_string_equal(klass("::ffff:127.0.0.1"), "loopback");
    assert_string_equal(klass("::ffff:169.254.169.254"), "link_local");
    assert_string_equal(klass("::ffff:10.0.0.1"), "private");
    assert_string_equal(klass("::ffff:7f00:1"), "loopback");
    assert_string_equal(klass("64:ff9b::192.168.0.1"), "private"); /* NAT64 */
    assert_string_equal(klass("::127.0.0.1"), "loopback");         /* v4-compatible */
    assert_null(klass("::ffff:8.8.8.8"));
}

static void test_allowlist(void **state)
{
    (void)state;
    char err[256];
    rp_addr_policy *p = rp_addr_policy_new(" 127.0.0.1, 10.0.0.0/8,fd00::/8 ,Intranet.Example, .corp.example", err, sizeof err);
    assert_non_null(p);
    assert_true(allowed(p, "127.0.0.1", NULL));
    assert_true(allowed(p, "::ffff:127.0.0.1", NULL)); /* mapped form of an allowed v4 */
    assert_false(allowed(p, "127.0.0.2", NULL));
    assert_true(allowed(p, "10.200.1.1", "x"));
    assert_false(allowed(p, "192.168.0.1", "x"));
    assert_true(allowed(p, "fd00::5", NULL));
    assert_false(allowed(p, "fc00::5", NULL));
    assert_false(allowed(p, "::1", NULL));
    assert_true(allowed(p, "192.168.0.1", "intranet.example"));   /* by host name */
    assert_true(allowed(p, "192.168.0.1", "INTRANET.example."));
    assert_true(allowed(p, "192.168.0.1", "wiki.corp.example"));
    assert_false(allowed(p, "192.168.0.1", "corp.example.evil"));
    assert_true(allowed(p, "8.8.8.8", NULL)); /* public: always */
    assert_true(rp_addr_host_listed(p, "intranet.example"));
    assert_false(rp_addr_host_listed(p, "example"));
    rp_addr_policy_destroy(p);
}

static void test_empty_policy_refuses_internal(void **state)
{
    (void)state;
    char err[64];
    rp_addr_policy *p = rp_addr_policy_new("", err, sizeof err);
    assert_non_null(p);
    assert_false(allowed(p, "127.0.0.1", "localhost"));
    assert_false(allowed(p, "169.254.169.254", NULL));
    assert_false(allowed(p, "::ffff:10.0.0.1", NULL));
    assert_true(allowed(p, "1.1.1.1", NULL));
    rp_addr_policy_destroy(p);
    assert_false(rp_addr_allowed(NULL, NULL, NULL));
    rp_addr_policy_destroy(NULL);
}

static void test_bad_entries(void **state)
{
    (void)state;
    char err[256];
    const char *bad[] = {"10.0.0.0/33", "fd00::/129", "1.2.3.4/x", "bad host", "a/b", "::g"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = 0;
        assert_null(rp_addr_policy_new(bad[i], err, sizeof err));
        assert_non_null(strstr(err, "--allow-hosts"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ipv4_classes),
        cmocka_unit_test(test_ipv6_classes),
        cmocka_unit_test(test_ipv4_inside_ipv6),
        cmocka_unit_test(test_allowlist),
        cmocka_unit_test(test_empty_policy_refuses_internal),
        cmocka_unit_test(test_bad_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
