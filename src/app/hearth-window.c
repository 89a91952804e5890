/* hearth-window.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hearth-call-tree-view.h"
#include "hearth-document.h"
#include "hearth-enums.h"
#include "hearth-approximate-banner.h"
#include "hearth-callers-view.h"
#include "hearth-compare-view.h"
#include "hearth-comparison.h"
#include "hearth-flame-view.h"
#include "hearth-frame-filter.h"
#include "hearth-frame-timeline.h"
#include "hearth-papyrus-reader.h"
#include "hearth-papyrus-view.h"
#include "hearth-functions-view.h"
#include "hearth-importer.h"
#include "hearth-profile.h"
#include "hearth-window-private.h"

#define SETTINGS_SCHEMA_ID "io.github.hearthprof.Hearth"
#define MAX_RECENT_CAPTURES 5

/* One batch of files chosen or dropped together. They load in parallel into
 * the same window and are added to the document together, in the order they
 * were given. */
struct _HearthLoadBatch
{
  gatomicrefcount   ref_count;
  HearthWindow     *window;           /* strong; the window drops the batch when it closes */
  GApplication     *application;      /* held while the batch runs */
  GCancellable     *cancellable;
  guint             n_files;
  guint             n_pending;        /* main thread only */
  GFile           **files;
  HearthProfile   **profiles;
  GError          **errors;

  GMutex            mutex;            /* protects the two fields below */
  double           *fractions;
  guint             progress_idle_id;
};

typedef struct
{
  HearthLoadBatch *batch;
  guint            index;
} HearthLoadItem;

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_IS_EMPTY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthWindow, hearth_window, ADW_TYPE_APPLICATION_WINDOW)

static HearthLoadBatch *
hearth_load_batch_ref (HearthLoadBatch *batch)
{
  g_atomic_ref_count_inc (&batch->ref_count);
  return batch;
}

static void
hearth_load_batch_unref (HearthLoadBatch *batch)
{
  if (!g_atomic_ref_count_dec (&batch->ref_count))
    return;

  g_assert (batch->progress_idle_id == 0);

  for (guint i = 0; i < batch->n_files; i++)
    {
      g_clear_object (&batch->files[i]);
      g_clear_object (&batch->profiles[i]);
      g_clear_error (&batch->errors[i]);
    }
  g_free (batch->files);
  g_free (batch->profiles);
  g_free (batch->errors);
  g_free (batch->fractions);
  g_clear_object (&batch->cancellable);
  g_clear_object (&batch->window);
  g_clear_object (&batch->application);
  g_mutex_clear (&batch->mutex);
  g_free (batch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthLoadBatch, hearth_load_batch_unref)

static HearthLoadBatch *
hearth_load_batch_new (HearthWindow  *window,
                       GFile        **files,
                       guint          n_files)
{
  HearthLoadBatch *batch = g_new0 (HearthLoadBatch, 1);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

  g_atomic_ref_count_init (&batch->ref_count);
  g_mutex_init (&batch->mutex);
  batch->window = g_object_ref (window);
  batch->cancellable = g_cancellable_new ();
  batch->n_files = n_files;
  batch->n_pending = n_files;
  batch->files = g_new0 (GFile *, n_files);
  batch->profiles = g_new0 (HearthProfile *, n_files);
  batch->errors = g_new0 (GError *, n_files);
  batch->fractions = g_new0 (double, n_files);
  for (guint i = 0; i < n_files; i++)
    batch->files[i] = g_object_ref (files[i]);

  /* Bracket the load so the application outlives a window closed meanwhile */
  if (application != NULL)
    {
      batch->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (batch->application);
    }

  return batch;
}

static GSettings *
hearth_window_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; settings are not kept", SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
enum_from_nick_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
  GEnumValue *enum_value = g_enum_get_value_by_nick (enum_class, g_variant_get_string (variant, NULL));

  if (enum_value == NULL)
    return FALSE;

  g_value_set_enum (value, enum_value->value);
  return TRUE;
}

