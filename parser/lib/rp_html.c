#include "rp_html.h"

#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "rp_textclean.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_COLS 64
#define MAX_ROWS 20000

/* ---- element classes --------------------------------------------------- */

static bool name_in(const xmlChar *name, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp((const char *)name, set[i]) == 0)
            return true;
    return false;
}

static bool is_skipped(const xmlChar *name)
{
    static const char *const skip[] = {
        "script", "style", "noscript", "nav", "header", "footer", "aside",
        "form", "iframe", "select", "button", "textarea", "template", "svg",
        "object", "embed", "head", "map", "canvas", "audio", "video", "input",
    };
    return name_in(name, skip, ARRAY_LEN(skip));
}

static bool is_block(const xmlChar *name)
{
    static const char *const block[] = {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th",
        "table", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6", "section", "article", "main", "blockquote", "pre", "hr",
        "address", "figure", "figcaption", "center", "body", "html", "title",
        "fieldset", "legend", "details", "summary", "menu", "dir",
    };
    return name_in(name, block, ARRAY_LEN(block));
}

static bool is_hidden(xmlNode *n)
{
    if (xmlHasProp(n, BAD_CAST "hidden") != NULL)
        return true;
    xmlChar *style = xmlGetProp(n, BAD_CAST "style");
    if (style == NULL)
        return false;
    char compact[256];
    size_t k = 0;
    for (const xmlChar *p = style; *p != '\0' && k + 1 < sizeof compact; p++)
        if (*p != ' ')
            compact[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    compact[k] = '\0';
    xmlFree(style);
    return strstr(compact, "display:none") != NULL ||
           strstr(compact, "visibility:hidden") != NULL;
}

static bool is_el(xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* ---- link density ------------------------------------------------------ */

struct stats {
    size_t text;  /* non-space code points */
    size_t link;  /* of which inside <a> */
    size_t links; /* <a> elements with text */
    bool content; /* this block or one inside it is article-like: enough
                   * text of its own and not link-dense */
    bool block;   /* a block element: ends a line */
};

#define CONTENT_MIN 30 /* code points of non-link text */

static bool dense(const struct stats *s)
{
    if (s->links == 0 || s->text == 0)
        return false;
    if (s->link * 2 >= s->text)
        return true;
    return s->links >= 3 && s->link * 10 >= s->text * 3;
}

struct walk {
    struct stats *st; /* indexed by (uintptr_t)node->_private - 1 */
    size_t n;
    size_t cap;
    bool failed;
};

static size_t count_text(const xmlChar *s)
{
    size_t len = strlen((const char *)s), i = 0, c = 0;
    while (i < len)
        c += !rp_cp_is_space(rp_text_next((const char *)s, len, &i));
    return c;
}

/* Where measure() is in the tree. */
enum { IN_LINK = 1, IN_ARTICLE = 2 };

/* <header>/<footer> are page chrome, except inside <article> or <main>
 * where they hold the article's own title, date and credits. */
static bool left_out(xmlNode *c, unsigned ctx)
{
    if ((ctx & IN_ARTICLE) && (is_el(c, "header") || is_el(c, "footer")))
        return is_hidden(c);
    return is_skipped(c->name) || is_hidden(c);
}

/* Counts text and link text under every element left in (bottom-up) and
 * hangs the counts on node->_private; elements left out get none. */
static struct stats measure(struct walk *w, xmlNode *node, unsigned ctx)
{
    struct stats s = {0, 0, 0, false, is_block(node->name)};
    if (is_el(node, "article") || is_el(node, "main"))
        ctx |= IN_ARTICLE;
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            size_t t = c->content ? count_text(c->content) : 0;
            s.text += t;
            s.link += (ctx & IN_LINK) ? t : 0;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || left_out(c, ctx))
            continue;
        bool link = is_el(c, "a") && xmlHasProp(c, BAD_CAST "href") != NULL;
        struct stats cs = measure(w, c, ctx | (link ? IN_LINK : 0));
        s.text += cs.text;
        s.link += cs.link;
        s.links += cs.links + (link && cs.text > 0);
        s.content = s.content || cs.content;
    }
    s.content = s.content || (s.block && !dense(&s) &&
                              s.text - s.link >= CONTENT_MIN);
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        struct stats *p = realloc(w->st, cap * sizeof *p);
        if (p == NULL) {
            w->failed = true;
            node->_private = NULL;
            return s;
        }
        w->st = p;
        w->cap = cap;
    }
    w->st[w->n++] = s;
    node->_private = (void *)(uintptr_t)w->n;
    return s;
}

