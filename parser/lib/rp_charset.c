#include "rp_charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#include "rp_utf8.h"

const char *rp_charset_origin_name(rp_charset_origin o)
{
    switch (o) {
    case RP_CHARSET_FROM_CONTENT_TYPE: return "content-type";
    case RP_CHARSET_FROM_BOM: return "bom";
    case RP_CHARSET_FROM_META: return "meta";
    case RP_CHARSET_DETECTED: return "detected";
    case RP_CHARSET_DEFAULT: return "default";
    }
    return "unknown";
}

static void set_name(char *out, size_t outlen, const char *name)
{
    if (outlen == 0)
        return;
    size_t n = strlen(name);
    if (n >= outlen)
        n = outlen - 1;
    memcpy(out, name, n);
    out[n] = '\0';
}

struct alias {
    const char *label;
    const char *decoder;
};

/* Labels whose decoder differs from their name. */
static const struct alias ALIASES[] = {
    {"utf-8", "UTF-8"},        {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"gbk", "GB18030"},        {"gb2312", "GB18030"},
    {"gb_2312", "GB18030"},    {"gb_2312-80", "GB18030"},
    {"x-gbk", "GB18030"},      {"cp936", "GB18030"},
    {"ms936", "GB18030"},      {"windows-936", "GB18030"},
    {"euc-cn", "GB18030"},     {"csgb2312", "GB18030"},
    {"chinese", "GB18030"},    {"gb18030", "GB18030"},
    {"iso-ir-58", "GB18030"},
    {"big5", "BIG5"},          {"big-5", "BIG5"},
    {"cn-big5", "BIG5"},       {"x-x-big5", "BIG5"},
    {"csbig5", "BIG5"},        {"big5-hkscs", "BIG5-HKSCS"},
    {"cp950", "CP950"},        {"windows-950", "CP950"},
    {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"},   {"ascii", "WINDOWS-1252"},
    {"utf-16le", "UTF-16LE"},  {"utf-16be", "UTF-16BE"},
    {"utf-16", "UTF-16"},
};

static bool decoder_exists(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return false;
    iconv_close(cd);
    return true;
}

bool rp_charset_normalise(const char *label, size_t len, char *out,
                          size_t outlen)
{
    char buf[RP_CHARSET_NAME_MAX];
    size_t n = 0;
    set_name(out, outlen, "");
    while (len > 0 && (*label == '"' || *label == '\'' || *label == ' ')) {
        label++;
        len--;
    }
    while (len > 0 && (label[len - 1] == '"' || label[len - 1] == '\'' ||
                       label[len - 1] == ' ' || label[len - 1] == ';'))
        len--;
    if (len == 0 || len >= sizeof buf)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = label[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.' || c == ':';
        if (!ok)
            return false;
        buf[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof ALIASES / sizeof ALIASES[0]; i++) {
        if (strcmp(buf, ALIASES[i].label) == 0) {
            set_name(out, outlen, ALIASES[i].decoder);
            return true;
        }
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = (buf[i] >= 'a' && buf[i] <= 'z') ? (char)(buf[i] - 'a' + 'A')
                                                  : buf[i];
    if (!decoder_exists(buf))
        return false;
    set_name(out, outlen, buf);
    return true;
}

/* Finds `charset=` in s[0..len) and normalises the value after it. */
static bool charset_param(const char *s, size_t len, char *out, size_t outlen)
{
    static const char key[] = "charset";
    const size_t klen = sizeof key - 1;
    for (size_t i = 0; i + klen < len; i++) {
        if (strncasecmp(s + i, key, klen) != 0)
            continue;
        size_t j = i + klen;
        while (j < len && s[j] == ' ')
            j++;
        if (j >= len || s[j] != '=')
            continue;
        j++;
        while (j < len && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = j;
        while (k < len && s[k] != '"' && s[k] != '\'' && s[k] != ';' &&
               s[k] != ' ' && s[k] != '>' && s[k] != '/' && s[k] != ',')
            k++;
        if (rp_charset_normalise(s + j, k - j, out, outlen))
            return true;
    }
    return false;
}

bool rp_charset_from_content_type(const char *ct, char *out, size_t outlen)
{
    set_name(out, outlen, "");
    if (ct == NULL)
        return false;
    return charset_param(ct, strlen(ct), out, outlen);
}

size_t rp_charset_from_bom(const char *b, size_t len, char *out, size_t outlen)
{
    const unsigned char *u = (const unsigned char *)b;
    set_name(out, outlen, "");
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        set_name(out, outlen, "UTF-8");
        return 3;
    }
    if (len >= 4 && u[0] == 0x84 && u[1] == 0x31 && u[2] == 0x95 &&
        u[3] == 0x33) {
        set_name(out, outlen, "GB18030");
        return 4;
    }
    if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
        set_name(out, outlen, "UTF-16LE");
        return 2;
    }
    if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
        set_name(out, outlen, "UTF-16BE");
        return 2;
    }
    return 0;
}

static const char *find_ci(const char *s, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++) {
        if (strncasecmp(s + i, needle, n) == 0)
            return s + i;
    }
    return NULL;
}

