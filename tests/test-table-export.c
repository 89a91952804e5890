/* test-table-export.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "hearth-profile-builder.h"
#include "hearth-table-export.h"

/* The Script Profiler example of docs/formats/script-profiler.md §3, built by
 * hand: inclusive µs values, stored as ns.
 *
 *   Heartbeat                                            6000 / 0
 *     EnemyAI                                            6000 / 0
 *       <anonymous> (ServerScriptService.EnemyAI:1)      6000 / 0
 *         updateTargets <native> (…EnemyAI:42)           6000 / 1000
 *           findPath (ReplicatedStorage.Pathing:10)      3000 / 3000
 *           WorldRoot.Raycast ([C])                      2000 / 2000
 */
static HearthProfile *
build_script_profiler_example (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint heartbeat, enemy_ai, anonymous, update, find_path, raycast;

  hearth_profile_builder_set_format (b, "script-profiler-v2", "Roblox Script Profiler (V2)");
  hearth_profile_builder_set_session (b, 1718000000000.0, 1718000001000.0);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);

  heartbeat = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_CATEGORY, "Heartbeat", NULL, 0, NULL, 0));
  enemy_ai = hearth_profile_builder_add_child (b, heartbeat,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "EnemyAI", NULL, 0, NULL, 0));
  anonymous = hearth_profile_builder_add_child (b, enemy_ai,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, NULL,
                                            "ServerScriptService.EnemyAI", 1, NULL, 0));
  update = hearth_profile_builder_add_child (b, anonymous,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "updateTargets",
                                            "ServerScriptService.EnemyAI", 42, NULL,
                                            HEARTH_FUNCTION_FLAG_NATIVE));
  find_path = hearth_profile_builder_add_child (b, update,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "findPath",
                                            "ReplicatedStorage.Pathing", 10, NULL, 0));
  raycast = hearth_profile_builder_add_child (b, update,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "WorldRoot.Raycast",
                                            "[C]", 0, NULL, HEARTH_FUNCTION_FLAG_C));

  hearth_profile_builder_set_value (b, heartbeat, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, enemy_ai, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, anonymous, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, update, HEARTH_METRIC_CPU_TIME, 6000e3);
  hearth_profile_builder_set_value (b, find_path, HEARTH_METRIC_CPU_TIME, 3000e3);
  hearth_profile_builder_set_value (b, raycast, HEARTH_METRIC_CPU_TIME, 2000e3);

  return hearth_profile_builder_finish (b);
}

static void
test_info (void)
{
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autofree char *info = hearth_table_info (p);

  g_assert_cmpstr (info, ==,
                   "format: script-profiler-v2\n"
                   "functions: 5\n"
                   "nodes: 6\n"
                   "frames: 0\n"
                   "session_ms: 1000.000\n"
                   "total_ms: 6.000\n");
}

static void
test_functions (void)
{
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  g_assert_false (options.per_frame);
  g_assert_cmpint (options.average, ==, HEARTH_AVERAGE_OFF);
  g_assert_cmpint (options.separator, ==, ',');

  csv = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  /* ties at 6 ms by name bytes: '<' (0x3C) < 'E' (0x45) < 'u' (0x75);
   * no CALLS metric: calls empty; Heartbeat is a label, left out */
  g_assert_cmpstr (csv, ==,
                   "name,source,line,total_ms,self_ms,calls\n"
                   "<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n"
                   "EnemyAI,,,6.000,0.000,\n"
                   "updateTargets <native>,ServerScriptService.EnemyAI,42,6.000,1.000,\n"
                   "findPath,ReplicatedStorage.Pathing,10,3.000,3.000,\n"
                   "WorldRoot.Raycast,[C],,2.000,2.000,\n");
}

static void
test_tree (void)
{
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  csv = hearth_table_tree_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==,
                   "depth,path,name,source,line,total_ms,self_ms,calls\n"
                   "0,Heartbeat,Heartbeat,,,6.000,0.000,\n"
                   "1,Heartbeat;EnemyAI,EnemyAI,,,6.000,0.000,\n"
                   "2,Heartbeat;EnemyAI;<anonymous>,<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n"
                   "3,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>,updateTargets <native>,"
                   "ServerScriptService.EnemyAI,42,6.000,1.000,\n"
                   "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;findPath,findPath,"
                   "ReplicatedStorage.Pathing,10,3.000,3.000,\n"
                   "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;WorldRoot.Raycast,"
                   "WorldRoot.Raycast,[C],,2.000,2.000,\n");
}

/* Sibling order and paths: names with ';' are written with ':' in the path
 * only; after a deep branch the next sibling's path starts from its parent.
 *   Stack (stack label)
 *     x;y   self 5 → deep self 1 → deeper self 1
 *     b     self 3
 *     a     self 3   (tie with b: by name)
 *   Other (stack label) → leaf self 0.5 */
