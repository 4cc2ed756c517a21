/* rp_textclean_wrap: writing the kept lines out. When the text is a
 * wrapped dump, lines of one paragraph are joined (Han without a space) so
 * numbers and units rejoin. See rp_textclean_int.h. */
#include "rp_textclean_int.h"

#include "rp_number.h"

static bool is_ascii_alnum(uint32_t cp)
{
    return cp < 0x80 && ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                         (cp >= 'A' && cp <= 'Z'));
}

bool rp_clean_ends_paragraph(const char *s, size_t n)
{
    if (n == 0)
        return true;
    size_t st;
    uint32_t last = rp_text_prev(s, n, &st);
    if (last == 0x201D || last == '"' || last == 0xFF09 || last == ')') {
        if (st == 0)
            return false;
        last = rp_text_prev(s, st, NULL);
    }
    return rp_cp_ends_sentence(last) || last == 0xFF1A || last == ':';
}

bool rp_clean_looks_wrapped(const struct lines *L)
{
    size_t n = 0, open = 0;
    size_t *lens = malloc((L->n + 1) * sizeof *lens);
    if (lens == NULL)
        return false;
    for (size_t k = 0; k < L->n; k++) {
        if ((L->v[k].flags & LINE_DROP) || L->v[k].len == 0)
            continue;
        const char *s = line_at(L, k);
        size_t len = L->v[k].len;
        trim(&s, &len);
        if (len == 0)
            continue;
        lens[n++] = count_cps(s, len);
        open += !rp_clean_ends_paragraph(s, len);
    }
    bool wrapped = false;
    if (n >= 5) {
        qsort(lens, n, sizeof *lens, cmp_size);
        wrapped = open * 2 >= n && lens[n / 2] <= 60;
    }
    free(lens);
    return wrapped;
}

/* The length (code points) of a full line: the 80th percentile, over the
 * lines of two-column pages (column) or over the others. */
static size_t full_width(const struct lines *L, bool column)
{
    size_t n = 0, w = 0;
    size_t *lens = malloc((L->n + 1) * sizeof *lens);
    if (lens == NULL)
        return 0;
    for (size_t k = 0; k < L->n; k++) {
        const char *s = line_at(L, k);
        size_t len = L->v[k].len;
        trim(&s, &len);
        if (!(L->v[k].flags & LINE_DROP) && len > 0 &&
            ((L->v[k].flags & LINE_COLUMN) != 0) == column)
            lens[n++] = count_cps(s, len);
    }
    if (n > 0) {
        qsort(lens, n, sizeof *lens, cmp_size);
        w = lens[n * 4 / 5];
    }
    free(lens);
    return w;
}

/* A line that opens with a short field label (`建设地点：`, `工　　期：`). */
static bool field_line(const char *s, size_t n)
{
    size_t i = 0, han = 0;
    for (int c = 0; c < 10 && i < n; c++) {
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == 0xFF1A || cp == ':')
            return han >= 2;
        if (rp_cp_is_han(cp))
            han++;
        else if (cp != ' ' && cp != 0x3000)
            return false;
    }
    return false;
}

static bool numeral_cp(uint32_t cp)
{
    return (cp < 0x80 && is_digit((char)cp)) || rp_number_is_cn(cp);
}

/* A short line of prose that stops inside a number the next line goes on
 * with (`增设错车道四百二` / `十个。`): the dump broke the line there. Chinese
 * numerals on both sides are one number unless the next line opens an item
 * (`一、`); digits only in a line of prose (a comma in it), not after a label
 * (`附件1` over `2024年…`). */
static bool breaks_number(const struct lines *L, size_t k, const char *s, size_t n)
{
    uint32_t last = rp_text_prev(s, n, NULL);
    if (!numeral_cp(last) || count_cps(s, n) < 8)
        return false;
    for (size_t j = k + 1; j < L->n; j++) {
        if (L->v[j].flags & LINE_DROP)
            continue;
        const char *t = line_at(L, j);
        size_t m = L->v[j].len, i = 0;
        trim(&t, &m);
        if (m == 0)
            continue;
        uint32_t first = rp_text_next(t, m, &i);
        if (rp_number_is_cn(last) && rp_number_is_cn(first))
            return rp_text_next(t, m, &i) != 0x3001;
        return last < 0x80 && first < 0x80 && is_digit((char)first) &&
               contains(s, n, "\xEF\xBC\x8C"); /* ， */
    }
    return false;
}

/* Line k is blank: only blank and dropped lines lie between it and the
 * next line of text, and a page starts or page furniture was dropped
 * among them. */
static bool page_break_ahead(const struct lines *L, size_t k)
{
    bool furniture = false;
    for (size_t j = k; j < L->n; j++) {
        if (L->v[j].flags & LINE_PAGE_START)
            furniture = true;
        const char *t = line_at(L, j);
        size_t m = L->v[j].len;
        trim(&t, &m);
        if (m > 0 && !(L->v[j].flags & LINE_DROP))
            return furniture;
        furniture = furniture || m > 0;
    }
    return false;
}

void rp_clean_emit_lines(const struct lines *L, bool join, rp_tbuf *out)
{
    size_t full_page = join ? full_width(L, false) : 0;
    size_t full_column = join ? full_width(L, true) : 0;
    bool open = false;  /* the output ends inside a paragraph */
    bool field = false; /* the last line written opened with a field label */
    bool paging = false; /* blank lines of a page break inside a paragraph */
    for (size_t k = 0; k < L->n; k++) {
        if (L->v[k].flags & LINE_DROP)
            continue;
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&s, &n);
        if (n == 0) {
            /* Paragraphs flow across page breaks in a wrapped dump, blank
             * lines around the page's footer and header included. */
            paging = paging || (open && join && page_break_ahead(L, k));
            if (open && !paging) {
                rp_tbuf_putc(out, '\n');
                open = false;
            }
            continue;
        }
        paging = false;
        /* a run of `label：value` lines (a notice's fields) is never one
         * wrapped paragraph */
        bool this_field = field_line(s, n);
        if (open && field && this_field) {
            rp_tbuf_putc(out, '\n');
            open = false;
        }
        field = this_field;
        if (open && (L->v[k].flags & LINE_TABLE)) {
            rp_tbuf_putc(out, '\n');
            open = false;
        }
        if (open) {
            size_t i = 0;
            uint32_t first = rp_text_next(s, n, &i);
            uint32_t last = rp_text_prev(out->p, out->len, NULL);
            bool digits = first < 0x80 && last < 0x80 &&
                          is_digit((char)first) && is_digit((char)last);
            if (is_ascii_alnum(first) && is_ascii_alnum(last) && !digits)
                rp_tbuf_putc(out, ' ');
        }
        rp_tbuf_append(out, s, n);
        /* a bare number kept by splits_number() goes on with its digits */
        size_t full = (L->v[k].flags & LINE_COLUMN) ? full_column : full_page;
        open = join && !rp_clean_ends_paragraph(s, n) &&
               (count_cps(s, n) * 4 >= full * 3 || all_digits(s, n) || breaks_number(L, k, s, n));
        if (!open)
            rp_tbuf_putc(out, '\n');
    }
    if (open)
        rp_tbuf_putc(out, '\n');
}
