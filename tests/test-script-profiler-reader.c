/* test-script-profiler-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-format.h"
#include "hearth-profile.h"
#include "hearth-script-profiler-reader.h"

/* Expected values are worked out by hand from docs/formats/script-profiler.md
 * (§3 example and its "Checks" list; §4 for V1). */

#define NS_PER_US 1000.0

static HearthProfile *
read_text (const char  *text,
           GError     **error)
{
  HearthImportSource source = { 0 };

  source.display_name = "test.json";
  source.path = "/tmp/test.json";
  source.data = (const guint8 *) text;
  source.length = strlen (text);

  return hearth_script_profiler_read (&source, error);
}

static HearthProfile *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HearthImportSource source = { 0 };
  HearthProfile *profile;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  source.display_name = name;
  source.path = path;
  source.data = (const guint8 *) contents;
  source.length = length;

  profile = hearth_script_profiler_read (&source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

/* Reads text that must fail with @code and exactly @message */
static void
assert_read_error (const char *text,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text (text, &error);

  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Reads text that must load, with exactly the given warnings */
static HearthProfile *
read_with_warnings (const char *text,
                    ...)
{
  g_autoptr(GError) error = NULL;
  HearthProfile *profile = read_text (text, &error);
  const char * const *warnings;
  const char *expected;
  va_list args;
  guint i = 0;

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  warnings = hearth_profile_get_warnings (profile);

  va_start (args, text);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (warnings);
      g_assert_nonnull (warnings[i]);
      g_assert_cmpstr (warnings[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_true (warnings == NULL || warnings[i] == NULL);

  return profile;
}

static void
assert_node (HearthProfile *p,
             guint          node,
             guint          depth,
             const char    *display_name,
             double         total_us,
             double         self_us)
{
  g_autofree char *name = hearth_profile_function_dup_display_name (p, hearth_profile_node_get_function (p, node));

  g_assert_cmpuint (hearth_profile_node_get_depth (p, node), ==, depth);
  g_assert_cmpstr (name, ==, display_name);
  g_assert_cmpfloat (hearth_profile_node_get_total (p, node, HEARTH_METRIC_CPU_TIME), ==, total_us * NS_PER_US);
  g_assert_cmpfloat (hearth_profile_node_get_self (p, node, HEARTH_METRIC_CPU_TIME), ==, self_us * NS_PER_US);
}

static void
assert_location (HearthProfile *p,
                 guint          node,
                 const char    *location)
{
  g_autofree char *text = hearth_profile_function_dup_location (p, hearth_profile_node_get_function (p, node));

  g_assert_cmpstr (text, ==, location);
}

static guint
node_flags (HearthProfile *p,
            guint          node)
{
  return hearth_profile_function_get_flags (p, hearth_profile_node_get_function (p, node));
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

/* §3: the decoded tree and every item of the Checks list */
static void
test_v2_example (void)
{
  g_autoptr(HearthProfile) p = read_fixture ("script-profiler-v2-example.json");
  double root_total;
  char buf[32];
  guint f;

  g_assert_cmpstr (hearth_profile_get_format (p), ==, "script-profiler-v2");
  g_assert_cmpstr (hearth_profile_get_format_name (p), ==, "Roblox Script Profiler (V2)");
  g_assert_true (g_str_has_suffix (hearth_profile_get_file_name (p), "script-profiler-v2-example.json"));
  g_assert_null (hearth_profile_get_warnings (p)[0]);
  g_assert_true (hearth_profile_has_metric (p, HEARTH_METRIC_CPU_TIME));
  g_assert_false (hearth_profile_has_metric (p, HEARTH_METRIC_CALLS));

  /* session length 1000 ms */
  g_assert_cmpfloat (hearth_profile_get_session_start_ms (p), ==, 1718000000000.0);
  g_assert_cmpfloat (hearth_profile_get_session_end_ms (p), ==, 1718000001000.0);
  g_assert_cmpfloat (hearth_profile_get_session_ms (p), ==, 1000.0);
  g_assert_cmpint (hearth_profile_get_capture_time_ms (p), ==, G_GINT64_CONSTANT (1718000000000));

  /* one category; 6 nodes (+ <root>); 5 functions (+ <root> and the category) */
  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 7);
  g_assert_cmpuint (hearth_profile_node_get_n_children (p, 0), ==, 1);
  g_assert_cmpuint (hearth_profile_get_n_functions (p), ==, 7);

  /* the tree, pre-order; inclusive / self in µs */
  assert_node (p, 0, 0, "<root>", 6000, 0);
  assert_node (p, 1, 1, "Heartbeat", 6000, 0);
  assert_node (p, 2, 2, "EnemyAI", 6000, 0);
  assert_node (p, 3, 3, "<anonymous>", 6000, 0);
  assert_node (p, 4, 4, "updateTargets <native>", 6000, 1000);
  assert_node (p, 5, 5, "findPath", 3000, 3000);
  assert_node (p, 6, 5, "WorldRoot.Raycast", 2000, 2000);
  g_assert_cmpuint (hearth_profile_node_get_parent (p, 6), ==, 4);

  /* node 1 (Heartbeat) has no function: a category label */
  g_assert_cmpint (hearth_profile_function_get_kind (p, hearth_profile_node_get_function (p, 1)), ==,
                   HEARTH_FUNCTION_KIND_CATEGORY);
  g_assert_true (hearth_profile_function_is_root_label (p, hearth_profile_node_get_function (p, 1)));
  /* node 2 is function 1 (EnemyAI, a script label), node 3 is function 2 (main chunk) */
  f = hearth_profile_node_get_function (p, 2);
  g_assert_cmpint (hearth_profile_function_get_kind (p, f), ==, HEARTH_FUNCTION_KIND_FUNCTION);
  g_assert_cmpstr (hearth_profile_function_get_name (p, f), ==, "EnemyAI");
  g_assert_null (hearth_profile_function_get_source (p, f));
  assert_location (p, 2, "EnemyAI");
  f = hearth_profile_node_get_function (p, 3);
  g_assert_null (hearth_profile_function_get_name (p, f));
  g_assert_cmpstr (hearth_profile_function_get_source (p, f), ==, "ServerScriptService.EnemyAI");
  g_assert_cmpint (hearth_profile_function_get_line (p, f), ==, 1);
  assert_location (p, 3, "ServerScriptService.EnemyAI:1");

  /* updateTargets is native (Flags 1) */
  g_assert_cmpuint (node_flags (p, 4), ==, HEARTH_FUNCTION_FLAG_NATIVE);
  g_assert_cmpstr (hearth_profile_function_get_name (p, hearth_profile_node_get_function (p, 4)), ==,
                   "updateTargets");
  assert_location (p, 4, "ServerScriptService.EnemyAI:42");
  assert_location (p, 5, "ReplicatedStorage.Pathing:10");
  g_assert_cmpuint (node_flags (p, 5), ==, 0);

  /* WorldRoot.Raycast: Source [C], no line, location text [C] */
  g_assert_cmpuint (node_flags (p, 6), ==, HEARTH_FUNCTION_FLAG_C);
  g_assert_cmpint (hearth_profile_function_get_line (p, hearth_profile_node_get_function (p, 6)), ==, 0);
  assert_location (p, 6, "[C]");

  /* <root> = 6000 µs; updateTargets 100.000 % inclusive, 16.667 % self */
  root_total = hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME);
  g_assert_cmpfloat (root_total, ==, 6000 * NS_PER_US);
  g_snprintf (buf, sizeof buf, "%.3f",
              100.0 * hearth_profile_node_get_total (p, 4, HEARTH_METRIC_CPU_TIME) / root_total);
  g_assert_cmpstr (buf, ==, "100.000");
  g_snprintf (buf, sizeof buf, "%.3f",
              100.0 * hearth_profile_node_get_self (p, 4, HEARTH_METRIC_CPU_TIME) / root_total);
  g_assert_cmpstr (buf, ==, "16.667");

  /* per-function totals from the tree */
  f = find_function (p, "findPath");
  g_assert_cmpfloat (hearth_profile_function_get_total (p, f, HEARTH_METRIC_CPU_TIME), ==, 3000 * NS_PER_US);
}

/* §4, worked out by hand:
 *   Heartbeat 9000 / 0; main 8000 / 0; <anonymous> (Game:1) 8000 / 1000;
 *   update <native> 7000 / 1500; Instance.FindFirstChild 2500 / 2500;
 *   tick (Source "Workspace.Map,Zone A,North", line 7) 3000 / 3000;
 *   GC 1000 / 1000; Uncategorized 3000 / 3000; <root> 12000 */
static void
test_v1_example (void)
{
  g_autoptr(HearthProfile) p = read_fixture ("script-profiler-v1-example.json");
  guint f;

  g_assert_cmpstr (hearth_profile_get_format (p), ==, "script-profiler-v1");
  g_assert_cmpstr (hearth_profile_get_format_name (p), ==, "Roblox Script Profiler (V1)");
  g_assert_null (hearth_profile_get_warnings (p)[0]);
  /* no session in V1 */
  g_assert_true (isnan (hearth_profile_get_session_start_ms (p)));
  g_assert_cmpfloat (hearth_profile_get_session_ms (p), ==, 0);
  g_assert_cmpint (hearth_profile_get_capture_time_ms (p), ==, -1);

  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 9);
  assert_node (p, 0, 0, "<root>", 12000, 0);
  assert_node (p, 1, 1, "Heartbeat", 9000, 0);
  assert_node (p, 2, 2, "main", 8000, 0);
  assert_node (p, 3, 3, "<anonymous>", 8000, 1000);
  assert_node (p, 4, 4, "update <native>", 7000, 1500);
  assert_node (p, 5, 5, "Instance.FindFirstChild", 2500, 2500);
  assert_node (p, 6, 5, "tick", 3000, 3000);
  assert_node (p, 7, 2, "GC", 1000, 1000);
  assert_node (p, 8, 1, "Uncategorized", 3000, 3000);

  g_assert_cmpint (hearth_profile_function_get_kind (p, hearth_profile_node_get_function (p, 1)), ==,
                   HEARTH_FUNCTION_KIND_CATEGORY);
  g_assert_cmpint (hearth_profile_function_get_kind (p, hearth_profile_node_get_function (p, 8)), ==,
                   HEARTH_FUNCTION_KIND_CATEGORY);
  g_assert_cmpint (hearth_profile_function_get_kind (p, hearth_profile_node_get_function (p, 2)), ==,
                   HEARTH_FUNCTION_KIND_FUNCTION);
  /* "main,," is a label: a name, no source */
  g_assert_null (hearth_profile_function_get_source (p, hearth_profile_node_get_function (p, 2)));
  assert_location (p, 2, "main");
  /* main chunk: Source and Line, no Name */
  f = hearth_profile_node_get_function (p, 3);
  g_assert_null (hearth_profile_function_get_name (p, f));
  assert_location (p, 3, "ServerScriptService.Game:1");
  assert_location (p, 4, "ServerScriptService.Game:12");
  g_assert_cmpuint (node_flags (p, 4), ==, HEARTH_FUNCTION_FLAG_NATIVE);
  assert_location (p, 5, "[C]");
  g_assert_cmpuint (node_flags (p, 5), ==, HEARTH_FUNCTION_FLAG_C);
  /* split on the last two commas */
  f = hearth_profile_node_get_function (p, 6);
  g_assert_cmpstr (hearth_profile_function_get_source (p, f), ==, "Workspace.Map,Zone A,North");
  g_assert_cmpstr (hearth_profile_function_get_name (p, f), ==, "tick");
  g_assert_cmpint (hearth_profile_function_get_line (p, f), ==, 7);
  /* GC,GC, */
  f = hearth_profile_node_get_function (p, 7);
  g_assert_cmpstr (hearth_profile_function_get_source (p, f), ==, "GC");
  g_assert_cmpuint (node_flags (p, 7), ==, HEARTH_FUNCTION_FLAG_GC);
  /* Uncategorized has no children: all self */
  g_assert_cmpuint (hearth_profile_node_get_n_children (p, 8), ==, 0);
}

static void
test_v1_optional_fields (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    "{\"Version\":1,\"Children\":{\"Stepped,,\":{\"TotalDuration\":5,\"Children\":{"
    "\"x,f,3\":{\"TotalDuration\":4,\"Source\":\"Real.Source\",\"Line\":9,\"IsNative\":false},"
    "\"nocommas\":{\"TotalDuration\":1}}}}}",
    "1 key is not of the form \"Source,Name,Line\" and was read as a name "
    "(the first: Children[\"Stepped,,\"].Children[\"nocommas\"])",
    NULL);
  guint f = hearth_profile_node_get_function (p, 2);

  g_assert_cmpstr (hearth_profile_function_get_source (p, f), ==, "Real.Source");
  g_assert_cmpstr (hearth_profile_function_get_name (p, f), ==, "f");
  g_assert_cmpint (hearth_profile_function_get_line (p, f), ==, 9);
  g_assert_cmpuint (hearth_profile_function_get_flags (p, f), ==, 0);
  assert_node (p, 3, 2, "nocommas", 1, 1);
  assert_node (p, 1, 1, "Stepped", 5, 0);
}

/* Functions that no edge references do not become functions */
static void
test_v2_unreferenced_function (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    "{\"Version\":2,\"Categories\":[{\"Name\":\"Stepped\",\"NodeId\":1}],"
    "\"Nodes\":[{\"TotalDuration\":10,\"FunctionIds\":[2],\"NodeIds\":[2]},{\"TotalDuration\":4}],"
    "\"Functions\":[{\"Name\":\"unused\",\"TotalDuration\":0},"
    "{\"Name\":\"GC\",\"Source\":\"GC\",\"TotalDuration\":4,\"Flags\":6}]}",
    NULL);

  /* <root>, Stepped, GC */
  g_assert_cmpuint (hearth_profile_get_n_functions (p), ==, 3);
  assert_node (p, 1, 1, "Stepped", 10, 6);
  /* Flags 6: bit 1 plugin, bit 2 unknown and ignored */
  assert_node (p, 2, 2, "GC <plugin>", 4, 4);
  g_assert_cmpuint (node_flags (p, 2), ==, HEARTH_FUNCTION_FLAG_GC | HEARTH_FUNCTION_FLAG_PLUGIN);
  /* no session times: unknown */
  g_assert_cmpfloat (hearth_profile_get_session_ms (p), ==, 0);
  g_assert_cmpint (hearth_profile_get_capture_time_ms (p), ==, -1);
}

