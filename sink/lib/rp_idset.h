/* rp_idset: a bounded set of record ids (strings of up to 64 bytes) with
 * first-in first-out eviction: the sink's memory of measure_ids it has
 * already written. Memory is fixed at creation: capacity slots. */
#ifndef RP_IDSET_H
#define RP_IDSET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rp_idset rp_idset;

rp_idset *rp_idset_new(size_t capacity);
void rp_idset_destroy(rp_idset *s);

/* Adds id. Returns true if it was new, false if already present. When the
 * set is full the oldest id is forgotten. */
bool rp_idset_add(rp_idset *s, const char *id, size_t len);
bool rp_idset_contains(const rp_idset *s, const char *id, size_t len);
size_t rp_idset_size(const rp_idset *s);

#endif
