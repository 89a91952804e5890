/* test-csv-writer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "hearth-csv-writer.h"

static void
test_plain (void)
{
  g_autoptr(HearthCsvWriter) w = hearth_csv_writer_new (',');
  g_autofree char *text = NULL;

  hearth_csv_writer_add_field (w, "name");
  hearth_csv_writer_add_field (w, "total_ms");
  hearth_csv_writer_end_row (w);
  g_assert_cmpstr (hearth_csv_writer_peek (w), ==, "name,total_ms\n");

  hearth_csv_writer_add_field (w, "update");
  hearth_csv_writer_add_empty (w);
  hearth_csv_writer_add_int (w, 42);
  hearth_csv_writer_add_int (w, -7);
  hearth_csv_writer_add_field (w, NULL);
  hearth_csv_writer_end_row (w);

  text = hearth_csv_writer_free_to_string (g_steal_pointer (&w));
  g_assert_cmpstr (text, ==, "name,total_ms\nupdate,,42,-7,\n");
}

static void
test_quoting (void)
{
  g_autoptr(HearthCsvWriter) w = hearth_csv_writer_new (',');

  hearth_csv_writer_add_field (w, "a,b");
  hearth_csv_writer_add_field (w, "say \"hi\"");
  hearth_csv_writer_add_field (w, "line\nbreak");
  hearth_csv_writer_add_field (w, "cr\rhere");
  hearth_csv_writer_add_field (w, "tab\tok");
  hearth_csv_writer_add_field (w, "\"");
  hearth_csv_writer_add_field (w, "<anonymous>;x");
  hearth_csv_writer_end_row (w);

  g_assert_cmpstr (hearth_csv_writer_peek (w), ==,
                   "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",\"cr\rhere\",tab\tok,\"\"\"\",<anonymous>;x\n");
}

static void
test_tsv (void)
{
  g_autoptr(HearthCsvWriter) w = hearth_csv_writer_new ('\t');

  hearth_csv_writer_add_field (w, "a,b");        /* a comma is plain text in TSV */
  hearth_csv_writer_add_field (w, "tab\there");  /* a tab is not */
  hearth_csv_writer_add_number (w, 1.5, 3);
  hearth_csv_writer_add_empty (w);
  hearth_csv_writer_end_row (w);
  hearth_csv_writer_add_field (w, "x");
  hearth_csv_writer_end_row (w);

  g_assert_cmpstr (hearth_csv_writer_peek (w), ==, "a,b\t\"tab\there\"\t1.500\t\nx\n");
}

static void
check_number (double      value,
              int         min_decimals,
              const char *expected)
{
  g_autofree char *text = hearth_format_number (value, min_decimals);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_numbers (void)
{
  check_number (6.0, 3, "6.000");
  check_number (0.0001234, 3, "0.000123");
  check_number (1.5, 3, "1.500");
  check_number (1.5, 0, "1.5");
  check_number (6.0, 0, "6");
  check_number (360.0, 3, "360.000");
  check_number (1.0 / 3.0, 3, "0.333333");
  check_number (2.0 / 3.0, 0, "0.666667");
  check_number (0.0000004, 3, "0.000");          /* rounds to 0 at six decimals */
  check_number (0.0000004, 0, "0");
  check_number (-2.25, 3, "-2.250");
  check_number (-0.0, 3, "0.000");
  check_number (-0.0, 0, "0");
  check_number (-0.0000001, 3, "0.000");        /* -0.000000 is still zero */
  check_number (1234567.125, 1, "1234567.125");
  check_number (1.0, 8, "1.00000000");
  check_number (NAN, 3, "");
  check_number (INFINITY, 3, "");
  check_number (-INFINITY, 0, "");
}

static void
test_add_number (void)
{
  g_autoptr(HearthCsvWriter) w = hearth_csv_writer_new (',');

  hearth_csv_writer_add_number (w, 6.0, 3);
  hearth_csv_writer_add_number (w, NAN, 3);
  hearth_csv_writer_add_number (w, 2.5, 0);
  hearth_csv_writer_add_number (w, -0.0, 3);
  hearth_csv_writer_end_row (w);

  g_assert_cmpstr (hearth_csv_writer_peek (w), ==, "6.000,,2.5,0.000\n");
}

static void
test_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
  const char *found = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr(HearthCsvWriter) w = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma (de_DE, fr_FR) is installed");
      return;
    }

  number = hearth_format_number (1234.5, 3);
  w = hearth_csv_writer_new (',');
  hearth_csv_writer_add_number (w, 0.25, 3);
  hearth_csv_writer_add_number (w, 6.0, 0);
  hearth_csv_writer_end_row (w);
  text = hearth_csv_writer_free_to_string (g_steal_pointer (&w));
  setlocale (LC_NUMERIC, old);

  g_assert_cmpstr (number, ==, "1234.500");
  g_assert_cmpstr (text, ==, "0.250,6\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/csv-writer/plain", test_plain);
  g_test_add_func ("/hearth/csv-writer/quoting", test_quoting);
  g_test_add_func ("/hearth/csv-writer/tsv", test_tsv);
  g_test_add_func ("/hearth/csv-writer/numbers", test_numbers);
  g_test_add_func ("/hearth/csv-writer/add-number", test_add_number);
  g_test_add_func ("/hearth/csv-writer/locale", test_locale);

  return g_test_run ();
}
