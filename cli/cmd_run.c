/* reportpipe run: the whole pipeline (fetcher, parser workers, sink) as
 * separate processes on the embedded broker (or an existing cluster), until
 * every source is processed; analytics rows go to --out or stdout. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rp_broker.h"
#include "rp_cli.h"
#include "rp_collect.h"
#include "rp_log.h"
#include "rp_progress.h"
#include "rp_signal.h"
#include "rp_spawn.h"

#define RP_RUN_MAX_PARSERS 16
#define RP_RUN_BACKLOG "3145728" /* < the embedded broker's ~5 MiB per partition */

typedef struct run_conf {
    char *out;
    char *bootstrap_servers;
    long parsers;
    char *allow_hosts;
    long timeout_s;
    long partitions;
    char *log_level;
    char *service_log_level;
} run_conf;

static const rp_conf_opt run_opts[] = {
    {"out", "RP_RUN_OUT", RP_CONF_STR, "", offsetof(run_conf, out),
     "write analytics rows (JSON lines) here instead of stdout", 0, 0},
    {"bootstrap-servers", "RP_BOOTSTRAP_SERVERS", RP_CONF_STR, "",
     offsetof(run_conf, bootstrap_servers), "use this cluster instead of an embedded broker", 0, 0},
    {"parsers", "RP_RUN_PARSERS", RP_CONF_INT, "2", offsetof(run_conf, parsers),
     "parser worker processes", 1, RP_RUN_MAX_PARSERS},
    {"allow-hosts", "RP_ALLOW_HOSTS", RP_CONF_STR, "", offsetof(run_conf, allow_hosts),
     "host names or CIDR ranges the fetcher may reach although internal", 0, 0},
    {"timeout-s", "RP_RUN_TIMEOUT_S", RP_CONF_INT, "1800", offsetof(run_conf, timeout_s),
     "give up after this many seconds", 1, 86400},
    {"partitions", "RP_PARTITIONS", RP_CONF_INT, "4", offsetof(run_conf, partitions),
     "partitions per topic on the embedded broker", 1, 256},
    {"log-level", "RP_LOG_LEVEL", RP_CONF_STR, "info", offsetof(run_conf, log_level),
     "log level of the run itself", 0, 0},
    {"service-log-level", "RP_SERVICE_LOG_LEVEL", RP_CONF_STR, "warn",
     offsetof(run_conf, service_log_level), "log level of the service processes", 0, 0},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};

typedef struct run_state {
    run_conf rc;
    rp_common_conf c;          /* defaults of the services, bootstrap filled in */
    rp_kafka_props *props;
    char collector_group[64];
    rp_child children[RP_RUN_MAX_PARSERS + 2];
    size_t n_children;
    rp_child *fetcher;
} run_state;

/* argv for a service: program, common flags, extra flags, -X props. */
static int spawn_service(run_state *s, const char *program, const char *name,
                         const char *const *extra, size_t n_extra, char **sources,
                         size_t n_sources)
{
    char path[PATH_MAX];
    if (rp_spawn_sibling_path(program, path, sizeof path) != 0) {
        rp_log_error("cannot find %s next to reportpipe", program);
        return -1;
    }
    size_t cap = 8 + n_extra + 2 * s->props->n + n_sources;
    char **argv = calloc(cap, sizeof *argv);
    char **kv = calloc(s->props->n + 1, sizeof *kv);
    if (!argv || !kv) {
        free(argv);
        free(kv);
        return -1;
    }
    size_t a = 0;
    argv[a++] = path;
    argv[a++] = "--bootstrap-servers";
    argv[a++] = s->c.bootstrap_servers;
    argv[a++] = "--log-level";
    argv[a++] = s->rc.service_log_level;
    for (size_t i = 0; i < n_extra; i++)
        argv[a++] = (char *)extra[i];
    for (size_t i = 0; i < s->props->n; i++) {
        if (asprintf(&kv[i], "-X%s=%s", s->props->keys[i], s->props->values[i]) < 0)
            kv[i] = NULL;
        if (kv[i])
            argv[a++] = kv[i];
    }
    if (n_sources)
        argv[a++] = "--";
    for (size_t i = 0; i < n_sources; i++)
        argv[a++] = sources[i];
    argv[a] = NULL;
    rp_child *ch = &s->children[s->n_children];
    int rc = rp_spawn(ch, name, argv);
    if (rc == 0)
        s->n_children++;
    else
        rp_log_error("cannot start %s: %s", program, strerror(errno));
    for (size_t i = 0; i < s->props->n; i++)
        free(kv[i]);
    free(kv);
    free(argv);
    return rc;
}

