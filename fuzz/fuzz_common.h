/*
 * Shared checks of the fuzz harnesses. Each harness defines
 * LLVMFuzzerTestOneInput and calls the library's entry points on the input;
 * besides the sanitizers' findings, a harness stops (abort) when the
 * library breaks a documented promise:
 *  - a failing call returns a negative code, fills the error record with the
 *    same code and a non-empty, NUL-terminated message, leaves *out NULL, and
 *    locates document errors inside the document;
 *  - what a loader accepts exports and loads back to the same export.
 */
#ifndef ITSS_FUZZ_COMMON_H
#define ITSS_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                        \
    do {                                                                        \
        if (!(cond)) {                                                          \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                            \
        }                                                                       \
    } while (0)

/* Check the error record of a call that returned rc on a document of size
 * bytes (0 when the call was not about a document). */
static inline void fuzz_check_error(int rc, const itss_error *e, size_t size)
{
    if (rc == 0) {
        FUZZ_CHECK(e->code == 0);
        return;
    }
    FUZZ_CHECK(rc < 0 && rc >= -11);
    FUZZ_CHECK(e->code == rc);
    FUZZ_CHECK(memchr(e->message, 0, sizeof e->message) != NULL);
    FUZZ_CHECK(e->message[0] != 0);
    FUZZ_CHECK(memchr(e->path, 0, sizeof e->path) != NULL);
    FUZZ_CHECK(e->path[0] == 0 || e->path[0] == '/');
    if (e->line) {
        FUZZ_CHECK(e->column >= 1);
        FUZZ_CHECK(e->position <= size);
    }
    /* the record renders in both forms */
    char *text = NULL;
    FUZZ_CHECK(itss_error_render(e, 1, ITSS_FORMAT_TEXT, &text, NULL, NULL) == 0);
    itss_free(text);
    FUZZ_CHECK(itss_error_render(e, 0, ITSS_FORMAT_JSON, &text, NULL, NULL) == 0);
    itss_free(text);
}

/* A render call's result: on success a NUL-terminated string of len bytes,
 * on failure nothing (size: the input document's, 0 if none). */
static inline void fuzz_check_output(int rc, const itss_error *e, char *out, size_t len,
                                     size_t size)
{
    fuzz_check_error(rc, e, size);
    if (rc) {
        FUZZ_CHECK(out == NULL);
        return;
    }
    FUZZ_CHECK(out != NULL && strlen(out) == len);
}

#endif
