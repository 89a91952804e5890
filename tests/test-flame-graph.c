/* test-flame-graph.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "hearth-document.h"
#include "hearth-flame-graph.h"
#include "hearth-flame-view.h"
#include "hearth-profile-builder.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

#define MS 1e6
#define ROW 18

/* The small profile of test-flame-layout.c (CPU ms):
 *
 *   <root> 100 / Main 100 / update 70 (draw 30, drawChildren 30 (draw 10)),
 *   physics 30
 */
static HearthProfile *
build_small (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_fn, update, draw, draw_children, physics;
  guint main_node, n_update, n_draw1, n_children, n_draw2, n_physics;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  main_fn = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_THREAD, "Main", NULL, 0, NULL, 0);
  update = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "update", "ui.lua", 3, NULL, 0);
  draw = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "draw", "render.lua", 10, NULL, 0);
  draw_children = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "drawChildren",
                                                       "render.lua", 20, NULL, 0);
  physics = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "physics", "world.lua", 1, NULL, 0);

  main_node = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, main_fn);
  n_update = hearth_profile_builder_add_child (b, main_node, update);
  n_draw1 = hearth_profile_builder_add_child (b, n_update, draw);
  n_children = hearth_profile_builder_add_child (b, n_update, draw_children);
  n_draw2 = hearth_profile_builder_add_child (b, n_children, draw);
  n_physics = hearth_profile_builder_add_child (b, main_node, physics);

  hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_CPU_TIME, 10 * MS);
  hearth_profile_builder_add_value (b, n_draw1, HEARTH_METRIC_CPU_TIME, 30 * MS);
  hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_CPU_TIME, 20 * MS);
  hearth_profile_builder_add_value (b, n_draw2, HEARTH_METRIC_CPU_TIME, 10 * MS);
  hearth_profile_builder_add_value (b, n_physics, HEARTH_METRIC_CPU_TIME, 30 * MS);

  return hearth_profile_builder_finish (b);
}

/* A game-like profile for the screenshots: several scripts, a few levels,
 * C functions, memory */
typedef struct
{
  const char *stack;
  double      self_ms;
  double      allocs;
  double      bytes;
} Sample;

static const Sample game_samples[] = {
  { "Main;RunService.Heartbeat", 3, 2, 128 },
  { "Main;RunService.Heartbeat;EnemyAI.update", 7, 40, 6400 },
  { "Main;RunService.Heartbeat;EnemyAI.update;findPath", 3, 120, 48000 },
  { "Main;RunService.Heartbeat;EnemyAI.update;findPath;aStar", 9, 900, 230000 },
  { "Main;RunService.Heartbeat;EnemyAI.update;WorldRoot:Raycast", 6, 30, 2400 },
  { "Main;RunService.Heartbeat;Projectiles.step", 8, 60, 7680 },
  { "Main;RunService.Heartbeat;Projectiles.step;Vector3.new", 4, 400, 12800 },
  { "Main;RunService.RenderStepped;CameraController.update", 13, 5, 320 },
  { "Main;RunService.RenderStepped;CameraController.update;lerp", 5, 0, 0 },
  { "Main;RunService.RenderStepped;HUD.refresh", 7, 210, 16800 },
  { "Main;RunService.RenderStepped;HUD.refresh;TextLabel.Text", 3, 150, 9600 },
  { "Main;GC", 8, 0, 0 },
  { "Render;Scene.draw", 9, 0, 0 },
  { "Render;Scene.draw;Shadows.draw", 4, 0, 0 },
};

static const char *
source_of (const char *name)
{
  if (g_str_has_prefix (name, "EnemyAI"))
    return "ServerScriptService.EnemyAI";
  if (g_str_equal (name, "findPath") || g_str_equal (name, "aStar"))
    return "ReplicatedStorage.Pathing";
  if (g_str_has_prefix (name, "Projectiles"))
    return "ServerScriptService.Projectiles";
  if (g_str_has_prefix (name, "Camera") || g_str_equal (name, "lerp"))
    return "StarterPlayerScripts.Camera";
  if (g_str_has_prefix (name, "HUD"))
    return "StarterGui.HUD";
  if (g_str_has_prefix (name, "RunService"))
    return "RunService";
  if (g_str_has_prefix (name, "Scene") || g_str_has_prefix (name, "Shadows"))
    return "Renderer";
  return "[C]";
}