static void
test_tree_paths (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  guint stack, xy, deep, deeper, other;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  stack = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_STACK, "Stack", NULL, 0, NULL, 0));
  other = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_STACK, "Other", NULL, 0, NULL, 0));
  hearth_profile_builder_add_value (b,
    hearth_profile_builder_add_child (b, other,
      hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "leaf", NULL, 0, NULL, 0)),
    HEARTH_METRIC_CPU_TIME, 0.5e6);
  hearth_profile_builder_add_value (b,
    hearth_profile_builder_add_child (b, stack,
      hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "b", NULL, 0, NULL, 0)),
    HEARTH_METRIC_CPU_TIME, 3e6);
  hearth_profile_builder_add_value (b,
    hearth_profile_builder_add_child (b, stack,
      hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "a", NULL, 0, NULL, 0)),
    HEARTH_METRIC_CPU_TIME, 3e6);
  xy = hearth_profile_builder_add_child (b, stack,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "x;y", NULL, 0, NULL, 0));
  deep = hearth_profile_builder_add_child (b, xy,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "deep", NULL, 0, NULL, 0));
  deeper = hearth_profile_builder_add_child (b, deep,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "deeper", NULL, 0, NULL, 0));
  hearth_profile_builder_add_value (b, xy, HEARTH_METRIC_CPU_TIME, 5e6);
  hearth_profile_builder_add_value (b, deep, HEARTH_METRIC_CPU_TIME, 1e6);
  hearth_profile_builder_add_value (b, deeper, HEARTH_METRIC_CPU_TIME, 1e6);
  p = hearth_profile_builder_finish (b);

  csv = hearth_table_tree_csv (p, &(HearthTableOptions) { FALSE, HEARTH_AVERAGE_OFF, ',' }, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==,
                   "depth,path,name,source,line,total_ms,self_ms,calls\n"
                   "0,Stack,Stack,,,13.000,0.000,\n"
                   "1,Stack;x:y,x;y,,,7.000,5.000,\n"
                   "2,Stack;x:y;deep,deep,,,2.000,1.000,\n"
                   "3,Stack;x:y;deep;deeper,deeper,,,1.000,1.000,\n"
                   "1,Stack;a,a,,,3.000,3.000,\n"
                   "1,Stack;b,b,,,3.000,3.000,\n"
                   "0,Other,Other,,,0.500,0.000,\n"
                   "1,Other;leaf,leaf,,,0.500,0.500,\n");
}

static void
test_average (void)
{
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *functions = NULL;
  g_autofree char *tree = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  options.average = HEARTH_AVERAGE_1MIN;
  /* 60000 ms window / 1000 ms session */
  g_assert_cmpfloat_with_epsilon (hearth_table_get_factor (p, &options, &error), 60.0, 1e-12);
  g_assert_no_error (error);

  functions = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (functions, ==,
                   "name,source,line,total_ms,self_ms,calls\n"
                   "<anonymous>,ServerScriptService.EnemyAI,1,360.000,0.000,\n"
                   "EnemyAI,,,360.000,0.000,\n"
                   "updateTargets <native>,ServerScriptService.EnemyAI,42,360.000,60.000,\n"
                   "findPath,ReplicatedStorage.Pathing,10,180.000,180.000,\n"
                   "WorldRoot.Raycast,[C],,120.000,120.000,\n");

  /* 1 s on a 1 s session changes nothing */
  options.average = HEARTH_AVERAGE_1S;
  tree = hearth_table_tree_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (tree, "depth,path,name,source,line,total_ms,self_ms,calls\n"
                                         "0,Heartbeat,Heartbeat,,,6.000,0.000,\n"));
}

static void
test_tsv (void)
{
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  options.separator = '\t';
  csv = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "name\tsource\tline\ttotal_ms\tself_ms\tcalls");
  g_assert_cmpstr (lines[5], ==, "WorldRoot.Raycast\t[C]\t\t2.000\t2.000\t");
}

/* A self-mode capture with 4 frames, calls and memory:
 *   Main (thread)
 *     tick              self 1 ms, 4 calls, alloc 8 / 1024 B
 *       "a,b" "q"       self 3 ms, 2 calls, alloc 4 / 512 B, free 2 / 256 B
 */
