/* hearth-compare-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-compare-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "hearth-combine.h"
#include "hearth-compare-view.h"
#include "hearth-csv-writer.h"
#include "hearth-diff-flame.h"
#include "hearth-diff-row.h"
#include "hearth-enums.h"
#include "hearth-importer.h"
#include "hearth-units.h"

/* The Compare page: a Left (green) and a Right (blue) side of captures,
 * each combined and normalised, and their difference as a flame graph and a
 * table. The comparison (HearthComparison) owns the sides and the diff;
 * moving the sensitivity handles only recolours: the flame graph repaints
 * with the same layout and the bound table cells update themselves. */

struct _HearthCompareView
{
  GtkWidget           parent_instance;

  HearthDocument     *document;
  HearthComparison   *comparison;
  gboolean            left_from_document;
  gboolean            compared;
  GCancellable       *load_cancellable;

  GListStore         *rows;
  GtkFilterListModel *filter_model;
  GtkStringFilter    *filter;
  GtkSortListModel   *sort_model;
  GtkSorter          *class_sorter;
  GPtrArray          *value_sorters;
  HearthDiffColoring  coloring;
  HearthDiff         *shown_diff;
  GtkWidget          *swatches[4];

  /* template */
  AdwToastOverlay    *toast_overlay;
  GtkWidget          *left_card;
  GtkWidget          *right_card;
  GtkToggleButton    *left_header;
  GtkToggleButton    *right_header;
  GtkLabel           *left_summary;
  GtkLabel           *right_summary;
  GtkWidget          *left_mixed;
  GtkWidget          *right_mixed;
  GtkWidget          *left_add;
  GtkWidget          *right_add;
  GtkListBox         *left_list;
  GtkListBox         *right_list;
  GtkWidget          *compare_button;
  GtkToggleButton    *relative_button;
  GtkToggleButton    *absolute_button;
  GtkDropDown        *metric_dropdown;
  GtkCheckButton     *noise_check;
  GtkCheckButton     *palette_check;
  GtkLabel           *normalisation_label;
  HearthRangeSlider  *slider;
  GtkLabel           *range_label;
  GtkWidget          *legend_box;
  GtkStack           *content_stack;
  GtkSpinner         *spinner;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *bottom_up_button;
  HearthFlameGraph   *diff_graph;
  GtkColumnView      *column_view;
  GtkLabel           *combo_label;
  HearthFlameGraph   *combo_graph;
  GtkWidget          *drop_zones;
  GtkWidget          *left_zone;
  GtkWidget          *right_zone;
};

G_DEFINE_FINAL_TYPE (HearthCompareView, hearth_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const HearthMetric dropdown_metrics[] = {
  HEARTH_METRIC_CPU_TIME,
  HEARTH_METRIC_ALLOC_COUNT,
  HEARTH_METRIC_ALLOC_BYTES,
};

typedef enum
{
  COLUMN_NAME,
  COLUMN_LEFT,
  COLUMN_RIGHT,
  COLUMN_DELTA,
  COLUMN_DELTA_PCT,
  COLUMN_CLASS,
} Column;

static const char *css_data =
  ".compare-side.left { border-top: 4px solid #2ec27e; }\n"
  ".compare-side.right { border-top: 4px solid #3584e4; }\n"
  ".colorblind .compare-side.left { border-top-color: #e69f00; }\n"
  ".colorblind .compare-side.right { border-top-color: #0072b2; }\n"
  ".compare-side.left .side-title { color: #26a269; }\n"
  ".compare-side.right .side-title { color: #1c71d8; }\n"
  ".colorblind .compare-side.left .side-title { color: #b86e00; }\n"
  ".colorblind .compare-side.right .side-title { color: #0072b2; }\n"
  ".compare-side.drop-hover { box-shadow: inset 0 0 0 3px alpha(@accent_bg_color, 0.7); }\n"
  ".side-list, .side-list row { background: none; }\n"
  ".side-list row { padding: 2px 4px; border-radius: 6px; }\n"
  ".side-list row:hover { background-color: alpha(currentColor, 0.06); }\n"
  ".compare-drop-zone { border: 3px dashed; border-radius: 12px; }\n"
  ".compare-drop-zone.left { border-color: #2ec27e; background-color: alpha(#2ec27e, 0.22); }\n"
  ".compare-drop-zone.right { border-color: #3584e4; background-color: alpha(#3584e4, 0.22); }\n"
  ".colorblind .compare-drop-zone.left { border-color: #e69f00; background-color: alpha(#e69f00, 0.22); }\n"
  ".colorblind .compare-drop-zone.right { border-color: #0072b2; background-color: alpha(#0072b2, 0.22); }\n"
  ".compare-drop-zone.drop-hover { border-style: solid; }\n"
  ".compare-drop-zones { background-color: alpha(@window_bg_color, 0.9); }\n";

static void hearth_compare_view_update_page (HearthCompareView *self);

/* Helpers */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static HearthDiff *
current_diff (HearthCompareView *self)
{
  return self->comparison != NULL ? hearth_comparison_get_diff (self->comparison) : NULL;
}

static HearthMetric
current_metric (HearthCompareView *self)
{
  return hearth_comparison_get_metric (self->comparison);
}

static char *
format_display (HearthMetric metric,
                double       display_value,
                gboolean     sign)
{
  g_autofree char *text = NULL;
  double base = display_value / hearth_diff_metric_display_factor (metric);

  /* rounding noise of the combine is no change */
  if (fabs (display_value) < 1e-9)
    display_value = base = 0;

  text = hearth_format_value (metric, fabs (base), HEARTH_UNIT_MS, 0);
  if (!sign || display_value == 0)
    return g_steal_pointer (&text);
  return g_strdup_printf ("%s%s", display_value < 0 ? "−" : "+", text);
}

static const char *
class_label (HearthDiffClass klass)
{
  switch (klass)
    {
    case HEARTH_DIFF_CLASS_LEFT:
      return _("Left more");
    case HEARTH_DIFF_CLASS_RIGHT:
      return _("Right more");
    case HEARTH_DIFF_CLASS_ONLY_LEFT:
      return _("Only in Left");
    case HEARTH_DIFF_CLASS_ONLY_RIGHT:
      return _("Only in Right");
    case HEARTH_DIFF_CLASS_SAME:
    default:
      return _("Same");
    }
}

static char *
rgb_hex (const double rgb[3])
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) round (CLAMP (rgb[0], 0, 1) * 255),
                          (int) round (CLAMP (rgb[1], 0, 1) * 255),
                          (int) round (CLAMP (rgb[2], 0, 1) * 255));
}

static void
row_values (HearthCompareView *self,
            HearthDiffRow     *row,
            double            *left,
            double            *right)
{
  HearthDiff *diff = hearth_diff_row_get_diff (row);
  HearthMetric metric = current_metric (self);
  double factor = hearth_diff_metric_display_factor (metric);
  guint node = hearth_diff_row_get_node (row);

  *left = hearth_diff_node_get_total (diff, node, HEARTH_DIFF_SIDE_LEFT, metric) * factor;
  *right = hearth_diff_node_get_total (diff, node, HEARTH_DIFF_SIDE_RIGHT, metric) * factor;
}

static HearthDiffClass
row_class (HearthCompareView *self,
           HearthDiffRow     *row,
           double            *intensity)
{
  HearthComparison *c = self->comparison;

  return hearth_diff_classify (hearth_diff_row_get_diff (row), hearth_diff_row_get_node (row),
                               hearth_comparison_get_metric (c), hearth_comparison_get_mode (c),
                               hearth_comparison_get_low (c), hearth_comparison_get_high (c),
                               hearth_comparison_get_noise (c), intensity);
}

