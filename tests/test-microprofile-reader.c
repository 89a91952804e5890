/* test-microprofile-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-microprofile-reader"

#include "config.h"

#include <math.h>
#include <string.h>
#include <zlib.h>

#include "hearth-importer.h"
#include "hearth-microprofile-private.h"
#include "hearth-profile-builder.h"
#include "hearth-r0fl.h"

/* Expected values are worked out by hand from docs/formats/microprofiler.md
 * §17 (the fixtures are copied from there verbatim). */

#define MS 1e6   /* ns per ms */

typedef struct
{
  guint  thread;
  char  *name;
  double start, end;
  guint  depth;
  gboolean before, open;
  char  *labels;          /* joined with '|' */
  double meta0;
  double alloc_count, alloc_bytes, free_count, free_bytes;
  double issue_start, issue_end;
  int    issue_thread;
} Scope;

static void
scope_free (gpointer data)
{
  Scope *s = data;

  g_free (s->name);
  g_free (s->labels);
  g_free (s);
}

static void
collect_scope (const HearthMicroprofileScope *in,
               gpointer                       user_data)
{
  GPtrArray *scopes = user_data;
  Scope *s = g_new0 (Scope, 1);

  s->thread = in->thread;
  s->name = g_strdup (in->name);
  s->start = in->start_ms;
  s->end = in->end_ms;
  s->depth = in->depth;
  s->before = in->started_before_capture;
  s->open = in->still_open;
  s->labels = in->labels ? g_strjoinv ("|", (char **) in->labels) : g_strdup ("");
  s->meta0 = in->meta[0];
  s->alloc_count = in->alloc_count;
  s->alloc_bytes = in->alloc_bytes;
  s->free_count = in->free_count;
  s->free_bytes = in->free_bytes;
  s->issue_start = in->cpu_issue_start_ms;
  s->issue_end = in->cpu_issue_end_ms;
  s->issue_thread = in->issuing_thread;
  g_ptr_array_add (scopes, s);
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

typedef struct
{
  guint n_calls;
  double last;
} Progress;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  p->last = fraction;
  p->n_calls++;
}

static HearthProfile *
read_data (const char               *data,
           gsize                     length,
           GPtrArray               **scopes,
           HearthMicroprofileInfo  **info,
           GError                  **error)
{
  HearthImportSource source = { 0 };
  Progress progress = { 0 };
  HearthProfile *profile;

  source.display_name = "fixture";
  source.data = (const guint8 *) data;
  source.length = length;
  source.progress = progress_cb;
  source.progress_data = &progress;
  if (scopes != NULL)
    *scopes = g_ptr_array_new_with_free_func (scope_free);
  profile = hearth_microprofile_read_full (&source, scopes ? collect_scope : NULL,
                                           scopes ? *scopes : NULL, info, error);
  if (profile != NULL)
    {
      g_assert_cmpuint (progress.n_calls, >=, 2);
      g_assert_cmpfloat (progress.last, ==, 1.0);
    }
  return profile;
}

static HearthProfile *
read_string (const char              *text,
             GPtrArray              **scopes,
             HearthMicroprofileInfo **info,
             GError                 **error)
{
  return read_data (text, strlen (text), scopes, info, error);
}

/* Checks error message = "fixture: " + expected */
static void
assert_error (GError     *error,
              int         code,
              const char *expected)
{
  g_autofree char *full = g_strconcat ("fixture: ", expected, NULL);

  g_assert_nonnull (error);
  g_assert_true (error->domain == HEARTH_FORMAT_ERROR);
  g_assert_cmpstr (error->message, ==, full);
  g_assert_cmpint (error->code, ==, code);
}

static void
assert_error_string (const char *text,
                     int         code,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (text, NULL, NULL, &error);

  g_assert_null (profile);
  assert_error (error, code, expected);
}

static guint
child_named (HearthProfile *profile,
             guint          node,
             const char    *name)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);

  for (guint c = tree->first_child[node]; c != HEARTH_NO_INDEX; c = tree->next_sibling[c])
    if (g_strcmp0 (hearth_profile_function_get_name (profile, tree->function[c]), name) == 0)
      return c;
  return HEARTH_NO_INDEX;
}

static guint
node_at (HearthProfile *profile,
         const char    *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint node = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      node = child_named (profile, node, parts[i]);
      if (node == HEARTH_NO_INDEX)
        return HEARTH_NO_INDEX;
    }
  return node;
}

static const Scope *
find_scope (GPtrArray  *scopes,
            guint       thread,
            const char *name,
            double      start)
{
  for (guint i = 0; i < scopes->len; i++)
    {
      const Scope *s = g_ptr_array_index (scopes, i);

      if (s->thread == thread && g_strcmp0 (s->name, name) == 0 && fabs (s->start - start) < 1e-9)
        return s;
    }
  g_error ("no scope %s at %g on thread %u", name, start, thread);
  return NULL;
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9 * MAX (1.0, fabs ((double) (b))))

static void
assert_no_warnings (HearthProfile *profile)
{
  const char * const *w = hearth_profile_get_warnings (profile);

  for (guint i = 0; w[i] != NULL; i++)
    g_printerr ("unexpected warning: %s\n", w[i]);
  g_assert_null (w[0]);
}

