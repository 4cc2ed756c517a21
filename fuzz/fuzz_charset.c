/* libFuzzer target: charset choice and decoding. Checks that the decoder's
 * output is always well-formed UTF-8 and that a declared UTF-8 decode of
 * valid input is the identity. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rp_charset.h"
#include "rp_textclean.h"
#include "rp_utf8.h"

static const char *const CHARSETS[] = {"UTF-8", "GB18030", "BIG5",
                                       "WINDOWS-1252", "UTF-16LE"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *b = (const char *)data + 1;
    size_t len = size - 1;
    rp_decoded d;
    if (rp_charset_decode(b, len, CHARSETS[data[0] % 5], &d) == 0) {
        if (!rp_utf8_valid(d.text, d.len))
            __builtin_trap();
        if (strcmp(d.charset, "UTF-8") == 0 && rp_utf8_valid(b, len) &&
            (d.len != len || memcmp(d.text, b, len) != 0))
            __builtin_trap();
        free(d.text);
    }
    rp_charset_choice c;
    rp_charset_choose(b, len, (data[0] & 1) ? "text/html; charset=gbk" : NULL,
                      (data[0] & 2) != 0, &c);
    if (rp_charset_decode_auto(b, len, NULL, (data[0] & 2) != 0, &d, &c) == 0) {
        if (!rp_utf8_valid(d.text, d.len))
            __builtin_trap();
        free(d.text);
    }
    rp_clean_result r;
    if (rp_textclean(b, len, RP_CLEAN_ALL, &r) == 0)
        rp_clean_result_release(&r);
    return 0;
}
