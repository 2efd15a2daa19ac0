/* libitss — what the mappings of a book to an assessment or an evaluation
 * share (map.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "map.h"

/* ---- problems in document order -------------------------------------------- */

void itss__map_init(itss__map *M, const itss__book *b, itss_problem_list *out)
{
    memset(M, 0, sizeof *M);
    M->b = b;
    M->out = out;
    M->cap = out ? ITSS_PROBLEM_LIST_MAX : 1;
}

/* a before b in the book */
static int before(const itss__map_kept *a, const itss__map_kept *b)
{
    if (a->sheet != b->sheet)
        return a->sheet < b->sheet;
    if (a->row != b->row)
        return a->row < b->row;
    if (a->col != b->col)
        return a->col < b->col;
    return a->seq < b->seq;
}

static void sift_down(itss__map *M, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, top = i;
        if (l < M->n && before(&M->kept[M->heap[top]], &M->kept[M->heap[l]]))
            top = l;
        if (r < M->n && before(&M->kept[M->heap[top]], &M->kept[M->heap[r]]))
            top = r;
        if (top == i)
            return;
        size_t t = M->heap[i];
        M->heap[i] = M->heap[top];
        M->heap[top] = t;
        i = top;
    }
}

static void sift_up(itss__map *M, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!before(&M->kept[M->heap[p]], &M->kept[M->heap[i]]))
            return;
        size_t t = M->heap[i];
        M->heap[i] = M->heap[p];
        M->heap[p] = t;
        i = p;
    }
}

/* The slot for a problem at place p, or NULL when cap problems before it
 * are kept (it is only counted). */
static itss__map_kept *slot_for(itss__map *M, const itss__map_kept *p, int *rc)
{
    *rc = ITSS_OK;
    if (!M->kept) {
        M->kept = malloc(M->cap * sizeof *M->kept);
        M->heap = malloc(M->cap * sizeof *M->heap);
        if (!M->kept || !M->heap) {
            *rc = ITSS_ENOMEM;
            return NULL;
        }
    }
    if (M->n < M->cap) {
        M->heap[M->n] = M->n;
        M->kept[M->n] = *p;
        sift_up(M, M->n++);
        /* the new one sits where sift_up left it: find it by index */
        return &M->kept[M->n - 1];
    }
    itss__map_kept *last = &M->kept[M->heap[0]];
    if (!before(p, last))
        return NULL;
    *last = *p;
    sift_down(M, 0);
    return last;
}

static int record(itss__map *M, size_t sheet, uint32_t row, uint32_t col, const char *header,
                  int code, const char *what)
{
    itss__map_kept p;
    p.sheet = sheet == (size_t)-1 ? 0 : sheet + 1;
    p.row = row;
    p.col = col;
    p.seq = M->seq++;
    M->total++;
    int rc;
    itss__map_kept *s = slot_for(M, &p, &rc);
    if (s) {
        const char *name = sheet == (size_t)-1 ? NULL : M->b->sheets[sheet].name;
        itss__sheet_err(&s->e, code, name, row, col, header, "%s", what);
    }
    return rc;
}

