/* reportpipe eval --gold DIR FILE...: runs rp_document_extract on each file
 * (the same path as `reportpipe extract` and the parser service) and scores
 * the measures against DIR's gold with rp_eval (ANNOTATION.md's scoring).
 * A file maps to gold by the leading digits of its name
 * (000_f98ae5f0.txt -> DIR/000.jsonl) or by its basename without extension.
 * Prints one line per metric, then per-document counts; exit 0, or 2 on bad
 * usage or when no file could be scored. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_cli.h"
#include "rp_document.h"
#include "rp_eval.h"

typedef struct eval_opts {
    const char *gold_dir;
    int verbose;
    int first_file;
} eval_opts;

static void usage(FILE *f)
{
    fprintf(f, "usage: reportpipe eval --gold DIR [--verbose] FILE...\n"
               "  scores extraction on FILEs against DIR/NNN.jsonl (ANNOTATION.md)\n"
               "  --verbose  list every false positive / false negative and attribute miss\n");
}

static char *slurp(const char *path, size_t *len, size_t limit)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    while (b != NULL && n <= limit) {
        if (n == cap) {
            char *t = realloc(b, cap * 2 + 1);
            if (t == NULL) {
                free(b);
                b = NULL;
                break;
            }
            b = t;
            cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    if (b != NULL) {
        b[n] = '\0';
        *len = n;
    }
    return b;
}

/* DIR/NNN.jsonl from the leading digits, else DIR/<stem>.jsonl. */
static void gold_path(const char *dir, const char *file, char *out, size_t cap)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t d = strspn(base, "0123456789");
    if (d > 0) {
        snprintf(out, cap, "%s/%.*s.jsonl", dir, (int)d, base);
        FILE *f = fopen(out, "r");
        if (f != NULL) {
            fclose(f);
            return;
        }
    }
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : strlen(base);
    snprintf(out, cap, "%s/%.*s.jsonl", dir, (int)stem, base);
}

static void report_cb(void *ud, rp_eval_outcome o, const rp_eval_item *g, const rp_eval_item *p)
{
    const char *doc = ud;
    if (o == RP_EVAL_FP)
        printf("  %s FP %g %s [%s] subject=%s\n", doc, p->value, p->unit, p->text, p->subject);
    else if (o == RP_EVAL_FN)
        printf("  %s FN %g %s [%s] subject=%s\n", doc, g->value, g->unit, g->text, g->subject);
    else if (!rp_eval_subject_equal(g->subject, p->subject, true) ||
             strcmp(g->region, p->region) != 0 || strcmp(g->approx, p->approx) != 0)
        printf("  %s ATTR %g %s [%s] approx %s/%s subject %s/%s region %s/%s\n", doc, g->value,
               g->unit, g->text, g->approx, p->approx, g->subject, p->subject, g->region,
               p->region);
}

typedef struct doc_row {
    const char *file;
    size_t gold, pred;
    rp_eval_counts c;
    int failed;
} doc_row;