/* Side summaries */

static void
side_facts (GListModel  *model,
            guint       *n_frames,
            GPtrArray   *places,
            gint64      *first_time,
            gint64      *last_time)
{
  guint n = g_list_model_get_n_items (model);

  *n_frames = 0;
  *first_time = -1;
  *last_time = -1;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthProfile) profile = g_list_model_get_item (model, i);
      const char *place = hearth_profile_get_place_id (profile);
      gint64 t = hearth_profile_get_capture_time_ms (profile);
      gboolean seen = FALSE;

      *n_frames += hearth_profile_get_n_frames (profile);
      if (t >= 0)
        {
          if (*first_time < 0 || t < *first_time)
            *first_time = t;
          if (t > *last_time)
            *last_time = t;
        }
      if (place == NULL || place[0] == '\0')
        continue;
      for (guint j = 0; j < places->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (places, j), place);
      if (!seen)
        g_ptr_array_add (places, (gpointer) place);
    }
}

static char *
format_time (gint64 unix_ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_ms / 1000);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}

/**
 * hearth_compare_view_dup_side_summary:
 *
 * Returns: (transfer full): what the side header shows, e.g. "2 captures ·
 *   place 123 · 7 frames · 2026-01-01 12:00"
 */
char *
hearth_compare_view_dup_side_summary (HearthCompareView *self,
                                      HearthDiffSide     side)
{
  GListModel *model;
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  g_autoptr(GString) str = g_string_new (NULL);
  guint n, n_frames;
  gint64 first, last;

  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);

  model = G_LIST_MODEL (hearth_comparison_get_side (self->comparison, side));
  n = g_list_model_get_n_items (model);
  if (n == 0)
    return g_strdup (_("No captures"));

  side_facts (model, &n_frames, places, &first, &last);
  g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u capture", "%u captures", n), n);
  if (places->len == 1)
    g_string_append_printf (str, " · %s %s", _("place"), (const char *) g_ptr_array_index (places, 0));
  else if (places->len > 1)
    g_string_append_printf (str, " · %s", _("mixed places"));
  if (n_frames > 0)
    {
      g_string_append (str, " · ");
      g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u frame", "%u frames", n_frames), n_frames);
    }
  if (first >= 0)
    {
      g_autofree char *a = format_time (first);

      if (last != first)
        {
          g_autofree char *b = format_time (last);

          g_string_append_printf (str, " · %s – %s", a, b);
        }
      else
        g_string_append_printf (str, " · %s", a);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
hearth_compare_view_update_side (HearthCompareView *self,
                                 HearthDiffSide     side)
{
  GListModel *model = G_LIST_MODEL (hearth_comparison_get_side (self->comparison, side));
  GtkLabel *summary = side == HEARTH_DIFF_SIDE_LEFT ? self->left_summary : self->right_summary;
  GtkWidget *mixed = side == HEARTH_DIFF_SIDE_LEFT ? self->left_mixed : self->right_mixed;
  GtkWidget *header = GTK_WIDGET (side == HEARTH_DIFF_SIDE_LEFT ? self->left_header : self->right_header);
  g_autofree char *text = hearth_compare_view_dup_side_summary (self, side);
  g_autoptr(GPtrArray) places = g_ptr_array_new ();
  g_autoptr(GString) files = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);
  guint n_frames;
  gint64 first, last;

  gtk_label_set_text (summary, text);
  side_facts (model, &n_frames, places, &first, &last);

  gtk_widget_set_visible (mixed, places->len > 1);
  if (places->len > 1)
    {
      g_autofree char *joined = NULL;
      g_autofree char *tip = NULL;

      g_ptr_array_add (places, NULL);
      joined = g_strjoinv (", ", (char **) places->pdata);
      tip = g_strdup_printf (_("This side mixes captures of different places (%s): "
                                                "the comparison may not be meaningful"), joined);
      gtk_widget_set_tooltip_text (mixed, tip);
    }

  /* the header's tooltip lists the files */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthProfile) profile = g_list_model_get_item (model, i);
      g_autofree char *name = hearth_profile_dup_display_name (profile);
      g_autofree char *escaped = g_markup_escape_text (name, -1);

      if (files->len > 0)
        g_string_append_c (files, '\n');
      g_string_append (files, escaped);
      if (hearth_profile_get_n_frames (profile) > 0)
        g_string_append_printf (files, " <small>(%u)</small>", hearth_profile_get_n_frames (profile));
    }
  if (files->len == 0)
    g_string_append (files, side == HEARTH_DIFF_SIDE_LEFT
                     ? _("Show the combined flame graph of the Left side")
                     : _("Show the combined flame graph of the Right side"));
  gtk_widget_set_tooltip_markup (header, files->str);
}

static void
hearth_compare_view_update_counts (HearthCompareView *self)
{
  guint nl = g_list_model_get_n_items (G_LIST_MODEL (hearth_comparison_get_left (self->comparison)));
  guint nr = g_list_model_get_n_items (G_LIST_MODEL (hearth_comparison_get_right (self->comparison)));
  HearthDiff *diff = current_diff (self);
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (self->compare_button, nl > 0 && nr > 0);

  if (diff != NULL)
    text = g_strdup_printf ("%u+%u · %s", nl, nr, hearth_diff_get_normalisation_label (diff));
  else
    text = g_strdup_printf ("%u+%u", nl, nr);
  gtk_label_set_text (self->normalisation_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->normalisation_label),
                               _("Captures on the Left + on the Right, and the unit both sides are normalised to"));
}

/* File lists */

static void
hearth_compare_view_remove_clicked_cb (GtkButton *button,
                                       gpointer   user_data)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (user_data);
  HearthProfile *profile = g_object_get_data (G_OBJECT (button), "profile");
  HearthDiffSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "side"));
  guint position;

  if (g_list_store_find (hearth_comparison_get_side (self->comparison, side), profile, &position))
    {
      if (side == HEARTH_DIFF_SIDE_LEFT)
        self->left_from_document = FALSE;
      hearth_comparison_remove (self->comparison, side, position);
    }
}

static void
row_motion_enter_cb (GtkEventControllerMotion *motion,
                     double                    x,
                     double                    y,
                     GtkWidget                *button)
{
  gtk_widget_set_opacity (button, 1);
}

static void
row_motion_leave_cb (GtkEventControllerMotion *motion,
                     GtkWidget                *button)
{
  if (!gtk_widget_has_focus (button))
    gtk_widget_set_opacity (button, 0);
}

static void
button_focus_enter_cb (GtkEventControllerFocus *focus,
                       GtkWidget               *button)
{
  gtk_widget_set_opacity (button, 1);
}

