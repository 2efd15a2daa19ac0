/*
 * libitss — maturity model, assessment and result internals, shared by the
 * engine (maturity.c), the JSON layer (json/maturity_json.c) and the text
 * renderer (maturity_text.c).
 */
#ifndef ITSS_MATURITY_INTERNAL_H
#define ITSS_MATURITY_INTERNAL_H

#include "internal.h"
#include "itss/maturity.h"

#define ITSS_MATURITY_FORMAT "itss-maturity-model/1"
#define ITSS_MAX_LEVELS 9
#define ITSS_MAX_ID 64
#define ITSS_ASSESSMENT_META_COUNT 6
/* Documented limits of a model (docs/maturity.md). */
#define ITSS_MAX_PARTS 100
#define ITSS_MAX_DOMAINS 1000
#define ITSS_MAX_ITEMS 10000
#define ITSS_MAX_CLAUSES 100000
#define ITSS_MAX_ALIASES 16
#define ITSS_MAX_CLAUSE_ITEMS 64 /* items named by one clause */
#define ITSS_MAX_COMPARED 100000 /* results in one comparison */
#define ITSS_MAX_KEY_INDICATORS 32 /* key indicators per level or clause */
/* The default percentage bands (ISO/IEC 33020): a percentage above
 * thresholds[0] is P, above [1] L, above [2] F. */
#define ITSS_DEFAULT_THRESHOLD_P 15.0
#define ITSS_DEFAULT_THRESHOLD_L 50.0
#define ITSS_DEFAULT_THRESHOLD_F 85.0

struct itss_maturity_level {
    int ordinal;
    char *name[2];
    char *label[2]; /* NULL when the model gives none */
    char *desc[2];  /* NULL when absent */
    char *source;   /* NULL when absent */
    char *const (*indicators)[2]; /* key indicators, [nindicators][lang] */
    size_t nindicators;
};

struct itss_maturity_part {
    char *id;
    char *name[2];
};

struct itss_maturity_domain {
    char *id;
    int number;
    size_t index; /* position in the model's domain array */
    const itss_maturity_part *part;
    char *name[2];
    char *const (*desc)[2]; /* [level - 1][lang]; NULL when the model gives none */
    int ndesc;        /* = the model's level count when desc is set */
    char *source;
};

struct itss_maturity_item {
    int number;
    size_t index; /* position in the model's item array (sorted by number) */
    size_t src;   /* position in the document */
    const itss_maturity_domain *domain;
    char *name[2];
    char *const *aliases;
    size_t naliases;
    char *cites; /* the clause of another standard the item stands for; NULL when none */
    char *source;
};

struct itss_maturity_clause {
    char *id;
    int level;
    size_t index; /* model order */
    size_t src;   /* position in the document */
    const itss_maturity_domain *domain; /* NULL: level-wide */
    const itss_maturity_item *item; /* the first of items; NULL: domain- or level-wide */
    const itss_maturity_item *const *items; /* [nitems], ascending numbers */
    size_t nitems;
    char *summary[2];
    char *source;
    int should; /* a recommendation (obligation "should") */
    char *const (*indicators)[2]; /* key indicators, [nindicators][lang] */
    size_t nindicators;
};

/* Appendix-A-like informative table: which levels each item is marked at,
 * and the documented differences from what the clauses give. */
typedef struct itss_item_levels_row {
    const itss_maturity_item *item;
    unsigned levels; /* bit (level - 1) */
} itss_item_levels_row;

typedef struct itss_item_levels_diff {
    const itss_maturity_item *item;
    int level;
    char *reason[2];
} itss_item_levels_diff;

/* A loader warning: what looks wrong, and where in the document. */
typedef struct itss_mwarning {
    char *message;
    char *path;
} itss_mwarning;

struct itss_maturity_model {
    itss_arena arena; /* owns everything below; the struct itself is malloc'd */
    int builtin;
    char *id;
    char *edition;
    char *title[2];
    char *source;
    int nlevels;
    const itss_maturity_level *levels; /* [nlevels], ordinal i + 1 at i */
    const itss_maturity_part *parts;
    size_t nparts;
    const itss_maturity_domain *domains; /* document order */
    size_t ndomains;
    const itss_maturity_domain *const *domain_by_id; /* sorted by id */
    const itss_maturity_item *items; /* sorted by number */
    size_t nitems;
    const itss_maturity_clause *clauses; /* model order */
    size_t nclauses;
    const itss_maturity_clause *const *by_id; /* sorted by id, for lookup */
    /* optional informative item x level table */
    int has_item_levels;
    char *item_levels_source;
    const itss_item_levels_row *il_rows;
    size_t nil_rows;
    const itss_item_levels_diff *il_diffs;
    size_t nil_diffs;
    /* the rating rule: what a level's own clauses need (at) and what the
     * clauses of the levels below it need (below), ITSS_SAT_LARGELY or
     * ITSS_SAT_FULLY; has_rule: given by the document */
    itss_satisfaction rule_at, rule_below;
    int has_rule;
    /* the percentage bands: above [0] P, above [1] L, above [2] F;
     * has_thresholds: given by the document */
    double thresholds[3];
    int has_thresholds;
    const itss_mwarning *warnings; /* domains, then items, without clauses */
    size_t nwarnings;
};

