/* libitss — status codes, error records, version, languages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "itss/version.h"

static const struct {
    int code;
    const char *name;
    const char *text;
} codes[] = {
    {ITSS_OK, "ITSS_OK", "success"},
    {ITSS_EINVAL, "ITSS_EINVAL", "invalid argument"},
    {ITSS_ENOMEM, "ITSS_ENOMEM", "out of memory"},
    {ITSS_ENOTFOUND, "ITSS_ENOTFOUND", "not found"},
    {ITSS_EPARSE, "ITSS_EPARSE", "malformed JSON"},
    {ITSS_ESCHEMA, "ITSS_ESCHEMA", "document does not match its format"},
    {ITSS_EVALUE, "ITSS_EVALUE", "invalid value"},
    {ITSS_EDUPLICATE, "ITSS_EDUPLICATE", "duplicate key or identifier"},
    {ITSS_EMODEL, "ITSS_EMODEL", "inconsistent model"},
    {ITSS_EIO, "ITSS_EIO", "input/output error"},
    {ITSS_ELIMIT, "ITSS_ELIMIT", "input exceeds a limit"},
    {ITSS_ECONSISTENCY, "ITSS_ECONSISTENCY", "comparison matrix too inconsistent"},
    {ITSS_EINTERNAL, "ITSS_EINTERNAL", "internal error in libitss"},
};

const char *itss_strerror(int code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return codes[i].text;
    return "unknown error";
}

const char *itss_strerror_name(int code)
{
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (codes[i].code == code)
            return codes[i].name;
    return NULL;
}

void itss_free(void *ptr) { free(ptr); }

const char *itss_version_string(void) { return ITSS_VERSION_STRING; }

unsigned long itss_version_hex(void) { return (unsigned long)ITSS_VERSION_HEX; }

int itss_lang_parse(const char *tag, itss_lang *out, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_ARG(err, tag);
    ITSS_CHECK_ARG(err, out);
    char l[3] = "";
    if (strlen(tag) == 2)
        for (int i = 0; i < 2; i++)
            l[i] = (char)((tag[i] >= 'A' && tag[i] <= 'Z') ? tag[i] + 32 : tag[i]);
    if (strcmp(l, "zh") == 0) {
        *out = ITSS_LANG_ZH;
    } else if (strcmp(l, "en") == 0) {
        *out = ITSS_LANG_EN;
    } else {
        char shown[160];
        return itss__err(err, ITSS_EVALUE, "unknown language \"%s\": use zh or en",
                         itss__shown(shown, sizeof shown, tag));
    }
    return ITSS_OK;
}

const char *itss_lang_tag(itss_lang lang)
{
    switch (lang) {
    case ITSS_LANG_ZH: return "zh";
    case ITSS_LANG_EN: return "en";
    }
    return NULL;
}

/* ---- error records --------------------------------------------------- */

void itss__err_clear(itss_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* Copy the formatted text src into dst (size dstsize) as one printable
 * line: control characters (U+0000..U+001F, U+007F) and bytes that are
 * not UTF-8 become \xNN, so that a value quoted from a document can
 * neither start a second line nor send a terminal an escape sequence.
 * A text that does not fit is cut at a character and ends in "...". */
static void printable_line(char *dst, size_t dstsize, const char *src)
{
    const unsigned char *p = (const unsigned char *)src, *end = p + strlen(src);
    size_t o = 0, limit = dstsize - 4; /* room for "..." and the NUL */
    while (p < end) {
        uint32_t cp;
        size_t k = itss__utf8_decode(p, (size_t)(end - p), &cp);
        char tmp[5];
        size_t tn;
        if (k == 0 || cp < 0x20 || cp == 0x7F) {
            snprintf(tmp, sizeof tmp, "\\x%02X", *p);
            tn = 4;
            k = 1;
        } else {
            memcpy(tmp, p, k);
            tn = k;
        }
        if (o + tn > limit) {
            memcpy(dst + o, "...", 3);
            o += 3;
            break;
        }
        memcpy(dst + o, tmp, tn);
        o += tn;
        p += k;
    }
    dst[o] = 0;
}

int itss__verr(itss_error *err, int code, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    itss__err_clear(err);
    err->code = code;
    /* Formatted at twice the record's size first: escaping may lengthen it,
     * and a longer text is cut once, on the way into the record. */
    char text[2 * ITSS_ERROR_MESSAGE_SIZE];
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): the caller's va_start */
    int n = vsnprintf(text, sizeof text, fmt, ap);
    if (n >= (int)sizeof text) {
        size_t end = sizeof text - 1;
        while (end > 0 && ((unsigned char)text[end] & 0xC0) == 0x80)
            end--;
        memcpy(text + end, "...", 4);
    }
    printable_line(err->message, sizeof err->message, text);
    return code;
}

int itss__einval(itss_error *err, const char *fn, const char *fmt, ...)
{
    if (!err)
        return ITSS_EINVAL;
    char what[ITSS_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): initialised just above */
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return itss__err(err, ITSS_EINVAL, "%s: %s", fn, what);
}

int (itss__err)(itss_error *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    itss__verr(err, code, fmt, ap);
    va_end(ap);
    return code;
}

void itss__err_set_path(itss_error *err, const char *path)
{
    if (!err || !path)
        return;
    size_t n = strlen(path);
    if (n < sizeof err->path) {
        memcpy(err->path, path, n + 1);
        return;
    }
    size_t end = sizeof err->path - 4;
    while (end > 0 && ((unsigned char)path[end] & 0xC0) == 0x80)
        end--;
    memcpy(err->path, path, end);
    memcpy(err->path + end, "...", 4);
}

void itss__err_set_offset(itss_error *err, const char *text, size_t len, size_t offset)
{
    if (!err || !text)
        return;
    if (offset > len)
        offset = len;
    size_t line = 1, col = 1;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') {
            line++;
            col = 1;
        } else if ((c & 0xC0) != 0x80) {
            col++;
        }
    }
    err->line = line;
    err->column = col;
    err->position = offset;
}

itss_format itss_format_detect(const char *data, size_t len)
{
    if (!data)
        return ITSS_FORMAT_CSV;
    if (len >= 4 && memcmp(data, "PK\3\4", 4) == 0)
        return ITSS_FORMAT_XLSX;
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && (data[i] == '{' || data[i] == '['))
        return ITSS_FORMAT_JSON;
    return ITSS_FORMAT_CSV;
}
