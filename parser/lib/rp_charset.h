/* rp_charset: decide which charset a fetched document is in and decode it to
 * UTF-8.
 *
 * Precedence (rp_charset_choose): the HTTP Content-Type charset, then a byte
 * order mark, then (HTML only) <meta charset> / <meta http-equiv=Content-Type>
 * / <?xml encoding?> within the first RP_CHARSET_META_SCAN bytes, then
 * detection, then UTF-8. A label the decoder does not know is skipped and
 * the next step is tried; so is a Content-Type of ISO-8859-1/US-ASCII when
 * the bytes are not ASCII (a server default nobody set, common on Chinese
 * sites).
 *
 * Detection (rp_charset_detect): well-formed UTF-8 needs none (the default
 * applies); UTF-8 with under 1% broken bytes is UTF-8; otherwise uchardet,
 * whose Chinese answers (GB18030, Big5) are taken as they are; for any other
 * guess a clean GB18030 or Big5 reading wins (reports are Chinese).
 *
 * Labels are folded to the decoder that reads them best: GBK, GB2312, CP936
 * and EUC-CN decode as GB18030 (a superset); Big5 decodes as BIG5, and when
 * plain BIG5 rejects bytes, as BIG5-HKSCS or CP950, whichever rejects fewest;
 * ISO-8859-1 and US-ASCII decode as WINDOWS-1252 (as browsers do).
 *
 * Decoding never fails on bad input: each byte the decoder rejects (an
 * invalid byte, or a byte of a broken or truncated sequence) becomes U+FFFD
 * and is counted. Pure: no I/O, no globals, thread-safe. */
#ifndef RP_CHARSET_H
#define RP_CHARSET_H

#include <stdbool.h>
#include <stddef.h>

#define RP_CHARSET_NAME_MAX 32
#define RP_CHARSET_META_SCAN 8192   /* bytes of HTML searched for <meta> */
#define RP_CHARSET_DETECT_SCAN 65536 /* bytes given to the detector */

typedef enum rp_charset_origin {
    RP_CHARSET_FROM_CONTENT_TYPE = 0,
    RP_CHARSET_FROM_BOM,
    RP_CHARSET_FROM_META,
    RP_CHARSET_DETECTED,
    RP_CHARSET_DEFAULT
} rp_charset_origin;

/* Short stable name: "content-type", "bom", "meta", "detected", "default". */
const char *rp_charset_origin_name(rp_charset_origin o);

typedef struct rp_charset_choice {
    char name[RP_CHARSET_NAME_MAX]; /* decoder name, e.g. "GB18030", "UTF-8" */
    rp_charset_origin origin;
    size_t bom_len;                 /* bytes of BOM to skip (0 when none) */
} rp_charset_choice;

/* Folds a charset label (`len` bytes, case-insensitive, may be quoted) to the
 * decoder name written into out. Returns false (out = "") for labels the
 * decoder cannot read. */
bool rp_charset_normalise(const char *label, size_t len, char *out,
                          size_t outlen);

/* Each step of the precedence on its own; each returns false when it has no
 * answer. `ct` may be NULL. */
bool rp_charset_from_content_type(const char *ct, char *out, size_t outlen);
size_t rp_charset_from_bom(const char *b, size_t len, char *out, size_t outlen);
bool rp_charset_from_meta(const char *b, size_t len, char *out, size_t outlen);
bool rp_charset_detect(const char *b, size_t len, char *out, size_t outlen);

/* Applies the precedence. `is_html` enables the <meta> step. */
void rp_charset_choose(const char *b, size_t len, const char *content_type,
                       bool is_html, rp_charset_choice *out);

typedef struct rp_decoded {
    char *text;        /* UTF-8, NUL-terminated, owned by the caller */
    size_t len;        /* bytes in text, excluding the NUL */
    size_t n_invalid;  /* input sequences replaced by U+FFFD */
    char charset[RP_CHARSET_NAME_MAX]; /* decoder actually used */
} rp_decoded;

/* Decodes b[0..len) from `charset` (a decoder name from the functions above)
 * into out. Returns 0, or -1 only on allocation failure or an unknown
 * charset (then out->text is NULL). Free out->text with free(). */
int rp_charset_decode(const char *b, size_t len, const char *charset,
                      rp_decoded *out);

/* Chooses and decodes in one call. A declared (Content-Type or <meta>)
 * charset is overruled, and `choice` says "detected", when the bytes are
 * well-formed UTF-8 with at least 24 bytes of multi-byte sequences (that
 * does not happen by chance in GBK or Big5), or when it rejects more than a
 * tenth of the input and the detected charset rejects fewer bytes. The BOM
 * is skipped. `choice` may be NULL. */
int rp_charset_decode_auto(const char *b, size_t len, const char *content_type,
                           bool is_html, rp_decoded *out,
                           rp_charset_choice *choice);

#endif
