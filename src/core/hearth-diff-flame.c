/* hearth-diff-flame.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-diff-flame"

#include "config.h"

#include "hearth-diff-flame.h"

#include <string.h>

#include "hearth-profile-builder.h"

/* The diff flame graph is the ordinary flame graph drawn from a profile
 * shaped like the diff's union tree (same node ids), with a colour hook. */

static const HearthMetric flame_metrics[] = {
  HEARTH_METRIC_CPU_TIME,
  HEARTH_METRIC_ALLOC_COUNT,
  HEARTH_METRIC_ALLOC_BYTES,
};

/**
 * hearth_diff_dup_flame_profile:
 *
 * A profile with the diff's union tree (node n of the profile is node n of
 * the diff) whose inclusive values are max (Left, Right), raised where
 * needed so that the children fit in their parent (a node whose children
 * grew on different sides), for CPU time and the allocation metrics.
 *
 * Returns: (transfer full): the profile to lay out
 */
HearthProfile *
hearth_diff_dup_flame_profile (HearthDiff *diff)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autofree double *child_sum = NULL;
  g_autofree double *self_values = NULL;
  HearthProfile *left, *right;
  HearthProfile *result;
  guint n_nodes;

  g_return_val_if_fail (diff != NULL, NULL);

  left = hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_LEFT);
  right = hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_RIGHT);
  n_nodes = hearth_diff_get_n_nodes (diff);
  builder = hearth_profile_builder_new ();
  hearth_profile_builder_set_format (builder, "diff", "Comparison");
  hearth_profile_builder_set_normalisation (builder, hearth_diff_get_normalisation_label (diff));

  for (guint n = 1; n < n_nodes; n++)
    {
      HearthDiffSide side = hearth_diff_node_get_present (diff, n, HEARTH_DIFF_SIDE_LEFT)
        ? HEARTH_DIFF_SIDE_LEFT : HEARTH_DIFF_SIDE_RIGHT;
      HearthProfile *p = side == HEARTH_DIFF_SIDE_LEFT ? left : right;
      guint f = hearth_profile_node_get_function (p, hearth_diff_node_get_side_node (diff, n, side));
      guint32 rgb;
      guint id;

      id = hearth_profile_builder_intern_function (builder,
                                                   hearth_profile_function_get_kind (p, f),
                                                   hearth_profile_function_get_name (p, f),
                                                   hearth_profile_function_get_source (p, f),
                                                   hearth_profile_function_get_line (p, f),
                                                   hearth_profile_function_get_group (p, f),
                                                   hearth_profile_function_get_flags (p, f));
      if (hearth_profile_function_get_color (p, f, &rgb))
        hearth_profile_builder_set_function_color (builder, id, rgb);
      hearth_profile_builder_add_child (builder, hearth_diff_node_get_parent (diff, n), id);
    }

  child_sum = g_new (double, MAX (n_nodes, 1));
  self_values = g_new (double, MAX (n_nodes, 1));
  for (guint m = 0; m < G_N_ELEMENTS (flame_metrics); m++)
    {
      HearthMetric metric = flame_metrics[m];

      if (!hearth_profile_has_metric (left, metric) && !hearth_profile_has_metric (right, metric))
        continue;

      hearth_profile_builder_enable_metric (builder, metric, HEARTH_VALUE_SELF);
      memset (child_sum, 0, sizeof (double) * n_nodes);

      /* reverse pre-order: children before parents */
      for (guint i = n_nodes; i > 0; i--)
        {
          guint n = i - 1;
          double value = MAX (hearth_diff_node_get_total (diff, n, HEARTH_DIFF_SIDE_LEFT, metric),
                              hearth_diff_node_get_total (diff, n, HEARTH_DIFF_SIDE_RIGHT, metric));

          value = MAX (value, child_sum[n]);
          self_values[n] = value - child_sum[n];
          if (n > 0)
            child_sum[hearth_diff_node_get_parent (diff, n)] += value;
        }

      for (guint n = 0; n < n_nodes; n++)
        if (self_values[n] > 0)
          hearth_profile_builder_add_value (builder, n, metric, self_values[n]);
    }

  result = hearth_profile_builder_finish (builder);

  /* node ids are the diff's: nodes were added in pre-order */
  g_warn_if_fail (hearth_profile_get_n_nodes (result) == MAX (n_nodes, 1));

  return result;
}

