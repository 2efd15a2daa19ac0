/*
 * The worksheet readers (lib/sheet/csv_read.c, lib/sheet/xlsx_read.c):
 * CSV fields, encodings and their errors, and XLSX workbooks written by
 * tests/sheets/make_sheets.py into the directory given as argument (some
 * by openpyxl, some part by part, and the hostile ones). Every expected
 * cell is written out by hand from what the generator puts there.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "sheet/sheet.h"
#include "untranslated.h"

static const char *dir;

static char *slurp(const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static itss__book *xlsx_ok(const char *name)
{
    size_t len;
    char *data = slurp(name, &len);
    itss__book *b = NULL;
    itss_error e;
    int rc = itss__book_read_xlsx(data, len, &b, &e);
    free(data);
    ck_assert_msg(rc == ITSS_OK, "%s: %d %s", name, rc, e.message);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->format, ITSS_FORMAT_XLSX);
    return b;
}

/* Reading name fails with code and a message containing each fragment. */
static void xlsx_fails(const char *name, int code, const char *frag1, const char *frag2)
{
    size_t len;
    char *data = slurp(name, &len);
    itss__book *b = (itss__book *)1;
    itss_error e;
    int rc = itss__book_read_xlsx(data, len, &b, &e);
    free(data);
    ck_assert_msg(rc == code, "%s: %d (%s), expected %d", name, rc, e.message, code);
    ck_assert_int_eq(e.code, code);
    ck_assert_ptr_null(b);
    ck_assert_msg(strstr(e.message, frag1), "%s: \"%s\" lacks \"%s\"", name, e.message, frag1);
    assert_translated(&e, name);
    if (frag2)
        ck_assert_msg(strstr(e.message, frag2), "%s: \"%s\" lacks \"%s\"", name, e.message,
                      frag2);
}

static itss__book *csv_ok(const char *text, size_t len, const char *encoding)
{
    itss__book *b = NULL;
    itss_error e;
    int rc = itss__book_read_csv(text, len, encoding, &b, &e);
    ck_assert_msg(rc == ITSS_OK, "%d %s", rc, e.message);
    ck_assert_int_eq(b->format, ITSS_FORMAT_CSV);
    ck_assert_uint_eq(b->nsheets, 1);
    ck_assert_ptr_null(b->sheets[0].name);
    return b;
}

static void csv_fails(const char *text, size_t len, const char *encoding, int code,
                      const char *frag1, const char *frag2)
{
    itss__book *b = (itss__book *)1;
    itss_error e;
    int rc = itss__book_read_csv(text, len, encoding, &b, &e);
    ck_assert_msg(rc == code, "%d (%s), expected %d", rc, e.message, code);
    ck_assert_int_eq(e.code, code);
    ck_assert_ptr_null(b);
    ck_assert_msg(strstr(e.message, frag1), "\"%s\" lacks \"%s\"", e.message, frag1);
    assert_translated(&e, "CSV");
    if (frag2)
        ck_assert_msg(strstr(e.message, frag2), "\"%s\" lacks \"%s\"", e.message, frag2);
}

/* The cell at "B7" of s: kind and text, or absent when kind is 0. */
static void cell(const itss__sheet *s, const char *ref, itss__cell_kind kind, const char *text)
{
    uint32_t col = 0, row = 0;
    const char *p = ref;
    for (; *p >= 'A' && *p <= 'Z'; p++)
        col = col * 26 + (uint32_t)(*p - 'A' + 1);
    row = (uint32_t)atoi(p);
    const itss__cell *c = NULL;
    for (size_t i = 0; i < s->ncells; i++)
        if (s->cells[i].row == row && s->cells[i].col == col)
            c = &s->cells[i];
    if (!kind) {
        ck_assert_msg(c == NULL, "%s: expected no cell, got \"%s\"", ref, c->text);
        return;
    }
    ck_assert_msg(c != NULL, "%s: no cell", ref);
    ck_assert_msg(c->kind == kind, "%s: kind %d, expected %d", ref, (int)c->kind, (int)kind);
    ck_assert_msg(strcmp(c->text, text) == 0, "%s: \"%s\", expected \"%s\"", ref, c->text, text);
}

