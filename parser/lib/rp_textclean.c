#include "rp_textclean.h"

#include "rp_html.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* ---- buffer ------------------------------------------------------------ */

static bool tbuf_grow(rp_tbuf *b, size_t more)
{
    if (b->failed)
        return false;
    if (b->cap - b->len > more)
        return true;
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap - b->len <= more)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void rp_tbuf_append(rp_tbuf *b, const char *s, size_t n)
{
    if (!tbuf_grow(b, n))
        return;
    if (n > 0)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void rp_tbuf_puts(rp_tbuf *b, const char *s)
{
    rp_tbuf_append(b, s, strlen(s));
}

void rp_tbuf_putc(rp_tbuf *b, char c)
{
    rp_tbuf_append(b, &c, 1);
}

void rp_tbuf_put_cp(rp_tbuf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    rp_tbuf_append(b, u, n);
}

char *rp_tbuf_take(rp_tbuf *b, size_t *len)
{
    if (b->failed) {
        rp_tbuf_free(b);
        return NULL;
    }
    if (b->p == NULL)
        rp_tbuf_append(b, "", 0);
    char *p = b->p;
    if (len != NULL)
        *len = b->len;
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

void rp_tbuf_free(rp_tbuf *b)
{
    if (b == NULL)
        return;
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- UTF-8 ------------------------------------------------------------- */

uint32_t rp_text_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s + *i;
    size_t left = len - *i;
    unsigned c = u[0];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || n > left || c > 0xF4) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t cp = c & (0x3F >> (n - 1));
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[k] & 0x3F);
    }
    *i += n;
    return cp;
}

uint32_t rp_text_prev(const char *s, size_t i, size_t *start)
{
    size_t k = i;
    while (k > 0 && i - k < 4) {
        k--;
        if (((unsigned char)s[k] & 0xC0) != 0x80)
            break;
    }
    size_t j = k;
    uint32_t cp = rp_text_next(s, i, &j);
    if (j != i) {
        k = i - 1;
        cp = 0xFFFD;
    }
    if (start != NULL)
        *start = k;
    return cp;
}

bool rp_cp_is_han(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

bool rp_cp_is_cjk(uint32_t cp)
{
    return rp_cp_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2018 && cp <= 0x201F) ||
           cp == 0x2026 || cp == 0x2014 || cp == 0x00B7;
}

bool rp_cp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
           cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0xFEFF;
}

bool rp_cp_ends_sentence(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
           cp == '!' || cp == '?' || cp == ';' || cp == 0x2026;
}

/* ---- dates ------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads 1..maxd digits at s[*i]; returns the value or -1. */
static long read_num(const char *s, size_t len, size_t *i, int maxd)
{
    long v = 0;
    int d = 0;
    while (*i < len && is_digit(s[*i]) && d < maxd) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        d++;
    }
    if (d == 0 || (*i < len && is_digit(s[*i])))
        return -1;
    return v;
}

/* Skips one date separator (-, /, ., 年, 月) at s[*i]. */
static bool skip_sep(const char *s, size_t len, size_t *i)
{
    if (*i < len && (s[*i] == '-' || s[*i] == '/' || s[*i] == '.')) {
        (*i)++;
        return true;
    }
    if (*i + 3 <= len && (memcmp(s + *i, "年", 3) == 0 ||
                          memcmp(s + *i, "月", 3) == 0)) {
        *i += 3;
        return true;
    }
    return false;
}

static bool date_at(const char *s, size_t len, size_t i, char *out,
                    size_t outlen)
{
    long y = read_num(s, len, &i, 4);
    if (y < 1900 || y > 2199 || !skip_sep(s, len, &i))
        return false;
    long m = read_num(s, len, &i, 2);
    if (m < 1 || m > 12 || !skip_sep(s, len, &i))
        return false;
    long d = read_num(s, len, &i, 2);
    if (d < 1 || d > 31 || outlen < 11)
        return false;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + (y / 100) % 10);
    out[2] = (char)('0' + (y / 10) % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return true;
}

bool rp_find_date(const char *s, size_t len, char *out, size_t outlen)
{
    for (size_t i = 0; i + 8 <= len; i++) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1])))
            continue;
        if (date_at(s, len, i, out, outlen))
            return true;
    }
    return false;
}

