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

/* A cell of one Han character (`项`, `合`). */
static bool one_han(const char *s, const struct tcell *c)
{
    size_t i = 0;
    return c->end - c->start == 2 && rp_cp_is_han(rp_text_next(s + c->off, c->len, &i)) &&
           i == c->len;
}

/* A label spaced out to its column's width (`合    计`): wider gaps join only
 * these words. */
static bool spaced_label(const char *s, const struct tcell *a, const struct tcell *b)
{
    static const char *const words[] = {"合计", "总计", "小计", "项目", "备注", "序号",
                                        "单位", "名称", "类别", "地区", NULL};
    if (a->len != 3 || b->len != 3)
        return false;
    for (size_t k = 0; words[k]; k++)
        if (memcmp(s + a->off, words[k], 3) == 0 && memcmp(s + b->off, words[k] + 3, 3) == 0)
            return true;
    return false;
}

/* Two one-character cells two columns apart are one letter-spaced word
 * (`项　目`, `合  计`, `备　注`), not two columns, or further apart when
 * they spell a known label; a run of three or more such cells is left
 * alone. */
static size_t join_spaced_pairs(const char *s, struct tcell *cells, size_t nc)
{
    for (size_t c = 0; c + 1 < nc; c++) {
        size_t gap = cells[c + 1].start - cells[c].end;
        bool pair = one_han(s, &cells[c]) && one_han(s, &cells[c + 1]) &&
                    (gap == 2 || (gap <= 8 && spaced_label(s, &cells[c], &cells[c + 1])));
        bool more = (c + 2 < nc && one_han(s, &cells[c + 2]) &&
                     cells[c + 2].start - cells[c + 1].end == 2) ||
                    (c > 0 && one_han(s, &cells[c - 1]) &&
                     cells[c].start - cells[c - 1].end == 2);
        if (!pair || more)
            continue;
        cells[c].end = cells[c + 1].end;
        cells[c].len = cells[c + 1].off + cells[c + 1].len - cells[c].off;
        memmove(&cells[c + 1], &cells[c + 2], (nc - c - 2) * sizeof cells[0]);
        nc--;
    }
    return nc;
}

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
    return join_spaced_pairs(s, cells, nc);
}

static bool cell_has_digit(const char *s, const struct tcell *c)
{
    for (size_t i = 0; i < c->len; i++)
        if (is_digit(s[c->off + i]))
            return true;
    return false;
}

/* A cell holding only a figure (`2,318`, `386.52`, `0`). */
static bool bare_figure(const char *s, const struct tcell *c)
{
    if (c->len == 0)
        return false;
    for (size_t i = 0; i < c->len; i++) {
        char ch = s[c->off + i];
        if (!is_digit(ch) && ch != ',' && ch != '.')
            return false;
    }
    return true;
}

/* A two-cell row closing a table: a short label and a bare figure
 * (`支出合计      101,976.70`), as totals rows leave the other cells blank. */
static bool total_row(const char *s, const struct tcell *c)
{
    return c[0].end - c[0].start <= 16 && bare_figure(s, &c[1]);
}

/* The header of the table at line k, in head (ncols cells). A header
 * indented over an unheaded label column (`      自然人  法人  总计` above
 * `本年新收申请数量  41  6  47`) gets an empty first cell spanning the
 * indent; *shifted says so. */
static size_t header_cells(const struct lines *L, size_t k, struct tcell *head, bool *shifted)
{
    struct tcell next[TT_MAX_COLS];
    size_t nh = split_cells(line_at(L, k), L->v[k].len, head + 1);
    *shifted = false;
    if (nh == 0 || head[1].start < 8 || k + 1 >= L->n)
        goto plain; /* not indented: the usual case, no second split */
    size_t nn = split_cells(line_at(L, k + 1), L->v[k + 1].len, next);
    if (nn == nh + 1 && next[0].start < 4 && next[0].end <= head[1].start + 2) {
        head[0] = (struct tcell){0, head[1].start > 2 ? head[1].start - 2 : 0, 0, 0};
        *shifted = true;
        return nh + 1;
    }
plain:
    memmove(head, head + 1, nh * sizeof *head);
    return nh;
}

