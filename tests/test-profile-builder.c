/* test-profile-builder.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hearth-profile-builder.h"

static guint
fn (HearthProfileBuilder *b,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                 name, NULL, 0, NULL, 0);
}

static guint
find_function (HearthProfile *p,
               const char    *name)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (p); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (p, f), name) == 0)
      return f;
  g_assert_not_reached ();
  return HEARTH_NO_INDEX;
}

/* The folded-stacks example of interchange.md §1.1, added as self values:
 *   main;update;physics 1200 / main;update;ai;findPath 800 / main;render 2000 /
 *   main;update;physics 300
 * → main 4300 (self 0); update 2300; physics 1500; ai 800; findPath 800; render 2000 */
static void
test_self_mode (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  guint main_n, update, physics, ai, find_path, render;
  const HearthCallTree *tree;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  main_n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, "main"));
  update = hearth_profile_builder_get_child (b, main_n, fn (b, "update"));
  physics = hearth_profile_builder_get_child (b, update, fn (b, "physics"));
  hearth_profile_builder_add_value (b, physics, HEARTH_METRIC_CPU_TIME, 1200);
  ai = hearth_profile_builder_get_child (b, update, fn (b, "ai"));
  find_path = hearth_profile_builder_get_child (b, ai, fn (b, "findPath"));
  hearth_profile_builder_add_value (b, find_path, HEARTH_METRIC_CPU_TIME, 800);
  render = hearth_profile_builder_get_child (b, main_n, fn (b, "render"));
  hearth_profile_builder_add_value (b, render, HEARTH_METRIC_CPU_TIME, 2000);
  /* the same path again merges into the same node */
  g_assert_cmpuint (hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, "main")), ==, main_n);
  g_assert_cmpuint (hearth_profile_builder_get_child (b, main_n, fn (b, "update")), ==, update);
  g_assert_cmpuint (hearth_profile_builder_get_child (b, update, fn (b, "physics")), ==, physics);
  hearth_profile_builder_add_value (b, physics, HEARTH_METRIC_CPU_TIME, 300);

  p = hearth_profile_builder_finish (b);
  tree = hearth_profile_get_call_tree (p);

  g_assert_cmpuint (tree->n_nodes, ==, 7);
  g_assert_true (hearth_profile_has_metric (p, HEARTH_METRIC_CPU_TIME));
  g_assert_false (hearth_profile_has_metric (p, HEARTH_METRIC_CALLS));
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 4300);

  /* pre-order: <root>, main, update, physics, ai, findPath, render */
  g_assert_cmpstr (hearth_profile_function_get_name (p, tree->function[1]), ==, "main");
  g_assert_cmpstr (hearth_profile_function_get_name (p, tree->function[3]), ==, "physics");
  g_assert_cmpstr (hearth_profile_function_get_name (p, tree->function[5]), ==, "findPath");
  g_assert_cmpstr (hearth_profile_function_get_name (p, tree->function[6]), ==, "render");
  g_assert_cmpuint (tree->subtree_end[0], ==, 7);
  g_assert_cmpuint (tree->subtree_end[2], ==, 6);
  g_assert_cmpuint (tree->subtree_end[4], ==, 6);
  g_assert_cmpuint (tree->depth[5], ==, 4);
  g_assert_cmpuint (tree->parent[6], ==, 1);

  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][1], ==, 4300);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CPU_TIME][1], ==, 0);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][2], ==, 2300);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][3], ==, 1500);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CPU_TIME][3], ==, 1500);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][4], ==, 800);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CPU_TIME][4], ==, 0);

  g_assert_cmpfloat (hearth_profile_function_get_total (p, find_function (p, "update"), HEARTH_METRIC_CPU_TIME), ==, 2300);
  g_assert_cmpfloat (hearth_profile_function_get_self (p, find_function (p, "render"), HEARTH_METRIC_CPU_TIME), ==, 2000);

  {
    g_autofree char *path = hearth_profile_node_dup_path (p, 5, ";");
    g_assert_cmpstr (path, ==, "main;update;ai;findPath");
  }
  {
    guint n = 0;
    g_autofree guint *children = hearth_profile_node_dup_children_sorted (p, 1, HEARTH_METRIC_CPU_TIME, &n);

    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpstr (hearth_profile_function_get_name (p, tree->function[children[0]]), ==, "update");
    g_assert_cmpstr (hearth_profile_function_get_name (p, tree->function[children[1]]), ==, "render");
  }
}

