/* hearth-flame-graph.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-flame-graph"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hearth-flame-graph.h"

#include "hearth-annotation-text.h"
#include "hearth-enums.h"
#include "hearth-units.h"

/* The flame graph widget. It draws straight from the profile's arena: no
 * GObject per box. A worker thread (GTask) builds the displayed tree (the
 * bottom-up tree when asked) and lays out width-relative rectangles sorted by
 * (depth, x); a generation counter and a cancellable make the newest request
 * win, and the job holds references on the immutable profile and tree it
 * walks. The static picture is drawn by hearth_flame_render() (the same
 * function the SVG/PNG exporters use) into an image surface and cached as a
 * texture node; hover, ancestors and the keyboard focus are drawn on top
 * every frame. Resizing, scrolling, recolouring (search, X-Ray settings,
 * selection, dark mode) only drop the cached picture; only the tree, metric
 * and zoom root need a new layout.
 *
 * It implements GtkScrollable: in a GtkScrolledWindow the vertical adjustment
 * scrolls rows and the horizontal one pans a horizontally zoomed view
 * (Ctrl+wheel). */

#define ROW_HEIGHT     18.0
#define FONT_SIZE      12.0
#define MIN_FRACTION   1e-6
#define DRAG_THRESHOLD 4.0

struct _HearthFlameGraph
{
  GtkWidget             parent_instance;

  HearthProfile        *profile;
  HearthFlameDirection  direction;
  HearthMetric          metric;
  HearthFlameXRay       xray_options;
  char                 *search_text;
  guint                 selected_function;   /* of the loaded profile */

  HearthFlameTree      *tree;
  HearthFlameLayout    *layout;
  GCancellable         *cancellable;
  guint                 generation;
  guint                 zoom_node;           /* requested; the layout's once it lands */
  GArray               *back;                /* zoom history (guint nodes) */
  GArray               *forward;

  guint8               *match;               /* per displayed function */
  guint                 n_matches;
  double                match_fraction;
  GArray               *match_rects;         /* most expensive first */
  int                   match_cursor;

  double                xray_full_scale;     /* < 0: stale */

  /* view */
  GtkAdjustment        *hadjustment;
  GtkAdjustment        *vadjustment;
  GtkScrollablePolicy   hscroll_policy;
  GtkScrollablePolicy   vscroll_policy;
  double                hzoom;
  GskRenderNode        *cached;
  char                 *font_family;

  /* interaction */
  double                pointer_x;
  double                pointer_y;
  int                   hover_rect;
  int                   focus_rect;
  guint                 focus_node;          /* survives relayouts */
  guint                 context_node;
  GtkWidget            *context_menu;
  double                drag_start_h;
  double                drag_start_v;

  /* hooks of the diff flame graph */
  HearthFlameColorFunc  color_func;
  gpointer              color_data;
  GDestroyNotify        color_destroy;
  HearthFlameGraphTooltipFunc tooltip_func;
  gpointer              tooltip_data;
  GDestroyNotify        tooltip_destroy;

  guint                 root_at_bottom : 1;
  guint                 xray : 1;
  guint                 busy : 1;
  guint                 has_pointer : 1;
  guint                 dragging : 1;
  guint                 scroll_to_root : 1;
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_DIRECTION,
  PROP_METRIC,
  PROP_ROOT_AT_BOTTOM,
  PROP_XRAY,
  PROP_XRAY_MODE,
  PROP_XRAY_EVENTS,
  PROP_XRAY_INCLUSIVE,
  PROP_XRAY_THRESHOLD,
  PROP_SEARCH_TEXT,
  PROP_N_MATCHES,
  PROP_MATCH_FRACTION,
  PROP_SELECTED_FUNCTION,
  PROP_BUSY,
  PROP_ZOOM_NODE,
  PROP_CAN_ZOOM_BACK,
  PROP_CAN_ZOOM_FORWARD,
  PROP_HOVERED_NODE,
  PROP_FOCUSED_NODE,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  LAYOUT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (HearthFlameGraph, hearth_flame_graph, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void hearth_flame_graph_relayout        (HearthFlameGraph *self,
                                                gboolean          new_tree);
static void hearth_flame_graph_update_search   (HearthFlameGraph *self);
static void hearth_flame_graph_set_focus_rect  (HearthFlameGraph *self,
                                                int               rect,
                                                gboolean          scroll);

/* Helpers */

static void
hearth_flame_graph_invalidate (HearthFlameGraph *self)
{
  g_clear_pointer (&self->cached, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
hearth_flame_graph_content_width (HearthFlameGraph *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1) * self->hzoom;
}

static double
hearth_flame_graph_content_height (HearthFlameGraph *self)
{
  if (self->layout == NULL)
    return 0;
  return hearth_flame_layout_get_n_rows (self->layout) * ROW_HEIGHT;
}

static gboolean
hearth_flame_graph_is_dark (HearthFlameGraph *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/**
 * hearth_flame_graph_get_render_options:
 * @options: (out caller-allocates): filled for the current view
 *
 * The options the widget draws with: the export of "the current view" uses
 * them too (the exporter replaces the size and scroll offsets).
 */
void
hearth_flame_graph_get_render_options (HearthFlameGraph         *self,
                                       HearthFlameRenderOptions *options)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));
  g_return_if_fail (options != NULL);

  hearth_flame_render_options_init (options, MAX (gtk_widget_get_width (widget), 1),
                                    MAX (gtk_widget_get_height (widget), 1));
  options->content_width = hearth_flame_graph_content_width (self);
  options->scroll_x = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  options->scroll_y = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  options->row_height = ROW_HEIGHT;
  options->font_size = FONT_SIZE;
  options->font_family = self->font_family != NULL ? self->font_family : "Sans";
  options->root_at_bottom = self->root_at_bottom;
  options->dark = hearth_flame_graph_is_dark (self);
  options->search_match = self->match;
  options->xray = self->xray;
  options->xray_options = self->xray_options;
  options->xray_full_scale = hearth_flame_graph_get_xray_full_scale (self);
  options->highlight_function = self->selected_function;
  options->color_func = self->color_func;
  options->color_data = self->color_data;
}

static int
rect_of_node (HearthFlameGraph *self,
              guint             node)
{
  if (self->layout == NULL || node == HEARTH_NO_INDEX)
    return -1;
  return hearth_flame_layout_find_node (self->layout, node);
}

static guint
node_of_rect (HearthFlameGraph *self,
              int               rect)
{
  const HearthFlameRect *rects;
  guint n_rects;

  if (self->layout == NULL || rect < 0)
    return HEARTH_NO_INDEX;

  rects = hearth_flame_layout_get_rects (self->layout, &n_rects);
  if ((guint) rect >= n_rects)
    return HEARTH_NO_INDEX;

  return rects[rect].node;
}

/* Snapped pixel box of a rectangle, as hearth_flame_render() fills it */
static gboolean
hearth_flame_graph_rect_box (HearthFlameGraph *self,
                             int               rect,
                             graphene_rect_t  *box)
{
  HearthFlameRenderOptions options;
  double x, y, w, h, x0, x1;

  if (self->layout == NULL || rect < 0)
    return FALSE;

  hearth_flame_graph_get_render_options (self, &options);
  hearth_flame_render_get_rect_bounds (self->layout, &options, rect, &x, &y, &w, &h);
  if (w < 1)
    return FALSE;

  x0 = floor (x + 0.5);
  x1 = floor (x + w + 0.5);
  x0 = CLAMP (x0, -2, options.width + 2);
  x1 = CLAMP (x1, -2, options.width + 2);
  graphene_rect_init (box, x0, y, x1 - x0 >= 2 ? x1 - x0 - 1 : 1, h);

  return TRUE;
}

static void
hearth_flame_graph_configure_adjustments (HearthFlameGraph *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double width = MAX (gtk_widget_get_width (widget), 1);
  double height = MAX (gtk_widget_get_height (widget), 1);
  double content_width = width * self->hzoom;
  double content_height = MAX (hearth_flame_graph_content_height (self), height);

  if (self->hadjustment != NULL)
    {
      double value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, content_width - width);

      gtk_adjustment_configure (self->hadjustment, value, 0, content_width,
                                width * 0.1, width * 0.9, width);
    }