/* Lines k.. that form a table: a header of three or more cells and rows of
 * three or more cells each, at most as many as the header, or a two-column
 * table whose rows pair a label with a bare figure; a one-cell group row
 * (`三、本年度办理结果`) may stand between rows. Returns how many lines (0
 * if too few or no cell holds a digit). */
static size_t table_extent(const struct lines *L, size_t k, size_t *ncols, bool *shifted)
{
    struct tcell head[TT_MAX_COLS + 1], cells[TT_MAX_COLS];
    if (L->v[k].flags & LINE_DROP)
        return 0;
    *ncols = header_cells(L, k, head, shifted);
    if (*ncols < 2 || *ncols > TT_MAX_COLS)
        return 0;
    bool pairs = *ncols == 2;
    if (pairs && (cell_has_digit(line_at(L, k), &head[1]) ||
                  cell_has_digit(line_at(L, k), &head[0])))
        return 0;
    size_t e = k + 1;
    bool digits = false;
    while (e < L->n && !(L->v[e].flags & LINE_DROP)) {
        const char *s = line_at(L, e);
        size_t nc = split_cells(s, L->v[e].len, cells);
        bool ok;
        if (pairs)
            ok = nc == 2 && bare_figure(s, &cells[1]);
        else if (nc == 1 && e + 1 < L->n) {
            struct tcell nx[TT_MAX_COLS];
            size_t nn = split_cells(line_at(L, e + 1), L->v[e + 1].len, nx);
            ok = nn >= 3 && nn <= *ncols; /* a group row: a data row follows */
        } else
            ok = (nc >= 3 || (nc == 2 && e - k >= 3 && total_row(s, cells))) && nc <= *ncols;
        if (!ok)
            break;
        for (size_t c = 0; c < nc; c++)
            digits = digits || cell_has_digit(s, &cells[c]);
        e++;
    }
    return (e - k >= (pairs ? 2u : 3u) && digits) ? e - k : 0;
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

/* A cell's text without the blanks of a letter-spaced word (`合  计`). */
static char *dup_cell(const char *s, size_t n)
{
    char *d = dup_n(s, n);
    if (d == NULL)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (d[i] == ' ' && o > 0 && (unsigned char)d[o - 1] >= 0x80 && i + 1 < n &&
            ((unsigned char)d[i + 1] >= 0x80 || d[i + 1] == ' '))
            continue;
        d[o++] = d[i];
    }
    d[o] = '\0';
    return d;
}

