/* formats_dump FILE [CONTENT-TYPE [URL]]: prints what rp_document_decode()
 * makes of a file (status, metadata, diagnostics, then the text). A tool for
 * the script tests and for looking at fixtures by hand. */
#include <stdio.h>
#include <stdlib.h>

#include "rp_textclean.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap * 2);
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
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: formats_dump FILE [CONTENT-TYPE [URL]]\n");
        return 2;
    }
    size_t len = 0;
    char *bytes = slurp(argv[1], &len);
    if (bytes == NULL) {
        fprintf(stderr, "formats_dump: cannot read %s\n", argv[1]);
        return 2;
    }
    rp_document_input in = {bytes, len, argc > 2 && argv[2][0] ? argv[2] : NULL,
                            argc > 3 ? argv[3] : argv[1], 0};
    rp_doc_text t;
    char err[256];
    rp_document_status s = rp_document_decode(&in, &t, err, sizeof err);
    printf("status: %s\n", rp_document_status_name(s));
    if (s == RP_DOC_OK) {
        printf("title: %s\npublished: %s\nsource: %s\ndiagnostics: %s\n---\n%s",
               t.title, t.published, t.source, t.diagnostics, t.text);
    } else {
        printf("reason: %s\n", err);
    }
    rp_doc_text_release(&t);
    free(bytes);
    return s == RP_DOC_OK ? 0 : 1;
}
