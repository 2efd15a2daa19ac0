/*
 * libitss — GB/T 33850-2017 IT service quality: the quality model,
 * indicator catalogs, evaluations (an evaluation scheme plus measurements),
 * scoring, comparison over time, and AHP weights.
 *
 * The model has 5 characteristics and 16 sub-characteristics. An indicator
 * belongs to one sub-characteristic and is measured either as a ratio
 * X = A/B (A items meeting the requirement out of B; a "lower is better"
 * ratio has negative polarity and scores X = 1 - A/B) or as a rating
 * X = A/5 with A in 1..5 (several raters are averaged). Scores aggregate by
 * weighted mean: indicator -> sub-characteristic -> characteristic ->
 * overall, over what was evaluated. The rules are in docs/quality.md.
 *
 * Ownership:
 *  - itss_quality_model_builtin() and itss_indicator_catalog_builtin() give
 *    borrowed, immutable, process-wide objects.
 *  - Loaded catalogs, evaluations and results are caller-owned (their
 *    *_free). A catalog must outlive the evaluations made with it; a
 *    result does not depend on its evaluation.
 *  - Nodes and indicators are borrowed from their model or catalog.
 *  - Evaluations are mutable: one thread at a time. Models, catalogs and
 *    results are immutable and may be shared between threads.
 */
#ifndef ITSS_QUALITY_H
#define ITSS_QUALITY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct itss_quality_model itss_quality_model;
typedef struct itss_quality_node itss_quality_node; /* characteristic or sub-characteristic */
typedef struct itss_indicator_catalog itss_indicator_catalog;
typedef struct itss_indicator itss_indicator;
typedef struct itss_evaluation itss_evaluation;
typedef struct itss_quality_result itss_quality_result;

typedef enum itss_method {
    ITSS_METHOD_RATIO = 0, /* X = A/B (objective) */
    ITSS_METHOD_RATING = 1 /* X = A/5, A in 1..5 (subjective) */
} itss_method;

typedef enum itss_polarity {
    ITSS_POLARITY_POSITIVE = 0, /* higher A/B is better: X = A/B */
    ITSS_POLARITY_NEGATIVE = 1  /* lower A/B is better: X = 1 - A/B */
} itss_polarity;

/* Why an indicator has (or has no) value in a result. */
typedef enum itss_indicator_status {
    ITSS_INDICATOR_EVALUATED = 0,
    ITSS_INDICATOR_NA = 1,        /* declared not applicable, with a reason */
    ITSS_INDICATOR_NO_EVENTS = 2, /* a ratio with B = 0: nothing happened */
    ITSS_INDICATOR_MISSING = 3    /* selected but not measured */
} itss_indicator_status;

/* ---- the quality model -------------------------------------------------- */

/* The built-in GB/T 33850-2017 model (compiled in, built on first use,
 * thread-safely). Borrowed. Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_quality_model_builtin(const itss_quality_model **out, itss_error *err);

ITSS_API const char *itss_quality_model_edition(const itss_quality_model *m);
ITSS_API const char *itss_quality_model_title(const itss_quality_model *m, itss_lang lang);
/* The 5 characteristics and 16 sub-characteristics, in the standard's
 * order; borrowed; NULL out of range. */
ITSS_API size_t itss_quality_model_characteristic_count(const itss_quality_model *m);
ITSS_API const itss_quality_node *itss_quality_model_characteristic_at(
    const itss_quality_model *m, size_t i);
ITSS_API size_t itss_quality_model_subcharacteristic_count(const itss_quality_model *m);
ITSS_API const itss_quality_node *itss_quality_model_subcharacteristic_at(
    const itss_quality_model *m, size_t i);
/* Find a characteristic or sub-characteristic by id ("timeliness").
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND. */
ITSS_API int itss_quality_model_node(const itss_quality_model *m, const char *id,
                                     const itss_quality_node **out, itss_error *err);

ITSS_API const char *itss_quality_node_id(const itss_quality_node *n);
ITSS_API const char *itss_quality_node_name(const itss_quality_node *n, itss_lang lang);
/* A short definition in libitss's words. */
ITSS_API const char *itss_quality_node_definition(const itss_quality_node *n, itss_lang lang);
/* The characteristic of a sub-characteristic; NULL for a characteristic. */
ITSS_API const itss_quality_node *itss_quality_node_parent(const itss_quality_node *n);
/* Sub-characteristics of a characteristic (0 for a sub-characteristic). */
ITSS_API size_t itss_quality_node_child_count(const itss_quality_node *n);
ITSS_API const itss_quality_node *itss_quality_node_child_at(const itss_quality_node *n,
                                                             size_t i);