static GtkWidget *
create_file_row (gpointer item,
                 gpointer user_data,
                 HearthDiffSide side)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (user_data);
  HearthProfile *profile = HEARTH_PROFILE (item);
  g_autofree char *name = hearth_profile_dup_display_name (profile);
  g_autofree char *tip = NULL;
  GtkWidget *row, *box, *label, *info, *button;
  GtkEventController *motion;
  guint n_frames = hearth_profile_get_n_frames (profile);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (n_frames > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u frame", "%u frames", n_frames),
                                               n_frames);

      info = gtk_label_new (text);
      gtk_widget_add_css_class (info, "dim-label");
      gtk_widget_add_css_class (info, "caption");
      gtk_box_append (GTK_BOX (box), info);
    }

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, _("Remove from This Side"));
  gtk_widget_set_opacity (button, 0);
  g_object_set_data_full (G_OBJECT (button), "profile", g_object_ref (profile), g_object_unref);
  g_object_set_data (G_OBJECT (button), "side", GUINT_TO_POINTER (side));
  g_signal_connect_object (button, "clicked", G_CALLBACK (hearth_compare_view_remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  tip = hearth_profile_get_file_name (profile) != NULL ? g_strdup (hearth_profile_get_file_name (profile)) : NULL;
  if (tip != NULL)
    gtk_widget_set_tooltip_text (label, tip);

  /* the cross shows on hover (and stays focusable for the keyboard) */
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (row_motion_enter_cb), button);
  g_signal_connect (motion, "leave", G_CALLBACK (row_motion_leave_cb), button);
  gtk_widget_add_controller (row, motion);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "enter", G_CALLBACK (button_focus_enter_cb), button);
    gtk_widget_add_controller (button, focus);
  }

  return row;
}

static GtkWidget *
create_left_row (gpointer item,
                 gpointer user_data)
{
  return create_file_row (item, user_data, HEARTH_DIFF_SIDE_LEFT);
}

static GtkWidget *
create_right_row (gpointer item,
                  gpointer user_data)
{
  return create_file_row (item, user_data, HEARTH_DIFF_SIDE_RIGHT);
}

/* Loading */

typedef struct
{
  HearthCompareView *self;
  HearthDiffSide     side;
  HearthProfile    **profiles;
  GError           **errors;
  GFile            **files;
  guint              n;
  guint              pending;
} LoadBatch;

typedef struct
{
  LoadBatch *batch;
  guint      index;
} LoadSlot;

static void
load_batch_finish (LoadBatch *batch)
{
  HearthCompareView *self = batch->self;

  for (guint i = 0; i < batch->n; i++)
    {
      if (batch->profiles[i] != NULL)
        {
          if (batch->side == HEARTH_DIFF_SIDE_LEFT)
            self->left_from_document = FALSE;
          hearth_comparison_add (self->comparison, batch->side, batch->profiles[i]);
        }
      else if (batch->errors[i] != NULL &&
               !g_error_matches (batch->errors[i], G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (batch->files[i]);
          g_autofree char *title = g_strdup_printf (_("Could not open “%s”: %s"), name, batch->errors[i]->message);
          AdwToast *toast = adw_toast_new (title);

          adw_toast_set_timeout (toast, 8);
          adw_toast_overlay_add_toast (self->toast_overlay, toast);
        }
      g_clear_object (&batch->profiles[i]);
      g_clear_error (&batch->errors[i]);
      g_clear_object (&batch->files[i]);
    }

  g_free (batch->profiles);
  g_free (batch->errors);
  g_free (batch->files);
  g_object_unref (batch->self);
  g_free (batch);
}

static void
load_file_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LoadSlot *slot = user_data;
  LoadBatch *batch = slot->batch;

  batch->profiles[slot->index] = hearth_import_file_finish (result, &batch->errors[slot->index]);
  g_free (slot);

  if (--batch->pending == 0)
    load_batch_finish (batch);
}

/**
 * hearth_compare_view_add_files:
 * @files: (array length=n_files): captures to load
 *
 * Loads the captures in the background and adds them to @side in the given
 * order; a file that fails shows a toast naming it and the reason.
 */
void
hearth_compare_view_add_files (HearthCompareView  *self,
                               HearthDiffSide      side,
                               GFile             **files,
                               guint               n_files)
{
  LoadBatch *batch;

  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));
  g_return_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT);

  if (n_files == 0)
    return;

  batch = g_new0 (LoadBatch, 1);
  batch->self = g_object_ref (self);
  batch->side = side;
  batch->n = n_files;
  batch->pending = n_files;
  batch->profiles = g_new0 (HearthProfile *, n_files);
  batch->errors = g_new0 (GError *, n_files);
  batch->files = g_new0 (GFile *, n_files);

  for (guint i = 0; i < n_files; i++)
    {
      LoadSlot *slot = g_new0 (LoadSlot, 1);

      slot->batch = batch;
      slot->index = i;
      batch->files[i] = g_object_ref (files[i]);
      hearth_import_file_async (files[i], self->load_cancellable, NULL, NULL, load_file_done, slot);
    }
}

static void
hearth_compare_view_chooser_response_cb (GtkNativeDialog *native,
                                         int              response,
                                         gpointer         user_data)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (user_data);
  HearthDiffSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (native), "side"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      hearth_compare_view_add_files (self, side, (GFile **) array->pdata, array->len);
    }

  g_object_unref (native);
}

/**
 * hearth_compare_view_choose_files:
 *
 * Opens a file dialog that adds the chosen captures to @side.
 */
void
hearth_compare_view_choose_files (HearthCompareView *self,
                                  HearthDiffSide     side)
{
  GtkFileChooserNative *native;
  GtkRoot *root;

  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  native = gtk_file_chooser_native_new (side == HEARTH_DIFF_SIDE_LEFT
                                        ? _("Add Captures to the Left Side")
                                        : _("Add Captures to the Right Side"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "side", GUINT_TO_POINTER (side));
  g_signal_connect_object (native, "response", G_CALLBACK (hearth_compare_view_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
hearth_compare_view_add_clicked_cb (HearthCompareView *self,
                                    GtkButton         *button)
{
  hearth_compare_view_choose_files (self, GTK_WIDGET (button) == self->left_add
                                    ? HEARTH_DIFF_SIDE_LEFT : HEARTH_DIFF_SIDE_RIGHT);
}

/* Drag and drop */

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               gpointer       user_data)
{
  gtk_widget_add_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-hover");
  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               gpointer       user_data)
{
  gtk_widget_remove_css_class (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)), "drop-hover");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (user_data);
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  HearthDiffSide side = (widget == self->left_card || widget == self->left_zone)
    ? HEARTH_DIFF_SIDE_LEFT : HEARTH_DIFF_SIDE_RIGHT;
  g_autoptr(GSList) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  gtk_widget_remove_css_class (widget, "drop-hover");
  hearth_compare_view_set_drop_zones_visible (self, FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  hearth_compare_view_add_files (self, side, (GFile **) array->pdata, array->len);

  return array->len > 0;
}

static void
add_drop_target (HearthCompareView *self,
                 GtkWidget         *widget)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "enter", G_CALLBACK (drop_enter_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
}

static void
hearth_compare_view_drag_leave_cb (HearthCompareView *self)
{
  hearth_compare_view_set_drop_zones_visible (self, FALSE);
}

/**
 * hearth_compare_view_set_drop_zones_visible:
 *
 * Shows two large drop zones, Left and Right, over the whole page: the
 * window calls this (after showing the Compare page) when files are dragged
 * over it while a capture is open. The view hides them itself when the drag
 * leaves the page, ends or drops.
 */
void
hearth_compare_view_set_drop_zones_visible (HearthCompareView *self,
                                            gboolean           visible)
{
  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));

  gtk_widget_set_visible (self->drop_zones, visible);
}

gboolean
hearth_compare_view_get_drop_zones_visible (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), FALSE);

  return gtk_widget_get_visible (self->drop_zones);
}

/* Table */

