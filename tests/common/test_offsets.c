/* rp_offsets: the low watermark only moves over inputs whose outputs are
 * all acknowledged, whatever order the acknowledgements come in. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "rp_offsets.h"

typedef struct seen {
    int64_t next[4];
    int calls;
} seen;

static void record(const char *topic, int32_t partition, int64_t next, void *opaque)
{
    (void)topic;
    seen *s = opaque;
    s->next[partition] = next;
    s->calls++;
}

static void test_out_of_order_acks(void **state)
{
    (void)state;
    rp_offsets *t = rp_offsets_new();
    rp_offsets_entry *a = rp_offsets_begin(t, "docs", 0, 10);
    rp_offsets_output_add(a);
    rp_offsets_output_add(a);
    rp_offsets_end(a);
    rp_offsets_entry *b = rp_offsets_begin(t, "docs", 0, 11);
    rp_offsets_output_add(b);
    rp_offsets_end(b);
    rp_offsets_entry *c = rp_offsets_begin(t, "docs", 0, 12); /* no outputs */
    rp_offsets_end(c);
    seen s = {{-1, -1, -1, -1}, 0};

    rp_offsets_output_done(b, true);      /* later input acked first */
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.calls, 0);         /* 10 still open: nothing to store */
    rp_offsets_output_done(a, true);
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.calls, 0);         /* one output of 10 still open */
    assert_int_equal(rp_offsets_pending(t), 3);
    rp_offsets_output_done(a, true);
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.calls, 1);
    assert_int_equal(s.next[0], 13);      /* 10, 11, 12 all complete */
    assert_int_equal(rp_offsets_pending(t), 0);
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.calls, 1);         /* unchanged: not offered again */
    rp_offsets_destroy(t);
}

static void test_partitions_independent(void **state)
{
    (void)state;
    rp_offsets *t = rp_offsets_new();
    rp_offsets_entry *a = rp_offsets_begin(t, "docs", 0, 5);
    rp_offsets_output_add(a);
    rp_offsets_end(a);
    rp_offsets_entry *b = rp_offsets_begin(t, "docs", 1, 7);
    rp_offsets_end(b);
    seen s = {{-1, -1, -1, -1}, 0};
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.next[1], 8);
    assert_int_equal(s.next[0], -1);
    rp_offsets_output_done(a, true);
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.next[0], 6);
    rp_offsets_destroy(t);
}

static void test_failure_pins_partition(void **state)
{
    (void)state;
    rp_offsets *t = rp_offsets_new();
    rp_offsets_entry *a = rp_offsets_begin(t, "docs", 0, 1);
    rp_offsets_output_add(a);
    rp_offsets_end(a);
    rp_offsets_entry *b = rp_offsets_begin(t, "docs", 0, 2);
    rp_offsets_end(b);
    seen s = {{-1, -1, -1, -1}, 0};
    rp_offsets_output_done(a, false);
    rp_offsets_collect(t, record, &s);
    assert_true(rp_offsets_failed(t));
    assert_int_equal(s.calls, 0);         /* never moves past the failed input */
    rp_offsets_destroy(t);
}

static void test_forget_with_outputs_in_flight(void **state)
{
    (void)state;
    rp_offsets *t = rp_offsets_new();
    rp_offsets_entry *a = rp_offsets_begin(t, "docs", 2, 1);
    rp_offsets_output_add(a);
    rp_offsets_end(a);
    rp_offsets_forget(t, "docs", 2);
    assert_int_equal(rp_offsets_pending(t), 0);
    rp_offsets_output_done(a, true);      /* frees the detached entry (ASan checks) */
    seen s = {{-1, -1, -1, -1}, 0};
    rp_offsets_collect(t, record, &s);
    assert_int_equal(s.calls, 0);
    rp_offsets_destroy(t);
}

static void test_forget_before_end(void **state)
{
    (void)state;
    rp_offsets *t = rp_offsets_new();
    rp_offsets_entry *a = rp_offsets_begin(t, "docs", 1, 1);
    rp_offsets_output_add(a);
    rp_offsets_forget(t, "docs", 1);       /* revoked while still producing */
    rp_offsets_output_done(a, true);       /* must not free: not ended yet */
    rp_offsets_output_add(a);              /* ASan would flag a use after free */
    rp_offsets_output_done(a, false);
    rp_offsets_end(a);                     /* now it goes */
    assert_int_equal(rp_offsets_pending(t), 0);
    rp_offsets_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_out_of_order_acks),
        cmocka_unit_test(test_partitions_independent),
        cmocka_unit_test(test_failure_pins_partition),
        cmocka_unit_test(test_forget_with_outputs_in_flight),
        cmocka_unit_test(test_forget_before_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
