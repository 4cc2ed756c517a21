/* rp_tbuf: the growable byte buffer the format modules (rp_textclean,
 * rp_html, rp_pdf, rp_document) write their text into.
 *
 * Invariant: after a successful append, p is NUL-terminated at p[len].
 * On allocation failure `failed` is set and later appends do nothing; the
 * owner checks `failed` once at the end. Release with rp_tbuf_free(). */
#ifndef RP_TBUF_H
#define RP_TBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rp_tbuf {
    char *p;
    size_t len;
    size_t cap;
    bool failed;
} rp_tbuf;

void rp_tbuf_append(rp_tbuf *b, const char *s, size_t n);
void rp_tbuf_puts(rp_tbuf *b, const char *s);
void rp_tbuf_putc(rp_tbuf *b, char c);
/* Appends cp as UTF-8; surrogates and values past U+10FFFF become U+FFFD. */
void rp_tbuf_put_cp(rp_tbuf *b, uint32_t cp);
/* Hands over the buffer (never NULL unless failed: returns NULL, frees). */
char *rp_tbuf_take(rp_tbuf *b, size_t *len);
void rp_tbuf_free(rp_tbuf *b);

#endif
