/* test-cli.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The hearth-cli contract, checked from outside like a script would: exact
 * stdout, stderr and exit status. Expected figures are worked out by hand from
 * the Script Profiler example of docs/formats/script-profiler.md §3. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_null_terminated (8, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("HEARTH_CLI");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

#define EXAMPLE "script-profiler-v2-example.json"

static void
test_info (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_auto(Run) run = { 0 };

  run_cli (&run, "info", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "format: script-profiler-v2\n"
                   "functions: 5\n"
                   "nodes: 6\n"
                   "frames: 0\n"
                   "session_ms: 1000.000\n"
                   "total_ms: 6.000\n");
}

/* Ties at 6.000 ms sort by name in byte order: '<' < 'E' < 'u' */
static void
test_functions (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_auto(Run) run = { 0 };

  run_cli (&run, "functions", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "name,source,line,total_ms,self_ms,calls\n"
                   "<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n"
                   "EnemyAI,,,6.000,0.000,\n"
                   "updateTargets <native>,ServerScriptService.EnemyAI,42,6.000,1.000,\n"
                   "findPath,ReplicatedStorage.Pathing,10,3.000,3.000,\n"
                   "WorldRoot.Raycast,[C],,2.000,2.000,\n");
}

/* Average per 1 min over a 1000 ms session: × 60 */
static void
test_functions_average (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  run_cli (&run, "functions", "--average", "1min", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "name,source,line,total_ms,self_ms,calls\n"
                   "<anonymous>,ServerScriptService.EnemyAI,1,360.000,0.000,\n"
                   "EnemyAI,,,360.000,0.000,\n"
                   "updateTargets <native>,ServerScriptService.EnemyAI,42,360.000,60.000,\n"
                   "findPath,ReplicatedStorage.Pathing,10,180.000,180.000,\n"
                   "WorldRoot.Raycast,[C],,120.000,120.000,\n");

  /* 10 min window = × 600; the = spelling works too */
  run_cli (&run2, "functions", path, "--average=10min", NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_str_has_suffix (run2.out, "WorldRoot.Raycast,[C],,1200.000,1200.000,\n"));

  /* 1 s window over a 1 s session: unchanged */
  run_cli (&run3, "functions", "--average", "1s", path, NULL);
  g_assert_cmpint (run3.status, ==, 0);
  g_assert_true (g_str_has_suffix (run3.out, "WorldRoot.Raycast,[C],,2.000,2.000,\n"));
}

static void
test_tree (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_auto(Run) run = { 0 };

  run_cli (&run, "tree", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "depth,path,name,source,line,total_ms,self_ms,calls\n"
                   "0,Heartbeat,Heartbeat,,,6.000,0.000,\n"
                   "1,Heartbeat;EnemyAI,EnemyAI,,,6.000,0.000,\n"
                   "2,Heartbeat;EnemyAI;<anonymous>,<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n"
                   "3,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>,updateTargets <native>,"
                   "ServerScriptService.EnemyAI,42,6.000,1.000,\n"
                   "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;findPath,findPath,"
                   "ReplicatedStorage.Pathing,10,3.000,3.000,\n"
                   "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;WorldRoot.Raycast,WorldRoot.Raycast,"
                   "[C],,2.000,2.000,\n");
}

static void
test_folded (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_auto(Run) run = { 0 };

  run_cli (&run, "folded", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Heartbeat;EnemyAI;<anonymous>;updateTargets <native> 1000\n"
                   "Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;findPath 3000\n"
                   "Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;WorldRoot.Raycast 2000\n");
}