/* The scenario of §17.0, shared by every fixture */
static void
assert_scenario (HearthProfile *profile,
                 GPtrArray     *scopes,
                 gboolean       labels_and_meta)
{
  const Scope *s;
  guint main_node, frame, update, gpu, gpu_frame;
  const HearthFrame *f;
  guint32 rgb = 0;

  /* Global tree of thread Main */
  g_assert_cmpuint (scopes->len, ==, 5);
  s = find_scope (scopes, 0, "Frame", 0);
  assert_near (s->end, 20);
  g_assert_cmpuint (s->depth, ==, 0);
  g_assert_false (s->before);
  g_assert_false (s->open);
  g_assert_cmpstr (s->labels, ==, labels_and_meta ? "hello" : "");
  s = find_scope (scopes, 0, "Update", 1);
  assert_near (s->end, 5);
  g_assert_cmpuint (s->depth, ==, 1);
  assert_near (s->meta0, labels_and_meta ? 3 : 0);
  s = find_scope (scopes, 0, "Update", 15);
  assert_near (s->end, 18);
  g_assert_cmpuint (s->depth, ==, 1);
  s = find_scope (scopes, 0, "Frame", 20);
  assert_near (s->end, 33);

  /* Thread GPU: GPU ms, CPU issue times and issuing thread */
  s = find_scope (scopes, 1, "GpuFrame", 0.000256);
  assert_near (s->end, 5.0);
  assert_near (s->issue_start, 0.1);
  assert_near (s->issue_end, 5.0);
  g_assert_cmpint (s->issue_thread, ==, 0);

  /* The aggregated call tree: root → thread → scopes */
  g_assert_cmpuint (hearth_profile_get_n_nodes (profile), ==, 6);
  main_node = node_at (profile, "Main");
  frame = node_at (profile, "Main/Frame");
  update = node_at (profile, "Main/Frame/Update");
  gpu = node_at (profile, "GPU");
  gpu_frame = node_at (profile, "GPU/GpuFrame");
  g_assert_cmpuint (main_node, !=, HEARTH_NO_INDEX);
  g_assert_cmpuint (frame, !=, HEARTH_NO_INDEX);
  g_assert_cmpuint (update, !=, HEARTH_NO_INDEX);
  g_assert_cmpuint (gpu_frame, !=, HEARTH_NO_INDEX);

  g_assert_cmpint (hearth_profile_function_get_kind (profile, hearth_profile_node_get_function (profile, main_node)),
                   ==, HEARTH_FUNCTION_KIND_THREAD);
  assert_near (hearth_profile_node_get_total (profile, frame, HEARTH_METRIC_CPU_TIME), 33 * MS);
  assert_near (hearth_profile_node_get_self (profile, frame, HEARTH_METRIC_CPU_TIME), 26 * MS);
  assert_near (hearth_profile_node_get_self (profile, frame, HEARTH_METRIC_CALLS), 2);
  assert_near (hearth_profile_node_get_total (profile, update, HEARTH_METRIC_CPU_TIME), 7 * MS);
  assert_near (hearth_profile_node_get_self (profile, update, HEARTH_METRIC_CALLS), 2);
  assert_near (hearth_profile_node_get_total (profile, main_node, HEARTH_METRIC_CPU_TIME), 33 * MS);
  assert_near (hearth_profile_node_get_total (profile, gpu_frame, HEARTH_METRIC_CPU_TIME), 4.999744 * MS);
  assert_near (hearth_profile_node_get_self (profile, gpu_frame, HEARTH_METRIC_CALLS), 1);
  assert_near (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME), 37.999744 * MS);

  /* Functions: timer name, group name, GPU flag, colour */
  {
    guint ff = hearth_profile_node_get_function (profile, frame);
    guint gf = hearth_profile_node_get_function (profile, gpu_frame);

    g_assert_cmpstr (hearth_profile_function_get_group (profile, ff), ==, "Game");
    g_assert_cmpstr (hearth_profile_function_get_group (profile, gf), ==, "GPU");
    g_assert_cmpint (hearth_profile_function_get_flags (profile, ff) & HEARTH_FUNCTION_FLAG_GPU, ==, 0);
    g_assert_cmpint (hearth_profile_function_get_flags (profile, gf) & HEARTH_FUNCTION_FLAG_GPU, !=, 0);
    g_assert_true (hearth_profile_function_get_color (profile, ff, &rgb));
    g_assert_cmphex (rgb, ==, 0xff8000);
    g_assert_true (hearth_profile_function_get_color (profile, hearth_profile_node_get_function (profile, update), &rgb));
    g_assert_cmphex (rgb, ==, 0x4080ff);
    assert_near (hearth_profile_function_get_total (profile, ff, HEARTH_METRIC_CPU_TIME), 33 * MS);
    assert_near (hearth_profile_function_get_total (profile, gf, HEARTH_METRIC_CPU_TIME), 4.999744 * MS);
  }

  /* Threads */
  g_assert_cmpuint (hearth_profile_get_n_threads (profile), ==, 2);
  g_assert_cmpstr (hearth_profile_get_thread (profile, 0)->name, ==, "Main");
  g_assert_false (hearth_profile_get_thread (profile, 0)->gpu);
  g_assert_false (hearth_profile_get_thread (profile, 0)->clobbered);
  g_assert_cmpuint (hearth_profile_get_thread (profile, 0)->node, ==, main_node);
  g_assert_cmpstr (hearth_profile_get_thread (profile, 1)->name, ==, "GPU");
  g_assert_true (hearth_profile_get_thread (profile, 1)->gpu);
  g_assert_cmpuint (hearth_profile_get_thread (profile, 1)->node, ==, gpu);

  /* Frames */
  g_assert_cmpuint (hearth_profile_get_n_frames (profile), ==, 2);
  f = hearth_profile_get_frame (profile, 0);
  assert_near (f->start_ms, 0);
  assert_near (f->end_ms, 16.6);
  g_assert_false (f->clobbered);
  f = hearth_profile_get_frame (profile, 1);
  assert_near (f->start_ms, 16.6);
  assert_near (f->end_ms, 33.2);
  g_assert_false (f->clobbered);
  assert_near (hearth_profile_get_session_ms (profile), 33.2);

  g_assert_cmpint (hearth_profile_get_capture_time_ms (profile), ==, G_GINT64_CONSTANT (1700000000000));
  assert_no_warnings (profile);
}

static void
test_fixture_a (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("microprofile-a.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(HearthMicroprofileInfo) info = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const HearthMicroprofileCounter *counter;
  const HearthFrame *f;

  profile = read_data (data, len, &scopes, &info, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  assert_scenario (profile, scopes, TRUE);

  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "microprofile-a");
  g_assert_false (hearth_profile_has_memory (profile));
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "dump-host"), ==, "synthetic");
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "meta-counters"), ==, "Allocs");
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "labels"), ==, "1");

  g_assert_cmpint (info->family, ==, HEARTH_MICROPROFILE_FAMILY_A);
  g_assert_cmpuint (info->n_frames, ==, 2);
  g_assert_cmpuint (info->n_threads, ==, 2);
  g_assert_cmpuint (info->n_timers, ==, 3);
  g_assert_cmpuint (info->n_groups, ==, 2);
  g_assert_cmpuint (info->n_categories, ==, 1);
  g_assert_cmpuint (info->thread_ids->len, ==, 2);
  g_assert_cmpuint (g_array_index (info->thread_ids, guint64, 0), ==, 6699);
  g_assert_cmpuint (g_array_index (info->thread_ids, guint64, 1), ==, 0);
  g_assert_cmpuint (info->meta_names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (info->meta_names, 0), ==, "Allocs");
  g_assert_cmpuint (info->counters->len, ==, 1);
  counter = g_ptr_array_index (info->counters, 0);
  g_assert_cmpstr (counter->name, ==, "memory");
  g_assert_cmpuint (counter->history->len, ==, 3);
  assert_near (g_array_index (counter->history, double, 0), 0);
  assert_near (g_array_index (counter->history, double, 1), 1024);
  assert_near (g_array_index (counter->history, double, 2), 2048);
  g_assert_cmpuint (info->thread_group_stride, ==, 2);
  assert_near (g_array_index (info->thread_group_time_ms, double, 0), 31.2);
  assert_near (g_array_index (info->thread_group_time_ms, double, 3), 4.999744);
  g_assert_false (info->truncated);

  f = hearth_profile_get_frame (profile, 0);
  assert_near (f->gpu_start_ms, 0);
  assert_near (f->gpu_end_ms, 16.6);
  g_assert_cmpint (f->klass, ==, HEARTH_FRAME_CLASS_UNKNOWN);
  g_assert_true (isnan (f->jobs_ms));
}