/* Fills grid (rows x ncols strings, owned) from lines k..k+rows. */
static bool table_grid(const struct lines *L, size_t k, size_t rows,
                       size_t ncols, char **grid)
{
    struct tcell head[TT_MAX_COLS + 1], cells[TT_MAX_COLS];
    bool shifted;
    header_cells(L, k, head, &shifted);
    for (size_t r = 0; r < rows; r++) {
        const char *s = line_at(L, k + r);
        size_t nc = split_cells(s, L->v[k + r].len, cells);
        for (size_t c = 0; c < nc; c++) {
            /* A row with one cell per header column maps by position: hand-
             * typed tables are often aligned loosely under wide headers. */
            size_t j = (r == 0 || nc == ncols) ? c + (r == 0 && shifted)
                                              : column_of(head, ncols, &cells[c]);
            /* A tab-separated row that opens with a tab left its first cell
             * empty (`⇥合计⇥33…` under `序号⇥乡镇⇥…`): the rest map by position. */
            if (r > 0 && nc + 1 == ncols && (L->v[k].flags & LINE_TABBED) &&
                (L->v[k + r].flags & LINE_LEAD_TAB))
                j = c + 1;
            /* a group row's one cell is its label */
            if (r > 0 && nc == 1)
                j = 0;
            char **slot = &grid[r * ncols + j];
            if (*slot != NULL)
                continue; /* two cells under one header: keep the first */
            *slot = dup_cell(s + cells[c].off, cells[c].len);
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

/* The caption of the table at line k: the line just above it, or one up
 * to three lines above that gives the unit (`表2 …(单位:件)` over a note
 * and a spanning header); its distance, 0 if none. */
static size_t caption_above(const struct lines *L, size_t k, const struct lines *out)
{
    for (size_t d = 1; d <= 3 && d <= k && d <= out->n; d++) {
        /* lines above that a table before consumed are not there to take */
        const struct span *o = &out->v[out->n - d];
        if (o->len != L->v[k - d].len ||
            memcmp(line_at(out, out->n - d), line_at(L, k - d), o->len) != 0)
            return 0;
        if (!is_caption(L, k - d))
            continue;
        if (d == 1 || contains(line_at(L, k - d), L->v[k - d].len, "单位"))
            return d;
    }
    return 0;
}

/* Renders grid (rows x ncols, freed here), the table whose first line is
 * L's line k, into out (one sentence a line); false when it does not read
 * as a data table. */
static bool render_grid(struct lines *L, size_t k, char **grid, size_t rows, size_t ncols,
                        bool filled, struct lines *out)
{
    size_t cap = caption_above(L, k, out);
    rp_tbuf buf = {0};
    bool ok = filled && rp_table_render((const char *const *)grid, rows, ncols,
                                        cap ? line_at(L, k - cap) : NULL, &buf) > 0;
    for (size_t i = 0; i < rows * ncols; i++)
        free(grid[i]);
    free(grid);
    if (ok && cap && out->n >= cap) {
        /* the caption comes back with the table: drop its earlier copy,
         * keeping the lines between */
        size_t at = out->n - cap;
        memmove(&out->v[at], &out->v[at + 1], (cap - 1) * sizeof out->v[0]);
        out->n--;
    }
    for (size_t i = 0; ok && i < buf.len;) {
        const char *nl = memchr(buf.p + i, '\n', buf.len - i);
        size_t e = nl ? (size_t)(nl - buf.p) : buf.len;
        rp_clean_lines_add(out, buf.p + i, e - i, LINE_TABLE);
        i = e + 1;
    }
    rp_tbuf_free(&buf);
    return ok;
}

/* Renders the aligned table at lines k..k+rows into out. */
static bool render_table(struct lines *L, size_t k, size_t rows, size_t ncols,
                         struct lines *out)
{
    char **grid = calloc(rows * ncols, sizeof *grid);
    if (grid == NULL)
        return false;
    bool filled = table_grid(L, k, rows, ncols, grid);
    return render_grid(L, k, grid, rows, ncols, filled, out);
}

/* ---- tables a PDF dump flattened to one cell a line ----
 *
 *   序号 / 指标名称 / 得分（分） / 全市排名 / 1 / 开办企业 / 92.6 / 2 / 2 / …
 *
 * A header of h short lines without digits, the first an index header
 * (序号), then rows of h lines, each row opening on its serial number 1, 2,
 * 3 …: the serials tell where a row starts, so the column count is known.
 * Blank and furniture lines between (a page break) are passed over. */

#define STACK_MAX_ROWS 200

/* A line of a figure alone (`1`, `92.6`, `-0.9`, `25 318`: a dump leaves
 * a blank between groups of three digits). */
static bool figure_line(const char *t, size_t n)
{
    size_t i = n > 1 && t[0] == '-' && is_digit(t[1]);
    for (; i < n; i++) {
        if (t[i] == ' ' && i > 0 && is_digit(t[i - 1]) && i + 3 < n &&
            is_digit(t[i + 1]) && is_digit(t[i + 2]) && is_digit(t[i + 3]) &&
            (i + 4 == n || !is_digit(t[i + 4])))
            continue;
        if (!is_digit(t[i]) && t[i] != '.' && t[i] != ',')
            return false;
    }
    return n > 0;
}

/* The next line at or after k that holds text and is not furniture; a
 * figure alone on its line is a cell here, though the page-number test
 * took it for furniture. */
static size_t next_text_line(const struct lines *L, size_t k)
{
    for (; k < L->n; k++) {
        const char *t = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&t, &n);
        if (n > 0 && (!(L->v[k].flags & LINE_DROP) || figure_line(t, n)))
            return k;
    }
    return L->n;
}

/* Line k as one short cell (cell_text); no digit unless digits. */
static bool short_cell(const struct lines *L, size_t k, size_t max, bool digits)
{
    const char *t = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&t, &n);
    if (!cell_text(t, n, max))
        return false;
    for (size_t i = 0; i < n && !digits; i++)
        if (is_digit(t[i]))
            return false;
    return true;
}

static bool has_digit(const struct lines *L, size_t k)
{
    const char *t = line_at(L, k);
    for (size_t i = 0; i < L->v[k].len; i++)
        if (is_digit(t[i]))
            return true;
    return false;
}

/* 合计, 总计, 小计 alone on a line. */
static bool total_label(const struct lines *L, size_t k)
{
    const char *t = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&t, &n);
    return n == 6 && (memcmp(t, "合计", 6) == 0 || memcmp(t, "总计", 6) == 0 ||
                      memcmp(t, "小计", 6) == 0);
}

