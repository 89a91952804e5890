/* test-importer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <zlib.h>

#include "hearth-format-sniff.h"
#include "hearth-importer.h"
#include "hearth-importer-private.h"

#define UNKNOWN_MESSAGE "not a capture Hearth can open (expected a Roblox Script Profiler " \
                        "export, a MicroProfiler dump, a profiler.lua report, a Papyrus " \
                        "profiling log or folded stacks)"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
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

static GBytes *
gzip_bytes (const guint8 *data,
            gsize         length)
{
  z_stream strm = { 0 };
  gsize bound;
  guint8 *out;
  int ret;

  g_assert_cmpint (deflateInit2 (&strm, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  bound = deflateBound (&strm, length) + 32;
  out = g_malloc (bound);
  strm.next_in = (Bytef *) data;
  strm.avail_in = length;
  strm.next_out = out;
  strm.avail_out = bound;
  ret = deflate (&strm, Z_FINISH);
  g_assert_cmpint (ret, ==, Z_STREAM_END);
  deflateEnd (&strm);

  return g_bytes_new_take (out, strm.total_out);
}

static char *
write_tmp (const char   *name,
           const void   *data,
           gsize         length)
{
  char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static HearthProfile *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return hearth_import_file (file, NULL, NULL, NULL, NULL, error);
}

static void
assert_same_profile (HearthProfile *a,
                     HearthProfile *b)
{
  g_assert_cmpstr (hearth_profile_get_format (a), ==, hearth_profile_get_format (b));
  g_assert_cmpfloat (hearth_profile_get_session_ms (a), ==, hearth_profile_get_session_ms (b));
  g_assert_cmpuint (hearth_profile_get_n_nodes (a), ==, hearth_profile_get_n_nodes (b));
  g_assert_cmpuint (hearth_profile_get_n_functions (a), ==, hearth_profile_get_n_functions (b));
  for (guint n = 0; n < hearth_profile_get_n_nodes (a); n++)
    {
      g_autofree char *pa = hearth_profile_node_dup_path (a, n, ";");
      g_autofree char *pb = hearth_profile_node_dup_path (b, n, ";");

      g_assert_cmpstr (pa, ==, pb);
      g_assert_cmpfloat (hearth_profile_node_get_total (a, n, HEARTH_METRIC_CPU_TIME), ==,
                         hearth_profile_node_get_total (b, n, HEARTH_METRIC_CPU_TIME));
      g_assert_cmpfloat (hearth_profile_node_get_self (a, n, HEARTH_METRIC_CPU_TIME), ==,
                         hearth_profile_node_get_self (b, n, HEARTH_METRIC_CPU_TIME));
    }
}

static void
test_plain_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "script-profiler-v2-example.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = import_path (path, &error);
  g_autofree char *display = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (hearth_profile_get_format (p), ==, "script-profiler-v2");
  g_assert_cmpstr (hearth_profile_get_file_name (p), ==, path);
  display = hearth_profile_dup_display_name (p);
  g_assert_cmpstr (display, ==, "script-profiler-v2-example.json");
  /* <root> = 6000 µs */
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 6000000.0);
}

