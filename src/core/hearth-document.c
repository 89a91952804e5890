/* hearth-document.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-document"

#include "config.h"

#include "hearth-document.h"

#include <math.h>
#include <string.h>

#include "hearth-combine.h"
#include "hearth-enums.h"
#include "hearth-frame-filter.h"
#include "hearth-units.h"

/* The per-window model: the loaded captures, their combined profile and the
 * view settings every view observes. Views never talk to each other; they
 * read and write this object. */

struct _HearthDocument
{
  GObject        parent_instance;

  GListStore    *captures;
  HearthProfile *profile;

  HearthMetric   metric;
  HearthUnit     unit;
  HearthAverage  average;
  char          *search_text;
  char          *search_folded;   /* casefolded search_text, NULL when empty */
  guint          selected_function;

  /* Per-function search results: 0 unknown, 1 no match, 2 match. Reset when
   * the profile or the search changes. */
  guint8        *function_match;
  GBytes        *visible_nodes;

  guint          inverted : 1;

  /* Frame selection: `profile` is `full_profile` restricted to the selected
   * frames, recomputed in a worker thread (with the per-function frame
   * statistics) whenever the selection changes. */
  HearthProfile    *full_profile;
  GArray           *frame_selection;   /* guint, sorted, unique; NULL = all */
  HearthFrameStats *frame_stats;
  GCancellable     *frames_cancellable;
  guint             frames_busy : 1;
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_N_CAPTURES,
  PROP_IS_LOADED,
  PROP_METRIC,
  PROP_UNIT,
  PROP_AVERAGE,
  PROP_SEARCH_TEXT,
  PROP_SELECTED_FUNCTION,
  PROP_INVERTED,
  PROP_FULL_PROFILE,
  PROP_FRAME_FIRST,
  PROP_FRAME_LAST,
  PROP_N_SELECTED_FRAMES,
  PROP_FRAME_STATS,
  PROP_FRAMES_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthDocument, hearth_document, G_TYPE_OBJECT)

static void
hearth_document_reset_search_cache (HearthDocument *self)
{
  g_clear_pointer (&self->function_match, g_free);
  g_clear_pointer (&self->visible_nodes, g_bytes_unref);
}

static void
hearth_document_dispose (GObject *object)
{
  HearthDocument *self = HEARTH_DOCUMENT (object);

  if (self->frames_cancellable != NULL)
    g_cancellable_cancel (self->frames_cancellable);
  g_clear_object (&self->frames_cancellable);
  g_clear_object (&self->profile);
  g_clear_object (&self->full_profile);
  g_clear_pointer (&self->frame_stats, hearth_frame_stats_unref);
  g_clear_pointer (&self->frame_selection, g_array_unref);
  g_clear_object (&self->captures);

  G_OBJECT_CLASS (hearth_document_parent_class)->dispose (object);
}

static void
hearth_document_finalize (GObject *object)
{
  HearthDocument *self = HEARTH_DOCUMENT (object);

  hearth_document_reset_search_cache (self);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (hearth_document_parent_class)->finalize (object);
}

