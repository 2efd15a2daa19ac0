/*
 * The mapping of a worksheet's cells to an assessment or an evaluation
 * (lib/sheet/assessment_sheet.c, evaluation_sheet.c, map.c) on books built
 * here cell by cell, independently of the CSV and XLSX readers: the result
 * equals what the equivalent JSON loads to; every problem has its code,
 * place and message; a check lists every problem in document order. And
 * the check of JSON documents (lib/json/): every bad rating and
 * measurement, not only the first.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "sheet/map.h"

/* ---- books built from literal cells ------------------------------------------- */

typedef struct tcell {
    uint32_t row, col;
    const char *text;
    int numeric;   /* 1: a numeric cell of value number; 2: an error value;
                      3: a numeric cell shown as a percentage */
    double number;
} tcell;

#define END {0, 0, NULL, 0, 0}

typedef struct tsheet {
    const char *name;
    int hidden;
    const tcell *cells; /* ended by END */
} tsheet;

static int cell_order(const void *a, const void *b)
{
    const itss__cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    return x->col < y->col ? -1 : x->col > y->col;
}

/* A book of n sheets with these cells (sorted by row and column, as the
 * readers give them). */
static itss__book *book(itss_format format, int date1904, size_t n, const tsheet *sh)
{
    itss__book *b = calloc(1, sizeof *b);
    ck_assert_ptr_nonnull(b);
    b->format = format;
    b->date1904 = date1904;
    itss__sheet *sheets = itss__arena_calloc(&b->arena, n, sizeof *sheets);
    ck_assert_ptr_nonnull(sheets);
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (sh[i].cells[k].text)
            k++;
        itss__cell *cells = itss__arena_calloc(&b->arena, k ? k : 1, sizeof *cells);
        ck_assert_ptr_nonnull(cells);
        for (size_t j = 0; j < k; j++) {
            const tcell *t = &sh[i].cells[j];
            cells[j].row = t->row;
            cells[j].col = t->col;
            cells[j].kind = t->numeric == 2                      ? ITSS__CELL_ERROR
                            : t->numeric == 1 || t->numeric == 3 ? ITSS__CELL_NUMBER
                                                                 : ITSS__CELL_TEXT;
            cells[j].percent = t->numeric == 3;
            cells[j].text = t->text;
            cells[j].number = t->number;
        }
        qsort(cells, k, sizeof *cells, cell_order);
        sheets[i].name = sh[i].name;
        sheets[i].hidden = sh[i].hidden;
        sheets[i].cells = cells;
        sheets[i].ncells = k;
    }
    b->sheets = sheets;
    b->nsheets = n;
    return b;
}

static itss__book *csv(const tcell *cells)
{
    tsheet s = {NULL, 0, cells};
    return book(ITSS_FORMAT_CSV, 0, 1, &s);
}

static void book_done(itss__book *b)
{
    itss__arena_free(&b->arena);
    free(b);
}

static const itss_maturity_model *model(void)
{
    return itss_maturity_model_builtin();
}

/* ---- comparing with JSON ------------------------------------------------------- */

static char *export_a(const itss_assessment *a)
{
    char *s;
    itss_error e;
    ck_assert_int_eq(itss_assessment_export(a, ITSS_FORMAT_JSON, &s, NULL, &e), 0);
    return s;
}

/* The book reads to exactly the assessment that json loads to. */
static void same_as_json(itss__book *b, const char *json)
{
    itss_assessment *fromsheet, *fromjson;
    itss_error e;
    int rc = itss__assessment_from_book(model(), b, NULL, &fromsheet, &e);
    ck_assert_msg(rc == 0, "sheet: %d %s", rc, e.message);
    rc = itss_assessment_load(model(), json, strlen(json), &fromjson, &e);
    ck_assert_msg(rc == 0, "json: %d %s", rc, e.message);
    char *x = export_a(fromsheet), *y = export_a(fromjson);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);
    itss_assessment_free(fromsheet);
    itss_assessment_free(fromjson);
    book_done(b);
}

static void expect_error(const itss_error *e, int code, const char *path, size_t line,
                         size_t column, const char *message)
{
    ck_assert_str_eq(e->message, message);
    ck_assert_int_eq(e->code, code);
    ck_assert_str_eq(e->path, path);
    ck_assert_uint_eq(e->line, line);
    ck_assert_uint_eq(e->column, column);
}

/* The first problem of the book, which must not read. */
static void fails_a(itss__book *b, int code, const char *path, size_t line, size_t column,
                    const char *message)
{
    itss_assessment *a = (itss_assessment *)1;
    itss_error e;
    int rc = itss__assessment_from_book(model(), b, NULL, &a, &e);
    ck_assert_int_eq(rc, code);
    ck_assert_ptr_null(a);
    expect_error(&e, code, path, line, column, message);
    book_done(b);
}

/* ---- assessments: what reads ------------------------------------------------ */