static void
test_gzip (void)
{
  g_autoptr(GBytes) plain = load_fixture ("script-profiler-v2-example.json");
  g_autoptr(GBytes) gz = gzip_bytes (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_autofree char *path = write_tmp ("example.json.gz", g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) a = NULL;
  g_autoptr(HearthProfile) b = NULL;
  g_autofree char *after = NULL;
  gsize after_len;

  a = hearth_import_bytes ("example.json", NULL, g_bytes_get_data (plain, NULL), g_bytes_get_size (plain),
                           NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  b = import_path (path, &error);
  g_assert_no_error (error);
  assert_same_profile (a, b);
  g_assert_cmpstr (hearth_profile_get_file_name (b), ==, path);

  /* the input is never written to */
  g_file_get_contents (path, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (after, after_len, g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
}

/* Two gzip members one after the other inflate to their concatenation */
static void
test_gzip_members (void)
{
  const char *part1 = "{\"Version\":2,\"Categories\":[{\"Name\":\"C\",\"NodeId\":1}],";
  const char *part2 = "\"Nodes\":[{\"TotalDuration\":5}],\"Functions\":[]}";
  g_autoptr(GBytes) gz1 = gzip_bytes ((const guint8 *) part1, strlen (part1));
  g_autoptr(GBytes) gz2 = gzip_bytes ((const guint8 *) part2, strlen (part2));
  g_autoptr(GByteArray) both = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = NULL;

  g_byte_array_append (both, g_bytes_get_data (gz1, NULL), g_bytes_get_size (gz1));
  g_byte_array_append (both, g_bytes_get_data (gz2, NULL), g_bytes_get_size (gz2));
  p = hearth_import_bytes ("two.json.gz", NULL, both->data, both->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hearth_profile_get_root_total (p, HEARTH_METRIC_CPU_TIME), ==, 5000.0);
}

static void
test_gzip_errors (void)
{
  g_autoptr(GBytes) plain = load_fixture ("script-profiler-v2-example.json");
  g_autoptr(GBytes) gz = gzip_bytes (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (gz, NULL), g_bytes_get_size (gz));
  gsize len = g_bytes_get_size (gz);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = NULL;
  g_autoptr(GBytes) empty_gz = gzip_bytes ((const guint8 *) "", 0);
  g_autofree char *spaces = NULL;
  g_autoptr(GBytes) big_gz = NULL;

  /* truncated */
  p = hearth_import_bytes ("cut.json.gz", NULL, copy, len / 2, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TRUNCATED);
  g_assert_cmpstr (error->message, ==, "cut.json.gz: truncated gzip data: the compressed stream ends early");
  g_clear_error (&error);

  /* a wrong CRC in the trailer (the last 8 bytes are CRC-32 and size) */
  copy[len - 8] ^= 0xff;
  p = hearth_import_bytes ("crc.json.gz", NULL, copy, len, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "crc.json.gz: corrupt gzip data: incorrect data check (at byte offset "));
  g_clear_error (&error);
  copy[len - 8] ^= 0xff;

  /* garbage after the stream */
  {
    g_autofree guint8 *longer = g_malloc (len + 3);
    g_autofree char *expected = g_strdup_printf ("tail.json.gz: corrupt gzip data: unexpected bytes "
                                                 "after the compressed stream (at byte offset %"
                                                 G_GSIZE_FORMAT ")", len);

    memcpy (longer, copy, len);
    memcpy (longer + len, "xyz", 3);
    p = hearth_import_bytes ("tail.json.gz", NULL, longer, len + 3, NULL, NULL, NULL, &error);
    g_assert_null (p);
    g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }

  /* only the magic */
  p = hearth_import_bytes ("magic.gz", NULL, (const guint8 *) "\x1f\x8b", 2, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TRUNCATED);
  g_clear_error (&error);

  /* an empty gzip stream */
  p = hearth_import_bytes ("empty.gz", NULL, g_bytes_get_data (empty_gz, NULL), g_bytes_get_size (empty_gz),
                           NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "empty.gz: the file is empty (an empty gzip stream)");
  g_clear_error (&error);

  /* the inflated-size cap (4 GiB; lowered to 1 MiB here) */
  spaces = g_malloc (2 * 1024 * 1024);
  memset (spaces, ' ', 2 * 1024 * 1024);
  big_gz = gzip_bytes ((const guint8 *) spaces, 2 * 1024 * 1024);
  _hearth_importer_set_max_inflated (1024 * 1024);
  p = hearth_import_bytes ("bomb.gz", NULL, g_bytes_get_data (big_gz, NULL), g_bytes_get_size (big_gz),
                           NULL, NULL, NULL, &error);
  _hearth_importer_set_max_inflated (0);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "bomb.gz: the gzip file inflates to more than 1 MiB");
  g_clear_error (&error);

  /* exactly at the cap is fine (and only whitespace) */
  _hearth_importer_set_max_inflated (2 * 1024 * 1024);
  p = hearth_import_bytes ("spaces.gz", NULL, g_bytes_get_data (big_gz, NULL), g_bytes_get_size (big_gz),
                           NULL, NULL, NULL, &error);
  _hearth_importer_set_max_inflated (0);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "spaces.gz: the file is empty (only whitespace)");
}

static void
test_empty (void)
{
  g_autofree char *path = write_tmp ("empty.json", "", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = import_path (path, &error);

  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "empty.json: the file is empty");
  g_clear_error (&error);

  p = hearth_import_bytes ("blank.txt", NULL, (const guint8 *) "\xef\xbb\xbf \r\n\t", 7, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "blank.txt: the file is empty (only whitespace)");
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = NULL;
  const char *texts[] = {
    "hello world\n",
    "{\"$schema\":\"https://www.speedscope.app/file-format-schema.json\"}",
    "{\"Version\":2}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      p = hearth_import_bytes ("notes.txt", NULL, (const guint8 *) texts[i], strlen (texts[i]),
                               NULL, NULL, NULL, &error);
      g_assert_null (p);
      g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT);
      g_assert_cmpstr (error->message, ==, "notes.txt: " UNKNOWN_MESSAGE);
      g_clear_error (&error);
    }
}

