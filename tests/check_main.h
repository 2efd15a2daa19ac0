/* Shared main() of the Check test programs: run one suite, exit non-zero
 * when any test failed. */
#ifndef ITSS_TESTS_CHECK_MAIN_H
#define ITSS_TESTS_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

static inline int itss_test_run(Suite *s)
{
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int failed = srunner_ntests_failed(r);
    srunner_free(r);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* One case per test, so that one can be run alone: CK_RUN_CASE=name */
static inline void itss_test_add(Suite *s, const char *name, const TTest *test)
{
    TCase *t = tcase_create(name);
    tcase_add_test(t, test);
    suite_add_tcase(s, t);
}

#define ADD(s, name) itss_test_add(s, #name, name)

#endif
