/*
 * libitss — version information.
 *
 * The release version (MAJOR.MINOR.PATCH) follows the project's releases; the
 * ABI is versioned separately by the shared object's SONAME (libitss.so.N,
 * N = ITSS_SOVERSION). See docs/api-conventions.md for the ABI policy.
 */
#ifndef ITSS_VERSION_H
#define ITSS_VERSION_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ITSS_VERSION_MAJOR 1
#define ITSS_VERSION_MINOR 1
#define ITSS_VERSION_PATCH 0
#define ITSS_VERSION_STRING "1.1.0"
/* 0xMMmmpp: one byte each for major, minor and patch. */
#define ITSS_VERSION_HEX \
    ((ITSS_VERSION_MAJOR << 16) | (ITSS_VERSION_MINOR << 8) | ITSS_VERSION_PATCH)
/* The N of the shared object's SONAME libitss.so.N. */
#define ITSS_SOVERSION 1

/* The version of the library loaded at run time, as "MAJOR.MINOR.PATCH".
 * Borrowed, static. Compare with ITSS_VERSION_STRING to detect a mismatch
 * between the headers a program was built with and the library it runs with. */
ITSS_API const char *itss_version_string(void);

/* The version of the library loaded at run time, encoded as ITSS_VERSION_HEX. */
ITSS_API unsigned long itss_version_hex(void);

#ifdef __cplusplus
}
#endif

#endif /* ITSS_VERSION_H */