START_TEST(assessment_csv_equals_json)
{
    /* metadata above the header, keys in either language; columns in any
     * order, headers trimmed and in any case; an unread column; blank
     * rows; ratings as words in any case, with spaces, percentages with
     * and without %, decimals; one apostrophe dropped before = + - @ */
    static const tcell cells[] = {
        {1, 1, "模型", 0, 0},         {1, 2, "tcesa1299-2023", 0, 0},
        {2, 1, "organization", 0, 0}, {2, 2, "Acme 运维", 0, 0},
        {3, 1, "日期", 0, 0},         {3, 2, "2026-01-15", 0, 0},
        {4, 1, "Notes", 0, 0},        {4, 2, "'=SUM(A1)", 0, 0},
        {5, 1, "id", 0, 0},           {5, 2, "'plain", 0, 0},
        {7, 1, "条款", 0, 0},         {7, 2, "级别", 0, 0},
        {7, 3, " Rating ", 0, 0},     {7, 4, "证据", 0, 0},
        {7, 5, "NOTE", 0, 0},         {7, 6, "不适用理由", 0, 0},
        {7, 7, "extra", 0, 0},
        {8, 1, "6.1.1.a", 0, 0},      {8, 2, "1 基本级", 0, 0},
        {8, 3, "F", 0, 0},            {8, 4, "'+制度 V3", 0, 0},
        {9, 1, " 6.1.1.b ", 0, 0},    {9, 3, " l ", 0, 0},
        {9, 5, "复核中", 0, 0},
        {10, 1, "6.1.1.c", 0, 0},     {10, 3, "85%", 0, 0},
        {11, 1, "6.1.1.d", 0, 0},     {11, 3, "85.5", 0, 0},
        {13, 1, "6.1.2.a", 0, 0},     {13, 3, "NA", 0, 0},
        {13, 6, "不涉及", 0, 0},
        {14, 1, "6.1.2.b", 0, 0},     {14, 3, "met", 0, 0},
        {15, 1, "6.1.3.a", 0, 0},     {15, 7, "unread", 0, 0},
        {16, 1, "7.1.1.a", 0, 0},     {16, 3, "not_MET", 0, 0},
        {17, 1, "7.1.1.b", 0, 0},     {17, 3, "0", 0, 0},
        {18, 1, "7.1.1.c", 0, 0},     {18, 3, "42 %", 0, 0},
        /* apostrophes in front of a formula character, TAB or CR: the
         * writers add one, so one is dropped ("''=x" was written for
         * "'=x"); an apostrophe before anything else stays */
        {19, 1, "7.1.1.d", 0, 0},     {19, 3, "F", 0, 0},
        {19, 4, "''=x", 0, 0},        {19, 5, "'\tindented", 0, 0},
        {20, 1, "7.1.2.a", 0, 0},     {20, 3, "F", 0, 0},
        {20, 4, "'\rline", 0, 0},     {20, 5, "'''-3", 0, 0},
        END,
    };
    same_as_json(csv(cells),
                 "{\"organization\": \"Acme 运维\", \"date\": \"2026-01-15\", "
                 "\"notes\": \"=SUM(A1)\", \"id\": \"'plain\", \"ratings\": {"
                 "\"6.1.1.a\": {\"rating\": \"F\", \"evidence\": \"+制度 V3\"},"
                 "\"6.1.1.b\": {\"rating\": \"L\", \"note\": \"复核中\"},"
                 "\"6.1.1.c\": 85, \"6.1.1.d\": 85.5,"
                 "\"6.1.2.a\": {\"rating\": \"na\", \"reason\": \"不涉及\"},"
                 "\"6.1.2.b\": \"met\", \"7.1.1.a\": \"not_met\", \"7.1.1.b\": 0,"
                 "\"7.1.1.c\": 42,"
                 "\"7.1.1.d\": {\"rating\": \"F\", \"evidence\": \"'=x\", \"note\": \"\\tindented\"},"
                 "\"7.1.2.a\": {\"rating\": \"F\", \"evidence\": \"\\rline\", \"note\": \"''-3\"}}}");
}
END_TEST

START_TEST(assessment_workbook_equals_json)
{
    /* a hidden sheet with a header is passed over; the table on
     * 评估表, the metadata on 基本信息 under its field/value header, the
     * date as a serial: 45000 days after 1899-12-30 (the 1900 system,
     * counting 1900-02-29) is 2023-03-15 (44927 is 2023-01-01: 365 days
     * a year and 31 leap days in 1900..2022 counted that way, and 73 days
     * later is 15 March); a numeric rating is the number stored */
    static const tcell hidden[] = {
        {1, 1, "clause", 0, 0}, {1, 2, "rating", 0, 0}, {2, 1, "9.9.9.z", 0, 0}, END};
    static const tcell table[] = {
        {1, 1, "clause", 0, 0}, {1, 2, "rating", 0, 0},
        {2, 1, "6.1.1.a", 0, 0}, {2, 2, "70", 1, 70},
        {3, 1, "6.1.1.b", 0, 0}, {3, 2, "0.85", 1, 0.85},
        /* shown as percentages: the percentage shown, to 15 significant
         * digits (0.575 * 100 is 57.49999999999999 in doubles; 57.5 shown) */
        {4, 1, "6.1.1.c", 0, 0}, {4, 2, "0.575", 3, 0.575},
        {5, 1, "6.1.1.d", 0, 0}, {5, 2, "0.85", 3, 0.85},
        END};
    static const tcell meta[] = {
        {1, 1, "字段", 0, 0},   {1, 2, "内容", 0, 0},
        {2, 1, "日期", 0, 0},   {2, 2, "45000", 1, 45000},
        {3, 1, "评估人", 0, 0}, {3, 2, "张三", 0, 0},
        {4, 1, "scale", 0, 0},  {4, 2, "NPLF", 0, 0},
        END};
    static const tcell help[] = {{1, 1, "rating: F, L, P, N", 0, 0}, END};
    const tsheet sheets[] = {{"old", 1, hidden}, {"评估表", 0, table}, {"基本信息", 0, meta},
                             {"填写说明", 0, help}};
    same_as_json(book(ITSS_FORMAT_XLSX, 0, 4, sheets),
                 "{\"date\": \"2023-03-15\", \"assessor\": \"张三\", \"scale\": \"nplf\", "
                 "\"ratings\": {\"6.1.1.a\": 70, \"6.1.1.b\": 0.85, \"6.1.1.c\": 57.5, "
                 "\"6.1.1.d\": 85}}");
}
END_TEST

