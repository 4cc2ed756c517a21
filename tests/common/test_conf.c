/* rp_conf: precedence, types, ranges, unknown flags, -X and RP_KAFKA_*. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "rp_conf.h"

typedef struct cfg {
    char *name;
    long count;
    bool flag;
    double ratio;
} cfg;

static const rp_conf_opt opts[] = {
    {"name", "T_NAME", RP_CONF_STR, "dflt", offsetof(cfg, name), "a name", 0, 0},
    {"count", "T_COUNT", RP_CONF_INT, "5", offsetof(cfg, count), "a count", 1, 10},
    {"flag", "T_FLAG", RP_CONF_BOOL, "false", offsetof(cfg, flag), "a flag", 0, 0},
    {"ratio", "T_RATIO", RP_CONF_DOUBLE, "0.5", offsetof(cfg, ratio), "a ratio", 0, 1},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};

static int load(cfg *c, int argc, char **argv, char **envp, rp_conf_result *res, char *err)
{
    rp_conf_section s[] = {{"T", opts, c}};
    return rp_conf_load(s, 1, argc, argv, envp, res, err, 512);
}

static void done(cfg *c, rp_conf_result *res)
{
    rp_conf_section s[] = {{"T", opts, c}};
    rp_conf_free(s, 1);
    rp_conf_result_clear(res);
}

static void test_defaults(void **state)
{
    (void)state;
    cfg c;
    rp_conf_result res;
    char err[512];
    char *argv[] = {"p", NULL};
    char *envp[] = {NULL};
    assert_int_equal(load(&c, 1, argv, envp, &res, err), 0);
    assert_string_equal(c.name, "dflt");
    assert_int_equal(c.count, 5);
    assert_false(c.flag);
    assert_true(c.ratio == 0.5);
    done(&c, &res);
}

static void test_precedence_env_then_flags(void **state)
{
    (void)state;
    cfg c;
    rp_conf_result res;
    char err[512];
    char *argv[] = {"p", "--count", "7", "pos1", "--flag", "--name=fromflag", "pos2", NULL};
    char *envp[] = {"T_NAME=fromenv", "T_COUNT=3", "T_RATIO=0.25", NULL};
    assert_int_equal(load(&c, 7, argv, envp, &res, err), 0);
    assert_string_equal(c.name, "fromflag");   /* flag beats env */
    assert_int_equal(c.count, 7);
    assert_true(c.ratio == 0.25);              /* env beats default */
    assert_true(c.flag);                       /* bare bool flag */
    assert_int_equal(res.n_positional, 2);
    assert_string_equal(res.positional[1], "pos2");
    done(&c, &res);
}

static void test_bad_values_name_the_setting(void **state)
{
    (void)state;
    cfg c;
    rp_conf_result res;
    char err[512];
    char *envp[] = {NULL};
    char *a1[] = {"p", "--count", "11", NULL};
    assert_int_equal(load(&c, 3, a1, envp, &res, err), -1);
    assert_non_null(strstr(err, "--count"));
    char *a2[] = {"p", "--count", "x", NULL};
    assert_int_equal(load(&c, 3, a2, envp, &res, err), -1);
    assert_non_null(strstr(err, "integer"));
    char *a3[] = {"p", "--nope", NULL};
    assert_int_equal(load(&c, 2, a3, envp, &res, err), -1);
    assert_non_null(strstr(err, "unknown option --nope"));
    assert_non_null(strstr(err, "--ratio")); /* lists the valid ones */
    char *e4[] = {"T_FLAG=maybe", NULL};
    char *a4[] = {"p", NULL};
    assert_int_equal(load(&c, 1, a4, e4, &res, err), -1);
    assert_non_null(strstr(err, "T_FLAG"));
}

static void test_kafka_props(void **state)
{
    (void)state;
    cfg c;
    rp_conf_result res;
    char err[512];
    char *argv[] = {"p", "-X", "linger.ms=7", "-Xacks=all", NULL};
    char *envp[] = {"RP_KAFKA_SECURITY_PROTOCOL=ssl", "RP_KAFKA_LINGER_MS=1", NULL};
    assert_int_equal(load(&c, 4, argv, envp, &res, err), 0);
    assert_string_equal(rp_kafka_props_get(&res.kafka, "security.protocol"), "ssl");
    assert_string_equal(rp_kafka_props_get(&res.kafka, "linger.ms"), "7"); /* flag wins */
    assert_string_equal(rp_kafka_props_get(&res.kafka, "acks"), "all");
    done(&c, &res);
    char *bad[] = {"p", "-X", "novalue", NULL};
    assert_int_equal(load(&c, 3, bad, envp, &res, err), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_precedence_env_then_flags),
        cmocka_unit_test(test_bad_values_name_the_setting),
        cmocka_unit_test(test_kafka_props),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
