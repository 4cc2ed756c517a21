#include "rp_spawn.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rp_signal.h"

extern char **environ;

int rp_spawn_sibling_path(const char *program, char *out, size_t outlen)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return -1;
    self[n] = 0;
    int w = snprintf(out, outlen, "%s/%s", dirname(self), program);
    return w > 0 && (size_t)w < outlen && access(out, X_OK) == 0 ? 0 : -1;
}

int rp_spawn(rp_child *c, const char *name, char *const argv[])
{
    c->name = name;
    c->status = 0;
    int rc = posix_spawn(&c->pid, argv[0], NULL, NULL, argv, environ);
    if (rc != 0) {
        c->pid = 0;
        errno = rc;
        return -1;
    }
    return 0;
}

bool rp_spawn_exited(rp_child *c)
{
    if (c->pid == 0)
        return true;
    pid_t r = waitpid(c->pid, &c->status, WNOHANG);
    if (r == c->pid) {
        c->pid = 0;
        return true;
    }
    return false;
}

int rp_spawn_exit_code(const rp_child *c)
{
    if (WIFEXITED(c->status))
        return WEXITSTATUS(c->status);
    if (WIFSIGNALED(c->status))
        return 128 + WTERMSIG(c->status);
    return -1;
}

void rp_spawn_stop(rp_child *c, int timeout_ms)
{
    if (rp_spawn_exited(c))
        return;
    kill(c->pid, SIGTERM);
    long long deadline = rp_now_ms() + timeout_ms;
    while (rp_now_ms() < deadline) {
        if (rp_spawn_exited(c))
            return;
        usleep(20 * 1000);
    }
    kill(c->pid, SIGKILL);
    waitpid(c->pid, &c->status, 0);
    c->pid = 0;
}
