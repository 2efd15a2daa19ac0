/* JSON syntax errors: for each kind, a document, the status, the location
 * (line, column in code points, byte position) and a fragment of the
 * message. The locations follow docs/api-conventions.md: the start of the
 * offending token; the opening quote for any problem inside a string; the
 * end of the document when more was expected. Each expected location is
 * counted by hand in the comment beside it (byte offsets from 0). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "check_main.h"

typedef struct {
    const char *doc;
    size_t len; /* 0: strlen(doc); set for documents holding NUL bytes */
    int code;
    size_t line, column, position;
    const char *fragment; /* part of the message */
} syntax_case;

static int load_catalog(const char *t, size_t n, itss_error *e)
{
    itss_catalog *c = NULL;
    int rc = itss_catalog_load(t, n, &c, e);
    itss_catalog_free(c);
    return rc;
}

static int load_model(const char *t, size_t n, itss_error *e)
{
    itss_maturity_model *m = NULL;
    int rc = itss_maturity_model_load(t, n, &m, e);
    itss_maturity_model_free(m);
    return rc;
}

static int load_evaluation(const char *t, size_t n, itss_error *e)
{
    itss_evaluation *ev = NULL;
    int rc = itss_evaluation_load(itss_indicator_catalog_builtin(), t, n, &ev, e);
    itss_evaluation_free(ev);
    return rc;
}

/* The message is ours: one line of printable text, no quotation of
 * jansson's ("... near '...'"). */
static void check_message(const itss_error *e)
{
    for (const unsigned char *p = (const unsigned char *)e->message; *p; p++)
        ck_assert_msg(*p >= 0x20 && *p != 0x7F, "control byte 0x%02X in \"%s\"", *p, e->message);
    ck_assert_msg(!strstr(e->message, "near '") && !strstr(e->message, "near end"),
                  "\"%s\"", e->message);
}

static void check_case(const syntax_case *c, int (*load)(const char *, size_t, itss_error *))
{
    size_t len = c->len ? c->len : strlen(c->doc);
    itss_error e;
    int rc = load(c->doc, len, &e);
    ck_assert_msg(rc == c->code, "%s: expected %s, got %s (%s)", c->fragment,
                  itss_strerror_name(c->code), rc ? itss_strerror_name(rc) : "0", e.message);
    ck_assert_int_eq(e.code, c->code);
    ck_assert_msg(e.line == c->line && e.column == c->column && e.position == c->position,
                  "%s: expected %zu:%zu (byte %zu), got %zu:%zu (byte %zu): %s", c->fragment,
                  c->line, c->column, c->position, e.line, e.column, e.position, e.message);
    ck_assert_msg(strstr(e.message, c->fragment), "expected \"%s\" in \"%s\"", c->fragment,
                  e.message);
    if (c->code == ITSS_EPARSE) {
        ck_assert_str_eq(e.path, "");
        ck_assert_msg(strncmp(e.message, "malformed JSON: ", 16) == 0, "%s", e.message);
    }
    check_message(&e);
}

#define P ITSS_EPARSE

/* ---- grammar: a token where another was expected ------------------------------- */

