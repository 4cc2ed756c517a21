/* rp_utf8: small UTF-8 helpers shared by the extraction modules, the charset
 * decoder and the sink's record validation. All functions are pure and
 * bounds-checked against the given length; no dependencies. */
#ifndef RP_UTF8_H
#define RP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define RP_UTF8_BAD 0xFFFDu

/* Multi-byte part of rp_utf8_decode. */
uint32_t rp_utf8_decode_multi(const char *s, size_t n, size_t i, size_t *len);

/* The code point of a 3-byte sequence at p, its bytes not checked: for
 * loops that checked the lead byte and know the text is valid UTF-8. */
static inline uint32_t rp_utf8_cp3(const unsigned char *p)
{
    return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3Fu);
}

/* Decodes the code point at s[i] (i < n). Sets *len to the bytes consumed
 * (>= 1). Invalid or truncated sequences decode as RP_UTF8_BAD, length 1. */
static inline uint32_t rp_utf8_decode(const char *s, size_t n, size_t i, size_t *len)
{
    const unsigned char *p = (const unsigned char *)s + i;
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    /* the common CJK case and full-width forms (E1-EC, EE-EF: no overlong
     * or surrogate forms) */
    if ((unsigned)(p[0] - 0xE1) <= 0xEF - 0xE1 && p[0] != 0xED && n - i >= 3 &&
        ((p[1] ^ 0x80) | (p[2] ^ 0x80)) < 0x40) { /* both continuation bytes */
        *len = 3;
        return rp_utf8_cp3(p);
    }
    return rp_utf8_decode_multi(s, n, i, len);
}

/* First occurrence of needle (nl > 0 bytes) in h[0..hl), or NULL: cheaper
 * than memmem on CJK text, whose characters' last bytes seldom repeat. */
static inline const char *rp_utf8_find(const char *h, size_t hl, const char *needle, size_t nl)
{
    if (nl == 0 || hl < nl)
        return NULL;
    /* memchr for the needle's last byte: the lead bytes of CJK text are
     * nearly all alike, a character's last byte seldom matches */
    const char last = needle[nl - 1];
    const char *p = h + nl - 1, *end = h + hl;
    while ((p = memchr(p, last, (size_t)(end - p))) != NULL) {
        const char *at = p - (nl - 1);
        if (memcmp(at, needle, nl - 1) == 0)
            return at;
        p++;
    }
    return NULL;
}

/* Length of the well-formed sequence at s[0..n) (1..4; n >= 1), or 0 when it
 * is ill-formed or truncated (RFC 3629: no overlongs, no surrogates, nothing
 * past U+10FFFF). */
size_t rp_utf8_seq(const unsigned char *s, size_t n);

/* Offset of the first byte that does not start a well-formed sequence, or
 * len when all of b[0..len) is well-formed. */
size_t rp_utf8_invalid_at(const char *b, size_t len);

/* True when b[0..len) is well-formed UTF-8. */
static inline bool rp_utf8_valid(const char *b, size_t len)
{
    return rp_utf8_invalid_at(b, len) == len;
}

/* Start of the character that ends just before byte i (i > 0), assuming
 * valid UTF-8 (as rp_normalize produces). Returns 0 at the start. */
static inline size_t rp_utf8_prev(const char *s, size_t i)
{
    size_t k = 0;
    while (i > 0 && k < 4) {
        i--;
        k++;
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return i;
    }
    return i;
}

/* Code point of the character ending before byte i, 0 when i == 0. */
static inline uint32_t rp_utf8_before(const char *s, size_t n, size_t i)
{
    size_t len;
    return i == 0 ? 0 : rp_utf8_decode(s, n, rp_utf8_prev(s, i), &len);
}

/* Code point at i, 0 at or past the end. */
static inline uint32_t rp_utf8_at(const char *s, size_t n, size_t i)
{
    size_t len;
    return i >= n ? 0 : rp_utf8_decode(s, n, i, &len);
}

/* Writes cp as UTF-8 into out (room for 4 bytes), returns bytes written. */
size_t rp_utf8_encode(uint32_t cp, char *out);

/* True when the non-ASCII code point cp is one of the characters of the
 * UTF-8 string set (`"每第这那"`); ASCII and NUL never are. */
bool rp_utf8_in(const char *set, uint32_t cp);

static inline bool rp_utf8_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF) ||
           cp == 0x3007;
}

/* A bullet or pictograph that decorates a line's start (📍 ● ▶ ★ ✅ ◆ …):
 * emoji, arrows, geometric shapes, dingbats, and their joiners. */
static inline bool rp_utf8_is_bullet(uint32_t cp)
{
    if (cp < 0xB7 || (cp >= 0x2C00 && cp < 0xFE0F))
        return false; /* ASCII, and the CJK range: the common cases first */
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2190 && cp <= 0x21FF) ||
           (cp >= 0x25A0 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
           cp == 0xFE0F || cp == 0x200D || cp == 0x2022 || cp == 0x00B7;
}

/* True when s[i..] starts with the NUL-terminated literal lit. Inline so
 * that strlen and memcmp of a literal fold at compile time. */
static inline bool rp_utf8_starts(const char *s, size_t n, size_t i, const char *lit)
{
    if (i > n)
        return false;
#if defined(__GNUC__)
    if (!__builtin_constant_p(strlen(lit))) {
        /* a word of a list: compare as we go, no strlen first; most
         * words differ at their second or third byte */
        const char *p = s + i;
        size_t m = n - i, k = 0;
        for (; lit[k] != '\0'; k++)
            if (k >= m || p[k] != lit[k])
                return false;
        return true;
    }
#endif
    size_t l = strlen(lit);
    /* The last byte first: UTF-8 lead bytes of CJK text are nearly all
     * alike, the last byte of a character seldom is. */
    if (n - i < l)
        return false;
    return l == 0 || (s[i + l - 1] == lit[l - 1] && memcmp(s + i, lit, l - 1) == 0);
}

/* True when s[..i] ends with lit. */
static inline bool rp_utf8_ends(const char *s, size_t i, const char *lit)
{
    size_t l = strlen(lit);
    if (i < l)
        return false;
    return l == 0 || (s[i - 1] == lit[l - 1] && memcmp(s + i - l, lit, l - 1) == 0);
}


/* A set of BMP code points (8 KB bitmap), for the hot character-class tests
 * of the grammar. Fill once (e.g. under pthread_once), then read from any
 * thread. */
typedef struct rp_cset {
    uint8_t bits[0x10000 / 8];
} rp_cset;

/* Adds every code point of the UTF-8 string to the set. */
void rp_cset_add(rp_cset *set, const char *utf8);

static inline bool rp_cset_has(const rp_cset *set, uint32_t cp)
{
    return cp < 0x10000 && ((set->bits[cp >> 3] >> (cp & 7)) & 1u);
}

#endif
