/* rp_textutf8: see rp_textutf8.h. */
#include "rp_textutf8.h"

uint32_t rp_text_prev(const char *s, size_t i, size_t *start)
{
    size_t k = i;
    while (k > 0 && i - k < 4) {
        k--;
        if (((unsigned char)s[k] & 0xC0) != 0x80)
            break;
    }
    size_t j = k;
    uint32_t cp = rp_text_next(s, i, &j);
    if (j != i) {
        k = i - 1;
        cp = 0xFFFD;
    }
    if (start != NULL)
        *start = k;
    return cp;
}

bool rp_cp_is_han(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

bool rp_cp_is_cjk(uint32_t cp)
{
    return rp_cp_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2018 && cp <= 0x201F) ||
           cp == 0x2026 || cp == 0x2014 || cp == 0x00B7;
}

bool rp_cp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0xFEFF;
}

bool rp_cp_ends_sentence(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
           cp == '!' || cp == '?' || cp == ';' || cp == 0x2026;
}