static const syntax_case grammar[] = {
    /* nothing at all: the end is byte 0 */
    {"", 0, P, 1, 1, 0, "unexpected end of the document (expected a value)"},
    /* " \n\t ": the end is byte 4, on line 2 after a tab and a space */
    {" \n\t ", 0, P, 2, 3, 4, "unexpected end of the document"},
    /* {"a": |  -- the end, byte 6 */
    {"{\"a\": ", 0, P, 1, 7, 6, "unexpected end of the document (expected a value)"},
    /* {"a": 1|  -- the end, byte 7 */
    {"{\"a\": 1", 0, P, 1, 8, 7, "expected ',' or '}' after an object member"},
    /* {"a": 1 "b": 2}: { 0, "a" 1-3, : 4, 1 at 6, "b" at 8 */
    {"{\"a\": 1 \"b\": 2}", 0, P, 1, 9, 8,
     "expected ',' or '}' after an object member, found a string"},
    /* {"a": [1 2]}: [ at byte 6, 2 at byte 9 */
    {"{\"a\": [1 2]}", 0, P, 1, 10, 9, "expected ',' or ']' after an array element, found a number"},
    /* [1 2]: the top level must be an object, so a document that starts as an
     * array is refused at its first byte, whatever follows (docs/security.md:
     * no tree is built of it) */
    {"[1 2]", 0, ITSS_ESCHEMA, 1, 1, 0, "the document must be a JSON object, not an array"},
    {" \n [", 0, ITSS_ESCHEMA, 2, 2, 3, "the document must be a JSON object, not an array"},
    /* {"a" 1}: "a" 1-3, 1 at 5 */
    {"{\"a\" 1}", 0, P, 1, 6, 5, "expected ':' after an object key, found a number"},
    /* {"a": 1,}: the , at 7, } at 8 */
    {"{\"a\": 1,}", 0, P, 1, 9, 8, "expected a string key after ',', found '}'"},
    /* {1: 2}: the key 1 at byte 1 */
    {"{1: 2}", 0, P, 1, 2, 1, "expected a string key or '}', found a number"},
    /* {"a": [1,]}: ] at 9 */
    {"{\"a\": [1,]}", 0, P, 1, 10, 9, "expected a value, found ']'"},
    /* {"a": }: } at 6 */
    {"{\"a\": }", 0, P, 1, 7, 6, "expected a value, found '}'"},
    /* {} x: x at 3 */
    {"{} x", 0, P, 1, 4, 3, "text after the end of the document: 'x'"},
    /* {}\n{}: the second { at byte 3, line 2 column 1 */
    {"{}\n{}", 0, P, 2, 1, 3, "text after the end of the document: '{'"},
    /* "{\n  \"a\": 1,\n  \"b\" 2\n}": line 1 is 2 bytes, line 2 is 10, so line 3
     * starts at 12; in '  "b" 2' the 2 is column 7, byte 18 */
    {"{\n  \"a\": 1,\n  \"b\" 2\n}", 0, P, 3, 7, 18, "expected ':' after an object key"},
    /* {"名": x}: 名 is 3 bytes (2-4), " 5, : 6, space 7, x at byte 8; before it
     * 6 characters, so column 7 */
    {"{\"\xE5\x90\x8D\": x}", 0, P, 1, 7, 8, "unexpected character 'x'"},
};

/* ---- tokens that are not JSON ----------------------------------------------------- */

static const syntax_case tokens[] = {
    /* in {"a": X}, X starts at byte 6 */
    {"{\"a\": x}", 0, P, 1, 7, 6, "unexpected character 'x'"},
    {"{\"a\": NaN}", 0, P, 1, 7, 6, "unknown word 'NaN'"},
    {"{\"a\": Infinity}", 0, P, 1, 7, 6, "unknown word 'Infinity'"},
    {"{\"a\": tru}", 0, P, 1, 7, 6, "unknown word 'tru'"},
    {"{\"a\": -Infinity}", 0, P, 1, 7, 6, "'-' is not followed by a digit"},
    {"{\"a\": 012}", 0, P, 1, 7, 6, "a number starts with a leading zero (012)"},
    {"{\"a\": 1.}", 0, P, 1, 7, 6, "no digit after the decimal point in a number (1.)"},
    {"{\"a\": 1e+}", 0, P, 1, 7, 6, "no digit in the exponent of a number (1e+)"},
    {"{\"a\": +1}", 0, P, 1, 7, 6, "unexpected character '+'"},
    {"{\"a\": 'x'}", 0, P, 1, 7, 6, "unexpected single quote"},
    {"{\"a\": 1e400}", 0, P, 1, 7, 6, "number out of range (1e400)"},
    {"{\"a\": -1e400}", 0, P, 1, 7, 6, "number out of range (-1e400)"},
    /* 0x10: the 0 at 6 is a whole number; the x at 7 is the problem */
    {"{\"a\": 0x10}", 0, P, 1, 8, 7, "unexpected character 'x'"},
    /* 1.5.3: the number 1.5 ends at 9; the second '.' is at 9 */
    {"{\"a\": 1.5.3}", 0, P, 1, 10, 9, "unexpected character '.'"},
    /* a comment after the {: the / at byte 1 */
    {"{/* c */}", 0, P, 1, 2, 1, "unexpected character '/' (JSON has no comments)"},
    /* a control character outside a string, shown escaped: byte 1 */
    {"{\x01}", 0, P, 1, 2, 1, "unexpected character '\\x01'"},
    /* {\0}: the NUL at byte 1 */
    {"{\0}", 3, P, 1, 2, 1, "a NUL byte outside a string"},
    /* {}\0: the NUL after the document at byte 2 */
    {"{}\0", 3, P, 1, 3, 2, "text after the end of the document: a NUL byte"},
    /* {"a": 1, \xFF}: { 0, "a" 1-3, : 4, 1 at 6, , 7, space 8, the byte at 9 */
    {"{\"a\": 1, \xFF}", 0, P, 1, 10, 9, "invalid UTF-8 byte 0xFF"},
    /* right after a whole number the byte itself is the problem: byte 7 */
    {"{\"a\": 1\xFF}", 0, P, 1, 8, 7, "invalid UTF-8 byte 0xFF"},
    /* the parser the library uses drops a NUL byte right after a number
     * (so {"a": 1\0} parses); the scan agrees, and the problem here is
     * the x: { 0, "a" 1-3, : 4, 1 at 6, NUL 7, space 8, x at 9 */
    {"{\"a\": 1\0 x}", 11, P, 1, 10, 9, "unexpected character 'x'"},
    /* the BOM at byte 0 */
    {"\xEF\xBB\xBF{}", 0, P, 1, 1, 0, "byte order mark"},
};

