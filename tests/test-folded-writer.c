/* test-folded-writer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-folded.h"
#include "hearth-importer.h"
#include "hearth-profile-builder.h"

/* Expected lines are worked out by hand from docs/formats/interchange.md §1.3
 * and the trees of docs/formats/script-profiler.md §3 / §4. */

static HearthProfile *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return profile;
}

/* Self times 1000 / 3000 / 2000 µs; the native suffix is part of the
 * display name (interchange.md §1.3) */
static void
test_script_profiler_v2 (void)
{
  g_autoptr(HearthProfile) p = import_fixture ("script-profiler-v2-example.json");
  g_autofree char *text = hearth_folded_write (p, HEARTH_METRIC_CPU_TIME);

  g_assert_cmpstr (text, ==,
                   "Heartbeat;EnemyAI;<anonymous>;updateTargets <native> 1000\n"
                   "Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;findPath 3000\n"
                   "Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;WorldRoot.Raycast 2000\n");
}

static void
test_script_profiler_v1 (void)
{
  g_autoptr(HearthProfile) p = import_fixture ("script-profiler-v1-example.json");
  g_autofree char *text = hearth_folded_write (p, HEARTH_METRIC_CPU_TIME);

  g_assert_cmpstr (text, ==,
                   "Heartbeat;main;<anonymous> 1000\n"
                   "Heartbeat;main;<anonymous>;update <native> 1500\n"
                   "Heartbeat;main;<anonymous>;update <native>;Instance.FindFirstChild 2500\n"
                   "Heartbeat;main;<anonymous>;update <native>;tick 3000\n"
                   "Heartbeat;GC 1000\n"
                   "Uncategorized 3000\n");
}

static guint
fn (HearthProfileBuilder *b,
    HearthFunctionKind    kind,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, kind, name, NULL, 0, NULL, 0);
}

/* ns → µs, half away from zero; lines rounding to 0 dropped */
static void
test_rounding (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autofree char *text = NULL;
  guint thread, n;
  const struct { const char *name; double ns; } cases[] = {
    { "a", 1499 },     /* 1.499 µs → 1 */
    { "b", 1500 },     /* 1.5 → 2 */
    { "c", 2500 },     /* 2.5 → 3 (not banker's 2) */
    { "d", 499 },      /* 0.499 → 0: dropped */
    { "e", 500 },      /* 0.5 → 1 */
    { "f", 0 },        /* no self time: no line */
    { "g", 12345678901234.0 }, /* 12345678901.234 µs → 12345678901 */
  };

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  thread = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Main"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      n = hearth_profile_builder_get_child (b, thread, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, cases[i].name));
      hearth_profile_builder_add_value (b, n, HEARTH_METRIC_CPU_TIME, cases[i].ns);
    }
  p = hearth_profile_builder_finish (b);

  text = hearth_folded_write (p, HEARTH_METRIC_CPU_TIME);
  g_assert_cmpstr (text, ==,
                   "Main;a 1\n"
                   "Main;b 2\n"
                   "Main;c 3\n"
                   "Main;e 1\n"
                   "Main;g 12345678901\n");

  /* a metric the profile does not have: nothing */
  g_clear_pointer (&text, g_free);
  text = hearth_folded_write (p, HEARTH_METRIC_ALLOC_BYTES);
  g_assert_cmpstr (text, ==, "");
}

/* Count metrics are written as integers, unscaled; names are cleaned up */
static void
test_counts_and_names (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autofree char *text = NULL;
  guint stack, x, y;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  stack = hearth_profile_builder_get_child (b, HEARTH_ROOT_NODE,
                                            fn (b, HEARTH_FUNCTION_KIND_STACK, "Papyrus stack 1247"));
  x = hearth_profile_builder_get_child (b, stack, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "a;b\tc\nd  "));
  hearth_profile_builder_add_value (b, x, HEARTH_METRIC_CALLS, 3);
  y = hearth_profile_builder_get_child (b, x, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "oopDesc* copy<false>"));
  hearth_profile_builder_add_value (b, y, HEARTH_METRIC_CALLS, 1500);
  p = hearth_profile_builder_finish (b);

  text = hearth_folded_write (p, HEARTH_METRIC_CALLS);
  g_assert_cmpstr (text, ==,
                   "Papyrus stack 1247;a:b c d 3\n"
                   "Papyrus stack 1247;a:b c d;oopDesc* copy<false> 1500\n");
}

static void
test_empty (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autofree char *text = NULL;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);
  p = hearth_profile_builder_finish (b);
  text = hearth_folded_write (p, HEARTH_METRIC_CPU_TIME);
  g_assert_cmpstr (text, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/folded-writer/script-profiler-v2", test_script_profiler_v2);
  g_test_add_func ("/hearth/folded-writer/script-profiler-v1", test_script_profiler_v1);
  g_test_add_func ("/hearth/folded-writer/rounding", test_rounding);
  g_test_add_func ("/hearth/folded-writer/counts-and-names", test_counts_and_names);
  g_test_add_func ("/hearth/folded-writer/empty", test_empty);

  return g_test_run ();
}