  if (self->vadjustment != NULL)
    {
      double old_upper = gtk_adjustment_get_upper (self->vadjustment);
      double old_page = gtk_adjustment_get_page_size (self->vadjustment);
      double value = gtk_adjustment_get_value (self->vadjustment);
      gboolean at_bottom = value >= old_upper - old_page - 0.5;

      /* a flame graph (root at the bottom) stays anchored to its root */
      if (self->scroll_to_root)
        value = self->root_at_bottom ? content_height - height : 0;
      else if (self->root_at_bottom && at_bottom)
        value = content_height - height;

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (value, 0, content_height - height), 0, content_height,
                                ROW_HEIGHT, height * 0.9, height);
    }

  if (self->layout != NULL && gtk_widget_get_width (widget) > 0)
    self->scroll_to_root = FALSE;
}

/* Accessibility: the focused box is described by the widget's label and
 * description, updated as the keyboard moves */
static void
hearth_flame_graph_update_accessible (HearthFlameGraph *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;

  if (self->focus_node == HEARTH_NO_INDEX || self->layout == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Flame graph"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "",
                                      -1);
      return;
    }

  summary = hearth_flame_graph_dup_node_summary (self, self->focus_node);
  label = g_strdup_printf (_("Flame graph: %s"), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

static void
hearth_flame_graph_set_hover_rect (HearthFlameGraph *self,
                                   int               rect)
{
  if (self->hover_rect == rect)
    return;

  self->hover_rect = rect;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), rect >= 0 && !self->dragging ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED_NODE]);
}

static void
hearth_flame_graph_update_hover (HearthFlameGraph *self)
{
  if (!self->has_pointer || self->layout == NULL)
    hearth_flame_graph_set_hover_rect (self, -1);
  else
    hearth_flame_graph_set_hover_rect (self, hearth_flame_graph_pick (self, self->pointer_x, self->pointer_y));
}

/* Layout in a worker thread */

typedef struct
{
  HearthProfile        *profile;
  HearthFlameTree      *tree;        /* NULL: build it */
  HearthFlameDirection  direction;
  HearthMetric          metric;
  guint                 zoom_node;
  guint                 generation;
} LayoutJob;

typedef struct
{
  HearthFlameTree   *tree;
  HearthFlameLayout *layout;
  guint              generation;
} LayoutResult;

static void
layout_job_free (gpointer data)
{
  LayoutJob *job = data;

  g_clear_object (&job->profile);
  g_clear_pointer (&job->tree, hearth_flame_tree_unref);
  g_free (job);
}

static void
layout_result_free (gpointer data)
{
  LayoutResult *result = data;

  g_clear_pointer (&result->tree, hearth_flame_tree_unref);
  g_clear_pointer (&result->layout, hearth_flame_layout_unref);
  g_free (result);
}

static void
hearth_flame_graph_layout_worker (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  LayoutJob *job = task_data;
  LayoutResult *result;
  g_autoptr(HearthFlameTree) tree = NULL;
  HearthFlameLayout *layout;

  if (job->tree != NULL)
    tree = hearth_flame_tree_ref (job->tree);
  else
    tree = hearth_flame_tree_new (job->profile, job->direction, cancellable);

  if (tree == NULL || g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Layout cancelled");
      return;
    }

  layout = hearth_flame_layout_new (tree, job->metric, job->zoom_node, MIN_FRACTION, cancellable);
  if (layout == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Layout cancelled");
      return;
    }

  result = g_new0 (LayoutResult, 1);
  result->tree = g_steal_pointer (&tree);
  result->layout = layout;
  result->generation = job->generation;
  g_task_return_pointer (task, result, layout_result_free);
}

static void
hearth_flame_graph_layout_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(HearthFlameGraph) self = user_data;
  g_autoptr(GError) error = NULL;
  LayoutResult *res;
  gboolean new_tree;
  guint old_zoom;

  res = g_task_propagate_pointer (G_TASK (result), &error);
  if (res == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Flame graph layout failed: %s", error->message);
      return;
    }

  /* an older request that finished late: the newest one wins */
  if (res->generation != self->generation)
    {
      layout_result_free (res);
      return;
    }

  new_tree = self->tree != res->tree;
  old_zoom = self->layout != NULL ? hearth_flame_layout_get_zoom_node (self->layout) : HEARTH_NO_INDEX;

  if (new_tree)
    {
      g_clear_pointer (&self->tree, hearth_flame_tree_unref);
      self->tree = g_steal_pointer (&res->tree);
    }
  g_clear_pointer (&self->layout, hearth_flame_layout_unref);
  self->layout = g_steal_pointer (&res->layout);
  layout_result_free (res);

  self->busy = FALSE;
  self->xray_full_scale = -1;
  self->hover_rect = -1;

  /* a new zoom root resets the horizontal zoom */
  if (old_zoom != hearth_flame_layout_get_zoom_node (self->layout))
    {
      self->hzoom = 1;
      if (self->hadjustment != NULL)
        gtk_adjustment_set_value (self->hadjustment, 0);
    }

  if (new_tree)
    hearth_flame_graph_update_search (self);
  else
    {
      g_clear_pointer (&self->match_rects, g_array_unref);
      self->match_cursor = -1;
    }

  self->focus_rect = rect_of_node (self, self->focus_node);
  if (self->focus_rect < 0)
    {
      self->focus_node = HEARTH_NO_INDEX;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_NODE]);
    }

  hearth_flame_graph_invalidate (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  hearth_flame_graph_configure_adjustments (self);
  hearth_flame_graph_update_hover (self);
  hearth_flame_graph_update_accessible (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_NODE]);
  g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
}

static void
hearth_flame_graph_relayout (HearthFlameGraph *self,
                             gboolean          new_tree)
{
  g_autoptr(GTask) task = NULL;
  LayoutJob *job;
  gboolean was_busy = self->busy;

  /* the newest request wins: cancel the running one, and the generation
   * counter drops a result that was already on its way */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;

  if (new_tree)
    {
      g_clear_pointer (&self->tree, hearth_flame_tree_unref);
      g_clear_pointer (&self->layout, hearth_flame_layout_unref);
      g_clear_pointer (&self->match, g_free);
      g_clear_pointer (&self->match_rects, g_array_unref);
      self->hover_rect = -1;
      self->focus_rect = -1;
      hearth_flame_graph_invalidate (self);
    }

  if (self->profile == NULL)
    {
      self->busy = FALSE;
      if (was_busy)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
      return;
    }

  job = g_new0 (LayoutJob, 1);
  /* the job holds references: the worker walks the profile's arena */
  job->profile = g_object_ref (self->profile);
  job->tree = self->tree != NULL ? hearth_flame_tree_ref (self->tree) : NULL;
  job->direction = self->direction;
  job->metric = self->metric;
  job->zoom_node = self->zoom_node;
  job->generation = self->generation;

  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;

  /* No source object: the worker thread may drop the task's last reference,
   * and a widget must never be finalized off the main thread. The strong
   * reference in user_data is released by the callback, on the main thread. */
  task = g_task_new (NULL, self->cancellable, hearth_flame_graph_layout_cb, g_object_ref (self));
  g_task_set_source_tag (task, hearth_flame_graph_relayout);
  g_task_set_name (task, "[hearth] flame graph layout");
  g_task_set_task_data (task, job, layout_job_free);
  g_task_run_in_thread (task, hearth_flame_graph_layout_worker);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Search: recolouring only, never a relayout */

static void
hearth_flame_graph_update_search (HearthFlameGraph *self)
{
  guint old_n = self->n_matches;
  double old_fraction = self->match_fraction;

  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->match_rects, g_array_unref);
  self->match_cursor = -1;
  self->n_matches = 0;
  self->match_fraction = 0;

  if (self->tree != NULL)
    {
      self->match = hearth_flame_tree_match_functions (self->tree, self->search_text);
      hearth_flame_tree_search_stats (self->tree, self->match, self->metric,
                                      &self->n_matches, &self->match_fraction);
    }
  /* the stepping order (match_rects) is computed on the first step */

  hearth_flame_graph_invalidate (self);

  if (old_n != self->n_matches)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
  if (old_fraction != self->match_fraction)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_FRACTION]);
}

/* Zoom */

static void
hearth_flame_graph_notify_history (HearthFlameGraph *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ZOOM_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_ZOOM_FORWARD]);
}

static void
hearth_flame_graph_set_zoom (HearthFlameGraph *self,
                             guint             node)
{
  self->zoom_node = node;
  /* the zoom root takes the keyboard focus */
  self->focus_node = node;
  hearth_flame_graph_relayout (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_NODE]);
}