static bool serial_line(const struct lines *L, size_t k, size_t want)
{
    const char *t = line_at(L, k);
    size_t n = L->v[k].len, v = 0;
    trim(&t, &n);
    if (n == 0 || n > 3)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(t[i]))
            return false;
        v = v * 10 + (size_t)(t[i] - '0');
    }
    return v == want;
}

/* A cell of a figure, or of a dash for none (`—`, `-`). */
static bool figure_cell(const struct lines *L, size_t k)
{
    const char *t = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&t, &n);
    return figure_line(t, n) || (n == 1 && t[0] == '-') ||
           (n == 3 && (memcmp(t, "\xE2\x80\x94", 3) == 0 || memcmp(t, "\xEF\xBC\x8D", 3) == 0));
}

/* The header cells of a flattened table from line k: short lines without
 * digits (with digits when dated, `9月`, `1—9月`, but no figure), at most
 * max; fills at[] with their lines, sets *next (when not NULL) to the line
 * after them and returns their number. */
static size_t stacked_header(const struct lines *L, size_t k, size_t *at, size_t max,
                             bool dated, size_t *next)
{
    size_t h = 0, j = k;
    while (h < max && j < L->n && short_cell(L, j, 12, dated) &&
           !(dated && figure_cell(L, j))) {
        at[h++] = j;
        j = next_text_line(L, j + 1);
    }
    if (next != NULL)
        *next = j;
    return h;
}

static bool bracket_line(const struct lines *L, size_t k);
static bool page_break_before(const struct lines *L, size_t k);

/* The flattened table whose header starts at line k: fills at[] with the
 * line of each cell (header first) and returns the number of lines it
 * spans, 0 if there is none; *ncols and *rows (header included) are set.
 * A header cell wrapped before its note (`投资⏎（万元）`) runs from at[c]
 * to hend[c]. */
