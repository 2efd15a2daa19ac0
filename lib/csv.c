/* libitss — CSV cells (lib/csv_internal.h): RFC 4180 quoting and formula
 * neutralisation. */
#include <string.h>

#include "csv_internal.h"

void itss__csv_init(itss_csv *w, itss_buf *out)
{
    w->out = out;
    w->col = 0;
}

void itss__csv_cell(itss_csv *w, const char *s)
{
    if (w->col++)
        itss__buf_putc(w->out, ',');
    if (!s || !*s)
        return;
    /* a spreadsheet reads these first characters as the start of a formula;
     * a text that already starts with an apostrophe before one of them gets
     * another, so that a reader that drops one apostrophe in front of a
     * formula character gives the text back as it was */
    int formula = strchr("=+-@\t\r", *s) != NULL ||
                  (s[0] == '\'' && s[1] && strchr("=+-@", s[1]) != NULL);
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        itss__buf_putc(w->out, '"');
    if (formula)
        itss__buf_putc(w->out, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            itss__buf_putc(w->out, '"');
        itss__buf_putc(w->out, *p);
    }
    if (quote)
        itss__buf_putc(w->out, '"');
}

void itss__csv_row_end(itss_csv *w)
{
    itss__buf_puts(w->out, "\r\n");
    w->col = 0;
}
