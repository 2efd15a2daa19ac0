/*
 * libitss — GB/T 29264-2012 classification of IT services.
 *
 * A catalog is an immutable tree of classes identified by 2-, 4- or 6-digit
 * codes (大类 NN, 中类 NNNN, 小类 NNNNNN; a code's parent is its prefix),
 * plus informative crosswalks to other classification schemes.
 *
 * Ownership summary (details on each function):
 *  - itss_catalog_builtin() gives a borrowed, immutable catalog compiled into
 *    the library; it is never freed (itss_catalog_free() ignores it).
 *  - itss_catalog_load*() give a caller-owned catalog: itss_catalog_free().
 *  - itss_class, itss_crosswalk, itss_xtarget and itss_xlink pointers are
 *    borrowed from their catalog and live exactly as long as it.
 *  - Strings from getters are borrowed likewise; strings from *_render() and
 *    itss_catalog_export() are caller-owned: itss_free().
 *  - Every function that takes a catalog takes it first; NULL is never "the
 *    built-in one" (pass itss_catalog_builtin()) but ITSS_EINVAL.
 * A catalog is never modified after it is built, so one catalog may be used
 * from any number of threads at once.
 */
#ifndef ITSS_CLASSIFY_H
#define ITSS_CLASSIFY_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct itss_catalog itss_catalog;     /* a classification edition */
typedef struct itss_class itss_class;         /* one class (code) of a catalog */
typedef struct itss_crosswalk itss_crosswalk; /* a mapping to another scheme */
typedef struct itss_xtarget itss_xtarget;     /* a class of the other scheme */
typedef struct itss_xlink itss_xlink;         /* one mapping: class -> target */

/* Why a code is not valid (see itss_code_validate). */
typedef enum itss_code_problem {
    ITSS_CODE_OK = 0,             /* valid: names a class of the catalog */
    ITSS_CODE_EMPTY = 1,          /* the empty string */
    ITSS_CODE_NOT_DIGITS = 2,     /* contains a byte other than ASCII 0-9 */
    ITSS_CODE_BAD_LENGTH = 3,     /* digits, but not 2, 4 or 6 of them */
    ITSS_CODE_UNKNOWN_PARENT = 4, /* a prefix (2 or 4 digits) is not a class */
    ITSS_CODE_UNKNOWN = 5         /* well formed, parent exists, code does not */
} itss_code_problem;

/* Which way a crosswalk is read. */
typedef enum itss_direction {
    ITSS_FORWARD = 0, /* from a GB/T 29264 class to the other scheme's classes */
    ITSS_REVERSE = 1  /* from a class of the other scheme to GB/T 29264 classes */
} itss_direction;

/* How a class relates to the class of the other scheme it is mapped to. */
typedef enum itss_relation {
    ITSS_REL_EXACT = 0,    /* same scope */
    ITSS_REL_NARROWER = 1, /* the GB/T 29264 class lies within the target */
    ITSS_REL_BROADER = 2,  /* the GB/T 29264 class contains the target */
    ITSS_REL_RELATED = 3   /* the scopes overlap in part */
} itss_relation;

/* ---- catalogs ------------------------------------------------------- */

/* The built-in GB/T 29264-2012 catalog: constant data compiled into the
 * library (nothing is parsed or read at run time). Cannot fail; every call
 * returns the same object. Borrowed, immutable, valid until the process
 * ends. */
ITSS_API const itss_catalog *itss_catalog_builtin(void);

/* Build a catalog from a JSON document in the format of
 * docs/json-formats.md (the same loader validates the built-in catalog's
 * data when the library is built).
 * json need not be NUL-terminated; len is its size in bytes.
 * On success *out is caller-owned (itss_catalog_free). On failure *out is set
 * to NULL, nothing is left allocated, and err locates the problem.
 * Errors: ITSS_EINVAL, ITSS_ENOMEM, ITSS_EPARSE, ITSS_ESCHEMA, ITSS_EVALUE,
 * ITSS_EDUPLICATE, ITSS_EMODEL, ITSS_ELIMIT. */
ITSS_API int itss_catalog_load(const char *json, size_t len, itss_catalog **out,
                               itss_error *err);

