#include "rp_fetch_job.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rp_fetch_job *rp_fetch_job_new(const char *src, const rp_fetch_input *in)
{
    rp_fetch_job *j = calloc(1, sizeof *j);
    if (!j || !(j->src = strdup(src)) ||
        (in && in->topic && !(j->input_topic = strdup(in->topic)))) {
        rp_fetch_job_free(j);
        return NULL;
    }
    j->input = in ? in->entry : NULL;
    j->input_partition = in ? in->partition : -1;
    j->input_offset = in ? in->offset : -1;
    if (rp_url_parse(src, &j->url, j->url_error, sizeof j->url_error) == 0 &&
        j->url.kind == RP_URL_HTTP && rp_url_origin(&j->url, j->origin, sizeof j->origin) != 0) {
        rp_url_clear(&j->url);
        snprintf(j->url_error, sizeof j->url_error, "URL too long");
    }
    return j;
}

void rp_fetch_job_free(rp_fetch_job *j)
{
    if (!j)
        return;
    rp_transfer_cleanup(&j->xfer);
    rp_url_clear(&j->url);
    free(j->src);
    free(j->input_topic);
    free(j);
}

void rp_job_list_push(rp_job_list *l, rp_fetch_job *j)
{
    j->next = NULL;
    j->prev = l->tail;
    if (l->tail)
        l->tail->next = j;
    else
        l->head = j;
    l->tail = j;
    l->n++;
}

void rp_job_list_remove(rp_job_list *l, rp_fetch_job *j)
{
    if (j->prev)
        j->prev->next = j->next;
    else
        l->head = j->next;
    if (j->next)
        j->next->prev = j->prev;
    else
        l->tail = j->prev;
    j->next = j->prev = NULL;
    l->n--;
}
