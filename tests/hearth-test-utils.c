/* hearth-test-utils.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-test-utils"

#include "config.h"

#include "hearth-importer.h"
#include "hearth-test-utils.h"

/* Shared helpers for the UI tests: fixtures, main-loop waiting, widget
 * lookup and screenshots. */

/**
 * hearth_test_isolate_dirs:
 *
 * Points the XDG directories at a fresh temporary directory, so that tests
 * never read or write the user's recent files or caches. Call it first in
 * main(), before anything asks GLib for a user directory.
 */
void
hearth_test_isolate_dirs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("hearth-test-XXXXXX", &error);
  const char *dirs[][2] = {
    { "XDG_DATA_HOME", "data" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (root, dirs[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      g_setenv (dirs[i][0], path, TRUE);
    }
}

char *
hearth_test_dup_fixture_path (const char *fixture)
{
  return g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
}

/**
 * hearth_test_load_profile:
 * @fixture: a file name in tests/data
 *
 * Imports a fixture synchronously and asserts that it loads.
 *
 * Returns: (transfer full): the profile
 */
HearthProfile *
hearth_test_load_profile (const char *fixture)
{
  g_autofree char *path = hearth_test_dup_fixture_path (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (HEARTH_IS_PROFILE (profile));

  return profile;
}

void
hearth_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * hearth_test_wait:
 *
 * Runs the main context for @milliseconds (debounced signals, animations).
 */
void
hearth_test_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * hearth_test_wait_until:
 *
 * Iterates the main context until @condition holds; fails the test when it
 * does not within @timeout_ms.
 */
void
hearth_test_wait_until (HearthTestCondition condition,
                        gpointer            user_data,
                        guint               timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id;

  id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("condition not reached within %u ms", timeout_ms);

  g_source_remove (id);
}

/**
 * hearth_test_find_label:
 *
 * Returns: (transfer none) (nullable): the first visible #GtkLabel below
 *   @root whose text is exactly @text
 */
GtkWidget *
hearth_test_find_label (GtkWidget  *root,
                        const char *text)
{
  if (!gtk_widget_get_visible (root))
    return NULL;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hearth_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * hearth_test_find_widget_by_type:
 *
 * Returns: (transfer none) (nullable): the first widget of @type below @root
 */
GtkWidget *
hearth_test_find_widget_by_type (GtkWidget *root,
                                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hearth_test_find_widget_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * hearth_test_find_transient_window:
 *
 * Returns: (transfer none) (nullable): a toplevel of @type transient for @parent
 */
GtkWindow *
hearth_test_find_transient_window (GtkWindow *parent,
                                   GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == parent)
        found = window;
    }

  return found;
}

/**
 * hearth_test_save_screenshot:
 * @widget: a realized widget
 * @name: the file name without extension
 *
 * Renders @widget with its native's renderer and saves
 * `$G_TEST_BUILDDIR/screenshots/<name>.png`.
 *
 * Returns: (transfer full): the path of the PNG
 */
char *
hearth_test_save_screenshot (GtkWidget  *widget,
                             const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  char *path;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  g_assert_true (gtk_widget_get_realized (widget));

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

void
hearth_test_assert_notify_contract (gpointer    object,
                                    const char *property,
                                    gpointer    value_a,
                                    gpointer    value_b)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint count = 0;
  gulong id;

  id = g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), &count);

  g_object_set (object, property, value_a, NULL);
  g_assert_cmpuint (count, ==, 1);      /* a change notifies once */
  g_object_set (object, property, value_a, NULL);
  g_assert_cmpuint (count, ==, 1);      /* no change, no notify */
  g_object_set (object, property, value_b, NULL);
  g_assert_cmpuint (count, ==, 2);

  g_signal_handler_disconnect (object, id);
}
