/* libitss — JSON reading: parsing, error locations, typed access. */
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_internal.h"
#include "../problems_internal.h"

/* ---- lexing helpers over text already known to be valid JSON ----------- */

static size_t skip_ws(const char *t, size_t len, size_t i)
{
    while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
        i++;
    return i;
}

/* i at the opening quote; returns the index just past the closing quote. */
static size_t skip_string(const char *t, size_t len, size_t i)
{
    i++;
    while (i < len && t[i] != '"') {
        if (t[i] == '\\')
            i++;
        i++;
    }
    return i < len ? i + 1 : len;
}

/* Skip any value starting at i (iteratively, whatever the depth). */
static size_t skip_value(const char *t, size_t len, size_t i)
{
    if (i >= len)
        return len;
    if (t[i] == '"')
        return skip_string(t, len, i);
    if (t[i] != '{' && t[i] != '[') {
        /* (a NUL byte is not an end: strchr would find the terminator) */
        while (i < len && (!t[i] || !strchr(",]} \t\r\n", t[i])))
            i++;
        return i;
    }
    size_t depth = 0;
    while (i < len) {
        char c = t[i];
        if (c == '"') {
            i = skip_string(t, len, i);
            continue;
        }
        if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']') {
            depth--;
            if (depth == 0)
                return i + 1;
        }
        i++;
    }
    return len;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static unsigned read_u4(const char *p)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(p[k]);
        v = (v << 4) | (unsigned)(h < 0 ? 0 : h);
    }
    return v;
}

/* Decode the JSON string at [i, end) (quotes included) into a malloc'd
 * UTF-8 buffer; *n receives its length. NULL on ENOMEM. */