/* `<?xml version="1.0" encoding="gbk"?>` at the start of XHTML. */
static bool from_xml_prolog(const char *b, size_t len, char *out,
                            size_t outlen)
{
    if (len < 5 || strncmp(b, "<?xml", 5) != 0)
        return false;
    const char *end = find_ci(b, len, "?>");
    const char *enc = find_ci(b, end ? (size_t)(end - b) : len, "encoding");
    if (enc == NULL)
        return false;
    const char *v = enc + 8;
    const char *stop = end ? end : b + len;
    while (v < stop && (*v == ' ' || *v == '='))
        v++;
    const char *e = v;
    if (e < stop && (*e == '"' || *e == '\''))
        e++;
    while (e < stop && *e != '"' && *e != '\'' && *e != ' ' && *e != '?')
        e++;
    return rp_charset_normalise(v, (size_t)(e - v), out, outlen);
}

bool rp_charset_from_meta(const char *b, size_t len, char *out, size_t outlen)
{
    set_name(out, outlen, "");
    if (len > RP_CHARSET_META_SCAN)
        len = RP_CHARSET_META_SCAN;
    if (from_xml_prolog(b, len, out, outlen))
        return true;
    const char *end = b + len;
    const char *p = b;
    while (p < end) {
        const char *m = find_ci(p, (size_t)(end - p), "<meta");
        if (m == NULL)
            return false;
        const char *close = memchr(m, '>', (size_t)(end - m));
        if (close == NULL)
            close = end;
        if (charset_param(m, (size_t)(close - m), out, outlen))
            return true;
        p = close;
    }
    return false;
}

static size_t count_invalid(const char *b, size_t len, const char *cs)
{
    rp_decoded d;
    if (rp_charset_decode(b, len, cs, &d) != 0)
        return SIZE_MAX;
    free(d.text);
    return d.n_invalid;
}

/* Reports are Chinese: when the detector gives a Western single-byte guess
 * but the bytes read cleanly as GB18030 or Big5, trust the CJK reading. */
static bool cjk_fallback(const char *b, size_t len, char *out, size_t outlen)
{
    static const char *const cands[] = {"GB18030", "BIG5-HKSCS"};
    for (size_t i = 0; i < 2; i++) {
        if (count_invalid(b, len, cands[i]) == 0) {
            set_name(out, outlen, i == 0 ? "GB18030" : "BIG5");
            return true;
        }
    }
    return false;
}

static bool is_chinese_or_unicode(const char *name)
{
    return strcmp(name, "GB18030") == 0 || strncmp(name, "BIG5", 4) == 0 ||
           strcmp(name, "CP950") == 0 || strncmp(name, "UTF-", 4) == 0;
}

/* Bytes of ill-formed UTF-8 and bytes of well-formed multi-byte sequences. */
static void utf8_census(const char *b, size_t len, size_t *bad, size_t *good)
{
    const unsigned char *s = (const unsigned char *)b;
    *bad = *good = 0;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = rp_utf8_seq(s + i, len - i);
        if (k == 0) {
            (*bad)++;
            i++;
        } else {
            *good += k;
            i += k;
        }
    }
}

/* uchardet's answer, folded; "" when it has none or it cannot be read. */
static void uchardet_guess(const char *b, size_t len, char *out, size_t outlen)
{
    set_name(out, outlen, "");
    uchardet_t ud = uchardet_new();
    if (ud == NULL)
        return;
    if (uchardet_handle_data(ud, b, len) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        if (name == NULL || !rp_charset_normalise(name, strlen(name), out, outlen))
            set_name(out, outlen, "");
    }
    uchardet_delete(ud);
}

