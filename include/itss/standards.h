/*
 * libitss — the ITSS standards registry: every standard that the ITSS
 * standards system report 5.0 (信息技术服务标准体系建设报告 5.0 版, 2021-09)
 * lists in its appendix tables B-1 to B-4 (national, industry, group and
 * international standards), with its status as of the report, its place in
 * the ITSS 5.0 framework (tables 4-1 to 4-19), a one-line summary written
 * by libitss, the editions that replace one another, and the API area of
 * libitss that implements it. See docs/standards.md.
 *
 * The registry is built in: constant data compiled from
 * data/itss-standards.json. Every pointer the functions below return is
 * borrowed from it and valid until the process ends.
 */
#ifndef ITSS_STANDARDS_H
#define ITSS_STANDARDS_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct itss_registry itss_registry; /* the registry (built in) */
typedef struct itss_standard itss_standard; /* one standard or plan */
typedef struct itss_category itss_category; /* a category of the framework */
typedef struct itss_area itss_area;         /* an area inside a category */

/* The kind of standard: the appendix table that lists it. */
typedef enum itss_std_type {
    ITSS_STANDARD_NATIONAL = 0,     /* 国家标准, table B-1 */
    ITSS_STANDARD_INDUSTRY = 1,     /* 行业标准, table B-2 */
    ITSS_STANDARD_GROUP = 2,        /* 团体标准, table B-3 */
    ITSS_STANDARD_INTERNATIONAL = 3 /* ISO/IEC JTC 1/SC 40, table B-4 */
} itss_std_type;

/* The status as of the report. International standards have their ISO/IEC
 * stage as printed (itss_standard_stage) and ITSS_STATUS_DEVELOPING, ITSS_STATUS_CANCELLED
 * or ITSS_STATUS_PUBLISHED. */
typedef enum itss_std_status {
    ITSS_STATUS_PUBLISHED = 0,  /* 已发布 */
    ITSS_STATUS_APPROVAL = 1,   /* 报批稿: draft for approval */
    ITSS_STATUS_COMMENT = 2,    /* 征求意见稿: draft for comments */
    ITSS_STATUS_REVIEW = 3,     /* 送审稿: draft for review */
    ITSS_STATUS_DRAFT = 4,      /* 草案: working draft */
    ITSS_STATUS_PROPOSED = 5,   /* 立项申请中: project being proposed */
    ITSS_STATUS_DEVELOPING = 6, /* 研制中: an ISO/IEC project under way */
    ITSS_STATUS_CANCELLED = 7   /* 已取消: an ISO/IEC project cancelled */
} itss_std_status;

/* ---- the registry ---------------------------------------------------- */

/* The built-in registry. Cannot fail; every call returns the same object.
 * Borrowed, immutable, valid until the process ends. */
ITSS_API const itss_registry *itss_registry_builtin(void);

/* Title of the registry and the document it comes from. Borrowed; NULL for
 * bad arguments. */
ITSS_API const char *itss_registry_title(const itss_registry *r, itss_lang lang);
ITSS_API const char *itss_registry_source(const itss_registry *r);

/* Standards in registry order: table B-1 row 1 first, then B-2, B-3, B-4,
 * then editions that the report does not list (T/CESA 1299-2023). 0 / NULL
 * for bad arguments or out of range. */
ITSS_API size_t itss_registry_standard_count(const itss_registry *r);
ITSS_API const itss_standard *itss_registry_standard_at(const itss_registry *r, size_t i);

/* The categories of the ITSS 5.0 framework, in the report's order. */
ITSS_API size_t itss_registry_category_count(const itss_registry *r);
ITSS_API const itss_category *itss_registry_category_at(const itss_registry *r, size_t i);

/* ---- lookup, lists, search ------------------------------------------- */