/* ---- lines ------------------------------------------------------------- */

enum { LINE_DROP = 1, LINE_PAGE_START = 2 };

struct span {
    size_t off;
    size_t len;
    unsigned flags;
};

struct lines {
    rp_tbuf arena;
    struct span *v;
    size_t n;
    size_t cap;
    bool failed;
};

static void lines_free(struct lines *L)
{
    rp_tbuf_free(&L->arena);
    free(L->v);
    memset(L, 0, sizeof *L);
}

static void lines_add(struct lines *L, const char *s, size_t n, unsigned flags)
{
    if (L->n == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 64;
        struct span *v = realloc(L->v, cap * sizeof *v);
        if (v == NULL) {
            L->failed = true;
            return;
        }
        L->v = v;
        L->cap = cap;
    }
    size_t off = L->arena.len;
    rp_tbuf_append(&L->arena, s, n);
    rp_tbuf_putc(&L->arena, '\0');
    L->v[L->n++] = (struct span){off, n, flags};
}

static const char *line_at(const struct lines *L, size_t k)
{
    return L->arena.p + L->v[k].off;
}

/* Splits into lines: CR/CRLF -> LF, form feed starts a page, tabs become
 * four spaces, NBSP and ideographic spaces become one space (so columns
 * still count one per code point), controls and zero-width marks vanish. */
static void split_lines(const char *t, size_t len, struct lines *L)
{
    rp_tbuf cur = {0};
    unsigned flags = LINE_PAGE_START;
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        uint32_t cp = rp_text_next(t, len, &i);
        if (cp == '\r' && i < len && t[i] == '\n')
            continue;
        if (cp == '\n' || cp == '\r' || cp == '\f') {
            lines_add(L, cur.p ? cur.p : "", cur.len, flags);
            cur.len = 0;
            flags = cp == '\f' ? LINE_PAGE_START : 0;
            continue;
        }
        if (cp == '\t')
            rp_tbuf_append(&cur, "    ", 4);
        else if (cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A))
            rp_tbuf_putc(&cur, ' ');
        else if (cp < 0x20 || cp == 0x7F || cp == 0x200B || cp == 0xFEFF ||
                 cp == 0x200C || cp == 0x200D)
            continue;
        else
            rp_tbuf_append(&cur, t + at, i - at);
    }
    if (cur.len > 0)
        lines_add(L, cur.p, cur.len, flags);
    if (cur.failed)
        L->failed = true;
    rp_tbuf_free(&cur);
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' '))
        (*s)++, (*n)--;
    while (*n > 0 && (*s)[*n - 1] == ' ')
        (*n)--;
}

static bool has_prefix(const char *s, size_t n, const char *p)
{
    if (n == 0 || s[0] != p[0])
        return false; /* the common case, checked before strlen */
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

static bool contains(const char *s, size_t n, const char *p)
{
    return memmem(s, n, p, strlen(p)) != NULL;
}

static size_t count_cps(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* ---- page furniture -------------------------------------------------- */

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return true;
}

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
    while (i < n && (s[i] == '-' || s[i] == ' ' || s[i] == '[' || s[i] == '('))
        i++;
    size_t j = n;
    while (j > i && (s[j - 1] == '-' || s[j - 1] == ' ' || s[j - 1] == ']' ||
                     s[j - 1] == ')'))
        j--;
    return j > i && j - i <= 4 && all_digits(s + i, j - i);
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

static bool ends_paragraph(const char *s, size_t n);

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
           !ends_paragraph(p, pn);
}

static void mark_furniture(struct lines *L, size_t *pages)
{
    bool next_starts = false;
    for (size_t k = 0; k < L->n; k++) {
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&s, &n);
        if (next_starts)
            L->v[k].flags |= LINE_PAGE_START;
        next_starts = false;
        if (is_page_header(s, n)) {
            L->v[k].flags |= LINE_DROP | LINE_PAGE_START;
        } else if (is_page_run(s, n)) {
            L->v[k].flags |= LINE_DROP;
            next_starts = true;
        } else if (is_page_number(s, n) && !splits_number(L, k)) {
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

/* Short lines that recur are running titles: on at least half the pages of
 * a paged text, or three times (without digits) in an unpaged one. */
static void mark_repeated(struct lines *L, size_t pages)
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
        if (b - a >= need && b - a >= (pages + 1) / 2)
            for (size_t k = a; k < b; k++)
                L->v[idx[k]].flags |= LINE_DROP;
        a = b;
    }
    free(idx);
}