static void
hearth_document_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HearthDocument *self = HEARTH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, hearth_document_get_profile (self));
      break;

    case PROP_N_CAPTURES:
      g_value_set_uint (value, hearth_document_get_n_captures (self));
      break;

    case PROP_IS_LOADED:
      g_value_set_boolean (value, hearth_document_get_is_loaded (self));
      break;

    case PROP_METRIC:
      g_value_set_enum (value, hearth_document_get_metric (self));
      break;

    case PROP_UNIT:
      g_value_set_enum (value, hearth_document_get_unit (self));
      break;

    case PROP_AVERAGE:
      g_value_set_enum (value, hearth_document_get_average (self));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, hearth_document_get_search_text (self));
      break;

    case PROP_SELECTED_FUNCTION:
      g_value_set_uint (value, hearth_document_get_selected_function (self));
      break;

    case PROP_INVERTED:
      g_value_set_boolean (value, hearth_document_get_inverted (self));
      break;

    case PROP_FULL_PROFILE:
      g_value_set_object (value, self->full_profile);
      break;

    case PROP_FRAME_FIRST:
      g_value_set_uint (value, hearth_document_get_frame_first (self));
      break;

    case PROP_FRAME_LAST:
      g_value_set_uint (value, hearth_document_get_frame_last (self));
      break;

    case PROP_N_SELECTED_FRAMES:
      g_value_set_uint (value, hearth_document_get_n_selected_frames (self));
      break;

    case PROP_FRAME_STATS:
      g_value_set_boxed (value, self->frame_stats);
      break;

    case PROP_FRAMES_BUSY:
      g_value_set_boolean (value, self->frames_busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_document_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HearthDocument *self = HEARTH_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      hearth_document_set_metric (self, g_value_get_enum (value));
      break;

    case PROP_UNIT:
      hearth_document_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_AVERAGE:
      hearth_document_set_average (self, g_value_get_enum (value));
      break;

    case PROP_SEARCH_TEXT:
      hearth_document_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_SELECTED_FUNCTION:
      hearth_document_set_selected_function (self, g_value_get_uint (value));
      break;

    case PROP_INVERTED:
      hearth_document_set_inverted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_document_class_init (HearthDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_document_dispose;
  object_class->finalize = hearth_document_finalize;
  object_class->get_property = hearth_document_get_property;
  object_class->set_property = hearth_document_set_property;

  /**
   * HearthDocument:profile:
   *
   * The combined profile of all captures (the capture itself when there is
   * one), or %NULL when nothing is loaded.
   */
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         HEARTH_TYPE_PROFILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_CAPTURES] =
    g_param_spec_uint ("n-captures", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_LOADED] =
    g_param_spec_boolean ("is-loaded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       HEARTH_TYPE_METRIC, HEARTH_METRIC_CPU_TIME,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       HEARTH_TYPE_UNIT, HEARTH_UNIT_MS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AVERAGE] =
    g_param_spec_enum ("average", NULL, NULL,
                       HEARTH_TYPE_AVERAGE, HEARTH_AVERAGE_OFF,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_FUNCTION] =
    g_param_spec_uint ("selected-function", NULL, NULL,
                       0, G_MAXUINT, HEARTH_NO_INDEX,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INVERTED] =
    g_param_spec_boolean ("inverted", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthDocument:full-profile:
   *
   * The combined profile of all captures, whatever frames are selected.
   */
  properties[PROP_FULL_PROFILE] =
    g_param_spec_object ("full-profile", NULL, NULL,
                         HEARTH_TYPE_PROFILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthDocument:frame-first:
   *
   * The first selected frame, or %G_MAXUINT when all frames are shown.
   */
  properties[PROP_FRAME_FIRST] =
    g_param_spec_uint ("frame-first", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthDocument:frame-last:
   *
   * The last selected frame, or %G_MAXUINT when all frames are shown.
   */
  properties[PROP_FRAME_LAST] =
    g_param_spec_uint ("frame-last", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthDocument:n-selected-frames:
   *
   * How many frames are selected; 0 when all frames are shown.
   */
  properties[PROP_N_SELECTED_FRAMES] =
    g_param_spec_uint ("n-selected-frames", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthDocument:frame-stats:
   *
   * Per-function frame statistics of #HearthDocument:profile, or %NULL for
   * captures without frames (or while they are computed).
   */
  properties[PROP_FRAME_STATS] =
    g_param_spec_boxed ("frame-stats", NULL, NULL,
                        HEARTH_TYPE_FRAME_STATS,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * HearthDocument:frames-busy:
   *
   * %TRUE while the profile of a frame selection is being computed.
   */
  properties[PROP_FRAMES_BUSY] =
    g_param_spec_boolean ("frames-busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_document_init (HearthDocument *self)
{
  self->captures = g_list_store_new (HEARTH_TYPE_PROFILE);
  self->metric = HEARTH_METRIC_CPU_TIME;
  self->unit = HEARTH_UNIT_MS;
  self->average = HEARTH_AVERAGE_OFF;
  self->search_text = g_strdup ("");
  self->selected_function = HEARTH_NO_INDEX;
}

HearthDocument *
hearth_document_new (void)
{
  return g_object_new (HEARTH_TYPE_DOCUMENT, NULL);
}

/**
 * hearth_document_get_captures:
 *
 * Returns: (transfer none): a #GListModel of #HearthProfile, one per capture
 */
GListModel *
hearth_document_get_captures (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->captures);
}

guint
hearth_document_get_n_captures (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->captures));
}

/* ------------------------------------------------------------------------ */
/* Frame selection */

typedef struct
{
  HearthProfile *full;
  GArray        *frames;      /* NULL: all */
} FramesJob;

typedef struct
{
  HearthProfile    *profile;
  HearthFrameStats *stats;
} FramesResult;

static void
frames_job_free (gpointer data)
{
  FramesJob *job = data;

  g_clear_object (&job->full);
  g_clear_pointer (&job->frames, g_array_unref);
  g_free (job);
}

static void
frames_result_free (gpointer data)
{
  FramesResult *result = data;

  g_clear_object (&result->profile);
  g_clear_pointer (&result->stats, hearth_frame_stats_unref);
  g_free (result);
}

static void
frames_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  FramesJob *job = task_data;
  FramesResult *result = g_new0 (FramesResult, 1);

  if (job->frames != NULL)
    result->profile = hearth_profile_select_frames (job->full, (const guint *) job->frames->data,
                                                    job->frames->len);
  else
    result->profile = g_object_ref (job->full);
  if (!g_cancellable_is_cancelled (cancellable) && hearth_profile_get_frame_stats (result->profile) != NULL)
    result->stats = hearth_frame_stats_ref (hearth_profile_get_frame_stats (result->profile));
  g_task_return_pointer (task, result, frames_result_free);
}

static void
frames_done (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  HearthDocument *self = HEARTH_DOCUMENT (object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (res));
  FramesResult *result;

  /* a newer selection (or a new profile) replaced this job */
  if (g_cancellable_is_cancelled (cancellable) || cancellable != self->frames_cancellable)
    return;

  result = g_task_propagate_pointer (G_TASK (res), NULL);
  g_clear_object (&self->frames_cancellable);
  if (result == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->profile, result->profile))
    {
      hearth_document_reset_search_cache (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
    }
  g_clear_pointer (&self->frame_stats, hearth_frame_stats_unref);
  self->frame_stats = g_steal_pointer (&result->stats);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_STATS]);
  self->frames_busy = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMES_BUSY]);
  g_object_thaw_notify (G_OBJECT (self));

  frames_result_free (result);
}

/* Sets the selection (@frames sorted and unique, or NULL for all) and starts
 * recomputing. With @new_profile the full profile just changed: the profile
 * property is set by the caller and only the statistics are computed. */
static void
hearth_document_apply_frames (HearthDocument *self,
                              GArray         *frames,
                              gboolean        new_profile)
{
  guint old_first = hearth_document_get_frame_first (self);
  guint old_last = hearth_document_get_frame_last (self);
  guint old_n = hearth_document_get_n_selected_frames (self);
  g_autoptr(GTask) task = NULL;
  FramesJob *job;

  g_object_freeze_notify (G_OBJECT (self));

  g_clear_pointer (&self->frame_selection, g_array_unref);
  self->frame_selection = frames;
  if (old_first != hearth_document_get_frame_first (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_FIRST]);
  if (old_last != hearth_document_get_frame_last (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_LAST]);
  if (old_n != hearth_document_get_n_selected_frames (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED_FRAMES]);

  if (self->frames_cancellable != NULL)
    g_cancellable_cancel (self->frames_cancellable);
  g_clear_object (&self->frames_cancellable);
  if (self->frame_stats != NULL)
    {
      g_clear_pointer (&self->frame_stats, hearth_frame_stats_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAME_STATS]);
    }

  if (self->full_profile != NULL && hearth_profile_has_frame_values (self->full_profile))
    {
      self->frames_cancellable = g_cancellable_new ();
      job = g_new0 (FramesJob, 1);
      job->full = g_object_ref (self->full_profile);
      job->frames = self->frame_selection ? g_array_ref (self->frame_selection) : NULL;
      task = g_task_new (self, self->frames_cancellable, frames_done, NULL);
      g_task_set_source_tag (task, hearth_document_apply_frames);
      g_task_set_task_data (task, job, frames_job_free);
      g_task_run_in_thread (task, frames_worker);
      if (!self->frames_busy)
        {
          self->frames_busy = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMES_BUSY]);
        }
    }
  else if (self->frames_busy)
    {
      self->frames_busy = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMES_BUSY]);
    }

  /* without a selection the profile is the full profile at once */
  if (!new_profile && self->frame_selection == NULL && g_set_object (&self->profile, self->full_profile))
    {
      hearth_document_reset_search_cache (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * hearth_document_select_frames:
 * @frames: (array length=n_frames) (nullable): frame indices of the full
 *   profile, any order; %NULL or empty to show all frames again
 *
 * Restricts #HearthDocument:profile to @frames. The new profile (and its
 * frame statistics) is computed in a worker thread; #HearthDocument:profile
 * changes when it is ready, and #HearthDocument:frames-busy is %TRUE
 * meanwhile. Captures without per-frame values ignore the selection.
 */
void
hearth_document_select_frames (HearthDocument *self,
                               const guint    *frames,
                               guint           n_frames)
{
  GArray *sel = NULL;
  guint n_all;

  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  if (self->full_profile == NULL || !hearth_profile_has_frame_values (self->full_profile))
    return;
  n_all = hearth_profile_get_n_frames (self->full_profile);

  if (frames != NULL && n_frames > 0)
    {
      g_autofree guint8 *mark = g_new0 (guint8, MAX (n_all, 1));

      for (guint i = 0; i < n_frames; i++)
        if (frames[i] < n_all)
          mark[frames[i]] = 1;
      sel = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint f = 0; f < n_all; f++)
        if (mark[f])
          g_array_append_val (sel, f);
      if (sel->len == 0)
        g_clear_pointer (&sel, g_array_unref);
    }

  /* the same selection again: nothing to do */
  if (sel == NULL && self->frame_selection == NULL)
    return;
  if (sel != NULL && self->frame_selection != NULL && sel->len == self->frame_selection->len &&
      memcmp (sel->data, self->frame_selection->data, sel->len * sizeof (guint)) == 0)
    {
      g_array_unref (sel);
      return;
    }

  hearth_document_apply_frames (self, sel, FALSE);
}

