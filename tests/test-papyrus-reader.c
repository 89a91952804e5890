/* test-papyrus-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-folded-reader.h"
#include "hearth-lua-report-reader.h"
#include "hearth-papyrus-reader.h"
#include "hearth-profile-builder.h"

/* Expected values are docs/formats/papyrus.md §5.2 (the example log of §3),
 * worked out by hand; times in the model are ns, in the records ms. */

#define MS 1e6

/* §5.2 as the `hearth-cli calls` CSV, one row per call in file order (the
 * line of each call's first event: 3, 4, 5, 7, 10, 14) */
static const char expected_calls_csv[] =
  "stack_id,depth,object,script,state,function,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms\n"
  "1247,1,None,Debug,,StartStackProfiling,,,,81020,,0\n"
  "1247,1,MQ101 (0003372B),mq101questscript,,SetupGuards,,81020,,81571,,551\n"
  "1247,2,None,Debug,,Trace,,81020,,81020,,0\n"
  "1247,2, (0001A68E),ObjectReference,,Enable,81020,81037,,81054,17,17\n"
  "1247,2,None,utility,,Wait,81054,81071,,81571,17,500\n"
  "1247,0,MQ101 (0003372B),mq101questscript,,OnStageSet,,,81571,81588,,568\n";

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
           GError     **error)
{
  HearthImportSource source = { 0 };

  source.display_name = name;
  source.data = (const guint8 *) text;
  source.length = strlen (text);
  return hearth_papyrus_read (&source, error);
}

static HearthProfile *
read_example (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("papyrus-stack-1247.log", &length);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile = read_text ("Stack_1247.0.log", text, &error);

  g_assert_no_error (error);
  return profile;
}

static guint
find_function (HearthProfile *profile,
               const char    *name)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0)
      return f;
  g_assert_not_reached ();
  return HEARTH_NO_INDEX;
}

static void
test_sniff (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("papyrus-stack-1247.log", &length);

  g_assert_true (hearth_papyrus_sniff ((const guint8 *) text, length));
  g_assert_false (hearth_lua_report_sniff ((const guint8 *) text, length));
  g_assert_false (hearth_lua_table_sniff ((const guint8 *) text, length));
  g_assert_false (hearth_folded_sniff ((const guint8 *) text, length));

  /* header-less copy, and CRLF + BOM */
  g_assert_true (hearth_papyrus_sniff ((const guint8 *) "\r\n81020:PUSH:1247:1:None:A..B\r\n", 31));
  g_assert_true (hearth_papyrus_sniff ((const guint8 *) "\xef\xbb\xbfScript_MyQuest log opened (PC)\r\n", 35));
  g_assert_false (hearth_papyrus_sniff ((const guint8 *) "main;update 12\n", 15));
  g_assert_false (hearth_papyrus_sniff ((const guint8 *) "Stack 1 log opened (PC)\n", 24));
}

