/* test-combine.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hearth-combine.h"
#include "hearth-profile-builder.h"

#define MS 1e6

static guint
fn (HearthProfileBuilder *b,
    HearthFunctionKind    kind,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, kind, name, NULL, 0, NULL, 0);
}

/* Finds the child of @node whose function has @name */
static guint
child (HearthProfile *p,
       guint          node,
       const char    *name)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (p);

  for (guint32 c = tree->first_child[node]; c != HEARTH_NO_INDEX; c = tree->next_sibling[c])
    if (g_strcmp0 (hearth_profile_function_get_name (p, tree->function[c]), name) == 0)
      return c;

  g_error ("no child %s under node %u", name, node);
  return HEARTH_NO_INDEX;
}

static guint
find_function (HearthProfile *p,
               const char    *name)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (p); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (p, f), name) == 0)
      return f;
  g_error ("no function %s", name);
  return HEARTH_NO_INDEX;
}

static void
add_frames (HearthProfileBuilder *b,
            guint                 n,
            double                start)
{
  for (guint i = 0; i < n; i++)
    {
      HearthFrame frame;

      hearth_frame_init (&frame);
      frame.start_ms = start + i * 16.0;
      frame.end_ms = start + (i + 1) * 16.0;
      hearth_profile_builder_add_frame (b, &frame);
    }
}

/* A: 2 frames, 1000 ms, place 123
 *   Main (thread) → tick self 2 ms, 2 calls → physics self 4 ms, 2 calls */
static HearthProfile *
build_a (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_n, tick, physics;

  hearth_profile_builder_set_format (b, "microprofile", "MicroProfiler");
  hearth_profile_builder_set_file_name (b, "/captures/a.html");
  hearth_profile_builder_set_session_ms (b, 1000);
  hearth_profile_builder_set_place_id (b, "123");
  hearth_profile_builder_set_mode (b, "client");
  hearth_profile_builder_set_metadata (b, "engine", "roblox");
  hearth_profile_builder_set_metadata (b, "version", "1");
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);

  main_n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Main"));
  tick = hearth_profile_builder_get_child (b, main_n, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "tick"));
  physics = hearth_profile_builder_get_child (b, tick, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "physics"));
  hearth_profile_builder_set_function_color (b, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "physics"), 0x112233);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CPU_TIME, 2 * MS);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CALLS, 2);
  hearth_profile_builder_add_value (b, physics, HEARTH_METRIC_CPU_TIME, 4 * MS);
  hearth_profile_builder_add_value (b, physics, HEARTH_METRIC_CALLS, 2);
  hearth_profile_builder_add_thread (b, "Main", main_n, FALSE, FALSE);
  add_frames (b, 2, 0);

  return hearth_profile_builder_finish (b);
}

/* B: 3 frames, 500 ms, place 456, a warning, allocation counts
 *   Main (thread, clobbered) → tick self 1 ms, 3 calls → render self 5 ms, 3 calls, 7 allocs
 *   Render (GPU thread) → gpu self 6 ms */
static HearthProfile *
build_b (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_n, tick, render, gpu_thread, gpu;

  hearth_profile_builder_set_format (b, "microprofile", "MicroProfiler");
  hearth_profile_builder_set_file_name (b, "/captures/b.html");
  hearth_profile_builder_set_session_ms (b, 500);
  hearth_profile_builder_set_place_id (b, "456");
  hearth_profile_builder_set_mode (b, "client");
  hearth_profile_builder_set_approximate (b, TRUE);
  hearth_profile_builder_set_metadata (b, "engine", "roblox");
  hearth_profile_builder_set_metadata (b, "version", "2");
  hearth_profile_builder_add_warning (b, "skipped %d block", 1);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_COUNT, HEARTH_VALUE_SELF);

  /* the GPU thread first: its function ids differ from A's */
  gpu_thread = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Render"));
  gpu = hearth_profile_builder_get_child (b, gpu_thread, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "gpu"));
  main_n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Main"));
  tick = hearth_profile_builder_get_child (b, main_n, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "tick"));
  render = hearth_profile_builder_get_child (b, tick, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "render"));
  hearth_profile_builder_add_value (b, gpu, HEARTH_METRIC_CPU_TIME, 6 * MS);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CPU_TIME, 1 * MS);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CALLS, 3);
  hearth_profile_builder_add_value (b, render, HEARTH_METRIC_CPU_TIME, 5 * MS);
  hearth_profile_builder_add_value (b, render, HEARTH_METRIC_CALLS, 3);
  hearth_profile_builder_add_value (b, render, HEARTH_METRIC_ALLOC_COUNT, 7);
  hearth_profile_builder_add_thread (b, "Render", gpu_thread, TRUE, FALSE);
  hearth_profile_builder_add_thread (b, "Main", main_n, FALSE, TRUE);
  add_frames (b, 3, 100);

  return hearth_profile_builder_finish (b);
}

