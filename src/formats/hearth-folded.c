/* hearth-folded.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-folded"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-folded.h"
#include "hearth-profile.h"

/* Folded ("collapsed") stacks export, docs/formats/interchange.md §1.3. */

/* The frame text of a function: its display name with ';' written as ':',
 * tabs and line breaks as spaces, trailing whitespace trimmed, and invalid
 * UTF-8 repaired. */
static char *
dup_frame_name (HearthProfile *profile,
                guint          function)
{
  g_autofree char *display = hearth_profile_function_dup_display_name (profile, function);
  char *name;
  gsize len;

  if (!g_utf8_validate (display, -1, NULL))
    name = g_utf8_make_valid (display, -1);
  else
    name = g_steal_pointer (&display);

  for (char *p = name; *p != '\0'; p++)
    {
      if (*p == ';')
        *p = ':';
      else if (*p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f')
        *p = ' ';
    }

  len = strlen (name);
  while (len > 0 && g_ascii_isspace (name[len - 1]))
    name[--len] = '\0';

  return name;
}

/**
 * hearth_folded_write:
 * @metric: which metric weighs the stacks
 *
 * One line per tree node whose self value is > 0: the display names from
 * the tree root (the category, thread or stack label is the first frame)
 * down to the node, joined by `;`, one space, and the integer weight. Time
 * metrics are written in microseconds, rounded half away from zero; lines
 * that round to 0 are left out. Lines come in depth-first tree order.
 *
 * Returns: (transfer full): the text ("" when no node has a weight)
 */
char *
hearth_folded_write (HearthProfile *profile,
                     HearthMetric   metric)
{
  const HearthCallTree *tree;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree gsize *prefix_len = NULL;
  char **names;
  guint n_functions;
  gboolean is_time;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  out = g_string_new (NULL);
  if (!hearth_profile_has_metric (profile, metric))
    return g_string_free (g_steal_pointer (&out), FALSE);

  tree = hearth_profile_get_call_tree (profile);
  if (tree->self[metric] == NULL)
    return g_string_free (g_steal_pointer (&out), FALSE);

  is_time = hearth_metric_is_time (metric);
  n_functions = hearth_profile_get_n_functions (profile);
  names = g_new0 (char *, n_functions + 1);
  path = g_string_new (NULL);
  prefix_len = g_new0 (gsize, tree->n_nodes + 1);

  /* Pre-order: the path of node i is the path of its parent plus its own
   * frame, and the parent's path is a prefix of the current buffer. */
  for (guint i = 1; i < tree->n_nodes; i++)
    {
      guint depth = tree->depth[i];
      guint function = tree->function[i];
      double value = tree->self[metric][i];
      char number[400];   /* "%.0f" of any double fits */

      g_assert (depth >= 1 && depth <= tree->n_nodes);
      g_string_truncate (path, prefix_len[depth - 1]);
      if (depth > 1)
        g_string_append_c (path, ';');
      if (names[function] == NULL)
        names[function] = dup_frame_name (profile, function);
      g_string_append (path, names[function]);
      prefix_len[depth] = path->len;

      if (!isfinite (value) || value <= 0)
        continue;
      if (is_time)
        value /= 1000.0;   /* ns → µs */
      value = round (value);  /* half away from zero */
      if (value <= 0)
        continue;

      g_string_append_len (out, path->str, path->len);
      g_string_append_c (out, ' ');
      g_string_append (out, g_ascii_formatd (number, sizeof number, "%.0f", value));
      g_string_append_c (out, '\n');
    }

  /* sparse: g_strfreev() would stop at the first unused slot */
  for (guint f = 0; f < n_functions; f++)
    g_free (names[f]);
  g_free (names);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
