/*
 * libitss — the JSON layer. The only code that includes <jansson.h>.
 *
 * Reading: itss__jdoc_parse() parses a document with jansson (duplicate keys
 * rejected, size limited, BOM refused) and keeps the text so that a semantic
 * error found later can be located: the JSON Pointer of the offending value
 * is resolved against the text to give line, column and byte position.
 *
 * Writing: itss_jw writes JSON text directly (compact or pretty) with a fixed
 * key order and shortest round-trip numbers, so exports are byte-stable.
 */
#ifndef ITSS_JSON_INTERNAL_H
#define ITSS_JSON_INTERNAL_H

#include <jansson.h>

#include "../internal.h"

/* Documented input limits (docs/security.md). */
#define ITSS_MAX_DOCUMENT_BYTES ITSS_MAX_DOCUMENT_SIZE

/* ---- reading ------------------------------------------------------------ */

typedef struct itss_jdoc {
    const char *text; /* the document (not owned) */
    size_t len;
    json_t *root;     /* owned */
    itss_error *err;  /* may be NULL */
    /* current JSON Pointer while validating */
    char *path;
    size_t plen;
    size_t pcap;
    int path_oom;
} itss_jdoc;

/* Parse text[0..len) into doc->root. Expects an object at the top level.
 * On failure fills err (code, message, location) and returns its code;
 * doc needs itss__jdoc_close() in every case. */
int itss__jdoc_parse(itss_jdoc *doc, const char *text, size_t len, itss_error *err);
void itss__jdoc_close(itss_jdoc *doc);

/* Path stack: push returns a mark to pop back to. */
size_t itss__jpath_key(itss_jdoc *doc, const char *key);
size_t itss__jpath_index(itss_jdoc *doc, size_t index);
void itss__jpath_pop(itss_jdoc *doc, size_t mark);

/* Fail at the current path: fills err with code, message and the location
 * of the value at the path (at_key: of its key instead, for key problems).
 * Returns code. */
int itss__jfail(itss_jdoc *doc, int code, int at_key, const char *fmt, ...)
    ITSS_PRINTF(4, 5);

/* The same for the member `key` of the object at the current path. */
int itss__jfail_key(itss_jdoc *doc, const char *key, int code, int at_key, const char *fmt,
                    ...) ITSS_PRINTF(5, 6);

#ifdef __clang_analyzer__
/* The analyzer does not follow variadic calls: tell it they return code. */
#  define itss__jfail(doc, code, ...) ({ itss__jfail(doc, code, __VA_ARGS__); (code); })
#  define itss__jfail_key(doc, key, code, ...) \
      ({ itss__jfail_key(doc, key, code, __VA_ARGS__); (code); })
#endif

/* How deep arrays and objects may nest (docs/security.md): the parser's
 * limit, which the syntax scan below follows. */
#define ITSS_JSON_MAX_DEPTH JSON_PARSER_MAX_DEPTH

enum {
    ITSS_JSYNTAX_OK,    /* no problem up to the end of the document */
    ITSS_JSYNTAX_ERROR, /* a syntax error at `at`, described by `message` */
    ITSS_JSYNTAX_DEEP,  /* the token at `at` goes past ITSS_JSON_MAX_DEPTH */
    ITSS_JSYNTAX_KEY    /* the key that reaches stop_at starts at `at` */
};

#define ITSS_JSYNTAX_MESSAGE_SIZE 200

typedef struct itss_jsyntax {
    int kind;
    size_t at; /* byte offset; the document's length for its end */
    char message[ITSS_JSYNTAX_MESSAGE_SIZE]; /* ITSS_JSYNTAX_ERROR: one line */
    size_t dropped; /* NUL bytes before `at` that jansson's reader drops */
} itss_jsyntax;

/* Read text[0..len) as JSON from the start (lib/json/jsyntax.c) and stop at
 * the first problem: a token that is not valid JSON, located at its start
 * (a string's problems at its opening quote, a missing token at the end of
 * the document), or nesting past the limit. With stop_at > 0 it stops
 * instead at the first object key that ends at or after jansson's position
 * stop_at (a byte offset less `dropped`).
 * Duplicate keys are not looked for. Returns out->kind. */
int itss__json_syntax(const char *text, size_t len, size_t stop_at, itss_jsyntax *out);

/* Byte offset of the value (or, with at_key, of the member's key) that the
 * JSON Pointer names inside valid JSON text; (size_t)-1 if it cannot be
 * found. Iterative: safe for any nesting depth. */
size_t itss__json_locate(const char *text, size_t len, const char *pointer, int at_key);

/* Name of a JSON value's type for messages ("string", "number", ...). */
const char *itss__jtype(const json_t *v);

/* Typed access at the current path. Each pushes the key, checks, pops, and
 * fails with ITSS_ESCHEMA naming the expected type. Missing optional keys
 * leave *out untouched and return 0. */
int itss__jkeys(itss_jdoc *doc, json_t *obj, const char *const *allowed);
int itss__jget_object(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      json_t **out);
int itss__jget_array(itss_jdoc *doc, json_t *obj, const char *key, int required,
                     json_t **out);
/* Strings must be non-empty unless allow_empty. */
int itss__jget_string(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      int allow_empty, const char **out);
int itss__jget_bool(itss_jdoc *doc, json_t *obj, const char *key, int required,
                    int *out);