/* ---- strings: located at the opening quote -------------------------------------- */

static const syntax_case strings[] = {
    /* in {"a": "...}, the value's quote is byte 6 */
    {"{\"a\": \"b", 0, P, 1, 7, 6, "unterminated string"},
    {"{\"a\": \"b\\qc\"}", 0, P, 1, 7, 6, "invalid escape \\q in a string"},
    {"{\"a\": \"\\u12\"}", 0, P, 1, 7, 6, "invalid escape \\u12 in a string"},
    {"{\"a\": \"x\\ud800y\"}", 0, P, 1, 7, 6, "lone surrogate \\uD800 in a string"},
    {"{\"a\": \"\\udc00\"}", 0, P, 1, 7, 6, "lone surrogate \\uDC00 in a string"},
    {"{\"a\": \"\\ud83d\\u0041\"}", 0, P, 1, 7, 6,
     "invalid surrogate pair \\uD83D\\u0041 in a string"},
    {"{\"a\": \"a\tb\"}", 0, P, 1, 7, 6, "control character U+0009 in a string"},
    {"{\"a\": \"a\nb\"}", 0, P, 1, 7, 6, "control character U+000A in a string"},
    /* {"a": "a\0b"}: 12 bytes */
    {"{\"a\": \"a\0b\"}", 12, P, 1, 7, 6, "control character U+0000 in a string"},
    {"{\"a\": \"\\u0000\"}", 0, P, 1, 7, 6, "\\u0000 in a string"},
    {"{\"a\": \"b\xFF\"}", 0, P, 1, 7, 6, "invalid UTF-8 byte 0xFF in a string"},
    /* an overlong '/' deep in a long string: still the opening quote */
    {"{\"a\": \"a string of more than twenty bytes \xC0\xAF\"}", 0, P, 1, 7, 6,
     "invalid UTF-8 byte 0xC0 in a string"},
    /* a key: {"a\u0000": 1}, its quote at byte 1 */
    {"{\"a\\u0000\": 1}", 0, P, 1, 2, 1, "\\u0000 in a key"},
    /* a bad byte in a key */
    {"{\"k\xFE\": 1}", 0, P, 1, 2, 1, "invalid UTF-8 byte 0xFE in a string"},
};

/* ---- duplicate keys: ITSS_EDUPLICATE at the second key, with its path ------------ */

typedef struct {
    const char *doc;
    size_t len;      /* 0: strlen(doc) */
    size_t position; /* all on line 1, in ASCII: column = position + 1 */
    const char *path;
} duplicate_case;

