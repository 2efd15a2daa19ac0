/* libitss — the worksheet writers: an assessment or an evaluation → the
 * rows of its worksheet (sheet_write.h), written as CSV here or as XLSX by
 * xlsx_write.c. The layout is in docs/worksheets.md; the column headers,
 * metadata keys and sheet names come from columns.c, so that the reader
 * finds what the writers write. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sheet_write.h"
#include "../csv_internal.h"
#include "../maturity_internal.h"
#include "../quality_internal.h"

/* ---- building a document -------------------------------------------------- */

static int doc_init(itss__wdoc *d, itss_lang lang, const char *table_key,
                    const itss__sheet_name *columns, size_t nrows, size_t nmeta,
                    itss_error *err)
{
    memset(d, 0, sizeof *d);
    d->lang = lang;
    d->table_name = itss__sheet_label(itss__sheet_key(itss__sheet_names, table_key), lang);
    d->meta_name = itss__sheet_label(itss__sheet_key(itss__sheet_names, "metadata"), lang);
    d->instr_name = itss__sheet_label(itss__sheet_key(itss__sheet_names, "instructions"), lang);
    d->meta_header[0] = lang == ITSS_LANG_ZH ? "字段" : "field";
    d->meta_header[1] = lang == ITSS_LANG_ZH ? "内容" : "value";
    d->rating_col = -1;
    size_t ncols = 0;
    while (columns[ncols].key)
        ncols++;
    d->ncols = ncols;
    d->nrows = nrows;
    d->headers = itss__arena_calloc(&d->arena, ncols, sizeof *d->headers);
    d->widths = itss__arena_calloc(&d->arena, ncols, sizeof *d->widths);
    d->wrap = itss__arena_calloc(&d->arena, ncols, 1);
    d->cells = itss__arena_calloc(&d->arena, nrows ? nrows * ncols : 1, sizeof *d->cells);
    d->group = itss__arena_calloc(&d->arena, nrows ? nrows : 1, sizeof *d->group);
    d->meta = itss__arena_calloc(&d->arena, nmeta ? nmeta * ITSS__W_META_CELLS : 1,
                                 sizeof *d->meta);
    if (!d->headers || !d->widths || !d->wrap || !d->cells || !d->group || !d->meta)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    for (size_t c = 0; c < ncols; c++) {
        d->headers[c] = itss__sheet_label(&columns[c], lang);
        d->widths[c] = 12;
    }
    return ITSS_OK;
}

static long col_of(const itss__sheet_name *columns, const char *key)
{
    for (long c = 0; columns[c].key; c++)
        if (strcmp(columns[c].key, key) == 0)
            return c;
    return -1; /* not reached for the keys of columns.c */
}

static void set_text(itss__wcell *cell, const char *s)
{
    if (s && *s) {
        cell->kind = ITSS__W_TEXT;
        cell->text = s;
    }
}

static void set_number(itss__wcell *cell, double v)
{
    cell->kind = ITSS__W_NUMBER;
    cell->number = v;
}

static itss__wcell *cell_at(itss__wdoc *d, size_t row, long col)
{
    return &d->cells[row * d->ncols + (size_t)col];
}

/* The width and wrapping of a column, by its key. */
typedef struct col_layout {
    const char *key;
    double width;
    unsigned char wrap;
} col_layout;

static void set_layout(itss__wdoc *d, const itss__sheet_name *cols, const col_layout *layout,
                       size_t n)
{
    for (size_t k = 0; k < n; k++) {
        long c = col_of(cols, layout[k].key);
        d->widths[c] = layout[k].width;
        d->wrap[c] = layout[k].wrap;
    }
}

/* A metadata row: key (from table), value text, and optionally a second
 * cell. */
static itss__wcell *meta_row(itss__wdoc *d, const itss__sheet_name *table, const char *key,
                             const char *value)
{
    itss__wcell *row = &d->meta[d->nmeta++ * ITSS__W_META_CELLS];
    set_text(&row[0], itss__sheet_label(itss__sheet_key(table, key), d->lang));
    set_text(&row[1], value);
    return row;
}

