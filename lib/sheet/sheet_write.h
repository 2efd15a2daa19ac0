/*
 * libitss — the worksheet writers' shared model of what they write
 * (sheet_write.c builds it and writes CSV; xlsx_write.c writes XLSX).
 *
 * A worksheet document is a table (header row and data rows, each row in a
 * group for banding), metadata rows (key and one or two values) and, for
 * XLSX, lines of instructions. Strings are borrowed from the assessment or
 * evaluation, or composed into the document's arena.
 */
#ifndef ITSS_SHEET_WRITE_H
#define ITSS_SHEET_WRITE_H

#include "sheet.h"

typedef enum itss__wkind {
    ITSS__W_EMPTY = 0,
    ITSS__W_TEXT = 1,
    ITSS__W_NUMBER = 2
} itss__wkind;

typedef struct itss__wcell {
    itss__wkind kind;
    const char *text; /* ITSS__W_TEXT: never NULL */
    double number;    /* ITSS__W_NUMBER: finite */
} itss__wcell;

#define ITSS__W_META_CELLS 3 /* key, value, second value (weight, band) */

typedef struct itss__wdoc {
    itss_lang lang;
    const char *table_name; /* the sheet names of XLSX */
    const char *meta_name;
    const char *instr_name;
    const char *meta_header[2]; /* "字段"/"内容" or "field"/"value" */
    itss__wcell *meta;          /* [nmeta * ITSS__W_META_CELLS] */
    size_t nmeta;
    const char **headers; /* [ncols] */
    double *widths;       /* [ncols] column widths in characters */
    unsigned char *wrap;  /* [ncols] 1: wrap the column's text */
    size_t ncols;
    itss__wcell *cells; /* [nrows * ncols] */
    size_t *group;      /* [nrows] rows of one group share a fill */
    size_t nrows;
    long rating_col;        /* the column with the drop-down of ratings, or -1 */
    const char *rating_tip; /* its input message */
    const char *const *instructions; /* lines; NULL-terminated; NULL: none */
    itss_arena arena;
} itss__wdoc;

/* The workbook of d into *out (caller-owned, itss_free), *len its size.
 * Errors: ITSS_EIO (the temporary file: its path and errno), ITSS_ENOMEM,
 * ITSS_ELIMIT (a text too long for a cell). xlsx_write.c. */
int itss__xlsx_write(const itss__wdoc *d, char **out, size_t *len, itss_error *err);

#endif /* ITSS_SHEET_WRITE_H */
