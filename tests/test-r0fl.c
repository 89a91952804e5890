/* test-r0fl.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-r0fl"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "hearth-importer.h"
#include "hearth-microprofile-private.h"
#include "hearth-r0fl.h"
#include "hearth-r0fl-runner.h"
#include "hearth-r0fl-runner-private.h"

/* Modern Roblox dumps (docs/formats/roblox-r0fl.md), with the fake tools
 * module and dumps of §8, built at build time into HEARTH_R0FL_FAKE_DUMPS.
 * Expected values come from the test matrix of §8.7 and the scenario of
 * microprofiler.md §17.0. */

#define MS 1e6   /* ns per ms */

static char *
fake_dump (const char *name)
{
  const char *dir = g_getenv ("HEARTH_R0FL_FAKE_DUMPS");

  if (dir == NULL || dir[0] == '\0' || !HAVE_R0FL_HELPER)
    {
      g_test_skip ("the fake R0FL dumps need JavaScriptCore and wat2wasm");
      return NULL;
    }
  return g_build_filename (dir, name, NULL);
}

static GBytes *
load (const char *path)
{
  char *data;
  gsize len;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* ------------------------------------------------------------------------ */
/* The helper's records (§4.2) */

typedef struct
{
  char    type;
  char   *text;
  gsize   len;
} Record;

static void
record_free (gpointer data)
{
  Record *r = data;

  g_free (r->text);
  g_free (r);
}

static GPtrArray *run_program (const char *program,
                               const char *dump,
                               const char *file_name,
                               const char *extra,
                               const char *extra2,
                               int        *exit_status);

static GPtrArray *
run_helper (const char  *dump,
            const char  *file_name,
            const char  *extra,
            int         *exit_status)
{
  return run_program (g_getenv ("HEARTH_R0FL_HELPER"), dump, file_name, extra, NULL, exit_status);
}

static GPtrArray *
run_program (const char  *program,
             const char  *dump,
             const char  *file_name,
             const char  *extra,
             const char  *extra2,
             int         *exit_status)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) p = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name_arg = g_strconcat ("--file-name=", file_name, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);
  const guint8 *d;
  gsize n, i = 0;

  g_subprocess_launcher_set_stdin_file_path (launcher, dump);
  p = g_subprocess_launcher_spawn (launcher, &error, program, name_arg, extra, extra2, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (p, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  *exit_status = g_subprocess_get_exit_status (p);

  d = g_bytes_get_data (out, &n);
  while (i < n)
    {
      Record *r = g_new0 (Record, 1);

      g_assert_cmpuint (n - i, >=, 5);
      r->type = d[i];
      r->len = d[i + 1] | d[i + 2] << 8 | d[i + 3] << 16 | (gsize) d[i + 4] << 24;
      g_assert_cmpuint (n - i - 5, >=, r->len);
      r->text = g_strndup ((const char *) d + i + 5, r->len);
      g_ptr_array_add (records, r);
      i += 5 + r->len;
    }
  return records;
}

static GPtrArray *
records_of (GPtrArray *records,
            char       type)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < records->len; i++)
    {
      Record *r = g_ptr_array_index (records, i);

      if (r->type == type)
        g_ptr_array_add (out, r->text);
    }
  return out;
}

static const char *
only_record (GPtrArray *records,
             char       type)
{
  g_autoptr(GPtrArray) all = records_of (records, type);

  g_assert_cmpuint (all->len, ==, 1);
  return g_ptr_array_index (all, 0);
}

static void
check_fixture_run (const char *dump_name,
                   const char *extra,
                   const char *info_start)
{
  g_autofree char *dump = fake_dump (dump_name);
  g_autofree char *fixture_path = NULL;
  g_autoptr(GBytes) fixture = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  int status;

  if (dump == NULL)
    return;
  fixture_path = g_test_build_filename (G_TEST_DIST, "data", "microprofile-c-statements.js", NULL);
  fixture = load (fixture_path);

  records = run_helper (dump, "fixture.html", extra, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (only_record (records, 'I'), info_start));
  g_assert_true (g_str_has_prefix (only_record (records, 'M'),
                                   "[{\"funcName\": \"ExportFlamegraphCpu\", "));
  chunks = records_of (records, 'S');
  g_assert_cmpuint (chunks->len, ==, 40);
  for (guint i = 0; i < chunks->len; i++)
    g_string_append (joined, g_ptr_array_index (chunks, i));
  g_assert_cmpmem (joined->str, joined->len, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_assert_cmpuint (joined->len, ==, 2402);
  results = records_of (records, 'R');
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (results, 0), ==, "");
  g_assert_true (g_str_has_prefix (only_record (records, 'D'), "rc=0\nstatements=40\n"));
  /* the D record is last */
  g_assert_cmpint (((Record *) g_ptr_array_index (records, records->len - 1))->type, ==, 'D');
}

static void
test_helper_fixture (void)
{
  check_fixture_run ("fixture-current.html", NULL, "arity=3\nfree=yes\nfast-path=no\njit=yes\n");
  check_fixture_run ("fixture-older.html", NULL, "arity=2\nfree=no\nfast-path=no\njit=yes\n");
  check_fixture_run ("fixture-current.html", "--fast-path", "arity=3\nfree=yes\nfast-path=yes\njit=yes\n");
  check_fixture_run ("fixture-older.html", "--fast-path", "arity=2\nfree=no\nfast-path=yes\njit=yes\n");
  check_fixture_run ("fixture-current.html", "--no-jit", "arity=3\nfree=yes\nfast-path=no\njit=no\n");
  check_fixture_run ("fixture-older.html", "--no-jit", "arity=2\nfree=no\nfast-path=no\njit=no\n");
}

