/* rp_conf: one declarative table of settings per service.
 *
 * Each row names a setting once: its --flag, its environment variable, its
 * default, its help text and where it lands in the service's config struct.
 * --help and the README's configuration reference are generated from the
 * tables. Sources are collected first and applied once, with the precedence
 * defaults < environment < command-line flags. An unknown flag, a malformed
 * value or a value out of range stops start-up with a message that names the
 * setting.
 *
 * librdkafka properties pass through: `-X key=value` on the command line, or
 * RP_KAFKA_<KEY> in the environment where the key's dots are written as
 * underscores (RP_KAFKA_SECURITY_PROTOCOL=ssl -> security.protocol=ssl).
 * Flags win over the environment for the same key. */
#ifndef RP_CONF_H
#define RP_CONF_H

#include <stddef.h>
#include <stdio.h>
#include <stdbool.h>

typedef enum rp_conf_type {
    RP_CONF_STR,    /* char * (heap, owned by the config; "" allowed) */
    RP_CONF_INT,    /* long, checked against [min, max] */
    RP_CONF_BOOL,   /* bool: true/false/1/0/yes/no/on/off; a bare flag = true */
    RP_CONF_DOUBLE  /* double, checked against [min, max] */
} rp_conf_type;

typedef struct rp_conf_opt {
    const char *flag;    /* long flag without dashes: "bootstrap-servers" */
    const char *env;     /* environment variable: "RP_BOOTSTRAP_SERVERS" */
    rp_conf_type type;
    const char *def;     /* default as text; NULL means "" / 0 / false */
    size_t offset;       /* offsetof() into the struct the table fills */
    const char *help;
    double min, max;     /* range for INT and DOUBLE (ignored if min == max) */
} rp_conf_opt;

/* A table and the struct it fills. Tables end with a row whose flag is NULL. */
typedef struct rp_conf_section {
    const char *title;        /* heading in --help and the docs */
    const rp_conf_opt *opts;
    void *base;
} rp_conf_section;

/* librdkafka properties collected from -X and RP_KAFKA_*, in order. */
typedef struct rp_kafka_props {
    char **keys;
    char **values;
    size_t n;
} rp_kafka_props;

typedef struct rp_conf_result {
    rp_kafka_props kafka;
    char **positional;        /* arguments that are not flags, in order */
    size_t n_positional;
    bool help;                /* --help was given: print and exit 0 */
    bool help_markdown;       /* --help-markdown: print the reference table */
} rp_conf_result;

/* Fills every section from defaults, then `envp`-style environment (NULL =
 * the process environment), then argv[1..]. Returns 0, or -1 with the reason
 * in err. On success the caller owns `res` (free with rp_conf_result_clear)
 * and the strings stored in the sections (free with rp_conf_free). */
int rp_conf_load(const rp_conf_section *sections, size_t n_sections,
                 int argc, char **argv, char **envp,
                 rp_conf_result *res, char *err, size_t errlen);

/* Frees the strings rp_conf_load stored into the sections' structs. */
void rp_conf_free(const rp_conf_section *sections, size_t n_sections);
void rp_conf_result_clear(rp_conf_result *res);

/* --help text generated from the tables. `usage` is the first line. */
void rp_conf_print_help(FILE *f, const char *usage,
                        const rp_conf_section *sections, size_t n_sections);
/* A Markdown table (flag, env var, default, help) for the README. */
void rp_conf_print_markdown(FILE *f, const char *program,
                            const rp_conf_section *sections, size_t n_sections);

/* Appends a key=value to props (copies both). Returns 0 or -1 on ENOMEM. */
int rp_kafka_props_add(rp_kafka_props *p, const char *key, const char *value);
/* Value of the last occurrence of key, or NULL. */
const char *rp_kafka_props_get(const rp_kafka_props *p, const char *key);
void rp_kafka_props_clear(rp_kafka_props *p);

#endif
