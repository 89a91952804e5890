/* test-lua-report-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-call-graph.h"
#include "hearth-folded-reader.h"
#include "hearth-lua-report-reader.h"
#include "hearth-papyrus-reader.h"

/* Figures come from docs/formats/lua-profiler.md §4.1, §5.6 (expected parse
 * table), §5.7 and §6.1 (derived values). Times in the model are ns. */

#define MS 1e6

static char *
load_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static HearthProfile *
read_text (const char  *name,
           const char  *text,
           gsize        length,
           GError     **error)
{
  HearthImportSource source = { 0 };

  source.display_name = name;
  source.data = (const guint8 *) text;
  source.length = length;
  return hearth_lua_report_read (&source, error);
}

static HearthProfile *
read_fixture (const char *name)
{
  gsize length;
  g_autofree char *text = load_fixture (name, &length);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile = read_text (name, text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

/* the function whose name and source match; asserts there is exactly one */
static guint
find_function (HearthProfile *profile,
               const char    *name,
               const char    *source)
{
  guint found = HEARTH_NO_INDEX;

  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0 &&
        g_strcmp0 (hearth_profile_function_get_source (profile, f), source) == 0)
      {
        g_assert_cmpuint (found, ==, HEARTH_NO_INDEX);
        found = f;
      }

  g_assert_cmpuint (found, !=, HEARTH_NO_INDEX);
  return found;
}

static void
assert_record (HearthCallGraph *graph,
               guint            f,
               double           count,
               double           total_ms,
               double           children_ms,
               double           self_ms)
{
  g_assert_true (hearth_call_graph_function_has_record (graph, f));
  g_assert_cmpfloat (hearth_call_graph_function_get_count (graph, f), ==, count);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_total (graph, f), total_ms * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_children (graph, f), children_ms * MS, 1);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_self (graph, f), self_ms * MS, 1);
}

static void
assert_edge (HearthCallGraph *graph,
             guint            caller,
             guint            callee,
             double           count,
             double           time_ms)
{
  HearthCallEdge edge;

  g_assert_true (hearth_call_graph_find_edge (graph, caller, callee, &edge));
  g_assert_cmpfloat (edge.count, ==, count);
  g_assert_cmpfloat_with_epsilon (edge.time, time_ms * MS, 1);
}

