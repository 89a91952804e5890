/* hearth-frame-stats.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-frame-stats"

#include "config.h"

#include "hearth-frame-stats.h"

#include <math.h>
#include <stdlib.h>

#include "hearth-profile-private.h"

/* Per-function frame statistics: a function's CPU time in each frame (its
 * inclusive time, counted once per root-to-leaf path as in the per-function
 * totals), then mean, p50, p95 and max over the frames of the profile.
 * Paused frames are not counted (microprofiler.md §12.3); a frame in which
 * the function did not run counts as 0 ms.
 *
 * Percentiles use the **nearest-rank** method: with the N values sorted
 * ascending, the p-th percentile is the value at rank ⌈p/100 × N⌉ (1-based;
 * rank 1 for p = 0). It is always one of the values, never an
 * interpolation. */

struct _HearthFrameStats
{
  guint            n_functions;
  guint            n_frames;
  HearthFrameStat *stats;
  guint8          *has;
};

G_DEFINE_BOXED_TYPE (HearthFrameStats, hearth_frame_stats,
                     hearth_frame_stats_ref, hearth_frame_stats_unref)

/**
 * hearth_percentile_nearest_rank:
 * @sorted: (array length=n): values sorted ascending
 * @percent: 0 .. 100
 *
 * Returns: the value at rank ⌈@percent/100 × @n⌉ (1-based, at least 1), or
 *   NAN when @n is 0
 */
double
hearth_percentile_nearest_rank (const double *sorted,
                                guint         n,
                                double        percent)
{
  double r;
  guint rank;

  if (n == 0 || sorted == NULL)
    return NAN;

  percent = CLAMP (percent, 0.0, 100.0);
  /* round away representation noise before ceil: 0.95 × 20 must be 19 */
  r = ceil (percent / 100.0 * n - 1e-9);
  rank = r < 1 ? 1 : (guint) r;
  rank = MIN (rank, n);
  return sorted[rank - 1];
}