/* Find a standard by its number or plan number, leniently: ASCII letters
 * in any case, full-width characters, any dashes, slashes, dots, colons
 * and spaces between the parts are all the same ("GB/T 29264-2012",
 * "GB/T29264—2012", "gbt 29264 2012", "ＧＢ／Ｔ　２９２６４－２０１２").
 * A standard without a number is found by its table and row: "B-1/56".
 * *out is borrowed from r; NULL on failure.
 * Errors: ITSS_EINVAL (NULL argument), ITSS_EVALUE (not valid UTF-8, or no
 * letter or digit in it), ITSS_ENOTFOUND (the message names the number). */
ITSS_API int itss_standard_lookup(const itss_registry *r, const char *number,
                                  const itss_standard **out, itss_error *err);

/* The standards that pass every filter given, in registry order; a NULL
 * filter means no filter. type: "national", "industry", "group",
 * "international" or the Chinese name (国家标准 ...); status: a name of
 * itss_std_status_name or the Chinese one (已发布 ...); area: the id
 * of an area or of a whole category (itss_area_id, itss_category_id).
 * Writes at most cap borrowed pointers into buf and the total into *count.
 * Errors: ITSS_EINVAL (r or count NULL; buf NULL with cap > 0),
 * ITSS_EVALUE (a filter names nothing known: the message lists the names). */
ITSS_API int itss_standard_list(const itss_registry *r, const char *type, const char *status,
                                const char *area, const itss_standard **buf, size_t cap,
                                size_t *count, itss_error *err);

/* Standards whose number, Chinese or English title, or summary contains
 * text (ASCII letters match in any case; a number also matches leniently,
 * as in itss_standard_lookup). Ranked: a number equal to text first, then
 * numbers and titles containing it, then summaries; registry order within
 * a rank. Writes at most cap borrowed pointers into buf and the total into
 * *count (which may be 0).
 * Errors: ITSS_EINVAL (r, text or count NULL; buf NULL with cap > 0),
 * ITSS_EVALUE (text empty, only spaces, or not valid UTF-8). */
ITSS_API int itss_standard_search(const itss_registry *r, const char *text,
                                  const itss_standard **buf, size_t cap, size_t *count,
                                  itss_error *err);

/* Find a category or an area by its id. *out is borrowed from r; NULL on
 * failure. Errors: ITSS_EINVAL, ITSS_ENOTFOUND (the message lists the
 * ids). */
ITSS_API int itss_category_lookup(const itss_registry *r, const char *id,
                                  const itss_category **out, itss_error *err);
ITSS_API int itss_area_lookup(const itss_registry *r, const char *id, const itss_area **out,
                              itss_error *err);

/* ---- standards ---------------------------------------------------------
 * All getters accept NULL and then return NULL / 0. Strings are UTF-8 and
 * borrowed from the registry. */

/* The number as printed, with an ASCII hyphen and single spaces
 * ("GB/T 29264-2012", "20190844-T-469", "ISO/IEC 30105-4:2016"); NULL for
 * a plan that has no number yet. */
ITSS_API const char *itss_standard_number(const itss_standard *s);
/* Title: Chinese as printed (ITSS_LANG_ZH), English written by libitss. */
ITSS_API const char *itss_standard_title(const itss_standard *s, itss_lang lang);
/* ITSS_STANDARD_NATIONAL for NULL. */
ITSS_API itss_std_type itss_standard_type(const itss_standard *s);
/* ITSS_STATUS_PUBLISHED for NULL. */
ITSS_API itss_std_status itss_standard_status(const itss_standard *s);
/* International standards: the ISO/IEC stage and China's role, as printed
 * ("30.60 投票/评论期结束", "联合编辑"); NULL for the others. */
ITSS_API const char *itss_standard_stage(const itss_standard *s);
ITSS_API const char *itss_standard_role(const itss_standard *s);
/* The appendix table ("B-1" ... "B-4") and the 1-based row; NULL and 0 for
 * an edition the report does not list. */
ITSS_API const char *itss_standard_table(const itss_standard *s);
ITSS_API size_t itss_standard_row(const itss_standard *s);
/* The framework area (tables 4-1 to 4-19); NULL when the report places the
 * standard in none (itss_standard_note says so). */