static void
test_fixture_b (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("microprofile-b.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(HearthMicroprofileInfo) info = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const HearthMicroprofileCounter *counter;

  profile = read_data (data, len, &scopes, &info, &error);
  g_assert_no_error (error);
  assert_scenario (profile, scopes, FALSE);

  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "microprofile-b-s");
  g_assert_cmpint (info->family, ==, HEARTH_MICROPROFILE_FAMILY_B_S);
  g_assert_cmpuint (info->n_groups, ==, 3);
  g_assert_cmpuint (info->n_timers, ==, 3);
  g_assert_cmpuint (g_array_index (info->thread_ids, guint64, 0), ==, 6699);
  g_assert_cmpuint (g_array_index (info->thread_ids, guint64, 1), ==, G_MAXUINT64);
  counter = g_ptr_array_index (info->counters, 0);
  g_assert_cmpuint (counter->history->len, ==, 0);
  /* family B: GPU start/end are written, so known here */
  assert_near (hearth_profile_get_frame (profile, 1)->gpu_end_ms, 33.2);
}

static void
check_fixture_c (const char *data,
                 gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(HearthMicroprofileInfo) info = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  const HearthFrame *f;
  const Scope *s;
  guint frame, update;

  profile = read_data (data, len, &scopes, &info, &error);
  g_assert_no_error (error);
  assert_scenario (profile, scopes, TRUE);

  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "microprofile-c");
  g_assert_cmpint (info->family, ==, HEARTH_MICROPROFILE_FAMILY_C);
  g_assert_true (hearth_profile_has_memory (profile));

  /* Memory credited to Update[1,5], exclusive; inclusive up the tree */
  s = find_scope (scopes, 0, "Update", 1);
  assert_near (s->alloc_count, 5);
  assert_near (s->alloc_bytes, 1024);
  assert_near (s->free_count, 2);
  assert_near (s->free_bytes, 64);
  s = find_scope (scopes, 0, "Frame", 0);
  assert_near (s->alloc_count, 0);
  frame = node_at (profile, "Main/Frame");
  update = node_at (profile, "Main/Frame/Update");
  assert_near (hearth_profile_node_get_self (profile, update, HEARTH_METRIC_ALLOC_COUNT), 5);
  assert_near (hearth_profile_node_get_self (profile, update, HEARTH_METRIC_ALLOC_BYTES), 1024);
  assert_near (hearth_profile_node_get_self (profile, update, HEARTH_METRIC_FREE_COUNT), 2);
  assert_near (hearth_profile_node_get_self (profile, update, HEARTH_METRIC_FREE_BYTES), 64);
  assert_near (hearth_profile_node_get_total (profile, update, HEARTH_METRIC_ALLOC_BYTES), 1024);
  assert_near (hearth_profile_node_get_self (profile, frame, HEARTH_METRIC_ALLOC_COUNT), 0);
  assert_near (hearth_profile_node_get_total (profile, frame, HEARTH_METRIC_ALLOC_COUNT), 5);
  assert_near (hearth_profile_node_get_total (profile, frame, HEARTH_METRIC_ALLOC_BYTES), 1024);
  assert_near (hearth_profile_node_get_total (profile, frame, HEARTH_METRIC_FREE_COUNT), 2);
  assert_near (hearth_profile_node_get_total (profile, frame, HEARTH_METRIC_FREE_BYTES), 64);

  /* Frames (§17.3) */
  f = hearth_profile_get_frame (profile, 0);
  g_assert_false (f->paused);
  g_assert_false (f->incomplete);
  assert_near (f->cpu_frequency_mhz, 3000.0);
  assert_near (f->memory_used, 512.0);
  assert_near (f->memory_free, 1024.0);
  assert_near (f->alloc_ms, 0.012);
  assert_near (f->alloc_count, 5);
  assert_near (f->free_ms, 0.004);
  assert_near (f->free_count, 2);
  assert_near (f->alloc_bytes, 1024);
  assert_near (f->free_bytes, 64);
  assert_near (f->cpu_waits_for_gpu_ms, 0.50);
  assert_near (f->jobs_ms, 15.00);
  assert_near (f->render_ms, 12.00);
  assert_near (f->gpu_ms, 4.00);
  g_assert_cmpint (f->klass, ==, HEARTH_FRAME_CLASS_CPU);
  f = hearth_profile_get_frame (profile, 1);
  assert_near (f->jobs_ms - f->start_ms, 13.40);
  assert_near (f->render_ms - f->start_ms, 14.40);
  assert_near (f->cpu_waits_for_gpu_ms, 0.10);
  assert_near (f->gpu_ms, 3.00);
  assert_near (f->alloc_count, 0);
  g_assert_cmpint (f->klass, ==, HEARTH_FRAME_CLASS_RENDER);

  assert_near (info->tick_scale, 1.0e-04);
  g_assert_null (hearth_profile_get_place_id (profile));
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "platform"), ==, "Synthetic platform");
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "general-info"), ==, "{\"PlaceId\":0}");
  g_assert_false (hearth_profile_get_thread (profile, 0)->clobbered);
}

static void
test_fixture_c (void)
{
  g_autoptr(GBytes) html = load_fixture ("microprofile-c.html");
  g_autoptr(GBytes) stmts = load_fixture ("microprofile-c-statements.js");
  gsize len;
  const char *data;

  data = g_bytes_get_data (html, &len);
  check_fixture_c (data, len);
  data = g_bytes_get_data (stmts, &len);
  check_fixture_c (data, len);
}

