/* hearth-annotation-text.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-annotation-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "hearth-annotation-text.h"
#include "hearth-csv-writer.h"

/* The lines tooltips show for a node's labels and counters
 * (#HearthAnnotation):
 *
 *   Labels: hello ×1, world ×3
 *   Allocs: 3
 *
 * Only a few labels are listed (the most frequent ones first), each cut to a
 * sane length: a capture may attach long or many texts. */

#define MAX_LISTED_LABELS 8
#define MAX_LABEL_CHARS   60

/**
 * hearth_annotation_text_is_partial:
 * @display_factor: the factor views multiply values by (per frame, average)
 *
 * Annotations are counts of the whole capture: they are neither filtered by
 * frame nor scaled. When the figures next to them are (a frame selection, a
 * per-frame or average view, a normalised profile), the text says so.
 *
 * Returns: whether the figures of @profile, shown with @display_factor,
 *   describe less (or other) than the whole capture
 */
gboolean
hearth_annotation_text_is_partial (HearthProfile *profile,
                                   double         display_factor)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), FALSE);

  return display_factor != 1.0 ||
         hearth_profile_get_metadata (profile, "frame-selection") != NULL ||
         hearth_profile_get_normalisation (profile) != NULL;
}

static const char *
display_name (const HearthAnnotation *a)
{
  if (a->kind == HEARTH_ANNOTATION_LABEL && g_strcmp0 (a->name, HEARTH_ANNOTATION_OTHER_LABELS) == 0)
    return _("(other labels)");
  if (a->kind == HEARTH_ANNOTATION_COUNTER && g_strcmp0 (a->name, HEARTH_ANNOTATION_OTHER_COUNTERS) == 0)
    return _("(other counters)");
  if (a->name == NULL || a->name[0] == '\0')
    return _("(empty)");
  return a->name;
}

static void
append_name (GString    *str,
             const char *name)
{
  const char *end = name;
  guint n = 0;

  /* one line, at most MAX_LABEL_CHARS characters */
  while (*end != '\0' && n < MAX_LABEL_CHARS)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  for (const char *p = name; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_iscntrl (c))
        g_string_append_c (str, ' ');
      else
        g_string_append_unichar (str, c);
    }
  if (*end != '\0')
    g_string_append (str, "…");
}

/* @a: sorted as hearth_profile_get_annotations() gives them */
static char *
dup_text (const HearthAnnotation *a,
          guint                   n,
          gboolean                whole_capture)
{
  GString *str;
  guint n_labels = 0;

  if (n == 0)
    return NULL;

  str = g_string_new (NULL);
  while (n_labels < n && a[n_labels].kind == HEARTH_ANNOTATION_LABEL)
    n_labels++;

  if (n_labels > 0)
    {
      g_string_append (str, g_dngettext (GETTEXT_PACKAGE, "Label:", "Labels:", n_labels));
      for (guint i = 0; i < MIN (n_labels, MAX_LISTED_LABELS); i++)
        {
          g_autofree char *value = hearth_format_number (a[i].value, 0);

          g_string_append (str, i == 0 ? " " : ", ");
          append_name (str, display_name (&a[i]));
          /* Translators: how many times a label was attached, e.g. "hello ×3" */
          g_string_append_printf (str, _(" ×%s"), value);
        }
      if (n_labels > MAX_LISTED_LABELS)
        {
          guint more = n_labels - MAX_LISTED_LABELS;

          g_string_append (str, ", ");
          g_string_append_printf (str, g_dngettext (GETTEXT_PACKAGE, "%u more", "%u more", more), more);
        }
    }

  for (guint i = n_labels; i < n; i++)
    {
      g_autofree char *value = hearth_format_number (a[i].value, 0);

      if (str->len > 0)
        g_string_append_c (str, '\n');
      append_name (str, display_name (&a[i]));
      g_string_append_printf (str, ": %s", value);
    }

  if (whole_capture)
    {
      g_string_append_c (str, '\n');
      g_string_append (str, _("(labels and counters of the whole capture)"));
    }

  return g_string_free (str, FALSE);
}

/**
 * hearth_annotation_text_dup_node:
 * @whole_capture: add a line saying that the counts are the whole capture's
 *   (see hearth_annotation_text_is_partial())
 *
 * Costs nothing for a node without annotations.
 *
 * Returns: (transfer full) (nullable): the lines for @node's own labels and
 *   counters, %NULL when it has none
 */