/* Two categories; a function labelling two nodes */
static void
test_v2_two_categories (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    "\xef\xbb\xbf  {\"Version\":2,\"SessionStartTime\":1000,\"SessionEndTime\":61000,"
    "\"Categories\":[{\"Name\":\"Heartbeat\",\"NodeId\":3},{\"Name\":\"Stepped\",\"NodeId\":1}],"
    "\"Nodes\":[{\"TotalDuration\":2000,\"FunctionIds\":[1],\"NodeIds\":[2]},{\"TotalDuration\":1003},"
    "{\"TotalDuration\":5000,\"FunctionIds\":[1],\"NodeIds\":[4]},{\"TotalDuration\":5000}],"
    "\"Functions\":[{\"Name\":\"step\",\"Source\":\"S\",\"Line\":3,\"TotalDuration\":6003}],"
    "\"Unknown\":{\"ignored\":true}}",
    NULL);
  guint f;

  g_assert_cmpfloat (hearth_profile_get_session_ms (p), ==, 60000);
  assert_node (p, 0, 0, "<root>", 7000, 0);
  assert_node (p, 1, 1, "Heartbeat", 5000, 0);
  assert_node (p, 2, 2, "step", 5000, 5000);
  assert_node (p, 3, 1, "Stepped", 2000, 997);
  assert_node (p, 4, 2, "step", 1003, 1003);
  f = find_function (p, "step");
  g_assert_cmpuint (hearth_profile_node_get_function (p, 4), ==, f);
  g_assert_cmpfloat (hearth_profile_function_get_total (p, f, HEARTH_METRIC_CPU_TIME), ==, 6003 * NS_PER_US);
  g_assert_cmpuint (hearth_profile_function_get_n_nodes (p, f), ==, 2);
}

