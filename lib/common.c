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

int itss_lang_parse(const char *tag, itss_lang *out)
{
    if (!tag || !out)
        return ITSS_EINVAL;
    char l[3];
    if (strlen(tag) != 2)
        return ITSS_EINVAL;
    for (int i = 0; i < 2; i++)
        l[i] = (char)((tag[i] >= 'A' && tag[i] <= 'Z') ? tag[i] + 32 : tag[i]);
    l[2] = 0;
    if (strcmp(l, "zh") == 0)
        *out = ITSS_LANG_ZH;
    else if (strcmp(l, "en") == 0)
        *out = ITSS_LANG_EN;
    else
        return ITSS_EINVAL;
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

int itss__check_render(const char *fn, itss_format format, itss_lang lang, char **out,
                       itss_error *err)
{
    if (!out)
        return itss__err(err, ITSS_EINVAL, "%s: out is NULL", fn);
    *out = NULL;
    if (format != ITSS_FORMAT_JSON && format != ITSS_FORMAT_JSON_PRETTY &&
        format != ITSS_FORMAT_TEXT)
        return itss__err(err, ITSS_EINVAL, "%s: unknown format %d", fn, (int)format);
    if (itss_lang_tag(lang) == NULL)
        return itss__err(err, ITSS_EINVAL, "%s: unknown language %d", fn, (int)lang);
    return ITSS_OK;
}

/* ---- error records --------------------------------------------------- */

void itss__err_clear(itss_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

int itss__verr(itss_error *err, int code, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    itss__err_clear(err);
    err->code = code;
    /* NOLINTNEXTLINE(clang-analyzer-valist.Uninitialized): the caller's va_start */
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    if (n >= (int)sizeof err->message) {
        /* cut at a UTF-8 character boundary and mark the cut */
        size_t end = sizeof err->message - 4;
        while (end > 0 && ((unsigned char)err->message[end] & 0xC0) == 0x80)
            end--;
        memcpy(err->message + end, "...", 4);
    }
    return code;
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
