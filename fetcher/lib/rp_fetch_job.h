/* rp_fetch_job: one source on its way to exactly one outcome.
 *
 * A job is created for every source (argument, file line, consumed record,
 * refresh), waits in the scheduler, runs as a transfer (possibly several
 * attempts), then hands its outputs (document and state, or a dead letter,
 * or only the state) to the producer. It is finished when the broker has
 * acknowledged every output; only then is its input offset committable and
 * its outcome counted. Jobs are owned by the fetcher (rp_fetcher) from
 * creation to rp_fetch_job_free. */
#ifndef RP_FETCH_JOB_H
#define RP_FETCH_JOB_H

#include <stdbool.h>

#include "rp_fetch_decide.h"
#include "rp_fetch_sources.h"
#include "rp_offsets.h"
#include "rp_transfer.h"
#include "rp_url.h"

#define RP_ORIGIN_MAX 320

typedef struct rp_fetch_job {
    struct rp_fetch_job *next, *prev; /* the list the job is on */
    char *src;                 /* the source as given: record key */
    rp_url url;                /* kind INVALID / OTHER_SCHEME when refused */
    char url_error[128];       /* why the source was refused */
    char origin[RP_ORIGIN_MAX];/* "scheme://host:port"; "" for files */
    rp_offsets_entry *input;   /* consumed record, NULL for other sources; holds
                                  one guard output until the outcome is handed over */
    char *input_topic;         /* where the consumed record was read: NULL, */
    int32_t input_partition;   /* -1 and -1 for other sources (arguments, */
    int64_t input_offset;      /* files, refreshes) */
    bool is_robots;            /* a robots.txt fetch for origin, no outputs */
    int attempts;
    long long not_before_ms;   /* retry / Retry-After wait */
    long long started_ms;      /* of the current attempt */
    bool conditional;          /* validators sent */
    rp_transfer xfer;          /* valid while running */
    int outputs_pending;       /* handed to the producer, not yet answered */
    bool outputs_done;         /* no more outputs will be added */
    bool output_failed;        /* a delivery failed */
    rp_fetch_verdict verdict;
    char reason[32];           /* FAILED */
} rp_fetch_job;

/* Creates a job for `src` (copied) and classifies it; `in` (copied, NULL
 * for a source not consumed from Kafka) is the consumed record. NULL on
 * ENOMEM. */
rp_fetch_job *rp_fetch_job_new(const char *src, const rp_fetch_input *in);
/* Frees the job and its transfer. Accepts NULL. */
void rp_fetch_job_free(rp_fetch_job *j);

/* A doubly linked list of jobs (FIFO). */
typedef struct rp_job_list {
    rp_fetch_job *head, *tail;
    size_t n;
} rp_job_list;

void rp_job_list_push(rp_job_list *l, rp_fetch_job *j);
void rp_job_list_remove(rp_job_list *l, rp_fetch_job *j);

#endif
