/* libitss — string buffer, UTF-8 and other small helpers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* ---- buffer ------------------------------------------------------------ */

void itss__buf_init(itss_buf *b) { memset(b, 0, sizeof *b); }

void itss__buf_free(itss_buf *b)
{
    free(b->data);
    itss__buf_init(b);
}

static int buf_reserve(itss_buf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = 1;
        return 0;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void itss__buf_append_slow(itss_buf *b, const char *s, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void itss__buf_puts(itss_buf *b, const char *s) { itss__buf_append(b, s, strlen(s)); }


void itss__buf_pad(itss_buf *b, size_t n)
{
    if (!buf_reserve(b, n))
        return;
    memset(b->data + b->len, ' ', n);
    b->len += n;
    b->data[b->len] = 0;
}

void itss__buf_vprintf(itss_buf *b, const char *fmt, va_list ap)
{
    char small[256];
    va_list again;
    va_copy(again, ap);
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): the caller's va_start */
    int n = vsnprintf(small, sizeof small, fmt, ap);
    if (n < 0) {
        b->oom = 1;
    } else if ((size_t)n < sizeof small) {
        itss__buf_append(b, small, (size_t)n);
    } else if (buf_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
        b->len += (size_t)n;
    }
    va_end(again);
}

void itss__buf_printf(itss_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itss__buf_vprintf(b, fmt, ap);
    va_end(ap);
}

int itss__buf_finish(itss_buf *b, char **out, size_t *len, itss_error *err)
{
    if (!b->oom && !b->data)
        buf_reserve(b, 0);
    if (b->oom || b->broken) {
        int broken = b->broken && !b->oom;
        itss__buf_free(b);
        if (out)
            *out = NULL;
        return broken ? itss__err(err, ITSS_EINTERNAL,
                                  "internal error: an output nested deeper than its writer "
                                  "allows (please report this)")
                      : itss__err(err, ITSS_ENOMEM, "out of memory while writing output");
    }
    if (out)
        *out = b->data;
    else
        free(b->data);
    if (len)
        *len = b->len;
    itss__buf_init(b);
    return ITSS_OK;
}

/* ---- strings ----------------------------------------------------------- */

char *itss__strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *itss__strdup(const char *s) { return itss__strndup(s, strlen(s)); }

char *itss__ascii_lower(const char *s)
{
    char *p = itss__strdup(s);
    if (!p)
        return NULL;
    for (char *q = p; *q; q++)
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q + 32);
    return p;
}

int itss__search_text(const char *text, char **out, size_t *len, itss_error *err)
{
    size_t n = strlen(text);
    *out = NULL;
    if (!itss__utf8_valid(text, n)) {
        char shown[160];
        itss__quote(shown, sizeof shown, text, n, 40);
        return itss__err(err, ITSS_EVALUE, "search text \"%s\" is not valid UTF-8", shown);
    }
    while (n && (*text == ' ' || *text == '\t')) {
        text++;
        n--;
    }
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        n--;
    if (!n)
        return itss__err(err, ITSS_EVALUE, "search text is empty");
    char *q = itss__strndup(text, n);
    if (!q)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    for (char *p = q; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p + 32);
    *out = q;
    *len = n;
    return ITSS_OK;
}

size_t itss__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

int itss__utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = itss__utf8_decode(p + i, n - i, &cp);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

static int is_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

static int is_zero_width(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200C ||
           cp == 0x200D || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F);
}

size_t itss__display_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s), i = 0, w = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = itss__utf8_decode(p + i, n - i, &cp);
        if (!k) {
            i++;
            w++;
            continue;
        }
        i += k;
        w += is_zero_width(cp) ? 0 : is_wide(cp) ? 2 : 1;
    }
    return w;
}

void itss__quote(char *dst, size_t dstsize, const char *s, size_t n, size_t maxchars)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0, i = 0, chars = 0;
    /* reserve room for "..." and the NUL */
    size_t limit = dstsize - 4;
    while (i < n) {
        char tmp[8];
        size_t tn;
        uint32_t cp;
        size_t k = itss__utf8_decode(p + i, n - i, &cp);
        if (chars >= maxchars)
            break;
        if (k == 0 || cp < 0x20 || cp == 0x7F) {
            snprintf(tmp, sizeof tmp, "\\x%02X", p[i]);
            tn = 4;
            k = 1;
        } else if (cp == '"' || cp == '\\') {
            tmp[0] = '\\';
            tmp[1] = (char)cp;
            tn = 2;
        } else {
            memcpy(tmp, p + i, k);
            tn = k;
        }
        if (o + tn > limit)
            break;
        memcpy(dst + o, tmp, tn);
        o += tn;
        i += k;
        chars++;
    }
    if (i < n) {
        memcpy(dst + o, "...", 3);
        o += 3;
    }
    dst[o] = 0;
}

char *itss__utf8_dup(const char *s)
{
    size_t n = strlen(s), o = 0;
    const unsigned char *p = (const unsigned char *)s;
    if (n > (SIZE_MAX - 1) / 4)
        return NULL;
    char *d = malloc(4 * n + 1);
    if (!d)
        return NULL;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = itss__utf8_decode(p + i, n - i, &cp);
        if (k == 0) {
            snprintf(d + o, 5, "\\x%02X", p[i]);
            o += 4;
            i++;
        } else {
            memcpy(d + o, p + i, k);
            o += k;
            i += k;
        }
    }
    d[o] = 0;
    return d;
}

const char *itss__shown(char *dst, size_t dstsize, const char *s)
{
    itss__quote(dst, dstsize, s, strlen(s), 40);
    return dst;
}

int itss__valid_id(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return 0;
    }
    return n >= 1 && n <= 64;
}

/* ---- arena ------------------------------------------------------------- */

struct itss_arena_block {
    itss_arena_block *next;
    size_t used;
    size_t cap;
    _Alignas(16) unsigned char data[];
};

#define ARENA_BLOCK 16384

void *itss__arena_alloc(itss_arena *a, size_t n)
{
    if (n > SIZE_MAX - 32)
        return NULL;
    n = (n + 15) & ~(size_t)15;
    itss_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a->head;
        b->used = 0;
        b->cap = cap;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

void *itss__arena_calloc(itss_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    size_t n = count * size;
    return itss__arena_alloc(a, n ? n : 1);
}

char *itss__arena_strndup(itss_arena *a, const char *s, size_t n)
{
    char *p = itss__arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *itss__arena_strdup(itss_arena *a, const char *s)
{
    return itss__arena_strndup(a, s, strlen(s));
}

void itss__arena_free(itss_arena *a)
{
    itss_arena_block *b = a->head;
    while (b) {
        itss_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}

void itss__str_append(char *dst, size_t size, const char *s)
{
    size_t have = strnlen(dst, size);
    if (have + 1 >= size)
        return;
    size_t n = strlen(s);
    if (n > size - have - 1)
        n = size - have - 1;
    memcpy(dst + have, s, n);
    dst[have + n] = 0;
}
