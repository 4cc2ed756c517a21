#include "rp_document.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rp_charset.h"
#include "rp_html.h"
#include "rp_pdf.h"
#include "rp_textclean.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define SNIFF_BYTES 1024

const char *rp_document_status_name(rp_document_status s)
{
    switch (s) {
    case RP_DOC_OK: return "ok";
    case RP_DOC_TOO_LARGE: return "too_large";
    case RP_DOC_UNSUPPORTED: return "unsupported";
    case RP_DOC_MALFORMED: return "malformed";
    case RP_DOC_EMPTY: return "empty";
    }
    return "unknown";
}

const char *rp_doc_format_name(rp_doc_format f)
{
    switch (f) {
    case RP_FMT_TEXT: return "text";
    case RP_FMT_HTML: return "html";
    case RP_FMT_PDF: return "pdf";
    case RP_FMT_BINARY: return "binary";
    }
    return "unknown";
}

/* ---- format detection -------------------------------------------------- */

/* The media type of a Content-Type header; -1 when it does not decide. */
static int format_from_content_type(const char *ct)
{
    static const char *const html[] = {"text/html", "application/xhtml+xml"};
    static const char *const pdf[] = {"application/pdf", "application/x-pdf",
                                      "application/acrobat"};
    static const char *const bin[] = {
        "image/", "audio/", "video/", "font/", "application/zip",
        "application/x-zip", "application/gzip", "application/x-gzip",
        "application/x-rar", "application/x-7z", "application/msword",
        "application/vnd.", "application/x-tar", "application/x-shockwave",
    };
    if (ct == NULL)
        return -1;
    while (*ct == ' ')
        ct++;
    for (size_t i = 0; i < ARRAY_LEN(html); i++)
        if (strncasecmp(ct, html[i], strlen(html[i])) == 0)
            return RP_FMT_HTML;
    for (size_t i = 0; i < ARRAY_LEN(pdf); i++)
        if (strncasecmp(ct, pdf[i], strlen(pdf[i])) == 0)
            return RP_FMT_PDF;
    for (size_t i = 0; i < ARRAY_LEN(bin); i++)
        if (strncasecmp(ct, bin[i], strlen(bin[i])) == 0)
            return RP_FMT_BINARY;
    if (strncasecmp(ct, "text/plain", 10) == 0)
        return RP_FMT_TEXT;
    return -1; /* octet-stream, text/xml, unknown: look at the bytes */
}

static bool starts(const char *b, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp(b, magic, n) == 0;
}

static bool binary_magic(const char *b, size_t len)
{
    static const struct {
        const char *m;
        size_t n;
    } magics[] = {
        {"\x89PNG", 4}, {"\xFF\xD8\xFF", 3}, {"GIF8", 4}, {"PK\x03\x04", 4},
        {"\x1F\x8B", 2}, {"Rar!", 4}, {"7z\xBC\xAF", 4}, {"RIFF", 4},
        {"\xD0\xCF\x11\xE0", 4}, {"BM", 2}, {"II*\0", 4}, {"MM\0*", 4},
        {"\0\0\1\0", 4}, {"OggS", 4}, {"ID3", 3}, {"wOFF", 4},
    };
    for (size_t i = 0; i < ARRAY_LEN(magics); i++)
        if (starts(b, len, magics[i].m, magics[i].n))
            return true;
    return false;
}

static bool has_pdf_magic(const char *b, size_t len)
{
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    for (size_t i = 0; i + 5 <= n; i++)
        if (memcmp(b + i, "%PDF-", 5) == 0)
            return true;
    return false;
}

static bool looks_html(const char *b, size_t len)
{
    static const char *const marks[] = {"<html", "<!doctype html", "<head",
                                        "<body", "<meta", "<title", "<div",
                                        "<p>", "<table", "<br"};
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != '<')
            continue;
        for (size_t k = 0; k < ARRAY_LEN(marks); k++) {
            size_t m = strlen(marks[k]);
            if (i + m <= n && strncasecmp(b + i, marks[k], m) == 0)
                return true;
        }
    }
    return false;
}

