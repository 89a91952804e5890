/* hearth-diff-row.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-diff.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_DIFF_ROW (hearth_diff_row_get_type ())

G_DECLARE_FINAL_TYPE (HearthDiffRow, hearth_diff_row, HEARTH, DIFF_ROW, GObject)

HearthDiffRow *hearth_diff_row_new      (HearthDiff    *diff,
                                         guint          node);
HearthDiff    *hearth_diff_row_get_diff (HearthDiffRow *self);
guint          hearth_diff_row_get_node (HearthDiffRow *self);
const char    *hearth_diff_row_get_name (HearthDiffRow *self);
char          *hearth_diff_row_dup_path (HearthDiffRow *self);

G_END_DECLS