/* Inclusive mode: self = total − Σ children, clamped at 0 */
static void
test_inclusive_mode (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  guint cat, a, c1, c2;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);
  cat = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
                                          hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_CATEGORY,
                                                                                  "Heartbeat", NULL, 0, NULL, 0));
  a = hearth_profile_builder_add_child (b, cat, fn (b, "a"));
  c1 = hearth_profile_builder_add_child (b, a, fn (b, "b"));
  c2 = hearth_profile_builder_add_child (b, a, fn (b, "c"));
  hearth_profile_builder_set_value (b, cat, HEARTH_METRIC_CPU_TIME, 6000);
  hearth_profile_builder_set_value (b, a, HEARTH_METRIC_CPU_TIME, 6000);
  hearth_profile_builder_set_value (b, c1, HEARTH_METRIC_CPU_TIME, 3000);
  hearth_profile_builder_set_value (b, c2, HEARTH_METRIC_CPU_TIME, 4000);   /* children exceed parent */

  p = hearth_profile_builder_finish (b);
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 6000);
  g_assert_cmpfloat (hearth_profile_node_get_self (p, 0, HEARTH_METRIC_CPU_TIME), ==, 0);
  g_assert_cmpfloat (hearth_profile_node_get_self (p, 1, HEARTH_METRIC_CPU_TIME), ==, 0);
  g_assert_cmpfloat (hearth_profile_node_get_self (p, 2, HEARTH_METRIC_CPU_TIME), ==, 0);  /* clamped */
  g_assert_cmpfloat (hearth_profile_node_get_self (p, 3, HEARTH_METRIC_CPU_TIME), ==, 3000);
  g_assert_true (hearth_profile_function_is_root_label (p, hearth_profile_node_get_function (p, 1)));
  g_assert_false (hearth_profile_function_is_root_label (p, hearth_profile_node_get_function (p, 2)));
}

/* Recursion: a → a → a. The function counts once per path, self adds up */
static void
test_recursion_once_per_path (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  guint a = fn (b, "a"), x = fn (b, "x");
  guint n1, n2, n3, n4;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  n1 = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, a);
  n2 = hearth_profile_builder_get_child (b, n1, a);
  n3 = hearth_profile_builder_get_child (b, n2, a);
  n4 = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, x);
  hearth_profile_builder_add_value (b, n1, HEARTH_METRIC_CPU_TIME, 10);
  hearth_profile_builder_add_value (b, n2, HEARTH_METRIC_CPU_TIME, 20);
  hearth_profile_builder_add_value (b, n3, HEARTH_METRIC_CPU_TIME, 30);
  hearth_profile_builder_add_value (b, n4, HEARTH_METRIC_CPU_TIME, 5);
  hearth_profile_builder_add_value (b, n1, HEARTH_METRIC_CALLS, 1);
  hearth_profile_builder_add_value (b, n2, HEARTH_METRIC_CALLS, 2);
  hearth_profile_builder_add_value (b, n3, HEARTH_METRIC_CALLS, 4);
  /* a node appended with a function that exists already under the same parent */
  hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, x);

  p = hearth_profile_builder_finish (b);
  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 6);
  g_assert_cmpfloat (hearth_profile_function_get_total (p, a, HEARTH_METRIC_CPU_TIME), ==, 60);
  g_assert_cmpfloat (hearth_profile_function_get_self (p, a, HEARTH_METRIC_CPU_TIME), ==, 60);
  g_assert_cmpfloat (hearth_profile_function_get_self (p, a, HEARTH_METRIC_CALLS), ==, 7);
  g_assert_cmpfloat (hearth_profile_function_get_total (p, x, HEARTH_METRIC_CPU_TIME), ==, 5);
  g_assert_cmpuint (hearth_profile_function_get_n_nodes (p, a), ==, 3);
  g_assert_cmpuint (hearth_profile_function_get_n_nodes (p, x), ==, 2);
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 65);
}