/**
 * hearth_flame_graph_zoom_to:
 * @node: node of the displayed tree; its box gets the full width
 *
 * Zooms (re-roots) on @node. Its ancestors stay as full-width breadcrumbs;
 * the previous zoom root goes on the back history.
 */
void
hearth_flame_graph_zoom_to (HearthFlameGraph *self,
                            guint             node)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->tree == NULL)
    return;
  if (node >= hearth_profile_get_n_nodes (hearth_flame_tree_get_profile (self->tree)))
    return;

  if (node == self->zoom_node)
    {
      /* zooming on the zoom root resets the horizontal zoom */
      if (self->hzoom != 1)
        hearth_flame_graph_zoom_horizontally (self, 1 / self->hzoom, 0);
      return;
    }

  g_array_append_val (self->back, self->zoom_node);
  g_array_set_size (self->forward, 0);
  hearth_flame_graph_set_zoom (self, node);
  hearth_flame_graph_notify_history (self);
}

void
hearth_flame_graph_reset_zoom (HearthFlameGraph *self)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->zoom_node != 0)
    hearth_flame_graph_zoom_to (self, 0);
  else if (self->hzoom != 1)
    hearth_flame_graph_zoom_horizontally (self, 1 / self->hzoom, 0);
}

/**
 * hearth_flame_graph_zoom_out:
 *
 * Zooms on the parent of the zoom root (Backspace).
 */
void
hearth_flame_graph_zoom_out (HearthFlameGraph *self)
{
  guint parent;

  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->tree == NULL || self->zoom_node == 0)
    return;

  parent = hearth_profile_node_get_parent (hearth_flame_tree_get_profile (self->tree), self->zoom_node);
  if (parent != HEARTH_NO_INDEX)
    hearth_flame_graph_zoom_to (self, parent);
}

gboolean
hearth_flame_graph_zoom_back (HearthFlameGraph *self)
{
  guint node;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  if (self->back->len == 0)
    return FALSE;

  node = g_array_index (self->back, guint, self->back->len - 1);
  g_array_set_size (self->back, self->back->len - 1);
  g_array_append_val (self->forward, self->zoom_node);
  hearth_flame_graph_set_zoom (self, node);
  hearth_flame_graph_notify_history (self);

  return TRUE;
}

gboolean
hearth_flame_graph_zoom_forward (HearthFlameGraph *self)
{
  guint node;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  if (self->forward->len == 0)
    return FALSE;

  node = g_array_index (self->forward, guint, self->forward->len - 1);
  g_array_set_size (self->forward, self->forward->len - 1);
  g_array_append_val (self->back, self->zoom_node);
  hearth_flame_graph_set_zoom (self, node);
  hearth_flame_graph_notify_history (self);

  return TRUE;
}

gboolean
hearth_flame_graph_get_can_zoom_back (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  return self->back->len > 0;
}

gboolean
hearth_flame_graph_get_can_zoom_forward (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  return self->forward->len > 0;
}

guint
hearth_flame_graph_get_zoom_node (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), 0);

  return self->zoom_node;
}

static void
hearth_flame_graph_clear_history (HearthFlameGraph *self)
{
  gboolean had = self->back->len > 0 || self->forward->len > 0;

  g_array_set_size (self->back, 0);
  g_array_set_size (self->forward, 0);
  self->zoom_node = 0;
  self->hzoom = 1;
  self->focus_node = HEARTH_NO_INDEX;
  self->scroll_to_root = TRUE;
  if (had)
    hearth_flame_graph_notify_history (self);
}

double
hearth_flame_graph_get_horizontal_zoom (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), 1);

  return self->hzoom;
}

/**
 * hearth_flame_graph_zoom_horizontally:
 * @factor: > 1 zooms in
 * @anchor_x: the widget x that stays put (the pointer)
 *
 * Ctrl+wheel: stretches the view horizontally without a new layout. Capped
 * where the layout's smallest boxes would become wider than a pixel.
 */
void
hearth_flame_graph_zoom_horizontally (HearthFlameGraph *self,
                                      double            factor,
                                      double            anchor_x)
{
  double width, old_content, fraction, max_zoom, value;

  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  max_zoom = MAX (1.0, 1.0 / (MIN_FRACTION * width));
  old_content = width * self->hzoom;
  value = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  fraction = (value + anchor_x) / old_content;

  self->hzoom = CLAMP (self->hzoom * factor, 1.0, max_zoom);
  hearth_flame_graph_configure_adjustments (self);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, fraction * width * self->hzoom - anchor_x);

  hearth_flame_graph_invalidate (self);
  hearth_flame_graph_update_hover (self);
}

/* Keyboard focus */

static void
hearth_flame_graph_scroll_to_rect (HearthFlameGraph *self,
                                   int               rect)
{
  HearthFlameRenderOptions options;
  double x, y, w, h;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout == NULL || rect < 0 || width <= 0)
    return;

  hearth_flame_graph_get_render_options (self, &options);
  hearth_flame_render_get_rect_bounds (self->layout, &options, rect, &x, &y, &w, &h);

  /* boxes narrower than a pixel at this zoom cannot be shown: zoom in */
  if (w < 4)
    {
      hearth_flame_graph_zoom_horizontally (self, 8.0 / MAX (w, 1e-6), CLAMP (x, 0, width));
      hearth_flame_graph_get_render_options (self, &options);
      hearth_flame_render_get_rect_bounds (self->layout, &options, rect, &x, &y, &w, &h);
    }

  if (self->hadjustment != NULL)
    {
      if (x < 0 || w > width)
        gtk_adjustment_set_value (self->hadjustment, options.scroll_x + x);
      else if (x + w > width)
        gtk_adjustment_set_value (self->hadjustment, options.scroll_x + x + w - width);
    }

  if (self->vadjustment != NULL)
    {
      if (y < 0)
        gtk_adjustment_set_value (self->vadjustment, options.scroll_y + y);
      else if (y + h > height)
        gtk_adjustment_set_value (self->vadjustment, options.scroll_y + y + ROW_HEIGHT - height);
    }
}

static void
hearth_flame_graph_set_focus_rect (HearthFlameGraph *self,
                                   int               rect,
                                   gboolean          scroll)
{
  guint node = node_of_rect (self, rect);

  self->focus_rect = node != HEARTH_NO_INDEX ? rect : -1;
  if (scroll && self->focus_rect >= 0)
    hearth_flame_graph_scroll_to_rect (self, self->focus_rect);

  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->focus_node != node)
    {
      self->focus_node = node;
      hearth_flame_graph_update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_NODE]);
    }
}

static int
hearth_flame_graph_current_rect (HearthFlameGraph *self)
{
  if (self->focus_rect >= 0)
    return self->focus_rect;
  if (self->layout == NULL)
    return -1;
  return rect_of_node (self, hearth_flame_layout_get_zoom_node (self->layout));
}

static void
hearth_flame_graph_move (HearthFlameGraph *self,
                         int               step_x,
                         int               toward_leaves)
{
  int current = hearth_flame_graph_current_rect (self);
  int target = -1;

  if (current < 0)
    return;

  /* the first key press only shows where the focus is */
  if (self->focus_rect < 0)
    {
      hearth_flame_graph_set_focus_rect (self, current, TRUE);
      return;
    }

  if (toward_leaves > 0)
    target = hearth_flame_layout_find_child_rect (self->layout, current);
  else if (toward_leaves < 0)
    target = hearth_flame_layout_find_parent_rect (self->layout, current);
  else
    {
      const HearthFlameRect *rects = hearth_flame_layout_get_rects (self->layout, NULL);
      double content_width = hearth_flame_graph_content_width (self);
      guint first, end;
      int i;

      hearth_flame_layout_get_row (self->layout, rects[current].depth, &first, &end);
      /* neighbours in the row, skipping boxes too narrow to draw */
      for (i = current + step_x; i >= (int) first && i < (int) end; i += step_x)
        if ((double) rects[i].width * content_width >= 1.0)
          break;
      if (i >= (int) first && i < (int) end)
        target = i;
    }

  if (target >= 0)
    hearth_flame_graph_set_focus_rect (self, target, TRUE);
}

/**
 * hearth_flame_graph_step_match:
 * @direction: 1 for the next match, -1 for the previous one
 *
 * Moves the keyboard focus through the matching boxes, the most expensive
 * first (Enter / F3), and scrolls it into view.
 *
 * Returns: %TRUE when there was a match to go to
 */