static void
check_probe (const char *dump_name,
             const char *file_name,
             const char *extra,
             const char *meta_chunk,
             const char *p3)
{
  g_autofree char *dump = fake_dump (dump_name);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) logs = NULL;
  gboolean stderr_line = FALSE;
  int status;

  if (dump == NULL)
    return;
  records = run_helper (dump, file_name, extra, &status);
  g_assert_cmpint (status, ==, 0);
  chunks = records_of (records, 'S');
  g_assert_cmpuint (chunks->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (chunks, 0), ==, meta_chunk);
  g_assert_cmpstr (g_ptr_array_index (chunks, 1), ==, "Probe1 = 'Main \xc3\x9cn\xc3\xaf""c\xc3\xb8""d\xc3\xa9 \xe2\x9c\x93 thread';\n");
  g_assert_cmpstr (g_ptr_array_index (chunks, 2), ==, "P2='\xc3\xa9\xe2\x9c\x93';\n");
  g_assert_cmpstr (g_ptr_array_index (chunks, 3), ==, p3);
  logs = records_of (records, 'L');
  for (guint i = 0; i < logs->len; i++)
    stderr_line |= g_strcmp0 (g_ptr_array_index (logs, i), "2probe: a line on stderr") == 0;
  g_assert_true (stderr_line);
  results = records_of (records, 'R');
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (results, 0), ==, "probe: a result payload");
  g_assert_cmpstr (g_ptr_array_index (results, 1), ==, "");
  g_assert_true (g_str_has_prefix (only_record (records, 'D'), "rc=0\nstatements=4\n"));
}

static void
test_helper_probe (void)
{
  const char *one = "P3='\xef\xbf\xbd';\n";
  const char *three = "P3='\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd';\n";

  check_probe ("probe-current.html", "probe.html", NULL,
               "FakeMeta = {\"fileName\":\"probe.html\",\"localId\":0,\"localGroupId\":0};\n", one);
  check_probe ("probe-current.html", "probe.html", "--fast-path",
               "FakeMeta = {\"fileName\":\"probe.html\",\"localId\":0,\"localGroupId\":0};\n", three);
  check_probe ("probe-current.html", "my \"dump\" \xc3\xbc.html", NULL,
               "FakeMeta = {\"fileName\":\"my \\\"dump\\\" \xc3\xbc.html\",\"localId\":0,\"localGroupId\":0};\n",
               one);
  check_probe ("probe-older.html", "probe.html", NULL, "FakeMeta = {};\n", one);
}

static void
test_helper_abort (void)
{
  const char *dumps[] = { "abort.html", "abort-older.html" };

  for (guint k = 0; k < G_N_ELEMENTS (dumps); k++)
    {
      g_autofree char *dump = fake_dump (dumps[k]);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GPtrArray) chunks = NULL;
      g_autoptr(GPtrArray) logs = NULL;
      int status;
      guint seen = 0;

      if (dump == NULL)
        return;
      records = run_helper (dump, "abort.html", NULL, &status);
      g_assert_cmpint (status, ==, 1);
      chunks = records_of (records, 'S');
      g_assert_cmpuint (chunks->len, ==, 5);
      g_assert_cmpstr (g_ptr_array_index (chunks, 0), ==, "DumpHost = 'synthetic';\n");
      logs = records_of (records, 'L');
      for (guint i = 0; i < logs->len; i++)
        {
          const char *l = g_ptr_array_index (logs, i);

          if (strcmp (l, "2Mismatched log entries for thread 1 in frame 0") == 0 ||
              strcmp (l, "2Aborted(Assertion failed: entries == expected (fake-tools.c:42, ParseRaw))") == 0)
            seen++;
        }
      g_assert_cmpuint (seen, ==, 2);
      g_assert_true (g_str_has_prefix (only_record (records, 'E'),
                                       "parse\nRuntimeError: Aborted(Assertion failed: entries == expected "
                                       "(fake-tools.c:42, ParseRaw))"));
    }
}

static void
check_helper_error (const char *dump_name,
                    const char *expected_start,
                    gboolean    has_info)
{
  g_autofree char *dump = fake_dump (dump_name);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  const char *e;
  int status;

  if (dump == NULL)
    return;
  records = run_helper (dump, dump_name, NULL, &status);
  g_assert_cmpint (status, ==, 1);
  e = only_record (records, 'E');
  if (!g_str_has_prefix (e, expected_start))
    g_error ("%s: E record \"%s\", expected \"%s…\"", dump_name, e, expected_start);
  infos = records_of (records, 'I');
  g_assert_cmpuint (infos->len, ==, has_info ? 1 : 0);
}

static void
test_helper_refusals (void)
{
  check_helper_error ("too-large.html", "malloc\nHearthAllocError: _malloc(5242891) returned 0", TRUE);
  check_helper_error ("arity4.html", "unsupported\nthe tools module lacks ParseRaw with 2 or 3 parameters (found 4)",
                      FALSE);
  check_helper_error ("no-handshake.html", "handshake\nInit delivered 0 handshakes, expected 1", TRUE);
  check_helper_error ("bad-handshake.html", "handshake\nthe handshake is not a JSON array", TRUE);
  check_helper_error ("tools-no-module.html",
                      "unsupported\nthe parser comment does not define a ToolsModule function (typeof is undefined)",
                      FALSE);
  check_helper_error ("tools-syntax-error.html", "tools-eval\nSyntaxError: Unexpected end of script", FALSE);
  check_helper_error ("tools-bad-wasm.html", "tools-load\nCompileError: WebAssembly.Module doesn't parse at byte 0",
                      FALSE);
  check_helper_error ("data-size-mismatch.html",
                      "container\nsize mismatch in the R0FL data comment: the header says 2442 bytes, "
                      "the data inflates to 2441", FALSE);
  check_helper_error ("no-tools-comment.html",
                      "container\nthe dump has no parser comment after the R0FL data comment", FALSE);
}

/* ------------------------------------------------------------------------ */
/* The container (§2.8) */

