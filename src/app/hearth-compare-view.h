/* hearth-compare-view.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-comparison.h"
#include "hearth-document.h"
#include "hearth-flame-graph.h"
#include "hearth-range-slider.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_COMPARE_VIEW (hearth_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (HearthCompareView, hearth_compare_view, HEARTH, COMPARE_VIEW, GtkWidget)

GtkWidget         *hearth_compare_view_new                    (void);
HearthDocument    *hearth_compare_view_get_document           (HearthCompareView  *self);
void               hearth_compare_view_set_document           (HearthCompareView  *self,
                                                               HearthDocument     *document);
HearthComparison  *hearth_compare_view_get_comparison         (HearthCompareView  *self);
void               hearth_compare_view_set_comparison         (HearthCompareView  *self,
                                                               HearthComparison   *comparison);
void               hearth_compare_view_add_files              (HearthCompareView  *self,
                                                               HearthDiffSide      side,
                                                               GFile             **files,
                                                               guint               n_files);
void               hearth_compare_view_choose_files           (HearthCompareView  *self,
                                                               HearthDiffSide      side);
void               hearth_compare_view_set_drop_zones_visible (HearthCompareView  *self,
                                                               gboolean            visible);
gboolean           hearth_compare_view_get_drop_zones_visible (HearthCompareView  *self);
void               hearth_compare_view_compare                (HearthCompareView  *self);
void               hearth_compare_view_show_side              (HearthCompareView  *self,
                                                               int                 side);
const char        *hearth_compare_view_get_page               (HearthCompareView  *self);
GtkColumnView     *hearth_compare_view_get_column_view        (HearthCompareView  *self);
GListModel        *hearth_compare_view_get_rows               (HearthCompareView  *self);
HearthFlameGraph  *hearth_compare_view_get_diff_graph         (HearthCompareView  *self);
HearthRangeSlider *hearth_compare_view_get_slider             (HearthCompareView  *self);
char              *hearth_compare_view_dup_side_summary       (HearthCompareView  *self,
                                                               HearthDiffSide      side);
char              *hearth_compare_view_dup_node_markup        (HearthCompareView  *self,
                                                               guint               node);
char              *hearth_compare_view_dup_table              (HearthCompareView  *self,
                                                               char                separator);
const char        *hearth_compare_view_get_table_name         (HearthCompareView  *self);
gboolean           hearth_compare_view_export_flame           (HearthCompareView  *self,
                                                               GFile              *file,
                                                               GError            **error);
void               hearth_compare_view_focus_search           (HearthCompareView  *self);

G_END_DECLS
