/* The sink's pure parts: validation reasons, row shape, the id set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_idset.h"
#include "rp_sink.h"

static const char *good =
    "{\"schema_version\":1,\"measure_id\":\"0123456789abcdef0123456789abcdef\","
    "\"document_id\":\"d1\",\"source_url\":\"http://127.0.0.1/a\",\"doc_published\":\"2024-09-10\","
    "\"value\":658000,\"unit\":\"元\",\"unit_kind\":\"money\",\"approx\":\"\",\"text\":\"65.8万元\","
    "\"subject\":\"党费\",\"region\":\"颍州区\",\"period\":null,\"metric\":\"funds\","
    "\"span\":{\"start\":10,\"end\":21},\"optional\":false,\"parser_version\":\"p/1\"}";

static void check_reason(const char *json, const char *want_reason, const char *want_detail)
{
    char reason[64], detail[128];
    cJSON *o = rp_sink_validate(json, strlen(json), reason, sizeof reason, detail, sizeof detail);
    assert_null(o);
    assert_string_equal(reason, want_reason);
    if (want_detail)
        assert_string_equal(detail, want_detail);
}

static char *replace(const char *s, const char *from, const char *to)
{
    const char *at = strstr(s, from);
    assert_non_null(at);
    size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
    return out;
}

static void test_validation(void **state)
{
    (void)state;
    char reason[64], detail[128];
    cJSON *o = rp_sink_validate(good, strlen(good), reason, sizeof reason, detail, sizeof detail);
    assert_non_null(o);
    cJSON_Delete(o);
    check_reason("not json", "invalid_json", NULL);
    check_reason("[1,2]", "invalid_json", NULL);
    char *v2 = replace(good, "\"schema_version\":1", "\"schema_version\":99");
    check_reason(v2, "unsupported_schema", NULL);
    char *nounit = replace(good, "\"unit\":\"元\",", "");
    check_reason(nounit, "missing_field", "unit");
    char *badval = replace(good, "\"value\":658000", "\"value\":\"many\"");
    check_reason(badval, "bad_field", "value");
    /* a minus sign the document wrote (增长-2.3%) is a value like any other */
    char *negative = replace(good, "\"value\":658000", "\"value\":-2.3");
    cJSON *neg = rp_sink_validate(negative, strlen(negative), reason, sizeof reason, detail,
                                  sizeof detail);
    assert_non_null(neg);
    cJSON_Delete(neg);
    free(negative);
    char *badid = replace(good, "0123456789abcdef0123456789abcdef", "not-an-id");
    check_reason(badid, "bad_field", "measure_id");
    char *badapprox = replace(good, "\"approx\":\"\"", "\"approx\":\"roughly\"");
    check_reason(badapprox, "bad_field", "approx");
    char *badspan = replace(good, "\"start\":10", "\"start\":50");
    check_reason(badspan, "bad_field", "span");
    free(v2); free(nounit); free(badval); free(badid); free(badapprox); free(badspan);
}

/* A record whose text is not UTF-8 is refused before it is parsed: a cut
 * character, a lone continuation byte, an overlong form and an encoded
 * surrogate each name the byte where the breakage starts. */
static void test_invalid_utf8(void **state)
{
    (void)state;
    const char *at = strstr(good, "\"党费\"") + 1; /* first byte of 党 */
    char detail_want[32];
    snprintf(detail_want, sizeof detail_want, "byte %zu", (size_t)(at - good));
    static const char *const breaks[] = {"\xE5\x85", "\x85", "\xC0\xAF", "\xED\xA0\x80"};
    for (size_t i = 0; i < sizeof breaks / sizeof breaks[0]; i++) {
        char *broken = replace(good, "党费", breaks[i]);
        check_reason(broken, "invalid_utf8", detail_want);
        free(broken);
    }
    /* The same record with the bytes whole is accepted, and so are 4-byte
     * characters. */
    char *emoji = replace(good, "党费", "\xF0\x9F\x93\x8C党费");
    char reason[64], detail[128];
    cJSON *o = rp_sink_validate(emoji, strlen(emoji), reason, sizeof reason, detail, sizeof detail);
    assert_non_null(o);
    cJSON_Delete(o);
    free(emoji);
}

static void test_row_is_flat(void **state)
{
    (void)state;
    char reason[64], detail[128];
    cJSON *m = rp_sink_validate(good, strlen(good), reason, sizeof reason, detail, sizeof detail);
    char *row = rp_sink_row(m, "s/1", "2026-11-21T00:00:00Z");
    cJSON *r = cJSON_Parse(row);
    assert_string_equal(cJSON_GetObjectItem(r, "published")->valuestring, "2024-09-10");
    assert_true(cJSON_GetObjectItem(r, "value")->valuedouble == 658000);
    assert_int_equal(cJSON_GetObjectItem(r, "span_start")->valueint, 10);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(r, "period")));
    for (cJSON *f = r->child; f; f = f->next)
        assert_false(cJSON_IsObject(f) || cJSON_IsArray(f));
    cJSON_Delete(r);
    cJSON_Delete(m);
    free(row);
}

static void test_idset_dedup_and_eviction(void **state)
{
    (void)state;
    rp_idset *s = rp_idset_new(100);
    char id[32];
    for (int i = 0; i < 100; i++) {
        snprintf(id, sizeof id, "id-%d", i);
        assert_true(rp_idset_add(s, id, strlen(id)));
    }
    assert_false(rp_idset_add(s, "id-42", 5));
    assert_int_equal(rp_idset_size(s), 100);
    for (int i = 100; i < 150; i++) { /* evicts id-0 .. id-49 */
        snprintf(id, sizeof id, "id-%d", i);
        assert_true(rp_idset_add(s, id, strlen(id)));
    }
    assert_int_equal(rp_idset_size(s), 100);
    assert_false(rp_idset_contains(s, "id-10", 5));
    for (int i = 50; i < 150; i++) {
        snprintf(id, sizeof id, "id-%d", i);
        assert_true(rp_idset_contains(s, id, strlen(id)));
    }
    rp_idset_destroy(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_validation),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_row_is_flat),
        cmocka_unit_test(test_idset_dedup_and_eviction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