static void
check_container (const char        *name,
                 HearthFormatError  code,
                 const char        *message,
                 gboolean           prefix)
{
  g_autofree char *path = fake_dump (name);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HearthR0flInfo info;

  if (path == NULL)
    return;
  bytes = load (path);
  g_assert_false (hearth_r0fl_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &info, &error));
  g_assert_error (error, HEARTH_FORMAT_ERROR, (int) code);
  if (prefix ? !g_str_has_prefix (error->message, message) : strcmp (error->message, message) != 0)
    g_error ("%s: \"%s\", expected \"%s\"", name, error->message, message);

  /* the helper decodes on its own (with libdeflate where available): the
   * same message in an E container record, and nothing else */
  if (g_getenv ("HEARTH_R0FL_HELPER") != NULL)
    {
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *expected = g_strconcat ("container\n", message, NULL);
      const char *e;
      int status = -1;

      records = run_helper (path, name, NULL, &status);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpuint (records->len, ==, 1);
      e = only_record (records, 'E');
      if (prefix ? !g_str_has_prefix (e, expected) : strcmp (e, expected) != 0)
        g_error ("%s: helper said \"%s\", expected \"%s\"", name, e, expected);
    }
}

static void
test_container (void)
{
  g_autofree char *good = fake_dump ("fixture-current.html");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) tools = NULL;
  g_autoptr(GError) error = NULL;
  HearthR0flInfo info;
  const char *b;

  if (good == NULL)
    return;

  bytes = load (good);
  g_assert_true (hearth_r0fl_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &info,
                                     &body, &tools, &error));
  g_assert_no_error (error);
  /* 2402 bytes of statements in 40 chunks: 39 separators */
  g_assert_cmpuint (info.body_size, ==, 2441);
  g_assert_cmpuint (g_bytes_get_size (body), ==, 8 + 2441);
  b = g_bytes_get_data (body, NULL);
  g_assert_cmpmem (b, 8, "    R0FL", 8);
  g_assert_cmpmem (b + 8, 24, "DumpHost = 'synthetic';\n", 24);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (tools, NULL), g_bytes_get_size (tools), "ToolsModule"));

  check_container ("data-bad-base64.html", HEARTH_FORMAT_ERROR_INVALID,
                   "invalid base64 in the R0FL data comment at byte 48 (character 0x2a)", FALSE);
  check_container ("data-short-header.html", HEARTH_FORMAT_ERROR_TRUNCATED,
                   "the R0FL data comment is too short: 3 bytes after base64 decoding, need at least 8", FALSE);
  check_container ("data-truncated-zlib.html", HEARTH_FORMAT_ERROR_TRUNCATED,
                   "truncated compressed data in the R0FL data comment", FALSE);
  check_container ("data-corrupt-zlib.html", HEARTH_FORMAT_ERROR_INVALID,
                   "corrupt compressed data in the R0FL data comment (zlib: ", TRUE);
  check_container ("data-size-mismatch.html", HEARTH_FORMAT_ERROR_INVALID,
                   "size mismatch in the R0FL data comment: the header says 2442 bytes, the data inflates to 2441",
                   FALSE);
  check_container ("data-trailing.html", HEARTH_FORMAT_ERROR_INVALID,
                   "the R0FL data comment has data after the end of its compressed stream", FALSE);
  check_container ("tools-truncated-zlib.html", HEARTH_FORMAT_ERROR_TRUNCATED,
                   "truncated compressed data in the parser comment", FALSE);
  check_container ("no-tools-comment.html", HEARTH_FORMAT_ERROR_INVALID,
                   "the dump has no parser comment after the R0FL data comment", FALSE);
  check_container ("fixture.raw", HEARTH_FORMAT_ERROR_UNSUPPORTED,
                   "a bare .raw R0FL body has no parser; open the .html dump it came from", FALSE);
}

/* ------------------------------------------------------------------------ */
/* The importer: helper, records, statement parser, builder */

static HearthProfile *
import (const char  *name,
        GError     **error)
{
  g_autofree char *path = fake_dump (name);
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return NULL;
  file = g_file_new_for_path (path);
  return hearth_import_file (file, name, NULL, NULL, NULL, error);
}

static guint
find_function (HearthProfile *profile,
               const char    *name)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0)
      return f;
  return G_MAXUINT;
}

#define assert_near(a, b) assert_near_at (a, b, __LINE__)

static void
assert_near_at (double a,
                double b,
                int    line)
{
  if (fabs (a - b) > 1e-6 * MAX (1.0, fabs (b)))
    g_error ("line %d: %.9g != %.9g", line, a, b);
}

/* microprofiler.md §17.0 */
static void
check_scenario (HearthProfile *profile)
{
  guint frame = find_function (profile, "Frame");
  guint update = find_function (profile, "Update");
  guint gpu = find_function (profile, "GpuFrame");

  g_assert_cmpuint (hearth_profile_get_n_frames (profile), ==, 2);
  assert_near (hearth_profile_get_frame (profile, 0)->start_ms, 0);
  assert_near (hearth_profile_get_frame (profile, 0)->end_ms, 16.6);
  assert_near (hearth_profile_get_frame (profile, 1)->end_ms, 33.2);
  g_assert_cmpint (hearth_profile_get_frame (profile, 0)->klass, ==, HEARTH_FRAME_CLASS_CPU);
  g_assert_cmpint (hearth_profile_get_frame (profile, 1)->klass, ==, HEARTH_FRAME_CLASS_RENDER);
  g_assert_cmpuint (hearth_profile_get_n_threads (profile), ==, 2);
  g_assert_cmpstr (hearth_profile_get_thread (profile, 0)->name, ==, "Main");
  g_assert_cmpstr (hearth_profile_get_thread (profile, 1)->name, ==, "GPU");

  g_assert_cmpuint (frame, !=, G_MAXUINT);
  g_assert_cmpuint (update, !=, G_MAXUINT);
  g_assert_cmpuint (gpu, !=, G_MAXUINT);
  assert_near (hearth_profile_function_get_total (profile, frame, HEARTH_METRIC_CPU_TIME), 33 * MS);
  assert_near (hearth_profile_function_get_self (profile, frame, HEARTH_METRIC_CPU_TIME), 26 * MS);
  assert_near (hearth_profile_function_get_self (profile, frame, HEARTH_METRIC_CALLS), 2);
  assert_near (hearth_profile_function_get_total (profile, update, HEARTH_METRIC_CPU_TIME), 7 * MS);
  assert_near (hearth_profile_function_get_self (profile, update, HEARTH_METRIC_CALLS), 2);
  assert_near (hearth_profile_function_get_total (profile, gpu, HEARTH_METRIC_CPU_TIME), 4.999744 * MS);
  /* Update[1,5]: 5 allocs / 1024 B, 2 frees / 64 B */
  g_assert_true (hearth_profile_has_memory (profile));
  assert_near (hearth_profile_function_get_total (profile, update, HEARTH_METRIC_ALLOC_COUNT), 5);
  assert_near (hearth_profile_function_get_total (profile, update, HEARTH_METRIC_ALLOC_BYTES), 1024);
  assert_near (hearth_profile_function_get_total (profile, update, HEARTH_METRIC_FREE_COUNT), 2);
  assert_near (hearth_profile_function_get_total (profile, update, HEARTH_METRIC_FREE_BYTES), 64);
}

