/*
 * libitss — T/CESA 1299-2023 O&M service capability maturity: the model,
 * assessments, and the rater.
 *
 * A maturity model has levels 1..N (the built-in model: 基本级 Basic,
 * 拓展级 Extended, 协同级 Collaborative, 量化级 Quantitative, 引领级
 * Leading), domains grouped in parts, numbered items, and requirement
 * clauses, each at one level, in one domain, usually in one item. An
 * assessment records a rating per clause; the rater decides the level
 * reached overall and per domain, and lists what blocks a target level.
 * The rules are in docs/maturity.md.
 *
 * Ownership:
 *  - itss_maturity_model_builtin() gives a borrowed, immutable model compiled
 *    into the library (never freed; itss_maturity_model_free() ignores it).
 *  - itss_maturity_model_load*() give a caller-owned model.
 *  - Levels, parts, domains, items and clauses are borrowed from their model.
 *  - An assessment and a result refer to their model: the model must outlive
 *    them. A result does not refer to its assessment, which may be freed
 *    first.
 *  - Assessments are mutable: use one from one thread at a time. Models and
 *    results are immutable and may be shared between threads.
 *  - Functions that take a model take it first; NULL is ITSS_EINVAL, never
 *    "the built-in model" (pass itss_maturity_model_builtin()).
 */
#ifndef ITSS_MATURITY_H
#define ITSS_MATURITY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct itss_maturity_model itss_maturity_model;
typedef struct itss_maturity_level itss_maturity_level;
typedef struct itss_maturity_part itss_maturity_part;
typedef struct itss_maturity_domain itss_maturity_domain;
typedef struct itss_maturity_item itss_maturity_item;
typedef struct itss_maturity_clause itss_maturity_clause;
typedef struct itss_assessment itss_assessment;
typedef struct itss_maturity_result itss_maturity_result;

/* A rating of one clause. */
typedef enum itss_rating_kind {
    ITSS_RATING_NONE = 0,    /* not rated (counts as not satisfied) */
    ITSS_RATING_MET = 1,     /* binary: met (fully satisfied) */
    ITSS_RATING_NOT_MET = 2, /* binary: not met */
    ITSS_RATING_N = 3,       /* not achieved (0..15 %) */
    ITSS_RATING_P = 4,       /* partially achieved (>15..50 %) */
    ITSS_RATING_L = 5,       /* largely achieved (>50..85 %) */
    ITSS_RATING_F = 6,       /* fully achieved (>85 %) */
    ITSS_RATING_PERCENT = 7, /* a percentage 0..100, graded as N/P/L/F above */
    ITSS_RATING_NA = 8       /* not applicable, with a reason: excluded */
} itss_rating_kind;

/* Which ratings an assessment accepts. */
typedef enum itss_rating_scale {
    ITSS_SCALE_ANY = 0,    /* every kind */
    ITSS_SCALE_BINARY = 1, /* met, not_met, na */
    ITSS_SCALE_NPLF = 2    /* N, P, L, F, percentages, na */
} itss_rating_scale;

/* How well a clause (or every applicable clause of a group) is satisfied. */
typedef enum itss_satisfaction {
    ITSS_SAT_NOT = 0,            /* not satisfied (includes unrated) */
    ITSS_SAT_LARGELY = 1,        /* largely: L or > 50 %, not fully */
    ITSS_SAT_FULLY = 2,          /* fully: met, F or > 85 % */
    ITSS_SAT_NOT_APPLICABLE = 3, /* every clause concerned is na */
    ITSS_SAT_NO_CLAUSE = 4       /* there is no clause to judge (an item
                                    without clauses at that level, or a
                                    NULL or foreign argument) */
} itss_satisfaction;

/* Whether a clause binds: a "shall" clause counts for the levels; a
 * "should" clause is a recommendation, rated and reported on its own,
 * that never blocks a level. */
typedef enum itss_obligation {
    ITSS_OBLIGATION_SHALL = 0,
    ITSS_OBLIGATION_SHOULD = 1
} itss_obligation;

/* The N/P/L/F grade of a rating: the kind itself for N, P, L and F; for
 * ITSS_RATING_PERCENT the default ISO/IEC 33020 band of percent (N <= 15
 * < P <= 50 < L <= 85 < F; a model may set its own bands:
 * itss_maturity_model_grade); ITSS_RATING_NONE for every other kind and for a
 * percentage that is not a finite number from 0 to 100. */
ITSS_API itss_rating_kind itss_rating_grade(itss_rating_kind kind, double percent);

/* ---- models ------------------------------------------------------------- */

/* The built-in T/CESA 1299-2023 model: constant data compiled into the
 * library (nothing is parsed or read at run time). Cannot fail; every call
 * returns the same object. Borrowed, immutable, valid until the process
 * ends. */
