/* libFuzzer target: arbitrary bytes through the HTML path of rp_document
 * (charset choice, libxml2 parse, chrome pruning, tables, clean-up). The
 * first byte picks the Content-Type so every charset step is reached. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rp_html.h"
#include "rp_textclean.h"

static const char *const CONTENT_TYPES[] = {
    "text/html", "text/html; charset=gbk", "text/html; charset=big5",
    "text/html; charset=utf-8", NULL, "application/octet-stream",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *ct = CONTENT_TYPES[data[0] % 6];
    rp_document_input in = {(const char *)data + 1, size - 1, ct, "a.html",
                            1 << 20};
    rp_doc_text t;
    char err[256];
    if (rp_document_decode(&in, &t, err, sizeof err) == RP_DOC_OK) {
        if (memchr(t.text, '\0', t.len) != NULL)
            __builtin_trap(); /* text must be one C string */
        rp_doc_text_release(&t);
    }
    rp_html_text h;
    if (rp_html_to_text((const char *)data, size, &h, err, sizeof err) == 0)
        rp_html_text_release(&h);
    return 0;
}