static GVariant *
enum_to_nick_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
  GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

  if (enum_value == NULL)
    return NULL;

  return g_variant_new_string (enum_value->value_nick);
}

static void
hearth_window_bind_settings (HearthWindow *self)
{
  /* Read once when the window opens, write back on every change: several
   * windows do not drag each other around */
  const GSettingsBindFlags flags = (G_SETTINGS_BIND_GET | G_SETTINGS_BIND_SET |
                                    G_SETTINGS_BIND_GET_NO_CHANGES);

  self->settings = hearth_window_create_settings ();
  if (self->settings == NULL)
    return;

  g_settings_bind (self->settings, "window-width", self, "default-width", flags);
  g_settings_bind (self->settings, "window-height", self, "default-height", flags);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
  g_settings_bind (self->settings, "view", self->view_stack, "visible-child-name", flags);
  g_settings_bind_with_mapping (self->settings, "unit", self->document, "unit", flags,
                                enum_from_nick_mapping, enum_to_nick_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "average", self->document, "average", flags,
                                enum_from_nick_mapping, enum_to_nick_mapping, NULL, NULL);
}

static char *
hearth_window_dup_title (HearthWindow *self)
{
  g_autoptr(HearthProfile) first = NULL;
  g_autofree char *name = NULL;
  GListModel *captures;
  guint n_captures;

  captures = hearth_document_get_captures (self->document);
  n_captures = captures != NULL ? g_list_model_get_n_items (captures) : 0;
  if (n_captures == 0)
    return g_strdup (_("Hearth"));

  first = g_list_model_get_item (captures, 0);
  name = hearth_profile_dup_display_name (first);
  if (n_captures == 1)
    return g_steal_pointer (&name);

  /* Translators: the window title of combined captures: the first file name
   * and how many more files */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u More", "%s and %u More",
                                       n_captures - 1),
                          name, n_captures - 1);
}

static void
hearth_window_update_switcher_bar (HearthWindow *self)
{
  gboolean loaded = hearth_document_get_is_loaded (self->document) && self->load_batch == NULL;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    loaded && adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
hearth_window_update_state (HearthWindow *self)
{
  gboolean loaded = hearth_document_get_is_loaded (self->document);
  gboolean loading = self->load_batch != NULL;
  gboolean show_content = loaded && !loading;
  g_autofree char *title = hearth_window_dup_title (self);
  const char *page;

  if (loading)
    page = "loading";
  else if (loaded)
    page = "content";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->main_stack, page);
  gtk_window_set_title (GTK_WINDOW (self), title);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, show_content);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), show_content);
  gtk_widget_set_visible (GTK_WIDGET (self->view_options_button), show_content);
  /* Type-to-search only where there is something to search */
  if (gtk_search_bar_get_key_capture_widget (self->search_bar) !=
      (show_content ? GTK_WIDGET (self) : NULL))
    gtk_search_bar_set_key_capture_widget (self->search_bar,
                                           show_content ? GTK_WIDGET (self) : NULL);
  if (!show_content)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  hearth_window_update_switcher_bar (self);
  _hearth_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_EMPTY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Recent captures on the empty page */