/* As itss_catalog_load, reading the file at path ("-" is not special).
 * Additional error: ITSS_EIO. */
ITSS_API int itss_catalog_load_file(const char *path, itss_catalog **out,
                                    itss_error *err);

/* Free a catalog from itss_catalog_load*(). NULL and the built-in catalog are
 * accepted and ignored. Every pointer borrowed from the catalog dies with it. */
ITSS_API void itss_catalog_free(itss_catalog *cat);

/* The edition, e.g. "GB/T 29264-2012". Borrowed. NULL if cat is NULL. */
ITSS_API const char *itss_catalog_edition(const itss_catalog *cat);

/* The catalog's title in a language. Borrowed. NULL for bad arguments. */
ITSS_API const char *itss_catalog_title(const itss_catalog *cat, itss_lang lang);

/* Number of classes; the classes are indexed 0..count-1 in code order
 * (which is also a pre-order walk of the tree). 0 if cat is NULL. */
ITSS_API size_t itss_catalog_class_count(const itss_catalog *cat);

/* The class at an index in code order. Borrowed. NULL if out of range. */
ITSS_API const itss_class *itss_catalog_class_at(const itss_catalog *cat, size_t i);

/* Number of top-level (2-digit) classes, and the i-th of them in code order
 * (borrowed; NULL if out of range). */
ITSS_API size_t itss_catalog_top_count(const itss_catalog *cat);
ITSS_API const itss_class *itss_catalog_top_at(const itss_catalog *cat, size_t i);

/* ---- lookup and validation ----------------------------------------- */

/* Find the class with exactly this code. *out is borrowed from cat.
 * On failure *out is NULL and err says why, naming the code.
 * Errors: ITSS_EINVAL (NULL argument), ITSS_EVALUE (empty, non-digit or bad
 * length: the code cannot exist), ITSS_ENOTFOUND (well formed but unknown,
 * or a prefix is unknown). */
ITSS_API int itss_class_lookup(const itss_catalog *cat, const char *code,
                               const itss_class **out, itss_error *err);

/* Check a code and report the first problem found, in this order: empty,
 * not digits, bad length, unknown parent, unknown code. If problem is not
 * NULL it receives the verdict (ITSS_CODE_OK when valid).
 * Returns 0 when valid; ITSS_EVALUE for EMPTY, NOT_DIGITS and BAD_LENGTH;
 * ITSS_ENOTFOUND for UNKNOWN_PARENT and UNKNOWN; ITSS_EINVAL when cat or
 * code is NULL (problem is then left unchanged). */
ITSS_API int itss_code_validate(const itss_catalog *cat, const char *code,
                                itss_code_problem *problem, itss_error *err);

/* Stable identifier of a problem: "ok", "empty", "not_digits", "bad_length",
 * "unknown_parent", "unknown_code". NULL for a value outside the enum. */
ITSS_API const char *itss_code_problem_name(itss_code_problem problem);

/* ---- classes ---------------------------------------------------------
 * All getters accept NULL and then return NULL / 0. Strings are UTF-8 and
 * borrowed from the catalog. */

ITSS_API const char *itss_class_code(const itss_class *c);
/* 1, 2 or 3. */
ITSS_API int itss_class_level(const itss_class *c);
/* The parent class; NULL at level 1. */
ITSS_API const itss_class *itss_class_parent(const itss_class *c);
/* Name in the standard's words (ITSS_LANG_ZH) or libitss's English name. */
ITSS_API const char *itss_class_name(const itss_class *c, itss_lang lang);
/* Short description written by libitss (not the standard's text). */
ITSS_API const char *itss_class_description(const itss_class *c, itss_lang lang);
/* What the standard's table says the class includes / excludes, summarised;
 * NULL when the table says nothing. */
ITSS_API const char *itss_class_includes(const itss_class *c, itss_lang lang);
ITSS_API const char *itss_class_excludes(const itss_class *c, itss_lang lang);
/* 1 for a catch-all class ("other ..."), else 0. */
ITSS_API int itss_class_is_catch_all(const itss_class *c);
/* Where the class comes from (document and place). */
ITSS_API const char *itss_class_source(const itss_class *c);