static int format_from_url(const char *url)
{
    static const char *const html[] = {".html", ".htm", ".shtml", ".xhtml",
                                       ".jsp", ".asp", ".aspx", ".php"};
    static const char *const bin[] = {".jpg", ".jpeg", ".png", ".gif", ".zip",
                                      ".rar", ".7z", ".doc", ".docx", ".xls",
                                      ".xlsx", ".ppt", ".pptx", ".mp4",
                                      ".gz", ".tar", ".bmp", ".webp"};
    if (url == NULL)
        return -1;
    size_t n = strcspn(url, "?#");
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (url[i] == '.')
            dot = url + i;
        else if (url[i] == '/')
            dot = NULL;
    if (dot == NULL)
        return -1;
    size_t el = (size_t)(url + n - dot);
    for (size_t i = 0; i < ARRAY_LEN(html); i++)
        if (el == strlen(html[i]) && strncasecmp(dot, html[i], el) == 0)
            return RP_FMT_HTML;
    for (size_t i = 0; i < ARRAY_LEN(bin); i++)
        if (el == strlen(bin[i]) && strncasecmp(dot, bin[i], el) == 0)
            return RP_FMT_BINARY;
    if (el == 4 && strncasecmp(dot, ".pdf", 4) == 0)
        return RP_FMT_PDF;
    if (el == 4 && strncasecmp(dot, ".txt", 4) == 0)
        return RP_FMT_TEXT;
    return -1;
}

/* Control bytes other than blanks mean the bytes are not text (UTF-16 with
 * a BOM excepted). */
static bool looks_binary(const char *b, size_t len)
{
    char cs[RP_CHARSET_NAME_MAX];
    if (rp_charset_from_bom(b, len, cs, sizeof cs) > 0)
        return false;
    size_t n = len < 4096 ? len : 4096, ctl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)b[i];
        if (c == 0)
            return true;
        ctl += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
               c != 0x1B;
    }
    return ctl * 20 > n;
}

rp_doc_format rp_document_sniff(const rp_document_input *in)
{
    int f = format_from_content_type(in->content_type);
    if (f >= 0)
        return (rp_doc_format)f;
    if (has_pdf_magic(in->bytes, in->len))
        return RP_FMT_PDF;
    if (binary_magic(in->bytes, in->len))
        return RP_FMT_BINARY;
    if (looks_html(in->bytes, in->len))
        return RP_FMT_HTML;
    f = format_from_url(in->url);
    if (f >= 0)
        return (rp_doc_format)f;
    return looks_binary(in->bytes, in->len) ? RP_FMT_BINARY : RP_FMT_TEXT;
}

/* ---- decoding ---------------------------------------------------------- */

void rp_doc_text_release(rp_doc_text *t)
{
    if (t == NULL)
        return;
    free(t->text);
    free(t->title);
    free(t->published);
    free(t->source);
    free(t->site);
    free(t->diagnostics);
    memset(t, 0, sizeof *t);
}

/* What the format step hands to the cleaning step. */
struct stage {
    char *text;
    size_t len;
    char *title;       /* may be NULL */
    char *published;   /* may be NULL */
    char *site;        /* may be NULL */
    unsigned clean;    /* RP_CLEAN_* flags */
    rp_tbuf diag;
};

static bool has_text(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len)
        if (!rp_cp_is_space(rp_text_next(s, len, &i)))
            return true;
    return false;
}

static void diag_kv(rp_tbuf *d, const char *k, const char *v)
{
    if (d->len > 0)
        rp_tbuf_puts(d, "; ");
    rp_tbuf_puts(d, k);
    rp_tbuf_putc(d, '=');
    rp_tbuf_puts(d, v);
}