ITSS_API const itss_maturity_model *itss_maturity_model_builtin(void);
/* A built-in model by its id: "tcesa1299-2023" (the one
 * itss_maturity_model_builtin returns) or "itss1-2015" (ITSS.1-2015, the
 * edition T/CESA 1299-2023 replaced; docs/maturity.md). *out is borrowed,
 * immutable, valid until the process ends. Errors: ITSS_EINVAL (NULL id or
 * out), ITSS_ENOTFOUND (no built-in model has that id; the message names
 * the id and the ones there are). */
ITSS_API int itss_maturity_model_builtin_lookup(const char *id,
                                                const itss_maturity_model **out,
                                                itss_error *err);

/* Build a model from JSON (format itss-maturity-model/1, docs/maturity.md):
 * an organisation's own model goes through the same loader that validates
 * the built-in model's data when the library is built. The loader checks
 * unique ids, contiguous levels 1..N (N <= 9), that every clause's level,
 * domain and item exist and agree, and that every level has at least one
 * clause. On success *out is caller-owned (itss_maturity_model_free); on failure *out is NULL
 * and err locates the problem. Errors: ITSS_EINVAL, ITSS_ENOMEM,
 * ITSS_EPARSE, ITSS_ESCHEMA, ITSS_EVALUE, ITSS_EDUPLICATE, ITSS_EMODEL,
 * ITSS_ELIMIT; _load_file also ITSS_EIO. */
ITSS_API int itss_maturity_model_load(const char *json, size_t len,
                                      itss_maturity_model **out, itss_error *err);
ITSS_API int itss_maturity_model_load_file(const char *path, itss_maturity_model **out,
                                           itss_error *err);
/* NULL and the built-in model are accepted and ignored. */
ITSS_API void itss_maturity_model_free(itss_maturity_model *m);

/* Model getters: NULL / 0 for NULL or out-of-range arguments; borrowed. */
ITSS_API const char *itss_maturity_model_id(const itss_maturity_model *m);
ITSS_API const char *itss_maturity_model_edition(const itss_maturity_model *m);
ITSS_API const char *itss_maturity_model_title(const itss_maturity_model *m, itss_lang lang);
/* Number of levels N. The level at index i has the ordinal i + 1: levels
 * are numbered 1..N, lowest first. */
ITSS_API size_t itss_maturity_model_level_count(const itss_maturity_model *m);
ITSS_API const itss_maturity_level *itss_maturity_model_level_at(const itss_maturity_model *m,
                                                                 size_t i);
ITSS_API size_t itss_maturity_model_part_count(const itss_maturity_model *m);
ITSS_API const itss_maturity_part *itss_maturity_model_part_at(const itss_maturity_model *m,
                                                               size_t i);
ITSS_API size_t itss_maturity_model_domain_count(const itss_maturity_model *m);
ITSS_API const itss_maturity_domain *itss_maturity_model_domain_at(const itss_maturity_model *m,
                                                                   size_t i);
ITSS_API size_t itss_maturity_model_item_count(const itss_maturity_model *m);
ITSS_API const itss_maturity_item *itss_maturity_model_item_at(const itss_maturity_model *m,
                                                               size_t i);
/* The rating rule of the model ("rule" in its document; T/CESA 1299-2023
 * and any model that gives none: largely at the level, fully below).
 * Level k is reached when every applicable clause of level k is satisfied
 * at least as _rule_at_level says and every applicable clause of the
 * levels below k as _rule_below says: ITSS_SAT_LARGELY or ITSS_SAT_FULLY
 * (ITSS_SAT_NO_CLAUSE for NULL). */
ITSS_API itss_satisfaction itss_maturity_model_rule_at_level(const itss_maturity_model *m);
ITSS_API itss_satisfaction itss_maturity_model_rule_below(const itss_maturity_model *m);
/* The percentage bands of the model ("thresholds" in its document;
 * default ISO/IEC 33020's 15, 50, 85): the percentage a rating must exceed
 * to be graded kind, for ITSS_RATING_P, _L and _F; NaN for NULL and any
 * other kind. */
ITSS_API double itss_maturity_model_threshold(const itss_maturity_model *m,
                                              itss_rating_kind kind);
/* itss_rating_grade with the model's bands (ITSS_RATING_NONE for NULL). */
ITSS_API itss_rating_kind itss_maturity_model_grade(const itss_maturity_model *m,
                                                    itss_rating_kind kind, double percent);
/* What the loader found suspicious but accepted: each domain, then each
 * item, that has no clause (it asks nothing of anyone). The message
 * ("domain \"risk\" has no clause") and the JSON path in the document
 * ("/domains/3", "/items/7"); borrowed, NULL out of range. None for the
 * built-in model. */
