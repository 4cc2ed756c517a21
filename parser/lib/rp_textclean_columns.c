/* rp_textclean_columns: text dumps of two-column PDFs. Lines holding both
 * columns (a long run of spaces at a consistent column) are split, and each
 * page is read left column then right column. See rp_textclean_int.h. */
#include "rp_textclean_int.h"

struct colsplit {
    size_t lead;      /* columns of leading space */
    size_t right_col; /* column where the part after the gap starts, 0 none */
    size_t left_end;  /* byte offset where the gap starts */
    size_t right_off; /* byte offset of the right part */
};

/* Columns count one per code point, as a layout-preserving dump writes. */
static void find_gap(const char *s, size_t n, struct colsplit *c)
{
    memset(c, 0, sizeof *c);
    size_t i = 0, col = 0;
    while (i < n && s[i] == ' ')
        i++, col++;
    c->lead = col;
    size_t run = 0, run_start = 0;
    bool seen = false;
    while (i < n) {
        size_t at = i;
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == ' ') {
            if (run == 0)
                run_start = at;
            run++;
        } else {
            if (seen && run >= 4) {
                c->right_col = col;
                c->left_end = run_start;
                c->right_off = at;
                return;
            }
            seen = true;
            run = 0;
        }
        col++;
    }
}

static size_t median(size_t *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_size);
    return v[n / 2];
}

/* A run of two or more blanks inside s[0..n) (trailing blanks aside). */
static bool has_gap(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == ' ' && s[i + 1] == ' ')
            return true;
    return false;
}

/* Column where the right column starts on lines a..b, or 0 if one column.
 * Two columns need at least three lines (and a fifth of the page's text
 * lines) split by a gap, most gaps ending within a few columns of the
 * median, and text, not short cells, on both sides (an aligned table in a
 * one-column text is not two columns). */
static size_t page_split_col(const struct lines *L, size_t a, size_t b)
{
    size_t n_text = 0, n_gap = 0, n_cells = 0, n_figs = 0;
    size_t *buf = malloc((b - a + 1) * 3 * sizeof *buf);
    if (buf == NULL)
        return 0;
    size_t *cols = buf, *lefts = buf + (b - a + 1), *rights = lefts + (b - a + 1);
    for (size_t k = a; k < b; k++) {
        if ((L->v[k].flags & LINE_DROP) || L->v[k].len == 0)
            continue;
        const char *s = line_at(L, k);
        struct colsplit c;
        find_gap(s, L->v[k].len, &c);
        if (c.lead == L->v[k].len)
            continue;
        n_text++;
        if (c.right_col < 16)
            continue;
        cols[n_gap] = c.right_col;
        lefts[n_gap] = count_cps(s, c.left_end) - c.lead;
        rights[n_gap] = count_cps(s + c.right_off, L->v[k].len - c.right_off);
        n_cells += has_gap(s + c.right_off, L->v[k].len - c.right_off);
        n_figs += s[c.right_off] >= '0' && s[c.right_off] <= '9';
        n_gap++;
    }
    size_t split = 0;
    /* rows whose right part is itself split in cells (`41  6  47`) make a
     * table, not a second column of text; so do rows whose right part is a
     * figure (a list of donors and their `120.00万元`) */
    if (n_gap >= 3 && n_gap * 5 >= n_text && n_cells * 2 <= n_gap && n_figs * 2 <= n_gap) {
        size_t near = 0, m = median(cols, n_gap);
        for (size_t i = 0; i < n_gap; i++)
            near += cols[i] + 8 >= m && cols[i] <= m + 8;
        if (near * 5 >= n_gap * 3 && median(lefts, n_gap) >= 6 &&
            median(rights, n_gap) >= 6)
            split = m;
    }
    free(buf);
    return split;
}

/* Lines of a column are marked: they wrap at the column's width. */
static void add_trimmed(struct lines *L, const char *s, size_t n)
{
    trim(&s, &n);
    if (n > 0)
        rp_clean_lines_add(L, s, n, LINE_COLUMN);
}

/* Left column of lines a..b, then the right column. */
static void split_page(const struct lines *in, size_t a, size_t b,
                       size_t split, struct lines *out)
{
    size_t slack = 8;
    size_t thr = split > slack ? split - slack : 0;
    struct lines right = {0};
    for (size_t k = a; k < b; k++) {
        if (in->v[k].flags & LINE_DROP)
            continue;
        const char *s = line_at(in, k);
        size_t n = in->v[k].len;
        struct colsplit c;
        find_gap(s, n, &c);
        if (c.lead >= thr && c.lead < n) {
            add_trimmed(&right, s, n);
        } else if (c.right_col >= thr) {
            add_trimmed(out, s, c.left_end);
            add_trimmed(&right, s + c.right_off, n - c.right_off);
        } else {
            add_trimmed(out, s, n);
        }
    }
    for (size_t k = 0; k < right.n; k++)
        rp_clean_lines_add(out, line_at(&right, k), right.v[k].len, LINE_COLUMN);
    if (right.failed || right.arena.failed)
        out->failed = true;
    rp_clean_lines_free(&right);
}

static void copy_page(const struct lines *in, size_t a, size_t b,
                      struct lines *out)
{
    for (size_t k = a; k < b; k++)
        if (!(in->v[k].flags & LINE_DROP))
            rp_clean_lines_add(out, line_at(in, k), in->v[k].len,
                               in->v[k].flags & (LINE_TABBED | LINE_LEAD_TAB));
}

/* Rebuilds L with each two-column page read column by column. */
int rp_clean_deinterleave(struct lines *L, size_t *two_col)
{
    struct lines out = {0};
    size_t a = 0;
    *two_col = 0;
    while (a < L->n) {
        size_t b = a + 1;
        while (b < L->n && !(L->v[b].flags & LINE_PAGE_START))
            b++;
        size_t split = page_split_col(L, a, b);
        if (split > 0) {
            split_page(L, a, b, split, &out);
            (*two_col)++;
        } else {
            copy_page(L, a, b, &out);
        }
        if (b < L->n)
            rp_clean_lines_add(&out, "", 0, LINE_PAGE_START);
        a = b;
    }
    if (out.failed || out.arena.failed) {
        rp_clean_lines_free(&out);
        return -1;
    }
    rp_clean_lines_free(L);
    *L = out;
    return 0;
}
