/* hearth-diff.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

/**
 * HearthDiffSide:
 * @HEARTH_DIFF_SIDE_LEFT: the Left (green) side, the baseline
 * @HEARTH_DIFF_SIDE_RIGHT: the Right (blue) side
 */
typedef enum
{
  HEARTH_DIFF_SIDE_LEFT,
  HEARTH_DIFF_SIDE_RIGHT,
} HearthDiffSide;

/**
 * HearthDiffMode:
 * @HEARTH_DIFF_MODE_RELATIVE: difference = |R − L| / max (L, R), in percent
 * @HEARTH_DIFF_MODE_ABSOLUTE: difference = |R − L| in the display unit of
 *   the metric (ms for CPU time, allocations, bytes)
 */
typedef enum
{
  HEARTH_DIFF_MODE_RELATIVE,
  HEARTH_DIFF_MODE_ABSOLUTE,
} HearthDiffMode;

/**
 * HearthDiffClass:
 * @HEARTH_DIFF_CLASS_SAME: the difference is below the low threshold (or
 *   within the noise)
 * @HEARTH_DIFF_CLASS_LEFT: Left consumes more
 * @HEARTH_DIFF_CLASS_RIGHT: Right consumes more
 * @HEARTH_DIFF_CLASS_ONLY_LEFT: the call path exists on the Left side only
 * @HEARTH_DIFF_CLASS_ONLY_RIGHT: the call path exists on the Right side only
 */
typedef enum
{
  HEARTH_DIFF_CLASS_SAME,
  HEARTH_DIFF_CLASS_LEFT,
  HEARTH_DIFF_CLASS_RIGHT,
  HEARTH_DIFF_CLASS_ONLY_LEFT,
  HEARTH_DIFF_CLASS_ONLY_RIGHT,
} HearthDiffClass;

/**
 * HearthDiffNormalisation:
 * @HEARTH_DIFF_PER_FRAME: every capture of both sides has frames; a side's
 *   sums are divided by its total number of frames
 * @HEARTH_DIFF_PER_SECOND: every capture has a session length; a side's
 *   sums are divided by its total session length in seconds
 * @HEARTH_DIFF_PER_CAPTURE: otherwise; a side's sums are divided by its
 *   number of captures
 *
 * Both sides always use the same unit: the first of the three that every
 * capture of both sides supports.
 */
typedef enum
{
  HEARTH_DIFF_PER_FRAME,
  HEARTH_DIFF_PER_SECOND,
  HEARTH_DIFF_PER_CAPTURE,
} HearthDiffNormalisation;

/**
 * HearthDiffPalette:
 * @HEARTH_DIFF_PALETTE_GREEN_BLUE: Left green, Right blue
 * @HEARTH_DIFF_PALETTE_COLORBLIND: Left orange, Right blue (Okabe–Ito),
 *   distinguishable with any common colour-vision deficiency
 */
typedef enum
{
  HEARTH_DIFF_PALETTE_GREEN_BLUE,
  HEARTH_DIFF_PALETTE_COLORBLIND,
} HearthDiffPalette;

typedef struct _HearthDiff HearthDiff;

#define HEARTH_TYPE_DIFF         (hearth_diff_get_type ())
#define HEARTH_TYPE_DIFF_SIDE    (hearth_diff_side_get_type ())
#define HEARTH_TYPE_DIFF_MODE    (hearth_diff_mode_get_type ())
#define HEARTH_TYPE_DIFF_CLASS   (hearth_diff_class_get_type ())
#define HEARTH_TYPE_DIFF_PALETTE (hearth_diff_palette_get_type ())

GType                    hearth_diff_side_get_type           (void) G_GNUC_CONST;
GType                    hearth_diff_mode_get_type           (void) G_GNUC_CONST;
GType                    hearth_diff_class_get_type          (void) G_GNUC_CONST;
GType                    hearth_diff_palette_get_type        (void) G_GNUC_CONST;

GType                    hearth_diff_get_type                (void) G_GNUC_CONST;
HearthDiff              *hearth_diff_new                     (HearthProfile * const *left,
                                                              guint                  n_left,
                                                              HearthProfile * const *right,
                                                              guint                  n_right,
                                                              GCancellable          *cancellable,
                                                              GError               **error);
