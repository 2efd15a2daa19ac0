/* libitss — text views of the ITSS standards registry. */
#include <stdio.h>
#include <string.h>

#include "standards_internal.h"

/* What the API areas of libitss are called, for people. */
static const char *api_label(const char *api, itss_lang lang)
{
    static const char *const ids[] = {"classification", "quality", "maturity"};
    static const char *const labels[2][3] = {
        {"服务分类（itss_class_*，itss class）", "服务质量（itss_quality_*，itss quality）",
         "运维能力成熟度（itss_maturity_*，itss maturity）"},
        {"service classification (itss_class_*, itss class)",
         "service quality (itss_quality_*, itss quality)",
         "O&M capability maturity (itss_maturity_*, itss maturity)"},
    };
    for (int i = 0; i < 3; i++)
        if (strcmp(api, ids[i]) == 0)
            return labels[lang][i];
    return api;
}

/* "number" or, for a plan without one, "B-1/56". */
static const char *shown_number(char *dst, size_t size, const itss_standard *s)
{
    if (s->number)
        return s->number;
    snprintf(dst, size, "%s/%zu", s->table, s->row);
    return dst;
}

void itss__text_standard(itss_buf *b, const itss_standard *s, itss_lang lang)
{
    static const char *const labels[2][13] = {
        {"编号", "名称", "英文名称", "类型", "状态", "ISO/IEC 阶段", "我国角色", "框架位置",
         "内容", "说明", "libitss 实现", "版本关系", "来源"},
        {"Number", "Title", "Chinese title", "Type", "Status", "ISO/IEC stage", "China's role",
         "Framework", "Subject", "Note", "In libitss", "Editions", "Source"},
    };
    const char *const *L = labels[lang];
    char num[64], place[512], editions[256] = "";
    if (s->area)
        snprintf(place, sizeof place, "%s / %s", s->area->category->name[lang],
                 s->area->name[lang]);
    else
        snprintf(place, sizeof place, "%s",
                 lang == ITSS_LANG_ZH ? "（报告未列入框架）" : "(not placed by the report)");
    if (s->replaces)
        snprintf(editions, sizeof editions, lang == ITSS_LANG_ZH ? "代替 %s" : "replaces %s",
                 s->replaces->number);
    if (s->replaced_by)
        snprintf(editions, sizeof editions,
                 lang == ITSS_LANG_ZH ? "被 %s 代替" : "replaced by %s", s->replaced_by->number);
    const char *value[13] = {
        shown_number(num, sizeof num, s),
        s->title[lang],
        lang == ITSS_LANG_EN ? s->title[0] : s->title[1],
        itss_std_type_label((itss_std_type)s->type, lang),
        itss_std_status_label((itss_std_status)s->status, lang),
        s->stage,
        s->role,
        place,
        s->summary[lang],
        s->note[lang],
        s->implemented_by ? api_label(s->implemented_by, lang)
                          : (lang == ITSS_LANG_ZH ? "未涵盖" : "not covered"),
        editions[0] ? editions : NULL,
        s->source,
    };
    itss_table t;
    itss__table_init(&t, b, 0);
    for (int i = 0; i < 13; i++) {
        if (!value[i])
            continue;
        itss__table_row(&t, 0);
        itss__table_cell(&t, L[i]);
        itss__table_cell(&t, value[i]);
    }
    itss__table_end(&t);
}

void itss__text_standard_list(itss_buf *b, const itss_standard *const *list, size_t n,
                              itss_lang lang)
{
    static const char *const head[2][4] = {{"编号", "类型", "状态", "名称"},
                                           {"Number", "Type", "Status", "Title"}};
    itss_table t;
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    for (int i = 0; i < 4; i++)
        itss__table_cell(&t, head[lang][i]);
    for (size_t i = 0; i < n; i++) {
        const itss_standard *s = list[i];
        char num[64];
        itss__table_row(&t, 0);
        itss__table_cell(&t, shown_number(num, sizeof num, s));
        itss__table_cell(&t, itss_std_type_label((itss_std_type)s->type, lang));
        itss__table_cell(&t, s->stage ? s->stage
                                      : itss_std_status_label((itss_std_status)s->status, lang));
        itss__table_cell(&t, s->title[lang]);
    }
    itss__table_end(&t);
    itss__buf_printf(b, lang == ITSS_LANG_ZH ? "共 %zu 项\n" : "%zu standard%s\n", n,
                     lang == ITSS_LANG_ZH ? "" : (n == 1 ? "" : "s"));
}

static void tree_line(itss_buf *b, const char *indent, const itss_standard *s, itss_lang lang)
{
    char num[64];
    itss__buf_printf(b, "%s%s  %s  [%s]\n", indent, shown_number(num, sizeof num, s),
                     s->title[lang], itss_std_status_label((itss_std_status)s->status, lang));
}

void itss__text_framework(itss_buf *b, const itss_registry *r, itss_lang lang)
{
    itss__buf_printf(b, "%s\n", r->title[lang]);
    for (size_t c = 0; c < r->ncategories; c++) {
        const itss_category *cat = &r->categories[c];
        itss__buf_printf(b, "%s (%s)\n", cat->name[lang], cat->id);
        for (size_t k = 0; k < cat->nareas; k++) {
            const itss_area *a = &cat->areas[k];
            itss__buf_printf(b, "  %s (%s): %zu\n", a->name[lang], a->id, a->nstandards);
            for (size_t i = 0; i < a->nstandards; i++)
                tree_line(b, "    ", a->standards[i], lang);
        }
    }
    itss__buf_puts(b, lang == ITSS_LANG_ZH ? "报告未列入框架的标准\n"
                                           : "Standards the report places in no area\n");
    for (size_t i = 0; i < r->nstandards; i++)
        if (!r->standards[i].area)
            tree_line(b, "    ", &r->standards[i], lang);
}
