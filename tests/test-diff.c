/* test-diff.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hearth-diff.h"
#include "hearth-diff-flame.h"
#include "hearth-importer.h"
#include "hearth-profile-builder.h"

#define MS 1e6

static guint
fn (HearthProfileBuilder *b,
    HearthFunctionKind    kind,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, kind, name, NULL, 0, NULL, 0);
}

static void
add_frames (HearthProfileBuilder *b,
            guint                 n)
{
  for (guint i = 0; i < n; i++)
    {
      HearthFrame frame;

      hearth_frame_init (&frame);
      frame.start_ms = i * 16.0;
      frame.end_ms = (i + 1) * 16.0;
      hearth_profile_builder_add_frame (b, &frame);
    }
}

/* A capture Main (thread) → tick → {physics, gc, render}; a negative
 * value leaves the node out */
static HearthProfile *
build_capture (const char *file,
               guint       n_frames,
               double      tick_ms,
               double      physics_ms,
               double      gc_ms,
               double      render_ms)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_n, tick;

  hearth_profile_builder_set_format (b, "microprofile", "MicroProfiler");
  hearth_profile_builder_set_file_name (b, file);
  hearth_profile_builder_set_place_id (b, "123");
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  main_n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Main"));
  tick = hearth_profile_builder_get_child (b, main_n, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "tick"));
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CPU_TIME, tick_ms * MS);
  if (physics_ms >= 0)
    hearth_profile_builder_add_value (b, hearth_profile_builder_get_child (b, tick, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "physics")),
                                      HEARTH_METRIC_CPU_TIME, physics_ms * MS);
  if (gc_ms >= 0)
    hearth_profile_builder_add_value (b, hearth_profile_builder_get_child (b, tick, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "gc")),
                                      HEARTH_METRIC_CPU_TIME, gc_ms * MS);
  if (render_ms >= 0)
    hearth_profile_builder_add_value (b, hearth_profile_builder_get_child (b, tick, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "render")),
                                      HEARTH_METRIC_CPU_TIME, render_ms * MS);
  hearth_profile_builder_add_thread (b, "Main", main_n, FALSE, FALSE);
  add_frames (b, n_frames);

  return hearth_profile_builder_finish (b);
}

static guint
find_node (HearthDiff *diff,
           const char *path)
{
  for (guint n = 0; n < hearth_diff_get_n_nodes (diff); n++)
    {
      g_autofree char *p = hearth_diff_node_dup_path (diff, n, ";");

      if (g_str_equal (p, path))
        return n;
    }
  g_assert_not_reached ();
  return 0;
}

/* Left: 1 dump of 2 frames: tick self 4, physics 6, gc 2 (ms).
 * Right: 2 dumps of 3 and 4 frames: tick 3 + physics 9; tick 4 + physics 5
 * + render 7.
 * Per frame: Left Main = tick = 12 / 2 = 6, physics 3, gc 1;
 * Right Main = tick = (12 + 16) / 7 = 4, physics 14 / 7 = 2, render 1. */
static HearthDiff *
build_example (void)
{
  g_autoptr(HearthProfile) l1 = build_capture ("/c/l1.html", 2, 4, 6, 2, -1);
  g_autoptr(HearthProfile) r1 = build_capture ("/c/r1.html", 3, 3, 9, -1, -1);
  g_autoptr(HearthProfile) r2 = build_capture ("/c/r2.html", 4, 4, 5, -1, 7);
  HearthProfile *left[] = { l1 };
  HearthProfile *right[] = { r1, r2 };
  g_autoptr(GError) error = NULL;
  HearthDiff *diff;

  diff = hearth_diff_new (left, 1, right, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diff);
  return diff;
}