ITSS_API size_t itss_maturity_model_warning_count(const itss_maturity_model *m);
ITSS_API const char *itss_maturity_model_warning_message(const itss_maturity_model *m,
                                                         size_t i);
ITSS_API const char *itss_maturity_model_warning_path(const itss_maturity_model *m, size_t i);
/* Clauses in model order (by level, then domain, item and letter). */
ITSS_API size_t itss_maturity_model_clause_count(const itss_maturity_model *m);
ITSS_API const itss_maturity_clause *itss_maturity_model_clause_at(const itss_maturity_model *m,
                                                                   size_t i);

/* Lookups: a domain by id, an item by number, a clause by id ("7.4.4.c").
 * *out is borrowed from m; NULL on failure. Errors: ITSS_EINVAL (NULL
 * argument), ITSS_ENOTFOUND (the message names what was asked for). */
ITSS_API int itss_maturity_domain_lookup(const itss_maturity_model *m, const char *id,
                                         const itss_maturity_domain **out, itss_error *err);
ITSS_API int itss_maturity_item_lookup(const itss_maturity_model *m, int number,
                                       const itss_maturity_item **out, itss_error *err);
ITSS_API int itss_maturity_clause_lookup(const itss_maturity_model *m, const char *id,
                                         const itss_maturity_clause **out, itss_error *err);

/* A level by text: its ordinal in decimal ("3"), its name or its label
 * in either language ("协同级", "Collaborative", "二级"), compared
 * exactly. Ordinal 1 is always the lowest level. *out is borrowed from m;
 * NULL on failure. Errors: ITSS_EINVAL (NULL argument), ITSS_ENOTFOUND
 * (no such level: the message lists the model's levels), ITSS_EVALUE (the
 * text names two different levels, e.g. one's name and another's
 * label). */
ITSS_API int itss_maturity_level_lookup(const itss_maturity_model *m, const char *text,
                                        const itss_maturity_level **out, itss_error *err);

ITSS_API int itss_maturity_level_ordinal(const itss_maturity_level *l);
/* "拓展级" / "Extended". */
ITSS_API const char *itss_maturity_level_name(const itss_maturity_level *l, itss_lang lang);
/* The ITSS grade label: "三级" / "ITSS grade 3"; the labels run backwards
 * (四级 is the lowest), so never compare labels, compare ordinals. */
ITSS_API const char *itss_maturity_level_label(const itss_maturity_level *l, itss_lang lang);
ITSS_API const char *itss_maturity_level_description(const itss_maturity_level *l,
                                                     itss_lang lang);

ITSS_API const char *itss_maturity_part_id(const itss_maturity_part *p);
ITSS_API const char *itss_maturity_part_name(const itss_maturity_part *p, itss_lang lang);

ITSS_API const char *itss_maturity_domain_id(const itss_maturity_domain *d);
ITSS_API const char *itss_maturity_domain_name(const itss_maturity_domain *d, itss_lang lang);
/* NULL when the model has no parts. */
ITSS_API const itss_maturity_part *itss_maturity_domain_part(const itss_maturity_domain *d);
/* What the domain looks like at a level (NULL if the model has no text). */
ITSS_API const char *itss_maturity_domain_description(const itss_maturity_domain *d,
                                                      int level, itss_lang lang);

ITSS_API int itss_maturity_item_number(const itss_maturity_item *it);
ITSS_API const itss_maturity_domain *itss_maturity_item_domain(const itss_maturity_item *it);
/* The canonical name (the standard's body text). */
ITSS_API const char *itss_maturity_item_name(const itss_maturity_item *it, itss_lang lang);
/* Other names the standard uses for the item (Chinese), e.g. Table 1's. */
ITSS_API size_t itss_maturity_item_alias_count(const itss_maturity_item *it);
ITSS_API const char *itss_maturity_item_alias_at(const itss_maturity_item *it, size_t i);
/* The clause of another standard the item stands for ("GB/T 28827.1-2012
 * 5.2" in ITSS.1-2015; "cites" in the model), or NULL when the model gives
 * none. Borrowed from the model. */
ITSS_API const char *itss_maturity_item_cites(const itss_maturity_item *it);

/* "7.4.4.c". */
ITSS_API const char *itss_maturity_clause_id(const itss_maturity_clause *c);
ITSS_API int itss_maturity_clause_level(const itss_maturity_clause *c);
/* NULL for a level-wide clause ("domain": null in the model), which counts
 * for the overall level only, not for any domain. */
ITSS_API const itss_maturity_domain *itss_maturity_clause_domain(const itss_maturity_clause *c);
/* The clause's item, the first (lowest number) when it names several; NULL
 * for a domain-wide clause (9.4.*, 10.*) and a level-wide one. */
