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
 *    borrowed, immutable objects compiled into the library, valid until
 *    the process ends. Every catalog is of the built-in model.
 *  - Loaded catalogs, evaluations and results are caller-owned (their
 *    *_free) and may be freed in any order: none has to outlive another.
 *    An evaluation and a result hold the catalog they were made with (a
 *    thread-safe reference count): itss_indicator_catalog_free() gives up
 *    the caller's hold, and the catalog's memory goes with the last
 *    evaluation or result made with it. A result holds nothing of its
 *    evaluation (it copies what it reports).
 *  - Nodes are borrowed from the model. Indicators are borrowed from the
 *    object that handed them out and valid as long as it: a catalog
 *    (itss_indicator_catalog_indicator_at, itss_indicator_lookup), an
 *    evaluation (itss_evaluation_indicator_at) or a result
 *    (itss_quality_result_not_evaluated_at).
 *  - Evaluations are mutable: one thread at a time. Models, catalogs and
 *    results are immutable and may be shared between threads; freeing an
 *    evaluation or a result in one thread while others use its catalog,
 *    or other evaluations and results of it, is safe.
 *  - Functions that take an indicator catalog take it first; NULL is
 *    ITSS_EINVAL, never "the built-in catalog" (pass
 *    itss_indicator_catalog_builtin()).
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
    ITSS_INDICATOR_NA = 1,          /* declared not applicable, with a reason */
    ITSS_INDICATOR_NO_EVENTS = 2,   /* a ratio with B = 0: nothing happened */
    ITSS_INDICATOR_MISSING = 3,     /* selected but not measured */
    ITSS_INDICATOR_NOT_SELECTED = 4 /* not in the scheme (or a NULL argument) */
} itss_indicator_status;

/* What an evaluation holds for a selected indicator. */
typedef enum itss_measurement_kind {
    ITSS_MEASUREMENT_NONE = 0,   /* not measured yet */
    ITSS_MEASUREMENT_RATIO = 1,  /* A and B */
    ITSS_MEASUREMENT_SCORES = 2, /* raters' scores 1..5 */
    ITSS_MEASUREMENT_NA = 3      /* not applicable, with a reason */
} itss_measurement_kind;

/* What AHP does with a matrix whose consistency ratio is 0.10 or more. */
typedef enum itss_ahp_mode {
    ITSS_AHP_STRICT = 0,             /* refuse it: ITSS_ECONSISTENCY */
    ITSS_AHP_ALLOW_INCONSISTENT = 1  /* accept it */
} itss_ahp_mode;

/* ---- the quality model -------------------------------------------------- */

/* The built-in GB/T 33850-2017 model: constant data compiled into the
 * library. Cannot fail; every call returns the same object. Borrowed,
 * immutable, valid until the process ends. */
ITSS_API const itss_quality_model *itss_quality_model_builtin(void);

/* Model and node getters: strings borrowed from the model; NULL / 0 for a
 * NULL argument, an unknown language or an index out of range. */
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
/* Find a characteristic or sub-characteristic by id ("timeliness"). *out
 * is borrowed from m; NULL on failure. Errors: ITSS_EINVAL,
 * ITSS_ENOTFOUND. */