static const duplicate_case duplicates[] = {
    /* {"a": 1, "a": 2}: the second "a" at byte 9 */
    {"{\"a\": 1, \"a\": 2}", 0, 9, "/a"},
    /* {"ab": 1, "a\u0062": 2}: the same key written with an escape, at 10 */
    {"{\"ab\": 1, \"a\\u0062\": 2}", 0, 10, "/ab"},
    /* a key of 24 characters (26 bytes with its quotes) inside "x":
     * {"x": { takes bytes 0-6, the first key 7-32, then ": 1, " up to 37,
     * the second key at 38 */
    {"{\"x\": {\"a_key_longer_than_twenty\": 1, \"a_key_longer_than_twenty\": 2}}", 0,
     38, "/x/a_key_longer_than_twenty"},
    /* {"q\"": 1, "q\"": 2}: the first key is bytes 1-5, the second at 11 */
    {"{\"q\\\"\": 1, \"q\\\"\": 2}", 0, 11, "/q\""},
    /* {"x": {"b": true\0, "b": 2}}: a NUL byte right after a value, which
     * the parser drops, does not hide the key: { 0, "x" 1-3, : 4, { 6,
     * "b" 7-9, : 10, true 12-15, NUL 16, , 17, the second "b" at 19 */
    {"{\"x\": {\"b\": true\0, \"b\": 2}}", 27, 19, "/x/b"},
};

START_TEST(grammar_errors)
{
    for (size_t i = 0; i < sizeof grammar / sizeof *grammar; i++)
        check_case(&grammar[i], load_catalog);
}
END_TEST

START_TEST(token_errors)
{
    for (size_t i = 0; i < sizeof tokens / sizeof *tokens; i++)
        check_case(&tokens[i], load_catalog);
}
END_TEST

START_TEST(string_errors)
{
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++)
        check_case(&strings[i], load_catalog);
}
END_TEST

START_TEST(every_loader_reads_alike)
{
    /* the model and evaluation loaders share the reading */
    for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
        check_case(&strings[i], load_model);
        check_case(&strings[i], load_evaluation);
    }
    for (size_t i = 0; i < sizeof tokens / sizeof *tokens; i++)
        check_case(&tokens[i], load_evaluation);
}
END_TEST

START_TEST(duplicate_keys)
{
    for (size_t i = 0; i < sizeof duplicates / sizeof *duplicates; i++) {
        const duplicate_case *c = &duplicates[i];
        itss_error e;
        int rc = load_catalog(c->doc, c->len ? c->len : strlen(c->doc), &e);
        ck_assert_msg(rc == ITSS_EDUPLICATE, "%s: %s", c->doc, e.message);
        ck_assert_str_eq(e.path, c->path);
        ck_assert_msg(e.line == 1 && e.column == c->position + 1 && e.position == c->position,
                      "%s: expected byte %zu, got %zu:%zu (byte %zu)", c->doc, c->position,
                      e.line, e.column, e.position);
        ck_assert_msg(strstr(e.message, "duplicate key"), "%s", e.message);
        check_message(&e);
    }
}
END_TEST

/* {"a": followed by `n` brackets and then `tail`. */
static char *nested(size_t n, const char *tail, size_t *len)
{
    size_t t = strlen(tail);
    char *s = malloc(6 + n + t + 1);
    ck_assert_ptr_nonnull(s);
    memcpy(s, "{\"a\": ", 6);
    memset(s + 6, '[', n);
    memcpy(s + 6 + n, tail, t + 1);
    *len = 6 + n + t;
    return s;
}

