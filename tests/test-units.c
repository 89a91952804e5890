/* test-units.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "hearth-units.h"

static void
test_window (void)
{
  g_assert_cmpfloat (hearth_average_get_window_ms (HEARTH_AVERAGE_OFF), ==, 0);
  g_assert_cmpfloat (hearth_average_get_window_ms (HEARTH_AVERAGE_1S), ==, 1000);
  g_assert_cmpfloat (hearth_average_get_window_ms (HEARTH_AVERAGE_1MIN), ==, 60000);
  g_assert_cmpfloat (hearth_average_get_window_ms (HEARTH_AVERAGE_5MIN), ==, 300000);
  g_assert_cmpfloat (hearth_average_get_window_ms (HEARTH_AVERAGE_10MIN), ==, 600000);
}

static void
test_factor (void)
{
  /* off is always 1, even without a session */
  g_assert_cmpfloat (hearth_average_get_factor (HEARTH_AVERAGE_OFF, 1000), ==, 1.0);
  g_assert_cmpfloat (hearth_average_get_factor (HEARTH_AVERAGE_OFF, 0), ==, 1.0);
  /* 1 s window on a 4 s session: a quarter */
  g_assert_cmpfloat_with_epsilon (hearth_average_get_factor (HEARTH_AVERAGE_1S, 4000), 0.25, 1e-12);
  /* window longer than the session: 1 min on 1 s → × 60 */
  g_assert_cmpfloat_with_epsilon (hearth_average_get_factor (HEARTH_AVERAGE_1MIN, 1000), 60.0, 1e-12);
  /* 10 min on 2 min → × 5; 5 min on 10 min → × 0.5 */
  g_assert_cmpfloat_with_epsilon (hearth_average_get_factor (HEARTH_AVERAGE_10MIN, 120000), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hearth_average_get_factor (HEARTH_AVERAGE_5MIN, 600000), 0.5, 1e-12);
  /* no session length */
  g_assert_true (isnan (hearth_average_get_factor (HEARTH_AVERAGE_1S, 0)));
  g_assert_true (isnan (hearth_average_get_factor (HEARTH_AVERAGE_1MIN, -5)));
  g_assert_true (isnan (hearth_average_get_factor (HEARTH_AVERAGE_1MIN, NAN)));
}

static void
test_strings (void)
{
  static const struct { HearthAverage average; const char *name; } cases[] = {
    { HEARTH_AVERAGE_OFF, "off" },
    { HEARTH_AVERAGE_1S, "1s" },
    { HEARTH_AVERAGE_1MIN, "1min" },
    { HEARTH_AVERAGE_5MIN, "5min" },
    { HEARTH_AVERAGE_10MIN, "10min" },
  };
  HearthAverage average;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (hearth_average_to_string (cases[i].average), ==, cases[i].name);
      average = (HearthAverage) 99;
      g_assert_true (hearth_average_from_string (cases[i].name, &average));
      g_assert_cmpint (average, ==, cases[i].average);
    }

  average = HEARTH_AVERAGE_5MIN;
  g_assert_false (hearth_average_from_string ("2min", &average));
  g_assert_false (hearth_average_from_string ("", &average));
  g_assert_false (hearth_average_from_string ("1S", &average));
  g_assert_false (hearth_average_from_string (NULL, &average));
  g_assert_cmpint (average, ==, HEARTH_AVERAGE_5MIN);
}

