/* libitss — a worksheet document (sheet_write.h) as an XLSX workbook: the
 * table (header frozen and bold, widths, wrapped long text, groups of rows
 * banded, a drop-down of ratings that lets numbers through), the metadata
 * sheet and the instructions sheet.
 *
 * The workbook library writes only to a file: the workbook goes to a
 * temporary file (mkstemp in $TMPDIR or /tmp), is read back into memory
 * and the file removed. Numbers are written in the C locale (the library
 * prints them with printf); a number whose 16-digit text would not read
 * back as the same double is written as text with its shortest exact
 * decimal form, which the readers take as that number. */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "sheet_write.h"

typedef struct xw {
    lxw_workbook *wb;
    lxw_format *header;
    lxw_format *band[2][2]; /* [fill][wrap] */
    lxw_format *wrap;
    lxw_error first; /* the first error of the library's calls */
} xw;

static void note(xw *x, lxw_error e)
{
    if (e && !x->first)
        x->first = e;
}

static void put(xw *x, lxw_worksheet *ws, uint32_t row, uint16_t col, const itss__wcell *c,
                lxw_format *fmt)
{
    if (c->kind == ITSS__W_TEXT) {
        note(x, worksheet_write_string(ws, row, col, c->text, fmt));
    } else if (c->kind == ITSS__W_NUMBER) {
        char tmp[64];
        snprintf(tmp, sizeof tmp, "%.16G", c->number); /* what the library writes */
        if (strtod(tmp, NULL) == c->number) {
            note(x, worksheet_write_number(ws, row, col, c->number, fmt));
        } else {
            itss__format_double(tmp, sizeof tmp, c->number);
            note(x, worksheet_write_string(ws, row, col, tmp, fmt));
        }
    } else if (fmt) {
        note(x, worksheet_write_blank(ws, row, col, fmt));
    }
}

static void table_sheet(xw *x, const itss__wdoc *d)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, d->table_name);
    if (!ws) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    for (size_t c = 0; c < d->ncols; c++) {
        note(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, d->widths[c],
                                     d->wrap[c] ? x->wrap : NULL));
        note(x, worksheet_write_string(ws, 0, (lxw_col_t)c, d->headers[c], x->header));
    }
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t r = 0; r < d->nrows; r++)
        for (size_t c = 0; c < d->ncols; c++)
            put(x, ws, (lxw_row_t)(r + 1), (lxw_col_t)c, &d->cells[r * d->ncols + c],
                x->band[d->group[r] % 2][d->wrap[c]]);
    if (d->rating_col >= 0 && d->nrows) {
        static const char *const ratings[] = {"F", "L", "P", "N", "met", "not_met", "na", NULL};
        lxw_data_validation v;
        memset(&v, 0, sizeof v);
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = (char **)ratings;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_INFORMATION;
        v.input_message = (char *)d->rating_tip;
        lxw_col_t col = (lxw_col_t)d->rating_col;
        note(x, worksheet_data_validation_range(ws, 1, col, (lxw_row_t)d->nrows, col, &v));
    }
}

static void meta_sheet(xw *x, const itss__wdoc *d)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, d->meta_name);
    if (!ws) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    note(x, worksheet_set_column(ws, 0, 0, 16, NULL));
    note(x, worksheet_set_column(ws, 1, 1, 40, x->wrap));
    note(x, worksheet_set_column(ws, 2, 2, 12, NULL));
    note(x, worksheet_write_string(ws, 0, 0, d->meta_header[0], x->header));
    note(x, worksheet_write_string(ws, 0, 1, d->meta_header[1], x->header));
    worksheet_freeze_panes(ws, 1, 0);
    for (size_t r = 0; r < d->nmeta; r++)
        for (size_t c = 0; c < ITSS__W_META_CELLS; c++)
            put(x, ws, (lxw_row_t)(r + 1), (lxw_col_t)c, &d->meta[r * ITSS__W_META_CELLS + c],
                NULL);
}