static char *
dup_parent_display_path (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  if (parent == NULL)
    return NULL;

  path = g_file_get_path (parent);
  if (path == NULL)
    return g_file_get_parse_name (parent);

  if (home != NULL && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_steal_pointer (&path);
}

static int
compare_recent_info (gconstpointer a,
                     gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *mb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return -g_date_time_compare (ma, mb);
}

static void
hearth_window_update_recent (HearthWindow *self)
{
  const char *app_name = g_get_application_name ();
  GList *items;
  GtkWidget *child;
  guint n_rows = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  items = gtk_recent_manager_get_items (self->recent_manager);
  items = g_list_sort (items, compare_recent_info);

  for (const GList *l = items; l != NULL && n_rows < MAX_RECENT_CAPTURES; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped_subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (app_name == NULL || !gtk_recent_info_has_application (info, app_name))
        continue;
      if (!gtk_recent_info_is_local (info) || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      name = g_file_get_basename (file);
      escaped = g_markup_escape_text (name, -1);
      subtitle = dup_parent_display_path (file);
      escaped_subtitle = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      icon = gtk_image_new_from_icon_name ("go-next-symbolic");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data_full (G_OBJECT (row), "hearth-file", g_steal_pointer (&file), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
      n_rows++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_set_visible (self->recent_box, n_rows > 0);
}

static void
hearth_window_recent_list_row_activated_cb (HearthWindow  *self,
                                            GtkListBoxRow *row,
                                            GtkListBox    *list)
{
  GFile *file = g_object_get_data (G_OBJECT (row), "hearth-file");

  if (file != NULL)
    hearth_window_open_files (self, &file, 1);
}

/* Search */

static void
hearth_window_search_entry_search_changed_cb (HearthWindow   *self,
                                              GtkSearchEntry *entry)
{
  hearth_document_set_search_text (self->document, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
hearth_window_search_entry_stop_search_cb (HearthWindow   *self,
                                           GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
hearth_window_search_mode_changed_cb (HearthWindow *self,
                                      GParamSpec   *pspec,
                                      GtkSearchBar *search_bar)
{
  /* Closing the search bar clears the search: nothing stays filtered unseen */
  if (!gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      hearth_document_set_search_text (self->document, "");
    }
}

/* Loading */

static gboolean
hearth_window_load_progress_idle_cb (gpointer user_data)
{
  HearthLoadBatch *batch = user_data;
  HearthWindow *self = batch->window;
  double sum = 0.0;

  g_mutex_lock (&batch->mutex);
  for (guint i = 0; i < batch->n_files; i++)
    sum += batch->fractions[i];
  batch->progress_idle_id = 0;
  g_mutex_unlock (&batch->mutex);

  if (self->load_batch == batch)
    gtk_progress_bar_set_fraction (self->progress_bar, sum / batch->n_files);

  return G_SOURCE_REMOVE;
}

static void
hearth_window_load_progress_cb (double   fraction,
                                gpointer user_data)
{
  HearthLoadItem *item = user_data;
  HearthLoadBatch *batch = item->batch;

  /* Worker thread: store, and let one low-priority idle carry it over */
  g_mutex_lock (&batch->mutex);
  batch->fractions[item->index] = CLAMP (fraction, 0.0, 1.0);
  if (batch->progress_idle_id == 0)
    batch->progress_idle_id = g_idle_add_full (G_PRIORITY_LOW,
                                               hearth_window_load_progress_idle_cb,
                                               hearth_load_batch_ref (batch),
                                               (GDestroyNotify) hearth_load_batch_unref);
  g_mutex_unlock (&batch->mutex);
}

static void
hearth_window_finish_batch (HearthWindow    *self,
                            HearthLoadBatch *batch)
{
  g_autoptr(GString) messages = NULL;
  g_autoptr(HearthLoadBatch) owned = NULL;
  GError *first_error = NULL;
  guint n_errors = 0;
  guint n_warnings = 0;
  guint n_loaded = 0;

  if (self->load_batch != batch)
    return;     /* cancelled or superseded: the window moved on */

  owned = g_steal_pointer (&self->load_batch);

  for (guint i = 0; i < batch->n_files; i++)
    {
      if (batch->profiles[i] != NULL)
        {
          g_autofree char *uri = g_file_get_uri (batch->files[i]);
          const char * const *warnings = hearth_profile_get_warnings (batch->profiles[i]);

          hearth_document_add_profile (self->document, batch->profiles[i]);
          gtk_recent_manager_add_item (self->recent_manager, uri);
          n_warnings += warnings != NULL ? g_strv_length ((char **) warnings) : 0;
          n_loaded++;
        }
      else if (batch->errors[i] != NULL &&
               !g_error_matches (batch->errors[i], G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (messages == NULL)
            messages = g_string_new (NULL);
          else
            g_string_append_c (messages, '\n');
          g_string_append (messages, batch->errors[i]->message);
          if (first_error == NULL)
            first_error = batch->errors[i];
          n_errors++;
        }
    }

  hearth_window_update_state (self);

  if (n_errors == 1)
    {
      hearth_window_show_error (self, _("Could Not Open Capture"), first_error);
    }
  else if (n_errors > 1)
    {
      g_autoptr(GError) error = g_error_new_literal (first_error->domain, first_error->code,
                                                     messages->str);

      hearth_window_show_error (self, _("Could Not Open Captures"), error);
    }

  if (n_loaded > 0 && n_warnings > 0)
    {
      g_autofree char *title = NULL;
      AdwToast *toast;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Loaded with %u warning",
                                            "Loaded with %u warnings",
                                            n_warnings),
                               n_warnings);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-warnings");
      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
hearth_window_load_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autofree HearthLoadItem *item = user_data;
  g_autoptr(HearthLoadBatch) batch = item->batch;
  guint index = item->index;

  g_assert (index < batch->n_files);

  batch->profiles[index] = hearth_import_file_finish (result, &batch->errors[index]);

  g_assert (batch->n_pending > 0);
  if (--batch->n_pending > 0)
    return;

  hearth_window_finish_batch (batch->window, batch);

  if (batch->application != NULL)
    g_application_release (batch->application);
}

void
hearth_window_load_files (HearthWindow  *self,
                          GFile        **files,
                          guint          n_files)
{
  g_autoptr(GString) names = NULL;
  HearthLoadBatch *batch;

  g_return_if_fail (HEARTH_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  if (n_files == 0)
    return;

  hearth_window_cancel_loading (self);

  batch = hearth_load_batch_new (self, files, n_files);
  self->load_batch = batch;

  names = g_string_new (NULL);
  for (guint i = 0; i < n_files; i++)
    {
      HearthLoadItem *item = g_new0 (HearthLoadItem, 1);
      g_autofree char *name = g_file_get_basename (files[i]);

      if (i > 0)
        g_string_append (names, "\n");
      g_string_append (names, name != NULL ? name : "");

      item->batch = hearth_load_batch_ref (batch);
      item->index = i;
      hearth_import_file_async (files[i], batch->cancellable,
                                hearth_window_load_progress_cb, item,
                                hearth_window_load_cb, item);
    }

  adw_status_page_set_description (self->loading_page, names->str);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  hearth_window_update_state (self);
}

void
hearth_window_cancel_loading (HearthWindow *self)
{
  g_return_if_fail (HEARTH_IS_WINDOW (self));

  if (self->load_batch == NULL)
    return;

  /* The batch finishes on its own once the workers notice; its result is
   * dropped because it is no longer the window's batch */
  g_cancellable_cancel (self->load_batch->cancellable);
  g_clear_pointer (&self->load_batch, hearth_load_batch_unref);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)))
    hearth_window_update_state (self);
}

void
hearth_window_open_files (HearthWindow  *self,
                          GFile        **files,
                          guint          n_files)
{
  GtkApplication *application;
  HearthWindow *window;

  g_return_if_fail (HEARTH_IS_WINDOW (self));

  if (n_files == 0)
    return;

  if (hearth_window_get_is_empty (self))
    {
      hearth_window_load_files (self, files, n_files);
      return;
    }

  /* Files chosen together go together into a fresh window */
  application = gtk_window_get_application (GTK_WINDOW (self));
  window = hearth_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  hearth_window_load_files (window, files, n_files);
}

/* Errors and notices */

void
hearth_window_show_error (HearthWindow *self,
                          const char   *title,
                          const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (HEARTH_IS_WINDOW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), title, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
hearth_window_show_toast (HearthWindow *self,
                          const char   *title)
{
  g_return_if_fail (HEARTH_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

/* Pages that only some captures have: the Papyrus tables need the call
 * records of a Papyrus log (a combination of several logs has none) */
static void
hearth_window_update_pages (HearthWindow *self)
{
  HearthProfile *profile = hearth_document_get_profile (self->document);
  gboolean papyrus = profile != NULL && hearth_papyrus_calls_get_for_profile (profile) != NULL;

  if (!papyrus && adw_view_stack_get_visible_child (self->view_stack) == self->papyrus_view)
    adw_view_stack_set_visible_child_name (self->view_stack, "callgraph");
  adw_view_stack_page_set_visible (self->papyrus_page, papyrus);

  /* Frames come from the whole capture: a frame selection narrows the
   * profile but must not hide the timeline it was made in */
  {
    HearthProfile *full = hearth_document_get_full_profile (self->document);

    gtk_widget_set_visible (self->frame_timeline,
                            full != NULL && hearth_profile_get_n_frames (full) > 0);
  }
  if (papyrus && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "callgraph") == 0)
    adw_view_stack_set_visible_child (self->view_stack, self->papyrus_view);
}

typedef struct
{
  HearthProfile *profile;
  double         reference_ms;
  HearthProfile *spikes;
  HearthProfile *typical;
} SpikesJob;

static void
spikes_job_free (SpikesJob *job)
{
  g_clear_object (&job->profile);
  g_clear_object (&job->spikes);
  g_clear_object (&job->typical);
  g_free (job);
}

static void
hearth_window_spikes_worker (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  SpikesJob *job = task_data;

  /* Not per frame here: the comparison normalises each side by its own
   * frame count, so dividing now would divide twice */
  if (!hearth_profile_split_spikes (job->profile, job->reference_ms, FALSE, &job->spikes, &job->typical))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("Every frame is on the same side of the reference frame time"));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
hearth_window_spikes_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(HearthWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SpikesJob *job = g_task_get_task_data (G_TASK (result));
  HearthComparison *comparison;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hearth_window_show_toast (self, error->message);
      return;
    }

  comparison = hearth_compare_view_get_comparison (HEARTH_COMPARE_VIEW (self->compare_view));
  g_list_store_remove_all (hearth_comparison_get_left (comparison));
  g_list_store_remove_all (hearth_comparison_get_right (comparison));
  hearth_comparison_add (comparison, HEARTH_DIFF_SIDE_LEFT, job->typical);
  hearth_comparison_add (comparison, HEARTH_DIFF_SIDE_RIGHT, job->spikes);
  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
  hearth_compare_view_compare (HEARTH_COMPARE_VIEW (self->compare_view));
  hearth_window_show_toast (self, _("Typical frames on the left, spikes on the right"));
}

/* "Compare spikes with typical frames": the frames over the reference time
 * against the others, each side per frame, in the Compare page */
static void
hearth_window_compare_spikes (HearthWindow *self)
{
  g_autoptr(GTask) task = NULL;
  HearthProfile *full = hearth_document_get_full_profile (self->document);
  SpikesJob *job;

  if (full == NULL)
    return;

  g_cancellable_cancel (self->spikes_cancellable);
  g_clear_object (&self->spikes_cancellable);
  self->spikes_cancellable = g_cancellable_new ();

  job = g_new0 (SpikesJob, 1);
  job->profile = g_object_ref (full);
  job->reference_ms = hearth_frame_timeline_get_reference_ms (HEARTH_FRAME_TIMELINE (self->frame_timeline));

  task = g_task_new (NULL, self->spikes_cancellable, hearth_window_spikes_cb, g_object_ref (self));
  g_task_set_source_tag (task, hearth_window_compare_spikes);
  g_task_set_task_data (task, job, (GDestroyNotify) spikes_job_free);
  g_task_run_in_thread (task, hearth_window_spikes_worker);
}

/* Tables */

const char *
hearth_window_get_visible_view (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

char *
hearth_window_dup_visible_table (HearthWindow *self,
                                 char          separator)
{
  GtkWidget *child;

  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  if (!hearth_document_get_is_loaded (self->document))
    return NULL;

  child = adw_view_stack_get_visible_child (self->view_stack);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "callgraph") == 0)
    return hearth_call_tree_view_dup_table (HEARTH_CALL_TREE_VIEW (self->call_tree_view), separator);
  if (child == GTK_WIDGET (self->functions_paned))
    return hearth_functions_view_dup_table (HEARTH_FUNCTIONS_VIEW (self->functions_view), separator);
  if (child == self->papyrus_view)
    return hearth_papyrus_view_dup_table (HEARTH_PAPYRUS_VIEW (child), separator);
  if (child == self->compare_view)
    return hearth_compare_view_dup_table (HEARTH_COMPARE_VIEW (child), separator);

  return NULL;
}

char *
hearth_window_dup_export_name (HearthWindow *self)
{
  g_autoptr(HearthProfile) first = NULL;
  g_autofree char *base = NULL;
  GListModel *captures;
  GtkWidget *child;
  const char *table;
  char *dot;

  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  child = adw_view_stack_get_visible_child (self->view_stack);
  if (child == GTK_WIDGET (self->functions_paned))
    table = hearth_functions_view_get_table_name (HEARTH_FUNCTIONS_VIEW (self->functions_view));
  else if (child == self->papyrus_view)
    table = hearth_papyrus_view_get_table_name (HEARTH_PAPYRUS_VIEW (child));
  else if (child == self->compare_view)
    table = hearth_compare_view_get_table_name (HEARTH_COMPARE_VIEW (child));
  else
    table = hearth_call_tree_view_get_table_name (HEARTH_CALL_TREE_VIEW (self->call_tree_view));

  /* Combined captures are named after the first file */
  captures = hearth_document_get_captures (self->document);
  if (captures != NULL && g_list_model_get_n_items (captures) > 0)
    first = g_list_model_get_item (captures, 0);
  if (first != NULL)
    base = hearth_profile_dup_display_name (first);
  if (base == NULL || base[0] == '\0')
    {
      g_free (base);
      base = g_strdup ("capture");
    }

  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_strdup_printf ("%s_%s.csv", base, table);
}

static void
hearth_window_export_replace_cb (GObject      *object,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hearth_window_export_table_async (HearthWindow        *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *table;

  g_return_if_fail (HEARTH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hearth_window_export_table_async);

  table = hearth_window_dup_visible_table (self, ',');
  if (table == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("There is no table to export"));
      return;
    }

  /* Written next to the target and renamed over it: never half a file */
  bytes = g_bytes_new_take (table, strlen (table));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable,
                                       hearth_window_export_replace_cb,
                                       g_steal_pointer (&task));
}

gboolean
hearth_window_export_table_finish (HearthWindow  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, hearth_window_export_table_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static gboolean
hearth_window_close_request (GtkWindow *window)
{
  hearth_window_cancel_loading (HEARTH_WINDOW (window));

  return GTK_WINDOW_CLASS (hearth_window_parent_class)->close_request (window);
}

static void
hearth_window_constructed (GObject *object)
{
  HearthWindow *self = (HearthWindow *)object;

  G_OBJECT_CLASS (hearth_window_parent_class)->constructed (object);

  hearth_window_bind_settings (self);
  hearth_window_update_state (self);
}

static void
hearth_window_dispose (GObject *object)
{
  HearthWindow *self = (HearthWindow *)object;

  if (self->load_batch != NULL)
    {
      g_cancellable_cancel (self->load_batch->cancellable);
      g_clear_pointer (&self->load_batch, hearth_load_batch_unref);
    }

  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);

  g_cancellable_cancel (self->spikes_cancellable);
  g_clear_object (&self->spikes_cancellable);

  /* The property actions hold the document and the view stack */
  _hearth_window_actions_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->captures_filter);
  g_clear_object (&self->recent_manager);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (hearth_window_parent_class)->dispose (object);
}

static void
hearth_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HearthWindow *self = HEARTH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, hearth_window_get_document (self));
      break;

    case PROP_IS_EMPTY:
      g_value_set_boolean (value, hearth_window_get_is_empty (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, hearth_window_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_window_class_init (HearthWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hearth_window_constructed;
  object_class->dispose = hearth_window_dispose;
  object_class->get_property = hearth_window_get_property;

  window_class->close_request = hearth_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_EMPTY] =
    g_param_spec_boolean ("is-empty", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, view_options_button);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, capture_header);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, call_tree_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, functions_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, flame_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, callers_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, approximate_banner);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, papyrus_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, papyrus_page);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, functions_paned);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, frame_timeline);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, HearthWindow, drop_overlay);
  gtk_widget_class_bind_template_callback (widget_class, hearth_window_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_window_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, hearth_window_recent_list_row_activated_cb);

  _hearth_window_class_actions_init (klass);

  g_type_ensure (HEARTH_TYPE_CAPTURE_HEADER);
  g_type_ensure (HEARTH_TYPE_CALL_TREE_VIEW);
  g_type_ensure (HEARTH_TYPE_FUNCTIONS_VIEW);
  g_type_ensure (HEARTH_TYPE_FLAME_VIEW);
  g_type_ensure (HEARTH_TYPE_CALLERS_VIEW);
  g_type_ensure (HEARTH_TYPE_APPROXIMATE_BANNER);
  g_type_ensure (HEARTH_TYPE_PAPYRUS_VIEW);
  g_type_ensure (HEARTH_TYPE_FRAME_TIMELINE);
  g_type_ensure (HEARTH_TYPE_COMPARE_VIEW);
}

