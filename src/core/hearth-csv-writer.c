/* hearth-csv-writer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-csv-writer"

#include "config.h"

#include "hearth-csv-writer.h"

#include <math.h>
#include <string.h>

/* Builds CSV (RFC 4180) or TSV text in memory, row by row. Numbers are
 * written with '.' whatever the locale, so files read back the same
 * everywhere. */

struct _HearthCsvWriter
{
  GString  *str;
  char      separator;
  gboolean  in_row;
};

/**
 * hearth_csv_writer_new:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * Returns: (transfer full): a new writer
 */
HearthCsvWriter *
hearth_csv_writer_new (char separator)
{
  HearthCsvWriter *self = g_new0 (HearthCsvWriter, 1);

  self->str = g_string_new (NULL);
  self->separator = separator != '\0' ? separator : ',';

  return self;
}

void
hearth_csv_writer_free (HearthCsvWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->str, TRUE);
  g_free (self);
}

static void
begin_field (HearthCsvWriter *self)
{
  if (self->in_row)
    g_string_append_c (self->str, self->separator);
  self->in_row = TRUE;
}

/**
 * hearth_csv_writer_add_field:
 * @field: (nullable): the text; %NULL writes an empty field
 *
 * Quotes the field when it contains the separator, a double quote, CR or LF,
 * doubling the quotes inside.
 */
void
hearth_csv_writer_add_field (HearthCsvWriter *self,
                             const char      *field)
{
  char special[5] = { '"', '\r', '\n', '\0', '\0' };

  g_return_if_fail (self != NULL);

  begin_field (self);
  if (field == NULL || field[0] == '\0')
    return;

  special[3] = self->separator;
  if (strpbrk (field, special) == NULL)
    {
      g_string_append (self->str, field);
      return;
    }

  g_string_append_c (self->str, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (self->str, '"');
      g_string_append_c (self->str, *p);
    }
  g_string_append_c (self->str, '"');
}

/**
 * hearth_format_number:
 * @min_decimals: decimals always written (0..17)
 *
 * Writes @value with up to six decimals (more when @min_decimals asks), trims
 * trailing zeros down to @min_decimals, writes -0 as 0 and uses '.' whatever
 * the locale: 6.0 with 3 gives "6.000", 0.0001234 gives "0.000123".
 *
 * Returns: (transfer full): the text, "" for NaN and infinities
 */
char *
hearth_format_number (double value,
                      int    min_decimals)
{
  char format[16];
  char buf[512];
  char *dot;
  char *end;
  int decimals;

  if (!isfinite (value))
    return g_strdup ("");

  min_decimals = CLAMP (min_decimals, 0, 17);
  decimals = MAX (6, min_decimals);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);

  dot = strchr (buf, '.');
  if (dot != NULL)
    {
      char *keep = dot + min_decimals;   /* last character that must stay */

      end = buf + strlen (buf);
      while (end - 1 > keep && end[-1] == '0')
        end--;
      if (end - 1 == dot)
        end--;              /* no decimals left: drop the point */
      *end = '\0';
    }

  /* -0, -0.000: no sign */
  if (buf[0] == '-' && strspn (buf + 1, "0.") == strlen (buf + 1))
    return g_strdup (buf + 1);

  return g_strdup (buf);
}

/**
 * hearth_csv_writer_add_number:
 * @min_decimals: see hearth_format_number()
 *
 * Adds a number field; NaN and infinities give an empty field.
 */
void
hearth_csv_writer_add_number (HearthCsvWriter *self,
                              double           value,
                              int              min_decimals)
{
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);

  text = hearth_format_number (value, min_decimals);
  begin_field (self);
  g_string_append (self->str, text);
}

void
hearth_csv_writer_add_int (HearthCsvWriter *self,
                           gint64           value)
{
  g_return_if_fail (self != NULL);

  begin_field (self);
  g_string_append_printf (self->str, "%" G_GINT64_FORMAT, value);
}

void
hearth_csv_writer_add_empty (HearthCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_field (self);
}

/**
 * hearth_csv_writer_end_row:
 *
 * Ends the current row with "\n" (an empty row is written as an empty line).
 */
void
hearth_csv_writer_end_row (HearthCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append_c (self->str, '\n');
  self->in_row = FALSE;
}

/**
 * hearth_csv_writer_peek:
 *
 * Returns: (transfer none): the text written so far
 */
const char *
hearth_csv_writer_peek (HearthCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->str->str;
}

/**
 * hearth_csv_writer_free_to_string:
 *
 * Frees the writer and returns its text.
 *
 * Returns: (transfer full): the text
 */
char *
hearth_csv_writer_free_to_string (HearthCsvWriter *self)
{
  char *ret;

  g_return_val_if_fail (self != NULL, NULL);

  ret = g_string_free (self->str, FALSE);
  g_free (self);
  return ret;
}