/* A magazine's running title printed twice at a page top, once bare and
 * once followed by the issue (`实践·党的教育版` / `实践·党的教育版 2021·5`):
 * a short line that begins another of the page's first lines, the rest of
 * which is a blank or a digit, is furniture, and so is that other line. */
static void mark_page_titles(struct lines *L)
{
    size_t page_start = 0;
    for (size_t k = 0; k < L->n; k++) {
        if (L->v[k].flags & LINE_PAGE_START)
            page_start = k;
        const char *a = line_at(L, k);
        size_t an = L->v[k].len;
        trim(&a, &an);
        if (an < 6 || count_cps(a, an) > 20)
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
                memcmp(a, b, an) != 0 || (b[an] != ' ' && !is_digit(b[an])))
                continue;
            L->v[j].flags |= LINE_DROP;
            L->v[k].flags |= LINE_DROP;
        }
    }
}

/* ---- two-column dumps -------------------------------------------------- */

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

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static size_t median(size_t *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_size);
    return v[n / 2];
}

/* Column where the right column starts on lines a..b, or 0 if one column.
 * Two columns need at least three lines (and a fifth of the page's text
 * lines) split by a gap, most gaps ending within a few columns of the
 * median, and text, not short cells, on both sides (an aligned table in a
 * one-column text is not two columns). */
static size_t page_split_col(const struct lines *L, size_t a, size_t b)
{
    size_t n_text = 0, n_gap = 0;
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
        n_gap++;
    }
    size_t split = 0;
    if (n_gap >= 3 && n_gap * 5 >= n_text) {
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

static void add_trimmed(struct lines *L, const char *s, size_t n)
{
    trim(&s, &n);
    if (n > 0)
        lines_add(L, s, n, 0);
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
        lines_add(out, line_at(&right, k), right.v[k].len, 0);
    if (right.failed || right.arena.failed)
        out->failed = true;
    lines_free(&right);
}

static void copy_page(const struct lines *in, size_t a, size_t b,
                      struct lines *out)
{
    for (size_t k = a; k < b; k++)
        if (!(in->v[k].flags & LINE_DROP))
            lines_add(out, line_at(in, k), in->v[k].len, 0);
}

/* Rebuilds L with each two-column page read column by column. */
static int deinterleave(struct lines *L, size_t *two_col)
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
            lines_add(&out, "", 0, LINE_PAGE_START);
        a = b;
    }
    if (out.failed || out.arena.failed) {
        lines_free(&out);
        return -1;
    }
    lines_free(L);
    *L = out;
    return 0;
}

/* ---- traditional forms of boilerplate labels ---------------------------
 * Labels are matched on a copy of the line with these characters folded to
 * simplified ones; every pair is three UTF-8 bytes on both sides, so byte
 * offsets in the copy are offsets in the original. */
static const char T2S_PAIRS[] = "發发時时間间來来鏈链責责聲声編编輯辑審审對对頁页關关閉闭瀏浏覽览數数閱阅讀读訪访問问點点擊击網网圖图聯联繫系係系權权術术標标識识碼码當当辦办協协電电話话傳传郵邮備备號号資资訊讯佈布轉转載载條条廣广掃扫護护維维務务機机區区體体聽听於于為为與与員员";

struct t2s {
    uint32_t t, s;
};

static struct t2s t2s_table[sizeof T2S_PAIRS / 6 + 1];
static size_t t2s_n;
static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;

static int cmp_t2s(const void *a, const void *b)
{
    uint32_t x = ((const struct t2s *)a)->t, y = ((const struct t2s *)b)->t;
    return x < y ? -1 : x > y;
}

