/* hearth-annotation-export.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-annotation-export"

#include "config.h"

#include "hearth-annotation-export.h"

#include "hearth-csv-writer.h"
#include "hearth-profile-private.h"

/**
 * hearth_annotation_kind_to_string:
 *
 * Returns: `label` or `counter`, as the CSV spells them
 */
const char *
hearth_annotation_kind_to_string (HearthAnnotationKind kind)
{
  switch (kind)
    {
    case HEARTH_ANNOTATION_LABEL:
      return "label";
    case HEARTH_ANNOTATION_COUNTER:
      return "counter";
    default:
      g_return_val_if_reached (NULL);
    }
}

typedef struct
{
  guint node;
} StackEntry;

/**
 * hearth_annotation_export_csv:
 * @separator: the field separator, e.g. ','
 *
 * The labels and counters of every node: `path,kind,name,value`, where
 * `path` is the `tree` table's path column (display names from the tree root
 * joined by `;`, a `;` inside a name written as `:`). Rows come in the
 * `tree` table's order (depth first, children by descending CPU time then
 * name), and within a node as hearth_profile_get_annotations() gives them
 * (labels, then counters; by value descending, then name). Values are
 * written like `calls`: integers without decimals. `<root>` has no row, as
 * in the tree table.
 *
 * Returns: (transfer full): the CSV text, only the header when the profile
 *   has no annotations
 */
char *
hearth_annotation_export_csv (HearthProfile *profile,
                              char           separator)
{
  g_autoptr(HearthCsvWriter) writer = NULL;
  g_autoptr(GArray) stack = NULL;
  const HearthCallTree *tree;
  const guint32 *offsets;
  StackEntry root = { 0 };

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  writer = hearth_csv_writer_new (separator);
  hearth_csv_writer_add_field (writer, "path");
  hearth_csv_writer_add_field (writer, "kind");
  hearth_csv_writer_add_field (writer, "name");
  hearth_csv_writer_add_field (writer, "value");
  hearth_csv_writer_end_row (writer);

  tree = hearth_profile_get_call_tree (profile);
  offsets = profile->annotation_offsets;
  if (offsets == NULL || tree->n_nodes == 0)
    return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));

  /* An explicit stack (deep call paths), visiting only subtrees that hold
   * annotations: a subtree n .. subtree_end[n]-1 is contiguous, and so are
   * its annotations */
  stack = g_array_new (FALSE, FALSE, sizeof (StackEntry));
  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      guint node = g_array_index (stack, StackEntry, stack->len - 1).node;
      g_autofree guint *children = NULL;
      guint n_children = 0;
      const HearthAnnotation *a;
      guint n;

      g_array_set_size (stack, stack->len - 1);

      a = hearth_profile_get_annotations (profile, node, &n);
      if (node != 0 && n > 0)
        {
          g_autofree char *path = hearth_profile_node_dup_path (profile, node, ";");

          for (guint i = 0; i < n; i++)
            {
              hearth_csv_writer_add_field (writer, path);
              hearth_csv_writer_add_field (writer, hearth_annotation_kind_to_string (a[i].kind));
              hearth_csv_writer_add_field (writer, a[i].name);
              hearth_csv_writer_add_number (writer, a[i].value, 0);
              hearth_csv_writer_end_row (writer);
            }
        }

      children = hearth_profile_node_dup_children_sorted (profile, node, HEARTH_METRIC_CPU_TIME, &n_children);
      /* pushed in reverse so that the first child is written first */
      for (guint i = n_children; i > 0; i--)
        {
          StackEntry child = { children[i - 1] };

          if (offsets[tree->subtree_end[child.node]] == offsets[child.node])
            continue;
          g_array_append_val (stack, child);
        }
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}