/**
 * hearth_document_set_frame_range:
 * @first: first frame
 * @last: last frame (inclusive)
 *
 * hearth_document_select_frames() for @first .. @last.
 */
void
hearth_document_set_frame_range (HearthDocument *self,
                                 guint           first,
                                 guint           last)
{
  g_autofree guint *frames = NULL;
  guint n_all, n = 0;

  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  if (self->full_profile == NULL)
    return;
  n_all = hearth_profile_get_n_frames (self->full_profile);
  if (first > last)
    {
      guint t = first;
      first = last;
      last = t;
    }
  if (n_all == 0 || first >= n_all)
    return;
  last = MIN (last, n_all - 1);
  frames = g_new (guint, last - first + 1);
  for (guint f = first; f <= last; f++)
    frames[n++] = f;
  hearth_document_select_frames (self, frames, n);
}

/**
 * hearth_document_clear_frame_selection:
 *
 * Shows all frames again.
 */
void
hearth_document_clear_frame_selection (HearthDocument *self)
{
  hearth_document_select_frames (self, NULL, 0);
}

guint
hearth_document_get_frame_first (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), G_MAXUINT);

  if (self->frame_selection == NULL)
    return G_MAXUINT;
  return g_array_index (self->frame_selection, guint, 0);
}

guint
hearth_document_get_frame_last (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), G_MAXUINT);

  if (self->frame_selection == NULL)
    return G_MAXUINT;
  return g_array_index (self->frame_selection, guint, self->frame_selection->len - 1);
}

