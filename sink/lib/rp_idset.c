#include "rp_idset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define RP_ID_MAX 64

/* Open addressing over 2x capacity buckets holding indexes into a ring of
 * ids; eviction removes the ring's oldest id and re-inserts the cluster that
 * followed it (backward-shift deletion keeps probing correct). */
typedef struct slot {
    uint8_t len;
    char id[RP_ID_MAX];
} slot;

struct rp_idset {
    slot *ring;
    size_t cap, count, oldest;
    uint32_t *buckets;       /* ring index + 1, 0 = empty */
    size_t nbuckets;         /* power of two */
};

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

rp_idset *rp_idset_new(size_t capacity)
{
    if (capacity == 0 || capacity > UINT32_MAX / 4)
        return NULL;
    rp_idset *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cap = capacity;
    s->nbuckets = 1;
    while (s->nbuckets < capacity * 2)
        s->nbuckets <<= 1;
    s->ring = calloc(capacity, sizeof *s->ring);
    s->buckets = calloc(s->nbuckets, sizeof *s->buckets);
    if (!s->ring || !s->buckets) {
        rp_idset_destroy(s);
        return NULL;
    }
    return s;
}

void rp_idset_destroy(rp_idset *s)
{
    if (!s)
        return;
    free(s->ring);
    free(s->buckets);
    free(s);
}

static bool slot_is(const slot *sl, const char *id, size_t len)
{
    return sl->len == len && memcmp(sl->id, id, len) == 0;
}

/* Bucket index holding id, or the empty bucket where it would go. */
static size_t probe(const rp_idset *s, const char *id, size_t len, bool *found)
{
    size_t mask = s->nbuckets - 1;
    size_t b = (size_t)hash(id, len) & mask;
    while (s->buckets[b]) {
        if (slot_is(&s->ring[s->buckets[b] - 1], id, len)) {
            *found = true;
            return b;
        }
        b = (b + 1) & mask;
    }
    *found = false;
    return b;
}

static void remove_bucket(rp_idset *s, size_t b)
{
    size_t mask = s->nbuckets - 1;
    s->buckets[b] = 0;
    for (size_t j = (b + 1) & mask; s->buckets[j]; j = (j + 1) & mask) {
        uint32_t v = s->buckets[j];
        s->buckets[j] = 0;
        const slot *sl = &s->ring[v - 1];
        bool found;
        size_t nb = probe(s, sl->id, sl->len, &found);
        s->buckets[nb] = v;
    }
}

static void evict_oldest(rp_idset *s)
{
    slot *sl = &s->ring[s->oldest];
    bool found;
    size_t b = probe(s, sl->id, sl->len, &found);
    if (found)
        remove_bucket(s, b);
    s->oldest = (s->oldest + 1) % s->cap;
    s->count--;
}

bool rp_idset_add(rp_idset *s, const char *id, size_t len)
{
    if (len > RP_ID_MAX)
        len = RP_ID_MAX;
    bool found;
    probe(s, id, len, &found);
    if (found)
        return false;
    if (s->count == s->cap)
        evict_oldest(s);
    size_t at = (s->oldest + s->count) % s->cap;
    s->ring[at].len = (uint8_t)len;
    memcpy(s->ring[at].id, id, len);
    size_t b = probe(s, id, len, &found);
    s->buckets[b] = (uint32_t)at + 1;
    s->count++;
    return true;
}

bool rp_idset_contains(const rp_idset *s, const char *id, size_t len)
{
    if (len > RP_ID_MAX)
        len = RP_ID_MAX;
    bool found;
    probe(s, id, len, &found);
    return found;
}

size_t rp_idset_size(const rp_idset *s)
{
    return s->count;
}