/* The model as JSON or as a text overview. */
ITSS_API int itss_quality_model_export(const itss_quality_model *m, itss_format format,
                                       itss_lang lang, char **out, size_t *len, itss_error *err);

/* ---- indicator catalogs ------------------------------------------------- */

/* The built-in catalog: only indicators named in libitss's sources, each
 * citing its place. Borrowed. Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_indicator_catalog_builtin(const itss_indicator_catalog **out,
                                            itss_error *err);

/* Load a catalog (JSON {"indicators": [...]}, docs/quality.md) alone (base
 * NULL) or on top of base, whose indicators come first; an id may not
 * repeat one of base. base must outlive nothing: its indicators are
 * copied. *out is caller-owned. Errors: ITSS_EINVAL, ITSS_ENOMEM,
 * ITSS_EPARSE, ITSS_ESCHEMA, ITSS_EVALUE, ITSS_EDUPLICATE, ITSS_EMODEL
 * (unknown sub-characteristic, id that is a model id), ITSS_ELIMIT;
 * _load_file also ITSS_EIO. */
ITSS_API int itss_indicator_catalog_load(const char *json, size_t len,
                                         const itss_indicator_catalog *base,
                                         itss_indicator_catalog **out, itss_error *err);
ITSS_API int itss_indicator_catalog_load_file(const char *path,
                                              const itss_indicator_catalog *base,
                                              itss_indicator_catalog **out, itss_error *err);
/* NULL and the built-in catalog are accepted and ignored. */
ITSS_API void itss_indicator_catalog_free(itss_indicator_catalog *c);

ITSS_API size_t itss_indicator_catalog_count(const itss_indicator_catalog *c);
ITSS_API const itss_indicator *itss_indicator_catalog_at(const itss_indicator_catalog *c,
                                                         size_t i);
/* Errors: ITSS_EINVAL, ITSS_ENOTFOUND. */
ITSS_API int itss_indicator_catalog_find(const itss_indicator_catalog *c, const char *id,
                                         const itss_indicator **out, itss_error *err);

ITSS_API const char *itss_indicator_id(const itss_indicator *ind);
ITSS_API const char *itss_indicator_name(const itss_indicator *ind, itss_lang lang);
ITSS_API const itss_quality_node *itss_indicator_subcharacteristic(const itss_indicator *ind);
/* -1 for NULL. */
ITSS_API int itss_indicator_method(const itss_indicator *ind);
ITSS_API int itss_indicator_polarity(const itss_indicator *ind);
/* The GB/T 29264 codes the indicator is meant for; none means every
 * service. */
ITSS_API size_t itss_indicator_service_count(const itss_indicator *ind);
ITSS_API const char *itss_indicator_service_at(const itss_indicator *ind, size_t i);
/* 1 if the indicator is meant for a service: it lists no service, or a
 * listed code is the service or one of its ancestors ("04" covers
 * "040201"). 0 otherwise or for NULL. */
ITSS_API int itss_indicator_applies_to(const itss_indicator *ind, const char *service);
/* What A and B count (ratios; NULL for ratings). */
ITSS_API const char *itss_indicator_a(const itss_indicator *ind, itss_lang lang);
ITSS_API const char *itss_indicator_b(const itss_indicator *ind, itss_lang lang);
/* What a score of 1..5 means (ratings; NULL for ratios or another level). */
ITSS_API const char *itss_indicator_anchor(const itss_indicator *ind, int level, itss_lang lang);
/* Where the indicator comes from; NULL when the catalog says nothing. */
ITSS_API const char *itss_indicator_source(const itss_indicator *ind);

/* The catalog, or only the indicators meant for service (NULL: all), as
 * JSON (a loadable catalog) or a text table. Extra errors: those of a
 * GB/T 29264 code check for service. */
ITSS_API int itss_indicator_catalog_render(const itss_indicator_catalog *c,
                                           const char *service, itss_format format,
                                           itss_lang lang, char **out, size_t *len,
                                           itss_error *err);

/* The default evaluation scheme of a service category: every indicator of
 * the catalog meant for it, weights 1, no bands. JSON {"service",
 * "indicators", "weights", "bands"} usable as an evaluation's "scheme", or
 * text. Errors: ITSS_EINVAL, ITSS_ENOMEM, a code check's errors. */
