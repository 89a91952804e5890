/* hearth-frame-timeline.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-document.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FRAME_TIMELINE (hearth_frame_timeline_get_type ())

G_DECLARE_FINAL_TYPE (HearthFrameTimeline, hearth_frame_timeline, HEARTH, FRAME_TIMELINE, GtkWidget)

GtkWidget      *hearth_frame_timeline_new              (void);
HearthDocument *hearth_frame_timeline_get_document     (HearthFrameTimeline *self);
void            hearth_frame_timeline_set_document     (HearthFrameTimeline *self,
                                                        HearthDocument      *document);
double          hearth_frame_timeline_get_reference_ms (HearthFrameTimeline *self);
void            hearth_frame_timeline_set_reference_ms (HearthFrameTimeline *self,
                                                        double               reference_ms);
double          hearth_frame_timeline_get_max_ms       (HearthFrameTimeline *self);
void            hearth_frame_timeline_set_max_ms       (HearthFrameTimeline *self,
                                                        double               max_ms);
guint           hearth_frame_timeline_get_frame_at     (HearthFrameTimeline *self,
                                                        double               x);
char           *hearth_frame_timeline_dup_tooltip      (HearthFrameTimeline *self,
                                                        guint                frame);
char           *hearth_frame_timeline_dup_chip_text    (HearthFrameTimeline *self);

G_END_DECLS
