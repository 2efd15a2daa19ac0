/*
 * Whether a message in Chinese still holds English: the test every hostile
 * case's message passes through (tests/cases_common.h, test_sheet_read.c).
 *
 * A message fails when it has no CJK character, or when, after removing
 * quoted spans ("…", “…”, '…', ‘…’) and every token that holds a digit or
 * one of _ . / \ - @ (identifiers, numbers, JSON Pointers, cell
 * references), two ASCII words of two letters or more stand next to each
 * other with a single space between them ("unknown key", "not an"). A
 * word is made of letters only (a bracket around it aside): "id, title"
 * is a list, not a phrase.
 * Acronyms and the units and names listed below are not words.
 */
#ifndef ITSS_TESTS_UNTRANSLATED_H
#define ITSS_TESTS_UNTRANSLATED_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <itss/itss.h>

/* 1 when the UTF-8 text s[0..n) holds a CJK ideograph (U+3400..U+9FFF). */
static int untr_has_cjk(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i + 2 < n; i++)
        if (p[i] >= 0xE3 && p[i] <= 0xE9) {
            unsigned long cp = (p[i] & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
            if (cp >= 0x3400 && cp <= 0x9FFF)
                return 1;
        }
    return 0;
}

/* A token that counts as an English word: ASCII letters only, at least
 * two, not all capitals (an acronym) and none of the units allowed. */
static int untr_is_word(const char *t, size_t n)
{
    static const char *const allowed[] = {"MiB", "KiB", "GiB", NULL};
    /* a bracket around a word does not make it less a word; a comma, a
     * colon or a stop after it ends the phrase (a list of keys is no
     * sentence) */
    while (n && *t == '(') {
        t++;
        n--;
    }
    while (n && t[n - 1] == ')')
        n--;
    if (n < 2)
        return 0;
    int lower = 0;
    for (size_t i = 0; i < n; i++) {
        char c = t[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return 0;
        lower |= c >= 'a' && c <= 'z';
    }
    if (!lower)
        return 0;
    for (const char *const *a = allowed; *a; a++)
        if (strlen(*a) == n && memcmp(*a, t, n) == 0)
            return 0;
    return 1;
}

/* NULL when the Chinese message zh is translated; else why not, in why. */
static const char *untranslated(const char *zh, char *why, size_t size)
{
    size_t n = strlen(zh);
    if (!untr_has_cjk(zh, n)) {
        snprintf(why, size, "no Chinese character");
        return why;
    }
    /* the text with quoted spans replaced by '#' (no word, no space) */
    char *t = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        static const char *const open[] = {"\"", "\xE2\x80\x9C", "'", "\xE2\x80\x98"};
        static const char *const close[] = {"\"", "\xE2\x80\x9D", "'", "\xE2\x80\x99"};
        int q = -1;
        for (int k = 0; k < 4 && q < 0; k++)
            if (strncmp(zh + i, open[k], strlen(open[k])) == 0)
                q = k;
        const char *end = q < 0 ? NULL : strstr(zh + i + strlen(open[q]), close[q]);
        if (end) {
            t[o++] = '#';
            i = (size_t)(end - zh) + strlen(close[q]);
        } else {
            t[o++] = zh[i++];
        }
    }
    t[o] = 0;
    /* tokens between single spaces: two words in a row fail */
    const char *p = t, *prev = NULL;
    size_t prevn = 0;
    const char *bad = NULL;
    while (*p && !bad) {
        const char *sp = strchr(p, ' ');
        size_t k = sp ? (size_t)(sp - p) : strlen(p);
        int word = untr_is_word(p, k) && strcspn(p, "0123456789_./\\-@") >= k;
        if (word && prev && untr_is_word(prev, prevn) && prev + prevn + 1 == p) {
            snprintf(why, size, "English words \"%.*s %.*s\"", (int)prevn, prev, (int)k, p);
            bad = why;
        }
        prev = word ? p : NULL;
        prevn = k;
        p += k + (sp != NULL);
    }
    free(t);
    return bad;
}

/* e's message in Chinese (itss_error_message) is translated. */
static void assert_translated(const itss_error *e, const char *where)
{
    char *zh = NULL, why[200];
    itss_error err;
    ck_assert_int_eq(itss_error_message(e, ITSS_LANG_ZH, &zh, NULL, &err), ITSS_OK);
    const char *bad = untranslated(zh, why, sizeof why);
    if (bad) {
        char msg[1200];
        snprintf(msg, sizeof msg, "%s: message not translated (%s): \"%s\" from \"%s\"", where,
                 bad, zh, e->message);
        itss_free(zh);
        ck_abort_msg("%s", msg);
    }
    itss_free(zh);
}

#endif