gboolean
hearth_flame_graph_step_match (HearthFlameGraph *self,
                               int               direction)
{
  int n;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  /* sorting the matches can take longer than a frame: only when asked */
  if (self->match_rects == NULL && self->layout != NULL && self->match != NULL)
    self->match_rects = hearth_flame_layout_dup_matches (self->layout, self->match);
  if (self->match_rects == NULL || self->match_rects->len == 0)
    return FALSE;

  n = (int) self->match_rects->len;
  if (self->match_cursor < 0)
    self->match_cursor = direction >= 0 ? 0 : n - 1;
  else
    self->match_cursor = ((self->match_cursor + (direction >= 0 ? 1 : -1)) % n + n) % n;

  hearth_flame_graph_set_focus_rect (self, g_array_index (self->match_rects, guint, self->match_cursor), TRUE);
  return TRUE;
}

/* Text for tooltips, the status bar and accessibility */

static char *
format_value (HearthMetric metric,
              double       value)
{
  return hearth_format_value (metric, value, HEARTH_UNIT_MS, 0);
}

static char *
format_percent (double part,
                double whole)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!(whole > 0) || !isfinite (part))
    return g_strdup ("—");

  g_ascii_formatd (buf, sizeof buf, "%.1f", part / whole * 100.0);
  return g_strdup_printf ("%s %%", buf);
}

/**
 * hearth_flame_graph_dup_node_name:
 *
 * Returns: (transfer full) (nullable): the displayed name of @node
 */
char *
hearth_flame_graph_dup_node_name (HearthFlameGraph *self,
                                  guint             node)
{
  HearthProfile *profile;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  if (self->tree == NULL)
    return NULL;
  profile = hearth_flame_tree_get_profile (self->tree);
  if (node >= hearth_profile_get_n_nodes (profile))
    return NULL;
  if (node == 0)
    return g_strdup (_("All"));

  return hearth_profile_function_dup_display_name (profile, hearth_profile_node_get_function (profile, node));
}

/**
 * hearth_flame_graph_dup_node_summary:
 *
 * Returns: (transfer full) (nullable): one line for the status bar
 */
char *
hearth_flame_graph_dup_node_summary (HearthFlameGraph *self,
                                     guint             node)
{
  HearthFlameNodeInfo info;
  g_autofree char *name = NULL;
  g_autofree char *total = NULL;
  g_autofree char *self_value = NULL;
  g_autofree char *of_root = NULL;
  g_autofree char *of_parent = NULL;
  GString *str;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  name = hearth_flame_graph_dup_node_name (self, node);
  if (name == NULL || self->layout == NULL)
    return NULL;

  hearth_flame_layout_get_node_info (self->layout, node, &info);
  total = format_value (info.metric, info.total);
  self_value = format_value (info.metric, info.self);
  of_root = format_percent (info.total, info.root_total);

  str = g_string_new (name);
  /* Translators: flame graph status bar: "Total 12.000 ms (34.5 % of all)" */
  g_string_append_printf (str, " — %s %s (%s)", _("Total"), total, of_root);
  if (isfinite (info.parent_total))
    {
      of_parent = format_percent (info.total, info.parent_total);
      g_string_append_printf (str, ", %s %s", of_parent, _("of parent"));
    }
  g_string_append_printf (str, " · %s %s", _("Self"), self_value);
  if (isfinite (info.calls) && info.calls > 0)
    {
      g_autofree char *avg = format_value (info.metric, info.total / info.calls);

      g_string_append_printf (str, " · %s %.0f · %s %s", _("Calls"), info.calls, avg, _("per call"));
    }
  if (info.n_frames > 0)
    {
      g_autofree char *per_frame = format_value (info.metric, info.total / info.n_frames);

      g_string_append_printf (str, " · %s %s", per_frame, _("per frame"));
    }
  if (info.has_memory)
    {
      g_autofree char *bytes = format_value (HEARTH_METRIC_ALLOC_BYTES, info.alloc_bytes);

      g_string_append_printf (str, " · %s %.0f (%s)", _("Allocations"), info.alloc_count, bytes);
    }

  return g_string_free (str, FALSE);
}

/**
 * hearth_flame_graph_dup_node_markup:
 *
 * Returns: (transfer full) (nullable): Pango markup for the tooltip: name,
 *   source:line, group, total with % of all and % of parent, self, calls,
 *   average per call, per frame, memory figures, labels and counters
 */
char *
hearth_flame_graph_dup_node_markup (HearthFlameGraph *self,
                                    guint             node)
{
  HearthFlameNodeInfo info;
  HearthProfile *profile;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *total = NULL;
  g_autofree char *self_value = NULL;
  g_autofree char *of_root = NULL;
  const char *group;
  GString *str;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  name = hearth_flame_graph_dup_node_name (self, node);
  if (name == NULL || self->layout == NULL)
    return NULL;

  profile = hearth_flame_tree_get_profile (self->tree);
  hearth_flame_layout_get_node_info (self->layout, node, &info);
  total = format_value (info.metric, info.total);
  self_value = format_value (info.metric, info.self);
  of_root = format_percent (info.total, info.root_total);

  str = g_string_new (NULL);
  g_string_append_printf (str, "<b>%s</b>", name);  /* escaped below */
  {
    g_autofree char *escaped = g_markup_escape_text (name, -1);

    g_string_truncate (str, 0);
    g_string_append_printf (str, "<b>%s</b>", escaped);
  }

  if (node != 0)
    location = hearth_profile_function_dup_location (profile, info.function);
  if (location != NULL && location[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (location, -1);

      g_string_append_printf (str, "\n<small>%s</small>", escaped);
    }

  group = node != 0 ? hearth_profile_function_get_group (profile, info.function) : NULL;
  if (group != NULL && group[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (group, -1);

      g_string_append_printf (str, "\n%s: %s", _("Group"), escaped);
    }

  g_string_append_printf (str, "\n%s: %s (%s %s", _("Total"), total, of_root, _("of all"));
  if (isfinite (info.parent_total))
    {
      g_autofree char *of_parent = format_percent (info.total, info.parent_total);

      g_string_append_printf (str, ", %s %s", of_parent, _("of parent"));
    }
  g_string_append (str, ")");
  g_string_append_printf (str, "\n%s: %s", _("Self"), self_value);

  if (isfinite (info.calls) && info.calls > 0)
    {
      g_autofree char *avg = format_value (info.metric, info.total / info.calls);

      g_string_append_printf (str, "\n%s: %.0f · %s %s", _("Calls"), info.calls, avg, _("per call"));
    }
  if (info.n_frames > 0)
    {
      g_autofree char *per_frame = format_value (info.metric, info.total / info.n_frames);

      g_string_append_printf (str, "\n%s: %s (%u %s)", _("Per frame"), per_frame, info.n_frames,
                              g_dngettext (GETTEXT_PACKAGE, "frame", "frames", info.n_frames));
    }
  if (info.has_memory)
    {
      g_autofree char *alloc_bytes = format_value (HEARTH_METRIC_ALLOC_BYTES, info.alloc_bytes);
      g_autofree char *self_bytes = format_value (HEARTH_METRIC_ALLOC_BYTES, info.self_alloc_bytes);
      g_autofree char *free_bytes = format_value (HEARTH_METRIC_FREE_BYTES, info.free_bytes);

      g_string_append_printf (str, "\n%s: %.0f (%s) · %s %.0f (%s)", _("Allocations"),
                              info.alloc_count, alloc_bytes, _("self"), info.self_alloc_count, self_bytes);
      g_string_append_printf (str, "\n%s: %.0f (%s)", _("Frees"), info.free_count, free_bytes);
    }

  /* MicroProfiler labels and counters of the box's own scope */
  if (hearth_profile_has_annotations (profile))
    {
      g_autofree char *annotations = hearth_annotation_text_dup_node (profile, node,
                                                                     hearth_annotation_text_is_partial (profile, 1.0));

      if (annotations != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (annotations, -1);

          g_string_append_printf (str, "\n%s", escaped);
        }
    }

  return g_string_free (str, FALSE);
}

/**
 * hearth_flame_graph_dup_node_stack:
 *
 * Returns: (transfer full) (nullable): the call stack of @node, innermost
 *   frame first, one `name (source:line)` per line
 */
char *
hearth_flame_graph_dup_node_stack (HearthFlameGraph *self,
                                   guint             node)
{
  g_autoptr(GPtrArray) lines = NULL;
  HearthProfile *profile;
  GString *str;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  if (self->tree == NULL)
    return NULL;
  profile = hearth_flame_tree_get_profile (self->tree);
  if (node >= hearth_profile_get_n_nodes (profile))
    return NULL;

  lines = g_ptr_array_new_with_free_func (g_free);
  for (guint n = node; n != 0 && n != HEARTH_NO_INDEX; n = hearth_profile_node_get_parent (profile, n))
    {
      guint f = hearth_profile_node_get_function (profile, n);
      g_autofree char *name = hearth_profile_function_dup_display_name (profile, f);
      g_autofree char *location = hearth_profile_function_dup_location (profile, f);

      if (location != NULL && location[0] != '\0')
        g_ptr_array_add (lines, g_strdup_printf ("%s (%s)", name, location));
      else
        g_ptr_array_add (lines, g_steal_pointer (&name));
    }

  /* top-down paths run outermost → innermost: reverse them; bottom-up paths
   * already start at the innermost frame */
  str = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      guint k = hearth_flame_tree_get_direction (self->tree) == HEARTH_FLAME_TOP_DOWN ? lines->len - 1 - i : i;

      g_string_append (str, g_ptr_array_index (lines, k));
      g_string_append_c (str, '\n');
    }

  return g_string_free (str, FALSE);
}

/* Hit testing: one helper for hover, click, tooltip and context menu */

/**
 * hearth_flame_graph_pick:
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: the index of the rectangle under (@x, @y) in the current layout,
 *   or -1 (also for boxes too narrow to be drawn)
 */
int
hearth_flame_graph_pick (HearthFlameGraph *self,
                         double            x,
                         double            y)
{
  HearthFlameRenderOptions options;
  const HearthFlameRect *rects;
  int rect;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), -1);

  if (self->layout == NULL)
    return -1;

  hearth_flame_graph_get_render_options (self, &options);
  rect = hearth_flame_render_pick (self->layout, &options, x, y);
  if (rect < 0)
    return -1;

  rects = hearth_flame_layout_get_rects (self->layout, NULL);
  if ((double) rects[rect].width * options.content_width < 1.0)
    return -1;

  return rect;
}

