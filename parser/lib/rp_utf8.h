/* rp_utf8: small UTF-8 helpers shared by the extraction modules.
 * All functions are pure and bounds-checked against the given length. */
#ifndef RP_UTF8_H
#define RP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RP_UTF8_BAD 0xFFFDu

/* Decodes the code point at s[i] (i < n). Sets *len to the bytes consumed
 * (>= 1). Invalid or truncated sequences decode as RP_UTF8_BAD, length 1. */
uint32_t rp_utf8_decode(const char *s, size_t n, size_t i, size_t *len);

/* Start of the character that ends just before byte i (i > 0), assuming
 * valid UTF-8 (as rp_normalize produces). Returns 0 at the start. */
size_t rp_utf8_prev(const char *s, size_t i);

/* Code point of the character ending before byte i, 0 when i == 0. */
uint32_t rp_utf8_before(const char *s, size_t n, size_t i);

/* Code point at i, 0 at or past the end. */
uint32_t rp_utf8_at(const char *s, size_t n, size_t i);

/* Writes cp as UTF-8 into out (room for 4 bytes), returns bytes written. */
size_t rp_utf8_encode(uint32_t cp, char *out);

bool rp_utf8_is_han(uint32_t cp);

/* True when s[i..] starts with the NUL-terminated literal lit. */
bool rp_utf8_starts(const char *s, size_t n, size_t i, const char *lit);

/* True when s[..i] ends with lit. */
bool rp_utf8_ends(const char *s, size_t i, const char *lit);

#endif
