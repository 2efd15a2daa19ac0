/*
 * libitss — building an itss__book cell by cell (lib/sheet/book.c), shared
 * by the CSV and XLSX readers: the limits of sheet.h are checked as cells
 * arrive, so that a reader stops at the first cell past one.
 */
#ifndef ITSS_SHEET_BOOK_INTERNAL_H
#define ITSS_SHEET_BOOK_INTERNAL_H

#include "sheet.h"

typedef struct itss__book_builder {
    itss__book *book;
    itss__sheet *sheets; /* malloc'd while building */
    size_t nsheets, capsheets;
    itss__cell *cells;   /* the open sheet's cells, malloc'd */
    size_t ncells, capcells;
    size_t total;        /* cells of the whole book */
    int sorted;          /* the open sheet's cells came in order */
} itss__book_builder;

/* Room for one more element in the malloc'd array *items of *cap
 * elements of size bytes, n in use (doubling; first the first capacity):
 * 0, or -1 when out of memory (the array unchanged). */
int itss__sheet_grow(void *items, size_t *cap, size_t n, size_t size, size_t first);

/* A new empty book of format; ITSS_ENOMEM. */
int itss__book_begin(itss__book_builder *bb, itss_format format, itss_error *err);
/* Open the next sheet (name copied; NULL for CSV); ITSS_ELIMIT past
 * ITSS__SHEET_MAX_SHEETS, ITSS_ENOMEM. */
int itss__book_sheet(itss__book_builder *bb, const char *name, int hidden, itss_error *err);
/* Add a cell to the open sheet: text[0..len) copied (len 0: nothing is
 * added). ITSS_ELIMIT past a limit of sheet.h, naming the cell. */
int itss__book_cell(itss__book_builder *bb, uint32_t row, uint32_t col, itss__cell_kind kind,
                    const char *text, size_t len, double number, itss_error *err);
/* Add a text cell whose text[0..len) (NUL-terminated) the book's arena
 * already holds, without copying it: a shared string that many cells use
 * costs memory once. */
int itss__book_cell_ref(itss__book_builder *bb, uint32_t row, uint32_t col,
                        const char *text, size_t len, itss_error *err);
/* Close the open sheet: its cells sorted by row and column; a place given
 * twice is ITSS_EPARSE. */
int itss__book_sheet_end(itss__book_builder *bb, itss_error *err);
/* The finished book (the open sheet closed first). */
int itss__book_end(itss__book_builder *bb, itss__book **out, itss_error *err);
/* Free what was built (after a failure). */
void itss__book_abandon(itss__book_builder *bb);

#endif
