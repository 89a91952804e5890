/* hearth-call-tree-view.h
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

#define HEARTH_TYPE_CALL_TREE_VIEW (hearth_call_tree_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthCallTreeView, hearth_call_tree_view, HEARTH, CALL_TREE_VIEW, GtkWidget)

GtkWidget      *hearth_call_tree_view_new            (void);
HearthDocument *hearth_call_tree_view_get_document   (HearthCallTreeView *self);
void            hearth_call_tree_view_set_document   (HearthCallTreeView *self,
                                                      HearthDocument     *document);
GtkColumnView  *hearth_call_tree_view_get_column_view (HearthCallTreeView *self);
char           *hearth_call_tree_view_dup_table      (HearthCallTreeView *self,
                                                      char                separator);
const char     *hearth_call_tree_view_get_table_name (HearthCallTreeView *self);

G_END_DECLS
