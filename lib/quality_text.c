/* libitss — text renderings of the quality area for people: aligned by
 * display width, in Chinese or English, scores rounded to 3 decimals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quality_internal.h"

void itss__score_text(char *dst, size_t size, double v)
{
    if (!isfinite(v)) {
        snprintf(dst, size, "-");
        return;
    }
    /* integer arithmetic keeps the decimal point independent of the locale */
    long long t = llround(fabs(v) * 1000);
    snprintf(dst, size, "%s%lld.%03lld", v < 0 && t ? "-" : "", t / 1000, t % 1000);
}

const char *const itss__qstatus_text[2][4] = {
    {"已评价", "不适用", "期内无事项", "未测量"},
    {"evaluated", "not applicable", "no events", "not measured"},
};

const char *const itss__evaluation_meta_labels[2][ITSS_EVALUATION_META_COUNT] = {
    {"编号", "供方", "需方", "评价方", "日期", "期间", "备注"},
    {"Evaluation", "Provider", "Customer", "Evaluator", "Date", "Period", "Notes"},
};

void itss__text_qmodel(itss_buf *b, const itss_quality_model *m, itss_lang lang)
{
    itss__buf_put_heading(b, m->edition, m->title[lang]);
    itss_table t;
    itss__table_init(&t, b, 0);
    for (size_t c = 0; c < m->nchars; c++) {
        const itss_quality_node *ch = &m->chars[c];
        itss__table_line(&t, 0, 0, "");
        itss__table_row(&t, 0);
        itss__table_cell(&t, ch->name[lang]);
        itss__table_cell(&t, ch->id);
        itss__table_cell(&t, ch->def[lang]);
        for (size_t s = 0; s < ch->nchildren; s++) {
            itss__table_row(&t, 2);
            itss__table_cell(&t, ch->children[s]->name[lang]);
            itss__table_cell(&t, ch->children[s]->id);
            itss__table_cell(&t, ch->children[s]->def[lang]);
        }
    }
    itss__table_end(&t);
}

void itss__text_indicator_catalog(itss_buf *b, const itss_indicator_catalog *c,
                                  const char *service, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    itss_table t;
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "指标" : "Indicator");
    itss__table_cell(&t, zh ? "子特性" : "Sub-char.");
    itss__table_cell(&t, zh ? "方法" : "Method");
    itss__table_cell(&t, zh ? "服务" : "Services");
    size_t shown = 0;
    for (size_t i = 0; i < c->n; i++) {
        const itss_indicator *ind = &c->items[i];
        if (service && !itss_indicator_applies_to(ind, service))
            continue;
        char svc[160] = "";
        for (size_t k = 0; k < ind->nservices && strlen(svc) + 12 < sizeof svc; k++) {
            itss__str_append(svc, sizeof svc, k ? " " : "");
            itss__str_append(svc, sizeof svc, ind->services[k]);
        }
        itss__table_row(&t, 0);
        itss__table_cell(&t, ind->name[lang]);
        itss__table_cell(&t, ind->sub->name[lang]);
        itss__table_cellf(&t, "%s%s", ind->method == ITSS_METHOD_RATIO ? "A/B" : "A/5",
                          ind->polarity == ITSS_POLARITY_NEGATIVE ? (zh ? "（越低越好）" : " (lower)")
                                                                  : "");
        itss__table_cell(&t, ind->nservices ? svc : (zh ? "全部" : "all"));
        shown++;
    }
    itss__table_end(&t);
    itss__buf_printf(b, zh ? "共 %zu 个指标\n" : "%zu indicators\n", shown);
}

/* A row of the score table: name, score and coverage; a node without
 * indicators says so after its coverage. */
static void score_row(itss_table *t, size_t indent, const char *name, const itss_qscore *s,
                      itss_lang lang)
{
    char sc[32], cov[32];
    itss__score_text(sc, sizeof sc, s->score);
    itss__score_text(cov, sizeof cov, s->coverage);
    itss__table_row(t, indent);
    itss__table_cell(t, name);
    itss__table_cell(t, sc);
    if (!s->nselected)
        itss__table_cellf(t, lang == ITSS_LANG_ZH ? "%s（无指标）" : "%s (no indicators)", cov);
    else
        itss__table_cell(t, cov);
}

