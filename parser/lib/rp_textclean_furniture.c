/* rp_textclean_furniture: page furniture. Page headers (`Page 51 - ...`),
 * page numbers and runs of them are dropped and mark page starts; short
 * lines repeated on many pages (running titles) are dropped. See
 * rp_textclean_int.h. */
#include "rp_textclean_int.h"

#include "rp_unit.h"

/* `Page 51 - ...` or `Page 51` */
static bool is_page_header(const char *s, size_t n)
{
    if (!has_prefix(s, n, "Page ") && !has_prefix(s, n, "PAGE "))
        return false;
    size_t i = 5;
    return read_num(s, n, &i, 5) >= 0;
}

/* `P. 51`, `p.51`, `- 51 -`, `51`, `第 3 页`, `第3页/共9页` */
static bool is_page_number(const char *s, size_t n)
{
    size_t i = 0;
    if (has_prefix(s, n, "P.") || has_prefix(s, n, "p.")) {
        i = 2;
        while (i < n && s[i] == ' ')
            i++;
        return all_digits(s + i, n - i) && n - i <= 4;
    }
    if (has_prefix(s, n, "第")) {
        return contains(s, n, "页") && n <= 40 &&
               (contains(s, n, "共") || has_prefix(s + n - 3, 3, "页"));
    }
    /* `— 3 —` (U+2014), the page number of an official document */
    while (i < n && (s[i] == '-' || s[i] == ' ' || s[i] == '[' || s[i] == '(' ||
                     (i + 3 <= n && memcmp(s + i, "\xE2\x80\x94", 3) == 0)))
        i += (unsigned char)s[i] == 0xE2 ? 3 : 1;
    size_t j = n;
    while (j > i && (s[j - 1] == '-' || s[j - 1] == ' ' || s[j - 1] == ']' ||
                     s[j - 1] == ')' || (j >= i + 3 && memcmp(s + j - 3, "\xE2\x80\x94", 3) == 0)))
        j -= (unsigned char)s[j - 1] == 0x94 ? 3 : 1;
    return j > i && j - i <= 4 && all_digits(s + i, j - i);
}

/* `漪川县水利局　2024年度工作总结　　　　第2页 共3页`: a running title with
 * the page number after a wide gap (two blanks or more, ASCII or
 * ideographic) is a page header. */
static bool titled_page_number(const char *s, size_t n)
{
    if (n < 3 || memcmp(s + n - 3, "页", 3) != 0)
        return false; /* the page number closes the line */
    size_t gap_end = 0, blanks = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == ' ' || cp == 0x3000) {
            blanks++;
            continue;
        }
        if (blanks >= 2 && at > 0)
            gap_end = at;
        blanks = 0;
    }
    return gap_end > 0 && has_prefix(s + gap_end, n - gap_end, "第") &&
           is_page_number(s + gap_end, n - gap_end);
}

/* `46 47 48 49 50`: three or more ascending page numbers and nothing else. */
static bool is_page_run(const char *s, size_t n)
{
    size_t i = 0;
    long prev = -1;
    int count = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        long v = read_num(s, n, &i, 4);
        if (v < 0 || (prev >= 0 && v != prev + 1))
            return false;
        if (i < n && s[i] != ' ')
            return false;
        prev = v;
        count++;
    }
    return count >= 3;
}

/* `...致富带头人` / `3` / `456名`: a bare number between a line that stops
 * mid-sentence and one that goes on with digits is the head of a number
 * wrapped across lines (`3 456`), not a page number. */
static bool splits_number(const struct lines *L, size_t k)
{
    if (k == 0 || k + 1 >= L->n || (L->v[k + 1].flags & LINE_PAGE_START))
        return false;
    const char *p = line_at(L, k - 1), *q = line_at(L, k + 1),
               *s = line_at(L, k);
    size_t pn = L->v[k - 1].len, qn = L->v[k + 1].len, n = L->v[k].len;
    trim(&p, &pn);
    trim(&q, &qn);
    trim(&s, &n);
    return pn > 0 && qn > 0 && all_digits(s, n) && is_digit(q[0]) &&
           !rp_clean_ends_paragraph(p, pn);
}

/* `1426` / `个` / `基层党组织`: a bare number whose unit opens the next line
 * is a figure of an infographic set line by line, not a page number. */
static bool heads_quantity(const struct lines *L, size_t k)
{
    if (k + 1 >= L->n || (L->v[k + 1].flags & LINE_PAGE_START))
        return false;
    const char *q = line_at(L, k + 1);
    size_t qn = L->v[k + 1].len;
    trim(&q, &qn);
    return qn > 0 && rp_unit_match(q, qn, 0) != NULL;
}

/* Line k opens a page: the text line before it is a page number (the
 * page's running title, `…实施情况报告` under `- 2 -`). */
static bool page_title(const struct lines *L, size_t k)
{
    for (size_t j = k; j-- > 0;) {
        const char *s = line_at(L, j);
        size_t n = L->v[j].len;
        trim(&s, &n);
        if (n > 0)
            return is_page_number(s, n);
    }
    return false;
}

/* `序号` / `指标名称` / … / `1` / `开办企业` / `92.6` / `2`: a table a dump
 * flattened to one cell a line (rp_textclean_tables reads it) puts bare
 * numbers between short cells. True when line k is inside one: the lines
 * above it up to an index or label header (序号, 乡镇) are all cells, blanks
 * or furniture. */
static bool in_flat_table(const struct lines *L, size_t k)
{
    for (size_t j = k, seen = 0; j > 0 && seen < 80; seen++) {
        j--;
        const char *s = line_at(L, j);
        size_t n = L->v[j].len;
        trim(&s, &n);
        if (n == 0 || is_page_number(s, n))
            continue;
        if (!cell_text(s, n, 24) && !page_title(L, j))
            return false;
        if (index_header_text(s, n) || label_header_text(s, n))
            return true;
    }
    return false;
}

