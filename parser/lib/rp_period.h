/* rp_period: the time a measure refers to (今年以来, 去年, 2022年, 近三年,
 * 换届以来 ...), found at the start of a clause, and its resolution against
 * the document's publication date (今年 + published 2024-09-10 -> 2024年).
 * Pure; writes into caller buffers. */
#ifndef RP_PERIOD_H
#define RP_PERIOD_H

#include <stddef.h>

/* When a time phrase starts at s[i], returns its byte length and copies it
 * (resolved when published, "YYYY-MM-DD", is non-empty) into out[cap];
 * else returns 0. */
size_t rp_period_at(const char *s, size_t n, size_t i, const char *published, char *out,
                    size_t cap);

#endif