static void diag_num(rp_tbuf *d, const char *k, size_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", v);
    diag_kv(d, k, num);
}

static rp_document_status stage_pdf(const rp_document_input *in,
                                    struct stage *st, char *err, size_t errlen)
{
    rp_pdf_text pt;
    rp_document_status s = rp_pdf_to_text(in->bytes, in->len, &pt, err,
                                          errlen);
    if (s != RP_DOC_OK)
        return s;
    st->text = pt.text;
    st->len = pt.len;
    st->title = pt.title;
    pt.text = pt.title = NULL;
    st->clean = RP_CLEAN_FURNITURE | RP_CLEAN_BOILERPLATE | RP_CLEAN_TABLES;
    diag_num(&st->diag, "pages", pt.pages);
    diag_num(&st->diag, "two_column_pages", pt.pages_two_col);
    diag_num(&st->diag, "furniture_lines", pt.lines_dropped);
    rp_pdf_text_release(&pt);
    return RP_DOC_OK;
}

static rp_document_status stage_markup_or_text(const rp_document_input *in,
                                               bool html, struct stage *st,
                                               size_t *n_invalid, char *err,
                                               size_t errlen)
{
    rp_decoded d;
    rp_charset_choice ch;
    if (rp_charset_decode_auto(in->bytes, in->len, in->content_type, html, &d,
                               &ch) != 0) {
        snprintf(err, errlen, "charset: cannot decode as %s", ch.name);
        return RP_DOC_MALFORMED;
    }
    *n_invalid = d.n_invalid;
    diag_kv(&st->diag, "charset", d.charset);
    diag_kv(&st->diag, "charset_from", rp_charset_origin_name(ch.origin));
    diag_num(&st->diag, "invalid_bytes", d.n_invalid);
    if (!html) {
        st->text = d.text;
        st->len = d.len;
        st->clean = RP_CLEAN_ALL;
        return has_text(d.text, d.len) ? RP_DOC_OK : RP_DOC_EMPTY;
    }
    rp_html_text ht;
    int rc = rp_html_to_text(d.text, d.len, &ht, err, errlen);
    free(d.text);
    if (rc != 0)
        return RP_DOC_MALFORMED;
    st->text = ht.text;
    st->len = ht.len;
    st->title = ht.title;
    st->published = ht.published;
    st->site = ht.site;
    st->clean = RP_CLEAN_BOILERPLATE;
    diag_num(&st->diag, "blocks_dropped", ht.blocks_dropped);
    diag_num(&st->diag, "tables", ht.tables);
    return ht.raw_chars > 0 ? RP_DOC_OK : RP_DOC_EMPTY;
}

static char *pick(char *first, char *second)
{
    if (first != NULL && *first != '\0') {
        free(second);
        return first;
    }
    free(first);
    return second;
}

static rp_document_status stage_clean(struct stage *st, rp_doc_text *out)
{
    rp_clean_result cr;
    if (rp_textclean(st->text, st->len, st->clean, &cr) != 0)
        return RP_DOC_MALFORMED;
    diag_num(&st->diag, "lines_dropped", cr.lines_dropped);
    if (cr.pages_two_col > 0)
        diag_num(&st->diag, "text_two_column_pages", cr.pages_two_col);
    if (cr.tables > 0)
        diag_num(&st->diag, "text_tables", cr.tables);
    out->text = cr.text;
    out->len = cr.len;
    out->title = pick(st->title, cr.title);
    out->published = pick(st->published, cr.published);
    out->source = cr.source;
    out->site = st->site ? st->site : strdup("");
    st->title = st->published = st->site = NULL;
    if (out->site == NULL)
        return RP_DOC_MALFORMED;
    return RP_DOC_OK;
}