#define V2_HEAD "{\"Version\":2,\"Categories\":[{\"Name\":\"C\",\"NodeId\":1}],"
#define V2_FUNCS "\"Functions\":[{\"Name\":\"a\"},{\"Name\":\"b\"}]}"

static void
test_error_node_id_range (void)
{
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1,\"FunctionIds\":[1],\"NodeIds\":[2]},"
                     "{\"TotalDuration\":1,\"FunctionIds\":[1,2,1],\"NodeIds\":[3,1,99]},{\"TotalDuration\":1}],"
                     V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[1].NodeIds[2]: node id 99 out of range (1..3)");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1,\"FunctionIds\":[1],\"NodeIds\":[0]}],"
                     V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0].NodeIds[0]: node id 0 out of range (1..1)");
}

static void
test_error_function_id_range (void)
{
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1,\"FunctionIds\":[3],\"NodeIds\":[2]},"
                     "{\"TotalDuration\":1}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0].FunctionIds[0]: function id 3 out of range (1..2)");
}

static void
test_error_category_id_range (void)
{
  assert_read_error ("{\"Version\":2,\"Categories\":[{\"Name\":\"C\",\"NodeId\":1},{\"Name\":\"D\",\"NodeId\":-4}],"
                     "\"Nodes\":[{\"TotalDuration\":1}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Categories[1].NodeId: node id -4 out of range (1..1)");
}

