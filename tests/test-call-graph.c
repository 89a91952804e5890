/* test-call-graph.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hearth-call-graph.h"
#include "hearth-profile-builder.h"

/* Graphs built by hand; expected trees worked out from the derivation rule
 * documented in hearth-call-graph.c. */

static guint
find_child (HearthProfile *profile,
            guint          node,
            guint          function)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);

  for (guint32 c = tree->first_child[node]; c != HEARTH_NO_INDEX; c = tree->next_sibling[c])
    if (tree->function[c] == function)
      return c;
  g_assert_not_reached ();
  return HEARTH_NO_INDEX;
}

/* A (T 100, N 10, self 20) calls B (50, 5) and C (30, 5);
 * D (T 20, N 2, self 0) calls B (20, 2); B (T 70, N 7); C (T 30, N 5);
 * E (T 10, N 3) is called by A for 4 ms only: 6 ms of it is a root. */
static HearthProfile *
build_example (HearthCallGraph **graph_out,
               guint            *ids)
{
  g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
  HearthCallGraph *graph;
  HearthProfile *profile;
  const char *names[] = { "A", "B", "C", "D", "E" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ids[i] = hearth_profile_builder_add_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, names[i],
                                                  "x.lua", (int) i + 1, NULL, 0);

  graph = hearth_call_graph_new (hearth_profile_builder_get_n_functions (builder));
  hearth_call_graph_set_function (graph, ids[0], 10, 100, 20, 80);
  hearth_call_graph_set_function (graph, ids[1], 7, 70, 70, 0);
  hearth_call_graph_set_function (graph, ids[2], 5, 30, 30, 0);
  hearth_call_graph_set_function (graph, ids[3], 2, 20, 0, 20);
  hearth_call_graph_set_function (graph, ids[4], 3, 10, 10, 0);
  hearth_call_graph_add_edge (graph, ids[0], ids[1], 5, 50, FALSE);
  hearth_call_graph_add_edge (graph, ids[0], ids[2], 5, 30, FALSE);
  hearth_call_graph_add_edge (graph, ids[3], ids[1], 2, 20, FALSE);
  hearth_call_graph_add_edge (graph, ids[0], ids[4], 1, 4, FALSE);
  hearth_call_graph_seal (graph);

  hearth_call_graph_build_tree (graph, builder);
  hearth_profile_builder_set_approximate (builder, TRUE);
  profile = hearth_profile_builder_finish (builder);
  hearth_call_graph_attach (profile, graph);

  *graph_out = graph;
  return profile;
}