void itss__text_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    const char *const(*status_text)[4] = itss__qstatus_text;
    const char *const(*meta_label)[ITSS_EVALUATION_META_COUNT] = itss__evaluation_meta_labels;
    const int zh = lang == ITSS_LANG_ZH;
    const itss_quality_model *m = r->model;
    char sc[32];
    itss_table t;
    itss__buf_printf(b, zh ? "%s 服务质量评价结果（服务类别 %s）\n"
                           : "%s service quality evaluation (service %s)\n",
                     m->edition, r->service);

    /* metadata and the overall score: one column of labels */
    itss__table_init(&t, b, 0);
    for (int k = 0; k < ITSS_EVALUATION_META_COUNT; k++)
        if (r->meta[k]) {
            itss__table_row(&t, 0);
            itss__table_cell(&t, meta_label[lang][k]);
            itss__table_cell(&t, r->meta[k]);
        }
    itss__table_line(&t, 0, 0, "");
    itss__score_text(sc, sizeof sc, r->overall.score);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "总体得分" : "Overall");
    if (r->band >= 0)
        itss__table_cellf(&t, zh ? "%s（等级 %s）" : "%s (grade %s)", sc, r->bands[r->band].grade);
    else
        itss__table_cell(&t, sc);
    itss__score_text(sc, sizeof sc, isfinite(r->overall.coverage) ? r->overall.coverage : 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "权重覆盖" : "Coverage");
    itss__table_cell(&t, sc);
    itss__table_end(&t);

    /* characteristics, with their sub-characteristics indented */
    itss__buf_putc(b, '\n');
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "特性 / 子特性" : "Characteristic");
    itss__table_cell(&t, zh ? "得分" : "Score");
    itss__table_cell(&t, zh ? "覆盖" : "Coverage");
    for (size_t c = 0; c < m->nchars; c++) {
        score_row(&t, 0, m->chars[c].name[lang], &r->chars[c], lang);
        for (size_t s = 0; s < m->chars[c].nchildren; s++) {
            const itss_quality_node *sub = m->chars[c].children[s];
            if (r->subs[sub->index].nselected)
                score_row(&t, 2, sub->name[lang], &r->subs[sub->index], lang);
        }
    }
    itss__table_end(&t);

    /* indicators */
    itss__buf_putc(b, '\n');
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "指标" : "Indicator");
    itss__table_cell(&t, "X");
    itss__table_cell(&t, zh ? "权重" : "Weight");
    itss__table_cell(&t, zh ? "状态" : "Status");
    for (size_t i = 0; i < r->nsel; i++) {
        char wt[32];
        itss__score_text(sc, sizeof sc, r->x[i]);
        itss__score_text(wt, sizeof wt, r->wind[i]);
        itss__table_row(&t, 0);
        itss__table_cell(&t, r->sel[i]->name[lang]);
        itss__table_cell(&t, sc);
        itss__table_cell(&t, wt);
        if (r->meas[i].reason)
            itss__table_cellf(&t, zh ? "%s：%s" : "%s: %s", status_text[lang][r->status[i]],
                              r->meas[i].reason);
        else
            itss__table_cell(&t, status_text[lang][r->status[i]]);
    }
    itss__table_end(&t);
}

/* One row of the comparison: the name, the value of each result, the
 * change from the first to the last. */
static void compare_row(itss_table *t, size_t indent, const char *name, const double *v,
                        size_t n)
{
    char tmp[64];
    itss__table_row(t, indent);
    itss__table_cell(t, name);
    for (size_t i = 0; i < n; i++) {
        itss__score_text(tmp, sizeof tmp, v[i]);
        itss__table_cell(t, tmp);
    }
    double d = v[n - 1] - v[0];
    itss__score_text(tmp, sizeof tmp, d);
    itss__table_cellf(t, "%s%s", isfinite(d) && d > 0 ? "+" : "", tmp);
}

/* Whether every result has a period and no two share one. */
static int distinct_periods(const itss_quality_result *const *rs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!rs[i]->meta[5])
            return 0;
        for (size_t j = 0; j < i; j++)
            if (strcmp(rs[i]->meta[5], rs[j]->meta[5]) == 0)
                return 0;
    }
    return 1;
}