typedef struct itss_rating {
    unsigned char kind; /* itss_rating_kind */
    double percent;
    char *reason; /* malloc'd, na only */
    char *evidence;
    char *note;
} itss_rating;

struct itss_assessment {
    const itss_maturity_model *model;
    itss_rating_scale scale;
    itss_rating *ratings; /* [model->nclauses], model order */
    size_t nrated;
    char *meta[ITSS_ASSESSMENT_META_COUNT];
};

extern const char *const itss__assessment_meta_keys[ITSS_ASSESSMENT_META_COUNT];

/* Per group counts used by the result. */
typedef struct itss_mstats {
    size_t total;      /* clauses */
    size_t applicable; /* not na */
    size_t fully;
    size_t largely; /* at least largely (includes fully) */
    size_t unrated;
    size_t na;
} itss_mstats;

typedef struct itss_mgap {
    const itss_maturity_clause *clause;
    itss_satisfaction required;
} itss_mgap;

struct itss_maturity_result {
    const itss_maturity_model *model;
    itss_rating_scale scale;
    int level;
    int target;
    int *domain_level;             /* [ndomains] */
    itss_mstats *by_level;         /* [nlevels + 1]: 0 = all levels */
    itss_mstats *by_domain;        /* [ndomains * (nlevels + 1)] */
    itss_mstats *by_item;          /* [nitems * (nlevels + 1)] */
    itss_mstats should;            /* the recommendations, apart */
    itss_mstats *by_wide;          /* [nlevels + 1]: the level-wide clauses */
    unsigned char *sat;            /* [nclauses] itss_satisfaction */
    itss_rating *ratings;          /* copies: kind, percent, reason (na), evidence, note */
    itss_mgap *gaps;
    size_t ngaps;
    size_t *unrated; /* clause indexes, model order */
    size_t nunrated;
    size_t *na;
    size_t nna;
    char *meta[ITSS_ASSESSMENT_META_COUNT];
};

/* Lookup by id (binary search); NULL if absent. */
const itss_maturity_clause *itss__mclause_find(const itss_maturity_model *m, const char *id);
const itss_maturity_domain *itss__mdomain_find(const itss_maturity_model *m, const char *id);
const itss_maturity_item *itss__mitem_find(const itss_maturity_model *m, int number);

/* Building, in this order, by the JSON layer: fill levels, parts, domains
 * and items (index = position in the document); sort the items by number
 * (then itss__mitem_find works; duplicates end up adjacent); fill the
 * clauses; finish: sort the clauses into model order (level, domain, item,
 * document order) and build the id index (duplicates end up adjacent).
 * Returns 0 or ITSS_ENOMEM. */
int itss__mmodel_sort_items(itss_maturity_model *m);
/* Build the domain id index (after the domains are filled). */
int itss__mmodel_index_domains(itss_maturity_model *m);
int itss__mmodel_finish(itss_maturity_model *m);

/* Rate a clause already looked up, with any kind of rating (the setters
 * of an assessment without the lookup and without clearing err). */
int itss__assessment_rate(itss_assessment *a, const itss_maturity_clause *c,
                          itss_rating_kind kind, double percent, const char *reason,
                          itss_error *err);

/* How a rating satisfies its clause, with the model's percentage bands. */
itss_satisfaction itss__rating_sat(const itss_maturity_model *m, const itss_rating *r);
/* The grade of a rating with the model's percentage bands (as
 * itss_rating_grade). */
itss_rating_kind itss__mgrade(const itss_maturity_model *m, itss_rating_kind kind,
                              double percent);
/* "largely" or "fully". */
const char *itss__sat_word(itss_satisfaction s);
/* Whether a kind is allowed by a scale. */
int itss__scale_allows(itss_rating_scale scale, itss_rating_kind kind);
const char *itss__scale_name(itss_rating_scale scale);
/* The JSON token of a non-percent kind: "met", "not_met", "N", ..., "na". */
const char *itss__rating_token(itss_rating_kind kind);

/* Writers (json/maturity_json.c, maturity_text.c). */
void itss__json_mmodel(itss_buf *b, const itss_maturity_model *m, int pretty);
void itss__json_mclauses(itss_buf *b, const itss_maturity_clause *const *list, size_t n,
                         int pretty);