static void t2s_build(void)
{
    size_t len = sizeof T2S_PAIRS - 1, i = 0;
    while (i < len) {
        uint32_t t = rp_text_next(T2S_PAIRS, len, &i);
        uint32_t s = i < len ? rp_text_next(T2S_PAIRS, len, &i) : t;
        t2s_table[t2s_n++] = (struct t2s){t, s};
    }
    qsort(t2s_table, t2s_n, sizeof t2s_table[0], cmp_t2s);
}

/* Copies s[0..n) into f with the label characters folded (f: n+1 bytes). */
static void fold_labels(const char *s, size_t n, char *f)
{
    pthread_once(&t2s_once, t2s_build);
    memcpy(f, s, n);
    f[n] = '\0';
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = rp_text_next(s, n, &i);
        if (i - at != 3 || cp < 0x4E00 || cp > 0x9FFF)
            continue;
        struct t2s key = {cp, 0};
        const struct t2s *hit = bsearch(&key, t2s_table, t2s_n,
                                        sizeof key, cmp_t2s);
        if (hit == NULL)
            continue;
        f[at] = (char)(0xE0 | (hit->s >> 12));
        f[at + 1] = (char)(0x80 | ((hit->s >> 6) & 0x3F));
        f[at + 2] = (char)(0x80 | (hit->s & 0x3F));
    }
}

/* ---- aligned text tables ---------------------------------------------- */

#define TT_MAX_COLS 16

static char *dup_n(const char *s, size_t n);

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
        lines_add(out, buf.p + i, e - i, 0);
        i = e + 1;
    }
    rp_tbuf_free(&buf);
    return ok;
}

/* Rebuilds L with each aligned text table replaced by its sentences. */
static int render_text_tables(struct lines *L, size_t *tables)
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
        lines_add(&out, line_at(L, k), L->v[k].len, L->v[k].flags);
        k++;
    }
    if (out.failed || out.arena.failed) {
        lines_free(&out);
        return -1;
    }
    lines_free(L);
    *L = out;
    return 0;
}

/* ---- boilerplate ------------------------------------------------------- */

static const char *const DROP_PREFIX[] = {
    "原文链接", "原文地址", "本文链接", "文章链接", "原文网址", "免责声明",
    "上一篇", "下一篇", "上一条", "下一条", "上一页", "下一页", "分享到",
    "分享至", "责任编辑", "编辑:", "编辑" "\xEF\xBC\x9A", "审核:", "审核" "\xEF\xBC\x9A", "校对:",
    "校对:", "终审:", "终审" "\xEF\xBC\x9A", "打印本页", "打印此页", "关闭窗口",
    "打印】", "关闭】", "扫一扫", "浏览次数", "浏览量", "阅读量", "阅读次数",
    "阅读数", "访问量", "访问次数", "点击数", "点击量", "点击次数",
    "网站地图", "联系我们", "版权所有", "Copyright", "COPYRIGHT",
    "copyright", "©", "技术支持", "网站标识码", "当前位置", "您当前的位置",
    "您现在的位置", "您的位置", "所在位置", "作者:", "作者" "\xEF\xBC\x9A", "字号",
    "字体】", "【字体", "收藏本页", "设为首页", "加入收藏",
};

/* Labels that drop the line only when a colon follows closely. */
static const char *const COLON_PREFIX[] = {
    "主办", "承办", "协办", "地址", "电话", "联系电话", "传真", "邮编",
    "邮箱", "电子邮箱", "网站地址", "联系方式", "咨询电话",
};