/* The same model as the fixture's statements read from a family-C dump */
static void
assert_same_model (HearthProfile *a,
                   HearthProfile *b)
{
  g_assert_cmpuint (hearth_profile_get_n_nodes (a), ==, hearth_profile_get_n_nodes (b));
  for (guint n = 0; n < hearth_profile_get_n_nodes (a); n++)
    {
      g_autofree char *pa = hearth_profile_node_dup_path (a, n, ";");
      g_autofree char *pb = hearth_profile_node_dup_path (b, n, ";");

      g_assert_cmpstr (pa, ==, pb);
      for (guint m = 0; m < HEARTH_N_METRICS; m++)
        {
          g_assert_cmpint (hearth_profile_has_metric (a, m), ==, hearth_profile_has_metric (b, m));
          if (hearth_profile_has_metric (a, m))
            g_assert_cmpfloat (hearth_profile_node_get_total (a, n, m), ==, hearth_profile_node_get_total (b, n, m));
        }
    }
  g_assert_cmpuint (hearth_profile_get_n_frames (a), ==, hearth_profile_get_n_frames (b));
  for (guint f = 0; f < hearth_profile_get_n_frames (a); f++)
    {
      const HearthFrame *fa = hearth_profile_get_frame (a, f);
      const HearthFrame *fb = hearth_profile_get_frame (b, f);

      g_assert_cmpfloat (fa->start_ms, ==, fb->start_ms);
      g_assert_cmpfloat (fa->end_ms, ==, fb->end_ms);
      g_assert_cmpfloat (fa->memory_used, ==, fb->memory_used);
      g_assert_cmpint (fa->klass, ==, fb->klass);
    }
}

static void
test_import_fixture (void)
{
  const char *names[] = { "fixture-current.html", "fixture-older.html" };
  g_autofree char *c_path = g_test_build_filename (G_TEST_DIST, "data", "microprofile-c.html", NULL);
  g_autoptr(GFile) c_file = g_file_new_for_path (c_path);
  g_autoptr(GError) c_error = NULL;
  g_autoptr(HearthProfile) c = hearth_import_file (c_file, "microprofile-c.html", NULL, NULL, NULL, &c_error);

  g_assert_no_error (c_error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HearthProfile) profile = import (names[i], &error);

      if (profile == NULL && error == NULL)
        return;                           /* skipped */
      g_assert_no_error (error);
      check_scenario (profile);
      g_assert_cmpstr (hearth_profile_get_format (profile), ==, "microprofile-c");
      assert_same_model (profile, c);
    }
}

static void
check_import_error (const char        *name,
                    HearthFormatError  code,
                    const char        *message,
                    gboolean           prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = import (name, &error);
  g_autofree char *expected = g_strconcat (name, ": ", message, NULL);

  if (profile == NULL && error == NULL)
    return;
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, (int) code);
  if (prefix ? !g_str_has_prefix (error->message, expected) : strcmp (error->message, expected) != 0)
    g_error ("\"%s\", expected \"%s\"", error->message, expected);
}

static void
test_import_errors (void)
{
  check_import_error ("abort.html", HEARTH_FORMAT_ERROR_INVALID,
                      "the dump's parser failed: RuntimeError: Aborted(Assertion failed: entries == expected "
                      "(fake-tools.c:42, ParseRaw))\nMismatched log entries for thread 1 in frame 0", FALSE);
  check_import_error ("zero-frames.html", HEARTH_FORMAT_ERROR_NO_DATA, "This dump contains zero frames", FALSE);
  check_import_error ("tools-syntax-error.html", HEARTH_FORMAT_ERROR_INVALID,
                      "the dump's parser module is damaged: SyntaxError: Unexpected end of script", TRUE);
  check_import_error ("tools-bad-wasm.html", HEARTH_FORMAT_ERROR_INVALID,
                      "the dump's parser module is damaged: CompileError: WebAssembly.Module doesn't parse at byte 0",
                      TRUE);
  check_import_error ("too-large.html", HEARTH_FORMAT_ERROR_TOO_LARGE,
                      "this dump is too large for its own parser (5 MB of profile data)", FALSE);
  check_import_error ("arity4.html", HEARTH_FORMAT_ERROR_UNSUPPORTED,
                      "this dump's parser module is a version Hearth does not support "
                      "(the tools module lacks ParseRaw with 2 or 3 parameters (found 4))", FALSE);
  check_import_error ("no-handshake.html", HEARTH_FORMAT_ERROR_UNSUPPORTED,
                      "this dump's parser module is a version Hearth does not support "
                      "(no valid handshake from Init)", FALSE);
  check_import_error ("data-corrupt-zlib.html", HEARTH_FORMAT_ERROR_INVALID,
                      "corrupt compressed data in the R0FL data comment (zlib: ", TRUE);
  check_import_error ("fixture.raw", HEARTH_FORMAT_ERROR_UNSUPPORTED,
                      "a bare .raw R0FL body has no parser; open the .html dump it came from", FALSE);
}

