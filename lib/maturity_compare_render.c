/* libitss — the public render of a maturity comparison, and its CSV view
 * (cells through lib/csv.c). */
#include <stdio.h>

#include "csv_internal.h"
#include "maturity_internal.h"

void itss__csv_mcompare(itss_buf *b, const itss_maturity_comparison *c, itss_lang lang)
{
    static const char *const header[2][9] = {
        {"从", "到", "条款", "等级", "能力域", "变化", "原评级", "新评级", "要求摘要"},
        {"from", "to", "clause", "level", "domain", "change", "from grade", "to grade",
         "summary"},
    };
    static const char *const kind_token[4] = {"", "improved", "worsened", "na_changed"};
    itss_csv w;
    itss__csv_init(&w, b);
    for (size_t k = 0; k < 9; k++)
        itss__csv_cell(&w, header[lang][k]);
    itss__csv_row_end(&w);
    for (size_t i = 0; i < c->nchanges; i++) {
        const itss_mchange *ch = &c->changes[i];
        const itss_maturity_clause *cl = &c->model->clauses[ch->clause];
        char num[32];
        for (size_t k = ch->pair; k <= ch->pair + 1; k++) {
            const char *name = itss__mcmp_name(c, k);
            snprintf(num, sizeof num, "#%zu", k + 1);
            itss__csv_cell(&w, name ? name : num);
        }
        itss__csv_cell(&w, cl->id);
        snprintf(num, sizeof num, "%d", cl->level);
        itss__csv_cell(&w, num);
        itss__csv_cell(&w, cl->domain ? cl->domain->id : NULL);
        itss__csv_cell(&w, kind_token[ch->kind]);
        itss__csv_cell(&w, itss__grade_token((itss_rating_kind)ch->from));
        itss__csv_cell(&w, itss__grade_token((itss_rating_kind)ch->to));
        itss__csv_cell(&w, cl->summary[lang]);
        itss__csv_row_end(&w);
    }
}

/* Writes JSON, JSON_PRETTY, TEXT, CSV and HTML (a page with the trend of
 * the levels and the tables of changes). */
int itss_maturity_comparison_render(const itss_maturity_comparison *c, itss_format format,
                                    itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_RENDER_IN(err, format, lang, out,
                         ITSS_FORMATS_BASIC | ITSS_FORMAT_BIT(ITSS_FORMAT_CSV) |
                             ITSS_FORMAT_BIT(ITSS_FORMAT_HTML),
                         "JSON, JSON_PRETTY, TEXT, CSV or HTML");
    ITSS_CHECK_ARG(err, c);
    itss_buf b;
    itss__buf_init(&b);
    if (format == ITSS_FORMAT_TEXT)
        itss__text_mcompare(&b, c, lang);
    else if (format == ITSS_FORMAT_CSV)
        itss__csv_mcompare(&b, c, lang);
    else if (format == ITSS_FORMAT_HTML)
        itss__html_mcompare(&b, c, lang);
    else
        itss__json_mcompare(&b, c, format == ITSS_FORMAT_JSON_PRETTY);
    return itss__buf_finish(&b, out, len, err);
}