/* An expected cell (kind 0: no cell there). */
typedef struct want {
    const char *ref;
    itss__cell_kind kind;
    const char *text;
} want;

static void cells(const itss__sheet *s, size_t ncells, const want *w, size_t n)
{
    ck_assert_uint_eq(s->ncells, ncells);
    for (size_t i = 0; i < n; i++)
        cell(s, w[i].ref, w[i].kind, w[i].text);
}

#define CELLS(s, ncells, ...)                                                    \
    do {                                                                          \
        static const want w_[] = {__VA_ARGS__};                                   \
        cells(s, ncells, w_, sizeof w_ / sizeof *w_);                             \
    } while (0)

static void in_order(const itss__sheet *s)
{
    for (size_t i = 1; i < s->ncells; i++) {
        const itss__cell *a = &s->cells[i - 1], *b = &s->cells[i];
        ck_assert(a->row < b->row || (a->row == b->row && a->col < b->col));
    }
}

#define T ITSS__CELL_TEXT
#define N ITSS__CELL_NUMBER

/* ---- CSV ------------------------------------------------------------------- */

START_TEST(csv_fields)
{
    /* BOM, CRLF, a blank row (row 3), quoted comma and doubled quotes,
     * an empty first field (no cell), LF at the end */
    static const char text[] = "\xEF\xBB\xBF" "clause,rating\r\n7.4.4.c,F\r\n\r\n"
                               "\"a,b\",\"say \"\"hi\"\"\"\r\n,x\n";
    itss__book *b = csv_ok(text, sizeof text - 1, NULL);
    const itss__sheet *s = &b->sheets[0];
    CELLS(s, 7,
        {"A1", T, "clause"},
        {"B1", T, "rating"},
        {"A2", T, "7.4.4.c"},
        {"B2", T, "F"},
        {"A4", T, "a,b"},
        {"B4", T, "say \"hi\""},
        {"A5", 0, NULL},
        {"B5", T, "x"});
    in_order(s);
    itss__book_free(b);
}
END_TEST

START_TEST(csv_line_ends_and_spaces)
{
    /* LF, a lone CR, a quoted field across a CRLF (one row), spaces kept */
    static const char text[] = "a\nb\r\"line1\r\nline2\", c \r\nd";
    itss__book *b = csv_ok(text, sizeof text - 1, NULL);
    const itss__sheet *s = &b->sheets[0];
    CELLS(s, 5,
        {"A1", T, "a"},
        {"A2", T, "b"},
        {"A3", T, "line1\r\nline2"},
        {"B3", T, " c "},
        {"A4", T, "d"});
    itss__book_free(b);
}
END_TEST

START_TEST(csv_empty)
{
    itss__book *b = csv_ok("", 0, NULL);
    ck_assert_uint_eq(b->sheets[0].ncells, 0);
    itss__book_free(b);
    b = csv_ok("\xEF\xBB\xBF,,\r\n\r\n", 7, NULL);
    ck_assert_uint_eq(b->sheets[0].ncells, 0);
    itss__book_free(b);
}
END_TEST

START_TEST(csv_quotes)
{
    /* the quote opened in row 2, field A, never closed */
    csv_fails("a,b\n\"open,x\n", 12, NULL, ITSS_EPARSE, "row 2, column A: ", "not closed");
    /* a quote inside the unquoted field B of row 1 (byte offset 3) */
    csv_fails("a,b\"c\n", 6, NULL, ITSS_EPARSE, "row 1, column B: ", "byte offset 3");
    /* text after a closing quote: row 2, field B */
    csv_fails("x\ny,\"q\"z\n", 9, NULL, ITSS_EPARSE, "row 2, column B: ", NULL);
}
END_TEST

/* "clause,评级\r\n7.4.4.c,合格\r\n" in GBK: 评 = C6 C0, 级 = BC B6,
 * 合 = BA CF, 格 = B8 F1 (the GB 2312 code table). */
static const char gbk[] = "clause,\xC6\xC0\xBC\xB6\r\n7.4.4.c,\xBA\xCF\xB8\xF1\r\n";