static void
test_error_wrong_types (void)
{
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1},{\"TotalDuration\":1},{\"TotalDuration\":1},"
                     "{\"TotalDuration\":6000.5}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[3].TotalDuration: expected an integer");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"NodeIds\":[]}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0].TotalDuration: missing (expected an integer)");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":\"12\"}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0].TotalDuration: expected an integer");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1,\"FunctionIds\":{},\"NodeIds\":[]}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0].FunctionIds: expected an array");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1,\"FunctionIds\":[\"1\"],\"NodeIds\":[1]}]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0].FunctionIds[0]: expected an integer");
  assert_read_error (V2_HEAD "\"Nodes\":[7]," V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes[0]: expected an object");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1}],"
                     "\"Functions\":[{\"Name\":\"a\"},{\"Name\":\"b\",\"Line\":\"12\"}]}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Functions[1].Line: expected an integer");
  assert_read_error (V2_HEAD "\"Nodes\":[{\"TotalDuration\":1}],\"Functions\":[{\"Name\":5}]}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Functions[0].Name: expected a string");
  assert_read_error ("{\"Version\":2,\"Categories\":[{\"NodeId\":1}],\"Nodes\":[{\"TotalDuration\":1}],"
                     V2_FUNCS,
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Categories[0].Name: missing (expected a string)");
  assert_read_error ("{\"Version\":2,\"Categories\":[],\"Functions\":[]}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Nodes: missing (expected an array)");
  assert_read_error ("{\"Version\":2,\"Categories\":{},\"Nodes\":[],\"Functions\":[]}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Categories: expected an array");
  assert_read_error ("{\"Version\":\"2\",\"Categories\":[]}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Version: expected an integer");
  assert_read_error ("{\"Version\":1,\"Children\":{\"Heartbeat,,\":{\"TotalDuration\":1,\"Children\":"
                     "{\"main,,\":{\"TotalDuration\":true}}}}}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Children[\"Heartbeat,,\"].Children[\"main,,\"].TotalDuration: "
                     "expected an integer");
  assert_read_error ("{\"Version\":1,\"Children\":{\"Heartbeat,,\":{\"TotalDuration\":1,\"Children\":[]}}}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Children[\"Heartbeat,,\"].Children: expected an object");
  assert_read_error ("{\"Version\":1,\"Children\":{\"Heartbeat,,\":3}}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: Children[\"Heartbeat,,\"]: expected an object");
}