/* §4.1: the five rows of the splitting table */
static void
test_split_name (void)
{
  static const struct
  {
    const char   *input;
    HearthLuaKind kind;
    const char   *name;
    const char   *source;
    const char   *line;
  } rows[] = {
    { "L:DoDelta@scripts/components/health.lua:410", HEARTH_LUA_KIND_LUA, "DoDelta",
      "scripts/components/health.lua", "410" },
    { "L:<function: 000001D2C4A8F1B0>@scripts/update.lua:103", HEARTH_LUA_KIND_LUA,
      "<function: 000001D2C4A8F1B0>", "scripts/update.lua", "103" },
    { "C:pcall@=[C]:?", HEARTH_LUA_KIND_C, "pcall", "=[C]", "?" },
    { " :<function: 0x55d5c8a3b2c0>@@C:\\game\\main.lua:0", HEARTH_LUA_KIND_MAIN,
      "<function: 0x55d5c8a3b2c0>", "@C:\\game\\main.lua", "0" },
    { "@=(tail call):-1", HEARTH_LUA_KIND_TAIL, "", "=(tail call)", "-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      HearthLuaKind kind;
      g_autofree char *name = NULL;
      g_autofree char *source = NULL;
      g_autofree char *line = NULL;

      g_assert_true (hearth_lua_split_name (rows[i].input, &kind, &name, &source, &line));
      g_assert_cmpint (kind, ==, rows[i].kind);
      g_assert_cmpstr (name, ==, rows[i].name);
      g_assert_cmpstr (source, ==, rows[i].source);
      g_assert_cmpstr (line, ==, rows[i].line);
    }
}

static void
test_sniff (void)
{
  gsize len_report, len_table, len_call;
  g_autofree char *report = load_fixture ("lua-report-time.txt", &len_report);
  g_autofree char *table = load_fixture ("lua-table.lua", &len_table);
  g_autofree char *call = load_fixture ("lua-report-call.txt", &len_call);

  g_assert_true (hearth_lua_report_sniff ((const guint8 *) report, len_report));
  g_assert_true (hearth_lua_report_sniff ((const guint8 *) call, len_call));
  g_assert_false (hearth_lua_table_sniff ((const guint8 *) report, len_report));
  g_assert_true (hearth_lua_table_sniff ((const guint8 *) table, len_table));
  g_assert_false (hearth_lua_report_sniff ((const guint8 *) table, len_table));
  g_assert_false (hearth_papyrus_sniff ((const guint8 *) report, len_report));
  g_assert_false (hearth_papyrus_sniff ((const guint8 *) table, len_table));
  g_assert_false (hearth_lua_report_sniff ((const guint8 *) "Time spend total: 1ms\n", 22));
}

typedef struct
{
  guint update;     /* L:<function: 000001D2C4A8F1B0>@scripts/update.lua:103 */
  guint locomotor;  /* L:OnUpdate@scripts/components/locomotor.lua:1502 */
  guint scheduler;  /* L:Update@scripts/scheduler.lua:262 */
  guint pcall;      /* C:pcall@=[C]:? */
  guint brain;      /* L:OnUpdate@scripts/brain.lua:201 */
  guint health;     /* L:DoDelta@scripts/components/health.lua:410 */
} Example;

static void
find_example (HearthProfile *profile,
              Example       *ex)
{
  ex->update = find_function (profile, "<function: 000001D2C4A8F1B0>", "scripts/update.lua");
  ex->locomotor = find_function (profile, "OnUpdate", "scripts/components/locomotor.lua");
  ex->scheduler = find_function (profile, "Update", "scripts/scheduler.lua");
  ex->pcall = find_function (profile, "pcall", "=[C]");
  ex->brain = find_function (profile, "OnUpdate", "scripts/brain.lua");
  ex->health = find_function (profile, "DoDelta", "scripts/components/health.lua");
}

/* §5.6 expected parse table */
static void
check_time_example (HearthProfile *profile)
{
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);
  Example ex;

  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "lua-report");
  g_assert_cmpstr (hearth_profile_get_mode (profile), ==, "time");
  g_assert_true (hearth_profile_get_approximate (profile));
  g_assert_false (hearth_call_graph_is_derived (graph));
  g_assert_cmpuint (hearth_profile_get_n_functions (profile), ==, 7);   /* <root> + 6 */

  find_example (profile, &ex);
  assert_record (graph, ex.update, 412, 619.065, 604.842, 14.222);
  assert_record (graph, ex.locomotor, 210, 317.238, 0, 317.238);
  assert_record (graph, ex.scheduler, 134, 201.874, 180.436, 21.438);
  assert_record (graph, ex.pcall, 120, 180.436, 180.436, 0);
  assert_record (graph, ex.brain, 120, 180.436, 0, 180.436);
  assert_record (graph, ex.health, 59, 85.731, 0, 85.731);

  /* "Time spent per sample: 1.50258ms/sample" */
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_total_per_count (graph, ex.update) / MS,
                                  1.50258, 0.000005);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_self_per_count (graph, ex.update) / MS,
                                  0.03452, 0.000005);

  g_assert_cmpuint (hearth_call_graph_get_n_edges (graph), ==, 5);
  assert_edge (graph, ex.update, ex.locomotor, 210, 317.24);
  assert_edge (graph, ex.update, ex.scheduler, 134, 201.87);
  assert_edge (graph, ex.update, ex.health, 59, 85.73);
  assert_edge (graph, ex.scheduler, ex.pcall, 120, 180.44);
  assert_edge (graph, ex.pcall, ex.brain, 120, 180.44);

  /* kinds: L, C; C functions have no line */
  g_assert_cmpstr (hearth_profile_function_get_group (profile, ex.update), ==, "Lua");
  g_assert_cmpint (hearth_lua_kind_from_group (hearth_profile_function_get_group (profile, ex.pcall)),
                   ==, HEARTH_LUA_KIND_C);
  g_assert_true (hearth_profile_function_get_flags (profile, ex.pcall) & HEARTH_FUNCTION_FLAG_C);
  g_assert_cmpint (hearth_profile_function_get_line (profile, ex.pcall), ==, 0);
  g_assert_cmpint (hearth_profile_function_get_line (profile, ex.locomotor), ==, 1502);
}

