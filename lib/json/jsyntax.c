/* libitss — our own reading of JSON syntax.
 *
 * jansson parses every document; when it refuses one, this scan reads the
 * text again from the start, token by token, and stops at the first token
 * that is not valid JSON. That token decides where the error is located
 * (its first byte; the opening quote for any problem inside a string; the
 * end of the document when more was expected) and how it is described, in
 * our words, so that neither depends on how jansson words or places its
 * errors.
 *
 * The scan follows the grammar of RFC 8259 and the few extra rules of the
 * parser as libitss calls it: strings are UTF-8 without U+0000 (also not
 * as \u0000), surrogate escapes come in pairs, numbers stay within the
 * double range, and arrays and objects nest at most JSON_PARSER_MAX_DEPTH
 * deep. It finds problems in the same order as the parser reads the text:
 * a token that cannot be read at all (a bad byte, a broken string, a number
 * out of range) is reported before the nesting depth and the grammar are
 * looked at, as the parser reads each token before placing it. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json_internal.h"

enum tok_type { T_EOF, T_PUNCT, T_STRING, T_NUMBER, T_LITERAL, T_BAD };

typedef struct {
    int type;
    size_t start, end; /* the token's bytes [start, end) */
    char punct;        /* T_PUNCT: one of { } [ ] : , */
    int has_nul;       /* T_STRING: it holds \u0000 */
    int unreadable;    /* T_BAD: the token cannot be read at all */
    char what[ITSS_JSYNTAX_MESSAGE_SIZE]; /* T_BAD: the problem */
} token;

typedef struct {
    const unsigned char *t;
    size_t len;
} text;

#define BAD_UTF8 (-2)

/* The byte at i as a reader sees it: -1 at the end, BAD_UTF8 where no valid
 * UTF-8 sequence starts. Whoever looks at a byte reads a whole character,
 * so a bad byte right after a number or a word is a reading error too. */
static int look(const text *x, size_t i)
{
    if (i >= x->len)
        return -1;
    if (x->t[i] < 0x80)
        return x->t[i];
    uint32_t cp;
    return itss__utf8_decode(x->t + i, x->len - i, &cp) ? x->t[i] : BAD_UTF8;
}

/* Length of the (valid) character at i. */
static size_t char_len(const text *x, size_t i)
{
    uint32_t cp;
    return x->t[i] < 0x80 ? 1 : itss__utf8_decode(x->t + i, x->len - i, &cp);
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int hex_digit(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int bad(token *k, int unreadable, const char *fmt, ...) ITSS_PRINTF(3, 4);

/* Mark k as not JSON, with its problem. Returns 0 for `return bad(...)`. */
static int bad(token *k, int unreadable, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): initialised just above */
    vsnprintf(k->what, sizeof k->what, fmt, ap);
    va_end(ap);
    k->type = T_BAD;
    k->unreadable = unreadable;
    return 0;
}

static int bad_byte(token *k, const text *x, size_t i, const char *where)
{
    return bad(k, 1, "invalid UTF-8 byte 0x%02X%s", x->t[i], where);
}

/* ---- numbers --------------------------------------------------------------- */

/* 2^1024 - 2^970, halfway between the largest double and 2^1024: a decimal
 * number at least this large rounds to infinity (a tie goes to the even
 * neighbour, 2^1024), a smaller one to a finite double. 309 digits. */
static const char dbl_overflow[] =
    "1797693134862315807937289714053034150799341327100378269361737789804449682927647"
    "5094664901797758720709633028641669288791094655554785194040263065748867150582068"
    "1908902000708383676273854845817711531764475730270069855571366959622842914819860"
    "834936475292719074168444365510704342711559699508093042880177904174497792";

/* 1 if the number text s[0..n) (valid JSON) is beyond the double range.
 * Decided on the digits, as a correctly rounding strtod does, without
 * copying the text and whatever the locale. Tiny numbers become 0, which
 * is not an error. */
static int number_overflows(const unsigned char *s, size_t n)
{
    size_t i = 0;
    if (s[i] == '-')
        i++;
    size_t int_at = i;
    while (i < n && is_digit(s[i]))
        i++;
    size_t int_end = i, frac_at = i, frac_end = i;
    if (i < n && s[i] == '.') {
        frac_at = ++i;
        while (i < n && is_digit(s[i]))
            i++;
        frac_end = i;
    }
    size_t mant_end = i;
    /* the exponent, saturated far beyond any that matters */
    long long exp10 = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        int neg = 0;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            neg = s[i++] == '-';
        for (; i < n; i++)
            if (exp10 < 1000000000)
                exp10 = exp10 * 10 + (s[i] - '0');
        if (neg)
            exp10 = -exp10;
    }
    /* value = 0.d1d2d3... x 10^e, d1 the first digit that is not 0 */
    size_t first = int_at;
    while (first < int_end && s[first] == '0')
        first++;
    long long e;
    if (first < int_end) {
        e = (long long)(int_end - first) + exp10;
    } else {
        first = frac_at;
        while (first < frac_end && s[first] == '0')
            first++;
        if (first == frac_end)
            return 0; /* zero */
        e = exp10 - (long long)(first - frac_at);
    }
    const long long limit_e = (long long)sizeof dbl_overflow - 1;
    if (e != limit_e)
        return e > limit_e;
    /* the same magnitude: compare digit by digit, the shorter padded with
     * zeros */
    size_t k = 0;
    for (size_t p = first; p < mant_end; p++) {
        if (s[p] == '.')
            continue;
        int d = s[p] - '0';
        int l = k < sizeof dbl_overflow - 1 ? dbl_overflow[k] - '0' : 0;
        if (d != l)
            return d > l;
        k++;
    }
    /* the digits ran out: below the limit if some of its digits are left
     * (they are not all zeros), else exactly halfway, which rounds up */
    return k >= sizeof dbl_overflow - 1;
}