static void
test_example_calls (void)
{
  g_autoptr(HearthProfile) profile = read_example ();
  HearthPapyrusCalls *calls = hearth_papyrus_calls_get_for_profile (profile);
  const HearthPapyrusCall *c;
  g_autofree char *csv = NULL;
  static const double self_ms[] = { 0, 0, 0, 17, 500, 17 };

  g_assert_nonnull (calls);
  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "papyrus");
  g_assert_null (hearth_profile_get_warnings (profile)[0]);
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "log"), ==, "Stack_1247");
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "log-closed"), ==, "true");
  g_assert_cmpfloat (hearth_profile_get_session_ms (profile), ==, 568);

  g_assert_cmpuint (hearth_papyrus_calls_get_n_calls (calls), ==, 6);
  csv = hearth_papyrus_calls_csv (profile, ',');
  g_assert_cmpstr (csv, ==, expected_calls_csv);

  for (guint i = 0; i < 6; i++)
    g_assert_cmpfloat (hearth_papyrus_calls_get_call (calls, i)->self_ms, ==, self_ms[i]);

  /* OnStageSet: started before the capture, adopts StartStackProfiling
   * and SetupGuards; run 568 (a lower bound), return wait 17 */
  c = hearth_papyrus_calls_get_call (calls, 5);
  g_assert_cmpstr (c->name, ==, "OnStageSet");
  g_assert_cmpint (c->flags, ==, HEARTH_PAPYRUS_CALL_STARTED_BEFORE);
  g_assert_cmpint (c->start, ==, 81020);
  g_assert_cmpint (c->end, ==, 81588);
  g_assert_cmpint (c->queue_pop, ==, 81571);
  g_assert_cmpfloat (hearth_papyrus_call_get_return_wait_ms (c), ==, 17);
  g_assert_cmpfloat (hearth_papyrus_call_get_run_ms (c), ==, 568);
  g_assert_cmpuint (c->parent, ==, HEARTH_NO_INDEX);
  g_assert_cmpstr (c->object_name, ==, "MQ101");
  g_assert_true (c->has_form_id);
  g_assert_cmpuint (c->form_id, ==, 0x0003372B);

  c = hearth_papyrus_calls_get_call (calls, 0);
  g_assert_cmpstr (c->name, ==, "StartStackProfiling");
  g_assert_cmpint (c->flags, ==, HEARTH_PAPYRUS_CALL_STARTED_BEFORE);
  g_assert_cmpuint (c->parent, ==, 5);
  g_assert_cmpstr (c->object_name, ==, "None");
  g_assert_false (c->has_form_id);
  g_assert_cmpuint (hearth_papyrus_calls_get_call (calls, 1)->parent, ==, 5);
  g_assert_cmpint (hearth_papyrus_calls_get_call (calls, 1)->flags, ==, 0);

  /* Enable: queued as ObjectReference.??.Enable, names match on Enable;
   * the object has an empty name and FormID 0x0001A68E */
  c = hearth_papyrus_calls_get_call (calls, 3);
  g_assert_cmpstr (c->script, ==, "ObjectReference");
  g_assert_cmpstr (c->state, ==, "");
  g_assert_cmpuint (c->parent, ==, 1);
  g_assert_cmpuint (c->line, ==, 7);
  g_assert_cmpstr (c->object, ==, " (0001A68E)");
  g_assert_cmpstr (c->object_name, ==, "");
  g_assert_cmpuint (c->form_id, ==, 0x0001A68E);
  g_assert_cmpfloat (hearth_papyrus_call_get_queue_wait_ms (c), ==, 17);
  g_assert_true (isnan (hearth_papyrus_call_get_return_wait_ms (c)));
  {
    g_autofree char *display = hearth_papyrus_call_dup_display_name (c);
    g_assert_cmpstr (display, ==, "ObjectReference..Enable");
  }
}

/* The call tree: <root> → Papyrus stack 1247 → calls; CPU time = run, the
 * children's queue waits are "queued:" nodes, so self times are §5.2's */
