/* libFuzzer target for rp_extract_text: arbitrary bytes in (invalid UTF-8,
 * binary, pinyin-like and number-like runs), no crash, no leak, and every
 * measure's span and surface text stay inside their buffers.
 * Build: CC=clang cmake -DRP_FUZZ=ON ...; seeds in fuzz/corpus/fuzz_extract/. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rp_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rp_extract_result *r = NULL;
    char err[128];
    if (rp_extract_text((const char *)data, size, NULL, &r, err, sizeof err) != 0)
        return 0;
    for (size_t k = 0; k < r->n_measures; k++) {
        const rp_measure *m = &r->measures[k];
        if (m->span_start > m->span_end || m->span_end > r->text_len ||
            strlen(m->text) > size || m->unit == NULL || m->metric == NULL)
            abort();
    }
    rp_extract_result_free(r);
    return 0;
}
