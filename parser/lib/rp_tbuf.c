/* rp_tbuf: see rp_tbuf.h. */
#include "rp_tbuf.h"

#include <stdlib.h>
#include <string.h>

static bool tbuf_grow(rp_tbuf *b, size_t more)
{
    if (b->failed)
        return false;
    if (b->cap - b->len > more)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap - b->len <= more)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void rp_tbuf_append(rp_tbuf *b, const char *s, size_t n)
{
    if (!tbuf_grow(b, n))
        return;
    if (n > 0)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void rp_tbuf_puts(rp_tbuf *b, const char *s)
{
    rp_tbuf_append(b, s, strlen(s));
}

void rp_tbuf_putc(rp_tbuf *b, char c)
{
    rp_tbuf_append(b, &c, 1);
}

void rp_tbuf_put_cp(rp_tbuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    rp_tbuf_append(b, u, n);
}

char *rp_tbuf_take(rp_tbuf *b, size_t *len)
{
    if (b->failed) {
        rp_tbuf_free(b);
        return NULL;
    }
    if (b->p == NULL)
        rp_tbuf_append(b, "", 0);
    char *p = b->p;
    if (len != NULL)
        *len = b->len;
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

void rp_tbuf_free(rp_tbuf *b)
{
    if (b == NULL)
        return;
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}
