/* Error records filled by a caller: the message (the input up to its
 * first NUL, cut to the record's field) and a path, given back in each
 * language, alone and as a whole record. The recognition of a message must
 * finish, stay within its output and never read past the field. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    itss_error rec;
    memset(&rec, 0, sizeof rec);
    rec.code = ITSS_EPARSE;
    /* the fields filled whole, without a NUL, when the input is as long */
    size_t n = size < sizeof rec.message ? size : sizeof rec.message;
    memcpy(rec.message, data, n);
    size_t p = size < sizeof rec.path ? size : sizeof rec.path;
    memcpy(rec.path, data, p);
    rec.line = size % 3 ? 1 : 0;
    rec.column = size;

    itss_error e;
    for (int lang = ITSS_LANG_ZH; lang <= ITSS_LANG_EN; lang++) {
        char *out = NULL;
        size_t len = 0;
        int rc = itss_error_message(&rec, (itss_lang)lang, &out, &len, &e);
        fuzz_check_output(rc, &e, out, len, 0);
        /* English is the record's message, as it is (up to its NUL or
         * the end of its field) */
        if (lang == ITSS_LANG_EN)
            FUZZ_CHECK(len == strnlen(rec.message, sizeof rec.message) &&
                       memcmp(out, rec.message, len) == 0);
        itss_free(out);
        for (int f = ITSS_FORMAT_JSON; f <= ITSS_FORMAT_TEXT; f++) {
            out = NULL;
            rc = itss_error_describe(&rec, size, (itss_format)f, (itss_lang)lang, &out, &len, &e);
            fuzz_check_output(rc, &e, out, len, 0);
            itss_free(out);
        }
    }
    return 0;
}
