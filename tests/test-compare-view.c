/* test-compare-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hearth-compare-view.h"
#include "hearth-diff-row.h"
#include "hearth-document.h"
#include "hearth-profile-builder.h"
#include "hearth-range-slider.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

#define MS 1e6

/* Main (thread) → tick → {physics, gc, render}; a negative value leaves the
 * node out */
static HearthProfile *
build_capture (const char *file,
               const char *place,
               guint       n_frames,
               double      tick_ms,
               double      physics_ms,
               double      gc_ms,
               double      render_ms)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_n, tick;
  const char *names[] = { "physics", "gc", "render" };
  double values[] = { physics_ms, gc_ms, render_ms };

  hearth_profile_builder_set_format (b, "microprofile", "MicroProfiler");
  hearth_profile_builder_set_file_name (b, file);
  hearth_profile_builder_set_place_id (b, place);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  main_n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE,
                                             hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD,
                                                                                     "Main", NULL, 0, NULL, 0));
  tick = hearth_profile_builder_get_child (b, main_n,
                                           hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                   "tick", NULL, 0, NULL, 0));
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CPU_TIME, tick_ms * MS);
  for (guint i = 0; i < 3; i++)
    if (values[i] >= 0)
      hearth_profile_builder_add_value (b, hearth_profile_builder_get_child (b, tick,
                                                                             hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                                                     names[i], NULL, 0, NULL, 0)),
                                        HEARTH_METRIC_CPU_TIME, values[i] * MS);
  for (guint i = 0; i < n_frames; i++)
    {
      HearthFrame frame;

      hearth_frame_init (&frame);
      frame.start_ms = i * 16.0;
      frame.end_ms = (i + 1) * 16.0;
      hearth_profile_builder_add_frame (b, &frame);
    }

  return hearth_profile_builder_finish (b);
}

typedef struct
{
  GtkWidget         *window;
  HearthCompareView *view;
  HearthComparison  *comparison;
} Fixture;

static void
fixture_setup (Fixture *f,
               int      width,
               int      height)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  f->view = HEARTH_COMPARE_VIEW (hearth_compare_view_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  f->comparison = hearth_compare_view_get_comparison (f->view);
  gtk_window_present (GTK_WINDOW (f->window));
  hearth_test_flush ();
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_flush ();
}

static gboolean
diff_ready_cb (gpointer user_data)
{
  HearthComparison *comparison = user_data;

  return hearth_comparison_get_diff (comparison) != NULL && !hearth_comparison_get_busy (comparison);
}

static gboolean
graph_ready_cb (gpointer user_data)
{
  HearthFlameGraph *graph = user_data;

  return hearth_flame_graph_get_layout (graph) != NULL && !hearth_flame_graph_get_busy (graph);
}

static void
wait_for_diff (Fixture *f)
{
  hearth_test_wait_until (diff_ready_cb, f->comparison, 10000);
  hearth_test_flush ();
}

static void
wait_for_graph (Fixture *f)
{
  hearth_test_wait_until (graph_ready_cb, hearth_compare_view_get_diff_graph (f->view), 10000);
  hearth_test_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->view));
}

static GtkLabel *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return GTK_LABEL (child);
      found = find_label_containing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_remove_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_object_get_data (G_OBJECT (child), "profile") != NULL)
        return child;
      found = find_remove_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* 1 dump of 2 frames on the Left, 2 dumps of 3 and 4 frames on the Right */
static void
fill_example (Fixture *f)
{
  g_autoptr(HearthProfile) l1 = build_capture ("/c/l1.html", "123", 2, 4, 6, 2, -1);
  g_autoptr(HearthProfile) r1 = build_capture ("/c/r1.html", "123", 3, 3, 9, -1, -1);
  g_autoptr(HearthProfile) r2 = build_capture ("/c/r2.html", "123", 4, 4, 5, -1, 7);

  hearth_comparison_add (f->comparison, HEARTH_DIFF_SIDE_LEFT, l1);
  hearth_comparison_add (f->comparison, HEARTH_DIFF_SIDE_RIGHT, r1);
  hearth_comparison_add (f->comparison, HEARTH_DIFF_SIDE_RIGHT, r2);
}

