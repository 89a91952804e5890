/* hearth-document.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-frame-stats.h"
#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_DOCUMENT (hearth_document_get_type ())

G_DECLARE_FINAL_TYPE (HearthDocument, hearth_document, HEARTH, DOCUMENT, GObject)

HearthDocument *hearth_document_new                   (void);
GListModel     *hearth_document_get_captures          (HearthDocument *self);
guint           hearth_document_get_n_captures        (HearthDocument *self);
void            hearth_document_add_profile           (HearthDocument *self,
                                                       HearthProfile  *profile);
void            hearth_document_remove_capture        (HearthDocument *self,
                                                       guint           index);
void            hearth_document_clear                 (HearthDocument *self);
HearthProfile  *hearth_document_get_profile           (HearthDocument *self);
gboolean        hearth_document_get_is_loaded         (HearthDocument *self);
HearthMetric    hearth_document_get_metric            (HearthDocument *self);
void            hearth_document_set_metric            (HearthDocument *self,
                                                       HearthMetric    metric);
HearthUnit      hearth_document_get_unit              (HearthDocument *self);
void            hearth_document_set_unit              (HearthDocument *self,
                                                       HearthUnit      unit);
HearthAverage   hearth_document_get_average           (HearthDocument *self);
void            hearth_document_set_average           (HearthDocument *self,
                                                       HearthAverage   average);
const char     *hearth_document_get_search_text       (HearthDocument *self);
void            hearth_document_set_search_text       (HearthDocument *self,
                                                       const char     *search_text);
guint           hearth_document_get_selected_function (HearthDocument *self);
void            hearth_document_set_selected_function (HearthDocument *self,
                                                       guint           function);
gboolean        hearth_document_get_inverted          (HearthDocument *self);
void            hearth_document_set_inverted          (HearthDocument *self,
                                                       gboolean        inverted);
double          hearth_document_get_display_factor    (HearthDocument *self);
char           *hearth_document_format_value          (HearthDocument *self,
                                                       double          value);
gboolean        hearth_document_function_matches      (HearthDocument *self,
                                                       guint           function);
gboolean        hearth_document_has_search            (HearthDocument *self);
GBytes         *hearth_document_get_visible_nodes     (HearthDocument *self);
double          hearth_document_get_root_total        (HearthDocument *self);

/* Frame selection (captures with frames) */
HearthProfile  *hearth_document_get_full_profile      (HearthDocument *self);
void            hearth_document_select_frames         (HearthDocument *self,
                                                       const guint    *frames,
                                                       guint           n_frames);
void            hearth_document_set_frame_range       (HearthDocument *self,
                                                       guint           first,
                                                       guint           last);
void            hearth_document_clear_frame_selection (HearthDocument *self);
guint           hearth_document_get_frame_first       (HearthDocument *self);
guint           hearth_document_get_frame_last        (HearthDocument *self);
guint           hearth_document_get_n_selected_frames (HearthDocument *self);
const guint    *hearth_document_get_selected_frames   (HearthDocument *self,
                                                       guint          *n_frames);
gboolean        hearth_document_is_frame_selected     (HearthDocument *self,
                                                       guint           frame);
HearthFrameStats *hearth_document_get_frame_stats     (HearthDocument *self);
gboolean        hearth_document_get_frames_busy       (HearthDocument *self);

G_END_DECLS