static void
test_error_versions (void)
{
  assert_read_error ("{\"Categories\":[],\"Nodes\":[],\"Functions\":[]}",
                     HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                     "test.json: not a Roblox Script Profiler export (no \"Version\")");
  assert_read_error ("{\"Version\":3,\"Categories\":[],\"Children\":{}}",
                     HEARTH_FORMAT_ERROR_UNSUPPORTED,
                     "test.json: unsupported Script Profiler export version 3");
  assert_read_error ("{\"Version\":0,\"Children\":{}}",
                     HEARTH_FORMAT_ERROR_UNSUPPORTED,
                     "test.json: unsupported Script Profiler export version 0");
  assert_read_error ("[{\"Version\":2}]",
                     HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                     "test.json: not a Roblox Script Profiler export (the JSON is not an object)");
}

/* Version > 2 with Nodes and Functions: read as V2, with a warning */
static void
test_version_3 (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    "{\"Version\":3,\"Categories\":[{\"Name\":\"C\",\"NodeId\":1}],\"Nodes\":[{\"TotalDuration\":7}],"
    "\"Functions\":[],\"NewThing\":[1,2]}",
    "Script Profiler export version 3 read as version 2",
    NULL);

  g_assert_cmpstr (hearth_profile_get_format (p), ==, "script-profiler-v2");
  assert_node (p, 1, 1, "C", 7, 7);
}

