/* libitss — the free-text metadata of assessments and evaluations: a fixed
 * list of keys, each with an optional owned UTF-8 value. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int itss__meta_index(const char *const *keys, int n, const char *key)
{
    for (int k = 0; k < n; k++)
        if (strcmp(keys[k], key) == 0)
            return k;
    return -1;
}

int itss__meta_set(char **meta, const char *const *keys, int n, const char *key,
                   const char *value, itss_error *err)
{
    int k = itss__meta_index(keys, n, key);
    if (k < 0) {
        char shown[160], list[256] = "";
        for (int i = 0; i < n; i++) {
            if (i)
                itss__str_append(list, sizeof list, ", ");
            itss__str_append(list, sizeof list, keys[i]);
        }
        return itss__err(err, ITSS_EVALUE, "unknown metadata key \"%s\" (keys: %s)",
                         itss__shown(shown, sizeof shown, key), list);
    }
    if (value && !itss__utf8_valid(value, strlen(value)))
        return itss__err(err, ITSS_EVALUE, "the value of \"%s\" is not valid UTF-8", key);
    char *v = value ? itss__strdup(value) : NULL;
    if (value && !v)
        return itss__err(err, ITSS_ENOMEM, "out of memory");
    free(meta[k]);
    meta[k] = v;
    return ITSS_OK;
}

int itss__meta_copy(char **dst, char *const *src, int n)
{
    for (int k = 0; k < n; k++)
        if (src[k] && !(dst[k] = itss__strdup(src[k])))
            return -1;
    return 0;
}

void itss__meta_free(char **meta, int n)
{
    for (int k = 0; k < n; k++)
        free(meta[k]);
}
