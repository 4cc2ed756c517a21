/* rp_strmap: a hash map from NUL-terminated strings to pointers.
 *
 * The map copies keys and owns the copies; it does not own the values (the
 * caller frees them, e.g. with rp_strmap_each before rp_strmap_destroy).
 * Not thread-safe. */
#ifndef RP_STRMAP_H
#define RP_STRMAP_H

#include <stddef.h>

typedef struct rp_strmap rp_strmap;

rp_strmap *rp_strmap_new(void);
void rp_strmap_destroy(rp_strmap *m);

/* Value for key, or NULL. */
void *rp_strmap_get(const rp_strmap *m, const char *key);
/* Sets key to value (replacing any previous value, which is returned through
 * *old when old is not NULL). Returns 0 or -1 on ENOMEM (map unchanged). */
int rp_strmap_put(rp_strmap *m, const char *key, void *value, void **old);
/* Removes key; returns its value or NULL. */
void *rp_strmap_remove(rp_strmap *m, const char *key);
size_t rp_strmap_size(const rp_strmap *m);

/* Calls fn for every entry, in no particular order. fn must not change the
 * map. */
void rp_strmap_each(const rp_strmap *m, void (*fn)(const char *key, void *value, void *opaque),
                    void *opaque);

#endif