static void
test_error_no_categories (void)
{
  assert_read_error ("{\"Version\":2,\"Categories\":[],\"Nodes\":[],\"Functions\":[]}",
                     HEARTH_FORMAT_ERROR_NO_DATA,
                     "test.json: the export has no categories (no script ran during the session)");
  assert_read_error ("{\"Version\":1,\"Name\":\"\",\"TotalDuration\":0,\"Children\":{}}",
                     HEARTH_FORMAT_ERROR_NO_DATA,
                     "test.json: the export has no categories (no script ran during the session)");
}

static void
test_error_json (void)
{
  assert_read_error ("{\"Version\":2,\n \"Nodes\": ]}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: invalid JSON: line 2, column 11: unexpected character `]', "
                     "expected character `}'");
  assert_read_error ("{\"Version\":2,\"Nodes\":[{\"TotalDuration\":1",
                     HEARTH_FORMAT_ERROR_TRUNCATED,
                     "test.json: truncated JSON: the file ends at line 1 with 3 unclosed "
                     "brackets or strings");
  /* an open object and an open string */
  assert_read_error ("{\"Version\":2,\n\"Name\":\"abc",
                     HEARTH_FORMAT_ERROR_TRUNCATED,
                     "test.json: truncated JSON: the file ends at line 2 with 2 unclosed "
                     "brackets or strings");
  /* unbalanced, but the error is not at the end: a syntax error */
  assert_read_error ("{\"Version\":2,\"Nodes\":[},\"Functions\":[{\"Name\":\"a name long enough to "
                     "leave the error far from the end of the file\"}]\n\n\n",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: invalid JSON: line 1, column 23: unexpected character `}', "
                     "expected character `]'");
  assert_read_error ("{\"Version\":2,\"Name\":\"a\xff\"}",
                     HEARTH_FORMAT_ERROR_INVALID,
                     "test.json: invalid JSON: not UTF-8 text (at byte offset 22)");
  assert_read_error ("", HEARTH_FORMAT_ERROR_EMPTY, "test.json: the file is empty");
  assert_read_error ("  \n ", HEARTH_FORMAT_ERROR_EMPTY, "test.json: the file is empty (no JSON value)");
}

static void
test_error_deep_nesting (void)
{
  GString *text = g_string_new ("{\"Version\":1,\"Children\":");
  g_autofree char *owned = NULL;

  /* 1 + 100000 levels; json-glib would recurse once per level */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  owned = g_string_free (text, FALSE);
  assert_read_error (owned, HEARTH_FORMAT_ERROR_TOO_LARGE,
                     "test.json: JSON nested deeper than 2000 levels (at byte offset 2023)");
}

/* 2000 levels are fine: a V1 call path 998 deep */
static void
test_deep_v1 (void)
{
  GString *text = g_string_new ("{\"Version\":1,\"Children\":{\"C,,\":{\"TotalDuration\":1000");
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owned = NULL;
  guint depth = 998;  /* levels: 1 root + 2 per node = 1997, + 1 for the leaf object */

  for (guint i = 1; i < depth; i++)
    g_string_append (text, ",\"Children\":{\"s,f,1\":{\"TotalDuration\":1000");
  for (guint i = 0; i < depth; i++)
    g_string_append (text, "}}");
  g_string_append_c (text, '}');
  owned = g_string_free (text, FALSE);

  p = read_text (owned, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, depth + 1);
  g_assert_cmpuint (hearth_profile_node_get_depth (p, depth), ==, depth);
  g_assert_cmpfloat (hearth_profile_node_get_self (p, depth, HEARTH_METRIC_CPU_TIME), ==, 1000 * NS_PER_US);
  g_assert_cmpfloat (hearth_profile_node_get_self (p, 1, HEARTH_METRIC_CPU_TIME), ==, 0);
}

static void
test_warning_length_mismatch (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    V2_HEAD "\"Nodes\":[{\"TotalDuration\":9,\"FunctionIds\":[1,2],\"NodeIds\":[2]},{\"TotalDuration\":4}],"
    V2_FUNCS,
    "Nodes[0]: FunctionIds and NodeIds differ in length (2 and 1); its calls were skipped",
    "1 node is not reachable from any category and was ignored",
    NULL);

  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 2);
  assert_node (p, 1, 1, "C", 9, 9);
}

