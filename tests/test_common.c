/* Tests of the common API: status codes, versions, languages, itss_free. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

START_TEST(strerror_every_code)
{
    /* Every documented code has a name and a text; the values are part of
     * the ABI and must never change. */
    static const struct {
        int code;
        const char *name;
    } codes[] = {
        {0, "ITSS_OK"},           {-1, "ITSS_EINVAL"},     {-2, "ITSS_ENOMEM"},
        {-3, "ITSS_ENOTFOUND"},   {-4, "ITSS_EPARSE"},     {-5, "ITSS_ESCHEMA"},
        {-6, "ITSS_EVALUE"},      {-7, "ITSS_EDUPLICATE"}, {-8, "ITSS_EMODEL"},
        {-9, "ITSS_EIO"},         {-10, "ITSS_ELIMIT"},     {-11, "ITSS_ECONSISTENCY"},
    };
    ck_assert_int_eq(ITSS_EINVAL, -1);
    ck_assert_int_eq(ITSS_ELIMIT, -10);
    ck_assert_int_eq(ITSS_ECONSISTENCY, -11);
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        ck_assert_str_eq(itss_strerror_name(codes[i].code), codes[i].name);
        ck_assert_str_ne(itss_strerror(codes[i].code), "unknown error");
        ck_assert_uint_gt(strlen(itss_strerror(codes[i].code)), 3);
    }
    ck_assert_str_eq(itss_strerror(-999), "unknown error");
    ck_assert_str_eq(itss_strerror(1), "unknown error");
    ck_assert_ptr_null(itss_strerror_name(-999));
}
END_TEST

START_TEST(version_macros_match_runtime)
{
    ck_assert_str_eq(itss_version_string(), ITSS_VERSION_STRING);
    ck_assert_uint_eq(itss_version_hex(), (unsigned long)ITSS_VERSION_HEX);
    /* the macros agree with each other and with the build's version */
    char buf[32];
    snprintf(buf, sizeof buf, "%d.%d.%d", ITSS_VERSION_MAJOR, ITSS_VERSION_MINOR,
             ITSS_VERSION_PATCH);
    ck_assert_str_eq(buf, ITSS_VERSION_STRING);
    ck_assert_str_eq(ITSS_VERSION_STRING, PROJECT_VERSION);
    ck_assert_uint_eq(ITSS_VERSION_HEX,
                      ((unsigned long)ITSS_VERSION_MAJOR << 16) |
                          ((unsigned long)ITSS_VERSION_MINOR << 8) | ITSS_VERSION_PATCH);
    ck_assert_int_eq(ITSS_SOVERSION, PROJECT_SOVERSION);
}
END_TEST

START_TEST(lang_parse_and_tag)
{
    itss_lang l = ITSS_LANG_EN;
    ck_assert_int_eq(itss_lang_parse("zh", &l, NULL), 0);
    ck_assert_int_eq(l, ITSS_LANG_ZH);
    ck_assert_int_eq(itss_lang_parse("EN", &l, NULL), 0);
    ck_assert_int_eq(l, ITSS_LANG_EN);
    l = ITSS_LANG_ZH;
    ck_assert_int_eq(itss_lang_parse("fr", &l, NULL), ITSS_EVALUE);
    ck_assert_int_eq(itss_lang_parse("", &l, NULL), ITSS_EVALUE);
    ck_assert_int_eq(itss_lang_parse("zhx", &l, NULL), ITSS_EVALUE);
    ck_assert_int_eq(itss_lang_parse(NULL, &l, NULL), ITSS_EINVAL);
    ck_assert_int_eq(itss_lang_parse("zh", NULL, NULL), ITSS_EINVAL);
    ck_assert_int_eq(l, ITSS_LANG_ZH); /* untouched on failure */
    ck_assert_str_eq(itss_lang_tag(ITSS_LANG_ZH), "zh");
    ck_assert_str_eq(itss_lang_tag(ITSS_LANG_EN), "en");
    ck_assert_ptr_null(itss_lang_tag((itss_lang)7));
}
END_TEST

START_TEST(free_accepts_null_and_library_memory)
{
    itss_free(NULL);
    const itss_catalog *cat;
    cat = itss_catalog_builtin();
    char *s = NULL;
    size_t len = 0;
    ck_assert_int_eq(itss_catalog_export(cat, "01", ITSS_FORMAT_JSON, &s, &len,
                                         NULL),
                     0);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(strlen(s), len);
    itss_free(s);
}
END_TEST

START_TEST(error_struct_layout)
{
    itss_error e;
    ck_assert_uint_eq(sizeof e.message, ITSS_ERROR_MESSAGE_SIZE);
    ck_assert_uint_eq(sizeof e.path, ITSS_ERROR_PATH_SIZE);
    /* a failing call fills it; a later successful call clears it */
    const itss_catalog *cat;
    const itss_class *c;
    cat = itss_catalog_builtin();
    ck_assert_int_eq(itss_class_lookup(cat, "0407", &c, &e), ITSS_ENOTFOUND);
    ck_assert_int_eq(e.code, ITSS_ENOTFOUND);
    ck_assert_uint_gt(strlen(e.message), 0);
    ck_assert_int_eq(itss_class_lookup(cat, "0402", &c, &e), 0);
    ck_assert_int_eq(e.code, 0);
    ck_assert_str_eq(e.message, "");
    /* NULL error pointers are accepted everywhere */
    ck_assert_int_eq(itss_class_lookup(cat, "0407", &c, NULL), ITSS_ENOTFOUND);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("common");
    TCase *t = tcase_create("common");
    tcase_add_test(t, strerror_every_code);
    tcase_add_test(t, version_macros_match_runtime);
    tcase_add_test(t, lang_parse_and_tag);
    tcase_add_test(t, free_accepts_null_and_library_memory);
    tcase_add_test(t, error_struct_layout);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
