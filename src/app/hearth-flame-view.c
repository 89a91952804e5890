/* hearth-flame-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-flame-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hearth-flame-view.h"

#include "hearth-enums.h"
#include "hearth-units.h"

/* The "Flame Graph" page: a toolbar (direction, root position, width
 * metric, X-Ray and its options, zoom history, search, export), the
 * HearthFlameGraph in a scrolled window, a legend and a status bar with the
 * hovered box's figures. It shares the search text and the selected
 * function with the other views through the HearthDocument.
 *
 * View options are properties of this widget exposed as stateful "flame.*"
 * actions (gtk_widget_class_install_property_action) and bound one way to
 * the graph. */

#define LEGEND_ENTRIES 10

struct _HearthFlameView
{
  GtkWidget             parent_instance;

  HearthDocument       *document;

  HearthFlameDirection  direction;
  HearthMetric          metric;
  HearthFlameXRayMode   xray_mode;
  HearthFlameXRayEvents xray_events;
  int                   xray_threshold;

  /* template children */
  GtkWidget            *box;
  HearthFlameGraph     *graph;
  GtkScrolledWindow    *scroller;
  GtkSpinner           *spinner;
  GtkDropDown          *metric_dropdown;
  GtkToggleButton      *xray_button;
  GtkMenuButton        *xray_menu_button;
  GtkCheckButton       *threshold_auto;
  GtkScale             *threshold_scale;
  GtkSearchEntry       *search_entry;
  GtkLabel             *match_label;
  GtkFlowBox           *legend_box;
  GtkLabel             *status_label;
  GtkWidget            *export_button;

  guint                 root_at_bottom : 1;
  guint                 xray : 1;
  guint                 xray_inclusive : 1;
  guint                 syncing : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DIRECTION,
  PROP_METRIC,
  PROP_ROOT_AT_BOTTOM,
  PROP_XRAY,
  PROP_XRAY_MODE,
  PROP_XRAY_EVENTS,
  PROP_XRAY_INCLUSIVE,
  PROP_XRAY_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthFlameView, hearth_flame_view, GTK_TYPE_WIDGET)

static const HearthMetric dropdown_metrics[] = {
  HEARTH_METRIC_CPU_TIME,
  HEARTH_METRIC_ALLOC_COUNT,
  HEARTH_METRIC_ALLOC_BYTES,
};

static HearthProfile *
hearth_flame_view_get_profile (HearthFlameView *self)
{
  return hearth_flame_graph_get_profile (self->graph);
}

static gboolean
hearth_flame_view_has_memory (HearthFlameView *self)
{
  HearthProfile *profile = hearth_flame_view_get_profile (self);

  return profile != NULL && hearth_profile_has_memory (profile);
}

/* Legend and status bar */

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  guint32 rgb = GPOINTER_TO_UINT (user_data);
  const char *kind = g_object_get_data (G_OBJECT (area), "gradient");

  if (kind != NULL)
    {
      cairo_pattern_t *pattern = cairo_pattern_create_linear (0, 0, width, 0);

      cairo_pattern_add_color_stop_rgb (pattern, 0, 0.14, 0.14, 0.14);
      cairo_pattern_add_color_stop_rgb (pattern, 1, 0.96, 0.96, 0.96);
      cairo_set_source (cr, pattern);
      cairo_pattern_destroy (pattern);
    }
  else
    cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

static GtkWidget *
legend_entry_new (guint32     rgb,
                  gboolean    gradient,
                  const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), gradient ? 48 : 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  if (gradient)
    g_object_set_data (G_OBJECT (swatch), "gradient", (gpointer) "xray");
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_cb, GUINT_TO_POINTER (rgb), NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  /* GTK 4.8 can measure a bare ellipsis of a small-caption label below
   * zero; a minimum width keeps the measurement sane */
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_tooltip_text (box, text);

  return box;
}

