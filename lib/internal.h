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

/* ---- argument checks ---------------------------------------------------
 * Every public function checks its arguments through these macros, so that
 * every ITSS_EINVAL message has one form and names the function and the
 * argument: "itss_class_lookup: code is NULL". They return from the calling
 * function. */

/* Fill err with ITSS_EINVAL and "<fn>: <formatted text>"; returns
 * ITSS_EINVAL. */
int itss__einval(itss_error *err, const char *fn, const char *fmt, ...) ITSS_PRINTF(3, 4);

/* Fail unless cond holds; the rest is the message after "<function>: ". */
#define ITSS_CHECK(err, cond, ...)                                                \
    do {                                                                          \
        if (!(cond))                                                              \
            return itss__einval((err), __func__, __VA_ARGS__);                    \
    } while (0)

/* Fail when a pointer argument is NULL ("<function>: <arg> is NULL"). */
#define ITSS_CHECK_ARG(err, arg) ITSS_CHECK(err, (arg) != NULL, "%s is NULL", #arg)

/* An out-parameter: checked first, then set to NULL, so that every later
 * failure leaves *out NULL. */
#define ITSS_CHECK_OUT(err, out)                                                  \
    do {                                                                          \
        ITSS_CHECK_ARG(err, out);                                                 \
        *(out) = NULL;                                                            \
    } while (0)

static inline int itss__lang_ok(itss_lang lang)
{
    return lang == ITSS_LANG_ZH || lang == ITSS_LANG_EN;
}

static inline int itss__format_ok(itss_format format)
{
    return format == ITSS_FORMAT_JSON || format == ITSS_FORMAT_JSON_PRETTY ||
           format == ITSS_FORMAT_TEXT;
}

/* The common arguments of the _render functions: out (checked and set to
 * NULL first), a known format and a known language. */
#define ITSS_CHECK_RENDER(err, format, lang, out)                                 \
    do {                                                                          \
        ITSS_CHECK_OUT(err, out);                                                 \
        ITSS_CHECK(err, itss__format_ok(format),                                  \
                   "format %d: this function writes ITSS_FORMAT_JSON, "           \
                   "ITSS_FORMAT_JSON_PRETTY or ITSS_FORMAT_TEXT",                 \
                   (int)(format));                                                \
        ITSS_CHECK(err, itss__lang_ok(lang), "lang %d is not an itss_lang", (int)(lang)); \
    } while (0)

/* A format as a bit of a set of formats. */
#define ITSS_FORMAT_BIT(f) (1u << (unsigned)(f))
/* The three formats every _render writes. */
#define ITSS_FORMATS_BASIC                                                        \
    (ITSS_FORMAT_BIT(ITSS_FORMAT_JSON) | ITSS_FORMAT_BIT(ITSS_FORMAT_JSON_PRETTY) | \
     ITSS_FORMAT_BIT(ITSS_FORMAT_TEXT))

/* ITSS_CHECK_RENDER for a _render that writes the formats of the set
 * formats (ITSS_FORMATS_BASIC | ITSS_FORMAT_BIT(ITSS_FORMAT_HTML) ...);
 * names names them in the message ("JSON, text, HTML or SVG"). */
#define ITSS_CHECK_RENDER_IN(err, format, lang, out, formats, names)              \
    do {                                                                          \
        ITSS_CHECK_OUT(err, out);                                                 \
        ITSS_CHECK(err, (unsigned)(format) < 32u &&                               \
                            ((formats) & ITSS_FORMAT_BIT(format)) != 0,           \
                   "format %d: this function writes %s", (int)(format), names);   \
        ITSS_CHECK(err, itss__lang_ok(lang), "lang %d is not an itss_lang", (int)(lang)); \
    } while (0)

/* The common arguments of the _export functions: out, and a JSON format
 * (an export is a document to load back, never a text view). */
#define ITSS_CHECK_EXPORT(err, format, out)                                       \
    do {                                                                          \
        ITSS_CHECK_OUT(err, out);                                                 \
        ITSS_CHECK(err, (format) == ITSS_FORMAT_JSON || (format) == ITSS_FORMAT_JSON_PRETTY, \
                   "format %d: an export is JSON (ITSS_FORMAT_JSON or "            \
                   "ITSS_FORMAT_JSON_PRETTY); the _render functions write text",  \
                   (int)(format));                                                \
    } while (0)

