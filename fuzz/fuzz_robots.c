/* libFuzzer target: robots.txt parsing and path matching (rp_robots).
 * Input: robots.txt bytes, then after the first NUL byte (if any) the URL
 * paths to check, one a line. Checks that the verdicts are deterministic,
 * that "/robots.txt" is always allowed and that a path and its
 * percent-encoded spelling of unreserved characters get the same verdict. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rp_robots.h"

/* path with every unreserved letter after the first written as %XX. */
static char *encode_letters(const char *p, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(3 * n + 1);
    size_t o = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (i > 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            out[o++] = '%';
            out[o++] = hex[c >> 4];
            out[o++] = hex[c & 15];
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = 0;
    return out;
}

static void check_path(const rp_robots *r, const char *p, size_t n)
{
    char *path = malloc(n + 1);
    if (!path)
        return;
    memcpy(path, p, n);
    path[n] = 0;
    bool a = rp_robots_allowed(r, path);
    if (a != rp_robots_allowed(r, path))
        __builtin_trap();
    /* Only well-formed inputs: a literal '%' could form a new escape. */
    char *enc = strchr(path, '%') ? NULL : encode_letters(path, n);
    if (enc && rp_robots_allowed(r, enc) != a)
        __builtin_trap();
    free(enc);
    free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *nul = memchr(text, 0, size);
    size_t tlen = nul ? (size_t)(nul - text) : size;
    rp_robots *r = rp_robots_parse(text, tlen, "reportpipe");
    if (!r)
        return 0;
    if (!rp_robots_allowed(r, "/robots.txt"))
        __builtin_trap();
    (void)rp_robots_crawl_delay(r);
    (void)rp_robots_rule_count(r);
    const char *p = nul ? nul + 1 : text + size;
    const char *end = text + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (!memchr(p, 0, n))
            check_path(r, p, n);
        p += n + 1;
    }
    rp_robots_free(r);
    return 0;
}
