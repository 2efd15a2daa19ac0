/* libitss — the public access to the built-in models (lib/builtin.h). */
#include "builtin.h"

const itss_catalog *itss_catalog_builtin(void) { return &itss__builtin_catalog; }

const itss_maturity_model *itss_maturity_model_builtin(void)
{
    return &itss__builtin_maturity_model;
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