static void
test_normalisation (void)
{
  g_autoptr(HearthDiff) diff = build_example ();
  guint tick = find_node (diff, "Main;tick");
  guint physics = find_node (diff, "Main;tick;physics");
  guint main_n = find_node (diff, "Main");

  g_assert_cmpint (hearth_diff_get_normalisation (diff), ==, HEARTH_DIFF_PER_FRAME);
  g_assert_cmpstr (hearth_diff_get_normalisation_label (diff), ==, "per 1 frame");
  g_assert_cmpuint (hearth_diff_get_n_captures (diff, HEARTH_DIFF_SIDE_LEFT), ==, 1);
  g_assert_cmpuint (hearth_diff_get_n_captures (diff, HEARTH_DIFF_SIDE_RIGHT), ==, 2);
  g_assert_cmpfloat (hearth_diff_get_divisor (diff, HEARTH_DIFF_SIDE_LEFT), ==, 2);
  g_assert_cmpfloat (hearth_diff_get_divisor (diff, HEARTH_DIFF_SIDE_RIGHT), ==, 7);

  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (diff, main_n, HEARTH_DIFF_SIDE_LEFT, HEARTH_METRIC_CPU_TIME), 6 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (diff, main_n, HEARTH_DIFF_SIDE_RIGHT, HEARTH_METRIC_CPU_TIME), 4 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (diff, tick, HEARTH_DIFF_SIDE_LEFT, HEARTH_METRIC_CPU_TIME), 6 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_self (diff, tick, HEARTH_DIFF_SIDE_LEFT, HEARTH_METRIC_CPU_TIME), 2 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_self (diff, tick, HEARTH_DIFF_SIDE_RIGHT, HEARTH_METRIC_CPU_TIME), 1 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (diff, physics, HEARTH_DIFF_SIDE_LEFT, HEARTH_METRIC_CPU_TIME), 3 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (diff, physics, HEARTH_DIFF_SIDE_RIGHT, HEARTH_METRIC_CPU_TIME), 2 * MS, 1);

  /* the side profiles are the "Combo" graphs */
  g_assert_cmpstr (hearth_profile_get_normalisation (hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_RIGHT)), ==, "per 1 frame");
  g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_RIGHT), HEARTH_METRIC_CPU_TIME), 4 * MS, 1);
  g_assert_false (hearth_diff_has_noise_data (diff));
}

static HearthProfile *
build_plain (double  session_ms,
             double  x_ms)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint x;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  if (!isnan (session_ms))
    hearth_profile_builder_set_session_ms (b, session_ms);
  x = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "x"));
  hearth_profile_builder_add_value (b, x, HEARTH_METRIC_CPU_TIME, x_ms * MS);
  return hearth_profile_builder_finish (b);
}

/* Without frames: per second of session (Left 10 ms / 2 s = 5 ms, Right
 * 16 ms / 4 s = 4 ms), then per capture (10 vs 16 / 2 = 8) */
static void
test_normalisation_fallbacks (void)
{
  g_autoptr(HearthProfile) l = build_plain (2000, 10);
  g_autoptr(HearthProfile) r1 = build_plain (1000, 4);
  g_autoptr(HearthProfile) r2 = build_plain (3000, 12);
  g_autoptr(HearthProfile) r3 = build_plain (NAN, 12);
  g_autoptr(HearthProfile) framed = build_capture ("/c/f.html", 2, 4, 6, 2, -1);
  HearthProfile *left[] = { l };
  HearthProfile *right[] = { r1, r2 };
  HearthProfile *right_unknown[] = { r1, r3 };
  HearthProfile *left_framed[] = { framed };
  g_autoptr(HearthDiff) per_s = hearth_diff_new (left, 1, right, 2, NULL, NULL);
  g_autoptr(HearthDiff) per_capture = hearth_diff_new (left, 1, right_unknown, 2, NULL, NULL);
  g_autoptr(HearthDiff) mixed = hearth_diff_new (left_framed, 1, right, 2, NULL, NULL);
  guint x;

  g_assert_cmpint (hearth_diff_get_normalisation (per_s), ==, HEARTH_DIFF_PER_SECOND);
  g_assert_cmpstr (hearth_diff_get_normalisation_label (per_s), ==, "per 1 s");
  x = find_node (per_s, "x");
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (per_s, x, HEARTH_DIFF_SIDE_LEFT, HEARTH_METRIC_CPU_TIME), 5 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (per_s, x, HEARTH_DIFF_SIDE_RIGHT, HEARTH_METRIC_CPU_TIME), 4 * MS, 1);

  g_assert_cmpint (hearth_diff_get_normalisation (per_capture), ==, HEARTH_DIFF_PER_CAPTURE);
  g_assert_cmpstr (hearth_diff_get_normalisation_label (per_capture), ==, "per 1 capture");
  x = find_node (per_capture, "x");
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (per_capture, x, HEARTH_DIFF_SIDE_LEFT, HEARTH_METRIC_CPU_TIME), 10 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_diff_node_get_total (per_capture, x, HEARTH_DIFF_SIDE_RIGHT, HEARTH_METRIC_CPU_TIME), 8 * MS, 1);

  /* one side has frames, the other not: both sides per second would need a
   * session on the framed dump; it has none, so per capture */
  g_assert_cmpint (hearth_diff_get_normalisation (mixed), ==, HEARTH_DIFF_PER_CAPTURE);
}

