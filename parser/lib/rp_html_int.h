/* rp_html_int.h: what the rp_html*.c files share; not part of the
 * library's interface (rp_html.h is).
 *
 * rp_html_to_text() (rp_html.c) parses the page with libxml2 and runs:
 *   rp_html_chrome.c  what is page chrome: skipped and hidden elements;
 *                     text and link text counted under every element
 *                     (struct stats), from which link-dense blocks follow
 *   rp_html_emit.c    the tree walk that writes the text: block elements
 *                     end lines, inline ones never split text, link-dense
 *                     blocks are dropped, tables handed to rp_html_table.c
 *   rp_html_grid.c    a <table> read into a grid of cells, colspan and
 *                     rowspan areas filled with copies
 *   rp_html_table.c   a grid rendered as one sentence per numeric cell;
 *                     rp_table_render() for tables that are not HTML
 *   rp_html_meta.c    the title (<h1>, else <title>) and the publish date
 *                     (<meta>, else <time>)
 * Every stage after rp_html_measure() reads the counts it hung on the
 * tree; an element without counts was left out and is never written. */
#ifndef RP_HTML_INT_H
#define RP_HTML_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <libxml/tree.h>

#include "rp_html.h"
#include "rp_textclean.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_COLS 64
#define MAX_ROWS 20000

static inline bool is_el(xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           strcmp((const char *)n->name, name) == 0;
}

/* ---- chrome and link density (rp_html_chrome.c) ------------------------- */

struct stats {
    size_t text;  /* non-space code points */
    size_t link;  /* of which inside <a> */
    size_t links; /* <a> elements with text */
    bool content; /* this block or one inside it is article-like: enough
                   * text of its own and not link-dense */
    bool block;   /* a block element: ends a line */
};

struct walk {
    struct stats *st; /* indexed by (uintptr_t)node->_private - 1 */
    size_t n;
    size_t cap;
    bool failed;
    bool reveal;   /* visibility:hidden counts as shown (see rp_html.c) */
    size_t veiled; /* code points under visibility:hidden elements left out */
};

/* How an element is hidden: the hidden attribute or display:none in its
 * style (RP_HIDDEN_GONE), visibility:hidden (RP_HIDDEN_VEILED: it keeps its
 * place and scripts often reveal it), or not at all (0). */
enum { RP_HIDDEN_GONE = 1, RP_HIDDEN_VEILED = 2 };
int rp_html_hidden_kind(xmlNode *n);

/* Whether the element is left out as hidden on this walk. */
bool rp_html_is_hidden(const struct walk *w, xmlNode *n);

/* Counts text and link text under every element left in (bottom-up) and
 * hangs the counts on node->_private; elements left out get none. Returns
 * node's counts. On allocation failure sets w->failed (the node whose
 * counts could not be stored gets none). ctx is 0 at the root. */
struct stats rp_html_measure(struct walk *w, xmlNode *node, unsigned ctx);

/* Stats of an element measured by rp_html_measure(); NULL for elements it
 * left out (skipped or hidden, and everything inside them). */
static inline const struct stats *stats_of(const struct walk *w, xmlNode *n)
{
    uintptr_t k = (uintptr_t)n->_private;
    return (k == 0 || k > w->n) ? NULL : &w->st[k - 1];
}

static inline bool dense(const struct stats *s)
{
    if (s->links == 0 || s->text == 0)
        return false;
    if (s->link * 2 >= s->text)
        return true;
    return s->links >= 3 && s->link * 10 >= s->text * 3;
}

/* Menus, sidebars, pagers: blocks whose text is mostly link text and that
 * hold no article-like block (a page wrapper around a short article and a
 * long menu is link-dense too, but is walked into, not dropped). */
static inline bool is_link_dense(const struct stats *s)
{
    return dense(s) && !s->content;
}

/* ---- the text emitter (rp_html_emit.c) ---------------------------------- */

struct emit {
    rp_tbuf out;
    bool space;     /* whitespace pending */
    bool space_nl;  /* ... and it held a line break */
    size_t dropped;
    size_t tables;
    const struct walk *w;
};

/* Appends text with whitespace runs collapsed; runs of other characters are
 * copied in one piece. */
void rp_html_emit_text(struct emit *e, const char *s, size_t len);

/* Ends the current line (trailing blanks removed; never an empty line). */
static inline void emit_newline(struct emit *e)
{
    while (e->out.len > 0 && e->out.p[e->out.len - 1] == ' ')
        e->out.p[--e->out.len] = '\0';
    if (e->out.len > 0 && e->out.p[e->out.len - 1] != '\n')
        rp_tbuf_putc(&e->out, '\n');
    e->space = e->space_nl = false;
}

/* Writes element c and what is inside it, unless it was left out. */
void rp_html_emit_element(struct emit *e, xmlNode *c);

/* Text of a subtree on one line, trimmed; NULL when out of memory. */
char *rp_html_flat_text(const struct walk *w, xmlNode *n);

/* ---- the grid (rp_html_grid.c) ------------------------------------------ */

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

static inline struct cell *cell_at(struct grid *g, size_t r, size_t c)
{
    return &g->c[r * MAX_COLS + c];
}

void rp_html_grid_free(struct grid *g);
/* Appends an empty row; false at MAX_ROWS or when out of memory. */
bool rp_html_grid_add_row(struct grid *g);
/* Reads the rows (and the caption) of table into g (zeroed), skipping
 * hidden ones; false, with g untouched, when the table holds another table
 * (a layout table). */
bool rp_html_grid_read(struct grid *g, const struct walk *w, xmlNode *table);

/* ---- tables (rp_html_table.c) ------------------------------------------- */

/* Renders a data table as sentences; returns false for layout tables,
 * which the caller walks as ordinary blocks. */
bool rp_html_emit_table(struct emit *e, xmlNode *table);

/* ---- title and date (rp_html_meta.c) ------------------------------------ */

/* The first real <h1>; a very short one (a channel name such as 工作动态)
 * gives way to a longer <title>. NULL when there is neither (or out of
 * memory). */
char *rp_html_find_title(const struct walk *w, xmlNode *root);
/* The site's name: the <title> text after its separator (`… - 青枫市桑溪镇
 * 人民政府`), or "" (heap string; NULL on ENOMEM). */
char *rp_html_find_site(const struct walk *w, xmlNode *root);
/* A publish date (YYYY-MM-DD) from <meta> (name or property among the
 * usual keys), else from a <time> element; NULL when none. */
char *rp_html_find_published(xmlNode *root);

#endif