static HearthProfile *
build_game (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();

  hearth_profile_builder_set_file_name (b, "game.json");
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_COUNT, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_BYTES, HEARTH_VALUE_SELF);

  for (guint i = 0; i < G_N_ELEMENTS (game_samples); i++)
    {
      g_auto(GStrv) frames = g_strsplit (game_samples[i].stack, ";", -1);
      guint node = HEARTH_ROOT_NODE;

      for (guint j = 0; frames[j] != NULL; j++)
        {
          guint fn;

          if (j == 0)
            fn = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD, frames[j], NULL, 0, NULL, 0);
          else
            fn = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, frames[j],
                                                         source_of (frames[j]), (int) (j * 7), NULL,
                                                         g_str_equal (frames[j], "GC") ? HEARTH_FUNCTION_FLAG_GC : 0);
          node = hearth_profile_builder_get_child (b, node, fn);
        }
      hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CPU_TIME, game_samples[i].self_ms * MS);
      hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CALLS, 1 + i % 4);
      hearth_profile_builder_add_value (b, node, HEARTH_METRIC_ALLOC_COUNT, game_samples[i].allocs);
      hearth_profile_builder_add_value (b, node, HEARTH_METRIC_ALLOC_BYTES, game_samples[i].bytes);
    }

  return hearth_profile_builder_finish (b);
}

typedef struct
{
  GtkWidget        *window;
  GtkWidget        *scroller;
  HearthFlameGraph *graph;
} Fixture;

static gboolean
layout_ready_cb (gpointer user_data)
{
  HearthFlameGraph *graph = user_data;

  return hearth_flame_graph_get_layout (graph) != NULL && !hearth_flame_graph_get_busy (graph);
}

static void
wait_for_layout (HearthFlameGraph *graph)
{
  hearth_test_wait_until (layout_ready_cb, graph, 10000);
  hearth_test_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (graph));
}

static void
fixture_setup (Fixture       *f,
               HearthProfile *profile,
               int            width,
               int            height)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  f->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (f->scroller), GTK_POLICY_EXTERNAL, GTK_POLICY_EXTERNAL);
  f->graph = HEARTH_FLAME_GRAPH (hearth_flame_graph_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scroller), GTK_WIDGET (f->graph));
  gtk_window_set_child (GTK_WINDOW (f->window), f->scroller);
  hearth_flame_graph_set_profile (f->graph, profile);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for_layout (f->graph);
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_flush ();
}

static char *
name_at (HearthFlameGraph *graph,
         double            x,
         double            y)
{
  int rect = hearth_flame_graph_pick (graph, x, y);
  const HearthFlameRect *rects;

  if (rect < 0)
    return NULL;
  rects = hearth_flame_layout_get_rects (hearth_flame_graph_get_layout (graph), NULL);
  return hearth_flame_graph_dup_node_name (graph, rects[rect].node);
}

static char *
focused_name (HearthFlameGraph *graph)
{
  return hearth_flame_graph_dup_node_name (graph, hearth_flame_graph_get_focused_node (graph));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type,
                 guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        continue;
      if (GTK_IS_GESTURE_SINGLE (c) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (c)) != button)
        continue;
      return c;
    }

  g_error ("no controller %s", g_type_name (type));
  return NULL;
}

/* Synthesised pointer input: the gesture signals the widget connects to */
static void
click_at (HearthFlameGraph *graph,
          int               n_press,
          double            x,
          double            y)
{
  GtkEventController *click = find_controller (GTK_WIDGET (graph), GTK_TYPE_GESTURE_CLICK, GDK_BUTTON_PRIMARY);

  g_signal_emit_by_name (click, "pressed", n_press, x, y);
  g_signal_emit_by_name (click, "released", n_press, x, y);
}

static void
hover_at (HearthFlameGraph *graph,
          double            x,
          double            y)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (graph), GTK_TYPE_EVENT_CONTROLLER_MOTION, 0);

  g_signal_emit_by_name (motion, "motion", x, y);
}