/**
 * hearth_flame_graph_get_node_center:
 * @x: (out): widget x of the middle of @node's box
 * @y: (out): widget y
 *
 * Returns: %TRUE when @node has a visible box
 */
gboolean
hearth_flame_graph_get_node_center (HearthFlameGraph *self,
                                    guint             node,
                                    double           *x,
                                    double           *y)
{
  graphene_rect_t box;

  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  if (!hearth_flame_graph_rect_box (self, rect_of_node (self, node), &box))
    return FALSE;

  *x = box.origin.x + box.size.width / 2;
  *y = box.origin.y + box.size.height / 2;
  return TRUE;
}

static gboolean
hearth_flame_graph_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard_mode,
                                  GtkTooltip *tooltip)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  g_autofree char *markup = NULL;
  graphene_rect_t box;
  int rect;

  rect = keyboard_mode ? self->focus_rect : hearth_flame_graph_pick (self, x, y);
  if (rect < 0 || self->dragging)
    return FALSE;

  if (self->tooltip_func != NULL)
    markup = self->tooltip_func (self, node_of_rect (self, rect), self->tooltip_data);
  else
    markup = hearth_flame_graph_dup_node_markup (self, node_of_rect (self, rect));
  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);
  if (hearth_flame_graph_rect_box (self, rect, &box))
    {
      GdkRectangle area = {
        (int) MAX (box.origin.x, 0), (int) box.origin.y,
        (int) MAX (MIN (box.size.width, gtk_widget_get_width (widget) - MAX (box.origin.x, 0)), 1),
        (int) box.size.height
      };

      /* a new tooltip when the pointer crosses into another box */
      gtk_tooltip_set_tip_area (tooltip, &area);
    }

  return TRUE;
}

/* Drawing */

static GskRenderNode *
hearth_flame_graph_render (HearthFlameGraph *self,
                           int               width,
                           int               height)
{
  HearthFlameRenderOptions options;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;

  /* An image surface turned into a texture node: drawn once, then composited
   * for every hover frame (a Cairo node would be replayed by the Cairo
   * renderer each frame) */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_set_device_scale (surface, scale, scale);

  hearth_flame_graph_get_render_options (self, &options);
  cr = cairo_create (surface);
  hearth_flame_render (self->layout, &options, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));

  return gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *box,
                const GdkRGBA         *color,
                float                  width)
{
  GskRoundedRect outline;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, box, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
hearth_flame_graph_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *context;
  GdkRGBA fg, accent;
  graphene_rect_t box;

  if (self->layout == NULL || width <= 0 || height <= 0)
    return;

  /* Static picture: rebuilt only when the data, the view or colours change */
  if (self->cached == NULL)
    self->cached = hearth_flame_graph_render (self, width, height);
  if (self->cached != NULL)
    gtk_snapshot_append_node (snapshot, self->cached);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1 };
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Hover: the box and its ancestors, drawn on top of the cached picture */
  if (self->hover_rect >= 0)
    {
      GdkRGBA tint = fg;
      int r = hearth_flame_layout_find_parent_rect (self->layout, self->hover_rect);

      tint.alpha = 0.10;
      for (; r >= 0; r = hearth_flame_layout_find_parent_rect (self->layout, r))
        if (hearth_flame_graph_rect_box (self, r, &box))
          gtk_snapshot_append_color (snapshot, &tint, &box);

      if (hearth_flame_graph_rect_box (self, self->hover_rect, &box))
        {
          GdkRGBA line = fg;

          tint.alpha = 0.20;
          line.alpha = 0.85;
          gtk_snapshot_append_color (snapshot, &tint, &box);
          append_outline (snapshot, &box, &line, 1);
        }
    }

  /* Keyboard focus (and the current search match) */
  if (self->focus_rect >= 0 && hearth_flame_graph_rect_box (self, self->focus_rect, &box))
    {
      float w = gtk_widget_has_focus (widget) ? 2 : 1;

      if (box.size.width > 2 * w && box.size.height > 2 * w)
        append_outline (snapshot, &box, &accent, w);
    }

  gtk_snapshot_pop (snapshot);
}

static void
hearth_flame_graph_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 100;
      *natural = 800;
    }
  else
    {
      *minimum = (int) ROW_HEIGHT * 3;
      *natural = MAX ((int) hearth_flame_graph_content_height (self), *minimum);
    }
}

static void
hearth_flame_graph_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);

  /* Geometry is width-relative: only the picture is stale */
  g_clear_pointer (&self->cached, gsk_render_node_unref);
  hearth_flame_graph_configure_adjustments (self);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
hearth_flame_graph_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  g_autofree char *font_name = NULL;

  GTK_WIDGET_CLASS (hearth_flame_graph_parent_class)->css_changed (widget, change);

  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);
  g_clear_pointer (&self->font_family, g_free);
  if (font_name != NULL)
    {
      PangoFontDescription *desc = pango_font_description_from_string (font_name);

      if (pango_font_description_get_family (desc) != NULL)
        self->font_family = g_strdup (pango_font_description_get_family (desc));
      pango_font_description_free (desc);
    }

  hearth_flame_graph_invalidate (self);
}

static void
hearth_flame_graph_style_changed_cb (HearthFlameGraph *self)
{
  hearth_flame_graph_invalidate (self);
}

/* Pointer */

static void
hearth_flame_graph_motion_cb (HearthFlameGraph         *self,
                              double                    x,
                              double                    y,
                              GtkEventControllerMotion *motion)
{
  self->has_pointer = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;
  hearth_flame_graph_update_hover (self);
}

static void
hearth_flame_graph_leave_cb (HearthFlameGraph         *self,
                             GtkEventControllerMotion *motion)
{
  self->has_pointer = FALSE;
  hearth_flame_graph_update_hover (self);
}

static void
hearth_flame_graph_click_pressed_cb (HearthFlameGraph *self,
                                     int               n_press,
                                     double            x,
                                     double            y,
                                     GtkGestureClick  *click)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* double-click resets the zoom */
  if (n_press == 2)
    {
      hearth_flame_graph_reset_zoom (self);
      gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
hearth_flame_graph_click_released_cb (HearthFlameGraph *self,
                                      int               n_press,
                                      double            x,
                                      double            y,
                                      GtkGestureClick  *click)
{
  int rect;

  if (n_press != 1 || self->dragging)
    return;

  rect = hearth_flame_graph_pick (self, x, y);
  if (rect < 0)
    return;

  hearth_flame_graph_set_focus_rect (self, rect, FALSE);
  hearth_flame_graph_zoom_to (self, node_of_rect (self, rect));
}

static void
hearth_flame_graph_drag_begin_cb (HearthFlameGraph *self,
                                  double            x,
                                  double            y,
                                  GtkGestureDrag   *drag)
{
  self->dragging = FALSE;
  self->drag_start_h = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  self->drag_start_v = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
hearth_flame_graph_drag_update_cb (HearthFlameGraph *self,
                                   double            dx,
                                   double            dy,
                                   GtkGestureDrag   *drag)
{
  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  if (!self->dragging)
    {
      self->dragging = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      gtk_gesture_set_state (GTK_GESTURE (drag), GTK_EVENT_SEQUENCE_CLAIMED);
    }

  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, self->drag_start_h - dx);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, self->drag_start_v - dy);
}

