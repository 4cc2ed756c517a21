/* Test-only stand-in for `reportpipe broker` while the CLI cannot be built:
 * the same embedded broker (rp_broker, librdkafka's mock cluster) as a
 * process. Prints the bootstrap servers on the first stdout line and runs
 * until SIGTERM/SIGINT. Usage: fetch_test_broker [partitions] */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "rp_broker.h"
#include "rp_conf.h"
#include "rp_signal.h"

int main(int argc, char **argv)
{
    rp_common_conf c;
    rp_conf_section s[] = {{"Common", rp_common_conf_opts, &c}};
    rp_conf_result res;
    char err[512];
    char *no_args[] = {argv[0], NULL};
    if (rp_conf_load(s, 1, 1, no_args, NULL, &res, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    long parts = argc > 1 ? strtol(argv[1], NULL, 10) : 4;
    rp_broker_opts o = {.brokers = 1, .partitions = parts > 0 ? (int)parts : 4};
    rp_signal_install();
    rp_broker *b = rp_broker_start(&c, &o, err, sizeof err);
    int rc = 1;
    if (b) {
        printf("%s\n", rp_broker_bootstraps(b));
        fflush(stdout);
        while (!rp_signal_stop_requested())
            usleep(50 * 1000);
        rp_broker_stop(b);
        rc = 0;
    } else {
        fprintf(stderr, "%s\n", err);
    }
    rp_conf_result_clear(&res);
    rp_conf_free(s, 1);
    return rc;
}
