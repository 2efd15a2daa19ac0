/*
 * Checks shared by the worksheet reader harnesses (fuzz_csv.c,
 * fuzz_xlsx.c): what a reader returns keeps the promises of
 * lib/sheet/sheet.h.
 *  - a failure: a document error code, the same code and a non-empty
 *    message in the record, *out NULL;
 *  - a book: the format asked for, at most ITSS__SHEET_MAX_SHEETS sheets,
 *    each cell inside the limits, its text non-empty, valid UTF-8 of at
 *    most ITSS__SHEET_MAX_TEXT bytes, cells by row then column with no
 *    place twice, at most ITSS__SHEET_MAX_CELLS in all.
 */
#ifndef ITSS_FUZZ_SHEET_H
#define ITSS_FUZZ_SHEET_H

#include "fuzz_common.h"
#include "sheet/sheet.h"

static inline void fuzz_check_book(int rc, const itss_error *e, itss__book *b, itss_format format)
{
    if (rc) {
        FUZZ_CHECK(rc == ITSS_EPARSE || rc == ITSS_ELIMIT || rc == ITSS_EVALUE ||
                   rc == ITSS_EINVAL || rc == ITSS_ENOMEM);
        FUZZ_CHECK(e->code == rc);
        FUZZ_CHECK(memchr(e->message, 0, sizeof e->message) != NULL && e->message[0]);
        FUZZ_CHECK(memchr(e->path, 0, sizeof e->path) != NULL);
        FUZZ_CHECK(b == NULL);
        return;
    }
    FUZZ_CHECK(b != NULL && b->format == format);
    FUZZ_CHECK(b->nsheets <= ITSS__SHEET_MAX_SHEETS);
    FUZZ_CHECK(format == ITSS_FORMAT_XLSX || b->nsheets == 1);
    size_t total = 0;
    for (size_t i = 0; i < b->nsheets; i++) {
        const itss__sheet *s = &b->sheets[i];
        FUZZ_CHECK(format == ITSS_FORMAT_CSV ? s->name == NULL
                                             : s->name && itss__utf8_valid(s->name, strlen(s->name)));
        for (size_t k = 0; k < s->ncells; k++) {
            const itss__cell *c = &s->cells[k];
            size_t n = strlen(c->text);
            FUZZ_CHECK(c->row >= 1 && c->row <= ITSS__SHEET_MAX_ROWS);
            FUZZ_CHECK(c->col >= 1 && c->col <= ITSS__SHEET_MAX_COLS);
            FUZZ_CHECK(n >= 1 && n <= ITSS__SHEET_MAX_TEXT && itss__utf8_valid(c->text, n));
            FUZZ_CHECK(c->kind >= ITSS__CELL_TEXT && c->kind <= ITSS__CELL_ERROR);
            FUZZ_CHECK(format == ITSS_FORMAT_XLSX || c->kind == ITSS__CELL_TEXT);
            if (k)
                FUZZ_CHECK(s->cells[k - 1].row < c->row ||
                           (s->cells[k - 1].row == c->row && s->cells[k - 1].col < c->col));
        }
        total += s->ncells;
    }
    FUZZ_CHECK(total <= ITSS__SHEET_MAX_CELLS);
    itss__book_free(b);
}

#endif
