/* reportpipe broker: the embedded broker as a process. Prints the bootstrap
 * servers as the first line on stdout and runs until SIGTERM/SIGINT.
 * SIGUSR1 takes every broker down, SIGUSR2 brings them back (fault tests). */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

#include "rp_broker.h"
#include "rp_cli.h"
#include "rp_log.h"
#include "rp_signal.h"

typedef struct broker_conf {
    long brokers;
    long partitions;
} broker_conf;

static const rp_conf_opt broker_opts[] = {
    {"brokers", "RP_BROKERS", RP_CONF_INT, "1", offsetof(broker_conf, brokers),
     "number of brokers in the embedded cluster", 1, 9},
    {"partitions", "RP_PARTITIONS", RP_CONF_INT, "4", offsetof(broker_conf, partitions),
     "partitions of each pipeline topic", 1, 256},
    {NULL, NULL, 0, NULL, 0, NULL, 0, 0},
};

static atomic_int wanted_down = -1; /* -1 no change, 1 down, 0 up */

static void on_usr(int sig)
{
    atomic_store(&wanted_down, sig == SIGUSR1 ? 1 : 0);
}

int rp_cmd_broker(int argc, char **argv)
{
    broker_conf bc;
    rp_common_conf c;
    rp_conf_section sections[] = {{"Broker", broker_opts, &bc}, {"Common", rp_common_conf_opts, &c}};
    rp_conf_result res;
    char err[1024];
    if (rp_conf_load(sections, 2, argc, argv, NULL, &res, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe broker: %s\n", err);
        return 2;
    }
    int rc = 0;
    if (res.help || res.help_markdown) {
        if (res.help_markdown)
            rp_conf_print_markdown(stdout, "reportpipe broker", sections, 2);
        else
            rp_conf_print_help(stdout, "usage: reportpipe broker [OPTIONS]", sections, 2);
        goto out;
    }
    rp_log_init("broker", c.log_level);
    rp_signal_install();
    signal(SIGUSR1, on_usr);
    signal(SIGUSR2, on_usr);
    rp_broker_opts o = {.brokers = (int)bc.brokers, .partitions = (int)bc.partitions};
    rp_broker *b = rp_broker_start(&c, &o, err, sizeof err);
    if (!b) {
        rp_log_error("%s", err);
        rc = 1;
        goto out;
    }
    printf("%s\n", rp_broker_bootstraps(b));
    fflush(stdout);
    rp_log_info("embedded broker up at %s", rp_broker_bootstraps(b));
    while (!rp_signal_stop_requested()) {
        int d = atomic_exchange(&wanted_down, -1);
        if (d >= 0) {
            rp_broker_set_down(b, d == 1);
            rp_log_info("brokers %s", d == 1 ? "down" : "up");
        }
        usleep(50 * 1000);
    }
    rp_broker_stop(b);
out:
    rp_conf_result_clear(&res);
    rp_conf_free(sections, 2);
    return rc;
}