/* Direct children in code order. */
ITSS_API size_t itss_class_child_count(const itss_class *c);
ITSS_API const itss_class *itss_class_child_at(const itss_class *c, size_t i);

/* List functions of the form f(c, buf, cap) write at most cap borrowed
 * pointers into buf (buf may be NULL when cap is 0) and return the total
 * number of results, so f(c, NULL, 0) sizes the buffer. */

/* Ancestors from the top-level class down to the parent (0, 1 or 2). */
ITSS_API size_t itss_class_ancestors(const itss_class *c, const itss_class **buf,
                                     size_t cap);
/* All descendants in code order (pre-order), not including c itself. */
ITSS_API size_t itss_class_descendants(const itss_class *c, const itss_class **buf,
                                       size_t cap);

/* ---- search ------------------------------------------------------------ */

/* Classes whose Chinese or English name contains text (UTF-8; ASCII letters
 * match case-insensitively; other characters exactly). Ranked: exact name
 * matches first, then names starting with text, then other substrings; code
 * order within a rank. Writes at most cap borrowed pointers into buf and the
 * total number of matches into *count (which may be 0).
 * Errors: ITSS_EINVAL (cat, text or count NULL; buf NULL with cap > 0),
 * ITSS_EVALUE (text empty, only spaces, or not valid UTF-8). */
ITSS_API int itss_class_search(const itss_catalog *cat, const char *text,
                               const itss_class **buf, size_t cap, size_t *count,
                               itss_error *err);

/* ---- crosswalks ------------------------------------------------------
 * Informative mappings of libitss's own to other schemes; the built-in
 * catalog has "gbt4754" (GB/T 4754-2017 division 65) and "db21"
 * (DB21/T 1799.1 information-service classes). */

ITSS_API size_t itss_catalog_crosswalk_count(const itss_catalog *cat);
ITSS_API const itss_crosswalk *itss_catalog_crosswalk_at(const itss_catalog *cat,
                                                         size_t i);
/* Find a crosswalk of cat by id. *out is borrowed from cat; NULL on failure.
 * Errors: ITSS_EINVAL, ITSS_ENOTFOUND (the message lists the known ids). */
ITSS_API int itss_crosswalk_lookup(const itss_catalog *cat, const char *id,
                                   const itss_crosswalk **out, itss_error *err);

ITSS_API const char *itss_crosswalk_id(const itss_crosswalk *x);
/* The other scheme's designation, e.g. "GB/T 4754-2017". */
ITSS_API const char *itss_crosswalk_scheme(const itss_crosswalk *x);
ITSS_API const char *itss_crosswalk_name(const itss_crosswalk *x, itss_lang lang);

/* The classes of the other scheme that the crosswalk knows. */
ITSS_API size_t itss_crosswalk_target_count(const itss_crosswalk *x);
ITSS_API const itss_xtarget *itss_crosswalk_target_at(const itss_crosswalk *x,
                                                      size_t i);
/* Find a class of the other scheme by its code. *out is borrowed from the
 * crosswalk's catalog; NULL on failure. Errors: ITSS_EINVAL, ITSS_EVALUE
 * (empty code), ITSS_ENOTFOUND. */
ITSS_API int itss_xtarget_lookup(const itss_crosswalk *x, const char *code,
                                 const itss_xtarget **out, itss_error *err);
ITSS_API const char *itss_xtarget_code(const itss_xtarget *t);
ITSS_API const char *itss_xtarget_name(const itss_xtarget *t, itss_lang lang);
ITSS_API const char *itss_xtarget_source(const itss_xtarget *t);

/* The mappings of one code, in data order: with ITSS_FORWARD code is a
 * GB/T 29264 code, with ITSS_REVERSE a code of the other scheme. The code
 * is validated first (as itss_class_lookup / itss_xtarget_lookup); a valid
 * code with no mapping gives *count = 0 and success. Writes at most cap
 * borrowed pointers into buf and the total into *count.
 * Errors: ITSS_EINVAL (also for a direction outside the enum), ITSS_EVALUE,
 * ITSS_ENOTFOUND. */
ITSS_API int itss_crosswalk_map(const itss_crosswalk *x, itss_direction direction,
                                const char *code, const itss_xlink **buf, size_t cap,
                                size_t *count, itss_error *err);

