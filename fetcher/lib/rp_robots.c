#include "rp_robots.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RP_ROBOTS_MAX_BYTES (500 * 1024)

typedef struct rule {
    char *pattern;
    size_t len;
    bool allow;
} rule;

typedef struct rule_list {
    rule *items;
    size_t n;
    double delay;
} rule_list;

struct rp_robots {
    rule_list rules;
};

/* Parser state while reading lines. */
typedef struct parse {
    const char *agent;
    rule_list mine, star;
    bool in_agent_lines;       /* the previous line was a user-agent line */
    bool group_mine, group_star;
    bool seen_mine;
    bool failed;
} parse;

static void list_free(rule_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].pattern);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

static int hex_val(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static bool unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

static size_t put_pct(char *out, size_t o, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    out[o] = '%';
    out[o + 1] = hex[c >> 4];
    out[o + 2] = hex[c & 15];
    return o + 3;
}

/* The RFC 9309 (2.2.2) comparison form of a path or pattern: a %XX of an
 * unreserved character is decoded ("%7Efoo" -> "~foo"), any other %xx keeps
 * its encoding with upper-case digits ("%2f" -> "%2F"), and octets outside
 * printable US-ASCII are encoded ("\xc3\xa9" -> "%C3%A9"), so that both
 * spellings of a path match the same rules. A '%' not followed by two hex
 * digits stays as it is. Heap string of *outlen bytes, NULL on ENOMEM. */
static char *pct_normalize(const char *s, size_t n, size_t *outlen)
{
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = malloc(3 * n + 1);
    size_t o = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int hi = n - i >= 3 && c == '%' ? hex_val(s[i + 1]) : -1;
        int lo = hi >= 0 ? hex_val(s[i + 2]) : -1;
        if (lo >= 0) {
            unsigned char d = (unsigned char)(hi * 16 + lo);
            if (unreserved(d))
                out[o++] = (char)d;
            else
                o = put_pct(out, o, d);
            i += 2;
        } else if (c <= 0x20 || c >= 0x7f) {
            o = put_pct(out, o, c);
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = 0;
    *outlen = o;
    return out;
}

static void list_add(parse *ps, rule_list *l, const char *v, size_t n, bool allow)
{
    rule *ni = realloc(l->items, (l->n + 1) * sizeof *ni);
    size_t len = 0;
    char *pat = ni ? pct_normalize(v, n, &len) : NULL;
    if (!pat) {
        if (ni)
            l->items = ni;
        ps->failed = true;
        return;
    }
    l->items = ni;
    l->items[l->n++] = (rule){pat, len, allow};
}

static bool names_agent(const char *v, size_t n, const char *agent)
{
    size_t k = 0;
    while (k < n && v[k] != '/' && v[k] != ' ' && v[k] != '\t')
        k++;
    return k > 0 && strlen(agent) == k && strncasecmp(v, agent, k) == 0;
}

static void on_user_agent(parse *ps, const char *v, size_t n)
{
    if (!ps->in_agent_lines)
        ps->group_mine = ps->group_star = false;
    ps->in_agent_lines = true;
    if (n == 1 && v[0] == '*')
        ps->group_star = true;
    else if (names_agent(v, n, ps->agent))
        ps->group_mine = ps->seen_mine = true;
}

static double parse_delay(const char *v, size_t n)
{
    char buf[32];
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, v, n);
    buf[n] = 0;
    char *end = NULL;
    double d = strtod(buf, &end);
    return (end != buf && d >= 0) ? d : -1;
}

static void on_rule(parse *ps, const char *key, size_t klen, const char *v, size_t n)
{
    ps->in_agent_lines = false;
    bool allow = klen == 5 && strncasecmp(key, "allow", 5) == 0;
    bool disallow = klen == 8 && strncasecmp(key, "disallow", 8) == 0;
    bool delay = klen == 11 && strncasecmp(key, "crawl-delay", 11) == 0;
    rule_list *targets[2] = {ps->group_mine ? &ps->mine : NULL,
                             ps->group_star ? &ps->star : NULL};
    for (int i = 0; i < 2; i++) {
        if (!targets[i])
            continue;
        if (delay)
            targets[i]->delay = parse_delay(v, n);
        else if ((allow || disallow) && n > 0)
            list_add(ps, targets[i], v, n, allow);
    }
}

static void trim(const char **s, size_t *n)
{
    while (*n > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

static void parse_line(parse *ps, const char *line, size_t n)
{
    const char *hash = memchr(line, '#', n);
    if (hash)
        n = (size_t)(hash - line);
    const char *colon = memchr(line, ':', n);
    if (!colon)
        return;
    const char *key = line, *val = colon + 1;
    size_t klen = (size_t)(colon - line), vlen = n - klen - 1;
    trim(&key, &klen);
    trim(&val, &vlen);
    if (klen == 10 && strncasecmp(key, "user-agent", 10) == 0)
        on_user_agent(ps, val, vlen);
    else
        on_rule(ps, key, klen, val, vlen);
}

rp_robots *rp_robots_parse(const char *text, size_t len, const char *agent)
{
    parse ps = {.agent = agent ? agent : "", .mine = {.delay = -1}, .star = {.delay = -1}};
    if (len > RP_ROBOTS_MAX_BYTES)
        len = RP_ROBOTS_MAX_BYTES;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n' && text[j] != '\r')
            j++;
        parse_line(&ps, text + i, j - i);
        i = j + 1;
    }
    rp_robots *r = ps.failed ? NULL : calloc(1, sizeof *r);
    if (!r) {
        list_free(&ps.mine);
        list_free(&ps.star);
        return NULL;
    }
    r->rules = ps.seen_mine ? ps.mine : ps.star;
    list_free(ps.seen_mine ? &ps.star : &ps.mine);
    return r;
}

rp_robots *rp_robots_allow_all(void)
{
    rp_robots *r = calloc(1, sizeof *r);
    if (r)
        r->rules.delay = -1;
    return r;
}

void rp_robots_free(rp_robots *r)
{
    if (!r)
        return;
    list_free(&r->rules);
    free(r);
}

/* Does pattern p[0..pn) match a prefix of s ('*' any run, final '$' = end)? */
static bool match(const char *p, size_t pn, const char *s)
{
    size_t pi = 0, si = 0, star_p = (size_t)-1, star_s = 0;
    size_t sn = strlen(s);
    bool anchored = pn > 0 && p[pn - 1] == '$';
    if (anchored)
        pn--;
    for (;;) {
        if (pi == pn) {
            if (!anchored || si == sn)
                return true;
        } else if (p[pi] == '*') {
            star_p = pi++;
            star_s = si;
            continue;
        } else if (si < sn && p[pi] == s[si]) {
            pi++;
            si++;
            continue;
        }
        if (star_p == (size_t)-1 || star_s >= sn)
            return false;
        pi = star_p + 1;
        si = ++star_s;
    }
}

/* Longest matching rule decides; "allow" wins a tie. */
static bool decide(const rp_robots *r, const char *path)
{
    size_t best = 0;
    bool allowed = true, found = false;
    for (size_t i = 0; i < r->rules.n; i++) {
        const rule *ru = &r->rules.items[i];
        if (!match(ru->pattern, ru->len, path))
            continue;
        if (!found || ru->len > best || (ru->len == best && ru->allow)) {
            allowed = ru->allow;
            best = ru->len;
            found = true;
        }
    }
    return allowed;
}

bool rp_robots_allowed(const rp_robots *r, const char *path)
{
    if (!path || !*path)
        path = "/";
    if (!r || r->rules.n == 0)
        return true;
    size_t len = 0;
    char *norm = pct_normalize(path, strlen(path), &len);
    if (!norm)
        return false; /* ENOMEM: the cautious answer */
    bool ok = strcmp(norm, "/robots.txt") == 0 || decide(r, norm);
    free(norm);
    return ok;
}

double rp_robots_crawl_delay(const rp_robots *r)
{
    return r ? r->rules.delay : -1;
}

size_t rp_robots_rule_count(const rp_robots *r)
{
    return r ? r->rules.n : 0;
}
