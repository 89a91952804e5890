/* hearth-bottom-up.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-bottom-up"

#include "config.h"

#include "hearth-bottom-up.h"

#include "hearth-combine.h"
#include "hearth-profile-builder.h"
#include "hearth-profile-private.h"

/**
 * hearth_profile_bottom_up:
 *
 * The inverted (callers) tree, as Sysprof shows it. Its tree roots are the
 * functions that have self values anywhere, one per function; below each come
 * its callers, recursively, up to the original tree roots (so a category or
 * thread label is the deepest level). For every node with self values, the
 * reversed path from it up to its depth-1 ancestor is created (or merged) and
 * the node's self values are added at the end of that path: the inclusive
 * value of an inverted node is the self time that flows through that chain of
 * callers. The `<root>` total is preserved.
 *
 * Functions keep their ids; metadata, frames and warnings are kept; threads
 * lose their nodes.
 *
 * Returns: (transfer full): the bottom-up profile
 */
HearthProfile *
hearth_profile_bottom_up (HearthProfile *profile)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autofree guint32 *function_map = NULL;
  const HearthCallTree *tree;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  tree = &profile->tree;
  builder = hearth_profile_builder_new ();
  function_map = _hearth_profile_intern_functions (builder, profile);

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (profile->metrics & (1u << m))
      hearth_profile_builder_enable_metric (builder, m, HEARTH_VALUE_SELF);

  for (guint n = 0; n < tree->n_nodes; n++)
    {
      gboolean has_self = FALSE;
      guint target = HEARTH_ROOT_NODE;
      guint first = HEARTH_NO_INDEX;

      for (guint m = 0; m < HEARTH_N_METRICS && !has_self; m++)
        has_self = tree->self[m] != NULL && tree->self[m][n] != 0;
      if (!has_self)
        continue;

      /* `<root>` keeps its own self value; any other node becomes the
       * reversed path node → parent → … → tree root */
      for (guint32 a = n; a != 0 && a != HEARTH_NO_INDEX; a = tree->parent[a])
        {
          target = hearth_profile_builder_get_child (builder, target, function_map[tree->function[a]]);
          if (first == HEARTH_NO_INDEX)
            first = target;
        }

      /* Labels and counters belong to the node's own scope: they go to the
       * inverted tree root of its function (which merges every node of that
       * function), not to the callers below it. Nodes without self values
       * have no place in the inverted tree and keep theirs out of it. */
      _hearth_profile_copy_annotations (builder, profile, n, first);

      for (guint m = 0; m < HEARTH_N_METRICS; m++)
        if (tree->self[m] != NULL && tree->self[m][n] != 0)
          hearth_profile_builder_add_value (builder, target, m, tree->self[m][n]);
    }

  _hearth_profile_copy_info (builder, profile, FALSE);

  return hearth_profile_builder_finish (builder);
}
