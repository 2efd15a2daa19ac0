/* A growable text buffer for the tests that build large documents in
 * memory, and the check of an error's code, path and location. */
#ifndef ITSS_TESTS_TEXTBUF_H
#define ITSS_TESTS_TEXTBUF_H

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#define NO_LOC ((size_t)-1)

/* ---- a growable text buffer ------------------------------------------------ */

typedef struct {
    char *s;
    size_t n, cap;
} sb;

static inline void sb_reserve(sb *b, size_t more)
{
    if (b->n + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + more + 1)
        cap *= 2;
    char *p = realloc(b->s, cap);
    ck_assert_ptr_nonnull(p);
    b->s = p;
    b->cap = cap;
}

static inline void sb_put(sb *b, const char *t, size_t k)
{
    sb_reserve(b, k);
    memcpy(b->s + b->n, t, k);
    b->n += k;
    b->s[b->n] = 0;
}

static inline void sb_puts(sb *b, const char *t) { sb_put(b, t, strlen(t)); }

static inline void sb_printf(sb *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    ck_assert(k >= 0 && (size_t)k < sizeof tmp);
    sb_put(b, tmp, (size_t)k);
}

/* Append k copies of the text t, by doubling. */
static inline void sb_repeat(sb *b, const char *t, size_t k)
{
    size_t n = strlen(t), start = b->n;
    if (!k)
        return;
    sb_reserve(b, n * k);
    memcpy(b->s + start, t, n);
    for (size_t have = n; have < n * k; have *= 2)
        memcpy(b->s + start + have, b->s + start, have * 2 <= n * k ? have : n * k - have);
    b->n += n * k;
    b->s[b->n] = 0;
}

static inline void sb_fill(sb *b, char c, size_t k)
{
    sb_reserve(b, k);
    memset(b->s + b->n, c, k);
    b->n += k;
    b->s[b->n] = 0;
}

/* ---- checking an error ------------------------------------------------------- */

/* The error must have the code, the path (NULL: not checked) and, unless
 * off is NO_LOC, the location of byte off of text: line and column
 * (1-based, code points) counted here. */
static inline void check_error(int rc, const itss_error *e, int code, const char *path,
                        const char *text, size_t off)
{
    ck_assert_msg(rc == code, "expected %s, got %s (%s)", itss_strerror_name(code),
                  itss_strerror_name(rc) ? itss_strerror_name(rc) : "0", e->message);
    ck_assert_int_eq(e->code, code);
    if (path)
        ck_assert_msg(strcmp(e->path, path) == 0, "path: expected \"%s\", got \"%s\" (%s)", path,
                      e->path, e->message);
    if (off == NO_LOC)
        return;
    size_t line = 1, col = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            line++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
    ck_assert_msg(e->line == line && e->column == col && e->position == off,
                  "location: expected %zu:%zu (byte %zu), got %zu:%zu (byte %zu): %s", line, col,
                  off, e->line, e->column, e->position, e->message);
}

#endif