/* ------------------------------------------------------------------------ */
/* Limits (§5.2) */

typedef struct
{
  GBytes             *bytes;
  HearthImportSource  source;
  HearthR0flInfo      info;
  double              last_progress;
  guint               n_progress;
} Dump;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Dump *d = user_data;

  g_assert_cmpfloat (fraction, >=, d->last_progress);
  d->last_progress = fraction;
  d->n_progress++;
}

static gboolean
dump_open (Dump         *d,
           const char   *name,
           GCancellable *cancellable)
{
  g_autofree char *path = fake_dump (name);

  memset (d, 0, sizeof *d);
  if (path == NULL)
    return FALSE;
  d->bytes = load (path);
  d->source.display_name = name;
  d->source.data = g_bytes_get_data (d->bytes, &d->source.length);
  d->source.cancellable = cancellable;
  d->source.progress = progress_cb;
  d->source.progress_data = d;
  g_assert_true (hearth_r0fl_validate (d->source.data, d->source.length, &d->info, NULL));
  return TRUE;
}

static void
test_limit_huge (void)
{
  Dump d;
  HearthR0flLimits limits = { 0 };
  HearthR0flStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;

  if (!dump_open (&d, "huge.html", NULL))
    return;

  /* 65,536 × 1 KiB of filler, then the fixture */
  profile = hearth_r0fl_run (&d.source, &d.info, &limits, &stats, &error);
  g_assert_no_error (error);
  check_scenario (profile);
  g_assert_cmpuint (stats.n_chunks, ==, 65576);
  g_assert_cmpuint (stats.statement_bytes, ==, 67111266);
  g_assert_cmpfloat (d.last_progress, ==, 1.0);
  g_clear_object (&profile);

  /* the output cap */
  d.last_progress = 0;
  limits.output_bytes = 16 << 20;
  profile = hearth_r0fl_run (&d.source, &d.info, &limits, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.html: the dump's parser produced more than 16 MiB of statements and was stopped");
  g_bytes_unref (d.bytes);
}

static void
test_limit_cpu (void)
{
  Dump d;
  HearthR0flLimits limits = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!dump_open (&d, "spin.html", NULL))
    return;
  limits.cpu_seconds = 2;
  profile = hearth_r0fl_run (&d.source, &d.info, &limits, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "spin.html: the dump's parser used more than 2 s of CPU time and was stopped");
  /* SIGXCPU after about 2 s of CPU time, long before the wall-clock deadline of 14 s */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* the wall-clock deadline comes first */
  limits.cpu_seconds = 60;
  limits.wall_seconds = 1;
  profile = hearth_r0fl_run (&d.source, &d.info, &limits, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "spin.html: the dump's parser did not finish within 1 s and was stopped");
  g_bytes_unref (d.bytes);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (G_USEC_PER_SEC / 2);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_limit_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Dump d;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  GThread *thread;
  gint64 start = g_get_monotonic_time ();

  if (!dump_open (&d, "spin.html", cancellable))
    return;
  thread = g_thread_new ("cancel", cancel_later, cancellable);
  profile = hearth_r0fl_run (&d.source, &d.info, NULL, NULL, &error);
  g_thread_join (thread);
  g_assert_null (profile);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_bytes_unref (d.bytes);
}

static void
test_limit_memory (void)
{
  Dump d;
  HearthR0flLimits limits = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;

  if (!dump_open (&d, "grow.html", NULL))
    return;
  limits.memory_bytes = 256 << 20;
  profile = hearth_r0fl_run (&d.source, &d.info, &limits, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "grow.html: the dump's parser used more than 256 MiB of memory and was stopped");
  g_bytes_unref (d.bytes);
}

/* ------------------------------------------------------------------------ */
/* The record reader against helpers that misbehave */

static void
check_fake_helper (const char        *script,
                   HearthFormatError  code,
                   const char        *message)
{
  g_autofree char *good = fake_dump ("fixture-current.html");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  HearthR0flLimits limits = { 0 };
  Dump d;

  if (good == NULL || !dump_open (&d, "fixture-current.html", NULL))
    return;
  dir = g_dir_make_tmp ("hearth-r0fl-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fake-helper", NULL);
  text = g_strconcat ("#!/bin/sh\n", script, "\n", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);

  limits.helper = path;
  profile = hearth_r0fl_run (&d.source, &d.info, &limits, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, (int) code);
  if (strcmp (error->message, message) != 0)
    g_error ("\"%s\", expected \"%s\"", error->message, message);

  g_unlink (path);
  g_rmdir (dir);
  g_bytes_unref (d.bytes);
}