/* The characters a number is made of from i, quoted for a message. */
static void number_text(char *dst, size_t size, const text *x, size_t i)
{
    size_t e = i;
    while (e < x->len && x->t[e] && (is_digit(x->t[e]) || strchr("+-.eE", x->t[e])))
        e++;
    itss__quote(dst, size, (const char *)x->t + i, e - i, 40);
}

/* A byte that is not UTF-8 where a number needs one more character: the
 * number is broken, located at its start. */
static int bad_byte_in_number(token *k, const text *x, size_t i)
{
    return bad(k, 1, "invalid UTF-8 byte 0x%02X in a number", x->t[i]);
}

/* A byte that is not UTF-8 right after a complete token: that byte is the
 * problem, and where it is located. */
static int bad_byte_after(token *k, const text *x, size_t i)
{
    k->start = k->end = i;
    return bad_byte(k, x, i, "");
}

static int lex_number(const text *x, size_t i, token *k)
{
    char num[160];
    int c = look(x, i);
    if (c == '-')
        c = look(x, ++i);
    if (c == BAD_UTF8)
        return bad_byte_in_number(k, x, i);
    if (c == '0') {
        c = look(x, ++i);
        if (is_digit(c)) {
            number_text(num, sizeof num, x, k->start);
            return bad(k, 0, "a number starts with a leading zero (%s)", num);
        }
    } else if (is_digit(c)) {
        while (is_digit(c = look(x, ++i)))
            ;
    } else {
        return bad(k, 0, "'-' is not followed by a digit");
    }
    if (c == '.') {
        c = look(x, ++i);
        if (c == BAD_UTF8)
            return bad_byte_in_number(k, x, i);
        if (!is_digit(c)) {
            number_text(num, sizeof num, x, k->start);
            return bad(k, 0, "no digit after the decimal point in a number (%s)", num);
        }
        while (is_digit(c = look(x, ++i)))
            ;
    }
    if (c == 'e' || c == 'E') {
        c = look(x, ++i);
        if (c == '+' || c == '-')
            c = look(x, ++i);
        if (c == BAD_UTF8)
            return bad_byte_in_number(k, x, i);
        if (!is_digit(c)) {
            number_text(num, sizeof num, x, k->start);
            return bad(k, 0, "no digit in the exponent of a number (%s)", num);
        }
        while (is_digit(c = look(x, ++i)))
            ;
    }
    if (c == BAD_UTF8)
        return bad_byte_after(k, x, i);
    k->end = i;
    if (number_overflows(x->t + k->start, i - k->start)) {
        itss__quote(num, sizeof num, (const char *)x->t + k->start, i - k->start, 40);
        return bad(k, 1, "number out of range (%s)", num);
    }
    k->type = T_NUMBER;
    return 0;
}

/* ---- strings --------------------------------------------------------------- */

/* Note the first surrogate escape that does not pair up. */
static void unpaired(char *note, size_t size, long high, long next)
{
    if (note[0])
        return;
    if (next >= 0)
        snprintf(note, size, "invalid surrogate pair \\u%04lX\\u%04lX in a string", high, next);
    else
        snprintf(note, size, "lone surrogate \\u%04lX in a string", high);
}

