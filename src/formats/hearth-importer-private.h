/* hearth-importer-private.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest inflated size of a gzip capture: 4 GiB */
#define HEARTH_IMPORT_MAX_INFLATED (G_GUINT64_CONSTANT (4) << 30)

/* Tests only: lowers the inflated-size cap (0 restores the default). Not
 * thread-safe; set it before importing. */
void _hearth_importer_set_max_inflated (guint64 max_bytes);

G_END_DECLS