static void
test_sides (void)
{
  Fixture f;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  fixture_setup (&f, 1100, 700);
  g_assert_cmpstr (hearth_compare_view_get_page (f.view), ==, "empty");

  fill_example (&f);
  wait_for_diff (&f);

  left = hearth_compare_view_dup_side_summary (f.view, HEARTH_DIFF_SIDE_LEFT);
  right = hearth_compare_view_dup_side_summary (f.view, HEARTH_DIFF_SIDE_RIGHT);
  g_assert_cmpstr (left, ==, "1 capture · place 123 · 2 frames");
  g_assert_cmpstr (right, ==, "2 captures · place 123 · 7 frames");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (f.view), "1+2 · per 1 frame"));

  /* nothing shows before Combine & Compare */
  g_assert_cmpstr (hearth_compare_view_get_page (f.view), ==, "empty");
  hearth_compare_view_compare (f.view);
  g_assert_cmpstr (hearth_compare_view_get_page (f.view), ==, "diff");

  /* Main, tick, physics, gc, render */
  g_assert_cmpuint (g_list_model_get_n_items (hearth_compare_view_get_rows (f.view)), ==, 5);

  /* tooltips: physics is 3 ms on the Left and 2 on the Right; render is
   * only on the Right */
  {
    HearthDiff *diff = hearth_comparison_get_diff (f.comparison);
    g_autofree char *physics = NULL;
    g_autofree char *render = NULL;
    guint n_physics = 0, n_render = 0;

    for (guint n = 0; n < hearth_diff_get_n_nodes (diff); n++)
      {
        g_autofree char *name = hearth_diff_node_dup_name (diff, n);

        if (g_str_equal (name, "physics"))
          n_physics = n;
        else if (g_str_equal (name, "render"))
          n_render = n;
      }
    physics = hearth_compare_view_dup_node_markup (f.view, n_physics);
    render = hearth_compare_view_dup_node_markup (f.view, n_render);
    g_assert_nonnull (strstr (physics, "Left: <b>3.000 ms</b> per 1 frame · 50.0 % of all"));
    g_assert_nonnull (strstr (physics, "Right: <b>2.000 ms</b> per 1 frame · 50.0 % of all"));
    g_assert_nonnull (strstr (physics, "<b>Left is greater by</b> 1.000 ms (+50.0 %)"));
    g_assert_nonnull (strstr (render, "Left: —"));
    g_assert_nonnull (strstr (render, "<b>Only in Right</b>"));
  }

  /* a header alone: that side's combined flame graph */
  hearth_compare_view_show_side (f.view, HEARTH_DIFF_SIDE_RIGHT);
  g_assert_cmpstr (hearth_compare_view_get_page (f.view), ==, "combo");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (f.view), "Right: 2 captures combined, per 1 frame"));
  hearth_compare_view_show_side (f.view, -1);
  g_assert_cmpstr (hearth_compare_view_get_page (f.view), ==, "diff");

  fixture_teardown (&f);
}

static void
test_remove (void)
{
  Fixture f;
  GtkWidget *button;
  g_autofree char *right = NULL;

  fixture_setup (&f, 1100, 700);
  fill_example (&f);
  wait_for_diff (&f);
  hearth_compare_view_compare (f.view);

  /* the first cross of the Right list removes r1.html */
  button = find_remove_button (GTK_WIDGET (f.view));
  g_assert_nonnull (button);
  g_assert_cmpfloat (gtk_widget_get_opacity (button), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hearth_comparison_get_right (f.comparison))), ==, 2);
  {
    g_autoptr(HearthProfile) first = g_list_model_get_item (G_LIST_MODEL (hearth_comparison_get_right (f.comparison)), 0);
    GtkWidget *found = NULL;
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, f.view);
    while (stack->len > 0 && found == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (w) && g_object_get_data (G_OBJECT (w), "profile") == first)
          found = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
    g_assert_nonnull (found);
    g_signal_emit_by_name (found, "clicked");
  }
  hearth_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hearth_comparison_get_right (f.comparison))), ==, 1);
  wait_for_diff (&f);

  /* Right is now r2 alone: 4 frames, and no gc */
  right = hearth_compare_view_dup_side_summary (f.view, HEARTH_DIFF_SIDE_RIGHT);
  g_assert_cmpstr (right, ==, "1 capture · place 123 · 4 frames");
  g_assert_cmpuint (hearth_diff_get_n_captures (hearth_comparison_get_diff (f.comparison), HEARTH_DIFF_SIDE_RIGHT), ==, 1);

  /* emptying a side drops the diff */
  hearth_comparison_remove (f.comparison, HEARTH_DIFF_SIDE_RIGHT, 0);
  hearth_test_flush ();
  g_assert_null (hearth_comparison_get_diff (f.comparison));
  g_assert_cmpstr (hearth_compare_view_get_page (f.view), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (hearth_compare_view_get_rows (f.view)), ==, 0);

  fixture_teardown (&f);
}

