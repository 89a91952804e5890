/* test-folded-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-folded.h"
#include "hearth-folded-reader.h"
#include "hearth-lua-report-reader.h"
#include "hearth-papyrus-reader.h"

/* docs/formats/interchange.md §1.1 example and §1.2 rules:
 * main 4300 (self 0), update 2300 (self 0), physics 1500, ai 800,
 * findPath 800, render 2000. */

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
read_bytes (const char  *name,
            const char  *data,
            gsize        length,
            const char  *unit,
            GError     **error)
{
  HearthImportSource source = { 0 };

  source.display_name = name;
  source.data = (const guint8 *) data;
  source.length = length;
  return hearth_folded_read_with_unit (&source, unit, error);
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
assert_function (HearthProfile *profile,
                 HearthMetric   metric,
                 const char    *name,
                 double         total,
                 double         self)
{
  guint f = find_function (profile, name);

  g_assert_cmpfloat (hearth_profile_function_get_total (profile, f, metric), ==, total);
  g_assert_cmpfloat (hearth_profile_function_get_self (profile, f, metric), ==, self);
}

static void
check_example (HearthProfile *profile,
               HearthMetric   metric,
               double         scale)
{
  g_assert_cmpstr (hearth_profile_get_format (profile), ==, "folded");
  g_assert_true (hearth_profile_has_metric (profile, metric));
  g_assert_cmpuint (hearth_profile_get_n_functions (profile), ==, 7);
  g_assert_cmpuint (hearth_profile_get_n_nodes (profile), ==, 7);
  g_assert_cmpfloat (hearth_profile_get_root_total (profile, metric), ==, 4300 * scale);
  assert_function (profile, metric, "main", 4300 * scale, 0);
  assert_function (profile, metric, "update", 2300 * scale, 0);
  assert_function (profile, metric, "physics", 1500 * scale, 1500 * scale);
  assert_function (profile, metric, "ai", 800 * scale, 0);
  assert_function (profile, metric, "findPath", 800 * scale, 800 * scale);
  assert_function (profile, metric, "render", 2000 * scale, 2000 * scale);
}

static void
test_example (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("folded-example.folded", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_bytes ("out.folded", text, length, NULL, &error);

  g_assert_no_error (error);
  check_example (profile, HEARTH_METRIC_CALLS, 1);
  g_assert_false (hearth_profile_has_metric (profile, HEARTH_METRIC_CPU_TIME));
  g_assert_null (hearth_profile_get_warnings (profile)[0]);
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "unit"), ==, "samples");

  /* the default reader: samples */
  {
    HearthImportSource source = { 0 };
    g_autoptr(HearthProfile) p2 = NULL;

    source.display_name = "out.folded";
    source.data = (const guint8 *) text;
    source.length = length;
    p2 = hearth_folded_read (&source, &error);
    g_assert_no_error (error);
    check_example (p2, HEARTH_METRIC_CALLS, 1);
  }
}