START_TEST(csv_gbk_as_utf8)
{
    /* C6 would start a two-byte UTF-8 sequence, C0 is no continuation:
     * byte offset 7, row 1, column B */
    csv_fails(gbk, sizeof gbk - 1, NULL, ITSS_EPARSE, "row 1, column B: byte offset 7",
              "encoding GB18030");
    /* bytes no GBK text has: no GB18030 advice */
    itss_error e;
    itss__book *b;
    ck_assert_int_eq(itss__book_read_csv("a\n,\xFF\n", 5, NULL, &b, &e), ITSS_EPARSE);
    ck_assert_str_eq(e.message, "row 2, column B: byte offset 3 is not UTF-8 text; read the "
                                "file with its encoding");
    assert_translated(&e, "CSV");
    ck_assert_uint_eq(e.position, 3);
    /* a NUL byte in field B of row 1 is no text either (byte offset 3) */
    csv_fails("a,b\0c", 5, NULL, ITSS_EPARSE, "row 1, column B: byte offset 3 is a NUL byte",
              NULL);
    /* read through iconv, offsets are those of the converted text: 评 (2
     * bytes in GB18030) is 3 in UTF-8, so the quote after it is at 3 */
    csv_fails("a\0", 2, "GB18030", ITSS_EPARSE,
              "row 1, column A: byte offset 1 of the text converted to UTF-8 is a NUL", NULL);
    csv_fails("\xC6\xC0\"", 3, "GB18030", ITSS_EPARSE,
              "row 1, column A: a quote inside an unquoted field", "byte offset 3 of the text "
              "converted to UTF-8");
}
END_TEST

START_TEST(csv_gb18030)
{
    itss__book *b = csv_ok(gbk, sizeof gbk - 1, "GB18030");
    const itss__sheet *s = &b->sheets[0];
    CELLS(s, 4,
        {"A1", T, "clause"},
        {"B1", T, "评级"},
        {"A2", T, "7.4.4.c"},
        {"B2", T, "合格"});
    itss__book_free(b);
}
END_TEST

START_TEST(csv_encodings)
{
    csv_fails("a", 1, "NO-SUCH-ENCODING", ITSS_EINVAL, "unknown encoding", "NO-SUCH-ENCODING");
    /* 81 starts a GB18030 character, 20 cannot follow it: offset 2 */
    csv_fails("ab\x81\x20", 4, "GB18030", ITSS_EPARSE, "byte offset 2", "GB18030");
    /* the text stops after a lead byte */
    csv_fails("ab\x81", 3, "GB18030", ITSS_EPARSE, "ends inside a character", NULL);
    /* UTF-16LE with its BOM: "a,b" */
    itss__book *b = csv_ok("\xFF\xFE" "a\0,\0b\0", 8, "UTF-16");
    cell(&b->sheets[0], "A1", T, "a");
    cell(&b->sheets[0], "B1", T, "b");
    itss__book_free(b);
}
END_TEST

START_TEST(csv_limits)
{
    /* a field of 32768 bytes, one past the limit */
    size_t n = ITSS__SHEET_MAX_TEXT + 1;
    char *big = malloc(n);
    memset(big, 'x', n);
    csv_fails(big, n, NULL, ITSS_ELIMIT, "row 1, column A: ", "at most 32767");
    free(big);
    /* a cell on row 100001 */
    n = ITSS__SHEET_MAX_ROWS + 1;
    big = malloc(n);
    memset(big, '\n', n);
    big[n - 1] = 'x';
    csv_fails(big, n, NULL, ITSS_ELIMIT, "row 100001", "at most 100000 rows");
    /* 100000 blank rows then a cell on row 100000: fine */
    big[n - 2] = 'y';
    itss__book *b = csv_ok(big, n - 1, NULL);
    cell(&b->sheets[0], "A100000", T, "y");
    itss__book_free(b);
    free(big);
    /* 1,000,001 cells: 1001 rows of 999 fields "a,a,...,a\n" (2 bytes a field) */
    size_t per = 999, rows = 1002;
    n = rows * per * 2;
    big = malloc(n);
    for (size_t i = 0; i < n; i += 2)
        big[i] = 'a', big[i + 1] = ((i / 2) % per == per - 1) ? '\n' : ',';
    /* cell 1,000,001 = row 1002 (1001 full rows hold 999,999), field 2 = B */
    csv_fails(big, n, NULL, ITSS_ELIMIT, "row 1002, column B: ", "1000000 non-empty cells");
    free(big);
    /* a column past XFD (16384): 16385 fields */
    n = 16385 * 2;
    big = malloc(n);
    for (size_t i = 0; i < n; i += 2)
        big[i] = 'a', big[i + 1] = ',';
    csv_fails(big, n - 1, NULL, ITSS_ELIMIT, "column 16385", "A to XFD");
    free(big);
}
END_TEST

