/* test-frame-filter.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-frame-filter.h"
#include "hearth-frame-stats.h"
#include "hearth-frame-table.h"
#include "hearth-microprofile-reader.h"
#include "hearth-profile-builder.h"
#include "hearth-table-export.h"

/* Expected values are worked out by hand from microprofiler.md §17.0/§17.3
 * (fixture C-logical): frames F0 = [0, 16.6], F1 = [16.6, 33.2]; thread Main
 * runs Frame[0,20] { Update[1,5], Update[15,18] }, Frame[20,33]; thread GPU
 * runs GpuFrame[0.000256, 5.0]. Scopes are clipped at the frame starts, so
 *
 *   F0: Frame self 16.6 − 4 − 1.6 = 11.0 ms, Update 4 + 1.6 = 5.6 ms,
 *       GpuFrame 4.999744 ms; calls Frame 1, Update 2; Update allocs 5
 *   F1: Frame self 3.4 + 13 − 1.4 = 15.0 ms, Update 1.4 ms; calls Frame 1
 */

#define MS 1e6

static char *
load_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static HearthProfile *
read_text (const char *text)
{
  HearthImportSource source = { 0 };
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  source.display_name = "fixture";
  source.data = (const guint8 *) text;
  source.length = strlen (text);
  profile = hearth_microprofile_read (&source, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

static HearthProfile *
load_fixture_c (void)
{
  g_autofree char *text = load_text ("microprofile-c-statements.js");

  return read_text (text);
}

static guint
find_function (HearthProfile *profile,
               const char    *name)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0)
      return f;
  return HEARTH_NO_INDEX;
}

/* Sum of a metric over a frame's values for the nodes of one function */
static double
frame_function_self (HearthProfile *profile,
                     guint          frame,
                     const char    *name,
                     HearthMetric   metric)
{
  guint n;
  const HearthFrameValue *v = hearth_profile_get_frame_values (profile, frame, &n);
  guint fn = find_function (profile, name);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    if (v[i].metric == metric && hearth_profile_node_get_function (profile, v[i].node) == fn)
      sum += v[i].value;
  return sum;
}

#define assert_ms(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

static void
test_frame_values (void)
{
  g_autoptr(HearthProfile) profile = load_fixture_c ();

  g_assert_true (hearth_profile_has_frame_values (profile));
  g_assert_cmpuint (hearth_profile_get_n_frames (profile), ==, 2);

  assert_ms (frame_function_self (profile, 0, "Frame", HEARTH_METRIC_CPU_TIME) / MS, 11.0);
  assert_ms (frame_function_self (profile, 1, "Frame", HEARTH_METRIC_CPU_TIME) / MS, 15.0);
  assert_ms (frame_function_self (profile, 0, "Update", HEARTH_METRIC_CPU_TIME) / MS, 5.6);
  assert_ms (frame_function_self (profile, 1, "Update", HEARTH_METRIC_CPU_TIME) / MS, 1.4);
  assert_ms (frame_function_self (profile, 0, "GpuFrame", HEARTH_METRIC_CPU_TIME) / MS, 4.999744);
  assert_ms (frame_function_self (profile, 1, "GpuFrame", HEARTH_METRIC_CPU_TIME) / MS, 0);
  g_assert_cmpfloat (frame_function_self (profile, 0, "Frame", HEARTH_METRIC_CALLS), ==, 1);
  g_assert_cmpfloat (frame_function_self (profile, 1, "Frame", HEARTH_METRIC_CALLS), ==, 1);
  g_assert_cmpfloat (frame_function_self (profile, 0, "Update", HEARTH_METRIC_CALLS), ==, 2);
  g_assert_cmpfloat (frame_function_self (profile, 1, "Update", HEARTH_METRIC_CALLS), ==, 0);
  g_assert_cmpfloat (frame_function_self (profile, 0, "Update", HEARTH_METRIC_ALLOC_COUNT), ==, 5);
  g_assert_cmpfloat (frame_function_self (profile, 0, "Update", HEARTH_METRIC_ALLOC_BYTES), ==, 1024);
  g_assert_cmpfloat (frame_function_self (profile, 0, "Update", HEARTH_METRIC_FREE_COUNT), ==, 2);
  g_assert_cmpfloat (frame_function_self (profile, 0, "Update", HEARTH_METRIC_FREE_BYTES), ==, 64);

  /* whole-capture totals are unchanged (§17.0) */
  assert_ms (hearth_profile_function_get_total (profile, find_function (profile, "Frame"),
                                                HEARTH_METRIC_CPU_TIME) / MS, 33);
  assert_ms (hearth_profile_function_get_self (profile, find_function (profile, "Frame"),
                                               HEARTH_METRIC_CPU_TIME) / MS, 26);
}

