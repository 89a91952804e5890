/* hearth-application.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-application"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "hearth-application.h"
#include "hearth-preferences-window.h"
#include "hearth-r0fl-runner.h"
#include "hearth-window.h"

#define SETTINGS_SCHEMA_ID "io.github.hearthprof.Hearth"

struct _HearthApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (HearthApplication, hearth_application, ADW_TYPE_APPLICATION)

static HearthWindow *
hearth_application_get_current_window (HearthApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (HEARTH_IS_WINDOW (window))
    return HEARTH_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HEARTH_IS_WINDOW (l->data))
      return HEARTH_WINDOW (l->data);

  return NULL;
}

GtkWindow *
hearth_application_new_window (HearthApplication *self)
{
  g_return_val_if_fail (HEARTH_IS_APPLICATION (self), NULL);

  return GTK_WINDOW (hearth_window_new (GTK_APPLICATION (self)));
}

static void
hearth_application_apply_style_variant (HearthApplication *self,
                                        const char        *variant)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (variant, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (variant, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

static void
hearth_application_settings_style_variant_changed_cb (HearthApplication *self,
                                                      const char        *key,
                                                      GSettings         *settings)
{
  g_autofree char *variant = g_settings_get_string (settings, "style-variant");

  hearth_application_apply_style_variant (self, variant);
}

static void
hearth_application_style_variant_change_state_cb (GSimpleAction *action,
                                                  GVariant      *state,
                                                  gpointer       user_data)
{
  /* Only used without an installed schema */
  hearth_application_apply_style_variant (HEARTH_APPLICATION (user_data),
                                          g_variant_get_string (state, NULL));
  g_simple_action_set_state (action, state);
}

static void
hearth_application_open_action (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  HearthApplication *self = user_data;
  HearthWindow *window = hearth_application_get_current_window (self);

  if (window == NULL)
    {
      window = HEARTH_WINDOW (hearth_application_new_window (self));
      gtk_window_present (GTK_WINDOW (window));
    }

  hearth_window_choose_files (window);
}

static void
hearth_application_new_window_action (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  gtk_window_present (hearth_application_new_window (HEARTH_APPLICATION (user_data)));
}

static void
hearth_application_quit_action (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  HearthApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Destroying the windows cancels their loads */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);

  g_application_quit (G_APPLICATION (self));
}

static void
hearth_application_preferences_action (GSimpleAction *action,
                                       GVariant      *param,
                                       gpointer       user_data)
{
  HearthApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (hearth_preferences_window_new (parent)));
}

static void
hearth_application_about_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  HearthApplication *self = user_data;
  static const char *developers[] = { "The Hearth authors", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Hearth"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Read game-script profiler captures"),
                         "developer-name", "The Hearth authors",
                         "developers", developers,
                         "copyright", "© 2026 The Hearth authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/hearthprof/hearth",
                         "issue-url", "https://github.com/hearthprof/hearth/issues",
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "open", hearth_application_open_action },
  { "new-window", hearth_application_new_window_action },
  { "quit", hearth_application_quit_action },
  { "preferences", hearth_application_preferences_action },
  { "about", hearth_application_about_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.open", { "<Control>o", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.export-csv", { "<Control>e", NULL } },
  { "win.copy-tsv", { "<Control><Shift>c", NULL } },
  { "win.expand-heaviest", { "<Control>h", NULL } },
  { "win.view::callgraph", { "<Alt>1", NULL } },
  { "win.view::functions", { "<Alt>2", NULL } },
  { "win.view::flamegraph", { "<Alt>3", NULL } },
  { "win.view::compare", { "<Alt>4", NULL } },
};

static void
hearth_application_setup_style_variant (HearthApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GAction) action = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);

  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      action = g_settings_create_action (self->settings, "style-variant");
      g_signal_connect_object (self->settings, "changed::style-variant",
                               G_CALLBACK (hearth_application_settings_style_variant_changed_cb),
                               self, G_CONNECT_SWAPPED);
      hearth_application_settings_style_variant_changed_cb (self, "style-variant", self->settings);
    }
  else
    {
      g_debug ("GSettings schema %s is not installed; the style is not kept", SETTINGS_SCHEMA_ID);
      action = G_ACTION (g_simple_action_new_stateful ("style-variant",
                                                       G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string ("default")));
      g_signal_connect_object (action, "change-state",
                               G_CALLBACK (hearth_application_style_variant_change_state_cb),
                               self, 0);
    }

  g_action_map_add_action (G_ACTION_MAP (self), action);
}