static int load_gold(const char *path, rp_eval_gold *g)
{
    size_t len;
    char err[256];
    char *buf = slurp(path, &len, (size_t)64 << 20);
    if (buf == NULL) {
        fprintf(stderr, "reportpipe eval: %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = rp_eval_gold_parse(buf, len, g, err, sizeof err);
    free(buf);
    if (rc != 0)
        fprintf(stderr, "reportpipe eval: %s: %s\n", path, err);
    return rc;
}

static rp_extract_result *extract_file(const char *file)
{
    size_t len;
    char err[512];
    char *buf = slurp(file, &len, RP_DOCUMENT_DEFAULT_MAX + 1);
    if (buf == NULL) {
        fprintf(stderr, "reportpipe eval: %s: %s\n", file, strerror(errno));
        return NULL;
    }
    rp_document_input in = {.bytes = buf, .len = len, .url = file};
    rp_extract_result *r = NULL;
    rp_document_status st = rp_document_extract(&in, &r, err, sizeof err);
    free(buf);
    if (st != RP_DOC_OK)
        fprintf(stderr, "reportpipe eval: %s: %s: %s\n", file, rp_document_status_name(st), err);
    return r;
}

static int score_file(const eval_opts *o, const char *file, doc_row *row, rp_eval_counts *total)
{
    char gp[4096];
    gold_path(o->gold_dir, file, gp, sizeof gp);
    rp_eval_gold g;
    if (load_gold(gp, &g) != 0)
        return -1;
    rp_extract_result *r = extract_file(file);
    rp_eval_item *pred = calloc(r ? r->n_measures + 1 : 1, sizeof *pred);
    int rc = -1;
    if (pred != NULL) {
        size_t np = r ? r->n_measures : 0;
        for (size_t k = 0; k < np; k++)
            pred[k] = rp_eval_item_of(&r->measures[k]);
        for (size_t k = 0; k < g.n_items; k++)
            row->gold += !g.items[k].optional;
        row->pred = np;
        rc = rp_eval_score(g.items, g.n_items, pred, np, &row->c, o->verbose ? report_cb : NULL,
                           (void *)file);
    }
    if (rc == 0) {
        total->tp += row->c.tp;
        total->fp += row->c.fp;
        total->fn += row->c.fn;
        total->matched += row->c.matched;
        total->approx_ok += row->c.approx_ok;
        total->subject_ok += row->c.subject_ok;
        total->subject_strict_ok += row->c.subject_strict_ok;
        total->region_ok += row->c.region_ok;
        total->optional_matched += row->c.optional_matched;
    }
    free(pred);
    rp_extract_result_free(r);
    rp_eval_gold_free(&g);
    return rc;
}

static void print_summary(const rp_eval_counts *t, const doc_row *rows, int n)
{
    rp_eval_scores s = rp_eval_summarise(t);
    printf("F1 %.4f\n", s.f1);
    printf("precision %.4f\n", s.precision);
    printf("recall %.4f\n", s.recall);
    printf("approx_accuracy %.4f\n", s.approx);
    printf("subject_accuracy %.4f (lenient: equal or containing; strict %.4f)\n", s.subject,
           s.subject_strict);
    printf("region_accuracy %.4f\n", s.region);
    printf("counts tp %zu fp %zu fn %zu optional_matched %zu\n", t->tp, t->fp, t->fn,
           t->optional_matched);
    for (int k = 0; k < n; k++) {
        if (rows[k].failed)
            printf("doc %s: not scored\n", rows[k].file);
        else
            printf("doc %s: gold %zu pred %zu tp %zu fp %zu fn %zu\n", rows[k].file, rows[k].gold,
                   rows[k].pred, rows[k].c.tp, rows[k].c.fp, rows[k].c.fn);
    }
}

static int parse_opts(int argc, char **argv, eval_opts *o)
{
    memset(o, 0, sizeof *o);
    int k = 1;
    for (; k < argc && argv[k][0] == '-'; k++) {
        if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0) {
            usage(stdout);
            return 1;
        } else if (strcmp(argv[k], "--gold") == 0 && k + 1 < argc) {
            o->gold_dir = argv[++k];
        } else if (strcmp(argv[k], "--verbose") == 0 || strcmp(argv[k], "-v") == 0) {
            o->verbose = 1;
        } else {
            fprintf(stderr, "reportpipe eval: unknown or incomplete option '%s'\n", argv[k]);
            return -1;
        }
    }
    o->first_file = k;
    if (o->gold_dir == NULL || k >= argc) {
        fprintf(stderr, "reportpipe eval: need --gold DIR and at least one FILE\n");
        return -1;
    }
    return 0;
}

int rp_cmd_eval(int argc, char **argv)
{
    eval_opts o;
    int p = parse_opts(argc, argv, &o);
    if (p != 0) {
        if (p < 0)
            usage(stderr);
        return p > 0 ? 0 : 2;
    }
    int n = argc - o.first_file, scored = 0;
    doc_row *rows = calloc((size_t)n, sizeof *rows);
    if (rows == NULL)
        return 2;
    rp_eval_counts total = {0};
    for (int k = 0; k < n; k++) {
        rows[k].file = argv[o.first_file + k];
        rows[k].failed = score_file(&o, rows[k].file, &rows[k], &total) != 0;
        scored += !rows[k].failed;
    }
    print_summary(&total, rows, n);
    free(rows);
    return scored > 0 ? 0 : 2;
}
