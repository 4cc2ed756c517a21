/* rp_dlq: the dead-letter record carries the reason, the origin and a
 * bounded copy of the payload. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "rp_dlq.h"

static void test_record_fields_and_truncation(void **state)
{
    (void)state;
    rd_kafka_headers_t *h = rd_kafka_headers_new(2);
    rd_kafka_header_add(h, "url", -1, "http://127.0.0.1/x", -1);
    rp_dlq_record r = {.stage = "parser", .reason = "too_large", .detail = "over 10 bytes",
                       .topic = "reportpipe.documents", .partition = 3, .offset = 42,
                       .key = "k1", .key_len = 2, .headers = h,
                       .payload = "abcdefghijklmnop", .payload_len = 16};
    char *json = rp_dlq_json(&r, 4);
    cJSON *o = cJSON_Parse(json);
    assert_non_null(o);
    assert_string_equal(cJSON_GetObjectItem(o, "reason")->valuestring, "too_large");
    assert_string_equal(cJSON_GetObjectItem(o, "stage")->valuestring, "parser");
    assert_int_equal(cJSON_GetObjectItem(o, "partition")->valueint, 3);
    assert_int_equal(cJSON_GetObjectItem(o, "offset")->valueint, 42);
    assert_string_equal(cJSON_GetObjectItem(o, "key")->valuestring, "k1");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "headers"), "url")->valuestring,
                        "http://127.0.0.1/x");
    assert_int_equal(cJSON_GetObjectItem(o, "payload_size")->valueint, 16);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(o, "payload_truncated")));
    assert_string_equal(cJSON_GetObjectItem(o, "payload_base64")->valuestring, "YWJjZA==");
    cJSON_Delete(o);
    free(json);
    rd_kafka_headers_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_record_fields_and_truncation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
