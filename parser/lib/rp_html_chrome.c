/* rp_html_chrome: what of a page is chrome. Skipped elements (script,
 * style, nav, header, footer ...) and hidden ones are left out; under every
 * other element the text and the link text are counted, so that blocks that
 * are mostly links (menus, sidebars, pagers) can be dropped by length and
 * link density alone, never by class names. See rp_html_int.h. */
#include "rp_html_int.h"

#include <stdlib.h>

#define CONTENT_MIN 30 /* code points of non-link text */

static bool name_in(const xmlChar *name, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp((const char *)name, set[i]) == 0)
            return true;
    return false;
}

static bool is_skipped(const xmlChar *name)
{
    static const char *const skip[] = {
        "script", "style", "noscript", "nav", "header", "footer", "aside",
        "form", "iframe", "select", "button", "textarea", "template", "svg",
        "object", "embed", "head", "map", "canvas", "audio", "video", "input",
    };
    return name_in(name, skip, ARRAY_LEN(skip));
}

static bool is_block(const xmlChar *name)
{
    static const char *const block[] = {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th",
        "table", "thead", "tbody", "tfoot", "caption", "h1", "h2", "h3", "h4",
        "h5", "h6", "section", "article", "main", "blockquote", "pre", "hr",
        "address", "figure", "figcaption", "center", "body", "html", "title",
        "fieldset", "legend", "details", "summary", "menu", "dir",
    };
    return name_in(name, block, ARRAY_LEN(block));
}

int rp_html_hidden_kind(xmlNode *n)
{
    if (xmlHasProp(n, BAD_CAST "hidden") != NULL)
        return RP_HIDDEN_GONE;
    xmlChar *style = xmlGetProp(n, BAD_CAST "style");
    if (style == NULL)
        return 0;
    char compact[256];
    size_t k = 0;
    for (const xmlChar *p = style; *p != '\0' && k + 1 < sizeof compact; p++)
        if (*p != ' ')
            compact[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    compact[k] = '\0';
    xmlFree(style);
    if (strstr(compact, "display:none") != NULL)
        return RP_HIDDEN_GONE;
    return strstr(compact, "visibility:hidden") != NULL ? RP_HIDDEN_VEILED : 0;
}

bool rp_html_is_hidden(const struct walk *w, xmlNode *n)
{
    int k = rp_html_hidden_kind(n);
    return k == RP_HIDDEN_GONE || (k == RP_HIDDEN_VEILED && !w->reveal);
}

static size_t count_text(const xmlChar *s)
{
    size_t len = strlen((const char *)s), i = 0, c = 0;
    while (i < len)
        c += !rp_cp_is_space(rp_text_next((const char *)s, len, &i));
    return c;
}

/* Where rp_html_measure() is in the tree. */
enum { IN_LINK = 1, IN_ARTICLE = 2 };

/* <header>/<footer> are page chrome, except inside <article> or <main>
 * where they hold the article's own title, date and credits. */
static bool left_out(const struct walk *w, xmlNode *c, unsigned ctx)
{
    if ((ctx & IN_ARTICLE) && (is_el(c, "header") || is_el(c, "footer")))
        return rp_html_is_hidden(w, c);
    return is_skipped(c->name) || rp_html_is_hidden(w, c);
}

/* Text under an element left out as veiled, skipped elements excepted. */
static size_t veiled_text(xmlNode *node)
{
    size_t t = 0;
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            t += count_text(c->content);
        else if (c->type == XML_ELEMENT_NODE && !is_skipped(c->name) &&
                 rp_html_hidden_kind(c) != RP_HIDDEN_GONE)
            t += veiled_text(c);
    }
    return t;
}

struct stats rp_html_measure(struct walk *w, xmlNode *node, unsigned ctx)
{
    struct stats s = {0, 0, 0, false, is_block(node->name)};
    if (is_el(node, "article") || is_el(node, "main"))
        ctx |= IN_ARTICLE;
    for (xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            size_t t = c->content ? count_text(c->content) : 0;
            s.text += t;
            s.link += (ctx & IN_LINK) ? t : 0;
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (left_out(w, c, ctx)) {
            if (!w->reveal && !is_skipped(c->name) && rp_html_hidden_kind(c) == RP_HIDDEN_VEILED)
                w->veiled += veiled_text(c);
            continue;
        }
        bool link = is_el(c, "a") && xmlHasProp(c, BAD_CAST "href") != NULL;
        struct stats cs = rp_html_measure(w, c, ctx | (link ? IN_LINK : 0));
        s.text += cs.text;
        s.link += cs.link;
        s.links += cs.links + (link && cs.text > 0);
        s.content = s.content || cs.content;
    }
    s.content = s.content || (s.block && !dense(&s) &&
                              s.text - s.link >= CONTENT_MIN);
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        struct stats *p = realloc(w->st, cap * sizeof *p);
        if (p == NULL) {
            w->failed = true;
            node->_private = NULL;
            return s;
        }
        w->st = p;
        w->cap = cap;
    }
    w->st[w->n++] = s;
    node->_private = (void *)(uintptr_t)w->n;
    return s;
}
