/* hearth-combine.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-combine"

#include "config.h"

#include "hearth-combine.h"

#include <math.h>
#include <string.h>

#include "hearth-profile-builder.h"
#include "hearth-profile-private.h"

/* Combining sums captures into one profile (a union call tree); scaling
 * multiplies every value, which is how per-frame averages are made. */

/**
 * _hearth_profile_intern_functions:
 *
 * Interns every function of @profile into @builder with the same identity
 * (and colour). For a fresh builder the ids stay the same.
 *
 * Returns: (transfer full): the new id of each of @profile's functions
 */
guint32 *
_hearth_profile_intern_functions (HearthProfileBuilder *builder,
                                  HearthProfile        *profile)
{
  guint32 *map = g_new (guint32, MAX (profile->n_functions, 1));

  for (guint f = 0; f < profile->n_functions; f++)
    {
      const HearthFunctionRec *rec = &profile->functions[f];

      map[f] = hearth_profile_builder_intern_function (builder, rec->kind, rec->name, rec->source,
                                                       rec->line, rec->group, rec->flags);
      if (rec->has_color)
        hearth_profile_builder_set_function_color (builder, map[f], rec->color);
    }

  return map;
}

/**
 * _hearth_profile_copy_info:
 * @keep_thread_nodes: keep the threads' tree-root nodes (the new tree has
 *   the same node ids); otherwise threads get %HEARTH_NO_INDEX
 *
 * Copies everything but the tree into @builder: metadata, session, warnings,
 * frames and threads.
 */
void
_hearth_profile_copy_info (HearthProfileBuilder *builder,
                           HearthProfile        *profile,
                           gboolean              keep_thread_nodes)
{
  GHashTableIter iter;
  gpointer key, value;

  hearth_profile_builder_set_format (builder, profile->format, profile->format_name);
  hearth_profile_builder_set_file_name (builder, profile->file_name);
  hearth_profile_builder_set_session (builder, profile->session_start_ms, profile->session_end_ms);
  hearth_profile_builder_set_session_ms (builder, profile->session_ms);
  hearth_profile_builder_set_capture_time_ms (builder, profile->capture_time_ms);
  hearth_profile_builder_set_place_id (builder, profile->place_id);
  hearth_profile_builder_set_mode (builder, profile->mode);
  hearth_profile_builder_set_approximate (builder, profile->approximate);
  hearth_profile_builder_set_n_sources (builder, profile->n_sources);
  hearth_profile_builder_set_normalisation (builder, profile->normalisation);

  for (guint i = 0; profile->warnings != NULL && profile->warnings[i] != NULL; i++)
    hearth_profile_builder_add_warning (builder, "%s", profile->warnings[i]);

  g_hash_table_iter_init (&iter, profile->metadata);
  while (g_hash_table_iter_next (&iter, &key, &value))
    hearth_profile_builder_set_metadata (builder, key, value);

  for (guint i = 0; i < profile->n_frames; i++)
    hearth_profile_builder_add_frame (builder, &profile->frames[i]);

  for (guint i = 0; i < profile->n_threads; i++)
    {
      const HearthThreadInfo *thread = &profile->threads[i];

      hearth_profile_builder_add_thread (builder, thread->name,
                                         keep_thread_nodes ? thread->node : HEARTH_NO_INDEX,
                                         thread->gpu, thread->clobbered);
    }
}

/**
 * _hearth_profile_copy_annotations:
 * @node: a node of @profile
 * @target: the builder node that stands for @node
 *
 * Adds @node's labels and counters to @target (summed with what is there).
 */
void
_hearth_profile_copy_annotations (HearthProfileBuilder *builder,
                                  HearthProfile        *profile,
                                  guint                 node,
                                  guint                 target)
{
  const HearthAnnotation *a;
  guint n;

  if (profile->annotation_offsets == NULL || target == HEARTH_NO_INDEX)
    return;

  a = hearth_profile_get_annotations (profile, node, &n);
  for (guint i = 0; i < n; i++)
    hearth_profile_builder_add_annotation (builder, target, a[i].kind, a[i].name, a[i].value);
}

typedef struct
{
  const char *name;
  guint32     node;
  gboolean    gpu;
  gboolean    clobbered;
} MergedThread;

