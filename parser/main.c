/* reportpipe-parser: a consumer-group member that turns fetched documents
 * into measure records. Config, clients, loop, drain; the work is in
 * rpextract (pure) and rp_worker (Kafka discipline). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_document.h"
#include "rp_kafka.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_record.h"
#include "rp_signal.h"
#include "rp_worker.h"

#define RP_PARSER_VERSION "reportpipe-parser/" RP_VERSION

typedef struct parser_conf {
    char *group_id;
    long max_document_bytes;
} parser_conf;

static const rp_conf_opt parser_opts[] = {
    {"group-id", "RP_PARSER_GROUP_ID", RP_CONF_STR, "reportpipe-parser",
     offsetof(parser_conf, group_id), "consumer group of the parser workers", 0, 0},
    {"max-document-bytes", "RP_MAX_DOCUMENT_BYTES", RP_CONF_INT, "67108864",
     offsetof(parser_conf, max_document_bytes),
     "larger documents go to the dead-letter topic", 1, 1e10},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};

typedef struct parser_ctx {
    const parser_conf *pc;
    const rp_common_conf *c;
} parser_ctx;

static int emit_measures(rp_emit *out, const rd_kafka_message_t *in, const char *url,
                         const char *fetched_at, const rp_extract_result *r)
{
    char doc_id[RP_ID_HEX_LEN + 1];
    rp_record_document_id(url, in->payload, in->len, doc_id);
    rp_record_doc d = {.document_id = doc_id, .source_url = url, .fetched_at = fetched_at,
                       .parser_version = RP_PARSER_VERSION};
    for (size_t i = 0; i < r->n_measures; i++) {
        char *json = rp_record_json(&d, &r->meta, &r->measures[i]);
        if (!json)
            return -1;
        char mid[RP_ID_HEX_LEN + 1];
        rp_record_measure_id(doc_id, &r->measures[i], mid);
        int rc = rp_emit_record(out, mid, strlen(mid), json, strlen(json), NULL);
        free(json);
        if (rc != 0)
            return -1;
    }
    rp_metrics_inc("rp_measures_total", "stage=\"parser\"", (double)r->n_measures);
    return 0;
}

static int process(void *ctx, const rd_kafka_message_t *in, rp_emit *out)
{
    parser_ctx *p = ctx;
    rd_kafka_headers_t *h = NULL;
    rd_kafka_message_headers(in, &h);
    char *url = rp_kafka_header_dup(h, "url");
    char *ctype = rp_kafka_header_dup(h, "content_type");
    char *fetched_at = rp_kafka_header_dup(h, "fetched_at");
    if (!url && in->key)
        url = strndup(in->key, in->key_len);
    rp_document_input di = {.bytes = in->payload ? in->payload : "", .len = in->len,
                            .content_type = ctype, .url = url,
                            .max_bytes = (size_t)p->pc->max_document_bytes};
    rp_extract_result *r = NULL;
    char err[512] = "";
    long long t0 = rp_now_ms();
    rp_document_status st = rp_document_extract(&di, &r, err, sizeof err);
    rp_metrics_observe("rp_extract_seconds", "stage=\"parser\"", (double)(rp_now_ms() - t0) / 1000.0);
    int rc;
    if (st != RP_DOC_OK)
        rc = rp_emit_dead_letter(out, rp_document_status_name(st), err);
    else
        rc = emit_measures(out, in, url, fetched_at, r);
    rp_metrics_inc("rp_documents_total", "stage=\"parser\"", 1);
    rp_extract_result_free(r);
    free(url);
    free(ctype);
    free(fetched_at);
    return rc;
}

int main(int argc, char **argv)
{
    rp_common_conf c;
    parser_conf pc;
    rp_conf_section sections[] = {
        {"Parser", parser_opts, &pc},
        {"Common", rp_common_conf_opts, &c},
    };
    size_t ns = sizeof sections / sizeof sections[0];
    rp_conf_result res;
    char err[1024];
    if (rp_conf_load(sections, ns, argc, argv, NULL, &res, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe-parser: %s\n", err);
        return 2;
    }
    int rc = 0;
    if (res.help || res.help_markdown) {
        if (res.help_markdown)
            rp_conf_print_markdown(stdout, "reportpipe-parser", sections, ns);
        else
            rp_conf_print_help(stdout, "usage: reportpipe-parser [OPTIONS]", sections, ns);
        goto out;
    }
    if (rp_log_init("parser", c.log_level) != 0) {
        fprintf(stderr, "reportpipe-parser: invalid --log-level '%s'\n", c.log_level);
        rc = 2;
        goto out;
    }
    rp_signal_install();
    rp_signal_bound_drain(c.drain_timeout_ms);
    if (rp_metrics_start(c.metrics_addr, (int)c.metrics_port, err, sizeof err) != 0) {
        rp_log_error("metrics endpoint: %s", err);
        rc = 2;
        goto out;
    }
    parser_ctx ctx = {.pc = &pc, .c = &c};
    rp_worker_conf wc = {.stage = "parser", .input_topic = c.topic_documents,
                         .output_topic = c.topic_measures, .group_id = pc.group_id,
                         .compression = "lz4"};
    rp_worker *w = rp_worker_new(&c, &res.kafka, &wc, process, &ctx, err, sizeof err);
    if (!w) {
        rp_log_error("%s", err);
        rc = 2;
        goto out;
    }
    rc = rp_worker_run(w);
    rp_worker_destroy(w);
out:
    rp_metrics_stop();
    rp_conf_result_clear(&res);
    rp_conf_free(sections, ns);
    return rc;
}
