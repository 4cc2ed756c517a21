#include "rp_fetch_state.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_strmap.h"

struct rp_fetch_state {
    rp_strmap *map;            /* URL -> entry * */
};

void rp_fetch_memo_clear(rp_fetch_memo *m)
{
    if (!m)
        return;
    free(m->etag);
    free(m->last_modified);
    free(m->fetched_at);
    memset(m, 0, sizeof *m);
}

int rp_fetch_memo_set(rp_fetch_memo *m, const char *etag, const char *last_modified,
                      const char *fetched_at, const char *sha256, long status)
{
    memset(m, 0, sizeof *m);
    m->etag = strdup(etag ? etag : "");
    m->last_modified = strdup(last_modified ? last_modified : "");
    m->fetched_at = strdup(fetched_at ? fetched_at : "");
    snprintf(m->sha256, sizeof m->sha256, "%s", sha256 ? sha256 : "");
    m->status = status;
    if (!m->etag || !m->last_modified || !m->fetched_at) {
        rp_fetch_memo_clear(m);
        return -1;
    }
    return 0;
}

char *rp_fetch_memo_json(const rp_fetch_memo *m)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "etag", m->etag ? m->etag : "");
    cJSON_AddStringToObject(o, "last_modified", m->last_modified ? m->last_modified : "");
    cJSON_AddStringToObject(o, "sha256", m->sha256);
    cJSON_AddStringToObject(o, "fetched_at", m->fetched_at ? m->fetched_at : "");
    cJSON_AddNumberToObject(o, "status", (double)m->status);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

static const char *str_field(const cJSON *o, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    return cJSON_IsString(v) ? v->valuestring : "";
}

int rp_fetch_memo_parse(const char *json, size_t len, rp_fetch_memo *m)
{
    memset(m, 0, sizeof *m);
    cJSON *o = cJSON_ParseWithLength(json, len);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return -1;
    }
    const char *sha = str_field(o, "sha256");
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(o, "status");
    int rc = -1;
    if (strlen(sha) == 0 || strlen(sha) == RP_SHA256_HEX_LEN)
        rc = rp_fetch_memo_set(m, str_field(o, "etag"), str_field(o, "last_modified"),
                               str_field(o, "fetched_at"), sha,
                               cJSON_IsNumber(st) ? (long)st->valuedouble : 0);
    cJSON_Delete(o);
    return rc;
}

/* A URL's entry: the memo, or until first asked for, the JSON it was loaded
 * from. Start-up only stores the records it reads (a fetcher may load
 * millions and fetch few of them); a record is parsed when its URL is
 * fetched. */
typedef struct entry {
    rp_fetch_memo memo;
    char *raw;                 /* unparsed JSON or NULL */
    size_t raw_len;
    bool bad;                  /* raw did not parse: as if absent */
} entry;

rp_fetch_state *rp_fetch_state_new(void)
{
    rp_fetch_state *s = calloc(1, sizeof *s);
    if (s && !(s->map = rp_strmap_new())) {
        free(s);
        return NULL;
    }
    return s;
}

static void free_entry(const char *key, void *value, void *opaque)
{
    (void)key;
    (void)opaque;
    entry *e = value;
    if (!e)
        return;
    rp_fetch_memo_clear(&e->memo);
    free(e->raw);
    free(e);
}

void rp_fetch_state_destroy(rp_fetch_state *s)
{
    if (!s)
        return;
    rp_strmap_each(s->map, free_entry, NULL);
    rp_strmap_destroy(s->map);
    free(s);
}

const rp_fetch_memo *rp_fetch_state_get(const rp_fetch_state *s, const char *url)
{
    entry *e = s ? rp_strmap_get(s->map, url) : NULL;
    if (!e)
        return NULL;
    if (e->raw) {
        e->bad = rp_fetch_memo_parse(e->raw, e->raw_len, &e->memo) != 0;
        free(e->raw);
        e->raw = NULL;
    }
    return e->bad ? NULL : &e->memo;
}

static entry *replace(rp_fetch_state *s, const char *url)
{
    entry *e = calloc(1, sizeof *e);
    void *old = NULL;
    if (!e || rp_strmap_put(s->map, url, e, &old) != 0) {
        free(e);
        return NULL;
    }
    free_entry(url, old, NULL);
    return e;
}

int rp_fetch_state_put(rp_fetch_state *s, const char *url, rp_fetch_memo *m)
{
    entry *e = replace(s, url);
    if (!e)
        return -1;
    e->memo = *m;
    memset(m, 0, sizeof *m);
    return 0;
}

int rp_fetch_state_put_json(rp_fetch_state *s, const char *url, const char *json, size_t len)
{
    char *raw = malloc(len + 1);
    if (!raw)
        return -1;
    memcpy(raw, json, len);
    raw[len] = 0;
    entry *e = replace(s, url);
    if (!e) {
        free(raw);
        return -1;
    }
    e->raw = raw;
    e->raw_len = len;
    return 0;
}

void rp_fetch_state_remove(rp_fetch_state *s, const char *url)
{
    free_entry(url, rp_strmap_remove(s->map, url), NULL);
}

size_t rp_fetch_state_size(const rp_fetch_state *s)
{
    return s ? rp_strmap_size(s->map) : 0;
}