/* Append s to the string in dst (size bytes in all): as much as fits,
 * always NUL-terminated. */
void itss__str_append(char *dst, size_t size, const char *s);

/* Copy a JSON Pointer into err->path, truncating with "..." if needed. */
void itss__err_set_path(itss_error *err, const char *path);

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
    int broken; /* a writer broke an invariant of its own (ITSS_EINTERNAL) */
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
void itss__buf_vprintf(itss_buf *b, const char *fmt, va_list ap) ITSS_PRINTF(2, 0);
/* Append n spaces. */
void itss__buf_pad(itss_buf *b, size_t n);
/* Append untrusted text (a name, a title, metadata) as words on one line:
 * runs of white space and control characters become one space, none at
 * either end, so that no value read from a document can start a line of
 * its own or send a terminal an escape sequence. NULL appends nothing.
 * Returns the number of bytes appended. lib/table.c. */
size_t itss__buf_put_words(itss_buf *b, const char *s);
/* "a c\n", both as words (itss__buf_put_words): a report's first line. */
void itss__buf_put_heading(itss_buf *b, const char *a, const char *c);
/* Hand the NUL-terminated contents to the caller (*out, *len may be NULL).
 * Returns 0, or (and frees the buffer) ITSS_ENOMEM after a failed append
 * or ITSS_EINTERNAL after a writer marked the buffer broken. */
int itss__buf_finish(itss_buf *b, char **out, size_t *len, itss_error *err);

/* ---- messages in a language ---------------------------------------------
 * lib/msg/message.c: the catalog of the library's messages (the .inc files
 * of lib/msg/) and their recognition in English text. */

/* Append a message the library wrote in English, in lang: for Chinese, the
 * kind of message is recognised and written from its Chinese template
 * (itss_error_message); a text no entry matches, and any text in English,
 * is appended as it is. NULL appends nothing; out of memory sets the
 * buffer's oom flag. */
void itss__msg_put(itss_buf *b, const char *english, itss_lang lang);
/* The message of an error record in lang (itss__msg_put), except that a
 * message cut at the record's size is appended as it is. */
void itss__msg_put_record(itss_buf *b, const itss_error *e, itss_lang lang);

/* ---- text tables --------------------------------------------------------
 * The rows of a text report are collected first and written at the end, so
 * that every column can be as wide as its widest cell (display width, see
 * itss__display_width): columns are separated by two spaces, the last one is
 * not padded and no line ends in spaces. Cells are copied; inside a cell,
 * runs of white space and control characters become one space, and an empty
 * or missing cell is written as "-", so two spaces always separate columns
 * and every row shows every column. Failures to allocate set the output
 * buffer's oom flag, like its appends. lib/table.c.
 *
 *     itss_table t;
 *     itss__table_init(&t, b, 2);      two spaces before the first column
 *     itss__table_row(&t, 0);
 *     itss__table_cell(&t, "Code");
 *     itss__table_cellf(&t, "%d", level);
 *     itss__table_end(&t);             writes the table into b, frees it */
typedef struct itss_table_item itss_table_item;
typedef struct itss_table {
    itss_buf *out;          /* where the table goes */
    size_t indent;          /* spaces before the first column */
    itss_buf text;          /* the cells and lines, each NUL-terminated */
    itss_table_item *items; /* rows, cells and lines in order */
    size_t n, cap;
} itss_table;

void itss__table_init(itss_table *t, itss_buf *out, size_t indent);
/* Start a row; its first cell is indented by indent more spaces (a level in
 * a hierarchy), which counts in the first column's width. */
void itss__table_row(itss_table *t, size_t indent);
/* Add a cell to the current row. */
void itss__table_cell(itss_table *t, const char *s);
void itss__table_cellf(itss_table *t, const char *fmt, ...) ITSS_PRINTF(2, 3);
/* A line of free text between the rows (a heading, a note), not measured:
 * it starts indent spaces after the start of column col. "" writes an
 * empty line. */
