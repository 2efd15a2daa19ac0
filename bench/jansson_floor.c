/*
 * The floor a JSON-lines tool cannot beat: read each line, parse it with
 * jansson, write it back compactly, one line out per line in. libitss's
 * --jsonl batches are compared with this, on the same input, in the same
 * script (bench/run).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        json_error_t e;
        json_t *j = json_loadb(line, (size_t)n, JSON_REJECT_DUPLICATES, &e);
        char *out = j ? json_dumps(j, JSON_COMPACT) : NULL;
        if (out) {
            fputs(out, stdout);
            fputc('\n', stdout);
        } else {
            fputs("{\"error\":{}}\n", stdout);
        }
        free(out);
        json_decref(j);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return 0;
}
