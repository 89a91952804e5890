/* hearth-window-dnd.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-window-dnd"

#include "config.h"

#include "hearth-compare-view.h"
#include "hearth-document.h"
#include "hearth-window-private.h"

/* Files dropped on the window open like files chosen in the dialog: into this
 * window when it is empty, otherwise together into a new one.
 * GDK_TYPE_FILE_LIST also covers files handed over by the document portal. */

static void
hearth_window_set_drop_highlight (HearthWindow *self,
                                  gboolean      highlight)
{
  gtk_widget_set_visible (self->drop_overlay, highlight);
}

static GdkDragAction
hearth_window_drop_target_enter_cb (HearthWindow  *self,
                                    double         x,
                                    double         y,
                                    GtkDropTarget *target)
{
  /* With a capture open, dropped dumps are usually meant for comparing:
   * offer the Left and Right drop zones; dropping elsewhere still opens */
  if (hearth_document_get_is_loaded (self->document))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "compare");
      hearth_compare_view_set_drop_zones_visible (HEARTH_COMPARE_VIEW (self->compare_view), TRUE);
      return GDK_ACTION_COPY;
    }

  hearth_window_set_drop_highlight (self, TRUE);
  return GDK_ACTION_COPY;
}

static void
hearth_window_drop_target_leave_cb (HearthWindow  *self,
                                    GtkDropTarget *target)
{
  hearth_window_set_drop_highlight (self, FALSE);
}

static gboolean
hearth_window_drop_target_drop_cb (HearthWindow  *self,
                                   const GValue  *value,
                                   double         x,
                                   double         y,
                                   GtkDropTarget *target)
{
  g_autoptr(GSList) files = NULL;
  g_autoptr(GPtrArray) array = NULL;

  hearth_window_set_drop_highlight (self, FALSE);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));   /* transfer container */
  if (files == NULL)
    return FALSE;

  array = g_ptr_array_new ();
  for (const GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  hearth_window_open_files (self, (GFile **) array->pdata, array->len);

  return TRUE;
}

void
_hearth_window_dnd_init (HearthWindow *self)
{
  GtkDropTarget *target;

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "enter",
                           G_CALLBACK (hearth_window_drop_target_enter_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave",
                           G_CALLBACK (hearth_window_drop_target_leave_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop",
                           G_CALLBACK (hearth_window_drop_target_drop_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