int itss__map_problem(itss__map *M, size_t sheet, uint32_t row, uint32_t col,
                      const char *header, int code, const char *fmt, ...)
{
    char what[2 * ITSS_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return record(M, sheet, row, col, header, code, what);
}

int itss__map_builder(itss__map *M, size_t sheet, uint32_t row, uint32_t col,
                      const char *header, int rc, const itss_error *e)
{
    if (!rc || rc == ITSS_ENOMEM)
        return rc;
    return record(M, sheet, row, col, header, rc, e->message);
}

static int by_place(const void *a, const void *b)
{
    const itss__map_kept *x = a, *y = b;
    return before(x, y) ? -1 : before(y, x);
}

int itss__map_finish(itss__map *M, int rc, itss_error *err)
{
    if (rc) {
        rc = itss__err(err, rc, rc == ITSS_ENOMEM ? "out of memory" : "cannot read the sheet");
    } else if (M->total && !M->out) {
        if (err)
            *err = M->kept[0].e;
        rc = M->kept[0].e.code;
    } else if (M->total) {
        qsort(M->kept, M->n, sizeof *M->kept, by_place);
        for (size_t i = 0; !rc && i < M->n; i++)
            rc = itss__problems_add(M->out, &M->kept[i].e);
        if (rc)
            rc = itss__err(err, ITSS_ENOMEM, "out of memory");
        else
            M->out->total += M->total - M->n;
    }
    free(M->kept);
    free(M->heap);
    itss__arena_free(&M->arena);
    M->kept = NULL;
    M->heap = NULL;
    return rc;
}

/* ---- cells --------------------------------------------------------------------- */

const char *itss__map_value(const itss__cell *c)
{
    const char *t = c->text;
    if (c->kind != ITSS__CELL_TEXT || t[0] != '\'')
        return t;
    const char *after = t + strspn(t, "'");
    if (*after && strchr("=+-@\t\r", *after))
        return t + 1;
    return t;
}

const char *itss__map_text(itss__map *M, size_t sheet, const itss__cell *c, const char *header,
                           int *rc)
{
    *rc = ITSS_OK;
    if (c->kind == ITSS__CELL_ERROR) {
        *rc = itss__map_problem(M, sheet, c->row, c->col, header, ITSS_EVALUE,
                                "the cell holds the error value %s, not a value", c->text);
        return NULL;
    }
    return itss__map_value(c);
}

int itss__map_word(const char *s, const char *word)
{
    for (; *s && *word; s++, word++) {
        char a = *s, b = *word;
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return !*s && !*word;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char *itss__map_trim(itss__map *M, const char *s)
{
    while (is_space(*s))
        s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1]))
        n--;
    return itss__arena_strndup(&M->arena, s, n);
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int itss__map_number(const char *s, double *out)
{
    /* value = digits x 10^exp10; at most 40 significant digits are kept */
    char dig[41];
    size_t nd = 0;
    long exp10 = 0;
    int neg = 0, any = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    for (; is_digit(*s); s++) {
        any = 1;
        if (nd == 0 && *s == '0')
            continue;
        if (nd < 40)
            dig[nd++] = *s;
        else
            exp10++;
    }
    if (*s == '.') {
        for (s++; is_digit(*s); s++) {
            any = 1;
            if (nd == 0 && *s == '0')
                exp10--;
            else if (nd < 40)
                dig[nd++] = *s, exp10--;
        }
    }
    if (!any)
        return 0;
    if (*s == 'e' || *s == 'E') {
        s++;
        int eneg = 0;
        if (*s == '+' || *s == '-')
            eneg = *s++ == '-';
        if (!is_digit(*s))
            return 0;
        long e = 0;
        for (; is_digit(*s); s++)
            if (e < 100000)
                e = e * 10 + (*s - '0');
        exp10 += eneg ? -e : e;
    }
    if (*s)
        return 0;
    double v = 0;
    if (nd) {
        /* digits and an exponent only: no decimal point, so no locale */
        char buf[64];
        snprintf(buf, sizeof buf, "%.*se%ld", (int)nd, dig, exp10);
        v = strtod(buf, NULL);
    }
    if (!isfinite(v))
        return 0;
    *out = neg ? -v : v;
    return 1;
}

int itss__map_cell_number(itss__map *M, const itss__cell *c, double *out)
{
    if (c->kind == ITSS__CELL_NUMBER) {
        *out = c->number;
        return isfinite(c->number);
    }
    if (c->kind != ITSS__CELL_TEXT)
        return 0;
    const char *t = itss__map_trim(M, c->text);
    return t && itss__map_number(t, out);
}

/* The date days after 1970-01-01 (proleptic Gregorian). */
static void civil(long long z, long long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);                          /* 0..146096 */
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* 0..399 */
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* 0..365 */
    unsigned mp = (5 * doy + 2) / 153;                                    /* March = 0 */
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long long)yoe + era * 400 + (*m <= 2);
}

int itss__map_date(double serial, int date1904, char *dst, size_t dstsize)
{
    if (!isfinite(serial) || serial < 0 || serial > 1e7)
        return 0;
    long long s = (long long)floor(serial), days;
    if (date1904) {
        days = -24107 + s;          /* 1904-01-01 */
    } else {
        if (s < 1 || s == 60)
            return 0;
        days = s < 60 ? -25568 + s  /* serial 1 = 1900-01-01 */
                      : -25569 + s; /* one day less: the 29 February 1900 counted */
    }
    long long y;
    unsigned m, d;
    civil(days, &y, &m, &d);
    if (y > 9999)
        return 0;
    snprintf(dst, dstsize, "%04lld-%02u-%02u", y, m, d);
    return 1;
}

/* ---- the table -------------------------------------------------------------- */

size_t itss__map_row_end(const itss__sheet *s, size_t i)
{
    size_t j = i;
    while (j < s->ncells && s->cells[j].row == s->cells[i].row)
        j++;
    return j;
}

int itss__map_find_table(const itss__book *b,
                         int (*is_header)(void *ctx, const itss__cell *cells, size_t n),
                         void *ctx, size_t *sheet, size_t *first)
{
    for (size_t k = 0; k < b->nsheets; k++) {
        const itss__sheet *s = &b->sheets[k];
        if (s->hidden)
            continue;
        for (size_t i = 0; i < s->ncells && s->cells[i].row <= 50;) {
            size_t j = itss__map_row_end(s, i);
            if (is_header(ctx, s->cells + i, j - i)) {
                *sheet = k;
                *first = i;
                return 1;
            }
            i = j;
        }
    }
    return 0;
}

