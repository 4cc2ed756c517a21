/* rp_spawn: the pipeline's services as child processes of `reportpipe run`. */
#ifndef RP_SPAWN_H
#define RP_SPAWN_H

#include <stdbool.h>
#include <sys/types.h>

typedef struct rp_child {
    const char *name;  /* for messages */
    pid_t pid;         /* 0 once reaped */
    int status;        /* wait status once reaped */
} rp_child;

/* Path of a program that sits next to this executable (out: PATH_MAX). */
int rp_spawn_sibling_path(const char *program, char *out, size_t outlen);

/* Starts argv[0] with argv; returns 0 or -1 (errno). */
int rp_spawn(rp_child *c, const char *name, char *const argv[]);

/* Reaps c if it has exited; true when it has. */
bool rp_spawn_exited(rp_child *c);
/* Exit code of an exited child (128+signal when killed). */
int rp_spawn_exit_code(const rp_child *c);
/* SIGTERM, then waits up to timeout_ms, then SIGKILL. */
void rp_spawn_stop(rp_child *c, int timeout_ms);

#endif
