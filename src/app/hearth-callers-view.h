/* hearth-callers-view.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-document.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_CALLERS_VIEW (hearth_callers_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthCallersView, hearth_callers_view, HEARTH, CALLERS_VIEW, GtkWidget)

GtkWidget      *hearth_callers_view_new                  (void);
HearthDocument *hearth_callers_view_get_document         (HearthCallersView *self);
void            hearth_callers_view_set_document         (HearthCallersView *self,
                                                          HearthDocument    *document);
gboolean        hearth_callers_view_get_merge_duplicates (HearthCallersView *self);
void            hearth_callers_view_set_merge_duplicates (HearthCallersView *self,
                                                          gboolean           merge_duplicates);
GtkColumnView  *hearth_callers_view_get_callers_view     (HearthCallersView *self);
GtkColumnView  *hearth_callers_view_get_callees_view     (HearthCallersView *self);
char           *hearth_callers_view_dup_figures          (HearthCallersView *self);
char           *hearth_callers_view_dup_table            (HearthCallersView *self,
                                                          gboolean           callers,
                                                          char               separator);

G_END_DECLS
