/*
 * libitss — what the two mappings of a book (assessment_sheet.c,
 * evaluation_sheet.c) share: the problems found, kept in document order;
 * finding the table and its columns; the metadata rows; cell values
 * (numbers read without the locale, date serials).
 */
#ifndef ITSS_SHEET_MAP_H
#define ITSS_SHEET_MAP_H

#include "sheet.h"

/* One problem kept with its place in the book, for ordering. */
typedef struct itss__map_kept {
    size_t sheet; /* index in the book; (size_t)-1: the whole book */
    uint32_t row, col;
    size_t seq;   /* order found, for problems of one cell */
    itss_error e;
} itss__map_kept;

/* The problems of one mapping. Problems may be found in any order (the
 * metadata before the ratings, say); the first ITSS_PROBLEM_LIST_MAX in
 * document order (sheet, row, column) are kept, the others counted. */
typedef struct itss__map {
    const itss__book *b;
    itss_problem_list *out; /* check mode; NULL: the first problem only */
    itss__map_kept *kept;
    size_t *heap;           /* indexes into kept: a max-heap by place */
    size_t n, cap, total, seq;
    itss_arena arena;       /* trimmed copies of cell text */
} itss__map;

void itss__map_init(itss__map *M, const itss__book *b, itss_problem_list *out);

/* Record a problem at a cell (sheet index, row, column, the column's header
 * as written or NULL): 0, or ITSS_ENOMEM. */
int itss__map_problem(itss__map *M, size_t sheet, uint32_t row, uint32_t col,
                      const char *header, int code, const char *fmt, ...) ITSS_PRINTF(7, 8);

/* A builder's failure rc (its error in e) as a problem at a cell: 0 when
 * rc is 0 or the problem was recorded; ITSS_ENOMEM when the builder ran
 * out of memory or recording did. */
int itss__map_builder(itss__map *M, size_t sheet, uint32_t row, uint32_t col,
                      const char *header, int rc, const itss_error *e);

/* 1 when a problem was recorded. */
static inline int itss__map_failed(const itss__map *M)
{
    return M->total > 0;
}

/* End the mapping. rc: ITSS_OK, or a failure that stops everything
 * (ITSS_ENOMEM) to report as such. Otherwise, with problems found: check
 * mode moves them to the list in document order and returns ITSS_OK;
 * first-error mode fills err with the first and returns its code. */
int itss__map_finish(itss__map *M, int rc, itss_error *err);

/* ---- cells ------------------------------------------------------------------ */

/* The text of a cell as a value: one leading apostrophe dropped from a text
 * cell that is apostrophes followed by = + - @, TAB or CR (the writers add
 * one so that no spreadsheet program runs the text as a formula, and one
 * more in front of a text that already looked like that). */
const char *itss__map_value(const itss__cell *c);

/* The value of a cell read as text (itss__map_value); NULL after
 * recording a problem for an error value such as #N/A (*rc: 0 or
 * ITSS_ENOMEM). */
const char *itss__map_text(itss__map *M, size_t sheet, const itss__cell *c, const char *header,
                           int *rc);

/* 1 when s (already trimmed) is word, ASCII case-insensitively. */
int itss__map_word(const char *s, const char *word);

/* A copy of s without white space at either end (ASCII space, tab, CR,
 * LF), in the mapping's arena; NULL when out of memory. */
char *itss__map_trim(itss__map *M, const char *s);

/* A decimal number: optional sign, digits with an optional fraction,
 * optional exponent, nothing else (s already trimmed); read the same in
 * every locale. 1 and *out, or 0 when s is not such a number or it is too
 * large for a double. */
int itss__map_number(const char *s, double *out);

/* The cell's number: a numeric cell's value, or its text read as by
 * itss__map_number. */
int itss__map_cell_number(itss__map *M, const itss__cell *c, double *out);

/* A spreadsheet date serial as "YYYY-MM-DD" (dst at least 11 bytes): days
 * since 1899-12-31 (serial 60 being the 29 February 1900 that spreadsheet
 * programs count although it never was) or, with date1904, since
 * 1904-01-01; the time of day (the fraction) is not part of a date. 0 for
 * a serial before the first day, serial 60 in the 1900 system, or after
 * 9999-12-31. */
int itss__map_date(double serial, int date1904, char *dst, size_t dstsize);

/* ---- the table -------------------------------------------------------------- */

/* The cells of the row starting at cells[i] (sorted by row and column):
 * returns the index after it. */
size_t itss__map_row_end(const itss__sheet *s, size_t i);

/* The table: the first visible sheet with, within its first 50 rows, a
 * row that is_header(ctx, cells, n) accepts. 1 and its sheet index and the
 * index of the header row's first cell, or 0. */