static char *decode_string(const char *t, size_t i, size_t end, size_t *n)
{
    char *out = malloc(end - i + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t k = i + 1; k + 1 < end; k++) {
        if (t[k] != '\\') {
            out[o++] = t[k];
            continue;
        }
        k++;
        switch (t[k]) {
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            unsigned cp = read_u4(t + k + 1);
            k += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && k + 6 < end && t[k + 1] == '\\' &&
                t[k + 2] == 'u') {
                unsigned lo = read_u4(t + k + 3);
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                k += 6;
            }
            if (cp < 0x80) {
                out[o++] = (char)cp;
            } else if (cp < 0x800) {
                out[o++] = (char)(0xC0 | (cp >> 6));
                out[o++] = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out[o++] = (char)(0xE0 | (cp >> 12));
                out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (char)(0x80 | (cp & 0x3F));
            } else {
                out[o++] = (char)(0xF0 | (cp >> 18));
                out[o++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                out[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[o++] = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: out[o++] = t[k]; break; /* \" \\ \/ */
        }
    }
    out[o] = 0;
    *n = o;
    return out;
}

/* Next JSON Pointer token starting at *p (after a '/'), unescaped into a
 * malloc'd buffer. Advances *p past the token. */
static char *pointer_token(const char **p, size_t *n)
{
    const char *s = *p;
    size_t k = strcspn(s, "/");
    char *tok = malloc(k + 1);
    if (!tok)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < k; i++) {
        if (s[i] == '~' && i + 1 < k && (s[i + 1] == '0' || s[i + 1] == '1')) {
            tok[o++] = s[i + 1] == '0' ? '~' : '/';
            i++;
        } else {
            tok[o++] = s[i];
        }
    }
    tok[o] = 0;
    *n = o;
    *p = s + k;
    return tok;
}

size_t itss__json_locate(const char *t, size_t len, const char *pointer, int at_key)
{
    size_t i = skip_ws(t, len, 0);
    size_t key_at = (size_t)-1;
    const char *p = pointer;
    while (*p == '/') {
        p++;
        size_t toklen;
        char *tok = pointer_token(&p, &toklen);
        if (!tok || i >= len)
            goto notfound_tok;
        if (t[i] == '{') {
            i = skip_ws(t, len, i + 1);
            int found = 0;
            while (i < len && t[i] == '"') {
                size_t ks = i, ke = skip_string(t, len, i), kn;
                char *key = decode_string(t, ks, ke, &kn);
                if (!key)
                    goto notfound_tok;
                int match = kn == toklen && memcmp(key, tok, kn) == 0;
                free(key);
                i = skip_ws(t, len, ke);
                if (i < len && t[i] == ':')
                    i = skip_ws(t, len, i + 1);
                if (match) {
                    key_at = ks;
                    found = 1;
                    break;
                }
                i = skip_ws(t, len, skip_value(t, len, i));
                if (i < len && t[i] == ',')
                    i = skip_ws(t, len, i + 1);
            }
            if (!found)
                goto notfound_tok;
        } else if (t[i] == '[') {
            char *endp;
            errno = 0;
            unsigned long long idx = strtoull(tok, &endp, 10);
            if (toklen == 0 || *endp || errno)
                goto notfound_tok;
            i = skip_ws(t, len, i + 1);
            for (unsigned long long k = 0; k < idx; k++) {
                if (i >= len || t[i] == ']')
                    goto notfound_tok;
                i = skip_ws(t, len, skip_value(t, len, i));
                if (i < len && t[i] == ',')
                    i = skip_ws(t, len, i + 1);
            }
            if (i >= len || t[i] == ']')
                goto notfound_tok;
            key_at = (size_t)-1;
        } else {
            goto notfound_tok;
        }
        free(tok);
        continue;
    notfound_tok:
        free(tok);
        return (size_t)-1;
    }
    if (at_key && key_at != (size_t)-1)
        return key_at;
    return i < len ? i : (size_t)-1;
}

/* JSON Pointer of the object member whose key starts at byte `target`
 * (used for duplicate keys, which jansson reports by position only).
 * Returns a malloc'd pointer or NULL if not found. */
/* One open array or object while walking a document: the index of its
 * current element or member, and for an object the current key's bytes. */
typedef struct frame {
    int is_obj;
    size_t index;
    size_t ks, ke; /* current key [ks, ke) with its quotes, objects only */
} frame;

/* The JSON Pointer of the current value of st[0..depth): malloc'd, NULL
 * when out of memory. */
static char *pointer_of(const char *t, const frame *st, size_t depth)
{
    itss_buf b;
    itss__buf_init(&b);
    for (size_t d = 0; d < depth; d++) {
        itss__buf_putc(&b, '/');
        if (st[d].is_obj) {
            size_t kn;
            char *k = decode_string(t, st[d].ks, st[d].ke, &kn);
            if (!k) {
                itss__buf_free(&b);
                return NULL;
            }
            for (size_t q = 0; q < kn; q++) {
                if (k[q] == '~')
                    itss__buf_puts(&b, "~0");
                else if (k[q] == '/')
                    itss__buf_puts(&b, "~1");
                else
                    itss__buf_putc(&b, k[q]);
            }
            free(k);
        } else {
            itss__buf_printf(&b, "%zu", st[d].index);
        }
    }
    if (b.oom) {
        itss__buf_free(&b);
        return NULL;
    }
    if (!b.data) /* the root: "" */
        return itss__strdup("");
    return b.data;
}

static char *path_of_key_at(const char *t, size_t len, size_t target)
{
    frame *st = NULL;
    size_t depth = 0, cap = 0;
    char *result = NULL;
    size_t i = skip_ws(t, len, 0);
    int expect_value = 1;
    while (i < len) {
        if (expect_value) {
            char c = t[i];
            if (c == '{' || c == '[') {
                if (depth == cap) {
                    size_t nc = cap ? cap * 2 : 16;
                    frame *ns = realloc(st, nc * sizeof *ns);
                    if (!ns)
                        goto done;
                    st = ns;
                    cap = nc;
                }
                st[depth].is_obj = c == '{';
                st[depth].index = 0;
                depth++;
                i = skip_ws(t, len, i + 1);
                if (i < len && (t[i] == '}' || t[i] == ']')) {
                    depth--;
                    i = skip_ws(t, len, i + 1);
                    expect_value = 0;
                    continue;
                }
                if (c == '[')
                    continue; /* next token is a value */
                goto key;
            }
            i = skip_ws(t, len, skip_value(t, len, i));
            expect_value = 0;
            continue;
        }
        if (depth == 0)
            break;
        if (t[i] == ',') {
            i = skip_ws(t, len, i + 1);
            st[depth - 1].index++;
            if (!st[depth - 1].is_obj) {
                expect_value = 1;
                continue;
            }
            goto key;
        }
        if (t[i] == '}' || t[i] == ']') {
            depth--;
            i = skip_ws(t, len, i + 1);
            continue;
        }
        break; /* not valid JSON */
    key:
        if (i >= len || t[i] != '"')
            break;
        st[depth - 1].ks = i;
        st[depth - 1].ke = skip_string(t, len, i);
        if (i == target) {
            result = pointer_of(t, st, depth);
            goto done;
        }
        i = skip_ws(t, len, st[depth - 1].ke);
        if (i < len && t[i] == ':')
            i = skip_ws(t, len, i + 1);
        expect_value = 1;
    }
done:
    free(st);
    return result;
}

/* ---- parsing ------------------------------------------------------------ */

/* Fuzzing builds stop where our syntax scan and jansson disagree, so that
 * the fuzzer finds every gap in the scan; other builds fall back on
 * jansson's position with a plain message. */
#ifdef ITSS_FUZZ_CHECKS
#  define FUZZ_DISAGREE() abort()
#else
#  define FUZZ_DISAGREE() ((void)0)
#endif

/* In fuzzing builds: the token the scan stopped at must start before the
 * point jansson had read to, or the scan missed an earlier problem.
 * jansson's count of bytes leaves out the NUL bytes its reader dropped. */
static void fuzz_check_order(const itss_jsyntax *s, size_t pos)
{
#ifdef ITSS_FUZZ_CHECKS
    if (s->at > pos + s->dropped)
        abort();
#else
    (void)s, (void)pos;
#endif
}

/* The offset of the first byte of text that is not UTF-8, or len. */
static size_t utf8_end(const char *text, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len) {
        size_t k = (unsigned char)text[i] < 0x80
                       ? 1
                       : itss__utf8_decode((const unsigned char *)text + i, len - i, &cp);
        if (!k)
            break;
        i += k;
    }
    return i;
}