/* Place id, ContextLabel, global labels */
static void
test_general_info (void)
{
  g_autoptr(GBytes) stmts = load_fixture ("microprofile-c-statements.js");
  g_autofree char *text = g_strndup (g_bytes_get_data (stmts, NULL), g_bytes_get_size (stmts));
  g_autoptr(GString) s = g_string_new (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;

  g_string_replace (s, "{\"PlaceId\":0}", "{\"PlaceId\":9007199254740993,\"ContextLabel\":\"Client\"}", 1);
  profile = read_string (s->str, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_profile_get_place_id (profile), ==, "9007199254740993");
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "context-label"), ==, "Client");
}

/* CRLF line endings and a BOM change nothing */
static void
test_crlf_bom (void)
{
  const char *names[] = { "microprofile-a.html", "microprofile-b.html", "microprofile-c.html" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GBytes) bytes = load_fixture (names[i]);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *crlf = g_strjoinv ("\r\n", lines);
      g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", crlf, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) scopes = NULL;
      g_autoptr(HearthProfile) profile = read_string (bom, &scopes, NULL, &error);

      g_assert_no_error (error);
      assert_scenario (profile, scopes, i != 1);
    }
}

/* Gzip goes through the importer, which inflates before calling the reader */
static void
test_gzip (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("microprofile-a.html");
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  guint8 out[8192];
  gsize read = 0, written = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  GConverterResult res;

  res = g_converter_convert (G_CONVERTER (z), g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                             out, sizeof out, G_CONVERTER_INPUT_AT_END, &read, &written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (res, ==, G_CONVERTER_FINISHED);
  g_assert_cmphex (out[0], ==, 0x1f);

  profile = hearth_import_bytes ("fixture", NULL, out, written, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "microprofile-a");
  g_assert_cmpuint (hearth_profile_get_n_frames (profile), ==, 2);
}

/* ------------------------------------------------------------------------ */
/* Detection: one case per row of the table in §2 */

static void
test_detect (void)
{
  struct { const char *fixture; const char *text; HearthMicroprofileFamily family; } cases[] = {
    { "microprofile-d.html", NULL, HEARTH_MICROPROFILE_FAMILY_R0FL },
    { "microprofile-d.raw", NULL, HEARTH_MICROPROFILE_FAMILY_R0FL_RAW },
    { "microprofile-b.html", NULL, HEARTH_MICROPROFILE_FAMILY_B_S },
    { "microprofile-a.html", NULL, HEARTH_MICROPROFILE_FAMILY_A },
    { NULL, "<script>\nvar DumpHost = '';\nvar ThreadNames = ['Main',];\nvar Frames = Array(1);\n"
            "var ts_0_0 = [0.000000,1.000000];\nvar tt_0_0 = [1,0];\nvar ti_0_0 = [0,0];\n"
            "var ts0 = [ts_0_0,];\n", HEARTH_MICROPROFILE_FAMILY_B_VAR },
    { "microprofile-c.html", NULL, HEARTH_MICROPROFILE_FAMILY_C },
    { NULL, "<html><script>\n// This script is being embedded into MicroProfiler captures\n"
            "function InitDataImpl() { }\nvar x = DumpHost;\n</script></html>\n",
      HEARTH_MICROPROFILE_FAMILY_DATA_LOST },
    { NULL, "<html><head><title>MicroProfile Capture</title></head><script>\n"
            "function MakeTimes(s, a) { return a; }\n</script></html>\n",
      HEARTH_MICROPROFILE_FAMILY_TEMPLATE },
    { NULL, "<html><body>Hello</body></html>\n", HEARTH_MICROPROFILE_FAMILY_NONE },
    /* the viewer mentions InitDataImpl but defines no data: not C */
    { NULL, "<html><title>MicroProfiler Capture</title><script>\nif (window.InitDataImpl) InitDataImpl();\n"
            "</script></html>\n", HEARTH_MICROPROFILE_FAMILY_TEMPLATE },
    /* check 4 applies to the data region: a template's "function MakeTimes(" before
     * the data does not make a var-era dump family A */
    { NULL, "<script>\nfunction MakeTimes(s, a) { return a; }\nvar DumpHost = '';\nvar ts_0_0 = [0.0];\n"
            "Frames[0] = MakeFrame(0, 0, 1, 0, 0, ts0, tt0, ti0);\n", HEARTH_MICROPROFILE_FAMILY_B_VAR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = cases[i].fixture ? load_fixture (cases[i].fixture) : NULL;
      const guint8 *data = bytes ? g_bytes_get_data (bytes, NULL) : (const guint8 *) cases[i].text;
      gsize len = bytes ? g_bytes_get_size (bytes) : strlen (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpint (hearth_microprofile_detect (data, len), ==, cases[i].family);
      if (cases[i].family != HEARTH_MICROPROFILE_FAMILY_NONE)
        g_assert_true (hearth_microprofile_sniff (data, len));
    }
}

/* A var-era (family B) dump loads */
static void
test_var_era (void)
{
  const char *text =
    "<script>\nvar DumpHost = '';\nvar DumpUtcCaptureTime = 5;\n"
    "var GroupInfo = Array(1);\nGroupInfo[0] = MakeGroup(0, \"G\", 0, 1, 0, 0, 0, 0, '#102030');\n"
    "var TimerInfo = Array(1);\nvar Meta0 = [];\nvar MetaAvg0 = [];\nvar MetaMax0 = [];\n"
    "TimerInfo[0] = MakeTimer(0, \"T\", 0, '#ff0000','#7f0000', 0, 0, 0, 0, 0, 0, 0, 0, Meta0, MetaAvg0, MetaMax0);\n"
    "var ThreadNames = ['Main'];\nvar ISGPU = [0];\nvar ThreadIds = [42];\n"
    "var Frames = Array(1);\n"
    "var ts_0_0 = [0.000000,1.000000,2.000000];\nvar tt_0_0 = [1,4,0];\nvar ti_0_0 = [0,0,0];\n"
    "var ts0 = [ts_0_0,];\nvar tt0 = [tt_0_0,];\nvar ti0 = [ti_0_0,];\n"
    "Frames[0] = MakeFrame(0, 0.000000, 3.000000, 0.000000, 0.000000, ts0, tt0, ti0);\n"
    "var CSwitchThreadInOutCpu = [];\n</script>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(HearthProfile) profile = read_string (text, &scopes, NULL, &error);
  guint t;

  g_assert_no_error (error);
  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "microprofile-b-var");
  t = node_at (profile, "Main/T");
  g_assert_cmpuint (t, !=, HEARTH_NO_INDEX);
  assert_near (hearth_profile_node_get_total (profile, t, HEARTH_METRIC_CPU_TIME), 2 * MS);
  /* tt 4 on a CPU thread in the var era is meta +1 (§7.1) */
  g_assert_cmpuint (scopes->len, ==, 1);
  assert_near (((Scope *) g_ptr_array_index (scopes, 0))->meta0, 1);
  /* no GPU reference in family B: GPU times unknown */
  g_assert_true (isnan (hearth_profile_get_frame (profile, 0)->gpu_start_ms));
}

/* ------------------------------------------------------------------------ */
/* R0FL container (§9, fixture D) */

static char *
make_r0fl (const guint8 *body,
           gsize         body_len,
           gint64        header_size,
           gssize        keep_compressed,
           const char   *viewer)
{
  uLongf clen = compressBound (body_len);
  g_autofree guint8 *blob = g_malloc (8 + clen);
  g_autofree char *b64 = NULL;
  g_autofree char *b64js = NULL;
  const char *js = "var ToolsModule = 1;";
  g_autofree guint8 *jsblob = g_malloc (8 + compressBound (strlen (js)));
  uLongf jslen = compressBound (strlen (js));
  guint32 size = header_size >= 0 ? (guint32) header_size : (guint32) body_len;

  g_assert_cmpint (compress (blob + 8, &clen, body, body_len), ==, Z_OK);
  blob[0] = size & 0xff;
  blob[1] = (size >> 8) & 0xff;
  blob[2] = (size >> 16) & 0xff;
  blob[3] = (size >> 24) & 0xff;
  memset (blob + 4, 0, 4);
  if (keep_compressed >= 0)
    clen = MIN (clen, (uLongf) keep_compressed);
  b64 = g_base64_encode (blob, 8 + clen);

  g_assert_cmpint (compress (jsblob + 8, &jslen, (const guint8 *) js, strlen (js)), ==, Z_OK);
  jsblob[0] = strlen (js);
  memset (jsblob + 1, 0, 7);
  b64js = g_base64_encode (jsblob, 8 + jslen);

  return g_strdup_printf ("<!--R0FL%s-->\n<!--%s-->\n<!DOCTYPE html>\n<html><script>\n%s\n</script></html>\n",
                          b64, b64js, viewer ? viewer : "/* viewer */");
}

static void
test_r0fl (void)
{
  g_autoptr(GBytes) d = load_fixture ("microprofile-d.html");
  g_autoptr(GBytes) raw = load_fixture ("microprofile-d.raw");
  g_autofree char *text = g_strndup (g_bytes_get_data (d, NULL), g_bytes_get_size (d));
  guint8 body[1000];
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  for (guint i = 0; i < sizeof body; i++)
    body[i] = (guint8) (i * 7);

  /* the fixture: a valid container. Its parser comment is no tools module,
   * so the helper (or its absence) decides the error: see test-r0fl.c */
  {
    HearthR0flInfo rinfo;

    g_assert_true (hearth_r0fl_validate ((const guint8 *) text, strlen (text), &rinfo, NULL));
    g_assert_cmpuint (rinfo.body_size, ==, 1043);
  }
  profile = read_string (text, NULL, NULL, &error);
  g_assert_null (profile);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* the bare .raw body */
  profile = read_data (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), NULL, NULL, &error);
  g_assert_null (profile);
  assert_error (error, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                "a bare .raw R0FL body has no parser; open the .html dump it came from");
  g_clear_error (&error);

  /* a base64 character flipped to '*' */
  {
    g_autofree char *bad = g_strdup (text);

    bad[20] = '*';
    assert_error_string (bad, HEARTH_FORMAT_ERROR_INVALID,
                         "invalid base64 in the R0FL data comment at byte 20 (character 0x2a)");
  }

  /* a truncated zlib stream */
  {
    g_autofree char *bad = make_r0fl (body, sizeof body, -1, 20, NULL);

    assert_error_string (bad, HEARTH_FORMAT_ERROR_TRUNCATED,
                         "truncated compressed data in the R0FL data comment");
  }

  /* the size header disagrees */
  {
    g_autofree char *bad = make_r0fl (body, sizeof body, 999, -1, NULL);
    g_autofree char *bad2 = make_r0fl (body, sizeof body, 1200, -1, NULL);

    assert_error_string (bad, HEARTH_FORMAT_ERROR_INVALID,
                         "size mismatch in the R0FL data comment: the header says 999 bytes, "
                         "the data inflates to more than 999");
    assert_error_string (bad2, HEARTH_FORMAT_ERROR_INVALID,
                         "size mismatch in the R0FL data comment: the header says 1200 bytes, "
                         "the data inflates to 1000");
  }

  /* a corrupt zlib stream (bad header check) */
  {
    g_autofree char *good = make_r0fl (body, sizeof body, -1, -1, NULL);
    g_autofree guint8 *blob = NULL;
    g_autofree char *b64 = NULL;
    g_autofree char *bad = NULL;
    const char *end = strstr (good, "-->");
    g_autofree char *inner = g_strndup (good + 8, end - (good + 8));
    gsize n;

    blob = g_base64_decode (inner, &n);
    blob[9] ^= 0xff;
    b64 = g_base64_encode (blob, n);
    bad = g_strconcat ("<!--R0FL", b64, end, NULL);
    assert_error_string (bad, HEARTH_FORMAT_ERROR_INVALID,
                         "corrupt compressed data in the R0FL data comment (zlib: incorrect header check)");
  }

  /* fewer than 8 bytes */
  assert_error_string ("<!--R0FLAAAA-->\n", HEARTH_FORMAT_ERROR_TRUNCATED,
                       "the R0FL data comment is too short: 3 bytes after base64 decoding, need at least 8");
  /* not terminated */
  assert_error_string ("<!--R0FLAAAAAAAAAAAAAAAA", HEARTH_FORMAT_ERROR_TRUNCATED,
                       "the R0FL data comment is not terminated (no \"-->\")");
  /* bad length */
  assert_error_string ("<!--R0FLAAAAA-->", HEARTH_FORMAT_ERROR_INVALID,
                       "invalid base64 in the R0FL data comment: bad length or padding");
  /* no parser comment */
  {
    g_autofree char *bad = g_strndup (text, strstr (text, "-->") + 4 - text);

    assert_error_string (bad, HEARTH_FORMAT_ERROR_INVALID,
                         "the dump has no parser comment after the R0FL data comment");
  }

  /* the first comment dropped: the data is lost */
  assert_error_string (strstr (text, "-->") + 4, HEARTH_FORMAT_ERROR_NO_DATA,
                       "the dump's data was lost (page saved again by a web browser?)");

  /* a valid container built here, with a BOM and whitespace first */
  {
    g_autofree char *good = make_r0fl (body, sizeof body, -1, -1, NULL);
    g_autofree char *bom = g_strconcat ("\xef\xbb\xbf \n", good, NULL);
    HearthR0flInfo rinfo;

    g_assert_true (hearth_r0fl_validate ((const guint8 *) bom, strlen (bom), &rinfo, NULL));
    g_assert_cmpuint (rinfo.body_size, ==, 1000);
  }
}

/* ------------------------------------------------------------------------ */
/* Malformed input: the "must produce a clear error" list of §16 */

static char *
fixture_text (const char *name)
{
  g_autoptr(GBytes) bytes = load_fixture (name);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  GString *s = g_string_new (text);

  g_assert_nonnull (strstr (text, from));
  g_string_replace (s, from, to, 1);
  return g_string_free (s, FALSE);
}

static void
test_errors (void)
{
  g_autofree char *a = fixture_text ("microprofile-a.html");

  assert_error_string ("<html><body>Hello</body></html>\n", HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                       "not a MicroProfiler dump (no DumpHost statement and no R0FL data comment)");
  assert_error_string ("<html><head><title>MicroProfile Capture</title></head><script>\n"
                       "function MakeTimes(s, a) { return a; }\n</script></html>\n",
                       HEARTH_FORMAT_ERROR_NO_DATA,
                       "a MicroProfiler viewer page without captured data (a template or live page), not a dump");
  assert_error_string ("<html><script>\n/* This script is being embedded into MicroProfile captures */\n"
                       "</script></html>\n", HEARTH_FORMAT_ERROR_NO_DATA,
                       "the dump's data was lost (page saved again by a web browser?)");

  /* zero frames: Array(0), and no MakeFrame at all */
  {
    const char *start = strstr (a, "var Frames = Array(2);");
    g_autofree char *head = g_strndup (a, start - a);
    g_autofree char *zero = g_strconcat (head, "var Frames = Array(0);\nvar CSwitchThreads = {};\n", NULL);
    g_autofree char *none = g_strconcat (head, "var CSwitchThreads = {};\n", NULL);

    assert_error_string (zero, HEARTH_FORMAT_ERROR_NO_DATA, "This dump contains zero frames");
    assert_error_string (none, HEARTH_FORMAT_ERROR_NO_DATA, "This dump contains zero frames");
  }

  /* a per-frame array that is never defined, in the first frame */
  {
    g_autofree char *bad = replace (a, "var ts0 = [", "var xs0 = [");
    g_autofree char *expected = g_strdup_printf ("the dump is truncated at byte %d before its first complete "
                                                 "frame (frame 0 refers to ts0, which is never defined)",
                                                 (int) (strstr (bad, "Frames[0] = ") - bad));

    assert_error_string (bad, HEARTH_FORMAT_ERROR_TRUNCATED, expected);
  }

  /* truncated before the first frame completes */
  {
    g_autofree char *cut = g_strndup (a, strstr (a, "var ti0") + 12 - a);
    g_autofree char *expected = g_strdup_printf ("the dump is truncated at byte %d before its first complete "
                                                 "frame (the file ends in the middle of a statement)",
                                                 (int) (strstr (a, "var ti0") - a));

    assert_error_string (cut, HEARTH_FORMAT_ERROR_TRUNCATED, expected);
  }
}

/* A truncated file loads its complete frames and says so */
static void
test_truncated (void)
{
  g_autofree char *a = fixture_text ("microprofile-a.html");
  gsize at = strstr (a, "var ts1") + 20 - a;
  g_autofree char *cut = g_strndup (a, at);
  g_autofree char *expected = g_strdup_printf ("the file is truncated at byte %d (the file ends in the middle "
                                               "of a statement); loaded the 1 complete frames",
                                               (int) (strstr (a, "var ts1") - a));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(HearthMicroprofileInfo) info = NULL;
  g_autoptr(HearthProfile) profile = read_string (cut, &scopes, &info, &error);
  const char * const *warnings;
  guint frame;

  g_assert_no_error (error);
  g_assert_cmpuint (hearth_profile_get_n_frames (profile), ==, 1);
  g_assert_true (info->truncated);
  warnings = hearth_profile_get_warnings (profile);
  g_assert_nonnull (warnings[0]);
  g_assert_cmpstr (warnings[0], ==, expected);
  /* Frame and the second Update stay open: closed at the end of frame 0 */
  g_assert_true (g_strv_contains (warnings, "2 scopes were still open at the end of the capture; "
                                            "closed at the last frame end"));
  frame = node_at (profile, "Main/Frame");
  assert_near (hearth_profile_node_get_total (profile, frame, HEARTH_METRIC_CPU_TIME), 16.6 * MS);
  assert_near (hearth_profile_node_get_total (profile, node_at (profile, "Main/Frame/Update"),
                                              HEARTH_METRIC_CPU_TIME), (4 + 1.6) * MS);

  /* cut cleanly after frame 0: the declared count tells */
  {
    g_autofree char *cut2 = g_strndup (a, strstr (a, "var tt1") - a);
    g_autoptr(HearthProfile) p2 = read_string (cut2, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hearth_profile_get_n_frames (p2), ==, 1);
    g_assert_cmpstr (hearth_profile_get_warnings (p2)[0], ==,
                     "the file is truncated: 2 frames declared, 1 found");
  }
}

/* ------------------------------------------------------------------------ */
/* Tolerance (§16) */

static void
test_quotes_nonfinite (void)
{
  g_autofree char *a = fixture_text ("microprofile-a.html");
  g_autofree char *q1 = replace (a, "\"Update\"", "\"Upd\"ate\"");
  g_autofree char *q2 = replace (q1, "['Main','GPU',]", "['Main's thread','GPU',]");
  g_autofree char *n1 = replace (q2, "38.000000, 19.000000, 20.000000", "nan, -nan(ind), 1.#INF00");
  g_autofree char *n2 = replace (n1, "5.000000, 2.500000, 5.000000", "-inf, NaN, 1.#QNAN0");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (n2, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (node_at (profile, "Main's thread/Frame/Upd\"ate"), !=, HEARTH_NO_INDEX);
  g_assert_true (g_strv_contains (hearth_profile_get_warnings (profile), "6 numbers are NaN or infinite"));
}

/* A capture time past the year 9999 is damage, not a time (fuzz-found: in
 * milliseconds it overflowed a gint64) */
static void
test_capture_time_range (void)
{
  g_autofree char *a = fixture_text ("microprofile-a.html");
  g_autofree char *big = replace (a, "DumpUtcCaptureTime = 1700000000;", "DumpUtcCaptureTime = 1700000003e8;");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (big, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (hearth_profile_get_capture_time_ms (profile), <, 0);
  g_assert_true (g_strv_contains (hearth_profile_get_warnings (profile),
                                  "DumpUtcCaptureTime 1.7e+17 is not a time between 1970 and 9999; ignored"));
}

static void
test_optional_missing (void)
{
  /* no MetaNames, CounterInfo, ThreadGroupTimeArray, CSwitch*, CategoryInfo;
   * sparse arrays; no semicolons; an unknown variable */
  const char *text =
    "<script>\nvar DumpHost = 'x'\n"
    "var Unknown = {'a': [1,2,{'b':'c'}]}\n"
    "var GroupInfo = Array(4);\nGroupInfo[2] = MakeGroup(2, \"G\", 0, 1, 0, 0, 0, 0, '#102030')\n"
    "var TimerInfo = Array(9);\n"
    "TimerInfo[7] = MakeTimer(7, \"T\", 2, '#ff0000','#7f0000', 0, 0, 0, 0, 0, 0, 0, 0,\n\t[],[],[])\n"
    "var ThreadNames = ['W','W',]\nvar ThreadGpu = [0,0,]\n"
    "var Frames = Array(1)\n"
    "var tt0 = [\n[1,,0,],\n[1,0],\n]\n"
    "var ts0 = [\nMakeTimes(1.0e-3,[0,,0x7d0,]),\nMakeTimes(1.000000e-003,[0x3e8,0xbb8,]),\n]\n"
    "var ti0 = [\n[7,,7,],\n[7,7,],\n]\n"
    "Frames[0] = MakeFrame(0, 0.0, 4.0, 0.0, 4.0, ts0, tt0, ti0)\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (text, NULL, NULL, &error);
  guint w0, w1;

  g_assert_no_error (error);
  /* duplicate thread names get 0, 1 appended */
  w0 = node_at (profile, "W0/T");
  w1 = node_at (profile, "W1/T");
  g_assert_cmpuint (w0, !=, HEARTH_NO_INDEX);
  g_assert_cmpuint (w1, !=, HEARTH_NO_INDEX);
  assert_near (hearth_profile_node_get_total (profile, w0, HEARTH_METRIC_CPU_TIME), 2 * MS);
  assert_near (hearth_profile_node_get_total (profile, w1, HEARTH_METRIC_CPU_TIME), 2 * MS);
  g_assert_cmpstr (hearth_profile_function_get_group (profile, hearth_profile_node_get_function (profile, w0)),
                   ==, "G");
}

/* `$` timers are re-targeted (§13.2) */
static void
test_dollar_timers (void)
{
  g_autofree char *a = fixture_text ("microprofile-a.html");
  g_autofree char *d1 = replace (a, "\"Frame\"", "\"$Frame\"");
  g_autofree char *d2 = replace (d1, "\"Update\"", "\"$Update\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (d2, NULL, NULL, &error);
  guint n1, n2;

  g_assert_no_error (error);
  /* Frame@0 is followed by the label "hello"; Frame@20 by a LEAVE */
  n1 = node_at (profile, "Main/Frame_hello");
  n2 = node_at (profile, "Main/Frame_UNLABELED_CUSTOM_TIMER");
  g_assert_cmpuint (n1, !=, HEARTH_NO_INDEX);
  g_assert_cmpuint (n2, !=, HEARTH_NO_INDEX);
  assert_near (hearth_profile_node_get_total (profile, n1, HEARTH_METRIC_CPU_TIME), 20 * MS);
  assert_near (hearth_profile_node_get_total (profile, n2, HEARTH_METRIC_CPU_TIME), 13 * MS);
  g_assert_cmpuint (node_at (profile, "Main/Frame_hello/Update_UNLABELED_CUSTOM_TIMER"), !=, HEARTH_NO_INDEX);
  g_assert_cmpstr (hearth_profile_function_get_group (profile, hearth_profile_node_get_function (profile, n1)),
                   ==, "Game");
  assert_no_warnings (profile);
}

/* One thread, 10 kHz ticks (scale 0.1 ms), frames [0,5] and [5,10] */
static char *
mini_dump (const char *tt0,
           const char *ts0,
           const char *ti0,
           const char *tt1,
           const char *ts1,
           const char *ti1)
{
  return g_strdup_printf (
    "var DumpHost = '';\nvar GroupInfo = Array(1);\n"
    "GroupInfo[0] = MakeGroup(0, \"G\", 0, 2, 0, 0, 0, 0, '#000000');\n"
    "var TimerInfo = Array(2);\n"
    "TimerInfo[0] = MakeTimer(0, \"A\", 0, '#ff0000','#7f0000', 0, 0, 0, 0, 0, 0, 0, 0,\n\t[],[],[]);\n"
    "TimerInfo[1] = MakeTimer(1, \"B\", 0, '#00ff00','#007f00', 0, 0, 0, 0, 0, 0, 0, 0,\n\t[],[],[]);\n"
    "var ThreadNames = ['Main',];\nvar ThreadGpu = [0,];\nvar Frames = Array(2);\n"
    "var tt0 = [\n[%s],\n];\nvar ts0 = [\nMakeTimes(1.000000e-01,[%s]),\n];\nvar ti0 = [\n[%s],\n];\n"
    "Frames[0] = MakeFrame(0, 0.000000, 5.000000, 0.000000, 5.000000, ts0, tt0, ti0, tl0);\n"
    "var tt1 = [\n[%s],\n];\nvar ts1 = [\nMakeTimes(1.000000e-01,[%s]),\n];\nvar ti1 = [\n[%s],\n];\n"
    "Frames[1] = MakeFrame(0, 5.000000, 10.000000, 5.000000, 10.000000, ts1, tt1, ti1, tl1);\n"
    "var CSwitchThreads = {};\n",
    tt0, ts0, ti0, tt1, ts1, ti1);
}

static void
test_leave_without_enter (void)
{
  /* F0: enter B @1, leave B @2, leave A @3 (A entered before the capture);
   * F1: enter A @6, never left. tl0/tl1 do not exist: family A frames with
   * 9 arguments reference them, so define them. */
  g_autofree char *base = mini_dump ("1,0,0,", "10,20,30,", "1,1,0,", "1,", "60,", "0,");
  g_autofree char *text = replace (base, "Frames[0]", "var tl0 = [[],];\nvar tl1 = [[],];\nFrames[0]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autoptr(HearthProfile) profile = read_string (text, &scopes, NULL, &error);
  const char * const *w;
  const Scope *s;
  guint a, b;

  g_assert_no_error (error);
  a = node_at (profile, "Main/A");
  b = node_at (profile, "Main/A/B");
  g_assert_cmpuint (a, !=, HEARTH_NO_INDEX);
  g_assert_cmpuint (b, !=, HEARTH_NO_INDEX);
  /* A[0,3] (placeholder) + A[6,10] (closed at the end): 7 ms, 2 calls */
  assert_near (hearth_profile_node_get_total (profile, a, HEARTH_METRIC_CPU_TIME), 7 * MS);
  assert_near (hearth_profile_node_get_self (profile, a, HEARTH_METRIC_CPU_TIME), 6 * MS);
  assert_near (hearth_profile_node_get_self (profile, a, HEARTH_METRIC_CALLS), 2);
  assert_near (hearth_profile_node_get_total (profile, b, HEARTH_METRIC_CPU_TIME), 1 * MS);
  g_assert_cmpuint (hearth_profile_get_n_nodes (profile), ==, 4);

  s = find_scope (scopes, 0, "A", 0);
  g_assert_true (s->before);
  assert_near (s->end, 3);
  s = find_scope (scopes, 0, "A", 6);
  g_assert_true (s->open);
  assert_near (s->end, 10);

  w = hearth_profile_get_warnings (profile);
  g_assert_true (g_strv_contains (w, "1 scopes started before the capture (leave without enter); "
                                     "they start at the capture start"));
  g_assert_true (g_strv_contains (w, "1 scopes were still open at the end of the capture; "
                                     "closed at the last frame end"));
}

static void
test_stale_entries (void)
{
  /* F0: enter A @1, leave A @2, enter B @90 (> 5 + 33: stale), leave B @91 (stale) */
  g_autofree char *base = mini_dump ("1,0,1,0,", "10,20,900,910,", "0,0,1,1,", "", "", "");
  g_autofree char *text = replace (base, "Frames[0]", "var tl0 = [[],];\nvar tl1 = [[],];\nFrames[0]");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (text, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (node_at (profile, "Main/B"), ==, HEARTH_NO_INDEX);
  assert_near (hearth_profile_node_get_total (profile, node_at (profile, "Main/A"), HEARTH_METRIC_CPU_TIME), 1 * MS);
  g_assert_true (hearth_profile_get_frame (profile, 0)->clobbered);
  g_assert_false (hearth_profile_get_frame (profile, 1)->clobbered);
  g_assert_true (hearth_profile_get_thread (profile, 0)->clobbered);
  g_assert_true (g_strv_contains (hearth_profile_get_warnings (profile),
                                  "2 stale log entries discarded (ring buffer wrap-around); 1 frames clobbered"));
}

static void
test_bad_entries (void)
{
  /* a timer index out of range, and mismatched array lengths */
  g_autofree char *base = mini_dump ("1,0,1,0,", "10,20,30,40,", "0,0,9,9,", "1,0,", "60,70,80,", "1,1,");
  g_autofree char *text = replace (base, "Frames[0]", "var tl0 = [[],];\nvar tl1 = [[],];\nFrames[0]");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_string (text, NULL, NULL, &error);
  const char * const *w;

  g_assert_no_error (error);
  w = hearth_profile_get_warnings (profile);
  g_assert_true (g_strv_contains (w, "2 log entries refer to timers that do not exist; skipped"));
  g_assert_true (g_strv_contains (w, "frame 1, thread 0: the tt, ts and ti arrays have different lengths "
                                     "(2, 3, 2); skipped"));
  g_assert_cmpuint (hearth_profile_get_n_nodes (profile), ==, 3);
}

static void
test_cancel (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("microprofile-a.html");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HearthImportSource source = { 0 };
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  source.display_name = "fixture";
  source.data = g_bytes_get_data (bytes, &source.length);
  source.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  profile = hearth_microprofile_read (&source, &error);
  g_assert_null (profile);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/microprofile-reader/fixture-a", test_fixture_a);
  g_test_add_func ("/hearth/microprofile-reader/fixture-b", test_fixture_b);
  g_test_add_func ("/hearth/microprofile-reader/fixture-c", test_fixture_c);
  g_test_add_func ("/hearth/microprofile-reader/general-info", test_general_info);
  g_test_add_func ("/hearth/microprofile-reader/crlf-bom", test_crlf_bom);
  g_test_add_func ("/hearth/microprofile-reader/gzip", test_gzip);
  g_test_add_func ("/hearth/microprofile-reader/detect", test_detect);
  g_test_add_func ("/hearth/microprofile-reader/var-era", test_var_era);
  g_test_add_func ("/hearth/microprofile-reader/r0fl", test_r0fl);
  g_test_add_func ("/hearth/microprofile-reader/errors", test_errors);
  g_test_add_func ("/hearth/microprofile-reader/truncated", test_truncated);
  g_test_add_func ("/hearth/microprofile-reader/quotes-nonfinite", test_quotes_nonfinite);
  g_test_add_func ("/hearth/microprofile-reader/optional-missing", test_optional_missing);
  g_test_add_func ("/hearth/microprofile-reader/capture-time-range", test_capture_time_range);
  g_test_add_func ("/hearth/microprofile-reader/dollar-timers", test_dollar_timers);
  g_test_add_func ("/hearth/microprofile-reader/leave-without-enter", test_leave_without_enter);
  g_test_add_func ("/hearth/microprofile-reader/stale-entries", test_stale_entries);
  g_test_add_func ("/hearth/microprofile-reader/bad-entries", test_bad_entries);
  g_test_add_func ("/hearth/microprofile-reader/cancel", test_cancel);

  return g_test_run ();
}
