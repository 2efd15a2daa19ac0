/*
 * The worksheet writers (itss_assessment_render, itss_evaluation_render as
 * CSV) and the flat CSV results (itss_maturity_result_render,
 * itss_maturity_result_domains_render, itss_quality_result_render with
 * ITSS_FORMAT_CSV). The expected texts are written by hand from the layout
 * of the worksheets and from the models' data: the small model of
 * tests/cases/maturity/custom-model-rate (argument 1: tests/cases) and
 * T/CESA 1299-2023 (data/tcesa1299-2023.json). XLSX is checked by
 * tests/python/test_sheet_write.py with a different reader.
 */
#include <check.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

static const char *cases_dir;

#define BOM "\xEF\xBB\xBF"
/* After the model row of an English assessment sheet: the other keys
 * empty, the default scale, the empty row and the header. */
#define BLANK_META_AND_HEADER_EN                                                         \
    "id,\r\n"                                                                             \
    "organization,\r\n"                                                                   \
    "scope,\r\n"                                                                          \
    "date,\r\n"                                                                           \
    "assessor,\r\n"                                                                       \
    "notes,\r\n"                                                                          \
    "scale,any\r\n"                                                                       \
    "\r\n"                                                                                \
    "clause,level,domain,item,summary,rating,evidence,note,na_reason\r\n"

/* The small model: levels 起步/Starting, 规范/Defined, 优化/Optimised
 * without labels; domains ops (运行/Operations) and sec (安全/Security);
 * items 1 监控/Monitoring (ops), 2 访问控制/Access control (sec); clauses
 * in model order (level, then domain in document order): ops-1a, sec-1a,
 * ops-2a, ops-2b, sec-2a, ops-3a (no item), sec-3a (no item). */
static itss_maturity_model *small_model(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/maturity/custom-model-rate/model.json", cases_dir);
    itss_maturity_model *m = NULL;
    itss_error e;
    ck_assert_msg(itss_maturity_model_load_file(path, &m, &e) == ITSS_OK, "%s", e.message);
    return m;
}

#ifdef HAVE_SHEETS

static char *render_assessment(const itss_assessment *a, int level, const char *domain,
                               itss_lang lang)
{
    char *out = NULL;
    size_t len = 0;
    itss_error e;
    int rc = itss_assessment_render(a, level, domain, ITSS_FORMAT_CSV, lang, &out, &len, &e);
    ck_assert_msg(rc == ITSS_OK, "%s", e.message);
    ck_assert_uint_eq(strlen(out), len);
    return out;
}


/* ---- the assessment worksheet ---------------------------------------------------- */

START_TEST(template_of_small_model)
{
    itss_maturity_model *m = small_model();
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(m, &a, NULL), ITSS_OK);
    char *csv = render_assessment(a, 0, NULL, ITSS_LANG_EN);
    /* every metadata key, even empty, the model id and the default scale
     * filled; an empty row; the header; one row per clause, level as
     * "<ordinal> <name>" (no label in this model), no item for ops-3a and
     * sec-3a, nothing rated */
    const char *want = BOM "model,acme-ops\r\n"
                           BLANK_META_AND_HEADER_EN
                           "ops-1a,1 Starting,Operations,1 Monitoring,Monitoring exists,,,,\r\n"
                           "sec-1a,1 Starting,Security,2 Access control,Accounts are managed,,,,\r\n"
                           "ops-2a,2 Defined,Operations,1 Monitoring,Monitoring covers all "
                           "systems,,,,\r\n"
                           "ops-2b,2 Defined,Operations,1 Monitoring,Alerts are handled,,,,\r\n"
                           "sec-2a,2 Defined,Security,2 Access control,Access is reviewed,,,,\r\n"
                           "ops-3a,3 Optimised,Operations,,Operations metrics drive "
                           "improvement,,,,\r\n"
                           "sec-3a,3 Optimised,Security,,Security metrics drive improvement,,,,\r\n";
    ck_assert_str_eq(csv, want);
    itss_free(csv);
    itss_assessment_free(a);
    itss_maturity_model_free(m);
}
END_TEST

