/* rp_html: see rp_html.h. The driver: parses the page with libxml2 (set up
 * once, thread-safely), runs the stages of rp_html_*.c (rp_html_int.h) and
 * collects the result. */
#include "rp_html_int.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include <libxml/HTMLparser.h>

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

void rp_html_text_release(rp_html_text *t)
{
    if (t == NULL)
        return;
    free(t->text);
    free(t->title);
    free(t->published);
    free(t->site);
    memset(t, 0, sizeof *t);
}

static char *nonnull(char *s)
{
    return s != NULL ? s : strdup("");
}

int rp_html_to_text(const char *utf8, size_t len, rp_html_text *out,
                    char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (len > INT_MAX) {
        snprintf(err, errlen, "html: document too large for the parser");
        return -1;
    }
    pthread_once(&xml_once, xml_init);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    htmlDocPtr doc = htmlReadMemory(len ? utf8 : " ", len ? (int)len : 1,
                                    NULL, "UTF-8", opts);
    if (doc == NULL) {
        snprintf(err, errlen, "html: parser returned no document");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    struct walk w = {0};
    struct emit e = {.w = &w};
    if (root != NULL) {
        out->raw_chars = rp_html_measure(&w, root, 0).text;
        /* A page whose visibility:hidden text outweighs all it shows hides
         * its body until a script runs (WeChat articles do): show it. Spam
         * hidden beside an article is far shorter than the article. */
        if (w.veiled > out->raw_chars && !w.failed) {
            w.n = 0;
            w.reveal = true;
            out->raw_chars = rp_html_measure(&w, root, 0).text;
        }
        rp_html_emit_element(&e, root);
        out->title = rp_html_find_title(&w, root);
        out->published = rp_html_find_published(root);
        out->site = rp_html_find_site(&w, root);
    }
    out->text = rp_tbuf_take(&e.out, &out->len);
    out->blocks_dropped = e.dropped;
    out->tables = e.tables;
    out->title = nonnull(out->title);
    out->published = nonnull(out->published);
    out->site = nonnull(out->site);
    free(w.st);
    xmlFreeDoc(doc);
    if (w.failed || out->text == NULL || out->title == NULL ||
        out->published == NULL || out->site == NULL) {
        rp_html_text_release(out);
        snprintf(err, errlen, "html: out of memory");
        return -1;
    }
    return 0;
}
