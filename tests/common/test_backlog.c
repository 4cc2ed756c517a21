/* rp_backlog against the embedded broker (in-process mock cluster): the bound
 * holds while the downstream group has not committed, and lifts when it has. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rp_backlog.h"
#include "rp_broker.h"
#include "rp_kafka.h"

static rp_backlog *g_backlog;

static void on_dr(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    (void)opaque;
    assert_int_equal(m->err, 0);
    rp_backlog_acked(g_backlog, m->partition, m->offset, m->len);
}

static void load_conf(rp_common_conf *c, rp_conf_result *res)
{
    rp_conf_section s[] = {{"Common", rp_common_conf_opts, c}};
    char *argv[] = {"t", "--backlog-group", "downstream", "--backlog-max-bytes", "10000",
                    "--log-level", "error", NULL};
    char *envp[] = {NULL};
    char err[256];
    assert_int_equal(rp_conf_load(s, 1, 7, argv, envp, res, err, sizeof err), 0);
}

static void consume_and_commit(rp_common_conf *c, int n)
{
    char err[256];
    rp_kafka_consumer_opts o = {.group_id = "downstream"};
    rd_kafka_t *rk = rp_kafka_consumer_new(c, NULL, &o, err, sizeof err);
    assert_non_null(rk);
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, "bl.topic", 0)->offset = RD_KAFKA_OFFSET_BEGINNING;
    assert_int_equal(rd_kafka_assign(rk, l), 0);
    int got = 0;
    int64_t last = -1;
    for (int i = 0; i < 200 && got < n; i++) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        if (m && !m->err) {
            got++;
            last = m->offset;
        }
        if (m)
            rd_kafka_message_destroy(m);
    }
    assert_int_equal(got, n);
    l->elems[0].offset = last + 1;
    assert_int_equal(rd_kafka_commit(rk, l, 0), 0);
    rd_kafka_topic_partition_list_destroy(l);
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
}

static void test_bound_follows_commits(void **state)
{
    (void)state;
    rp_common_conf c;
    rp_conf_result res;
    load_conf(&c, &res);
    char err[256];
    free(c.topic_documents);
    c.topic_documents = strdup("bl.topic");
    rp_broker_opts bo = {.brokers = 1, .partitions = 1};
    rp_broker *b = rp_broker_start(&c, &bo, err, sizeof err);
    assert_non_null(b);
    free(c.bootstrap_servers);
    c.bootstrap_servers = strdup(rp_broker_bootstraps(b));

    g_backlog = rp_backlog_new(&c, NULL, "bl.topic", err, sizeof err);
    assert_non_null(g_backlog);
    rp_kafka_producer_opts po = {.dr_msg_cb = on_dr};
    rd_kafka_t *p = rp_kafka_producer_new(&c, NULL, &po, err, sizeof err);
    assert_non_null(p);
    char payload[1000];
    memset(payload, 'x', sizeof payload);
    for (int i = 0; i < 20; i++)
        assert_int_equal(rd_kafka_producev(p, RD_KAFKA_V_TOPIC("bl.topic"), RD_KAFKA_V_PARTITION(0),
                                           RD_KAFKA_V_VALUE(payload, sizeof payload),
                                           RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END), 0);
    assert_int_equal(rd_kafka_flush(p, 10000), 0);
    assert_true(rp_backlog_bytes(g_backlog) >= 20000);
    assert_true(rp_backlog_blocked(g_backlog));   /* nothing committed downstream */

    consume_and_commit(&c, 15);                     /* 5 x 1000 bytes remain */
    usleep(150 * 1000);
    assert_false(rp_backlog_blocked(g_backlog));
    assert_true(rp_backlog_bytes(g_backlog) <= 10000);

    rd_kafka_destroy(p);
    rp_backlog_destroy(g_backlog);
    rp_broker_stop(b);
    rp_conf_section s[] = {{"Common", rp_common_conf_opts, &c}};
    rp_conf_free(s, 1);
    rp_conf_result_clear(&res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bound_follows_commits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
