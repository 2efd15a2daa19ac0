/* libitss — text renderings of maturity models and results for people,
 * aligned by display width, in Chinese or English. */
#include <stdio.h>
#include <string.h>

#include "maturity_internal.h"

const char *const itss__assessment_meta_labels[2][ITSS_ASSESSMENT_META_COUNT] = {
    {"编号", "组织", "范围", "日期", "评估人", "备注"},
    {"Assessment", "Organization", "Scope", "Date", "Assessor", "Notes"},
};

void itss__mshare(char *dst, size_t size, size_t num, size_t den)
{
    if (!den) {
        snprintf(dst, size, "-");
        return;
    }
    unsigned long long permille = (num * 2000ULL / den + 1) / 2; /* rounded */
    snprintf(dst, size, "%llu.%llu%% (%zu/%zu)", permille / 10, permille % 10, num, den);
}

void itss__mlevel_text(char *dst, size_t size, const itss_maturity_model *m, int level,
                       itss_lang lang)
{
    if (level < 1) {
        snprintf(dst, size, lang == ITSS_LANG_ZH ? "0（未达到%s）" : "0 (below %s)",
                 m->levels[0].name[lang]);
        return;
    }
    const itss_maturity_level *l = &m->levels[level - 1];
    if (l->label[lang] && strcmp(l->label[lang], l->name[lang]) != 0)
        snprintf(dst, size, lang == ITSS_LANG_ZH ? "%s %s" : "%s (%s)", l->label[lang],
                 l->name[lang]);
    else
        snprintf(dst, size, "%d %s", level, l->name[lang]);
}

void itss__mitem_text(char *dst, size_t size, const itss_maturity_clause *c, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    if (!c->domain)
        snprintf(dst, size, "%s", zh ? "（全级）" : "(level-wide)");
    else if (!c->item)
        snprintf(dst, size, "%s", c->domain->name[lang]);
    else if (c->nitems > 1)
        snprintf(dst, size, zh ? "%d %s 等 %zu 项" : "%d %s and %zu more", c->item->number,
                 c->item->name[lang], zh ? c->nitems : c->nitems - 1);
    else
        snprintf(dst, size, "%d %s", c->item->number, c->item->name[lang]);
}

static void item_cell(itss_table *t, const itss_maturity_clause *c, itss_lang lang)
{
    char tmp[512];
    itss__mitem_text(tmp, sizeof tmp, c, lang);
    itss__table_cell(t, tmp);
}

const char *itss__mrating_text(const itss_rating *r, char *buf, size_t size, itss_lang lang)
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

/* The model's rule and percentage bands, when they are not the default
 * ones (T/CESA 1299-2023's): one row each. */
static void rule_rows(itss_table *t, const itss_maturity_model *m, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    static const char *const need[2][2] = {{"大部分满足", "完全满足"}, {"largely", "fully"}};
    if (m->rule_at != ITSS_SAT_LARGELY || m->rule_below != ITSS_SAT_FULLY) {
        int at = m->rule_at == ITSS_SAT_FULLY, below = m->rule_below == ITSS_SAT_FULLY;
        itss__table_row(t, 0);
        itss__table_cell(t, zh ? "评级规则" : "Rule");
        if (zh)
            itss__table_cellf(t, "本级要求%s，以下各级要求%s", need[0][at], need[0][below]);
        else
            itss__table_cellf(t, "%s at the level, %s below", need[1][at], need[1][below]);
    }
    if (m->thresholds[0] != ITSS_DEFAULT_THRESHOLD_P ||
        m->thresholds[1] != ITSS_DEFAULT_THRESHOLD_L ||
        m->thresholds[2] != ITSS_DEFAULT_THRESHOLD_F) {
        char p[40], l[40], f[40];
        itss__format_double(p, sizeof p, m->thresholds[0]);
        itss__format_double(l, sizeof l, m->thresholds[1]);
        itss__format_double(f, sizeof f, m->thresholds[2]);
        itss__table_row(t, 0);
        itss__table_cell(t, zh ? "百分比分档" : "Percentage bands");
        itss__table_cellf(t, "N <= %s%% < P <= %s%% < L <= %s%% < F", p, l, f);
    }
}

/* The key indicators of the target level and of its gaps, when the
 * model gives any: one row each, after what it belongs to. */