static void
test_filter_range (void)
{
  g_autoptr(HearthProfile) profile = load_fixture_c ();
  g_autoptr(HearthProfile) f0 = hearth_profile_filter_frames (profile, 0, 0);
  g_autoptr(HearthProfile) f1 = hearth_profile_filter_frames (profile, 1, 1);
  g_autoptr(HearthProfile) all = hearth_profile_filter_frames (profile, 0, 99);
  guint frame_f, update_f;

  g_assert_cmpuint (hearth_profile_get_n_frames (f0), ==, 1);
  g_assert_cmpuint (hearth_profile_get_n_frames (f1), ==, 1);
  g_assert_cmpuint (hearth_profile_get_n_frames (all), ==, 2);
  assert_ms (hearth_profile_get_frame (f1, 0)->start_ms, 16.6);

  frame_f = find_function (f0, "Frame");
  update_f = find_function (f0, "Update");
  assert_ms (hearth_profile_function_get_total (f0, frame_f, HEARTH_METRIC_CPU_TIME) / MS, 16.6);
  assert_ms (hearth_profile_function_get_self (f0, frame_f, HEARTH_METRIC_CPU_TIME) / MS, 11.0);
  assert_ms (hearth_profile_function_get_total (f0, update_f, HEARTH_METRIC_CPU_TIME) / MS, 5.6);
  g_assert_cmpfloat (hearth_profile_function_get_total (f0, update_f, HEARTH_METRIC_CALLS), ==, 2);
  g_assert_cmpfloat (hearth_profile_function_get_total (f0, update_f, HEARTH_METRIC_ALLOC_COUNT), ==, 5);
  assert_ms (hearth_profile_function_get_total (f0, find_function (f0, "GpuFrame"),
                                                HEARTH_METRIC_CPU_TIME) / MS, 4.999744);
  /* <root> = Main 16.6 + GPU 4.999744 */
  assert_ms (hearth_profile_get_root_total (f0, HEARTH_METRIC_CPU_TIME) / MS, 16.6 + 4.999744);

  frame_f = find_function (f1, "Frame");
  update_f = find_function (f1, "Update");
  assert_ms (hearth_profile_function_get_total (f1, frame_f, HEARTH_METRIC_CPU_TIME) / MS, 16.4);
  assert_ms (hearth_profile_function_get_self (f1, frame_f, HEARTH_METRIC_CPU_TIME) / MS, 15.0);
  assert_ms (hearth_profile_function_get_total (f1, update_f, HEARTH_METRIC_CPU_TIME) / MS, 1.4);
  g_assert_cmpfloat (hearth_profile_function_get_total (f1, frame_f, HEARTH_METRIC_CALLS), ==, 1);
  /* GpuFrame did nothing in F1: its node, and the GPU thread's, are gone */
  g_assert_cmpuint (hearth_profile_function_get_n_nodes (f1, find_function (f1, "GpuFrame")), ==, 0);
  /* <root>, Main, Frame, Update */
  g_assert_cmpuint (hearth_profile_get_n_nodes (f1), ==, 4);
  assert_ms (hearth_profile_get_root_total (f1, HEARTH_METRIC_CPU_TIME) / MS, 16.4);

  /* all frames: the same totals as the capture */
  assert_ms (hearth_profile_get_root_total (all, HEARTH_METRIC_CPU_TIME),
             hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME));
  g_assert_cmpuint (hearth_profile_get_n_nodes (all), ==, hearth_profile_get_n_nodes (profile));
}

