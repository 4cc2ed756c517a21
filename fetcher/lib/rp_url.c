#include "rp_url.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void rp_url_clear(rp_url *u)
{
    if (!u)
        return;
    free(u->scheme);
    free(u->host);
    free(u->path_query);
    free(u->file_path);
    memset(u, 0, sizeof *u);
}

static void lower(char *s)
{
    for (; s && *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

static int parse_file(const char *src, rp_url *out, char *err, size_t errlen)
{
    const char *path = src;
    if (strncasecmp(src, "file://", 7) == 0) {
        path = src + 7;
        if (strncasecmp(path, "localhost/", 10) == 0)
            path += 9;
        if (path[0] != '/') {
            snprintf(err, errlen, "file URL must name an absolute path");
            return -1;
        }
    }
    if (!*path) {
        snprintf(err, errlen, "empty path");
        return -1;
    }
    out->kind = RP_URL_FILE;
    out->file_path = strdup(path);
    return out->file_path ? 0 : -1;
}

static int take_part(CURLU *h, CURLUPart what, char **dst)
{
    char *v = NULL;
    if (curl_url_get(h, what, &v, 0) != CURLUE_OK)
        return -1;
    *dst = strdup(v);
    curl_free(v);
    return *dst ? 0 : -1;
}

static int parse_http(CURLU *h, rp_url *out, char *err, size_t errlen)
{
    char *port = NULL, *path = NULL, *query = NULL;
    int rc = -1;
    if (take_part(h, CURLUPART_SCHEME, &out->scheme) || take_part(h, CURLUPART_HOST, &out->host)) {
        snprintf(err, errlen, "URL has no host");
        goto out;
    }
    lower(out->scheme);
    lower(out->host);
    size_t hl = strlen(out->host);
    if (hl >= 2 && out->host[0] == '[') {
        memmove(out->host, out->host + 1, hl - 2);
        out->host[hl - 2] = 0;
    }
    if (curl_url_get(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) != CURLUE_OK ||
        curl_url_get(h, CURLUPART_PATH, &path, 0) != CURLUE_OK) {
        snprintf(err, errlen, "URL has no port or path");
        goto out;
    }
    out->port = strtol(port, NULL, 10);
    curl_url_get(h, CURLUPART_QUERY, &query, 0);
    size_t n = strlen(path) + (query ? strlen(query) + 1 : 0) + 2;
    if ((out->path_query = malloc(n)))
        snprintf(out->path_query, n, "%s%s%s", *path ? path : "/", query ? "?" : "",
                 query ? query : "");
    rc = out->path_query ? 0 : -1;
    out->kind = RP_URL_HTTP;
out:
    curl_free(port);
    curl_free(path);
    curl_free(query);
    return rc;
}

int rp_url_parse(const char *src, rp_url *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (errlen)
        err[0] = 0;
    if (!src || !*src) {
        snprintf(err, errlen, "empty source");
        return -1;
    }
    if (strncasecmp(src, "file:", 5) == 0 || !strstr(src, "://"))
        return parse_file(src, out, err, errlen);
    bool http = strncasecmp(src, "http://", 7) == 0 || strncasecmp(src, "https://", 8) == 0;
    if (!http) {
        out->kind = RP_URL_OTHER_SCHEME;
        snprintf(err, errlen, "only http and https URLs are fetched");
        return -1;
    }
    CURLU *h = curl_url();
    if (!h || curl_url_set(h, CURLUPART_URL, src, 0) != CURLUE_OK) {
        snprintf(err, errlen, "malformed URL");
        curl_url_cleanup(h);
        return -1;
    }
    int rc = parse_http(h, out, err, errlen);
    curl_url_cleanup(h);
    if (rc != 0) {
        rp_url_clear(out);
        if (!*err)
            snprintf(err, errlen, "out of memory");
    }
    return rc;
}

int rp_url_origin(const rp_url *u, char *out, size_t outlen)
{
    bool v6 = u->host && strchr(u->host, ':');
    int n = snprintf(out, outlen, "%s://%s%s%s:%ld", u->scheme ? u->scheme : "",
                     v6 ? "[" : "", u->host ? u->host : "", v6 ? "]" : "", u->port);
    return n > 0 && (size_t)n < outlen ? 0 : -1;
}

void rp_url_redact(const char *src, char *out, size_t outlen)
{
    if (!outlen)
        return;
    const char *s = src ? src : "";
    const char *scheme_end = strstr(s, "://");
    const char *auth = scheme_end ? scheme_end + 3 : s;
    size_t auth_len = strcspn(auth, "/?#");
    const char *at = NULL;
    for (size_t i = 0; i < auth_len; i++)
        if (auth[i] == '@')
            at = auth + i;
    if (!at) {
        snprintf(out, outlen, "%s", s);
        return;
    }
    snprintf(out, outlen, "%.*s%s", (int)(auth - s), s, at + 1);
}

size_t rp_url_partition_key(const char *key, size_t key_len, char *out, size_t outlen)
{
    if (!outlen)
        return 0;
    size_t n = 0;
    const char *sep = key_len >= 3 ? memmem(key, key_len, "://", 3) : NULL;
    bool http = sep && ((sep - key == 4 && strncasecmp(key, "http", 4) == 0) ||
                        (sep - key == 5 && strncasecmp(key, "https", 5) == 0));
    const char *s = key, *end = key + key_len;
    if (http) {
        s = sep + 3;
        const char *stop = s;
        while (stop < end && *stop != '/' && *stop != '?' && *stop != '#')
            stop++;
        const char *at = NULL;
        for (const char *c = s; c < stop; c++)
            if (*c == '@')
                at = c;
        if (at)
            s = at + 1;
        const char *colon = NULL;
        for (const char *c = s; c < stop; c++)
            if (*c == ':' || *c == ']')
                colon = *c == ':' ? c : NULL; /* last ':' not inside [v6] */
        end = colon ? colon : stop;
    }
    for (const char *c = s; c < end && n + 1 < outlen; c++)
        out[n++] = http && *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
    out[n] = 0;
    return n;
}

int32_t rp_url_partition(const void *key, size_t key_len, int32_t n)
{
    if (n <= 1 || !key)
        return 0;
    char buf[1024];
    size_t len = rp_url_partition_key(key, key_len, buf, sizeof buf);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)buf[i];
        h *= 16777619u;
    }
    return (int32_t)(h % (uint32_t)n);
}