static void key_indicators(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const itss_maturity_model *m = r->model;
    const itss_maturity_level *target = r->target ? &m->levels[r->target - 1] : NULL;
    size_t n = target ? target->nindicators : 0;
    for (size_t i = 0; i < r->ngaps; i++)
        n += r->gaps[i].clause->nindicators;
    if (!n)
        return;
    char tmp[256];
    itss__buf_putc(b, '\n');
    itss__buf_puts(b, lang == ITSS_LANG_ZH ? "关键指标\n" : "Key indicators\n");
    itss_table t;
    itss__table_init(&t, b, 2);
    itss__mlevel_text(tmp, sizeof tmp, m, r->target, lang);
    for (size_t k = 0; target && k < target->nindicators; k++) {
        itss__table_row(&t, 0);
        itss__table_cell(&t, tmp);
        itss__table_cell(&t, target->indicators[k][lang]);
    }
    for (size_t i = 0; i < r->ngaps; i++) {
        const itss_maturity_clause *c = r->gaps[i].clause;
        for (size_t k = 0; k < c->nindicators; k++) {
            itss__table_row(&t, 0);
            itss__table_cell(&t, c->id);
            itss__table_cell(&t, c->indicators[k][lang]);
        }
    }
    itss__table_end(&t);
}

/* The recommendations ("should" clauses; should) or the level-wide
 * requirements (!should), when the model has any: their share fully
 * satisfied, then those not fully satisfied. */
static void clause_group(itss_buf *b, const itss_maturity_result *r, int should, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    const itss_mstats *s = should ? &r->should : &r->by_wide[0];
    char tmp[64];
    if (!s->total)
        return;
    itss__mshare(tmp, sizeof tmp, s->fully, s->applicable);
    itss__buf_putc(b, '\n');
    if (should)
        itss__buf_printf(b, zh ? "建议项（不影响等级）：完全满足 %s\n"
                               : "Recommendations (never block a level): %s fully satisfied\n",
                         tmp);
    else
        itss__buf_printf(b, zh ? "等级通用要求（计入总体等级，不属于任何能力域）：完全满足 %s\n"
                               : "Level-wide requirements (count for the overall level, in no "
                                 "domain): %s fully satisfied\n",
                         tmp);
    itss_table t;
    itss__table_init(&t, b, 2);
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        if ((should ? !c->should : c->should || c->domain) || r->sat[i] == ITSS_SAT_FULLY ||
            r->sat[i] == ITSS_SAT_NOT_APPLICABLE)
            continue;
        itss__table_row(&t, 0);
        itss__table_cell(&t, c->id);
        itss__table_cellf(&t, "%d", c->level);
        itss__table_cell(&t, itss__mrating_text(&r->ratings[i], tmp, sizeof tmp, lang));
        itss__table_cell(&t, c->summary[lang]);
    }
    itss__table_end(&t);
}

/* Under a gap, what the assessment says about the clause: its evidence and
 * note, on a line of their own under the item column. */
static void gap_remarks(itss_table *t, const itss_rating *rt, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    if (!rt->evidence && !rt->note)
        return;
    itss_buf b;
    itss__buf_init(&b);
    if (rt->evidence)
        itss__buf_printf(&b, "%s%s", zh ? "证据：" : "Evidence: ", rt->evidence);
    if (rt->note)
        itss__buf_printf(&b, "%s%s%s", rt->evidence ? (zh ? "；" : "; ") : "",
                         zh ? "备注：" : "Note: ", rt->note);
    if (b.oom)
        t->out->oom = 1;
    else
        itss__table_line(t, 1, 0, b.data);
    itss__buf_free(&b);
}

void itss__text_mprofile(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    size_t wl = (size_t)m->nlevels + 1;
    char tmp[256], tmp2[64];
    itss_table t;
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "能力域" : "Domain");
    itss__table_cell(&t, zh ? "等级" : "Level");
    itss__table_cell(&t, zh ? "完全满足" : "Fully satisfied");
    for (size_t i = 0; i < m->ndomains; i++) {
        const itss_mstats *s = &r->by_domain[i * wl];
        itss__table_row(&t, 0);
        itss__table_cell(&t, m->domains[i].name[lang]);
        itss__mlevel_text(tmp, sizeof tmp, m, r->domain_level[i], lang);
        itss__table_cell(&t, tmp);
        itss__mshare(tmp2, sizeof tmp2, s->fully, s->applicable);
        itss__table_cell(&t, tmp2);
    }
    itss__table_end(&t);
}

