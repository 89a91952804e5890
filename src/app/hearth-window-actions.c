/* hearth-window-actions.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "hearth-document.h"
#include "hearth-compare-view.h"
#include "hearth-window-private.h"

typedef struct
{
  const char *name;
  const char *suffixes[4];
} CaptureFilter;

/* The formats Hearth reads, by file name; content sniffing decides in the end */
static const CaptureFilter capture_filters[] = {
  { N_("Roblox Script Profiler Export (*.json)"), { "json", NULL } },
  { N_("MicroProfiler Dump (*.html, *.htm)"), { "html", "htm", NULL } },
  { N_("Lua Profiler Report (*.txt)"), { "txt", NULL } },
  { N_("Papyrus Profiling Log (*.log)"), { "log", NULL } },
  { N_("Folded Stacks (*.folded, *.collapsed)"), { "folded", "collapsed", NULL } },
};

static void
hearth_window_open_response_cb (HearthWindow         *self,
                                int                   response,
                                GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      hearth_window_open_files (self, (GFile **) array->pdata, array->len);
    }

  /* gtk_native_dialog_destroy() does not drop the reference we own */
  g_object_unref (native);
}

void
hearth_window_choose_files (HearthWindow *self)
{
  GtkFileChooserNative *native;
  GtkFileFilter *all_captures;
  GtkFileFilter *all_files;

  g_return_if_fail (HEARTH_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_("Open Capture"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  all_captures = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_captures, _("All Supported Captures"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_captures);

  for (guint i = 0; i < G_N_ELEMENTS (capture_filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(capture_filters[i].name));
      for (guint j = 0; capture_filters[i].suffixes[j] != NULL; j++)
        {
          g_autofree char *gz = g_strconcat (capture_filters[i].suffixes[j], ".gz", NULL);

          gtk_file_filter_add_suffix (filter, capture_filters[i].suffixes[j]);
          gtk_file_filter_add_suffix (all_captures, capture_filters[i].suffixes[j]);
          gtk_file_filter_add_suffix (all_captures, gz);
        }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  all_files = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_files);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), all_captures);
  g_object_unref (all_captures);
  g_object_unref (all_files);

  g_signal_connect_object (native, "response",
                           G_CALLBACK (hearth_window_open_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
hearth_window_export_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  HearthWindow *self = HEARTH_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!hearth_window_export_table_finish (self, result, &error))
    {
      hearth_window_show_error (self, _("Could Not Export Table"), error);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Exported to %s"), name);

      hearth_window_show_toast (self, title);
    }
}

static void
hearth_window_export_response_cb (HearthWindow         *self,
                                  int                   response,
                                  GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        hearth_window_export_table_async (self, file, NULL, hearth_window_export_cb, file);
    }

  g_object_unref (native);
}

static void
hearth_window_export_csv_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (!hearth_document_get_is_loaded (self->document))
    return;

  /* A picture, not a table: the flame graph exports SVG or PNG */
  if (adw_view_stack_get_visible_child (self->view_stack) == self->flame_view)
    {
      gtk_widget_activate_action (self->flame_view, "flame.export-svg", NULL);
      return;
    }

  native = gtk_file_chooser_native_new (_("Export Table"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  name = hearth_window_dup_export_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response",
                           G_CALLBACK (hearth_window_export_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
hearth_window_copy_tsv_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  HearthWindow *self = HEARTH_WINDOW (widget);
  g_autofree char *table = hearth_window_dup_visible_table (self, '\t');

  if (table == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), table);
  hearth_window_show_toast (self, _("Table copied"));
}

static void
hearth_window_open_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  hearth_window_choose_files (HEARTH_WINDOW (widget));
}

static void
hearth_window_close_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
hearth_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  /* The flame graph has its own search with match stepping */
  if (adw_view_stack_get_visible_child (self->view_stack) == self->flame_view)
    {
      gtk_widget_activate_action (self->flame_view, "flame.search", NULL);
      return;
    }

  if (adw_view_stack_get_visible_child (self->view_stack) == self->compare_view)
    {
      hearth_compare_view_focus_search (HEARTH_COMPARE_VIEW (self->compare_view));
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
hearth_window_cancel_loading_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  hearth_window_cancel_loading (HEARTH_WINDOW (widget));
}

static void
hearth_window_expand_heaviest_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "callgraph");
  gtk_widget_activate_action (self->call_tree_view, "tree.expand-heaviest", NULL);
}

static void
hearth_window_show_warnings_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  HearthWindow *self = HEARTH_WINDOW (widget);

  hearth_capture_header_show_warnings (self->capture_header);
}

void
_hearth_window_class_actions_init (HearthWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, hearth_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, hearth_window_close_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, hearth_window_export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.copy-tsv", NULL, hearth_window_copy_tsv_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, hearth_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL,
                                   hearth_window_cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.expand-heaviest", NULL,
                                   hearth_window_expand_heaviest_action);
  gtk_widget_class_install_action (widget_class, "win.show-warnings", NULL,
                                   hearth_window_show_warnings_action);
}

void
_hearth_window_actions_init (HearthWindow *self)
{
  g_autoptr(GPropertyAction) unit = NULL;
  g_autoptr(GPropertyAction) average = NULL;
  g_autoptr(GPropertyAction) view = NULL;

  /* Stateful radio actions whose states are the enum nicks ("ms", "1min") */
  unit = g_property_action_new ("unit", self->document, "unit");
  average = g_property_action_new ("average", self->document, "average");
  view = g_property_action_new ("view", self->view_stack, "visible-child-name");

  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (unit));
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (average));
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (view));
}

void
_hearth_window_actions_dispose (HearthWindow *self)
{
  g_action_map_remove_action (G_ACTION_MAP (self), "unit");
  g_action_map_remove_action (G_ACTION_MAP (self), "average");
  g_action_map_remove_action (G_ACTION_MAP (self), "view");
  g_action_map_remove_action (G_ACTION_MAP (self), "merge-duplicates");
}

void
_hearth_window_update_actions (HearthWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loading = hearth_window_get_loading (self);
  gboolean loaded = hearth_document_get_is_loaded (self->document) && !loading;

  gtk_widget_action_set_enabled (widget, "win.export-csv", loaded);
  gtk_widget_action_set_enabled (widget, "win.copy-tsv", loaded);
  gtk_widget_action_set_enabled (widget, "win.search", loaded);
  gtk_widget_action_set_enabled (widget, "win.expand-heaviest", loaded);
  gtk_widget_action_set_enabled (widget, "win.show-warnings", loaded);
  gtk_widget_action_set_enabled (widget, "win.cancel-loading", loading);
}