ITSS_API const itss_class *itss_xlink_class(const itss_xlink *l);
ITSS_API const itss_xtarget *itss_xlink_target(const itss_xlink *l);
/* ITSS_REL_EXACT for NULL. */
ITSS_API itss_relation itss_xlink_relation(const itss_xlink *l);
/* Why the mapping was chosen; NULL when there is no note. */
ITSS_API const char *itss_xlink_note(const itss_xlink *l, itss_lang lang);

/* "exact", "narrower", "broader", "related"; NULL outside the enum. */
ITSS_API const char *itss_relation_name(itss_relation relation);

/* "forward", "reverse"; NULL outside the enum. */
ITSS_API const char *itss_direction_name(itss_direction direction);

/* ---- rendering and export -------------------------------------------
 * Each writes a caller-owned, NUL-terminated UTF-8 string to *out (free with
 * itss_free) and its length in bytes to *len when len is not NULL. _render
 * writes a view in any itss_format; JSON formats ignore lang (they carry
 * both languages). _export writes a document for itss_catalog_load, in the
 * JSON formats only. On failure *out is NULL.
 * Errors: ITSS_EINVAL (NULL argument, bad format or language), ITSS_ENOMEM,
 * plus those listed per function. The JSON shapes are in docs/json-formats.md
 * with JSON Schemas in docs/schema/. */

/* One class: JSON object, or a text block. */
ITSS_API int itss_class_render(const itss_class *c, itss_format format, itss_lang lang,
                               char **out, size_t *len, itss_error *err);

/* A list of classes (e.g. search results): JSON array of class objects, or
 * an aligned table. n may be 0 (list may then be NULL). */
ITSS_API int itss_class_list_render(const itss_class *const *list, size_t n,
                                    itss_format format, itss_lang lang, char **out,
                                    size_t *len, itss_error *err);

/* The whole catalog (root NULL) or the subtree under the class code root,
 * in code order, as a document for itss_catalog_load: {"format",
 * "edition", "title", "root" (subtrees), "classes": [...], "crosswalks":
 * [...]} (crosswalks only for the whole catalog). Export, load and export
 * again give the same bytes. format: ITSS_FORMAT_JSON or
 * ITSS_FORMAT_JSON_PRETTY. Extra errors: ITSS_EINVAL for the text format;
 * those of itss_class_lookup for root. */
ITSS_API int itss_catalog_export(const itss_catalog *cat, const char *root,
                                 itss_format format, char **out, size_t *len,
                                 itss_error *err);

/* The same selection as a view: JSON (the document of itss_catalog_export)
 * or a text table of code, level and name under the edition and title.
 * Extra errors: those of itss_class_lookup for root. */
ITSS_API int itss_catalog_render(const itss_catalog *cat, const char *root,
                                 itss_format format, itss_lang lang, char **out,
                                 size_t *len, itss_error *err);

/* The class tree, whole (root NULL) or from the class code root: JSON
 * {"edition", "tree": [nested objects with "children"]}, or an indented text
 * tree. Extra errors: those of itss_class_lookup for root. */
ITSS_API int itss_catalog_tree_render(const itss_catalog *cat, const char *root,
                                      itss_format format, itss_lang lang, char **out,
                                      size_t *len, itss_error *err);

/* Validate n codes and describe each verdict: JSON array of
 * {"input", "valid", "problem", "message"|"class"}, or a text table.
 * *invalid (if not NULL) receives how many codes were not valid. Invalid
 * codes are results, not errors: the function succeeds. */
ITSS_API int itss_code_validate_render(const itss_catalog *cat,
                                       const char *const *codes, size_t n,
                                       itss_format format, itss_lang lang,
                                       size_t *invalid, char **out, size_t *len,
                                       itss_error *err);

/* The mappings of one code read in a direction (as itss_crosswalk_map):
 * JSON {"crosswalk", "scheme", "direction", "code", "mappings"} or text.
 * Extra errors: those of itss_crosswalk_map. */
ITSS_API int itss_crosswalk_render(const itss_crosswalk *x, itss_direction direction,
                                   const char *code, itss_format format, itss_lang lang,
                                   char **out, size_t *len, itss_error *err);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_CLASSIFY_H */