ITSS_API int itss_quality_node_lookup(const itss_quality_model *m, const char *id,
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

/* The model as a view: JSON {"format", "edition", "title", "source",
 * "characteristics": [...]} or a text overview in lang. *out is
 * caller-owned (itss_free). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_quality_model_render(const itss_quality_model *m, itss_format format,
                                       itss_lang lang, char **out, size_t *len, itss_error *err);

/* ---- indicator catalogs ------------------------------------------------- */

/* The built-in catalog: only indicators named in libitss's sources, each
 * citing its place. Constant data compiled into the library; cannot fail.
 * Borrowed, immutable, valid until the process ends. */
ITSS_API const itss_indicator_catalog *itss_indicator_catalog_builtin(void);

/* Load a catalog (JSON {"format", "indicators": [...]}, docs/quality.md) of
 * the built-in quality model: _load on its own, _extend on top of base,
 * whose indicators come first (an id may not repeat one of base; base's
 * indicators are copied, so base may be freed first). *out is
 * caller-owned (itss_indicator_catalog_free); NULL on failure. Errors:
 * ITSS_EINVAL, ITSS_ENOMEM, ITSS_EPARSE, ITSS_ESCHEMA, ITSS_EVALUE,
 * ITSS_EDUPLICATE, ITSS_EMODEL (unknown sub-characteristic, id that is a
 * model id), ITSS_ELIMIT; the _file forms also ITSS_EIO. */
ITSS_API int itss_indicator_catalog_load(const char *json, size_t len,
                                         itss_indicator_catalog **out, itss_error *err);
ITSS_API int itss_indicator_catalog_load_file(const char *path, itss_indicator_catalog **out,
                                              itss_error *err);
ITSS_API int itss_indicator_catalog_extend(const itss_indicator_catalog *base,
                                           const char *json, size_t len,
                                           itss_indicator_catalog **out, itss_error *err);
ITSS_API int itss_indicator_catalog_extend_file(const itss_indicator_catalog *base,
                                                const char *path,
                                                itss_indicator_catalog **out, itss_error *err);
/* Give up the caller's hold on a loaded catalog: it is freed now, or with
 * the last evaluation or result made with it. Afterwards the caller must
 * not use c or indicators taken from c (those an evaluation or result
 * hands out stay valid as long as it). NULL and the built-in catalog are
 * accepted and ignored. */
ITSS_API void itss_indicator_catalog_free(itss_indicator_catalog *c);

/* The indicators in document order (a base catalog's first); borrowed from
 * c; 0 / NULL for NULL or out of range. */
ITSS_API size_t itss_indicator_catalog_indicator_count(const itss_indicator_catalog *c);
ITSS_API const itss_indicator *itss_indicator_catalog_indicator_at(
    const itss_indicator_catalog *c, size_t i);
/* Find an indicator of c by id. *out is borrowed from c; NULL on failure.
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND. */
ITSS_API int itss_indicator_lookup(const itss_indicator_catalog *c, const char *id,
                                   const itss_indicator **out, itss_error *err);

ITSS_API const char *itss_indicator_id(const itss_indicator *ind);
ITSS_API const char *itss_indicator_name(const itss_indicator *ind, itss_lang lang);
ITSS_API const itss_quality_node *itss_indicator_subcharacteristic(const itss_indicator *ind);
/* ITSS_METHOD_RATIO / ITSS_POLARITY_POSITIVE for NULL. */
ITSS_API itss_method itss_indicator_method(const itss_indicator *ind);
ITSS_API itss_polarity itss_indicator_polarity(const itss_indicator *ind);
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

/* The catalog, or only the indicators meant for service (NULL: all), as a
 * document for itss_indicator_catalog_load. format: ITSS_FORMAT_JSON or
 * ITSS_FORMAT_JSON_PRETTY. Errors: ITSS_EINVAL (also for the text format),
 * ITSS_ENOMEM, those of a GB/T 29264 code check for service. */
ITSS_API int itss_indicator_catalog_export(const itss_indicator_catalog *c,
                                           const char *service, itss_format format,
                                           char **out, size_t *len, itss_error *err);

/* The same selection as a view: JSON (the document of _export) or a text
 * table in lang. Errors: as itss_indicator_catalog_export. */
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
 * "measurements", "period", metadata}, of the indicators of c, which the
 * evaluation holds (c may be freed first). *out is caller-owned
 * (itss_evaluation_free).
 * Nothing is half-built: on failure *out is NULL and err locates the
 * problem. Errors: ITSS_EINVAL, ITSS_ENOMEM, ITSS_EPARSE, ITSS_ESCHEMA,
 * ITSS_EVALUE, ITSS_ENOTFOUND, ITSS_EDUPLICATE, ITSS_EMODEL,
 * ITSS_ECONSISTENCY (an AHP matrix of the scheme), ITSS_ELIMIT; _load_file
 * also ITSS_EIO. */
