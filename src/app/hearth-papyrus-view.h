/* hearth-papyrus-view.h
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

#define HEARTH_TYPE_PAPYRUS_VIEW (hearth_papyrus_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthPapyrusView, hearth_papyrus_view, HEARTH, PAPYRUS_VIEW, GtkWidget)

GtkWidget      *hearth_papyrus_view_new              (void);
HearthDocument *hearth_papyrus_view_get_document     (HearthPapyrusView *self);
void            hearth_papyrus_view_set_document     (HearthPapyrusView *self,
                                                      HearthDocument    *document);
const char     *hearth_papyrus_view_get_page         (HearthPapyrusView *self);
void            hearth_papyrus_view_set_page         (HearthPapyrusView *self,
                                                      const char        *page);
GtkColumnView  *hearth_papyrus_view_get_stacks_view  (HearthPapyrusView *self);
GtkColumnView  *hearth_papyrus_view_get_calls_view   (HearthPapyrusView *self);
GListModel     *hearth_papyrus_view_get_functions    (HearthPapyrusView *self);
char           *hearth_papyrus_view_dup_table        (HearthPapyrusView *self,
                                                      char               separator);
const char     *hearth_papyrus_view_get_table_name   (HearthPapyrusView *self);

G_END_DECLS
