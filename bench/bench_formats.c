/* bench_formats: throughput of the format layer (rp_document_decode: format
 * detection, charset, HTML/PDF to text, clean-up) per format, on one core,
 * and of the whole rp_document_extract path for comparison.
 *
 * Inputs are built from the committed fixtures (tests/formats/fixtures,
 * found through $RP_SRC or the source tree this was built from): the
 * article body repeated into a large page for text and HTML, the HTML
 * re-encoded as GBK, and the one- and two-column PDFs as they are.
 * Fails (exit 1) when HTML decoding runs below 20 MB/s. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rp_textclean.h"

#define TARGET_BYTES (4u << 20)
#define HTML_MIN_MBS 20.0

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap + 1);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap * 2 + 1);
            if (p == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* $RP_SRC, else the tree this file was compiled from (__FILE__ is
 * <src>/bench/bench_formats.c in a CMake build). */
static char *fixture(const char *name, size_t *len)
{
    const char *src = getenv("RP_SRC");
    char root[1024];
    if (src != NULL) {
        snprintf(root, sizeof root, "%s", src);
    } else {
        snprintf(root, sizeof root, "%s", __FILE__);
        char *cut = strstr(root, "/bench/bench_formats.c");
        if (cut != NULL)
            *cut = '\0';
        else
            snprintf(root, sizeof root, ".");
    }
    char path[2048];
    snprintf(path, sizeof path, "%s/tests/formats/fixtures/%s", root, name);
    return slurp(path, len);
}

/* head + body x n + tail, about TARGET_BYTES long. */
static char *inflate(const char *doc, size_t len, const char *open_tag,
                     const char *close_tag, size_t *out_len)
{
    const char *a = strstr(doc, open_tag), *b = a ? strstr(a, close_tag) : NULL;
    if (a == NULL || b == NULL)
        return NULL;
    a += strlen(open_tag);
    size_t head = (size_t)(a - doc), body = (size_t)(b - a), tail = len - (size_t)(b - doc);
    size_t reps = TARGET_BYTES / (body ? body : 1) + 1;
    char *out = malloc(head + body * reps + tail + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, doc, head);
    for (size_t i = 0; i < reps; i++)
        memcpy(out + head + i * body, a, body);
    memcpy(out + head + reps * body, b, tail);
    *out_len = head + body * reps + tail;
    out[*out_len] = '\0';
    return out;
}

static char *to_gbk(const char *utf8, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len + 16, left = cap;
    char *out = malloc(cap), *o = out, *in = (char *)utf8;
    size_t inl = len;
    if (out == NULL || iconv(cd, &in, &inl, &o, &left) == (size_t)-1) {
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *out_len = cap - left;
    return out;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* MB/s of rp_document_decode (full = false) or rp_document_extract. */
static double run(const char *bytes, size_t len, const char *ct, bool full)
{
    rp_document_input in = {bytes, len, ct, NULL, 0};
    char err[256];
    size_t done = 0;
    double t0 = now(), t = t0;
    while (t - t0 < 1.0 || done < 2 * len) {
        if (full) {
            rp_extract_result *r = NULL;
            if (rp_document_extract(&in, &r, err, sizeof err) != RP_DOC_OK)
                return -1;
            rp_extract_result_free(r);
        } else {
            rp_doc_text d;
            if (rp_document_decode(&in, &d, err, sizeof err) != RP_DOC_OK)
                return -1;
            rp_doc_text_release(&d);
        }
        done += len;
        t = now();
    }
    return (double)done / (1 << 20) / (t - t0);
}

struct input {
    const char *name;
    const char *ct;
    char *bytes;
    size_t len;
};

int main(void)
{
    size_t tl = 0, hl = 0, p1 = 0, p2 = 0;
    char *txt = fixture("article.txt", &tl);
    char *html = fixture("article_utf8.html", &hl);
    struct input in[5] = {
        {"text", "text/plain; charset=utf-8", NULL, 0},
        {"html-utf8", "text/html", NULL, 0},
        {"html-gbk", "text/html", NULL, 0},
        {"pdf-1col", "application/pdf", fixture("article_1col.pdf", &p1), 0},
        {"pdf-2col", "application/pdf", fixture("article_2col.pdf", &p2), 0},
    };
    in[3].len = p1;
    in[4].len = p2;
    if (txt == NULL || html == NULL || in[3].bytes == NULL || in[4].bytes == NULL) {
        fprintf(stderr, "bench_formats: fixtures not found (set RP_SRC)\n");
        return 1;
    }
    in[0].bytes = malloc(TARGET_BYTES + tl + 1);
    for (size_t off = 0; in[0].bytes != NULL && off < TARGET_BYTES; off += tl)
        memcpy(in[0].bytes + off, txt, tl), in[0].len = off + tl;
    in[1].bytes = inflate(html, hl, "<div class=\"content\">", "</div>", &in[1].len);
    if (in[1].bytes != NULL)
        in[2].bytes = to_gbk(in[1].bytes, in[1].len, &in[2].len);
    int status = 0;
    printf("%-10s %10s %14s %14s\n", "format", "bytes", "decode MB/s", "extract MB/s");
    for (size_t i = 0; i < 5; i++) {
        if (in[i].bytes == NULL) {
            status = 1;
            continue;
        }
        double d = run(in[i].bytes, in[i].len, in[i].ct, false);
        double e = run(in[i].bytes, in[i].len, in[i].ct, true);
        printf("%-10s %10zu %14.1f %14.1f\n", in[i].name, in[i].len, d, e);
        if (i == 1 && d < HTML_MIN_MBS) {
            printf("bench_formats: HTML decoding below %.0f MB/s\n", HTML_MIN_MBS);
            status = 1;
        }
        free(in[i].bytes);
    }
    free(txt);
    free(html);
    return status;
}
