#include "rp_fetch_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

typedef struct ext_type {
    const char *ext;
    const char *type;
} ext_type;

static const ext_type ext_types[] = {
    {".html", "text/html"},       {".htm", "text/html"},
    {".xhtml", "application/xhtml+xml"},
    {".txt", "text/plain"},       {".md", "text/markdown"},
    {".csv", "text/csv"},         {".json", "application/json"},
    {".xml", "application/xml"},  {".pdf", "application/pdf"},
};

const char *rp_fetch_file_content_type(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (dot && (!slash || dot > slash))
        for (size_t i = 0; i < sizeof ext_types / sizeof ext_types[0]; i++)
            if (strcasecmp(dot, ext_types[i].ext) == 0)
                return ext_types[i].type;
    return "application/octet-stream";
}

const char *rp_fetch_file_reason(rp_file_status s)
{
    switch (s) {
    case RP_FILE_OK: return "ok";
    case RP_FILE_NOT_FOUND: return "file_not_found";
    case RP_FILE_TOO_LARGE: return "too_large";
    default: return "file_error";
    }
}

static rp_file_status read_all(FILE *f, size_t size, char **data, size_t *len)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return RP_FILE_ERROR;
    size_t got = fread(buf, 1, size, f);
    if (got != size || ferror(f)) {
        free(buf);
        return RP_FILE_ERROR;
    }
    buf[got] = 0;
    *data = buf;
    *len = got;
    return RP_FILE_OK;
}

rp_file_status rp_fetch_file_read(const char *path, size_t max_bytes, char **data,
                                  size_t *len, char *err, size_t errlen)
{
    *data = NULL;
    *len = 0;
    struct stat st;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return errno == ENOENT ? RP_FILE_NOT_FOUND : RP_FILE_ERROR;
    }
    rp_file_status s = RP_FILE_ERROR;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file", path);
    } else if ((unsigned long long)st.st_size > max_bytes) {
        snprintf(err, errlen, "%s: %lld bytes, more than the limit of %zu", path,
                 (long long)st.st_size, max_bytes);
        s = RP_FILE_TOO_LARGE;
    } else {
        s = read_all(f, (size_t)st.st_size, data, len);
        if (s != RP_FILE_OK)
            snprintf(err, errlen, "%s: read error", path);
    }
    fclose(f);
    return s;
}