/* ---- XLSX ------------------------------------------------------------------ */

START_TEST(xlsx_openpyxl)
{
    itss__book *b = xlsx_ok("normal.xlsx");
    ck_assert_int_eq(b->date1904, 1);
    ck_assert_uint_eq(b->nsheets, 2);
    ck_assert_str_eq(b->sheets[0].name, "评估表");
    ck_assert_int_eq(b->sheets[0].hidden, 0);
    ck_assert_str_eq(b->sheets[1].name, "隐藏");
    ck_assert_int_eq(b->sheets[1].hidden, 1);
    const itss__sheet *s = &b->sheets[0];
    CELLS(s, 14,
        {"A1", T, "条款"},
        {"B1", T, "评级"},
        {"C1", T, "证据"},
        {"D1", T, "合并"}, /* merged D1:E2: the value in D1 only */
        {"E1", 0, NULL},
        {"D2", 0, NULL},
        {"A2", T, "7.4.4.c"},
        {"B2", T, "F"},
        {"C2", T, "运维手册 v2"},
        {"B3", N, "85"},
        {"C3", 0, NULL},
        {"B4", N, "0.1"},
        {"C4", ITSS__CELL_BOOL, "TRUE"},
        {"B5", T, "85"}); /* a number stored as text stays text */
    for (size_t i = 0; i < s->ncells; i++)
        if (s->cells[i].row == 3 && s->cells[i].col == 2)
            ck_assert(s->cells[i].number == 85.0);
    in_order(s);
    ck_assert_uint_eq(b->sheets[1].ncells, 1);
    cell(&b->sheets[1], "A1", T, "secret");
    itss__book_free(b);
}
END_TEST

START_TEST(xlsx_percent)
{
    /* a number shown as a percentage stays the number stored, marked as
     * shown as a percentage (a rating reads it as the percentage shown); a
     * literal % sign in the format is no percentage */
    itss__book *b = xlsx_ok("percent.xlsx");
    const itss__sheet *s = &b->sheets[0];
    CELLS(s, 6,
        {"A1", N, "0.85"},
        {"A2", N, "0.575"},
        {"A3", N, "0.3"},  /* 0.00"%" */
        {"A4", N, "0.5"},  /* 0\% */
        {"A5", N, "40"},
        {"A6", N, "1"});   /* [Red]0% */
    /* which are shown as percentages: 0%, 0.0%, [Red]0% */
    static const int shown[6] = {1, 1, 0, 0, 0, 1};
    for (size_t i = 0; i < s->ncells; i++)
        ck_assert_msg(s->cells[i].percent == shown[s->cells[i].row - 1], "row %u",
                      (unsigned)s->cells[i].row);
    itss__book_free(b);
}
END_TEST

START_TEST(xlsx_escapes)
{
    itss__book *b = xlsx_ok("escapes.xlsx");
    const itss__sheet *s = &b->sheets[0];
    CELLS(s, 6,
        {"A1", T, "a\rb"},
        {"B1", T, "_x0041_"},          /* _x005F_ is the underscore */
        {"C1", T, "x\xc3\xa9_x0000_ _xD800_"}, /* U+00E9 é; no character kept as written */
        {"D1", T, "\ttab"},
        {"E1", T, "_x004"},            /* not an escape: too short */
        {"F1", T, "a\rb"});           /* shared string 0 again */
    /* a shared string is held once, whatever the number of cells using it
     * (a copy per cell would let a small file take gigabytes) */
    ck_assert_ptr_eq(s->cells[0].text, s->cells[5].text);
    itss__book_free(b);
}
END_TEST

