/* rp_pdf: PDF bytes in, reading-order UTF-8 text out (poppler-glib).
 *
 * Per page, glyph rectangles are grouped into lines by baseline; a vertical
 * gutter free of glyphs in the middle of the page marks a two-column layout,
 * which is read left column then right column (lines spanning the gutter,
 * such as a title, are read where they stand). Running headers and footers
 * (lines near the top or bottom edge that recur on several pages, with digits
 * ignored) and page numbers are removed. Lines of one paragraph are joined:
 * Han text without a space, so a number or unit split across lines rejoins;
 * a paragraph ends at sentence-final punctuation followed by a short line,
 * an indented line or a larger vertical gap.
 *
 * Pure: no I/O (the document is read from memory), thread-safe as far as
 * poppler is. */
#ifndef RP_PDF_H
#define RP_PDF_H

#include <stddef.h>

#include "rp_document.h"

typedef struct rp_pdf_text {
    char *text;            /* UTF-8, one paragraph per line */
    size_t len;
    char *title;           /* document-info title if it reads as text, "" */
    size_t pages;
    size_t pages_two_col;
    size_t lines_dropped;  /* headers, footers, page numbers */
} rp_pdf_text;

/* Returns RP_DOC_OK and fills *out, RP_DOC_MALFORMED (not a PDF, truncated,
 * encrypted) or RP_DOC_EMPTY (no text layer) with a reason in err; out is
 * zeroed on failure. */
rp_document_status rp_pdf_to_text(const char *bytes, size_t len,
                                  rp_pdf_text *out, char *err, size_t errlen);
void rp_pdf_text_release(rp_pdf_text *t); /* NULL-safe; frees members */

#endif
