#include "rp_pdf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "rp_textclean.h"

#define EDGE 0.08        /* top/bottom share of a page where furniture sits */
#define MAX_PAGES 5000

struct glyph {
    double x0, y0, x1, y1;
    uint32_t cp;
};

struct frag {
    double x0, y0, x1, y1;
    char *text;
    size_t page;
    int col;   /* 0 left / single, 1 right, 2 spans the gutter */
    bool drop;
    bool cell; /* shares its row with another fragment: a table cell */
};

struct frags {
    struct frag *v;
    size_t n, cap;
    bool failed;
};

static void frags_free(struct frags *F)
{
    for (size_t i = 0; i < F->n; i++)
        free(F->v[i].text);
    free(F->v);
}

static struct frag *frags_add(struct frags *F)
{
    if (F->n == F->cap) {
        size_t cap = F->cap ? F->cap * 2 : 128;
        struct frag *v = realloc(F->v, cap * sizeof *v);
        if (v == NULL) {
            F->failed = true;
            return NULL;
        }
        F->v = v;
        F->cap = cap;
    }
    struct frag *f = &F->v[F->n++];
    memset(f, 0, sizeof *f);
    return f;
}

static double gh(const struct glyph *g)
{
    double h = g->y1 - g->y0;
    return h > 0.5 ? h : 0.5;
}

static int cmp_gy(const void *a, const void *b)
{
    const struct glyph *x = a, *y = b;
    double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
    return cx < cy ? -1 : cx > cy;
}

