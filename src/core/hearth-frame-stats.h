/* hearth-frame-stats.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-profile.h"

G_BEGIN_DECLS

/**
 * HearthFrameStat:
 * @mean_ms: the function's time per frame, averaged over the frames
 * @p50_ms: median (nearest rank)
 * @p95_ms: 95th percentile (nearest rank)
 * @max_ms: the most time in one frame
 */
typedef struct
{
  double mean_ms;
  double p50_ms;
  double p95_ms;
  double max_ms;
} HearthFrameStat;

typedef struct _HearthFrameStats HearthFrameStats;

#define HEARTH_TYPE_FRAME_STATS (hearth_frame_stats_get_type ())

GType             hearth_frame_stats_get_type        (void) G_GNUC_CONST;
HearthFrameStats *hearth_frame_stats_new             (HearthProfile          *profile);
HearthFrameStats *hearth_frame_stats_ref             (HearthFrameStats       *self);
void              hearth_frame_stats_unref           (HearthFrameStats       *self);
HearthFrameStats *hearth_profile_get_frame_stats     (HearthProfile          *profile);
guint             hearth_frame_stats_get_n_frames    (HearthFrameStats       *self);
gboolean          hearth_frame_stats_get             (HearthFrameStats       *self,
                                                      guint                   function,
                                                      HearthFrameStat        *stat);
double            hearth_percentile_nearest_rank     (const double           *sorted,
                                                      guint                   n,
                                                      double                  percent);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthFrameStats, hearth_frame_stats_unref)

G_END_DECLS
