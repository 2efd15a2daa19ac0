/*
 * The library's messages in Chinese (lib/msg/message.c): recognition of
 * the English text, parameters, argument messages, messages inside
 * messages, phrases, what stays English, and the renderers of error
 * records and problem lists. Every expected Chinese text is written here
 * by hand from the templates of lib/msg/core.inc.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"
#include "untranslated.h"

static itss_error record(int code, const char *message)
{
    itss_error e;
    memset(&e, 0, sizeof e);
    e.code = code;
    snprintf(e.message, sizeof e.message, "%s", message);
    return e;
}

/* message in lang is want. */
static void says(const char *message, itss_lang lang, const char *want)
{
    itss_error e = record(ITSS_EVALUE, message), err;
    char *out = NULL;
    size_t len = 0;
    ck_assert_int_eq(itss_error_message(&e, lang, &out, &len, &err), ITSS_OK);
    ck_assert_str_eq(out, want);
    ck_assert_uint_eq(len, strlen(want));
    itss_free(out);
}

START_TEST(plain)
{
    says("search text is empty", ITSS_LANG_ZH, "搜索文本为空");
    says("out of memory", ITSS_LANG_ZH, "内存不足");
    /* English stays as it is, byte for byte */
    says("search text is empty", ITSS_LANG_EN, "search text is empty");
}
END_TEST

START_TEST(parameters)
{
    says("JSON nested too deeply (the limit is 512 levels)", ITSS_LANG_ZH,
         "JSON 嵌套过深（上限为 512 层）");
    says("\"level\" is -3; it must be 0..5", ITSS_LANG_ZH, "“level”为 -3；应在 0..5 之间");
    /* a parameter with quotes, colons and the words of the format in it */
    says("unknown key \"a\\\": b\" (allowed: id, unknown key \"x\")", ITSS_LANG_ZH,
         "未知的键“a\\\": b”（允许：id, unknown key \"x\"）");
    says("unknown key \"colour\" (allowed: id, title)", ITSS_LANG_ZH,
         "未知的键“colour”（允许：id, title）");
    says("document is 70000000 bytes; the limit is 67108864 bytes (64 MiB)", ITSS_LANG_ZH,
         "文档有 70000000 字节；上限为 67108864 字节（64 MiB）");
    /* %02X takes hex digits; a %s that may be empty */
    says("invalid UTF-8 byte 0xC3", ITSS_LANG_ZH, "无效的 UTF-8 字节 0xC3");
    /* the more literal text wins: "... in a number" over "...%s" */
    says("invalid UTF-8 byte 0xFF in a number", ITSS_LANG_ZH, "数字中有无效的 UTF-8 字节 0xFF");
    /* a number where digits are wanted: no match, the text stays */
    says("JSON nested too deeply (the limit is many levels)", ITSS_LANG_ZH,
         "JSON nested too deeply (the limit is many levels)");
}
END_TEST

START_TEST(argument_messages)
{
    says("itss_class_lookup: code is NULL", ITSS_LANG_ZH, "itss_class_lookup：参数 code 为 NULL");
    says("itss_error_message: lang -5 is not an itss_lang", ITSS_LANG_ZH,
         "itss_error_message：语言 -5 不是 itss_lang 的取值");
    says("itss_maturity_render: format 9: this function writes JSON, JSON_PRETTY, TEXT or CSV",
         ITSS_LANG_ZH, "itss_maturity_render：格式 9：此函数只写出 JSON、JSON_PRETTY、TEXT 或 CSV");
    /* the function name with a text of no kind: all of it stays */
    says("itss_foo: what is this", ITSS_LANG_ZH, "itss_foo: what is this");
    says("itss_class_lookup: code is NULL", ITSS_LANG_EN, "itss_class_lookup: code is NULL");
}
END_TEST

