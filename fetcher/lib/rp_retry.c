#include "rp_retry.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

long rp_backoff_ms(int attempt, long base_ms, long max_ms, uint32_t rnd)
{
    if (attempt < 1)
        attempt = 1;
    if (base_ms < 1)
        base_ms = 1;
    if (max_ms < base_ms)
        max_ms = base_ms;
    long d = base_ms;
    for (int i = 1; i < attempt && d < max_ms; i++)
        d = d > max_ms / 2 ? max_ms : d * 2;
    if (d > max_ms)
        d = max_ms;
    long half = d / 2;
    long span = d - half;
    return half + (long)(rnd % (uint32_t)(span + 1));
}

long rp_retry_after_parse(const char *value, time_t now)
{
    if (!value)
        return -1;
    while (*value == ' ' || *value == '\t')
        value++;
    if (!*value)
        return -1;
    if (isdigit((unsigned char)*value)) {
        char *end = NULL;
        errno = 0;
        long v = strtol(value, &end, 10);
        while (end && (*end == ' ' || *end == '\t'))
            end++;
        if (errno || !end || *end || v < 0)
            return -1;
        return v;
    }
    time_t t = curl_getdate(value, NULL);
    if (t == (time_t)-1)
        return -1;
    return t > now ? (long)(t - now) : 0;
}

bool rp_retry_status_transient(long status)
{
    if (status == 408 || status == 429)
        return true;
    return status >= 500 && status <= 599 && status != 501 && status != 505;
}

bool rp_retry_curl_transient(CURLcode rc)
{
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
    case CURLE_AGAIN:
        return true;
    default:
        return false;
    }
}

const char *rp_retry_curl_reason(CURLcode rc)
{
    switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
        return "timeout";
    case CURLE_COULDNT_CONNECT:
        return "connect_failed";
    case CURLE_COULDNT_RESOLVE_HOST:
        return "dns_failed";
    case CURLE_TOO_MANY_REDIRECTS:
        return "too_many_redirects";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
        return "tls_error";
    case CURLE_FILESIZE_EXCEEDED:
        return "too_large";
    case CURLE_BAD_CONTENT_ENCODING:
        return "bad_encoding";
    case CURLE_UNSUPPORTED_PROTOCOL:
        return "unsupported_protocol";
    case CURLE_URL_MALFORMAT:
        return "invalid_url";
    default:
        return "transfer_error";
    }
}