void itss__map_keys(const itss__sheet_name *names, const char *const *keys, size_t n,
                    size_t *at)
{
    for (size_t k = 0; k < n; k++)
        at[k] = (size_t)(itss__sheet_key(names, keys[k]) - names);
}

void itss__map_row_cells(const itss__cell *cells, size_t n, const uint32_t *col,
                         const size_t *at, size_t nread, const itss__cell **out)
{
    for (size_t k = 0; k < nread; k++)
        out[k] = NULL;
    for (size_t x = 0; x < n; x++)
        for (size_t k = 0; k < nread; k++)
            if (col[at[k]] == cells[x].col)
                out[k] = &cells[x];
}

int itss__map_row_id(itss__map *M, size_t sheet, uint32_t row, uint32_t col, const char *header,
                     const itss__cell *cell, const char *what, const char **id)
{
    int rc = ITSS_OK;
    *id = NULL;
    const char *text = cell ? itss__map_text(M, sheet, cell, header, &rc) : NULL;
    if (cell && !text)
        return rc; /* an error value, recorded */
    const char *t = text ? itss__map_trim(M, text) : NULL;
    if (text && !t)
        return ITSS_ENOMEM;
    if (!t || !t[0])
        return itss__map_problem(M, sheet, row, col, header, ITSS_EVALUE,
                                 "no %s id in a row that has other cells", what);
    *id = t;
    return ITSS_OK;
}

int itss__map_header_twice(itss__map *M, size_t sheet, const itss__cell *c, const char *name,
                           uint32_t first)
{
    char colname[8];
    itss__sheet_col_name(colname, sizeof colname, first);
    return itss__map_problem(M, sheet, c->row, c->col, c->text, ITSS_EDUPLICATE,
                             "column \"%s\" appears twice (also column %s)", name, colname);
}

int itss__map_header(itss__map *M, size_t sheet, const itss__cell *cells, size_t n,
                     const itss__sheet_name *names, uint32_t *col, const char **head,
                     int (*other)(void *ctx, const itss__cell *c), void *ctx)
{
    for (size_t k = 0; names[k].key; k++)
        col[k] = 0, head[k] = NULL;
    int rc = ITSS_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        const itss__cell *c = &cells[i];
        const itss__sheet_name *e = itss__sheet_match(names, c->text);
        if (!e) {
            if (other)
                rc = other(ctx, c);
            continue;
        }
        size_t k = (size_t)(e - names);
        if (col[k]) {
            rc = itss__map_header_twice(M, sheet, c, e->key, col[k]);
        } else {
            col[k] = c->col;
            head[k] = c->text;
        }
    }
    return rc;
}