static gboolean
row_is (HearthDiffRow *row,
        const char    *name)
{
  return g_str_equal (hearth_diff_row_get_name (row), name);
}

/* Moving a handle reclassifies: same diff, same rows, same layout */
static void
test_slider (void)
{
  Fixture f;
  HearthRangeSlider *slider;
  HearthFlameLayout *layout;
  HearthDiff *diff;
  guint generation;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  GListModel *rows;

  fixture_setup (&f, 1100, 700);
  fill_example (&f);
  wait_for_diff (&f);
  hearth_compare_view_compare (f.view);
  wait_for_graph (&f);

  slider = hearth_compare_view_get_slider (f.view);
  g_assert_cmpfloat (hearth_range_slider_get_low (slider), ==, 5);
  g_assert_cmpfloat (hearth_range_slider_get_high (slider), ==, 70);
  text = hearth_range_slider_dup_text (slider);
  g_assert_cmpstr (text, ==, "Gray below 5 %, full colour above 70 %");

  diff = hearth_comparison_get_diff (f.comparison);
  generation = hearth_comparison_get_generation (f.comparison);
  layout = hearth_flame_graph_get_layout (hearth_compare_view_get_diff_graph (f.view));
  rows = hearth_compare_view_get_rows (f.view);

  /* physics: 3 → 2 ms per frame, 33 %: left at 5–70 %, same from 40 % */
  before = hearth_compare_view_dup_table (f.view, ',');
  g_assert_nonnull (strstr (before, "Main;tick;physics,physics,3.000,2.000,-1.000,-33.333333,left,0.435897\n"));
  hearth_range_slider_set_range (slider, 40, 70);
  hearth_test_flush ();
  g_assert_cmpfloat (hearth_comparison_get_low (f.comparison), ==, 40);
  after = hearth_compare_view_dup_table (f.view, ',');
  g_assert_nonnull (strstr (after, "Main;tick;physics,physics,3.000,2.000,-1.000,-33.333333,same,0.000\n"));

  g_assert_true (hearth_comparison_get_diff (f.comparison) == diff);
  g_assert_cmpuint (hearth_comparison_get_generation (f.comparison), ==, generation);
  g_assert_true (hearth_flame_graph_get_layout (hearth_compare_view_get_diff_graph (f.view)) == layout);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);

  /* keyboard: the low handle is active; Right moves it by a step (0.5 %) */
  gtk_widget_grab_focus (GTK_WIDGET (slider));
  g_assert_cmpuint (hearth_range_slider_get_active (slider), ==, 0);

  /* absolute mode: defaults 0.5 ms and 7 ms */
  hearth_comparison_set_mode (f.comparison, HEARTH_DIFF_MODE_ABSOLUTE);
  hearth_test_flush ();
  g_assert_cmpfloat (hearth_range_slider_get_low (slider), ==, 0.5);
  g_assert_cmpfloat (hearth_range_slider_get_high (slider), ==, 7);
  g_clear_pointer (&text, g_free);
  text = hearth_range_slider_dup_text (slider);
  g_assert_cmpstr (text, ==, "Gray below 0.5 ms, full colour above 7 ms");
  g_assert_cmpuint (hearth_comparison_get_generation (f.comparison), ==, generation);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(HearthDiffRow) row = g_list_model_get_item (rows, i);

      g_assert_true (row_is (row, "Main") || row_is (row, "tick") || row_is (row, "physics") ||
                     row_is (row, "gc") || row_is (row, "render"));
    }

  fixture_teardown (&f);
}