guint
hearth_document_get_n_selected_frames (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), 0);

  return self->frame_selection ? self->frame_selection->len : 0;
}

/**
 * hearth_document_get_selected_frames:
 * @n_frames: (out): number of selected frames (0 when all are shown)
 *
 * Returns: (transfer none) (nullable): the selected frames, sorted, or %NULL
 *   when all frames are shown
 */
const guint *
hearth_document_get_selected_frames (HearthDocument *self,
                                     guint          *n_frames)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (n_frames != NULL, NULL);

  *n_frames = self->frame_selection ? self->frame_selection->len : 0;
  return self->frame_selection ? (const guint *) self->frame_selection->data : NULL;
}

gboolean
hearth_document_is_frame_selected (HearthDocument *self,
                                   guint           frame)
{
  guint lo = 0, hi;

  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), FALSE);

  if (self->frame_selection == NULL)
    return FALSE;
  hi = self->frame_selection->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint v = g_array_index (self->frame_selection, guint, mid);

      if (v == frame)
        return TRUE;
      if (v < frame)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/**
 * hearth_document_get_full_profile:
 *
 * Returns: (transfer none) (nullable): the combined profile of all
 *   captures, whatever frames are selected
 */
HearthProfile *
hearth_document_get_full_profile (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);

  return self->full_profile;
}

