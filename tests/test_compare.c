/*
 * Comparison of maturity results (itss_maturity_compare and its getters)
 * and the CSV cell writer (lib/csv.c). Expected values are worked by hand
 * from the rules of docs/maturity.md: grades ordered unrated < N < P < L <
 * F, met counted as F, not_met as N, percentages graded by the model's
 * bands; a change to or from na is neither better nor worse.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"
#include "csv_internal.h"

/* ---- CSV cells ----------------------------------------------------------- */

static const char *row(const char *const *cells, size_t n)
{
    static char text[512];
    itss_buf b;
    itss_csv w;
    itss__buf_init(&b);
    itss__csv_init(&w, &b);
    for (size_t i = 0; i < n; i++)
        itss__csv_cell(&w, cells[i]);
    itss__csv_row_end(&w);
    ck_assert_int_eq(b.oom, 0);
    ck_assert_uint_lt(b.len, sizeof text);
    memcpy(text, b.data, b.len);
    text[b.len] = 0;
    itss__buf_free(&b);
    return text;
}

START_TEST(csv_quoting_and_formulas)
{
    /* plain cells as they are; NULL and "" empty */
    const char *plain[] = {"a", NULL, "", "条款 7.4.4.c"};
    ck_assert_str_eq(row(plain, 4), "a,,,条款 7.4.4.c\r\n");
    /* RFC 4180: a comma, quote, CR or LF puts the cell in quotes, quotes doubled */
    const char *quoted[] = {"a,b", "say \"hi\"", "two\nlines", "cr\rhere"};
    ck_assert_str_eq(row(quoted, 4), "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
    /* a first character a spreadsheet reads as a formula gets an apostrophe */
    const char *formulas[] = {"=1+2", "+3", "-4", "@SUM(A1)", "\tx", "a=b"};
    ck_assert_str_eq(row(formulas, 6), "'=1+2,'+3,'-4,'@SUM(A1),'\tx,a=b\r\n");
    /* a text that starts with an apostrophe and a formula character gets one
     * more, so that dropping one apostrophe gives it back: "'=x" -> "''=x";
     * an apostrophe before anything else stays as it is */
    const char *quoted_formula[] = {"'=x", "'-1", "'a", "''=x", "'"};
    ck_assert_str_eq(row(quoted_formula, 5), "''=x,''-1,'a,''=x,'\r\n");
    /* both: the apostrophe inside the quotes */
    const char *both[] = {"=HYPERLINK(\"http://x\",\"y\")", "\r\n"};
    ck_assert_str_eq(row(both, 2), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'\r\n\"\r\n");
}
END_TEST

/* ---- the comparison ------------------------------------------------------ */

/* A model of two levels and two domains (a, b), one clause each per level,
 * percentage bands P > 20, L > 60, F > 90. */
static const char model_json[] =
    "{\"format\": \"itss-maturity-model/1\", \"id\": \"tiny\", \"edition\": \"Tiny 1\","
    " \"title\": {\"zh\": \"小\", \"en\": \"Tiny\"},"
    " \"thresholds\": {\"P\": 20, \"L\": 60, \"F\": 90},"
    " \"levels\": [{\"level\": 1, \"name\": {\"zh\": \"一\", \"en\": \"One\"}},"
    "              {\"level\": 2, \"name\": {\"zh\": \"二\", \"en\": \"Two\"}}],"
    " \"domains\": [{\"id\": \"a\", \"number\": 1, \"name\": {\"zh\": \"甲\", \"en\": \"A\"}},"
    "               {\"id\": \"b\", \"number\": 2, \"name\": {\"zh\": \"乙\", \"en\": \"B\"}}],"
    " \"items\": [],"
    " \"clauses\": ["
    "  {\"id\": \"a1\", \"level\": 1, \"domain\": \"a\", \"item\": null, \"summary\": {\"zh\": \"甲一\", \"en\": \"a one\"}},"
    "  {\"id\": \"b1\", \"level\": 1, \"domain\": \"b\", \"item\": null, \"summary\": {\"zh\": \"乙一\", \"en\": \"b one\"}},"
    "  {\"id\": \"a2\", \"level\": 2, \"domain\": \"a\", \"item\": null, \"summary\": {\"zh\": \"甲二\", \"en\": \"a two\"}},"
    "  {\"id\": \"b2\", \"level\": 2, \"domain\": \"b\", \"item\": null, \"summary\": {\"zh\": \"乙二\", \"en\": \"b two\"}}]}";

static itss_maturity_result *rate(const itss_maturity_model *m, const char *json)
{
    itss_assessment *a = NULL;
    itss_maturity_result *r = NULL;
    itss_error e;
    ck_assert_msg(itss_assessment_load(m, json, strlen(json), &a, &e) == 0, "%s", e.message);
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, NULL), 0);
    itss_assessment_free(a);
    return r;
}