/* Backs len off a multi-byte sequence cut by the scan limit. */
static size_t whole_chars(const char *b, size_t len)
{
    size_t k = len;
    while (k > 0 && len - k < 3 && ((unsigned char)b[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0 && (unsigned char)b[k - 1] >= 0xC0)
        return k - 1;
    return len;
}

bool rp_charset_detect(const char *b, size_t len, char *out, size_t outlen)
{
    set_name(out, outlen, "");
    if (len > RP_CHARSET_DETECT_SCAN)
        len = whole_chars(b, RP_CHARSET_DETECT_SCAN);
    if (len == 0)
        return false;
    size_t bad, good;
    utf8_census(b, len, &bad, &good);
    if (bad == 0)
        return false; /* plain ASCII or UTF-8: the UTF-8 default is right */
    if (bad * 100 <= good) {
        set_name(out, outlen, "UTF-8"); /* UTF-8 with a few broken bytes */
        return true;
    }
    /* Reports are Chinese: Chinese charsets from the detector are taken as
     * they are; for any other guess (Korean, Japanese, Western single-byte,
     * which it gives for short Chinese texts) clean GB18030 or Big5 wins. */
    char guess[RP_CHARSET_NAME_MAX];
    uchardet_guess(b, len, guess, sizeof guess);
    if (guess[0] != '\0' && is_chinese_or_unicode(guess)) {
        set_name(out, outlen, guess);
        return true;
    }
    if (cjk_fallback(b, len, out, outlen))
        return true;
    if (guess[0] != '\0') {
        set_name(out, outlen, guess);
        return true;
    }
    return false;
}

/* Servers send `charset=ISO-8859-1` as a default they never checked; for
 * bytes that are not ASCII such a header is ignored. */
static bool has_high_bytes(const char *b, size_t len)
{
    size_t n = len < RP_CHARSET_DETECT_SCAN ? len : RP_CHARSET_DETECT_SCAN;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)b[i] >= 0x80)
            return true;
    return false;
}

void rp_charset_choose(const char *b, size_t len, const char *content_type,
                       bool is_html, rp_charset_choice *out)
{
    memset(out, 0, sizeof *out);
    size_t bom = rp_charset_from_bom(b, len, out->name, sizeof out->name);
    if (rp_charset_from_content_type(content_type, out->name,
                                     sizeof out->name) &&
        !(strcmp(out->name, "WINDOWS-1252") == 0 && has_high_bytes(b, len))) {
        out->origin = RP_CHARSET_FROM_CONTENT_TYPE;
        char bomname[RP_CHARSET_NAME_MAX];
        if (rp_charset_from_bom(b, len, bomname, sizeof bomname) > 0 &&
            strcmp(bomname, out->name) == 0)
            out->bom_len = bom;
        return;
    }
    if (bom > 0) {
        rp_charset_from_bom(b, len, out->name, sizeof out->name);
        out->origin = RP_CHARSET_FROM_BOM;
        out->bom_len = bom;
        return;
    }
    if (is_html && rp_charset_from_meta(b, len, out->name, sizeof out->name)) {
        out->origin = RP_CHARSET_FROM_META;
        return;
    }
    if (rp_charset_detect(b, len, out->name, sizeof out->name)) {
        out->origin = RP_CHARSET_DETECTED;
        return;
    }
    set_name(out->name, sizeof out->name, "UTF-8");
    out->origin = RP_CHARSET_DEFAULT;
}

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/* UTF-8 to UTF-8 with each byte of an ill-formed or truncated sequence
 * replaced by one U+FFFD (simple and bounded: output <= 3 * input). */
static int decode_utf8(const char *b, size_t len, rp_decoded *out)
{
    const unsigned char *s = (const unsigned char *)b;
    char *t = malloc(len * 3 + 1);
    if (t == NULL)
        return -1;
    size_t o = 0;
    size_t i = 0;
    while (i < len) {
        size_t k = s[i] < 0x80 ? 1 : rp_utf8_seq(s + i, len - i);
        if (k == 0) {
            memcpy(t + o, REPLACEMENT, 3);
            o += 3;
            out->n_invalid++;
            i++;
            continue;
        }
        memcpy(t + o, s + i, k);
        o += k;
        i += k;
    }
    t[o] = '\0';
    out->text = t;
    out->len = o;
    return 0;
}

struct outbuf {
    char *p;
    size_t cap;
    size_t len;
};

static int outbuf_reserve(struct outbuf *ob, size_t more)
{
    if (ob->cap - ob->len > more)
        return 0;
    size_t cap = ob->cap * 2 + more + 16;
    char *p = realloc(ob->p, cap);
    if (p == NULL)
        return -1;
    ob->p = p;
    ob->cap = cap;
    return 0;
}