/* Two copies of the same capture combine into doubled figures */
static void
test_combine (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };

  run_cli (&run, "functions", path, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "name,source,line,total_ms,self_ms,calls\n"
                   "<anonymous>,ServerScriptService.EnemyAI,1,12.000,0.000,\n"
                   "EnemyAI,,,12.000,0.000,\n"
                   "updateTargets <native>,ServerScriptService.EnemyAI,42,12.000,2.000,\n"
                   "findPath,ReplicatedStorage.Pathing,10,6.000,6.000,\n"
                   "WorldRoot.Raycast,[C],,4.000,4.000,\n");

  run_cli (&run2, "folded", path, path, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_str_has_prefix (run2.out, "Heartbeat;EnemyAI;<anonymous>;updateTargets <native> 2000\n"));
}

static void
test_load_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hearth-cli-XXXXXX", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *example = fixture (EXAMPLE);
  g_autofree char *expected_prefix = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  g_assert_true (g_file_set_contents (junk, "\x01\x02 this is not a capture \xff\xfe", -1, NULL));

  run_cli (&run, "info", junk, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  expected_prefix = g_strdup_printf ("hearth-cli: %s: ", junk);
  g_assert_true (g_str_has_prefix (run.err, expected_prefix));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);   /* one line */

  /* a missing file among good ones fails the whole command, naming that file */
  run_cli (&run2, "functions", example, missing, NULL);
  g_assert_cmpint (run2.status, ==, 1);
  g_assert_cmpstr (run2.out, ==, "");
  g_free (expected_prefix);
  expected_prefix = g_strdup_printf ("hearth-cli: %s: ", missing);
  g_assert_true (g_str_has_prefix (run2.err, expected_prefix));

  /* --per-frame needs frames; a Script Profiler export has none */
  run_cli (&run3, "functions", "--per-frame", example, NULL);
  g_assert_cmpint (run3.status, ==, 1);
  g_assert_cmpstr (run3.out, ==, "");
  g_free (expected_prefix);
  expected_prefix = g_strdup_printf ("hearth-cli: %s: the capture has no frames; "
                                     "--per-frame needs a capture with frames\n", example);
  g_assert_cmpstr (run3.err, ==, expected_prefix);

  g_remove (junk);
  g_rmdir (dir);
}

/* "@" stands for the example capture, so only the part under test is wrong */
static void
test_usage_errors (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  static const char * const cases[][5] = {
    { NULL },
    { "frobnicate", "@", NULL },
    { "info", NULL },
    { "info", "@", "@", NULL },
    { "functions", NULL },
    { "functions", "@", "--average", NULL },
    { "functions", "--average", "2min", "@", NULL },
    { "functions", "--bogus", "@", NULL },
    { "folded", "--per-frame", "@", NULL },
    { "info", "--average", "1s", "@", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[6] = { NULL };

      for (guint j = 0; j < 5 && cases[i][j] != NULL; j++)
        args[j] = g_str_equal (cases[i][j], "@") ? path : cases[i][j];

      run_cli (&run, args[0], args[1], args[2], args[3], args[4], NULL);
      g_test_message ("case %u → %d: %s", i, run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "hearth-cli: "));
    }
}

static void
test_flamegraph (void)
{
  g_autofree char *path = fixture (EXAMPLE);
  g_autofree char *dir = g_dir_make_tmp ("hearth-cli-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };
  g_auto(Run) run4 = { 0 };

  run_cli (&run, "flamegraph", "--width", "800", path, "-o", svg, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"800"));

  run_cli (&run2, "flamegraph", "--bottom-up", path, "--output=" , NULL);
  g_assert_cmpint (run2.status, ==, 2);

  /* X-Ray needs memory data, which a Script Profiler export does not have */
  run_cli (&run3, "flamegraph", "--xray", path, "-o", png, NULL);
  g_assert_cmpint (run3.status, ==, 1);
  expected = g_strdup_printf ("hearth-cli: %s: ", png);
  g_assert_true (g_str_has_prefix (run3.err, expected));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  run_cli (&run4, "flamegraph", "--metric", "queue-wait", path, "-o", png, NULL);
  g_assert_cmpint (run4.status, ==, 2);

  g_remove (svg);
  g_rmdir (dir);
}

