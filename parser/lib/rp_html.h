/* rp_html: UTF-8 HTML in, article text out.
 *
 * Parses with libxml2's forgiving HTML parser, then writes the text of the
 * page without its chrome:
 *  - script, style, nav, header, footer, aside, form, iframe, noscript and
 *    hidden elements are skipped;
 *  - any block whose text is mostly link text (menus, breadcrumbs, hot-news
 *    sidebars, previous/next links, share bars, index pages) is dropped; the
 *    decision uses text length and link density only, never class names;
 *  - block elements end lines; inline elements never split text, so
 *    `<span>1260</span>名` stays `1260名`; entities are decoded;
 *  - data tables are rendered as one sentence per numeric cell,
 *    `<row label><column header><number><unit>。`, with the unit taken from
 *    the cell, else from the column header (`培训人数(人次)`), else from a
 *    `单位:` note; index columns (序号) are skipped; total rows (合计) kept.
 *
 * Pure: no I/O; libxml2 is initialised once (thread-safe). */
#ifndef RP_HTML_H
#define RP_HTML_H

#include <stddef.h>

#include "rp_textclean.h"

typedef struct rp_html_text {
    char *text;        /* UTF-8, lines separated by '\n' */
    size_t len;
    char *title;       /* first <h1>, else <title> without site suffix; "" */
    char *published;   /* YYYY-MM-DD from a publish-date <meta>, or "" */
    char *site;        /* the site's name after the <title> separator, or "" */
    size_t blocks_dropped; /* link-dense blocks removed */
    size_t tables;         /* data tables rendered as sentences */
    size_t raw_chars;      /* text code points before any block was dropped
                            * (0: the page has no text at all) */
} rp_html_text;

/* Converts utf8[0..len) (any <meta charset> inside is ignored: the caller has
 * already decoded). Returns 0 and fills *out (strings owned by out, never
 * NULL), or -1 with a reason in err (out zeroed). */
int rp_html_to_text(const char *utf8, size_t len, rp_html_text *out,
                    char *err, size_t errlen);
void rp_html_text_release(rp_html_text *t); /* NULL-safe; frees members */

/* The table rendering above for a table that did not come from HTML (an
 * aligned text table): cells is rows x cols, row-major, NULL or "" for an
 * empty cell; caption may be NULL. Appends the caption and the sentences to
 * out, one per line, and returns the number of lines written (0 when the
 * grid is not a data table; out is then untouched). */
size_t rp_table_render(const char *const *cells, size_t rows, size_t cols,
                       const char *caption, rp_tbuf *out);

#endif
