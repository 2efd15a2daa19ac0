/*
 * The text table writer of the reports (lib/table.c): column widths come
 * from the widest cell by display width, two spaces between columns, no
 * trailing spaces, "-" for empty and missing cells, one line per cell, and
 * a failed allocation reported through the output buffer. The reports
 * themselves are checked by the case runners (tests/cases_common.h).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "internal.h"

/* The text written by a table into a fresh buffer. */
static itss_buf out;

static void start(itss_table *t, size_t indent)
{
    itss__buf_init(&out);
    itss__table_init(t, &out, indent);
}

static void expect(itss_table *t, const char *text)
{
    itss__table_end(t);
    ck_assert_int_eq(out.oom, 0);
    ck_assert_str_eq(out.data ? out.data : "", text);
    itss__buf_free(&out);
}

START_TEST(widths_by_display_width)
{
    itss_table t;
    start(&t, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, "代码");
    itss__table_cell(&t, "名称");
    itss__table_cell(&t, "Level");
    itss__table_row(&t, 0);
    itss__table_cell(&t, "040201");
    itss__table_cell(&t, "网络运维服务");
    itss__table_cell(&t, "3");
    expect(&t, "代码    名称          Level\n"
               "040201  网络运维服务  3\n");
}
END_TEST

START_TEST(empty_and_missing_cells)
{
    itss_table t;
    start(&t, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, "a");
    itss__table_cell(&t, "");
    itss__table_cell(&t, "c");
    itss__table_row(&t, 0);
    itss__table_cell(&t, "bb");
    itss__table_cell(&t, NULL);
    itss__table_row(&t, 0);
    expect(&t, "a   -  c\n"
               "bb  -  -\n"
               "-   -  -\n");
}
END_TEST

START_TEST(cells_are_one_line)
{
    itss_table t;
    start(&t, 0);
    itss__table_cell(&t, "  two\nlines\t\tand  gaps \r\n");
    itss__table_cell(&t, " \x01 ");
    itss__table_cell(&t, "x");
    expect(&t, "two lines and gaps  -  x\n");
}
END_TEST

START_TEST(indents_and_lines)
{
    itss_table t;
    start(&t, 2);
    itss__table_line(&t, 0, 0, "heading");
    itss__table_row(&t, 0);
    itss__table_cell(&t, "01");
    itss__table_cell(&t, "one");
    itss__table_cell(&t, "x");
    itss__table_line(&t, 1, 0, "a note under one");
    itss__table_line(&t, 0, 0, "");
    itss__table_row(&t, 4);
    itss__table_cell(&t, "0101");
    itss__table_cell(&t, "one one");
    itss__table_cell(&t, "y");
    itss__table_line(&t, 0, 3, "indented");
    expect(&t, "  heading\n"
               "  01        one      x\n"
               "            a note under one\n"
               "\n"
               "      0101  one one  y\n"
               "     indented\n");
}
END_TEST

START_TEST(formatted_cells)
{
    char long_text[600];
    memset(long_text, 'w', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = 0;
    itss_table t;
    start(&t, 0);
    itss__table_cellf(&t, "%d%%", 95);
    itss__table_cellf(&t, "%s", long_text);
    itss__table_end(&t);
    ck_assert_int_eq(out.oom, 0);
    ck_assert_uint_eq(strlen(out.data), 3 + 2 + 599 + 1);
    ck_assert(strncmp(out.data, "95%  www", 8) == 0);
    itss__buf_free(&out);
}
END_TEST

START_TEST(empty_table_writes_nothing)
{
    itss_table t;
    start(&t, 4);
    expect(&t, "");
}
END_TEST

START_TEST(out_of_memory_is_reported)
{
    itss_table t;
    start(&t, 0);
    itss__buf_puts(&out, "before\n");
    itss__table_cell(&t, "a");
    out.oom = 1; /* as after a failed allocation */
    itss__table_cell(&t, "b");
    itss__table_end(&t);
    ck_assert_int_eq(out.oom, 1);
    ck_assert_str_eq(out.data, "before\n"); /* nothing more was written */
    char *s = (char *)1;
    itss_error e;
    ck_assert_int_eq(itss__buf_finish(&out, &s, NULL, &e), ITSS_ENOMEM);
    ck_assert_ptr_null(s);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("table");
    TCase *t = tcase_create("table");
    tcase_add_test(t, widths_by_display_width);
    tcase_add_test(t, empty_and_missing_cells);
    tcase_add_test(t, cells_are_one_line);
    tcase_add_test(t, indents_and_lines);
    tcase_add_test(t, formatted_cells);
    tcase_add_test(t, empty_table_writes_nothing);
    tcase_add_test(t, out_of_memory_is_reported);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
