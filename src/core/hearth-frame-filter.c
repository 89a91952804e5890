/* hearth-frame-filter.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-frame-filter"

#include "config.h"

#include "hearth-frame-filter.h"

#include <math.h>
#include <stdlib.h>

#include "hearth-combine.h"
#include "hearth-table-export.h"
#include "hearth-profile-builder.h"
#include "hearth-profile-private.h"

/* Frame selections: a new profile made of what the call tree did in some
 * frames only, from the sparse per-frame self values the MicroProfiler
 * reader records (hearth_profile_get_frame_values()). */

/**
 * hearth_frame_get_ms:
 *
 * Returns: the frame time (end − start) in ms, or NAN when unknown
 */
double
hearth_frame_get_ms (const HearthFrame *frame)
{
  g_return_val_if_fail (frame != NULL, NAN);

  if (!isfinite (frame->start_ms) || !isfinite (frame->end_ms))
    return NAN;
  return frame->end_ms - frame->start_ms;
}

/**
 * hearth_frame_classify:
 *
 * The bottleneck rule of microprofiler.md §13.3, from the frame's
 * cpu_waits_for_gpu, jobs and render wall times:
 *
 * - render done after jobs and the CPU waited more than 2.5 ms for the
 *   GPU: %HEARTH_FRAME_CLASS_GPU;
 * - render done after jobs otherwise: %HEARTH_FRAME_CLASS_RENDER;
 * - otherwise (jobs done last): %HEARTH_FRAME_CLASS_CPU ("jobs-bound");
 * - without those fields (families A and B): %HEARTH_FRAME_CLASS_UNKNOWN.
 *
 * The wall times are absolute; subtracting the frame start from both does
 * not change the comparison.
 */
HearthFrameClass
hearth_frame_classify (const HearthFrame *frame)
{
  g_return_val_if_fail (frame != NULL, HEARTH_FRAME_CLASS_UNKNOWN);

  if (!isfinite (frame->jobs_ms) || !isfinite (frame->render_ms))
    return HEARTH_FRAME_CLASS_UNKNOWN;
  if (frame->render_ms > frame->jobs_ms)
    {
      if (isfinite (frame->cpu_waits_for_gpu_ms) && frame->cpu_waits_for_gpu_ms > 2.5)
        return HEARTH_FRAME_CLASS_GPU;
      return HEARTH_FRAME_CLASS_RENDER;
    }
  return HEARTH_FRAME_CLASS_CPU;
}

/**
 * hearth_frame_class_to_string:
 *
 * Returns: "cpu", "gpu", "render", or "" for an unknown class (the `class`
 *   column of `hearth-cli frames`)
 */
const char *
hearth_frame_class_to_string (HearthFrameClass klass)
{
  switch (klass)
    {
    case HEARTH_FRAME_CLASS_CPU:
      return "cpu";
    case HEARTH_FRAME_CLASS_GPU:
      return "gpu";
    case HEARTH_FRAME_CLASS_RENDER:
      return "render";
    case HEARTH_FRAME_CLASS_UNKNOWN:
    default:
      return "";
    }
}