/* 1 if the whole text reads as GB18030 (of which GBK is a part): a
 * document saved in the usual encoding of Chinese Windows. */
static int reads_as_gb18030(const char *text, size_t len)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    /* NOLINTNEXTLINE(performance-no-int-to-ptr): iconv_open's failure value */
    if (cd == (iconv_t)-1)
        return 0;
    char out[4096];
    char *in = (char *)text;
    size_t left = len;
    int ok = 1;
    while (left && ok) {
        char *o = out;
        size_t room = sizeof out;
        if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 && errno != E2BIG)
            ok = 0;
    }
    iconv_close(cd);
    return ok;
}

/* A document that jansson refused. jansson tells what kind of problem it
 * met (json_error_code) and how far it had read; our own scan of the text
 * (lib/json/jsyntax.c) finds the offending token, locates it and says what
 * is wrong. jansson's position is used only where the scan cannot see the
 * problem: memory running out, and a scan that found nothing (which would be
 * a gap in it: fuzzing aborts there). */
static int parse_failure(const char *text, size_t len, const json_error_t *je, itss_error *err)
{
    /* jansson stops just past the token it refused (at a byte that is not
     * UTF-8, at the end for a missing token) */
    size_t pos = je->position > 0 ? (size_t)je->position : 0;
    if (pos > len)
        pos = len;
    size_t near = pos > 0 ? pos - 1 : 0;
    itss_jsyntax s;
    int code;
    switch (json_error_code(je)) {
    case json_error_out_of_memory:
        itss__err(err, ITSS_ENOMEM, "out of memory while parsing JSON");
        itss__err_set_offset(err, text, len, near);
        return ITSS_ENOMEM;
    case json_error_duplicate_key: {
        /* the repeated key is the last token jansson read: the one that
         * ends at its position */
        size_t at = near;
        if (itss__json_syntax(text, len, pos, &s) == ITSS_JSYNTAX_KEY) {
            fuzz_check_order(&s, pos);
            at = s.at;
        } else {
            FUZZ_DISAGREE();
        }
        char *path = path_of_key_at(text, len, at);
        if (path) {
            char shown[200];
            const char *last = strrchr(path, '/') + 1;
            itss__quote(shown, sizeof shown, last, strlen(last), 60);
            itss__err(err, ITSS_EDUPLICATE,
                      "duplicate key \"%s\": a key may appear only once in an object", shown);
        } else { /* the key not found again, or no memory for its path */
            itss__err(err, ITSS_EDUPLICATE,
                      "duplicate key: a key may appear only once in an object");
        }
        itss__err_set_path(err, path);
        free(path);
        itss__err_set_offset(err, text, len, at);
        return ITSS_EDUPLICATE;
    }
    case json_error_stack_overflow:
        code = ITSS_ELIMIT;
        itss__err(err, code, "JSON nested too deeply (the limit is %d levels)",
                  ITSS_JSON_MAX_DEPTH);
        if (itss__json_syntax(text, len, 0, &s) == ITSS_JSYNTAX_DEEP) {
            fuzz_check_order(&s, pos);
            itss__err_set_offset(err, text, len, s.at);
        } else {
            FUZZ_DISAGREE();
            itss__err_set_offset(err, text, len, near);
        }
        return code;
    default:
        code = ITSS_EPARSE;
        if (itss__json_syntax(text, len, 0, &s) == ITSS_JSYNTAX_ERROR) {
            fuzz_check_order(&s, pos);
            if (utf8_end(text, len) < len && reads_as_gb18030(text, len))
                /* most likely saved in the usual encoding of Chinese Windows */
                itss__err(err, code,
                          "malformed JSON: %s; the document is not UTF-8 but reads as "
                          "GB18030 (GBK): convert it to UTF-8",
                          s.message);
            else
                itss__err(err, code, "malformed JSON: %s", s.message);
            itss__err_set_offset(err, text, len, s.at);
        } else {
            FUZZ_DISAGREE();
            itss__err(err, code, "malformed JSON: not valid JSON at this point");
            itss__err_set_offset(err, text, len, near);
        }
        return code;
    }
}

