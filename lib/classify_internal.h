/*
 * libitss — the classification catalog's internal representation, shared by
 * the engine (classify.c), the JSON layer (json/catalog_json.c) and the text
 * renderer (classify_text.c).
 */
#ifndef ITSS_CLASSIFY_INTERNAL_H
#define ITSS_CLASSIFY_INTERNAL_H

#include "internal.h"
#include "itss/classify.h"

#define ITSS_CATALOG_FORMAT "itss-catalog/1"

struct itss_class {
    char code[8];
    int level;
    const itss_class *parent;
    char *name[2];
    char *desc[2];
    char *incl[2]; /* NULL when absent */
    char *excl[2];
    char *lname[2]; /* ASCII-lower-cased names, for search */
    const char *source;
    int catch_all;
    size_t index;     /* position in code order */
    size_t src_index; /* position in the input document */
    size_t ndesc;     /* descendants: classes[index + 1 .. index + ndesc] */
    size_t nchildren;
    const itss_class *const *children;
};

struct itss_xtarget {
    char *code;
    char *name[2];
    char *source;
};

struct itss_xlink {
    const itss_class *cls;
    const itss_xtarget *target;
    int relation;
    char *note[2]; /* NULL when absent */
};

struct itss_crosswalk {
    const itss_catalog *cat;
    char *id;
    char *scheme;
    char *name[2];
    char *note[2]; /* NULL when absent */
    const itss_xtarget *targets;
    size_t ntargets;
    const itss_xlink *links; /* in data order */
    size_t nlinks;
};

struct itss_catalog {
    itss_arena arena; /* owns everything below; the struct itself is malloc'd */
    int builtin;
    char *edition;
    char *title[2];
    char *source;
    const itss_class *classes; /* sorted by code */
    size_t n;
    const itss_class *const *top;
    size_t ntop;
    const itss_crosswalk *xw;
    size_t nxw;
};

/* Shape check of a code without a catalog: EMPTY, NOT_DIGITS, BAD_LENGTH or
 * OK. *bad_at receives the byte index of the first non-digit. */
itss_code_problem itss__code_shape(const char *code, size_t *bad_at);

/* The shape check with a message: 0 for a well-formed code, else
 * ITSS_EVALUE with err naming the problem. */
int itss__code_shape_check(const char *code, itss_code_problem *problem, itss_error *err);

/* Exact lookup by code (binary search); NULL if absent. */
const itss_class *itss__class_find(const itss_catalog *cat, const char *code);

/* Problems itss__catalog_link can find, with the class concerned. */
typedef enum {
    ITSS_LINK_OK,
    ITSS_LINK_DUPLICATE,      /* two classes with one code (src_index: the second) */
    ITSS_LINK_MISSING_PARENT, /* parent code not in the catalog */
    ITSS_LINK_NOMEM
} itss_link_problem;

/* After the classes are filled in (any order): sort by code, set index,
 * parent, children, descendants, top level and search keys. On a problem
 * returns it and sets *which to the class concerned. */
itss_link_problem itss__catalog_link(itss_catalog *cat, const itss_class **which);

/* Validate a code against a catalog and build the message for a bad one.
 * Shared by itss_code_validate, itss_class_lookup and the renderers. */
int itss__code_check(const itss_catalog *cat, const char *code, itss_code_problem *problem,
                     const itss_class **found, itss_error *err);

/* The verdict on one code, as the validate renderers show it. */
typedef struct itss_code_verdict {
    const char *input;
    itss_code_problem problem;
    const itss_class *cls; /* when valid */
    char message[ITSS_ERROR_MESSAGE_SIZE];
} itss_code_verdict;

/* JSON writers (json/catalog_json.c) and text writers (classify_text.c)
 * behind the public render functions (classify_render.c). root may be NULL
 * for the whole catalog. */
void itss__json_class(itss_buf *b, const itss_class *c, int pretty);
void itss__json_class_list(itss_buf *b, const itss_class *const *list, size_t n,
                           int pretty);
void itss__json_catalog(itss_buf *b, const itss_catalog *cat, const itss_class *root,
                        int pretty);
void itss__json_tree(itss_buf *b, const itss_catalog *cat, const itss_class *root,
                     int pretty);
void itss__json_verdicts(itss_buf *b, const itss_code_verdict *v, size_t n, int pretty);
void itss__json_xlinks(itss_buf *b, const itss_crosswalk *x, const char *code, int reverse,
                       const itss_xlink *const *links, size_t n, int pretty);

void itss__text_class(itss_buf *b, const itss_class *c, itss_lang lang);
void itss__text_class_list(itss_buf *b, const itss_class *const *list, size_t n,
                           itss_lang lang);
void itss__text_tree(itss_buf *b, const itss_catalog *cat, const itss_class *root,
                     itss_lang lang);
void itss__text_verdicts(itss_buf *b, const itss_code_verdict *v, size_t n, itss_lang lang);
void itss__text_xlinks(itss_buf *b, const itss_crosswalk *x, const char *code, int reverse,
                       const itss_xlink *const *links, size_t n, itss_lang lang);

#endif /* ITSS_CLASSIFY_INTERNAL_H */