ITSS_API const itss_maturity_item *itss_maturity_clause_item(const itss_maturity_clause *c);
/* The items a clause names, ascending by number: 1 for most clauses, 0 for
 * a domain-wide or level-wide one, several for "items": [..] in the model
 * (the clause then counts for each of them in
 * itss_maturity_result_item_status). Borrowed from the model. */
ITSS_API size_t itss_maturity_clause_item_count(const itss_maturity_clause *c);
ITSS_API const itss_maturity_item *itss_maturity_clause_item_at(const itss_maturity_clause *c,
                                                                size_t i);
/* A short summary in libitss's words, not the standard's text. */
ITSS_API const char *itss_maturity_clause_summary(const itss_maturity_clause *c, itss_lang lang);
ITSS_API const char *itss_maturity_clause_source(const itss_maturity_clause *c);
/* Key indicators of a clause or a level ("indicators" in the model: how
 * to tell the requirement is met), in lang; NULL out of range. */
ITSS_API size_t itss_maturity_clause_indicator_count(const itss_maturity_clause *c);
ITSS_API const char *itss_maturity_clause_indicator_text(const itss_maturity_clause *c, size_t i,
                                                         itss_lang lang);
ITSS_API size_t itss_maturity_level_indicator_count(const itss_maturity_level *l);
ITSS_API const char *itss_maturity_level_indicator_text(const itss_maturity_level *l, size_t i,
                                                        itss_lang lang);
/* ITSS_OBLIGATION_SHALL (also for NULL) or ITSS_OBLIGATION_SHOULD. */
ITSS_API itss_obligation itss_maturity_clause_obligation(const itss_maturity_clause *c);

/* ---- assessments ---------------------------------------------------------- */

/* An empty assessment of model m (every clause unrated, scale ANY).
 * Caller-owned: itss_assessment_free. Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_assessment_new(const itss_maturity_model *m, itss_assessment **out,
                                 itss_error *err);

/* An assessment from JSON (docs/maturity.md): {"ratings": {clause id:
 * rating}, "scale", "id", "organization", "scope", "date", "assessor",
 * "notes"}. Nothing is half-built: on failure *out is NULL and err holds
 * the JSON path, line and column. Errors: ITSS_EINVAL, ITSS_ENOMEM,
 * ITSS_EPARSE, ITSS_ESCHEMA, ITSS_EVALUE (bad rating, outside the scale, na
 * without reason), ITSS_ENOTFOUND (unknown clause id), ITSS_EDUPLICATE,
 * ITSS_ELIMIT; _load_file also ITSS_EIO. */
ITSS_API int itss_assessment_load(const itss_maturity_model *m, const char *json, size_t len,
                                  itss_assessment **out, itss_error *err);
ITSS_API int itss_assessment_load_file(const itss_maturity_model *m, const char *path,
                                       itss_assessment **out, itss_error *err);
ITSS_API void itss_assessment_free(itss_assessment *a);

/* The model the assessment rates against (borrowed). NULL for NULL. */
ITSS_API const itss_maturity_model *itss_assessment_model(const itss_assessment *a);

/* Declare the scale (and read it back: ITSS_SCALE_ANY for NULL). Errors:
 * ITSS_EINVAL (NULL assessment, a scale outside the enum), ITSS_EVALUE
 * (existing ratings outside the new scale: the message names the first
 * such clause, and the assessment is left unchanged). */
ITSS_API int itss_assessment_set_scale(itss_assessment *a, itss_rating_scale scale,
                                       itss_error *err);
ITSS_API itss_rating_scale itss_assessment_scale(const itss_assessment *a);

/* Rating a clause, one function per kind of rating; each replaces the
 * clause's previous rating. On failure the assessment is unchanged.
 * Common errors: ITSS_EINVAL (NULL argument), ITSS_ENOTFOUND (unknown
 * clause), ITSS_EVALUE (a rating outside the declared scale).
 *  set_rating   met, not_met, N, P, L or F (ITSS_RATING_MET .. _F; the
 *               other kinds are ITSS_EINVAL: they have their own function)
 *  set_percent  a percentage achieved, finite, 0..100 (else ITSS_EVALUE)
 *  set_na       not applicable; reason: non-empty UTF-8 (else ITSS_EVALUE)
 *  unset        back to unrated, dropping evidence and note (no error for
 *               a clause that is not rated) */
ITSS_API int itss_assessment_set_rating(itss_assessment *a, const char *clause_id,
                                        itss_rating_kind kind, itss_error *err);
ITSS_API int itss_assessment_set_percent(itss_assessment *a, const char *clause_id,
                                         double percent, itss_error *err);