static void
test_single (void)
{
  g_autoptr(HearthProfile) a = build_a ();
  HearthProfile *profiles[] = { a };
  g_autoptr(HearthProfile) c = hearth_profile_combine (profiles, 1);

  g_assert_true (c == a);
}

static void
test_two (void)
{
  g_autoptr(HearthProfile) a = build_a ();
  g_autoptr(HearthProfile) b = build_b ();
  HearthProfile *profiles[] = { a, b };
  g_autoptr(HearthProfile) c = hearth_profile_combine (profiles, 2);
  const char * const *warnings;
  const HearthThreadInfo *thread;
  guint main_n, tick, physics, render, gpu_thread, gpu;
  guint32 rgb = 0;

  /* <root>, Main, tick, physics, render, Render, gpu */
  g_assert_cmpuint (hearth_profile_get_n_nodes (c), ==, 7);
  main_n = child (c, 0, "Main");
  tick = child (c, main_n, "tick");
  physics = child (c, tick, "physics");
  render = child (c, tick, "render");
  gpu_thread = child (c, 0, "Render");
  gpu = child (c, gpu_thread, "gpu");
  g_assert_cmpuint (hearth_profile_node_get_n_children (c, 0), ==, 2);
  g_assert_cmpuint (hearth_profile_node_get_n_children (c, tick), ==, 2);

  /* 2 + 4 + 1 + 5 + 6 ms */
  g_assert_cmpfloat (hearth_profile_get_root_total (c, HEARTH_METRIC_CPU_TIME), ==, 18 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, main_n, HEARTH_METRIC_CPU_TIME), ==, 12 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, tick, HEARTH_METRIC_CPU_TIME), ==, 12 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_self (c, tick, HEARTH_METRIC_CPU_TIME), ==, 3 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, physics, HEARTH_METRIC_CPU_TIME), ==, 4 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, render, HEARTH_METRIC_CPU_TIME), ==, 5 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, gpu_thread, HEARTH_METRIC_CPU_TIME), ==, 6 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_self (c, gpu, HEARTH_METRIC_CPU_TIME), ==, 6 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_self (c, tick, HEARTH_METRIC_CALLS), ==, 5);
  g_assert_cmpfloat (hearth_profile_node_get_self (c, physics, HEARTH_METRIC_CALLS), ==, 2);
  g_assert_cmpfloat (hearth_profile_node_get_self (c, render, HEARTH_METRIC_CALLS), ==, 3);
  /* a metric of one input only */
  g_assert_true (hearth_profile_has_metric (c, HEARTH_METRIC_ALLOC_COUNT));
  g_assert_false (hearth_profile_has_metric (c, HEARTH_METRIC_ALLOC_BYTES));
  g_assert_cmpfloat (hearth_profile_node_get_total (c, tick, HEARTH_METRIC_ALLOC_COUNT), ==, 7);
  g_assert_cmpfloat (hearth_profile_function_get_total (c, find_function (c, "tick"),
                                                        HEARTH_METRIC_CPU_TIME), ==, 12 * MS);
  g_assert_true (hearth_profile_function_get_color (c, find_function (c, "physics"), &rgb));
  g_assert_cmphex (rgb, ==, 0x112233);

  /* frames concatenated in input order */
  g_assert_cmpuint (hearth_profile_get_n_frames (c), ==, 5);
  g_assert_cmpfloat (hearth_profile_get_frame (c, 0)->start_ms, ==, 0);
  g_assert_cmpfloat (hearth_profile_get_frame (c, 1)->start_ms, ==, 16);
  g_assert_cmpfloat (hearth_profile_get_frame (c, 2)->start_ms, ==, 100);
  g_assert_cmpfloat (hearth_profile_get_frame (c, 4)->start_ms, ==, 132);

  /* threads merged by name, in order of first appearance */
  g_assert_cmpuint (hearth_profile_get_n_threads (c), ==, 2);
  thread = hearth_profile_get_thread (c, 0);
  g_assert_cmpstr (thread->name, ==, "Main");
  g_assert_cmpuint (thread->node, ==, main_n);
  g_assert_false (thread->gpu);
  g_assert_true (thread->clobbered);
  thread = hearth_profile_get_thread (c, 1);
  g_assert_cmpstr (thread->name, ==, "Render");
  g_assert_cmpuint (thread->node, ==, gpu_thread);
  g_assert_true (thread->gpu);

  /* metadata */
  g_assert_cmpstr (hearth_profile_get_format (c), ==, "microprofile");
  g_assert_cmpstr (hearth_profile_get_format_name (c), ==, "2 captures");
  g_assert_null (hearth_profile_get_file_name (c));
  g_assert_cmpfloat (hearth_profile_get_session_ms (c), ==, 1500);
  g_assert_cmpuint (hearth_profile_get_n_sources (c), ==, 2);
  g_assert_null (hearth_profile_get_place_id (c));
  g_assert_cmpstr (hearth_profile_get_metadata (c, "place-ids"), ==, "123,456");
  g_assert_cmpstr (hearth_profile_get_metadata (c, "engine"), ==, "roblox");
  g_assert_null (hearth_profile_get_metadata (c, "version"));
  g_assert_cmpstr (hearth_profile_get_mode (c), ==, "client");
  g_assert_true (hearth_profile_get_approximate (c));
  warnings = hearth_profile_get_warnings (c);
  g_assert_nonnull (warnings);
  g_assert_cmpstr (warnings[0], ==, "b.html: skipped 1 block");
  g_assert_null (warnings[1]);
}

