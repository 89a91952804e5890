/* hearth-folded-reader.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

gboolean       hearth_folded_sniff          (const guint8             *data,
                                             gsize                     length);
HearthProfile *hearth_folded_read           (const HearthImportSource *source,
                                             GError                  **error);
HearthProfile *hearth_folded_read_with_unit (const HearthImportSource *source,
                                             const char               *unit,
                                             GError                  **error);

G_END_DECLS
