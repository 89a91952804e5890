/* hearth-csv-writer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-csv-writer"

#include "config.h"

#include "hearth-csv-writer.h"