static void
test_per_frame (void)
{
  g_autoptr(HearthProfile) a = build_a ();
  g_autoptr(HearthProfile) b = build_b ();
  HearthProfile *profiles[] = { a, b };
  g_autoptr(HearthProfile) c = hearth_profile_combine (profiles, 2);
  g_autoptr(HearthProfile) avg = hearth_profile_per_frame (c);
  guint main_n, tick, physics;

  g_assert_nonnull (avg);
  g_assert_cmpstr (hearth_profile_get_normalisation (avg), ==, "per 1 frame");
  g_assert_cmpuint (hearth_profile_get_n_frames (avg), ==, 5);
  g_assert_cmpfloat (hearth_profile_get_session_ms (avg), ==, 1500);

  main_n = child (avg, 0, "Main");
  tick = child (avg, main_n, "tick");
  physics = child (avg, tick, "physics");
  /* sums / 5 frames: 18 ms → 3.6, tick 12 → 2.4 (self 3 → 0.6), physics 4 → 0.8,
   * tick calls 5 → 1 */
  g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (avg, HEARTH_METRIC_CPU_TIME), 3.6 * MS, 1e-6);
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (avg, tick, HEARTH_METRIC_CPU_TIME), 2.4 * MS, 1e-6);
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_self (avg, tick, HEARTH_METRIC_CPU_TIME), 0.6 * MS, 1e-6);
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (avg, physics, HEARTH_METRIC_CPU_TIME), 0.8 * MS, 1e-6);
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_self (avg, tick, HEARTH_METRIC_CALLS), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_total (avg, find_function (avg, "tick"),
                                                                     HEARTH_METRIC_CPU_TIME), 2.4 * MS, 1e-6);
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_self (avg, find_function (avg, "tick"),
                                                                    HEARTH_METRIC_CPU_TIME), 0.6 * MS, 1e-6);
  /* the thread keeps its node */
  g_assert_cmpuint (hearth_profile_get_thread (avg, 0)->node, ==, main_n);
  g_assert_cmpstr (hearth_profile_get_metadata (avg, "place-ids"), ==, "123,456");
}

