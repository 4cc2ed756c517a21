#include "rp_conf.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

#define RP_KAFKA_ENV_PREFIX "RP_KAFKA_"

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static char *xstrdup(const char *s)
{
    return strdup(s ? s : "");
}

/* ---- kafka props ---------------------------------------------------- */

int rp_kafka_props_add(rp_kafka_props *p, const char *key, const char *value)
{
    char **k = realloc(p->keys, (p->n + 1) * sizeof *k);
    if (!k)
        return -1;
    p->keys = k;
    char **v = realloc(p->values, (p->n + 1) * sizeof *v);
    if (!v)
        return -1;
    p->values = v;
    p->keys[p->n] = xstrdup(key);
    p->values[p->n] = xstrdup(value);
    if (!p->keys[p->n] || !p->values[p->n]) {
        free(p->keys[p->n]);
        free(p->values[p->n]);
        return -1;
    }
    p->n++;
    return 0;
}

const char *rp_kafka_props_get(const rp_kafka_props *p, const char *key)
{
    for (size_t i = p->n; i > 0; i--)
        if (strcmp(p->keys[i - 1], key) == 0)
            return p->values[i - 1];
    return NULL;
}

void rp_kafka_props_clear(rp_kafka_props *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->keys[i]);
        free(p->values[i]);
    }
    free(p->keys);
    free(p->values);
    memset(p, 0, sizeof *p);
}

/* ---- values --------------------------------------------------------- */

static int parse_bool(const char *s, bool *out)
{
    static const char *yes[] = {"true", "1", "yes", "on"};
    static const char *no[] = {"false", "0", "no", "off"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = true;
            return 0;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = false;
            return 0;
        }
    }
    return -1;
}

static bool has_range(const rp_conf_opt *o)
{
    return o->min != o->max;
}

/* Stores text `val` into the field of `o` in `base`. `origin` names where the
 * value came from for the error message. */
static int apply(const rp_conf_opt *o, void *base, const char *val,
                 const char *origin, char *err, size_t errlen)
{
    char *field = (char *)base + o->offset;
    char *end = NULL;
    switch (o->type) {
    case RP_CONF_STR: {
        char *copy = xstrdup(val);
        if (!copy) {
            set_err(err, errlen, "out of memory");
            return -1;
        }
        free(*(char **)field);
        *(char **)field = copy;
        return 0;
    }
    case RP_CONF_BOOL:
        if (parse_bool(val, (bool *)field) != 0) {
            set_err(err, errlen, "invalid value '%s' for %s (--%s): expected true or false",
                    val, origin, o->flag);
            return -1;
        }
        return 0;
    case RP_CONF_INT: {
        errno = 0;
        long v = strtol(val, &end, 10);
        if (errno || end == val || *end) {
            set_err(err, errlen, "invalid value '%s' for %s (--%s): expected an integer",
                    val, origin, o->flag);
            return -1;
        }
        if (has_range(o) && (v < o->min || v > o->max)) {
            set_err(err, errlen, "value %ld for %s (--%s) is out of range [%.0f, %.0f]",
                    v, origin, o->flag, o->min, o->max);
            return -1;
        }
        *(long *)field = v;
        return 0;
    }
    case RP_CONF_DOUBLE: {
        errno = 0;
        double v = strtod(val, &end);
        if (errno || end == val || *end || !isfinite(v)) {
            set_err(err, errlen, "invalid value '%s' for %s (--%s): expected a number",
                    val, origin, o->flag);
            return -1;
        }
        if (has_range(o) && (v < o->min || v > o->max)) {
            set_err(err, errlen, "value %g for %s (--%s) is out of range [%g, %g]",
                    v, origin, o->flag, o->min, o->max);
            return -1;
        }
        *(double *)field = v;
        return 0;
    }
    }
    set_err(err, errlen, "setting --%s has an unknown type", o->flag);
    return -1;
}

static const rp_conf_opt *find_flag(const rp_conf_section *s, size_t n, const char *flag,
                                    size_t flag_len, void **base)
{
    for (size_t i = 0; i < n; i++)
        for (const rp_conf_opt *o = s[i].opts; o->flag; o++)
            if (strlen(o->flag) == flag_len && strncmp(o->flag, flag, flag_len) == 0) {
                *base = s[i].base;
                return o;
            }
    return NULL;
}

/* ---- sources -------------------------------------------------------- */