/* Every text fits in a cell (the readers' limit and the XLSX one). */
static int check_lengths(const itss__wdoc *d, itss_error *err)
{
    for (size_t r = 0; r < d->nrows; r++)
        for (size_t c = 0; c < d->ncols; c++) {
            const itss__wcell *cell = &d->cells[r * d->ncols + c];
            size_t n = cell->kind == ITSS__W_TEXT ? strlen(cell->text) : 0;
            if (n > ITSS__SHEET_MAX_TEXT) {
                const itss__wcell *id = &d->cells[r * d->ncols];
                return itss__err(err, ITSS_ELIMIT,
                                 "the %s of %s is %zu bytes long: a worksheet cell holds at "
                                 "most %u",
                                 d->headers[c], id->kind == ITSS__W_TEXT ? id->text : "?", n,
                                 ITSS__SHEET_MAX_TEXT);
            }
        }
    for (size_t r = 0; r < d->nmeta; r++)
        for (size_t c = 1; c < ITSS__W_META_CELLS; c++) {
            const itss__wcell *cell = &d->meta[r * ITSS__W_META_CELLS + c];
            size_t n = cell->kind == ITSS__W_TEXT ? strlen(cell->text) : 0;
            if (n > ITSS__SHEET_MAX_TEXT)
                return itss__err(err, ITSS_ELIMIT,
                                 "the metadata \"%s\" is %zu bytes long: a worksheet cell "
                                 "holds at most %u",
                                 d->meta[r * ITSS__W_META_CELLS].text, n,
                                 ITSS__SHEET_MAX_TEXT);
        }
    return ITSS_OK;
}

/* ---- CSV ------------------------------------------------------------------------ */

static void csv_cell(itss_csv *w, const itss__wcell *cell)
{
    char tmp[40];
    if (cell->kind == ITSS__W_NUMBER) {
        itss__format_double(tmp, sizeof tmp, cell->number);
        itss__csv_cell(w, tmp);
    } else {
        itss__csv_cell(w, cell->kind == ITSS__W_TEXT ? cell->text : NULL);
    }
}

/* The metadata rows (key and value, and a third cell where there is one),
 * an empty row, the header row and the data rows, after a byte-order
 * mark. */
static int write_csv(const itss__wdoc *d, char **out, size_t *len, itss_error *err)
{
    itss_buf b;
    itss_csv w;
    itss__buf_init(&b);
    itss__buf_puts(&b, "\xEF\xBB\xBF");
    itss__csv_init(&w, &b);
    for (size_t r = 0; r < d->nmeta; r++) {
        const itss__wcell *row = &d->meta[r * ITSS__W_META_CELLS];
        size_t n = ITSS__W_META_CELLS;
        while (n > 2 && row[n - 1].kind == ITSS__W_EMPTY)
            n--;
        for (size_t c = 0; c < n; c++)
            csv_cell(&w, &row[c]);
        itss__csv_row_end(&w);
    }
    itss__csv_row_end(&w);
    for (size_t c = 0; c < d->ncols; c++)
        itss__csv_cell(&w, d->headers[c]);
    itss__csv_row_end(&w);
    for (size_t r = 0; r < d->nrows; r++) {
        for (size_t c = 0; c < d->ncols; c++)
            csv_cell(&w, &d->cells[r * d->ncols + c]);
        itss__csv_row_end(&w);
    }
    return itss__buf_finish(&b, out, len, err);
}

static int write_doc(itss__wdoc *d, itss_format format, char **out, size_t *len,
                     itss_error *err)
{
    int rc = check_lengths(d, err);
    if (!rc)
        rc = format == ITSS_FORMAT_XLSX ? itss__xlsx_write(d, out, len, err)
                                        : write_csv(d, out, len, err);
    itss__arena_free(&d->arena);
    return rc;
}

/* ---- assessments ----------------------------------------------------------- */

