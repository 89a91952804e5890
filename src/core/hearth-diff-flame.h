/* hearth-diff-flame.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-diff.h"
#include "hearth-flame-render.h"

G_BEGIN_DECLS

/**
 * HearthDiffColoring:
 * @diff: the diff whose union tree is drawn
 * @metric: CPU time, allocation count or allocation size
 * @mode: relative or absolute
 * @low: low threshold (see hearth_diff_classify())
 * @high: high threshold
 * @noise: apply the noise filter
 * @palette: green/blue or colour-blind safe
 *
 * How the diff flame graph colours its boxes; the @color_data of
 * hearth_diff_flame_color_func().
 */
typedef struct
{
  HearthDiff        *diff;
  HearthMetric       metric;
  HearthDiffMode     mode;
  double             low;
  double             high;
  gboolean           noise;
  HearthDiffPalette  palette;
} HearthDiffColoring;

HearthProfile *hearth_diff_dup_flame_profile (HearthDiff                     *diff);
gboolean       hearth_diff_flame_color_func  (guint                           node,
                                              gboolean                        dark,
                                              double                          fill[4],
                                              gboolean                       *hatch,
                                              gpointer                        user_data);
gboolean       hearth_diff_export_flame      (HearthDiff                     *diff,
                                              const HearthDiffColoring       *coloring,
                                              const HearthFlameExportOptions *options,
                                              GFile                          *file,
                                              GError                        **error);

G_END_DECLS