/* Stats of an element measured by measure(); NULL for elements it left out
 * (skipped or hidden, and everything inside them). */
static const struct stats *stats_of(const struct walk *w, xmlNode *n)
{
    uintptr_t k = (uintptr_t)n->_private;
    return (k == 0 || k > w->n) ? NULL : &w->st[k - 1];
}

/* Menus, sidebars, pagers: blocks whose text is mostly link text and that
 * hold no article-like block (a page wrapper around a short article and a
 * long menu is link-dense too, but is walked into, not dropped). */
static bool is_link_dense(const struct stats *s)
{
    return dense(s) && !s->content;
}

/* ---- text emitter ------------------------------------------------------ */

struct emit {
    rp_tbuf out;
    bool space;     /* whitespace pending */
    bool space_nl;  /* ... and it held a line break */
    size_t dropped;
    size_t tables;
    const struct walk *w;
};

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

/* Appends text with whitespace runs collapsed; runs of other characters are
 * copied in one piece. */
static void emit_text(struct emit *e, const char *s, size_t len)
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

static void emit_newline(struct emit *e)
{
    while (e->out.len > 0 && e->out.p[e->out.len - 1] == ' ')
        e->out.p[--e->out.len] = '\0';
    if (e->out.len > 0 && e->out.p[e->out.len - 1] != '\n')
        rp_tbuf_putc(&e->out, '\n');
    e->space = e->space_nl = false;
}

static void emit_children(struct emit *e, xmlNode *node);
static bool emit_table(struct emit *e, xmlNode *table);

static void emit_element(struct emit *e, xmlNode *c)
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
    if (!(is_el(c, "table") && emit_table(e, c)))
        emit_children(e, c);
    if (st->block)
        emit_newline(e);
}

static void emit_children(struct emit *e, xmlNode *node)
{
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content != NULL)
            emit_text(e, (const char *)c->content,
                      strlen((const char *)c->content));
        else if (c->type == XML_ELEMENT_NODE)
            emit_element(e, c);
    }
}

/* ---- tables ------------------------------------------------------------ */

struct cell {
    char *text;   /* one line, owned */
    bool header;  /* <th> or in <thead> */
    bool copy;    /* filled from a colspan/rowspan neighbour */
};

struct grid {
    struct cell *c; /* rows x MAX_COLS */
    size_t rows;
    size_t cols;
    size_t cap_rows;
    char *caption;
};

static void grid_free(struct grid *g)
{
    for (size_t i = 0; i < g->rows * MAX_COLS; i++)
        free(g->c[i].text);
    free(g->c);
    free(g->caption);
}

static struct cell *at(struct grid *g, size_t r, size_t c)
{
    return &g->c[r * MAX_COLS + c];
}

/* Text of a subtree on one line. */
static char *flat_text(const struct walk *w, xmlNode *n)
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

static long span_attr(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (v == NULL)
        return 1;
    char *end = NULL;
    long x = strtol((const char *)v, &end, 10);
    xmlFree(v);
    return (x < 1 || x > MAX_COLS) ? 1 : x;
}

static bool grid_add_row(struct grid *g)
{
    if (g->rows >= MAX_ROWS)
        return false;
    if (g->rows == g->cap_rows) {
        size_t cap = g->cap_rows ? g->cap_rows * 2 : 16;
        struct cell *p = realloc(g->c, cap * MAX_COLS * sizeof *p);
        if (p == NULL)
            return false;
        memset(p + g->cap_rows * MAX_COLS, 0,
               (cap - g->cap_rows) * MAX_COLS * sizeof *p);
        g->c = p;
        g->cap_rows = cap;
    }
    g->rows++;
    return true;
}

/* Places one <td>/<th>, filling its colspan/rowspan area with copies. */
static void grid_put(struct grid *g, const struct walk *w, xmlNode *td,
                     size_t *col, bool in_head, long pending[MAX_COLS])
{
    size_t r = g->rows - 1;
    while (*col < MAX_COLS && at(g, r, *col)->text != NULL)
        (*col)++;
    if (*col >= MAX_COLS)
        return;
    long cs = span_attr(td, "colspan"), rs = span_attr(td, "rowspan");
    char *text = flat_text(w, td);
    if (text == NULL)
        return;
    bool head = in_head || is_el(td, "th");
    for (long k = 0; k < cs && *col + (size_t)k < MAX_COLS; k++) {
        struct cell *c = at(g, r, *col + (size_t)k);
        if (k > 0 && c->text != NULL)
            break; /* overlaps a cell carried down by a rowspan: that one wins */
        c->text = k == 0 ? text : strdup(text);
        c->header = head;
        c->copy = k > 0;
        pending[*col + (size_t)k] = rs - 1;
    }
    *col += (size_t)cs;
    if (*col > g->cols)
        g->cols = *col > MAX_COLS ? MAX_COLS : *col;
}