static int cmp_gx(const void *a, const void *b)
{
    const struct glyph *x = a, *y = b;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Glyphs of one page with their rectangles (spaces and breaks left out). */
static struct glyph *page_glyphs(PopplerPage *page, size_t *n_out)
{
    *n_out = 0;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (text == NULL || !poppler_page_get_text_layout(page, &rects, &n_rects)) {
        g_free(text);
        g_free(rects);
        return NULL;
    }
    size_t len = strlen(text), i = 0, k = 0, n = 0;
    struct glyph *g = malloc((n_rects + 1) * sizeof *g);
    while (g != NULL && i < len && k < n_rects) {
        uint32_t cp = rp_text_next(text, len, &i);
        PopplerRectangle *r = &rects[k++];
        if (rp_cp_is_space(cp) || cp < 0x20)
            continue;
        g[n++] = (struct glyph){fmin(r->x1, r->x2), fmin(r->y1, r->y2),
                                fmax(r->x1, r->x2), fmax(r->y1, r->y2), cp};
    }
    g_free(text);
    g_free(rects);
    *n_out = n;
    return g;
}

/* Writes glyphs [a,b) of a row (sorted by x) as fragments split at wide
 * horizontal gaps. */
static void row_frags(struct glyph *g, size_t a, size_t b, size_t page,
                      struct frags *F)
{
    qsort(g + a, b - a, sizeof *g, cmp_gx);
    size_t s = a;
    while (s < b) {
        rp_tbuf t = {0};
        struct frag fr = {g[s].x0, g[s].y0, g[s].x1, g[s].y1, NULL, page, 0,
                          false, false};
        size_t e = s;
        while (e < b) {
            double h = gh(&g[e]);
            if (e > s && g[e].x0 - fr.x1 > 1.5 * h)
                break;
            if (e > s && g[e].x0 - fr.x1 > 0.25 * h &&
                !(rp_cp_is_cjk(g[e].cp) && rp_cp_is_cjk(g[e - 1].cp)))
                rp_tbuf_putc(&t, ' ');
            rp_tbuf_put_cp(&t, g[e].cp);
            fr.x1 = fmax(fr.x1, g[e].x1);
            fr.y0 = fmin(fr.y0, g[e].y0);
            fr.y1 = fmax(fr.y1, g[e].y1);
            e++;
        }
        fr.text = rp_tbuf_take(&t, NULL);
        struct frag *slot = fr.text ? frags_add(F) : NULL;
        if (slot == NULL) {
            free(fr.text);
            F->failed = true;
            return;
        }
        *slot = fr;
        s = e;
    }
}

static void page_frags(struct glyph *g, size_t n, size_t page, struct frags *F)
{
    qsort(g, n, sizeof *g, cmp_gy);
    size_t a = 0;
    while (a < n) {
        double cy = (g[a].y0 + g[a].y1) / 2, h = gh(&g[a]);
        size_t b = a + 1;
        while (b < n && (g[b].y0 + g[b].y1) / 2 - cy < 0.5 * h)
            b++;
        row_frags(g, a, b, page, F);
        a = b;
    }
}

/* ---- columns ------------------------------------------------------------ */

/* Finds a glyph-free vertical band in the middle of the page that has text
 * on both sides; returns its centre or 0. */
static double find_gutter(struct frag *v, size_t n, double width)
{
    enum { BINS = 200 };
    unsigned cover[BINS] = {0};
    if (n < 6 || width <= 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int a = (int)(v[i].x0 / width * BINS), b = (int)(v[i].x1 / width * BINS);
        for (int k = a < 0 ? 0 : a; k <= b && k < BINS; k++)
            cover[k]++;
    }
    int best = -1;
    unsigned best_cov = (unsigned)-1;
    for (int k = BINS * 3 / 10; k < BINS * 7 / 10; k++)
        if (cover[k] < best_cov || (cover[k] == best_cov &&
                                    abs(k - BINS / 2) < abs(best - BINS / 2))) {
            best_cov = cover[k];
            best = k;
        }
    double gx = (best + 0.5) * width / BINS;
    size_t left = 0, right = 0, left_full = 0, right_full = 0;
    double lmin = width, rmax = 0;
    for (size_t i = 0; i < n; i++) {
        lmin = fmin(lmin, v[i].x0);
        rmax = fmax(rmax, v[i].x1);
    }
    /* Columns of text fill their half; table cells do not. */
    for (size_t i = 0; i < n; i++) {
        if (v[i].x1 < gx) {
            left++;
            left_full += v[i].x1 - v[i].x0 >= 0.6 * (gx - lmin);
        } else if (v[i].x0 > gx) {
            right++;
            right_full += v[i].x1 - v[i].x0 >= 0.6 * (rmax - gx);
        }
    }
    if (best_cov * 10 > n || left < 3 || right < 3 || left_full * 2 < left ||
        right_full * 2 < right)
        return 0;
    return gx;
}

static int cmp_yx(const void *a, const void *b)
{
    const struct frag *x = a, *y = b;
    if (fabs(x->y0 - y->y0) > 0.5)
        return x->y0 < y->y0 ? -1 : 1;
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Marks each fragment of a page left (0), right (1) or spanning (2) when
 * the page has a gutter; false (all left) when it has one column. */
static bool assign_columns(struct frag *v, size_t n, double width)
{
    double gx = find_gutter(v, n, width);
    if (gx <= 0)
        return false;
    for (size_t i = 0; i < n; i++)
        v[i].col = v[i].x1 < gx ? 0 : v[i].x0 > gx ? 1 : 2;
    return true;
}

/* Sorts a page into reading order: bands separated by spanning lines; in a
 * band, left column then right. */
static void order_page(struct frag *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_yx);
    struct frag *tmp = malloc((n + 1) * sizeof *tmp);
    if (tmp == NULL)
        return;
    /* Spanning fragments in y order delimit bands. */
    size_t out = 0;
    double band_top = -1e9;
    for (;;) {
        double band_end = 1e18;
        for (size_t i = 0; i < n; i++)
            if (v[i].col == 2 && v[i].y0 > band_top && v[i].y0 < band_end)
                band_end = v[i].y0;
        for (int col = 0; col < 2; col++)
            for (size_t i = 0; i < n; i++)
                if (v[i].col == col && v[i].y0 >= band_top &&
                    v[i].y0 < band_end)
                    tmp[out++] = v[i];
        if (band_end >= 1e18)
            break;
        for (size_t i = 0; i < n; i++)
            if (v[i].col == 2 && v[i].y0 == band_end)
                tmp[out++] = v[i];
        band_top = band_end + 1e-6;
    }
    if (out == n)
        memcpy(v, tmp, n * sizeof *v);
    free(tmp);
}

/* ---- furniture ---------------------------------------------------------- */

static bool is_page_number_text(const char *s)
{
    size_t n = strlen(s), i = 0, d = 0;
    if (strncmp(s, "第", 3) == 0 && strstr(s, "页") != NULL && n < 40)
        return true;
    for (; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            d++;
        else if (c != '-' && c != ' ' && c != '/' && c != '.' && c != 'P' &&
                 c != 'p' && c != 'a' && c != 'g' && c != 'e')
            return false;
    }
    return d > 0 && d <= 6;
}

/* The fragment's text with digits folded, for spotting running heads. */
static void furniture_key(const char *s, char *key, size_t keylen)
{
    size_t k = 0;
    for (size_t i = 0; s[i] != '\0' && k + 1 < keylen; i++)
        key[k++] = (s[i] >= '0' && s[i] <= '9') ? '#' : s[i];
    key[k] = '\0';
}

static bool at_edge(const struct frag *f, const double *heights)
{
    double h = heights[f->page];
    return f->y1 < h * EDGE || f->y0 > h * (1 - EDGE);
}

struct edge {
    char key[128];
    size_t frag;
    size_t page;
};

static int cmp_edge(const void *a, const void *b)
{
    const struct edge *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c != 0)
        return c;
    return x->page < y->page ? -1 : x->page > y->page;
}