void itss__table_line(itss_table *t, size_t col, size_t indent, const char *s);
/* Write the table into the output buffer and free it. */
void itss__table_end(itss_table *t);

/* ---- strings and UTF-8 -------------------------------------------------- */

char *itss__strdup(const char *s);
char *itss__strndup(const char *s, size_t n);

/* Decode one UTF-8 sequence at s (n bytes available). Returns its length and
 * the code point in *cp, or 0 if the bytes there are not valid UTF-8
 * (overlong, a surrogate, beyond U+10FFFF, cut short). */
size_t itss__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

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

/* A malloc'd copy of s, valid UTF-8: every byte that does not start a
 * valid UTF-8 character is written as \xNN, the rest kept; NULL when out
 * of memory. */
char *itss__utf8_dup(const char *s);

/* itss__quote of a NUL-terminated string, at most 40 characters; returns
 * dst, so that it can be used as a printf argument. */
const char *itss__shown(char *dst, size_t dstsize, const char *s);

/* An identifier of libitss documents (clause, domain, indicator ids):
 * 1 to 64 of A-Z a-z 0-9 . _ - */
int itss__valid_id(const char *s);

/* ASCII-only lower-casing copy (other bytes unchanged); NULL on ENOMEM. */
char *itss__ascii_lower(const char *s);

/* The text of a search: checked to be UTF-8, ASCII spaces and tabs
 * trimmed, ASCII-lower-cased, in a malloc'd copy (*out, its length in
 * *len). Errors: ITSS_EVALUE (not UTF-8, or nothing but spaces),
 * ITSS_ENOMEM. */
int itss__search_text(const char *text, char **out, size_t *len, itss_error *err);

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

/* ---- index of keys ------------------------------------------------------
 * What the loaders use to find a repeated id, or the element a reference
 * names, in constant expected time, so that reading a document takes time
 * linear in its size: a hash set of byte strings (keyed by a secret of its
 * own, so that no document can make its keys collide), each added with the
 * position of its element. Keys are borrowed: they must stay in place while
 * the index is used. lib/index.c.
 *
 *     itss_index ix;
 *     itss__index_init(&ix);           empty, allocates nothing yet
 *     itss__index_add_str(&ix, id, i, &first)   1: id was added before, at first
 *     itss__index_find_str(&ix, id)    its position, or (size_t)-1
 *     itss__index_free(&ix); */
typedef struct itss_index_slot itss_index_slot;
typedef struct itss_index {
    itss_index_slot *slots;
    size_t cap; /* slots: 0 or a power of two */
    size_t n;   /* keys */
    unsigned gen;
    uint64_t secret[2];
} itss_index;

void itss__index_init(itss_index *ix);
void itss__index_free(itss_index *ix);
/* Forget every key in constant time (the memory is kept for the next). */
void itss__index_clear(itss_index *ix);
/* Add key[0..len) at position pos: 0 when added; 1 when an equal key is
 * there already (*prev, if not NULL, receives its position; nothing is
 * added); ITSS_ENOMEM. */
int itss__index_add(itss_index *ix, const void *key, size_t len, size_t pos, size_t *prev);
/* The position of key[0..len), or (size_t)-1. */
size_t itss__index_find(const itss_index *ix, const void *key, size_t len);

/* The first element of list[0..n) (in its order) whose key repeats the
 * key of an earlier one: key(list, i, &len) gives element i's. Returns 1
 * and its position in *dup, 0 when no key repeats, or ITSS_ENOMEM. */
int itss__index_first_repeat(const void *list, size_t n,
                             const void *(*key)(const void *list, size_t i, size_t *len),
                             size_t *dup);

static inline int itss__index_add_str(itss_index *ix, const char *key, size_t pos, size_t *prev)
{
    return itss__index_add(ix, key, strlen(key), pos, prev);
}

static inline size_t itss__index_find_str(const itss_index *ix, const char *key)
{
    return itss__index_find(ix, key, strlen(key));
}

#endif /* ITSS_INTERNAL_H */