static void
test_example_tree (void)
{
  g_autoptr(HearthProfile) profile = read_example ();
  HearthPapyrusCalls *calls = hearth_papyrus_calls_get_for_profile (profile);
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
  static const struct
  {
    const char *name;
    double      total_ms;
    double      self_ms;
    double      queue_wait_ms;
    double      return_wait_ms;
  } expected[] = {
    { "Debug..StartStackProfiling", 0, 0, 0, 0 },
    { "mq101questscript..SetupGuards", 551, 0, 0, 0 },
    { "Debug..Trace", 0, 0, 0, 0 },
    { "ObjectReference..Enable", 17, 17, 17, 0 },
    { "utility..Wait", 500, 500, 17, 0 },
    { "mq101questscript..OnStageSet", 568, 17, 0, 17 },
  };
  guint stack_node;

  g_assert_cmpuint (hearth_profile_get_n_threads (profile), ==, 1);
  g_assert_cmpstr (hearth_profile_get_thread (profile, 0)->name, ==, "Papyrus stack 1247");
  stack_node = hearth_profile_get_thread (profile, 0)->node;
  g_assert_cmpuint (tree->parent[stack_node], ==, 0);
  g_assert_cmpint (hearth_profile_function_get_kind (profile, tree->function[stack_node]), ==,
                   HEARTH_FUNCTION_KIND_STACK);
  g_assert_cmpstr (hearth_profile_function_get_name (profile, tree->function[stack_node]), ==,
                   "Papyrus stack 1247");
  g_assert_cmpuint (hearth_papyrus_calls_get_stack (calls, 0)->node, ==, stack_node);

  g_assert_cmpfloat (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME), ==, 568 * MS);
  g_assert_cmpfloat (hearth_profile_get_root_total (profile, HEARTH_METRIC_CALLS), ==, 6);
  g_assert_cmpfloat (hearth_profile_get_root_total (profile, HEARTH_METRIC_QUEUE_WAIT), ==, 34 * MS);
  g_assert_cmpfloat (hearth_profile_get_root_total (profile, HEARTH_METRIC_RETURN_WAIT), ==, 17 * MS);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const HearthPapyrusCall *c = hearth_papyrus_calls_get_call (calls, i);
      g_autofree char *display = hearth_papyrus_call_dup_display_name (c);

      g_assert_cmpstr (display, ==, expected[i].name);
      g_assert_cmpstr (hearth_profile_function_get_name (profile, c->function), ==, expected[i].name);
      g_assert_cmpuint (tree->function[c->node], ==, c->function);
      g_assert_cmpfloat (tree->total[HEARTH_METRIC_CPU_TIME][c->node], ==, expected[i].total_ms * MS);
      g_assert_cmpfloat (tree->self[HEARTH_METRIC_CPU_TIME][c->node], ==, expected[i].self_ms * MS);
      g_assert_cmpfloat (tree->self[HEARTH_METRIC_QUEUE_WAIT][c->node], ==, expected[i].queue_wait_ms * MS);
      g_assert_cmpfloat (tree->self[HEARTH_METRIC_RETURN_WAIT][c->node], ==, expected[i].return_wait_ms * MS);
      g_assert_cmpfloat (tree->self[HEARTH_METRIC_CALLS][c->node], ==, 1);
    }

  /* nesting: OnStageSet under the stack; SetupGuards under OnStageSet */
  g_assert_cmpuint (tree->parent[hearth_papyrus_calls_get_call (calls, 5)->node], ==, stack_node);
  g_assert_cmpuint (tree->parent[hearth_papyrus_calls_get_call (calls, 1)->node], ==,
                    hearth_papyrus_calls_get_call (calls, 5)->node);
  g_assert_cmpuint (tree->parent[hearth_papyrus_calls_get_call (calls, 4)->node], ==,
                    hearth_papyrus_calls_get_call (calls, 1)->node);

  /* queue waits as synthetic children of the caller */
  {
    guint q = find_function (profile, "queued: utility..Wait");
    g_assert_cmpfloat (hearth_profile_function_get_total (profile, q, HEARTH_METRIC_CPU_TIME), ==, 17 * MS);
    g_assert_cmpfloat (hearth_profile_function_get_total (profile, q, HEARTH_METRIC_CALLS), ==, 0);
  }

  /* per-function figures */
  {
    guint wait = find_function (profile, "utility..Wait");
    g_autofree guint *list = NULL;
    guint n;

    g_assert_cmpfloat (hearth_profile_function_get_total (profile, wait, HEARTH_METRIC_CPU_TIME), ==, 500 * MS);
    g_assert_cmpfloat (hearth_profile_function_get_total (profile, wait, HEARTH_METRIC_QUEUE_WAIT), ==, 17 * MS);
    g_assert_cmpstr (hearth_profile_function_get_group (profile, wait), ==, "utility");
    list = hearth_papyrus_calls_dup_function_calls (calls, wait, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpuint (list[0], ==, 4);
  }
}

