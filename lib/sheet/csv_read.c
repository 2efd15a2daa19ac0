/*
 * libitss — reading a CSV worksheet into a book (one sheet, no name).
 *
 * Fields follow RFC 4180 strictly: a quote inside an unquoted field, text
 * after a closing quote and a quote left open at the end are errors with
 * their row and column, never guessed at. Fields are kept exactly as
 * written (no spaces trimmed: the mapping trims what it reads). Rows end
 * at CRLF, LF or CR; blank lines count as rows, so that row numbers are
 * the ones a spreadsheet program shows.
 */
#include <csv.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>

#include "book_internal.h"

/* Bytes fed to the parser at a time: a failure in a callback is seen
 * after at most this much more input. */
#define CHUNK ((size_t)64 * 1024)

typedef struct csv_ctx {
    itss__book_builder *bb; /* NULL: count rows and fields only */
    uint32_t row;           /* the row being read, from 1 */
    uint32_t col;           /* fields of the row so far */
    int last_term;          /* the character that ended the previous row */
    int failed;             /* the error code once a cell failed */
    itss_error *err;
} csv_ctx;

static void on_field(void *s, size_t len, void *data)
{
    csv_ctx *c = data;
    if (c->col < UINT32_MAX)
        c->col++;
    if (c->failed || !c->bb || len == 0)
        return;
    c->failed = itss__book_cell(c->bb, c->row, c->col, ITSS__CELL_TEXT, s, len, 0.0, c->err);
}

static void on_row(int term, void *data)
{
    csv_ctx *c = data;
    /* the LF of a CRLF that ended a row is reported on its own */
    int lf_of_crlf = term == '\n' && c->last_term == '\r' && c->col == 0;
    c->last_term = term;
    if (lf_of_crlf)
        return;
    if (c->row < UINT32_MAX)
        c->row++;
    c->col = 0;
}

static int no_space(unsigned char ch)
{
    (void)ch;
    return 0;
}

/* Parse s[0..n) into c; returns the offset where strict parsing failed,
 * or n. *bad: 1 for a quote in the wrong place, 2 for a quote left open
 * at the end (finish only). */
static size_t parse(const char *s, size_t n, csv_ctx *c, int finish, int *bad, itss_error *err)
{
    struct csv_parser p;
    *bad = 0;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
        c->failed = itss__err(err, ITSS_ENOMEM, "out of memory");
        return 0;
    }
    csv_set_space_func(&p, no_space);
    c->row = 1;
    c->col = 0;
    c->last_term = 0;
    size_t off = 0;
    while (off < n && !c->failed) {
        size_t k = n - off < CHUNK ? n - off : CHUNK;
        size_t done = csv_parse(&p, s + off, k, on_field, on_row, c);
        if (done < k) {
            off += done;
            if (csv_error(&p) == CSV_EPARSE) {
                *bad = 1;
            } else if (!c->failed) {
                c->failed = itss__err(err, ITSS_ENOMEM, "out of memory");
            }
            csv_free(&p);
            return off;
        }
        off += k;
    }
    if (finish && !c->failed && csv_fini(&p, on_field, on_row, c) != 0) {
        if (csv_error(&p) == CSV_EPARSE) {
            *bad = 2;
        } else if (!c->failed) {
            c->failed = itss__err(err, ITSS_ENOMEM, "out of memory");
        }
    }
    csv_free(&p);
    return off;
}

/* The row and column of the field at byte off of s. */
static void place_of(const char *s, size_t off, uint32_t *row, uint32_t *col)
{
    csv_ctx c = {0};
    int bad;
    parse(s, off, &c, 0, &bad, NULL);
    *row = c.row;
    *col = c.col + 1;
}

/* Offset of the first byte of s[0..n) that is a NUL or does not start a
 * valid UTF-8 character, or n. */
static size_t utf8_bad(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            if (!s[i])
                return i;
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = itss__utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k)
            return i;
        i += k;
    }
    return n;
}

