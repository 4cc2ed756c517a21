#include "rp_hash.h"

#include <openssl/evp.h>
#include <string.h>

static void to_hex(const unsigned char *md, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[2 * n] = 0;
}

void rp_sha256_hex(const void *data, size_t len, char out[RP_SHA256_HEX_LEN + 1])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
    to_hex(md, n, out);
}

void rp_stable_id(const char *const *parts, size_t n, size_t hexlen, char *out)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            EVP_DigestUpdate(ctx, "\x1f", 1);
        EVP_DigestUpdate(ctx, parts[i] ? parts[i] : "", parts[i] ? strlen(parts[i]) : 0);
    }
    EVP_DigestFinal_ex(ctx, md, &mdlen);
    EVP_MD_CTX_free(ctx);
    char full[RP_SHA256_HEX_LEN + 1];
    to_hex(md, mdlen, full);
    if (hexlen > RP_SHA256_HEX_LEN)
        hexlen = RP_SHA256_HEX_LEN;
    memcpy(out, full, hexlen);
    out[hexlen] = 0;
}
