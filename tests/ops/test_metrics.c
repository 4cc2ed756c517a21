/* rp_metrics: exposition format, label handling, histogram buckets,
 * librdkafka statistics, and the HTTP endpoint on 127.0.0.1. The registry is
 * process-wide, so every test uses metric names of its own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rp_metrics.h"

/* True when `line` is a whole line of the rendered text. */
static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *p = text; p && *p;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len == n && memcmp(p, line, n) == 0)
            return true;
        p = eol ? eol + 1 : NULL;
    }
    return false;
}

static size_t count_substr(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(text, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_counter_and_gauge_render(void **state)
{
    (void)state;
    rp_metrics_describe("t1_records_total", "Records seen.\nSecond line with \\ slash");
    rp_metrics_inc("t1_records_total", "stage=\"parser\"", 2);
    rp_metrics_inc("t1_records_total", "stage=\"parser\"", 3);
    rp_metrics_inc("t1_records_total", "stage=\"sink\"", 1);
    rp_metrics_inc("t1_records_total", "stage=\"sink\"", -5); /* counters never go down */
    rp_metrics_set("t1_gauge", NULL, 0.25);
    rp_metrics_set("t1_gauge", NULL, -1.5);
    rp_metrics_set("t1_empty_labels", "", 1e20);
    char *t = rp_metrics_render();
    assert_non_null(t);
    assert_true(has_line(t, "# HELP t1_records_total Records seen.\\nSecond line with \\\\ slash"));
    assert_true(has_line(t, "# TYPE t1_records_total counter"));
    assert_true(has_line(t, "t1_records_total{stage=\"parser\"} 5"));
    assert_true(has_line(t, "t1_records_total{stage=\"sink\"} 1"));
    assert_true(has_line(t, "# TYPE t1_gauge gauge"));
    assert_true(has_line(t, "t1_gauge -1.5"));
    assert_true(has_line(t, "t1_empty_labels 1e+20"));
    /* TYPE comes once per family, before its samples. */
    assert_int_equal(count_substr(t, "# TYPE t1_records_total "), 1);
    assert_true(strstr(t, "# TYPE t1_records_total") < strstr(t, "t1_records_total{"));
    assert_true(t[strlen(t) - 1] == '\n');
    free(t);
}

static void test_label_validation(void **state)
{
    (void)state;
    char *t = rp_metrics_render();
    assert_non_null(t);
    unsigned long before = 0;
    const char *p = strstr(t, "\nrp_metrics_rejected_total ");
    assert_non_null(p);
    before = strtoul(p + strlen("\nrp_metrics_rejected_total "), NULL, 10);
    free(t);

    rp_metrics_inc("t2_ok_total", "a=\"x\\\"y\\\\z\\n\",b_2=\"\"", 1); /* escapes are fine */
    rp_metrics_inc("t2_bad_total", "stage=parser", 1);                /* unquoted */
    rp_metrics_inc("t2_bad_total", "stage=\"a\nb\"", 1);              /* raw newline */
    rp_metrics_inc("t2_bad_total", "stage=\"x\",", 1);                /* trailing comma */
    rp_metrics_inc("t2_bad_total", "9x=\"1\"", 1);                    /* bad label name */
    rp_metrics_inc("t2_bad_total", "le=\"1\"", 1);                    /* reserved */
    rp_metrics_inc("t2_bad_total", "s=\"\\q\"", 1);                   /* unknown escape */
    rp_metrics_inc("t2-bad-name", NULL, 1);                           /* bad metric name */
    rp_metrics_set("t2_ok_total", "a=\"x\\\"y\\\\z\\n\",b_2=\"\"", 3); /* type clash */

    t = rp_metrics_render();
    assert_non_null(t);
    assert_true(has_line(t, "t2_ok_total{a=\"x\\\"y\\\\z\\n\",b_2=\"\"} 1"));
    assert_null(strstr(t, "t2_bad_total"));
    assert_null(strstr(t, "t2-bad-name"));
    p = strstr(t, "\nrp_metrics_rejected_total ");
    assert_non_null(p);
    assert_int_equal(strtoul(p + strlen("\nrp_metrics_rejected_total "), NULL, 10), before + 8);
    free(t);
}

static void test_histogram_buckets(void **state)
{
    (void)state;
    rp_metrics_describe("t3_seconds", "Latency.");
    const double obs[] = {0.0005, 0.001, 0.003, 0.2, 0.2, 7, 42};
    for (size_t i = 0; i < sizeof obs / sizeof obs[0]; i++)
        rp_metrics_observe("t3_seconds", "stage=\"x\"", obs[i]);
    rp_metrics_observe("t3_plain_seconds", NULL, 0.5);
    char *t = rp_metrics_render();
    assert_non_null(t);
    assert_true(has_line(t, "# TYPE t3_seconds histogram"));
    /* le is inclusive: 0.001 falls in the 0.001 bucket; counts cumulate. */
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"0.001\"} 2"));
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"0.005\"} 3"));
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"0.1\"} 3"));
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"0.25\"} 5"));
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"5\"} 5"));
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"10\"} 6"));
    assert_true(has_line(t, "t3_seconds_bucket{stage=\"x\",le=\"+Inf\"} 7"));
    assert_true(has_line(t, "t3_seconds_count{stage=\"x\"} 7"));
    assert_true(has_line(t, "t3_seconds_sum{stage=\"x\"} 49.4045"));
    assert_int_equal(count_substr(t, "t3_seconds_bucket{"), 13);
    assert_true(has_line(t, "t3_plain_seconds_bucket{le=\"0.5\"} 1"));
    assert_true(has_line(t, "t3_plain_seconds_bucket{le=\"0.25\"} 0"));
    assert_true(has_line(t, "t3_plain_seconds_sum 0.5"));
    assert_true(has_line(t, "t3_plain_seconds_count 1"));
    free(t);
}