static const char *const DROP_ANYWHERE[] = {
    "ICP备", "ICP证", "公网安备", "版权所有", "All Rights Reserved",
    "all rights reserved", "Copyright ©",
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Skips bullets and opening brackets that decorate boilerplate labels. */
static void skip_decor(const char **s, size_t *n)
{
    static const char *const decor[] = {"-", "*", ">", "|", "\xEF\xBC\xBB", "•", "·",
                                        "【", "〔", "[", "■", "◆", "▲", "★"};
    bool again = true;
    while (again && *n > 0) {
        again = false;
        if (**s == ' ') {
            (*s)++, (*n)--;
            again = true;
            continue;
        }
        for (size_t k = 0; k < ARRAY_LEN(decor); k++) {
            size_t dl = strlen(decor[k]);
            if (has_prefix(*s, *n, decor[k])) {
                *s += dl, *n -= dl;
                again = true;
                break;
            }
        }
    }
}

static bool colon_soon(const char *s, size_t n, size_t from)
{
    for (size_t i = from; i < n && i <= from + 9; i++)
        if (s[i] == ':' || has_prefix(s + i, n - i, "\xEF\xBC\x9A"))
            return true;
    return false;
}

static bool is_boilerplate(const char *s, size_t n)
{
    skip_decor(&s, &n);
    for (size_t k = 0; k < ARRAY_LEN(DROP_PREFIX); k++)
        if (has_prefix(s, n, DROP_PREFIX[k]))
            return true;
    for (size_t k = 0; k < ARRAY_LEN(COLON_PREFIX); k++)
        if (has_prefix(s, n, COLON_PREFIX[k]) &&
            colon_soon(s, n, strlen(COLON_PREFIX[k])))
            return true;
    if (n < 300)
        for (size_t k = 0; k < ARRAY_LEN(DROP_ANYWHERE); k++)
            if (contains(s, n, DROP_ANYWHERE[k]))
                return true;
    return false;
}

static bool open_paren(const char *s, size_t n)
{
    return has_prefix(s, n, "(") || has_prefix(s, n, "\xEF\xBC\x88");
}

static bool close_paren(const char *s, size_t n)
{
    return (n >= 1 && s[n - 1] == ')') ||
           (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x89", 3) == 0);
}

/* `(东河区委组织部 / 供稿)`, `(责任编辑 / 刘琳)`, `(供稿:xx)` */
static bool is_credit(const char *s, size_t n)
{
    return n < 160 && open_paren(s, n) && close_paren(s, n) &&
           (contains(s, n, "供稿") || contains(s, n, "责任编辑") ||
            contains(s, n, "通讯员") || contains(s, n, "记者"));
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static bool is_stop_word(const char *s, size_t n)
{
    static const char *const stops[] = {"作者", "发布", "时间", "浏览",
                                        "编辑", "点击", "字号", "日期",
                                        "承办", "阅读"};
    for (size_t k = 0; k < ARRAY_LEN(stops); k++)
        if (has_prefix(s, n, stops[k]))
            return true;
    return false;
}

/* The value after `label` (+ colon) up to a blank or the next label. */
/* `f` is the folded copy of `orig` (same length): labels are found in f, the
 * value is copied from orig. */
static char *value_after(const char *orig, const char *f, size_t n,
                         const char *label)
{
    const char *s = f;
    size_t k = strlen(label);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(s + i, label, k) != 0)
            continue;
        size_t j = i + k;
        while (j < n && s[j] == ' ')
            j++;
        if (j < n && s[j] == ':')
            j++;
        else if (has_prefix(s + j, n - j, "\xEF\xBC\x9A"))
            j += 3;
        else
            continue;
        while (j < n && s[j] == ' ')
            j++;
        size_t e = j;
        while (e < n && s[e] != ' ' && !is_stop_word(s + e, n - e) &&
               !has_prefix(s + e, n - e, "\xEF\xBC\x89") && s[e] != ')')
            e++;
        if (e > j)
            return dup_n(orig + j, e - j);
    }
    return NULL;
}

struct meta {
    char *title;
    char *published;
    char *source;
    char *credit_source;
    char *footer_source;
};

static bool is_meta_line(const char *s, size_t n)
{
    if (n > 200)
        return false;
    skip_decor(&s, &n);
    return contains(s, n, "发布时间") || contains(s, n, "发布日期") ||
           contains(s, n, "发表时间") || contains(s, n, "更新时间") ||
           has_prefix(s, n, "时间:") ||
           has_prefix(s, n, "时间" "\xEF\xBC\x9A") ||
           has_prefix(s, n, "日期:") ||
           has_prefix(s, n, "日期" "\xEF\xBC\x9A") ||
           ((has_prefix(s, n, "来源") || has_prefix(s, n, "信息来源") ||
             has_prefix(s, n, "文章来源") || has_prefix(s, n, "稿件来源")) &&
            colon_soon(s, n, 6));
}

static void take_meta(const char *s, const char *f, size_t n, struct meta *m)
{
    char date[16];
    if (m->published == NULL && rp_find_date(f, n, date, sizeof date))
        m->published = dup_n(date, strlen(date));
    if (m->source == NULL)
        m->source = value_after(s, f, n, "来源");
}

static void take_credit(const char *s, const char *f, size_t n,
                        struct meta *m)
{
    if (m->credit_source != NULL || !contains(s, n, "供稿"))
        return;
    size_t i = has_prefix(s, n, "(") ? 1 : 3;
    size_t e = i;
    while (e < n && s[e] != '/' && !has_prefix(s + e, n - e, "供稿"))
        e++;
    const char *v = s + i;
    size_t vn = e - i;
    trim(&v, &vn);
    if (vn > 0 && e < n && s[e] == '/')
        m->credit_source = dup_n(v, vn);
    else
        m->credit_source = value_after(s, f, n, "供稿");
}

static bool looks_like_title(const char *s, size_t n)
{
    size_t cps = 0, han = 0, i = 0;
    uint32_t last = 0;
    while (i < n) {
        uint32_t cp = rp_text_next(s, n, &i);
        if (cp == ' ')
            continue;
        cps++;
        han += rp_cp_is_han(cp);
        last = cp;
    }
    return cps >= 5 && cps <= 60 && han * 2 >= cps &&
           !rp_cp_ends_sentence(last) && last != 0xFF0C && last != 0x3001 &&
           !contains(s, n, "http");
}

/* Drops boilerplate lines, keeping what they say about the article. */
static void check_line(struct lines *L, size_t k, const char *s,
                       const char *f, size_t n, struct meta *m)
{
    if (is_meta_line(f, n)) {
        take_meta(s, f, n, m);
        L->v[k].flags |= LINE_DROP;
    } else if (is_credit(f, n)) {
        take_credit(s, f, n, m);
        L->v[k].flags |= LINE_DROP;
    } else if (is_boilerplate(f, n)) {
        if (m->footer_source == NULL && contains(f, n, "主办"))
            m->footer_source = value_after(s, f, n, "主办");
        L->v[k].flags |= LINE_DROP;
    }
}

/* Drops boilerplate lines, keeping what they say about the article. Only
 * a line's first FOLD_MAX bytes are examined: labels sit at the start and
 * footers are short. */
#define FOLD_MAX 400
static void strip_boilerplate(struct lines *L, struct meta *m, bool want_title)
{
    size_t looked = 0;
    char f[FOLD_MAX + 1];
    for (size_t k = 0; k < L->n; k++) {
        if (L->v[k].flags & LINE_DROP)
            continue;
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&s, &n);
        if (n == 0)
            continue;
        size_t fn = n;
        while (fn > FOLD_MAX)
            rp_text_prev(s, fn, &fn);
        fold_labels(s, fn, f);
        check_line(L, k, s, f, fn, m);
        if (!(L->v[k].flags & LINE_DROP) && want_title && m->title == NULL &&
            looked < 1) {
            looked++;
            if (looks_like_title(s, n))
                m->title = dup_n(s, n);
        }
    }
}