START_TEST(messages_in_messages)
{
    says("malformed JSON: unterminated string", ITSS_LANG_ZH, "JSON 格式错误：字符串缺少结尾的引号");
    says("malformed JSON: expected ':' after an object key, found a number", ITSS_LANG_ZH,
         "JSON 格式错误：此处应为对象键之后的“:”，却是数字");
    says("malformed JSON: invalid UTF-8 byte 0xE9 in a string", ITSS_LANG_ZH,
         "JSON 格式错误：无效的 UTF-8 字节 0xE9（在字符串中）");
    /* the inner text of no kind stays English inside the Chinese */
    says("malformed JSON: something else", ITSS_LANG_ZH, "JSON 格式错误：something else");
    /* nesting is bounded: five levels are translated, the rest stays */
    says("malformed JSON: malformed JSON: malformed JSON: malformed JSON: malformed JSON: "
         "malformed JSON: malformed JSON: unterminated string",
         ITSS_LANG_ZH,
         "JSON 格式错误：JSON 格式错误：JSON 格式错误：JSON 格式错误：JSON 格式错误："
         "malformed JSON: malformed JSON: unterminated string");
}
END_TEST

START_TEST(phrases)
{
    says("\"levels\" must be an array, not a string", ITSS_LANG_ZH,
         "“levels”必须是数组，而不是字符串");
    says("\"ok\" must be true or false, not null", ITSS_LANG_ZH,
         "“ok”必须是true 或 false，而不是null");
    /* a phrase the catalog does not have stays as it is */
    says("\"x\" must be a duck, not an object", ITSS_LANG_ZH, "“x”必须是a duck，而不是对象");
    says("the document must be a JSON object, not an array", ITSS_LANG_ZH,
         "文档必须是 JSON 对象，而不是数组");
    says("cannot open \"/nonexistent/a.json\": No such file or directory", ITSS_LANG_ZH,
         "无法打开“/nonexistent/a.json”：文件或目录不存在");
}
END_TEST

START_TEST(unknown_and_cut)
{
    says("a message the library never wrote", ITSS_LANG_ZH, "a message the library never wrote");
    says("", ITSS_LANG_ZH, "");
    /* cut at the record's size: it would match "malformed JSON: %s", but
     * what was cut off is unknown, so the text stays */
    char cut[ITSS_ERROR_MESSAGE_SIZE];
    memset(cut, 'x', sizeof cut);
    memcpy(cut, "malformed JSON: ", 16);
    memcpy(cut + ITSS_ERROR_MESSAGE_SIZE - 4, "...", 4);
    ck_assert_uint_eq(strlen(cut), ITSS_ERROR_MESSAGE_SIZE - 1);
    says(cut, ITSS_LANG_ZH, cut);
    /* a short message ending in "..." is whole */
    says("malformed JSON: unterminated string...", ITSS_LANG_ZH,
         "JSON 格式错误：unterminated string...");
}
END_TEST

/* Messages made to make a backtracking matcher take exponential time:
 * every prefix a candidate split. They must simply come back. */
START_TEST(pathological)
{
    char m[ITSS_ERROR_MESSAGE_SIZE];
    const char *unit[] = {"\"", "\": ", "\"\": ", " must be ", ", not ", "malformed JSON: ",
                          "results[1] was rated against model \"", "\", results[0] against \""};
    for (size_t u = 0; u < sizeof unit / sizeof unit[0]; u++) {
        size_t o = 0, k = strlen(unit[u]);
        while (o + k < 300) {
            memcpy(m + o, unit[u], k);
            o += k;
        }
        m[o] = 0;
        itss_error e = record(ITSS_EVALUE, m), err;
        char *out = NULL;
        ck_assert_int_eq(itss_error_message(&e, ITSS_LANG_ZH, &out, NULL, &err), ITSS_OK);
        ck_assert_ptr_nonnull(out);
        itss_free(out);
    }
    /* "\"%s\" must be %s, not %s" over a text full of its own pieces */
    char *p = m;
    p += sprintf(p, "\"");
    for (int i = 0; i < 20; i++)
        p += sprintf(p, "\"a\" must be ");
    p += sprintf(p, ", not ");
    for (int i = 0; i < 10; i++)
        p += sprintf(p, ", not x");
    itss_error e = record(ITSS_EVALUE, m), err;
    char *out = NULL;
    ck_assert_int_eq(itss_error_message(&e, ITSS_LANG_ZH, &out, NULL, &err), ITSS_OK);
    /* the key is the shortest text after the first quote that " must be "
     * follows: "a (an empty key is followed by "a", not by " must be ") */
    ck_assert_msg(strncmp(out, "“\"a”必须是", strlen("“\"a”必须是")) == 0, "%s", out);
    itss_free(out);
}
END_TEST