int itss__map_at(itss__map *M, const itss__map_table *T, uint32_t row, int k, int code,
                 const char *fmt, ...)
{
    char what[2 * ITSS_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    size_t x = T->at[k];
    return record(M, T->sheet, row, T->col[x], T->head[x], code, what);
}

int itss__map_builder_at(itss__map *M, const itss__map_table *T, uint32_t row, int k, int rc,
                         const itss_error *e)
{
    size_t x = T->at[k];
    return itss__map_builder(M, T->sheet, row, T->col[x], T->head[x], rc, e);
}

/* ---- metadata ---------------------------------------------------------------- */

static int repeatable_key(const char *const *list, const char *key)
{
    for (; list && *list; list++)
        if (strcmp(*list, key) == 0)
            return 1;
    return 0;
}

typedef struct meta_pass {
    itss__map *M;
    const itss__sheet_name *keys;
    const char *const *repeatable;
    int (*fn)(void *ctx, const itss__map_meta *r);
    void *ctx;
    /* where each key was first given: sheet + 1 (0: not yet) and row */
    size_t seen_sheet[32];
    uint32_t seen_row[32];
} meta_pass;

/* The metadata rows of sheet k from its cell from, up to the row
 * before_row (0: to the end). */
static int meta_rows(meta_pass *P, size_t k, size_t from, uint32_t before_row,
                     const char *h1, const char *h2)
{
    itss__map *M = P->M;
    const itss__sheet *s = &M->b->sheets[k];
    int rc = ITSS_OK;
    for (size_t i = from; !rc && i < s->ncells && (!before_row || s->cells[i].row < before_row);) {
        size_t j = itss__map_row_end(s, i);
        uint32_t first_col = s->cells[i].col;
        itss__map_meta r = {k, s->cells[i].row, NULL, NULL, NULL, NULL, h1, h2};
        for (size_t x = i; x < j; x++) {
            if (s->cells[x].col == 1)
                r.kcell = &s->cells[x];
            else if (s->cells[x].col == 2)
                r.v1 = &s->cells[x];
            else if (s->cells[x].col == 3)
                r.v2 = &s->cells[x];
        }
        i = j;
        char sh[160];
        if (!r.kcell) {
            rc = itss__map_problem(M, k, r.row, first_col, NULL, ITSS_ESCHEMA,
                                   "a metadata row needs its key in column A");
            continue;
        }
        r.key = itss__sheet_match(P->keys, r.kcell->text);
        if (!r.key) {
            char known[256] = "";
            for (const itss__sheet_name *n = P->keys; n->key; n++) {
                itss__str_append(known, sizeof known, n == P->keys ? "" : ", ");
                itss__str_append(known, sizeof known, n->key);
            }
            rc = itss__map_problem(M, k, r.row, 1, NULL, ITSS_ESCHEMA,
                                   "unknown metadata key \"%s\" (known: %s)",
                                   itss__shown(sh, sizeof sh, r.kcell->text), known);
            continue;
        }
        if (!r.v1 && !r.v2)
            continue; /* empty: unset */
        size_t q = (size_t)(r.key - P->keys);
        if (!repeatable_key(P->repeatable, r.key->key) && q < 32) {
            if (P->seen_sheet[q]) {
                const char *other = M->b->sheets[P->seen_sheet[q] - 1].name;
                if (P->seen_sheet[q] - 1 == k || !other)
                    rc = itss__map_problem(M, k, r.row, 1, NULL, ITSS_EDUPLICATE,
                                           "metadata \"%s\" is already on row %u", r.key->key,
                                           (unsigned)P->seen_row[q]);
                else
                    rc = itss__map_problem(M, k, r.row, 1, NULL, ITSS_EDUPLICATE,
                                           "metadata \"%s\" is already on sheet %s, row %u",
                                           r.key->key, other, (unsigned)P->seen_row[q]);
                continue;
            }
            P->seen_sheet[q] = k + 1;
            P->seen_row[q] = r.row;
        }
        rc = P->fn(P->ctx, &r);
    }
    return rc;
}

static const itss__sheet_name field_header[] = {{"field", "字段"}, {NULL, NULL}};

static int is_meta_sheet(const itss__sheet *s)
{
    const itss__sheet_name *n = itss__sheet_match(itss__sheet_names, s->name);
    return n && strcmp(n->key, "metadata") == 0;
}

int itss__map_metadata(itss__map *M, size_t table, uint32_t header_row,
                       const itss__sheet_name *keys, const char *const *repeatable,
                       int (*fn)(void *ctx, const itss__map_meta *r), void *ctx)
{
    meta_pass P;
    memset(&P, 0, sizeof P);
    P.M = M;
    P.keys = keys;
    P.repeatable = repeatable;
    P.fn = fn;
    P.ctx = ctx;
    int rc = ITSS_OK;
    for (size_t k = 0; !rc && k < M->b->nsheets; k++) {
        const itss__sheet *s = &M->b->sheets[k];
        if (k == table) {
            rc = meta_rows(&P, k, 0, header_row, NULL, NULL);
        } else if (is_meta_sheet(s) && s->ncells) {
            /* the field / value header row */
            size_t from = 0;
            const char *h1 = NULL, *h2 = NULL;
            const itss__cell *c = &s->cells[0];
            if (c->col == 1 && itss__sheet_match(field_header, c->text)) {
                from = itss__map_row_end(s, 0);
                for (size_t x = 0; x < from; x++) {
                    if (s->cells[x].col == 2)
                        h1 = s->cells[x].text;
                    else if (s->cells[x].col == 3)
                        h2 = s->cells[x].text;
                }
            }
            rc = meta_rows(&P, k, from, 0, h1, h2);
        }
    }
    return rc;
}

const char *itss__map_meta_text(itss__map *M, const itss__map_meta *r, char *buf, size_t size,
                                int *rc)
{
    *rc = ITSS_OK;
    const itss__cell *v = r->v1;
    if (!v) {
        *rc = itss__map_problem(M, r->sheet, r->row, 3, r->h2, ITSS_EVALUE,
                                "metadata \"%s\" takes its value in column B", r->key->key);
        return NULL;
    }
    if (r->v2) {
        *rc = itss__map_problem(M, r->sheet, r->row, 3, r->h2, ITSS_EVALUE,
                                "metadata \"%s\" takes one value, in column B", r->key->key);
        return NULL;
    }
    if (strcmp(r->key->key, "date") == 0 && v->kind == ITSS__CELL_NUMBER) {
        if (!itss__map_date(v->number, M->b->date1904, buf, size)) {
            *rc = itss__map_problem(M, r->sheet, r->row, 2, r->h1, ITSS_EVALUE,
                                    "%s is not the serial number of a date from 1900-01-01 "
                                    "to 9999-12-31",
                                    v->text);
            return NULL;
        }
        return buf;
    }
    return itss__map_text(M, r->sheet, v, r->h1, rc);
}