/**
 * hearth_document_get_frame_stats:
 *
 * Returns: (transfer none) (nullable): the per-function frame statistics of
 *   the current profile
 */
HearthFrameStats *
hearth_document_get_frame_stats (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);

  return self->frame_stats;
}

gboolean
hearth_document_get_frames_busy (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), FALSE);

  return self->frames_busy;
}

/* Recomputes the combined profile after the captures changed and notifies
 * exactly the properties that changed. */
static void
hearth_document_update (HearthDocument *self,
                        guint           old_n_captures)
{
  g_autoptr(HearthProfile) combined = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  gboolean was_loaded = old_n_captures > 0;
  guint n_captures;

  n_captures = g_list_model_get_n_items (G_LIST_MODEL (self->captures));
  profiles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_captures; i++)
    g_ptr_array_add (profiles, g_list_model_get_item (G_LIST_MODEL (self->captures), i));

  if (n_captures == 1)
    combined = g_object_ref (g_ptr_array_index (profiles, 0));
  else if (n_captures > 1)
    combined = hearth_profile_combine ((HearthProfile * const *) profiles->pdata, n_captures);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_set_object (&self->full_profile, combined))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FULL_PROFILE]);
      hearth_document_apply_frames (self, NULL, TRUE);
    }

  if (g_set_object (&self->profile, combined))
    {
      hearth_document_reset_search_cache (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
      hearth_document_set_selected_function (self, HEARTH_NO_INDEX);
    }

  if (n_captures != old_n_captures)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CAPTURES]);

  if ((n_captures > 0) != was_loaded)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_LOADED]);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * hearth_document_add_profile:
 * @profile: a capture
 *
 * Adds a capture; the combined profile is recomputed.
 */
void
hearth_document_add_profile (HearthDocument *self,
                             HearthProfile  *profile)
{
  guint old_n;

  g_return_if_fail (HEARTH_IS_DOCUMENT (self));
  g_return_if_fail (HEARTH_IS_PROFILE (profile));

  old_n = hearth_document_get_n_captures (self);
  g_list_store_append (self->captures, profile);
  hearth_document_update (self, old_n);
}

void
hearth_document_remove_capture (HearthDocument *self,
                                guint           index)
{
  guint old_n;

  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  old_n = hearth_document_get_n_captures (self);
  g_return_if_fail (index < old_n);

  g_list_store_remove (self->captures, index);
  hearth_document_update (self, old_n);
}

void
hearth_document_clear (HearthDocument *self)
{
  guint old_n;

  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  old_n = hearth_document_get_n_captures (self);
  if (old_n == 0)
    return;

  g_list_store_remove_all (self->captures);
  hearth_document_update (self, old_n);
}

