/* test-annotation-tooltips.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Labels and counters (#HearthAnnotation) in the tooltips of the Callgraph
 * and Functions views and of the flame graph. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hearth-annotation-text.h"
#include "hearth-call-tree-view.h"
#include "hearth-document.h"
#include "hearth-flame-graph.h"
#include "hearth-frame-filter.h"
#include "hearth-functions-view.h"
#include "hearth-profile-builder.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

#define MS 1e6

static guint
fn (HearthProfileBuilder *b,
    HearthFunctionKind    kind,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, kind, name, NULL, 0, "Game", 0);
}

/* The scenario of microprofiler.md §17.0 on thread Main, plus a Physics
 * scope with many labels, and a second Update under Physics:
 *
 *   Main
 *     Frame      33 ms, self 26 ms − 10 ms; label "hello" ×1
 *       Update    7 ms; counter Allocs 3
 *       Physics  10 ms, self 8 ms; labels step ×4, a ×1 … i ×1 (9 more),
 *                counters Contacts 12, Islands 2
 *         Update  2 ms; counter Allocs 2
 *
 * with two frames, so a frame selection can be made. */
static HearthProfile *
build_profile (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_n, frame, update, physics, update2;

  hearth_profile_builder_set_format (b, "microprofile", "MicroProfiler dump");
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  main_n = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Main"));
  frame = hearth_profile_builder_add_child (b, main_n, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "Frame"));
  update = hearth_profile_builder_add_child (b, frame, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "Update"));
  physics = hearth_profile_builder_add_child (b, frame, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "Physics"));
  update2 = hearth_profile_builder_add_child (b, physics, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "Update"));
  hearth_profile_builder_add_value (b, frame, HEARTH_METRIC_CPU_TIME, 16 * MS);
  hearth_profile_builder_add_value (b, update, HEARTH_METRIC_CPU_TIME, 7 * MS);
  hearth_profile_builder_add_value (b, physics, HEARTH_METRIC_CPU_TIME, 8 * MS);
  hearth_profile_builder_add_value (b, update2, HEARTH_METRIC_CPU_TIME, 2 * MS);

  hearth_profile_builder_add_annotation (b, frame, HEARTH_ANNOTATION_LABEL, "hello", 1);
  hearth_profile_builder_add_annotation (b, update, HEARTH_ANNOTATION_COUNTER, "Allocs", 3);
  hearth_profile_builder_add_annotation (b, update2, HEARTH_ANNOTATION_COUNTER, "Allocs", 2);
  hearth_profile_builder_add_annotation (b, physics, HEARTH_ANNOTATION_LABEL, "step", 4);
  for (char c = 'a'; c <= 'i'; c++)
    {
      char name[2] = { c, '\0' };

      hearth_profile_builder_add_annotation (b, physics, HEARTH_ANNOTATION_LABEL, name, 1);
    }
  hearth_profile_builder_add_annotation (b, physics, HEARTH_ANNOTATION_COUNTER, "Islands", 2);
  hearth_profile_builder_add_annotation (b, physics, HEARTH_ANNOTATION_COUNTER, "Contacts", 12);

  for (guint f = 0; f < 2; f++)
    {
      HearthFrame fr;

      hearth_frame_init (&fr);
      fr.start_ms = 16.6 * f;
      fr.end_ms = 16.6 * (f + 1);
      hearth_profile_builder_add_frame (b, &fr);
    }
  hearth_profile_builder_add_frame_value (b, 0, frame, HEARTH_METRIC_CPU_TIME, 16 * MS);
  hearth_profile_builder_add_frame_value (b, 0, update, HEARTH_METRIC_CPU_TIME, 7 * MS);
  hearth_profile_builder_add_frame_value (b, 1, physics, HEARTH_METRIC_CPU_TIME, 8 * MS);
  hearth_profile_builder_add_frame_value (b, 1, update2, HEARTH_METRIC_CPU_TIME, 2 * MS);

  return hearth_profile_builder_finish (b);
}

static guint
find_node (HearthProfile *profile,
           const char    *path)
{
  for (guint n = 1; n < hearth_profile_get_n_nodes (profile); n++)
    {
      g_autofree char *p = hearth_profile_node_dup_path (profile, n, ";");

      if (g_str_equal (p, path))
        return n;
    }
  g_error ("no node %s", path);
  return HEARTH_NO_INDEX;
}

static guint
find_function (HearthProfile *profile,
               const char    *name)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0)
      return f;
  g_error ("no function %s", name);
  return HEARTH_NO_INDEX;
}