static void
cell_refresh (GtkListItem *list_item)
{
  HearthCompareView *self = g_object_get_data (G_OBJECT (list_item), "view");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_item), "column"));
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));
  HearthDiffRow *row = gtk_list_item_get_item (list_item);
  HearthMetric metric;
  double left, right;

  if (row == NULL || self->comparison == NULL)
    return;

  metric = current_metric (self);
  row_values (self, row, &left, &right);

  switch (column)
    {
    case COLUMN_NAME:
      {
        g_autofree char *path = hearth_diff_row_dup_path (row);

        gtk_inscription_set_text (inscription, hearth_diff_row_get_name (row));
        gtk_widget_set_tooltip_text (GTK_WIDGET (inscription), path);
      }
      break;
    case COLUMN_LEFT:
    case COLUMN_RIGHT:
      {
        g_autofree char *text = format_display (metric, column == COLUMN_LEFT ? left : right, FALSE);

        gtk_inscription_set_text (inscription, text);
      }
      break;
    case COLUMN_DELTA:
      {
        g_autofree char *text = format_display (metric, right - left, TRUE);

        gtk_inscription_set_text (inscription, text);
      }
      break;
    case COLUMN_DELTA_PCT:
      {
        g_autofree char *text = NULL;

        if (left != 0)
          {
            double pct = (right - left) / left * 100;

            if (fabs (pct) < 0.05)
              text = g_strdup ("0.0 %");
            else
              text = g_strdup_printf ("%s%.1f %%", pct > 0 ? "+" : "−", fabs (pct));
          }
        gtk_inscription_set_text (inscription, text);
      }
      break;
    case COLUMN_CLASS:
      {
        double intensity = 0;
        HearthDiffClass klass = row_class (self, row, &intensity);
        double rgb[3];
        g_autofree char *hex = NULL;
        g_autofree char *markup = NULL;

        hearth_diff_get_color (klass, intensity, hearth_comparison_get_palette (self->comparison), is_dark (), rgb);
        hex = rgb_hex (rgb);
        markup = g_strdup_printf ("<span foreground=\"%s\">%s</span> %s", hex,
                                  klass == HEARTH_DIFF_CLASS_ONLY_LEFT || klass == HEARTH_DIFF_CLASS_ONLY_RIGHT
                                  ? "▨" : "■", class_label (klass));
        gtk_inscription_set_markup (inscription, markup);
      }
      break;
    default:
      break;
    }
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GObject                  *object,
               gpointer                  user_data)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *inscription = gtk_inscription_new (NULL);

  if (column != COLUMN_NAME && column != COLUMN_CLASS)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), column == COLUMN_NAME ? 12 : 6);
  gtk_list_item_set_child (list_item, inscription);
  g_object_set_data (object, "view", user_data);
  g_object_set_data (object, "column", GUINT_TO_POINTER (column));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GObject                  *object,
              gpointer                  user_data)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (user_data);
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  Column column = GPOINTER_TO_UINT (g_object_get_data (object, "column"));
  gulong id;

  cell_refresh (list_item);

  /* bound cells follow the thresholds, metric and palette by themselves */
  if (column != COLUMN_NAME)
    {
      id = g_signal_connect_object (self->comparison, "classification-changed",
                                    G_CALLBACK (cell_refresh), list_item, G_CONNECT_SWAPPED);
      g_object_set_data (object, "handler", GSIZE_TO_POINTER (id));
      g_object_set_data_full (object, "handler-source", g_object_ref (self->comparison), g_object_unref);
    }
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GObject                  *object,
                gpointer                  user_data)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (object, "handler"));
  GObject *source = g_object_get_data (object, "handler-source");

  if (id != 0 && source != NULL)
    g_signal_handler_disconnect (source, id);
  g_object_set_data (object, "handler", NULL);
  g_object_set_data (object, "handler-source", NULL);
}

static int
compare_doubles (double a,
                 double b)
{
  return a < b ? -1 : a > b;
}

static int
row_compare_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  GtkSorter *sorter = user_data;
  HearthCompareView *self = g_object_get_data (G_OBJECT (sorter), "view");
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sorter), "column"));
  HearthDiffRow *ra = HEARTH_DIFF_ROW ((gpointer) a);
  HearthDiffRow *rb = HEARTH_DIFF_ROW ((gpointer) b);
  double la, ra_, lb, rb_;

  row_values (self, ra, &la, &ra_);
  row_values (self, rb, &lb, &rb_);

  switch (column)
    {
    case COLUMN_LEFT:
      return compare_doubles (la, lb);
    case COLUMN_RIGHT:
      return compare_doubles (ra_, rb_);
    case COLUMN_DELTA:
      /* by size of the change, whichever side */
      return compare_doubles (fabs (ra_ - la), fabs (rb_ - lb));
    case COLUMN_DELTA_PCT:
      return compare_doubles (la != 0 ? fabs ((ra_ - la) / la) : INFINITY,
                              lb != 0 ? fabs ((rb_ - lb) / lb) : INFINITY);
    case COLUMN_CLASS:
      {
        double ia = 0, ib = 0;
        HearthDiffClass ca = row_class (self, ra, &ia);
        HearthDiffClass cb = row_class (self, rb, &ib);

        if (ca != cb)
          return ca < cb ? -1 : 1;
        return compare_doubles (ia, ib);
      }
    case COLUMN_NAME:
    default:
      return g_strcmp0 (hearth_diff_row_get_name (ra), hearth_diff_row_get_name (rb));
    }
}

static void
add_column (HearthCompareView *self,
            const char        *title,
            Column             column,
            gboolean           expand,
            int                fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkCustomSorter *sorter;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), self);

  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);

  sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
  g_object_set_data (G_OBJECT (sorter), "view", self);
  g_object_set_data (G_OBJECT (sorter), "column", GUINT_TO_POINTER (column));
  gtk_custom_sorter_set_sort_func (sorter, row_compare_cb, sorter, NULL);
  gtk_column_view_column_set_sorter (col, GTK_SORTER (sorter));
  if (column == COLUMN_CLASS)
    g_set_object (&self->class_sorter, GTK_SORTER (sorter));
  else if (column != COLUMN_NAME)
    g_ptr_array_add (self->value_sorters, g_object_ref (sorter));
  g_object_set_data (G_OBJECT (self->column_view), title, col);

  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (sorter);
  g_object_unref (col);
}