ITSS_API int itss_assessment_set_na(itss_assessment *a, const char *clause_id,
                                    const char *reason, itss_error *err);
ITSS_API int itss_assessment_unset(itss_assessment *a, const char *clause_id, itss_error *err);

/* Attach evidence or a note (NULL clears it; copied) to a rated clause.
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND, ITSS_EVALUE (clause not rated, or
 * text not UTF-8). */
ITSS_API int itss_assessment_set_evidence(itss_assessment *a, const char *clause_id,
                                          const char *evidence, itss_error *err);
ITSS_API int itss_assessment_set_note(itss_assessment *a, const char *clause_id,
                                      const char *note, itss_error *err);

/* Read a rating back: *kind (ITSS_RATING_NONE when unrated), *percent (for
 * ITSS_RATING_PERCENT, else 0); either may be NULL. Errors: ITSS_EINVAL,
 * ITSS_ENOTFOUND. */
ITSS_API int itss_assessment_rating(const itss_assessment *a, const char *clause_id,
                                    itss_rating_kind *kind, double *percent, itss_error *err);
/* The na reason, evidence and note of a clause; NULL when absent or the
 * clause is unknown. Borrowed until the clause is rated again or the
 * assessment is freed. */
ITSS_API const char *itss_assessment_reason(const itss_assessment *a, const char *clause_id);
ITSS_API const char *itss_assessment_evidence(const itss_assessment *a, const char *clause_id);
ITSS_API const char *itss_assessment_note(const itss_assessment *a, const char *clause_id);
/* Number of rated clauses (including na). */
ITSS_API size_t itss_assessment_rated_count(const itss_assessment *a);

/* Metadata: key is one of "id", "organization", "scope", "date",
 * "assessor", "notes"; value NULL clears it. Errors: ITSS_EINVAL (NULL
 * assessment or key), ITSS_EVALUE (another key, or value not UTF-8). */
ITSS_API int itss_assessment_set_meta(itss_assessment *a, const char *key, const char *value,
                                      itss_error *err);
/* Borrowed; NULL when unset or the key is unknown. */
ITSS_API const char *itss_assessment_meta(const itss_assessment *a, const char *key);

/* The assessment as JSON (loads back to an equal assessment; ratings in
 * model order). format: ITSS_FORMAT_JSON or ITSS_FORMAT_JSON_PRETTY.
 * *out is caller-owned (itss_free). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_assessment_export(const itss_assessment *a, itss_format format, char **out,
                                    size_t *len, itss_error *err);

/* ---- worksheets (docs/worksheets.md) -------------------------------------- */

/* An assessment from a document in format ITSS_FORMAT_JSON (as
 * itss_assessment_load), ITSS_FORMAT_CSV or ITSS_FORMAT_XLSX (a worksheet:
 * one row per clause under a header row, columns found by their header in
 * Chinese or English, metadata above the header or on its own sheet);
 * itss_format_detect tells which. encoding: NULL or "UTF-8", or for CSV
 * the name of another encoding of the system's iconv ("GB18030" for files
 * saved by spreadsheet programs on Chinese Windows); a CSV that is not
 * valid UTF-8 without it fails naming the row, column and byte. Nothing is
 * half-built: on failure *out is NULL and err names the first problem and
 * its place (for a worksheet: sheet, row, column and header, in the path,
 * line and column as itss_problem_list says). Workbooks are untrusted:
 * their size, decompressed size, rows and cells are bounded
 * (ITSS_ELIMIT), XML with a document type declaration is refused, and so
 * is a formula without a computed value. Errors: those of
 * itss_assessment_load, and ITSS_EINVAL (format not one of the three, an
 * encoding for JSON or XLSX, or one iconv does not know), ITSS_EPARSE (not
 * a workbook, broken zip or XML, text not in the encoding), ITSS_ESCHEMA
 * (no header row, a missing column, an unknown metadata key),
 * ITSS_EDUPLICATE (a repeated column, metadata key or clause row),
 * ITSS_ELIMIT. Built without spreadsheet support, ITSS_FORMAT_XLSX is
 * ITSS_EINVAL with a message that says so. */
ITSS_API int itss_assessment_read(const itss_maturity_model *m, const char *data, size_t len,
                                  itss_format format, const char *encoding,
                                  itss_assessment **out, itss_error *err);
/* The same from a file, its format detected from its content. Also
 * ITSS_EIO. */
ITSS_API int itss_assessment_read_file(const itss_maturity_model *m, const char *path,
                                       const char *encoding, itss_assessment **out,
                                       itss_error *err);
