/*
 * libitss — internal helpers shared by the engines, the JSON layer and the
 * text renderers. Nothing here is exported: every symbol has hidden
 * visibility (the library is compiled with -fvisibility=hidden) and the
 * itss__ prefix.
 */
#ifndef ITSS_INTERNAL_H
#define ITSS_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "itss/common.h"

#if defined(__GNUC__)
#  define ITSS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define ITSS_PRINTF(f, a)
#endif

/* ---- errors --------------------------------------------------------- */

/* Clear an error record (no-op for NULL). */
void itss__err_clear(itss_error *err);

/* Fill err (if not NULL) with code and a formatted message, no location;
 * returns code so that callers can `return itss__err(...)`. */
int itss__err(itss_error *err, int code, const char *fmt, ...) ITSS_PRINTF(3, 4);
int itss__verr(itss_error *err, int code, const char *fmt, va_list ap);
#ifdef __clang_analyzer__
/* The analyzer does not follow variadic calls: tell it they return code. */
#  define itss__err(err, code, ...) ({ itss__err(err, code, __VA_ARGS__); (code); })
#endif

/* Append s to the string in dst (size bytes in all): as much as fits,
 * always NUL-terminated. */
void itss__str_append(char *dst, size_t size, const char *s);

/* Copy a JSON Pointer into err->path, truncating with "..." if needed. */
void itss__err_set_path(itss_error *err, const char *path);

/* The common arguments of the render functions: out not NULL (and set to
 * NULL), a known format and language. fn names the function in messages. */
int itss__check_render(const char *fn, itss_format format, itss_lang lang, char **out,
                       itss_error *err);

/* Set err's line/column/position from a byte offset into text. */
void itss__err_set_offset(itss_error *err, const char *text, size_t len, size_t offset);

/* ---- growable string buffer --------------------------------------------
 * Appends never fail loudly: on allocation failure the buffer remembers it
 * (oom = 1) and later appends do nothing; itss__buf_finish reports it. */
typedef struct itss_buf {
    char *data;
    size_t len;
    size_t cap;
    int oom;
} itss_buf;

void itss__buf_init(itss_buf *b);
void itss__buf_free(itss_buf *b);
/* The slow path of the appends: grow, then append. */
void itss__buf_append_slow(itss_buf *b, const char *s, size_t n);

static inline void itss__buf_append(itss_buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n) { /* room for the bytes and the NUL */
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = 0;
    } else {
        itss__buf_append_slow(b, s, n);
    }
}

static inline void itss__buf_putc(itss_buf *b, char c)
{
    if (b->cap - b->len > 1) {
        b->data[b->len++] = c;
        b->data[b->len] = 0;
    } else {
        itss__buf_append_slow(b, &c, 1);
    }
}

void itss__buf_puts(itss_buf *b, const char *s);
void itss__buf_printf(itss_buf *b, const char *fmt, ...) ITSS_PRINTF(2, 3);
/* Append n spaces. */
void itss__buf_pad(itss_buf *b, size_t n);
/* Hand the NUL-terminated contents to the caller (*out, *len may be NULL).
 * Returns 0, or ITSS_ENOMEM (and frees the buffer) after a failed append. */
int itss__buf_finish(itss_buf *b, char **out, size_t *len, itss_error *err);

/* ---- strings and UTF-8 -------------------------------------------------- */

char *itss__strdup(const char *s);
char *itss__strndup(const char *s, size_t n);

/* 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
int itss__utf8_valid(const char *s, size_t n);

/* Terminal display width of valid UTF-8 text: East Asian wide and
 * full-width characters count 2, combining marks 0, others 1. */
size_t itss__display_width(const char *s);

/* Write a printable, quoted rendering of untrusted bytes into dst (size
 * dstsize >= 8): valid printable UTF-8 is kept, control characters and
 * invalid bytes become \xNN, '"' and '\' are escaped, and long input is cut
 * at maxchars characters with "...". Always NUL-terminates. */
void itss__quote(char *dst, size_t dstsize, const char *s, size_t n, size_t maxchars);

/* itss__quote of a NUL-terminated string, at most 40 characters; returns
 * dst, so that it can be used as a printf argument. */
const char *itss__shown(char *dst, size_t dstsize, const char *s);

/* An identifier of libitss documents (clause, domain, indicator ids):
 * 1 to 64 of A-Z a-z 0-9 . _ - */
int itss__valid_id(const char *s);

/* ASCII-only lower-casing copy (other bytes unchanged); NULL on ENOMEM. */
char *itss__ascii_lower(const char *s);

/* Shortest decimal text that reads back as exactly d (locale-independent,
 * "%.17g" at most). d must be finite. Returns the length written.
 * lib/numfmt.c. */
size_t itss__format_double(char *dst, size_t dstsize, double d);

/* ---- metadata ---------------------------------------------------------
 * Assessments and evaluations carry a fixed list of free-text keys (keys[0..n)),
 * each with an optional value owned by the object (meta[k], NULL when unset).
 * lib/meta.c. */

/* Index of key in keys, or -1. */
int itss__meta_index(const char *const *keys, int n, const char *key);
/* Set (value non-NULL, valid UTF-8, copied) or clear (value NULL) key;
 * ITSS_EVALUE names an unknown key or invalid UTF-8, ITSS_ENOMEM. */
int itss__meta_set(char **meta, const char *const *keys, int n, const char *key,
                   const char *value, itss_error *err);
/* Copy the set values of src into the all-NULL dst: 0, or -1 when out of
 * memory (what was copied stays in dst for itss__meta_free). */
int itss__meta_copy(char **dst, char *const *src, int n);
void itss__meta_free(char **meta, int n);

/* ---- arena -----------------------------------------------------------
 * Objects that are built once and freed at once (models, catalogs) take
 * their memory from an arena; freeing the arena frees everything. */
typedef struct itss_arena_block itss_arena_block;
typedef struct itss_arena {
    itss_arena_block *head;
} itss_arena;

/* Zeroed, 16-byte aligned memory; NULL on ENOMEM (or n == 0 overflow). */
void *itss__arena_alloc(itss_arena *a, size_t n);
/* Zeroed array of count elements of size bytes; NULL on ENOMEM/overflow. */
void *itss__arena_calloc(itss_arena *a, size_t count, size_t size);
char *itss__arena_strdup(itss_arena *a, const char *s);
char *itss__arena_strndup(itss_arena *a, const char *s, size_t n);
void itss__arena_free(itss_arena *a);

/* ---- built-in objects ------------------------------------------------
 * Built once on first use, lock-free: if two threads race, both build, one
 * wins the compare-and-swap and the other destroys its copy. The object is
 * immutable from then on and lives until the process ends. */
typedef int (*itss_build_fn)(void **out, itss_error *err);
int itss__lazy_object(void *_Atomic *slot, itss_build_fn build, void (*destroy)(void *),
                      void **out, itss_error *err);

#endif /* ITSS_INTERNAL_H */