static int load_defaults(const rp_conf_section *s, size_t n, char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++)
        for (const rp_conf_opt *o = s[i].opts; o->flag; o++) {
            const char *def = o->def ? o->def : (o->type == RP_CONF_STR ? "" :
                                                 o->type == RP_CONF_BOOL ? "false" : "0");
            if (o->type != RP_CONF_STR && !o->def) {
                /* zero without range checks */
                char *field = (char *)s[i].base + o->offset;
                if (o->type == RP_CONF_INT)
                    *(long *)field = 0;
                else if (o->type == RP_CONF_DOUBLE)
                    *(double *)field = 0;
                else
                    *(bool *)field = false;
                continue;
            }
            if (apply(o, s[i].base, def, "the default", err, errlen) != 0)
                return -1;
        }
    return 0;
}

/* RP_KAFKA_SECURITY_PROTOCOL=ssl -> security.protocol=ssl */
static int load_kafka_env(const char *entry, rp_kafka_props *props)
{
    const char *eq = strchr(entry, '=');
    size_t plen = strlen(RP_KAFKA_ENV_PREFIX);
    if (!eq || (size_t)(eq - entry) <= plen)
        return 0;
    size_t klen = (size_t)(eq - entry) - plen;
    char *key = malloc(klen + 1);
    if (!key)
        return -1;
    for (size_t i = 0; i < klen; i++) {
        char c = entry[plen + i];
        key[i] = c == '_' ? '.' : (char)tolower((unsigned char)c);
    }
    key[klen] = 0;
    int rc = rp_kafka_props_add(props, key, eq + 1);
    free(key);
    return rc;
}

static int load_env(const rp_conf_section *s, size_t n, char **envp,
                    rp_kafka_props *props, char *err, size_t errlen)
{
    for (char **e = envp; e && *e; e++) {
        if (strncmp(*e, RP_KAFKA_ENV_PREFIX, strlen(RP_KAFKA_ENV_PREFIX)) == 0) {
            if (load_kafka_env(*e, props) != 0) {
                set_err(err, errlen, "out of memory");
                return -1;
            }
            continue;
        }
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        size_t nlen = (size_t)(eq - *e);
        for (size_t i = 0; i < n; i++)
            for (const rp_conf_opt *o = s[i].opts; o->flag; o++) {
                if (!o->env || strlen(o->env) != nlen || strncmp(o->env, *e, nlen) != 0)
                    continue;
                char origin[128];
                snprintf(origin, sizeof origin, "environment variable %s", o->env);
                if (apply(o, s[i].base, eq + 1, origin, err, errlen) != 0)
                    return -1;
            }
    }
    return 0;
}

static int add_positional(rp_conf_result *res, const char *arg)
{
    char **p = realloc(res->positional, (res->n_positional + 1) * sizeof *p);
    if (!p)
        return -1;
    res->positional = p;
    p[res->n_positional] = xstrdup(arg);
    if (!p[res->n_positional])
        return -1;
    res->n_positional++;
    return 0;
}

static int add_kafka_arg(rp_conf_result *res, const char *kv, char *err, size_t errlen)
{
    const char *eq = kv ? strchr(kv, '=') : NULL;
    if (!eq || eq == kv) {
        set_err(err, errlen, "-X expects key=value, got '%s'", kv ? kv : "");
        return -1;
    }
    char *key = strndup(kv, (size_t)(eq - kv));
    int rc = key ? rp_kafka_props_add(&res->kafka, key, eq + 1) : -1;
    free(key);
    if (rc != 0)
        set_err(err, errlen, "out of memory");
    return rc;
}

static void list_flags(const rp_conf_section *s, size_t n, char *err, size_t errlen)
{
    size_t used = strlen(err);
    for (size_t i = 0; i < n; i++)
        for (const rp_conf_opt *o = s[i].opts; o->flag && used + 1 < errlen; o++) {
            int w = snprintf(err + used, errlen - used, " --%s", o->flag);
            if (w < 0)
                return;
            used += (size_t)w;
        }
}

static int load_flag(const rp_conf_section *s, size_t n, int argc, char **argv, int *i,
                     rp_conf_result *res, char *err, size_t errlen)
{
    const char *arg = argv[*i] + 2;
    const char *eq = strchr(arg, '=');
    size_t flen = eq ? (size_t)(eq - arg) : strlen(arg);
    if (flen == 4 && strncmp(arg, "help", 4) == 0) {
        res->help = true;
        return 0;
    }
    if (flen == 13 && strncmp(arg, "help-markdown", 13) == 0) {
        res->help_markdown = true;
        return 0;
    }
    void *base = NULL;
    const rp_conf_opt *o = find_flag(s, n, arg, flen, &base);
    if (!o) {
        int w = snprintf(err, errlen, "unknown option --%.*s; valid options are:", (int)flen, arg);
        if (w > 0)
            list_flags(s, n, err, errlen);
        return -1;
    }
    const char *val = eq ? eq + 1 : NULL;
    if (!val && o->type == RP_CONF_BOOL)
        val = "true";
    if (!val) {
        if (*i + 1 >= argc) {
            set_err(err, errlen, "option --%s needs a value", o->flag);
            return -1;
        }
        val = argv[++*i];
    }
    char origin[128];
    snprintf(origin, sizeof origin, "option --%s", o->flag);
    return apply(o, base, val, origin, err, errlen);
}

