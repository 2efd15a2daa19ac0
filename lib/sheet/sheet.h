/*
 * libitss — the worksheet layer (lib/sheet/): the only code that touches
 * the spreadsheet, zip, XML and CSV libraries and iconv.
 *
 *   readers   a CSV text or an XLSX workbook  → an itss__book: the
 *             non-empty cells of each sheet, as text and, for numeric
 *             cells, as a number (csv_read.c, xlsx_read.c)
 *   mapping   an itss__book → an assessment or an evaluation through the
 *             public builders, every problem with its sheet, row and column
 *             (assessment_sheet.c, evaluation_sheet.c)
 *   writers   an assessment or evaluation → a CSV or XLSX worksheet
 *             (sheet_write.c, xlsx_write.c)
 *   columns   the header names, sheet names and metadata keys the writers
 *             write and the mapping reads (columns.c): one table for both
 *
 * The layout is documented for users in docs/worksheets.md.
 */
#ifndef ITSS_SHEET_H
#define ITSS_SHEET_H

#include <stdint.h>

#include "../internal.h"
#include "../problems_internal.h"

/* ---- limits (documented in docs/worksheets.md) ---------------------------- */
#define ITSS__SHEET_MAX_ROWS   100000u   /* a row number above: ITSS_ELIMIT */
#define ITSS__SHEET_MAX_COLS   16384u    /* XFD, the XLSX maximum */
#define ITSS__SHEET_MAX_CELLS  1000000u  /* non-empty cells of a whole book */
#define ITSS__SHEET_MAX_SHEETS 256u
#define ITSS__SHEET_MAX_TEXT   32767u    /* bytes of one cell's text */
/* XLSX: bytes decompressed from all the parts read, together */
#define ITSS__XLSX_MAX_INFLATED ((size_t)64 * 1024 * 1024)

/* ---- the book --------------------------------------------------------------- */

typedef enum itss__cell_kind {
    ITSS__CELL_TEXT = 1,   /* a string (shared, inline, rich text joined, or a CSV field) */
    ITSS__CELL_NUMBER = 2, /* a numeric cell (XLSX only; CSV fields are all text) */
    ITSS__CELL_BOOL = 3,   /* TRUE / FALSE */
    ITSS__CELL_ERROR = 4   /* an error value such as #N/A */
} itss__cell_kind;

typedef struct itss__cell {
    uint32_t row;         /* 1-based */
    uint32_t col;         /* 1-based, A = 1 */
    itss__cell_kind kind;
    const char *text;     /* UTF-8, NUL-terminated, never NULL and never "":
                             the string; for a number its shortest decimal
                             form ("85", "0.5"); "TRUE"/"FALSE"; "#N/A" */
    double number;        /* ITSS__CELL_NUMBER only */
    int percent;          /* a NUMBER the workbook shows as a percentage
                             (0.85 shown as 85%); a rating reads it as 85 */
} itss__cell;

typedef struct itss__sheet {
    const char *name;        /* UTF-8; for CSV NULL */
    int hidden;              /* 1 when the workbook hides the sheet */
    const itss__cell *cells; /* the non-empty cells, by row, then column */
    size_t ncells;
} itss__sheet;

typedef struct itss__book {
    itss_format format;       /* ITSS_FORMAT_CSV or ITSS_FORMAT_XLSX */
    int date1904;             /* XLSX: date serial numbers count from 1904 */
    const itss__sheet *sheets;/* in workbook order; CSV: exactly one */
    size_t nsheets;
    itss_arena arena;         /* owns everything above */
} itss__book;

/* CSV (RFC 4180, comma, quotes, CRLF or LF, a UTF-8 byte-order mark
 * skipped) in encoding (NULL or "UTF-8": must be valid UTF-8, else
 * ITSS_EPARSE naming row, column and byte offset and suggesting GB18030;
 * another name: converted with iconv first, ITSS_EINVAL when iconv does
 * not know it, ITSS_EPARSE for bytes not in it). Empty fields are not
 * cells. Limits as above (ITSS_ELIMIT). *out caller-owned
 * (itss__book_free); NULL on failure. */
int itss__book_read_csv(const char *data, size_t len, const char *encoding, itss__book **out,
                        itss_error *err);

/* An XLSX workbook from memory. Refuses (with the part and, where known,
 * the cell): not a zip / truncated zip (ITSS_EPARSE), no or wrong
 * [Content_Types].xml or workbook part (ITSS_EPARSE), XML that is not
 * well-formed or has a DOCTYPE (ITSS_EPARSE: no DTD, no entity, no
 * external anything), more than ITSS__XLSX_MAX_INFLATED bytes inflated or
 * a limit above (ITSS_ELIMIT, stopping as soon as it is passed), a
 * shared-string index out of range (ITSS_EPARSE at the cell), a formula
 * cell without a cached value (ITSS_EVALUE at the cell: "open and save it
 * in a spreadsheet program"). Handles shared strings, inline strings,
 * rich text runs, empty cells, numbers stored as text (kept as TEXT),
 * booleans, error values, hidden sheets (flagged), merged cells (the value
 * is in the first cell only, as stored). Memory stays bounded: parts are
 * inflated and parsed in chunks. *out caller-owned (itss__book_free). */