static void
test_document_left (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) capture = build_capture ("/c/open.html", "77", 2, 1, 1, -1, -1);
  Fixture f;

  fixture_setup (&f, 900, 600);
  hearth_document_add_profile (document, capture);
  hearth_compare_view_set_document (f.view, document);
  hearth_test_flush ();

  /* the capture already open is the Left side */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hearth_comparison_get_left (f.comparison))), ==, 1);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (hearth_comparison_get_left (f.comparison)), 0) == (gpointer) capture);
  g_object_unref (capture);

  hearth_compare_view_set_drop_zones_visible (f.view, TRUE);
  g_assert_true (hearth_compare_view_get_drop_zones_visible (f.view));
  hearth_compare_view_set_drop_zones_visible (f.view, FALSE);

  fixture_teardown (&f);
}

static void
test_mixed_places (void)
{
  g_autoptr(HearthProfile) a = build_capture ("/c/a.html", "1", 2, 1, 1, -1, -1);
  g_autoptr(HearthProfile) b = build_capture ("/c/b.html", "2", 2, 1, 1, -1, -1);
  g_autofree char *summary = NULL;
  Fixture f;

  fixture_setup (&f, 900, 600);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_LEFT, a);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_LEFT, b);
  hearth_test_flush ();
  summary = hearth_compare_view_dup_side_summary (f.view, HEARTH_DIFF_SIDE_LEFT);
  g_assert_cmpstr (summary, ==, "2 captures · mixed places · 4 frames");
  fixture_teardown (&f);
}

static HearthProfile *
build_noise_capture (double a,
                     double c)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  HearthFrame frame;
  guint n;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE,
                                       hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                               "a", NULL, 0, NULL, 0));
  hearth_profile_builder_add_value (b, n, HEARTH_METRIC_CPU_TIME, a * MS);
  n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE,
                                       hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                               "c", NULL, 0, NULL, 0));
  hearth_profile_builder_add_value (b, n, HEARTH_METRIC_CPU_TIME, c * MS);
  hearth_frame_init (&frame);
  frame.end_ms = 16;
  hearth_profile_builder_add_frame (b, &frame);
  return hearth_profile_builder_finish (b);
}

/* a: Left 10, 12 / Right 11, 13 ms: within 2 × SE (2.83 ms), gray with the
 * filter; c: Left 10, 14 / Right 16, 20: 6 ms ≥ 5.66 ms, stays blue */
static void
test_noise (void)
{
  g_autoptr(HearthProfile) l1 = build_noise_capture (10, 10);
  g_autoptr(HearthProfile) l2 = build_noise_capture (12, 14);
  g_autoptr(HearthProfile) r1 = build_noise_capture (11, 16);
  g_autoptr(HearthProfile) r2 = build_noise_capture (13, 20);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Fixture f;

  fixture_setup (&f, 1100, 700);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_LEFT, l1);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_RIGHT, r1);
  wait_for_diff (&f);
  g_assert_false (hearth_comparison_get_can_noise (f.comparison));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (hearth_test_find_label (GTK_WIDGET (f.view), "Hide Noise"))));

  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_LEFT, l2);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_RIGHT, r2);
  hearth_test_wait_until (diff_ready_cb, f.comparison, 10000);
  while (hearth_diff_get_n_captures (hearth_comparison_get_diff (f.comparison), HEARTH_DIFF_SIDE_RIGHT) != 2)
    hearth_test_wait (20);
  g_assert_true (hearth_comparison_get_can_noise (f.comparison));
  hearth_compare_view_compare (f.view);

  before = hearth_compare_view_dup_table (f.view, ',');
  g_assert_nonnull (strstr (before, "a,a,11.000,12.000,1.000,9.090909,right,"));
  hearth_comparison_set_noise (f.comparison, TRUE);
  hearth_test_flush ();
  after = hearth_compare_view_dup_table (f.view, ',');
  g_assert_nonnull (strstr (after, "a,a,11.000,12.000,1.000,9.090909,same,0.000\n"));
  g_assert_nonnull (strstr (after, "c,c,12.000,18.000,6.000,50.000,right,"));

  fixture_teardown (&f);
}