ITSS_API int itss_evaluation_load(const itss_indicator_catalog *c, const char *json,
                                  size_t len, itss_evaluation **out, itss_error *err);
ITSS_API int itss_evaluation_load_file(const itss_indicator_catalog *c, const char *path,
                                       itss_evaluation **out, itss_error *err);

/* An evaluation of a service with its default scheme (every indicator of
 * c meant for the service, weights 1, no bands) and no measurements; it
 * holds c (c may be freed first). *out is caller-owned
 * (itss_evaluation_free).
 * Errors: ITSS_EINVAL, ITSS_ENOMEM, a code check's errors. */
ITSS_API int itss_evaluation_new(const itss_indicator_catalog *c, const char *service,
                                 itss_evaluation **out, itss_error *err);
ITSS_API void itss_evaluation_free(itss_evaluation *e);

/* The catalog of the evaluation's indicators: borrowed from e and valid as
 * long as e, even after the caller freed its own hold on the catalog (do
 * not free it). NULL for NULL. */
ITSS_API const itss_indicator_catalog *itss_evaluation_catalog(const itss_evaluation *e);

/* Tailor the scheme: replace the selected indicators (ids of the catalog,
 * no repeats; measurements and weights of indicators still selected are
 * kept, those of the others dropped). Read back with
 * itss_evaluation_indicator_count / _at. On failure nothing changes.
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND, ITSS_EDUPLICATE. */
ITSS_API int itss_evaluation_set_indicators(itss_evaluation *e, const char *const *ids,
                                            size_t n, itss_error *err);
/* The weight of a node: an indicator, sub-characteristic or characteristic
 * id (one namespace); finite and >= 0, from 0 to DBL_MAX (means are taken
 * on the weights divided by the largest, so none overflows); default 1.
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND (unknown or unselected id),
 * ITSS_EVALUE. */
ITSS_API int itss_evaluation_set_weight(itss_evaluation *e, const char *id, double weight,
                                        itss_error *err);
/* The weight of a node, as set or the default 1, into *weight (may be
 * NULL). Errors: ITSS_EINVAL, ITSS_ENOTFOUND (unknown or unselected id). */
ITSS_API int itss_evaluation_weight(const itss_evaluation *e, const char *id, double *weight,
                                    itss_error *err);
/* Add a grade band: the overall score earns the band with the highest min
 * it reaches. min in [0, 1]; grades unique. Errors: ITSS_EINVAL,
 * ITSS_EVALUE, ITSS_EDUPLICATE, ITSS_ELIMIT. */
ITSS_API int itss_evaluation_add_band(itss_evaluation *e, const char *grade, double min,
                                      itss_error *err);
/* The bands, highest min first: their grades (borrowed; NULL out of range)
 * and minimum scores (NaN out of range). */
ITSS_API size_t itss_evaluation_band_count(const itss_evaluation *e);
ITSS_API const char *itss_evaluation_band_grade(const itss_evaluation *e, size_t i);
ITSS_API double itss_evaluation_band_min(const itss_evaluation *e, size_t i);

/* Measuring a selected indicator, one function per kind; each replaces the
 * previous measurement. On failure the evaluation is unchanged. Common
 * errors: ITSS_EINVAL (NULL argument), ITSS_ENOTFOUND (unknown or
 * unselected indicator).
 *  set_ratio   a ratio indicator's A and B: finite, 0 <= a <= b
 *  set_scores  a rating indicator's scores: n >= 1 (at most 10000), each
 *              1..5; copied
 *  set_na      not applicable; reason: non-empty UTF-8
 *  unset       back to not measured
 * ITSS_EVALUE for bad numbers or reasons, and for a ratio of a rating
 * indicator or scores of a ratio indicator; ITSS_ELIMIT for too many
 * scores. */
ITSS_API int itss_evaluation_set_ratio(itss_evaluation *e, const char *id, double a, double b,
                                       itss_error *err);
