/* hearth-preferences-window.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-preferences-window"

#include "config.h"

#include "hearth-preferences-window.h"

/* The application's preferences (app.preferences, Ctrl+comma). Each row is
 * bound to its GSettings key, so a change takes effect at once: the
 * application hands the limits of modern Roblox dumps to the importer
 * whenever a key changes (docs/formats/roblox-r0fl.md §5.2). Without an
 * installed schema the rows show the defaults and are insensitive. */

#define SETTINGS_SCHEMA_ID "io.github.hearthprof.Hearth"

struct _HearthPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* template children */
  AdwPreferencesGroup  *r0fl_group;
  GtkSpinButton        *r0fl_cpu_spin;
  GtkSpinButton        *r0fl_memory_spin;
  GtkSpinButton        *r0fl_wall_spin;
  GtkSpinButton        *r0fl_output_spin;
};

G_DEFINE_FINAL_TYPE (HearthPreferencesWindow, hearth_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
hearth_preferences_window_bind (HearthPreferencesWindow *self,
                                const char              *key,
                                GtkSpinButton           *spin)
{
  g_settings_bind (self->settings, key,
                   gtk_spin_button_get_adjustment (spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
hearth_preferences_window_dispose (GObject *object)
{
  HearthPreferencesWindow *self = HEARTH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hearth_preferences_window_parent_class)->dispose (object);
}

static void
hearth_preferences_window_class_init (HearthPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hearthprof/Hearth/hearth-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, r0fl_group);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, r0fl_cpu_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, r0fl_memory_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, r0fl_wall_spin);
  gtk_widget_class_bind_template_child (widget_class, HearthPreferencesWindow, r0fl_output_spin);
}

static void
hearth_preferences_window_init (HearthPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "r0fl-output-mib"))
    {
      g_debug ("GSettings schema %s is not installed; preferences are not kept", SETTINGS_SCHEMA_ID);
      gtk_widget_set_sensitive (GTK_WIDGET (self->r0fl_group), FALSE);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);
  hearth_preferences_window_bind (self, "r0fl-cpu-seconds", self->r0fl_cpu_spin);
  hearth_preferences_window_bind (self, "r0fl-memory-mib", self->r0fl_memory_spin);
  hearth_preferences_window_bind (self, "r0fl-wall-seconds", self->r0fl_wall_spin);
  hearth_preferences_window_bind (self, "r0fl-output-mib", self->r0fl_output_spin);
}

/**
 * hearth_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window, modal to @parent
 */
GtkWidget *
hearth_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (HEARTH_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
}
