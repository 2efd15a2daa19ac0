/*
 * libitss — quality model, indicator catalogs, evaluations and results,
 * shared by the engine (quality.c, ahp.c), the JSON layer
 * (json/quality_json.c) and the text renderer (quality_text.c).
 */
#ifndef ITSS_QUALITY_INTERNAL_H
#define ITSS_QUALITY_INTERNAL_H

#include <stdatomic.h>

#include "internal.h"
#include "itss/quality.h"

#ifdef __STDC_NO_ATOMICS__
#error "libitss needs C11 atomics (<stdatomic.h>) for the reference counts of indicator catalogs"
#endif

#define ITSS_QUALITY_FORMAT "itss-quality-model/1"
#define ITSS_INDICATORS_FORMAT "itss-indicators/1"
#define ITSS_EVALUATION_META_COUNT 7
/* Documented limits (docs/quality.md). */
#define ITSS_MAX_INDICATORS 10000
#define ITSS_MAX_SCORES 10000
#define ITSS_MAX_BANDS 100
#define ITSS_MAX_SERVICES 64
#define ITSS_AHP_MAX 15

struct itss_quality_node {
    char *id;
    char *name[2];
    char *def[2];
    const itss_quality_node *parent; /* NULL for a characteristic */
    size_t index;                    /* in the model's characteristic or sub array */
    const itss_quality_node *const *children;
    size_t nchildren;
};

struct itss_quality_model {
    itss_arena arena; /* owns everything below; the struct itself is malloc'd */
    char *edition;
    char *title[2];
    char *source;
    const itss_quality_node *chars;
    size_t nchars;
    const itss_quality_node *subs; /* grouped by characteristic, in the standard's order */
    size_t nsubs;
};

struct itss_indicator {
    char *id;
    char *name[2];
    const itss_quality_node *sub;
    int method;   /* itss_method */
    int polarity; /* itss_polarity */
    char *const *services;
    size_t nservices;
    char *a[2], *b[2];  /* ratios */
    char *anchor[5][2]; /* ratings */
    char *source;       /* NULL when absent */
};

struct itss_indicator_catalog {
    itss_arena arena; /* owns everything below; the struct itself is malloc'd */
    int builtin;
    /* References to a loaded catalog: the caller's (dropped by
     * itss_indicator_catalog_free) and one per evaluation and result made
     * with it; the last one dropped frees it. Never used (0) in the
     * built-in catalog, which is constant and never freed. */
    atomic_size_t refs;
    const itss_quality_model *model;
    char *source;
    const itss_indicator *items; /* document order (base first) */
    size_t n;
    const itss_indicator *const *by_id; /* sorted by id */
};

typedef struct itss_measure {
    unsigned char kind; /* itss_measurement_kind */
    double a, b;
    int *scores;
    size_t nscores;
    char *reason;
} itss_measure;

typedef struct itss_band {
    char *grade;
    double min;
} itss_band;

struct itss_evaluation {
    const itss_indicator_catalog *cat; /* a reference (itss__catalog_ref) */
    const itss_quality_model *model;
    char service[8];
    const itss_indicator **sel; /* the scheme's indicators, in order */
    size_t nsel;
    itss_measure *meas; /* [nsel] */
    double *wind;       /* [nsel] weights of the indicators */
    long *pos;          /* [cat->n] position in sel of each catalog indicator, or -1 */
    double *wsub;       /* [model->nsubs] */
    double *wchar;      /* [model->nchars] */
    itss_band *bands;   /* sorted by min, descending */
    size_t nbands;
    char *meta[ITSS_EVALUATION_META_COUNT];
};

extern const char *const itss__evaluation_meta_keys[ITSS_EVALUATION_META_COUNT];

/* The score of one node of the tree. */
typedef struct itss_qscore {
    double score;    /* NaN when not evaluated */
    double coverage; /* share of the children's weight evaluated; NaN without weight */
    double weight;
    size_t nselected; /* indicators selected under the node */
    int reason;       /* ITSS_QREASON_* when not evaluated */
} itss_qscore;

enum {
    ITSS_QREASON_NONE = 0,
    ITSS_QREASON_NO_INDICATORS, /* nothing selected under the node */
    ITSS_QREASON_NOTHING_EVALUATED,
    ITSS_QREASON_ZERO_WEIGHT /* evaluated children weigh 0 in total */
};

struct itss_quality_result {
    const itss_quality_model *model;    /* the built-in one: catalogs have no other */
    const itss_indicator_catalog *cat; /* a reference: owns what sel points to */
    char service[8];
    char *meta[ITSS_EVALUATION_META_COUNT];
    size_t nsel;
    const itss_indicator **sel; /* indicators of cat */
    itss_measure *meas;         /* copies */
    double *x;                  /* [nsel], NaN when not evaluated */
    int *status;                /* [nsel] itss_indicator_status */
    double *wind;
    itss_qscore *subs;  /* [model->nsubs] */
    itss_qscore *chars; /* [model->nchars] */
    itss_qscore overall;
    itss_band *bands; /* copies */
    size_t nbands;
    int band; /* index, -1 for none */
};

/* Take a reference to a catalog (returns c) and drop one (the last frees
 * it); both thread-safe, and nothing for NULL or the built-in catalog. */
const itss_indicator_catalog *itss__catalog_ref(const itss_indicator_catalog *c);
void itss__catalog_unref(const itss_indicator_catalog *c);

const itss_quality_node *itss__qnode_find(const itss_quality_model *m, const char *id);
const itss_indicator *itss__indicator_find(const itss_indicator_catalog *c, const char *id);
/* Sort the id index after the items are filled; returns the position of
 * the first item whose id repeats an earlier one, or (size_t)-1;
 * ITSS_ENOMEM via *rc. */