/* ---- joining wrapped lines --------------------------------------------- */

static bool is_ascii_alnum(uint32_t cp)
{
    return cp < 0x80 && ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                         (cp >= 'A' && cp <= 'Z'));
}

static bool ends_paragraph(const char *s, size_t n)
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

/* A wrapped dump: most lines stop mid-sentence and are short. */
static bool looks_wrapped(const struct lines *L)
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
        open += !ends_paragraph(s, len);
    }
    bool wrapped = false;
    if (n >= 5) {
        qsort(lens, n, sizeof *lens, cmp_size);
        wrapped = open * 2 >= n && lens[n / 2] <= 60;
    }
    free(lens);
    return wrapped;
}

/* The length (code points) of a full line: the 80th percentile. */
static size_t full_width(const struct lines *L)
{
    size_t n = 0, w = 0;
    size_t *lens = malloc((L->n + 1) * sizeof *lens);
    if (lens == NULL)
        return 0;
    for (size_t k = 0; k < L->n; k++) {
        const char *s = line_at(L, k);
        size_t len = L->v[k].len;
        trim(&s, &len);
        if (!(L->v[k].flags & LINE_DROP) && len > 0)
            lens[n++] = count_cps(s, len);
    }
    if (n > 0) {
        qsort(lens, n, sizeof *lens, cmp_size);
        w = lens[n * 4 / 5];
    }
    free(lens);
    return w;
}