static void
test_paused_excluded (void)
{
  g_autofree char *text = load_text ("microprofile-c-statements.js");
  g_autoptr(GString) s = g_string_new (text);
  g_autoptr(HearthProfile) profile = NULL;
  guint fn;

  /* pause frame 1 (MakeFrame argument 10) */
  g_assert_cmpuint (g_string_replace (s, "S.tl1, 0, 0,", "S.tl1, 1, 0,", 1), ==, 1);
  profile = read_text (s->str);
  g_assert_true (hearth_profile_get_frame (profile, 1)->paused);

  /* only F0 counts: Frame 16.6 ms (self 11.0) over 1 call, Update 5.6 ms */
  fn = find_function (profile, "Frame");
  assert_ms (hearth_profile_function_get_total (profile, fn, HEARTH_METRIC_CPU_TIME) / MS, 16.6);
  assert_ms (hearth_profile_function_get_self (profile, fn, HEARTH_METRIC_CPU_TIME) / MS, 11.0);
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, fn, HEARTH_METRIC_CALLS), ==, 1);
  fn = find_function (profile, "Update");
  assert_ms (hearth_profile_function_get_total (profile, fn, HEARTH_METRIC_CPU_TIME) / MS, 5.6);
  g_assert_cmpfloat (hearth_profile_function_get_total (profile, fn, HEARTH_METRIC_CALLS), ==, 2);
  {
    guint n;

    hearth_profile_get_frame_values (profile, 1, &n);
    g_assert_cmpuint (n, ==, 0);
  }
}

static void
test_classify (void)
{
  g_autoptr(HearthProfile) profile = load_fixture_c ();
  struct {
    double wait, jobs, render;
    HearthFrameClass klass;
    const char *name;
  } cases[] = {
    { 3.0, 10.0, 12.0, HEARTH_FRAME_CLASS_GPU, "gpu" },
    { 2.5, 10.0, 12.0, HEARTH_FRAME_CLASS_RENDER, "render" },    /* not above 2.5 */
    { 9.0, 12.0, 12.0, HEARTH_FRAME_CLASS_CPU, "cpu" },          /* render not after jobs */
    { 9.0, 13.0, 12.0, HEARTH_FRAME_CLASS_CPU, "cpu" },
    { NAN, 10.0, 12.0, HEARTH_FRAME_CLASS_RENDER, "render" },
    { 1.0, NAN, NAN, HEARTH_FRAME_CLASS_UNKNOWN, "" },
  };

  /* §17.3: F0 jobs-bound, F1 render-bound */
  g_assert_cmpint (hearth_frame_classify (hearth_profile_get_frame (profile, 0)), ==, HEARTH_FRAME_CLASS_CPU);
  g_assert_cmpint (hearth_frame_classify (hearth_profile_get_frame (profile, 1)), ==, HEARTH_FRAME_CLASS_RENDER);
  g_assert_cmpint (hearth_profile_get_frame (profile, 0)->klass, ==, HEARTH_FRAME_CLASS_CPU);
  g_assert_cmpint (hearth_profile_get_frame (profile, 1)->klass, ==, HEARTH_FRAME_CLASS_RENDER);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HearthFrame fr;

      hearth_frame_init (&fr);
      fr.start_ms = 0;
      fr.end_ms = 16;
      fr.cpu_waits_for_gpu_ms = cases[i].wait;
      fr.jobs_ms = cases[i].jobs;
      fr.render_ms = cases[i].render;
      g_assert_cmpint (hearth_frame_classify (&fr), ==, cases[i].klass);
      g_assert_cmpstr (hearth_frame_class_to_string (hearth_frame_classify (&fr)), ==, cases[i].name);
    }
}

