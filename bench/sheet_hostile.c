/*
 * Reading hostile workbooks against a normal one: for each file, a child
 * process reads it into memory and through the XLSX reader (best of five
 * runs) and reports its time and peak resident memory (getrusage), and
 * the parent prints them, each as a ratio to the first file's (the normal workbook)
 * and to a child that only loads the file's bytes.
 *   sheet_hostile NORMAL.xlsx HOSTILE.xlsx...
 * Goal: every hostile file refused in under 1 s and 64 MB.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sheet/sheet.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", path);
        exit(2);
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

typedef struct result {
    double ms;      /* best read, milliseconds */
    double rss_mb;  /* the child's peak resident memory */
    int rc;
    char message[ITSS_ERROR_MESSAGE_SIZE + 8];
} result;

/* Run one measurement in a child; parse 0: load the bytes only. */
static result measure(const char *path, int parse)
{
    int fd[2];
    result r = {0};
    if (pipe(fd) != 0) {
        perror("pipe");
        exit(2);
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        close(fd[0]);
        size_t len;
        char *data = slurp(path, &len);
        result c = {.ms = 1e30};
        for (int i = 0; i < (parse ? 5 : 1); i++) {
            double t0 = now();
            if (parse) {
                itss__book *b = NULL;
                itss_error e;
                c.rc = itss__book_read_xlsx(data, len, &b, &e);
                snprintf(c.message, sizeof c.message, "%s", c.rc ? e.message : "read");
                itss__book_free(b);
            }
            double ms = (now() - t0) * 1e3;
            if (ms < c.ms)
                c.ms = ms;
        }
        free(data);
        struct rusage ru;
        if (getrusage(RUSAGE_SELF, &ru) == 0)
            c.rss_mb = (double)ru.ru_maxrss / 1024.0;
        if (write(fd[1], &c, sizeof c) != (ssize_t)sizeof c)
            _exit(3);
        _exit(0);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], &r, sizeof r);
    close(fd[0]);
    int status;
    if (waitpid(pid, &status, 0) < 0 || got != (ssize_t)sizeof r || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        fprintf(stderr, "%s: the measurement failed\n", path);
        exit(2);
    }
    return r;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s NORMAL.xlsx HOSTILE.xlsx...\n", argv[0]);
        return 2;
    }
    result base = measure(argv[1], 0);
    result normal = measure(argv[1], 1);
    printf("%-22s %9s %9s %7s %9s  %s\n", "file", "ms", "x normal", "RSS MB", "x normal",
           "result");
    printf("%-22s %9s %9s %7.1f %9s  (load only)\n", "baseline", "-", "-", base.rss_mb, "-");
    int over = 0;
    for (int i = 1; i < argc; i++) {
        result r = i == 1 ? normal : measure(argv[i], 1);
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        printf("%-22s %9.2f %9.2f %7.1f %9.2f  %s%s\n", name, r.ms, r.ms / normal.ms, r.rss_mb,
               r.rss_mb / normal.rss_mb, r.rc ? "refused: " : "", r.message);
        if (i > 1 && (r.ms >= 1000.0 || r.rss_mb >= 64.0))
            over = 1;
    }
    printf("goal: each hostile file refused in < 1 s and < 64 MB: %s\n", over ? "MISSED" : "met");
    return over;
}