static void
test_example_tables (void)
{
  g_autoptr(HearthProfile) profile = read_example ();
  g_autofree char *stacks = hearth_papyrus_stack_timings_csv (profile, ',');
  g_autofree char *enable = hearth_papyrus_function_calls_csv (profile, "Enable", ',');
  g_autofree char *enable2 = hearth_papyrus_function_calls_csv (profile, "objectreference.ENABLE", ',');
  g_autofree char *stage = hearth_papyrus_function_calls_csv (profile, "MQ101QuestScript..OnStageSet", '\t');
  g_autofree char *none = hearth_papyrus_function_calls_csv (profile, "Form.Enable", ',');

  g_assert_cmpstr (stacks, ==, "stack_id,first,last,duration_ms,calls\n1247,81020,81588,568,6\n");
  g_assert_cmpstr (enable, ==, "ID,QUEUE_PUSH,PUSH,QUEUE_POP,POP\n1247,81020,81037,,81054\n");
  g_assert_cmpstr (enable2, ==, enable);
  g_assert_cmpstr (stage, ==, "ID\tQUEUE_PUSH\tPUSH\tQUEUE_POP\tPOP\n1247\t\t\t81571\t81588\n");
  g_assert_cmpstr (none, ==, "ID,QUEUE_PUSH,PUSH,QUEUE_POP,POP\n");
}

static void
test_example_crlf (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("papyrus-stack-1247.log", &length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *joined = g_strjoinv ("\r\n", lines);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("Stack_1247.0.log", joined, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = hearth_papyrus_calls_csv (profile, ',');
  g_assert_cmpstr (csv, ==, expected_calls_csv);
}

/* §2.2: FormID-aware splitting, colons in object names and FO4 namespaces */
static void
test_split (void)
{
  static const char text[] =
    "Script_MyCoolStuff:Quests:MyQuest log opened (PC)\n"
    "100:PUSH:5:0:My:Odd:Name (0B000D62):MyCoolStuff:Quests:MyQuest..OnInit\n"
    "100:PUSH:5:1:None:MyCoolStuff:Utils.Busy.Helper\n"
    "101:POP:5:1:None:MyCoolStuff:Utils.Busy.Helper\n"
    "102:PUSH:5:1:weird:thing:Script..F\n"
    "103:POP:5:1:weird:thing:Script..F\n"
    "104:POP:5:0:My:Odd:Name (0B000D62):MyCoolStuff:Quests:MyQuest..OnInit\n"
    "Log closed\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("Script_MyQuest.0.log", text, &error);
  HearthPapyrusCalls *calls;
  const HearthPapyrusCall *c;

  g_assert_no_error (error);
  calls = hearth_papyrus_calls_get_for_profile (profile);
  g_assert_cmpuint (hearth_papyrus_calls_get_n_calls (calls), ==, 3);

  c = hearth_papyrus_calls_get_call (calls, 0);
  g_assert_cmpstr (c->object, ==, "My:Odd:Name (0B000D62)");
  g_assert_cmpstr (c->object_name, ==, "My:Odd:Name");
  g_assert_cmpuint (c->form_id, ==, 0x0B000D62);
  g_assert_cmpstr (c->script, ==, "MyCoolStuff:Quests:MyQuest");
  g_assert_cmpstr (c->state, ==, "");
  g_assert_cmpstr (c->name, ==, "OnInit");
  g_assert_cmpint (c->flags, ==, 0);

  c = hearth_papyrus_calls_get_call (calls, 1);
  g_assert_cmpstr (c->object, ==, "None");
  g_assert_cmpstr (c->script, ==, "MyCoolStuff:Utils");
  g_assert_cmpstr (c->state, ==, "Busy");
  g_assert_cmpstr (c->name, ==, "Helper");
  g_assert_cmpuint (c->parent, ==, 0);

  c = hearth_papyrus_calls_get_call (calls, 2);
  g_assert_cmpstr (c->object, ==, "weird:thing");
  g_assert_cmpstr (c->script, ==, "Script");
  g_assert_cmpint (c->flags, ==, HEARTH_PAPYRUS_CALL_SPLIT_FALLBACK);
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[0], ==,
                   "line 5: no FormID or None in the object field; split at the last ':'");
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[1], ==,
                   "line 6: no FormID or None in the object field; split at the last ':'");
  g_assert_null (hearth_profile_get_warnings (profile)[2]);
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "log"), ==, "Script_MyCoolStuff:Quests:MyQuest");
}