static void
hearth_flame_view_update_legend (HearthFlameView *self)
{
  HearthFlameLayout *layout = hearth_flame_graph_get_layout (self->graph);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL)
    gtk_flow_box_remove (self->legend_box, child);

  if (layout == NULL)
    return;

  if (self->xray)
    {
      HearthFlameXRay xray;
      double full = hearth_flame_graph_get_xray_full_scale (self->graph);
      g_autofree char *figure = NULL;
      g_autofree char *text = NULL;

      hearth_flame_graph_get_xray_options (self->graph, &xray);
      figure = hearth_format_value (xray.mode == HEARTH_FLAME_XRAY_SUM ? HEARTH_METRIC_ALLOC_BYTES
                                                                     : HEARTH_METRIC_ALLOC_COUNT,
                                    full, HEARTH_UNIT_MS, 0);
      /* Translators: X-Ray legend: black = no events, white = this many or more */
      text = g_strdup_printf (_("0 … %s or more"), figure);
      gtk_flow_box_append (self->legend_box, legend_entry_new (0, TRUE, text));
      return;
    }

  {
    g_autoptr(GArray) entries = hearth_flame_layout_dup_legend (layout, LEGEND_ENTRIES);
    double root = hearth_profile_get_root_total (hearth_flame_layout_get_profile (layout),
                                                 hearth_flame_layout_get_metric (layout));

    for (guint i = 0; i < entries->len; i++)
      {
        const HearthFlameLegendEntry *e = &g_array_index (entries, HearthFlameLegendEntry, i);
        g_autofree char *text = NULL;
        char pct[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (pct, sizeof pct, "%.1f", root > 0 ? e->value / root * 100 : 0);
        text = g_strdup_printf ("%s (%s %%)", e->label[0] != '\0' ? e->label : _("Unknown"), pct);
        gtk_flow_box_append (self->legend_box, legend_entry_new (e->rgb, FALSE, text));
      }
  }
}

static void
hearth_flame_view_update_status (HearthFlameView *self)
{
  HearthFlameLayout *layout = hearth_flame_graph_get_layout (self->graph);
  guint node = hearth_flame_graph_get_hovered_node (self->graph);
  g_autofree char *text = NULL;

  if (node == HEARTH_NO_INDEX)
    node = hearth_flame_graph_get_focused_node (self->graph);

  if (node != HEARTH_NO_INDEX)
    text = hearth_flame_graph_dup_node_summary (self->graph, node);
  else if (layout != NULL)
    {
      guint n_rects;

      hearth_flame_layout_get_rects (layout, &n_rects);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u box — click to zoom, Ctrl+scroll to stretch, right-click for more",
                                           "%u boxes — click to zoom, Ctrl+scroll to stretch, right-click for more",
                                           n_rects),
                              n_rects);
    }

  gtk_label_set_text (self->status_label, text != NULL ? text : "");
}

static void
hearth_flame_view_update_matches (HearthFlameView *self)
{
  const char *text = hearth_flame_graph_get_search_text (self->graph);
  guint n = hearth_flame_graph_get_n_matches (self->graph);
  g_autofree char *label = NULL;
  char pct[G_ASCII_DTOSTR_BUF_SIZE];

  if (text == NULL || text[0] == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
      return;
    }

  g_ascii_formatd (pct, sizeof pct, "%.1f", hearth_flame_graph_get_match_fraction (self->graph) * 100);
  /* Translators: flame graph search: "3 matches, 60.0 % of total" */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match, %s %% of total", "%u matches, %s %% of total", n),
                           n, pct);
  gtk_label_set_text (self->match_label, label);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), TRUE);
}

static void
hearth_flame_view_update_actions (HearthFlameView *self)
{
  gboolean memory = hearth_flame_view_has_memory (self);
  gboolean has_layout = hearth_flame_graph_get_layout (self->graph) != NULL;
  const char *reason = _("This capture has no memory data (allocation counts and sizes)");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.xray", memory);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.xray-mode", memory);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.toggle-xray-mode", memory);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.metric", memory);
  gtk_widget_set_sensitive (GTK_WIDGET (self->metric_dropdown), memory);
  gtk_widget_set_sensitive (GTK_WIDGET (self->xray_menu_button), memory);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->xray_button),
                               memory ? _("Shade boxes by allocations: brighter allocates more (X)") : reason);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->metric_dropdown),
                               memory ? _("Box Width") : reason);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.zoom-back",
                                 hearth_flame_graph_get_can_zoom_back (self->graph));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.zoom-forward",
                                 hearth_flame_graph_get_can_zoom_forward (self->graph));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.reset-zoom",
                                 hearth_flame_graph_get_zoom_node (self->graph) != 0 ||
                                 hearth_flame_graph_get_horizontal_zoom (self->graph) != 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.export-svg", has_layout);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "flame.export-png", has_layout);
}

/* Graph and document signals */

