/* reportpipe-sink: validates measure records, drops duplicates by
 * measure_id and writes flat analytics rows for BI. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rp_idset.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_signal.h"
#include "rp_sink.h"
#include "rp_warmup.h"
#include "rp_worker.h"

#define RP_SINK_VERSION "reportpipe-sink/" RP_VERSION

typedef struct sink_conf {
    char *group_id;
    long dedup_capacity;
    bool warmup;
} sink_conf;

static const rp_conf_opt sink_opts[] = {
    {"group-id", "RP_SINK_GROUP_ID", RP_CONF_STR, "reportpipe-sink",
     offsetof(sink_conf, group_id), "consumer group of the sink", 0, 0},
    {"dedup-capacity", "RP_DEDUP_CAPACITY", RP_CONF_INT, "1000000",
     offsetof(sink_conf, dedup_capacity), "measure_ids remembered for de-duplication",
     1, 100000000},
    {"warmup", "RP_SINK_WARMUP", RP_CONF_BOOL, "true", offsetof(sink_conf, warmup),
     "at start, remember the ids already on the analytics topic", 0, 0},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};

typedef struct sink_ctx {
    rp_idset *seen;
} sink_ctx;

static void now_rfc3339(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int process(void *ctx, const rd_kafka_message_t *in, rp_emit *out)
{
    sink_ctx *s = ctx;
    char reason[64], detail[256];
    cJSON *m = rp_sink_validate(in->payload ? in->payload : "", in->len, reason, sizeof reason,
                                detail, sizeof detail);
    if (!m)
        return rp_emit_dead_letter(out, reason, detail);
    const char *id = cJSON_GetObjectItemCaseSensitive(m, "measure_id")->valuestring;
    int rc = 0;
    if (!rp_idset_add(s->seen, id, strlen(id))) {
        rp_metrics_inc("rp_duplicates_total", "stage=\"sink\"", 1);
    } else {
        char ts[32];
        now_rfc3339(ts, sizeof ts);
        char *row = rp_sink_row(m, RP_SINK_VERSION, ts);
        rc = row ? rp_emit_record(out, id, strlen(id), row, strlen(row), NULL) : -1;
        free(row);
    }
    cJSON_Delete(m);
    return rc;
}

static int run(rp_common_conf *c, sink_conf *sc, rp_kafka_props *props)
{
    char err[1024];
    sink_ctx ctx = {.seen = rp_idset_new((size_t)sc->dedup_capacity)};
    if (!ctx.seen) {
        rp_log_error("cannot allocate the de-duplication set");
        return 2;
    }
    if (sc->warmup && rp_warmup_ids(c, props, c->topic_analytics, ctx.seen, err, sizeof err) != 0)
        rp_log_warn("warm-up skipped: %s", err);
    rp_worker_conf wc = {.stage = "sink", .input_topic = c->topic_measures,
                         .output_topic = c->topic_analytics, .group_id = sc->group_id,
                         .compression = "lz4"};
    rp_worker *w = rp_worker_new(c, props, &wc, process, &ctx, err, sizeof err);
    int rc = 2;
    if (!w)
        rp_log_error("%s", err);
    else
        rc = rp_worker_run(w);
    rp_worker_destroy(w);
    rp_idset_destroy(ctx.seen);
    return rc;
}

int main(int argc, char **argv)
{
    rp_common_conf c;
    sink_conf sc;
    rp_conf_section sections[] = {
        {"Sink", sink_opts, &sc},
        {"Common", rp_common_conf_opts, &c},
    };
    size_t ns = sizeof sections / sizeof sections[0];
    rp_conf_result res;
    char err[1024];
    if (rp_conf_load(sections, ns, argc, argv, NULL, &res, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe-sink: %s\n", err);
        return 2;
    }
    int rc = 0;
    if (res.help_markdown)
        rp_conf_print_markdown(stdout, "reportpipe-sink", sections, ns);
    else if (res.help)
        rp_conf_print_help(stdout, "usage: reportpipe-sink [OPTIONS]", sections, ns);
    else if (rp_log_init("sink", c.log_level) != 0) {
        fprintf(stderr, "reportpipe-sink: invalid --log-level '%s'\n", c.log_level);
        rc = 2;
    } else {
        rp_signal_install();
        rp_signal_bound_drain(c.drain_timeout_ms);
        if (rp_metrics_start(c.metrics_addr, (int)c.metrics_port, err, sizeof err) != 0) {
            rp_log_error("metrics endpoint: %s", err);
            rc = 2;
        } else {
            rc = run(&c, &sc, &res.kafka);
        }
        rp_metrics_stop();
    }
    rp_conf_result_clear(&res);
    rp_conf_free(sections, ns);
    return rc;
}