/* Fixture C-logical of microprofiler.md §17.3: frame 0 is jobs-bound (jobs
 * 15.00 > render 12.00), frame 1 render-bound (31.00 - 16.6 = 14.40 >
 * 30.00 - 16.6 = 13.40, wait 0.10 <= 2.5); times into the frame */
static void
test_frames (void)
{
  g_autofree char *path = fixture ("microprofile-c.html");
  g_auto(Run) run = { 0 };

  run_cli (&run, "frames", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "index,start_ms,end_ms,frame_ms,class,cpu_waits_for_gpu_ms,jobs_ms,render_ms,gpu_ms,allocs,frees\n"
                   "0,0.000,16.600,16.600,cpu,0.500,15.000,12.000,4.000,5,2\n"
                   "1,16.600,33.200,16.600,render,0.100,13.400,14.400,3.000,0,0\n");
}

/* Frame 0 only: Frame[0,20] is clipped at 16.6 ms; its children in frame 0
 * are Update[1,5] (4 ms) and Update[15,16.6] (1.6 ms), so Frame's self is
 * 16.6 - 5.6 = 11.0 ms; GpuFrame 5.0 - 0.000256 = 4.999744 ms. The memory
 * event sits in Update[1,5]. One frame: every statistic is the value. */
static void
test_functions_frame_range (void)
{
  g_autofree char *path = fixture ("microprofile-c.html");
  g_autofree char *example = fixture (EXAMPLE);
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };

  run_cli (&run, "functions", "--frames", "0-0", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "name,source,line,total_ms,self_ms,calls,alloc_count,alloc_bytes,free_count,free_bytes,"
                   "mean_ms,p50_ms,p95_ms,max_ms\n"
                   "Frame,,,16.600,11.000,1,5,1024,2,64,16.600,16.600,16.600,16.600\n"
                   "Update,,,5.600,5.600,2,5,1024,2,64,5.600,5.600,5.600,5.600\n"
                   "GpuFrame,,,4.999744,4.999744,1,0,0,0,0,4.999744,4.999744,4.999744,4.999744\n");

  run_cli (&run2, "functions", "--frames", "0-5", path, NULL);
  g_assert_cmpint (run2.status, ==, 1);
  expected = g_strdup_printf ("hearth-cli: %s: frames 0-5 are outside the capture's frames 0-1\n", path);
  g_assert_cmpstr (run2.err, ==, expected);

  run_cli (&run3, "functions", "--frames", "0-0", example, NULL);
  g_assert_cmpint (run3.status, ==, 1);
}

/* tests/data/diff-{left,right}.html differ per frame in known places
 * (bench/gen-diff-dumps.py): Physics 20 -> 22 ms, Render 4 -> 8 ms.
 * Relative: |22 - 20| / 22 = 9.0909 %, intensity (9.0909 - 5) / (70 - 5) =
 * 0.062937; Render 4 / 8 = 50 % -> 45 / 65 = 0.692308. delta_pct is
 * (R - L) / L: 10 % and 100 %. Absolute 1 / 3 ms: Physics (2 - 1) / 2 = 0.5 */
static void
test_diff (void)
{
  g_autofree char *left = fixture ("diff-left.html");
  g_autofree char *right = fixture ("diff-right.html");
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };
  g_auto(Run) run3 = { 0 };
  g_auto(Run) run4 = { 0 };

  run_cli (&run, "diff", "--left", left, "--right", right, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "path,name,left,right,delta,delta_pct,class,intensity\n"));
  g_assert_nonnull (strstr (run.out, "\nMain;Frame;Physics,Physics,20.000,22.000,2.000,10.000,right,0.062937\n"));
  g_assert_nonnull (strstr (run.out, "\nMain;Frame;Render,Render,4.000,8.000,4.000,100.000,right,0.692308\n"));

  run_cli (&run2, "diff", "--mode", "absolute", "--low", "1", "--high", "3",
           "--left", left, "--right", right, NULL);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_nonnull (strstr (run2.out, "\nMain;Frame;Physics,Physics,20.000,22.000,2.000,10.000,right,0.500\n"));

  run_cli (&run3, "diff", "--left", left, NULL);
  g_assert_cmpint (run3.status, ==, 2);
  run_cli (&run4, "diff", "--low", "7", "--high", "3", "--left", left, "--right", right, NULL);
  g_assert_cmpint (run4.status, ==, 2);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "hearth-cli functions [--per-frame]"));
}