/* Bad lines are skipped with their line number; flags for calls cut by the
 * capture; case-insensitive function identity */
static void
test_flags_and_skips (void)
{
  static const char text[] =
    "Stack_7 log opened (PC)\n"
    "abc:PUSH:7:0:None:A..B\n"
    "10:JUMP:7:0:None:A..B\n"
    "10:PUSH:7:0:None:Debug..Trace\n"
    "11:POP:7:0:None:debug..TRACE\n"
    "12:PUSH:7:0:None:Game..F\n"
    "13:PUSH:7:0:None:Game..G\n"
    "14:QUEUE_PUSH:7:1:None:Game.??.Late\n"
    "15:PUSH:7:1:None:Game..H\n"
    "16:QUEUE_PUSH:7:2:None:Game.??.Never\n"
    "10:PUSH:x:0:None:A..B\n"
    "10:PUSH:7:0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("Stack_7.0.log", text, &error);
  HearthPapyrusCalls *calls;
  const char * const *warnings;
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  warnings = hearth_profile_get_warnings (profile);
  g_assert_cmpstr (warnings[0], ==,
                   "line 2: skipped, not a Papyrus event line (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)");
  g_assert_cmpstr (warnings[1], ==,
                   "line 3: skipped, not a Papyrus event line (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)");
  g_assert_cmpstr (warnings[2], ==,
                   "line 11: skipped, not a Papyrus event line (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)");
  g_assert_cmpstr (warnings[3], ==,
                   "line 12: skipped, not a Papyrus event line (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)");
  g_assert_cmpstr (warnings[4], ==,
                   "no 'Log closed' line: the game may have crashed or the log was copied while open");
  g_assert_null (warnings[5]);
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "log-closed"), ==, "false");

  /* F is cut by G's PUSH at the same depth (truncated); G and H still run
   * at the end (16); Late was queued for H but the names differ; Never was
   * never started */
  calls = hearth_papyrus_calls_get_for_profile (profile);
  csv = hearth_papyrus_calls_csv (profile, ',');
  g_assert_cmpstr (csv, ==,
                   "stack_id,depth,object,script,state,function,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms\n"
                   "7,0,None,Debug,,Trace,,10,,11,,1\n"
                   "7,0,None,Game,,F,,12,,,,1\n"
                   "7,0,None,Game,,G,,13,,,,3\n"
                   "7,1,None,Game,??,Late,14,,,,,\n"
                   "7,1,None,Game,,H,,15,,,,1\n"
                   "7,2,None,Game,??,Never,16,,,,,\n");
  g_assert_cmpint (hearth_papyrus_calls_get_call (calls, 1)->flags, ==, HEARTH_PAPYRUS_CALL_TRUNCATED);
  g_assert_cmpint (hearth_papyrus_calls_get_call (calls, 2)->flags, ==, HEARTH_PAPYRUS_CALL_STILL_RUNNING);
  g_assert_cmpint (hearth_papyrus_calls_get_call (calls, 3)->flags, ==, HEARTH_PAPYRUS_CALL_NEVER_STARTED);
  g_assert_cmpuint (hearth_papyrus_calls_get_call (calls, 3)->node, ==, HEARTH_NO_INDEX);
  g_assert_cmpint (hearth_papyrus_calls_get_call (calls, 4)->flags, ==, HEARTH_PAPYRUS_CALL_STILL_RUNNING);
  g_assert_cmpuint (hearth_papyrus_calls_get_call (calls, 4)->parent, ==, 2);

  /* Debug..Trace and debug..TRACE are one function */
  {
    guint trace = find_function (profile, "Debug..Trace");

    g_assert_cmpuint (hearth_papyrus_calls_get_call (calls, 0)->function, ==, trace);
    g_assert_cmpfloat (hearth_profile_function_get_self (profile, trace, HEARTH_METRIC_CALLS), ==, 1);
  }
}