/* Every problem of a document that itss_assessment_read would refuse, not
 * only the first: *out lists them (empty when the document reads). Fails
 * only for bad arguments (ITSS_EINVAL, also for an encoding iconv does not
 * know and for worksheets without worksheet support) and ITSS_ENOMEM; a
 * document that cannot be read at all (broken zip, limits) gives one
 * problem. *out is caller-owned (itss_problem_list_free). */
ITSS_API int itss_assessment_check(const itss_maturity_model *m, const char *data, size_t len,
                                   itss_format format, const char *encoding,
                                   itss_problem_list **out, itss_error *err);
/* The assessment as a worksheet that itss_assessment_read reads back to
 * an equal assessment: ITSS_FORMAT_CSV (UTF-8 with a byte-order mark) or
 * ITSS_FORMAT_XLSX, headers, level labels, domain and item names and
 * clause summaries in lang. One row per clause of the model, or of one
 * level (level 1..N; 0: all) and one domain (domain_id; NULL: all), with
 * the ratings, evidence, notes and reasons the assessment holds; an empty
 * assessment (itss_assessment_new) gives the blank template. A clause
 * left out by the selection must be unrated (else ITSS_EVALUE naming it).
 * *out is caller-owned (itss_free), *len its size (XLSX holds NUL bytes).
 * Errors: ITSS_EINVAL (another format; XLSX without spreadsheet support;
 * level out of range), ITSS_ENOTFOUND (unknown domain), ITSS_EVALUE,
 * ITSS_EIO (the temporary file of the XLSX writer), ITSS_ENOMEM. */
ITSS_API int itss_assessment_render(const itss_assessment *a, int level, const char *domain_id,
                                    itss_format format, itss_lang lang, char **out,
                                    size_t *len, itss_error *err);

/* ---- rating ----------------------------------------------------------- */

/* Rate an assessment. target: the level whose gaps to list, 1..N, or 0 for
 * the default (the level reached + 1; no gaps once level N is reached).
 * *out is caller-owned (itss_maturity_result_free) and independent of the
 * assessment. Errors: ITSS_EINVAL (NULL argument, target out of range),
 * ITSS_ENOMEM. */
ITSS_API int itss_maturity_rate(const itss_assessment *a, int target,
                                itss_maturity_result **out, itss_error *err);
ITSS_API void itss_maturity_result_free(itss_maturity_result *r);

/* The model the result was rated against (borrowed; it must outlive the
 * result). NULL for NULL. */
ITSS_API const itss_maturity_model *itss_maturity_result_model(const itss_maturity_result *r);

/* Result getters take the model's own objects (from its _at functions or a
 * lookup); an object of another model counts as a bad argument. */

/* The level reached overall: 0 (below level 1) .. N. -1 for NULL. */
ITSS_API int itss_maturity_result_level(const itss_maturity_result *r);
/* The level reached by one domain (same rule on its clauses only); -1 for
 * a NULL or foreign argument. */
ITSS_API int itss_maturity_result_domain_level(const itss_maturity_result *r,
                                               const itss_maturity_domain *d);
/* Share of applicable clauses fully satisfied, 0..1: at one level (level
 * 1..N) or over all levels (level 0), for the whole model (d NULL) or one
 * domain. NaN for a group with no applicable clause and for bad
 * arguments. */
ITSS_API double itss_maturity_result_coverage(const itss_maturity_result *r,
                                              const itss_maturity_domain *d, int level);
/* Share of the applicable "should" clauses (recommendations) fully
 * satisfied, 0..1; NaN when there is none and for NULL. Recommendations
 * are left out of every other count, of the levels and of the gaps. */
ITSS_API double itss_maturity_result_recommendation_coverage(const itss_maturity_result *r);
/* How one item stands at one level (level 1..N): ITSS_SAT_NO_CLAUSE when
 * the item has no clause at that level or an argument is bad. */
ITSS_API itss_satisfaction itss_maturity_result_item_status(const itss_maturity_result *r,
                                                            const itss_maturity_item *it,
                                                            int level);
/* How one clause is satisfied (unrated gives ITSS_SAT_NOT);
 * ITSS_SAT_NO_CLAUSE for a NULL or foreign clause. */
ITSS_API itss_satisfaction itss_maturity_result_clause_status(const itss_maturity_result *r,
                                                              const itss_maturity_clause *c);

/* The target level of the gap list (0 when none: level N reached). */
ITSS_API int itss_maturity_result_target(const itss_maturity_result *r); /* 0 for NULL */
/* The clauses that block the target, ordered by level, domain, item and
 * clause, and the satisfaction the target needs of each (ITSS_SAT_FULLY
 * below the target, ITSS_SAT_LARGELY at it; ITSS_SAT_NO_CLAUSE out of
 * range). */