/* a unit the user picked: counts become CPU time */
static void
test_unit (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("folded-example.folded", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_bytes ("out.folded", text, length, "us", &error);

  g_assert_no_error (error);
  check_example (profile, HEARTH_METRIC_CPU_TIME, 1000);
  g_assert_false (hearth_profile_has_metric (profile, HEARTH_METRIC_CALLS));

  g_clear_object (&profile);
  profile = read_bytes ("out.folded", text, length, "furlongs", &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_UNSUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   "out.folded: unknown unit 'furlongs' (expected samples, ns, us, ms or s)");
}

/* what `hearth-cli folded` writes (calls when there is no CPU time) reads
 * back to the same text */
static void
test_round_trip (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("folded-example.folded", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_bytes ("out.folded", text, length, NULL, &error);
  g_autoptr(HearthProfile) again = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;

  g_assert_no_error (error);
  written = hearth_folded_write (profile, HEARTH_METRIC_CALLS);
  g_assert_cmpstr (written, ==,
                   "main;update;physics 1500\n"
                   "main;update;ai;findPath 800\n"
                   "main;render 2000\n");

  again = read_bytes ("again.folded", written, strlen (written), NULL, &error);
  g_assert_no_error (error);
  rewritten = hearth_folded_write (again, HEARTH_METRIC_CALLS);
  g_assert_cmpstr (rewritten, ==, written);
}

static gboolean
sniff_text (const char *text)
{
  return hearth_folded_sniff ((const guint8 *) text, strlen (text));
}

static void
test_sniff (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("folded-example.folded", &length);
  g_autofree char *papyrus = load_fixture ("papyrus-stack-1247.log", &length);

  g_assert_true (hearth_folded_sniff ((const guint8 *) text, strlen (text)));
  g_assert_false (hearth_folded_sniff ((const guint8 *) papyrus, strlen (papyrus)));
  g_assert_false (hearth_papyrus_sniff ((const guint8 *) text, strlen (text)));
  g_assert_false (hearth_lua_report_sniff ((const guint8 *) text, strlen (text)));

  /* 9 of 10 lines match: yes; 8 of 10: no */
  g_assert_true (sniff_text ("a 1\na 1\na 1\na 1\na 1\na 1\na 1\na 1\na 1\njunk\n"));
  g_assert_false (sniff_text ("a 1\na 1\na 1\na 1\na 1\na 1\na 1\na 1\nx\njunk\n"));
  /* decimals, tabs, spaces in frames, differential lines, PapyrusProfiler */
  g_assert_true (sniff_text ("oopDesc* PSPromotionManager::copy<false> 1.5\n"));
  g_assert_true (sniff_text ("a;b\t12\na;c 3 4\n"));
  g_assert_true (sniff_text ("MyQuest.OnInit;MyQuest.Setup 12\r\n"));
  g_assert_false (sniff_text ("\n\n  \n"));
  g_assert_false (sniff_text (" a 1\n"));
  g_assert_false (sniff_text ("a 1.2.3\n"));
}

static void
test_decimals_and_differential (void)
{
  static const char text[] = "a;b 1.5\na 2.\na;c 10 20\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_bytes ("d.folded", text, strlen (text), NULL, &error);
  const char * const *warnings;

  g_assert_no_error (error);
  assert_function (profile, HEARTH_METRIC_CALLS, "a", 23.5, 2);
  assert_function (profile, HEARTH_METRIC_CALLS, "b", 1.5, 1.5);
  assert_function (profile, HEARTH_METRIC_CALLS, "c", 20, 20);
  warnings = hearth_profile_get_warnings (profile);
  g_assert_cmpstr (warnings[0], ==,
                   "differential folded stacks (two counts per line): using the second count");
  g_assert_null (warnings[1]);
  g_assert_cmpstr (hearth_profile_get_metadata (profile, "differential"), ==, "true");
}

static void
test_malformed_lines (void)
{
  static const char text[] = "a;b\nmain;x 5\n   7\nnocount x\na;;b 3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = read_bytes ("m.folded", text, strlen (text), NULL, &error);
  const char * const *warnings;

  g_assert_no_error (error);
  warnings = hearth_profile_get_warnings (profile);
  g_assert_cmpstr (warnings[0], ==, "3 lines skipped, first at line 1");
  g_assert_cmpstr (warnings[1], ==, "empty frame names (between ';;') were kept as empty frames");
  g_assert_null (warnings[2]);
  assert_function (profile, HEARTH_METRIC_CALLS, "", 3, 0);
  assert_function (profile, HEARTH_METRIC_CALLS, "x", 5, 5);
  g_assert_cmpfloat (hearth_profile_get_root_total (profile, HEARTH_METRIC_CALLS), ==, 8);

  g_clear_object (&profile);
  profile = read_bytes ("one.folded", "a 1\nbad\n", 8, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearth_profile_get_warnings (profile)[0], ==, "1 line skipped, first at line 2");

  g_clear_object (&profile);
  profile = read_bytes ("bad.folded", "x\ny\n\nz z\n", 9, NULL, &error);
  g_assert_null (profile);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_NO_DATA);
  g_assert_cmpstr (error->message, ==, "bad.folded: no valid folded stack lines (3 lines skipped, first at line 1)");
  g_clear_error (&error);

  profile = read_bytes ("blank.folded", "\n \n\t\n", 5, NULL, &error);
  g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_NO_DATA);
  g_assert_cmpstr (error->message, ==, "blank.folded: no folded stack lines");
}

/* CRLF, UTF-8 BOM, UTF-16 LE / BE with BOM */
static void
test_encodings (void)
{
  gsize length;
  g_autofree char *text = load_fixture ("folded-example.folded", &length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", crlf, NULL);
  struct
  {
    const char *charset;
    const char *bom;
  } utf16[] = { { "UTF-16LE", "\xff\xfe" }, { "UTF-16BE", "\xfe\xff" } };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(HearthProfile) p = read_bytes ("crlf.folded", crlf, strlen (crlf), NULL, &error);
    g_assert_no_error (error);
    check_example (p, HEARTH_METRIC_CALLS, 1);
  }
  {
    g_autoptr(HearthProfile) p = read_bytes ("bom.folded", bom, strlen (bom), NULL, &error);
    g_assert_no_error (error);
    check_example (p, HEARTH_METRIC_CALLS, 1);
    g_assert_true (hearth_folded_sniff ((const guint8 *) bom, strlen (bom)));
  }

  for (guint i = 0; i < G_N_ELEMENTS (utf16); i++)
    {
      gsize n = 0;
      g_autofree char *body = g_convert (crlf, -1, utf16[i].charset, "UTF-8", NULL, &n, &error);
      g_autofree char *data = g_malloc (n + 2);
      g_autoptr(HearthProfile) p = NULL;

      g_assert_no_error (error);
      memcpy (data, utf16[i].bom, 2);
      memcpy (data + 2, body, n);
      g_assert_true (hearth_folded_sniff ((const guint8 *) data, n + 2));
      p = read_bytes ("utf16.folded", data, n + 2, NULL, &error);
      g_assert_no_error (error);
      check_example (p, HEARTH_METRIC_CALLS, 1);

      /* a lone low surrogate is invalid UTF-16 */
      if (i == 0)
        {
          g_autoptr(HearthProfile) bad = NULL;

          data[2 + 2] = '\x00';
          data[2 + 3] = '\xdc';
          bad = read_bytes ("bad16.folded", data, 8, NULL, &error);
          g_assert_null (bad);
          g_assert_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, "bad16.folded: invalid UTF-16 text at byte offset 4");
          g_clear_error (&error);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/folded-reader/example", test_example);
  g_test_add_func ("/hearth/folded-reader/unit", test_unit);
  g_test_add_func ("/hearth/folded-reader/round-trip", test_round_trip);
  g_test_add_func ("/hearth/folded-reader/sniff", test_sniff);
  g_test_add_func ("/hearth/folded-reader/decimals-and-differential", test_decimals_and_differential);
  g_test_add_func ("/hearth/folded-reader/malformed-lines", test_malformed_lines);
  g_test_add_func ("/hearth/folded-reader/encodings", test_encodings);

  return g_test_run ();
}