static void
test_accessors (void)
{
  HearthCallGraph *graph = NULL;
  guint ids[5];
  g_autoptr(HearthProfile) profile = build_example (&graph, ids);
  g_autoptr(HearthCallGraph) owned = graph;
  const guint32 *edges;
  guint n;
  HearthCallEdge edge;

  g_assert_true (hearth_call_graph_get_for_profile (profile) == graph);
  g_assert_false (hearth_call_graph_is_derived (graph));
  g_assert_cmpuint (hearth_call_graph_get_n_edges (graph), ==, 4);

  g_assert_cmpfloat (hearth_call_graph_function_get_count (graph, ids[0]), ==, 10);
  g_assert_cmpfloat (hearth_call_graph_function_get_total (graph, ids[0]), ==, 100);
  g_assert_cmpfloat (hearth_call_graph_function_get_self (graph, ids[0]), ==, 20);
  g_assert_cmpfloat (hearth_call_graph_function_get_children (graph, ids[0]), ==, 80);
  g_assert_cmpfloat (hearth_call_graph_function_get_total_per_count (graph, ids[0]), ==, 10);
  g_assert_cmpfloat (hearth_call_graph_function_get_self_per_count (graph, ids[0]), ==, 2);
  g_assert_false (hearth_call_graph_function_has_record (graph, 0));   /* <root> */
  g_assert_cmpfloat (hearth_call_graph_function_get_total_per_count (graph, 0), ==, 0);

  /* callees of A, heaviest first: B 50, C 30, E 4 */
  edges = hearth_call_graph_get_callees (graph, ids[0], &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[0])->callee, ==, ids[1]);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[1])->callee, ==, ids[2]);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[2])->callee, ==, ids[4]);

  /* callers of B: A (50), D (20) */
  edges = hearth_call_graph_get_callers (graph, ids[1], &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[0])->caller, ==, ids[0]);
  g_assert_cmpfloat (hearth_call_graph_get_edge (graph, edges[0])->count, ==, 5);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[1])->caller, ==, ids[3]);

  g_assert_true (hearth_call_graph_find_edge (graph, ids[3], ids[1], &edge));
  g_assert_cmpfloat (edge.time, ==, 20);
  g_assert_false (hearth_call_graph_find_edge (graph, ids[1], ids[3], NULL));
  edges = hearth_call_graph_get_callees (graph, 9999, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* Roots: A (no callers) 100, D (no callers) 20, E's unexplained 6 ms.
 * A(100; self 20) → B 50, C 30, E 4; D(20; self 0) → B 20; E(6). */
static void
test_tree (void)
{
  HearthCallGraph *graph = NULL;
  guint ids[5];
  g_autoptr(HearthProfile) profile = build_example (&graph, ids);
  g_autoptr(HearthCallGraph) owned = graph;
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
  guint a, d, e, ab, db, ae;

  g_assert_true (hearth_profile_get_approximate (profile));
  g_assert_cmpfloat (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME), ==, 126);
  g_assert_cmpuint (hearth_profile_node_get_n_children (profile, 0), ==, 3);

  a = find_child (profile, 0, ids[0]);
  d = find_child (profile, 0, ids[3]);
  e = find_child (profile, 0, ids[4]);
  ab = find_child (profile, a, ids[1]);
  db = find_child (profile, d, ids[1]);
  ae = find_child (profile, a, ids[4]);

  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][a], ==, 100);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CPU_TIME][a], ==, 16);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][ab], ==, 50);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][db], ==, 20);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][ae], ==, 4);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][e], ==, 6);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CALLS][a], ==, 10);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CALLS][ab], ==, 5);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CALLS][db], ==, 2);
  /* E: 3 calls, 1 from A, 2 unexplained */
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CALLS][e], ==, 2);

  /* per-function totals of the tree are the graph's */
  g_assert_cmpfloat (hearth_profile_function_get_total (profile, ids[1], HEARTH_METRIC_CPU_TIME), ==, 70);
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, ids[1], HEARTH_METRIC_CALLS), ==, 7);
  g_assert_cmpfloat (hearth_profile_function_get_total (profile, ids[4], HEARTH_METRIC_CPU_TIME), ==, 10);
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, ids[4], HEARTH_METRIC_CALLS), ==, 3);
}

/* X ↔ Y: a cycle stops at the function already on the path */
static void
test_cycle (void)
{
  g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
  g_autoptr(HearthCallGraph) graph = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  const HearthCallTree *tree;
  guint x, y, nx, ny, nxx;

  x = hearth_profile_builder_add_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "X", NULL, 0, NULL, 0);
  y = hearth_profile_builder_add_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "Y", NULL, 0, NULL, 0);
  graph = hearth_call_graph_new (3);
  hearth_call_graph_set_function (graph, x, 1, 10, 2, 8);
  hearth_call_graph_set_function (graph, y, 1, 8, 3, 5);
  hearth_call_graph_add_edge (graph, x, y, 1, 8, FALSE);
  hearth_call_graph_add_edge (graph, y, x, 1, 5, FALSE);
  hearth_call_graph_build_tree (graph, builder);
  profile = hearth_profile_builder_finish (builder);
  tree = hearth_profile_get_call_tree (profile);

  /* X is a root for the 5 ms Y does not explain: X(5) → Y(4) → X(2.5) leaf */
  g_assert_cmpuint (hearth_profile_node_get_n_children (profile, 0), ==, 1);
  nx = find_child (profile, 0, x);
  ny = find_child (profile, nx, y);
  nxx = find_child (profile, ny, x);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][nx], ==, 5);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][ny], ==, 4);
  g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][nxx], ==, 2.5);
  g_assert_cmpuint (hearth_profile_node_get_n_children (profile, nxx), ==, 0);
  g_assert_cmpuint (tree->n_nodes, ==, 4);
}