char *
hearth_annotation_text_dup_node (HearthProfile *profile,
                                 guint          node,
                                 gboolean       whole_capture)
{
  const HearthAnnotation *a;
  guint n;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (!hearth_profile_has_annotations (profile) || node >= hearth_profile_get_n_nodes (profile))
    return NULL;

  a = hearth_profile_get_annotations (profile, node, &n);
  return dup_text (a, n, whole_capture);
}

/* Per-function sums, computed once per profile (profiles are immutable) */

typedef struct
{
  guint             n_functions;
  guint32          *offsets;      /* n_functions + 1 */
  HearthAnnotation *entries;      /* `node` holds the function */
} FunctionAnnotations;

static void
function_annotations_free (gpointer data)
{
  FunctionAnnotations *fa = data;

  g_free (fa->offsets);
  g_free (fa->entries);
  g_free (fa);
}

static guint
entry_hash (gconstpointer data)
{
  const HearthAnnotation *e = data;

  /* names are interned in the profile: the pointer identifies the text */
  return g_direct_hash (e->name) ^ (e->node * 2u + e->kind);
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const HearthAnnotation *x = a;
  const HearthAnnotation *y = b;

  return x->node == y->node && x->kind == y->kind && x->name == y->name;
}

static FunctionAnnotations *
function_annotations_new (HearthProfile *profile)
{
  FunctionAnnotations *fa = g_new0 (FunctionAnnotations, 1);
  g_autoptr(GHashTable) index = g_hash_table_new_full (entry_hash, entry_equal, g_free, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (HearthAnnotation));
  guint n_nodes = hearth_profile_get_n_nodes (profile);
  HearthAnnotation *e;

  fa->n_functions = hearth_profile_get_n_functions (profile);
  for (guint node = 0; node < n_nodes; node++)
    {
      guint n;
      const HearthAnnotation *a = hearth_profile_get_annotations (profile, node, &n);
      guint32 function = hearth_profile_node_get_function (profile, node);

      for (guint i = 0; i < n; i++)
        {
          HearthAnnotation key = { function, a[i].kind, a[i].name, 0 };
          gpointer found = g_hash_table_lookup (index, &key);

          if (found == NULL)
            {
              g_array_append_val (entries, key);
              found = GUINT_TO_POINTER (entries->len);
              g_hash_table_insert (index, g_memdup2 (&key, sizeof key), found);
            }
          g_array_index (entries, HearthAnnotation, GPOINTER_TO_UINT (found) - 1).value += a[i].value;
        }
    }

  qsort (entries->data, entries->len, sizeof (HearthAnnotation), hearth_annotation_compare);
  fa->offsets = g_new0 (guint32, (gsize) fa->n_functions + 1);
  e = (HearthAnnotation *) (gpointer) entries->data;
  for (guint i = 0; i < entries->len; i++)
    if (e[i].node < fa->n_functions)
      fa->offsets[e[i].node + 1]++;
  for (guint f = 0; f < fa->n_functions; f++)
    fa->offsets[f + 1] += fa->offsets[f];
  fa->entries = (HearthAnnotation *) (gpointer) g_array_free (g_steal_pointer (&entries), FALSE);

  return fa;
}

/**
 * hearth_annotation_text_dup_function:
 *
 * Like hearth_annotation_text_dup_node() for all nodes of @function summed
 * (the Functions view). The first call on a profile with annotations sums
 * them all once; it costs nothing for a profile without any.
 *
 * Returns: (transfer full) (nullable): the lines, %NULL when @function has
 *   no annotations
 */
char *
hearth_annotation_text_dup_function (HearthProfile *profile,
                                     guint          function,
                                     gboolean       whole_capture)
{
  FunctionAnnotations *fa;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (!hearth_profile_has_annotations (profile))
    return NULL;

  fa = g_object_get_data (G_OBJECT (profile), "hearth-function-annotations");
  if (fa == NULL)
    {
      fa = function_annotations_new (profile);
      g_object_set_data_full (G_OBJECT (profile), "hearth-function-annotations", fa,
                              function_annotations_free);
    }

  if (function >= fa->n_functions)
    return NULL;

  return dup_text (fa->entries + fa->offsets[function],
                   fa->offsets[function + 1] - fa->offsets[function], whole_capture);
}
