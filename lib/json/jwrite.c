/* libitss — JSON writing with a fixed layout (compact or two-space pretty). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "json_internal.h"

void itss__jw_init(itss_jw *w, itss_buf *b, int pretty)
{
    memset(w, 0, sizeof *w);
    w->b = b;
    w->pretty = pretty;
}

static void newline(itss_jw *w)
{
    if (!w->pretty)
        return;
    itss__buf_putc(w->b, '\n');
    itss__buf_pad(w->b, (size_t)w->depth * 2);
}

/* Called before every value or key: separators and indentation. */
static void before_item(itss_jw *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth == 0)
        return;
    if (w->count[w->depth]++ > 0)
        itss__buf_putc(w->b, ',');
    newline(w);
}

static void jw_open(itss_jw *w, char c)
{
    if (w->b->broken) {
        w->beyond++;
        return;
    }
    before_item(w);
    itss__buf_putc(w->b, c);
    if (w->depth + 1 >= ITSS_JW_MAX_DEPTH) {
        /* libitss's own shapes never nest this deep: a bug. The output is
         * dropped (ITSS_EINTERNAL); the depth stays in range. */
        w->b->broken = 1;
        w->beyond++;
        return;
    }
    w->depth++;
    w->count[w->depth] = 0;
}

static void jw_close(itss_jw *w, char c)
{
    if (w->beyond) {
        w->beyond--;
        return;
    }
    if (w->depth == 0) {
        w->b->broken = 1; /* more closed than opened: a bug */
        return;
    }
    int had = w->count[w->depth] > 0;
    w->depth--;
    if (had)
        newline(w);
    itss__buf_putc(w->b, c);
}

void itss__jw_obj(itss_jw *w) { jw_open(w, '{'); }
void itss__jw_obj_end(itss_jw *w) { jw_close(w, '}'); }
void itss__jw_arr(itss_jw *w) { jw_open(w, '['); }
void itss__jw_arr_end(itss_jw *w) { jw_close(w, ']'); }

/* Bytes that can be copied as they are: printable ASCII but " and \. */
static const unsigned char plain[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(0), R16(0), /* 0x00-0x1F: control characters */
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20-0x2F: '"' is 0x22 */
    R16(1), R16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50-0x5F: '\\' is 0x5C */
    R16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, /* 0x70-0x7F: DEL */
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), /* 0x80-0xFF */
#undef R16
};

/* Length of the valid UTF-8 sequence at s[0..n), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c >= 0xC2 && c <= 0xDF)
        return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0; /* overlong, or a surrogate */
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0; /* overlong, or beyond U+10FFFF */
        return 4;
    }
    return 0;
}

/* "s" followed by tail (a short constant), when every byte of s is plain
 * and the buffer has room: one copy, the common case. Returns 0 (and
 * writes nothing) otherwise. */
static int write_plain(itss_buf *b, const char *s, size_t n, const char *tail, size_t tn)
{
    const unsigned char *p = (const unsigned char *)s;
    if (b->cap - b->len <= n + 2 + tn)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!plain[p[i]])
            return 0;
    char *d = b->data + b->len;
    d[0] = '"';
    memcpy(d + 1, s, n);
    d[n + 1] = '"';
    memcpy(d + n + 2, tail, tn);
    b->len += n + 2 + tn;
    b->data[b->len] = 0;
    return 1;
}

static void write_string(itss_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    if (write_plain(b, s, n, "", 0))
        return;
    size_t i = 0;
    while (i < n && plain[p[i]])
        i++;
    itss__buf_putc(b, '"');
    size_t run = 0; /* start of a run of bytes copied as they are */
    while (i < n) {
        unsigned char c = p[i];
        if (plain[c]) {
            i++;
            continue;
        }
        if (c >= 0x80) {
            size_t k = utf8_seq(p + i, n - i);
            if (k) {
                i += k;
                continue;
            }
        }
        const char *esc;
        char ubuf[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
            if (c >= 0x80) {
                esc = "\xEF\xBF\xBD"; /* U+FFFD for a byte that is not UTF-8 */
            } else {
                memcpy(ubuf, "\\u00", 4);
                ubuf[4] = hex[c >> 4];
                ubuf[5] = hex[c & 15];
                ubuf[6] = 0;
                esc = ubuf;
            }
        }
        itss__buf_append(b, s + run, i - run);
        itss__buf_puts(b, esc);
        run = ++i;
    }
    itss__buf_append(b, s + run, n - run);
    itss__buf_putc(b, '"');
}

void itss__jw_key(itss_jw *w, const char *key)
{
    before_item(w);
    size_t n = strlen(key);
    if (!write_plain(w->b, key, n, ": ", w->pretty ? 2 : 1)) {
        write_string(w->b, key, n);
        itss__buf_puts(w->b, w->pretty ? ": " : ":");
    }
    w->after_key = 1;
}

void itss__jw_strn(itss_jw *w, const char *s, size_t n)
{
    before_item(w);
    write_string(w->b, s, n);
}

void itss__jw_str(itss_jw *w, const char *s)
{
    if (!s) {
        itss__jw_null(w);
        return;
    }
    itss__jw_strn(w, s, strlen(s));
}

void itss__jw_int(itss_jw *w, long long v)
{
    before_item(w);
    char tmp[24], *e = tmp + sizeof tmp, *q = e;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--q = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--q = '-';
    itss__buf_append(w->b, q, (size_t)(e - q));
}

void itss__jw_num(itss_jw *w, double v)
{
    if (!isfinite(v)) {
        itss__jw_null(w);
        return;
    }
    before_item(w);
    char tmp[40];
    size_t n = itss__format_double(tmp, sizeof tmp, v);
    itss__buf_append(w->b, tmp, n);
}

void itss__jw_bool(itss_jw *w, int v)
{
    before_item(w);
    itss__buf_puts(w->b, v ? "true" : "false");
}

void itss__jw_null(itss_jw *w)
{
    before_item(w);
    itss__buf_puts(w->b, "null");
}

void itss__jw_text2(itss_jw *w, char *const t[2])
{
    itss__jw_obj(w);
    itss__jw_kstr(w, "zh", t[0]);
    itss__jw_kstr(w, "en", t[1]);
    itss__jw_obj_end(w);
}

void itss__jw_end(itss_jw *w)
{
    if (w->pretty)
        itss__buf_putc(w->b, '\n');
}

void itss__jw_kstr(itss_jw *w, const char *key, const char *s)
{
    itss__jw_key(w, key);
    itss__jw_str(w, s);
}

void itss__jw_kint(itss_jw *w, const char *key, long long v)
{
    itss__jw_key(w, key);
    itss__jw_int(w, v);
}

void itss__jw_knum(itss_jw *w, const char *key, double v)
{
    itss__jw_key(w, key);
    itss__jw_num(w, v);
}

void itss__jw_kbool(itss_jw *w, const char *key, int v)
{
    itss__jw_key(w, key);
    itss__jw_bool(w, v);
}

void itss__jw_ktext2(itss_jw *w, const char *key, char *const t[2])
{
    itss__jw_key(w, key);
    itss__jw_text2(w, t);
}

void itss__jw_meta(itss_jw *w, const char *const *keys, int n, char *const *meta)
{
    for (int k = 0; k < n; k++)
        if (meta[k])
            itss__jw_kstr(w, keys[k], meta[k]);
}