static rp_document_status check_input(const rp_document_input *in, char *err,
                                      size_t errlen)
{
    size_t max = in->max_bytes ? in->max_bytes : RP_DOCUMENT_DEFAULT_MAX;
    if (in->len > max) {
        snprintf(err, errlen, "document is %zu bytes, over the %zu-byte limit",
                 in->len, max);
        return RP_DOC_TOO_LARGE;
    }
    if (in->len == 0 || in->bytes == NULL) {
        snprintf(err, errlen, "document is empty");
        return RP_DOC_EMPTY;
    }
    return RP_DOC_OK;
}

rp_document_status rp_document_decode(const rp_document_input *in,
                                      rp_doc_text *out, char *err,
                                      size_t errlen)
{
    char dummy[1];
    if (err == NULL || errlen == 0) {
        err = dummy;
        errlen = sizeof dummy;
    }
    err[0] = '\0';
    memset(out, 0, sizeof *out);
    rp_document_status s = check_input(in, err, errlen);
    if (s != RP_DOC_OK)
        return s;
    rp_doc_format f = rp_document_sniff(in);
    if (f == RP_FMT_BINARY) {
        snprintf(err, errlen, "unsupported content (%s)",
                 in->content_type ? in->content_type : "binary bytes");
        return RP_DOC_UNSUPPORTED;
    }
    struct stage st = {0};
    diag_kv(&st.diag, "format", rp_doc_format_name(f));
    size_t n_invalid = 0;
    if (f == RP_FMT_PDF)
        s = stage_pdf(in, &st, err, errlen);
    else
        s = stage_markup_or_text(in, f == RP_FMT_HTML, &st, &n_invalid, err,
                                 errlen);
    if (s == RP_DOC_EMPTY && err[0] == '\0')
        snprintf(err, errlen, "%s document has no text",
                 rp_doc_format_name(f));
    if (s == RP_DOC_OK)
        s = stage_clean(&st, out);
    if (s == RP_DOC_MALFORMED && err[0] == '\0')
        snprintf(err, errlen, "out of memory while cleaning text");
    out->format = f;
    out->n_invalid = n_invalid;
    out->diagnostics = rp_tbuf_take(&st.diag, NULL);
    free(st.text);
    free(st.title);
    free(st.published);
    free(st.site);
    if (s == RP_DOC_OK && out->diagnostics == NULL)
        s = RP_DOC_MALFORMED;
    if (s != RP_DOC_OK)
        rp_doc_text_release(out);
    return s;
}

/* ---- extraction -------------------------------------------------------- */

/* Appends our notes to the extractor's diagnostics (both heap strings). */
static void merge_diagnostics(rp_extract_result *r, const char *ours)
{
    rp_tbuf b = {0};
    rp_tbuf_puts(&b, ours);
    if (r->diagnostics != NULL && r->diagnostics[0] != '\0') {
        rp_tbuf_puts(&b, "; ");
        rp_tbuf_puts(&b, r->diagnostics);
    }
    char *merged = rp_tbuf_take(&b, NULL);
    if (merged == NULL)
        return; /* keep the extractor's notes rather than none */
    free(r->diagnostics);
    r->diagnostics = merged;
}

rp_document_status rp_document_extract(const rp_document_input *in,
                                       rp_extract_result **out,
                                       char *err, size_t errlen)
{
    *out = NULL;
    rp_doc_text t;
    rp_document_status s = rp_document_decode(in, &t, err, errlen);
    if (s != RP_DOC_OK)
        return s;
    rp_extract_hints hints = {
        .title = t.title[0] ? t.title : NULL,
        .published = t.published[0] ? t.published : NULL,
        .source = t.source[0] ? t.source : NULL,
        .site = t.site[0] ? t.site : NULL,
    };
    if (rp_extract_text(t.text, t.len, &hints, out, err, errlen) != 0) {
        *out = NULL;
        rp_doc_text_release(&t);
        return RP_DOC_MALFORMED;
    }
    merge_diagnostics(*out, t.diagnostics);
    rp_doc_text_release(&t);
    return RP_DOC_OK;
}