static void
test_metadata_and_names (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_auto(GStrv) keys = NULL;
  guint anon, native, c, sep;
  g_autofree char *n1 = NULL, *n2 = NULL, *l1 = NULL, *l2 = NULL, *l3 = NULL, *path = NULL;
  guint node;

  hearth_profile_builder_set_format (b, "test", "Test Format");
  hearth_profile_builder_set_file_name (b, "/tmp/some/capture.json");
  hearth_profile_builder_set_session (b, 1718000000000.0, 1718000001000.0);
  hearth_profile_builder_set_metadata (b, "b-key", "2");
  hearth_profile_builder_set_metadata (b, "a-key", "1");
  hearth_profile_builder_add_warning (b, "skipped %d lines", 3);

  anon = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, NULL, "Script.X", 1, NULL, 0);
  native = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "upd", "S", 42, NULL,
                                                   HEARTH_FUNCTION_FLAG_NATIVE);
  c = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "WorldRoot.Raycast", "[C]", 0, NULL, 0);
  sep = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "a;b", NULL, 0, NULL, 0);
  g_assert_cmpuint (native, ==, hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "upd", "S", 42, NULL,
                                                                          HEARTH_FUNCTION_FLAG_NATIVE));
  g_assert_cmpuint (native, !=, hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "upd", "S", 42, NULL, 0));
  node = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, native);
  node = hearth_profile_builder_add_child (b, node, sep);

  p = hearth_profile_builder_finish (b);
  g_assert_cmpstr (hearth_profile_get_format (p), ==, "test");
  g_assert_cmpfloat (hearth_profile_get_session_ms (p), ==, 1000);
  g_assert_cmpstr (hearth_profile_get_warnings (p)[0], ==, "skipped 3 lines");
  g_assert_null (hearth_profile_get_warnings (p)[1]);
  keys = hearth_profile_list_metadata_keys (p);
  g_assert_cmpstr (keys[0], ==, "a-key");
  g_assert_cmpstr (keys[1], ==, "b-key");
  g_assert_cmpstr (hearth_profile_get_metadata (p, "b-key"), ==, "2");

  n1 = hearth_profile_function_dup_display_name (p, anon);
  n2 = hearth_profile_function_dup_display_name (p, native);
  l1 = hearth_profile_function_dup_location (p, anon);
  l2 = hearth_profile_function_dup_location (p, c);
  l3 = hearth_profile_function_dup_location (p, sep);
  g_assert_cmpstr (n1, ==, "<anonymous>");
  g_assert_cmpstr (n2, ==, "upd <native>");
  g_assert_cmpstr (l1, ==, "Script.X:1");
  g_assert_cmpstr (l2, ==, "[C]");
  g_assert_cmpstr (l3, ==, "a;b");
  path = hearth_profile_node_dup_path (p, node, ";");
  g_assert_cmpstr (path, ==, "upd <native>;a:b");
}

/* Deep chains must not overflow the stack: the builder walks iteratively */
static void
test_deep_chain (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  guint node = HEARTH_ROOT_NODE;
  guint f = fn (b, "deep");

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  for (guint i = 0; i < 200000; i++)
    {
      node = hearth_profile_builder_add_child (b, node, f);
      hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CPU_TIME, 1);
    }

  p = hearth_profile_builder_finish (b);
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 200000);
  g_assert_cmpfloat (hearth_profile_function_get_total (p, f, HEARTH_METRIC_CPU_TIME), ==, 200000);
  g_assert_cmpuint (hearth_profile_node_get_depth (p, 200000), ==, 200000);
}

/* Sums @metric of the function called @name in @frame */
static double
frame_sum (HearthProfile *p,
           guint          frame,
           const char    *name,
           HearthMetric   metric,
           guint         *n_entries)
{
  guint n = 0;
  const HearthFrameValue *v = hearth_profile_get_frame_values (p, frame, &n);
  double sum = 0;

  if (n_entries != NULL)
    *n_entries = n;
  for (guint i = 0; i < n; i++)
    if (v[i].metric == (guint32) metric &&
        g_strcmp0 (hearth_profile_function_get_name (p, hearth_profile_node_get_function (p, v[i].node)), name) == 0)
      sum += v[i].value;
  return sum;
}