static void
test_union (void)
{
  g_autoptr(HearthDiff) diff = build_example ();
  guint gc = find_node (diff, "Main;tick;gc");
  guint render = find_node (diff, "Main;tick;render");
  guint physics = find_node (diff, "Main;tick;physics");
  double intensity = -1;

  /* <root>, Main, tick, physics, gc, render: pre-order, children by
   * max (L, R) then name (gc and render both 1 ms) */
  g_assert_cmpuint (hearth_diff_get_n_nodes (diff), ==, 6);
  g_assert_cmpuint (physics, ==, 3);
  g_assert_cmpuint (gc, ==, 4);
  g_assert_cmpuint (render, ==, 5);
  g_assert_cmpuint (hearth_diff_node_get_parent (diff, 0), ==, HEARTH_NO_INDEX);
  g_assert_cmpuint (hearth_diff_node_get_parent (diff, gc), ==, 2);
  g_assert_cmpuint (hearth_diff_node_get_depth (diff, gc), ==, 3);
  g_assert_cmpuint (hearth_diff_node_get_subtree_end (diff, 0), ==, 6);
  g_assert_cmpuint (hearth_diff_node_get_subtree_end (diff, 2), ==, 6);
  g_assert_cmpuint (hearth_diff_node_get_subtree_end (diff, physics), ==, 4);

  g_assert_true (hearth_diff_node_get_present (diff, physics, HEARTH_DIFF_SIDE_LEFT));
  g_assert_true (hearth_diff_node_get_present (diff, physics, HEARTH_DIFF_SIDE_RIGHT));
  g_assert_true (hearth_diff_node_get_present (diff, gc, HEARTH_DIFF_SIDE_LEFT));
  g_assert_false (hearth_diff_node_get_present (diff, gc, HEARTH_DIFF_SIDE_RIGHT));
  g_assert_false (hearth_diff_node_get_present (diff, render, HEARTH_DIFF_SIDE_LEFT));
  g_assert_true (hearth_diff_node_get_present (diff, render, HEARTH_DIFF_SIDE_RIGHT));
  g_assert_cmpfloat (hearth_diff_node_get_total (diff, gc, HEARTH_DIFF_SIDE_RIGHT, HEARTH_METRIC_CPU_TIME), ==, 0);

  /* one-sided nodes: only-*, full intensity, whatever the thresholds */
  g_assert_cmpint (hearth_diff_classify (diff, gc, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_ONLY_LEFT);
  g_assert_cmpfloat (intensity, ==, 1);
  g_assert_cmpint (hearth_diff_classify (diff, render, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_ABSOLUTE, 500, 7000, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_ONLY_RIGHT);
  g_assert_cmpfloat (intensity, ==, 1);
}

static HearthProfile *
build_identity (gboolean with_line_20)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint f10 = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "f", "s.lua", 10, NULL, 0);
  guint g = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "g", "s.lua", 1, NULL, 0);
  guint n;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, f10);
  hearth_profile_builder_add_value (b, n, HEARTH_METRIC_CPU_TIME, MS);
  /* the same function under another caller is another node */
  n = hearth_profile_builder_get_child (b, hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, g), f10);
  hearth_profile_builder_add_value (b, n, HEARTH_METRIC_CPU_TIME, MS);
  if (with_line_20)
    {
      guint f20 = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "f", "s.lua", 20, NULL, 0);

      n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, f20);
      hearth_profile_builder_add_value (b, n, HEARTH_METRIC_CPU_TIME, MS);
    }
  return hearth_profile_builder_finish (b);
}