/* 1 if v is a number with a whole value (5 and 5.0 alike, as JSON does
 * not tell them apart); *out receives it, clamped to the long long range. */
/* A number (integer or not); *out untouched when absent and optional. */
int itss__jget_number(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      double *out);
int itss__jwhole(const json_t *v, long long *out);

int itss__jget_int(itss_jdoc *doc, json_t *obj, const char *key, int required,
                   long long min, long long max, long long *out);
/* An array with at most max entries (ITSS_ELIMIT beyond); *n its length
 * (0 when absent). */
int itss__jget_array_max(itss_jdoc *doc, json_t *obj, const char *key, int required,
                         size_t max, json_t **out, size_t *n);
/* A required identifier (itss__valid_id), ITSS_EVALUE otherwise. */
int itss__jget_id(itss_jdoc *doc, json_t *obj, const char *key, const char **out);
/* An optional non-empty string copied into the arena (*out untouched when
 * absent). */
int itss__jget_string_copy(itss_jdoc *doc, itss_arena *arena, json_t *obj, const char *key,
                           char **out);
/* The optional metadata strings keys[0..n) of obj, copied into the unset
 * meta[0..n) (lib/meta.c; empty strings allowed). */
int itss__jget_meta(itss_jdoc *doc, json_t *obj, const char *const *keys, int n, char **meta);
/* A {"zh": "...", "en": "..."} object; both required, non-empty; copied
 * into the arena. */
int itss__jget_text2(itss_jdoc *doc, json_t *obj, const char *key, int required,
                     itss_arena *arena, char *out[2]);
/* An optional array of at most max {zh, en} texts: *out (arena memory)
 * and *n, untouched when absent. */
int itss__jget_text2_list(itss_jdoc *doc, json_t *obj, const char *key, size_t max,
                          itss_arena *arena, char *(**out)[2], size_t *n);

/* Parse text (an object document) and hand it to build(doc, ctx); the
 * document is closed afterwards. Returns the first error. */
int itss__jdoc_load(const char *text, size_t len, itss_error *err,
                    int (*build)(itss_jdoc *doc, void *ctx), void *ctx);

/* Where a check lists every problem of a document (problems given): the
 * problem rc (described in err) of one value is recorded, and the loader
 * goes on to the next value (returns 0). Returns rc unchanged without a
 * list, for 0 and for ITSS_ENOMEM; ITSS_ENOMEM when recording fails. */
int itss__jkeep(itss_problem_list *problems, const itss_error *err, int rc);

/* itss__jdoc_load for a check: a document that does not parse, or a
 * problem that stops build, is one more problem in the list; fails only
 * with ITSS_ENOMEM (in err). */
int itss__jdoc_check(const char *text, size_t len, itss_problem_list *problems, itss_error *err,
                     int (*build)(itss_jdoc *doc, void *ctx), void *ctx);

/* Read the file at path and hand its text to load(text, len, ctx, err). */
int itss__load_path(const char *path, itss_error *err,
                    int (*load)(const char *text, size_t len, void *ctx, itss_error *err),
                    void *ctx);

/* Read a whole file into a malloc'd buffer (NUL-terminated, not counted in
 * *len). Errors: ITSS_EIO with the path and strerror, ITSS_ELIMIT. */
int itss__read_file(const char *path, char **out, size_t *len, itss_error *err);

/* ---- writing ------------------------------------------------------------ */

#define ITSS_JW_MAX_DEPTH 32

typedef struct itss_jw {
    itss_buf *b;
    int pretty;
    int depth;
    int count[ITSS_JW_MAX_DEPTH]; /* members written at each depth */
    int after_key;
    int beyond; /* containers opened past the limit (the buffer is broken) */
} itss_jw;

void itss__jw_init(itss_jw *w, itss_buf *b, int pretty);
void itss__jw_obj(itss_jw *w);
void itss__jw_obj_end(itss_jw *w);
void itss__jw_arr(itss_jw *w);
void itss__jw_arr_end(itss_jw *w);
void itss__jw_key(itss_jw *w, const char *key);
/* Strings: invalid UTF-8 is replaced by U+FFFD. NULL writes null. */
void itss__jw_str(itss_jw *w, const char *s);
void itss__jw_strn(itss_jw *w, const char *s, size_t n);
void itss__jw_int(itss_jw *w, long long v);
/* Non-finite values are written as null. */
void itss__jw_num(itss_jw *w, double v);
void itss__jw_bool(itss_jw *w, int v);
void itss__jw_null(itss_jw *w);
/* {"zh": t[0], "en": t[1]} */
void itss__jw_text2(itss_jw *w, char *const t[2]);
/* Finish: a trailing newline in pretty mode. */
void itss__jw_end(itss_jw *w);

/* Shortcuts "key": value. */
void itss__jw_kstr(itss_jw *w, const char *key, const char *s);
void itss__jw_kint(itss_jw *w, const char *key, long long v);
void itss__jw_knum(itss_jw *w, const char *key, double v);
void itss__jw_kbool(itss_jw *w, const char *key, int v);
void itss__jw_ktext2(itss_jw *w, const char *key, char *const t[2]);
/* "keys[k]": meta[k] for each set value. */
void itss__jw_meta(itss_jw *w, const char *const *keys, int n, char *const *meta);

#endif /* ITSS_JSON_INTERNAL_H */
