/* reportpipe extract FILE...: runs the extraction library (rp_document_extract,
 * the same path as the parser service) on files and prints one JSON line per
 * measure on stdout. Problems with a file go to stderr; the exit code is 1
 * when any file could not be read or extracted, 2 on bad usage. */
#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rp_cli.h"
#include "rp_document.h"

static void usage(FILE *f)
{
    fprintf(f, "usage: reportpipe extract [--meta] FILE...\n"
               "  prints one JSON object per measure (source, value, unit, unit_kind, approx,\n"
               "  text, subject, region, period, metric, span, optional, sentence)\n"
               "  --meta   also print one {\"source\",\"meta\"} line per file first\n");
}

/* Reads a whole file (up to RP_DOCUMENT_DEFAULT_MAX + 1 bytes, so that the
 * document layer can report TOO_LARGE). Caller frees *buf. */
static int read_whole(const char *path, char **buf, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    size_t cap = 1 << 16, n = 0, limit = RP_DOCUMENT_DEFAULT_MAX + 1;
    char *b = malloc(cap);
    while (b != NULL && n < limit) {
        if (n == cap) {
            cap *= 2;
            char *t = realloc(b, cap);
            if (t == NULL) {
                free(b);
                b = NULL;
                break;
            }
            b = t;
        }
        size_t want = cap - n < limit - n ? cap - n : limit - n;
        size_t got = fread(b + n, 1, want, f);
        n += got;
        if (got < want)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (b == NULL || bad) {
        free(b);
        snprintf(err, errlen, "%s", b == NULL ? "out of memory" : "read error");
        return -1;
    }
    *buf = b;
    *len = n;
    return 0;
}

static cJSON *measure_json(const char *source, const rp_measure *m)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "source", source);
    cJSON_AddNumberToObject(o, "value", m->value);
    cJSON_AddStringToObject(o, "unit", m->unit);
    cJSON_AddStringToObject(o, "unit_kind", m->unit_kind);
    cJSON_AddStringToObject(o, "approx", rp_approx_name(m->approx));
    cJSON_AddStringToObject(o, "text", m->text);
    cJSON_AddStringToObject(o, "subject", m->subject);
    cJSON_AddStringToObject(o, "region", m->region);
    cJSON_AddStringToObject(o, "period", m->period);
    cJSON_AddStringToObject(o, "metric", m->metric);
    cJSON *span = cJSON_AddObjectToObject(o, "span");
    cJSON_AddNumberToObject(span, "start", (double)m->span_start);
    cJSON_AddNumberToObject(span, "end", (double)m->span_end);
    cJSON_AddBoolToObject(o, "optional", m->optional);
    cJSON_AddStringToObject(o, "sentence", m->sentence);
    return o;
}

static cJSON *meta_json(const char *source, const rp_extract_result *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "source", source);
    cJSON *m = cJSON_AddObjectToObject(o, "meta");
    cJSON_AddStringToObject(m, "title", r->meta.title);
    cJSON_AddStringToObject(m, "published", r->meta.published);
    cJSON_AddStringToObject(m, "source", r->meta.source);
    cJSON_AddStringToObject(m, "region", r->meta.region);
    cJSON_AddNumberToObject(o, "measures", (double)r->n_measures);
    cJSON_AddStringToObject(o, "diagnostics", r->diagnostics);
    return o;
}

static int print_json(cJSON *o)
{
    char *s = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (s == NULL)
        return -1;
    puts(s);
    free(s);
    return 0;
}

static int extract_one(const char *path, int with_meta)
{
    char err[512];
    char *buf;
    size_t len;
    if (read_whole(path, &buf, &len, err, sizeof err) != 0) {
        fprintf(stderr, "reportpipe extract: %s: %s\n", path, err);
        return 1;
    }
    rp_document_input in = {.bytes = buf, .len = len, .url = path};
    rp_extract_result *r = NULL;
    rp_document_status st = rp_document_extract(&in, &r, err, sizeof err);
    free(buf);
    if (st != RP_DOC_OK) {
        fprintf(stderr, "reportpipe extract: %s: %s: %s\n", path, rp_document_status_name(st), err);
        return 1;
    }
    int rc = 0;
    if (with_meta && print_json(meta_json(path, r)) != 0)
        rc = 1;
    for (size_t k = 0; k < r->n_measures && rc == 0; k++)
        if (print_json(measure_json(path, &r->measures[k])) != 0)
            rc = 1;
    rp_extract_result_free(r);
    return rc;
}

int rp_cmd_extract(int argc, char **argv)
{
    int with_meta = 0, first = 1, rc = 0;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0) {
            usage(stdout);
            return 0;
        }
        if (strcmp(argv[first], "--meta") != 0) {
            fprintf(stderr, "reportpipe extract: unknown option '%s'\n", argv[first]);
            usage(stderr);
            return 2;
        }
        with_meta = 1;
    }
    if (first >= argc) {
        usage(stderr);
        return 2;
    }
    for (int k = first; k < argc; k++)
        rc |= extract_one(argv[k], with_meta);
    return rc;
}
