/* Sub-commands of the `reportpipe` tool. Each takes the arguments after its
 * name (argv[0] is the sub-command name) and returns the process exit code. */
#ifndef RP_CLI_H
#define RP_CLI_H

int rp_cmd_run(int argc, char **argv);     /* whole pipeline, embedded broker */
int rp_cmd_broker(int argc, char **argv);  /* embedded broker until SIGTERM */
int rp_cmd_extract(int argc, char **argv); /* extraction library alone */
int rp_cmd_eval(int argc, char **argv);    /* score files against gold */

#endif
