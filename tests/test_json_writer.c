/*
 * The JSON writer's own limit: libitss's outputs never nest deeper than
 * ITSS_JW_MAX_DEPTH, so going deeper is a bug of libitss, reported as
 * ITSS_EINTERNAL (not as running out of memory), with nothing handed out.
 * Internal: links the library's objects.
 */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "json/json_internal.h"

/* depth nested arrays, then finish the buffer. */
static int write_nested(int depth, char **out, itss_error *e)
{
    itss_buf b;
    itss_jw w;
    itss__buf_init(&b);
    itss__jw_init(&w, &b, 0);
    for (int i = 0; i < depth; i++)
        itss__jw_arr(&w);
    for (int i = 0; i < depth; i++)
        itss__jw_arr_end(&w);
    itss__jw_end(&w);
    return itss__buf_finish(&b, out, NULL, e);
}

START_TEST(deepest_nesting_is_written)
{
    char *out = NULL;
    itss_error e;
    /* depth 0 is the top level; the deepest container sits at MAX - 1 */
    ck_assert_int_eq(write_nested(ITSS_JW_MAX_DEPTH - 1, &out, &e), 0);
    ck_assert_uint_eq(strlen(out), 2 * (ITSS_JW_MAX_DEPTH - 1));
    ck_assert_int_eq(out[0], '[');
    itss_free(out);
}
END_TEST

START_TEST(deeper_is_an_internal_error)
{
    char *out = (char *)1;
    itss_error e;
    ck_assert_int_eq(write_nested(ITSS_JW_MAX_DEPTH, &out, &e), ITSS_EINTERNAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(e.code, ITSS_EINTERNAL);
    ck_assert_ptr_nonnull(strstr(e.message, "internal error"));
    ck_assert_str_eq(itss_strerror_name(ITSS_EINTERNAL), "ITSS_EINTERNAL");
}
END_TEST

START_TEST(out_of_memory_is_still_enomem)
{
    itss_buf b;
    char *out = (char *)1;
    itss_error e;
    itss__buf_init(&b);
    itss__buf_puts(&b, "x");
    b.oom = 1; /* what a failed allocation leaves */
    ck_assert_int_eq(itss__buf_finish(&b, &out, NULL, &e), ITSS_ENOMEM);
    ck_assert_ptr_null(out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_writer");
    TCase *t = tcase_create("depth");
    tcase_add_test(t, deepest_nesting_is_written);
    tcase_add_test(t, deeper_is_an_internal_error);
    tcase_add_test(t, out_of_memory_is_still_enomem);
    suite_add_tcase(s, t);
    return itss_test_run(s);
}
