/* rp_metric: maps a measure (unit kind + subject) onto the canonical metric
 * taxonomy of docs/metrics.md. Rules are tried in order; the first whose
 * unit kind matches and whose subject contains one of its keywords wins.
 * Returns a static string; "other" when no rule applies. Pure. */
#ifndef RP_METRIC_H
#define RP_METRIC_H

const char *rp_metric_classify(const char *unit_kind, const char *subject);

#endif
