#include "rp_broker.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rp_broker {
    rd_kafka_t *rk;                 /* owns the mock cluster's threads */
    rd_kafka_mock_cluster_t *mc;
    int brokers;
};

rp_broker *rp_broker_start(const rp_common_conf *c, const rp_broker_opts *o, char *err,
                           size_t errlen)
{
    rp_broker *b = calloc(1, sizeof *b);
    if (!b) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    char kerr[256];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", kerr, sizeof kerr);
    b->rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, kerr, sizeof kerr);
    if (!b->rk) {
        snprintf(err, errlen, "cannot create the broker's client: %s", kerr);
        rd_kafka_conf_destroy(conf);
        free(b);
        return NULL;
    }
    b->brokers = o->brokers;
    b->mc = rd_kafka_mock_cluster_new(b->rk, o->brokers);
    if (!b->mc) {
        snprintf(err, errlen, "cannot start the mock cluster");
        rp_broker_stop(b);
        return NULL;
    }
    const char *topics[] = {c->topic_sources, c->topic_documents, c->topic_measures,
                            c->topic_analytics, c->topic_dlq, "reportpipe.fetch-state"};
    for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++) {
        int rf = o->brokers < 3 ? o->brokers : 3;
        rd_kafka_resp_err_t e = rd_kafka_mock_topic_create(b->mc, topics[i], o->partitions, rf);
        if (e) {
            snprintf(err, errlen, "cannot create topic %s: %s", topics[i], rd_kafka_err2str(e));
            rp_broker_stop(b);
            return NULL;
        }
    }
    return b;
}

const char *rp_broker_bootstraps(const rp_broker *b)
{
    return rd_kafka_mock_cluster_bootstraps(b->mc);
}

void rp_broker_set_down(rp_broker *b, bool down)
{
    for (int id = 1; id <= b->brokers; id++) {
        if (down)
            rd_kafka_mock_broker_set_down(b->mc, id);
        else
            rd_kafka_mock_broker_set_up(b->mc, id);
    }
}

void rp_broker_stop(rp_broker *b)
{
    if (!b)
        return;
    if (b->mc)
        rd_kafka_mock_cluster_destroy(b->mc);
    if (b->rk)
        rd_kafka_destroy(b->rk);
    free(b);
}