/* Carries cells with a rowspan down into the new row r. */
static void grid_carry(struct grid *g, long pending[MAX_COLS])
{
    size_t r = g->rows - 1;
    if (r == 0)
        return;
    for (size_t c = 0; c < MAX_COLS; c++) {
        if (pending[c] <= 0)
            continue;
        struct cell *up = at(g, r - 1, c);
        struct cell *dn = at(g, r, c);
        dn->text = strdup(up->text ? up->text : "");
        dn->header = up->header;
        dn->copy = true;
        pending[c]--;
    }
}

static void grid_rows(struct grid *g, const struct walk *w, xmlNode *parent,
                      bool in_head, long pending[MAX_COLS])
{
    for (xmlNode *n = parent->children; n != NULL; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || is_hidden(n))
            continue;
        if (is_el(n, "thead") || is_el(n, "tbody") || is_el(n, "tfoot")) {
            grid_rows(g, w, n, in_head || is_el(n, "thead"), pending);
        } else if (is_el(n, "caption") && g->caption == NULL) {
            g->caption = flat_text(w, n);
        } else if (is_el(n, "tr")) {
            if (!grid_add_row(g))
                return;
            grid_carry(g, pending);
            size_t col = 0;
            for (xmlNode *td = n->children; td != NULL; td = td->next)
                if (is_el(td, "td") || is_el(td, "th"))
                    grid_put(g, w, td, &col, in_head, pending);
        }
    }
}

static bool has_nested_table(xmlNode *n)
{
    for (xmlNode *c = n->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, "table") || has_nested_table(c))
            return true;
    }
    return false;
}

/* A number, optionally with separators, a decimal part and a short unit:
 * `1260`, `1,260`, `95.5%`, `12.5万元`, `1260人`. Sets *unit_at to the byte
 * where the unit starts (== len when none). */
static bool numeric_cell(const char *s, size_t len, size_t *unit_at)
{
    size_t i = 0, digits = 0;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') ||
                       (s[i] == ',' && digits > 0))) {
        digits += s[i] != ',';
        i++;
    }
    if (digits == 0)
        return false;
    if (i + 1 < len && s[i] == '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    while (i < len && s[i] == ' ')
        i++;
    *unit_at = i;
    size_t j = i, cps = 0;
    while (j < len) {
        uint32_t cp = rp_text_next(s, len, &j);
        bool ok = rp_cp_is_han(cp) || cp == '%' || cp == 0x2030 ||
                  (cp < 0x80 && ((cp | 32) >= 'a' && (cp | 32) <= 'z'));
        if (!ok || ++cps > 4)
            return false;
    }
    return true;
}

/* `2023年`, `2024年度`: a year names a column, it counts nothing. */
static bool is_year(const char *s, size_t len, size_t unit_at)
{
    if (unit_at != 4 || len < 7 || memcmp(s + 4, "年", 3) != 0)
        return false;
    long y = 0;
    for (size_t i = 0; i < 4; i++)
        y = y * 10 + (s[i] - '0');
    return y >= 1900 && y <= 2199;
}

static bool is_num(const char *s)
{
    size_t u;
    return s != NULL && numeric_cell(s, strlen(s), &u) &&
           !is_year(s, strlen(s), u);
}

static bool is_index_header(const char *h)
{
    static const char *const idx[] = {"序号", "编号", "序", "No.", "NO.",
                                      "No", "NO", "#", "排名", "名次"};
    if (h == NULL)
        return false;
    for (size_t i = 0; i < ARRAY_LEN(idx); i++)
        if (strcmp(h, idx[i]) == 0)
            return true;
    return false;
}

/* Splits `培训人数(人次)` into core `培训人数` and unit `人次` (both
 * written NUL-terminated into the given buffers). */