static void
test_records (void)
{
  /* printf is a shell builtin: the helper's environment has no PATH */
  check_fake_helper ("printf 'S\\005\\000\\000\\000hello'", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: the R0FL helper sent malformed output (a statement record before Init)");
  check_fake_helper ("printf 'I\\000\\000\\000\\100'", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: the R0FL helper sent malformed output (a record of 1073741824 bytes)");
  check_fake_helper ("printf 'M\\002\\000\\000\\000[]S\\010\\000\\000\\000Fr'", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: the R0FL helper sent malformed output "
                     "(the stream ends inside a record)");
  check_fake_helper ("exit 3", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: the R0FL helper exited unexpectedly (status 3)");
  check_fake_helper ("kill -SEGV $$", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: the dump's parser crashed (signal 11, SIGSEGV)");
  check_fake_helper ("kill -ABRT $$", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: JavaScriptCore could not start in the R0FL helper (an address-space "
                     "limit below 6 GiB, such as ulimit -v, causes this)");
  check_fake_helper ("printf 'E\\026\\000\\000\\000internal\\nit went wrong'", HEARTH_FORMAT_ERROR_INVALID,
                     "fixture-current.html: internal error in the R0FL helper: it went wrong");
  /* §6.3: a failure after complete frames keeps them; here none is complete */
  check_fake_helper ("printf 'M\\002\\000\\000\\000[]S\\023\\000\\000\\000Frames = Array(4);\\nE\\020\\000\\000\\000parse\\nboom\\nstack'",
                     HEARTH_FORMAT_ERROR_INVALID, "fixture-current.html: the dump's parser failed: boom");
}

static void
append_record (GByteArray *out,
               char        type,
               const char *payload,
               gssize      len)
{
  guint8 h[5];

  if (len < 0)
    len = strlen (payload);
  h[0] = type;
  h[1] = len & 0xff;
  h[2] = (len >> 8) & 0xff;
  h[3] = (len >> 16) & 0xff;
  h[4] = (len >> 24) & 0xff;
  g_byte_array_append (out, h, 5);
  g_byte_array_append (out, (const guint8 *) payload, len);
}

static gboolean
has_warning (HearthProfile *profile,
             const char    *text)
{
  const char *const *warnings = hearth_profile_get_warnings (profile);

  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    if (strcmp (warnings[i], text) == 0)
      return TRUE;
  return FALSE;
}

/* §6.3 and the warnings of §5.5, through the record reader alone */
static void
test_records_outcomes (void)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "microprofile-c-statements.js", NULL);
  g_autoptr(GBytes) fixture = load (fixture_path);
  HearthImportSource source = { .display_name = "dump.html" };
  const char *text = g_bytes_get_data (fixture, NULL);
  gsize len = g_bytes_get_size (fixture);
  const char *frame1 = strstr (text, "Frames[1] = ");

  /* a failure after complete frames: load them, warn */
  {
    g_autoptr(GByteArray) rec = g_byte_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(HearthProfile) profile = NULL;

    append_record (rec, 'I', "arity=3\n", -1);
    append_record (rec, 'M', "[]", -1);
    append_record (rec, 'S', text, frame1 - text);         /* up to frame 1, which is missing */
    append_record (rec, 'L', "2Mismatched log entries", -1);
    append_record (rec, 'E', "parse\nRuntimeError: Aborted(boom)\nstack", -1);
    profile = _hearth_r0fl_read_records (&source, rec->data, rec->len, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hearth_profile_get_n_frames (profile), ==, 1);
    g_assert_true (has_warning (profile, "the dump's parser failed: RuntimeError: Aborted(boom)\n"
                                         "Mismatched log entries; loaded 1 of 2 frames"));
  }

  /* success with a return code and a result payload: warnings */
  {
    g_autoptr(GByteArray) rec = g_byte_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(HearthProfile) profile = NULL;

    append_record (rec, 'M', "[]", -1);
    append_record (rec, 'S', text, len);                   /* several statements in one chunk */
    append_record (rec, 'R', "", 0);
    append_record (rec, 'R', "something odd", -1);
    append_record (rec, 'X', "an unknown record type", -1);
    append_record (rec, 'D', "rc=3\nstatements=1\n", -1);
    profile = _hearth_r0fl_read_records (&source, rec->data, rec->len, &error);
    g_assert_no_error (error);
    check_scenario (profile);
    g_assert_true (has_warning (profile, "the dump's parser returned 3"));
    g_assert_true (has_warning (profile, "the dump's parser reported: something odd"));
  }

  /* statements after the end */
  {
    g_autoptr(GByteArray) rec = g_byte_array_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(HearthProfile) profile = NULL;

    append_record (rec, 'M', "[]", -1);
    append_record (rec, 'D', "rc=0\n", -1);
    append_record (rec, 'S', text, len);
    profile = _hearth_r0fl_read_records (&source, rec->data, rec->len, &error);
    g_assert_null (profile);
    g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "dump.html: the R0FL helper sent malformed output (a statement record after the end)");
  }
}

/* ------------------------------------------------------------------------ */
/* The statement stream as hostile data */

static void
test_stream (void)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "microprofile-c-statements.js", NULL);
  g_autoptr(GBytes) fixture = load (fixture_path);
  HearthImportSource source = { 0 };
  HearthMicroprofileStream *s;
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = g_bytes_get_data (fixture, NULL);
  const char *const *warnings;
  gsize len = g_bytes_get_size (fixture);
  gsize start = 0;
  gboolean found = FALSE;

  source.display_name = "stream";
  source.data = (const guint8 *) text;
  source.length = len;

  /* one statement per chunk, with junk chunks in between */
  s = hearth_microprofile_stream_new (&source);
  hearth_microprofile_stream_feed (s, "FakePadding = 'xx", 17);    /* incomplete: skipped */
  hearth_microprofile_stream_feed (s, "\xff\xfe garbage ]]]", 14);
  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n')
      {
        gsize j = i;

        /* a chunk ends at every line whose last non-space character is ';' (§8.5) */
        while (j > start && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\r'))
          j--;
        if (j > start && text[j - 1] == ';')
          {
            hearth_microprofile_stream_feed (s, text + start, i + 1 - start);
            start = i + 1;
          }
      }
  hearth_microprofile_stream_feed (s, text + start, len - start);
  g_assert_cmpuint (hearth_microprofile_stream_get_n_frames (s, NULL), ==, 2);
  profile = hearth_microprofile_stream_finish (s, &error);
  g_assert_no_error (error);
  check_scenario (profile);
  warnings = hearth_profile_get_warnings (profile);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    found |= g_str_has_prefix (warnings[i], "statement chunk 1 from the dump's parser is incomplete at byte ");
  g_assert_true (found);
  g_clear_object (&profile);

  /* every prefix of the fixture as one chunk: never a crash */
  for (gsize cut = 0; cut < len; cut += 7)
    {
      s = hearth_microprofile_stream_new (&source);
      hearth_microprofile_stream_feed (s, text, cut);
      hearth_microprofile_stream_feed (s, text + cut, len - cut);
      profile = hearth_microprofile_stream_finish (s, &error);
      g_clear_object (&profile);
      g_clear_error (&error);
    }

  /* no frames at all */
  s = hearth_microprofile_stream_new (&source);
  hearth_microprofile_stream_feed (s, "Frames = Array(0);\n", 19);
  profile = hearth_microprofile_stream_finish (s, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_NO_DATA);
  g_assert_cmpstr (error->message, ==, "stream: This dump contains zero frames");
}

static void
test_no_jsc (void)
{
  HearthR0flInfo info = { 0 };
  HearthImportSource source = { .display_name = "dump.html", .data = (const guint8 *) "", .length = 0 };
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  if (HAVE_R0FL_HELPER)
    {
      g_test_skip ("built with JavaScriptCore");
      return;
    }
  profile = hearth_r0fl_run (&source, &info, NULL, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   "dump.html: modern Roblox dumps need JavaScriptCore (javascriptcoregtk-6.0)");
}

/* ------------------------------------------------------------------------ */
/* The limits as settings (§5.2): process defaults, hearth-cli options */

static void
test_limit_defaults (void)
{
  HearthR0flLimits set = { 0 };
  HearthR0flLimits got;
  guint64 ram = (guint64) sysconf (_SC_PHYS_PAGES) * (guint64) sysconf (_SC_PAGESIZE);

  /* nothing set: 300 s of CPU, 2 × 300 + 10 s of wall clock, 8 GiB of
   * statements, 4 GiB of memory or three quarters of RAM */
  hearth_r0fl_set_default_limits (&set);
  hearth_r0fl_get_default_limits (&got);
  g_assert_cmpuint (got.cpu_seconds, ==, 300);
  g_assert_cmpuint (got.wall_seconds, ==, 610);
  g_assert_cmpuint (got.output_bytes, ==, G_GUINT64_CONSTANT (8) << 30);
  g_assert_cmpuint (got.memory_bytes, ==, MIN (G_GUINT64_CONSTANT (4) << 30, ram / 4 * 3));

  /* the wall clock follows the CPU limit; a memory budget above three
   * quarters of RAM is capped */
  set.cpu_seconds = 7;
  set.memory_bytes = G_GUINT64_CONSTANT (1) << 50;
  set.output_bytes = 16 << 20;
  hearth_r0fl_set_default_limits (&set);
  hearth_r0fl_get_default_limits (&got);
  g_assert_cmpuint (got.cpu_seconds, ==, 7);
  g_assert_cmpuint (got.wall_seconds, ==, 24);
  g_assert_cmpuint (got.output_bytes, ==, 16 << 20);
  g_assert_cmpuint (got.memory_bytes, ==, ram / 4 * 3);

  set.wall_seconds = 5;
  set.memory_bytes = 256 << 20;
  hearth_r0fl_set_default_limits (&set);
  hearth_r0fl_get_default_limits (&got);
  g_assert_cmpuint (got.wall_seconds, ==, 5);
  g_assert_cmpuint (got.memory_bytes, ==, 256 << 20);

  memset (&set, 0, sizeof set);
  hearth_r0fl_set_default_limits (&set);
}

/* Runs hearth-cli in the directory of the fake dumps */
static int
run_cli (char       **err,
         const char  *first,
         ...) G_GNUC_NULL_TERMINATED;

static int
run_cli (char       **err,
         const char  *first,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) p = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HEARTH_CLI"));
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_cwd (launcher, g_getenv ("HEARTH_R0FL_FAKE_DUMPS"));
  p = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (p, NULL, NULL, NULL, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (p));
  return g_subprocess_get_exit_status (p);
}