static int start_services(run_state *s, char **sources, size_t n_sources)
{
    const char *sink[] = {"--backlog-group", s->collector_group,
                          "--backlog-max-bytes", RP_RUN_BACKLOG};
    if (spawn_service(s, "reportpipe-sink", "sink", sink, 4, NULL, 0))
        return -1;
    const char *parser[] = {"--backlog-group", "reportpipe-sink",
                            "--backlog-max-bytes", RP_RUN_BACKLOG};
    for (long i = 0; i < s->rc.parsers; i++)
        if (spawn_service(s, "reportpipe-parser", "parser", parser, 4, NULL, 0))
            return -1;
    const char *fetch[] = {"--backlog-group", "reportpipe-parser",
                           "--backlog-max-bytes", RP_RUN_BACKLOG,
                           "--allow-files", "--allow-hosts", s->rc.allow_hosts};
    if (spawn_service(s, "reportpipe-fetcher", "fetcher", fetch, 7, sources, n_sources))
        return -1;
    s->fetcher = &s->children[s->n_children - 1];
    return 0;
}

/* A service that died before the end is a failure of the run. */
static bool services_alive(run_state *s)
{
    for (size_t i = 0; i < s->n_children; i++) {
        rp_child *ch = &s->children[i];
        if (ch == s->fetcher || ch->pid == 0)
            continue;
        if (rp_spawn_exited(ch)) {
            rp_log_error("%s exited early with code %d", ch->name, rp_spawn_exit_code(ch));
            return false;
        }
    }
    return true;
}

/* All at once: a worker leaving one by one would make the others rebalance
 * (and retry commits) while they are being stopped anyway. */
static void stop_services(run_state *s)
{
    for (size_t i = 0; i < s->n_children; i++)
        if (!rp_spawn_exited(&s->children[i]))
            kill(s->children[i].pid, SIGTERM);
    for (size_t i = s->n_children; i > 0; i--)
        rp_spawn_stop(&s->children[i - 1], (int)s->c.drain_timeout_ms + 5000);
}

/* Done when the fetcher has finished and every group has committed up to
 * the end of its input topic. */
typedef struct run_watch {
    rp_progress *parsed, *sunk, *rows, *dead;
} run_watch;

static int watch_open(run_state *s, run_watch *w, char *err, size_t errlen)
{
    memset(w, 0, sizeof *w);
    w->parsed = rp_progress_new(&s->c, s->props, "reportpipe-parser", s->c.topic_documents, err, errlen);
    w->sunk = w->parsed ? rp_progress_new(&s->c, s->props, "reportpipe-sink", s->c.topic_measures, err, errlen) : NULL;
    w->rows = w->sunk ? rp_progress_new(&s->c, s->props, s->collector_group, s->c.topic_analytics, err, errlen) : NULL;
    w->dead = w->rows ? rp_progress_new(&s->c, s->props, s->collector_group, s->c.topic_dlq, err, errlen) : NULL;
    return w->dead ? 0 : -1;
}

static void watch_close(run_watch *w)
{
    rp_progress_destroy(w->parsed);
    rp_progress_destroy(w->sunk);
    rp_progress_destroy(w->rows);
    rp_progress_destroy(w->dead);
}

static bool watch_done(run_watch *w)
{
    return rp_progress_caught_up(w->parsed, NULL) && rp_progress_caught_up(w->sunk, NULL) &&
           rp_progress_caught_up(w->rows, NULL) && rp_progress_caught_up(w->dead, NULL);
}

/* The loop: collect rows, watch children, stop when all is processed. */
static int drive(run_state *s, rp_collect *k, run_watch *w)
{
    long long deadline = rp_now_ms() + s->rc.timeout_s * 1000;
    long long next_check = 0;
    while (!rp_signal_stop_requested()) {
        rp_collect_poll(k, 100);
        if (!services_alive(s))
            return 1;
        if (rp_now_ms() > deadline) {
            rp_log_error("run timed out after %ld s", s->rc.timeout_s);
            return 1;
        }
        if (!rp_spawn_exited(s->fetcher) || rp_now_ms() < next_check)
            continue;
        if (rp_spawn_exit_code(s->fetcher) != 0) {
            rp_log_error("fetcher failed with code %d", rp_spawn_exit_code(s->fetcher));
            return 1;
        }
        next_check = rp_now_ms() + 300;
        if (watch_done(w)) {
            rp_collect_poll(k, 0);
            return 0;
        }
    }
    return 1;
}

