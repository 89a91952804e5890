/* hearth-folded-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-folded-reader"

#include "config.h"

#include <string.h>

#include "hearth-folded-reader.h"
#include "hearth-profile-builder.h"

/* Folded ("collapsed") stacks, docs/formats/interchange.md §1:
 *
 *   frame;frame;...;leaf<whitespace><count>
 *
 * Frames root first, the count after the last run of spaces/tabs (integer or
 * decimal), repeated stacks add up. The unit is unknown: counts are stored as
 * HEARTH_METRIC_CALLS ("samples") unless the caller names a time unit. */

#define SNIFF_WINDOW (64 * 1024)

/* Finds `[ \t]\d+(\.\d*)?` at the end of s[0..len). Returns the index where
 * the number starts (after the whitespace), or -1. */
static gssize
trailing_number (const char *s,
                 gsize       len)
{
  gsize j = len;
  gsize digits_after;

  while (j > 0 && g_ascii_isdigit (s[j - 1]))
    j--;
  digits_after = len - j;

  if (j > 0 && s[j - 1] == '.')
    {
      gsize k = j - 1;

      while (k > 0 && g_ascii_isdigit (s[k - 1]))
        k--;
      if (k == j - 1)
        return -1;
      j = k;
    }
  else if (digits_after == 0)
    {
      return -1;
    }

  if (j == 0 || (s[j - 1] != ' ' && s[j - 1] != '\t'))
    return -1;
  return (gssize) j;
}

/* ASCII white space, vertical tab included (g_ascii_isspace() leaves it
 * out; the folded writer turns it into a space) */
static inline gboolean
is_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static gsize
trim_trailing (const char *s,
               gsize       len)
{
  while (len > 0 && is_space (s[len - 1]))
    len--;
  return len;
}

/* Converts UTF-16 with a BOM; returns NULL (and @bad_offset) on failure,
 * or NULL with @bad_offset = -1 when the data has no UTF-16 BOM */
static char *
convert_utf16 (const guint8 *data,
               gsize         length,
               gboolean      partial_ok,
               gsize        *out_len,
               gssize       *bad_offset)
{
  const char *charset;
  g_autoptr(GError) error = NULL;
  gsize bytes_read = 0;
  gsize n;
  char *text;

  *bad_offset = -1;
  if (length >= 2 && data[0] == 0xff && data[1] == 0xfe)
    charset = "UTF-16LE";
  else if (length >= 2 && data[0] == 0xfe && data[1] == 0xff)
    charset = "UTF-16BE";
  else
    return NULL;

  n = (length - 2) & ~(gsize) 1;
  text = g_convert ((const char *) data + 2, n, "UTF-8", charset, &bytes_read, out_len, &error);
  if (text == NULL && partial_ok && bytes_read > 0)
    text = g_convert ((const char *) data + 2, bytes_read, "UTF-8", charset, NULL, out_len, NULL);
  if (text == NULL)
    *bad_offset = (gssize) bytes_read + 2;
  return text;
}

/**
 * hearth_folded_sniff:
 *
 * interchange.md §1.2: at least one non-empty line, and at least 90 % of the
 * non-empty lines match `^\S.*[ \t]\d+(\.\d*)?$`. Looks at the first 64 KiB
 * (whole lines only). Call it only after every specific format declined.
 */