static size_t stacked_extent(const struct lines *L, size_t k, size_t *at, size_t *hend,
                             size_t *ncols, size_t *rows)
{
    size_t j, lines = stacked_header(L, k, at, TT_MAX_COLS, false, &j), h = 0;
    for (size_t i = 0; i < lines; i++) {
        if (h > 1 && bracket_line(L, at[i])) {
            hend[h - 1] = at[i];
        } else {
            at[h] = hend[h] = at[i];
            h++;
        }
    }
    if (h < 3 || h >= TT_MAX_COLS || j >= L->n || !serial_line(L, j, 1))
        return 0;
    size_t r = 1, end = j;
    for (;;) {
        /* a page break between rows leaves its running title (two lines
         * at most) before the next serial */
        size_t p = j;
        for (int skip = 0; skip < 2 && p < L->n && !serial_line(L, p, r) &&
                           (short_cell(L, p, 24, true) || page_break_before(L, p));
             skip++)
            p = next_text_line(L, p + 1);
        if (r > STACK_MAX_ROWS || p >= L->n || !serial_line(L, p, r))
            break;
        j = p;
        size_t c = 0, jj = j;
        for (; c < h && jj < L->n && (c == 0 || short_cell(L, jj, 24, true)); c++) {
            at[r * h + c] = jj;
            jj = next_text_line(L, jj + 1);
        }
        if (c < h)
            break;
        r++;
        end = j = jj;
    }
    if (r < 3) /* two rows at least */
        return 0;
    /* a total row after the last serial (合计 / 34.0 / 6,596): its label
     * stands for both the serial and the name */
    if (r <= STACK_MAX_ROWS && end < L->n && total_label(L, end)) {
        size_t c = 2, jj = next_text_line(L, end + 1);
        for (; c < h && jj < L->n && short_cell(L, jj, 24, true) && has_digit(L, jj); c++) {
            at[r * h + c] = jj;
            jj = next_text_line(L, jj + 1);
        }
        if (c == h) {
            at[r * h] = at[r * h + 1] = end;
            r++;
            end = jj;
        }
    }
    *ncols = h;
    *rows = r;
    return end - k;
}

/* A page break lies between line k and the text line before it: a page
 * number dropped or passed, a page's first line, or the blank lines a
 * dump leaves round them (cells of a table follow each other). */
static bool page_break_before(const struct lines *L, size_t k)
{
    for (size_t j = k + 1; j-- > 0;) {
        if (L->v[j].flags & (LINE_PAGE_START | LINE_DROP))
            return true;
        const char *t = line_at(L, j);
        size_t n = L->v[j].len;
        trim(&t, &n);
        if (j < k)
            return n == 0;
    }
    return false;
}

/* A header line that is a note in brackets (`（%）`, `(万元)`): the end of
 * the header above it. */
static bool bracket_line(const struct lines *L, size_t k)
{
    const char *t = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&t, &n);
    return n >= 2 && (t[0] == '(' || has_prefix(t, n, "\xEF\xBC\x88")); /* （ */
}

/* A header line that is a period alone (`9月`, `1—10月`, `2024年`): the
 * start of the header below it (`9月⏎同比`) when the header wrapped. */
static bool period_line(const struct lines *L, size_t k)
{
    const char *t = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&t, &n);
    bool digit = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp = rp_text_next(t, n, &i);
        digit = digit || (cp >= '0' && cp <= '9');
        if (!((cp >= '0' && cp <= '9') || cp == '-' || cp == '~' || cp == 0x2014 || cp == 0x2013 ||
              cp == 0x81F3 || cp == 0x5E74 || cp == 0x6708)) /* 至 年 月 */
            return false;
    }
    return digit && (contains(t, n, "月") || contains(t, n, "年"));
}

/* Groups the header lines hl[0..h) into w columns: column c runs from line
 * first[c] to line hend[c]. A header wrapped over lines (`同比增长⏎（%）`,
 * `1—10月⏎完成数`) is joined: a bracketed note to the line above, a period
 * to the line below; then, if one line too many is left, the adjacent pair
 * that is longest together (`比上年同期⏎增长（%）`), or if every column
 * after the label has two, each pair. False when the lines do not make w. */