static int run_pipeline(run_state *s, char **sources, size_t n_sources, FILE *out)
{
    char err[1024];
    long long t0 = rp_now_ms();
    snprintf(s->collector_group, sizeof s->collector_group, "reportpipe-run-%ld", (long)getpid());
    rp_collect *k = rp_collect_new(&s->c, s->props, s->collector_group, out, err, sizeof err);
    run_watch w;
    int rc = 1;
    if (!k || rp_collect_wait_assigned(k, 30000) != 0) {
        rp_log_error("collector: %s", k ? "no partitions assigned" : err);
    } else if (watch_open(s, &w, err, sizeof err) != 0) {
        rp_log_error("%s", err);
    } else {
        if (start_services(s, sources, n_sources) == 0)
            rc = drive(s, k, &w);
        stop_services(s);
        watch_close(&w);
    }
    if (k) {
        fprintf(stderr, "reportpipe run: %zu sources, %zu analytics rows, %zu dead letters, "
                "%.2f s%s\n", n_sources, rp_collect_rows(k), rp_collect_dead_letters(k),
                (double)(rp_now_ms() - t0) / 1000.0, rc == 0 ? "" : " (incomplete)");
        rp_collect_print_reasons(k, stderr);
    }
    rp_collect_destroy(k);
    return rc;
}

static int run_with_broker(run_state *s, char **sources, size_t n_sources, FILE *out)
{
    char err[512];
    rp_broker *b = NULL;
    if (!*s->rc.bootstrap_servers) {
        rp_broker_opts o = {.brokers = 1, .partitions = (int)s->rc.partitions};
        b = rp_broker_start(&s->c, &o, err, sizeof err);
        if (!b) {
            rp_log_error("%s", err);
            return 1;
        }
        free(s->c.bootstrap_servers);
        s->c.bootstrap_servers = strdup(rp_broker_bootstraps(b));
        rp_log_info("embedded broker at %s", s->c.bootstrap_servers);
    } else {
        free(s->c.bootstrap_servers);
        s->c.bootstrap_servers = strdup(s->rc.bootstrap_servers);
    }
    int rc = run_pipeline(s, sources, n_sources, out);
    rp_broker_stop(b);
    return rc;
}

int rp_cmd_run(int argc, char **argv)
{
    run_state s;
    memset(&s, 0, sizeof s);
    rp_conf_section sections[] = {{"Run", run_opts, &s.rc}};
    rp_conf_section common[] = {{"Common", rp_common_conf_opts, &s.c}};
    rp_conf_result res, common_res;
    char err[1024];
    char *no_args[] = {"run", NULL};
    if (rp_conf_load(sections, 1, argc, argv, NULL, &res, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe run: %s\n", err);
        return 2;
    }
    /* The services' own defaults (topic names, drain time) seen from the run. */
    if (rp_conf_load(common, 1, 1, no_args, NULL, &common_res, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe run: %s\n", err);
        rp_conf_result_clear(&res);
        rp_conf_free(sections, 1);
        return 2;
    }
    int rc = 0;
    FILE *out = stdout;
    s.props = &res.kafka;
    if (res.help || res.help_markdown) {
        if (res.help_markdown)
            rp_conf_print_markdown(stdout, "reportpipe run", sections, 1);
        else
            rp_conf_print_help(stdout, "usage: reportpipe run [OPTIONS] SOURCE... "
                               "(URLs or file paths)", sections, 1);
    } else if (res.n_positional == 0) {
        fprintf(stderr, "reportpipe run: no sources given (URLs or file paths)\n");
        rc = 2;
    } else if (rp_log_init("run", s.rc.log_level) != 0) {
        fprintf(stderr, "reportpipe run: invalid --log-level '%s'\n", s.rc.log_level);
        rc = 2;
    } else if (*s.rc.out && !(out = fopen(s.rc.out, "w"))) {
        fprintf(stderr, "reportpipe run: cannot write %s: %s\n", s.rc.out, strerror(errno));
        rc = 2;
    } else {
        rp_signal_install();
        rc = run_with_broker(&s, res.positional, res.n_positional, out);
        if (out != stdout)
            fclose(out);
    }
    rp_conf_result_clear(&common_res);
    rp_conf_free(common, 1);
    rp_conf_result_clear(&res);
    rp_conf_free(sections, 1);
    return rc;
}