static void instructions_sheet(xw *x, const itss__wdoc *d)
{
    if (!d->instructions)
        return;
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, d->instr_name);
    if (!ws) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    note(x, worksheet_set_column(ws, 0, 0, 100, x->wrap));
    lxw_row_t row = 0;
    for (const char *const *l = d->instructions; *l; l++) {
        note(x, worksheet_write_string(ws, row++, 0, *l, l == d->instructions ? x->header : NULL));
    }
}

/* The whole file into a malloc'd buffer. */
static int slurp(const char *path, char **out, size_t *len, itss_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return itss__err(err, ITSS_EIO, "cannot read the workbook written to %s: %s", path,
                         strerror(errno));
    itss_buf b;
    itss__buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        itss__buf_append(&b, chunk, n);
    int bad = ferror(f), e = errno;
    fclose(f);
    if (bad) {
        itss__buf_free(&b);
        return itss__err(err, ITSS_EIO, "cannot read the workbook written to %s: %s", path,
                         strerror(e));
    }
    return itss__buf_finish(&b, out, len, err);
}

static int lxw_fail(itss_error *err, lxw_error e, const char *path)
{
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    return itss__err(err, ITSS_EIO, "cannot write the workbook to %s: %s (%s)", path,
                     lxw_strerror(e), errno ? strerror(errno) : "no system error");
}

int itss__xlsx_write(const itss__wdoc *d, char **out, size_t *len, itss_error *err)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t n = strlen(dir) + sizeof "/itss-XXXXXX";
    char *path = malloc(n);
    if (!path)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    snprintf(path, n, "%s/itss-XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) {
        int rc = itss__err(err, ITSS_EIO, "cannot create a temporary file %s: %s", path,
                           strerror(errno));
        free(path);
        return rc;
    }
    close(fd);

    /* the library prints numbers with printf: in the C locale */
    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
    lxw_workbook_options opt = {.constant_memory = 0, .tmpdir = (char *)dir, .use_zip64 = 0};
    xw x = {0};
    int rc = ITSS_OK;
    errno = 0;
    x.wb = workbook_new_opt(path, &opt);
    if (!x.wb) {
        rc = itss__err(err, ITSS_EIO, "cannot open %s to write the workbook: %s", path,
                       errno ? strerror(errno) : "the workbook library failed");
    } else {
        x.header = workbook_add_format(x.wb);
        x.wrap = workbook_add_format(x.wb);
        for (int f = 0; f < 2; f++)
            for (int w = 0; w < 2; w++)
                x.band[f][w] = workbook_add_format(x.wb);
        if (x.header && x.wrap && x.band[0][0] && x.band[0][1] && x.band[1][0] &&
            x.band[1][1]) {
            format_set_bold(x.header);
            format_set_bg_color(x.header, 0xDDEBF7);
            format_set_bottom(x.header, LXW_BORDER_THIN);
            format_set_text_wrap(x.wrap);
            format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
            for (int f = 0; f < 2; f++)
                for (int w = 0; w < 2; w++) {
                    lxw_format *fm = x.band[f][w];
                    format_set_align(fm, LXW_ALIGN_VERTICAL_TOP);
                    if (w)
                        format_set_text_wrap(fm);
                    if (f)
                        format_set_bg_color(fm, 0xF2F2F2);
                }
            table_sheet(&x, d);
            meta_sheet(&x, d);
            instructions_sheet(&x, d);
        } else {
            note(&x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        }
        errno = 0;
        lxw_error e = workbook_close(x.wb); /* frees the workbook in any case */
        if (x.first)
            rc = lxw_fail(err, x.first, path);
        else if (e)
            rc = lxw_fail(err, e, path);
    }
    if (c_locale) {
        uselocale(old);
        freelocale(c_locale);
    }
    if (!rc)
        rc = slurp(path, out, len, err);
    if (unlink(path) != 0 && !rc && errno != ENOENT) {
        int e = errno;
        itss_free(*out);
        *out = NULL;
        rc = itss__err(err, ITSS_EIO, "cannot remove the temporary file %s: %s", path,
                       strerror(e));
    }
    free(path);
    return rc;
}