/**
 * hearth_diff_flame_color_func:
 * @user_data: a #HearthDiffColoring
 *
 * A #HearthFlameColorFunc: hearth_diff_classify() then
 * hearth_diff_get_color(); one-sided nodes are hatched.
 */
gboolean
hearth_diff_flame_color_func (guint     node,
                              gboolean  dark,
                              double    fill[4],
                              gboolean *hatch,
                              gpointer  user_data)
{
  const HearthDiffColoring *coloring = user_data;
  HearthDiffClass klass;
  double intensity = 0;

  if (coloring == NULL || coloring->diff == NULL || node >= hearth_diff_get_n_nodes (coloring->diff))
    return FALSE;

  klass = hearth_diff_classify (coloring->diff, node, coloring->metric, coloring->mode,
                                coloring->low, coloring->high, coloring->noise, &intensity);
  hearth_diff_get_color (klass, intensity, coloring->palette, dark, fill);
  fill[3] = 1;
  if (hatch != NULL)
    *hatch = klass == HEARTH_DIFF_CLASS_ONLY_LEFT || klass == HEARTH_DIFF_CLASS_ONLY_RIGHT;

  return TRUE;
}

/**
 * hearth_diff_export_flame:
 * @options: width, metric, root position, dark, search (the direction is
 *   ignored: the diff is drawn top-down)
 * @file: an `.svg` or `.png` file
 *
 * Renders the diff flame graph, the picture of `hearth-cli flamegraph
 * --left … --right …`. The metric of @coloring wins over the one of
 * @options.
 *
 * Returns: %TRUE on success
 */
gboolean
hearth_diff_export_flame (HearthDiff                     *diff,
                          const HearthDiffColoring       *coloring,
                          const HearthFlameExportOptions *options,
                          GFile                          *file,
                          GError                        **error)
{
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(HearthFlameTree) tree = NULL;
  g_autoptr(HearthFlameLayout) layout = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autofree guint8 *match = NULL;
  HearthFlameRenderOptions render;
  HearthDiffColoring local;

  g_return_val_if_fail (diff != NULL, FALSE);
  g_return_val_if_fail (coloring != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hearth_diff_metric_is_supported (coloring->metric))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "A comparison shows CPU time, allocation count or allocation size");
      return FALSE;
    }

  if (options->width <= 0 || options->width > HEARTH_FLAME_PNG_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Cannot export a flame graph %d pixels wide", options->width);
      return FALSE;
    }

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename != NULL ? basename : "", -1);
  if (!g_str_has_suffix (lower, ".svg") && !g_str_has_suffix (lower, ".png"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Cannot tell the image format of “%s”: the name must end in .svg or .png",
                   basename != NULL ? basename : "");
      return FALSE;
    }

  profile = hearth_diff_dup_flame_profile (diff);
  if (!hearth_profile_has_metric (profile, coloring->metric))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Neither side has data for the metric “%s”",
                   hearth_metric_to_string (coloring->metric));
      return FALSE;
    }

  local = *coloring;
  local.diff = diff;
  tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  layout = hearth_flame_layout_new (tree, coloring->metric, 0, 0.5 / options->width, NULL);
  match = hearth_flame_tree_match_functions (tree, options->search);

  hearth_flame_render_options_init (&render, options->width, 0);
  render.root_at_bottom = options->root_at_bottom;
  render.dark = options->dark;
  render.search_match = match;
  render.color_func = hearth_diff_flame_color_func;
  render.color_data = &local;

  if (g_str_has_suffix (lower, ".svg"))
    return hearth_flame_export_svg (layout, &render, file, error);

  return hearth_flame_export_png (layout, &render, file, error);
}