#define PHYSICS_TEXT \
  "Labels: step ×4, a ×1, b ×1, c ×1, d ×1, e ×1, f ×1, g ×1, 2 more\n" \
  "Contacts: 12\n" \
  "Islands: 2"
#define WHOLE_CAPTURE "(labels and counters of the whole capture)"

static void
test_text (void)
{
  g_autoptr(HearthProfile) profile = build_profile ();
  g_autoptr(HearthProfile) f1 = NULL;
  char *text;

  text = hearth_annotation_text_dup_node (profile, find_node (profile, "Main;Frame"), FALSE);
  g_assert_cmpstr (text, ==, "Label: hello ×1");
  g_free (text);
  text = hearth_annotation_text_dup_node (profile, find_node (profile, "Main;Frame;Update"), FALSE);
  g_assert_cmpstr (text, ==, "Allocs: 3");
  g_free (text);
  text = hearth_annotation_text_dup_node (profile, find_node (profile, "Main;Frame;Physics"), FALSE);
  g_assert_cmpstr (text, ==, PHYSICS_TEXT);
  g_free (text);
  g_assert_null (hearth_annotation_text_dup_node (profile, find_node (profile, "Main"), FALSE));
  g_assert_null (hearth_annotation_text_dup_node (profile, 0, FALSE));

  /* Update's two nodes: Allocs 3 + 2 */
  text = hearth_annotation_text_dup_function (profile, find_function (profile, "Update"), FALSE);
  g_assert_cmpstr (text, ==, "Allocs: 5");
  g_free (text);
  text = hearth_annotation_text_dup_function (profile, find_function (profile, "Frame"), TRUE);
  g_assert_cmpstr (text, ==, "Label: hello ×1\n" WHOLE_CAPTURE);
  g_free (text);
  g_assert_null (hearth_annotation_text_dup_function (profile, find_function (profile, "Main"), FALSE));

  /* the figures of a frame selection, or per frame, are not the whole
   * capture's */
  g_assert_false (hearth_annotation_text_is_partial (profile, 1.0));
  g_assert_true (hearth_annotation_text_is_partial (profile, 0.5));
  f1 = hearth_profile_filter_frames (profile, 1, 1);
  g_assert_true (hearth_annotation_text_is_partial (f1, 1.0));
}

/* The widget among @root's descendants that shows @text, then its ancestor
 * of @type */
static GtkWidget *
find_cell (GtkWidget  *root,
           const char *text,
           GType       type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_INSCRIPTION (child) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (child)), text) == 0)
        {
          if (type == G_TYPE_INVALID)
            return child;
          return gtk_widget_get_ancestor (child, type);
        }
      found = find_cell (child, text, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
present (GtkWidget  *view,
         const char *title)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 300);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  hearth_test_flush ();

  return window;
}

/* A real tooltip, shown by moving the X pointer to (@x, @y) of @window, and
 * a picture of the screen's corner (tooltips are surfaces of their own), in
 * light and dark. Only where xdotool and ImageMagick's import exist: the
 * pictures are for eyes, the assertions are on the tooltip texts. */
static void
screenshot_tooltip (GtkWidget  *window,
                    double      x,
                    double      y,
                    const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *import = g_find_program_in_path ("import");
  g_autofree char *dir = NULL;

  if (xdotool == NULL || import == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_message ("no xdotool or import: no tooltip screenshot");
      return;
    }

  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s%s.png", dir, name, dark ? "-dark" : "");
      g_autofree char *away = g_strdup_printf ("%s mousemove 1200 780", xdotool);
      g_autofree char *move = g_strdup_printf ("%s search --name '^%s$' mousemove --window %%1 %d %d", xdotool,
                                               gtk_window_get_title (GTK_WINDOW (window)), (int) x, (int) y);
      g_autofree char *shot = g_strdup_printf ("%s -window root -crop 720x400+0+0 %s", import, path);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_widget_queue_draw (window);
      gtk_test_widget_wait_for_draw (window);
      hearth_test_flush ();

      /* from outside the window onto the point, as a hand would */
      g_assert_true (g_spawn_command_line_sync (away, NULL, NULL, NULL, NULL));
      hearth_test_wait (300);
      g_assert_true (g_spawn_command_line_sync (move, NULL, NULL, NULL, NULL));
      hearth_test_wait (1500);
      g_assert_true (g_spawn_command_line_sync (shot, NULL, NULL, NULL, NULL));
      g_test_message ("screenshot: %s", path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
screenshot_cell_tooltip (GtkWidget  *window,
                         GtkWidget  *cell,
                         const char *name)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (cell, window, &GRAPHENE_POINT_INIT (12, 6), &point));
  screenshot_tooltip (window, point.x, point.y, name);
}