static void
test_limit_cli (void)
{
  g_autofree char *dump = fake_dump ("spin.html");
  g_autofree char *err = NULL;
  gint64 start;

  if (dump == NULL)
    return;
  if (g_getenv ("HEARTH_CLI") == NULL)
    {
      g_test_skip ("HEARTH_CLI is not set");
      return;
    }

  /* every command that loads files takes the limits */
  start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (&err, "info", "--r0fl-cpu-limit", "1", "spin.html", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "hearth-cli: spin.html: the dump's parser used more than 1 s of CPU time "
                            "and was stopped\n");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "functions", "--r0fl-cpu-limit=60", "--r0fl-wall-limit", "1",
                            "spin.html", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "hearth-cli: spin.html: the dump's parser did not finish within 1 s and was stopped\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "tree", "--r0fl-memory-limit", "256", "grow.html", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "hearth-cli: grow.html: the dump's parser used more than 256 MiB of memory "
                            "and was stopped\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "folded", "--r0fl-output-limit", "16", "huge.html", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "hearth-cli: huge.html: the dump's parser produced more than 16 MiB of statements "
                            "and was stopped\n");
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&err, "diff", "--r0fl-output-limit", "16", "--left", "fixture-current.html",
                            "--right", "huge.html", NULL), ==, 1);
  g_assert_cmpstr (err, ==, "hearth-cli: huge.html: the dump's parser produced more than 16 MiB of statements "
                            "and was stopped\n");
  g_clear_pointer (&err, g_free);

  /* limits that leave room: the fixture loads */
  g_assert_cmpint (run_cli (&err, "info", "--r0fl-cpu-limit", "30", "--r0fl-memory-limit", "1024",
                            "--r0fl-wall-limit", "0", "--r0fl-output-limit", "1", "fixture-current.html",
                            NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&err, g_free);

  /* usage errors */
  g_assert_cmpint (run_cli (&err, "info", "--r0fl-cpu-limit", "0", "fixture-current.html", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "hearth-cli: invalid --r0fl-cpu-limit '0' (expected a whole number "
                                        "from 1 to 1048576)\n"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&err, "info", "--r0fl-memory-limit=lots", "fixture-current.html", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "hearth-cli: invalid --r0fl-memory-limit 'lots'"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&err, "info", "fixture-current.html", "--r0fl-wall-limit", NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "hearth-cli: --r0fl-wall-limit needs a number\n"));
}

/* ------------------------------------------------------------------------ */
/* Prelude contract (§8.9): the test build of the helper evaluates the
 * prelude with one piece removed or changed */

