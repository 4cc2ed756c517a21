/* rp_textclean_date: rp_find_date(), declared in rp_textclean.h. */
#include "rp_textclean_int.h"

/* Skips one date separator (-, /, ., 年, 月) at s[*i]. */
static bool skip_sep(const char *s, size_t len, size_t *i)
{
    if (*i < len && (s[*i] == '-' || s[*i] == '/' || s[*i] == '.')) {
        (*i)++;
        return true;
    }
    if (*i + 3 <= len && (memcmp(s + *i, "年", 3) == 0 ||
                          memcmp(s + *i, "月", 3) == 0)) {
        *i += 3;
        return true;
    }
    return false;
}

static bool date_at(const char *s, size_t len, size_t i, char *out,
                    size_t outlen)
{
    long y = read_num(s, len, &i, 4);
    if (y < 1900 || y > 2199 || !skip_sep(s, len, &i))
        return false;
    long m = read_num(s, len, &i, 2);
    if (m < 1 || m > 12 || !skip_sep(s, len, &i))
        return false;
    long d = read_num(s, len, &i, 2);
    if (d < 1 || d > 31 || outlen < 11)
        return false;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + (y / 100) % 10);
    out[2] = (char)('0' + (y / 10) % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return true;
}

bool rp_find_date(const char *s, size_t len, char *out, size_t outlen)
{
    for (size_t i = 0; i + 8 <= len; i++) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
            continue;
        if (date_at(s, len, i, out, outlen))
            return true;
    }
    return false;
}