START_TEST(arguments)
{
    itss_error e = record(ITSS_EVALUE, "out of memory"), err;
    char *out = (char *)1;
    ck_assert_int_eq(itss_error_message(NULL, ITSS_LANG_ZH, &out, NULL, &err), ITSS_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(err.message, "itss_error_message: e is NULL");
    ck_assert_int_eq(itss_error_message(&e, ITSS_LANG_ZH, NULL, NULL, &err), ITSS_EINVAL);
    ck_assert_int_eq(itss_error_message(&e, (itss_lang)7, &out, NULL, &err), ITSS_EINVAL);
    ck_assert_str_eq(err.message, "itss_error_message: lang 7 is not an itss_lang");
    ck_assert_int_eq(itss_error_describe(&e, 0, ITSS_FORMAT_HTML, ITSS_LANG_ZH, &out, NULL,
                                         &err),
                     ITSS_EINVAL);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(itss_error_describe(&e, 0, ITSS_FORMAT_TEXT, (itss_lang)-1, &out, NULL,
                                         &err),
                     ITSS_EINVAL);
    ck_assert_int_eq(itss_error_describe(NULL, 0, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out, NULL,
                                         &err),
                     ITSS_EINVAL);
    /* a record without its NUL: read within its size */
    memset(e.message, 'x', sizeof e.message);
    ck_assert_int_eq(itss_error_message(&e, ITSS_LANG_ZH, &out, NULL, &err), ITSS_OK);
    ck_assert_uint_eq(strlen(out), sizeof e.message);
    itss_free(out);
}
END_TEST

START_TEST(describe)
{
    itss_error e = record(ITSS_ESCHEMA, "missing required key \"id\""), err;
    strcpy(e.path, "/a");
    e.line = 2;
    e.column = 5;
    e.position = 7;
    char *out;
    ck_assert_int_eq(itss_error_describe(&e, 3, ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out, NULL, &err),
                     ITSS_OK);
    ck_assert_str_eq(out, "3:2:5: 缺少必需的键“id”（位置 /a）");
    itss_free(out);
    ck_assert_int_eq(itss_error_describe(&e, 3, ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out, NULL, &err),
                     ITSS_OK);
    ck_assert_str_eq(out, "3:2:5: missing required key \"id\" (at /a)");
    itss_free(out);
    ck_assert_int_eq(itss_error_render(&e, 3, ITSS_FORMAT_TEXT, &out, NULL, &err), ITSS_OK);
    ck_assert_str_eq(out, "3:2:5: missing required key \"id\" (at /a)");
    itss_free(out);
    ck_assert_int_eq(itss_error_describe(&e, 0, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out, NULL, &err),
                     ITSS_OK);
    json_error_t je;
    json_t *j = json_loads(out, 0, &je);
    ck_assert_ptr_nonnull(j);
    json_t *want = json_pack("{s:{s:s, s:i, s:s, s:s, s:i, s:i, s:i}}", "error", "code",
                             "ITSS_ESCHEMA", "status", -5, "message", "缺少必需的键“id”", "path",
                             "/a", "line", 2, "column", 5, "position", 7);
    ck_assert_msg(json_equal(j, want), "%s", out);
    json_decref(j);
    json_decref(want);
    itss_free(out);
}
END_TEST

START_TEST(problem_list)
{
    itss_problem_list *p = NULL;
    itss_error err;
    ck_assert_int_eq(itss_assessment_check(itss_maturity_model_builtin(), "[1]", 3,
                                           ITSS_FORMAT_JSON, NULL, &p, &err),
                     ITSS_OK);
    ck_assert_uint_eq(itss_problem_list_problem_count(p), 1);
    char *out;
    ck_assert_int_eq(itss_problem_list_render(p, "a.json", ITSS_FORMAT_TEXT, ITSS_LANG_EN, &out,
                                              NULL, &err),
                     ITSS_OK);
    ck_assert_str_eq(out, "a.json:1:1: the document must be a JSON object, not an array\n");
    itss_free(out);
    ck_assert_int_eq(itss_problem_list_render(p, "a.json", ITSS_FORMAT_TEXT, ITSS_LANG_ZH, &out,
                                              NULL, &err),
                     ITSS_OK);
    ck_assert_str_eq(out, "a.json:1:1: 文档必须是 JSON 对象，而不是数组\n");
    itss_free(out);
    ck_assert_int_eq(itss_problem_list_render(p, NULL, ITSS_FORMAT_JSON, ITSS_LANG_ZH, &out,
                                              NULL, &err),
                     ITSS_OK);
    ck_assert_msg(strstr(out, "\"message\":\"文档必须是 JSON 对象，而不是数组\""), "%s", out);
    itss_free(out);
    itss_problem_list_free(p);
}
END_TEST

/* The verdicts of code validation show each problem in the language of
 * the view: the message itss_error_message gives for it. */
START_TEST(code_verdicts)
{
    const char *codes[] = {"0A"};
    itss_code_problem problem;
    itss_error e, err;
    ck_assert_int_ne(itss_code_validate(itss_catalog_builtin(), codes[0], &problem, &e), ITSS_OK);
    for (int l = 0; l < 2; l++) {
        itss_lang lang = l ? ITSS_LANG_EN : ITSS_LANG_ZH;
        char *want, *out;
        ck_assert_int_eq(itss_error_message(&e, lang, &want, NULL, &err), ITSS_OK);
        ck_assert_int_eq(itss_code_validate_render(itss_catalog_builtin(), codes, 1,
                                                   ITSS_FORMAT_TEXT, lang, NULL, &out, NULL,
                                                   &err),
                         ITSS_OK);
        ck_assert_msg(strstr(out, want), "\"%s\" lacks \"%s\"", out, want);
        /* and that message is the template of lib/msg/engine.inc, written
         * out here by hand */
        ck_assert_str_eq(want, l ? "class code \"0A\" has a character other than 0-9 at byte "
                                   "1: a GB/T 29264 code has 2, 4 or 6 ASCII digits"
                                 : "类别代码“0A”在字节 1 处有 0-9 以外的字符：GB/T 29264 "
                                   "的代码为 2、4 或 6 位 ASCII 数字");
        itss_free(want);
        itss_free(out);
    }
}
END_TEST

/* The test on untranslated messages itself. */
START_TEST(untranslated_check)
{
    static const char *const good[] = {
        "搜索文本为空",
        "未知的键“unknown key”（允许：id, title）",
        "itss_class_lookup：参数 code 为 NULL",
        "格式 9：此函数只写出 JSON、JSON_PRETTY、TEXT 或 CSV",
        "JSON 格式错误：文档以字节顺序标记（BOM）开头",
        "工作表 Sheet1 第 3 行：值 'not a number' 无效",
        "文档有 70000000 字节；上限为 64 MiB",
        "文件 /tmp/some file.json 不存在",
        "未知的键“size”（允许：code, level, parent, name, catch_all）",
    };
    static const char *const bad[] = {
        "unknown key \"a\"",
        "未知的 unknown key “a”",
        "“x”必须是 some duck",
        "JSON 格式错误：some thing else",
        "此处应为 a value or ']'",
        "",
    };
    char why[200];
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        ck_assert_msg(untranslated(good[i], why, sizeof why) == NULL, "%s: %s", good[i], why);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(untranslated(bad[i], why, sizeof why) != NULL, "passed: \"%s\"", bad[i]);
    /* and through the library */
    itss_error e = record(ITSS_EVALUE, "\"levels\" must be an array, not a string");
    assert_translated(&e, "phrase");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("message");
    ADD(s, plain);
    ADD(s, parameters);
    ADD(s, argument_messages);
    ADD(s, messages_in_messages);
    ADD(s, phrases);
    ADD(s, unknown_and_cut);
    ADD(s, pathological);
    ADD(s, arguments);
    ADD(s, describe);
    ADD(s, problem_list);
    ADD(s, code_verdicts);
    ADD(s, untranslated_check);
    return itss_test_run(s);
}