static void
hearth_flame_graph_drag_end_cb (HearthFlameGraph *self,
                                double            dx,
                                double            dy,
                                GtkGestureDrag   *drag)
{
  /* a drag claimed the sequence, so the click gesture was denied and no
   * zoom follows the release */
  if (self->dragging)
    {
      self->dragging = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->hover_rect >= 0 ? "pointer" : NULL);
    }
}

static gboolean
hearth_flame_graph_scroll_cb (HearthFlameGraph         *self,
                              double                    dx,
                              double                    dy,
                              GtkEventControllerScroll *scroll)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  /* Ctrl+wheel zooms horizontally around the pointer; plain wheels go to
   * the scrolled window */
  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  hearth_flame_graph_zoom_horizontally (self, pow (1.2, -dy), self->has_pointer ? self->pointer_x : 0);
  return TRUE;
}

static void
hearth_flame_graph_context_menu_closed_cb (HearthFlameGraph *self)
{
  /* leave context_node: the menu's action runs after the popover closes */
}

static void
hearth_flame_graph_popup_context_menu (HearthFlameGraph *self,
                                       int               rect,
                                       double            x,
                                       double            y)
{
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenu) section = NULL;

  self->context_node = node_of_rect (self, rect);
  if (self->context_node == HEARTH_NO_INDEX)
    return;

  if (self->context_menu == NULL)
    {
      menu = g_menu_new ();
      section = g_menu_new ();
      g_menu_append (section, _("Zoom In"), "flamegraph.zoom-in");
      g_menu_append (section, _("Show in Callgraph"), "flamegraph.show-in-callgraph");
      g_menu_append (section, _("Show in Functions"), "flamegraph.show-in-functions");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_clear_object (&section);
      section = g_menu_new ();
      g_menu_append (section, _("Copy Name"), "flamegraph.copy-name");
      g_menu_append (section, _("Copy Stack"), "flamegraph.copy-stack");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      g_signal_connect_object (self->context_menu, "closed",
                               G_CALLBACK (hearth_flame_graph_context_menu_closed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
hearth_flame_graph_secondary_pressed_cb (HearthFlameGraph *self,
                                         int               n_press,
                                         double            x,
                                         double            y,
                                         GtkGestureClick  *click)
{
  int rect = hearth_flame_graph_pick (self, x, y);

  if (rect < 0)
    return;

  gtk_gesture_set_state (GTK_GESTURE (click), GTK_EVENT_SEQUENCE_CLAIMED);
  hearth_flame_graph_set_focus_rect (self, rect, FALSE);
  hearth_flame_graph_popup_context_menu (self, rect, x, y);
}

/* Actions */

static guint
hearth_flame_graph_action_node (HearthFlameGraph *self)
{
  guint node = self->context_node != HEARTH_NO_INDEX ? self->context_node : self->focus_node;

  self->context_node = HEARTH_NO_INDEX;
  return node;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  gboolean up = g_str_equal (action_name, "flamegraph.move-up");

  if (g_str_equal (action_name, "flamegraph.move-left"))
    hearth_flame_graph_move (self, -1, 0);
  else if (g_str_equal (action_name, "flamegraph.move-right"))
    hearth_flame_graph_move (self, 1, 0);
  else
    {
      /* toward the root is up in an icicle graph and down in a flame graph */
      gboolean toward_root = up != (gboolean) self->root_at_bottom;

      hearth_flame_graph_move (self, 0, toward_root ? -1 : 1);
    }
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  int rect = hearth_flame_graph_current_rect (self);
  graphene_rect_t box;

  if (rect < 0 || !hearth_flame_graph_rect_box (self, rect, &box))
    return;

  hearth_flame_graph_popup_context_menu (self, rect,
                                         MAX (box.origin.x, 0) + MIN (box.size.width, 20) / 2,
                                         box.origin.y + box.size.height / 2);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  guint node = hearth_flame_graph_action_node (self);

  if (node == HEARTH_NO_INDEX)
    node = node_of_rect (self, hearth_flame_graph_current_rect (self));
  if (node != HEARTH_NO_INDEX)
    hearth_flame_graph_zoom_to (self, node);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);

  if (g_str_equal (action_name, "flamegraph.zoom-out"))
    hearth_flame_graph_zoom_out (self);
  else if (g_str_equal (action_name, "flamegraph.zoom-back"))
    hearth_flame_graph_zoom_back (self);
  else if (g_str_equal (action_name, "flamegraph.zoom-forward"))
    hearth_flame_graph_zoom_forward (self);
  else
    hearth_flame_graph_reset_zoom (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  guint node = hearth_flame_graph_action_node (self);
  g_autofree char *text = NULL;

  if (g_str_equal (action_name, "flamegraph.copy-name"))
    text = hearth_flame_graph_dup_node_name (self, node);
  else
    text = hearth_flame_graph_dup_node_stack (self, node);

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
show_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (widget);
  guint node = hearth_flame_graph_action_node (self);
  HearthProfile *profile;
  guint function;

  if (self->tree == NULL || node == HEARTH_NO_INDEX || node == 0)
    return;

  profile = hearth_flame_tree_get_profile (self->tree);
  function = hearth_flame_tree_get_source_function (self->tree, hearth_profile_node_get_function (profile, node));
  if (function == HEARTH_NO_INDEX)
    return;

  /* the view pushes selected-function to the document; the window's
   * stateful win.view switches pages */
  hearth_flame_graph_set_selected_function (self, function);
  gtk_widget_activate_action (widget, "win.view", "s",
                              g_str_equal (action_name, "flamegraph.show-in-callgraph") ? "callgraph" : "functions");
}

/* GObject */

/* GtkScrollable: both adjustments behave the same, only the slot differs */
static void
hearth_flame_graph_set_adjustment (HearthFlameGraph  *self,
                                   GtkAdjustment    **slot,
                                   GtkAdjustment     *adjustment,
                                   const char        *property)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_clear_object (slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (hearth_flame_graph_invalidate), self);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (hearth_flame_graph_update_hover), self);
  hearth_flame_graph_configure_adjustments (self);
  g_object_notify (G_OBJECT (self), property);
}

static void
hearth_flame_graph_set_hadjustment (HearthFlameGraph *self,
                                    GtkAdjustment    *adjustment)
{
  hearth_flame_graph_set_adjustment (self, &self->hadjustment, adjustment, "hadjustment");
}

static void
hearth_flame_graph_set_vadjustment (HearthFlameGraph *self,
                                    GtkAdjustment    *adjustment)
{
  hearth_flame_graph_set_adjustment (self, &self->vadjustment, adjustment, "vadjustment");
}

static void
hearth_flame_graph_dispose (GObject *object)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->tree, hearth_flame_tree_unref);
  g_clear_pointer (&self->layout, hearth_flame_layout_unref);
  g_clear_pointer (&self->cached, gsk_render_node_unref);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (hearth_flame_graph_parent_class)->dispose (object);
}

static void
hearth_flame_graph_finalize (GObject *object)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (object);

  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->font_family, g_free);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->match_rects, g_array_unref);
  g_clear_pointer (&self->back, g_array_unref);
  g_clear_pointer (&self->forward, g_array_unref);
  if (self->color_destroy != NULL)
    self->color_destroy (self->color_data);
  if (self->tooltip_destroy != NULL)
    self->tooltip_destroy (self->tooltip_data);

  G_OBJECT_CLASS (hearth_flame_graph_parent_class)->finalize (object);
}

