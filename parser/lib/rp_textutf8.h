/* rp_textutf8: UTF-8 stepping and code-point classes for the format modules
 * (rp_textclean, rp_html, rp_pdf, rp_document), which read text that may
 * still hold ill-formed bytes. The extraction core reads normalised text and
 * uses rp_utf8 instead. Pure. */
#ifndef RP_TEXTUTF8_H
#define RP_TEXTUTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[*i] (len bytes total), advancing *i; ill-formed
 * bytes give U+FFFD and advance by one. Inline: the clean-up passes call it
 * once per code point. */
static inline uint32_t rp_text_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t left = len - *i;
    unsigned c = u[0];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || n > left || c > 0xF4) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x3F >> (n - 1));
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[k] & 0x3F);
    }
    *i += n;
    return cp;
}

/* Code point ending just before s[i] (i > 0), with its start in *start. */
uint32_t rp_text_prev(const char *s, size_t i, size_t *start);
bool rp_cp_is_han(uint32_t cp);
/* Han or CJK/full-width punctuation: text that is joined without spaces. */
bool rp_cp_is_cjk(uint32_t cp);
/* Space-like: ASCII blanks, NBSP, ideographic space, zero-width spaces. */
bool rp_cp_is_space(uint32_t cp);
/* Sentence-final: 。!?;!?; and the ellipsis. */
bool rp_cp_ends_sentence(uint32_t cp);

#endif