int itss__book_read_xlsx(const char *data, size_t len, itss__book **out, itss_error *err);

void itss__book_free(itss__book *b);

/* Read any worksheet document: format ITSS_FORMAT_CSV or _XLSX (encoding
 * only for CSV). Without spreadsheet support, XLSX is ITSS_EINVAL saying
 * so. */
int itss__book_read(const char *data, size_t len, itss_format format, const char *encoding,
                    itss__book **out, itss_error *err);

/* ---- places ----------------------------------------------------------------- */

/* "F" for 6, "AA" for 27; dst at least 8 bytes. */
void itss__sheet_col_name(char *dst, size_t dstsize, uint32_t col);

/* Fill err with code and "sheet S, row R, column C (header): <message>"
 * (no "sheet S, " when sheet is NULL; no " (header)" when header is NULL;
 * no column when col is 0), path "S!C<R>" (or "C<R>"), line = row,
 * column = col. Returns code. */
int itss__sheet_err(itss_error *err, int code, const char *sheet, uint32_t row, uint32_t col,
                    const char *header, const char *fmt, ...) ITSS_PRINTF(7, 8);

/* ---- columns and keys (columns.c) ----------------------------------------- */

/* A column, metadata key or sheet name the writers write and the mapping
 * reads: its key (also its English header) and its Chinese header. Headers
 * are matched after trimming white space, ASCII case-insensitively, in
 * either language. */
typedef struct itss__sheet_name {
    const char *key;
    const char *zh;
} itss__sheet_name;

/* NULL-terminated tables (key NULL ends them). */
extern const itss__sheet_name itss__maturity_columns[];   /* clause level domain item summary
                                                             rating evidence note na_reason */
extern const itss__sheet_name itss__maturity_meta_keys[]; /* model id organization scope date
                                                             assessor notes scale */
extern const itss__sheet_name itss__quality_columns[];    /* indicator name subcharacteristic
                                                             method measures A B scores weight
                                                             na_reason */
extern const itss__sheet_name itss__quality_meta_keys[];  /* service period id provider customer
                                                             evaluator date notes weight band */
/* Sheet names: the table, the metadata and the instructions sheets of a
 * maturity and of a quality workbook. */
extern const itss__sheet_name itss__sheet_names[];        /* assessment metadata instructions
                                                             evaluation */

/* The header in lang (key for English). */
const char *itss__sheet_label(const itss__sheet_name *n, itss_lang lang);
/* The entry of table whose key or Chinese header matches text (trimmed,
 * ASCII case-insensitive), or NULL. */
const itss__sheet_name *itss__sheet_match(const itss__sheet_name *table, const char *text);
/* The entry with this key (a programming error if absent: never NULL for
 * the keys listed above). */
const itss__sheet_name *itss__sheet_key(const itss__sheet_name *table, const char *key);

/* ---- mapping (assessment_sheet.c, evaluation_sheet.c) --------------------- */

#include "itss/maturity.h"
#include "itss/quality.h"

/* A book → a new assessment of m / evaluation of c, through the public
 * builders. problems NULL: stop at the first problem, fill err, *out NULL.
 * problems given: record every problem there (as itss__sheet_err fills
 * them) and go on; *out is NULL when any was found (the return value is
 * then ITSS_OK: the caller reads the list). Only ITSS_ENOMEM and the like
 * are returned as failures in that mode. */
int itss__assessment_from_book(const itss_maturity_model *m, const itss__book *b,
                               itss_problem_list *problems, itss_assessment **out,
                               itss_error *err);
int itss__evaluation_from_book(const itss_indicator_catalog *c, const itss__book *b,
                               itss_problem_list *problems, itss_evaluation **out,
                               itss_error *err);

/* Every problem of a JSON assessment / evaluation (the loader's errors,
 * but going on past a bad rating or measurement to the next one; a syntax
 * error or a wrong shape of the whole document gives one problem). */
int itss__assessment_check_json(const itss_maturity_model *m, const char *json, size_t len,
                                itss_problem_list *problems, itss_error *err);
int itss__evaluation_check_json(const itss_indicator_catalog *c, const char *json, size_t len,
                                itss_problem_list *problems, itss_error *err);

/* ---- writers (sheet_write.c, xlsx_write.c) --------------------------------- */

/* The worksheet of itss_assessment_render / itss_evaluation_render
 * (arguments already checked; d NULL: every domain; level 0: all). */
int itss__assessment_write_sheet(const itss_assessment *a, int level,
                                 const itss_maturity_domain *d, itss_format format,
                                 itss_lang lang, char **out, size_t *len, itss_error *err);
int itss__evaluation_write_sheet(const itss_evaluation *e, itss_format format, itss_lang lang,
                                 char **out, size_t *len, itss_error *err);

#endif /* ITSS_SHEET_H */