static void
hearth_flame_graph_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;
    case PROP_ROOT_AT_BOTTOM:
      g_value_set_boolean (value, self->root_at_bottom);
      break;
    case PROP_XRAY:
      g_value_set_boolean (value, self->xray);
      break;
    case PROP_XRAY_MODE:
      g_value_set_enum (value, self->xray_options.mode);
      break;
    case PROP_XRAY_EVENTS:
      g_value_set_enum (value, self->xray_options.events);
      break;
    case PROP_XRAY_INCLUSIVE:
      g_value_set_boolean (value, self->xray_options.inclusive);
      break;
    case PROP_XRAY_THRESHOLD:
      g_value_set_int (value, self->xray_options.threshold);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, hearth_flame_graph_get_search_text (self));
      break;
    case PROP_N_MATCHES:
      g_value_set_uint (value, self->n_matches);
      break;
    case PROP_MATCH_FRACTION:
      g_value_set_double (value, self->match_fraction);
      break;
    case PROP_SELECTED_FUNCTION:
      g_value_set_uint (value, self->selected_function);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_ZOOM_NODE:
      g_value_set_uint (value, self->zoom_node);
      break;
    case PROP_CAN_ZOOM_BACK:
      g_value_set_boolean (value, hearth_flame_graph_get_can_zoom_back (self));
      break;
    case PROP_CAN_ZOOM_FORWARD:
      g_value_set_boolean (value, hearth_flame_graph_get_can_zoom_forward (self));
      break;
    case PROP_HOVERED_NODE:
      g_value_set_uint (value, hearth_flame_graph_get_hovered_node (self));
      break;
    case PROP_FOCUSED_NODE:
      g_value_set_uint (value, self->focus_node);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_flame_graph_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HearthFlameGraph *self = HEARTH_FLAME_GRAPH (object);
  HearthFlameXRay xray = self->xray_options;

  switch (prop_id)
    {
    case PROP_PROFILE:
      hearth_flame_graph_set_profile (self, g_value_get_object (value));
      break;
    case PROP_DIRECTION:
      hearth_flame_graph_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_METRIC:
      hearth_flame_graph_set_metric (self, g_value_get_enum (value));
      break;
    case PROP_ROOT_AT_BOTTOM:
      hearth_flame_graph_set_root_at_bottom (self, g_value_get_boolean (value));
      break;
    case PROP_XRAY:
      hearth_flame_graph_set_xray (self, g_value_get_boolean (value));
      break;
    case PROP_XRAY_MODE:
      xray.mode = g_value_get_enum (value);
      hearth_flame_graph_set_xray_options (self, &xray);
      break;
    case PROP_XRAY_EVENTS:
      xray.events = g_value_get_enum (value);
      hearth_flame_graph_set_xray_options (self, &xray);
      break;
    case PROP_XRAY_INCLUSIVE:
      xray.inclusive = g_value_get_boolean (value);
      hearth_flame_graph_set_xray_options (self, &xray);
      break;
    case PROP_XRAY_THRESHOLD:
      xray.threshold = g_value_get_int (value);
      hearth_flame_graph_set_xray_options (self, &xray);
      break;
    case PROP_SEARCH_TEXT:
      hearth_flame_graph_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_SELECTED_FUNCTION:
      hearth_flame_graph_set_selected_function (self, g_value_get_uint (value));
      break;
    case PROP_FOCUSED_NODE:
      hearth_flame_graph_set_focused_node (self, g_value_get_uint (value));
      break;
    case PROP_HADJUSTMENT:
      hearth_flame_graph_set_hadjustment (self, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      hearth_flame_graph_set_vadjustment (self, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (GtkScrollablePolicy) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_flame_graph_class_init (HearthFlameGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hearth_flame_graph_dispose;
  object_class->finalize = hearth_flame_graph_finalize;
  object_class->get_property = hearth_flame_graph_get_property;
  object_class->set_property = hearth_flame_graph_set_property;

  widget_class->snapshot = hearth_flame_graph_snapshot;
  widget_class->measure = hearth_flame_graph_measure;
  widget_class->size_allocate = hearth_flame_graph_size_allocate;
  widget_class->query_tooltip = hearth_flame_graph_query_tooltip;
  widget_class->css_changed = hearth_flame_graph_css_changed;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, HEARTH_TYPE_PROFILE, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, HEARTH_TYPE_FLAME_DIRECTION,
                       HEARTH_FLAME_TOP_DOWN, flags);
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL, HEARTH_TYPE_METRIC, HEARTH_METRIC_CPU_TIME, flags);
  properties[PROP_ROOT_AT_BOTTOM] =
    g_param_spec_boolean ("root-at-bottom", NULL, NULL, FALSE, flags);
  properties[PROP_XRAY] =
    g_param_spec_boolean ("xray", NULL, NULL, FALSE, flags);
  properties[PROP_XRAY_MODE] =
    g_param_spec_enum ("xray-mode", NULL, NULL, HEARTH_TYPE_FLAME_XRAY_MODE,
                       HEARTH_FLAME_XRAY_COUNT, flags);
  properties[PROP_XRAY_EVENTS] =
    g_param_spec_enum ("xray-events", NULL, NULL, HEARTH_TYPE_FLAME_XRAY_EVENTS,
                       HEARTH_FLAME_XRAY_ALLOCS, flags);
  properties[PROP_XRAY_INCLUSIVE] =
    g_param_spec_boolean ("xray-inclusive", NULL, NULL, FALSE, flags);
  properties[PROP_XRAY_THRESHOLD] =
    g_param_spec_int ("xray-threshold", NULL, NULL, -1, 99, -1, flags);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, "", flags);
  properties[PROP_N_MATCHES] =
    g_param_spec_uint ("n-matches", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_MATCH_FRACTION] =
    g_param_spec_double ("match-fraction", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_SELECTED_FUNCTION] =
    g_param_spec_uint ("selected-function", NULL, NULL, 0, G_MAXUINT, HEARTH_NO_INDEX, flags);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_ZOOM_NODE] =
    g_param_spec_uint ("zoom-node", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CAN_ZOOM_BACK] =
    g_param_spec_boolean ("can-zoom-back", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_ZOOM_FORWARD] =
    g_param_spec_boolean ("can-zoom-forward", NULL, NULL, FALSE, ro);
  properties[PROP_HOVERED_NODE] =
    g_param_spec_uint ("hovered-node", NULL, NULL, 0, G_MAXUINT, HEARTH_NO_INDEX, ro);
  properties[PROP_FOCUSED_NODE] =
    g_param_spec_uint ("focused-node", NULL, NULL, 0, G_MAXUINT, HEARTH_NO_INDEX, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * HearthFlameGraph::layout-changed:
   *
   * A new layout is in place (or the profile went away).
   */
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "flamegraph.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.move-left", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.move-right", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.zoom-back", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.zoom-forward", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.reset-zoom", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.copy-name", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.copy-stack", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.show-in-callgraph", NULL, show_in_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.show-in-functions", NULL, show_in_action);
  gtk_widget_class_install_action (widget_class, "flamegraph.context-menu", NULL, context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "flamegraph.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "flamegraph.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "flamegraph.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "flamegraph.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "flamegraph.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "flamegraph.move-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "flamegraph.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "flamegraph.move-right", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "flamegraph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "flamegraph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "flamegraph.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "flamegraph.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flamegraph.zoom-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "flamegraph.zoom-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "flamegraph.reset-zoom", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "flamegraph.copy-name", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "flamegraph.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "flamegraph.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "flamegraph");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hearth_flame_graph_init (HearthFlameGraph *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->direction = HEARTH_FLAME_TOP_DOWN;
  self->metric = HEARTH_METRIC_CPU_TIME;
  self->search_text = g_strdup ("");
  self->selected_function = HEARTH_NO_INDEX;
  self->hzoom = 1;
  self->hover_rect = -1;
  self->focus_rect = -1;
  self->focus_node = HEARTH_NO_INDEX;
  self->context_node = HEARTH_NO_INDEX;
  self->match_cursor = -1;
  self->xray_full_scale = -1;
  self->scroll_to_root = TRUE;
  self->back = g_array_new (FALSE, FALSE, sizeof (guint));
  self->forward = g_array_new (FALSE, FALSE, sizeof (guint));
  hearth_flame_xray_init (&self->xray_options);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  hearth_flame_graph_set_hadjustment (self, NULL);
  hearth_flame_graph_set_vadjustment (self, NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (hearth_flame_graph_motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (hearth_flame_graph_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (hearth_flame_graph_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (hearth_flame_graph_click_pressed_cb), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (hearth_flame_graph_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (hearth_flame_graph_secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (hearth_flame_graph_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (hearth_flame_graph_drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (hearth_flame_graph_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (hearth_flame_graph_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (hearth_flame_graph_style_changed_cb), self, G_CONNECT_SWAPPED);

  hearth_flame_graph_update_accessible (self);
}

GtkWidget *
hearth_flame_graph_new (void)
{
  return g_object_new (HEARTH_TYPE_FLAME_GRAPH, NULL);
}

/* Properties */

HearthProfile *
hearth_flame_graph_get_profile (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  return self->profile;
}

void
hearth_flame_graph_set_profile (HearthFlameGraph *self,
                                HearthProfile    *profile)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));
  g_return_if_fail (!profile || HEARTH_IS_PROFILE (profile));

  if (g_set_object (&self->profile, profile))
    {
      hearth_flame_graph_clear_history (self);
      hearth_flame_graph_relayout (self, TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
    }
}

HearthFlameDirection
hearth_flame_graph_get_direction (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), HEARTH_FLAME_TOP_DOWN);

  return self->direction;
}

void
hearth_flame_graph_set_direction (HearthFlameGraph     *self,
                                  HearthFlameDirection  direction)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->direction == direction)
    return;

  /* node ids of another tree: the zoom history no longer applies */
  self->direction = direction;
  hearth_flame_graph_clear_history (self);
  hearth_flame_graph_relayout (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

HearthMetric
hearth_flame_graph_get_metric (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), HEARTH_METRIC_CPU_TIME);

  return self->metric;
}

void
hearth_flame_graph_set_metric (HearthFlameGraph *self,
                               HearthMetric      metric)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));
  g_return_if_fail (metric < HEARTH_N_METRICS);

  if (self->metric == metric)
    return;

  /* widths change: a new layout of the same tree */
  self->metric = metric;
  hearth_flame_graph_relayout (self, FALSE);
  if (self->tree != NULL)
    {
      guint old_n = self->n_matches;

      hearth_flame_tree_search_stats (self->tree, self->match, self->metric,
                                      &self->n_matches, &self->match_fraction);
      if (old_n != self->n_matches)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MATCHES]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_FRACTION]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

