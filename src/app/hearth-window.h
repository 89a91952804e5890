/* hearth-window.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_WINDOW (hearth_window_get_type ())

G_DECLARE_FINAL_TYPE (HearthWindow, hearth_window, HEARTH, WINDOW, AdwApplicationWindow)

HearthWindow   *hearth_window_new                  (GtkApplication       *application);
HearthDocument *hearth_window_get_document         (HearthWindow         *self);
gboolean        hearth_window_get_is_empty         (HearthWindow         *self);
gboolean        hearth_window_get_loading          (HearthWindow         *self);
void            hearth_window_open_files           (HearthWindow         *self,
                                                    GFile               **files,
                                                    guint                 n_files);
void            hearth_window_load_files           (HearthWindow         *self,
                                                    GFile               **files,
                                                    guint                 n_files);
void            hearth_window_cancel_loading       (HearthWindow         *self);
void            hearth_window_choose_files         (HearthWindow         *self);
void            hearth_window_show_error           (HearthWindow         *self,
                                                    const char           *title,
                                                    const GError         *error);
void            hearth_window_show_toast           (HearthWindow         *self,
                                                    const char           *title);
const char     *hearth_window_get_visible_view     (HearthWindow         *self);
char           *hearth_window_dup_visible_table    (HearthWindow         *self,
                                                    char                  separator);
char           *hearth_window_dup_export_name      (HearthWindow         *self);
void            hearth_window_export_table_async   (HearthWindow         *self,
                                                    GFile                *file,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean        hearth_window_export_table_finish  (HearthWindow         *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