/* Trimmed from a real librdkafka 2.x consumer statistics document. */
static const char *k_consumer_stats =
    "{\"name\":\"rp#consumer-1\",\"type\":\"consumer\",\"ts\":1,\"rxmsgs\":120,\"txmsgs\":0,"
    "\"msg_cnt\":0,"
    "\"brokers\":{"
    " \"127.0.0.1:9092/bootstrap\":{\"name\":\"127.0.0.1:9092/bootstrap\",\"nodeid\":-1,"
    "   \"state\":\"UP\",\"rtt\":{\"min\":0,\"max\":0,\"avg\":0,\"cnt\":0}},"
    " \"127.0.0.1:9092/1\":{\"name\":\"127.0.0.1:9092/1\",\"nodeid\":1,\"state\":\"UP\","
    "   \"int_latency\":{\"avg\":0,\"cnt\":0},\"outbuf_latency\":{\"avg\":0,\"cnt\":0},"
    "   \"rtt\":{\"min\":100,\"max\":900,\"avg\":500,\"cnt\":4}},"
    " \"GroupCoordinator\":{\"name\":\"GroupCoordinator\",\"nodeid\":1,\"source\":\"logical\","
    "   \"state\":\"UP\",\"rtt\":{\"avg\":70,\"cnt\":2}}},"
    "\"topics\":{\"reportpipe.documents\":{\"topic\":\"reportpipe.documents\",\"partitions\":{"
    " \"0\":{\"partition\":0,\"consumer_lag\":7,\"consumer_lag_stored\":7},"
    " \"1\":{\"partition\":1,\"consumer_lag\":0},"
    " \"2\":{\"partition\":2,\"consumer_lag\":-1},"
    " \"-1\":{\"partition\":-1,\"consumer_lag\":-1}}}},"
    "\"cgrp\":{\"state\":\"up\",\"join_state\":\"steady\",\"assignment_size\":2}}";

static const char *k_producer_stats =
    "{\"name\":\"rp#producer-2\",\"type\":\"producer\",\"txmsgs\":33,\"msg_cnt\":4,"
    "\"brokers\":{\"127.0.0.1:9092/1\":{\"nodeid\":1,\"state\":\"UP\","
    "  \"int_latency\":{\"avg\":2000,\"cnt\":3},\"outbuf_latency\":{\"avg\":1000,\"cnt\":3},"
    "  \"rtt\":{\"avg\":7000,\"cnt\":3}},"
    " \"127.0.0.1:9093/2\":{\"nodeid\":2,\"state\":\"DOWN\","
    "  \"int_latency\":{\"avg\":500,\"cnt\":1},\"outbuf_latency\":{\"avg\":0,\"cnt\":0},"
    "  \"rtt\":{\"avg\":0,\"cnt\":0}}},"
    "\"topics\":{}}";

