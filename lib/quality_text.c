/* libitss — text renderings of the quality area for people: aligned by
 * display width, in Chinese or English, scores rounded to 3 decimals. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "quality_internal.h"

static void cell(itss_buf *b, const char *s, size_t w)
{
    itss__buf_puts(b, s);
    size_t dw = itss__display_width(s);
    itss__buf_pad(b, dw < w ? w - dw : 1);
}

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

void itss__text_qmodel(itss_buf *b, const itss_quality_model *m, itss_lang lang)
{
    itss__buf_printf(b, "%s %s\n", m->edition, m->title[lang]);
    for (size_t c = 0; c < m->nchars; c++) {
        const itss_quality_node *ch = &m->chars[c];
        itss__buf_putc(b, '\n');
        cell(b, ch->name[lang], 18);
        cell(b, ch->id, 18);
        itss__buf_puts(b, ch->def[lang]);
        itss__buf_putc(b, '\n');
        for (size_t s = 0; s < ch->nchildren; s++) {
            itss__buf_puts(b, "  ");
            cell(b, ch->children[s]->name[lang], 16);
            cell(b, ch->children[s]->id, 18);
            itss__buf_puts(b, ch->children[s]->def[lang]);
            itss__buf_putc(b, '\n');
        }
    }
}

void itss__text_indicator_catalog(itss_buf *b, const itss_indicator_catalog *c, const char *service,
                         itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    cell(b, zh ? "指标" : "Indicator", 40);
    cell(b, zh ? "子特性" : "Sub-char.", 16);
    cell(b, zh ? "方法" : "Method", 18);
    itss__buf_puts(b, zh ? "服务\n" : "Services\n");
    size_t shown = 0;
    for (size_t i = 0; i < c->n; i++) {
        const itss_indicator *ind = &c->items[i];
        if (service && !itss_indicator_applies_to(ind, service))
            continue;
        char method[48], svc[160] = "";
        snprintf(method, sizeof method, "%s%s", ind->method == ITSS_METHOD_RATIO ? "A/B" : "A/5",
                 ind->polarity == ITSS_POLARITY_NEGATIVE ? (zh ? "（越低越好）" : " (lower)") : "");
        for (size_t k = 0; k < ind->nservices && strlen(svc) + 12 < sizeof svc; k++) {
            itss__str_append(svc, sizeof svc, k ? " " : "");
            itss__str_append(svc, sizeof svc, ind->services[k]);
        }
        cell(b, ind->name[lang], 40);
        cell(b, ind->sub->name[lang], 16);
        cell(b, method, 18);
        itss__buf_puts(b, ind->nservices ? svc : (zh ? "全部" : "all"));
        itss__buf_putc(b, '\n');
        shown++;
    }
    itss__buf_printf(b, zh ? "共 %zu 个指标\n" : "%zu indicators\n", shown);
}

static void score_line(itss_buf *b, const char *indent, const char *name, const itss_qscore *s,
                       size_t width, itss_lang lang)
{
    char sc[32], cov[32];
    itss__score_text(sc, sizeof sc, s->score);
    itss__score_text(cov, sizeof cov, s->coverage);
    itss__buf_puts(b, indent);
    cell(b, name, width);
    cell(b, sc, 10);
    if (!s->nselected) {
        cell(b, cov, 10);
        itss__buf_puts(b, lang == ITSS_LANG_ZH ? "（无指标）" : "(no indicators)");
    } else {
        itss__buf_puts(b, cov);
    }
    itss__buf_putc(b, '\n');
}

void itss__text_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang)
{
    static const char *const status_text[2][4] = {
        {"已评价", "不适用", "期内无事项", "未测量"},
        {"evaluated", "not applicable", "no events", "not measured"},
    };
    static const char *const meta_label[2][ITSS_EVALUATION_META_COUNT] = {
        {"编号", "供方", "需方", "评价方", "日期", "期间", "备注"},
        {"Evaluation", "Provider", "Customer", "Evaluator", "Date", "Period", "Notes"},
    };
    const int zh = lang == ITSS_LANG_ZH;
    const itss_quality_model *m = r->model;
    char sc[32];
    itss__buf_printf(b, zh ? "%s 服务质量评价结果（服务类别 %s）\n"
                           : "%s service quality evaluation (service %s)\n",
                     m->edition, r->service);
    for (int k = 0; k < ITSS_EVALUATION_META_COUNT; k++)
        if (r->meta[k]) {
            cell(b, meta_label[lang][k], 12);
            itss__buf_puts(b, r->meta[k]);
            itss__buf_putc(b, '\n');
        }
    itss__score_text(sc, sizeof sc, r->overall.score);
    itss__buf_putc(b, '\n');
    cell(b, zh ? "总体得分" : "Overall", 12);
    itss__buf_puts(b, sc);
    if (r->band >= 0)
        itss__buf_printf(b, zh ? "（等级 %s）" : " (grade %s)", r->bands[r->band].grade);
    itss__buf_putc(b, '\n');
    itss__score_text(sc, sizeof sc, isfinite(r->overall.coverage) ? r->overall.coverage : 0);
    cell(b, zh ? "权重覆盖" : "Coverage", 12);
    itss__buf_puts(b, sc);
    itss__buf_putc(b, '\n');

    itss__buf_putc(b, '\n');
    cell(b, zh ? "特性 / 子特性" : "Characteristic", 28);
    cell(b, zh ? "得分" : "Score", 10);
    itss__buf_puts(b, zh ? "覆盖\n" : "Coverage\n");
    for (size_t c = 0; c < m->nchars; c++) {
        score_line(b, "", m->chars[c].name[lang], &r->chars[c], 28, lang);
        for (size_t s = 0; s < m->chars[c].nchildren; s++) {
            const itss_quality_node *sub = m->chars[c].children[s];
            if (r->subs[sub->index].nselected)
                score_line(b, "  ", sub->name[lang], &r->subs[sub->index], 26, lang);
        }
    }
    itss__buf_putc(b, '\n');
    cell(b, zh ? "指标" : "Indicator", 40);
    cell(b, "X", 10);
    cell(b, zh ? "权重" : "Weight", 8);
    itss__buf_puts(b, zh ? "状态\n" : "Status\n");
    for (size_t i = 0; i < r->nsel; i++) {
        char wt[32];
        itss__score_text(sc, sizeof sc, r->x[i]);
        itss__score_text(wt, sizeof wt, r->wind[i]);
        cell(b, r->sel[i]->name[lang], 40);
        cell(b, sc, 10);
        cell(b, wt, 8);
        itss__buf_puts(b, status_text[lang][r->status[i]]);
        if (r->meas[i].reason)
            itss__buf_printf(b, zh ? "：%s" : ": %s", r->meas[i].reason);
        itss__buf_putc(b, '\n');
    }
}

void itss__text_qcompare(itss_buf *b, const itss_quality_result *const *rs, size_t n,
                         itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_quality_model *m = rs[0]->model;
    char tmp[64];
    cell(b, zh ? "项目" : "Item", 28);
    for (size_t i = 0; i < n; i++) {
        const char *label = rs[i]->meta[5] ? rs[i]->meta[5] : rs[i]->meta[0];
        snprintf(tmp, sizeof tmp, "%s", label ? label : "");
        if (!label)
            snprintf(tmp, sizeof tmp, "#%zu", i + 1);
        cell(b, tmp, 12);
    }
    itss__buf_puts(b, zh ? "变化\n" : "Change\n");
    for (int row = -1; row < (int)(m->nchars + m->nsubs + rs[0]->nsel); row++) {
        const char *name;
        double v0 = 0;
        for (size_t i = 0; i < n; i++) {
            double v;
            if (row < 0) {
                name = zh ? "总体" : "Overall";
                v = rs[i]->overall.score;
            } else if ((size_t)row < m->nchars) {
                name = m->chars[row].name[lang];
                v = rs[i]->chars[row].score;
            } else if ((size_t)row < m->nchars + m->nsubs) {
                const itss_quality_node *s = &m->subs[row - (int)m->nchars];
                if (!rs[0]->subs[s->index].nselected)
                    break;
                name = s->name[lang];
                v = rs[i]->subs[s->index].score;
            } else {
                size_t k = (size_t)row - m->nchars - m->nsubs;
                name = rs[0]->sel[k]->name[lang];
                v = rs[i]->x[k];
            }
            if (i == 0) {
                itss__buf_puts(b, row >= (int)m->nchars ? "  " : "");
                cell(b, name, row >= (int)m->nchars ? 26 : 28);
                v0 = v;
            }
            itss__score_text(tmp, sizeof tmp, v);
            cell(b, tmp, 12);
            if (i == n - 1) {
                double d = v - v0;
                itss__score_text(tmp, sizeof tmp, d);
                itss__buf_puts(b, isfinite(d) && d > 0 ? "+" : "");
                itss__buf_puts(b, tmp);
                itss__buf_putc(b, '\n');
            }
        }
    }
}

void itss__text_ahp(itss_buf *b, char *const *labels, const double *w, size_t n, double lmax,
                    double ci, double cr, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    char tmp[40];
    for (size_t i = 0; i < n; i++) {
        cell(b, labels[i], 24);
        itss__format_double(tmp, sizeof tmp, w[i]);
        itss__buf_puts(b, tmp);
        itss__buf_putc(b, '\n');
    }
    itss__format_double(tmp, sizeof tmp, lmax);
    itss__buf_printf(b, "\nlambda_max  %s\n", tmp);
    itss__format_double(tmp, sizeof tmp, ci);
    itss__buf_printf(b, "CI          %s\n", tmp);
    itss__format_double(tmp, sizeof tmp, cr);
    itss__buf_printf(b, "CR          %s  %s\n", tmp,
                     cr < 0.10 ? (zh ? "（一致性可接受）" : "(acceptable)")
                               : (zh ? "（一致性不可接受）" : "(not acceptable)"));
}
