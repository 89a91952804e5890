/* test-bottom-up.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hearth-bottom-up.h"
#include "hearth-profile-builder.h"

static guint
fn (HearthProfileBuilder *b,
    HearthFunctionKind    kind,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, kind, name, NULL, 0, NULL, 0);
}

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
add_stack (HearthProfileBuilder *b,
           const char           *stack,
           double                value,
           double                calls)
{
  g_auto(GStrv) frames = g_strsplit (stack, ";", -1);
  guint node = HEARTH_ROOT_NODE;

  for (guint i = 0; frames[i] != NULL; i++)
    node = hearth_profile_builder_get_child (b, node, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, frames[i]));
  hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CPU_TIME, value);
  hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CALLS, calls);
}

/* The folded example (interchange.md §1.1):
 *   main;update;physics 1200 / main;update;ai;findPath 800 / main;render 2000 /
 *   main;update;physics 300 */
static HearthProfile *
build_folded (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  HearthFrame frame;

  hearth_profile_builder_set_format (b, "folded", "Folded stacks");
  hearth_profile_builder_set_file_name (b, "/tmp/out.folded");
  hearth_profile_builder_set_metadata (b, "key", "value");
  hearth_profile_builder_add_warning (b, "line %d skipped", 9);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  add_stack (b, "main;update;physics", 1200, 2);
  add_stack (b, "main;update;ai;findPath", 800, 1);
  add_stack (b, "main;render", 2000, 3);
  add_stack (b, "main;update;physics", 300, 1);
  hearth_frame_init (&frame);
  frame.start_ms = 5;
  hearth_profile_builder_add_frame (b, &frame);
  hearth_profile_builder_add_thread (b, "main", 1, FALSE, TRUE);

  return hearth_profile_builder_finish (b);
}

static void
test_folded (void)
{
  g_autoptr(HearthProfile) p = build_folded ();
  g_autoptr(HearthProfile) bu = hearth_profile_bottom_up (p);
  guint physics, render, find_path, n;

  /* <root>; physics → update → main; findPath → ai → update → main; render → main */
  g_assert_cmpuint (hearth_profile_get_n_nodes (bu), ==, 10);
  g_assert_cmpuint (hearth_profile_node_get_n_children (bu, 0), ==, 3);
  g_assert_cmpfloat (hearth_profile_get_root_total (bu, HEARTH_METRIC_CPU_TIME), ==, 4300);
  g_assert_cmpfloat (hearth_profile_get_root_total (bu, HEARTH_METRIC_CALLS), ==, 7);

  physics = child (bu, 0, "physics");
  render = child (bu, 0, "render");
  find_path = child (bu, 0, "findPath");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, physics, HEARTH_METRIC_CPU_TIME), ==, 1500);
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, render, HEARTH_METRIC_CPU_TIME), ==, 2000);
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, find_path, HEARTH_METRIC_CPU_TIME), ==, 800);
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, physics, HEARTH_METRIC_CALLS), ==, 3);
  g_assert_cmpuint (hearth_profile_node_get_depth (bu, physics), ==, 1);

  /* physics → update → main, 1500 each; the self time sits at the deepest caller */
  n = child (bu, physics, "update");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 1500);
  g_assert_cmpfloat (hearth_profile_node_get_self (bu, n, HEARTH_METRIC_CPU_TIME), ==, 0);
  n = child (bu, n, "main");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 1500);
  g_assert_cmpfloat (hearth_profile_node_get_self (bu, n, HEARTH_METRIC_CPU_TIME), ==, 1500);
  g_assert_cmpuint (hearth_profile_node_get_n_children (bu, n), ==, 0);
  g_assert_cmpuint (hearth_profile_node_get_depth (bu, n), ==, 3);

  /* findPath → ai → update → main, 800 each */
  n = child (bu, find_path, "ai");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 800);
  n = child (bu, n, "update");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 800);
  n = child (bu, n, "main");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 800);
  g_assert_cmpfloat (hearth_profile_node_get_self (bu, n, HEARTH_METRIC_CALLS), ==, 1);

  /* render → main 2000 */
  n = child (bu, render, "main");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 2000);

  /* per-function totals: main is under every root, once per path: 4300; its
   * self in the inverted tree is everything */
  g_assert_cmpfloat (hearth_profile_function_get_total (bu, find_function (bu, "main"),
                                                        HEARTH_METRIC_CPU_TIME), ==, 4300);
  g_assert_cmpfloat (hearth_profile_function_get_total (bu, find_function (bu, "update"),
                                                        HEARTH_METRIC_CPU_TIME), ==, 2300);

  /* functions keep their ids; the rest is kept */
  g_assert_cmpuint (hearth_profile_get_n_functions (bu), ==, hearth_profile_get_n_functions (p));
  for (guint f = 0; f < hearth_profile_get_n_functions (p); f++)
    g_assert_cmpstr (hearth_profile_function_get_name (bu, f), ==, hearth_profile_function_get_name (p, f));
  g_assert_cmpstr (hearth_profile_get_format (bu), ==, "folded");
  g_assert_cmpstr (hearth_profile_get_file_name (bu), ==, "/tmp/out.folded");
  g_assert_cmpstr (hearth_profile_get_metadata (bu, "key"), ==, "value");
  g_assert_cmpstr (hearth_profile_get_warnings (bu)[0], ==, "line 9 skipped");
  g_assert_cmpuint (hearth_profile_get_n_frames (bu), ==, 1);
  g_assert_cmpfloat (hearth_profile_get_frame (bu, 0)->start_ms, ==, 5);
  g_assert_cmpuint (hearth_profile_get_n_threads (bu), ==, 1);
  g_assert_cmpstr (hearth_profile_get_thread (bu, 0)->name, ==, "main");
  g_assert_cmpuint (hearth_profile_get_thread (bu, 0)->node, ==, HEARTH_NO_INDEX);
  g_assert_true (hearth_profile_get_thread (bu, 0)->clobbered);
}