static void
test_hit_test (void)
{
  g_autoptr(HearthProfile) profile = build_small ();
  Fixture f;
  double w;
  char *name;

  fixture_setup (&f, profile, 600, 300);
  w = gtk_widget_get_width (GTK_WIDGET (f.graph));
  g_assert_cmpfloat (w, ==, 600);
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f.graph)), ==, "flamegraph");

  /* icicle: row d spans y = 18 d .. 18 d + 17; x fractions of the width */
#define ASSERT_NAME(x, y, expected) \
  name = name_at (f.graph, (x), (y)); g_assert_cmpstr (name, ==, (expected)); g_free (name)

  ASSERT_NAME (5, 5, "All");
  ASSERT_NAME (5, ROW + 5, "Main");
  ASSERT_NAME (0.5 * w, 2 * ROW + 5, "update");
  ASSERT_NAME (0.8 * w, 2 * ROW + 5, "physics");
  ASSERT_NAME (0.45 * w, 3 * ROW + 9, "drawChildren");
  ASSERT_NAME (0.35 * w, 4 * ROW + 9, "draw");
  ASSERT_NAME (0.5 * w, 4 * ROW + 9, NULL);    /* drawChildren's self time */
  ASSERT_NAME (0.5 * w, 5 * ROW + 9, NULL);    /* below the deepest row */

  /* hover: the status figures of the box under the pointer */
  hover_at (f.graph, 0.45 * w, 3 * ROW + 9);
  name = hearth_flame_graph_dup_node_name (f.graph, hearth_flame_graph_get_hovered_node (f.graph));
  g_assert_cmpstr (name, ==, "drawChildren");
  g_free (name);
  name = hearth_flame_graph_dup_node_summary (f.graph, hearth_flame_graph_get_hovered_node (f.graph));
  g_test_message ("summary: %s", name);
  g_assert_nonnull (strstr (name, "30.000 ms"));      /* total */
  g_assert_nonnull (strstr (name, "30.0 %"));         /* of all */
  g_assert_nonnull (strstr (name, "42.9 %"));         /* of parent: 30 / 70 */
  g_assert_nonnull (strstr (name, "20.000 ms"));      /* self */
  g_free (name);

  /* root at the bottom: row d at height - 18 (d + 1) */
  hearth_flame_graph_set_root_at_bottom (f.graph, TRUE);
  hearth_test_flush ();
  {
    double h = gtk_widget_get_height (GTK_WIDGET (f.graph));

    ASSERT_NAME (5, h - 5, "All");
    ASSERT_NAME (0.45 * w, h - 4 * ROW + 9, "drawChildren");
  }
#undef ASSERT_NAME

  fixture_teardown (&f);
}

