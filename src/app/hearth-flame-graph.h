/* hearth-flame-graph.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-flame-layout.h"
#include "hearth-flame-render.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FLAME_GRAPH (hearth_flame_graph_get_type ())

G_DECLARE_FINAL_TYPE (HearthFlameGraph, hearth_flame_graph, HEARTH, FLAME_GRAPH, GtkWidget)

GtkWidget            *hearth_flame_graph_new                  (void);
HearthProfile        *hearth_flame_graph_get_profile          (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_profile          (HearthFlameGraph     *self,
                                                               HearthProfile        *profile);
HearthFlameDirection  hearth_flame_graph_get_direction        (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_direction        (HearthFlameGraph     *self,
                                                               HearthFlameDirection  direction);
HearthMetric          hearth_flame_graph_get_metric           (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_metric           (HearthFlameGraph     *self,
                                                               HearthMetric          metric);
gboolean              hearth_flame_graph_get_root_at_bottom   (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_root_at_bottom   (HearthFlameGraph     *self,
                                                               gboolean              root_at_bottom);
gboolean              hearth_flame_graph_get_xray             (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_xray             (HearthFlameGraph     *self,
                                                               gboolean              xray);
void                  hearth_flame_graph_get_xray_options     (HearthFlameGraph     *self,
                                                               HearthFlameXRay      *xray);
void                  hearth_flame_graph_set_xray_options     (HearthFlameGraph     *self,
                                                               const HearthFlameXRay *xray);
double                hearth_flame_graph_get_xray_full_scale  (HearthFlameGraph     *self);
const char           *hearth_flame_graph_get_search_text      (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_search_text      (HearthFlameGraph     *self,
                                                               const char           *text);
guint                 hearth_flame_graph_get_n_matches        (HearthFlameGraph     *self);
double                hearth_flame_graph_get_match_fraction   (HearthFlameGraph     *self);
gboolean              hearth_flame_graph_step_match           (HearthFlameGraph     *self,
                                                               int                   direction);
guint                 hearth_flame_graph_get_selected_function (HearthFlameGraph    *self);
void                  hearth_flame_graph_set_selected_function (HearthFlameGraph    *self,
                                                                guint                function);

HearthFlameLayout    *hearth_flame_graph_get_layout           (HearthFlameGraph     *self);
gboolean              hearth_flame_graph_get_busy             (HearthFlameGraph     *self);
guint                 hearth_flame_graph_get_zoom_node        (HearthFlameGraph     *self);
void                  hearth_flame_graph_zoom_to              (HearthFlameGraph     *self,
                                                               guint                 node);
void                  hearth_flame_graph_reset_zoom           (HearthFlameGraph     *self);
void                  hearth_flame_graph_zoom_out             (HearthFlameGraph     *self);
gboolean              hearth_flame_graph_zoom_back            (HearthFlameGraph     *self);
gboolean              hearth_flame_graph_zoom_forward         (HearthFlameGraph     *self);
gboolean              hearth_flame_graph_get_can_zoom_back    (HearthFlameGraph     *self);
gboolean              hearth_flame_graph_get_can_zoom_forward (HearthFlameGraph     *self);
double                hearth_flame_graph_get_horizontal_zoom  (HearthFlameGraph     *self);
void                  hearth_flame_graph_zoom_horizontally    (HearthFlameGraph     *self,
                                                               double                factor,
                                                               double                anchor_x);

guint                 hearth_flame_graph_get_hovered_node     (HearthFlameGraph     *self);
guint                 hearth_flame_graph_get_focused_node     (HearthFlameGraph     *self);
void                  hearth_flame_graph_set_focused_node     (HearthFlameGraph     *self,
                                                               guint                 node);
int                   hearth_flame_graph_pick                 (HearthFlameGraph     *self,
                                                               double                x,
                                                               double                y);
gboolean              hearth_flame_graph_get_node_center      (HearthFlameGraph     *self,
                                                               guint                 node,
                                                               double               *x,
                                                               double               *y);
char                 *hearth_flame_graph_dup_node_name        (HearthFlameGraph     *self,
                                                               guint                 node);
char                 *hearth_flame_graph_dup_node_summary     (HearthFlameGraph     *self,
                                                               guint                 node);
char                 *hearth_flame_graph_dup_node_markup      (HearthFlameGraph     *self,
                                                               guint                 node);
char                 *hearth_flame_graph_dup_node_stack       (HearthFlameGraph     *self,
                                                               guint                 node);
void                  hearth_flame_graph_get_render_options   (HearthFlameGraph     *self,
                                                               HearthFlameRenderOptions *options);

/**
 * HearthFlameGraphTooltipFunc:
 * @node: node of the displayed tree
 *
 * Returns: (transfer full) (nullable): Pango markup for the tooltip of @node
 */
typedef char *(*HearthFlameGraphTooltipFunc) (HearthFlameGraph *graph,
                                              guint             node,
                                              gpointer          user_data);

void                  hearth_flame_graph_set_color_func       (HearthFlameGraph     *self,
                                                               HearthFlameColorFunc  func,
                                                               gpointer              user_data,
                                                               GDestroyNotify        destroy);
void                  hearth_flame_graph_set_tooltip_func     (HearthFlameGraph     *self,
                                                               HearthFlameGraphTooltipFunc func,
                                                               gpointer              user_data,
                                                               GDestroyNotify        destroy);
void                  hearth_flame_graph_redraw               (HearthFlameGraph     *self);

G_END_DECLS