static void
hearth_window_init (HearthWindow *self)
{
  GtkBuilder *builder;

  self->document = hearth_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  builder = gtk_builder_new_from_resource ("/io/github/hearthprof/Hearth/gtk/menus.ui");
  gtk_menu_button_set_menu_model (self->primary_menu_button,
                                  G_MENU_MODEL (gtk_builder_get_object (builder, "primary_menu")));
  gtk_menu_button_set_menu_model (self->view_options_button,
                                  G_MENU_MODEL (gtk_builder_get_object (builder, "view_menu")));
  g_object_unref (builder);

  hearth_capture_header_set_document (self->capture_header, self->document);
  hearth_call_tree_view_set_document (HEARTH_CALL_TREE_VIEW (self->call_tree_view), self->document);
  hearth_functions_view_set_document (HEARTH_FUNCTIONS_VIEW (self->functions_view), self->document);
  hearth_flame_view_set_document (HEARTH_FLAME_VIEW (self->flame_view), self->document);
  hearth_callers_view_set_document (HEARTH_CALLERS_VIEW (self->callers_view), self->document);
  hearth_approximate_banner_set_document (HEARTH_APPROXIMATE_BANNER (self->approximate_banner), self->document);
  hearth_papyrus_view_set_document (HEARTH_PAPYRUS_VIEW (self->papyrus_view), self->document);
  hearth_frame_timeline_set_document (HEARTH_FRAME_TIMELINE (self->frame_timeline), self->document);
  hearth_compare_view_set_document (HEARTH_COMPARE_VIEW (self->compare_view), self->document);
  g_signal_connect_object (self->frame_timeline, "compare-spikes",
                           G_CALLBACK (hearth_window_compare_spikes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::profile",
                           G_CALLBACK (hearth_window_update_pages), self, G_CONNECT_SWAPPED);
  {
    g_autoptr(GPropertyAction) merge = g_property_action_new ("merge-duplicates", self->callers_view,
                                                              "merge-duplicates");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (merge));
  }

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (hearth_window_search_mode_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->document, "notify::is-loaded",
                           G_CALLBACK (hearth_window_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::n-captures",
                           G_CALLBACK (hearth_window_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (hearth_window_update_switcher_bar),
                           self, G_CONNECT_SWAPPED);

  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (hearth_window_update_recent),
                           self, G_CONNECT_SWAPPED);
  hearth_window_update_recent (self);

  _hearth_window_actions_init (self);
  _hearth_window_dnd_init (self);
}

HearthWindow *
hearth_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (HEARTH_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

HearthDocument *
hearth_window_get_document (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), NULL);

  return self->document;
}

gboolean
hearth_window_get_is_empty (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), FALSE);

  return self->load_batch == NULL && hearth_document_get_n_captures (self->document) == 0;
}

gboolean
hearth_window_get_loading (HearthWindow *self)
{
  g_return_val_if_fail (HEARTH_IS_WINDOW (self), FALSE);

  return self->load_batch != NULL;
}
