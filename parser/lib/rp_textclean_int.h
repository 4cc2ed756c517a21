/* rp_textclean_int.h: what the rp_textclean*.c files share; not part of the
 * library's interface (rp_textclean.h is).
 *
 * The text is held as lines (struct lines). Each pass marks lines
 * (LINE_DROP, LINE_PAGE_START) or rebuilds the set; rp_textclean() in
 * rp_textclean.c runs them in order:
 *   rp_textclean_lines.c      line store, splitting the input into lines
 *   rp_textclean_furniture.c  page numbers and headers, running titles
 *   rp_textclean_columns.c    two-column dumps read column by column
 *   rp_textclean_tables.c     aligned text tables rendered as sentences
 *   rp_textclean_boiler.c     article boilerplate dropped, metadata kept
 *   rp_textclean_wrap.c       wrapped lines joined, the clean text written
 *   rp_textclean_date.c       rp_find_date()
 * Passes that rebuild the lines return -1 on allocation failure and leave
 * L as it was; a marking pass whose scratch allocation fails marks nothing. */
#ifndef RP_TEXTCLEAN_INT_H
#define RP_TEXTCLEAN_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rp_textclean.h"

/* ---- lines (rp_textclean_lines.c) --------------------------------------- */

/* LINE_TABBED: the line had tabs (a tab-separated table row, perhaps);
 * LINE_LEAD_TAB: it opened with one (an empty first cell: `⇥合计⇥33…`). */
enum {
    LINE_DROP = 1,
    LINE_PAGE_START = 2,
    LINE_TABBED = 4,
    LINE_LEAD_TAB = 8,
    LINE_COLUMN = 16,
    LINE_TABLE = 32, /* a sentence a table was rendered into: a line of its own */
};

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

void rp_clean_lines_free(struct lines *L);
/* Appends a copy of s[0..n). On allocation failure sets L->failed or
 * L->arena.failed; the owner checks both once at the end. */
void rp_clean_lines_add(struct lines *L, const char *s, size_t n,
                        unsigned flags);
/* Splits into lines: CR/CRLF -> LF, form feed starts a page, tabs become
 * four spaces, NBSP and ideographic spaces become one space (so columns
 * still count one per code point), controls and zero-width marks vanish. */
void rp_clean_split_lines(const char *t, size_t len, struct lines *L);

/* Line k, NUL-terminated (its length is L->v[k].len). */
static inline const char *line_at(const struct lines *L, size_t k)
{
    return L->arena.p + L->v[k].off;
}

/* ---- byte helpers ------------------------------------------------------- */

static inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads 1..maxd digits at s[*i]; returns the value or -1. */
static inline long read_num(const char *s, size_t len, size_t *i, int maxd)
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

static inline void trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' '))
        (*s)++, (*n)--;
    while (*n > 0 && (*s)[*n - 1] == ' ')
        (*n)--;
}

static inline bool has_prefix(const char *s, size_t n, const char *p)
{
    if (n == 0 || s[0] != p[0])
        return false; /* the common case, checked before strlen */
    size_t k = strlen(p);
    return n >= k && memcmp(s, p, k) == 0;
}

static inline bool contains(const char *s, size_t n, const char *p)
{
    return memmem(s, n, p, strlen(p)) != NULL;
}

static inline size_t count_cps(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

static inline bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_digit(s[i]))
            return false;
    return true;
}

/* A table cell a dump put on its own line (trimmed s[0..n)): at most max
 * characters, no sentence or clause mark, no run of blanks (two cells). */
static inline bool cell_text(const char *s, size_t n, size_t max)
{
    static const char *const marks[] = {"\xE3\x80\x82", "\xEF\xBC\x8C", "\xEF\xBC\x9B",
                                        "\xEF\xBC\x9A", ";", ":", "  ", NULL}; /* 。，；： */
    if (n == 0 || count_cps(s, n) > max)
        return false;
    for (size_t i = 0; marks[i]; i++)
        if (contains(s, n, marks[i]))
            return false;
    /* a comma ends a clause, except between digits (4,860) */
    for (const char *c = s; (c = memchr(c, ',', (size_t)(s + n - c))) != NULL; c++)
        if (c == s || c + 1 == s + n || !is_digit(c[-1]) || !is_digit(c[1]))
            return false;
    return true;
}

