/* hearth-percent-cell.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_PERCENT_CELL (hearth_percent_cell_get_type ())

G_DECLARE_FINAL_TYPE (HearthPercentCell, hearth_percent_cell, HEARTH, PERCENT_CELL, GtkWidget)

GtkWidget *hearth_percent_cell_new         (void);
double     hearth_percent_cell_get_percent (HearthPercentCell *self);
void       hearth_percent_cell_set_percent (HearthPercentCell *self,
                                            double             percent);
const char *hearth_percent_cell_get_text   (HearthPercentCell *self);

G_END_DECLS
