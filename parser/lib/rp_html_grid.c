/* rp_html_grid: a <table> read into a grid of one-line cells. A cell with
 * a colspan or rowspan fills its whole area with copies (marked `copy`, so
 * they are not reported twice); hidden rows and cells are skipped, <thead>
 * rows are headers. See rp_html_int.h. */
#include "rp_html_int.h"

#include <stdlib.h>

void rp_html_grid_free(struct grid *g)
{
    for (size_t i = 0; i < g->rows * MAX_COLS; i++)
        free(g->c[i].text);
    free(g->c);
    free(g->caption);
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

bool rp_html_grid_add_row(struct grid *g)
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
    while (*col < MAX_COLS && cell_at(g, r, *col)->text != NULL)
        (*col)++;
    if (*col >= MAX_COLS)
        return;
    long cs = span_attr(td, "colspan"), rs = span_attr(td, "rowspan");
    char *text = rp_html_flat_text(w, td);
    if (text == NULL)
        return;
    bool head = in_head || is_el(td, "th");
    for (long k = 0; k < cs && *col + (size_t)k < MAX_COLS; k++) {
        struct cell *c = cell_at(g, r, *col + (size_t)k);
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
        struct cell *up = cell_at(g, r - 1, c);
        struct cell *dn = cell_at(g, r, c);
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
        if (n->type != XML_ELEMENT_NODE || rp_html_is_hidden(w, n))
            continue;
        if (is_el(n, "thead") || is_el(n, "tbody") || is_el(n, "tfoot")) {
            grid_rows(g, w, n, in_head || is_el(n, "thead"), pending);
        } else if (is_el(n, "caption") && g->caption == NULL) {
            g->caption = rp_html_flat_text(w, n);
        } else if (is_el(n, "tr")) {
            if (!rp_html_grid_add_row(g))
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

bool rp_html_grid_read(struct grid *g, const struct walk *w, xmlNode *table)
{
    if (has_nested_table(table))
        return false;
    long pending[MAX_COLS] = {0};
    grid_rows(g, w, table, false, pending);
    return true;
}