static void
test_report_time (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("lua-report-time.txt");
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);
  const guint32 *edges;
  guint n;
  Example ex;

  check_time_example (profile);
  find_example (profile, &ex);

  /* "Total time spent in profiled functions:   619ms" */
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "reported-total"), ==, "619ms");
  g_assert_null (hearth_profile_get_warnings (profile)[0]);

  /* callees heaviest first; callers of pcall */
  edges = hearth_call_graph_get_callees (graph, ex.update, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[0])->callee, ==, ex.locomotor);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[2])->callee, ==, ex.health);
  edges = hearth_call_graph_get_callers (graph, ex.pcall, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[0])->caller, ==, ex.scheduler);
  g_assert_cmpuint (hearth_call_graph_get_edge (graph, edges[0])->count, ==, 120);
  edges = hearth_call_graph_get_callers (graph, ex.update, &n);
  g_assert_cmpuint (n, ==, 0);
}

/* The approximate tree: update.lua is the only function nobody calls; the
 * residues of the others are below 1 % (rounding of the Child times). */
static void
test_report_tree (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("lua-report-time.txt");
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
  guint n_children;
  g_autofree guint *roots = hearth_profile_node_dup_children_sorted (profile, 0, HEARTH_METRIC_CPU_TIME,
                                                                     &n_children);
  Example ex;
  guint update_node;

  find_example (profile, &ex);
  g_assert_cmpuint (n_children, ==, 1);
  update_node = roots[0];
  g_assert_cmpuint (tree->function[update_node], ==, ex.update);
  g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME),
                                  619.065 * MS, 1);
  /* self = 619.065 − (317.24 + 201.87 + 85.73) */
  g_assert_cmpfloat_with_epsilon (tree->self[HEARTH_METRIC_CPU_TIME][update_node], 14.225 * MS, 1);
  g_assert_cmpfloat (tree->self[HEARTH_METRIC_CALLS][update_node], ==, 412);
  g_assert_cmpuint (tree->n_nodes, ==, 7);   /* <root>, update, locomotor, Update, pcall, brain, DoDelta */

  /* per-function totals of the tree match the report (to rounding) */
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_total (profile, ex.locomotor, HEARTH_METRIC_CPU_TIME),
                                  317.24 * MS, 0.01 * MS);
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_total (profile, ex.brain, HEARTH_METRIC_CPU_TIME),
                                  180.436 * MS, 0.01 * MS);
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_self (profile, ex.pcall, HEARTH_METRIC_CPU_TIME),
                                  0, 0.01 * MS);
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, ex.brain, HEARTH_METRIC_CALLS), ==, 120);
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, ex.health, HEARTH_METRIC_CALLS), ==, 59);
}

/* §5.5: the report inside a game log, with the log prefix on the first line */
static void
test_report_in_log (void)
{
  gsize length;
  g_autofree char *report = load_fixture ("lua-report-time.txt", &length);
  g_autofree char *text = g_strconcat ("[00:12:30]: Loading world\n"
                                       "[00:12:31]: Time spend total: is not a block line\n"
                                       "[00:12:34]: ", report,
                                       "\n[00:12:35]: Saving world\n", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("client_log.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_true (hearth_lua_report_sniff ((const guint8 *) text, strlen (text)));
  check_time_example (profile);
  g_assert_null (hearth_profile_get_warnings (profile)[0]);
}

/* §5.4: the original Pepperfish layout, in seconds */
static void
test_report_pepperfish (void)
{
  static const char text[] =
    "Lua Profile output created by profiler.lua. Copyright Pepperfish 2002+\n"
    "\n"
    "------------------------------ L:f@a.lua:1 -------------------------------\n"
    "Sample count:            2\n"
    "Time spend total:       0.500s\n"
    "Time spent in children: 0.200s\n"
    "Time spent in self:     0.300s\n"
    "Time spent per sample:  0.25000s/sample\n"
    "Time spent in self per sample: 0.15000s/sample\n"
    "\n"
    "Child L:g@a.lua:5                                 sampled      2 times. Took 0.20s\n"
    "\n"
    "------------------------------ L:g@a.lua:5 -------------------------------\n"
    "Sample count:            2\n"
    "Time spend total:       0.200s\n"
    "Time spent in children: 0.000s\n"
    "Time spent in self:     0.200s\n"
    "Time spent per sample:  0.10000s/sample\n"
    "Time spent in self per sample: 0.10000s/sample\n"
    "\n"
    "\n"
    "\n"
    "Total time spent in profiled functions:   0.5s\n"
    "\n"
    "END\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("profile.txt", text, strlen (text), &error);
  HearthCallGraph *graph;
  guint f, g;

  g_assert_no_error (error);
  graph = hearth_call_graph_get_for_profile (profile);
  f = find_function (profile, "f", "a.lua");
  g = find_function (profile, "g", "a.lua");
  assert_record (graph, f, 2, 500, 200, 300);
  assert_record (graph, g, 2, 200, 0, 200);
  assert_edge (graph, f, g, 2, 200);
  g_assert_cmpstr (hearth_profile_get_format_name (profile), ==, "Lua profiler.lua report (Pepperfish)");
  g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME),
                                  500 * MS, 1);
}

