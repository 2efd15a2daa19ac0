/* libitss — lists of the problems of an input document (the _check
 * functions): the container (the renderer of error records writes it). */
#include <stdlib.h>
#include <string.h>

#include "problems_internal.h"

int itss__problems_new(int worksheet, itss_problem_list **out, itss_error *err)
{
    itss_problem_list *p = calloc(1, sizeof *p);
    if (!p)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    p->worksheet = worksheet;
    *out = p;
    return ITSS_OK;
}

int itss__problems_add(itss_problem_list *p, const itss_error *e)
{
    if (p->n < ITSS_PROBLEM_LIST_MAX) {
        if (p->n == p->cap) {
            size_t cap = p->cap ? 2 * p->cap : 16;
            if (cap > ITSS_PROBLEM_LIST_MAX)
                cap = ITSS_PROBLEM_LIST_MAX;
            itss_error *grown = realloc(p->items, cap * sizeof *grown);
            if (!grown)
                return ITSS_ENOMEM;
            p->items = grown;
            p->cap = cap;
        }
        p->items[p->n++] = *e;
    }
    p->total++;
    return ITSS_OK;
}

size_t itss_problem_list_problem_count(const itss_problem_list *p)
{
    return p ? p->n : 0;
}

const itss_error *itss_problem_list_problem_at(const itss_problem_list *p, size_t i)
{
    return p && i < p->n ? &p->items[i] : NULL;
}

size_t itss_problem_list_total(const itss_problem_list *p)
{
    return p ? p->total : 0;
}

void itss_problem_list_free(itss_problem_list *p)
{
    if (!p)
        return;
    free(p->items);
    free(p);
}