static void
test_to_display (void)
{
  /* 1.5 ms stored as ns */
  g_assert_cmpfloat_with_epsilon (hearth_metric_value_to_display (HEARTH_METRIC_CPU_TIME, 1500000,
                                                                  HEARTH_UNIT_MS, 0), 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (hearth_metric_value_to_display (HEARTH_METRIC_QUEUE_WAIT, 2e6,
                                                                  HEARTH_UNIT_MS, 0), 2.0, 1e-12);
  /* counts and bytes unchanged */
  g_assert_cmpfloat (hearth_metric_value_to_display (HEARTH_METRIC_CALLS, 42, HEARTH_UNIT_MS, 0), ==, 42);
  g_assert_cmpfloat (hearth_metric_value_to_display (HEARTH_METRIC_ALLOC_BYTES, 4096,
                                                     HEARTH_UNIT_MS, 0), ==, 4096);
  /* percent on raw values: 1000 of 6000 µs = 16.667 % */
  g_assert_cmpfloat_with_epsilon (hearth_metric_value_to_display (HEARTH_METRIC_CPU_TIME, 1000000,
                                                                  HEARTH_UNIT_PERCENT, 6000000),
                                  100.0 / 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hearth_metric_value_to_display (HEARTH_METRIC_CALLS, 3,
                                                                  HEARTH_UNIT_PERCENT, 12), 25.0, 1e-12);
  g_assert_cmpfloat (hearth_metric_value_to_display (HEARTH_METRIC_CPU_TIME, 5, HEARTH_UNIT_PERCENT, 0), ==, 0);
}

static void
check_value (HearthMetric  metric,
             double        value,
             HearthUnit    unit,
             double        root_total,
             const char   *expected)
{
  g_autofree char *text = hearth_format_value (metric, value, unit, root_total);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_value (void)
{
  check_value (HEARTH_METRIC_CPU_TIME, 6000000, HEARTH_UNIT_MS, 0, "6.000 ms");
  check_value (HEARTH_METRIC_CPU_TIME, 1234567, HEARTH_UNIT_MS, 0, "1.235 ms");
  check_value (HEARTH_METRIC_CPU_TIME, 0, HEARTH_UNIT_MS, 0, "0.000 ms");
  check_value (HEARTH_METRIC_CPU_TIME, 1000000, HEARTH_UNIT_PERCENT, 6000000, "16.667%");
  check_value (HEARTH_METRIC_CPU_TIME, 6000000, HEARTH_UNIT_PERCENT, 6000000, "100.000%");
  check_value (HEARTH_METRIC_CALLS, 42, HEARTH_UNIT_MS, 0, "42");
  check_value (HEARTH_METRIC_CALLS, 2.5, HEARTH_UNIT_MS, 0, "2.500");
  check_value (HEARTH_METRIC_ALLOC_COUNT, 7, HEARTH_UNIT_MS, 0, "7");
  /* IEC units as g_format_size_full () writes them in the C locale */
  check_value (HEARTH_METRIC_ALLOC_BYTES, 1536, HEARTH_UNIT_MS, 0, "1.5 KiB");
  check_value (HEARTH_METRIC_FREE_BYTES, 3 * 1024 * 1024, HEARTH_UNIT_MS, 0, "3.0 MiB");
  check_value (HEARTH_METRIC_ALLOC_BYTES, -2048, HEARTH_UNIT_MS, 0, "-2.0 KiB");
  check_value (HEARTH_METRIC_ALLOC_BYTES, 100, HEARTH_UNIT_MS, 0, "100 bytes");
  check_value (HEARTH_METRIC_ALLOC_BYTES, 1, HEARTH_UNIT_MS, 0, "1 byte");
  check_value (HEARTH_METRIC_ALLOC_BYTES, 1023.6, HEARTH_UNIT_MS, 0, "1.0 KiB");   /* rounds to 1024 B */
  check_value (HEARTH_METRIC_ALLOC_BYTES, 5.0 * 1024 * 1024 * 1024, HEARTH_UNIT_MS, 0, "5.0 GiB");
  check_value (HEARTH_METRIC_ALLOC_BYTES, 512, HEARTH_UNIT_PERCENT, 2048, "25.000%");
}

static void
check_duration (double      ms,
                const char *expected)
{
  g_autofree char *text = hearth_format_session_duration (ms);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_session_duration (void)
{
  check_duration (1000, "00:00:01.0000");
  check_duration (3723456.7, "01:02:03.4567");
  check_duration (0, "00:00:00.0000");
  check_duration (59999.96, "00:01:00.0000");   /* rounds up into the next minute */
  check_duration (0.25, "00:00:00.0003");        /* 2.5 tenths of a ms round to 3 */
  check_duration (100 * 3600000.0 + 1.2, "100:00:00.0012");
  check_duration (-5, "00:00:00.0000");
  check_duration (NAN, "00:00:00.0000");
}

static void
check_ms (double      ms,
          int         decimals,
          const char *expected)
{
  g_autofree char *text = hearth_format_ms (ms, decimals);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_ms (void)
{
  check_ms (1.5, 3, "1.500");
  check_ms (2.0 / 3.0, 2, "0.67");
  check_ms (12.5, 0, "12");     /* round-half-even of printf */
  check_ms (-0.0001, 3, "0.000");
  check_ms (-1.25, 1, "-1.2");
}

static void
test_locale (void)
{
  const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "fr_FR.utf8" };
  const char *found = NULL;
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *ms = NULL;
  g_autofree char *value = NULL;
  g_autofree char *bytes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (locales) && found == NULL; i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      found = locales[i];

  if (found == NULL)
    {
      g_test_skip ("no locale with a decimal comma is installed");
      return;
    }

  ms = hearth_format_ms (1.5, 3);
  value = hearth_format_value (HEARTH_METRIC_CPU_TIME, 1500000, HEARTH_UNIT_MS, 0);
  bytes = hearth_format_value (HEARTH_METRIC_ALLOC_BYTES, 1536, HEARTH_UNIT_MS, 0);
  setlocale (LC_NUMERIC, old);

  g_assert_cmpstr (ms, ==, "1.500");
  g_assert_cmpstr (value, ==, "1.500 ms");
  g_assert_cmpstr (bytes, ==, "1.5 KiB");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/units/window", test_window);
  g_test_add_func ("/hearth/units/factor", test_factor);
  g_test_add_func ("/hearth/units/strings", test_strings);
  g_test_add_func ("/hearth/units/to-display", test_to_display);
  g_test_add_func ("/hearth/units/format-value", test_format_value);
  g_test_add_func ("/hearth/units/session-duration", test_session_duration);
  g_test_add_func ("/hearth/units/format-ms", test_format_ms);
  g_test_add_func ("/hearth/units/locale", test_locale);

  return g_test_run ();
}