static bool header_columns(const struct lines *L, const size_t *hl, size_t h, size_t w,
                           size_t *first, size_t *hend)
{
    size_t g0[12], g1[12], n = 0; /* groups of lines, first and last index into hl */
    if (h > 12 || w < 2)
        return false;
    for (size_t i = 0; i < h; i++) {
        if (h > w && i > 1 && bracket_line(L, hl[i]) && n > 1)
            g1[n - 1] = i;
        else
            g0[n] = g1[n] = i, n++;
    }
    for (size_t j = 1; j + 1 < n && n > w;) {
        if (g0[j] == g1[j] && period_line(L, hl[g0[j]])) {
            g1[j] = g1[j + 1];
            memmove(&g0[j + 1], &g0[j + 2], (n - j - 2) * sizeof g0[0]);
            memmove(&g1[j + 1], &g1[j + 2], (n - j - 2) * sizeof g1[0]);
            n--;
        }
        j++;
    }
    if (n == w + 1 && w >= 3) {
        size_t pair = 1, best = 0;
        for (size_t j = 1; j + 1 < n; j++) {
            size_t len = 0;
            for (size_t i = g0[j]; i <= g1[j + 1]; i++)
                len += L->v[hl[i]].len;
            if (len > best) {
                best = len;
                pair = j;
            }
        }
        g1[pair] = g1[pair + 1];
        memmove(&g0[pair + 1], &g0[pair + 2], (n - pair - 2) * sizeof g0[0]);
        memmove(&g1[pair + 1], &g1[pair + 2], (n - pair - 2) * sizeof g1[0]);
        n--;
    } else if (n > w && n - 1 == 2 * (w - 1)) {
        for (size_t c = 1; c < w; c++)
            g0[c] = g0[2 * c - 1], g1[c] = g1[2 * c];
        n = w;
    }
    if (n != w)
        return false;
    for (size_t c = 0; c < w; c++) {
        first[c] = hl[g0[c]];
        hend[c] = hl[g1[c]];
    }
    return true;
}

/* A column whose header is 单位 holds units (`元`, `万人`; a dash is a
 * figure cell). */
static bool unit_cell(const struct lines *L, size_t k, bool unit_col)
{
    return unit_col && short_cell(L, k, 4, false);
}

/* Two to four Han characters spaced out to a column's width (`合  计`,
 * `葳 城 区`): one word. */
static bool spaced_word(const char *t, size_t n)
{
    size_t han = 0, blanks = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp = rp_text_next(t, n, &i);
        if (cp == ' ' || cp == 0x3000)
            blanks++;
        else if (rp_cp_is_han(cp))
            han++;
        else
            return false;
    }
    return han >= 2 && han <= 4 && blanks > 0;
}

/* A row's label: a short cell, longer when it closes on the row's unit
 * (人均综合能耗（千克标准煤/人）), or a spaced-out word. */
static bool row_label(const struct lines *L, size_t k)
{
    if (short_cell(L, k, 12, false))
        return true;
    const char *t = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&t, &n);
    return (n > 3 && (t[n - 1] == ')' || memcmp(t + n - 3, "\xEF\xBC\x89", 3) == 0) &&
            short_cell(L, k, 20, false)) ||
           spaced_word(t, n);
}

/* The same without serials, the rows told apart by their shape:
 *
 *   乡镇 / 茶园面积（亩） / 霁山镇 / 28,000 / 栌坪乡 / 19,600 / 合计 / 126,000
 *
 * A label header (乡镇), the other headers short lines (wrapped ones
 * joined, header_columns), then rows of a label without digits and a figure
 * for each other column, or a unit under a 单位 header. hend[] gets the
 * last line of each header cell. */