void rp_clean_mark_furniture(struct lines *L, size_t *pages)
{
    bool next_starts = false;
    for (size_t k = 0; k < L->n; k++) {
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&s, &n);
        if (next_starts)
            L->v[k].flags |= LINE_PAGE_START;
        next_starts = false;
        if (is_page_header(s, n) || titled_page_number(s, n)) {
            L->v[k].flags |= LINE_DROP | LINE_PAGE_START;
        } else if (is_page_run(s, n)) {
            L->v[k].flags |= LINE_DROP;
            next_starts = true;
        } else if (is_page_number(s, n) && !splits_number(L, k) && !heads_quantity(L, k) &&
                   !(all_digits(s, n) && in_flat_table(L, k))) {
            L->v[k].flags |= LINE_DROP;
        }
    }
    /* Pages that hold text: several breaks in a row make one boundary. */
    size_t p = 0;
    bool content = false;
    for (size_t k = 0; k < L->n; k++) {
        if ((L->v[k].flags & LINE_PAGE_START) && content) {
            p++;
            content = false;
        }
        content = content || (!(L->v[k].flags & LINE_DROP) && L->v[k].len > 0);
    }
    p += content;
    *pages = p ? p : 1;
}

/* Compares lines with every digit treated alike, so `2025年第3期` and
 * `2025年第4期` are one running title. */
static int cmp_folded(const char *a, const char *b)
{
    for (;; a++, b++) {
        char x = is_digit(*a) ? '#' : *a, y = is_digit(*b) ? '#' : *b;
        if (x != y)
            return (unsigned char)x < (unsigned char)y ? -1 : 1;
        if (x == '\0')
            return 0;
    }
}

static int cmp_line_text(const void *a, const void *b, void *ctx)
{
    const struct lines *L = ctx;
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return cmp_folded(line_at(L, x), line_at(L, y));
}

void rp_clean_mark_repeated(struct lines *L, size_t pages)
{
    size_t *idx = malloc((L->n + 1) * sizeof *idx);
    if (idx == NULL)
        return;
    size_t m = 0;
    for (size_t k = 0; k < L->n; k++) {
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        bool digits = false;
        for (size_t i = 0; i < n; i++)
            digits = digits || is_digit(s[i]);
        if (!(L->v[k].flags & LINE_DROP) && n >= 4 && n <= 90 &&
            (pages >= 2 || !digits) && s[0] != ' ' && s[n - 1] != ' ' &&
            !rp_cp_ends_sentence(rp_text_prev(s, n, NULL)))
            idx[m++] = k;
    }
    qsort_r(idx, m, sizeof *idx, cmp_line_text, L);
    size_t need = pages >= 2 ? 2 : 3;
    for (size_t a = 0; a < m;) {
        size_t b = a + 1;
        while (b < m && cmp_folded(line_at(L, idx[a]), line_at(L, idx[b])) == 0)
            b++;
        /* a header a flattened table repeats (`9月 / 同比 / 9月 / 环比`) is
         * no running title: it follows the cell above it, where a running
         * title follows a page break's blank or furniture lines */
        size_t seen = 0;
        for (size_t k = a; k < b && b - a >= need; k++)
            seen += !(idx[k] > 0 && !blank_or_dropped(L, idx[k] - 1) &&
                      in_flat_table(L, idx[k]));
        if (seen >= need && seen >= (pages + 1) / 2)
            for (size_t k = a; k < b; k++)
                L->v[idx[k]].flags |= LINE_DROP;
        a = b;
    }
    free(idx);
}

/* What follows the title in `实践·党的教育版 2021·5`, `…2023年第3期`: an
 * issue, digits and a few marks, no words (`棹江县商务局` over
 * `棹江县商务局2024年外贸…总结` is a signature under its headline). */
static bool issue_rest(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t l = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            static const char *const ok[] = {"·", "年", "第", "期", "卷", "号", "总", "（", "）",
                                             NULL};
            l = 0;
            for (size_t k = 0; ok[k] && l == 0; k++)
                if (has_prefix(s + i, n - i, ok[k]))
                    l = strlen(ok[k]);
            if (l == 0)
                return false;
        } else if (!is_digit((char)c) && !strchr(" ./-()", c)) {
            return false;
        }
        i += l;
    }
    return true;
}

void rp_clean_mark_page_titles(struct lines *L)
{
    size_t page_start = 0, on_page = 0;
    for (size_t k = 0; k < L->n; k++) {
        if (L->v[k].flags & LINE_PAGE_START) {
            page_start = k;
            on_page = 0;
        }
        const char *a = line_at(L, k);
        size_t an = L->v[k].len;
        trim(&a, &an);
        if (an > 0)
            on_page++;
        /* a running title stands among the page's first lines */
        if (an < 6 || count_cps(a, an) > 20 || on_page > 6)
            continue;
        size_t seen = 0;
        for (size_t j = page_start; j < L->n && seen < 6; j++) {
            if (j > page_start && (L->v[j].flags & LINE_PAGE_START))
                break;
            const char *b = line_at(L, j);
            size_t bn = L->v[j].len;
            trim(&b, &bn);
            if (bn == 0 || (L->v[j].flags & LINE_DROP))
                continue;
            seen++;
            if (j == k || bn <= an || count_cps(b, bn) > 40 ||
                memcmp(a, b, an) != 0 || (b[an] != ' ' && !is_digit(b[an])) ||
                !issue_rest(b + an, bn - an))
                continue;
            L->v[j].flags |= LINE_DROP;
            L->v[k].flags |= LINE_DROP;
        }
    }
}
