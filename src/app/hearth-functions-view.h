/* hearth-functions-view.h
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

#define HEARTH_TYPE_FUNCTIONS_VIEW (hearth_functions_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthFunctionsView, hearth_functions_view, HEARTH, FUNCTIONS_VIEW, GtkWidget)

GtkWidget      *hearth_functions_view_new             (void);
HearthDocument *hearth_functions_view_get_document    (HearthFunctionsView *self);
void            hearth_functions_view_set_document    (HearthFunctionsView *self,
                                                       HearthDocument      *document);
GtkColumnView  *hearth_functions_view_get_column_view (HearthFunctionsView *self);
char           *hearth_functions_view_dup_table       (HearthFunctionsView *self,
                                                       char                 separator);
const char     *hearth_functions_view_get_table_name  (HearthFunctionsView *self);

G_END_DECLS
