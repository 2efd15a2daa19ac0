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
    before_item(w);
    itss__buf_putc(w->b, c);
    if (w->depth + 1 < ITSS_JW_MAX_DEPTH)
        w->depth++;
    else
        w->b->oom = 1; /* cannot happen with libitss's own shapes */
    w->count[w->depth] = 0;
}

static void jw_close(itss_jw *w, char c)
{
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

static void write_string(itss_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    itss__buf_putc(b, '"');
    size_t run = 0; /* start of a run of bytes copied as they are */
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        const char *esc = NULL;
        char ubuf[7];
        size_t skip = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\b')
            esc = "\\b";
        else if (c == '\f')
            esc = "\\f";
        else if (c < 0x20 || c == 0x7F) {
            memcpy(ubuf, "\\u00", 4);
            ubuf[4] = hex[c >> 4];
            ubuf[5] = hex[c & 15];
            ubuf[6] = 0;
            esc = ubuf;
        } else if (c >= 0x80) {
            /* length of a valid sequence here, else replace the byte */
            size_t k = 0;
            for (size_t len = 2; len <= 4 && i + len <= n; len++)
                if (itss__utf8_valid(s + i, len)) {
                    k = len;
                    break;
                }
            if (k) {
                i += k;
                continue;
            }
            esc = "\xEF\xBF\xBD"; /* U+FFFD */
        }
        if (esc) {
            itss__buf_append(b, s + run, i - run);
            itss__buf_puts(b, esc);
            i += skip;
            run = i;
        } else {
            i++;
        }
    }
    itss__buf_append(b, s + run, n - run);
    itss__buf_putc(b, '"');
}

void itss__jw_key(itss_jw *w, const char *key)
{
    before_item(w);
    write_string(w->b, key, strlen(key));
    itss__buf_puts(w->b, w->pretty ? ": " : ":");
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
    itss__buf_printf(w->b, "%lld", v);
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