size_t itss__indicator_catalog_index(itss_indicator_catalog *c, int *rc);
/* Deep-copy an indicator into an arena. */
int itss__indicator_copy(itss_arena *a, itss_indicator *dst, const itss_indicator *src);
/* Link the model's nodes (children arrays) after loading. */
int itss__qmodel_link(itss_quality_model *m);

/* Position of an indicator in an evaluation's selection, or -1. */
long itss__eval_pos(const itss_evaluation *e, const char *id);
/* Replace a measurement (frees the old one); takes ownership of m's
 * memory. */
void itss__eval_take_measure(itss_evaluation *e, size_t pos, itss_measure *m);
void itss__measure_clear(itss_measure *m);
/* Select a default scheme for the evaluation's service. */
int itss__eval_default_scheme(itss_evaluation *e, itss_error *err);
/* Weight slot of a node id (indicator, sub or characteristic), or NULL. */
double *itss__eval_weight_slot(itss_evaluation *e, const char *id);
int itss__eval_add_band(itss_evaluation *e, const char *grade, double min, itss_error *err);
/* A new empty evaluation (no selection) for a checked service. */
int itss__eval_new(const itss_indicator_catalog *c, const char *service,
                   itss_evaluation **out, itss_error *err);

/* Check a GB/T 29264 code against the built-in catalog (message ready). */
int itss__check_service(const char *code, itss_error *err);

/* The quality model from its JSON document (data/gbt33850-2017.json; the
 * format is internal: no public function loads a quality model). *out is
 * freed with itss__quality_model_free. */
int itss__quality_model_load(const char *json, size_t len, itss_quality_model **out,
                             itss_error *err);
void itss__quality_model_free(itss_quality_model *m);

/* AHP weights (itss_ahp_weights without the argument checks). When the
 * matrix has a bad cell, cell[0] and cell[1] receive its row and column
 * (else (size_t)-1), so that a reader can locate it in its document. */
int itss__ahp(const double *a, size_t n, itss_ahp_mode mode, double *weights,
              double *lambda_max, double *ci, double *cr, size_t cell[2], itss_error *err);

/* Writers. */
void itss__json_qmodel(itss_buf *b, const itss_quality_model *m, int pretty);
void itss__json_indicator_catalog(itss_buf *b, const itss_indicator_catalog *c,
                                  const char *service, int pretty);
void itss__json_qscheme(itss_buf *b, const itss_indicator_catalog *c, const char *service,
                        int pretty);
void itss__json_evaluation(itss_buf *b, const itss_evaluation *e, int pretty);
void itss__json_qresult(itss_buf *b, const itss_quality_result *r, int pretty);
void itss__json_qcompare(itss_buf *b, const itss_quality_result *const *rs,
                         const char *const *labels, size_t n, int pretty);
void itss__json_ahp(itss_buf *b, char *const *labels, const double *w, size_t n, double lmax,
                    double ci, double cr, int pretty);
void itss__text_qmodel(itss_buf *b, const itss_quality_model *m, itss_lang lang);
void itss__text_indicator_catalog(itss_buf *b, const itss_indicator_catalog *c,
                                  const char *service, itss_lang lang);
void itss__text_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang);
/* One CSV row per node: overall, characteristics, sub-characteristics,
 * indicators (csv_render.c). */
void itss__csv_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang);
void itss__text_qcompare(itss_buf *b, const itss_quality_result *const *rs,
                         const char *const *labels, size_t n, itss_lang lang);
void itss__text_ahp(itss_buf *b, char *const *labels, const double *w, size_t n, double lmax,
                    double ci, double cr, itss_lang lang);

/* Fixed-point text of a score for people: "0.875" (3 decimals), "-" for
 * NaN; locale-independent. */
void itss__score_text(char *dst, size_t size, double v);
/* Names of the indicator statuses (ITSS_INDICATOR_EVALUATED..MISSING) and
 * of the evaluation's metadata keys, [lang][k]. quality_text.c. */
extern const char *const itss__qstatus_text[2][4];
extern const char *const itss__evaluation_meta_labels[2][ITSS_EVALUATION_META_COUNT];
/* The result as an HTML page (svg = 0) or its radar of the characteristics
 * alone as an SVG document (svg = 1); a comparison as an HTML page.
 * quality_html.c. */
/* The heading of result i of a comparison: its period when every result
 * has a period of its own, else its label, id, period, or "#i" written
 * into num. quality_text.c. */
const char *itss__qcompare_heading(char *num, size_t size, const itss_quality_result *const *rs,
                                  const char *const *labels, size_t n, size_t i);
/* The rows of a comparison, in the model's order: the overall score
 * (depth 0), each characteristic (1), under it each sub-characteristic
 * with indicators (2), under that each of its indicators (3); row gets
 * the values of the n results in v (n doubles of scratch). quality_text.c. */
typedef void (*itss__qrow_fn)(void *ctx, int depth, const char *name, const double *v,
                              size_t n);
void itss__qcompare_walk(const itss_quality_result *const *rs, size_t n, itss_lang lang,
                         double *v, itss__qrow_fn row, void *ctx);
void itss__html_qresult(itss_buf *b, const itss_quality_result *r, itss_lang lang, int svg);
void itss__html_qcompare(itss_buf *b, const itss_quality_result *const *rs,
                         const char *const *labels, size_t n, itss_lang lang);

#endif /* ITSS_QUALITY_INTERNAL_H */
