/* libitss — error records rendered for batch output. */
#include <stdio.h>
#include <string.h>

#include "json_internal.h"

int itss_error_render(const itss_error *e, size_t input_line, itss_format format, char **out,
                      size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, e);
    ITSS_CHECK(err, itss__format_ok(format), "format %d is not an itss_format", (int)format);
    itss_buf b;
    itss__buf_init(&b);
    switch (format) {
    case ITSS_FORMAT_JSON:
    case ITSS_FORMAT_JSON_PRETTY: {
        itss_jw w;
        itss__jw_init(&w, &b, format == ITSS_FORMAT_JSON_PRETTY);
        const char *name = itss_strerror_name(e->code);
        itss__jw_obj(&w);
        itss__jw_key(&w, "error");
        itss__jw_obj(&w);
        itss__jw_kstr(&w, "code", name ? name : "ITSS_UNKNOWN");
        itss__jw_kint(&w, "status", e->code);
        itss__jw_kstr(&w, "message", e->message);
        itss__jw_kstr(&w, "path", e->path);
        if (e->line) {
            itss__jw_kint(&w, "line", (long long)e->line);
            itss__jw_kint(&w, "column", (long long)e->column);
            itss__jw_kint(&w, "position", (long long)e->position);
        }
        if (input_line)
            itss__jw_kint(&w, "input_line", (long long)input_line);
        itss__jw_obj_end(&w);
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
        itss__buf_puts(&b, e->message);
        if (e->path[0]) {
            char shown[ITSS_ERROR_PATH_SIZE * 4 + 8];
            itss__quote(shown, sizeof shown, e->path, strlen(e->path), ITSS_ERROR_PATH_SIZE);
            itss__buf_printf(&b, " (at %s)", shown);
        }
        break;
    default: /* the other formats are refused above */
        break;
    }
    return itss__buf_finish(&b, out, len, err);
}