/* Identity is name + source + line: f at line 20 is not f at line 10 */
static void
test_union_identity (void)
{
  g_autoptr(HearthProfile) l = build_identity (FALSE);
  g_autoptr(HearthProfile) r = build_identity (TRUE);
  HearthProfile *left[] = { l };
  HearthProfile *right[] = { r };
  g_autoptr(HearthDiff) diff = hearth_diff_new (left, 1, right, 1, NULL, NULL);
  guint n_only_right = 0, n_both = 0;

  /* <root>, f:10, g, g;f:10, f:20 */
  g_assert_cmpuint (hearth_diff_get_n_nodes (diff), ==, 5);
  for (guint n = 1; n < 5; n++)
    {
      gboolean l_present = hearth_diff_node_get_present (diff, n, HEARTH_DIFF_SIDE_LEFT);
      gboolean r_present = hearth_diff_node_get_present (diff, n, HEARTH_DIFF_SIDE_RIGHT);
      g_autofree char *location = hearth_diff_node_dup_location (diff, n);

      g_assert_true (r_present);
      if (l_present)
        n_both++;
      else
        {
          n_only_right++;
          g_assert_nonnull (strstr (location, "20"));
        }
    }
  g_assert_cmpuint (n_both, ==, 3);
  g_assert_cmpuint (n_only_right, ==, 1);
}