/* ---- the memory a document takes --------------------------------------
 *
 * jansson builds a tree of the whole document before the loaders look at
 * it, and a tree of tiny values is many times larger than their text: 64 MiB
 * of "[{},{},...]" would take 5 GB. Documents that large are first scanned
 * (one pass, no allocation but a stack of the open arrays and objects) and
 * the tree's size is estimated from what jansson allocates for each value
 * (64-bit, glibc's allocator, including its 8-byte chunk headers, measured
 * by bench/dom_memory.c; each figure is rounded up):
 *
 *   object  224  (the object and its first 8 hash buckets)
 *   array   128  (the array and its first 8 slots)
 *   member  112 + the key's bytes in the text (the member with its key,
 *                 its bucket, grown buckets)
 *   element  16  (an array slot, grown slots)
 *   string   80 + its bytes in the text (the value and its copy)
 *   number   32  (true, false and null are shared: 0)
 *
 * A document whose tree would take more than DOM_FACTOR times its size plus
 * DOM_ALLOWANCE is refused before it is parsed (ITSS_ELIMIT, at the value
 * where the budget runs out). The worst text costs under 80 bytes of tree a
 * byte ("{}," is 240 for 3), plus the nesting (2,048 levels of at most 336),
 * so documents under DOM_SCAN_FROM bytes cannot exceed the budget and are
 * not scanned. Documented in docs/security.md. */
#define DOM_FACTOR 20
#define DOM_ALLOWANCE ((size_t)16 << 20)
#define DOM_SCAN_FROM ((size_t)128 << 10)
enum {
    COST_OBJECT = 224,
    COST_ARRAY = 128,
    COST_MEMBER = 112,
    COST_ELEMENT = 16,
    COST_STRING = 80,
    COST_NUMBER = 32
};
_Static_assert(80 * DOM_SCAN_FROM + ITSS_JSON_MAX_DEPTH * 336 <=
                   DOM_FACTOR * DOM_SCAN_FROM + DOM_ALLOWANCE,
               "documents below DOM_SCAN_FROM fit the budget whatever they hold");

/* ITSS_OK, or ITSS_ELIMIT (or ITSS_ENOMEM) with err set when the tree of the
 * document would exceed the budget. The text need not be valid JSON: the
 * scan only counts, and leaves every syntax error to the parser. */
