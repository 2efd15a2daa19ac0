/* libitss — a maturity result as a self-contained HTML page (metadata,
 * level reached, a chart of the domains, coverage per level, the domain
 * profile, the gaps with their evidence and notes, the unrated and N/A
 * clauses), or its domain chart alone as an SVG document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html_internal.h"
#include "maturity_internal.h"

#define LEVEL_TEXT 256

/* The chart of the domains: a radar of the level each reached on the
 * model's 0..N scale with the target as a ring, for 3 or more domains;
 * bars otherwise. */
static void domain_chart(itss_buf *b, const itss_maturity_result *r, itss_lang lang, int svg)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    size_t n = m->ndomains;
    const char *title = zh ? "各能力域达到的等级" : "Level reached per domain";
    if (!n)
        return;
    if (n >= 3) {
        const char **labels = malloc(n * sizeof *labels);
        double *values = malloc(n * sizeof *values);
        if (!labels || !values) {
            b->oom = 1;
        } else {
            char target[LEVEL_TEXT + 16], level[LEVEL_TEXT];
            for (size_t i = 0; i < n; i++) {
                labels[i] = m->domains[i].name[lang];
                values[i] = r->domain_level[i];
            }
            itss__mlevel_text(level, sizeof level, m, r->target, lang);
            snprintf(target, sizeof target, zh ? "目标：%s" : "Target: %s", level);
            itss_svg_radar radar = {
                .title = title,
                .n = n,
                .labels = labels,
                .values = values,
                .max = m->nlevels,
                .rings = m->nlevels,
                .target = r->target ? r->target : ITSS_SVG_NONE,
                .value_name = zh ? "达到等级" : "Level reached",
                .target_name = target,
            };
            itss__svg_radar(b, &radar, svg);
        }
        free(labels);
        free(values);
        return;
    }
    itss_svg_bar bars[2];
    char text[2][LEVEL_TEXT];
    for (size_t i = 0; i < n; i++) {
        itss__mlevel_text(text[i], sizeof text[i], m, r->domain_level[i], lang);
        bars[i] = (itss_svg_bar){m->domains[i].name[lang], r->domain_level[i], text[i]};
    }
    itss_svg_bars chart = {
        .title = title,
        .n = n,
        .bars = bars,
        .max = m->nlevels,
        .none_text = zh ? "未评定" : "unrated",
        .mark = r->target ? r->target : ITSS_SVG_NONE,
    };
    itss__svg_bars(b, &chart, svg);
}

/* The share of applicable clauses fully satisfied at each level, as bars;
 * a level without applicable clauses drawn as such. */
static void coverage_chart(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    itss_svg_bar bars[ITSS_MAX_LEVELS];
    char label[ITSS_MAX_LEVELS][LEVEL_TEXT], text[ITSS_MAX_LEVELS][48];
    for (int l = 1; l <= m->nlevels; l++) {
        const itss_mstats *s = &r->by_level[l];
        itss__mlevel_text(label[l - 1], sizeof label[l - 1], m, l, lang);
        itss__mshare(text[l - 1], sizeof text[l - 1], s->fully, s->applicable);
        bars[l - 1] = (itss_svg_bar){
            label[l - 1],
            s->applicable ? (double)s->fully / (double)s->applicable : ITSS_SVG_NONE,
            text[l - 1]};
    }
    itss_svg_bars chart = {
        .title = zh ? "各等级要求完全满足的比例" : "Share of each level's clauses fully satisfied",
        .n = (size_t)m->nlevels,
        .bars = bars,
        .max = 1,
        .none_text = zh ? "无适用要求" : "no applicable clause",
        .mark = ITSS_SVG_NONE,
    };
    itss__svg_bars(b, &chart, 0);
}

static void profile_table(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const itss_maturity_model *m = r->model;
    size_t wl = (size_t)m->nlevels + 1;
    char level[LEVEL_TEXT], share[48];
    static const char *const head[2][3] = {{"能力域", "等级", "完全满足"},
                                           {"Domain", "Level", "Fully satisfied"}};
    itss__html_table_begin(b, "profile", head[lang], 3);
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_mstats *s = &r->by_domain[i * wl];
        itss__mlevel_text(level, sizeof level, m, r->domain_level[i], lang);
        itss__mshare(share, sizeof share, s->fully, s->applicable);
        itss__html_row_begin(b, NULL);
        itss__html_cell(b, m->domains[i].name[lang]);
        itss__html_cell(b, level);
        itss__html_cell_cls(b, "num", share);
        itss__html_row_end(b);
    }
    itss__html_table_end(b);
}

static void coverage_table(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const itss_maturity_model *m = r->model;
    char level[LEVEL_TEXT], share[48];
    static const char *const head[2][4] = {{"等级", "完全满足", "未评定", "不适用"},
                                           {"Level", "Fully satisfied", "Unrated", "N/A"}};
    itss__html_table_begin(b, "coverage", head[lang], 4);
    for (int l = 1; l <= m->nlevels; l++) {
        const itss_mstats *s = &r->by_level[l];
        itss__mlevel_text(level, sizeof level, m, l, lang);
        itss__mshare(share, sizeof share, s->fully, s->applicable);
        itss__html_row_begin(b, l <= r->level ? "reached" : NULL);
        itss__html_cell(b, level);
        itss__html_cell_cls(b, "num", share);
        itss__html_cellf(b, "%zu", s->unrated);
        itss__html_cellf(b, "%zu", s->na);
        itss__html_row_end(b);
    }
    itss__html_table_end(b);
}