/* One iconv pass; every rejected or truncated byte costs one U+FFFD. */
static int decode_iconv(const char *b, size_t len, const char *cs,
                        rp_decoded *out)
{
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1)
        return -1;
    struct outbuf ob = {NULL, 0, 0};
    int rc = outbuf_reserve(&ob, len + len / 2 + 16);
    char *in = (char *)b;
    size_t inleft = len;
    while (rc == 0 && inleft > 0) {
        char *o = ob.p + ob.len;
        size_t oleft = ob.cap - ob.len - 1;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        ob.len = (size_t)(o - ob.p);
        int e = errno;
        if (r != (size_t)-1) {
            if (inleft == 0)
                break;
            e = EINVAL; /* stopped short on a truncated tail */
        }
        if (e == E2BIG) {
            rc = outbuf_reserve(&ob, inleft * 2 + 16);
        } else {
            /* EILSEQ or EINVAL (truncated tail): replace one byte, go on. */
            rc = outbuf_reserve(&ob, 4);
            if (rc == 0) {
                memcpy(ob.p + ob.len, REPLACEMENT, 3);
                ob.len += 3;
                out->n_invalid++;
                in++;
                inleft--;
                iconv(cd, NULL, NULL, NULL, NULL);
            }
        }
    }
    iconv_close(cd);
    if (rc != 0) {
        free(ob.p);
        return -1;
    }
    ob.p[ob.len] = '\0';
    out->text = ob.p;
    out->len = ob.len;
    return 0;
}

static bool is_big5_family(const char *cs)
{
    return strcmp(cs, "BIG5") == 0 || strcmp(cs, "BIG5-HKSCS") == 0 ||
           strcmp(cs, "CP950") == 0;
}

/* Plain BIG5 first; if it rejects bytes, the extended tables may not. */
static int decode_big5(const char *b, size_t len, rp_decoded *out)
{
    static const char *const order[] = {"BIG5", "BIG5-HKSCS", "CP950"};
    rp_decoded best = {0};
    bool have = false;
    for (size_t i = 0; i < 3; i++) {
        rp_decoded d = {0};
        if (decode_iconv(b, len, order[i], &d) != 0)
            continue;
        set_name(d.charset, sizeof d.charset, order[i]);
        if (!have || d.n_invalid < best.n_invalid) {
            free(best.text);
            best = d;
            have = true;
        } else {
            free(d.text);
        }
        if (best.n_invalid == 0)
            break;
    }
    if (!have)
        return -1;
    *out = best;
    return 0;
}

int rp_charset_decode(const char *b, size_t len, const char *charset,
                      rp_decoded *out)
{
    memset(out, 0, sizeof *out);
    const char *cs = (charset == NULL || *charset == '\0') ? "UTF-8" : charset;
    int rc;
    if (strcmp(cs, "UTF-8") == 0)
        rc = decode_utf8(b, len, out);
    else if (is_big5_family(cs))
        return decode_big5(b, len, out);
    else
        rc = decode_iconv(b, len, cs, out);
    if (rc == 0)
        set_name(out->charset, sizeof out->charset, cs);
    return rc;
}

/* Long runs of well-formed multi-byte UTF-8 do not happen by chance in
 * GBK or Big5 text: a page declared otherwise but valid UTF-8 is UTF-8. */
static bool surely_utf8(const char *b, size_t len)
{
    size_t n = len < RP_CHARSET_DETECT_SCAN ? len
                                            : whole_chars(b, RP_CHARSET_DETECT_SCAN);
    size_t bad, good;
    utf8_census(b, n, &bad, &good);
    return bad == 0 && good >= 24;
}

/* Replaces *out by a decode with `cs`, recorded as detected. */
static int redecode(const char *b, size_t len, const char *cs, rp_decoded *out,
                    rp_charset_choice *choice)
{
    rp_decoded alt;
    if (rp_charset_decode(b, len, cs, &alt) != 0)
        return 0; /* keep the first decode */
    free(out->text);
    *out = alt;
    if (choice != NULL) {
        set_name(choice->name, sizeof choice->name, cs);
        choice->origin = RP_CHARSET_DETECTED;
    }
    return 0;
}

int rp_charset_decode_auto(const char *b, size_t len, const char *content_type,
                           bool is_html, rp_decoded *out,
                           rp_charset_choice *choice)
{
    rp_charset_choice c;
    rp_charset_choose(b, len, content_type, is_html, &c);
    if (choice != NULL)
        *choice = c;
    const char *body = b + c.bom_len;
    size_t blen = len - c.bom_len;
    if (rp_charset_decode(body, blen, c.name, out) != 0 &&
        rp_charset_decode(body, blen, "UTF-8", out) != 0)
        return -1;
    bool declared = c.origin == RP_CHARSET_FROM_CONTENT_TYPE ||
                    c.origin == RP_CHARSET_FROM_META;
    if (declared && strcmp(c.name, "UTF-8") != 0 && surely_utf8(body, blen))
        return redecode(body, blen, "UTF-8", out, choice);
    if (!declared || out->n_invalid * 10 <= blen)
        return 0;
    char det[RP_CHARSET_NAME_MAX];
    if (!rp_charset_detect(body, blen, det, sizeof det) ||
        strcmp(det, c.name) == 0)
        return 0;
    if (count_invalid(body, blen, det) < out->n_invalid)
        return redecode(body, blen, det, out, choice);
    return 0;
}