static int check_tree_size(const char *t, size_t len, itss_error *err)
{
    if (len < DOM_SCAN_FROM)
        return ITSS_OK;
    const size_t budget = DOM_FACTOR * len + DOM_ALLOWANCE;
    frame *st = malloc((ITSS_JSON_MAX_DEPTH + 1) * sizeof *st);
    if (!st)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    size_t cost = 0, depth = 0, i = 0, values = 0;
    int want_key = 0; /* in an object, after '{' or ',' */
    int rc = ITSS_OK;
    while (i < len) {
        size_t at = i;
        unsigned char c = (unsigned char)t[i];
        /* what the value at i costs in the array or object it is in */
        size_t in = depth && !st[depth - 1].is_obj ? COST_ELEMENT : 0;
        switch (c) {
        case '"': {
            size_t end = skip_string(t, len, i);
            if (depth && st[depth - 1].is_obj && want_key) {
                st[depth - 1].ks = i;
                st[depth - 1].ke = end;
                cost += COST_MEMBER + (end - i);
                want_key = 0;
            } else {
                cost += in + COST_STRING + (end - i);
                values++;
            }
            i = end;
            break;
        }
        case '{':
        case '[':
            if (depth == ITSS_JSON_MAX_DEPTH) { /* the parser refuses this depth */
                free(st);
                return ITSS_OK;
            }
            cost += in + (c == '{' ? COST_OBJECT : COST_ARRAY);
            values++;
            st[depth].is_obj = c == '{';
            st[depth].index = 0;
            st[depth].ks = st[depth].ke = 0;
            depth++;
            want_key = c == '{';
            i++;
            break;
        case '}':
        case ']':
            if (depth)
                depth--;
            want_key = 0;
            i++;
            break;
        case ',':
            if (depth) {
                st[depth - 1].index++;
                want_key = st[depth - 1].is_obj;
            }
            i++;
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case ':':
            i++;
            break;
        default: /* a number or a literal (anything else is the parser's) */
            cost += in + (c == '-' || (c >= '0' && c <= '9') ? COST_NUMBER : 0);
            values++;
            while (i < len && !strchr(",]}: \t\r\n\"{[", t[i]) && t[i])
                i++;
            if (i == at)
                i++;
            break;
        }
        if (cost > budget) {
            /* the value at `at`: an array or object just opened is not yet
             * a frame of its own path */
            char *path = pointer_of(t, st, c == '{' || c == '[' ? depth - 1 : depth);
            itss__err(err, ITSS_ELIMIT,
                      "too many small values: reading the document would take more than "
                      "%zu MiB of memory (%d times its size plus %zu MiB; %zu values so far)",
                      budget >> 20, DOM_FACTOR, DOM_ALLOWANCE >> 20, values);
            itss__err_set_path(err, path);
            itss__err_set_offset(err, t, len, at);
            free(path);
            rc = ITSS_ELIMIT;
            break;
        }
    }
    free(st);
    return rc;
}

int itss__jdoc_parse(itss_jdoc *doc, const char *text, size_t len, itss_error *err)
{
    memset(doc, 0, sizeof *doc);
    doc->text = text;
    doc->len = len;
    doc->err = err;
    itss__err_clear(err);
    if (len > ITSS_MAX_DOCUMENT_BYTES)
        return itss__err(err, ITSS_ELIMIT,
                         "document is %zu bytes; the limit is %zu bytes (64 MiB)", len,
                         ITSS_MAX_DOCUMENT_BYTES);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        itss__err(err, ITSS_EPARSE,
                  "malformed JSON: document starts with a byte order mark (BOM); "
                  "save it as UTF-8 without BOM");
        itss__err_set_offset(err, text, len, 0);
        return ITSS_EPARSE;
    }
    /* The top level is an object: a document that starts as an array is
     * refused at its first byte, before a tree of it is built. */
    size_t first = skip_ws(text, len, 0);
    if (first < len && text[first] == '[') {
        itss__err(err, ITSS_ESCHEMA, "the document must be a JSON object, not an array");
        itss__err_set_offset(err, text, len, first);
        return ITSS_ESCHEMA;
    }
    int rc = check_tree_size(text, len, err);
    if (rc)
        return rc;
    json_error_t je;
    /* Any value at the top (a scalar is then a schema error, not a syntax
     * error), and every number as a double: JSON does not bound integers,
     * so 99999999999999999999 is a number like any other and fails the
     * rules of its field, not the parser. */
    doc->root = json_loadb(text, len,
                           JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL, &je);
    if (!doc->root)
        return parse_failure(text, len, &je, err);
#ifdef ITSS_FUZZ_CHECKS
    {
        /* what jansson accepts, our scan must accept too */
        itss_jsyntax s;
        if (itss__json_syntax(text, len, 0, &s) != ITSS_JSYNTAX_OK)
            FUZZ_DISAGREE();
    }
#endif
    if (!json_is_object(doc->root)) {
        itss__err(err, ITSS_ESCHEMA, "the document must be a JSON object, not %s",
                  itss__jtype(doc->root));
        itss__err_set_offset(err, text, len, skip_ws(text, len, 0));
        return ITSS_ESCHEMA;
    }
    return ITSS_OK;
}

void itss__jdoc_close(itss_jdoc *doc)
{
    json_decref(doc->root);
    free(doc->path);
    doc->root = NULL;
    doc->path = NULL;
}

/* ---- paths -------------------------------------------------------------- */

static void path_append(itss_jdoc *doc, const char *s, size_t n)
{
    if (doc->path_oom)
        return;
    if (doc->plen + n + 1 > doc->pcap) {
        size_t cap = doc->pcap ? doc->pcap : 64;
        while (cap < doc->plen + n + 1)
            cap *= 2;
        char *p = realloc(doc->path, cap);
        if (!p) {
            doc->path_oom = 1;
            return;
        }
        doc->path = p;
        doc->pcap = cap;
    }
    memcpy(doc->path + doc->plen, s, n);
    doc->plen += n;
    doc->path[doc->plen] = 0;
}

