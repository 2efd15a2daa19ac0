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

#endif