/* i at the opening quote, where any problem of the string is located. The
 * bytes are checked first (UTF-8, control characters, escapes, the closing
 * quote); surrogate escapes that do not pair up are reported only for an
 * otherwise complete string, as the parser decodes a string after reading
 * all of it. */
static int lex_string(const text *x, size_t i, token *k)
{
    char note[ITSS_JSYNTAX_MESSAGE_SIZE] = "";
    long high = -1; /* a high surrogate waiting for its low half */
    i++;
    for (;;) {
        int c = look(x, i);
        if (c == -1)
            return bad(k, 1, "unterminated string");
        if (c == BAD_UTF8)
            return bad_byte(k, x, i, " in a string");
        if (c == '"')
            break;
        if (c < 0x20)
            return bad(k, 1, "control character U+%04X in a string", (unsigned)c);
        if (c != '\\') {
            if (high >= 0)
                unpaired(note, sizeof note, high, -1);
            high = -1;
            i += char_len(x, i);
            continue;
        }
        c = look(x, ++i);
        if (c == -1)
            return bad(k, 1, "unterminated string");
        if (c == BAD_UTF8)
            return bad_byte(k, x, i, " in a string");
        if (c < 0x20)
            return bad(k, 1, "invalid escape: '\\' before control character U+%04X in a string",
                       (unsigned)c);
        if (c != 'u') {
            if (!strchr("\"\\/bfnrt", c)) {
                char shown[24];
                itss__quote(shown, sizeof shown, (const char *)x->t + i, char_len(x, i), 1);
                return bad(k, 1, "invalid escape \\%s in a string", shown);
            }
            if (high >= 0)
                unpaired(note, sizeof note, high, -1);
            high = -1;
            i++;
            continue;
        }
        long v = 0;
        size_t h = 0;
        for (; h < 4; h++) {
            c = look(x, i + 1 + h);
            if (c == -1)
                return bad(k, 1, "unterminated string");
            if (c == BAD_UTF8)
                return bad_byte(k, x, i + 1 + h, " in a string");
            if (hex_digit(c) < 0)
                break;
            v = v * 16 + hex_digit(c);
        }
        if (h < 4) {
            char digits[8];
            memcpy(digits, x->t + i + 1, h);
            digits[h] = 0;
            return bad(k, 1, "invalid escape \\u%s in a string (\\u takes four hex digits)",
                       digits);
        }
        i += 5;
        if (v == 0)
            k->has_nul = 1;
        if (high >= 0) {
            if (v < 0xDC00 || v > 0xDFFF)
                unpaired(note, sizeof note, high, v);
            high = -1;
        } else if (v >= 0xD800 && v <= 0xDBFF) {
            high = v;
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
            unpaired(note, sizeof note, v, -1);
        }
    }
    if (high >= 0)
        unpaired(note, sizeof note, high, -1);
    k->end = i + 1;
    if (note[0])
        return bad(k, 1, "%s", note);
    k->type = T_STRING;
    return 0;
}

/* ---- tokens ---------------------------------------------------------------- */

static size_t skip_space(const text *x, size_t i)
{
    while (i < x->len &&
           (x->t[i] == ' ' || x->t[i] == '\t' || x->t[i] == '\n' || x->t[i] == '\r'))
        i++;
    return i;
}

static void lex_token(const text *x, size_t i, token *k);

/* The token at or after i. A token that is not JSON is T_BAD with its
 * problem; `unreadable` marks those the parser cannot even read.
 *
 * jansson's reader loses a NUL byte that directly follows a number or a
 * word when it puts back the character after them, so it accepts [1\0]
 * and reads [1\0 x] as [1 x]. The scan steps over such a byte too, so that
 * it refuses exactly what jansson refuses; any other NUL byte outside a
 * string is an error. */
static void lex(const text *x, size_t i, token *k, size_t *dropped)
{
    lex_token(x, i, k);
    if ((k->type == T_NUMBER || k->type == T_LITERAL) && k->end < x->len && !x->t[k->end]) {
        k->end++;
        (*dropped)++;
    }
}

