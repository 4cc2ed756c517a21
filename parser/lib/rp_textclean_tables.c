/* rp_textclean_tables: aligned text tables (three or more lines of three or
 * more cells split by runs of blanks, the first line the header) become one
 * sentence per numeric cell, as rp_html renders HTML tables
 * (rp_table_render). See rp_textclean_int.h. */
#include "rp_textclean_int.h"

#include "rp_html.h"

#define TT_MAX_COLS 16

struct tcell {
    size_t start, end; /* display columns (CJK counts two) */
    size_t off, len;   /* bytes in the line */
};

/* Cells of a line separated by runs of two or more blanks. */
static size_t split_cells(const char *s, size_t n, struct tcell *cells)
{
    size_t i = 0, col = 0, nc = 0, blanks = 0;
    bool in_cell = false;
    while (i < n) {
        size_t at = i;
        uint32_t cp = rp_text_next(s, n, &i);
        size_t w = rp_cp_is_cjk(cp) ? 2 : 1;
        if (cp == ' ') {
            blanks++;
            if (in_cell && blanks >= 2)
                in_cell = false;
        } else {
            if (!in_cell) {
                if (nc == TT_MAX_COLS)
                    return 0; /* too many to be a table we read */
                cells[nc++] = (struct tcell){col, col, at, 0};
                in_cell = true;
            }
            cells[nc - 1].end = col + w;
            cells[nc - 1].len = i - cells[nc - 1].off;
            blanks = 0;
        }
        col += w;
    }
    return nc;
}

static bool cell_has_digit(const char *s, const struct tcell *c)
{
    for (size_t i = 0; i < c->len; i++)
        if (is_digit(s[c->off + i]))
            return true;
    return false;
}

/* Lines k.. that form a table: three or more cells each, at most as many
 * as the first (header) line; returns how many lines (0 if under three or
 * no cell holds a digit). */
static size_t table_extent(const struct lines *L, size_t k, size_t *ncols)
{
    struct tcell cells[TT_MAX_COLS];
    *ncols = split_cells(line_at(L, k), L->v[k].len, cells);
    if (*ncols < 3 || (L->v[k].flags & LINE_DROP))
        return 0;
    size_t e = k + 1;
    bool digits = false;
    while (e < L->n && !(L->v[e].flags & LINE_DROP)) {
        size_t nc = split_cells(line_at(L, e), L->v[e].len, cells);
        if (nc < 3 || nc > *ncols)
            break;
        for (size_t c = 0; c < nc; c++)
            digits = digits || cell_has_digit(line_at(L, e), &cells[c]);
        e++;
    }
    return (e - k >= 3 && digits) ? e - k : 0;
}

/* Header column a cell sits under: most overlap, else nearest centre. */
static size_t column_of(const struct tcell *head, size_t nh,
                        const struct tcell *c)
{
    size_t best = 0, best_ov = 0, best_d = (size_t)-1;
    for (size_t j = 0; j < nh; j++) {
        size_t lo = head[j].start > c->start ? head[j].start : c->start;
        size_t hi = head[j].end < c->end ? head[j].end : c->end;
        size_t ov = hi > lo ? hi - lo : 0;
        size_t hc = head[j].start + head[j].end, cc = c->start + c->end;
        size_t d = hc > cc ? hc - cc : cc - hc;
        if (ov > best_ov || (best_ov == 0 && ov == 0 && d < best_d)) {
            best = j;
            best_ov = ov;
            best_d = d;
        }
    }
    return best;
}

/* Fills grid (rows x ncols strings, owned) from lines k..k+rows. */
static bool table_grid(const struct lines *L, size_t k, size_t rows,
                       size_t ncols, char **grid)
{
    struct tcell head[TT_MAX_COLS], cells[TT_MAX_COLS];
    split_cells(line_at(L, k), L->v[k].len, head);
    for (size_t r = 0; r < rows; r++) {
        const char *s = line_at(L, k + r);
        size_t nc = split_cells(s, L->v[k + r].len, cells);
        for (size_t c = 0; c < nc; c++) {
            /* A row with one cell per header column maps by position: hand-
             * typed tables are often aligned loosely under wide headers. */
            size_t j = (r == 0 || nc == ncols) ? c : column_of(head, ncols, &cells[c]);
            /* A tab-separated row that opens with a tab left its first cell
             * empty (`⇥合计⇥33…` under `序号⇥乡镇⇥…`): the rest map by position. */
            if (r > 0 && nc + 1 == ncols && (L->v[k].flags & LINE_TABBED) &&
                (L->v[k + r].flags & LINE_LEAD_TAB))
                j = c + 1;
            char **slot = &grid[r * ncols + j];
            if (*slot != NULL)
                continue; /* two cells under one header: keep the first */
            *slot = dup_n(s + cells[c].off, cells[c].len);
            if (*slot == NULL)
                return false;
        }
    }
    return true;
}

/* A short line just above the table naming it (`表1 ...`, `单位:人`). */
static bool is_caption(const struct lines *L, size_t k)
{
    if (L->v[k].flags & LINE_DROP)
        return false;
    const char *s = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&s, &n);
    return n > 0 && count_cps(s, n) <= 40 &&
           (has_prefix(s, n, "表") || contains(s, n, "单位"));
}

/* Renders the table at lines k..k+rows into out (one sentence a line);
 * false when it does not read as a data table. */
static bool render_table(struct lines *L, size_t k, size_t rows, size_t ncols,
                         struct lines *out)
{
    char **grid = calloc(rows * ncols, sizeof *grid);
    if (grid == NULL)
        return false;
    bool cap = k > 0 && is_caption(L, k - 1);
    rp_tbuf buf = {0};
    bool ok = table_grid(L, k, rows, ncols, grid) &&
              rp_table_render((const char *const *)grid, rows, ncols,
                              cap ? line_at(L, k - 1) : NULL, &buf) > 0;
    for (size_t i = 0; i < rows * ncols; i++)
        free(grid[i]);
    free(grid);
    if (ok && cap && out->n > 0)
        out->n--; /* the caption comes back with the table */
    for (size_t i = 0; ok && i < buf.len;) {
        const char *nl = memchr(buf.p + i, '\n', buf.len - i);
        size_t e = nl ? (size_t)(nl - buf.p) : buf.len;
        rp_clean_lines_add(out, buf.p + i, e - i, 0);
        i = e + 1;
    }
    rp_tbuf_free(&buf);
    return ok;
}

/* Rebuilds L with each aligned text table replaced by its sentences. */
int rp_clean_render_text_tables(struct lines *L, size_t *tables)
{
    struct lines out = {0};
    *tables = 0;
    for (size_t k = 0; k < L->n;) {
        size_t ncols = 0, rows = table_extent(L, k, &ncols);
        if (rows > 0 && render_table(L, k, rows, ncols, &out)) {
            (*tables)++;
            k += rows;
            continue;
        }
        rp_clean_lines_add(&out, line_at(L, k), L->v[k].len, L->v[k].flags);
        k++;
    }
    if (out.failed || out.arena.failed) {
        rp_clean_lines_free(&out);
        return -1;
    }
    rp_clean_lines_free(L);
    *L = out;
    return 0;
}
