/*
 * libitss — the built-in models: constant data that data/gen_builtin.c
 * writes into builtin_models.c at build time, from the data files of data/
 * read through the library's loaders (those of a user's own catalogs and
 * models; the quality model, which users cannot load, through an internal
 * one). Nothing is
 * parsed or allocated at run time; the objects are immutable and shared.
 */
#ifndef ITSS_BUILTIN_H
#define ITSS_BUILTIN_H

#include "classify_internal.h"
#include "maturity_internal.h"
#include "quality_internal.h"
#include "standards_internal.h"

extern const itss_catalog itss__builtin_catalog;                     /* GB/T 29264-2012 */
extern const itss_maturity_model itss__builtin_maturity_model;       /* T/CESA 1299-2023 */
extern const itss_maturity_model itss__builtin_itss1_model;          /* ITSS.1-2015 */
extern const itss_quality_model itss__builtin_quality_model;         /* GB/T 33850-2017 */
extern const itss_indicator_catalog itss__builtin_indicator_catalog; /* its indicators */
extern const itss_registry itss__builtin_registry;                   /* ITSS standards */

#endif /* ITSS_BUILTIN_H */
