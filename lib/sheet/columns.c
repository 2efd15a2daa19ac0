/* libitss — the names of a worksheet's columns, metadata keys and sheets,
 * shared by the writers and the mapping (docs/worksheets.md lists them). */
#include "sheet.h"

const itss__sheet_name itss__maturity_columns[] = {
    {"clause", "条款"},     {"level", "级别"},    {"domain", "能力域"},
    {"item", "能力项"},     {"summary", "要求摘要"}, {"rating", "评级"},
    {"evidence", "证据"},   {"note", "备注"},     {"na_reason", "不适用理由"},
    {NULL, NULL},
};

const itss__sheet_name itss__maturity_meta_keys[] = {
    {"model", "模型"},      {"id", "评估编号"},   {"organization", "组织"},
    {"scope", "范围"},      {"date", "日期"},     {"assessor", "评估人"},
    {"notes", "说明"},      {"scale", "评级方式"},
    {NULL, NULL},
};

const itss__sheet_name itss__quality_columns[] = {
    {"indicator", "指标"},  {"name", "指标名称"},  {"subcharacteristic", "子特性"},
    {"method", "方法"},     {"measures", "测量说明"}, {"A", "A"},
    {"B", "B"},             {"scores", "评分"},    {"weight", "权重"},
    {"na_reason", "不适用理由"},
    {NULL, NULL},
};

const itss__sheet_name itss__quality_meta_keys[] = {
    {"service", "服务类别"}, {"period", "评价周期"}, {"id", "评价编号"},
    {"provider", "供方"},   {"customer", "需方"},   {"evaluator", "评价人"},
    {"date", "日期"},       {"notes", "说明"},     {"weight", "权重"},
    {"band", "等级"},
    {NULL, NULL},
};

const itss__sheet_name itss__sheet_names[] = {
    {"assessment", "评估表"}, {"metadata", "基本信息"}, {"instructions", "填写说明"},
    {"evaluation", "评价表"},
    {NULL, NULL},
};

const char *itss__sheet_label(const itss__sheet_name *n, itss_lang lang)
{
    return lang == ITSS_LANG_ZH ? n->zh : n->key;
}

/* text equals want after trimming ASCII white space, ASCII case folded */
static int same_header(const char *text, const char *want)
{
    while (*text == ' ' || *text == '\t' || *text == '\r' || *text == '\n')
        text++;
    size_t n = strlen(text);
    while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\r' ||
                     text[n - 1] == '\n'))
        n--;
    if (n != strlen(want))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)text[i], b = (unsigned char)want[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

const itss__sheet_name *itss__sheet_match(const itss__sheet_name *table, const char *text)
{
    if (!text)
        return NULL;
    for (const itss__sheet_name *n = table; n->key; n++)
        if (same_header(text, n->key) || same_header(text, n->zh))
            return n;
    return NULL;
}

const itss__sheet_name *itss__sheet_key(const itss__sheet_name *table, const char *key)
{
    for (const itss__sheet_name *n = table; n->key; n++)
        if (strcmp(n->key, key) == 0)
            return n;
    return NULL;
}