/* Script Profiler example (inclusive values, µs → ns):
 * Heartbeat 6000 → EnemyAI 6000 → updateTargets 6000 (self 3000) → findPath 3000 */
static HearthProfile *
build_inclusive (const char *place_id,
                 const char *format)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint heartbeat, enemy_ai, update, find_path;

  hearth_profile_builder_set_format (b, format, NULL);
  hearth_profile_builder_set_session (b, 1718000000000.0, 1718000001000.0);
  hearth_profile_builder_set_place_id (b, place_id);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);
  heartbeat = hearth_profile_builder_add_child (b, 0, fn (b, HEARTH_FUNCTION_KIND_CATEGORY, "Heartbeat"));
  enemy_ai = hearth_profile_builder_add_child (b, heartbeat, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "EnemyAI"));
  update = hearth_profile_builder_add_child (b, enemy_ai, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "updateTargets"));
  find_path = hearth_profile_builder_add_child (b, update, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "findPath"));
  hearth_profile_builder_set_value (b, heartbeat, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, enemy_ai, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, update, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, find_path, HEARTH_METRIC_CPU_TIME, 3000e3);

  return hearth_profile_builder_finish (b);
}

static void
test_inclusive_three (void)
{
  g_autoptr(HearthProfile) x = build_inclusive ("42", "script-profiler-v2");
  g_autoptr(HearthProfile) y = build_inclusive ("42", "script-profiler-v2");
  g_autoptr(HearthProfile) z = build_inclusive ("42", "script-profiler-v1");
  HearthProfile *profiles[] = { x, y, z };
  g_autoptr(HearthProfile) c = hearth_profile_combine (profiles, 3);
  guint heartbeat, enemy_ai, update;

  g_assert_cmpuint (hearth_profile_get_n_nodes (c), ==, 5);
  heartbeat = child (c, 0, "Heartbeat");
  enemy_ai = child (c, heartbeat, "EnemyAI");
  update = child (c, enemy_ai, "updateTargets");
  g_assert_cmpfloat (hearth_profile_get_root_total (c, HEARTH_METRIC_CPU_TIME), ==, 18000e3);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, update, HEARTH_METRIC_CPU_TIME), ==, 18000e3);
  /* self 6000 − 3000 µs in each input */
  g_assert_cmpfloat (hearth_profile_node_get_self (c, update, HEARTH_METRIC_CPU_TIME), ==, 9000e3);
  g_assert_cmpfloat (hearth_profile_node_get_total (c, child (c, update, "findPath"), HEARTH_METRIC_CPU_TIME),
                     ==, 9000e3);
  g_assert_cmpuint (hearth_profile_function_get_kind (c, hearth_profile_node_get_function (c, heartbeat)),
                    ==, HEARTH_FUNCTION_KIND_CATEGORY);

  g_assert_cmpstr (hearth_profile_get_format (c), ==, "combined");
  g_assert_cmpstr (hearth_profile_get_format_name (c), ==, "3 captures");
  g_assert_cmpuint (hearth_profile_get_n_sources (c), ==, 3);
  g_assert_cmpstr (hearth_profile_get_place_id (c), ==, "42");
  g_assert_null (hearth_profile_get_metadata (c, "place-ids"));
  g_assert_cmpfloat (hearth_profile_get_session_ms (c), ==, 3000);
  g_assert_null (hearth_profile_get_warnings (c)[0]);
  g_assert_false (hearth_profile_get_approximate (c));
  /* no frames: no per-frame average */
  g_assert_null (hearth_profile_per_frame (c));
}