ITSS_API int itss_evaluation_set_scores(itss_evaluation *e, const char *id, const int *scores,
                                        size_t n, itss_error *err);
ITSS_API int itss_evaluation_set_na(itss_evaluation *e, const char *id, const char *reason,
                                    itss_error *err);
ITSS_API int itss_evaluation_unset(itss_evaluation *e, const char *id, itss_error *err);

/* Reading measurements back. _measurement gives the kind (kind may be
 * NULL); _ratio the A and B of a ratio measurement and _scores the scores
 * of a rating (borrowed until the indicator is measured again or the
 * evaluation is freed); either fails with ITSS_EVALUE when the indicator
 * holds another kind of measurement. Errors: ITSS_EINVAL, ITSS_ENOTFOUND
 * (unknown or unselected indicator). */
ITSS_API int itss_evaluation_measurement(const itss_evaluation *e, const char *id,
                                         itss_measurement_kind *kind, itss_error *err);
ITSS_API int itss_evaluation_ratio(const itss_evaluation *e, const char *id, double *a,
                                   double *b, itss_error *err);
ITSS_API int itss_evaluation_scores(const itss_evaluation *e, const char *id,
                                    const int **scores, size_t *n, itss_error *err);
/* The na reason of an indicator; NULL when it has none or is unknown.
 * Borrowed until the indicator is measured again or leaves the scheme, or
 * the evaluation is freed. */
ITSS_API const char *itss_evaluation_reason(const itss_evaluation *e, const char *id);
/* Number of selected indicators with a measurement (na included). */
ITSS_API size_t itss_evaluation_measured_count(const itss_evaluation *e);
/* Metadata: "id", "provider", "customer", "evaluator", "date", "period",
 * "notes"; NULL clears. Errors: ITSS_EINVAL, ITSS_EVALUE. */
ITSS_API int itss_evaluation_set_meta(itss_evaluation *e, const char *key, const char *value,
                                      itss_error *err);
/* Borrowed; NULL when unset or the key is unknown. */
ITSS_API const char *itss_evaluation_meta(const itss_evaluation *e, const char *key);

/* The service category (GB/T 29264 code, borrowed) and the selected
 * indicators in scheme order (borrowed, valid as long as e); NULL / 0 for
 * NULL or out of range. */
ITSS_API const char *itss_evaluation_service(const itss_evaluation *e);
ITSS_API size_t itss_evaluation_indicator_count(const itss_evaluation *e);
ITSS_API const itss_indicator *itss_evaluation_indicator_at(const itss_evaluation *e,
                                                            size_t i);

/* The evaluation as a document for itss_evaluation_load (loads back to an
 * equal evaluation). *out is caller-owned (itss_free). Errors:
 * ITSS_EINVAL (also for ITSS_FORMAT_TEXT), ITSS_ENOMEM. */
ITSS_API int itss_evaluation_export(const itss_evaluation *e, itss_format format, char **out,
                                    size_t *len, itss_error *err);

/* ---- worksheets (docs/worksheets.md) -------------------------------------- */

/* An evaluation from a document: ITSS_FORMAT_JSON (as
 * itss_evaluation_load), ITSS_FORMAT_CSV or ITSS_FORMAT_XLSX (a
 * measurement sheet: one row per selected indicator under a header row —
 * A and B, or the raters' scores in one cell or one column each, weight,
 * na_reason — and the service, period, metadata, node weights and bands
 * above the header or on their own sheet). The indicators are the rows'
 * ids, in row order; they must be in c. encoding, limits, errors and
 * places as itss_assessment_read; *out is caller-owned
 * (itss_evaluation_free). */
ITSS_API int itss_evaluation_read(const itss_indicator_catalog *c, const char *data, size_t len,
                                  itss_format format, const char *encoding,
                                  itss_evaluation **out, itss_error *err);
/* The same from a file, its format detected from its content. Also
 * ITSS_EIO. */
ITSS_API int itss_evaluation_read_file(const itss_indicator_catalog *c, const char *path,
                                       const char *encoding, itss_evaluation **out,
                                       itss_error *err);