/* Fragments at the top or bottom edge: page numbers always go; other text
 * goes when it recurs (digits folded) on at least half of the pages. Sorted
 * by key, so this is O(n log n) in the number of edge fragments. */
static size_t drop_furniture(struct frags *F, const double *heights,
                             size_t pages)
{
    struct edge *e = malloc((F->n + 1) * sizeof *e);
    size_t ne = 0, dropped = 0;
    for (size_t i = 0; i < F->n; i++) {
        struct frag *f = &F->v[i];
        if (!at_edge(f, heights))
            continue;
        if (is_page_number_text(f->text))
            f->drop = true;
        else if (e != NULL && pages >= 2) {
            furniture_key(f->text, e[ne].key, sizeof e[ne].key);
            e[ne].frag = i;
            e[ne].page = f->page;
            ne++;
        }
    }
    if (ne > 0)
        qsort(e, ne, sizeof *e, cmp_edge);
    for (size_t a = 0; a < ne;) {
        size_t b = a + 1, seen = 1;
        for (; b < ne && strcmp(e[a].key, e[b].key) == 0; b++)
            seen += e[b].page != e[b - 1].page;
        if (seen >= 2 && seen * 2 >= pages)
            for (size_t k = a; k < b; k++)
                F->v[e[k].frag].drop = true;
        a = b;
    }
    free(e);
    for (size_t i = 0; i < F->n; i++)
        dropped += F->v[i].drop;
    return dropped;
}

/* ---- paragraphs ---------------------------------------------------------- */

static uint32_t last_cp_of(const char *s)
{
    size_t n = strlen(s);
    return n ? rp_text_prev(s, n, NULL) : 0;
}

static uint32_t first_cp_of(const char *s)
{
    size_t i = 0;
    return *s ? rp_text_next(s, strlen(s), &i) : 0;
}

static bool is_ascii_alnum(uint32_t c)
{
    return c < 0x80 && ((c >= '0' && c <= '9') || ((c | 32) >= 'a' &&
                                                     (c | 32) <= 'z'));
}

