/* libitss — a maturity comparison as a self-contained HTML page: a trend
 * chart of the overall and domain levels over the assessments, the table
 * of levels, and per consecutive pair the clauses whose grade changed. */
#include <stdio.h>
#include <stdlib.h>

#include "html_internal.h"
#include "maturity_internal.h"

#define LEVEL_TEXT 256

/* The name of every assessment: its label, id or date, else "#i"
 * (numbers written into spare, n * 24 bytes). */
static void names_of(const itss_maturity_comparison *c, const char **names, char *spare)
{
    for (size_t i = 0; i < c->n; i++) {
        names[i] = itss__mcmp_name(c, i);
        if (!names[i]) {
            snprintf(spare + i * 24, 24, "#%zu", i + 1);
            names[i] = spare + i * 24;
        }
    }
}

/* The levels over time: the overall level and each domain's, one series
 * each, on the model's 0..N scale. */
static void trend(itss_buf *b, const itss_maturity_comparison *c, const char *const *names,
                  itss_lang lang)
{
    const itss_maturity_model *m = c->model;
    size_t nd = m->ndomains, ns = nd + 1;
    itss_svg_series *series = calloc(ns, sizeof *series);
    double *values = calloc(ns * c->n, sizeof *values);
    if (!series || !values) {
        b->oom = 1;
    } else {
        for (size_t s = 0; s < ns; s++) {
            series[s].name = s ? m->domains[s - 1].name[lang]
                               : lang == ITSS_LANG_ZH ? "总体" : "Overall";
            series[s].values = values + s * c->n;
            for (size_t i = 0; i < c->n; i++)
                values[s * c->n + i] = s ? c->domain_level[i * nd + s - 1] : c->level[i];
        }
        itss_svg_trend chart = {
            .title = lang == ITSS_LANG_ZH ? "等级变化" : "Levels over time",
            .npoints = c->n,
            .points = names,
            .nseries = ns,
            .series = series,
            .max = m->nlevels,
            .grid = m->nlevels,
        };
        itss__svg_trend(b, &chart, 0);
    }
    free(series);
    free(values);
}

/* The levels and the metadata, a column per assessment. */
static void levels_table(itss_buf *b, const itss_maturity_comparison *c,
                         const char *const *names, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = c->model;
    const char **heads = malloc((c->n + 1) * sizeof *heads);
    if (!heads) {
        b->oom = 1;
        return;
    }
    heads[0] = zh ? "评估" : "Assessment";
    for (size_t i = 0; i < c->n; i++)
        heads[i + 1] = names[i];
    itss__html_table_begin(b, NULL, heads, c->n + 1);
    free(heads);
    char tmp[LEVEL_TEXT];
    for (int k = 0; k < ITSS_ASSESSMENT_META_COUNT; k++) {
        int any = 0;
        for (size_t i = 0; i < c->n; i++)
            any |= c->meta[i * ITSS_ASSESSMENT_META_COUNT + (size_t)k] != NULL;
        if (!any)
            continue;
        itss__html_row_begin(b, NULL);
        itss__html_cell(b, itss__assessment_meta_labels[lang][k]);
        for (size_t i = 0; i < c->n; i++)
            itss__html_cell(b, c->meta[i * ITSS_ASSESSMENT_META_COUNT + (size_t)k]);
        itss__html_row_end(b);
    }
    for (size_t d = 0; d <= m->ndomains; d++) { /* d == 0: overall */
        itss__html_row_begin(b, NULL);
        itss__html_cell(b, d ? m->domains[d - 1].name[lang] : zh ? "达到等级" : "Level reached");
        for (size_t i = 0; i < c->n; i++) {
            itss__mlevel_text(tmp, sizeof tmp, m,
                              d ? c->domain_level[i * m->ndomains + d - 1] : c->level[i], lang);
            itss__html_cell(b, tmp);
        }
        itss__html_row_end(b);
    }
    itss__html_table_end(b);
}

/* Per consecutive pair, the clauses whose grade changed. */
static void changes(itss_buf *b, const itss_maturity_comparison *c, const char *const *names,
                    itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    static const char *const heads[2][6] = {
        {"条款", "等级", "能力域", "变化", "评级", "要求摘要"},
        {"Clause", "Level", "Domain", "Change", "Grade", "Summary"},
    };
    static const char *const kind_text[2][4] = {
        {"", "提升", "下降", "适用性变化"},
        {"", "improved", "worsened", "applicability changed"},
    };
    static const char *const kind_cls[4] = {NULL, "good", "bad", NULL};
    for (size_t p = 0; p + 1 < c->n; p++) {
        size_t n = 0;
        for (size_t i = 0; i < c->nchanges; i++)
            n += c->changes[i].pair == p;
        itss__buf_puts(b, "<h3>");
        itss__html_escf(b, "%s → %s", names[p], names[p + 1]);
        itss__buf_puts(b, "</h3>\n");
        if (!n) {
            itss__html_p(b, "note", zh ? "没有要求的评级变化。" : "No grade changed.");
            continue;
        }
        itss__html_table_begin(b, NULL, heads[lang], 6);
        for (size_t i = 0; i < c->nchanges; i++) {
            const itss_mchange *ch = &c->changes[i];
            if (ch->pair != p)
                continue;
            const itss_maturity_clause *cl = &c->model->clauses[ch->clause];
            const char *from = itss__grade_token((itss_rating_kind)ch->from),
                       *to = itss__grade_token((itss_rating_kind)ch->to);
            const char *none = zh ? "未评定" : "unrated";
            itss__html_row_begin(b, NULL);
            itss__html_cell(b, cl->id);
            itss__html_cellf(b, "%d", cl->level);
            itss__html_cell(b, cl->domain ? cl->domain->name[lang]
                                          : zh ? "（全级）" : "(level-wide)");
            itss__html_cell_cls(b, kind_cls[ch->kind], kind_text[lang][ch->kind]);
            itss__html_cellf(b, "%s → %s", from ? from : none, to ? to : none);
            itss__html_cell(b, cl->summary[lang]);
            itss__html_row_end(b);
        }
        itss__html_table_end(b);
    }
}

void itss__html_mcompare(itss_buf *b, const itss_maturity_comparison *c, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const char **names = malloc(c->n * sizeof *names);
    char *spare = malloc(c->n * 24);
    if (!names || !spare) {
        b->oom = 1;
        free(names);
        free(spare);
        return;
    }
    names_of(c, names, spare);
    itss__html_begin(b, lang, zh ? "运维服务能力成熟度评估对比" : "Maturity assessments compared");
    itss__html_subtitle(b, c->model->edition);
    itss__html_section_begin(b, "levels", zh ? "等级" : "Levels");
    itss__html_charts_begin(b);
    trend(b, c, names, lang);
    itss__html_charts_end(b);
    levels_table(b, c, names, lang);
    itss__html_section_end(b);
    itss__html_section_begin(b, "changes", zh ? "要求的评级变化" : "Changes of grade");
    changes(b, c, names, lang);
    itss__html_section_end(b);
    itss__html_end(b);
    free(names);
    free(spare);
}