static const char *const mat_instructions[2][16] = {
    {"填写说明",
     "本工作簿是运维服务能力成熟度评估表：“评估表”每行一条要求条款，在“评级”列填写评估结果；"
     "“基本信息”填写评估的基本情况；本页只作说明，读取时不使用。",
     "各列含义",
     "条款：要求条款的编号，读取时按它找到条款，请勿改动。行的先后顺序不限，空行会被忽略。",
     "级别、能力域、能力项、要求摘要：条款所在的等级、能力域（空白表示属于整个等级的通用要求）、"
     "能力项和要求的简述，只供阅读，读取时不使用。",
     "评级：F、L、P、N、met、not_met、na，或 0 到 100 的数字（达成的百分比，可写成 85、85.5 或 "
     "85%）；留空表示尚未评定，计为不满足。",
     "证据、备注：支持评级的材料和评估人的说明。只有已评级的条款才能填写。",
     "不适用理由：评级为 na 时必须填写，其他评级不能填写。",
     "评级的含义",
     NULL, /* the percentage bands of the model */
     "met 表示满足（等同完全满足），not_met 表示不满足；na 表示条款不适用，它不计入任何等级。"
     "完全满足：met、F；大部分满足：完全满足或 L。",
     NULL, /* the rule of the model */
     "基本信息",
     "在“基本信息”表的“内容”列填写：模型（评估所用模型的编号，须与读取时所用模型一致）、"
     "评估编号、组织、范围、日期（YYYY-MM-DD）、评估人、说明和评级方式（any 任意评级、binary "
     "仅 met/not_met/na、nplf 仅 N/P/L/F、百分数和 na）。不填的留空。",
     NULL, NULL},
    {"Instructions",
     "This workbook is a capability maturity assessment: each row of the sheet \"assessment\" is "
     "one requirement clause; write the rating in the column \"rating\". The sheet "
     "\"metadata\" holds facts about the assessment. This sheet only explains and is not read.",
     "Columns",
     "clause: the id of the requirement clause, by which the row is read; do not change it. Rows "
     "may come in any order; empty rows are skipped.",
     "level, domain, item, summary: the clause's level, domain (empty for a requirement of the "
     "whole level), item and a short description, for reading only; they are not read back.",
     "rating: F, L, P, N, met, not_met, na, or a number from 0 to 100 (the percentage achieved: "
     "85, 85.5 or 85%); empty means not rated yet, which counts as not satisfied.",
     "evidence, note: what supports the rating and the assessor's remarks. Only a rated clause "
     "can have them.",
     "na_reason: required when the rating is na, and only then.",
     "What the ratings mean",
     NULL,
     "met means satisfied (counts as fully), not_met not satisfied; na means the clause does "
     "not apply and counts for no level. Fully satisfied: met or F; largely satisfied: fully or "
     "L.",
     NULL,
     "Metadata",
     "In the column \"value\" of the sheet \"metadata\": model (the id of the model assessed "
     "against; it must be the model used to read the workbook), id, organization, scope, date "
     "(YYYY-MM-DD), assessor, notes and scale (any: every rating; binary: met, not_met and na "
     "only; nplf: N, P, L, F, percentages and na only). Leave unknown values empty.",
     NULL, NULL},
};

/* The lines of the instructions sheet of a maturity workbook, with the
 * model's percentage bands and rule. */