void itss__text_mresult(itss_buf *b, const itss_maturity_result *r, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = r->model;
    char tmp[256], tmp2[64];
    itss_table t;
    itss__buf_put_heading(b, m->edition, zh ? "运维服务能力成熟度评估结果" : "maturity assessment");

    /* metadata and the level reached: one column of labels */
    itss__table_init(&t, b, 0);
    for (int k = 0; k < ITSS_ASSESSMENT_META_COUNT; k++)
        if (r->meta[k]) {
            itss__table_row(&t, 0);
            itss__table_cell(&t, itss__assessment_meta_labels[lang][k]);
            itss__table_cell(&t, r->meta[k]);
        }
    itss__table_line(&t, 0, 0, "");
    itss__mlevel_text(tmp, sizeof tmp, m, r->level, lang);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "达到等级" : "Level reached");
    itss__table_cell(&t, tmp);
    rule_rows(&t, m, lang);
    itss__table_end(&t);

    /* domain profile */
    itss__buf_putc(b, '\n');
    itss__text_mprofile(b, r, lang);

    /* coverage of each level */
    itss__buf_putc(b, '\n');
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "等级" : "Level");
    itss__table_cell(&t, zh ? "完全满足" : "Fully satisfied");
    itss__table_cell(&t, zh ? "未评定" : "Unrated");
    itss__table_cell(&t, zh ? "不适用" : "N/A");
    for (int l = 1; l <= m->nlevels; l++) {
        const itss_mstats *s = &r->by_level[l];
        itss__table_row(&t, 0);
        itss__mlevel_text(tmp, sizeof tmp, m, l, lang);
        itss__table_cell(&t, tmp);
        itss__mshare(tmp2, sizeof tmp2, s->fully, s->applicable);
        itss__table_cell(&t, tmp2);
        itss__table_cellf(&t, "%zu", s->unrated);
        itss__table_cellf(&t, "%zu", s->na);
    }
    itss__table_end(&t);

    /* gaps grouped by domain, in model order, all in one table so that the
     * columns line up across the groups */
    itss__buf_putc(b, '\n');
    if (!r->target) {
        itss__buf_puts(b, zh ? "已达到最高等级，没有差距。\n"
                             : "The highest level is reached: no gaps.\n");
    } else {
        itss__mlevel_text(tmp, sizeof tmp, m, r->target, lang);
        if (zh)
            itss__buf_printf(b, "差距：达到 %s 还需满足 %zu 项要求\n", tmp, r->ngaps);
        else
            itss__buf_printf(b, "Gaps to %s: %zu requirement%s\n", tmp, r->ngaps,
                             r->ngaps == 1 ? "" : "s");
        itss__table_init(&t, b, 2);
        for (size_t d = 0; d <= m->ndomains; d++) { /* d == ndomains: level-wide */
            const itss_maturity_domain *dom = d < m->ndomains ? &m->domains[d] : NULL;
            int header = 0;
            for (size_t i = 0; i < r->ngaps; i++) {
                const itss_maturity_clause *c = r->gaps[i].clause;
                if (c->domain != dom)
                    continue;
                if (!header) {
                    itss__table_line(&t, 0, 0, "");
                    itss__table_line(&t, 0, 0,
                                     dom ? dom->name[lang]
                                         : (zh ? "等级通用要求" : "Level-wide requirements"));
                    header = 1;
                }
                itss__table_row(&t, 2);
                itss__table_cell(&t, c->id);
                if (c->domain && !c->item)
                    itss__table_cell(&t, zh ? "（全域）" : "(domain)");
                else
                    item_cell(&t, c, lang);
                itss__table_cell(&t, itss__mrating_text(&r->ratings[c->index], tmp2, sizeof tmp2, lang));
                if (r->scale == ITSS_SCALE_BINARY) /* met or not: nothing is "largely" */
                    itss__table_cell(&t, zh ? "必须达成" : "must be met");
                else
                    itss__table_cell(&t, r->gaps[i].required == ITSS_SAT_FULLY
                                             ? (zh ? "需完全满足" : "needs fully")
                                             : (zh ? "需大部分满足" : "needs largely"));
                itss__table_cell(&t, c->summary[lang]);
                gap_remarks(&t, &r->ratings[c->index], lang);
            }
        }
        itss__table_end(&t);
    }
    key_indicators(b, r, lang);
    clause_group(b, r, 0, lang);
    clause_group(b, r, 1, lang);
    itss__buf_putc(b, '\n');
    if (zh)
        itss__buf_printf(b, "未评定 %zu 项，不适用 %zu 项\n", r->nunrated, r->nna);
    else
        itss__buf_printf(b, "%zu unrated, %zu not applicable\n", r->nunrated, r->nna);
    itss__table_init(&t, b, 4);
    for (size_t i = 0; i < r->nna; i++) {
        itss__table_row(&t, 0);
        itss__table_cell(&t, m->clauses[r->na[i]].id);
        itss__table_cell(&t, r->ratings[r->na[i]].reason);
    }
    itss__table_end(&t);
}