static void
hearth_flame_view_layout_changed_cb (HearthFlameView *self)
{
  hearth_flame_view_update_legend (self);
  hearth_flame_view_update_status (self);
  hearth_flame_view_update_matches (self);
  hearth_flame_view_update_actions (self);
}

static void
hearth_flame_view_busy_changed_cb (HearthFlameView *self)
{
  gboolean busy = hearth_flame_graph_get_busy (self->graph);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
hearth_flame_view_set_metric_internal (HearthFlameView *self,
                                       HearthMetric     metric)
{
  if (self->metric == metric)
    return;

  self->metric = metric;
  for (guint i = 0; i < G_N_ELEMENTS (dropdown_metrics); i++)
    if (dropdown_metrics[i] == metric && gtk_drop_down_get_selected (self->metric_dropdown) != i)
      gtk_drop_down_set_selected (self->metric_dropdown, i);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

static void
hearth_flame_view_profile_changed (HearthFlameView *self)
{
  HearthProfile *profile = self->document != NULL ? hearth_document_get_profile (self->document) : NULL;

  hearth_flame_graph_set_profile (self->graph, profile);

  /* memory views need memory data */
  if (!hearth_flame_view_has_memory (self))
    {
      hearth_flame_view_set_metric_internal (self, HEARTH_METRIC_CPU_TIME);
      if (self->xray)
        {
          self->xray = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY]);
        }
    }

  hearth_flame_view_update_actions (self);
}

static void
hearth_flame_view_document_search_cb (HearthFlameView *self)
{
  const char *text = hearth_document_get_search_text (self->document);

  if (text == NULL)
    text = "";
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text))
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      self->syncing = FALSE;
    }
  hearth_flame_graph_set_search_text (self->graph, text);
}

static void
hearth_flame_view_document_selected_cb (HearthFlameView *self)
{
  hearth_flame_graph_set_selected_function (self->graph,
                                            hearth_document_get_selected_function (self->document));
}

static void
hearth_flame_view_graph_selected_cb (HearthFlameView *self)
{
  if (self->document != NULL)
    hearth_document_set_selected_function (self->document,
                                           hearth_flame_graph_get_selected_function (self->graph));
}

static void
hearth_flame_view_search_changed_cb (HearthFlameView *self,
                                     GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->syncing)
    return;

  if (self->document != NULL)
    hearth_document_set_search_text (self->document, text);
  else
    hearth_flame_graph_set_search_text (self->graph, text);
}

static void
hearth_flame_view_search_activate_cb (HearthFlameView *self)
{
  hearth_flame_graph_step_match (self->graph, 1);
}

static void
hearth_flame_view_search_previous_cb (HearthFlameView *self)
{
  hearth_flame_graph_step_match (self->graph, -1);
}

static void
hearth_flame_view_search_stop_cb (HearthFlameView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->graph));
}

static void
hearth_flame_view_metric_selected_cb (HearthFlameView *self)
{
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  if (selected < G_N_ELEMENTS (dropdown_metrics))
    hearth_flame_view_set_metric_internal (self, dropdown_metrics[selected]);
}

static void
hearth_flame_view_threshold_changed_cb (HearthFlameView *self)
{
  gboolean automatic = gtk_check_button_get_active (self->threshold_auto);
  int threshold = automatic ? -1 : (int) gtk_range_get_value (GTK_RANGE (self->threshold_scale));

  gtk_widget_set_sensitive (GTK_WIDGET (self->threshold_scale), !automatic);
  if (self->xray_threshold != threshold)
    {
      self->xray_threshold = threshold;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY_THRESHOLD]);
    }
}

static void
hearth_flame_view_xray_changed_cb (HearthFlameView *self)
{
  hearth_flame_view_update_legend (self);
}

/* Export */

/**
 * hearth_flame_view_export:
 * @file: an `.svg` or `.png` file
 *
 * Exports the current view (zoom root, direction, metric, X-Ray and search
 * colours) at the widget's width, all rows, with the same draw function as
 * the screen.
 *
 * Returns: %TRUE on success
 */