static void
combine_metadata (HearthProfileBuilder  *builder,
                  HearthProfile * const *profiles,
                  guint                  n_profiles)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) place_ids = g_ptr_array_new ();
  gboolean common_place = TRUE;
  const char *mode = profiles[0]->mode;
  gboolean common_mode = TRUE;

  /* metadata that every input agrees on */
  g_hash_table_iter_init (&iter, profiles[0]->metadata);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gboolean common = TRUE;

      for (guint i = 1; i < n_profiles && common; i++)
        common = g_strcmp0 (g_hash_table_lookup (profiles[i]->metadata, key), value) == 0;
      if (common)
        hearth_profile_builder_set_metadata (builder, key, value);
    }

  for (guint i = 0; i < n_profiles; i++)
    {
      const char *place_id = profiles[i]->place_id;
      gboolean seen = FALSE;

      if (place_id == NULL || place_id[0] == '\0')
        {
          common_place = FALSE;
          continue;
        }
      for (guint j = 0; j < place_ids->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (place_ids, j), place_id);
      if (!seen)
        g_ptr_array_add (place_ids, (gpointer) place_id);
    }

  if (common_place && place_ids->len == 1)
    {
      hearth_profile_builder_set_place_id (builder, g_ptr_array_index (place_ids, 0));
    }
  else if (place_ids->len > 0)
    {
      g_autofree char *joined = NULL;

      g_ptr_array_add (place_ids, NULL);
      joined = g_strjoinv (",", (char **) place_ids->pdata);
      hearth_profile_builder_set_metadata (builder, "place-ids", joined);
    }

  for (guint i = 1; i < n_profiles; i++)
    common_mode = common_mode && g_strcmp0 (profiles[i]->mode, mode) == 0;
  if (common_mode)
    hearth_profile_builder_set_mode (builder, mode);
}

/**
 * hearth_profile_combine:
 * @profiles: (array length=n_profiles): the captures
 *
 * Sums captures into one profile: a union call tree whose nodes are matched by
 * the path of function identities, with every metric summed; frames
 * concatenated in input order; threads merged by name; session lengths and
 * source counts summed. A single profile is returned as it is.
 *
 * Returns: (transfer full): the combined profile
 */
HearthProfile *
hearth_profile_combine (HearthProfile * const *profiles,
                        guint                  n_profiles)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autoptr(GArray) threads = NULL;
  g_autofree char *format_name = NULL;
  const char *format;
  guint metrics = 0;
  guint n_sources = 0;
  double session_ms = 0;
  gint64 capture_time_ms = -1;
  gboolean approximate = FALSE;

  g_return_val_if_fail (profiles != NULL, NULL);
  g_return_val_if_fail (n_profiles > 0, NULL);
  for (guint i = 0; i < n_profiles; i++)
    g_return_val_if_fail (HEARTH_IS_PROFILE (profiles[i]), NULL);

  if (n_profiles == 1)
    return g_object_ref (profiles[0]);

  builder = hearth_profile_builder_new ();
  threads = g_array_new (FALSE, FALSE, sizeof (MergedThread));

  format = profiles[0]->format;
  for (guint i = 0; i < n_profiles; i++)
    {
      metrics |= profiles[i]->metrics;
      if (g_strcmp0 (profiles[i]->format, format) != 0)
        format = NULL;
    }
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (metrics & (1u << m))
      hearth_profile_builder_enable_metric (builder, m, HEARTH_VALUE_SELF);

  for (guint i = 0; i < n_profiles; i++)
    {
      HearthProfile *profile = profiles[i];
      const HearthCallTree *tree = &profile->tree;
      g_autofree guint32 *function_map = _hearth_profile_intern_functions (builder, profile);
      g_autofree guint32 *node_map = g_new (guint32, MAX (tree->n_nodes, 1));
      g_autofree char *display_name = hearth_profile_dup_display_name (profile);

      /* pre-order: a parent is always mapped before its children */
      node_map[0] = HEARTH_ROOT_NODE;
      for (guint n = 1; n < tree->n_nodes; n++)
        node_map[n] = hearth_profile_builder_get_child (builder, node_map[tree->parent[n]],
                                                        function_map[tree->function[n]]);

      /* Adding self values makes the inclusive values sums as well */
      for (guint m = 0; m < HEARTH_N_METRICS; m++)
        {
          if (tree->self[m] == NULL)
            continue;
          for (guint n = 0; n < tree->n_nodes; n++)
            if (tree->self[m][n] != 0)
              hearth_profile_builder_add_value (builder, node_map[n], m, tree->self[m][n]);
        }

      /* Labels and counters belong to a node like self values: matched
       * nodes sum them */
      for (guint n = 0; n < tree->n_nodes && profile->n_annotations > 0; n++)
        _hearth_profile_copy_annotations (builder, profile, n, node_map[n]);

      for (guint f = 0; f < profile->n_frames; f++)
        hearth_profile_builder_add_frame (builder, &profile->frames[f]);

      for (guint t = 0; t < profile->n_threads; t++)
        {
          const HearthThreadInfo *info = &profile->threads[t];
          guint32 node = info->node < tree->n_nodes ? node_map[info->node] : HEARTH_NO_INDEX;
          MergedThread *merged = NULL;

          for (guint j = 0; j < threads->len && merged == NULL; j++)
            if (g_strcmp0 (g_array_index (threads, MergedThread, j).name, info->name) == 0)
              merged = &g_array_index (threads, MergedThread, j);

          if (merged == NULL)
            {
              MergedThread new_thread = { info->name, node, info->gpu, info->clobbered };
              g_array_append_val (threads, new_thread);
            }
          else
            {
              if (merged->node == HEARTH_NO_INDEX)
                merged->node = node;
              merged->gpu = merged->gpu || info->gpu;
              merged->clobbered = merged->clobbered || info->clobbered;
            }
        }

      for (guint w = 0; profile->warnings != NULL && profile->warnings[w] != NULL; w++)
        hearth_profile_builder_add_warning (builder, "%s: %s", display_name, profile->warnings[w]);

      if (isfinite (profile->session_ms))
        session_ms += profile->session_ms;
      n_sources += profile->n_sources;
      approximate = approximate || profile->approximate;
      if (profile->capture_time_ms >= 0 &&
          (capture_time_ms < 0 || profile->capture_time_ms < capture_time_ms))
        capture_time_ms = profile->capture_time_ms;
    }

  for (guint j = 0; j < threads->len; j++)
    {
      const MergedThread *merged = &g_array_index (threads, MergedThread, j);

      hearth_profile_builder_add_thread (builder, merged->name, merged->node,
                                         merged->gpu, merged->clobbered);
    }

  format_name = g_strdup_printf ("%u captures", n_sources);
  hearth_profile_builder_set_format (builder, format != NULL ? format : "combined", format_name);
  hearth_profile_builder_set_file_name (builder, NULL);
  hearth_profile_builder_set_session_ms (builder, session_ms);
  hearth_profile_builder_set_capture_time_ms (builder, capture_time_ms);
  hearth_profile_builder_set_n_sources (builder, n_sources);
  hearth_profile_builder_set_approximate (builder, approximate);
  combine_metadata (builder, profiles, n_profiles);

  return hearth_profile_builder_finish (builder);
}

