/* rp_textclean_lines: the line store the clean-up passes work on, and the
 * split of the input into lines. See rp_textclean_int.h. */
#include "rp_textclean_int.h"

void rp_clean_lines_free(struct lines *L)
{
    rp_tbuf_free(&L->arena);
    free(L->v);
    memset(L, 0, sizeof *L);
}

void rp_clean_lines_add(struct lines *L, const char *s, size_t n,
                        unsigned flags)
{
    if (L->n == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 64;
        struct span *v = realloc(L->v, cap * sizeof *v);
        if (v == NULL) {
            L->failed = true;
            return;
        }
        L->v = v;
        L->cap = cap;
    }
    size_t off = L->arena.len;
    rp_tbuf_append(&L->arena, s, n);
    rp_tbuf_putc(&L->arena, '\0');
    L->v[L->n++] = (struct span){off, n, flags};
}

void rp_clean_split_lines(const char *t, size_t len, struct lines *L)
{
    rp_tbuf cur = {0};
    unsigned flags = LINE_PAGE_START;
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = rp_text_next(t, len, &i);
        if (cp == '\r' && i < len && t[i] == '\n')
            continue;
        if (cp == '\n' || cp == '\r' || cp == '\f') {
            rp_clean_lines_add(L, cur.p ? cur.p : "", cur.len, flags);
            cur.len = 0;
            flags = cp == '\f' ? LINE_PAGE_START : 0; /* tab flags are per line */
            continue;
        }
        if (cp == '\t') {
            flags |= LINE_TABBED | (cur.len == 0 ? LINE_LEAD_TAB : 0);
            rp_tbuf_append(&cur, "    ", 4);
        }
        else if (cp == 0x3000)
            rp_tbuf_append(&cur, "  ", 2); /* as wide as a character: keeps
                                               hand-aligned columns aligned */
        else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A))
            rp_tbuf_putc(&cur, ' ');
        else if (cp < 0x20 || cp == 0x7F || cp == 0x200B || cp == 0xFEFF ||
                 cp == 0x200C || cp == 0x200D)
            continue;
        else
            rp_tbuf_append(&cur, t + at, i - at);
    }
    if (cur.len > 0)
        rp_clean_lines_add(L, cur.p, cur.len, flags);
    if (cur.failed)
        L->failed = true;
    rp_tbuf_free(&cur);
}
