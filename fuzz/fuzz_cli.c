/* The itss tool's argument parsing: the input, split at NUL bytes, is the
 * argument vector (at most 16 arguments). Standard input and output are
 * /dev/null, so that "-" reads nothing and output costs little. */
#include <stdio.h>

#include "fuzz_common.h"

int itss_cli_main(int argc, char **argv);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout))
        abort();
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
    int status = itss_cli_main(argc, argv);
    FUZZ_CHECK(status >= 0 && status <= 2);
    free(buf);
    return 0;
}
