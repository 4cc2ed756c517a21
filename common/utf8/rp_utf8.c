/* rp_utf8: see rp_utf8.h. */
#include "rp_utf8.h"

#include <string.h>

static uint32_t decode_multi(const unsigned char *p, size_t avail, size_t *len)
{
    unsigned char c = p[0];
    size_t need;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2; cp = c & 0x1Fu; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3; cp = c & 0x0Fu; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4; cp = c & 0x07u; min = 0x10000;
    } else {
        return RP_UTF8_BAD;
    }
    if (avail < need)
        return RP_UTF8_BAD;
    for (size_t k = 1; k < need; k++) {
        if ((p[k] & 0xC0) != 0x80)
            return RP_UTF8_BAD;
        cp = (cp << 6) | (p[k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return RP_UTF8_BAD;
    *len = need;
    return cp;
}

uint32_t rp_utf8_decode_multi(const char *s, size_t n, size_t i, size_t *len)
{
    *len = 1;
    return decode_multi((const unsigned char *)s + i, n - i, len);
}

size_t rp_utf8_seq(const unsigned char *s, size_t n)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = 0; /* decode_multi sets it only for a well-formed sequence */
    decode_multi(s, n, &len);
    return len;
}

size_t rp_utf8_invalid_at(const char *b, size_t len)
{
    const unsigned char *s = (const unsigned char *)b;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = rp_utf8_seq(s + i, len - i);
        if (k == 0)
            return i;
        i += k;
    }
    return len;
}

bool rp_utf8_in(const char *set, uint32_t cp)
{
    char buf[5];
    if (cp < 0x80)
        return false;
    buf[rp_utf8_encode(cp, buf)] = '\0';
    return strstr(set, buf) != NULL; /* a lead byte never matches mid-character */
}

size_t rp_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

void rp_cset_add(rp_cset *set, const char *utf8)
{
    size_t n = strlen(utf8), i = 0;
    while (i < n) {
        size_t l;
        uint32_t cp = rp_utf8_decode(utf8, n, i, &l);
        if (cp < 0x10000)
            set->bits[cp >> 3] |= (uint8_t)(1u << (cp & 7));
        i += l;
    }
}
