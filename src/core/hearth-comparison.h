/* hearth-comparison.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-diff.h"
#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_COMPARISON (hearth_comparison_get_type ())

G_DECLARE_FINAL_TYPE (HearthComparison, hearth_comparison, HEARTH, COMPARISON, GObject)

HearthComparison  *hearth_comparison_new            (void);
GListStore        *hearth_comparison_get_left       (HearthComparison  *self);
GListStore        *hearth_comparison_get_right      (HearthComparison  *self);
GListStore        *hearth_comparison_get_side       (HearthComparison  *self,
                                                     HearthDiffSide     side);
void               hearth_comparison_add            (HearthComparison  *self,
                                                     HearthDiffSide     side,
                                                     HearthProfile     *profile);
void               hearth_comparison_remove         (HearthComparison  *self,
                                                     HearthDiffSide     side,
                                                     guint              index);
HearthMetric       hearth_comparison_get_metric     (HearthComparison  *self);
void               hearth_comparison_set_metric     (HearthComparison  *self,
                                                     HearthMetric       metric);
HearthDiffMode     hearth_comparison_get_mode       (HearthComparison  *self);
void               hearth_comparison_set_mode       (HearthComparison  *self,
                                                     HearthDiffMode     mode);
double             hearth_comparison_get_low        (HearthComparison  *self);
void               hearth_comparison_set_low        (HearthComparison  *self,
                                                     double             low);
double             hearth_comparison_get_high       (HearthComparison  *self);
void               hearth_comparison_set_high       (HearthComparison  *self,
                                                     double             high);
void               hearth_comparison_set_thresholds (HearthComparison  *self,
                                                     double             low,
                                                     double             high);
gboolean           hearth_comparison_get_noise      (HearthComparison  *self);
void               hearth_comparison_set_noise      (HearthComparison  *self,
                                                     gboolean           noise);
gboolean           hearth_comparison_get_can_noise  (HearthComparison  *self);
HearthDiffPalette  hearth_comparison_get_palette    (HearthComparison  *self);
void               hearth_comparison_set_palette    (HearthComparison  *self,
                                                     HearthDiffPalette  palette);
gboolean           hearth_comparison_get_inverted   (HearthComparison  *self);
void               hearth_comparison_set_inverted   (HearthComparison  *self,
                                                     gboolean           inverted);
HearthDiff        *hearth_comparison_get_diff       (HearthComparison  *self);
gboolean           hearth_comparison_get_busy       (HearthComparison  *self);
guint              hearth_comparison_get_generation (HearthComparison  *self);
HearthDiffClass    hearth_comparison_classify       (HearthComparison  *self,
                                                     guint              node,
                                                     double            *intensity);
char              *hearth_comparison_dup_csv        (HearthComparison  *self);

G_END_DECLS