ITSS_API const itss_area *itss_standard_area(const itss_standard *s);
/* One-line summary of its subject, written by libitss. */
ITSS_API const char *itss_standard_summary(const itss_standard *s, itss_lang lang);
/* What to know about the entry (a discrepancy between the report's tables,
 * why it has no area); NULL when there is nothing. */
ITSS_API const char *itss_standard_note(const itss_standard *s, itss_lang lang);
/* Where the entry comes from: document, table and row. */
ITSS_API const char *itss_standard_source(const itss_standard *s);
/* The API area of libitss that implements the standard: "classification",
 * "quality" or "maturity"; NULL when libitss does not implement it. */
ITSS_API const char *itss_standard_implemented_by(const itss_standard *s);
/* The edition this one replaces, and the one that replaces it, where the
 * sources say so; NULL otherwise. */
ITSS_API const itss_standard *itss_standard_replaces(const itss_standard *s);
ITSS_API const itss_standard *itss_standard_replaced_by(const itss_standard *s);

/* "national", "industry", "group", "international"; NULL outside the enum. */
ITSS_API const char *itss_std_type_name(itss_std_type type);
/* "published", "approval", "comment", "review", "draft", "proposed",
 * "developing", "cancelled"; NULL outside the enum. */
ITSS_API const char *itss_std_status_name(itss_std_status status);
/* The names for people: 国家标准 / national standard, 已发布 / published,
 * ... NULL outside the enums or for a bad language. */
ITSS_API const char *itss_std_type_label(itss_std_type type, itss_lang lang);
ITSS_API const char *itss_std_status_label(itss_std_status status, itss_lang lang);

/* ---- the framework ------------------------------------------------------ */

ITSS_API const char *itss_category_id(const itss_category *c);
ITSS_API const char *itss_category_name(const itss_category *c, itss_lang lang);
/* Where the report describes it (section and figure). */
ITSS_API const char *itss_category_source(const itss_category *c);
ITSS_API size_t itss_category_area_count(const itss_category *c);
ITSS_API const itss_area *itss_category_area_at(const itss_category *c, size_t i);

ITSS_API const char *itss_area_id(const itss_area *a);
ITSS_API const char *itss_area_name(const itss_area *a, itss_lang lang);
/* Where the report lists it (section and table). */
ITSS_API const char *itss_area_source(const itss_area *a);
ITSS_API const itss_category *itss_area_category(const itss_area *a);
/* The area's standards in the order of its table in the report. */
ITSS_API size_t itss_area_standard_count(const itss_area *a);
ITSS_API const itss_standard *itss_area_standard_at(const itss_area *a, size_t i);

/* ---- rendering -------------------------------------------------------
 * Each writes a caller-owned, NUL-terminated UTF-8 string to *out (free with
 * itss_free) and its length in bytes to *len when len is not NULL. JSON
 * formats ignore lang (they carry both languages). On failure *out is NULL.
 * Errors: ITSS_EINVAL (NULL argument, bad format or language), ITSS_ENOMEM.
 * The JSON shapes are in docs/standards.md. */

/* One standard: JSON object, or a text block. */
ITSS_API int itss_standard_render(const itss_standard *s, itss_format format, itss_lang lang,
                                  char **out, size_t *len, itss_error *err);

/* A list of standards (from itss_standard_list or _search): JSON array of
 * standard objects, or a table of number, status and title. n may be 0
 * (list may then be NULL). */
ITSS_API int itss_standard_list_render(const itss_standard *const *list, size_t n,
                                       itss_format format, itss_lang lang, char **out,
                                       size_t *len, itss_error *err);

/* The framework tree: categories, their areas and each area's standards,
 * then the standards placed in no area. JSON {"title", "source",
 * "categories": [...], "unplaced": [...]}, or an indented text tree. */
ITSS_API int itss_registry_framework_render(const itss_registry *r, itss_format format,
                                            itss_lang lang, char **out, size_t *len,
                                            itss_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_STANDARDS_H */