static void header_unit(const char *h, char *core, size_t corelen,
                        char *unit, size_t unitlen)
{
    size_t n = strlen(h);
    const char *open = NULL;
    size_t olen = 0;
    for (size_t i = 0; i < n; i++) {
        if (h[i] == '(') {
            open = h + i;
            olen = 1;
        } else if (i + 3 <= n && memcmp(h + i, "\xEF\xBC\x88", 3) == 0) {
            open = h + i;
            olen = 3;
        }
    }
    size_t cl = open ? (size_t)(open - h) : n;
    snprintf(core, corelen, "%.*s", (int)cl, h);
    unit[0] = '\0';
    if (open == NULL)
        return;
    const char *u = open + olen;
    size_t ul = (size_t)(h + n - u);
    if (ul >= 1 && u[ul - 1] == ')')
        ul--;
    else if (ul >= 3 && memcmp(u + ul - 3, "\xEF\xBC\x89", 3) == 0)
        ul -= 3;
    if (ul >= 6 && memcmp(u, "单位", 6) == 0) {
        u += 6, ul -= 6;
        if (ul >= 1 && *u == ':')
            u++, ul--;
        else if (ul >= 3 && memcmp(u, "\xEF\xBC\x9A", 3) == 0)
            u += 3, ul -= 3;
    }
    snprintf(unit, unitlen, "%.*s", (int)ul, u);
}

/* `单位:人次` in the caption or a note row gives the table's unit. */
static void table_unit(const char *s, char *unit, size_t unitlen)
{
    if (s == NULL)
        return;
    const char *p = strstr(s, "单位");
    if (p == NULL)
        return;
    p += strlen("单位");
    if (*p == ':')
        p++;
    else if (strncmp(p, "\xEF\xBC\x9A", 3) == 0)
        p += 3;
    else
        return;
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (p[n] != '\0' && p[n] != ' ' && p[n] != ')' && p[n] != ';' &&
           strncmp(p + n, "\xEF\xBC\x89", 3) != 0)
        n++;
    snprintf(unit, unitlen, "%.*s", (int)n, p);
}

static bool row_has_number(struct grid *g, size_t r)
{
    for (size_t c = 0; c < g->cols; c++)
        if (!at(g, r, c)->copy && is_num(at(g, r, c)->text))
            return true;
    return false;
}

struct layout {
    size_t head_rows;
    bool index_col[MAX_COLS];
    bool label_col[MAX_COLS];
    char header[MAX_COLS][256];
    char unit[64]; /* table-wide unit, "" */
};

static void layout_headers(struct grid *g, struct layout *L)
{
    size_t r = 0;
    while (r < g->rows && r < 4 && !row_has_number(g, r))
        r++;
    if (r == g->rows)
        r = 0;
    L->head_rows = r;
    for (size_t c = 0; c < g->cols; c++) {
        L->header[c][0] = '\0';
        for (size_t k = 0; k < r; k++) {
            const char *t = at(g, k, c)->text;
            if (t == NULL || *t == '\0' || strstr(L->header[c], t) != NULL)
                continue;
            size_t used = strlen(L->header[c]);
            snprintf(L->header[c] + used, sizeof L->header[c] - used, "%s", t);
        }
    }
    L->unit[0] = '\0';
    table_unit(g->caption, L->unit, sizeof L->unit);
    for (size_t k = 0; k < r && L->unit[0] == '\0'; k++)
        if (at(g, k, 1)->copy || g->cols == 1)
            table_unit(at(g, k, 0)->text, L->unit, sizeof L->unit);
}

static void layout_columns(struct grid *g, struct layout *L)
{
    size_t data = g->rows - L->head_rows;
    for (size_t c = 0; c < g->cols; c++) {
        size_t nums = 0, seq = 0;
        for (size_t r = L->head_rows; r < g->rows; r++) {
            const char *t = at(g, r, c)->text;
            nums += is_num(t);
            char want[24];
            snprintf(want, sizeof want, "%zu", r - L->head_rows + 1);
            seq += t != NULL && strcmp(t, want) == 0;
        }
        L->index_col[c] = is_index_header(L->header[c]) ||
                          (c == 0 && data >= 2 && seq + 1 >= data);
        L->label_col[c] = !L->index_col[c] && nums * 2 < data;
    }
}

