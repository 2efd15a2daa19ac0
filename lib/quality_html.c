/* libitss — a quality result as a self-contained HTML page (metadata,
 * overall score and band, a radar of the characteristics, bars of the
 * sub-characteristics, the indicator table, coverage, what was not
 * evaluated and why), or its radar alone as an SVG document; a comparison
 * of results as an HTML page with a trend chart and the table of scores. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "quality_internal.h"

/* Scores run 0..1; charts draw rings and grid lines every 0.25. */
#define SCORE_STEPS 4

static double chart_value(double v)
{
    return isfinite(v) ? v : ITSS_SVG_NONE;
}

static const char *reason_text(int reason, itss_lang lang)
{
    static const char *const text[2][4] = {
        {"", "未选用指标", "所选指标均未评价", "已评价部分的权重合计为 0"},
        {"", "no indicator selected", "none of its indicators evaluated",
         "what was evaluated weighs 0 in total"},
    };
    return text[lang][reason >= 0 && reason < 4 ? reason : 0];
}

static void char_radar(itss_buf *b, const itss_quality_result *r, itss_lang lang, int svg)
{
    const itss_quality_model *m = r->model;
    size_t n = m->nchars;
    const char **labels = malloc((n ? n : 1) * sizeof *labels);
    double *values = malloc((n ? n : 1) * sizeof *values);
    if (!labels || !values) {
        b->oom = 1;
    } else {
        for (size_t i = 0; i < n; i++) {
            labels[i] = m->chars[i].name[lang];
            values[i] = chart_value(r->chars[i].score);
        }
        itss_svg_radar radar = {
            .title = lang == ITSS_LANG_ZH ? "各特性得分" : "Score per characteristic",
            .n = n,
            .labels = labels,
            .values = values,
            .max = 1,
            .rings = SCORE_STEPS,
            .target = ITSS_SVG_NONE,
            .value_name = lang == ITSS_LANG_ZH ? "得分" : "Score",
            .target_name = NULL,
        };
        itss__svg_radar(b, &radar, svg);
    }
    free(labels);
    free(values);
}

/* Every sub-characteristic of the model, a not-evaluated one drawn as
 * such. */
static void sub_bars(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    const itss_quality_model *m = r->model;
    itss_svg_bar *bars = malloc((m->nsubs ? m->nsubs : 1) * sizeof *bars);
    char(*text)[32] = malloc((m->nsubs ? m->nsubs : 1) * sizeof *text);
    if (!bars || !text) {
        b->oom = 1;
    } else {
        for (size_t i = 0; i < m->nsubs; i++) {
            itss__score_text(text[i], sizeof text[i], r->subs[i].score);
            bars[i] = (itss_svg_bar){m->subs[i].name[lang], chart_value(r->subs[i].score),
                                     isfinite(r->subs[i].score) ? text[i] : NULL};
        }
        itss_svg_bars chart = {
            .title = lang == ITSS_LANG_ZH ? "各子特性得分" : "Score per sub-characteristic",
            .n = m->nsubs,
            .bars = bars,
            .max = 1,
            .none_text = lang == ITSS_LANG_ZH ? "未评价" : "not evaluated",
            .mark = ITSS_SVG_NONE,
        };
        itss__svg_bars(b, &chart, 0);
    }
    free(bars);
    free(text);
}

/* The measurement of indicator i: "A/B", the raters' scores, or "-". */
static void measurement_cell(itss_buf *b, const itss_quality_result *r, size_t i)
{
    const itss_measure *ms = &r->meas[i];
    char a[40], bb[40];
    if (ms->kind == ITSS_MEASUREMENT_RATIO) {
        itss__format_double(a, sizeof a, ms->a);
        itss__format_double(bb, sizeof bb, ms->b);
        itss__html_cellf(b, "%s / %s", a, bb);
    } else if (ms->kind == ITSS_MEASUREMENT_SCORES) {
        itss_buf t;
        itss__buf_init(&t);
        for (size_t k = 0; k < ms->nscores; k++)
            itss__buf_printf(&t, "%s%d", k ? ", " : "", ms->scores[k]);
        itss__html_cell(b, t.data ? t.data : "");
        if (t.oom)
            b->oom = 1;
        free(t.data);
    } else {
        itss__html_cell(b, "-");
    }
}

