/* libitss — naming a place in a worksheet for error messages. */
#include <stdio.h>

#include "sheet.h"

void itss__sheet_col_name(char *dst, size_t dstsize, uint32_t col)
{
    char rev[8];
    size_t n = 0;
    while (col > 0 && n < sizeof rev) {
        col--;
        rev[n++] = (char)('A' + col % 26);
        col /= 26;
    }
    size_t i = 0;
    for (; i < n && i + 1 < dstsize; i++)
        dst[i] = rev[n - 1 - i];
    if (dstsize)
        dst[i] = '\0';
}

int itss__sheet_err(itss_error *err, int code, const char *sheet, uint32_t row, uint32_t col,
                    const char *header, const char *fmt, ...)
{
    if (!err)
        return code;
    char what[2 * ITSS_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    char colname[8] = "";
    itss__sheet_col_name(colname, sizeof colname, col);
    /* "sheet S, row R, column C (header): " with the parts there are */
    itss_buf b;
    itss__buf_init(&b);
    if (sheet)
        itss__buf_printf(&b, "sheet %s, ", sheet);
    if (row)
        itss__buf_printf(&b, "row %u, ", (unsigned)row);
    if (col && header)
        itss__buf_printf(&b, "column %s (%s), ", colname, header);
    else if (col)
        itss__buf_printf(&b, "column %s, ", colname);
    size_t n = b.len; /* ends ", " when there is a place: that becomes ": " */
    itss__buf_putc(&b, '\0');
    if (n >= 2 && !b.oom)
        b.data[n - 2] = ':';
    itss__err(err, code, "%s%s", !b.oom ? b.data : "", what);
    itss__buf_free(&b);
    char path[ITSS_ERROR_PATH_SIZE];
    if (row && col)
        snprintf(path, sizeof path, "%s%s%s%u", sheet ? sheet : "", sheet ? "!" : "", colname,
                 (unsigned)row);
    else
        snprintf(path, sizeof path, "%s", sheet ? sheet : "");
    itss__err_set_path(err, path);
    err->line = row;
    err->column = col;
    return code;
}