gboolean
hearth_folded_sniff (const guint8 *data,
                     gsize         length)
{
  g_autofree char *converted = NULL;
  const char *text;
  gsize len;
  gssize bad;
  gsize pos = 0;
  guint n_lines = 0, n_match = 0;

  if (data == NULL || length == 0)
    return FALSE;

  converted = convert_utf16 (data, MIN (length, SNIFF_WINDOW), TRUE, &len, &bad);
  if (converted != NULL)
    {
      text = converted;
      if (length > SNIFF_WINDOW)
        {
          const char *nl = g_strrstr_len (text, len, "\n");
          len = nl != NULL ? (gsize) (nl - text) : len;
        }
    }
  else
    {
      if (bad >= 0)
        return FALSE;
      text = (const char *) data;
      len = MIN (length, SNIFF_WINDOW);
      if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
        pos = 3;
      if (length > SNIFF_WINDOW)
        {
          const char *nl = NULL;

          for (gsize k = len; k > 0 && nl == NULL; k--)
            if (text[k - 1] == '\n')
              nl = text + k - 1;
          len = nl != NULL ? (gsize) (nl - text) : len;
        }
    }

  while (pos < len)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', len - pos);
      gsize line_len = nl != NULL ? (gsize) (nl - line) : len - pos;
      gssize num;
      gsize lead = 0;

      pos += line_len + 1;
      line_len = trim_trailing (line, line_len);
      while (lead < line_len && (line[lead] == ' ' || line[lead] == '\t'))
        lead++;
      if (lead == line_len)
        continue;

      n_lines++;
      if (memchr (line, '\0', line_len) != NULL)
        continue;
      num = trailing_number (line, line_len);
      if (num >= 2 && line[0] != ' ' && line[0] != '\t')
        n_match++;
    }

  return n_lines > 0 && n_match * 10 >= n_lines * 9;
}

