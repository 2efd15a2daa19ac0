/*
 * Messages in Chinese (itss_error_message): a message of the usual size,
 * and messages of 319 bytes made of pieces of the catalog's formats (the
 * worst a record can hold for a matcher), each as a ratio to the same
 * record written as it is in English (itss_error_render, text), measured
 * in the same process. The recognition's cost grows with the length of
 * the message times the pieces of the formats that start and end like
 * it, never exponentially: the ratios stay bounded.
 *   bench_messages [SECONDS]
 */
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

#include "bench_common.h"

static void english(void *arg)
{
    char *out;
    itss_error_render(arg, 0, ITSS_FORMAT_TEXT, &out, NULL, NULL);
    itss_free(out);
}

static void chinese(void *arg)
{
    char *out;
    itss_error_message(arg, ITSS_LANG_ZH, &out, NULL, NULL);
    itss_free(out);
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 1.0;
    static const char *const pieces[] = {"\"", "\"a\" must be ", ", not ", "malformed JSON: ",
                                         "\": ", "0123456789"};
    itss_error e;
    memset(&e, 0, sizeof e);
    e.code = ITSS_ESCHEMA;
    strcpy(e.message, "unknown key \"colour\" (allowed: id, title)");
    double base = bench_rate(english, &e, secs), zh = bench_rate(chinese, &e, secs);
    printf("%-52s %9.0f/s  %5.1fx the English\n", "a usual message (43 bytes)", zh, base / zh);
    for (size_t u = 0; u < sizeof pieces / sizeof pieces[0]; u++) {
        size_t o = 0, k = strlen(pieces[u]);
        while (o + k < ITSS_ERROR_MESSAGE_SIZE - 1) {
            memcpy(e.message + o, pieces[u], k);
            o += k;
        }
        memset(e.message + o, '"', ITSS_ERROR_MESSAGE_SIZE - 1 - o);
        e.message[ITSS_ERROR_MESSAGE_SIZE - 1] = 0;
        base = bench_rate(english, &e, secs);
        zh = bench_rate(chinese, &e, secs);
        char label[80];
        snprintf(label, sizeof label, "319 bytes of '%s'", pieces[u]);
        printf("%-52s %9.0f/s  %5.1fx the English\n", label, zh, base / zh);
    }
    return 0;
}