static const itss_maturity_clause *clause(const itss_maturity_model *m, const char *id)
{
    const itss_maturity_clause *c = NULL;
    ck_assert_int_eq(itss_maturity_clause_lookup(m, id, &c, NULL), 0);
    return c;
}

START_TEST(compare_grades_levels_and_changes)
{
    itss_maturity_model *m = NULL;
    ck_assert_int_eq(itss_maturity_model_load(model_json, strlen(model_json), &m, NULL), 0);
    itss_maturity_result *rs[2];
    /* first: a1 met (F), b1 88 (L with these bands: 60 < 88 <= 90), a2 not_met (N),
     * b2 unrated. Level 1 (a1 F, b1 L are at least largely); level 2 needs
     * b1 fully: no. a: 1 (a2 N); b: 1 (b1 not fully for 2). */
    rs[0] = rate(m, "{\"id\": \"@one\", \"ratings\": {\"a1\": \"met\", \"b1\": 88, \"a2\": \"not_met\"}}");
    /* second: a1 unrated, b1 95 (F), a2 P, b2 na. Level 0 (a1 unrated);
     * a: 0; b: 2 (b1 F, b2 na is left out). */
    rs[1] = rate(m, "{\"date\": \"2026\", \"ratings\": {\"b1\": 95, \"a2\": \"P\","
                    " \"b2\": {\"rating\": \"na\", \"reason\": \"none\"}}}");
    const char *labels[] = {NULL, "=second.json"};
    itss_maturity_comparison *c = NULL;
    itss_error e;
    ck_assert_msg(itss_maturity_compare((const itss_maturity_result *const *)rs, labels, 2, &c, &e) == 0,
                  "%s", e.message);
    /* the comparison keeps what it needs: the results may go first */
    itss_maturity_result_free(rs[0]);
    itss_maturity_result_free(rs[1]);

    ck_assert_ptr_eq(itss_maturity_comparison_model(c), m);
    ck_assert_uint_eq(itss_maturity_comparison_assessment_count(c), 2);
    ck_assert_ptr_null(itss_maturity_comparison_assessment_label(c, 0));
    ck_assert_str_eq(itss_maturity_comparison_assessment_label(c, 1), "=second.json");
    ck_assert_ptr_null(itss_maturity_comparison_assessment_label(c, 2));
    ck_assert_str_eq(itss_maturity_comparison_assessment_meta(c, 0, "id"), "@one");
    ck_assert_str_eq(itss_maturity_comparison_assessment_meta(c, 1, "date"), "2026");
    ck_assert_ptr_null(itss_maturity_comparison_assessment_meta(c, 1, "id"));
    ck_assert_ptr_null(itss_maturity_comparison_assessment_meta(c, 1, "colour"));
    ck_assert_int_eq(itss_maturity_comparison_assessment_level(c, 0), 1);
    ck_assert_int_eq(itss_maturity_comparison_assessment_level(c, 1), 0);
    ck_assert_int_eq(itss_maturity_comparison_assessment_level(c, 2), -1);
    const itss_maturity_domain *a = itss_maturity_model_domain_at(m, 0),
                               *b = itss_maturity_model_domain_at(m, 1);
    ck_assert_int_eq(itss_maturity_comparison_assessment_domain_level(c, 0, a), 1);
    ck_assert_int_eq(itss_maturity_comparison_assessment_domain_level(c, 0, b), 1);
    ck_assert_int_eq(itss_maturity_comparison_assessment_domain_level(c, 1, a), 0);
    ck_assert_int_eq(itss_maturity_comparison_assessment_domain_level(c, 1, b), 2);
    /* a domain of another copy of the model */
    itss_maturity_model *copy = NULL;
    ck_assert_int_eq(itss_maturity_model_load(model_json, strlen(model_json), &copy, NULL), 0);
    const itss_maturity_domain *foreign = itss_maturity_model_domain_at(copy, 0);
    ck_assert_int_eq(itss_maturity_comparison_assessment_domain_level(c, 0, foreign), -1);
    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(c, 0, clause(copy, "a1")),
                     ITSS_RATING_NONE);
    itss_maturity_model_free(copy);

    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(c, 0, clause(m, "a1")), ITSS_RATING_F);
    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(c, 0, clause(m, "b1")), ITSS_RATING_L);
    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(c, 0, clause(m, "a2")), ITSS_RATING_N);
    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(c, 0, clause(m, "b2")), ITSS_RATING_NONE);
    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(c, 1, clause(m, "b2")), ITSS_RATING_NA);

    /* changes in model order (a1, b1, a2, b2): a1 F -> unrated worse,
     * b1 L -> F better, a2 N -> P better, b2 unrated -> na */
    static const struct {
        const char *id;
        itss_grade_change kind;
        itss_rating_kind from, to;
    } want[] = {
        {"a1", ITSS_CHANGE_WORSENED, ITSS_RATING_F, ITSS_RATING_NONE},
        {"b1", ITSS_CHANGE_IMPROVED, ITSS_RATING_L, ITSS_RATING_F},
        {"a2", ITSS_CHANGE_IMPROVED, ITSS_RATING_N, ITSS_RATING_P},
        {"b2", ITSS_CHANGE_NA, ITSS_RATING_NONE, ITSS_RATING_NA},
    };
    ck_assert_uint_eq(itss_maturity_comparison_change_count(c), 4);
    for (size_t i = 0; i < 4; i++) {
        ck_assert_str_eq(itss_maturity_clause_id(itss_maturity_comparison_change_at(c, i)), want[i].id);
        ck_assert_uint_eq(itss_maturity_comparison_change_pair(c, i), 0);
        ck_assert_int_eq(itss_maturity_comparison_change_kind(c, i), want[i].kind);
        ck_assert_int_eq(itss_maturity_comparison_change_from_grade(c, i), want[i].from);
        ck_assert_int_eq(itss_maturity_comparison_change_to_grade(c, i), want[i].to);
    }
    ck_assert_ptr_null(itss_maturity_comparison_change_at(c, 4));
    ck_assert_uint_eq(itss_maturity_comparison_change_pair(c, 4), SIZE_MAX);
    ck_assert_int_eq(itss_maturity_comparison_change_kind(c, 4), ITSS_CHANGE_NONE);

    /* CSV: the first assessment is named by its id, the second by its
     * label, both neutralised */
    char *out = NULL;
    ck_assert_int_eq(itss_maturity_comparison_render(c, ITSS_FORMAT_CSV, ITSS_LANG_EN, &out, NULL, NULL), 0);
    ck_assert_str_eq(out,
                     "from,to,clause,level,domain,change,from grade,to grade,summary\r\n"
                     "'@one,'=second.json,a1,1,a,worsened,F,,a one\r\n"
                     "'@one,'=second.json,b1,1,b,improved,L,F,b one\r\n"
                     "'@one,'=second.json,a2,2,a,improved,N,P,a two\r\n"
                     "'@one,'=second.json,b2,2,b,na_changed,,na,b two\r\n");
    itss_free(out);
    /* text: the label is one cell, and so is a heading with it */
    ck_assert_int_eq(itss_maturity_comparison_render(c, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(out, "\n@one -> =second.json: 4 requirements changed\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n  Worsened\n    a1  F → unrated "));
    itss_free(out);
    /* HTML: a trend line for the overall level and one per domain */
    ck_assert_int_eq(itss_maturity_comparison_render(c, ITSS_FORMAT_HTML, ITSS_LANG_EN, &out, NULL, NULL), 0);
    size_t lines = 0;
    for (const char *p = out; (p = strstr(p, "class=\"itss-trend-series\"")); p++)
        lines++;
    ck_assert_uint_eq(lines, 3);
    ck_assert_ptr_nonnull(strstr(out, "<h3>@one → =second.json</h3>"));
    itss_free(out);
    /* formats it does not write */
    ck_assert_int_eq(itss_maturity_comparison_render(c, ITSS_FORMAT_SVG, ITSS_LANG_EN, &out, NULL, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(e.message, "itss_maturity_comparison_render: format 4"));
    itss_maturity_comparison_free(c);
    itss_maturity_model_free(m);
}
END_TEST

START_TEST(compare_refuses)
{
    itss_maturity_model *m = NULL;
    ck_assert_int_eq(itss_maturity_model_load(model_json, strlen(model_json), &m, NULL), 0);
    itss_maturity_result *rs[3] = {rate(m, "{\"ratings\": {}}"), rate(m, "{\"ratings\": {}}"), NULL};
    itss_maturity_model *copy = NULL;
    ck_assert_int_eq(itss_maturity_model_load(model_json, strlen(model_json), &copy, NULL), 0);
    rs[2] = rate(copy, "{\"ratings\": {}}");
    itss_maturity_comparison *c = (itss_maturity_comparison *)1;
    itss_error e;
    const itss_maturity_result *const *list = (const itss_maturity_result *const *)rs;
    /* results of another model (here another copy of it): named */
    ck_assert_int_eq(itss_maturity_compare(list, NULL, 3, &c, &e), ITSS_EINVAL);
    ck_assert_ptr_null(c);
    ck_assert_str_eq(e.message, "itss_maturity_compare: results[2] was rated against model "
                                "\"tiny\", results[0] against \"tiny\" (another copy); "
                                "compare results of one model");
    /* fewer than two */
    ck_assert_int_eq(itss_maturity_compare(list, NULL, 1, &c, &e), ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_maturity_compare: n is 1: give at least two results");
    /* a NULL result */
    const itss_maturity_result *holes[] = {rs[0], NULL};
    ck_assert_int_eq(itss_maturity_compare(holes, NULL, 2, &c, &e), ITSS_EINVAL);
    ck_assert_str_eq(e.message, "itss_maturity_compare: results[1] is NULL");
    /* a label that is not UTF-8 (a file name in another encoding) is kept,
     * its stray byte written as \xFF */
    const char *labels[] = {"ok", "bad\xff.json"};
    ck_assert_int_eq(itss_maturity_compare(list, labels, 2, &c, &e), 0);
    ck_assert_str_eq(itss_maturity_comparison_assessment_label(c, 1), "bad\\xFF.json");
    itss_maturity_comparison_free(c);
    c = NULL;
    /* two of one model, no change; a label with a line break stays on its line */
    const char *multi[] = {"two\nlines", NULL};
    ck_assert_int_eq(itss_maturity_compare(list, multi, 2, &c, &e), 0);
    char *text = NULL;
    ck_assert_int_eq(itss_maturity_comparison_render(c, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &text, NULL, NULL), 0);
    ck_assert_ptr_nonnull(strstr(text, "\ntwo lines -> #2: 0 requirements changed\n"));
    ck_assert_ptr_null(strstr(text, "two\n"));
    itss_free(text);
    ck_assert_uint_eq(itss_maturity_comparison_change_count(c), 0);
    char *out = NULL;
    ck_assert_int_eq(itss_maturity_comparison_render(c, ITSS_FORMAT_CSV, ITSS_LANG_ZH, &out, NULL, NULL), 0);
    ck_assert_str_eq(out, "从,到,条款,等级,能力域,变化,原评级,新评级,要求摘要\r\n");
    itss_free(out);
    itss_maturity_comparison_free(c);
    itss_maturity_comparison_free(NULL);
    /* getters of NULL */
    ck_assert_uint_eq(itss_maturity_comparison_assessment_count(NULL), 0);
    ck_assert_int_eq(itss_maturity_comparison_assessment_level(NULL, 0), -1);
    ck_assert_int_eq(itss_maturity_comparison_assessment_grade(NULL, 0, NULL), ITSS_RATING_NONE);
    for (size_t i = 0; i < 3; i++)
        itss_maturity_result_free(rs[i]);
    itss_maturity_model_free(copy);
    itss_maturity_model_free(m);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("compare");
    TCase *t = tcase_create("maturity");
    tcase_add_test(t, csv_quoting_and_formulas);
    tcase_add_test(t, compare_grades_levels_and_changes);
    tcase_add_test(t, compare_refuses);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