gboolean
hearth_flame_view_export (HearthFlameView  *self,
                          GFile            *file,
                          GError          **error)
{
  HearthFlameLayout *layout;
  HearthFlameRenderOptions options;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (HEARTH_IS_FLAME_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = hearth_flame_graph_get_layout (self->graph);
  if (layout == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The flame graph is not ready yet"));
      return FALSE;
    }

  hearth_flame_graph_get_render_options (self->graph, &options);
  /* the view's width, never narrower than a readable page */
  options.width = MAX (options.width, 1200);
  options.dark = FALSE;

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename != NULL ? basename : "", -1);
  if (g_str_has_suffix (lower, ".png"))
    return hearth_flame_export_png (layout, &options, file, error);

  return hearth_flame_export_svg (layout, &options, file, error);
}

static void
hearth_flame_view_show_error (HearthFlameView *self,
                              const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Export Flame Graph"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hearth_flame_view_export_response_cb (HearthFlameView      *self,
                                      int                   response,
                                      GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !hearth_flame_view_export (self, file, &error))
        hearth_flame_view_show_error (self, error);
    }

  /* gtk_native_dialog_destroy() does not drop the reference we own */
  g_object_unref (native);
}

static void
hearth_flame_view_choose_export (HearthFlameView *self,
                                 gboolean         png)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  HearthProfile *profile = hearth_flame_view_get_profile (self);
  g_autofree char *display = profile != NULL ? hearth_profile_dup_display_name (profile) : NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (png ? _("Export Flame Graph as PNG") : _("Export Flame Graph as SVG"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, png ? _("PNG Images") : _("SVG Images"));
  gtk_file_filter_add_mime_type (filter, png ? "image/png" : "image/svg+xml");
  gtk_file_filter_add_suffix (filter, png ? "png" : "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (display != NULL)
    {
      char *dot = strrchr (display, '.');

      if (dot != NULL && dot != display)
        *dot = '\0';
      stem = g_strdup (display);
    }
  name = g_strdup_printf ("%s-flame-graph.%s", stem != NULL ? stem : "hearth", png ? "png" : "svg");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (hearth_flame_view_export_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  hearth_flame_view_choose_export (HEARTH_FLAME_VIEW (widget), g_str_equal (action_name, "flame.export-png"));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  HearthFlameView *self = HEARTH_FLAME_VIEW (widget);

  if (g_str_equal (action_name, "flame.zoom-back"))
    hearth_flame_graph_zoom_back (self->graph);
  else if (g_str_equal (action_name, "flame.zoom-forward"))
    hearth_flame_graph_zoom_forward (self->graph);
  else if (g_str_equal (action_name, "flame.zoom-out"))
    hearth_flame_graph_zoom_out (self->graph);
  else
    hearth_flame_graph_reset_zoom (self->graph);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  HearthFlameView *self = HEARTH_FLAME_VIEW (widget);

  if (g_str_equal (action_name, "flame.search"))
    hearth_flame_view_focus_search (self);
  else if (g_str_equal (action_name, "flame.next-match"))
    hearth_flame_graph_step_match (self->graph, 1);
  else if (g_str_equal (action_name, "flame.previous-match"))
    hearth_flame_graph_step_match (self->graph, -1);
  else
    hearth_flame_view_search_stop_cb (self);
}

static void
toggle_xray_mode_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  HearthFlameView *self = HEARTH_FLAME_VIEW (widget);

  self->xray_mode = self->xray_mode == HEARTH_FLAME_XRAY_COUNT ? HEARTH_FLAME_XRAY_SUM : HEARTH_FLAME_XRAY_COUNT;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XRAY_MODE]);
}

/* GObject */

static void
hearth_flame_view_dispose (GObject *object)
{
  HearthFlameView *self = HEARTH_FLAME_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_FLAME_VIEW);

  G_OBJECT_CLASS (hearth_flame_view_parent_class)->dispose (object);
}