struct geometry {
    double left[3];  /* left edge of each column (left, right, spanning) */
    double right[3]; /* right edge of each column */
    double gap;      /* usual vertical gap between lines of a paragraph */
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Geometry of the page whose fragments start at v[i] (fragments are
 * grouped by page, in reading order). */
static void page_geometry(const struct frags *F, size_t i, struct geometry *g)
{
    memset(g, 0, sizeof *g);
    size_t end = i;
    while (end < F->n && F->v[end].page == F->v[i].page)
        end++;
    double *gaps = malloc((end - i + 1) * sizeof *gaps);
    size_t ng = 0;
    g->left[0] = g->left[1] = g->left[2] = 1e18;
    for (size_t k = i; k < end; k++) {
        const struct frag *f = &F->v[k];
        if (f->drop)
            continue;
        g->left[f->col] = fmin(g->left[f->col], f->x0);
        g->right[f->col] = fmax(g->right[f->col], f->x1);
        const struct frag *p = k > i ? &F->v[k - 1] : NULL;
        if (gaps != NULL && p != NULL && !p->drop && p->col == f->col &&
            f->y0 > p->y1)
            gaps[ng++] = f->y0 - p->y1;
    }
    if (ng > 0) {
        qsort(gaps, ng, sizeof *gaps, cmp_double);
        g->gap = gaps[ng / 2];
    }
    free(gaps);
}

static bool same_row(const struct frag *a, const struct frag *b)
{
    return a->page == b->page && a->col == b->col &&
           fabs(a->y0 - b->y0) < 0.5 * (a->y1 - a->y0);
}

/* Marks fragments that share their row with another (in reading order
 * they are neighbours): table cells. */
static void mark_cells(struct frags *F)
{
    for (size_t i = 0; i + 1 < F->n; i++)
        if (!F->v[i].drop && !F->v[i + 1].drop && same_row(&F->v[i], &F->v[i + 1]))
            F->v[i].cell = F->v[i + 1].cell = true;
}

static bool breaks_after(const struct frag *p, const struct frag *n,
                         const struct geometry *g)
{
    double h = p->y1 - p->y0;
    uint32_t last = last_cp_of(p->text);
    if (last == 0x201D && strlen(p->text) > 3)
        last = rp_text_prev(p->text, strlen(p->text) - 3, NULL);
    if (rp_cp_ends_sentence(last) || last == 0xFF1A || p->cell || n->cell)
        return true;
    if (p->x1 < g->right[p->col] - 3 * h)
        return true; /* a short line closes its paragraph (or is a heading) */
    bool same_col = p->page == n->page && p->col == n->col;
    return same_col && n->y0 - p->y1 > g->gap + 0.3 * h;
}

/* Display columns (CJK two, others one) of the text after the last '\n'. */
static size_t line_columns(const rp_tbuf *b)
{
    size_t i = b->len;
    while (i > 0 && b->p[i - 1] != '\n')
        i--;
    size_t cols = 0;
    while (i < b->len)
        cols += rp_cp_is_cjk(rp_text_next(b->p, b->len, &i)) ? 2 : 1;
    return cols;
}

/* Pads a table cell out to the column its x position gives (half an em a
 * column), so cells of one table column line up across rows as they do in
 * an aligned text table; at least two blanks between cells. */
static void pad_to(rp_tbuf *out, const struct frag *f, const struct geometry *g,
                   bool line_start)
{
    double unit = (f->y1 - f->y0) / 2;
    double dx = f->x0 - g->left[f->col];
    size_t want = unit > 0 && dx > 0 ? (size_t)(dx / unit + 0.5) : 0;
    size_t have = line_columns(out);
    size_t pad = want > have ? want - have : 0;
    if (!line_start && pad < 2)
        pad = 2;
    for (size_t k = 0; k < pad && k < 400; k++)
        rp_tbuf_putc(out, ' ');
}

static void join_paragraphs(const struct frags *F, rp_tbuf *out)
{
    const struct frag *prev = NULL;
    struct geometry geo, prev_geo;
    memset(&geo, 0, sizeof geo);
    prev_geo = geo;
    for (size_t i = 0; i < F->n; i++) {
        const struct frag *f = &F->v[i];
        if (i == 0 || f->page != F->v[i - 1].page) {
            prev_geo = geo;
            page_geometry(F, i, &geo);
        }
        if (f->drop || f->text[0] == '\0')
            continue;
        bool line_start = prev == NULL;
        if (prev != NULL && same_row(prev, f)) {
            pad_to(out, f, &geo, false);
        } else if (prev != NULL &&
                   breaks_after(prev, f, prev->page == f->page ? &geo : &prev_geo)) {
            rp_tbuf_putc(out, '\n');
            line_start = true;
        } else if (prev != NULL) {
            uint32_t a = last_cp_of(prev->text), b = first_cp_of(f->text);
            bool digits = a >= '0' && a <= '9' && b >= '0' && b <= '9';
            if (is_ascii_alnum(a) && is_ascii_alnum(b) && !digits)
                rp_tbuf_putc(out, ' ');
        }
        if (line_start && f->cell)
            pad_to(out, f, &geo, true);
        rp_tbuf_puts(out, f->text);
        prev = f;
    }
    if (prev != NULL)
        rp_tbuf_putc(out, '\n');
}

/* ---- driver -------------------------------------------------------------- */

void rp_pdf_text_release(rp_pdf_text *t)
{
    if (t == NULL)
        return;
    free(t->text);
    free(t->title);
    memset(t, 0, sizeof *t);
}

/* A PDF cut short loses its trailer: %%EOF must appear near the end. */
static bool looks_truncated(const char *b, size_t len)
{
    size_t tail = len < 2048 ? len : 2048;
    for (size_t i = len - tail; i + 5 <= len; i++)
        if (memcmp(b + i, "%%EOF", 5) == 0)
            return false;
    return true;
}

static char *doc_title(PopplerDocument *doc)
{
    gchar *t = poppler_document_get_title(doc);
    char *r = NULL;
    if (t != NULL) {
        size_t n = strlen(t), i = 0, han = 0, cps = 0;
        while (i < n) {
            han += rp_cp_is_han(rp_text_next(t, n, &i));
            cps++;
        }
        if (han * 2 >= cps && cps >= 4)
            r = strdup(t);
    }
    g_free(t);
    return r ? r : strdup("");
}

static size_t collect_pages(PopplerDocument *doc, int pages, struct frags *F,
                            double *heights, size_t *two_col)
{
    *two_col = 0;
    for (int p = 0; p < pages && !F->failed; p++) {
        PopplerPage *page = poppler_document_get_page(doc, p);
        if (page == NULL)
            continue;
        double w = 0, h = 0;
        poppler_page_get_size(page, &w, &h);
        heights[p] = h;
        size_t ng = 0;
        struct glyph *g = page_glyphs(page, &ng);
        size_t first = F->n;
        if (g != NULL)
            page_frags(g, ng, (size_t)p, F);
        free(g);
        g_object_unref(page);
        if (!F->failed && assign_columns(F->v + first, F->n - first, w))
            (*two_col)++;
        if (!F->failed)
            order_page(F->v + first, F->n - first);
    }
    return F->n;
}

rp_document_status rp_pdf_to_text(const char *bytes, size_t len,
                                  rp_pdf_text *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len < 8 || looks_truncated(bytes, len)) {
        snprintf(err, errlen, "pdf: truncated (no %%%%EOF trailer)");
        return RP_DOC_MALFORMED;
    }
    GBytes *gb = g_bytes_new_static(bytes, len);
    GError *gerr = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(gb, NULL, &gerr);
    g_bytes_unref(gb);
    if (doc == NULL) {
        snprintf(err, errlen, "pdf: %s", gerr ? gerr->message : "unreadable");
        g_clear_error(&gerr);
        return RP_DOC_MALFORMED;
    }
    int pages = poppler_document_get_n_pages(doc);
    if (pages > MAX_PAGES)
        pages = MAX_PAGES;
    double *heights = calloc((size_t)(pages > 0 ? pages : 1), sizeof *heights);
    struct frags F = {0};
    if (heights == NULL)
        F.failed = true;
    else
        collect_pages(doc, pages, &F, heights, &out->pages_two_col);
    out->pages = (size_t)(pages > 0 ? pages : 0);
    out->title = doc_title(doc);
    g_object_unref(doc);
    rp_document_status s = RP_DOC_OK;
    if (!F.failed) {
        out->lines_dropped = drop_furniture(&F, heights, out->pages);
        mark_cells(&F);
        rp_tbuf b = {0};
        join_paragraphs(&F, &b);
        out->text = rp_tbuf_take(&b, &out->len);
    }
    if (F.failed || out->text == NULL || out->title == NULL) {
        snprintf(err, errlen, "pdf: out of memory");
        s = RP_DOC_MALFORMED;
    } else if (F.n == 0) {
        snprintf(err, errlen, "pdf: no text layer (%zu pages)", out->pages);
        s = RP_DOC_EMPTY;
    }
    frags_free(&F);
    free(heights);
    if (s != RP_DOC_OK)
        rp_pdf_text_release(out);
    return s;
}