/* §5.7: call mode; the example is elided, so some Child lines have no
 * block and one line inside a block is unknown */
static void
test_report_call (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("lua-report-call.txt");
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);
  const char * const *warnings = hearth_profile_get_warnings (profile);
  guint update, health, loco, max;

  g_assert_cmpstr (hearth_profile_get_mode (profile), ==, "call");
  update = find_function (profile, "<function: 000001D2C4A8F1B0>", "scripts/update.lua");
  health = find_function (profile, "DoDelta", "scripts/components/health.lua");
  loco = find_function (profile, "OnUpdate", "scripts/components/locomotor.lua");
  max = find_function (profile, "max", "=[C]");

  assert_record (graph, update, 30, 241.2, 213.5, 27.7);
  assert_record (graph, health, 150, 151.2, 1.1, 150.1);
  g_assert_false (hearth_call_graph_function_has_record (graph, loco));
  assert_edge (graph, update, loco, 30, 62.30);
  assert_edge (graph, update, health, 150, 151.20);
  assert_edge (graph, health, max, 150, 0.60);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_total_per_count (graph, update) / MS,
                                  8.04, 0.000005);

  g_assert_nonnull (warnings);
  g_assert_cmpstr (warnings[0], ==, "unknown lines inside blocks skipped: 1, first at line 23");
  g_assert_cmpstr (warnings[1], ==,
                   "line 9: Child 'L:OnUpdate@scripts/components/locomotor.lua:1502' has no block of its own");
  g_assert_cmpstr (warnings[2], ==, "line 20: Child 'C:max@=[C]:?' has no block of its own");
  g_assert_cmpstr (warnings[3], ==, "line 21: Child 'C:min@=[C]:?' has no block of its own");
  g_assert_null (warnings[4]);

  /* in call mode counts are not nested: DoDelta is called 150 times from
   * 30 calls of update, and the tree says so */
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, health, HEARTH_METRIC_CALLS), ==, 150);
}

/* §6.1 and its derived values */
static void
test_table (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("lua-table.lua");
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);
  Example ex;

  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "lua-table");
  g_assert_null (hearth_profile_get_mode (profile));   /* lua_report does not say */
  g_assert_null (hearth_profile_get_warnings (profile)[0]);
  g_assert_true (hearth_profile_get_approximate (profile));

  find_example (profile, &ex);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_total (graph, ex.update),
                                  0.6190649296755 * 1e9, 1e-3);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_self (graph, ex.update),
                                  0.01422243702952 * 1e9, 1e-3);
  g_assert_cmpfloat (hearth_call_graph_function_get_count (graph, ex.update), ==, 412);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_self (graph, ex.pcall), 0, 1e-3);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_children (graph, ex.pcall),
                                  0.18043621373624 * 1e9, 1e-3);
  g_assert_cmpfloat (hearth_call_graph_function_get_count (graph, ex.health), ==, 59);

  g_assert_cmpuint (hearth_call_graph_get_n_edges (graph), ==, 5);
  assert_edge (graph, ex.update, ex.locomotor, 210, 317.23794554695);
  assert_edge (graph, ex.update, ex.scheduler, 134, 201.87379999012);
  assert_edge (graph, ex.update, ex.health, 59, 85.730747108906);
  assert_edge (graph, ex.scheduler, ex.pcall, 120, 180.43621373624);
  assert_edge (graph, ex.pcall, ex.brain, 120, 180.43621373624);

  /* without rounding, every callee is fully explained by its callers */
  g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME),
                                  0.6190649296755 * 1e9, 1);
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_total (profile, ex.brain, HEARTH_METRIC_CPU_TIME),
                                  0.18043621373624 * 1e9, 1);
}

/* %q strings that span lines; line numbers stay right after them */
#define MULTILINE_HEAD \
  "-- Profile generated by profiler.lua Copyright Pepperfish 2002+\n" \
  "\n" \
  "-- Function names\n" \
  "funcnames = {}\n" \
  "funcnames[1] = \"L:a\\\n" \
  "b \\\"q\\\"@x.lua:7\"\n" \
  "\n" \
  "-- Function times\n" \
  "functimes = {}\n"