static void
hearth_flame_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HearthFlameView *self = HEARTH_FLAME_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
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
      g_value_set_enum (value, self->xray_mode);
      break;
    case PROP_XRAY_EVENTS:
      g_value_set_enum (value, self->xray_events);
      break;
    case PROP_XRAY_INCLUSIVE:
      g_value_set_boolean (value, self->xray_inclusive);
      break;
    case PROP_XRAY_THRESHOLD:
      g_value_set_int (value, self->xray_threshold);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_flame_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HearthFlameView *self = HEARTH_FLAME_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_flame_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_DIRECTION:
      if (self->direction != (HearthFlameDirection) g_value_get_enum (value))
        {
          self->direction = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_METRIC:
      {
        HearthMetric metric = g_value_get_enum (value);

        /* the flame graph offers CPU time and the allocation metrics */
        if (metric == HEARTH_METRIC_CPU_TIME || metric == HEARTH_METRIC_ALLOC_COUNT ||
            metric == HEARTH_METRIC_ALLOC_BYTES)
          hearth_flame_view_set_metric_internal (self, metric);
      }
      break;
    case PROP_ROOT_AT_BOTTOM:
      if (self->root_at_bottom != (guint) g_value_get_boolean (value))
        {
          self->root_at_bottom = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_XRAY:
      if (self->xray != (guint) g_value_get_boolean (value))
        {
          self->xray = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_XRAY_MODE:
      if (self->xray_mode != (HearthFlameXRayMode) g_value_get_enum (value))
        {
          self->xray_mode = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_XRAY_EVENTS:
      if (self->xray_events != (HearthFlameXRayEvents) g_value_get_enum (value))
        {
          self->xray_events = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_XRAY_INCLUSIVE:
      if (self->xray_inclusive != (guint) g_value_get_boolean (value))
        {
          self->xray_inclusive = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_XRAY_THRESHOLD:
      if (self->xray_threshold != g_value_get_int (value))
        {
          self->xray_threshold = g_value_get_int (value);
          gtk_check_button_set_active (self->threshold_auto, self->xray_threshold < 0);
          if (self->xray_threshold >= 0)
            gtk_range_set_value (GTK_RANGE (self->threshold_scale), self->xray_threshold);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_flame_view_class_init (HearthFlameViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = hearth_flame_view_dispose;
  object_class->get_property = hearth_flame_view_get_property;
  object_class->set_property = hearth_flame_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, HEARTH_TYPE_DOCUMENT, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, HEARTH_TYPE_FLAME_DIRECTION, HEARTH_FLAME_TOP_DOWN, flags);
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL, HEARTH_TYPE_METRIC, HEARTH_METRIC_CPU_TIME, flags);
  properties[PROP_ROOT_AT_BOTTOM] =
    g_param_spec_boolean ("root-at-bottom", NULL, NULL, FALSE, flags);
  properties[PROP_XRAY] =
    g_param_spec_boolean ("xray", NULL, NULL, FALSE, flags);
  properties[PROP_XRAY_MODE] =
    g_param_spec_enum ("xray-mode", NULL, NULL, HEARTH_TYPE_FLAME_XRAY_MODE, HEARTH_FLAME_XRAY_COUNT, flags);
  properties[PROP_XRAY_EVENTS] =
    g_param_spec_enum ("xray-events", NULL, NULL, HEARTH_TYPE_FLAME_XRAY_EVENTS, HEARTH_FLAME_XRAY_ALLOCS, flags);
  properties[PROP_XRAY_INCLUSIVE] =
    g_param_spec_boolean ("xray-inclusive", NULL, NULL, FALSE, flags);
  properties[PROP_XRAY_THRESHOLD] =
    g_param_spec_int ("xray-threshold", NULL, NULL, -1, 99, -1, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-flame-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, box);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, graph);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, scroller);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, xray_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, xray_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, threshold_auto);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, threshold_scale);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, match_label);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, status_label);
  gtk_widget_class_bind_template_child (widget_class, HearthFlameView, export_button);

  gtk_widget_class_install_property_action (widget_class, "flame.direction", "direction");
  gtk_widget_class_install_property_action (widget_class, "flame.metric", "metric");
  gtk_widget_class_install_property_action (widget_class, "flame.root-at-bottom", "root-at-bottom");
  gtk_widget_class_install_property_action (widget_class, "flame.xray", "xray");
  gtk_widget_class_install_property_action (widget_class, "flame.xray-mode", "xray-mode");
  gtk_widget_class_install_property_action (widget_class, "flame.xray-events", "xray-events");
  gtk_widget_class_install_property_action (widget_class, "flame.xray-inclusive", "xray-inclusive");
  gtk_widget_class_install_action (widget_class, "flame.toggle-xray-mode", NULL, toggle_xray_mode_action);
  gtk_widget_class_install_action (widget_class, "flame.reset-zoom", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flame.zoom-back", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flame.zoom-forward", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flame.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "flame.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "flame.next-match", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "flame.previous-match", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "flame.clear-search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "flame.export-svg", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "flame.export-png", NULL, export_action);

  /* View-local keys: they fire while the focus is inside the page (a text
   * entry keeps its letters) */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "flame.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "flame.next-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK, "flame.previous-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "flame.next-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "flame.previous-match", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "flame.clear-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, 0, "flame.xray", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, 0, "flame.toggle-xray-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "flame.zoom-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "flame.zoom-forward", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flameview");

  g_type_ensure (HEARTH_TYPE_FLAME_GRAPH);
}

