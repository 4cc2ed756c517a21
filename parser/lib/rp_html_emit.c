/* rp_html_emit: the walk that writes a page's text. Block elements end
 * lines, inline elements never split text (`<span>1260</span>名` stays
 * `1260名`), whitespace runs collapse to one blank (none where the source
 * merely broke a line between two CJK characters), <br> breaks the line,
 * link-dense blocks are dropped and data tables are written as sentences
 * (rp_html_table.c). See rp_html_int.h. */
#include "rp_html_int.h"

static uint32_t last_cp(const rp_tbuf *b)
{
    return b->len ? rp_text_prev(b->p, b->len, NULL) : '\n';
}

/* Writes a pending blank before the code point cp, unless at a line start
 * or between two CJK characters the source merely broke a line between. */
static void flush_space(struct emit *e, uint32_t cp)
{
    if (!e->space)
        return;
    uint32_t prev = last_cp(&e->out);
    bool join_cjk = e->space_nl && rp_cp_is_cjk(prev) && rp_cp_is_cjk(cp);
    if (prev != '\n' && prev != ' ' && !join_cjk)
        rp_tbuf_putc(&e->out, ' ');
    e->space = e->space_nl = false;
}

void rp_html_emit_text(struct emit *e, const char *s, size_t len)
{
    size_t i = 0, run = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = rp_text_next(s, len, &i);
        bool blank = rp_cp_is_space(cp) || cp < 0x20;
        if (!blank) {
            if (e->space)
                flush_space(e, cp);
            continue;
        }
        rp_tbuf_append(&e->out, s + run, at - run);
        run = i;
        e->space = true;
        e->space_nl = e->space_nl || cp == '\n' || cp == '\r';
    }
    rp_tbuf_append(&e->out, s + run, len - run);
}

static void emit_children(struct emit *e, xmlNode *node)
{
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content != NULL)
            rp_html_emit_text(e, (const char *)c->content,
                              strlen((const char *)c->content));
        else if (c->type == XML_ELEMENT_NODE)
            rp_html_emit_element(e, c);
    }
}

void rp_html_emit_element(struct emit *e, xmlNode *c)
{
    const struct stats *st = stats_of(e->w, c);
    if (st == NULL)
        return; /* skipped or hidden */
    if (is_el(c, "br")) {
        emit_newline(e);
        return;
    }
    if (st->block && is_link_dense(st)) {
        e->dropped++;
        emit_newline(e);
        return;
    }
    if (st->block)
        emit_newline(e);
    if (!(is_el(c, "table") && rp_html_emit_table(e, c)))
        emit_children(e, c);
    if (st->block)
        emit_newline(e);
}

char *rp_html_flat_text(const struct walk *w, xmlNode *n)
{
    struct emit e = {.w = w};
    emit_children(&e, n);
    for (size_t i = 0; i < e.out.len; i++)
        if (e.out.p[i] == '\n')
            e.out.p[i] = ' ';
    char *t = rp_tbuf_take(&e.out, NULL);
    if (t == NULL)
        return NULL;
    size_t n0 = strlen(t), a = 0;
    while (a < n0 && t[a] == ' ')
        a++;
    while (n0 > a && t[n0 - 1] == ' ')
        n0--;
    memmove(t, t + a, n0 - a);
    t[n0 - a] = '\0';
    return t;
}