static void
fill_junk (guint8 *data,
           gsize   length)
{
  guint32 x = 12345;

  /* words of printable ASCII, no braces or quotes, in lines */
  for (gsize i = 0; i < length; i++)
    {
      x = x * 1103515245 + 12345;
      if (i % 80 == 79)
        data[i] = '\n';
      else if ((x >> 16) % 7 == 0)
        data[i] = ' ';
      else
        data[i] = 'a' + (x >> 16) % 26;
    }
}

/* 100 MB of junk, generated here (never committed): refused quickly by the
 * sniffer; with a Script Profiler prefix, refused by the JSON parser */
static void
test_junk_100mb (void)
{
  const gsize size = 100 * 1024 * 1024;
  const char *prefix = "{\"Version\":2,\"Categories\":[";
  g_autofree guint8 *junk = g_malloc (size);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = NULL;

  fill_junk (junk, size);
  path = write_tmp ("junk.bin", junk, size);
  g_assert_cmpint (hearth_format_sniff (junk, size), ==, HEARTH_FORMAT_UNKNOWN);
  p = import_path (path, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT);
  g_assert_cmpstr (error->message, ==, "junk.bin: " UNKNOWN_MESSAGE);
  g_clear_error (&error);

  memcpy (junk, prefix, strlen (prefix));
  g_assert_cmpint (hearth_format_sniff (junk, size), ==, HEARTH_FORMAT_SCRIPT_PROFILER);
  p = hearth_import_bytes ("junk.json", NULL, junk, size, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "junk.json: invalid JSON: line 1, column "));
  g_clear_error (&error);

  g_unlink (path);
}

static void
test_not_found (void)
{
  g_autofree char *path = tmp_path ("missing.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = import_path (path, &error);

  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "missing.json: No such file or directory");
  g_clear_error (&error);

  /* an explicit display name, e.g. the path as typed on the command line */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    p = hearth_import_file (file, "some/missing.json", NULL, NULL, NULL, &error);
    g_assert_null (p);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "some/missing.json: No such file or directory");
    g_clear_error (&error);
  }

  p = import_path (tmp_dir, &error);
  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_str_has_suffix (error->message, ": Is a directory"));
}