/**
 * hearth_document_get_profile:
 *
 * Returns: (transfer none) (nullable): the combined profile
 */
HearthProfile *
hearth_document_get_profile (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);

  return self->profile;
}

gboolean
hearth_document_get_is_loaded (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), FALSE);

  return self->profile != NULL;
}

HearthMetric
hearth_document_get_metric (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), HEARTH_METRIC_CPU_TIME);

  return self->metric;
}

void
hearth_document_set_metric (HearthDocument *self,
                            HearthMetric    metric)
{
  g_return_if_fail (HEARTH_IS_DOCUMENT (self));
  g_return_if_fail (metric < HEARTH_N_METRICS);

  if (self->metric == metric)
    return;

  self->metric = metric;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
}

HearthUnit
hearth_document_get_unit (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), HEARTH_UNIT_MS);

  return self->unit;
}

void
hearth_document_set_unit (HearthDocument *self,
                          HearthUnit      unit)
{
  g_return_if_fail (HEARTH_IS_DOCUMENT (self));
  g_return_if_fail (unit == HEARTH_UNIT_MS || unit == HEARTH_UNIT_PERCENT);

  if (self->unit == unit)
    return;

  self->unit = unit;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

HearthAverage
hearth_document_get_average (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), HEARTH_AVERAGE_OFF);

  return self->average;
}

void
hearth_document_set_average (HearthDocument *self,
                             HearthAverage   average)
{
  g_return_if_fail (HEARTH_IS_DOCUMENT (self));
  g_return_if_fail (average <= HEARTH_AVERAGE_10MIN);

  if (self->average == average)
    return;

  self->average = average;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVERAGE]);
}

/**
 * hearth_document_get_search_text:
 *
 * Returns: (not nullable): the search text, "" when there is none
 */
const char *
hearth_document_get_search_text (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), "");

  return self->search_text;
}

/**
 * hearth_document_set_search_text:
 * @search_text: (nullable): the text; %NULL clears the search
 *
 * Leading and trailing white space is ignored for matching, but the text is
 * kept as typed.
 */
void
hearth_document_set_search_text (HearthDocument *self,
                                 const char     *search_text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  if (search_text == NULL)
    search_text = "";

  if (g_str_equal (self->search_text, search_text))
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (search_text);

  g_clear_pointer (&self->search_folded, g_free);
  stripped = g_strstrip (g_strdup (search_text));
  if (stripped[0] != '\0')
    self->search_folded = g_utf8_casefold (stripped, -1);
  hearth_document_reset_search_cache (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

/**
 * hearth_document_get_selected_function:
 *
 * Returns: the selected function of the combined profile, or
 *   %HEARTH_NO_INDEX when none is selected
 */
guint
hearth_document_get_selected_function (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), HEARTH_NO_INDEX);

  return self->selected_function;
}

void
hearth_document_set_selected_function (HearthDocument *self,
                                       guint           function)
{
  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  if (self->selected_function == function)
    return;

  self->selected_function = function;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_FUNCTION]);
}

gboolean
hearth_document_get_inverted (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), FALSE);

  return self->inverted;
}

void
hearth_document_set_inverted (HearthDocument *self,
                              gboolean        inverted)
{
  g_return_if_fail (HEARTH_IS_DOCUMENT (self));

  inverted = !!inverted;
  if (self->inverted == (guint) inverted)
    return;

  self->inverted = inverted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVERTED]);
}

/**
 * hearth_document_get_display_factor:
 *
 * The factor displayed values are multiplied by: the "Average" extrapolation
 * (window / session length), or 1 when averaging is off or the session length
 * is unknown.
 *
 * Returns: the factor
 */
double
hearth_document_get_display_factor (HearthDocument *self)
{
  double factor;

  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), 1.0);

  if (self->average == HEARTH_AVERAGE_OFF || self->profile == NULL)
    return 1.0;

  factor = hearth_average_get_factor (self->average, hearth_profile_get_session_ms (self->profile));
  if (!isfinite (factor) || factor <= 0)
    return 1.0;

  return factor;
}