size_t itss__jpath_key(itss_jdoc *doc, const char *key)
{
    size_t mark = doc->plen;
    path_append(doc, "/", 1);
    size_t plain = strcspn(key, "~/");
    if (!key[plain]) { /* nothing to escape: one copy */
        path_append(doc, key, plain);
        return mark;
    }
    for (const char *k = key; *k; k++) {
        if (*k == '~')
            path_append(doc, "~0", 2);
        else if (*k == '/')
            path_append(doc, "~1", 2);
        else
            path_append(doc, k, 1);
    }
    return mark;
}

size_t itss__jpath_index(itss_jdoc *doc, size_t index)
{
    size_t mark = doc->plen;
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "/%zu", index);
    path_append(doc, tmp, (size_t)n);
    return mark;
}

void itss__jpath_pop(itss_jdoc *doc, size_t mark)
{
    if (doc->path_oom)
        return;
    doc->plen = mark;
    if (doc->path)
        doc->path[mark] = 0;
}

static int vfail(itss_jdoc *doc, int code, int at_key, const char *fmt, va_list ap)
{
    if (!doc->err)
        return code;
    itss__verr(doc->err, code, fmt, ap);
    const char *path = doc->path && !doc->path_oom ? doc->path : "";
    itss__err_set_path(doc->err, path);
    size_t off = itss__json_locate(doc->text, doc->len, path, at_key);
    if (off != (size_t)-1)
        itss__err_set_offset(doc->err, doc->text, doc->len, off);
    return code;
}

int (itss__jfail)(itss_jdoc *doc, int code, int at_key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(doc, code, at_key, fmt, ap);
    va_end(ap);
    return code;
}

int (itss__jfail_key)(itss_jdoc *doc, const char *key, int code, int at_key, const char *fmt, ...)
{
    size_t m = itss__jpath_key(doc, key);
    va_list ap;
    va_start(ap, fmt);
    vfail(doc, code, at_key, fmt, ap);
    va_end(ap);
    itss__jpath_pop(doc, m);
    return code;
}

/* ---- typed access ------------------------------------------------------- */

const char *itss__jtype(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE: return "true";
    case JSON_FALSE: return "false";
    case JSON_NULL: return "null";
    }
    return "a value";
}

int itss__jkeys(itss_jdoc *doc, json_t *obj, const char *const *allowed)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++)
            if (strcmp(*a, key) == 0) {
                ok = 1;
                break;
            }
        if (!ok) {
            char shown[128], list[200] = "";
            itss__quote(shown, sizeof shown, key, strlen(key), 40);
            for (const char *const *a = allowed; *a; a++) {
                if (strlen(list) + strlen(*a) + 4 >= sizeof list)
                    break;
                itss__str_append(list, sizeof list, a == allowed ? "" : ", ");
                itss__str_append(list, sizeof list, *a);
            }
            size_t m = itss__jpath_key(doc, key);
            int rc = itss__jfail(doc, ITSS_ESCHEMA, 1, "unknown key \"%s\" (allowed: %s)",
                                 shown, list);
            itss__jpath_pop(doc, m);
            return rc;
        }
    }
    return ITSS_OK;
}

/* Fetch a member; fails if required and missing. *found tells presence. */
static int get_member(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      json_t **v)
{
    *v = json_object_get(obj, key);
    if (!*v && required)
        return itss__jfail(doc, ITSS_ESCHEMA, 0, "missing required key \"%s\"", key);
    return ITSS_OK;
}

static int wrong_type(itss_jdoc *doc, const char *key, const char *want, json_t *v)
{
    return itss__jfail_key(doc, key, ITSS_ESCHEMA, 0, "\"%s\" must be %s, not %s", key, want,
                           itss__jtype(v));
}

int itss__jget_object(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      json_t **out)
{
    json_t *v;
    int rc = get_member(doc, obj, key, required, &v);
    if (rc || !v)
        return rc;
    if (!json_is_object(v))
        return wrong_type(doc, key, "an object", v);
    *out = v;
    return ITSS_OK;
}

int itss__jget_array(itss_jdoc *doc, json_t *obj, const char *key, int required,
                     json_t **out)
{
    json_t *v;
    int rc = get_member(doc, obj, key, required, &v);
    if (rc || !v)
        return rc;
    if (!json_is_array(v))
        return wrong_type(doc, key, "an array", v);
    *out = v;
    return ITSS_OK;
}

