/* Placeholders of the worksheet layer while it is being written: each
 * fails with ITSS_EINTERNAL. Every function here moves to its own file. */
#include "sheet.h"

#define PENDING(err) itss__err((err), ITSS_EINTERNAL, "%s is not written yet", __func__)

int itss__assessment_from_book(const itss_maturity_model *m, const itss__book *b,
                               itss_problem_list *problems, itss_assessment **out,
                               itss_error *err)
{
    (void)m, (void)b, (void)problems;
    *out = NULL;
    return PENDING(err);
}

int itss__evaluation_from_book(const itss_indicator_catalog *c, const itss__book *b,
                               itss_problem_list *problems, itss_evaluation **out,
                               itss_error *err)
{
    (void)c, (void)b, (void)problems;
    *out = NULL;
    return PENDING(err);
}

int itss__assessment_check_json(const itss_maturity_model *m, const char *json, size_t len,
                                itss_problem_list *problems, itss_error *err)
{
    (void)m, (void)json, (void)len, (void)problems;
    return PENDING(err);
}

int itss__evaluation_check_json(const itss_indicator_catalog *c, const char *json, size_t len,
                                itss_problem_list *problems, itss_error *err)
{
    (void)c, (void)json, (void)len, (void)problems;
    return PENDING(err);
}