static int
uint_cmp (gconstpointer a,
          gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * hearth_profile_select_frames:
 * @frames: (array length=n_frames): frame indices, in any order; duplicates
 *   and indices out of range are ignored
 *
 * Builds a profile of what happened in @frames only: the same tree shape
 * minus the nodes that did nothing in those frames, node values summed over
 * the selected frames, and only the selected frames (renumbered from 0, in
 * index order, with their per-frame values), so dividing by the frame count
 * (hearth_profile_per_frame()) gives per-frame averages over the selection.
 * Paused frames carry no values (microprofiler.md §12.3).
 *
 * A profile without per-frame values (hearth_profile_has_frame_values())
 * cannot be filtered: it is returned as it is.
 *
 * Returns: (transfer full): the new profile
 */
HearthProfile *
hearth_profile_select_frames (HearthProfile *profile,
                              const guint   *frames,
                              guint          n_frames)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autofree guint32 *function_map = NULL;
  g_autofree guint32 *node_map = NULL;
  g_autofree guint *sel = NULL;
  g_autofree gboolean *keep = NULL;
  double *sums[HEARTH_N_METRICS] = { NULL, };
  const HearthCallTree *tree;
  GHashTableIter iter;
  gpointer key, value;
  guint n_sel = 0;
  double session_ms = 0, first_start = NAN, last_end = NAN;
  HearthProfile *result;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (frames != NULL || n_frames == 0, NULL);

  if (!hearth_profile_has_frame_values (profile))
    return g_object_ref (profile);

  tree = &profile->tree;

  /* sorted, unique, in range */
  sel = g_new (guint, MAX (n_frames, 1));
  for (guint i = 0; i < n_frames; i++)
    if (frames[i] < profile->n_frames)
      sel[n_sel++] = frames[i];
  qsort (sel, n_sel, sizeof (guint), uint_cmp);
  {
    guint w = 0;

    for (guint i = 0; i < n_sel; i++)
      if (w == 0 || sel[w - 1] != sel[i])
        sel[w++] = sel[i];
    n_sel = w;
  }

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (profile->metrics & (1u << m))
      sums[m] = g_new0 (double, tree->n_nodes);

  for (guint i = 0; i < n_sel; i++)
    {
      guint n;
      const HearthFrameValue *v = hearth_profile_get_frame_values (profile, sel[i], &n);

      for (guint k = 0; k < n; k++)
        if (v[k].node < tree->n_nodes && v[k].metric < HEARTH_N_METRICS && sums[v[k].metric] != NULL)
          sums[v[k].metric][v[k].node] += v[k].value;
    }

  /* a node stays when it or a descendant did something */
  keep = g_new0 (gboolean, MAX (tree->n_nodes, 1));
  for (guint n = tree->n_nodes; n-- > 0;)
    {
      if (!keep[n])
        for (guint m = 0; m < HEARTH_N_METRICS; m++)
          if (sums[m] != NULL && sums[m][n] != 0)
            {
              keep[n] = TRUE;
              break;
            }
      if (keep[n] && n > 0)
        keep[tree->parent[n]] = TRUE;
    }
  if (tree->n_nodes > 0)
    keep[0] = TRUE;

  builder = hearth_profile_builder_new ();
  function_map = _hearth_profile_intern_functions (builder, profile);
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (profile->metrics & (1u << m))
      hearth_profile_builder_enable_metric (builder, m, HEARTH_VALUE_SELF);

  node_map = g_new (guint32, MAX (tree->n_nodes, 1));
  for (guint n = 0; n < tree->n_nodes; n++)
    {
      node_map[n] = HEARTH_NO_INDEX;
      if (!keep[n])
        continue;
      if (n == 0)
        node_map[n] = HEARTH_ROOT_NODE;
      else
        node_map[n] = hearth_profile_builder_add_child (builder, node_map[tree->parent[n]],
                                                        function_map[tree->function[n]]);
      for (guint m = 0; m < HEARTH_N_METRICS; m++)
        if (sums[m] != NULL && sums[m][n] != 0)
          hearth_profile_builder_add_value (builder, node_map[n], m, sums[m][n]);
      /* Labels and counters have no per-frame record: they stay
       * whole-capture facts of the nodes that are kept (views say "in the
       * whole capture" next to them for a frame selection) */
      _hearth_profile_copy_annotations (builder, profile, n, node_map[n]);
    }

  /* metadata, as _hearth_profile_copy_info() but with the selected frames */
  hearth_profile_builder_set_format (builder, profile->format, profile->format_name);
  hearth_profile_builder_set_file_name (builder, profile->file_name);
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

  for (guint i = 0; i < n_sel; i++)
    {
      const HearthFrame *fr = &profile->frames[sel[i]];
      guint n;
      const HearthFrameValue *v = hearth_profile_get_frame_values (profile, sel[i], &n);
      double ms = hearth_frame_get_ms (fr);

      hearth_profile_builder_add_frame (builder, fr);
      for (guint k = 0; k < n; k++)
        if (v[k].node < tree->n_nodes && node_map[v[k].node] != HEARTH_NO_INDEX &&
            sums[v[k].metric] != NULL)
          hearth_profile_builder_add_frame_value (builder, i, node_map[v[k].node], v[k].metric, v[k].value);
      if (!fr->paused && isfinite (ms))
        session_ms += ms;
      if (isnan (first_start))
        first_start = fr->start_ms;
      last_end = fr->end_ms;
    }
  if (n_sel > 0)
    {
      g_autofree char *text = NULL;

      hearth_profile_builder_set_session (builder, first_start, last_end);
      text = g_strdup_printf ("%u of %u", n_sel, profile->n_frames);
      hearth_profile_builder_set_metadata (builder, "frame-selection", text);
    }
  hearth_profile_builder_set_session_ms (builder, session_ms);

  for (guint i = 0; i < profile->n_threads; i++)
    {
      const HearthThreadInfo *thread = &profile->threads[i];
      guint32 node = thread->node < tree->n_nodes ? node_map[thread->node] : HEARTH_NO_INDEX;

      hearth_profile_builder_add_thread (builder, thread->name, node, thread->gpu, thread->clobbered);
    }

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    g_free (sums[m]);

  result = hearth_profile_builder_finish (builder);
  /* the selection has per-frame values even when they are all zero */
  if (result->frame_value_offsets == NULL)
    result->frame_value_offsets = g_new0 (guint32, result->n_frames + 1);
  return result;
}