/* Labels and meta counters of MicroProfiler dumps (microprofiler.md §17.0:
 * Frame on thread Main carries the label "hello" once, Update the meta
 * counter Allocs = 3; fixtures A and C carry them, B has none, §17.2) */
static void
test_annotations (void)
{
  g_autofree char *b = fixture ("microprofile-b.html");
  g_auto(Run) run = { 0 };
  g_auto(Run) run2 = { 0 };

  run_cli (&run, "annotations", b, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "path,kind,name,value\n");

  /* like the tables, no per-frame scaling */
  run_cli (&run2, "annotations", "--per-frame", b, NULL);
  g_assert_cmpint (run2.status, ==, 2);
  g_assert_cmpstr (run2.out, ==, "");
}

static void
test_annotations_microprofile (void)
{
  g_autofree char *a = fixture ("microprofile-a.html");
  g_autofree char *c = fixture ("microprofile-c.html");
  g_auto(Run) run_a = { 0 };
  g_auto(Run) run_c = { 0 };
  g_auto(Run) run_ac = { 0 };

  /* §17.0: "hello" is the label inside Frame[0,20], Allocs +3 the meta
   * counter inside Update[1,5]; the Update scope of frame 1 has none */
  run_cli (&run_a, "annotations", a, NULL);
  g_assert_cmpstr (run_a.err, ==, "");
  g_assert_cmpint (run_a.status, ==, 0);
  g_assert_cmpstr (run_a.out, ==,
                   "path,kind,name,value\n"
                   "Main;Frame,label,hello,1\n"
                   "Main;Frame;Update,counter,Allocs,3\n");

  run_cli (&run_c, "annotations", c, NULL);
  g_assert_cmpstr (run_c.err, ==, "");
  g_assert_cmpint (run_c.status, ==, 0);
  g_assert_cmpstr (run_c.out, ==, run_a.out);

  /* two captures combine: the same nodes sum */
  run_cli (&run_ac, "annotations", a, c, NULL);
  g_assert_cmpint (run_ac.status, ==, 0);
  g_assert_cmpstr (run_ac.out, ==,
                   "path,kind,name,value\n"
                   "Main;Frame,label,hello,2\n"
                   "Main;Frame;Update,counter,Allocs,6\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/cli/info", test_info);
  g_test_add_func ("/hearth/cli/functions", test_functions);
  g_test_add_func ("/hearth/cli/functions-average", test_functions_average);
  g_test_add_func ("/hearth/cli/tree", test_tree);
  g_test_add_func ("/hearth/cli/folded", test_folded);
  g_test_add_func ("/hearth/cli/combine", test_combine);
  g_test_add_func ("/hearth/cli/load-errors", test_load_errors);
  g_test_add_func ("/hearth/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/hearth/cli/flamegraph", test_flamegraph);
  g_test_add_func ("/hearth/cli/frames", test_frames);
  g_test_add_func ("/hearth/cli/functions-frame-range", test_functions_frame_range);
  g_test_add_func ("/hearth/cli/diff", test_diff);
  g_test_add_func ("/hearth/cli/help", test_help);
  g_test_add_func ("/hearth/cli/annotations", test_annotations);
  g_test_add_func ("/hearth/cli/annotations-microprofile", test_annotations_microprofile);

  return g_test_run ();
}
