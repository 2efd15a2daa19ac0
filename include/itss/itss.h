/*
 * libitss — umbrella header: includes every public header.
 * Link with `pkg-config --cflags --libs itss`.
 */
#ifndef ITSS_ITSS_H
#define ITSS_ITSS_H

#include "common.h"
#include "version.h"
#include "classify.h"
#include "maturity.h"
#include "quality.h"
#include "standards.h"

#endif /* ITSS_ITSS_H */