static GPtrArray *
run_contract (const char *dump_name,
              const char *variant,
              const char *extra,
              int        *status)
{
  g_autofree char *dump = fake_dump (dump_name);
  g_autofree char *arg = g_strconcat ("--prelude-variant=", variant, NULL);

  if (dump == NULL)
    return NULL;
  return run_program (g_getenv ("HEARTH_R0FL_HELPER_CONTRACT"), dump, "fixture.html", arg, extra, status);
}

/* The E record of a run that failed: its code and one-line message */
static void
check_contract_failure (const char *dump_name,
                        const char *variant,
                        const char *code,
                        const char *message)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_autofree char *expected = g_strconcat (code, "\n", message, NULL);
  const char *e;
  int status = -1;

  records = run_contract (dump_name, variant, NULL, &status);
  if (records == NULL)
    return;
  g_test_message ("%s with prelude variant %s", dump_name, variant);
  g_assert_cmpint (status, ==, 1);
  e = only_record (records, 'E');
  /* the details (a stack) follow on further lines */
  g_assert_true (g_str_has_prefix (e, expected));
  g_assert_true (e[strlen (expected)] == '\0' || e[strlen (expected)] == '\n');
  chunks = records_of (records, 'S');
  g_assert_cmpuint (chunks->len, ==, 0);
  g_assert_cmpint (((Record *) g_ptr_array_index (records, records->len - 1))->type, ==, 'E');
}

static void
check_contract_chunks (const char *dump_name,
                       const char *variant,
                       const char *extra)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", "microprofile-c-statements.js", NULL);
  g_autoptr(GBytes) fixture = load (fixture_path);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  int status = -1;

  records = run_contract (dump_name, variant, extra, &status);
  if (records == NULL)
    return;
  g_assert_cmpint (status, ==, 0);
  chunks = records_of (records, 'S');
  g_assert_cmpuint (chunks->len, ==, 40);
  for (guint i = 0; i < chunks->len; i++)
    g_string_append (joined, g_ptr_array_index (chunks, i));
  g_assert_cmpmem (joined->str, joined->len, g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));
  g_assert_true (g_str_has_prefix (only_record (records, 'D'), "rc=0\nstatements=40\n"));
}

static void
test_prelude_contract (void)
{
  if (g_getenv ("HEARTH_R0FL_HELPER_CONTRACT") == NULL)
    {
      g_test_skip ("the contract build of the helper needs JavaScriptCore");
      return;
    }

  /* window: the current generation aborts while loading */
  check_contract_failure ("fixture-current.html", "no-window", "tools-load",
                          "RuntimeError: Aborted(Assertion failed: fake tools: no window, "
                          "no WorkerGlobalScope, no Node)");
  /* (the older generation's factory is not async: it throws rather than rejects) */
  check_contract_failure ("fixture-older.html", "no-window", "tools-load",
                          "RuntimeError: Aborted(Assertion failed: fake tools: no window, "
                          "no importScripts, no Node)");
  /* self another object: Init reads the bare global isWorker */
  check_contract_failure ("fixture-current.html", "self-other", "init",
                          "ReferenceError: Can't find variable: isWorker");
  check_contract_failure ("fixture-older.html", "self-other", "init",
                          "ReferenceError: Can't find variable: isWorker");
  /* the native asynchronous instantiate never settles */
  check_contract_failure ("fixture-current.html", "no-instantiate", "tools-load",
                          "the tools module did not finish initialising (state loading)");
  check_contract_failure ("fixture-older.html", "no-instantiate", "tools-load",
                          "the tools module did not finish initialising (state loading)");
  /* atob: the older generation decodes its WASM with it */
  check_contract_failure ("fixture-older.html", "no-atob", "tools-load",
                          "ReferenceError: Can't find variable: atob");
  check_contract_chunks ("fixture-current.html", "no-atob", NULL);
  /* a WorkerGlobalScope sends the current generation down its worker branch */
  check_contract_failure ("fixture-current.html", "worker-scope", "tools-load",
                          "TypeError: undefined is not an object (evaluating 'self.location.href')");
  /* TextDecoder is only a speed-up: the same chunks without it */
  check_contract_chunks ("fixture-current.html", "no-textdecoder", NULL);
  check_contract_chunks ("fixture-older.html", "no-textdecoder", NULL);
  check_contract_chunks ("fixture-current.html", "no-textdecoder", "--fast-path");
  /* the unchanged prelude through the test build: the fixture */
  check_contract_chunks ("fixture-current.html", "none", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/r0fl/container", test_container);
  g_test_add_func ("/hearth/r0fl/stream", test_stream);
  g_test_add_func ("/hearth/r0fl/no-jsc", test_no_jsc);
  g_test_add_func ("/hearth/r0fl/helper/fixture", test_helper_fixture);
  g_test_add_func ("/hearth/r0fl/helper/probe", test_helper_probe);
  g_test_add_func ("/hearth/r0fl/helper/abort", test_helper_abort);
  g_test_add_func ("/hearth/r0fl/helper/refusals", test_helper_refusals);
  g_test_add_func ("/hearth/r0fl/import/fixture", test_import_fixture);
  g_test_add_func ("/hearth/r0fl/import/errors", test_import_errors);
  g_test_add_func ("/hearth/r0fl/records", test_records);
  g_test_add_func ("/hearth/r0fl/records/outcomes", test_records_outcomes);
  g_test_add_func ("/hearth/r0fl/limit/huge", test_limit_huge);
  g_test_add_func ("/hearth/r0fl/limit/cpu", test_limit_cpu);
  g_test_add_func ("/hearth/r0fl/limit/cancel", test_limit_cancel);
  g_test_add_func ("/hearth/r0fl/limit/memory", test_limit_memory);
  g_test_add_func ("/hearth/r0fl/limit/defaults", test_limit_defaults);
  g_test_add_func ("/hearth/r0fl/limit/cli", test_limit_cli);
  g_test_add_func ("/hearth/r0fl/helper/prelude-contract", test_prelude_contract);

  return g_test_run ();
}
