/* rp_textclean: see rp_textclean.h. The driver: runs the passes of
 * rp_textclean_*.c (rp_textclean_int.h) in order and collects the result. */
#include "rp_textclean_int.h"

static char *or_empty(char *s)
{
    return s != NULL ? s : dup_n("", 0);
}

void rp_clean_result_release(rp_clean_result *r)
{
    if (r == NULL)
        return;
    free(r->text);
    free(r->title);
    free(r->published);
    free(r->source);
    memset(r, 0, sizeof *r);
}

static size_t count_dropped(const struct lines *L)
{
    size_t c = 0;
    for (size_t k = 0; k < L->n; k++)
        c += (L->v[k].flags & LINE_DROP) && L->v[k].len > 0;
    return c;
}

static void fill_meta(rp_clean_result *out, struct meta *m)
{
    out->title = or_empty(m->title);
    out->published = or_empty(m->published);
    if (m->source == NULL) {
        m->source = m->credit_source ? m->credit_source : m->footer_source;
        if (m->source == m->credit_source)
            m->credit_source = NULL;
        else
            m->footer_source = NULL;
    }
    out->source = or_empty(m->source);
    free(m->credit_source);
    free(m->footer_source);
}

int rp_textclean(const char *text, size_t len, unsigned flags,
                 rp_clean_result *out)
{
    memset(out, 0, sizeof *out);
    struct lines L = {0};
    struct meta m = {0};
    rp_clean_split_lines(text, len, &L);
    size_t pages = 1;
    if (flags & (RP_CLEAN_FURNITURE | RP_CLEAN_DUMP))
        rp_clean_mark_furniture(&L, &pages);
    if (flags & RP_CLEAN_DUMP)
        rp_clean_mark_page_titles(&L);
    out->pages = pages;
    size_t dropped = 0;
    if (flags & RP_CLEAN_DUMP) {
        dropped = count_dropped(&L); /* deinterleave leaves them behind */
        if (rp_clean_deinterleave(&L, &out->pages_two_col) != 0)
            L.failed = true;
    }
    /* running titles go before tables are read: one may fall between the
     * rows of a table a page break cut */
    if (flags & RP_CLEAN_FURNITURE)
        rp_clean_mark_repeated(&L, pages);
    if ((flags & RP_CLEAN_TABLES) &&
        rp_clean_render_text_tables(&L, &out->tables) != 0)
        L.failed = true;
    if (flags & RP_CLEAN_BOILERPLATE)
        rp_clean_strip_boilerplate(&L, &m, true);
    dropped += count_dropped(&L);
    bool join = (flags & RP_CLEAN_DUMP) &&
                (out->pages_two_col > 0 || rp_clean_looks_wrapped(&L));
    rp_tbuf buf = {0};
    rp_clean_emit_lines(&L, join, &buf);
    while (buf.len > 0 && buf.p[buf.len - 1] == '\n')
        buf.p[--buf.len] = '\0';
    out->text = rp_tbuf_take(&buf, &out->len);
    out->lines_dropped = dropped;
    out->joined_wraps = join;
    fill_meta(out, &m);
    bool failed = L.failed || L.arena.failed || out->text == NULL ||
                  out->title == NULL || out->published == NULL ||
                  out->source == NULL;
    rp_clean_lines_free(&L);
    if (failed) {
        rp_clean_result_release(out);
        return -1;
    }
    return 0;
}
