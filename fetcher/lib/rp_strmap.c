#include "rp_strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    struct entry *next;
    void *value;
    uint32_t hash;
    char key[];
} entry;

struct rp_strmap {
    entry **buckets;
    size_t n_buckets;          /* power of two */
    size_t size;
};

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

rp_strmap *rp_strmap_new(void)
{
    rp_strmap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->n_buckets = 64;
    m->buckets = calloc(m->n_buckets, sizeof *m->buckets);
    if (!m->buckets) {
        free(m);
        return NULL;
    }
    return m;
}

void rp_strmap_destroy(rp_strmap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_buckets; i++) {
        entry *e = m->buckets[i];
        while (e) {
            entry *n = e->next;
            free(e);
            e = n;
        }
    }
    free(m->buckets);
    free(m);
}

static entry **find(const rp_strmap *m, const char *key, uint32_t h)
{
    entry **pe = &m->buckets[h & (m->n_buckets - 1)];
    while (*pe && ((*pe)->hash != h || strcmp((*pe)->key, key) != 0))
        pe = &(*pe)->next;
    return pe;
}

void *rp_strmap_get(const rp_strmap *m, const char *key)
{
    entry **pe = find(m, key, hash_str(key));
    return *pe ? (*pe)->value : NULL;
}

static void grow(rp_strmap *m)
{
    size_t n = m->n_buckets * 2;
    entry **nb = calloc(n, sizeof *nb);
    if (!nb)
        return; /* stays correct, only slower */
    for (size_t i = 0; i < m->n_buckets; i++) {
        entry *e = m->buckets[i];
        while (e) {
            entry *next = e->next;
            e->next = nb[e->hash & (n - 1)];
            nb[e->hash & (n - 1)] = e;
            e = next;
        }
    }
    free(m->buckets);
    m->buckets = nb;
    m->n_buckets = n;
}

int rp_strmap_put(rp_strmap *m, const char *key, void *value, void **old)
{
    uint32_t h = hash_str(key);
    entry **pe = find(m, key, h);
    if (old)
        *old = *pe ? (*pe)->value : NULL;
    if (*pe) {
        (*pe)->value = value;
        return 0;
    }
    size_t klen = strlen(key);
    entry *e = malloc(sizeof *e + klen + 1);
    if (!e)
        return -1;
    memcpy(e->key, key, klen + 1);
    e->hash = h;
    e->value = value;
    e->next = NULL;
    *pe = e;
    if (++m->size > m->n_buckets)
        grow(m);
    return 0;
}

void *rp_strmap_remove(rp_strmap *m, const char *key)
{
    entry **pe = find(m, key, hash_str(key));
    entry *e = *pe;
    if (!e)
        return NULL;
    void *v = e->value;
    *pe = e->next;
    free(e);
    m->size--;
    return v;
}

size_t rp_strmap_size(const rp_strmap *m)
{
    return m ? m->size : 0;
}

void rp_strmap_each(const rp_strmap *m, void (*fn)(const char *key, void *value, void *opaque),
                    void *opaque)
{
    for (size_t i = 0; m && i < m->n_buckets; i++)
        for (entry *e = m->buckets[i]; e; e = e->next)
            fn(e->key, e->value, opaque);
}