static void
hearth_compare_view_rebuild_rows (HearthCompareView *self)
{
  HearthDiff *diff = current_diff (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (diff != NULL)
    {
      n = hearth_diff_get_n_nodes (diff);
      for (guint i = 1; i < n; i++)
        g_ptr_array_add (items, hearth_diff_row_new (diff, i));
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

static void
hearth_compare_view_row_activated_cb (HearthCompareView *self,
                                      guint              position,
                                      GtkColumnView     *column_view)
{
  g_autoptr(HearthDiffRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (row != NULL && hearth_diff_row_get_diff (row) == self->shown_diff)
    hearth_flame_graph_zoom_to (self->diff_graph, hearth_diff_row_get_node (row));
}

/* Legend */

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (user_data);
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "kind"));
  HearthDiffPalette palette = hearth_comparison_get_palette (self->comparison);
  gboolean dark = is_dark ();
  double rgb[3];

  if (kind == 0)
    {
      hearth_diff_get_color (HEARTH_DIFF_CLASS_SAME, 0, palette, dark, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
  else if (kind == 1 || kind == 2)
    {
      HearthDiffClass klass = kind == 1 ? HEARTH_DIFF_CLASS_LEFT : HEARTH_DIFF_CLASS_RIGHT;
      cairo_pattern_t *ramp = cairo_pattern_create_linear (0, 0, width, 0);

      hearth_diff_get_color (klass, 0, palette, dark, rgb);
      cairo_pattern_add_color_stop_rgb (ramp, 0, rgb[0], rgb[1], rgb[2]);
      hearth_diff_get_color (klass, 1, palette, dark, rgb);
      cairo_pattern_add_color_stop_rgb (ramp, 1, rgb[0], rgb[1], rgb[2]);
      cairo_set_source (cr, ramp);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
      cairo_pattern_destroy (ramp);
    }
  else
    {
      hearth_diff_get_color (HEARTH_DIFF_CLASS_ONLY_LEFT, 1, palette, dark, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, 0, 0, width / 2.0, height);
      cairo_fill (cr);
      hearth_diff_get_color (HEARTH_DIFF_CLASS_ONLY_RIGHT, 1, palette, dark, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, width / 2.0, 0, width / 2.0, height);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
      cairo_set_line_width (cr, 1.5);
      for (double sx = -height; sx < width; sx += 5)
        {
          cairo_move_to (cr, sx, height);
          cairo_line_to (cr, sx + height, 0);
        }
      cairo_stroke (cr);
    }
}

static void
hearth_compare_view_build_legend (HearthCompareView *self)
{
  const char *labels[] = {
    N_("Same"), N_("Left more"), N_("Right more"), N_("Only on one side"),
  };

  for (int i = 0; i < 4; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (_(labels[i]));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), i == 0 ? 14 : 28);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 12);
      gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (area), "kind", GINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), swatch_draw, self, NULL);
      gtk_widget_add_css_class (label, "caption");
      if (i > 0)
        gtk_widget_set_margin_start (area, 6);
      gtk_box_append (GTK_BOX (self->legend_box), area);
      gtk_box_append (GTK_BOX (self->legend_box), label);
      self->swatches[i] = area;
    }
}

/* Flame graph */

/**
 * hearth_compare_view_dup_node_markup:
 *
 * Returns: (transfer full) (nullable): the tooltip of a diff node: both
 *   sides' total, share of `<root>`, average per call and per normalisation
 *   unit, which side is greater and by how much, or "only in Left/Right"
 */
char *
hearth_compare_view_dup_node_markup (HearthCompareView *self,
                                     guint              node)
{
  HearthDiff *diff;
  HearthMetric metric;
  g_autoptr(GString) str = NULL;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  g_autofree char *escaped = NULL;
  HearthDiffClass klass;
  double intensity = 0;
  double values[2];

  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);

  diff = self->shown_diff;
  if (diff == NULL || node >= hearth_diff_get_n_nodes (diff))
    return NULL;

  metric = current_metric (self);
  str = g_string_new (NULL);
  name = node == 0 ? g_strdup (_("all")) : hearth_diff_node_dup_name (diff, node);
  escaped = g_markup_escape_text (name, -1);
  g_string_append_printf (str, "<b>%s</b>", escaped);
  location = node == 0 ? NULL : hearth_diff_node_dup_location (diff, node);
  if (location != NULL && location[0] != '\0')
    {
      g_autofree char *loc = g_markup_escape_text (location, -1);

      g_string_append_printf (str, "\n<small>%s</small>", loc);
    }

  for (guint s = 0; s < 2; s++)
    {
      double total = hearth_diff_node_get_total (diff, node, s, metric);
      double root = hearth_diff_node_get_total (diff, 0, s, metric);
      double calls = hearth_diff_node_get_calls (diff, node, s);
      g_autofree char *value = hearth_format_value (metric, total, HEARTH_UNIT_MS, 0);
      const char *side_name = s == 0 ? _("Left") : _("Right");

      values[s] = total;
      if (!hearth_diff_node_get_present (diff, node, s))
        {
          g_string_append_printf (str, "\n%s: —", side_name);
          continue;
        }
      g_string_append_printf (str, "\n%s: <b>%s</b> %s", side_name, value,
                              hearth_diff_get_normalisation_label (diff));
      if (root > 0)
        g_string_append_printf (str, " · %.1f %% %s", total / root * 100, _("of all"));
      if (isfinite (calls) && calls > 0)
        {
          g_autofree char *per_call = hearth_format_value (metric, total / calls, HEARTH_UNIT_MS, 0);

          g_string_append_printf (str, " · %s %s", per_call, _("per call"));
        }
    }

  klass = hearth_diff_classify (diff, node, metric, hearth_comparison_get_mode (self->comparison),
                                hearth_comparison_get_low (self->comparison),
                                hearth_comparison_get_high (self->comparison),
                                hearth_comparison_get_noise (self->comparison), &intensity);

  if (klass == HEARTH_DIFF_CLASS_ONLY_LEFT)
    g_string_append_printf (str, "\n<b>%s</b>", _("Only in Left"));
  else if (klass == HEARTH_DIFF_CLASS_ONLY_RIGHT)
    g_string_append_printf (str, "\n<b>%s</b>", _("Only in Right"));
  else if (values[0] != values[1])
    {
      gboolean left_more = values[0] > values[1];
      double small = MIN (values[0], values[1]);
      g_autofree char *by = hearth_format_value (metric, fabs (values[1] - values[0]), HEARTH_UNIT_MS, 0);
      g_autofree char *pct = small > 0 ? g_strdup_printf (" (+%.1f %%)", fabs (values[1] - values[0]) / small * 100)
                                       : g_strdup ("");

      g_string_append_printf (str, "\n<b>%s</b> %s%s",
                              left_more ? _("Left is greater by") : _("Right is greater by"), by, pct);
      if (klass == HEARTH_DIFF_CLASS_SAME)
        {
          double ml, mr, se;

          if (hearth_comparison_get_noise (self->comparison) &&
              hearth_diff_node_get_noise (diff, node, metric, &ml, &mr, &se) && fabs (mr - ml) < 2 * se)
            g_string_append_printf (str, "\n<small>%s</small>", _("Within the noise between captures: shown gray"));
          else
            g_string_append_printf (str, "\n<small>%s</small>", _("Below the low threshold: shown gray"));
        }
    }
  else
    g_string_append_printf (str, "\n%s", _("No difference"));

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
diff_graph_tooltip_cb (HearthFlameGraph *graph,
                       guint             node,
                       gpointer          user_data)
{
  return hearth_compare_view_dup_node_markup (HEARTH_COMPARE_VIEW (user_data), node);
}

static void
hearth_compare_view_sync_coloring (HearthCompareView *self)
{
  HearthComparison *c = self->comparison;

  self->coloring.diff = self->shown_diff;
  self->coloring.metric = hearth_comparison_get_metric (c);
  self->coloring.mode = hearth_comparison_get_mode (c);
  self->coloring.low = hearth_comparison_get_low (c);
  self->coloring.high = hearth_comparison_get_high (c);
  self->coloring.noise = hearth_comparison_get_noise (c);
  self->coloring.palette = hearth_comparison_get_palette (c);
}

/* Options */

static double
slider_upper (HearthMetric   metric,
              HearthDiffMode mode)
{
  double high;

  if (mode == HEARTH_DIFF_MODE_RELATIVE)
    return 100;
  hearth_diff_get_default_thresholds (mode, metric, NULL, &high);
  return high * 4;
}

static const char *
slider_unit (HearthMetric   metric,
             HearthDiffMode mode)
{
  if (mode == HEARTH_DIFF_MODE_RELATIVE)
    return "%";
  if (metric == HEARTH_METRIC_ALLOC_BYTES)
    return _("bytes");
  if (metric == HEARTH_METRIC_ALLOC_COUNT)
    return _("allocations");
  return _("ms");
}