static void
test_thresholds (void)
{
  double intensity = -1;
  double low, high;

  hearth_diff_get_default_thresholds (HEARTH_DIFF_MODE_RELATIVE, HEARTH_METRIC_CPU_TIME, &low, &high);
  g_assert_cmpfloat (low, ==, 5);
  g_assert_cmpfloat (high, ==, 70);
  hearth_diff_get_default_thresholds (HEARTH_DIFF_MODE_ABSOLUTE, HEARTH_METRIC_CPU_TIME, &low, &high);
  g_assert_cmpfloat (low, ==, 0.5);
  g_assert_cmpfloat (high, ==, 7);
  hearth_diff_get_default_thresholds (HEARTH_DIFF_MODE_ABSOLUTE, HEARTH_METRIC_ALLOC_BYTES, &low, &high);
  g_assert_cmpfloat (low, ==, 500);
  g_assert_cmpfloat (high, ==, 7000);
  hearth_diff_get_default_thresholds (HEARTH_DIFF_MODE_ABSOLUTE, HEARTH_METRIC_ALLOC_COUNT, &low, &high);
  g_assert_cmpfloat (low, ==, 5);
  g_assert_cmpfloat (high, ==, 70);

  /* relative, 25 % and 75 %: d = |R − L| / max × 100 */
  g_assert_cmpint (hearth_diff_classify_values (100, 76, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_SAME);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify_values (100, 75, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify_values (75, 100, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify_values (50, 100, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpfloat (intensity, ==, 0.5);
  g_assert_cmpint (hearth_diff_classify_values (100, 26, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat_with_epsilon (intensity, 49.0 / 50.0, 1e-12);
  g_assert_cmpint (hearth_diff_classify_values (100, 25, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat (intensity, ==, 1);
  g_assert_cmpint (hearth_diff_classify_values (100, 10, HEARTH_DIFF_MODE_RELATIVE, 25, 75, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat (intensity, ==, 1);
  g_assert_cmpint (hearth_diff_classify_values (0, 0, HEARTH_DIFF_MODE_RELATIVE, 0, 75, &intensity), ==, HEARTH_DIFF_CLASS_SAME);
  g_assert_cmpfloat (intensity, ==, 0);
  /* defaults: 5 % is left at 0, 4 % is same */
  g_assert_cmpint (hearth_diff_classify_values (20, 19, HEARTH_DIFF_MODE_RELATIVE, 5, 70, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat_with_epsilon (intensity, 0, 1e-12);
  g_assert_cmpint (hearth_diff_classify_values (25, 24, HEARTH_DIFF_MODE_RELATIVE, 5, 70, &intensity), ==, HEARTH_DIFF_CLASS_SAME);

  /* absolute, 0.5 and 7 (ms) */
  g_assert_cmpint (hearth_diff_classify_values (1, 1.4, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, &intensity), ==, HEARTH_DIFF_CLASS_SAME);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify_values (1, 1.5, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, &intensity), ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify_values (0, 3.75, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, &intensity), ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpfloat (intensity, ==, 0.5);
  g_assert_cmpint (hearth_diff_classify_values (10, 3, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat (intensity, ==, 1);
  g_assert_cmpint (hearth_diff_classify_values (10, 3.25, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat (intensity, ==, 6.25 / 6.5);
  /* bytes, 500 and 7000 */
  g_assert_cmpint (hearth_diff_classify_values (1000, 1499, HEARTH_DIFF_MODE_ABSOLUTE, 500, 7000, &intensity), ==, HEARTH_DIFF_CLASS_SAME);
  g_assert_cmpint (hearth_diff_classify_values (1000, 1500, HEARTH_DIFF_MODE_ABSOLUTE, 500, 7000, &intensity), ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify_values (8000, 1000, HEARTH_DIFF_MODE_ABSOLUTE, 500, 7000, &intensity), ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat (intensity, ==, 1);
  /* high ≤ low: a step */
  g_assert_cmpint (hearth_diff_classify_values (1, 2, HEARTH_DIFF_MODE_ABSOLUTE, 1, 1, &intensity), ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpfloat (intensity, ==, 1);
}

/* The example through the tree in absolute mode: Main and tick differ by
 * 2 ms (intensity 1.5 / 6.5), physics by 1 ms (0.5 / 6.5) */
static void
test_classify_tree (void)
{
  g_autoptr(HearthDiff) diff = build_example ();
  double intensity = -1;

  g_assert_cmpint (hearth_diff_classify (diff, 1, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat_with_epsilon (intensity, 1.5 / 6.5, 1e-9);
  g_assert_cmpint (hearth_diff_classify (diff, 3, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat_with_epsilon (intensity, 0.5 / 6.5, 1e-9);
  /* 1 ms is below a low threshold of 1.5 ms */
  g_assert_cmpint (hearth_diff_classify (diff, 3, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_ABSOLUTE, 1.5, 7, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_SAME);
  /* relative: 1 / 3 = 33.3 % */
  g_assert_cmpint (hearth_diff_classify (diff, 3, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_LEFT);
  g_assert_cmpfloat_with_epsilon (intensity, (100.0 / 3 - 5) / 65, 1e-9);
  g_assert_cmpint (hearth_diff_classify (diff, 3, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 34, 70, FALSE, &intensity),
                   ==, HEARTH_DIFF_CLASS_SAME);
}

static void
test_csv (void)
{
  g_autoptr(HearthDiff) diff = build_example ();
  g_autofree char *relative = hearth_diff_csv (diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE);
  g_autofree char *absolute = hearth_diff_csv (diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, FALSE);

  /* 2 / 6 = 33.333 %: (33.333 − 5) / 65 = 0.435897 */
  g_assert_cmpstr (relative, ==,
                   "path,name,left,right,delta,delta_pct,class,intensity\n"
                   "Main,Main,6.000,4.000,-2.000,-33.333333,left,0.435897\n"
                   "Main;tick,tick,6.000,4.000,-2.000,-33.333333,left,0.435897\n"
                   "Main;tick;physics,physics,3.000,2.000,-1.000,-33.333333,left,0.435897\n"
                   "Main;tick;gc,gc,1.000,0.000,-1.000,-100.000,only-left,1.000\n"
                   "Main;tick;render,render,0.000,1.000,1.000,,only-right,1.000\n");
  /* 1.5 / 6.5 = 0.230769, 0.5 / 6.5 = 0.076923 */
  g_assert_cmpstr (absolute, ==,
                   "path,name,left,right,delta,delta_pct,class,intensity\n"
                   "Main,Main,6.000,4.000,-2.000,-33.333333,left,0.230769\n"
                   "Main;tick,tick,6.000,4.000,-2.000,-33.333333,left,0.230769\n"
                   "Main;tick;physics,physics,3.000,2.000,-1.000,-33.333333,left,0.076923\n"
                   "Main;tick;gc,gc,1.000,0.000,-1.000,-100.000,only-left,1.000\n"
                   "Main;tick;render,render,0.000,1.000,1.000,,only-right,1.000\n");
}

/* Two one-frame captures per side; per-capture physics values (ms):
 *   a: L 10, 12; R 11, 13 → means 11, 12, s² = 2 each, SE = √2 × 1 = 1.414:
 *      |1| < 2.83, noise → same (without the filter: 1 / 12 = 8.3 % → right)
 *   b: L 10, 10; R 20, 20 → SE 0 → right
 *   c: L 10, 14; R 16, 20 → means 12, 18, s² = 8, SE = 2.828: |6| ≥ 5.657 → right */
static HearthProfile *
build_noise_capture (double a,
                     double b,
                     double c)
{
  g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
  const char *names[] = { "a", "b", "c" };
  double values[] = { a, b, c };

  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  for (guint i = 0; i < 3; i++)
    {
      guint n = hearth_profile_builder_get_child (builder, HEARTH_ROOT_NODE,
                                                  fn (builder, HEARTH_FUNCTION_KIND_FUNCTION, names[i]));

      hearth_profile_builder_add_value (builder, n, HEARTH_METRIC_CPU_TIME, values[i] * MS);
    }
  add_frames (builder, 1);
  return hearth_profile_builder_finish (builder);
}

static void
test_noise (void)
{
  g_autoptr(HearthProfile) l1 = build_noise_capture (10, 10, 10);
  g_autoptr(HearthProfile) l2 = build_noise_capture (12, 10, 14);
  g_autoptr(HearthProfile) r1 = build_noise_capture (11, 20, 16);
  g_autoptr(HearthProfile) r2 = build_noise_capture (13, 20, 20);
  HearthProfile *left[] = { l1, l2 };
  HearthProfile *right[] = { r1, r2 };
  HearthProfile *right_one[] = { r1 };
  g_autoptr(HearthDiff) diff = hearth_diff_new (left, 2, right, 2, NULL, NULL);
  g_autoptr(HearthDiff) diff_one = hearth_diff_new (left, 2, right_one, 1, NULL, NULL);
  guint a = find_node (diff, "a");
  guint b = find_node (diff, "b");
  guint c = find_node (diff, "c");
  double mean_l, mean_r, se, intensity;

  g_assert_true (hearth_diff_has_noise_data (diff));
  g_assert_true (hearth_diff_node_get_noise (diff, a, HEARTH_METRIC_CPU_TIME, &mean_l, &mean_r, &se));
  g_assert_cmpfloat_with_epsilon (mean_l, 11 * MS, 1);
  g_assert_cmpfloat_with_epsilon (mean_r, 12 * MS, 1);
  g_assert_cmpfloat_with_epsilon (se, sqrt (2) * MS, 1);
  g_assert_true (hearth_diff_node_get_noise (diff, c, HEARTH_METRIC_CPU_TIME, NULL, NULL, &se));
  g_assert_cmpfloat_with_epsilon (se, sqrt (8) * MS, 1);
  g_assert_false (hearth_diff_node_get_noise (diff, a, HEARTH_METRIC_CALLS, NULL, NULL, NULL));

  g_assert_cmpint (hearth_diff_classify (diff, a, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE, NULL),
                   ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpint (hearth_diff_classify (diff, a, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, TRUE, &intensity),
                   ==, HEARTH_DIFF_CLASS_SAME);
  g_assert_cmpfloat (intensity, ==, 0);
  g_assert_cmpint (hearth_diff_classify (diff, b, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, TRUE, NULL),
                   ==, HEARTH_DIFF_CLASS_RIGHT);
  g_assert_cmpint (hearth_diff_classify (diff, c, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, TRUE, &intensity),
                   ==, HEARTH_DIFF_CLASS_RIGHT);
  /* 6 / 18 = 33.3 % */
  g_assert_cmpfloat_with_epsilon (intensity, (100.0 / 3 - 5) / 65, 1e-9);

  /* one capture on the Right: no noise data, the option changes nothing
   * (c: 12 vs 16) */
  g_assert_false (hearth_diff_has_noise_data (diff_one));
  g_assert_cmpint (hearth_diff_classify (diff_one, find_node (diff_one, "c"), HEARTH_METRIC_CPU_TIME,
                                         HEARTH_DIFF_MODE_RELATIVE, 5, 70, TRUE, NULL),
                   ==, HEARTH_DIFF_CLASS_RIGHT);
}

static void
test_cancel (void)
{
  g_autoptr(HearthProfile) l = build_plain (1000, 1);
  HearthProfile *side[] = { l };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HearthDiff *diff;

  g_cancellable_cancel (cancellable);
  diff = hearth_diff_new (side, 1, side, 1, cancellable, &error);
  g_assert_null (diff);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The flame profile: node n is diff node n; widths max (L, R), a parent
 * raised to fit children that grew on different sides */
static void
test_flame_profile (void)
{
  g_autoptr(HearthDiff) diff = build_example ();
  g_autoptr(HearthProfile) flame = hearth_diff_dup_flame_profile (diff);
  g_autoptr(HearthProfile) l = build_capture ("/c/l.html", 1, 0, 10, -1, -1);
  g_autoptr(HearthProfile) r = build_capture ("/c/r.html", 1, 0, -1, 10, -1);
  HearthProfile *left[] = { l };
  HearthProfile *right[] = { r };
  g_autoptr(HearthDiff) apart = hearth_diff_new (left, 1, right, 1, NULL, NULL);
  g_autoptr(HearthProfile) apart_flame = hearth_diff_dup_flame_profile (apart);
  HearthDiffColoring coloring = { diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE,
                                  HEARTH_DIFF_PALETTE_GREEN_BLUE };
  double fill[4], left_rgb[3];
  gboolean hatch = FALSE;

  g_assert_cmpuint (hearth_profile_get_n_nodes (flame), ==, 6);
  for (guint n = 1; n < 6; n++)
    {
      g_autofree char *a = hearth_diff_node_dup_path (diff, n, ";");
      g_autofree char *b = hearth_profile_node_dup_path (flame, n, ";");

      g_assert_cmpstr (a, ==, b);
    }
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (flame, 1, HEARTH_METRIC_CPU_TIME), 6 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (flame, 3, HEARTH_METRIC_CPU_TIME), 3 * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (flame, 5, HEARTH_METRIC_CPU_TIME), 1 * MS, 1);

  /* tick is 10 ms on both sides, but physics (Left) and gc (Right) need 20 */
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (apart_flame, find_node (apart, "Main;tick"),
                                                                 HEARTH_METRIC_CPU_TIME), 20 * MS, 1);

  /* gc is only on the Left: full green, hatched */
  g_assert_true (hearth_diff_flame_color_func (4, FALSE, fill, &hatch, &coloring));
  g_assert_true (hatch);
  hearth_diff_get_side_color (HEARTH_DIFF_SIDE_LEFT, HEARTH_DIFF_PALETTE_GREEN_BLUE, left_rgb);
  g_assert_cmpfloat_with_epsilon (fill[0], left_rgb[0], 1e-9);
  g_assert_cmpfloat_with_epsilon (fill[1], left_rgb[1], 1e-9);
  g_assert_true (hearth_diff_flame_color_func (3, FALSE, fill, &hatch, &coloring));
  g_assert_false (hatch);
}

static HearthProfile *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return profile;
}

/* Two generated MicroProfiler dumps (bench/gen-diff-dumps.py, 4 frames of
 * 40 ms each) that differ in known places, per frame (ms):
 *   Frame 32.3 → 36 (0.2 self + children), Physics 20 → 22, Render 4 → 8,
 *   AI 4 = 4 (Pathfind 2 = 2), UI 3 → 1, Audio 1 → absent, GC absent → 0.5,
 *   Tween 0.1 → 0.3.
 * Relative: Render 4 / 8 = 50 % → (50 − 5) / 65 = 0.692308; UI and Tween
 * 66.7 % → 0.948718; Physics 2 / 22 = 9.09 % → 0.062937.
 * Absolute: Render 4 ms → 3.5 / 6.5 = 0.538462; Physics and UI 2 ms →
 * 0.230769; Tween 0.2 ms is below 0.5 ms: same. */
static void
test_dumps (void)
{
  g_autoptr(HearthProfile) l = load_fixture ("diff-left.html");
  g_autoptr(HearthProfile) r = load_fixture ("diff-right.html");
  HearthProfile *left[] = { l };
  HearthProfile *right[] = { r };
  g_autoptr(HearthDiff) diff = hearth_diff_new (left, 1, right, 1, NULL, NULL);
  g_autofree char *relative = hearth_diff_csv (diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE);
  g_autofree char *absolute = hearth_diff_csv (diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_ABSOLUTE, 0.5, 7, FALSE);
  g_autofree char *narrow = hearth_diff_csv (diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 60, 70, FALSE);

  g_assert_cmpstr (hearth_diff_get_normalisation_label (diff), ==, "per 1 frame");
  g_assert_cmpstr (relative, ==,
                   "path,name,left,right,delta,delta_pct,class,intensity\n"
                   "Main,Main,32.300,36.000,3.700,11.455108,right,0.081197\n"
                   "Main;Frame,Frame,32.300,36.000,3.700,11.455108,right,0.081197\n"
                   "Main;Frame;Physics,Physics,20.000,22.000,2.000,10.000,right,0.062937\n"
                   "Main;Frame;Render,Render,4.000,8.000,4.000,100.000,right,0.692308\n"
                   "Main;Frame;AI,AI,4.000,4.000,0.000,0.000,same,0.000\n"
                   "Main;Frame;AI;Pathfind,Pathfind,2.000,2.000,0.000,0.000,same,0.000\n"
                   "Main;Frame;UI,UI,3.000,1.000,-2.000,-66.666667,left,0.948718\n"
                   "Main;Frame;Audio,Audio,1.000,0.000,-1.000,-100.000,only-left,1.000\n"
                   "Main;Frame;GC,GC,0.000,0.500,0.500,,only-right,1.000\n"
                   "Main;Frame;Tween,Tween,0.100,0.300,0.200,200.000,right,0.948718\n");
  g_assert_cmpstr (absolute, ==,
                   "path,name,left,right,delta,delta_pct,class,intensity\n"
                   "Main,Main,32.300,36.000,3.700,11.455108,right,0.492308\n"
                   "Main;Frame,Frame,32.300,36.000,3.700,11.455108,right,0.492308\n"
                   "Main;Frame;Physics,Physics,20.000,22.000,2.000,10.000,right,0.230769\n"
                   "Main;Frame;Render,Render,4.000,8.000,4.000,100.000,right,0.538462\n"
                   "Main;Frame;AI,AI,4.000,4.000,0.000,0.000,same,0.000\n"
                   "Main;Frame;AI;Pathfind,Pathfind,2.000,2.000,0.000,0.000,same,0.000\n"
                   "Main;Frame;UI,UI,3.000,1.000,-2.000,-66.666667,left,0.230769\n"
                   "Main;Frame;Audio,Audio,1.000,0.000,-1.000,-100.000,only-left,1.000\n"
                   "Main;Frame;GC,GC,0.000,0.500,0.500,,only-right,1.000\n"
                   "Main;Frame;Tween,Tween,0.100,0.300,0.200,200.000,same,0.000\n");
  /* the low handle at 60 %: only UI and Tween (66.7 %) keep a colour */
  g_assert_nonnull (strstr (narrow, "Main;Frame;Render,Render,4.000,8.000,4.000,100.000,same,0.000\n"));
  g_assert_nonnull (strstr (narrow, "Main;Frame;UI,UI,3.000,1.000,-2.000,-66.666667,left,0.666667\n"));
  g_assert_nonnull (strstr (narrow, "Main;Frame;Tween,Tween,0.100,0.300,0.200,200.000,right,0.666667\n"));
}

/* `hearth-cli flamegraph --left … --right … -o diff.svg` */
static void
test_export_flame (void)
{
  g_autoptr(HearthDiff) diff = build_example ();
  HearthDiffColoring coloring = { diff, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE, 5, 70, FALSE,
                                  HEARTH_DIFF_PALETTE_GREEN_BLUE };
  HearthFlameExportOptions options;
  g_autofree char *dir = g_dir_make_tmp ("hearth-diff-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "diff.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "diff.png", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "diff.txt", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  hearth_flame_export_options_init (&options);
  g_assert_true (hearth_diff_export_flame (diff, &coloring, &options, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_true (hearth_diff_export_flame (diff, &coloring, &options, png, &error));
  g_assert_no_error (error);
  g_assert_false (hearth_diff_export_flame (diff, &coloring, &options, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* no allocation data on either side */
  coloring.metric = HEARTH_METRIC_ALLOC_BYTES;
  g_assert_false (hearth_diff_export_flame (diff, &coloring, &options, svg, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_unlink (svg_path);
  g_unlink (png_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/diff/normalisation", test_normalisation);
  g_test_add_func ("/hearth/diff/normalisation-fallbacks", test_normalisation_fallbacks);
  g_test_add_func ("/hearth/diff/union", test_union);
  g_test_add_func ("/hearth/diff/union-identity", test_union_identity);
  g_test_add_func ("/hearth/diff/thresholds", test_thresholds);
  g_test_add_func ("/hearth/diff/classify-tree", test_classify_tree);
  g_test_add_func ("/hearth/diff/csv", test_csv);
  g_test_add_func ("/hearth/diff/noise", test_noise);
  g_test_add_func ("/hearth/diff/cancel", test_cancel);
  g_test_add_func ("/hearth/diff/flame-profile", test_flame_profile);
  g_test_add_func ("/hearth/diff/dumps", test_dumps);
  g_test_add_func ("/hearth/diff/export-flame", test_export_flame);

  return g_test_run ();
}