static int maturity_instructions(itss__wdoc *d, const itss_maturity_model *m,
                                 itss_error *err)
{
    const itss_lang lang = d->lang;
    const int zh = lang == ITSS_LANG_ZH;
    const char **lines = itss__arena_calloc(&d->arena, 16, sizeof *lines);
    if (!lines)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    char p[40], l[40], f[40], bands[512], rule[512];
    itss__format_double(p, sizeof p, m->thresholds[0]);
    itss__format_double(l, sizeof l, m->thresholds[1]);
    itss__format_double(f, sizeof f, m->thresholds[2]);
    if (zh)
        snprintf(bands, sizeof bands,
                 "F 完全达成（高于 %s%%），L 大部分达成（高于 %s%% 至 %s%%），P 部分达成（高于 "
                 "%s%% 至 %s%%），N 未达成（%s%% 及以下）；填写的百分数按此分档。",
                 f, l, f, p, l, p);
    else
        snprintf(bands, sizeof bands,
                 "F fully achieved (above %s%%), L largely (above %s%% up to %s%%), P partially "
                 "(above %s%% up to %s%%), N not achieved (%s%% or less); a percentage is graded "
                 "by these bands.",
                 f, l, f, p, l, p);
    static const char *const need[2][2] = {{"大部分满足", "完全满足"}, {"largely", "fully"}};
    int at = m->rule_at == ITSS_SAT_FULLY, below = m->rule_below == ITSS_SAT_FULLY;
    if (zh)
        snprintf(rule, sizeof rule,
                 "等级规则：达到某一等级，要求该等级的每条适用条款%s，且以下各级的每条适用条款"
                 "%s；等级从低到高逐级达到，不能跳过。",
                 need[0][at], need[0][below]);
    else
        snprintf(rule, sizeof rule,
                 "The level rule: a level is reached when every applicable clause of the level is "
                 "%s satisfied and every applicable clause of the levels below it %s satisfied "
                 "(T/CESA 1299-2023: largely at the level, fully below); levels are reached in "
                 "order, none skipped.",
                 need[1][at], need[1][below]);
    for (size_t i = 0; i < 14; i++)
        lines[i] = mat_instructions[lang][i];
    lines[9] = itss__arena_strdup(&d->arena, bands);
    lines[11] = itss__arena_strdup(&d->arena, rule);
    if (!lines[9] || !lines[11])
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    d->instructions = lines;
    return ITSS_OK;
}

/* "1 基本级（四级）", "1 Basic (ITSS grade 4)"; "3 Optimised" without a
 * label. */
static const char *level_cell(itss__wdoc *d, const itss_maturity_model *m, int level)
{
    const itss_maturity_level *l = &m->levels[level - 1];
    const char *name = l->name[d->lang], *label = l->label[d->lang];
    char tmp[512];
    if (label && strcmp(label, name) != 0)
        snprintf(tmp, sizeof tmp, d->lang == ITSS_LANG_ZH ? "%d %s（%s）" : "%d %s (%s)", level,
                 name, label);
    else
        snprintf(tmp, sizeof tmp, "%d %s", level, name);
    return itss__arena_strdup(&d->arena, tmp);
}

/* "17 事件管理"; several items joined with "; "; NULL when none. */
static const char *item_cell(itss__wdoc *d, const itss_maturity_clause *c)
{
    if (!c->nitems)
        return NULL;
    itss_buf b;
    itss__buf_init(&b);
    for (size_t k = 0; k < c->nitems; k++)
        itss__buf_printf(&b, k ? "; %d %s" : "%d %s", c->items[k]->number,
                         c->items[k]->name[d->lang]);
    const char *s = b.oom ? NULL : itss__arena_strdup(&d->arena, b.data);
    itss__buf_free(&b);
    return s;
}