START_TEST(xlsx_kinds)
{
    itss__book *b = xlsx_ok("kinds.xlsx");
    ck_assert_int_eq(b->date1904, 0);
    ck_assert_uint_eq(b->nsheets, 1);
    const itss__sheet *s = &b->sheets[0];
    ck_assert_str_eq(s->name, "kinds");
    CELLS(s, 17,
        {"A1", T, "plain"},
        {"B1", T, "rich text"},     /* runs joined, the phonetic run left out */
        {"C1", T, " 00123 "},       /* spaces kept, a number as text */
        {"A2", T, "inline"},
        {"B2", T, "inruns"},
        {"C2", ITSS__CELL_BOOL, "TRUE"},
        {"D2", ITSS__CELL_BOOL, "FALSE"},
        {"E2", ITSS__CELL_ERROR, "#N/A"},
        {"A3", N, "85"},
        {"B3", N, "0.1"},
        {"C3", N, "0.0015"},        /* 1.5E-3 */
        {"D3", N, "2"},             /* formula 1+1, cached 2 */
        {"E3", T, "ab"},            /* string formula, cached "ab" */
        {"F3", 0, NULL},            /* a styled empty cell */
        {"A4", N, "7"},             /* row and cells without r: row 4, A, B */
        {"B4", T, "x"},
        {"C9", T, "85"},
        {"D9", N, "-3"},
        {"A9", 0, NULL});           /* merged A9:B9, nothing stored */
    in_order(s);
    itss__book_free(b);
}
END_TEST

START_TEST(xlsx_bad_parts)
{
    /* two shared strings (0, 1): index 2 at C2 */
    xlsx_fails("ss_range.xlsx", ITSS_EPARSE,
               "sheet 表, row 2, column C: shared string 2 does not exist (the workbook has 2)",
               NULL);
    xlsx_fails("wrong_types.xlsx", ITSS_EPARSE, "[Content_Types].xml: not an XLSX workbook",
               NULL);
    xlsx_fails("formula.xlsx", ITSS_EVALUE, "sheet Sheet, row 3, column B: the formula has no "
               "saved value", "spreadsheet program");
    xlsx_fails("formula_hand.xlsx", ITSS_EVALUE, "sheet calc, row 4, column B: ", NULL);
    xlsx_fails("truncated.xlsx", ITSS_EPARSE, "not a zip archive, or a truncated one", NULL);
    itss__book *b;
    itss_error e;
    ck_assert_int_eq(itss__book_read_xlsx("clause,rating\n", 14, &b, &e), ITSS_EPARSE);
    ck_assert_ptr_null(b);
    assert_translated(&e, "text as XLSX");
    ck_assert_int_eq(itss__book_read_xlsx("", 0, &b, &e), ITSS_EPARSE);
    assert_translated(&e, "empty XLSX");
}
END_TEST

START_TEST(xlsx_hostile)
{
    xlsx_fails("longname.xlsx", ITSS_ELIMIT,
               "xl/workbook.xml line 1: a sheet name longer than 255 bytes", NULL);
    xlsx_fails("xxe.xlsx", ITSS_EPARSE,
               "xl/worksheets/sheet1.xml line 1: document type declarations are not allowed",
               NULL);
    xlsx_fails("laughs.xlsx", ITSS_EPARSE,
               "xl/sharedStrings.xml line 1: document type declarations are not allowed", NULL);
    /* sheets 1 and 2 declare 2 x 32 MiB + the workbook's own parts */
    xlsx_fails("bomb.xlsx", ITSS_ELIMIT, "declare more than 64 MiB", "sheet002.xml");
    xlsx_fails("million.xlsx", ITSS_ELIMIT, "sheet big, row 100001: more than 100000 rows",
               NULL);
}
END_TEST

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR (the workbooks of tests/sheets/make_sheets.py)\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    Suite *s = suite_create("sheet_read");
    ADD(s, csv_fields);
    ADD(s, csv_line_ends_and_spaces);
    ADD(s, csv_empty);
    ADD(s, csv_quotes);
    ADD(s, csv_gbk_as_utf8);
    ADD(s, csv_gb18030);
    ADD(s, csv_encodings);
    ADD(s, csv_limits);
    ADD(s, xlsx_openpyxl);
    ADD(s, xlsx_kinds);
    ADD(s, xlsx_percent);
    ADD(s, xlsx_escapes);
    ADD(s, xlsx_bad_parts);
    ADD(s, xlsx_hostile);
    return itss_test_run(s);
}