/* Line k is blank or furniture. */
static inline bool blank_or_dropped(const struct lines *L, size_t k)
{
    const char *s = line_at(L, k);
    size_t n = L->v[k].len;
    trim(&s, &n);
    return n == 0 || (L->v[k].flags & LINE_DROP);
}

/* The index column's header (序号, 编号) alone on its line: where a table a
 * dump flattened to one cell a line starts. */
static inline bool index_header_text(const char *s, size_t n)
{
    return n == 6 && (memcmp(s, "序号", 6) == 0 || memcmp(s, "编号", 6) == 0);
}

/* The label column's header (乡镇, 街道, 社区, 单位名称, 项目, 县（区）) alone
 * on its line: where a flattened table without serials may start. */
static inline bool label_header_text(const char *s, size_t n)
{
    static const char *const words[] = {"乡镇", "街道", "单位", "名称", "项目", "指标", "部门",
                                        "类别", "类型", "村", "县", "区", "市", NULL};
    if (n < 3 || count_cps(s, n) > 6)
        return false;
    for (size_t i = 0; i < n; i++)
        if (is_digit(s[i]))
            return false;
    for (size_t k = 0; words[k]; k++)
        if (contains(s, n, words[k]))
            return true;
    return false;
}

static inline int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* A NUL-terminated copy of s[0..n), or NULL when out of memory. */
static inline char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p != NULL) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* ---- passes -------------------------------------------------------------- */

/* rp_textclean_furniture.c: drops page headers, page numbers and runs of
 * page numbers, marks page starts, and counts the pages that hold text. */
void rp_clean_mark_furniture(struct lines *L, size_t *pages);
/* Short lines that recur are running titles: on at least half the pages of
 * a paged text, or three times (without digits) in an unpaged one. */
void rp_clean_mark_repeated(struct lines *L, size_t pages);
/* A magazine's running title printed twice at a page top, once bare and
 * once followed by the issue (`实践·党的教育版` / `实践·党的教育版 2021·5`):
 * a short line that begins another of the page's first lines, the rest of
 * which is a blank or a digit, is furniture, and so is that other line. */
void rp_clean_mark_page_titles(struct lines *L);

/* rp_textclean_columns.c: rebuilds L with each two-column page read column
 * by column; counts those pages in *two_col. */
int rp_clean_deinterleave(struct lines *L, size_t *two_col);

/* rp_textclean_tables.c: rebuilds L with each aligned text table replaced
 * by its sentences; counts them in *tables. */
int rp_clean_render_text_tables(struct lines *L, size_t *tables);

/* rp_textclean_boiler.c: what boilerplate says about the article. Every
 * member is NULL or owned by the struct. */
struct meta {
    char *title;
    char *published;
    char *source;
    char *credit_source;
    char *footer_source;
};

/* Drops boilerplate lines, keeping what they say about the article in m
 * (a member already set is not overwritten); with want_title, the first
 * kept line becomes m->title when it looks like a headline. */
void rp_clean_strip_boilerplate(struct lines *L, struct meta *m,
                                bool want_title);

/* rp_textclean_wrap.c */
/* s[0..n) ends a paragraph: sentence-final punctuation or a colon, perhaps
 * before a closing quote or bracket; an empty line does too. */
bool rp_clean_ends_paragraph(const char *s, size_t n);
/* A wrapped dump: most lines stop mid-sentence and are short. */
bool rp_clean_looks_wrapped(const struct lines *L);
/* Writes the kept lines; with `join`, a line that neither ends a sentence
 * nor stops well short of a full line continues on the next one. */
void rp_clean_emit_lines(const struct lines *L, bool join, rp_tbuf *out);

#endif
