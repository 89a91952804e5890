/* hearth-units.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-units"

#include "config.h"

#include "hearth-units.h"

#include <math.h>
#include <string.h>

#include "hearth-profile.h"

/**
 * hearth_average_get_window_ms:
 *
 * Returns: the length of the averaging window in ms, 0 for %HEARTH_AVERAGE_OFF
 */
double
hearth_average_get_window_ms (HearthAverage average)
{
  switch (average)
    {
    case HEARTH_AVERAGE_OFF:
      return 0;
    case HEARTH_AVERAGE_1S:
      return 1000;
    case HEARTH_AVERAGE_1MIN:
      return 60 * 1000;
    case HEARTH_AVERAGE_5MIN:
      return 5 * 60 * 1000;
    case HEARTH_AVERAGE_10MIN:
      return 10 * 60 * 1000;
    default:
      return 0;
    }
}

/**
 * hearth_average_get_factor:
 * @session_ms: the length of the captured session
 *
 * The Roblox Script Profiler "Average": values are extrapolated to the window,
 * value × window / session. The window may be longer than the session.
 *
 * Returns: the factor; 1.0 for %HEARTH_AVERAGE_OFF; NAN when averaging is on
 *   and @session_ms is not positive (the caller reports an error)
 */
double
hearth_average_get_factor (HearthAverage average,
                           double        session_ms)
{
  if (average == HEARTH_AVERAGE_OFF)
    return 1.0;
  if (!(session_ms > 0) || !isfinite (session_ms))
    return NAN;
  return hearth_average_get_window_ms (average) / session_ms;
}

static const char * const average_names[] = {
  [HEARTH_AVERAGE_OFF] = "off",
  [HEARTH_AVERAGE_1S] = "1s",
  [HEARTH_AVERAGE_1MIN] = "1min",
  [HEARTH_AVERAGE_5MIN] = "5min",
  [HEARTH_AVERAGE_10MIN] = "10min",
};

/**
 * hearth_average_to_string:
 *
 * Returns: "off", "1s", "1min", "5min" or "10min"
 */
const char *
hearth_average_to_string (HearthAverage average)
{
  if ((guint) average >= G_N_ELEMENTS (average_names))
    return NULL;
  return average_names[average];
}

/**
 * hearth_average_from_string:
 * @average: (out) (optional): the parsed value
 *
 * Returns: %TRUE when @str is one of the names hearth_average_to_string() returns
 */
gboolean
hearth_average_from_string (const char    *str,
                            HearthAverage *average)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (average_names); i++)
    {
      if (g_str_equal (str, average_names[i]))
        {
          if (average != NULL)
            *average = (HearthAverage) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * hearth_metric_value_to_display:
 * @value: the stored value (ns for time metrics)
 * @root_total: the `<root>` total of @metric, the base of percentages
 *
 * Returns: the value in the unit the user reads: ms for time metrics, the
 *   metric's own unit otherwise, or percent of @root_total (0 when it is 0)
 */
double
hearth_metric_value_to_display (HearthMetric metric,
                                double       value,
                                HearthUnit   unit,
                                double       root_total)
{
  if (unit == HEARTH_UNIT_PERCENT)
    {
      if (root_total == 0)
        return 0;
      return value / root_total * 100.0;
    }

  if (hearth_metric_is_time (metric))
    return value / 1e6;

  return value;
}

static gboolean
metric_is_bytes (HearthMetric metric)
{
  return metric == HEARTH_METRIC_ALLOC_BYTES || metric == HEARTH_METRIC_FREE_BYTES;
}

/**
 * hearth_format_ms:
 * @decimals: digits after the decimal point (clamped to 0..17)
 *
 * Returns: (transfer full): @ms with fixed decimals and a '.' whatever the locale
 */
char *
hearth_format_ms (double ms,
                  int    decimals)
{
  char format[16];
  char buf[512];

  decimals = CLAMP (decimals, 0, 17);
  if (!isfinite (ms))
    return g_strdup (isnan (ms) ? "nan" : (ms > 0 ? "inf" : "-inf"));

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, ms);

  /* "-0.000" reads as a sign error */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    return g_strdup (buf + 1);

  return g_strdup (buf);
}

/* IEC sizes as g_format_size_full (G_FORMAT_SIZE_IEC_UNITS) writes them in
 * the C locale ("1 byte", "100 bytes", "1.5 KiB"), but with '.' whatever the
 * locale and a sign for negative (difference) values. */
static char *
format_bytes (double bytes)
{
  static const char * const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
  double rounded = round (bytes);
  double magnitude = fabs (rounded);
  const char *sign = rounded < 0 ? "-" : "";
  g_autofree char *number = NULL;
  double factor = 1024.0;
  guint unit = 0;

  if (magnitude < 1024.0)
    return g_strdup_printf ("%s%.0f %s", sign, magnitude, magnitude == 1 ? "byte" : "bytes");

  while (unit + 1 < G_N_ELEMENTS (units) && magnitude >= factor * 1024.0)
    {
      factor *= 1024.0;
      unit++;
    }

  number = hearth_format_ms (magnitude / factor, 1);
  return g_strdup_printf ("%s%s %s", sign, number, units[unit]);
}

/**
 * hearth_format_value:
 * @value: the stored value (ns for time metrics)
 * @root_total: the base of percentages
 *
 * Formats a value as views show it: "12.345 ms" for time, "12.345%" for
 * percentages, "3" or "2.500" for counts, "1.5 KiB" for bytes (IEC units). Numbers use '.'
 * whatever the locale.
 *
 * Returns: (transfer full): the text
 */
char *
hearth_format_value (HearthMetric metric,
                     double       value,
                     HearthUnit   unit,
                     double       root_total)
{
  double display = hearth_metric_value_to_display (metric, value, unit, root_total);
  g_autofree char *number = NULL;

  if (!isfinite (display))
    return g_strdup ("—");

  if (unit == HEARTH_UNIT_PERCENT)
    {
      number = hearth_format_ms (display, 3);
      return g_strconcat (number, "%", NULL);
    }

  if (hearth_metric_is_time (metric))
    {
      number = hearth_format_ms (display, 3);
      return g_strconcat (number, " ms", NULL);
    }

  if (metric_is_bytes (metric))
    return format_bytes (display);

  if (display == floor (display) && fabs (display) < 1e15)
    return hearth_format_ms (display, 0);

  return hearth_format_ms (display, 3);
}

/**
 * hearth_format_session_duration:
 *
 * The Roblox Script Profiler header format `HH:MM:SS.mmmm`: hours, minutes
 * and seconds with four decimals (tenths of a millisecond).
 *
 * Returns: (transfer full): the text, "00:00:00.0000" for a negative or
 *   invalid duration
 */
char *
hearth_format_session_duration (double session_ms)
{
  gint64 ticks, hours, minutes, seconds, fraction;

  /* ticks of 0.1 ms */
  if (!isfinite (session_ms) || session_ms <= 0 || session_ms > 1e15)
    ticks = 0;
  else
    ticks = (gint64) llround (session_ms * 10.0);

  hours = ticks / (G_GINT64_CONSTANT (36000000));
  ticks -= hours * G_GINT64_CONSTANT (36000000);
  minutes = ticks / 600000;
  ticks -= minutes * 600000;
  seconds = ticks / 10000;
  fraction = ticks - seconds * 10000;

  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT ":%02" G_GINT64_FORMAT
                          ".%04" G_GINT64_FORMAT,
                          hours, minutes, seconds, fraction);
}
