/* The itss tool's argument parsing: the input, split at NUL bytes, is the
 * argument vector (at most 16 arguments). Standard input and output are
 * /dev/null, so that "-" reads nothing and output costs little. The
 * harness works in a directory of its own, emptied after every input, so
 * that "-o NAME" never leaves a file where the fuzzer was started. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_common.h"

int itss_cli_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char workdir[] = "/tmp/itss-fuzz-cli-XXXXXX";
static void empty_cwd(void);

static void remove_workdir(void)
{
    empty_cwd();
    rmdir(workdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout))
        abort();
    if (!mkdtemp(workdir) || chdir(workdir) != 0)
        abort();
    atexit(remove_workdir);
    return 0;
}

/* Remove what the command wrote into the working directory (files only:
 * the tool creates no directories). */
static void empty_cwd(void)
{
    DIR *d = opendir(".");
    if (!d)
        abort();
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            unlink(e->d_name);
    closedir(d);
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
    int status = itss_cli_main(argc, argv);
    FUZZ_CHECK(status >= 0 && status <= 2);
    empty_cwd();
    free(buf);
    return 0;
}