gboolean
hearth_flame_graph_get_root_at_bottom (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  return self->root_at_bottom;
}

void
hearth_flame_graph_set_root_at_bottom (HearthFlameGraph *self,
                                       gboolean          root_at_bottom)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  root_at_bottom = !!root_at_bottom;
  if (self->root_at_bottom == (guint) root_at_bottom)
    return;

  self->root_at_bottom = root_at_bottom;
  self->scroll_to_root = TRUE;
  hearth_flame_graph_configure_adjustments (self);
  hearth_flame_graph_invalidate (self);
  hearth_flame_graph_update_hover (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_AT_BOTTOM]);
}

gboolean
hearth_flame_graph_get_xray (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  return self->xray;
}

void
hearth_flame_graph_set_xray (HearthFlameGraph *self,
                             gboolean          xray)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  xray = !!xray;
  if (self->xray == (guint) xray)
    return;

  self->xray = xray;
  hearth_flame_graph_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY]);
}

/**
 * hearth_flame_graph_get_xray_options:
 * @xray: (out caller-allocates): the X-Ray settings
 */
void
hearth_flame_graph_get_xray_options (HearthFlameGraph *self,
                                     HearthFlameXRay  *xray)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));
  g_return_if_fail (xray != NULL);

  *xray = self->xray_options;
}

/**
 * hearth_flame_graph_set_xray_options:
 *
 * Recolours only: the layout stays.
 */
void
hearth_flame_graph_set_xray_options (HearthFlameGraph      *self,
                                     const HearthFlameXRay *xray)
{
  HearthFlameXRay old;

  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));
  g_return_if_fail (xray != NULL);

  old = self->xray_options;
  self->xray_options = *xray;
  self->xray_options.threshold = CLAMP (xray->threshold, -1, 99);
  self->xray_full_scale = -1;
  hearth_flame_graph_invalidate (self);

  if (old.mode != self->xray_options.mode)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY_MODE]);
  if (old.events != self->xray_options.events)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY_EVENTS]);
  if (old.inclusive != self->xray_options.inclusive)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY_INCLUSIVE]);
  if (old.threshold != self->xray_options.threshold)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY_THRESHOLD]);
}

/**
 * hearth_flame_graph_get_xray_full_scale:
 *
 * Returns: the X-Ray value drawn at full brightness for the current layout
 *   and settings (cached until either changes)
 */
double
hearth_flame_graph_get_xray_full_scale (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), 0);

  if (self->layout == NULL)
    return 0;
  if (self->xray_full_scale < 0)
    self->xray_full_scale = hearth_flame_layout_xray_full_scale (self->layout, &self->xray_options);

  return self->xray_full_scale;
}

const char *
hearth_flame_graph_get_search_text (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  return self->search_text;
}

/**
 * hearth_flame_graph_set_search_text:
 *
 * Highlights the boxes whose name or source contains @text
 * (case-insensitive); recolours only.
 */
void
hearth_flame_graph_set_search_text (HearthFlameGraph *self,
                                    const char       *text)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, self->search_text))
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  hearth_flame_graph_update_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

guint
hearth_flame_graph_get_n_matches (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), 0);

  return self->n_matches;
}

double
hearth_flame_graph_get_match_fraction (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), 0);

  return self->match_fraction;
}

guint
hearth_flame_graph_get_selected_function (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), HEARTH_NO_INDEX);

  return self->selected_function;
}

/**
 * hearth_flame_graph_set_selected_function:
 * @function: a function of the loaded profile, or %HEARTH_NO_INDEX
 *
 * Outlines the boxes of @function (the document's selected function).
 */
void
hearth_flame_graph_set_selected_function (HearthFlameGraph *self,
                                          guint             function)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->selected_function == function)
    return;

  self->selected_function = function;
  hearth_flame_graph_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_FUNCTION]);
}

/**
 * hearth_flame_graph_get_layout:
 *
 * Returns: (transfer none) (nullable): the current layout, %NULL while the
 *   first one is computed
 */
HearthFlameLayout *
hearth_flame_graph_get_layout (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), NULL);

  return self->layout;
}

gboolean
hearth_flame_graph_get_busy (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), FALSE);

  return self->busy;
}

guint
hearth_flame_graph_get_hovered_node (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), HEARTH_NO_INDEX);

  return node_of_rect (self, self->hover_rect);
}

guint
hearth_flame_graph_get_focused_node (HearthFlameGraph *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_GRAPH (self), HEARTH_NO_INDEX);

  return self->focus_node;
}

void
hearth_flame_graph_set_focused_node (HearthFlameGraph *self,
                                     guint             node)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (node == self->focus_node)
    return;

  if (self->layout == NULL)
    {
      self->focus_node = node;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED_NODE]);
      return;
    }

  hearth_flame_graph_set_focus_rect (self, rect_of_node (self, node), TRUE);
}

/**
 * hearth_flame_graph_set_color_func:
 * @func: (nullable): overrides box colours (see #HearthFlameColorFunc)
 *
 * Used by the diff flame graph. Call hearth_flame_graph_redraw() when the
 * colours change: that repaints without a new layout.
 */
void
hearth_flame_graph_set_color_func (HearthFlameGraph     *self,
                                   HearthFlameColorFunc  func,
                                   gpointer              user_data,
                                   GDestroyNotify        destroy)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->color_destroy != NULL)
    self->color_destroy (self->color_data);
  self->color_func = func;
  self->color_data = user_data;
  self->color_destroy = destroy;
  hearth_flame_graph_invalidate (self);
}

/**
 * hearth_flame_graph_set_tooltip_func:
 * @func: (nullable): makes the tooltip markup of a node instead of
 *   hearth_flame_graph_dup_node_markup()
 */
void
hearth_flame_graph_set_tooltip_func (HearthFlameGraph            *self,
                                     HearthFlameGraphTooltipFunc  func,
                                     gpointer                     user_data,
                                     GDestroyNotify               destroy)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  if (self->tooltip_destroy != NULL)
    self->tooltip_destroy (self->tooltip_data);
  self->tooltip_func = func;
  self->tooltip_data = user_data;
  self->tooltip_destroy = destroy;
}

/**
 * hearth_flame_graph_redraw:
 *
 * Drops the cached picture and repaints with the same layout (new colours).
 */
void
hearth_flame_graph_redraw (HearthFlameGraph *self)
{
  g_return_if_fail (HEARTH_IS_FLAME_GRAPH (self));

  hearth_flame_graph_invalidate (self);
}
