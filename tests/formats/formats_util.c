#include "formats_util.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *fx_slurp(const char *path, size_t *len)
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
    if (len != NULL)
        *len = n;
    return buf;
}

char *fx_find_prefixed(const char *prefix)
{
    const char *slash = strrchr(prefix, '/');
    if (slash == NULL)
        return NULL;
    char dir[1024];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - prefix), prefix);
    DIR *d = opendir(dir);
    if (d == NULL)
        return NULL;
    char *found = NULL;
    struct dirent *e;
    while (found == NULL && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, slash + 1, strlen(slash + 1)) != 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        found = malloc(n);
        if (found != NULL)
            snprintf(found, n, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    return found;
}

void fx_path(char *out, size_t outlen, const char *name)
{
    snprintf(out, outlen, "%s/%s", RP_FORMATS_FIXTURES, name);
}

rp_document_status fx_extract(const char *name, const char *content_type,
                              rp_extract_result **out)
{
    char path[1024];
    size_t len = 0;
    fx_path(path, sizeof path, name);
    char *bytes = fx_slurp(path, &len);
    *out = NULL;
    if (bytes == NULL)
        return RP_DOC_EMPTY;
    rp_document_input in = {bytes, len, content_type, name, 0};
    char err[256];
    rp_document_status s = rp_document_extract(&in, out, err, sizeof err);
    free(bytes);
    return s;
}

static void copy_str(char *dst, size_t n, const cJSON *v)
{
    dst[0] = '\0';
    if (cJSON_IsString(v))
        snprintf(dst, n, "%s", v->valuestring);
}

int fx_gold_load(const char *name, fx_gold *g)
{
    char path[1024];
    fx_path(path, sizeof path, name);
    return fx_gold_load_path(path, g);
}

int fx_gold_load_path(const char *path, fx_gold *g)
{
    memset(g, 0, sizeof *g);
    char *buf = fx_slurp(path, NULL);
    if (buf == NULL)
        return -1;
    bool first = true;
    for (char *line = buf; *line != '\0';) {
        char *nl = strchr(line, '\n');
        if (nl != NULL)
            *nl = '\0';
        cJSON *j = *line ? cJSON_Parse(line) : NULL;
        if (j != NULL && first) {
            copy_str(g->title, sizeof g->title, cJSON_GetObjectItem(j, "title"));
            copy_str(g->published, sizeof g->published,
                     cJSON_GetObjectItem(j, "published"));
            copy_str(g->source, sizeof g->source, cJSON_GetObjectItem(j, "source"));
            first = false;
        } else if (j != NULL) {
            fx_item *p = realloc(g->items, (g->n + 1) * sizeof *p);
            if (p != NULL) {
                g->items = p;
                fx_item *it = &p[g->n++];
                it->value = cJSON_GetNumberValue(cJSON_GetObjectItem(j, "value"));
                copy_str(it->unit, sizeof it->unit, cJSON_GetObjectItem(j, "unit"));
                it->optional = cJSON_IsTrue(cJSON_GetObjectItem(j, "optional"));
            }
        }
        cJSON_Delete(j);
        if (nl == NULL)
            break;
        line = nl + 1;
    }
    free(buf);
    return first ? -1 : 0;
}

void fx_gold_free(fx_gold *g)
{
    if (g == NULL)
        return;
    free(g->items);
    g->items = NULL;
    g->n = 0;
}

static bool same(const fx_item *a, const fx_item *b)
{
    double scale = fmax(fabs(a->value), fabs(b->value));
    return fabs(a->value - b->value) <= 1e-6 * (scale > 1 ? scale : 1) &&
           strcmp(a->unit, b->unit) == 0;
}

double fx_f1(const fx_item *ref, size_t nref, const fx_item *pred,
             size_t npred)
{
    bool *used = calloc(npred + 1, sizeof *used);
    size_t tp = 0, fn = 0, opt = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < nref; i++) {
            if (ref[i].optional != (pass == 1))
                continue;
            size_t k = 0;
            while (k < npred && (used[k] || !same(&ref[i], &pred[k])))
                k++;
            if (k < npred) {
                used[k] = true;
                tp += pass == 0;
                opt += pass == 1;
            } else {
                fn += pass == 0;
            }
        }
    }
    free(used);
    size_t fp = npred - tp - opt;
    if (tp + fp + fn == 0)
        return 1.0;
    return 2.0 * (double)tp / (double)(2 * tp + fp + fn);
}

fx_item *fx_items_of(const rp_extract_result *r, size_t *n)
{
    *n = r != NULL ? r->n_measures : 0;
    fx_item *v = calloc(*n + 1, sizeof *v);
    for (size_t i = 0; v != NULL && i < *n; i++) {
        v[i].value = r->measures[i].value;
        snprintf(v[i].unit, sizeof v[i].unit, "%s", r->measures[i].unit);
        v[i].optional = r->measures[i].optional;
    }
    return v;
}