/* Entries handed over in any frame order, through a node map, some to be
 * dropped, end up grouped by frame: the in-place counting sort */
static void
test_take_frame_values (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  HearthFrame fr;
  HearthFrameValue *v = g_new (HearthFrameValue, 9);
  guint main_n, update, render, n;
  /* importer's own node ids: 0 main, 1 update, 2 render, 3 unmapped */
  guint32 map[4];

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  main_n = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, "main"));
  render = hearth_profile_builder_get_child (b, main_n, fn (b, "render"));
  update = hearth_profile_builder_get_child (b, main_n, fn (b, "update"));
  map[0] = main_n;
  map[1] = update;
  map[2] = render;
  map[3] = HEARTH_NO_INDEX;
  for (guint f = 0; f < 3; f++)
    {
      hearth_frame_init (&fr);
      fr.start_ms = f * 10.0;
      fr.end_ms = fr.start_ms + 10;
      hearth_profile_builder_add_frame (b, &fr);
    }
  hearth_profile_builder_add_value (b, update, HEARTH_METRIC_CPU_TIME, 1);

  /* one entry added the ordinary way first: take appends */
  hearth_profile_builder_add_frame_value (b, 1, render, HEARTH_METRIC_CPU_TIME, 4);
  v[0] = (HearthFrameValue) { 1, HEARTH_FRAME_VALUE_KEY (2, HEARTH_METRIC_CPU_TIME), 5 };
  v[1] = (HearthFrameValue) { 0, HEARTH_FRAME_VALUE_KEY (0, HEARTH_METRIC_CPU_TIME), 7 };
  v[2] = (HearthFrameValue) { 2, HEARTH_FRAME_VALUE_KEY (1, HEARTH_METRIC_CPU_TIME), 2 };
  v[3] = (HearthFrameValue) { 1, HEARTH_FRAME_VALUE_KEY (0, HEARTH_METRIC_CALLS), 3 };
  v[4] = (HearthFrameValue) { 3, HEARTH_FRAME_VALUE_KEY (0, HEARTH_METRIC_CPU_TIME), 100 };   /* unmapped */
  v[5] = (HearthFrameValue) { 1, HEARTH_FRAME_VALUE_KEY (7, HEARTH_METRIC_CPU_TIME), 100 };   /* no frame 7 */
  v[6] = (HearthFrameValue) { 1, HEARTH_FRAME_VALUE_KEY (2, HEARTH_METRIC_ALLOC_COUNT), 100 }; /* not enabled */
  v[7] = (HearthFrameValue) { 1, HEARTH_FRAME_VALUE_KEY (2, HEARTH_METRIC_CPU_TIME), 0 };     /* zero */
  v[8] = (HearthFrameValue) { 1, HEARTH_FRAME_VALUE_KEY (2, HEARTH_METRIC_CPU_TIME), 6 };     /* repeated key */
  hearth_profile_builder_take_frame_values (b, v, 9, map, G_N_ELEMENTS (map));
  p = hearth_profile_builder_finish (b);

  g_assert_true (hearth_profile_has_frame_values (p));
  g_assert_cmpfloat (frame_sum (p, 0, "main", HEARTH_METRIC_CPU_TIME, &n), ==, 7);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (frame_sum (p, 0, "update", HEARTH_METRIC_CALLS, NULL), ==, 3);
  g_assert_cmpfloat (frame_sum (p, 1, "render", HEARTH_METRIC_CPU_TIME, &n), ==, 6);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (frame_sum (p, 2, "update", HEARTH_METRIC_CPU_TIME, &n), ==, 11);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (frame_sum (p, 2, "update", HEARTH_METRIC_ALLOC_COUNT, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/profile-builder/self-mode", test_self_mode);
  g_test_add_func ("/hearth/profile-builder/inclusive-mode", test_inclusive_mode);
  g_test_add_func ("/hearth/profile-builder/recursion-once-per-path", test_recursion_once_per_path);
  g_test_add_func ("/hearth/profile-builder/metadata-and-names", test_metadata_and_names);
  g_test_add_func ("/hearth/profile-builder/deep-chain", test_deep_chain);
  g_test_add_func ("/hearth/profile-builder/take-frame-values", test_take_frame_values);

  return g_test_run ();
}