static void lex_token(const text *x, size_t i, token *k)
{
    k->type = T_EOF;
    k->punct = 0;
    k->has_nul = 0;
    k->unreadable = 0;
    k->what[0] = 0;
    i = skip_space(x, i);
    k->start = k->end = i;
    int c = look(x, i);
    if (c == -1)
        return;
    if (c == BAD_UTF8) {
        bad_byte(k, x, i, "");
        return;
    }
    if (c && strchr("{}[]:,", c)) {
        k->type = T_PUNCT;
        k->punct = (char)c;
        k->end = i + 1;
        return;
    }
    if (c == '"') {
        lex_string(x, i, k);
        return;
    }
    if (c == '-' || is_digit(c)) {
        lex_number(x, i, k);
        return;
    }
    if (is_alpha(c)) {
        size_t e = i;
        while (is_alpha(c = look(x, e)))
            e++;
        k->end = e;
        size_t n = e - i;
        const char *w = (const char *)x->t + i;
        if ((n == 4 && !memcmp(w, "true", 4)) || (n == 5 && !memcmp(w, "false", 5)) ||
            (n == 4 && !memcmp(w, "null", 4))) {
            k->type = T_LITERAL;
            if (c == BAD_UTF8)
                bad_byte_after(k, x, e);
            return;
        }
        char q[96];
        itss__quote(q, sizeof q, w, n, 20);
        if (n == 1)
            bad(k, 0, "unexpected character '%s'", q);
        else
            bad(k, 0, "unknown word '%s' (JSON has true, false and null)", q);
        /* the parser reads the byte after the word before it looks at the
         * word: a bad byte there puts the word among the unreadable ones */
        k->unreadable = c == BAD_UTF8;
        return;
    }
    if (c == 0) {
        bad(k, 0, "a NUL byte outside a string");
        return;
    }
    if (c == '\'') {
        bad(k, 0, "unexpected single quote (JSON strings take double quotes)");
        return;
    }
    if (c == '/') {
        bad(k, 0, "unexpected character '/' (JSON has no comments)");
        return;
    }
    char q[24];
    itss__quote(q, sizeof q, (const char *)x->t + i, char_len(x, i), 1);
    bad(k, 0, "unexpected character '%s'", q);
}

/* A short name of the token k for "expected ..., found ..." (asked for
 * once, when a problem is reported). */
static void describe(char *dst, size_t size, const text *x, const token *k)
{
    int c = look(x, k->start);
    char q[96];
    if (k->type == T_PUNCT) {
        snprintf(dst, size, "'%c'", k->punct);
    } else if (k->type == T_STRING) {
        snprintf(dst, size, "a string");
    } else if (k->type == T_NUMBER) {
        snprintf(dst, size, "a number");
    } else if (c == 0) {
        snprintf(dst, size, "a NUL byte");
    } else if (c == '\'') {
        snprintf(dst, size, "a single quote");
    } else if (c == '-' || is_digit(c)) {
        number_text(q, sizeof q, x, k->start);
        snprintf(dst, size, "'%s'", q);
    } else if (is_alpha(c)) { /* true, false, null or another word */
        size_t e = k->start;
        while (is_alpha(look(x, e)))
            e++;
        itss__quote(q, sizeof q, (const char *)x->t + k->start, e - k->start, 20);
        snprintf(dst, size, "'%s'", q);
    } else {
        itss__quote(q, sizeof q, (const char *)x->t + k->start, char_len(x, k->start), 1);
        snprintf(dst, size, "'%s'", q);
    }
}

/* ---- the grammar ------------------------------------------------------------ */

/* What the next token must be. */
enum want {
    W_VALUE,         /* a value: at the top or after ':' */
    W_FIRST_ELEMENT, /* a value or ']', after '[' */
    W_ELEMENT,       /* a value, after ',' in an array */
    W_FIRST_KEY,     /* a key or '}', after '{' */
    W_KEY,           /* a key, after ',' in an object */
    W_COLON,         /* ':' after a key */
    W_NEXT,          /* ',' or the closing bracket, after a member or element */
    W_END            /* the end of the document */
};

static const char *expected(int want, int in_object)
{
    switch (want) {
    case W_VALUE:
    case W_ELEMENT: return "a value";
    case W_FIRST_ELEMENT: return "a value or ']'";
    case W_FIRST_KEY: return "a string key or '}'";
    case W_KEY: return "a string key after ','";
    case W_COLON: return "':' after an object key";
    case W_NEXT:
        return in_object ? "',' or '}' after an object member"
                         : "',' or ']' after an array element";
    }
    return "the end of the document";
}

static int found(itss_jsyntax *out, int kind, size_t at)
{
    out->kind = kind;
    out->at = at;
    return kind;
}

static int problem(itss_jsyntax *out, size_t at, const char *fmt, ...) ITSS_PRINTF(3, 4);