void itss__text_mclauses(itss_buf *b, const itss_maturity_clause *const *list, size_t n,
                         itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    if (!n) {
        itss__buf_puts(b, zh ? "（无）\n" : "(none)\n");
        return;
    }
    itss_table t;
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "条款" : "Clause");
    itss__table_cell(&t, zh ? "等级" : "Level");
    itss__table_cell(&t, zh ? "能力项" : "Item");
    itss__table_cell(&t, zh ? "要求摘要" : "Summary");
    for (size_t i = 0; i < n; i++) {
        const itss_maturity_clause *c = list[i];
        itss__table_row(&t, 0);
        itss__table_cell(&t, c->id);
        if (c->should)
            itss__table_cellf(&t, zh ? "%d（建议）" : "%d (should)", c->level);
        else
            itss__table_cellf(&t, "%d", c->level);
        item_cell(&t, c, lang);
        itss__table_cell(&t, c->summary[lang]);
    }
    itss__table_end(&t);
}

void itss__text_mmodel(itss_buf *b, const itss_maturity_model *m, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    char tmp[160];
    itss_table t;
    itss__buf_put_heading(b, m->edition, m->title[lang]);
    itss__buf_putc(b, '\n');
    itss__buf_puts(b, zh ? "等级\n" : "Levels\n");
    itss__table_init(&t, b, 2);
    for (int l = 1; l <= m->nlevels; l++) {
        size_t n = 0;
        for (size_t i = 0; i < m->nclauses; i++)
            n += m->clauses[i].level == l;
        itss__mlevel_text(tmp, sizeof tmp, m, l, lang);
        itss__table_row(&t, 0);
        itss__table_cell(&t, tmp);
        itss__table_cellf(&t, zh ? "%zu 条要求" : "%zu clauses", n);
    }
    itss__table_end(&t);

    /* parts and domains as headings over one table of items */
    itss__table_init(&t, b, 0);
    for (size_t p = 0; p <= m->nparts; p++) {
        /* p == nparts: the domains of a model without parts */
        const itss_maturity_part *part = p < m->nparts ? &m->parts[p] : NULL;
        if (part) {
            itss__table_line(&t, 0, 0, "");
            itss__table_line(&t, 0, 0, part->name[lang]);
        } else if (m->ndomains && !m->domains[0].part) {
            itss__table_line(&t, 0, 0, "");
        }
        for (size_t d = 0; d < m->ndomains; d++) {
            const itss_maturity_domain *dom = &m->domains[d];
            if (dom->part != part)
                continue;
            snprintf(tmp, sizeof tmp, "%d %s (%s)", dom->number, dom->name[lang], dom->id);
            itss__table_line(&t, 0, 2, tmp);
            for (size_t i = 0; i < m->nitems; i++) {
                const itss_maturity_item *it = &m->items[i];
                if (it->domain != dom)
                    continue;
                itss__table_row(&t, 4);
                itss__table_cellf(&t, "%d", it->number);
                itss__table_cell(&t, it->name[lang]);
                if (it->cites)
                    itss__table_cell(&t, it->cites);
            }
        }
    }
    itss__table_end(&t);
    size_t wide = 0;
    for (size_t i = 0; i < m->nclauses; i++)
        wide += !m->clauses[i].domain;
    itss__buf_printf(b, zh ? "\n共 %zu 个能力域、%zu 个能力项、%zu 条要求\n"
                           : "\n%zu domains, %zu items, %zu clauses\n",
                     m->ndomains, m->nitems, m->nclauses);
    if (wide)
        itss__buf_printf(b, zh ? "其中等级通用要求 %zu 条（不属于任何能力域）\n"
                               : "of which %zu level-wide (in no domain)\n",
                         wide);
}