static void
test_click_zoom (void)
{
  g_autoptr(HearthProfile) profile = build_small ();
  Fixture f;
  double w;
  char *name;

  fixture_setup (&f, profile, 600, 300);
  w = gtk_widget_get_width (GTK_WIDGET (f.graph));
  g_assert_false (hearth_flame_graph_get_can_zoom_back (f.graph));

  /* click drawChildren: it takes the full width, its ancestors stay as
   * full-width breadcrumbs, its child draw takes a third */
  click_at (f.graph, 1, 0.45 * w, 3 * ROW + 9);
  wait_for_layout (f.graph);
  name = hearth_flame_graph_dup_node_name (f.graph, hearth_flame_graph_get_zoom_node (f.graph));
  g_assert_cmpstr (name, ==, "drawChildren");
  g_free (name);
  name = name_at (f.graph, 0.95 * w, 2 * ROW + 9);
  g_assert_cmpstr (name, ==, "update");
  g_free (name);
  name = name_at (f.graph, 0.95 * w, 3 * ROW + 9);
  g_assert_cmpstr (name, ==, "drawChildren");
  g_free (name);
  name = name_at (f.graph, 0.30 * w, 4 * ROW + 9);
  g_assert_cmpstr (name, ==, "draw");
  g_free (name);
  name = name_at (f.graph, 0.40 * w, 4 * ROW + 9);
  g_assert_null (name);
  g_assert_true (hearth_flame_graph_get_can_zoom_back (f.graph));

  /* back and forward */
  g_assert_true (hearth_flame_graph_zoom_back (f.graph));
  wait_for_layout (f.graph);
  g_assert_cmpuint (hearth_flame_graph_get_zoom_node (f.graph), ==, 0);
  g_assert_true (hearth_flame_graph_get_can_zoom_forward (f.graph));
  g_assert_true (hearth_flame_graph_zoom_forward (f.graph));
  wait_for_layout (f.graph);
  name = hearth_flame_graph_dup_node_name (f.graph, hearth_flame_graph_get_zoom_node (f.graph));
  g_assert_cmpstr (name, ==, "drawChildren");
  g_free (name);

  /* Backspace zooms out one level */
  gtk_widget_activate_action (GTK_WIDGET (f.graph), "flamegraph.zoom-out", NULL);
  wait_for_layout (f.graph);
  name = hearth_flame_graph_dup_node_name (f.graph, hearth_flame_graph_get_zoom_node (f.graph));
  g_assert_cmpstr (name, ==, "update");
  g_free (name);

  /* double-click resets */
  click_at (f.graph, 2, 0.5 * w, 5);
  wait_for_layout (f.graph);
  g_assert_cmpuint (hearth_flame_graph_get_zoom_node (f.graph), ==, 0);
  name = name_at (f.graph, 0.8 * w, 2 * ROW + 5);
  g_assert_cmpstr (name, ==, "physics");
  g_free (name);

  /* Ctrl+wheel zoom: twice as wide around x = 0, no new layout */
  {
    HearthFlameLayout *layout = hearth_flame_graph_get_layout (f.graph);

    hearth_flame_graph_zoom_horizontally (f.graph, 2.0, 0);
    g_assert_cmpfloat (hearth_flame_graph_get_horizontal_zoom (f.graph), ==, 2.0);
    g_assert_true (hearth_flame_graph_get_layout (f.graph) == layout);
    name = name_at (f.graph, 0.9 * w, 3 * ROW + 9);   /* 0.45 of the content */
    g_assert_cmpstr (name, ==, "drawChildren");
    g_free (name);
    hearth_flame_graph_reset_zoom (f.graph);
    g_assert_cmpfloat (hearth_flame_graph_get_horizontal_zoom (f.graph), ==, 1.0);
  }

  fixture_teardown (&f);
}

static void
test_keyboard (void)
{
  g_autoptr(HearthProfile) profile = build_small ();
  Fixture f;
  GtkWidget *w;
  char *name;

  fixture_setup (&f, profile, 600, 300);
  w = GTK_WIDGET (f.graph);
  gtk_widget_grab_focus (w);

#define ASSERT_FOCUS(expected) \
  name = focused_name (f.graph); g_assert_cmpstr (name, ==, (expected)); g_free (name)

  /* icicle: Down goes toward the leaves (the heaviest child first) */
  gtk_widget_activate_action (w, "flamegraph.move-down", NULL);
  ASSERT_FOCUS ("All");
  gtk_widget_activate_action (w, "flamegraph.move-down", NULL);
  ASSERT_FOCUS ("Main");
  gtk_widget_activate_action (w, "flamegraph.move-down", NULL);
  ASSERT_FOCUS ("update");
  gtk_widget_activate_action (w, "flamegraph.move-right", NULL);
  ASSERT_FOCUS ("physics");
  gtk_widget_activate_action (w, "flamegraph.move-right", NULL);
  ASSERT_FOCUS ("physics");          /* last in its row */
  gtk_widget_activate_action (w, "flamegraph.move-left", NULL);
  ASSERT_FOCUS ("update");
  gtk_widget_activate_action (w, "flamegraph.move-down", NULL);
  ASSERT_FOCUS ("draw");
  gtk_widget_activate_action (w, "flamegraph.move-right", NULL);
  ASSERT_FOCUS ("drawChildren");
  gtk_widget_activate_action (w, "flamegraph.move-up", NULL);
  ASSERT_FOCUS ("update");

  /* flame: arrows follow the picture, Up goes toward the leaves */
  hearth_flame_graph_set_root_at_bottom (f.graph, TRUE);
  gtk_widget_activate_action (w, "flamegraph.move-up", NULL);
  ASSERT_FOCUS ("draw");
  gtk_widget_activate_action (w, "flamegraph.move-down", NULL);
  ASSERT_FOCUS ("update");

  /* Enter zooms on the focused box */
  gtk_widget_activate_action (w, "flamegraph.zoom-in", NULL);
  wait_for_layout (f.graph);
  name = hearth_flame_graph_dup_node_name (f.graph, hearth_flame_graph_get_zoom_node (f.graph));
  g_assert_cmpstr (name, ==, "update");
  g_free (name);
  ASSERT_FOCUS ("update");
#undef ASSERT_FOCUS

  fixture_teardown (&f);
}