START_TEST(date_serials)
{
    char d[16];
    /* 1900 system: 1 is 1900-01-01, 59 is 28 February, 60 the 29 February
     * that never was, 61 is 1 March */
    ck_assert(itss__map_date(1, 0, d, sizeof d));
    ck_assert_str_eq(d, "1900-01-01");
    ck_assert(itss__map_date(59, 0, d, sizeof d));
    ck_assert_str_eq(d, "1900-02-28");
    ck_assert(!itss__map_date(60, 0, d, sizeof d));
    ck_assert(itss__map_date(61, 0, d, sizeof d));
    ck_assert_str_eq(d, "1900-03-01");
    /* the time of day is not part of the date */
    ck_assert(itss__map_date(45000.75, 0, d, sizeof d));
    ck_assert_str_eq(d, "2023-03-15");
    /* 1904 system: 0 is 1904-01-01; the same day 1462 serials lower */
    ck_assert(itss__map_date(0, 1, d, sizeof d));
    ck_assert_str_eq(d, "1904-01-01");
    ck_assert(itss__map_date(45000 - 1462, 1, d, sizeof d));
    ck_assert_str_eq(d, "2023-03-15");
    /* 2958465 is 9999-12-31, the last */
    ck_assert(itss__map_date(2958465, 0, d, sizeof d));
    ck_assert_str_eq(d, "9999-12-31");
    ck_assert(!itss__map_date(2958466, 0, d, sizeof d));
    ck_assert(!itss__map_date(0, 0, d, sizeof d));
    ck_assert(!itss__map_date(-1, 1, d, sizeof d));
}
END_TEST

START_TEST(numbers_without_locale)
{
    double v;
    ck_assert(itss__map_number("85", &v) && v == 85);
    ck_assert(itss__map_number("85.5", &v) && v == 85.5);
    ck_assert(itss__map_number("0.05", &v) && v == 0.05);
    ck_assert(itss__map_number("-1e2", &v) && v == -100);
    ck_assert(itss__map_number(".5", &v) && v == 0.5);
    ck_assert(itss__map_number("000", &v) && v == 0);
    ck_assert(!itss__map_number("85,5", &v));
    ck_assert(!itss__map_number("", &v));
    ck_assert(!itss__map_number(".", &v));
    ck_assert(!itss__map_number("1e", &v));
    ck_assert(!itss__map_number("inf", &v));
    ck_assert(!itss__map_number("0x10", &v));
    ck_assert(!itss__map_number("1e400", &v));
}
END_TEST

/* ---- assessments: each problem ------------------------------------------------- */

#define HEADER {1, 1, "clause", 0, 0}, {1, 2, "rating", 0, 0}

START_TEST(no_table)
{
    static const tcell cells[] = {{1, 1, "clause", 0, 0}, {1, 2, "评级 x", 0, 0},
                                  {60, 1, "clause", 0, 0}, {60, 2, "rating", 0, 0}, END};
    /* a header on row 60 is past the first 50 rows */
    fails_a(csv(cells), ITSS_ESCHEMA, "", 0, 0,
            "no sheet has a header row with the columns clause and rating (条款, 评级)");
}
END_TEST

START_TEST(header_twice)
{
    static const tcell cells[] = {HEADER, {1, 3, "评级", 0, 0}, END};
    fails_a(csv(cells), ITSS_EDUPLICATE, "C1", 1, 3,
            "row 1, column C (评级): column \"rating\" appears twice (also column B)");
}
END_TEST