static void
hearth_compare_view_sync_options (HearthCompareView *self)
{
  HearthComparison *c = self->comparison;
  HearthMetric metric = hearth_comparison_get_metric (c);
  HearthDiffMode mode = hearth_comparison_get_mode (c);
  HearthDiffPalette palette = hearth_comparison_get_palette (c);
  g_autofree char *text = NULL;
  double rgb[3];
  GdkRGBA gray, left, right;

  gtk_toggle_button_set_active (mode == HEARTH_DIFF_MODE_RELATIVE ? self->relative_button : self->absolute_button, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dropdown_metrics); i++)
    if (dropdown_metrics[i] == metric && gtk_drop_down_get_selected (self->metric_dropdown) != i)
      gtk_drop_down_set_selected (self->metric_dropdown, i);
  gtk_check_button_set_active (self->noise_check, hearth_comparison_get_noise (c));
  gtk_widget_set_sensitive (GTK_WIDGET (self->noise_check), hearth_comparison_get_can_noise (c));
  gtk_check_button_set_active (self->palette_check, palette == HEARTH_DIFF_PALETTE_COLORBLIND);
  gtk_toggle_button_set_active (self->bottom_up_button, hearth_comparison_get_inverted (c));

  if (palette == HEARTH_DIFF_PALETTE_COLORBLIND)
    gtk_widget_add_css_class (GTK_WIDGET (self), "colorblind");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "colorblind");

  hearth_range_slider_set_unit (self->slider, slider_unit (metric, mode));
  hearth_range_slider_set_upper (self->slider, slider_upper (metric, mode));
  hearth_range_slider_set_range (self->slider, hearth_comparison_get_low (c), hearth_comparison_get_high (c));
  hearth_diff_get_color (HEARTH_DIFF_CLASS_SAME, 0, palette, is_dark (), rgb);
  gray.red = rgb[0], gray.green = rgb[1], gray.blue = rgb[2], gray.alpha = 1;
  hearth_diff_get_side_color (HEARTH_DIFF_SIDE_LEFT, palette, rgb);
  left.red = rgb[0], left.green = rgb[1], left.blue = rgb[2], left.alpha = 1;
  hearth_diff_get_side_color (HEARTH_DIFF_SIDE_RIGHT, palette, rgb);
  right.red = rgb[0], right.green = rgb[1], right.blue = rgb[2], right.alpha = 1;
  hearth_range_slider_set_colors (self->slider, &gray, &left, &right);

  text = hearth_range_slider_dup_text (self->slider);
  gtk_label_set_text (self->range_label, text);

  for (guint i = 0; i < G_N_ELEMENTS (self->swatches); i++)
    if (self->swatches[i] != NULL)
      gtk_widget_queue_draw (self->swatches[i]);
}

static void
hearth_compare_view_classification_changed_cb (HearthCompareView *self)
{
  HearthMetric old_metric = self->coloring.metric;

  hearth_compare_view_sync_options (self);
  hearth_compare_view_sync_coloring (self);

  /* recolour only: same layout, unless the box widths changed */
  if (old_metric != self->coloring.metric)
    {
      hearth_flame_graph_set_metric (self->diff_graph, self->coloring.metric);
      hearth_flame_graph_set_metric (self->combo_graph, self->coloring.metric);
      for (guint i = 0; i < self->value_sorters->len; i++)
        gtk_sorter_changed (g_ptr_array_index (self->value_sorters, i), GTK_SORTER_CHANGE_DIFFERENT);
    }
  hearth_flame_graph_redraw (self->diff_graph);
  if (self->class_sorter != NULL)
    gtk_sorter_changed (self->class_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
hearth_compare_view_mode_toggled_cb (HearthCompareView *self,
                                     GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button) || self->comparison == NULL)
    return;
  hearth_comparison_set_mode (self->comparison, button == self->relative_button
                              ? HEARTH_DIFF_MODE_RELATIVE : HEARTH_DIFF_MODE_ABSOLUTE);
}

static void
hearth_compare_view_metric_selected_cb (HearthCompareView *self,
                                        GParamSpec        *pspec,
                                        GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  HearthDiff *diff;

  if (self->comparison == NULL || selected >= G_N_ELEMENTS (dropdown_metrics))
    return;
  hearth_comparison_set_metric (self->comparison, dropdown_metrics[selected]);

  diff = current_diff (self);
  if (diff != NULL &&
      !hearth_profile_has_metric (hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_LEFT), dropdown_metrics[selected]) &&
      !hearth_profile_has_metric (hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_RIGHT), dropdown_metrics[selected]))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Neither side has allocation data: the captures were "
                                                  "recorded without memory events")));
}

static void
hearth_compare_view_noise_toggled_cb (HearthCompareView *self,
                                      GtkCheckButton    *button)
{
  if (self->comparison != NULL)
    hearth_comparison_set_noise (self->comparison, gtk_check_button_get_active (button));
}

static void
hearth_compare_view_palette_toggled_cb (HearthCompareView *self,
                                        GtkCheckButton    *button)
{
  if (self->comparison != NULL)
    hearth_comparison_set_palette (self->comparison, gtk_check_button_get_active (button)
                                   ? HEARTH_DIFF_PALETTE_COLORBLIND : HEARTH_DIFF_PALETTE_GREEN_BLUE);
}

static void
hearth_compare_view_bottom_up_toggled_cb (HearthCompareView *self,
                                          GtkToggleButton   *button)
{
  if (self->comparison != NULL)
    hearth_comparison_set_inverted (self->comparison, gtk_toggle_button_get_active (button));
}

static void
hearth_compare_view_slider_changed_cb (HearthCompareView *self,
                                       HearthRangeSlider *slider)
{
  g_autofree char *text = hearth_range_slider_dup_text (slider);

  gtk_label_set_text (self->range_label, text);
  if (self->comparison != NULL)
    hearth_comparison_set_thresholds (self->comparison, hearth_range_slider_get_low (slider),
                                      hearth_range_slider_get_high (slider));
}

static void
hearth_compare_view_search_changed_cb (HearthCompareView *self,
                                       GtkSearchEntry    *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_string_filter_set_search (self->filter, text != NULL && text[0] != '\0' ? text : NULL);
  hearth_flame_graph_set_search_text (self->diff_graph, text);
  hearth_flame_graph_set_search_text (self->combo_graph, text);
}

/* Pages */

static int
active_side (HearthCompareView *self)
{
  if (gtk_toggle_button_get_active (self->left_header))
    return HEARTH_DIFF_SIDE_LEFT;
  if (gtk_toggle_button_get_active (self->right_header))
    return HEARTH_DIFF_SIDE_RIGHT;
  return -1;
}

static void
hearth_compare_view_update_combo (HearthCompareView *self)
{
  int side = active_side (self);
  HearthDiff *diff = current_diff (self);
  g_autoptr(HearthProfile) profile = NULL;
  GListModel *model;
  guint n;

  if (side < 0)
    return;

  model = G_LIST_MODEL (hearth_comparison_get_side (self->comparison, side));
  n = g_list_model_get_n_items (model);

  if (diff != NULL)
    profile = g_object_ref (hearth_diff_get_profile (diff, side));
  else if (n > 0)
    {
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(HearthProfile) combined = NULL;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (model, i));
      combined = hearth_profile_combine ((HearthProfile * const *) array->pdata, array->len);
      profile = hearth_profile_per_frame (combined);
      if (profile == NULL)
        profile = g_steal_pointer (&combined);
    }

  if (profile != hearth_flame_graph_get_profile (self->combo_graph))
    hearth_flame_graph_set_profile (self->combo_graph, profile);

  if (profile != NULL)
    {
      const char *unit = hearth_profile_get_normalisation (profile);
      g_autofree char *text = g_strdup_printf (side == HEARTH_DIFF_SIDE_LEFT
                                               ? g_dngettext (GETTEXT_PACKAGE, "Left: %u capture combined", "Left: %u captures combined", n)
                                               : g_dngettext (GETTEXT_PACKAGE, "Right: %u capture combined", "Right: %u captures combined", n),
                                               n);
      g_autofree char *full = unit != NULL ? g_strdup_printf ("%s, %s", text, unit) : g_strdup (text);

      gtk_label_set_text (self->combo_label, full);
    }
}

