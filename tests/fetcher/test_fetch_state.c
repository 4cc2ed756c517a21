/* rp_fetch_state and rp_strmap: the change-detection memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_fetch_state.h"
#include "rp_strmap.h"

#define SHA "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void test_memo_round_trip(void **state)
{
    (void)state;
    rp_fetch_memo m, back;
    assert_int_equal(rp_fetch_memo_set(&m, "\"v1\"", "Sat, 21 Nov 2026 05:00:00 GMT",
                                       "2026-11-21T05:00:00.000Z", SHA, 200), 0);
    char *json = rp_fetch_memo_json(&m);
    assert_non_null(json);
    assert_int_equal(rp_fetch_memo_parse(json, strlen(json), &back), 0);
    assert_string_equal(back.etag, "\"v1\"");
    assert_string_equal(back.last_modified, "Sat, 21 Nov 2026 05:00:00 GMT");
    assert_string_equal(back.sha256, SHA);
    assert_int_equal(back.status, 200);
    free(json);
    rp_fetch_memo_clear(&m);
    rp_fetch_memo_clear(&back);
    rp_fetch_memo_clear(NULL);
}

static void test_memo_rejects_garbage(void **state)
{
    (void)state;
    rp_fetch_memo m;
    const char *bad[] = {"", "[]", "{\"sha256\":\"short\"}", "not json"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(rp_fetch_memo_parse(bad[i], strlen(bad[i]), &m), -1);
    assert_int_equal(rp_fetch_memo_parse("{}", 2, &m), 0); /* all fields optional */
    assert_string_equal(m.etag, "");
    rp_fetch_memo_clear(&m);
}

static void test_state_put_replace_remove(void **state)
{
    (void)state;
    rp_fetch_state *s = rp_fetch_state_new();
    rp_fetch_memo m;
    char url[64];
    for (int i = 0; i < 500; i++) {
        snprintf(url, sizeof url, "http://h/%d", i);
        assert_int_equal(rp_fetch_memo_set(&m, "e", "", "", SHA, 200), 0);
        assert_int_equal(rp_fetch_state_put(s, url, &m), 0);
        assert_null(m.etag); /* taken */
    }
    assert_int_equal(rp_fetch_state_size(s), 500);
    assert_int_equal(rp_fetch_memo_set(&m, "e2", "", "", "", 304), 0);
    rp_fetch_state_put(s, "http://h/7", &m);
    assert_string_equal(rp_fetch_state_get(s, "http://h/7")->etag, "e2");
    assert_int_equal(rp_fetch_state_size(s), 500);
    rp_fetch_state_remove(s, "http://h/7");
    rp_fetch_state_remove(s, "http://h/none");
    assert_null(rp_fetch_state_get(s, "http://h/7"));
    assert_string_equal(rp_fetch_state_get(s, "http://h/499")->sha256, SHA);
    rp_fetch_state_destroy(s);
    rp_fetch_state_destroy(NULL);
}

/* Loaded records are kept as JSON and parsed when first asked for; one that
 * does not parse counts as absent, and a later put replaces it. */
static void test_state_put_json_lazy(void **state)
{
    (void)state;
    rp_fetch_state *s = rp_fetch_state_new();
    const char *good = "{\"etag\":\"\\\"v9\\\"\",\"sha256\":\"" SHA "\",\"status\":200}";
    assert_int_equal(rp_fetch_state_put_json(s, "http://h/a", good, strlen(good)), 0);
    assert_int_equal(rp_fetch_state_put_json(s, "http://h/b", "{\"sha256\":\"x\"}", 15), 0);
    assert_int_equal(rp_fetch_state_size(s), 2);
    const rp_fetch_memo *m = rp_fetch_state_get(s, "http://h/a");
    assert_non_null(m);
    assert_string_equal(m->etag, "\"v9\"");
    assert_string_equal(m->sha256, SHA);
    assert_int_equal(m->status, 200);
    assert_ptr_equal(rp_fetch_state_get(s, "http://h/a"), m); /* parsed once */
    assert_null(rp_fetch_state_get(s, "http://h/b"));
    assert_null(rp_fetch_state_get(s, "http://h/b"));
    rp_fetch_memo fresh;
    assert_int_equal(rp_fetch_memo_set(&fresh, "e3", "", "", SHA, 200), 0);
    assert_int_equal(rp_fetch_state_put(s, "http://h/b", &fresh), 0);
    assert_string_equal(rp_fetch_state_get(s, "http://h/b")->etag, "e3");
    /* A JSON value replaces a parsed memo too. */
    assert_int_equal(rp_fetch_state_put_json(s, "http://h/a", "{}", 2), 0);
    assert_string_equal(rp_fetch_state_get(s, "http://h/a")->etag, "");
    assert_int_equal(rp_fetch_state_put_json(s, "http://h/c", "{}", 2), 0);
    rp_fetch_state_destroy(s); /* frees unparsed entries too (ASan) */
}

static void sum(const char *key, void *value, void *opaque)
{
    (void)key;
    *(long *)opaque += (long)(intptr_t)value;
}

static void test_strmap(void **state)
{
    (void)state;
    rp_strmap *m = rp_strmap_new();
    void *old = (void *)1;
    assert_int_equal(rp_strmap_put(m, "a", (void *)(intptr_t)1, &old), 0);
    assert_null(old);
    rp_strmap_put(m, "b", (void *)(intptr_t)2, NULL);
    rp_strmap_put(m, "a", (void *)(intptr_t)3, &old);
    assert_int_equal((intptr_t)old, 1);
    long total = 0;
    rp_strmap_each(m, sum, &total);
    assert_int_equal(total, 5);
    assert_int_equal((intptr_t)rp_strmap_remove(m, "a"), 3);
    assert_null(rp_strmap_get(m, "a"));
    assert_int_equal(rp_strmap_size(m), 1);
    rp_strmap_destroy(m);
    rp_strmap_destroy(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memo_round_trip),
        cmocka_unit_test(test_memo_rejects_garbage),
        cmocka_unit_test(test_state_put_replace_remove),
        cmocka_unit_test(test_state_put_json_lazy),
        cmocka_unit_test(test_strmap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