int itss__jget_string(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      int allow_empty, const char **out)
{
    json_t *v;
    int rc = get_member(doc, obj, key, required, &v);
    if (rc || !v)
        return rc;
    if (!json_is_string(v))
        return wrong_type(doc, key, "a string", v);
    if (!allow_empty && json_string_length(v) == 0)
        return itss__jfail_key(doc, key, ITSS_EVALUE, 0, "\"%s\" must not be empty", key);
    if (strlen(json_string_value(v)) != json_string_length(v))
        return itss__jfail_key(doc, key, ITSS_EVALUE, 0, "\"%s\" must not contain U+0000", key);
    *out = json_string_value(v);
    return ITSS_OK;
}

int itss__jget_bool(itss_jdoc *doc, json_t *obj, const char *key, int required, int *out)
{
    json_t *v;
    int rc = get_member(doc, obj, key, required, &v);
    if (rc || !v)
        return rc;
    if (!json_is_boolean(v))
        return wrong_type(doc, key, "true or false", v);
    *out = json_is_true(v);
    return ITSS_OK;
}

int itss__jget_int(itss_jdoc *doc, json_t *obj, const char *key, int required,
                   long long min, long long max, long long *out)
{
    json_t *v;
    int rc = get_member(doc, obj, key, required, &v);
    if (rc || !v)
        return rc;
    long long x;
    if (!itss__jwhole(v, &x))
        return wrong_type(doc, key, "an integer", v);
    if (x < min || x > max) {
        char num[40];
        itss__format_double(num, sizeof num, json_number_value(v));
        return itss__jfail_key(doc, key, ITSS_EVALUE, 0, "\"%s\" is %s; it must be %lld..%lld",
                               key, num, min, max);
    }
    *out = x;
    return ITSS_OK;
}

int itss__jget_number(itss_jdoc *doc, json_t *obj, const char *key, int required,
                      double *out)
{
    json_t *v;
    int rc = get_member(doc, obj, key, required, &v);
    if (rc || !v)
        return rc;
    if (!json_is_number(v))
        return wrong_type(doc, key, "a number", v);
    *out = json_number_value(v);
    return ITSS_OK;
}

int itss__jwhole(const json_t *v, long long *out)
{
    if (!json_is_number(v))
        return 0;
    double x = json_number_value(v);
    if (!(x == floor(x)))
        return 0;
    /* beyond the long long range: clamp, so that range checks refuse it */
    *out = x >= 9.2e18 ? LLONG_MAX : x <= -9.2e18 ? LLONG_MIN : (long long)x;
    return 1;
}

int itss__jget_array_max(itss_jdoc *d, json_t *o, const char *key, int required, size_t max,
                     json_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    int rc = itss__jget_array(d, o, key, required, out);
    if (rc || !*out)
        return rc;
    *n = json_array_size(*out);
    if (*n > max)
        return itss__jfail_key(d, key, ITSS_ELIMIT, 0, "\"%s\" has %zu entries; the limit is %zu",
                               key, *n, max);
    return ITSS_OK;
}

int itss__jget_id(itss_jdoc *d, json_t *o, const char *key, const char **out)
{
    int rc = itss__jget_string(d, o, key, 1, 0, out);
    if (!rc && !itss__valid_id(*out)) {
        char shown[160];
        itss__quote(shown, sizeof shown, *out, strlen(*out), 40);
        rc = itss__jfail_key(d, key, ITSS_EVALUE, 0,
                             "\"%s\" is not a valid identifier: use 1 to 64 of A-Z a-z 0-9 . _ -",
                             shown);
    }
    return rc;
}

int itss__jget_string_copy(itss_jdoc *d, itss_arena *A, json_t *o, const char *key, char **out)
{
    const char *s = NULL;
    int rc = itss__jget_string(d, o, key, 0, 0, &s);
    if (!rc && s && !(*out = itss__arena_strdup(A, s)))
        rc = itss__err(d->err, ITSS_ENOMEM, "out of memory");
    return rc;
}

int itss__jget_meta(itss_jdoc *d, json_t *o, const char *const *keys, int n, char **meta)
{
    int rc = 0;
    for (int k = 0; !rc && k < n; k++) {
        const char *s = NULL;
        rc = itss__jget_string(d, o, keys[k], 0, 1, &s);
        if (!rc && s && !(meta[k] = itss__strdup(s)))
            rc = itss__err(d->err, ITSS_ENOMEM, "out of memory");
    }
    return rc;
}

