/* test-preferences-window.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "hearth-application.h"
#include "hearth-preferences-window.h"
#include "hearth-r0fl-runner.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"
#include "hearth-window.h"

/* The preferences window: app.preferences (Ctrl+comma) opens it over the
 * active window; its rows are bound to the GSettings keys of the limits of
 * modern Roblox dumps (roblox-r0fl.md §5.2), and the application hands those
 * to the importer as they change. GSETTINGS_BACKEND=memory: every test
 * starts from the schema's defaults. */

static HearthApplication *application;

static GtkSpinButton *
spin (GtkWidget  *window,
      const char *name)
{
  GObject *child = gtk_widget_get_template_child (window, HEARTH_TYPE_PREFERENCES_WINDOW, name);

  g_assert_true (GTK_IS_SPIN_BUTTON (child));
  return GTK_SPIN_BUTTON (child);
}

static void
test_preferences_action (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.hearthprof.Hearth");
  GtkWindow *window = GTK_WINDOW (hearth_window_new (GTK_APPLICATION (application)));
  GtkWindow *prefs;
  HearthR0flLimits limits;
  g_auto(GStrv) accels = NULL;

  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.preferences");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  g_assert_null (hearth_test_find_transient_window (window, HEARTH_TYPE_PREFERENCES_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  hearth_test_flush ();
  prefs = hearth_test_find_transient_window (window, HEARTH_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  g_assert_true (gtk_window_get_modal (prefs));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prefs)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));

  /* the schema's defaults */
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (prefs), "r0fl_cpu_spin")), ==, 300);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (prefs), "r0fl_memory_spin")), ==, 4096);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (prefs), "r0fl_wall_spin")), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (prefs), "r0fl_output_spin")), ==, 8192);
  hearth_r0fl_get_default_limits (&limits);
  g_assert_cmpuint (limits.cpu_seconds, ==, 300);
  g_assert_cmpuint (limits.wall_seconds, ==, 610);
  g_assert_cmpuint (limits.output_bytes, ==, G_GUINT64_CONSTANT (8192) << 20);

  /* a spin button writes its key, and the next load uses the new limit */
  gtk_spin_button_set_value (spin (GTK_WIDGET (prefs), "r0fl_cpu_spin"), 42);
  gtk_spin_button_set_value (spin (GTK_WIDGET (prefs), "r0fl_output_spin"), 16);
  gtk_spin_button_set_value (spin (GTK_WIDGET (prefs), "r0fl_memory_spin"), 256);
  hearth_test_flush ();
  g_assert_cmpuint (g_settings_get_uint (settings, "r0fl-cpu-seconds"), ==, 42);
  g_assert_cmpuint (g_settings_get_uint (settings, "r0fl-output-mib"), ==, 16);
  g_assert_cmpuint (g_settings_get_uint (settings, "r0fl-memory-mib"), ==, 256);
  hearth_r0fl_get_default_limits (&limits);
  g_assert_cmpuint (limits.cpu_seconds, ==, 42);
  g_assert_cmpuint (limits.wall_seconds, ==, 94);
  g_assert_cmpuint (limits.output_bytes, ==, 16 << 20);
  g_assert_cmpuint (limits.memory_bytes, ==, 256 << 20);

  /* and a key changed elsewhere shows in its row */
  g_settings_set_uint (settings, "r0fl-wall-seconds", 30);
  hearth_test_flush ();
  g_assert_cmpfloat (gtk_spin_button_get_value (spin (GTK_WIDGET (prefs), "r0fl_wall_spin")), ==, 30);
  hearth_r0fl_get_default_limits (&limits);
  g_assert_cmpuint (limits.wall_seconds, ==, 30);

  /* the spin buttons stay within the keys' ranges */
  gtk_spin_button_set_value (spin (GTK_WIDGET (prefs), "r0fl_cpu_spin"), 0);
  hearth_test_flush ();
  g_assert_cmpuint (g_settings_get_uint (settings, "r0fl-cpu-seconds"), ==, 1);

  g_settings_reset (settings, "r0fl-cpu-seconds");
  g_settings_reset (settings, "r0fl-memory-mib");
  g_settings_reset (settings, "r0fl-wall-seconds");
  g_settings_reset (settings, "r0fl-output-mib");
  hearth_test_flush ();
  hearth_r0fl_get_default_limits (&limits);
  g_assert_cmpuint (limits.cpu_seconds, ==, 300);

  gtk_window_destroy (prefs);
  gtk_window_destroy (window);
  hearth_test_flush ();
}

static void
test_preferences_screenshots (void)
{
  GtkWidget *prefs = hearth_preferences_window_new (NULL);

  gtk_window_present (GTK_WINDOW (prefs));
  gtk_test_widget_wait_for_draw (prefs);
  /* let the title's cross-fade finish */
  hearth_test_wait (500);
  gtk_widget_queue_draw (prefs);
  gtk_test_widget_wait_for_draw (prefs);
  hearth_test_flush ();
  g_free (hearth_test_save_screenshot (prefs, "preferences-window-light"));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  hearth_test_wait (100);
  gtk_widget_queue_draw (prefs);
  gtk_test_widget_wait_for_draw (prefs);
  hearth_test_flush ();
  g_free (hearth_test_save_screenshot (prefs, "preferences-window-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (prefs));
  hearth_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  hearth_test_isolate_dirs ();
  /* No session bus in the test environment: register as a local instance */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hearth-test-bus", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  hearth_register_resource ();
  g_set_application_name ("Hearth");

  application = hearth_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/hearth/preferences-window/action", test_preferences_action);
  g_test_add_func ("/hearth/preferences-window/screenshots", test_preferences_screenshots);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