static int maturity_doc(itss__wdoc *d, const itss_assessment *a, int level,
                        const itss_maturity_domain *dom, itss_lang lang, itss_error *err)
{
    const itss_maturity_model *m = a->model;
    size_t n = 0;
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        if ((!level || c->level == level) && (!dom || c->domain == dom)) {
            n++;
        } else if (a->ratings[i].kind) {
            char sel[160];
            int k = snprintf(sel, sizeof sel, "level %d", level);
            if (!level)
                k = snprintf(sel, sizeof sel, "every level");
            if (dom && k >= 0 && (size_t)k < sizeof sel)
                snprintf(sel + k, sizeof sel - (size_t)k, ", domain %s", dom->id);
            return itss__err(err, ITSS_EVALUE,
                             "clause %s is rated but outside the selection (%s): a worksheet "
                             "of that selection would lose its rating",
                             c->id, sel);
        }
    }
    const itss__sheet_name *cols = itss__maturity_columns;
    int rc = doc_init(d, lang, "assessment", cols, n, 8, err);
    if (rc)
        return rc;
    static const col_layout layout[] = {{"clause", 11, 0},   {"level", 24, 0},    {"domain", 14, 0},
                  {"item", 22, 1},     {"summary", 56, 1},  {"rating", 9, 0},
                  {"evidence", 32, 1}, {"note", 28, 1},     {"na_reason", 24, 1}};
    set_layout(d, cols, layout, sizeof layout / sizeof layout[0]);
    const long c_clause = col_of(cols, "clause"), c_level = col_of(cols, "level"),
               c_domain = col_of(cols, "domain"), c_item = col_of(cols, "item"),
               c_summary = col_of(cols, "summary"), c_rating = col_of(cols, "rating"),
               c_evidence = col_of(cols, "evidence"), c_note = col_of(cols, "note"),
               c_reason = col_of(cols, "na_reason");
    d->rating_col = c_rating;
    d->rating_tip = lang == ITSS_LANG_ZH
                        ? "选择 F、L、P、N、met、not_met 或 na（na 须在“不适用理由”列说明），"
                          "也可以填写 0 到 100 的数字（达成的百分比）。"
                        : "Choose F, L, P, N, met, not_met or na (na needs a reason in "
                          "na_reason), or write a number from 0 to 100 (the percentage "
                          "achieved).";
    size_t row = 0, group = 0;
    const itss_maturity_domain *prev = NULL;
    for (size_t i = 0; i < m->nclauses; i++) {
        const itss_maturity_clause *c = &m->clauses[i];
        if ((level && c->level != level) || (dom && c->domain != dom))
            continue;
        const itss_rating *r = &a->ratings[i];
        if (row && c->domain != prev)
            group++;
        prev = c->domain;
        d->group[row] = group;
        set_text(cell_at(d, row, c_clause), c->id);
        const char *lv = level_cell(d, m, c->level), *it = item_cell(d, c);
        if (!lv || (c->nitems && !it))
            return itss__err(err, ITSS_ENOMEM, "out of memory");
        set_text(cell_at(d, row, c_level), lv);
        set_text(cell_at(d, row, c_domain), c->domain ? c->domain->name[lang] : NULL);
        set_text(cell_at(d, row, c_item), it);
        set_text(cell_at(d, row, c_summary), c->summary[lang]);
        if (r->kind == ITSS_RATING_PERCENT)
            set_number(cell_at(d, row, c_rating), r->percent);
        else if (r->kind)
            set_text(cell_at(d, row, c_rating), itss__rating_token((itss_rating_kind)r->kind));
        set_text(cell_at(d, row, c_evidence), r->evidence);
        set_text(cell_at(d, row, c_note), r->note);
        set_text(cell_at(d, row, c_reason), r->reason);
        row++;
    }
    const itss__sheet_name *keys = itss__maturity_meta_keys;
    meta_row(d, keys, "model", m->id);
    for (int k = 0; k < ITSS_ASSESSMENT_META_COUNT; k++)
        meta_row(d, keys, itss__assessment_meta_keys[k], a->meta[k]);
    meta_row(d, keys, "scale", itss__scale_name(a->scale));
    return maturity_instructions(d, m, err);
}

int itss__assessment_write_sheet(const itss_assessment *a, int level,
                                 const itss_maturity_domain *d, itss_format format,
                                 itss_lang lang, char **out, size_t *len, itss_error *err)
{
    itss__wdoc doc = {0};
    int rc = maturity_doc(&doc, a, level, d, lang, err);
    if (rc) {
        itss__arena_free(&doc.arena);
        return rc;
    }
    return write_doc(&doc, format, out, len, err);
}

/* ---- evaluations ------------------------------------------------------------ */

