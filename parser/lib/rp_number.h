/* rp_number: the number grammar of report text. Parses one bare number at
 * a position: Arabic (decimals, thousands separators `1,100`) or Chinese
 * numerals (零〇一二两三四五六七八九十百千万亿: 一千二百, 一百零八, 二十六,
 * 万, 六十九点五). Multipliers after an Arabic number (1.2万, 3千, 2.5亿) and the
 * approximation words around it are the caller's (rp_extract) business, via
 * rp_number_multiplier().
 *
 * Pure functions over a UTF-8 buffer; no allocation. */
#ifndef RP_NUMBER_H
#define RP_NUMBER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rp_number {
    double value;
    size_t start, end;    /* byte range in the text */
    bool chinese;         /* written with Chinese numerals */
    bool bare_multiplier; /* only 十/百/千/万/亿, no digit: 百家, 千方百计 */
    bool single_digit;    /* one Chinese digit: 一, 两, 三 ... */
    bool digit_sequence;  /* Chinese digits read one by one: 二〇二三 */
    bool malformed;       /* Chinese run that is not a number: 十四五 */
    int int_digits;       /* Arabic: digits before the decimal point */
    bool has_decimal;
    bool leading_zero;    /* Arabic: 0551 */
} rp_number;

/* True when s[i] starts a number; fills *out. s is n bytes. */
bool rp_number_parse(const char *s, size_t n, size_t i, rp_number *out);

/* True when the code point is a Chinese numeral character. */
bool rp_number_is_cn(unsigned int cp);

/* The value of a Chinese digit 零〇一二两…九 (0-9), or -1 for any other
 * character (multipliers included). */
int rp_number_cn_digit(unsigned int cp);

/* At s[i]: 万/亿/千/百 (also 萬) -> returns its byte length and sets *mul;
 * 0 when no multiplier starts there. */
size_t rp_number_multiplier(const char *s, size_t n, size_t i, double *mul);

#endif
