/* gen_pdf: fixture helper for scripts/gen-format-fixtures.py.
 *
 *   gen_pdf pdf IN.txt OUT.pdf [--columns N] [--page a4|a5] [--size PT]
 *               [--header TEXT]
 *       Renders IN.txt (UTF-8, one paragraph per line) with pango/cairo and
 *       the WenQuanYi Micro Hei CJK font as a PDF: N text columns per page,
 *       a running header on every page and a `- n -` page number footer.
 *       A line with tabs is a table row, its cells at even tab stops.
 *   gen_pdf s2t IN.txt OUT.txt
 *       Converts simplified to traditional (Taiwan) characters with OpenCC (for the
 *       Big5 fixture).
 *
 * Not part of the library; built only for fixture generation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <opencc/opencc.h>
#include <pango/pangocairo.h>

struct opts {
    int columns;
    double page_w, page_h, size;
    const char *header;
};

struct pen {
    cairo_surface_t *surface;
    cairo_t *cr;
    const struct opts *o;
    double margin, gutter, col_w;
    int page, col;
    double y;
};

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *p = realloc(buf, cap * 2);
            if (p == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static PangoLayout *make_layout(cairo_t *cr, double size, double width)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *fd = pango_font_description_new();
    pango_font_description_set_family(fd, "WenQuanYi Micro Hei");
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    return l;
}

static void furniture(struct pen *p)
{
    const struct opts *o = p->o;
    PangoLayout *l = make_layout(p->cr, o->size * 0.75, 0);
    if (o->header != NULL) {
        pango_layout_set_text(l, o->header, -1);
        cairo_move_to(p->cr, p->margin, p->margin * 0.45);
        pango_cairo_show_layout(p->cr, l);
    }
    char num[32];
    snprintf(num, sizeof num, "- %d -", p->page);
    pango_layout_set_text(l, num, -1);
    int w, h;
    pango_layout_get_pixel_size(l, &w, &h);
    cairo_move_to(p->cr, (o->page_w - w) / 2, o->page_h - p->margin * 0.6);
    pango_cairo_show_layout(p->cr, l);
    g_object_unref(l);
}

static void next_column(struct pen *p)
{
    p->col++;
    p->y = p->margin;
    if (p->col < p->o->columns)
        return;
    cairo_show_page(p->cr);
    p->page++;
    p->col = 0;
    furniture(p);
}

/* A line with tabs is a table row: each cell at a fixed stop (the column
 * width divided evenly), on one line. */
static void table_row(struct pen *p, const char *text, size_t len)
{
    const struct opts *o = p->o;
    size_t cells = 1;
    for (size_t i = 0; i < len; i++)
        cells += text[i] == '\t';
    double stop = p->col_w / (double)cells;
    PangoLayout *l = make_layout(p->cr, o->size, 0);
    int w, h;
    pango_layout_set_text(l, "国", -1);
    pango_layout_get_pixel_size(l, &w, &h);
    if (p->y + h * 1.6 > o->page_h - p->margin)
        next_column(p);
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\t')
            continue;
        pango_layout_set_text(l, text + start, (int)(i - start));
        cairo_move_to(p->cr, p->margin + p->col * (p->col_w + p->gutter) +
                                 (double)k * stop, p->y);
        pango_cairo_show_layout(p->cr, l);
        start = i + 1;
        k++;
    }
    g_object_unref(l);
    p->y += h * 1.6;
}

/* Places a paragraph line by line, moving to the next column or page when
 * the current one is full. */
static void paragraph(struct pen *p, const char *text, size_t len)
{
    if (memchr(text, '\t', len) != NULL) {
        table_row(p, text, len);
        return;
    }
    const struct opts *o = p->o;
    PangoLayout *l = make_layout(p->cr, o->size, p->col_w);
    pango_layout_set_text(l, text, (int)len);
    pango_layout_set_indent(l, (int)(2 * o->size * PANGO_SCALE));
    PangoLayoutIter *it = pango_layout_get_iter(l);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, NULL, &logical);
        double h = (double)logical.height / PANGO_SCALE * 1.35;
        if (p->y + h > o->page_h - p->margin)
            next_column(p);
        double x = p->margin + p->col * (p->col_w + p->gutter) +
                   (double)logical.x / PANGO_SCALE;
        double base = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE -
                      (double)logical.y / PANGO_SCALE;
        cairo_move_to(p->cr, x, p->y + base);
        pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
        p->y += h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
    p->y += o->size * 0.4;
}

static int render(const char *in, const char *out, const struct opts *o)
{
    size_t len;
    char *text = read_file(in, &len);
    if (text == NULL) {
        fprintf(stderr, "gen_pdf: cannot read %s\n", in);
        return 1;
    }
    struct pen p = {0};
    p.o = o;
    p.margin = o->page_w * 0.1;
    p.gutter = o->size * 2.5;
    p.col_w = (o->page_w - 2 * p.margin - (o->columns - 1) * p.gutter) /
              o->columns;
    p.surface = cairo_pdf_surface_create(out, o->page_w, o->page_h);
    cairo_pdf_surface_set_metadata(p.surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   "2025-03-18T09:30:00");
    p.cr = cairo_create(p.surface);
    p.page = 1;
    p.y = p.margin;
    furniture(&p);
    for (char *line = text; *line != '\0';) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) : strlen(line);
        if (n > 0)
            paragraph(&p, line, n);
        line += n + (nl != NULL);
    }
    cairo_show_page(p.cr);
    cairo_destroy(p.cr);
    cairo_surface_finish(p.surface);
    int rc = cairo_surface_status(p.surface) == CAIRO_STATUS_SUCCESS ? 0 : 1;
    cairo_surface_destroy(p.surface);
    free(text);
    return rc;
}

static int s2t(const char *in, const char *out)
{
    size_t len;
    char *text = read_file(in, &len);
    opencc_t cc = opencc_open("s2tw.json");
    if (text == NULL || cc == (opencc_t)-1) {
        fprintf(stderr, "gen_pdf: s2t setup failed\n");
        free(text);
        return 1;
    }
    char *t = opencc_convert_utf8(cc, text, len);
    FILE *f = fopen(out, "wb");
    int rc = (t != NULL && f != NULL && fputs(t, f) >= 0) ? 0 : 1;
    if (f != NULL)
        fclose(f);
    opencc_convert_utf8_free(t);
    opencc_close(cc);
    free(text);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "s2t") == 0)
        return s2t(argv[2], argv[3]);
    if (argc < 4 || strcmp(argv[1], "pdf") != 0) {
        fprintf(stderr, "usage: gen_pdf pdf IN OUT [--columns N] [--page a4|a5]"
                        " [--size PT] [--header TEXT] | gen_pdf s2t IN OUT\n");
        return 2;
    }
    struct opts o = {1, 595.0, 842.0, 12.0, NULL};
    for (int i = 4; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--columns") == 0)
            o.columns = (int)strtol(argv[i + 1], NULL, 10);
        else if (strcmp(argv[i], "--page") == 0 && strcmp(argv[i + 1], "a5") == 0)
            o.page_w = 420.0, o.page_h = 595.0;
        else if (strcmp(argv[i], "--size") == 0)
            o.size = strtod(argv[i + 1], NULL);
        else if (strcmp(argv[i], "--header") == 0)
            o.header = argv[i + 1];
    }
    if (o.columns < 1 || o.columns > 3 || o.size < 4 || o.size > 40) {
        fprintf(stderr, "gen_pdf: bad --columns or --size\n");
        return 2;
    }
    return render(argv[2], argv[3], &o);
}