static void
test_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "script-profiler-v2-example.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) p = NULL;

  g_cancellable_cancel (cancellable);
  p = hearth_import_file (file, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_str_has_prefix (error->message, "script-profiler-v2-example.json: "));
  g_clear_error (&error);

  p = hearth_import_bytes ("x.json", NULL, (const guint8 *) "{}", 2, cancellable, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  GMainLoop     *loop;
  HearthProfile *profile;
  GError        *error;
  gint           n_progress;
} AsyncData;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncData *data = user_data;

  /* called in the worker thread */
  g_atomic_int_inc (&data->n_progress);
}

static void
async_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *data = user_data;

  data->profile = hearth_import_file_finish (result, &data->error);
  g_main_loop_quit (data->loop);
}

static void
run_async (GFile        *file,
           GCancellable *cancellable,
           AsyncData    *data)
{
  data->loop = g_main_loop_new (NULL, FALSE);
  hearth_import_file_async (file, cancellable, async_progress_cb, data, async_done_cb, data);
  g_main_loop_run (data->loop);
  g_main_loop_unref (data->loop);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "script-profiler-v2-example.json", NULL);
  g_autofree char *missing = tmp_path ("nothere.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncData data = { 0 };

  run_async (file, NULL, &data);
  g_assert_no_error (data.error);
  g_assert_nonnull (data.profile);
  g_assert_cmpuint (hearth_profile_get_n_nodes (data.profile), ==, 7);
  g_assert_cmpint (g_atomic_int_get (&data.n_progress), >=, 3);
  g_clear_object (&data.profile);

  memset (&data, 0, sizeof data);
  run_async (missing_file, NULL, &data);
  g_assert_null (data.profile);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (data.error->message, ==, "nothere.json: No such file or directory");
  g_clear_error (&data.error);

  memset (&data, 0, sizeof data);
  g_cancellable_cancel (cancellable);
  run_async (file, cancellable, &data);
  g_assert_null (data.profile);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&data.error);
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) v2 = load_fixture ("script-profiler-v2-example.json");
  g_autoptr(GBytes) v1 = load_fixture ("script-profiler-v1-example.json");

  g_assert_cmpint (hearth_format_sniff (g_bytes_get_data (v2, NULL), g_bytes_get_size (v2)), ==,
                   HEARTH_FORMAT_SCRIPT_PROFILER);
  g_assert_cmpint (hearth_format_sniff (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1)), ==,
                   HEARTH_FORMAT_SCRIPT_PROFILER);
  g_assert_cmpint (hearth_format_sniff ((const guint8 *) "", 0), ==, HEARTH_FORMAT_UNKNOWN);
  /* folded stacks are detected only after every specific format declined */
  g_assert_cmpint (hearth_format_sniff ((const guint8 *) "main;update 12\n", 15), ==, HEARTH_FORMAT_FOLDED);
  g_assert_cmpint (hearth_format_sniff ((const guint8 *) "just some text\nwithout counts\n", 30), ==,
                   HEARTH_FORMAT_UNKNOWN);
  g_assert_cmpstr (hearth_format_to_string (HEARTH_FORMAT_SCRIPT_PROFILER), ==, "script-profiler");
  g_assert_cmpstr (hearth_format_to_string (HEARTH_FORMAT_UNKNOWN), ==, "unknown");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("hearth-test-importer-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/hearth/importer/plain-file", test_plain_file);
  g_test_add_func ("/hearth/importer/gzip", test_gzip);
  g_test_add_func ("/hearth/importer/gzip-members", test_gzip_members);
  g_test_add_func ("/hearth/importer/gzip-errors", test_gzip_errors);
  g_test_add_func ("/hearth/importer/empty", test_empty);
  g_test_add_func ("/hearth/importer/unknown", test_unknown);
  g_test_add_func ("/hearth/importer/junk-100mb", test_junk_100mb);
  g_test_add_func ("/hearth/importer/not-found", test_not_found);
  g_test_add_func ("/hearth/importer/cancelled", test_cancelled);
  g_test_add_func ("/hearth/importer/async", test_async);
  g_test_add_func ("/hearth/importer/sniff", test_sniff);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = tmp_path (name);
        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);

  return ret;
}
