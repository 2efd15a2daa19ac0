/* libitss — text renderings of maturity models and results for people,
 * aligned by display width, in Chinese or English. */
#include <stdio.h>
#include <string.h>

#include "maturity_internal.h"

static void cell(itss_buf *b, const char *s, size_t w)
{
    itss__buf_puts(b, s);
    size_t dw = itss__display_width(s);
    itss__buf_pad(b, dw < w ? w - dw : 1);
}

/* "95.0% (38/40)" with integer arithmetic: no locale involved. */
static void share(char *dst, size_t size, size_t num, size_t den)
{
    if (!den) {
        snprintf(dst, size, "-");
        return;
    }
    unsigned long long permille = (num * 2000ULL / den + 1) / 2; /* rounded */
    snprintf(dst, size, "%llu.%llu%% (%zu/%zu)", permille / 10, permille % 10, num, den);
}

/* "2 拓展级（ITSS 三级）", "0 (below Basic)". */
static void level_text(char *dst, size_t size, const itss_maturity_model *m, int level,
                       itss_lang lang)
{
    if (level < 1) {
        snprintf(dst, size, lang == ITSS_LANG_ZH ? "0（未达到%s）" : "0 (below %s)",
                 m->levels[0].name[lang]);
        return;
    }
    const itss_maturity_level *l = &m->levels[level - 1];
    if (l->label[lang] && strcmp(l->label[lang], l->name[lang]) != 0)
        snprintf(dst, size, lang == ITSS_LANG_ZH ? "%d %s（%s）" : "%d %s (%s)", level,
                 l->name[lang], l->label[lang]);
    else
        snprintf(dst, size, "%d %s", level, l->name[lang]);
}

static const char *rating_text(const itss_rating *r, char *buf, size_t size, itss_lang lang)
{
    if (!r->kind)
        return lang == ITSS_LANG_ZH ? "未评定" : "unrated";
    if (r->kind == ITSS_RATING_PERCENT) {
        itss__format_double(buf, size, r->percent);
        size_t n = strlen(buf);
        if (n + 2 < size)
            memcpy(buf + n, "%", 2);
        return buf;
    }
    return itss__rating_token((itss_rating_kind)r->kind);
}

void itss__text_mresult(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    size_t wl = (size_t)m->nlevels + 1;
    char tmp[256], tmp2[64];
    static const char *const meta_label[2][ITSS_ASSESSMENT_META_COUNT] = {
        {"编号", "组织", "范围", "日期", "评估人", "备注"},
        {"Assessment", "Organization", "Scope", "Date", "Assessor", "Notes"},
    };
    itss__buf_printf(b, "%s %s\n", m->edition, zh ? "运维服务能力成熟度评估结果" : "maturity assessment");
    for (int k = 0; k < ITSS_ASSESSMENT_META_COUNT; k++)
        if (r->meta[k]) {
            cell(b, meta_label[lang][k], 14);
            itss__buf_puts(b, r->meta[k]);
            itss__buf_putc(b, '\n');
        }
    level_text(tmp, sizeof tmp, m, r->level, lang);
    itss__buf_putc(b, '\n');
    cell(b, zh ? "达到等级" : "Level reached", 14);
    itss__buf_puts(b, tmp);
    itss__buf_putc(b, '\n');

    /* domain profile */
    itss__buf_putc(b, '\n');
    cell(b, zh ? "能力域" : "Domain", 26);
    cell(b, zh ? "等级" : "Level", 28);
    itss__buf_puts(b, zh ? "完全满足\n" : "Fully satisfied\n");
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_mstats *s = &r->by_domain[i * wl];
        level_text(tmp, sizeof tmp, m, r->domain_level[i], lang);
        cell(b, m->domains[i].name[lang], 26);
        cell(b, tmp, 28);
        share(tmp2, sizeof tmp2, s->fully, s->applicable);
        itss__buf_puts(b, tmp2);
        itss__buf_putc(b, '\n');
    }
    itss__buf_putc(b, '\n');
    cell(b, zh ? "等级" : "Level", 26);
    cell(b, zh ? "完全满足" : "Fully satisfied", 28);
    cell(b, zh ? "未评定" : "Unrated", 10);
    itss__buf_puts(b, zh ? "不适用\n" : "N/A\n");
    for (int l = 1; l <= m->nlevels; l++) {
        const itss_mstats *s = &r->by_level[l];
        snprintf(tmp, sizeof tmp, "%d %s", l, m->levels[l - 1].name[lang]);
        cell(b, tmp, 26);
        share(tmp2, sizeof tmp2, s->fully, s->applicable);
        cell(b, tmp2, 28);
        snprintf(tmp2, sizeof tmp2, "%zu", s->unrated);
        cell(b, tmp2, 10);
        itss__buf_printf(b, "%zu\n", s->na);
    }

    /* gaps grouped by domain, in model order */
    itss__buf_putc(b, '\n');
    if (!r->target) {
        itss__buf_puts(b, zh ? "已达到最高等级，没有差距。\n"
                             : "The highest level is reached: no gaps.\n");
    } else {
        level_text(tmp, sizeof tmp, m, r->target, lang);
        if (zh)
            itss__buf_printf(b, "差距：达到 %s 还需满足 %zu 项要求\n", tmp, r->ngaps);
        else
            itss__buf_printf(b, "Gaps to %s: %zu requirement%s\n", tmp, r->ngaps,
                             r->ngaps == 1 ? "" : "s");
        for (size_t d = 0; d < m->ndomains; d++) {
            int header = 0;
            for (size_t i = 0; i < r->ngaps; i++) {
                const itss_maturity_clause *c = r->gaps[i].clause;
                if (c->domain != &m->domains[d])
                    continue;
                if (!header) {
                    itss__buf_printf(b, "\n  %s\n", m->domains[d].name[lang]);
                    header = 1;
                }
                itss__buf_puts(b, "    ");
                cell(b, c->id, 10);
                if (c->item)
                    snprintf(tmp, sizeof tmp, "%d %s", c->item->number, c->item->name[lang]);
                else
                    snprintf(tmp, sizeof tmp, "%s", zh ? "（全域）" : "(domain)");
                cell(b, tmp, 30);
                cell(b, rating_text(&r->ratings[c->index], tmp2, sizeof tmp2, lang), 9);
                cell(b,
                     r->gaps[i].required == ITSS_SAT_FULLY ? (zh ? "需完全满足" : "needs fully")
                                                           : (zh ? "需大部分满足" : "needs largely"),
                     16);
                itss__buf_puts(b, c->summary[lang]);
                itss__buf_putc(b, '\n');
            }
        }
    }
    itss__buf_putc(b, '\n');
    if (zh)
        itss__buf_printf(b, "未评定 %zu 项，不适用 %zu 项\n", r->nunrated, r->nna);
    else
        itss__buf_printf(b, "%zu unrated, %zu not applicable\n", r->nunrated, r->nna);
    for (size_t i = 0; i < r->nna; i++) {
        itss__buf_puts(b, "    ");
        cell(b, m->clauses[r->na[i]].id, 10);
        itss__buf_puts(b, r->ratings[r->na[i]].reason);
        itss__buf_putc(b, '\n');
    }
}