static void render_row(struct emit *e, struct grid *g, struct layout *L,
                       size_t r)
{
    rp_tbuf label = {0};
    for (size_t c = 0; c < g->cols; c++)
        if (L->label_col[c] && at(g, r, c)->text != NULL)
            rp_tbuf_puts(&label, at(g, r, c)->text);
    for (size_t c = 0; c < g->cols; c++) {
        struct cell *cl = at(g, r, c);
        size_t uat;
        if (L->index_col[c] || L->label_col[c] || cl->copy || !is_num(cl->text))
            continue;
        numeric_cell(cl->text, strlen(cl->text), &uat);
        char core[256], unit[64];
        header_unit(L->header[c], core, sizeof core, unit, sizeof unit);
        emit_newline(e);
        if (label.len > 0)
            rp_tbuf_append(&e->out, label.p, label.len);
        rp_tbuf_puts(&e->out, core);
        rp_tbuf_puts(&e->out, cl->text);
        if (uat == strlen(cl->text))
            rp_tbuf_puts(&e->out, unit[0] ? unit : L->unit);
        rp_tbuf_puts(&e->out, "。");
        emit_newline(e);
    }
    rp_tbuf_free(&label);
}

/* A data table: two rows and two columns at least, some numeric cell, no
 * cell holding a paragraph (that is a layout table). */
static bool grid_is_data(const struct grid *g)
{
    if (g->rows < 2 || g->cols < 2)
        return false;
    size_t nums = 0;
    for (size_t i = 0; i < g->rows * MAX_COLS; i++) {
        const char *t = g->c[i].text;
        if (t != NULL && strlen(t) > 150)
            return false;
        nums += is_num(t);
    }
    return nums > 0;
}

/* Writes the caption and one sentence per numeric data cell; false when the
 * grid is not a data table. */
static bool render_grid(struct emit *e, struct grid *g)
{
    if (!grid_is_data(g))
        return false;
    struct layout *L = calloc(1, sizeof *L);
    if (L == NULL)
        return false;
    layout_headers(g, L);
    layout_columns(g, L);
    if (g->caption != NULL && *g->caption != '\0') {
        emit_text(e, g->caption, strlen(g->caption));
        emit_newline(e);
    }
    for (size_t r = L->head_rows; r < g->rows; r++)
        render_row(e, g, L, r);
    e->tables++;
    free(L);
    return true;
}

/* Renders a data table as sentences; returns false for layout tables,
 * which the caller walks as ordinary blocks. */
static bool emit_table(struct emit *e, xmlNode *table)
{
    if (has_nested_table(table))
        return false;
    struct grid g = {0};
    long pending[MAX_COLS] = {0};
    grid_rows(&g, e->w, table, false, pending);
    bool data = render_grid(e, &g);
    grid_free(&g);
    return data;
}

size_t rp_table_render(const char *const *cells, size_t rows, size_t cols,
                       const char *caption, rp_tbuf *out)
{
    struct grid g = {0};
    size_t used = cols < MAX_COLS ? cols : MAX_COLS;
    bool ok = true;
    for (size_t r = 0; ok && r < rows; r++) {
        ok = grid_add_row(&g);
        for (size_t c = 0; ok && c < used; c++) {
            const char *t = cells[r * cols + c];
            at(&g, r, c)->text = strdup(t != NULL ? t : "");
            ok = at(&g, r, c)->text != NULL;
        }
    }
    g.cols = used;
    g.caption = caption != NULL ? strdup(caption) : NULL;
    struct emit e = {0};
    size_t n = 0;
    if (ok && render_grid(&e, &g)) {
        for (size_t i = 0; i < e.out.len; i++)
            n += e.out.p[i] == '\n';
        rp_tbuf_append(out, e.out.p, e.out.len);
    }
    rp_tbuf_free(&e.out);
    grid_free(&g);
    return n;
}

/* ---- title and date ---------------------------------------------------- */

static xmlNode *find_first(xmlNode *n, const char *name)
{
    for (xmlNode *c = n; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, name))
            return c;
        xmlNode *f = find_first(c->children, name);
        if (f != NULL)
            return f;
    }
    return NULL;
}

/* `<title>` text up to the site suffix (`正文 - 某某网`, `正文_某某网`). */
static void cut_site_suffix(char *t)
{
    static const char *const seps[] = {" - ", "_", " | ", "|", " — ",
                                       "——", "-"};
    for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
        char *p = strstr(t, seps[i]);
        if (p != NULL && p - t >= 12) {
            *p = '\0';
            return;
        }
    }
}

/* The first <h1> in document order that was not skipped and is not mostly
 * a link (a site logo is often an <h1><a href="/">...</a></h1>). */
