/* libitss — the public access to the built-in models (lib/builtin.h). */
#include <string.h>

#include "builtin.h"

const itss_catalog *itss_catalog_builtin(void) { return &itss__builtin_catalog; }

const itss_maturity_model *itss_maturity_model_builtin(void)
{
    return &itss__builtin_maturity_model;
}

/* The built-in maturity models, the default one first. */
static const itss_maturity_model *const builtin_models[] = {
    &itss__builtin_maturity_model,
    &itss__builtin_itss1_model,
};

int itss_maturity_model_builtin_lookup(const char *id, const itss_maturity_model **out,
                                       itss_error *err)
{
    itss__err_clear(err);
    ITSS_CHECK_OUT(err, out);
    ITSS_CHECK_ARG(err, id);
    size_t n = sizeof builtin_models / sizeof *builtin_models;
    for (size_t i = 0; i < n; i++)
        if (strcmp(builtin_models[i]->id, id) == 0) {
            *out = builtin_models[i];
            return ITSS_OK;
        }
    char shown[160];
    itss__quote(shown, sizeof shown, id, strlen(id), 40);
    return itss__err(err, ITSS_ENOTFOUND, "no built-in maturity model \"%s\" (built-in: %s, %s)",
                     shown, builtin_models[0]->id, builtin_models[1]->id);
}

const itss_quality_model *itss_quality_model_builtin(void)
{
    return &itss__builtin_quality_model;
}

const itss_indicator_catalog *itss_indicator_catalog_builtin(void)
{
    return &itss__builtin_indicator_catalog;
}

const itss_registry *itss_registry_builtin(void) { return &itss__builtin_registry; }