ITSS_API size_t itss_maturity_result_gap_count(const itss_maturity_result *r);
ITSS_API const itss_maturity_clause *itss_maturity_result_gap_at(const itss_maturity_result *r,
                                                                 size_t i);
ITSS_API itss_satisfaction itss_maturity_result_gap_required(const itss_maturity_result *r,
                                                             size_t i);
/* Unrated clauses, in model order. */
ITSS_API size_t itss_maturity_result_unrated_count(const itss_maturity_result *r);
ITSS_API const itss_maturity_clause *itss_maturity_result_unrated_at(
    const itss_maturity_result *r, size_t i);
/* Not-applicable clauses, in model order, and their reasons (borrowed from
 * the result; NULL out of range). */
ITSS_API size_t itss_maturity_result_na_count(const itss_maturity_result *r);
ITSS_API const itss_maturity_clause *itss_maturity_result_na_at(const itss_maturity_result *r,
                                                                size_t i);
ITSS_API const char *itss_maturity_result_na_reason(const itss_maturity_result *r, size_t i);

/* The result as JSON (docs/maturity.md, docs/schema/maturity-result.schema.json),
 * as a text report for people (level and label, domain profile, gaps
 * grouped by domain with summaries) in lang, as an HTML report
 * (ITSS_FORMAT_HTML: one self-contained page with a radar chart of the
 * domains, the coverage per level, the profile, the gaps with their
 * evidence and notes, the unrated and N/A clauses; prints on A4) or as
 * the domain chart alone (ITSS_FORMAT_SVG), or as a flat table
 * (ITSS_FORMAT_CSV: one row per clause in model order — clause, level,
 * domain, item, rating, grade, satisfied, blocks_target, evidence, note;
 * docs/worksheets.md). Writes JSON, JSON_PRETTY, TEXT, HTML, SVG and CSV;
 * another format is ITSS_EINVAL. *out is caller-owned
 * (itss_free). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_maturity_result_render(const itss_maturity_result *r, itss_format format,
                                         itss_lang lang, char **out, size_t *len,
                                         itss_error *err);

/* The result's domain profile as a table: one row per domain (id, name,
 * level reached, coverage at each level, gaps to the target), as CSV, as
 * JSON ({"domains": [...]} with the objects of the result's "domains") or
 * as the text profile. Writes JSON, JSON_PRETTY, TEXT and CSV. *out is
 * caller-owned (itss_free). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_maturity_result_domains_render(const itss_maturity_result *r,
                                                 itss_format format, itss_lang lang,
                                                 char **out, size_t *len, itss_error *err);

/* One call from an assessment document to a rendered result: load (as
 * itss_assessment_load), rate, render (the formats of
 * itss_maturity_result_render). The errors of the three steps. */
ITSS_API int itss_maturity_rate_json(const itss_maturity_model *m, const char *json,
                                     size_t len, int target, itss_format format,
                                     itss_lang lang, char **out, size_t *outlen,
                                     itss_error *err);

/* ---- comparison over time ----------------------------------------------- */

typedef struct itss_maturity_comparison itss_maturity_comparison;

/* How the grade of a clause changed from one assessment to the next.
 * Grades are ordered unrated < N < P < L < F; met counts as F, not_met as
 * N, a percentage as the grade of the model's bands (itss_maturity_model_grade). */
typedef enum itss_grade_change {
    ITSS_CHANGE_NONE = 0,     /* no change (and for a bad argument) */
    ITSS_CHANGE_IMPROVED = 1, /* a higher grade */
    ITSS_CHANGE_WORSENED = 2, /* a lower grade */
    ITSS_CHANGE_NA = 3        /* to or from not applicable (neither better nor worse) */
} itss_grade_change;

/* Compare n >= 2 results of one model, in time order (the model must
 * outlive the comparison; the results are only read and may be freed
 * afterwards). labels: NULL or n strings (each may be NULL), one per
 * result, such as its file name; copied, with bytes that are not UTF-8
 * written as \xNN. The comparison holds, for each
 * result, its label, metadata, level, domain levels and clause grades, and
 * for each consecutive pair the clauses whose grade changed. *out is
 * caller-owned (itss_maturity_comparison_free). Errors: ITSS_EINVAL (NULL
 * results or out, n < 2, a NULL result, results of different models: the
 * message names the result), ITSS_ELIMIT (more than 100,000 results),
 * ITSS_ENOMEM. */
ITSS_API int itss_maturity_compare(const itss_maturity_result *const *results,
                                   const char *const *labels, size_t n,
                                   itss_maturity_comparison **out, itss_error *err);
ITSS_API void itss_maturity_comparison_free(itss_maturity_comparison *c);

