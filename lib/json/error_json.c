/* libitss — error records rendered for batch output. */
#include <stdio.h>
#include <string.h>

#include "json_internal.h"

/* One error record as a JSON object: code, status, message (in lang),
 * path, and the line, column (and, with position, the byte offset) when
 * known, and input_line when not 0. */
static void record(itss_jw *w, const itss_error *e, int position, size_t input_line,
                   itss_lang lang)
{
    const char *name = itss_strerror_name(e->code);
    itss_buf m;
    itss__buf_init(&m);
    itss__msg_put_record(&m, e, lang);
    if (m.oom)
        w->b->oom = 1;
    itss__jw_obj(w);
    itss__jw_kstr(w, "code", name ? name : "ITSS_UNKNOWN");
    itss__jw_kint(w, "status", e->code);
    itss__jw_kstr(w, "message", m.data ? m.data : "");
    /* a record a caller filled may have no NUL in its path */
    itss__jw_key(w, "path");
    itss__jw_strn(w, e->path, strnlen(e->path, sizeof e->path));
    if (e->line) {
        itss__jw_kint(w, "line", (long long)e->line);
        itss__jw_kint(w, "column", (long long)e->column);
        if (position)
            itss__jw_kint(w, "position", (long long)e->position);
    }
    if (input_line)
        itss__jw_kint(w, "input_line", (long long)input_line);
    itss__jw_obj_end(w);
    itss__buf_free(&m);
}

/* The message of e in lang and, when e has one, its path: "message (at
 * /a)" or "message（位置 /a）". */
static void message_at(itss_buf *b, const itss_error *e, int with_path, itss_lang lang)
{
    itss__msg_put_record(b, e, lang);
    if (with_path && e->path[0]) {
        char shown[ITSS_ERROR_PATH_SIZE * 4 + 8];
        itss__quote(shown, sizeof shown, e->path, strnlen(e->path, sizeof e->path),
                    ITSS_ERROR_PATH_SIZE);
        itss__buf_printf(b, lang == ITSS_LANG_ZH ? "（位置 %s）" : " (at %s)", shown);
    }
}

/* itss_error_render and itss_error_describe, arguments checked. */
static int describe(const itss_error *e, size_t input_line, itss_format format, itss_lang lang,
                    char **out, size_t *len, itss_error *err)
{
    itss_buf b;
    itss__buf_init(&b);
    switch (format) {
    case ITSS_FORMAT_JSON:
    case ITSS_FORMAT_JSON_PRETTY: {
        itss_jw w;
        itss__jw_init(&w, &b, format == ITSS_FORMAT_JSON_PRETTY);
        itss__jw_obj(&w);
        itss__jw_key(&w, "error");
        record(&w, e, 1, input_line, lang);
        itss__jw_obj_end(&w);
        itss__jw_end(&w);
        break;
    }
    case ITSS_FORMAT_TEXT:
        if (input_line)
            itss__buf_printf(&b, "%zu:", input_line);
        if (e->line)
            itss__buf_printf(&b, "%zu:%zu:", e->line, e->column);
        if (input_line || e->line)
            itss__buf_putc(&b, ' ');
        message_at(&b, e, 1, lang);
        break;
    default: /* the other formats are refused by the callers */
        break;
    }
    return itss__buf_finish(&b, out, len, err);
}

int itss_error_render(const itss_error *e, size_t input_line, itss_format format, char **out,
                      size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK(err, itss__format_ok(format), "format %d is not an itss_format", (int)format);
    return describe(e, input_line, format, ITSS_LANG_EN, out, len, err);
}

int itss_error_describe(const itss_error *e, size_t input_line, itss_format format,
                        itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK(err, itss__format_ok(format), "format %d is not an itss_format", (int)format);
    ITSS_CHECK(err, itss__lang_ok(lang), "lang %d is not an itss_lang", (int)lang);
    return describe(e, input_line, format, lang, out, len, err);
}

/* ---- problem lists ------------------------------------------------------ */

#include "../problems_internal.h"

static void problem_text(itss_buf *b, const itss_problem_list *p, const itss_error *e,
                         const char *label, itss_lang lang)
{
    if (label)
        itss__buf_printf(b, "%s:", label);
    if (!p->worksheet && e->line)
        itss__buf_printf(b, "%zu:%zu:", e->line, e->column);
    if (label || (!p->worksheet && e->line))
        itss__buf_putc(b, ' ');
    message_at(b, e, !p->worksheet, lang);
    itss__buf_putc(b, '\n');
}

int itss_problem_list_render(const itss_problem_list *p, const char *label, itss_format format,
                             itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, p);
    ITSS_CHECK_RENDER(err, format, lang, out);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT) {
        for (size_t i = 0; i < p->n; i++)
            problem_text(&b, p, &p->items[i], label, lang);
        if (p->total > p->n) {
            if (label)
                itss__buf_printf(&b, "%s: ", label);
            if (lang == ITSS_LANG_ZH)
                itss__buf_printf(&b, "另有 %zu 个问题未列出（最多列出 %d 个）\n",
                                 p->total - p->n, ITSS_PROBLEM_LIST_MAX);
            else
                itss__buf_printf(&b, "%zu more problems not listed (at most %d are)\n",
                                 p->total - p->n, ITSS_PROBLEM_LIST_MAX);
        }
        return itss__buf_finish(&b, out, len, err);
    }
    itss_jw w;
    itss__jw_init(&w, &b, format == ITSS_FORMAT_JSON_PRETTY);
    itss__jw_obj(&w);
    itss__jw_key(&w, "input");
    if (label)
        itss__jw_str(&w, label);
    else
        itss__jw_null(&w);
    itss__jw_kint(&w, "total", (long long)p->total);
    itss__jw_key(&w, "problems");
    itss__jw_arr(&w);
    for (size_t i = 0; i < p->n; i++)
        record(&w, &p->items[i], !p->worksheet, 0, lang);
    itss__jw_arr_end(&w);
    itss__jw_obj_end(&w);
    itss__jw_end(&w);
    return itss__buf_finish(&b, out, len, err);
}