HearthDiff              *hearth_diff_ref                     (HearthDiff            *self);
void                     hearth_diff_unref                   (HearthDiff            *self);

HearthDiffNormalisation  hearth_diff_get_normalisation       (HearthDiff            *self);
const char              *hearth_diff_get_normalisation_label (HearthDiff            *self);
guint                    hearth_diff_get_n_captures          (HearthDiff            *self,
                                                              HearthDiffSide         side);
double                   hearth_diff_get_divisor             (HearthDiff            *self,
                                                              HearthDiffSide         side);
HearthProfile           *hearth_diff_get_profile             (HearthDiff            *self,
                                                              HearthDiffSide         side);
gboolean                 hearth_diff_has_noise_data          (HearthDiff            *self);

guint                    hearth_diff_get_n_nodes             (HearthDiff            *self);
guint                    hearth_diff_node_get_parent         (HearthDiff            *self,
                                                              guint                  node);
guint                    hearth_diff_node_get_depth          (HearthDiff            *self,
                                                              guint                  node);
guint                    hearth_diff_node_get_subtree_end    (HearthDiff            *self,
                                                              guint                  node);
guint                    hearth_diff_node_get_side_node      (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthDiffSide         side);
gboolean                 hearth_diff_node_get_present        (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthDiffSide         side);
char                    *hearth_diff_node_dup_name           (HearthDiff            *self,
                                                              guint                  node);
char                    *hearth_diff_node_dup_location       (HearthDiff            *self,
                                                              guint                  node);
char                    *hearth_diff_node_dup_path           (HearthDiff            *self,
                                                              guint                  node,
                                                              const char            *separator);
double                   hearth_diff_node_get_total          (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthDiffSide         side,
                                                              HearthMetric           metric);
double                   hearth_diff_node_get_self           (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthDiffSide         side,
                                                              HearthMetric           metric);
double                   hearth_diff_node_get_calls          (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthDiffSide         side);
gboolean                 hearth_diff_node_get_noise          (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthMetric           metric,
                                                              double                *mean_left,
                                                              double                *mean_right,
                                                              double                *standard_error);
guint                   *hearth_diff_node_dup_children_sorted (HearthDiff           *self,
                                                               guint                 node,
                                                               HearthMetric          metric,
                                                               guint                *n_children);

HearthDiffClass          hearth_diff_classify                (HearthDiff            *self,
                                                              guint                  node,
                                                              HearthMetric           metric,
                                                              HearthDiffMode         mode,
                                                              double                 low,
                                                              double                 high,
                                                              gboolean               noise,
                                                              double                *intensity);
HearthDiffClass          hearth_diff_classify_values         (double                 left,
                                                              double                 right,
                                                              HearthDiffMode         mode,
                                                              double                 low,
                                                              double                 high,
                                                              double                *intensity);
char                    *hearth_diff_csv                     (HearthDiff            *self,
                                                              HearthMetric           metric,
                                                              HearthDiffMode         mode,
                                                              double                 low,
                                                              double                 high,
                                                              gboolean               noise);

double                   hearth_diff_metric_display_factor   (HearthMetric           metric);
gboolean                 hearth_diff_metric_is_supported     (HearthMetric           metric);
void                     hearth_diff_get_default_thresholds  (HearthDiffMode         mode,
                                                              HearthMetric           metric,
                                                              double                *low,
                                                              double                *high);
void                     hearth_diff_get_color               (HearthDiffClass        klass,
                                                              double                 intensity,
                                                              HearthDiffPalette      palette,
                                                              gboolean               dark,
                                                              double                 rgb[3]);
void                     hearth_diff_get_side_color          (HearthDiffSide         side,
                                                              HearthDiffPalette      palette,
                                                              double                 rgb[3]);
const char              *hearth_diff_class_to_string         (HearthDiffClass        klass);
const char              *hearth_diff_mode_to_string          (HearthDiffMode         mode);
gboolean                 hearth_diff_mode_from_string        (const char            *str,
                                                              HearthDiffMode        *mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthDiff, hearth_diff_unref)

G_END_DECLS
