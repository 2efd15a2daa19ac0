/* libitss — the data files of data/, embedded at build time by
 * data/embed.py (see data/meson.build). Each array is NUL-terminated; the
 * length excludes the NUL. */
#ifndef ITSS_BUILTIN_DATA_H
#define ITSS_BUILTIN_DATA_H

#include <stddef.h>

extern const char itss__data_gbt29264_2012[];
extern const size_t itss__data_gbt29264_2012_len;
extern const char itss__data_tcesa1299_2023[];
extern const size_t itss__data_tcesa1299_2023_len;
extern const char itss__data_gbt33850_2017[];
extern const size_t itss__data_gbt33850_2017_len;
extern const char itss__data_quality_indicators[];
extern const size_t itss__data_quality_indicators_len;

#endif /* ITSS_BUILTIN_DATA_H */
