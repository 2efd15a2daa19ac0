/* Timing helpers shared by the benchmark programs. */
#ifndef ITSS_BENCH_COMMON_H
#define ITSS_BENCH_COMMON_H

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Run fn until `seconds` have passed; returns calls per second. */
static inline double bench_rate(void (*fn)(void *), void *arg, double seconds)
{
    long n = 0;
    double t0 = bench_now(), t;
    do {
        for (int k = 0; k < 16; k++)
            fn(arg);
        n += 16;
        t = bench_now();
    } while (t - t0 < seconds);
    return (double)n / (t - t0);
}

/* The baseline of the in-memory benchmarks: jansson parses a document and
 * writes it back compactly. */
static inline void bench_jansson_roundtrip(const char *text, size_t len)
{
    json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL);
    char *s = json_dumps(j, JSON_COMPACT);
    free(s);
    json_decref(j);
}

/* A whole file in a malloc'd buffer (exits on failure). */
static inline char *bench_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (!buf)
        exit(1);
    *len = n;
    return buf;
}

#endif
