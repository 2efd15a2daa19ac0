/* libitss — text tables for the reports: rows are collected first, then
 * every column is written as wide as its widest cell, so that long names
 * and Chinese text (two columns a character) never push a column out of
 * line. See the comment in internal.h. */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

enum { ITEM_ROW, ITEM_CELL, ITEM_LINE };

struct itss_table_item {
    int kind;
    size_t indent; /* row: of its first cell; line: after the column start */
    size_t col;    /* line: the column it starts at */
    size_t text;   /* cell, line: offset of the text in the table's buffer */
    size_t width;  /* cell: display width of the text */
};

/* The gap between two columns. */
#define GAP 2

void itss__table_init(itss_table *t, itss_buf *out, size_t indent)
{
    memset(t, 0, sizeof *t);
    t->out = out;
    t->indent = indent;
    itss__buf_init(&t->text);
}

static itss_table_item *add_item(itss_table *t, int kind)
{
    if (t->out->oom)
        return NULL;
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        itss_table_item *p = cap <= SIZE_MAX / sizeof *p ? realloc(t->items, cap * sizeof *p)
                                                          : NULL;
        if (!p) {
            t->out->oom = 1;
            return NULL;
        }
        t->items = p;
        t->cap = cap;
    }
    itss_table_item *it = &t->items[t->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

size_t itss__buf_put_words(itss_buf *b, const char *s)
{
    size_t start = b->len;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        const unsigned char *q = p;
        while (*q > ' ' && *q != 0x7F)
            q++;
        if (q > p) {
            if (b->len > start)
                itss__buf_putc(b, ' ');
            itss__buf_append(b, (const char *)p, (size_t)(q - p));
        }
        while (*q && (*q <= ' ' || *q == 0x7F))
            q++;
        p = q;
    }
    return b->len - start;
}

void itss__buf_put_heading(itss_buf *b, const char *a, const char *c)
{
    itss__buf_put_words(b, a);
    itss__buf_putc(b, ' ');
    itss__buf_put_words(b, c);
    itss__buf_putc(b, '\n');
}

/* Copy s into the table's buffer as one line of words (a newline would
 * break the table, two spaces would read as a column gap). An empty result
 * becomes empty_as. Returns the offset of the copy. */
static size_t put_text(itss_table *t, const char *s, const char *empty_as)
{
    itss_buf *b = &t->text;
    size_t start = b->len;
    if (itss__buf_put_words(b, s) == 0)
        itss__buf_puts(b, empty_as);
    itss__buf_putc(b, '\0');
    return start;
}

void itss__table_row(itss_table *t, size_t indent)
{
    itss_table_item *it = add_item(t, ITEM_ROW);
    if (it)
        it->indent = indent;
}

void itss__table_cell(itss_table *t, const char *s)
{
    /* a cell outside a row starts one */
    if (t->n == 0 || t->items[t->n - 1].kind == ITEM_LINE)
        itss__table_row(t, 0);
    itss_table_item *it = add_item(t, ITEM_CELL);
    if (!it)
        return;
    it->text = put_text(t, s ? s : "", "-");
    if (!t->text.oom)
        it->width = itss__display_width(t->text.data + it->text);
}

void itss__table_cellf(itss_table *t, const char *fmt, ...)
{
    itss_buf text;
    itss__buf_init(&text);
    va_list ap;
    va_start(ap, fmt);
    itss__buf_vprintf(&text, fmt, ap);
    va_end(ap);
    if (text.oom)
        t->out->oom = 1;
    else
        itss__table_cell(t, text.data ? text.data : "");
    itss__buf_free(&text);
}

void itss__table_line(itss_table *t, size_t col, size_t indent, const char *s)
{
    itss_table_item *it = add_item(t, ITEM_LINE);
    if (!it)
        return;
    it->col = col;
    it->indent = indent;
    it->text = put_text(t, s ? s : "", "");
}

/* Go through the rows and lines twice: first to measure (w[k] grows to the
 * widest cell of column k, a row's indentation counting in its first cell),
 * then to write with those widths. */
static void walk(const itss_table *t, size_t *w, size_t ncols, int write)
{
    itss_buf *b = t->out;
    size_t i = 0;
    while (i < t->n) {
        const itss_table_item *it = &t->items[i++];
        if (it->kind == ITEM_LINE) {
            const char *s = t->text.data + it->text;
            if (!write)
                continue;
            if (*s) {
                size_t at = t->indent + it->indent;
                for (size_t k = 0; k < it->col && k < ncols; k++)
                    at += w[k] + GAP;
                itss__buf_pad(b, at);
                itss__buf_puts(b, s);
            }
            itss__buf_putc(b, '\n');
            continue;
        }
        /* a row: its cells follow it; missing ones are shown as "-" */
        if (write)
            itss__buf_pad(b, t->indent);
        for (size_t k = 0; k < ncols; k++) {
            const char *s = "-";
            size_t sw = 1, pre = k == 0 ? it->indent : 0;
            if (i < t->n && t->items[i].kind == ITEM_CELL) {
                s = t->text.data + t->items[i].text;
                sw = t->items[i].width;
                i++;
            }
            if (!write) {
                if (pre + sw > w[k])
                    w[k] = pre + sw;
                continue;
            }
            itss__buf_pad(b, pre);
            itss__buf_puts(b, s);
            if (k + 1 < ncols) /* the last column is not padded */
                itss__buf_pad(b, w[k] - pre - sw + GAP);
        }
        if (write)
            itss__buf_putc(b, '\n');
    }
}

void itss__table_end(itss_table *t)
{
    if (t->text.oom)
        t->out->oom = 1;
    if (!t->out->oom) {
        /* as many columns as the longest row has cells */
        size_t ncols = 0, k = 0;
        for (size_t i = 0; i < t->n; i++) {
            k = t->items[i].kind == ITEM_ROW ? 0 : k + (t->items[i].kind == ITEM_CELL);
            if (k > ncols)
                ncols = k;
        }
        size_t *w = calloc(ncols ? ncols : 1, sizeof *w);
        if (w) {
            walk(t, w, ncols, 0);
            walk(t, w, ncols, 1);
            free(w);
        } else {
            t->out->oom = 1;
        }
    }
    itss__buf_free(&t->text);
    free(t->items);
    t->items = NULL;
    t->n = t->cap = 0;
}