/**
 * hearth_profile_filter_frames:
 * @first: first frame index
 * @last: last frame index (inclusive); clamped to the last frame
 *
 * hearth_profile_select_frames() for the range @first .. @last.
 *
 * Returns: (transfer full): the new profile
 */
HearthProfile *
hearth_profile_filter_frames (HearthProfile *profile,
                              guint          first,
                              guint          last)
{
  g_autofree guint *frames = NULL;
  guint n = 0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (profile->n_frames > 0)
    last = MIN (last, profile->n_frames - 1);
  if (profile->n_frames == 0 || first > last)
    return hearth_profile_select_frames (profile, NULL, 0);

  frames = g_new (guint, last - first + 1);
  for (guint f = first; f <= last; f++)
    frames[n++] = f;
  return hearth_profile_select_frames (profile, frames, n);
}

static guint
frames_compare (HearthProfile *profile,
                double         reference_ms,
                gboolean       above,
                GArray        *out)
{
  guint n = 0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), 0);
  g_return_val_if_fail (out != NULL, 0);

  for (guint f = 0; f < profile->n_frames; f++)
    {
      const HearthFrame *fr = &profile->frames[f];
      double ms = hearth_frame_get_ms (fr);

      if (fr->paused || !isfinite (ms))
        continue;
      if (above ? ms > reference_ms : ms <= reference_ms)
        {
          g_array_append_val (out, f);
          n++;
        }
    }
  return n;
}

/**
 * hearth_frames_spikes:
 * @reference_ms: the reference frame time, e.g. %HEARTH_FRAME_REFERENCE_MS
 * @out: a #GArray of guint to append to
 *
 * Appends the frames whose frame time is above @reference_ms ("spikes"),
 * skipping paused frames.
 *
 * Returns: the number of frames appended
 */
guint
hearth_frames_spikes (HearthProfile *profile,
                      double         reference_ms,
                      GArray        *out)
{
  return frames_compare (profile, reference_ms, TRUE, out);
}

/**
 * hearth_frames_typical:
 *
 * Appends the frames whose frame time is at most @reference_ms
 * ("typical"), skipping paused frames: the complement of
 * hearth_frames_spikes().
 *
 * Returns: the number of frames appended
 */
guint
hearth_frames_typical (HearthProfile *profile,
                       double         reference_ms,
                       GArray        *out)
{
  return frames_compare (profile, reference_ms, FALSE, out);
}

typedef struct
{
  guint  index;
  double ms;
} FrameMs;

static int
frame_ms_cmp (gconstpointer a,
              gconstpointer b)
{
  const FrameMs *x = a, *y = b;

  if (x->ms != y->ms)
    return x->ms > y->ms ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/**
 * hearth_frames_slowest:
 * @n: how many
 *
 * Appends the @n slowest frames (longest frame time first; ties in index
 * order), skipping paused frames.
 *
 * Returns: the number of frames appended
 */
guint
hearth_frames_slowest (HearthProfile *profile,
                       guint          n,
                       GArray        *out)
{
  g_autofree FrameMs *all = NULL;
  guint count = 0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), 0);
  g_return_val_if_fail (out != NULL, 0);

  all = g_new (FrameMs, MAX (profile->n_frames, 1));
  for (guint f = 0; f < profile->n_frames; f++)
    {
      double ms = hearth_frame_get_ms (&profile->frames[f]);

      if (profile->frames[f].paused || !isfinite (ms))
        continue;
      all[count].index = f;
      all[count].ms = ms;
      count++;
    }
  qsort (all, count, sizeof (FrameMs), frame_ms_cmp);
  n = MIN (n, count);
  for (guint i = 0; i < n; i++)
    g_array_append_val (out, all[i].index);
  return n;
}