/* The gaps to the target, one table per domain in model order, the
 * level-wide ones last. */
static void gaps(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    char level[LEVEL_TEXT], text[512], rating[48];
    if (!r->target) {
        itss__html_section_begin(b, "gaps", zh ? "差距" : "Gaps");
        itss__html_p(b, NULL,
                     zh ? "已达到最高等级，没有差距。" : "The highest level is reached: no gaps.");
        itss__html_section_end(b);
        return;
    }
    itss__mlevel_text(level, sizeof level, m, r->target, lang);
    if (zh)
        snprintf(text, sizeof text, "差距：达到 %s 还需满足 %zu 项要求", level, r->ngaps);
    else
        snprintf(text, sizeof text, "Gaps to %s: %zu requirement%s", level, r->ngaps,
                 r->ngaps == 1 ? "" : "s");
    itss__html_section_begin(b, "gaps", text);
    static const char *const head[2][7] = {
        {"条款", "能力项", "评定", "要求", "要求摘要", "证据", "说明"},
        {"Clause", "Item", "Rating", "Required", "Summary", "Evidence", "Note"}};
    for (size_t d = 0; d <= m->ndomains; d++) { /* d == ndomains: level-wide */
        const itss_maturity_domain *dom = d < m->ndomains ? &m->domains[d] : NULL;
        int open = 0;
        for (size_t i = 0; i < r->ngaps; i++) {
            const itss_maturity_clause *c = r->gaps[i].clause;
            const itss_rating *rt = &r->ratings[c->index];
            if (c->domain != dom)
                continue;
            if (!open) {
                itss__html_h3(b, dom ? dom->name[lang]
                                     : (zh ? "等级通用要求" : "Level-wide requirements"));
                itss__html_table_begin(b, "gaps", head[lang], 7);
                open = 1;
            }
            itss__html_row_begin(b, NULL);
            itss__html_cell(b, c->id);
            if (c->domain && !c->item) {
                itss__html_cell(b, zh ? "（全域）" : "(domain)");
            } else {
                itss__mitem_text(text, sizeof text, c, lang);
                itss__html_cell(b, text);
            }
            itss__html_cell_cls(b, "bad", itss__mrating_text(rt, rating, sizeof rating, lang));
            if (r->scale == ITSS_SCALE_BINARY)
                itss__html_cell(b, zh ? "必须达成" : "must be met");
            else
                itss__html_cell(b, r->gaps[i].required == ITSS_SAT_FULLY
                                       ? (zh ? "需完全满足" : "needs fully")
                                       : (zh ? "需大部分满足" : "needs largely"));
            itss__html_cell(b, c->summary[lang]);
            itss__html_cell(b, rt->evidence);
            itss__html_cell(b, rt->note);
            itss__html_row_end(b);
        }
        if (open)
            itss__html_table_end(b);
    }
    itss__html_section_end(b);
}

static void unrated_na(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    char text[96];
    itss__html_section_begin(b, "lists", zh ? "未评定与不适用" : "Unrated and not applicable");
    snprintf(text, sizeof text, zh ? "未评定 %zu 项" : "%zu unrated", r->nunrated);
    itss__html_h3(b, text);
    if (r->nunrated) {
        itss__html_ul_begin(b);
        for (size_t i = 0; i < r->nunrated; i++) {
            const itss_maturity_clause *c = &m->clauses[r->unrated[i]];
            itss__html_li_pair(b, c->id, c->summary[lang]);
        }
        itss__html_ul_end(b);
    }
    snprintf(text, sizeof text, zh ? "不适用 %zu 项" : "%zu not applicable", r->nna);
    itss__html_h3(b, text);
    if (r->nna) {
        itss__html_ul_begin(b);
        for (size_t i = 0; i < r->nna; i++)
            itss__html_li_pair(b, m->clauses[r->na[i]].id, r->ratings[r->na[i]].reason);
        itss__html_ul_end(b);
    }
    itss__html_section_end(b);
}

void itss__html_mresult(itss_buf *b, const itss_maturity_result *r, itss_lang lang, int svg)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    char text[LEVEL_TEXT + 64];
    if (svg) {
        domain_chart(b, r, lang, 1);
        return;
    }
    itss__html_begin(b, lang, zh ? "运维服务能力成熟度评估报告" : "Maturity assessment report");
    snprintf(text, sizeof text, "%s %s", m->edition, m->title[lang] ? m->title[lang] : "");
    itss__html_subtitle(b, text);

    itss__html_section_begin(b, "summary", zh ? "概要" : "Summary");
    itss__html_dl_begin(b);
    for (int k = 0; k < ITSS_ASSESSMENT_META_COUNT; k++)
        itss__html_dl_item(b, itss__assessment_meta_labels[lang][k], r->meta[k]);
    itss__html_dl_end(b);
    itss__mlevel_text(text, sizeof text, m, r->level, lang);
    itss__html_big(b, zh ? "达到等级：" : "Level reached:", text);
    itss__html_charts_begin(b);
    domain_chart(b, r, lang, 0);
    coverage_chart(b, r, lang);
    itss__html_charts_end(b);
    itss__html_section_end(b);

    itss__html_section_begin(b, "profile", zh ? "能力域概况" : "Domain profile");
    profile_table(b, r, lang);
    itss__html_h3(b, zh ? "各等级覆盖情况" : "Coverage per level");
    coverage_table(b, r, lang);
    itss__html_section_end(b);

    gaps(b, r, lang);
    unrated_na(b, r, lang);
    itss__html_end(b);
}
