/* libitss — building and freeing the cells of a worksheet document. */
#include <stdlib.h>

#include "book_internal.h"

void itss__book_free(itss__book *b)
{
    if (!b)
        return;
    itss_arena arena = b->arena;
    itss__arena_free(&arena); /* the book itself lives in its arena */
}

int itss__sheet_grow(void *items, size_t *cap, size_t n, size_t size, size_t first)
{
    if (n < *cap)
        return 0;
    size_t want = *cap ? *cap * 2 : first;
    void *old; /* items points at a pointer of some object type */
    memcpy(&old, items, sizeof old);
    void *grown = want > SIZE_MAX / size ? NULL : realloc(old, want * size);
    if (!grown)
        return -1;
    memcpy(items, &grown, sizeof grown);
    *cap = want;
    return 0;
}

int itss__book_begin(itss__book_builder *bb, itss_format format, itss_error *err)
{
    memset(bb, 0, sizeof *bb);
    itss_arena arena = {0};
    itss__book *b = itss__arena_calloc(&arena, 1, sizeof *b);
    if (!b)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    b->arena = arena;
    b->format = format;
    bb->book = b;
    return ITSS_OK;
}

static const char *open_name(const itss__book_builder *bb)
{
    return bb->nsheets ? bb->sheets[bb->nsheets - 1].name : NULL;
}

int itss__book_sheet(itss__book_builder *bb, const char *name, int hidden, itss_error *err)
{
    int rc = itss__book_sheet_end(bb, err);
    if (rc)
        return rc;
    if (bb->nsheets >= ITSS__SHEET_MAX_SHEETS)
        return itss__err(err, ITSS_ELIMIT, "the workbook has more than %u sheets",
                         ITSS__SHEET_MAX_SHEETS);
    if (itss__sheet_grow(&bb->sheets, &bb->capsheets, bb->nsheets, sizeof *bb->sheets, 4))
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    itss__sheet *s = &bb->sheets[bb->nsheets];
    memset(s, 0, sizeof *s);
    if (name && !(s->name = itss__arena_strdup(&bb->book->arena, name)))
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    s->hidden = hidden;
    bb->nsheets++;
    bb->ncells = 0;
    bb->sorted = 1;
    return ITSS_OK;
}

/* copy: text is copied into the book; else it is the book's already */
static int add_cell(itss__book_builder *bb, uint32_t row, uint32_t col, itss__cell_kind kind,
                    const char *text, size_t len, double number, int copy_text,
                    itss_error *err)
{
    const char *sheet = open_name(bb);
    if (row == 0 || row > ITSS__SHEET_MAX_ROWS)
        return itss__sheet_err(err, row ? ITSS_ELIMIT : ITSS_EPARSE, sheet, row, 0, NULL,
                               row ? "more than %u rows: a worksheet has at most %u rows"
                                   : "row 0 does not exist (rows count from 1; at most %u)",
                               ITSS__SHEET_MAX_ROWS, ITSS__SHEET_MAX_ROWS);
    if (col == 0 || col > ITSS__SHEET_MAX_COLS)
        return itss__sheet_err(err, col ? ITSS_ELIMIT : ITSS_EPARSE, sheet, row, 0, NULL,
                               "column %u is outside the columns A to XFD (1 to %u)",
                               (unsigned)col, ITSS__SHEET_MAX_COLS);
    if (len == 0)
        return ITSS_OK;
    /* one byte more for the apostrophe a writer puts before a text that
     * would read as a formula (dropped again by the mapping) */
    if (len > ITSS__SHEET_MAX_TEXT + (text[0] == '\''))
        return itss__sheet_err(err, ITSS_ELIMIT, sheet, row, col, NULL,
                               "the cell holds %zu bytes of text; a cell holds at most %u",
                               len, ITSS__SHEET_MAX_TEXT);
    if (bb->total >= ITSS__SHEET_MAX_CELLS)
        return itss__sheet_err(err, ITSS_ELIMIT, sheet, row, col, NULL,
                               "more than %u non-empty cells in the document",
                               ITSS__SHEET_MAX_CELLS);
    if (itss__sheet_grow(&bb->cells, &bb->capcells, bb->ncells, sizeof *bb->cells, 64))
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    const char *copy = copy_text ? itss__arena_strndup(&bb->book->arena, text, len) : text;
    if (!copy)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    if (bb->ncells) {
        const itss__cell *p = &bb->cells[bb->ncells - 1];
        if (p->row > row || (p->row == row && p->col >= col))
            bb->sorted = 0;
    }
    itss__cell *c = &bb->cells[bb->ncells++];
    c->row = row;
    c->col = col;
    c->kind = kind;
    c->text = copy;
    c->number = kind == ITSS__CELL_NUMBER ? number : 0.0;
    c->percent = 0;
    bb->total++;
    return ITSS_OK;
}

int itss__book_cell(itss__book_builder *bb, uint32_t row, uint32_t col, itss__cell_kind kind,
                    const char *text, size_t len, double number, itss_error *err)
{
    return add_cell(bb, row, col, kind, text, len, number, 1, err);
}

int itss__book_cell_ref(itss__book_builder *bb, uint32_t row, uint32_t col,
                        const char *text, size_t len, itss_error *err)
{
    return add_cell(bb, row, col, ITSS__CELL_TEXT, text, len, 0.0, 0, err);
}

static int by_place(const void *a, const void *b)
{
    const itss__cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

int itss__book_sheet_end(itss__book_builder *bb, itss_error *err)
{
    if (!bb->nsheets || bb->sheets[bb->nsheets - 1].cells || bb->ncells == 0)
        return ITSS_OK;
    itss__sheet *s = &bb->sheets[bb->nsheets - 1];
    if (!bb->sorted) {
        qsort(bb->cells, bb->ncells, sizeof *bb->cells, by_place);
        for (size_t i = 1; i < bb->ncells; i++)
            if (by_place(&bb->cells[i - 1], &bb->cells[i]) == 0)
                return itss__sheet_err(err, ITSS_EPARSE, s->name, bb->cells[i].row,
                                       bb->cells[i].col, NULL,
                                       "the workbook gives this cell twice");
    }
    itss__cell *cells = itss__arena_calloc(&bb->book->arena, bb->ncells, sizeof *cells);
    if (!cells)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    memcpy(cells, bb->cells, bb->ncells * sizeof *cells);
    s->cells = cells;
    s->ncells = bb->ncells;
    bb->ncells = 0;
    return ITSS_OK;
}

int itss__book_end(itss__book_builder *bb, itss__book **out, itss_error *err)
{
    *out = NULL;
    int rc = itss__book_sheet_end(bb, err);
    if (rc)
        return rc;
    itss__book *b = bb->book;
    if (bb->nsheets) {
        itss__sheet *sheets = itss__arena_calloc(&b->arena, bb->nsheets, sizeof *sheets);
        if (!sheets)
            return itss__err(err, ITSS_ENOMEM, "out of memory");
        memcpy(sheets, bb->sheets, bb->nsheets * sizeof *sheets);
        b->sheets = sheets;
        b->nsheets = bb->nsheets;
    }
    free(bb->sheets);
    free(bb->cells);
    memset(bb, 0, sizeof *bb);
    *out = b;
    return ITSS_OK;
}

void itss__book_abandon(itss__book_builder *bb)
{
    free(bb->sheets);
    free(bb->cells);
    itss__book_free(bb->book);
    memset(bb, 0, sizeof *bb);
}