/**
 * hearth_profile_split_spikes:
 * @reference_ms: the reference frame time
 * @per_frame: divide each side by its frame count (hearth_profile_per_frame())
 * @spikes: (out) (transfer full): the spike frames
 * @typical: (out) (transfer full): the typical frames
 *
 * "Compare spikes with typical frames": the frames above @reference_ms and
 * the others (paused frames in neither), each restricted with
 * hearth_profile_select_frames(). Each side keeps its own frames, so a
 * consumer that normalises per frame (the diff of HearthComparison does,
 * dividing by hearth_profile_get_n_frames()) wants @per_frame %FALSE; with
 * @per_frame %TRUE the values are already per frame (for printing). Runs in
 * any thread.
 *
 * Returns: %FALSE (and %NULL profiles) when one side has no frames or the
 *   profile has no per-frame values
 */
gboolean
hearth_profile_split_spikes (HearthProfile  *profile,
                             double          reference_ms,
                             gboolean        per_frame,
                             HearthProfile **spikes,
                             HearthProfile **typical)
{
  g_autoptr(GArray) s = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) t = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(HearthProfile) sp = NULL;
  g_autoptr(HearthProfile) ty = NULL;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (spikes != NULL && typical != NULL, FALSE);

  *spikes = *typical = NULL;
  if (!hearth_profile_has_frame_values (profile))
    return FALSE;
  if (hearth_frames_spikes (profile, reference_ms, s) == 0 ||
      hearth_frames_typical (profile, reference_ms, t) == 0)
    return FALSE;

  sp = hearth_profile_select_frames (profile, (const guint *) s->data, s->len);
  ty = hearth_profile_select_frames (profile, (const guint *) t->data, t->len);
  if (!per_frame)
    {
      *spikes = g_steal_pointer (&sp);
      *typical = g_steal_pointer (&ty);
      return TRUE;
    }
  *spikes = hearth_profile_per_frame (sp);
  *typical = hearth_profile_per_frame (ty);
  return *spikes != NULL && *typical != NULL;
}

static gboolean
parse_index (const char  *text,
             const char **end,
             guint       *value)
{
  guint64 v = 0;
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      v = v * 10 + (guint64) (*p - '0');
      if (v > G_MAXUINT32)
        return FALSE;
    }
  *value = (guint) v;
  *end = p;
  return TRUE;
}

/**
 * hearth_frame_range_parse:
 * @text: `A-B` (frames A to B, inclusive, 0-based, as the timeline and
 *   `hearth-cli frames` number them) or `A` (one frame)
 * @n_frames: the capture's frame count
 * @error: %HEARTH_TABLE_ERROR_NO_FRAMES when the capture has no frames;
 *   %G_OPTION_ERROR_BAD_VALUE for text that is not a range or a range
 *   outside 0 .. @n_frames − 1
 *
 * Parses the argument of `hearth-cli functions --frames A-B`.
 *
 * Returns: %TRUE and the range, or %FALSE with @error set
 */
gboolean
hearth_frame_range_parse (const char  *text,
                          guint        n_frames,
                          guint       *first,
                          guint       *last,
                          GError     **error)
{
  const char *p;
  guint a, b;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (first != NULL && last != NULL, FALSE);

  if (n_frames == 0)
    {
      g_set_error (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES,
                   "this capture has no frames");
      return FALSE;
    }
  if (!parse_index (text, &p, &a))
    goto bad;
  b = a;
  if (*p == '-')
    {
      if (!parse_index (p + 1, &p, &b))
        goto bad;
    }
  if (*p != '\0')
    goto bad;
  if (a > b || b >= n_frames)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "frames %s are outside the capture's frames 0-%u", text, n_frames - 1);
      return FALSE;
    }
  *first = a;
  *last = b;
  return TRUE;

bad:
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "\"%s\" is not a frame range: expected FIRST-LAST, e.g. 120-180", text);
  return FALSE;
}