ITSS_API int itss_quality_scheme_render(const itss_indicator_catalog *c, const char *service,
                                        itss_format format, itss_lang lang, char **out,
                                        size_t *len, itss_error *err);

/* ---- evaluations --------------------------------------------------------- */

/* An evaluation from JSON (docs/quality.md): {"service", "scheme",
 * "measurements", "period", metadata}. c NULL means the built-in catalog.
 * Nothing is half-built: on failure *out is NULL and err locates the
 * problem. Errors: ITSS_EINVAL, ITSS_ENOMEM, ITSS_EPARSE, ITSS_ESCHEMA,
 * ITSS_EVALUE, ITSS_ENOTFOUND, ITSS_EDUPLICATE, ITSS_EMODEL,
 * ITSS_ECONSISTENCY (an AHP matrix of the scheme), ITSS_ELIMIT; _load_file
 * also ITSS_EIO. */
ITSS_API int itss_evaluation_load(const itss_indicator_catalog *c, const char *json,
                                  size_t len, itss_evaluation **out, itss_error *err);
ITSS_API int itss_evaluation_load_file(const itss_indicator_catalog *c, const char *path,
                                       itss_evaluation **out, itss_error *err);

/* An evaluation of a service with its default scheme and no
 * measurements. Errors: ITSS_EINVAL, ITSS_ENOMEM, a code check's errors. */
ITSS_API int itss_evaluation_new(const itss_indicator_catalog *c, const char *service,
                                 itss_evaluation **out, itss_error *err);
ITSS_API void itss_evaluation_free(itss_evaluation *e);

/* Tailor the scheme: replace the selected indicators (ids of the catalog,
 * no repeats; measurements of indicators no longer selected are dropped).
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND, ITSS_EDUPLICATE. */
ITSS_API int itss_evaluation_select(itss_evaluation *e, const char *const *ids, size_t n,
                                    itss_error *err);
/* The weight of a node: an indicator, sub-characteristic or characteristic
 * id (one namespace); finite and >= 0; default 1. Errors: ITSS_EINVAL,
 * ITSS_ENOTFOUND (unknown or unselected id), ITSS_EVALUE. */
ITSS_API int itss_evaluation_set_weight(itss_evaluation *e, const char *id, double weight,
                                        itss_error *err);
/* Add a grade band: the overall score earns the band with the highest min
 * it reaches. min in [0, 1]; grades unique. Errors: ITSS_EINVAL,
 * ITSS_EVALUE, ITSS_EDUPLICATE. */
ITSS_API int itss_evaluation_add_band(itss_evaluation *e, const char *grade, double min,
                                      itss_error *err);

/* Measurements of selected indicators (each replaces the previous one).
 * Ratio: 0 <= a <= b, finite. Rating: n >= 1 scores, each 1..5. na: a
 * non-empty reason. Errors: ITSS_EINVAL, ITSS_ENOTFOUND (unknown or
 * unselected indicator), ITSS_EVALUE (bad numbers, or a ratio for a rating
 * indicator and vice versa). */
ITSS_API int itss_evaluation_set_ratio(itss_evaluation *e, const char *id, double a, double b,
                                       itss_error *err);
ITSS_API int itss_evaluation_set_scores(itss_evaluation *e, const char *id, const int *scores,
                                        size_t n, itss_error *err);
ITSS_API int itss_evaluation_set_na(itss_evaluation *e, const char *id, const char *reason,
                                    itss_error *err);
/* Metadata: "id", "provider", "customer", "evaluator", "date", "period",
 * "notes"; NULL clears. Errors: ITSS_EINVAL, ITSS_EVALUE. */
ITSS_API int itss_evaluation_set_meta(itss_evaluation *e, const char *key, const char *value,
                                      itss_error *err);
/* Borrowed; NULL when unset or the key is unknown. */
ITSS_API const char *itss_evaluation_meta(const itss_evaluation *e, const char *key);

ITSS_API const char *itss_evaluation_service(const itss_evaluation *e);
ITSS_API size_t itss_evaluation_indicator_count(const itss_evaluation *e);
ITSS_API const itss_indicator *itss_evaluation_indicator_at(const itss_evaluation *e,
                                                            size_t i);

/* The evaluation as JSON (loads back to an equal evaluation). Errors:
 * ITSS_EINVAL (also for ITSS_FORMAT_TEXT), ITSS_ENOMEM. */
