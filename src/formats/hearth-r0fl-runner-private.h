/* hearth-r0fl-runner-private.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-r0fl-runner.h"

G_BEGIN_DECLS

/* The parent's record reader without a helper process: fuzzing and tests */
HearthProfile *_hearth_r0fl_read_records (const HearthImportSource  *source,
                                          const guint8              *records,
                                          gsize                      length,
                                          GError                   **error);

G_END_DECLS