static void
test_search (void)
{
  g_autoptr(HearthProfile) profile = build_small ();
  Fixture f;
  HearthFlameLayout *layout;
  char *name;

  fixture_setup (&f, profile, 600, 300);
  layout = hearth_flame_graph_get_layout (f.graph);

  hearth_test_assert_notify_contract (f.graph, "search-text", (gpointer) "draw", (gpointer) "physics");

  /* draw, drawChildren and the nested draw: (30 + 30) / 100 */
  hearth_flame_graph_set_search_text (f.graph, "draw");
  g_assert_cmpuint (hearth_flame_graph_get_n_matches (f.graph), ==, 3);
  g_assert_cmpfloat_with_epsilon (hearth_flame_graph_get_match_fraction (f.graph), 0.6, 1e-9);
  /* recolouring only */
  g_assert_true (hearth_flame_graph_get_layout (f.graph) == layout);
  g_assert_false (hearth_flame_graph_get_busy (f.graph));

  /* Enter / F3: the most expensive match first, then around */
  g_assert_true (hearth_flame_graph_step_match (f.graph, 1));
  name = focused_name (f.graph);
  g_assert_cmpstr (name, ==, "draw");
  g_free (name);
  g_assert_cmpuint (hearth_profile_node_get_depth (profile, hearth_flame_graph_get_focused_node (f.graph)), ==, 3);
  g_assert_true (hearth_flame_graph_step_match (f.graph, 1));
  name = focused_name (f.graph);
  g_assert_cmpstr (name, ==, "drawChildren");
  g_free (name);
  g_assert_true (hearth_flame_graph_step_match (f.graph, 1));
  g_assert_cmpuint (hearth_profile_node_get_depth (profile, hearth_flame_graph_get_focused_node (f.graph)), ==, 4);
  g_assert_true (hearth_flame_graph_step_match (f.graph, 1));
  g_assert_cmpuint (hearth_profile_node_get_depth (profile, hearth_flame_graph_get_focused_node (f.graph)), ==, 3);
  g_assert_true (hearth_flame_graph_step_match (f.graph, -1));
  g_assert_cmpuint (hearth_profile_node_get_depth (profile, hearth_flame_graph_get_focused_node (f.graph)), ==, 4);

  /* clearing */
  hearth_flame_graph_set_search_text (f.graph, "");
  g_assert_cmpuint (hearth_flame_graph_get_n_matches (f.graph), ==, 0);
  g_assert_false (hearth_flame_graph_step_match (f.graph, 1));

  fixture_teardown (&f);
}

static void
test_relayout_generation (void)
{
  g_autoptr(HearthProfile) small = build_small ();
  g_autoptr(HearthProfile) game = build_game ();
  Fixture f;
  char *name;

  fixture_setup (&f, small, 600, 300);

  /* several requests in a row: only the newest lands */
  hearth_flame_graph_set_direction (f.graph, HEARTH_FLAME_BOTTOM_UP);
  hearth_flame_graph_set_profile (f.graph, game);
  hearth_flame_graph_set_metric (f.graph, HEARTH_METRIC_ALLOC_COUNT);
  g_assert_true (hearth_flame_graph_get_busy (f.graph));
  wait_for_layout (f.graph);
  g_assert_true (hearth_flame_tree_get_source (hearth_flame_layout_get_tree (hearth_flame_graph_get_layout (f.graph))) == game);
  g_assert_cmpint (hearth_flame_layout_get_metric (hearth_flame_graph_get_layout (f.graph)), ==, HEARTH_METRIC_ALLOC_COUNT);

  /* bottom-up by allocation count: aStar (900) is the widest root */
  name = name_at (f.graph, 5, ROW + 5);
  g_assert_cmpstr (name, ==, "aStar");
  g_free (name);

  hearth_flame_graph_set_profile (f.graph, NULL);
  hearth_test_flush ();
  g_assert_null (hearth_flame_graph_get_layout (f.graph));
  g_assert_false (hearth_flame_graph_get_busy (f.graph));

  fixture_teardown (&f);
}