ITSS_API int itss_evaluation_export(const itss_evaluation *e, itss_format format, char **out,
                                    size_t *len, itss_error *err);

/* ---- scoring -------------------------------------------------------------- */

/* Score an evaluation. *out is caller-owned (itss_quality_result_free).
 * Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_quality_score(const itss_evaluation *e, itss_quality_result **out,
                                itss_error *err);
ITSS_API void itss_quality_result_free(itss_quality_result *r);

/* The overall score in [0, 1]; NaN when nothing was evaluated. */
ITSS_API double itss_quality_result_overall(const itss_quality_result *r);
/* The share of the scheme's weight that was evaluated, in [0, 1]. */
ITSS_API double itss_quality_result_coverage(const itss_quality_result *r);
/* The grade band earned, or NULL (no bands, no score, or below them all). */
ITSS_API const char *itss_quality_result_band(const itss_quality_result *r);
/* The score of a node (characteristic, sub-characteristic or selected
 * indicator id); NaN when not evaluated or unknown. */
ITSS_API double itss_quality_result_score(const itss_quality_result *r, const char *id);
/* An indicator's ITSS_INDICATOR_* status; -1 when not selected. */
ITSS_API int itss_quality_result_indicator_status(const itss_quality_result *r,
                                                  const char *id);
/* The selected indicators without a value, in scheme order, with their
 * status and reason (the na reason; NULL otherwise). */
ITSS_API size_t itss_quality_result_not_evaluated_count(const itss_quality_result *r);
ITSS_API const itss_indicator *itss_quality_result_not_evaluated_at(
    const itss_quality_result *r, size_t i, int *status, const char **reason);

/* The result as JSON (docs/quality.md, schema quality-result) or a text
 * report. Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_quality_result_render(const itss_quality_result *r, itss_format format,
                                        itss_lang lang, char **out, size_t *len,
                                        itss_error *err);

/* Load, score and render in one call (c NULL: the built-in catalog). */
ITSS_API int itss_quality_score_json(const itss_indicator_catalog *c, const char *json,
                                     size_t len, itss_format format, itss_lang lang,
                                     char **out, size_t *outlen, itss_error *err);

/* Compare n >= 2 results of the same scheme, in time order: for the
 * overall score and every characteristic, sub-characteristic and
 * indicator, the scores, the change from each result to the next and from
 * the first to the last. Errors: ITSS_EINVAL, ITSS_ENOMEM, ITSS_EVALUE
 * (the results were scored with different schemes; the message says how). */
ITSS_API int itss_quality_compare_render(const itss_quality_result *const *results, size_t n,
                                         itss_format format, itss_lang lang, char **out,
                                         size_t *len, itss_error *err);

/* ---- AHP weights ---------------------------------------------------------- */

/* Accept a matrix whose consistency ratio is 0.10 or more. */
#define ITSS_AHP_ALLOW_INCONSISTENT 1u

/* Weights from an n x n pairwise comparison matrix (row-major, n in 1..15):
 * positive, reciprocal (a[j][i] * a[i][j] within 1 % of 1), unit diagonal.
 * weights (n doubles, may be NULL) receives the principal eigenvector
 * normalised to sum 1; lambda_max, ci and cr (may be NULL) the principal
 * eigenvalue, CI = (lambda_max - n) / (n - 1) and CR = CI / RI with
 * Saaty's random index (CR is 0 for n <= 2). Errors: ITSS_EINVAL,
 * ITSS_EVALUE (the message names the cell), ITSS_ELIMIT (n > 15),
 * ITSS_ECONSISTENCY (CR >= 0.10 without ITSS_AHP_ALLOW_INCONSISTENT; the
 * outputs are filled all the same). */
ITSS_API int itss_ahp_weights(const double *matrix, size_t n, unsigned flags, double *weights,
                              double *lambda_max, double *ci, double *cr, itss_error *err);

/* The same from JSON {"matrix": [[...], ...], "labels": [...]} (labels
 * optional, unique, one per row) to JSON {"labels", "weights",
 * "lambda_max", "ci", "cr", "consistent"} or text. Errors: as
 * itss_ahp_weights, with JSON locations, and ITSS_EPARSE, ITSS_ESCHEMA. */
ITSS_API int itss_ahp_json(const char *json, size_t len, unsigned flags, itss_format format,
                           itss_lang lang, char **out, size_t *outlen, itss_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_QUALITY_H */