void itss__text_mclauses(itss_buf *b, const itss_maturity_clause *const *list, size_t n,
                         itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    if (!n) {
        itss__buf_puts(b, zh ? "（无）\n" : "(none)\n");
        return;
    }
    cell(b, zh ? "条款" : "Clause", 10);
    cell(b, zh ? "等级" : "Level", 7);
    cell(b, zh ? "能力项" : "Item", 30);
    itss__buf_puts(b, zh ? "要求摘要\n" : "Summary\n");
    for (size_t i = 0; i < n; i++) {
        const itss_maturity_clause *c = list[i];
        char tmp[160], lv[8];
        snprintf(lv, sizeof lv, "%d", c->level);
        if (c->item)
            snprintf(tmp, sizeof tmp, "%d %s", c->item->number, c->item->name[lang]);
        else
            snprintf(tmp, sizeof tmp, "%s", c->domain->name[lang]);
        cell(b, c->id, 10);
        cell(b, lv, 7);
        cell(b, tmp, 30);
        itss__buf_puts(b, c->summary[lang]);
        itss__buf_putc(b, '\n');
    }
}

void itss__text_mmodel(itss_buf *b, const itss_maturity_model *m, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    itss__buf_printf(b, "%s %s\n\n", m->edition, m->title[lang]);
    itss__buf_puts(b, zh ? "等级\n" : "Levels\n");
    for (int l = 1; l <= m->nlevels; l++) {
        char tmp[160], cnt[32];
        size_t n = 0;
        for (size_t i = 0; i < m->nclauses; i++)
            n += m->clauses[i].level == l;
        level_text(tmp, sizeof tmp, m, l, lang);
        itss__buf_puts(b, "  ");
        cell(b, tmp, 34);
        snprintf(cnt, sizeof cnt, zh ? "%zu 条要求" : "%zu clauses", n);
        itss__buf_puts(b, cnt);
        itss__buf_putc(b, '\n');
    }
    for (size_t p = 0; p < m->nparts; p++) {
        itss__buf_printf(b, "\n%s\n", m->parts[p].name[lang]);
        for (size_t d = 0; d < m->ndomains; d++) {
            const itss_maturity_domain *dom = &m->domains[d];
            if (dom->part != &m->parts[p])
                continue;
            itss__buf_printf(b, "  %d %s (%s)\n", dom->number, dom->name[lang], dom->id);
            for (size_t i = 0; i < m->nitems; i++) {
                const itss_maturity_item *it = &m->items[i];
                if (it->domain != dom)
                    continue;
                char num[16];
                snprintf(num, sizeof num, "%d", it->number);
                itss__buf_puts(b, "    ");
                cell(b, num, 4);
                itss__buf_puts(b, it->name[lang]);
                itss__buf_putc(b, '\n');
            }
        }
    }
    itss__buf_printf(b, zh ? "\n共 %zu 个能力域、%zu 个能力项、%zu 条要求\n"
                           : "\n%zu domains, %zu items, %zu clauses\n",
                     m->ndomains, m->nitems, m->nclauses);
}