const char *itss__qcompare_heading(char *num, size_t size, const itss_quality_result *const *rs,
                                  const char *const *labels, size_t n, size_t i)
{
    /* the period when the periods tell the results apart, else the label,
     * the id, the period or the number */
    const char *label = distinct_periods(rs, n) ? rs[i]->meta[5] : NULL;
    if (!label && labels)
        label = labels[i];
    if (!label)
        label = rs[i]->meta[0] ? rs[i]->meta[0] : rs[i]->meta[5];
    if (label)
        return label;
    snprintf(num, size, "#%zu", i + 1);
    return num;
}

void itss__qcompare_walk(const itss_quality_result *const *rs, size_t n, itss_lang lang,
                         double *v, itss__qrow_fn row, void *ctx)
{
    const itss_quality_model *m = rs[0]->model;
    const itss_quality_result *r0 = rs[0];
    for (size_t i = 0; i < n; i++)
        v[i] = rs[i]->overall.score;
    row(ctx, 0, lang == ITSS_LANG_ZH ? "总体" : "Overall", v, n);
    for (size_t c = 0; c < m->nchars; c++) {
        for (size_t i = 0; i < n; i++)
            v[i] = rs[i]->chars[c].score;
        row(ctx, 1, m->chars[c].name[lang], v, n);
        for (size_t s = 0; s < m->chars[c].nchildren; s++) {
            const itss_quality_node *sub = m->chars[c].children[s];
            if (!r0->subs[sub->index].nselected)
                continue;
            for (size_t i = 0; i < n; i++)
                v[i] = rs[i]->subs[sub->index].score;
            row(ctx, 2, sub->name[lang], v, n);
            for (size_t k = 0; k < r0->nsel; k++) {
                if (r0->sel[k]->sub != sub)
                    continue;
                for (size_t i = 0; i < n; i++)
                    v[i] = rs[i]->x[k];
                row(ctx, 3, r0->sel[k]->name[lang], v, n);
            }
        }
    }
}

static void text_compare_row(void *ctx, int depth, const char *name, const double *v, size_t n)
{
    compare_row(ctx, (size_t)depth * 2, name, v, n);
}

void itss__text_qcompare(itss_buf *b, const itss_quality_result *const *rs,
                         const char *const *labels, size_t n, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    double *v = malloc(n * sizeof *v);
    if (!v) {
        b->oom = 1;
        return;
    }
    itss_table t;
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "项目" : "Item");
    for (size_t i = 0; i < n; i++) {
        char num[32];
        itss__table_cell(&t, itss__qcompare_heading(num, sizeof num, rs, labels, n, i));
    }
    itss__table_cell(&t, zh ? "变化" : "Change");
    /* characteristics; under each its sub-characteristics with indicators,
     * and under each of those its indicators */
    itss__qcompare_walk(rs, n, lang, v, text_compare_row, &t);
    itss__table_end(&t);
    free(v);
}

void itss__text_ahp(itss_buf *b, char *const *labels, const double *w, size_t n, double lmax,
                    double ci, double cr, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    char tmp[40];
    itss_table t;
    /* the weights and the consistency figures: one column of values */
    itss__table_init(&t, b, 0);
    for (size_t i = 0; i < n; i++) {
        itss__format_double(tmp, sizeof tmp, w[i]);
        itss__table_row(&t, 0);
        itss__table_cell(&t, labels[i]);
        itss__table_cell(&t, tmp);
    }
    itss__table_line(&t, 0, 0, "");
    itss__format_double(tmp, sizeof tmp, lmax);
    itss__table_row(&t, 0);
    itss__table_cell(&t, "lambda_max");
    itss__table_cell(&t, tmp);
    itss__format_double(tmp, sizeof tmp, ci);
    itss__table_row(&t, 0);
    itss__table_cell(&t, "CI");
    itss__table_cell(&t, tmp);
    itss__format_double(tmp, sizeof tmp, cr);
    itss__table_row(&t, 0);
    itss__table_cell(&t, "CR");
    itss__table_cellf(&t, "%s%s", tmp,
                      cr < 0.10 ? (zh ? "（一致性可接受）" : " (acceptable)")
                                : (zh ? "（一致性不可接受）" : " (not acceptable)"));
    itss__table_end(&t);
}