static void
test_call_tree (void)
{
  HearthDocument *document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = build_profile ();
  HearthCallTreeView *view = HEARTH_CALL_TREE_VIEW (hearth_call_tree_view_new ());
  GtkWidget *window;
  GtkWidget *cell;
  const char *tooltip;

  hearth_document_add_profile (document, profile);
  hearth_call_tree_view_set_document (view, document);
  window = present (GTK_WIDGET (view), "hearth-annotations-tree");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.expand-all", NULL));
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  hearth_test_flush ();

  cell = find_cell (GTK_WIDGET (view), "Frame", GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (cell);
  tooltip = gtk_widget_get_tooltip_text (cell);
  g_assert_cmpstr (tooltip, ==, "Frame\nTotal: 33.000 ms\nSelf: 16.000 ms\nLabel: hello ×1");

  cell = find_cell (GTK_WIDGET (view), "Physics", GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (cell);
  tooltip = gtk_widget_get_tooltip_text (cell);
  g_assert_cmpstr (tooltip, ==, "Physics\nTotal: 10.000 ms\nSelf: 8.000 ms\n" PHYSICS_TEXT);
  screenshot_cell_tooltip (window, cell, "annotation-tooltip-call-tree");

  /* rows without annotations keep the tooltip they had */
  cell = find_cell (GTK_WIDGET (view), "Main", GTK_TYPE_TREE_EXPANDER);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Main\nTotal: 33.000 ms\nSelf: 0.000 ms");

  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
  g_assert_finalize_object (document);
}

static void
test_functions (void)
{
  HearthDocument *document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = build_profile ();
  HearthFunctionsView *view = HEARTH_FUNCTIONS_VIEW (hearth_functions_view_new ());
  GtkWidget *window;
  GtkWidget *cell;
  const char *tooltip;

  hearth_document_add_profile (document, profile);
  hearth_functions_view_set_document (view, document);
  window = present (GTK_WIDGET (view), "hearth-annotations-functions");

  /* Update: 7 + 2 ms, Allocs 3 + 2 */
  cell = find_cell (GTK_WIDGET (view), "Update", G_TYPE_INVALID);
  g_assert_nonnull (cell);
  tooltip = gtk_widget_get_tooltip_text (cell);
  g_assert_cmpstr (tooltip, ==, "Update\nTotal: 9.000 ms\nSelf: 9.000 ms\nAllocs: 5");
  screenshot_cell_tooltip (window, cell, "annotation-tooltip-functions");

  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
  g_assert_finalize_object (document);
}

static gboolean
layout_ready_cb (gpointer user_data)
{
  HearthFlameGraph *graph = user_data;

  return hearth_flame_graph_get_layout (graph) != NULL && !hearth_flame_graph_get_busy (graph);
}

static void
test_flame_graph (void)
{
  g_autoptr(HearthProfile) profile = build_profile ();
  GtkWidget *window = gtk_window_new ();
  HearthFlameGraph *graph = HEARTH_FLAME_GRAPH (hearth_flame_graph_new ());
  guint physics = find_node (profile, "Main;Frame;Physics");
  g_autofree char *markup = NULL;
  g_autofree char *main_markup = NULL;
  graphene_point_t point;
  double x, y;

  gtk_window_set_title (GTK_WINDOW (window), "hearth-annotations-flame");
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 300);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (graph));
  hearth_flame_graph_set_profile (graph, profile);
  gtk_window_present (GTK_WINDOW (window));
  hearth_test_wait_until (layout_ready_cb, graph, 10000);
  hearth_test_flush ();
  gtk_test_widget_wait_for_draw (window);

  markup = hearth_flame_graph_dup_node_markup (graph, physics);
  g_assert_nonnull (markup);
  g_assert_true (g_str_has_suffix (markup, "\n" PHYSICS_TEXT));
  main_markup = hearth_flame_graph_dup_node_markup (graph, find_node (profile, "Main"));
  g_assert_null (strstr (main_markup, "Label"));

  /* hover the Physics box for a real tooltip */
  g_assert_true (hearth_flame_graph_get_node_center (graph, physics, &x, &y));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (graph), window, &GRAPHENE_POINT_INIT (x, y), &point));
  screenshot_tooltip (window, point.x, point.y, "annotation-tooltip-flame");

  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  hearth_register_resource ();

  g_test_add_func ("/hearth/annotation-tooltips/text", test_text);
  g_test_add_func ("/hearth/annotation-tooltips/call-tree", test_call_tree);
  g_test_add_func ("/hearth/annotation-tooltips/functions", test_functions);
  g_test_add_func ("/hearth/annotation-tooltips/flame-graph", test_flame_graph);

  return g_test_run ();
}