static void
test_frames_csv (void)
{
  g_autoptr(HearthProfile) profile = load_fixture_c ();
  g_autofree char *csv = hearth_table_frames_csv (profile, ',');

  g_assert_cmpstr (csv, ==,
                   "index,start_ms,end_ms,frame_ms,class,cpu_waits_for_gpu_ms,jobs_ms,render_ms,gpu_ms,allocs,frees\n"
                   "0,0.000,16.600,16.600,cpu,0.500,15.000,12.000,4.000,5,2\n"
                   "1,16.600,33.200,16.600,render,0.100,13.400,14.400,3.000,0,0\n");
}

static void
test_percentile (void)
{
  const double v[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };
  const double one[] = { 42 };

  /* nearest rank: ⌈p/100 × N⌉ */
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 20, 50), ==, 10);   /* rank 10 */
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 20, 95), ==, 19);   /* rank 19 */
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 20, 96), ==, 20);   /* ⌈19.2⌉ = 20 */
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 20, 0), ==, 1);
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 20, 100), ==, 20);
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 5, 50), ==, 3);     /* ⌈2.5⌉ = 3 */
  g_assert_cmpfloat (hearth_percentile_nearest_rank (v, 5, 95), ==, 5);     /* ⌈4.75⌉ = 5 */
  g_assert_cmpfloat (hearth_percentile_nearest_rank (one, 1, 95), ==, 42);
  g_assert_true (isnan (hearth_percentile_nearest_rank (v, 0, 50)));
}

static void
test_frame_stats (void)
{
  g_autoptr(HearthProfile) profile = load_fixture_c ();
  g_autoptr(HearthFrameStats) stats = hearth_frame_stats_new (profile);
  HearthFrameStat st;

  g_assert_nonnull (stats);
  g_assert_cmpuint (hearth_frame_stats_get_n_frames (stats), ==, 2);

  /* Frame: F0 16.6, F1 16.4 (15.0 + Update 1.4) */
  g_assert_true (hearth_frame_stats_get (stats, find_function (profile, "Frame"), &st));
  assert_ms (st.mean_ms, 16.5);
  assert_ms (st.p50_ms, 16.4);       /* rank ⌈1.0⌉ = 1 of [16.4, 16.6] */
  assert_ms (st.p95_ms, 16.6);       /* rank ⌈1.9⌉ = 2 */
  assert_ms (st.max_ms, 16.6);

  /* Update: F0 5.6, F1 1.4 */
  g_assert_true (hearth_frame_stats_get (stats, find_function (profile, "Update"), &st));
  assert_ms (st.mean_ms, 3.5);
  assert_ms (st.p50_ms, 1.4);
  assert_ms (st.p95_ms, 5.6);
  assert_ms (st.max_ms, 5.6);

  /* GpuFrame: F0 4.999744, F1 nothing (0 ms) */
  g_assert_true (hearth_frame_stats_get (stats, find_function (profile, "GpuFrame"), &st));
  assert_ms (st.mean_ms, 4.999744 / 2);
  assert_ms (st.p50_ms, 0);
  assert_ms (st.p95_ms, 4.999744);
  assert_ms (st.max_ms, 4.999744);
}

static const char *
find_line (char       **lines,
           const char  *prefix)
{
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i];
  return NULL;
}