START_TEST(filled_selection_in_chinese)
{
    itss_maturity_model *m = small_model();
    itss_assessment *a = NULL;
    itss_error e;
    ck_assert_int_eq(itss_assessment_new(m, &a, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_percent(a, "ops-2a", 85.5, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_evidence(a, "ops-2a", "-监控报表", NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_rating(a, "ops-2b", ITSS_RATING_L, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_note(a, "ops-2b", "夜间, \"无人\"", NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_meta(a, "organization", "ACME", NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_meta(a, "date", "2026-12-01", NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_scale(a, ITSS_SCALE_NPLF, NULL), ITSS_OK);
    char *csv = render_assessment(a, 2, "ops", ITSS_LANG_ZH);
    /* Chinese keys and headers (columns.c); only level 2 of ops: ops-2a and
     * ops-2b; the percentage as its shortest decimal; evidence starting
     * with "-" neutralised by an apostrophe; the note quoted (a comma and
     * quotes, doubled) */
    const char *want = BOM "模型,acme-ops\r\n"
                           "评估编号,\r\n"
                           "组织,ACME\r\n"
                           "范围,\r\n"
                           "日期,2026-12-01\r\n"
                           "评估人,\r\n"
                           "说明,\r\n"
                           "评级方式,nplf\r\n"
                           "\r\n"
                           "条款,级别,能力域,能力项,要求摘要,评级,证据,备注,不适用理由\r\n"
                           "ops-2a,2 规范,运行,1 监控,监控覆盖全部系统,85.5,'-监控报表,,\r\n"
                           "ops-2b,2 规范,运行,1 监控,告警有人处理,L,,\"夜间, \"\"无人\"\"\",\r\n";
    ck_assert_str_eq(csv, want);
    itss_free(csv);

    /* na with its reason in na_reason */
    ck_assert_int_eq(itss_assessment_set_na(a, "sec-3a", "外包", NULL), ITSS_OK);
    csv = render_assessment(a, 0, NULL, ITSS_LANG_EN);
    ck_assert_ptr_nonnull(strstr(csv, "\r\nsec-3a,3 Optimised,Security,,Security metrics drive "
                                      "improvement,na,,,外包\r\n"));
    itss_free(csv);

    /* a rated clause outside the selection: refused, naming it */
    char *out = (char *)"untouched";
    size_t len;
    ck_assert_int_eq(itss_assessment_render(a, 1, NULL, ITSS_FORMAT_CSV, ITSS_LANG_EN, &out,
                                            &len, &e),
                     ITSS_EVALUE);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(e.message, "ops-2a"));
    ck_assert_int_eq(itss_assessment_render(a, 0, "sec", ITSS_FORMAT_CSV, ITSS_LANG_EN, &out,
                                            &len, &e),
                     ITSS_EVALUE);
    ck_assert_ptr_nonnull(strstr(e.message, "ops-2a"));
    ck_assert_ptr_nonnull(strstr(e.message, "domain sec"));
    itss_assessment_free(a);
    itss_maturity_model_free(m);
}
END_TEST

/* The built-in model: 519 clauses, the first 6.1.1.a (level 1 基本级 with
 * label 四级 / Basic with label "ITSS grade 4", domain 能力管理 /
 * Capability management, item 1 能力策划 / Capability planning), summaries
 * from data/tcesa1299-2023.json. */
START_TEST(template_of_builtin_model)
{
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(itss_maturity_model_builtin(), &a, NULL), ITSS_OK);
    char *csv = render_assessment(a, 0, NULL, ITSS_LANG_EN);
    const char *head = BOM "model,tcesa1299-2023\r\n"
                           BLANK_META_AND_HEADER_EN
                           "6.1.1.a,1 Basic (ITSS grade 4),Capability management,1 Capability "
                           "planning,\"Identify and implement the capability items required by "
                           "each O&M project's scope, content and service levels\",,,,\r\n";
    ck_assert_msg(strncmp(csv, head, strlen(head)) == 0, "%.*s", (int)strlen(head) + 40, csv);
    /* 8 metadata rows, the empty row, the header and 519 clauses: 529
     * lines (no summary holds a line break) */
    size_t lines = 0;
    for (const char *p = csv; (p = strstr(p, "\r\n")); p += 2)
        lines++;
    ck_assert_uint_eq(lines, 8 + 1 + 1 + 519);
    itss_free(csv);

    csv = render_assessment(a, 0, NULL, ITSS_LANG_ZH);
    const char *zh = "条款,级别,能力域,能力项,要求摘要,评级,证据,备注,不适用理由\r\n"
                     "6.1.1.a,1 基本级（四级）,能力管理,1 能力策划,"
                     "依据项目约定的服务范围、内容和服务级别，识别并落实所需能力项,,,,\r\n";
    ck_assert_ptr_nonnull(strstr(csv, zh));
    itss_free(csv);
    itss_assessment_free(a);
}
END_TEST

/* ---- the evaluation worksheet ----------------------------------------------------- */

/* The two indicators of tests/cases/quality/characteristic-weights with
 * their measurements and weights, a band and metadata. */
START_TEST(evaluation_sheet)
{
    const char *json =
        "{\"service\": \"04\", \"period\": \"2026-Q3\", \"evaluator\": \"QA\","
        " \"scheme\": {\"indicators\": [\"incident_resolution_rate\", \"call_answer_rate\","
        " \"training_coverage\"], \"weights\": {\"reliability\": 3, \"timeliness\": 0.25,"
        " \"call_answer_rate\": 2}, \"bands\": [{\"grade\": \"good\", \"min\": 0.8}]},"
        " \"measurements\": {\"incident_resolution_rate\": {\"A\": 9, \"B\": 10},"
        " \"call_answer_rate\": {\"A\": 0.1, \"B\": 0.30000000000000004},"
        " \"training_coverage\": {\"na\": \"none\"}}}";
    itss_evaluation *ev = NULL;
    itss_error e;
    ck_assert_msg(itss_evaluation_load(itss_indicator_catalog_builtin(), json, strlen(json), &ev,
                                       &e) == ITSS_OK,
                  "%s", e.message);
    char *out = NULL;
    size_t len;
    ck_assert_int_eq(itss_evaluation_render(ev, ITSS_FORMAT_CSV, ITSS_LANG_EN, &out, &len, &e),
                     ITSS_OK);
    /* metadata in the order service, period, id, provider, customer,
     * evaluator, date, notes; then the weights other than 1 of the
     * characteristics, then of the sub-characteristics, then the bands */
    const char *meta = BOM "service,04\r\n"
                           "period,2026-Q3\r\n"
                           "id,\r\n"
                           "provider,\r\n"
                           "customer,\r\n"
                           "evaluator,QA\r\n"
                           "date,\r\n"
                           "notes,\r\n"
                           "weight,reliability,3\r\n"
                           "weight,timeliness,0.25\r\n"
                           "band,good,0.8\r\n"
                           "\r\n"
                           "indicator,name,subcharacteristic,method,measures,A,B,scores,weight,"
                           "na_reason\r\n";
    ck_assert_msg(strncmp(out, meta, strlen(meta)) == 0, "%s", out);
    /* the rows: the names, sub-characteristics and what A and B count come
     * from data/quality-indicators.json; 0.30000000000000004 written in
     * full so that it reads back as the same double */
    ck_assert_ptr_nonnull(strstr(out, "\r\nincident_resolution_rate,Incident resolution rate,"
                                      "Effectiveness,ratio,A: O&M incidents resolved / B: all "
                                      "O&M incidents,9,10,,1,\r\n"));
    ck_assert_ptr_nonnull(strstr(out, "\r\ncall_answer_rate,Call answer rate,Timeliness,ratio,"
                                      "A: calls answered / B: all incoming calls,0.1,"
                                      "0.30000000000000004,,2,\r\n"));
    ck_assert_ptr_nonnull(strstr(out, ",none\r\n"));
    itss_free(out);
    itss_evaluation_free(ev);
}
END_TEST

/* A text longer than a cell holds (32767 bytes, the readers' limit and
 * the XLSX one) is refused, naming the clause and the column; so is a
 * temporary directory that cannot be written, naming its path. */
START_TEST(limits_and_temporary_file)
{
    itss_maturity_model *m = small_model();
    itss_assessment *a = NULL;
    itss_error e;
    ck_assert_int_eq(itss_assessment_new(m, &a, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_rating(a, "sec-2a", ITSS_RATING_P, NULL), ITSS_OK);
    char *big = malloc(32769);
    ck_assert_ptr_nonnull(big);
    memset(big, 'x', 32768);
    big[32768] = 0;
    ck_assert_int_eq(itss_assessment_set_note(a, "sec-2a", big, NULL), ITSS_OK);
    char *out = (char *)"untouched";
    size_t len;
    for (int f = ITSS_FORMAT_CSV; f <= ITSS_FORMAT_XLSX; f++) {
        ck_assert_int_eq(itss_assessment_render(a, 0, NULL, (itss_format)f, ITSS_LANG_EN, &out,
                                                &len, &e),
                         ITSS_ELIMIT);
        ck_assert_ptr_null(out);
        ck_assert_ptr_nonnull(strstr(e.message, "note of sec-2a"));
        ck_assert_ptr_nonnull(strstr(e.message, "32768"));
    }
    big[32767] = 0; /* at the limit: written */
    ck_assert_int_eq(itss_assessment_set_note(a, "sec-2a", big, NULL), ITSS_OK);
    free(big);
    ck_assert_int_eq(itss_assessment_render(a, 0, NULL, ITSS_FORMAT_XLSX, ITSS_LANG_EN, &out,
                                            &len, &e),
                     ITSS_OK);
    ck_assert_uint_gt(len, 4);
    ck_assert_int_eq(memcmp(out, "PK\3\4", 4), 0);
    itss_free(out);

    const char *old = getenv("TMPDIR");
    char *saved = old ? strdup(old) : NULL;
    setenv("TMPDIR", "/nonexistent/itss-test-dir", 1);
    ck_assert_int_eq(itss_assessment_render(a, 0, NULL, ITSS_FORMAT_XLSX, ITSS_LANG_EN, &out,
                                            &len, &e),
                     ITSS_EIO);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(e.message, "/nonexistent/itss-test-dir/itss-"));
    ck_assert_ptr_nonnull(strstr(e.message, "No such file or directory"));
    if (saved) {
        setenv("TMPDIR", saved, 1);
        free(saved);
    } else {
        unsetenv("TMPDIR");
    }
    itss_assessment_free(a);
    itss_maturity_model_free(m);
}
END_TEST

#else

START_TEST(no_sheets_without_support)
{
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(itss_maturity_model_builtin(), &a, NULL), ITSS_OK);
    char *out;
    size_t len;
    ck_assert_int_eq(itss_assessment_render(a, 0, NULL, ITSS_FORMAT_CSV, ITSS_LANG_EN, &out, &len,
                                            NULL),
                     ITSS_EINVAL);
    itss_assessment_free(a);
}
END_TEST

#endif

/* ---- flat results --------------------------------------------------------------------- */

/* tests/cases/maturity/custom-model-rate: every clause F but ops-2b L and
 * sec-3a na (reason 外包给安全服务商); here ops-2b also has evidence and a
 * note. Its expected.json: level 2, ops at 2, sec at 3, target 3 with one
 * gap, ops-2b (required fully). */
static itss_maturity_result *rate_small(itss_maturity_model *m)
{
    static const char *const ids[] = {"ops-1a", "sec-1a", "ops-2a", "sec-2a", "ops-3a"};
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(m, &a, NULL), ITSS_OK);
    for (size_t i = 0; i < 5; i++)
        ck_assert_int_eq(itss_assessment_set_rating(a, ids[i], ITSS_RATING_F, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_rating(a, "ops-2b", ITSS_RATING_L, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_evidence(a, "ops-2b", "值班表, 2026", NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_note(a, "ops-2b", "=夜班", NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_na(a, "sec-3a", "外包给安全服务商", NULL), ITSS_OK);
    itss_maturity_result *r = NULL;
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, NULL), ITSS_OK);
    itss_assessment_free(a);
    return r;
}

static char *render_result(const itss_maturity_result *r, int domains, itss_format f,
                           itss_lang lang)
{
    char *out = NULL;
    size_t len;
    itss_error e;
    int rc = domains ? itss_maturity_result_domains_render(r, f, lang, &out, &len, &e)
                     : itss_maturity_result_render(r, f, lang, &out, &len, &e);
    ck_assert_msg(rc == ITSS_OK, "%s", e.message);
    return out;
}

START_TEST(maturity_result_csv)
{
    itss_maturity_model *m = small_model();
    itss_maturity_result *r = rate_small(m);
    /* one row per clause in model order: level as its ordinal, domain id,
     * item number ("" without); rating as given; grade N/P/L/F ("" for na);
     * satisfied: F fully, L largely, na na; blocks_target yes for the one
     * gap ops-2b; the same in both languages */
    const char *want =
        BOM "clause,level,domain,item,rating,grade,satisfied,blocks_target,evidence,note\r\n"
            "ops-1a,1,ops,1,F,F,fully,no,,\r\n"
            "sec-1a,1,sec,2,F,F,fully,no,,\r\n"
            "ops-2a,2,ops,1,F,F,fully,no,,\r\n"
            "ops-2b,2,ops,1,L,L,largely,yes,\"值班表, 2026\",'=夜班\r\n"
            "sec-2a,2,sec,2,F,F,fully,no,,\r\n"
            "ops-3a,3,ops,,F,F,fully,no,,\r\n"
            "sec-3a,3,sec,,na,,na,no,,\r\n";
    for (int lang = 0; lang < 2; lang++) {
        char *csv = render_result(r, 0, ITSS_FORMAT_CSV, (itss_lang)lang);
        ck_assert_str_eq(csv, want);
        itss_free(csv);
    }
    itss_maturity_result_free(r);
    itss_maturity_model_free(m);
}
END_TEST

START_TEST(maturity_result_csv_percent_and_binary)
{
    itss_maturity_model *m = small_model();
    itss_assessment *a = NULL;
    ck_assert_int_eq(itss_assessment_new(m, &a, NULL), ITSS_OK);
    /* 50 is P (P up to 50 %), 50.5 is L; met has no N/P/L/F grade; the
     * rest unrated: satisfied "no" and, for the target 1, blocking when at
     * level 1 */
    ck_assert_int_eq(itss_assessment_set_percent(a, "ops-1a", 50, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_percent(a, "sec-1a", 50.5, NULL), ITSS_OK);
    ck_assert_int_eq(itss_assessment_set_rating(a, "ops-2a", ITSS_RATING_MET, NULL), ITSS_OK);
    itss_maturity_result *r = NULL;
    ck_assert_int_eq(itss_maturity_rate(a, 0, &r, NULL), ITSS_OK);
    char *csv = render_result(r, 0, ITSS_FORMAT_CSV, ITSS_LANG_EN);
    const char *want =
        BOM "clause,level,domain,item,rating,grade,satisfied,blocks_target,evidence,note\r\n"
            "ops-1a,1,ops,1,50,P,no,yes,,\r\n"
            "sec-1a,1,sec,2,50.5,L,largely,no,,\r\n"
            "ops-2a,2,ops,1,met,,fully,no,,\r\n"
            "ops-2b,2,ops,1,,,no,no,,\r\n"
            "sec-2a,2,sec,2,,,no,no,,\r\n"
            "ops-3a,3,ops,,,,no,no,,\r\n"
            "sec-3a,3,sec,,,,no,no,,\r\n";
    ck_assert_str_eq(csv, want);
    itss_free(csv);
    itss_maturity_result_free(r);
    itss_assessment_free(a);
    itss_maturity_model_free(m);
}
END_TEST

START_TEST(maturity_domains_render)
{
    itss_maturity_model *m = small_model();
    itss_maturity_result *r = rate_small(m);
    /* ops: level 2; level 1 ops-1a F (1), level 2 ops-2a F and ops-2b L
     * (1 of 2 fully: 0.5), level 3 ops-3a F (1); one gap. sec: level 3;
     * levels 1 and 2 F (1), level 3 only sec-3a, na: no applicable clause,
     * empty; no gap. */
    char *csv = render_result(r, 1, ITSS_FORMAT_CSV, ITSS_LANG_EN);
    ck_assert_str_eq(csv, BOM "domain,name,level,coverage_1,coverage_2,coverage_3,gaps\r\n"
                              "ops,Operations,2,1,0.5,1,1\r\n"
                              "sec,Security,3,1,1,,0\r\n");
    itss_free(csv);
    csv = render_result(r, 1, ITSS_FORMAT_CSV, ITSS_LANG_ZH);
    ck_assert_str_eq(csv, BOM "domain,name,level,coverage_1,coverage_2,coverage_3,gaps\r\n"
                              "ops,运行,2,1,0.5,1,1\r\n"
                              "sec,安全,3,1,1,,0\r\n");
    itss_free(csv);

    /* JSON: {"domains": [...]}, the same objects as the result's "domains" */
    for (int pretty = 0; pretty < 2; pretty++) {
        char *full = render_result(r, 0, ITSS_FORMAT_JSON, ITSS_LANG_EN);
        char *doms = render_result(r, 1, pretty ? ITSS_FORMAT_JSON_PRETTY : ITSS_FORMAT_JSON,
                                   ITSS_LANG_EN);
        json_t *a = json_loads(full, 0, NULL), *b = json_loads(doms, 0, NULL);
        ck_assert_ptr_nonnull(a);
        ck_assert_ptr_nonnull(b);
        ck_assert_uint_eq(json_object_size(b), 1);
        ck_assert(json_equal(json_object_get(a, "domains"), json_object_get(b, "domains")));
        ck_assert_uint_eq(json_array_size(json_object_get(b, "domains")), 2);
        json_decref(a);
        json_decref(b);
        itss_free(full);
        itss_free(doms);
    }

    /* TEXT: the profile of the text report, as it stands there */
    for (int lang = 0; lang < 2; lang++) {
        char *text = render_result(r, 0, ITSS_FORMAT_TEXT, (itss_lang)lang);
        char *profile = render_result(r, 1, ITSS_FORMAT_TEXT, (itss_lang)lang);
        ck_assert_ptr_nonnull(strstr(profile, lang ? "Operations" : "运行"));
        ck_assert_ptr_nonnull(strstr(text, profile));
        itss_free(text);
        itss_free(profile);
    }

    /* the gaps of the text report show the evidence and the note */
    char *text = render_result(r, 0, ITSS_FORMAT_TEXT, ITSS_LANG_EN);
    ck_assert_ptr_nonnull(strstr(text, "Evidence: 值班表, 2026; Note: =夜班\n"));
    itss_free(text);
    text = render_result(r, 0, ITSS_FORMAT_TEXT, ITSS_LANG_ZH);
    ck_assert_ptr_nonnull(strstr(text, "证据：值班表, 2026；备注：=夜班\n"));
    itss_free(text);

    /* the formats it writes */
    char *out = (char *)"untouched";
    size_t len;
    itss_error e;
    ck_assert_int_eq(itss_maturity_result_domains_render(r, ITSS_FORMAT_HTML, ITSS_LANG_EN, &out,
                                                         &len, &e),
                     ITSS_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_ptr_nonnull(strstr(e.message, "CSV"));
    itss_maturity_result_free(r);
    itss_maturity_model_free(m);
}
END_TEST

/* Split a CSV line (no quotes in these) at commas into at most n cells. */
static size_t split(char *line, char **cells, size_t n)
{
    size_t k = 0;
    cells[k++] = line;
    for (char *p = line; *p && k < n; p++)
        if (*p == ',') {
            *p = 0;
            cells[k++] = p + 1;
        }
    return k;
}

/* The row of node id in csv, as cells (a static copy). */
static char **node_row(const char *csv, const char *id)
{
    static char line[1024];
    static char *cells[16];
    char key[128];
    snprintf(key, sizeof key, "\r\n%s,", id);
    const char *p = strstr(csv, key);
    ck_assert_msg(p != NULL, "no row %s", id);
    p += 2;
    const char *end = strstr(p, "\r\n");
    ck_assert_uint_lt((size_t)(end - p), sizeof line);
    memcpy(line, p, (size_t)(end - p));
    line[end - p] = 0;
    ck_assert_uint_eq(split(line, cells, 16), 8);
    return cells;
}

static void near(const char *cell, double want)
{
    char *end;
    double v = strtod(cell, &end);
    ck_assert_msg(*cell && !*end && fabs(v - want) < 1e-12, "\"%s\" is not %.17g", cell, want);
}

/* tests/cases/quality/characteristic-weights: incident_resolution_rate 9/10
 * (effectiveness, reliability weight 3) and call_answer_rate 5/10
 * (timeliness, responsiveness weight 1): overall (3 * 0.9 + 0.5) / 4 =
 * 0.8, all the weight covered. Plus training_coverage na (professionalism,
 * tangibility), which leaves tangibility not evaluated and the overall
 * coverage at 4 of 5. */
START_TEST(quality_result_csv)
{
    const char *json =
        "{\"service\": \"04\", \"scheme\": {\"indicators\": [\"incident_resolution_rate\","
        " \"call_answer_rate\", \"training_coverage\"], \"weights\": {\"reliability\": 3,"
        " \"responsiveness\": 1}}, \"measurements\": {\"incident_resolution_rate\": {\"A\": 9,"
        " \"B\": 10}, \"call_answer_rate\": {\"A\": 5, \"B\": 10}, \"training_coverage\":"
        " {\"na\": \"none\"}}}";
    char *out = NULL;
    size_t len;
    itss_error e;
    ck_assert_msg(itss_quality_score_json(itss_indicator_catalog_builtin(), json, strlen(json),
                                          ITSS_FORMAT_CSV, ITSS_LANG_EN, &out, &len, &e) ==
                      ITSS_OK,
                  "%s", e.message);
    const char *head = BOM "node,kind,parent,name,weight,score,coverage,status\r\n"
                           "overall,overall,,Overall,,";
    ck_assert_msg(strncmp(out, head, strlen(head)) == 0, "%s", out);
    /* 1 overall + 5 characteristics + 16 sub-characteristics + 3
     * indicators, and the header */
    size_t lines = 0;
    for (const char *p = out; (p = strstr(p, "\r\n")); p += 2)
        lines++;
    ck_assert_uint_eq(lines, 1 + 1 + 5 + 16 + 3);

    char **c = node_row(out, "overall");
    near(c[5], 0.8);
    near(c[6], 0.8);
    ck_assert_str_eq(c[7], "evaluated");
    c = node_row(out, "reliability");
    ck_assert_str_eq(c[1], "characteristic");
    ck_assert_str_eq(c[2], "overall");
    ck_assert_str_eq(c[3], "Reliability");
    ck_assert_str_eq(c[4], "3");
    near(c[5], 0.9);
    near(c[6], 1);
    ck_assert_str_eq(c[7], "evaluated");
    c = node_row(out, "effectiveness");
    ck_assert_str_eq(c[1], "subcharacteristic");
    ck_assert_str_eq(c[2], "reliability");
    near(c[5], 0.9);
    c = node_row(out, "incident_resolution_rate");
    ck_assert_str_eq(c[1], "indicator");
    ck_assert_str_eq(c[2], "effectiveness");
    ck_assert_str_eq(c[3], "Incident resolution rate");
    ck_assert_str_eq(c[4], "1");
    near(c[5], 0.9);
    ck_assert_str_eq(c[6], "");
    ck_assert_str_eq(c[7], "evaluated");
    c = node_row(out, "call_answer_rate");
    ck_assert_str_eq(c[2], "timeliness");
    near(c[5], 0.5);
    c = node_row(out, "training_coverage");
    ck_assert_str_eq(c[2], "professionalism");
    ck_assert_str_eq(c[5], "");
    ck_assert_str_eq(c[7], "na");
    c = node_row(out, "tangibility");
    ck_assert_str_eq(c[5], "");
    ck_assert_str_eq(c[7], "not_evaluated");
    c = node_row(out, "security");
    ck_assert_str_eq(c[5], "");
    ck_assert_str_eq(c[7], "not_evaluated");
    /* the tree order: a sub-characteristic after its characteristic, an
     * indicator after its sub-characteristic */
    ck_assert_ptr_nonnull(strstr(out, "\r\nreliability,"));
    ck_assert(strstr(out, "\r\nreliability,") < strstr(out, "\r\neffectiveness,"));
    ck_assert(strstr(out, "\r\neffectiveness,") < strstr(out, "\r\nincident_resolution_rate,"));
    ck_assert(strstr(out, "\r\nincident_resolution_rate,") < strstr(out, "\r\nresponsiveness,"));
    itss_free(out);
}
END_TEST

int main(int argc, char **argv)
{
    cases_dir = argc > 1 ? argv[1] : "tests/cases";
    Suite *s = suite_create("sheet_write");
#ifdef HAVE_SHEETS
    ADD(s, template_of_small_model);
    ADD(s, filled_selection_in_chinese);
    ADD(s, template_of_builtin_model);
    ADD(s, evaluation_sheet);
    ADD(s, limits_and_temporary_file);
#else
    ADD(s, no_sheets_without_support);
#endif
    ADD(s, maturity_result_csv);
    ADD(s, maturity_result_csv_percent_and_binary);
    ADD(s, maturity_domains_render);
    ADD(s, quality_result_csv);
    return itss_test_run(s);
}