static void test_kafka_stats(void **state)
{
    (void)state;
    rp_metrics_kafka_stats(k_consumer_stats, "parser");
    rp_metrics_kafka_stats(k_producer_stats, "parser");
    rp_metrics_kafka_stats("{not json", "parser");
    rp_metrics_kafka_stats(NULL, "parser");
    char *t = rp_metrics_render();
    assert_non_null(t);
    assert_true(has_line(t, "# TYPE rp_kafka_consumer_lag gauge"));
    assert_non_null(strstr(t, "# HELP rp_kafka_consumer_lag "));
    assert_non_null(strstr(t, "# HELP rp_kafka_produce_latency_seconds "));
    assert_true(has_line(t, "rp_kafka_consumer_lag{stage=\"parser\",topic=\"reportpipe.documents\",partition=\"0\"} 7"));
    assert_true(has_line(t, "rp_kafka_consumer_lag{stage=\"parser\",topic=\"reportpipe.documents\",partition=\"1\"} 0"));
    assert_null(strstr(t, "partition=\"2\""));  /* unknown lag is not zero lag */
    assert_null(strstr(t, "partition=\"-1\""));
    /* Consumer and producer of one stage see the same brokers separately. */
    assert_true(has_line(t, "rp_kafka_broker_rtt_seconds{stage=\"parser\",client=\"consumer\",broker=\"127.0.0.1:9092/1\"} 0.0005"));
    assert_true(has_line(t, "rp_kafka_broker_rtt_seconds{stage=\"parser\",client=\"producer\",broker=\"127.0.0.1:9092/1\"} 0.007"));
    assert_null(strstr(t, "broker=\"127.0.0.1:9092/bootstrap\""));
    assert_null(strstr(t, "broker=\"GroupCoordinator\""));
    assert_null(strstr(t, "broker=\"127.0.0.1:9093/2\"")); /* no rtt samples */
    assert_true(has_line(t, "rp_kafka_produce_latency_seconds{stage=\"parser\"} 0.01"));
    assert_true(has_line(t, "rp_kafka_tx_messages_total{stage=\"parser\"} 33"));
    assert_true(has_line(t, "rp_kafka_rx_messages_total{stage=\"parser\"} 120"));
    assert_true(has_line(t, "rp_kafka_queue_messages{stage=\"parser\"} 4"));
    assert_true(has_line(t, "rp_kafka_brokers_up{stage=\"parser\",client=\"producer\"} 1"));
    assert_true(has_line(t, "rp_kafka_brokers_up{stage=\"parser\",client=\"consumer\"} 1"));
    assert_true(has_line(t, "rp_kafka_assigned_partitions{stage=\"parser\"} 2"));
    free(t);

    /* After a rebalance the revoked partition's lag disappears; another
     * stage's series are untouched; odd characters in a stage are escaped. */
    rp_metrics_kafka_stats(k_consumer_stats, "si\"nk");
    const char *after =
        "{\"type\":\"consumer\",\"rxmsgs\":130,\"topics\":{\"reportpipe.documents\":"
        "{\"partitions\":{\"1\":{\"partition\":1,\"consumer_lag\":3}}}}}";
    rp_metrics_kafka_stats(after, "parser");
    t = rp_metrics_render();
    assert_non_null(t);
    assert_null(strstr(t, "rp_kafka_consumer_lag{stage=\"parser\",topic=\"reportpipe.documents\",partition=\"0\"}"));
    assert_true(has_line(t, "rp_kafka_consumer_lag{stage=\"parser\",topic=\"reportpipe.documents\",partition=\"1\"} 3"));
    assert_true(has_line(t, "rp_kafka_consumer_lag{stage=\"si\\\"nk\",topic=\"reportpipe.documents\",partition=\"0\"} 7"));
    assert_true(has_line(t, "rp_kafka_rx_messages_total{stage=\"parser\"} 130"));
    free(t);
}

/* ---- endpoint ---- */

/* One HTTP/1.0 request on a raw socket; returns the status code and copies
 * the body into `body`. */
static int http_get(int port, const char *method, const char *path, char *body, size_t n)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    char req[256];
    int len = snprintf(req, sizeof req, "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", method, path);
    if (write(fd, req, (size_t)len) != len) {
        close(fd);
        return -1;
    }
    static char resp[1 << 20];
    size_t got = 0;
    for (;;) {
        ssize_t r = read(fd, resp + got, sizeof resp - 1 - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    resp[got] = '\0';
    int code = -1;
    if (sscanf(resp, "HTTP/1.%*d %d", &code) != 1)
        return -1;
    const char *b = strstr(resp, "\r\n\r\n");
    snprintf(body, n, "%s", b ? b + 4 : "");
    if (strcmp(path, "/metrics") == 0 && strcmp(method, "GET") == 0 &&
        !strstr(resp, "text/plain; version=0.0.4"))
        return -2;
    return code;
}

/* A free port: bind to 0, read it back, close. */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET};
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    socklen_t sl = sizeof sa;
    if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0 ||
        getsockname(fd, (struct sockaddr *)&sa, &sl) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    close(fd);
    return ntohs(sa.sin_port);
}