static int problem(itss_jsyntax *out, size_t at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): initialised just above */
    vsnprintf(out->message, sizeof out->message, fmt, ap);
    va_end(ap);
    return found(out, ITSS_JSYNTAX_ERROR, at);
}

/* The token k is not what the grammar wants there: a token that is not
 * JSON says so itself, a missing one is located at the end. */
static int wrong(itss_jsyntax *out, const text *x, const token *k, int want, int in_object)
{
    char shown[112];
    if (k->type == T_EOF)
        return problem(out, x->len, "unexpected end of the document (expected %s)",
                       expected(want, in_object));
    describe(shown, sizeof shown, x, k);
    if (want == W_END)
        return problem(out, k->start, "text after the end of the document: %s", shown);
    if (k->type == T_BAD)
        return problem(out, k->start, "%s", k->what);
    return problem(out, k->start, "expected %s, found %s", expected(want, in_object), shown);
}

int itss__json_syntax(const char *s, size_t len, size_t stop_at, itss_jsyntax *out)
{
    text x = {(const unsigned char *)s, len};
    /* one bit per open array (0) or object (1); nothing is ever pushed
     * past the depth limit, which is an error of its own */
    unsigned char objects[(ITSS_JSON_MAX_DEPTH + 7) / 8];
    memset(objects, 0, sizeof objects);
    size_t depth = 0;
    int want = W_VALUE;
    size_t i = 0;
    token k;
    memset(out, 0, sizeof *out);
    for (;;) {
        lex(&x, i, &k, &out->dropped);
        i = k.end;
        /* the parser reads each token before it places it */
        if (k.type == T_BAD && k.unreadable)
            return problem(out, k.start, "%s", k.what);
        int in_object = depth > 0 && (objects[(depth - 1) / 8] >> ((depth - 1) % 8) & 1);
        int is_punct = k.type == T_PUNCT;
        switch (want) {
        case W_END:
            if (k.type != T_EOF)
                return wrong(out, &x, &k, want, in_object);
            return found(out, ITSS_JSYNTAX_OK, len);
        case W_FIRST_ELEMENT:
            if (is_punct && k.punct == ']') {
                depth--;
                want = depth ? W_NEXT : W_END;
                break;
            }
            /* fall through */
        case W_VALUE:
        case W_ELEMENT:
            /* the parser takes any token here for a value one level down
             * and checks the depth first; only the end of the document
             * inside an array is not taken for a value */
            if (!(k.type == T_EOF && want != W_VALUE) && depth >= ITSS_JSON_MAX_DEPTH)
                return found(out, ITSS_JSYNTAX_DEEP, k.start);
            if (k.type == T_STRING && k.has_nul)
                return problem(out, k.start, "\\u0000 in a string (U+0000 is not accepted)");
            if (is_punct && (k.punct == '{' || k.punct == '[')) {
                unsigned bit = 1u << (depth % 8);
                if (k.punct == '{')
                    objects[depth / 8] |= (unsigned char)bit;
                else
                    objects[depth / 8] &= (unsigned char)~bit;
                depth++;
                want = k.punct == '{' ? W_FIRST_KEY : W_FIRST_ELEMENT;
                break;
            }
            if (k.type != T_STRING && k.type != T_NUMBER && k.type != T_LITERAL)
                return wrong(out, &x, &k, want, in_object);
            want = depth ? W_NEXT : W_END;
            break;
        case W_FIRST_KEY:
            if (is_punct && k.punct == '}') {
                depth--;
                want = depth ? W_NEXT : W_END;
                break;
            }
            /* fall through */
        case W_KEY:
            if (k.type != T_STRING)
                return wrong(out, &x, &k, want, in_object);
            if (k.has_nul)
                return problem(out, k.start, "\\u0000 in a key (U+0000 is not accepted)");
            if (stop_at && k.end - out->dropped >= stop_at)
                return found(out, ITSS_JSYNTAX_KEY, k.start);
            want = W_COLON;
            break;
        case W_COLON:
            if (!is_punct || k.punct != ':')
                return wrong(out, &x, &k, want, in_object);
            want = W_VALUE;
            break;
        default: /* W_NEXT */
            if (is_punct && k.punct == ',') {
                want = in_object ? W_KEY : W_ELEMENT;
                break;
            }
            if (!is_punct || k.punct != (in_object ? '}' : ']'))
                return wrong(out, &x, &k, want, in_object);
            depth--;
            want = depth ? W_NEXT : W_END;
            break;
        }
    }
}