static const char *const qual_instructions[2][14] = {
    {"填写说明",
     "本工作簿是服务质量评价的测量表：“评价表”每行一个评价指标，填写测量结果；“基本信息”填写"
     "服务类别、评价周期等；本页只作说明，读取时不使用。",
     "各列含义",
     "指标：指标编号，读取时按它找到指标，请勿改动；行的顺序就是评价方案中指标的顺序。",
     "指标名称、子特性、方法、测量说明：只供阅读。比值类指标的测量说明写出 A 和 B 各数什么；"
     "评分类指标写出 1 到 5 分各代表什么。",
     "A、B：比值类指标的两个数，A 是达到要求的数量，B 是全部数量，0 ≤ A ≤ B；B 为 0 表示本周期"
     "没有发生，指标不参与评价。",
     "评分：评分类指标的评分，每个是 1 到 5 的整数，多位评价人的评分用空格、逗号或顿号分开，"
     "取平均；也可以每人一列，列名为 评分1、评分2……",
     "权重：指标的权重，不小于 0 的数，默认 1。",
     "不适用理由：指标不适用时填写理由，此时不填测量结果。",
     "基本信息",
     "在“基本信息”表填写：服务类别（GB/T 29264 的代码，必填）、评价周期、评价编号、供方、需方、"
     "评价人、日期（YYYY-MM-DD）、说明。“权重”行：第二列是特性或子特性的编号，第三列是它的权重"
     "（不填的为 1）。“等级”行：第二列是等级名称，第三列是达到该等级的最低总分（0 到 1）。",
     NULL, NULL, NULL},
    {"Instructions",
     "This workbook is a quality measurement sheet: each row of the sheet \"evaluation\" is one "
     "indicator of the scheme; write its measurement there. The sheet \"metadata\" holds the "
     "service category, the period and other facts. This sheet only explains and is not read.",
     "Columns",
     "indicator: the id of the indicator, by which the row is read; do not change it. The order "
     "of the rows is the order of the scheme.",
     "name, subcharacteristic, method, measures: for reading only. For a ratio indicator the "
     "measures say what A and B count; for a rating indicator what each score 1 to 5 means.",
     "A, B: the two counts of a ratio indicator: A the items that meet the requirement, B all "
     "items, 0 <= A <= B. B = 0 means nothing happened in the period: the indicator is not "
     "evaluated.",
     "scores: the scores of a rating indicator, whole numbers 1 to 5, several raters' scores "
     "separated by spaces, commas or semicolons and averaged; or one column per rater headed "
     "score1, score2, ...",
     "weight: the indicator's weight, a number >= 0, 1 by default.",
     "na_reason: why the indicator does not apply; then give no measurement.",
     "Metadata",
     "In the sheet \"metadata\": service (the GB/T 29264 code, required), period, id, provider, "
     "customer, evaluator, date (YYYY-MM-DD), notes. A row \"weight\" gives a characteristic or "
     "sub-characteristic id in the second column and its weight in the third (1 when not "
     "given). A row \"band\" gives a grade in the second column and the lowest overall score "
     "that earns it (0 to 1) in the third.",
     NULL, NULL, NULL},
};

/* "A: …… / B: ……" for a ratio indicator, "1: ……; 2: ……" for a rating one. */
static const char *measures_cell(itss__wdoc *d, const itss_indicator *ind)
{
    itss_buf b;
    itss__buf_init(&b);
    if (ind->method == ITSS_METHOD_RATIO) {
        itss__buf_printf(&b, "A: %s / B: %s", ind->a[d->lang] ? ind->a[d->lang] : "",
                         ind->b[d->lang] ? ind->b[d->lang] : "");
    } else {
        for (int k = 0; k < 5; k++)
            itss__buf_printf(&b, k ? "; %d: %s" : "%d: %s", k + 1,
                             ind->anchor[k][d->lang] ? ind->anchor[k][d->lang] : "");
    }
    const char *s = b.oom ? NULL : itss__arena_strdup(&d->arena, b.data);
    itss__buf_free(&b);
    return s;
}

static const char *scores_cell(itss__wdoc *d, const itss_measure *ms)
{
    itss_buf b;
    itss__buf_init(&b);
    for (size_t k = 0; k < ms->nscores; k++)
        itss__buf_printf(&b, k ? " %d" : "%d", ms->scores[k]);
    const char *s = b.oom ? NULL : itss__arena_strdup(&d->arena, b.data);
    itss__buf_free(&b);
    return s;
}