int itss__map_find_table(const itss__book *b, int (*is_header)(void *ctx,
                                                               const itss__cell *cells,
                                                               size_t n),
                         void *ctx, size_t *sheet, size_t *first);

/* The columns of the header row cells[0..n): col[k] the column of entry k
 * of names (0 when absent), head[k] its header as written. A header
 * repeated: ITSS_EDUPLICATE at the second, the first kept. Headers that
 * match no entry go to other(ctx, cell) when given (0 or ITSS_ENOMEM).
 * Returns 0 or ITSS_ENOMEM. */
int itss__map_header(itss__map *M, size_t sheet, const itss__cell *cells, size_t n,
                     const itss__sheet_name *names, uint32_t *col, const char **head,
                     int (*other)(void *ctx, const itss__cell *c), void *ctx);

/* at[k]: the index in names of the entry whose key is keys[k], k < n. */
void itss__map_keys(const itss__sheet_name *names, const char *const *keys, size_t n,
                    size_t *at);

/* The cells of one row (cells[0..n)) in the columns read: out[k] the cell
 * in column col[at[k]], NULL when that is empty or absent (k < nread). */
void itss__map_row_cells(const itss__cell *cells, size_t n, const uint32_t *col,
                         const size_t *at, size_t nread, const itss__cell **out);

/* The id of a row (cell: its id cell, NULL when empty; col and header: the
 * id column's), trimmed, into *id; NULL after recording a problem: "no
 * <what> id in a row that has other cells" (every row has some cell), or
 * the cell's error value. Returns 0 or ITSS_ENOMEM. */
int itss__map_row_id(itss__map *M, size_t sheet, uint32_t row, uint32_t col, const char *header,
                     const itss__cell *cell, const char *what, const char **id);

/* The duplicate of a header: ITSS_EDUPLICATE at c naming the first
 * column. */
int itss__map_header_twice(itss__map *M, size_t sheet, const itss__cell *c, const char *name,
                           uint32_t first);

/* Where the table is and its columns: col[i], head[i] for entry i of the
 * column names (itss__map_header); at[k] the entry of the k-th column
 * read (itss__map_keys). */
#define ITSS__MAP_COLUMNS 16
typedef struct itss__map_table {
    size_t sheet;
    uint32_t col[ITSS__MAP_COLUMNS];
    const char *head[ITSS__MAP_COLUMNS];
    size_t at[8];
} itss__map_table;

/* A problem in the k-th column read of a row (at the row alone when the
 * sheet has no such column): 0 or ITSS_ENOMEM. */
int itss__map_at(itss__map *M, const itss__map_table *T, uint32_t row, int k, int code,
                 const char *fmt, ...) ITSS_PRINTF(6, 7);
/* A builder's failure there, as itss__map_builder. */
int itss__map_builder_at(itss__map *M, const itss__map_table *T, uint32_t row, int k, int rc,
                         const itss_error *e);

/* ---- metadata ------------------------------------------------------------------ */

/* One metadata row: its key and the cells of columns B and C (NULL when
 * empty), with their headers as written on a metadata sheet that has a
 * header row (else NULL). */
typedef struct itss__map_meta {
    size_t sheet;
    uint32_t row;
    const itss__sheet_name *key;
    const itss__cell *kcell, *v1, *v2;
    const char *h1, *h2;
} itss__map_meta;

/* Every metadata row: the rows of the table's sheet above its header row
 * (header_row) and the rows of each sheet named as the metadata sheet (its
 * first row skipped when it is the field/value header), in book order. An
 * unknown key is ITSS_ESCHEMA; a key given again (other than those
 * repeatable names, a NULL-terminated list) ITSS_EDUPLICATE; a row with
 * cells but no key in column A ITSS_ESCHEMA; rows without a value in
 * column B are skipped (an empty value leaves the key unset). Each other
 * row goes to fn (0 or ITSS_ENOMEM to stop). Returns 0 or ITSS_ENOMEM. */
int itss__map_metadata(itss__map *M, size_t table, uint32_t header_row,
                       const itss__sheet_name *keys, const char *const *repeatable,
                       int (*fn)(void *ctx, const itss__map_meta *r), void *ctx);

/* A metadata value for set_meta: the text, or for the date key a numeric
 * cell's serial as YYYY-MM-DD. NULL after recording a problem (or with
 * *rc = ITSS_ENOMEM). */
const char *itss__map_meta_text(itss__map *M, const itss__map_meta *r, char *buf, size_t size,
                                int *rc);

#endif /* ITSS_SHEET_MAP_H */