/* Every problem of a document that itss_evaluation_read would refuse, as
 * itss_assessment_check. *out is caller-owned (itss_problem_list_free). */
ITSS_API int itss_evaluation_check(const itss_indicator_catalog *c, const char *data,
                                   size_t len, itss_format format, const char *encoding,
                                   itss_problem_list **out, itss_error *err);
/* The evaluation as a measurement sheet that itss_evaluation_read reads
 * back: ITSS_FORMAT_CSV (UTF-8 with a byte-order mark) or
 * ITSS_FORMAT_XLSX; one row per selected indicator with its name,
 * sub-characteristic, method, what A and B count or the 1..5 anchors, the
 * measurement and the weight; the service, period, metadata, the weights
 * of characteristics and sub-characteristics and the bands. An evaluation
 * without measurements (itss_evaluation_new) gives the blank template.
 * Weights set by AHP are written as the weights they gave. *out is
 * caller-owned (itss_free), *len its size. Errors: ITSS_EINVAL (another
 * format; XLSX without spreadsheet support), ITSS_EIO, ITSS_ENOMEM. */
ITSS_API int itss_evaluation_render(const itss_evaluation *e, itss_format format,
                                    itss_lang lang, char **out, size_t *len, itss_error *err);

/* ---- scoring -------------------------------------------------------------- */

/* Score an evaluation. *out is caller-owned (itss_quality_result_free); it
 * does not refer to the evaluation and holds the evaluation's catalog, so
 * both may be freed before it.
 * Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_quality_score(const itss_evaluation *e, itss_quality_result **out,
                                itss_error *err);
ITSS_API void itss_quality_result_free(itss_quality_result *r);

/* The overall score in [0, 1]; NaN when nothing was evaluated, or for
 * NULL. */
ITSS_API double itss_quality_result_overall(const itss_quality_result *r);
/* The share of the scheme's weight that was evaluated, in [0, 1]; NaN for
 * NULL. */
ITSS_API double itss_quality_result_coverage(const itss_quality_result *r);
/* The grade band earned, or NULL (no bands, no score, or below them all). */
ITSS_API const char *itss_quality_result_band(const itss_quality_result *r);
/* The score of a characteristic or sub-characteristic (of the result's
 * model); NaN when it was not evaluated or for a NULL or foreign node. */
ITSS_API double itss_quality_result_node_score(const itss_quality_result *r,
                                               const itss_quality_node *n);
/* An indicator's X, its status and its na reason (NULL unless the status
 * is ITSS_INDICATOR_NA; borrowed from the result). An indicator is known
 * by its id, so one from another catalog with the same id counts. X is NaN
 * unless the status is ITSS_INDICATOR_EVALUATED; the status is
 * ITSS_INDICATOR_NOT_SELECTED for an indicator outside the scheme. */
ITSS_API double itss_quality_result_indicator_score(const itss_quality_result *r,
                                                    const itss_indicator *ind);
ITSS_API itss_indicator_status itss_quality_result_indicator_status(
    const itss_quality_result *r, const itss_indicator *ind);
ITSS_API const char *itss_quality_result_indicator_reason(const itss_quality_result *r,
                                                          const itss_indicator *ind);
/* The selected indicators without a value, in scheme order (borrowed from
 * the result, valid as long as r). */
ITSS_API size_t itss_quality_result_not_evaluated_count(const itss_quality_result *r);
ITSS_API const itss_indicator *itss_quality_result_not_evaluated_at(
    const itss_quality_result *r, size_t i);

/* The result as JSON (docs/quality.md, schema quality-result), a text
 * report, an HTML page (ITSS_FORMAT_HTML: score, grade, coverage, radar of
 * the characteristics, bars of the sub-characteristics, indicators, what
 * was not evaluated), the radar alone (ITSS_FORMAT_SVG) or a flat table
 * (ITSS_FORMAT_CSV: one row per node — overall, characteristics,
 * sub-characteristics, indicators — with its score, weight, coverage and
 * status; docs/worksheets.md). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_quality_result_render(const itss_quality_result *r, itss_format format,
                                        itss_lang lang, char **out, size_t *len,
                                        itss_error *err);

/* Load (as itss_evaluation_load), score and render in one call, in the
 * formats of itss_quality_result_render. The errors of the three steps. */
