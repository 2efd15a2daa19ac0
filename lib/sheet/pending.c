/* Placeholders of the worksheet layer while it is being written: each
 * fails with ITSS_EINTERNAL. Every function here moves to its own file. */
#include "sheet.h"

#define PENDING(err) itss__err((err), ITSS_EINTERNAL, "%s is not written yet", __func__)

int itss__book_read_csv(const char *data, size_t len, const char *encoding, itss__book **out,
                        itss_error *err)
{
    (void)data, (void)len, (void)encoding;
    *out = NULL;
    return PENDING(err);
}

int itss__book_read_xlsx(const char *data, size_t len, itss__book **out, itss_error *err)
{
    (void)data, (void)len;
    *out = NULL;
    return PENDING(err);
}

void itss__book_free(itss__book *b)
{
    (void)b;
}

int itss__assessment_write_sheet(const itss_assessment *a, int level,
                                 const itss_maturity_domain *d, itss_format format,
                                 itss_lang lang, char **out, size_t *len, itss_error *err)
{
    (void)a, (void)level, (void)d, (void)format, (void)lang, (void)out, (void)len;
    return PENDING(err);
}

int itss__evaluation_write_sheet(const itss_evaluation *e, itss_format format, itss_lang lang,
                                 char **out, size_t *len, itss_error *err)
{
    (void)e, (void)format, (void)lang, (void)out, (void)len;
    return PENDING(err);
}

int itss_maturity_result_domains_render(const itss_maturity_result *r, itss_format format,
                                        itss_lang lang, char **out, size_t *len,
                                        itss_error *err)
{
    (void)len;
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, r);
    (void)format, (void)lang;
    return PENDING(err);
}