static size_t label_extent(const struct lines *L, size_t k, size_t *at, size_t *hend,
                           size_t *ncols, size_t *rows)
{
    size_t hl[12];
    size_t h0 = stacked_header(L, k, hl, 12, true, NULL);
    /* the last header read may be the first row's label */
    for (size_t h = h0; h >= 2; h--) {
        for (size_t w = h < 8 ? h : 8; w >= 2; w--) {
            if (!header_columns(L, hl, h, w, at, hend))
                continue;
            bool unit_col[8];
            for (size_t c = 0; c < w; c++) {
                const char *t = line_at(L, at[c]);
                size_t n = L->v[at[c]].len;
                trim(&t, &n);
                unit_col[c] = c > 0 && at[c] == hend[c] && n == 6 && memcmp(t, "单位", 6) == 0;
            }
            size_t r = 1, p = next_text_line(L, hl[h - 1] + 1);
            size_t end = p;
            while (r <= STACK_MAX_ROWS && p < L->n) {
                /* a page break between rows leaves its running title, of
                 * any length */
                for (int skip = 0; skip < 2 && page_break_before(L, p); skip++) {
                    size_t q = next_text_line(L, p + 1);
                    if (q >= L->n || figure_cell(L, q))
                        break;
                    p = q;
                }
                if (p >= L->n || !row_label(L, p))
                    break;
                /* the row's cells go in as they are checked: a row that
                 * fails is not counted, and the slots it filled are past
                 * the header */
                at[r * w] = p;
                size_t c = 1, jj = next_text_line(L, p + 1);
                for (; c < w && jj < L->n && (figure_cell(L, jj) || unit_cell(L, jj, unit_col[c]));
                     c++) {
                    at[r * w + c] = jj;
                    jj = next_text_line(L, jj + 1);
                }
                if (c < w)
                    break;
                r++;
                end = p = jj;
            }
            if (r >= 3) {
                *ncols = w;
                *rows = r;
                return end - k;
            }
        }
    }
    return 0;
}

/* Cell c of a flattened table: its line, or a header's lines through
 * hend[c] when it wrapped (hend NULL: none did). */
static char *stacked_cell(const struct lines *L, const size_t *at, const size_t *hend,
                          size_t c)
{
    const char *t = line_at(L, at[c]);
    size_t n = L->v[at[c]].len;
    trim(&t, &n);
    if (figure_line(t, n) || spaced_word(t, n)) { /* `25 318`, `合  计` */
        char *d = dup_n(t, n);
        size_t o = 0;
        for (size_t i = 0; d != NULL && i < n; i++) {
            if (i + 3 <= n && memcmp(d + i, "\xE3\x80\x80", 3) == 0)
                i += 2; /* U+3000 */
            else if (d[i] != ' ')
                d[o++] = d[i];
        }
        if (d != NULL)
            d[o] = '\0';
        return d;
    }
    if (hend == NULL || hend[c] == at[c])
        return dup_n(t, n);
    size_t len = 0;
    for (size_t k = at[c]; k <= hend[c]; k++)
        len += L->v[k].len;
    char *d = malloc(len + 1);
    if (d == NULL)
        return NULL;
    size_t o = 0;
    for (size_t k = at[c]; k <= hend[c]; k++) {
        if (blank_or_dropped(L, k))
            continue;
        const char *u = line_at(L, k);
        size_t un = L->v[k].len;
        trim(&u, &un);
        memcpy(d + o, u, un);
        o += un;
    }
    d[o] = '\0';
    return d;
}

static bool render_stacked(struct lines *L, size_t k, const size_t *at, const size_t *hend,
                           size_t rows, size_t ncols, struct lines *out)
{
    char **grid = calloc(rows * ncols, sizeof *grid);
    if (grid == NULL)
        return false;
    bool filled = true;
    for (size_t c = 0; c < rows * ncols && filled; c++) {
        grid[c] = stacked_cell(L, at, c < ncols ? hend : NULL, c);
        filled = grid[c] != NULL;
    }
    return render_grid(L, k, grid, rows, ncols, filled, out);
}

/* ---- rules and page breaks inside an aligned table ---- */

/* A line drawn with box-drawing characters, dashes or equals signs alone:
 * a rule above, below or inside a table. */
static bool rule_line(const char *s, size_t n)
{
    size_t i = 0, marks = 0;
    while (i < n) {
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == ' ')
            continue;
        if (!((cp >= 0x2500 && cp <= 0x257F) || cp == '-' || cp == '=' || cp == 0x2014 ||
              cp == 0x2015 || cp == 0xFF0D || cp == 0xFF1D))
            return false;
        marks++;
    }
    return marks >= 6;
}

/* `表1（续）`, `续表2`, `（续表）`: the caption a table takes again on the
 * page it runs on to. */