ITSS_API int itss_quality_score_json(const itss_indicator_catalog *c, const char *json,
                                     size_t len, itss_format format, itss_lang lang,
                                     char **out, size_t *outlen, itss_error *err);

/* Compare n >= 2 results of the same scheme, in time order (only read:
 * each result holds what it needs, whatever was freed since): for the
 * overall score and every characteristic, sub-characteristic and
 * indicator, the scores, the change from each result to the next and from
 * the first to the last. Formats: JSON, JSON_PRETTY, TEXT and HTML (a
 * trend chart of the overall score and the characteristics, and the table
 * of scores). Errors: ITSS_EINVAL, ITSS_ENOMEM, ITSS_EVALUE
 * (the results were scored with different schemes; the message says how). */
ITSS_API int itss_quality_compare_render(const itss_quality_result *const *results, size_t n,
                                         itss_format format, itss_lang lang, char **out,
                                         size_t *len, itss_error *err);

/* The same, each result with a label (labels may be NULL, or hold NULL
 * for a result without one; labels are copied into the output, not kept),
 * such as the name of the file it was read from. The labels name the
 * results in the ITSS_EVALUE message ("q1.json and q2.json cannot be
 * compared: ...", else "results 1 and 2"), appear as "label" in the JSON
 * "results", and head the columns of the text when the results do not
 * all have a period of their own (none, or two alike); otherwise the
 * periods head them. Errors: as itss_quality_compare_render. */
ITSS_API int itss_quality_compare_labeled_render(const itss_quality_result *const *results,
                                                 const char *const *labels, size_t n,
                                                 itss_format format, itss_lang lang,
                                                 char **out, size_t *len, itss_error *err);

/* ---- AHP weights ---------------------------------------------------------- */

/* Weights from an n x n pairwise comparison matrix (row-major, n in 1..15):
 * positive, reciprocal (a[j][i] * a[i][j] within 1 % of 1), unit diagonal.
 * weights (n doubles, may be NULL) receives the principal eigenvector
 * normalised to sum 1; lambda_max, ci and cr (may be NULL) the principal
 * eigenvalue, CI = (lambda_max - n) / (n - 1) and CR = CI / RI with
 * Saaty's random index (CR is 0 for n <= 2). Any finite comparisons whose
 * results doubles can hold are weighed, however far apart; on success
 * every output is a finite number and every weight is > 0. Errors:
 * ITSS_EINVAL, ITSS_EVALUE (n is 0, or a cell breaks a rule: the message
 * names it; or the comparisons are so far apart that a weight, lambda_max,
 * CI or CR would not be a finite double, a weight would round to 0, or
 * the eigenvector cannot be resolved in doubles: the message says so),
 * ITSS_ELIMIT (n > 15),
 * ITSS_ECONSISTENCY (CR >= 0.10 in mode ITSS_AHP_STRICT; the outputs are
 * filled all the same). On any other error the outputs are left
 * unchanged. */
ITSS_API int itss_ahp_weights(const double *matrix, size_t n, itss_ahp_mode mode,
                              double *weights, double *lambda_max, double *ci, double *cr,
                              itss_error *err);

/* The same from JSON {"matrix": [[...], ...], "labels": [...]} (labels
 * optional, unique, one per row) to JSON {"labels", "weights",
 * "lambda_max", "ci", "cr", "consistent"} or text. Errors: as
 * itss_ahp_weights, with JSON locations (the error of one cell at that
 * cell, the others of itss_ahp_weights at "/matrix"), and ITSS_EPARSE,
 * ITSS_ESCHEMA. */
ITSS_API int itss_ahp_json(const char *json, size_t len, itss_ahp_mode mode,
                           itss_format format, itss_lang lang, char **out, size_t *outlen,
                           itss_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_QUALITY_H */