static void
test_table_multiline_name (void)
{
  static const char bad[] = MULTILINE_HEAD "functimes[1] = { tot=oops }\n";
  static const char no_count[] = MULTILINE_HEAD "functimes[1] = { tot=1 }\n";
  static const char good[] = MULTILINE_HEAD "functimes[1] = { tot=1, achild=0, nchild=0.25, count=3 }\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  guint f;

  profile = read_text ("lua.txt", bad, strlen (bad), &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "lua.txt: line 10: malformed functimes entry (expected '{ tot=…, achild=…, nchild=…, count=… }')");
  g_clear_error (&error);

  profile = read_text ("lua.txt", no_count, strlen (no_count), &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
  g_clear_error (&error);

  profile = read_text ("lua.txt", good, strlen (good), &error);
  g_assert_no_error (error);
  f = find_function (profile, "a\nb \"q\"", "x.lua");
  g_assert_cmpint (hearth_profile_function_get_line (profile, f), ==, 7);
  g_assert_cmpfloat_with_epsilon (hearth_call_graph_function_get_self (hearth_call_graph_get_for_profile (profile), f),
                                  0.75e9, 1);
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[0], ==,
                   "the text has no '-- That is all.' line: it may be truncated");
}

/* Duplicate names stay separate records; merge-by-name is a view option */
static void
test_duplicates_and_merge (void)
{
  static const char text[] =
    "------------------- L:<function: 0x1>@scripts/update.lua:1 -------------------\n"
    "Sample count:           10\n"
    "Time spend total:       10.000ms\n"
    "Time spent in children: 6.000ms\n"
    "Time spent in self:     4.000ms\n"
    "\n"
    "Child L:f@scripts/a.lua:7                         sampled      4 times. Took 4.00ms\n"
    "Child L:f@scripts/a.lua:7                         sampled      2 times. Took 2.00ms\n"
    "\n"
    "------------------------------ L:f@scripts/a.lua:7 ------------------------------\n"
    "Sample count:            4\n"
    "Time spend total:       4.000ms\n"
    "Time spent in children: 0.000ms\n"
    "Time spent in self:     4.000ms\n"
    "\n"
    "------------------------------ L:f@scripts/a.lua:7 ------------------------------\n"
    "Sample count:            2\n"
    "Time spend total:       2.000ms\n"
    "Time spent in children: 0.000ms\n"
    "Time spent in self:     2.000ms\n"
    "\n"
    "\n"
    "\n"
    "Total time spent in profiled functions:    10ms\n"
    "END";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("dup.txt", text, strlen (text), &error);
  g_autoptr(HearthProfile) merged = NULL;
  HearthCallGraph *graph;
  HearthCallEdge edge;
  guint n_f = 0, first_f = HEARTH_NO_INDEX, update;

  g_assert_no_error (error);
  graph = hearth_call_graph_get_for_profile (profile);
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), "f") == 0)
      {
        if (n_f++ == 0)
          first_f = f;
      }
  g_assert_cmpuint (n_f, ==, 2);
  update = find_function (profile, "<function: 0x1>", "scripts/update.lua");

  /* both Child lines resolve to the first block: one ambiguous edge */
  g_assert_true (hearth_call_graph_find_edge (graph, update, first_f, &edge));
  g_assert_cmpfloat (edge.count, ==, 6);
  g_assert_true (edge.ambiguous);
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[0], ==,
                   "Child lines naming a function that has several blocks: 2 "
                   "(attached to the first block of that name)");

  merged = hearth_lua_merge_by_name (profile);
  graph = hearth_call_graph_get_for_profile (merged);
  g_assert_true (hearth_profile_get_approximate (merged));
  {
    guint f = find_function (merged, "f", "scripts/a.lua");

    assert_record (graph, f, 6, 6, 0, 6);
    g_assert_cmpstr (hearth_profile_get_mode (merged), ==, "time");
    g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (merged, HEARTH_METRIC_CPU_TIME),
                                    10 * MS, 1);
    g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_total (merged, f, HEARTH_METRIC_CPU_TIME),
                                    6 * MS, 1);
  }
}