/* Bottom-up compares the inverted trees: a diff of its own */
static void
test_bottom_up (void)
{
  Fixture f;
  guint generation;

  fixture_setup (&f, 1100, 700);
  fill_example (&f);
  wait_for_diff (&f);
  hearth_compare_view_compare (f.view);
  generation = hearth_comparison_get_generation (f.comparison);

  hearth_comparison_set_inverted (f.comparison, TRUE);
  while (hearth_comparison_get_generation (f.comparison) == generation)
    hearth_test_wait (20);
  wait_for_diff (&f);

  /* roots are the functions with self time: tick, physics, gc, render */
  {
    g_autofree char *table = hearth_compare_view_dup_table (f.view, ',');

    g_assert_nonnull (strstr (table, "\nrender,render,0.000,1.000,1.000,,only-right,1.000\n"));
    g_assert_nonnull (strstr (table, "\nphysics;tick;Main,Main,3.000,2.000,-1.000,-33.333333,left,0.435897\n"));
  }

  fixture_teardown (&f);
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

/* The generated dumps of tests/data (bench/gen-diff-dumps.py): Render,
 * Physics and Tween grow on the Right, UI shrinks, Audio is Left only, GC
 * Right only, AI and Pathfind are the same */
static void
test_screenshots (void)
{
  g_autoptr(HearthProfile) left = hearth_test_load_profile ("diff-left.html");
  g_autoptr(HearthProfile) right = hearth_test_load_profile ("diff-right.html");
  AdwStyleManager *style = adw_style_manager_get_default ();
  HearthRangeSlider *slider;
  Fixture f;

  fixture_setup (&f, 1280, 760);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_LEFT, left);
  hearth_comparison_add (f.comparison, HEARTH_DIFF_SIDE_RIGHT, right);
  wait_for_diff (&f);
  save (f.window, "compare-sides");

  hearth_compare_view_compare (f.view);
  wait_for_graph (&f);
  save (f.window, "compare-relative");

  slider = hearth_compare_view_get_slider (f.view);
  hearth_range_slider_set_range (slider, 60, 70);
  save (f.window, "compare-relative-slider-60");
  hearth_range_slider_set_range (slider, 5, 70);

  hearth_comparison_set_mode (f.comparison, HEARTH_DIFF_MODE_ABSOLUTE);
  save (f.window, "compare-absolute");
  hearth_range_slider_set_range (slider, 3, 7);
  save (f.window, "compare-absolute-slider-3");
  hearth_comparison_set_mode (f.comparison, HEARTH_DIFF_MODE_RELATIVE);

  hearth_comparison_set_palette (f.comparison, HEARTH_DIFF_PALETTE_COLORBLIND);
  save (f.window, "compare-colorblind");
  hearth_comparison_set_palette (f.comparison, HEARTH_DIFF_PALETTE_GREEN_BLUE);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hearth_test_flush ();
  save (f.window, "compare-dark");

  hearth_compare_view_show_side (f.view, HEARTH_DIFF_SIDE_LEFT);
  hearth_test_wait_until (graph_ready_cb, hearth_compare_view_get_diff_graph (f.view), 10000);
  hearth_test_wait (300);
  save (f.window, "compare-combo-left-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  hearth_compare_view_show_side (f.view, -1);

  hearth_compare_view_set_drop_zones_visible (f.view, TRUE);
  save (f.window, "compare-drop-zones");
  hearth_compare_view_set_drop_zones_visible (f.view, FALSE);

  {
    g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
    g_autofree char *path = g_build_filename (dir, "compare-diff.svg", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_true (hearth_compare_view_export_flame (f.view, file, &error));
    g_assert_no_error (error);
  }

  fixture_teardown (&f);
}

static void
test_lifecycle (void)
{
  GtkWidget *view = hearth_compare_view_new ();

  g_object_ref_sink (view);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  hearth_register_resource ();

  g_test_add_func ("/hearth/compare-view/lifecycle", test_lifecycle);
  g_test_add_func ("/hearth/compare-view/sides", test_sides);
  g_test_add_func ("/hearth/compare-view/remove", test_remove);
  g_test_add_func ("/hearth/compare-view/slider", test_slider);
  g_test_add_func ("/hearth/compare-view/document-left", test_document_left);
  g_test_add_func ("/hearth/compare-view/mixed-places", test_mixed_places);
  g_test_add_func ("/hearth/compare-view/noise", test_noise);
  g_test_add_func ("/hearth/compare-view/bottom-up", test_bottom_up);
  g_test_add_func ("/hearth/compare-view/screenshots", test_screenshots);

  return g_test_run ();
}