static gboolean
unit_scale (const char *unit,
            HearthMetric *metric,
            double       *scale)
{
  static const struct { const char *name; double scale; } units[] = {
    { "ns", 1 }, { "us", 1e3 }, { "µs", 1e3 }, { "ms", 1e6 }, { "s", 1e9 },
  };

  if (unit == NULL || unit[0] == '\0' || g_str_equal (unit, "samples") || g_str_equal (unit, "calls"))
    {
      *metric = HEARTH_METRIC_CALLS;
      *scale = 1;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    if (g_str_equal (unit, units[i].name))
      {
        *metric = HEARTH_METRIC_CPU_TIME;
        *scale = units[i].scale;
        return TRUE;
      }
  return FALSE;
}

/**
 * hearth_folded_read_with_unit:
 * @unit: (nullable): %NULL or "samples" (the default: counts are stored as
 *   %HEARTH_METRIC_CALLS), or a time unit the user picked: "ns", "us", "ms",
 *   "s" (counts become %HEARTH_METRIC_CPU_TIME)
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_folded_read_with_unit (const HearthImportSource  *source,
                              const char                *unit,
                              GError                   **error)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GString) frame = g_string_new (NULL);
  const char *text;
  gsize len;
  gssize bad;
  gsize pos = 0;
  guint lineno = 0;
  guint n_valid = 0, n_skipped = 0, first_skipped = 0;
  gboolean differential = FALSE, empty_frames = FALSE;
  HearthMetric metric;
  double scale;

  g_return_val_if_fail (source != NULL, NULL);

  if (!unit_scale (unit, &metric, &scale))
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                               "unknown unit '%s' (expected samples, ns, us, ms or s)", unit);
      return NULL;
    }

  if (source->length == 0)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_EMPTY, "the file is empty");
      return NULL;
    }

  converted = convert_utf16 (source->data, source->length, FALSE, &len, &bad);
  if (converted != NULL)
    {
      text = converted;
    }
  else if (bad >= 0)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                               "invalid UTF-16 text at byte offset %" G_GSSIZE_FORMAT, bad);
      return NULL;
    }
  else
    {
      text = (const char *) source->data;
      len = source->length;
      if (len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
        pos = 3;
    }

  builder = hearth_profile_builder_new ();
  hearth_profile_builder_enable_metric (builder, metric, HEARTH_VALUE_SELF);

  while (pos < len)
    {
      const char *line = text + pos;
      const char *nl = memchr (line, '\n', len - pos);
      gsize line_len = nl != NULL ? (gsize) (nl - line) : len - pos;
      g_autofree char *valid = NULL;
      g_autofree char *num_text = NULL;
      gsize lead, stack_len;
      gssize num;
      double count;
      guint node;
      const char *p, *end;

      pos += line_len + 1;
      lineno++;

      if ((lineno & 0xffff) == 0)
        {
          hearth_import_source_progress (source, (double) pos / len);
          if (g_cancellable_set_error_if_cancelled (source->cancellable, error))
            {
              g_prefix_error (error, "%s: ", source->display_name);
              return NULL;
            }
        }

      line_len = trim_trailing (line, line_len);
      lead = 0;
      while (lead < line_len && is_space (line[lead]))
        lead++;
      if (lead == line_len)
        continue;   /* blank */

      line += lead;
      line_len -= lead;

      num = (memchr (line, '\0', line_len) == NULL) ? trailing_number (line, line_len) : -1;
      if (num < 0)
        goto skip;

      num_text = g_strndup (line + num, line_len - num);
      count = g_ascii_strtod (num_text, NULL);
      stack_len = trim_trailing (line, (gsize) num);

      /* differential (difffolded.pl): "stack c1 c2", use the last count */
      {
        gssize first = trailing_number (line, stack_len);

        if (first > 0 && trim_trailing (line, (gsize) first) > 0)
          {
            differential = TRUE;
            stack_len = trim_trailing (line, (gsize) first);
          }
      }

      if (stack_len == 0)
        goto skip;

      valid = g_utf8_make_valid (line, stack_len);
      node = HEARTH_ROOT_NODE;
      p = valid;
      end = valid + strlen (valid);
      for (;;)
        {
          const char *semi = memchr (p, ';', end - p);
          const char *frame_end = semi != NULL ? semi : end;
          guint fn;

          g_string_truncate (frame, 0);
          g_string_append_len (frame, p, frame_end - p);
          if (frame->len == 0)
            empty_frames = TRUE;

          fn = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_FUNCTION,
                                                       frame->str, NULL, 0, NULL, 0);
          node = hearth_profile_builder_get_child (builder, node, fn);

          if (semi == NULL)
            break;
          p = semi + 1;
        }

      hearth_profile_builder_add_value (builder, node, metric, count * scale);
      n_valid++;
      continue;

    skip:
      if (n_skipped++ == 0)
        first_skipped = lineno;
    }

  if (n_valid == 0)
    {
      if (n_skipped > 0)
        hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_NO_DATA,
                                 "no valid folded stack lines (%u %s skipped, first at line %u)",
                                 n_skipped, n_skipped == 1 ? "line" : "lines", first_skipped);
      else
        hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_NO_DATA,
                                 "no folded stack lines");
      return NULL;
    }

  if (n_skipped > 0)
    hearth_profile_builder_add_warning (builder, "%u %s skipped, first at line %u",
                                        n_skipped, n_skipped == 1 ? "line" : "lines", first_skipped);
  if (empty_frames)
    hearth_profile_builder_add_warning (builder,
                                        "empty frame names (between ';;') were kept as empty frames");
  if (differential)
    {
      hearth_profile_builder_add_warning (builder,
                                          "differential folded stacks (two counts per line): "
                                          "using the second count");
      hearth_profile_builder_set_metadata (builder, "differential", "true");
    }

  hearth_profile_builder_set_format (builder, "folded", "Folded stacks");
  hearth_profile_builder_set_file_name (builder, source->path ? source->path : source->display_name);
  hearth_profile_builder_set_metadata (builder, "unit", metric == HEARTH_METRIC_CALLS ? "samples" : unit);

  return hearth_profile_builder_finish (builder);
}

/**
 * hearth_folded_read:
 *
 * Reads folded stacks; counts are samples (%HEARTH_METRIC_CALLS).
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_folded_read (const HearthImportSource  *source,
                    GError                   **error)
{
  return hearth_folded_read_with_unit (source, NULL, error);
}