START_TEST(nesting_limit)
{
    /* The object is level 1 and the k-th '[' level k + 1: with 2048
     * brackets the last one (byte 6 + 2047 = 2053) is level 2049, one too
     * many. */
    size_t len;
    char *s = nested(2048, "", &len);
    itss_error e;
    ck_assert_int_eq(load_catalog(s, len, &e), ITSS_ELIMIT);
    ck_assert_msg(strstr(e.message, "nested too deeply (the limit is 2048 levels)"), "%s",
                  e.message);
    ck_assert_uint_eq(e.position, 2053);
    ck_assert_uint_eq(e.line, 1);
    ck_assert_uint_eq(e.column, 2054);
    free(s);

    /* 2047 brackets, closed: deep but within the limit, and not a syntax
     * error (the catalog then refuses its content) */
    s = nested(2047, "", &len);
    char *full = malloc(len + 2047 + 2);
    ck_assert_ptr_nonnull(full);
    memcpy(full, s, len);
    memset(full + len, ']', 2047);
    memcpy(full + len + 2047, "}", 2);
    int rc = load_catalog(full, len + 2048, &e);
    ck_assert_msg(rc != ITSS_ELIMIT && rc != ITSS_EPARSE, "%s", e.message);
    free(full);
    free(s);

    /* At level 2049 a token that cannot even be read is a syntax error
     * (the parser reads a token before it looks at the depth): the string
     * at byte 6 + 2047 = 2053. A token that can be read is too deep. */
    s = nested(2047, "\"\\q\"", &len);
    ck_assert_int_eq(load_catalog(s, len, &e), ITSS_EPARSE);
    ck_assert_uint_eq(e.position, 2053);
    ck_assert_msg(strstr(e.message, "invalid escape"), "%s", e.message);
    free(s);
    s = nested(2047, "x", &len);
    ck_assert_int_eq(load_catalog(s, len, &e), ITSS_ELIMIT);
    ck_assert_uint_eq(e.position, 2053);
    free(s);
}
END_TEST

/* rc for {"a": <number>}: the catalog refuses the key, but only a number
 * beyond the double range is a syntax error. */
static int number_rc(const char *num, itss_error *e)
{
    char doc[512];
    snprintf(doc, sizeof doc, "{\"a\": %s}", num);
    return load_catalog(doc, strlen(doc), e);
}

/* 2^1024 - 2^970, halfway between the largest double and 2^1024 */
#define HALFWAY \
    "1797693134862315807937289714053034150799341327100378269361737789804449682927647" \
    "5094664901797758720709633028641669288791094655554785194040263065748867150582068" \
    "1908902000708383676273854845817711531764475730270069855571366959622842914819860" \
    "834936475292719074168444365510704342711559699508093042880177904174497792"

START_TEST(number_range)
{
    static const char *const finite[] = {
        "1.7976931348623157e308", /* the largest double */
        "1.7976931348623158e308", /* rounds down to it */
        "1e-400",                 /* becomes 0: not an error */
        "-1e-400",
        "0e999999",
        "0.0000001e315", /* 1e308 */
        "99999999999999999999",
        "179769313486231580793728971405303415079934132710037826936173778980444968292764750946"
        "649017977587207096330286416692887910946555547851940402630657488671505820681908902000"
        "708383676273854845817711531764475730270069855571366959622842914819860834936475292719"
        "074168444365510704342711559699508093042880177904174497791", /* halfway less 1 */
    };
    static const char *const beyond[] = {
        "1.7976931348623159e308",
        "-1.7976931348623159e308",
        "1e309",
        "0.0000001e316", /* 1e309 */
        "1e99999999999999999999",
        HALFWAY,          /* exactly halfway rounds to 2^1024 */
        HALFWAY "0e-1",   /* the same value written otherwise */
        "0." HALFWAY "e309",
        HALFWAY "1e-1",   /* a little more */
    };
    itss_error e;
    for (size_t i = 0; i < sizeof finite / sizeof *finite; i++) {
        int rc = number_rc(finite[i], &e);
        ck_assert_msg(rc != ITSS_EPARSE, "%s: %s", finite[i], e.message);
    }
    for (size_t i = 0; i < sizeof beyond / sizeof *beyond; i++) {
        int rc = number_rc(beyond[i], &e);
        ck_assert_msg(rc == ITSS_EPARSE && e.position == 6 &&
                          strstr(e.message, "number out of range ("),
                      "%s: %s at %zu", beyond[i], e.message, e.position);
        check_message(&e);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("json_syntax");
    TCase *t = tcase_create("json_syntax");
    tcase_add_test(t, grammar_errors);
    tcase_add_test(t, token_errors);
    tcase_add_test(t, string_errors);
    tcase_add_test(t, every_loader_reads_alike);
    tcase_add_test(t, duplicate_keys);
    tcase_add_test(t, nesting_limit);
    tcase_add_test(t, number_range);
    suite_add_tcase(s, t);
    return s;
}

int main(void) { return itss_test_run(suite()); }