static void
hearth_compare_view_update_page (HearthCompareView *self)
{
  const char *page;
  gboolean busy = hearth_comparison_get_busy (self->comparison);

  if (active_side (self) >= 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (hearth_comparison_get_side (self->comparison, active_side (self)))) > 0)
    {
      hearth_compare_view_update_combo (self);
      page = "combo";
    }
  else if (!self->compared)
    page = "empty";
  else if (current_diff (self) != NULL)
    page = "diff";
  else if (busy)
    page = "busy";
  else
    page = "empty";

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
hearth_compare_view_header_toggled_cb (HearthCompareView *self,
                                       GtkToggleButton   *button)
{
  hearth_compare_view_update_page (self);
}

static void
hearth_compare_view_compare_clicked_cb (HearthCompareView *self,
                                        GtkButton         *button)
{
  hearth_compare_view_compare (self);
}

/**
 * hearth_compare_view_compare:
 *
 * "Combine & Compare": shows the diff of the two sides (built in the
 * background as soon as both have captures).
 */
void
hearth_compare_view_compare (HearthCompareView *self)
{
  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));

  self->compared = TRUE;
  gtk_toggle_button_set_active (self->left_header, FALSE);
  gtk_toggle_button_set_active (self->right_header, FALSE);
  hearth_compare_view_update_page (self);
}

/**
 * hearth_compare_view_show_side:
 * @side: a #HearthDiffSide, or -1 for the diff
 *
 * What clicking a side header does: that side's combined flame graph.
 */
void
hearth_compare_view_show_side (HearthCompareView *self,
                               int                side)
{
  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));

  if (side == HEARTH_DIFF_SIDE_LEFT)
    gtk_toggle_button_set_active (self->left_header, TRUE);
  else if (side == HEARTH_DIFF_SIDE_RIGHT)
    gtk_toggle_button_set_active (self->right_header, TRUE);
  else
    hearth_compare_view_compare (self);
}

/**
 * hearth_compare_view_get_page:
 *
 * Returns: "empty", "busy", "diff" or "combo"
 */
const char *
hearth_compare_view_get_page (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

/* Comparison signals */

static void
hearth_compare_view_diff_changed_cb (HearthCompareView *self)
{
  HearthDiff *diff = current_diff (self);
  g_autoptr(HearthProfile) flame = NULL;

  if (diff != self->shown_diff)
    {
      g_clear_pointer (&self->shown_diff, hearth_diff_unref);
      self->shown_diff = diff != NULL ? hearth_diff_ref (diff) : NULL;
      hearth_compare_view_sync_coloring (self);

      flame = diff != NULL ? hearth_diff_dup_flame_profile (diff) : NULL;
      hearth_flame_graph_set_metric (self->diff_graph, self->coloring.metric);
      hearth_flame_graph_set_profile (self->diff_graph, flame);
      hearth_compare_view_rebuild_rows (self);
    }

  hearth_compare_view_sync_options (self);
  hearth_compare_view_update_counts (self);
  hearth_compare_view_update_page (self);
}

static void
hearth_compare_view_sides_changed_cb (HearthCompareView *self)
{
  hearth_compare_view_update_side (self, HEARTH_DIFF_SIDE_LEFT);
  hearth_compare_view_update_side (self, HEARTH_DIFF_SIDE_RIGHT);
  hearth_compare_view_update_counts (self);
  hearth_compare_view_update_page (self);
}

/* Document */

static void
hearth_compare_view_document_captures_changed_cb (HearthCompareView *self)
{
  GListModel *captures;
  GListStore *left;
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (self->document == NULL || !self->left_from_document || self->comparison == NULL)
    return;

  /* the capture already open is the Left side */
  captures = hearth_document_get_captures (self->document);
  left = hearth_comparison_get_left (self->comparison);
  n = g_list_model_get_n_items (captures);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (captures, i));
  g_list_store_splice (left, 0, g_list_model_get_n_items (G_LIST_MODEL (left)), items->pdata, items->len);
}

HearthDocument *
hearth_compare_view_get_document (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return self->document;
}

/**
 * hearth_compare_view_set_document:
 *
 * The window's document: its captures go to the Left side (until the user
 * edits the Left side).
 */