static bool continued_caption(const struct lines *L, size_t k)
{
    const char *s = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&s, &n);
    return n > 0 && count_cps(s, n) <= 24 && contains(s, n, "续") &&
           (has_prefix(s, n, "表") || has_prefix(s, n, "续表") || has_prefix(s, n, "（续表") ||
            has_prefix(s, n, "(续表"));
}

/* A line of two or more cells, one with a digit: a data row. */
static bool data_row(const struct lines *L, size_t k)
{
    struct tcell cells[TT_MAX_COLS];
    return !(L->v[k].flags & LINE_DROP) && has_digit(L, k) &&
           split_cells(line_at(L, k), L->v[k].len, cells) >= 2;
}

/* Takes the rules out of L, and the page break inside a table: the blank
 * and furniture lines and the continued caption between a data row and the
 * data row that goes on after it, so that the table reads as one. */
static void mend_tables(struct lines *L)
{
    size_t w = 0;
    unsigned page = 0;
    for (size_t k = 0; k < L->n; k++) {
        if (rule_line(line_at(L, k), L->v[k].len)) {
            page |= L->v[k].flags & LINE_PAGE_START;
            continue;
        }
        if (continued_caption(L, k)) {
            size_t before = w, after = k + 1;
            while (before > 0 && blank_or_dropped(L, before - 1))
                before--;
            while (after < L->n && (blank_or_dropped(L, after) ||
                                    rule_line(line_at(L, after), L->v[after].len)))
                after++;
            if (before > 0 && after < L->n && data_row(L, before - 1) && data_row(L, after)) {
                w = before;
                k = after - 1;
                page = 0;
                continue;
            }
        }
        L->v[w] = L->v[k];
        L->v[w++].flags |= page;
        page = 0;
    }
    L->n = w;
}

/* Rebuilds L with each aligned text table replaced by its sentences. */
int rp_clean_render_text_tables(struct lines *L, size_t *tables)
{
    mend_tables(L);
    struct lines out = {0};
    *tables = 0;
    /* A block that does not read as a data table is retried from its second
     * line once (a stray line above the real header), then passed over as
     * text: retrying from every line of it would cost its length squared. */
    size_t plain_until = 0;
    bool retried = false;
    size_t *stacked = NULL; /* cell lines of a flattened table */
    for (size_t k = 0; k < L->n;) {
        size_t ncols = 0, rows = 0;
        bool shifted = false;
        if (k >= plain_until)
            rows = table_extent(L, k, &ncols, &shifted);
        if (rows > 0 && render_table(L, k, rows, ncols, &out)) {
            (*tables)++;
            k += rows;
            retried = false;
            continue;
        }
        const char *t = line_at(L, k);
        size_t tn = L->v[k].len;
        trim(&t, &tn);
        /* a flattened table may start */
        bool flat = rows == 0 && !(L->v[k].flags & LINE_DROP) &&
                    (index_header_text(t, tn) || label_header_text(t, tn));
        if (flat && stacked == NULL)
            stacked = malloc((STACK_MAX_ROWS + 1) * TT_MAX_COLS * sizeof *stacked);
        size_t srows = 0, span = 0, hend[TT_MAX_COLS];
        bool serials = index_header_text(t, tn);
        if (flat && stacked != NULL)
            span = serials ? stacked_extent(L, k, stacked, hend, &ncols, &srows)
                           : label_extent(L, k, stacked, hend, &ncols, &srows);
        if (span > 0 && render_stacked(L, k, stacked, hend, srows, ncols, &out)) {
            (*tables)++;
            k += span;
            continue;
        }
        if (rows > 0) {
            plain_until = retried ? k + rows : k + 1;
            retried = !retried;
        }
        rp_clean_lines_add(&out, line_at(L, k), L->v[k].len, L->v[k].flags);
        k++;
    }
    free(stacked);
    if (out.failed || out.arena.failed) {
        rp_clean_lines_free(&out);
        return -1;
    }
    rp_clean_lines_free(L);
    *L = out;
    return 0;
}
