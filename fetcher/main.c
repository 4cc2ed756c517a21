/* reportpipe-fetcher: fetches sources (arguments, --urls-file, or the
 * sources topic) and produces one outcome per source: a document, a
 * not-modified / unchanged note in the fetch state, or a dead letter.
 * Config, clients, loop, drain: the work is in rpfetch (rp_fetcher). */
#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>

#include "rp_conf.h"
#include "rp_fetch_conf.h"
#include "rp_fetcher.h"
#include "rp_log.h"
#include "rp_metrics.h"
#include "rp_service.h"
#include "rp_signal.h"

#define USAGE "usage: reportpipe-fetcher [OPTIONS] [URL-or-path...]"

static int queue_sources(rp_fetcher *f, const rp_fetch_conf *fc, const rp_conf_result *res)
{
    char err[512];
    for (size_t i = 0; i < res->n_positional; i++)
        if (rp_fetcher_add(f, res->positional[i], NULL) != 0) {
            rp_log_error("out of memory");
            return -1;
        }
    if (*fc->urls_file && rp_fetcher_add_file(f, fc->urls_file, err, sizeof err) < 0) {
        rp_log_error("%s", err);
        return -1;
    }
    return 0;
}

static int serve(const rp_common_conf *c, const rp_fetch_conf *fc, const rp_conf_result *res)
{
    char err[1024];
    if (c->metrics_port > 0 &&
        rp_metrics_start(c->metrics_addr, (int)c->metrics_port, err, sizeof err) != 0) {
        rp_log_error("metrics endpoint: %s", err);
        return 2;
    }
    rp_fetcher *f = rp_fetcher_new(c, fc, &res->kafka, err, sizeof err);
    if (!f) {
        bool stopped = rp_signal_stop_requested(); /* SIGTERM during start-up */
        rp_log(stopped ? RP_LOG_INFO : RP_LOG_ERROR, "%s", stopped ? "stopped during start-up" : err);
        rp_metrics_stop();
        return stopped ? 0 : 2;
    }
    int rc = queue_sources(f, fc, res) == 0 ? rp_fetcher_run(f) : 2;
    rp_fetcher_destroy(f);
    rp_metrics_stop();
    return rc;
}

static int check(const rp_common_conf *c, const rp_fetch_conf *fc, const rp_conf_result *res)
{
    char err[512];
    if (rp_log_init("fetcher", c->log_level) != 0) {
        fprintf(stderr, "reportpipe-fetcher: invalid value '%s' for --log-level\n", c->log_level);
        return -1;
    }
    if (rp_fetch_conf_check(fc, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe-fetcher: %s\n", err);
        return -1;
    }
    if (res->n_positional == 0 && !*fc->urls_file && !fc->consume_sources) {
        fprintf(stderr, "reportpipe-fetcher: no sources: give URLs or paths, --urls-file "
                        "or --consume-sources (see --help)\n");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    rp_fetch_conf fc;
    rp_common_conf c;
    rp_conf_section sections[] = {{"Fetcher", rp_fetch_conf_opts, &fc},
                                  {"Common", rp_common_conf_opts, &c}};
    rp_conf_result res;
    char err[2048];
    if (rp_conf_load(sections, 2, argc, argv, NULL, &res, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe-fetcher: %s\n", err);
        return 2;
    }
    int rc = 2;
    if (res.help_markdown) {
        rp_conf_print_markdown(stdout, "reportpipe-fetcher", sections, 2);
        rc = 0;
    } else if (res.help) {
        rp_conf_print_help(stdout, USAGE, sections, 2);
        rc = 0;
    } else if (check(&c, &fc, &res) == 0) {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        rp_signal_install();
        rp_signal_bound_drain(c.drain_timeout_ms);
        rc = serve(&c, &fc, &res);
        curl_global_cleanup();
    }
    rp_conf_result_clear(&res);
    rp_conf_free(sections, 2);
    return rc;
}