static void indicator_table(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    static const char *const head[2][7] = {
        {"指标", "子特性", "X", "方法", "测量", "权重", "状态"},
        {"Indicator", "Sub-characteristic", "X", "Method", "Measurement", "Weight", "Status"},
    };
    char x[32], w[32];
    itss__html_table_begin(b, "indicators", head[lang], 7);
    for (size_t i = 0; i < r->nsel; i++) {
        const itss_indicator *ind = r->sel[i];
        itss__score_text(x, sizeof x, r->x[i]);
        itss__score_text(w, sizeof w, r->wind[i]);
        itss__html_row_begin(b, r->status[i] == ITSS_INDICATOR_EVALUATED ? NULL : "none");
        itss__html_cell(b, ind->name[lang]);
        itss__html_cell(b, ind->sub->name[lang]);
        itss__html_cell_cls(b, "num", x);
        itss__html_cellf(b, "%s%s", ind->method == ITSS_METHOD_RATIO ? "A/B" : "A/5",
                         ind->polarity == ITSS_POLARITY_NEGATIVE ? (zh ? "（越低越好）" : " (lower)")
                                                                 : "");
        measurement_cell(b, r, i);
        itss__html_cell_cls(b, "num", w);
        if (r->meas[i].reason)
            itss__html_cellf(b, zh ? "%s：%s" : "%s: %s",
                             itss__qstatus_text[lang][r->status[i] & 3], r->meas[i].reason);
        else
            itss__html_cell(b, itss__qstatus_text[lang][r->status[i] & 3]);
        itss__html_row_end(b);
    }
    itss__html_table_end(b);
}

/* Nodes and indicators without a score, each with the reason. */
static void not_evaluated(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_quality_model *m = r->model;
    itss__html_ul_begin(b);
    size_t shown = 0;
    for (size_t c = 0; c < m->nchars; c++)
        if (!isfinite(r->chars[c].score) && ++shown)
            itss__html_li_pair(b, m->chars[c].name[lang], reason_text(r->chars[c].reason, lang));
    for (size_t s = 0; s < m->nsubs; s++)
        if (!isfinite(r->subs[s].score) && ++shown)
            itss__html_li_pair(b, m->subs[s].name[lang], reason_text(r->subs[s].reason, lang));
    for (size_t i = 0; i < r->nsel; i++) {
        if (r->status[i] == ITSS_INDICATOR_EVALUATED)
            continue;
        itss_buf t;
        itss__buf_init(&t);
        itss__buf_printf(&t, "%s%s%s", itss__qstatus_text[lang][r->status[i] & 3],
                         r->meas[i].reason ? (zh ? "：" : ": ") : "",
                         r->meas[i].reason ? r->meas[i].reason : "");
        itss__html_li_pair(b, r->sel[i]->name[lang], t.data);
        if (t.oom)
            b->oom = 1;
        free(t.data);
        shown++;
    }
    itss__html_ul_end(b);
    if (!shown)
        itss__html_p(b, NULL, zh ? "无" : "None");
}

static void meta_list(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    itss__html_dl_begin(b);
    for (int k = 0; k < ITSS_EVALUATION_META_COUNT; k++)
        itss__html_dl_item(b, itss__evaluation_meta_labels[lang][k], r->meta[k]);
    itss__html_dl_end(b);
}

void itss__html_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang, int svg)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_quality_model *m = r->model;
    char text[160], sc[32];
    if (svg) {
        char_radar(b, r, lang, 1);
        return;
    }
    itss__html_begin(b, lang, zh ? "服务质量评价报告" : "Service quality evaluation report");
    snprintf(text, sizeof text, zh ? "%s，服务类别 %s" : "%s, service %s", m->edition, r->service);
    itss__html_subtitle(b, text);

    itss__html_section_begin(b, "summary", zh ? "概要" : "Summary");
    meta_list(b, r, lang);
    itss__score_text(sc, sizeof sc, r->overall.score);
    if (r->band >= 0)
        snprintf(text, sizeof text, zh ? "%s（等级 %s）" : "%s (grade %s)", sc,
                 r->bands[r->band].grade);
    else
        snprintf(text, sizeof text, "%s", sc);
    itss__html_big(b, zh ? "总体得分：" : "Overall score:", text);
    itss__score_text(sc, sizeof sc, isfinite(r->overall.coverage) ? r->overall.coverage : 0);
    itss__html_big(b, zh ? "权重覆盖：" : "Coverage:", sc);
    itss__html_charts_begin(b);
    char_radar(b, r, lang, 0);
    sub_bars(b, r, lang);
    itss__html_charts_end(b);
    itss__html_section_end(b);

    static const char *const head[2][3] = {{"特性 / 子特性", "得分", "覆盖"},
                                           {"Characteristic", "Score", "Coverage"}};
    itss__html_section_begin(b, "scores", zh ? "得分与覆盖" : "Scores and coverage");
    itss__html_table_begin(b, "scores", head[lang], 3);
    for (size_t c = 0; c < m->nchars; c++) {
        for (size_t s = 0; s <= m->chars[c].nchildren; s++) {
            const itss_quality_node *node = s ? m->chars[c].children[s - 1] : &m->chars[c];
            const itss_qscore *q = s ? &r->subs[node->index] : &r->chars[c];
            char cov[32];
            itss__score_text(sc, sizeof sc, q->score);
            itss__score_text(cov, sizeof cov, q->coverage);
            itss__html_row_begin(b, isfinite(q->score) ? NULL : "none");
            itss__html_cellf(b, "%s%s", s ? "\xe2\x80\x83" : "", node->name[lang]);
            itss__html_cell_cls(b, "num", sc);
            itss__html_cell_cls(b, "num", cov);
            itss__html_row_end(b);
        }
    }
    itss__html_table_end(b);
    itss__html_section_end(b);

    itss__html_section_begin(b, "indicators", zh ? "指标" : "Indicators");
    indicator_table(b, r, lang);
    itss__html_section_end(b);

    itss__html_section_begin(b, "not-evaluated", zh ? "未评价" : "Not evaluated");
    not_evaluated(b, r, lang);
    itss__html_section_end(b);
    itss__html_end(b);
}

