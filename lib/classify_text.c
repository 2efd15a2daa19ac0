/* libitss — text renderings of the classification for people (aligned,
 * Chinese or English). */
#include <stdio.h>
#include <string.h>

#include "classify_internal.h"

static const char *const level_name[2][4] = {
    {"", "大类", "中类", "小类"},
    {"", "major class", "middle class", "minor class"},
};

static const char *const relation_label[2][4] = {
    {"等同", "较窄", "较宽", "相关"},
    {"exact", "narrower", "broader", "related"},
};

/* Append s and pad it to display width w. */
static void cell(itss_buf *b, const char *s, size_t w)
{
    itss__buf_puts(b, s);
    size_t dw = itss__display_width(s);
    itss__buf_pad(b, dw < w ? w - dw : 1);
}

static void field(itss_buf *b, const char *label, const char *value, size_t w)
{
    if (!value)
        return;
    cell(b, label, w);
    itss__buf_puts(b, value);
    itss__buf_putc(b, '\n');
}

void itss__text_class(itss_buf *b, const itss_class *c, itss_lang lang)
{
    static const char *const labels[2][9] = {
        {"代码", "名称", "层级", "上级", "说明", "包括", "不包括", "兜底类", "来源"},
        {"Code", "Name", "Level", "Parent", "Description", "Includes", "Excludes",
         "Catch-all", "Source"},
    };
    const char *const *L = labels[lang];
    size_t w = lang == ITSS_LANG_ZH ? 8 : 13;
    char tmp[256];
    field(b, L[0], c->code, w);
    field(b, L[1], c->name[lang], w);
    snprintf(tmp, sizeof tmp, lang == ITSS_LANG_ZH ? "%d（%s）" : "%d (%s)", c->level,
             level_name[lang][c->level]);
    field(b, L[2], tmp, w);
    if (c->parent) {
        snprintf(tmp, sizeof tmp, "%s %s", c->parent->code, c->parent->name[lang]);
        field(b, L[3], tmp, w);
    } else {
        field(b, L[3], "-", w);
    }
    field(b, L[4], c->desc[lang], w);
    field(b, L[5], c->incl[lang], w);
    field(b, L[6], c->excl[lang], w);
    field(b, L[7], c->catch_all ? (lang == ITSS_LANG_ZH ? "是" : "yes")
                                : (lang == ITSS_LANG_ZH ? "否" : "no"),
          w);
    field(b, L[8], c->source, w);
}

void itss__text_class_list(itss_buf *b, const itss_class *const *list, size_t n,
                           itss_lang lang)
{
    if (n == 0) {
        itss__buf_puts(b, lang == ITSS_LANG_ZH ? "（无）\n" : "(none)\n");
        return;
    }
    cell(b, lang == ITSS_LANG_ZH ? "代码" : "Code", 8);
    cell(b, lang == ITSS_LANG_ZH ? "层级" : "Level", 7);
    itss__buf_puts(b, lang == ITSS_LANG_ZH ? "名称\n" : "Name\n");
    for (size_t i = 0; i < n; i++) {
        char lv[8];
        snprintf(lv, sizeof lv, "%d", list[i]->level);
        cell(b, list[i]->code, 8);
        cell(b, lv, 7);
        itss__buf_puts(b, list[i]->name[lang]);
        itss__buf_putc(b, '\n');
    }
}

static void tree_line(itss_buf *b, const itss_class *c, int base, itss_lang lang)
{
    itss__buf_pad(b, (size_t)(c->level - base) * 2);
    cell(b, c->code, 8);
    itss__buf_puts(b, c->name[lang]);
    itss__buf_putc(b, '\n');
    for (size_t i = 0; i < c->nchildren; i++)
        tree_line(b, c->children[i], base, lang);
}

void itss__text_tree(itss_buf *b, const itss_catalog *cat, const itss_class *root,
                     itss_lang lang)
{
    if (root) {
        tree_line(b, root, root->level, lang);
        return;
    }
    itss__buf_printf(b, "%s %s\n", cat->edition, cat->title[lang]);
    for (size_t i = 0; i < cat->ntop; i++)
        tree_line(b, cat->top[i], 1, lang);
}

void itss__text_verdicts(itss_buf *b, const itss_code_verdict *v, size_t n, itss_lang lang)
{
    size_t w = 4;
    char shown[64];
    for (size_t i = 0; i < n; i++) {
        itss__quote(shown, sizeof shown, v[i].input, strlen(v[i].input), 20);
        size_t dw = itss__display_width(shown);
        if (dw > w)
            w = dw;
    }
    for (size_t i = 0; i < n; i++) {
        itss__quote(shown, sizeof shown, v[i].input, strlen(v[i].input), 20);
        cell(b, shown[0] ? shown : "\"\"", w + 2);
        if (v[i].cls) {
            cell(b, lang == ITSS_LANG_ZH ? "有效" : "valid", 9);
            itss__buf_puts(b, v[i].cls->name[lang]);
        } else {
            cell(b, lang == ITSS_LANG_ZH ? "无效" : "invalid", 9);
            itss__buf_puts(b, v[i].message);
        }
        itss__buf_putc(b, '\n');
    }
}

void itss__text_xlinks(itss_buf *b, const itss_crosswalk *x, const char *code, int reverse,
                       const itss_xlink *const *links, size_t n, itss_lang lang)
{
    const char *arrow = reverse ? "<-" : "->";
    itss__buf_printf(b, "%s %s %s %s\n", reverse ? x->scheme : x->cat->edition, code, arrow,
                     reverse ? x->cat->edition : x->scheme);
    if (n == 0) {
        itss__buf_puts(b, lang == ITSS_LANG_ZH ? "  （无对应类别）\n" : "  (no mapping)\n");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const itss_xlink *l = links[i];
        const char *c = reverse ? l->cls->code : l->target->code;
        const char *nm = reverse ? l->cls->name[lang] : l->target->name[lang];
        itss__buf_puts(b, "  ");
        cell(b, c, 8);
        cell(b, relation_label[lang][l->relation], 10);
        itss__buf_puts(b, nm);
        itss__buf_putc(b, '\n');
        if (l->note[lang]) {
            itss__buf_pad(b, 20);
            itss__buf_puts(b, l->note[lang]);
            itss__buf_putc(b, '\n');
        }
    }
}
