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

void itss__text_class(itss_buf *b, const itss_class *c, itss_lang lang)
{
    static const char *const labels[2][9] = {
        {"代码", "名称", "层级", "上级", "说明", "包括", "不包括", "兜底类", "来源"},
        {"Code", "Name", "Level", "Parent", "Description", "Includes", "Excludes",
         "Catch-all", "Source"},
    };
    const char *const *L = labels[lang];
    char level[64], parent[256];
    snprintf(level, sizeof level, lang == ITSS_LANG_ZH ? "%d（%s）" : "%d (%s)", c->level,
             level_name[lang][c->level]);
    if (c->parent)
        snprintf(parent, sizeof parent, "%s %s", c->parent->code, c->parent->name[lang]);
    else
        snprintf(parent, sizeof parent, "-");
    const char *value[9] = {
        c->code, c->name[lang], level, parent, c->desc[lang], c->incl[lang], c->excl[lang],
        c->catch_all ? (lang == ITSS_LANG_ZH ? "是" : "yes") : (lang == ITSS_LANG_ZH ? "否" : "no"),
        c->source,
    };
    itss_table t;
    itss__table_init(&t, b, 0);
    for (int i = 0; i < 9; i++) {
        if (!value[i]) /* a label without a value is left out */
            continue;
        itss__table_row(&t, 0);
        itss__table_cell(&t, L[i]);
        itss__table_cell(&t, value[i]);
    }
    itss__table_end(&t);
}

void itss__text_class_list(itss_buf *b, const itss_class *const *list, size_t n,
                           itss_lang lang)
{
    if (n == 0) {
        itss__buf_puts(b, lang == ITSS_LANG_ZH ? "（无）\n" : "(none)\n");
        return;
    }
    itss_table t;
    itss__table_init(&t, b, 0);
    itss__table_row(&t, 0);
    itss__table_cell(&t, lang == ITSS_LANG_ZH ? "代码" : "Code");
    itss__table_cell(&t, lang == ITSS_LANG_ZH ? "层级" : "Level");
    itss__table_cell(&t, lang == ITSS_LANG_ZH ? "名称" : "Name");
    for (size_t i = 0; i < n; i++) {
        itss__table_row(&t, 0);
        itss__table_cell(&t, list[i]->code);
        itss__table_cellf(&t, "%d", list[i]->level);
        itss__table_cell(&t, list[i]->name[lang]);
    }
    itss__table_end(&t);
}

/* The code column is indented by depth, the names line up. */
static void tree_rows(itss_table *t, const itss_class *c, int base, itss_lang lang)
{
    itss__table_row(t, (size_t)(c->level - base) * 2);
    itss__table_cell(t, c->code);
    itss__table_cell(t, c->name[lang]);
    for (size_t i = 0; i < c->nchildren; i++)
        tree_rows(t, c->children[i], base, lang);
}

void itss__text_tree(itss_buf *b, const itss_catalog *cat, const itss_class *root,
                     itss_lang lang)
{
    itss_table t;
    itss__table_init(&t, b, 0);
    if (root) {
        tree_rows(&t, root, root->level, lang);
    } else {
        itss__buf_put_heading(b, cat->edition, cat->title[lang]);
        for (size_t i = 0; i < cat->ntop; i++)
            tree_rows(&t, cat->top[i], 1, lang);
    }
    itss__table_end(&t);
}

void itss__text_verdicts(itss_buf *b, const itss_code_verdict *v, size_t n, itss_lang lang)
{
    char shown[64];
    itss_table t;
    itss__table_init(&t, b, 0);
    for (size_t i = 0; i < n; i++) {
        itss__quote(shown, sizeof shown, v[i].input, strlen(v[i].input), 20);
        itss__table_row(&t, 0);
        itss__table_cell(&t, shown[0] ? shown : "\"\"");
        if (v[i].cls) {
            itss__table_cell(&t, lang == ITSS_LANG_ZH ? "有效" : "valid");
            itss__table_cell(&t, v[i].cls->name[lang]);
        } else {
            itss__table_cell(&t, lang == ITSS_LANG_ZH ? "无效" : "invalid");
            itss_buf m; /* the message, stored in English, in lang */
            itss__buf_init(&m);
            itss__msg_put(&m, v[i].message, lang);
            itss__table_cell(&t, m.data ? m.data : "");
            if (m.oom)
                b->oom = 1;
            itss__buf_free(&m);
        }
    }
    itss__table_end(&t);
}

void itss__text_xlinks(itss_buf *b, const itss_crosswalk *x, const char *code, int reverse,
                       const itss_xlink *const *links, size_t n, itss_lang lang)
{
    const char *arrow = reverse ? "<-" : "->";
    itss__buf_put_words(b, reverse ? x->scheme : x->cat->edition);
    itss__buf_putc(b, ' ');
    itss__buf_put_words(b, code);
    itss__buf_printf(b, " %s ", arrow);
    itss__buf_put_words(b, reverse ? x->cat->edition : x->scheme);
    itss__buf_putc(b, '\n');
    if (n == 0) {
        itss__buf_puts(b, lang == ITSS_LANG_ZH ? "  （无对应类别）\n" : "  (no mapping)\n");
        return;
    }
    itss_table t;
    itss__table_init(&t, b, 2);
    for (size_t i = 0; i < n; i++) {
        const itss_xlink *l = links[i];
        itss__table_row(&t, 0);
        itss__table_cell(&t, reverse ? l->cls->code : l->target->code);
        itss__table_cell(&t, relation_label[lang][l->relation]);
        itss__table_cell(&t, reverse ? l->cls->name[lang] : l->target->name[lang]);
        /* the note goes under the name it belongs to */
        if (l->note[lang])
            itss__table_line(&t, 2, 0, l->note[lang]);
    }
    itss__table_end(&t);
}