/* One row of the comparison table: the name indented by depth, each
 * result's score and the change from the first to the last. */
static void compare_row(void *ctx, int depth, const char *name, const double *v, size_t n)
{
    itss_buf *b = ctx;
    char tmp[64];
    depth = depth > 1 ? depth - 1 : 0; /* characteristics flush left */
    itss__html_row_begin(b, NULL);
    itss__html_cellf(b, "%.*s%s", depth * 3, "\xe2\x80\x83\xe2\x80\x83\xe2\x80\x83", name);
    for (size_t i = 0; i < n; i++) {
        itss__score_text(tmp, sizeof tmp, v[i]);
        itss__html_cell_cls(b, "num", tmp);
    }
    double d = v[n - 1] - v[0];
    tmp[0] = '+';
    itss__score_text(tmp + (isfinite(d) && d > 0), sizeof tmp - 1, d);
    itss__html_cell_cls(b, isfinite(d) && d > 0 ? "good" : isfinite(d) && d < 0 ? "bad" : "num",
                        tmp);
    itss__html_row_end(b);
}

void itss__html_qcompare(itss_buf *b, const itss_quality_result *const *rs,
                         const char *const *labels, size_t n, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_quality_model *m = rs[0]->model;
    const itss_quality_result *r0 = rs[0];
    size_t nseries = 1 + m->nchars;
    double *v = malloc(n * nseries * sizeof *v);
    const char **heads = malloc((n + 2) * sizeof *heads);
    char(*num)[32] = malloc(n * sizeof *num);
    itss_svg_series *series = malloc(nseries * sizeof *series);
    if (!v || !heads || !num || !series) {
        b->oom = 1;
        goto done;
    }
    heads[0] = zh ? "项目" : "Item";
    for (size_t i = 0; i < n; i++)
        heads[i + 1] = itss__qcompare_heading(num[i], sizeof num[i], rs, labels, n, i);
    heads[n + 1] = zh ? "变化" : "Change";
    /* series 0 the overall score, then one per characteristic */
    for (size_t k = 0; k < nseries; k++) {
        for (size_t i = 0; i < n; i++)
            v[k * n + i] = chart_value(k ? rs[i]->chars[k - 1].score : rs[i]->overall.score);
        series[k] = (itss_svg_series){k ? m->chars[k - 1].name[lang] : (zh ? "总体" : "Overall"),
                                      v + k * n};
    }

    itss__html_begin(b, lang, zh ? "服务质量评价对比" : "Service quality comparison");
    char text[160];
    snprintf(text, sizeof text, zh ? "%s，服务类别 %s" : "%s, service %s", m->edition,
             r0->service);
    itss__html_subtitle(b, text);
    itss__html_section_begin(b, "trend", zh ? "得分趋势" : "Scores over time");
    itss_svg_trend trend = {
        .title = zh ? "总体与各特性得分" : "Overall and characteristic scores",
        .npoints = n,
        .points = heads + 1,
        .nseries = nseries,
        .series = series,
        .max = 1,
        .grid = SCORE_STEPS,
    };
    itss__svg_trend(b, &trend, 0);
    itss__html_section_end(b);

    itss__html_section_begin(b, "scores", zh ? "得分与变化" : "Scores and changes");
    itss__html_table_begin(b, "compare", heads, n + 2);
    itss__qcompare_walk(rs, n, lang, v, compare_row, b); /* the trend is drawn: v is free */
    itss__html_table_end(b);
    itss__html_section_end(b);
    itss__html_end(b);
done:
    free(v);
    free(heads);
    free(num);
    free(series);
}