/* A grade in a comparison: its token, or "未评定" / "unrated". */
static const char *grade_text(unsigned char g, itss_lang lang)
{
    const char *token = itss__grade_token((itss_rating_kind)g);
    return token ? token : lang == ITSS_LANG_ZH ? "未评定" : "unrated";
}

/* The heading of assessment i in a comparison: its name or "#i". */
static void assessment_cell(itss_table *t, const itss_maturity_comparison *c, size_t i)
{
    const char *name = itss__mcmp_name(c, i);
    if (name)
        itss__table_cell(t, name);
    else
        itss__table_cellf(t, "#%zu", i + 1);
}

void itss__text_mcompare(itss_buf *b, const itss_maturity_comparison *c, itss_lang lang)
{
    const int zh = lang == ITSS_LANG_ZH;
    const itss_maturity_model *m = c->model;
    static const char *const kind_text[2][4] = {
        {"", "提升", "下降", "适用性变化"},
        {"", "Improved", "Worsened", "Applicability changed"},
    };
    char tmp[256];
    itss_table t;
    itss__buf_put_heading(b, m->edition,
                          zh ? "运维服务能力成熟度评估对比" : "maturity assessments compared");

    /* the levels: a column per assessment */
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "评估" : "Assessment");
    for (size_t i = 0; i < c->n; i++)
        assessment_cell(&t, c, i);
    itss__table_row(&t, 0);
    itss__table_cell(&t, zh ? "达到等级" : "Level reached");
    for (size_t i = 0; i < c->n; i++) {
        itss__mlevel_text(tmp, sizeof tmp, m, c->level[i], lang);
        itss__table_cell(&t, tmp);
    }
    for (size_t d = 0; d < m->ndomains; d++) {
        itss__table_row(&t, 0);
        itss__table_cell(&t, m->domains[d].name[lang]);
        for (size_t i = 0; i < c->n; i++) {
            itss__mlevel_text(tmp, sizeof tmp, m, c->domain_level[i * m->ndomains + d], lang);
            itss__table_cell(&t, tmp);
        }
    }
    itss__table_end(&t);

    /* per pair, the clauses that changed, grouped by how, in one table
     * whose headings go through it (labels are untrusted text) */
    itss__table_init(&t, b, 0);
    for (size_t p = 0; p + 1 < c->n; p++) {
        const char *from = itss__mcmp_name(c, p), *to = itss__mcmp_name(c, p + 1);
        size_t n = 0;
        for (size_t i = 0; i < c->nchanges; i++)
            n += c->changes[i].pair == p;
        itss_buf head;
        itss__buf_init(&head);
        if (from)
            itss__buf_puts(&head, from);
        else
            itss__buf_printf(&head, "#%zu", p + 1);
        itss__buf_puts(&head, zh ? " → " : " -> ");
        if (to)
            itss__buf_puts(&head, to);
        else
            itss__buf_printf(&head, "#%zu", p + 2);
        if (zh)
            itss__buf_printf(&head, "：%zu 项要求评级变化", n);
        else
            itss__buf_printf(&head, ": %zu requirement%s changed", n, n == 1 ? "" : "s");
        itss__buf_putc(&head, '\0');
        itss__table_line(&t, 0, 0, "");
        if (head.oom)
            b->oom = 1;
        else
            itss__table_line(&t, 0, 0, head.data);
        itss__buf_free(&head);
        for (int kind = ITSS_CHANGE_IMPROVED; kind <= ITSS_CHANGE_NA; kind++) {
            int header = 0;
            for (size_t i = 0; i < c->nchanges; i++) {
                const itss_mchange *ch = &c->changes[i];
                if (ch->pair != p || ch->kind != kind)
                    continue;
                if (!header)
                    itss__table_line(&t, 0, 2, kind_text[lang][kind]);
                header = 1;
                const itss_maturity_clause *cl = &m->clauses[ch->clause];
                itss__table_row(&t, 4);
                itss__table_cell(&t, cl->id);
                itss__table_cellf(&t, "%s → %s", grade_text(ch->from, lang),
                                  grade_text(ch->to, lang));
                itss__table_cell(&t, cl->summary[lang]);
            }
        }
    }
    itss__table_end(&t);
}