/* s[0..n) converted from encoding to UTF-8 in a malloc'd *out. */
static int to_utf8(const char *s, size_t n, const char *encoding, char **out, size_t *outlen,
                   itss_error *err)
{
    *out = NULL;
    iconv_t cd = iconv_open("UTF-8", encoding);
    if (cd == (iconv_t)-1) {
        if (errno == EINVAL) {
            char shown[64];
            return itss__err(err, ITSS_EINVAL, "unknown encoding %s (try UTF-8 or GB18030)",
                             itss__shown(shown, sizeof shown, encoding));
        }
        return itss__err(err, ITSS_ENOMEM, "cannot convert from %s", encoding);
    }
    size_t cap = n + n / 2 + 16, used = 0;
    char *buf = malloc(cap);
    char *in = (char *)s;
    size_t left = n;
    int rc = ITSS_OK;
    while (buf && left) {
        char *o = buf + used;
        size_t room = cap - used;
        size_t r = iconv(cd, &in, &left, &o, &room);
        used = (size_t)(o - buf);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            char *nb = cap > SIZE_MAX / 2 ? NULL : realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
            continue;
        }
        size_t off = (size_t)(in - s);
        char shown[64];
        rc = itss__err(err, ITSS_EPARSE, "%s at byte offset %zu",
                       errno == EINVAL ? "the text ends inside a character"
                                       : "bytes that are not text in the encoding",
                       off);
        if (err) {
            size_t k = strlen(err->message);
            snprintf(err->message + k, sizeof err->message - k, " (encoding %s)",
                     itss__shown(shown, sizeof shown, encoding));
            itss__err_set_offset(err, s, n, off);
        }
        break;
    }
    iconv_close(cd);
    if (!buf)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    if (rc) {
        free(buf);
        return rc;
    }
    *out = buf;
    *outlen = used;
    return ITSS_OK;
}

/* 1 when the whole of s[0..n) reads as GB18030. */
static int looks_gb18030(const char *s, size_t n)
{
    char *conv;
    size_t len;
    if (to_utf8(s, n, "GB18030", &conv, &len, NULL) != ITSS_OK)
        return 0;
    free(conv);
    return 1;
}

static int read_utf8(const char *s, size_t n, size_t base, const char *orig, size_t origlen,
                     itss__book **out, itss_error *err)
{
    size_t bad = utf8_bad(s, n);
    if (bad < n) {
        uint32_t row, col;
        place_of(s, bad, &row, &col);
        if (!s[bad])
            itss__sheet_err(err, ITSS_EPARSE, NULL, row, col, NULL,
                            "byte offset %zu is a NUL byte: not text", base + bad);
        else
            itss__sheet_err(err, ITSS_EPARSE, NULL, row, col, NULL,
                            "byte offset %zu is not UTF-8 text%s", base + bad,
                            looks_gb18030(orig, origlen)
                                ? "; the file looks like GBK/GB18030 text: read it with the "
                                  "encoding GB18030"
                                : "; read the file with its encoding");
        if (err)
            err->position = base + bad;
        return ITSS_EPARSE;
    }
    itss__book_builder bb;
    int rc = itss__book_begin(&bb, ITSS_FORMAT_CSV, err);
    if (rc)
        return rc;
    rc = itss__book_sheet(&bb, NULL, 0, err);
    if (rc) {
        itss__book_abandon(&bb);
        return rc;
    }
    csv_ctx c = {.bb = &bb, .err = err};
    int badq;
    size_t at = parse(s, n, &c, 1, &badq, err);
    if (c.failed) {
        itss__book_abandon(&bb);
        return c.failed;
    }
    if (badq) {
        itss__book_abandon(&bb);
        if (badq == 2)
            return itss__sheet_err(err, ITSS_EPARSE, NULL, c.row, c.col + 1, NULL,
                                   "a quoted field is not closed: the file ends inside it");
        itss__sheet_err(err, ITSS_EPARSE, NULL, c.row, c.col + 1, NULL,
                        "a quote inside an unquoted field or after a closing quote (byte "
                        "offset %zu): quote the whole field and double the quotes in it",
                        base + at);
        if (err)
            err->position = base + at;
        return ITSS_EPARSE;
    }
    return itss__book_end(&bb, out, err);
}

int itss__book_read_csv(const char *data, size_t len, const char *encoding, itss__book **out,
                        itss_error *err)
{
    *out = NULL;
    itss__err_clear(err);
    if (!encoding) {
        size_t skip = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        return read_utf8(data + skip, len - skip, skip, data, len, out, err);
    }
    char *conv;
    size_t clen;
    int rc = to_utf8(data, len, encoding, &conv, &clen, err);
    if (rc)
        return rc;
    size_t skip = clen >= 3 && memcmp(conv, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    rc = read_utf8(conv + skip, clen - skip, 0, conv, clen, out, err);
    free(conv);
    return rc;
}
