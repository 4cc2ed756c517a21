/* bench_extract: throughput of rp_extract_text (normalise + extract) on plain
 * text, over two corpora of at least 20 MB each, built in memory by
 * repetition: the real reports of ../shared/corpus/seeds (about 3.5 measures
 * per KB), then those plus the project's examples/docs (.txt; written to
 * exercise rules, about 12 measures per KB, so slower per byte). Prints
 * MB/s, documents/s and measures/s for each.
 *
 * usage: bench_extract [MIN_MB]   (RP_SRC locates the source tree; default ".")
 * Time is process CPU time: the figure is per core even on a busy machine. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rp_extract.h"

#define MAX_DOCS 1024

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

/* Extracts docs[0..n) in turn until min_mb were read; prints the figures
 * under the given label (the first corpus keeps the historic key names). */
static int run(const char *label, const doc *docs, size_t n, double min_mb)
{
    if (n == 0)
        return 0;
    size_t total = 0, docs_done = 0, measures = 0;
    double t0 = now();
    while ((double)total < min_mb * 1e6) {
        for (size_t k = 0; k < n; k++) {
            rp_extract_result *r = NULL;
            char err[256];
            if (rp_extract_text(docs[k].text, docs[k].len, NULL, &r, err, sizeof err) != 0) {
                fprintf(stderr, "bench_extract: %s\n", err);
                return -1;
            }
            measures += r->n_measures;
            rp_extract_result_free(r);
            total += docs[k].len;
            docs_done++;
        }
    }
    double dt = now() - t0;
    bool seeds = strcmp(label, "seeds") == 0;
    printf("bench_extract [%s]: %zu documents (%zu distinct), %.1f MB, %zu measures "
           "(%.1f per KB) in %.2f s\n", label, docs_done, n, (double)total / 1e6, measures,
           (double)measures / ((double)total / 1e3), dt);
    printf("extract_mb_per_s%s %.1f\n", seeds ? "" : "_with_examples", (double)total / 1e6 / dt);
    printf("extract_docs_per_s%s %.0f\n", seeds ? "" : "_with_examples", (double)docs_done / dt);
    printf("extract_measures_per_s%s %.0f\n", seeds ? "" : "_with_examples",
           (double)measures / dt);
    return 0;
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
    size_t n_seeds = n;
    snprintf(dir, sizeof dir, "%s/examples/docs", src);
    n = load_dir(dir, docs, n);
    if (n == 0) {
        fprintf(stderr, "bench_extract: no .txt documents under %s/../shared/corpus/seeds or %s/examples/docs\n", src, src);
        return 1;
    }
    if (run("seeds", docs, n_seeds, min_mb) != 0 || run("seeds+examples", docs, n, min_mb) != 0)
        return 1;
    for (size_t k = 0; k < n; k++)
        free(docs[k].text);
    return 0;
}