static HearthProfile *
build_frames_profile (gboolean with_free_bytes)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint thread, tick, odd;
  HearthFrame frame;

  hearth_profile_builder_set_format (b, "microprofile", "MicroProfiler");
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_COUNT, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_BYTES, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_FREE_COUNT, HEARTH_VALUE_SELF);
  if (with_free_bytes)
    hearth_profile_builder_enable_metric (b, HEARTH_METRIC_FREE_BYTES, HEARTH_VALUE_SELF);

  thread = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD, "Main", NULL, 0, NULL, 0));
  tick = hearth_profile_builder_add_child (b, thread,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "tick", "game", 0, NULL, 0));
  odd = hearth_profile_builder_add_child (b, tick,
    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "a,b \"q\"",
                                            "x;y", 7, NULL, 0));

  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CPU_TIME, 1e6);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_CALLS, 4);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_ALLOC_COUNT, 8);
  hearth_profile_builder_add_value (b, tick, HEARTH_METRIC_ALLOC_BYTES, 1024);
  hearth_profile_builder_add_value (b, odd, HEARTH_METRIC_CPU_TIME, 3e6);
  hearth_profile_builder_add_value (b, odd, HEARTH_METRIC_CALLS, 2);
  hearth_profile_builder_add_value (b, odd, HEARTH_METRIC_ALLOC_COUNT, 4);
  hearth_profile_builder_add_value (b, odd, HEARTH_METRIC_ALLOC_BYTES, 512);
  hearth_profile_builder_add_value (b, odd, HEARTH_METRIC_FREE_COUNT, 2);
  hearth_profile_builder_add_value (b, odd, HEARTH_METRIC_FREE_BYTES, 256);
  hearth_profile_builder_add_thread (b, "Main", thread, FALSE, FALSE);

  for (guint i = 0; i < 4; i++)
    {
      hearth_frame_init (&frame);
      frame.start_ms = i * 16.0;
      frame.end_ms = (i + 1) * 16.0;
      hearth_profile_builder_add_frame (b, &frame);
    }

  return hearth_profile_builder_finish (b);
}

static void
test_memory (void)
{
  g_autoptr(HearthProfile) p = build_frames_profile (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *functions = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *info = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  functions = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  /* tick inclusive: 4 ms, alloc 12 / 1536, free 2 / 256; calls are self */
  g_assert_cmpstr (functions, ==,
                   "name,source,line,total_ms,self_ms,calls,alloc_count,alloc_bytes,free_count,free_bytes\n"
                   "tick,game,,4.000,1.000,4,12,1536,2,256\n"
                   "\"a,b \"\"q\"\"\",x;y,7,3.000,3.000,2,4,512,2,256\n");

  tree = hearth_table_tree_csv (p, &options, &error);
  g_assert_no_error (error);
  /* the ';' inside the name is fine; the path writes ';' in names as ':' (none here) */
  g_assert_cmpstr (tree, ==,
                   "depth,path,name,source,line,total_ms,self_ms,calls,alloc_count,alloc_bytes,free_count,free_bytes\n"
                   "0,Main,Main,,,4.000,0.000,0,12,1536,2,256\n"
                   "1,Main;tick,tick,game,,4.000,1.000,4,12,1536,2,256\n"
                   "2,\"Main;tick;a,b \"\"q\"\"\",\"a,b \"\"q\"\"\",x;y,7,3.000,3.000,2,4,512,2,256\n");

  info = hearth_table_info (p);
  g_assert_cmpstr (info, ==,
                   "format: microprofile\n"
                   "functions: 2\n"
                   "nodes: 3\n"
                   "frames: 4\n"
                   "session_ms: 0.000\n"
                   "total_ms: 4.000\n");
}

static void
test_memory_missing_metric (void)
{
  g_autoptr(HearthProfile) p = build_frames_profile (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *functions = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  functions = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (functions, ==,
                   "name,source,line,total_ms,self_ms,calls,alloc_count,alloc_bytes,free_count,free_bytes\n"
                   "tick,game,,4.000,1.000,4,12,1536,2,\n"
                   "\"a,b \"\"q\"\"\",x;y,7,3.000,3.000,2,4,512,2,\n");
}

static void
test_per_frame (void)
{
  g_autoptr(HearthProfile) p = build_frames_profile (TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *functions = NULL;
  g_autofree char *tree = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  options.per_frame = TRUE;
  g_assert_cmpfloat_with_epsilon (hearth_table_get_factor (p, &options, &error), 0.25, 1e-12);
  g_assert_no_error (error);

  functions = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  /* everything / 4 */
  g_assert_cmpstr (functions, ==,
                   "name,source,line,total_ms,self_ms,calls,alloc_count,alloc_bytes,free_count,free_bytes\n"
                   "tick,game,,1.000,0.250,1,3,384,0.5,64\n"
                   "\"a,b \"\"q\"\"\",x;y,7,0.750,0.750,0.5,1,128,0.5,64\n");

  tree = hearth_table_tree_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (tree, "\n1,Main;tick,tick,game,,1.000,0.250,1,3,384,0.5,64\n"
                                         "2,\"Main;tick;a,b \"\"q\"\"\",\"a,b \"\"q\"\"\",x;y,7,0.750,0.750,0.5,1,128,0.5,64\n"));
}

static void
test_per_frame_and_average (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(GError) error = NULL;
  HearthTableOptions options;
  HearthFrame frame;

  hearth_profile_builder_set_session_ms (b, 2000);
  hearth_frame_init (&frame);
  for (guint i = 0; i < 8; i++)
    hearth_profile_builder_add_frame (b, &frame);
  p = hearth_profile_builder_finish (b);

  hearth_table_options_init (&options);
  options.per_frame = TRUE;
  options.average = HEARTH_AVERAGE_10MIN;
  /* 1/8 × 600000/2000 = 37.5 */
  g_assert_cmpfloat_with_epsilon (hearth_table_get_factor (p, &options, &error), 37.5, 1e-12);
  g_assert_no_error (error);
}

static void
test_errors (void)
{
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autoptr(HearthProfile) frames = build_frames_profile (TRUE);
  HearthTableOptions options;
  GError *error = NULL;
  char *csv;

  /* no frames */
  hearth_table_options_init (&options);
  options.per_frame = TRUE;
  g_assert_true (isnan (hearth_table_get_factor (p, &options, &error)));
  g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES);
  g_assert_cmpstr (error->message, ==, "the capture has no frames; --per-frame needs a capture with frames");
  g_clear_error (&error);

  csv = hearth_table_functions_csv (p, &options, &error);
  g_assert_null (csv);
  g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES);
  g_clear_error (&error);

  csv = hearth_table_tree_csv (p, &options, &error);
  g_assert_null (csv);
  g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES);
  g_clear_error (&error);

  /* no session length */
  hearth_table_options_init (&options);
  options.average = HEARTH_AVERAGE_5MIN;
  g_assert_true (isnan (hearth_table_get_factor (frames, &options, &error)));
  g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_SESSION);
  g_assert_cmpstr (error->message, ==, "the capture has no session length; --average needs one");
  g_clear_error (&error);

  csv = hearth_table_tree_csv (frames, &options, &error);
  g_assert_null (csv);
  g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_SESSION);
  g_clear_error (&error);

  /* both wrong: the frames error comes first */
  options.per_frame = TRUE;
  csv = hearth_table_functions_csv (p, &options, &error);
  g_assert_null (csv);
  g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES);
  g_clear_error (&error);
}