static void
hearth_flame_view_init (HearthFlameView *self)
{
  self->direction = HEARTH_FLAME_TOP_DOWN;
  self->metric = HEARTH_METRIC_CPU_TIME;
  self->xray_mode = HEARTH_FLAME_XRAY_COUNT;
  self->xray_events = HEARTH_FLAME_XRAY_ALLOCS;
  self->xray_threshold = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "direction", self->graph, "direction", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "metric", self->graph, "metric", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "root-at-bottom", self->graph, "root-at-bottom", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "xray", self->graph, "xray", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "xray-mode", self->graph, "xray-mode", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "xray-events", self->graph, "xray-events", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "xray-inclusive", self->graph, "xray-inclusive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "xray-threshold", self->graph, "xray-threshold", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->graph, "layout-changed",
                           G_CALLBACK (hearth_flame_view_layout_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::busy",
                           G_CALLBACK (hearth_flame_view_busy_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::hovered-node",
                           G_CALLBACK (hearth_flame_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::focused-node",
                           G_CALLBACK (hearth_flame_view_update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::n-matches",
                           G_CALLBACK (hearth_flame_view_update_matches), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::match-fraction",
                           G_CALLBACK (hearth_flame_view_update_matches), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::search-text",
                           G_CALLBACK (hearth_flame_view_update_matches), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::can-zoom-back",
                           G_CALLBACK (hearth_flame_view_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::zoom-node",
                           G_CALLBACK (hearth_flame_view_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::selected-function",
                           G_CALLBACK (hearth_flame_view_graph_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::xray",
                           G_CALLBACK (hearth_flame_view_xray_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::xray-mode",
                           G_CALLBACK (hearth_flame_view_xray_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::xray-events",
                           G_CALLBACK (hearth_flame_view_xray_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::xray-inclusive",
                           G_CALLBACK (hearth_flame_view_xray_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->graph, "notify::xray-threshold",
                           G_CALLBACK (hearth_flame_view_xray_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (hearth_flame_view_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (hearth_flame_view_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (hearth_flame_view_search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (hearth_flame_view_search_previous_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (hearth_flame_view_search_stop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metric_dropdown, "notify::selected",
                           G_CALLBACK (hearth_flame_view_metric_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->threshold_auto, "toggled",
                           G_CALLBACK (hearth_flame_view_threshold_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->threshold_scale, "value-changed",
                           G_CALLBACK (hearth_flame_view_threshold_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  hearth_flame_view_update_actions (self);
  hearth_flame_view_update_status (self);
}

GtkWidget *
hearth_flame_view_new (void)
{
  return g_object_new (HEARTH_TYPE_FLAME_VIEW, NULL);
}

HearthDocument *
hearth_flame_view_get_document (HearthFlameView *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_VIEW (self), NULL);

  return self->document;
}

/**
 * hearth_flame_view_set_document:
 *
 * Shows the document's profile; shares its search text and selected
 * function.
 */
void
hearth_flame_view_set_document (HearthFlameView *self,
                                HearthDocument  *document)
{
  g_return_if_fail (HEARTH_IS_FLAME_VIEW (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (hearth_flame_view_profile_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::search-text",
                               G_CALLBACK (hearth_flame_view_document_search_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::selected-function",
                               G_CALLBACK (hearth_flame_view_document_selected_cb), self, G_CONNECT_SWAPPED);
      hearth_flame_view_document_search_cb (self);
      hearth_flame_view_document_selected_cb (self);
    }

  hearth_flame_view_profile_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * hearth_flame_view_get_graph:
 *
 * Returns: (transfer none): the flame graph widget
 */
HearthFlameGraph *
hearth_flame_view_get_graph (HearthFlameView *self)
{
  g_return_val_if_fail (HEARTH_IS_FLAME_VIEW (self), NULL);

  return self->graph;
}

void
hearth_flame_view_focus_search (HearthFlameView *self)
{
  g_return_if_fail (HEARTH_IS_FLAME_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