/* Tree formats: main → a (10 ns, 2 calls); main → b → a (5 ns, 1 call) */
static HearthProfile *
build_tree_profile (guint *main_fn,
                    guint *a_fn,
                    guint *b_fn)
{
  g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
  guint cat, n_cat, n_main, n_a, n_b, n_ba;

  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  cat = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_CATEGORY, "Heartbeat",
                                                NULL, 0, NULL, 0);
  *main_fn = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "main",
                                                     NULL, 0, NULL, 0);
  *a_fn = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "a",
                                                  NULL, 0, NULL, 0);
  *b_fn = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "b",
                                                  NULL, 0, NULL, 0);
  n_cat = hearth_profile_builder_add_child (builder, 0, cat);
  n_main = hearth_profile_builder_add_child (builder, n_cat, *main_fn);
  n_a = hearth_profile_builder_add_child (builder, n_main, *a_fn);
  n_b = hearth_profile_builder_add_child (builder, n_main, *b_fn);
  n_ba = hearth_profile_builder_add_child (builder, n_b, *a_fn);
  hearth_profile_builder_add_value (builder, n_main, HEARTH_METRIC_CALLS, 1);
  hearth_profile_builder_add_value (builder, n_a, HEARTH_METRIC_CPU_TIME, 10);
  hearth_profile_builder_add_value (builder, n_a, HEARTH_METRIC_CALLS, 2);
  hearth_profile_builder_add_value (builder, n_b, HEARTH_METRIC_CALLS, 1);
  hearth_profile_builder_add_value (builder, n_ba, HEARTH_METRIC_CPU_TIME, 5);
  hearth_profile_builder_add_value (builder, n_ba, HEARTH_METRIC_CALLS, 1);

  return hearth_profile_builder_finish (builder);
}

static void
test_derived (void)
{
  guint main_fn, a, b;
  g_autoptr(HearthProfile) profile = build_tree_profile (&main_fn, &a, &b);
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);
  HearthCallEdge edge;
  guint n;

  g_assert_true (hearth_call_graph_is_derived (graph));
  g_assert_true (hearth_call_graph_get_for_profile (profile) == graph);   /* cached */
  g_assert_cmpuint (hearth_call_graph_get_n_edges (graph), ==, 3);        /* no edge from the category */

  g_assert_true (hearth_call_graph_find_edge (graph, main_fn, a, &edge));
  g_assert_cmpfloat (edge.count, ==, 2);
  g_assert_cmpfloat (edge.time, ==, 10);
  g_assert_true (hearth_call_graph_find_edge (graph, main_fn, b, &edge));
  g_assert_cmpfloat (edge.count, ==, 1);
  g_assert_cmpfloat (edge.time, ==, 5);
  g_assert_true (hearth_call_graph_find_edge (graph, b, a, &edge));
  g_assert_cmpfloat (edge.count, ==, 1);
  g_assert_cmpfloat (edge.time, ==, 5);

  hearth_call_graph_get_callers (graph, a, &n);
  g_assert_cmpuint (n, ==, 2);
  hearth_call_graph_get_callers (graph, main_fn, &n);
  g_assert_cmpuint (n, ==, 0);

  g_assert_cmpfloat (hearth_call_graph_function_get_count (graph, a), ==, 3);
  g_assert_cmpfloat (hearth_call_graph_function_get_total (graph, a), ==, 15);
  g_assert_cmpfloat (hearth_call_graph_function_get_self (graph, a), ==, 15);
  g_assert_cmpfloat (hearth_call_graph_function_get_total (graph, main_fn), ==, 15);
  g_assert_cmpfloat (hearth_call_graph_function_get_children (graph, main_fn), ==, 15);
  g_assert_cmpfloat (hearth_call_graph_function_get_count (graph, main_fn), ==, 1);
  g_assert_false (hearth_call_graph_function_has_record (graph, 1));   /* the category */
}

static gpointer
get_graph_thread (gpointer data)
{
  return hearth_call_graph_get_for_profile (data);
}