static void
test_empty (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = hearth_profile_builder_finish (b);
  g_autoptr(GError) error = NULL;
  g_autofree char *functions = NULL;
  g_autofree char *tree = NULL;
  g_autofree char *info = NULL;
  HearthTableOptions options;

  hearth_table_options_init (&options);
  functions = hearth_table_functions_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (functions, ==, "name,source,line,total_ms,self_ms,calls\n");
  tree = hearth_table_tree_csv (p, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tree, ==, "depth,path,name,source,line,total_ms,self_ms,calls\n");
  info = hearth_table_info (p);
  g_assert_cmpstr (info, ==,
                   "format: \n"
                   "functions: 0\n"
                   "nodes: 0\n"
                   "frames: 0\n"
                   "session_ms: 0.000\n"
                   "total_ms: 0.000\n");
}

static void
test_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
  const char *found = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(HearthProfile) p = build_script_profiler_example ();
  g_autofree char *info = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma (de_DE, fr_FR) is installed");
      return;
    }

  info = hearth_table_info (p);
  setlocale (LC_NUMERIC, old);
  g_assert_true (g_str_has_suffix (info, "session_ms: 1000.000\ntotal_ms: 6.000\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/table-export/info", test_info);
  g_test_add_func ("/hearth/table-export/functions", test_functions);
  g_test_add_func ("/hearth/table-export/tree", test_tree);
  g_test_add_func ("/hearth/table-export/tree-paths", test_tree_paths);
  g_test_add_func ("/hearth/table-export/average", test_average);
  g_test_add_func ("/hearth/table-export/tsv", test_tsv);
  g_test_add_func ("/hearth/table-export/memory", test_memory);
  g_test_add_func ("/hearth/table-export/memory-missing-metric", test_memory_missing_metric);
  g_test_add_func ("/hearth/table-export/per-frame", test_per_frame);
  g_test_add_func ("/hearth/table-export/per-frame-and-average", test_per_frame_and_average);
  g_test_add_func ("/hearth/table-export/errors", test_errors);
  g_test_add_func ("/hearth/table-export/empty", test_empty);
  g_test_add_func ("/hearth/table-export/locale", test_locale);

  return g_test_run ();
}