/* The {zh, en} object t, at the current path. */
static int text2_value(itss_jdoc *doc, json_t *t, itss_arena *arena, char *out[2])
{
    static const char *const langs[] = {"zh", "en", NULL};
    int rc = itss__jkeys(doc, t, langs);
    for (int l = 0; !rc && l < 2; l++) {
        const char *s = NULL;
        rc = itss__jget_string(doc, t, langs[l], 1, 0, &s);
        if (!rc && !(out[l] = itss__arena_strdup(arena, s)))
            rc = itss__err(doc->err, ITSS_ENOMEM, "out of memory");
    }
    return rc;
}

int itss__jget_text2(itss_jdoc *doc, json_t *obj, const char *key, int required,
                     itss_arena *arena, char *out[2])
{
    json_t *t = NULL;
    int rc = itss__jget_object(doc, obj, key, required, &t);
    if (rc || !t)
        return rc;
    size_t m = itss__jpath_key(doc, key);
    rc = text2_value(doc, t, arena, out);
    itss__jpath_pop(doc, m);
    return rc;
}

int itss__jget_text2_list(itss_jdoc *doc, json_t *obj, const char *key, size_t max,
                          itss_arena *arena, char *(**out)[2], size_t *n)
{
    json_t *arr = NULL;
    int rc = itss__jget_array_max(doc, obj, key, 0, max, &arr, n);
    if (rc || !arr || !*n)
        return rc;
    char *(*list)[2] = itss__arena_calloc(arena, *n, sizeof *list);
    if (!list)
        return itss__err(doc->err, ITSS_ENOMEM, "out of memory");
    size_t m0 = itss__jpath_key(doc, key);
    for (size_t i = 0; !rc && i < *n; i++) {
        size_t m1 = itss__jpath_index(doc, i);
        json_t *t = json_array_get(arr, i);
        rc = json_is_object(t) ? text2_value(doc, t, arena, list[i])
                               : itss__jfail(doc, ITSS_ESCHEMA, 0,
                                             "each of \"%s\" must be a {\"zh\", \"en\"} object, "
                                             "not %s",
                                             key, itss__jtype(t));
        itss__jpath_pop(doc, m1);
    }
    itss__jpath_pop(doc, m0);
    *out = list;
    return rc;
}

int itss__jdoc_load(const char *text, size_t len, itss_error *err,
                    int (*build)(itss_jdoc *doc, void *ctx), void *ctx)
{
    itss_jdoc doc;
    int rc = itss__jdoc_parse(&doc, text, len, err);
    if (!rc)
        rc = build(&doc, ctx);
    itss__jdoc_close(&doc);
    return rc;
}

int itss__jkeep(itss_problem_list *problems, const itss_error *err, int rc)
{
    if (!problems || !rc || rc == ITSS_ENOMEM || !err)
        return rc;
    return itss__problems_add(problems, err);
}

int itss__jdoc_check(const char *text, size_t len, itss_problem_list *problems, itss_error *err,
                     int (*build)(itss_jdoc *doc, void *ctx), void *ctx)
{
    itss_error e;
    itss__err_clear(&e);
    int rc = itss__jdoc_load(text, len, &e, build, ctx);
    if (rc && rc != ITSS_ENOMEM)
        rc = itss__problems_add(problems, &e);
    return rc ? itss__err(err, rc, "out of memory") : ITSS_OK;
}

int itss__load_path(const char *path, itss_error *err,
                    int (*load)(const char *text, size_t len, void *ctx, itss_error *err),
                    void *ctx)
{
    char *text;
    size_t len;
    int rc = itss__read_file(path, &text, &len, err);
    if (rc)
        return rc;
    rc = load(text, len, ctx, err);
    free(text);
    return rc;
}

int itss__read_file(const char *path, char **out, size_t *len, itss_error *err)
{
    *out = NULL;
    char shown[200];
    itss__quote(shown, sizeof shown, path, strlen(path), 120);
    FILE *f = fopen(path, "rb");
    if (!f)
        return itss__err(err, ITSS_EIO, "cannot open \"%s\": %s", shown, strerror(errno));
    itss_buf b;
    itss__buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > ITSS_MAX_DOCUMENT_BYTES) {
            fclose(f);
            itss__buf_free(&b);
            return itss__err(err, ITSS_ELIMIT,
                             "\"%s\" is larger than the limit of %zu bytes (64 MiB)", shown,
                             ITSS_MAX_DOCUMENT_BYTES);
        }
        itss__buf_append(&b, chunk, n);
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        itss__buf_free(&b);
        return itss__err(err, ITSS_EIO, "cannot read \"%s\": %s", shown, strerror(saved));
    }
    return itss__buf_finish(&b, out, len, err);
}