static gboolean
pointer_cleared_cb (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static void
test_lifecycle (void)
{
  g_autoptr(HearthProfile) profile = build_small ();
  GtkWidget *graph = hearth_flame_graph_new ();

  g_object_ref_sink (graph);
  hearth_flame_graph_set_profile (HEARTH_FLAME_GRAPH (graph), profile);
  hearth_test_wait_until (layout_ready_cb, graph, 10000);
  /* the worker thread drops its reference on the task just after returning */
  hearth_test_wait (100);
  g_assert_finalize_object (graph);

  /* dropped while the worker runs: the task keeps the widget alive until
   * its callback, then it goes */
  graph = hearth_flame_graph_new ();
  g_object_ref_sink (graph);
  g_object_add_weak_pointer (G_OBJECT (graph), (gpointer *) &graph);
  hearth_flame_graph_set_profile (HEARTH_FLAME_GRAPH (graph), profile);
  g_test_message ("dropping a busy graph");
  g_object_unref (graph);
  hearth_test_wait_until (pointer_cleared_cb, &graph, 10000);
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *path = NULL;

  gtk_test_widget_wait_for_draw (widget);
  hearth_test_flush ();
  path = hearth_test_save_screenshot (widget, name);
  g_test_message ("screenshot: %s", path);
}

static void
test_screenshots (void)
{
  g_autoptr(HearthProfile) profile = build_game ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture f;
  int rect;
  double w;

  fixture_setup (&f, profile, 900, 260);
  w = gtk_widget_get_width (GTK_WIDGET (f.graph));

  hover_at (f.graph, 0.3 * w, 3 * ROW + 9);
  save (f.window, "flame-graph-light");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hearth_test_flush ();
  save (f.window, "flame-graph-dark");

  hearth_flame_graph_set_search_text (f.graph, "draw");
  save (f.window, "flame-graph-dark-search");
  hearth_flame_graph_set_search_text (f.graph, "");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hearth_flame_graph_set_xray (f.graph, TRUE);
  save (f.window, "flame-graph-xray");
  hearth_flame_graph_set_xray (f.graph, FALSE);

  hearth_flame_graph_set_search_text (f.graph, "Pathing");
  save (f.window, "flame-graph-search");
  hearth_flame_graph_set_search_text (f.graph, "");

  rect = hearth_flame_graph_pick (f.graph, 0.3 * w, 2 * ROW + 9);
  g_assert_cmpint (rect, >=, 0);
  click_at (f.graph, 1, 0.3 * w, 2 * ROW + 9);
  wait_for_layout (f.graph);
  save (f.window, "flame-graph-zoomed");

  hearth_flame_graph_set_direction (f.graph, HEARTH_FLAME_BOTTOM_UP);
  hearth_flame_graph_set_root_at_bottom (f.graph, TRUE);
  wait_for_layout (f.graph);
  save (f.window, "flame-graph-bottom-up");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  fixture_teardown (&f);
}


static gboolean
view_ready_cb (gpointer user_data)
{
  HearthFlameView *view = user_data;

  return layout_ready_cb (hearth_flame_view_get_graph (view));
}

static void
test_view (void)
{
  g_autoptr(HearthProfile) game = build_game ();
  g_autoptr(HearthProfile) small = build_small ();
  g_autoptr(HearthDocument) document = hearth_document_new ();
  GtkWidget *window = gtk_window_new ();
  HearthFlameView *view = HEARTH_FLAME_VIEW (hearth_flame_view_new ());
  HearthFlameGraph *graph = hearth_flame_view_get_graph (view);
  GtkWidget *label;
  g_autofree char *dir = g_dir_make_tmp ("hearth-flame-view-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "view.svg", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint fn;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 420);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  hearth_flame_view_set_document (view, document);
  g_assert_true (hearth_flame_view_get_document (view) == document);
  hearth_document_add_profile (document, game);
  gtk_window_present (GTK_WINDOW (window));
  hearth_test_wait_until (view_ready_cb, view, 10000);
  hearth_test_flush ();

  /* the document's search reaches the graph: findPath (12 ms) with aStar
   * nested in it, of 89 ms */
  hearth_document_set_search_text (document, "Pathing");
  hearth_test_flush ();
  g_assert_cmpstr (hearth_flame_graph_get_search_text (graph), ==, "Pathing");
  g_assert_cmpuint (hearth_flame_graph_get_n_matches (graph), ==, 2);
  label = hearth_test_find_label (GTK_WIDGET (view), "2 matches, 13.5 % of total");
  g_assert_nonnull (label);
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.next-match", NULL);
  {
    g_autofree char *name = focused_name (graph);

    g_assert_cmpstr (name, ==, "findPath");
  }
  save (window, "flame-view-search");
  hearth_document_set_search_text (document, "");

  /* the document's selected function outlines its boxes */
  fn = hearth_profile_node_get_function (hearth_document_get_profile (document), 3);
  hearth_document_set_selected_function (document, fn);
  g_assert_cmpuint (hearth_flame_graph_get_selected_function (graph), ==, fn);

  /* X and C: X-Ray and Count/Sum */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "flame.xray", NULL));
  g_assert_true (hearth_flame_graph_get_xray (graph));
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.toggle-xray-mode", NULL);
  {
    HearthFlameXRay xray;

    hearth_flame_graph_get_xray_options (graph, &xray);
    g_assert_cmpint (xray.mode, ==, HEARTH_FLAME_XRAY_SUM);
  }
  save (window, "flame-view-xray");
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.xray", NULL);
  g_assert_false (hearth_flame_graph_get_xray (graph));

  /* direction and metric through the actions */
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.direction", "s", "bottom-up");
  g_assert_cmpint (hearth_flame_graph_get_direction (graph), ==, HEARTH_FLAME_BOTTOM_UP);
  hearth_test_flush ();
  label = hearth_test_find_label (GTK_WIDGET (view), "Bottom Up");
  g_assert_nonnull (label);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_parent (label))));
  label = hearth_test_find_label (GTK_WIDGET (view), "Top Down");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_parent (label))));
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.metric", "s", "metric-alloc-bytes");
  g_assert_cmpint (hearth_flame_graph_get_metric (graph), ==, HEARTH_METRIC_ALLOC_BYTES);
  hearth_test_wait_until (view_ready_cb, view, 10000);
  save (window, "flame-view-bottom-up-bytes");
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.direction", "s", "top-down");
  hearth_test_wait_until (view_ready_cb, view, 10000);
  hearth_test_flush ();
  label = hearth_test_find_label (GTK_WIDGET (view), "Top Down");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_parent (label))));
  label = hearth_test_find_label (GTK_WIDGET (view), "Bottom Up");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_parent (label))));

  /* export of the current view */
  g_assert_true (hearth_flame_view_export (view, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_unlink (svg_path);
  g_rmdir (dir);

  /* without memory data: CPU time, and X-Ray is unavailable */
  hearth_document_clear (document);
  hearth_document_add_profile (document, small);
  hearth_test_wait_until (view_ready_cb, view, 10000);
  g_assert_cmpint (hearth_flame_graph_get_metric (graph), ==, HEARTH_METRIC_CPU_TIME);
  gtk_widget_activate_action (GTK_WIDGET (view), "flame.xray", NULL);
  g_assert_false (hearth_flame_graph_get_xray (graph));
  save (window, "flame-view-no-memory");

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

  g_test_add_func ("/hearth/flame-graph/hit-test", test_hit_test);
  g_test_add_func ("/hearth/flame-graph/click-zoom", test_click_zoom);
  g_test_add_func ("/hearth/flame-graph/keyboard", test_keyboard);
  g_test_add_func ("/hearth/flame-graph/search", test_search);
  g_test_add_func ("/hearth/flame-graph/relayout-generation", test_relayout_generation);
  g_test_add_func ("/hearth/flame-graph/lifecycle", test_lifecycle);
  g_test_add_func ("/hearth/flame-graph/screenshots", test_screenshots);
  g_test_add_func ("/hearth/flame-view/document", test_view);

  return g_test_run ();
}