static void
test_case_insensitive (void)
{
  static const char text[] =
    "1:PUSH:1:0:None:Debug..Trace\n"
    "2:POP:1:0:None:Debug..Trace\n"
    "3:PUSH:1:0:None:debug..TRACE\n"
    "5:POP:1:0:None:debug..TRACE\n"
    "Log closed\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_text ("x.log", text, &error);
  guint trace;

  g_assert_no_error (error);
  trace = find_function (profile, "Debug..Trace");
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, trace, HEARTH_METRIC_CALLS), ==, 2);
  g_assert_cmpfloat (hearth_profile_function_get_total (profile, trace, HEARTH_METRIC_CPU_TIME), ==, 3 * MS);
  g_assert_cmpuint (hearth_profile_get_n_functions (profile), ==, 3);   /* <root>, stack, Trace */
}

/* Several files, merged by stack id and function like the web tool */
static void
test_many (void)
{
  gsize length;
  g_autofree char *example = load_fixture ("papyrus-stack-1247.log", &length);
  static const char script_log[] =
    "Script_MyQuest log opened (PC)\n"
    "2000:PUSH:3208:2:MyQuest (0B000D62):myquest..Tick\n"
    "2000:PUSH:3053:3:MyQuest (0B000D62):myquest..Tick\n"
    "2004:POP:3053:3:MyQuest (0B000D62):myquest..Tick\n"
    "2010:POP:3208:2:MyQuest (0B000D62):myquest..Tick\n"
    "2011:PUSH:1247:0:MyQuest (0B000D62):myquest..Tick\n";
  HearthImportSource sources[2] = { { 0 }, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  HearthPapyrusCalls *calls;
  g_autofree char *stacks = NULL;
  guint tick;

  sources[0].display_name = "Stack_1247.0.log";
  sources[0].data = (const guint8 *) example;
  sources[0].length = length;
  sources[1].display_name = "Script_MyQuest.0.log";
  sources[1].data = (const guint8 *) script_log;
  sources[1].length = strlen (script_log);

  profile = hearth_papyrus_read_many (sources, 2, &error);
  g_assert_no_error (error);
  calls = hearth_papyrus_calls_get_for_profile (profile);

  g_assert_cmpuint (hearth_papyrus_calls_get_n_files (calls), ==, 2);
  g_assert_cmpstr (hearth_papyrus_calls_get_file_name (calls, 1), ==, "Script_MyQuest.0.log");
  g_assert_cmpuint (hearth_papyrus_calls_get_n_calls (calls), ==, 9);
  g_assert_cmpuint (hearth_papyrus_calls_get_call (calls, 6)->file, ==, 1);
  g_assert_cmpuint (hearth_profile_get_n_sources (profile), ==, 2);
  g_assert_cmpuint (hearth_profile_get_n_threads (profile), ==, 3);

  stacks = hearth_papyrus_stack_timings_csv (profile, ',');
  g_assert_cmpstr (stacks, ==,
                   "stack_id,first,last,duration_ms,calls\n"
                   "1247,2011,81588,79577,7\n"
                   "3208,2000,2010,10,1\n"
                   "3053,2000,2004,4,1\n");

  tick = find_function (profile, "myquest..Tick");
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, tick, HEARTH_METRIC_CALLS), ==, 3);
  /* 10 + 4 + (2011 still running at 2011: 0) */
  g_assert_cmpfloat (hearth_profile_function_get_total (profile, tick, HEARTH_METRIC_CPU_TIME), ==, 14 * MS);
  /* `hearth-cli calls` over two separately imported files: one header */
  {
    g_autoptr(HearthProfile) first = NULL;
    g_autoptr(HearthProfile) second = NULL;
    g_autofree char *csv = NULL;
    HearthProfile *both[2];

    first = hearth_papyrus_read (&sources[0], &error);
    g_assert_no_error (error);
    second = hearth_papyrus_read (&sources[1], &error);
    g_assert_no_error (error);
    both[0] = first;
    both[1] = second;
    csv = hearth_papyrus_calls_csv_many (both, 2, ',');
    g_assert_true (g_str_has_prefix (csv, expected_calls_csv));
    g_assert_cmpstr (csv + strlen (expected_calls_csv), ==,
                     "3208,2,MyQuest (0B000D62),myquest,,Tick,,2000,,2010,,10\n"
                     "3053,3,MyQuest (0B000D62),myquest,,Tick,,2000,,2004,,4\n"
                     "1247,0,MyQuest (0B000D62),myquest,,Tick,,2011,,,,0\n");
  }

  g_assert_cmpstr (hearth_profile_get_warnings (profile)[0], ==,
                   "Script_MyQuest.0.log: no 'Log closed' line: the game may have crashed or the log "
                   "was copied while open");
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  HearthImportSource sources[2] = { { 0 }, { 0 } };

  profile = read_text ("Stack_1.0.log", "Stack_1 log opened (PC)\nLog closed\n", &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_NO_DATA);
  g_assert_cmpstr (error->message, ==,
                   "Stack_1.0.log: no Papyrus event lines (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)");
  g_clear_error (&error);

  profile = read_text ("junk.log", "hello\nworld\n", &error);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_NO_DATA);
  g_clear_error (&error);

  /* not a Papyrus profile: no calls table */
  {
    g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
    g_autoptr(HearthProfile) other = hearth_profile_builder_finish (builder);

    g_assert_null (hearth_papyrus_calls_get_for_profile (other));
    g_assert_null (hearth_papyrus_calls_csv (other, ','));
    g_assert_null (hearth_papyrus_stack_timings_csv (other, ','));
  }

  /* read_many names the file that failed */
  sources[0].display_name = "a.log";
  sources[0].data = (const guint8 *) "1:PUSH:1:0:None:A..B\n";
  sources[0].length = strlen ((const char *) sources[0].data);
  sources[1].display_name = "b.log";
  sources[1].data = (const guint8 *) "";
  sources[1].length = 0;
  profile = hearth_papyrus_read_many (sources, 2, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "b.log: the file is empty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/papyrus-reader/sniff", test_sniff);
  g_test_add_func ("/hearth/papyrus-reader/example-calls", test_example_calls);
  g_test_add_func ("/hearth/papyrus-reader/example-tree", test_example_tree);
  g_test_add_func ("/hearth/papyrus-reader/example-tables", test_example_tables);
  g_test_add_func ("/hearth/papyrus-reader/example-crlf", test_example_crlf);
  g_test_add_func ("/hearth/papyrus-reader/split", test_split);
  g_test_add_func ("/hearth/papyrus-reader/flags-and-skips", test_flags_and_skips);
  g_test_add_func ("/hearth/papyrus-reader/case-insensitive", test_case_insensitive);
  g_test_add_func ("/hearth/papyrus-reader/many", test_many);
  g_test_add_func ("/hearth/papyrus-reader/errors", test_errors);

  return g_test_run ();
}
