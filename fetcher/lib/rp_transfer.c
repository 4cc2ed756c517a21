#include "rp_transfer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rp_url.h"

/* Receive buffer of a transfer (libcurl: 16 KiB), as large as the curl tool
 * uses: fewer recv calls and write callbacks per page. */
#define RP_RECV_BUFFER 102400L

struct rp_easy_pool {
    CURL **idle;
    size_t n, max;
};

rp_easy_pool *rp_easy_pool_new(size_t max_idle)
{
    rp_easy_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->idle = calloc(max_idle ? max_idle : 1, sizeof *p->idle))) {
        free(p);
        return NULL;
    }
    p->max = max_idle;
    return p;
}

void rp_easy_pool_destroy(rp_easy_pool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        curl_easy_cleanup(p->idle[i]);
    free(p->idle);
    free(p);
}

static CURL *pool_get(rp_easy_pool *p)
{
    if (p && p->n > 0)
        return p->idle[--p->n];
    return curl_easy_init();
}

/* curl_easy_reset keeps nothing of the request's settings, so a reused
 * handle starts like a new one. */
static void pool_put(rp_easy_pool *p, CURL *e)
{
    if (!e)
        return;
    if (!p || p->n >= p->max) {
        curl_easy_cleanup(e);
        return;
    }
    curl_easy_reset(e);
    p->idle[p->n++] = e;
}

/* First capacity of the body: the announced length (the encoded length when
 * a content encoding is decoded: a start, not a bound) or 16 KiB. */
static size_t first_cap(const rp_transfer *t, size_t need)
{
    curl_off_t cl = -1;
    size_t cap = 16384;
    if (curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &cl) == CURLE_OK &&
        cl > 0 && (curl_off_t)t->max_body >= cl)
        cap = (size_t)cl + 1;
    return cap < need ? need : cap;
}

/* Makes room for need bytes (NUL included); need <= max_body + 1. */
static int reserve(rp_transfer *t, size_t need)
{
    if (need <= t->body_cap)
        return 0;
    size_t cap = t->body_cap ? t->body_cap : first_cap(t, need);
    while (cap < need)
        cap *= 2;
    if (cap > t->max_body + 1)
        cap = t->max_body + 1;
    char *nb = realloc(t->body, cap);
    if (!nb)
        return -1;
    t->body = nb;
    t->body_cap = cap;
    return 0;
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    rp_transfer *t = userp;
    size_t n = size * nmemb;
    if (t->body_len + n > t->max_body) {
        t->too_large = true;
        return 0; /* aborts the transfer: CURLE_WRITE_ERROR */
    }
    if (reserve(t, t->body_len + n + 1) != 0)
        return 0;
    if (t->sha && EVP_DigestUpdate(t->sha, data, n) != 1)
        return 0;
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

/* Called before each request, the first one and every redirect hop. */
static int on_prereq(void *clientp, char *conn_primary_ip, char *conn_local_ip,
                     int conn_primary_port, int conn_local_port)
{
    rp_transfer *t = clientp;
    char *url = NULL;
    (void)conn_primary_ip;
    (void)conn_local_ip;
    (void)conn_primary_port;
    (void)conn_local_port;
    if (!t->first_url || !t->env->redirect_ok ||
        curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url) != CURLE_OK || !url ||
        strcmp(url, t->first_url) == 0 || t->env->redirect_ok(url, t->env->redirect_opaque))
        return CURL_PREREQFUNC_OK;
    t->redirect_refused = true;
    rp_url_redact(url, t->refused_url, sizeof t->refused_url);
    return CURL_PREREQFUNC_ABORT;
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
    if (fc->ca_file && *fc->ca_file)
        SET(CURLOPT_CAINFO, fc->ca_file);
#undef SET
    /* A size, not a requirement: a pooled handle whose last transfer left
     * its receive buffer allocated (an HTTP/2 stream, for one) refuses a
     * new size with CURLE_BAD_FUNCTION_ARGUMENT (libcurl 7.88) and reads
     * with the buffer it has. */
    if (rc == CURLE_OK)
        (void)curl_easy_setopt(e, CURLOPT_BUFFERSIZE, RP_RECV_BUFFER);
    return rc;
}