/**
 * hearth_profile_scale:
 * @factor: multiplies every metric value
 * @normalisation: (nullable): the label views show, e.g. "per 1 frame"
 *
 * Returns: (transfer full): a copy of @profile with every value of every
 *   metric (inclusive, self, per function) multiplied by @factor; frames and
 *   metadata are unchanged
 */
HearthProfile *
hearth_profile_scale (HearthProfile *profile,
                      double         factor,
                      const char    *normalisation)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autofree guint32 *function_map = NULL;
  const HearthCallTree *tree;
  HearthProfile *result;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (isfinite (factor), NULL);

  tree = &profile->tree;
  builder = hearth_profile_builder_new ();
  function_map = _hearth_profile_intern_functions (builder, profile);

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (profile->metrics & (1u << m))
      hearth_profile_builder_enable_metric (builder, m, HEARTH_VALUE_SELF);

  /* Adding the nodes in pre-order keeps every node id */
  for (guint n = 1; n < tree->n_nodes; n++)
    hearth_profile_builder_add_child (builder, tree->parent[n], function_map[tree->function[n]]);

  _hearth_profile_copy_info (builder, profile, TRUE);
  hearth_profile_builder_set_normalisation (builder, normalisation);

  /* Labels and counters are counts of what happened in the capture, not
   * rates: they are kept as they are (views say "in the whole capture"
   * next to them when the profile is normalised) */
  for (guint n = 0; n < tree->n_nodes && profile->n_annotations > 0; n++)
    _hearth_profile_copy_annotations (builder, profile, n, n);

  result = hearth_profile_builder_finish (builder);
  g_return_val_if_fail (result->tree.n_nodes == MAX (tree->n_nodes, 1), result);

  /* Copy the values over exactly rather than recomputing them, so clamped
   * self values of inclusive captures stay as they were */
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    {
      if (tree->total[m] == NULL || result->tree.total[m] == NULL)
        continue;

      for (guint n = 0; n < tree->n_nodes; n++)
        {
          result->tree.total[m][n] = tree->total[m][n] * factor;
          result->tree.self[m][n] = tree->self[m][n] * factor;
        }

      if (profile->function_total[m] == NULL || result->function_total[m] == NULL)
        continue;

      for (guint f = 0; f < profile->n_functions; f++)
        {
          result->function_total[m][function_map[f]] = profile->function_total[m][f] * factor;
          result->function_self[m][function_map[f]] = profile->function_self[m][f] * factor;
        }
    }

  return result;
}

/**
 * hearth_profile_per_frame:
 *
 * Returns: (transfer full) (nullable): @profile scaled by 1 / frames with
 *   the label "per 1 frame", or %NULL when it has no frames
 */
HearthProfile *
hearth_profile_per_frame (HearthProfile *profile)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (profile->n_frames == 0)
    return NULL;

  return hearth_profile_scale (profile, 1.0 / profile->n_frames, "per 1 frame");
}