/* Writes the kept lines; with `join`, a line that neither ends a sentence
 * nor stops well short of a full line continues on the next one. */
static void emit_lines(const struct lines *L, bool join, rp_tbuf *out)
{
    size_t full = join ? full_width(L) : 0;
    bool open = false; /* the output ends inside a paragraph */
    for (size_t k = 0; k < L->n; k++) {
        if (L->v[k].flags & LINE_DROP)
            continue;
        const char *s = line_at(L, k);
        size_t n = L->v[k].len;
        trim(&s, &n);
        if (n == 0) {
            /* Paragraphs flow across page breaks in a wrapped dump. */
            if (open && !(join && (L->v[k].flags & LINE_PAGE_START))) {
                rp_tbuf_putc(out, '\n');
                open = false;
            }
            continue;
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
        open = join && !ends_paragraph(s, n) &&
               (count_cps(s, n) * 4 >= full * 3 || all_digits(s, n));
        if (!open)
            rp_tbuf_putc(out, '\n');
    }
    if (open)
        rp_tbuf_putc(out, '\n');
}

/* ---- driver ------------------------------------------------------------ */

static char *or_empty(char *s)
{
    return s != NULL ? s : dup_n("", 0);
}

void rp_clean_result_release(rp_clean_result *r)
{
    if (r == NULL)
        return;
    free(r->text);
    free(r->title);
    free(r->published);
    free(r->source);
    memset(r, 0, sizeof *r);
}

static size_t count_dropped(const struct lines *L)
{
    size_t c = 0;
    for (size_t k = 0; k < L->n; k++)
        c += (L->v[k].flags & LINE_DROP) && L->v[k].len > 0;
    return c;
}

static void fill_meta(rp_clean_result *out, struct meta *m)
{
    out->title = or_empty(m->title);
    out->published = or_empty(m->published);
    if (m->source == NULL) {
        m->source = m->credit_source ? m->credit_source : m->footer_source;
        if (m->source == m->credit_source)
            m->credit_source = NULL;
        else
            m->footer_source = NULL;
    }
    out->source = or_empty(m->source);
    free(m->credit_source);
    free(m->footer_source);
}

int rp_textclean(const char *text, size_t len, unsigned flags,
                 rp_clean_result *out)
{
    memset(out, 0, sizeof *out);
    struct lines L = {0};
    struct meta m = {0};
    split_lines(text, len, &L);
    size_t pages = 1;
    if (flags & (RP_CLEAN_FURNITURE | RP_CLEAN_DUMP))
        mark_furniture(&L, &pages);
    if (flags & RP_CLEAN_DUMP)
        mark_page_titles(&L);
    out->pages = pages;
    size_t dropped = 0;
    if (flags & RP_CLEAN_DUMP) {
        dropped = count_dropped(&L); /* deinterleave leaves them behind */
        if (deinterleave(&L, &out->pages_two_col) != 0)
            L.failed = true;
    }
    if ((flags & RP_CLEAN_TABLES) &&
        render_text_tables(&L, &out->tables) != 0)
        L.failed = true;
    if (flags & RP_CLEAN_FURNITURE)
        mark_repeated(&L, pages);
    if (flags & RP_CLEAN_BOILERPLATE)
        strip_boilerplate(&L, &m, true);
    dropped += count_dropped(&L);
    bool join = (flags & RP_CLEAN_DUMP) &&
                (out->pages_two_col > 0 || looks_wrapped(&L));
    rp_tbuf buf = {0};
    emit_lines(&L, join, &buf);
    while (buf.len > 0 && buf.p[buf.len - 1] == '\n')
        buf.p[--buf.len] = '\0';
    out->text = rp_tbuf_take(&buf, &out->len);
    out->lines_dropped = dropped;
    out->joined_wraps = join;
    fill_meta(out, &m);
    bool failed = L.failed || L.arena.failed || out->text == NULL ||
                  out->title == NULL || out->published == NULL ||
                  out->source == NULL;
    lines_free(&L);
    if (failed) {
        rp_clean_result_release(out);
        return -1;
    }
    return 0;
}
