/* The itss tool's argument parsing: the input, split at NUL bytes, is the
 * argument vector (at most 16 arguments). Standard input and output are
 * /dev/null, so that "-" reads nothing and output costs little. Each input
 * runs in a directory of the harness's own, emptied after it, so that
 * "-o NAME" never leaves a file where the fuzzer was started; the fuzzer
 * itself stays in its own directory between inputs (its corpus and
 * artifact paths may be relative to it). */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_common.h"

int itss_cli_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char workdir[] = "/tmp/itss-fuzz-cli-XXXXXX";
static int home = -1; /* the directory the fuzzer was started in */

/* Remove what a command wrote into the work directory (files only: the
 * tool creates no directories); back home after. */
static void empty_workdir(void)
{
    if (chdir(workdir) != 0)
        abort();
    DIR *d = opendir(".");
    if (!d)
        abort();
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(e->d_name);
    closedir(d);
    if (fchdir(home) != 0)
        abort();
}

static void remove_workdir(void)
{
    empty_workdir();
    rmdir(workdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout))
        abort();
    home = open(".", O_RDONLY | O_DIRECTORY);
    if (home < 0 || !mkdtemp(workdir))
        abort();
    atexit(remove_workdir);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *argv[18] = {"itss"};
    int argc = 1;
    for (size_t i = 0; i <= size && argc < 17;) {
        argv[argc++] = buf + i;
        i += strlen(buf + i) + 1;
    }
    argv[argc] = NULL;
    if (chdir(workdir) != 0)
        abort();
    int status = itss_cli_main(argc, argv);
    FUZZ_CHECK(status >= 0 && status <= 2);
    empty_workdir();
    free(buf);
    return 0;
}