/* Deriving happens once even when several threads ask at the same time */
static void
test_derived_threads (void)
{
  guint main_fn, a, b;
  g_autoptr(HearthProfile) profile = build_tree_profile (&main_fn, &a, &b);
  GThread *threads[4];
  gpointer results[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("graph", get_graph_thread, profile);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    results[i] = g_thread_join (threads[i]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (results[i] == results[0]);
  g_assert_true (hearth_call_graph_get_for_profile (profile) == results[0]);
}

/* Two records with the same name become one */
static void
test_merge_by_name (void)
{
  g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
  g_autoptr(HearthCallGraph) graph = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(HearthProfile) merged = NULL;
  HearthCallGraph *mg;
  HearthCallEdge edge;
  guint top, f1, f2, mtop = HEARTH_NO_INDEX, mf = HEARTH_NO_INDEX, n_f = 0;

  hearth_profile_builder_set_format (builder, "lua-report", "Lua profiler.lua report");
  hearth_profile_builder_set_mode (builder, "time");
  top = hearth_profile_builder_add_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "top", "t.lua", 1, "Lua", 0);
  f1 = hearth_profile_builder_add_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "f", "a.lua", 7, "Lua", 0);
  f2 = hearth_profile_builder_add_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, "f", "a.lua", 7, "Lua", 0);
  g_assert_cmpuint (f1, !=, f2);
  graph = hearth_call_graph_new (4);
  hearth_call_graph_set_function (graph, top, 10, 10, 4, 6);
  hearth_call_graph_set_function (graph, f1, 4, 4, 4, 0);
  hearth_call_graph_set_function (graph, f2, 2, 2, 2, 0);
  hearth_call_graph_add_edge (graph, top, f1, 4, 4, FALSE);
  hearth_call_graph_add_edge (graph, top, f2, 2, 2, FALSE);
  hearth_call_graph_build_tree (graph, builder);
  hearth_profile_builder_set_approximate (builder, TRUE);
  profile = hearth_profile_builder_finish (builder);
  hearth_call_graph_attach (profile, graph);
  g_assert_cmpuint (hearth_profile_node_get_n_children (profile, find_child (profile, 0, top)), ==, 2);

  merged = hearth_call_graph_merge_by_name (profile);
  mg = hearth_call_graph_get_for_profile (merged);
  for (guint f = 0; f < hearth_profile_get_n_functions (merged); f++)
    {
      if (g_strcmp0 (hearth_profile_function_get_name (merged, f), "f") == 0)
        mf = f, n_f++;
      if (g_strcmp0 (hearth_profile_function_get_name (merged, f), "top") == 0)
        mtop = f;
    }
  g_assert_cmpuint (n_f, ==, 1);
  g_assert_cmpfloat (hearth_call_graph_function_get_count (mg, mf), ==, 6);
  g_assert_cmpfloat (hearth_call_graph_function_get_total (mg, mf), ==, 6);
  g_assert_true (hearth_call_graph_find_edge (mg, mtop, mf, &edge));
  g_assert_cmpfloat (edge.count, ==, 6);
  g_assert_cmpfloat (edge.time, ==, 6);
  g_assert_cmpstr (hearth_profile_get_mode (merged), ==, "time");
  g_assert_cmpstr (hearth_profile_get_format (merged), ==, "lua-report");
  g_assert_true (hearth_profile_get_approximate (merged));
  g_assert_cmpuint (hearth_profile_node_get_n_children (merged, find_child (merged, 0, mtop)), ==, 1);
  g_assert_cmpfloat (hearth_profile_get_root_total (merged, HEARTH_METRIC_CPU_TIME), ==, 10);
  g_assert_cmpfloat (hearth_profile_function_get_total (merged, mf, HEARTH_METRIC_CPU_TIME), ==, 6);
}

static void
test_boxed (void)
{
  g_autoptr(HearthCallGraph) graph = hearth_call_graph_new (0);
  GValue value = G_VALUE_INIT;

  hearth_call_graph_add_edge (graph, 3, 5, 1, 2, TRUE);   /* grows */
  g_assert_cmpuint (hearth_call_graph_get_n_functions (graph), ==, 6);
  g_value_init (&value, HEARTH_TYPE_CALL_GRAPH);
  g_value_set_boxed (&value, graph);
  g_assert_true (g_value_get_boxed (&value) == graph);
  g_value_unset (&value);
  g_assert_true (hearth_call_graph_get_edge (graph, 0)->ambiguous);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/call-graph/accessors", test_accessors);
  g_test_add_func ("/hearth/call-graph/tree", test_tree);
  g_test_add_func ("/hearth/call-graph/cycle", test_cycle);
  g_test_add_func ("/hearth/call-graph/derived", test_derived);
  g_test_add_func ("/hearth/call-graph/derived-threads", test_derived_threads);
  g_test_add_func ("/hearth/call-graph/merge-by-name", test_merge_by_name);
  g_test_add_func ("/hearth/call-graph/boxed", test_boxed);

  return g_test_run ();
}