static void
test_functions_csv (void)
{
  g_autoptr(HearthProfile) profile = load_fixture_c ();
  g_autoptr(HearthProfile) f1 = hearth_profile_filter_frames (profile, 1, 1);
  HearthTableOptions options;
  g_autofree char *csv = NULL;
  g_autofree char *csv1 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) lines1 = NULL;

  hearth_table_options_init (&options);
  csv = hearth_table_functions_csv (profile, &options, NULL);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_true (g_str_has_suffix (lines[0], ",calls,alloc_count,alloc_bytes,free_count,free_bytes,"
                                             "mean_ms,p50_ms,p95_ms,max_ms"));
  /* Update: F0 5.6 ms, F1 1.4 ms */
  g_assert_true (g_str_has_suffix (find_line (lines, "Update,"), ",3.500,1.400,5.600,5.600"));
  g_assert_true (g_str_has_suffix (find_line (lines, "Frame,"), ",16.500,16.400,16.600,16.600"));

  /* `hearth-cli functions --frames 1-1`: F1 only, one frame */
  csv1 = hearth_table_functions_csv (f1, &options, NULL);
  lines1 = g_strsplit (csv1, "\n", -1);
  g_assert_true (g_str_has_suffix (find_line (lines1, "Update,"), ",1.400,1.400,1.400,1.400"));
  g_assert_true (g_str_has_suffix (find_line (lines1, "Frame,"), ",16.400,16.400,16.400,16.400"));
  g_assert_null (find_line (lines1, "GpuFrame,"));
}

/* Constructed: 6 frames of 10, 20, 16, 40, 16.67, 30 ms; frame 2 paused */
static HearthProfile *
make_frames_profile (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  const double ms[] = { 10, 20, 16, 40, 16.67, 30 };
  double t = 0;
  guint thread, fn;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  thread = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
                                             hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD,
                                                                                     "Main", NULL, 0, NULL, 0));
  fn = hearth_profile_builder_add_child (b, thread,
                                         hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                 "work", NULL, 0, NULL, 0));
  for (guint f = 0; f < G_N_ELEMENTS (ms); f++)
    {
      HearthFrame fr;

      hearth_frame_init (&fr);
      fr.start_ms = t;
      fr.end_ms = t + ms[f];
      fr.paused = f == 2;
      t += ms[f];
      hearth_profile_builder_add_frame (b, &fr);
      if (f != 2)
        {
          hearth_profile_builder_add_value (b, fn, HEARTH_METRIC_CPU_TIME, ms[f] * MS);
          hearth_profile_builder_add_frame_value (b, f, fn, HEARTH_METRIC_CPU_TIME, ms[f] * MS);
        }
    }
  return hearth_profile_builder_finish (b);
}

static void
assert_frames (GArray      *a,
               const guint *expected,
               guint        n)
{
  g_assert_cmpuint (a->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (a, guint, i), ==, expected[i]);
}

