/* rp_textclean: turns document text (already UTF-8) into the clean report
 * text rp_extract_text() reads, and recovers article metadata on the way.
 *
 *  - page furniture: `Page 51 - ...`, `P. 51`, bare page numbers, runs of
 *    page numbers (`46 47 48 ...`), `第 3 页`, short lines repeated on many
 *    pages (running titles);
 *  - text dumps of two-column PDFs: lines holding both columns (a long run of
 *    spaces at a consistent column) are split, and each page is read left
 *    column then right column;
 *  - wrapped lines: when the text is a wrapped dump, lines of one paragraph
 *    are joined (Han without a space) so numbers and units rejoin; a bare
 *    number between a line stopping mid-sentence and one going on with
 *    digits is part of a wrapped number (`3` / `456名`), not a page number;
 *  - aligned text tables (three or more lines of three or more cells split
 *    by runs of blanks, the first line the header) become one sentence per
 *    numeric cell, as rp_html renders HTML tables (rp_table_render);
 *  - article boilerplate: `发布时间` / `来源` / `作者` lines become metadata;
 *    `原文链接`, `免责声明`, `上一篇` / `下一篇`, `分享到`, `责任编辑`,
 *    `(XX / 供稿)`, visit counters and site footers (`主办`, `承办`, `地址`,
 *    `电话`, `传真`, ICP numbers, copyright) are removed. A footer `主办` org
 *    or a `供稿` org serves as source when no `来源` is given.
 *
 * Includes rp_tbuf.h and rp_textutf8.h, the buffer and UTF-8 helpers the
 * format modules share. The passes live in rp_textclean_*.c (see
 * rp_textclean_int.h). Pure: no I/O; the one table (traditional forms of
 * boilerplate labels) is built once, lazily and thread-safely; thread-safe. */
#ifndef RP_TEXTCLEAN_H
#define RP_TEXTCLEAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rp_document.h"
#include "rp_tbuf.h"
#include "rp_textutf8.h"

/* ---- cleaning ------------------------------------------------------------ */
enum {
    RP_CLEAN_FURNITURE = 1u << 0,   /* page furniture, running titles */
    RP_CLEAN_BOILERPLATE = 1u << 1, /* article header/footer -> metadata */
    RP_CLEAN_DUMP = 1u << 2,        /* de-interleave columns, join wraps */
    RP_CLEAN_TABLES = 1u << 3,      /* aligned text tables -> sentences */
    RP_CLEAN_ALL = 15u
};

typedef struct rp_clean_result {
    char *text;        /* cleaned UTF-8, lines separated by '\n' */
    size_t len;
    char *title;       /* first headline-looking line, "" when none */
    char *published;   /* YYYY-MM-DD from a 发布时间-style line, or "" */
    char *source;      /* 来源, else 供稿 org, else footer 主办 org, or "" */
    size_t lines_dropped;
    size_t pages;          /* pages seen (form feeds / page headers) */
    size_t pages_two_col;  /* pages read as two columns */
    size_t tables;         /* aligned text tables rendered as sentences */
    bool joined_wraps;     /* wrapped lines were joined */
} rp_clean_result;

/* Cleans text[0..len) (UTF-8; NULs and CRs tolerated). Returns 0 and fills
 * *out (all strings non-NULL, owned by out), or -1 on allocation failure
 * (out zeroed). */
int rp_textclean(const char *text, size_t len, unsigned flags,
                 rp_clean_result *out);
void rp_clean_result_release(rp_clean_result *r); /* NULL-safe; frees members */

/* Writes the first date in s[0..len) as YYYY-MM-DD into out (>= 11 bytes).
 * Accepts 2024-09-10, 2024/9/10, 2024.09.10 and 2024年9月10日. */
bool rp_find_date(const char *s, size_t len, char *out, size_t outlen);

/* ---- whole-document decoding (implemented in rp_document.c) --------------
 * Everything rp_document_extract() does before rp_extract_text(): format
 * detection, limits, charset, HTML/PDF to text, cleaning. */
typedef enum rp_doc_format {
    RP_FMT_TEXT = 0,
    RP_FMT_HTML,
    RP_FMT_PDF,
    RP_FMT_BINARY
} rp_doc_format;

const char *rp_doc_format_name(rp_doc_format f);
rp_doc_format rp_document_sniff(const rp_document_input *in);

typedef struct rp_doc_text {
    char *text;        /* clean UTF-8 text for rp_extract_text() */
    size_t len;
    char *title;       /* hints: "" when unknown */
    char *published;
    char *source;
    char *site;        /* the site's name (HTML <title> suffix), "" */
    char *diagnostics; /* "; "-separated notes, "" when none */
    rp_doc_format format;
    size_t n_invalid;  /* bytes replaced by U+FFFD while decoding */
} rp_doc_text;

/* On RP_DOC_OK fills *out (release with rp_doc_text_release). Otherwise out is
 * zeroed and err holds the reason. */
rp_document_status rp_document_decode(const rp_document_input *in,
                                      rp_doc_text *out, char *err,
                                      size_t errlen);
void rp_doc_text_release(rp_doc_text *t); /* NULL-safe; frees members */

#endif
