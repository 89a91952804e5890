/* hearth-frame-filter.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

/* The reference frame time the timeline and "spikes" default to (60 Hz) */
#define HEARTH_FRAME_REFERENCE_MS (1000.0 / 60.0)

HearthProfile    *hearth_profile_filter_frames  (HearthProfile     *profile,
                                                 guint              first,
                                                 guint              last);
HearthProfile    *hearth_profile_select_frames  (HearthProfile     *profile,
                                                 const guint       *frames,
                                                 guint              n_frames);

gboolean          hearth_frame_range_parse      (const char        *text,
                                                 guint              n_frames,
                                                 guint             *first,
                                                 guint             *last,
                                                 GError           **error);

double            hearth_frame_get_ms           (const HearthFrame *frame);
HearthFrameClass  hearth_frame_classify         (const HearthFrame *frame);
const char       *hearth_frame_class_to_string  (HearthFrameClass   klass);

guint             hearth_frames_spikes          (HearthProfile     *profile,
                                                 double             reference_ms,
                                                 GArray            *out);
guint             hearth_frames_typical         (HearthProfile     *profile,
                                                 double             reference_ms,
                                                 GArray            *out);
guint             hearth_frames_slowest         (HearthProfile     *profile,
                                                 guint              n,
                                                 GArray            *out);
gboolean          hearth_profile_split_spikes   (HearthProfile     *profile,
                                                 double             reference_ms,
                                                 gboolean           per_frame,
                                                 HearthProfile    **spikes,
                                                 HearthProfile    **typical);

G_END_DECLS