static void
test_nested_sources (void)
{
  g_autoptr(HearthProfile) x = build_inclusive ("1", "script-profiler-v2");
  g_autoptr(HearthProfile) y = build_inclusive ("2", "script-profiler-v2");
  g_autoptr(HearthProfile) z = build_inclusive (NULL, "script-profiler-v2");
  HearthProfile *pair[] = { x, y };
  g_autoptr(HearthProfile) xy = hearth_profile_combine (pair, 2);
  HearthProfile *all[] = { xy, z };
  g_autoptr(HearthProfile) c = hearth_profile_combine (all, 2);

  /* a combined input counts its own sources */
  g_assert_cmpuint (hearth_profile_get_n_sources (c), ==, 3);
  g_assert_cmpstr (hearth_profile_get_format (c), ==, "script-profiler-v2");
  g_assert_cmpfloat (hearth_profile_get_root_total (c, HEARTH_METRIC_CPU_TIME), ==, 18000e3);
  g_assert_null (hearth_profile_get_place_id (c));
}

static void
test_scale (void)
{
  g_autoptr(HearthProfile) p = build_inclusive ("42", "script-profiler-v2");
  g_autoptr(HearthProfile) s = hearth_profile_scale (p, 60, "per 1 min");
  guint update;

  g_assert_cmpuint (hearth_profile_get_n_nodes (s), ==, hearth_profile_get_n_nodes (p));
  g_assert_cmpuint (hearth_profile_get_n_functions (s), ==, hearth_profile_get_n_functions (p));
  for (guint n = 0; n < hearth_profile_get_n_nodes (p); n++)
    {
      g_assert_cmpuint (hearth_profile_node_get_function (s, n), ==, hearth_profile_node_get_function (p, n));
      g_assert_cmpuint (hearth_profile_node_get_parent (s, n), ==, hearth_profile_node_get_parent (p, n));
    }

  update = child (s, child (s, child (s, 0, "Heartbeat"), "EnemyAI"), "updateTargets");
  /* 6000 µs × 60 = 360 ms; self 3000 µs × 60 = 180 ms */
  g_assert_cmpfloat (hearth_profile_get_root_total (s, HEARTH_METRIC_CPU_TIME), ==, 360 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_total (s, update, HEARTH_METRIC_CPU_TIME), ==, 360 * MS);
  g_assert_cmpfloat (hearth_profile_node_get_self (s, update, HEARTH_METRIC_CPU_TIME), ==, 180 * MS);
  g_assert_cmpfloat (hearth_profile_function_get_total (s, find_function (s, "findPath"),
                                                        HEARTH_METRIC_CPU_TIME), ==, 180 * MS);
  g_assert_cmpstr (hearth_profile_get_normalisation (s), ==, "per 1 min");
  g_assert_null (hearth_profile_get_normalisation (p));
  g_assert_cmpstr (hearth_profile_get_format (s), ==, "script-profiler-v2");
  g_assert_cmpstr (hearth_profile_get_place_id (s), ==, "42");
  g_assert_cmpfloat (hearth_profile_get_session_ms (s), ==, 1000);
  g_assert_cmpfloat (hearth_profile_get_session_start_ms (s), ==, 1718000000000.0);
  /* the original is untouched */
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 6 * MS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/combine/single", test_single);
  g_test_add_func ("/hearth/combine/two", test_two);
  g_test_add_func ("/hearth/combine/per-frame", test_per_frame);
  g_test_add_func ("/hearth/combine/inclusive-three", test_inclusive_three);
  g_test_add_func ("/hearth/combine/nested-sources", test_nested_sources);
  g_test_add_func ("/hearth/combine/scale", test_scale);

  return g_test_run ();
}
