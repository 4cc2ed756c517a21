/* rp_html_meta: what a page says about its article. The title is the first
 * <h1> that is neither left out nor mostly a link, else the <title> without
 * its site suffix; the publish date comes from a <meta> with one of the
 * usual names, else from the first <time>. See rp_html_int.h. */
#include "rp_html_int.h"

#include <stdlib.h>
#include <strings.h>

static xmlNode *find_first(xmlNode *n, const char *name)
{
    for (xmlNode *c = n; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_el(c, name))
            return c;
        xmlNode *f = find_first(c->children, name);
        if (f != NULL)
            return f;
    }
    return NULL;
}

/* `<title>` text up to the site suffix (`正文 - 某某网`, `正文_某某网`);
 * returns where the suffix (the site's name) starts, or NULL. */
static char *cut_site_suffix(char *t)
{
    static const char *const seps[] = {" - ", "_", " | ", "|", " — ",
                                       "——", "-"};
    for (size_t i = 0; i < ARRAY_LEN(seps); i++) {
        char *p = strstr(t, seps[i]);
        if (p != NULL && p - t >= 12) {
            *p = '\0';
            return p + strlen(seps[i]);
        }
    }
    return NULL;
}

char *rp_html_find_site(const struct walk *w, xmlNode *root)
{
    xmlNode *title = find_first(root, "title");
    char *t = title ? rp_html_flat_text(w, title) : NULL;
    const char *site = t ? cut_site_suffix(t) : NULL;
    char *out = strdup(site ? site : "");
    free(t);
    return out;
}

/* The first <h1> in document order that was not skipped and is not mostly
 * a link (a site logo is often an <h1><a href="/">...</a></h1>). */
static xmlNode *find_heading(const struct walk *w, xmlNode *n)
{
    for (xmlNode *c = n; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const struct stats *st = stats_of(w, c);
        if (st == NULL)
            continue;
        if (is_el(c, "h1") && st->text > 0 && st->link * 2 < st->text)
            return c;
        xmlNode *f = find_heading(w, c->children);
        if (f != NULL)
            return f;
    }
    return NULL;
}

static size_t cps(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

char *rp_html_find_title(const struct walk *w, xmlNode *root)
{
    xmlNode *h1 = find_heading(w, root);
    char *h = h1 ? rp_html_flat_text(w, h1) : NULL;
    if (h != NULL && cps(h) >= 5)
        return h;
    xmlNode *title = find_first(root, "title");
    char *t = title ? rp_html_flat_text(w, title) : NULL;
    if (t != NULL)
        cut_site_suffix(t);
    if (h != NULL && *h != '\0' && (t == NULL || cps(t) <= cps(h))) {
        free(t);
        return h;
    }
    free(h);
    return t;
}

/* The first <time> element's datetime (or text) as a date. */
static char *time_element_date(xmlNode *root)
{
    xmlNode *t = find_first(root, "time");
    if (t == NULL)
        return NULL;
    xmlChar *v = xmlGetProp(t, BAD_CAST "datetime");
    if (v == NULL)
        v = xmlNodeGetContent(t);
    char date[16];
    bool ok = v != NULL && rp_find_date((const char *)v,
                                        strlen((const char *)v), date,
                                        sizeof date);
    xmlFree(v);
    return ok ? strdup(date) : NULL;
}

char *rp_html_find_published(xmlNode *root)
{
    static const char *const keys[] = {
        "pubdate", "publishdate", "publish_date", "publish-date",
        "article:published_time", "publishtime", "publish_time",
        "firstpublishedtime", "dc.date", "dc.date.issued", "date",
        "og:release_date", "releasedate", "maketime",
    };
    for (xmlNode *m = find_first(root, "meta"); m != NULL;) {
        xmlChar *name = xmlGetProp(m, BAD_CAST "name");
        if (name == NULL)
            name = xmlGetProp(m, BAD_CAST "property");
        bool hit = false;
        for (size_t i = 0; name != NULL && i < ARRAY_LEN(keys); i++)
            hit = hit || strcasecmp((const char *)name, keys[i]) == 0;
        xmlFree(name);
        xmlChar *content = hit ? xmlGetProp(m, BAD_CAST "content") : NULL;
        char date[16];
        bool ok = content != NULL &&
                  rp_find_date((const char *)content,
                               strlen((const char *)content), date,
                               sizeof date);
        xmlFree(content);
        if (ok)
            return strdup(date);
        xmlNode *next = m->next;
        while (next != NULL && !is_el(next, "meta"))
            next = next->next;
        m = next;
    }
    return time_element_date(root);
}