static void
test_warning_reached_twice (void)
{
  /* node 3 is a child of both node 1 and node 2: the first edge (1 → 3, labelled b) wins */
  g_autoptr(HearthProfile) p = read_with_warnings (
    V2_HEAD "\"Nodes\":[{\"TotalDuration\":10,\"FunctionIds\":[2,1],\"NodeIds\":[3,2]},"
    "{\"TotalDuration\":4,\"FunctionIds\":[2],\"NodeIds\":[3]},{\"TotalDuration\":3}],"
    V2_FUNCS,
    "Nodes[1].NodeIds[0]: node id 3 is reached a second time; the first path was kept",
    NULL);

  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 4);
  assert_node (p, 1, 1, "C", 10, 3);
  assert_node (p, 2, 2, "b", 3, 3);
  assert_node (p, 3, 2, "a", 4, 4);
}

static void
test_warning_cycle (void)
{
  /* 1 → 2 → 3 → 1 and 3 → 3 */
  g_autoptr(HearthProfile) p = read_with_warnings (
    V2_HEAD "\"Nodes\":[{\"TotalDuration\":10,\"FunctionIds\":[1],\"NodeIds\":[2]},"
    "{\"TotalDuration\":8,\"FunctionIds\":[2],\"NodeIds\":[3]},"
    "{\"TotalDuration\":5,\"FunctionIds\":[1,2],\"NodeIds\":[1,3]}],"
    V2_FUNCS,
    "Nodes[2].NodeIds[0]: node id 1 calls back into its own call path (a cycle); that call was skipped",
    "Nodes[2].NodeIds[1]: node id 3 calls back into its own call path (a cycle); that call was skipped",
    NULL);

  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 4);
  assert_node (p, 1, 1, "C", 10, 2);
  assert_node (p, 2, 2, "a", 8, 3);
  assert_node (p, 3, 3, "b", 5, 5);
}

static void
test_warning_unreachable (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    V2_HEAD "\"Nodes\":[{\"TotalDuration\":10},{\"TotalDuration\":8,\"FunctionIds\":[2],\"NodeIds\":[3]},"
    "{\"TotalDuration\":5},{\"TotalDuration\":1}],"
    V2_FUNCS,
    "3 nodes are not reachable from any category and were ignored",
    NULL);

  g_assert_cmpuint (hearth_profile_get_n_nodes (p), ==, 2);
  /* b is referenced only from an unreachable node: not a function */
  g_assert_cmpuint (hearth_profile_get_n_functions (p), ==, 2);
}

static void
test_warning_negative (void)
{
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(HearthProfile) p1 = NULL;

  p = read_with_warnings (
    V2_HEAD "\"Nodes\":[{\"TotalDuration\":10,\"FunctionIds\":[1,2],\"NodeIds\":[2,3]},"
    "{\"TotalDuration\":-4},{\"TotalDuration\":-1}],"
    V2_FUNCS,
    "2 negative durations read as 0 (the first at Nodes[1].TotalDuration: -4 µs)",
    NULL);
  assert_node (p, 1, 1, "C", 10, 10);
  assert_node (p, 2, 2, "a", 0, 0);
  assert_node (p, 3, 2, "b", 0, 0);

  p1 = read_with_warnings (
    "{\"Version\":1,\"Children\":{\"Heartbeat,,\":{\"TotalDuration\":-7}}}",
    "Children[\"Heartbeat,,\"].TotalDuration: negative duration -7 µs read as 0",
    NULL);
  assert_node (p1, 1, 1, "Heartbeat", 0, 0);
}

static void
test_warning_session (void)
{
  g_autoptr(HearthProfile) p = read_with_warnings (
    "{\"Version\":2,\"SessionStartTime\":5000,\"SessionEndTime\":4000,"
    "\"Categories\":[{\"Name\":\"C\",\"NodeId\":1}],\"Nodes\":[{\"TotalDuration\":7}],\"Functions\":[]}",
    "SessionEndTime is before SessionStartTime; the session length is unknown",
    NULL);

  g_assert_cmpfloat (hearth_profile_get_session_ms (p), ==, 0);
  g_assert_cmpint (hearth_profile_get_capture_time_ms (p), ==, 5000);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *values = user_data;

  g_array_append_val (values, fraction);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "script-profiler-v2-example.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = NULL;
  HearthImportSource source = { 0 };
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  source.display_name = "example.json";
  source.data = (const guint8 *) contents;
  source.length = length;
  source.progress = progress_cb;
  source.progress_data = values;

  p = hearth_script_profiler_read (&source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, >=, 3);
  g_assert_cmpfloat (g_array_index (values, double, 0), ==, 0.0);
  g_assert_cmpfloat (g_array_index (values, double, 1), ==, 0.5);
  g_assert_cmpfloat (g_array_index (values, double, values->len - 1), ==, 1.0);
  for (guint i = 1; i < values->len; i++)
    g_assert_cmpfloat (g_array_index (values, double, i - 1), <=, g_array_index (values, double, i));
  /* no path: the display name names the profile */
  g_assert_cmpstr (hearth_profile_get_file_name (p), ==, "example.json");

  g_cancellable_cancel (cancellable);
  source.cancellable = cancellable;
  source.progress = NULL;
  g_clear_object (&p);
  p = hearth_script_profiler_read (&source, &error);
  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_str_has_prefix (error->message, "example.json: "));
}