static void
test_quick_selections (void)
{
  g_autoptr(HearthProfile) profile = make_frames_profile ();
  g_autoptr(GArray) spikes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) typical = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) slowest = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(HearthProfile) sp = NULL;
  g_autoptr(HearthProfile) ty = NULL;
  const guint exp_spikes[] = { 1, 3, 5 };     /* 20, 40, 30 > 16.667 (16.67 too: 4) */
  const guint exp_spikes2[] = { 1, 3, 4, 5 };
  const guint exp_typical[] = { 0 };
  const guint exp_slowest[] = { 3, 5 };

  /* 16.67 > 1000/60 = 16.666…: a spike; frame 2 (16 ms) is paused */
  g_assert_cmpuint (hearth_frames_spikes (profile, 20.0, spikes), ==, 2);
  g_array_set_size (spikes, 0);
  g_assert_cmpuint (hearth_frames_spikes (profile, HEARTH_FRAME_REFERENCE_MS, spikes), ==, 4);
  assert_frames (spikes, exp_spikes2, 4);
  g_assert_cmpuint (hearth_frames_typical (profile, HEARTH_FRAME_REFERENCE_MS, typical), ==, 1);
  assert_frames (typical, exp_typical, 1);
  g_assert_cmpuint (hearth_frames_slowest (profile, 2, slowest), ==, 2);
  assert_frames (slowest, exp_slowest, 2);
  (void) exp_spikes;

  /* the spike frames: work = 20 + 40 + 16.67 + 30 = 106.67 ms over 4 frames */
  sp = hearth_profile_select_frames (profile, (guint *) spikes->data, spikes->len);
  g_assert_cmpuint (hearth_profile_get_n_frames (sp), ==, 4);
  assert_ms (hearth_profile_get_root_total (sp, HEARTH_METRIC_CPU_TIME) / MS, 106.67);
  ty = hearth_profile_select_frames (profile, (guint *) typical->data, typical->len);
  assert_ms (hearth_profile_get_root_total (ty, HEARTH_METRIC_CPU_TIME) / MS, 10);

  /* compare spikes with typical frames, per frame: 106.67 / 4 and 10 / 1 */
  {
    g_autoptr(HearthProfile) s_pf = NULL;
    g_autoptr(HearthProfile) t_pf = NULL;

    g_autoptr(HearthProfile) s_raw = NULL;
    g_autoptr(HearthProfile) t_raw = NULL;

    g_assert_true (hearth_profile_split_spikes (profile, HEARTH_FRAME_REFERENCE_MS, TRUE, &s_pf, &t_pf));
    assert_ms (hearth_profile_get_root_total (s_pf, HEARTH_METRIC_CPU_TIME) / MS, 26.6675);
    assert_ms (hearth_profile_get_root_total (t_pf, HEARTH_METRIC_CPU_TIME) / MS, 10);
    g_assert_true (hearth_profile_split_spikes (profile, HEARTH_FRAME_REFERENCE_MS, FALSE, &s_raw, &t_raw));
    assert_ms (hearth_profile_get_root_total (s_raw, HEARTH_METRIC_CPU_TIME) / MS, 106.67);
    g_assert_cmpuint (hearth_profile_get_n_frames (s_raw), ==, 4);
    g_assert_cmpuint (hearth_profile_get_n_frames (t_raw), ==, 1);
  }
}

static void
test_range_parse (void)
{
  struct {
    const char *text;
    guint first, last;
    gboolean ok;
  } cases[] = {
    { "120-180", 120, 180, TRUE },
    { "0-511", 0, 511, TRUE },
    { "7", 7, 7, TRUE },
    { "180-120", 0, 0, FALSE },
    { "0-512", 0, 0, FALSE },
    { "-3", 0, 0, FALSE },
    { "1-", 0, 0, FALSE },
    { "a-b", 0, 0, FALSE },
    { "1-2x", 0, 0, FALSE },
    { "", 0, 0, FALSE },
    { "99999999999-1", 0, 0, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      guint first = 0, last = 0;
      gboolean ok = hearth_frame_range_parse (cases[i].text, 512, &first, &last, &error);

      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (first, ==, cases[i].first);
          g_assert_cmpuint (last, ==, cases[i].last);
        }
      else
        g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }

  {
    g_autoptr(GError) error = NULL;
    guint first, last;

    g_assert_false (hearth_frame_range_parse ("0-1", 0, &first, &last, &error));
    g_assert_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/frame-filter/frame-values", test_frame_values);
  g_test_add_func ("/hearth/frame-filter/range", test_filter_range);
  g_test_add_func ("/hearth/frame-filter/paused-excluded", test_paused_excluded);
  g_test_add_func ("/hearth/frame-filter/classify", test_classify);
  g_test_add_func ("/hearth/frame-filter/frames-csv", test_frames_csv);
  g_test_add_func ("/hearth/frame-filter/percentile", test_percentile);
  g_test_add_func ("/hearth/frame-filter/frame-stats", test_frame_stats);
  g_test_add_func ("/hearth/frame-filter/functions-csv", test_functions_csv);
  g_test_add_func ("/hearth/frame-filter/quick-selections", test_quick_selections);
  g_test_add_func ("/hearth/frame-filter/range-parse", test_range_parse);

  return g_test_run ();
}