/* Labels with self time become roots too; recursion keeps its order:
 *   Heartbeat (category, inclusive 10, self 1)
 *     a 9 → b 9 → a 4 (self 4; b self 5)
 * Inverted: Heartbeat 1; a 4 → b → a → Heartbeat; b 5 → a → Heartbeat */
static void
test_labels_and_recursion (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(HearthProfile) bu = NULL;
  guint heartbeat, a1, b1, a2, n;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);
  heartbeat = hearth_profile_builder_add_child (b, 0, fn (b, HEARTH_FUNCTION_KIND_CATEGORY, "Heartbeat"));
  a1 = hearth_profile_builder_add_child (b, heartbeat, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "a"));
  b1 = hearth_profile_builder_add_child (b, a1, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "b"));
  a2 = hearth_profile_builder_add_child (b, b1, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "a"));
  hearth_profile_builder_set_value (b, heartbeat, HEARTH_METRIC_CPU_TIME, 10);
  hearth_profile_builder_set_value (b, a1, HEARTH_METRIC_CPU_TIME, 9);
  hearth_profile_builder_set_value (b, b1, HEARTH_METRIC_CPU_TIME, 9);
  hearth_profile_builder_set_value (b, a2, HEARTH_METRIC_CPU_TIME, 4);
  p = hearth_profile_builder_finish (b);
  bu = hearth_profile_bottom_up (p);

  g_assert_cmpfloat (hearth_profile_get_root_total (bu, HEARTH_METRIC_CPU_TIME), ==, 10);
  g_assert_cmpuint (hearth_profile_node_get_n_children (bu, 0), ==, 3);

  n = child (bu, 0, "Heartbeat");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 1);
  g_assert_cmpuint (hearth_profile_node_get_n_children (bu, n), ==, 0);
  g_assert_cmpuint (hearth_profile_function_get_kind (bu, hearth_profile_node_get_function (bu, n)),
                    ==, HEARTH_FUNCTION_KIND_CATEGORY);

  n = child (bu, 0, "a");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 4);
  n = child (bu, n, "b");
  n = child (bu, n, "a");
  n = child (bu, n, "Heartbeat");
  g_assert_cmpfloat (hearth_profile_node_get_self (bu, n, HEARTH_METRIC_CPU_TIME), ==, 4);
  g_assert_cmpuint (hearth_profile_node_get_depth (bu, n), ==, 4);

  n = child (bu, 0, "b");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 5);
  n = child (bu, n, "a");
  n = child (bu, n, "Heartbeat");
  g_assert_cmpfloat (hearth_profile_node_get_total (bu, n, HEARTH_METRIC_CPU_TIME), ==, 5);

  /* a counts once per path: 4 (a → b → a) + 5 (b → a) */
  g_assert_cmpfloat (hearth_profile_function_get_total (bu, find_function (bu, "a"),
                                                        HEARTH_METRIC_CPU_TIME), ==, 9);
}

static void
test_empty (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(HearthProfile) bu = NULL;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_get_child (b, 0, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "idle"));
  p = hearth_profile_builder_finish (b);
  bu = hearth_profile_bottom_up (p);

  g_assert_cmpuint (hearth_profile_get_n_nodes (bu), ==, 1);
  g_assert_cmpfloat (hearth_profile_get_root_total (bu, HEARTH_METRIC_CPU_TIME), ==, 0);
  g_assert_true (hearth_profile_has_metric (bu, HEARTH_METRIC_CPU_TIME));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/bottom-up/folded", test_folded);
  g_test_add_func ("/hearth/bottom-up/labels-and-recursion", test_labels_and_recursion);
  g_test_add_func ("/hearth/bottom-up/empty", test_empty);

  return g_test_run ();
}
