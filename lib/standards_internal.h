/*
 * libitss — the ITSS standards registry, shared by the engine
 * (standards.c), the JSON layer (json/standards_json.c) and the text
 * renderer (standards_text.c).
 */
#ifndef ITSS_STANDARDS_INTERNAL_H
#define ITSS_STANDARDS_INTERNAL_H

#include "internal.h"
#include "itss/standards.h"

#define ITSS_STANDARDS_FORMAT "itss-standards/1"
/* A number's key (standards.c): at most this many bytes with its NUL. */
#define ITSS_STD_KEY_MAX 96

struct itss_standard {
    char *number; /* NULL: a plan without a number */
    char *key;    /* itss__std_key of the number; NULL without one */
    char *rkey;   /* itss__std_key of "TABLE/ROW"; NULL outside the tables */
    char *title[2];
    char *summary[2];
    char *note[2]; /* NULL when absent */
    char *ltext;   /* number, titles and summaries, ASCII-lower-cased, for search */
    size_t ltitle; /* ltext[0 .. ltitle) holds the number and the titles */
    int type;      /* itss_std_type */
    int status;    /* itss_std_status */
    char *stage;   /* international only */
    char *role;
    char *table; /* "B-1" ...; NULL outside the tables */
    size_t row;
    const itss_area *area; /* NULL: in no area */
    size_t frow;           /* row in the area's table */
    char *implemented_by;
    const itss_standard *replaces;
    const itss_standard *replaced_by;
    char *source;
    size_t index;
};

struct itss_area {
    char *id;
    char *name[2];
    char *source;
    const itss_category *category;
    const itss_standard *const *standards; /* in table row order */
    size_t nstandards;
};

struct itss_category {
    char *id;
    char *name[2];
    char *source;
    const itss_area *areas;
    size_t nareas;
};

struct itss_registry {
    itss_arena arena; /* owns everything of a loaded registry; unused when built in */
    int builtin;
    char *title[2];
    char *source;
    const itss_category *categories;
    size_t ncategories;
    const itss_standard *standards;
    size_t nstandards;
};

/* The lenient key of a number (docs/standards.md): full-width ASCII folded,
 * ASCII letters lower-cased, runs of letters and runs of digits kept, one
 * '|' between runs except between two letter runs, which join; everything
 * else separates. Returns the key's length; 0 when s has no letter or digit
 * or is not valid UTF-8; (size_t)-1 when the key would not fit in cap
 * bytes. */
size_t itss__std_key(const char *s, char *key, size_t cap);

/* Load a registry document (the built-in data file; no public loader).
 * Caller frees with itss__registry_free. */
int itss__registry_load(const char *json, size_t len, itss_registry **out, itss_error *err);
void itss__registry_free(itss_registry *r);

/* Writers (json/standards_json.c and standards_text.c). */
void itss__json_standard(itss_buf *b, const itss_standard *s, int pretty);
void itss__json_standard_list(itss_buf *b, const itss_standard *const *list, size_t n,
                              int pretty);
void itss__json_framework(itss_buf *b, const itss_registry *r, int pretty);
void itss__text_standard(itss_buf *b, const itss_standard *s, itss_lang lang);
void itss__text_standard_list(itss_buf *b, const itss_standard *const *list, size_t n,
                              itss_lang lang);
void itss__text_framework(itss_buf *b, const itss_registry *r, itss_lang lang);

#endif /* ITSS_STANDARDS_INTERNAL_H */