/* The limits of the helper that runs modern Roblox dumps' own parsers
 * (roblox-r0fl.md §5.2): every load reads them, so a change applies to the
 * next file opened */
static void
hearth_application_settings_r0fl_changed_cb (HearthApplication *self,
                                            const char        *key,
                                            GSettings         *settings)
{
  HearthR0flLimits limits = { 0 };

  if (key != NULL && !g_str_has_prefix (key, "r0fl-"))
    return;

  limits.cpu_seconds = g_settings_get_uint (settings, "r0fl-cpu-seconds");
  limits.memory_bytes = (guint64) g_settings_get_uint (settings, "r0fl-memory-mib") << 20;
  limits.wall_seconds = g_settings_get_uint (settings, "r0fl-wall-seconds");
  limits.output_bytes = (guint64) g_settings_get_uint (settings, "r0fl-output-mib") << 20;
  hearth_r0fl_set_default_limits (&limits);
}

static void
hearth_application_setup_r0fl_limits (HearthApplication *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char * const keys[] = {
    "r0fl-cpu-seconds", "r0fl-memory-mib", "r0fl-wall-seconds", "r0fl-output-mib",
  };

  if (self->settings == NULL)
    return;

  /* an older compiled schema (an uninstalled build) keeps the built-in limits */
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (!g_settings_schema_has_key (schema, keys[i]))
      {
        g_debug ("GSettings schema %s lacks %s; the R0FL limits are not kept", SETTINGS_SCHEMA_ID, keys[i]);
        return;
      }

  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (hearth_application_settings_r0fl_changed_cb),
                           self, G_CONNECT_SWAPPED);
  hearth_application_settings_r0fl_changed_cb (self, NULL, self->settings);
}

static void
hearth_application_startup (GApplication *application)
{
  HearthApplication *self = HEARTH_APPLICATION (application);

  G_APPLICATION_CLASS (hearth_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  hearth_application_setup_style_variant (self);
  hearth_application_setup_r0fl_limits (self);
}

static void
hearth_application_activate (GApplication *application)
{
  HearthApplication *self = HEARTH_APPLICATION (application);
  GtkWindow *window = GTK_WINDOW (hearth_application_get_current_window (self));

  if (window == NULL)
    window = hearth_application_new_window (self);

  gtk_window_present (window);
}

static void
hearth_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  HearthApplication *self = HEARTH_APPLICATION (application);
  HearthWindow *window = hearth_application_get_current_window (self);

  /* All files of one command line go together into one window */
  if (window == NULL || !hearth_window_get_is_empty (window))
    window = HEARTH_WINDOW (hearth_application_new_window (self));

  gtk_window_present (GTK_WINDOW (window));
  hearth_window_load_files (window, files, n_files);
}

static int
hearth_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", _("Hearth"), PACKAGE_VERSION);
      g_print ("GTK %u.%u.%u\n",
               gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version ());
      g_print ("libadwaita %u.%u.%u\n",
               adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());
      g_print ("GLib %u.%u.%u\n", glib_major_version, glib_minor_version, glib_micro_version);
      g_print ("json-glib %s\n", JSON_VERSION_S);
      return 0;
    }

  return -1;
}

static void
hearth_application_dispose (GObject *object)
{
  HearthApplication *self = HEARTH_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hearth_application_parent_class)->dispose (object);
}

static void
hearth_application_class_init (HearthApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hearth_application_dispose;

  application_class->startup = hearth_application_startup;
  application_class->activate = hearth_application_activate;
  application_class->open = hearth_application_open;
  application_class->handle_local_options = hearth_application_handle_local_options;
}

static void
hearth_application_init (HearthApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version of Hearth and its libraries"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

HearthApplication *
hearth_application_new (void)
{
  return g_object_new (HEARTH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/hearthprof/Hearth",
                       NULL);
}
