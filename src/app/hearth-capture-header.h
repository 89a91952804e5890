/* hearth-capture-header.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CAPTURE_HEADER (hearth_capture_header_get_type ())

G_DECLARE_FINAL_TYPE (HearthCaptureHeader, hearth_capture_header, HEARTH, CAPTURE_HEADER, GtkWidget)

GtkWidget      *hearth_capture_header_new            (void);
HearthDocument *hearth_capture_header_get_document   (HearthCaptureHeader *self);
void            hearth_capture_header_set_document   (HearthCaptureHeader *self,
                                                      HearthDocument      *document);
guint           hearth_capture_header_get_n_warnings (HearthCaptureHeader *self);
void            hearth_capture_header_show_warnings  (HearthCaptureHeader *self);

G_END_DECLS
