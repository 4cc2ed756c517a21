/* rp_hash: SHA-256 (OpenSSL's libcrypto) as lowercase hex, and the stable
 * ids derived from it. */
#ifndef RP_HASH_H
#define RP_HASH_H

#include <stddef.h>

#define RP_SHA256_HEX_LEN 64

/* Writes 64 hex digits and a NUL into out (65 bytes). */
void rp_sha256_hex(const void *data, size_t len, char out[RP_SHA256_HEX_LEN + 1]);

/* Hash of several parts joined by a 0x1f separator, cut to `hexlen` hex
 * digits (<= 64) plus NUL: the stable-id scheme of reportpipe records. */
void rp_stable_id(const char *const *parts, size_t n, size_t hexlen, char *out);

#endif