/* The model of the compared results (borrowed). NULL for NULL. */
ITSS_API const itss_maturity_model *itss_maturity_comparison_model(
    const itss_maturity_comparison *c);
/* The compared assessments, in the order given. Their label (NULL when
 * none was given), metadata (a key of itss_assessment_meta; NULL when
 * unset), the level reached overall and by one domain (-1 for a bad
 * argument) and the grade of a clause (ITSS_RATING_NONE for unrated and
 * bad arguments, ITSS_RATING_N .. _F, or ITSS_RATING_NA). Strings are
 * borrowed from the comparison. */
ITSS_API size_t itss_maturity_comparison_assessment_count(const itss_maturity_comparison *c);
ITSS_API const char *itss_maturity_comparison_assessment_label(
    const itss_maturity_comparison *c, size_t i);
ITSS_API const char *itss_maturity_comparison_assessment_meta(const itss_maturity_comparison *c,
                                                              size_t i, const char *key);
ITSS_API int itss_maturity_comparison_assessment_level(const itss_maturity_comparison *c,
                                                       size_t i);
ITSS_API int itss_maturity_comparison_assessment_domain_level(
    const itss_maturity_comparison *c, size_t i, const itss_maturity_domain *d);
ITSS_API itss_rating_kind itss_maturity_comparison_assessment_grade(
    const itss_maturity_comparison *c, size_t i, const itss_maturity_clause *clause);
/* The clauses whose grade changed between consecutive assessments: those
 * from assessment 0 to 1 first, in model order, then 1 to 2, and so on.
 * _change_at gives the clause (borrowed from the model, NULL out of
 * range), _change_pair the index of the earlier assessment (the later one
 * is the next; (size_t)-1 out of range), _change_kind how it changed, and
 * the grades before and after (ITSS_RATING_NONE out of range). */
ITSS_API size_t itss_maturity_comparison_change_count(const itss_maturity_comparison *c);
ITSS_API const itss_maturity_clause *itss_maturity_comparison_change_at(
    const itss_maturity_comparison *c, size_t i);
ITSS_API size_t itss_maturity_comparison_change_pair(const itss_maturity_comparison *c,
                                                     size_t i);
ITSS_API itss_grade_change itss_maturity_comparison_change_kind(
    const itss_maturity_comparison *c, size_t i);
ITSS_API itss_rating_kind itss_maturity_comparison_change_from_grade(
    const itss_maturity_comparison *c, size_t i);
ITSS_API itss_rating_kind itss_maturity_comparison_change_to_grade(
    const itss_maturity_comparison *c, size_t i);

/* The comparison as JSON (docs/schema/maturity-comparison.schema.json),
 * as text for people (a column per assessment with the level and each
 * domain's level, then per pair the clauses that went up, down, or to or
 * from not applicable), as CSV (a header row, then one row per pair and
 * changed clause) or as an HTML page (a trend chart of the overall and
 * domain levels, the table of levels, the tables of changes) in lang.
 * Writes ITSS_FORMAT_JSON, _JSON_PRETTY, _TEXT, _CSV and _HTML (ITSS_EINVAL
 * for any other format). *out is caller-owned
 * (itss_free). Errors: ITSS_EINVAL, ITSS_ENOMEM. */
ITSS_API int itss_maturity_comparison_render(const itss_maturity_comparison *c,
                                             itss_format format, itss_lang lang, char **out,
                                             size_t *len, itss_error *err);

/* ---- model output -------------------------------------------------------- */

/* The whole model as a document for itss_maturity_model_load (export,
 * load and export again give the same bytes). format: ITSS_FORMAT_JSON or
 * ITSS_FORMAT_JSON_PRETTY. *out is caller-owned (itss_free). Errors:
 * ITSS_EINVAL (also for the text format), ITSS_ENOMEM. */
ITSS_API int itss_maturity_model_export(const itss_maturity_model *m, itss_format format,
                                        char **out, size_t *len, itss_error *err);

/* The model as a view: JSON (the document of itss_maturity_model_export) or
 * a text overview of levels, parts, domains and items in lang. */
ITSS_API int itss_maturity_model_render(const itss_maturity_model *m, itss_format format,
                                        itss_lang lang, char **out, size_t *len,
                                        itss_error *err);

/* The clauses selected by level (0: all), domain (NULL: all) and item
 * (0: all) in model order: JSON {"clauses": [...]} or a text table.
 * Extra errors: ITSS_ENOTFOUND for an unknown domain or item, ITSS_EINVAL
 * for a level outside 0..N. */
ITSS_API int itss_maturity_clauses_render(const itss_maturity_model *m, int level,
                                          const char *domain_id, int item,
                                          itss_format format, itss_lang lang, char **out,
                                          size_t *len, itss_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_MATURITY_H */