START_TEST(row_without_clause)
{
    static const tcell cells[] = {HEADER, {2, 2, "F", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "A2", 2, 1,
            "row 2, column A (clause): no clause id in a row that has other cells");
}
END_TEST

START_TEST(unknown_clause)
{
    static const tcell cells[] = {HEADER, {2, 1, "9.9.9.z", 0, 0}, {2, 2, "F", 0, 0}, END};
    fails_a(csv(cells), ITSS_ENOTFOUND, "A2", 2, 1,
            "row 2, column A (clause): unknown clause \"9.9.9.z\" in model tcesa1299-2023");
}
END_TEST

START_TEST(clause_twice)
{
    static const tcell cells[] = {HEADER, {2, 1, "6.1.1.a", 0, 0}, {2, 2, "F", 0, 0},
                                  {5, 1, "6.1.1.a", 0, 0}, END};
    fails_a(csv(cells), ITSS_EDUPLICATE, "A5", 5, 1,
            "row 5, column A (clause): clause 6.1.1.a is already on row 2");
}
END_TEST

START_TEST(not_a_rating)
{
    static const tcell cells[] = {HEADER, {2, 1, "6.1.1.a", 0, 0}, {2, 2, " Q ", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "B2", 2, 2,
            "row 2, column B (rating): \"Q\" is not a rating (F, L, P, N, met, not_met, na "
            "or a number 0-100)");
}
END_TEST

START_TEST(percentage_out_of_range)
{
    static const tcell cells[] = {HEADER, {2, 1, "6.1.1.a", 0, 0}, {2, 2, "101%", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "B2", 2, 2,
            "row 2, column B (rating): clause 6.1.1.a: a percentage must be a finite number "
            "from 0 to 100");
}
END_TEST

START_TEST(rating_outside_scale)
{
    /* the scale is set before the ratings, wherever its row: the problem
     * is the rating's */
    static const tcell cells[] = {{1, 1, "评级方式", 0, 0}, {1, 2, "binary", 0, 0},
                                  {3, 1, "clause", 0, 0},   {3, 2, "rating", 0, 0},
                                  {4, 1, "6.1.1.a", 0, 0},  {4, 2, "F", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "B4", 4, 2,
            "row 4, column B (rating): clause 6.1.1.a: F is outside the binary scale");
}
END_TEST

#define HEADER3(x) HEADER, {1, 3, x, 0, 0}

START_TEST(na_without_reason)
{
    static const tcell cells[] = {HEADER3("na_reason"), {2, 1, "6.1.1.a", 0, 0},
                                  {2, 2, "na", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "C2", 2, 3,
            "row 2, column C (na_reason): na needs a reason in na_reason");
}
END_TEST

START_TEST(reason_without_na)
{
    static const tcell cells[] = {HEADER3("不适用理由"), {2, 1, "6.1.1.a", 0, 0},
                                  {2, 2, "F", 0, 0}, {2, 3, "why", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "C2", 2, 3,
            "row 2, column C (不适用理由): a reason in na_reason is only for a clause rated na");
}
END_TEST

START_TEST(evidence_without_rating)
{
    static const tcell cells[] = {HEADER3("evidence"), {2, 1, "6.1.1.a", 0, 0},
                                  {2, 3, "doc", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "C2", 2, 3,
            "row 2, column C (evidence): evidence given but no rating");
}
END_TEST

START_TEST(note_without_rating)
{
    static const tcell cells[] = {HEADER3("备注"), {2, 1, "6.1.1.a", 0, 0},
                                  {2, 3, "later", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "C2", 2, 3,
            "row 2, column C (备注): note given but no rating");
}
END_TEST

START_TEST(other_model)
{
    static const tcell cells[] = {{1, 1, "model", 0, 0}, {1, 2, "itss1-2015", 0, 0},
                                  {3, 1, "clause", 0, 0}, {3, 2, "rating", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "B1", 1, 2,
            "row 1, column B: the sheet is for model \"itss1-2015\", not tcesa1299-2023, the "
            "model it is read with");
}
END_TEST

START_TEST(unknown_metadata_key)
{
    static const tcell cells[] = {{1, 1, "colour", 0, 0}, {1, 2, "red", 0, 0},
                                  {3, 1, "clause", 0, 0}, {3, 2, "rating", 0, 0}, END};
    fails_a(csv(cells), ITSS_ESCHEMA, "A1", 1, 1,
            "row 1, column A: unknown metadata key \"colour\" (known: model, id, "
            "organization, scope, date, assessor, notes, scale)");
}
END_TEST

START_TEST(metadata_twice)
{
    static const tcell cells[] = {{1, 1, "id", 0, 0},     {1, 2, "a", 0, 0},
                                  {2, 1, "评估编号", 0, 0}, {2, 2, "b", 0, 0},
                                  {3, 1, "clause", 0, 0}, {3, 2, "rating", 0, 0}, END};
    fails_a(csv(cells), ITSS_EDUPLICATE, "A2", 2, 1,
            "row 2, column A: metadata \"id\" is already on row 1");
}
END_TEST

START_TEST(bad_scale)
{
    static const tcell cells[] = {{1, 1, "scale", 0, 0}, {1, 2, "ternary", 0, 0},
                                  {3, 1, "clause", 0, 0}, {3, 2, "rating", 0, 0}, END};
    fails_a(csv(cells), ITSS_EVALUE, "B1", 1, 2,
            "row 1, column B: scale \"ternary\" is not one of binary, nplf, any");
}
END_TEST

START_TEST(bad_date_serial)
{
    static const tcell table[] = {HEADER, END};
    static const tcell meta[] = {{1, 1, "date", 0, 0}, {1, 2, "60", 1, 60}, END};
    const tsheet sheets[] = {{"assessment", 0, table}, {"metadata", 0, meta}};
    fails_a(book(ITSS_FORMAT_XLSX, 0, 2, sheets), ITSS_EVALUE, "metadata!B1", 1, 2,
            "sheet metadata, row 1, column B: 60 is not the serial number of a date from "
            "1900-01-01 to 9999-12-31");
}
END_TEST

START_TEST(metadata_shapes)
{
    static const tcell no_key[] = {{1, 2, "value", 0, 0}, {3, 1, "clause", 0, 0},
                                   {3, 2, "rating", 0, 0}, END};
    fails_a(csv(no_key), ITSS_ESCHEMA, "B1", 1, 2,
            "row 1, column B: a metadata row needs its key in column A");
    static const tcell two_values[] = {{1, 1, "scope", 0, 0}, {1, 2, "a", 0, 0},
                                       {1, 3, "b", 0, 0}, {3, 1, "clause", 0, 0},
                                       {3, 2, "rating", 0, 0}, END};
    fails_a(csv(two_values), ITSS_EVALUE, "C1", 1, 3,
            "row 1, column C: metadata \"scope\" takes one value, in column B");
    /* a key without a value leaves it unset */
    static const tcell empty[] = {{1, 1, "scope", 0, 0}, {3, 1, "clause", 0, 0},
                                  {3, 2, "rating", 0, 0}, END};
    same_as_json(csv(empty), "{\"ratings\": {}}");
}
END_TEST

START_TEST(error_values)
{
    static const tcell rating[] = {HEADER, {2, 1, "6.1.1.a", 0, 0}, {2, 2, "#N/A", 2, 0},
                                   END};
    fails_a(csv(rating), ITSS_EVALUE, "B2", 2, 2,
            "row 2, column B (rating): \"#N/A\" is not a rating (F, L, P, N, met, not_met, "
            "na or a number 0-100)");
    static const tcell evidence[] = {HEADER3("evidence"), {2, 1, "6.1.1.a", 0, 0},
                                     {2, 2, "F", 0, 0}, {2, 3, "#REF!", 2, 0}, END};
    fails_a(csv(evidence), ITSS_EVALUE, "C2", 2, 3,
            "row 2, column C (evidence): the cell holds the error value #REF!, not a value");
}
END_TEST

START_TEST(workbook_place)
{
    static const tcell table[] = {HEADER, {2, 1, "6.1.1.a", 0, 0}, {2, 2, "Q", 0, 0}, END};
    const tsheet sheets[] = {{"评估表", 0, table}};
    fails_a(book(ITSS_FORMAT_XLSX, 0, 1, sheets), ITSS_EVALUE, "评估表!B2", 2, 2,
            "sheet 评估表, row 2, column B (rating): \"Q\" is not a rating (F, L, P, N, met, "
            "not_met, na or a number 0-100)");
}
END_TEST

/* ---- assessments: every problem, in document order ---------------------------- */

/* The table comes first in the book and the metadata sheet after it,
 * though the metadata is read first (the scale is needed for the
 * ratings). */
static const tcell check_table[] = {
    {1, 1, "clause", 0, 0},  {1, 2, "rating", 0, 0}, {1, 3, "evidence", 0, 0},
    {2, 1, "9.9.9.z", 0, 0}, {2, 2, "F", 0, 0},
    {3, 1, "6.1.1.a", 0, 0}, {3, 2, "Q", 0, 0},
    {4, 3, "orphan", 0, 0},
    {5, 1, "6.1.1.b", 0, 0}, {5, 3, "doc", 0, 0},
    {6, 1, "6.1.1.c", 0, 0}, {6, 2, "F", 0, 0},
    {7, 1, "6.1.1.d", 0, 0}, {7, 2, "met", 0, 0},
    END,
};
static const tcell check_meta[] = {
    {1, 1, "field", 0, 0},  {1, 2, "value", 0, 0},
    {2, 1, "colour", 0, 0}, {2, 2, "red", 0, 0},
    {3, 1, "scale", 0, 0},  {3, 2, "binary", 0, 0},
    END,
};

START_TEST(check_lists_every_problem_in_order)
{
    const tsheet sheets[] = {{"评估表", 0, check_table}, {"基本信息", 0, check_meta}};
    itss__book *b = book(ITSS_FORMAT_XLSX, 0, 2, sheets);
    itss_problem_list *p;
    itss_error e;
    ck_assert_int_eq(itss__problems_new(1, &p, &e), 0);
    itss_assessment *a = (itss_assessment *)1;
    ck_assert_int_eq(itss__assessment_from_book(model(), b, p, &a, &e), 0);
    ck_assert_ptr_null(a);
    static const struct {
        int code;
        const char *path;
    } want[] = {
        {ITSS_ENOTFOUND, "评估表!A2"}, /* unknown clause */
        {ITSS_EVALUE, "评估表!B3"},    /* Q */
        {ITSS_EVALUE, "评估表!A4"},    /* no clause id */
        {ITSS_EVALUE, "评估表!C5"},    /* evidence without rating */
        {ITSS_EVALUE, "评估表!B6"},    /* F outside the binary scale */
        {ITSS_ESCHEMA, "基本信息!A2"}, /* colour */
    };
    size_t n = sizeof want / sizeof want[0];
    ck_assert_uint_eq(itss_problem_list_problem_count(p), n);
    ck_assert_uint_eq(itss_problem_list_total(p), n);
    for (size_t i = 0; i < n; i++) {
        const itss_error *x = itss_problem_list_problem_at(p, i);
        ck_assert_str_eq(x->path, want[i].path);
        ck_assert_int_eq(x->code, want[i].code);
    }
    ck_assert_str_eq(itss_problem_list_problem_at(p, 4)->message,
                     "sheet 评估表, row 6, column B (rating): clause 6.1.1.c: F is outside the "
                     "binary scale");
    ck_assert_uint_eq(itss_problem_list_problem_at(p, 5)->line, 2);
    ck_assert_uint_eq(itss_problem_list_problem_at(p, 5)->column, 1);
    itss_problem_list_free(p);
    /* without a list: the first in the book, not the first found */
    itss_error first;
    ck_assert_int_eq(itss__assessment_from_book(model(), b, NULL, &a, &first), ITSS_ENOTFOUND);
    ck_assert_str_eq(first.path, "评估表!A2");
    book_done(b);
}
END_TEST

START_TEST(check_keeps_the_first_problems)
{
    /* 1200 unknown clauses and, found first but last in the book, a bad
     * key on the metadata sheet: the list keeps the first
     * ITSS_PROBLEM_LIST_MAX in book order and counts them all */
    enum { N = 1200 };
    tcell *cells = calloc(N + 3, sizeof *cells);
    ck_assert_ptr_nonnull(cells);
    cells[0] = (tcell){1, 1, "clause", 0, 0};
    cells[1] = (tcell){1, 2, "rating", 0, 0};
    const itss_maturity_model *m = model();
    for (size_t i = 0; i < N; i++)
        cells[2 + i] = (tcell){(uint32_t)(2 + i), 1, "9.9.9.z", 0, 0};
    static const tcell meta[] = {{1, 1, "colour", 0, 0}, {1, 2, "red", 0, 0}, END};
    const tsheet sheets[] = {{"assessment", 0, cells}, {"metadata", 0, meta}};
    itss__book *b = book(ITSS_FORMAT_XLSX, 0, 2, sheets);
    itss_problem_list *p;
    itss_error e;
    ck_assert_int_eq(itss__problems_new(1, &p, &e), 0);
    itss_assessment *a;
    ck_assert_int_eq(itss__assessment_from_book(m, b, p, &a, &e), 0);
    ck_assert_uint_eq(itss_problem_list_problem_count(p), ITSS_PROBLEM_LIST_MAX);
    ck_assert_uint_eq(itss_problem_list_total(p), N + 1);
    ck_assert_str_eq(itss_problem_list_problem_at(p, 0)->path, "assessment!A2");
    char last[32];
    snprintf(last, sizeof last, "assessment!A%d", ITSS_PROBLEM_LIST_MAX + 1);
    ck_assert_str_eq(itss_problem_list_problem_at(p, ITSS_PROBLEM_LIST_MAX - 1)->path, last);
    itss_problem_list_free(p);
    book_done(b);
    free(cells);
}
END_TEST

/* ---- evaluations --------------------------------------------------------------- */

static const itss_indicator_catalog *catalog(void)
{
    return itss_indicator_catalog_builtin();
}

static char *export_e(const itss_evaluation *ev)
{
    char *s;
    itss_error e;
    ck_assert_int_eq(itss_evaluation_export(ev, ITSS_FORMAT_JSON, &s, NULL, &e), 0);
    return s;
}

START_TEST(evaluation_csv_equals_json)
{
    /* service, period and provider; node weights and bands as repeated
     * rows with B and C; the indicators in row order; A and B; scores in
     * one cell (separators 、 and ，) and in score columns; na; a weight
     * column */
    static const tcell cells[] = {
        {1, 1, "服务类别", 0, 0}, {1, 2, "04", 0, 0},
        {2, 1, "period", 0, 0},   {2, 2, "2026-Q3", 0, 0},
        {3, 1, "provider", 0, 0}, {3, 2, "示例", 0, 0},
        {4, 1, "weight", 0, 0},   {4, 2, "responsiveness", 0, 0}, {4, 3, "2", 0, 0},
        {5, 1, "权重", 0, 0},     {5, 2, "tangibility", 0, 0},    {5, 3, "3", 0, 0},
        {6, 1, "band", 0, 0},     {6, 2, "优", 0, 0},             {6, 3, "0.9", 0, 0},
        {7, 1, "等级", 0, 0},     {7, 2, "良", 0, 0},             {7, 3, "0.8", 0, 0},
        {9, 1, "指标", 0, 0},     {9, 2, "指标名称", 0, 0},       {9, 3, "A", 0, 0},
        {9, 4, "b", 0, 0},        {9, 5, "评分", 0, 0},           {9, 6, "score 1", 0, 0},
        {9, 7, "评分2", 0, 0},    {9, 8, "weight", 0, 0},         {9, 9, "na_reason", 0, 0},
        {10, 1, "incident_response_timeliness", 0, 0}, {10, 2, "x", 0, 0},
        {10, 3, "1187", 0, 0},    {10, 4, "1214", 0, 0},          {10, 8, "2", 0, 0},
        {11, 1, "service_visibility", 0, 0}, {11, 5, "4、5，3", 0, 0},
        {11, 6, "4", 0, 0},       {11, 7, "2", 0, 0},
        {12, 1, "training_coverage", 0, 0}, {12, 8, "0.5", 0, 0},
        {12, 9, "本季度没有安排培训", 0, 0},
        {13, 1, "on_time_repair_rate", 0, 0}, {13, 3, "296", 0, 0}, {13, 4, "312", 0, 0},
        {14, 1, "call_answer_rate", 0, 0},
        END,
    };
    itss__book *b = csv(cells);
    itss_evaluation *fromsheet, *fromjson;
    itss_error e;
    int rc = itss__evaluation_from_book(catalog(), b, NULL, &fromsheet, &e);
    ck_assert_msg(rc == 0, "sheet: %d %s", rc, e.message);
    static const char json[] =
        "{\"service\": \"04\", \"period\": \"2026-Q3\", \"provider\": \"示例\","
        " \"scheme\": {\"indicators\": [\"incident_response_timeliness\", "
        "\"service_visibility\", \"training_coverage\", \"on_time_repair_rate\", "
        "\"call_answer_rate\"],"
        " \"weights\": {\"incident_response_timeliness\": 2, \"responsiveness\": 2, "
        "\"tangibility\": 3, \"training_coverage\": 0.5},"
        " \"bands\": [{\"grade\": \"优\", \"min\": 0.9}, {\"grade\": \"良\", \"min\": 0.8}]},"
        " \"measurements\": {\"incident_response_timeliness\": {\"A\": 1187, \"B\": 1214},"
        " \"service_visibility\": {\"scores\": [4, 5, 3, 4, 2]},"
        " \"training_coverage\": {\"na\": \"本季度没有安排培训\"},"
        " \"on_time_repair_rate\": {\"A\": 296, \"B\": 312}}}";
    rc = itss_evaluation_load(catalog(), json, strlen(json), &fromjson, &e);
    ck_assert_msg(rc == 0, "json: %d %s", rc, e.message);
    char *x = export_e(fromsheet), *y = export_e(fromjson);
    ck_assert_str_eq(x, y);
    itss_free(x);
    itss_free(y);
    itss_evaluation_free(fromsheet);
    itss_evaluation_free(fromjson);
    book_done(b);
}
END_TEST

static void fails_e(const tcell *cells, int code, const char *path, size_t line, size_t column,
                    const char *message)
{
    itss__book *b = csv(cells);
    itss_evaluation *ev = (itss_evaluation *)1;
    itss_error e;
    int rc = itss__evaluation_from_book(catalog(), b, NULL, &ev, &e);
    ck_assert_int_eq(rc, code);
    ck_assert_ptr_null(ev);
    expect_error(&e, code, path, line, column, message);
    book_done(b);
}

#define SERVICE {1, 1, "service", 0, 0}, {1, 2, "04", 0, 0}
#define QHEADER {3, 1, "indicator", 0, 0}, {3, 2, "A", 0, 0}, {3, 3, "B", 0, 0}, \
                {3, 4, "scores", 0, 0}, {3, 5, "na_reason", 0, 0}, {3, 6, "weight", 0, 0}

START_TEST(evaluation_problems)
{
    static const tcell no_service[] = {QHEADER, END};
    fails_e(no_service, ITSS_ESCHEMA, "", 0, 0,
            "no service: the metadata must name the service category (service, 服务类别)");
    static const tcell no_table[] = {SERVICE, {3, 1, "indicator", 0, 0}, {3, 2, "name", 0, 0},
                                     END};
    fails_e(no_table, ITSS_ESCHEMA, "", 0, 0,
            "no sheet has a header row with the column indicator and one of A, B, scores, "
            "score1.. or na_reason (指标; A, B, 评分, 评分1.. 或 不适用理由)");
    static const tcell bad_service[] = {{1, 1, "service", 0, 0}, {1, 2, "99", 0, 0}, QHEADER,
                                        END};
    itss_evaluation *ev;
    itss_error want;
    ck_assert_int_ne(itss_evaluation_new(catalog(), "99", &ev, &want), 0);
    char msg[ITSS_ERROR_MESSAGE_SIZE + 32];
    snprintf(msg, sizeof msg, "row 1, column B: %s", want.message);
    fails_e(bad_service, want.code, "B1", 1, 2, msg);
    static const tcell unknown[] = {SERVICE, QHEADER, {4, 1, "nope", 0, 0}, END};
    fails_e(unknown, ITSS_ENOTFOUND, "A4", 4, 1,
            "row 4, column A (indicator): no indicator \"nope\" in the catalog");
    static const tcell twice[] = {SERVICE, QHEADER, {4, 1, "call_answer_rate", 0, 0},
                                  {6, 1, "call_answer_rate", 0, 0}, END};
    fails_e(twice, ITSS_EDUPLICATE, "A6", 6, 1,
            "row 6, column A (indicator): indicator call_answer_rate is already on row 4");
    static const tcell no_b[] = {SERVICE, QHEADER, {4, 1, "call_answer_rate", 0, 0},
                                 {4, 2, "3", 0, 0}, END};
    fails_e(no_b, ITSS_EVALUE, "C4", 4, 3, "row 4, column C (B): B is missing (A is given)");
    static const tcell na_and_a[] = {SERVICE, QHEADER, {4, 1, "call_answer_rate", 0, 0},
                                     {4, 2, "3", 0, 0}, {4, 3, "4", 0, 0},
                                     {4, 5, "none", 0, 0}, END};
    fails_e(na_and_a, ITSS_EVALUE, "E4", 4, 5,
            "row 4, column E (na_reason): na_reason given together with a measurement (A, B "
            "or scores)");
    static const tcell bad_scores[] = {SERVICE, QHEADER, {4, 1, "service_visibility", 0, 0},
                                       {4, 4, "4 x", 0, 0}, END};
    fails_e(bad_scores, ITSS_EVALUE, "D4", 4, 4,
            "row 4, column D (scores): \"4 x\" is not a list of scores 1 to 5 (separated by "
            "spaces, commas or semicolons)");
    static const tcell not_number[] = {SERVICE, QHEADER, {4, 1, "call_answer_rate", 0, 0},
                                       {4, 2, "3,5", 0, 0}, {4, 3, "4", 0, 0}, END};
    fails_e(not_number, ITSS_EVALUE, "B4", 4, 2,
            "row 4, column B (A): \"3,5\" is not a number");
    static const tcell no_id[] = {SERVICE, QHEADER, {4, 6, "2", 0, 0}, END};
    fails_e(no_id, ITSS_EVALUE, "A4", 4, 1,
            "row 4, column A (indicator): no indicator id in a row that has other cells");
    static const tcell bad_band[] = {SERVICE, {2, 1, "band", 0, 0}, {2, 2, "优", 0, 0},
                                     {2, 3, "1.5", 0, 0}, QHEADER, END};
    ck_assert_int_eq(itss_evaluation_new(catalog(), "04", &ev, &want), 0);
    int rc = itss_evaluation_add_band(ev, "优", 1.5, &want);
    itss_evaluation_free(ev);
    ck_assert_int_eq(rc, ITSS_EVALUE);
    snprintf(msg, sizeof msg, "row 2, column C: %s", want.message);
    fails_e(bad_band, ITSS_EVALUE, "C2", 2, 3, msg);
    static const tcell weight_twice[] = {SERVICE, {2, 1, "weight", 0, 0},
                                         {2, 2, "reliability", 0, 0}, {2, 3, "2", 0, 0},
                                         {3, 1, "weight", 0, 0}, {3, 2, "reliability", 0, 0},
                                         {3, 3, "2", 0, 0},
                                         {4, 1, "indicator", 0, 0}, {4, 2, "A", 0, 0}, END};
    fails_e(weight_twice, ITSS_EDUPLICATE, "B3", 3, 2,
            "row 3, column B: the weight of \"reliability\" is already on row 2");
    static const tcell weight_in_row[] = {SERVICE, {2, 1, "weight", 0, 0},
                                          {2, 2, "call_answer_rate", 0, 0}, {2, 3, "2", 0, 0},
                                          QHEADER, {4, 1, "call_answer_rate", 0, 0},
                                          {4, 6, "3", 0, 0}, END};
    fails_e(weight_in_row, ITSS_EDUPLICATE, "B2", 2, 2,
            "row 2, column B: the weight of \"call_answer_rate\" is already in the weight "
            "column, row 4");
}
END_TEST

START_TEST(evaluation_check_lists_every_problem)
{
    static const tcell cells[] = {
        SERVICE, QHEADER,
        {4, 1, "nope", 0, 0},                {4, 2, "1", 0, 0},
        {5, 1, "call_answer_rate", 0, 0},    {5, 2, "5", 0, 0}, {5, 3, "4", 0, 0},
        {6, 1, "service_visibility", 0, 0},  {6, 4, "6", 0, 0},
        {7, 1, "on_time_repair_rate", 0, 0}, {7, 3, "9", 0, 0},
        END,
    };
    itss__book *b = csv(cells);
    itss_problem_list *p;
    itss_error e;
    ck_assert_int_eq(itss__problems_new(1, &p, &e), 0);
    itss_evaluation *ev = (itss_evaluation *)1;
    ck_assert_int_eq(itss__evaluation_from_book(catalog(), b, p, &ev, &e), 0);
    ck_assert_ptr_null(ev);
    /* unknown id; A > B (the builder's problem, at A); a score of 6; A
     * missing */
    static const char *const paths[] = {"A4", "B5", "D6", "B7"};
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 4);
    for (size_t i = 0; i < 4; i++)
        ck_assert_str_eq(itss_problem_list_problem_at(p, i)->path, paths[i]);
    ck_assert_int_eq(itss_problem_list_problem_at(p, 1)->code, ITSS_EVALUE);
    itss_problem_list_free(p);
    book_done(b);
}
END_TEST

/* ---- JSON checks ---------------------------------------------------------------- */

static itss_problem_list *check_json(int maturity, const char *json)
{
    itss_problem_list *p;
    itss_error e;
    ck_assert_int_eq(itss__problems_new(0, &p, &e), 0);
    int rc = maturity ? itss__assessment_check_json(model(), json, strlen(json), p, &e)
                      : itss__evaluation_check_json(catalog(), json, strlen(json), p, &e);
    ck_assert_int_eq(rc, 0);
    return p;
}

START_TEST(json_check_lists_every_rating)
{
    /* three bad ratings among good ones: each at its line and column (the
     * value's; the key's for an unknown clause) */
    itss_problem_list *p = check_json(1, "{\"ratings\": {\n"
                                         "\"6.1.1.a\": \"Q\",\n"
                                         "\"6.1.1.b\": \"F\",\n"
                                         "\"6.1.1.c\": 101,\n"
                                         "\"9.9.9.z\": \"F\"\n"
                                         "}}");
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 3);
    static const struct {
        int code;
        const char *path;
        size_t line, column;
    } want[] = {
        {ITSS_EVALUE, "/ratings/6.1.1.a", 2, 12},
        {ITSS_EVALUE, "/ratings/6.1.1.c", 4, 12},
        {ITSS_ENOTFOUND, "/ratings/9.9.9.z", 5, 1},
    };
    for (size_t i = 0; i < 3; i++) {
        const itss_error *x = itss_problem_list_problem_at(p, i);
        ck_assert_int_eq(x->code, want[i].code);
        ck_assert_str_eq(x->path, want[i].path);
        ck_assert_uint_eq(x->line, want[i].line);
        ck_assert_uint_eq(x->column, want[i].column);
    }
    itss_problem_list_free(p);
    /* a syntax error: one problem */
    p = check_json(1, "{\"ratings\": {\"6.1.1.a\": \"Q\",}}");
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 1);
    ck_assert_int_eq(itss_problem_list_problem_at(p, 0)->code, ITSS_EPARSE);
    itss_problem_list_free(p);
    /* a wrong shape of the document: one problem, and none for a good one */
    p = check_json(1, "{\"ratings\": [], \"x\": 1}");
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 1);
    itss_problem_list_free(p);
    p = check_json(1, "{\"ratings\": {\"6.1.1.a\": \"F\"}}");
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 0);
    itss_problem_list_free(p);
    /* the public check of a JSON document */
    static const char bad[] = "{\"ratings\": {\"6.1.1.a\": \"Q\", \"6.1.1.b\": \"R\"}}";
    itss_error e;
    ck_assert_int_eq(itss_assessment_check(model(), bad, strlen(bad), ITSS_FORMAT_JSON, NULL, &p,
                                           &e),
                     0);
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 2);
    ck_assert_str_eq(itss_problem_list_problem_at(p, 1)->path, "/ratings/6.1.1.b");
    itss_problem_list_free(p);
}
END_TEST

START_TEST(json_check_lists_every_measurement)
{
    itss_problem_list *p = check_json(
        0, "{\"service\": \"04\", \"measurements\": {\n"
           "\"call_answer_rate\": {\"A\": 5, \"B\": 4},\n"
           "\"on_time_repair_rate\": {\"A\": 1, \"B\": 4},\n"
           "\"nope\": {\"A\": 1, \"B\": 2},\n"
           "\"incident_resolution_rate\": {\"A\": -1, \"B\": 2}\n"
           "}}");
    static const char *const paths[] = {"/measurements/call_answer_rate/A", "/measurements/nope",
                                        "/measurements/incident_resolution_rate/A"};
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 3);
    for (size_t i = 0; i < 3; i++)
        ck_assert_str_eq(itss_problem_list_problem_at(p, i)->path, paths[i]);
    ck_assert_uint_eq(itss_problem_list_problem_at(p, 1)->line, 4);
    itss_problem_list_free(p);
    p = check_json(0, "{\"service\": \"04\", \"measurements\": {");
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 1);
    ck_assert_int_eq(itss_problem_list_problem_at(p, 0)->code, ITSS_EPARSE);
    itss_problem_list_free(p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sheet_map");
    ADD(s, assessment_csv_equals_json);
    ADD(s, assessment_workbook_equals_json);
    ADD(s, date_serials);
    ADD(s, numbers_without_locale);
    ADD(s, no_table);
    ADD(s, header_twice);
    ADD(s, row_without_clause);
    ADD(s, unknown_clause);
    ADD(s, clause_twice);
    ADD(s, not_a_rating);
    ADD(s, percentage_out_of_range);
    ADD(s, rating_outside_scale);
    ADD(s, na_without_reason);
    ADD(s, reason_without_na);
    ADD(s, evidence_without_rating);
    ADD(s, note_without_rating);
    ADD(s, other_model);
    ADD(s, unknown_metadata_key);
    ADD(s, metadata_twice);
    ADD(s, bad_scale);
    ADD(s, bad_date_serial);
    ADD(s, metadata_shapes);
    ADD(s, error_values);
    ADD(s, workbook_place);
    ADD(s, check_lists_every_problem_in_order);
    ADD(s, check_keeps_the_first_problems);
    ADD(s, evaluation_csv_equals_json);
    ADD(s, evaluation_problems);
    ADD(s, evaluation_check_lists_every_problem);
    ADD(s, json_check_lists_every_rating);
    ADD(s, json_check_lists_every_measurement);
    return itss_test_run(s);
}
