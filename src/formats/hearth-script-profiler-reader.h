/* hearth-script-profiler-reader.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

gboolean       hearth_script_profiler_sniff (const guint8             *data,
                                             gsize                     length);
HearthProfile *hearth_script_profiler_read  (const HearthImportSource *source,
                                             GError                  **error);

G_END_DECLS