void itss__json_assessment(itss_buf *b, const itss_assessment *a, int pretty);
void itss__json_mresult(itss_buf *b, const itss_maturity_result *r, int pretty);
/* {"domains": [...]}: the result's "domains" array alone. */
void itss__json_mdomains(itss_buf *b, const itss_maturity_result *r, int pretty);
void itss__text_mmodel(itss_buf *b, const itss_maturity_model *m, itss_lang lang);
void itss__text_mclauses(itss_buf *b, const itss_maturity_clause *const *list, size_t n,
                         itss_lang lang);
void itss__text_mresult(itss_buf *b, const itss_maturity_result *r, itss_lang lang);
/* The domain profile of the text report (a table: domain, level, share
 * fully satisfied). */
void itss__text_mprofile(itss_buf *b, const itss_maturity_result *r, itss_lang lang);
/* Flat CSV tables of a result (csv_render.c): one row per clause, one row
 * per domain. */
void itss__csv_mresult(itss_buf *b, const itss_maturity_result *r);
void itss__csv_mdomains(itss_buf *b, const itss_maturity_result *r, itss_lang lang);
/* The result as an HTML page (svg = 0) or its domain chart alone as an
 * SVG document (svg = 1). maturity_html.c. */
void itss__html_mresult(itss_buf *b, const itss_maturity_result *r, itss_lang lang, int svg);

/* Pieces of the text and HTML views (maturity_text.c). */
/* The labels of the metadata keys, [lang][key]. */
extern const char *const itss__assessment_meta_labels[2][ITSS_ASSESSMENT_META_COUNT];
/* "95.0% (38/40)" with integer arithmetic (no locale); "-" when den = 0. */
void itss__mshare(char *dst, size_t size, size_t num, size_t den);
/* A level as readers know it: its label first when the model gives one
 * ("二级 协同级", "ITSS grade 2 (Collaborative)"), else its ordinal
 * ("3 Managed"); "0（未达到基本级）", "0 (below Basic)" below level 1. */
void itss__mlevel_text(char *dst, size_t size, const itss_maturity_model *m, int level,
                       itss_lang lang);
/* The item of a clause: "17 事件管理", "43 知识 等 3 项" for a clause of
 * several items, the domain for a domain-wide one, "（全级）" for a
 * level-wide one. */
void itss__mitem_text(char *dst, size_t size, const itss_maturity_clause *c, itss_lang lang);
/* A rating as shown: "未评定"/"unrated", "85%", "met", "L", "na". Returns
 * buf or a static string. */
const char *itss__mrating_text(const itss_rating *r, char *buf, size_t size, itss_lang lang);

/* A comparison of results of one model (maturity_compare.c). Grades are
 * itss_rating_kind values: NONE (unrated), N, P, L, F or NA. */
typedef struct itss_mchange {
    size_t clause; /* index in model order */
    size_t pair;   /* the earlier assessment; the later one is pair + 1 */
    unsigned char from, to; /* grades */
    unsigned char kind;     /* itss_grade_change */
} itss_mchange;

struct itss_maturity_comparison {
    const itss_maturity_model *model;
    size_t n;
    char **labels;           /* [n], NULL entries when none */
    char **meta;             /* [n * ITSS_ASSESSMENT_META_COUNT] */
    int *level;              /* [n] */
    int *domain_level;       /* [n * ndomains] */
    unsigned char *grade;    /* [n * nclauses] */
    itss_mchange *changes;   /* by pair, then model order */
    size_t nchanges;
};

/* A clause's grade token: "N", "P", "L", "F", "na"; NULL for unrated. */
const char *itss__grade_token(itss_rating_kind grade);
/* The name a comparison shows for assessment i: its label, else its id,
 * else its date, else NULL. */
const char *itss__mcmp_name(const itss_maturity_comparison *c, size_t i);
/* "model": {"id", "edition"} of a result or a comparison, in a JSON
 * object being written (json/maturity_json.c). */
struct itss_jw;
void itss__json_mmodel_ref(struct itss_jw *w, const itss_maturity_model *m);
void itss__json_mcompare(itss_buf *b, const itss_maturity_comparison *c, int pretty);
void itss__text_mcompare(itss_buf *b, const itss_maturity_comparison *c, itss_lang lang);
void itss__csv_mcompare(itss_buf *b, const itss_maturity_comparison *c, itss_lang lang);
/* The comparison as an HTML page (maturity_compare_html.c). */
void itss__html_mcompare(itss_buf *b, const itss_maturity_comparison *c, itss_lang lang);

#endif /* ITSS_MATURITY_INTERNAL_H */