static int evaluation_doc(itss__wdoc *d, const itss_evaluation *e, itss_lang lang,
                          itss_error *err)
{
    const itss_quality_model *m = e->model;
    const itss__sheet_name *cols = itss__quality_columns;
    size_t nmeta = 1 + ITSS_EVALUATION_META_COUNT + m->nchars + m->nsubs + e->nbands;
    int rc = doc_init(d, lang, "evaluation", cols, e->nsel, nmeta, err);
    if (rc)
        return rc;
    static const col_layout layout[] = {{"indicator", 18, 0}, {"name", 20, 1},  {"subcharacteristic", 12, 0},
                  {"method", 8, 0},     {"measures", 50, 1}, {"A", 9, 0},
                  {"B", 9, 0},          {"scores", 12, 0}, {"weight", 8, 0},
                  {"na_reason", 24, 1}};
    set_layout(d, cols, layout, sizeof layout / sizeof layout[0]);
    const long c_id = col_of(cols, "indicator"), c_name = col_of(cols, "name"),
               c_sub = col_of(cols, "subcharacteristic"), c_method = col_of(cols, "method"),
               c_measures = col_of(cols, "measures"), c_a = col_of(cols, "A"),
               c_b = col_of(cols, "B"), c_scores = col_of(cols, "scores"),
               c_weight = col_of(cols, "weight"), c_reason = col_of(cols, "na_reason");
    static const char *const method[2][2] = {{"比值", "评分"}, {"ratio", "rating"}};
    size_t group = 0;
    for (size_t i = 0; i < e->nsel; i++) {
        const itss_indicator *ind = e->sel[i];
        const itss_measure *ms = &e->meas[i];
        if (i && ind->sub != e->sel[i - 1]->sub)
            group++;
        d->group[i] = group;
        set_text(cell_at(d, i, c_id), ind->id);
        set_text(cell_at(d, i, c_name), ind->name[lang]);
        set_text(cell_at(d, i, c_sub), ind->sub->name[lang]);
        set_text(cell_at(d, i, c_method), method[lang][ind->method == ITSS_METHOD_RATING]);
        const char *meas = measures_cell(d, ind);
        if (!meas)
            return itss__err(err, ITSS_ENOMEM, "out of memory");
        set_text(cell_at(d, i, c_measures), meas);
        if (ms->kind == ITSS_MEASUREMENT_RATIO) {
            set_number(cell_at(d, i, c_a), ms->a);
            set_number(cell_at(d, i, c_b), ms->b);
        } else if (ms->kind == ITSS_MEASUREMENT_SCORES) {
            const char *sc = scores_cell(d, ms);
            if (!sc)
                return itss__err(err, ITSS_ENOMEM, "out of memory");
            set_text(cell_at(d, i, c_scores), sc);
        } else if (ms->kind == ITSS_MEASUREMENT_NA) {
            set_text(cell_at(d, i, c_reason), ms->reason);
        }
        set_number(cell_at(d, i, c_weight), e->wind[i]);
    }
    const itss__sheet_name *keys = itss__quality_meta_keys;
    static const char *const order[] = {"period", "id",   "provider", "customer",
                                        "evaluator", "date", "notes"};
    meta_row(d, keys, "service", e->service);
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
        meta_row(d, keys, order[k],
                 e->meta[itss__meta_index(itss__evaluation_meta_keys,
                                          ITSS_EVALUATION_META_COUNT, order[k])]);
    for (size_t c = 0; c < m->nchars; c++)
        if (e->wchar[c] != 1)
            set_number(&meta_row(d, keys, "weight", m->chars[c].id)[2], e->wchar[c]);
    for (size_t s = 0; s < m->nsubs; s++)
        if (e->wsub[s] != 1)
            set_number(&meta_row(d, keys, "weight", m->subs[s].id)[2], e->wsub[s]);
    for (size_t k = 0; k < e->nbands; k++)
        set_number(&meta_row(d, keys, "band", e->bands[k].grade)[2], e->bands[k].min);
    d->instructions = qual_instructions[lang];
    return ITSS_OK;
}

int itss__evaluation_write_sheet(const itss_evaluation *e, itss_format format, itss_lang lang,
                                 char **out, size_t *len, itss_error *err)
{
    itss__wdoc doc = {0};
    int rc = evaluation_doc(&doc, e, lang, err);
    if (rc) {
        itss__arena_free(&doc.arena);
        return rc;
    }
    return write_doc(&doc, format, out, len, err);
}
