/* libitss — the list behind itss_problem_list (lib/problems.c). */
#ifndef ITSS_PROBLEMS_INTERNAL_H
#define ITSS_PROBLEMS_INTERNAL_H

#include "internal.h"

struct itss_problem_list {
    itss_error *items; /* the first ITSS_PROBLEM_LIST_MAX problems */
    size_t n, cap;
    size_t total;      /* every problem found */
    int worksheet;     /* 1: places are cells, already in each message */
};

/* An empty list; worksheet: 1 when the problems are about a worksheet
 * (their messages name the cell), 0 for JSON (line, column and path). */
int itss__problems_new(int worksheet, itss_problem_list **out, itss_error *err);
/* Keep a copy of e (the first ITSS_PROBLEM_LIST_MAX; later ones are only
 * counted). ITSS_ENOMEM (nothing changed) on failure. */
int itss__problems_add(itss_problem_list *p, const itss_error *e);

#endif /* ITSS_PROBLEMS_INTERNAL_H */
