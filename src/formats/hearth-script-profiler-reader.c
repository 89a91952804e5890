/* hearth-script-profiler-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-script-profiler-reader"

#include "config.h"

#include "hearth-script-profiler-reader.h"
