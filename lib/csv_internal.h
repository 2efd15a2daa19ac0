/*
 * libitss — the one writer of CSV cells (lib/csv.c), for every renderer
 * that writes ITSS_FORMAT_CSV: RFC 4180 (comma-separated, CRLF line ends,
 * a cell in double quotes when it holds a comma, a double quote, CR or LF,
 * its quotes doubled), UTF-8.
 *
 * A cell that a spreadsheet would read as a formula — one that starts with
 * "=", "+", "-", "@", TAB or CR — is written with an apostrophe in front,
 * so that untrusted text (organisation names, labels, notes) stays text;
 * so is a cell that starts with an apostrophe and then one of "=+-@", so
 * that dropping the one apostrophe in front of a formula character gives
 * back every text as written.
 *
 *     itss_csv w;
 *     itss__csv_init(&w, b);          appends to the buffer b
 *     itss__csv_cell(&w, "条款");     the first cell of a row
 *     itss__csv_cell(&w, NULL);       an empty cell
 *     itss__csv_row_end(&w);          CRLF; the next cell starts a row
 */
#ifndef ITSS_CSV_INTERNAL_H
#define ITSS_CSV_INTERNAL_H

#include "internal.h"

typedef struct itss_csv {
    itss_buf *out;
    size_t col; /* cells written in the current row */
} itss_csv;

void itss__csv_init(itss_csv *w, itss_buf *out);
/* One cell (NULL: empty), after a comma unless it is the row's first. */
void itss__csv_cell(itss_csv *w, const char *s);
void itss__csv_row_end(itss_csv *w);

#endif /* ITSS_CSV_INTERNAL_H */