/**
 * hearth_document_get_root_total:
 *
 * Returns: the `<root>` total of the current metric, 0 without a profile
 */
double
hearth_document_get_root_total (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), 0);

  if (self->profile == NULL)
    return 0;

  return hearth_profile_get_root_total (self->profile, self->metric);
}

/**
 * hearth_document_format_value:
 * @value: a raw value of the current metric (ns for time metrics)
 *
 * Formats @value as the views show it, per the document's metric, unit
 * ("6.000 ms" or "16.667%" of `<root>`) and average factor.
 *
 * Returns: (transfer full): the text
 */
char *
hearth_document_format_value (HearthDocument *self,
                              double          value)
{
  double factor;

  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);

  factor = hearth_document_get_display_factor (self);

  return hearth_format_value (self->metric,
                              value * factor,
                              self->unit,
                              hearth_document_get_root_total (self) * factor);
}

/**
 * hearth_document_has_search:
 *
 * Returns: %TRUE when the search text has something other than white space
 */
gboolean
hearth_document_has_search (HearthDocument *self)
{
  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), FALSE);

  return self->search_folded != NULL;
}

static gboolean
folded_contains (const char *haystack,
                 const char *needle_folded)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle_folded) != NULL;
}

/**
 * hearth_document_function_matches:
 * @function: a function of the combined profile
 *
 * Case-insensitive substring match of the search text against the display
 * name and the source of @function. An empty search matches everything.
 *
 * Returns: %TRUE when @function matches
 */
gboolean
hearth_document_function_matches (HearthDocument *self,
                                  guint           function)
{
  guint n_functions;

  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), FALSE);

  if (self->search_folded == NULL)
    return TRUE;
  if (self->profile == NULL)
    return FALSE;

  n_functions = hearth_profile_get_n_functions (self->profile);
  if (function >= n_functions)
    return FALSE;

  if (self->function_match == NULL)
    self->function_match = g_new0 (guint8, n_functions);

  if (self->function_match[function] == 0)
    {
      g_autofree char *name = hearth_profile_function_dup_display_name (self->profile, function);
      gboolean matches;

      matches = folded_contains (name, self->search_folded) ||
                folded_contains (hearth_profile_function_get_source (self->profile, function),
                                 self->search_folded);
      self->function_match[function] = matches ? 2 : 1;
    }

  return self->function_match[function] == 2;
}

/**
 * hearth_document_get_visible_nodes:
 *
 * The call-tree nodes a search leaves visible: a node is visible when its
 * function matches or any of its descendants does. Computed once per search
 * in O(nodes).
 *
 * Returns: (transfer none) (nullable): one byte per node of the combined
 *   profile (1 visible, 0 hidden), or %NULL when there is no search (every
 *   node is visible)
 */
GBytes *
hearth_document_get_visible_nodes (HearthDocument *self)
{
  const HearthCallTree *tree;
  guint8 *visible;

  g_return_val_if_fail (HEARTH_IS_DOCUMENT (self), NULL);

  if (self->search_folded == NULL || self->profile == NULL)
    return NULL;

  if (self->visible_nodes != NULL)
    return self->visible_nodes;

  tree = hearth_profile_get_call_tree (self->profile);
  visible = g_new0 (guint8, MAX (tree->n_nodes, 1));

  /* Pre-order: every parent comes before its children, so a reverse walk
   * sees all of a node's descendants before the node itself. */
  for (guint n = tree->n_nodes; n > 1; n--)
    {
      guint node = n - 1;

      if (!visible[node] && hearth_document_function_matches (self, tree->function[node]))
        visible[node] = 1;
      if (visible[node] && tree->parent[node] != HEARTH_NO_INDEX)
        visible[tree->parent[node]] = 1;
    }

  self->visible_nodes = g_bytes_new_take (visible, MAX (tree->n_nodes, 1));

  return self->visible_nodes;
}