static void
expect_error (const char        *text,
              gint               code,
              const char        *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("bad.txt", text, strlen (text), &error);

  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_malformed (void)
{
  expect_error ("------------------- L:f@a.lua:1 -------------------\n"
                "Sample count:          abc\n",
                HEARTH_FORMAT_ERROR_INVALID, "bad.txt: line 2: expected a count after 'Sample count:'");
  expect_error ("------------------- L:f@a.lua:1 -------------------\n"
                "Call count:            3\n"
                "Time spend total:       lots\n",
                HEARTH_FORMAT_ERROR_INVALID,
                "bad.txt: line 3: expected a time in ms or s after 'Time spend total:'");
  expect_error ("------------------- L:f@a.lua:1 -------------------\n"
                "Call count:            3\n"
                "Time spent in self:     1.5min\n",
                HEARTH_FORMAT_ERROR_INVALID,
                "bad.txt: line 3: expected a time in ms or s after 'Time spent in self:'");
  expect_error ("------------------- L:f@a.lua:1 -------------------\n"
                "Sample count:            3\n"
                "\n"
                "Child L:g@a.lua:2 sampled many times. Took 1.00ms\n",
                HEARTH_FORMAT_ERROR_INVALID,
                "bad.txt: line 4: malformed Child line (expected 'Child NAME sampled|called N times. Took Tms')");
  expect_error ("Time spend total:  1ms\nTime spent in self: 1ms\n"
                "Total time spent in profiled functions: 1ms\nEND",
                HEARTH_FORMAT_ERROR_NO_DATA, "bad.txt: no function blocks found in the profiler.lua report");
  expect_error ("-- Profile generated by profiler.lua Copyright Pepperfish 2002+\n\n-- Function names\n",
                HEARTH_FORMAT_ERROR_NO_DATA,
                "bad.txt: no funcnames or functimes entries in the lua_report() text");
  expect_error ("-- Profile generated by profiler.lua Copyright Pepperfish 2002+\n"
                "funcnames[1] = \"unterminated\n",
                HEARTH_FORMAT_ERROR_INVALID, "bad.txt: line 2: malformed funcnames string");
  expect_error ("-- Profile generated by profiler.lua Copyright Pepperfish 2002+\n"
                "funcnames[1] = \"a\"\n"
                "-- Child links\n"
                "children[1] = { 1, x }\n",
                HEARTH_FORMAT_ERROR_INVALID, "bad.txt: line 4: malformed list (expected '{ n, n, }')");
}

/* A report cut short: what is there loads, with a warning */
static void
test_truncated (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("lua-report-time.txt", &length);
  char *cut = strstr (text, "------------------- L:DoDelta");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;

  g_assert_nonnull (cut);
  profile = read_text ("cut.txt", text, cut - text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[0], ==,
                   "the report has no END line: it may be truncated");
  /* DoDelta has no block now: a placeholder keeps the edge */
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[1], ==,
                   "line 11: Child 'L:DoDelta@scripts/components/health.lua:410' has no block of its own");
}

/* CRLF (Don't Starve writes CRLF) and a BOM */
static void
test_crlf (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("lua-report-time.txt", &length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *joined = g_strjoinv ("\r\n", lines);
  g_autofree char *crlf = g_strconcat ("\xef\xbb\xbf", joined, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("crlf.txt", crlf, strlen (crlf), &error);

  g_assert_no_error (error);
  check_time_example (profile);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/lua-report-reader/split-name", test_split_name);
  g_test_add_func ("/hearth/lua-report-reader/sniff", test_sniff);
  g_test_add_func ("/hearth/lua-report-reader/report-time", test_report_time);
  g_test_add_func ("/hearth/lua-report-reader/report-tree", test_report_tree);
  g_test_add_func ("/hearth/lua-report-reader/report-in-log", test_report_in_log);
  g_test_add_func ("/hearth/lua-report-reader/report-pepperfish", test_report_pepperfish);
  g_test_add_func ("/hearth/lua-report-reader/report-call", test_report_call);
  g_test_add_func ("/hearth/lua-report-reader/table", test_table);
  g_test_add_func ("/hearth/lua-report-reader/table-multiline-name", test_table_multiline_name);
  g_test_add_func ("/hearth/lua-report-reader/duplicates-and-merge", test_duplicates_and_merge);
  g_test_add_func ("/hearth/lua-report-reader/malformed", test_malformed);
  g_test_add_func ("/hearth/lua-report-reader/truncated", test_truncated);
  g_test_add_func ("/hearth/lua-report-reader/crlf", test_crlf);

  return g_test_run ();
}