void
hearth_compare_view_set_document (HearthCompareView *self,
                                  HearthDocument    *document)
{
  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));
  g_return_if_fail (document == NULL || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (hearth_document_get_captures (self->document), self);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_object (hearth_document_get_captures (document), "items-changed",
                               G_CALLBACK (hearth_compare_view_document_captures_changed_cb),
                               self, G_CONNECT_SWAPPED);
      self->left_from_document = TRUE;
      hearth_compare_view_document_captures_changed_cb (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

HearthComparison *
hearth_compare_view_get_comparison (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

void
hearth_compare_view_set_comparison (HearthCompareView *self,
                                    HearthComparison  *comparison)
{
  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));
  g_return_if_fail (HEARTH_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  if (self->comparison != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->comparison, self);
      g_signal_handlers_disconnect_by_data (hearth_comparison_get_left (self->comparison), self);
      g_signal_handlers_disconnect_by_data (hearth_comparison_get_right (self->comparison), self);
    }
  g_set_object (&self->comparison, comparison);

  g_signal_connect_object (comparison, "notify::diff",
                           G_CALLBACK (hearth_compare_view_diff_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comparison, "notify::busy",
                           G_CALLBACK (hearth_compare_view_update_page), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comparison, "notify::can-noise",
                           G_CALLBACK (hearth_compare_view_sync_options), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (comparison, "classification-changed",
                           G_CALLBACK (hearth_compare_view_classification_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hearth_comparison_get_left (comparison), "items-changed",
                           G_CALLBACK (hearth_compare_view_sides_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hearth_comparison_get_right (comparison), "items-changed",
                           G_CALLBACK (hearth_compare_view_sides_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->left_list, G_LIST_MODEL (hearth_comparison_get_left (comparison)),
                           create_left_row, self, NULL);
  gtk_list_box_bind_model (self->right_list, G_LIST_MODEL (hearth_comparison_get_right (comparison)),
                           create_right_row, self, NULL);

  hearth_compare_view_sync_coloring (self);
  hearth_compare_view_diff_changed_cb (self);
  hearth_compare_view_sides_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/* Export */

/**
 * hearth_compare_view_dup_table:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * The diff table as shown (search filter and sort order), in the layout of
 * `hearth-cli diff`: `path,name,left,right,delta,delta_pct,class,intensity`.
 *
 * Returns: (transfer full): the table
 */
char *
hearth_compare_view_dup_table (HearthCompareView *self,
                               char               separator)
{
  static const char * const columns[] = {
    "path", "name", "left", "right", "delta", "delta_pct", "class", "intensity",
  };
  g_autoptr(HearthCsvWriter) writer = NULL;
  guint n;

  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);

  writer = hearth_csv_writer_new (separator);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    hearth_csv_writer_add_field (writer, columns[i]);
  hearth_csv_writer_end_row (writer);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearthDiffRow) row = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);
      HearthDiff *diff = hearth_diff_row_get_diff (row);
      g_autofree char *path = hearth_diff_node_dup_path (diff, hearth_diff_row_get_node (row), ";");
      double left, right, intensity = 0;
      HearthDiffClass klass;

      row_values (self, row, &left, &right);
      klass = row_class (self, row, &intensity);
      hearth_csv_writer_add_field (writer, path);
      hearth_csv_writer_add_field (writer, hearth_diff_row_get_name (row));
      hearth_csv_writer_add_number (writer, left, 3);
      hearth_csv_writer_add_number (writer, right, 3);
      hearth_csv_writer_add_number (writer, right - left, 3);
      if (left != 0)
        hearth_csv_writer_add_number (writer, (right - left) / left * 100, 3);
      else
        hearth_csv_writer_add_empty (writer);
      hearth_csv_writer_add_field (writer, hearth_diff_class_to_string (klass));
      hearth_csv_writer_add_number (writer, intensity, 3);
      hearth_csv_writer_end_row (writer);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_compare_view_get_table_name:
 *
 * Returns: "diff", the base of exported file names
 */
const char *
hearth_compare_view_get_table_name (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return "diff";
}

/**
 * hearth_compare_view_export_flame:
 * @file: an `.svg` or `.png` file
 *
 * Exports the diff flame graph as shown (zoom, search, colours), all rows,
 * at least 1200 pixels wide, light colours.
 *
 * Returns: %TRUE on success
 */
gboolean
hearth_compare_view_export_flame (HearthCompareView  *self,
                                  GFile              *file,
                                  GError            **error)
{
  HearthFlameLayout *layout;
  HearthFlameRenderOptions options;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = hearth_flame_graph_get_layout (self->diff_graph);
  if (layout == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The diff flame graph is not ready yet"));
      return FALSE;
    }

  hearth_flame_graph_get_render_options (self->diff_graph, &options);
  options.width = MAX (options.width, 1200);
  options.dark = FALSE;

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename != NULL ? basename : "", -1);
  if (g_str_has_suffix (lower, ".png"))
    return hearth_flame_export_png (layout, &options, file, error);

  return hearth_flame_export_svg (layout, &options, file, error);
}

void
hearth_compare_view_focus_search (HearthCompareView *self)
{
  g_return_if_fail (HEARTH_IS_COMPARE_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkColumnView *
hearth_compare_view_get_column_view (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return self->column_view;
}

/**
 * hearth_compare_view_get_rows:
 *
 * Returns: (transfer none): the table rows as shown (#HearthDiffRow)
 */
GListModel *
hearth_compare_view_get_rows (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

HearthFlameGraph *
hearth_compare_view_get_diff_graph (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return self->diff_graph;
}

HearthRangeSlider *
hearth_compare_view_get_slider (HearthCompareView *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARE_VIEW (self), NULL);
  return self->slider;
}

/* GObject */

static void
hearth_compare_view_dispose (GObject *object)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (object);

  g_cancellable_cancel (self->load_cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (hearth_document_get_captures (self->document), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_COMPARE_VIEW);

  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->document);
  g_clear_object (&self->comparison);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->class_sorter);
  g_clear_pointer (&self->value_sorters, g_ptr_array_unref);
  g_clear_pointer (&self->shown_diff, hearth_diff_unref);
  self->coloring.diff = NULL;

  G_OBJECT_CLASS (hearth_compare_view_parent_class)->dispose (object);
}

static void
hearth_compare_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, hearth_compare_view_get_document (self));
      break;
    case PROP_COMPARISON:
      g_value_set_object (value, hearth_compare_view_get_comparison (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_compare_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HearthCompareView *self = HEARTH_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_compare_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_COMPARISON:
      if (g_value_get_object (value) != NULL)
        hearth_compare_view_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_compare_view_class_init (HearthCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_compare_view_dispose;
  object_class->get_property = hearth_compare_view_get_property;
  object_class->set_property = hearth_compare_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, HEARTH_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, HEARTH_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARTH_TYPE_RANGE_SLIDER);
  g_type_ensure (HEARTH_TYPE_FLAME_GRAPH);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-compare-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "compareview");

  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_card);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_card);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_header);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_header);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_summary);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_summary);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_mixed);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_mixed);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_add);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_add);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_list);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, compare_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, relative_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, absolute_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, noise_check);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, palette_check);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, normalisation_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, slider);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, range_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, bottom_up_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, diff_graph);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, combo_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, combo_graph);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, drop_zones);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, left_zone);
  gtk_widget_class_bind_template_child (widget_class, HearthCompareView, right_zone);

  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_header_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_compare_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_metric_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_noise_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_palette_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_slider_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_compare_view_bottom_up_toggled_cb);
}

static void
hearth_compare_view_init (HearthCompareView *self)
{
  static gboolean css_loaded = FALSE;
  g_autoptr(HearthComparison) comparison = NULL;
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (!css_loaded && gdk_display_get_default () != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, css_data, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      css_loaded = TRUE;
    }
  gtk_widget_add_css_class (self->drop_zones, "compare-drop-zones");

  self->load_cancellable = g_cancellable_new ();
  self->left_from_document = TRUE;
  self->value_sorters = g_ptr_array_new_with_free_func (g_object_unref);

  /* table: rows → search filter → sort → selection */
  self->rows = g_list_store_new (HEARTH_TYPE_DIFF_ROW);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (HEARTH_TYPE_DIFF_ROW, NULL, "name"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  add_column (self, _("Function"), COLUMN_NAME, TRUE, -1);
  add_column (self, _("Left"), COLUMN_LEFT, FALSE, 96);
  add_column (self, _("Right"), COLUMN_RIGHT, FALSE, 96);
  add_column (self, _("Δ"), COLUMN_DELTA, FALSE, 96);
  add_column (self, _("Δ %"), COLUMN_DELTA_PCT, FALSE, 80);
  add_column (self, _("Class"), COLUMN_CLASS, FALSE, 130);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sort_model))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (hearth_compare_view_row_activated_cb), self, G_CONNECT_SWAPPED);

  hearth_compare_view_build_legend (self);

  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *placeholder = gtk_label_new (_("Drop captures here"));

      gtk_widget_add_css_class (placeholder, "dim-label");
      gtk_widget_set_margin_top (placeholder, 12);
      gtk_widget_set_margin_bottom (placeholder, 12);
      gtk_list_box_set_placeholder (i == 0 ? self->left_list : self->right_list, placeholder);
    }

  hearth_flame_graph_set_color_func (self->diff_graph, hearth_diff_flame_color_func, &self->coloring, NULL);
  hearth_flame_graph_set_tooltip_func (self->diff_graph, diff_graph_tooltip_cb, self, NULL);

  /* the zones go away when a drag leaves the page (or ends) */
  {
    GtkEventController *motion = gtk_drop_controller_motion_new ();

    g_signal_connect_object (motion, "leave", G_CALLBACK (hearth_compare_view_drag_leave_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
  }

  add_drop_target (self, self->left_card);
  add_drop_target (self, self->right_card);
  add_drop_target (self, self->left_zone);
  add_drop_target (self, self->right_zone);

  comparison = hearth_comparison_new ();
  hearth_compare_view_set_comparison (self, comparison);
}

GtkWidget *
hearth_compare_view_new (void)
{
  return g_object_new (HEARTH_TYPE_COMPARE_VIEW, NULL);
}
