#include "rp_transfer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rp_url.h"

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    rp_transfer *t = userp;
    size_t n = size * nmemb;
    if (t->body_len + n > t->max_body) {
        t->too_large = true;
        return 0; /* aborts the transfer: CURLE_WRITE_ERROR */
    }
    if (t->body_len + n + 1 > t->body_cap) {
        size_t cap = t->body_cap ? t->body_cap : 16384;
        while (cap < t->body_len + n + 1)
            cap *= 2;
        char *nb = realloc(t->body, cap);
        if (!nb)
            return 0;
        t->body = nb;
        t->body_cap = cap;
    }
    memcpy(t->body + t->body_len, data, n);
    t->body_len += n;
    t->body[t->body_len] = 0;
    return n;
}

/* Host of the URL being connected to now (after redirects), for host-name
 * entries of the allowlist. */
static char *current_host(CURL *easy)
{
    char *url = NULL;
    rp_url u;
    char err[64];
    if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &url) != CURLE_OK || !url ||
        rp_url_parse(url, &u, err, sizeof err) != 0)
        return NULL;
    char *host = u.host;
    u.host = NULL;
    rp_url_clear(&u);
    return host;
}

static void describe(const struct sockaddr *sa, const char *why, char *out, size_t outlen)
{
    char ip[INET6_ADDRSTRLEN] = "?";
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, ip, sizeof ip);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, ip, sizeof ip);
    snprintf(out, outlen, "%s (%s)", ip, why ? why : "refused");
}

static curl_socket_t on_open_socket(void *clientp, curlsocktype purpose,
                                    struct curl_sockaddr *addr)
{
    rp_transfer *t = clientp;
    (void)purpose;
    const struct sockaddr *sa = &addr->addr;
    const char *why = rp_addr_internal_class(sa);
    if (why) {
        char *host = current_host(t->easy);
        bool ok = rp_addr_allowed(t->policy, sa, host);
        free(host);
        if (!ok) {
            t->blocked = true;
            describe(sa, why, t->blocked_detail, sizeof t->blocked_detail);
            return CURL_SOCKET_BAD;
        }
    }
    return socket(addr->family, addr->socktype, addr->protocol);
}

static int add_header(rp_transfer *t, const char *name, const char *value)
{
    char line[1024];
    if (!value || !*value)
        return 0;
    snprintf(line, sizeof line, "%s: %s", name, value);
    struct curl_slist *l = curl_slist_append(t->req_headers, line);
    if (!l)
        return -1;
    t->req_headers = l;
    return 0;
}

/* Options that do not depend on the URL. */
static CURLcode set_common(CURL *e, const rp_fetch_conf *fc)
{
    CURLcode rc = CURLE_OK;
#define SET(opt, val) if (rc == CURLE_OK) rc = curl_easy_setopt(e, opt, val)
    SET(CURLOPT_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_FOLLOWLOCATION, 1L);
    SET(CURLOPT_MAXREDIRS, fc->max_redirects);
    SET(CURLOPT_CONNECTTIMEOUT_MS, fc->connect_timeout_ms);
    SET(CURLOPT_TIMEOUT_MS, fc->timeout_ms);
    SET(CURLOPT_LOW_SPEED_LIMIT, fc->low_speed_time_s > 0 ? fc->low_speed_bytes : 0L);
    SET(CURLOPT_LOW_SPEED_TIME, fc->low_speed_time_s);
    SET(CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    SET(CURLOPT_PIPEWAIT, 1L);
    SET(CURLOPT_ACCEPT_ENCODING, "");
    SET(CURLOPT_USERAGENT, fc->user_agent);
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_PROXY, ""); /* no proxy from the environment: the policy
                               checks the address actually connected to */
    SET(CURLOPT_SSL_VERIFYPEER, 1L);
    SET(CURLOPT_SSL_VERIFYHOST, 2L);
#undef SET
    return rc;
}

int rp_transfer_init(rp_transfer *t, const rp_fetch_conf *fc, const rp_addr_policy *policy,
                     const char *url, const rp_transfer_cond *cond, size_t max_body,
                     void *owner)
{
    memset(t, 0, sizeof *t);
    t->policy = policy;
    t->owner = owner;
    t->max_body = max_body ? max_body : (size_t)fc->max_body_bytes;
    t->easy = curl_easy_init();
    if (!t->easy)
        return -1;
    CURLcode rc = set_common(t->easy, fc);
    if (cond && (add_header(t, "If-None-Match", cond->etag) ||
                 add_header(t, "If-Modified-Since", cond->last_modified)))
        rc = CURLE_OUT_OF_MEMORY;
#define SET(opt, val) if (rc == CURLE_OK) rc = curl_easy_setopt(t->easy, opt, val)
    SET(CURLOPT_URL, url);
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t->max_body);
    SET(CURLOPT_WRITEFUNCTION, on_body);
    SET(CURLOPT_WRITEDATA, t);
    SET(CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    SET(CURLOPT_OPENSOCKETDATA, t);
    SET(CURLOPT_PRIVATE, owner);
    if (t->req_headers)
        SET(CURLOPT_HTTPHEADER, t->req_headers);
#undef SET
    if (rc != CURLE_OK) {
        rp_transfer_cleanup(t);
        return -1;
    }
    return 0;
}

void rp_transfer_cleanup(rp_transfer *t)
{
    if (!t)
        return;
    if (t->easy)
        curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->req_headers);
    free(t->body);
    memset(t, 0, sizeof *t);
}

char *rp_transfer_take_body(rp_transfer *t, size_t *len)
{
    char *b = t->body;
    *len = t->body_len;
    if (!b)
        b = calloc(1, 1);
    t->body = NULL;
    t->body_len = t->body_cap = 0;
    return b;
}

char *rp_transfer_header(const rp_transfer *t, const char *name)
{
    struct curl_header *h = NULL;
    if (curl_easy_header(t->easy, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h)
        return NULL;
    return strdup(h->value);
}
