/* Runs a harness on files, without libFuzzer: every file named on the
 * command line, and every regular file below a directory named there.
 * Built with the normal toolchain so that the harnesses, their regression
 * inputs and the shared test documents run in every test build (plain,
 * sanitizers, valgrind). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static size_t nfiles;

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    if (!buf) {
        fputs("out of memory\n", stderr);
        exit(2);
    }
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    nfiles++;
}

static void run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        perror(path);
        exit(2);
    }
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(ent->d_name) + 2;
        char *sub = malloc(len);
        if (!sub)
            exit(2);
        snprintf(sub, len, "%s/%s", path, ent->d_name);
        run_path(sub);
        free(sub);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++)
        run_path(argv[i]);
    fprintf(stderr, "%zu inputs replayed\n", nfiles);
    return nfiles ? 0 : 1;
}
