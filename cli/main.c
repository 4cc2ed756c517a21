/* reportpipe: the tool a person runs. Dispatches to one sub-command. */
#include <stdio.h>
#include <string.h>

#include "rp_cli.h"

typedef struct rp_subcommand {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *help;
} rp_subcommand;

static const rp_subcommand subcommands[] = {
    {"run", rp_cmd_run, "run the whole pipeline over URLs and files, print analytics rows"},
    {"extract", rp_cmd_extract, "run the extraction library on files, print measures"},
    {"eval", rp_cmd_eval, "score extraction against gold files (ANNOTATION.md)"},
    {"broker", rp_cmd_broker, "run an embedded Kafka broker (mock cluster) on loopback"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: reportpipe COMMAND [ARGS]   (reportpipe COMMAND --help)\n\ncommands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        fprintf(f, "  %-8s %s\n", subcommands[i].name, subcommands[i].help);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("reportpipe %s\n", RP_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (strcmp(argv[1], subcommands[i].name) == 0)
            return subcommands[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "reportpipe: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