static CURLcode set_request(rp_transfer *t, const rp_transfer_req *req)
{
    CURLcode rc = CURLE_OK;
    if (add_header(t, "If-None-Match", req->etag) ||
        add_header(t, "If-Modified-Since", req->last_modified))
        return CURLE_OUT_OF_MEMORY;
#define SET(opt, val) if (rc == CURLE_OK) rc = curl_easy_setopt(t->easy, opt, val)
    SET(CURLOPT_URL, req->url);
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t->max_body);
    SET(CURLOPT_WRITEFUNCTION, on_body);
    SET(CURLOPT_WRITEDATA, t);
    SET(CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
    SET(CURLOPT_OPENSOCKETDATA, t);
    SET(CURLOPT_PRIVATE, req->owner);
    SET(CURLOPT_ERRORBUFFER, t->error);
    if (t->first_url && t->env->redirect_ok) {
        SET(CURLOPT_PREREQFUNCTION, on_prereq);
        SET(CURLOPT_PREREQDATA, t);
    }
    if (t->req_headers)
        SET(CURLOPT_HTTPHEADER, t->req_headers);
#undef SET
    return rc;
}

static int start_hash(rp_transfer *t)
{
    t->sha = EVP_MD_CTX_new();
    return t->sha && EVP_DigestInit_ex(t->sha, EVP_sha256(), NULL) == 1 ? 0 : -1;
}

CURLcode rp_transfer_init(rp_transfer *t, const rp_transfer_env *env,
                          const rp_transfer_req *req)
{
    CURLcode rc = CURLE_OUT_OF_MEMORY;
    memset(t, 0, sizeof *t);
    t->env = env;
    t->first_url = req->check_redirects ? req->url : NULL;
    t->policy = env->policy;
    t->pool = env->pool;
    t->owner = req->owner;
    t->max_body = req->max_body ? req->max_body : (size_t)env->fc->max_body_bytes;
    if (!(t->easy = pool_get(env->pool)) || (req->sha256 && start_hash(t) != 0) ||
        (rc = set_common(t->easy, env->fc)) != CURLE_OK || (rc = set_request(t, req)) != CURLE_OK) {
        rp_transfer_cleanup(t);
        return rc;
    }
    return CURLE_OK;
}

void rp_transfer_cleanup(rp_transfer *t)
{
    if (!t)
        return;
    pool_put(t->pool, t->easy);
    curl_slist_free_all(t->req_headers);
    EVP_MD_CTX_free(t->sha);
    free(t->body);
    memset(t, 0, sizeof *t);
}

const char *rp_transfer_sha256(rp_transfer *t)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (t->sha_hex[0])
        return t->sha_hex;
    if (!t->sha || EVP_DigestFinal_ex(t->sha, md, &n) != 1 || n != 32)
        return NULL;
    for (unsigned int i = 0; i < n; i++) {
        t->sha_hex[2 * i] = hex[md[i] >> 4];
        t->sha_hex[2 * i + 1] = hex[md[i] & 15];
    }
    t->sha_hex[2 * n] = 0;
    return t->sha_hex;
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

const char *rp_transfer_error(const rp_transfer *t)
{
    return t->error[0] ? t->error : NULL;
}

const char *rp_transfer_http_version(const rp_transfer *t)
{
    long v = 0;
    if (!t->easy || curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &v) != CURLE_OK)
        return "";
    switch (v) {
    case CURL_HTTP_VERSION_1_0:
        return "1.0";
    case CURL_HTTP_VERSION_1_1:
        return "1.1";
    case CURL_HTTP_VERSION_2_0:
        return "2";
    case CURL_HTTP_VERSION_3:
        return "3";
    default:
        return "";
    }
}