static int
double_cmp (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/**
 * hearth_frame_stats_new:
 *
 * Computes the statistics of every function over the frames of @profile
 * (CPU time). Runs in any thread.
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL when the
 *   profile has no per-frame values or no CPU time
 */
HearthFrameStats *
hearth_frame_stats_new (HearthProfile *profile)
{
  HearthFrameStats *self;
  const HearthCallTree *tree;
  g_autofree double *acc = NULL;
  g_autofree guint32 *touched = NULL;
  g_autofree guint32 *seen = NULL;
  g_autofree guint32 *path_funcs = NULL;
  g_autofree guint32 *in_frame = NULL;
  GArray **values;
  guint n_touched = 0, n_counted = 0;
  guint32 stamp = 0, frame_stamp = 0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (!hearth_profile_has_frame_values (profile) || !hearth_profile_has_metric (profile, HEARTH_METRIC_CPU_TIME))
    return NULL;

  tree = &profile->tree;
  self = g_atomic_rc_box_new0 (HearthFrameStats);
  self->n_functions = profile->n_functions;
  self->stats = g_new0 (HearthFrameStat, MAX (profile->n_functions, 1));
  self->has = g_new0 (guint8, MAX (profile->n_functions, 1));

  acc = g_new0 (double, MAX (profile->n_functions, 1));
  touched = g_new (guint32, MAX (profile->n_functions, 1));
  seen = g_new0 (guint32, MAX (profile->n_functions, 1));      /* value stamp per function */
  in_frame = g_new0 (guint32, MAX (profile->n_functions, 1));  /* frame stamp per function */
  path_funcs = g_new (guint32, MAX (tree->n_nodes, 1));
  values = g_new0 (GArray *, MAX (profile->n_functions, 1));

  for (guint f = 0; f < profile->n_frames; f++)
    {
      guint n;
      const HearthFrameValue *v;

      if (profile->frames[f].paused)
        continue;
      n_counted++;
      frame_stamp++;
      v = hearth_profile_get_frame_values (profile, f, &n);
      n_touched = 0;
      for (guint k = 0; k < n; k++)
        {
          guint depth = 0;

          if (v[k].metric != HEARTH_METRIC_CPU_TIME || v[k].node >= tree->n_nodes)
            continue;
          /* a node's self time counts once for every distinct function on
           * its path, root labels included (threads have totals too) */
          stamp++;
          for (guint32 a = v[k].node; a != HEARTH_NO_INDEX && a != 0; a = tree->parent[a])
            {
              guint32 fn = tree->function[a];

              if (seen[fn] != stamp)
                {
                  seen[fn] = stamp;
                  path_funcs[depth++] = fn;
                }
            }
          for (guint d = 0; d < depth; d++)
            {
              guint32 fn = path_funcs[d];

              if (in_frame[fn] != frame_stamp)
                {
                  in_frame[fn] = frame_stamp;
                  acc[fn] = 0;
                  touched[n_touched++] = fn;
                }
              acc[fn] += v[k].value;
            }
        }

      for (guint i = 0; i < n_touched; i++)
        {
          guint32 fn = touched[i];
          double ms = acc[fn] / 1e6;

          if (values[fn] == NULL)
            values[fn] = g_array_new (FALSE, FALSE, sizeof (double));
          g_array_append_val (values[fn], ms);
        }
    }

  self->n_frames = n_counted;
  for (guint fn = 0; fn < profile->n_functions; fn++)
    {
      GArray *a = values[fn];
      g_autofree double *all = NULL;
      double sum = 0, max = -INFINITY;
      guint zeros;

      if (a == NULL)
        continue;
      /* frames where the function did not run are 0 ms */
      zeros = n_counted > a->len ? n_counted - a->len : 0;
      all = g_new0 (double, zeros + a->len);
      for (guint i = 0; i < a->len; i++)
        {
          double ms = g_array_index (a, double, i);

          all[zeros + i] = ms;
          sum += ms;
          max = MAX (max, ms);
        }
      if (zeros > 0)
        max = MAX (max, 0);
      qsort (all, zeros + a->len, sizeof (double), double_cmp);
      self->stats[fn].mean_ms = n_counted > 0 ? sum / n_counted : NAN;
      self->stats[fn].p50_ms = hearth_percentile_nearest_rank (all, zeros + a->len, 50);
      self->stats[fn].p95_ms = hearth_percentile_nearest_rank (all, zeros + a->len, 95);
      self->stats[fn].max_ms = max;
      self->has[fn] = 1;
      g_array_unref (a);
    }
  g_free (values);

  return self;
}

HearthFrameStats *
hearth_frame_stats_ref (HearthFrameStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
hearth_frame_stats_clear (gpointer data)
{
  HearthFrameStats *self = data;

  g_free (self->stats);
  g_free (self->has);
}

void
hearth_frame_stats_unref (HearthFrameStats *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, hearth_frame_stats_clear);
}

/**
 * hearth_frame_stats_get_n_frames:
 *
 * Returns: the number of frames the statistics are over (paused frames
 *   excluded)
 */
guint
hearth_frame_stats_get_n_frames (HearthFrameStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_frames;
}

/**
 * hearth_frame_stats_get:
 * @stat: (out): the statistics of @function
 *
 * Returns: %FALSE when @function never ran in the frames (@stat is zeroed)
 */
gboolean
hearth_frame_stats_get (HearthFrameStats *self,
                        guint             function,
                        HearthFrameStat  *stat)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stat != NULL, FALSE);

  if (function >= self->n_functions || !self->has[function])
    {
      stat->mean_ms = stat->p50_ms = stat->p95_ms = stat->max_ms = 0;
      return FALSE;
    }
  *stat = self->stats[function];
  return TRUE;
}

/**
 * hearth_profile_get_frame_stats:
 *
 * hearth_frame_stats_new(), computed once per profile and kept with it (the
 * profile is immutable). Thread-safe: two threads asking at once compute
 * twice but agree on one result.
 *
 * Returns: (transfer none) (nullable): the statistics of @profile, or %NULL
 *   when it has no per-frame values
 */
HearthFrameStats *
hearth_profile_get_frame_stats (HearthProfile *profile)
{
  static const char *key = "hearth-frame-stats";
  HearthFrameStats *stats;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (!hearth_profile_has_frame_values (profile))
    return NULL;
  stats = g_object_get_data (G_OBJECT (profile), key);
  if (stats != NULL)
    return stats;

  stats = hearth_frame_stats_new (profile);
  if (stats == NULL)
    return NULL;
  if (!g_object_replace_data (G_OBJECT (profile), key, NULL, stats,
                              (GDestroyNotify) hearth_frame_stats_unref, NULL))
    {
      hearth_frame_stats_unref (stats);
      stats = g_object_get_data (G_OBJECT (profile), key);
    }
  return stats;
}