static void test_endpoint(void **state)
{
    (void)state;
    char err[256] = "";
    char body[1 << 16];
    assert_int_equal(rp_metrics_start("127.0.0.1", 0, err, sizeof err), 0); /* port 0: off */
    int port = free_port();
    assert_true(port > 0);
    assert_int_equal(rp_metrics_start("127.0.0.1", port, err, sizeof err), 0);
    /* A second start while running is refused with a reason. */
    assert_int_equal(rp_metrics_start("127.0.0.1", port, err, sizeof err), -1);
    assert_true(strlen(err) > 0);

    rp_metrics_set_healthy(true);
    rp_metrics_set_ready(false);
    assert_int_equal(http_get(port, "GET", "/healthz", body, sizeof body), 200);
    assert_int_equal(http_get(port, "GET", "/readyz", body, sizeof body), 503);
    rp_metrics_set_ready(true);
    assert_int_equal(http_get(port, "GET", "/readyz", body, sizeof body), 200);
    rp_metrics_set_healthy(false);
    assert_int_equal(http_get(port, "GET", "/healthz", body, sizeof body), 503);
    assert_int_equal(http_get(port, "GET", "/readyz", body, sizeof body), 503);
    rp_metrics_set_healthy(true);

    rp_metrics_inc("t5_hits_total", "stage=\"ep\"", 4);
    assert_int_equal(http_get(port, "GET", "/metrics", body, sizeof body), 200);
    assert_true(has_line(body, "t5_hits_total{stage=\"ep\"} 4"));
    assert_int_equal(http_get(port, "HEAD", "/healthz", body, sizeof body), 200);
    assert_int_equal(http_get(port, "GET", "/nope", body, sizeof body), 404);
    assert_int_equal(http_get(port, "POST", "/metrics", body, sizeof body), 405);

    rp_metrics_stop();
    rp_metrics_stop(); /* idempotent */
    assert_int_equal(http_get(port, "GET", "/healthz", body, sizeof body), -1);

    /* The port is free again and a busy port is an error with a reason. */
    assert_int_equal(rp_metrics_start("127.0.0.1", port, err, sizeof err), 0);
    rp_metrics_stop();
    int blocker = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET};
    socklen_t sl = sizeof sa;
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    assert_int_equal(bind(blocker, (struct sockaddr *)&sa, sizeof sa), 0);
    assert_int_equal(listen(blocker, 1), 0);
    assert_int_equal(getsockname(blocker, (struct sockaddr *)&sa, &sl), 0);
    port = ntohs(sa.sin_port);
    err[0] = '\0';
    assert_int_equal(rp_metrics_start("127.0.0.1", port, err, sizeof err), -1);
    assert_non_null(strstr(err, "metrics endpoint"));
    close(blocker);
    assert_int_equal(rp_metrics_start("no.such.host.invalid", port, err, sizeof err), -1);
    assert_int_equal(rp_metrics_start("127.0.0.1", 70000, err, sizeof err), -1);
}

/* ---- concurrency: totals are exact under contention (and clean under TSan) ---- */

enum { N_THREADS = 8, N_ITERS = 20000 };

static void *hammer(void *arg)
{
    const char *labels = arg;
    for (int i = 0; i < N_ITERS; i++) {
        rp_metrics_inc("t6_total", labels, 1);
        rp_metrics_observe("t6_seconds", labels, 0.002);
        rp_metrics_set("t6_gauge", labels, i);
        if (i % 5000 == 0)
            free(rp_metrics_render());
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    pthread_t th[N_THREADS];
    static const char *const labels[] = {"w=\"a\"", "w=\"b\""};
    for (int i = 0; i < N_THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, hammer, (void *)labels[i % 2]), 0);
    for (int i = 0; i < N_THREADS; i++)
        pthread_join(th[i], NULL);
    char *t = rp_metrics_render();
    assert_non_null(t);
    char want[128];
    snprintf(want, sizeof want, "t6_total{w=\"a\"} %d", N_THREADS / 2 * N_ITERS);
    assert_true(has_line(t, want));
    snprintf(want, sizeof want, "t6_seconds_bucket{w=\"b\",le=\"0.005\"} %d", N_THREADS / 2 * N_ITERS);
    assert_true(has_line(t, want));
    free(t);
}

/* Many series force the hash table to grow; every one must still be found. */
static void test_many_series(void **state)
{
    (void)state;
    char labels[64];
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 3000; i++) {
            snprintf(labels, sizeof labels, "i=\"%d\"", i);
            rp_metrics_inc("t7_total", labels, 1);
        }
    char *t = rp_metrics_render();
    assert_non_null(t);
    assert_true(has_line(t, "t7_total{i=\"0\"} 2"));
    assert_true(has_line(t, "t7_total{i=\"2999\"} 2"));
    assert_int_equal(count_substr(t, "\nt7_total{"), 3000);
    free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counter_and_gauge_render),
        cmocka_unit_test(test_label_validation),
        cmocka_unit_test(test_histogram_buckets),
        cmocka_unit_test(test_kafka_stats),
        cmocka_unit_test(test_endpoint),
        cmocka_unit_test(test_threads),
        cmocka_unit_test(test_many_series),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