static void
test_sniff (void)
{
  const char *yes[] = {
    "{\"Version\":2,\"Categories\":[]}",
    "\xef\xbb\xbf\n\t {\"Version\" : 1, \"Children\":{}}",
  };
  const char *no[] = {
    "",
    "{}",
    "[{\"Version\":2,\"Nodes\":[]}]",
    "{\"Version\":\"2\",\"Nodes\":[]}",
    "{\"Nodes\":[]}",
    "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\",\"version\":\"0.1.2\"}",
  };
  GString *big;

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (hearth_script_profiler_sniff ((const guint8 *) yes[i], strlen (yes[i])));
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (hearth_script_profiler_sniff ((const guint8 *) no[i], strlen (no[i])));

  /* keys after a huge Nodes array: Version at the end is still found */
  big = g_string_new ("{\"Nodes\":[");
  for (guint i = 0; i < 20000; i++)
    g_string_append (big, "{\"TotalDuration\":1},");
  g_string_append (big, "{\"TotalDuration\":1}],\"Functions\":[],\"Version\":2}");
  g_assert_true (hearth_script_profiler_sniff ((const guint8 *) big->str, big->len));
  g_string_free (big, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/script-profiler-reader/v2-example", test_v2_example);
  g_test_add_func ("/hearth/script-profiler-reader/v1-example", test_v1_example);
  g_test_add_func ("/hearth/script-profiler-reader/v1-optional-fields", test_v1_optional_fields);
  g_test_add_func ("/hearth/script-profiler-reader/v2-unreferenced-function", test_v2_unreferenced_function);
  g_test_add_func ("/hearth/script-profiler-reader/v2-two-categories", test_v2_two_categories);
  g_test_add_func ("/hearth/script-profiler-reader/version-3", test_version_3);
  g_test_add_func ("/hearth/script-profiler-reader/deep-v1", test_deep_v1);
  g_test_add_func ("/hearth/script-profiler-reader/error/node-id-range", test_error_node_id_range);
  g_test_add_func ("/hearth/script-profiler-reader/error/function-id-range", test_error_function_id_range);
  g_test_add_func ("/hearth/script-profiler-reader/error/category-id-range", test_error_category_id_range);
  g_test_add_func ("/hearth/script-profiler-reader/error/wrong-types", test_error_wrong_types);
  g_test_add_func ("/hearth/script-profiler-reader/error/versions", test_error_versions);
  g_test_add_func ("/hearth/script-profiler-reader/error/no-categories", test_error_no_categories);
  g_test_add_func ("/hearth/script-profiler-reader/error/json", test_error_json);
  g_test_add_func ("/hearth/script-profiler-reader/error/deep-nesting", test_error_deep_nesting);
  g_test_add_func ("/hearth/script-profiler-reader/warning/length-mismatch", test_warning_length_mismatch);
  g_test_add_func ("/hearth/script-profiler-reader/warning/reached-twice", test_warning_reached_twice);
  g_test_add_func ("/hearth/script-profiler-reader/warning/cycle", test_warning_cycle);
  g_test_add_func ("/hearth/script-profiler-reader/warning/unreachable", test_warning_unreachable);
  g_test_add_func ("/hearth/script-profiler-reader/warning/negative", test_warning_negative);
  g_test_add_func ("/hearth/script-profiler-reader/warning/session", test_warning_session);
  g_test_add_func ("/hearth/script-profiler-reader/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/hearth/script-profiler-reader/sniff", test_sniff);

  return g_test_run ();
}
