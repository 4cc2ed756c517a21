/* bench_extract: throughput of rp_extract_text (normalise + extract) on plain
 * text. Builds a corpus of at least 20 MB in memory by repeating the seed
 * documents of ../shared/corpus/seeds and the project's examples/docs (.txt),
 * then extracts document by document and prints MB/s and documents/s.
 *
 * usage: bench_extract [MIN_MB]   (RP_SRC locates the source tree; default ".")
 * Time is process CPU time: the figure is per core even on a busy machine. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rp_extract.h"

#define MAX_DOCS 256

typedef struct doc {
    char *text;
    size_t len;
} doc;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = sz > 0 ? malloc((size_t)sz) : NULL;
    if (b != NULL && fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        free(b);
        b = NULL;
    }
    fclose(f);
    *len = b ? (size_t)sz : 0;
    return b;
}

static size_t load_dir(const char *dir, doc *docs, size_t n)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < MAX_DOCS) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        docs[n].text = slurp(path, &docs[n].len);
        if (docs[n].text != NULL)
            n++;
    }
    closedir(d);
    return n;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* per core: CPU time, not wall */
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *src = getenv("RP_SRC") ? getenv("RP_SRC") : ".";
    double min_mb = argc > 1 ? strtod(argv[1], NULL) : 20.0;
    if (!(min_mb > 0))
        min_mb = 20.0;
    doc docs[MAX_DOCS];
    char dir[4096];
    size_t n = 0;
    snprintf(dir, sizeof dir, "%s/../shared/corpus/seeds", src);
    n = load_dir(dir, docs, n);
    snprintf(dir, sizeof dir, "%s/examples/docs", src);
    n = load_dir(dir, docs, n);
    if (n == 0) {
        fprintf(stderr, "bench_extract: no .txt documents under %s/../shared/corpus/seeds or %s/examples/docs\n", src, src);
        return 1;
    }
    size_t total = 0, docs_done = 0, measures = 0;
    double t0 = now();
    while ((double)total < min_mb * 1e6) {
        for (size_t k = 0; k < n; k++) {
            rp_extract_result *r = NULL;
            char err[256];
            if (rp_extract_text(docs[k].text, docs[k].len, NULL, &r, err, sizeof err) != 0) {
                fprintf(stderr, "bench_extract: %s\n", err);
                return 1;
            }
            measures += r->n_measures;
            rp_extract_result_free(r);
            total += docs[k].len;
            docs_done++;
        }
    }
    double dt = now() - t0;
    printf("bench_extract: %zu documents (%zu distinct), %.1f MB, %zu measures in %.2f s\n",
           docs_done, n, (double)total / 1e6, measures, dt);
    printf("extract_mb_per_s %.1f\n", (double)total / 1e6 / dt);
    printf("extract_docs_per_s %.0f\n", (double)docs_done / dt);
    for (size_t k = 0; k < n; k++)
        free(docs[k].text);
    return 0;
}
