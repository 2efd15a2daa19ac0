/* Memory of parsed documents, two measurements for bench/run:
 *
 *   dom_memory costs
 *       bytes jansson allocates per value of each kind (a counting
 *       allocator, each block with its 8-byte chunk header), next to the
 *       figures libitss budgets for them (lib/json/jread.c): every measured
 *       figure must be at most the budgeted one.
 *   dom_memory rss FILE COMMAND [ARGS...]
 *       the peak resident memory of COMMAND (run with its output thrown
 *       away) as a multiple of the size of FILE.
 */
#include <jansson.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

static size_t live, peak;

static void *counted_malloc(size_t n)
{
    void *p = malloc(n);
    if (p) {
        live += malloc_usable_size(p) + 8;
        if (live > peak)
            peak = live;
    }
    return p;
}

static void counted_free(void *p)
{
    if (p)
        live -= malloc_usable_size(p) + 8;
    free(p);
}

/* Bytes of tree per copy of elem in "[elem,elem,...]" of n copies, less
 * what the array itself costs per element (measured with "[null,...]",
 * whose elements cost nothing). */
static double per_value(const char *elem, size_t n)
{
    size_t el = strlen(elem), len = 2 + n * (el + 1);
    char *t = malloc(len + 1), *p = t;
    if (!t)
        exit(1);
    *p++ = '[';
    for (size_t i = 0; i < n; i++) {
        memcpy(p, elem, el);
        p += el;
        *p++ = ',';
    }
    p[-1] = ']';
    *p = 0;
    live = peak = 0;
    json_error_t e;
    json_t *j = json_loadb(t, (size_t)(p - t), JSON_DECODE_INT_AS_REAL | JSON_REJECT_DUPLICATES, &e);
    if (!j) {
        fprintf(stderr, "%s: %s\n", elem, e.text);
        exit(1);
    }
    double r = (double)peak / (double)n;
    json_decref(j);
    free(t);
    return r;
}

static int costs(void)
{
    const size_t n = 1000000;
    json_set_alloc_funcs(counted_malloc, counted_free);
    double slot = per_value("null", n);
    struct {
        const char *what, *elem;
        double extra; /* what the value holds besides itself */
        int budget;
    } rows[] = {
        {"array element (slot)", "null", 0, 16},
        {"number", "0", 0, 32},
        {"string \"abcdefgh\" (80 + 10 bytes)", "\"abcdefgh\"", 0, 80 + 10},
        {"string \"\" (80 + 2 bytes)", "\"\"", 0, 80 + 2},
        {"empty array", "[]", 0, 128},
        {"empty object", "{}", 0, 224},
    };
    printf("%-40s %10s %10s\n", "value", "measured", "budgeted");
    int bad = 0;
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        double v = per_value(rows[i].elem, n) - (i ? slot : 0);
        printf("%-40s %10.1f %10d%s\n", rows[i].what, v, rows[i].budget,
               v > rows[i].budget ? "  OVER" : "");
        bad |= v > rows[i].budget;
    }
    /* an object member: {"a": null} less an empty object */
    double obj = per_value("{}", n) - slot;
    double m1 = per_value("{\"a\":null}", n) - slot - obj;
    double m9 = (per_value("{\"a\":null,\"b\":null,\"c\":null,\"d\":null,\"e\":null,\"f\":null,"
                           "\"g\":null,\"h\":null,\"i\":null}",
                           n / 4) -
                 slot - obj) /
                9;
    printf("%-40s %10.1f %10d%s\n", "object member, key \"a\" (112 + 3)", m1, 112 + 3,
           m1 > 115 ? "  OVER" : "");
    printf("%-40s %10.1f %10d%s\n", "object member, 9 keys (each)", m9, 112 + 3,
           m9 > 115 ? "  OVER" : "");
    bad |= m1 > 115 || m9 > 115;
    return bad;
}

static int rss(int argc, char **argv)
{
    struct stat st;
    if (argc < 4 || stat(argv[2], &st) != 0 || st.st_size == 0) {
        fprintf(stderr, "usage: dom_memory rss FILE COMMAND [ARGS...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execvp(argv[3], argv + 3);
        _exit(127);
    }
    int status;
    struct rusage ru;
    /* the only child: its peak is the children's */
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || getrusage(RUSAGE_CHILDREN, &ru) != 0)
        return 2;
    double mib = (double)st.st_size / (1024.0 * 1024.0);
    printf("%8.1f MiB in, peak %8.1f MiB, %5.1fx the input, exit %d\n", mib,
           (double)ru.ru_maxrss / 1024.0, (double)ru.ru_maxrss * 1024.0 / (double)st.st_size,
           WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "costs") == 0)
        return costs();
    if (argc >= 2 && strcmp(argv[1], "rss") == 0)
        return rss(argc, argv);
    fprintf(stderr, "usage: dom_memory costs | rss FILE COMMAND [ARGS...]\n");
    return 2;
}
