/* hearth-flame-view.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-document.h"
#include "hearth-flame-graph.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FLAME_VIEW (hearth_flame_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthFlameView, hearth_flame_view, HEARTH, FLAME_VIEW, GtkWidget)

GtkWidget        *hearth_flame_view_new            (void);
HearthDocument   *hearth_flame_view_get_document   (HearthFlameView  *self);
void              hearth_flame_view_set_document   (HearthFlameView  *self,
                                                    HearthDocument   *document);
HearthFlameGraph *hearth_flame_view_get_graph      (HearthFlameView  *self);
void              hearth_flame_view_focus_search   (HearthFlameView  *self);
gboolean          hearth_flame_view_export         (HearthFlameView  *self,
                                                    GFile            *file,
                                                    GError          **error);

G_END_DECLS