static int load_argv(const rp_conf_section *s, size_t n, int argc, char **argv,
                     rp_conf_result *res, char *err, size_t errlen)
{
    bool only_positional = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int rc = 0;
        if (only_positional || a[0] != '-' || a[1] == 0)
            rc = add_positional(res, a) ? (set_err(err, errlen, "out of memory"), -1) : 0;
        else if (strcmp(a, "--") == 0)
            only_positional = true;
        else if (strcmp(a, "-X") == 0)
            rc = add_kafka_arg(res, i + 1 < argc ? argv[++i] : NULL, err, errlen);
        else if (strncmp(a, "-X", 2) == 0)
            rc = add_kafka_arg(res, a + 2, err, errlen);
        else if (strcmp(a, "-h") == 0)
            res->help = true;
        else if (a[1] == '-')
            rc = load_flag(s, n, argc, argv, &i, res, err, errlen);
        else {
            set_err(err, errlen, "unknown option %s (try --help)", a);
            rc = -1;
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

int rp_conf_load(const rp_conf_section *sections, size_t n_sections, int argc,
                 char **argv, char **envp, rp_conf_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (err && errlen)
        err[0] = 0;
    for (size_t i = 0; i < n_sections; i++)
        for (const rp_conf_opt *o = sections[i].opts; o->flag; o++)
            if (o->type == RP_CONF_STR)
                *(char **)((char *)sections[i].base + o->offset) = NULL;
    if (load_defaults(sections, n_sections, err, errlen) != 0 ||
        load_env(sections, n_sections, envp ? envp : environ, &res->kafka, err, errlen) != 0 ||
        load_argv(sections, n_sections, argc, argv, res, err, errlen) != 0) {
        rp_conf_free(sections, n_sections);
        rp_conf_result_clear(res);
        return -1;
    }
    return 0;
}

void rp_conf_free(const rp_conf_section *sections, size_t n_sections)
{
    for (size_t i = 0; i < n_sections; i++)
        for (const rp_conf_opt *o = sections[i].opts; o->flag; o++)
            if (o->type == RP_CONF_STR) {
                char **f = (char **)((char *)sections[i].base + o->offset);
                free(*f);
                *f = NULL;
            }
}

void rp_conf_result_clear(rp_conf_result *res)
{
    rp_kafka_props_clear(&res->kafka);
    for (size_t i = 0; i < res->n_positional; i++)
        free(res->positional[i]);
    free(res->positional);
    res->positional = NULL;
    res->n_positional = 0;
}

/* ---- documentation -------------------------------------------------- */

static const char *type_hint(rp_conf_type t)
{
    switch (t) {
    case RP_CONF_INT: return "N";
    case RP_CONF_DOUBLE: return "X";
    case RP_CONF_BOOL: return "BOOL";
    default: return "S";
    }
}

void rp_conf_print_help(FILE *f, const char *usage, const rp_conf_section *sections,
                        size_t n_sections)
{
    fprintf(f, "%s\n", usage);
    for (size_t i = 0; i < n_sections; i++) {
        fprintf(f, "\n%s:\n", sections[i].title);
        for (const rp_conf_opt *o = sections[i].opts; o->flag; o++) {
            char left[64];
            snprintf(left, sizeof left, "--%s %s", o->flag, type_hint(o->type));
            fprintf(f, "  %-30s %s\n", left, o->help);
            fprintf(f, "  %-30s env %s, default '%s'\n", "", o->env ? o->env : "-",
                    o->def ? o->def : "");
        }
    }
    fprintf(f, "\nKafka client properties:\n"
               "  -X key=value                   any librdkafka property (also env "
               "RP_KAFKA_<KEY>, dots as underscores)\n"
               "  --help, --help-markdown        this text / the reference table\n");
}

void rp_conf_print_markdown(FILE *f, const char *program, const rp_conf_section *sections,
                            size_t n_sections)
{
    fprintf(f, "#### %s\n\n| flag | environment | default | meaning |\n|---|---|---|---|\n",
            program);
    for (size_t i = 0; i < n_sections; i++)
        for (const rp_conf_opt *o = sections[i].opts; o->flag; o++)
            fprintf(f, "| `--%s` | `%s` | `%s` | %s |\n", o->flag, o->env ? o->env : "",
                    o->def ? o->def : "", o->help);
    fprintf(f, "\n");
}