static xmlNode *find_heading(const struct walk *w, xmlNode *n)
{
    for (xmlNode *c = n; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const struct stats *st = stats_of(w, c);
        if (st == NULL)
            continue;
        if (is_el(c, "h1") && st->text > 0 && st->link * 2 < st->text)
            return c;
        xmlNode *f = find_heading(w, c->children);
        if (f != NULL)
            return f;
    }
    return NULL;
}

static size_t cps(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The first real <h1>; a very short one (a channel name such as 工作动态)
 * gives way to a longer <title>. */
static char *find_title(const struct walk *w, xmlNode *root)
{
    xmlNode *h1 = find_heading(w, root);
    char *h = h1 ? flat_text(w, h1) : NULL;
    if (h != NULL && cps(h) >= 5)
        return h;
    xmlNode *title = find_first(root, "title");
    char *t = title ? flat_text(w, title) : NULL;
    if (t != NULL)
        cut_site_suffix(t);
    if (h != NULL && *h != '\0' && (t == NULL || cps(t) <= cps(h))) {
        free(t);
        return h;
    }
    free(h);
    return t;
}

/* The first <time> element's datetime (or text) as a date. */
static char *time_element_date(xmlNode *root)
{
    xmlNode *t = find_first(root, "time");
    if (t == NULL)
        return NULL;
    xmlChar *v = xmlGetProp(t, BAD_CAST "datetime");
    if (v == NULL)
        v = xmlNodeGetContent(t);
    char date[16];
    bool ok = v != NULL && rp_find_date((const char *)v,
                                        strlen((const char *)v), date,
                                        sizeof date);
    xmlFree(v);
    return ok ? strdup(date) : NULL;
}

/* A publish date from <meta> (name or property among the usual keys), else
 * from a <time> element. */
static char *find_published(xmlNode *root)
{
    static const char *const keys[] = {
        "pubdate", "publishdate", "publish_date", "publish-date",
        "article:published_time", "publishtime", "publish_time",
        "firstpublishedtime", "dc.date", "dc.date.issued", "date",
        "og:release_date", "releasedate", "maketime",
    };
    for (xmlNode *m = find_first(root, "meta"); m != NULL;) {
        xmlChar *name = xmlGetProp(m, BAD_CAST "name");
        if (name == NULL)
            name = xmlGetProp(m, BAD_CAST "property");
        bool hit = false;
        for (size_t i = 0; name != NULL && i < ARRAY_LEN(keys); i++)
            hit = hit || strcasecmp((const char *)name, keys[i]) == 0;
        xmlFree(name);
        xmlChar *content = hit ? xmlGetProp(m, BAD_CAST "content") : NULL;
        char date[16];
        bool ok = content != NULL &&
                  rp_find_date((const char *)content,
                               strlen((const char *)content), date,
                               sizeof date);
        xmlFree(content);
        if (ok)
            return strdup(date);
        xmlNode *next = m->next;
        while (next != NULL && !is_el(next, "meta"))
            next = next->next;
        m = next;
    }
    return time_element_date(root);
}

/* ---- driver ------------------------------------------------------------ */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

void rp_html_text_release(rp_html_text *t)
{
    if (t == NULL)
        return;
    free(t->text);
    free(t->title);
    free(t->published);
    memset(t, 0, sizeof *t);
}

static char *nonnull(char *s)
{
    return s != NULL ? s : strdup("");
}

int rp_html_to_text(const char *utf8, size_t len, rp_html_text *out,
                    char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len > INT_MAX) {
        snprintf(err, errlen, "html: document too large for the parser");
        return -1;
    }
    pthread_once(&xml_once, xml_init);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(len ? utf8 : " ", len ? (int)len : 1,
                                    NULL, "UTF-8", opts);
    if (doc == NULL) {
        snprintf(err, errlen, "html: parser returned no document");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    struct walk w = {0};
    struct emit e = {.w = &w};
    if (root != NULL) {
        out->raw_chars = measure(&w, root, 0).text;
        emit_element(&e, root);
        out->title = find_title(&w, root);
        out->published = find_published(root);
    }
    out->text = rp_tbuf_take(&e.out, &out->len);
    out->blocks_dropped = e.dropped;
    out->tables = e.tables;
    out->title = nonnull(out->title);
    out->published = nonnull(out->published);
    free(w.st);
    xmlFreeDoc(doc);
    if (w.failed || out->text == NULL || out->title == NULL ||
        out->published == NULL) {
        rp_html_text_release(out);
        snprintf(err, errlen, "html: out of memory");
        return -1;
    }
    return 0;
}
